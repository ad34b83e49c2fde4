//! The error type of SMBus transfers.

use core::convert::Infallible;
use core::fmt;

/// Why an SMBus transfer failed.
///
/// `E` is the I2C driver's error type. Errors other than [`Error::I2c`] come from this crate's
/// checks: the argument checks ([`InvalidAddress`](Error::InvalidAddress),
/// [`DataTooLong`](Error::DataTooLong)) happen before the bus is touched; the others describe
/// what a device sent back.
///
/// ```
/// use embedded_hal::i2c::{ErrorKind, NoAcknowledgeSource};
/// use smbus_pmbus::smbus::Error;
///
/// let nack: Error<ErrorKind> = Error::I2c(ErrorKind::NoAcknowledge(NoAcknowledgeSource::Address));
/// assert!(nack.is_nack());
///
/// let pec: Error<ErrorKind> = Error::Pec { expected: 0xD8, received: 0xD9 };
/// assert!(!pec.is_nack());
/// assert_eq!(pec.to_string(), "PEC mismatch: computed D8h, received D9h");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Error<E> {
    /// The I2C driver reported an error: no acknowledge, arbitration loss, bus error, ….
    /// [`Error::is_nack`] tells a NACK from the rest.
    I2c(E),
    /// The address is not a 7-bit address (above 7Fh). Nothing was sent.
    InvalidAddress(u8),
    /// The PEC byte received does not match the PEC computed over the bytes of the transfer
    /// (SMBus 3.x §6.4). The data read is not returned.
    Pec {
        /// The PEC computed over the transfer.
        expected: u8,
        /// The PEC byte the device sent.
        received: u8,
    },
    /// A block read returned a count above the configured block limit (SMBus 2.0: 32, SMBus 3.x:
    /// 255), or, in a Block Write-Block Read Process Call, above what the limit leaves after the
    /// bytes written.
    BlockCountTooLarge {
        /// The count byte received.
        count: u8,
        /// The largest count that was allowed.
        limit: u8,
    },
    /// A block read returned more bytes than the caller's buffer holds.
    BufferTooSmall {
        /// The count byte received.
        needed: usize,
        /// The length of the caller's buffer.
        capacity: usize,
    },
    /// [`Smbus::block_read_exact`](super::Smbus::block_read_exact): the count byte received is not
    /// the length asked for.
    BlockCountMismatch {
        /// The length asked for (the buffer's length).
        expected: usize,
        /// The count byte received.
        received: u8,
    },
    /// The data to write, or the fixed or exact length to read, is longer than the transfer
    /// allows: the block limit for block transfers (less what was already written, for the read
    /// half of a process call), 255 bytes for fixed-length transfers. Nothing was sent.
    DataTooLong {
        /// The length given.
        len: usize,
        /// The largest length allowed.
        limit: usize,
    },
}

impl<E: embedded_hal::i2c::Error> Error<E> {
    /// Whether this is an I2C "no acknowledge" (of the address or of a data byte): usually no
    /// device at that address, a device that is busy, or one that refused the command.
    #[must_use]
    pub fn is_nack(&self) -> bool {
        match self {
            Self::I2c(e) => matches!(e.kind(), embedded_hal::i2c::ErrorKind::NoAcknowledge(_)),
            _ => false,
        }
    }
}

impl<E> Error<E> {
    /// The I2C driver's error, if this is one.
    #[must_use]
    pub fn i2c_error(&self) -> Option<&E> {
        match self {
            Self::I2c(e) => Some(e),
            _ => None,
        }
    }

    /// The same error with the I2C driver's error converted by `f` (for wrapping bus errors in a
    /// caller's own type).
    pub fn map_i2c<F, G: FnOnce(E) -> F>(self, f: G) -> Error<F> {
        match self {
            Self::I2c(e) => Error::I2c(f(e)),
            Self::InvalidAddress(a) => Error::InvalidAddress(a),
            Self::Pec { expected, received } => Error::Pec { expected, received },
            Self::BlockCountTooLarge { count, limit } => Error::BlockCountTooLarge { count, limit },
            Self::BufferTooSmall { needed, capacity } => Error::BufferTooSmall { needed, capacity },
            Self::BlockCountMismatch { expected, received } => {
                Error::BlockCountMismatch { expected, received }
            }
            Self::DataTooLong { len, limit } => Error::DataTooLong { len, limit },
        }
    }
}

impl Error<Infallible> {
    /// Widens a check's error (which cannot hold an I2C error) to any bus's error type.
    pub(crate) fn widen<E>(self) -> Error<E> {
        self.map_i2c(|never| match never {})
    }
}

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::I2c(e) => write!(f, "I2C error: {e:?}"),
            Self::InvalidAddress(a) => write!(f, "address {a:02X}h is not a 7-bit address"),
            Self::Pec { expected, received } => write!(
                f,
                "PEC mismatch: computed {expected:02X}h, received {received:02X}h"
            ),
            Self::BlockCountTooLarge { count, limit } => {
                write!(f, "block count {count} is above the limit of {limit} bytes")
            }
            Self::BufferTooSmall { needed, capacity } => write!(
                f,
                "block of {needed} bytes does not fit a buffer of {capacity} bytes"
            ),
            Self::BlockCountMismatch { expected, received } => {
                write!(f, "block count {received} received, {expected} expected")
            }
            Self::DataTooLong { len, limit } => write!(
                f,
                "{len} bytes is longer than this transfer allows ({limit} bytes)"
            ),
        }
    }
}

impl<E: fmt::Debug> core::error::Error for Error<E> {}
