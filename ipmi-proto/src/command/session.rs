//! Session and channel commands (NetFn App 06h/07h), IPMI 2.0 §22: the messages a LAN session
//! is set up and torn down with, and the channel queries that precede it.
//!
//! - Get Channel Cipher Suites (54h, §22.15 Table 22-18), with [`CipherSuiteRecords`], a
//!   parser over the concatenated cipher suite record data (Table 22-19);
//! - the IPMI v1.5 session set-up: Get Session Challenge (39h, §22.16), Activate Session (3Ah,
//!   §22.17), Set Session Privilege Level (3Bh, §22.18) and Close Session (3Ch, §22.19);
//! - Get Channel Info (42h, §22.24 Table 22-29), with the channel medium (Table 6-3) and
//!   protocol (Table 6-2) numbers.
//!
//! The conventions are those of [`super::app`]: reserved bits and reserved codes of a request
//! are refused with [`CommandError::InvalidField`]; those of a response are kept (raw bytes with
//! accessors, or escape variants), so that `emit(parse(b)) == b` for every accepted `b`.
//! Command-specific completion codes are associated constants of the command types
//! ([`ActivateSession::NO_SESSION_SLOT_AVAILABLE`], …).
//!
//! ```
//! use ipmi_proto::command::session::{
//!     ActivateSessionRequest, AuthType, SessionChallengeResponse,
//! };
//! use ipmi_proto::command::{Message, Privilege};
//!
//! // The BMC's answer to Get Session Challenge: temporary session ID 11223344h, a challenge.
//! let mut data = [0u8; 20];
//! data[..4].copy_from_slice(&[0x44, 0x33, 0x22, 0x11]);
//! data[4..].copy_from_slice(&[0xA5; 16]);
//! let challenge = SessionChallengeResponse::parse(&data)?;
//! assert_eq!(challenge.temporary_session_id, 0x1122_3344);
//! // The requester echoes the challenge in Activate Session.
//! let activate = ActivateSessionRequest {
//!     auth_type: AuthType::Md5,
//!     max_privilege: Privilege::Administrator,
//!     challenge: challenge.challenge,
//!     initial_outbound_sequence: 1,
//! };
//! let mut out = [0u8; 22];
//! assert_eq!(activate.emit(&mut out), Ok(22));
//! assert_eq!(&out[..2], &[0x02, 0x04]);
//! # Ok::<(), ipmi_proto::command::CommandError>(())
//! ```

use core::fmt;
use core::num::NonZeroU32;

use super::app::{OemId, fixed, put, reserved_zero};
use super::{
    BufferTooSmall, Command, CommandError, Empty, Message, Privilege, check_len, out_prefix,
};
use crate::message::{ChannelNumber, Cmd, CompletionCode, NetFn};

/// Reads a little-endian `u32` from 4 bytes.
const fn le32(b: [u8; 4]) -> u32 {
    u32::from_le_bytes(b)
}

// ---------------------------------------------------------------------------------------------
// Authentication type, IPMI 2.0 §13.6 (the IPMI v1.5 session header's authentication type; the
// same codes as the bit positions of Table 22-15 byte 3).

/// An IPMI v1.5 authentication type (IPMI 2.0 §13.6; bits 3:0 of the first data byte of Get
/// Session Challenge and Activate Session).
///
/// [`from_code`](Self::from_code) is total: every byte decodes, codes the specification does not
/// define (3h, 6h–FFh, or any byte with bits 7:4 set) become [`AuthType::Reserved`], and
/// [`code`](Self::code) gives the byte back. A request carrying a reserved type is refused.
///
/// ```
/// use ipmi_proto::command::session::AuthType;
/// assert_eq!(AuthType::from_code(2), AuthType::Md5);
/// assert_eq!(AuthType::from_code(3), AuthType::Reserved(3));
/// for b in 0..=255u8 {
///     assert_eq!(AuthType::from_code(b).code(), b);
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum AuthType {
    /// 0h: none.
    None,
    /// 1h: MD2.
    Md2,
    /// 2h: MD5.
    Md5,
    /// 4h: straight password / key.
    StraightPassword,
    /// 5h: OEM proprietary.
    Oem,
    /// Any other byte (3h and 6h–Fh are reserved; 6h is the RMCP+ session format, not an
    /// authentication type), kept as received. Built with a defined code it encodes that code,
    /// which decodes as the named variant.
    Reserved(u8),
}

impl AuthType {
    /// Decodes a byte (total).
    pub const fn from_code(code: u8) -> Self {
        match code {
            0 => Self::None,
            1 => Self::Md2,
            2 => Self::Md5,
            4 => Self::StraightPassword,
            5 => Self::Oem,
            other => Self::Reserved(other),
        }
    }

    /// The byte.
    pub const fn code(self) -> u8 {
        match self {
            Self::None => 0,
            Self::Md2 => 1,
            Self::Md5 => 2,
            Self::StraightPassword => 4,
            Self::Oem => 5,
            Self::Reserved(b) => b,
        }
    }

    /// Reads a request byte whose bits 3:0 are the type and bits 7:4 reserved.
    const fn from_request(byte: u8, offset: usize) -> Result<Self, CommandError> {
        match Self::from_code(byte) {
            Self::Reserved(_) => Err(CommandError::InvalidField {
                offset,
                value: byte,
            }),
            t => Ok(t),
        }
    }
}

impl fmt::Display for AuthType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::None => f.write_str("none"),
            Self::Md2 => f.write_str("MD2"),
            Self::Md5 => f.write_str("MD5"),
            Self::StraightPassword => f.write_str("straight password/key"),
            Self::Oem => f.write_str("OEM proprietary"),
            Self::Reserved(b) => write!(f, "reserved ({b:02X}h)"),
        }
    }
}

/// Reads a request privilege byte: bits 3:0 a level 1h–5h, bits 7:4 reserved.
const fn privilege_request(byte: u8, offset: usize) -> Result<Privilege, CommandError> {
    match Privilege::from_code(byte) {
        Some(p) => Ok(p),
        None => Err(CommandError::InvalidField {
            offset,
            value: byte,
        }),
    }
}

/// The privilege level in bits 3:0 of a response byte (bits 7:4 reserved and ignored), or
/// `None` for 0h and the reserved codes 6h–Fh.
const fn privilege_response(byte: u8) -> Option<Privilege> {
    Privilege::from_code(byte & 0x0F)
}

// ---------------------------------------------------------------------------------------------
// Get Channel Cipher Suites, IPMI 2.0 §22.15 Table 22-18; record format Table 22-19; algorithm
// numbers Tables 13-17 (authentication), 13-18 (integrity), 13-19 (confidentiality).

command!(
    /// Get Channel Cipher Suites (App 54h), IPMI 2.0 §22.15; allowed without a session
    /// (Appendix G). Request: [`ChannelCipherSuitesRequest`]; response:
    /// [`ChannelCipherSuitesResponse`].
    GetChannelCipherSuites,
    NetFn::APP,
    0x54,
    None,
    ChannelCipherSuitesRequest,
    ChannelCipherSuitesResponse<'a>
);

