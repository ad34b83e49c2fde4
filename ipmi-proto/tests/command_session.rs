//! Session and channel commands (IPMI 2.0 §22.15–22.19, §22.24): spec byte layouts both ways,
//! every truncated length, over-long data, invalid fields, short output buffers, the cipher
//! suite record parser, the messages real peers exchanged (ipmitool with OpenIPMI's ipmi_sim
//! and with a `-I dummy` recorder, `tests/session_fixtures`) and proptest round trips.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::{too_long, truncations, vector};

use core::fmt::Debug;
use core::num::NonZeroU32;

use ipmi_proto::command::app::OemId;
use ipmi_proto::command::session::*;
use ipmi_proto::command::{BufferTooSmall, Command, CommandError, Empty, Message, Privilege};
use ipmi_proto::message::{ChannelNumber, Cmd, CompletionCode, NetFn};
use proptest::prelude::*;

fn codes<C: Command>(netfn: NetFn, cmd: u8, privilege: Privilege) {
    assert_eq!(
        (C::NETFN, C::CMD, C::PRIVILEGE),
        (netfn, Cmd(cmd), privilege)
    );
}

fn invalid<'a, M: Message<'a> + Debug>(data: &'a [u8], offset: usize, value: u8) {
    assert_eq!(
        M::parse(data).err(),
        Some(CommandError::InvalidField { offset, value }),
        "{data:02X?}"
    );
}

// ------------------------------------------------------------------------------------------
// Command codes, privileges (IPMI 2.0 Appendix G) and command-specific completion codes.

#[test]
fn command_table() {
    codes::<GetChannelCipherSuites>(NetFn::APP, 0x54, Privilege::None);
    codes::<GetSessionChallenge>(NetFn::APP, 0x39, Privilege::None);
    codes::<ActivateSession>(NetFn::APP, 0x3A, Privilege::None);
    codes::<SetSessionPrivilegeLevel>(NetFn::APP, 0x3B, Privilege::User);
    codes::<CloseSession>(NetFn::APP, 0x3C, Privilege::Callback);
    codes::<GetChannelInfo>(NetFn::APP, 0x42, Privilege::User);
}

#[test]
fn completion_codes() {
    let all = [
        (GetSessionChallenge::INVALID_USER_NAME, 0x81),
        (GetSessionChallenge::NULL_USER_NAME_NOT_ENABLED, 0x82),
        (ActivateSession::NO_SESSION_SLOT_AVAILABLE, 0x81),
        (ActivateSession::NO_SLOT_FOR_USER, 0x82),
        (ActivateSession::NO_SLOT_FOR_PRIVILEGE, 0x83),
        (ActivateSession::SEQUENCE_NUMBER_OUT_OF_RANGE, 0x84),
        (ActivateSession::INVALID_SESSION_ID, 0x85),
        (ActivateSession::PRIVILEGE_EXCEEDS_LIMIT, 0x86),
        (SetSessionPrivilegeLevel::LEVEL_NOT_AVAILABLE, 0x80),
        (SetSessionPrivilegeLevel::LEVEL_EXCEEDS_LIMIT, 0x81),
        (
            SetSessionPrivilegeLevel::CANNOT_DISABLE_USER_AUTHENTICATION,
            0x82,
        ),
        (CloseSession::INVALID_SESSION_ID, 0x87),
        (CloseSession::INVALID_SESSION_HANDLE, 0x88),
    ];
    for (code, value) in all {
        assert_eq!(code, CompletionCode(value));
        // Command-specific codes live in 80h–BEh.
        assert!((0x80..=0xBE).contains(&code.0));
    }
}

#[test]
fn auth_type_codes() {
    let named = [
        (AuthType::None, 0),
        (AuthType::Md2, 1),
        (AuthType::Md5, 2),
        (AuthType::StraightPassword, 4),
        (AuthType::Oem, 5),
    ];
    for (t, c) in named {
        assert_eq!(t.code(), c);
        assert_eq!(AuthType::from_code(c), t);
    }
    for c in 0..=255u8 {
        let t = AuthType::from_code(c);
        assert_eq!(t.code(), c);
        assert_eq!(
            matches!(t, AuthType::Reserved(_)),
            !matches!(c, 0 | 1 | 2 | 4 | 5)
        );
    }
    assert_eq!(AuthType::Md5.to_string(), "MD5");
    assert_eq!(AuthType::Reserved(6).to_string(), "reserved (06h)");
}

// ------------------------------------------------------------------------------------------
// Get Channel Cipher Suites (Table 22-18) and the record parser (Table 22-19).

#[test]
fn cipher_suites_request_layout() {
    let req = ChannelCipherSuitesRequest::by_cipher_suite(ChannelNumber::PRESENT_INTERFACE, 0);
    vector(&[0x0E, 0x00, 0x80], &req);
    vector(
        &[0x01, 0x01, 0x3F],
        &ChannelCipherSuitesRequest {
            channel: ChannelNumber::new(1).unwrap(),
            payload_type: 0x01,
            list_by_cipher_suite: false,
            list_index: 0x3F,
        },
    );
    assert_eq!(
        truncations::<ChannelCipherSuitesRequest>(&[0x0E, 0x00, 0x80], &[]),
        3
    );
    too_long::<ChannelCipherSuitesRequest>(&[0x0E, 0x00, 0x80]);
    invalid::<ChannelCipherSuitesRequest>(&[0x1E, 0x00, 0x80], 0, 0x1E);
    invalid::<ChannelCipherSuitesRequest>(&[0x0E, 0x40, 0x80], 1, 0x40);
    invalid::<ChannelCipherSuitesRequest>(&[0x0E, 0x00, 0xC0], 2, 0xC0);
    // Emit writes only the defined bits.
    let wide = ChannelCipherSuitesRequest {
        payload_type: 0xFF,
        list_index: 0xFF,
        ..req
    };
    let mut out = [0u8; 3];
    wide.emit(&mut out).unwrap();
    assert_eq!(out, [0x0E, 0x3F, 0xBF]);
}

