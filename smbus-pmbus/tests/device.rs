//! The device layer against embedded-hal-mock: the datasheet and reference vectors of each
//! described device read through the driver, paging, status, output control with
//! WRITE_PROTECT/ON_OFF_CONFIG, probing without a CML residue, identity and energy.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;
use support::crc8;

use embedded_hal::i2c::{ErrorKind, NoAcknowledgeSource};
use embedded_hal_mock::eh1::i2c::{Mock, Transaction as T};
use smbus_pmbus::command::{CommandCode, Operation, WriteProtect};
use smbus_pmbus::device::catalog::{self, Adm1272Config};
use smbus_pmbus::device::{
    Description, DeviceError, MAX_READINGS, Psu, Quantity, Regulator, Sensor, Support,
};
use smbus_pmbus::format::EnergyCounter;
use smbus_pmbus::status::{ClearFaults, IpmiPsuOffset, StatusWord};

const NACK: ErrorKind = ErrorKind::NoAcknowledge(NoAcknowledgeSource::Address);

/// A read of `cmd` answered with `data`, plus the PEC byte when `pec`.
fn rd(addr: u8, cmd: u8, data: &[u8], pec: bool) -> T {
    let mut answer = data.to_vec();
    if pec {
        let mut all = vec![addr << 1, cmd, (addr << 1) | 1];
        all.extend_from_slice(data);
        answer.push(crc8(&all));
    }
    T::write_read(addr, vec![cmd], answer)
}

/// A write of `cmd` with `data`, plus the PEC byte when `pec`.
fn wr(addr: u8, cmd: u8, data: &[u8], pec: bool) -> T {
    let mut bytes = vec![cmd];
    bytes.extend_from_slice(data);
    if pec {
        let mut all = vec![addr << 1];
        all.extend_from_slice(&bytes);
        bytes.push(crc8(&all));
    }
    T::write(addr, bytes)
}

fn word(addr: u8, cmd: u8, raw: u16, pec: bool) -> T {
    rd(addr, cmd, &raw.to_le_bytes(), pec)
}

/// REFERENCE.md's ADM1272 vectors (100 V range, 30 mV sense, 1 mΩ), through the driver with PEC.
#[test]
fn adm1272_reference_vectors() {
    let a = 0x10;
    let mut i2c = Mock::new(&[
        word(a, 0x88, 0x076D, true),
        word(a, 0x8C, 0x0824, true),
        word(a, 0x97, 0x0110, true),
        word(a, 0x8B, 0x0851, true),
        word(a, 0x8D, 0x0CDC, true),
    ]);
    let mut hsc = Psu::new(i2c.clone(), a, catalog::ADM1272);
    let vin = hsc.read(Quantity::Vin, 0).unwrap();
    assert_eq!(vin.milli(), Some(46_800));
    assert!((vin.to_f32().unwrap() - 46.7996).abs() < 1e-3);
    let iout = hsc.read(Quantity::Iout, 0).unwrap();
    assert_eq!(iout.micro(), Some(542_986));
    let pin = hsc.read(Quantity::Pin, 0).unwrap();
    assert_eq!(pin.milli(), Some(25_819));
    assert_eq!(pin.to_string(), "25.819 W");
    // oxide's READ_VOUT vector: 0851h → 52.412605 V.
    assert_eq!(
        hsc.read(Quantity::Vout, 0).unwrap().micro(),
        Some(52_412_605)
    );
    // Temperature: (3292·10 − 31871)/42 = 24.976 °C.
    assert_eq!(
        hsc.read(Quantity::Temperature1, 0).unwrap().milli(),
        Some(24_976)
    );
    i2c.done();
}