/// Get Channel Cipher Suites request data (IPMI 2.0 Table 22-18), 3 bytes. Reserved bits must
/// be zero. [`emit`](Message::emit) writes only the defined bits of `payload_type` and
/// `list_index` (6 bits each).
///
/// ```
/// use ipmi_proto::command::session::ChannelCipherSuitesRequest;
/// use ipmi_proto::command::Message;
/// use ipmi_proto::message::ChannelNumber;
/// // What `ipmitool -I lanplus` sends before opening a session: channel Eh, IPMI payload,
/// // list by cipher suite, first 16 bytes.
/// let r = ChannelCipherSuitesRequest::parse(&[0x0E, 0x00, 0x80])?;
/// assert_eq!(r, ChannelCipherSuitesRequest::by_cipher_suite(ChannelNumber::PRESENT_INTERFACE, 0));
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelCipherSuitesRequest {
    /// Byte 1 bits 3:0: the channel (Eh: this one).
    pub channel: ChannelNumber,
    /// Byte 2 bits 5:0: the payload type (Table 13-16), usually
    /// [`PAYLOAD_IPMI`](Self::PAYLOAD_IPMI).
    pub payload_type: u8,
    /// Byte 3 bit 7: list the algorithms by cipher suite (records, Table 22-19); clear: list
    /// the supported algorithms (one tagged algorithm number a byte).
    pub list_by_cipher_suite: bool,
    /// Byte 3 bits 5:0: which 16-byte piece of the list (00h the first).
    pub list_index: u8,
}

impl ChannelCipherSuitesRequest {
    /// Payload type 00h: IPMI messages.
    pub const PAYLOAD_IPMI: u8 = 0x00;
    /// The largest list index (and payload type), 3Fh.
    pub const MAX_INDEX: u8 = 0x3F;

    /// The request for piece `list_index` of the IPMI payload's cipher suite records.
    pub const fn by_cipher_suite(channel: ChannelNumber, list_index: u8) -> Self {
        Self {
            channel,
            payload_type: Self::PAYLOAD_IPMI,
            list_by_cipher_suite: true,
            list_index,
        }
    }
}

impl Message<'_> for ChannelCipherSuitesRequest {
    const MIN_LEN: usize = 3;
    const MAX_LEN: usize = 3;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [chan, payload, index] = fixed(data)?;
        reserved_zero(chan, 0x0F, 0)?;
        reserved_zero(payload, Self::MAX_INDEX, 1)?;
        reserved_zero(index, 0x80 | Self::MAX_INDEX, 2)?;
        Ok(Self {
            channel: ChannelNumber::from_low_bits(chan),
            payload_type: payload,
            list_by_cipher_suite: index & 0x80 != 0,
            list_index: index & Self::MAX_INDEX,
        })
    }

    fn buffer_len(&self) -> usize {
        3
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(
            out,
            &[
                self.channel.value(),
                self.payload_type & Self::MAX_INDEX,
                ((self.list_by_cipher_suite as u8) << 7) | (self.list_index & Self::MAX_INDEX),
            ],
        )
    }
}

/// Get Channel Cipher Suites response data (IPMI 2.0 Table 22-18): the channel byte and up to
/// 16 bytes of list data, borrowed. A piece shorter than 16 bytes is the last one.
///
/// The list data of consecutive list indexes concatenate; records may straddle two pieces, so
/// parse the concatenation with [`CipherSuiteRecords`] (or, for a single piece known to hold
/// whole records, [`records`](Self::records)).
///
/// ```
/// use ipmi_proto::command::session::{ChannelCipherSuitesResponse, IntegrityAlgorithm};
/// use ipmi_proto::command::Message;
/// // Channel 1: cipher suite 3 (HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128).
/// let r = ChannelCipherSuitesResponse::parse(&[0x01, 0xC0, 0x03, 0x01, 0x41, 0x81])?;
/// assert!(r.is_last());
/// let suite = r.records().next().unwrap().unwrap();
/// assert_eq!(suite.id, 3);
/// assert_eq!(suite.integrity_algorithms().next(), Some(IntegrityAlgorithm::HmacSha1_96));
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelCipherSuitesResponse<'a> {
    /// Byte 2: bits 3:0 the channel the list is for (the actual number when Eh was asked);
    /// bits 7:4 reserved (kept).
    pub channel: u8,
    /// Bytes 3–18: up to 16 bytes of list data.
    pub data: &'a [u8],
}

impl<'a> ChannelCipherSuitesResponse<'a> {
    /// The most list data bytes a response carries.
    pub const PIECE_LEN: usize = 16;

    /// Bits 3:0 of byte 2: the channel number.
    pub const fn channel_number(&self) -> ChannelNumber {
        ChannelNumber::from_low_bits(self.channel)
    }

    /// Whether this is the last piece of the list (fewer than 16 bytes of list data).
    pub const fn is_last(&self) -> bool {
        self.data.len() < Self::PIECE_LEN
    }

    /// The cipher suite records of this piece alone (for a request with
    /// [`list_by_cipher_suite`](ChannelCipherSuitesRequest::list_by_cipher_suite) set).
    pub const fn records(&self) -> CipherSuiteRecords<'a> {
        CipherSuiteRecords::new(self.data)
    }

    /// The list data read as supported algorithms, one tagged algorithm number a byte (for a
    /// request with [`list_by_cipher_suite`](ChannelCipherSuitesRequest::list_by_cipher_suite)
    /// clear).
    pub fn algorithms(&self) -> impl Iterator<Item = Algorithm> + 'a {
        self.data.iter().map(|&b| Algorithm::from_byte(b))
    }
}

impl<'a> Message<'a> for ChannelCipherSuitesResponse<'a> {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1 + Self::PIECE_LEN;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        match data.split_first() {
            Some((&channel, rest)) => Ok(Self {
                channel,
                data: rest,
            }),
            None => Err(CommandError::Truncated {
                needed: Self::MIN_LEN,
                actual: 0,
            }),
        }
    }

    fn buffer_len(&self) -> usize {
        1 + self.data.len()
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let n = self.buffer_len();
        copy_chain(out_prefix(out, n)?, &[&[self.channel], self.data]);
        Ok(n)
    }
}

/// An authentication algorithm number (IPMI 2.0 Table 13-17), as carried in bits 5:0 of a
/// tagged algorithm byte (tag 00b).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum AuthenticationAlgorithm {
    /// 00h: RAKP-none.
    RakpNone,
    /// 01h: RAKP-HMAC-SHA1.
    RakpHmacSha1,
    /// 02h: RAKP-HMAC-MD5.
    RakpHmacMd5,
    /// 03h: RAKP-HMAC-SHA256.
    RakpHmacSha256,
    /// Any other number (reserved or OEM), kept.
    Other(u8),
}

impl AuthenticationAlgorithm {
    /// Decodes a number (total).
    pub const fn from_number(n: u8) -> Self {
        match n {
            0 => Self::RakpNone,
            1 => Self::RakpHmacSha1,
            2 => Self::RakpHmacMd5,
            3 => Self::RakpHmacSha256,
            other => Self::Other(other),
        }
    }
    /// The number.
    pub const fn number(self) -> u8 {
        match self {
            Self::RakpNone => 0,
            Self::RakpHmacSha1 => 1,
            Self::RakpHmacMd5 => 2,
            Self::RakpHmacSha256 => 3,
            Self::Other(n) => n,
        }
    }
}

/// An integrity algorithm number (IPMI 2.0 Table 13-18), as carried in bits 5:0 of a tagged
/// algorithm byte (tag 01b).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum IntegrityAlgorithm {
    /// 00h: none.
    None,
    /// 01h: HMAC-SHA1-96.
    HmacSha1_96,
    /// 02h: HMAC-MD5-128.
    HmacMd5_128,
    /// 03h: MD5-128.
    Md5_128,
    /// 04h: HMAC-SHA256-128.
    HmacSha256_128,
    /// Any other number (reserved or OEM), kept.
    Other(u8),
}

