//! The STATUS registers (PMBus 1.3.1 Part II §10 "Fault management and reporting" and §17
//! "Status commands"), what to read after `STATUS_WORD`, how to clear, and how a fault picture
//! maps to IPMI power supply sensor events.
//!
//! - One [`bitflags`](mod@bitflags) type per register: [`StatusWord`] (79h), [`StatusByte`] (78h),
//!   [`StatusVout`] (7Ah), [`StatusIout`] (7Bh), [`StatusInput`] (7Ch),
//!   [`StatusTemperature`] (7Dh), [`StatusCml`] (7Eh), [`StatusOther`] (7Fh),
//!   [`StatusMfrSpecific`] (80h), [`StatusFans12`] (81h), [`StatusFans34`] (82h). Reserved and
//!   unknown bits are kept (`from_bits_retain`).
//! - [`StatusRegister`] names a register; [`StatusRegister::bit_info`] gives every bit's
//!   specification name and [`Severity`].
//! - [`StatusWord::registers_to_read`]: which detail registers the summary bits point to.
//! - [`StatusSnapshot`]: `STATUS_WORD` plus whichever detail registers were read;
//!   [`StatusSnapshot::faults`] lists every set bit, [`StatusSnapshot::ipmi_offsets`] maps the
//!   picture to IPMI power supply offsets, [`StatusSnapshot::clear_plans`] says how to clear
//!   exactly what was seen.
//!
//! ```
//! use smbus_pmbus::status::{IpmiPsuOffset, StatusInput, StatusSnapshot, StatusWord};
//!
//! // STATUS_WORD of a PSU that lost its AC input: INPUT, POWER_GOOD#, OFF, VIN_UV_FAULT.
//! let word = StatusWord::from_bits_retain(0x2848);
//! let mut snapshot = StatusSnapshot::new(word);
//! let to_read: Vec<u8> = word.registers_to_read().codes().collect();
//! assert_eq!(to_read, [0x7C]); // STATUS_INPUT
//!
//! // The driver reads 7Ch and records it.
//! snapshot.record(0x7C, 0x18)?; // VIN_UV_FAULT | UNIT_OFF_LOW_INPUT
//! assert!(snapshot.input.unwrap().contains(StatusInput::UNIT_OFF_LOW_INPUT));
//!
//! let names: Vec<&str> = snapshot.faults().map(|f| f.name).collect();
//! assert_eq!(names, ["INPUT", "POWER_GOOD#", "OFF", "VIN_UV_FAULT", "VIN_UV_FAULT", "UNIT_OFF_LOW_INPUT"]);
//! let offsets: Vec<IpmiPsuOffset> = snapshot.ipmi_offsets().iter().collect();
//! assert_eq!(offsets, [IpmiPsuOffset::InputLost]);
//! # Ok::<(), smbus_pmbus::status::StatusError>(())
//! ```

use core::fmt;

use bitflags::bitflags;

use crate::command::{CommandCode, Transaction};

/// How serious a status bit is, as its description in Part II §17 reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Severity {
    /// A fault: a limit was crossed or something failed (`VOUT_OV_FAULT`, `OT_FAULT`, `BUSY`).
    Fault,
    /// A warning: a warning limit was crossed (`OT_WARNING`).
    Warning,
    /// A state, not a problem by itself (`OFF`, `POWER_GOOD#`, `POWER_LIMITING`).
    Status,
    /// A summary bit: "a fault or warning" in another register (`VOUT`, `TEMPERATURE`); read
    /// that register for the detail.
    Summary,
    /// `STATUS_MFR_SPECIFIC` bits: their meaning is in the datasheet.
    VendorDefined,
    /// A bit the specification reserves.
    Reserved,
}

impl Severity {
    /// A lower-case word for messages (`"fault"`, `"warning"` …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Fault => "fault",
            Self::Warning => "warning",
            Self::Status => "status",
            Self::Summary => "summary",
            Self::VendorDefined => "vendor-defined",
            Self::Reserved => "reserved",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name and severity of one status bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BitInfo {
    /// The specification's name for the bit (`"VIN_UV_FAULT"`); `"RESERVED"` for reserved bits.
    pub name: &'static str,
    /// How serious it is.
    pub severity: Severity,
}

const fn bit(name: &'static str, severity: Severity) -> BitInfo {
    BitInfo { name, severity }
}

use Severity::{
    Fault as F, Reserved as R, Status as S, Summary as M, VendorDefined as V, Warning as W,
};

const RESERVED: BitInfo = bit("RESERVED", R);

// Bit tables, index = bit number (bit 0 first). Part II §17.1–§17.11.

/// STATUS_WORD (§17.2): low byte = STATUS_BYTE (§17.1).
static WORD_BITS: [BitInfo; 16] = [
    bit("NONE_OF_THE_ABOVE", M),
    bit("CML", M),
    bit("TEMPERATURE", M),
    bit("VIN_UV_FAULT", F),
    bit("IOUT_OC_FAULT", F),
    bit("VOUT_OV_FAULT", F),
    bit("OFF", S),
    bit("BUSY", F),
    bit("UNKNOWN", F),
    bit("OTHER", M),
    bit("FANS", M),
    bit("POWER_GOOD#", S),
    bit("MFR_SPECIFIC", M),
    bit("INPUT", M),
    bit("IOUT/POUT", M),
    bit("VOUT", M),
];

/// STATUS_VOUT (§17.3).
static VOUT_BITS: [BitInfo; 8] = [
    bit("VOUT_TRACKING_ERROR", F),
    bit("TOFF_MAX_WARNING", W),
    bit("TON_MAX_FAULT", F),
    bit("VOUT_MAX_MIN_WARNING", W),
    bit("VOUT_UV_FAULT", F),
    bit("VOUT_UV_WARNING", W),
    bit("VOUT_OV_WARNING", W),
    bit("VOUT_OV_FAULT", F),
];

/// STATUS_IOUT (§17.4).
static IOUT_BITS: [BitInfo; 8] = [
    bit("POUT_OP_WARNING", W),
    bit("POUT_OP_FAULT", F),
    bit("POWER_LIMITING", S),
    bit("CURRENT_SHARE_FAULT", F),
    bit("IOUT_UC_FAULT", F),
    bit("IOUT_OC_WARNING", W),
    bit("IOUT_OC_LV_FAULT", F),
    bit("IOUT_OC_FAULT", F),
];

/// STATUS_INPUT (§17.5).
static INPUT_BITS: [BitInfo; 8] = [
    bit("PIN_OP_WARNING", W),
    bit("IIN_OC_WARNING", W),
    bit("IIN_OC_FAULT", F),
    bit("UNIT_OFF_LOW_INPUT", S),
    bit("VIN_UV_FAULT", F),
    bit("VIN_UV_WARNING", W),
    bit("VIN_OV_WARNING", W),
    bit("VIN_OV_FAULT", F),
];

/// STATUS_TEMPERATURE (§17.6).
static TEMPERATURE_BITS: [BitInfo; 8] = [
    RESERVED,
    RESERVED,
    RESERVED,
    RESERVED,
    bit("UT_FAULT", F),
    bit("UT_WARNING", W),
    bit("OT_WARNING", W),
    bit("OT_FAULT", F),
];

/// STATUS_CML (§17.7).
static CML_BITS: [BitInfo; 8] = [
    bit("OTHER_MEMORY_LOGIC_FAULT", F),
    bit("OTHER_COMMUNICATION_FAULT", F),
    RESERVED,
    bit("PROCESSOR_FAULT", F),
    bit("MEMORY_FAULT", F),
    bit("PEC_FAILED", F),
    bit("INVALID_DATA", F),
    bit("INVALID_COMMAND", F),
];

/// STATUS_OTHER (§17.8).
static OTHER_BITS: [BitInfo; 8] = [
    bit("FIRST_TO_ALERT", S),
    bit("OUTPUT_ORING_FAULT", F),
    bit("INPUT_B_ORING_FAULT", F),
    bit("INPUT_A_ORING_FAULT", F),
    bit("INPUT_B_FUSE_FAULT", F),
    bit("INPUT_A_FUSE_FAULT", F),
    RESERVED,
    RESERVED,
];

/// STATUS_MFR_SPECIFIC (§17.9): every bit is defined by the manufacturer.
static MFR_BITS: [BitInfo; 8] = [
    bit("MFR_BIT0", V),
    bit("MFR_BIT1", V),
    bit("MFR_BIT2", V),
    bit("MFR_BIT3", V),
    bit("MFR_BIT4", V),
    bit("MFR_BIT5", V),
    bit("MFR_BIT6", V),
    bit("MFR_BIT7", V),
];

/// STATUS_FANS_1_2 (§17.10).
static FANS12_BITS: [BitInfo; 8] = [
    bit("AIRFLOW_WARNING", W),
    bit("AIRFLOW_FAULT", F),
    bit("FAN_2_SPEED_OVERRIDE", S),
    bit("FAN_1_SPEED_OVERRIDE", S),
    bit("FAN_2_WARNING", W),
    bit("FAN_1_WARNING", W),
    bit("FAN_2_FAULT", F),
    bit("FAN_1_FAULT", F),
];

/// STATUS_FANS_3_4 (§17.11).
static FANS34_BITS: [BitInfo; 8] = [
    RESERVED,
    RESERVED,
    bit("FAN_4_SPEED_OVERRIDE", S),
    bit("FAN_3_SPEED_OVERRIDE", S),
    bit("FAN_4_WARNING", W),
    bit("FAN_3_WARNING", W),
    bit("FAN_4_FAULT", F),
    bit("FAN_3_FAULT", F),
];

/// One of the eleven status registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum StatusRegister {
    /// `STATUS_BYTE` (78h).
    Byte = 0x78,
    /// `STATUS_WORD` (79h).
    Word = 0x79,
    /// `STATUS_VOUT` (7Ah).
    Vout = 0x7A,
    /// `STATUS_IOUT` (7Bh).
    Iout = 0x7B,
    /// `STATUS_INPUT` (7Ch).
    Input = 0x7C,
    /// `STATUS_TEMPERATURE` (7Dh).
    Temperature = 0x7D,
    /// `STATUS_CML` (7Eh).
    Cml = 0x7E,
    /// `STATUS_OTHER` (7Fh).
    Other = 0x7F,
    /// `STATUS_MFR_SPECIFIC` (80h).
    MfrSpecific = 0x80,
    /// `STATUS_FANS_1_2` (81h).
    Fans12 = 0x81,
    /// `STATUS_FANS_3_4` (82h).
    Fans34 = 0x82,
}

