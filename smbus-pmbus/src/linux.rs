//! Host side: the Linux `/dev/i2c-N` character device as an embedded-hal 1.0 I2C bus (feature
//! `std`), so the same [`Smbus`] and [`PmbusDevice`](crate::device::PmbusDevice) code that runs
//! on a microcontroller runs on a BMC with Linux, or on a test host with a USB–I2C adapter.
//!
//! The bus is [`linux_embedded_hal::I2cdev`]: each SMBus transfer becomes one `I2C_RDWR` ioctl
//! (a write and a read joined by a repeated start), so the adapter's driver must support plain
//! I2C transfers (most do; a few SMBus-only controllers do not).
//!
//! ```no_run
//! use smbus_pmbus::device::{catalog, Psu, Quantity};
//!
//! let bus = smbus_pmbus::linux::open("/dev/i2c-1")?;
//! let mut psu = Psu::new(bus, 0x58, catalog::CRPS_PSU);
//! println!("VIN {}", psu.read(Quantity::Vin, 0)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use linux_embedded_hal::I2cdev;
pub use linux_embedded_hal::i2cdev::linux::LinuxI2CError;

#[cfg(doc)]
use crate::smbus::Smbus;

/// Opens an I2C bus device such as `/dev/i2c-1` (needs read/write permission on it).
///
/// # Errors
///
/// The error of `open(2)` on the path.
pub fn open(path: impl AsRef<std::path::Path>) -> Result<I2cdev, LinuxI2CError> {
    I2cdev::new(path)
}