/// What OpenIPMI's ipmi_sim lists for channel 1 (suites 0–14), in the five pieces it sent
/// (`session_fixtures/ipmi_sim_lan.txt`).
const SIM_PIECES: [&[u8]; 5] = [
    &[
        0x01, 0xC0, 0x00, 0x00, 0x40, 0x80, 0xC0, 0x01, 0x01, 0x40, 0x80, 0xC0, 0x02, 0x01, 0x41,
        0x80, 0xC0,
    ],
    &[
        0x01, 0x03, 0x01, 0x41, 0x81, 0xC0, 0x04, 0x01, 0x41, 0x82, 0xC0, 0x05, 0x01, 0x41, 0x83,
        0xC0, 0x06,
    ],
    &[
        0x01, 0x02, 0x40, 0x80, 0xC0, 0x07, 0x02, 0x42, 0x80, 0xC0, 0x08, 0x02, 0x42, 0x81, 0xC0,
        0x09, 0x02,
    ],
    &[
        0x01, 0x42, 0x82, 0xC0, 0x0A, 0x02, 0x42, 0x83, 0xC0, 0x0B, 0x02, 0x43, 0x80, 0xC0, 0x0C,
        0x02, 0x43,
    ],
    &[
        0x01, 0x81, 0xC0, 0x0D, 0x02, 0x43, 0x82, 0xC0, 0x0E, 0x02, 0x43, 0x83,
    ],
];

#[test]
fn cipher_suites_response_layout() {
    for (i, piece) in SIM_PIECES.iter().enumerate() {
        let r = ChannelCipherSuitesResponse::parse(piece).unwrap();
        assert_eq!(r.channel_number().value(), 1);
        assert_eq!(r.is_last(), i == 4);
        vector(piece, &r);
    }
    // Only the channel: past the end of the list.
    let empty = ChannelCipherSuitesResponse {
        channel: 0x01,
        data: &[],
    };
    vector(&[0x01], &empty);
    assert!(empty.is_last());
    assert_eq!(empty.records().count(), 0);
    assert_eq!(
        truncations::<ChannelCipherSuitesResponse>(SIM_PIECES[0], &(1..17).collect::<Vec<_>>()),
        1
    );
    too_long::<ChannelCipherSuitesResponse>(SIM_PIECES[0]);
    // Reserved bits of the channel byte are kept.
    let odd = [0xF1, 0xC0, 0x03, 0x01, 0x41, 0x81];
    let r = ChannelCipherSuitesResponse::parse(&odd).unwrap();
    assert_eq!(r.channel_number().value(), 1);
    vector(&odd, &r);
}

fn concat(pieces: &[&[u8]]) -> Vec<u8> {
    pieces.iter().flat_map(|p| p[1..].iter().copied()).collect()
}

#[test]
fn cipher_suite_records_ipmi_sim() {
    let data = concat(&SIM_PIECES);
    let suites: Vec<_> = CipherSuiteRecords::new(&data)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        suites.iter().map(|s| s.id).collect::<Vec<_>>(),
        (0..=14).collect::<Vec<_>>()
    );
    let three = &suites[3];
    assert_eq!(
        (
            three.authentication,
            three.integrity_algorithms().collect::<Vec<_>>(),
            three.confidentiality_algorithms().collect::<Vec<_>>()
        ),
        (
            AuthenticationAlgorithm::RakpHmacSha1,
            vec![IntegrityAlgorithm::HmacSha1_96],
            vec![ConfidentialityAlgorithm::AesCbc128]
        )
    );
    let eight = &suites[8];
    assert_eq!(
        (
            eight.authentication,
            eight.integrity_algorithms().next(),
            eight.confidentiality_algorithms().next()
        ),
        (
            AuthenticationAlgorithm::RakpHmacMd5,
            Some(IntegrityAlgorithm::HmacMd5_128),
            Some(ConfidentialityAlgorithm::AesCbc128)
        )
    );
    assert_eq!(
        suites[14].integrity_algorithms().next(),
        Some(IntegrityAlgorithm::Md5_128)
    );
    assert_eq!(
        suites[14].confidentiality_algorithms().next(),
        Some(ConfidentialityAlgorithm::XRc4_40)
    );
    // Re-emitting every record gives the list back.
    let mut out = Vec::new();
    for s in &suites {
        let mut buf = [0u8; 32];
        let n = s.emit(&mut buf).unwrap();
        assert_eq!(n, s.buffer_len());
        out.extend_from_slice(&buf[..n]);
    }
    assert_eq!(out, data);
    // A single piece alone ends inside a record: a typed error, no panic.
    let first = ChannelCipherSuitesResponse::parse(SIM_PIECES[0]).unwrap();
    let r: Vec<_> = first.records().collect();
    assert_eq!(r.len(), 4);
    assert_eq!(r[3], Err(CipherSuiteRecordError::Truncated { offset: 15 }));
}

