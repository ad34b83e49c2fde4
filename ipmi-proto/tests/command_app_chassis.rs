//! App (IPMI 2.0 §20, §22.13–14) and Chassis (§28) commands: spec byte layouts both ways, every
//! truncated length, over-long data, invalid fields, short output buffers, exhaustive walks of
//! the short messages and proptest round trips.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::{too_long, truncations, vector};

use acpi_state::SystemPowerState;
use acpi_state::ipmi::{DeviceState, GetAcpiPowerStateResponse, SetAcpiPowerState};
use ipmi_proto::command::app::*;
use ipmi_proto::command::chassis::*;
use ipmi_proto::command::{Command, CommandError, Empty, Message, Privilege};
use ipmi_proto::message::{Cmd, NetFn};
use proptest::prelude::*;

fn codes<C: Command>(netfn: NetFn, cmd: u8, privilege: Privilege) {
    assert_eq!(
        (C::NETFN, C::CMD, C::PRIVILEGE),
        (netfn, Cmd(cmd), privilege)
    );
}

// ------------------------------------------------------------------------------------------
// Command codes and privileges (IPMI 2.0 Appendix G).

#[test]
fn command_table() {
    codes::<GetDeviceId>(NetFn::APP, 0x01, Privilege::User);
    codes::<ColdReset>(NetFn::APP, 0x02, Privilege::Administrator);
    codes::<WarmReset>(NetFn::APP, 0x03, Privilege::Administrator);
    codes::<GetSelfTestResults>(NetFn::APP, 0x04, Privilege::User);
    codes::<SetAcpiPowerStateCmd>(NetFn::APP, 0x06, Privilege::Administrator);
    codes::<GetAcpiPowerState>(NetFn::APP, 0x07, Privilege::User);
    codes::<GetDeviceGuid>(NetFn::APP, 0x08, Privilege::User);
    codes::<GetSystemGuid>(NetFn::APP, 0x37, Privilege::None);
    codes::<GetChannelAuthCapabilities>(NetFn::APP, 0x38, Privilege::None);
    codes::<GetChassisCapabilities>(NetFn::CHASSIS, 0x00, Privilege::User);
    codes::<GetChassisStatus>(NetFn::CHASSIS, 0x01, Privilege::User);
    codes::<ChassisControl>(NetFn::CHASSIS, 0x02, Privilege::Operator);
    codes::<ChassisIdentify>(NetFn::CHASSIS, 0x04, Privilege::Operator);
    codes::<SetPowerRestorePolicy>(NetFn::CHASSIS, 0x06, Privilege::Operator);
    codes::<GetSystemRestartCause>(NetFn::CHASSIS, 0x07, Privilege::User);
    codes::<SetSystemBootOptions>(NetFn::CHASSIS, 0x08, Privilege::Operator);
    codes::<GetSystemBootOptions>(NetFn::CHASSIS, 0x09, Privilege::Operator);
}

#[test]
fn empty_messages() {
    vector(&[], &Empty);
    too_long::<Empty>(&[]);
    let mut buf = [0u8; 0];
    assert_eq!(
        <GetDeviceId as Command>::Request::default().emit(&mut buf),
        Ok(0)
    );
}

// ------------------------------------------------------------------------------------------
// App.

/// A hand-made Get Device ID response: device 20h, revision 9, firmware 8.00, IPMI 2.0, support
/// 9Fh, IANA 1291h, product 0F02h, auxiliary revision 01 02 03 04.
const DEVICE_ID: [u8; 15] = [
    0x20, 0x09, 0x08, 0x00, 0x02, 0x9F, 0x91, 0x12, 0x00, 0x02, 0x0F, 0x01, 0x02, 0x03, 0x04,
];

