//! Framing: how a [`Request`](crate::message::Request) or
//! [`Response`](crate::message::Response) travels on each IPMI transport.
//!
//! | transport | type | layout |
//! |---|---|---|
//! | KCS, SSIF (system interface) | [`SystemInterfaceRequest`], [`SystemInterfaceResponse`] | `netFn/LUN, cmd, [cc,] data` |
//! | BT (system interface) | [`BtRequest`], [`BtResponse`] | `length, netFn/LUN, seq, cmd, [cc,] data` |
//! | IPMB (I²C) | [`IpmbRequest`], [`IpmbResponse`], [`IpmbMessage`] | `rsSA, netFn/rsLUN, chk1, rqSA, rqSeq/rqLUN, cmd, data, chk2` (responses swap the addresses and add `cc`) |
//! | LAN session payload | [`LanRequest`], [`LanResponse`] (the IPMB types) | as IPMB |
//! | bridging (App 34h / 33h) | [`bridge`] | channel byte + IPMB frame |
//!
//! Every type has the same shape: `parse(bytes)` checks lengths, length bytes and checksums
//! and borrows the data; `buffer_len()` says how many bytes `emit(buf)` writes; `emit`
//! returns [`EmitError::BufferTooSmall`] instead of writing a partial frame. Nothing here
//! panics on any input. Requesters find sequence numbers and response matching in
//! [`requester`].
//!
//! ```
//! use ipmi_proto::framing::{IpmbMessage, IpmbRequest, RqSeq};
//! use ipmi_proto::message::{Cmd, CompletionCode, Lun, NetFn, Request};
//!
//! // Get Device ID from the BMC (20h), asked by system software 81h, rqSeq 1.
//! let request = IpmbRequest {
//!     rs_sa: 0x20,
//!     rq_sa: 0x81,
//!     rq_seq: RqSeq::new(1)?,
//!     rq_lun: Lun::BMC,
//!     message: Request::new(NetFn::APP, Cmd(0x01), &[]),
//! };
//! let mut buf = [0u8; 32];
//! let n = request.emit(&mut buf)?;
//! assert_eq!(&buf[..n], &[0x20, 0x18, 0xC8, 0x81, 0x04, 0x01, 0x7A]);
//!
//! // The responder parses it and answers.
//! let IpmbMessage::Request(received) = IpmbMessage::parse(&buf[..n])? else { unreachable!() };
//! let response = received.response(CompletionCode::NORMAL, &[0x20, 0x01]);
//! let n = response.emit(&mut buf)?;
//! assert_eq!(&buf[..3], &[0x81, 0x1C, 0x63]);
//! assert_eq!(IpmbMessage::parse(&buf[..n])?, IpmbMessage::Response(response));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use crate::message::NetFn;

pub mod bridge;
mod bt;
mod ipmb;
mod lan;
pub mod requester;
mod system;

pub use bt::{BtRequest, BtResponse};
pub use ipmb::{
    BMC_ADDRESS, IPMB_MAX_FRAME_LEN, IpmbMessage, IpmbRequest, IpmbResponse,
    REMOTE_CONSOLE_SOFTWARE_ID, RqSeq, checksum,
};
pub use lan::{LanMessage, LanRequest, LanResponse};
pub use system::{SystemInterfaceRequest, SystemInterfaceResponse};

