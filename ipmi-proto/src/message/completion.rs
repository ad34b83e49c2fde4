//! Completion codes (IPMI 2.0 §5.2, Table 5-2).

use core::fmt;

/// The completion code: the first byte of every response's data (IPMI 2.0 §5.2, Table 5-2).
///
/// Every byte value is kept. The associated constants are the generic codes of Table 5-2;
/// [`CompletionCode::class`] sorts any value into normal, generic, command-specific, OEM
/// (device-specific) or reserved, and `Display` prints the spec's meaning.
///
/// ```
/// use ipmi_proto::message::{CompletionClass, CompletionCode};
///
/// let cc = CompletionCode(0xC1);
/// assert_eq!(cc, CompletionCode::INVALID_COMMAND);
/// assert_eq!(cc.to_string(), "C1h: invalid command");
/// assert_eq!(CompletionCode(0x81).class(), CompletionClass::CommandSpecific);
/// assert_eq!(CompletionCode(0x05).class(), CompletionClass::Oem);
/// assert_eq!(CompletionCode(0xE0).class(), CompletionClass::Reserved);
/// assert!(CompletionCode::NORMAL.is_success());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CompletionCode(pub u8);

/// The range of Table 5-2 a completion code falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum CompletionClass {
    /// 00h: the command completed normally.
    Normal,
    /// C0h–D6h and FFh: the generic codes every command may return.
    Generic,
    /// 80h–BEh: meaning defined by the command that returned it.
    CommandSpecific,
    /// 01h–7Eh: device-specific (OEM) codes.
    Oem,
    /// 7Fh, BFh, D7h–FEh: reserved.
    Reserved,
}

impl CompletionCode {
    /// 00h: command completed normally.
    pub const NORMAL: Self = Self(0x00);
    /// C0h: node busy; the command could not be processed for lack of resources.
    pub const NODE_BUSY: Self = Self(0xC0);
    /// C1h: invalid command (not supported or not recognised).
    pub const INVALID_COMMAND: Self = Self(0xC1);
    /// C2h: command invalid for the given LUN.
    pub const INVALID_COMMAND_FOR_LUN: Self = Self(0xC2);
    /// C3h: timeout while processing the command; no response available.
    pub const TIMEOUT: Self = Self(0xC3);
    /// C4h: out of space (storage or buffer full).
    pub const OUT_OF_SPACE: Self = Self(0xC4);
    /// C5h: reservation cancelled, or invalid reservation ID.
    pub const RESERVATION_CANCELLED: Self = Self(0xC5);
    /// C6h: request data truncated.
    pub const REQUEST_DATA_TRUNCATED: Self = Self(0xC6);
    /// C7h: request data length invalid.
    pub const REQUEST_DATA_LENGTH_INVALID: Self = Self(0xC7);
    /// C8h: request data field length limit exceeded.
    pub const REQUEST_DATA_FIELD_LENGTH_EXCEEDED: Self = Self(0xC8);
    /// C9h: parameter out of range.
    pub const PARAMETER_OUT_OF_RANGE: Self = Self(0xC9);
    /// CAh: cannot return the number of data bytes requested.
    pub const CANNOT_RETURN_REQUESTED_BYTES: Self = Self(0xCA);
    /// CBh: requested sensor, data or record not present.
    pub const NOT_PRESENT: Self = Self(0xCB);
    /// CCh: invalid data field in the request.
    pub const INVALID_DATA_FIELD: Self = Self(0xCC);
    /// CDh: command illegal for the specified sensor or record type.
    pub const ILLEGAL_FOR_SENSOR_OR_RECORD_TYPE: Self = Self(0xCD);
    /// CEh: command response could not be provided.
    pub const RESPONSE_UNAVAILABLE: Self = Self(0xCE);
    /// CFh: cannot execute a duplicated request.
    pub const DUPLICATED_REQUEST: Self = Self(0xCF);
    /// D0h: no response: the SDR repository is in update mode.
    pub const SDR_REPOSITORY_IN_UPDATE_MODE: Self = Self(0xD0);
    /// D1h: no response: the device is in firmware update mode.
    pub const FIRMWARE_UPDATE_MODE: Self = Self(0xD1);
    /// D2h: no response: BMC initialisation or initialisation agent in progress.
    pub const INITIALIZATION_IN_PROGRESS: Self = Self(0xD2);
    /// D3h: destination unavailable (for example a bridged request's target).
    pub const DESTINATION_UNAVAILABLE: Self = Self(0xD3);
    /// D4h: insufficient privilege level or another security restriction.
    pub const INSUFFICIENT_PRIVILEGE: Self = Self(0xD4);
    /// D5h: command or parameter not supported in the present state.
    pub const NOT_SUPPORTED_IN_PRESENT_STATE: Self = Self(0xD5);
    /// D6h: parameter illegal because the command sub-function is disabled or unavailable.
    pub const SUB_FUNCTION_DISABLED: Self = Self(0xD6);
    /// FFh: unspecified error.
    pub const UNSPECIFIED: Self = Self(0xFF);

