//! Arbitrary bytes through the responder: as a KCS/SSIF body, a BT frame and an IPMB frame
//! (raw, and re-framed with good checksums so routing is reached), from an origin (channel,
//! privilege, requester, session) and with a response buffer size taken from the input. Every
//! answer must parse back with the framing parsers and match the request (NetFn + 1, command,
//! LUNs, sequence numbers); a refusal must have a reason; every handler must see the origin it
//! was given (IPMB: with the frame's requester).
//!
//! Input layout: `control, origin, [rqSA], [session ID (4 bytes, LE)], data…`
//! - control: bits 2:0 the privilege code (1h–5h; 0h, 6h and 7h mean None), bits 7:3 the
//!   response buffer size in steps of 9 bytes (0..=279);
//! - origin: bits 3:0 the channel, bit 4 set: a requester address byte follows (its LUN is
//!   bits 7:6), bit 5 set: a session ID follows. `0Fh` is the system interface, `00h` the
//!   primary IPMB without requester.
#![no_main]

use ipmi_proto::command::Privilege;
use ipmi_proto::framing::{
    BtRequest, BtResponse, IpmbRequest, IpmbResponse, RqSeq, SystemInterfaceRequest,
    SystemInterfaceResponse,
};
use ipmi_proto::message::{ChannelNumber, Cmd, CompletionCode, DefiningBody, Lun, NetFn, Request};
use ipmi_proto::responder::{
    DispatchError, Origin, Requester, Route, check_routes, dispatch, respond_bt, respond_ipmb,
    respond_system_interface,
};
use libfuzzer_sys::fuzz_target;

/// The origin every handler must see.
struct Ctx {
    expected: Origin,
}

fn seen(ctx: &Ctx, origin: &Origin) {
    assert_eq!(
        *origin, ctx.expected,
        "the handler sees the caller's origin"
    );
}

fn echo(
    ctx: &mut Ctx,
    rq: &Request<'_>,
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    seen(ctx, origin);
    let dst = out
        .get_mut(..rq.data.len())
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.copy_from_slice(rq.data);
    Ok(rq.data.len())
}

fn fixed(
    ctx: &mut Ctx,
    _: &Request<'_>,
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    seen(ctx, origin);
    let id = [
        0x20, 0x81, 0x02, 0x10, 0x02, 0xBF, 0x57, 0x01, 0x00, 0x3A, 0x0B,
    ];
    let dst = out
        .get_mut(..id.len())
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.copy_from_slice(&id);
    Ok(id.len())
}

fn refuse(
    ctx: &mut Ctx,
    rq: &Request<'_>,
    origin: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    seen(ctx, origin);
    Err(CompletionCode(rq.data.first().copied().unwrap_or(0xC0)))
}

fn liar(
    ctx: &mut Ctx,
    _: &Request<'_>,
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    seen(ctx, origin);
    Ok(out.len().saturating_add(3))
}

/// Platform Event Message (Sensor/Event 02h) on the system interface: 8 bytes, the first the
/// generator ID (IPMI 2.0 §29.3, Table 29-5).
fn event_si(
    ctx: &mut Ctx,
    rq: &Request<'_>,
    origin: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    seen(ctx, origin);
    assert_eq!(origin.channel, ChannelNumber::SYSTEM_INTERFACE);
    assert_eq!(rq.data.len(), 8);
    Ok(0)
}

/// The same command on the primary IPMB: 7 bytes, the generator being the frame's requester.
fn event_ipmb(
    ctx: &mut Ctx,
    rq: &Request<'_>,
    origin: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    seen(ctx, origin);
    assert_eq!(origin.channel, ChannelNumber::PRIMARY_IPMB);
    assert_eq!(rq.data.len(), 7);
    Ok(0)
}

const EVENT: Cmd = Cmd(0x02);

static ROUTES: [Route<Ctx>; 10] = [
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
    Route::new(
        NetFn::SENSOR_EVENT,
        EVENT,
        Privilege::Operator,
        8,
        8,
        event_si,
    )
    .channels(ChannelNumber::SYSTEM_INTERFACE.mask()),
    Route::new(
        NetFn::SENSOR_EVENT,
        EVENT,
        Privilege::Operator,
        7,
        7,
        event_ipmb,
    )
    .channels(ChannelNumber::PRIMARY_IPMB.mask()),
];
const _: () = assert!(check_routes(&ROUTES).is_ok());

/// Reads the origin header; returns the origin and the rest of the input.
fn origin(control: u8, input: &[u8]) -> Option<(Origin, &[u8])> {
    let (&flags, mut rest) = input.split_first()?;
    let privilege = Privilege::from_code(control & 7).unwrap_or(Privilege::None);
    let mut origin = Origin {
        channel: ChannelNumber::from_low_bits(flags),
        privilege,
        requester: None,
        session: None,
    };
    if flags & 0x10 != 0 {
        let (&address, tail) = rest.split_first()?;
        origin = origin.with_requester(Requester {
            address,
            lun: Lun::from_low_bits(flags >> 6),
        });
        rest = tail;
    }
    if flags & 0x20 != 0 {
        let (id, tail) = rest.split_first_chunk::<4>()?;
        origin.session = Some(u32::from_le_bytes(*id));
        rest = tail;
    }
    Some((origin, rest))
}

/// Whether the channel-limited event routes answer C1h for `rq` from `origin`.
fn unserved_event(rq: &Request<'_>, origin: &Origin) -> bool {
    rq.netfn == NetFn::SENSOR_EVENT
        && rq.cmd == EVENT
        && !matches!(origin.channel.value(), 0x0 | 0xF)
}

fuzz_target!(|input: &[u8]| {
    let Some((&control, rest)) = input.split_first() else {
        return;
    };
    let Some((origin, data)) = origin(control, rest) else {
        return;
    };
    let mut ctx = Ctx { expected: origin };
    let out_len = usize::from(control >> 3) * 9; // 0..=279
    let mut out = vec![0xA5u8; out_len];

    // The message layer directly.
    if let Ok(SystemInterfaceRequest(rq)) = SystemInterfaceRequest::parse(data) {
        match dispatch(&ROUTES, &mut ctx, &rq, &origin, &mut out) {
            Ok(rs) => {
                assert!(rq.netfn.is_request());
                assert_eq!(rs.netfn.value(), rq.netfn.value() + 1);
                assert_eq!((rs.cmd, rs.lun), (rq.cmd, rq.lun));
                assert!(rs.data.len() <= out_len);
                if !rs.completion.is_success() {
                    assert!(rs.data.len() <= rq.netfn.body_code_len());
                }
                if unserved_event(&rq, &origin) {
                    assert_eq!(rs.completion, CompletionCode::INVALID_COMMAND);
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
    match respond_system_interface(&ROUTES, &mut ctx, data, &origin, &mut out) {
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
    match respond_bt(&ROUTES, &mut ctx, data, &origin, &mut out) {
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
        // respond_ipmb hands the frame's requester to the handlers.
        if let Ok(rq) = IpmbRequest::parse(frame) {
            ctx.expected = origin.with_requester(Requester {
                address: rq.rq_sa,
                lun: rq.rq_lun,
            });
        }
        match respond_ipmb(&ROUTES, &mut ctx, frame, &origin, &mut out) {
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
