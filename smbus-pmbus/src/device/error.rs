//! The device layer's error.

use core::fmt;

use crate::command::{CommandCode, OnOffConfig, WriteProtect};
use crate::device::Quantity;
use crate::format::{DecodeError, EncodeError, VoutMode};
use crate::smbus;

/// Why a device operation failed. `E` is the I2C bus's error type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum DeviceError<E> {
    /// The SMBus transfer failed (NACK, bus error, PEC mismatch, bad block count).
    Bus(smbus::Error<E>),
    /// The description has no sensor for this quantity on this page.
    NoSuchSensor {
        /// The quantity asked for.
        quantity: Quantity,
        /// The page asked for.
        page: u8,
    },
    /// The page is not below the description's page count.
    NoSuchPage {
        /// The page asked for.
        page: u8,
    },
    /// The value cannot be decoded with what the description provides: `VOUT_MODE` says DIRECT
    /// but there are no VOUT coefficients, or VID with no VID table, or reads FFh (no
    /// `VOUT_MODE` at all), or a DIRECT sensor lacks its coefficient set.
    FormatUnknown {
        /// The command whose value could not be decoded.
        command: CommandCode,
        /// `VOUT_MODE` of its page, if it mattered.
        vout_mode: Option<VoutMode>,
    },
    /// `WRITE_PROTECT` (10h) forbids writing this command; nothing was written.
    WriteProtected {
        /// The command that would have been written.
        command: CommandCode,
        /// The protection level read from the device.
        level: WriteProtect,
    },
    /// `ON_OFF_CONFIG` (02h) says the device ignores `OPERATION`'s on/off bit (its `PU` or `CMD`
    /// bit is clear), so writing `OPERATION` would not switch the output. Nothing was written.
    OperationIgnored {
        /// The value read from the device.
        on_off_config: OnOffConfig,
    },
    /// A value to write does not fit the device's format.
    Encode(EncodeError),
    /// The device has no energy meter in its description.
    NoEnergyMeter,
    /// Energy readings that cannot be combined: no samples in between, or a reading above the
    /// meter's rollover point.
    Energy(DecodeError),
    /// The description lists more sensors than a [`Telemetry`](super::Telemetry) holds
    /// ([`MAX_READINGS`](super::MAX_READINGS)); nothing was read.
    TooManySensors {
        /// How many the description lists.
        count: usize,
    },
}

impl<E> From<smbus::Error<E>> for DeviceError<E> {
    fn from(e: smbus::Error<E>) -> Self {
        Self::Bus(e)
    }
}

impl<E> From<EncodeError> for DeviceError<E> {
    fn from(e: EncodeError) -> Self {
        Self::Encode(e)
    }
}

impl<E: fmt::Debug> fmt::Display for DeviceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bus(e) => write!(f, "bus: {e}"),
            Self::NoSuchSensor { quantity, page } => {
                write!(
                    f,
                    "the device description has no {} sensor on page {page}",
                    quantity.label()
                )
            }
            Self::NoSuchPage { page } => write!(f, "page {page} is beyond the device's pages"),
            Self::FormatUnknown {
                command,
                vout_mode: Some(m),
            } if m.is_unimplemented() => write!(
                f,
                "cannot decode {command}: VOUT_MODE reads FFh, what a device without VOUT_MODE answers"
            ),
            Self::FormatUnknown {
                command,
                vout_mode: Some(m),
            } => write!(
                f,
                "cannot decode {command}: VOUT_MODE {:02X}h needs coefficients or a VID table the description lacks",
                m.raw()
            ),
            Self::FormatUnknown {
                command,
                vout_mode: None,
            } => {
                write!(
                    f,
                    "cannot decode {command}: the description lacks its DIRECT coefficients"
                )
            }
            Self::WriteProtected { command, level } => {
                write!(
                    f,
                    "WRITE_PROTECT ({:02X}h) forbids writing {command}",
                    level.bits()
                )
            }
            Self::OperationIgnored { on_off_config } => write!(
                f,
                "ON_OFF_CONFIG {:02X}h: the device does not switch on OPERATION commands",
                on_off_config.0
            ),
            Self::Encode(e) => write!(f, "value does not fit the format: {e}"),
            Self::NoEnergyMeter => f.write_str("the device description has no energy meter"),
            Self::Energy(e) => write!(f, "energy readings: {e}"),
            Self::TooManySensors { count } => write!(
                f,
                "the description lists {count} sensors, more than the {} a poll holds",
                super::MAX_READINGS
            ),
        }
    }
}

impl<E: fmt::Debug> core::error::Error for DeviceError<E> {}
