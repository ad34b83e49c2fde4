//! Storage commands (NetFn 0Ah, IPMI 2.0 §31 SEL, §33 SDR repository, §34 FRU inventory).
//!
//! Each command is a zero-sized type implementing [`Command`]; its request and response data
//! are typed messages that parse from and emit to the bytes after the command byte (request)
//! or after the completion code (response).
//!
//! ```
//! use ipmi_proto::command::storage::{GetSelEntry, GetSelEntryRequest, ReservationId};
//! use ipmi_proto::command::{Command, Message};
//! use ipmi_proto::message::NetFn;
//!
//! assert_eq!(GetSelEntry::NETFN, NetFn::STORAGE);
//! // Read the whole first record, without a reservation.
//! let request = GetSelEntryRequest::whole(ReservationId::NONE, GetSelEntryRequest::FIRST);
//! let mut buf = [0u8; 6];
//! assert_eq!(request.emit(&mut buf), Ok(6));
//! assert_eq!(buf, [0x00, 0x00, 0x00, 0x00, 0x00, 0xFF]);
//!
//! // The answer: next record 0002h and the 16-byte record.
//! let data = [0x02, 0x00, 0x01, 0x00, 0x02, 0, 0, 0, 0, 0x20, 0x00, 0x04, 0x01, 0x30,
//!             0x01, 0x57, 0xFF, 0xFF];
//! let response = <GetSelEntry as Command>::Response::parse(&data).unwrap();
//! assert_eq!(response.next_record_id, 0x0002);
//! assert_eq!(response.record().unwrap().id(), 0x0001);
//! ```

use sel_codec::{RECORD_LEN, SelRecord, SelRecordRef, Timestamp};

use super::{
    BufferTooSmall, Command, CommandError, Empty, Message, Privilege, check_len, out_prefix,
};
use crate::message::{Cmd, CompletionCode, NetFn};

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/// Reads a little-endian `u16` at `at` (callers have checked the length).
fn le16(data: &[u8], at: usize) -> u16 {
    match data.get(at..).and_then(|d| d.get(..2)) {
        Some(&[a, b]) => u16::from_le_bytes([a, b]),
        _ => 0,
    }
}

/// Reads a little-endian `u32` at `at` (callers have checked the length).
fn le32(data: &[u8], at: usize) -> u32 {
    match data.get(at..).and_then(|d| d.get(..4)) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// Copies `bytes` into the front of `out` or reports the shortfall without writing.
fn emit_bytes(out: &mut [u8], bytes: &[u8]) -> Result<usize, BufferTooSmall> {
    out_prefix(out, bytes.len())?.copy_from_slice(bytes);
    Ok(bytes.len())
}

/// Writes `head` then `tail` into `out`, or nothing if `out` is too short.
fn emit_two(out: &mut [u8], head: &[u8], tail: &[u8]) -> Result<usize, BufferTooSmall> {
    let total = head.len().saturating_add(tail.len());
    let dst = out_prefix(out, total)?;
    let (h, t) = dst.split_at_mut(head.len().min(total));
    h.copy_from_slice(head);
    t.copy_from_slice(tail);
    Ok(total)
}

/// A reservation ID (IPMI 2.0 §31.4, §33.11, §35.4): returned by a Reserve command and given
/// back by reads that need it; 0000h means "no reservation" where a command allows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ReservationId(pub u16);

impl ReservationId {
    /// 0000h: no reservation (allowed for reads that start at offset 0).
    pub const NONE: Self = Self(0);
}

/// The response of the Reserve SEL, Reserve SDR Repository and Reserve Device SDR Repository
/// commands: the reservation ID, least significant byte first (IPMI 2.0 Tables 31-4, 33-5,
/// 35-4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ReserveResponse {
    /// The new reservation ID.
    pub reservation_id: ReservationId,
}

impl<'a> Message<'a> for ReserveResponse {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 2, 2)?;
        Ok(Self {
            reservation_id: ReservationId(le16(data, 0)),
        })
    }
    fn buffer_len(&self) -> usize {
        2
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &self.reservation_id.0.to_le_bytes())
    }
}

