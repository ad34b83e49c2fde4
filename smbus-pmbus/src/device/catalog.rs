//! Real devices described as data, from their datasheets.
//!
//! | description | device | telemetry format |
//! |---|---|---|
//! | [`CRPS_PSU`] | a CRPS-style (Intel Common Redundant Power Supply) server PSU | LINEAR11, VOUT ULINEAR16 |
//! | [`adm1272`] / [`ADM1272`] | ADI ADM1272 hot-swap controller, 16–80 V | DIRECT, range- and shunt-dependent |
//! | [`adm1275`] / [`ADM1275`] | ADI ADM1275 hot-swap controller | DIRECT, range- and shunt-dependent |
//! | [`ina233`] / [`INA233`] | TI INA233 current and power monitor | DIRECT from the calibration |
//! | [`TPS546B24A`] | TI TPS546B24A 20 A buck regulator | LINEAR11, VOUT ULINEAR16 (VOUT_MODE 97h) |
//! | [`ISL68224`] | Renesas ISL68224 three-rail multiphase controller | DIRECT |
//!
//! Coefficients that depend on a board (the sense resistor, the chosen ranges, the INA233's
//! current LSB) come from `const fn`s, so a board's description is still computed at compile
//! time:
//!
//! ```
//! use smbus_pmbus::device::catalog::{adm1272, Adm1272Config};
//!
//! // 100 V range, 30 mV sense range, a 0.5 mΩ shunt.
//! const HSC: smbus_pmbus::device::Description =
//!     adm1272(Adm1272Config { range_100v: true, sense_30mv: true, shunt_micro_ohm: 500 });
//! assert_eq!(HSC.direct.iout.map(|c| c.m), Some(332)); // 663 per mΩ × 0.5 mΩ = 331.5, rounded
//! ```

use super::{
    Description, DeviceKind, DirectClass, DirectTable, Encoding, EnergyMeter, OptionalCommands,
    Quantity, Sensor, SetupWrite,
};
use crate::command::CommandCode;
use crate::format::Coefficients;

const fn coeff(m: i64, b: i64, r: i8) -> Coefficients {
    // Keep m within the 16 bits PMBus gives it (Part II §7.4): a large m (a big shunt) is
    // divided by 10 and R raised by one, which keeps X = (Y·10^-R − b)/m the same up to the
    // rounding of m and b (both rounded to nearest). m = 0 (a zero shunt) stays 0: decoding
    // then fails with a typed error instead of giving a number. Callers pass |m|, |b| below
    // 2^47 (a datasheet constant per mΩ times a u32 shunt / 1000), so at most 11 divisions
    // raise R from at least -3: no overflow of `div_round` or of R.
    let (mut m, mut b, mut r) = (m, b, r);
    while m > i16::MAX as i64 || m < i16::MIN as i64 || b > i16::MAX as i64 || b < i16::MIN as i64 {
        m = div_round(m, 10);
        b = div_round(b, 10);
        r += 1;
    }
    Coefficients {
        m: m as i16,
        b: b as i16,
        r,
    }
}

/// `n / d` rounded to nearest, ties away from zero (`d > 0`).
const fn div_round(n: i64, d: i64) -> i64 {
    if n >= 0 {
        (n + d / 2) / d
    } else {
        (n - d / 2) / d
    }
}

/// `per_milliohm · shunt[µΩ] / 1000`, rounded (a datasheet coefficient given per mΩ of sense
/// resistor, for the board's shunt). Not narrowed: `coeff` scales any size into 16 bits, so a
/// large shunt keeps its true slope (with per_milliohm below 2^15 and a `u32` shunt the product
/// is below 2^47).
const fn per_shunt(per_milliohm: i64, shunt_micro_ohm: u32) -> i64 {
    div_round(per_milliohm.saturating_mul(shunt_micro_ohm as i64), 1000)
}

/// `STATUS_*` sub-register bits for [`Description::status_registers`].
const VOUT: u16 = Description::status_bit(CommandCode::STATUS_VOUT);
const IOUT: u16 = Description::status_bit(CommandCode::STATUS_IOUT);
const INPUT: u16 = Description::status_bit(CommandCode::STATUS_INPUT);
const TEMPERATURE: u16 = Description::status_bit(CommandCode::STATUS_TEMPERATURE);
const CML: u16 = Description::status_bit(CommandCode::STATUS_CML);
const OTHER: u16 = Description::status_bit(CommandCode::STATUS_OTHER);
const MFR: u16 = Description::status_bit(CommandCode::STATUS_MFR_SPECIFIC);
const FANS_1_2: u16 = Description::status_bit(CommandCode::STATUS_FANS_1_2);

