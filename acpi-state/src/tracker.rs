//! A small state machine a BMC feeds with what it observes about the host's power state.
//!
//! The host is the authority on its own ACPI state: when it reports a state with Set ACPI Power
//! State, the tracker records it even if the change breaks a rule, and flags it
//! [`Verdict::Illegal`]. Events the BMC observes itself (power-good lost, an override) are
//! checked against the current state.
//!
//! ```
//! use acpi_state::ipmi::SetAcpiPowerState;
//! use acpi_state::{Event, SystemPowerState as S, Tracker, Transition, Verdict};
//!
//! let mut t = Tracker::new(); // Unknown / Unknown after the BMC boots
//! let u = t.apply(Event::HostSet(SetAcpiPowerState::parse(&[0x80, 0x80])?)); // S0, D0
//! assert_eq!(u.system.outcome, Ok(Transition::Restated));
//! assert_eq!(u.verdict, Verdict::Expected);
//!
//! let u = t.apply(Event::PowerGoodLost);
//! assert_eq!((u.system.to, u.verdict), (S::G3, Verdict::Surprise));
//! assert!(u.verdict.worth_logging());
//! # Ok::<(), acpi_state::LengthError>(())
//! ```

use core::fmt;

use crate::Answer;
use crate::ipmi::{DeviceState, GetAcpiPowerStateResponse, SetAcpiPowerState};
use crate::power::Rail;
use crate::system::SystemPowerState;
use crate::transition::{
    DeviceTransition, IllegalTransition, Transition, ipmi_device_transition, transition,
};

/// Something the BMC learned about the host's power state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Event {
    /// The host sent Set ACPI Power State (NetFn 06h, cmd 06h) with this request data.
    HostSet(SetAcpiPowerState),
    /// The main rails' power-good signal (such as ATX `PWR_OK`) dropped while the BMC stayed up
    /// on standby power, without the host reporting a lower-power state first. If the main
    /// rails could be up, the host lost power: it moves to G3 and its devices to D3. If they
    /// were already off, nothing changes.
    PowerGoodLost,
    /// The system was forced off: the power button was held, or the BMC forced power off
    /// (IPMI Chassis Control "power down"). A system that is on or sleeping moves to S5 by
    /// override and its devices to D3; one that is already off does not change.
    Override,
}

/// How a change should be treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Verdict {
    /// Legal, and caused by the host's own report or a deliberate action (or nothing changed).
    Expected,
    /// Legal, but nobody asked for it: the host lost power. Worth a SEL entry.
    Surprise,
    /// The host reported a change the ACPI rules do not allow. Recorded anyway (the host is the
    /// authority on its state), and worth a SEL entry: host firmware or OS misbehaves.
    Illegal,
    /// The request carried a reserved code in a part it asked to set. Nothing was recorded; a
    /// responder answers completion code CCh (invalid data field in request).
    Rejected,
}

impl Verdict {
    /// `true` for everything but [`Verdict::Expected`].
    pub const fn worth_logging(self) -> bool {
        !matches!(self, Self::Expected)
    }

    /// A lower-case word for logs.
    pub const fn description(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::Surprise => "surprise",
            Self::Illegal => "illegal",
            Self::Rejected => "rejected",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// One part (system or device) of an [`Update`]: the states before and after, and how the
/// rules classify the change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Step<S, K> {
    /// The state before the event.
    pub from: S,
    /// The state after the event (what the tracker now holds).
    pub to: S,
    /// The kind of change, or the rule it breaks.
    pub outcome: Result<K, IllegalTransition<S>>,
}

impl<S: Copy, K> Step<S, K> {
    fn unchanged(s: S, k: K) -> Self {
        Self {
            from: s,
            to: s,
            outcome: Ok(k),
        }
    }
}

impl<S: fmt::Display, K: fmt::Display> fmt::Display for Step<S, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} -> {} (", self.from, self.to)?;
        match &self.outcome {
            Ok(k) => write!(f, "{k})"),
            Err(e) => write!(f, "illegal: {})", e.rule),
        }
    }
}

