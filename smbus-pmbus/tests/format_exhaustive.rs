//! Exhaustive walks of the PMBus data formats against independent reference computations
//! (exact rationals in `i128`, `f64` formulas written from the spec text), and the reference
//! vectors from the project's PMBus notes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use smbus_pmbus::format::{
    Coefficients, DecodeError, EncodeError, EnergyCounter, EnergyReading, Format, IeeeHalf,
    LengthError, Linear11, ULinear16, VidMode, VoutMode, VoutModeKind,
};

/// round(num / den) with ties away from zero, den > 0.
fn round_div(num: i128, den: i128) -> i128 {
    assert!(den > 0);
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

/// round(m · 2^e · 10^d), ties away from zero, in exact integer arithmetic.
fn exact_scaled(m: i128, e: i32, d: u32) -> i128 {
    let num = m * 10i128.pow(d);
    if e >= 0 {
        num << e
    } else {
        round_div(num, 1i128 << (-e))
    }
}

/// Sign-extends the low `bits` bits of `v` (written independently of the library's shifts).
fn sign_extend(v: u16, bits: u32) -> i32 {
    let v = i32::from(v) & ((1 << bits) - 1);
    let sign = 1 << (bits - 1);
    (v ^ sign) - sign
}

/// m · 2^e as an `f64` (exact for the ranges used here).
fn pow2_value(m: i128, e: i32) -> f64 {
    m as f64 * 2f64.powi(e)
}

/// m · 2^e expressed in units of 2^-30 (exact for LINEAR11 and ULINEAR16 values).
fn in_units(m: i128, e: i32) -> i128 {
    m << (e + 30)
}

// ---------------------------------------------------------------------------------------------
// LINEAR11
// ---------------------------------------------------------------------------------------------

#[test]
fn linear11_every_raw_value() {
    let mut canonical = 0usize;
    let mut values = std::collections::HashSet::new();
    for raw in 0..=u16::MAX {
        let x = Linear11::from_raw(raw);
        let m = sign_extend(raw, 11);
        let e = sign_extend(raw >> 11, 5);
        assert_eq!(i32::from(x.mantissa()), m, "{raw:04X}");
        assert_eq!(i32::from(x.exponent()), e, "{raw:04X}");
        assert_eq!(x.raw(), raw);
        let m = i128::from(m);

        // f32 path: exact.
        assert_eq!(f64::from(x.to_f32()), pow2_value(m, e), "{raw:04X}");

        // Fixed path: exact rounding at every decimals the crate promises to hold.
        for d in [0, 1, 3, 6, 9, 11] {
            assert_eq!(
                i128::from(x.to_scaled(d)),
                exact_scaled(m, e, d),
                "{raw:04X} d={d}"
            );
        }
        assert_eq!(i128::from(x.to_milli()), exact_scaled(m, e, 3));
        assert_eq!(i128::from(x.to_micro()), exact_scaled(m, e, 6));
        // The f32 value (exact) and the fixed values agree within half an LSB of the fixed
        // representation: |x · 10^d - scaled| ≤ 1/2, checked in units of 2^-30.
        for (d, scaled) in [(3, x.to_milli()), (6, x.to_micro())] {
            let diff = in_units(m * 10i128.pow(d), e) - (i128::from(scaled) << 30);
            assert!(2 * diff.abs() <= 1 << 30, "{raw:04X} d={d}");
        }

        // Encoding the decoded value gives a value-equal, most precise encoding.
        let enc = Linear11::from_f32(x.to_f32()).unwrap();
        let (em, ee) = (i128::from(enc.mantissa()), i32::from(enc.exponent()));
        assert_eq!(
            in_units(em, ee),
            in_units(m, e),
            "{raw:04X} -> {:04X}",
            enc.raw()
        );
        if em == 0 {
            assert_eq!(enc.raw(), 0);
        } else {
            // One exponent lower, the mantissa would not fit.
            assert!(
                ee == -16 || !(-1024..=1023).contains(&(2 * em)),
                "{raw:04X}"
            );
        }
        values.insert(in_units(m, e));
        if enc == x {
            canonical += 1;
        }
        // The integer encoders agree with the float encoder on the canonical form.
        assert_eq!(
            Linear11::from_scaled(x.to_scaled(9), 9),
            Ok(enc),
            "{raw:04X}"
        );
        assert_eq!(Linear11::from_micro(x.to_micro()), Ok(enc), "{raw:04X}");
        assert_eq!(
            Linear11::from_parts(enc.mantissa(), enc.exponent()),
            Some(enc)
        );
    }
    // Exactly one raw value per distinct value is the canonical (most precise) encoding.
    assert_eq!(canonical, values.len());
    println!(
        "LINEAR11: 65536 raw values, {} distinct values",
        values.len()
    );
}

#[test]
fn linear11_reference_vectors() {
    for (raw, value) in [
        (0xF028, 10.0),
        (0xE9A0, 52.0),
        (0x0A5C, 1208.0),
        (0xC840, 0.5),
        (0xF819, 12.5),
        (0xF0D0, 52.0),
        (0xE340, 52.0),
    ] {
        assert_eq!(Linear11::from_raw(raw).to_f32(), value, "{raw:04X}");
        let milli = (value * 1000.0) as i64;
        assert_eq!(Linear11::from_raw(raw).to_milli(), milli, "{raw:04X}");
        assert_eq!(Format::Linear11.decode_f32(raw), Some(value));
    }
    // The most precise encoding of 52.0 is 832 · 2^-4.
    assert_eq!(Linear11::from_f32(52.0).unwrap().raw(), 0xE340);
    assert_eq!(Linear11::from_milli(52_000).unwrap().raw(), 0xE340);
    assert_eq!(Linear11::from_f32(12.5).unwrap().raw(), 0xD320); // 800 · 2^-6
    assert_eq!(Linear11::from_f32(1208.0).unwrap().raw(), 0x0A5C); // 604 · 2^1
    // Negative values use the extra negative mantissa: -1024 · 2^-4 = -64.
    let neg = Linear11::from_f32(-64.0).unwrap();
    assert_eq!((neg.mantissa(), neg.exponent()), (-1024, -4));
    assert_eq!(Linear11::MAX.to_f32(), 1023.0 * 32768.0);
    assert_eq!(Linear11::MIN.to_f32(), -1024.0 * 32768.0);
    // 3 kW in microwatts does not wrap.
    let p = Linear11::from_f32(3000.0).unwrap();
    assert_eq!(p.to_micro(), 3_000_000_000);
    assert_eq!(p.to_scaled(9), 3_000_000_000_000);
}

// ---------------------------------------------------------------------------------------------
// ULINEAR16
// ---------------------------------------------------------------------------------------------

#[test]
fn ulinear16_every_raw_value_and_exponent() {
    let mut count = 0u32;
    for exponent in -16i8..=15 {
        let e = i32::from(exponent);
        for raw in 0..=u16::MAX {
            let v = ULinear16::new(raw, exponent);
            let m = i128::from(raw);
            assert_eq!(f64::from(v.to_f32()), pow2_value(m, e), "{raw:04X} e={e}");
            let micro = v.to_micro();
            assert_eq!(i128::from(micro), exact_scaled(m, e, 6), "{raw:04X} e={e}");
            assert_eq!(
                i128::from(v.to_milli()),
                exact_scaled(m, e, 3),
                "{raw:04X} e={e}"
            );
            let nano = v.to_scaled(9);
            assert_eq!(i128::from(nano), exact_scaled(m, e, 9), "{raw:04X} e={e}");
            let diff = in_units(m * 1_000_000, e) - (i128::from(micro) << 30);
            assert!(2 * diff.abs() <= 1 << 30, "{raw:04X} e={e}");

            // With a fixed exponent the encoding is unique: every path returns the raw value.
            assert_eq!(ULinear16::from_f32(v.to_f32(), exponent), Ok(v));
            assert_eq!(
                ULinear16::from_micro(micro, exponent),
                Ok(v),
                "{raw:04X} e={e}"
            );
            assert_eq!(ULinear16::from_scaled(nano, 9, exponent), Ok(v));
            count += 1;
        }
    }
    assert_eq!(count, 32 * 65_536);
}

#[test]
fn ulinear16_reference_vectors() {
    let mode = VoutMode::from_raw(0x15);
    assert_eq!(mode.mode(), VoutModeKind::Linear { exponent: -11 });
    assert!(!mode.relative());
    let f = mode.format(None, None).unwrap();
    assert_eq!(f.decode_f32(0x6007), Some(12.003_418));
    assert_eq!(f.decode_micro(0x6007), Some(12_003_418));
    assert_eq!(f.decode_f32(0x5F80), Some(11.9375));
    assert_eq!(f.decode_micro(0x5F80), Some(11_937_500));

    let mode = VoutMode::from_raw(0x97);
    assert_eq!(mode.mode(), VoutModeKind::Linear { exponent: -9 });
    assert!(mode.relative());
    let f = mode.format(None, None).unwrap();
    assert_eq!(f.decode_f32(0x0263), Some(1.193_359_4));
    assert_eq!(f.decode_scaled(0x0263, 9), Some(1_193_359_375));

    // VOUT decoded as LINEAR11 would be wrong: 6007h as LINEAR11 is 7 · 2^12.
    assert_eq!(Linear11::from_raw(0x6007).to_f32(), 28_672.0);
}

#[test]
fn vout_mode_every_byte() {
    for raw in 0..=u8::MAX {
        let mode = VoutMode::from_raw(raw);
        assert_eq!(mode.raw(), raw);
        assert_eq!(mode.relative(), raw >= 0x80);
        assert_eq!(mode.parameter(), raw & 0x1F);
        let expected = match (raw >> 5) & 3 {
            0 => VoutModeKind::Linear {
                exponent: i8::try_from(sign_extend(u16::from(raw), 5)).unwrap(),
            },
            1 => VoutModeKind::Vid { code: raw & 0x1F },
            2 => VoutModeKind::Direct,
            _ => VoutModeKind::IeeeHalf,
        };
        assert_eq!(mode.mode(), expected, "{raw:02X}");
        let c = Coefficients { m: 1, b: 0, r: 0 };
        // FFh is what a device without VOUT_MODE returns: no format.
        if raw == 0xFF {
            assert!(mode.is_unimplemented());
            assert_eq!(mode.format(Some(c), Some(VidMode::Vr12)), None);
            continue;
        }
        let format = mode.format(Some(c), Some(VidMode::Vr12)).unwrap();
        match expected {
            VoutModeKind::Linear { exponent } => {
                assert_eq!(format, Format::ULinear16 { exponent });
                assert_eq!(VoutMode::linear(exponent).unwrap().raw(), raw & 0x1F);
            }
            VoutModeKind::Vid { .. } => {
                assert_eq!(format, Format::Vid(VidMode::Vr12));
                assert_eq!(mode.format(Some(c), None), None);
            }
            VoutModeKind::Direct => {
                assert_eq!(format, Format::Direct(c));
                assert_eq!(mode.format(None, Some(VidMode::Vr12)), None);
            }
            VoutModeKind::IeeeHalf => assert_eq!(format, Format::IeeeHalf),
        }
    }
    // FFh is what the bits say: relative IEEE half, not "linear, exponent -1".
    assert_eq!(VoutMode::from_raw(0xFF).mode(), VoutModeKind::IeeeHalf);
    assert_eq!(VoutMode::linear(-17), None);
    assert_eq!(VoutMode::linear(16), None);
}

// ---------------------------------------------------------------------------------------------
// DIRECT
// ---------------------------------------------------------------------------------------------

/// Coefficient sets, and whether encode(decode(raw)) must come back within one raw step
/// (false for the deliberately extreme sets, whose values an f32 cannot tell apart).
const DIRECT_SETS: [(&str, Coefficients, bool); 9] = [
    (
        "ADM1272 V",
        Coefficients {
            m: 4062,
            b: 0,
            r: -2,
        },
        true,
    ),
    (
        "ADM1272 I",
        Coefficients {
            m: 663,
            b: 20480,
            r: -1,
        },
        true,
    ),
    (
        "ADM1272 P",
        Coefficients {
            m: 10535,
            b: 0,
            r: -3,
        },
        true,
    ),
    (
        "INA233-like",
        Coefficients {
            m: 20000,
            b: 0,
            r: -2,
        },
        true,
    ),
    (
        "negative b",
        Coefficients {
            m: 120,
            b: -3500,
            r: 0,
        },
        true,
    ),
    (
        "negative m",
        Coefficients {
            m: -2500,
            b: 1500,
            r: -1,
        },
        true,
    ),
    ("positive R", Coefficients { m: 3, b: 7, r: 2 }, true),
    (
        "extreme R min",
        Coefficients {
            m: 1,
            b: -32768,
            r: -13,
        },
        false,
    ),
    (
        "extreme R max",
        Coefficients {
            m: 32767,
            b: 32767,
            r: 13,
        },
        false,
    ),
];

/// X · 10^d for Y under c, exactly: (Y · 10^(d-R) - b · 10^d) / m, rounded half away.
fn direct_exact(c: Coefficients, y: i128, d: u32) -> i128 {
    let (m, b, r) = (i128::from(c.m), i128::from(c.b), i32::from(c.r));
    let k = i32::try_from(d).unwrap() - r;
    let (num, den) = if k >= 0 {
        (y * 10i128.pow(k.unsigned_abs()) - b * 10i128.pow(d), m)
    } else {
        // Multiply through by 10^-k.
        (
            y - b * 10i128.pow(d) * 10i128.pow(k.unsigned_abs()),
            m * 10i128.pow(k.unsigned_abs()),
        )
    };
    if den < 0 {
        round_div(-num, -den)
    } else {
        round_div(num, den)
    }
}

#[test]
fn direct_every_raw_value() {
    for (name, c, round_trips) in DIRECT_SETS {
        assert!(c.is_valid());
        for raw in 0..=u16::MAX {
            let y = sign_extend(raw, 16);
            let x = (f64::from(y) * 10f64.powi(-i32::from(c.r)) - f64::from(c.b)) / f64::from(c.m);

            let f = c.decode_f32(raw).unwrap();
            let tolerance = x.abs() * f64::from(f32::EPSILON) + f64::from(f32::MIN_POSITIVE);
            assert!(
                (f64::from(f) - x).abs() <= tolerance,
                "{name} {raw:04X}: {f} vs {x}"
            );

            for d in [0, 3, 6, 9] {
                let exact = direct_exact(c, i128::from(y), d);
                match i64::try_from(exact) {
                    Ok(v) => assert_eq!(c.decode_scaled(raw, d), Ok(v), "{name} {raw:04X} d={d}"),
                    Err(_) => assert_eq!(c.decode_scaled(raw, d), Err(DecodeError::Overflow)),
                }
            }
            assert_eq!(c.decode_milli(raw), c.decode_scaled(raw, 3));
            assert_eq!(c.decode_micro(raw), c.decode_scaled(raw, 6));

            if round_trips {
                let back = c.encode_f32(f).unwrap();
                let step = (sign_extend(back, 16) - y).abs();
                assert!(step <= 1, "{name} {raw:04X} -> {back:04X}");
                let nano = c.decode_scaled(raw, 9).unwrap();
                assert_eq!(c.encode_scaled(nano, 9), Ok(raw), "{name} {raw:04X}");
                let micro = c.decode_micro(raw).unwrap();
                let back = c.encode_micro(micro).unwrap();
                let step = (sign_extend(back, 16) - y).abs();
                assert!(step <= 1, "{name} {raw:04X} micro -> {back:04X}");
            }
        }
    }
}

#[test]
fn direct_reference_vectors() {
    let v = Coefficients {
        m: 4062,
        b: 0,
        r: -2,
    };
    let i = Coefficients {
        m: 663,
        b: 20480,
        r: -1,
    };
    let p = Coefficients {
        m: 10535,
        b: 0,
        r: -3,
    };
    assert_eq!(v.decode_scaled(0x076D, 4), Ok(467_996)); // 46.7996 V
    assert_eq!(i.decode_scaled(0x0824, 5), Ok(54_299)); // 0.54299 A
    assert_eq!(p.decode_scaled(0x0110, 4), Ok(258_187)); // 25.8187 W
    assert!((v.decode_f32(0x076D).unwrap() - 46.7996).abs() < 1e-4);
    assert!((i.decode_f32(0x0824).unwrap() - 0.54299).abs() < 1e-5);
    assert!((p.decode_f32(0x0110).unwrap() - 25.8187).abs() < 1e-4);
    assert_eq!(v.encode_f32(46.7996), Ok(0x076D));
    assert_eq!(i.encode_f32(0.54299), Ok(0x0824));
    assert_eq!(p.encode_f32(25.8187), Ok(0x0110));
    assert_eq!(v.encode_scaled(467_996, 4), Ok(0x076D));
    assert_eq!(i.encode_scaled(54_299, 5), Ok(0x0824));
    assert_eq!(p.encode_scaled(258_187, 4), Ok(0x0110));
}

#[test]
fn direct_invalid_coefficients() {
    for c in [
        Coefficients { m: 0, b: 0, r: 0 },
        Coefficients { m: 1, b: 0, r: 14 },
        Coefficients { m: 1, b: 0, r: -14 },
        Coefficients {
            m: -5,
            b: 3,
            r: i8::MIN,
        },
        Coefficients {
            m: 7,
            b: 3,
            r: i8::MAX,
        },
    ] {
        assert!(!c.is_valid());
        for raw in [0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFF] {
            assert_eq!(c.decode_f32(raw), Err(DecodeError::InvalidCoefficients));
            assert_eq!(c.decode_milli(raw), Err(DecodeError::InvalidCoefficients));
            assert_eq!(Format::Direct(c).decode_f32(raw), None);
            assert_eq!(Format::Direct(c).decode_milli(raw), None);
        }
        assert_eq!(c.encode_f32(1.0), Err(EncodeError::InvalidCoefficients));
        assert_eq!(c.encode_milli(1), Err(EncodeError::InvalidCoefficients));
        assert_eq!(
            c.encode_f32_saturating(1.0),
            Err(EncodeError::InvalidCoefficients)
        );
        assert_eq!(
            c.encode_scaled_saturating(1, 0),
            Err(EncodeError::InvalidCoefficients)
        );
    }
}

#[test]
fn coefficients_block() {
    let bytes = [0xDE, 0x0F, 0x00, 0x50, 0xFF];
    let c = Coefficients::parse(&bytes).unwrap();
    assert_eq!(
        c,
        Coefficients {
            m: 4062,
            b: 0x5000,
            r: -1
        }
    );
    assert_eq!(c.to_bytes(), bytes);
    for len in [0usize, 1, 4, 6, 32] {
        let buf = [0u8; 32];
        assert_eq!(
            Coefficients::parse(&buf[..len]),
            Err(LengthError {
                expected: 5,
                actual: len
            })
        );
    }
    // Kept as read even when unusable.
    let zero = Coefficients::parse(&[0, 0, 1, 0, 0]).unwrap();
    assert_eq!(zero, Coefficients { m: 0, b: 1, r: 0 });
    assert!(!zero.is_valid());
}

// ---------------------------------------------------------------------------------------------
// VID
// ---------------------------------------------------------------------------------------------

const VID_MODES: [VidMode; 6] = [
    VidMode::Vr11,
    VidMode::Vr12,
    VidMode::Vr13_5mV,
    VidMode::Vr13_10mV,
    VidMode::Imvp9,
    VidMode::Amd625mV,
];

/// The voltage in mV from the formulas in the project notes, `None` outside each table.
fn vid_reference_mv(mode: VidMode, v: u8) -> Option<f64> {
    let v = f64::from(v);
    match mode {
        VidMode::Vr11 => (2.0..=178.0)
            .contains(&v)
            .then_some(1600.0 - (v - 2.0) * 6.25),
        VidMode::Vr12 | VidMode::Vr13_5mV => (v >= 1.0).then_some(250.0 + (v - 1.0) * 5.0),
        VidMode::Vr13_10mV => (v >= 1.0).then_some(500.0 + (v - 1.0) * 10.0),
        VidMode::Imvp9 => (v >= 1.0).then_some(200.0 + (v - 1.0) * 10.0),
        VidMode::Amd625mV => (v <= 216.0).then_some(1550.0 - v * 6.25),
        _ => unreachable!(),
    }
}

#[test]
fn vid_every_code_every_mode() {
    let mut defined = 0;
    for mode in VID_MODES {
        for code in 0..=u8::MAX {
            let expected = vid_reference_mv(mode, code);
            let uv = mode.to_microvolts(code);
            assert_eq!(
                uv.map(|uv| f64::from(uv) / 1000.0),
                expected,
                "{mode:?} {code:02X}"
            );
            let format = Format::Vid(mode);
            let Some(uv) = uv else {
                assert_eq!(mode.to_f32_volts(code), None);
                assert_eq!(format.decode_f32(u16::from(code)), None);
                assert_eq!(format.decode_micro(u16::from(code)), None);
                continue;
            };
            defined += 1;
            let volts = mode.to_f32_volts(code).unwrap();
            assert_eq!(volts, (f64::from(uv) / 1e6) as f32);
            assert_eq!(mode.to_scaled(code, 6), Some(i64::from(uv)));
            assert_eq!(mode.to_scaled(code, 9), Some(i64::from(uv) * 1000));
            assert_eq!(
                mode.to_scaled(code, 3),
                Some(i64::try_from(round_div(i128::from(uv), 1000)).unwrap())
            );
            assert_eq!(format.decode_micro(u16::from(code)), Some(i64::from(uv)));
            // The high byte must be zero.
            assert_eq!(format.decode_micro(0x0100 | u16::from(code)), None);

            // Encoding: every way back gives the same code.
            assert_eq!(mode.from_microvolts(uv), Ok(code), "{mode:?} {code:02X}");
            assert_eq!(mode.from_f32_volts(volts), Ok(code), "{mode:?} {code:02X}");
            assert_eq!(mode.from_scaled(i64::from(uv) * 1000, 9), Ok(code));
            assert_eq!(format.encode_micro(i64::from(uv)), Ok(u16::from(code)));
            assert_eq!(format.encode_f32(volts), Ok(u16::from(code)));
        }
    }
    // 177 + 255 + 255 + 255 + 255 + 217 codes have a voltage.
    assert_eq!(defined, 177 + 4 * 255 + 217);
}

#[test]
fn vid_nearest_code_and_ties() {
    for mode in VID_MODES {
        let codes: Vec<(u8, u32)> = (0..=u8::MAX)
            .filter_map(|c| mode.to_microvolts(c).map(|uv| (c, uv)))
            .collect();
        let step = codes[0].1.abs_diff(codes[1].1);
        let half = step / 2;
        let (low, high) = {
            let mut by_voltage = codes.clone();
            by_voltage.sort_by_key(|&(_, uv)| uv);
            (by_voltage[0], *by_voltage.last().unwrap())
        };
        for &(code, uv) in &codes {
            // Within half a step either side: this code; exactly half a step below goes up to
            // this code (ties to the higher voltage), exactly half a step above goes further up.
            assert_eq!(mode.from_microvolts(uv + half - 1), Ok(code));
            assert_eq!(mode.from_microvolts(uv - half + 1), Ok(code));
            assert_eq!(
                mode.from_microvolts(uv - half),
                Ok(code),
                "{mode:?} {code:02X}"
            );
            if uv != high.1 {
                assert_ne!(
                    mode.from_microvolts(uv + half),
                    Ok(code),
                    "{mode:?} {code:02X}"
                );
            }
        }
        // Ends of the table.
        assert_eq!(mode.from_microvolts(low.1 - half), Ok(low.0));
        assert_eq!(
            mode.from_microvolts(low.1 - half - 1),
            Err(EncodeError::OutOfRange)
        );
        assert_eq!(mode.from_microvolts(high.1 + half - 1), Ok(high.0));
        assert_eq!(
            mode.from_microvolts(high.1 + half),
            Err(EncodeError::OutOfRange)
        );
        // 0 V is the "off" code 00h in the Intel tables; the AMD table has no off code.
        let off = if mode == VidMode::Amd625mV {
            Err(EncodeError::OutOfRange)
        } else {
            Ok(0)
        };
        assert_eq!(mode.from_microvolts(0), off);
        assert_eq!(mode.from_f32_volts(0.0), off);
        assert_eq!(mode.from_microvolts(1), Err(EncodeError::OutOfRange));
        assert_eq!(mode.from_microvolts(u32::MAX), Err(EncodeError::OutOfRange));
        assert_eq!(mode.from_scaled(-1, 3), Err(EncodeError::Negative));
        assert_eq!(mode.from_scaled(i64::MAX, 0), Err(EncodeError::OutOfRange));
        assert_eq!(mode.from_scaled(i64::MAX, 18), Err(EncodeError::OutOfRange));
        assert_eq!(mode.from_scaled(1, 19), Err(EncodeError::TooManyDecimals));
        assert_eq!(mode.from_f32_volts(-0.1), Err(EncodeError::Negative));
        assert_eq!(mode.from_f32_volts(f32::NAN), Err(EncodeError::NotFinite));
        assert_eq!(
            mode.from_f32_volts(f32::INFINITY),
            Err(EncodeError::NotFinite)
        );
        assert_eq!(mode.from_f32_volts(1e30), Err(EncodeError::OutOfRange));
    }
}

#[test]
fn vid_vout_mode_codes() {
    use smbus_pmbus::format::COMMON_VID_CODES;
    let lookup = |code| VidMode::from_vout_mode_code(code, &COMMON_VID_CODES);
    assert_eq!(lookup(0x01), Some(VidMode::Vr12));
    assert_eq!(lookup(0x02), Some(VidMode::Vr13_10mV));
    assert_eq!(lookup(0x03), Some(VidMode::Imvp9));
    assert_eq!(lookup(0x04), Some(VidMode::Vr13_10mV));
    assert_eq!(lookup(0x05), Some(VidMode::Vr12));
    assert_eq!(lookup(0x07), Some(VidMode::Vr13_5mV));
    assert_eq!(lookup(0x10), Some(VidMode::Amd625mV));
    assert_eq!(lookup(0x06), None);
    assert_eq!(lookup(0x00), None);
    assert_eq!(VidMode::from_vout_mode_code(0x01, &[]), None);
}

// ---------------------------------------------------------------------------------------------
// IEEE half
// ---------------------------------------------------------------------------------------------

/// Independent binary16 decoder, straight from the IEEE 754 definition, in f64.
fn half_reference(raw: u16) -> f64 {
    let sign = if raw & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((raw >> 10) & 0x1F);
    let fraction = f64::from(raw & 0x3FF);
    match exponent {
        0 => sign * fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1.0 + fraction / 1024.0) * 2f64.powi(exponent - 15),
    }
}

