//! Errors of the FRU parser and builder. Every fallible function of [`crate::fru`] returns one
//! of these; none panics.

use core::fmt;

/// Which part of a FRU image an error is about (FRU Information Storage Definition §8–§12, §16).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Area {
    /// The 8-byte common header (§8).
    CommonHeader,
    /// The internal use area (§9).
    InternalUse,
    /// The chassis info area (§10).
    Chassis,
    /// The board info area (§11).
    Board,
    /// The product info area (§12).
    Product,
    /// The multirecord area (§16).
    MultiRecord,
}

impl Area {
    /// The area's name as the specification writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::CommonHeader => "common header",
            Self::InternalUse => "internal use area",
            Self::Chassis => "chassis info area",
            Self::Board => "board info area",
            Self::Product => "product info area",
            Self::MultiRecord => "multirecord area",
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A FRU image, area or record that cannot be read.
///
/// Offsets are byte offsets from the start of the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum FruError {
    /// The bytes end before the structure that starts at `offset` does: it needs `needed`
    /// bytes from `offset`, only `available` are there.
    Truncated {
        /// The area being read.
        area: Area,
        /// Where the structure starts.
        offset: usize,
        /// How many bytes it needs.
        needed: usize,
        /// How many bytes are there.
        available: usize,
    },
    /// A zero checksum does not sum to zero (the header, an info area, or — with
    /// [`Area::MultiRecord`] — a record's data).
    BadChecksum {
        /// The area whose checksum is wrong.
        area: Area,
        /// Where the checksummed bytes start.
        offset: usize,
        /// The sum modulo 256 of the checksummed bytes, checksum included (00h when correct).
        sum: u8,
    },
    /// A multirecord header checksum (§16.1 byte 5) does not sum to zero.
    BadRecordHeaderChecksum {
        /// Where the record header starts.
        offset: usize,
        /// The sum modulo 256 of the five header bytes (00h when correct).
        sum: u8,
    },
    /// A format version this crate does not read: bits 3:0 of an area's first byte are not
    /// 1h (§8, §9–§12), or a multirecord record's version is not 2h (§16.1).
    UnsupportedVersion {
        /// The area (or [`Area::MultiRecord`] for a record).
        area: Area,
        /// Where the version byte is.
        offset: usize,
        /// The version byte as found.
        version: u8,
    },
    /// An info area's length byte is 0, so it has no room for its own checksum.
    ZeroLength {
        /// The area.
        area: Area,
        /// Where the area starts.
        offset: usize,
    },
    /// A type/length field runs into the area's checksum byte.
    FieldOverrun {
        /// The area.
        area: Area,
        /// Where the type/length byte is.
        offset: usize,
    },
    /// The end-of-fields marker C1h appears before a field the area must have.
    MissingField {
        /// The area.
        area: Area,
        /// The missing field, in the specification's words.
        field: &'static str,
    },
    /// No end-of-fields marker C1h before the area's checksum byte (§10–§12).
    MissingEndMarker {
        /// The area.
        area: Area,
        /// Where the area starts.
        offset: usize,
    },
    /// A multirecord record's length does not match its type's fixed layout (§18).
    RecordLength {
        /// The record type byte.
        record_type: u8,
        /// The length the layout has.
        expected: usize,
        /// The length the record header gives.
        actual: usize,
    },
}

impl fmt::Display for FruError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Truncated {
                area,
                offset,
                needed,
                available,
            } => write!(
                f,
                "{area} truncated at offset {offset}: needs {needed} bytes, {available} present"
            ),
            Self::BadChecksum { area, offset, sum } => write!(
                f,
                "bad {area} checksum at offset {offset}: bytes sum to {sum:02X}h instead of 00h"
            ),
            Self::BadRecordHeaderChecksum { offset, sum } => write!(
                f,
                "bad multirecord header checksum at offset {offset}: bytes sum to {sum:02X}h instead of 00h"
            ),
            Self::UnsupportedVersion {
                area,
                offset,
                version,
            } => write!(
                f,
                "unsupported {area} format version {version:02X}h at offset {offset}"
            ),
            Self::ZeroLength { area, offset } => {
                write!(f, "{area} at offset {offset} has length 0")
            }
            Self::FieldOverrun { area, offset } => write!(
                f,
                "{area}: the field at offset {offset} runs past the area's checksum byte"
            ),
            Self::MissingField { area, field } => {
                write!(f, "{area}: end of fields before the {field} field")
            }
            Self::MissingEndMarker { area, offset } => {
                write!(f, "{area} at offset {offset}: no end-of-fields marker C1h")
            }
            Self::RecordLength {
                record_type,
                expected,
                actual,
            } => write!(
                f,
                "multirecord type {record_type:02X}h has {actual} data bytes, its layout has {expected}"
            ),
        }
    }
}

