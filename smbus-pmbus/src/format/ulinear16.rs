//! ULINEAR16 (PMBus 1.3 Part II §8.3.1): the output-voltage format in `VOUT_MODE` linear mode.

use super::exact::{Exact, pow2_f32, scale_pow2};
use super::{EncodeError, MAX_DECIMALS};

/// A ULINEAR16 value (PMBus 1.3 Part II §8.3.1): an unsigned 16-bit `raw` V and the exponent N
/// from `VOUT_MODE` bits 4:0, value = V · 2<sup>N</sup>.
///
/// The exponent does not travel with the value: it comes from [`VoutMode`](super::VoutMode)
/// (read once per page), which is why `READ_VOUT` decoded as LINEAR11 gives nonsense.
/// `VOUT_MODE` can only express N in -16..=15. Decoding accepts any `i8` exponent and computes
/// V · 2<sup>N</sup> exactly (an `f32` overflows to infinity only for N > 111); the encoders
/// reject exponents outside -16..=15 with [`EncodeError::InvalidExponent`].
///
/// ```
/// use smbus_pmbus::format::ULinear16;
///
/// // VOUT_MODE 15h: exponent -11. 6007h is 24583 / 2048 V.
/// let v = ULinear16::new(0x6007, -11);
/// assert_eq!(v.to_f32(), 12.003418);
/// assert_eq!(v.to_micro(), 12_003_418);
///
/// assert_eq!(ULinear16::from_f32(11.9375, -11).unwrap().raw, 0x5F80);
/// assert_eq!(ULinear16::from_milli(12_000, -11).unwrap().raw, 0x6000);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ULinear16 {
    /// The register value V (unsigned).
    pub raw: u16,
    /// The exponent N from `VOUT_MODE` (-16..=15).
    pub exponent: i8,
}

impl ULinear16 {
    /// Pairs a register value with the `VOUT_MODE` exponent.
    pub const fn new(raw: u16, exponent: i8) -> Self {
        Self { raw, exponent }
    }

    /// The value as an `f32`: exact for every raw value and every exponent up to 111 (so for
    /// every exponent `VOUT_MODE` can hold); +infinity where V · 2<sup>N</sup> exceeds
    /// `f32::MAX`.
    pub fn to_f32(self) -> f32 {
        f32::from(self.raw) * pow2_f32(i32::from(self.exponent))
    }

    /// The value times 10<sup>`decimals`</sup>, rounded to nearest (ties away from zero), with
    /// integer arithmetic only; `None` only if `decimals` is above [`MAX_DECIMALS`] or the
    /// result does not fit an `i64` (never for N ≤ 15 at up to 9 decimals: V · 2<sup>15</sup>
    /// · 10<sup>9</sup> < 2.2 × 10<sup>18</sup>).
    pub fn checked_to_scaled(self, decimals: u32) -> Option<i64> {
        scale_pow2(
            false,
            u64::from(self.raw),
            i32::from(self.exponent),
            decimals,
        )
    }

    /// As [`checked_to_scaled`](Self::checked_to_scaled), saturating at `i64::MAX` instead of
    /// returning `None` (zero stays 0).
    pub fn to_scaled(self, decimals: u32) -> i64 {
        self.checked_to_scaled(decimals)
            .unwrap_or(if self.raw == 0 { 0 } else { i64::MAX })
    }

    /// The value in thousandths (mV), rounded to nearest.
    pub fn to_milli(self) -> i64 {
        self.to_scaled(3)
    }

    /// The value in millionths (µV), rounded to nearest.
    pub fn to_micro(self) -> i64 {
        self.to_scaled(6)
    }

