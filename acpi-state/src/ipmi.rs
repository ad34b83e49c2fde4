//! The IPMI Set ACPI Power State and Get ACPI Power State commands (NetFn App 06h, commands 06h
//! and 07h), IPMI 2.0 §20.6 and §20.7.
//!
//! Both commands carry the same two bytes: a system power state and a device power state, each
//! a 7-bit enumeration in bits 6:0. In the Set request bit 7 says "set this value"; in the Get
//! response bit 7 is reserved. Every one of the 65,536 byte pairs decodes, and re-encodes to the
//! same two bytes: reserved enumeration values are kept as [`SystemCode::Reserved`] /
//! [`DeviceCode::Reserved`], and bit 7 is kept as a flag.
//!
//! ```
//! use acpi_state::ipmi::{DeviceState, SetAcpiPowerState};
//! use acpi_state::SystemPowerState;
//!
//! // What the host sends when it enters S5 and its devices D3 (`raw 0x06 0x06 0x85 0x83`).
//! let req = SetAcpiPowerState::parse(&[0x85, 0x83])?;
//! assert_eq!(req.system_update(), Some(SystemPowerState::S5G2));
//! assert_eq!(req.device_update(), Some(DeviceState::D3));
//! assert_eq!(req.to_bytes(), [0x85, 0x83]);
//!
//! // Building a request that changes only the device state.
//! let req = SetAcpiPowerState::new(None, Some(DeviceState::D0));
//! assert_eq!(req.to_bytes(), [0x7f, 0x80]);
//! # Ok::<(), acpi_state::LengthError>(())
//! ```

use core::fmt;
use core::str::FromStr;

use crate::NameKind;
use crate::acpi::DevicePowerState;
use crate::error::{BufferTooSmall, LengthError, ParseNameError};
use crate::system::SystemPowerState;

/// NetFn of both commands: Application (06h) requests.
pub const NETFN_APP: u8 = 0x06;
/// Command number of Set ACPI Power State, IPMI 2.0 §20.6.
pub const CMD_SET_ACPI_POWER_STATE: u8 = 0x06;
/// Command number of Get ACPI Power State, IPMI 2.0 §20.7.
pub const CMD_GET_ACPI_POWER_STATE: u8 = 0x07;

/// The 7-bit code for "no change" in either enumeration.
pub const NO_CHANGE: u8 = 0x7F;
/// The 7-bit code for "unknown" in either enumeration.
pub const UNKNOWN: u8 = 0x2A;

const FLAG: u8 = 0x80;
const CODE_MASK: u8 = 0x7F;

/// Defines a 7-bit IPMI state code type: a named state, 7Fh "no change", or a reserved value.
macro_rules! state_code {
    ($(#[$doc:meta])* $name:ident, $state:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(from = "u8", into = "u8"))]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        pub enum $name {
            /// A named state.
            State($state),
            /// 7Fh: no change (used to change only the other part of the request).
            NoChange,
            /// A value the specification reserves, kept as received (7 bits). Constructed with
            /// a value that has a name (say 03h), it encodes that value, which then decodes as
            /// the name.
            Reserved(u8),
        }

        impl $name {
            /// Decodes bits 6:0; bit 7 of `bits` is ignored.
            pub const fn from_bits(bits: u8) -> Self {
                let bits = bits & CODE_MASK;
                if bits == NO_CHANGE {
                    return Self::NoChange;
                }
                match $state::from_ipmi_code(bits) {
                    Some(s) => Self::State(s),
                    None => Self::Reserved(bits),
                }
            }

            /// The 7-bit code.
            pub const fn bits(self) -> u8 {
                match self {
                    Self::State(s) => s.ipmi_code(),
                    Self::NoChange => NO_CHANGE,
                    Self::Reserved(v) => v & CODE_MASK,
                }
            }

            /// The named state, if this is one.
            pub const fn state(self) -> Option<$state> {
                match self {
                    Self::State(s) => Some(s),
                    _ => None,
                }
            }
        }

        impl From<u8> for $name {
            fn from(bits: u8) -> Self {
                Self::from_bits(bits)
            }
        }

        impl From<$name> for u8 {
            fn from(c: $name) -> u8 {
                c.bits()
            }
        }

        impl From<$state> for $name {
            fn from(s: $state) -> Self {
                Self::State(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    Self::State(s) => fmt::Display::fmt(s, f),
                    Self::NoChange => f.write_str("no change"),
                    Self::Reserved(v) => {
                        write!(f, concat!("reserved ", $what, " state code {:#04x}"), v & CODE_MASK)
                    }
                }
            }
        }
    };
}

