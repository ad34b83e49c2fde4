//! Checks from an independent review of the session/channel, bridge, DCMI, Platform Event
//! Message and responder code: random and exhaustive round trips of every new message, the
//! cipher suite record walker, and the two defects it found (a software ID's generator LUN,
//! a wide IANA number on the requester side), fixed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::command::bridge::*;
use ipmi_proto::command::dcmi::*;
use ipmi_proto::command::sensor_event::*;
use ipmi_proto::command::session::*;
use ipmi_proto::command::{Command, Message};
use ipmi_proto::message::{ChannelNumber, Lun};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn byte(&mut self) -> u8 {
        (self.next() >> 32) as u8
    }
}

/// For random inputs of every length up to `max + 2`: parse never panics, and every accepted
/// input re-emits to itself with `buffer_len` equal to its length.
macro_rules! roundtrip {
    ($t:ty, $max:expr, $iterations:expr) => {{
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut out = vec![0u8; $max + 8];
        for len in 0..=$max + 2 {
            for _ in 0..$iterations {
                let data: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
                if let Ok(m) = <$t as Message>::parse(&data) {
                    assert_eq!(m.buffer_len(), data.len(), "buffer_len of {data:02X?}");
                    let n = m.emit(&mut out).unwrap();
                    assert_eq!(&out[..n], &data[..], "emit(parse(b)) != b");
                }
            }
        }
    }};
}

#[test]
fn session_messages_roundtrip() {
    roundtrip!(ChannelCipherSuitesRequest, 3, 20_000);
    roundtrip!(ChannelCipherSuitesResponse, 17, 2_000);
    roundtrip!(SessionChallengeRequest, 17, 2_000);
    roundtrip!(SessionChallengeResponse, 20, 200);
    roundtrip!(ActivateSessionRequest, 22, 5_000);
    roundtrip!(ActivateSessionResponse, 10, 2_000);
    roundtrip!(SetSessionPrivilegeRequest, 1, 2_000);
    roundtrip!(SessionPrivilegeResponse, 1, 2_000);
    roundtrip!(CloseSessionRequest, 5, 2_000);
    roundtrip!(ChannelInfoRequest, 1, 2_000);
    roundtrip!(ChannelInfoResponse, 9, 2_000);
}

#[test]
fn bridge_dcmi_event_messages_roundtrip() {
    roundtrip!(SendMessage, 260, 50);
    roundtrip!(SendMessageIpmb, 34, 2_000);
    roundtrip!(SendMessageResponse, 260, 20);
    roundtrip!(MasterWriteReadRequest, 260, 50);
    roundtrip!(MasterWriteReadResponse, 260, 20);
    roundtrip!(GetPowerReadingRequest, 3, 50_000);
    roundtrip!(GetPowerReadingResponse, 17, 500);
    roundtrip!(PlatformEventMessageIpmbRequest, 7, 2_000);
    roundtrip!(PlatformEventMessageRequest, 8, 2_000);
}

/// Every accepted 1- to 3-byte request is exhaustively re-emitted (small spaces).
#[test]
fn exhaustive_small_requests() {
    let mut out = [0u8; 8];
    for b in 0..=255u8 {
        if let Ok(m) = ChannelInfoRequest::parse(&[b]) {
            let n = m.emit(&mut out).unwrap();
            assert_eq!(&out[..n], &[b]);
        }
        if let Ok(m) = SetSessionPrivilegeRequest::parse(&[b]) {
            let n = m.emit(&mut out).unwrap();
            assert_eq!(&out[..n], &[b]);
        }
    }
    for x in 0..=0xFF_FFFFu32 {
        let [a, b, c, _] = x.to_le_bytes();
        if let Ok(m) = ChannelCipherSuitesRequest::parse(&[a, b, c]) {
            let n = m.emit(&mut out).unwrap();
            assert_eq!(&out[..n], &[a, b, c]);
        }
        if let Ok(m) = GetPowerReadingRequest::parse(&[a, b, c]) {
            let n = m.emit(&mut out).unwrap();
            assert_eq!(&out[..n], &[a, b, c]);
        }
    }
}

/// The cipher suite record iterator never panics or loops, and every record it yields
/// re-emits to exactly the bytes it consumed.
#[test]
fn cipher_suite_records_reemit() {
    let mut rng = Rng(42);
    let alphabet = [
        0xC0, 0xC1, 0x00, 0x01, 0x03, 0x41, 0x44, 0x81, 0x80, 0xC2, 0x7F, 0xBF,
    ];
    let mut buf = [0u8; 64];
    for _ in 0..200_000 {
        let len = (rng.next() % 40) as usize;
        let data: Vec<u8> = (0..len)
            .map(|_| {
                if rng.next() % 4 == 0 {
                    rng.byte()
                } else {
                    alphabet[(rng.next() % alphabet.len() as u64) as usize]
                }
            })
            .collect();
        let mut consumed = 0;
        let mut count = 0;
        for r in CipherSuiteRecords::new(&data) {
            count += 1;
            assert!(count <= data.len());
            match r {
                Ok(rec) => {
                    let n = rec.emit(&mut buf).unwrap();
                    assert_eq!(&buf[..n], &data[consumed..consumed + n], "{data:02X?}");
                    consumed += n;
                }
                Err(_) => break,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Findings.

/// IPMI 2.0 Table 32-1, Generator ID byte 2 bits 1:0: "IPMB device LUN if byte 1 holds Slave
/// Address. 00b otherwise." A LAN remote console (software ID 81h, bit 0 set) that sends with
/// rqLUN 01b must be logged with LUN 00b; `ipmb_generator_id` copies the rqLUN regardless.
#[test]

fn generator_id_lun_is_zero_for_software_ids() {
    let lan1 = ChannelNumber::new(1).unwrap();
    // Slave address (bit 0 clear): the LUN is kept.
    assert_eq!(ipmb_generator_id(0x82, Lun::OEM1, lan1).0, 0x1182);
    // Software ID (bit 0 set): LUN bits must be 00b.
    assert_eq!(ipmb_generator_id(0x81, Lun::OEM1, lan1).0, 0x1081);
}

/// `Command::BODY = BodyCode::Iana(n)` with `n` wider than 24 bits: the responder side refuses
/// the table (`check_routes` → `BodyCodeMismatch`), but the requester side encodes the low 24
/// bits without complaint — a request for a different enterprise number.
#[test]

fn encode_request_refuses_wide_iana() {
    use ipmi_proto::command::{Empty, Privilege};
    use ipmi_proto::message::{BodyCode, Cmd, NetFn};
    struct Wide;
    impl Command for Wide {
        const NETFN: NetFn = NetFn::OEM_GROUP;
        const CMD: Cmd = Cmd(0x01);
        const PRIVILEGE: Privilege = Privilege::User;
        const BODY: BodyCode = BodyCode::Iana(0x0100_0157);
        type Request<'a> = Empty;
        type Response<'a> = Empty;
    }
    let mut buf = [0u8; 8];
    let r = Wide::encode_request(&Empty, &mut buf);
    // Today: Ok with data 57 01 00 (IANA 0157h, not 1000157h).
    assert!(r.is_err(), "encoded {:02X?}", r.map(|r| r.data.to_vec()));
}
