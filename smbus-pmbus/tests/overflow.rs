//! Integer overflow and truncation at the edges of the public API: arguments at their type's
//! limits must give a right value or a typed error, never a panic (tests run with overflow
//! checks on) or a silently wrong number.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use smbus_pmbus::device::Description;
use smbus_pmbus::device::catalog::{self, Adm1272Config};
use smbus_pmbus::format::{Coefficients, EnergyDelta, IeeeHalf, Linear11, ULinear16, VidMode};

/// The DIRECT coefficient `(m, b, r)` as an exact rational `m · 10^r` compared with the ideal
/// `per_milliohm · shunt / 1000 · 10^r0`: relative error, in parts per million.
fn ppm_error(c: Coefficients, per_milliohm: i128, shunt_micro_ohm: u32, r0: i32) -> i128 {
    // Both sides as integers times 10^(shift) with shift large enough to be exact.
    let ideal = per_milliohm * i128::from(shunt_micro_ohm); // · 10^(r0 - 3)
    let got = i128::from(c.m); // · 10^r
    let (r, r0) = (i32::from(c.r), r0 - 3);
    let low = r.min(r0);
    let ideal = ideal * 10i128.pow((r0 - low).unsigned_abs());
    let got = got * 10i128.pow((r - low).unsigned_abs());
    (got - ideal).abs() * 1_000_000 / ideal
}

fn adm1272_all(shunt: u32) -> [(Description, i128, i128, i8); 4] {
    let cfg = |range_100v, sense_30mv| Adm1272Config {
        range_100v,
        sense_30mv,
        shunt_micro_ohm: shunt,
    };
    // (description, current per mΩ, power per mΩ, power R): ADM1272 datasheet values.
    [
        (catalog::adm1272(cfg(false, false)), 1326, 3512, -2),
        (catalog::adm1272(cfg(true, false)), 1326, 21071, -3),
        (catalog::adm1272(cfg(false, true)), 663, 17561, -3),
        (catalog::adm1272(cfg(true, true)), 663, 10535, -3),
    ]
}

/// A shunt large enough that `per_mΩ · shunt / 1000` passes `i32::MAX` used to saturate the
/// slope there before it was scaled into 16 bits: a 1 kΩ shunt in the 100 V / 15 mV range
/// gave power m = 21475, R = 2 (2.1475 × 10^6) instead of 21071, R = 3 (2.1071 × 10^7).
#[test]
fn large_shunt_coefficients_do_not_saturate() {
    let d = catalog::adm1272(Adm1272Config {
        range_100v: true,
        sense_30mv: false,
        shunt_micro_ohm: 1_000_000_000,
    });
    assert_eq!(
        d.direct.power,
        Some(Coefficients {
            m: 21071,
            b: 0,
            r: 3
        })
    );
    // 1326 · 4294967295 / 1000 = 5 695 126 633 (> i32::MAX): m 5695, b 20480 → 0, R −1 + 6.
    let d = catalog::adm1272(Adm1272Config {
        range_100v: false,
        sense_30mv: false,
        shunt_micro_ohm: u32::MAX,
    });
    assert_eq!(
        d.direct.iout,
        Some(Coefficients {
            m: 5695,
            b: 0,
            r: 5
        })
    );
    // ADM1275: 807 · 4294967295 / 1000 = 3 466 038 607 (> i32::MAX).
    let d = catalog::adm1275(true, u32::MAX, false);
    assert_eq!(
        d.direct.iout,
        Some(Coefficients {
            m: 3466,
            b: 0,
            r: 5
        })
    );
}

proptest! {
    /// For every shunt from 10 mΩ up (where m keeps at least four digits), the scaled slope
    /// stays within 0.05 % of the datasheet value per mΩ times the shunt.
    #[test]
    fn shunt_coefficients_track_the_shunt(shunt in 10_000u32..=u32::MAX) {
        for (d, i_per, p_per, p_r) in adm1272_all(shunt) {
            let i = d.direct.iout.unwrap();
            let p = d.direct.power.unwrap();
            prop_assert!(ppm_error(i, i_per, shunt, -1) <= 500, "iout {i:?} at {shunt}");
            prop_assert!(ppm_error(p, p_per, shunt, i32::from(p_r)) <= 500, "power {p:?} at {shunt}");
        }
        let i = catalog::adm1275(true, shunt, false).direct.iout.unwrap();
        prop_assert!(ppm_error(i, 807, shunt, -1) <= 500, "adm1275 {i:?} at {shunt}");
    }
}

const I16_EDGES: [i16; 6] = [i16::MIN, i16::MIN + 1, -1, 1, i16::MAX - 1, i16::MAX];
const I32_EDGES: [i32; 7] = [i32::MIN, -65_537, -1, 0, 1, 65_536, i32::MAX];
const I64_EDGES: [i64; 7] = [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX];

