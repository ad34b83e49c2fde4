//! The device layer: PMBus devices described as data, and a driver that owns its bus.
//!
//! - [`Description`]: what one kind of device reports and how — its pages, its telemetry
//!   ([`Sensor`]: quantity, page, [`Encoding`]), its DIRECT coefficients, its energy meter,
//!   the status registers it has. [`catalog`] has real devices: a CRPS-style PSU, the ADM1272
//!   and ADM1275 hot-swap controllers, the INA233 power monitor, the TPS546B24A and ISL68224
//!   regulators.
//! - [`PmbusDevice`] (aliases [`Psu`] and [`Regulator`]): the driver. It reads telemetry in
//!   engineering units ([`Reading`]: fixed point or `f32`), the status registers as a
//!   [`StatusSnapshot`](crate::status::StatusSnapshot), identity strings, energy; it clears
//!   faults, turns the output on and off through `OPERATION` while honouring `WRITE_PROTECT` and
//!   `ON_OFF_CONFIG`, and probes commands without leaving a CML fault behind. With the `async`
//!   feature, `PmbusDeviceAsync` (aliases `PsuAsync`, `RegulatorAsync`) has the same methods
//!   as `async fn`s.
//!
//! ```
//! # use embedded_hal_mock::eh1::i2c::{Mock, Transaction};
//! use smbus_pmbus::device::{catalog, Psu, Quantity};
//!
//! # let mut i2c = Mock::new(&[
//! #     Transaction::write_read(0x58, vec![0x88], vec![0x9C, 0xF3]),
//! # ]);
//! # let bus = i2c.clone();
//! // A CRPS-style PSU at 58h (the `bus` is any embedded-hal 1.0 I2C bus).
//! let mut psu = Psu::new(bus, 0x58, catalog::CRPS_PSU);
//! let vin = psu.read(Quantity::Vin, 0)?;
//! assert_eq!(vin.milli(), Some(231_000)); // 231 V, from LINEAR11 F39Ch
//! assert_eq!(vin.to_string(), "231.000 V");
//! # i2c.done();
//! # Ok::<(), smbus_pmbus::device::DeviceError<embedded_hal::i2c::ErrorKind>>(())
//! ```

use core::fmt;

use crate::command::{CommandCode, Unit};
use crate::format::{Coefficients, Format, VidMode, VoutMode};

pub mod catalog;
mod driver;
mod error;

#[cfg(feature = "async")]
pub use driver::PmbusDeviceAsync;
pub use driver::{
    BlockString, Identity, MAX_READINGS, PmbusDevice, Probe, Support, Telemetry,
    VOUT_MODE_CACHE_PAGES,
};
pub use error::DeviceError;

/// The driver for a power supply: [`PmbusDevice`] under the name the issue tracker and most
/// users look for.
pub type Psu<I2C> = PmbusDevice<I2C>;
/// The driver for a voltage regulator (several pages, one per rail): [`PmbusDevice`].
pub type Regulator<I2C> = PmbusDevice<I2C>;
/// The async twin of [`Psu`].
#[cfg(feature = "async")]
pub type PsuAsync<I2C> = PmbusDeviceAsync<I2C>;
/// The async twin of [`Regulator`].
#[cfg(feature = "async")]
pub type RegulatorAsync<I2C> = PmbusDeviceAsync<I2C>;

/// A telemetry quantity and the `READ_*` command that reports it (PMBus 1.3 Part II §10.14).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Quantity {
    /// `READ_VIN` (88h): input voltage.
    Vin,
    /// `READ_IIN` (89h): input current.
    Iin,
    /// `READ_VCAP` (8Ah): hold-up capacitor voltage.
    Vcap,
    /// `READ_VOUT` (8Bh): output voltage, in the format `VOUT_MODE` gives.
    Vout,
    /// `READ_IOUT` (8Ch): output current.
    Iout,
    /// `READ_TEMPERATURE_1` (8Dh).
    Temperature1,
    /// `READ_TEMPERATURE_2` (8Eh).
    Temperature2,
    /// `READ_TEMPERATURE_3` (8Fh).
    Temperature3,
    /// `READ_FAN_SPEED_1` (90h).
    FanSpeed1,
    /// `READ_FAN_SPEED_2` (91h).
    FanSpeed2,
    /// `READ_FAN_SPEED_3` (92h).
    FanSpeed3,
    /// `READ_FAN_SPEED_4` (93h).
    FanSpeed4,
    /// `READ_DUTY_CYCLE` (94h).
    DutyCycle,
    /// `READ_FREQUENCY` (95h).
    Frequency,
    /// `READ_POUT` (96h): output power.
    Pout,
    /// `READ_PIN` (97h): input power.
    Pin,
}

