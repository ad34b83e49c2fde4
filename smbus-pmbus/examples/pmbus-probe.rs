//! `pmbus-probe`: identity, telemetry and status of a PMBus device on a Linux I2C bus.
//!
//! ```text
//! pmbus-probe /dev/i2c-N ADDR [--device NAME] [--pec]
//! ```
//!
//! ADDR is the 7-bit address in hex (the blade PSU of our field notes answers at 38h; CRPS
//! supplies at 58h–59h). NAME is one of crps (default), adm1272, adm1275, ina233, tps546b24a,
//! isl68224. `--pec` turns packet error checking on (descriptions of devices known to support
//! it turn it on already).
//!
//! Nothing is written to the device except `PAGE` on multi-page devices, unless `--init` is
//! given: it reads `PMBUS_REVISION`, the `MFR_*` strings the description lists, every sensor
//! of the description, and the status registers `STATUS_WORD` points at, and prints the faults
//! and the IPMI power-supply offsets (sensor type 08h) a BMC would log for them.
//!
//! `--init` writes the description's setup word first (the INA233's calibration: without it
//! an INA233 reads 0 A and 0 W). The ADM1272/ADM1275/INA233 descriptions assume a 1 mΩ (2 mΩ
//! for the INA233) shunt and the ranges printed in the header; other boards need their own
//! description (`catalog::adm1272(..)`, `catalog::ina233(..)`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::ExitCode;

use smbus_pmbus::device::{PmbusDevice, catalog};
use smbus_pmbus::smbus::{Config, Smbus};

const USAGE: &str = "usage: pmbus-probe /dev/i2c-N ADDR [--device NAME] [--pec] [--init]\n\
  NAME: crps (default), adm1272, adm1275, ina233, tps546b24a, isl68224";

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(addr)) = (args.next(), args.next()) else {
        return Err(String::new());
    };
    let addr = u8::from_str_radix(addr.trim_start_matches("0x"), 16)
        .ok()
        .filter(|a| *a <= 0x7F)
        .ok_or(format!("bad 7-bit address {addr}"))?;
    let mut description = catalog::CRPS_PSU;
    let mut pec = false;
    let mut init = false;
    let mut name = String::from("crps");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--device" => {
                name = args.next().ok_or("--device needs a NAME")?;
                description = catalog::by_name(&name).ok_or(format!("unknown device {name}"))?;
            }
            "--pec" => pec = true,
            "--init" => init = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let bus = smbus_pmbus::linux::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let config = Config::new().with_pec(pec || description.pec);
    let mut dev = PmbusDevice::from_smbus(Smbus::with_config(bus, config), addr, description);

    println!(
        "{} at {addr:02X}h on {path} (PEC {})",
        description.name,
        if config.pec { "on" } else { "off" }
    );
    match name.to_ascii_lowercase().as_str() {
        "adm1272" => println!("  assuming 100 V range, 30 mV sense range, 1 mΩ shunt"),
        "adm1275" => println!("  assuming 20 V range, 1 mΩ shunt, VIN monitored"),
        "ina233" => println!("  assuming a 2 mΩ shunt and a 1 mA current LSB"),
        _ => {}
    }
    if init {
        dev.init().map_err(|e| format!("init: {e}"))?;
    } else if description.setup.is_some() {
        println!("  setup word not written (no --init): readings that depend on it are invalid");
    }
    let id = dev.identity().map_err(|e| format!("identity: {e}"))?;
    match id.revision {
        Some(r) => println!("  PMBUS_REVISION  {:02X}h", r.0),
        None => println!("  PMBUS_REVISION  (not implemented)"),
    }
    for (name, value) in [
        ("MFR_ID", id.mfr_id),
        ("MFR_MODEL", id.mfr_model),
        ("MFR_REVISION", id.mfr_revision),
        ("MFR_LOCATION", id.mfr_location),
        ("MFR_DATE", id.mfr_date),
        ("MFR_SERIAL", id.mfr_serial),
    ] {
        if let Some(v) = value {
            println!("  {name:<15} {v}");
        }
    }
    println!("telemetry:");
    for sensor in description.sensors {
        match dev.read_sensor(*sensor) {
            Ok(r) => println!("  page {} {:<6} {r}", r.page, r.quantity.label()),
            Err(e) => println!(
                "  page {} {:<6} error: {e}",
                sensor.page,
                sensor.quantity.label()
            ),
        }
    }
    println!("status:");
    for page in 0..description.pages {
        let s = dev
            .status(page)
            .map_err(|e| format!("status page {page}: {e}"))?;
        println!("  page {page} STATUS_WORD {:04X}h", s.word.bits());
        for fault in s.faults() {
            println!("    {fault}");
        }
        for offset in s.ipmi_offsets().iter() {
            println!(
                "    IPMI power supply offset {:02X}h: {offset:?}",
                offset as u8
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) if msg.is_empty() => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
        Err(msg) => {
            eprintln!("pmbus-probe: {msg}");
            ExitCode::from(1)
        }
    }
}
