//! A real `ipmitool sdr dump` file against what ipmitool printed for the same repository.
//!
//! `tests/sdr_fixtures/ipmi_sim.sdr` was written by `ipmitool 1.8.19 -I lanplus ... sdr dump`
//! from OpenIPMI's `ipmi_sim` serving the records of `sim.emu` (the spec vectors of
//! `tests/sdr.rs`, one of each type; ipmi_sim renumbers the record IDs 1–7). Next to it are
//! ipmitool's `sdr elist all` and `-v sdr list full` output from the same run. To regenerate:
//! `ipmi_sim -c lan.conf -f sim.emu -n -s STATE &`, then
//! `ipmitool -I lanplus -H 127.0.0.1 -p 9741 -U admin -P secret sdr dump FILE` / `sdr elist all`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use ipmi_proto::sdr::{DumpWriter, RecordType, SdrRecord, records};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sdr_fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn dump_parses_and_re_emits_byte_for_byte() {
    let dump = fixture("ipmi_sim.sdr");
    let recs: Vec<SdrRecord<'_>> = records(&dump)
        .map(|r| r.unwrap().parse().unwrap())
        .collect();
    let types: Vec<u8> = recs.iter().map(|r| r.record_type().0).collect();
    assert_eq!(types, [0x12, 0x01, 0x02, 0x03, 0x10, 0x11, 0xC0]);
    let ids: Vec<u16> = recs.iter().map(SdrRecord::record_id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6, 7]);

    let mut out = vec![0u8; dump.len()];
    let mut w = DumpWriter::new(&mut out);
    for r in &recs {
        w.push(r).unwrap();
    }
    assert_eq!(w.finish(), &dump[..]);
}

/// `sdr elist all` prints `name | sensor number | status | entity | reading`: names, sensor
/// numbers (00h for locators) and entities agree, in the same order. ipmitool leaves the
/// OEM record out of the list.
#[test]
fn names_numbers_and_entities_agree_with_elist() {
    let dump = fixture("ipmi_sim.sdr");
    let elist = String::from_utf8(fixture("ipmi_sim.elist.txt")).unwrap();
    let theirs: Vec<(String, String, String)> = elist
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            (f[0].to_string(), f[1].to_string(), f[3].to_string())
        })
        .collect();
    let ours: Vec<(String, String, String)> = records(&dump)
        .map(|r| r.unwrap().parse().unwrap())
        .filter(|r| r.record_type() != RecordType::OEM)
        .map(|r| {
            let name = r.id_string().unwrap().to_string();
            let number = r.sensor_key().map_or(0, |k| k.number);
            let (id, inst) = r.entity().unwrap();
            (
                name,
                format!("{number:02X}h"),
                format!("{id}.{}", inst.number()),
            )
        })
        .collect();
    assert_eq!(ours, theirs);
    assert_eq!(ours.len(), 6);
}

/// `-v sdr list full`: the converted nominal, normal and threshold values, hysteresis and
/// tolerance of the full sensor record, each as ipmitool prints it (`%.3f`).
#[test]
fn full_sensor_values_agree_with_ipmitool_verbose() {
    let dump = fixture("ipmi_sim.sdr");
    let verbose = String::from_utf8(fixture("ipmi_sim.verbose-full.txt")).unwrap();
    let field = |name: &str| -> String {
        verbose
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                (k.trim() == name).then(|| v.trim().to_string())
            })
            .unwrap_or_else(|| panic!("no {name} in ipmitool output"))
    };
    let full = records(&dump)
        .map(|r| r.unwrap().parse().unwrap())
        .find_map(|r| match r {
            SdrRecord::FullSensor(f) => Some(f),
            _ => None,
        })
        .unwrap();
    let c = full.conversion();
    let v = |raw: u8| format!("{:.3}", c.to_value(raw).unwrap());
    let t = full.thresholds;
    assert_eq!(field("Nominal Reading"), v(full.nominal_reading));
    assert_eq!(field("Normal Minimum"), v(full.normal_min));
    assert_eq!(field("Normal Maximum"), v(full.normal_max));
    assert_eq!(field("Upper non-recoverable"), v(t.upper_non_recoverable));
    assert_eq!(field("Upper critical"), v(t.upper_critical));
    assert_eq!(field("Upper non-critical"), v(t.upper_non_critical));
    assert_eq!(field("Lower non-recoverable"), v(t.lower_non_recoverable));
    assert_eq!(field("Lower critical"), v(t.lower_critical));
    assert_eq!(field("Lower non-critical"), v(t.lower_non_critical));
    assert_eq!(
        field("Positive Hysteresis"),
        format!("{:.3}", c.hysteresis(full.hysteresis_positive))
    );
    assert_eq!(
        field("Negative Hysteresis"),
        format!("{:.3}", c.hysteresis(full.hysteresis_negative))
    );
    // "Sensor Reading : 2 (+/- 0.100) degrees C" for raw 28h.
    assert_eq!(
        field("Sensor Reading"),
        format!(
            "{} (+/- {:.3}) {}",
            c.to_value(0x28).unwrap(),
            c.tolerance(full.tolerance),
            full.units
        )
    );
    assert_eq!(field("Entity ID"), "3.1 (Processor)");
    assert_eq!(field("Sensor ID"), "CPU_TEMP (0x30)");
}

/// The `sdr-dump-list` example on the dump: one line per record with id, type, sensor number,
/// name, entity and units. (Cargo builds examples before integration tests.)
#[test]
fn example_lists_the_dump() {
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("sdr-dump-list{}", std::env::consts::EXE_SUFFIX));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sdr_fixtures/ipmi_sim.sdr");
    let out = std::process::Command::new(&bin)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "0001 | MC Device Locator | - | BMC | 46.1 | \n\
         0002 | Full Sensor | 30h | CPU_TEMP | 3.1 | degrees C\n\
         0003 | Compact Sensor | 51h | PSU_STAT | 10.0 | \n\
         0004 | Event-Only | 01h | ACPI_STATUS | 34.0 | \n\
         0005 | Generic Device Locator | - | SPD_A1X | 32.0 | \n\
         0006 | FRU Device Locator | - | Builtin FRU | 7.1 | \n\
         0007 | OEM | - |  |  | \n"
    );

    // A truncated dump: the whole records, then an error and exit status 1.
    let dump = fixture("ipmi_sim.sdr");
    let cut = std::env::temp_dir().join(format!("sdr-cut-{}.sdr", std::process::id()));
    std::fs::write(&cut, &dump[..dump.len() - 2]).unwrap();
    let out = std::process::Command::new(&bin).arg(&cut).output().unwrap();
    std::fs::remove_file(&cut).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 6);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("truncated SDR record at byte offset 193")
    );
}
