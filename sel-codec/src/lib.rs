//! # sel-codec
//!
//! IPMI System Event Log (SEL) records (IPMI 2.0 chapter 32) and the code tables of
//! chapter 42, for BMC firmware that writes records and for host tools that read them.
//!
//! **Status: not implemented yet.** This crate reserves its place in the workspace and states
//! its purpose; it has no public API so far. The work is tracked in the project's issue 3.
//! What it will provide:
//!
//! - a zero-copy view and an owned `Copy` representation of the 16-byte record, lossless for every input;
//! - the sensor-type, event/reading-type and sensor-specific offset tables of IPMI 2.0 chapter 42 as data;
//! - builders for the events firmware emits most (ACPI power state via `acpi-state`, boot/restart, thresholds, power supply);
//! - allocation-free formatters that print exactly what `ipmitool sel list` prints, plus `elist`, verbose and JSON forms;
//! - an iterator over raw SEL dumps that reports a trailing partial record with its offset.
//!
//! Like every crate of the family it is `no_std` first, forbids `unsafe`, and never panics on
//! untrusted input.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
