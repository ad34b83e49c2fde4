//! The combined system power state that IPMI, OpenBMC and SEL records exchange.

use core::fmt;
use core::str::FromStr;

use crate::acpi::{GlobalState, SleepState};
use crate::error::{ParseNameError, SelOffsetError};
use crate::{NameKind, Possible};

/// The prefix OpenBMC puts before a state name in the `SysACPIStatus` D-Bus property of
/// `xyz.openbmc_project.Control.Power.ACPIPowerState`.
pub const DBUS_ENUM_PREFIX: &str = "xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI.";

/// The system power state as a host reports it to its BMC.
///
/// This is the enumeration of the IPMI 2.0 Set ACPI Power State command (§20.6, request byte 1)
/// without its "no change" value, and it is exactly OpenBMC's `ACPIPowerState.ACPI` D-Bus enum.
/// Some values are deliberately imprecise ("sleeping, S1–S3 unknown"): the tracker and the power
/// queries treat each value as the set of ACPI states it may stand for.
///
/// `Display` writes the canonical (OpenBMC) name; `FromStr` accepts it and the aliases in the
/// table below, case-sensitively. [`SystemPowerState::dbus`] writes the full D-Bus value, which
/// `FromStr` also accepts.
///
/// | variant | canonical name | aliases | IPMI code | SEL offset (22h) | ipmitool text |
/// |---|---|---|---|---|---|
/// | `S0G0` | `S0_G0_D0` | `S0/G0`, `S0_G0`, `S0`, `G0` | 00h | 00h | `S0/G0: working` |
/// | `S1` | `S1_D1` | `S1` | 01h | 01h | `S1: sleeping with system hw & processor context maintained` |
/// | `S2` | `S2_D2` | `S2` | 02h | 02h | `S2: sleeping, processor context lost` |
/// | `S3` | `S3_D3` | `S3` | 03h | 03h | `S3: sleeping, processor & hw context lost, memory retained` |
/// | `S4` | `S4` | | 04h | 04h | `S4: non-volatile sleep/suspend-to-disk` |
/// | `S5G2` | `S5_G2` | `S5/G2`, `S5`, `G2` | 05h | 05h | `S5/G2: soft-off` |
/// | `S4S5` | `S4_S5` | `S4/S5` | 06h | 06h | `S4/S5: soft-off` |
/// | `G3` | `G3` | | 07h | 07h | `G3: mechanical off` |
/// | `Sleeping` | `SLEEP` | | 08h | 08h | `Sleeping in S1/S2/S3 state` |
/// | `G1Sleeping` | `G1_SLEEP` | `G1` | 09h | 09h | `G1: sleeping` |
/// | `Override` | `OVERRIDE` | | 0Ah | 0Ah | `S5: entered by override` |
/// | `LegacyOn` | `LEGACY_ON` | | 20h | 0Bh | `Legacy ON state` |
/// | `LegacyOff` | `LEGACY_OFF` | | 21h | 0Ch | `Legacy OFF state` |
/// | `Unknown` | `Unknown` | | 2Ah | 0Eh | `Unknown` |
///
/// ```
/// use acpi_state::SystemPowerState;
/// let s: SystemPowerState = "S5/G2".parse().unwrap();
/// assert_eq!(s, SystemPowerState::S5G2);
/// assert_eq!(s.to_string(), "S5_G2");
/// assert_eq!(s.ipmi_code(), 0x05);
/// assert_eq!(s.ipmitool_text(), "S5/G2: soft-off");
/// assert_eq!(
///     s.dbus().to_string(),
///     "xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI.S5_G2"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SystemPowerState {
    /// S0/G0, working.
    #[cfg_attr(feature = "serde", serde(rename = "S0_G0_D0"))]
    S0G0,
    /// S1: hardware context kept, typically processor and chipset clocks stopped.
    #[cfg_attr(feature = "serde", serde(rename = "S1_D1"))]
    S1,
    /// S2: clocks stopped, processor and cache context lost. Some OpenBMC platforms also report
    /// S2_D2 while host firmware initialises the system.
    #[cfg_attr(feature = "serde", serde(rename = "S2_D2"))]
    S2,
    /// S3: suspend to RAM.
    #[cfg_attr(feature = "serde", serde(rename = "S3_D3"))]
    S3,
    /// S4: suspend to disk.
    S4,
    /// S5/G2: soft-off.
    #[cfg_attr(feature = "serde", serde(rename = "S5_G2"))]
    S5G2,
    /// S4 or S5: the reporter cannot tell which.
    #[cfg_attr(feature = "serde", serde(rename = "S4_S5"))]
    S4S5,
    /// G3: mechanical off.
    G3,
    /// Sleeping in S1, S2 or S3: the reporter cannot tell which.
    #[cfg_attr(feature = "serde", serde(rename = "SLEEP"))]
    Sleeping,
    /// G1, sleeping in S1–S4: the reporter cannot tell which.
    #[cfg_attr(feature = "serde", serde(rename = "G1_SLEEP"))]
    G1Sleeping,
    /// S5 entered by override (for example the four-second power-button override).
    #[cfg_attr(feature = "serde", serde(rename = "OVERRIDE"))]
    Override,
    /// Legacy on: the system is on and does not use ACPI (or has it disabled).
    #[cfg_attr(feature = "serde", serde(rename = "LEGACY_ON"))]
    LegacyOn,
    /// Legacy soft-off: off, in a system that does not use ACPI.
    #[cfg_attr(feature = "serde", serde(rename = "LEGACY_OFF"))]
    LegacyOff,
    /// The state is unknown (IPMI code 2Ah).
    Unknown,
}

