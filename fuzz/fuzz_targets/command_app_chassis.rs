//! Arbitrary bytes as the data of every App and Chassis message in `ipmi_proto::command::app`
//! and `::chassis`. The first byte picks the message; whatever parses emits back to exactly the
//! rest, `buffer_len` is the emitted length, a short buffer is refused, and every error is one
//! of the documented kinds.
#![no_main]

use acpi_state::ipmi::{GetAcpiPowerStateResponse, SetAcpiPowerState};
use ipmi_proto::command::app::*;
use ipmi_proto::command::chassis::*;
use ipmi_proto::command::{CommandError, Empty, Message};
use libfuzzer_sys::fuzz_target;

fn check<'a, M: Message<'a>>(data: &'a [u8]) {
    match M::parse(data) {
        Ok(m) => {
            let n = m.buffer_len();
            let mut buf = vec![0xA5; n];
            assert_eq!(m.emit(&mut buf), Ok(n));
            assert_eq!(buf, data);
            if n > 0 {
                let mut short = vec![0xA5; n - 1];
                assert!(m.emit(&mut short).is_err());
                assert!(short.iter().all(|&b| b == 0xA5));
            }
            assert!((M::MIN_LEN..=M::MAX_LEN).contains(&n));
        }
        Err(CommandError::Truncated { actual, needed }) => {
            assert_eq!(actual, data.len());
            assert!(needed > actual);
        }
        Err(CommandError::TooLong { actual, max }) => {
            assert_eq!(actual, data.len());
            assert!(max < actual);
        }
        Err(CommandError::InvalidField { offset, .. }) => assert!(offset < data.len()),
        Err(_) => {}
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&which, data)) = input.split_first() else {
        return;
    };
    match which % 18 {
        0 => check::<Empty>(data),
        1 => check::<DeviceIdResponse>(data),
        2 => check::<SelfTestResponse>(data),
        3 => check::<SetAcpiPowerState>(data),
        4 => check::<GetAcpiPowerStateResponse>(data),
        5 => check::<Guid>(data),
        6 => check::<ChannelAuthCapabilitiesRequest>(data),
        7 => check::<ChannelAuthCapabilitiesResponse>(data),
        8 => check::<ChassisCapabilitiesResponse>(data),
        9 => check::<ChassisStatusResponse>(data),
        10 => check::<ChassisControlRequest>(data),
        11 => check::<ChassisIdentifyRequest>(data),
        12 => check::<SetPowerRestorePolicyRequest>(data),
        13 => check::<PowerRestorePolicySupport>(data),
        14 => check::<SystemRestartCauseResponse>(data),
        15 => check::<SetSystemBootOptionsRequest>(data),
        16 => check::<GetSystemBootOptionsRequest>(data),
        _ => check::<GetSystemBootOptionsResponse>(data),
    }
});