/// The 60 V / 15 mV ADM1272 configuration and a 2 mΩ shunt: m grows past 16 bits for power
/// (21071·2 = 42142) and is rescaled without changing the value beyond m's rounding.
#[test]
fn adm1272_other_ranges() {
    let d = catalog::adm1272(Adm1272Config {
        range_100v: true,
        sense_30mv: false,
        shunt_micro_ohm: 2000,
    });
    let p = d.direct.power.unwrap();
    assert_eq!((p.m, p.b, p.r), (4214, 0, -2));
    let i = d.direct.iout.unwrap();
    assert_eq!((i.m, i.b, i.r), (2652, 20480, -1));
    let d60 = catalog::adm1272(Adm1272Config {
        range_100v: false,
        sense_30mv: false,
        shunt_micro_ohm: 1000,
    });
    assert_eq!(d60.direct.vin.map(|c| c.m), Some(6770));
    // 076Dh in the 60 V range is 28.0798 V.
    let f = d60
        .format(
            smbus_pmbus::device::Encoding::Direct(smbus_pmbus::device::DirectClass::Vin),
            None,
        )
        .unwrap();
    assert_eq!(f.decode_scaled(0x076D, 4), Some(280_798));
}

/// ADM1275 datasheet example: READ_IOUT 3339 with a 1 mΩ shunt is 16.00 A.
#[test]
fn adm1275_datasheet_current() {
    let a = 0x11;
    let mut i2c = Mock::new(&[word(a, 0x8C, 3339, true)]);
    let mut hsc = Psu::new(i2c.clone(), a, catalog::ADM1275);
    assert_eq!(hsc.read(Quantity::Iout, 0).unwrap().scaled(2), Some(1600));
    // The datasheet's limit example: 10 A at 2 mΩ encodes to 3662.
    let two_mohm = catalog::adm1275(true, 2000, false);
    assert_eq!(two_mohm.direct.iout.unwrap().encode_milli(10_000), Ok(3662));
    assert!(matches!(
        hsc.read(Quantity::Pin, 0),
        Err(DeviceError::NoSuchSensor {
            quantity: Quantity::Pin,
            page: 0
        })
    ));
    i2c.done();
}

/// TPS546B24A: VOUT_MODE 97h (relative, 2^-9) and the READ_ALL example values.
#[test]
fn tps546b24a_vectors() {
    let a = 0x24;
    let mut i2c = Mock::new(&[
        word(a, 0x88, 0xD2FE, true),
        rd(a, 0x20, &[0x97], true),
        word(a, 0x8B, 0x0263, true),
        word(a, 0x8C, 0xADEE, true),
        word(a, 0x8D, 0xDBD8, true),
    ]);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::TPS546B24A);
    let t = vr.telemetry().unwrap();
    assert_eq!(t.len(), 4);
    assert_eq!(t.get(Quantity::Vin, 0).unwrap().micro(), Some(11_968_750));
    assert_eq!(t.get(Quantity::Vout, 0).unwrap().micro(), Some(1_193_359));
    assert_eq!(t.get(Quantity::Iout, 0).unwrap().micro(), Some(-258_789));
    assert_eq!(
        t.get(Quantity::Temperature1, 0).unwrap().milli(),
        Some(30_750)
    );
    i2c.done();
}

