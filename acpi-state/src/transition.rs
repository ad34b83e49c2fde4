//! Which state changes ACPI allows, and what kind of change each one is.
//!
//! System rules (ACPI 6.5 §2.2 and the figure "Global System Power States and Transitions";
//! §16.1 "Sleeping States"; §4.8 "Power Button Override"):
//!
//! - a sleeping state (S1–S4) is entered only from the working state G0/S0, and a sleeping
//!   system wakes to G0; going to a deeper (or shallower) sleep goes through G0;
//! - soft-off (G2/S5) is entered from G0, and left to G0 by a wake event (power button, RTC…);
//! - G3 (mechanical off) can be entered from any state by loss of power; when power returns the
//!   system comes up in S5, or straight into G0 if the platform powers on by itself;
//! - S5 "entered by override" comes from a system that is on or sleeping with power applied
//!   (S0–S3), when the power button is held or the BMC forces power off;
//! - IPMI's legacy states (a system without ACPI) behave as on (`LEGACY_ON`) and soft-off
//!   (`LEGACY_OFF`); switching between a legacy state and its ACPI counterpart (SCI_EN) is a
//!   mode change;
//! - one convention beyond ACPI: OpenBMC platforms report `S2_D2` while host firmware
//!   initialises the system after power-on. So S2 may also be entered from soft-off (a
//!   [`Transition::Wake`]) or G3 ([`Transition::PowerApplied`]), and left to soft-off
//!   ([`Transition::SoftOff`]). ACPI S2 itself is rarely implemented on servers.
//!
//! Device rules (ACPI 6.5 §2.3; PCI Bus Power Management Interface Specification 1.2, the
//! figure "PCI Function Power Management State Transitions"): from D0 a device may go to any
//! lower-power state; from D1 to D2 or D3hot; from D2 to D3hot; every low-power state returns
//! to D0 only; removing power puts any device in D3cold. These apply to one device
//! ([`device_transition`]). The device byte of IPMI's Set ACPI Power State summarises the whole
//! system's devices, which need not move together, so [`ipmi_device_transition`] classifies
//! its changes but never calls one illegal.
//!
//! Imprecise values (`S4_S5`, `SLEEP`, `G1_SLEEP`, `Unknown`, IPMI `D3`) stand for a set of
//! states. A change between two values is:
//! 1. [`Transition::Unchanged`] if the values are equal;
//! 2. [`Transition::Restated`] if the sets overlap — the system may not have changed at all,
//!    only the precision of the report did (`Unknown` → `S0_G0_D0`, `G1_SLEEP` → `S3_D3`);
//! 3. otherwise legal if some pair of members is a legal change, and then of that pair's kind.
//!    Where pairs allow different kinds, the first pair in the order S0, S1…S5, G3, legacy on,
//!    legacy off (from, then to) decides: `S0_G0_D0` → `S4_S5` is a [`Transition::Sleep`]. If no
//!    pair is legal, the first pair's rule is reported.

use core::fmt;

use crate::acpi::DevicePowerState;
use crate::ipmi::DeviceState;
use crate::possible::Phys;
use crate::system::SystemPowerState;

/// The kind of a legal system state change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Transition {
    /// The same value again.
    Unchanged,
    /// A different value that may stand for the same state: the report became more or less
    /// precise (for example `Unknown` → `S0_G0_D0`, `G1_SLEEP` → `S3_D3`, `OVERRIDE` → `S5_G2`).
    Restated,
    /// G0 → G1: the working system went to sleep (S1–S4).
    Sleep,
    /// G1 or soft-off → working: a wake event (including the power button from S5).
    Wake,
    /// Working → soft-off (S5 or legacy off), by software.
    SoftOff,
    /// Working or sleeping → S5 by override (power button held, or forced off by the BMC).
    Override,
    /// Any state → G3: power was lost.
    PowerLoss,
    /// G3 → soft-off or on: power returned.
    PowerApplied,
    /// Between a legacy state and its ACPI counterpart (S0 ↔ legacy on, S5 ↔ legacy off).
    ModeChange,
}

impl Transition {
    /// A short lower-case description for logs.
    pub const fn description(self) -> &'static str {
        match self {
            Self::Unchanged => "unchanged",
            Self::Restated => "restated",
            Self::Sleep => "sleep",
            Self::Wake => "wake",
            Self::SoftOff => "soft-off",
            Self::Override => "override",
            Self::PowerLoss => "power loss",
            Self::PowerApplied => "power applied",
            Self::ModeChange => "ACPI/legacy mode change",
        }
    }
}

impl fmt::Display for Transition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// The kind of a legal device state change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DeviceTransition {
    /// The same value again.
    Unchanged,
    /// A different value that may stand for the same state (IPMI `Unknown` → `D0`, `D3` →
    /// `D3hot`).
    Restated,
    /// To a lower-power state (D0 → D1/D2/D3hot, D1 → D2/D3hot, D2 → D3hot).
    Deeper,
    /// Back to D0 (from D3cold this is a power-up and re-initialisation).
    Resume,
    /// To a higher-power state other than D0 (D3 → D2, D2 → D1). Only IPMI's system-wide device
    /// summary changes this way; a single device goes through D0.
    Shallower,
    /// Power removed: to D3cold.
    PowerRemoved,
}

