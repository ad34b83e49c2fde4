//! The BT (block transfer) system interface message (IPMI 2.0 §11, BT interface message
//! format): a length byte counting the bytes after it, then `netFn/LUN, seq, cmd, [cc,]
//! data`. The 8-bit sequence number is the requester's, echoed in the response.

use crate::message::{Cmd, CompletionCode, Lun, NetFn, Request, Response, netfn_lun};

use super::{EmitError, FrameError, Writer};

/// A BT request: `length, netFn/LUN, seq, cmd, data…` (IPMI 2.0 §11).
///
/// ```
/// use ipmi_proto::framing::BtRequest;
/// use ipmi_proto::message::{Cmd, NetFn, Request};
///
/// let bytes = [0x03, 0x18, 0x2A, 0x01]; // Get Device ID, seq 2Ah
/// let request = BtRequest::parse(&bytes)?;
/// assert_eq!(request.seq, 0x2A);
/// assert_eq!(request.message, Request::new(NetFn::APP, Cmd(0x01), &[]));
/// assert!(BtRequest::parse(&[0x04, 0x18, 0x2A, 0x01]).is_err()); // length byte too big
/// # Ok::<(), ipmi_proto::framing::FrameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BtRequest<'a> {
    /// Sequence number chosen by the requester.
    pub seq: u8,
    /// The request.
    pub message: Request<'a>,
}

/// A BT response: `length, netFn/LUN, seq, cmd, cc, data…` (IPMI 2.0 §11).
///
/// ```
/// use ipmi_proto::framing::BtResponse;
/// use ipmi_proto::message::CompletionCode;
///
/// let bytes = [0x05, 0x1C, 0x2A, 0x01, 0x00, 0x20];
/// let response = BtResponse::parse(&bytes)?;
/// assert_eq!(response.seq, 0x2A);
/// assert_eq!(response.message.completion, CompletionCode::NORMAL);
/// assert_eq!(response.message.data, &[0x20]);
/// # Ok::<(), ipmi_proto::framing::FrameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BtResponse<'a> {
    /// Sequence number, echoed from the request.
    pub seq: u8,
    /// The response.
    pub message: Response<'a>,
}

/// Checks the length byte against the bytes given; returns the bytes after it.
fn body(bytes: &[u8], min: usize) -> Result<&[u8], FrameError> {
    let truncated = |needed| FrameError::Truncated {
        needed,
        actual: bytes.len(),
    };
    let Some((&length, rest)) = bytes.split_first() else {
        return Err(truncated(min));
    };
    if bytes.len() < min {
        return Err(truncated(min));
    }
    let wanted = usize::from(length);
    if rest.len() < wanted {
        return Err(truncated(wanted.saturating_add(1)));
    }
    if rest.len() > wanted {
        return Err(FrameError::LengthByte {
            length,
            actual: rest.len(),
        });
    }
    Ok(rest)
}

impl<'a> BtRequest<'a> {
    /// Bytes before the data: length, `netFn/LUN`, seq, cmd.
    pub const HEADER_LEN: usize = 4;
    /// The most data bytes the length byte can count (255 − 3).
    pub const MAX_DATA_LEN: usize = 252;

    /// Parses a request. The length byte must count exactly the bytes after it: fewer is
    /// [`FrameError::Truncated`], more is [`FrameError::LengthByte`]. Slice a receive
    /// buffer to `bytes[0] + 1` bytes first.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, FrameError> {
        match body(bytes, Self::HEADER_LEN)? {
            [nl, seq, cmd, data @ ..] => Ok(Self {
                seq: *seq,
                message: Request {
                    netfn: NetFn::from_netfn_lun(*nl),
                    lun: Lun::from_low_bits(*nl),
                    cmd: Cmd(*cmd),
                    data,
                },
            }),
            _ => Err(FrameError::Truncated {
                needed: Self::HEADER_LEN,
                actual: bytes.len(),
            }),
        }
    }

    /// Bytes [`emit`](Self::emit) writes.
    pub const fn buffer_len(&self) -> usize {
        Self::HEADER_LEN.saturating_add(self.message.data.len())
    }

    /// The response to this request, with the same sequence number.
    pub const fn response<'b>(&self, completion: CompletionCode, data: &'b [u8]) -> BtResponse<'b> {
        BtResponse {
            seq: self.seq,
            message: self.message.response(completion, data),
        }
    }

    /// Writes the request; fails with [`EmitError::TooLong`] above 252 data bytes.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let m = &self.message;
        let length = length_byte(m.data.len(), Self::MAX_DATA_LEN, 3)?;
        let mut w = Writer::new(buf, self.buffer_len())?;
        w.byte(length)?;
        w.byte(netfn_lun(m.netfn, m.lun))?;
        w.byte(self.seq)?;
        w.byte(m.cmd.0)?;
        w.bytes(m.data)?;
        Ok(w.finish())
    }
}

impl<'a> BtResponse<'a> {
    /// Bytes before the data: length, `netFn/LUN`, seq, cmd, cc.
    pub const HEADER_LEN: usize = 5;
    /// The most data bytes the length byte can count (255 − 4).
    pub const MAX_DATA_LEN: usize = 251;

    /// Parses a response; the length byte is checked as in [`BtRequest::parse`].
    pub fn parse(bytes: &'a [u8]) -> Result<Self, FrameError> {
        match body(bytes, Self::HEADER_LEN)? {
            [nl, seq, cmd, cc, data @ ..] => Ok(Self {
                seq: *seq,
                message: Response {
                    netfn: NetFn::from_netfn_lun(*nl),
                    lun: Lun::from_low_bits(*nl),
                    cmd: Cmd(*cmd),
                    completion: CompletionCode(*cc),
                    data,
                },
            }),
            _ => Err(FrameError::Truncated {
                needed: Self::HEADER_LEN,
                actual: bytes.len(),
            }),
        }
    }

    /// Bytes [`emit`](Self::emit) writes.
    pub const fn buffer_len(&self) -> usize {
        Self::HEADER_LEN.saturating_add(self.message.data.len())
    }

    /// Writes the response; fails with [`EmitError::TooLong`] above 251 data bytes.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let m = &self.message;
        let length = length_byte(m.data.len(), Self::MAX_DATA_LEN, 4)?;
        let mut w = Writer::new(buf, self.buffer_len())?;
        w.byte(length)?;
        w.byte(netfn_lun(m.netfn, m.lun))?;
        w.byte(self.seq)?;
        w.byte(m.cmd.0)?;
        w.byte(m.completion.0)?;
        w.bytes(m.data)?;
        Ok(w.finish())
    }
}

fn length_byte(data_len: usize, max: usize, fixed: usize) -> Result<u8, EmitError> {
    let too_long = EmitError::TooLong { len: data_len, max };
    if data_len > max {
        return Err(too_long);
    }
    data_len
        .checked_add(fixed)
        .and_then(|n| u8::try_from(n).ok())
        .ok_or(too_long)
}