/// A response that is one record ID, least significant byte first (Add SEL Entry, IPMI 2.0
/// Table 31-6).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RecordIdResponse {
    /// The record ID.
    pub record_id: u16,
}

impl<'a> Message<'a> for RecordIdResponse {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 2, 2)?;
        Ok(Self {
            record_id: le16(data, 0),
        })
    }
    fn buffer_len(&self) -> usize {
        2
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &self.record_id.to_le_bytes())
    }
}

/// A message that is one 4-byte timestamp, least significant byte first (Get SEL Time
/// response, Set SEL Time request; IPMI 2.0 Tables 31-10, 31-11, format in §37).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SelTime {
    /// The time.
    pub time: Timestamp,
}

impl<'a> Message<'a> for SelTime {
    const MIN_LEN: usize = 4;
    const MAX_LEN: usize = 4;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 4, 4)?;
        Ok(Self {
            time: Timestamp(le32(data, 0)),
        })
    }
    fn buffer_len(&self) -> usize {
        4
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &self.time.0.to_le_bytes())
    }
}

/// The repository information common to Get SEL Info and Get SDR Repository Info
/// (IPMI 2.0 Tables 31-2 and 33-3): version, count, free space and two timestamps, followed by
/// the operation support byte, which differs per command.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RepositoryInfo {
    /// Version (51h for IPMI 1.5 and 2.0; BCD, least significant digit first).
    pub version: u8,
    /// Number of entries or records.
    pub entries: u16,
    /// Free space in bytes (FFFFh: 65535 or more).
    pub free_space: u16,
    /// Most recent addition timestamp.
    pub most_recent_addition: Timestamp,
    /// Most recent erase (delete or clear) timestamp.
    pub most_recent_erase: Timestamp,
    /// The operation support byte, as it is on the wire (see the accessors of the response
    /// types).
    pub operation_support: u8,
}

impl RepositoryInfo {
    /// The version IPMI 1.5 and 2.0 report: 51h.
    pub const IPMI_2_0: u8 = 0x51;
    const LEN: usize = 14;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        check_len(data, Self::LEN, Self::LEN)?;
        match (data.first(), data.get(13)) {
            (Some(&version), Some(&operation_support)) => Ok(Self {
                version,
                entries: le16(data, 1),
                free_space: le16(data, 3),
                most_recent_addition: Timestamp(le32(data, 5)),
                most_recent_erase: Timestamp(le32(data, 9)),
                operation_support,
            }),
            _ => Err(CommandError::Truncated {
                needed: Self::LEN,
                actual: data.len(),
            }),
        }
    }

    fn to_bytes(self) -> [u8; Self::LEN] {
        let [e0, e1] = self.entries.to_le_bytes();
        let [f0, f1] = self.free_space.to_le_bytes();
        let [a0, a1, a2, a3] = self.most_recent_addition.0.to_le_bytes();
        let [r0, r1, r2, r3] = self.most_recent_erase.0.to_le_bytes();
        [
            self.version,
            e0,
            e1,
            f0,
            f1,
            a0,
            a1,
            a2,
            a3,
            r0,
            r1,
            r2,
            r3,
            self.operation_support,
        ]
    }

    /// Bit 7 of the operation support byte: an add failed because the repository was full.
    pub const fn overflow(&self) -> bool {
        self.operation_support & 0x80 != 0
    }
    /// Bit 3: Delete (SEL Entry / SDR) is supported.
    pub const fn delete_supported(&self) -> bool {
        self.operation_support & 0x08 != 0
    }
    /// Bit 2: Partial Add is supported.
    pub const fn partial_add_supported(&self) -> bool {
        self.operation_support & 0x04 != 0
    }
    /// Bit 1: Reserve is supported.
    pub const fn reserve_supported(&self) -> bool {
        self.operation_support & 0x02 != 0
    }
    /// Bit 0: Get (SEL / SDR Repository) Allocation Info is supported.
    pub const fn allocation_info_supported(&self) -> bool {
        self.operation_support & 0x01 != 0
    }
}

/// Which update modes an SDR repository supports: bits 6:5 of Get SDR Repository Info's
/// operation support byte (IPMI 2.0 Table 33-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SdrUpdateSupport {
    /// 00b: unspecified.
    Unspecified,
    /// 01b: non-modal update only.
    NonModal,
    /// 10b: modal update only.
    Modal,
    /// 11b: both modal and non-modal.
    Both,
}

