//! Host side: a Linux `/dev/i2c-N` character device as an embedded-hal 1.0 I2C bus (feature
//! `std`, Linux and Android only), so the same [`Smbus`] and
//! [`PmbusDevice`](crate::device::PmbusDevice) code that runs on a microcontroller runs on a
//! BMC with Linux, or on a test host with a USB–I2C adapter.
//!
//! Each embedded-hal transaction becomes one `I2C_RDWR` ioctl (a write and a read joined by a
//! repeated start), through the `i2cdev` crate. Two things differ from a plain `i2cdev`
//! adapter, on purpose:
//!
//! - No `I2C_SLAVE` ioctl: the address travels in each message. So a device that a kernel
//!   driver has claimed (an `adm1275` or `pmbus` hwmon driver, say) can still be read, where
//!   `I2C_SLAVE` would fail with `EBUSY`. Both then talk to the device: reading is harmless,
//!   writing behind a kernel driver's back is the caller's responsibility.
//! - Errors keep their errno and map to embedded-hal kinds the way bus drivers report them:
//!   `ENXIO` (i801, most drivers), `EREMOTEIO` (DesignWare and others) and `ENODEV` are a NACK,
//!   so the SMBus layer can tell "not implemented" from a bus fault; `EAGAIN` is arbitration
//!   loss; `ETIMEDOUT`, `EIO` and `EBUSY` are bus errors.
//!
//! The adapter's driver must support plain I2C transfers (`I2C_FUNC_I2C`); a few SMBus-only
//! controllers do not.
//!
//! ```no_run
//! use smbus_pmbus::device::{catalog, Psu, Quantity};
//!
//! let bus = smbus_pmbus::linux::open("/dev/i2c-1")?;
//! let mut psu = Psu::new(bus, 0x58, catalog::CRPS_PSU);
//! println!("VIN {}", psu.read(Quantity::Vin, 0)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::path::Path;

use embedded_hal::i2c::{ErrorKind, ErrorType, I2c, NoAcknowledgeSource, Operation};
use i2cdev::core::{I2CMessage, I2CTransfer};
use i2cdev::linux::{I2CMessageFlags, LinuxI2CBus, LinuxI2CMessage};

pub use i2cdev::linux::LinuxI2CError;

#[cfg(doc)]
use crate::smbus::Smbus;

/// An open `/dev/i2c-N`.
#[derive(Debug)]
pub struct LinuxI2c {
    bus: LinuxI2CBus,
}

/// Opens an I2C bus device such as `/dev/i2c-1` (needs read/write permission on it).
///
/// # Errors
///
/// The error of `open(2)` on the path.
pub fn open(path: impl AsRef<Path>) -> Result<LinuxI2c, LinuxI2CError> {
    Ok(LinuxI2c {
        bus: LinuxI2CBus::new(path)?,
    })
}

/// A failed transfer: the `i2cdev` error, with its errno.
#[derive(Debug)]
pub struct LinuxError(pub LinuxI2CError);

// errno values (Linux, all architectures this runs on).
const EIO: i32 = 5;
const ENXIO: i32 = 6;
const EAGAIN: i32 = 11;
const EBUSY: i32 = 16;
const ENODEV: i32 = 19;
const ETIMEDOUT: i32 = 110;
const EREMOTEIO: i32 = 121;

impl LinuxError {
    /// The errno, if the kernel returned one.
    pub fn errno(&self) -> Option<i32> {
        match &self.0 {
            LinuxI2CError::Errno(e) => Some(*e),
            LinuxI2CError::Io(e) => e.raw_os_error(),
        }
    }
}

impl embedded_hal::i2c::Error for LinuxError {
    fn kind(&self) -> ErrorKind {
        match self.errno() {
            Some(ENXIO | EREMOTEIO | ENODEV) => {
                ErrorKind::NoAcknowledge(NoAcknowledgeSource::Unknown)
            }
            Some(EAGAIN) => ErrorKind::ArbitrationLoss,
            Some(ETIMEDOUT | EIO | EBUSY) => ErrorKind::Bus,
            _ => ErrorKind::Other,
        }
    }
}

impl fmt::Display for LinuxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for LinuxError {}

impl ErrorType for LinuxI2c {
    type Error = LinuxError;
}

impl I2c for LinuxI2c {
    fn transaction(
        &mut self,
        address: u8,
        operations: &mut [Operation<'_>],
    ) -> Result<(), LinuxError> {
        // embedded-hal: adjacent operations of the same kind continue without a new start
        // (I2C_M_NOSTART); a change of direction gets a repeated start.
        let mut messages = Vec::with_capacity(operations.len());
        let mut previous_read = None;
        for op in operations.iter_mut() {
            let (message, read) = match op {
                Operation::Read(buf) => (LinuxI2CMessage::read(buf), true),
                Operation::Write(bytes) => (LinuxI2CMessage::write(bytes), false),
            };
            let mut message = message.with_address(u16::from(address));
            if previous_read == Some(read) {
                let flags = if read {
                    I2CMessageFlags::READ
                } else {
                    I2CMessageFlags::empty()
                };
                message = message.with_flags(flags | I2CMessageFlags::NO_START);
            }
            previous_read = Some(read);
            messages.push(message);
        }
        self.bus
            .transfer(&mut messages)
            .map(drop)
            .map_err(LinuxError)
    }
}
