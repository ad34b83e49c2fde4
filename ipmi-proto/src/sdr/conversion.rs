//! Sensor reading conversion (IPMI 2.0 §36.3): `y = L[(M·x + B·10^K1)·10^K2]`, from a raw
//! reading to a value and back, with the analog data formats of Table 43-1 byte 21 and the
//! linearizations of byte 24.

use super::error::ConversionError;

/// How the raw 8-bit reading is encoded (IPMI 2.0 Table 43-1, byte 21 bits 7:6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum AnalogDataFormat {
    /// 00b: unsigned.
    #[default]
    Unsigned,
    /// 01b: one's complement (signed).
    OnesComplement,
    /// 10b: two's complement (signed).
    TwosComplement,
    /// 11b: the sensor has no analog (numeric) reading.
    NoAnalog,
}

impl AnalogDataFormat {
    /// From the two bits (bits above 1 are ignored).
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 0b11 {
            0 => Self::Unsigned,
            1 => Self::OnesComplement,
            2 => Self::TwosComplement,
            _ => Self::NoAnalog,
        }
    }

    /// The two bits.
    pub const fn bits(self) -> u8 {
        match self {
            Self::Unsigned => 0,
            Self::OnesComplement => 1,
            Self::TwosComplement => 2,
            Self::NoAnalog => 3,
        }
    }

    /// The reading as a number: one's complement negatives are taken as the spec defines
    /// them (FFh is −0, 80h is −127), which equals ipmitool's "add one, then read as
    /// two's complement".
    pub const fn decode(self, raw: u8) -> Option<i16> {
        match self {
            Self::Unsigned => Some(raw as i16),
            Self::TwosComplement => Some(raw as i8 as i16),
            Self::OnesComplement => {
                let adj = if raw & 0x80 != 0 {
                    raw.wrapping_add(1)
                } else {
                    raw
                };
                Some(adj as i8 as i16)
            }
            Self::NoAnalog => None,
        }
    }
}

/// The linearization function `L` (IPMI 2.0 Table 43-1, byte 24; §36.3). Every byte value
/// is kept: 70h–7Fh are the non-linear codes, everything else undefined is
/// [`Linearization::Reserved`] (including any value with the reserved bit 7 set).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Linearization {
    /// 00h: linear.
    #[default]
    Linear,
    /// 01h: natural logarithm.
    Ln,
    /// 02h: base-10 logarithm.
    Log10,
    /// 03h: base-2 logarithm.
    Log2,
    /// 04h: e^y.
    E,
    /// 05h: 10^y.
    Exp10,
    /// 06h: 2^y.
    Exp2,
    /// 07h: 1/y.
    OneOverX,
    /// 08h: y².
    Sqr,
    /// 09h: y³.
    Cube,
    /// 0Ah: √y.
    Sqrt,
    /// 0Bh: ∛y.
    CubeRoot,
    /// 70h–7Fh: non-linear; the factors depend on the reading and come from the Get Sensor
    /// Reading Factors command (IPMI 2.0 §35.5). The code byte is kept.
    NonLinear(u8),
    /// 0Ch–6Fh and 80h–FFh: reserved. The byte is kept.
    Reserved(u8),
}

impl Linearization {
    /// From byte 24 of a full sensor record.
    pub const fn from_byte(b: u8) -> Self {
        match b {
            0x00 => Self::Linear,
            0x01 => Self::Ln,
            0x02 => Self::Log10,
            0x03 => Self::Log2,
            0x04 => Self::E,
            0x05 => Self::Exp10,
            0x06 => Self::Exp2,
            0x07 => Self::OneOverX,
            0x08 => Self::Sqr,
            0x09 => Self::Cube,
            0x0A => Self::Sqrt,
            0x0B => Self::CubeRoot,
            0x70..=0x7F => Self::NonLinear(b),
            _ => Self::Reserved(b),
        }
    }

    /// The byte.
    pub const fn to_byte(self) -> u8 {
        match self {
            Self::Linear => 0x00,
            Self::Ln => 0x01,
            Self::Log10 => 0x02,
            Self::Log2 => 0x03,
            Self::E => 0x04,
            Self::Exp10 => 0x05,
            Self::Exp2 => 0x06,
            Self::OneOverX => 0x07,
            Self::Sqr => 0x08,
            Self::Cube => 0x09,
            Self::Sqrt => 0x0A,
            Self::CubeRoot => 0x0B,
            Self::NonLinear(b) | Self::Reserved(b) => b,
        }
    }