impl StatusRegister {
    /// All eleven, in command code order.
    pub const ALL: [Self; 11] = [
        Self::Byte,
        Self::Word,
        Self::Vout,
        Self::Iout,
        Self::Input,
        Self::Temperature,
        Self::Cml,
        Self::Other,
        Self::MfrSpecific,
        Self::Fans12,
        Self::Fans34,
    ];

    /// The detail registers `STATUS_WORD` points to (7Ah–82h), in command code order.
    pub const DETAIL: [Self; 9] = [
        Self::Vout,
        Self::Iout,
        Self::Input,
        Self::Temperature,
        Self::Cml,
        Self::Other,
        Self::MfrSpecific,
        Self::Fans12,
        Self::Fans34,
    ];

    /// The command code.
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The command as a [`CommandCode`].
    pub const fn command(self) -> CommandCode {
        CommandCode(self as u8)
    }

    /// The register for a command code 78h–82h.
    pub const fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0x78 => Self::Byte,
            0x79 => Self::Word,
            0x7A => Self::Vout,
            0x7B => Self::Iout,
            0x7C => Self::Input,
            0x7D => Self::Temperature,
            0x7E => Self::Cml,
            0x7F => Self::Other,
            0x80 => Self::MfrSpecific,
            0x81 => Self::Fans12,
            0x82 => Self::Fans34,
            _ => return None,
        })
    }

    /// The command name (`"STATUS_VOUT"`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Byte => "STATUS_BYTE",
            Self::Word => "STATUS_WORD",
            Self::Vout => "STATUS_VOUT",
            Self::Iout => "STATUS_IOUT",
            Self::Input => "STATUS_INPUT",
            Self::Temperature => "STATUS_TEMPERATURE",
            Self::Cml => "STATUS_CML",
            Self::Other => "STATUS_OTHER",
            Self::MfrSpecific => "STATUS_MFR_SPECIFIC",
            Self::Fans12 => "STATUS_FANS_1_2",
            Self::Fans34 => "STATUS_FANS_3_4",
        }
    }

    /// Number of bits: 16 for `STATUS_WORD`, 8 for the others.
    pub const fn width(self) -> u8 {
        match self {
            Self::Word => 16,
            _ => 8,
        }
    }

    fn table(self) -> &'static [BitInfo] {
        match self {
            Self::Byte | Self::Word => &WORD_BITS,
            Self::Vout => &VOUT_BITS,
            Self::Iout => &IOUT_BITS,
            Self::Input => &INPUT_BITS,
            Self::Temperature => &TEMPERATURE_BITS,
            Self::Cml => &CML_BITS,
            Self::Other => &OTHER_BITS,
            Self::MfrSpecific => &MFR_BITS,
            Self::Fans12 => &FANS12_BITS,
            Self::Fans34 => &FANS34_BITS,
        }
    }

    /// Name and severity of bit `bit` (0 = least significant); `None` past the register's
    /// width.
    ///
    /// ```
    /// use smbus_pmbus::status::{Severity, StatusRegister};
    ///
    /// let info = StatusRegister::Temperature.bit_info(6).unwrap();
    /// assert_eq!((info.name, info.severity), ("OT_WARNING", Severity::Warning));
    /// assert_eq!(StatusRegister::Word.bit_info(11).unwrap().name, "POWER_GOOD#");
    /// assert!(StatusRegister::Byte.bit_info(8).is_none());
    /// ```
    pub fn bit_info(self, bit: u8) -> Option<&'static BitInfo> {
        if bit >= self.width() {
            return None;
        }
        self.table().get(usize::from(bit))
    }

    /// `true` for the detail registers 7Ah–82h, whose bits can be cleared one by one by
    /// writing 1 to them (PMBus ≥ 1.2; see [`ClearFaults`]).
    pub const fn is_detail(self) -> bool {
        !matches!(self, Self::Byte | Self::Word)
    }
}

