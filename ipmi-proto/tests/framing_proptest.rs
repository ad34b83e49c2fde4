//! Round trips for every frame type: value → emit → parse gives the value back, and bytes that
//! parse emit to the same bytes. Arbitrary bytes never panic a parser.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::framing::bridge::{
    ChannelNumber, GetMessage, GetMessageIpmb, InferredPrivilege, SendMessage, SendMessageChannel,
    SendMessageIpmb,
};
use ipmi_proto::framing::requester::{PendingIpmbRequest, SequenceNumbers};
use ipmi_proto::framing::{
    BtRequest, BtResponse, FrameError, IpmbMessage, IpmbRequest, IpmbResponse, RqSeq,
    SystemInterfaceRequest, SystemInterfaceResponse, checksum,
};
use ipmi_proto::message::{Cmd, CompletionCode, Lun, NetFn, Request, Response};
use proptest::prelude::*;

fn netfn() -> impl Strategy<Value = NetFn> {
    (0u8..=0x3F).prop_map(|v| NetFn::new(v).unwrap())
}
fn request_netfn() -> impl Strategy<Value = NetFn> {
    netfn().prop_map(NetFn::request)
}
fn lun() -> impl Strategy<Value = Lun> {
    (0u8..=3).prop_map(|v| Lun::new(v).unwrap())
}
fn seq() -> impl Strategy<Value = RqSeq> {
    (0u8..=0x3F).prop_map(|v| RqSeq::new(v).unwrap())
}
fn data(max: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..=max)
}

/// Emits into an exact buffer and into a larger one; both give the same bytes.
fn emit_both(
    len: usize,
    emit: impl Fn(&mut [u8]) -> Result<usize, ipmi_proto::framing::EmitError>,
) -> Vec<u8> {
    let mut exact = vec![0xA5; len];
    assert_eq!(emit(&mut exact), Ok(len));
    let mut big = vec![0x5A; len + 8];
    assert_eq!(emit(&mut big), Ok(len));
    assert_eq!(&big[..len], &exact[..]);
    assert!(big[len..].iter().all(|&b| b == 0x5A));
    if len > 0 {
        let mut short = vec![0; len - 1];
        assert!(emit(&mut short).is_err());
    }
    exact
}

/// A truncated IPMB frame is refused, except when its new last byte happens to be the
/// checksum of the bytes before it (1 in 256 for random data): then it is a different,
/// shorter frame, which must emit back to exactly the cut bytes. The transport's length is
/// what tells the two apart; IPMB itself cannot.
fn truncated_ipmb(cut: &[u8]) -> Result<(), TestCaseError> {
    if cut.len() < 7 {
        prop_assert!(IpmbMessage::parse(cut).is_err());
        prop_assert!(IpmbRequest::parse(cut).is_err());
        prop_assert!(IpmbResponse::parse(cut).is_err());
        return Ok(());
    }
    if let Ok(m) = IpmbMessage::parse(cut) {
        prop_assert_eq!(emit_both(m.buffer_len(), |b| m.emit(b)), cut.to_vec());
    }
    Ok(())
}

/// Rewrites both IPMB checksums of a frame so that it is valid.
fn fix_checksums(frame: &mut [u8]) {
    if frame.len() < 7 {
        return;
    }
    frame[2] = checksum(&frame[..2]);
    let last = frame.len() - 1;
    frame[last] = checksum(&frame[3..last]);
}

