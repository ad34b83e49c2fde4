//! What is powered, and what is kept, in each system state; and whether a BMC may read a sensor.
//!
//! The physical facts per state (ACPI 6.5 §2.2, §2.4, §16.1; rail behaviour as on ATX-style
//! supplies, where the main rails follow `PS_ON#` and the standby rail stays up until G3):
//!
//! | state | standby rail | main rail | memory context | processor context |
//! |---|---|---|---|---|
//! | S0, legacy on | yes | yes | yes | yes |
//! | S1 | yes | yes | yes | yes |
//! | S2 | yes | yes | yes | no |
//! | S3 | yes | no | yes (self-refresh) | no |
//! | S4, S5, legacy off | yes | no | no | no |
//! | G3 | no | no | no | no |
//!
//! An imprecise value (`SLEEP`, `G1_SLEEP`, `S4_S5`, `Unknown`) answers [`Answer::Yes`] or
//! [`Answer::No`] only when every state it may stand for agrees, and [`Answer::Maybe`] otherwise.
//!
//! ```
//! use acpi_state::{Answer, Rail, SensorAccess, SensorSupply, SystemPowerState as S};
//!
//! // A CPU temperature sensor on the main rail, and a DIMM thermal sensor that shares its SMBus
//! // segment with the SPD EEPROMs the host firmware reads.
//! let cpu = SensorSupply::main();
//! let dimm = SensorSupply::main().shared_with_host();
//!
//! assert_eq!(S::S0G0.sensor_access(dimm), SensorAccess::Read);
//! // During S2_D2 (which OpenBMC platforms also use for "host firmware initialising") leave the
//! // DIMM bus alone; hold fans at a fixed speed instead.
//! assert_eq!(S::S2.sensor_access(dimm), SensorAccess::HostOwnsBus);
//! // In S5_G2 the CPU sensor is unpowered: mark it non-functional, do not enter fan fail-safe.
//! assert_eq!(S::S5G2.sensor_access(cpu), SensorAccess::Unpowered);
//! assert_eq!(S::S5G2.rail(Rail::Standby), Answer::Yes);
//! ```

use crate::possible::Phys;
use crate::system::SystemPowerState;

/// A three-valued answer: an imprecise state may not allow a yes or a no.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Answer {
    /// In every state the value may stand for.
    Yes,
    /// In none of them.
    No,
    /// In some only.
    Maybe,
}

impl Answer {
    const fn from_option(o: Option<bool>) -> Self {
        match o {
            Some(true) => Self::Yes,
            Some(false) => Self::No,
            None => Self::Maybe,
        }
    }

    /// `true` only for [`Answer::Yes`].
    pub const fn is_yes(self) -> bool {
        matches!(self, Self::Yes)
    }
}

/// A power rail of the managed system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Rail {
    /// The standby (auxiliary) rail, such as ATX 5VSB: up in every state but G3. The BMC itself
    /// usually runs from it.
    Standby,
    /// The main rails, such as ATX +12 V/+5 V/+3.3 V switched by `PS_ON#` and reported by
    /// `PWR_OK`: up in S0, S1 and S2.
    Main,
}

/// Where a sensor gets its power, and whether the host uses its bus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SensorSupply {
    /// The rail that powers the sensor.
    pub rail: Rail,
    /// `true` if host firmware also drives the sensor's bus (for example DIMM thermal sensors on
    /// the SMBus segment of the SPD EEPROMs, which firmware reads while it trains memory).
    pub shared_with_host: bool,
}

impl SensorSupply {
    /// A sensor on the standby rail, on a bus only the BMC uses.
    pub const fn standby() -> Self {
        Self {
            rail: Rail::Standby,
            shared_with_host: false,
        }
    }

    /// A sensor on the main rail, on a bus only the BMC uses.
    pub const fn main() -> Self {
        Self {
            rail: Rail::Main,
            shared_with_host: false,
        }
    }

    /// The same sensor, on a bus host firmware also uses.
    pub const fn shared_with_host(self) -> Self {
        Self {
            shared_with_host: true,
            ..self
        }
    }
}

/// What a BMC should do about a sensor in a given system state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SensorAccess {
    /// Powered and free: read it, and treat a missing reading as a fault.
    Read,
    /// Its rail is off: mark it unavailable (IPMI "reading unavailable"), not failed; a missing
    /// reading must not trigger fan fail-safe.
    Unpowered,
    /// Powered, but host firmware may be using its bus: do not poll it; hold the last reading or
    /// a safe fan speed.
    HostOwnsBus,
    /// The state is too imprecise to tell whether the rail is up: do not poll, do not alarm.
    Indeterminate,
}

impl SystemPowerState {
    /// Whether `rail` is up in this state.
    pub fn rail(self, rail: Rail) -> Answer {
        Answer::from_option(self.possible().all_or_none(|p| phys_rail(p, rail)))
    }

    /// Whether memory contents survive (S0–S3).
    pub fn memory_context_held(self) -> Answer {
        Answer::from_option(self.possible().all_or_none(|p| {
            matches!(
                p,
                Phys::S0 | Phys::S1 | Phys::S2 | Phys::S3 | Phys::LegacyOn
            )
        }))
    }

    /// Whether processor context survives (S0, S1).
    pub fn processor_context_held(self) -> Answer {
        Answer::from_option(
            self.possible()
                .all_or_none(|p| matches!(p, Phys::S0 | Phys::S1 | Phys::LegacyOn)),
        )
    }

    /// Whether host firmware may be driving buses it shares with the BMC. Only S2 answers yes:
    /// ACPI S2 itself is rarely implemented on servers, and OpenBMC platforms report `S2_D2`
    /// while host firmware initialises the system (and reads DIMM SPD over SMBus). The
    /// transition rules follow the same convention.
    pub fn host_firmware_active(self) -> Answer {
        Answer::from_option(self.possible().all_or_none(|p| matches!(p, Phys::S2)))
    }

    /// What to do about a sensor with this supply in this state.
    pub fn sensor_access(self, sensor: SensorSupply) -> SensorAccess {
        match self.rail(sensor.rail) {
            Answer::No => SensorAccess::Unpowered,
            Answer::Maybe => SensorAccess::Indeterminate,
            Answer::Yes if !sensor.shared_with_host => SensorAccess::Read,
            Answer::Yes => match self.host_firmware_active() {
                Answer::No => SensorAccess::Read,
                Answer::Yes => SensorAccess::HostOwnsBus,
                Answer::Maybe => SensorAccess::Indeterminate,
            },
        }
    }
}

const fn phys_rail(p: Phys, rail: Rail) -> bool {
    match rail {
        Rail::Standby => !matches!(p, Phys::G3),
        Rail::Main => matches!(p, Phys::S0 | Phys::S1 | Phys::S2 | Phys::LegacyOn),
    }
}
