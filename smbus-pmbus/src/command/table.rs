//! The PMBus 1.3.1 command summary (Part II, Table 31 / Appendix I) as data: one
//! [`CommandInfo`] row for every command code 00h–FFh.
//!
//! The rows were transcribed from the command summary and cross-checked against the Linux
//! `pmbus.h` register list; `tests/command_table.rs` walks all 256 rows against a second,
//! independently typed transcription.

use core::fmt;

/// An SMBus transaction a command uses in one direction (PMBus 1.3 Part II Table 31,
/// column "SMBus Transaction Type"; SMBus 3.x §6.5 for the protocols).
///
/// A [`CommandInfo`] holds one for writing and one for reading; [`Transaction::None`]
/// means the command cannot be used in that direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Transaction {
    /// Not used in this direction (or the code is reserved).
    None,
    /// Send Byte: the command code alone (for example `CLEAR_FAULTS`).
    SendByte,
    /// Write Byte: command code and one data byte.
    WriteByte,
    /// Write Word: command code and two data bytes, low byte first.
    WriteWord,
    /// Block Write: command code, byte count, data.
    BlockWrite,
    /// Read Byte: one data byte back.
    ReadByte,
    /// Read Word: two data bytes back, low byte first.
    ReadWord,
    /// Read 32 (SMBus 3.0): four data bytes back, low byte first (`READ_KWH_IN`/`OUT`).
    Read32,
    /// Block Read: byte count and data back.
    BlockRead,
    /// Block Write–Block Read Process Call: a block is written, a block comes back in the
    /// same transaction (`QUERY`, `COEFFICIENTS`, `PAGE_PLUS_READ`, reading `SMBALERT_MASK`).
    BlockProcessCall,
    /// Manufacturer-specific command: the datasheet defines the transaction.
    MfrDefined,
    /// Extended command prefix (FEh/FFh): the command byte is followed by an extended command
    /// code, then the transaction of that extended command.
    Extended,
}

impl Transaction {
    /// `true` unless this is [`Transaction::None`].
    pub const fn is_supported(self) -> bool {
        !matches!(self, Self::None)
    }
}

/// How many data bytes a command carries (PMBus 1.3 Part II Table 31, column "Number Of Data
/// Bytes"), not counting the command code, a block's byte count or PEC.
///
/// For a process call it is the size of the answer (`COEFFICIENTS`: 5) or, where both
/// directions carry the same size, that size (`QUERY`: 1 byte each way).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum DataLength {
    /// Exactly this many bytes (0 for a send byte command).
    Fixed(u8),
    /// A block whose length the byte count gives.
    Variable,
    /// Manufacturer-specific or extended command: the datasheet says.
    DeviceDefined,
    /// Reserved code: nothing is defined.
    Undefined,
}

/// How a command's data is encoded (PMBus 1.3 Part II §7–§8, "Data formats").
///
/// Numeric commands come in two families:
/// - [`DataFormat::Vout`]: commands about the output voltage. Their format is whatever
///   `VOUT_MODE` (20h) of the same page says: ULINEAR16 with the VOUT_MODE exponent, VID,
///   DIRECT, or IEEE half precision.
/// - [`DataFormat::Linear11OrDirect`]: every other numeric command. The specification leaves
///   the choice to the device: LINEAR11 unless the device uses DIRECT (coefficients from the
///   datasheet or from `COEFFICIENTS` 30h), or IEEE half precision when `CAPABILITY` (19h)
///   bit 3 is set (PMBus 1.3). A device layer resolves it per device, for example with
///   `QUERY` (1Ah) bits 4:2 or a per-device table; the command table alone cannot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum DataFormat {
    /// No data (send byte commands) or a reserved code.
    None,
    /// LINEAR11, DIRECT or IEEE half, as the device chooses (see the type documentation).
    Linear11OrDirect,
    /// The format `VOUT_MODE` gives (ULINEAR16, VID, DIRECT or IEEE half).
    Vout,
    /// The `VOUT_MODE` byte itself: mode bits 7:5 and parameter bits 4:0.
    VoutMode,
    /// Bit fields defined by the command's section.
    Bitfield,
    /// A fault response byte: response bits 7:6, retry bits 5:3, delay bits 2:0.
    FaultResponse,
    /// A plain unsigned integer (page, phase, zone, counter).
    Unsigned,
    /// One data byte holding a command code (`STORE_DEFAULT_CODE` and its siblings).
    CommandCode,
    /// An ASCII (ISO/IEC 8859-1) text block.
    Ascii,
    /// A binary block.
    Block,
    /// `PAGE_PLUS_WRITE`/`PAGE_PLUS_READ` payload: page, command code, data.
    PagePlus,
    /// `READ_EIN`/`READ_EOUT` energy accumulator: u16 accumulator, u8 rollover count, u24 sample
    /// count, little-endian.
    Energy,
    /// `COEFFICIENTS` answer: m (i16), b (i16), R (i8).
    Coefficients,
    /// Manufacturer-specific or extended command: the datasheet says.
    DeviceDefined,
}

