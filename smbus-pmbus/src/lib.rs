//! # smbus-pmbus
//!
//! SMBus 3.x transactions with packet error checking on top of embedded-hal 1.0, and the
//! PMBus 1.3 command set, data formats and status registers, for BMCs and manufacturing testers
//! that talk to power supplies, voltage regulators and hot-swap controllers.
//!
//! (crate documentation being written)

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod capture;
pub mod command;
pub mod device;
pub mod format;
#[cfg(feature = "std")]
pub mod linux;
pub mod pec;
pub mod smbus;
pub mod status;
