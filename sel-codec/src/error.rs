//! Error types. Every fallible operation of this crate returns one of these; none panics.

use core::fmt;

/// A byte slice that should hold exactly one 16-byte SEL record has another length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct LengthError {
    /// How many bytes were given.
    pub actual: usize,
}

impl fmt::Display for LengthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a SEL record is exactly 16 bytes, got {} bytes",
            self.actual
        )
    }
}

impl core::error::Error for LengthError {}

/// A raw SEL dump ends with a partial record: its length is not a multiple of 16.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TruncatedRecord {
    /// Byte offset of the partial record from the start of the dump.
    pub offset: usize,
    /// How many bytes of it are present (1 to 15).
    pub len: usize,
}

impl fmt::Display for TruncatedRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "truncated SEL record at byte offset {} (0x{:x}): {} of 16 bytes present",
            self.offset, self.offset, self.len
        )
    }
}

impl core::error::Error for TruncatedRecord {}

/// A record type byte outside the range a constructor accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RecordTypeError {
    /// The rejected record type byte.
    pub record_type: u8,
    /// The range the constructor accepts, for messages (for example `"C0h-DFh"`).
    pub expected: &'static str,
}

impl fmt::Display for RecordTypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "record type {:02X}h is not in the accepted range {}",
            self.record_type, self.expected
        )
    }
}

impl core::error::Error for RecordTypeError {}

/// A value does not fit the field a builder writes it to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FieldRangeError {
    /// The field, as IPMI 2.0 §29.7 / §32.1 names it.
    pub field: &'static str,
    /// The rejected value.
    pub value: u32,
    /// The largest value the field holds.
    pub max: u32,
}

impl fmt::Display for FieldRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} = {:#x} does not fit: the field holds at most {:#x}",
            self.field, self.value, self.max
        )
    }
}

impl core::error::Error for FieldRangeError {}