// ---------------------------------------------------------------------------------------------
// SEL commands (§31)
// ---------------------------------------------------------------------------------------------

/// Get SEL Info request: no data (IPMI 2.0 §31.2, Table 31-2).
pub type GetSelInfoRequest = Empty;

/// Get SEL Info response (IPMI 2.0 §31.2, Table 31-2).
///
/// ```
/// use ipmi_proto::command::storage::GetSelInfoResponse;
/// use ipmi_proto::command::Message;
///
/// let data = [0x51, 0x03, 0x00, 0xD0, 0x3F, 0x10, 0x00, 0x00, 0x00,
///             0xFF, 0xFF, 0xFF, 0xFF, 0x0A];
/// let info = GetSelInfoResponse::parse(&data).unwrap();
/// assert_eq!(info.info.entries, 3);
/// assert!(info.info.delete_supported() && info.info.reserve_supported());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSelInfoResponse {
    /// Version, entry count, free space, timestamps and operation support (bits 6:4 reserved).
    pub info: RepositoryInfo,
}

impl<'a> Message<'a> for GetSelInfoResponse {
    const MIN_LEN: usize = RepositoryInfo::LEN;
    const MAX_LEN: usize = RepositoryInfo::LEN;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        RepositoryInfo::parse(data).map(|info| Self { info })
    }
    fn buffer_len(&self) -> usize {
        RepositoryInfo::LEN
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &self.info.to_bytes())
    }
}

command!(
    /// Get SEL Info (Storage 40h; IPMI 2.0 §31.2; Appendix G: User).
    GetSelInfo, NetFn::STORAGE, 0x40, User, GetSelInfoRequest, GetSelInfoResponse
);

/// Reserve SEL request: no data (IPMI 2.0 §31.4, Table 31-4).
pub type ReserveSelRequest = Empty;

command!(
    /// Reserve SEL (Storage 42h; IPMI 2.0 §31.4; Appendix G: User).
    ReserveSel, NetFn::STORAGE, 0x42, User, ReserveSelRequest, ReserveResponse,
    codes: [
        (CompletionCode(0x81), "cannot execute command, SEL erase in progress"),
    ]
);

/// The request of Get SEL Entry, Get SDR and Get Device SDR: a reservation, a record ID, an
/// offset into the record and a byte count (IPMI 2.0 Tables 31-5, 33-6, 35-3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetRecordRequest {
    /// Reservation ID; 0000h is allowed only when `offset` is 0.
    pub reservation_id: ReservationId,
    /// The record to read ([`Self::FIRST`] and, for the SEL, [`Self::LAST`]).
    pub record_id: u16,
    /// Offset into the record.
    pub offset: u8,
    /// Bytes to read; [`Self::ENTIRE_RECORD`] (FFh) reads the whole record.
    pub bytes_to_read: u8,
}

impl GetRecordRequest {
    /// Record ID 0000h: the first record.
    pub const FIRST: u16 = 0x0000;
    /// Record ID FFFFh: the last record (SEL; IPMI 2.0 Table 31-5).
    pub const LAST: u16 = 0xFFFF;
    /// Bytes to read FFh: the entire record.
    pub const ENTIRE_RECORD: u8 = 0xFF;

    /// A request for a whole record.
    pub const fn whole(reservation_id: ReservationId, record_id: u16) -> Self {
        Self {
            reservation_id,
            record_id,
            offset: 0,
            bytes_to_read: Self::ENTIRE_RECORD,
        }
    }

    /// A partial read of `bytes_to_read` bytes at `offset`.
    pub const fn partial(
        reservation_id: ReservationId,
        record_id: u16,
        offset: u8,
        bytes_to_read: u8,
    ) -> Self {
        Self {
            reservation_id,
            record_id,
            offset,
            bytes_to_read,
        }
    }

    /// Whether the whole record is asked for.
    pub const fn is_entire_record(&self) -> bool {
        self.bytes_to_read == Self::ENTIRE_RECORD
    }
}

