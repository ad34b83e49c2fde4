//! LINEAR11 (PMBus 1.3 Part II §7.3).

use super::exact::{Exact, FRAC_BITS, pow2_f32, scale_pow2};
use super::{EncodeError, MAX_DECIMALS};

/// A LINEAR11 value (PMBus 1.3 Part II §7.3): bits 15:11 are a two's complement exponent N
/// (-16..=15), bits 10:0 a two's complement mantissa Y (-1024..=1023), and the value is
/// X = Y · 2<sup>N</sup>.
///
/// It is the format of almost every PMBus reading and limit except the output voltage. The
/// mantissa is signed: a device (or a decoder) that treats it as unsigned shows large readings
/// as negative, or negative ones as large; this type always sign-extends both fields.
///
/// The same value often has several encodings (F0D0h, E9A0h and E340h are all 52.0). The
/// encoders pick the most precise one: the smallest exponent whose mantissa still holds the
/// value, so the mantissa is as large as it can be. Zero encodes as 0000h.
///
/// ```
/// use smbus_pmbus::format::Linear11;
///
/// let x = Linear11::from_raw(0xF819); // 25 · 2^-1
/// assert_eq!((x.mantissa(), x.exponent()), (25, -1));
/// assert_eq!(x.to_f32(), 12.5);
/// assert_eq!(x.to_milli(), 12_500);
///
/// // 52.0 is encoded with the largest mantissa that fits: 832 · 2^-4.
/// assert_eq!(Linear11::from_f32(52.0).unwrap().raw(), 0xE340);
/// assert_eq!(Linear11::from_milli(52_000).unwrap().raw(), 0xE340);
/// assert_eq!(Linear11::from_f32(0.0).unwrap().raw(), 0x0000);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Linear11(u16);

impl Linear11 {
    /// The smallest exponent (-16).
    pub const MIN_EXPONENT: i8 = -16;
    /// The largest exponent (15).
    pub const MAX_EXPONENT: i8 = 15;
    /// The largest value, 1023 · 2<sup>15</sup> = 33,521,664 (raw 7BFFh).
    pub const MAX: Self = Self(0x7BFF);
    /// The most negative value, -1024 · 2<sup>15</sup> = -33,554,432 (raw 7C00h).
    pub const MIN: Self = Self(0x7C00);

    /// Wraps a raw register value; every 16-bit value is a valid LINEAR11 number.
    pub const fn from_raw(raw: u16) -> Self {
        Self(raw)
    }

    /// The raw register value.
    pub const fn raw(self) -> u16 {
        self.0
    }

    /// Builds a value from a mantissa (-1024..=1023) and an exponent (-16..=15), `None` if
    /// either is out of range.
    pub const fn from_parts(mantissa: i16, exponent: i8) -> Option<Self> {
        if mantissa < -1024 || mantissa > 1023 || exponent < -16 || exponent > 15 {
            return None;
        }
        // Two's complement fields: the casts keep the low 5 and 11 bits.
        Some(Self(
            ((exponent as u16 & 0x1F) << 11) | (mantissa as u16 & 0x7FF),
        ))
    }

    /// The mantissa Y, bits 10:0 sign-extended (-1024..=1023).
    pub const fn mantissa(self) -> i16 {
        ((self.0 << 5) as i16) >> 5
    }

    /// The exponent N, bits 15:11 sign-extended (-16..=15).
    pub const fn exponent(self) -> i8 {
        ((self.0 as i16) >> 11) as i8
    }

    /// The value as an `f32`. Exact: an 11-bit mantissa times a power of two in
    /// 2<sup>-16</sup>..=2<sup>15</sup> is always an `f32`.
    pub fn to_f32(self) -> f32 {
        f32::from(self.mantissa()) * pow2_f32(i32::from(self.exponent()))
    }

    /// The value times 10<sup>`decimals`</sup>, rounded to nearest (ties away from zero), with
    /// integer arithmetic only; `None` only if `decimals` is above [`MAX_DECIMALS`] or the result
    /// does not fit an `i64`, which needs 12 decimals or more (|X| < 2<sup>25</sup>).
    pub fn checked_to_scaled(self, decimals: u32) -> Option<i64> {
        let m = self.mantissa();
        scale_pow2(
            m < 0,
            u64::from(m.unsigned_abs()),
            i32::from(self.exponent()),
            decimals,
        )
    }