/// DIRECT conversions with every coefficient, Y, value and decimals at its limits: results or
/// typed errors, no panic.
#[test]
fn direct_edges_do_not_panic() {
    for m in I16_EDGES {
        for b in I16_EDGES {
            for r in [i8::MIN, -14, -13, -1, 0, 1, 13, 14, i8::MAX] {
                let c = Coefficients { m, b, r };
                for decimals in [0, 1, 9, 18, 19, u32::MAX] {
                    for y in I32_EDGES {
                        let _ = c.decode_y_scaled(y, decimals);
                        let _ = c.decode_y_f32(y);
                    }
                    for v in I64_EDGES {
                        let _ = c.encode_scaled(v, decimals);
                        let _ = c.encode_scaled_saturating(v, decimals);
                    }
                }
                for x in [
                    f32::MIN,
                    -1.0,
                    0.0,
                    f32::MIN_POSITIVE,
                    f32::MAX,
                    f32::INFINITY,
                ] {
                    let _ = c.encode_f32(x);
                    let _ = c.encode_f32_saturating(x);
                }
            }
        }
    }
}

/// Energy averages with the public fields at their limits.
#[test]
fn energy_edges_do_not_panic() {
    let coefficients = [
        Coefficients {
            m: 1,
            b: i16::MIN,
            r: -13,
        },
        Coefficients {
            m: i16::MIN,
            b: i16::MAX,
            r: 13,
        },
        Coefficients { m: -1, b: 0, r: 0 },
    ];
    for energy in [0, 1, u64::MAX - 1, u64::MAX] {
        for samples in [1, 2, u32::MAX - 1, u32::MAX] {
            let d = EnergyDelta { energy, samples };
            for decimals in [0, 18, 19] {
                let _ = d.average_raw_scaled(decimals);
                for c in &coefficients {
                    let _ = d.average_power_scaled(c, decimals);
                    let _ = d.average_power_f32(c);
                }
            }
            let _ = d.average_raw_f32();
        }
    }
    // The exact mean: (2^64 − 1) / 1 = 18446744073709551615 does not fit an i64.
    let d = EnergyDelta {
        energy: u64::MAX,
        samples: 1,
    };
    assert_eq!(d.average_raw_scaled(0), None);
    let d = EnergyDelta {
        energy: u64::MAX,
        samples: u32::MAX,
    };
    assert_eq!(d.average_raw_scaled(0), Some(4_294_967_297));
}

/// The binary formats and VID encoders with values and decimals at their limits.
#[test]
fn format_encoder_edges_do_not_panic() {
    let modes = [
        VidMode::Vr11,
        VidMode::Vr12,
        VidMode::Vr13_5mV,
        VidMode::Vr13_10mV,
        VidMode::Imvp9,
        VidMode::Amd625mV,
    ];
    for decimals in [0, 5, 6, 7, 18, 19, u32::MAX] {
        for v in I64_EDGES {
            let _ = Linear11::from_scaled(v, decimals);
            let _ = Linear11::from_scaled_saturating(v, decimals);
            let _ = IeeeHalf::from_scaled(v, decimals);
            let _ = IeeeHalf::from_scaled_saturating(v, decimals);
            for exponent in [i8::MIN, -16, 0, 15, i8::MAX] {
                let _ = ULinear16::from_scaled(v, decimals, exponent);
                let _ = ULinear16::from_scaled_saturating(v, decimals, exponent);
            }
            for mode in modes {
                let _ = mode.from_scaled(v, decimals);
            }
        }
    }
    for x in [
        f32::MIN,
        -1.0,
        -0.0,
        f32::MIN_POSITIVE,
        1e-45,
        f32::MAX,
        f32::NAN,
    ] {
        let _ = Linear11::from_f32(x);
        let _ = Linear11::from_f32_saturating(x);
        let _ = IeeeHalf::from_f32(x);
        let _ = IeeeHalf::from_f32_saturating(x);
        for exponent in [i8::MIN, -16, 0, 15, i8::MAX] {
            let _ = ULinear16::from_f32(x, exponent);
            let _ = ULinear16::from_f32_saturating(x, exponent);
        }
        for mode in modes {
            let _ = mode.from_f32_volts(x);
        }
    }
    for raw in [0, 1, 0x7FFF, 0x8000, u16::MAX] {
        for decimals in [0, 18, 19] {
            for exponent in [i8::MIN, -16, 15, i8::MAX] {
                let _ = ULinear16::new(raw, exponent).checked_to_scaled(decimals);
            }
            let _ = Linear11::from_raw(raw).checked_to_scaled(decimals);
            let _ = IeeeHalf::from_raw(raw).to_scaled(decimals);
        }
    }
}

/// The INA233 and hot-swap constructors with every argument at its limits.
#[test]
fn catalog_edges_do_not_panic() {
    for a in [0, 1, 1000, u32::MAX - 1, u32::MAX] {
        for b in [0, 1, 1000, u32::MAX - 1, u32::MAX] {
            let _ = catalog::ina233(a, b);
            let _ = catalog::adm1275(a % 2 == 0, b, true);
            let _ = adm1272_all(b);
        }
    }
}