/// What one event did to the tracker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Update {
    /// The system state change.
    pub system: Step<SystemPowerState, Transition>,
    /// The device state change.
    pub device: Step<DeviceState, DeviceTransition>,
    /// How to treat the change as a whole.
    pub verdict: Verdict,
}

impl fmt::Display for Update {
    /// `system S0_G0_D0 -> S5_G2 (soft-off), device D0 -> D3 (to a lower-power state): expected`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "system {}, device {}: {}",
            self.system, self.device, self.verdict
        )
    }
}

/// The host's power state as the BMC knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Tracker {
    system: SystemPowerState,
    device: DeviceState,
}

impl Default for Tracker {
    fn default() -> Self {
        Self::new()
    }
}

impl Tracker {
    /// A tracker that knows nothing yet: `Unknown` and `Unknown`, what a BMC reports after it
    /// boots and before the host has said anything (IPMI code 2Ah).
    pub const fn new() -> Self {
        Self {
            system: SystemPowerState::Unknown,
            device: DeviceState::Unknown,
        }
    }

    /// A tracker starting from known states (for example restored from flash).
    pub const fn with_state(system: SystemPowerState, device: DeviceState) -> Self {
        Self { system, device }
    }

    /// The current system state.
    pub const fn system(&self) -> SystemPowerState {
        self.system
    }

    /// The current device state.
    pub const fn device(&self) -> DeviceState {
        self.device
    }

    /// The response data a responder returns for Get ACPI Power State.
    pub const fn get_response(&self) -> GetAcpiPowerStateResponse {
        GetAcpiPowerStateResponse::new(self.system, self.device)
    }

    /// Feeds one event; returns what changed and how to treat it.
    pub fn apply(&mut self, event: Event) -> Update {
        let update = match event {
            Event::HostSet(req) => self.host_set(req),
            Event::PowerGoodLost => {
                if matches!(self.system.rail(Rail::Main), Answer::No) {
                    self.unchanged()
                } else {
                    self.forced(SystemPowerState::G3, Verdict::Surprise)
                }
            }
            Event::Override => match transition(self.system, SystemPowerState::Override) {
                Ok(Transition::Override) => {
                    self.forced(SystemPowerState::Override, Verdict::Expected)
                }
                _ => self.unchanged(),
            },
        };
        self.system = update.system.to;
        self.device = update.device.to;
        update
    }

    fn unchanged(&self) -> Update {
        Update {
            system: Step::unchanged(self.system, Transition::Unchanged),
            device: Step::unchanged(self.device, DeviceTransition::Unchanged),
            verdict: Verdict::Expected,
        }
    }

    /// Power was removed from the host's devices: the system moves to `to`, devices to D3.
    fn forced(&self, to: SystemPowerState, verdict: Verdict) -> Update {
        let device_outcome = if matches!(self.device, DeviceState::D3) {
            DeviceTransition::Unchanged
        } else {
            DeviceTransition::PowerRemoved
        };
        Update {
            system: Step {
                from: self.system,
                to,
                outcome: transition(self.system, to),
            },
            device: Step {
                from: self.device,
                to: DeviceState::D3,
                outcome: Ok(device_outcome),
            },
            verdict,
        }
    }

    fn host_set(&self, req: SetAcpiPowerState) -> Update {
        if req.has_reserved_code() {
            return Update {
                verdict: Verdict::Rejected,
                ..self.unchanged()
            };
        }
        let system_to = req.system_update().unwrap_or(self.system);
        let device_to = req.device_update().unwrap_or(self.device);
        let system = Step {
            from: self.system,
            to: system_to,
            outcome: transition(self.system, system_to),
        };
        let device = Step {
            from: self.device,
            to: device_to,
            outcome: Ok(ipmi_device_transition(self.device, device_to)),
        };
        let verdict = if system.outcome.is_err() || device.outcome.is_err() {
            Verdict::Illegal
        } else {
            Verdict::Expected
        };
        Update {
            system,
            device,
            verdict,
        }
    }
}
