//! The `ipmitool sel elist` line: the list form with sensor names and threshold readings.

use core::fmt;

use super::list::write_after_id;
use crate::record::{GeneratorId, RECORD_LEN};
use crate::tables::{SensorType, unit_name};
use crate::view::SelRecordRef;

/// How a sensor's raw 8-bit reading is encoded (SDR "analog data format", IPMI 2.0
/// Table 43-1, byte 21 bits 7:6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum AnalogFormat {
    /// Unsigned.
    #[default]
    Unsigned,
    /// One's complement (signed).
    OnesComplement,
    /// Two's complement (signed).
    TwosComplement,
}

/// How the modifier unit combines with the base unit (SDR byte 21 bits 2:1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum UnitRelation {
    /// Base unit only.
    #[default]
    None,
    /// Base unit / modifier unit.
    Divide,
    /// Base unit * modifier unit.
    Multiply,
}

/// A sensor's unit: base and modifier codes of Table 43-15 and the percentage flag
/// (SDR bytes 21–23). Displays the way ipmitool prints units.
///
/// ```
/// use sel_codec::text::{SensorUnit, UnitRelation};
///
/// assert_eq!(SensorUnit::new(1).to_string(), "degrees C");
/// let rpm_per_s = SensorUnit { base: 18, modifier: 22, relation: UnitRelation::Divide, percentage: false };
/// assert_eq!(rpm_per_s.to_string(), "RPM/second");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SensorUnit {
    /// Base unit code (Table 43-15).
    pub base: u8,
    /// Modifier unit code (Table 43-15), used with [`UnitRelation::Divide`] or `Multiply`.
    pub modifier: u8,
    /// How the two combine.
    pub relation: UnitRelation,
    /// The reading is a percentage.
    pub percentage: bool,
}

impl SensorUnit {
    /// A plain base unit.
    pub const fn new(base: u8) -> Self {
        Self {
            base,
            modifier: 0,
            relation: UnitRelation::None,
            percentage: false,
        }
    }
}

impl fmt::Display for SensorUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let base = unit_name(self.base).unwrap_or("invalid");
        let modifier = unit_name(self.modifier).unwrap_or("invalid");
        let pct = if self.percentage { "% " } else { "" };
        match self.relation {
            UnitRelation::Multiply => write!(f, "{pct}{base}*{modifier}"),
            UnitRelation::Divide => write!(f, "{pct}{base}/{modifier}"),
            UnitRelation::None if self.base == 0 && self.percentage => f.write_str("percent"),
            UnitRelation::None => write!(f, "{pct}{base}"),
        }
    }
}

/// The linear reading conversion of a full sensor record (IPMI 2.0 §36.3):
/// `y = (M·x + B·10^k1) · 10^k2`, with the sensor's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Linear {
    /// M, a 10-bit signed value in the SDR.
    pub m: i16,
    /// B, a 10-bit signed value in the SDR.
    pub b: i16,
    /// k1, the exponent of B (4-bit signed in the SDR).
    pub b_exp: i8,
    /// k2, the result exponent R (4-bit signed in the SDR).
    pub r_exp: i8,
    /// How the raw byte is encoded.
    pub format: AnalogFormat,
    /// The unit of the result.
    pub unit: SensorUnit,
}

impl Linear {
    /// Converts a raw reading. One's complement negative values are adjusted by one the way
    /// ipmitool adjusts them.
    pub fn convert(&self, raw: u8) -> f64 {
        let x = match self.format {
            AnalogFormat::Unsigned => f64::from(raw),
            AnalogFormat::TwosComplement => f64::from(raw as i8),
            AnalogFormat::OnesComplement => {
                let adj = if raw & 0x80 != 0 {
                    raw.wrapping_add(1)
                } else {
                    raw
                };
                f64::from(adj as i8)
            }
        };
        let b = f64::from(self.b) * pow10(self.b_exp);
        (f64::from(self.m) * x + b) * pow10(self.r_exp)
    }
}

/// 10^e for the small exponents an SDR can hold, without `std`.
fn pow10(e: i8) -> f64 {
    let mut r = 1.0;
    for _ in 0..e.unsigned_abs() {
        r *= 10.0;
    }
    if e < 0 { 1.0 / r } else { r }
}

/// What an `elist` line needs to know about a sensor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sensor<'a> {
    /// The sensor's ID string from its SDR, for example `ACPI_STATUS` or `CPU_TEMP`.
    pub name: &'a str,
    /// The reading conversion of a full sensor record; `None` for compact and event-only
    /// sensors, whose threshold events then print without readings.
    pub reading: Option<Linear>,
}

/// Finds the sensor an event came from, the way ipmitool searches the SDR repository by
/// generator, sensor number and sensor type.
pub trait SensorLookup {
    /// The sensor, if known.
    fn sensor(
        &self,
        generator: GeneratorId,
        number: u8,
        sensor_type: SensorType,
    ) -> Option<Sensor<'_>>;
}

