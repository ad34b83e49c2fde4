//! `ipmi-proto` side by side with `ipmi-rs` 0.6 (its `ipmi-rs-core` parsers) on the same bytes:
//!
//! 1. A Get Device ID response (IPMI 2.0 §20.1 Table 20-1, 15 data bytes with the auxiliary
//!    firmware revision):
//!    - `device_id_data`: the typed parse of the response data alone —
//!      `DeviceIdResponse::parse` against `ipmi_rs::app::DeviceId::from_data`.
//!    - `ipmb_device_id`: the whole 23-byte IPMB response frame (IPMI 2.0 §7.1) and then the
//!      typed response. Ours: `IpmbResponse::parse` (length, both checksums, odd NetFn, every
//!      header field) and `DeviceIdResponse::parse` on the borrowed data. `ipmi-rs` has no
//!      public IPMB frame parser: its RMCP receive path reads the same frame inline (private
//!      `rmcp::v1_5`/`internal` code), so its side here does what that path and
//!      `Ipmi::send_recv` do, with its public types: length check, both checksums, the data
//!      copied into a `Message::new_raw` / `Response::new`, NetFn/command and completion code
//!      checked, then `GetDeviceId::parse_success_response`.
//! 2. `responder`: our dispatcher answering a Get Device ID request from a four-route static
//!    table with a typed [`CommandHandler`], through `respond_system_interface` (KCS body in,
//!    response body out) and `respond_ipmb` (frame in, frame with checksums out). `ipmi-rs`
//!    has no responder side; these rows are ours alone.
//! 3. `sdr_full_sensor`: one 56-byte Full Sensor Record (IPMI 2.0 §43.1 Table 43-1) with an
//!    8-character ID string. Ours: `SdrRecord::parse` (header, type dispatch, borrowed ID
//!    string) and `FullSensorRecord::parse`; `ipmi-rs`: `storage::sdr::Record::parse` (the
//!    same steps; it copies the ID string into a `String`).
//!
//! Every pair is checked to decode the same values before it is timed (see `check_*`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use ipmi_proto::command::app::{DeviceIdResponse, GetDeviceId};
use ipmi_proto::command::{Command, Message, Privilege};
use ipmi_proto::framing::{IpmbResponse, SystemInterfaceResponse};
use ipmi_proto::message::{ChannelNumber, Cmd, CompletionCode, NetFn, Request};
use ipmi_proto::responder::{
    CommandHandler, Origin, Route, respond_ipmb, respond_system_interface,
};
use ipmi_proto::sdr::{FullSensorRecord, SdrRecord};

use ipmi_rs::app::{DeviceId as RsDeviceId, GetDeviceId as RsGetDeviceId};
use ipmi_rs::connection::{
    CompletionErrorCode as RsCompletionErrorCode, IpmiCommand as _, Message as RsMessage,
    NetFn as RsNetFn, Response as RsResponse,
};
use ipmi_rs::storage::sdr::record::{
    DataFormat as RsDataFormat, Direction as RsDirection, EntityInstance as RsEntityInstance,
    Linearization as RsLinearization, SensorId as RsSensorId, SensorOwner as RsSensorOwner,
    WithSensorRecordCommon as _,
};
use ipmi_rs::storage::sdr::{Record as RsRecord, SensorType as RsSensorType};

// ---------------------------------------------------------------------------------------------
// Inputs.

/// Get Device ID response data after the completion code: device 20h, revision 1 with device
/// SDRs, firmware 1.23, IPMI 2.0, every support flag but bridge, IANA 7154 (1BF2h), product
/// 0102h, auxiliary revision 00 00 00 01.
const DEVICE_ID_DATA: [u8; 15] = [
    0x20, 0x81, 0x01, 0x23, 0x02, 0xBF, 0xF2, 0x1B, 0x00, 0x02, 0x01, 0x00, 0x00, 0x00, 0x01,
];

/// The two's complement of the byte sum (IPMI 2.0 §7.1), written here independently of both
/// crates.
fn zero_checksum(bytes: &[u8]) -> u8 {
    bytes
        .iter()
        .fold(0u8, |a, b| a.wrapping_add(*b))
        .wrapping_neg()
}