/// The exact value of a finite binary16 as m · 2^e.
fn half_parts(raw: u16) -> (i128, i32) {
    let sign = if raw & 0x8000 != 0 { -1 } else { 1 };
    let exponent = i32::from((raw >> 10) & 0x1F);
    let fraction = i128::from(raw & 0x3FF);
    match exponent {
        0 => (sign * fraction, -24),
        _ => (sign * (fraction + 1024), exponent - 25),
    }
}

#[test]
fn ieee_half_every_raw_value() {
    let mut finite = 0;
    for raw in 0..=u16::MAX {
        let h = IeeeHalf::from_raw(raw);
        let reference = half_reference(raw);
        let f = h.to_f32();
        if reference.is_nan() {
            assert!(f.is_nan() && h.is_nan() && !h.is_finite());
            // The payload is kept bit for bit.
            let expected =
                (u32::from(raw & 0x8000) << 16) | 0x7F80_0000 | (u32::from(raw & 0x3FF) << 13);
            assert_eq!(f.to_bits(), expected);
            assert_eq!(h.to_milli(), None);
            assert_eq!(IeeeHalf::from_f32(f), Err(EncodeError::NotFinite));
            continue;
        }
        assert_eq!(f64::from(f), reference, "{raw:04X}");
        assert_eq!(f.is_sign_negative(), h.is_sign_negative(), "{raw:04X}");
        if reference.is_infinite() {
            assert!(!h.is_finite() && !h.is_nan());
            assert_eq!(h.to_scaled(0), None);
            assert_eq!(Format::IeeeHalf.decode_f32(raw), None);
            assert_eq!(IeeeHalf::from_f32(f), Err(EncodeError::NotFinite));
            continue;
        }
        finite += 1;
        assert!(h.is_finite());
        let (m, e) = half_parts(raw);
        for d in [0, 3, 6, 9, 14] {
            let scaled = h.to_scaled(d).map(i128::from);
            assert_eq!(scaled, Some(exact_scaled(m, e, d)), "{raw:04X} d={d}");
        }
        // From 15 decimals up the largest values no longer fit an i64.
        assert_eq!(
            h.to_scaled(15),
            i64::try_from(exact_scaled(m, e, 15)).ok(),
            "{raw:04X}"
        );
        assert_eq!(h.to_micro().map(i128::from), Some(exact_scaled(m, e, 6)));

        // Encoding round trips every finite half bit for bit (-0 included).
        assert_eq!(IeeeHalf::from_f32(f), Ok(h), "{raw:04X}");
        assert_eq!(Format::IeeeHalf.encode_f32(f), Ok(raw));
        // The integer path at nano resolution round trips the value (-0 becomes +0).
        let nano = h.to_scaled(9).unwrap();
        let back = IeeeHalf::from_scaled(nano, 9).unwrap();
        assert_eq!(back.to_f32(), f, "{raw:04X}");
        if f != 0.0 {
            assert_eq!(back, h);
        } else {
            assert_eq!(back.raw(), 0);
        }
    }
    assert_eq!(finite, 65_536 - 2 * 1024);
}