impl<'a> Message<'a> for GetRecordRequest {
    const MIN_LEN: usize = 6;
    const MAX_LEN: usize = 6;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 6, 6)?;
        match *data {
            [_, _, _, _, offset, bytes_to_read] => Ok(Self {
                reservation_id: ReservationId(le16(data, 0)),
                record_id: le16(data, 2),
                offset,
                bytes_to_read,
            }),
            _ => Err(CommandError::Truncated {
                needed: 6,
                actual: data.len(),
            }),
        }
    }
    fn buffer_len(&self) -> usize {
        6
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [r0, r1] = self.reservation_id.0.to_le_bytes();
        let [i0, i1] = self.record_id.to_le_bytes();
        emit_bytes(out, &[r0, r1, i0, i1, self.offset, self.bytes_to_read])
    }
}

/// Get SEL Entry request (IPMI 2.0 §31.5, Table 31-5).
pub type GetSelEntryRequest = GetRecordRequest;

/// Get SEL Entry response (IPMI 2.0 §31.5, Table 31-5): the next record ID and the record
/// bytes read — all 16 for a whole record, or the part a partial read asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSelEntryResponse<'a> {
    /// The ID of the next record (FFFFh after the last record).
    pub next_record_id: u16,
    /// Record data: 0 to 16 bytes (a longer slice emits data that parses as `TooLong`).
    pub data: &'a [u8],
}

impl<'a> GetSelEntryResponse<'a> {
    /// The record, when the data is a whole 16-byte record.
    pub fn record(&self) -> Option<SelRecordRef<'a>> {
        SelRecordRef::new(self.data).ok()
    }
}

impl<'a> Message<'a> for GetSelEntryResponse<'a> {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2 + RECORD_LEN;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        Ok(Self {
            next_record_id: le16(data, 0),
            data: data.get(2..).unwrap_or_default(),
        })
    }
    fn buffer_len(&self) -> usize {
        self.data.len().saturating_add(2)
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_two(out, &self.next_record_id.to_le_bytes(), self.data)
    }
}

command!(
    /// Get SEL Entry (Storage 43h; IPMI 2.0 §31.5; Appendix G: User).
    GetSelEntry, NetFn::STORAGE, 0x43, User, GetSelEntryRequest, GetSelEntryResponse<'a>,
    codes: [
        (CompletionCode(0x81), "cannot execute command, SEL erase in progress"),
    ]
);

/// Add SEL Entry request: one 16-byte SEL record (IPMI 2.0 §31.6, Table 31-6; record layout
/// §32). The responder assigns the record ID (and, for timestamped records, the timestamp).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct AddSelEntryRequest {
    /// The record; every 16-byte pattern is one.
    pub record: SelRecord,
}

impl<'a> Message<'a> for AddSelEntryRequest {
    const MIN_LEN: usize = RECORD_LEN;
    const MAX_LEN: usize = RECORD_LEN;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, RECORD_LEN, RECORD_LEN)?;
        SelRecord::parse(data)
            .map(|record| Self { record })
            .map_err(|e| CommandError::Truncated {
                needed: RECORD_LEN,
                actual: e.actual,
            })
    }
    fn buffer_len(&self) -> usize {
        RECORD_LEN
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &self.record.to_bytes())
    }
}

command!(
    /// Add SEL Entry (Storage 44h; IPMI 2.0 §31.6; Appendix G: Operator). The response is
    /// the ID the record was stored under.
    AddSelEntry, NetFn::STORAGE, 0x44, Operator, AddSelEntryRequest, RecordIdResponse,
    codes: [
        (CompletionCode(0x80), "operation not supported for this record type"),
        (CompletionCode(0x81), "cannot execute command, SEL erase in progress"),
    ]
);

/// What a Clear SEL request asks for: byte 6 of IPMI 2.0 Table 31-9.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ClearSelAction {
    /// AAh: initiate erase.
    InitiateErase,
    /// 00h: get erasure status.
    GetStatus,
}

impl ClearSelAction {
    /// The byte on the wire.
    pub const fn code(self) -> u8 {
        match self {
            Self::InitiateErase => 0xAA,
            Self::GetStatus => 0x00,
        }
    }
}