const fn linear(q: Quantity) -> Sensor {
    Sensor::new(q, Encoding::Linear11)
}

const fn direct(q: Quantity, class: DirectClass) -> Sensor {
    Sensor::new(q, Encoding::Direct(class))
}

const ADM1272_SENSORS: &[Sensor] = &[
    direct(Quantity::Vin, DirectClass::Vin),
    direct(Quantity::Vout, DirectClass::Vout),
    direct(Quantity::Iout, DirectClass::Iout),
    direct(Quantity::Pin, DirectClass::Power),
    direct(Quantity::Temperature1, DirectClass::Temperature),
];
const ADM1275_VOUT_SENSORS: &[Sensor] = &[
    direct(Quantity::Vout, DirectClass::Vout),
    direct(Quantity::Iout, DirectClass::Iout),
];
const ADM1275_VIN_SENSORS: &[Sensor] = &[
    direct(Quantity::Vin, DirectClass::Vin),
    direct(Quantity::Iout, DirectClass::Iout),
];
const INA233_SENSORS: &[Sensor] = &[
    direct(Quantity::Vin, DirectClass::Vin),
    direct(Quantity::Vout, DirectClass::Vout),
    direct(Quantity::Iin, DirectClass::Iin),
    direct(Quantity::Iout, DirectClass::Iout),
    direct(Quantity::Pin, DirectClass::Power),
];

/// A CRPS-style server power supply (Intel Common Redundant Power Supply class, as in the
/// Intel server-board technical product specifications): every reading LINEAR11 except
/// `READ_VOUT`, which is ULINEAR16 with the exponent in `VOUT_MODE` (typically 17h, 2⁻⁹ V).
///
/// Address: CRPS supplies answer at 58h/59h (B0h/B2h in 8-bit form) by slot; the blade-server
/// PSU of our field notes answers at 38h. The address is the driver's argument, not part of
/// the description.
///
/// Not described: `READ_EIN` (the CRPS power profile defines it in DIRECT format with
/// supply-specific coefficients) and PEC (supported by most CRPS supplies but not something we
/// could confirm for the class; turn it on with [`Smbus::with_config`](crate::smbus::Smbus::with_config)
/// and [`PmbusDevice::from_smbus`](super::PmbusDevice::from_smbus) when yours does).
pub const CRPS_PSU: Description = Description {
    name: "CRPS power supply",
    kind: DeviceKind::PowerSupply,
    pages: 1,
    sensors: &[
        linear(Quantity::Vin),
        linear(Quantity::Iin),
        linear(Quantity::Pin),
        Sensor::new(Quantity::Vout, Encoding::Vout),
        linear(Quantity::Iout),
        linear(Quantity::Pout),
        linear(Quantity::Temperature1),
        linear(Quantity::Temperature2),
        linear(Quantity::FanSpeed1),
    ],
    direct: DirectTable::NONE,
    vid: None,
    energy: None,
    status_registers: VOUT | IOUT | INPUT | TEMPERATURE | CML | FANS_1_2 | MFR,
    optional: OptionalCommands::QUERY
        .union(OptionalCommands::PMBUS_REVISION)
        .union(OptionalCommands::ON_OFF_CONFIG)
        .union(OptionalCommands::MFR_ID)
        .union(OptionalCommands::MFR_MODEL)
        .union(OptionalCommands::MFR_REVISION)
        .union(OptionalCommands::MFR_SERIAL),
    pec: false,
    setup: None,
};

/// The board-dependent settings of an ADM1272.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Adm1272Config {
    /// `PMON_CONFIG` VRANGE: `true` for the 0–100 V range, `false` for 0–60 V.
    pub range_100v: bool,
    /// `PMON_CONFIG` IRANGE: `true` for the 30 mV current-sense range, `false` for 15 mV.
    pub sense_30mv: bool,
    /// The sense resistor in µΩ (1000 for 1 mΩ).
    pub shunt_micro_ohm: u32,
}

