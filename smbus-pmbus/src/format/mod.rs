//! PMBus data formats: LINEAR11, ULINEAR16 with `VOUT_MODE`, DIRECT, VID and IEEE 754 half
//! precision, plus the `READ_EIN`/`READ_EOUT` energy block.
//!
//! Every format has two faces:
//!
//! - an `f32` face (`to_f32`, `from_f32`) for hosts with a floating-point unit, and
//! - a fixed-point face that uses integer arithmetic only (`to_scaled`, `to_milli`, `to_micro`,
//!   `from_scaled`, `from_milli`), for firmware on cores without an FPU such as Cortex-M0.
//!
//! A fixed-point value is the real value times 10<sup>`decimals`</sup> as an `i64`, so
//! `to_milli` gives millivolts, milliamperes or milliwatts and `to_micro` gives micro-units. It
//! is computed exactly from the register bits and rounded once, to nearest, ties away from zero.
//! `decimals` may be 0 to [`MAX_DECIMALS`] (18). An `i64` holds every value of LINEAR11,
//! ULINEAR16 and IEEE half at up to 9 decimals (nano-units), so a 3 kW supply read in microwatts
//! (3 × 10<sup>9</sup>) cannot wrap.
//!
//! Encoders return [`EncodeError`] instead of a wrong register value: `NaN` and infinities are
//! [`EncodeError::NotFinite`], a negative value in an unsigned format is
//! [`EncodeError::Negative`], a value the format cannot hold is [`EncodeError::OutOfRange`].
//! They round to the nearest representable value and pick the most precise encoding where the
//! format has several (LINEAR11). `0.0` encodes in every format (in VID as the "off" code 00h,
//! which the AMD table lacks). The `*_saturating` variants clamp instead of failing on values
//! that are too large.
//!
//! | Format | Type | PMBus 1.3 Part II |
//! | --- | --- | --- |
//! | LINEAR11: 5-bit exponent, 11-bit mantissa | [`Linear11`] | §7.3 |
//! | ULINEAR16: 16-bit unsigned, exponent from `VOUT_MODE` | [`ULinear16`] | §8.3.1 |
//! | `VOUT_MODE` (20h) | [`VoutMode`] | §8.3 |
//! | DIRECT: `Y = (m·X + b)·10^R`, `COEFFICIENTS` (30h) | [`Coefficients`] | §7.4 |
//! | VID codes (VR11, VR12, VR13, IMVP9, AMD) | [`VidMode`] | §8.3, VID mode |
//! | IEEE 754 binary16 | [`IeeeHalf`] | §7.5 |
//! | `READ_EIN` / `READ_EOUT` (86h/87h) | [`EnergyReading`] | command descriptions |
//!
//! [`Format`] ties them together: it decodes or encodes one 16-bit register value in whatever
//! format a command uses, which is what a driver needs once it has read `VOUT_MODE` and, for
//! DIRECT, `COEFFICIENTS`.
//!
//! ```
//! use smbus_pmbus::format::{Format, Linear11, VoutMode};
//!
//! // READ_IOUT in LINEAR11: E9A0h is 416 · 2^-3 = 52 A.
//! let iout = Linear11::from_raw(0xE9A0);
//! assert_eq!(iout.to_f32(), 52.0);
//! assert_eq!(iout.to_milli(), 52_000);
//!
//! // READ_VOUT with VOUT_MODE 15h (linear, exponent -11): 6007h is 12.003418 V.
//! let vout = VoutMode::from_raw(0x15).format(None, None).unwrap();
//! assert_eq!(vout, Format::ULinear16 { exponent: -11 });
//! assert_eq!(vout.decode_micro(0x6007), Some(12_003_418));
//! assert_eq!(vout.encode_milli(12_000), Ok(0x6000));
//! ```

mod direct;
mod energy;
mod exact;
mod ieee_half;
mod linear11;
mod ulinear16;
mod vid;
mod vout_mode;

pub use direct::{Coefficients, DirectF32};
pub use energy::{EnergyCounter, EnergyDelta, EnergyReading};
pub use ieee_half::IeeeHalf;
pub use linear11::Linear11;
pub use ulinear16::ULinear16;
pub use vid::{COMMON_VID_CODES, VidMode};
pub use vout_mode::{VoutMode, VoutModeKind};

use core::fmt;

/// The largest `decimals` the fixed-point methods accept (18: 10<sup>18</sup> still fits an
/// `i64`). Above it, `checked_to_scaled` returns `None`, `to_scaled` saturates and the encoders
/// return [`EncodeError::TooManyDecimals`].
pub const MAX_DECIMALS: u32 = 18;

