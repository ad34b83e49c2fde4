//! DIRECT (PMBus 1.3 Part II §7.4) and the `COEFFICIENTS` block (30h).

use super::exact::{pow10, round_f64, signed};
use super::{DecodeError, EncodeError, LengthError, MAX_DECIMALS};

/// DIRECT format coefficients (PMBus 1.3 Part II §7.4): a device reports Y, a two's complement
/// 16-bit integer, for the real value X with
///
/// - X = (Y · 10<sup>-R</sup> - b) / m, and
/// - Y = round((m · X + b) · 10<sup>R</sup>),
///
/// where m and b are signed 16-bit and R a signed byte. Hot-swap controllers (ADM1272,
/// LM25066, INA233) use it; the coefficients come from the data sheet (they often depend on the
/// sense resistor) or from the `COEFFICIENTS` command (30h), whose 5-byte answer
/// [`parse`](Self::parse) reads.
///
/// All conversions check their inputs: `m = 0` or `R` outside [`R_MIN`](Self::R_MIN)..=
/// [`R_MAX`](Self::R_MAX) give [`DecodeError::InvalidCoefficients`] /
/// [`EncodeError::InvalidCoefficients`], never a panic or a made-up number. The fixed-point
/// decoders use 64-bit integer arithmetic only and are exact (one rounding, to nearest, ties
/// away from zero); the fixed-point encoders use 128-bit integers. The `f32` methods compute in
/// `f64` (a software routine on cores without a double-precision FPU).
///
/// Some devices report an unsigned Y for quantities that cannot be negative; for them use
/// [`decode_y_scaled`](Self::decode_y_scaled) / [`decode_y_f32`](Self::decode_y_f32) with
/// `i32::from(raw)`.
///
/// ```
/// use smbus_pmbus::format::Coefficients;
///
/// // ADM1272 READ_IOUT (one sense resistor setting): m = 663, b = 20480, R = -1.
/// let iout = Coefficients { m: 663, b: 20480, r: -1 };
/// assert_eq!(iout.decode_micro(0x0824), Ok(542_986)); // 0.54299 A
/// assert_eq!(iout.encode_micro(542_986), Ok(0x0824));
///
/// let c = Coefficients::parse(&[0xDE, 0x0F, 0x00, 0x00, 0xFE]).unwrap();
/// assert_eq!(c, Coefficients { m: 4062, b: 0, r: -2 });
/// assert_eq!(c.to_bytes(), [0xDE, 0x0F, 0x00, 0x00, 0xFE]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Coefficients {
    /// The slope m (must not be 0).
    pub m: i16,
    /// The offset b.
    pub b: i16,
    /// The exponent R.
    pub r: i8,
}

/// A DIRECT conversion to `f32` prepared from one set of [`Coefficients`]
/// ([`Coefficients::converter_f32`]): for loops over many raw values, where it compiles to a
/// branch-free multiply-subtract-multiply.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DirectF32 {
    scale: f64,
    offset: f64,
    inverse: f64,
}

impl DirectF32 {
    /// The value of a raw register (Y = `raw` as two's complement).
    #[inline]
    pub fn decode(&self, raw: u16) -> f32 {
        self.decode_y(i32::from(raw as i16))
    }

    /// The value for a Y of up to 17 bits (an unsigned 16-bit Y included).
    #[inline]
    pub fn decode_y(&self, y: i32) -> f32 {
        ((f64::from(y) * self.scale - self.offset) * self.inverse) as f32
    }
}

/// 10^0 … 10^11, exact in `f64`.
const F64_POW10: [f64; 12] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11];

/// One DIRECT value X = `num` / `den` with integers, `den > 0`.
struct Ratio {
    num: i64,
    den: u64,
}

impl Coefficients {
    /// The smallest R the conversions support (-13). Real devices use about -6..=3.
    pub const R_MIN: i8 = -13;
    /// The largest R the conversions support (13).
    pub const R_MAX: i8 = 13;

    /// Reads the `COEFFICIENTS` (30h) answer: the 5 data bytes of the block (without the byte
    /// count): m as a little-endian `i16`, b as a little-endian `i16`, R as an `i8`.
    ///
    /// The values are kept as read; an unusable set (`m = 0`) is reported when it is used.
    ///
    /// # Errors
    ///
    /// [`LengthError`] if `bytes` is not exactly 5 bytes long.
    pub fn parse(bytes: &[u8]) -> Result<Self, LengthError> {
        match *bytes {
            [m0, m1, b0, b1, r] => Ok(Self {
                m: i16::from_le_bytes([m0, m1]),
                b: i16::from_le_bytes([b0, b1]),
                r: i8::from_le_bytes([r]),
            }),
            _ => Err(LengthError {
                expected: 5,
                actual: bytes.len(),
            }),
        }
    }

