//! Every code and name table, walked completely, in both directions.
//! The expected values are written out here from the specifications, independently of the
//! tables in `src/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use acpi_state::ipmi::{
    DeviceCode, DeviceState, GetAcpiPowerStateResponse, SetAcpiPowerState, SystemCode,
};
use acpi_state::{
    BufferTooSmall, DevicePowerState, GlobalState, LengthError, NameKind, SleepState,
    SysfsPowerState, SystemPowerState as S,
};

/// IPMI 2.0 §20.6, request byte 1, bits 6:0.
const SYSTEM_CODES: [(u8, S); 14] = [
    (0x00, S::S0G0),
    (0x01, S::S1),
    (0x02, S::S2),
    (0x03, S::S3),
    (0x04, S::S4),
    (0x05, S::S5G2),
    (0x06, S::S4S5),
    (0x07, S::G3),
    (0x08, S::Sleeping),
    (0x09, S::G1Sleeping),
    (0x0A, S::Override),
    (0x20, S::LegacyOn),
    (0x21, S::LegacyOff),
    (0x2A, S::Unknown),
];

/// IPMI 2.0 §20.6, request byte 2, bits 6:0.
const DEVICE_CODES: [(u8, DeviceState); 5] = [
    (0x00, DeviceState::D0),
    (0x01, DeviceState::D1),
    (0x02, DeviceState::D2),
    (0x03, DeviceState::D3),
    (0x2A, DeviceState::Unknown),
];

/// OpenBMC `xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI` members.
const OPENBMC_NAMES: [(&str, S); 14] = [
    ("S0_G0_D0", S::S0G0),
    ("S1_D1", S::S1),
    ("S2_D2", S::S2),
    ("S3_D3", S::S3),
    ("S4", S::S4),
    ("S5_G2", S::S5G2),
    ("S4_S5", S::S4S5),
    ("G3", S::G3),
    ("SLEEP", S::Sleeping),
    ("G1_SLEEP", S::G1Sleeping),
    ("OVERRIDE", S::Override),
    ("LEGACY_ON", S::LegacyOn),
    ("LEGACY_OFF", S::LegacyOff),
    ("Unknown", S::Unknown),
];

/// IPMI 2.0 Table 42-3, sensor type 22h, and ipmitool 1.8.19's text for each offset
/// (`include/ipmitool/ipmi_sel.h`). 0Dh is not assigned; "Unknown" is 0Eh.
const SEL_OFFSETS: [(u8, S, &str); 14] = [
    (0x00, S::S0G0, "S0/G0: working"),
    (
        0x01,
        S::S1,
        "S1: sleeping with system hw & processor context maintained",
    ),
    (0x02, S::S2, "S2: sleeping, processor context lost"),
    (
        0x03,
        S::S3,
        "S3: sleeping, processor & hw context lost, memory retained",
    ),
    (0x04, S::S4, "S4: non-volatile sleep/suspend-to-disk"),
    (0x05, S::S5G2, "S5/G2: soft-off"),
    (0x06, S::S4S5, "S4/S5: soft-off"),
    (0x07, S::G3, "G3: mechanical off"),
    (0x08, S::Sleeping, "Sleeping in S1/S2/S3 state"),
    (0x09, S::G1Sleeping, "G1: sleeping"),
    (0x0A, S::Override, "S5: entered by override"),
    (0x0B, S::LegacyOn, "Legacy ON state"),
    (0x0C, S::LegacyOff, "Legacy OFF state"),
    (0x0E, S::Unknown, "Unknown"),
];

#[test]
fn all_is_complete_and_distinct() {
    assert_eq!(S::ALL.len(), 14);
    for (i, a) in S::ALL.iter().enumerate() {
        for b in &S::ALL[i + 1..] {
            assert_ne!(a, b);
            assert_ne!(a.ipmi_code(), b.ipmi_code());
            assert_ne!(a.sel_offset(), b.sel_offset());
            assert_ne!(a.name(), b.name());
        }
    }
}

#[test]
fn system_code_table_both_directions() {
    for (code, state) in SYSTEM_CODES {
        assert_eq!(state.ipmi_code(), code, "{state:?}");
        assert_eq!(S::from_ipmi_code(code), Some(state));
        assert_eq!(SystemCode::from_bits(code), SystemCode::State(state));
        assert_eq!(SystemCode::State(state).bits(), code);
    }
    assert_eq!(SystemCode::from_bits(0x7F), SystemCode::NoChange);
    assert_eq!(S::from_ipmi_code(0x7F), None);
}

