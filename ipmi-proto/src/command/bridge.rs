//! Reaching devices behind the BMC (NetFn App 06h/07h): Send Message (IPMI 2.0 §22.7) and
//! Master Write-Read (§22.11), the I²C/SMBus pass-through to PSUs and DIMM sensors.
//!
//! - [`SendMessageCmd`] (App 34h) carries a message to another channel. Its request data is
//!   [`SendMessage`] from [`crate::framing::bridge`] (channel byte + message as is), which
//!   implements [`Message`] here; [`SendMessageIpmb`] (channel byte + a checked IPMB request
//!   frame) does too, for the usual IPMB target. The framing layer does the parsing; this
//!   module only adds the command rules (the reserved tracking value 11b is refused, lengths
//!   are bounded) and maps [`FrameError`] to [`CommandError`] (see [`frame_error`]).
//! - [`MasterWriteRead`] (App 52h) writes then reads bytes on an I²C bus the BMC masters:
//!   [`MasterWriteReadRequest::smbus_read`] builds the SMBus/PMBus "write command code, read
//!   N bytes" transaction used to read PSUs behind the BMC.
//!
//! ```
//! use ipmi_proto::command::bridge::{BusId, MasterWriteRead, MasterWriteReadRequest,
//!     MasterWriteReadResponse, SlaveAddress};
//! use ipmi_proto::command::{Command, Message, Privilege};
//!
//! // READ_VOUT (8Bh, 2 bytes) from the PSU at 7-bit address 58h on private bus 0:
//! // what `ipmitool i2c bus=0 0xb0 2 0x8b` sends.
//! let request = MasterWriteReadRequest::smbus_read(
//!     BusId::private(0)?, SlaveAddress::from_7bit(0x58)?, &0x8B, 2);
//! let mut buf = [0u8; 8];
//! let n = request.emit(&mut buf).unwrap();
//! assert_eq!(&buf[..n], &[0x01, 0xB0, 0x02, 0x8B]);
//! assert_eq!(MasterWriteRead::PRIVILEGE, Privilege::Operator);
//!
//! let response = MasterWriteReadResponse::parse(&[0x0A, 0x18]).unwrap();
//! assert_eq!(response.read_data, &[0x0A, 0x18]);
//! # Ok::<(), ipmi_proto::message::RangeError>(())
//! ```

use super::app::reserved_zero;
use super::{BufferTooSmall, Command, CommandError, Message, Privilege, check_len, out_prefix};
pub use crate::framing::bridge::{SendMessage, SendMessageChannel, SendMessageIpmb, Tracking};
use crate::framing::{EmitError, FrameError, IPMB_MAX_FRAME_LEN, IpmbRequest};
pub use crate::message::ChannelNumber;
use crate::message::{Cmd, CompletionCode, NetFn, RangeError};

/// Writes `bytes` to the start of `out`, or nothing if it does not fit.
fn emit_bytes(out: &mut [u8], bytes: &[u8]) -> Result<usize, BufferTooSmall> {
    out_prefix(out, bytes.len())?.copy_from_slice(bytes);
    Ok(bytes.len())
}

/// The length bound this crate puts on variable-length data that the specification leaves
/// open (Send Message's message and response data, Master Write-Read's write and read
/// data): 255 bytes, the most a one-byte count can describe and far above the 32-byte IPMB
/// frame and the 35 bytes of write data §22.11 asks controllers to support.
pub const MAX_VARIABLE_DATA: usize = 255;

// ---------------------------------------------------------------------------------------------
// Send Message, IPMI 2.0 §22.7.

command!(
    /// Send Message (App 34h), IPMI 2.0 §22.7; privilege User (Appendix G). The bridged
    /// request then meets the target's own privilege rules (OpenIPMI's BMC, for one, checks
    /// the encapsulated command against the session's level). Request: [`SendMessage`];
    /// response: [`SendMessageResponse`].
    SendMessageCmd,
    NetFn::APP,
    0x34,
    User,
    SendMessage<'a>,
    SendMessageResponse<'a>,
    codes: [
        (SendMessageCmd::INVALID_SESSION_HANDLE, "invalid session handle"),
        (SendMessageCmd::LOST_ARBITRATION, "lost arbitration"),
        (SendMessageCmd::BUS_ERROR, "bus error"),
        (SendMessageCmd::NAK_ON_WRITE, "NAK on write"),
    ]
);