/// The unit of a numeric command's value once decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Unit {
    /// No unit (not numeric, or a plain count).
    None,
    /// Volt.
    Volt,
    /// Ampere.
    Ampere,
    /// Watt.
    Watt,
    /// Degree Celsius.
    Celsius,
    /// Revolutions per minute.
    Rpm,
    /// RPM or percent duty cycle, as the fan's `FAN_CONFIG_x_y` bits say.
    RpmOrPercent,
    /// Percent.
    Percent,
    /// Millisecond.
    Millisecond,
    /// Kilohertz.
    Kilohertz,
    /// Millivolt per microsecond (`VOUT_TRANSITION_RATE`).
    MillivoltPerMicrosecond,
    /// Milliohm, also written mV/A (`VOUT_DROOP`, `IOUT_CAL_GAIN`).
    Milliohm,
    /// A dimensionless ratio (`VOUT_SCALE_LOOP`, `VOUT_SCALE_MONITOR`).
    Ratio,
    /// Kilowatt-hour (`READ_KWH_IN`/`OUT`).
    KilowattHour,
    /// A sum of power samples in watts (`READ_EIN`/`EOUT`): divide by the sample count for the
    /// average power over the interval.
    WattSamples,
}

impl Unit {
    /// The unit symbol (`"V"`, `"A"`, `"°C"` …); empty for [`Unit::None`].
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::None => "",
            Self::Volt => "V",
            Self::Ampere => "A",
            Self::Watt => "W",
            Self::Celsius => "°C",
            Self::Rpm => "RPM",
            Self::RpmOrPercent => "RPM or %",
            Self::Percent => "%",
            Self::Millisecond => "ms",
            Self::Kilohertz => "kHz",
            Self::MillivoltPerMicrosecond => "mV/µs",
            Self::Milliohm => "mΩ",
            Self::Ratio => "V/V",
            Self::KilowattHour => "kWh",
            Self::WattSamples => "W·samples",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// Whether a command acts on the page `PAGE` (00h) selects.
///
/// The specification lets a device decide which commands are paged; this is the table's
/// reading of the command descriptions, chosen so that following it is always safe.
/// Phases are not recorded: which commands `PHASE` (04h) applies to is device-specific
/// (datasheets mark them "Phased").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Paging {
    /// The command concerns the whole device (identification, `CAPABILITY`, storing or
    /// restoring everything) or carries its own page (`PAGE`, `PAGE_PLUS_*`): no need to
    /// select a page first.
    Global,
    /// The command acts on the selected page, or the specification does not say it is
    /// device-wide: select the page first (harmless where the device ignores it).
    Paged,
    /// Manufacturer-specific or extended command: the datasheet says.
    DeviceDefined,
    /// Reserved code.
    NotApplicable,
}

/// One row of the command summary.
///
/// ```
/// use smbus_pmbus::command::{CommandCode, DataLength, Paging, Transaction};
///
/// let row = CommandCode::STATUS_WORD.info();
/// assert_eq!((row.write, row.read), (Transaction::WriteWord, Transaction::ReadWord));
/// assert_eq!(row.data_bytes, DataLength::Fixed(2));
/// assert_eq!(row.paging, Paging::Paged);
/// assert!(row.is_readable() && row.is_writable() && !row.is_reserved());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CommandInfo {
    /// The command code (equal to the row's index in [`COMMANDS`]).
    pub code: u8,
    /// The specification's name, `"RESERVED"` for reserved codes.
    pub name: &'static str,
    /// The transaction that writes the command.
    pub write: Transaction,
    /// The transaction that reads the command.
    pub read: Transaction,
    /// How many data bytes it carries.
    pub data_bytes: DataLength,
    /// How the data is encoded.
    pub format: DataFormat,
    /// The unit of the decoded value.
    pub unit: Unit,
    /// Whether it acts on the selected page.
    pub paging: Paging,
}