#[test]
fn ieee_half_rounding_at_every_midpoint() {
    // Between each pair of neighbouring positive finite halves, the exact midpoint (12
    // significant bits: exact in f32) goes to the even one, and the f32 values just beside it
    // go to the nearer one. Checked for both signs and for the integer path too.
    let mut midpoints = 0;
    for raw in 0..0x7BFFu16 {
        let (lo, hi) = (IeeeHalf::from_raw(raw), IeeeHalf::from_raw(raw + 1));
        let mid = (lo.to_f32() + hi.to_f32()) / 2.0;
        assert_eq!(
            f64::from(mid),
            (f64::from(lo.to_f32()) + f64::from(hi.to_f32())) / 2.0
        );
        let even = if raw % 2 == 0 { lo } else { hi };
        assert_eq!(IeeeHalf::from_f32(mid), Ok(even), "{raw:04X}");
        let neg = IeeeHalf::from_raw(even.raw() | 0x8000);
        assert_eq!(IeeeHalf::from_f32(-mid), Ok(neg), "-{raw:04X}");
        assert_eq!(
            IeeeHalf::from_f32(mid.next_down_compat()),
            Ok(lo),
            "{raw:04X}"
        );
        assert_eq!(
            IeeeHalf::from_f32(mid.next_up_compat()),
            Ok(hi),
            "{raw:04X}"
        );
        // The midpoint (2m + 1) · 2^(e-1) is a whole number of nano-units (10^9 = 5^9 · 2^9)
        // when e - 1 ≥ -9, i.e. e > -9; then the integer path must tie to even as well.
        let (m, e) = half_parts(raw);
        if e > -9 {
            let nano = i64::try_from(exact_scaled(2 * m + 1, e - 1, 9)).unwrap();
            assert_eq!(IeeeHalf::from_scaled(nano, 9), Ok(even), "{raw:04X}");
            assert_eq!(IeeeHalf::from_scaled(nano - 1, 9), Ok(lo), "{raw:04X}");
            assert_eq!(IeeeHalf::from_scaled(nano + 1, 9), Ok(hi), "{raw:04X}");
            assert_eq!(
                IeeeHalf::from_scaled(-nano, 9),
                Ok(IeeeHalf::from_raw(even.raw() | 0x8000))
            );
        }
        midpoints += 1;
    }
    assert_eq!(midpoints, 0x7BFF);
    // Above the largest finite value.
    assert_eq!(IeeeHalf::from_f32(65504.0), Ok(IeeeHalf::MAX));
    assert_eq!(IeeeHalf::from_f32(65519.99), Ok(IeeeHalf::MAX));
    assert_eq!(IeeeHalf::from_f32(65520.0), Err(EncodeError::OutOfRange));
    assert_eq!(IeeeHalf::from_f32(-65520.0), Err(EncodeError::OutOfRange));
    assert_eq!(IeeeHalf::from_f32_saturating(1e9), Ok(IeeeHalf::MAX));
    assert_eq!(
        IeeeHalf::from_f32_saturating(f32::NEG_INFINITY),
        Ok(IeeeHalf::MIN)
    );
    assert_eq!(
        IeeeHalf::from_scaled(65_520, 0),
        Err(EncodeError::OutOfRange)
    );
    assert_eq!(IeeeHalf::from_scaled(65_519, 0), Ok(IeeeHalf::MAX));
    // Below the smallest subnormal: half of it ties to zero, more rounds up.
    let tiny = 2f32.powi(-24);
    assert_eq!(IeeeHalf::from_f32(tiny / 2.0), Ok(IeeeHalf::from_raw(0)));
    assert_eq!(IeeeHalf::from_f32(tiny * 0.75), Ok(IeeeHalf::from_raw(1)));
    assert_eq!(
        IeeeHalf::from_f32(-tiny / 4.0),
        Ok(IeeeHalf::from_raw(0x8000))
    );
    assert_eq!(
        IeeeHalf::from_f32(f32::from_bits(1)),
        Ok(IeeeHalf::from_raw(0))
    );
}

