//! Bridging to IPMB through the BMC: Send Message (App 34h, IPMI 2.0 §22.7) and Get Message
//! (App 33h, IPMI 2.0 §22.6).
//!
//! A requester on the system interface or on LAN reaches a controller on IPMB by sending the
//! BMC a Send Message request whose data is a channel byte followed by a complete IPMB
//! request frame ([`SendMessageIpmb`]). The answer comes back separately:
//!
//! - on the system interface, the BMC puts the IPMB response in the Receive Message Queue;
//!   Get Message returns it as a channel byte followed by the frame **without its first
//!   address byte** (the BMC's own address, consumed by the I²C hardware) — [`GetMessage`];
//! - on LAN, with tracking requested, the BMC sends the response as a new LAN message with
//!   the requester's own address and sequence number: parse it as a
//!   [`LanResponse`](super::LanResponse).
//!
//! ```
//! use ipmi_proto::framing::bridge::{GetMessage, SendMessageChannel, SendMessageIpmb, Tracking,
//!     ChannelNumber, SEND_MESSAGE};
//! use ipmi_proto::framing::requester::PendingIpmbRequest;
//! use ipmi_proto::framing::{BMC_ADDRESS, IpmbRequest, RqSeq, SystemInterfaceRequest};
//! use ipmi_proto::message::{Cmd, Lun, NetFn, Request};
//!
//! // Get Device ID of the controller at 82h, from the host, through the BMC.
//! let inner = IpmbRequest {
//!     rs_sa: 0x82,
//!     rq_sa: BMC_ADDRESS,
//!     rq_seq: RqSeq::new(5)?,
//!     rq_lun: Lun::SMS, // the answer goes to the Receive Message Queue
//!     message: Request::new(NetFn::APP, Cmd(0x01), &[]),
//! };
//! let bridged = SendMessageIpmb {
//!     target: SendMessageChannel::new(ChannelNumber::PRIMARY_IPMB, Tracking::NoTracking),
//!     frame: inner,
//! };
//! let mut data = [0u8; 32];
//! let n = bridged.emit(&mut data)?;
//! let outer = Request::new(NetFn::APP, SEND_MESSAGE, &data[..n]);
//! let mut kcs = [0u8; 40];
//! let len = SystemInterfaceRequest(outer).emit(&mut kcs)?;
//! assert_eq!(&kcs[..len], &[0x18, 0x34, 0x00, 0x82, 0x18, 0x66, 0x20, 0x16, 0x01, 0xC9]);
//!
//! // Later, Get Message returns the controller's answer (data after the completion code).
//! let get_message_data = [0x00, 0x1E, 0xC2, 0x82, 0x14, 0x01, 0x00, 0x12, 0x57];
//! let received = GetMessage::parse(&get_message_data)?;
//! let response = received.ipmb_response(BMC_ADDRESS)?;
//! PendingIpmbRequest::of(&inner).check(&response)?;
//! assert_eq!(response.message.data, &[0x12]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use crate::message::ChannelNumber;
use crate::message::{Cmd, RangeError};

use super::{EmitError, FrameError, IpmbMessage, IpmbRequest, IpmbResponse, Writer};

/// Get Message, App 33h (IPMI 2.0 §22.6).
pub const GET_MESSAGE: Cmd = Cmd(0x33);
/// Send Message, App 34h (IPMI 2.0 §22.7).
pub const SEND_MESSAGE: Cmd = Cmd(0x34);

/// Send Message tracking operation, bits 7:6 of the channel byte (IPMI 2.0 §22.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Tracking {
    /// 00b: no tracking; the response is returned to the Receive Message Queue (system
    /// interface) or not at all.
    NoTracking,
    /// 01b: track the request, so the BMC returns the response to the originating channel
    /// with the original requester's address and sequence number (LAN, serial).
    TrackRequest,
    /// 10b: send raw (for test purposes; the message data is sent as is).
    SendRaw,
    /// 11b: reserved; kept so the byte round-trips.
    Reserved,
}

impl Tracking {
    const fn from_bits(b: u8) -> Self {
        match b & 0b11 {
            0 => Self::NoTracking,
            1 => Self::TrackRequest,
            2 => Self::SendRaw,
            _ => Self::Reserved,
        }
    }

