//! # smbus-pmbus
//!
//! SMBus 3.x transactions with packet error checking over embedded-hal 1.0 (blocking, and async
//! with the `async` feature), the PMBus 1.3 command set as data, its data formats in floating
//! and fixed point, its status registers, and a driver for power supplies, hot-swap
//! controllers and regulators. For BMC firmware, board firmware and manufacturing testers.
//! `no_std`, no allocator, no `unsafe`, no panics on any input.
//!
//! | module | what it has |
//! |---|---|
//! | [`pec`] | CRC-8/SMBUS, table-driven (`const`) or bitwise (feature `pec-bitwise`) |
//! | [`smbus`] | [`Smbus`]: every SMBus protocol (quick command … block process call, 32/64-bit, ARA, Host Notify), PEC on all of them, checked block counts |
//! | [`command`] | the 256-row PMBus command table, CAPABILITY, QUERY, OPERATION, ON_OFF_CONFIG, WRITE_PROTECT, PAGE_PLUS |
//! | [`format`](mod@format) | LINEAR11, ULINEAR16/VOUT_MODE, DIRECT, VID (VR11, VR12, VR13, IMVP9, AMD), IEEE half, READ_EIN/EOUT energy |
//! | [`status`] | STATUS_WORD … STATUS_FANS_3_4 as bitflags, fault summaries, clearing, IPMI power-supply offsets |
//! | [`device`] | [`Psu`]/[`Regulator`] (one driver, [`device::PmbusDevice`]) and six real devices described as data |
//! | [`capture`] | decoding of captured transactions (hex lines, sigrok output): the `pmbus-decode` example |
//! | `linux` | (feature `std`, Linux) the `/dev/i2c-N` bus, for the `pmbus-probe` example |
//!
//! ```
//! # use embedded_hal_mock::eh1::i2c::{Mock, Transaction};
//! use smbus_pmbus::device::{catalog, Psu, Quantity};
//!
//! # let mut i2c = Mock::new(&[
//! #     Transaction::write_read(0x38, vec![0x88], vec![0x9C, 0xF3]),
//! #     Transaction::write_read(0x38, vec![0x20], vec![0x17]),
//! #     Transaction::write_read(0x38, vec![0x8B], vec![0x07, 0x18]),
//! #     Transaction::write_read(0x38, vec![0x79], vec![0x00, 0x00]),
//! # ]);
//! # let bus = i2c.clone();
//! // The blade PSU of our field notes answers at 38h. `bus` is any embedded-hal 1.0 I2C bus:
//! // a microcontroller's, or `smbus_pmbus::linux::open("/dev/i2c-1")` on a BMC.
//! let mut psu = Psu::new(bus, 0x38, catalog::CRPS_PSU);
//!
//! // Fixed point: no float code is linked unless `to_f32` is called.
//! assert_eq!(psu.read(Quantity::Vin, 0)?.milli(), Some(231_000)); // mV
//! let vout = psu.read(Quantity::Vout, 0)?; // VOUT_MODE is read once and remembered
//! assert_eq!(vout.to_string(), "12.014 V");
//!
//! let status = psu.status(0)?;
//! assert!(status.word.is_empty()); // no fault
//! # i2c.done();
//! # Ok::<(), smbus_pmbus::device::DeviceError<embedded_hal::i2c::ErrorKind>>(())
//! ```
//!
//! ## Features
//! - `async`: `SmbusAsync` and `PmbusDeviceAsync` (`PsuAsync`, `RegulatorAsync`) over
//!   embedded-hal-async, generated from the same source as the blocking API, which stays.
//! - `std`: the `linux` module (`/dev/i2c-N` through `I2C_RDWR`, Linux and Android only).
//! - `sel-codec`: conversions from [`status::IpmiPsuOffset`] to `sel_codec::PsuEvent`, to log PSU
//!   faults in an IPMI SEL.
//! - `defmt`: `defmt::Format` for the value and status types.
//! - `pec-bitwise`: compute PEC bit by bit instead of with a 256-byte table (saves flash).

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod capture;
pub mod command;
pub mod device;
pub mod format;
#[cfg(all(feature = "std", any(target_os = "linux", target_os = "android")))]
pub mod linux;
pub mod pec;
pub mod smbus;
pub mod status;

pub use device::{Psu, Regulator};
#[cfg(feature = "async")]
pub use smbus::SmbusAsync;
pub use smbus::{BlockLimit, Cmd, Config, Smbus};
