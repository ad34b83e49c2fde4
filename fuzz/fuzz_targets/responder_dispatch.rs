//! Arbitrary bytes through the responder: as a KCS/SSIF body, a BT frame and an IPMB frame
//! (raw, and re-framed with good checksums so routing is reached), with a privilege and a
//! response buffer size taken from the input. Every answer must parse back with the framing
//! parsers and match the request (NetFn + 1, command, LUNs, sequence numbers); a refusal must
//! have a reason.
#![no_main]

use ipmi_proto::command::Privilege;
use ipmi_proto::framing::{
    BtRequest, BtResponse, IpmbRequest, IpmbResponse, RqSeq, SystemInterfaceRequest,
    SystemInterfaceResponse,
};
use ipmi_proto::message::{Cmd, CompletionCode, DefiningBody, Lun, NetFn, Request};
use ipmi_proto::responder::{
    DispatchError, Route, dispatch, respond_bt, respond_ipmb, respond_system_interface,
};
use libfuzzer_sys::fuzz_target;

struct Ctx;

fn echo(_: &mut Ctx, rq: &Request<'_>, out: &mut [u8]) -> Result<usize, CompletionCode> {
    let dst = out
        .get_mut(..rq.data.len())
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.copy_from_slice(rq.data);
    Ok(rq.data.len())
}

fn fixed(_: &mut Ctx, _: &Request<'_>, out: &mut [u8]) -> Result<usize, CompletionCode> {
    let id = [
        0x20, 0x81, 0x02, 0x10, 0x02, 0xBF, 0x57, 0x01, 0x00, 0x3A, 0x0B,
    ];
    let dst = out
        .get_mut(..id.len())
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.copy_from_slice(&id);
    Ok(id.len())
}

fn refuse(_: &mut Ctx, rq: &Request<'_>, _: &mut [u8]) -> Result<usize, CompletionCode> {
    Err(CompletionCode(rq.data.first().copied().unwrap_or(0xC0)))
}

fn liar(_: &mut Ctx, _: &Request<'_>, out: &mut [u8]) -> Result<usize, CompletionCode> {
    Ok(out.len().saturating_add(3))
}

static ROUTES: [Route<Ctx>; 8] = [
    Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, fixed),
    Route::new(NetFn::APP, Cmd(0x38), Privilege::None, 2, 2, echo),
    Route::new(NetFn::CHASSIS, Cmd(0x02), Privilege::Operator, 1, 1, refuse),
    Route::new(NetFn::STORAGE, Cmd(0x11), Privilege::User, 0, 255, echo).luns(0b1111),
    Route::new(
        NetFn::STORAGE,
        Cmd(0x12),
        Privilege::Administrator,
        0,
        8,
        liar,
    ),
    Route::new(
        NetFn::GROUP_EXTENSION,
        Cmd(0x02),
        Privilege::User,
        3,
        3,
        fixed,
    )
    .group(DefiningBody::DCMI),
    Route::new(
        NetFn::GROUP_EXTENSION,
        Cmd(0x01),
        Privilege::User,
        0,
        16,
        echo,
    )
    .group(DefiningBody::PICMG),
    Route::new(NetFn::OEM_GROUP, Cmd(0x01), Privilege::Oem, 0, 16, echo).oem(0x000157),
];

const PRIVILEGES: [Privilege; 6] = [
    Privilege::None,
    Privilege::Callback,
    Privilege::User,
    Privilege::Operator,
    Privilege::Administrator,
    Privilege::Oem,
];

