//! Completion-code paths and the requester helpers for every typed command: each command's
//! command-specific codes against a table transcribed from the specification, every generic
//! and command-specific code answered by a responder reaching the requester as
//! `ResponseError::Completion`, mismatched NetFn/command/body code refused, and
//! `encode_request` writing exactly the body code and the request data.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::command::app::*;
use ipmi_proto::command::bridge::*;
use ipmi_proto::command::chassis::*;
use ipmi_proto::command::dcmi::*;
use ipmi_proto::command::sensor_event::*;
use ipmi_proto::command::session::*;
use ipmi_proto::command::storage::*;
use ipmi_proto::command::{BufferTooSmall, Command, EncodeError, Message, ResponseError};
use ipmi_proto::message::{BodyCode, Cmd, CompletionCode, GENERIC_CODES, Request, Response};

/// The shortest all-zero data of `len` in `MIN_LEN..=MAX_LEN` (capped at 64) that `M` parses,
/// or failing that the first pattern `0, 1, 2, …` that does: a valid message to wrap.
fn sample(min: usize, max: usize, parses: impl Fn(&[u8]) -> bool) -> Vec<u8> {
    for len in min..=max.min(64) {
        for fill in [0u8, 1] {
            let v: Vec<u8> = (0..len)
                .map(|i| if fill == 0 { 0 } else { i as u8 + 1 })
                .collect();
            if parses(&v) {
                return v;
            }
        }
    }
    panic!("no sample for a message of {min}..={max} bytes");
}

fn with_body<C: Command>(data: &[u8]) -> Vec<u8> {
    let mut v = vec![0u8; C::BODY.len()];
    C::BODY.write(&mut v).unwrap();
    v.extend_from_slice(data);
    v
}

/// Everything a requester can meet in a response to `C`; returns the number of checks made.
fn requester_paths<C>(specific: &[u8]) -> usize
where
    C: Command,
    for<'a> C::Response<'a>: PartialEq + core::fmt::Debug,
{
    requester_paths_with::<C>(specific, None)
}

/// As [`requester_paths`], with the request data given (for requests no simple pattern
/// satisfies).
fn requester_paths_with<C>(specific: &[u8], request: Option<&[u8]>) -> usize
where
    C: Command,
    for<'a> C::Response<'a>: PartialEq + core::fmt::Debug,
{
    let mut checks = 0;
    // The table transcribed from the spec matches the command's list, in order.
    let codes: Vec<u8> = C::COMPLETION_CODES.iter().map(|(c, _)| c.0).collect();
    assert_eq!(codes, specific, "{:?} command-specific codes", C::CMD);
    for (cc, text) in C::COMPLETION_CODES {
        assert!(
            (0x80..=0xBE).contains(&cc.0),
            "{cc:?} is not command-specific"
        );
        assert_eq!(C::completion_meaning(*cc), Some(*text));
        assert!(!text.is_empty());
    }

    let netfn = C::NETFN.response();
    let good = with_body::<C>(&sample(
        <C::Response<'_> as Message>::MIN_LEN,
        <C::Response<'_> as Message>::MAX_LEN,
        |d| <C::Response<'_> as Message>::parse(d).is_ok(),
    ));
    let ok = Response {
        netfn,
        lun: Default::default(),
        cmd: C::CMD,
        completion: CompletionCode::NORMAL,
        data: &good,
    };
    let parsed = C::decode_response(&ok).unwrap();
    let body_len = C::BODY.len();
    assert_eq!(
        parsed,
        <C::Response<'_> as Message>::parse(&good[body_len..]).unwrap()
    );
    checks += 1;

    // Every generic code and every command-specific code, with and without the echoed body
    // code (Table 5-1: a responder that recognised the body echoes it; one that did not may
    // answer the bare code).
    let errors = GENERIC_CODES
        .iter()
        .map(|(c, _)| *c)
        .filter(|&c| c != 0)
        .chain(specific.iter().copied());
    for c in errors {
        let cc = CompletionCode(c);
        for data in [with_body::<C>(&[]), Vec::new()] {
            let rs = Response {
                completion: cc,
                data: &data,
                ..ok
            };
            assert_eq!(C::decode_response(&rs), Err(ResponseError::Completion(cc)));
            checks += 1;
        }
        assert!(C::completion_meaning(cc).is_some());
    }
    // An unassigned command-specific code has no meaning, but is still reported.
    let unassigned = (0x80..=0xBEu8).find(|c| !specific.contains(c)).unwrap();
    assert_eq!(C::completion_meaning(CompletionCode(unassigned)), None);

    // Mismatches.
    let rs = Response {
        netfn: C::NETFN,
        ..ok
    };
    assert_eq!(
        C::decode_response(&rs),
        Err(ResponseError::NetFn {
            expected: netfn,
            found: C::NETFN
        })
    );
    let other = Cmd(C::CMD.0 ^ 0x80);
    let rs = Response { cmd: other, ..ok };
    assert_eq!(
        C::decode_response(&rs),
        Err(ResponseError::Cmd {
            expected: C::CMD,
            found: other
        })
    );
    checks += 2;
    if let BodyCode::Group(b) = C::BODY {
        let mut wrong = good.clone();
        wrong[0] ^= 0xFF;
        let rs = Response { data: &wrong, ..ok };
        assert_eq!(
            C::decode_response(&rs),
            Err(ResponseError::Body {
                expected: BodyCode::Group(b),
                found: BodyCode::Group(ipmi_proto::message::DefiningBody(b.0 ^ 0xFF)),
            })
        );
        checks += 1;
    }

    // Requester side: the request is the body code and the data, nothing else.
    let req_bytes = request.map(<[u8]>::to_vec).unwrap_or_else(|| {
        sample(
            <C::Request<'_> as Message>::MIN_LEN,
            <C::Request<'_> as Message>::MAX_LEN,
            |d| <C::Request<'_> as Message>::parse(d).is_ok(),
        )
    });
    let req = <C::Request<'_> as Message>::parse(&req_bytes).unwrap();
    let mut buf = vec![0xA5u8; 300];
    let r: Request<'_> = C::encode_request(&req, &mut buf).unwrap();
    assert_eq!((r.netfn, r.cmd), (C::NETFN, C::CMD));
    assert_eq!(r.data, &with_body::<C>(&req_bytes)[..]);
    let needed = body_len + req_bytes.len();
    if needed > 0 {
        let mut short = vec![0xA5u8; needed - 1];
        assert_eq!(
            C::encode_request(&req, &mut short).map(|_| ()),
            Err(EncodeError::BufferTooSmall(BufferTooSmall {
                needed,
                available: needed - 1
            }))
        );
        assert!(
            short.iter().all(|&b| b == 0xA5),
            "wrote into a short buffer"
        );
    }
    checks + 1
}