impl SendMessageCmd {
    /// 80h: invalid session handle — the target session does not match an active session
    /// on the target channel (§22.7).
    pub const INVALID_SESSION_HANDLE: CompletionCode = CompletionCode(0x80);
    /// 81h: lost arbitration on the target bus (§22.7).
    pub const LOST_ARBITRATION: CompletionCode = CompletionCode(0x81);
    /// 82h: bus error on the target bus (§22.7).
    pub const BUS_ERROR: CompletionCode = CompletionCode(0x82);
    /// 83h: NAK on write — the target did not acknowledge the message (§22.7).
    pub const NAK_ON_WRITE: CompletionCode = CompletionCode(0x83);
}

/// Maps a framing error of Send Message request `data` to a command error (a responder
/// answers C7h for lengths and CCh for the rest):
///
/// | [`FrameError`] | [`CommandError`] |
/// |---|---|
/// | `Truncated { needed, actual }` (counts include the channel byte) | `Truncated { needed, actual }` |
/// | `HeaderChecksum { found, .. }` | `InvalidField { offset: 3, value: found }` (checksum 1) |
/// | `DataChecksum { found, .. }` | `InvalidField { offset: last, value: found }` (checksum 2) |
/// | `NotARequest { .. }` | `InvalidField { offset: 2, value }` (the `netFn/rsLUN` byte) |
/// | anything else (not produced by request parsing) | `InvalidField { offset: 1, value }` |
///
/// ```
/// use ipmi_proto::command::bridge::frame_error;
/// use ipmi_proto::command::CommandError;
/// use ipmi_proto::framing::FrameError;
///
/// let data = [0x00, 0x82, 0x18, 0x00, 0x20, 0x08, 0x01, 0xD7];
/// assert_eq!(frame_error(&data, FrameError::HeaderChecksum { expected: 0x66, found: 0x00 }),
///     CommandError::InvalidField { offset: 3, value: 0x00 });
/// ```
pub fn frame_error(data: &[u8], e: FrameError) -> CommandError {
    let field = |offset: usize| CommandError::InvalidField {
        offset,
        value: data.get(offset).copied().unwrap_or_default(),
    };
    match e {
        FrameError::Truncated { needed, actual } => CommandError::Truncated { needed, actual },
        FrameError::HeaderChecksum { found, .. } => CommandError::InvalidField {
            offset: 3,
            value: found,
        },
        FrameError::DataChecksum { found, .. } => CommandError::InvalidField {
            offset: data.len().saturating_sub(1),
            value: found,
        },
        FrameError::NotARequest { .. } => field(2),
        _ => field(1),
    }
}

/// Maps an [`EmitError`] of the framing layer to [`BufferTooSmall`] (the only way these
/// emitters fail; nothing is written).
const fn emit_error(e: EmitError, needed: usize, available: usize) -> BufferTooSmall {
    match e {
        EmitError::BufferTooSmall { needed, available } => BufferTooSmall { needed, available },
        EmitError::TooLong { .. } => BufferTooSmall { needed, available },
    }
}

/// Refuses the reserved tracking operation 11b (bits 7:6 of the channel byte).
fn check_tracking(target: SendMessageChannel, byte: u8) -> Result<(), CommandError> {
    if target.tracking == Tracking::Reserved {
        Err(CommandError::InvalidField {
            offset: 0,
            value: byte,
        })
    } else {
        Ok(())
    }
}

/// Send Message request data (IPMI 2.0 §22.7): the channel byte and the message, for
/// any target channel. 1 to 1 + [`MAX_VARIABLE_DATA`] bytes; tracking 11b (reserved) is
/// refused with [`CommandError::InvalidField`] at offset 0. Every channel number is accepted
/// (whether the BMC has that channel is the responder's business: D3h or CCh).
///
/// ```
/// use ipmi_proto::command::bridge::{ChannelNumber, SendMessage, Tracking};
/// use ipmi_proto::command::{CommandError, Message};
///
/// // What ipmitool sends over LAN for `-b 0 -t 0x82 mc info`: track request, IPMB 0.
/// let data = [0x40, 0x82, 0x18, 0x66, 0x81, 0x08, 0x01, 0x76];
/// let sm = <SendMessage as Message>::parse(&data)?;
/// assert_eq!(sm.target.tracking, Tracking::TrackRequest);
/// assert_eq!(sm.target.channel, ChannelNumber::PRIMARY_IPMB);
/// assert_eq!(<SendMessage as Message>::parse(&[0xC0]),
///     Err(CommandError::InvalidField { offset: 0, value: 0xC0 }));
/// # Ok::<(), CommandError>(())
/// ```
impl<'a> Message<'a> for SendMessage<'a> {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1 + MAX_VARIABLE_DATA;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let sm = SendMessage::parse(data).map_err(|e| frame_error(data, e))?;
        check_tracking(sm.target, data.first().copied().unwrap_or_default())?;
        Ok(sm)
    }

    fn buffer_len(&self) -> usize {
        SendMessage::buffer_len(self)
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let (needed, available) = (SendMessage::buffer_len(self), out.len());
        SendMessage::emit(self, out).map_err(|e| emit_error(e, needed, available))
    }
}