/// ISL68224: three pages of DIRECT telemetry; PAGE is written only when it changes and
/// VOUT_MODE (40h, DIRECT) is read once per page.
#[test]
fn isl68224_paged_poll() {
    let a = 0x60;
    let mut expected = vec![
        wr(a, 0x00, &[0], true),
        word(a, 0x88, 0x04A9, true),
        word(a, 0x89, 100, true),
        word(a, 0x97, 12, true),
        rd(a, 0x20, &[0x40], true),
        word(a, 0x8B, 1800, true),
        word(a, 0x8C, 0xFFFF, true),
        word(a, 0x96, 11, true),
        word(a, 0x8D, 40, true),
        word(a, 0x8E, 41, true),
        word(a, 0x8F, 42, true),
    ];
    for page in 1..3u8 {
        expected.push(wr(a, 0x00, &[page], true));
        expected.push(word(a, 0x89, 50, true));
        expected.push(word(a, 0x97, 6, true));
        expected.push(rd(a, 0x20, &[0x40], true));
        expected.push(word(a, 0x8B, 1100, true));
        expected.push(word(a, 0x8C, 123, true));
        expected.push(word(a, 0x96, 5, true));
        expected.push(word(a, 0x8D, 38, true));
        expected.push(word(a, 0x8F, 39, true));
    }
    let mut i2c = Mock::new(&expected);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::ISL68224);
    let t = vr.telemetry().unwrap();
    assert_eq!(t.len(), 23);
    assert_eq!(t.get(Quantity::Vin, 0).unwrap().milli(), Some(11_930)); // oxide's vector
    assert_eq!(t.get(Quantity::Vout, 0).unwrap().milli(), Some(1_800));
    assert_eq!(t.get(Quantity::Iout, 0).unwrap().milli(), Some(-100)); // FFFFh is −1 count
    assert_eq!(t.get(Quantity::Vout, 2).unwrap().milli(), Some(1_100));
    assert_eq!(t.get(Quantity::Iout, 1).unwrap().milli(), Some(12_300));
    assert!(t.get(Quantity::Vin, 1).is_none());
    i2c.done();
    // A fourth page does not exist.
    let mut i2c = Mock::new(&[]);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::ISL68224);
    assert!(matches!(
        vr.set_page(3),
        Err(DeviceError::NoSuchPage { page: 3 })
    ));
    i2c.done();
}

/// INA233: init writes the calibration (2560 for 1 mA / 2 mΩ), current and power decode with
/// the derived coefficients, and READ_EIN rolls over after FFFFh.
#[test]
fn ina233_calibration_and_energy() {
    let a = 0x40;
    let mut i2c = Mock::new(&[
        wr(a, 0xD4, &2560u16.to_le_bytes(), true),
        word(a, 0x89, 15_000, true),
        word(a, 0x97, 400, true),
        rd(a, 0x86, &[6, 0xF0, 0xFF, 0x01, 0x10, 0x00, 0x00], true),
        rd(a, 0x86, &[6, 0x10, 0x00, 0x02, 0x20, 0x00, 0x00], true),
    ]);
    let mut mon = Psu::new(i2c.clone(), a, catalog::INA233);
    mon.init().unwrap();
    assert_eq!(mon.read(Quantity::Iin, 0).unwrap().milli(), Some(15_000)); // 1 mA per count
    assert_eq!(mon.read(Quantity::Pin, 0).unwrap().milli(), Some(10_000)); // 25 mW per count
    let first = mon.energy().unwrap();
    let second = mon.energy().unwrap();
    assert_eq!(
        (first.accumulator, first.rollover, first.samples),
        (0xFFF0, 1, 16)
    );
    let counter = EnergyCounter::new(0xFFFF);
    let delta = counter.delta(&first, &second).unwrap();
    // (2·65536 + 16) − (1·65536 + 65520) = 32 raw power units over 16 samples.
    assert_eq!((delta.energy, delta.samples), (32, 16));
    // TI's 0.75 mA example gives current m = 13333 R −1 and power m = 5333 R −2 from the LSB.
    // The calibration written is 3413 (5.12e9 / (750 · 2000) = 3413.3, truncated), whose real
    // LSB is 0.75007 mA: 1333.2 counts per ampere, so our m is 13332.
    let d = catalog::ina233(750, 2000);
    assert_eq!(d.setup.map(|s| s.word), Some(3413));
    assert_eq!(d.direct.iout.map(|c| (c.m, c.r)), Some((13332, -1)));
    assert_eq!(d.direct.power.map(|c| (c.m, c.r)), Some((5333, -2)));
    i2c.done();
}

