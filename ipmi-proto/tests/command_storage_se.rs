//! Storage (SEL, SDR repository, FRU) and Sensor/Event commands: spec byte layouts both ways,
//! every truncated length, over-long data, invalid fields, too-small output buffers, exhaustive
//! walks of the short messages and proptest round trips.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use core::fmt::Debug;

use ipmi_proto::command::sensor_event::{
    EventDataCount, GetDeviceSdr, GetDeviceSdrInfo, GetDeviceSdrInfoRequest,
    GetDeviceSdrInfoResponse, GetSensorReading, GetSensorReadingResponse, GetSensorThresholds,
    GetSensorThresholdsResponse, PlatformEventMessage, PlatformEventMessageRequest,
    PlatformEventMessageResponse, ReadingStates, ReserveDeviceSdrRepository,
    ReserveDeviceSdrRepositoryRequest, SdrInfoCount, SensorNumberRequest, ThresholdMask,
};
use ipmi_proto::command::storage::{
    AddSelEntry, AddSelEntryRequest, ClearSel, ClearSelAction, ClearSelRequest, ClearSelResponse,
    ErasureProgress, FruAccess, FruDeviceId, GetFruInventoryAreaInfo,
    GetFruInventoryAreaInfoRequest, GetFruInventoryAreaInfoResponse, GetRecordRequest, GetSdr,
    GetSdrRepositoryInfo, GetSdrRepositoryInfoRequest, GetSdrRepositoryInfoResponse,
    GetSdrResponse, GetSelEntry, GetSelEntryResponse, GetSelInfo, GetSelInfoRequest,
    GetSelInfoResponse, GetSelTime, GetSelTimeRequest, ReadFruData, ReadFruDataRequest,
    ReadFruDataResponse, RecordIdResponse, RepositoryInfo, ReservationId, ReserveResponse,
    ReserveSdrRepository, ReserveSdrRepositoryRequest, ReserveSel, ReserveSelRequest,
    SdrUpdateSupport, SelTime, SetSelTime, SetSelTimeResponse, WriteFruData, WriteFruDataRequest,
    WriteFruDataResponse,
};
use ipmi_proto::command::{BufferTooSmall, Command, CommandError, Message, Privilege};
use ipmi_proto::message::{Cmd, NetFn};
use proptest::prelude::*;
use sel_codec::{
    EventData, EventDirection, EventType, GeneratorId, SelRecord, SensorType, SystemEvent,
    Timestamp,
};

/// Checks one spec vector both ways plus the generic length and buffer properties.
fn vector<'a, M: Message<'a> + PartialEq + Debug>(bytes: &'a [u8], expected: &M) {
    assert_eq!(M::parse(bytes).as_ref(), Ok(expected), "parse {bytes:02X?}");
    assert_eq!(expected.buffer_len(), bytes.len());
    let mut out = [0xA5u8; 300];
    assert_eq!(expected.emit(&mut out), Ok(bytes.len()));
    assert_eq!(&out[..bytes.len()], bytes, "emit");
    assert!(
        out[bytes.len()..].iter().all(|&b| b == 0xA5),
        "wrote past the end"
    );
    buffer_too_small(expected);
    truncated::<M>(bytes);
    too_long::<M>(bytes);
}

/// Emitting into every shorter buffer fails with `BufferTooSmall` and writes nothing.
fn buffer_too_small<'a, M: Message<'a>>(message: &M) {
    let len = message.buffer_len();
    for available in 0..len {
        let mut out = vec![0xA5u8; available];
        assert_eq!(
            message.emit(&mut out),
            Err(BufferTooSmall {
                needed: len,
                available
            })
        );
        assert!(out.iter().all(|&b| b == 0xA5), "wrote into a short buffer");
    }
}