/// Everything this crate knows about one [`SystemPowerState`]; one row of the table above.
#[derive(Clone, Copy)]
struct Row {
    name: &'static str,
    aliases: &'static [&'static str],
    /// IPMI 2.0 §20.6 Set ACPI Power State, request byte 1 bits 6:0.
    ipmi: u8,
    /// IPMI 2.0 Table 42-3, sensor type 22h; ipmitool and FreeIPMI agree that "Unknown" is 0Eh
    /// and that 0Dh is unassigned.
    sel: u8,
    /// ipmitool's `sel list` description for that offset.
    ipmitool: &'static str,
    possible: Possible,
    global: Option<GlobalState>,
    sleep: Option<SleepState>,
}

impl SystemPowerState {
    /// Every system power state, in IPMI code order.
    pub const ALL: [Self; 14] = [
        Self::S0G0,
        Self::S1,
        Self::S2,
        Self::S3,
        Self::S4,
        Self::S5G2,
        Self::S4S5,
        Self::G3,
        Self::Sleeping,
        Self::G1Sleeping,
        Self::Override,
        Self::LegacyOn,
        Self::LegacyOff,
        Self::Unknown,
    ];

    const fn row(self) -> Row {
        use GlobalState as G;
        use SleepState as S;
        let p = Possible::of;
        match self {
            Self::S0G0 => Row {
                name: "S0_G0_D0",
                aliases: &["S0/G0", "S0_G0", "S0", "G0"],
                ipmi: 0x00,
                sel: 0x00,
                ipmitool: "S0/G0: working",
                possible: p(Possible::S0),
                global: Some(G::G0),
                sleep: Some(S::S0),
            },
            Self::S1 => Row {
                name: "S1_D1",
                aliases: &["S1"],
                ipmi: 0x01,
                sel: 0x01,
                ipmitool: "S1: sleeping with system hw & processor context maintained",
                possible: p(Possible::S1),
                global: Some(G::G1),
                sleep: Some(S::S1),
            },
            Self::S2 => Row {
                name: "S2_D2",
                aliases: &["S2"],
                ipmi: 0x02,
                sel: 0x02,
                ipmitool: "S2: sleeping, processor context lost",
                possible: p(Possible::S2),
                global: Some(G::G1),
                sleep: Some(S::S2),
            },
            Self::S3 => Row {
                name: "S3_D3",
                aliases: &["S3"],
                ipmi: 0x03,
                sel: 0x03,
                ipmitool: "S3: sleeping, processor & hw context lost, memory retained",
                possible: p(Possible::S3),
                global: Some(G::G1),
                sleep: Some(S::S3),
            },
            Self::S4 => Row {
                name: "S4",
                aliases: &[],
                ipmi: 0x04,
                sel: 0x04,
                ipmitool: "S4: non-volatile sleep/suspend-to-disk",
                possible: p(Possible::S4),
                global: Some(G::G1),
                sleep: Some(S::S4),
            },
            Self::S5G2 => Row {
                name: "S5_G2",
                aliases: &["S5/G2", "S5", "G2"],
                ipmi: 0x05,
                sel: 0x05,
                ipmitool: "S5/G2: soft-off",
                possible: p(Possible::S5),
                global: Some(G::G2),
                sleep: Some(S::S5),
            },
            Self::S4S5 => Row {
                name: "S4_S5",
                aliases: &["S4/S5"],
                ipmi: 0x06,
                sel: 0x06,
                ipmitool: "S4/S5: soft-off",
                possible: p(Possible::S4 | Possible::S5),
                global: None,
                sleep: None,
            },
            Self::G3 => Row {
                name: "G3",
                aliases: &[],
                ipmi: 0x07,
                sel: 0x07,
                ipmitool: "G3: mechanical off",
                possible: p(Possible::G3),
                global: Some(G::G3),
                sleep: None,
            },
            Self::Sleeping => Row {
                name: "SLEEP",
                aliases: &[],
                ipmi: 0x08,
                sel: 0x08,
                ipmitool: "Sleeping in S1/S2/S3 state",
                possible: p(Possible::S1 | Possible::S2 | Possible::S3),
                global: Some(G::G1),
                sleep: None,
            },
            Self::G1Sleeping => Row {
                name: "G1_SLEEP",
                aliases: &["G1"],
                ipmi: 0x09,
                sel: 0x09,
                ipmitool: "G1: sleeping",
                possible: p(Possible::S1 | Possible::S2 | Possible::S3 | Possible::S4),
                global: Some(G::G1),
                sleep: None,
            },
            Self::Override => Row {
                name: "OVERRIDE",
                aliases: &[],
                ipmi: 0x0A,
                sel: 0x0A,
                ipmitool: "S5: entered by override",
                possible: p(Possible::S5),
                global: Some(G::G2),
                sleep: Some(S::S5),
            },
            Self::LegacyOn => Row {
                name: "LEGACY_ON",
                aliases: &[],
                ipmi: 0x20,
                sel: 0x0B,
                ipmitool: "Legacy ON state",
                possible: p(Possible::LEGACY_ON),
                global: None,
                sleep: None,
            },
            Self::LegacyOff => Row {
                name: "LEGACY_OFF",
                aliases: &[],
                ipmi: 0x21,
                sel: 0x0C,
                ipmitool: "Legacy OFF state",
                possible: p(Possible::LEGACY_OFF),
                global: None,
                sleep: None,
            },
            Self::Unknown => Row {
                name: "Unknown",
                aliases: &[],
                ipmi: 0x2A,
                sel: 0x0E,
                ipmitool: "Unknown",
                possible: Possible::ANY,
                global: None,
                sleep: None,
            },
        }
    }