#[test]
fn cipher_suite_records_suites_3_and_17() {
    // ipmitool's view of the dummy recorder's list (session_fixtures/ipmitool_dummy.txt).
    let data = [0xC0, 0x03, 0x01, 0x41, 0x81, 0xC0, 0x11, 0x03, 0x44, 0x81];
    let suites: Vec<_> = CipherSuiteRecords::new(&data)
        .collect::<Result<_, _>>()
        .unwrap();
    let seventeen = CipherSuiteRecord {
        id: 17,
        oem: None,
        authentication: AuthenticationAlgorithm::RakpHmacSha256,
        integrity: &[0x44],
        confidentiality: &[0x81],
    };
    assert_eq!(suites[1], seventeen);
    assert_eq!(suites[0].id, 3);
    // An OEM suite with two integrity and no confidentiality algorithms.
    let oem = [0xC1, 0x80, 0xA2, 0x02, 0x00, 0x01, 0x41, 0x44];
    let r = CipherSuiteRecords::new(&oem).next().unwrap().unwrap();
    assert_eq!(r.oem, Some(OemId::new(0x0002A2).unwrap()));
    assert_eq!(r.integrity, &[0x41, 0x44]);
    assert!(r.confidentiality.is_empty());
    let mut buf = [0u8; 8];
    assert_eq!(r.emit(&mut buf), Ok(8));
    assert_eq!(buf, oem);
    let mut short = [0xA5u8; 7];
    assert_eq!(
        r.emit(&mut short),
        Err(BufferTooSmall {
            needed: 8,
            available: 7
        })
    );
    assert!(short.iter().all(|&b| b == 0xA5));
}

#[test]
fn cipher_suite_record_errors() {
    let cases: [(&[u8], CipherSuiteRecordError); 8] = [
        (
            &[0x03, 0x01],
            CipherSuiteRecordError::BadStartOfRecord {
                offset: 0,
                value: 0x03,
            },
        ),
        (&[0xC0], CipherSuiteRecordError::Truncated { offset: 0 }),
        (
            &[0xC0, 0x03],
            CipherSuiteRecordError::Truncated { offset: 0 },
        ),
        (
            &[0xC1, 0x03, 0xA2, 0x02],
            CipherSuiteRecordError::Truncated { offset: 0 },
        ),
        (
            &[0xC0, 0x03, 0xC0, 0x04, 0x01],
            CipherSuiteRecordError::MissingAuthentication { offset: 0 },
        ),
        (
            &[0xC0, 0x03, 0x41, 0x81],
            CipherSuiteRecordError::UnexpectedAlgorithm {
                offset: 2,
                value: 0x41,
            },
        ),
        (
            &[0xC0, 0x03, 0x01, 0x41, 0x81, 0x42],
            CipherSuiteRecordError::UnexpectedAlgorithm {
                offset: 5,
                value: 0x42,
            },
        ),
        (
            &[0xC0, 0x03, 0x01, 0x41, 0x02],
            CipherSuiteRecordError::UnexpectedAlgorithm {
                offset: 4,
                value: 0x02,
            },
        ),
    ];
    for (data, err) in cases {
        let all: Vec<_> = CipherSuiteRecords::new(data).collect();
        assert_eq!(all.last(), Some(&Err(err)), "{data:02X?}");
        assert!(!err.to_string().is_empty());
    }
    // After an error the iterator ends, even if more data follows.
    let mut it = CipherSuiteRecords::new(&[0xC2, 0xC0, 0x03, 0x01]);
    assert!(matches!(it.next(), Some(Err(_))));
    assert_eq!(it.next(), None);
    // A reserved start byte after a good record.
    let r: Vec<_> = CipherSuiteRecords::new(&[0xC0, 0x00, 0x00, 0x40, 0x80, 0xFF]).collect();
    assert_eq!(
        r,
        vec![
            Ok(CipherSuiteRecord {
                id: 0,
                oem: None,
                authentication: AuthenticationAlgorithm::RakpNone,
                integrity: &[0x40],
                confidentiality: &[0x80],
            }),
            Err(CipherSuiteRecordError::BadStartOfRecord {
                offset: 5,
                value: 0xFF
            })
        ]
    );
}

#[test]
fn supported_algorithms_list() {
    let r =
        ChannelCipherSuitesResponse::parse(&[0x01, 0x00, 0x01, 0x03, 0x44, 0x81, 0xC5]).unwrap();
    let algorithms: Vec<_> = r.algorithms().collect();
    assert_eq!(
        algorithms,
        vec![
            Algorithm::Authentication(AuthenticationAlgorithm::RakpNone),
            Algorithm::Authentication(AuthenticationAlgorithm::RakpHmacSha1),
            Algorithm::Authentication(AuthenticationAlgorithm::RakpHmacSha256),
            Algorithm::Integrity(IntegrityAlgorithm::HmacSha256_128),
            Algorithm::Confidentiality(ConfidentialityAlgorithm::AesCbc128),
            Algorithm::Reserved(0xC5),
        ]
    );
    for b in 0..=255u8 {
        assert_eq!(Algorithm::from_byte(b).byte(), b);
    }
    for n in 0..0x40u8 {
        assert_eq!(AuthenticationAlgorithm::from_number(n).number(), n);
        assert_eq!(IntegrityAlgorithm::from_number(n).number(), n);
        assert_eq!(ConfidentialityAlgorithm::from_number(n).number(), n);
        assert_eq!(IntegrityAlgorithm::from_number(n).tagged(), 0x40 | n);
        assert_eq!(ConfidentialityAlgorithm::from_number(n).tagged(), 0x80 | n);
    }
}

// ------------------------------------------------------------------------------------------
// Get Session Challenge, Activate Session, Set Session Privilege Level, Close Session.

const ADMIN: [u8; 16] = *b"admin\0\0\0\0\0\0\0\0\0\0\0";

