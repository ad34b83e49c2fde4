//! The tracker: the fleet BMC scenario, each event kind, and property tests over any sequence
//! of events.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use acpi_state::ipmi::{DeviceState, SetAcpiPowerState};
use acpi_state::{
    Answer, DeviceTransition, Event, Rail, Rule, SystemPowerState as S, Tracker, Transition,
    Verdict, ipmi_device_transition, transition,
};
use proptest::prelude::*;

fn host(bytes: [u8; 2]) -> Event {
    Event::HostSet(SetAcpiPowerState::from_bytes(bytes))
}

#[test]
fn fleet_bmc_boot_cycle() {
    let mut t = Tracker::new();
    assert_eq!((t.system(), t.device()), (S::Unknown, DeviceState::Unknown));
    assert_eq!(t.get_response().to_bytes(), [0x2A, 0x2A]);

    // BMC learns the host is soft-off.
    let u = t.apply(host([0x85, 0x83]));
    assert_eq!(u.system.outcome, Ok(Transition::Restated));
    assert_eq!(u.verdict, Verdict::Expected);
    // Firmware init: S2_D2 (OpenBMC convention), expected, not illegal.
    let u = t.apply(host([0x82, 0x82]));
    assert_eq!(u.system.outcome, Ok(Transition::Wake));
    assert_eq!(u.device.outcome, Ok(DeviceTransition::Shallower));
    assert_eq!(u.verdict, Verdict::Expected);
    assert_eq!(t.system(), S::S2);
    // OS running.
    let u = t.apply(host([0x80, 0x80]));
    assert_eq!(u.system.outcome, Ok(Transition::Wake));
    assert_eq!(u.device.outcome, Ok(DeviceTransition::Resume));
    assert_eq!(u.verdict, Verdict::Expected);
    assert_eq!(
        u.to_string(),
        "system S2_D2 -> S0_G0_D0 (wake), device D2 -> D0 (back to D0): expected"
    );
    assert_eq!(t.get_response().to_bytes(), [0x00, 0x00]);
}

#[test]
fn power_good_lost() {
    let mut t = Tracker::with_state(S::S0G0, DeviceState::D0);
    let u = t.apply(Event::PowerGoodLost);
    assert_eq!((u.system.to, u.device.to), (S::G3, DeviceState::D3));
    assert_eq!(u.system.outcome, Ok(Transition::PowerLoss));
    assert_eq!(u.device.outcome, Ok(DeviceTransition::PowerRemoved));
    assert_eq!(u.verdict, Verdict::Surprise);
    assert!(u.verdict.worth_logging());

    // Main rails already off: nothing happens.
    for s in [
        S::S3,
        S::S4,
        S::S5G2,
        S::G3,
        S::Override,
        S::LegacyOff,
        S::S4S5,
    ] {
        let mut t = Tracker::with_state(s, DeviceState::D3);
        let u = t.apply(Event::PowerGoodLost);
        assert_eq!((t.system(), u.verdict), (s, Verdict::Expected), "{s}");
        assert_eq!(u.system.outcome, Ok(Transition::Unchanged));
    }
    // Unknown state: power may have been up, so it is a surprise too.
    let mut t = Tracker::new();
    assert_eq!(t.apply(Event::PowerGoodLost).verdict, Verdict::Surprise);
    assert_eq!(t.system(), S::G3);
}

#[test]
fn override_event() {
    let mut t = Tracker::with_state(S::S3, DeviceState::D3);
    let u = t.apply(Event::Override);
    assert_eq!(u.system.outcome, Ok(Transition::Override));
    assert_eq!(u.device.outcome, Ok(DeviceTransition::Unchanged));
    assert_eq!((t.system(), u.verdict), (S::Override, Verdict::Expected));
    // Already off: an override does nothing.
    for s in [S::S5G2, S::G3, S::S4, S::Override] {
        let mut t = Tracker::with_state(s, DeviceState::D3);
        let u = t.apply(Event::Override);
        assert_eq!((t.system(), u.verdict), (s, Verdict::Expected), "{s}");
    }
}

