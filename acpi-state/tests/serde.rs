//! JSON form of the public types (feature `serde`).
#![cfg(feature = "serde")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use acpi_state::ipmi::{DeviceState, SetAcpiPowerState, SystemCode};
use acpi_state::{DevicePowerState, Event, SystemPowerState, Tracker};

#[test]
fn states_serialize_as_canonical_names() {
    for s in SystemPowerState::ALL {
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{}\"", s.name()));
        assert_eq!(serde_json::from_str::<SystemPowerState>(&json).unwrap(), s);
    }
    for d in DevicePowerState::ALL {
        assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{d}\""));
    }
}

#[test]
fn codes_serialize_as_bytes() {
    for v in 0..0x80u8 {
        let c = SystemCode::from_bits(v);
        assert_eq!(serde_json::to_string(&c).unwrap(), v.to_string());
        assert_eq!(
            serde_json::from_str::<SystemCode>(&v.to_string()).unwrap(),
            c
        );
    }
}

#[test]
fn updates_serialize_for_log_pipelines() {
    let mut t = Tracker::with_state(SystemPowerState::S0G0, DeviceState::D0);
    let u = t.apply(Event::HostSet(SetAcpiPowerState::from_bytes([0x85, 0x83])));
    let v: serde_json::Value = serde_json::to_value(u).unwrap();
    assert_eq!(v["system"]["from"], "S0_G0_D0");
    assert_eq!(v["system"]["to"], "S5_G2");
    assert_eq!(v["system"]["outcome"]["Ok"], "SoftOff");
    assert_eq!(v["verdict"], "Expected");
    let back: acpi_state::Update = serde_json::from_value(v).unwrap();
    assert_eq!(back, u);
}