    /// The canonical name: OpenBMC's enum member name (`S0_G0_D0`, `S5_G2`, `Unknown`…).
    pub const fn name(self) -> &'static str {
        self.row().name
    }

    /// The aliases [`FromStr`] accepts besides the canonical name and the D-Bus form.
    pub const fn aliases(self) -> &'static [&'static str] {
        self.row().aliases
    }

    /// A `Display` adapter that writes the full OpenBMC D-Bus value,
    /// [`DBUS_ENUM_PREFIX`] followed by the canonical name. It does not allocate.
    pub const fn dbus(self) -> DbusName {
        DbusName(self)
    }

    /// The IPMI Set/Get ACPI Power State system code (bits 6:0), IPMI 2.0 §20.6/§20.7.
    pub const fn ipmi_code(self) -> u8 {
        self.row().ipmi
    }

    /// The state with this IPMI system code (bits 6:0), or `None` for 7Fh ("no change") and the
    /// reserved codes. Bit 7 must be clear; use [`crate::ipmi::SystemCode`] to decode a whole
    /// byte.
    pub const fn from_ipmi_code(code: u8) -> Option<Self> {
        let mut rest: &[Self] = &Self::ALL;
        while let [s, tail @ ..] = rest {
            if s.ipmi_code() == code {
                return Some(*s);
            }
            rest = tail;
        }
        None
    }

    /// The sensor-specific event offset for sensor type 22h, System ACPI Power State
    /// (IPMI 2.0 Table 42-3), as carried in event data 1 bits 3:0 of a SEL record.
    pub const fn sel_offset(self) -> u8 {
        self.row().sel
    }

    /// The state for a sensor type 22h event offset. Offsets 0Dh and 0Fh are not assigned, and
    /// offsets above 0Fh do not fit event data 1.
    pub const fn from_sel_offset(offset: u8) -> Result<Self, SelOffsetError> {
        let mut rest: &[Self] = &Self::ALL;
        while let [s, tail @ ..] = rest {
            if s.sel_offset() == offset {
                return Ok(*s);
            }
            rest = tail;
        }
        Err(SelOffsetError { offset })
    }

    /// The description ipmitool 1.8.19 prints for this state's SEL offset in `sel list`.
    pub const fn ipmitool_text(self) -> &'static str {
        self.row().ipmitool
    }

    /// The ACPI global state, when the value names exactly one: `None` for `S4S5` (G1 or G2),
    /// the legacy states (outside ACPI) and `Unknown`.
    pub const fn global(self) -> Option<GlobalState> {
        self.row().global
    }

    /// The ACPI sleeping state, when the value names exactly one (`Override` is S5).
    pub const fn sleep_state(self) -> Option<SleepState> {
        self.row().sleep
    }

    /// `true` if this value stands for exactly one physical state (everything except `S4S5`,
    /// `Sleeping`, `G1Sleeping` and `Unknown`).
    pub const fn is_precise(self) -> bool {
        self.row().possible.is_single()
    }

    pub(crate) const fn possible(self) -> Possible {
        self.row().possible
    }
}