    const fn bits(self) -> u8 {
        match self {
            Self::NoTracking => 0,
            Self::TrackRequest => 1,
            Self::SendRaw => 2,
            Self::Reserved => 3,
        }
    }
}

/// The first data byte of a Send Message request (IPMI 2.0 §22.7): tracking (bits 7:6),
/// send with authentication (bit 5), send with encryption (bit 4), channel number (3:0).
/// Every byte value maps to one of these and back.
///
/// ```
/// use ipmi_proto::framing::bridge::{ChannelNumber, SendMessageChannel, Tracking};
///
/// let c = SendMessageChannel::from_byte(0x40); // what ipmitool sends over LAN
/// assert_eq!(c.tracking, Tracking::TrackRequest);
/// assert_eq!(c.channel, ChannelNumber::PRIMARY_IPMB);
/// assert_eq!(c.to_byte(), 0x40);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SendMessageChannel {
    /// Tracking operation.
    pub tracking: Tracking,
    /// Bit 5: send the message with authentication (session-based target channels).
    pub authentication: bool,
    /// Bit 4: send the message with encryption (IPMI 2.0 target sessions).
    pub encryption: bool,
    /// Target channel.
    pub channel: ChannelNumber,
}

impl SendMessageChannel {
    /// A target channel without authentication or encryption.
    pub const fn new(channel: ChannelNumber, tracking: Tracking) -> Self {
        Self {
            tracking,
            authentication: false,
            encryption: false,
            channel,
        }
    }

    /// Decodes the byte.
    pub const fn from_byte(b: u8) -> Self {
        Self {
            tracking: Tracking::from_bits(b >> 6),
            authentication: b & 0x20 != 0,
            encryption: b & 0x10 != 0,
            channel: ChannelNumber::from_low_bits(b),
        }
    }

    /// Encodes the byte.
    pub const fn to_byte(self) -> u8 {
        (self.tracking.bits() << 6)
            | ((self.authentication as u8) << 5)
            | ((self.encryption as u8) << 4)
            | self.channel.value()
    }
}

/// The data of a Send Message request, any target channel: the channel byte and the
/// message bytes, as is (IPMI 2.0 §22.7).
///
/// ```
/// use ipmi_proto::framing::bridge::SendMessage;
///
/// let data = [0x40, 0x82, 0x18, 0x66, 0x81, 0x08, 0x01, 0x76];
/// let sm = SendMessage::parse(&data)?;
/// assert_eq!(sm.message.len(), 7);
/// assert_eq!(sm.ipmb()?.rs_sa, 0x82);
/// assert!(SendMessage::parse(&[]).is_err());
/// # Ok::<(), ipmi_proto::framing::FrameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SendMessage<'a> {
    /// Target channel and options.
    pub target: SendMessageChannel,
    /// The message to send, formatted for the target channel (an IPMB frame for IPMB).
    pub message: &'a [u8],
}

impl<'a> SendMessage<'a> {
    /// Parses Send Message request data: at least the channel byte.
    pub fn parse(data: &'a [u8]) -> Result<Self, FrameError> {
        let Some((&b, message)) = data.split_first() else {
            return Err(FrameError::Truncated {
                needed: 1,
                actual: 0,
            });
        };
        Ok(Self {
            target: SendMessageChannel::from_byte(b),
            message,
        })
    }

    /// The message parsed as an IPMB request frame, both checksums checked.
    pub fn ipmb(&self) -> Result<IpmbRequest<'a>, FrameError> {
        IpmbRequest::parse(self.message)
    }

    /// Bytes [`emit`](Self::emit) writes.
    pub const fn buffer_len(&self) -> usize {
        self.message.len().saturating_add(1)
    }

    /// Writes the request data.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let mut w = Writer::new(buf, self.buffer_len())?;
        w.byte(self.target.to_byte())?;
        w.bytes(self.message)?;
        Ok(w.finish())
    }
}

/// The data of a Send Message request to an IPMB channel: the channel byte and a complete
/// IPMB request frame, checksums included (IPMI 2.0 §22.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SendMessageIpmb<'a> {
    /// Target channel and options.
    pub target: SendMessageChannel,
    /// The encapsulated request.
    pub frame: IpmbRequest<'a>,
}