/// Clear SEL request (IPMI 2.0 §31.9, Table 31-9): reservation ID, the letters `CLR`, and the
/// action. Any other letters or action byte is [`CommandError::InvalidField`].
///
/// ```
/// use ipmi_proto::command::storage::{ClearSelAction, ClearSelRequest, ReservationId};
/// use ipmi_proto::command::Message;
///
/// let request = ClearSelRequest::parse(&[0x34, 0x12, b'C', b'L', b'R', 0xAA]).unwrap();
/// assert_eq!(request.reservation_id, ReservationId(0x1234));
/// assert_eq!(request.action, ClearSelAction::InitiateErase);
/// assert!(ClearSelRequest::parse(&[0x34, 0x12, b'C', b'L', b'X', 0xAA]).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ClearSelRequest {
    /// Reservation ID (from Reserve SEL).
    pub reservation_id: ReservationId,
    /// Initiate the erase or ask how far it got.
    pub action: ClearSelAction,
}

impl ClearSelRequest {
    /// The three confirmation letters, bytes 3–5.
    pub const CONFIRM: [u8; 3] = *b"CLR";
}

impl<'a> Message<'a> for ClearSelRequest {
    const MIN_LEN: usize = 6;
    const MAX_LEN: usize = 6;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 6, 6)?;
        let [_, _, c, l, r, action] = *data else {
            return Err(CommandError::Truncated {
                needed: 6,
                actual: data.len(),
            });
        };
        for (offset, (&found, &wanted)) in [c, l, r].iter().zip(&Self::CONFIRM).enumerate() {
            if found != wanted {
                return Err(CommandError::InvalidField {
                    offset: offset.saturating_add(2),
                    value: found,
                });
            }
        }
        let action = match action {
            0xAA => ClearSelAction::InitiateErase,
            0x00 => ClearSelAction::GetStatus,
            value => return Err(CommandError::InvalidField { offset: 5, value }),
        };
        Ok(Self {
            reservation_id: ReservationId(le16(data, 0)),
            action,
        })
    }
    fn buffer_len(&self) -> usize {
        6
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [r0, r1] = self.reservation_id.0.to_le_bytes();
        let [c, l, r] = Self::CONFIRM;
        emit_bytes(out, &[r0, r1, c, l, r, self.action.code()])
    }
}

/// Erasure progress: bits 3:0 of the Clear SEL response (IPMI 2.0 Table 31-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ErasureProgress {
    /// 0h: erasure in progress.
    InProgress,
    /// 1h: erase completed.
    Completed,
    /// 2h–Fh: reserved, kept.
    Reserved(u8),
}

impl ErasureProgress {
    /// The progress a 4-bit code stands for (bits above 3 are ignored).
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 0x0F {
            0 => Self::InProgress,
            1 => Self::Completed,
            other => Self::Reserved(other),
        }
    }
    /// The 4-bit code.
    pub const fn bits(self) -> u8 {
        match self {
            Self::InProgress => 0,
            Self::Completed => 1,
            Self::Reserved(b) => b & 0x0F,
        }
    }
}

/// Clear SEL response (IPMI 2.0 §31.9, Table 31-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ClearSelResponse {
    /// Bits 3:0.
    pub progress: ErasureProgress,
    /// Bits 7:4, reserved, kept as they are (in place, low nibble zero).
    pub reserved: u8,
}

impl ClearSelResponse {
    /// A response with the reserved bits zero.
    pub const fn new(progress: ErasureProgress) -> Self {
        Self {
            progress,
            reserved: 0,
        }
    }
}

impl<'a> Message<'a> for ClearSelResponse {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 1, 1)?;
        let &[b] = data else {
            return Err(CommandError::Truncated {
                needed: 1,
                actual: data.len(),
            });
        };
        Ok(Self {
            progress: ErasureProgress::from_bits(b),
            reserved: b & 0xF0,
        })
    }
    fn buffer_len(&self) -> usize {
        1
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &[(self.reserved & 0xF0) | self.progress.bits()])
    }
}

command!(
    /// Clear SEL (Storage 47h; IPMI 2.0 §31.9; Appendix G: Operator).
    ClearSel, NetFn::STORAGE, 0x47, Operator, ClearSelRequest, ClearSelResponse
);

