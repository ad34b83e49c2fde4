//! Error types. Every fallible conversion in this crate returns one of these; none of them
//! panics.

use core::fmt;

/// Which set of names a string was looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum NameKind {
    /// [`crate::GlobalState`]: `G0`…`G3`.
    GlobalState,
    /// [`crate::SleepState`]: `S0`…`S5`.
    SleepState,
    /// [`crate::DevicePowerState`]: `D0`, `D1`, `D2`, `D3hot`, `D3cold` and their aliases.
    DevicePowerState,
    /// [`crate::SysfsPowerState`]: the content of a Linux `power_state` file.
    SysfsPowerState,
    /// [`crate::SystemPowerState`]: the OpenBMC names and their documented aliases.
    SystemPowerState,
    /// [`crate::ipmi::DeviceState`]: `D0`, `D1`, `D2`, `D3`, `Unknown`.
    IpmiDeviceState,
}

impl NameKind {
    /// What a valid name of this kind looks like, for error messages.
    pub const fn expected(self) -> &'static str {
        match self {
            Self::GlobalState => "a global state name (G0, G1, G2, G3)",
            Self::SleepState => "a sleeping state name (S0 to S5)",
            Self::DevicePowerState => "a device power state name (D0, D1, D2, D3hot, D3cold)",
            Self::SysfsPowerState => {
                "a Linux power_state value (D0, D1, D2, D3hot, D3cold, unknown, error)"
            }
            Self::SystemPowerState => {
                "an OpenBMC ACPI state name such as S0_G0_D0 or S5_G2, or a documented alias"
            }
            Self::IpmiDeviceState => "an IPMI device power state name (D0, D1, D2, D3, Unknown)",
        }
    }
}

/// A string is not a canonical name or documented alias of the state it was parsed as.
/// Names are case-sensitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ParseNameError {
    kind: NameKind,
}

impl ParseNameError {
    pub(crate) const fn new(kind: NameKind) -> Self {
        Self { kind }
    }

    /// The set of names the string was looked up in.
    pub const fn kind(&self) -> NameKind {
        self.kind
    }
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unrecognised name: expected {}", self.kind.expected())
    }
}

impl core::error::Error for ParseNameError {}

/// A sensor-specific offset that IPMI 2.0 Table 42-3 does not assign for sensor type 22h
/// (System ACPI Power State): 0Dh, 0Fh, or a value above the 4-bit offset range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SelOffsetError {
    /// The offending offset.
    pub offset: u8,
}

impl fmt::Display for SelOffsetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "event offset {:#04x} is not assigned for sensor type 22h (System ACPI Power State); \
             assigned offsets are 00h-0Ch and 0Eh",
            self.offset
        )
    }
}

impl core::error::Error for SelOffsetError {}

/// A message body has the wrong length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct LengthError {
    /// The length the message must have.
    pub expected: usize,
    /// The length it had.
    pub actual: usize,
}

impl fmt::Display for LengthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "message data is {} bytes long, expected exactly {}",
            self.actual, self.expected
        )
    }
}

impl core::error::Error for LengthError {}

/// An output buffer is too small for the message being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BufferTooSmall {
    /// Bytes the message needs.
    pub needed: usize,
    /// Bytes the buffer has.
    pub available: usize,
}

impl fmt::Display for BufferTooSmall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "output buffer holds {} bytes, the message needs {}",
            self.available, self.needed
        )
    }
}

impl core::error::Error for BufferTooSmall {}