    /// The 5-byte `COEFFICIENTS` layout of these coefficients.
    pub fn to_bytes(&self) -> [u8; 5] {
        let [m0, m1] = self.m.to_le_bytes();
        let [b0, b1] = self.b.to_le_bytes();
        let [r] = self.r.to_le_bytes();
        [m0, m1, b0, b1, r]
    }

    /// `m ≠ 0` and R within [`R_MIN`](Self::R_MIN)..=[`R_MAX`](Self::R_MAX).
    pub fn is_valid(&self) -> bool {
        self.m != 0 && (Self::R_MIN..=Self::R_MAX).contains(&self.r)
    }

    /// X = (Y · 10<sup>-R</sup> - b) / m as an exact ratio of 64-bit integers.
    ///
    /// Ranges (|Y| ≤ 2<sup>16</sup>, |b|, |m| ≤ 2<sup>15</sup>, |R| ≤ 13): for R < 0 the
    /// numerator is Y · 10<sup>-R</sup> - b, at most 2<sup>16</sup> · 10<sup>13</sup> + 2<sup>15</sup>
    /// < 6.6 × 10<sup>17</sup>, over m; for R ≥ 0 it is Y - b · 10<sup>R</sup> (< 3.3 ×
    /// 10<sup>17</sup>) over m · 10<sup>R</sup> (< 3.3 × 10<sup>17</sup>). Both fit an `i64` with
    /// room for the ×10 steps of [`Self::decode_y_scaled`].
    fn ratio(&self, y: i32) -> Result<Ratio, DecodeError> {
        if !self.is_valid() {
            return Err(DecodeError::InvalidCoefficients);
        }
        let y = i64::from(y);
        let b = i64::from(self.b);
        let m = i64::from(self.m);
        let p = pow10(u32::from(self.r.unsigned_abs())).ok_or(DecodeError::InvalidCoefficients)?;
        let p = i64::try_from(p).map_err(|_| DecodeError::InvalidCoefficients)?;
        // Checked although the ranges above hold for register values: Y may be any i32 here.
        let (num, den) = if self.r < 0 {
            (y.checked_mul(p).and_then(|yp| yp.checked_sub(b)), m)
        } else {
            (b.checked_mul(p).and_then(|bp| y.checked_sub(bp)), m * p)
        };
        let num = num.ok_or(DecodeError::Overflow)?;
        // Keep the denominator positive so the sign lives in the numerator.
        let num = if den < 0 {
            num.checked_neg().ok_or(DecodeError::Overflow)?
        } else {
            num
        };
        Ok(Ratio {
            num,
            den: den.unsigned_abs(),
        })
    }

    /// The value of a raw register (Y = `raw` as two's complement) as an `f32`.
    ///
    /// # Errors
    ///
    /// [`DecodeError::InvalidCoefficients`].
    #[inline]
    pub fn decode_f32(&self, raw: u16) -> Result<f32, DecodeError> {
        self.decode_y_f32(i32::from(raw as i16))
    }

    /// The value for any Y (for devices that report an unsigned Y, pass `i32::from(raw)`).
    /// Computed in `f64` from the exact ratio and rounded to `f32`.
    ///
    /// # Errors
    ///
    /// [`DecodeError::InvalidCoefficients`]; [`DecodeError::Overflow`] only for a Y far beyond
    /// 16 bits.
    #[inline]
    pub fn decode_y_f32(&self, y: i32) -> Result<f32, DecodeError> {
        if (-65_536..=65_535).contains(&y) {
            if let Some(converter) = self.converter_f32() {
                return Ok(converter.decode_y(y));
            }
        }
        let Ratio { num, den } = self.ratio(y)?;
        // Both are below 2^60: the conversions round at most once each.
        Ok((num as f64 / den as f64) as f32)
    }

