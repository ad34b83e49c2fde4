//! The PMBus 1.3 command set as data (Part II, Table 31 "Command summary"), and the small
//! registers a driver needs to decode before anything else.
//!
//! - [`CommandCode`]: a command byte, with a named constant for every defined command
//!   ([`CommandCode::READ_VIN`] …), its [`name`](CommandCode::name) and its
//!   [`info`](CommandCode::info) row.
//! - [`COMMANDS`] / [`info`]: one [`CommandInfo`] row per code 00h–FFh: transactions for
//!   writing and reading, data length, [`DataFormat`], [`Unit`], [`Paging`].
//! - Registers: [`Capability`] (19h), [`Query`] (1Ah), [`PmbusRevision`] (98h),
//!   [`Operation`] (01h), [`OnOffConfig`] (02h), [`WriteProtect`] (10h), [`Page`] (00h) and
//!   [`Phase`] (04h).
//! - [`PagePlusWrite`] / [`PagePlusRead`]: the block payloads of `PAGE_PLUS_WRITE` (05h) and
//!   `PAGE_PLUS_READ` (06h).
//!
//! The table follows PMBus 1.3.1. Where 1.3.1 renamed things, the older names are accepted by
//! [`CommandCode::from_name`]: D0h–FDh were `MFR_SPECIFIC_00` … `MFR_SPECIFIC_45` up to 1.3.0,
//! and C4h–CFh were reserved then.
//!
//! ```
//! use smbus_pmbus::command::{CommandCode, Transaction};
//!
//! let code = CommandCode::from(0x88);
//! assert_eq!(code, CommandCode::READ_VIN);
//! assert_eq!(code.name(), "READ_VIN");
//! assert_eq!(code.info().read, Transaction::ReadWord);
//! assert_eq!(CommandCode::from_name("read_vin"), Some(CommandCode::READ_VIN));
//! assert_eq!(u8::from(CommandCode::STATUS_WORD), 0x79);
//! assert!(CommandCode::from(0x09).is_reserved());
//! assert_eq!(CommandCode::from(0x09).to_string(), "RESERVED(09h)");
//! ```

use core::fmt;

mod page_plus;
mod registers;
mod table;

pub use page_plus::{PagePlusError, PagePlusRead, PagePlusWrite};
pub use registers::{
    BusSpeed, Capability, MarginFaultResponse, NumericFormat, OnOffConfig, Operation, Page, Phase,
    PmbusRevision, Query, QueryFormat, TurnOffBehavior, Version, VoltageSource, WriteProtect,
};
pub use table::{COMMANDS, CommandInfo, DataFormat, DataLength, Paging, Transaction, Unit, info};

/// A PMBus command code (the byte after the address).
///
/// Every byte value is a valid `CommandCode`: reserved and manufacturer-specific codes are kept
/// as they are, never dropped. Defined commands have associated constants in the
/// specification's spelling (`CommandCode::READ_VIN`).
///
/// `Display` prints the specification name (`READ_VIN`), or `RESERVED(09h)` for a reserved
/// code so that the value is not lost; `Debug` prints both code and name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CommandCode(pub u8);

impl CommandCode {
    /// The specification name (`"READ_VIN"`), `"RESERVED"` for a reserved code.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// This code's row of the command summary.
    pub fn info(self) -> &'static CommandInfo {
        info(self.0)
    }

    /// `true` if PMBus 1.3.1 reserves this code.
    pub fn is_reserved(self) -> bool {
        self.info().is_reserved()
    }

    /// `true` for the manufacturer-specific codes C4h–FDh.
    pub const fn is_mfr_specific(self) -> bool {
        matches!(self.0, 0xC4..=0xFD)
    }

    /// `true` for the extended command prefixes `MFR_SPECIFIC_COMMAND_EXT` (FEh) and
    /// `PMBUS_COMMAND_EXT` (FFh).
    pub const fn is_extended(self) -> bool {
        matches!(self.0, 0xFE | 0xFF)
    }

    /// `true` for the status registers `STATUS_BYTE` (78h) through `STATUS_FANS_3_4` (82h).
    pub const fn is_status(self) -> bool {
        matches!(self.0, 0x78..=0x82)
    }

    /// The code with this specification name, compared without regard to ASCII case.
    ///
    /// Accepts every name in [`COMMANDS`] except `"RESERVED"`, and the pre-1.3.1 names
    /// `MFR_SPECIFIC_00` … `MFR_SPECIFIC_45` (decimal, D0h–FDh).
    ///
    /// ```
    /// use smbus_pmbus::command::CommandCode;
    ///
    /// assert_eq!(CommandCode::from_name("STATUS_FANS_1_2"), Some(CommandCode(0x81)));
    /// assert_eq!(CommandCode::from_name("MFR_SPECIFIC_00"), Some(CommandCode(0xD0)));
    /// assert_eq!(CommandCode::from_name("MFR_SPECIFIC_45"), Some(CommandCode(0xFD)));
    /// assert_eq!(CommandCode::from_name("RESERVED"), None);
    /// assert_eq!(CommandCode::from_name("READ_VOLTAGE"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        if let Some(found) = COMMANDS
            .iter()
            .find(|row| !row.is_reserved() && row.name.eq_ignore_ascii_case(name))
        {
            return Some(Self(found.code));
        }
        old_mfr_specific(name).map(Self)
    }
}