/// A CRPS PSU at the field notes' address 38h: a full poll in LINEAR11 with VOUT from VOUT_MODE.
#[test]
fn crps_full_poll() {
    let a = 0x38;
    let mut i2c = Mock::new(&[
        word(a, 0x88, 0xF39C, false), // 231 V
        word(a, 0x89, 0xABC0, false), // 960 · 2^-11 = 0.46875 A
        word(a, 0x97, 0x0870, false), // 112 · 2^1 = 224 W
        rd(a, 0x20, &[0x17], false),
        word(a, 0x8B, 0x1807, false), // 6151 · 2^-9 = 12.0137 V
        word(a, 0x8C, 0xD300, false), // 768 · 2^-6 = 12 A
        word(a, 0x96, 0x0850, false), // 80 · 2 = 160 W
        word(a, 0x8D, 0xE2A0, false), // 672 · 2^-4 = 42 °C
        word(a, 0x8E, 0xE320, false), // 800 · 2^-4 = 50 °C
        word(a, 0x90, 0x1B66, false), // 870 · 2^3 = 6960 RPM
    ]);
    let mut psu = Psu::new(i2c.clone(), a, catalog::CRPS_PSU);
    let t = psu.telemetry().unwrap();
    let milli: Vec<_> = t.iter().map(|r| (r.quantity, r.milli().unwrap())).collect();
    assert_eq!(
        milli,
        [
            (Quantity::Vin, 231_000),
            (Quantity::Iin, 469),
            (Quantity::Pin, 224_000),
            (Quantity::Vout, 12_014),
            (Quantity::Iout, 12_000),
            (Quantity::Pout, 160_000),
            (Quantity::Temperature1, 42_000),
            (Quantity::Temperature2, 50_000),
            (Quantity::FanSpeed1, 6_960_000),
        ]
    );
    i2c.done();
}

/// STATUS_WORD points at STATUS_INPUT and STATUS_TEMPERATURE; both are read, nothing else; the
/// snapshot maps to the IPMI offsets a BMC logs.
#[test]
fn status_snapshot_reads_what_the_word_points_at() {
    let a = 0x58;
    // INPUT (bit 13) + TEMPERATURE (bit 2) + VIN_UV_FAULT (bit 3) + OFF (bit 6).
    let w = (1 << 13) | (1 << 2) | (1 << 3) | (1 << 6);
    let mut i2c = Mock::new(&[
        word(a, 0x79, w, false),
        rd(a, 0x7C, &[0x18], false), // VIN_UV_FAULT + UNIT_OFF_LOW_INPUT
        rd(a, 0x7D, &[0x40], false), // OT_WARNING
    ]);
    let mut psu = Psu::new(i2c.clone(), a, catalog::CRPS_PSU);
    let s = psu.status(0).unwrap();
    assert_eq!(s.word, StatusWord::from_bits_retain(w));
    assert_eq!(s.input.map(|v| v.bits()), Some(0x18));
    assert_eq!(s.temperature.map(|v| v.bits()), Some(0x40));
    let offsets: Vec<_> = s.ipmi_offsets().iter().collect();
    assert!(offsets.contains(&IpmiPsuOffset::InputLost), "{offsets:?}");
    assert!(
        offsets.contains(&IpmiPsuOffset::PredictiveFailure),
        "{offsets:?}"
    );
    i2c.done();
}

/// OPERATION writes on a TPS546B24A (which has WRITE_PROTECT and ON_OFF_CONFIG), with PEC.
#[test]
fn set_output_honours_write_protect_and_on_off_config() {
    let a = 0x24;
    // ON_OFF_CONFIG 18h (PU + CMD) obeys OPERATION, but WRITE_PROTECT 80h forbids it: nothing
    // is written.
    let mut i2c = Mock::new(&[rd(a, 0x02, &[0x18], true), rd(a, 0x10, &[0x80], true)]);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::TPS546B24A);
    match vr.set_output(0, false) {
        Err(DeviceError::WriteProtected { command, level }) => {
            assert_eq!(command, CommandCode::OPERATION);
            assert_eq!(level, WriteProtect::from_bits(0x80));
        }
        other => panic!("{other:?}"),
    }
    i2c.done();
    // ON_OFF_CONFIG 16h (CONTROL pin only, CMD clear): on/off is refused, nothing written…
    let mut i2c = Mock::new(&[
        rd(a, 0x02, &[0x16], true),
        // …but a margin change goes through (CMD governs only the on/off bit).
        rd(a, 0x10, &[0x00], true),
        wr(a, 0x01, &[0xA8], true),
    ]);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::TPS546B24A);
    assert!(matches!(
        vr.set_output(0, true),
        Err(DeviceError::OperationIgnored { .. })
    ));
    vr.write_operation(0, Operation(0xA8)).unwrap();
    i2c.done();
    // WRITE_PROTECT 40h still allows OPERATION; ON_OFF_CONFIG 18h obeys it.
    let mut i2c = Mock::new(&[
        rd(a, 0x02, &[0x18], true),
        rd(a, 0x10, &[0x40], true),
        wr(a, 0x01, &[0x80], true),
    ]);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::TPS546B24A);
    vr.set_output(0, true).unwrap();
    i2c.done();
    // A CRPS PSU lists ON_OFF_CONFIG but not WRITE_PROTECT: WRITE_PROTECT is never read.
    let mut i2c = Mock::new(&[
        rd(0x58, 0x02, &[0x1A], false),
        wr(0x58, 0x01, &[0x00], false),
    ]);
    let mut psu = Psu::new(i2c.clone(), 0x58, catalog::CRPS_PSU);
    psu.set_output(0, false).unwrap();
    i2c.done();
}