impl Quantity {
    /// Every quantity, in command-code order.
    pub const ALL: [Quantity; 16] = [
        Self::Vin,
        Self::Iin,
        Self::Vcap,
        Self::Vout,
        Self::Iout,
        Self::Temperature1,
        Self::Temperature2,
        Self::Temperature3,
        Self::FanSpeed1,
        Self::FanSpeed2,
        Self::FanSpeed3,
        Self::FanSpeed4,
        Self::DutyCycle,
        Self::Frequency,
        Self::Pout,
        Self::Pin,
    ];

    /// The `READ_*` command.
    pub const fn command(self) -> CommandCode {
        CommandCode(match self {
            Self::Vin => 0x88,
            Self::Iin => 0x89,
            Self::Vcap => 0x8A,
            Self::Vout => 0x8B,
            Self::Iout => 0x8C,
            Self::Temperature1 => 0x8D,
            Self::Temperature2 => 0x8E,
            Self::Temperature3 => 0x8F,
            Self::FanSpeed1 => 0x90,
            Self::FanSpeed2 => 0x91,
            Self::FanSpeed3 => 0x92,
            Self::FanSpeed4 => 0x93,
            Self::DutyCycle => 0x94,
            Self::Frequency => 0x95,
            Self::Pout => 0x96,
            Self::Pin => 0x97,
        })
    }

    /// The quantity whose `READ_*` command is `code`.
    pub fn from_command(code: CommandCode) -> Option<Self> {
        Self::ALL.into_iter().find(|q| q.command() == code)
    }

    /// The unit of the value.
    pub const fn unit(self) -> Unit {
        match self {
            Self::Vin | Self::Vcap | Self::Vout => Unit::Volt,
            Self::Iin | Self::Iout => Unit::Ampere,
            Self::Temperature1 | Self::Temperature2 | Self::Temperature3 => Unit::Celsius,
            Self::FanSpeed1 | Self::FanSpeed2 | Self::FanSpeed3 | Self::FanSpeed4 => Unit::Rpm,
            Self::DutyCycle => Unit::Percent,
            Self::Frequency => Unit::Kilohertz,
            Self::Pout | Self::Pin => Unit::Watt,
        }
    }

    /// A short label: `VIN`, `IOUT`, `TEMP1`, `FAN1`, …
    pub const fn label(self) -> &'static str {
        match self {
            Self::Vin => "VIN",
            Self::Iin => "IIN",
            Self::Vcap => "VCAP",
            Self::Vout => "VOUT",
            Self::Iout => "IOUT",
            Self::Temperature1 => "TEMP1",
            Self::Temperature2 => "TEMP2",
            Self::Temperature3 => "TEMP3",
            Self::FanSpeed1 => "FAN1",
            Self::FanSpeed2 => "FAN2",
            Self::FanSpeed3 => "FAN3",
            Self::FanSpeed4 => "FAN4",
            Self::DutyCycle => "DUTY",
            Self::Frequency => "FREQ",
            Self::Pout => "POUT",
            Self::Pin => "PIN",
        }
    }
}

/// The symbol printed after a value of `unit` (`V`, `A`, `W`, `°C`, `RPM`, …; empty for none).
pub const fn unit_symbol(unit: Unit) -> &'static str {
    match unit {
        Unit::Volt => "V",
        Unit::Ampere => "A",
        Unit::Watt => "W",
        Unit::Celsius => "°C",
        Unit::Rpm => "RPM",
        Unit::RpmOrPercent => "RPM/%",
        Unit::Percent => "%",
        Unit::Millisecond => "ms",
        Unit::Kilohertz => "kHz",
        Unit::MillivoltPerMicrosecond => "mV/µs",
        Unit::Milliohm => "mΩ",
        Unit::KilowattHour => "kWh",
        _ => "",
    }
}