impl fmt::Display for StatusRegister {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Writes the names of the set bits of `value` in `register`, most significant first.
fn write_bits(f: &mut fmt::Formatter<'_>, register: StatusRegister, value: u16) -> fmt::Result {
    let mut first = true;
    for b in (0..register.width()).rev() {
        if value & (1u16 << b) == 0 {
            continue;
        }
        if !first {
            f.write_str(" | ")?;
        }
        first = false;
        match register.bit_info(b) {
            Some(info) if info.severity != Severity::Reserved => f.write_str(info.name)?,
            _ => write!(f, "RESERVED_BIT{b}")?,
        }
    }
    if first {
        f.write_str("(none)")?;
    }
    Ok(())
}

macro_rules! status_register {
    (
        $(#[$($meta:tt)*])*
        $name:ident: $ty:ty = $register:expr;
        { $($(#[$($fmeta:tt)*])* const $flag:ident = $value:expr;)* }
    ) => {
        bitflags! {
            $(#[$($meta)*])*
            ///
            /// Unknown and reserved bits are kept: build values with `from_bits_retain`.
            /// `Display` lists the set bits by name (`RESERVED_BITn` for reserved ones).
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            pub struct $name: $ty {
                $($(#[$($fmeta)*])* const $flag = $value;)*
            }
        }

        impl $name {
            /// The register this type holds.
            pub const REGISTER: StatusRegister = $register;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write_bits(f, $register, u16::from(self.bits()))
            }
        }

        impl From<$ty> for $name {
            fn from(value: $ty) -> Self {
                Self::from_bits_retain(value)
            }
        }

        impl From<$name> for $ty {
            fn from(value: $name) -> Self {
                value.bits()
            }
        }

        #[cfg(feature = "defmt")]
        impl defmt::Format for $name {
            fn format(&self, f: defmt::Formatter<'_>) {
                defmt::write!(f, "{}({=?})", stringify!($name), self.bits())
            }
        }
    };
}

status_register! {
    /// `STATUS_WORD` (79h), Part II §17.2. The low byte is `STATUS_BYTE`.
    ///
    /// High byte: summary bits pointing to the detail registers, plus `POWER_GOOD#`, which is
    /// set when the POWER_GOOD signal is *negated* (output not good), and `UNKNOWN`.
    StatusWord: u16 = StatusRegister::Word;
    {
        /// Bit 15: an output voltage fault or warning (see `STATUS_VOUT`).
        const VOUT = 1 << 15;
        /// Bit 14: an output current or output power fault or warning (see `STATUS_IOUT`).
        const IOUT_POUT = 1 << 14;
        /// Bit 13: an input voltage, current or power fault or warning (see `STATUS_INPUT`).
        const INPUT = 1 << 13;
        /// Bit 12: a manufacturer-specific fault or warning (see `STATUS_MFR_SPECIFIC`).
        const MFR_SPECIFIC = 1 << 12;
        /// Bit 11 `POWER_GOOD#`: the POWER_GOOD signal is negated.
        const POWER_GOOD_N = 1 << 11;
        /// Bit 10: a fan or airflow fault or warning (see `STATUS_FANS_1_2`/`_3_4`).
        const FANS = 1 << 10;
        /// Bit 9: a bit in `STATUS_OTHER` is set.
        const OTHER = 1 << 9;
        /// Bit 8: a fault not given by any other bit of `STATUS_WORD`.
        const UNKNOWN = 1 << 8;
        /// Bit 7: the device was busy and could not respond.
        const BUSY = 1 << 7;
        /// Bit 6: the unit is not providing power to the output, for whatever reason.
        const OFF = 1 << 6;
        /// Bit 5: output overvoltage fault.
        const VOUT_OV_FAULT = 1 << 5;
        /// Bit 4: output overcurrent fault.
        const IOUT_OC_FAULT = 1 << 4;
        /// Bit 3: input undervoltage fault.
        const VIN_UV_FAULT = 1 << 3;
        /// Bit 2: a temperature fault or warning (see `STATUS_TEMPERATURE`).
        const TEMPERATURE = 1 << 2;
        /// Bit 1: a communication, memory or logic fault (see `STATUS_CML`).
        const CML = 1 << 1;
        /// Bit 0: a fault or warning not listed in bits 7:1.
        const NONE_OF_THE_ABOVE = 1 << 0;
    }
}

status_register! {
    /// `STATUS_BYTE` (78h), Part II §17.1: the low byte of `STATUS_WORD`.
    StatusByte: u8 = StatusRegister::Byte;
    {
        /// Bit 7: the device was busy and could not respond.
        const BUSY = 1 << 7;
        /// Bit 6: the unit is not providing power to the output.
        const OFF = 1 << 6;
        /// Bit 5: output overvoltage fault.
        const VOUT_OV_FAULT = 1 << 5;
        /// Bit 4: output overcurrent fault.
        const IOUT_OC_FAULT = 1 << 4;
        /// Bit 3: input undervoltage fault.
        const VIN_UV_FAULT = 1 << 3;
        /// Bit 2: a temperature fault or warning.
        const TEMPERATURE = 1 << 2;
        /// Bit 1: a communication, memory or logic fault.
        const CML = 1 << 1;
        /// Bit 0: a fault or warning not listed in bits 7:1.
        const NONE_OF_THE_ABOVE = 1 << 0;
    }
}

status_register! {
    /// `STATUS_VOUT` (7Ah), Part II §17.3.
    StatusVout: u8 = StatusRegister::Vout;
    {
        /// Bit 7: output overvoltage fault.
        const VOUT_OV_FAULT = 1 << 7;
        /// Bit 6: output overvoltage warning.
        const VOUT_OV_WARNING = 1 << 6;
        /// Bit 5: output undervoltage warning.
        const VOUT_UV_WARNING = 1 << 5;
        /// Bit 4: output undervoltage fault.
        const VOUT_UV_FAULT = 1 << 4;
        /// Bit 3: an attempt to set the output beyond `VOUT_MAX` or below `VOUT_MIN`.
        const VOUT_MAX_MIN_WARNING = 1 << 3;
        /// Bit 2: the output did not reach regulation within `TON_MAX_FAULT_LIMIT`.
        const TON_MAX_FAULT = 1 << 2;
        /// Bit 1: the output did not turn off within `TOFF_MAX_WARN_LIMIT`.
        const TOFF_MAX_WARNING = 1 << 1;
        /// Bit 0: output voltage tracking error.
        const VOUT_TRACKING_ERROR = 1 << 0;
    }
}

status_register! {
    /// `STATUS_IOUT` (7Bh), Part II §17.4.
    StatusIout: u8 = StatusRegister::Iout;
    {
        /// Bit 7: output overcurrent fault.
        const IOUT_OC_FAULT = 1 << 7;
        /// Bit 6: output overcurrent fault with low output voltage.
        const IOUT_OC_LV_FAULT = 1 << 6;
        /// Bit 5: output overcurrent warning.
        const IOUT_OC_WARNING = 1 << 5;
        /// Bit 4: output undercurrent fault.
        const IOUT_UC_FAULT = 1 << 4;
        /// Bit 3: current share fault.
        const CURRENT_SHARE_FAULT = 1 << 3;
        /// Bit 2: the unit is in power limiting mode.
        const POWER_LIMITING = 1 << 2;
        /// Bit 1: output overpower fault.
        const POUT_OP_FAULT = 1 << 1;
        /// Bit 0: output overpower warning.
        const POUT_OP_WARNING = 1 << 0;
    }
}

status_register! {
    /// `STATUS_INPUT` (7Ch), Part II §17.5.
    StatusInput: u8 = StatusRegister::Input;
    {
        /// Bit 7: input overvoltage fault.
        const VIN_OV_FAULT = 1 << 7;
        /// Bit 6: input overvoltage warning.
        const VIN_OV_WARNING = 1 << 6;
        /// Bit 5: input undervoltage warning.
        const VIN_UV_WARNING = 1 << 5;
        /// Bit 4: input undervoltage fault.
        const VIN_UV_FAULT = 1 << 4;
        /// Bit 3: the unit is off for insufficient input voltage.
        const UNIT_OFF_LOW_INPUT = 1 << 3;
        /// Bit 2: input overcurrent fault.
        const IIN_OC_FAULT = 1 << 2;
        /// Bit 1: input overcurrent warning.
        const IIN_OC_WARNING = 1 << 1;
        /// Bit 0: input overpower warning.
        const PIN_OP_WARNING = 1 << 0;
    }
}

status_register! {
    /// `STATUS_TEMPERATURE` (7Dh), Part II §17.6. Bits 3:0 are reserved.
    StatusTemperature: u8 = StatusRegister::Temperature;
    {
        /// Bit 7: overtemperature fault.
        const OT_FAULT = 1 << 7;
        /// Bit 6: overtemperature warning.
        const OT_WARNING = 1 << 6;
        /// Bit 5: undertemperature warning.
        const UT_WARNING = 1 << 5;
        /// Bit 4: undertemperature fault.
        const UT_FAULT = 1 << 4;
    }
}

status_register! {
    /// `STATUS_CML` (7Eh), Part II §17.7: communication, memory and logic. Bit 2 is reserved.
    ///
    /// Reading a command the device does not support sets `INVALID_COMMAND` (and asserts
    /// SMBALERT#), so a probe should clear it afterwards.
    StatusCml: u8 = StatusRegister::Cml;
    {
        /// Bit 7: invalid or unsupported command received.
        const INVALID_COMMAND = 1 << 7;
        /// Bit 6: invalid or unsupported data received.
        const INVALID_DATA = 1 << 6;
        /// Bit 5: packet error check failed.
        const PEC_FAILED = 1 << 5;
        /// Bit 4: memory fault detected.
        const MEMORY_FAULT = 1 << 4;
        /// Bit 3: processor fault detected.
        const PROCESSOR_FAULT = 1 << 3;
        /// Bit 1: another communication fault.
        const OTHER_COMMUNICATION_FAULT = 1 << 1;
        /// Bit 0: another memory or logic fault.
        const OTHER_MEMORY_LOGIC_FAULT = 1 << 0;
    }
}

status_register! {
    /// `STATUS_OTHER` (7Fh), Part II §17.8. Bits 7:6 are reserved.
    StatusOther: u8 = StatusRegister::Other;
    {
        /// Bit 5: input A fuse or circuit breaker fault.
        const INPUT_A_FUSE_FAULT = 1 << 5;
        /// Bit 4: input B fuse or circuit breaker fault.
        const INPUT_B_FUSE_FAULT = 1 << 4;
        /// Bit 3: input A OR-ing device fault.
        const INPUT_A_ORING_FAULT = 1 << 3;
        /// Bit 2: input B OR-ing device fault.
        const INPUT_B_ORING_FAULT = 1 << 2;
        /// Bit 1: output OR-ing device fault.
        const OUTPUT_ORING_FAULT = 1 << 1;
        /// Bit 0: this device was the first to assert SMBALERT#.
        const FIRST_TO_ALERT = 1 << 0;
    }
}

status_register! {
    /// `STATUS_MFR_SPECIFIC` (80h), Part II §17.9: all eight bits are defined by the
    /// manufacturer; the datasheet gives their meaning.
    StatusMfrSpecific: u8 = StatusRegister::MfrSpecific;
    {
        /// Bit 7 (manufacturer-defined).
        const BIT7 = 1 << 7;
        /// Bit 6 (manufacturer-defined).
        const BIT6 = 1 << 6;
        /// Bit 5 (manufacturer-defined).
        const BIT5 = 1 << 5;
        /// Bit 4 (manufacturer-defined).
        const BIT4 = 1 << 4;
        /// Bit 3 (manufacturer-defined).
        const BIT3 = 1 << 3;
        /// Bit 2 (manufacturer-defined).
        const BIT2 = 1 << 2;
        /// Bit 1 (manufacturer-defined).
        const BIT1 = 1 << 1;
        /// Bit 0 (manufacturer-defined).
        const BIT0 = 1 << 0;
    }
}

status_register! {
    /// `STATUS_FANS_1_2` (81h), Part II §17.10.
    StatusFans12: u8 = StatusRegister::Fans12;
    {
        /// Bit 7: fan 1 fault.
        const FAN_1_FAULT = 1 << 7;
        /// Bit 6: fan 2 fault.
        const FAN_2_FAULT = 1 << 6;
        /// Bit 5: fan 1 warning.
        const FAN_1_WARNING = 1 << 5;
        /// Bit 4: fan 2 warning.
        const FAN_2_WARNING = 1 << 4;
        /// Bit 3: fan 1 speed overridden.
        const FAN_1_SPEED_OVERRIDE = 1 << 3;
        /// Bit 2: fan 2 speed overridden.
        const FAN_2_SPEED_OVERRIDE = 1 << 2;
        /// Bit 1: airflow fault.
        const AIRFLOW_FAULT = 1 << 1;
        /// Bit 0: airflow warning.
        const AIRFLOW_WARNING = 1 << 0;
    }
}

status_register! {
    /// `STATUS_FANS_3_4` (82h), Part II §17.11. Bits 1:0 are reserved.
    StatusFans34: u8 = StatusRegister::Fans34;
    {
        /// Bit 7: fan 3 fault.
        const FAN_3_FAULT = 1 << 7;
        /// Bit 6: fan 4 fault.
        const FAN_4_FAULT = 1 << 6;
        /// Bit 5: fan 3 warning.
        const FAN_3_WARNING = 1 << 5;
        /// Bit 4: fan 4 warning.
        const FAN_4_WARNING = 1 << 4;
        /// Bit 3: fan 3 speed overridden.
        const FAN_3_SPEED_OVERRIDE = 1 << 3;
        /// Bit 2: fan 4 speed overridden.
        const FAN_4_SPEED_OVERRIDE = 1 << 2;
    }
}

impl StatusWord {
    /// The low byte, which is `STATUS_BYTE`.
    pub const fn status_byte(self) -> StatusByte {
        StatusByte::from_bits_retain((self.bits() & 0x00FF) as u8)
    }

    /// The detail registers the set summary bits point to, in command code order.
    ///
    /// | bit(s) set | register |
    /// |---|---|
    /// | `VOUT` (15) or `VOUT_OV_FAULT` (5) | `STATUS_VOUT` 7Ah |
    /// | `IOUT_POUT` (14) or `IOUT_OC_FAULT` (4) | `STATUS_IOUT` 7Bh |
    /// | `INPUT` (13) or `VIN_UV_FAULT` (3) | `STATUS_INPUT` 7Ch |
    /// | `TEMPERATURE` (2) | `STATUS_TEMPERATURE` 7Dh |
    /// | `CML` (1) | `STATUS_CML` 7Eh |
    /// | `OTHER` (9) | `STATUS_OTHER` 7Fh |
    /// | `MFR_SPECIFIC` (12) | `STATUS_MFR_SPECIFIC` 80h |
    /// | `FANS` (10) | `STATUS_FANS_1_2` 81h and `STATUS_FANS_3_4` 82h |
    ///
    /// `FANS` summarises both fan registers, so both are listed. A device with at most two fans
    /// may not implement 82h, and reading an unsupported command sets `STATUS_CML`
    /// `INVALID_COMMAND` and asserts SMBALERT#: drop it with
    /// [`StatusRegisterSet::without`] for such devices. `BUSY`, `OFF`, `POWER_GOOD#`, `UNKNOWN`
    /// and `NONE_OF_THE_ABOVE` point to no register.
    ///
    /// ```
    /// use smbus_pmbus::status::{StatusRegister, StatusWord};
    ///
    /// let word = StatusWord::TEMPERATURE | StatusWord::FANS;
    /// let codes: Vec<u8> = word.registers_to_read().codes().collect();
    /// assert_eq!(codes, [0x7D, 0x81, 0x82]);
    /// let two_fans = word.registers_to_read().without(StatusRegister::Fans34);
    /// assert_eq!(two_fans.codes().collect::<Vec<_>>(), [0x7D, 0x81]);
    /// ```
    pub const fn registers_to_read(self) -> StatusRegisterSet {
        let w = self.bits();
        let mut set = StatusRegisterSet::EMPTY;
        if w & (Self::VOUT.bits() | Self::VOUT_OV_FAULT.bits()) != 0 {
            set = set.with(StatusRegister::Vout);
        }
        if w & (Self::IOUT_POUT.bits() | Self::IOUT_OC_FAULT.bits()) != 0 {
            set = set.with(StatusRegister::Iout);
        }
        if w & (Self::INPUT.bits() | Self::VIN_UV_FAULT.bits()) != 0 {
            set = set.with(StatusRegister::Input);
        }
        if w & Self::TEMPERATURE.bits() != 0 {
            set = set.with(StatusRegister::Temperature);
        }
        if w & Self::CML.bits() != 0 {
            set = set.with(StatusRegister::Cml);
        }
        if w & Self::OTHER.bits() != 0 {
            set = set.with(StatusRegister::Other);
        }
        if w & Self::MFR_SPECIFIC.bits() != 0 {
            set = set.with(StatusRegister::MfrSpecific);
        }
        if w & Self::FANS.bits() != 0 {
            set = set
                .with(StatusRegister::Fans12)
                .with(StatusRegister::Fans34);
        }
        set
    }
}

impl StatusByte {
    /// The same bits as the low byte of a `STATUS_WORD` whose high byte is clear.
    pub const fn to_word(self) -> StatusWord {
        StatusWord::from_bits_retain(self.bits() as u16)
    }

    /// The detail registers the bits point to, for a device that has only `STATUS_BYTE`
    /// (see [`StatusWord::registers_to_read`]; the byte has no `VOUT`, `INPUT`, `FANS`,
    /// `OTHER` or `MFR_SPECIFIC` summary bits).
    pub const fn registers_to_read(self) -> StatusRegisterSet {
        self.to_word().registers_to_read()
    }
}

/// A set of [`StatusRegister`]s (a bitset; no allocation). Iterates in command code order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct StatusRegisterSet(u16);

impl StatusRegisterSet {
    /// The empty set.
    pub const EMPTY: Self = Self(0);

    const fn mask(register: StatusRegister) -> u16 {
        1u16 << (register as u8 - 0x78)
    }

    /// The set with `register` added.
    #[must_use]
    pub const fn with(self, register: StatusRegister) -> Self {
        Self(self.0 | Self::mask(register))
    }

    /// The set without `register`.
    #[must_use]
    pub const fn without(self, register: StatusRegister) -> Self {
        Self(self.0 & !Self::mask(register))
    }

    /// Whether `register` is in the set.
    pub const fn contains(self, register: StatusRegister) -> bool {
        self.0 & Self::mask(register) != 0
    }

    /// `true` if no register is in the set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Number of registers in the set.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The registers, in command code order.
    pub const fn iter(self) -> StatusRegisterIter {
        StatusRegisterIter {
            set: self,
            index: 0,
        }
    }

    /// The command codes, in order.
    pub fn codes(self) -> impl Iterator<Item = u8> {
        self.iter().map(StatusRegister::code)
    }
}

impl IntoIterator for StatusRegisterSet {
    type Item = StatusRegister;
    type IntoIter = StatusRegisterIter;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over a [`StatusRegisterSet`], in command code order.
#[derive(Clone, Debug)]
pub struct StatusRegisterIter {
    set: StatusRegisterSet,
    index: usize,
}

impl Iterator for StatusRegisterIter {
    type Item = StatusRegister;

    fn next(&mut self) -> Option<StatusRegister> {
        while let Some(register) = StatusRegister::ALL.get(self.index).copied() {
            self.index = self.index.saturating_add(1);
            if self.set.contains(register) {
                return Some(register);
            }
        }
        None
    }
}

/// One set bit of a status register, as [`StatusSnapshot::faults`] lists it.
///
/// Despite the name, every set bit is reported, warnings and states included; filter on
/// [`severity`](Fault::severity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Fault {
    /// The register holding the bit.
    pub register: StatusRegister,
    /// The bit number (0 = least significant; up to 15 for `STATUS_WORD`).
    pub bit: u8,
    /// The specification's name for the bit (`"VIN_UV_FAULT"`, `"RESERVED"`).
    pub name: &'static str,
    /// How serious it is.
    pub severity: Severity,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} bit {} {} ({})",
            self.register, self.bit, self.name, self.severity
        )
    }
}

/// A value that is not a status register, or a register a snapshot does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum StatusError {
    /// The command code is not one of the detail registers 7Ah–82h.
    NotADetailRegister {
        /// The rejected command code.
        code: u8,
    },
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::NotADetailRegister { code } => write!(
                f,
                "command {:02X}h ({}) is not a detail status register (7Ah-82h)",
                code,
                CommandCode(code)
            ),
        }
    }
}

impl core::error::Error for StatusError {}

/// A device's fault picture: `STATUS_WORD` and the detail registers read after it.
///
/// The usual sequence: read `STATUS_WORD`, build the snapshot with [`StatusSnapshot::new`],
/// read every register [`StatusSnapshot::missing`] names and [`record`](StatusSnapshot::record)
/// each, then look at [`faults`](StatusSnapshot::faults) or
/// [`ipmi_offsets`](StatusSnapshot::ipmi_offsets), and clear with
/// [`clear_plans`](StatusSnapshot::clear_plans). A detail register that was not read stays
/// `None`; nothing is assumed about it.
///
/// ```
/// use smbus_pmbus::status::{ClearFaults, Severity, StatusRegister, StatusSnapshot, StatusWord};
///
/// // A fan warning: STATUS_WORD says FANS; the device has two fans, so 82h is not read.
/// let mut snapshot = StatusSnapshot::new(StatusWord::FANS);
/// let to_read = snapshot.missing().without(StatusRegister::Fans34);
/// assert_eq!(to_read.codes().collect::<Vec<_>>(), [0x81]);
/// snapshot.set(StatusRegister::Fans12, 0x20); // FAN_1_WARNING
///
/// let warnings: Vec<&str> = snapshot
///     .faults()
///     .filter(|f| f.severity == Severity::Warning)
///     .map(|f| f.name)
///     .collect();
/// assert_eq!(warnings, ["FAN_1_WARNING"]);
/// let plans: Vec<ClearFaults> = snapshot.clear_plans().collect();
/// assert_eq!(plans, [ClearFaults::Bits { register: StatusRegister::Fans12, bits: 0x20 }]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct StatusSnapshot {
    /// `STATUS_WORD` (79h).
    pub word: StatusWord,
    /// `STATUS_VOUT` (7Ah), if read.
    pub vout: Option<StatusVout>,
    /// `STATUS_IOUT` (7Bh), if read.
    pub iout: Option<StatusIout>,
    /// `STATUS_INPUT` (7Ch), if read.
    pub input: Option<StatusInput>,
    /// `STATUS_TEMPERATURE` (7Dh), if read.
    pub temperature: Option<StatusTemperature>,
    /// `STATUS_CML` (7Eh), if read.
    pub cml: Option<StatusCml>,
    /// `STATUS_OTHER` (7Fh), if read.
    pub other: Option<StatusOther>,
    /// `STATUS_MFR_SPECIFIC` (80h), if read.
    pub mfr_specific: Option<StatusMfrSpecific>,
    /// `STATUS_FANS_1_2` (81h), if read.
    pub fans_1_2: Option<StatusFans12>,
    /// `STATUS_FANS_3_4` (82h), if read.
    pub fans_3_4: Option<StatusFans34>,
}

