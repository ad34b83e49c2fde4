//! Send Message and Master Write-Read (IPMI 2.0 §22.7, §22.11), DCMI Get Power Reading (DCMI
//! 1.5 §6.6.1) and the IPMB/LAN form of Platform Event Message (IPMI 2.0 §29.3): spec byte
//! layouts both ways, the bytes ipmitool and FreeIPMI sent and accepted (fixtures in
//! `tests/bridge_fixtures`, see `tests/oracle/bridge/README.md`), every truncated length,
//! over-long data, invalid fields, short output buffers, exhaustive walks of the packed bytes
//! and proptest round trips.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::{too_long, truncations, vector};

use core::fmt::Debug;

use ipmi_proto::command::bridge::*;
use ipmi_proto::command::dcmi::*;
use ipmi_proto::command::sensor_event::{
    EventDataCount, PlatformEventMessage, PlatformEventMessageIpmb,
    PlatformEventMessageIpmbRequest, PlatformEventMessageRequest, PlatformEventMessageResponse,
    ipmb_generator_id,
};
use ipmi_proto::command::{Command, CommandError, Message, Privilege};
use ipmi_proto::framing::{IpmbRequest, IpmbResponse, RqSeq};
use ipmi_proto::message::{
    BodyCode, Cmd, CompletionClass, CompletionCode, DefiningBody, Lun, NetFn, Request,
};
use proptest::prelude::*;
use sel_codec::{
    EventData, EventDirection, EventType, GeneratorId, SensorType, SystemEvent, Timestamp,
};

fn codes<C: Command>(netfn: NetFn, cmd: u8, privilege: Privilege, body: BodyCode) {
    assert_eq!(
        (C::NETFN, C::CMD, C::PRIVILEGE, C::BODY),
        (netfn, Cmd(cmd), privilege, body)
    );
}

/// The hex of the line of fixture `text` that starts with `key ` (or is `key` alone).
fn fixture(text: &str, key: &str) -> Vec<u8> {
    let line = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("no {key} line"));
    let hex: String = line.split_whitespace().skip(1).collect();
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// Splits the DCMI body code off fixture data and checks it is the command's.
fn dcmi_data(data: &[u8]) -> &[u8] {
    let (body, rest) = BodyCode::split(NetFn::GROUP_EXTENSION, data).unwrap();
    assert_eq!(body, GetPowerReading::BODY);
    assert_eq!(body, BodyCode::Group(DefiningBody::DCMI));
    rest
}

// ------------------------------------------------------------------------------------------
// Command codes, privileges (IPMI 2.0 Appendix G, DCMI 1.5) and completion codes.

#[test]
fn command_table() {
    let none = BodyCode::None;
    codes::<SendMessageCmd>(NetFn::APP, 0x34, Privilege::User, none);
    codes::<MasterWriteRead>(NetFn::APP, 0x52, Privilege::Operator, none);
    codes::<GetPowerReading>(
        NetFn::GROUP_EXTENSION,
        0x02,
        Privilege::User,
        BodyCode::Group(DefiningBody::DCMI),
    );
    codes::<PlatformEventMessageIpmb>(NetFn::SENSOR_EVENT, 0x02, Privilege::Operator, none);
    codes::<PlatformEventMessage>(NetFn::SENSOR_EVENT, 0x02, Privilege::Operator, none);
    assert!(GetPowerReading::BODY.fits(GetPowerReading::NETFN));
}

#[test]
fn completion_codes() {
    let table = [
        (SendMessageCmd::INVALID_SESSION_HANDLE, 0x80),
        (SendMessageCmd::LOST_ARBITRATION, 0x81),
        (SendMessageCmd::BUS_ERROR, 0x82),
        (SendMessageCmd::NAK_ON_WRITE, 0x83),
        (MasterWriteRead::LOST_ARBITRATION, 0x81),
        (MasterWriteRead::BUS_ERROR, 0x82),
        (MasterWriteRead::NAK_ON_WRITE, 0x83),
        (MasterWriteRead::TRUNCATED_READ, 0x84),
    ];
    for (cc, code) in table {
        assert_eq!(cc, CompletionCode(code));
        assert_eq!(cc.class(), CompletionClass::CommandSpecific);
        assert_eq!(cc.meaning(), None);
    }
}

// ------------------------------------------------------------------------------------------
// Send Message.

const IPMITOOL_SEND_MESSAGE: &str = include_str!("bridge_fixtures/ipmitool_send_message_lan.txt");