impl CommandInfo {
    /// `true` for a reserved code (nothing defined in PMBus 1.3.1).
    pub const fn is_reserved(&self) -> bool {
        matches!(self.data_bytes, DataLength::Undefined)
    }

    /// `true` for the manufacturer-specific codes C4h–FDh.
    pub const fn is_mfr_specific(&self) -> bool {
        matches!(self.write, Transaction::MfrDefined)
    }

    /// `true` for the extended command prefixes FEh and FFh.
    pub const fn is_extended(&self) -> bool {
        matches!(self.write, Transaction::Extended)
    }

    /// `true` if the command can be written.
    pub const fn is_writable(&self) -> bool {
        self.write.is_supported()
    }

    /// `true` if the command can be read.
    pub const fn is_readable(&self) -> bool {
        self.read.is_supported()
    }
}

use DataFormat as F;
use DataLength as L;
use Paging as P;
use Transaction as T;
use Unit as U;

#[allow(clippy::too_many_arguments)]
const fn row(
    code: u8,
    name: &'static str,
    write: Transaction,
    read: Transaction,
    data_bytes: DataLength,
    format: DataFormat,
    unit: Unit,
    paging: Paging,
) -> CommandInfo {
    CommandInfo {
        code,
        name,
        write,
        read,
        data_bytes,
        format,
        unit,
        paging,
    }
}

const fn reserved(code: u8) -> CommandInfo {
    row(
        code,
        "RESERVED",
        T::None,
        T::None,
        L::Undefined,
        F::None,
        U::None,
        P::NotApplicable,
    )
}

const fn mfr_specific(code: u8, name: &'static str) -> CommandInfo {
    row(
        code,
        name,
        T::MfrDefined,
        T::MfrDefined,
        L::DeviceDefined,
        F::DeviceDefined,
        U::None,
        P::DeviceDefined,
    )
}

const fn extended(code: u8, name: &'static str) -> CommandInfo {
    row(
        code,
        name,
        T::Extended,
        T::Extended,
        L::DeviceDefined,
        F::DeviceDefined,
        U::None,
        P::DeviceDefined,
    )
}