impl Default for StatusWord {
    fn default() -> Self {
        Self::empty()
    }
}

impl StatusSnapshot {
    /// A snapshot holding only `STATUS_WORD`.
    pub const fn new(word: StatusWord) -> Self {
        Self {
            word,
            vout: None,
            iout: None,
            input: None,
            temperature: None,
            cml: None,
            other: None,
            mfr_specific: None,
            fans_1_2: None,
            fans_3_4: None,
        }
    }

    /// Stores the value read from detail register `code` (7Ah–82h).
    ///
    /// # Errors
    /// [`StatusError::NotADetailRegister`] for any other code (including `STATUS_BYTE` and
    /// `STATUS_WORD`, which [`new`](Self::new) takes).
    pub fn record(&mut self, code: u8, value: u8) -> Result<(), StatusError> {
        match StatusRegister::from_code(code) {
            Some(register) if register.is_detail() => {
                self.set_detail(register, value);
                Ok(())
            }
            _ => Err(StatusError::NotADetailRegister { code }),
        }
    }

    /// Stores the value read from `register`. For a detail register (7Ah–82h) it becomes that
    /// register's value; for `STATUS_BYTE` it replaces the low byte of
    /// [`word`](Self::word) (which is `STATUS_BYTE`) and keeps the high byte. `STATUS_WORD`
    /// takes 16 bits: assign [`word`](Self::word) instead; here it is treated like
    /// `STATUS_BYTE`.
    pub fn set(&mut self, register: StatusRegister, value: u8) {
        match register {
            StatusRegister::Byte | StatusRegister::Word => {
                let high = self.word.bits() & 0xFF00;
                self.word = StatusWord::from_bits_retain(high | u16::from(value));
            }
            _ => self.set_detail(register, value),
        }
    }

