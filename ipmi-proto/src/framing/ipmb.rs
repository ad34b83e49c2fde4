//! IPMB frames (IPMI 2.0 §7; IPMB v1.0 §2.1 message format).
//!
//! Request: `rsSA, netFn/rsLUN, chk1, rqSA, rqSeq/rqLUN, cmd, data…, chk2`.
//! Response: `rqSA, netFn/rqLUN, chk1, rsSA, rqSeq/rsLUN, cmd, cc, data…, chk2`.
//! Both checksums are two's complement: the covered bytes plus the checksum sum to 0 mod 256.
//! Checksum 1 covers the first two bytes, checksum 2 everything from the second address to
//! the last data byte.

use core::fmt;

use crate::message::{Cmd, CompletionCode, Lun, NetFn, RangeError, Request, Response, netfn_lun};

use super::{EmitError, FrameError, Writer};

/// The BMC's slave address on IPMB (20h), and its usual responder address in LAN messages
/// (IPMI 2.0 §13.8).
pub const BMC_ADDRESS: u8 = 0x20;

/// The software ID remote console software uses as its requester address in LAN messages
/// (IPMI 2.0 §5.5 software IDs: remote console software 1–7 are 81h–8Dh in the address
/// byte).
pub const REMOTE_CONSOLE_SOFTWARE_ID: u8 = 0x81;

/// The longest IPMB message IPMB v1.0 requires a controller to accept (32 bytes, from the
/// first address to checksum 2). Parsing and emitting do not enforce it: LAN messages share
/// the layout and are longer; firmware that talks on a real IPMB should check it.
pub const IPMB_MAX_FRAME_LEN: usize = 32;

/// The two's-complement checksum of IPMB and LAN messages: the byte that makes the covered
/// bytes sum to zero mod 256 (IPMI 2.0 §7; IPMB v1.0 §2.1).
///
/// ```
/// assert_eq!(ipmi_proto::framing::checksum(&[0x20, 0x18]), 0xC8);
/// assert_eq!(ipmi_proto::framing::checksum(&[0x81, 0x04, 0x01]), 0x7A);
/// assert_eq!(ipmi_proto::framing::checksum(&[]), 0x00);
/// ```
pub fn checksum(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0u8, |s, &b| s.wrapping_sub(b))
}

/// A requester sequence number: 6 bits, carried with the requester's LUN (IPMI 2.0 §7.1).
///
/// ```
/// use ipmi_proto::framing::RqSeq;
///
/// assert_eq!(RqSeq::new(63)?.value(), 63);
/// assert!(RqSeq::new(64).is_err());
/// assert_eq!(RqSeq::new(63)?.next().value(), 0);
/// # Ok::<(), ipmi_proto::message::RangeError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RqSeq(u8);

impl RqSeq {
    /// The largest sequence number.
    pub const MAX: u8 = 0x3F;

    /// A sequence number from its 6-bit value.
    pub const fn new(value: u8) -> Result<Self, RangeError> {
        if value <= Self::MAX {
            Ok(Self(value))
        } else {
            Err(RangeError {
                field: "rqSeq",
                value,
                max: Self::MAX,
            })
        }
    }

    /// The sequence number in bits 7:2 of an `rqSeq/LUN` byte.
    pub const fn from_seq_lun(byte: u8) -> Self {
        Self(byte >> 2)
    }

    /// The 6-bit value.
    pub const fn value(self) -> u8 {
        self.0
    }

    /// The next number, wrapping from 63 to 0.
    #[must_use]
    pub const fn next(self) -> Self {
        Self(self.0.wrapping_add(1) & Self::MAX)
    }
}

impl TryFrom<u8> for RqSeq {
    type Error = RangeError;
    fn try_from(value: u8) -> Result<Self, RangeError> {
        Self::new(value)
    }
}

impl From<RqSeq> for u8 {
    fn from(s: RqSeq) -> u8 {
        s.0
    }
}

impl fmt::Display for RqSeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rqSeq {}", self.0)
    }
}

