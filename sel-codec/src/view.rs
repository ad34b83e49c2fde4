//! A borrowed, zero-copy view of one record, and an iterator over a raw SEL dump.

use crate::error::{LengthError, TruncatedRecord};
use crate::record::{
    EventData, EventDirection, EventType, GeneratorId, RECORD_LEN, SYSTEM_EVENT_RECORD, SelRecord,
    SystemEvent, Timestamp,
};
use crate::tables::SensorType;

/// Which layout a record type byte selects (IPMI 2.0 §32).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RecordKind {
    /// 02h.
    System,
    /// 00h–BFh except 02h.
    Reserved,
    /// C0h–DFh.
    OemTimestamped,
    /// E0h–FFh.
    OemNonTimestamped,
}

impl RecordKind {
    /// The kind a record type byte selects.
    pub const fn of(record_type: u8) -> Self {
        match record_type {
            SYSTEM_EVENT_RECORD => Self::System,
            0xC0..=0xDF => Self::OemTimestamped,
            0xE0..=0xFF => Self::OemNonTimestamped,
            _ => Self::Reserved,
        }
    }
}

/// A zero-copy view of one 16-byte record. Every accessor reads the bytes in place; nothing
/// is validated up front because every byte pattern is a valid record.
///
/// ```
/// use sel_codec::SelRecordRef;
///
/// let bytes = [0x01, 0x00, 0x02, 0, 0, 0, 0x60, 0x20, 0x00, 0x04,
///              0x08, 0x31, 0x6f, 0x01, 0xff, 0xff];
/// let view = SelRecordRef::new(&bytes).unwrap();
/// assert_eq!(view.sensor_type().ipmitool_name(), "Power Supply");
/// assert_eq!(view.event_data().offset(), 1);
/// assert!(SelRecordRef::new(&bytes[..15]).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SelRecordRef<'a>(&'a [u8; RECORD_LEN]);

impl<'a> SelRecordRef<'a> {
    /// A view of a slice that must be exactly 16 bytes long.
    pub fn new(bytes: &'a [u8]) -> Result<Self, LengthError> {
        bytes.try_into().map(Self).map_err(|_| LengthError {
            actual: bytes.len(),
        })
    }

    /// A view of a 16-byte array.
    pub const fn from_array(bytes: &'a [u8; RECORD_LEN]) -> Self {
        Self(bytes)
    }

    /// The 16 bytes.
    pub const fn as_bytes(&self) -> &'a [u8; RECORD_LEN] {
        self.0
    }

    /// Record ID (bytes 1–2).
    pub const fn id(&self) -> u16 {
        u16::from_le_bytes([self.0[0], self.0[1]])
    }

    /// Record type (byte 3).
    pub const fn record_type(&self) -> u8 {
        self.0[2]
    }

    /// The layout the record type selects.
    pub const fn kind(&self) -> RecordKind {
        RecordKind::of(self.0[2])
    }

    /// Bytes 4–7 as a timestamp; `None` for OEM non-timestamped records.
    pub const fn timestamp(&self) -> Option<Timestamp> {
        match self.kind() {
            RecordKind::OemNonTimestamped => None,
            _ => Some(Timestamp(u32::from_le_bytes([
                self.0[3], self.0[4], self.0[5], self.0[6],
            ]))),
        }
    }

    /// Bytes 8–9 read as a generator ID (meaningful for system events).
    pub const fn generator(&self) -> GeneratorId {
        GeneratorId(u16::from_le_bytes([self.0[7], self.0[8]]))
    }

    /// Byte 10 read as the event message revision (meaningful for system events).
    pub const fn evm_revision(&self) -> u8 {
        self.0[9]
    }

    /// Byte 11 read as a sensor type (meaningful for system events).
    pub const fn sensor_type(&self) -> SensorType {
        SensorType(self.0[10])
    }

    /// Byte 12 read as a sensor number (meaningful for system events).
    pub const fn sensor_number(&self) -> u8 {
        self.0[11]
    }

    /// Byte 13 bit 7 read as the event direction (meaningful for system events).
    pub const fn direction(&self) -> EventDirection {
        if self.0[12] & 0x80 == 0 {
            EventDirection::Assertion
        } else {
            EventDirection::Deassertion
        }
    }

    /// Byte 13 bits 6:0 read as the event/reading type (meaningful for system events).
    pub const fn event_type(&self) -> EventType {
        EventType::from_low_bits(self.0[12])
    }

    /// Bytes 14–16 read as event data (meaningful for system events).
    pub const fn event_data(&self) -> EventData {
        EventData([self.0[13], self.0[14], self.0[15]])
    }

    /// The body read with the system event layout, for type 02h and reserved types (as
    /// ipmitool reads them); `None` for OEM records.
    pub const fn system_event(&self) -> Option<SystemEvent> {
        match self.kind() {
            RecordKind::System | RecordKind::Reserved => Some(SystemEvent::decode_body(self.0)),
            _ => None,
        }
    }

    /// The owned record.
    pub const fn to_record(&self) -> SelRecord {
        SelRecord::from_bytes(self.0)
    }
}

impl<'a> From<&'a [u8; RECORD_LEN]> for SelRecordRef<'a> {
    fn from(b: &'a [u8; RECORD_LEN]) -> Self {
        Self(b)
    }
}

impl<'a> TryFrom<&'a [u8]> for SelRecordRef<'a> {
    type Error = LengthError;
    fn try_from(b: &'a [u8]) -> Result<Self, LengthError> {
        Self::new(b)
    }
}

impl From<SelRecordRef<'_>> for SelRecord {
    fn from(v: SelRecordRef<'_>) -> Self {
        v.to_record()
    }
}

/// Iterates over a raw SEL dump: records of 16 bytes back to back, with no header — the
/// format of `ipmitool sel writeraw` and `sel readraw`.
///
/// Yields one view per complete record. If the dump's length is not a multiple of 16, the
/// last item is a [`TruncatedRecord`] error with the partial record's offset; the iterator
/// ends after it.
///
/// ```
/// let mut dump = [0u8; 40];
/// dump[2] = 0x02;
/// let items: Vec<_> = sel_codec::records(&dump).collect();
/// assert_eq!(items.len(), 3);
/// assert!(items[0].is_ok() && items[1].is_ok());
/// let err = items[2].unwrap_err();
/// assert_eq!((err.offset, err.len), (32, 8));
/// ```
pub const fn records(dump: &[u8]) -> Records<'_> {
    Records {
        rest: dump,
        offset: 0,
    }
}

/// The iterator returned by [`records`].
#[derive(Clone, Debug)]
pub struct Records<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl Records<'_> {
    /// Byte offset of the next record in the dump.
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<SelRecordRef<'a>, TruncatedRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match self.rest.split_first_chunk::<RECORD_LEN>() {
            Some((head, tail)) => {
                self.rest = tail;
                self.offset += RECORD_LEN;
                Some(Ok(SelRecordRef(head)))
            }
            None => {
                let err = TruncatedRecord {
                    offset: self.offset,
                    len: self.rest.len(),
                };
                self.offset += self.rest.len();
                self.rest = &[];
                Some(Err(err))
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.rest.len().div_ceil(RECORD_LEN);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Records<'_> {}
impl core::iter::FusedIterator for Records<'_> {}