#[test]
fn send_message_ipmitool_lan() {
    let data = fixture(IPMITOOL_SEND_MESSAGE, "request");
    assert_eq!(
        data,
        [0x40, 0x82, 0x18, 0x66, 0x20, 0x24, 0x01, 0xBB],
        "fixture"
    );
    let frame = IpmbRequest {
        rs_sa: 0x82,
        rq_sa: 0x20,
        rq_seq: RqSeq::new(9).unwrap(),
        rq_lun: Lun::BMC,
        message: Request::new(NetFn::APP, Cmd(0x01), &[]),
    };
    let target = SendMessageChannel::new(ChannelNumber::PRIMARY_IPMB, Tracking::TrackRequest);
    vector(&data, &SendMessageIpmb { target, frame });
    vector(
        &data,
        &SendMessage {
            target,
            message: &data[1..],
        },
    );
    // The Send Message response carried no data (LAN) ...
    let response = fixture(IPMITOOL_SEND_MESSAGE, "response");
    assert!(response.is_empty());
    vector(&response, &SendMessageResponse::default());
    // ... and the bridged answer came as its own message, matching the encapsulated request.
    let bridged = fixture(IPMITOOL_SEND_MESSAGE, "bridged-response");
    let answer = IpmbResponse::parse(&bridged).unwrap();
    assert_eq!((answer.rs_sa, answer.rq_seq), (0x82, frame.rq_seq));
    assert_eq!(answer.message.cmd, Cmd(0x01));
    assert_eq!(answer.message.completion, CompletionCode::NORMAL);
    assert_eq!(answer.message.data.len(), 15);
}

/// A request frame with correct checksums (App NetFn unless `netfn` says otherwise).
fn frame_bytes(netfn_lun: u8, data: &[u8]) -> Vec<u8> {
    let chk = |b: &[u8]| b.iter().fold(0u8, |a, x| a.wrapping_sub(*x));
    let mut v = vec![0x82, netfn_lun, chk(&[0x82, netfn_lun]), 0x20, 0x08, 0x01];
    v.extend_from_slice(data);
    let c2 = chk(&v[3..]);
    v.push(c2);
    v
}

#[test]
fn send_message_system_interface_no_tracking() {
    // From the host: no tracking, channel 0, Get Device ID to 82h from the BMC's SMS LUN
    // (§6.12.1: the answer goes to the Receive Message Queue).
    let mut data = vec![0x00];
    data.extend(frame_bytes(0x18, &[]));
    let sm = <SendMessageIpmb as Message>::parse(&data).unwrap();
    assert_eq!(sm.target.tracking, Tracking::NoTracking);
    assert_eq!(sm.frame.rq_seq.value(), 2);
    vector(&data, &sm);
    // Authentication and encryption bits, send-raw tracking, another channel: all kept.
    for byte in [0x80, 0x30, 0x27, 0x6F] {
        data[0] = byte;
        let sm = <SendMessage as Message>::parse(&data).unwrap();
        assert_eq!(sm.target.to_byte(), byte);
        vector(&data, &sm);
    }
}

#[test]
fn send_message_lengths() {
    let mut longest = vec![0x40];
    longest.extend(frame_bytes(0x18, &[0x5A; 25]));
    assert_eq!(longest.len(), 33);
    let sm = <SendMessageIpmb as Message>::parse(&longest).unwrap();
    vector(&longest, &sm);
    assert_eq!(truncations::<SendMessageIpmb>(&longest[..8], &[]), 8);
    too_long::<SendMessageIpmb>(&longest);
    // The any-channel form needs only the channel byte.
    assert_eq!(
        truncations::<SendMessage>(&longest, &(1..33).collect::<Vec<_>>()),
        1
    );
    let max = vec![0x01; SendMessage::MAX_LEN];
    let sm = <SendMessage as Message>::parse(&max).unwrap();
    vector(&max, &sm);
    too_long::<SendMessage>(&max);
    // A short frame inside is Truncated with counts that include the channel byte.
    assert_eq!(
        <SendMessageIpmb as Message>::parse(&longest[..5]),
        Err(CommandError::Truncated {
            needed: 8,
            actual: 5
        })
    );
}

