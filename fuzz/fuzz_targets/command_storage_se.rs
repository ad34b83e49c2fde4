//! Arbitrary bytes through the Storage and Sensor/Event command messages, and the bridging and
//! DCMI ones (`ipmi_proto::command::{storage, sensor_event, bridge, dcmi}`): the first byte
//! picks the message type,
//! the rest is its data. Whatever parses must emit the same bytes, parse back equal, and refuse
//! a buffer one byte short without writing into it.
#![no_main]

use core::fmt::Debug;

use ipmi_proto::command::bridge::{
    MasterWriteReadRequest, MasterWriteReadResponse, SendMessage, SendMessageIpmb,
    SendMessageResponse,
};
use ipmi_proto::command::dcmi::{GetPowerReadingRequest, GetPowerReadingResponse};
use ipmi_proto::command::sensor_event::{
    GetDeviceSdrInfoRequest, GetDeviceSdrInfoResponse, GetSensorReadingResponse,
    GetSensorThresholdsResponse, PlatformEventMessageIpmbRequest, PlatformEventMessageRequest,
    SensorNumberRequest,
};
use ipmi_proto::command::storage::{
    AddSelEntryRequest, ClearSelRequest, ClearSelResponse, GetFruInventoryAreaInfoRequest,
    GetFruInventoryAreaInfoResponse, GetRecordRequest, GetSdrRepositoryInfoResponse,
    GetSdrResponse, GetSelEntryResponse, GetSelInfoResponse, ReadFruDataRequest,
    ReadFruDataResponse, RecordIdResponse, ReserveResponse, SelTime, WriteFruDataRequest,
    WriteFruDataResponse,
};
use ipmi_proto::command::{CommandError, Message};
use libfuzzer_sys::fuzz_target;

fn check<'a, M: Message<'a> + PartialEq + Debug>(data: &'a [u8]) {
    let parsed = match M::parse(data) {
        Ok(m) => m,
        Err(e) => {
            if let CommandError::Truncated { actual, .. } | CommandError::TooLong { actual, .. } = e
            {
                assert_eq!(actual, data.len());
            }
            return;
        }
    };
    assert!((M::MIN_LEN..=M::MAX_LEN).contains(&data.len()));
    let len = parsed.buffer_len();
    assert_eq!(len, data.len());
    let mut out = [0u8; 300];
    assert_eq!(parsed.emit(&mut out[..len]), Ok(len));
    assert_eq!(&out[..len], data);
    // The emitted bytes equal `data`, so parsing them gives `parsed` again.
    assert_eq!(M::parse(data).as_ref(), Ok(&parsed));
    if len > 0 {
        let mut short = [0xA5u8; 300];
        assert!(parsed.emit(&mut short[..len - 1]).is_err());
        assert!(short.iter().all(|&b| b == 0xA5));
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&which, data)) = input.split_first() else {
        return;
    };
    match which % 32 {
        0 => check::<GetSelInfoResponse>(data),
        1 => check::<GetSdrRepositoryInfoResponse>(data),
        2 => check::<ReserveResponse>(data),
        3 => check::<RecordIdResponse>(data),
        4 => check::<SelTime>(data),
        5 => check::<GetRecordRequest>(data),
        6 => check::<GetSelEntryResponse>(data),
        7 => check::<AddSelEntryRequest>(data),
        8 => check::<ClearSelRequest>(data),
        9 => check::<ClearSelResponse>(data),
        10 => check::<GetSdrResponse>(data),
        11 => check::<GetFruInventoryAreaInfoRequest>(data),
        12 => check::<GetFruInventoryAreaInfoResponse>(data),
        13 => check::<ReadFruDataRequest>(data),
        14 => check::<ReadFruDataResponse>(data),
        15 => check::<WriteFruDataRequest>(data),
        16 => check::<WriteFruDataResponse>(data),
        17 => check::<PlatformEventMessageRequest>(data),
        18 => check::<SensorNumberRequest>(data),
        19 => check::<GetSensorReadingResponse>(data),
        20 => check::<GetSensorThresholdsResponse>(data),
        21 => check::<GetDeviceSdrInfoRequest>(data),
        22 => check::<GetDeviceSdrInfoResponse>(data),
        23 => check::<PlatformEventMessageIpmbRequest>(data),
        24 => check::<SendMessage>(data),
        25 => check::<SendMessageIpmb>(data),
        26 => check::<SendMessageResponse>(data),
        27 => check::<MasterWriteReadRequest>(data),
        28 => check::<MasterWriteReadResponse>(data),
        29 => check::<GetPowerReadingRequest>(data),
        30 => check::<GetPowerReadingResponse>(data),
        _ => {
            // The system interface form is the generator byte plus the IPMB/LAN form.
            if let (Ok(system), Some((&g, body))) =
                (PlatformEventMessageRequest::parse(data), data.split_first())
            {
                let ipmb = PlatformEventMessageIpmbRequest::parse(body);
                assert_eq!(ipmb, Ok(system.ipmb_body()));
                assert_eq!(system.generator_id, g);
            }
        }
    }
});
