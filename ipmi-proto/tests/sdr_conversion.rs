//! Reading conversion (IPMI 2.0 §36.3) against ipmitool's formula: every raw value 0–255 for a
//! grid of M/B/K1/K2/linearization/format combinations, and value → raw → value round trips.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::sdr::{AnalogDataFormat, Conversion, ConversionError, Linearization};

/// ipmitool 1.8.19's `sdr_convert_sensor_reading` as it behaves, written out here: integer
/// `m * x`, `b * pow(10, k1)` in double, times `pow(10, k2)`; one's complement negatives get
/// one added before the signed read; format 3 gives 0.0; then `L` on `linearization & 0x7f`
/// with every undefined code treated as linear.
fn ipmitool_reading(m: i32, b: i32, k1: i32, k2: i32, analog: u8, lin: u8, raw: u8) -> f64 {
    let mut val = raw;
    let result = match analog {
        0 => {
            (f64::from(m * i32::from(val)) + f64::from(b) * 10f64.powf(f64::from(k1)))
                * 10f64.powf(f64::from(k2))
        }
        1 | 2 => {
            if analog == 1 && val & 0x80 != 0 {
                val = val.wrapping_add(1);
            }
            (f64::from(m * i32::from(val as i8)) + f64::from(b) * 10f64.powf(f64::from(k1)))
                * 10f64.powf(f64::from(k2))
        }
        _ => return 0.0,
    };
    match lin & 0x7f {
        0x01 => result.ln(),
        0x02 => result.log10(),
        0x03 => result.ln() / 2f64.ln(),
        0x04 => result.exp(),
        0x05 => 10f64.powf(result),
        0x06 => 2f64.powf(result),
        0x07 => result.powf(-1.0),
        0x08 => result.powf(2.0),
        0x09 => result.powf(3.0),
        0x0a => result.sqrt(),
        0x0b => result.cbrt(),
        _ => result,
    }
}

const MS: [i16; 8] = [1, -1, 2, 63, 100, 511, -512, 0];
const BS: [i16; 6] = [0, -2, 25, 511, -512, -100];
const K1S: [i8; 5] = [-8, -1, 0, 1, 7];
const K2S: [i8; 6] = [-8, -3, -2, -1, 0, 2];
const LINS: [u8; 13] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x70];
const FORMATS: [AnalogDataFormat; 3] = [
    AnalogDataFormat::Unsigned,
    AnalogDataFormat::OnesComplement,
    AnalogDataFormat::TwosComplement,
];

fn combos() -> impl Iterator<Item = Conversion> {
    MS.into_iter().flat_map(|m| {
        BS.into_iter().flat_map(move |b| {
            K1S.into_iter().flat_map(move |b_exp| {
                K2S.into_iter().flat_map(move |r_exp| {
                    LINS.into_iter().flat_map(move |lin| {
                        FORMATS.into_iter().map(move |format| Conversion {
                            format,
                            linearization: Linearization::from_byte(lin),
                            m,
                            b,
                            b_exp,
                            r_exp,
                        })
                    })
                })
            })
        })
    })
}

#[test]
fn agrees_with_ipmitool_on_every_raw_value() {
    let mut exact = 0usize;
    let mut close = 0usize;
    let mut not_finite = 0usize;
    for c in combos() {
        let lin = c.linearization.to_byte();
        for raw in 0..=255u8 {
            let theirs = ipmitool_reading(
                c.m.into(),
                c.b.into(),
                c.b_exp.into(),
                c.r_exp.into(),
                c.format.bits(),
                lin,
                raw,
            );
            match c.to_value(raw) {
                Ok(ours) => {
                    assert!(theirs.is_finite(), "{c:?} raw {raw}: ipmitool {theirs}");
                    if matches!(
                        c.linearization,
                        Linearization::Linear | Linearization::NonLinear(_)
                    ) {
                        assert_eq!(ours.to_bits(), theirs.to_bits(), "{c:?} raw {raw}");
                        exact += 1;
                    } else {
                        let tol = 1e-12 * theirs.abs().max(1e-300);
                        assert!(
                            (ours - theirs).abs() <= tol,
                            "{c:?} raw {raw}: ours {ours} ipmitool {theirs}"
                        );
                        close += 1;
                    }
                    let f = c.to_value_f32(raw).unwrap();
                    assert_eq!(f, ours as f32);
                }
                Err(ConversionError::NotFinite) => {
                    assert!(!theirs.is_finite(), "{c:?} raw {raw}: ipmitool {theirs}");
                    not_finite += 1;
                }
                Err(e) => panic!("{c:?} raw {raw}: {e}"),
            }
        }
    }
    let total = exact + close + not_finite;
    eprintln!(
        "conversion vs ipmitool: {total} readings ({exact} bit-exact linear, {close} within 1e-12, {not_finite} non-finite on both sides)"
    );
    assert_eq!(total, 8 * 6 * 5 * 6 * 13 * 3 * 256);
}