    /// `true` when [`Self::from_byte`] of [`Self::to_byte`] gives `self` back (an escape
    /// variant holding a code that has its own variant is not canonical).
    pub const fn is_canonical(self) -> bool {
        match self {
            Self::NonLinear(b) => matches!(b, 0x70..=0x7F),
            Self::Reserved(b) => !matches!(b, 0x00..=0x0B | 0x70..=0x7F),
            _ => true,
        }
    }

    /// The spec's short name (`"linear"`, `"ln"`, …, `"non-linear"`, `"reserved"`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Linear => "linear",
            Self::Ln => "ln",
            Self::Log10 => "log10",
            Self::Log2 => "log2",
            Self::E => "e",
            Self::Exp10 => "exp10",
            Self::Exp2 => "exp2",
            Self::OneOverX => "1/x",
            Self::Sqr => "sqr(x)",
            Self::Cube => "cube(x)",
            Self::Sqrt => "sqrt(x)",
            Self::CubeRoot => "cube-root(x)",
            Self::NonLinear(_) => "non-linear",
            Self::Reserved(_) => "reserved",
        }
    }

    /// Applies `L` to the linear value.
    fn apply(self, y: f64) -> Result<f64, ConversionError> {
        Ok(match self {
            Self::Linear | Self::NonLinear(_) => y,
            Self::Ln => libm::log(y),
            Self::Log10 => libm::log10(y),
            Self::Log2 => libm::log2(y),
            Self::E => libm::exp(y),
            Self::Exp10 => libm::pow(10.0, y),
            Self::Exp2 => libm::exp2(y),
            Self::OneOverX => 1.0 / y,
            Self::Sqr => y * y,
            Self::Cube => y * y * y,
            Self::Sqrt => libm::sqrt(y),
            Self::CubeRoot => libm::cbrt(y),
            Self::Reserved(b) => return Err(ConversionError::ReservedLinearization(b)),
        })
    }
}

/// 10^e; exact table values for the exponents a 4-bit field holds.
fn pow10(e: i8) -> f64 {
    const POS: [f64; 8] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];
    const NEG: [f64; 9] = [1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];
    let table = if e < 0 { &NEG[..] } else { &POS[..] };
    match table.get(usize::from(e.unsigned_abs())) {
        Some(&p) => p,
        None => libm::pow(10.0, f64::from(e)),
    }
}

/// The conversion of a full sensor record (IPMI 2.0 §36.3, Table 43-1 bytes 21, 24–30):
/// `y = L[(M·x + B·10^K1)·10^K2]`.
///
/// For non-linear sensors (linearization 70h–7Fh) M, B, K1 and K2 depend on the reading and
/// come from Get Sensor Reading Factors; with those factors the conversion is linear, which
/// is what ipmitool computes too.
///
/// ```
/// use ipmi_proto::sdr::{AnalogDataFormat, Conversion, Linearization};
///
/// // A 12 V rail: M = 63, B = 0, K2 = -3 (63 mV per count).
/// let c = Conversion { m: 63, r_exp: -3, ..Conversion::default() };
/// assert!((c.to_value(190).unwrap() - 11.97).abs() < 1e-9);
/// assert_eq!(c.to_raw(12.0).unwrap(), 190);
///
/// let signed = Conversion { format: AnalogDataFormat::TwosComplement, m: 1, ..Conversion::default() };
/// assert_eq!(signed.to_value(0xF6).unwrap(), -10.0);
/// let lg = Conversion { linearization: Linearization::Ln, m: 1, ..Conversion::default() };
/// assert!(lg.to_value(0).is_err()); // ln(0) has no finite value
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Conversion {
    /// Analog data format of the raw reading.
    pub format: AnalogDataFormat,
    /// The linearization `L`.
    pub linearization: Linearization,
    /// M, 10-bit two's complement in the record.
    pub m: i16,
    /// B, 10-bit two's complement in the record.
    pub b: i16,
    /// K1, the B exponent, 4-bit two's complement in the record.
    pub b_exp: i8,
    /// K2, the result (R) exponent, 4-bit two's complement in the record.
    pub r_exp: i8,
}