#[test]
fn send_message_invalid_fields() {
    let mut data = vec![0x40];
    data.extend(frame_bytes(0x18, &[0x11]));
    // Tracking 11b is reserved.
    for byte in [0xC0, 0xC0 | 0x3F] {
        let mut d = data.clone();
        d[0] = byte;
        let e = CommandError::InvalidField {
            offset: 0,
            value: byte,
        };
        assert_eq!(<SendMessage as Message>::parse(&d), Err(e));
        assert_eq!(<SendMessageIpmb as Message>::parse(&d), Err(e));
    }
    // Checksum 1 (data byte 3), checksum 2 (last byte).
    let mut d = data.clone();
    d[3] ^= 0xFF;
    assert_eq!(
        <SendMessageIpmb as Message>::parse(&d),
        Err(CommandError::InvalidField {
            offset: 3,
            value: d[3]
        })
    );
    let mut d = data.clone();
    let last = d.len() - 1;
    d[last] ^= 0x01;
    assert_eq!(
        <SendMessageIpmb as Message>::parse(&d),
        Err(CommandError::InvalidField {
            offset: last,
            value: d[last]
        })
    );
    // A response frame inside a Send Message request: the netFn/LUN byte is refused.
    let mut d = vec![0x40];
    d.extend(frame_bytes(0x1C, &[0x00]));
    assert_eq!(
        <SendMessageIpmb as Message>::parse(&d),
        Err(CommandError::InvalidField {
            offset: 2,
            value: 0x1C
        })
    );
    // The any-channel form does not look inside the message.
    assert!(<SendMessage as Message>::parse(&d).is_ok());
}

#[test]
fn send_message_channel_byte_exhaustive() {
    let frame = frame_bytes(0x18, &[]);
    let mut accepted = 0;
    for b in 0..=255u8 {
        let mut d = vec![b];
        d.extend_from_slice(&frame);
        match <SendMessageIpmb as Message>::parse(&d) {
            Ok(sm) => {
                accepted += 1;
                let mut out = [0u8; 8];
                assert_eq!(Message::emit(&sm, &mut out), Ok(8));
                assert_eq!(&out[..], &d[..]);
            }
            Err(e) => {
                assert_eq!(b >> 6, 0b11);
                assert_eq!(
                    e,
                    CommandError::InvalidField {
                        offset: 0,
                        value: b
                    }
                );
            }
        }
    }
    assert_eq!(accepted, 192);
}

#[test]
fn send_message_response() {
    vector(&[], &SendMessageResponse::default());
    let data = [0x1C, 0x81, 0x20, 0x00];
    vector(&data, &SendMessageResponse { data: &data });
    let max = [0u8; MAX_VARIABLE_DATA];
    vector(&max, &SendMessageResponse { data: &max });
    too_long::<SendMessageResponse>(&max);
}

// ------------------------------------------------------------------------------------------
// Master Write-Read.

const IPMITOOL_I2C: &str = include_str!("bridge_fixtures/ipmitool_i2c.txt");
const FREEIPMI_MWR: &str = include_str!("bridge_fixtures/freeipmi_master_write_read.txt");

#[test]
fn master_write_read_peers() {
    let expected = MasterWriteReadRequest::smbus_read(
        BusId::private(0).unwrap(),
        SlaveAddress::from_7bit(0x58).unwrap(),
        &0x8B,
        2,
    );
    for text in [IPMITOOL_I2C, FREEIPMI_MWR] {
        let data = fixture(text, "request");
        vector(&data, &expected);
        let r = MasterWriteReadRequest::parse(&data).unwrap();
        assert!(r.bus.is_private());
        assert_eq!((r.bus.bus(), r.address.seven_bit()), (0, 0x58));
        assert_eq!((r.read_count, r.write_data), (2, &[0x8B][..]));
    }
    let data = fixture(IPMITOOL_I2C, "response");
    let response = MasterWriteReadResponse { read_data: &data };
    vector(&data, &response);
    assert_eq!(response.read_data, &[0x0A, 0x18]);
    assert!(response.has_count(expected.read_count));
    assert!(!response.has_count(3));
}