impl DeviceTransition {
    /// A short lower-case description for logs.
    pub const fn description(self) -> &'static str {
        match self {
            Self::Unchanged => "unchanged",
            Self::Restated => "restated",
            Self::Deeper => "to a lower-power state",
            Self::Resume => "back to D0",
            Self::Shallower => "to a higher-power state",
            Self::PowerRemoved => "power removed",
        }
    }
}

impl fmt::Display for DeviceTransition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// The rule an illegal change breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Rule {
    /// Sleeping states (S1–S4) are entered only from the working state G0/S0.
    SleepOnlyFromWorking,
    /// A sleeping system wakes to G0 before it enters a different sleeping state.
    SleepChangesThroughWorking,
    /// Soft-off (S5) is entered from the working state; a sleeping system wakes first.
    SoftOffOnlyFromWorking,
    /// An override needs a system that is on or sleeping with power applied (S0–S3, legacy on).
    OverrideOnlyWhenPowered,
    /// A device leaves D3 (hot or cold) only to D0.
    D3ExitOnlyToD0,
    /// A device in D2 returns to D0 before entering D1.
    ShallowerOnlyThroughD0,
}

impl Rule {
    /// The rule, as a sentence.
    pub const fn description(self) -> &'static str {
        match self {
            Self::SleepOnlyFromWorking => {
                "sleeping states (S1-S4) are entered only from the working state G0/S0"
            }
            Self::SleepChangesThroughWorking => {
                "a sleeping system wakes to G0 before entering a different sleeping state"
            }
            Self::SoftOffOnlyFromWorking => {
                "soft-off (S5) is entered from the working state; a sleeping system wakes first"
            }
            Self::OverrideOnlyWhenPowered => {
                "an override needs a system that is on or sleeping with power applied"
            }
            Self::D3ExitOnlyToD0 => "a device leaves D3 only to D0",
            Self::ShallowerOnlyThroughD0 => "a device in D2 returns to D0 before entering D1",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// A state change the rules do not allow, with the rule it breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IllegalTransition<S> {
    /// The state before.
    pub from: S,
    /// The state after.
    pub to: S,
    /// The rule the change breaks.
    pub rule: Rule,
}

impl<S: fmt::Display> fmt::Display for IllegalTransition<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "illegal change {} -> {}: {}",
            self.from, self.to, self.rule
        )
    }
}

impl<S: fmt::Display + fmt::Debug> core::error::Error for IllegalTransition<S> {}

/// Physical states from which an override (S5 by override) is possible.
const fn can_be_overridden(p: Phys) -> bool {
    matches!(
        p,
        Phys::S0 | Phys::S1 | Phys::S2 | Phys::S3 | Phys::LegacyOn
    )
}

/// One physical change `a → b` with `a != b`.
const fn phys_step(a: Phys, b: Phys) -> Result<Transition, Rule> {
    use Phys::*;
    if matches!(b, G3) {
        return Ok(Transition::PowerLoss);
    }
    if matches!(a, G3) {
        return if b.is_sleeping() && !matches!(b, S2) {
            Err(Rule::SleepOnlyFromWorking)
        } else {
            Ok(Transition::PowerApplied)
        };
    }
    if a.is_working() {
        return if b.is_sleeping() {
            if matches!(a, S0) {
                Ok(Transition::Sleep)
            } else {
                Err(Rule::SleepOnlyFromWorking)
            }
        } else if b.is_working() {
            Ok(Transition::ModeChange)
        } else {
            // b is S5 or legacy off.
            Ok(Transition::SoftOff)
        };
    }
    if a.is_sleeping() {
        return if b.is_working() {
            Ok(Transition::Wake)
        } else if b.is_sleeping() {
            Err(Rule::SleepChangesThroughWorking)
        } else if matches!(a, S2) {
            // OpenBMC convention: host firmware powers off during initialisation.
            Ok(Transition::SoftOff)
        } else {
            Err(Rule::SoftOffOnlyFromWorking)
        };
    }
    // a is S5 or legacy off.
    if b.is_working() || matches!(b, S2) {
        // To S2: OpenBMC convention, power-on into firmware initialisation.
        Ok(Transition::Wake)
    } else if b.is_sleeping() {
        Err(Rule::SleepOnlyFromWorking)
    } else {
        Ok(Transition::ModeChange)
    }
}