/// The ADM1272 hot-swap controller (ADI), whose DIRECT coefficients depend on the voltage
/// range, the current-sense range and the shunt. The values are those of the datasheet's
/// direct-format table as Linux `adm1275.c` and QEMU's ADM1272 model carry them (we did not
/// have the datasheet text): V 6770 or 4062 with R −2; I 1326 or 663 per mΩ with b 20480, R −1;
/// P per range pair; temperature 42, b 31871, R −1. `READ_EIN` accumulates PIN samples and rolls over
/// after 7FFFh.
///
/// `init()` writes nothing: `PMON_CONFIG` (D4h) must enable VOUT and temperature sampling for
/// those readings to move (it is a board decision: write it through
/// [`PmbusDevice::smbus`](super::PmbusDevice::smbus)).
pub const fn adm1272(config: Adm1272Config) -> Description {
    let shunt = config.shunt_micro_ohm;
    let v = if config.range_100v {
        coeff(4062, 0, -2)
    } else {
        coeff(6770, 0, -2)
    };
    let i_per_mohm: i64 = if config.sense_30mv { 663 } else { 1326 };
    let (p_per_mohm, p_r): (i64, i8) = match (config.range_100v, config.sense_30mv) {
        (false, false) => (3512, -2),
        (true, false) => (21071, -3),
        (false, true) => (17561, -3),
        (true, true) => (10535, -3),
    };
    let i = coeff(per_shunt(i_per_mohm, shunt), 20480, -1);
    let p = coeff(per_shunt(p_per_mohm, shunt), 0, p_r);
    Description {
        name: "ADM1272",
        kind: DeviceKind::HotSwapController,
        pages: 1,
        sensors: ADM1272_SENSORS,
        direct: DirectTable {
            vin: Some(v),
            vout: Some(v),
            iin: None,
            iout: Some(i),
            power: Some(p),
            temperature: Some(coeff(42, 31871, -1)),
        },
        vid: None,
        energy: Some(EnergyMeter {
            command: CommandCode::READ_EIN,
            page: 0,
            accumulator_max: 0x7FFF,
            power: Encoding::Direct(DirectClass::Power),
        }),
        status_registers: VOUT | IOUT | INPUT | TEMPERATURE | CML | MFR,
        optional: OptionalCommands::PMBUS_REVISION
            .union(OptionalCommands::MFR_ID)
            .union(OptionalCommands::MFR_MODEL)
            .union(OptionalCommands::MFR_REVISION)
            .union(OptionalCommands::MFR_DATE),
        pec: true,
        setup: None,
    }
}

/// The ADM1272 as in the PMBus reference vectors: 100 V range, 30 mV sense range, 1 mΩ.
pub const ADM1272: Description = adm1272(Adm1272Config {
    range_100v: true,
    sense_30mv: true,
    shunt_micro_ohm: 1000,
});

/// The ADM1275 hot-swap controller (ADI): voltage 19199/R −2 (20 V range) or 6720/R −1 (6 V
/// range), current 807 per mΩ with b 20475, R −1 (ADM1275 datasheet, Table 9). It measures
/// either VIN or VOUT (`PMON_CONFIG` bit 6): `monitor_vout` picks which one the description
/// lists. It has no power reading and no energy meter.
pub const fn adm1275(range_20v: bool, shunt_micro_ohm: u32, monitor_vout: bool) -> Description {
    let v = if range_20v {
        coeff(19199, 0, -2)
    } else {
        coeff(6720, 0, -1)
    };
    let i = coeff(per_shunt(807, shunt_micro_ohm), 20475, -1);
    Description {
        name: "ADM1275",
        kind: DeviceKind::HotSwapController,
        pages: 1,
        sensors: if monitor_vout {
            ADM1275_VOUT_SENSORS
        } else {
            ADM1275_VIN_SENSORS
        },
        direct: DirectTable {
            vin: Some(v),
            vout: Some(v),
            iin: None,
            iout: Some(i),
            power: None,
            temperature: None,
        },
        vid: None,
        energy: None,
        status_registers: VOUT | IOUT | INPUT | CML | MFR,
        optional: OptionalCommands::PMBUS_REVISION
            .union(OptionalCommands::MFR_ID)
            .union(OptionalCommands::MFR_MODEL),
        pec: true,
        setup: None,
    }
}

/// The ADM1275 in its 20 V range with a 1 mΩ shunt, monitoring VIN.
pub const ADM1275: Description = adm1275(true, 1000, false);

