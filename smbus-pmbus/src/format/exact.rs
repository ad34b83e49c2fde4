//! Integer-only helpers shared by the binary formats: exact scaling of `mantissa · 2^exp` to a
//! decimal fixed-point `i64`, and an exact fixed-point view of an input value from which every
//! encoder rounds once.

use super::{EncodeError, MAX_DECIMALS};

/// 5<sup>n</sup> for n = 0..=18 (5<sup>18</sup> ≈ 3.8 × 10<sup>12</sup> < 2<sup>42</sup>).
const POW5: [u64; 19] = [
    1,
    5,
    25,
    125,
    625,
    3_125,
    15_625,
    78_125,
    390_625,
    1_953_125,
    9_765_625,
    48_828_125,
    244_140_625,
    1_220_703_125,
    6_103_515_625,
    30_517_578_125,
    152_587_890_625,
    762_939_453_125,
    3_814_697_265_625,
];

/// 10<sup>n</sup> for n = 0..=18 (10<sup>18</sup> < 2<sup>60</sup>).
pub(crate) const POW10: [u64; 19] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
];

/// 10<sup>n</sup> for n = 0..=[`MAX_DECIMALS`], `None` above.
pub(crate) fn pow10(n: u32) -> Option<u64> {
    POW10.get(usize::try_from(n).ok()?).copied()
}