#[test]
fn no_analog_and_reserved_linearization_are_errors() {
    let c = Conversion {
        format: AnalogDataFormat::NoAnalog,
        m: 1,
        ..Conversion::default()
    };
    assert_eq!(c.to_value(5), Err(ConversionError::NotAnalog));
    assert_eq!(c.to_raw(5.0), Err(ConversionError::NotAnalog));
    // ipmitool treats 0Ch–6Fh and bit 7 as linear; we refuse to guess.
    for lin in (0x0C..=0x6F).chain(0x80..=0xFF) {
        let c = Conversion {
            linearization: Linearization::from_byte(lin),
            m: 1,
            ..Conversion::default()
        };
        assert_eq!(
            c.to_value(5),
            Err(ConversionError::ReservedLinearization(lin))
        );
    }
    assert_eq!(
        Conversion::default().to_raw(f64::NAN),
        Err(ConversionError::NanValue)
    );
}

#[test]
fn value_to_raw_to_value_round_trips() {
    // Each reverse conversion tries all 256 raw readings, so a smaller grid than above.
    let grid = combos().filter(|c| {
        MS[..6].contains(&c.m)
            && BS[..2].contains(&c.b)
            && c.b_exp == 0
            && [-2, 0].contains(&c.r_exp)
    });
    let mut checked = 0usize;
    for c in grid {
        for raw in 0..=255u8 {
            let Ok(v) = c.to_value(raw) else { continue };
            let back = c.to_raw(v).unwrap();
            // The raw reading found converts to the same value (it is `raw` itself unless
            // several raw readings share the value, as with M = 0 or sqr of ±y).
            assert_eq!(c.to_value(back).unwrap(), v, "{c:?} raw {raw} -> {back}");
            if c.m != 0 && c.linearization == Linearization::Linear {
                // Distinct raw readings give distinct values except one's complement ±0.
                let zero_pair =
                    c.format == AnalogDataFormat::OnesComplement && (raw == 0 || raw == 0xFF);
                if !zero_pair {
                    assert_eq!(back, raw, "{c:?} raw {raw}");
                }
            }
            checked += 1;
        }
    }
    eprintln!("value -> raw -> value: {checked} round trips");
    assert!(checked > 150_000);
}

#[test]
fn value_to_raw_is_nearest_and_refuses_out_of_range() {
    // 12 V rail: 63 mV per count, unsigned.
    let c = Conversion {
        m: 63,
        r_exp: -3,
        ..Conversion::default()
    };
    assert_eq!(c.to_raw(12.0).unwrap(), 190); // 11.970 is nearer than 12.033
    assert_eq!(c.to_raw(12.02).unwrap(), 191);
    assert_eq!(c.to_raw(0.0).unwrap(), 0);
    assert_eq!(c.to_raw(16.065).unwrap(), 255);
    assert_eq!(c.to_raw(16.2), Err(ConversionError::OutOfRange));
    assert_eq!(c.to_raw(-0.1), Err(ConversionError::OutOfRange));

    // Against ipmitool's `sdr_convert_sensor_value_to_raw` (round half up of
    // ((v / 10^k2) - b·10^k1) / m) for in-range values: ours is never farther.
    for m in [1i16, 3, 63, 200] {
        for b in [0i16, -5, 30] {
            let c = Conversion {
                m,
                b,
                b_exp: 0,
                r_exp: -2,
                ..Conversion::default()
            };
            let lo = c.to_value(0).unwrap();
            let hi = c.to_value(255).unwrap();
            for i in 0..=1000 {
                let v = lo + (hi - lo) * f64::from(i) / 1000.0;
                let r = (v / 10f64.powi(-2) - f64::from(b)) / f64::from(m);
                let theirs = if r - r.trunc() >= 0.5 {
                    r.ceil() as u8
                } else {
                    r as u8
                };
                let ours = c.to_raw(v).unwrap();
                let d_ours = (c.to_value(ours).unwrap() - v).abs();
                let d_theirs = (c.to_value(theirs).unwrap() - v).abs();
                assert!(
                    d_ours <= d_theirs + 1e-12,
                    "m {m} b {b} v {v}: {ours} vs {theirs}"
                );
            }
        }
    }
}

#[test]
fn accuracy_tolerance_hysteresis() {
    let c = Conversion {
        m: 63,
        r_exp: -3,
        ..Conversion::default()
    };
    assert!((c.tolerance(4) - 0.126).abs() < 1e-12);
    assert!((c.hysteresis(2) - 0.126).abs() < 1e-12);
}