/// Every prefix shorter than `MIN_LEN` is `Truncated`.
fn truncated<'a, M: Message<'a> + PartialEq + Debug>(bytes: &'a [u8]) {
    for n in 0..M::MIN_LEN.min(bytes.len()) {
        assert_eq!(
            M::parse(&bytes[..n]),
            Err(CommandError::Truncated {
                needed: M::MIN_LEN,
                actual: n
            }),
            "prefix of {n}"
        );
    }
}

/// `MAX_LEN + 1` bytes (the vector padded) are `TooLong`; for a fixed length, one extra byte.
fn too_long<'a, M: Message<'a> + PartialEq + Debug>(bytes: &[u8]) {
    let mut long = bytes.to_vec();
    long.resize(M::MAX_LEN + 1, 0);
    let long: &'static [u8] = Box::leak(long.into_boxed_slice());
    // The leaked slice is 'static, which outlives 'a.
    assert_eq!(
        M::parse(long),
        Err(CommandError::TooLong {
            max: M::MAX_LEN,
            actual: M::MAX_LEN + 1
        })
    );
}

/// `emit(parse(b)) == b` and `parse(emit(x)) == x` for bytes that parse.
fn round_trip<'a, M: Message<'a> + PartialEq + Debug>(bytes: &'a [u8]) -> Option<M> {
    let parsed = M::parse(bytes).ok()?;
    let mut out = vec![0u8; parsed.buffer_len()];
    assert_eq!(parsed.emit(&mut out), Ok(bytes.len()));
    assert_eq!(out, bytes);
    let out: &'static [u8] = Box::leak(out.into_boxed_slice());
    let again = M::parse(out).unwrap();
    assert_eq!(again, parsed);
    Some(parsed)
}

fn codes<C: Command>() -> (NetFn, Cmd, Privilege) {
    (C::NETFN, C::CMD, C::PRIVILEGE)
}

#[test]
fn command_codes_and_privileges() {
    use Privilege::{Operator, User};
    let s = NetFn::STORAGE;
    let se = NetFn::SENSOR_EVENT;
    // IPMI 2.0 Appendix G.
    let table = [
        (codes::<GetSelInfo>(), (s, Cmd(0x40), User)),
        (codes::<ReserveSel>(), (s, Cmd(0x42), User)),
        (codes::<GetSelEntry>(), (s, Cmd(0x43), User)),
        (codes::<AddSelEntry>(), (s, Cmd(0x44), Operator)),
        (codes::<ClearSel>(), (s, Cmd(0x47), Operator)),
        (codes::<GetSelTime>(), (s, Cmd(0x48), User)),
        (codes::<SetSelTime>(), (s, Cmd(0x49), Operator)),
        (codes::<GetSdrRepositoryInfo>(), (s, Cmd(0x20), User)),
        (codes::<ReserveSdrRepository>(), (s, Cmd(0x22), User)),
        (codes::<GetSdr>(), (s, Cmd(0x23), User)),
        (codes::<GetFruInventoryAreaInfo>(), (s, Cmd(0x10), User)),
        (codes::<ReadFruData>(), (s, Cmd(0x11), User)),
        (codes::<WriteFruData>(), (s, Cmd(0x12), Operator)),
        (codes::<PlatformEventMessage>(), (se, Cmd(0x02), Operator)),
        (codes::<GetSensorReading>(), (se, Cmd(0x2D), User)),
        (codes::<GetSensorThresholds>(), (se, Cmd(0x27), User)),
        (codes::<GetDeviceSdrInfo>(), (se, Cmd(0x20), User)),
        (codes::<GetDeviceSdr>(), (se, Cmd(0x21), User)),
        (codes::<ReserveDeviceSdrRepository>(), (se, Cmd(0x22), User)),
    ];
    for (got, want) in table {
        assert_eq!(got, want);
    }
}

// --- SEL ---------------------------------------------------------------------------------

fn sel_info_bytes() -> [u8; 14] {
    // Version 51h, 3 entries, 3FD0h bytes free, added at 00000010h, erased at FFFFFFFFh,
    // overflow clear, delete + reserve supported.
    [
        0x51, 0x03, 0x00, 0xD0, 0x3F, 0x10, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0A,
    ]
}