/// The IPMB response frame carrying [`DEVICE_ID_DATA`]: rqSA 81h, NetFn App response (07h)
/// rqLUN 0, chk1, rsSA 20h, rqSeq 1 rsLUN 0, cmd 01h, cc 00h, data, chk2.
fn ipmb_device_id_frame() -> Vec<u8> {
    let mut f = vec![0x81, 0x07 << 2];
    f.push(zero_checksum(&f));
    f.extend_from_slice(&[0x20, 0x01 << 2, 0x01, 0x00]);
    f.extend_from_slice(&DEVICE_ID_DATA);
    f.push(zero_checksum(&f[3..]));
    f
}

/// A Full Sensor Record, Table 43-1: processor temperature sensor 30h owned by BMC 20h, two's
/// complement, degrees C, M = 1, B = -2, K1 = 1, K2 = -1, "CPU_TEMP".
const FULL_SENSOR: [u8; 56] = [
    0x10, 0x00, 0x51, 0x01, 0x33, // header: ID 0010h, SDR 51h, type 01h, 51 body bytes
    0x20, 0x00, 0x30, // owner 20h, channel 0 LUN 0, sensor 30h
    0x03, 0x01, // entity 3 (processor), instance 1
    0x7F, 0x68, // initialization, capabilities
    0x01, 0x01, // temperature, threshold
    0x95, 0x0A, 0x95, 0x0A, 0x3F, 0x3F, // masks
    0x80, 0x01, 0x00, // units: two's complement, degrees C
    0x00, // linear
    0x01, 0x02, // M = 1, tolerance 2
    0xFE, 0xCA, // B = 3FEh (-2), accuracy bits 5:0 = 0Ah
    0x15, // accuracy bits 9:6 = 1, accuracy exponent 1, direction input
    0xF1, // K2 = -1, K1 = 1
    0x07, // nominal, normal max and normal min given
    0x28, 0x50, 0x0A, 0x7F, 0x80, // nominal, normal max/min, sensor max/min
    0x69, 0x5F, 0x55, 0x00, 0x00, 0x05, // UNR UC UNC LNR LC LNC
    0x02, 0x02, // hysteresis
    0x00, 0x00, // reserved
    0x00, // OEM
    0xC8, b'C', b'P', b'U', b'_', b'T', b'E', b'M', b'P',
];

// ---------------------------------------------------------------------------------------------
// The two sides of benchmark 1.

fn ours_device_id(data: &[u8]) -> DeviceIdResponse {
    DeviceIdResponse::parse(data).unwrap()
}

fn rs_device_id(data: &[u8]) -> RsDeviceId {
    RsDeviceId::from_data(data).unwrap()
}

/// Ours: the frame, then the typed data. `None` where a step fails.
fn ours_ipmb_device_id(frame: &[u8]) -> Option<DeviceIdResponse> {
    let m = IpmbResponse::parse(frame).ok()?.message;
    if m.netfn != GetDeviceId::NETFN.response() || m.cmd != GetDeviceId::CMD {
        return None;
    }
    if m.completion != CompletionCode::NORMAL {
        return None;
    }
    DeviceIdResponse::parse(m.data).ok()
}

/// What `ipmi-rs` does with a received IPMB-format message (its RMCP v1.5 `recv`) and then
/// with the response (`Ipmi::send_recv`), spelled with its public types. `None` where
/// `ipmi-rs` returns an error.
fn rs_ipmb_device_id(frame: &[u8]) -> Option<RsDeviceId> {
    if frame.len() < 7 {
        return None;
    }
    let netfn = frame[1] >> 2;
    let cmd = frame[5];
    let data = frame[6..frame.len() - 1].to_vec();
    // Its private `validate_ipmb_checksums`: both zero checksums.
    if zero_checksum(&frame[..2]) != frame[2]
        || zero_checksum(&frame[3..frame.len() - 1]) != frame[frame.len() - 1]
    {
        return None;
    }
    let response = RsResponse::new(RsMessage::new_raw(netfn, cmd, data), 0)?;
    if response.netfn() != RsNetFn::App || response.cmd() != 0x01 {
        return None;
    }
    // `CompletionErrorCode::try_from` fails exactly for 00h (success).
    if RsCompletionErrorCode::try_from(response.cc()).is_ok() {
        return None;
    }
    RsGetDeviceId::parse_success_response(response.data()).ok()
}