proptest! {
    #[test]
    fn system_interface_round_trip(n in netfn(), l in lun(), c in any::<u8>(), cc in any::<u8>(), d in data(64)) {
        let rq = SystemInterfaceRequest(Request { netfn: n, lun: l, cmd: Cmd(c), data: &d });
        let bytes = emit_both(rq.buffer_len(), |b| rq.emit(b));
        prop_assert_eq!(bytes.len(), 2 + d.len());
        prop_assert_eq!(SystemInterfaceRequest::parse(&bytes).unwrap(), rq);

        let rs = SystemInterfaceResponse(Response { netfn: n, lun: l, cmd: Cmd(c), completion: CompletionCode(cc), data: &d });
        let bytes = emit_both(rs.buffer_len(), |b| rs.emit(b));
        prop_assert_eq!(SystemInterfaceResponse::parse(&bytes).unwrap(), rs);
    }

    #[test]
    fn system_interface_bytes_round_trip(bytes in data(40)) {
        if let Ok(rq) = SystemInterfaceRequest::parse(&bytes) {
            prop_assert_eq!(emit_both(rq.buffer_len(), |b| rq.emit(b)), bytes.clone());
        } else {
            prop_assert!(bytes.len() < 2);
        }
        if let Ok(rs) = SystemInterfaceResponse::parse(&bytes) {
            prop_assert_eq!(emit_both(rs.buffer_len(), |b| rs.emit(b)), bytes);
        } else {
            prop_assert!(bytes.len() < 3);
        }
    }

    #[test]
    fn bt_round_trip(n in netfn(), l in lun(), s in any::<u8>(), c in any::<u8>(), cc in any::<u8>(), d in data(251)) {
        let rq = BtRequest { seq: s, message: Request { netfn: n, lun: l, cmd: Cmd(c), data: &d } };
        let bytes = emit_both(rq.buffer_len(), |b| rq.emit(b));
        prop_assert_eq!(usize::from(bytes[0]) + 1, bytes.len());
        prop_assert_eq!(BtRequest::parse(&bytes).unwrap(), rq);
        for cut in 0..bytes.len() {
            prop_assert!(BtRequest::parse(&bytes[..cut]).is_err());
        }

        let rs = rq.response(CompletionCode(cc), &d);
        let rs = BtResponse { message: Response { netfn: n, ..rs.message }, ..rs };
        let bytes = emit_both(rs.buffer_len(), |b| rs.emit(b));
        prop_assert_eq!(BtResponse::parse(&bytes).unwrap(), rs);
        for cut in 0..bytes.len() {
            prop_assert!(BtResponse::parse(&bytes[..cut]).is_err());
        }
    }

    #[test]
    fn bt_bytes_round_trip(mut bytes in data(40), fix in any::<bool>()) {
        if fix && !bytes.is_empty() {
            bytes[0] = u8::try_from(bytes.len() - 1).unwrap();
        }
        if let Ok(rq) = BtRequest::parse(&bytes) {
            prop_assert_eq!(emit_both(rq.buffer_len(), |b| rq.emit(b)), bytes.clone());
        }
        if let Ok(rs) = BtResponse::parse(&bytes) {
            prop_assert_eq!(emit_both(rs.buffer_len(), |b| rs.emit(b)), bytes);
        }
    }

    #[test]
    fn ipmb_round_trip(
        rs_sa in any::<u8>(), rq_sa in any::<u8>(), s in seq(), rq_lun in lun(), rs_lun in lun(),
        n in request_netfn(), c in any::<u8>(), cc in any::<u8>(), d in data(40),
    ) {
        let rq = IpmbRequest {
            rs_sa, rq_sa, rq_seq: s, rq_lun,
            message: Request { netfn: n, lun: rs_lun, cmd: Cmd(c), data: &d },
        };
        let bytes = emit_both(rq.buffer_len(), |b| rq.emit(b));
        prop_assert_eq!(IpmbRequest::parse(&bytes).unwrap(), rq);
        prop_assert_eq!(IpmbMessage::parse(&bytes).unwrap(), IpmbMessage::Request(rq));
        prop_assert_eq!(IpmbRequest::parse_after_address(rs_sa, &bytes[1..]).unwrap(), rq);
        for cut in 0..bytes.len() {
            truncated_ipmb(&bytes[..cut])?;
        }

        let rs = rq.response(CompletionCode(cc), &d);
        let bytes = emit_both(rs.buffer_len(), |b| rs.emit(b));
        prop_assert_eq!(IpmbResponse::parse(&bytes).unwrap(), rs);
        prop_assert_eq!(IpmbMessage::parse(&bytes).unwrap(), IpmbMessage::Response(rs));
        prop_assert_eq!(IpmbResponse::parse_after_address(rq_sa, &bytes[1..]).unwrap(), rs);
        prop_assert_eq!(PendingIpmbRequest::of(&rq).check(&rs), Ok(()));
        for cut in 0..bytes.len() {
            truncated_ipmb(&bytes[..cut])?;
        }
    }

    #[test]
    fn ipmb_bytes_round_trip(mut bytes in data(40), fix in any::<bool>()) {
        if fix {
            fix_checksums(&mut bytes);
        }
        match IpmbMessage::parse(&bytes) {
            Ok(m) => {
                prop_assert_eq!(emit_both(m.buffer_len(), |b| m.emit(b)), bytes.clone());
                match m {
                    IpmbMessage::Request(r) => prop_assert_eq!(IpmbRequest::parse(&bytes), Ok(r)),
                    IpmbMessage::Response(r) => prop_assert_eq!(IpmbResponse::parse(&bytes), Ok(r)),
                }
            }
            Err(FrameError::Truncated { actual, .. }) => prop_assert_eq!(actual, bytes.len()),
            Err(_) => prop_assert!(!fix || bytes.len() < 7),
        }
    }

    #[test]
    fn send_message_round_trip(b in any::<u8>(), d in data(30), s in seq(), n in request_netfn(), c in any::<u8>()) {
        let sm = SendMessage { target: SendMessageChannel::from_byte(b), message: &d };
        let bytes = emit_both(sm.buffer_len(), |buf| sm.emit(buf));
        prop_assert_eq!(SendMessage::parse(&bytes).unwrap(), sm);

        let smi = SendMessageIpmb {
            target: SendMessageChannel::from_byte(b),
            frame: IpmbRequest {
                rs_sa: 0x82, rq_sa: 0x20, rq_seq: s, rq_lun: Lun::SMS,
                message: Request::new(n, Cmd(c), &d),
            },
        };
        let bytes = emit_both(smi.buffer_len(), |buf| smi.emit(buf));
        prop_assert_eq!(SendMessageIpmb::parse(&bytes).unwrap(), smi);
        prop_assert_eq!(SendMessage::parse(&bytes).unwrap().ipmb().unwrap(), smi.frame);
    }

    #[test]
    fn get_message_round_trip(ch in 0u8..=15, p in 0u8..=15, s in seq(), cc in any::<u8>(), d in data(30), rq_sa in any::<u8>()) {
        let rq = IpmbRequest {
            rs_sa: 0x82, rq_sa, rq_seq: s, rq_lun: Lun::SMS,
            message: Request::new(NetFn::APP, Cmd(1), &[]),
        };
        let gm = GetMessageIpmb {
            channel: ChannelNumber::new(ch).unwrap(),
            privilege: InferredPrivilege::new(p).unwrap(),
            frame: rq.response(CompletionCode(cc), &d).into(),
        };
        let bytes = emit_both(gm.buffer_len(), |buf| gm.emit(buf));
        prop_assert_eq!(bytes[0], p << 4 | ch);
        prop_assert_eq!(GetMessageIpmb::parse(&bytes, rq_sa).unwrap(), gm);
        let raw = GetMessage::parse(&bytes).unwrap();
        prop_assert_eq!(emit_both(raw.buffer_len(), |buf| raw.emit(buf)), bytes.clone());
        prop_assert_eq!(PendingIpmbRequest::of(&rq).check(&raw.ipmb_response(rq_sa).unwrap()), Ok(()));
        for cut in 0..bytes.len() {
            // As for IPMB frames: a cut that happens to end on a valid checksum is another,
            // shorter message.
            if let Ok(short) = GetMessageIpmb::parse(&bytes[..cut], rq_sa) {
                prop_assert_ne!(short, gm);
                prop_assert_eq!(emit_both(short.buffer_len(), |buf| short.emit(buf)), bytes[..cut].to_vec());
            }
        }
    }

    #[test]
    fn sequence_numbers_never_hand_out_in_flight(ops in proptest::collection::vec((any::<bool>(), 0u8..64), 0..300)) {
        let mut s = SequenceNumbers::new();
        let mut model = [false; 64];
        for (alloc, n) in ops {
            if alloc {
                match s.allocate() {
                    Some(q) => {
                        prop_assert!(!model[usize::from(q.value())]);
                        model[usize::from(q.value())] = true;
                    }
                    None => prop_assert!(model.iter().all(|&b| b)),
                }
            } else {
                let q = RqSeq::new(n).unwrap();
                prop_assert_eq!(s.release(q), model[usize::from(n)]);
                model[usize::from(n)] = false;
            }
            prop_assert_eq!(s.in_flight() as usize, model.iter().filter(|&&b| b).count());
        }
    }
}