/// OPERATION goes to the page asked for, whatever page an earlier poll left selected.
#[test]
fn output_control_selects_its_page() {
    let a = 0x60;
    let mut i2c = Mock::new(&[
        wr(a, 0x00, &[2], true),
        word(a, 0x96, 5, true),
        wr(a, 0x00, &[0], true),
        wr(a, 0x01, &[0x00], true),
        T::write(a, vec![0x03, crc8(&[a << 1, 0x03])]),
    ]);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::ISL68224);
    vr.read(Quantity::Pout, 2).unwrap();
    vr.set_output(0, false).unwrap();
    vr.clear_faults(0, ClearFaults::All).unwrap();
    i2c.done();
}

/// Probing: QUERY answers for itself when the description lists it; otherwise the probe
/// reads the command, sees the CML fault it raised and clears exactly that bit (PMBus 1.3:
/// write-1-to-clear).
#[test]
fn probe_leaves_no_cml_fault() {
    let a = 0x58;
    let mut i2c = Mock::new(&[
        T::write_read(a, vec![0x1A, 0x01, 0x88], vec![0x01, 0xB0]), // QUERY: supported, readable
    ]);
    let mut psu = Psu::new(i2c.clone(), a, catalog::CRPS_PSU);
    let p = psu.probe(CommandCode::READ_VIN).unwrap();
    assert_eq!((p.support, p.cleared_cml), (Support::Supported, false));
    assert_eq!(p.query.map(|q| q.readable()), Some(true));
    i2c.done();

    let mut i2c = Mock::new(&[
        T::write_read(a, vec![0x1A, 0x01, 0x8A], vec![0, 0]).with_error(NACK), // no QUERY after all
        rd(a, 0x7E, &[0x00], false),
        word(a, 0x8A, 0xFFFF, false), // READ_VCAP "answers" with junk…
        rd(a, 0x7E, &[0x80], false),  // …and latches INVALID_COMMAND
        rd(a, 0x98, &[0x33], false),  // PMBus 1.3
        wr(a, 0x7E, &[0x80], false),  // clear exactly that bit
    ]);
    let mut psu = Psu::new(i2c.clone(), a, catalog::CRPS_PSU);
    let p = psu.probe(CommandCode::READ_VCAP).unwrap();
    assert_eq!(
        (p.support, p.cleared_cml, p.left_cml),
        (Support::Unsupported, true, false)
    );
    assert!(p.query.is_none());
    i2c.done();
}