fuzz_target!(|input: &[u8]| {
    let Some((&control, data)) = input.split_first() else {
        return;
    };
    let privilege = PRIVILEGES[usize::from(control & 7) % PRIVILEGES.len()];
    let out_len = usize::from(control >> 3) * 9; // 0..=279
    let mut out = vec![0xA5u8; out_len];

    // The message layer directly.
    if let Ok(SystemInterfaceRequest(rq)) = SystemInterfaceRequest::parse(data) {
        match dispatch(&ROUTES, &mut Ctx, &rq, privilege, &mut out) {
            Ok(rs) => {
                assert!(rq.netfn.is_request());
                assert_eq!(rs.netfn.value(), rq.netfn.value() + 1);
                assert_eq!((rs.cmd, rs.lun), (rq.cmd, rq.lun));
                assert!(rs.data.len() <= out_len);
                if !rs.completion.is_success() {
                    assert!(rs.data.len() <= rq.netfn.body_code_len());
                }
            }
            Err(DispatchError::NotARequest { netfn }) => assert!(netfn.is_response()),
            Err(DispatchError::BufferTooSmall { needed, available }) => {
                assert!(needed > available && available == out_len)
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }

    // KCS/SSIF body.
    match respond_system_interface(&ROUTES, &mut Ctx, data, privilege, &mut out) {
        Ok(n) => {
            let rs = SystemInterfaceResponse::parse(&out[..n])
                .expect("answer parses")
                .0;
            assert_eq!(rs.netfn.value(), (data[0] >> 2) + 1);
            assert_eq!((rs.lun.value(), rs.cmd.0), (data[0] & 3, data[1]));
        }
        Err(DispatchError::Frame(_)) => assert!(data.len() < 2),
        Err(DispatchError::NotARequest { netfn }) => assert!(netfn.is_response()),
        Err(DispatchError::BufferTooSmall { needed, available }) => assert!(needed > available),
        Err(e) => panic!("unexpected {e:?}"),
    }

    // BT frame.
    match respond_bt(&ROUTES, &mut Ctx, data, privilege, &mut out) {
        Ok(n) => {
            let rq = BtRequest::parse(data).expect("answered frames parse");
            let rs = BtResponse::parse(&out[..n]).expect("answer parses");
            assert_eq!(rs.seq, rq.seq);
            assert_eq!(rs.message.netfn, rq.message.netfn.response());
            assert_eq!(
                (rs.message.cmd, rs.message.lun),
                (rq.message.cmd, rq.message.lun)
            );
        }
        Err(DispatchError::Frame(_)) => assert!(BtRequest::parse(data).is_err()),
        Err(DispatchError::NotARequest { netfn }) => assert!(netfn.is_response()),
        Err(DispatchError::BufferTooSmall { needed, available }) => assert!(needed > available),
        Err(e) => panic!("unexpected {e:?}"),
    }

    // IPMB: the raw bytes, then the same parts re-framed with good checksums.
    let mut frames = vec![data.to_vec()];
    if let [nl, seq, cmd, rest @ ..] = data {
        let rq = IpmbRequest {
            rs_sa: 0x20,
            rq_sa: 0x81,
            rq_seq: RqSeq::from_seq_lun(*seq),
            rq_lun: Lun::from_low_bits(*seq),
            message: Request {
                netfn: NetFn::from_netfn_lun(*nl).request(),
                lun: Lun::from_low_bits(*nl),
                cmd: Cmd(*cmd),
                data: rest,
            },
        };
        let mut frame = vec![0u8; rq.buffer_len()];
        rq.emit(&mut frame).expect("exact buffer");
        frames.push(frame);
    }
    for frame in &frames {
        match respond_ipmb(&ROUTES, &mut Ctx, frame, privilege, &mut out) {
            Ok(n) => {
                let rq = IpmbRequest::parse(frame).expect("answered frames parse");
                let rs = IpmbResponse::parse(&out[..n]).expect("answer parses");
                assert_eq!((rs.rq_sa, rs.rs_sa), (rq.rq_sa, rq.rs_sa));
                assert_eq!((rs.rq_seq, rs.rq_lun), (rq.rq_seq, rq.rq_lun));
                assert_eq!(rs.message.netfn, rq.message.netfn.response());
                assert_eq!(
                    (rs.message.cmd, rs.message.lun),
                    (rq.message.cmd, rq.message.lun)
                );
            }
            Err(DispatchError::Frame(_)) => assert!(IpmbRequest::parse(frame).is_err()),
            Err(DispatchError::BufferTooSmall { needed, available }) => {
                assert!(needed > available)
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
});