#[test]
fn get_device_id_layout() {
    let long = DeviceIdResponse {
        device_id: 0x20,
        device_revision: DeviceRevision::new(false, 9).unwrap(),
        firmware_revision_1: FirmwareRevision1::new(false, 8).unwrap(),
        firmware_revision_2: 0x00,
        ipmi_version: DeviceIdResponse::IPMI_2_0,
        additional_device_support: DeviceSupport(0x9F),
        manufacturer_id: ManufacturerId::new(0x1291).unwrap(),
        product_id: 0x0F02,
        aux_firmware_revision: Some([1, 2, 3, 4]),
    };
    vector(&DEVICE_ID, &long);
    let short = DeviceIdResponse {
        aux_firmware_revision: None,
        ..long
    };
    vector(&DEVICE_ID[..11], &short);
    assert_eq!(truncations::<DeviceIdResponse>(&DEVICE_ID, &[11]), 14);
    too_long::<DeviceIdResponse>(&DEVICE_ID);
    // 12–14 bytes: an auxiliary revision begun but not finished.
    assert_eq!(
        DeviceIdResponse::parse(&DEVICE_ID[..13]),
        Err(CommandError::Truncated {
            needed: 15,
            actual: 13
        })
    );
    let r = DeviceIdResponse::parse(&DEVICE_ID).unwrap();
    assert_eq!(r.manufacturer_id.iana(), 0x1291);
    assert!(
        r.additional_device_support
            .contains(DeviceSupport::CHASSIS | DeviceSupport::SENSOR)
    );
    assert!(!r.additional_device_support.contains(DeviceSupport::BRIDGE));
    assert_eq!(r.ipmi_version_parts(), (2, 0));
    assert_eq!(r.device_revision.revision(), 9);
    // Reserved bits 7:4 of the manufacturer's third byte are kept.
    let mut odd = DEVICE_ID;
    odd[8] = 0xF0;
    odd[2] = 0xFF; // update in progress, major 7Fh
    odd[1] = 0xFF; // reserved bits 6:4 set
    let r = DeviceIdResponse::parse(&odd).unwrap();
    assert_eq!(
        (r.manufacturer_id.reserved_bits(), r.manufacturer_id.iana()),
        (0xF, 0x1291)
    );
    assert!(r.firmware_revision_1.update_in_progress());
    assert_eq!(r.firmware_revision_1.major(), 0x7F);
    vector(&odd, &r);
    // Constructors refuse values that do not fit.
    assert!(DeviceRevision::new(true, 0x10).is_err());
    assert!(FirmwareRevision1::new(true, 0x80).is_err());
    assert_eq!(ManufacturerId::new(0x10_0000), None);
    assert_eq!(
        DeviceIdResponse {
            firmware_revision_2: 0x1A,
            ..short
        }
        .firmware_minor(),
        None
    );
}

#[test]
fn cold_warm_reset() {
    for data in [[].as_slice(), &[0]] {
        assert_eq!(
            <<ColdReset as Command>::Request<'_> as Message>::parse(data).is_ok(),
            data.is_empty()
        );
        assert_eq!(
            <<WarmReset as Command>::Response<'_> as Message>::parse(data).is_ok(),
            data.is_empty()
        );
    }
}

#[test]
fn self_test_layout() {
    vector(&[0x55, 0x00], &SelfTestResponse::PASSED);
    let failed = SelfTestResponse {
        result: SelfTestResult::CorruptedOrInaccessible,
        detail: 0x88,
    };
    vector(&[0x57, 0x88], &failed);
    let f = failed.failures().unwrap();
    assert!(
        f.contains(SelfTestFailures::SEL_INACCESSIBLE | SelfTestFailures::SDR_REPOSITORY_EMPTY)
    );
    assert!(!f.contains(SelfTestFailures::OPERATIONAL_FIRMWARE_CORRUPTED));
    vector(
        &[0x80, 0x12],
        &SelfTestResponse {
            result: SelfTestResult::Other(0x80),
            detail: 0x12,
        },
    );
    assert_eq!(SelfTestResponse::PASSED.failures(), None);
    assert_eq!(truncations::<SelfTestResponse>(&[0x55, 0x00], &[]), 2);
    too_long::<SelfTestResponse>(&[0x55, 0x00]);
    for c in 0..=255u8 {
        assert_eq!(SelfTestResult::from_code(c).code(), c);
    }
}

#[test]
fn acpi_power_state_layout() {
    // Set: S5 and D3 (`ipmitool raw 0x06 0x06 0x85 0x83`).
    let set = SetAcpiPowerState::new(Some(SystemPowerState::S5G2), Some(DeviceState::D3));
    vector(&[0x85, 0x83], &set);
    vector(
        &[0x7F, 0x80],
        &SetAcpiPowerState::new(None, Some(DeviceState::D0)),
    );
    assert_eq!(truncations::<SetAcpiPowerState>(&[0x85, 0x83], &[]), 2);
    too_long::<SetAcpiPowerState>(&[0x85, 0x83]);
    // A reserved code in a part to be set is refused; without bit 7 it is kept.
    assert_eq!(
        <SetAcpiPowerState as Message>::parse(&[0x8B, 0x00]),
        Err(CommandError::InvalidField {
            offset: 0,
            value: 0x8B
        })
    );
    assert_eq!(
        <SetAcpiPowerState as Message>::parse(&[0x00, 0x84]),
        Err(CommandError::InvalidField {
            offset: 1,
            value: 0x84
        })
    );
    assert!(<SetAcpiPowerState as Message>::parse(&[0x0B, 0x04]).is_ok());
    // Get: S0/G0, D0.
    let get = GetAcpiPowerStateResponse::new(SystemPowerState::S0G0, DeviceState::D0);
    vector(&[0x00, 0x00], &get);
    vector(
        &[0x2A, 0x2A],
        &GetAcpiPowerStateResponse::new(SystemPowerState::Unknown, DeviceState::Unknown),
    );
    assert_eq!(truncations::<GetAcpiPowerStateResponse>(&[0, 0], &[]), 2);
    too_long::<GetAcpiPowerStateResponse>(&[0, 0]);
}