impl<'a> SendMessageIpmb<'a> {
    /// Parses Send Message request data whose message is an IPMB request frame.
    pub fn parse(data: &'a [u8]) -> Result<Self, FrameError> {
        let sm = SendMessage::parse(data).map_err(|_| FrameError::Truncated {
            needed: IpmbRequest::MIN_LEN.saturating_add(1),
            actual: data.len(),
        })?;
        let frame = IpmbRequest::parse(sm.message).map_err(|e| shift_truncated(e, 1))?;
        Ok(Self {
            target: sm.target,
            frame,
        })
    }

    /// Bytes [`emit`](Self::emit) writes: 1 + the frame.
    pub const fn buffer_len(&self) -> usize {
        self.frame.buffer_len().saturating_add(1)
    }

    /// Writes the request data: the channel byte, then the frame.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let needed = self.buffer_len();
        let short = EmitError::BufferTooSmall {
            needed,
            available: buf.len(),
        };
        let Some((first, rest)) = buf.split_first_mut() else {
            return Err(short);
        };
        if rest.len() < self.frame.buffer_len() {
            return Err(short);
        }
        *first = self.target.to_byte();
        let n = self.frame.emit(rest)?;
        n.checked_add(1).ok_or(short)
    }
}

/// The inferred privilege level in a Get Message response, bits 7:4 of its channel byte
/// (IPMI 2.0 §22.6): the privilege the message was received with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct InferredPrivilege(u8);

impl InferredPrivilege {
    /// 0h: none given (also what IPMI 1.5 BMCs return).
    pub const UNSPECIFIED: Self = Self(0);
    /// 1h: callback.
    pub const CALLBACK: Self = Self(1);
    /// 2h: user.
    pub const USER: Self = Self(2);
    /// 3h: operator.
    pub const OPERATOR: Self = Self(3);
    /// 4h: administrator.
    pub const ADMINISTRATOR: Self = Self(4);
    /// 5h: OEM proprietary.
    pub const OEM: Self = Self(5);

    /// A privilege from its 4-bit value; values above 5 are kept (reserved).
    pub const fn new(value: u8) -> Result<Self, RangeError> {
        if value <= 0xF {
            Ok(Self(value))
        } else {
            Err(RangeError {
                field: "inferred privilege level",
                value,
                max: 0xF,
            })
        }
    }

    /// The 4-bit value.
    pub const fn value(self) -> u8 {
        self.0
    }
}

/// The data of a Get Message response after the completion code (IPMI 2.0 §22.6): a channel
/// byte (inferred privilege in bits 7:4, channel in 3:0) and the message as received. For
/// IPMB channels the message is the frame without its first address byte.
///
/// ```
/// use ipmi_proto::framing::bridge::{ChannelNumber, GetMessage, InferredPrivilege};
///
/// let data = [0x40, 0x1E, 0xC2, 0x82, 0x14, 0x01, 0x00, 0x12, 0x57];
/// let gm = GetMessage::parse(&data)?;
/// assert_eq!(gm.channel, ChannelNumber::PRIMARY_IPMB);
/// assert_eq!(gm.privilege, InferredPrivilege::ADMINISTRATOR);
/// assert_eq!(gm.ipmb_response(0x20)?.rs_sa, 0x82);
/// # Ok::<(), ipmi_proto::framing::FrameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetMessage<'a> {
    /// The channel the message arrived on.
    pub channel: ChannelNumber,
    /// The privilege the message was received with.
    pub privilege: InferredPrivilege,
    /// The message bytes (for IPMB: from `netFn/LUN` to checksum 2).
    pub message: &'a [u8],
}

impl<'a> GetMessage<'a> {
    /// Parses Get Message response data (after the completion code): at least the channel
    /// byte.
    pub fn parse(data: &'a [u8]) -> Result<Self, FrameError> {
        let Some((&b, message)) = data.split_first() else {
            return Err(FrameError::Truncated {
                needed: 1,
                actual: 0,
            });
        };
        Ok(Self {
            channel: ChannelNumber::from_low_bits(b),
            privilege: InferredPrivilege(b >> 4),
            message,
        })
    }