/// An IPMB request frame (IPMI 2.0 §7.1, IPMB v1.0 §2.1):
/// `rsSA, netFn/rsLUN, chk1, rqSA, rqSeq/rqLUN, cmd, data…, chk2`.
///
/// The responder's LUN is `message.lun`. Slave addresses are the 8-bit address bytes as
/// they appear in the frame (7-bit I²C address shifted left; software IDs have bit 0 set).
///
/// ```
/// use ipmi_proto::framing::{FrameError, IpmbRequest};
/// use ipmi_proto::message::{Cmd, NetFn};
///
/// let frame = [0x20, 0x18, 0xC8, 0x81, 0x04, 0x01, 0x7A]; // Get Device ID
/// let request = IpmbRequest::parse(&frame)?;
/// assert_eq!((request.rs_sa, request.rq_sa, request.rq_seq.value()), (0x20, 0x81, 1));
/// assert_eq!((request.message.netfn, request.message.cmd), (NetFn::APP, Cmd(0x01)));
///
/// let mut bad = frame;
/// bad[6] = 0x7B;
/// assert_eq!(
///     IpmbRequest::parse(&bad),
///     Err(FrameError::DataChecksum { expected: 0x7A, found: 0x7B })
/// );
/// # Ok::<(), FrameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IpmbRequest<'a> {
    /// Responder's slave address (rsSA), the first byte.
    pub rs_sa: u8,
    /// Requester's slave address or software ID (rqSA).
    pub rq_sa: u8,
    /// Requester's sequence number.
    pub rq_seq: RqSeq,
    /// Requester's LUN, where the response is to be sent.
    pub rq_lun: Lun,
    /// NetFn, responder's LUN, command and data.
    pub message: Request<'a>,
}

/// An IPMB response frame (IPMI 2.0 §7.1, IPMB v1.0 §2.1):
/// `rqSA, netFn/rqLUN, chk1, rsSA, rqSeq/rsLUN, cmd, cc, data…, chk2`.
///
/// The fields have the same names and meanings as in [`IpmbRequest`]; the frame swaps the
/// addresses and LUNs. The responder's LUN is `message.lun`.
///
/// ```
/// use ipmi_proto::framing::IpmbResponse;
/// use ipmi_proto::message::CompletionCode;
///
/// // Get Self Test Results response: 55h, no error.
/// let frame = [0xF0, 0x1C, 0xF4, 0x20, 0x04, 0x04, 0x00, 0x55, 0x00, 0x83];
/// let response = IpmbResponse::parse(&frame)?;
/// assert_eq!((response.rq_sa, response.rs_sa), (0xF0, 0x20));
/// assert_eq!(response.message.completion, CompletionCode::NORMAL);
/// assert_eq!(response.message.data, &[0x55, 0x00]);
/// # Ok::<(), ipmi_proto::framing::FrameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IpmbResponse<'a> {
    /// Requester's slave address or software ID (rqSA), the first byte.
    pub rq_sa: u8,
    /// Responder's slave address (rsSA).
    pub rs_sa: u8,
    /// The request's sequence number, echoed.
    pub rq_seq: RqSeq,
    /// Requester's LUN (in the second byte).
    pub rq_lun: Lun,
    /// NetFn, responder's LUN, command, completion code and data.
    pub message: Response<'a>,
}

/// An IPMB frame of either direction; the NetFn's low bit tells which (IPMI 2.0 §5.1).
///
/// ```
/// use ipmi_proto::framing::IpmbMessage;
///
/// let frame = [0x20, 0x18, 0xC8, 0x81, 0x04, 0x01, 0x7A];
/// assert!(matches!(IpmbMessage::parse(&frame)?, IpmbMessage::Request(_)));
/// // The same frame as it sits in a receive queue, without the first address byte:
/// assert_eq!(
///     IpmbMessage::parse_after_address(0x20, &frame[1..])?,
///     IpmbMessage::parse(&frame)?
/// );
/// # Ok::<(), ipmi_proto::framing::FrameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum IpmbMessage<'a> {
    /// An even NetFn.
    Request(IpmbRequest<'a>),
    /// An odd NetFn.
    Response(IpmbResponse<'a>),
}

/// The fields of a frame before its direction is known.
struct Raw<'a> {
    first_sa: u8,
    netfn: NetFn,
    first_lun: Lun,
    second_sa: u8,
    rq_seq: RqSeq,
    second_lun: Lun,
    cmd: Cmd,
    /// Between the command and checksum 2.
    body: &'a [u8],
}

/// Fewest bytes in a request frame (no data).
const REQUEST_MIN: usize = 7;
/// Fewest bytes in a response frame (completion code, no data).
const RESPONSE_MIN: usize = 8;

/// Parses `first_sa` followed by `rest` (the frame after its first byte). `given` is 1 when
/// the first byte came from the caller and not from the slice, so that errors count the
/// bytes of the slice. `min` is the least frame length wanted.
fn parse_raw(first_sa: u8, rest: &[u8], given: usize, min: usize) -> Result<Raw<'_>, FrameError> {
    let actual = rest.len().saturating_add(1).saturating_sub(given);
    let needed = min.saturating_sub(given);
    let truncated = FrameError::Truncated { needed, actual };
    if rest.len().saturating_add(1) < min {
        return Err(truncated);
    }
    let [nl, chk1, second_sa, seq_lun, cmd, tail @ ..] = rest else {
        return Err(truncated);
    };
    let Some((&chk2, body)) = tail.split_last() else {
        return Err(truncated);
    };
    // IPMB v1.0 §2.1: checksum 1 covers rsSA and netFn/LUN.
    let expected = checksum(&[first_sa, *nl]);
    if expected != *chk1 {
        return Err(FrameError::HeaderChecksum {
            expected,
            found: *chk1,
        });
    }
    // Checksum 2 covers the second address through the last data byte.
    let expected = checksum(&[*second_sa, *seq_lun, *cmd]).wrapping_add(checksum(body));
    if expected != chk2 {
        return Err(FrameError::DataChecksum {
            expected,
            found: chk2,
        });
    }
    Ok(Raw {
        first_sa,
        netfn: NetFn::from_netfn_lun(*nl),
        first_lun: Lun::from_low_bits(*nl),
        second_sa: *second_sa,
        rq_seq: RqSeq::from_seq_lun(*seq_lun),
        second_lun: Lun::from_low_bits(*seq_lun),
        cmd: Cmd(*cmd),
        body,
    })
}