#[test]
fn master_write_read_vectors() {
    // Public bus on channel 0 (IPMB), write two bytes, read none.
    let write_only = [0x00, 0xA0, 0x00, 0x10, 0x55];
    vector(
        &write_only,
        &MasterWriteReadRequest {
            bus: BusId::public(ChannelNumber::PRIMARY_IPMB),
            address: SlaveAddress::from_7bit(0x50).unwrap(),
            read_count: 0,
            write_data: &[0x10, 0x55],
        },
    );
    // Public bus on channel 6: channel bits 7:4.
    let public6 = [0x60, 0x30, 0x01];
    let r = MasterWriteReadRequest::parse(&public6).unwrap();
    assert_eq!(r.bus, BusId::public(ChannelNumber::new(6).unwrap()));
    assert_eq!(r.bus.channel().value(), 6);
    vector(&public6, &r);
    // Private bus 7 with channel bits set (ignored for private buses, kept), read only.
    let read_only = [0x5F, 0xFE, 0x20];
    let r = MasterWriteReadRequest::parse(&read_only).unwrap();
    assert_eq!((r.bus.bus(), r.bus.channel().value()), (7, 5));
    assert_eq!((r.address.seven_bit(), r.read_count), (0x7F, 0x20));
    assert!(r.write_data.is_empty());
    vector(&read_only, &r);
    // Lengths.
    assert_eq!(
        truncations::<MasterWriteReadRequest>(&write_only, &[3, 4]),
        3
    );
    let mut longest = vec![0x01, 0xB0, 0x02];
    longest.extend([0xEE; MAX_VARIABLE_DATA]);
    let r = MasterWriteReadRequest::parse(&longest).unwrap();
    vector(&longest, &r);
    too_long::<MasterWriteReadRequest>(&longest);
    // Response.
    vector(&[], &MasterWriteReadResponse::default());
    assert!(MasterWriteReadResponse::default().has_count(0));
    let max = [0x42u8; MAX_VARIABLE_DATA];
    vector(&max, &MasterWriteReadResponse { read_data: &max });
    too_long::<MasterWriteReadResponse>(&max);
}

#[test]
fn master_write_read_fields_exhaustive() {
    let mut accepted_bus = 0;
    let mut accepted_address = 0;
    for b in 0..=255u8 {
        match MasterWriteReadRequest::parse(&[b, 0xB0, 0x00]) {
            Ok(r) => {
                accepted_bus += 1;
                assert_eq!(r.bus.0, b);
                assert!(r.bus.is_private() || r.bus.bus() == 0);
            }
            Err(e) => {
                assert_eq!(
                    e,
                    CommandError::InvalidField {
                        offset: 0,
                        value: b
                    }
                );
                assert!(!BusId(b).is_private() && BusId(b).bus() != 0);
            }
        }
        match MasterWriteReadRequest::parse(&[0x01, b, 0x00]) {
            Ok(r) => {
                accepted_address += 1;
                assert_eq!(r.address, SlaveAddress::from_7bit(b >> 1).unwrap());
            }
            Err(e) => assert_eq!(
                e,
                CommandError::InvalidField {
                    offset: 1,
                    value: b
                }
            ),
        }
    }
    // Private: 128 values; public: 16 channels with bus ID 0.
    assert_eq!(accepted_bus, 128 + 16);
    assert_eq!(accepted_address, 128);
    for bus in 0..=7 {
        let id = BusId::private(bus).unwrap();
        assert_eq!(
            (id.bus(), id.is_private(), id.channel().value()),
            (bus, true, 0)
        );
    }
    assert!(BusId::private(8).is_err());
    assert!(SlaveAddress::from_7bit(0x80).is_err());
}

// ------------------------------------------------------------------------------------------
// DCMI Get Power Reading.

const IPMITOOL_DCMI: &str = include_str!("bridge_fixtures/ipmitool_dcmi_power_reading.txt");
const FREEIPMI_DCMI: &str = include_str!("bridge_fixtures/freeipmi_dcmi_power_reading.txt");

#[test]
fn power_reading_peers() {
    for text in [IPMITOOL_DCMI, FREEIPMI_DCMI] {
        let data = fixture(text, "request");
        vector(
            dcmi_data(&data),
            &GetPowerReadingRequest::SystemPowerStatistics,
        );
    }
    let data = fixture(IPMITOOL_DCMI, "response");
    let expected = GetPowerReadingResponse {
        current_power: 291,
        minimum_power: 100,
        maximum_power: 500,
        average_power: 250,
        timestamp: Timestamp(1_600_000_000), // 09/13/20 12:26:40 UTC, as ipmitool printed
        statistics_period_ms: 1000,          // "00000001 Seconds."
        state: PowerReadingState(0x40),      // "activated"
    };
    vector(dcmi_data(&data), &expected);
    assert!(expected.state.measurement_active());
}