    /// The channel byte.
    pub const fn channel_byte(&self) -> u8 {
        (self.privilege.0 << 4) | self.channel.value()
    }

    /// The message parsed as an IPMB frame of either direction; `receiver_sa` (the BMC's
    /// address, normally [`BMC_ADDRESS`](super::BMC_ADDRESS)) stands in for the missing
    /// first byte.
    pub fn ipmb(&self, receiver_sa: u8) -> Result<IpmbMessage<'a>, FrameError> {
        IpmbMessage::parse_after_address(receiver_sa, self.message)
    }

    /// The message parsed as an IPMB response, the usual case: the answer to a request
    /// sent with Send Message.
    pub fn ipmb_response(&self, receiver_sa: u8) -> Result<IpmbResponse<'a>, FrameError> {
        IpmbResponse::parse_after_address(receiver_sa, self.message)
    }

    /// Bytes [`emit`](Self::emit) writes.
    pub const fn buffer_len(&self) -> usize {
        self.message.len().saturating_add(1)
    }

    /// Writes the response data (after the completion code).
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let mut w = Writer::new(buf, self.buffer_len())?;
        w.byte(self.channel_byte())?;
        w.bytes(self.message)?;
        Ok(w.finish())
    }
}

/// Get Message response data holding an IPMB frame, for a BMC that serves its Receive
/// Message Queue: the channel byte, then the frame without its first address byte.
///
/// ```
/// use ipmi_proto::framing::bridge::{ChannelNumber, GetMessage, GetMessageIpmb, InferredPrivilege};
/// use ipmi_proto::framing::IpmbResponse;
///
/// let frame = [0x20, 0x1E, 0xC2, 0x82, 0x14, 0x01, 0x00, 0x12, 0x57];
/// let gm = GetMessageIpmb {
///     channel: ChannelNumber::PRIMARY_IPMB,
///     privilege: InferredPrivilege::UNSPECIFIED,
///     frame: IpmbResponse::parse(&frame)?.into(),
/// };
/// let mut buf = [0u8; 16];
/// let n = gm.emit(&mut buf)?;
/// assert_eq!(&buf[..n], &[0x00, 0x1E, 0xC2, 0x82, 0x14, 0x01, 0x00, 0x12, 0x57]);
/// assert_eq!(GetMessageIpmb::parse(&buf[..n], 0x20)?, gm);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetMessageIpmb<'a> {
    /// The channel the message arrived on.
    pub channel: ChannelNumber,
    /// The privilege the message was received with.
    pub privilege: InferredPrivilege,
    /// The frame; its first address byte is not written.
    pub frame: IpmbMessage<'a>,
}

impl<'a> GetMessageIpmb<'a> {
    /// Parses Get Message response data holding an IPMB frame; `receiver_sa` stands in for
    /// the frame's missing first byte.
    pub fn parse(data: &'a [u8], receiver_sa: u8) -> Result<Self, FrameError> {
        let gm = GetMessage::parse(data)?;
        let frame = gm.ipmb(receiver_sa).map_err(|e| shift_truncated(e, 1))?;
        Ok(Self {
            channel: gm.channel,
            privilege: gm.privilege,
            frame,
        })
    }

    /// Bytes [`emit`](Self::emit) writes: the frame's length (channel byte in, first address
    /// byte out).
    pub const fn buffer_len(&self) -> usize {
        self.frame.buffer_len()
    }

    /// Writes the response data: the frame is written whole, then its first byte is
    /// replaced by the channel byte.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let n = self.frame.emit(buf)?;
        let channel_byte = (self.privilege.0 << 4) | self.channel.value();
        match buf.first_mut() {
            Some(b) => *b = channel_byte,
            None => {
                return Err(EmitError::BufferTooSmall {
                    needed: self.buffer_len(),
                    available: 0,
                });
            }
        }
        Ok(n)
    }
}

/// Counts `extra` leading bytes into a truncation error of an inner frame.
fn shift_truncated(e: FrameError, extra: usize) -> FrameError {
    match e {
        FrameError::Truncated { needed, actual } => FrameError::Truncated {
            needed: needed.saturating_add(extra),
            actual: actual.saturating_add(extra),
        },
        other => other,
    }
}
