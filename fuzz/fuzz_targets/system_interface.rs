//! Arbitrary bytes as KCS/SSIF and BT message bodies, requests and responses. Whatever
//! parses emits back to exactly the input; a response built from a parsed request matches
//! it; a BT length byte is accepted only when it counts the bytes that follow.
#![no_main]

use ipmi_proto::framing::requester::{PendingBtRequest, PendingRequest};
use ipmi_proto::framing::{
    BtRequest, BtResponse, EmitError, FrameError, SystemInterfaceRequest, SystemInterfaceResponse,
};
use ipmi_proto::message::CompletionCode;
use libfuzzer_sys::fuzz_target;

fn emit_exact(len: usize, emit: impl Fn(&mut [u8]) -> Result<usize, EmitError>) -> Vec<u8> {
    let mut buf = vec![0xA5; len];
    assert_eq!(emit(&mut buf), Ok(len));
    if len > 0 {
        let mut short = vec![0; len - 1];
        assert!(emit(&mut short).is_err());
    }
    buf
}

fuzz_target!(|data: &[u8]| {
    let cc = CompletionCode(data.last().copied().unwrap_or(0));

    match SystemInterfaceRequest::parse(data) {
        Ok(rq) => {
            assert_eq!(emit_exact(rq.buffer_len(), |b| rq.emit(b)), data);
            let rs = rq.0.response(cc, rq.0.data);
            let bytes = emit_exact(SystemInterfaceResponse(rs).buffer_len(), |b| {
                SystemInterfaceResponse(rs).emit(b)
            });
            let back = SystemInterfaceResponse::parse(&bytes).expect("emitted response parses");
            assert_eq!(back.0, rs);
            if rq.0.netfn.is_request() {
                assert_eq!(PendingRequest::of(&rq.0).check(&back.0), Ok(()));
            } else {
                assert!(PendingRequest::of(&rq.0).check(&back.0).is_err());
            }
        }
        Err(e) => assert!(data.len() < 2, "{e}"),
    }
    match SystemInterfaceResponse::parse(data) {
        Ok(rs) => assert_eq!(emit_exact(rs.buffer_len(), |b| rs.emit(b)), data),
        Err(e) => assert!(data.len() < 3, "{e}"),
    }

    let length_ok = data
        .first()
        .is_some_and(|&l| usize::from(l) + 1 == data.len());
    match BtRequest::parse(data) {
        Ok(rq) => {
            assert!(length_ok);
            assert_eq!(emit_exact(rq.buffer_len(), |b| rq.emit(b)), data);
            if rq.message.data.len() <= BtResponse::MAX_DATA_LEN {
                let rs = rq.response(cc, rq.message.data);
                let bytes = emit_exact(rs.buffer_len(), |b| rs.emit(b));
                let back = BtResponse::parse(&bytes).expect("emitted response parses");
                assert_eq!(back, rs);
                if rq.message.netfn.is_request() {
                    assert_eq!(PendingBtRequest::of(&rq).check(&back), Ok(()));
                }
            }
        }
        Err(FrameError::LengthByte { length, actual }) => {
            assert_eq!(usize::from(length), data[0] as usize);
            assert!(actual > usize::from(length));
        }
        Err(FrameError::Truncated { actual, .. }) => {
            assert_eq!(actual, data.len());
            assert!(!length_ok || data.len() < 4);
        }
        Err(e) => panic!("unexpected BT error {e:?}"),
    }
    if let Ok(rs) = BtResponse::parse(data) {
        assert!(length_ok);
        assert_eq!(emit_exact(rs.buffer_len(), |b| rs.emit(b)), data);
    }
});
