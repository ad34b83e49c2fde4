//! # acpi-state
//!
//! ACPI power states as server firmware and BMCs exchange them: the ACPI global, sleeping and
//! device states; the combined system state of IPMI's Set/Get ACPI Power State commands, under
//! the names OpenBMC and ipmitool use; which changes between them ACPI allows; a tracker a BMC
//! feeds with events; and what is powered in each state.
//!
//! `no_std`, no allocator, no `unsafe`, no panics: every conversion is total and every error is
//! a typed value.
//!
//! ## A BMC that tracks its host
//!
//! ```
//! use acpi_state::ipmi::SetAcpiPowerState;
//! use acpi_state::{Event, SensorAccess, SensorSupply, SystemPowerState, Tracker, Verdict};
//!
//! let mut host = Tracker::new();
//! let dimm_temp = SensorSupply::main().shared_with_host();
//!
//! // The host's firmware sends Set ACPI Power State (NetFn 06h, cmd 06h): S2, D2.
//! let request = [0x82, 0x82];
//! let update = host.apply(Event::HostSet(SetAcpiPowerState::parse(&request)?));
//! assert_eq!(update.system.to, SystemPowerState::S2);
//! assert_eq!(update.verdict, Verdict::Expected);
//!
//! // While firmware owns the DIMM SMBus, do not poll the DIMM thermal sensors.
//! assert_eq!(host.system().sensor_access(dimm_temp), SensorAccess::HostOwnsBus);
//!
//! // The OS is up: S0/G0, D0.
//! host.apply(Event::HostSet(SetAcpiPowerState::parse(&[0x80, 0x80])?));
//! assert_eq!(host.system().sensor_access(dimm_temp), SensorAccess::Read);
//! assert_eq!(host.system().to_string(), "S0_G0_D0");
//! # Ok::<(), acpi_state::LengthError>(())
//! ```
//!
//! ## Codes and names
//!
//! | where | type | conversion |
//! |---|---|---|
//! | IPMI Set/Get ACPI Power State bytes | [`ipmi::SetAcpiPowerState`], [`ipmi::GetAcpiPowerStateResponse`] | `from_bytes` / `to_bytes`, lossless for all 65,536 pairs |
//! | IPMI system / device codes (bits 6:0) | [`ipmi::SystemCode`], [`ipmi::DeviceCode`] | `from_bits` / `bits`, lossless for all 128 values |
//! | OpenBMC D-Bus names | [`SystemPowerState`] | `Display` / `FromStr`, [`SystemPowerState::dbus`] |
//! | SEL sensor type 22h offsets, ipmitool text | [`SystemPowerState`] | [`SystemPowerState::sel_offset`] / [`SystemPowerState::from_sel_offset`], [`SystemPowerState::ipmitool_text`] |
//! | Linux sysfs `power_state` | [`SysfsPowerState`], [`DevicePowerState`] | `Display` / `FromStr` |
//! | ACPI G/S/D states | [`GlobalState`], [`SleepState`], [`DevicePowerState`] | `Display` / `FromStr` |
//!
//! ## Features
//!
//! - `serde`: `Serialize`/`Deserialize` for every public type; states use their canonical names,
//!   IPMI codes their byte value.
//! - `defmt`: `defmt::Format` for every public type.
//!
//! ## Specifications
//!
//! ACPI 6.5 §2.2–2.4 and §16.1 (states and transitions); IPMI 2.0 §20.6–20.7 (Set/Get ACPI Power
//! State) and Table 42-3 (sensor type 22h); PCI Bus Power Management Interface 1.2 (device
//! state transitions). Each item cites the section it implements.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod acpi;
mod error;
pub mod ipmi;
mod possible;
mod power;
mod system;
mod tracker;
mod transition;

pub use acpi::{DevicePowerState, GlobalState, SleepState, SysfsPowerState};
pub use error::{BufferTooSmall, LengthError, NameKind, ParseNameError, SelOffsetError};
pub(crate) use possible::Possible;
pub use power::{Answer, Rail, SensorAccess, SensorSupply};
pub use system::{DBUS_ENUM_PREFIX, DbusName, SystemPowerState};
pub use tracker::{Event, Step, Tracker, Update, Verdict};
pub use transition::{
    DeviceTransition, IllegalTransition, Rule, Transition, device_transition,
    ipmi_device_transition, transition,
};
