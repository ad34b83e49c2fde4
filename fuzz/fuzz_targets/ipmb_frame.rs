//! Arbitrary bytes as an IPMB (or LAN session) frame, with and without its first address
//! byte, and as Send Message / Get Message data. Whatever parses emits back to exactly the
//! input bytes; the direction-specific parsers agree with the generic one; a response built
//! from a parsed request matches it; checksum errors are reported only when the length is
//! right.
#![no_main]

use ipmi_proto::framing::bridge::{GetMessage, GetMessageIpmb, SendMessage, SendMessageIpmb};
use ipmi_proto::framing::requester::PendingIpmbRequest;
use ipmi_proto::framing::{
    EmitError, FrameError, IpmbMessage, IpmbRequest, IpmbResponse, checksum,
};
use ipmi_proto::message::CompletionCode;
use libfuzzer_sys::fuzz_target;

fn emit_exact(len: usize, emit: impl Fn(&mut [u8]) -> Result<usize, EmitError>) -> Vec<u8> {
    let mut buf = vec![0xA5; len];
    assert_eq!(emit(&mut buf), Ok(len));
    if len > 0 {
        let mut short = vec![0; len - 1];
        assert!(matches!(
            emit(&mut short),
            Err(EmitError::BufferTooSmall { .. })
        ));
    }
    buf
}

fuzz_target!(|data: &[u8]| {
    // Whole frame.
    match IpmbMessage::parse(data) {
        Ok(m) => {
            assert_eq!(emit_exact(m.buffer_len(), |b| m.emit(b)), data);
            match m {
                IpmbMessage::Request(rq) => {
                    assert_eq!(IpmbRequest::parse(data), Ok(rq));
                    assert!(IpmbResponse::parse(data).is_err());
                    assert!(rq.message.netfn.is_request());
                    let rs = rq.response(CompletionCode::NORMAL, rq.message.data);
                    assert_eq!(PendingIpmbRequest::of(&rq).check(&rs), Ok(()));
                    let bytes = emit_exact(rs.buffer_len(), |b| rs.emit(b));
                    assert_eq!(IpmbResponse::parse(&bytes), Ok(rs));
                }
                IpmbMessage::Response(rs) => {
                    assert_eq!(IpmbResponse::parse(data), Ok(rs));
                    assert!(IpmbRequest::parse(data).is_err());
                    assert!(rs.message.netfn.is_response());
                }
            }
            assert_eq!(m.destination(), data[0]);
            // Without the first byte, with it as the stand-in.
            assert_eq!(IpmbMessage::parse_after_address(data[0], &data[1..]), Ok(m));
        }
        Err(FrameError::Truncated { needed, actual }) => {
            assert_eq!(actual, data.len());
            assert!(needed > actual);
        }
        Err(FrameError::HeaderChecksum { expected, found }) => {
            assert!(data.len() >= 7);
            assert_eq!(expected, checksum(&data[..2]));
            assert_eq!(found, data[2]);
            assert_ne!(expected, found);
        }
        Err(FrameError::DataChecksum { expected, found }) => {
            assert!(data.len() >= 7);
            assert_eq!(checksum(&data[..3]), 0);
            let last = data.len() - 1;
            assert_eq!(expected, checksum(&data[3..last]));
            assert_eq!(found, data[last]);
            assert_ne!(expected, found);
        }
        Err(e) => panic!("unexpected error from the generic parser: {e:?}"),
    }

    // Send Message request data.
    if let Ok(sm) = SendMessage::parse(data) {
        assert_eq!(emit_exact(sm.buffer_len(), |b| sm.emit(b)), data);
        if let Ok(smi) = SendMessageIpmb::parse(data) {
            assert_eq!(sm.ipmb(), Ok(smi.frame));
            assert_eq!(emit_exact(smi.buffer_len(), |b| smi.emit(b)), data);
        }
    } else {
        assert!(data.is_empty());
    }

    // Get Message response data, with the BMC's address and with the first byte as the
    // stand-in for the missing address.
    if let Ok(gm) = GetMessage::parse(data) {
        assert_eq!(emit_exact(gm.buffer_len(), |b| gm.emit(b)), data);
        for sa in [0x20, data[0]] {
            if let Ok(gmi) = GetMessageIpmb::parse(data, sa) {
                assert_eq!(gm.ipmb(sa), Ok(gmi.frame));
                assert_eq!(gmi.frame.destination(), sa);
                assert_eq!(emit_exact(gmi.buffer_len(), |b| gmi.emit(b)), data);
            }
        }
    }
});