/// The INA233 current and power monitor (TI): bus voltage m 8, R 2 (1.25 mV); current and
/// power from the calibration (INA233 datasheet, "Programming the calibration register":
/// `MFR_CALIBRATION` = 0.00512 / (Current_LSB · R_shunt)). `init()` writes the calibration.
/// `READ_EIN` accumulates power samples and rolls over after FFFFh.
///
/// The coefficients are derived from the calibration actually written, not from the requested
/// LSB, so they always match what the device measures: the calibration is the datasheet's
/// formula truncated, then kept within 1..=7FFFh (a requested LSB too small for the shunt gives
/// 7FFFh and a coarser real LSB; the coefficients follow). Current: m·10^R = CAL · R_shunt (µΩ) /
/// 5120 counts per ampere; power: 1/25 of that per watt. They are written with as many
/// significant digits as fit 16 bits, so the 1 mA example reads m = 10000, R = −1 where the
/// datasheet writes m = 1000, R = 0: the same scale.
pub const fn ina233(current_lsb_micro_amp: u32, shunt_micro_ohm: u32) -> Description {
    let lsb = if current_lsb_micro_amp == 0 {
        1
    } else {
        current_lsb_micro_amp as i64
    };
    let shunt = if shunt_micro_ohm == 0 {
        1
    } else {
        shunt_micro_ohm as i64
    };
    // 0.00512 / (lsb[A] · shunt[Ω]) = 5_120_000_000 / (lsb[µA] · shunt[µΩ]) (datasheet eq. 2).
    let cal = 5_120_000_000i64 / lsb.saturating_mul(shunt);
    let cal = if cal > 0x7FFF {
        0x7FFF
    } else if cal < 1 {
        1
    } else {
        cal
    };
    // Counts per ampere = CAL · shunt[µΩ] / 5120; per watt, / 128000 (= 5120 · 25).
    let per_amp = cal * shunt;
    Description {
        name: "INA233",
        kind: DeviceKind::PowerMonitor,
        pages: 1,
        sensors: INA233_SENSORS,
        direct: DirectTable {
            vin: Some(coeff(8, 0, 2)),
            vout: Some(coeff(8, 0, 2)),
            iin: Some(ratio_coefficients(per_amp, 5120)),
            iout: Some(ratio_coefficients(per_amp, 5120)),
            power: Some(ratio_coefficients(per_amp, 128_000)),
            temperature: None,
        },
        vid: None,
        energy: Some(EnergyMeter {
            command: CommandCode::READ_EIN,
            page: 0,
            accumulator_max: 0xFFFF,
            power: Encoding::Direct(DirectClass::Power),
        }),
        status_registers: IOUT | INPUT | CML | MFR,
        optional: OptionalCommands::PMBUS_REVISION
            .union(OptionalCommands::MFR_ID)
            .union(OptionalCommands::MFR_MODEL)
            .union(OptionalCommands::MFR_REVISION),
        pec: true,
        setup: Some(SetupWrite {
            command: CommandCode(0xD4),
            word: cal as u16,
        }),
    }
}

/// The INA233 with a 2 mΩ shunt and a 1 mA current LSB (calibration 2560, the datasheet's and
/// Linux's default example).
pub const INA233: Description = ina233(1000, 2000);

/// DIRECT coefficients with b = 0 and m·10^R = `num / den` (`num ≥ 1`, `den ≥ 1`), m holding as
/// many significant digits as fit 16 bits, rounded to nearest.
const fn ratio_coefficients(num: i64, den: i64) -> Coefficients {
    let mut r: i8 = 0;
    let mut num = num;
    // Scale up while the quotient has fewer than 4 digits (and the product stays in range).
    while num / den < 3277 && r > -12 {
        match num.checked_mul(10) {
            Some(n) => num = n,
            None => break,
        }
        r -= 1;
    }
    let mut m = div_round(num, den);
    while m > i16::MAX as i64 {
        m = div_round(m, 10);
        r += 1;
    }
    Coefficients {
        m: m as i16,
        b: 0,
        r,
    }
}