#[test]
fn get_sel_info() {
    vector(&[], &GetSelInfoRequest::default());
    assert_eq!(
        GetSelInfoRequest::parse(&[0]),
        Err(CommandError::TooLong { max: 0, actual: 1 })
    );
    let bytes = sel_info_bytes();
    let info = RepositoryInfo {
        version: RepositoryInfo::IPMI_2_0,
        entries: 3,
        free_space: 0x3FD0,
        most_recent_addition: Timestamp(0x10),
        most_recent_erase: Timestamp(0xFFFF_FFFF),
        operation_support: 0x0A,
    };
    vector(&bytes, &GetSelInfoResponse { info });
    assert!(!info.overflow() && info.delete_supported() && info.reserve_supported());
    assert!(!info.partial_add_supported() && !info.allocation_info_supported());
}

#[test]
fn reserve_sel() {
    vector(&[], &ReserveSelRequest::default());
    vector(
        &[0x34, 0x12],
        &ReserveResponse {
            reservation_id: ReservationId(0x1234),
        },
    );
}

#[test]
fn get_sel_entry() {
    // Reservation 0000h, record FFFFh (last), whole record.
    let request = GetRecordRequest::whole(ReservationId::NONE, GetRecordRequest::LAST);
    vector(&[0x00, 0x00, 0xFF, 0xFF, 0x00, 0xFF], &request);
    assert!(request.is_entire_record());
    // Partial read: reservation 0102h, record 0005h, 4 bytes at offset 3.
    vector(
        &[0x02, 0x01, 0x05, 0x00, 0x03, 0x04],
        &GetRecordRequest::partial(ReservationId(0x0102), 5, 3, 4),
    );

    let record = [
        0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x04, 0x01, 0x30, 0x01, 0x57, 0xFF,
        0xFF,
    ];
    let mut whole = vec![0x02, 0x00];
    whole.extend_from_slice(&record);
    let rsp = GetSelEntryResponse {
        next_record_id: 2,
        data: &record,
    };
    vector(&whole, &rsp);
    let view = rsp.record().unwrap();
    assert_eq!(view.id(), 1);
    assert_eq!(view.sensor_number(), 0x30);
    // A partial read of 4 bytes has no whole record.
    let partial = GetSelEntryResponse {
        next_record_id: 0xFFFF,
        data: &record[3..7],
    };
    vector(&[0xFF, 0xFF, 0, 0, 0, 0], &partial);
    assert!(partial.record().is_none());
    // Every length from 2 to 18 parses.
    for n in 2..=whole.len() {
        assert_eq!(
            GetSelEntryResponse::parse(&whole[..n]).unwrap().data.len(),
            n - 2
        );
    }
}

#[test]
fn add_sel_entry() {
    let bytes = [
        0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x41, 0x00, 0x04, 0x22, 0x01, 0x6F, 0x05, 0xFF,
        0xFF,
    ];
    let record = SelRecord::from_bytes(&bytes);
    vector(&bytes, &AddSelEntryRequest { record });
    vector(&[0x4D, 0x00], &RecordIdResponse { record_id: 0x4D });
}