#[test]
fn app_and_chassis() {
    let mut n = 0;
    n += requester_paths::<GetDeviceId>(&[]);
    n += requester_paths::<ColdReset>(&[]);
    n += requester_paths::<WarmReset>(&[]);
    n += requester_paths::<GetSelfTestResults>(&[]);
    n += requester_paths::<SetAcpiPowerStateCmd>(&[]);
    n += requester_paths::<GetAcpiPowerState>(&[]);
    n += requester_paths::<GetDeviceGuid>(&[]);
    n += requester_paths::<GetSystemGuid>(&[]);
    n += requester_paths::<GetChannelAuthCapabilities>(&[]);
    n += requester_paths::<GetChassisCapabilities>(&[]);
    n += requester_paths::<GetChassisStatus>(&[]);
    n += requester_paths::<ChassisControl>(&[]);
    n += requester_paths::<ChassisIdentify>(&[]);
    n += requester_paths::<SetPowerRestorePolicy>(&[]);
    n += requester_paths::<GetSystemRestartCause>(&[]);
    // IPMI 2.0 Table 28-12 and 28-13.
    n += requester_paths::<SetSystemBootOptions>(&[0x80, 0x81, 0x82]);
    n += requester_paths::<GetSystemBootOptions>(&[0x80]);
    assert!(n > 17 * 48, "{n}");
}

#[test]
fn storage_and_sensor_event() {
    let mut n = 0;
    n += requester_paths::<GetSelInfo>(&[]);
    // IPMI 2.0 §31.4–§31.6: SEL erase in progress; Add SEL Entry's record type refusal.
    n += requester_paths::<ReserveSel>(&[0x81]);
    n += requester_paths::<GetSelEntry>(&[0x81]);
    n += requester_paths::<AddSelEntry>(&[0x80, 0x81]);
    // Clear SEL: reservation 0001h, "CLR", initiate erase (Table 31-9).
    n += requester_paths_with::<ClearSel>(&[], Some(&[0x01, 0x00, b'C', b'L', b'R', 0xAA]));
    n += requester_paths::<GetSelTime>(&[]);
    n += requester_paths::<SetSelTime>(&[]);
    n += requester_paths::<GetSdrRepositoryInfo>(&[]);
    n += requester_paths::<ReserveSdrRepository>(&[]);
    n += requester_paths::<GetSdr>(&[]);
    n += requester_paths::<GetFruInventoryAreaInfo>(&[]);
    // IPMI 2.0 §34.2, §34.3.
    n += requester_paths::<ReadFruData>(&[0x81]);
    n += requester_paths::<WriteFruData>(&[0x80, 0x81]);
    n += requester_paths::<PlatformEventMessage>(&[]);
    n += requester_paths::<PlatformEventMessageIpmb>(&[]);
    n += requester_paths::<GetSensorReading>(&[]);
    n += requester_paths::<GetSensorThresholds>(&[]);
    n += requester_paths::<GetDeviceSdrInfo>(&[]);
    n += requester_paths::<GetDeviceSdr>(&[]);
    n += requester_paths::<ReserveDeviceSdrRepository>(&[]);
    assert!(n > 19 * 48, "{n}");
}

#[test]
fn session_and_channel() {
    let mut n = 0;
    n += requester_paths::<GetChannelCipherSuites>(&[]);
    // IPMI 2.0 §22.16–§22.19 (the completion-code rows of each command's table).
    n += requester_paths::<GetSessionChallenge>(&[0x81, 0x82]);
    n += requester_paths::<ActivateSession>(&[0x81, 0x82, 0x83, 0x84, 0x85, 0x86]);
    n += requester_paths::<SetSessionPrivilegeLevel>(&[0x80, 0x81, 0x82]);
    n += requester_paths::<CloseSession>(&[0x87, 0x88]);
    n += requester_paths::<GetChannelInfo>(&[]);
    // IPMI 2.0 §22.7 and §22.11.
    n += requester_paths_with::<SendMessageCmd>(&[0x80, 0x81, 0x82, 0x83], Some(&[0x00]));
    n += requester_paths::<MasterWriteRead>(&[0x81, 0x82, 0x83, 0x84]);
    assert!(n > 8 * 48, "{n}");
}

#[test]
fn dcmi_group_extension() {
    // The body code DCh leads request and response data; errors may or may not echo it.
    // Mode 01h: system power statistics, no attributes (DCMI 1.5 §6.6.1).
    let n = requester_paths_with::<GetPowerReading>(&[], Some(&[0x01, 0x00, 0x00]));
    assert!(n > 48, "{n}");
}