/// `f32::next_up`/`next_down` need Rust 1.86; this crate's MSRV is 1.85.
trait NextCompat {
    fn next_up_compat(self) -> Self;
    fn next_down_compat(self) -> Self;
}

impl NextCompat for f32 {
    fn next_up_compat(self) -> Self {
        assert!(self > 0.0 && self.is_finite());
        f32::from_bits(self.to_bits() + 1)
    }
    fn next_down_compat(self) -> Self {
        assert!(self > 0.0 && self.is_finite());
        f32::from_bits(self.to_bits() - 1)
    }
}

// ---------------------------------------------------------------------------------------------
// READ_EIN / READ_EOUT
// ---------------------------------------------------------------------------------------------

#[test]
fn energy_block_parse() {
    let bytes = [0xFF, 0x7F, 0x12, 0x01, 0x02, 0x03];
    let r = EnergyReading::parse(&bytes).unwrap();
    assert_eq!(
        r,
        EnergyReading {
            accumulator: 0x7FFF,
            rollover: 0x12,
            samples: 0x03_0201
        }
    );
    assert_eq!(r.to_bytes(), Ok(bytes));
    for len in [0usize, 1, 5, 7, 32] {
        let buf = [0u8; 32];
        assert_eq!(
            EnergyReading::parse(&buf[..len]),
            Err(LengthError {
                expected: 6,
                actual: len
            })
        );
    }
    let too_many = EnergyReading {
        samples: 0x100_0000,
        ..r
    };
    assert_eq!(too_many.to_bytes(), Err(EncodeError::OutOfRange));
}