impl IntegrityAlgorithm {
    /// Decodes a number (total).
    pub const fn from_number(n: u8) -> Self {
        match n {
            0 => Self::None,
            1 => Self::HmacSha1_96,
            2 => Self::HmacMd5_128,
            3 => Self::Md5_128,
            4 => Self::HmacSha256_128,
            other => Self::Other(other),
        }
    }
    /// The number.
    pub const fn number(self) -> u8 {
        match self {
            Self::None => 0,
            Self::HmacSha1_96 => 1,
            Self::HmacMd5_128 => 2,
            Self::Md5_128 => 3,
            Self::HmacSha256_128 => 4,
            Self::Other(n) => n,
        }
    }
    /// The tagged byte of a cipher suite record: 40h | number (bits 5:0).
    pub const fn tagged(self) -> u8 {
        AlgorithmTag::Integrity.byte(self.number())
    }
}

/// A confidentiality algorithm number (IPMI 2.0 Table 13-19), as carried in bits 5:0 of a
/// tagged algorithm byte (tag 10b).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ConfidentialityAlgorithm {
    /// 00h: none.
    None,
    /// 01h: AES-CBC-128.
    AesCbc128,
    /// 02h: xRC4-128.
    XRc4_128,
    /// 03h: xRC4-40.
    XRc4_40,
    /// Any other number (reserved, or OEM 30h–3Fh), kept.
    Other(u8),
}

impl ConfidentialityAlgorithm {
    /// Decodes a number (total).
    pub const fn from_number(n: u8) -> Self {
        match n {
            0 => Self::None,
            1 => Self::AesCbc128,
            2 => Self::XRc4_128,
            3 => Self::XRc4_40,
            other => Self::Other(other),
        }
    }
    /// The number.
    pub const fn number(self) -> u8 {
        match self {
            Self::None => 0,
            Self::AesCbc128 => 1,
            Self::XRc4_128 => 2,
            Self::XRc4_40 => 3,
            Self::Other(n) => n,
        }
    }
    /// The tagged byte of a cipher suite record: 80h | number (bits 5:0).
    pub const fn tagged(self) -> u8 {
        AlgorithmTag::Confidentiality.byte(self.number())
    }
}

/// Bits 7:6 of a byte of cipher suite list data (IPMI 2.0 Table 22-19).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum AlgorithmTag {
    /// 00b: an authentication algorithm number.
    Authentication,
    /// 01b: an integrity algorithm number.
    Integrity,
    /// 10b: a confidentiality algorithm number.
    Confidentiality,
    /// 11b: not an algorithm (C0h/C1h start a record).
    StartOfRecord,
}

impl AlgorithmTag {
    /// The tag of a byte.
    pub const fn of(byte: u8) -> Self {
        match byte >> 6 {
            0 => Self::Authentication,
            1 => Self::Integrity,
            2 => Self::Confidentiality,
            _ => Self::StartOfRecord,
        }
    }
    /// The byte with this tag and the number's bits 5:0.
    pub const fn byte(self, number: u8) -> u8 {
        let tag = match self {
            Self::Authentication => 0x00,
            Self::Integrity => 0x40,
            Self::Confidentiality => 0x80,
            Self::StartOfRecord => 0xC0,
        };
        tag | (number & 0x3F)
    }
}

/// One byte of a "list supported algorithms" answer (IPMI 2.0 Table 22-18 byte 3 bit 7 clear):
/// a tagged algorithm number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Algorithm {
    /// Tag 00b.
    Authentication(AuthenticationAlgorithm),
    /// Tag 01b.
    Integrity(IntegrityAlgorithm),
    /// Tag 10b.
    Confidentiality(ConfidentialityAlgorithm),
    /// Tag 11b: not an algorithm number; the byte is kept.
    Reserved(u8),
}

impl Algorithm {
    /// Decodes a byte (total).
    pub const fn from_byte(byte: u8) -> Self {
        let n = byte & 0x3F;
        match AlgorithmTag::of(byte) {
            AlgorithmTag::Authentication => {
                Self::Authentication(AuthenticationAlgorithm::from_number(n))
            }
            AlgorithmTag::Integrity => Self::Integrity(IntegrityAlgorithm::from_number(n)),
            AlgorithmTag::Confidentiality => {
                Self::Confidentiality(ConfidentialityAlgorithm::from_number(n))
            }
            AlgorithmTag::StartOfRecord => Self::Reserved(byte),
        }
    }
    /// The byte (numbers above 3Fh lose their upper bits).
    pub const fn byte(self) -> u8 {
        match self {
            Self::Authentication(a) => AlgorithmTag::Authentication.byte(a.number()),
            Self::Integrity(a) => AlgorithmTag::Integrity.byte(a.number()),
            Self::Confidentiality(a) => AlgorithmTag::Confidentiality.byte(a.number()),
            Self::Reserved(b) => b,
        }
    }
}

/// One cipher suite record (IPMI 2.0 Table 22-19): a start-of-record byte (C0h standard, C1h
/// OEM), the cipher suite ID, for OEM suites the 3-byte IANA number, one authentication
/// algorithm, then the integrity and the confidentiality algorithms (tagged bytes, borrowed).
///
/// ```
/// use ipmi_proto::command::session::{
///     AuthenticationAlgorithm, CipherSuiteRecord, ConfidentialityAlgorithm, IntegrityAlgorithm,
/// };
/// // Cipher suite 17: RAKP-HMAC-SHA256, HMAC-SHA256-128, AES-CBC-128.
/// let suite = CipherSuiteRecord {
///     id: 17,
///     oem: None,
///     authentication: AuthenticationAlgorithm::RakpHmacSha256,
///     integrity: &[IntegrityAlgorithm::HmacSha256_128.tagged()],
///     confidentiality: &[ConfidentialityAlgorithm::AesCbc128.tagged()],
/// };
/// let mut buf = [0u8; 8];
/// assert_eq!(suite.emit(&mut buf), Ok(5));
/// assert_eq!(&buf[..5], &[0xC0, 0x11, 0x03, 0x44, 0x81]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CipherSuiteRecord<'a> {
    /// The cipher suite ID (Table 22-20 for the standard ones).
    pub id: u8,
    /// For an OEM suite (start byte C1h), the IANA number of the body that defined it.
    pub oem: Option<OemId>,
    /// The authentication algorithm (one per suite).
    pub authentication: AuthenticationAlgorithm,
    /// The integrity algorithm bytes, each tagged 01b (40h–7Fh).
    pub integrity: &'a [u8],
    /// The confidentiality algorithm bytes, each tagged 10b (80h–BFh).
    pub confidentiality: &'a [u8],
}

impl<'a> CipherSuiteRecord<'a> {
    /// Start of a standard cipher suite record.
    pub const STANDARD: u8 = 0xC0;
    /// Start of an OEM cipher suite record.
    pub const OEM: u8 = 0xC1;