state_code!(
    /// A system power state code (bits 6:0 of the system byte), IPMI 2.0 §20.6 request byte 1.
    ///
    /// Total and lossless over 7-bit values: `SystemCode::from_bits(v).bits() == v` for every
    /// `v` in `0..=0x7F`.
    SystemCode,
    SystemPowerState,
    "system"
);

/// A device power state as IPMI names it: D0–D3 (IPMI does not split D3) or unknown.
///
/// ```
/// use acpi_state::ipmi::DeviceState;
/// use acpi_state::DevicePowerState;
/// assert_eq!(DeviceState::from(DevicePowerState::D3Cold), DeviceState::D3);
/// assert_eq!(DeviceState::D3.to_string(), "D3");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DeviceState {
    /// D0, fully on (code 00h).
    D0,
    /// D1 (code 01h).
    D1,
    /// D2 (code 02h).
    D2,
    /// D3: D3hot or D3cold (code 03h).
    D3,
    /// Unknown (code 2Ah).
    Unknown,
}

impl DeviceState {
    /// Every IPMI device state, in code order.
    pub const ALL: [Self; 5] = [Self::D0, Self::D1, Self::D2, Self::D3, Self::Unknown];

    /// The name: `D0`, `D1`, `D2`, `D3`, `Unknown`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::D0 => "D0",
            Self::D1 => "D1",
            Self::D2 => "D2",
            Self::D3 => "D3",
            Self::Unknown => "Unknown",
        }
    }

    /// The 7-bit IPMI code, IPMI 2.0 §20.6 request byte 2.
    pub const fn ipmi_code(self) -> u8 {
        match self {
            Self::D0 => 0x00,
            Self::D1 => 0x01,
            Self::D2 => 0x02,
            Self::D3 => 0x03,
            Self::Unknown => UNKNOWN,
        }
    }

    /// The state with this 7-bit code, or `None` for 7Fh and reserved codes.
    pub const fn from_ipmi_code(code: u8) -> Option<Self> {
        match code {
            0x00 => Some(Self::D0),
            0x01 => Some(Self::D1),
            0x02 => Some(Self::D2),
            0x03 => Some(Self::D3),
            UNKNOWN => Some(Self::Unknown),
            _ => None,
        }
    }

    /// The ACPI device state, where IPMI names exactly one: `None` for `D3` (hot or cold) and
    /// `Unknown`.
    pub const fn acpi(self) -> Option<DevicePowerState> {
        match self {
            Self::D0 => Some(DevicePowerState::D0),
            Self::D1 => Some(DevicePowerState::D1),
            Self::D2 => Some(DevicePowerState::D2),
            Self::D3 | Self::Unknown => None,
        }
    }

    /// Whether `d` is one of the ACPI device states this IPMI state may stand for.
    pub const fn includes(self, d: DevicePowerState) -> bool {
        match self {
            Self::Unknown => true,
            Self::D3 => d.is_d3(),
            Self::D0 => matches!(d, DevicePowerState::D0),
            Self::D1 => matches!(d, DevicePowerState::D1),
            Self::D2 => matches!(d, DevicePowerState::D2),
        }
    }
}