#[test]
fn guid_layout() {
    let bytes: [u8; 16] = core::array::from_fn(|i| i as u8 * 0x11);
    vector(&bytes, &Guid(bytes));
    assert_eq!(truncations::<Guid>(&bytes, &[]), 16);
    too_long::<Guid>(&bytes);
}

#[test]
fn channel_auth_capabilities_layout() {
    let req = ChannelAuthCapabilitiesRequest {
        extended: true,
        channel: ChannelNumber::PRESENT_INTERFACE,
        max_privilege: Privilege::Administrator,
    };
    vector(&[0x8E, 0x04], &req);
    vector(
        &[0x01, 0x02],
        &ChannelAuthCapabilitiesRequest {
            extended: false,
            channel: ChannelNumber::new(1).unwrap(),
            max_privilege: Privilege::User,
        },
    );
    assert_eq!(
        truncations::<ChannelAuthCapabilitiesRequest>(&[0x8E, 0x04], &[]),
        2
    );
    too_long::<ChannelAuthCapabilitiesRequest>(&[0x8E, 0x04]);
    for (data, offset, value) in [
        ([0x9E, 0x04], 0, 0x9E), // reserved bit 4
        ([0x0E, 0x00], 1, 0x00), // privilege 0 reserved
        ([0x0E, 0x06], 1, 0x06), // privilege 6 reserved
        ([0x0E, 0x14], 1, 0x14), // reserved bits 7:4
    ] {
        assert_eq!(
            ChannelAuthCapabilitiesRequest::parse(&data),
            Err(CommandError::InvalidField { offset, value }),
            "{data:02X?}"
        );
    }
    assert!(ChannelNumber::new(0x10).is_err());

    // Response: channel 1, v2.0 ext + MD5 + straight + none, non-null users, v1.5 + v2.0.
    let bytes = [0x01, 0x95, 0x04, 0x03, 0x00, 0x00, 0x00, 0x00];
    let resp = ChannelAuthCapabilitiesResponse {
        channel: 0x01,
        auth_types: AuthTypeSupport(
            AuthTypeSupport::EXTENDED
                | AuthTypeSupport::PASSWORD
                | AuthTypeSupport::MD5
                | AuthTypeSupport::NONE,
        ),
        status: AuthStatus(AuthStatus::NON_NULL_USERNAMES),
        extended: ExtendedCapabilities(
            ExtendedCapabilities::IPMI_1_5 | ExtendedCapabilities::IPMI_2_0,
        ),
        oem_id: OemId::new(0).unwrap(),
        oem_aux: 0,
    };
    vector(&bytes, &resp);
    let oem = [0xF1, 0xE0, 0xC0, 0xFF, 0xA2, 0x02, 0x00, 0x7E];
    let r = ChannelAuthCapabilitiesResponse::parse(&oem).unwrap();
    assert_eq!(
        (r.channel_number(), r.oem_id.value(), r.oem_aux),
        (1, 0x0002A2, 0x7E)
    );
    vector(&oem, &r);
    assert_eq!(OemId::new(0x0100_0000), None);
    assert_eq!(
        truncations::<ChannelAuthCapabilitiesResponse>(&bytes, &[]),
        8
    );
    too_long::<ChannelAuthCapabilitiesResponse>(&bytes);
}

// ------------------------------------------------------------------------------------------
// Chassis.