fn check_device_id(ours: &DeviceIdResponse, theirs: &RsDeviceId) {
    assert_eq!(ours.device_id, theirs.device_id);
    assert_eq!(ours.device_revision.revision(), theirs.device_revision);
    assert_eq!(
        ours.device_revision.provides_device_sdrs(),
        theirs.provides_device_sdrs
    );
    assert_eq!(
        !ours.firmware_revision_1.update_in_progress(),
        theirs.device_available
    );
    assert_eq!(ours.firmware_revision_1.major(), theirs.major_fw_revision);
    assert_eq!(ours.firmware_minor(), Some(theirs.minor_fw_revision));
    assert_eq!(
        ours.ipmi_version_parts(),
        (theirs.major_version, theirs.minor_version)
    );
    let s = ours.additional_device_support.0;
    let flags = [
        theirs.sensor_device_support,
        theirs.sdr_repository_support,
        theirs.sel_device_support,
        theirs.fru_inventory_support,
        theirs.ipmb_event_receiver_support,
        theirs.ipmb_event_generator_support,
        theirs.bridge_support,
        theirs.chassis_support,
    ];
    for (bit, flag) in flags.into_iter().enumerate() {
        assert_eq!(s & (1 << bit) != 0, flag, "support bit {bit}");
    }
    assert_eq!(ours.manufacturer_id.iana(), theirs.manufacturer_id);
    assert_eq!(ours.product_id, theirs.product_id);
    assert_eq!(ours.aux_firmware_revision, theirs.aux_revision);
    // The values themselves, so that both being wrong the same way fails too.
    assert_eq!(
        (
            ours.firmware_minor(),
            ours.manufacturer_id.iana(),
            ours.product_id
        ),
        (Some(23), 7154, 0x0102)
    );
}

fn device_id(c: &mut Criterion) {
    let frame = ipmb_device_id_frame();
    assert_eq!(frame.len(), 23);
    let ours = ours_device_id(&DEVICE_ID_DATA);
    check_device_id(&ours, &rs_device_id(&DEVICE_ID_DATA));
    assert_eq!(ours_ipmb_device_id(&frame), Some(ours));
    check_device_id(&ours, &rs_ipmb_device_id(&frame).unwrap());
    // Both sides refuse a frame with a bad checksum, so both really check it.
    let mut bad = frame.clone();
    *bad.last_mut().unwrap() ^= 1;
    assert!(IpmbResponse::parse(&bad).is_err());
    assert!(ours_ipmb_device_id(&bad).is_none());
    assert!(rs_ipmb_device_id(&bad).is_none());

    let mut g = c.benchmark_group("device_id_data");
    g.bench_function("ipmi_proto", |b| {
        b.iter(|| ours_device_id(black_box(&DEVICE_ID_DATA[..])));
    });
    g.bench_function("ipmi_rs", |b| {
        b.iter(|| rs_device_id(black_box(&DEVICE_ID_DATA[..])));
    });
    g.finish();

    let mut g = c.benchmark_group("ipmb_device_id");
    g.bench_function("ipmi_proto", |b| {
        b.iter(|| ours_ipmb_device_id(black_box(&frame)).unwrap());
    });
    g.bench_function("ipmi_rs", |b| {
        b.iter(|| rs_ipmb_device_id(black_box(&frame)).unwrap());
    });
    g.finish();
}

// ---------------------------------------------------------------------------------------------
// Benchmark 2: the responder.

/// The firmware's state: what it answers to Get Device ID.
struct Bmc {
    id: DeviceIdResponse,
    resets: u32,
}