#[test]
fn clear_sel() {
    vector(
        &[0x34, 0x12, 0x43, 0x4C, 0x52, 0xAA],
        &ClearSelRequest {
            reservation_id: ReservationId(0x1234),
            action: ClearSelAction::InitiateErase,
        },
    );
    vector(
        &[0x34, 0x12, 0x43, 0x4C, 0x52, 0x00],
        &ClearSelRequest {
            reservation_id: ReservationId(0x1234),
            action: ClearSelAction::GetStatus,
        },
    );
    // Wrong confirmation letters and actions.
    for (i, bad) in [(2usize, b'c'), (3, b'X'), (4, 0x00)] {
        let mut b = [0x34, 0x12, 0x43, 0x4C, 0x52, 0xAA];
        b[i] = bad;
        let err = ClearSelRequest::parse(&b).unwrap_err();
        assert_eq!(
            err,
            CommandError::InvalidField {
                offset: i,
                value: bad
            }
        );
        assert_eq!(err.completion_code().0, 0xCC);
    }
    let mut accepted = 0;
    for action in 0..=255u8 {
        let b = [0, 0, b'C', b'L', b'R', action];
        match ClearSelRequest::parse(&b) {
            Ok(_) => accepted += 1,
            Err(e) => assert_eq!(
                e,
                CommandError::InvalidField {
                    offset: 5,
                    value: action
                }
            ),
        }
    }
    assert_eq!(accepted, 2);

    vector(&[0x01], &ClearSelResponse::new(ErasureProgress::Completed));
    vector(&[0x00], &ClearSelResponse::new(ErasureProgress::InProgress));
    vector(
        &[0xF7],
        &ClearSelResponse {
            progress: ErasureProgress::Reserved(7),
            reserved: 0xF0,
        },
    );
}

#[test]
fn clear_sel_response_exhaustive() {
    for b in 0..=255u8 {
        let r = round_trip::<ClearSelResponse>(&[b]).unwrap();
        assert_eq!(r.progress.bits(), b & 0x0F);
    }
}

#[test]
fn sel_time() {
    vector(&[], &GetSelTimeRequest::default());
    let t = SelTime {
        time: Timestamp(0x6543_2100),
    };
    vector(&[0x00, 0x21, 0x43, 0x65], &t);
    vector(&[], &SetSelTimeResponse::default());
}

// --- SDR repository --------------------------------------------------------------------------

#[test]
fn sdr_repository_info() {
    vector(&[], &GetSdrRepositoryInfoRequest::default());
    let mut bytes = sel_info_bytes();
    bytes[13] = 0xA2; // overflow (bit 7), non-modal update (bits 6:5 = 01b), reserve (bit 1).
    let rsp = GetSdrRepositoryInfoResponse::parse(&bytes).unwrap();
    vector(&bytes, &rsp);
    assert_eq!(rsp.update_support(), SdrUpdateSupport::NonModal);
    assert!(rsp.info.overflow() && rsp.info.reserve_supported());
    for (byte, want) in [
        (0x00, SdrUpdateSupport::Unspecified),
        (0x20, SdrUpdateSupport::NonModal),
        (0x40, SdrUpdateSupport::Modal),
        (0x60, SdrUpdateSupport::Both),
    ] {
        bytes[13] = byte;
        assert_eq!(
            GetSdrRepositoryInfoResponse::parse(&bytes)
                .unwrap()
                .update_support(),
            want
        );
    }
    vector(&[], &ReserveSdrRepositoryRequest::default());
}

#[test]
fn get_sdr() {
    vector(
        &[0x01, 0x00, 0x3C, 0x00, 0x05, 0x10],
        &GetRecordRequest::partial(ReservationId(1), 0x3C, 5, 0x10),
    );
    // Header of record 003Ch (SDR version 51h, type 01h, length 3Bh), next record 003Dh.
    let header = [0x3C, 0x00, 0x51, 0x01, 0x3B];
    vector(
        &[0x3D, 0x00, 0x3C, 0x00, 0x51, 0x01, 0x3B],
        &GetSdrResponse {
            next_record_id: 0x3D,
            data: &header,
        },
    );
    // The largest response: a 260-byte record.
    let big = vec![0x11u8; 2 + GetSdrResponse::MAX_RECORD];
    assert_eq!(GetSdrResponse::parse(&big).unwrap().data.len(), 260);
}

// --- FRU ---------------------------------------------------------------------------------------

