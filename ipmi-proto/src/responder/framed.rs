//! One call per received frame: parse the request frame, dispatch it, write the response
//! frame around the handler's data — in the caller's buffer, without a copy.

use crate::framing::{BtRequest, IpmbRequest, SystemInterfaceRequest, checksum};
use crate::message::{CompletionCode, Request, netfn_lun};

use super::{DispatchError, Origin, Requester, Route, dispatch};

/// Where a frame's response data goes: after `header` bytes, before `trailer` bytes, in a
/// frame of at most `limit` bytes.
struct Layout {
    header: usize,
    trailer: usize,
    limit: usize,
}

/// Dispatches `request` into the data area `out[header..min(len, limit) - trailer]` and
/// returns the completion code and the response data length. Errors about the buffer count
/// the whole frame.
fn dispatch_framed<Ctx>(
    routes: &[Route<Ctx>],
    ctx: &mut Ctx,
    request: &Request<'_>,
    origin: &Origin,
    out: &mut [u8],
    layout: &Layout,
) -> Result<(CompletionCode, usize), DispatchError> {
    let Layout {
        header,
        trailer,
        limit,
    } = *layout;
    let available = out.len();
    let overhead = header.saturating_add(trailer);
    let too_small = |extra: usize| DispatchError::BufferTooSmall {
        needed: overhead.saturating_add(extra),
        available,
    };
    let end = available
        .min(limit)
        .checked_sub(trailer)
        .ok_or(too_small(0))?;
    let area = out.get_mut(header..end).ok_or(too_small(0))?;
    match dispatch(routes, ctx, request, origin, area) {
        Ok(response) => Ok((response.completion, response.data.len())),
        Err(DispatchError::BufferTooSmall { needed, .. }) => Err(too_small(needed)),
        Err(e) => Err(e),
    }
}

/// Writes `bytes` at the start of `out` (checked long enough by the caller; still no panic).
fn put(out: &mut [u8], at: usize, bytes: &[u8]) -> Result<(), DispatchError> {
    let available = out.len();
    let end = at.saturating_add(bytes.len());
    out.get_mut(at..end)
        .ok_or(DispatchError::BufferTooSmall {
            needed: end,
            available,
        })?
        .copy_from_slice(bytes);
    Ok(())
}