impl CommandHandler<GetDeviceId> for Bmc {
    fn handle<'r>(
        &'r mut self,
        _: <GetDeviceId as Command>::Request<'r>,
        _: &Origin,
    ) -> Result<DeviceIdResponse, CompletionCode> {
        Ok(self.id)
    }
}

fn cold_reset(
    bmc: &mut Bmc,
    _: &Request<'_>,
    _: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    bmc.resets += 1;
    Ok(0)
}

fn self_test(
    _: &mut Bmc,
    _: &Request<'_>,
    _: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    out.get_mut(..2)
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?
        .copy_from_slice(&[0x55, 0x00]);
    Ok(2)
}

fn chassis_status(
    _: &mut Bmc,
    _: &Request<'_>,
    _: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    out.get_mut(..3)
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?
        .copy_from_slice(&[0x01, 0x00, 0x00]);
    Ok(3)
}

/// Get Device ID sits behind two other routes, so the lookup walks part of the table.
static ROUTES: [Route<Bmc>; 4] = [
    Route::new(
        NetFn::CHASSIS,
        Cmd(0x01),
        Privilege::User,
        0,
        0,
        chassis_status,
    ),
    Route::new(
        NetFn::APP,
        Cmd(0x02),
        Privilege::Administrator,
        0,
        0,
        cold_reset,
    ),
    Route::command::<GetDeviceId>(),
    Route::new(NetFn::APP, Cmd(0x04), Privilege::User, 0, 0, self_test),
];

/// The host on the system interface (channel Fh, session-less privilege).
const HOST: Origin = Origin::system_interface();

/// A requester on the primary IPMB (channel 0h, session-less privilege).
const IPMB: Origin = Origin::ipmb(ChannelNumber::PRIMARY_IPMB);

/// Get Device ID over KCS: netFn App (06h) LUN 0, cmd 01h.
const SI_REQUEST: [u8; 2] = [0x06 << 2, 0x01];

/// Get Device ID over IPMB: rsSA 20h, App LUN 0, chk1, rqSA 81h, rqSeq 1 rqLUN 0, cmd 01h,
/// chk2.
fn ipmb_request_frame() -> Vec<u8> {
    let mut f = vec![0x20, 0x06 << 2];
    f.push(zero_checksum(&f));
    f.extend_from_slice(&[0x81, 0x01 << 2, 0x01]);
    f.push(zero_checksum(&f[3..]));
    f
}

fn responder(c: &mut Criterion) {
    let mut bmc = Bmc {
        id: ours_device_id(&DEVICE_ID_DATA),
        resets: 0,
    };
    let mut out = [0u8; 64];
    let n = respond_system_interface(&ROUTES, &mut bmc, &SI_REQUEST, &HOST, &mut out).unwrap();
    assert_eq!(&out[..3], &[0x07 << 2, 0x01, 0x00]);
    assert_eq!(&out[3..n], &DEVICE_ID_DATA);
    let rs = SystemInterfaceResponse::parse(&out[..n]).unwrap().0;
    assert_eq!(DeviceIdResponse::parse(rs.data).unwrap(), bmc.id);
    // ipmi-rs reads our answer to the same values.
    check_device_id(&bmc.id, &rs_device_id(rs.data));

    let ipmb_rq = ipmb_request_frame();
    let n = respond_ipmb(&ROUTES, &mut bmc, &ipmb_rq, &IPMB, &mut out).unwrap();
    assert_eq!(&out[..n], ipmb_device_id_frame().as_slice());
    assert_eq!(bmc.resets, 0);

    let mut g = c.benchmark_group("responder");
    g.bench_function("ipmi_proto_system_interface", |b| {
        b.iter(|| {
            respond_system_interface(
                &ROUTES,
                &mut bmc,
                black_box(&SI_REQUEST[..]),
                &HOST,
                black_box(&mut out),
            )
            .unwrap()
        });
    });
    g.bench_function("ipmi_proto_ipmb", |b| {
        b.iter(|| {
            respond_ipmb(
                &ROUTES,
                &mut bmc,
                black_box(&ipmb_rq),
                &IPMB,
                black_box(&mut out),
            )
            .unwrap()
        });
    });
    g.finish();
}

