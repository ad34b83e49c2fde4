//! The power states the ACPI specification defines: global states (G0–G3), sleeping states
//! (S0–S5) and device power states (D0–D3cold).
//!
//! ACPI 6.5 §2.2 "Global System State Definitions", §2.3 "Device Power State Definitions",
//! §2.4 "Sleeping and Soft-off State Definitions".

use core::fmt;
use core::str::FromStr;

use crate::error::ParseNameError;

/// A global system state, ACPI 6.5 §2.2.
///
/// ```
/// use acpi_state::{GlobalState, SleepState};
/// assert_eq!(SleepState::S3.global(), GlobalState::G1);
/// assert_eq!("G2".parse(), Ok(GlobalState::G2));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum GlobalState {
    /// G0, Working: software runs; the system is in S0.
    G0,
    /// G1, Sleeping: no work is done; context is kept and the system wakes without a reboot
    /// (S1–S4).
    G1,
    /// G2, Soft Off (S5): minimal power, no context; returning to work needs a reboot.
    G2,
    /// G3, Mechanical Off: no power except the real-time clock; left and entered by mechanical
    /// means or by loss of power.
    G3,
}

impl GlobalState {
    /// Every global state, shallowest first.
    pub const ALL: [Self; 4] = [Self::G0, Self::G1, Self::G2, Self::G3];

    /// The canonical name, `"G0"`…`"G3"`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::G0 => "G0",
            Self::G1 => "G1",
            Self::G2 => "G2",
            Self::G3 => "G3",
        }
    }
}

/// A sleeping state, ACPI 6.5 §2.4 and §16.1. S0 is the working state and S5 soft-off; they
/// are listed here because ACPI numbers them on the same `SLP_TYP` scale.
///
/// ```
/// use acpi_state::SleepState;
/// assert!(SleepState::S3.is_sleeping());
/// assert!(!SleepState::S5.is_sleeping());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SleepState {
    /// S0: working (G0).
    S0,
    /// S1: low wake latency; processor and system hardware context are kept.
    S1,
    /// S2: like S1, but processor and cache context are lost.
    S2,
    /// S3: suspend to RAM; only memory context is kept.
    S3,
    /// S4: suspend to disk (hibernate); context is saved to non-volatile storage.
    S4,
    /// S5: soft-off (G2); nothing is kept.
    S5,
}

impl SleepState {
    /// Every sleeping state, S0 first.
    pub const ALL: [Self; 6] = [Self::S0, Self::S1, Self::S2, Self::S3, Self::S4, Self::S5];

    /// The canonical name, `"S0"`…`"S5"`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::S0 => "S0",
            Self::S1 => "S1",
            Self::S2 => "S2",
            Self::S3 => "S3",
            Self::S4 => "S4",
            Self::S5 => "S5",
        }
    }

    /// The global state this sleeping state belongs to: S0 is G0, S1–S4 are G1, S5 is G2.
    pub const fn global(self) -> GlobalState {
        match self {
            Self::S0 => GlobalState::G0,
            Self::S1 | Self::S2 | Self::S3 | Self::S4 => GlobalState::G1,
            Self::S5 => GlobalState::G2,
        }
    }

    /// `true` for S1–S4, the states of G1.
    pub const fn is_sleeping(self) -> bool {
        matches!(self.global(), GlobalState::G1)
    }
}

/// A device power state, ACPI 6.5 §2.3. D3 is split into D3hot (device still powered, can
/// return to D0 in software) and D3cold (power removed); IPMI knows a single D3
/// ([`crate::ipmi::DeviceState::D3`]).
///
/// The canonical names are the strings Linux writes to `power_state` in sysfs (`D3hot`,
/// `D3cold`); see [`SysfsPowerState`] for the whole file content.
///
/// ```
/// use acpi_state::DevicePowerState;
/// assert_eq!("D3cold".parse(), Ok(DevicePowerState::D3Cold));
/// assert_eq!(DevicePowerState::D3Hot.to_string(), "D3hot");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DevicePowerState {
    /// D0: fully on.
    D0,
    /// D1: low power; more context kept than in D2. Device-class specific.
    D1,
    /// D2: lower power than D1; more context may be lost. Device-class specific.
    D2,
    /// D3hot: off in software terms, still powered; the device can be returned to D0.
    #[cfg_attr(feature = "serde", serde(rename = "D3hot"))]
    D3Hot,
    /// D3cold: power removed; leaving it is a power-up and re-initialisation to D0.
    #[cfg_attr(feature = "serde", serde(rename = "D3cold"))]
    D3Cold,
}

