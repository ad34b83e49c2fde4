//! The Linux adapter's errno → embedded-hal error kinds, which decide whether the SMBus layer
//! sees "not implemented" (NACK) or a bus fault. (Transfers need a real `/dev/i2c-N`, which CI
//! machines do not have.)
#![cfg(all(feature = "std", any(target_os = "linux", target_os = "android")))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use embedded_hal::i2c::{Error, ErrorKind, NoAcknowledgeSource};
use smbus_pmbus::linux::{LinuxError, LinuxI2CError};

fn kind(errno: i32) -> ErrorKind {
    LinuxError(LinuxI2CError::Errno(errno)).kind()
}

#[test]
fn errno_kinds() {
    let nack = ErrorKind::NoAcknowledge(NoAcknowledgeSource::Unknown);
    assert_eq!(kind(6), nack); // ENXIO (i801 and most drivers)
    assert_eq!(kind(121), nack); // EREMOTEIO (DesignWare)
    assert_eq!(kind(19), nack); // ENODEV
    assert_eq!(kind(11), ErrorKind::ArbitrationLoss); // EAGAIN
    assert_eq!(kind(110), ErrorKind::Bus); // ETIMEDOUT
    assert_eq!(kind(5), ErrorKind::Bus); // EIO
    assert_eq!(kind(16), ErrorKind::Bus); // EBUSY
    assert_eq!(kind(22), ErrorKind::Other); // EINVAL
    let io = LinuxError(LinuxI2CError::Io(std::io::Error::from_raw_os_error(121)));
    assert_eq!(io.kind(), nack);
    assert_eq!(io.errno(), Some(121));
}

#[test]
fn open_missing_device_is_an_error() {
    let e = smbus_pmbus::linux::open("/nonexistent/i2c-99").unwrap_err();
    assert!(!e.to_string().is_empty());
}