// ---------------------------------------------------------------------------------------------
// Benchmark 3: a Full Sensor Record.

fn check_full_sensor(ours: &FullSensorRecord<'_>, theirs: &RsRecord) {
    assert_eq!(ours.record_id, theirs.header.id.value());
    let f = theirs.full_sensor().expect("ipmi-rs: a full sensor record");
    let common = f.common();
    let key = &common.key;
    assert!(matches!(key.owner_id, RsSensorOwner::I2C(a) if a << 1 == ours.key.owner_address()));
    assert_eq!(key.owner_channel.value(), ours.key.channel());
    assert_eq!(key.owner_lun.value(), ours.key.lun());
    assert_eq!(key.sensor_number.get(), ours.key.number);
    assert_eq!(common.entity_id, ours.entity_id);
    assert!(matches!(
        common.entity_instance,
        RsEntityInstance::Physical { instance_number, .. }
            if instance_number == ours.entity_instance.number()
    ));
    assert_eq!(ours.sensor_type.0, 0x01);
    assert!(matches!(common.ty, RsSensorType::Temperature));
    assert_eq!(
        f.analog_data_format,
        Some(RsDataFormat::TwosComplement),
        "ours: {:?}",
        ours.units.analog_format
    );
    assert_eq!(ours.linearization, ipmi_proto::sdr::Linearization::Linear);
    assert!(matches!(f.linearization, RsLinearization::Linear));
    assert_eq!(
        (ours.m, ours.tolerance, ours.b, ours.r_exp, ours.b_exp),
        (f.m, f.tolerance, f.b, f.result_exponent, f.b_exponent)
    );
    assert_eq!((ours.m, ours.b, ours.r_exp, ours.b_exp), (1, -2, -1, 1));
    assert_eq!(ours.direction.bits(), 1);
    assert!(matches!(f.direction, RsDirection::Input));
    assert_eq!(ours.accuracy.exp, f.accuracy_exponent);
    // Accuracy is 10 bits: bits 5:0 in byte 28, bits 9:6 in byte 29 bits 7:4 (Table 43-1),
    // so (1 << 6) | 0Ah = 74. ipmi-rs 0.6 swaps the two parts (0A01h); the bench records it.
    assert_eq!(ours.accuracy.accuracy, 74);
    assert_eq!(f.accuracy, 0x0A01);
    assert_eq!(
        (ours.hysteresis_positive, ours.hysteresis_negative),
        (
            f.positive_going_threshold_hysteresis_value
                .map_or(0, |v| v.get()),
            f.negative_going_threshold_hysteresis_value
                .map_or(0, |v| v.get())
        )
    );
    assert_eq!(ours.oem, f.oem_data);
    assert_eq!(ours.id_string.to_string(), "CPU_TEMP");
    assert!(matches!(&common.sensor_id, RsSensorId::Ascii8BAndLatin1(s) if s == "CPU_TEMP"));
}

fn sdr_full_sensor(c: &mut Criterion) {
    let SdrRecord::FullSensor(ours) = SdrRecord::parse(&FULL_SENSOR).unwrap() else {
        panic!("not a full sensor record");
    };
    assert_eq!(FullSensorRecord::parse(&FULL_SENSOR).unwrap(), ours);
    check_full_sensor(&ours, &RsRecord::parse(&FULL_SENSOR).unwrap());

    let mut g = c.benchmark_group("sdr_full_sensor");
    g.bench_function("ipmi_proto_sdr_record", |b| {
        b.iter(|| SdrRecord::parse(black_box(&FULL_SENSOR[..])).unwrap());
    });
    g.bench_function("ipmi_proto_full_sensor_record", |b| {
        b.iter(|| FullSensorRecord::parse(black_box(&FULL_SENSOR[..])).unwrap());
    });
    g.bench_function("ipmi_rs_record", |b| {
        b.iter(|| RsRecord::parse(black_box(&FULL_SENSOR[..])).unwrap());
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = device_id, responder, sdr_full_sensor
}
criterion_main!(benches);