#[test]
fn session_challenge_layout() {
    let mut bytes = [0u8; 17];
    bytes[0] = 0x02;
    bytes[1..].copy_from_slice(&ADMIN);
    let req = SessionChallengeRequest {
        auth_type: AuthType::Md5,
        user_name: &ADMIN,
    };
    vector(&bytes, &req);
    assert_eq!(req.user_name_trimmed(), b"admin");
    let full = [b'x'; 16];
    let long_name = SessionChallengeRequest {
        auth_type: AuthType::None,
        user_name: &full,
    };
    assert_eq!(long_name.user_name_trimmed(), &full);
    assert_eq!(truncations::<SessionChallengeRequest>(&bytes, &[]), 17);
    too_long::<SessionChallengeRequest>(&bytes);
    for bad in [0x03, 0x06, 0x0F, 0x12] {
        let mut b = bytes;
        b[0] = bad;
        invalid::<SessionChallengeRequest>(Box::leak(Box::new(b)), 0, bad);
    }

    let mut rsp = [0u8; 20];
    rsp[..4].copy_from_slice(&[0x05, 0x00, 0x00, 0x00]);
    for (i, b) in rsp[4..].iter_mut().enumerate() {
        *b = i as u8 * 0x11;
    }
    let r = SessionChallengeResponse {
        temporary_session_id: 5,
        challenge: core::array::from_fn(|i| i as u8 * 0x11),
    };
    vector(&rsp, &r);
    assert_eq!(truncations::<SessionChallengeResponse>(&rsp, &[]), 20);
    too_long::<SessionChallengeResponse>(&rsp);
}

#[test]
fn activate_session_layout() {
    let challenge: [u8; 16] = core::array::from_fn(|i| 0xF0 | i as u8);
    let mut bytes = vec![0x02, 0x04];
    bytes.extend_from_slice(&challenge);
    bytes.extend_from_slice(&[0x01, 0x00, 0x00, 0x00]);
    let req = ActivateSessionRequest {
        auth_type: AuthType::Md5,
        max_privilege: Privilege::Administrator,
        challenge,
        initial_outbound_sequence: 1,
    };
    vector(&bytes, &req);
    assert_eq!(truncations::<ActivateSessionRequest>(&bytes, &[]), 22);
    too_long::<ActivateSessionRequest>(&bytes);
    for (i, bad) in [(0, 0x03), (0, 0x42), (1, 0x00), (1, 0x06), (1, 0x14)] {
        let mut b = bytes.clone();
        b[i] = bad;
        invalid::<ActivateSessionRequest>(Box::leak(b.into_boxed_slice()), i, bad);
    }

    // ipmi_sim: MD5, session 82h, inbound sequence D42A1490h, Administrator.
    let rsp = [0x02, 0x82, 0x00, 0x00, 0x00, 0x90, 0x14, 0x2A, 0xD4, 0x04];
    let r = ActivateSessionResponse {
        auth_type: AuthType::Md5,
        session_id: 0x82,
        initial_inbound_sequence: 0xD42A_1490,
        max_privilege: 0x04,
    };
    vector(&rsp, &r);
    assert_eq!(r.max_privilege_level(), Some(Privilege::Administrator));
    assert_eq!(truncations::<ActivateSessionResponse>(&rsp, &[]), 10);
    too_long::<ActivateSessionResponse>(&rsp);
    // Reserved bits and codes are kept.
    let odd = [0xF3, 1, 2, 3, 4, 5, 6, 7, 8, 0xF0];
    let r = ActivateSessionResponse::parse(&odd).unwrap();
    assert_eq!(r.auth_type, AuthType::Reserved(0xF3));
    assert_eq!(r.max_privilege_level(), None);
    vector(&odd, &r);
}

#[test]
fn set_session_privilege_layout() {
    for (byte, p) in [
        (0x00, Privilege::None),
        (0x02, Privilege::User),
        (0x03, Privilege::Operator),
        (0x04, Privilege::Administrator),
        (0x05, Privilege::Oem),
    ] {
        vector(&[byte], &SetSessionPrivilegeRequest { privilege: p });
    }
    for bad in [0x01, 0x06, 0x0F, 0x14, 0x80] {
        invalid::<SetSessionPrivilegeRequest>(Box::leak(Box::new([bad])), 0, bad);
    }
    assert_eq!(truncations::<SetSessionPrivilegeRequest>(&[0x04], &[]), 1);
    too_long::<SetSessionPrivilegeRequest>(&[0x04]);

    let r = SessionPrivilegeResponse::new(Privilege::Operator);
    vector(&[0x03], &r);
    assert_eq!(r.level(), Some(Privilege::Operator));
    let odd = SessionPrivilegeResponse { privilege: 0xA4 };
    vector(&[0xA4], &odd);
    assert_eq!(odd.level(), Some(Privilege::Administrator));
    assert_eq!(SessionPrivilegeResponse { privilege: 0 }.level(), None);
    assert_eq!(truncations::<SessionPrivilegeResponse>(&[0x04], &[]), 1);
    too_long::<SessionPrivilegeResponse>(&[0x04]);
}

#[test]
fn close_session_layout() {
    let id = CloseSessionRequest::SessionId(NonZeroU32::new(0x1234_5678).unwrap());
    vector(&[0x78, 0x56, 0x34, 0x12], &id);
    let handle = CloseSessionRequest::SessionHandle(0x03);
    vector(&[0, 0, 0, 0, 0x03], &handle);
    assert_eq!(
        truncations::<CloseSessionRequest>(&[0, 0, 0, 0, 0x03], &[]),
        5
    );
    assert_eq!(
        truncations::<CloseSessionRequest>(&[0x78, 0x56, 0x34, 0x12], &[]),
        4
    );
    too_long::<CloseSessionRequest>(&[0, 0, 0, 0, 0x03]);
    // ID 0 needs its handle; a non-zero ID takes none.
    assert_eq!(
        CloseSessionRequest::parse(&[0, 0, 0, 0]),
        Err(CommandError::Truncated {
            needed: 5,
            actual: 4
        })
    );
    assert_eq!(
        CloseSessionRequest::parse(&[1, 0, 0, 0, 7]),
        Err(CommandError::TooLong { max: 4, actual: 5 })
    );
    // The response is empty.
    vector(&[], &Empty);
    too_long::<<CloseSession as Command>::Response<'_>>(&[]);
}