/// Get SEL Time request: no data (IPMI 2.0 §31.10, Table 31-10).
pub type GetSelTimeRequest = Empty;

command!(
    /// Get SEL Time (Storage 48h; IPMI 2.0 §31.10; Appendix G: User).
    GetSelTime, NetFn::STORAGE, 0x48, User, GetSelTimeRequest, SelTime
);

/// Set SEL Time response: no data (IPMI 2.0 §31.11, Table 31-11).
pub type SetSelTimeResponse = Empty;

command!(
    /// Set SEL Time (Storage 49h; IPMI 2.0 §31.11; Appendix G: Operator).
    SetSelTime, NetFn::STORAGE, 0x49, Operator, SelTime, SetSelTimeResponse
);

// ---------------------------------------------------------------------------------------------
// SDR repository commands (§33)
// ---------------------------------------------------------------------------------------------

/// Get SDR Repository Info request: no data (IPMI 2.0 §33.9, Table 33-3).
pub type GetSdrRepositoryInfoRequest = Empty;

/// Get SDR Repository Info response (IPMI 2.0 §33.9, Table 33-3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSdrRepositoryInfoResponse {
    /// Version, record count, free space, timestamps and operation support (bit 4 reserved).
    pub info: RepositoryInfo,
}

impl GetSdrRepositoryInfoResponse {
    /// Bits 6:5 of the operation support byte.
    pub const fn update_support(&self) -> SdrUpdateSupport {
        match (self.info.operation_support >> 5) & 0x03 {
            0 => SdrUpdateSupport::Unspecified,
            1 => SdrUpdateSupport::NonModal,
            2 => SdrUpdateSupport::Modal,
            _ => SdrUpdateSupport::Both,
        }
    }
}

impl<'a> Message<'a> for GetSdrRepositoryInfoResponse {
    const MIN_LEN: usize = RepositoryInfo::LEN;
    const MAX_LEN: usize = RepositoryInfo::LEN;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        RepositoryInfo::parse(data).map(|info| Self { info })
    }
    fn buffer_len(&self) -> usize {
        RepositoryInfo::LEN
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &self.info.to_bytes())
    }
}

command!(
    /// Get SDR Repository Info (Storage 20h; IPMI 2.0 §33.9; Appendix G: User).
    GetSdrRepositoryInfo, NetFn::STORAGE, 0x20, User, GetSdrRepositoryInfoRequest,
    GetSdrRepositoryInfoResponse
);

/// Reserve SDR Repository request: no data (IPMI 2.0 §33.11, Table 33-5).
pub type ReserveSdrRepositoryRequest = Empty;

command!(
    /// Reserve SDR Repository (Storage 22h; IPMI 2.0 §33.11; Appendix G: User).
    ReserveSdrRepository, NetFn::STORAGE, 0x22, User, ReserveSdrRepositoryRequest,
    ReserveResponse
);

/// Get SDR request (IPMI 2.0 §33.12, Table 33-6).
pub type GetSdrRequest = GetRecordRequest;

/// The response of Get SDR and Get Device SDR (IPMI 2.0 Tables 33-6, 35-3): the next record ID
/// and the bytes read, borrowed. A whole record is its 5-byte header and up to 255 body bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSdrResponse<'a> {
    /// The ID of the next record (FFFFh after the last one).
    pub next_record_id: u16,
    /// The record bytes read: at most [`Self::MAX_RECORD`] (a longer slice emits data that
    /// parses as `TooLong`).
    pub data: &'a [u8],
}

impl<'a> GetSdrResponse<'a> {
    /// The most record bytes one response carries: a 5-byte header and a 255-byte body.
    pub const MAX_RECORD: usize = 5 + 255;
}

impl<'a> Message<'a> for GetSdrResponse<'a> {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2 + Self::MAX_RECORD;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        Ok(Self {
            next_record_id: le16(data, 0),
            data: data.get(2..).unwrap_or_default(),
        })
    }
    fn buffer_len(&self) -> usize {
        self.data.len().saturating_add(2)
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_two(out, &self.next_record_id.to_le_bytes(), self.data)
    }
}

command!(
    /// Get SDR (Storage 23h; IPMI 2.0 §33.12; Appendix G: User).
    GetSdr, NetFn::STORAGE, 0x23, User, GetSdrRequest, GetSdrResponse<'a>
);