/// The TPS546B24A 20 A stackable buck regulator (TI): VIN, IOUT and temperature in LINEAR11,
/// VOUT in ULINEAR16 with `VOUT_MODE` 97h by default (relative bit set, exponent −9, about
/// 1.95 mV per count). One page; stacked phases are selected with `PHASE` (04h).
pub const TPS546B24A: Description = Description {
    name: "TPS546B24A",
    kind: DeviceKind::Regulator,
    pages: 1,
    sensors: &[
        linear(Quantity::Vin),
        Sensor::new(Quantity::Vout, Encoding::Vout),
        linear(Quantity::Iout),
        linear(Quantity::Temperature1),
    ],
    direct: DirectTable::NONE,
    vid: None,
    energy: None,
    status_registers: VOUT | IOUT | TEMPERATURE | CML | MFR,
    optional: OptionalCommands::PMBUS_REVISION
        .union(OptionalCommands::WRITE_PROTECT)
        .union(OptionalCommands::ON_OFF_CONFIG)
        .union(OptionalCommands::MFR_ID)
        .union(OptionalCommands::MFR_MODEL)
        .union(OptionalCommands::MFR_REVISION),
    pec: true,
    setup: None,
};

/// The ISL68224 three-rail digital multiphase controller (Renesas): every reading in DIRECT
/// with m = 1, b = 0 (VIN and IIN 10 mV/10 mA: R 2; VOUT 1 mV: R 3; IOUT 100 mA: R 1; power
/// 1 W and temperature 1 °C: R 0). `VOUT_MODE` reads 40h (DIRECT). Page 0 has VIN and three
/// temperatures; pages 1 and 2 have no VIN and temperatures 1 and 3.
pub const ISL68224: Description = Description {
    name: "ISL68224",
    kind: DeviceKind::Regulator,
    pages: 3,
    sensors: &[
        direct(Quantity::Vin, DirectClass::Vin),
        direct(Quantity::Iin, DirectClass::Iin),
        direct(Quantity::Pin, DirectClass::Power),
        Sensor::new(Quantity::Vout, Encoding::Vout),
        direct(Quantity::Iout, DirectClass::Iout),
        direct(Quantity::Pout, DirectClass::Power),
        direct(Quantity::Temperature1, DirectClass::Temperature),
        direct(Quantity::Temperature2, DirectClass::Temperature),
        direct(Quantity::Temperature3, DirectClass::Temperature),
        direct(Quantity::Iin, DirectClass::Iin).on_page(1),
        direct(Quantity::Pin, DirectClass::Power).on_page(1),
        Sensor::new(Quantity::Vout, Encoding::Vout).on_page(1),
        direct(Quantity::Iout, DirectClass::Iout).on_page(1),
        direct(Quantity::Pout, DirectClass::Power).on_page(1),
        direct(Quantity::Temperature1, DirectClass::Temperature).on_page(1),
        direct(Quantity::Temperature3, DirectClass::Temperature).on_page(1),
        direct(Quantity::Iin, DirectClass::Iin).on_page(2),
        direct(Quantity::Pin, DirectClass::Power).on_page(2),
        Sensor::new(Quantity::Vout, Encoding::Vout).on_page(2),
        direct(Quantity::Iout, DirectClass::Iout).on_page(2),
        direct(Quantity::Pout, DirectClass::Power).on_page(2),
        direct(Quantity::Temperature1, DirectClass::Temperature).on_page(2),
        direct(Quantity::Temperature3, DirectClass::Temperature).on_page(2),
    ],
    direct: DirectTable {
        vin: Some(coeff(1, 0, 2)),
        vout: Some(coeff(1, 0, 3)),
        iin: Some(coeff(1, 0, 2)),
        iout: Some(coeff(1, 0, 1)),
        power: Some(coeff(1, 0, 0)),
        temperature: Some(coeff(1, 0, 0)),
    },
    vid: None,
    energy: None,
    status_registers: VOUT | IOUT | INPUT | TEMPERATURE | CML | OTHER | MFR,
    optional: OptionalCommands::PMBUS_REVISION,
    pec: true,
    setup: None,
};

/// Every description above (with the default board settings), for tools that list what they
/// know.
pub const ALL: [Description; 6] = [CRPS_PSU, ADM1272, ADM1275, INA233, TPS546B24A, ISL68224];

/// The short names tools use for the descriptions in [`ALL`], in the same order.
pub const NAMES: [&str; 6] = [
    "crps",
    "adm1272",
    "adm1275",
    "ina233",
    "tps546b24a",
    "isl68224",
];

/// The description with this short name (see [`NAMES`]), compared without regard to ASCII case.
///
/// ```
/// use smbus_pmbus::device::catalog;
/// assert_eq!(catalog::by_name("ADM1272").map(|d| d.name), Some("ADM1272"));
/// assert!(catalog::by_name("lm25066").is_none());
/// ```
pub fn by_name(name: &str) -> Option<Description> {
    NAMES
        .iter()
        .zip(ALL)
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, d)| d)
}