    fn set_detail(&mut self, register: StatusRegister, value: u8) {
        match register {
            StatusRegister::Vout => self.vout = Some(StatusVout::from_bits_retain(value)),
            StatusRegister::Iout => self.iout = Some(StatusIout::from_bits_retain(value)),
            StatusRegister::Input => self.input = Some(StatusInput::from_bits_retain(value)),
            StatusRegister::Temperature => {
                self.temperature = Some(StatusTemperature::from_bits_retain(value));
            }
            StatusRegister::Cml => self.cml = Some(StatusCml::from_bits_retain(value)),
            StatusRegister::Other => self.other = Some(StatusOther::from_bits_retain(value)),
            StatusRegister::MfrSpecific => {
                self.mfr_specific = Some(StatusMfrSpecific::from_bits_retain(value));
            }
            StatusRegister::Fans12 => self.fans_1_2 = Some(StatusFans12::from_bits_retain(value)),
            StatusRegister::Fans34 => self.fans_3_4 = Some(StatusFans34::from_bits_retain(value)),
            StatusRegister::Byte | StatusRegister::Word => {}
        }
    }

    /// The raw value of `register` if the snapshot holds it (`STATUS_BYTE` is the word's low
    /// byte).
    pub fn value(&self, register: StatusRegister) -> Option<u16> {
        match register {
            StatusRegister::Word => Some(self.word.bits()),
            StatusRegister::Byte => Some(u16::from(self.word.status_byte().bits())),
            StatusRegister::Vout => self.vout.map(|v| u16::from(v.bits())),
            StatusRegister::Iout => self.iout.map(|v| u16::from(v.bits())),
            StatusRegister::Input => self.input.map(|v| u16::from(v.bits())),
            StatusRegister::Temperature => self.temperature.map(|v| u16::from(v.bits())),
            StatusRegister::Cml => self.cml.map(|v| u16::from(v.bits())),
            StatusRegister::Other => self.other.map(|v| u16::from(v.bits())),
            StatusRegister::MfrSpecific => self.mfr_specific.map(|v| u16::from(v.bits())),
            StatusRegister::Fans12 => self.fans_1_2.map(|v| u16::from(v.bits())),
            StatusRegister::Fans34 => self.fans_3_4.map(|v| u16::from(v.bits())),
        }
    }