/// Answers a KCS/SSIF request body (IPMI 2.0 §9.2, §12): parses `body`, dispatches it, and
/// writes the response body `netFn/LUN, cmd, cc, data` to `out`; returns its length.
///
/// The response data is limited to `out.len() - 3` bytes. Pass
/// [`Origin::system_interface`] (channel Fh, [`SESSIONLESS_PRIVILEGE`](super::SESSIONLESS_PRIVILEGE))
/// unless the firmware restricts the host.
///
/// ```
/// use ipmi_proto::command::Privilege;
/// use ipmi_proto::framing::SystemInterfaceResponse;
/// use ipmi_proto::message::{Cmd, CompletionCode, NetFn, Request};
/// use ipmi_proto::responder::{respond_system_interface, Origin, Route};
///
/// fn self_test(_: &mut (), _: &Request<'_>, _: &Origin, out: &mut [u8]) -> Result<usize, CompletionCode> {
///     out.get_mut(..2).ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?.copy_from_slice(&[0x55, 0x00]);
///     Ok(2)
/// }
/// static ROUTES: [Route<()>; 1] = [Route::new(NetFn::APP, Cmd(0x04), Privilege::User, 0, 0, self_test)];
///
/// let mut out = [0u8; 64];
/// let host = Origin::system_interface();
/// let n = respond_system_interface(&ROUTES, &mut (), &[0x18, 0x04], &host, &mut out)?;
/// assert_eq!(&out[..n], &[0x1C, 0x04, 0x00, 0x55, 0x00]);
/// let n = respond_system_interface(&ROUTES, &mut (), &[0x18, 0x05], &host, &mut out)?;
/// assert_eq!(SystemInterfaceResponse::parse(&out[..n])?.0.completion, CompletionCode::INVALID_COMMAND);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`DispatchError::Frame`] for a body shorter than 2 bytes, [`DispatchError::NotARequest`]
/// for a response NetFn, [`DispatchError::BufferTooSmall`] if `out` cannot hold the response
/// without data (3 bytes, plus the body code of a group extension or OEM/group request).
pub fn respond_system_interface<Ctx>(
    routes: &[Route<Ctx>],
    ctx: &mut Ctx,
    body: &[u8],
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, DispatchError> {
    // §9.2: netFn/LUN, cmd, cc, data.
    const HEADER: usize = 3;
    let SystemInterfaceRequest(request) = SystemInterfaceRequest::parse(body)?;
    let (cc, n) = dispatch_framed(
        routes,
        ctx,
        &request,
        origin,
        out,
        &Layout {
            header: HEADER,
            trailer: 0,
            limit: usize::MAX,
        },
    )?;
    let nl = netfn_lun(request.netfn.response(), request.lun);
    put(out, 0, &[nl, request.cmd.0, cc.0])?;
    Ok(HEADER.saturating_add(n))
}

/// Answers a BT request (IPMI 2.0 §11): parses `frame` (length byte first), dispatches it,
/// and writes the response `length, netFn/LUN, seq, cmd, cc, data` to `out`, echoing the
/// sequence number; returns its length.
///
/// The response data is limited to `out.len() - 5` bytes and to 251 (the length byte counts
/// at most 255 bytes).
///
/// # Errors
///
/// As [`respond_system_interface`]; [`DispatchError::Frame`] also for a length byte that
/// does not count the bytes after it. The smallest response is 5 bytes.
pub fn respond_bt<Ctx>(
    routes: &[Route<Ctx>],
    ctx: &mut Ctx,
    frame: &[u8],
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, DispatchError> {
    // §11: length, netFn/LUN, seq, cmd, cc, data; the length byte counts what follows.
    const HEADER: usize = 5;
    const LIMIT: usize = 1 + u8::MAX as usize;
    let request = BtRequest::parse(frame)?;
    let m = request.message;
    let (cc, n) = dispatch_framed(
        routes,
        ctx,
        &m,
        origin,
        out,
        &Layout {
            header: HEADER,
            trailer: 0,
            limit: LIMIT,
        },
    )?;
    let total = HEADER.saturating_add(n);
    let length =
        u8::try_from(total.saturating_sub(1)).map_err(|_| DispatchError::BufferTooSmall {
            needed: total,
            available: LIMIT,
        })?;
    let nl = netfn_lun(m.netfn.response(), m.lun);
    put(out, 0, &[length, nl, request.seq, m.cmd.0, cc.0])?;
    Ok(total)
}

/// Answers an IPMB request frame (IPMI 2.0 §7; IPMB v1.0 §2.1), or the IPMI message of a
/// LAN session, which has the same layout (IPMI 2.0 §13.8): parses `frame` (both checksums
/// checked), dispatches it, and writes the response frame `rqSA, netFn/rqLUN, chk1, rsSA,
/// rqSeq/rsLUN, cmd, cc, data, chk2` to `out`; returns its length.
///
/// The response data is limited to `out.len() - 8` bytes: pass a 32-byte buffer on a real
/// IPMB ([`IPMB_MAX_FRAME_LEN`](crate::framing::IPMB_MAX_FRAME_LEN)). The frame's rsSA is
/// not checked against the responder's own address; do that before calling. The handlers see
/// `origin` with its requester set to the frame's rqSA and rqLUN. IPMB carries no privilege
/// ([`Origin::ipmb`]); a LAN session passes [`Origin::session`] with its session privilege.
///
/// ```
/// use ipmi_proto::command::Privilege;
/// use ipmi_proto::framing::IpmbResponse;
/// use ipmi_proto::message::{ChannelNumber, Cmd, CompletionCode, NetFn, Request};
/// use ipmi_proto::responder::{respond_ipmb, DispatchError, Origin, Route};
///
/// fn self_test(_: &mut (), _: &Request<'_>, _: &Origin, out: &mut [u8]) -> Result<usize, CompletionCode> {
///     out.get_mut(..2).ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?.copy_from_slice(&[0x55, 0x00]);
///     Ok(2)
/// }
/// static ROUTES: [Route<()>; 1] = [Route::new(NetFn::APP, Cmd(0x04), Privilege::User, 0, 0, self_test)];
///
/// // Get Self Test Results from the BMC (20h), asked by F0h with rqSeq 1.
/// let frame = [0x20, 0x18, 0xC8, 0xF0, 0x04, 0x04, 0x08];
/// let mut out = [0u8; 32];
/// let ipmb = Origin::ipmb(ChannelNumber::PRIMARY_IPMB);
/// let n = respond_ipmb(&ROUTES, &mut (), &frame, &ipmb, &mut out)?;
/// assert_eq!(&out[..n], &[0xF0, 0x1C, 0xF4, 0x20, 0x04, 0x04, 0x00, 0x55, 0x00, 0x83]);
/// assert_eq!(IpmbResponse::parse(&out[..n])?.message.data, &[0x55, 0x00]);
///
/// let mut bad = frame;
/// bad[6] ^= 1; // checksum 2
/// assert!(matches!(respond_ipmb(&ROUTES, &mut (), &bad, &ipmb, &mut out), Err(DispatchError::Frame(_))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`DispatchError::Frame`] for a frame that does not parse (short, a checksum wrong, a
/// response NetFn), [`DispatchError::BufferTooSmall`] if `out` cannot hold the response
/// without data (8 bytes, plus the body code of a group extension or OEM/group request).
pub fn respond_ipmb<Ctx>(
    routes: &[Route<Ctx>],
    ctx: &mut Ctx,
    frame: &[u8],
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, DispatchError> {
    // IPMB v1.0 §2.1: seven bytes up to and including cc, then data, then checksum 2.
    const HEADER: usize = 7;
    let request = IpmbRequest::parse(frame)?;
    let m = request.message;
    let origin = origin.with_requester(Requester {
        address: request.rq_sa,
        lun: request.rq_lun,
    });
    let (cc, n) = dispatch_framed(
        routes,
        ctx,
        &m,
        &origin,
        out,
        &Layout {
            header: HEADER,
            trailer: 1,
            limit: usize::MAX,
        },
    )?;
    let first = [request.rq_sa, netfn_lun(m.netfn.response(), request.rq_lun)];
    let chk1 = checksum(&first);
    let seq_lun = (request.rq_seq.value() << 2) | m.lun.value();
    put(
        out,
        0,
        &[
            first[0],
            first[1],
            chk1,
            request.rs_sa,
            seq_lun,
            m.cmd.0,
            cc.0,
        ],
    )?;
    let end = HEADER.saturating_add(n);
    // Checksum 2 covers rsSA through the last data byte.
    let chk2 = checksum(out.get(3..end).unwrap_or_default());
    put(out, end, &[chk2])?;
    Ok(end.saturating_add(1))
}