/// The review's case: a PMBus 1.1 device (no write-1-to-clear) whose output is simply off.
/// OFF and POWER_GOOD# are conditions, so CLEAR_FAULTS is allowed and the probe says
/// "unsupported"; with a real fault latched it leaves CML and says so; with the bit already
/// latched before, it cannot tell.
#[test]
fn probe_on_old_devices() {
    let a = 0x40;
    let desc = catalog::ADM1275; // PMBUS_REVISION listed, no QUERY
    let mut i2c = Mock::new(&[
        rd(a, 0x7E, &[0x00], true),
        word(a, 0x8A, 0xFFFF, true),
        rd(a, 0x7E, &[0x80], true),
        rd(a, 0x98, &[0x11], true),  // PMBus 1.1
        word(a, 0x79, 0x0842, true), // POWER_GOOD#, OFF, CML
        T::write(a, vec![0x03, crc8(&[a << 1, 0x03])]),
    ]);
    let mut hsc = Psu::new(i2c.clone(), a, desc);
    let p = hsc.probe(CommandCode::READ_VCAP).unwrap();
    assert_eq!(
        (p.support, p.cleared_cml, p.left_cml),
        (Support::Unsupported, true, false)
    );
    i2c.done();

    // Same, with VIN_UV_FAULT latched: CLEAR_FAULTS would erase it, so the CML bit stays.
    let mut i2c = Mock::new(&[
        rd(a, 0x7E, &[0x00], true),
        word(a, 0x8A, 0xFFFF, true),
        rd(a, 0x7E, &[0x80], true),
        rd(a, 0x98, &[0x11], true),
        word(a, 0x79, 0x0852, true), // + VIN_UV_FAULT
    ]);
    let mut hsc = Psu::new(i2c.clone(), a, desc);
    let p = hsc.probe(CommandCode::READ_VCAP).unwrap();
    assert_eq!(
        (p.support, p.cleared_cml, p.left_cml),
        (Support::Unsupported, false, true)
    );
    i2c.done();

    // INVALID_COMMAND already latched before the probe: an answer proves nothing.
    let mut i2c = Mock::new(&[
        rd(a, 0x7E, &[0x80], true),
        word(a, 0x8A, 0x1234, true),
        rd(a, 0x7E, &[0x80], true),
    ]);
    let mut hsc = Psu::new(i2c.clone(), a, desc);
    assert_eq!(
        hsc.probe(CommandCode::READ_VCAP).unwrap().support,
        Support::Unknown
    );
    i2c.done();
}

/// Identity reads only the strings the description lists; a long string is kept truncated
/// and says so.
#[test]
fn identity_strings_and_missing_ones() {
    let a = 0x58;
    let block = |text: &[u8]| {
        let mut v = vec![u8::try_from(text.len()).unwrap()];
        v.extend_from_slice(text);
        v.resize(256, 0xFF);
        v
    };
    let long = [b'X'; 40];
    let mut i2c = Mock::new(&[
        rd(a, 0x98, &[0x22], false),
        T::write_read(a, vec![0x99], block(b"ACME ")),
        T::write_read(a, vec![0x9A], block(&long)),
        T::write_read(a, vec![0x9B], vec![0; 256]).with_error(NACK),
        // CRPS lists neither MFR_LOCATION nor MFR_DATE: they are not read.
        T::write_read(a, vec![0x9E], block(b"SN\x01\x02")),
    ]);
    let mut psu = Psu::new(i2c.clone(), a, catalog::CRPS_PSU);
    let id = psu.identity().unwrap();
    assert_eq!(id.revision.map(|r| r.0), Some(0x22));
    assert_eq!(id.mfr_id.unwrap().to_string(), "ACME");
    let model = id.mfr_model.unwrap();
    assert!(model.is_truncated() && model.as_str().is_none());
    assert_eq!(model.full_len(), 40);
    assert_eq!(model.to_string(), format!("{}… (40 bytes)", "X".repeat(32)));
    assert!(id.mfr_revision.is_none() && id.mfr_location.is_none() && id.mfr_date.is_none());
    assert_eq!(id.mfr_serial.unwrap().to_string(), "SN\\x01\\x02");
    i2c.done();
}

/// A VOUT reading on a device whose VOUT_MODE says DIRECT but whose description has no VOUT
/// coefficients is an error, not a wrong number.
#[test]
fn vout_format_unknown_is_an_error() {
    let a = 0x58;
    let mut i2c = Mock::new(&[rd(a, 0x20, &[0x40], false)]);
    let mut psu = Psu::new(i2c.clone(), a, catalog::CRPS_PSU);
    assert!(matches!(
        psu.read(Quantity::Vout, 0),
        Err(DeviceError::FormatUnknown {
            command: CommandCode::READ_VOUT,
            vout_mode: Some(_)
        })
    ));
    i2c.done();
}