// ---------------------------------------------------------------------------------------------
// FRU inventory commands (§34)
// ---------------------------------------------------------------------------------------------

/// A FRU device ID (IPMI 2.0 §34): 00h is the device behind the BMC's own FRU; FFh is
/// reserved and rejected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FruDeviceId(pub u8);

impl FruDeviceId {
    /// FFh, reserved (IPMI 2.0 Table 34-2).
    pub const RESERVED: u8 = 0xFF;

    fn parse(value: u8, offset: usize) -> Result<Self, CommandError> {
        if value == Self::RESERVED {
            Err(CommandError::InvalidField { offset, value })
        } else {
            Ok(Self(value))
        }
    }
}

/// Get FRU Inventory Area Info request (IPMI 2.0 §34.1, Table 34-2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetFruInventoryAreaInfoRequest {
    /// The FRU device (not FFh).
    pub fru_device_id: FruDeviceId,
}

impl<'a> Message<'a> for GetFruInventoryAreaInfoRequest {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 1, 1)?;
        let &[id] = data else {
            return Err(CommandError::Truncated {
                needed: 1,
                actual: data.len(),
            });
        };
        Ok(Self {
            fru_device_id: FruDeviceId::parse(id, 0)?,
        })
    }
    fn buffer_len(&self) -> usize {
        1
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &[self.fru_device_id.0])
    }
}

/// How a FRU device is accessed: bit 0 of Get FRU Inventory Area Info's byte 4 (IPMI 2.0
/// Table 34-2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum FruAccess {
    /// 0b: by bytes.
    #[default]
    Bytes,
    /// 1b: by words (offsets and counts are in 16-bit words).
    Words,
}

/// Get FRU Inventory Area Info response (IPMI 2.0 §34.1, Table 34-2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetFruInventoryAreaInfoResponse {
    /// FRU inventory area size in bytes.
    pub area_size: u16,
    /// Byte or word access (bit 0).
    pub access: FruAccess,
    /// Bits 7:1, reserved, kept in place (bit 0 zero).
    pub reserved: u8,
}

impl<'a> Message<'a> for GetFruInventoryAreaInfoResponse {
    const MIN_LEN: usize = 3;
    const MAX_LEN: usize = 3;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 3, 3)?;
        let &[_, _, flags] = data else {
            return Err(CommandError::Truncated {
                needed: 3,
                actual: data.len(),
            });
        };
        Ok(Self {
            area_size: le16(data, 0),
            access: if flags & 1 == 0 {
                FruAccess::Bytes
            } else {
                FruAccess::Words
            },
            reserved: flags & 0xFE,
        })
    }
    fn buffer_len(&self) -> usize {
        3
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [s0, s1] = self.area_size.to_le_bytes();
        let access = match self.access {
            FruAccess::Bytes => 0,
            FruAccess::Words => 1,
        };
        emit_bytes(out, &[s0, s1, (self.reserved & 0xFE) | access])
    }
}

command!(
    /// Get FRU Inventory Area Info (Storage 10h; IPMI 2.0 §34.1; Appendix G: User).
    GetFruInventoryAreaInfo, NetFn::STORAGE, 0x10, User, GetFruInventoryAreaInfoRequest,
    GetFruInventoryAreaInfoResponse
);

/// Read FRU Data request (IPMI 2.0 §34.2, Table 34-3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ReadFruDataRequest {
    /// The FRU device (not FFh).
    pub fru_device_id: FruDeviceId,
    /// Offset to read from, in bytes or words as the device's access mode says.
    pub offset: u16,
    /// Count to read (1-based).
    pub count: u8,
}

impl<'a> Message<'a> for ReadFruDataRequest {
    const MIN_LEN: usize = 4;
    const MAX_LEN: usize = 4;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 4, 4)?;
        let &[id, _, _, count] = data else {
            return Err(CommandError::Truncated {
                needed: 4,
                actual: data.len(),
            });
        };
        Ok(Self {
            fru_device_id: FruDeviceId::parse(id, 0)?,
            offset: le16(data, 1),
            count,
        })
    }
    fn buffer_len(&self) -> usize {
        4
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [o0, o1] = self.offset.to_le_bytes();
        emit_bytes(out, &[self.fru_device_id.0, o0, o1, self.count])
    }
}