#[test]
fn power_reading_request_exhaustive() {
    let mut accepted = 0;
    for mode in 0..=255u8 {
        for attributes in 0..=255u8 {
            let data = [mode, attributes, 0];
            match GetPowerReadingRequest::parse(&data) {
                Ok(r) => {
                    accepted += 1;
                    assert_eq!(r.mode(), mode);
                    let mut out = [0u8; 3];
                    assert_eq!(r.emit(&mut out), Ok(3));
                    assert_eq!(out, data);
                }
                Err(CommandError::InvalidField { offset: 0, value }) => {
                    assert_eq!(value, mode);
                    assert!(mode != 1 && mode != 2);
                }
                Err(e) => {
                    assert_eq!(
                        e,
                        CommandError::InvalidField {
                            offset: 1,
                            value: attributes
                        }
                    );
                    assert_eq!(mode, 1);
                }
            }
        }
    }
    assert_eq!(accepted, 1 + 256);
    for reserved in 1..=255u8 {
        for mode in [1, 2] {
            assert_eq!(
                GetPowerReadingRequest::parse(&[mode, 0, reserved]),
                Err(CommandError::InvalidField {
                    offset: 2,
                    value: reserved
                })
            );
        }
    }
}

#[test]
fn power_reading_request_vectors() {
    // Enhanced statistics over 1 hour (ipmitool's `1_hour` attribute 81h).
    let hour = [0x02, 0x81, 0x00];
    let r = GetPowerReadingRequest::EnhancedSystemPowerStatistics(
        AveragingPeriod::new(1, TimeUnit::Hours).unwrap(),
    );
    vector(&hour, &r);
    assert_eq!(truncations::<GetPowerReadingRequest>(&hour, &[]), 3);
    too_long::<GetPowerReadingRequest>(&hour);
    for (byte, count, unit, seconds) in [
        (0x05, 5, TimeUnit::Seconds, 5),
        (0x45, 5, TimeUnit::Minutes, 300),
        (0x4F, 15, TimeUnit::Minutes, 900),
        (0x5E, 30, TimeUnit::Minutes, 1800),
        (0x8C, 12, TimeUnit::Hours, 43_200),
        (0xC1, 1, TimeUnit::Days, 86_400),
        (0xFF, 63, TimeUnit::Days, 63 * 86_400),
    ] {
        let p = AveragingPeriod(byte);
        assert_eq!((p.count(), p.unit(), p.seconds()), (count, unit, seconds));
        assert_eq!(AveragingPeriod::new(count, unit), Ok(p));
    }
    assert!(AveragingPeriod::new(64, TimeUnit::Seconds).is_err());
}

#[test]
fn power_reading_response_lengths() {
    let data = dcmi_data(&fixture(IPMITOOL_DCMI, "response")).to_vec();
    assert_eq!(truncations::<GetPowerReadingResponse>(&data, &[]), 17);
    too_long::<GetPowerReadingResponse>(&data);
    // Reserved state bits and a cleared measurement bit are kept.
    for state in [0x00, 0x80, 0xBF, 0xFF] {
        let mut d = data.clone();
        d[16] = state;
        let r = GetPowerReadingResponse::parse(&d).unwrap();
        assert_eq!(r.state, PowerReadingState(state));
        assert_eq!(r.state.measurement_active(), state & 0x40 != 0);
        vector(&d, &r);
    }
}

// ------------------------------------------------------------------------------------------
// Platform Event Message, IPMB/LAN form.

const IPMITOOL_EVENT: &str = include_str!("bridge_fixtures/ipmitool_event.txt");
const FREEIPMI_EVENT: &str = include_str!("bridge_fixtures/freeipmi_platform_event.txt");

fn temperature_event(data: [u8; 3]) -> PlatformEventMessageIpmbRequest {
    PlatformEventMessageIpmbRequest {
        evm_revision: 0x04,
        sensor_type: SensorType(0x01),
        sensor_number: 0x30,
        direction: EventDirection::Assertion,
        event_type: EventType::THRESHOLD,
        event_data: EventData(data),
        event_data_count: EventDataCount::Three,
    }
}

#[test]
fn platform_event_peers() {
    for (text, data, generator) in [
        (IPMITOOL_EVENT, [0x09, 0xFF, 0xFF], 0x41),
        (FREEIPMI_EVENT, [0x59, 0x5A, 0x50], 0x41),
    ] {
        let body = temperature_event(data);
        let ipmb = fixture(text, "request-ipmb");
        vector(&ipmb, &body);
        let system = fixture(text, "request-system");
        let request = PlatformEventMessageRequest::from_ipmb(generator, body);
        vector(&system, &request);
        assert_eq!(request.ipmb_body(), body);
        // The system form is the generator byte, then the IPMB/LAN form.
        assert_eq!(system[0], generator);
        assert_eq!(&system[1..], &ipmb[..]);
    }
    vector(&[], &PlatformEventMessageResponse::default());
}