/// Which DIRECT coefficient set of a [`Description`] a sensor uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DirectClass {
    /// Input voltage.
    Vin,
    /// Output voltage (also used when `VOUT_MODE` says DIRECT).
    Vout,
    /// Input current.
    Iin,
    /// Output current.
    Iout,
    /// Input and output power, and the energy accumulators.
    Power,
    /// Temperatures.
    Temperature,
}

/// How a sensor's 16-bit reading is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Encoding {
    /// LINEAR11 (Part II §7.3).
    Linear11,
    /// As `VOUT_MODE` of the sensor's page says (Part II §8.3): ULINEAR16, VID, DIRECT (with the
    /// description's [`DirectClass::Vout`] coefficients) or IEEE half.
    Vout,
    /// DIRECT (Part II §7.4) with one of the description's coefficient sets.
    Direct(DirectClass),
    /// IEEE 754 binary16 (Part II §7.5).
    IeeeHalf,
}

/// One telemetry reading a device offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Sensor {
    /// What is measured.
    pub quantity: Quantity,
    /// The page (rail) it is read on.
    pub page: u8,
    /// How the value is encoded.
    pub encoding: Encoding,
}

impl Sensor {
    /// A sensor on page 0.
    pub const fn new(quantity: Quantity, encoding: Encoding) -> Self {
        Self {
            quantity,
            page: 0,
            encoding,
        }
    }

    /// The same sensor on `page`.
    pub const fn on_page(self, page: u8) -> Self {
        Self { page, ..self }
    }
}

/// The DIRECT coefficients of a device, per class of quantity (Part II §7.4; from the
/// device's datasheet or its `COEFFICIENTS` command).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DirectTable {
    /// Input voltage.
    pub vin: Option<Coefficients>,
    /// Output voltage.
    pub vout: Option<Coefficients>,
    /// Input current.
    pub iin: Option<Coefficients>,
    /// Output current.
    pub iout: Option<Coefficients>,
    /// Power and energy.
    pub power: Option<Coefficients>,
    /// Temperature.
    pub temperature: Option<Coefficients>,
}

impl DirectTable {
    /// No DIRECT coefficients at all (a LINEAR11 device).
    pub const NONE: Self = Self {
        vin: None,
        vout: None,
        iin: None,
        iout: None,
        power: None,
        temperature: None,
    };

    /// The coefficients of `class`, if the device has them.
    pub const fn get(&self, class: DirectClass) -> Option<Coefficients> {
        match class {
            DirectClass::Vin => self.vin,
            DirectClass::Vout => self.vout,
            DirectClass::Iin => self.iin,
            DirectClass::Iout => self.iout,
            DirectClass::Power => self.power,
            DirectClass::Temperature => self.temperature,
        }
    }
}

/// An energy accumulator (`READ_EIN` 86h or `READ_EOUT` 87h, Part II §10.14.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EnergyMeter {
    /// `READ_EIN` or `READ_EOUT`.
    pub command: CommandCode,
    /// The page it is read on.
    pub page: u8,
    /// The largest accumulator value before it rolls over to 0 (device-specific: 7FFFh on
    /// ADI hot-swap controllers, FFFFh on the INA233).
    pub accumulator_max: u16,
    /// How the accumulated power samples are encoded.
    pub power: Encoding,
}

/// What kind of device a description is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DeviceKind {
    /// An AC/DC or DC/DC power supply unit.
    PowerSupply,
    /// A hot-swap controller.
    HotSwapController,
    /// A voltage regulator (point of load, multiphase).
    Regulator,
    /// A current and power monitor.
    PowerMonitor,
}

/// A word a driver writes once before reading telemetry (a calibration or a monitor
/// configuration), from [`PmbusDevice::init`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SetupWrite {
    /// The command written (Write Word).
    pub command: CommandCode,
    /// The value.
    pub word: u16,
}

