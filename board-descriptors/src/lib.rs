//! # board-descriptors
//!
//! A declarative file format for boards — connector pinouts with the level expected on each
//! pin in each ACPI power state, buses and the devices on them, sensors, rails and power budgets —
//! validated, compiled into firmware at build time, and exported to other tools.
//!
//! **Status: not implemented yet.** This crate reserves its place in the workspace and states
//! its purpose; it has no public API so far. The work is tracked in the project's a later issue.
//! What it will provide:
//!
//! - a file format and a validator that reports every problem with its location, never a crash;
//! - connector pinouts with expected levels per power state (from `acpi-state`);
//! - buses, SMBus/PMBus devices (from `smbus-pmbus`) and IPMI sensors (from `ipmi-proto`);
//! - power budgets per rail, checked against the supply;
//! - build-time compilation into constants for firmware, and exporters for other tools.
//!
//! Like every crate of the family it is `no_std` first, forbids `unsafe`, and never panics on
//! untrusted input.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