/// Send Message request data to an IPMB channel (IPMI 2.0 §22.7, §6.13): the channel
/// byte and a whole IPMB request frame, 8 to 1 + 32 bytes ([`IPMB_MAX_FRAME_LEN`]). Both
/// frame checksums are checked; errors map as [`frame_error`] says. Tracking 11b is refused.
///
/// ```
/// use ipmi_proto::command::bridge::SendMessageIpmb;
/// use ipmi_proto::command::{CommandError, Message};
///
/// let data = [0x40, 0x82, 0x18, 0x66, 0x81, 0x08, 0x01, 0x76];
/// let sm = <SendMessageIpmb as Message>::parse(&data)?;
/// assert_eq!((sm.frame.rs_sa, sm.frame.rq_sa, sm.frame.rq_seq.value()), (0x82, 0x81, 2));
/// let mut bad = data;
/// bad[7] = 0x77;
/// assert_eq!(<SendMessageIpmb as Message>::parse(&bad),
///     Err(CommandError::InvalidField { offset: 7, value: 0x77 }));
/// # Ok::<(), CommandError>(())
/// ```
impl<'a> Message<'a> for SendMessageIpmb<'a> {
    const MIN_LEN: usize = 1 + IpmbRequest::MIN_LEN;
    const MAX_LEN: usize = 1 + IPMB_MAX_FRAME_LEN;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let sm = SendMessageIpmb::parse(data).map_err(|e| frame_error(data, e))?;
        check_tracking(sm.target, data.first().copied().unwrap_or_default())?;
        Ok(sm)
    }

    fn buffer_len(&self) -> usize {
        SendMessageIpmb::buffer_len(self)
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let (needed, available) = (SendMessageIpmb::buffer_len(self), out.len());
        SendMessageIpmb::emit(self, out).map_err(|e| emit_error(e, needed, available))
    }
}

/// Send Message response data after the completion code (IPMI 2.0 §22.7): bytes
/// 2:N, present only when a controller on IPMB (or the PCI management bus) uses Send
/// Message to reach a LAN or serial channel; absent when the request came through the
/// system interface, and absent over LAN, where a tracked request's answer arrives later
/// as its own message. Borrowed as is; 0 to [`MAX_VARIABLE_DATA`] bytes.
///
/// ```
/// use ipmi_proto::command::bridge::SendMessageResponse;
/// use ipmi_proto::command::Message;
/// assert_eq!(SendMessageResponse::parse(&[])?.data, &[] as &[u8]);
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SendMessageResponse<'a> {
    /// The response data, empty in the system-interface and LAN cases.
    pub data: &'a [u8],
}

impl<'a> Message<'a> for SendMessageResponse<'a> {
    const MIN_LEN: usize = 0;
    const MAX_LEN: usize = MAX_VARIABLE_DATA;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        Ok(Self { data })
    }

    fn buffer_len(&self) -> usize {
        self.data.len()
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, self.data)
    }
}

// ---------------------------------------------------------------------------------------------
// Master Write-Read, IPMI 2.0 §22.11.

command!(
    /// Master Write-Read (App 52h), IPMI 2.0 §22.11; privilege Operator
    /// (Appendix G). Request: [`MasterWriteReadRequest`]; response:
    /// [`MasterWriteReadResponse`].
    MasterWriteRead,
    NetFn::APP,
    0x52,
    Operator,
    MasterWriteReadRequest<'a>,
    MasterWriteReadResponse<'a>,
    codes: [
        (MasterWriteRead::LOST_ARBITRATION, "lost arbitration"),
        (MasterWriteRead::BUS_ERROR, "bus error"),
        (MasterWriteRead::NAK_ON_WRITE, "NAK on write"),
        (MasterWriteRead::TRUNCATED_READ, "truncated read"),
    ]
);

impl MasterWriteRead {
    /// 81h: lost arbitration (§22.11).
    pub const LOST_ARBITRATION: CompletionCode = CompletionCode(0x81);
    /// 82h: bus error (§22.11).
    pub const BUS_ERROR: CompletionCode = CompletionCode(0x82);
    /// 83h: NAK on write — the slave did not acknowledge (§22.11).
    pub const NAK_ON_WRITE: CompletionCode = CompletionCode(0x83);
    /// 84h: truncated read — fewer bytes were read than asked (§22.11).
    pub const TRUNCATED_READ: CompletionCode = CompletionCode(0x84);
}

