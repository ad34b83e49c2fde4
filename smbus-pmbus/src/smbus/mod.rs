//! SMBus 3.x transactions over an embedded-hal 1.0 I2C bus, with Packet Error Checking.
//!
//! [`Smbus`] wraps a blocking [`embedded_hal::i2c::I2c`]; with the `async` feature,
//! `SmbusAsync` wraps an [`embedded_hal_async::i2c::I2c`](https://docs.rs/embedded-hal-async)
//! and has the same methods as `async fn`s. Both are generated from one source, and the blocking
//! one exists whether or not `async` is on.
//!
//! # Protocols (SMBus 3.x §6.5)
//!
//! | SMBus protocol                     | method                                                  |
//! |------------------------------------|---------------------------------------------------------|
//! | Quick Command                      | [`Smbus::quick_command`]                                |
//! | Send Byte / Receive Byte           | [`Smbus::send_byte`], [`Smbus::receive_byte`]           |
//! | Write / Read Byte                  | [`Smbus::write_byte`], [`Smbus::read_byte`]             |
//! | Write / Read Word                  | [`Smbus::write_word`], [`Smbus::read_word`]             |
//! | Write / Read 32, Write / Read 64   | [`Smbus::write_u32`], [`Smbus::read_u32`], [`Smbus::write_u64`], [`Smbus::read_u64`] |
//! | Process Call                       | [`Smbus::process_call`]                                 |
//! | Block Write / Block Read           | [`Smbus::block_write`], [`Smbus::block_read`], [`Smbus::block_read_exact`] |
//! | Block Write-Block Read Process Call| [`Smbus::block_process_call`]                           |
//! | SMBALERT# / Alert Response Address | [`Smbus::alert_response`]                               |
//! | Host Notify                        | [`HostNotify`], [`Smbus::host_notify`]                  |
//!
//! Fixed-length transfers without a count byte (what PMBus calls a command with `N` data bytes,
//! for example a manufacturer register) are [`Smbus::write_bytes`] / [`Smbus::read_bytes`].
//! Multi-byte values are little endian on the wire (SMBus 3.x §6.5.4, "low byte first").
//!
//! # How a transfer maps onto embedded-hal
//!
//! Every SMBus transfer is exactly one embedded-hal call: `write` for a write, `read` for Receive
//! Byte and the Alert Response, and `write_read` (a repeated START between the two parts, no STOP)
//! for everything that writes a command code and reads an answer. The bytes of each part are
//! assembled into one buffer first rather than passed as several adjacent operations, because some
//! I2C drivers (Linux `i2c-dev` among them) put a repeated START between adjacent operations.
//! That buffer lives on the stack: at most 260 bytes for block transfers, and the transfer functions
//! never allocate.
//!
//! Addresses are 7-bit (`0x00..=0x7F`); anything larger is refused with [`Error::InvalidAddress`]
//! before the bus is touched.
//!
//! # Packet Error Checking
//!
//! With [`Config::pec`] on, writes append a PEC byte and reads read one more byte than the data
//! and compare it ([`Error::Pec`] on a mismatch). The PEC covers every byte on the wire, each
//! address byte with its R/W bit (SMBus 3.x §6.4):
//!
//! - write: `addr<<1, command…, data…`
//! - read: `addr<<1, command…, addr<<1 | 1, data…`
//! - Receive Byte / Alert Response: `addr<<1 | 1, data`
//!
//! Quick Command carries no data and so no PEC; Host Notify has no PEC byte either.
//!
//! # Block reads
//!
//! A block read's length (its count byte) is only known in the middle of the transfer, and an
//! embedded-hal read cannot change its length once started. [`Smbus::block_read`] therefore reads
//! `1 + min(limit, buf.len())` bytes (plus one for PEC) in one `write_read`, where `limit` is
//! [`Config::block_limit`], and then checks the count it got:
//!
//! 1. count above the limit: [`Error::BlockCountTooLarge`];
//! 2. count above `buf.len()`: [`Error::BufferTooSmall`];
//! 3. with PEC, the byte right after the data is the PEC over everything up to it: [`Error::Pec`]
//!    on a mismatch.
//!
//! Bytes read past the count (and PEC) are discarded; a device that stops early and NACKs shows up
//! as an I2C error ([`Error::I2c`]). A count of 0 is legal (SMBus 3.x). Callers that know the length
//! use [`Smbus::block_read_exact`], which reads no more than that.
//!
//! # Example
//!
//! ```
//! # use embedded_hal_mock::eh1::i2c::{Mock, Transaction};
//! use smbus_pmbus::smbus::{Config, Smbus};
//!
//! # let mut i2c = Mock::new(&[Transaction::write_read(0x5A, vec![0x8B], vec![0x07, 0x60, 0x93])]);
//! # let bus = i2c.clone();
//! let mut smbus = Smbus::with_config(bus, Config::new().with_pec(true));
//! // READ_VOUT (8Bh) of the PSU at 5Ah; the PSU answers 07h 60h and the PEC byte 93h.
//! assert_eq!(smbus.read_word(0x5A, 0x8B)?, 0x6007);
//! # i2c.done();
//! # Ok::<(), smbus_pmbus::smbus::Error<embedded_hal::i2c::ErrorKind>>(())
//! ```

mod bus;
mod error;
pub(crate) mod frame;
mod host_notify;
mod types;

pub use bus::Smbus;
#[cfg(feature = "async")]
pub use bus::SmbusAsync;
pub use error::Error;
pub use host_notify::{HOST_NOTIFY_LEN, HostNotify, HostNotifyError};
pub use types::{BlockLimit, Cmd, Config};

/// The SMBus Host's own address, 0001 000b (SMBus 3.x, reserved address table): devices send
/// [Host Notify](HostNotify) messages to it.
pub const HOST_ADDRESS: u8 = 0x08;

/// The Alert Response Address, 0001 100b (SMBus 3.x, SMBALERT#): a host reads one byte from it
/// to learn which device pulled SMBALERT# low. See [`Smbus::alert_response`].
pub const ALERT_RESPONSE_ADDRESS: u8 = 0x0C;

/// The largest 7-bit address.
pub const MAX_ADDRESS: u8 = 0x7F;
