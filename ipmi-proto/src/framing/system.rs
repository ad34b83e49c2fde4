//! The system interface message body shared by KCS and SSIF (IPMI 2.0 §9.2 KCS message
//! format, §12 SSIF): `netFn/LUN, cmd, data` for requests, `netFn/LUN, cmd, cc, data` for
//! responses. There are no addresses, sequence numbers or checksums.

use crate::message::{Cmd, CompletionCode, Lun, NetFn, Request, Response, netfn_lun};

use super::{EmitError, FrameError, Writer};

/// A KCS/SSIF request body: `netFn/LUN, cmd, data…` (IPMI 2.0 §9.2).
///
/// The NetFn is not checked for direction: a body with a response NetFn parses, and the
/// responder decides what to answer.
///
/// ```
/// use ipmi_proto::framing::SystemInterfaceRequest;
/// use ipmi_proto::message::{Cmd, NetFn};
///
/// // Get Device ID.
/// let body = [0x18, 0x01];
/// let request = SystemInterfaceRequest::parse(&body)?.0;
/// assert_eq!((request.netfn, request.cmd), (NetFn::APP, Cmd(0x01)));
/// assert!(request.data.is_empty());
///
/// let mut out = [0u8; 2];
/// assert_eq!(SystemInterfaceRequest(request).emit(&mut out)?, 2);
/// assert_eq!(out, body);
/// assert!(SystemInterfaceRequest::parse(&body[..1]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SystemInterfaceRequest<'a>(pub Request<'a>);

/// A KCS/SSIF response body: `netFn/LUN, cmd, cc, data…` (IPMI 2.0 §9.2).
///
/// ```
/// use ipmi_proto::framing::SystemInterfaceResponse;
/// use ipmi_proto::message::CompletionCode;
///
/// let body = [0x1C, 0x01, 0xC1];
/// let response = SystemInterfaceResponse::parse(&body)?.0;
/// assert_eq!(response.completion, CompletionCode::INVALID_COMMAND);
/// assert!(SystemInterfaceResponse::parse(&body[..2]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SystemInterfaceResponse<'a>(pub Response<'a>);

impl<'a> SystemInterfaceRequest<'a> {
    /// Bytes before the data: `netFn/LUN`, `cmd`.
    pub const HEADER_LEN: usize = 2;

    /// Parses a request body; at least 2 bytes.
    pub fn parse(body: &'a [u8]) -> Result<Self, FrameError> {
        match body {
            [nl, cmd, data @ ..] => Ok(Self(Request {
                netfn: NetFn::from_netfn_lun(*nl),
                lun: Lun::from_low_bits(*nl),
                cmd: Cmd(*cmd),
                data,
            })),
            _ => Err(FrameError::Truncated {
                needed: Self::HEADER_LEN,
                actual: body.len(),
            }),
        }
    }

    /// Bytes [`emit`](Self::emit) writes.
    pub const fn buffer_len(&self) -> usize {
        Self::HEADER_LEN.saturating_add(self.0.data.len())
    }

    /// Writes the body; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let m = &self.0;
        let mut w = Writer::new(buf, self.buffer_len())?;
        w.byte(netfn_lun(m.netfn, m.lun))?;
        w.byte(m.cmd.0)?;
        w.bytes(m.data)?;
        Ok(w.finish())
    }
}

impl<'a> SystemInterfaceResponse<'a> {
    /// Bytes before the data: `netFn/LUN`, `cmd`, `cc`.
    pub const HEADER_LEN: usize = 3;

    /// Parses a response body; at least 3 bytes.
    pub fn parse(body: &'a [u8]) -> Result<Self, FrameError> {
        match body {
            [nl, cmd, cc, data @ ..] => Ok(Self(Response {
                netfn: NetFn::from_netfn_lun(*nl),
                lun: Lun::from_low_bits(*nl),
                cmd: Cmd(*cmd),
                completion: CompletionCode(*cc),
                data,
            })),
            _ => Err(FrameError::Truncated {
                needed: Self::HEADER_LEN,
                actual: body.len(),
            }),
        }
    }

    /// Bytes [`emit`](Self::emit) writes.
    pub const fn buffer_len(&self) -> usize {
        Self::HEADER_LEN.saturating_add(self.0.data.len())
    }

    /// Writes the body; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let m = &self.0;
        let mut w = Writer::new(buf, self.buffer_len())?;
        w.byte(netfn_lun(m.netfn, m.lun))?;
        w.byte(m.cmd.0)?;
        w.byte(m.completion.0)?;
        w.bytes(m.data)?;
        Ok(w.finish())
    }
}

impl<'a> From<Request<'a>> for SystemInterfaceRequest<'a> {
    fn from(r: Request<'a>) -> Self {
        Self(r)
    }
}

impl<'a> From<Response<'a>> for SystemInterfaceResponse<'a> {
    fn from(r: Response<'a>) -> Self {
        Self(r)
    }
}