    /// The integrity algorithms.
    pub fn integrity_algorithms(&self) -> impl Iterator<Item = IntegrityAlgorithm> + 'a {
        self.integrity
            .iter()
            .map(|&b| IntegrityAlgorithm::from_number(b & 0x3F))
    }

    /// The confidentiality algorithms.
    pub fn confidentiality_algorithms(
        &self,
    ) -> impl Iterator<Item = ConfidentialityAlgorithm> + 'a {
        self.confidentiality
            .iter()
            .map(|&b| ConfidentialityAlgorithm::from_number(b & 0x3F))
    }

    /// The record's length in bytes.
    pub const fn buffer_len(&self) -> usize {
        let header = if self.oem.is_some() { 5 } else { 2 };
        header + 1 + self.integrity.len() + self.confidentiality.len()
    }

    /// Writes the record (the algorithm bytes as given, the authentication number tagged 00b);
    /// returns its length.
    ///
    /// # Errors
    ///
    /// [`BufferTooSmall`] (nothing written) if `out` is shorter than
    /// [`buffer_len`](Self::buffer_len).
    pub fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let n = self.buffer_len();
        let dst = out_prefix(out, n)?;
        let auth = AlgorithmTag::Authentication.byte(self.authentication.number());
        let (header, header_len) = match self.oem {
            Some(OemId([a, b, c])) => ([Self::OEM, self.id, a, b, c, auth], 6),
            None => ([Self::STANDARD, self.id, auth, 0, 0, 0], 3),
        };
        let header = header.get(..header_len).unwrap_or(&header);
        copy_chain(dst, &[header, self.integrity, self.confidentiality]);
        Ok(n)
    }
}

/// Copies the parts one after the other to the start of `dst` (as far as it reaches).
fn copy_chain(dst: &mut [u8], parts: &[&[u8]]) {
    let src = parts.iter().flat_map(|p| p.iter());
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
    }
}

/// Why cipher suite record data could not be read (IPMI 2.0 Table 22-19). Offsets count from
/// the start of the data given to [`CipherSuiteRecords::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum CipherSuiteRecordError {
    /// A record does not begin with C0h or C1h.
    BadStartOfRecord {
        /// Where the record should begin.
        offset: usize,
        /// The byte found.
        value: u8,
    },
    /// The data ends inside the record beginning at `offset` (before its ID, OEM IANA number
    /// or authentication algorithm).
    Truncated {
        /// Where the record begins.
        offset: usize,
    },
    /// A record has no authentication algorithm (its header is followed by another start of
    /// record).
    MissingAuthentication {
        /// Where the record begins.
        offset: usize,
    },
    /// An algorithm byte out of order: a second authentication algorithm, an integrity
    /// algorithm after a confidentiality one, or an integrity/confidentiality algorithm where
    /// the authentication algorithm belongs.
    UnexpectedAlgorithm {
        /// Where the byte is.
        offset: usize,
        /// The byte found.
        value: u8,
    },
}

impl fmt::Display for CipherSuiteRecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::BadStartOfRecord { offset, value } => write!(
                f,
                "cipher suite record at byte {offset} starts with {value:02X}h, not C0h/C1h"
            ),
            Self::Truncated { offset } => {
                write!(f, "cipher suite record at byte {offset} is truncated")
            }
            Self::MissingAuthentication { offset } => write!(
                f,
                "cipher suite record at byte {offset} has no authentication algorithm"
            ),
            Self::UnexpectedAlgorithm { offset, value } => {
                write!(
                    f,
                    "algorithm byte {value:02X}h out of order at byte {offset}"
                )
            }
        }
    }
}

impl core::error::Error for CipherSuiteRecordError {}

/// An iterator over cipher suite records (IPMI 2.0 Table 22-19) in list data, usually the
/// concatenated data of every Get Channel Cipher Suites piece. It never panics; at the first
/// malformed record it yields the error and then ends.
///
/// ```
/// use ipmi_proto::command::session::{CipherSuiteRecordError, CipherSuiteRecords};
/// // Suites 3 and 17, then C2h, which starts no record.
/// let data = [0xC0, 0x03, 0x01, 0x41, 0x81, 0xC0, 0x11, 0x03, 0x44, 0x81, 0xC2];
/// let ids: Vec<_> = CipherSuiteRecords::new(&data[..10]).map(|r| r.map(|s| s.id)).collect();
/// assert_eq!(ids, [Ok(3), Ok(17)]);
/// let last = CipherSuiteRecords::new(&data).last();
/// assert_eq!(last, Some(Err(CipherSuiteRecordError::BadStartOfRecord { offset: 10, value: 0xC2 })));
/// ```
#[derive(Clone, Debug)]
pub struct CipherSuiteRecords<'a> {
    data: &'a [u8],
    offset: usize,
    failed: bool,
}

impl<'a> CipherSuiteRecords<'a> {
    /// Records in `data`.
    pub const fn new(data: &'a [u8]) -> Self {
        Self {
            data,
            offset: 0,
            failed: false,
        }
    }

    /// Reads the record at the current offset and advances past it.
    fn read(&mut self) -> Result<CipherSuiteRecord<'a>, CipherSuiteRecordError> {
        let start = self.offset;
        let rest = self.data.get(start..).unwrap_or_default();
        let (oem, header) = match rest.first() {
            Some(&CipherSuiteRecord::STANDARD) => (false, 2),
            Some(&CipherSuiteRecord::OEM) => (true, 5),
            Some(&value) => {
                return Err(CipherSuiteRecordError::BadStartOfRecord {
                    offset: start,
                    value,
                });
            }
            None => return Err(CipherSuiteRecordError::Truncated { offset: start }),
        };
        let (id, oem) = match (rest.get(1), rest.get(2..5)) {
            (Some(&id), _) if !oem => (id, None),
            (Some(&id), Some(&[a, b, c])) => (id, Some(OemId([a, b, c]))),
            _ => return Err(CipherSuiteRecordError::Truncated { offset: start }),
        };
        let body = rest.get(header..).unwrap_or_default();
        let authentication = match body.first() {
            Some(&b) => match AlgorithmTag::of(b) {
                AlgorithmTag::Authentication => AuthenticationAlgorithm::from_number(b),
                AlgorithmTag::StartOfRecord => {
                    return Err(CipherSuiteRecordError::MissingAuthentication { offset: start });
                }
                _ => {
                    return Err(CipherSuiteRecordError::UnexpectedAlgorithm {
                        offset: start + header,
                        value: b,
                    });
                }
            },
            None => return Err(CipherSuiteRecordError::Truncated { offset: start }),
        };
        let algorithms = body.get(1..).unwrap_or_default();
        // The record ends at the next start of record (tag 11b) or at the end of the data.
        let len = algorithms
            .iter()
            .position(|&b| AlgorithmTag::of(b) == AlgorithmTag::StartOfRecord)
            .unwrap_or(algorithms.len());
        let algorithms = algorithms.get(..len).unwrap_or_default();
        let integrity_len = algorithms
            .iter()
            .position(|&b| AlgorithmTag::of(b) != AlgorithmTag::Integrity)
            .unwrap_or(algorithms.len());
        let (integrity, confidentiality) = algorithms
            .split_at_checked(integrity_len)
            .unwrap_or((algorithms, &[]));
        if let Some(i) = confidentiality
            .iter()
            .position(|&b| AlgorithmTag::of(b) != AlgorithmTag::Confidentiality)
        {
            return Err(CipherSuiteRecordError::UnexpectedAlgorithm {
                offset: start + header + 1 + integrity_len + i,
                value: confidentiality.get(i).copied().unwrap_or_default(),
            });
        }
        self.offset = start + header + 1 + len;
        Ok(CipherSuiteRecord {
            id,
            oem,
            authentication,
            integrity,
            confidentiality,
        })
    }
}