impl core::error::Error for FruError {}

/// A type/length field whose bytes do not decode to text (§13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum TextError {
    /// The field is binary (type 00b); it has no text.
    Binary,
    /// A BCD plus digit Dh–Fh, which Table 13-1 reserves.
    ReservedBcdDigit {
        /// Index of the data byte that holds it.
        index: usize,
        /// The digit.
        digit: u8,
    },
    /// A 2-byte Unicode field with an odd number of bytes.
    OddUnicodeLength,
    /// A 2-byte Unicode unit that is not a character (a UTF-16 surrogate).
    InvalidUnicode {
        /// Index of the unit's first data byte.
        index: usize,
        /// The unit.
        unit: u16,
    },
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Binary => f.write_str("binary field has no text"),
            Self::ReservedBcdDigit { index, digit } => {
                write!(f, "reserved BCD plus digit {digit:X}h in data byte {index}")
            }
            Self::OddUnicodeLength => f.write_str("2-byte Unicode field has an odd length"),
            Self::InvalidUnicode { index, unit } => write!(
                f,
                "Unicode unit {unit:04X}h at data byte {index} is not a character"
            ),
        }
    }
}

impl core::error::Error for TextError {}

/// A field value that cannot be encoded as a type/length field (§13.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum EncodeError {
    /// The encoded data is longer than the 63 bytes a type/length byte can count.
    TooLong {
        /// Its encoded length in bytes.
        len: usize,
    },
    /// A character the chosen encoding cannot hold (6-bit ASCII: U+0020–U+005F; BCD plus:
    /// `0`–`9`, space, `-`, `.`; 8-bit: U+0000–U+00FF; 2-byte Unicode: U+0000–U+FFFF).
    Unencodable {
        /// The character.
        ch: char,
    },
    /// A one-byte 8-bit text field: its type/length byte would be C1h, the end-of-fields
    /// marker. Use another encoding or another length.
    SingleByteText,
    /// The output buffer is too small.
    BufferTooSmall {
        /// Bytes needed.
        needed: usize,
        /// Bytes available.
        available: usize,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::TooLong { len } => write!(
                f,
                "field encodes to {len} bytes, a type/length byte counts at most 63"
            ),
            Self::Unencodable { ch } => write!(
                f,
                "character {ch:?} cannot be written in the chosen encoding"
            ),
            Self::SingleByteText => {
                f.write_str("a one-byte 8-bit text field would be the end-of-fields marker C1h")
            }
            Self::BufferTooSmall { needed, available } => {
                write!(f, "field needs {needed} bytes, the buffer has {available}")
            }
        }
    }
}

impl core::error::Error for EncodeError {}

/// A value the FRU builder cannot write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum BuildError {
    /// The output buffer is smaller than the image.
    BufferTooSmall {
        /// Bytes the image needs.
        needed: usize,
        /// Bytes the buffer has.
        available: usize,
    },
    /// A field of an info area cannot be encoded.
    Field {
        /// The area.
        area: Area,
        /// The field, in the specification's words (`"custom"` for a custom field).
        field: &'static str,
        /// Why.
        error: EncodeError,
    },
    /// An area is longer than the 2040 bytes (255 × 8) its length byte can give, or starts
    /// beyond the 2040 bytes the common header can point to.
    AreaTooLong {
        /// The area.
        area: Area,
        /// Its length (or, for a start offset, the offset) in bytes.
        len: usize,
    },
    /// A multirecord record's data is longer than the 255 bytes its length byte counts.
    RecordTooLong {
        /// The record type byte.
        record_type: u8,
        /// The data length.
        len: usize,
    },
    /// A value does not fit its bit field.
    FieldRange {
        /// The field, in the specification's words.
        field: &'static str,
        /// The value.
        value: u32,
        /// The largest value the field holds.
        max: u32,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::BufferTooSmall { needed, available } => write!(
                f,
                "FRU image needs {needed} bytes, the buffer has {available}"
            ),
            Self::Field { area, field, error } => write!(f, "{area}, {field} field: {error}"),
            Self::AreaTooLong { area, len } => write!(
                f,
                "{area}: {len} bytes is beyond the 2040 bytes the format can address"
            ),
            Self::RecordTooLong { record_type, len } => write!(
                f,
                "multirecord type {record_type:02X}h: {len} data bytes, the length byte counts at most 255"
            ),
            Self::FieldRange { field, value, max } => write!(
                f,
                "{field} = {value} does not fit: the field holds at most {max}"
            ),
        }
    }
}

impl core::error::Error for BuildError {}