#[test]
fn fru_inventory_area_info() {
    vector(
        &[0x00],
        &GetFruInventoryAreaInfoRequest {
            fru_device_id: FruDeviceId(0),
        },
    );
    assert_eq!(
        GetFruInventoryAreaInfoRequest::parse(&[0xFF]),
        Err(CommandError::InvalidField {
            offset: 0,
            value: 0xFF
        })
    );
    vector(
        &[0x00, 0x04, 0x00],
        &GetFruInventoryAreaInfoResponse {
            area_size: 0x0400,
            access: FruAccess::Bytes,
            reserved: 0,
        },
    );
    vector(
        &[0x00, 0x01, 0x81],
        &GetFruInventoryAreaInfoResponse {
            area_size: 0x0100,
            access: FruAccess::Words,
            reserved: 0x80,
        },
    );
}

#[test]
fn read_fru_data() {
    vector(
        &[0x00, 0x08, 0x00, 0x10],
        &ReadFruDataRequest {
            fru_device_id: FruDeviceId(0),
            offset: 8,
            count: 0x10,
        },
    );
    assert_eq!(
        ReadFruDataRequest::parse(&[0xFF, 0, 0, 1]),
        Err(CommandError::InvalidField {
            offset: 0,
            value: 0xFF
        })
    );
    let payload = [0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xFE];
    let rsp = ReadFruDataResponse::new(&payload).unwrap();
    assert_eq!(rsp.count(), 8);
    vector(
        &[0x08, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xFE],
        &rsp,
    );
    vector(&[0x00], &ReadFruDataResponse::new(&[]).unwrap());
    // The count byte and the data must agree.
    assert_eq!(
        ReadFruDataResponse::parse(&[0x03, 1, 2]),
        Err(CommandError::Truncated {
            needed: 4,
            actual: 3
        })
    );
    assert_eq!(
        ReadFruDataResponse::parse(&[0x01, 1, 2]),
        Err(CommandError::TooLong { max: 2, actual: 3 })
    );
    assert!(ReadFruDataResponse::new(&[0u8; 256]).is_none());
    assert_eq!(ReadFruDataResponse::new(&[0u8; 255]).unwrap().count(), 255);
}

#[test]
fn write_fru_data() {
    let data = [0xDE, 0xAD];
    vector(
        &[0x01, 0x00, 0x02, 0xDE, 0xAD],
        &WriteFruDataRequest {
            fru_device_id: FruDeviceId(1),
            offset: 0x0200,
            data: &data,
        },
    );
    assert_eq!(
        WriteFruDataRequest::parse(&[0xFF, 0, 0, 1]),
        Err(CommandError::InvalidField {
            offset: 0,
            value: 0xFF
        })
    );
    vector(&[0x02], &WriteFruDataResponse { count_written: 2 });
}

// --- Sensor/Event ----------------------------------------------------------------------------

#[test]
fn platform_event_message() {
    // Software ID 20h, EvMRev 04h, temperature (01h) sensor 30h, threshold assertion,
    // event data 1 = 59h (upper critical going high, trigger reading and threshold in 2 and 3).
    let all = [0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x5A, 0x50];
    let request = PlatformEventMessageRequest {
        generator_id: 0x41,
        evm_revision: 0x04,
        sensor_type: SensorType(0x01),
        sensor_number: 0x30,
        direction: EventDirection::Assertion,
        event_type: EventType::THRESHOLD,
        event_data: EventData([0x59, 0x5A, 0x50]),
        event_data_count: EventDataCount::Three,
    };
    vector(&all, &request);
    // Deassertion, sensor-specific, one event data byte.
    let one = [0x41, 0x04, 0x22, 0x01, 0xEF, 0x05];
    let deassert = PlatformEventMessageRequest {
        sensor_type: SensorType(0x22),
        sensor_number: 0x01,
        direction: EventDirection::Deassertion,
        event_type: EventType::SENSOR_SPECIFIC,
        event_data: EventData([0x05, 0xFF, 0xFF]),
        event_data_count: EventDataCount::One,
        ..request
    };
    vector(&one, &deassert);
    let two = PlatformEventMessageRequest::parse(&all[..7]).unwrap();
    assert_eq!(two.event_data.0, [0x59, 0x5A, 0xFF]);
    assert_eq!(two.event_data_count, EventDataCount::Two);
    vector(&[], &PlatformEventMessageResponse::default());

    // To and from the SEL form.
    let event = request.to_system_event(Timestamp(0x6000_0000));
    assert_eq!(
        event,
        SystemEvent {
            timestamp: Timestamp(0x6000_0000),
            generator: GeneratorId(0x0041),
            evm_revision: 0x04,
            sensor_type: SensorType(0x01),
            sensor_number: 0x30,
            direction: EventDirection::Assertion,
            event_type: EventType::THRESHOLD,
            data: EventData([0x59, 0x5A, 0x50]),
        }
    );
    assert_eq!(
        PlatformEventMessageRequest::from_system_event(&event),
        Some(request)
    );
    let ipmb = SystemEvent {
        generator: GeneratorId(0x0120),
        ..event
    };
    assert_eq!(PlatformEventMessageRequest::from_system_event(&ipmb), None);
}