impl<'a> Iterator for CipherSuiteRecords<'a> {
    type Item = Result<CipherSuiteRecord<'a>, CipherSuiteRecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.offset >= self.data.len() {
            return None;
        }
        let r = self.read();
        self.failed = r.is_err();
        Some(r)
    }
}

impl core::iter::FusedIterator for CipherSuiteRecords<'_> {}

// ---------------------------------------------------------------------------------------------
// Get Session Challenge, IPMI 2.0 §22.16.

command!(
    /// Get Session Challenge (App 39h), IPMI 2.0 §22.16; sent outside a session (Appendix G).
    /// Request: [`SessionChallengeRequest`]; response: [`SessionChallengeResponse`].
    GetSessionChallenge,
    NetFn::APP,
    0x39,
    None,
    SessionChallengeRequest<'a>,
    SessionChallengeResponse,
    codes: [
        (GetSessionChallenge::INVALID_USER_NAME, "invalid user name"),
        (GetSessionChallenge::NULL_USER_NAME_NOT_ENABLED, "null user name (user 1) not enabled"),
    ]
);

impl GetSessionChallenge {
    /// 81h: invalid user name.
    pub const INVALID_USER_NAME: CompletionCode = CompletionCode(0x81);
    /// 82h: null user name (user 1) not enabled.
    pub const NULL_USER_NAME_NOT_ENABLED: CompletionCode = CompletionCode(0x82);
}

/// Get Session Challenge request data (IPMI 2.0 §22.16), 17 bytes: the authentication type
/// (bits 3:0 of byte 1, bits 7:4 reserved) and the 16-byte user name, borrowed. A reserved
/// authentication type is refused.
///
/// ```
/// use ipmi_proto::command::session::{AuthType, SessionChallengeRequest};
/// use ipmi_proto::command::Message;
/// let mut data = [0u8; 17];
/// data[0] = 0x02;
/// data[1..6].copy_from_slice(b"admin");
/// let r = SessionChallengeRequest::parse(&data)?;
/// assert_eq!(r.auth_type, AuthType::Md5);
/// assert_eq!(r.user_name_trimmed(), b"admin");
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SessionChallengeRequest<'a> {
    /// Byte 1 bits 3:0: the authentication type the session will use.
    pub auth_type: AuthType,
    /// Bytes 2–17: the user name, ASCII padded with 00h; all zero selects the null user.
    pub user_name: &'a [u8; 16],
}

impl<'a> SessionChallengeRequest<'a> {
    /// The user name up to its first 00h byte (empty for the null user).
    pub fn user_name_trimmed(&self) -> &'a [u8] {
        let name: &'a [u8] = self.user_name;
        let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
        name.get(..end).unwrap_or(name)
    }
}

impl<'a> Message<'a> for SessionChallengeRequest<'a> {
    const MIN_LEN: usize = 17;
    const MAX_LEN: usize = 17;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let (auth, name) = match data.split_first() {
            Some((&auth, rest)) => (auth, <&[u8; 16]>::try_from(rest)),
            None => {
                return Err(CommandError::Truncated {
                    needed: Self::MIN_LEN,
                    actual: 0,
                });
            }
        };
        let user_name = name.map_err(|_| CommandError::Truncated {
            needed: Self::MIN_LEN,
            actual: data.len(),
        })?;
        Ok(Self {
            auth_type: AuthType::from_request(auth, 0)?,
            user_name,
        })
    }

    fn buffer_len(&self) -> usize {
        17
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        copy_chain(
            out_prefix(out, 17)?,
            &[&[self.auth_type.code()], self.user_name],
        );
        Ok(17)
    }
}

/// Get Session Challenge response data (IPMI 2.0 §22.16), 20 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SessionChallengeResponse {
    /// Bytes 2–5: the temporary session ID, least significant byte first.
    pub temporary_session_id: u32,
    /// Bytes 6–21: the challenge string.
    pub challenge: [u8; 16],
}

impl Message<'_> for SessionChallengeResponse {
    const MIN_LEN: usize = 20;
    const MAX_LEN: usize = 20;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [i0, i1, i2, i3, challenge @ ..] = fixed::<20>(data)?;
        Ok(Self {
            temporary_session_id: le32([i0, i1, i2, i3]),
            challenge,
        })
    }

    fn buffer_len(&self) -> usize {
        20
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let mut bytes = [0u8; 20];
        copy_chain(
            &mut bytes,
            &[&self.temporary_session_id.to_le_bytes(), &self.challenge],
        );
        put(out, &bytes)
    }
}

// ---------------------------------------------------------------------------------------------
// Activate Session, IPMI 2.0 §22.17.

command!(
    /// Activate Session (App 3Ah), IPMI 2.0 §22.17; sent with the temporary session ID before
    /// a privilege is established (Appendix G). Request: [`ActivateSessionRequest`]; response:
    /// [`ActivateSessionResponse`].
    ActivateSession,
    NetFn::APP,
    0x3A,
    None,
    ActivateSessionRequest,
    ActivateSessionResponse,
    codes: [
        (ActivateSession::NO_SESSION_SLOT_AVAILABLE, "no session slot available"),
        (ActivateSession::NO_SLOT_FOR_USER, "no slot available for the given user"),
        (ActivateSession::NO_SLOT_FOR_PRIVILEGE, "no slot available to support the user at the requested privilege"),
        (ActivateSession::SEQUENCE_NUMBER_OUT_OF_RANGE, "session sequence number out of range"),
        (ActivateSession::INVALID_SESSION_ID, "invalid session ID in request"),
        (ActivateSession::PRIVILEGE_EXCEEDS_LIMIT, "requested maximum privilege level exceeds the user and/or channel privilege limit"),
    ]
);

impl ActivateSession {
    /// 81h: no session slot available (the BMC cannot accept more sessions).
    pub const NO_SESSION_SLOT_AVAILABLE: CompletionCode = CompletionCode(0x81);
    /// 82h: no slot available for the given user (its session limit is reached).
    pub const NO_SLOT_FOR_USER: CompletionCode = CompletionCode(0x82);
    /// 83h: no slot available to support the user at the requested maximum privilege.
    pub const NO_SLOT_FOR_PRIVILEGE: CompletionCode = CompletionCode(0x83);
    /// 84h: session sequence number out of range.
    pub const SEQUENCE_NUMBER_OUT_OF_RANGE: CompletionCode = CompletionCode(0x84);
    /// 85h: invalid session ID in the request.
    pub const INVALID_SESSION_ID: CompletionCode = CompletionCode(0x85);
    /// 86h: the requested maximum privilege exceeds the user and/or channel limit.
    pub const PRIVILEGE_EXCEEDS_LIMIT: CompletionCode = CompletionCode(0x86);
}

/// Activate Session request data (IPMI 2.0 §22.17), 22 bytes. A reserved authentication type,
/// a privilege other than 1h–5h, or set reserved bits are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ActivateSessionRequest {
    /// Byte 1 bits 3:0: the authentication type for the session.
    pub auth_type: AuthType,
    /// Byte 2 bits 3:0: the maximum privilege level requested (Callback to OEM).
    pub max_privilege: Privilege,
    /// Bytes 3–18: the challenge string from Get Session Challenge.
    pub challenge: [u8; 16],
    /// Bytes 19–22: the initial outbound sequence number (BMC to console), least significant
    /// byte first.
    pub initial_outbound_sequence: u32,
}