// ------------------------------------------------------------------------------------------
// Get Channel Info (Table 22-29).

#[test]
fn channel_info_layout() {
    vector(
        &[0x0E],
        &ChannelInfoRequest {
            channel: ChannelNumber::PRESENT_INTERFACE,
        },
    );
    vector(
        &[0x01],
        &ChannelInfoRequest {
            channel: ChannelNumber::new(1).unwrap(),
        },
    );
    invalid::<ChannelInfoRequest>(&[0x11], 0, 0x11);
    invalid::<ChannelInfoRequest>(&[0x8F], 0, 0x8F);
    assert_eq!(truncations::<ChannelInfoRequest>(&[0x01], &[]), 1);
    too_long::<ChannelInfoRequest>(&[0x01]);

    // ipmi_sim's channel 1: LAN, IPMB-1.0, multi-session with one active, IANA 7154.
    let sim = [0x01, 0x04, 0x01, 0x81, 0xF2, 0x1B, 0x00, 0x00, 0x00];
    let r = ChannelInfoResponse {
        channel: 0x01,
        medium: ChannelMedium::Lan802_3,
        protocol: ChannelProtocol::IpmbV1_0,
        session: ChannelSessionSupport::new(SessionSupport::MultiSession, 1),
        vendor_id: OemId::new(ChannelInfoResponse::IPMI_VENDOR_ID).unwrap(),
        auxiliary: [0, 0],
    };
    vector(&sim, &r);
    assert_eq!(r.channel_number().value(), 1);
    assert_eq!(truncations::<ChannelInfoResponse>(&sim, &[]), 9);
    too_long::<ChannelInfoResponse>(&sim);
    // The system interface: KCS, session-less, SMS interrupt IRQ 10h? kept raw.
    let kcs = [0x0F, 0x0C, 0x05, 0x00, 0xF2, 0x1B, 0x00, 0x14, 0xFF];
    let r = ChannelInfoResponse::parse(&kcs).unwrap();
    assert_eq!(
        (r.medium, r.protocol, r.session.support()),
        (
            ChannelMedium::SystemInterface,
            ChannelProtocol::Kcs,
            SessionSupport::SessionLess
        )
    );
    assert_eq!(r.auxiliary, [0x14, 0xFF]);
    vector(&kcs, &r);
    // OEM and reserved codes, reserved bits: kept.
    let odd = [0xF2, 0x61, 0x1D, 0xFF, 0x01, 0x02, 0x03, 0x04, 0x05];
    let r = ChannelInfoResponse::parse(&odd).unwrap();
    assert_eq!(
        (r.medium, r.protocol),
        (ChannelMedium::Oem(0x61), ChannelProtocol::Oem(0x1D))
    );
    assert_eq!(r.session.support(), SessionSupport::SessionBased);
    assert_eq!(r.session.active_sessions(), 0x3F);
    vector(&odd, &r);
    let reserved = [0x01, 0x84, 0x23, 0x40, 0, 0, 0, 0, 0];
    let r = ChannelInfoResponse::parse(&reserved).unwrap();
    assert_eq!(
        (r.medium, r.protocol, r.session.support()),
        (
            ChannelMedium::Reserved(0x84),
            ChannelProtocol::Reserved(0x23),
            SessionSupport::SingleSession
        )
    );
    vector(&reserved, &r);
    for b in 0..=255u8 {
        assert_eq!(ChannelMedium::from_code(b).code(), b);
        assert_eq!(ChannelProtocol::from_code(b).code(), b);
        let s = ChannelSessionSupport(b);
        assert_eq!(
            ChannelSessionSupport::new(s.support(), s.active_sessions()),
            s
        );
    }
}

// ------------------------------------------------------------------------------------------
// Real peers: every captured message parses to the expected values and re-emits byte for byte.

/// One fixture line.
#[derive(Debug)]
struct Line {
    request: bool,
    netfn: u8,
    cmd: u8,
    cc: u8,
    data: Vec<u8>,
}

fn fixture(text: &str) -> Vec<Line> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (head, data) = l.split_once('|').expect("a '|'");
            let head: Vec<&str> = head.split_whitespace().collect();
            let hex = |s: &str| u8::from_str_radix(s, 16).unwrap();
            let data = data.split_whitespace().map(hex).collect();
            match head.as_slice() {
                ["rq", n, c] => Line {
                    request: true,
                    netfn: hex(n),
                    cmd: hex(c),
                    cc: 0,
                    data,
                },
                ["rs", n, c, cc] => Line {
                    request: false,
                    netfn: hex(n),
                    cmd: hex(c),
                    cc: hex(cc),
                    data,
                },
                other => panic!("bad fixture line {other:?}"),
            }
        })
        .collect()
}

/// Parses `data` as `M` and checks that it emits back to exactly `data`.
fn reemit<'a, M: Message<'a> + Debug>(data: &'a [u8]) -> M {
    let m = M::parse(data).unwrap_or_else(|e| panic!("{data:02X?}: {e}"));
    let mut out = vec![0xA5u8; m.buffer_len()];
    assert_eq!(m.emit(&mut out), Ok(data.len()));
    assert_eq!(out, data);
    m
}