/// Why a value could not be encoded into a PMBus data format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum EncodeError {
    /// The value is `NaN` or infinite.
    NotFinite,
    /// The value is below zero and the format is unsigned (ULINEAR16, VID).
    Negative,
    /// The value is too large (or, for VID, outside the mode's voltage range) for the format,
    /// after rounding to the nearest representable value.
    OutOfRange,
    /// `decimals` is above [`MAX_DECIMALS`].
    TooManyDecimals,
    /// A ULINEAR16 exponent outside -16..=15, which `VOUT_MODE` cannot express.
    InvalidExponent,
    /// DIRECT coefficients with `m = 0` or `R` outside the supported range
    /// ([`Coefficients::R_MIN`]..=[`Coefficients::R_MAX`]).
    InvalidCoefficients,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotFinite => "value is NaN or infinite",
            Self::Negative => "negative value in an unsigned PMBus format",
            Self::OutOfRange => "value does not fit the PMBus data format",
            Self::TooManyDecimals => "more than 18 decimals requested",
            Self::InvalidExponent => "ULINEAR16 exponent outside -16..=15",
            Self::InvalidCoefficients => "DIRECT coefficients with m = 0 or R out of range",
        })
    }
}

impl core::error::Error for EncodeError {}

/// Why a register value could not be turned into a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum DecodeError {
    /// DIRECT coefficients with `m = 0` or `R` outside the supported range
    /// ([`Coefficients::R_MIN`]..=[`Coefficients::R_MAX`]).
    InvalidCoefficients,
    /// The scaled result does not fit an `i64`.
    Overflow,
    /// `decimals` is above [`MAX_DECIMALS`].
    TooManyDecimals,
    /// An energy reading whose accumulator is above the counter's rollover point, or whose
    /// sample count does not fit the 24-bit field.
    InvalidEnergyReading,
    /// An energy difference over zero samples has no average.
    NoSamples,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InvalidCoefficients => "DIRECT coefficients with m = 0 or R out of range",
            Self::Overflow => "scaled value does not fit an i64",
            Self::TooManyDecimals => "more than 18 decimals requested",
            Self::InvalidEnergyReading => {
                "energy accumulator above its rollover point or sample count above 24 bits"
            }
            Self::NoSamples => "no samples between the two energy readings",
        })
    }
}

impl core::error::Error for DecodeError {}

/// A byte block of the wrong length (`COEFFICIENTS` is 5 bytes, `READ_EIN`/`READ_EOUT` 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct LengthError {
    /// The length the block must have.
    pub expected: usize,
    /// The length it has.
    pub actual: usize,
}

impl fmt::Display for LengthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "block of {} bytes, expected exactly {}",
            self.actual, self.expected
        )
    }
}

impl core::error::Error for LengthError {}

/// The data format of one 16-bit PMBus register value.
///
/// Most commands use [`Format::Linear11`]; the output-voltage commands use whatever
/// `VOUT_MODE` says ([`VoutMode::format`]); devices that report in DIRECT publish their
/// [`Coefficients`] in the data sheet or through `COEFFICIENTS` (30h).
///
/// Decoding returns `None` where the register holds no finite reading: a VID code that means
/// "off" or lies outside the mode's table, an IEEE half infinity or `NaN`, DIRECT coefficients
/// that are unusable (`m = 0`), or a scaled value that does not fit an `i64`. The
/// per-format types give the reason where there is one.
///
/// ```
/// use smbus_pmbus::format::{Coefficients, Format, VidMode};
///
/// // ADM1272 READ_VOUT: DIRECT with m = 4062, b = 0, R = -2.
/// let vout = Format::Direct(Coefficients { m: 4062, b: 0, r: -2 });
/// assert_eq!(vout.decode_milli(0x076D), Some(46_800)); // 46.7996 V
/// assert_eq!(vout.encode_milli(46_800), Ok(0x076D));
///
/// // VR12 VID code 01h is 250 mV.
/// let vid = Format::Vid(VidMode::Vr12);
/// assert_eq!(vid.decode_micro(0x0001), Some(250_000));
/// assert_eq!(vid.decode_f32(0x0000), None); // code 00h: output off
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Format {
    /// LINEAR11 (§7.3): the exponent travels with every value.
    Linear11,
    /// ULINEAR16 (§8.3.1) with the exponent from `VOUT_MODE` (-16..=15).
    ULinear16 {
        /// The `VOUT_MODE` exponent N: value = raw · 2<sup>N</sup>.
        exponent: i8,
    },
    /// DIRECT (§7.4) with the device's coefficients; the raw value is a two's complement `Y`.
    Direct(Coefficients),
    /// VID (§8.3, VID mode): the low byte is a code of the given VID table; the high byte must be 0.
    Vid(VidMode),
    /// IEEE 754 half precision (§7.5).
    IeeeHalf,
}