#[test]
fn chassis_capabilities_layout() {
    let bytes = [0x0F, 0x20, 0x22, 0x24, 0x26, 0x28];
    let caps = ChassisCapabilitiesResponse {
        flags: ChassisCapabilityFlags(0x0F),
        fru_device_address: 0x20,
        sdr_device_address: 0x22,
        sel_device_address: 0x24,
        system_management_device_address: 0x26,
        bridge_device_address: Some(0x28),
    };
    vector(&bytes, &caps);
    vector(
        &bytes[..5],
        &ChassisCapabilitiesResponse {
            bridge_device_address: None,
            ..caps
        },
    );
    assert!(caps.flags.contains(
        ChassisCapabilityFlags::POWER_INTERLOCK | ChassisCapabilityFlags::INTRUSION_SENSOR
    ));
    assert_eq!(truncations::<ChassisCapabilitiesResponse>(&bytes, &[5]), 5);
    too_long::<ChassisCapabilitiesResponse>(&bytes);
}

#[test]
fn chassis_status_layout() {
    // Power on, restore previous, last event AC failed, identify supported and indefinitely on.
    let bytes = [0x21, 0x01, 0x60, 0xF0];
    let status = ChassisStatusResponse {
        current_power_state: CurrentPowerState::new(
            PowerRestorePolicy::PreviousState,
            CurrentPowerState::POWER_ON,
        ),
        last_power_event: LastPowerEvent(LastPowerEvent::AC_FAILED),
        misc_chassis_state: MiscChassisState(0x60),
        front_panel_buttons: Some(FrontPanelButtons(0xF0)),
    };
    vector(&bytes, &status);
    assert_eq!(
        status.misc_chassis_state.identify_state(),
        Some(IdentifyState::IndefiniteOn)
    );
    assert!(status.current_power_state.power_on());
    assert_eq!(
        status.current_power_state.restore_policy(),
        PowerRestorePolicy::PreviousState
    );
    vector(
        &bytes[..3],
        &ChassisStatusResponse {
            front_panel_buttons: None,
            ..status
        },
    );
    // Identify not supported: no state even if bits 5:4 are set.
    assert_eq!(MiscChassisState(0x30).identify_state(), None);
    assert_eq!(
        MiscChassisState(0x70).identify_state(),
        Some(IdentifyState::Reserved)
    );
    assert_eq!(
        CurrentPowerState(0xE0).restore_policy(),
        PowerRestorePolicy::Unknown
    );
    assert_eq!(truncations::<ChassisStatusResponse>(&bytes, &[3]), 3);
    too_long::<ChassisStatusResponse>(&bytes);
}

#[test]
fn chassis_control_layout() {
    for (code, value) in ChassisControlRequest::ALL.iter().enumerate() {
        vector(&[code as u8], value);
    }
    assert_eq!(truncations::<ChassisControlRequest>(&[2], &[]), 1);
    too_long::<ChassisControlRequest>(&[2]);
    for b in 6..=255u8 {
        assert_eq!(
            ChassisControlRequest::parse(&[b]),
            Err(CommandError::InvalidField {
                offset: 0,
                value: b
            })
        );
    }
}

#[test]
fn chassis_identify_layout() {
    vector(&[], &ChassisIdentifyRequest::Default);
    vector(&[0x0F], &ChassisIdentifyRequest::Interval(15));
    vector(
        &[0x00, 0x01],
        &ChassisIdentifyRequest::Force {
            interval: 0,
            force_on: true,
        },
    );
    vector(
        &[0x05, 0x00],
        &ChassisIdentifyRequest::Force {
            interval: 5,
            force_on: false,
        },
    );
    too_long::<ChassisIdentifyRequest>(&[0, 1]);
    assert_eq!(
        ChassisIdentifyRequest::parse(&[0, 2]),
        Err(CommandError::InvalidField {
            offset: 1,
            value: 2
        })
    );
    // Every prefix is a valid shorter form (no truncation is possible here).
    assert_eq!(truncations::<ChassisIdentifyRequest>(&[0, 1], &[0, 1]), 0);
}

#[test]
fn power_restore_policy_layout() {
    for (code, value) in SetPowerRestorePolicyRequest::ALL.iter().enumerate() {
        vector(&[code as u8], value);
    }
    for b in 4..=255u8 {
        assert_eq!(
            SetPowerRestorePolicyRequest::parse(&[b]),
            Err(CommandError::InvalidField {
                offset: 0,
                value: b
            })
        );
    }
    assert_eq!(truncations::<SetPowerRestorePolicyRequest>(&[1], &[]), 1);
    too_long::<SetPowerRestorePolicyRequest>(&[1]);
    let support = PowerRestorePolicySupport(0x07);
    vector(&[0x07], &support);
    assert!(support.contains(
        PowerRestorePolicySupport::ALWAYS_ON
            | PowerRestorePolicySupport::PREVIOUS_STATE
            | PowerRestorePolicySupport::STAY_OFF
    ));
    assert_eq!(truncations::<PowerRestorePolicySupport>(&[7], &[]), 1);
    too_long::<PowerRestorePolicySupport>(&[7]);
}