#[test]
fn every_system_code_round_trips() {
    let mut named = 0;
    let mut reserved = 0;
    for v in 0..=0x7Fu8 {
        let c = SystemCode::from_bits(v);
        assert_eq!(c.bits(), v);
        assert_eq!(u8::from(c), v);
        assert_eq!(SystemCode::from(v), c);
        match c {
            SystemCode::State(s) => {
                named += 1;
                assert!(SYSTEM_CODES.contains(&(v, s)));
            }
            SystemCode::NoChange => assert_eq!(v, 0x7F),
            SystemCode::Reserved(r) => {
                reserved += 1;
                assert_eq!(r, v);
                assert!(SYSTEM_CODES.iter().all(|(code, _)| *code != v));
            }
        }
        // Bit 7 is not part of the code.
        assert_eq!(SystemCode::from_bits(v | 0x80), c);
    }
    assert_eq!((named, reserved), (14, 128 - 14 - 1));
}

#[test]
fn every_device_code_round_trips() {
    for (code, state) in DEVICE_CODES {
        assert_eq!(state.ipmi_code(), code);
        assert_eq!(DeviceState::from_ipmi_code(code), Some(state));
    }
    let mut named = 0;
    for v in 0..=0x7Fu8 {
        let c = DeviceCode::from_bits(v);
        assert_eq!(c.bits(), v);
        assert_eq!(DeviceCode::from(v), c);
        assert_eq!(u8::from(c), v);
        match c {
            DeviceCode::State(s) => {
                named += 1;
                assert!(DEVICE_CODES.contains(&(v, s)));
            }
            DeviceCode::NoChange => assert_eq!(v, 0x7F),
            DeviceCode::Reserved(r) => assert_eq!(r, v),
        }
    }
    assert_eq!(named, 5);
}

#[test]
fn reserved_codes_are_masked_to_seven_bits_on_emit() {
    assert_eq!(SystemCode::Reserved(0xFB).bits(), 0x7B);
    assert_eq!(DeviceCode::Reserved(0x90).bits(), 0x10);
}

#[test]
fn every_set_request_round_trips() {
    for v in 0..=u16::MAX {
        let bytes = v.to_be_bytes();
        let req = SetAcpiPowerState::from_bytes(bytes);
        assert_eq!(req.to_bytes(), bytes);
        assert_eq!(SetAcpiPowerState::parse(&bytes), Ok(req));
        assert_eq!(req.set_system, bytes[0] & 0x80 != 0);
        assert_eq!(req.set_device, bytes[1] & 0x80 != 0);
        let mut buf = [0xA5; 4];
        assert_eq!(req.emit(&mut buf), Ok(2));
        assert_eq!(buf, [bytes[0], bytes[1], 0xA5, 0xA5]);
    }
}

#[test]
fn every_get_response_round_trips() {
    for v in 0..=u16::MAX {
        let bytes = v.to_be_bytes();
        let rsp = GetAcpiPowerStateResponse::from_bytes(bytes);
        assert_eq!(rsp.to_bytes(), bytes);
        assert_eq!(GetAcpiPowerStateResponse::parse(&bytes), Ok(rsp));
        assert_eq!(rsp.system_reserved_bit, bytes[0] & 0x80 != 0);
        let mut buf = [0u8; 2];
        assert_eq!(rsp.emit(&mut buf), Ok(2));
        assert_eq!(buf, bytes);
    }
}

#[test]
fn wrong_lengths_are_errors() {
    let data = [0x85u8, 0x83, 0x00, 0x00];
    for n in [0usize, 1, 3, 4] {
        let err = LengthError {
            expected: 2,
            actual: n,
        };
        assert_eq!(SetAcpiPowerState::parse(&data[..n]), Err(err));
        assert_eq!(GetAcpiPowerStateResponse::parse(&data[..n]), Err(err));
    }
    let req = SetAcpiPowerState::from_bytes([0x85, 0x83]);
    for n in [0usize, 1] {
        let mut buf = [0u8; 1];
        assert_eq!(
            req.emit(&mut buf[..n]),
            Err(BufferTooSmall {
                needed: 2,
                available: n
            })
        );
    }
    let msg = LengthError {
        expected: 2,
        actual: 3,
    }
    .to_string();
    assert_eq!(msg, "message data is 3 bytes long, expected exactly 2");
}