impl Message<'_> for ActivateSessionRequest {
    const MIN_LEN: usize = 22;
    const MAX_LEN: usize = 22;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [auth, privilege, challenge @ .., s0, s1, s2, s3] = fixed::<22>(data)?;
        Ok(Self {
            auth_type: AuthType::from_request(auth, 0)?,
            max_privilege: privilege_request(privilege, 1)?,
            challenge,
            initial_outbound_sequence: le32([s0, s1, s2, s3]),
        })
    }

    fn buffer_len(&self) -> usize {
        22
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let mut bytes = [0u8; 22];
        copy_chain(
            &mut bytes,
            &[
                &[self.auth_type.code(), self.max_privilege.code()],
                &self.challenge,
                &self.initial_outbound_sequence.to_le_bytes(),
            ],
        );
        put(out, &bytes)
    }
}

/// Activate Session response data (IPMI 2.0 §22.17), 10 bytes. Reserved bits and codes are
/// kept.
///
/// ```
/// use ipmi_proto::command::session::{ActivateSessionResponse, AuthType};
/// use ipmi_proto::command::{Message, Privilege};
/// let r = ActivateSessionResponse::parse(&[0x02, 0x78, 0x56, 0x34, 0x12, 1, 0, 0, 0, 0x04])?;
/// assert_eq!((r.auth_type, r.session_id), (AuthType::Md5, 0x1234_5678));
/// assert_eq!(r.max_privilege_level(), Some(Privilege::Administrator));
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ActivateSessionResponse {
    /// Byte 2: the authentication type for the rest of the session (bits 3:0; a byte with
    /// reserved bits set is kept as [`AuthType::Reserved`]).
    pub auth_type: AuthType,
    /// Bytes 3–6: the session ID, least significant byte first.
    pub session_id: u32,
    /// Bytes 7–10: the initial inbound sequence number (console to BMC), least significant
    /// byte first.
    pub initial_inbound_sequence: u32,
    /// Byte 11: bits 3:0 the maximum privilege allowed for the session; bits 7:4 reserved
    /// (kept).
    pub max_privilege: u8,
}

impl ActivateSessionResponse {
    /// Bits 3:0 of byte 11 as a level, or `None` for 0h and the reserved codes.
    pub const fn max_privilege_level(&self) -> Option<Privilege> {
        privilege_response(self.max_privilege)
    }
}

impl Message<'_> for ActivateSessionResponse {
    const MIN_LEN: usize = 10;
    const MAX_LEN: usize = 10;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [auth, s0, s1, s2, s3, q0, q1, q2, q3, privilege] = fixed(data)?;
        Ok(Self {
            auth_type: AuthType::from_code(auth),
            session_id: le32([s0, s1, s2, s3]),
            initial_inbound_sequence: le32([q0, q1, q2, q3]),
            max_privilege: privilege,
        })
    }

    fn buffer_len(&self) -> usize {
        10
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [s0, s1, s2, s3] = self.session_id.to_le_bytes();
        let [q0, q1, q2, q3] = self.initial_inbound_sequence.to_le_bytes();
        put(
            out,
            &[
                self.auth_type.code(),
                s0,
                s1,
                s2,
                s3,
                q0,
                q1,
                q2,
                q3,
                self.max_privilege,
            ],
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Set Session Privilege Level, IPMI 2.0 §22.18.

command!(
    /// Set Session Privilege Level (App 3Bh), IPMI 2.0 §22.18; privilege User (Appendix G).
    /// Request: [`SetSessionPrivilegeRequest`]; response: [`SessionPrivilegeResponse`].
    SetSessionPrivilegeLevel,
    NetFn::APP,
    0x3B,
    User,
    SetSessionPrivilegeRequest,
    SessionPrivilegeResponse,
    codes: [
        (SetSessionPrivilegeLevel::LEVEL_NOT_AVAILABLE, "requested level not available for this user"),
        (SetSessionPrivilegeLevel::LEVEL_EXCEEDS_LIMIT, "requested level exceeds the channel and/or user privilege limit"),
        (SetSessionPrivilegeLevel::CANNOT_DISABLE_USER_AUTHENTICATION, "cannot disable user level authentication"),
    ]
);

impl SetSessionPrivilegeLevel {
    /// 80h: the requested level is not available for this user (80h–82h as in the
    /// specification's table, FreeIPMI's `ipmi-comp-code-spec.h` and OpenIPMI's `ipmi_sim`).
    pub const LEVEL_NOT_AVAILABLE: CompletionCode = CompletionCode(0x80);
    /// 81h: the requested level exceeds the channel and/or user privilege limit.
    pub const LEVEL_EXCEEDS_LIMIT: CompletionCode = CompletionCode(0x81);
    /// 82h: cannot disable user-level authentication.
    pub const CANNOT_DISABLE_USER_AUTHENTICATION: CompletionCode = CompletionCode(0x82);
}

/// Set Session Privilege Level request data (IPMI 2.0 §22.18), 1 byte: bits 3:0 the requested
/// level, bits 7:4 reserved. [`Privilege::None`] (0h) asks for no change (the response carries
/// the present level); 1h (Callback) and 6h–Fh are reserved and refused.
///
/// ```
/// use ipmi_proto::command::session::SetSessionPrivilegeRequest;
/// use ipmi_proto::command::{CommandError, Message, Privilege};
/// assert_eq!(SetSessionPrivilegeRequest::parse(&[0x04])?.privilege, Privilege::Administrator);
/// assert_eq!(SetSessionPrivilegeRequest::parse(&[0x00])?.privilege, Privilege::None);
/// assert_eq!(SetSessionPrivilegeRequest::parse(&[0x01]),
///     Err(CommandError::InvalidField { offset: 0, value: 0x01 }));
/// # Ok::<(), CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SetSessionPrivilegeRequest {
    /// The requested level: User to OEM, or [`Privilege::None`] for "no change".
    pub privilege: Privilege,
}

impl Message<'_> for SetSessionPrivilegeRequest {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [b] = fixed(data)?;
        let privilege = match b {
            0 => Privilege::None,
            1 => {
                return Err(CommandError::InvalidField {
                    offset: 0,
                    value: b,
                });
            }
            _ => privilege_request(b, 0)?,
        };
        Ok(Self { privilege })
    }

    fn buffer_len(&self) -> usize {
        1
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.privilege.code()])
    }
}

/// Set Session Privilege Level response data (IPMI 2.0 §22.18), 1 byte: bits 3:0 the new (or
/// present) level; bits 7:4 reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SessionPrivilegeResponse {
    /// The raw byte.
    pub privilege: u8,
}

impl SessionPrivilegeResponse {
    /// The response carrying `level`.
    pub const fn new(level: Privilege) -> Self {
        Self {
            privilege: level.code(),
        }
    }
    /// Bits 3:0 as a level, or `None` for 0h and the reserved codes.
    pub const fn level(&self) -> Option<Privilege> {
        privilege_response(self.privilege)
    }
}

impl Message<'_> for SessionPrivilegeResponse {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [privilege] = fixed(data)?;
        Ok(Self { privilege })
    }

    fn buffer_len(&self) -> usize {
        1
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.privilege])
    }
}

// ---------------------------------------------------------------------------------------------
// Close Session, IPMI 2.0 §22.19.