/// Master Write-Read request byte 1 (IPMI 2.0 §22.11): bits 7:4 the channel number
/// (selects the bus when the bus is public; ignored for a private bus), bits 3:1 the bus ID
/// (0-based; always 000b for a public bus), bit 0 the bus type (0b public, e.g. IPMB;
/// 1b private). In a request a public bus with a non-zero bus ID is refused.
///
/// ```
/// use ipmi_proto::command::bridge::{BusId, ChannelNumber};
/// let b = BusId::private(3)?;
/// assert_eq!(b.0, 0x07);
/// assert!(b.is_private() && b.bus() == 3);
/// assert_eq!(BusId::public(ChannelNumber::PRIMARY_IPMB).0, 0x00);
/// # Ok::<(), ipmi_proto::message::RangeError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BusId(pub u8);

impl BusId {
    /// The largest bus ID.
    pub const MAX_BUS: u8 = 7;

    /// A public bus, selected by its channel (bus ID 000b).
    pub const fn public(channel: ChannelNumber) -> Self {
        Self(channel.value() << 4)
    }

    /// Private bus `bus` (0–7), channel bits zero.
    ///
    /// # Errors
    ///
    /// [`RangeError`] if `bus` exceeds 7.
    pub const fn private(bus: u8) -> Result<Self, RangeError> {
        if bus > Self::MAX_BUS {
            return Err(RangeError {
                field: "private bus ID",
                value: bus,
                max: Self::MAX_BUS,
            });
        }
        Ok(Self((bus << 1) | 1))
    }

    /// Bit 0: the bus is private (1b) rather than public (0b).
    pub const fn is_private(self) -> bool {
        self.0 & 1 != 0
    }

    /// Bits 3:1: the bus ID.
    pub const fn bus(self) -> u8 {
        (self.0 >> 1) & 0x07
    }

    /// Bits 7:4: the channel number (meaningful for a public bus).
    pub const fn channel(self) -> ChannelNumber {
        ChannelNumber::from_low_bits(self.0 >> 4)
    }
}

/// Master Write-Read request byte 2 (IPMI 2.0 §22.11): the 7-bit I²C slave address in
/// bits 7:1 — the "8-bit" form that IPMB frames and ipmitool use (58h is B0h). Bit 0 is
/// reserved: a request with it set is refused.
///
/// ```
/// use ipmi_proto::command::bridge::SlaveAddress;
/// let a = SlaveAddress::from_7bit(0x58)?;
/// assert_eq!((a.0, a.seven_bit()), (0xB0, 0x58));
/// assert!(SlaveAddress::from_7bit(0x80).is_err());
/// # Ok::<(), ipmi_proto::message::RangeError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SlaveAddress(pub u8);

impl SlaveAddress {
    /// The byte for a 7-bit address.
    ///
    /// # Errors
    ///
    /// [`RangeError`] if `address` exceeds 7Fh.
    pub const fn from_7bit(address: u8) -> Result<Self, RangeError> {
        if address > 0x7F {
            return Err(RangeError {
                field: "7-bit slave address",
                value: address,
                max: 0x7F,
            });
        }
        Ok(Self(address << 1))
    }

    /// Bits 7:1: the 7-bit address.
    pub const fn seven_bit(self) -> u8 {
        self.0 >> 1
    }
}

/// Master Write-Read request data (IPMI 2.0 §22.11): bus, slave address, read count,
/// then 0 or more bytes to write (borrowed). The controller writes the bytes, then (after a
/// repeated start) reads `read_count` bytes; with no bytes to write it only reads, with a
/// read count of 0 it only writes. 3 to 3 + [`MAX_VARIABLE_DATA`] bytes.
///
/// Refused with [`CommandError::InvalidField`]: a public bus with a non-zero bus ID
/// (offset 0), an address byte with bit 0 set (offset 1).
///
/// ```
/// use ipmi_proto::command::bridge::{BusId, MasterWriteReadRequest, SlaveAddress};
/// use ipmi_proto::command::{CommandError, Message};
/// let r = MasterWriteReadRequest::parse(&[0x01, 0xB0, 0x02, 0x8B])?;
/// assert_eq!(r.bus, BusId::private(0).unwrap());
/// assert_eq!(r.address.seven_bit(), 0x58);
/// assert_eq!((r.read_count, r.write_data), (2, &[0x8B][..]));
/// assert_eq!(MasterWriteReadRequest::parse(&[0x01, 0xB1, 0x02]),
///     Err(CommandError::InvalidField { offset: 1, value: 0xB1 }));
/// # Ok::<(), CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MasterWriteReadRequest<'a> {
    /// Byte 1: which bus.
    pub bus: BusId,
    /// Byte 2: the slave address.
    pub address: SlaveAddress,
    /// Byte 3: how many bytes to read (0: write only).
    pub read_count: u8,
    /// Bytes 4:N: the bytes to write, 0 to [`MAX_VARIABLE_DATA`] (more emit data that does
    /// not parse back).
    pub write_data: &'a [u8],
}