/// `MFR_SPECIFIC_nn` with `nn` decimal 00–45: the PMBus 1.2/1.3.0 names of D0h–FDh.
fn old_mfr_specific(name: &str) -> Option<u8> {
    const PREFIX: &str = "MFR_SPECIFIC_";
    let prefix = name.get(..PREFIX.len())?;
    if !prefix.eq_ignore_ascii_case(PREFIX) {
        return None;
    }
    let digits = name.get(PREFIX.len()..)?.as_bytes();
    let [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] = digits else {
        return None;
    };
    let n = (tens - b'0') * 10 + (ones - b'0');
    if n > 45 {
        return None;
    }
    0xD0u8.checked_add(n)
}

impl From<u8> for CommandCode {
    fn from(code: u8) -> Self {
        Self(code)
    }
}

impl From<CommandCode> for u8 {
    fn from(code: CommandCode) -> Self {
        code.0
    }
}

impl fmt::Display for CommandCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_reserved() {
            write!(f, "RESERVED({:02X}h)", self.0)
        } else {
            f.write_str(self.name())
        }
    }
}

impl fmt::Debug for CommandCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CommandCode({:02X}h {})", self.0, self.name())
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for CommandCode {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "CommandCode({=u8:02X}h {=str})", self.0, self.name())
    }
}

