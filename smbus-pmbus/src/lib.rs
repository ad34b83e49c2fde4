//! # smbus-pmbus
//!
//! SMBus 3.x transactions with packet error checking on top of embedded-hal 1.0, and the
//! PMBus 1.3 command set, data formats and status registers, for BMCs and manufacturing testers
//! that talk to power supplies, voltage regulators and hot-swap controllers.
//!
//! **Status: not implemented yet.** This crate reserves its place in the workspace and states
//! its purpose; it has no public API so far. The work is tracked in the project's issue 4.
//! What it will provide:
//!
//! - every SMBus protocol with PEC, blocking and (with the `async` feature) async, from one source;
//! - the PMBus 1.3 command table as data, paging, extended commands and manufacturer strings;
//! - LINEAR11, ULINEAR16, DIRECT, VID and IEEE half decoding and encoding, in `f32` and in fixed point;
//! - STATUS_* registers as bitflags, a PSU fault summary and the mapping to IPMI power-supply offsets;
//! - a `Psu<I2C>` driver that owns its bus, and a Linux `/dev/i2c-N` adapter behind the `std` feature.
//!
//! Like every crate of the family it is `no_std` first, forbids `unsafe`, and never panics on
//! untrusted input.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