impl<'a> Raw<'a> {
    fn into_request(self) -> Result<IpmbRequest<'a>, FrameError> {
        if !self.netfn.is_request() {
            return Err(FrameError::NotARequest { netfn: self.netfn });
        }
        Ok(IpmbRequest {
            rs_sa: self.first_sa,
            rq_sa: self.second_sa,
            rq_seq: self.rq_seq,
            rq_lun: self.second_lun,
            message: Request {
                netfn: self.netfn,
                lun: self.first_lun,
                cmd: self.cmd,
                data: self.body,
            },
        })
    }

    fn into_response(self, given: usize) -> Result<IpmbResponse<'a>, FrameError> {
        if !self.netfn.is_response() {
            return Err(FrameError::NotAResponse { netfn: self.netfn });
        }
        let Some((&cc, data)) = self.body.split_first() else {
            return Err(FrameError::Truncated {
                needed: RESPONSE_MIN.saturating_sub(given),
                actual: REQUEST_MIN.saturating_sub(given),
            });
        };
        Ok(IpmbResponse {
            rq_sa: self.first_sa,
            rs_sa: self.second_sa,
            rq_seq: self.rq_seq,
            rq_lun: self.first_lun,
            message: Response {
                netfn: self.netfn,
                lun: self.second_lun,
                cmd: self.cmd,
                completion: CompletionCode(cc),
                data,
            },
        })
    }
}

/// Writes `a0, netFn/lun0, chk1, a1, seq/lun1, cmd, [cc,] data, chk2`.
fn emit_frame(
    buf: &mut [u8],
    needed: usize,
    first: (u8, u8),
    second: (u8, u8),
    cmd: u8,
    cc: Option<u8>,
    data: &[u8],
) -> Result<usize, EmitError> {
    let mut w = Writer::new(buf, needed)?;
    w.byte(first.0)?;
    w.byte(first.1)?;
    w.byte(checksum(&[first.0, first.1]))?;
    w.byte(second.0)?;
    w.byte(second.1)?;
    w.byte(cmd)?;
    let mut chk2 = checksum(&[second.0, second.1, cmd]);
    if let Some(cc) = cc {
        w.byte(cc)?;
        chk2 = chk2.wrapping_sub(cc);
    }
    w.bytes(data)?;
    w.byte(chk2.wrapping_add(checksum(data)))?;
    Ok(w.finish())
}

impl<'a> IpmbRequest<'a> {
    /// Bytes before the data: rsSA, netFn/rsLUN, chk1, rqSA, rqSeq/rqLUN, cmd.
    pub const HEADER_LEN: usize = 6;
    /// Bytes of a request frame without data.
    pub const MIN_LEN: usize = REQUEST_MIN;

    /// Parses a whole frame: at least 7 bytes, both checksums right, an even NetFn.
    pub fn parse(frame: &'a [u8]) -> Result<Self, FrameError> {
        let Some((&first, rest)) = frame.split_first() else {
            return Err(FrameError::Truncated {
                needed: REQUEST_MIN,
                actual: 0,
            });
        };
        parse_raw(first, rest, 0, REQUEST_MIN)?.into_request()
    }

    /// Parses a frame whose first byte (rsSA) is not in `bytes` — as an I²C target receives
    /// it, and as Get Message returns it — with `rs_sa` standing in for it in checksum 1.
    /// Error lengths count the bytes of `bytes`.
    pub fn parse_after_address(rs_sa: u8, bytes: &'a [u8]) -> Result<Self, FrameError> {
        parse_raw(rs_sa, bytes, 1, REQUEST_MIN)?.into_request()
    }

    /// Bytes [`emit`](Self::emit) writes: 7 + data.
    pub const fn buffer_len(&self) -> usize {
        REQUEST_MIN.saturating_add(self.message.data.len())
    }