    /// The range of Table 5-2 this code falls in.
    pub const fn class(self) -> CompletionClass {
        match self.0 {
            0x00 => CompletionClass::Normal,
            0x01..=0x7E => CompletionClass::Oem,
            0x80..=0xBE => CompletionClass::CommandSpecific,
            0xC0..=0xD6 | 0xFF => CompletionClass::Generic,
            _ => CompletionClass::Reserved,
        }
    }

    /// Whether the command completed normally (00h).
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// The spec's meaning of a normal or generic code, in lower case; `None` for
    /// command-specific, OEM and reserved codes.
    pub fn meaning(self) -> Option<&'static str> {
        GENERIC_CODES
            .iter()
            .find(|(c, _)| *c == self.0)
            .map(|(_, m)| *m)
    }
}

/// Table 5-2 as data: the normal code and every generic code with its meaning.
pub const GENERIC_CODES: [(u8, &str); 25] = [
    (0x00, "command completed normally"),
    (0xC0, "node busy"),
    (0xC1, "invalid command"),
    (0xC2, "command invalid for given LUN"),
    (0xC3, "timeout while processing command"),
    (0xC4, "out of space"),
    (0xC5, "reservation cancelled or invalid reservation ID"),
    (0xC6, "request data truncated"),
    (0xC7, "request data length invalid"),
    (0xC8, "request data field length limit exceeded"),
    (0xC9, "parameter out of range"),
    (0xCA, "cannot return number of requested data bytes"),
    (0xCB, "requested sensor, data, or record not present"),
    (0xCC, "invalid data field in request"),
    (0xCD, "command illegal for specified sensor or record type"),
    (0xCE, "command response could not be provided"),
    (0xCF, "cannot execute duplicated request"),
    (0xD0, "SDR repository in update mode"),
    (0xD1, "device in firmware update mode"),
    (0xD2, "BMC initialization in progress"),
    (0xD3, "destination unavailable"),
    (0xD4, "insufficient privilege level"),
    (0xD5, "command not supported in present state"),
    (0xD6, "command sub-function disabled or unavailable"),
    (0xFF, "unspecified error"),
];

impl From<u8> for CompletionCode {
    fn from(c: u8) -> Self {
        Self(c)
    }
}

impl From<CompletionCode> for u8 {
    fn from(c: CompletionCode) -> u8 {
        c.0
    }
}

impl fmt::Display for CompletionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.meaning() {
            Some(m) => m,
            None => match self.class() {
                CompletionClass::CommandSpecific => "command-specific code",
                CompletionClass::Oem => "device-specific (OEM) code",
                _ => "reserved code",
            },
        };
        write!(f, "{:02X}h: {}", self.0, what)
    }
}

impl fmt::Display for CompletionClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Normal => "normal",
            Self::Generic => "generic",
            Self::CommandSpecific => "command-specific",
            Self::Oem => "device-specific (OEM)",
            Self::Reserved => "reserved",
        })
    }
}