#[test]
fn set_request_vectors() {
    // OpenBMC's test of its Set ACPI Power State handler: `raw 0x06 0x06 0x86 0x83`.
    let r = SetAcpiPowerState::parse(&[0x86, 0x83]).unwrap();
    assert_eq!(r.system_update(), Some(S::S4S5));
    assert_eq!(r.device_update(), Some(DeviceState::D3));
    assert!(!r.has_reserved_code());

    // Bit 7 clear: nothing to set, whatever the code.
    let r = SetAcpiPowerState::parse(&[0x05, 0x03]).unwrap();
    assert_eq!((r.system_update(), r.device_update()), (None, None));

    // 7Fh with bit 7 set: "no change".
    let r = SetAcpiPowerState::parse(&[0xFF, 0x80]).unwrap();
    assert_eq!(r.system, SystemCode::NoChange);
    assert_eq!(
        (r.system_update(), r.device_update()),
        (None, Some(DeviceState::D0))
    );

    // A reserved code in a part to be set makes the request invalid; not one that is not set.
    assert!(
        SetAcpiPowerState::parse(&[0x8B, 0x7F])
            .unwrap()
            .has_reserved_code()
    );
    assert!(
        SetAcpiPowerState::parse(&[0x7F, 0x84])
            .unwrap()
            .has_reserved_code()
    );
    assert!(
        !SetAcpiPowerState::parse(&[0x0B, 0x04])
            .unwrap()
            .has_reserved_code()
    );

    // Builders.
    assert_eq!(
        SetAcpiPowerState::new(Some(S::S5G2), Some(DeviceState::D3)).to_bytes(),
        [0x85, 0x83]
    );
    assert_eq!(
        SetAcpiPowerState::new(Some(S::LegacyOn), None).to_bytes(),
        [0xA0, 0x7F]
    );
    assert_eq!(SetAcpiPowerState::new(None, None).to_bytes(), [0x7F, 0x7F]);
    assert_eq!(
        GetAcpiPowerStateResponse::new(S::Unknown, DeviceState::Unknown).to_bytes(),
        [0x2A, 0x2A]
    );
}

#[test]
fn openbmc_names_both_directions() {
    for (name, state) in OPENBMC_NAMES {
        assert_eq!(state.name(), name);
        assert_eq!(state.to_string(), name);
        assert_eq!(name.parse::<S>(), Ok(state));
        let dbus = format!("xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI.{name}");
        assert_eq!(state.dbus().to_string(), dbus);
        assert_eq!(dbus.parse::<S>(), Ok(state));
    }
}

#[test]
fn documented_aliases_parse() {
    let aliases: [(&str, S); 12] = [
        ("S0/G0", S::S0G0),
        ("S0_G0", S::S0G0),
        ("S0", S::S0G0),
        ("G0", S::S0G0),
        ("S1", S::S1),
        ("S2", S::S2),
        ("S3", S::S3),
        ("S5/G2", S::S5G2),
        ("S5", S::S5G2),
        ("G2", S::S5G2),
        ("S4/S5", S::S4S5),
        ("G1", S::G1Sleeping),
    ];
    for (alias, state) in aliases {
        assert_eq!(alias.parse::<S>(), Ok(state), "{alias}");
        assert!(state.aliases().contains(&alias));
    }
    let total: usize = S::ALL.iter().map(|s| s.aliases().len()).sum();
    assert_eq!(total, 12, "every alias is listed in this test");
    // No alias is another state's canonical name or alias.
    for s in S::ALL {
        for a in s.aliases() {
            assert_eq!(a.parse::<S>(), Ok(s));
        }
    }
}

#[test]
fn names_are_case_sensitive_and_strict() {
    let rejected = [
        "",
        "s0_g0_d0",
        "S0_g0_D0",
        "unknown",
        "UNKNOWN",
        "sleep",
        "S0_G0_D0 ",
        " S4",
        "S6",
        "S5_G2\n",
        "Legacy On",
        // The D-Bus form takes canonical names only, not aliases.
        "xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI.S5",
        "xyz.openbmc_project.Control.Power.ACPIPowerState.ACPI.",
    ];
    for name in rejected {
        let err = name.parse::<S>().unwrap_err();
        assert_eq!(err.kind(), NameKind::SystemPowerState, "{name:?}");
    }
    assert!(
        "s5".parse::<S>()
            .unwrap_err()
            .to_string()
            .starts_with("unrecognised name: expected an OpenBMC")
    );
}

