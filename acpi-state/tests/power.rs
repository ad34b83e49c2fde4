//! What is powered in each state, and the sensor decisions of the fleet BMC story.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use acpi_state::Answer::{self, Maybe as M, No as N, Yes as Y};
use acpi_state::{Rail, SensorAccess, SensorSupply, SystemPowerState as S};

#[test]
fn power_table_for_every_state() {
    // state, standby rail, main rail, memory context, processor context, host firmware active
    #[rustfmt::skip]
    let table: [(S, Answer, Answer, Answer, Answer, Answer); 14] = [
        (S::S0G0,       Y, Y, Y, Y, N),
        (S::S1,         Y, Y, Y, Y, N),
        (S::S2,         Y, Y, Y, N, Y),
        (S::S3,         Y, N, Y, N, N),
        (S::S4,         Y, N, N, N, N),
        (S::S5G2,       Y, N, N, N, N),
        (S::S4S5,       Y, N, N, N, N),
        (S::G3,         N, N, N, N, N),
        (S::Sleeping,   Y, M, Y, M, M),
        (S::G1Sleeping, Y, M, M, M, M),
        (S::Override,   Y, N, N, N, N),
        (S::LegacyOn,   Y, Y, Y, Y, N),
        (S::LegacyOff,  Y, N, N, N, N),
        (S::Unknown,    M, M, M, M, M),
    ];
    assert_eq!(table.len(), S::ALL.len());
    for (s, standby, main, mem, cpu, fw) in table {
        assert_eq!(s.rail(Rail::Standby), standby, "{s} standby");
        assert_eq!(s.rail(Rail::Main), main, "{s} main");
        assert_eq!(s.memory_context_held(), mem, "{s} memory");
        assert_eq!(s.processor_context_held(), cpu, "{s} processor");
        assert_eq!(s.host_firmware_active(), fw, "{s} firmware");
    }
}

#[test]
fn sensor_access_decisions() {
    let cpu = SensorSupply::main();
    let dimm = SensorSupply::main().shared_with_host();
    let psu = SensorSupply::standby();
    let cases = [
        // Working: read everything.
        (S::S0G0, cpu, SensorAccess::Read),
        (S::S0G0, dimm, SensorAccess::Read),
        // Host firmware initialising (S2_D2): leave the SPD/DIMM bus alone.
        (S::S2, dimm, SensorAccess::HostOwnsBus),
        (S::S2, cpu, SensorAccess::Read),
        // Soft-off: main-rail sensors are unpowered, not failed; standby sensors still read.
        (S::S5G2, cpu, SensorAccess::Unpowered),
        (S::S5G2, dimm, SensorAccess::Unpowered),
        (S::S5G2, psu, SensorAccess::Read),
        (S::S3, cpu, SensorAccess::Unpowered),
        // G3: nothing is powered.
        (S::G3, psu, SensorAccess::Unpowered),
        // Imprecise reports: do not poll, do not alarm.
        (S::Sleeping, cpu, SensorAccess::Indeterminate),
        (S::Unknown, psu, SensorAccess::Indeterminate),
        (S::Unknown, dimm, SensorAccess::Indeterminate),
    ];
    for (state, sensor, expected) in cases {
        assert_eq!(state.sensor_access(sensor), expected, "{state} {sensor:?}");
    }
}

#[test]
fn every_state_and_supply_has_an_answer() {
    for s in S::ALL {
        for rail in [Rail::Standby, Rail::Main] {
            for shared in [false, true] {
                let sensor = SensorSupply {
                    rail,
                    shared_with_host: shared,
                };
                let a = s.sensor_access(sensor);
                // Reading is only allowed when the rail is certainly up.
                if a == SensorAccess::Read {
                    assert!(s.rail(rail).is_yes());
                }
                if a == SensorAccess::HostOwnsBus {
                    assert!(shared && s.host_firmware_active().is_yes());
                }
            }
        }
    }
}