#[test]
fn energy_rollover_cases() {
    let reading = |accumulator, rollover, samples| EnergyReading {
        accumulator,
        rollover,
        samples,
    };
    for rollover_at in [0x7FFFu16, 0xFFFF, 0x0FFF, 0] {
        let counter = EnergyCounter::new(rollover_at);
        let period = u64::from(rollover_at) + 1;
        // No rollover.
        let d = counter
            .delta(&reading(0, 0, 0), &reading(rollover_at, 0, 10))
            .unwrap();
        assert_eq!((d.energy, d.samples), (u64::from(rollover_at), 10));
        // Accumulator rollover.
        let d = counter
            .delta(&reading(rollover_at, 3, 100), &reading(0, 4, 101))
            .unwrap();
        assert_eq!((d.energy, d.samples), (1, 1));
        // Rollover counter wrap (255 -> 0) and sample counter wrap (2^24 - 1 -> 0).
        let d = counter
            .delta(&reading(rollover_at, 0xFF, 0xFF_FFFF), &reading(0, 0, 0))
            .unwrap();
        assert_eq!((d.energy, d.samples), (1, 1));
        // Several rollovers.
        let d = counter
            .delta(&reading(0, 250, 5), &reading(0, 4, 7))
            .unwrap();
        assert_eq!((d.energy, d.samples), (10 * period, 2));
        // The same reading twice: nothing happened, no average.
        let same = reading(rollover_at / 2, 77, 1234);
        let d = counter.delta(&same, &same).unwrap();
        assert_eq!((d.energy, d.samples), (0, 0));
        assert_eq!(d.average_raw_scaled(3), None);
        assert_eq!(d.average_raw_f32(), None);
        let c = Coefficients { m: 1, b: 0, r: 0 };
        assert_eq!(d.average_power_scaled(&c, 3), Err(DecodeError::NoSamples));
        assert_eq!(d.average_power_f32(&c), Err(DecodeError::NoSamples));
        // Totals.
        assert_eq!(
            counter.total(&reading(rollover_at, 255, 0)),
            Ok(256 * period - 1)
        );
    }
    // Accumulator above the rollover point, or a sample count beyond 24 bits.
    let counter = EnergyCounter::new(0x7FFF);
    let bad = reading(0x8000, 0, 0);
    assert_eq!(counter.total(&bad), Err(DecodeError::InvalidEnergyReading));
    assert_eq!(
        counter.delta(&bad, &reading(0, 0, 0)),
        Err(DecodeError::InvalidEnergyReading)
    );
    assert_eq!(
        counter.delta(&reading(0, 0, 0), &reading(0, 0, 0x100_0000)),
        Err(DecodeError::InvalidEnergyReading)
    );
}