    /// Writes the frame with both checksums; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let m = &self.message;
        emit_frame(
            buf,
            self.buffer_len(),
            (self.rs_sa, netfn_lun(m.netfn, m.lun)),
            (self.rq_sa, seq_lun(self.rq_seq, self.rq_lun)),
            m.cmd.0,
            None,
            m.data,
        )
    }

    /// The response to this request: addresses swapped, NetFn + 1, the same sequence number,
    /// LUNs and command.
    pub const fn response<'b>(
        &self,
        completion: CompletionCode,
        data: &'b [u8],
    ) -> IpmbResponse<'b> {
        IpmbResponse {
            rq_sa: self.rq_sa,
            rs_sa: self.rs_sa,
            rq_seq: self.rq_seq,
            rq_lun: self.rq_lun,
            message: self.message.response(completion, data),
        }
    }
}

impl<'a> IpmbResponse<'a> {
    /// Bytes before the data: rqSA, netFn/rqLUN, chk1, rsSA, rqSeq/rsLUN, cmd, cc.
    pub const HEADER_LEN: usize = 7;
    /// Bytes of a response frame without data.
    pub const MIN_LEN: usize = RESPONSE_MIN;

    /// Parses a whole frame: at least 8 bytes, both checksums right, an odd NetFn.
    pub fn parse(frame: &'a [u8]) -> Result<Self, FrameError> {
        let Some((&first, rest)) = frame.split_first() else {
            return Err(FrameError::Truncated {
                needed: RESPONSE_MIN,
                actual: 0,
            });
        };
        parse_raw(first, rest, 0, RESPONSE_MIN)?.into_response(0)
    }

    /// Parses a frame whose first byte (rqSA) is not in `bytes`, as
    /// [`IpmbRequest::parse_after_address`] does. Get Message (App 33h) returns a bridged
    /// response this way, with the BMC's address standing in for rqSA.
    pub fn parse_after_address(rq_sa: u8, bytes: &'a [u8]) -> Result<Self, FrameError> {
        parse_raw(rq_sa, bytes, 1, RESPONSE_MIN)?.into_response(1)
    }

    /// Bytes [`emit`](Self::emit) writes: 8 + data.
    pub const fn buffer_len(&self) -> usize {
        RESPONSE_MIN.saturating_add(self.message.data.len())
    }

    /// Writes the frame with both checksums; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let m = &self.message;
        emit_frame(
            buf,
            self.buffer_len(),
            (self.rq_sa, netfn_lun(m.netfn, self.rq_lun)),
            (self.rs_sa, seq_lun(self.rq_seq, m.lun)),
            m.cmd.0,
            Some(m.completion.0),
            m.data,
        )
    }
}

impl<'a> IpmbMessage<'a> {
    /// Parses a whole frame of either direction: at least 7 bytes (8 for a response), both
    /// checksums right.
    pub fn parse(frame: &'a [u8]) -> Result<Self, FrameError> {
        let Some((&first, rest)) = frame.split_first() else {
            return Err(FrameError::Truncated {
                needed: REQUEST_MIN,
                actual: 0,
            });
        };
        Self::from_raw(parse_raw(first, rest, 0, REQUEST_MIN)?, 0)
    }

    /// Parses a frame without its first address byte; `first_sa` stands in for it (see
    /// [`IpmbRequest::parse_after_address`]).
    pub fn parse_after_address(first_sa: u8, bytes: &'a [u8]) -> Result<Self, FrameError> {
        Self::from_raw(parse_raw(first_sa, bytes, 1, REQUEST_MIN)?, 1)
    }

    fn from_raw(raw: Raw<'a>, given: usize) -> Result<Self, FrameError> {
        if raw.netfn.is_request() {
            raw.into_request().map(Self::Request)
        } else {
            raw.into_response(given).map(Self::Response)
        }
    }

    /// Bytes [`emit`](Self::emit) writes.
    pub const fn buffer_len(&self) -> usize {
        match self {
            Self::Request(r) => r.buffer_len(),
            Self::Response(r) => r.buffer_len(),
        }
    }

    /// Writes the frame; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        match self {
            Self::Request(r) => r.emit(buf),
            Self::Response(r) => r.emit(buf),
        }
    }

    /// The first byte of the frame: rsSA of a request, rqSA of a response.
    pub const fn destination(&self) -> u8 {
        match self {
            Self::Request(r) => r.rs_sa,
            Self::Response(r) => r.rq_sa,
        }
    }
}

impl<'a> From<IpmbRequest<'a>> for IpmbMessage<'a> {
    fn from(r: IpmbRequest<'a>) -> Self {
        Self::Request(r)
    }
}

impl<'a> From<IpmbResponse<'a>> for IpmbMessage<'a> {
    fn from(r: IpmbResponse<'a>) -> Self {
        Self::Response(r)
    }
}

const fn seq_lun(seq: RqSeq, lun: Lun) -> u8 {
    (seq.value() << 2) | lun.value()
}