/// What a fixture held, for the assertions on the whole exchange.
#[derive(Default, Debug)]
struct Seen {
    messages: usize,
    challenges: Vec<SessionChallengeResponse>,
    activations: Vec<(ActivateSessionRequest, Option<ActivateSessionResponse>)>,
    user_names: Vec<Vec<u8>>,
    privileges_set: Vec<Privilege>,
    closed: Vec<CloseSessionRequest>,
    cipher_requests: Vec<ChannelCipherSuitesRequest>,
    cipher_data: Vec<u8>,
    channel_info: Vec<ChannelInfoResponse>,
    error_codes: Vec<(u8, u8)>,
}

fn check_fixture(text: &str) -> Seen {
    let mut seen = Seen::default();
    for line in fixture(text) {
        assert!(line.netfn == 0x06 || line.netfn == 0x07, "{line:?}");
        assert_eq!(line.request, line.netfn == 0x06);
        let data: &'static [u8] = Box::leak(line.data.clone().into_boxed_slice());
        if !line.request && line.cc != 0 {
            assert!(data.is_empty());
            seen.error_codes.push((line.cmd, line.cc));
            seen.messages += 1;
            continue;
        }
        match (line.request, line.cmd) {
            (true, 0x39) => {
                let r: SessionChallengeRequest = reemit(data);
                seen.user_names.push(r.user_name_trimmed().to_vec());
            }
            (false, 0x39) => seen.challenges.push(reemit(data)),
            (true, 0x3A) => seen.activations.push((reemit(data), None)),
            (false, 0x3A) => seen.activations.last_mut().unwrap().1 = Some(reemit(data)),
            (true, 0x3B) => {
                let r: SetSessionPrivilegeRequest = reemit(data);
                seen.privileges_set.push(r.privilege);
            }
            (false, 0x3B) => {
                let r: SessionPrivilegeResponse = reemit(data);
                assert_eq!(
                    Some(r.level().unwrap()),
                    seen.privileges_set.last().copied()
                );
            }
            (true, 0x3C) => seen.closed.push(reemit(data)),
            (false, 0x3C) => {
                let _: Empty = reemit(data);
            }
            (true, 0x42) => {
                let r: ChannelInfoRequest = reemit(data);
                assert_eq!(r.channel.value(), 1);
            }
            (false, 0x42) => seen.channel_info.push(reemit(data)),
            (true, 0x54) => seen.cipher_requests.push(reemit(data)),
            (false, 0x54) => {
                let r: ChannelCipherSuitesResponse = reemit(data);
                assert_eq!(r.channel_number().value(), 1);
                seen.cipher_data.extend_from_slice(r.data);
            }
            // Get Channel Access (41h), which `ipmitool channel info` also sends: not ours.
            (_, 0x41) => continue,
            other => panic!("unexpected command {other:?}"),
        }
        seen.messages += 1;
    }
    seen
}

#[test]
fn peer_ipmi_sim_lan() {
    let seen = check_fixture(include_str!("session_fixtures/ipmi_sim_lan.txt"));
    assert_eq!(seen.messages, 64);
    // Every Activate Session echoes the challenge the BMC gave, with the same auth type.
    assert_eq!(seen.challenges.len(), seen.activations.len());
    for (c, (req, rsp)) in seen.challenges.iter().zip(&seen.activations) {
        assert_eq!(req.challenge, c.challenge);
        if let Some(rsp) = rsp {
            assert_eq!(rsp.auth_type, req.auth_type);
            assert_ne!(rsp.session_id, 0);
        }
    }
    assert_eq!(
        seen.activations
            .iter()
            .map(|(r, _)| (r.auth_type, r.max_privilege))
            .collect::<Vec<_>>(),
        vec![
            (AuthType::Md5, Privilege::Administrator),
            (AuthType::StraightPassword, Privilege::Administrator),
            (AuthType::None, Privilege::Administrator),
            (AuthType::Md5, Privilege::User),
            (AuthType::Md5, Privilege::Administrator),
            (AuthType::Md5, Privilege::Administrator),
            (AuthType::Md5, Privilege::Administrator),
        ]
    );
    assert_eq!(
        seen.activations[3].1.unwrap().max_privilege_level(),
        Some(Privilege::User)
    );
    // Close Session names the session Activate Session opened.
    for (closed, (_, rsp)) in seen.closed.iter().zip(&seen.activations) {
        let CloseSessionRequest::SessionId(id) = closed else {
            panic!("{closed:?}")
        };
        assert_eq!(id.get(), rsp.unwrap().session_id);
    }
    assert!(
        seen.user_names
            .iter()
            .all(|u| [&b"admin"[..], b"nobody", b"oper"].contains(&u.as_slice()))
    );
    assert!(
        seen.privileges_set
            .iter()
            .all(|&p| p == Privilege::Administrator)
    );
    // Error paths: unknown user, privilege above the operator's limit.
    assert_eq!(
        seen.error_codes,
        vec![
            (0x39, GetSessionChallenge::INVALID_USER_NAME.0),
            (0x3A, ActivateSession::PRIVILEGE_EXCEEDS_LIMIT.0),
        ]
    );
    // Get Channel Info inside the session.
    let info = seen.channel_info[0];
    assert_eq!(
        (info.medium, info.protocol, info.session.support()),
        (
            ChannelMedium::Lan802_3,
            ChannelProtocol::IpmbV1_0,
            SessionSupport::MultiSession
        )
    );
    assert_eq!(info.session.active_sessions(), 1);
    assert_eq!(info.vendor_id.value(), ChannelInfoResponse::IPMI_VENDOR_ID);
    // Get Channel Cipher Suites, indexes 0–4, then the concatenated list.
    assert_eq!(
        seen.cipher_requests,
        (0..5)
            .map(|i| ChannelCipherSuitesRequest::by_cipher_suite(ChannelNumber::new(1).unwrap(), i))
            .collect::<Vec<_>>()
    );
    assert_eq!(seen.cipher_data, concat(&SIM_PIECES));
    let ids: Vec<u8> = CipherSuiteRecords::new(&seen.cipher_data)
        .map(|r| r.unwrap().id)
        .collect();
    assert_eq!(ids, (0..=14).collect::<Vec<_>>());
}