    /// The conversion to `f32` prepared once for many raw values (the divisions and table
    /// lookups done here, a multiply-subtract-multiply per value after), for |R| ≤ 11; `None`
    /// for `m = 0` or a larger |R|, where [`decode_f32`](Self::decode_f32) takes the exact
    /// integer path.
    ///
    /// ```
    /// use smbus_pmbus::format::Coefficients;
    ///
    /// let adm1272_v = Coefficients { m: 4062, b: 0, r: -2 };
    /// let to_volts = adm1272_v.converter_f32().unwrap();
    /// assert_eq!(to_volts.decode(0x076D), adm1272_v.decode_f32(0x076D).unwrap());
    /// ```
    #[inline]
    pub fn converter_f32(&self) -> Option<DirectF32> {
        let r = self.r.unsigned_abs();
        if self.m == 0 || r > 11 {
            return None;
        }
        // Numerator and denominator are integers below 2^53 (|Y|·10^11 < 6.6·10^15, |b|·10^11
        // < 3.3·10^15, |m|·10^11 < 3.3·10^15), so they are exact in f64. Multiplying by the
        // reciprocal is within one f64 ulp of the quotient; rounded to f32 it gave the same
        // result as the division for every raw value of 15 real coefficient sets
        // (`tests/format_exhaustive.rs`, `direct_f32_fast_path_matches_division`).
        let p = F64_POW10.get(usize::from(r)).copied()?;
        let (b, m) = (f64::from(self.b), f64::from(self.m));
        // R < 0: (Y·10^-R − b)/m; R ≥ 0: (Y − b·10^R)/(m·10^R).
        let (scale, offset, den) = if self.r < 0 {
            (p, b, m)
        } else {
            (1.0, b * p, m * p)
        };
        Some(DirectF32 {
            scale,
            offset,
            inverse: 1.0 / den,
        })
    }

    /// The value of a raw register times 10<sup>`decimals`</sup>, exact, rounded to nearest
    /// (ties away from zero), with 64-bit integer arithmetic only.
    ///
    /// # Errors
    ///
    /// [`DecodeError::InvalidCoefficients`], [`DecodeError::TooManyDecimals`] above
    /// [`MAX_DECIMALS`], [`DecodeError::Overflow`] if the result does not fit an `i64`.
    #[inline]
    pub fn decode_scaled(&self, raw: u16, decimals: u32) -> Result<i64, DecodeError> {
        self.decode_y_scaled(i32::from(raw as i16), decimals)
    }

    /// [`decode_scaled`](Self::decode_scaled) for any Y.
    ///
    /// # Errors
    ///
    /// As [`decode_scaled`](Self::decode_scaled).
    #[inline]
    pub fn decode_y_scaled(&self, y: i32, decimals: u32) -> Result<i64, DecodeError> {
        if !self.is_valid() {
            return Err(DecodeError::InvalidCoefficients);
        }
        if decimals > MAX_DECIMALS {
            return Err(DecodeError::TooManyDecimals);
        }
        let Ratio { num, den } = self.ratio(y)?;
        // One division when |num| · 10^decimals fits 64 bits (every register value with
        // R ≥ -6 and up to 9 decimals).
        if let Some(scaled) = pow10(decimals).and_then(|p| num.unsigned_abs().checked_mul(p)) {
            let (q, r) = (scaled / den, scaled % den);
            let q = if r >= den - r {
                q.checked_add(1).ok_or(DecodeError::Overflow)?
            } else {
                q
            };
            return signed(num < 0, q).ok_or(DecodeError::Overflow);
        }
        // Long division of |num| · 10^decimals by den, one decimal digit at a time: the
        // remainder stays below den < 3.3 × 10^17, so 10 · remainder < 3.3 × 10^18 fits.
        let mut q = num.unsigned_abs() / den;
        let mut r = num.unsigned_abs() % den;
        for _ in 0..decimals {
            let r10 = r * 10;
            q = q
                .checked_mul(10)
                .and_then(|q| q.checked_add(r10 / den))
                .ok_or(DecodeError::Overflow)?;
            r = r10 % den;
        }
        // Round half away from zero: r ≥ den - r is 2r ≥ den without overflow.
        if r >= den - r {
            q = q.checked_add(1).ok_or(DecodeError::Overflow)?;
        }
        signed(num < 0, q).ok_or(DecodeError::Overflow)
    }

    /// [`decode_scaled`](Self::decode_scaled) with 3 decimals.
    ///
    /// # Errors
    ///
    /// As [`decode_scaled`](Self::decode_scaled).
    #[inline]
    pub fn decode_milli(&self, raw: u16) -> Result<i64, DecodeError> {
        self.decode_scaled(raw, 3)
    }

    /// [`decode_scaled`](Self::decode_scaled) with 6 decimals.
    ///
    /// # Errors
    ///
    /// As [`decode_scaled`](Self::decode_scaled).
    #[inline]
    pub fn decode_micro(&self, raw: u16) -> Result<i64, DecodeError> {
        self.decode_scaled(raw, 6)
    }