/// Classifies the change of system state `from → to`, or says which rule it breaks.
///
/// ```
/// use acpi_state::{transition, Rule, SystemPowerState as S, Transition};
/// assert_eq!(transition(S::S0G0, S::S3), Ok(Transition::Sleep));
/// assert_eq!(transition(S::S3, S::S0G0), Ok(Transition::Wake));
/// assert_eq!(transition(S::S5G2, S::G3), Ok(Transition::PowerLoss));
/// assert_eq!(transition(S::Unknown, S::S0G0), Ok(Transition::Restated));
/// // Deeper sleep goes through G0:
/// assert_eq!(transition(S::S1, S::S3).unwrap_err().rule, Rule::SleepChangesThroughWorking);
/// ```
pub fn transition(
    from: SystemPowerState,
    to: SystemPowerState,
) -> Result<Transition, IllegalTransition<SystemPowerState>> {
    if from == to {
        return Ok(Transition::Unchanged);
    }
    let (pf, pt) = (from.possible(), to.possible());
    if matches!(to, SystemPowerState::Override) {
        return if pf.members().any(can_be_overridden) {
            Ok(Transition::Override)
        } else {
            Err(IllegalTransition {
                from,
                to,
                rule: Rule::OverrideOnlyWhenPowered,
            })
        };
    }
    if pf.intersects(pt) {
        return Ok(Transition::Restated);
    }
    let mut first_rule = None;
    for a in pf.members() {
        for b in pt.members() {
            match phys_step(a, b) {
                Ok(t) => return Ok(t),
                Err(r) => {
                    first_rule.get_or_insert(r);
                }
            }
        }
    }
    // Disjoint non-empty sets always give at least one pair, so `first_rule` is set; the
    // fallback only keeps this function free of panics.
    Err(IllegalTransition {
        from,
        to,
        rule: first_rule.unwrap_or(Rule::SleepOnlyFromWorking),
    })
}

/// One ACPI device change `a → b` with `a != b`.
const fn device_step(a: DevicePowerState, b: DevicePowerState) -> Result<DeviceTransition, Rule> {
    use DevicePowerState::*;
    match (a, b) {
        (_, D3Cold) => Ok(DeviceTransition::PowerRemoved),
        (_, D0) => Ok(DeviceTransition::Resume),
        (D3Hot | D3Cold, _) => Err(Rule::D3ExitOnlyToD0),
        (D2, D1) => Err(Rule::ShallowerOnlyThroughD0),
        // D0 → D1/D2/D3hot, D1 → D2/D3hot, D2 → D3hot.
        _ => Ok(DeviceTransition::Deeper),
    }
}

/// Classifies the change of ACPI device state `from → to`, or says which rule it breaks.
///
/// ```
/// use acpi_state::{device_transition, DevicePowerState as D, DeviceTransition, Rule};
/// assert_eq!(device_transition(D::D0, D::D3Hot), Ok(DeviceTransition::Deeper));
/// assert_eq!(device_transition(D::D3Hot, D::D3Cold), Ok(DeviceTransition::PowerRemoved));
/// assert_eq!(device_transition(D::D3Cold, D::D0), Ok(DeviceTransition::Resume));
/// assert_eq!(device_transition(D::D3Hot, D::D1).unwrap_err().rule, Rule::D3ExitOnlyToD0);
/// ```
pub fn device_transition(
    from: DevicePowerState,
    to: DevicePowerState,
) -> Result<DeviceTransition, IllegalTransition<DevicePowerState>> {
    if from == to {
        return Ok(DeviceTransition::Unchanged);
    }
    device_step(from, to).map_err(|rule| IllegalTransition { from, to, rule })
}

/// Classifies a change of the device byte of IPMI's Set ACPI Power State (`D3` stands for
/// D3hot or D3cold, `Unknown` for any state).
///
/// That byte summarises all of the system's devices, so no change is illegal: the per-device
/// ordering of [`device_transition`] does not bind a summary (after power-on, hosts report
/// `S2_D2` straight after `S5_G2`/D3).
///
/// ```
/// use acpi_state::ipmi::DeviceState as D;
/// use acpi_state::{ipmi_device_transition, DeviceTransition};
/// assert_eq!(ipmi_device_transition(D::D0, D::D3), DeviceTransition::Deeper);
/// assert_eq!(ipmi_device_transition(D::D3, D::D2), DeviceTransition::Shallower);
/// assert_eq!(ipmi_device_transition(D::Unknown, D::D0), DeviceTransition::Restated);
/// ```
pub const fn ipmi_device_transition(from: DeviceState, to: DeviceState) -> DeviceTransition {
    use DeviceState::*;
    match (from, to) {
        (D0, D0) | (D1, D1) | (D2, D2) | (D3, D3) | (Unknown, Unknown) => {
            DeviceTransition::Unchanged
        }
        (Unknown, _) | (_, Unknown) => DeviceTransition::Restated,
        (_, D0) => DeviceTransition::Resume,
        (D0, _) | (D1, D2 | D3) | (D2, D3) => DeviceTransition::Deeper,
        (D2, D1) | (D3, D1 | D2) => DeviceTransition::Shallower,
    }
}

impl SystemPowerState {
    /// [`transition`]`(self, to)`.
    pub fn transition_to(
        self,
        to: SystemPowerState,
    ) -> Result<Transition, IllegalTransition<SystemPowerState>> {
        transition(self, to)
    }
}
