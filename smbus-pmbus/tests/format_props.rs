//! Property tests for the PMBus data format encoders: every result is checked against an
//! independent exact computation (integers in `i128`), plus the edge cases every encoder must
//! handle: `0.0`, negative values in unsigned formats, `NaN`/infinities, values too large,
//! and the saturating variants.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use smbus_pmbus::format::{
    Coefficients, DecodeError, EncodeError, Format, IeeeHalf, Linear11, ULinear16, VidMode,
};

/// round(num / den), ties away from zero, den > 0.
fn round_div(num: i128, den: i128) -> i128 {
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

/// round(m · 2^e), ties away from zero.
fn round_pow2(m: i128, e: i32) -> i128 {
    if e >= 0 {
        m << e
    } else {
        round_div(m, 1i128 << (-e))
    }
}

/// An `f32` as an exact m · 2^e.
fn f32_parts(x: f32) -> (i128, i32) {
    let bits = x.to_bits();
    let sign = if bits >> 31 == 1 { -1 } else { 1 };
    let biased = ((bits >> 23) & 0xFF) as i32;
    let fraction = i128::from(bits & 0x7F_FFFF);
    if biased == 0 {
        (sign * fraction, -149)
    } else {
        (sign * (fraction | 1 << 23), biased - 150)
    }
}

/// An exactly representable `f32` m · 2^e with |m| < 2^24 and e in a range where the
/// formats are interesting.
fn f32_in(exponents: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = f32> {
    (-(1i32 << 24) + 1..(1 << 24), exponents).prop_map(|(m, e)| m as f32 * 2f32.powi(e))
}

/// The LINEAR11 mantissa for x = m · 2^e at exponent n, rounded half away.
fn linear_mantissa(m: i128, e: i32, n: i32) -> i128 {
    round_pow2(m, e - n)
}

/// Checks that `enc` is the most precise LINEAR11 encoding of m · 2^e, or that none exists.
fn check_linear11(m: i128, e: i32, enc: Result<Linear11, EncodeError>) {
    let fits = |y: i128| (-1024..=1023).contains(&y);
    let best = (-16..=15).find(|&n| fits(linear_mantissa(m, e, n)));
    match (best, enc) {
        (Some(n), Ok(enc)) => {
            let y = linear_mantissa(m, e, n);
            if y == 0 {
                assert_eq!(enc.raw(), 0);
            } else {
                assert_eq!(
                    (i128::from(enc.mantissa()), i32::from(enc.exponent())),
                    (y, n)
                );
            }
        }
        (None, Err(err)) => assert_eq!(err, EncodeError::OutOfRange),
        (best, enc) => panic!("{m}·2^{e}: expected exponent {best:?}, got {enc:?}"),
    }
}

/// Checks ULINEAR16 with exponent n against round(m · 2^(e - n)).
fn check_ulinear16(m: i128, e: i32, n: i8, enc: Result<ULinear16, EncodeError>) {
    let v = round_pow2(m, e - i32::from(n));
    let expected = if m < 0 {
        Err(EncodeError::Negative)
    } else {
        u16::try_from(v)
            .map(|raw| ULinear16::new(raw, n))
            .map_err(|_| EncodeError::OutOfRange)
    };
    assert_eq!(enc, expected, "{m}·2^{e} n={n}");
}

/// x · 10^-d as m · 2^e is not generally exact; scaled inputs are checked as v / 10^d.
fn linear_mantissa_scaled(v: i128, d: u32, n: i32) -> i128 {
    let p = 10i128.pow(d);
    if n <= 0 {
        round_div(v << (-n), p)
    } else {
        round_div(v, p << n)
    }
}

/// The nearest binary16 (ties to even) to the positive value num / den, as a raw pattern, by
/// binary search over the ordered positive patterns and exact comparison; `None` beyond 65504.
fn half_nearest(num: i128, den: i128) -> Option<u16> {
    // Value of pattern h in units of 2^-24.
    let units = |h: u16| -> i128 {
        let exponent = i128::from((h >> 10) & 0x1F);
        let fraction = i128::from(h & 0x3FF);
        if exponent == 0 {
            fraction
        } else {
            (fraction + 1024) << (exponent - 1)
        }
    };
    // x · 2^24 = num · 2^24 / den; compare x with a value u · 2^-24 as num · 2^24 vs u · den.
    let x24 = num << 24;
    // Largest pattern with value ≤ x.
    let (mut lo, mut hi) = (0u16, 0x7C00u16); // 7C00h stands for "beyond 65504"
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if units(mid) * den <= x24 {
            lo = mid
        } else {
            hi = mid
        }
    }
    if units(lo) * den == x24 {
        return Some(lo);
    }
    // Between lo and lo + 1 (lo + 1 = 7C00h means the next binade's first value, 65536).
    let upper = if lo + 1 == 0x7C00 {
        65536i128 << 24
    } else {
        units(lo + 1)
    };
    let twice = 2 * x24;
    let mid = (units(lo) + upper) * den;
    let pick = if twice < mid || (twice == mid && lo % 2 == 0) {
        lo
    } else {
        lo + 1
    };
    (pick < 0x7C00).then_some(pick)
}

fn valid_coefficients() -> impl Strategy<Value = Coefficients> {
    (
        any::<i16>().prop_filter("m != 0", |m| *m != 0),
        any::<i16>(),
        -6i8..=6,
    )
        .prop_map(|(m, b, r)| Coefficients { m, b, r })
}

/// Y for X = v · 10^-d: round((m · v + b · 10^d) · 10^(R - d)), ties away from zero.
fn direct_y(c: Coefficients, v: i128, d: u32) -> i128 {
    let s = i128::from(c.m) * v + i128::from(c.b) * 10i128.pow(d);
    let k = i32::from(c.r) - i32::try_from(d).unwrap();
    if k >= 0 {
        s * 10i128.pow(k.unsigned_abs())
    } else {
        round_div(s, 10i128.pow(k.unsigned_abs()))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    // ---------------------------------------------------------------------------------
    // LINEAR11
    // ---------------------------------------------------------------------------------

    #[test]
    fn linear11_from_f32_is_nearest_and_most_precise(x in f32_in(-60..=10)) {
        let (m, e) = f32_parts(x);
        check_linear11(m, e, Linear11::from_f32(x));
    }

    #[test]
    fn linear11_from_any_f32(bits in any::<u32>()) {
        let x = f32::from_bits(bits);
        let enc = Linear11::from_f32(x);
        if !x.is_finite() {
            prop_assert_eq!(enc, Err(EncodeError::NotFinite));
        } else if x.abs() >= 1e10 || x.abs() < 1e-10 {
            // Far outside / far below the range: error / zero.
            if x.abs() >= 1e10 {
                prop_assert_eq!(enc, Err(EncodeError::OutOfRange));
            } else {
                prop_assert_eq!(enc, Ok(Linear11::from_raw(0)));
            }
        } else {
            let (m, e) = f32_parts(x);
            check_linear11(m, e, enc);
        }
    }

    #[test]
    fn linear11_from_scaled_is_exact(v in any::<i64>(), d in 0u32..=18) {
        let enc = Linear11::from_scaled(v, d);
        let v = i128::from(v);
        let fits = |y: i128| (-1024..=1023).contains(&y);
        let best = (-16..=15).find(|&n| fits(linear_mantissa_scaled(v, d, n)));
        match (best, enc) {
            (Some(n), Ok(enc)) => {
                let y = linear_mantissa_scaled(v, d, n);
                if y == 0 {
                    prop_assert_eq!(enc.raw(), 0);
                } else {
                    prop_assert_eq!((i128::from(enc.mantissa()), i32::from(enc.exponent())), (y, n));
                }
            }
            (None, Err(err)) => prop_assert_eq!(err, EncodeError::OutOfRange),
            (best, enc) => panic!("{v}e-{d}: expected {best:?}, got {enc:?}"),
        }
    }

    #[test]
    fn linear11_round_trips(raw in any::<u16>()) {
        let x = Linear11::from_raw(raw);
        let back = Linear11::from_f32(x.to_f32()).unwrap();
        prop_assert_eq!(back.to_f32(), x.to_f32());
        prop_assert_eq!(Linear11::from_scaled(x.to_scaled(9), 9), Ok(back));
        prop_assert_eq!(Linear11::from_micro(x.to_micro()), Ok(back));
        // Milli-units lose precision below 2^-10, but stay within half a milli-unit plus
        // half a LINEAR11 step of the original.
        let from_milli = Linear11::from_milli(x.to_milli()).unwrap();
        let err = (f64::from(from_milli.to_f32()) - f64::from(x.to_f32())).abs();
        prop_assert!(err <= 0.0005 + 2f64.powi(i32::from(from_milli.exponent()) - 1));
    }

    #[test]
    fn linear11_saturating(x in any::<f32>(), v in any::<i64>(), d in 0u32..=18) {
        let sat = Linear11::from_f32_saturating(x);
        if x.is_nan() {
            prop_assert_eq!(sat, Err(EncodeError::NotFinite));
        } else {
            match Linear11::from_f32(x) {
                Ok(enc) => prop_assert_eq!(sat, Ok(enc)),
                Err(_) => prop_assert_eq!(sat, Ok(if x < 0.0 { Linear11::MIN } else { Linear11::MAX })),
            }
        }
        let sat = Linear11::from_scaled_saturating(v, d).unwrap();
        match Linear11::from_scaled(v, d) {
            Ok(enc) => prop_assert_eq!(sat, enc),
            Err(_) => prop_assert_eq!(sat, if v < 0 { Linear11::MIN } else { Linear11::MAX }),
        }
    }

    // ---------------------------------------------------------------------------------
    // ULINEAR16
    // ---------------------------------------------------------------------------------

    #[test]
    fn ulinear16_from_f32_is_nearest(x in f32_in(-50..=20), n in -16i8..=15) {
        let (m, e) = f32_parts(x);
        check_ulinear16(m, e, n, ULinear16::from_f32(x, n));
    }

    #[test]
    fn ulinear16_from_scaled_is_exact(v in any::<i64>(), d in 0u32..=18, n in -16i8..=15) {
        let enc = ULinear16::from_scaled(v, d, n);
        let y = linear_mantissa_scaled(i128::from(v), d, i32::from(n));
        let expected = if v < 0 {
            Err(EncodeError::Negative)
        } else {
            u16::try_from(y).map(|raw| ULinear16::new(raw, n)).map_err(|_| EncodeError::OutOfRange)
        };
        prop_assert_eq!(enc, expected);
        let sat = ULinear16::from_scaled_saturating(v, d, n).unwrap();
        let clamped = if v < 0 { 0 } else { u16::try_from(y).unwrap_or(u16::MAX) };
        prop_assert_eq!(sat, ULinear16::new(clamped, n));
    }

    #[test]
    fn ulinear16_round_trips(raw in any::<u16>(), n in -16i8..=15) {
        let v = ULinear16::new(raw, n);
        prop_assert_eq!(ULinear16::from_f32(v.to_f32(), n), Ok(v));
        prop_assert_eq!(ULinear16::from_micro(v.to_micro(), n), Ok(v));
        prop_assert_eq!(ULinear16::from_scaled(v.to_scaled(9), 9, n), Ok(v));
        prop_assert_eq!(Format::ULinear16 { exponent: n }.encode_f32(v.to_f32()), Ok(raw));
    }

    #[test]
    fn ulinear16_any_exponent_decodes(raw in any::<u16>(), n in any::<i8>(), d in 0u32..=20) {
        // Exponents VOUT_MODE cannot hold still decode without panicking, exactly where the
        // result fits an i64; the encoders refuse them.
        let v = ULinear16::new(raw, n);
        let expected = if d > 18 {
            None
        } else {
            let p = 10i128.pow(d);
            let e = i32::from(n);
            let exact = if e >= 64 {
                (raw == 0).then_some(0)
            } else if e >= 0 {
                (i128::from(raw) * p).checked_mul(1i128 << e)
            } else if -e < 100 {
                Some(round_div(i128::from(raw) * p, 1i128 << (-e)))
            } else {
                Some(0) // raw · 10^18 < 2^76 < 2^98: rounds to zero
            };
            exact.and_then(|x| i64::try_from(x).ok())
        };
        prop_assert_eq!(v.checked_to_scaled(d), expected);
        prop_assert_eq!(v.to_scaled(d), expected.unwrap_or(if raw == 0 { 0 } else { i64::MAX }));
        let f = v.to_f32();
        prop_assert!(f >= 0.0);
        if !(-16..=15).contains(&n) {
            prop_assert_eq!(ULinear16::from_f32(1.0, n), Err(EncodeError::InvalidExponent));
            prop_assert_eq!(ULinear16::from_milli(1, n), Err(EncodeError::InvalidExponent));
        }
    }

    // ---------------------------------------------------------------------------------
    // DIRECT
    // ---------------------------------------------------------------------------------

    #[test]
    fn direct_encode_scaled_is_exact(c in valid_coefficients(), v in -10_000_000_000i64..10_000_000_000, d in 0u32..=9) {
        let y = direct_y(c, i128::from(v), d);
        let expected = i16::try_from(y).map(|y| y as u16).map_err(|_| EncodeError::OutOfRange);
        prop_assert_eq!(c.encode_scaled(v, d), expected);
        let clamped = y.clamp(i128::from(i16::MIN), i128::from(i16::MAX));
        prop_assert_eq!(c.encode_scaled_saturating(v, d), Ok(clamped as i16 as u16));
    }

    #[test]
    fn direct_encode_then_decode(c in valid_coefficients(), raw in any::<u16>()) {
        // decode is exact, encode of the exact decoded value at nano resolution comes back
        // within one step (exactly, when a nano-unit is finer than half a step).
        // Y changes by |m · 10^R| per unit of X; half a nano-unit of decoding error moves it by
        // less than half a step when that is below 10^9, so the exact round trip holds there.
        let per_unit = f64::from(c.m).abs() * 10f64.powi(i32::from(c.r));
        if let (Ok(nano), true) = (c.decode_scaled(raw, 9), per_unit < 1e9) {
            prop_assert_eq!(c.encode_scaled(nano, 9), Ok(raw));
        }
        let f = c.decode_f32(raw).unwrap();
        if f.is_finite() {
            let y = f64::from(c.m) * f64::from(f) + f64::from(c.b);
            let y = y * 10f64.powi(i32::from(c.r));
            if y.abs() < 32767.0 {
                let back = c.encode_f32(f).unwrap();
                // The f32 rounding of X moves Y by at most |m · 10^R| · ulp(X).
                let slack = f64::from(c.m).abs() * 10f64.powi(i32::from(c.r)) * f64::from(f).abs() * 1.2e-7;
                prop_assert!((f64::from(back as i16) - f64::from(raw as i16)).abs() <= 1.0 + slack);
            }
        }
    }

    #[test]
    fn direct_never_panics(m in any::<i16>(), b in any::<i16>(), r in any::<i8>(), raw in any::<u16>(), y in any::<i32>(), x in any::<f32>(), v in any::<i64>(), d in 0u32..=20) {
        let c = Coefficients { m, b, r };
        let valid = c.is_valid();
        let decoded = c.decode_scaled(raw, d);
        if !valid {
            prop_assert_eq!(decoded, Err(DecodeError::InvalidCoefficients));
        } else if d > 18 {
            prop_assert_eq!(decoded, Err(DecodeError::TooManyDecimals));
        }
        let _ = c.decode_y_scaled(y, d);
        let _ = c.decode_y_f32(y);
        let _ = c.decode_f32(raw);
        let _ = c.encode_f32(x);
        let _ = c.encode_f32_saturating(x);
        let encoded = c.encode_scaled(v, d);
        if !valid {
            prop_assert_eq!(encoded, Err(EncodeError::InvalidCoefficients));
        }
        let _ = c.encode_scaled_saturating(v, d);
        let _ = Format::Direct(c).decode_micro(raw);
    }

    #[test]
    fn direct_decode_y_matches_exact(c in valid_coefficients(), y in -100_000i32..100_000, d in 0u32..=9) {
        let (m, b, r) = (i128::from(c.m), i128::from(c.b), i32::from(c.r));
        let k = i32::try_from(d).unwrap() - r;
        let (num, den) = if k >= 0 {
            (i128::from(y) * 10i128.pow(k.unsigned_abs()) - b * 10i128.pow(d), m)
        } else {
            (i128::from(y) - b * 10i128.pow(d + k.unsigned_abs()), m * 10i128.pow(k.unsigned_abs()))
        };
        let exact = if den < 0 { round_div(-num, -den) } else { round_div(num, den) };
        let expected = i64::try_from(exact).map_err(|_| DecodeError::Overflow);
        prop_assert_eq!(c.decode_y_scaled(y, d), expected);
    }

    // ---------------------------------------------------------------------------------
    // IEEE half
    // ---------------------------------------------------------------------------------

    #[test]
    fn ieee_half_from_f32_is_nearest_even(bits in any::<u32>()) {
        let x = f32::from_bits(bits);
        let enc = IeeeHalf::from_f32(x);
        if !x.is_finite() {
            prop_assert_eq!(enc, Err(EncodeError::NotFinite));
            return Ok(());
        }
        let (m, e) = f32_parts(x.abs());
        let sign = if x.is_sign_negative() { 0x8000 } else { 0 };
        let expected = if x.abs() >= 131_072.0 {
            None // beyond 65520, the first value that rounds past 65504
        } else if e < -80 {
            Some(0) // below 2^-57: far below half the smallest subnormal (2^-25)
        } else if e >= 0 {
            half_nearest(m << e, 1)
        } else {
            half_nearest(m, 1i128 << (-e))
        };
        match expected {
            Some(h) => prop_assert_eq!(enc, Ok(IeeeHalf::from_raw(h | sign))),
            None => prop_assert_eq!(enc, Err(EncodeError::OutOfRange)),
        }
        // Saturating variant: same, or the limit of the sign.
        let sat = IeeeHalf::from_f32_saturating(x).unwrap();
        match enc {
            Ok(h) => prop_assert_eq!(sat, h),
            Err(_) => prop_assert_eq!(sat, if x < 0.0 { IeeeHalf::MIN } else { IeeeHalf::MAX }),
        }
    }

    #[test]
    fn ieee_half_from_f32_near_range(x in f32_in(-40..=-8)) {
        let (m, e) = f32_parts(x.abs());
        let expected = half_nearest(m, 1i128 << (-e));
        let sign = if x < 0.0 { 0x8000 } else { 0 };
        let enc = IeeeHalf::from_f32(x);
        match expected {
            Some(h) => prop_assert_eq!(enc, Ok(IeeeHalf::from_raw(h | sign))),
            None => prop_assert_eq!(enc, Err(EncodeError::OutOfRange)),
        }
    }

    #[test]
    fn ieee_half_from_scaled_is_nearest_even(v in any::<i64>(), d in 0u32..=18) {
        let enc = IeeeHalf::from_scaled(v, d);
        let expected = half_nearest(i128::from(v).abs(), 10i128.pow(d));
        let sign = if v < 0 { 0x8000 } else { 0 };
        match expected {
            Some(h) => prop_assert_eq!(enc, Ok(IeeeHalf::from_raw(h | sign))),
            None => prop_assert_eq!(enc, Err(EncodeError::OutOfRange)),
        }
    }

    #[test]
    fn ieee_half_small_scaled(v in -70_000_000i64..70_000_000, d in 0u32..=9) {
        let enc = IeeeHalf::from_scaled(v, d);
        let expected = half_nearest(i128::from(v).abs(), 10i128.pow(d));
        let sign = if v < 0 { 0x8000 } else { 0 };
        match expected {
            Some(h) => prop_assert_eq!(enc, Ok(IeeeHalf::from_raw(h | sign))),
            None => prop_assert_eq!(enc, Err(EncodeError::OutOfRange)),
        }
    }

    // ---------------------------------------------------------------------------------
    // VID
    // ---------------------------------------------------------------------------------

    #[test]
    fn vid_from_microvolts_is_nearest(uv in 0u32..4_000_000, mode_index in 0usize..6) {
        let mode = VID_MODES[mode_index];
        let table: Vec<(u8, u32)> = (0..=u8::MAX)
            .filter_map(|c| mode.to_microvolts(c).map(|v| (c, v)))
            .collect();
        let half = table[0].1.abs_diff(table[1].1) / 2;
        let near: Vec<(u8, u32)> = table.iter().copied().filter(|&(_, v)| v.abs_diff(uv) <= half).collect();
        let expected = if uv == 0 && mode != VidMode::Amd625mV {
            Ok(0)
        } else if let Some(&(c, _)) = near.iter().find(|&&(_, v)| v.abs_diff(uv) < half) {
            Ok(c)
        } else if let Some(&(c, _)) = near.iter().find(|&&(_, v)| v > uv) {
            Ok(c) // a tie goes to the higher voltage
        } else {
            Err(EncodeError::OutOfRange)
        };
        prop_assert_eq!(mode.from_microvolts(uv), expected);
        prop_assert_eq!(mode.from_scaled(i64::from(uv) * 1000, 9), expected);
        if uv % 1000 == 0 {
            prop_assert_eq!(mode.from_scaled(i64::from(uv / 1000), 3), expected);
        }
    }
}

const VID_MODES: [VidMode; 6] = [
    VidMode::Vr11,
    VidMode::Vr12,
    VidMode::Vr13_5mV,
    VidMode::Vr13_10mV,
    VidMode::Imvp9,
    VidMode::Amd625mV,
];

/// One format of each kind (and every ULINEAR16 exponent), for the generic checks.
fn all_formats() -> Vec<Format> {
    let mut formats = vec![Format::Linear11, Format::IeeeHalf];
    formats.extend((-16..=15).map(|exponent| Format::ULinear16 { exponent }));
    formats.extend(VID_MODES.iter().map(|&m| Format::Vid(m)));
    formats.extend(
        [
            Coefficients {
                m: 4062,
                b: 0,
                r: -2,
            },
            Coefficients {
                m: 663,
                b: 20480,
                r: -1,
            },
            Coefficients {
                m: 10535,
                b: 0,
                r: -3,
            },
            Coefficients {
                m: -2500,
                b: 1500,
                r: -1,
            },
        ]
        .map(Format::Direct),
    );
    formats
}

#[test]
fn zero_encodes_in_every_format() {
    for format in all_formats() {
        let zero_raw = match format {
            Format::Vid(VidMode::Amd625mV) => {
                // No off code in the AMD table (its 00h is 1.55 V).
                assert_eq!(format.encode_f32(0.0), Err(EncodeError::OutOfRange));
                continue;
            }
            Format::Direct(c) => {
                let y = direct_y(c, 0, 0);
                i16::try_from(y).unwrap() as u16
            }
            _ => 0,
        };
        assert_eq!(format.encode_f32(0.0), Ok(zero_raw), "{format:?}");
        assert_eq!(
            format.encode_f32(-0.0).map(|r| r & 0x7FFF),
            Ok(zero_raw),
            "{format:?}"
        );
        for d in [0, 3, 6, 9, 18] {
            assert_eq!(format.encode_scaled(0, d), Ok(zero_raw), "{format:?}");
        }
        assert_eq!(format.encode_milli(0), Ok(zero_raw));
        assert_eq!(format.encode_micro(0), Ok(zero_raw));
        if !matches!(format, Format::Vid(_)) {
            assert_eq!(
                format.decode_f32(zero_raw).map(f32::abs),
                Some(0.0),
                "{format:?}"
            );
            assert_eq!(format.decode_micro(zero_raw), Some(0), "{format:?}");
        }
    }
    assert_eq!(Linear11::from_f32(0.0).unwrap().raw(), 0);
    assert_eq!(Linear11::from_f32(-0.0).unwrap().raw(), 0);
    assert_eq!(IeeeHalf::from_f32(-0.0).unwrap().raw(), 0x8000);
    assert_eq!(ULinear16::from_f32(-0.0, -12), Ok(ULinear16::new(0, -12)));
}

#[test]
fn negative_values_in_unsigned_formats() {
    for exponent in -16..=15 {
        let f = Format::ULinear16 { exponent };
        assert_eq!(f.encode_f32(-1.0), Err(EncodeError::Negative));
        assert_eq!(f.encode_f32(-1e-30), Err(EncodeError::Negative));
        assert_eq!(f.encode_f32(f32::MIN), Err(EncodeError::Negative));
        assert_eq!(f.encode_milli(-1), Err(EncodeError::Negative));
        assert_eq!(f.encode_scaled(i64::MIN, 0), Err(EncodeError::Negative));
        assert_eq!(
            ULinear16::from_f32_saturating(-5.0, exponent),
            Ok(ULinear16::new(0, exponent))
        );
        assert_eq!(
            ULinear16::from_scaled_saturating(-5, 0, exponent),
            Ok(ULinear16::new(0, exponent))
        );
    }
    for mode in VID_MODES {
        let f = Format::Vid(mode);
        assert_eq!(f.encode_f32(-1.0), Err(EncodeError::Negative));
        assert_eq!(f.encode_micro(-1), Err(EncodeError::Negative));
    }
}

#[test]
fn non_finite_values_fail_in_every_format() {
    for format in all_formats() {
        for x in [f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            assert_eq!(
                format.encode_f32(x),
                Err(EncodeError::NotFinite),
                "{format:?} {x}"
            );
        }
    }
    assert_eq!(
        Linear11::from_f32_saturating(f32::NAN),
        Err(EncodeError::NotFinite)
    );
    assert_eq!(
        IeeeHalf::from_f32_saturating(f32::NAN),
        Err(EncodeError::NotFinite)
    );
    assert_eq!(
        ULinear16::from_f32_saturating(f32::NAN, 0),
        Err(EncodeError::NotFinite)
    );
    let c = Coefficients { m: 1, b: 0, r: 0 };
    assert_eq!(
        c.encode_f32_saturating(f32::NAN),
        Err(EncodeError::NotFinite)
    );
    assert_eq!(c.encode_f32_saturating(f32::INFINITY), Ok(0x7FFF));
    assert_eq!(c.encode_f32_saturating(f32::NEG_INFINITY), Ok(0x8000));
}

#[test]
fn huge_values_fail_and_saturate() {
    for format in all_formats() {
        for x in [1e12f32, f32::MAX] {
            assert_eq!(
                format.encode_f32(x),
                Err(EncodeError::OutOfRange),
                "{format:?} {x}"
            );
        }
        assert_eq!(
            format.encode_scaled(i64::MAX, 0),
            Err(EncodeError::OutOfRange),
            "{format:?}"
        );
        if !matches!(format, Format::ULinear16 { .. } | Format::Vid(_)) {
            assert_eq!(
                format.encode_f32(-1e12),
                Err(EncodeError::OutOfRange),
                "{format:?}"
            );
            assert_eq!(
                format.encode_scaled(i64::MIN, 0),
                Err(EncodeError::OutOfRange)
            );
        }
        assert_eq!(
            format.encode_scaled(1, 19),
            Err(EncodeError::TooManyDecimals),
            "{format:?}"
        );
    }
    assert_eq!(Linear11::from_f32_saturating(1e12), Ok(Linear11::MAX));
    assert_eq!(Linear11::from_f32_saturating(-1e12), Ok(Linear11::MIN));
    assert_eq!(
        Linear11::from_f32_saturating(f32::INFINITY),
        Ok(Linear11::MAX)
    );
    assert_eq!(
        Linear11::from_scaled_saturating(i64::MAX, 0),
        Ok(Linear11::MAX)
    );
    assert_eq!(
        Linear11::from_scaled_saturating(i64::MIN, 0),
        Ok(Linear11::MIN)
    );
    assert_eq!(
        Linear11::from_scaled_saturating(1, 19),
        Err(EncodeError::TooManyDecimals)
    );
    assert_eq!(
        ULinear16::from_f32_saturating(1e12, -4),
        Ok(ULinear16::new(0xFFFF, -4))
    );
    assert_eq!(
        ULinear16::from_f32_saturating(f32::INFINITY, 3),
        Ok(ULinear16::new(0xFFFF, 3))
    );
    assert_eq!(
        IeeeHalf::from_scaled_saturating(i64::MIN, 0),
        Ok(IeeeHalf::MIN)
    );
    let c = Coefficients {
        m: 4062,
        b: 0,
        r: -2,
    };
    assert_eq!(c.encode_f32_saturating(1e12), Ok(0x7FFF));
    assert_eq!(c.encode_scaled_saturating(i64::MIN, 0), Ok(0x8000));
    // The largest values just fit, one step more does not.
    assert_eq!(Linear11::from_f32(33_521_664.0), Ok(Linear11::MAX));
    assert_eq!(
        Linear11::from_f32(33_538_048.0),
        Err(EncodeError::OutOfRange)
    ); // 1023.5 · 2^15
    assert_eq!(Linear11::from_f32(-33_554_432.0), Ok(Linear11::MIN));
    assert_eq!(
        ULinear16::from_f32(65535.0 * 2.0_f32.powi(-12), -12),
        Ok(ULinear16::new(0xFFFF, -12))
    );
    assert_eq!(
        ULinear16::from_f32(65535.5 * 2.0_f32.powi(-12), -12),
        Err(EncodeError::OutOfRange)
    );
}

#[test]
fn every_raw_value_decodes_without_panic() {
    // Decoding never fails for the binary formats, and never panics for any format. (Every
    // ULINEAR16 exponent is walked in format_exhaustive.rs; a few suffice here.)
    for format in all_formats() {
        if let Format::ULinear16 { exponent } = format {
            if ![-16, -12, -9, 0, 15].contains(&exponent) {
                continue;
            }
        }
        for raw in 0..=u16::MAX {
            let f = format.decode_f32(raw);
            let micro = format.decode_micro(raw);
            match format {
                Format::Linear11 | Format::ULinear16 { .. } | Format::Direct(_) => {
                    assert!(f.is_some() && micro.is_some(), "{format:?} {raw:04X}");
                }
                Format::IeeeHalf => {
                    assert_eq!(f.is_some(), (raw >> 10) & 0x1F != 0x1F);
                    assert_eq!(micro.is_some(), f.is_some());
                }
                Format::Vid(_) => assert_eq!(f.is_some(), micro.is_some()),
            }
            assert_eq!(format.decode_milli(raw), format.decode_scaled(raw, 3));
            assert_eq!(format.decode_scaled(raw, 19), None);
        }
    }
}