#[test]
fn sensor_number_request_exhaustive() {
    let mut accepted = 0;
    for b in 0..=255u8 {
        match SensorNumberRequest::parse(&[b]) {
            Ok(r) => {
                accepted += 1;
                round_trip::<SensorNumberRequest>(&[b]);
                assert_eq!(r.sensor_number, b);
            }
            Err(e) => assert_eq!(
                (b, e),
                (
                    0xFF,
                    CommandError::InvalidField {
                        offset: 0,
                        value: 0xFF
                    }
                )
            ),
        }
    }
    assert_eq!(accepted, 255);
    vector(
        &[0x30],
        &SensorNumberRequest {
            sensor_number: 0x30,
        },
    );
}

#[test]
fn get_sensor_reading() {
    // Threshold sensor: reading 3Ah, events + scanning enabled, upper non-critical, byte 5 80h.
    let rsp = GetSensorReadingResponse {
        reading: 0x3A,
        event_messages_enabled: true,
        scanning_enabled: true,
        reading_unavailable: false,
        reserved: 0,
        states: ReadingStates::Two(0xC8, 0x80),
    };
    vector(&[0x3A, 0xC0, 0xC8, 0x80], &rsp);
    assert_eq!(rsp.threshold_status(), Some(ThresholdMask(0x08)));
    // Discrete sensor, reading unavailable, states 0x4102.
    let discrete = GetSensorReadingResponse {
        reading: 0x00,
        event_messages_enabled: false,
        scanning_enabled: true,
        reading_unavailable: true,
        reserved: 0x01,
        states: ReadingStates::Two(0x02, 0xC1),
    };
    vector(&[0x00, 0x61, 0x02, 0xC1], &discrete);
    assert_eq!(discrete.discrete_states(), Some(0x4102));
    let short = GetSensorReadingResponse {
        states: ReadingStates::Absent,
        ..rsp
    };
    vector(&[0x3A, 0xC0], &short);
    assert_eq!(short.threshold_status(), None);
    vector(
        &[0x3A, 0xC0, 0x01],
        &GetSensorReadingResponse {
            states: ReadingStates::One(0x01),
            ..rsp
        },
    );
}

#[test]
fn get_sensor_reading_exhaustive_two_and_three_bytes() {
    let mut walked = 0u32;
    for r in 0..=255u8 {
        for f in 0..=255u8 {
            round_trip::<GetSensorReadingResponse>(&[r, f]).unwrap();
            round_trip::<GetSensorReadingResponse>(&[r, f, r ^ f]).unwrap();
            walked += 2;
        }
    }
    assert_eq!(walked, 131_072);
}