    /// The detail registers the word points to that have not been recorded yet.
    pub fn missing(&self) -> StatusRegisterSet {
        let mut set = self.word.registers_to_read();
        for register in StatusRegister::DETAIL {
            if self.value(register).is_some() {
                set = set.without(register);
            }
        }
        set
    }

    /// Every set bit: `STATUS_WORD` (bit 15 down to 0) first, then each recorded detail
    /// register in command code order (bit 7 down to 0). Summary bits, warnings, states and
    /// reserved bits are included, each with its [`Severity`]. No allocation.
    pub fn faults(&self) -> Faults {
        Faults {
            snapshot: *self,
            register: 0,
            bit: 16,
        }
    }

    /// The writes that clear exactly the detail bits this snapshot saw, one per recorded
    /// detail register with bits set (PMBus ≥ 1.2; see [`ClearFaults`]). Bits that become set
    /// after the snapshot was read are not cleared, so no new fault is lost.
    ///
    /// Summary bits of `STATUS_WORD` follow their detail registers; bits without a detail
    /// register (`BUSY`, `UNKNOWN`, `NONE_OF_THE_ABOVE` …) need [`ClearFaults::All`].
    pub fn clear_plans(&self) -> impl Iterator<Item = ClearFaults> + use<> {
        let snapshot = *self;
        StatusRegister::DETAIL
            .into_iter()
            .filter_map(move |register| {
                let value = snapshot.value(register)?;
                let bits = u8::try_from(value).ok()?;
                (bits != 0).then_some(ClearFaults::Bits { register, bits })
            })
    }

    /// The IPMI power supply offsets (sensor type 08h) this picture asserts; see
    /// [`IpmiPsuOffsets`] for the mapping.
    pub fn ipmi_offsets(&self) -> IpmiPsuOffsets {
        ipmi_offsets(self)
    }
}

/// Iterator over the set bits of a [`StatusSnapshot`]; see [`StatusSnapshot::faults`].
#[derive(Clone, Debug)]
pub struct Faults {
    snapshot: StatusSnapshot,
    /// Index into [`FAULT_ORDER`].
    register: usize,
    /// Next bit to look at, plus one (counts down).
    bit: u8,
}

/// The order [`Faults`] visits registers in: the word, then the detail registers.
const FAULT_ORDER: [StatusRegister; 10] = [
    StatusRegister::Word,
    StatusRegister::Vout,
    StatusRegister::Iout,
    StatusRegister::Input,
    StatusRegister::Temperature,
    StatusRegister::Cml,
    StatusRegister::Other,
    StatusRegister::MfrSpecific,
    StatusRegister::Fans12,
    StatusRegister::Fans34,
];

impl Iterator for Faults {
    type Item = Fault;

    fn next(&mut self) -> Option<Fault> {
        loop {
            let register = *FAULT_ORDER.get(self.register)?;
            let Some(value) = self.snapshot.value(register) else {
                self.next_register();
                continue;
            };
            while let Some(bit) = self.bit.checked_sub(1) {
                self.bit = bit;
                if value & (1u16 << bit) != 0 {
                    let info = register.bit_info(bit).copied().unwrap_or(RESERVED);
                    return Some(Fault {
                        register,
                        bit,
                        name: info.name,
                        severity: info.severity,
                    });
                }
            }
            self.next_register();
        }
    }
}

impl Faults {
    fn next_register(&mut self) {
        self.register = self.register.saturating_add(1);
        self.bit = 8;
    }
}

/// How to clear latched status bits (PMBus 1.3.1 Part II, `CLEAR_FAULTS` and §17 on writing the
/// status registers; the driver does the bus IO).
///
/// - [`ClearFaults::All`]: `CLEAR_FAULTS` (03h), a send byte. Clears every status bit of the
///   selected page (every page with `PAGE` FFh). Works on every PMBus revision, but a fault
///   that arrives between reading the status and sending it is cleared unseen.
/// - [`ClearFaults::Bits`]: write the bits to clear, as 1s, to one detail register with a
///   write byte (PMBus 1.2 and later: status registers are write-1-to-clear;
///   [`PmbusRevision::supports_write_to_clear`](crate::command::PmbusRevision::supports_write_to_clear)
///   tells). Clears only what was seen.
///
/// A bit whose condition is still present sets itself again at once.
///
/// ```
/// use smbus_pmbus::command::Transaction;
/// use smbus_pmbus::status::{ClearFaults, StatusRegister, StatusTemperature};
///
/// let plan = ClearFaults::bits(StatusRegister::Temperature, StatusTemperature::OT_WARNING.bits())?;
/// assert_eq!(plan.command_code(), 0x7D);
/// assert_eq!(plan.transaction(), Transaction::WriteByte);
/// assert_eq!(plan.clear_bits_value(), Some(0x40));
///
/// assert_eq!(ClearFaults::All.command_code(), 0x03);
/// assert_eq!(ClearFaults::All.transaction(), Transaction::SendByte);
/// assert_eq!(ClearFaults::All.clear_bits_value(), None);
/// # Ok::<(), smbus_pmbus::status::StatusError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ClearFaults {
    /// Send `CLEAR_FAULTS` (03h).
    All,
    /// Write `bits` to `register` (one of 7Ah–82h); each 1 clears that bit.
    Bits {
        /// The detail register.
        register: StatusRegister,
        /// The bits to clear.
        bits: u8,
    },
}

impl ClearFaults {
    /// A bit-clearing write to a detail register.
    ///
    /// # Errors
    /// [`StatusError::NotADetailRegister`] for `STATUS_BYTE` or `STATUS_WORD`.
    pub const fn bits(register: StatusRegister, bits: u8) -> Result<Self, StatusError> {
        if register.is_detail() {
            Ok(Self::Bits { register, bits })
        } else {
            Err(StatusError::NotADetailRegister {
                code: register.code(),
            })
        }
    }

    /// The command code to send: 03h, or the register's code.
    pub const fn command_code(self) -> u8 {
        match self {
            Self::All => CommandCode::CLEAR_FAULTS.0,
            Self::Bits { register, .. } => register.code(),
        }
    }

    /// The SMBus transaction: send byte for `CLEAR_FAULTS`, write byte for a bit clear.
    pub const fn transaction(self) -> Transaction {
        match self {
            Self::All => Transaction::SendByte,
            Self::Bits { .. } => Transaction::WriteByte,
        }
    }

    /// The data byte to write (`None` for `CLEAR_FAULTS`, which has no data).
    pub const fn clear_bits_value(self) -> Option<u8> {
        match self {
            Self::All => None,
            Self::Bits { bits, .. } => Some(bits),
        }
    }
}