#[test]
fn restart_cause_layout() {
    let r = SystemRestartCauseResponse::new(RestartCause::PowerButton, 0x0F);
    vector(&[0x03, 0x0F], &r);
    assert_eq!(r.restart_cause(), RestartCause::PowerButton);
    // Reserved bits and codes are kept.
    let odd = SystemRestartCauseResponse::parse(&[0xFC, 0x01]).unwrap();
    assert_eq!(odd.restart_cause(), RestartCause::Reserved(0x0C));
    vector(&[0xFC, 0x01], &odd);
    for b in 0..16u8 {
        assert_eq!(RestartCause::from_bits(b).bits(), b);
    }
    assert_eq!(truncations::<SystemRestartCauseResponse>(&[3, 0], &[]), 2);
    too_long::<SystemRestartCauseResponse>(&[3, 0]);
}

#[test]
fn boot_flags_fields() {
    // Every field at a distinct value.
    let f = BootFlags([0xE0, 0xFF, 0xFF, 0x0A, 0x1F]);
    assert!(f.valid() && f.persistent() && f.efi());
    assert!(f.cmos_clear() && f.lock_keyboard() && f.screen_blank() && f.lock_reset_button());
    assert_eq!(f.boot_device(), BootDevice::Floppy);
    assert!(f.lock_power_button() && f.force_progress_event_traps());
    assert!(f.user_password_bypass() && f.lock_sleep_button());
    assert_eq!(f.firmware_verbosity(), BootSetting::Reserved);
    assert_eq!(f.console_redirection(), BootSetting::Reserved);
    assert!(f.bios_shared_mode_override());
    assert_eq!((f.bios_mux_control(), f.device_instance()), (2, 0x1F));
    let g = BootFlags([0x80, 0x18, 0x22, 0x00, 0x00]);
    assert_eq!(g.boot_device(), BootDevice::BiosSetup);
    assert_eq!(g.firmware_verbosity(), BootSetting::First);
    assert_eq!(g.console_redirection(), BootSetting::Second);
    for b in 0..16u8 {
        assert_eq!(BootDevice::from_bits(b).bits(), b);
    }
    assert_eq!(BootDevice::from_bits(0x0A), BootDevice::Reserved(0x0A));
}

#[test]
fn set_boot_options_layout() {
    // `ipmitool chassis bootdev pxe`: 05h, then 80h 04h 00h 00h 00h.
    let bytes = [0x05, 0x80, 0x04, 0x00, 0x00, 0x00];
    let req = SetSystemBootOptionsRequest {
        invalid: false,
        parameter: BootOption::BootFlags(BootFlags::new(BootDevice::Pxe, false, false)),
    };
    vector(&bytes, &req);
    assert_eq!(truncations::<SetSystemBootOptionsRequest>(&bytes, &[]), 6);
    assert_eq!(
        SetSystemBootOptionsRequest::parse(&[0x05, 0x80, 0x04, 0x00, 0x00, 0x00, 0x00]),
        Err(CommandError::TooLong { max: 6, actual: 7 })
    );
    // Parameter 0 (set in progress) kept raw; bit 7 marks it invalid.
    let raw = [0x80, 0x01];
    let req = SetSystemBootOptionsRequest::parse(&raw).unwrap();
    assert_eq!(
        req,
        SetSystemBootOptionsRequest {
            invalid: true,
            parameter: BootOption::Other {
                selector: BootParameterSelector::new(0).unwrap(),
                data: &[0x01],
            },
        }
    );
    vector(&raw, &req);
    // The selector alone (a parameter with no data) is accepted.
    assert!(SetSystemBootOptionsRequest::parse(&[0x03]).is_ok());
    assert_eq!(
        SetSystemBootOptionsRequest::parse(&[]),
        Err(CommandError::Truncated {
            needed: 1,
            actual: 0
        })
    );
    let big = [0u8; 257];
    assert_eq!(
        SetSystemBootOptionsRequest::parse(&big),
        Err(CommandError::TooLong {
            max: 256,
            actual: 257
        })
    );
    assert!(BootParameterSelector::new(0x80).is_err());
}