#[cfg(feature = "async")]
#[test]
fn async_twin_polls_the_same() {
    use smbus_pmbus::device::PsuAsync;
    let a = 0x10;
    let mut i2c = Mock::new(&[
        word(a, 0x88, 0x076D, true),
        word(a, 0x8B, 0x0851, true),
        word(a, 0x8C, 0x0824, true),
        word(a, 0x97, 0x0110, true),
        word(a, 0x8D, 0x0CDC, true),
    ]);
    let mut hsc = PsuAsync::new(i2c.clone(), a, catalog::ADM1272);
    let t = embassy_futures::block_on(hsc.telemetry()).unwrap();
    assert_eq!(t.get(Quantity::Vin, 0).unwrap().milli(), Some(46_800));
    assert_eq!(t.get(Quantity::Pin, 0).unwrap().milli(), Some(25_819));
    i2c.done();
}

/// COEFFICIENTS (30h) as a block process call: the device's own m, b, R for READ_VIN, then
/// used for decoding through the description.
#[test]
fn coefficients_read_from_the_device() {
    let a = 0x10;
    let mut all = vec![
        a << 1,
        0x30,
        2,
        0x88,
        0x01,
        (a << 1) | 1,
        5,
        0xDE,
        0x0F,
        0x00,
        0x00,
        0xFE,
    ];
    let pec = crc8(&all);
    all.clear();
    let mut i2c = Mock::new(&[
        T::write_read(
            a,
            vec![0x30, 2, 0x88, 0x01],
            vec![5, 0xDE, 0x0F, 0x00, 0x00, 0xFE, pec],
        ),
        word(a, 0x88, 0x076D, true),
    ]);
    let mut hsc = Psu::new(i2c.clone(), a, catalog::adm1275(true, 1000, false));
    let c = hsc.coefficients(CommandCode::READ_VIN, true).unwrap();
    assert_eq!((c.m, c.b, c.r), (4062, 0, -2));
    hsc.description_mut().direct.vin = Some(c);
    assert_eq!(hsc.read(Quantity::Vin, 0).unwrap().milli(), Some(46_800));
    i2c.done();
}

/// VOUT_MODE FFh (no VOUT_MODE) is not decoded as IEEE half, and is not cached.
#[test]
fn vout_mode_ff_is_refused() {
    let a = 0x58;
    let mut i2c = Mock::new(&[
        rd(a, 0x20, &[0xFF], false),
        rd(a, 0x20, &[0x17], false),
        word(a, 0x8B, 0x1807, false),
    ]);
    let mut psu = Psu::new(i2c.clone(), a, catalog::CRPS_PSU);
    let e = psu.read(Quantity::Vout, 0).unwrap_err();
    assert!(e.to_string().contains("VOUT_MODE reads FFh"), "{e}");
    assert_eq!(psu.read(Quantity::Vout, 0).unwrap().milli(), Some(12_014));
    i2c.done();
}

/// The VOUT_MODE cache is dropped when the bus is handed out (the caller may rewrite it).
#[test]
fn vout_mode_cache_forgotten_with_smbus() {
    let a = 0x24;
    let mut i2c = Mock::new(&[
        rd(a, 0x20, &[0x17], true),
        word(a, 0x8B, 0x0600, true),
        wr(a, 0x20, &[0x14], true),
        rd(a, 0x20, &[0x14], true),
        word(a, 0x8B, 0x3000, true),
    ]);
    let mut vr = Regulator::new(i2c.clone(), a, catalog::TPS546B24A);
    assert_eq!(vr.read(Quantity::Vout, 0).unwrap().milli(), Some(3_000));
    vr.smbus().write_byte(a, 0x20, 0x14).unwrap();
    assert_eq!(vr.read(Quantity::Vout, 0).unwrap().milli(), Some(3_000)); // 3000h · 2^-12
    i2c.done();
}