#[test]
fn platform_event_ipmb_lengths() {
    let all = [0x04, 0x22, 0x01, 0xEF, 0x05, 0x06, 0x07];
    let body = PlatformEventMessageIpmbRequest::parse(&all).unwrap();
    assert_eq!(body.direction, EventDirection::Deassertion);
    assert_eq!(body.event_type, EventType::SENSOR_SPECIFIC);
    vector(&all, &body);
    let two = PlatformEventMessageIpmbRequest {
        event_data: EventData([0x05, 0x06, 0xFF]),
        event_data_count: EventDataCount::Two,
        ..body
    };
    vector(&all[..6], &two);
    let one = PlatformEventMessageIpmbRequest {
        event_data: EventData([0x05, 0xFF, 0xFF]),
        event_data_count: EventDataCount::One,
        ..body
    };
    vector(&all[..5], &one);
    assert_eq!(
        truncations::<PlatformEventMessageIpmbRequest>(&all, &[5, 6]),
        5
    );
    too_long::<PlatformEventMessageIpmbRequest>(&all);
    // The system form's length errors count its generator byte.
    let mut system = vec![0x41];
    system.extend_from_slice(&all);
    assert_eq!(
        truncations::<PlatformEventMessageRequest>(&system, &[6, 7]),
        6
    );
    too_long::<PlatformEventMessageRequest>(&system);
}

#[test]
fn platform_event_ipmb_to_sel() {
    let body = temperature_event([0x09, 0xFF, 0xFF]);
    // From the remote console software ID 81h, LUN 0, over LAN channel 1.
    let lan = ipmb_generator_id(0x81, Lun::BMC, ChannelNumber::new(1).unwrap());
    assert_eq!(lan, GeneratorId(0x1081));
    // From a satellite controller at 8-bit address 82h, LUN 2, on the primary IPMB.
    let ipmb = ipmb_generator_id(0x82, Lun::SMS, ChannelNumber::PRIMARY_IPMB);
    assert_eq!(ipmb, GeneratorId(0x0282));
    assert_eq!(
        (ipmb.channel(), ipmb.lun(), ipmb.reserved_bits()),
        (0, 2, 0)
    );
    let event = body.to_system_event(lan, Timestamp(0x6000_0000));
    assert_eq!(
        event,
        SystemEvent {
            timestamp: Timestamp(0x6000_0000),
            generator: GeneratorId(0x1081),
            evm_revision: 0x04,
            sensor_type: SensorType(0x01),
            sensor_number: 0x30,
            direction: EventDirection::Assertion,
            event_type: EventType::THRESHOLD,
            data: EventData([0x09, 0xFF, 0xFF]),
        }
    );
    assert_eq!(
        PlatformEventMessageIpmbRequest::from_system_event(&event),
        body
    );
    // The same event through the system interface form keeps generator byte 2 at 0.
    let system = PlatformEventMessageRequest::from_ipmb(0x41, body);
    assert_eq!(
        system.to_system_event(event.timestamp),
        body.to_system_event(GeneratorId(0x0041), event.timestamp)
    );
}

// ------------------------------------------------------------------------------------------
// Property tests.

fn bytes(min: usize, max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), min..=max)
}

/// Bytes that parse: emit gives them back; parsing the emitted bytes gives the same value.
fn round_trip<'a, M: Message<'a> + PartialEq + Debug>(data: &'a [u8]) {
    let parsed = M::parse(data).unwrap();
    assert_eq!(parsed.buffer_len(), data.len());
    let mut out = vec![0xA5u8; data.len() + 4];
    assert_eq!(parsed.emit(&mut out), Ok(data.len()));
    assert_eq!(&out[..data.len()], data);
    if !data.is_empty() {
        let mut short = vec![0xA5u8; data.len() - 1];
        assert!(parsed.emit(&mut short).is_err());
        assert!(short.iter().all(|&b| b == 0xA5));
    }
}

macro_rules! round_trip_props {
    ($($name:ident: $ty:ty, $strategy:expr;)*) => {
        proptest! {
            $(
                #[test]
                fn $name(b in $strategy) {
                    let b: &'static [u8] = Box::leak(b.into_boxed_slice());
                    match <$ty as Message>::parse(b) {
                        Ok(_) => round_trip::<$ty>(b),
                        Err(CommandError::Truncated { actual, .. })
                        | Err(CommandError::TooLong { actual, .. }) => {
                            prop_assert_eq!(actual, b.len());
                        }
                        Err(CommandError::InvalidField { offset, value }) => {
                            prop_assert!(offset < b.len());
                            let known = offset == b.len() - 1 || b[offset] == value;
                            prop_assert!(known, "offset {} value {:02X}", offset, value);
                        }
                        Err(e) => prop_assert!(false, "unexpected error {:?}", e),
                    }
                }
            )*
        }
    };
}