#[test]
fn get_boot_options_layout() {
    let req = GetSystemBootOptionsRequest {
        selector: BootParameterSelector::BOOT_FLAGS,
        set_selector: 0,
        block_selector: 0,
    };
    vector(&[0x05, 0x00, 0x00], &req);
    assert_eq!(
        truncations::<GetSystemBootOptionsRequest>(&[5, 0, 0], &[]),
        3
    );
    too_long::<GetSystemBootOptionsRequest>(&[5, 0, 0]);
    assert_eq!(
        GetSystemBootOptionsRequest::parse(&[0x85, 0, 0]),
        Err(CommandError::InvalidField {
            offset: 0,
            value: 0x85
        })
    );

    // Boot flags: valid, persistent, EFI, force BIOS setup.
    let bytes = [0x01, 0x05, 0xE0, 0x18, 0x00, 0x00, 0x00];
    let resp = GetSystemBootOptionsResponse {
        parameter_version: 1,
        invalid: false,
        parameter: BootOption::BootFlags(BootFlags::new(BootDevice::BiosSetup, true, true)),
    };
    vector(&bytes, &resp);
    assert_eq!(truncations::<GetSystemBootOptionsResponse>(&bytes, &[]), 7);
    let mut long = bytes.to_vec();
    long.push(0);
    assert_eq!(
        GetSystemBootOptionsResponse::parse(&long),
        Err(CommandError::TooLong { max: 7, actual: 8 })
    );
    // Parameter 4 (boot info acknowledge) kept raw, locked.
    let raw = [0x01, 0x84, 0x00, 0x1F];
    let resp = GetSystemBootOptionsResponse::parse(&raw).unwrap();
    assert!(resp.invalid);
    assert_eq!(resp.parameter.selector().value(), 4);
    vector(&raw, &resp);
}

// ------------------------------------------------------------------------------------------
// Exhaustive walks: every input of up to 2 bytes for the short messages. Each either fails with
// a typed error or re-emits the same bytes.

fn walk<M>(max_len: usize) -> (usize, usize)
where
    M: for<'a> Message<'a>,
{
    let (mut ok, mut err) = (0, 0);
    let mut inputs: Vec<Vec<u8>> = vec![vec![]];
    inputs.extend((0..=255u8).map(|a| vec![a]));
    if max_len >= 2 {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                inputs.push(vec![a, b]);
            }
        }
    }
    for data in &inputs {
        match M::parse(data) {
            Ok(m) => {
                let mut out = [0u8; 8];
                let n = m.emit(&mut out).unwrap();
                assert_eq!(&out[..n], data.as_slice());
                assert_eq!(m.buffer_len(), n);
                ok += 1;
            }
            Err(_) => err += 1,
        }
    }
    (ok, err)
}

#[test]
fn exhaustive_short_messages() {
    // 1 + 256 + 65536 = 65793 inputs for each 2-byte walk.
    assert_eq!(walk::<SelfTestResponse>(2), (65536, 257));
    assert_eq!(walk::<GetAcpiPowerStateResponse>(2), (65536, 257));
    assert_eq!(walk::<SystemRestartCauseResponse>(2), (65536, 257));
    // Channel auth request: 32 first bytes (bit 7, channel) × 5 privileges.
    assert_eq!(
        walk::<ChannelAuthCapabilitiesRequest>(2),
        (32 * 5, 65793 - 160)
    );
    // Chassis Identify: empty, 256 intervals, 256 × 2 force bytes.
    assert_eq!(
        walk::<ChassisIdentifyRequest>(2),
        (1 + 256 + 512, 65793 - 769)
    );
    assert_eq!(walk::<ChassisControlRequest>(1), (6, 257 - 6));
    assert_eq!(walk::<SetPowerRestorePolicyRequest>(1), (4, 257 - 4));
    assert_eq!(walk::<PowerRestorePolicySupport>(1), (256, 1));
    let (ok, err) = walk::<SetAcpiPowerState>(2);
    assert_eq!(ok + err, 65793);
    // Accepted: every pair whose set parts carry a named state or 7Fh.
    let mut expected = 0;
    for a in 0..=255u8 {
        for b in 0..=255u8 {
            let r = SetAcpiPowerState::from_bytes([a, b]);
            if !r.has_reserved_code() {
                expected += 1;
            }
        }
    }
    assert_eq!(ok, expected);
}

// ------------------------------------------------------------------------------------------
// Proptest round trips: parse(emit(x)) == x for generated values, emit(parse(b)) == b for
// generated bytes.

fn emit_vec<'a, M: Message<'a>>(m: &M) -> Vec<u8> {
    let mut out = vec![0u8; m.buffer_len()];
    let n = m.emit(&mut out).unwrap();
    out.truncate(n);
    out
}

fn bytes_round_trip<'a, M: Message<'a>>(data: &'a [u8]) {
    if let Ok(m) = M::parse(data) {
        assert_eq!(emit_vec(&m), data);
    }
}

