//! A BMC tracking its host's ACPI power state.
//!
//! Feeds a tracker with IPMI Set ACPI Power State requests (NetFn 06h, cmd 06h) and power events,
//! and prints after each one the state, how the change is classified, and what the BMC should do
//! about its sensors (the fleet-server rules: leave DIMM sensors alone while host firmware owns
//! their SMBus, do not fail-safe fans on main-rail sensors that are simply unpowered).
//!
//! ```text
//! cargo run -p acpi-state --example bmc_acpi_tracker              # built-in scenario
//! cargo run -p acpi-state --example bmc_acpi_tracker -- 85:83 pg-lost 80:80 override
//! ```
//!
//! Each argument is a request as two hex bytes `SS:DD`, `pg-lost` (main power-good dropped) or
//! `override` (forced off).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::ExitCode;

use acpi_state::ipmi::SetAcpiPowerState;
use acpi_state::{Event, SensorSupply, Tracker};

/// The sensors of the fleet server (as `ipmitool sdr` lists them) and where they get power.
const SENSORS: [(&str, SensorSupply); 4] = [
    ("PSU0_CURRENT_IN", SensorSupply::standby()),
    ("CPU_TEMP", SensorSupply::main()),
    ("CPU_CORE_VR_POUT", SensorSupply::main()),
    (
        "DIMM_TEMP_A1",
        SensorSupply {
            rail: acpi_state::Rail::Main,
            shared_with_host: true,
        },
    ),
];

/// Host boots from soft-off: firmware init (S2_D2), OS up (S0), then an unexpected power loss,
/// power back, a hibernate attempt straight from S1 (illegal), and a request with a reserved code.
const SCENARIO: &[&str] = &[
    "85:83", "82:82", "80:80", "81:81", "80:80", "pg-lost", "85:83", "80:80", "81:81", "84:83",
    "8b:80",
];

fn parse_event(arg: &str) -> Result<Event, String> {
    match arg {
        "pg-lost" => return Ok(Event::PowerGoodLost),
        "override" => return Ok(Event::Override),
        _ => {}
    }
    let (a, b) = arg
        .split_once(':')
        .ok_or_else(|| format!("{arg:?}: expected SS:DD, pg-lost or override"))?;
    let byte = |s: &str| {
        u8::from_str_radix(s, 16).map_err(|e| format!("{arg:?}: {s:?} is not a hex byte: {e}"))
    };
    Ok(Event::HostSet(SetAcpiPowerState::from_bytes([
        byte(a)?,
        byte(b)?,
    ])))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<&str> = if args.is_empty() {
        SCENARIO.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };

    let mut bmc = Tracker::new();
    println!("BMC up; host state {} / {}", bmc.system(), bmc.device());
    for input in inputs {
        let event = match parse_event(input) {
            Ok(e) => e,
            Err(msg) => {
                eprintln!("error: {msg}");
                return ExitCode::FAILURE;
            }
        };
        let what = match event {
            Event::HostSet(req) => {
                let [s, d] = req.to_bytes();
                format!("host: Set ACPI Power State {s:02x} {d:02x}")
            }
            Event::PowerGoodLost => "main power-good lost".to_string(),
            Event::Override => "forced off (override)".to_string(),
        };
        let update = bmc.apply(event);
        let mark = if update.verdict.worth_logging() {
            "  << log to SEL"
        } else {
            ""
        };
        println!("\n{what}\n  {update}{mark}");
        let state = bmc.system();
        let [s, d] = bmc.get_response().to_bytes();
        println!(
            "  now {state} ({}), Get ACPI Power State answers {s:02x} {d:02x}",
            state.ipmitool_text()
        );
        for (name, supply) in SENSORS {
            println!("    {name:<17} {:?}", state.sensor_access(supply));
        }
    }
    ExitCode::SUCCESS
}