/// A power supply sensor offset (IPMI 2.0 Table 42-3, sensor type 08h "Power Supply").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum IpmiPsuOffset {
    /// 00h: presence detected. Not derived from status: a BMC asserts it when the device
    /// answers on the bus.
    Presence = 0,
    /// 01h: power supply failure detected.
    Failure = 1,
    /// 02h: predictive failure.
    PredictiveFailure = 2,
    /// 03h: input lost (AC/DC).
    InputLost = 3,
    /// 04h: input lost or out of range.
    InputLostOrOutOfRange = 4,
    /// 05h: input out of range, but present.
    InputOutOfRange = 5,
    /// 06h: configuration error. Not derived from status (PMBus has no such bit).
    ConfigurationError = 6,
    /// 07h: inactive (standby).
    Inactive = 7,
}

impl IpmiPsuOffset {
    /// All eight, in offset order.
    pub const ALL: [Self; 8] = [
        Self::Presence,
        Self::Failure,
        Self::PredictiveFailure,
        Self::InputLost,
        Self::InputLostOrOutOfRange,
        Self::InputOutOfRange,
        Self::ConfigurationError,
        Self::Inactive,
    ];

    /// The sensor-specific offset (0–7).
    pub const fn offset(self) -> u8 {
        self as u8
    }

    /// The offset for a value 0–7.
    pub const fn from_offset(offset: u8) -> Option<Self> {
        Some(match offset {
            0 => Self::Presence,
            1 => Self::Failure,
            2 => Self::PredictiveFailure,
            3 => Self::InputLost,
            4 => Self::InputLostOrOutOfRange,
            5 => Self::InputOutOfRange,
            6 => Self::ConfigurationError,
            7 => Self::Inactive,
            _ => return None,
        })
    }
}

impl fmt::Display for IpmiPsuOffset {
    /// The offset's name in IPMI 2.0 Table 42-3.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Presence => "Presence detected",
            Self::Failure => "Power Supply Failure detected",
            Self::PredictiveFailure => "Predictive Failure",
            Self::InputLost => "Power Supply input lost (AC/DC)",
            Self::InputLostOrOutOfRange => "Power Supply input lost or out-of-range",
            Self::InputOutOfRange => "Power Supply input out-of-range, but present",
            Self::ConfigurationError => "Configuration error",
            Self::Inactive => "Power Supply Inactive (in standby state)",
        })
    }
}

/// A set of [`IpmiPsuOffset`]s: bit *n* is offset *n*, as in an IPMI sensor's assertion
/// bitmap. A BMC logs one SEL assertion per offset in
/// [`asserted_since`](IpmiPsuOffsets::asserted_since) and one deassertion per offset in
/// [`deasserted_since`](IpmiPsuOffsets::deasserted_since).
///
/// # Mapping from a [`StatusSnapshot`]
///
/// Detail registers that were not read count as unknown; where the word alone cannot decide,
/// the weaker offset is used (04h instead of 03h/05h) or none.
///
/// | offset | asserted when |
/// |---|---|
/// | 03h input lost | `STATUS_INPUT` `UNIT_OFF_LOW_INPUT`; or a `VIN_UV_FAULT` (in `STATUS_INPUT` or the word) while `OFF` |
/// | 05h input out of range, present | `STATUS_INPUT` `VIN_OV_FAULT`; or its `VIN_UV_FAULT` while the unit is still on |
/// | 04h input lost or out of range | the word's `VIN_UV_FAULT` while on, `STATUS_INPUT` not read (cannot tell which) |
/// | 01h failure | output faults: `VOUT_OV_FAULT`, `IOUT_OC_FAULT` (word or detail), `IOUT_OC_LV_FAULT`, `IOUT_UC_FAULT`, `CURRENT_SHARE_FAULT`, `POUT_OP_FAULT`, `VOUT_TRACKING_ERROR`; `OT_FAULT`, `UT_FAULT`; `IIN_OC_FAULT`; any `STATUS_OTHER` fuse or OR-ing fault; and, unless the input is lost or out of range, `VOUT_UV_FAULT`, `TON_MAX_FAULT`, fan and airflow faults, and `POWER_GOOD#` while not `OFF` |
/// | 02h predictive failure | `VOUT_OV_WARNING`, `IOUT_OC_WARNING`, `POUT_OP_WARNING`, `OT_WARNING`, `UT_WARNING`; and, unless the input is lost or out of range, `VOUT_UV_WARNING` and fan and airflow warnings |
/// | 07h inactive | `OFF` with no input offset and no failure |
///
/// Not mapped: input warnings (`VIN_*_WARNING`, `IIN_OC_WARNING`, `PIN_OP_WARNING`, which
/// describe the feed or the load), `STATUS_CML` (a probe of an unsupported command sets it),
/// `BUSY`, `UNKNOWN`, `NONE_OF_THE_ABOVE`, `STATUS_MFR_SPECIFIC` (vendor-defined), states
/// such as `POWER_LIMITING`, and summary bits whose detail register was not read (read it:
/// [`StatusSnapshot::missing`]). When the input goes, the output and the fans stop too; those
/// consequences are not reported as a failure. Presence (00h) and configuration error (06h)
/// never come from status.
///
/// ```
/// use smbus_pmbus::status::{IpmiPsuOffset, IpmiPsuOffsets, StatusSnapshot, StatusTemperature, StatusWord};
///
/// // Overtemperature warning.
/// let mut s = StatusSnapshot::new(StatusWord::TEMPERATURE);
/// s.temperature = Some(StatusTemperature::OT_WARNING);
/// let now = s.ipmi_offsets();
/// assert!(now.contains(IpmiPsuOffset::PredictiveFailure));
///
/// // The BMC logs what changed since the last poll.
/// let before = IpmiPsuOffsets::EMPTY;
/// assert_eq!(now.asserted_since(before).iter().collect::<Vec<_>>(), [IpmiPsuOffset::PredictiveFailure]);
/// assert!(now.deasserted_since(before).is_empty());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IpmiPsuOffsets(u8);

impl IpmiPsuOffsets {
    /// The empty set.
    pub const EMPTY: Self = Self(0);

    /// The set from an assertion bitmap (bit *n* = offset *n*).
    pub const fn from_bits(bits: u8) -> Self {
        Self(bits)
    }

    /// The assertion bitmap.
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// The set with `offset` added.
    #[must_use]
    pub const fn with(self, offset: IpmiPsuOffset) -> Self {
        Self(self.0 | (1 << offset as u8))
    }

    /// The set without `offset`.
    #[must_use]
    pub const fn without(self, offset: IpmiPsuOffset) -> Self {
        Self(self.0 & !(1 << offset as u8))
    }

    /// Whether `offset` is in the set.
    pub const fn contains(self, offset: IpmiPsuOffset) -> bool {
        self.0 & (1 << offset as u8) != 0
    }

    /// `true` if the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Offsets in `self` but not in `previous`: new assertions.
    #[must_use]
    pub const fn asserted_since(self, previous: Self) -> Self {
        Self(self.0 & !previous.0)
    }

    /// Offsets in `previous` but not in `self`: deassertions.
    #[must_use]
    pub const fn deasserted_since(self, previous: Self) -> Self {
        Self(previous.0 & !self.0)
    }

    /// The offsets, in offset order.
    pub fn iter(self) -> impl Iterator<Item = IpmiPsuOffset> {
        IpmiPsuOffset::ALL
            .into_iter()
            .filter(move |o| self.contains(*o))
    }
}

impl FromIterator<IpmiPsuOffset> for IpmiPsuOffsets {
    fn from_iter<I: IntoIterator<Item = IpmiPsuOffset>>(iter: I) -> Self {
        iter.into_iter().fold(Self::EMPTY, Self::with)
    }
}