#[test]
fn peer_ipmi_sim_lanplus() {
    let seen = check_fixture(include_str!("session_fixtures/ipmi_sim_lanplus.txt"));
    assert_eq!(seen.messages, 12);
    // The pre-session query ipmi_sim left unanswered: channel Eh, IPMI payload, index 0.
    assert_eq!(
        seen.cipher_requests,
        vec![ChannelCipherSuitesRequest::by_cipher_suite(ChannelNumber::PRESENT_INTERFACE, 0); 4]
    );
    assert!(seen.cipher_data.is_empty());
    assert_eq!(seen.privileges_set, vec![Privilege::Administrator; 2]);
    assert_eq!(
        seen.closed,
        vec![
            CloseSessionRequest::SessionId(NonZeroU32::new(0x82).unwrap()),
            CloseSessionRequest::SessionId(NonZeroU32::new(0x102).unwrap()),
        ]
    );
}

#[test]
fn peer_ipmitool_dummy() {
    let seen = check_fixture(include_str!("session_fixtures/ipmitool_dummy.txt"));
    assert_eq!(seen.messages, 6);
    // ipmitool asked for pieces 0 and 1 of channel 1 and printed suites 0, 1, 2, 3 and 17 from
    // our bytes (the fixture's comment shows its table).
    assert_eq!(
        seen.cipher_requests,
        vec![
            ChannelCipherSuitesRequest::by_cipher_suite(ChannelNumber::new(1).unwrap(), 0),
            ChannelCipherSuitesRequest::by_cipher_suite(ChannelNumber::new(1).unwrap(), 1),
        ]
    );
    let suites: Vec<_> = CipherSuiteRecords::new(&seen.cipher_data)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        suites.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![0, 1, 2, 3, 17]
    );
    assert_eq!(
        suites[4].authentication,
        AuthenticationAlgorithm::RakpHmacSha256
    );
    let text = include_str!("session_fixtures/ipmitool_dummy.txt");
    assert!(text.contains("#   17   N/A     hmac_sha256     sha256_128      aes_cbc_128"));
    // ipmitool printed the channel info we encoded.
    let info = seen.channel_info[0];
    assert_eq!(info.session.active_sessions(), 2);
    for shown in [
        "Channel Medium Type   : 802.3 LAN",
        "Channel Protocol Type : IPMB-1.0",
        "Session Support       : multi-session",
        "Active Session Count  : 2",
        "Protocol Vendor ID    : 7154",
    ] {
        assert!(text.contains(shown), "{shown}");
    }
}

// ------------------------------------------------------------------------------------------
// Proptest round trips: parse(emit(x)) == x for generated values, emit(parse(b)) == b for
// generated bytes.

fn emit_vec<'a, M: Message<'a>>(m: &M) -> Vec<u8> {
    let mut out = vec![0u8; m.buffer_len()];
    let n = m.emit(&mut out).unwrap();
    out.truncate(n);
    out
}

fn bytes_round_trip<'a, M: Message<'a>>(data: &'a [u8]) {
    if let Ok(m) = M::parse(data) {
        assert_eq!(emit_vec(&m), data);
    }
}

fn auth_type() -> impl Strategy<Value = AuthType> {
    prop_oneof![
        Just(AuthType::None),
        Just(AuthType::Md2),
        Just(AuthType::Md5),
        Just(AuthType::StraightPassword),
        Just(AuthType::Oem),
    ]
}

fn privilege() -> impl Strategy<Value = Privilege> {
    prop_oneof![
        Just(Privilege::Callback),
        Just(Privilege::User),
        Just(Privilege::Operator),
        Just(Privilege::Administrator),
        Just(Privilege::Oem),
    ]
}

fn record<'a>(pool: &'a [u8], conf_pool: &'a [u8]) -> impl Strategy<Value = CipherSuiteRecord<'a>> {
    (
        any::<u8>(),
        proptest::option::of(any::<[u8; 3]>()),
        0u8..0x40,
        0..=pool.len(),
        0..=conf_pool.len(),
    )
        .prop_map(move |(id, oem, auth, ni, nc)| CipherSuiteRecord {
            id,
            oem: oem.map(OemId),
            authentication: AuthenticationAlgorithm::from_number(auth),
            integrity: &pool[..ni],
            confidentiality: &conf_pool[..nc],
        })
}

static INTEGRITY: [u8; 4] = [0x40, 0x41, 0x44, 0x7F];
static CONFIDENTIALITY: [u8; 3] = [0x80, 0x81, 0xBF];