    /// Y = round((m · x + b) · 10<sup>R</sup>) as a raw register value (two's complement,
    /// Y in -32768..=32767), rounded to nearest (ties away from zero).
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`], [`EncodeError::InvalidCoefficients`],
    /// [`EncodeError::OutOfRange`] if Y does not fit 16 bits.
    pub fn encode_f32(&self, x: f32) -> Result<u16, EncodeError> {
        if !x.is_finite() {
            return Err(EncodeError::NotFinite);
        }
        let y = self.y_f64(x)?;
        let y = round_f64(y).ok_or(EncodeError::OutOfRange)?;
        to_raw(y).ok_or(EncodeError::OutOfRange)
    }

    /// As [`encode_f32`](Self::encode_f32), but a Y beyond 16 bits (infinities included)
    /// becomes 7FFFh or 8000h.
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`] for `NaN`, [`EncodeError::InvalidCoefficients`].
    pub fn encode_f32_saturating(&self, x: f32) -> Result<u16, EncodeError> {
        if x.is_nan() {
            return Err(EncodeError::NotFinite);
        }
        let y = self.y_f64(x)?;
        Ok(match round_f64(y) {
            Some(y) => clamp_raw(i128::from(y)),
            None if y < 0.0 => clamp_raw(i128::MIN),
            None => clamp_raw(i128::MAX),
        })
    }

    /// (m · x + b) · 10<sup>R</sup> in `f64`: m · x and + b are exact (24 + 16 bits), the
    /// power of ten is exact, so the result is rounded once.
    fn y_f64(&self, x: f32) -> Result<f64, EncodeError> {
        if !self.is_valid() {
            return Err(EncodeError::InvalidCoefficients);
        }
        let p = pow10(u32::from(self.r.unsigned_abs())).ok_or(EncodeError::InvalidCoefficients)?;
        let p = p as f64; // ≤ 10^13 < 2^53: exact
        let y = f64::from(self.m) * f64::from(x) + f64::from(self.b);
        Ok(if self.r < 0 { y / p } else { y * p })
    }

    /// Y for `value` × 10<sup>-`decimals`</sup>, exact with 128-bit integers, rounded once to
    /// nearest (ties away from zero).
    ///
    /// # Errors
    ///
    /// [`EncodeError::InvalidCoefficients`], [`EncodeError::TooManyDecimals`],
    /// [`EncodeError::OutOfRange`] if Y does not fit 16 bits.
    pub fn encode_scaled(&self, value: i64, decimals: u32) -> Result<u16, EncodeError> {
        to_raw(self.y_scaled(value, decimals)?).ok_or(EncodeError::OutOfRange)
    }

    /// As [`encode_scaled`](Self::encode_scaled), but a Y beyond 16 bits becomes 7FFFh or
    /// 8000h.
    ///
    /// # Errors
    ///
    /// [`EncodeError::InvalidCoefficients`], [`EncodeError::TooManyDecimals`].
    pub fn encode_scaled_saturating(&self, value: i64, decimals: u32) -> Result<u16, EncodeError> {
        Ok(clamp_raw(self.y_scaled(value, decimals)?))
    }

    /// [`encode_scaled`](Self::encode_scaled) with 3 decimals.
    ///
    /// # Errors
    ///
    /// As [`encode_scaled`](Self::encode_scaled).
    pub fn encode_milli(&self, value: i64) -> Result<u16, EncodeError> {
        self.encode_scaled(value, 3)
    }

    /// [`encode_scaled`](Self::encode_scaled) with 6 decimals.
    ///
    /// # Errors
    ///
    /// As [`encode_scaled`](Self::encode_scaled).
    pub fn encode_micro(&self, value: i64) -> Result<u16, EncodeError> {
        self.encode_scaled(value, 6)
    }

    /// Y = round((m · v + b · 10<sup>d</sup>) · 10<sup>R - d</sup>) for X = v · 10<sup>-d</sup>.
    ///
    /// Ranges: |m · v| < 2<sup>15 + 63</sup>, |b · 10<sup>d</sup>| < 2<sup>15</sup> ·
    /// 10<sup>18</sup> < 2<sup>75</sup>, so S = m · v + b · 10<sup>d</sup> < 2<sup>79</sup>; for
    /// R ≥ d the product S · 10<sup>R - d</sup> < 2<sup>79</sup> · 10<sup>13</sup> <
    /// 2<sup>123</sup>; for R < d the divisor 10<sup>d - R</sup> ≤ 10<sup>31</sup> <
    /// 2<sup>104</sup>. All within an `i128`.
    fn y_scaled(&self, value: i64, decimals: u32) -> Result<i128, EncodeError> {
        if !self.is_valid() {
            return Err(EncodeError::InvalidCoefficients);
        }
        let p_d = pow10(decimals).ok_or(EncodeError::TooManyDecimals)?;
        let s = i128::from(self.m) * i128::from(value) + i128::from(self.b) * i128::from(p_d);
        let k = i32::from(self.r)
            - i32::try_from(decimals).map_err(|_| EncodeError::TooManyDecimals)?;
        let p = 10i128
            .checked_pow(k.unsigned_abs())
            .ok_or(EncodeError::InvalidCoefficients)?;
        if k >= 0 {
            s.checked_mul(p).ok_or(EncodeError::OutOfRange)
        } else {
            let (q, r) = (s / p, s % p);
            // |r| < p ≤ 10^31: 2|r| fits.
            Ok(if 2 * r.abs() >= p { q + s.signum() } else { q })
        }
    }
}

