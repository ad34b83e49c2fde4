//! Arbitrary bytes through every `acpi-state` decoder: IPMI request/response bytes → codes →
//! states → codes, names, SEL offsets, and the tracker. Checks round trips, not only the absence
//! of panics.
#![no_main]

use acpi_state::ipmi::{GetAcpiPowerStateResponse, SetAcpiPowerState};
use acpi_state::{
    DevicePowerState, Event, SensorSupply, SysfsPowerState, SystemPowerState, Tracker, transition,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Message bodies of any length: only two bytes parse, and they re-encode exactly.
    if let Ok(req) = SetAcpiPowerState::parse(data) {
        assert_eq!(&req.to_bytes()[..], data);
    }
    if let Ok(rsp) = GetAcpiPowerStateResponse::parse(data) {
        assert_eq!(&rsp.to_bytes()[..], data);
    }

    // Every byte pair as a request fed to a tracker; the tracker's answer is always a named code.
    let mut tracker = Tracker::new();
    for pair in data.chunks_exact(2) {
        let bytes = [pair[0], pair[1]];
        let req = SetAcpiPowerState::from_bytes(bytes);
        assert_eq!(req.to_bytes(), bytes);
        let rsp = GetAcpiPowerStateResponse::from_bytes(bytes);
        assert_eq!(rsp.to_bytes(), bytes);
        let event = match pair[0] % 16 {
            0 => Event::PowerGoodLost,
            1 => Event::Override,
            _ => Event::HostSet(req),
        };
        let before = tracker.system();
        let update = tracker.apply(event);
        assert_eq!(update.system.from, before);
        assert_eq!(update.system.to, tracker.system());
        assert_eq!(update.system.outcome, transition(before, tracker.system()));
        let answer = tracker.get_response();
        assert_eq!(answer.system.state(), Some(tracker.system()));
        let _ = tracker
            .system()
            .sensor_access(SensorSupply::main().shared_with_host());
    }

    // SEL offsets.
    for &b in data {
        if let Ok(s) = SystemPowerState::from_sel_offset(b) {
            assert_eq!(s.sel_offset(), b);
        }
    }

    // Names: whatever parses prints back as a name that parses to the same value.
    if let Ok(text) = core::str::from_utf8(data) {
        if let Ok(s) = text.parse::<SystemPowerState>() {
            assert_eq!(s.to_string().parse::<SystemPowerState>(), Ok(s));
        }
        if let Ok(d) = text.parse::<DevicePowerState>() {
            assert_eq!(d.to_string().parse::<DevicePowerState>(), Ok(d));
        }
        if let Ok(d) = text.parse::<SysfsPowerState>() {
            assert_eq!(d.to_string().parse::<SysfsPowerState>(), Ok(d));
        }
    }
});