/// Applies a sign to a magnitude, `None` if the result does not fit an `i64`.
pub(crate) fn signed(negative: bool, magnitude: u64) -> Option<i64> {
    if negative {
        // -2^63 is the one negative value whose magnitude is not an i64.
        if magnitude == 1 << 63 {
            Some(i64::MIN)
        } else {
            i64::try_from(magnitude).ok().map(|m| -m)
        }
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// `±magnitude · 2^exp2 · 10^decimals` rounded to nearest, ties away from zero.
///
/// Exact for every `magnitude ≤ 2^16` and `exp2` in the `i8` range: with decimals ≤ 18,
/// `magnitude · 5^decimals < 2^16 · 2^42 = 2^58` fits a `u64`, and the remaining factor is a
/// power of two, applied with a checked shift or a single rounding shift. `None` when the result
/// does not fit an `i64` or `decimals` is above [`MAX_DECIMALS`].
pub(crate) fn scale_pow2(negative: bool, magnitude: u64, exp2: i32, decimals: u32) -> Option<i64> {
    let p5 = *POW5.get(usize::try_from(decimals).ok()?)?;
    if magnitude == 0 {
        return Some(0);
    }
    let p = magnitude.checked_mul(p5)?;
    // 10^d = 5^d · 2^d: the power of two left to apply is 2^(exp2 + d).
    let e = exp2.checked_add(i32::try_from(decimals).ok()?)?;
    let m = if e >= 0 {
        let e = u32::try_from(e).ok()?;
        if e >= 64 {
            return None; // p ≥ 1, so p · 2^e ≥ 2^64
        }
        let m = p << e;
        if m >> e != p {
            return None;
        }
        m
    } else {
        let s = e.unsigned_abs();
        if s > 64 {
            0 // p < 2^64 ≤ 2^(s-1): below one half
        } else {
            // floor(p / 2^(s-1)), then halve rounding up: round half away on the magnitude.
            let h = p >> (s - 1);
            (h >> 1) + (h & 1)
        }
    };
    signed(negative, m)
}

/// `±magnitude · 10^exp10 · 10^decimals` rounded to nearest, ties away from zero; `None` if it
/// does not fit an `i64` or `decimals` is above [`MAX_DECIMALS`].
pub(crate) fn scale_pow10(
    negative: bool,
    magnitude: u64,
    exp10: i32,
    decimals: u32,
) -> Option<i64> {
    if decimals > MAX_DECIMALS {
        return None;
    }
    if magnitude == 0 {
        return Some(0);
    }
    let e = exp10.checked_add(i32::try_from(decimals).ok()?)?;
    let m = if e >= 0 {
        magnitude.checked_mul(10u64.checked_pow(e.unsigned_abs())?)?
    } else {
        match 10u64.checked_pow(e.unsigned_abs()) {
            Some(p) => {
                let (q, r) = (magnitude / p, magnitude % p);
                // r < p, so p - r does not underflow; r ≥ p - r is 2r ≥ p without overflow.
                if r >= p - r { q.checked_add(1)? } else { q }
            }
            // 10^-e ≥ 10^20 > 2^65 > 2 · magnitude: below one half.
            None => 0,
        }
    };
    signed(negative, m)
}

/// Number of fraction bits of [`Exact`]: 24, enough for the smallest IEEE half subnormal
/// (2<sup>-24</sup>) and the smallest LINEAR11/ULINEAR16 step (2<sup>-16</sup>).
pub(crate) const FRAC_BITS: u32 = 24;

/// Largest integer part [`Exact`] holds: |x| < 2<sup>39</sup>, so that `t` < 2<sup>63</sup>.
/// Every format's largest value is far below (LINEAR11 < 2<sup>25</sup>, ULINEAR16 <
/// 2<sup>31</sup>, IEEE half < 2<sup>16</sup>).
const INT_BITS: u32 = 63 - FRAC_BITS;

/// An input value `x` as `|x| · 2^24 = t + f` with integer `t < 2^63` and a fraction `0 ≤ f < 1`
/// kept as a guard bit (`f ≥ 1/2`) and a sticky bit (any other bit of `f` set). Rounding
/// `|x| · 2^(24 - s)` to an integer from this is exact for every `s`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Exact {
    /// Sign of `x` (set for `-0.0` too).
    pub negative: bool,
    /// `floor(|x| · 2^24)`.
    pub t: u64,
    /// The fraction `f` is at least one half.
    pub guard: bool,
    /// The fraction `f` has a bit set below the half bit.
    pub sticky: bool,
}

impl Exact {
    /// `x` is zero (either sign).
    pub fn is_zero(&self) -> bool {
        self.t == 0 && !self.guard && !self.sticky
    }

    /// `x < 0` (a negative zero is not negative).
    pub fn is_negative_nonzero(&self) -> bool {
        self.negative && !self.is_zero()
    }

    /// Exact view of a finite `f32`.
    ///
    /// # Errors
    ///
    /// `NotFinite` for `NaN`/infinities, `OutOfRange` for |x| ≥ 2<sup>39</sup>.
    pub fn from_f32(x: f32) -> Result<Self, EncodeError> {
        let bits = x.to_bits();
        let negative = bits >> 31 != 0;
        let biased = (bits >> 23) & 0xFF;
        let fraction = u64::from(bits & 0x007F_FFFF);
        if biased == 0xFF {
            return Err(EncodeError::NotFinite);
        }
        // IEEE 754 binary32: x = ±m · 2^e with an integer significand m < 2^24.
        let (m, e) = if biased == 0 {
            (fraction, -149i32)
        } else {
            (fraction | 1 << 23, i32::try_from(biased).unwrap_or(0) - 150)
        };
        if m == 0 {
            return Ok(Self {
                negative,
                t: 0,
                guard: false,
                sticky: false,
            });
        }
        // |x| · 2^24 = m · 2^(e + 24); e + 24 is in -125..=128.
        let shift = e + 24;
        if shift >= 0 {
            let shift = shift.unsigned_abs();
            let len = 64 - m.leading_zeros();
            if len + shift > 63 {
                return Err(EncodeError::OutOfRange);
            }
            Ok(Self {
                negative,
                t: m << shift,
                guard: false,
                sticky: false,
            })
        } else {
            let n = shift.unsigned_abs(); // 1..=125
            let t = m.checked_shr(n).unwrap_or(0);
            let guard = m.checked_shr(n - 1).unwrap_or(0) & 1 == 1;
            let below = 1u64.checked_shl(n - 1).map_or(u64::MAX, |b| b - 1);
            Ok(Self {
                negative,
                t,
                guard,
                sticky: m & below != 0,
            })
        }
    }

    /// Exact view of `value · 10^-decimals`.
    ///
    /// # Errors
    ///
    /// `TooManyDecimals` above [`MAX_DECIMALS`], `OutOfRange` for |x| ≥ 2<sup>39</sup>.
    pub fn from_scaled(value: i64, decimals: u32) -> Result<Self, EncodeError> {
        let p = pow10(decimals).ok_or(EncodeError::TooManyDecimals)?;
        let magnitude = value.unsigned_abs();
        let q = magnitude / p;
        let mut r = magnitude % p;
        if q >> INT_BITS != 0 {
            return Err(EncodeError::OutOfRange);
        }
        // Long division for the 24 fraction bits; r < p ≤ 10^18 < 2^60, so 2r never overflows.
        let mut t = q << FRAC_BITS;
        for bit in (0..FRAC_BITS).rev() {
            r <<= 1;
            if r >= p {
                r -= p;
                t |= 1 << bit;
            }
        }
        r <<= 1;
        let guard = r >= p;
        if guard {
            r -= p;
        }
        Ok(Self {
            negative: value < 0,
            t,
            guard,
            sticky: r != 0,
        })
    }

    /// `|x| · 2^(24 - s)` rounded to nearest, ties away from zero.
    pub fn round_away(&self, s: u32) -> u64 {
        if s == 0 {
            return self.t + u64::from(self.guard);
        }
        if s >= 64 {
            return 0; // t + f < 2^63 ≤ 2^(s-1)
        }
        // rem + f ≥ 2^(s-1) exactly when rem ≥ 2^(s-1), as rem and 2^(s-1) are integers.
        let h = self.t >> (s - 1);
        (h >> 1) + (h & 1)
    }

    /// `|x| · 2^(24 - s)` rounded to nearest, ties to even (IEEE 754 default rounding).
    pub fn round_even(&self, s: u32) -> u64 {
        if s == 0 {
            let up = self.guard && (self.sticky || self.t & 1 == 1);
            return self.t + u64::from(up);
        }
        if s >= 64 {
            return 0;
        }
        let q = self.t >> s;
        let rem = self.t & ((1 << s) - 1);
        let half = 1 << (s - 1);
        let up = rem > half || (rem == half && (self.guard || self.sticky || q & 1 == 1));
        q + u64::from(up)
    }

    /// Bit length of `t` (0 for `t = 0`).
    pub fn bit_len(&self) -> u32 {
        64 - self.t.leading_zeros()
    }
}

/// 2<sup>e</sup> as an `f32` for every e in the `i8` range and beyond: normal, subnormal,
/// zero below 2<sup>-149</sup>, infinity above 2<sup>127</sup>.
pub(crate) fn pow2_f32(e: i32) -> f32 {
    if e > 127 {
        f32::INFINITY
    } else if e >= -126 {
        f32::from_bits((e + 127).unsigned_abs() << 23)
    } else if e >= -149 {
        f32::from_bits(1 << (e + 149).unsigned_abs())
    } else {
        0.0
    }
}

/// Rounds a finite `f64` to the nearest integer, ties away from zero, if it lies within
/// `-2^52..2^52`; `None` otherwise (`core` has no `f64::round` without `std`).
pub(crate) fn round_f64(y: f64) -> Option<i64> {
    const LIMIT: f64 = 4_503_599_627_370_496.0; // 2^52
    if !(y > -LIMIT && y < LIMIT) {
        return None;
    }
    // The cast truncates toward zero; y - i is exact below 2^52.
    let i = y as i64;
    let frac = y - i as f64;
    Some(if frac >= 0.5 {
        i + 1
    } else if frac <= -0.5 {
        i - 1
    } else {
        i
    })
}