impl DevicePowerState {
    /// Every device power state, D0 first.
    pub const ALL: [Self; 5] = [Self::D0, Self::D1, Self::D2, Self::D3Hot, Self::D3Cold];

    /// The canonical name: `"D0"`, `"D1"`, `"D2"`, `"D3hot"`, `"D3cold"`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::D0 => "D0",
            Self::D1 => "D1",
            Self::D2 => "D2",
            Self::D3Hot => "D3hot",
            Self::D3Cold => "D3cold",
        }
    }

    /// `true` for D3hot and D3cold.
    pub const fn is_d3(self) -> bool {
        matches!(self, Self::D3Hot | Self::D3Cold)
    }
}

/// The content of a Linux `power_state` sysfs file (PCI devices, ACPI devices): a device power
/// state, `unknown`, or `error`. Parsing ignores one trailing newline, so the bytes read from the
/// file parse as they are.
///
/// ```
/// use acpi_state::{DevicePowerState, SysfsPowerState};
/// let s: SysfsPowerState = "D3cold\n".parse().unwrap();
/// assert_eq!(s, SysfsPowerState::State(DevicePowerState::D3Cold));
/// assert_eq!(SysfsPowerState::Unknown.to_string(), "unknown");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SysfsPowerState {
    /// A device power state.
    State(DevicePowerState),
    /// `unknown`: the kernel does not know the state.
    Unknown,
    /// `error`: the kernel could not read the state.
    Error,
}

impl SysfsPowerState {
    /// The string as Linux writes it, without the newline.
    pub const fn name(self) -> &'static str {
        match self {
            Self::State(d) => d.name(),
            Self::Unknown => "unknown",
            Self::Error => "error",
        }
    }
}

macro_rules! display_and_parse {
    ($ty:ty, $table:expr, $what:expr) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl FromStr for $ty {
            type Err = ParseNameError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $table
                    .into_iter()
                    .find(|v| v.name() == s)
                    .ok_or(ParseNameError::new($what))
            }
        }
    };
}

display_and_parse!(GlobalState, GlobalState::ALL, crate::NameKind::GlobalState);
display_and_parse!(SleepState, SleepState::ALL, crate::NameKind::SleepState);

impl fmt::Display for DevicePowerState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DevicePowerState {
    type Err = ParseNameError;

    /// Accepts the canonical names and, as aliases, `D3Hot` and `D3Cold` (the spelling of the
    /// Windows driver documentation).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "D3Hot" => return Ok(Self::D3Hot),
            "D3Cold" => return Ok(Self::D3Cold),
            _ => {}
        }
        Self::ALL
            .into_iter()
            .find(|v| v.name() == s)
            .ok_or(ParseNameError::new(crate::NameKind::DevicePowerState))
    }
}

impl fmt::Display for SysfsPowerState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SysfsPowerState {
    type Err = ParseNameError;

    /// Exactly what Linux writes (`D0`, `D1`, `D2`, `D3hot`, `D3cold`, `unknown`, `error`),
    /// optionally followed by one `\n`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.strip_suffix('\n').unwrap_or(s);
        match s {
            "unknown" => Ok(Self::Unknown),
            "error" => Ok(Self::Error),
            _ => DevicePowerState::ALL
                .into_iter()
                .find(|v| v.name() == s)
                .map(Self::State)
                .ok_or(ParseNameError::new(crate::NameKind::SysfsPowerState)),
        }
    }
}

impl From<SleepState> for GlobalState {
    fn from(s: SleepState) -> Self {
        s.global()
    }
}