/// Named command codes (PMBus 1.3.1 Part II, Table 31).
impl CommandCode {
    /// `PAGE` (00h): Selects the page (output or rail) later commands act on; FFh addresses all pages.
    pub const PAGE: Self = Self(0x00);
    /// `OPERATION` (01h): Turns the output on or off and selects margining; see [`Operation`].
    pub const OPERATION: Self = Self(0x01);
    /// `ON_OFF_CONFIG` (02h): How the CONTROL pin and OPERATION turn the output on and off; see [`OnOffConfig`].
    pub const ON_OFF_CONFIG: Self = Self(0x02);
    /// `CLEAR_FAULTS` (03h): Clears all latched status bits of the selected page (of every page when PAGE is FFh).
    pub const CLEAR_FAULTS: Self = Self(0x03);
    /// `PHASE` (04h): Selects the phase within the page for phase-aware commands; FFh addresses all phases.
    pub const PHASE: Self = Self(0x04);
    /// `PAGE_PLUS_WRITE` (05h): Writes a command on a given page in one transaction: block of page, command code, data.
    pub const PAGE_PLUS_WRITE: Self = Self(0x05);
    /// `PAGE_PLUS_READ` (06h): Reads a command on a given page in one transaction: sends page and command code, returns the data.
    pub const PAGE_PLUS_READ: Self = Self(0x06);
    /// `ZONE_CONFIG` (07h): Assigns the write zone and read zone numbers (PMBus 1.3 zones).
    pub const ZONE_CONFIG: Self = Self(0x07);
    /// `ZONE_ACTIVE` (08h): Selects the active write zone and read zone (PMBus 1.3 zones).
    pub const ZONE_ACTIVE: Self = Self(0x08);
    /// `WRITE_PROTECT` (10h): Write protection level; see [`WriteProtect`].
    pub const WRITE_PROTECT: Self = Self(0x10);
    /// `STORE_DEFAULT_ALL` (11h): Copies all operating values to the default store (non-volatile).
    pub const STORE_DEFAULT_ALL: Self = Self(0x11);
    /// `RESTORE_DEFAULT_ALL` (12h): Loads all operating values from the default store.
    pub const RESTORE_DEFAULT_ALL: Self = Self(0x12);
    /// `STORE_DEFAULT_CODE` (13h): Copies the value of one command (the data byte) to the default store.
    pub const STORE_DEFAULT_CODE: Self = Self(0x13);
    /// `RESTORE_DEFAULT_CODE` (14h): Loads the value of one command (the data byte) from the default store.
    pub const RESTORE_DEFAULT_CODE: Self = Self(0x14);
    /// `STORE_USER_ALL` (15h): Copies all operating values to the user store (non-volatile).
    pub const STORE_USER_ALL: Self = Self(0x15);
    /// `RESTORE_USER_ALL` (16h): Loads all operating values from the user store.
    pub const RESTORE_USER_ALL: Self = Self(0x16);
    /// `STORE_USER_CODE` (17h): Copies the value of one command (the data byte) to the user store.
    pub const STORE_USER_CODE: Self = Self(0x17);
    /// `RESTORE_USER_CODE` (18h): Loads the value of one command (the data byte) from the user store.
    pub const RESTORE_USER_CODE: Self = Self(0x18);
    /// `CAPABILITY` (19h): PEC, bus speed, SMBALERT#, numeric format and AVSBus support; see [`Capability`].
    pub const CAPABILITY: Self = Self(0x19);
    /// `QUERY` (1Ah): Asks whether a command is supported and in which format; see [`Query`].
    pub const QUERY: Self = Self(0x1A);
    /// `SMBALERT_MASK` (1Bh): Masks status bits from asserting SMBALERT#: written as status command code and mask; read back by a process call naming the status command.
    pub const SMBALERT_MASK: Self = Self(0x1B);
    /// `VOUT_MODE` (20h): Data format (ULINEAR16 exponent, VID, DIRECT, IEEE half) of the output voltage commands.
    pub const VOUT_MODE: Self = Self(0x20);
    /// `VOUT_COMMAND` (21h): Output voltage set point.
    pub const VOUT_COMMAND: Self = Self(0x21);
    /// `VOUT_TRIM` (22h): Fixed offset added to the output voltage set point.
    pub const VOUT_TRIM: Self = Self(0x22);
    /// `VOUT_CAL_OFFSET` (23h): Calibration offset of the output voltage.
    pub const VOUT_CAL_OFFSET: Self = Self(0x23);
    /// `VOUT_MAX` (24h): Upper limit of the output voltage that any command can set.
    pub const VOUT_MAX: Self = Self(0x24);
    /// `VOUT_MARGIN_HIGH` (25h): Output voltage when OPERATION selects margin high.
    pub const VOUT_MARGIN_HIGH: Self = Self(0x25);
    /// `VOUT_MARGIN_LOW` (26h): Output voltage when OPERATION selects margin low.
    pub const VOUT_MARGIN_LOW: Self = Self(0x26);
    /// `VOUT_TRANSITION_RATE` (27h): Rate at which the output changes after a set point change, in mV/µs.
    pub const VOUT_TRANSITION_RATE: Self = Self(0x27);
    /// `VOUT_DROOP` (28h): Load line: output voltage drop per ampere, in mV/A.
    pub const VOUT_DROOP: Self = Self(0x28);
    /// `VOUT_SCALE_LOOP` (29h): Divider ratio of the output voltage feedback loop.
    pub const VOUT_SCALE_LOOP: Self = Self(0x29);
    /// `VOUT_SCALE_MONITOR` (2Ah): Divider ratio of the output voltage monitor.
    pub const VOUT_SCALE_MONITOR: Self = Self(0x2A);
    /// `VOUT_MIN` (2Bh): Lower limit of the output voltage that any command can set (PMBus 1.3).
    pub const VOUT_MIN: Self = Self(0x2B);
    /// `COEFFICIENTS` (30h): DIRECT format coefficients m, b, R of a command: sends command code and direction, returns five bytes.
    pub const COEFFICIENTS: Self = Self(0x30);
    /// `POUT_MAX` (31h): Output power limit.
    pub const POUT_MAX: Self = Self(0x31);
    /// `MAX_DUTY` (32h): Maximum PWM duty cycle.
    pub const MAX_DUTY: Self = Self(0x32);
    /// `FREQUENCY_SWITCH` (33h): Switching frequency.
    pub const FREQUENCY_SWITCH: Self = Self(0x33);
    /// `POWER_MODE` (34h): Selects a power mode between maximum efficiency and maximum performance (PMBus 1.3).
    pub const POWER_MODE: Self = Self(0x34);
    /// `VIN_ON` (35h): Input voltage at which the unit starts converting power.
    pub const VIN_ON: Self = Self(0x35);
    /// `VIN_OFF` (36h): Input voltage at which the unit stops converting power.
    pub const VIN_OFF: Self = Self(0x36);
    /// `INTERLEAVE` (37h): Group number, number of units in the group and this unit's position, for phase interleaving.
    pub const INTERLEAVE: Self = Self(0x37);
    /// `IOUT_CAL_GAIN` (38h): Output current sense gain, in mΩ.
    pub const IOUT_CAL_GAIN: Self = Self(0x38);
    /// `IOUT_CAL_OFFSET` (39h): Output current sense offset.
    pub const IOUT_CAL_OFFSET: Self = Self(0x39);
    /// `FAN_CONFIG_1_2` (3Ah): Fans 1 and 2: installed, commanded in RPM or duty cycle, tachometer pulses per revolution.
    pub const FAN_CONFIG_1_2: Self = Self(0x3A);
    /// `FAN_COMMAND_1` (3Bh): Fan 1 speed command, in RPM or percent as FAN_CONFIG_1_2 says.
    pub const FAN_COMMAND_1: Self = Self(0x3B);
    /// `FAN_COMMAND_2` (3Ch): Fan 2 speed command, in RPM or percent as FAN_CONFIG_1_2 says.
    pub const FAN_COMMAND_2: Self = Self(0x3C);
    /// `FAN_CONFIG_3_4` (3Dh): Fans 3 and 4: installed, commanded in RPM or duty cycle, tachometer pulses per revolution.
    pub const FAN_CONFIG_3_4: Self = Self(0x3D);
    /// `FAN_COMMAND_3` (3Eh): Fan 3 speed command, in RPM or percent as FAN_CONFIG_3_4 says.
    pub const FAN_COMMAND_3: Self = Self(0x3E);
    /// `FAN_COMMAND_4` (3Fh): Fan 4 speed command, in RPM or percent as FAN_CONFIG_3_4 says.
    pub const FAN_COMMAND_4: Self = Self(0x3F);
    /// `VOUT_OV_FAULT_LIMIT` (40h): Output overvoltage fault threshold.
    pub const VOUT_OV_FAULT_LIMIT: Self = Self(0x40);
    /// `VOUT_OV_FAULT_RESPONSE` (41h): What the unit does on an output overvoltage fault.
    pub const VOUT_OV_FAULT_RESPONSE: Self = Self(0x41);
    /// `VOUT_OV_WARN_LIMIT` (42h): Output overvoltage warning threshold.
    pub const VOUT_OV_WARN_LIMIT: Self = Self(0x42);
    /// `VOUT_UV_WARN_LIMIT` (43h): Output undervoltage warning threshold.
    pub const VOUT_UV_WARN_LIMIT: Self = Self(0x43);
    /// `VOUT_UV_FAULT_LIMIT` (44h): Output undervoltage fault threshold.
    pub const VOUT_UV_FAULT_LIMIT: Self = Self(0x44);
    /// `VOUT_UV_FAULT_RESPONSE` (45h): What the unit does on an output undervoltage fault.
    pub const VOUT_UV_FAULT_RESPONSE: Self = Self(0x45);
    /// `IOUT_OC_FAULT_LIMIT` (46h): Output overcurrent fault threshold.
    pub const IOUT_OC_FAULT_LIMIT: Self = Self(0x46);
    /// `IOUT_OC_FAULT_RESPONSE` (47h): What the unit does on an output overcurrent fault.
    pub const IOUT_OC_FAULT_RESPONSE: Self = Self(0x47);
    /// `IOUT_OC_LV_FAULT_LIMIT` (48h): Output voltage below which an overcurrent in constant-current mode becomes a low-voltage fault.
    pub const IOUT_OC_LV_FAULT_LIMIT: Self = Self(0x48);
    /// `IOUT_OC_LV_FAULT_RESPONSE` (49h): What the unit does on an overcurrent low-voltage fault.
    pub const IOUT_OC_LV_FAULT_RESPONSE: Self = Self(0x49);
    /// `IOUT_OC_WARN_LIMIT` (4Ah): Output overcurrent warning threshold.
    pub const IOUT_OC_WARN_LIMIT: Self = Self(0x4A);
    /// `IOUT_UC_FAULT_LIMIT` (4Bh): Output undercurrent (sinking) fault threshold.
    pub const IOUT_UC_FAULT_LIMIT: Self = Self(0x4B);
    /// `IOUT_UC_FAULT_RESPONSE` (4Ch): What the unit does on an output undercurrent fault.
    pub const IOUT_UC_FAULT_RESPONSE: Self = Self(0x4C);
    /// `OT_FAULT_LIMIT` (4Fh): Overtemperature fault threshold.
    pub const OT_FAULT_LIMIT: Self = Self(0x4F);
    /// `OT_FAULT_RESPONSE` (50h): What the unit does on an overtemperature fault.
    pub const OT_FAULT_RESPONSE: Self = Self(0x50);
    /// `OT_WARN_LIMIT` (51h): Overtemperature warning threshold.
    pub const OT_WARN_LIMIT: Self = Self(0x51);
    /// `UT_WARN_LIMIT` (52h): Undertemperature warning threshold.
    pub const UT_WARN_LIMIT: Self = Self(0x52);
    /// `UT_FAULT_LIMIT` (53h): Undertemperature fault threshold.
    pub const UT_FAULT_LIMIT: Self = Self(0x53);
    /// `UT_FAULT_RESPONSE` (54h): What the unit does on an undertemperature fault.
    pub const UT_FAULT_RESPONSE: Self = Self(0x54);
    /// `VIN_OV_FAULT_LIMIT` (55h): Input overvoltage fault threshold.
    pub const VIN_OV_FAULT_LIMIT: Self = Self(0x55);
    /// `VIN_OV_FAULT_RESPONSE` (56h): What the unit does on an input overvoltage fault.
    pub const VIN_OV_FAULT_RESPONSE: Self = Self(0x56);
    /// `VIN_OV_WARN_LIMIT` (57h): Input overvoltage warning threshold.
    pub const VIN_OV_WARN_LIMIT: Self = Self(0x57);
    /// `VIN_UV_WARN_LIMIT` (58h): Input undervoltage warning threshold.
    pub const VIN_UV_WARN_LIMIT: Self = Self(0x58);
    /// `VIN_UV_FAULT_LIMIT` (59h): Input undervoltage fault threshold.
    pub const VIN_UV_FAULT_LIMIT: Self = Self(0x59);
    /// `VIN_UV_FAULT_RESPONSE` (5Ah): What the unit does on an input undervoltage fault.
    pub const VIN_UV_FAULT_RESPONSE: Self = Self(0x5A);
    /// `IIN_OC_FAULT_LIMIT` (5Bh): Input overcurrent fault threshold.
    pub const IIN_OC_FAULT_LIMIT: Self = Self(0x5B);
    /// `IIN_OC_FAULT_RESPONSE` (5Ch): What the unit does on an input overcurrent fault.
    pub const IIN_OC_FAULT_RESPONSE: Self = Self(0x5C);
    /// `IIN_OC_WARN_LIMIT` (5Dh): Input overcurrent warning threshold.
    pub const IIN_OC_WARN_LIMIT: Self = Self(0x5D);
    /// `POWER_GOOD_ON` (5Eh): Output voltage at which POWER_GOOD is asserted.
    pub const POWER_GOOD_ON: Self = Self(0x5E);
    /// `POWER_GOOD_OFF` (5Fh): Output voltage at which POWER_GOOD is negated.
    pub const POWER_GOOD_OFF: Self = Self(0x5F);
    /// `TON_DELAY` (60h): Delay from the start condition to the output starting to rise.
    pub const TON_DELAY: Self = Self(0x60);
    /// `TON_RISE` (61h): Time for the output to rise to its set point.
    pub const TON_RISE: Self = Self(0x61);
    /// `TON_MAX_FAULT_LIMIT` (62h): Longest time the output may take to reach regulation before a fault.
    pub const TON_MAX_FAULT_LIMIT: Self = Self(0x62);
    /// `TON_MAX_FAULT_RESPONSE` (63h): What the unit does when TON_MAX_FAULT_LIMIT is exceeded.
    pub const TON_MAX_FAULT_RESPONSE: Self = Self(0x63);
    /// `TOFF_DELAY` (64h): Delay from the stop condition to the output starting to fall.
    pub const TOFF_DELAY: Self = Self(0x64);
    /// `TOFF_FALL` (65h): Time for the output to fall to zero.
    pub const TOFF_FALL: Self = Self(0x65);
    /// `TOFF_MAX_WARN_LIMIT` (66h): Longest time the output may take to turn off before a warning.
    pub const TOFF_MAX_WARN_LIMIT: Self = Self(0x66);
    /// `POUT_OP_FAULT_LIMIT` (68h): Output overpower fault threshold.
    pub const POUT_OP_FAULT_LIMIT: Self = Self(0x68);
    /// `POUT_OP_FAULT_RESPONSE` (69h): What the unit does on an output overpower fault.
    pub const POUT_OP_FAULT_RESPONSE: Self = Self(0x69);
    /// `POUT_OP_WARN_LIMIT` (6Ah): Output overpower warning threshold.
    pub const POUT_OP_WARN_LIMIT: Self = Self(0x6A);
    /// `PIN_OP_WARN_LIMIT` (6Bh): Input overpower warning threshold.
    pub const PIN_OP_WARN_LIMIT: Self = Self(0x6B);
    /// `STATUS_BYTE` (78h): Summary status byte; see [`StatusByte`](crate::status::StatusByte).
    pub const STATUS_BYTE: Self = Self(0x78);
    /// `STATUS_WORD` (79h): Summary status word; see [`StatusWord`](crate::status::StatusWord).
    pub const STATUS_WORD: Self = Self(0x79);
    /// `STATUS_VOUT` (7Ah): Output voltage faults and warnings; see [`StatusVout`](crate::status::StatusVout).
    pub const STATUS_VOUT: Self = Self(0x7A);
    /// `STATUS_IOUT` (7Bh): Output current and power faults and warnings; see [`StatusIout`](crate::status::StatusIout).
    pub const STATUS_IOUT: Self = Self(0x7B);
    /// `STATUS_INPUT` (7Ch): Input voltage, current and power faults and warnings; see [`StatusInput`](crate::status::StatusInput).
    pub const STATUS_INPUT: Self = Self(0x7C);
    /// `STATUS_TEMPERATURE` (7Dh): Temperature faults and warnings; see [`StatusTemperature`](crate::status::StatusTemperature).
    pub const STATUS_TEMPERATURE: Self = Self(0x7D);
    /// `STATUS_CML` (7Eh): Communication, memory and logic faults; see [`StatusCml`](crate::status::StatusCml).
    pub const STATUS_CML: Self = Self(0x7E);
    /// `STATUS_OTHER` (7Fh): Input fuse/breaker and OR-ing device faults; see [`StatusOther`](crate::status::StatusOther).
    pub const STATUS_OTHER: Self = Self(0x7F);
    /// `STATUS_MFR_SPECIFIC` (80h): Manufacturer-defined status bits; see [`StatusMfrSpecific`](crate::status::StatusMfrSpecific).
    pub const STATUS_MFR_SPECIFIC: Self = Self(0x80);
    /// `STATUS_FANS_1_2` (81h): Fan 1 and 2 and airflow faults and warnings; see [`StatusFans12`](crate::status::StatusFans12).
    pub const STATUS_FANS_1_2: Self = Self(0x81);
    /// `STATUS_FANS_3_4` (82h): Fan 3 and 4 faults and warnings; see [`StatusFans34`](crate::status::StatusFans34).
    pub const STATUS_FANS_3_4: Self = Self(0x82);
    /// `READ_KWH_IN` (83h): Input energy counter, unsigned 32-bit kWh (PMBus 1.3).
    pub const READ_KWH_IN: Self = Self(0x83);
    /// `READ_KWH_OUT` (84h): Output energy counter, unsigned 32-bit kWh (PMBus 1.3).
    pub const READ_KWH_OUT: Self = Self(0x84);
    /// `READ_KWH_CONFIG` (85h): Configures the READ_KWH_IN and READ_KWH_OUT counters (PMBus 1.3).
    pub const READ_KWH_CONFIG: Self = Self(0x85);
    /// `READ_EIN` (86h): Input energy accumulator: 16-bit accumulator, rollover count, 24-bit sample count.
    pub const READ_EIN: Self = Self(0x86);
    /// `READ_EOUT` (87h): Output energy accumulator: 16-bit accumulator, rollover count, 24-bit sample count.
    pub const READ_EOUT: Self = Self(0x87);
    /// `READ_VIN` (88h): Input voltage.
    pub const READ_VIN: Self = Self(0x88);
    /// `READ_IIN` (89h): Input current.
    pub const READ_IIN: Self = Self(0x89);
    /// `READ_VCAP` (8Ah): Voltage of the energy-storage (hold-up) capacitor.
    pub const READ_VCAP: Self = Self(0x8A);
    /// `READ_VOUT` (8Bh): Output voltage, in the format VOUT_MODE gives.
    pub const READ_VOUT: Self = Self(0x8B);
    /// `READ_IOUT` (8Ch): Output current.
    pub const READ_IOUT: Self = Self(0x8C);
    /// `READ_TEMPERATURE_1` (8Dh): Temperature sensor 1.
    pub const READ_TEMPERATURE_1: Self = Self(0x8D);
    /// `READ_TEMPERATURE_2` (8Eh): Temperature sensor 2.
    pub const READ_TEMPERATURE_2: Self = Self(0x8E);
    /// `READ_TEMPERATURE_3` (8Fh): Temperature sensor 3.
    pub const READ_TEMPERATURE_3: Self = Self(0x8F);
    /// `READ_FAN_SPEED_1` (90h): Fan 1 speed.
    pub const READ_FAN_SPEED_1: Self = Self(0x90);
    /// `READ_FAN_SPEED_2` (91h): Fan 2 speed.
    pub const READ_FAN_SPEED_2: Self = Self(0x91);
    /// `READ_FAN_SPEED_3` (92h): Fan 3 speed.
    pub const READ_FAN_SPEED_3: Self = Self(0x92);
    /// `READ_FAN_SPEED_4` (93h): Fan 4 speed.
    pub const READ_FAN_SPEED_4: Self = Self(0x93);
    /// `READ_DUTY_CYCLE` (94h): Duty cycle of the power converter.
    pub const READ_DUTY_CYCLE: Self = Self(0x94);
    /// `READ_FREQUENCY` (95h): Switching frequency (AC input frequency on some PSUs).
    pub const READ_FREQUENCY: Self = Self(0x95);
    /// `READ_POUT` (96h): Output power.
    pub const READ_POUT: Self = Self(0x96);
    /// `READ_PIN` (97h): Input power.
    pub const READ_PIN: Self = Self(0x97);
    /// `PMBUS_REVISION` (98h): Revisions of Part I and Part II the device complies with; see [`PmbusRevision`].
    pub const PMBUS_REVISION: Self = Self(0x98);
    /// `MFR_ID` (99h): Manufacturer name. ASCII block.
    pub const MFR_ID: Self = Self(0x99);
    /// `MFR_MODEL` (9Ah): Model name or number. ASCII block.
    pub const MFR_MODEL: Self = Self(0x9A);
    /// `MFR_REVISION` (9Bh): Model revision. ASCII block.
    pub const MFR_REVISION: Self = Self(0x9B);
    /// `MFR_LOCATION` (9Ch): Place of manufacture. ASCII block.
    pub const MFR_LOCATION: Self = Self(0x9C);
    /// `MFR_DATE` (9Dh): Date of manufacture. ASCII block.
    pub const MFR_DATE: Self = Self(0x9D);
    /// `MFR_SERIAL` (9Eh): Serial number. ASCII block.
    pub const MFR_SERIAL: Self = Self(0x9E);
    /// `APP_PROFILE_SUPPORT` (9Fh): Application profiles the device supports, as profile and revision bytes.
    pub const APP_PROFILE_SUPPORT: Self = Self(0x9F);
    /// `MFR_VIN_MIN` (A0h): Minimum rated input voltage.
    pub const MFR_VIN_MIN: Self = Self(0xA0);
    /// `MFR_VIN_MAX` (A1h): Maximum rated input voltage.
    pub const MFR_VIN_MAX: Self = Self(0xA1);
    /// `MFR_IIN_MAX` (A2h): Maximum rated input current.
    pub const MFR_IIN_MAX: Self = Self(0xA2);
    /// `MFR_PIN_MAX` (A3h): Maximum rated input power.
    pub const MFR_PIN_MAX: Self = Self(0xA3);
    /// `MFR_VOUT_MIN` (A4h): Minimum rated output voltage, in the format VOUT_MODE gives.
    pub const MFR_VOUT_MIN: Self = Self(0xA4);
    /// `MFR_VOUT_MAX` (A5h): Maximum rated output voltage, in the format VOUT_MODE gives.
    pub const MFR_VOUT_MAX: Self = Self(0xA5);
    /// `MFR_IOUT_MAX` (A6h): Maximum rated output current.
    pub const MFR_IOUT_MAX: Self = Self(0xA6);
    /// `MFR_POUT_MAX` (A7h): Maximum rated output power.
    pub const MFR_POUT_MAX: Self = Self(0xA7);
    /// `MFR_TAMBIENT_MAX` (A8h): Maximum rated ambient temperature.
    pub const MFR_TAMBIENT_MAX: Self = Self(0xA8);
    /// `MFR_TAMBIENT_MIN` (A9h): Minimum rated ambient temperature.
    pub const MFR_TAMBIENT_MIN: Self = Self(0xA9);
    /// `MFR_EFFICIENCY_LL` (AAh): Rated efficiency at low line: input voltage and three power/efficiency pairs.
    pub const MFR_EFFICIENCY_LL: Self = Self(0xAA);
    /// `MFR_EFFICIENCY_HL` (ABh): Rated efficiency at high line: input voltage and three power/efficiency pairs.
    pub const MFR_EFFICIENCY_HL: Self = Self(0xAB);
    /// `MFR_PIN_ACCURACY` (ACh): Accuracy of READ_PIN, in steps of 0.1 %.
    pub const MFR_PIN_ACCURACY: Self = Self(0xAC);
    /// `IC_DEVICE_ID` (ADh): Identification of the controller IC.
    pub const IC_DEVICE_ID: Self = Self(0xAD);
    /// `IC_DEVICE_REV` (AEh): Revision of the controller IC.
    pub const IC_DEVICE_REV: Self = Self(0xAE);
    /// `USER_DATA_00` (B0h): User data block 0, free for the system integrator.
    pub const USER_DATA_00: Self = Self(0xB0);
    /// `USER_DATA_01` (B1h): User data block 1, free for the system integrator.
    pub const USER_DATA_01: Self = Self(0xB1);
    /// `USER_DATA_02` (B2h): User data block 2, free for the system integrator.
    pub const USER_DATA_02: Self = Self(0xB2);
    /// `USER_DATA_03` (B3h): User data block 3, free for the system integrator.
    pub const USER_DATA_03: Self = Self(0xB3);
    /// `USER_DATA_04` (B4h): User data block 4, free for the system integrator.
    pub const USER_DATA_04: Self = Self(0xB4);
    /// `USER_DATA_05` (B5h): User data block 5, free for the system integrator.
    pub const USER_DATA_05: Self = Self(0xB5);
    /// `USER_DATA_06` (B6h): User data block 6, free for the system integrator.
    pub const USER_DATA_06: Self = Self(0xB6);
    /// `USER_DATA_07` (B7h): User data block 7, free for the system integrator.
    pub const USER_DATA_07: Self = Self(0xB7);
    /// `USER_DATA_08` (B8h): User data block 8, free for the system integrator.
    pub const USER_DATA_08: Self = Self(0xB8);
    /// `USER_DATA_09` (B9h): User data block 9, free for the system integrator.
    pub const USER_DATA_09: Self = Self(0xB9);
    /// `USER_DATA_10` (BAh): User data block 10, free for the system integrator.
    pub const USER_DATA_10: Self = Self(0xBA);
    /// `USER_DATA_11` (BBh): User data block 11, free for the system integrator.
    pub const USER_DATA_11: Self = Self(0xBB);
    /// `USER_DATA_12` (BCh): User data block 12, free for the system integrator.
    pub const USER_DATA_12: Self = Self(0xBC);
    /// `USER_DATA_13` (BDh): User data block 13, free for the system integrator.
    pub const USER_DATA_13: Self = Self(0xBD);
    /// `USER_DATA_14` (BEh): User data block 14, free for the system integrator.
    pub const USER_DATA_14: Self = Self(0xBE);
    /// `USER_DATA_15` (BFh): User data block 15, free for the system integrator.
    pub const USER_DATA_15: Self = Self(0xBF);
    /// `MFR_MAX_TEMP_1` (C0h): Maximum rated temperature of sensor 1.
    pub const MFR_MAX_TEMP_1: Self = Self(0xC0);
    /// `MFR_MAX_TEMP_2` (C1h): Maximum rated temperature of sensor 2.
    pub const MFR_MAX_TEMP_2: Self = Self(0xC1);
    /// `MFR_MAX_TEMP_3` (C2h): Maximum rated temperature of sensor 3.
    pub const MFR_MAX_TEMP_3: Self = Self(0xC2);
    /// `MFR_SPECIFIC_C4` (C4h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_C4: Self = Self(0xC4);
    /// `MFR_SPECIFIC_C5` (C5h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_C5: Self = Self(0xC5);
    /// `MFR_SPECIFIC_C6` (C6h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_C6: Self = Self(0xC6);
    /// `MFR_SPECIFIC_C7` (C7h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_C7: Self = Self(0xC7);
    /// `MFR_SPECIFIC_C8` (C8h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_C8: Self = Self(0xC8);
    /// `MFR_SPECIFIC_C9` (C9h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_C9: Self = Self(0xC9);
    /// `MFR_SPECIFIC_CA` (CAh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_CA: Self = Self(0xCA);
    /// `MFR_SPECIFIC_CB` (CBh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_CB: Self = Self(0xCB);
    /// `MFR_SPECIFIC_CC` (CCh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_CC: Self = Self(0xCC);
    /// `MFR_SPECIFIC_CD` (CDh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_CD: Self = Self(0xCD);
    /// `MFR_SPECIFIC_CE` (CEh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_CE: Self = Self(0xCE);
    /// `MFR_SPECIFIC_CF` (CFh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_CF: Self = Self(0xCF);
    /// `MFR_SPECIFIC_D0` (D0h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D0: Self = Self(0xD0);
    /// `MFR_SPECIFIC_D1` (D1h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D1: Self = Self(0xD1);
    /// `MFR_SPECIFIC_D2` (D2h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D2: Self = Self(0xD2);
    /// `MFR_SPECIFIC_D3` (D3h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D3: Self = Self(0xD3);
    /// `MFR_SPECIFIC_D4` (D4h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D4: Self = Self(0xD4);
    /// `MFR_SPECIFIC_D5` (D5h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D5: Self = Self(0xD5);
    /// `MFR_SPECIFIC_D6` (D6h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D6: Self = Self(0xD6);
    /// `MFR_SPECIFIC_D7` (D7h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D7: Self = Self(0xD7);
    /// `MFR_SPECIFIC_D8` (D8h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D8: Self = Self(0xD8);
    /// `MFR_SPECIFIC_D9` (D9h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_D9: Self = Self(0xD9);
    /// `MFR_SPECIFIC_DA` (DAh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_DA: Self = Self(0xDA);
    /// `MFR_SPECIFIC_DB` (DBh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_DB: Self = Self(0xDB);
    /// `MFR_SPECIFIC_DC` (DCh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_DC: Self = Self(0xDC);
    /// `MFR_SPECIFIC_DD` (DDh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_DD: Self = Self(0xDD);
    /// `MFR_SPECIFIC_DE` (DEh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_DE: Self = Self(0xDE);
    /// `MFR_SPECIFIC_DF` (DFh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_DF: Self = Self(0xDF);
    /// `MFR_SPECIFIC_E0` (E0h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E0: Self = Self(0xE0);
    /// `MFR_SPECIFIC_E1` (E1h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E1: Self = Self(0xE1);
    /// `MFR_SPECIFIC_E2` (E2h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E2: Self = Self(0xE2);
    /// `MFR_SPECIFIC_E3` (E3h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E3: Self = Self(0xE3);
    /// `MFR_SPECIFIC_E4` (E4h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E4: Self = Self(0xE4);
    /// `MFR_SPECIFIC_E5` (E5h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E5: Self = Self(0xE5);
    /// `MFR_SPECIFIC_E6` (E6h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E6: Self = Self(0xE6);
    /// `MFR_SPECIFIC_E7` (E7h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E7: Self = Self(0xE7);
    /// `MFR_SPECIFIC_E8` (E8h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E8: Self = Self(0xE8);
    /// `MFR_SPECIFIC_E9` (E9h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_E9: Self = Self(0xE9);
    /// `MFR_SPECIFIC_EA` (EAh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_EA: Self = Self(0xEA);
    /// `MFR_SPECIFIC_EB` (EBh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_EB: Self = Self(0xEB);
    /// `MFR_SPECIFIC_EC` (ECh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_EC: Self = Self(0xEC);
    /// `MFR_SPECIFIC_ED` (EDh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_ED: Self = Self(0xED);
    /// `MFR_SPECIFIC_EE` (EEh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_EE: Self = Self(0xEE);
    /// `MFR_SPECIFIC_EF` (EFh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_EF: Self = Self(0xEF);
    /// `MFR_SPECIFIC_F0` (F0h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F0: Self = Self(0xF0);
    /// `MFR_SPECIFIC_F1` (F1h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F1: Self = Self(0xF1);
    /// `MFR_SPECIFIC_F2` (F2h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F2: Self = Self(0xF2);
    /// `MFR_SPECIFIC_F3` (F3h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F3: Self = Self(0xF3);
    /// `MFR_SPECIFIC_F4` (F4h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F4: Self = Self(0xF4);
    /// `MFR_SPECIFIC_F5` (F5h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F5: Self = Self(0xF5);
    /// `MFR_SPECIFIC_F6` (F6h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F6: Self = Self(0xF6);
    /// `MFR_SPECIFIC_F7` (F7h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F7: Self = Self(0xF7);
    /// `MFR_SPECIFIC_F8` (F8h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F8: Self = Self(0xF8);
    /// `MFR_SPECIFIC_F9` (F9h): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_F9: Self = Self(0xF9);
    /// `MFR_SPECIFIC_FA` (FAh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_FA: Self = Self(0xFA);
    /// `MFR_SPECIFIC_FB` (FBh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_FB: Self = Self(0xFB);
    /// `MFR_SPECIFIC_FC` (FCh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_FC: Self = Self(0xFC);
    /// `MFR_SPECIFIC_FD` (FDh): manufacturer-specific command; its transaction and data are in the datasheet.
    pub const MFR_SPECIFIC_FD: Self = Self(0xFD);
    /// `MFR_SPECIFIC_COMMAND_EXT` (FEh): prefix of the manufacturer-specific extended command space; a second
    /// byte names the extended command.
    pub const MFR_SPECIFIC_COMMAND_EXT: Self = Self(0xFE);
    /// `PMBUS_COMMAND_EXT` (FFh): prefix of the PMBus extended command space; a second byte names the
    /// extended command.
    pub const PMBUS_COMMAND_EXT: Self = Self(0xFF);
}