impl Coefficients {
    /// The value for the mean Y = `sum` / `count` (an energy accumulator over its sample
    /// count), in `f64` and rounded to `f32`. `count` must not be 0.
    pub(crate) fn decode_mean_f32(&self, sum: u64, count: u32) -> Result<f32, DecodeError> {
        if !self.is_valid() {
            return Err(DecodeError::InvalidCoefficients);
        }
        let p = pow10(u32::from(self.r.unsigned_abs())).ok_or(DecodeError::InvalidCoefficients)?;
        let p = p as f64; // ≤ 10^13: exact
        let y = sum as f64 / f64::from(count);
        let y = if self.r < 0 { y * p } else { y / p };
        Ok(((y - f64::from(self.b)) / f64::from(self.m)) as f32)
    }

    /// The value for the mean Y = `sum` / `count` times 10<sup>`decimals`</sup>, exact, rounded
    /// to nearest (ties away from zero). `count` must not be 0.
    ///
    /// X = (sum · 10<sup>-R</sup> - b · count) / (m · count) for R < 0 and
    /// (sum - b · count · 10<sup>R</sup>) / (m · count · 10<sup>R</sup>) for R ≥ 0. With
    /// sum < 2<sup>64</sup>, count < 2<sup>32</sup> and |R| ≤ 13 the numerator stays below
    /// 2<sup>108</sup> and the denominator below 2<sup>92</sup>, so the digit-by-digit division
    /// (remainder · 10 < 2<sup>96</sup>) runs in 128-bit integers.
    pub(crate) fn decode_mean_scaled(
        &self,
        sum: u64,
        count: u32,
        decimals: u32,
    ) -> Result<i64, DecodeError> {
        if !self.is_valid() {
            return Err(DecodeError::InvalidCoefficients);
        }
        if decimals > MAX_DECIMALS {
            return Err(DecodeError::TooManyDecimals);
        }
        let p = pow10(u32::from(self.r.unsigned_abs())).ok_or(DecodeError::InvalidCoefficients)?;
        let (sum, count, p) = (i128::from(sum), i128::from(count), i128::from(p));
        let (b, m) = (i128::from(self.b), i128::from(self.m));
        let (num, den) = if self.r < 0 {
            (sum * p - b * count, m * count)
        } else {
            (sum - b * count * p, m * count * p)
        };
        if den == 0 {
            return Err(DecodeError::Overflow);
        }
        let negative = (num < 0) != (den < 0);
        let (num, den) = (num.unsigned_abs(), den.unsigned_abs());
        let mut q = num / den;
        let mut r = num % den;
        for _ in 0..decimals {
            let r10 = r * 10;
            q = q
                .checked_mul(10)
                .and_then(|q| q.checked_add(r10 / den))
                .ok_or(DecodeError::Overflow)?;
            r = r10 % den;
        }
        if r >= den - r {
            q = q.checked_add(1).ok_or(DecodeError::Overflow)?;
        }
        let q = u64::try_from(q).map_err(|_| DecodeError::Overflow)?;
        signed(negative, q).ok_or(DecodeError::Overflow)
    }
}

/// Y as a two's complement register value, `None` outside -32768..=32767.
fn to_raw<T: TryInto<i16>>(y: T) -> Option<u16> {
    // The cast keeps the two's complement bits.
    y.try_into().ok().map(|y: i16| y as u16)
}

/// Y clamped to -32768..=32767, as a register value.
fn clamp_raw(y: i128) -> u16 {
    let y = y.clamp(i128::from(i16::MIN), i128::from(i16::MAX));
    to_raw(y).unwrap_or(0)
}