/// The command summary of PMBus 1.3.1 Part II (Table 31), one row per code: `COMMANDS[c].code
/// == c` for every `c` in 00h–FFh.
///
/// Reserved codes (09h–0Fh, 1Ch–1Fh, 2Ch–2Fh, 4Dh–4Eh, 67h, 6Ch–77h, AFh, C3h) have the name
/// `"RESERVED"` and no transactions. C4h–FDh are manufacturer-specific (`MFR_SPECIFIC_C4` …
/// `MFR_SPECIFIC_FD`, the 1.3.1 names; see [`CommandCode::from_name`](super::CommandCode::from_name)
/// for the older `MFR_SPECIFIC_00` … `MFR_SPECIFIC_45`).
#[rustfmt::skip]
pub static COMMANDS: [CommandInfo; 256] = [
    row(0x00, "PAGE", T::WriteByte, T::ReadByte, L::Fixed(1), F::Unsigned, U::None, P::Global),
    row(0x01, "OPERATION", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x02, "ON_OFF_CONFIG", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x03, "CLEAR_FAULTS", T::SendByte, T::None, L::Fixed(0), F::None, U::None, P::Paged),
    row(0x04, "PHASE", T::WriteByte, T::ReadByte, L::Fixed(1), F::Unsigned, U::None, P::Paged),
    row(0x05, "PAGE_PLUS_WRITE", T::BlockWrite, T::None, L::Variable, F::PagePlus, U::None, P::Global),
    row(0x06, "PAGE_PLUS_READ", T::None, T::BlockProcessCall, L::Variable, F::PagePlus, U::None, P::Global),
    row(0x07, "ZONE_CONFIG", T::WriteWord, T::ReadWord, L::Fixed(2), F::Unsigned, U::None, P::Paged),
    row(0x08, "ZONE_ACTIVE", T::WriteWord, T::ReadWord, L::Fixed(2), F::Unsigned, U::None, P::Paged),
    reserved(0x09),
    reserved(0x0A),
    reserved(0x0B),
    reserved(0x0C),
    reserved(0x0D),
    reserved(0x0E),
    reserved(0x0F),
    row(0x10, "WRITE_PROTECT", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x11, "STORE_DEFAULT_ALL", T::SendByte, T::None, L::Fixed(0), F::None, U::None, P::Global),
    row(0x12, "RESTORE_DEFAULT_ALL", T::SendByte, T::None, L::Fixed(0), F::None, U::None, P::Global),
    row(0x13, "STORE_DEFAULT_CODE", T::WriteByte, T::None, L::Fixed(1), F::CommandCode, U::None, P::Paged),
    row(0x14, "RESTORE_DEFAULT_CODE", T::WriteByte, T::None, L::Fixed(1), F::CommandCode, U::None, P::Paged),
    row(0x15, "STORE_USER_ALL", T::SendByte, T::None, L::Fixed(0), F::None, U::None, P::Global),
    row(0x16, "RESTORE_USER_ALL", T::SendByte, T::None, L::Fixed(0), F::None, U::None, P::Global),
    row(0x17, "STORE_USER_CODE", T::WriteByte, T::None, L::Fixed(1), F::CommandCode, U::None, P::Paged),
    row(0x18, "RESTORE_USER_CODE", T::WriteByte, T::None, L::Fixed(1), F::CommandCode, U::None, P::Paged),
    row(0x19, "CAPABILITY", T::None, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Global),
    row(0x1A, "QUERY", T::None, T::BlockProcessCall, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x1B, "SMBALERT_MASK", T::WriteWord, T::BlockProcessCall, L::Fixed(2), F::Bitfield, U::None, P::Paged),
    reserved(0x1C),
    reserved(0x1D),
    reserved(0x1E),
    reserved(0x1F),
    row(0x20, "VOUT_MODE", T::WriteByte, T::ReadByte, L::Fixed(1), F::VoutMode, U::None, P::Paged),
    row(0x21, "VOUT_COMMAND", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x22, "VOUT_TRIM", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x23, "VOUT_CAL_OFFSET", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x24, "VOUT_MAX", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x25, "VOUT_MARGIN_HIGH", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x26, "VOUT_MARGIN_LOW", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x27, "VOUT_TRANSITION_RATE", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::MillivoltPerMicrosecond, P::Paged),
    row(0x28, "VOUT_DROOP", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Milliohm, P::Paged),
    row(0x29, "VOUT_SCALE_LOOP", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ratio, P::Paged),
    row(0x2A, "VOUT_SCALE_MONITOR", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ratio, P::Paged),
    row(0x2B, "VOUT_MIN", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    reserved(0x2C),
    reserved(0x2D),
    reserved(0x2E),
    reserved(0x2F),
    row(0x30, "COEFFICIENTS", T::None, T::BlockProcessCall, L::Fixed(5), F::Coefficients, U::None, P::Paged),
    row(0x31, "POUT_MAX", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    row(0x32, "MAX_DUTY", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Percent, P::Paged),
    row(0x33, "FREQUENCY_SWITCH", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Kilohertz, P::Paged),
    row(0x34, "POWER_MODE", T::WriteByte, T::ReadByte, L::Fixed(1), F::Unsigned, U::None, P::Paged),
    row(0x35, "VIN_ON", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x36, "VIN_OFF", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x37, "INTERLEAVE", T::WriteWord, T::ReadWord, L::Fixed(2), F::Bitfield, U::None, P::Paged),
    row(0x38, "IOUT_CAL_GAIN", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Milliohm, P::Paged),
    row(0x39, "IOUT_CAL_OFFSET", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x3A, "FAN_CONFIG_1_2", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x3B, "FAN_COMMAND_1", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::RpmOrPercent, P::Paged),
    row(0x3C, "FAN_COMMAND_2", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::RpmOrPercent, P::Paged),
    row(0x3D, "FAN_CONFIG_3_4", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x3E, "FAN_COMMAND_3", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::RpmOrPercent, P::Paged),
    row(0x3F, "FAN_COMMAND_4", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::RpmOrPercent, P::Paged),
    row(0x40, "VOUT_OV_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x41, "VOUT_OV_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x42, "VOUT_OV_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x43, "VOUT_UV_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x44, "VOUT_UV_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x45, "VOUT_UV_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x46, "IOUT_OC_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x47, "IOUT_OC_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x48, "IOUT_OC_LV_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x49, "IOUT_OC_LV_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x4A, "IOUT_OC_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x4B, "IOUT_UC_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x4C, "IOUT_UC_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    reserved(0x4D),
    reserved(0x4E),
    row(0x4F, "OT_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0x50, "OT_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x51, "OT_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0x52, "UT_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0x53, "UT_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0x54, "UT_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x55, "VIN_OV_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x56, "VIN_OV_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x57, "VIN_OV_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x58, "VIN_UV_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x59, "VIN_UV_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x5A, "VIN_UV_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x5B, "IIN_OC_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x5C, "IIN_OC_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x5D, "IIN_OC_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x5E, "POWER_GOOD_ON", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x5F, "POWER_GOOD_OFF", T::WriteWord, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x60, "TON_DELAY", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Millisecond, P::Paged),
    row(0x61, "TON_RISE", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Millisecond, P::Paged),
    row(0x62, "TON_MAX_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Millisecond, P::Paged),
    row(0x63, "TON_MAX_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x64, "TOFF_DELAY", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Millisecond, P::Paged),
    row(0x65, "TOFF_FALL", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Millisecond, P::Paged),
    row(0x66, "TOFF_MAX_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Millisecond, P::Paged),
    reserved(0x67),
    row(0x68, "POUT_OP_FAULT_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    row(0x69, "POUT_OP_FAULT_RESPONSE", T::WriteByte, T::ReadByte, L::Fixed(1), F::FaultResponse, U::None, P::Paged),
    row(0x6A, "POUT_OP_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    row(0x6B, "PIN_OP_WARN_LIMIT", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    reserved(0x6C),
    reserved(0x6D),
    reserved(0x6E),
    reserved(0x6F),
    reserved(0x70),
    reserved(0x71),
    reserved(0x72),
    reserved(0x73),
    reserved(0x74),
    reserved(0x75),
    reserved(0x76),
    reserved(0x77),
    row(0x78, "STATUS_BYTE", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x79, "STATUS_WORD", T::WriteWord, T::ReadWord, L::Fixed(2), F::Bitfield, U::None, P::Paged),
    row(0x7A, "STATUS_VOUT", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x7B, "STATUS_IOUT", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x7C, "STATUS_INPUT", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x7D, "STATUS_TEMPERATURE", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x7E, "STATUS_CML", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x7F, "STATUS_OTHER", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x80, "STATUS_MFR_SPECIFIC", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x81, "STATUS_FANS_1_2", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x82, "STATUS_FANS_3_4", T::WriteByte, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Paged),
    row(0x83, "READ_KWH_IN", T::None, T::Read32, L::Fixed(4), F::Unsigned, U::KilowattHour, P::Paged),
    row(0x84, "READ_KWH_OUT", T::None, T::Read32, L::Fixed(4), F::Unsigned, U::KilowattHour, P::Paged),
    row(0x85, "READ_KWH_CONFIG", T::WriteWord, T::ReadWord, L::Fixed(2), F::Bitfield, U::None, P::Paged),
    row(0x86, "READ_EIN", T::None, T::BlockRead, L::Fixed(6), F::Energy, U::WattSamples, P::Paged),
    row(0x87, "READ_EOUT", T::None, T::BlockRead, L::Fixed(6), F::Energy, U::WattSamples, P::Paged),
    row(0x88, "READ_VIN", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x89, "READ_IIN", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x8A, "READ_VCAP", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0x8B, "READ_VOUT", T::None, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0x8C, "READ_IOUT", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0x8D, "READ_TEMPERATURE_1", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0x8E, "READ_TEMPERATURE_2", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0x8F, "READ_TEMPERATURE_3", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0x90, "READ_FAN_SPEED_1", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Rpm, P::Paged),
    row(0x91, "READ_FAN_SPEED_2", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Rpm, P::Paged),
    row(0x92, "READ_FAN_SPEED_3", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Rpm, P::Paged),
    row(0x93, "READ_FAN_SPEED_4", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Rpm, P::Paged),
    row(0x94, "READ_DUTY_CYCLE", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Percent, P::Paged),
    row(0x95, "READ_FREQUENCY", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Kilohertz, P::Paged),
    row(0x96, "READ_POUT", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    row(0x97, "READ_PIN", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    row(0x98, "PMBUS_REVISION", T::None, T::ReadByte, L::Fixed(1), F::Bitfield, U::None, P::Global),
    row(0x99, "MFR_ID", T::BlockWrite, T::BlockRead, L::Variable, F::Ascii, U::None, P::Global),
    row(0x9A, "MFR_MODEL", T::BlockWrite, T::BlockRead, L::Variable, F::Ascii, U::None, P::Global),
    row(0x9B, "MFR_REVISION", T::BlockWrite, T::BlockRead, L::Variable, F::Ascii, U::None, P::Global),
    row(0x9C, "MFR_LOCATION", T::BlockWrite, T::BlockRead, L::Variable, F::Ascii, U::None, P::Global),
    row(0x9D, "MFR_DATE", T::BlockWrite, T::BlockRead, L::Variable, F::Ascii, U::None, P::Global),
    row(0x9E, "MFR_SERIAL", T::BlockWrite, T::BlockRead, L::Variable, F::Ascii, U::None, P::Global),
    row(0x9F, "APP_PROFILE_SUPPORT", T::None, T::BlockRead, L::Variable, F::Block, U::None, P::Global),
    row(0xA0, "MFR_VIN_MIN", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0xA1, "MFR_VIN_MAX", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Volt, P::Paged),
    row(0xA2, "MFR_IIN_MAX", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0xA3, "MFR_PIN_MAX", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    row(0xA4, "MFR_VOUT_MIN", T::None, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0xA5, "MFR_VOUT_MAX", T::None, T::ReadWord, L::Fixed(2), F::Vout, U::Volt, P::Paged),
    row(0xA6, "MFR_IOUT_MAX", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Ampere, P::Paged),
    row(0xA7, "MFR_POUT_MAX", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Watt, P::Paged),
    row(0xA8, "MFR_TAMBIENT_MAX", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0xA9, "MFR_TAMBIENT_MIN", T::None, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0xAA, "MFR_EFFICIENCY_LL", T::None, T::BlockRead, L::Fixed(14), F::Block, U::None, P::Paged),
    row(0xAB, "MFR_EFFICIENCY_HL", T::None, T::BlockRead, L::Fixed(14), F::Block, U::None, P::Paged),
    row(0xAC, "MFR_PIN_ACCURACY", T::None, T::ReadByte, L::Fixed(1), F::Unsigned, U::Percent, P::Paged),
    row(0xAD, "IC_DEVICE_ID", T::None, T::BlockRead, L::Variable, F::Block, U::None, P::Global),
    row(0xAE, "IC_DEVICE_REV", T::None, T::BlockRead, L::Variable, F::Block, U::None, P::Global),
    reserved(0xAF),
    row(0xB0, "USER_DATA_00", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB1, "USER_DATA_01", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB2, "USER_DATA_02", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB3, "USER_DATA_03", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB4, "USER_DATA_04", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB5, "USER_DATA_05", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB6, "USER_DATA_06", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB7, "USER_DATA_07", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB8, "USER_DATA_08", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xB9, "USER_DATA_09", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xBA, "USER_DATA_10", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xBB, "USER_DATA_11", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xBC, "USER_DATA_12", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xBD, "USER_DATA_13", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xBE, "USER_DATA_14", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xBF, "USER_DATA_15", T::BlockWrite, T::BlockRead, L::Variable, F::Block, U::None, P::Paged),
    row(0xC0, "MFR_MAX_TEMP_1", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0xC1, "MFR_MAX_TEMP_2", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    row(0xC2, "MFR_MAX_TEMP_3", T::WriteWord, T::ReadWord, L::Fixed(2), F::Linear11OrDirect, U::Celsius, P::Paged),
    reserved(0xC3),
    mfr_specific(0xC4, "MFR_SPECIFIC_C4"),
    mfr_specific(0xC5, "MFR_SPECIFIC_C5"),
    mfr_specific(0xC6, "MFR_SPECIFIC_C6"),
    mfr_specific(0xC7, "MFR_SPECIFIC_C7"),
    mfr_specific(0xC8, "MFR_SPECIFIC_C8"),
    mfr_specific(0xC9, "MFR_SPECIFIC_C9"),
    mfr_specific(0xCA, "MFR_SPECIFIC_CA"),
    mfr_specific(0xCB, "MFR_SPECIFIC_CB"),
    mfr_specific(0xCC, "MFR_SPECIFIC_CC"),
    mfr_specific(0xCD, "MFR_SPECIFIC_CD"),
    mfr_specific(0xCE, "MFR_SPECIFIC_CE"),
    mfr_specific(0xCF, "MFR_SPECIFIC_CF"),
    mfr_specific(0xD0, "MFR_SPECIFIC_D0"),
    mfr_specific(0xD1, "MFR_SPECIFIC_D1"),
    mfr_specific(0xD2, "MFR_SPECIFIC_D2"),
    mfr_specific(0xD3, "MFR_SPECIFIC_D3"),
    mfr_specific(0xD4, "MFR_SPECIFIC_D4"),
    mfr_specific(0xD5, "MFR_SPECIFIC_D5"),
    mfr_specific(0xD6, "MFR_SPECIFIC_D6"),
    mfr_specific(0xD7, "MFR_SPECIFIC_D7"),
    mfr_specific(0xD8, "MFR_SPECIFIC_D8"),
    mfr_specific(0xD9, "MFR_SPECIFIC_D9"),
    mfr_specific(0xDA, "MFR_SPECIFIC_DA"),
    mfr_specific(0xDB, "MFR_SPECIFIC_DB"),
    mfr_specific(0xDC, "MFR_SPECIFIC_DC"),
    mfr_specific(0xDD, "MFR_SPECIFIC_DD"),
    mfr_specific(0xDE, "MFR_SPECIFIC_DE"),
    mfr_specific(0xDF, "MFR_SPECIFIC_DF"),
    mfr_specific(0xE0, "MFR_SPECIFIC_E0"),
    mfr_specific(0xE1, "MFR_SPECIFIC_E1"),
    mfr_specific(0xE2, "MFR_SPECIFIC_E2"),
    mfr_specific(0xE3, "MFR_SPECIFIC_E3"),
    mfr_specific(0xE4, "MFR_SPECIFIC_E4"),
    mfr_specific(0xE5, "MFR_SPECIFIC_E5"),
    mfr_specific(0xE6, "MFR_SPECIFIC_E6"),
    mfr_specific(0xE7, "MFR_SPECIFIC_E7"),
    mfr_specific(0xE8, "MFR_SPECIFIC_E8"),
    mfr_specific(0xE9, "MFR_SPECIFIC_E9"),
    mfr_specific(0xEA, "MFR_SPECIFIC_EA"),
    mfr_specific(0xEB, "MFR_SPECIFIC_EB"),
    mfr_specific(0xEC, "MFR_SPECIFIC_EC"),
    mfr_specific(0xED, "MFR_SPECIFIC_ED"),
    mfr_specific(0xEE, "MFR_SPECIFIC_EE"),
    mfr_specific(0xEF, "MFR_SPECIFIC_EF"),
    mfr_specific(0xF0, "MFR_SPECIFIC_F0"),
    mfr_specific(0xF1, "MFR_SPECIFIC_F1"),
    mfr_specific(0xF2, "MFR_SPECIFIC_F2"),
    mfr_specific(0xF3, "MFR_SPECIFIC_F3"),
    mfr_specific(0xF4, "MFR_SPECIFIC_F4"),
    mfr_specific(0xF5, "MFR_SPECIFIC_F5"),
    mfr_specific(0xF6, "MFR_SPECIFIC_F6"),
    mfr_specific(0xF7, "MFR_SPECIFIC_F7"),
    mfr_specific(0xF8, "MFR_SPECIFIC_F8"),
    mfr_specific(0xF9, "MFR_SPECIFIC_F9"),
    mfr_specific(0xFA, "MFR_SPECIFIC_FA"),
    mfr_specific(0xFB, "MFR_SPECIFIC_FB"),
    mfr_specific(0xFC, "MFR_SPECIFIC_FC"),
    mfr_specific(0xFD, "MFR_SPECIFIC_FD"),
    extended(0xFE, "MFR_SPECIFIC_COMMAND_EXT"),
    extended(0xFF, "PMBUS_COMMAND_EXT"),
];

/// The row for `code`. Never fails: every code has a row.
///
/// ```
/// use smbus_pmbus::command::{info, DataFormat, Transaction, Unit};
///
/// let row = info(0x8B);
/// assert_eq!(row.name, "READ_VOUT");
/// assert_eq!(row.read, Transaction::ReadWord);
/// assert_eq!(row.write, Transaction::None);
/// assert_eq!(row.format, DataFormat::Vout);
/// assert_eq!(row.unit, Unit::Volt);
/// assert!(info(0x09).is_reserved());
/// ```
pub fn info(code: u8) -> &'static CommandInfo {
    // The table has 256 rows, so `get` always finds one; the fallback only satisfies the
    // no-indexing rule.
    static FALLBACK: CommandInfo = reserved(0);
    COMMANDS.get(usize::from(code)).unwrap_or(&FALLBACK)
}
