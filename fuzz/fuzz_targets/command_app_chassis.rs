//! Arbitrary bytes as the data of every App and Chassis message in `ipmi_proto::command::app`,
//! `::session` and `::chassis`. The first byte picks the message; whatever parses emits back to
//! exactly the rest, `buffer_len` is the emitted length, a short buffer is refused, and every
//! error is one of the documented kinds. The cipher suite record parser walks the rest too:
//! every record it yields re-emits to the bytes it came from, and it stops after an error.
#![no_main]

use acpi_state::ipmi::{GetAcpiPowerStateResponse, SetAcpiPowerState};
use ipmi_proto::command::app::*;
use ipmi_proto::command::chassis::*;
use ipmi_proto::command::session::{
    ActivateSessionRequest, ActivateSessionResponse, ChannelCipherSuitesRequest,
    ChannelCipherSuitesResponse, ChannelInfoRequest, ChannelInfoResponse, CipherSuiteRecords,
    CloseSessionRequest, SessionChallengeRequest, SessionChallengeResponse,
    SessionPrivilegeResponse, SetSessionPrivilegeRequest,
};
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

fn check_records(data: &[u8]) {
    let mut offset = 0;
    let mut records = CipherSuiteRecords::new(data);
    for r in records.by_ref() {
        let Ok(record) = r else { break };
        let n = record.buffer_len();
        let mut buf = vec![0xA5; n];
        assert_eq!(record.emit(&mut buf), Ok(n));
        assert_eq!(buf.as_slice(), &data[offset..offset + n]);
        offset += n;
    }
    assert!(records.next().is_none());
}

fuzz_target!(|input: &[u8]| {
    let Some((&which, data)) = input.split_first() else {
        return;
    };
    match which % 30 {
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
        17 => check::<GetSystemBootOptionsResponse>(data),
        18 => check::<ChannelCipherSuitesRequest>(data),
        19 => {
            check::<ChannelCipherSuitesResponse>(data);
            check_records(data);
        }
        20 => check::<SessionChallengeRequest>(data),
        21 => check::<SessionChallengeResponse>(data),
        22 => check::<ActivateSessionRequest>(data),
        23 => check::<ActivateSessionResponse>(data),
        24 => check::<SetSessionPrivilegeRequest>(data),
        25 => check::<SessionPrivilegeResponse>(data),
        26 => check::<CloseSessionRequest>(data),
        27 => check::<ChannelInfoRequest>(data),
        28 => check::<ChannelInfoResponse>(data),
        _ => check_records(data),
    }
});