/// Writes a state's full OpenBMC D-Bus value; see [`SystemPowerState::dbus`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DbusName(SystemPowerState);

impl fmt::Display for DbusName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(DBUS_ENUM_PREFIX)?;
        f.write_str(self.0.name())
    }
}

impl fmt::Display for SystemPowerState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SystemPowerState {
    type Err = ParseNameError;

    /// Accepts the canonical name, the canonical name behind [`DBUS_ENUM_PREFIX`], and the
    /// aliases listed on [`SystemPowerState`]. Case-sensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = ParseNameError::new(NameKind::SystemPowerState);
        if let Some(name) = s.strip_prefix(DBUS_ENUM_PREFIX) {
            return Self::ALL.into_iter().find(|v| v.name() == name).ok_or(err);
        }
        Self::ALL
            .into_iter()
            .find(|v| v.name() == s || v.aliases().contains(&s))
            .ok_or(err)
    }
}

impl From<SleepState> for SystemPowerState {
    /// S0 is `S0G0`, S5 is `S5G2`, S1–S4 map one to one.
    fn from(s: SleepState) -> Self {
        match s {
            SleepState::S0 => Self::S0G0,
            SleepState::S1 => Self::S1,
            SleepState::S2 => Self::S2,
            SleepState::S3 => Self::S3,
            SleepState::S4 => Self::S4,
            SleepState::S5 => Self::S5G2,
        }
    }
}

impl From<GlobalState> for SystemPowerState {
    /// G0 is `S0G0`, G1 is `G1Sleeping` (S1–S4 unknown), G2 is `S5G2`, G3 is `G3`.
    fn from(g: GlobalState) -> Self {
        match g {
            GlobalState::G0 => Self::S0G0,
            GlobalState::G1 => Self::G1Sleeping,
            GlobalState::G2 => Self::S5G2,
            GlobalState::G3 => Self::G3,
        }
    }
}