#[test]
fn reserved_codes_are_rejected_and_change_nothing() {
    let mut t = Tracker::with_state(S::S0G0, DeviceState::D0);
    for bytes in [[0x8B, 0x80], [0x80, 0x84], [0xC0, 0xFF]] {
        let u = t.apply(host(bytes));
        assert_eq!(u.verdict, Verdict::Rejected, "{bytes:02x?}");
        assert_eq!((t.system(), t.device()), (S::S0G0, DeviceState::D0));
    }
}

#[test]
fn partial_updates() {
    let mut t = Tracker::with_state(S::S0G0, DeviceState::D0);
    // Device only.
    let u = t.apply(host([0x7F, 0x83]));
    assert_eq!(
        (u.system.outcome, u.device.outcome),
        (Ok(Transition::Unchanged), Ok(DeviceTransition::Deeper))
    );
    assert_eq!((t.system(), t.device()), (S::S0G0, DeviceState::D3));
    // A system change ACPI forbids (S0 -> S1 is fine, S1 -> S3 is not): recorded and flagged.
    t.apply(host([0x81, 0x7F]));
    let u = t.apply(host([0x83, 0x7F]));
    assert_eq!(
        u.system.outcome.unwrap_err().rule,
        Rule::SleepChangesThroughWorking
    );
    assert_eq!((u.verdict, t.system()), (Verdict::Illegal, S::S3));
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => any::<[u8; 2]>().prop_map(host),
        // Mostly well-formed reports of a named state, so sequences travel the state space.
        6 => (0..S::ALL.len(), 0..DeviceState::ALL.len()).prop_map(|(s, d)| {
            Event::HostSet(SetAcpiPowerState::new(Some(S::ALL[s]), Some(DeviceState::ALL[d])))
        }),
        1 => Just(Event::PowerGoodLost),
        1 => Just(Event::Override),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_event_sequence_keeps_the_tracker_consistent(
        start in 0..S::ALL.len(),
        events in proptest::collection::vec(any_event(), 0..64),
    ) {
        let mut t = Tracker::with_state(S::ALL[start], DeviceState::Unknown);
        for event in events {
            let before = (t.system(), t.device());
            let u = t.apply(event);
            // The update describes exactly what happened to the tracker.
            prop_assert_eq!((u.system.from, u.device.from), before);
            prop_assert_eq!((u.system.to, u.device.to), (t.system(), t.device()));
            // Its classification agrees with the rules.
            prop_assert_eq!(u.system.outcome, transition(u.system.from, u.system.to));
            if matches!(event, Event::HostSet(_)) {
                prop_assert_eq!(u.device.outcome, Ok(ipmi_device_transition(u.device.from, u.device.to)));
            }
            // The verdict agrees with the outcomes.
            let illegal = u.system.outcome.is_err() || u.device.outcome.is_err();
            prop_assert_eq!(illegal, u.verdict == Verdict::Illegal);
            match event {
                Event::HostSet(req) if req.has_reserved_code() => {
                    prop_assert_eq!(u.verdict, Verdict::Rejected);
                    prop_assert_eq!((t.system(), t.device()), before);
                }
                Event::HostSet(req) => {
                    prop_assert_eq!(t.system(), req.system_update().unwrap_or(before.0));
                    prop_assert_eq!(t.device(), req.device_update().unwrap_or(before.1));
                }
                Event::PowerGoodLost => {
                    if before.0.rail(Rail::Main) == Answer::No {
                        prop_assert_eq!((t.system(), t.device()), before);
                    } else {
                        prop_assert_eq!((t.system(), t.device()), (S::G3, DeviceState::D3));
                        prop_assert_eq!(u.verdict, Verdict::Surprise);
                    }
                }
                Event::Override => {
                    prop_assert!(t.system() == before.0 || t.system() == S::Override);
                    prop_assert_eq!(u.verdict, Verdict::Expected);
                }
            }
            // The tracker always answers Get ACPI Power State with named codes.
            let rsp = t.get_response();
            prop_assert_eq!(rsp.system.state(), Some(t.system()));
            prop_assert_eq!(rsp.device.state(), Some(t.device()));
        }
    }
}