impl Conversion {
    /// The value before `L`: `(M·x + B·10^K1)·10^K2`.
    pub fn linear_value(&self, raw: u8) -> Result<f64, ConversionError> {
        let x = self.format.decode(raw).ok_or(ConversionError::NotAnalog)?;
        let mx = f64::from(self.m) * f64::from(x);
        Ok((mx + f64::from(self.b) * pow10(self.b_exp)) * pow10(self.r_exp))
    }

    /// Converts a raw reading (or threshold) to its value in the sensor's unit.
    ///
    /// Errors: [`ConversionError::NotAnalog`] for format 11b,
    /// [`ConversionError::ReservedLinearization`], and [`ConversionError::NotFinite`] when
    /// the formula gives NaN or an infinity (where ipmitool would print `nan`/`inf`).
    pub fn to_value(&self, raw: u8) -> Result<f64, ConversionError> {
        let y = self.linearization.apply(self.linear_value(raw)?)?;
        if y.is_finite() {
            Ok(y)
        } else {
            Err(ConversionError::NotFinite)
        }
    }

    /// [`Self::to_value`] rounded to `f32` (for firmware without double-precision hardware,
    /// the work is still done in `f64`).
    pub fn to_value_f32(&self, raw: u8) -> Result<f32, ConversionError> {
        #[allow(clippy::cast_possible_truncation)]
        self.to_value(raw).map(|v| v as f32)
    }

    /// The raw reading whose value is nearest to `value` (for setting thresholds). All 256
    /// raw values are tried, so the answer is exact for every linearization, monotonic or
    /// not; among equally near raw values the lowest byte wins.
    ///
    /// Errors: [`ConversionError::NanValue`], [`ConversionError::OutOfRange`] when `value`
    /// lies outside the span of the values the raw readings convert to (so a threshold is
    /// never clamped silently), and the errors of [`Self::to_value`] when no raw reading has a
    /// finite value.
    pub fn to_raw(&self, value: f64) -> Result<u8, ConversionError> {
        if value.is_nan() {
            return Err(ConversionError::NanValue);
        }
        let mut best: Option<(u8, f64)> = None;
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        let mut first_err = None;
        for raw in 0..=u8::MAX {
            match self.to_value(raw) {
                Ok(v) => {
                    lo = lo.min(v);
                    hi = hi.max(v);
                    let d = libm::fabs(v - value);
                    if best.is_none_or(|(_, bd)| d < bd) {
                        best = Some((raw, d));
                    }
                }
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        let Some((raw, _)) = best else {
            return Err(first_err.unwrap_or(ConversionError::NotFinite));
        };
        let margin = 1e-9 * libm::fmax(libm::fmax(libm::fabs(lo), libm::fabs(hi)), 1e-9);
        if value < lo - margin || value > hi + margin {
            return Err(ConversionError::OutOfRange);
        }
        Ok(raw)
    }

    /// A hysteresis value in the sensor's unit: hysteresis is a raw count (unsigned), scaled
    /// by M and 10^K2 without B or `L` (IPMI 2.0 §36.3 applies to readings, hysteresis is a
    /// difference between readings).
    pub fn hysteresis(&self, raw: u8) -> f64 {
        f64::from(self.m) * f64::from(raw) * pow10(self.r_exp)
    }

    /// The tolerance in the sensor's unit: ± `tolerance`/2 raw counts (Table 43-1 byte 26),
    /// scaled by M and 10^K2.
    pub fn tolerance(&self, tolerance: u8) -> f64 {
        libm::fabs(f64::from(self.m) * f64::from(tolerance) / 2.0 * pow10(self.r_exp))
    }
}

/// Sensor accuracy (IPMI 2.0 Table 43-1 bytes 28–29): a 10-bit value in 1/100 percent units,
/// scaled by 10^exponent.
///
/// ```
/// use ipmi_proto::sdr::Accuracy;
/// assert_eq!(Accuracy { accuracy: 150, exp: 0 }.percent(), 1.5);
/// assert_eq!(Accuracy { accuracy: 5, exp: 2 }.percent(), 5.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Accuracy {
    /// Accuracy, 10 bits, in 1/100 percent.
    pub accuracy: u16,
    /// Accuracy exponent, 2 bits.
    pub exp: u8,
}

impl Accuracy {
    /// The accuracy in percent: `accuracy · 10^exp / 100`.
    pub fn percent(&self) -> f64 {
        f64::from(self.accuracy) * pow10(i8::try_from(self.exp).unwrap_or(i8::MAX)) / 100.0
    }
}