/// Send Message data with a valid IPMB frame inside (any addresses, data and tracking).
fn send_message_ipmb_bytes() -> impl Strategy<Value = Vec<u8>> {
    (any::<u8>(), any::<[u8; 5]>(), bytes(0, 25)).prop_map(|(channel, h, data)| {
        let chk = |b: &[u8]| b.iter().fold(0u8, |a, x| a.wrapping_sub(*x));
        let netfn_lun = h[1] & !0x04; // an even NetFn: a request
        let mut v = vec![
            channel,
            h[0],
            netfn_lun,
            chk(&[h[0], netfn_lun]),
            h[2],
            h[3],
            h[4],
        ];
        v.extend(data);
        let c2 = chk(&v[4..]);
        v.push(c2);
        v
    })
}

fn mwr_bytes() -> impl Strategy<Value = Vec<u8>> {
    (any::<u8>(), any::<u8>(), any::<u8>(), bytes(0, 40)).prop_map(|(bus, addr, count, data)| {
        let bus = if bus & 1 == 0 { bus & 0xF0 } else { bus };
        let mut v = vec![bus, addr & 0xFE, count];
        v.extend(data);
        v
    })
}

fn power_request_bytes() -> impl Strategy<Value = Vec<u8>> {
    (1u8..=2, any::<u8>()).prop_map(|(mode, a)| vec![mode, if mode == 1 { 0 } else { a }, 0])
}

round_trip_props! {
    prop_send_message: SendMessage<'static>, bytes(0, 40);
    prop_send_message_ipmb_any: SendMessageIpmb<'static>, bytes(0, 40);
    prop_send_message_ipmb: SendMessageIpmb<'static>, send_message_ipmb_bytes();
    prop_send_message_rsp: SendMessageResponse<'static>, bytes(0, 40);
    prop_mwr_any: MasterWriteReadRequest<'static>, bytes(0, 40);
    prop_mwr: MasterWriteReadRequest<'static>, mwr_bytes();
    prop_mwr_rsp: MasterWriteReadResponse<'static>, bytes(0, 40);
    prop_power_req_any: GetPowerReadingRequest, bytes(2, 4);
    prop_power_req: GetPowerReadingRequest, power_request_bytes();
    prop_power_rsp: GetPowerReadingResponse, bytes(16, 18);
    prop_pem_ipmb: PlatformEventMessageIpmbRequest, bytes(4, 8);
    prop_pem_system: PlatformEventMessageRequest, bytes(5, 9);
}

fn tracking() -> impl Strategy<Value = Tracking> {
    prop::sample::select(vec![
        Tracking::NoTracking,
        Tracking::TrackRequest,
        Tracking::SendRaw,
    ])
}

fn target() -> impl Strategy<Value = SendMessageChannel> {
    (tracking(), any::<bool>(), any::<bool>(), 0u8..=15).prop_map(|(t, a, e, c)| {
        SendMessageChannel {
            tracking: t,
            authentication: a,
            encryption: e,
            channel: ChannelNumber::new(c).unwrap(),
        }
    })
}

fn time_unit() -> impl Strategy<Value = TimeUnit> {
    prop::sample::select(vec![
        TimeUnit::Seconds,
        TimeUnit::Minutes,
        TimeUnit::Hours,
        TimeUnit::Days,
    ])
}

fn event_body() -> impl Strategy<Value = PlatformEventMessageIpmbRequest> {
    (any::<[u8; 4]>(), any::<[u8; 3]>(), 1usize..=3).prop_map(|(h, d, n)| {
        let mut data = [0xFF; 3];
        data[..n].copy_from_slice(&d[..n]);
        PlatformEventMessageIpmbRequest {
            evm_revision: h[0],
            sensor_type: SensorType(h[1]),
            sensor_number: h[2],
            direction: if h[3] & 0x80 == 0 {
                EventDirection::Assertion
            } else {
                EventDirection::Deassertion
            },
            event_type: EventType::from_low_bits(h[3]),
            event_data: EventData(data),
            event_data_count: match n {
                1 => EventDataCount::One,
                2 => EventDataCount::Two,
                _ => EventDataCount::Three,
            },
        }
    })
}

