//! IEEE 754 half precision (binary16), PMBus 1.3 Part II §7.5.

use super::exact::{Exact, pow2_f32, scale_pow2};
use super::{EncodeError, MAX_DECIMALS};

/// An IEEE 754 binary16 value (PMBus 1.3 Part II §7.5, and `VOUT_MODE` mode 11b): bit 15 sign,
/// bits 14:10 biased exponent, bits 9:0 fraction. Normal values are
/// ±(1 + fraction/1024) · 2<sup>exponent - 15</sup>, subnormals ±fraction · 2<sup>-24</sup>;
/// exponent 1Fh holds the infinities and `NaN`s.
///
/// [`to_f32`](Self::to_f32) is exact for all 65,536 patterns (`NaN` payloads included). The
/// encoders round to nearest, ties to even, as IEEE 754 does, but refuse to produce an
/// infinity or a `NaN`: values that round beyond ±65504 are [`EncodeError::OutOfRange`].
///
/// ```
/// use smbus_pmbus::format::IeeeHalf;
///
/// let v = IeeeHalf::from_raw(0x4580); // 1.375 · 2^2
/// assert_eq!(v.to_f32(), 5.5);
/// assert_eq!(v.to_milli(), Some(5_500));
/// assert_eq!(IeeeHalf::from_f32(5.5).unwrap(), v);
/// assert_eq!(IeeeHalf::from_milli(5_500).unwrap(), v);
/// assert_eq!(IeeeHalf::from_raw(0x7C00).to_milli(), None); // +infinity
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IeeeHalf(u16);

impl IeeeHalf {
    /// The largest finite value, 65504 (7BFFh).
    pub const MAX: Self = Self(0x7BFF);
    /// The most negative finite value, -65504 (FBFFh).
    pub const MIN: Self = Self(0xFBFF);

    /// Wraps a raw register value.
    pub const fn from_raw(raw: u16) -> Self {
        Self(raw)
    }

    /// The raw register value.
    pub const fn raw(self) -> u16 {
        self.0
    }

    const fn exponent_bits(self) -> u16 {
        (self.0 >> 10) & 0x1F
    }

    const fn fraction_bits(self) -> u16 {
        self.0 & 0x3FF
    }

    /// The sign bit is set (also for -0 and negative `NaN`s).
    pub const fn is_sign_negative(self) -> bool {
        self.0 & 0x8000 != 0
    }

    /// Neither infinite nor `NaN`.
    pub const fn is_finite(self) -> bool {
        self.exponent_bits() != 0x1F
    }

    /// A `NaN` (exponent 1Fh, fraction not zero).
    pub const fn is_nan(self) -> bool {
        self.exponent_bits() == 0x1F && self.fraction_bits() != 0
    }

    /// The value as an `f32`, exactly (binary32 holds every binary16 value; `NaN` payloads
    /// keep their bits).
    pub fn to_f32(self) -> f32 {
        let sign = u32::from(self.0 & 0x8000) << 16;
        let exponent = u32::from(self.exponent_bits());
        let fraction = u32::from(self.fraction_bits());
        match exponent {
            0 => {
                // Subnormal: fraction · 2^-24, exact in f32.
                let magnitude = f32::from(self.fraction_bits()) * pow2_f32(-24);
                if sign != 0 { -magnitude } else { magnitude }
            }
            0x1F => f32::from_bits(sign | 0x7F80_0000 | fraction << 13),
            // Rebias the exponent from 15 to 127 and widen the fraction from 10 to 23 bits.
            _ => f32::from_bits(sign | (exponent + 112) << 23 | fraction << 13),
        }
    }

    /// The sign, significand and power of two of a finite value: ±significand ·
    /// 2<sup>exp</sup> with an integer significand below 2<sup>11</sup>.
    fn parts(self) -> Option<(bool, u64, i32)> {
        let exponent = self.exponent_bits();
        let fraction = u64::from(self.fraction_bits());
        match exponent {
            0x1F => None,
            0 => Some((self.is_sign_negative(), fraction, -24)),
            _ => Some((
                self.is_sign_negative(),
                fraction | 0x400,
                i32::from(exponent) - 25,
            )),
        }
    }

    /// The value times 10<sup>`decimals`</sup>, exact, rounded to nearest (ties away from
    /// zero), with integer arithmetic only; `None` for infinities and `NaN`s, if `decimals` is
    /// above [`MAX_DECIMALS`] or if the result does not fit an `i64` (possible from 15
    /// decimals up).
    pub fn to_scaled(self, decimals: u32) -> Option<i64> {
        let (negative, significand, exp2) = self.parts()?;
        scale_pow2(negative, significand, exp2, decimals)
    }

