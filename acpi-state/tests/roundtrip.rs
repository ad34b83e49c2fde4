//! Property tests: every codec round-trips and every parser is total.
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
    DBUS_ENUM_PREFIX, DevicePowerState, GlobalState, SleepState, SysfsPowerState, SystemPowerState,
};
use proptest::prelude::*;

fn any_system_code() -> impl Strategy<Value = SystemCode> {
    prop_oneof![
        (0..SystemPowerState::ALL.len()).prop_map(|i| SystemCode::State(SystemPowerState::ALL[i])),
        Just(SystemCode::NoChange),
        (0u8..0x80).prop_map(SystemCode::from_bits),
    ]
}

fn any_device_code() -> impl Strategy<Value = DeviceCode> {
    prop_oneof![
        (0..DeviceState::ALL.len()).prop_map(|i| DeviceCode::State(DeviceState::ALL[i])),
        Just(DeviceCode::NoChange),
        (0u8..0x80).prop_map(DeviceCode::from_bits),
    ]
}

proptest! {
    #[test]
    fn set_request_bytes_round_trip(bytes in any::<[u8; 2]>()) {
        prop_assert_eq!(SetAcpiPowerState::from_bytes(bytes).to_bytes(), bytes);
    }

    #[test]
    fn set_request_value_round_trips(
        set_system: bool, system in any_system_code(), set_device: bool, device in any_device_code(),
    ) {
        let req = SetAcpiPowerState { set_system, system, set_device, device };
        prop_assert_eq!(SetAcpiPowerState::from_bytes(req.to_bytes()), req);
    }

    #[test]
    fn get_response_round_trips(
        bytes in any::<[u8; 2]>(), system in any_system_code(), device in any_device_code(),
    ) {
        prop_assert_eq!(GetAcpiPowerStateResponse::from_bytes(bytes).to_bytes(), bytes);
        let rsp = GetAcpiPowerStateResponse { system, device, system_reserved_bit: false, device_reserved_bit: true };
        prop_assert_eq!(GetAcpiPowerStateResponse::from_bytes(rsp.to_bytes()), rsp);
    }

    #[test]
    fn parse_any_data_is_total(data in proptest::collection::vec(any::<u8>(), 0..8)) {
        let r = SetAcpiPowerState::parse(&data);
        prop_assert_eq!(r.is_ok(), data.len() == 2);
        if let Ok(req) = r {
            prop_assert_eq!(&req.to_bytes()[..], &data[..]);
        }
        prop_assert_eq!(GetAcpiPowerStateResponse::parse(&data).is_ok(), data.len() == 2);
    }

    #[test]
    fn name_parsers_are_total(s in "\\PC{0,64}") {
        // Whatever parses, prints back as a name that parses to the same value.
        if let Ok(v) = s.parse::<SystemPowerState>() {
            let dbus = format!("{DBUS_ENUM_PREFIX}{}", v.name());
            prop_assert!(v.name() == s || v.aliases().contains(&s.as_str()) || s == dbus);
            prop_assert_eq!(v.to_string().parse::<SystemPowerState>(), Ok(v));
        }
        if let Ok(v) = s.parse::<DevicePowerState>() {
            prop_assert_eq!(v.to_string().parse::<DevicePowerState>(), Ok(v));
        }
        if let Ok(v) = s.parse::<SysfsPowerState>() {
            prop_assert_eq!(v.to_string().parse::<SysfsPowerState>(), Ok(v));
        }
        if let Ok(v) = s.parse::<GlobalState>() {
            prop_assert_eq!(v.to_string(), s.clone());
        }
        if let Ok(v) = s.parse::<SleepState>() {
            prop_assert_eq!(v.to_string(), s.clone());
        }
        if let Ok(v) = s.parse::<DeviceState>() {
            prop_assert_eq!(v.to_string(), s);
        }
    }

    #[test]
    fn names_with_noise_do_not_parse(i in 0..SystemPowerState::ALL.len(), noise in "[ a-z\\n]{1,3}") {
        let s = SystemPowerState::ALL[i];
        let noisy = format!("{}{noise}", s.name());
        prop_assert!(noisy.parse::<SystemPowerState>().is_err());
    }
}