command!(
    /// Close Session (App 3Ch), IPMI 2.0 §22.19; privilege Callback (Appendix G). Request:
    /// [`CloseSessionRequest`]; response: none.
    CloseSession,
    NetFn::APP,
    0x3C,
    Callback,
    CloseSessionRequest,
    Empty,
    codes: [
        (CloseSession::INVALID_SESSION_ID, "invalid session ID in request"),
        (CloseSession::INVALID_SESSION_HANDLE, "invalid session handle in request"),
    ]
);

impl CloseSession {
    /// 87h: invalid session ID in the request.
    pub const INVALID_SESSION_ID: CompletionCode = CompletionCode(0x87);
    /// 88h: invalid session handle in the request.
    pub const INVALID_SESSION_HANDLE: CompletionCode = CompletionCode(0x88);
}

/// Close Session request data (IPMI 2.0 §22.19): a non-zero session ID (4 bytes, least
/// significant first), or the ID 0 followed by a session handle (5 bytes).
///
/// A 4-byte request with ID 0 lacks its handle (`Truncated`); a 5-byte request with a non-zero
/// ID carries a handle it may not (`TooLong { max: 4 }`).
///
/// ```
/// use ipmi_proto::command::session::CloseSessionRequest;
/// use ipmi_proto::command::{CommandError, Message};
/// use core::num::NonZeroU32;
/// let r = CloseSessionRequest::parse(&[0x78, 0x56, 0x34, 0x12])?;
/// assert_eq!(r, CloseSessionRequest::SessionId(NonZeroU32::new(0x1234_5678).unwrap()));
/// assert_eq!(CloseSessionRequest::parse(&[0, 0, 0, 0, 0x03])?, CloseSessionRequest::SessionHandle(3));
/// # Ok::<(), CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum CloseSessionRequest {
    /// Close the session with this ID.
    SessionId(NonZeroU32),
    /// Session ID 0: close the session with this handle (as Get Session Info reports it).
    SessionHandle(u8),
}

impl Message<'_> for CloseSessionRequest {
    const MIN_LEN: usize = 4;
    const MAX_LEN: usize = 5;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let (id, handle) = match data {
            [a, b, c, d] => (le32([*a, *b, *c, *d]), None),
            [a, b, c, d, h] => (le32([*a, *b, *c, *d]), Some(*h)),
            _ => {
                return Err(CommandError::Truncated {
                    needed: Self::MIN_LEN,
                    actual: data.len(),
                });
            }
        };
        match (NonZeroU32::new(id), handle) {
            (Some(id), None) => Ok(Self::SessionId(id)),
            (None, Some(h)) => Ok(Self::SessionHandle(h)),
            (None, None) => Err(CommandError::Truncated {
                needed: Self::MAX_LEN,
                actual: data.len(),
            }),
            (Some(_), Some(_)) => Err(CommandError::TooLong {
                max: Self::MIN_LEN,
                actual: data.len(),
            }),
        }
    }

    fn buffer_len(&self) -> usize {
        match self {
            Self::SessionId(_) => 4,
            Self::SessionHandle(_) => 5,
        }
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        match *self {
            Self::SessionId(id) => put(out, &id.get().to_le_bytes()),
            Self::SessionHandle(h) => put(out, &[0, 0, 0, 0, h]),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Get Channel Info, IPMI 2.0 §22.24 Table 22-29; channel medium and protocol numbers
// Tables 6-3 and 6-2.

command!(
    /// Get Channel Info (App 42h), IPMI 2.0 §22.24; privilege User (Appendix G). Request:
    /// [`ChannelInfoRequest`]; response: [`ChannelInfoResponse`].
    GetChannelInfo,
    NetFn::APP,
    0x42,
    User,
    ChannelInfoRequest,
    ChannelInfoResponse
);

/// Get Channel Info request data (IPMI 2.0 Table 22-29), 1 byte: bits 3:0 the channel (Eh:
/// this one), bits 7:4 reserved (must be zero).
///
/// ```
/// use ipmi_proto::command::session::ChannelInfoRequest;
/// use ipmi_proto::command::{CommandError, Message};
/// assert_eq!(ChannelInfoRequest::parse(&[0x01])?.channel.value(), 1);
/// assert!(ChannelInfoRequest::parse(&[0x11]).is_err());
/// # Ok::<(), CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelInfoRequest {
    /// The channel.
    pub channel: ChannelNumber,
}

impl Message<'_> for ChannelInfoRequest {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [b] = fixed(data)?;
        reserved_zero(b, 0x0F, 0)?;
        Ok(Self {
            channel: ChannelNumber::from_low_bits(b),
        })
    }

    fn buffer_len(&self) -> usize {
        1
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.channel.value()])
    }
}

/// A channel medium type (IPMI 2.0 Table 6-3; byte 3 of the Get Channel Info response, bits
/// 6:0, bit 7 reserved). [`from_code`](Self::from_code) is total and [`code`](Self::code) gives
/// the byte back.
///
/// ```
/// use ipmi_proto::command::session::ChannelMedium;
/// assert_eq!(ChannelMedium::from_code(0x04), ChannelMedium::Lan802_3);
/// assert_eq!(ChannelMedium::from_code(0x61), ChannelMedium::Oem(0x61));
/// for b in 0..=255u8 {
///     assert_eq!(ChannelMedium::from_code(b).code(), b);
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ChannelMedium {
    /// 01h: IPMB (I²C).
    Ipmb,
    /// 02h: ICMB v1.0.
    IcmbV1_0,
    /// 03h: ICMB v0.9.
    IcmbV0_9,
    /// 04h: 802.3 LAN.
    Lan802_3,
    /// 05h: asynchronous serial/modem (RS-232).
    Serial,
    /// 06h: other LAN.
    OtherLan,
    /// 07h: PCI SMBus.
    PciSmbus,
    /// 08h: SMBus v1.0/1.1.
    SmbusV1,
    /// 09h: SMBus v2.0.
    SmbusV2,
    /// 0Ah: reserved for USB 1.x.
    Usb1,
    /// 0Bh: reserved for USB 2.x.
    Usb2,
    /// 0Ch: system interface (KCS, SMIC or BT).
    SystemInterface,
    /// 60h–7Fh: OEM.
    Oem(u8),
    /// 00h, 0Dh–5Fh, or a byte with bit 7 set: reserved, kept.
    Reserved(u8),
}

impl ChannelMedium {
    /// Decodes a byte (total).
    pub const fn from_code(code: u8) -> Self {
        match code {
            0x01 => Self::Ipmb,
            0x02 => Self::IcmbV1_0,
            0x03 => Self::IcmbV0_9,
            0x04 => Self::Lan802_3,
            0x05 => Self::Serial,
            0x06 => Self::OtherLan,
            0x07 => Self::PciSmbus,
            0x08 => Self::SmbusV1,
            0x09 => Self::SmbusV2,
            0x0A => Self::Usb1,
            0x0B => Self::Usb2,
            0x0C => Self::SystemInterface,
            0x60..=0x7F => Self::Oem(code),
            other => Self::Reserved(other),
        }
    }

    /// The byte.
    pub const fn code(self) -> u8 {
        match self {
            Self::Ipmb => 0x01,
            Self::IcmbV1_0 => 0x02,
            Self::IcmbV0_9 => 0x03,
            Self::Lan802_3 => 0x04,
            Self::Serial => 0x05,
            Self::OtherLan => 0x06,
            Self::PciSmbus => 0x07,
            Self::SmbusV1 => 0x08,
            Self::SmbusV2 => 0x09,
            Self::Usb1 => 0x0A,
            Self::Usb2 => 0x0B,
            Self::SystemInterface => 0x0C,
            Self::Oem(b) | Self::Reserved(b) => b,
        }
    }
}