/// Read FRU Data response (IPMI 2.0 §34.2, Table 34-3): the count returned, then that many
/// bytes (borrowed). The count byte must match the data: fewer bytes than it says is
/// [`CommandError::Truncated`], more is [`CommandError::TooLong`]. The data is at most 255
/// bytes, which [`new`](Self::new) enforces, so the count byte is always right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ReadFruDataResponse<'a> {
    data: &'a [u8],
}

impl<'a> ReadFruDataResponse<'a> {
    /// A response carrying `data`, or `None` if it is longer than 255 bytes.
    pub fn new(data: &'a [u8]) -> Option<Self> {
        (data.len() <= 255).then_some(Self { data })
    }

    /// The data read; its length is the count returned.
    pub const fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The count returned (byte 2).
    pub fn count(&self) -> u8 {
        u8::try_from(self.data.len()).unwrap_or(u8::MAX)
    }
}

impl<'a> Message<'a> for ReadFruDataResponse<'a> {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1 + 255;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let Some((&count, rest)) = data.split_first() else {
            return Err(CommandError::Truncated {
                needed: 1,
                actual: 0,
            });
        };
        let wanted = usize::from(count).saturating_add(1);
        check_len(data, wanted, wanted)?;
        Ok(Self { data: rest })
    }
    fn buffer_len(&self) -> usize {
        self.data.len().saturating_add(1)
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_two(out, &[self.count()], self.data)
    }
}

command!(
    /// Read FRU Data (Storage 11h; IPMI 2.0 §34.2; Appendix G: User).
    ReadFruData, NetFn::STORAGE, 0x11, User, ReadFruDataRequest, ReadFruDataResponse<'a>,
    codes: [
        (CompletionCode(0x81), "FRU device busy"),
    ]
);

/// Write FRU Data request (IPMI 2.0 §34.3, Table 34-4): device, offset and the bytes to
/// write (borrowed, 1 to 255 of them — the response's count written is one byte).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct WriteFruDataRequest<'a> {
    /// The FRU device (not FFh).
    pub fru_device_id: FruDeviceId,
    /// Offset to write at, in bytes or words as the device's access mode says.
    pub offset: u16,
    /// The bytes to write: 1 to 255 (other lengths emit data that does not parse back).
    pub data: &'a [u8],
}

impl<'a> Message<'a> for WriteFruDataRequest<'a> {
    const MIN_LEN: usize = 4;
    const MAX_LEN: usize = 3 + 255;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let Some((&id, rest)) = data.split_first() else {
            return Err(CommandError::Truncated {
                needed: Self::MIN_LEN,
                actual: 0,
            });
        };
        Ok(Self {
            fru_device_id: FruDeviceId::parse(id, 0)?,
            offset: le16(data, 1),
            data: rest.get(2..).unwrap_or_default(),
        })
    }
    fn buffer_len(&self) -> usize {
        self.data.len().saturating_add(3)
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [o0, o1] = self.offset.to_le_bytes();
        emit_two(out, &[self.fru_device_id.0, o0, o1], self.data)
    }
}

/// Write FRU Data response (IPMI 2.0 §34.3, Table 34-4): the count written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct WriteFruDataResponse {
    /// Count written (1-based), in bytes or words as the device's access mode says.
    pub count_written: u8,
}

impl<'a> Message<'a> for WriteFruDataResponse {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 1, 1)?;
        let &[count_written] = data else {
            return Err(CommandError::Truncated {
                needed: 1,
                actual: data.len(),
            });
        };
        Ok(Self { count_written })
    }
    fn buffer_len(&self) -> usize {
        1
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &[self.count_written])
    }
}

command!(
    /// Write FRU Data (Storage 12h; IPMI 2.0 §34.3; Appendix G: Operator).
    WriteFruData, NetFn::STORAGE, 0x12, Operator, WriteFruDataRequest<'a>, WriteFruDataResponse,
    codes: [
        (CompletionCode(0x80), "write-protected offset"),
        (CompletionCode(0x81), "FRU device busy"),
    ]
);