#[test]
fn sel_offsets_and_ipmitool_text() {
    for (offset, state, text) in SEL_OFFSETS {
        assert_eq!(state.sel_offset(), offset, "{state:?}");
        assert_eq!(S::from_sel_offset(offset), Ok(state));
        assert_eq!(state.ipmitool_text(), text);
    }
    for offset in [0x0Du8, 0x0F].into_iter().chain(0x10..=0xFF) {
        let err = S::from_sel_offset(offset).unwrap_err();
        assert_eq!(err.offset, offset);
    }
    assert!(
        S::from_sel_offset(0x0D)
            .unwrap_err()
            .to_string()
            .contains("0x0d")
    );
}

#[test]
fn acpi_state_names() {
    for (g, n) in GlobalState::ALL.into_iter().zip(["G0", "G1", "G2", "G3"]) {
        assert_eq!(g.to_string(), n);
        assert_eq!(n.parse(), Ok(g));
    }
    for (s, n) in SleepState::ALL
        .into_iter()
        .zip(["S0", "S1", "S2", "S3", "S4", "S5"])
    {
        assert_eq!(s.to_string(), n);
        assert_eq!(n.parse(), Ok(s));
    }
    for (d, n) in DevicePowerState::ALL
        .into_iter()
        .zip(["D0", "D1", "D2", "D3hot", "D3cold"])
    {
        assert_eq!(d.to_string(), n);
        assert_eq!(n.parse(), Ok(d));
        assert_eq!(SysfsPowerState::State(d).to_string(), n);
        assert_eq!(n.parse(), Ok(SysfsPowerState::State(d)));
        assert_eq!(format!("{n}\n").parse(), Ok(SysfsPowerState::State(d)));
    }
    assert_eq!("D3Hot".parse(), Ok(DevicePowerState::D3Hot));
    assert_eq!("D3Cold".parse(), Ok(DevicePowerState::D3Cold));
    assert_eq!("unknown\n".parse(), Ok(SysfsPowerState::Unknown));
    assert_eq!("error".parse(), Ok(SysfsPowerState::Error));
    for bad in ["D3", "d0", "D4", "G4", "S6", "unknown\n\n", ""] {
        assert!(bad.parse::<DevicePowerState>().is_err(), "{bad:?}");
        assert!(bad.parse::<SysfsPowerState>().is_err(), "{bad:?}");
    }
    assert_eq!(
        "g1".parse::<GlobalState>().unwrap_err().kind(),
        NameKind::GlobalState
    );
    for (d, n) in DeviceState::ALL
        .into_iter()
        .zip(["D0", "D1", "D2", "D3", "Unknown"])
    {
        assert_eq!(d.to_string(), n);
        assert_eq!(n.parse(), Ok(d));
    }
    assert!("D3hot".parse::<DeviceState>().is_err());
}

#[test]
fn acpi_state_relations() {
    let globals = [
        GlobalState::G0,
        GlobalState::G1,
        GlobalState::G1,
        GlobalState::G1,
        GlobalState::G1,
        GlobalState::G2,
    ];
    for (s, g) in SleepState::ALL.into_iter().zip(globals) {
        assert_eq!(s.global(), g);
        assert_eq!(GlobalState::from(s), g);
        assert_eq!(s.is_sleeping(), g == GlobalState::G1);
        let sys = S::from(s);
        assert_eq!(sys.sleep_state(), Some(s));
        assert_eq!(sys.global(), Some(g));
        assert!(sys.is_precise());
    }
    for g in GlobalState::ALL {
        let sys = S::from(g);
        assert_eq!(sys.global(), Some(g));
    }
    for imprecise in [S::S4S5, S::Sleeping, S::G1Sleeping, S::Unknown] {
        assert!(!imprecise.is_precise());
        assert_eq!(imprecise.sleep_state(), None);
    }
    assert_eq!(S::S4S5.global(), None);
    assert_eq!(S::Sleeping.global(), Some(GlobalState::G1));
    assert_eq!(S::Override.sleep_state(), Some(SleepState::S5));
    assert_eq!(S::LegacyOn.global(), None);

    // IPMI device states against ACPI device states.
    for d in DevicePowerState::ALL {
        let ipmi = DeviceState::from(d);
        assert!(ipmi.includes(d));
        assert!(DeviceState::Unknown.includes(d));
        assert_eq!(ipmi.acpi().is_none(), d.is_d3());
        assert_eq!(DeviceState::from(SysfsPowerState::State(d)), ipmi);
    }
    assert_eq!(
        DeviceState::from(SysfsPowerState::Error),
        DeviceState::Unknown
    );
    assert!(!DeviceState::D3.includes(DevicePowerState::D2));
}