impl Format {
    /// The raw value as an `f32`, or `None` if it holds no finite reading (see [`Format`]).
    #[inline]
    pub fn decode_f32(self, raw: u16) -> Option<f32> {
        match self {
            Self::Linear11 => Some(Linear11::from_raw(raw).to_f32()),
            // Infinite only for exponents VOUT_MODE cannot hold (above 111).
            Self::ULinear16 { exponent } => {
                Some(ULinear16::new(raw, exponent).to_f32()).filter(|f| f.is_finite())
            }
            Self::Direct(c) => c.decode_f32(raw).ok(),
            Self::Vid(mode) => mode.to_f32_volts(vid_code(raw)?),
            Self::IeeeHalf => {
                let v = IeeeHalf::from_raw(raw);
                if v.is_finite() {
                    Some(v.to_f32())
                } else {
                    None
                }
            }
        }
    }

    /// The raw value times 10<sup>`decimals`</sup>, rounded to nearest (ties away from zero),
    /// computed with integer arithmetic only; `None` if it holds no finite reading, the result
    /// does not fit an `i64`, or `decimals` is above [`MAX_DECIMALS`].
    #[inline]
    pub fn decode_scaled(self, raw: u16, decimals: u32) -> Option<i64> {
        match self {
            Self::Linear11 => Linear11::from_raw(raw).checked_to_scaled(decimals),
            Self::ULinear16 { exponent } => {
                ULinear16::new(raw, exponent).checked_to_scaled(decimals)
            }
            Self::Direct(c) => c.decode_scaled(raw, decimals).ok(),
            Self::Vid(mode) => mode.to_scaled(vid_code(raw)?, decimals),
            Self::IeeeHalf => IeeeHalf::from_raw(raw).to_scaled(decimals),
        }
    }

    /// [`decode_scaled`](Self::decode_scaled) with 3 decimals: millivolts, milliamperes, ….
    #[inline]
    pub fn decode_milli(self, raw: u16) -> Option<i64> {
        self.decode_scaled(raw, 3)
    }

    /// [`decode_scaled`](Self::decode_scaled) with 6 decimals: microvolts, microamperes, ….
    pub fn decode_micro(self, raw: u16) -> Option<i64> {
        self.decode_scaled(raw, 6)
    }

    /// Encodes `x` into a register value of this format (the most precise one for LINEAR11;
    /// the VID code with the nearest voltage for VID).
    ///
    /// # Errors
    ///
    /// [`EncodeError`], see the per-format encoders.
    pub fn encode_f32(self, x: f32) -> Result<u16, EncodeError> {
        match self {
            Self::Linear11 => Linear11::from_f32(x).map(Linear11::raw),
            Self::ULinear16 { exponent } => ULinear16::from_f32(x, exponent).map(|v| v.raw),
            Self::Direct(c) => c.encode_f32(x),
            Self::Vid(mode) => mode.from_f32_volts(x).map(u16::from),
            Self::IeeeHalf => IeeeHalf::from_f32(x).map(IeeeHalf::raw),
        }
    }

    /// Encodes `value` × 10<sup>-`decimals`</sup> with integer arithmetic only.
    ///
    /// # Errors
    ///
    /// [`EncodeError`], see the per-format encoders.
    pub fn encode_scaled(self, value: i64, decimals: u32) -> Result<u16, EncodeError> {
        match self {
            Self::Linear11 => Linear11::from_scaled(value, decimals).map(Linear11::raw),
            Self::ULinear16 { exponent } => {
                ULinear16::from_scaled(value, decimals, exponent).map(|v| v.raw)
            }
            Self::Direct(c) => c.encode_scaled(value, decimals),
            Self::Vid(mode) => mode.from_scaled(value, decimals).map(u16::from),
            Self::IeeeHalf => IeeeHalf::from_scaled(value, decimals).map(IeeeHalf::raw),
        }
    }

    /// [`encode_scaled`](Self::encode_scaled) with 3 decimals.
    ///
    /// # Errors
    ///
    /// As [`encode_scaled`](Self::encode_scaled).
    pub fn encode_milli(self, value: i64) -> Result<u16, EncodeError> {
        self.encode_scaled(value, 3)
    }

    /// [`encode_scaled`](Self::encode_scaled) with 6 decimals.
    ///
    /// # Errors
    ///
    /// As [`encode_scaled`](Self::encode_scaled).
    pub fn encode_micro(self, value: i64) -> Result<u16, EncodeError> {
        self.encode_scaled(value, 6)
    }
}

/// The VID code of a 16-bit register value: the low byte, with a zero high byte.
fn vid_code(raw: u16) -> Option<u8> {
    u8::try_from(raw).ok()
}