proptest! {
    #[test]
    fn request_values(
        chan in 0u8..16, payload in 0u8..0x40, by_suite in any::<bool>(), index in 0u8..0x40,
        auth in auth_type(), name in any::<[u8; 16]>(), p in privilege(),
        challenge in any::<[u8; 16]>(), seq in any::<u32>(), id in 1u32.., handle in any::<u8>(),
        set in prop_oneof![Just(Privilege::None), Just(Privilege::User),
            Just(Privilege::Operator), Just(Privilege::Administrator), Just(Privilege::Oem)],
    ) {
        let channel = ChannelNumber::new(chan).unwrap();
        let c = ChannelCipherSuitesRequest {
            channel, payload_type: payload, list_by_cipher_suite: by_suite, list_index: index,
        };
        prop_assert_eq!(ChannelCipherSuitesRequest::parse(&emit_vec(&c)), Ok(c));
        let s = SessionChallengeRequest { auth_type: auth, user_name: &name };
        let bytes = emit_vec(&s);
        prop_assert_eq!(SessionChallengeRequest::parse(&bytes), Ok(s));
        let a = ActivateSessionRequest {
            auth_type: auth, max_privilege: p, challenge, initial_outbound_sequence: seq,
        };
        prop_assert_eq!(ActivateSessionRequest::parse(&emit_vec(&a)), Ok(a));
        let sp = SetSessionPrivilegeRequest { privilege: set };
        prop_assert_eq!(SetSessionPrivilegeRequest::parse(&emit_vec(&sp)), Ok(sp));
        for cl in [
            CloseSessionRequest::SessionId(NonZeroU32::new(id).unwrap()),
            CloseSessionRequest::SessionHandle(handle),
        ] {
            prop_assert_eq!(CloseSessionRequest::parse(&emit_vec(&cl)), Ok(cl));
        }
        let ci = ChannelInfoRequest { channel };
        prop_assert_eq!(ChannelInfoRequest::parse(&emit_vec(&ci)), Ok(ci));
    }

    #[test]
    fn response_values(
        chan in any::<u8>(), list in proptest::collection::vec(any::<u8>(), 0..=16),
        tmp in any::<u32>(), challenge in any::<[u8; 16]>(), auth in any::<u8>(),
        sid in any::<u32>(), seq in any::<u32>(), p in any::<u8>(),
        info in any::<[u8; 9]>(),
    ) {
        let c = ChannelCipherSuitesResponse { channel: chan, data: &list };
        let bytes = emit_vec(&c);
        prop_assert_eq!(ChannelCipherSuitesResponse::parse(&bytes), Ok(c));
        let s = SessionChallengeResponse { temporary_session_id: tmp, challenge };
        prop_assert_eq!(SessionChallengeResponse::parse(&emit_vec(&s)), Ok(s));
        let a = ActivateSessionResponse {
            auth_type: AuthType::from_code(auth), session_id: sid,
            initial_inbound_sequence: seq, max_privilege: p,
        };
        prop_assert_eq!(ActivateSessionResponse::parse(&emit_vec(&a)), Ok(a));
        let sp = SessionPrivilegeResponse { privilege: p };
        prop_assert_eq!(SessionPrivilegeResponse::parse(&emit_vec(&sp)), Ok(sp));
        let [ch, m, pr, ss, v0, v1, v2, a0, a1] = info;
        let i = ChannelInfoResponse {
            channel: ch, medium: ChannelMedium::from_code(m),
            protocol: ChannelProtocol::from_code(pr), session: ChannelSessionSupport(ss),
            vendor_id: OemId([v0, v1, v2]), auxiliary: [a0, a1],
        };
        prop_assert_eq!(ChannelInfoResponse::parse(&emit_vec(&i)), Ok(i));
    }

    #[test]
    fn cipher_records_round_trip(
        records in proptest::collection::vec(record(&INTEGRITY, &CONFIDENTIALITY), 0..6),
    ) {
        let mut data = Vec::new();
        for r in &records {
            let mut buf = [0u8; 16];
            let n = r.emit(&mut buf).unwrap();
            prop_assert_eq!(n, r.buffer_len());
            data.extend_from_slice(&buf[..n]);
        }
        let parsed: Vec<_> = CipherSuiteRecords::new(&data).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(parsed, records);
    }

    #[test]
    fn cipher_records_never_panic(data in proptest::collection::vec(any::<u8>(), 0..64)) {
        // Every record parsed re-emits to the bytes it came from; an error ends the walk.
        let mut offset = 0;
        let mut it = CipherSuiteRecords::new(&data);
        for r in it.by_ref() {
            match r {
                Ok(rec) => {
                    let mut buf = [0u8; 80];
                    let n = rec.emit(&mut buf).unwrap();
                    prop_assert_eq!(&buf[..n], &data[offset..offset + n]);
                    offset += n;
                }
                Err(_) => break,
            }
        }
        prop_assert_eq!(it.next(), None);
    }

    #[test]
    fn bytes_round_trips(data in proptest::collection::vec(any::<u8>(), 0..24)) {
        bytes_round_trip::<ChannelCipherSuitesRequest>(&data);
        bytes_round_trip::<ChannelCipherSuitesResponse>(&data);
        bytes_round_trip::<SessionChallengeRequest>(&data);
        bytes_round_trip::<SessionChallengeResponse>(&data);
        bytes_round_trip::<ActivateSessionRequest>(&data);
        bytes_round_trip::<ActivateSessionResponse>(&data);
        bytes_round_trip::<SetSessionPrivilegeRequest>(&data);
        bytes_round_trip::<SessionPrivilegeResponse>(&data);
        bytes_round_trip::<CloseSessionRequest>(&data);
        bytes_round_trip::<ChannelInfoRequest>(&data);
        bytes_round_trip::<ChannelInfoResponse>(&data);
    }

    #[test]
    fn long_bytes_round_trip(
        head in any::<[u8; 2]>(), rest in proptest::collection::vec(any::<u8>(), 15..=20),
    ) {
        // Bias towards the long fixed-size messages: valid auth type and privilege bytes.
        let mut data = vec![head[0] % 6, head[1] % 6];
        data.extend_from_slice(&rest);
        bytes_round_trip::<SessionChallengeRequest>(&data[..17.min(data.len())]);
        bytes_round_trip::<ActivateSessionRequest>(&data);
        bytes_round_trip::<SessionChallengeResponse>(&data[..20.min(data.len())]);
    }
}