/// A frame could not be parsed. Every variant says what was wrong with the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum FrameError {
    /// Fewer bytes than the smallest frame of this kind (or than its length byte says).
    Truncated {
        /// Bytes needed.
        needed: usize,
        /// Bytes given.
        actual: usize,
    },
    /// A BT length byte that says fewer bytes follow than were given.
    LengthByte {
        /// The length byte (bytes that follow it).
        length: u8,
        /// Bytes that actually follow it.
        actual: usize,
    },
    /// IPMB checksum 1 (over the first address and `netFn/LUN`) is wrong.
    HeaderChecksum {
        /// The checksum of the bytes as received.
        expected: u8,
        /// The checksum byte in the frame.
        found: u8,
    },
    /// IPMB checksum 2 (over the second address up to the last data byte) is wrong.
    DataChecksum {
        /// The checksum of the bytes as received.
        expected: u8,
        /// The checksum byte in the frame.
        found: u8,
    },
    /// A frame parsed as a request carries a response NetFn (odd).
    NotARequest {
        /// The NetFn found.
        netfn: NetFn,
    },
    /// A frame parsed as a response carries a request NetFn (even).
    NotAResponse {
        /// The NetFn found.
        netfn: NetFn,
    },
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated { needed, actual } => {
                write!(f, "truncated frame: {actual} bytes, need {needed}")
            }
            Self::LengthByte { length, actual } => {
                write!(f, "length byte says {length} bytes follow, but {actual} do")
            }
            Self::HeaderChecksum { expected, found } => write!(
                f,
                "header checksum (checksum 1) is {found:02X}h, the header sums to {expected:02X}h"
            ),
            Self::DataChecksum { expected, found } => write!(
                f,
                "data checksum (checksum 2) is {found:02X}h, the body sums to {expected:02X}h"
            ),
            Self::NotARequest { netfn } => {
                write!(f, "expected a request, found NetFn {:02X}h", netfn.value())
            }
            Self::NotAResponse { netfn } => {
                write!(f, "expected a response, found NetFn {:02X}h", netfn.value())
            }
        }
    }
}

impl core::error::Error for FrameError {}

/// A frame could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum EmitError {
    /// The output buffer is shorter than `buffer_len()`; nothing was written.
    BufferTooSmall {
        /// Bytes the frame needs.
        needed: usize,
        /// Bytes the buffer has.
        available: usize,
    },
    /// The data does not fit the frame's length field (BT: at most 255 bytes after the
    /// length byte).
    TooLong {
        /// Data bytes given.
        len: usize,
        /// The most data bytes this frame holds.
        max: usize,
    },
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BufferTooSmall { needed, available } => write!(
                f,
                "output buffer has {available} bytes, the frame needs {needed}"
            ),
            Self::TooLong { len, max } => write!(
                f,
                "{len} data bytes do not fit the frame's length field (at most {max})"
            ),
        }
    }
}

impl core::error::Error for EmitError {}

/// Writes bytes into a buffer that was checked to be long enough; a short buffer still
/// gives an error, never a panic.
pub(crate) struct Writer<'b> {
    buf: &'b mut [u8],
    pos: usize,
    needed: usize,
}

impl<'b> Writer<'b> {
    /// A writer for a frame of `needed` bytes; refuses a buffer shorter than that.
    pub(crate) fn new(buf: &'b mut [u8], needed: usize) -> Result<Self, EmitError> {
        if buf.len() < needed {
            return Err(EmitError::BufferTooSmall {
                needed,
                available: buf.len(),
            });
        }
        Ok(Self {
            buf,
            pos: 0,
            needed,
        })
    }

    fn short(&self) -> EmitError {
        EmitError::BufferTooSmall {
            needed: self.needed,
            available: self.buf.len(),
        }
    }

    pub(crate) fn byte(&mut self, b: u8) -> Result<(), EmitError> {
        let err = self.short();
        *self.buf.get_mut(self.pos).ok_or(err)? = b;
        self.pos = self.pos.checked_add(1).ok_or(err)?;
        Ok(())
    }

    pub(crate) fn bytes(&mut self, s: &[u8]) -> Result<(), EmitError> {
        let err = self.short();
        let end = self.pos.checked_add(s.len()).ok_or(err)?;
        self.buf
            .get_mut(self.pos..end)
            .ok_or(err)?
            .copy_from_slice(s);
        self.pos = end;
        Ok(())
    }

    /// Bytes written so far.
    pub(crate) fn finish(self) -> usize {
        self.pos
    }
}