impl<'a> MasterWriteReadRequest<'a> {
    /// An SMBus/PMBus read: write the one-byte `command` code, then read `read_count` bytes
    /// (2 for Read Word such as PMBus READ_VOUT 8Bh; 1 for Read Byte; for a block read, the
    /// count byte plus the largest block expected, since the BMC cannot stop at the count
    /// the device sends). Add 1 to the count to receive a PEC byte, which the BMC passes
    /// through unchecked — check it on the host. SMBus 3 devices sit at 7-bit addresses;
    /// PMBus PSUs usually at 58h–5Fh.
    ///
    /// ```
    /// use ipmi_proto::command::bridge::{BusId, ChannelNumber, MasterWriteReadRequest, SlaveAddress};
    /// let r = MasterWriteReadRequest::smbus_read(
    ///     BusId::public(ChannelNumber::PRIMARY_IPMB), SlaveAddress::from_7bit(0x58)?, &0x8B, 2);
    /// assert_eq!(r.write_data, &[0x8B]);
    /// # Ok::<(), ipmi_proto::message::RangeError>(())
    /// ```
    pub const fn smbus_read(
        bus: BusId,
        address: SlaveAddress,
        command: &'a u8,
        read_count: u8,
    ) -> Self {
        Self {
            bus,
            address,
            read_count,
            write_data: core::slice::from_ref(command),
        }
    }
}

impl<'a> Message<'a> for MasterWriteReadRequest<'a> {
    const MIN_LEN: usize = 3;
    const MAX_LEN: usize = 3 + MAX_VARIABLE_DATA;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let &[bus, address, read_count, ref write_data @ ..] = data else {
            return Err(CommandError::Truncated {
                needed: Self::MIN_LEN,
                actual: data.len(),
            });
        };
        let bus = BusId(bus);
        if !bus.is_private() && bus.bus() != 0 {
            return Err(CommandError::InvalidField {
                offset: 0,
                value: bus.0,
            });
        }
        reserved_zero(address, 0xFE, 1)?;
        Ok(Self {
            bus,
            address: SlaveAddress(address),
            read_count,
            write_data,
        })
    }

    fn buffer_len(&self) -> usize {
        self.write_data.len().saturating_add(3)
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let dst = out_prefix(out, self.buffer_len())?;
        let (head, rest) = dst.split_at_mut(3.min(dst.len()));
        head.copy_from_slice(&[self.bus.0, self.address.0, self.read_count]);
        rest.copy_from_slice(self.write_data);
        Ok(self.buffer_len())
    }
}

/// Master Write-Read response data after the completion code (IPMI 2.0 §22.11): the
/// bytes read, absent when the read count was 0. Borrowed; 0 to [`MAX_VARIABLE_DATA`]
/// bytes. A controller that read fewer bytes than asked answers 84h
/// ([`MasterWriteRead::TRUNCATED_READ`]); [`Self::has_count`] checks a 00h answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MasterWriteReadResponse<'a> {
    /// The bytes read.
    pub read_data: &'a [u8],
}

impl MasterWriteReadResponse<'_> {
    /// Whether exactly `read_count` bytes came back (what the request asked for).
    pub const fn has_count(&self, read_count: u8) -> bool {
        self.read_data.len() == read_count as usize
    }
}

impl<'a> Message<'a> for MasterWriteReadResponse<'a> {
    const MIN_LEN: usize = 0;
    const MAX_LEN: usize = MAX_VARIABLE_DATA;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        Ok(Self { read_data: data })
    }

    fn buffer_len(&self) -> usize {
        self.read_data.len()
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, self.read_data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emit_error_maps_both_variants() {
        assert_eq!(
            emit_error(EmitError::TooLong { len: 300, max: 255 }, 9, 4),
            BufferTooSmall {
                needed: 9,
                available: 4
            }
        );
    }

    #[test]
    fn other_frame_errors_point_at_byte_1() {
        let data = [0x00, 0x82];
        assert_eq!(
            frame_error(
                &data,
                FrameError::LengthByte {
                    length: 1,
                    actual: 2
                }
            ),
            CommandError::InvalidField {
                offset: 1,
                value: 0x82
            }
        );
    }
}