impl From<DevicePowerState> for DeviceState {
    /// D3hot and D3cold both become `D3`.
    fn from(d: DevicePowerState) -> Self {
        match d {
            DevicePowerState::D0 => Self::D0,
            DevicePowerState::D1 => Self::D1,
            DevicePowerState::D2 => Self::D2,
            DevicePowerState::D3Hot | DevicePowerState::D3Cold => Self::D3,
        }
    }
}

impl From<crate::SysfsPowerState> for DeviceState {
    /// `unknown` and `error` become `Unknown`.
    fn from(s: crate::SysfsPowerState) -> Self {
        match s {
            crate::SysfsPowerState::State(d) => d.into(),
            crate::SysfsPowerState::Unknown | crate::SysfsPowerState::Error => Self::Unknown,
        }
    }
}

impl fmt::Display for DeviceState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DeviceState {
    type Err = ParseNameError;

    /// `D0`, `D1`, `D2`, `D3`, `Unknown`; case-sensitive.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.name() == s)
            .ok_or(ParseNameError::new(NameKind::IpmiDeviceState))
    }
}

state_code!(
    /// A device power state code (bits 6:0 of the device byte), IPMI 2.0 §20.6 request byte 2.
    ///
    /// Total and lossless over 7-bit values, like [`SystemCode`].
    DeviceCode,
    DeviceState,
    "device"
);

/// The request data of Set ACPI Power State (NetFn 06h, cmd 06h), IPMI 2.0 §20.6: exactly two
/// bytes.
///
/// A part is applied only if its `set_*` flag (bit 7) is set and its code is not 7Fh; see
/// [`SetAcpiPowerState::system_update`]. A responder should answer a request whose applied code
/// is reserved with completion code CCh (invalid data field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SetAcpiPowerState {
    /// Byte 1 bit 7: set the system power state.
    pub set_system: bool,
    /// Byte 1 bits 6:0.
    pub system: SystemCode,
    /// Byte 2 bit 7: set the device power state.
    pub set_device: bool,
    /// Byte 2 bits 6:0.
    pub device: DeviceCode,
}

impl SetAcpiPowerState {
    /// The length of the request data.
    pub const LEN: usize = 2;

    /// A request that sets the given parts; a `None` part is sent as 7Fh with bit 7 clear, which
    /// means "no change" under either reading of the specification.
    pub const fn new(system: Option<SystemPowerState>, device: Option<DeviceState>) -> Self {
        Self {
            set_system: system.is_some(),
            system: match system {
                Some(s) => SystemCode::State(s),
                None => SystemCode::NoChange,
            },
            set_device: device.is_some(),
            device: match device {
                Some(d) => DeviceCode::State(d),
                None => DeviceCode::NoChange,
            },
        }
    }

    /// Decodes the two request bytes. Total: every pair decodes.
    pub const fn from_bytes(bytes: [u8; 2]) -> Self {
        let [system, device] = bytes;
        Self {
            set_system: system & FLAG != 0,
            system: SystemCode::from_bits(system),
            set_device: device & FLAG != 0,
            device: DeviceCode::from_bits(device),
        }
    }

    /// Encodes the two request bytes; `from_bytes(b).to_bytes() == b` for every `b`.
    pub const fn to_bytes(&self) -> [u8; 2] {
        [
            flag(self.set_system) | self.system.bits(),
            flag(self.set_device) | self.device.bits(),
        ]
    }

    /// Decodes request data, which must be exactly [`Self::LEN`] bytes (a responder answers
    /// other lengths with completion code C7h).
    pub const fn parse(data: &[u8]) -> Result<Self, LengthError> {
        match data {
            [a, b] => Ok(Self::from_bytes([*a, *b])),
            _ => Err(LengthError {
                expected: Self::LEN,
                actual: data.len(),
            }),
        }
    }