    /// The value in thousandths, `None` for infinities and `NaN`s.
    pub fn to_milli(self) -> Option<i64> {
        self.to_scaled(3)
    }

    /// The value in millionths, `None` for infinities and `NaN`s.
    pub fn to_micro(self) -> Option<i64> {
        self.to_scaled(6)
    }

    /// The nearest binary16 value to `x` (ties to even). `-0.0` and negative values that round
    /// to zero give the negative zero (8000h), as IEEE 754 does.
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`] for `NaN` and infinities, [`EncodeError::OutOfRange`] if `x`
    /// rounds beyond ±65504.
    pub fn from_f32(x: f32) -> Result<Self, EncodeError> {
        Self::from_exact(&Exact::from_f32(x)?)
    }

    /// The nearest binary16 value to `value` × 10<sup>-`decimals`</sup> (ties to even), exact
    /// with integer arithmetic.
    ///
    /// # Errors
    ///
    /// [`EncodeError::TooManyDecimals`] above [`MAX_DECIMALS`], [`EncodeError::OutOfRange`]
    /// beyond ±65504.
    pub fn from_scaled(value: i64, decimals: u32) -> Result<Self, EncodeError> {
        Self::from_exact(&Exact::from_scaled(value, decimals)?)
    }

    /// [`from_scaled`](Self::from_scaled) with 3 decimals.
    ///
    /// # Errors
    ///
    /// As [`from_scaled`](Self::from_scaled).
    pub fn from_milli(value: i64) -> Result<Self, EncodeError> {
        Self::from_scaled(value, 3)
    }

    /// [`from_scaled`](Self::from_scaled) with 6 decimals.
    ///
    /// # Errors
    ///
    /// As [`from_scaled`](Self::from_scaled).
    pub fn from_micro(value: i64) -> Result<Self, EncodeError> {
        Self::from_scaled(value, 6)
    }

    /// As [`from_f32`](Self::from_f32), but values beyond ±65504 (infinities included) become
    /// [`MAX`](Self::MAX) or [`MIN`](Self::MIN).
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`] for `NaN` only.
    pub fn from_f32_saturating(x: f32) -> Result<Self, EncodeError> {
        if x.is_nan() {
            return Err(EncodeError::NotFinite);
        }
        Ok(Exact::from_f32(x)
            .and_then(|e| Self::from_exact(&e))
            .unwrap_or(Self::limit(x < 0.0)))
    }

    /// As [`from_scaled`](Self::from_scaled), but values beyond ±65504 become
    /// [`MAX`](Self::MAX) or [`MIN`](Self::MIN).
    ///
    /// # Errors
    ///
    /// [`EncodeError::TooManyDecimals`] above [`MAX_DECIMALS`].
    pub fn from_scaled_saturating(value: i64, decimals: u32) -> Result<Self, EncodeError> {
        if decimals > MAX_DECIMALS {
            return Err(EncodeError::TooManyDecimals);
        }
        Ok(Exact::from_scaled(value, decimals)
            .and_then(|e| Self::from_exact(&e))
            .unwrap_or(Self::limit(value < 0)))
    }

    fn limit(negative: bool) -> Self {
        if negative { Self::MIN } else { Self::MAX }
    }

    fn from_exact(x: &Exact) -> Result<Self, EncodeError> {
        // Keep 11 significant bits: shift s = bit_len - 11 (0 for subnormals). The value is
        // then sig · 2^(s - 24) with sig in 1024..=2048 (below 1024 only when s = 0). The
        // binary16 pattern is (s << 10) + sig: for a normal value the hidden bit of sig
        // (1 << 10) adds one to s, giving the biased exponent s + 1, and the low 10 bits are the
        // fraction; a rounding carry to 2048 moves into the next binade; for s = 0, sig below
        // 1024 is the subnormal fraction itself.
        let s = x.bit_len().saturating_sub(11);
        let sig = x.round_even(s);
        let bits = (u64::from(s) << 10) + sig;
        if bits >= 0x7C00 {
            return Err(EncodeError::OutOfRange);
        }
        let bits = u16::try_from(bits).map_err(|_| EncodeError::OutOfRange)?;
        Ok(Self(if x.negative { bits | 0x8000 } else { bits }))
    }
}