bitflags::bitflags! {
    /// Commands a device may or may not implement, which the driver reads only when the
    /// description lists them: on many devices reading a command they lack raises a CML fault
    /// and SMBALERT#, even when they NACK it.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct OptionalCommands: u16 {
        /// `QUERY` (1Ah), used by [`PmbusDevice::probe`].
        const QUERY = 1 << 0;
        /// `PMBUS_REVISION` (98h).
        const PMBUS_REVISION = 1 << 1;
        /// `WRITE_PROTECT` (10h), checked before writing `OPERATION`.
        const WRITE_PROTECT = 1 << 2;
        /// `ON_OFF_CONFIG` (02h), checked before switching the output.
        const ON_OFF_CONFIG = 1 << 3;
        /// `MFR_ID` (99h).
        const MFR_ID = 1 << 4;
        /// `MFR_MODEL` (9Ah).
        const MFR_MODEL = 1 << 5;
        /// `MFR_REVISION` (9Bh).
        const MFR_REVISION = 1 << 6;
        /// `MFR_LOCATION` (9Ch).
        const MFR_LOCATION = 1 << 7;
        /// `MFR_DATE` (9Dh).
        const MFR_DATE = 1 << 8;
        /// `MFR_SERIAL` (9Eh).
        const MFR_SERIAL = 1 << 9;
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for OptionalCommands {
    fn format(&self, f: defmt::Formatter) {
        defmt::write!(f, "OptionalCommands({=u16:#x})", self.bits())
    }
}

/// One kind of PMBus device, described as data.
///
/// The descriptions in [`catalog`] are `const`s or `const fn`s, so firmware pays nothing at run
/// time to pick one. A board with another device writes its own:
///
/// ```
/// use smbus_pmbus::device::{
///     Description, DeviceKind, DirectTable, Encoding, OptionalCommands, Quantity, Sensor,
/// };
///
/// const MY_BRICK: Description = Description {
///     name: "48V-to-12V brick",
///     kind: DeviceKind::PowerSupply,
///     pages: 1,
///     sensors: &[
///         Sensor::new(Quantity::Vin, Encoding::Linear11),
///         Sensor::new(Quantity::Vout, Encoding::Vout),
///         Sensor::new(Quantity::Iout, Encoding::Linear11),
///         Sensor::new(Quantity::Temperature1, Encoding::Linear11),
///     ],
///     direct: DirectTable::NONE,
///     vid: None,
///     energy: None,
///     status_registers: Description::STATUS_ALL,
///     optional: OptionalCommands::all(),
///     pec: true,
///     setup: None,
/// };
/// assert_eq!(MY_BRICK.sensor(Quantity::Vout, 0).map(|s| s.encoding), Some(Encoding::Vout));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Description {
    /// A human name.
    pub name: &'static str,
    /// What it is.
    pub kind: DeviceKind,
    /// How many pages (rails) it has; 1 means `PAGE` is never written.
    pub pages: u8,
    /// The telemetry it offers, in the order [`PmbusDevice::telemetry`] reads it.
    pub sensors: &'static [Sensor],
    /// Its DIRECT coefficients.
    pub direct: DirectTable,
    /// The VID table `VOUT_MODE`'s VID mode refers to (the mode's parameter code is
    /// vendor-specific, so the description says which table it means).
    pub vid: Option<VidMode>,
    /// Its energy accumulator, if any.
    pub energy: Option<EnergyMeter>,
    /// Which of `STATUS_VOUT` (7Ah) … `STATUS_FANS_3_4` (82h) it has: bit `n` is command
    /// `7Ah + n`. The driver never reads one it does not have, so that a status poll does not
    /// itself raise a CML fault.
    pub status_registers: u16,
    /// Which optional commands it implements (the driver reads no others).
    pub optional: OptionalCommands,
    /// Whether it checks and sends PEC; the driver turns PEC on for it.
    pub pec: bool,
    /// A word to write in [`PmbusDevice::init`] before telemetry makes sense.
    pub setup: Option<SetupWrite>,
}