    /// As [`checked_to_scaled`](Self::checked_to_scaled), saturating at `i64::MIN`/`i64::MAX`
    /// instead of returning `None` (zero stays 0). Exact for every value at `decimals` 0..=11,
    /// which covers milli-, micro- and nano-units.
    pub fn to_scaled(self, decimals: u32) -> i64 {
        self.checked_to_scaled(decimals)
            .unwrap_or(match self.mantissa() {
                0 => 0,
                m if m < 0 => i64::MIN,
                _ => i64::MAX,
            })
    }

    /// The value in thousandths (mV, mA, mW, m°C), rounded to nearest.
    pub fn to_milli(self) -> i64 {
        self.to_scaled(3)
    }

    /// The value in millionths (µV, µA, µW), rounded to nearest.
    pub fn to_micro(self) -> i64 {
        self.to_scaled(6)
    }

    /// The most precise LINEAR11 encoding of `x`, rounded to nearest (ties away from zero).
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`] for `NaN` and infinities, [`EncodeError::OutOfRange`] when
    /// `x` rounds to beyond [`MAX`](Self::MAX) or [`MIN`](Self::MIN).
    pub fn from_f32(x: f32) -> Result<Self, EncodeError> {
        Self::from_exact(&Exact::from_f32(x)?)
    }

    /// The most precise LINEAR11 encoding of `value` × 10<sup>-`decimals`</sup>, computed
    /// exactly with integer arithmetic and rounded once to nearest (ties away from zero).
    ///
    /// # Errors
    ///
    /// [`EncodeError::TooManyDecimals`] if `decimals` is above [`MAX_DECIMALS`],
    /// [`EncodeError::OutOfRange`] if the value does not fit.
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

    /// As [`from_f32`](Self::from_f32), but values beyond the range (infinities included)
    /// become [`MAX`](Self::MAX) or [`MIN`](Self::MIN).
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`] for `NaN` only.
    pub fn from_f32_saturating(x: f32) -> Result<Self, EncodeError> {
        if x.is_nan() {
            return Err(EncodeError::NotFinite);
        }
        match Exact::from_f32(x) {
            Ok(e) => Ok(Self::from_exact(&e).unwrap_or(Self::limit(x < 0.0))),
            Err(_) => Ok(Self::limit(x < 0.0)),
        }
    }

    /// As [`from_scaled`](Self::from_scaled), but values beyond the range become
    /// [`MAX`](Self::MAX) or [`MIN`](Self::MIN).
    ///
    /// # Errors
    ///
    /// [`EncodeError::TooManyDecimals`] if `decimals` is above [`MAX_DECIMALS`].
    pub fn from_scaled_saturating(value: i64, decimals: u32) -> Result<Self, EncodeError> {
        if decimals > MAX_DECIMALS {
            return Err(EncodeError::TooManyDecimals);
        }
        match Exact::from_scaled(value, decimals) {
            Ok(e) => Ok(Self::from_exact(&e).unwrap_or(Self::limit(value < 0))),
            Err(_) => Ok(Self::limit(value < 0)),
        }
    }

    fn limit(negative: bool) -> Self {
        if negative { Self::MIN } else { Self::MAX }
    }

    /// Picks the smallest exponent N whose rounded mantissa fits (§7.3: -1024..=1023).
    fn from_exact(x: &Exact) -> Result<Self, EncodeError> {
        let limit = if x.negative { 1024 } else { 1023 };
        // Mantissa at exponent N is round(|x| · 2^-N) = x.round_away(N + 24), s = N + 24 in
        // 8..=39. Below s = bit_len - 11 the mantissa is at least 2^11 and cannot fit, so the
        // search starts there; the rounded mantissa only shrinks as s grows.
        let first = x.bit_len().saturating_sub(11).max(8);
        for s in first..=39 {
            let y = x.round_away(s);
            if y <= limit {
                if y == 0 {
                    return Ok(Self(0));
                }
                // y ≤ 1024 and s - 24 is in -16..=15: both conversions succeed.
                let y = i16::try_from(y).map_err(|_| EncodeError::OutOfRange)?;
                let mantissa = if x.negative { -y } else { y };
                let exponent = i8::try_from(i64::from(s) - i64::from(FRAC_BITS))
                    .map_err(|_| EncodeError::OutOfRange)?;
                return Self::from_parts(mantissa, exponent).ok_or(EncodeError::OutOfRange);
            }
        }
        Err(EncodeError::OutOfRange)
    }
}