#[test]
fn get_sensor_thresholds() {
    let rsp = GetSensorThresholdsResponse {
        readable: ThresholdMask(0x1B),
        lower_non_critical: 0x10,
        lower_critical: 0x08,
        lower_non_recoverable: 0x00,
        upper_non_critical: 0x50,
        upper_critical: 0x5A,
        upper_non_recoverable: 0x00,
    };
    vector(&[0x1B, 0x10, 0x08, 0x00, 0x50, 0x5A, 0x00], &rsp);
    assert_eq!(rsp.get(ThresholdMask::UPPER_CRITICAL), Some(0x5A));
    assert_eq!(rsp.get(ThresholdMask::LOWER_CRITICAL), Some(0x08));
    assert_eq!(rsp.get(ThresholdMask::LOWER_NON_RECOVERABLE), None);
    assert_eq!(rsp.get(ThresholdMask(0x03)), None);
}

#[test]
fn device_sdr_info() {
    vector(&[], &GetDeviceSdrInfoRequest::default());
    vector(
        &[0x01],
        &GetDeviceSdrInfoRequest {
            count: Some(SdrInfoCount::Sdrs),
            reserved: 0,
        },
    );
    vector(
        &[0x00],
        &GetDeviceSdrInfoRequest {
            count: Some(SdrInfoCount::Sensors),
            reserved: 0,
        },
    );
    for b in 0..=255u8 {
        round_trip::<GetDeviceSdrInfoRequest>(&[b]).unwrap();
    }
    // Static population, 5 sensors on LUN 0.
    let fixed = GetDeviceSdrInfoResponse {
        number: 5,
        dynamic_population: false,
        reserved: 0,
        luns_with_sensors: 0x01,
        change_indicator: None,
    };
    vector(&[0x05, 0x01], &fixed);
    assert!(fixed.lun_has_sensors(0) && !fixed.lun_has_sensors(1) && !fixed.lun_has_sensors(9));
    let dynamic = GetDeviceSdrInfoResponse {
        number: 7,
        dynamic_population: true,
        reserved: 0,
        luns_with_sensors: 0x05,
        change_indicator: Some(0x1234_5678),
    };
    vector(&[0x07, 0x85, 0x78, 0x56, 0x34, 0x12], &dynamic);
    for n in 3..=5 {
        assert_eq!(
            GetDeviceSdrInfoResponse::parse(&[0x07, 0x85, 0x78, 0x56, 0x34][..n]),
            Err(CommandError::Truncated {
                needed: 6,
                actual: n
            })
        );
    }
}

#[test]
fn device_sdr_and_reserve() {
    vector(&[], &ReserveDeviceSdrRepositoryRequest::default());
    let data = [0x3C, 0x00];
    vector(
        &[0xFF, 0xFF, 0x3C, 0x00],
        &GetSdrResponse {
            next_record_id: 0xFFFF,
            data: &data,
        },
    );
}

#[test]
fn errors_display() {
    let e = ClearSelRequest::parse(&[0; 5]).unwrap_err();
    assert_eq!(e.completion_code().0, 0xC7);
    assert!(!e.to_string().is_empty());
}

// --- proptest round trips --------------------------------------------------------------------

fn bytes(min: usize, max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), min..=max)
}

macro_rules! round_trip_props {
    ($($name:ident: $ty:ty, $strategy:expr;)*) => {
        proptest! {
            $(
                #[test]
                fn $name(b in $strategy) {
                    let b: &'static [u8] = Box::leak(b.into_boxed_slice());
                    match <$ty as Message>::parse(b) {
                        Ok(_) => { round_trip::<$ty>(b); }
                        Err(e) => {
                            let known = matches!(
                                e,
                                CommandError::Truncated { .. }
                                    | CommandError::TooLong { .. }
                                    | CommandError::InvalidField { .. }
                            );
                            prop_assert!(known, "unexpected error kind");
                        }
                    }
                }
            )*
        }
    };
}