/// A channel protocol type (IPMI 2.0 Table 6-2; byte 4 of the Get Channel Info response, bits
/// 4:0, bits 7:5 reserved). [`from_code`](Self::from_code) is total and [`code`](Self::code)
/// gives the byte back.
///
/// ```
/// use ipmi_proto::command::session::ChannelProtocol;
/// assert_eq!(ChannelProtocol::from_code(0x01), ChannelProtocol::IpmbV1_0);
/// assert_eq!(ChannelProtocol::from_code(0x1C), ChannelProtocol::Oem(0x1C));
/// for b in 0..=255u8 {
///     assert_eq!(ChannelProtocol::from_code(b).code(), b);
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ChannelProtocol {
    /// 01h: IPMB-1.0 (also used for IPMI messaging over LAN and serial/modem).
    IpmbV1_0,
    /// 02h: ICMB-1.0.
    IcmbV1_0,
    /// 04h: IPMI-SMBus.
    IpmiSmbus,
    /// 05h: KCS.
    Kcs,
    /// 06h: SMIC.
    Smic,
    /// 07h: BT-10 (IPMI v1.0 BT).
    Bt10,
    /// 08h: BT-15 (IPMI v1.5 BT).
    Bt15,
    /// 09h: TMode (terminal mode).
    TMode,
    /// 1Ch–1Fh: OEM protocols 1–4.
    Oem(u8),
    /// 00h, 03h, 0Ah–1Bh, or a byte with bits 7:5 set: reserved, kept.
    Reserved(u8),
}

impl ChannelProtocol {
    /// Decodes a byte (total).
    pub const fn from_code(code: u8) -> Self {
        match code {
            0x01 => Self::IpmbV1_0,
            0x02 => Self::IcmbV1_0,
            0x04 => Self::IpmiSmbus,
            0x05 => Self::Kcs,
            0x06 => Self::Smic,
            0x07 => Self::Bt10,
            0x08 => Self::Bt15,
            0x09 => Self::TMode,
            0x1C..=0x1F => Self::Oem(code),
            other => Self::Reserved(other),
        }
    }

    /// The byte.
    pub const fn code(self) -> u8 {
        match self {
            Self::IpmbV1_0 => 0x01,
            Self::IcmbV1_0 => 0x02,
            Self::IpmiSmbus => 0x04,
            Self::Kcs => 0x05,
            Self::Smic => 0x06,
            Self::Bt10 => 0x07,
            Self::Bt15 => 0x08,
            Self::TMode => 0x09,
            Self::Oem(b) | Self::Reserved(b) => b,
        }
    }
}

/// Bits 7:6 of [`ChannelSessionSupport`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SessionSupport {
    /// 00b: the channel is session-less.
    SessionLess,
    /// 01b: single-session.
    SingleSession,
    /// 10b: multi-session.
    MultiSession,
    /// 11b: session-based (may alternate between single- and multi-session).
    SessionBased,
}

/// Byte 5 of the Get Channel Info response (IPMI 2.0 Table 22-29): session support (bits 7:6)
/// and the number of active sessions (bits 5:0). Every byte is meaningful.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelSessionSupport(pub u8);

impl ChannelSessionSupport {
    /// Builds the byte; `active_sessions` above 3Fh is cut to its low 6 bits.
    pub const fn new(support: SessionSupport, active_sessions: u8) -> Self {
        let hi = match support {
            SessionSupport::SessionLess => 0x00,
            SessionSupport::SingleSession => 0x40,
            SessionSupport::MultiSession => 0x80,
            SessionSupport::SessionBased => 0xC0,
        };
        Self(hi | (active_sessions & 0x3F))
    }
    /// Bits 7:6.
    pub const fn support(self) -> SessionSupport {
        match self.0 >> 6 {
            0 => SessionSupport::SessionLess,
            1 => SessionSupport::SingleSession,
            2 => SessionSupport::MultiSession,
            _ => SessionSupport::SessionBased,
        }
    }
    /// Bits 5:0: how many sessions are active on the channel.
    pub const fn active_sessions(self) -> u8 {
        self.0 & 0x3F
    }
}

/// Get Channel Info response data (IPMI 2.0 Table 22-29), 9 bytes. Reserved bits and codes are
/// kept.
///
/// ```
/// use ipmi_proto::command::session::{ChannelInfoResponse, ChannelMedium, ChannelProtocol,
///     SessionSupport};
/// use ipmi_proto::command::Message;
/// // Channel 1: 802.3 LAN, IPMB-1.0 protocol, multi-session with 2 active, IPMI's IANA 7154.
/// let r = ChannelInfoResponse::parse(&[0x01, 0x04, 0x01, 0x82, 0xF2, 0x1B, 0x00, 0, 0])?;
/// assert_eq!((r.medium, r.protocol), (ChannelMedium::Lan802_3, ChannelProtocol::IpmbV1_0));
/// assert_eq!(r.session.support(), SessionSupport::MultiSession);
/// assert_eq!(r.session.active_sessions(), 2);
/// assert_eq!(r.vendor_id.value(), ChannelInfoResponse::IPMI_VENDOR_ID);
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelInfoResponse {
    /// Byte 2: bits 3:0 the actual channel number (the number of the channel asked for as Eh);
    /// bits 7:4 reserved (kept).
    pub channel: u8,
    /// Byte 3: the channel medium type.
    pub medium: ChannelMedium,
    /// Byte 4: the channel protocol type.
    pub protocol: ChannelProtocol,
    /// Byte 5: session support and active session count.
    pub session: ChannelSessionSupport,
    /// Bytes 6–8: the IANA number of the body that specified the channel protocol, least
    /// significant byte first ([`IPMI_VENDOR_ID`](Self::IPMI_VENDOR_ID) for IPMI's own).
    pub vendor_id: OemId,
    /// Bytes 9–10: auxiliary channel information. For the system interface (channel Fh), the
    /// SMS interrupt type and the event message buffer interrupt type; otherwise reserved.
    pub auxiliary: [u8; 2],
}

impl ChannelInfoResponse {
    /// 7154 (001BF2h): the IPMI forum's IANA number, the vendor of the IPMI-defined protocols.
    pub const IPMI_VENDOR_ID: u32 = 7154;

    /// Bits 3:0 of byte 2: the channel number.
    pub const fn channel_number(&self) -> ChannelNumber {
        ChannelNumber::from_low_bits(self.channel)
    }
}

impl Message<'_> for ChannelInfoResponse {
    const MIN_LEN: usize = 9;
    const MAX_LEN: usize = 9;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [channel, medium, protocol, session, v0, v1, v2, a0, a1] = fixed(data)?;
        Ok(Self {
            channel,
            medium: ChannelMedium::from_code(medium),
            protocol: ChannelProtocol::from_code(protocol),
            session: ChannelSessionSupport(session),
            vendor_id: OemId([v0, v1, v2]),
            auxiliary: [a0, a1],
        })
    }

    fn buffer_len(&self) -> usize {
        9
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [v0, v1, v2] = self.vendor_id.0;
        let [a0, a1] = self.auxiliary;
        put(
            out,
            &[
                self.channel,
                self.medium.code(),
                self.protocol.code(),
                self.session.0,
                v0,
                v1,
                v2,
                a0,
                a1,
            ],
        )
    }
}