fn privilege() -> impl Strategy<Value = Privilege> {
    prop_oneof![
        Just(Privilege::Callback),
        Just(Privilege::User),
        Just(Privilege::Operator),
        Just(Privilege::Administrator),
        Just(Privilege::Oem),
    ]
}

fn boot_option(data: &[u8]) -> impl Strategy<Value = BootOption<'_>> {
    prop_oneof![
        any::<[u8; 5]>().prop_map(|b| BootOption::BootFlags(BootFlags(b))),
        (0u8..=0x7F, 0..=data.len())
            .prop_filter("selector 5 is typed", |(s, _)| *s != 5)
            .prop_map(move |(s, n)| BootOption::Other {
                selector: BootParameterSelector::new(s).unwrap(),
                data: &data[..n],
            }),
    ]
}

static RAW: [u8; 40] = [0x5A; 40];

proptest! {
    #[test]
    fn device_id_values(
        id in any::<u8>(), rev in any::<u8>(), fw1 in any::<u8>(), fw2 in any::<u8>(),
        ver in any::<u8>(), sup in any::<u8>(), m in any::<[u8; 3]>(), p in any::<u16>(),
        aux in proptest::option::of(any::<[u8; 4]>()),
    ) {
        let v = DeviceIdResponse {
            device_id: id,
            device_revision: DeviceRevision(rev),
            firmware_revision_1: FirmwareRevision1(fw1),
            firmware_revision_2: fw2,
            ipmi_version: ver,
            additional_device_support: DeviceSupport(sup),
            manufacturer_id: ManufacturerId(m),
            product_id: p,
            aux_firmware_revision: aux,
        };
        prop_assert_eq!(DeviceIdResponse::parse(&emit_vec(&v)), Ok(v));
    }

    #[test]
    fn self_test_values(r in any::<u8>(), d in any::<u8>()) {
        let v = SelfTestResponse { result: SelfTestResult::from_code(r), detail: d };
        prop_assert_eq!(SelfTestResponse::parse(&emit_vec(&v)), Ok(v));
    }

    #[test]
    fn acpi_values(a in any::<u8>(), b in any::<u8>()) {
        let v = GetAcpiPowerStateResponse::from_bytes([a, b]);
        prop_assert_eq!(<GetAcpiPowerStateResponse as Message>::parse(&emit_vec(&v)), Ok(v));
        let s = SetAcpiPowerState::from_bytes([a, b]);
        if !s.has_reserved_code() {
            prop_assert_eq!(<SetAcpiPowerState as Message>::parse(&emit_vec(&s)), Ok(s));
        }
    }

    #[test]
    fn guid_values(g in any::<[u8; 16]>()) {
        prop_assert_eq!(Guid::parse(&emit_vec(&Guid(g))), Ok(Guid(g)));
    }

    #[test]
    fn channel_auth_values(
        extended in any::<bool>(), ch in 0u8..16, p in privilege(),
        resp in any::<[u8; 8]>(),
    ) {
        let v = ChannelAuthCapabilitiesRequest {
            extended, channel: ChannelNumber::new(ch).unwrap(), max_privilege: p,
        };
        prop_assert_eq!(ChannelAuthCapabilitiesRequest::parse(&emit_vec(&v)), Ok(v));
        let [c, a, s, e, o0, o1, o2, x] = resp;
        let r = ChannelAuthCapabilitiesResponse {
            channel: c, auth_types: AuthTypeSupport(a), status: AuthStatus(s),
            extended: ExtendedCapabilities(e), oem_id: OemId([o0, o1, o2]), oem_aux: x,
        };
        prop_assert_eq!(ChannelAuthCapabilitiesResponse::parse(&emit_vec(&r)), Ok(r));
    }

    #[test]
    fn chassis_values(
        f in any::<[u8; 5]>(), bridge in proptest::option::of(any::<u8>()),
        s in any::<[u8; 3]>(), buttons in proptest::option::of(any::<u8>()),
        ctl in 0usize..6, pol in 0usize..4, interval in any::<u8>(), force in any::<bool>(),
        form in 0u8..3, cause in any::<[u8; 2]>(),
    ) {
        let [fl, a, b, c, d] = f;
        let caps = ChassisCapabilitiesResponse {
            flags: ChassisCapabilityFlags(fl), fru_device_address: a, sdr_device_address: b,
            sel_device_address: c, system_management_device_address: d,
            bridge_device_address: bridge,
        };
        prop_assert_eq!(ChassisCapabilitiesResponse::parse(&emit_vec(&caps)), Ok(caps));
        let [p, e, m] = s;
        let status = ChassisStatusResponse {
            current_power_state: CurrentPowerState(p), last_power_event: LastPowerEvent(e),
            misc_chassis_state: MiscChassisState(m),
            front_panel_buttons: buttons.map(FrontPanelButtons),
        };
        prop_assert_eq!(ChassisStatusResponse::parse(&emit_vec(&status)), Ok(status));
        let c = ChassisControlRequest::ALL[ctl];
        prop_assert_eq!(ChassisControlRequest::parse(&emit_vec(&c)), Ok(c));
        let p = SetPowerRestorePolicyRequest::ALL[pol];
        prop_assert_eq!(SetPowerRestorePolicyRequest::parse(&emit_vec(&p)), Ok(p));
        let i = match form {
            0 => ChassisIdentifyRequest::Default,
            1 => ChassisIdentifyRequest::Interval(interval),
            _ => ChassisIdentifyRequest::Force { interval, force_on: force },
        };
        prop_assert_eq!(ChassisIdentifyRequest::parse(&emit_vec(&i)), Ok(i));
        let r = SystemRestartCauseResponse { cause: cause[0], channel: cause[1] };
        prop_assert_eq!(SystemRestartCauseResponse::parse(&emit_vec(&r)), Ok(r));
        let sup = PowerRestorePolicySupport(cause[0]);
        prop_assert_eq!(PowerRestorePolicySupport::parse(&emit_vec(&sup)), Ok(sup));
    }

    #[test]
    fn boot_option_values(
        invalid in any::<bool>(), version in any::<u8>(), param in boot_option(&RAW),
        sel in 0u8..=0x7F, set in any::<u8>(), block in any::<u8>(),
    ) {
        let set_req = SetSystemBootOptionsRequest { invalid, parameter: param };
        let b = emit_vec(&set_req);
        prop_assert_eq!(SetSystemBootOptionsRequest::parse(&b), Ok(set_req));
        let get_resp = GetSystemBootOptionsResponse {
            parameter_version: version, invalid, parameter: param,
        };
        let b = emit_vec(&get_resp);
        prop_assert_eq!(GetSystemBootOptionsResponse::parse(&b), Ok(get_resp));
        let get_req = GetSystemBootOptionsRequest {
            selector: BootParameterSelector::new(sel).unwrap(), set_selector: set,
            block_selector: block,
        };
        prop_assert_eq!(GetSystemBootOptionsRequest::parse(&emit_vec(&get_req)), Ok(get_req));
    }

    #[test]
    fn bytes_round_trips(data in proptest::collection::vec(any::<u8>(), 0..24)) {
        bytes_round_trip::<Empty>(&data);
        bytes_round_trip::<DeviceIdResponse>(&data);
        bytes_round_trip::<SelfTestResponse>(&data);
        bytes_round_trip::<SetAcpiPowerState>(&data);
        bytes_round_trip::<GetAcpiPowerStateResponse>(&data);
        bytes_round_trip::<Guid>(&data);
        bytes_round_trip::<ChannelAuthCapabilitiesRequest>(&data);
        bytes_round_trip::<ChannelAuthCapabilitiesResponse>(&data);
        bytes_round_trip::<ChassisCapabilitiesResponse>(&data);
        bytes_round_trip::<ChassisStatusResponse>(&data);
        bytes_round_trip::<ChassisControlRequest>(&data);
        bytes_round_trip::<ChassisIdentifyRequest>(&data);
        bytes_round_trip::<SetPowerRestorePolicyRequest>(&data);
        bytes_round_trip::<PowerRestorePolicySupport>(&data);
        bytes_round_trip::<SystemRestartCauseResponse>(&data);
        bytes_round_trip::<SetSystemBootOptionsRequest>(&data);
        bytes_round_trip::<GetSystemBootOptionsRequest>(&data);
        bytes_round_trip::<GetSystemBootOptionsResponse>(&data);
    }

    #[test]
    fn boot_options_bytes_round_trip(
        head in any::<[u8; 2]>(), rest in proptest::collection::vec(any::<u8>(), 0..12),
    ) {
        // Bias towards selector 5 so the typed branch is exercised with every length.
        let mut data = vec![head[0], head[1] & 0x80 | 0x05];
        data.extend_from_slice(&rest);
        bytes_round_trip::<GetSystemBootOptionsResponse>(&data);
        bytes_round_trip::<SetSystemBootOptionsRequest>(&data[1..]);
    }
}