impl Description {
    /// Every status sub-register, `STATUS_VOUT` through `STATUS_FANS_3_4`.
    pub const STATUS_ALL: u16 = 0x01FF;

    /// The `status_registers` bit of a status sub-register command (7Ah–82h).
    pub const fn status_bit(code: CommandCode) -> u16 {
        match code.0 {
            0x7A..=0x82 => 1 << (code.0 - 0x7A),
            _ => 0,
        }
    }

    /// Whether the device has the status register `code` (`STATUS_BYTE` and `STATUS_WORD`
    /// always; the sub-registers as `status_registers` says).
    pub const fn has_status_register(&self, code: CommandCode) -> bool {
        match code.0 {
            0x78 | 0x79 => true,
            0x7A..=0x82 => self.status_registers & Self::status_bit(code) != 0,
            _ => false,
        }
    }

    /// The sensor for `quantity` on `page`.
    pub fn sensor(&self, quantity: Quantity, page: u8) -> Option<Sensor> {
        self.sensors
            .iter()
            .copied()
            .find(|s| s.quantity == quantity && s.page == page)
    }

    /// The concrete format of `encoding` on a page whose `VOUT_MODE` is `vout_mode` (needed only
    /// for [`Encoding::Vout`]). `None` if the description lacks what the encoding needs: DIRECT
    /// coefficients, a VID table, or the `VOUT_MODE` value.
    pub fn format(&self, encoding: Encoding, vout_mode: Option<VoutMode>) -> Option<Format> {
        match encoding {
            Encoding::Linear11 => Some(Format::Linear11),
            Encoding::IeeeHalf => Some(Format::IeeeHalf),
            Encoding::Direct(class) => self.direct.get(class).map(Format::Direct),
            Encoding::Vout => vout_mode?.format(self.direct.vout, self.vid),
        }
    }
}

/// One reading: the raw word and the format it was read in. Decoding is lazy, so a caller
/// without an FPU uses the fixed-point accessors and never links float code.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Reading {
    /// What was read.
    pub quantity: Quantity,
    /// On which page.
    pub page: u8,
    /// The register value as read (little endian on the wire).
    pub raw: u16,
    /// Its format.
    pub format: Format,
}

impl Reading {
    /// The value in thousandths of the unit (mV, mA, mW, m°C, …), rounded to nearest. `None`
    /// if the raw value has no numeric meaning (a VID "off" code, an IEEE NaN).
    pub fn milli(&self) -> Option<i64> {
        self.format.decode_scaled(self.raw, 3)
    }

    /// The value in millionths of the unit (µV, µA, µW), rounded to nearest. A 3 kW supply
    /// reads 3·10⁹ µW: `i64` holds it without wrapping.
    pub fn micro(&self) -> Option<i64> {
        self.format.decode_scaled(self.raw, 6)
    }

    /// The value × 10^`decimals`, rounded to nearest.
    pub fn scaled(&self, decimals: u32) -> Option<i64> {
        self.format.decode_scaled(self.raw, decimals)
    }

    /// The value as `f32`.
    pub fn to_f32(&self) -> Option<f32> {
        self.format.decode_f32(self.raw)
    }

    /// The unit of the value.
    pub const fn unit(&self) -> Unit {
        self.quantity.unit()
    }
}

/// `231.000 V`: three decimals from the fixed-point value (no float formatting), or
/// `- (raw XXXXh)` when the raw value has no numeric meaning.
impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.milli() {
            Some(m) => {
                write_milli(f, m)?;
                write!(f, " {}", unit_symbol(self.unit()))
            }
            None => write!(f, "- (raw {:04X}h)", self.raw),
        }
    }
}

/// Writes a value in thousandths with three decimals, using integers only.
pub(crate) fn write_milli(f: &mut dyn fmt::Write, milli: i64) -> fmt::Result {
    let sign = if milli < 0 { "-" } else { "" };
    let abs = milli.unsigned_abs();
    write!(f, "{sign}{}.{:03}", abs / 1000, abs % 1000)
}