/// Emits `value`, parses the bytes and expects `value` back.
fn value_round_trip<'a, M: Message<'a> + PartialEq + Debug>(value: &M, out: &'a mut [u8]) {
    let n = value.emit(out).unwrap();
    assert_eq!(n, value.buffer_len());
    assert_eq!(M::parse(&out[..n]).as_ref(), Ok(value));
}

proptest! {
    /// Structured values: emit then parse gives the value back.
    #[test]
    fn prop_send_message_value(target in target(), message in bytes(0, 40)) {
        let sm = SendMessage { target, message: &message };
        value_round_trip(&sm, &mut [0u8; 64]);
        prop_assert_eq!(SendMessageChannel::from_byte(target.to_byte()), target);
    }

    #[test]
    fn prop_send_message_ipmb_value(
        target in target(),
        rs_sa in any::<u8>(),
        rq_sa in any::<u8>(),
        seq in 0u8..=63,
        luns in (0u8..=3, 0u8..=3),
        netfn in (0u8..=31).prop_map(|n| n * 2),
        cmd in any::<u8>(),
        data in bytes(0, 25),
    ) {
        let frame = IpmbRequest {
            rs_sa,
            rq_sa,
            rq_seq: RqSeq::new(seq).unwrap(),
            rq_lun: Lun::new(luns.0).unwrap(),
            message: Request {
                netfn: NetFn::new(netfn).unwrap(),
                lun: Lun::new(luns.1).unwrap(),
                cmd: Cmd(cmd),
                data: &data,
            },
        };
        value_round_trip(&SendMessageIpmb { target, frame }, &mut [0u8; 64]);
    }

    #[test]
    fn prop_mwr_value(
        private in any::<bool>(),
        bus in 0u8..=7,
        channel in 0u8..=15,
        address in 0u8..=0x7F,
        read_count in any::<u8>(),
        data in bytes(0, 40),
    ) {
        let bus = if private {
            BusId(BusId::private(bus).unwrap().0 | (channel << 4))
        } else {
            BusId::public(ChannelNumber::new(channel).unwrap())
        };
        let request = MasterWriteReadRequest {
            bus,
            address: SlaveAddress::from_7bit(address).unwrap(),
            read_count,
            write_data: &data,
        };
        value_round_trip(&request, &mut [0u8; 64]);
        let command = [data.first().copied().unwrap_or(0x8B)];
        let smbus = MasterWriteReadRequest::smbus_read(bus, request.address, &command[0], read_count);
        value_round_trip(&smbus, &mut [0u8; 8]);
        value_round_trip(&MasterWriteReadResponse { read_data: &data }, &mut [0u8; 64]);
        value_round_trip(&SendMessageResponse { data: &data }, &mut [0u8; 64]);
    }

    #[test]
    fn prop_power_value(
        enhanced in any::<bool>(),
        count in 0u8..=63,
        unit in time_unit(),
        powers in any::<[u16; 4]>(),
        ts in any::<u32>(),
        period in any::<u32>(),
        state in any::<u8>(),
    ) {
        let request = if enhanced {
            GetPowerReadingRequest::EnhancedSystemPowerStatistics(
                AveragingPeriod::new(count, unit).unwrap(),
            )
        } else {
            GetPowerReadingRequest::SystemPowerStatistics
        };
        value_round_trip(&request, &mut [0u8; 3]);
        let response = GetPowerReadingResponse {
            current_power: powers[0],
            minimum_power: powers[1],
            maximum_power: powers[2],
            average_power: powers[3],
            timestamp: Timestamp(ts),
            statistics_period_ms: period,
            state: PowerReadingState(state),
        };
        value_round_trip(&response, &mut [0u8; 17]);
    }

    #[test]
    fn prop_pem_ipmb_value(body in event_body(), generator in any::<u8>()) {
        value_round_trip(&body, &mut [0u8; 7]);
        let system = PlatformEventMessageRequest::from_ipmb(generator, body);
        value_round_trip(&system, &mut [0u8; 8]);
        prop_assert_eq!(system.ipmb_body(), body);
        let mut a = [0u8; 8];
        let mut b = [0u8; 7];
        let n = system.emit(&mut a).unwrap();
        let m = body.emit(&mut b).unwrap();
        prop_assert_eq!(a[0], generator);
        prop_assert_eq!(&a[1..n], &b[..m]);
    }
}