fn clear_sel_bytes() -> impl Strategy<Value = Vec<u8>> {
    (any::<u16>(), prop::sample::select(vec![0x00u8, 0xAA, 0x55])).prop_map(|(r, a)| {
        let [r0, r1] = r.to_le_bytes();
        vec![r0, r1, b'C', b'L', b'R', a]
    })
}

fn read_fru_bytes() -> impl Strategy<Value = Vec<u8>> {
    bytes(0, 255).prop_map(|d| {
        let mut v = vec![d.len() as u8];
        v.extend(d);
        v
    })
}

round_trip_props! {
    prop_sel_info: GetSelInfoResponse, bytes(14, 14);
    prop_sdr_info: GetSdrRepositoryInfoResponse, bytes(14, 14);
    prop_reserve: ReserveResponse, bytes(2, 2);
    prop_record_id: RecordIdResponse, bytes(2, 2);
    prop_sel_time: SelTime, bytes(4, 4);
    prop_get_record: GetRecordRequest, bytes(6, 6);
    prop_sel_entry: GetSelEntryResponse<'static>, bytes(2, 18);
    prop_add_sel: AddSelEntryRequest, bytes(16, 16);
    prop_clear_sel: ClearSelRequest, clear_sel_bytes();
    prop_clear_sel_any: ClearSelRequest, bytes(0, 8);
    prop_sdr: GetSdrResponse<'static>, bytes(2, 262);
    prop_fru_area_req: GetFruInventoryAreaInfoRequest, bytes(1, 1);
    prop_fru_area_rsp: GetFruInventoryAreaInfoResponse, bytes(3, 3);
    prop_read_fru_req: ReadFruDataRequest, bytes(4, 4);
    prop_read_fru_rsp: ReadFruDataResponse<'static>, read_fru_bytes();
    prop_read_fru_any: ReadFruDataResponse<'static>, bytes(0, 8);
    prop_write_fru_req: WriteFruDataRequest<'static>, bytes(0, 260);
    prop_write_fru_rsp: WriteFruDataResponse, bytes(1, 1);
    prop_pem: PlatformEventMessageRequest, bytes(5, 9);
    prop_reading: GetSensorReadingResponse, bytes(0, 5);
    prop_thresholds: GetSensorThresholdsResponse, bytes(6, 8);
    prop_sdr_info_req: GetDeviceSdrInfoRequest, bytes(0, 2);
    prop_sdr_info_rsp: GetDeviceSdrInfoResponse, bytes(0, 7);
}

fn system_event() -> impl Strategy<Value = SystemEvent> {
    (
        any::<u32>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<[u8; 3]>(),
    )
        .prop_map(|(ts, g, rev, st, sn, dt, data)| SystemEvent {
            timestamp: Timestamp(ts),
            generator: GeneratorId(u16::from(g)),
            evm_revision: rev,
            sensor_type: SensorType(st),
            sensor_number: sn,
            direction: if dt & 0x80 == 0 {
                EventDirection::Assertion
            } else {
                EventDirection::Deassertion
            },
            event_type: EventType::from_low_bits(dt),
            data: EventData(data),
        })
}

proptest! {
    /// Structured values: emit then parse gives the value back.
    #[test]
    fn prop_pem_from_event(event in system_event()) {
        let request = PlatformEventMessageRequest::from_system_event(&event).unwrap();
        let mut out = [0u8; 8];
        prop_assert_eq!(request.emit(&mut out), Ok(8));
        prop_assert_eq!(PlatformEventMessageRequest::parse(&out), Ok(request));
        prop_assert_eq!(request.to_system_event(event.timestamp), event);
    }

    #[test]
    fn prop_add_sel_from_record(raw in any::<[u8; 16]>()) {
        let request = AddSelEntryRequest { record: SelRecord::from_bytes(&raw) };
        let mut out = [0u8; 16];
        prop_assert_eq!(request.emit(&mut out), Ok(16));
        prop_assert_eq!(out, raw);
        prop_assert_eq!(AddSelEntryRequest::parse(&out), Ok(request));
    }
}