/// A description with more sensors than a poll holds is refused before any bus traffic.
#[test]
fn too_many_sensors_is_an_error() {
    const MANY: [Sensor; MAX_READINGS + 1] =
        [Sensor::new(Quantity::Vin, smbus_pmbus::device::Encoding::Linear11); MAX_READINGS + 1];
    let desc = Description {
        sensors: &MANY,
        ..catalog::CRPS_PSU
    };
    let mut i2c = Mock::new(&[]);
    let mut psu = Psu::new(i2c.clone(), 0x58, desc);
    assert!(matches!(
        psu.telemetry(),
        Err(DeviceError::TooManySensors { count }) if count == MAX_READINGS + 1
    ));
    i2c.done();
}

/// INA233 coefficients follow the calibration actually written: a requested LSB too fine for
/// the shunt clamps the calibration to 7FFFh and the coefficients use the real LSB; absurd
/// inputs neither overflow nor give a zero calibration.
#[test]
fn ina233_calibration_limits() {
    // 10 µA with 1 mΩ asks for CAL 512000: clamped to 32767, real LSB 156.25 µA → 6400 counts/A.
    let d = catalog::ina233(10, 1000);
    assert_eq!(d.setup.map(|s| s.word), Some(0x7FFF));
    let i = d.direct.iout.unwrap();
    let f = smbus_pmbus::format::Format::Direct(i);
    assert_eq!(f.decode_milli(6400), Some(1_000)); // 6400 counts = 1 A (32767·1000/5120 = 6399.8)
    let d = catalog::ina233(100_000, 100_000);
    assert_eq!(d.setup.map(|s| s.word), Some(1));
    let d = catalog::ina233(u32::MAX, u32::MAX);
    assert_eq!(d.setup.map(|s| s.word), Some(1));
    assert!(d.direct.iout.unwrap().m != 0);
}

/// Shunt coefficients are rounded, not truncated; a zero shunt gives coefficients that fail
/// to decode rather than a number.
#[test]
fn shunt_coefficients_rounded_and_zero_refused() {
    use smbus_pmbus::device::catalog::{Adm1272Config, adm1272};
    let d = adm1272(Adm1272Config {
        range_100v: false,
        sense_30mv: false,
        shunt_micro_ohm: 250,
    });
    assert_eq!(d.direct.iout.unwrap().m, 332); // 1326 · 0.25 = 331.5 → 332
    let d = catalog::adm1275(true, 50_000, false);
    let i = d.direct.iout.unwrap();
    assert_eq!((i.m, i.b, i.r), (4035, 2048, 0)); // 40350, 20475 → 4035, 2047.5 → 2048
    let zero = catalog::adm1275(true, 0, false);
    let f = smbus_pmbus::format::Format::Direct(zero.direct.iout.unwrap());
    assert_eq!(f.decode_milli(3339), None);
}

/// Average power from two energy readings with the meter's rollover and coefficients.
#[test]
fn energy_average_power() {
    let a = 0x10;
    let mut i2c = Mock::new(&[
        rd(a, 0x86, &[6, 0xF0, 0x7F, 0x00, 0x10, 0x00, 0x00], true),
        rd(a, 0x86, &[6, 0x10, 0x01, 0x01, 0x20, 0x00, 0x00], true),
    ]);
    let mut hsc = Psu::new(i2c.clone(), a, catalog::ADM1272);
    let first = hsc.energy().unwrap();
    let second = hsc.energy().unwrap();
    // ADM1272 rolls over after 7FFFh: (1·32768 + 272) − 32752 = 288 raw over 16 samples = 18
    // raw power units = 18·1000/10535 W.
    let delta = hsc.energy_delta(&first, &second).unwrap();
    assert_eq!((delta.energy, delta.samples), (288, 16));
    assert_eq!(hsc.average_power_milli(&first, &second).unwrap(), 1_709);
    assert!(hsc.average_power_milli(&first, &first).is_err()); // no samples in between
    i2c.done();
}
