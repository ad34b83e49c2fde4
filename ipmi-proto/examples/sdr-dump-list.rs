//! `sdr-dump-list FILE`: lists an `ipmitool sdr dump` file, one line per record:
//!
//! ```text
//! record id | record type | sensor number | name | entity id.instance | units
//! 0010 | Full Sensor | 30h | CPU_TEMP | 3.1 | degrees C
//! ```
//!
//! The sensor number is `-` for records that are not sensors; units are printed for
//! threshold sensors (event/reading type 01h) with an analog reading. Records that do not
//! parse and a truncated tail are reported on stderr, and the exit status is then 1.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::ExitCode;

use ipmi_proto::sdr::{AnalogDataFormat, SdrRecord, records};

fn units(rec: &SdrRecord<'_>) -> String {
    let (units, event_type) = match rec {
        SdrRecord::FullSensor(r) => (r.units, r.event_reading_type),
        SdrRecord::CompactSensor(r) => (r.units, r.event_reading_type),
        _ => return String::new(),
    };
    if event_type == 0x01 && units.analog_format != AnalogDataFormat::NoAnalog {
        units.to_string()
    } else {
        String::new()
    }
}

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: sdr-dump-list FILE   (a file written by `ipmitool sdr dump FILE`)");
        return ExitCode::from(2);
    };
    let data = match std::fs::read(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for item in records(&data) {
        let raw = match item {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let rec = match raw.parse() {
            Ok(r) => r,
            Err(e) => {
                eprintln!(
                    "error: record {:04x} (type {:02X}h): {e}",
                    raw.record_id(),
                    raw.record_type().0
                );
                failed = true;
                continue;
            }
        };
        let number = rec
            .sensor_key()
            .map_or_else(|| "-".to_string(), |k| format!("{:02X}h", k.number));
        let name = rec.id_string().map(|s| s.to_string()).unwrap_or_default();
        let entity = rec
            .entity()
            .map(|(id, inst)| format!("{id}.{}", inst.number()))
            .unwrap_or_default();
        println!(
            "{:04x} | {} | {} | {} | {} | {}",
            rec.record_id(),
            rec.record_type(),
            number,
            name,
            entity,
            units(&rec)
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