/// A fixed list of sensors: `(owner slave address, sensor number, sensor type, sensor)`.
/// The owner is compared with the 8-bit slave address of the generator ID.
#[derive(Clone, Copy, Debug)]
pub struct SensorTable<'a>(pub &'a [(u8, u8, SensorType, Sensor<'a>)]);

impl SensorLookup for SensorTable<'_> {
    fn sensor(
        &self,
        generator: GeneratorId,
        number: u8,
        sensor_type: SensorType,
    ) -> Option<Sensor<'_>> {
        let owner = generator.0.to_le_bytes()[0];
        self.0
            .iter()
            .find(|(o, n, t, _)| *o == owner && *n == number && *t == sensor_type)
            .map(|(_, _, _, s)| *s)
    }
}

impl<T: SensorLookup + ?Sized> SensorLookup for &T {
    fn sensor(
        &self,
        generator: GeneratorId,
        number: u8,
        sensor_type: SensorType,
    ) -> Option<Sensor<'_>> {
        (**self).sensor(generator, number, sensor_type)
    }
}

/// One record as `ipmitool sel elist` prints it: the sensor's name instead of its number,
/// and for threshold events of sensors with a reading conversion, ` | Reading X > Threshold
/// Y unit` (`<` for "going low" offsets). Records whose sensor is not found print exactly as
/// [`crate::IpmitoolList`].
///
/// ```
/// use sel_codec::SelRecordRef;
/// use sel_codec::text::{Linear, Sensor, SensorTable, SensorUnit};
/// use sel_codec::tables::SensorType;
///
/// let cpu_temp = Linear { m: 1, unit: SensorUnit::new(1), ..Linear::default() };
/// let sensors = [
///     (0x20, 0x01, SensorType(0x22), Sensor { name: "ACPI_STATUS", reading: None }),
///     (0x20, 0x30, SensorType(0x01), Sensor { name: "CPU_TEMP", reading: Some(cpu_temp) }),
/// ];
/// let table = SensorTable(&sensors);
///
/// let acpi = [0x4d, 0, 0x02, 0x0d, 0x2b, 0, 0, 0x20, 0, 0x04, 0x22, 0x01, 0x6f, 0x05, 0xff, 0xff];
/// assert_eq!(
///     SelRecordRef::from_array(&acpi).elist(&table).to_string(),
///     "  4d |  Pre-Init  |0000011021| System ACPI Power State ACPI_STATUS | S5/G2: soft-off | Asserted"
/// );
/// let hot = [0x50, 0, 0x02, 0, 0, 0, 0x60, 0x20, 0, 0x04, 0x01, 0x30, 0x01, 0x59, 0x5a, 0x55];
/// assert_eq!(
///     SelRecordRef::from_array(&hot).elist(&table).to_string(),
///     "  50 | 01/14/21 | 08:25:36 UTC | Temperature CPU_TEMP | Upper Critical going high | Asserted | Reading 90 > Threshold 85 degrees C"
/// );
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Elist<S> {
    raw: [u8; RECORD_LEN],
    sensors: S,
}

impl<S: SensorLookup> Elist<S> {
    /// The formatter for 16 record bytes and a sensor lookup.
    pub const fn new(raw: [u8; RECORD_LEN], sensors: S) -> Self {
        Self { raw, sensors }
    }
}

/// ipmitool prints readings with no decimals when they are whole (as a `float`), else two.
struct Reading(f64);

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let single = self.0 as f32;
        let whole = single == (single as i32) as f32;
        write!(f, "{:.*}", if whole { 0 } else { 2 }, f64::from(single))
    }
}

impl<S: SensorLookup> fmt::Display for Elist<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = SelRecordRef::from_array(&self.raw);
        write!(f, "{:4x} | ", v.id())?;
        let sensor = if v.record_type() < 0xC0 {
            self.sensors
                .sensor(v.generator(), v.sensor_number(), v.sensor_type())
        } else {
            None
        };
        write_after_id(f, &v, sensor.map(|s| s.name))?;
        let (Some(conv), true) = (
            sensor.and_then(|s| s.reading),
            v.record_type() < 0xC0 && v.event_type().code() == 0x01,
        ) else {
            return Ok(());
        };
        let ed = v.event_data().0;
        let trigger = if (ed[0] >> 6) & 3 == 1 {
            conv.convert(ed[1])
        } else {
            0.0
        };
        write!(f, " | Reading {}", Reading(trigger))?;
        if (ed[0] >> 4) & 3 == 1 {
            let cmp = if (ed[0] & 0x0F) % 2 == 1 { ">" } else { "<" };
            write!(
                f,
                " {cmp} Threshold {} {}",
                Reading(conv.convert(ed[2])),
                conv.unit
            )?;
        }
        Ok(())
    }
}