    /// Encodes `x` with the given exponent, rounding to nearest (ties away from zero).
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`] for `NaN`/infinities, [`EncodeError::Negative`] for
    /// `x < 0` (`-0.0` encodes as 0), [`EncodeError::OutOfRange`] if V would exceed FFFFh,
    /// [`EncodeError::InvalidExponent`] for an exponent outside -16..=15.
    pub fn from_f32(x: f32, exponent: i8) -> Result<Self, EncodeError> {
        check_exponent(exponent)?;
        if x.is_finite() && x < 0.0 {
            return Err(EncodeError::Negative);
        }
        Self::from_exact(&Exact::from_f32(x)?, exponent)
    }

    /// Encodes `value` × 10<sup>-`decimals`</sup> with the given exponent, exactly with
    /// integer arithmetic and rounded once to nearest (ties away from zero).
    ///
    /// # Errors
    ///
    /// As [`from_f32`](Self::from_f32), plus [`EncodeError::TooManyDecimals`] above
    /// [`MAX_DECIMALS`].
    pub fn from_scaled(value: i64, decimals: u32, exponent: i8) -> Result<Self, EncodeError> {
        check_exponent(exponent)?;
        if decimals > MAX_DECIMALS {
            return Err(EncodeError::TooManyDecimals);
        }
        if value < 0 {
            return Err(EncodeError::Negative);
        }
        Self::from_exact(&Exact::from_scaled(value, decimals)?, exponent)
    }

    /// [`from_scaled`](Self::from_scaled) with 3 decimals (millivolts).
    ///
    /// # Errors
    ///
    /// As [`from_scaled`](Self::from_scaled).
    pub fn from_milli(value: i64, exponent: i8) -> Result<Self, EncodeError> {
        Self::from_scaled(value, 3, exponent)
    }

    /// [`from_scaled`](Self::from_scaled) with 6 decimals (microvolts).
    ///
    /// # Errors
    ///
    /// As [`from_scaled`](Self::from_scaled).
    pub fn from_micro(value: i64, exponent: i8) -> Result<Self, EncodeError> {
        Self::from_scaled(value, 6, exponent)
    }

    /// As [`from_f32`](Self::from_f32), but negative values (-infinity included) become 0 and
    /// values above the range (+infinity included) become FFFFh.
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`] for `NaN`, [`EncodeError::InvalidExponent`].
    pub fn from_f32_saturating(x: f32, exponent: i8) -> Result<Self, EncodeError> {
        check_exponent(exponent)?;
        if x.is_nan() {
            return Err(EncodeError::NotFinite);
        }
        if x < 0.0 {
            return Ok(Self::new(0, exponent));
        }
        Ok(Exact::from_f32(x)
            .and_then(|e| Self::from_exact(&e, exponent))
            .unwrap_or(Self::new(u16::MAX, exponent)))
    }

    /// As [`from_scaled`](Self::from_scaled), but negative values become 0 and values above the
    /// range become FFFFh.
    ///
    /// # Errors
    ///
    /// [`EncodeError::TooManyDecimals`], [`EncodeError::InvalidExponent`].
    pub fn from_scaled_saturating(
        value: i64,
        decimals: u32,
        exponent: i8,
    ) -> Result<Self, EncodeError> {
        check_exponent(exponent)?;
        if decimals > MAX_DECIMALS {
            return Err(EncodeError::TooManyDecimals);
        }
        if value < 0 {
            return Ok(Self::new(0, exponent));
        }
        Ok(Exact::from_scaled(value, decimals)
            .and_then(|e| Self::from_exact(&e, exponent))
            .unwrap_or(Self::new(u16::MAX, exponent)))
    }

    fn from_exact(x: &Exact, exponent: i8) -> Result<Self, EncodeError> {
        check_exponent(exponent)?;
        if x.is_negative_nonzero() {
            return Err(EncodeError::Negative);
        }
        // V = round(|x| · 2^-N) = x.round_away(N + 24) (24 = exact::FRAC_BITS); N + 24 is in
        // 8..=39.
        let s =
            u32::try_from(i32::from(exponent) + 24).map_err(|_| EncodeError::InvalidExponent)?;
        let raw = u16::try_from(x.round_away(s)).map_err(|_| EncodeError::OutOfRange)?;
        Ok(Self::new(raw, exponent))
    }
}

/// `VOUT_MODE` bits 4:0 hold a 5-bit two's complement exponent: -16..=15 (§8.3).
fn check_exponent(exponent: i8) -> Result<(), EncodeError> {
    if (-16..=15).contains(&exponent) {
        Ok(())
    } else {
        Err(EncodeError::InvalidExponent)
    }
}