#[test]
fn energy_average_power() {
    // READ_PIN in DIRECT (ADM1272 P: m = 10535, b = 0, R = -3); 1000 samples of raw 272
    // (25.8187 W each) accumulated on a 7FFFh counter from a non-zero start.
    let counter = EnergyCounter::new(0x7FFF);
    let start = EnergyReading {
        accumulator: 0x7000,
        rollover: 9,
        samples: 500,
    };
    let total = counter.total(&start).unwrap() + 272 * 1000;
    let end = EnergyReading {
        accumulator: u16::try_from(total % 0x8000).unwrap(),
        rollover: u8::try_from((total / 0x8000) % 256).unwrap(),
        samples: 1500,
    };
    let d = counter.delta(&start, &end).unwrap();
    assert_eq!((d.energy, d.samples), (272_000, 1000));
    assert_eq!(d.average_raw_scaled(0), Some(272));
    assert_eq!(d.average_raw_f32(), Some(272.0));
    let p = Coefficients {
        m: 10535,
        b: 0,
        r: -3,
    };
    assert_eq!(d.average_power_scaled(&p, 4), Ok(258_187));
    assert_eq!(d.average_power_scaled(&p, 3), p.decode_milli(272));
    assert!((d.average_power_f32(&p).unwrap() - 25.8187).abs() < 1e-4);

    // A fractional mean goes through the affine formula exactly: b ≠ 0, negative m.
    let c = Coefficients { m: -7, b: 3, r: 1 };
    let d = smbus_pmbus::format::EnergyDelta {
        energy: 10,
        samples: 4,
    }; // mean Y = 2.5
    // X = (2.5 · 10^-1 - 3) / -7 = 0.392857142857...
    assert_eq!(d.average_raw_scaled(1), Some(25));
    assert_eq!(d.average_power_scaled(&c, 9), Ok(392_857_143));
    assert!((d.average_power_f32(&c).unwrap() - 0.392_857_15).abs() < 1e-7);
    let bad = Coefficients { m: 0, b: 0, r: 0 };
    assert_eq!(
        d.average_power_scaled(&bad, 3),
        Err(DecodeError::InvalidCoefficients)
    );
    assert_eq!(
        d.average_power_scaled(&c, 19),
        Err(DecodeError::TooManyDecimals)
    );
}

/// The f32 fast path (reciprocal multiplication in f64) against the exact division, rounded to
/// f32, for every raw value of the coefficient sets of the described devices and a few more.
#[test]
fn direct_f32_fast_path_matches_division() {
    let sets = [
        (4062, 0, -2),
        (663, 20480, -1),
        (10535, 0, -3),
        (6770, 0, -2),
        (1326, 20480, -1),
        (8, 0, 2),
        (10000, 0, -1),
        (4000, 0, -2),
        (42, 31871, -1),
        (807, 20475, -1),
        (19199, 0, -2),
        (1, 0, 3),
        (-300, -1000, -1),
        (13332, 0, -1),
        (5333, 0, -2),
    ];
    for (m, b, r) in sets {
        let c = Coefficients { m, b, r };
        let p = 10f64.powi(i32::from(r.unsigned_abs()));
        for raw in 0..=u16::MAX {
            let y = f64::from(raw as i16);
            let (num, den) = if r < 0 {
                (y * p - f64::from(b), f64::from(m))
            } else {
                (y - f64::from(b) * p, f64::from(m) * p)
            };
            assert_eq!(c.decode_f32(raw), Ok((num / den) as f32), "{c:?} {raw:04X}");
        }
    }
}
