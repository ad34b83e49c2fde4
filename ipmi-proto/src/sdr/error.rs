//! Errors of the SDR module. Every fallible operation returns one of these; none panics.

use core::fmt;

/// Why an SDR record could not be parsed or emitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum SdrError {
    /// The bytes end before the 5-byte header or before a field the record type requires.
    Truncated {
        /// Bytes the record (or header) needs at least.
        needed: usize,
        /// Bytes present.
        got: usize,
    },
    /// A slice handed to [`crate::sdr::SdrRecordRef::new`] is not exactly header plus the body
    /// length its header states (IPMI 2.0 §43, byte 5 "record length").
    LengthMismatch {
        /// 5 + the header's record length byte.
        stated: usize,
        /// The slice length.
        actual: usize,
    },
    /// The SDR version byte is not 51h (IPMI 2.0 §43: "51h for this specification"); the
    /// typed layouts of this module are those of version 51h.
    UnsupportedVersion(u8),
    /// A typed parser was given a record of another type.
    WrongRecordType {
        /// The record type the parser reads.
        expected: u8,
        /// The record type byte found.
        found: u8,
    },
    /// The output buffer is shorter than the record.
    BufferTooSmall {
        /// Bytes the record needs.
        needed: usize,
        /// Bytes available.
        got: usize,
    },
    /// A field value does not fit its bits in the record.
    FieldOutOfRange {
        /// The field, as IPMI 2.0 §43 names it.
        field: &'static str,
        /// The rejected value.
        value: i32,
        /// The smallest value the field holds.
        min: i32,
        /// The largest value the field holds.
        max: i32,
    },
    /// A body longer than the 255 bytes the record length byte can state.
    RecordTooLong {
        /// The body length that was asked for.
        body_len: usize,
    },
    /// An ID string's type/length byte states more bytes than the string holds.
    IdStringLength {
        /// Length stated in the type/length byte (bits 4:0).
        stated: usize,
        /// Bytes held.
        held: usize,
    },
    /// A character that the chosen ID string encoding cannot represent.
    IdStringCharacter {
        /// The character.
        ch: char,
    },
}

impl fmt::Display for SdrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Truncated { needed, got } => {
                write!(
                    f,
                    "SDR record truncated: {got} bytes, at least {needed} needed"
                )
            }
            Self::LengthMismatch { stated, actual } => write!(
                f,
                "SDR record length mismatch: header states {stated} bytes, slice has {actual}"
            ),
            Self::UnsupportedVersion(v) => {
                write!(f, "SDR version {v:02X}h is not supported (51h expected)")
            }
            Self::WrongRecordType { expected, found } => write!(
                f,
                "SDR record type {found:02X}h where {expected:02X}h was expected"
            ),
            Self::BufferTooSmall { needed, got } => write!(
                f,
                "output buffer too small for the SDR record: {got} bytes, {needed} needed"
            ),
            Self::FieldOutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{field} = {value} does not fit the range {min}..={max}"),
            Self::RecordTooLong { body_len } => write!(
                f,
                "SDR record body of {body_len} bytes is longer than the 255 a record can state"
            ),
            Self::IdStringLength { stated, held } => write!(
                f,
                "ID string type/length byte states {stated} bytes, {held} present"
            ),
            Self::IdStringCharacter { ch } => {
                write!(
                    f,
                    "character {ch:?} cannot be encoded in this ID string type"
                )
            }
        }
    }
}

impl core::error::Error for SdrError {}

/// A record stream ends inside a record: its header, or its body as the header states it,
/// is incomplete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TruncatedRecord {
    /// Byte offset of the partial record from the start of the stream.
    pub offset: usize,
    /// Bytes of it present.
    pub len: usize,
    /// Bytes it needs: 5 when the header itself is incomplete, else 5 + the record length byte.
    pub needed: usize,
}

impl fmt::Display for TruncatedRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "truncated SDR record at byte offset {} (0x{:x}): {} of {} bytes present",
            self.offset, self.offset, self.len, self.needed
        )
    }
}

impl core::error::Error for TruncatedRecord {}

/// Why a reading could not be converted (IPMI 2.0 §36.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ConversionError {
    /// The sensor's analog data format is 11b: it has no analog reading.
    NotAnalog,
    /// The linearization code is reserved (0Ch–6Fh, or bit 7 set): no formula is defined.
    ReservedLinearization(u8),
    /// The formula has no finite value for this reading (for example `ln` of a negative
    /// number, or `1/x` at 0).
    NotFinite,
    /// The value given for the reverse conversion is NaN.
    NanValue,
    /// The value is outside the range of values the 256 raw readings convert to.
    OutOfRange,
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::NotAnalog => f.write_str("the sensor has no analog reading (format 11b)"),
            Self::ReservedLinearization(l) => {
                write!(
                    f,
                    "linearization {l:02X}h is reserved; no formula is defined"
                )
            }
            Self::NotFinite => f.write_str("the conversion has no finite value for this reading"),
            Self::NanValue => f.write_str("the value to convert is NaN"),
            Self::OutOfRange => {
                f.write_str("the value is outside the range the sensor's raw readings cover")
            }
        }
    }
}

impl core::error::Error for ConversionError {}