fn ipmi_offsets(s: &StatusSnapshot) -> IpmiPsuOffsets {
    let word = s.word;
    let off = word.contains(StatusWord::OFF);
    let vout = s.vout.unwrap_or(StatusVout::empty());
    let iout = s.iout.unwrap_or(StatusIout::empty());
    let temp = s.temperature.unwrap_or(StatusTemperature::empty());
    let other = s.other.unwrap_or(StatusOther::empty());
    let fans12 = s.fans_1_2.unwrap_or(StatusFans12::empty());
    let fans34 = s.fans_3_4.unwrap_or(StatusFans34::empty());

    let mut set = IpmiPsuOffsets::EMPTY;

    // Input (Table 42-3 offsets 03h-05h).
    match s.input {
        Some(input) => {
            let uv = input.contains(StatusInput::VIN_UV_FAULT);
            if input.contains(StatusInput::UNIT_OFF_LOW_INPUT) || (uv && off) {
                set = set.with(IpmiPsuOffset::InputLost);
            } else if uv {
                set = set.with(IpmiPsuOffset::InputOutOfRange);
            }
            if input.contains(StatusInput::VIN_OV_FAULT) {
                set = set.with(IpmiPsuOffset::InputOutOfRange);
            }
        }
        None => {
            if word.contains(StatusWord::VIN_UV_FAULT) {
                set = set.with(if off {
                    IpmiPsuOffset::InputLost
                } else {
                    IpmiPsuOffset::InputLostOrOutOfRange
                });
            }
        }
    }
    let input_problem = set.contains(IpmiPsuOffset::InputLost)
        || set.contains(IpmiPsuOffset::InputLostOrOutOfRange)
        || set.contains(IpmiPsuOffset::InputOutOfRange);

    // Failure (01h).
    let input = s.input.unwrap_or(StatusInput::empty());
    let failure = word.intersects(StatusWord::VOUT_OV_FAULT.union(StatusWord::IOUT_OC_FAULT))
        || vout.intersects(StatusVout::VOUT_OV_FAULT.union(StatusVout::VOUT_TRACKING_ERROR))
        || iout.intersects(
            StatusIout::IOUT_OC_FAULT
                .union(StatusIout::IOUT_OC_LV_FAULT)
                .union(StatusIout::IOUT_UC_FAULT)
                .union(StatusIout::CURRENT_SHARE_FAULT)
                .union(StatusIout::POUT_OP_FAULT),
        )
        || temp.intersects(StatusTemperature::OT_FAULT.union(StatusTemperature::UT_FAULT))
        || input.contains(StatusInput::IIN_OC_FAULT)
        || other.intersects(
            StatusOther::INPUT_A_FUSE_FAULT
                .union(StatusOther::INPUT_B_FUSE_FAULT)
                .union(StatusOther::INPUT_A_ORING_FAULT)
                .union(StatusOther::INPUT_B_ORING_FAULT)
                .union(StatusOther::OUTPUT_ORING_FAULT),
        );
    // Consequences of a missing input: only a failure when the input is fine.
    let consequential_failure = !input_problem
        && (vout.intersects(StatusVout::VOUT_UV_FAULT.union(StatusVout::TON_MAX_FAULT))
            || fans12.intersects(
                StatusFans12::FAN_1_FAULT
                    .union(StatusFans12::FAN_2_FAULT)
                    .union(StatusFans12::AIRFLOW_FAULT),
            )
            || fans34.intersects(StatusFans34::FAN_3_FAULT.union(StatusFans34::FAN_4_FAULT))
            || (word.contains(StatusWord::POWER_GOOD_N) && !off));
    if failure || consequential_failure {
        set = set.with(IpmiPsuOffset::Failure);
    }

    // Predictive failure (02h).
    let warning = vout.contains(StatusVout::VOUT_OV_WARNING)
        || iout.intersects(StatusIout::IOUT_OC_WARNING.union(StatusIout::POUT_OP_WARNING))
        || temp.intersects(StatusTemperature::OT_WARNING.union(StatusTemperature::UT_WARNING));
    let consequential_warning = !input_problem
        && (vout.contains(StatusVout::VOUT_UV_WARNING)
            || fans12.intersects(
                StatusFans12::FAN_1_WARNING
                    .union(StatusFans12::FAN_2_WARNING)
                    .union(StatusFans12::AIRFLOW_WARNING),
            )
            || fans34.intersects(StatusFans34::FAN_3_WARNING.union(StatusFans34::FAN_4_WARNING)));
    if warning || consequential_warning {
        set = set.with(IpmiPsuOffset::PredictiveFailure);
    }

    // Inactive (07h): off, input fine, nothing failed.
    if off && !input_problem && !set.contains(IpmiPsuOffset::Failure) {
        set = set.with(IpmiPsuOffset::Inactive);
    }
    set
}

/// `IpmiPsuOffset::ConfigurationError` cannot become a `sel_codec::builders::PsuEvent`
/// without the configuration error type that event data 3 carries.
#[cfg(feature = "sel-codec")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ConfigErrorTypeNeeded;

#[cfg(feature = "sel-codec")]
impl fmt::Display for ConfigErrorTypeNeeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "the configuration error offset needs its error type (event data 3); \
             use IpmiPsuOffset::to_psu_event",
        )
    }
}

#[cfg(feature = "sel-codec")]
impl core::error::Error for ConfigErrorTypeNeeded {}

#[cfg(feature = "sel-codec")]
impl IpmiPsuOffset {
    /// The SEL builder event for this offset; `config_error` is used only for
    /// [`IpmiPsuOffset::ConfigurationError`] (IPMI 2.0 Table 42-3, offset 06h event data 3).
    ///
    /// ```
    /// use sel_codec::builders::{PsuConfigError, PsuEvent};
    /// use smbus_pmbus::status::IpmiPsuOffset;
    ///
    /// let event = IpmiPsuOffset::ConfigurationError.to_psu_event(PsuConfigError::RatingMismatch);
    /// assert_eq!(event, PsuEvent::ConfigurationError(PsuConfigError::RatingMismatch));
    /// assert_eq!(PsuEvent::try_from(IpmiPsuOffset::InputLost), Ok(PsuEvent::InputLost));
    /// ```
    pub const fn to_psu_event(
        self,
        config_error: sel_codec::builders::PsuConfigError,
    ) -> sel_codec::builders::PsuEvent {
        use sel_codec::builders::PsuEvent;
        match self {
            Self::Presence => PsuEvent::Presence,
            Self::Failure => PsuEvent::Failure,
            Self::PredictiveFailure => PsuEvent::PredictiveFailure,
            Self::InputLost => PsuEvent::InputLost,
            Self::InputLostOrOutOfRange => PsuEvent::InputLostOrOutOfRange,
            Self::InputOutOfRange => PsuEvent::InputOutOfRange,
            Self::ConfigurationError => PsuEvent::ConfigurationError(config_error),
            Self::Inactive => PsuEvent::Inactive,
        }
    }
}

/// Every offset except [`IpmiPsuOffset::ConfigurationError`] converts directly; that one
/// fails with [`ConfigErrorTypeNeeded`] because `sel-codec` has no "unspecified"
/// configuration error type and guessing one would log a wrong event. The status mapping
/// never produces it.
#[cfg(feature = "sel-codec")]
impl TryFrom<IpmiPsuOffset> for sel_codec::builders::PsuEvent {
    type Error = ConfigErrorTypeNeeded;

    fn try_from(offset: IpmiPsuOffset) -> Result<Self, Self::Error> {
        match offset {
            IpmiPsuOffset::ConfigurationError => Err(ConfigErrorTypeNeeded),
            other => Ok(other.to_psu_event(sel_codec::builders::PsuConfigError::VendorMismatch)),
        }
    }
}

#[cfg(feature = "sel-codec")]
impl From<sel_codec::builders::PsuEvent> for IpmiPsuOffset {
    fn from(event: sel_codec::builders::PsuEvent) -> Self {
        use sel_codec::builders::PsuEvent;
        match event {
            PsuEvent::Presence => Self::Presence,
            PsuEvent::Failure => Self::Failure,
            PsuEvent::PredictiveFailure => Self::PredictiveFailure,
            PsuEvent::InputLost => Self::InputLost,
            PsuEvent::InputLostOrOutOfRange => Self::InputLostOrOutOfRange,
            PsuEvent::InputOutOfRange => Self::InputOutOfRange,
            PsuEvent::ConfigurationError(_) => Self::ConfigurationError,
            PsuEvent::Inactive => Self::Inactive,
        }
    }
}