    /// Writes the request data to the start of `buf` and returns the number of bytes written.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit2(self.to_bytes(), buf)
    }

    /// The system state the host asks to record: `None` if bit 7 is clear, the code is 7Fh, or
    /// the code is reserved (see [`Self::has_reserved_code`]).
    pub const fn system_update(&self) -> Option<SystemPowerState> {
        match (self.set_system, self.system) {
            (true, SystemCode::State(s)) => Some(s),
            _ => None,
        }
    }

    /// The device state the host asks to record: `None` if bit 7 is clear, the code is 7Fh, or
    /// the code is reserved.
    pub const fn device_update(&self) -> Option<DeviceState> {
        match (self.set_device, self.device) {
            (true, DeviceCode::State(d)) => Some(d),
            _ => None,
        }
    }

    /// `true` if a part that is to be set carries a reserved code: the request is invalid as a
    /// whole (completion code CCh) and nothing should be recorded.
    pub const fn has_reserved_code(&self) -> bool {
        (self.set_system && matches!(self.system, SystemCode::Reserved(_)))
            || (self.set_device && matches!(self.device, DeviceCode::Reserved(_)))
    }
}

/// The response data of Get ACPI Power State (NetFn 07h, cmd 07h) after the completion code,
/// IPMI 2.0 §20.7: exactly two bytes. Bit 7 of each byte is reserved; it is kept so that decoding
/// and encoding return the same bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetAcpiPowerStateResponse {
    /// Byte 1 bits 6:0 (response byte 2, after the completion code).
    pub system: SystemCode,
    /// Byte 2 bits 6:0.
    pub device: DeviceCode,
    /// Byte 1 bit 7, reserved (should be clear).
    pub system_reserved_bit: bool,
    /// Byte 2 bit 7, reserved (should be clear).
    pub device_reserved_bit: bool,
}

impl GetAcpiPowerStateResponse {
    /// The length of the response data after the completion code.
    pub const LEN: usize = 2;

    /// The response a responder sends for the given states (reserved bits clear).
    pub const fn new(system: SystemPowerState, device: DeviceState) -> Self {
        Self {
            system: SystemCode::State(system),
            device: DeviceCode::State(device),
            system_reserved_bit: false,
            device_reserved_bit: false,
        }
    }

    /// Decodes the two response bytes. Total: every pair decodes.
    pub const fn from_bytes(bytes: [u8; 2]) -> Self {
        let [system, device] = bytes;
        Self {
            system: SystemCode::from_bits(system),
            device: DeviceCode::from_bits(device),
            system_reserved_bit: system & FLAG != 0,
            device_reserved_bit: device & FLAG != 0,
        }
    }

    /// Encodes the two response bytes; `from_bytes(b).to_bytes() == b` for every `b`.
    pub const fn to_bytes(&self) -> [u8; 2] {
        [
            flag(self.system_reserved_bit) | self.system.bits(),
            flag(self.device_reserved_bit) | self.device.bits(),
        ]
    }

    /// Decodes response data (after the completion code), which must be exactly [`Self::LEN`]
    /// bytes.
    pub const fn parse(data: &[u8]) -> Result<Self, LengthError> {
        match data {
            [a, b] => Ok(Self::from_bytes([*a, *b])),
            _ => Err(LengthError {
                expected: Self::LEN,
                actual: data.len(),
            }),
        }
    }

    /// Writes the response data to the start of `buf` and returns the number of bytes written.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit2(self.to_bytes(), buf)
    }
}

const fn flag(set: bool) -> u8 {
    if set { FLAG } else { 0 }
}

fn emit2(bytes: [u8; 2], buf: &mut [u8]) -> Result<usize, BufferTooSmall> {
    match buf.get_mut(..2) {
        Some(dst) => {
            dst.copy_from_slice(&bytes);
            Ok(2)
        }
        None => Err(BufferTooSmall {
            needed: 2,
            available: buf.len(),
        }),
    }
}
