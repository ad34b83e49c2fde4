//! Chassis commands (NetFn Chassis 00h/01h), IPMI 2.0 §28.
//!
//! The conventions are those of [`super::app`]: packed bytes are newtypes over the raw byte with
//! one accessor per field; reserved bits of a request must be zero, those of a response are kept.
//! Set/Get System Boot Options type parameter 5 (boot flags, Table 28-14) and keep every other
//! parameter as raw bytes.
//!
//! ```
//! use ipmi_proto::command::chassis::{
//!     ChassisControl, ChassisControlRequest, ChassisStatusResponse, PowerRestorePolicy,
//! };
//! use ipmi_proto::command::{Command, Message, Privilege};
//!
//! assert_eq!(ChassisControl::PRIVILEGE, Privilege::Operator);
//! // `ipmitool chassis power cycle` sends 02h.
//! assert_eq!(ChassisControlRequest::parse(&[0x02])?, ChassisControlRequest::PowerCycle);
//! // Power on, policy "always on", identify off.
//! let status = ChassisStatusResponse::parse(&[0x41, 0x00, 0x40])?;
//! assert!(status.current_power_state.power_on());
//! assert_eq!(status.current_power_state.restore_policy(), PowerRestorePolicy::AlwaysOn);
//! # Ok::<(), ipmi_proto::command::CommandError>(())
//! ```

use super::Empty;
use super::app::{fixed, put, reserved_zero};
use super::{BufferTooSmall, Command, CommandError, Message, Privilege, check_len};
use crate::message::{Cmd, CompletionCode, NetFn, RangeError};

const fn bit(byte: u8, n: u32) -> bool {
    byte & (1 << n) != 0
}

// ---------------------------------------------------------------------------------------------
// Get Chassis Capabilities, IPMI 2.0 §28.1 Table 28-1.

command!(
    /// Get Chassis Capabilities (Chassis 00h), IPMI 2.0 §28.1; privilege User (Appendix G).
    /// Request: none; response: [`ChassisCapabilitiesResponse`].
    GetChassisCapabilities,
    NetFn::CHASSIS,
    0x00,
    User,
    Empty,
    ChassisCapabilitiesResponse
);

/// Byte 2 of the Get Chassis Capabilities response (Table 28-1): capability flags. Bits 7:4
/// are reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChassisCapabilityFlags(pub u8);

impl ChassisCapabilityFlags {
    /// Bit 3: provides power interlock.
    pub const POWER_INTERLOCK: u8 = 1 << 3;
    /// Bit 2: provides diagnostic interrupt (front panel NMI).
    pub const DIAGNOSTIC_INTERRUPT: u8 = 1 << 2;
    /// Bit 1: provides front panel lockout.
    pub const FRONT_PANEL_LOCKOUT: u8 = 1 << 1;
    /// Bit 0: provides intrusion sensor.
    pub const INTRUSION_SENSOR: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// Get Chassis Capabilities response data (IPMI 2.0 Table 28-1): 5 bytes, or 6 with the
/// chassis bridge address. Addresses are 8-bit I2C slave addresses.
///
/// ```
/// use ipmi_proto::command::chassis::ChassisCapabilitiesResponse;
/// use ipmi_proto::command::Message;
/// let caps = ChassisCapabilitiesResponse::parse(&[0x01, 0x20, 0x20, 0x20, 0x20])?;
/// assert_eq!((caps.fru_device_address, caps.bridge_device_address), (0x20, None));
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChassisCapabilitiesResponse {
    /// Byte 2: capability flags.
    pub flags: ChassisCapabilityFlags,
    /// Byte 3: chassis FRU info device address.
    pub fru_device_address: u8,
    /// Byte 4: chassis SDR device address.
    pub sdr_device_address: u8,
    /// Byte 5: chassis SEL device address.
    pub sel_device_address: u8,
    /// Byte 6: chassis system management device address.
    pub system_management_device_address: u8,
    /// Byte 7 (optional): chassis bridge device address.
    pub bridge_device_address: Option<u8>,
}

impl Message<'_> for ChassisCapabilitiesResponse {
    const MIN_LEN: usize = 5;
    const MAX_LEN: usize = 6;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let (base, bridge) = match data {
            [base @ .., b] if data.len() == Self::MAX_LEN => (base, Some(*b)),
            _ => (data, None),
        };
        let [flags, fru, sdr, sel, sm] = fixed(base)?;
        Ok(Self {
            flags: ChassisCapabilityFlags(flags),
            fru_device_address: fru,
            sdr_device_address: sdr,
            sel_device_address: sel,
            system_management_device_address: sm,
            bridge_device_address: bridge,
        })
    }

    fn buffer_len(&self) -> usize {
        if self.bridge_device_address.is_some() {
            6
        } else {
            5
        }
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let bytes = [
            self.flags.0,
            self.fru_device_address,
            self.sdr_device_address,
            self.sel_device_address,
            self.system_management_device_address,
            self.bridge_device_address.unwrap_or(0),
        ];
        put(out, bytes.get(..self.buffer_len()).unwrap_or(&bytes))
    }
}

// ---------------------------------------------------------------------------------------------
// Get Chassis Status, IPMI 2.0 §28.2 Table 28-3.

command!(
    /// Get Chassis Status (Chassis 01h), IPMI 2.0 §28.2; privilege User (Appendix G). Request:
    /// none; response: [`ChassisStatusResponse`].
    GetChassisStatus,
    NetFn::CHASSIS,
    0x01,
    User,
    Empty,
    ChassisStatusResponse
);

/// The power restore policy as Get Chassis Status reports it (Table 28-3 byte 2 bits 6:5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum PowerRestorePolicy {
    /// 00b: chassis stays powered off after AC returns.
    StayOff,
    /// 01b: after AC returns, power is restored to the state it was in when AC was lost.
    PreviousState,
    /// 10b: chassis always powers up after AC returns.
    AlwaysOn,
    /// 11b: unknown.
    Unknown,
}

/// Byte 2 of the Get Chassis Status response (Table 28-3): current power state. Bit 7 is
/// reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CurrentPowerState(pub u8);

impl CurrentPowerState {
    /// Bit 4: power control fault (controller attempted to turn system power on or off but the
    /// system did not enter the desired state).
    pub const POWER_CONTROL_FAULT: u8 = 1 << 4;
    /// Bit 3: power fault (fault detected in main power subsystem).
    pub const POWER_FAULT: u8 = 1 << 3;
    /// Bit 2: interlock (chassis is presently shut down because an interlock switch is active).
    pub const INTERLOCK: u8 = 1 << 2;
    /// Bit 1: power overload (system shut down because of a power overload).
    pub const POWER_OVERLOAD: u8 = 1 << 1;
    /// Bit 0: system power is on.
    pub const POWER_ON: u8 = 1;

    /// The byte for a policy and flag bits (`flags` may hold only bits 4:0).
    pub const fn new(policy: PowerRestorePolicy, flags: u8) -> Self {
        let p = match policy {
            PowerRestorePolicy::StayOff => 0,
            PowerRestorePolicy::PreviousState => 1,
            PowerRestorePolicy::AlwaysOn => 2,
            PowerRestorePolicy::Unknown => 3,
        };
        Self((p << 5) | (flags & 0x1F))
    }
    /// Bit 0: system power is on.
    pub const fn power_on(self) -> bool {
        bit(self.0, 0)
    }
    /// Bits 6:5: the power restore policy.
    pub const fn restore_policy(self) -> PowerRestorePolicy {
        match (self.0 >> 5) & 0x03 {
            0 => PowerRestorePolicy::StayOff,
            1 => PowerRestorePolicy::PreviousState,
            2 => PowerRestorePolicy::AlwaysOn,
            _ => PowerRestorePolicy::Unknown,
        }
    }
    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// Byte 3 of the Get Chassis Status response (Table 28-3): last power event. Bits 7:5 are
/// reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct LastPowerEvent(pub u8);

impl LastPowerEvent {
    /// Bit 4: last power-on was entered via an IPMI command.
    pub const POWER_ON_BY_IPMI: u8 = 1 << 4;
    /// Bit 3: last power-down caused by a power fault.
    pub const DOWN_BY_POWER_FAULT: u8 = 1 << 3;
    /// Bit 2: last power-down caused by a power interlock being activated.
    pub const DOWN_BY_INTERLOCK: u8 = 1 << 2;
    /// Bit 1: last power-down caused by a power overload.
    pub const DOWN_BY_OVERLOAD: u8 = 1 << 1;
    /// Bit 0: AC failed.
    pub const AC_FAILED: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// The chassis identify state (Table 28-3 byte 4 bits 5:4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum IdentifyState {
    /// 00b: off.
    Off,
    /// 01b: temporary (timed) on.
    TemporaryOn,
    /// 10b: indefinite on.
    IndefiniteOn,
    /// 11b: reserved.
    Reserved,
}

/// Byte 4 of the Get Chassis Status response (Table 28-3): miscellaneous chassis state. Bit 7
/// is reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MiscChassisState(pub u8);

impl MiscChassisState {
    /// Bit 6: chassis identify command and state info supported (bits 5:4 are meaningful).
    pub const IDENTIFY_SUPPORTED: u8 = 1 << 6;
    /// Bit 3: cooling/fan fault detected.
    pub const FAN_FAULT: u8 = 1 << 3;
    /// Bit 2: drive fault.
    pub const DRIVE_FAULT: u8 = 1 << 2;
    /// Bit 1: front panel lockout active (power off and reset via chassis push-buttons
    /// disabled).
    pub const FRONT_PANEL_LOCKOUT: u8 = 1 << 1;
    /// Bit 0: chassis intrusion active.
    pub const INTRUSION: u8 = 1;

    /// Bits 5:4: the identify state, when [`Self::IDENTIFY_SUPPORTED`] is set.
    pub const fn identify_state(self) -> Option<IdentifyState> {
        if !bit(self.0, 6) {
            return None;
        }
        Some(match (self.0 >> 4) & 0x03 {
            0 => IdentifyState::Off,
            1 => IdentifyState::TemporaryOn,
            2 => IdentifyState::IndefiniteOn,
            _ => IdentifyState::Reserved,
        })
    }
    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// Byte 5 of the Get Chassis Status response (Table 28-3, optional): front panel button
/// capabilities and disable/enable status. Every bit is defined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FrontPanelButtons(pub u8);

impl FrontPanelButtons {
    /// Bit 7: standby (sleep) button disable allowed.
    pub const SLEEP_DISABLE_ALLOWED: u8 = 1 << 7;
    /// Bit 6: diagnostic interrupt button disable allowed.
    pub const DIAGNOSTIC_DISABLE_ALLOWED: u8 = 1 << 6;
    /// Bit 5: reset button disable allowed.
    pub const RESET_DISABLE_ALLOWED: u8 = 1 << 5;
    /// Bit 4: power off button disable allowed (in the case there is a single combined power/
    /// standby button, disabling power off also disables sleep requests via that button).
    pub const POWER_OFF_DISABLE_ALLOWED: u8 = 1 << 4;
    /// Bit 3: standby (sleep) button disabled.
    pub const SLEEP_DISABLED: u8 = 1 << 3;
    /// Bit 2: diagnostic interrupt button disabled.
    pub const DIAGNOSTIC_DISABLED: u8 = 1 << 2;
    /// Bit 1: reset button disabled.
    pub const RESET_DISABLED: u8 = 1 << 1;
    /// Bit 0: power off button disabled.
    pub const POWER_OFF_DISABLED: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// Get Chassis Status response data (IPMI 2.0 Table 28-3): 3 bytes, or 4 with the front panel
/// button byte.
///
/// ```
/// use ipmi_proto::command::chassis::{ChassisStatusResponse, IdentifyState, LastPowerEvent};
/// use ipmi_proto::command::Message;
/// let s = ChassisStatusResponse::parse(&[0x01, 0x10, 0x50, 0x00])?;
/// assert!(s.last_power_event.contains(LastPowerEvent::POWER_ON_BY_IPMI));
/// assert_eq!(s.misc_chassis_state.identify_state(), Some(IdentifyState::TemporaryOn));
/// assert_eq!(s.buffer_len(), 4);
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChassisStatusResponse {
    /// Byte 2: current power state.
    pub current_power_state: CurrentPowerState,
    /// Byte 3: last power event.
    pub last_power_event: LastPowerEvent,
    /// Byte 4: miscellaneous chassis state.
    pub misc_chassis_state: MiscChassisState,
    /// Byte 5 (optional): front panel button capabilities and status.
    pub front_panel_buttons: Option<FrontPanelButtons>,
}

impl Message<'_> for ChassisStatusResponse {
    const MIN_LEN: usize = 3;
    const MAX_LEN: usize = 4;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let (base, buttons) = match data {
            [base @ .., b] if data.len() == Self::MAX_LEN => (base, Some(FrontPanelButtons(*b))),
            _ => (data, None),
        };
        let [power, event, misc] = fixed(base)?;
        Ok(Self {
            current_power_state: CurrentPowerState(power),
            last_power_event: LastPowerEvent(event),
            misc_chassis_state: MiscChassisState(misc),
            front_panel_buttons: buttons,
        })
    }

    fn buffer_len(&self) -> usize {
        if self.front_panel_buttons.is_some() {
            4
        } else {
            3
        }
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let bytes = [
            self.current_power_state.0,
            self.last_power_event.0,
            self.misc_chassis_state.0,
            self.front_panel_buttons.map_or(0, |b| b.0),
        ];
        put(out, bytes.get(..self.buffer_len()).unwrap_or(&bytes))
    }
}

// ---------------------------------------------------------------------------------------------
// Chassis Control, IPMI 2.0 §28.3 Table 28-4.

command!(
    /// Chassis Control (Chassis 02h), IPMI 2.0 §28.3; privilege Operator (Appendix G). Request:
    /// [`ChassisControlRequest`]; response: none.
    ChassisControl,
    NetFn::CHASSIS,
    0x02,
    Operator,
    ChassisControlRequest,
    Empty
);

/// Chassis Control request data (IPMI 2.0 Table 28-4 byte 1 bits 3:0), 1 byte. Bits 7:4 must
/// be zero and values 6–Fh are reserved: both are refused with [`CommandError::InvalidField`].
///
/// ```
/// use ipmi_proto::command::chassis::ChassisControlRequest;
/// use ipmi_proto::command::{CommandError, Message};
/// assert_eq!(ChassisControlRequest::parse(&[3]), Ok(ChassisControlRequest::HardReset));
/// assert_eq!(ChassisControlRequest::parse(&[6]),
///     Err(CommandError::InvalidField { offset: 0, value: 6 }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ChassisControlRequest {
    /// 0: power down (force system into soft off, S4/S5, without an orderly shutdown).
    PowerDown,
    /// 1: power up.
    PowerUp,
    /// 2: power cycle (off, then on after at least 1 s).
    PowerCycle,
    /// 3: hard reset.
    HardReset,
    /// 4: pulse diagnostic interrupt (NMI).
    PulseDiagnosticInterrupt,
    /// 5: initiate a soft shutdown of the OS via ACPI by emulating a fatal overtemperature.
    SoftShutdown,
}

impl ChassisControlRequest {
    /// Every value, in code order.
    pub const ALL: [Self; 6] = [
        Self::PowerDown,
        Self::PowerUp,
        Self::PowerCycle,
        Self::HardReset,
        Self::PulseDiagnosticInterrupt,
        Self::SoftShutdown,
    ];

    /// The 4-bit code.
    pub const fn code(self) -> u8 {
        self as u8
    }
}

impl Message<'_> for ChassisControlRequest {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [b] = fixed(data)?;
        Self::ALL
            .into_iter()
            .find(|c| c.code() == b)
            .ok_or(CommandError::InvalidField {
                offset: 0,
                value: b,
            })
    }

    fn buffer_len(&self) -> usize {
        1
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.code()])
    }
}

// ---------------------------------------------------------------------------------------------
// Chassis Identify, IPMI 2.0 §28.5 Table 28-5.

command!(
    /// Chassis Identify (Chassis 04h), IPMI 2.0 §28.5; privilege Operator (Appendix G).
    /// Request: [`ChassisIdentifyRequest`]; response: none.
    ChassisIdentify,
    NetFn::CHASSIS,
    0x04,
    Operator,
    ChassisIdentifyRequest,
    Empty
);

/// Chassis Identify request data (IPMI 2.0 Table 28-5): 0, 1 or 2 bytes. Byte 2 bits 7:1 must
/// be zero.
///
/// ```
/// use ipmi_proto::command::chassis::ChassisIdentifyRequest;
/// use ipmi_proto::command::Message;
/// assert_eq!(ChassisIdentifyRequest::parse(&[])?, ChassisIdentifyRequest::Default);
/// assert_eq!(ChassisIdentifyRequest::parse(&[0])?, ChassisIdentifyRequest::Interval(0)); // off
/// assert_eq!(ChassisIdentifyRequest::parse(&[0, 1])?,
///     ChassisIdentifyRequest::Force { interval: 0, force_on: true });
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ChassisIdentifyRequest {
    /// No data: identify for the default 15 seconds.
    #[default]
    Default,
    /// Byte 1 only: identify interval in seconds; 0 turns identify off.
    Interval(u8),
    /// Both bytes: the interval (ignored when forcing on) and byte 2 bit 0, "force identify on"
    /// (indefinitely, until turned off).
    Force {
        /// Byte 1: identify interval in seconds.
        interval: u8,
        /// Byte 2 bit 0: turn identify on indefinitely.
        force_on: bool,
    },
}

impl Message<'_> for ChassisIdentifyRequest {
    const MIN_LEN: usize = 0;
    const MAX_LEN: usize = 2;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        match *data {
            [] => Ok(Self::Default),
            [interval] => Ok(Self::Interval(interval)),
            [interval, force] => {
                reserved_zero(force, 0x01, 1)?;
                Ok(Self::Force {
                    interval,
                    force_on: force & 1 != 0,
                })
            }
            _ => Err(CommandError::TooLong {
                max: Self::MAX_LEN,
                actual: data.len(),
            }),
        }
    }

    fn buffer_len(&self) -> usize {
        match self {
            Self::Default => 0,
            Self::Interval(_) => 1,
            Self::Force { .. } => 2,
        }
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        match *self {
            Self::Default => Ok(0),
            Self::Interval(i) => put(out, &[i]),
            Self::Force { interval, force_on } => put(out, &[interval, force_on as u8]),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Set Power Restore Policy, IPMI 2.0 §28.8 Table 28-8.

command!(
    /// Set Power Restore Policy (Chassis 06h), IPMI 2.0 §28.8; privilege Operator (Appendix G).
    /// Request: [`SetPowerRestorePolicyRequest`]; response: [`PowerRestorePolicySupport`].
    SetPowerRestorePolicy,
    NetFn::CHASSIS,
    0x06,
    Operator,
    SetPowerRestorePolicyRequest,
    PowerRestorePolicySupport
);

/// Set Power Restore Policy request data (IPMI 2.0 Table 28-8 byte 1 bits 2:0). Bits 7:3 must
/// be zero and codes 4–7 are reserved ([`CommandError::InvalidField`]).
///
/// ```
/// use ipmi_proto::command::chassis::SetPowerRestorePolicyRequest;
/// use ipmi_proto::command::Message;
/// assert_eq!(SetPowerRestorePolicyRequest::parse(&[3])?, SetPowerRestorePolicyRequest::NoChange);
/// assert!(SetPowerRestorePolicyRequest::parse(&[4]).is_err());
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SetPowerRestorePolicyRequest {
    /// 000b: chassis always stays powered off after AC returns.
    StayOff,
    /// 001b: restore the power state that was in effect when AC was lost.
    PreviousState,
    /// 010b: chassis always powers up after AC returns.
    AlwaysOn,
    /// 011b: no change (only read the supported policies).
    NoChange,
}

impl SetPowerRestorePolicyRequest {
    /// Every value, in code order.
    pub const ALL: [Self; 4] = [
        Self::StayOff,
        Self::PreviousState,
        Self::AlwaysOn,
        Self::NoChange,
    ];

    /// The 3-bit code.
    pub const fn code(self) -> u8 {
        self as u8
    }
}

impl Message<'_> for SetPowerRestorePolicyRequest {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [b] = fixed(data)?;
        Self::ALL
            .into_iter()
            .find(|c| c.code() == b)
            .ok_or(CommandError::InvalidField {
                offset: 0,
                value: b,
            })
    }

    fn buffer_len(&self) -> usize {
        1
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.code()])
    }
}

/// Set Power Restore Policy response data (IPMI 2.0 Table 28-8): the policies the chassis
/// supports, one a bit; bits 7:3 reserved (kept). 1 byte.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PowerRestorePolicySupport(pub u8);

impl PowerRestorePolicySupport {
    /// Bit 2: chassis supports always powering up after AC returns.
    pub const ALWAYS_ON: u8 = 1 << 2;
    /// Bit 1: chassis supports restoring the previous power state.
    pub const PREVIOUS_STATE: u8 = 1 << 1;
    /// Bit 0: chassis supports staying powered off after AC returns.
    pub const STAY_OFF: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

impl Message<'_> for PowerRestorePolicySupport {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        fixed(data).map(|[b]| Self(b))
    }

    fn buffer_len(&self) -> usize {
        1
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.0])
    }
}

// ---------------------------------------------------------------------------------------------
// Get System Restart Cause, IPMI 2.0 §28.11 Table 28-11.

command!(
    /// Get System Restart Cause (Chassis 07h), IPMI 2.0 §28.11; privilege User (Appendix G).
    /// Request: none; response: [`SystemRestartCauseResponse`].
    GetSystemRestartCause,
    NetFn::CHASSIS,
    0x07,
    User,
    Empty,
    SystemRestartCauseResponse
);

/// A restart cause (IPMI 2.0 Table 28-11 byte 2 bits 3:0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RestartCause {
    /// 0h: unknown (system start/restart detected, but cause unknown).
    Unknown,
    /// 1h: Chassis Control command.
    ChassisControl,
    /// 2h: reset via pushbutton.
    ResetButton,
    /// 3h: power-up via power pushbutton.
    PowerButton,
    /// 4h: watchdog expiration.
    Watchdog,
    /// 5h: OEM.
    Oem,
    /// 6h: automatic power-up on AC being applied due to "always restore" power restore policy.
    AlwaysRestorePolicy,
    /// 7h: automatic power-up on AC being applied due to "restore previous power state" policy.
    RestorePreviousPolicy,
    /// 8h: reset via PEF.
    PefReset,
    /// 9h: power-cycle via PEF.
    PefPowerCycle,
    /// Ah: soft reset (e.g. CTRL-ALT-DEL).
    SoftReset,
    /// Bh: power-up via RTC (system real time clock) wakeup.
    RtcWakeup,
    /// Ch–Fh: reserved, kept.
    Reserved(u8),
}

impl RestartCause {
    /// Decodes bits 3:0 of `bits` (total).
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 0x0F {
            0x0 => Self::Unknown,
            0x1 => Self::ChassisControl,
            0x2 => Self::ResetButton,
            0x3 => Self::PowerButton,
            0x4 => Self::Watchdog,
            0x5 => Self::Oem,
            0x6 => Self::AlwaysRestorePolicy,
            0x7 => Self::RestorePreviousPolicy,
            0x8 => Self::PefReset,
            0x9 => Self::PefPowerCycle,
            0xA => Self::SoftReset,
            0xB => Self::RtcWakeup,
            other => Self::Reserved(other),
        }
    }
    /// The 4-bit code.
    pub const fn bits(self) -> u8 {
        match self {
            Self::Unknown => 0x0,
            Self::ChassisControl => 0x1,
            Self::ResetButton => 0x2,
            Self::PowerButton => 0x3,
            Self::Watchdog => 0x4,
            Self::Oem => 0x5,
            Self::AlwaysRestorePolicy => 0x6,
            Self::RestorePreviousPolicy => 0x7,
            Self::PefReset => 0x8,
            Self::PefPowerCycle => 0x9,
            Self::SoftReset => 0xA,
            Self::RtcWakeup => 0xB,
            Self::Reserved(v) => v & 0x0F,
        }
    }
}

/// Get System Restart Cause response data (IPMI 2.0 Table 28-11): 2 bytes.
///
/// ```
/// use ipmi_proto::command::chassis::{RestartCause, SystemRestartCauseResponse};
/// use ipmi_proto::command::Message;
/// let r = SystemRestartCauseResponse::parse(&[0x01, 0x0F])?;
/// assert_eq!((r.restart_cause(), r.channel), (RestartCause::ChassisControl, 0x0F));
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SystemRestartCauseResponse {
    /// Byte 2: bits 3:0 the restart cause, bits 7:4 reserved (kept as received).
    pub cause: u8,
    /// Byte 3: the channel number used to deliver the command that generated the restart (or
    /// the primary channel for a cause unrelated to a command).
    pub channel: u8,
}

impl SystemRestartCauseResponse {
    /// A response with reserved bits clear.
    pub const fn new(cause: RestartCause, channel: u8) -> Self {
        Self {
            cause: cause.bits(),
            channel,
        }
    }
    /// The restart cause (bits 3:0 of byte 2).
    pub const fn restart_cause(&self) -> RestartCause {
        RestartCause::from_bits(self.cause)
    }
}

impl Message<'_> for SystemRestartCauseResponse {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        fixed(data).map(|[cause, channel]| Self { cause, channel })
    }

    fn buffer_len(&self) -> usize {
        2
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.cause, self.channel])
    }
}

// ---------------------------------------------------------------------------------------------
// Set/Get System Boot Options, IPMI 2.0 §28.12 Table 28-12, §28.13 Table 28-13; parameters
// Table 28-14.

/// The most parameter data bytes a Set/Get System Boot Options message carries here.
pub const MAX_PARAMETER_DATA: usize = 255;

/// A boot option parameter selector (7 bits, IPMI 2.0 Table 28-14): 0–7 standard, 60h–7Fh OEM.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BootParameterSelector(u8);

impl BootParameterSelector {
    /// 5: boot flags.
    pub const BOOT_FLAGS: Self = Self(5);

    /// A selector.
    ///
    /// # Errors
    ///
    /// [`RangeError`] above 7Fh.
    pub const fn new(n: u8) -> Result<Self, RangeError> {
        if n > 0x7F {
            Err(RangeError {
                field: "boot option parameter selector",
                value: n,
                max: 0x7F,
            })
        } else {
            Ok(Self(n))
        }
    }
    /// The number, 0–7Fh.
    pub const fn value(self) -> u8 {
        self.0
    }
}

/// The boot device selector (IPMI 2.0 Table 28-14, boot flags byte 2 bits 5:2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum BootDevice {
    /// 0000b: no override.
    NoOverride,
    /// 0001b: force PXE.
    Pxe,
    /// 0010b: force boot from default hard drive.
    HardDrive,
    /// 0011b: force boot from default hard drive, request safe mode.
    HardDriveSafeMode,
    /// 0100b: force boot from default diagnostic partition.
    DiagnosticPartition,
    /// 0101b: force boot from default CD/DVD.
    CdDvd,
    /// 0110b: force boot into BIOS setup.
    BiosSetup,
    /// 0111b: force boot from remotely connected floppy/primary removable media.
    RemoteFloppy,
    /// 1000b: force boot from remotely connected CD/DVD.
    RemoteCdDvd,
    /// 1001b: force boot from primary remote media.
    PrimaryRemoteMedia,
    /// 1011b: force boot from remotely connected hard drive.
    RemoteHardDrive,
    /// 1111b: force boot from floppy/primary removable media.
    Floppy,
    /// Any other 4-bit value: reserved, kept.
    Reserved(u8),
}

impl BootDevice {
    /// Decodes bits 3:0 of `bits` (total).
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 0x0F {
            0x0 => Self::NoOverride,
            0x1 => Self::Pxe,
            0x2 => Self::HardDrive,
            0x3 => Self::HardDriveSafeMode,
            0x4 => Self::DiagnosticPartition,
            0x5 => Self::CdDvd,
            0x6 => Self::BiosSetup,
            0x7 => Self::RemoteFloppy,
            0x8 => Self::RemoteCdDvd,
            0x9 => Self::PrimaryRemoteMedia,
            0xB => Self::RemoteHardDrive,
            0xF => Self::Floppy,
            other => Self::Reserved(other),
        }
    }
    /// The 4-bit code.
    pub const fn bits(self) -> u8 {
        match self {
            Self::NoOverride => 0x0,
            Self::Pxe => 0x1,
            Self::HardDrive => 0x2,
            Self::HardDriveSafeMode => 0x3,
            Self::DiagnosticPartition => 0x4,
            Self::CdDvd => 0x5,
            Self::BiosSetup => 0x6,
            Self::RemoteFloppy => 0x7,
            Self::RemoteCdDvd => 0x8,
            Self::PrimaryRemoteMedia => 0x9,
            Self::RemoteHardDrive => 0xB,
            Self::Floppy => 0xF,
            Self::Reserved(v) => v & 0x0F,
        }
    }
}

/// A two-bit setting with a "system default" value and a reserved one (boot flags byte 3:
/// firmware verbosity bits 6:5 and console redirection bits 1:0, Table 28-14).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum BootSetting {
    /// 00b: system default.
    Default,
    /// 01b: verbosity "quiet" / console redirection suppressed.
    First,
    /// 10b: verbosity "verbose" / console redirection enabled.
    Second,
    /// 11b: reserved.
    Reserved,
}

impl BootSetting {
    const fn from_bits(bits: u8) -> Self {
        match bits & 0x03 {
            0 => Self::Default,
            1 => Self::First,
            2 => Self::Second,
            _ => Self::Reserved,
        }
    }
}

/// Boot option parameter 5, boot flags (IPMI 2.0 Table 28-14): 5 bytes, kept raw with one
/// accessor per field (reserved bits travel unchanged).
///
/// ```
/// use ipmi_proto::command::chassis::{BootDevice, BootFlags};
/// // `ipmitool chassis bootdev pxe options=efiboot`.
/// let f = BootFlags::new(BootDevice::Pxe, false, true);
/// assert_eq!(f.0, [0xA0, 0x04, 0x00, 0x00, 0x00]);
/// assert!(f.valid() && f.efi() && !f.persistent());
/// assert_eq!(f.boot_device(), BootDevice::Pxe);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BootFlags(pub [u8; 5]);

impl BootFlags {
    /// Valid flags for one boot device; every other option at its default.
    pub const fn new(device: BootDevice, persistent: bool, efi: bool) -> Self {
        Self([
            0x80 | ((persistent as u8) << 6) | ((efi as u8) << 5),
            device.bits() << 2,
            0,
            0,
            0,
        ])
    }
    const fn byte(&self, i: usize) -> u8 {
        let [a, b, c, d, e] = self.0;
        match i {
            0 => a,
            1 => b,
            2 => c,
            3 => d,
            _ => e,
        }
    }
    /// Byte 1 bit 7: boot flag valid.
    pub const fn valid(&self) -> bool {
        bit(self.byte(0), 7)
    }
    /// Byte 1 bit 6: options apply to all future boots (clear: next boot only).
    pub const fn persistent(&self) -> bool {
        bit(self.byte(0), 6)
    }
    /// Byte 1 bit 5: boot type EFI (clear: PC compatible / legacy).
    pub const fn efi(&self) -> bool {
        bit(self.byte(0), 5)
    }
    /// Byte 2 bit 7: CMOS clear.
    pub const fn cmos_clear(&self) -> bool {
        bit(self.byte(1), 7)
    }
    /// Byte 2 bit 6: lock keyboard.
    pub const fn lock_keyboard(&self) -> bool {
        bit(self.byte(1), 6)
    }
    /// Byte 2 bits 5:2: boot device selector.
    pub const fn boot_device(&self) -> BootDevice {
        BootDevice::from_bits(self.byte(1) >> 2)
    }
    /// Byte 2 bit 1: screen blank.
    pub const fn screen_blank(&self) -> bool {
        bit(self.byte(1), 1)
    }
    /// Byte 2 bit 0: lock out reset button.
    pub const fn lock_reset_button(&self) -> bool {
        bit(self.byte(1), 0)
    }
    /// Byte 3 bit 7: lock out (power off / sleep request) via power button.
    pub const fn lock_power_button(&self) -> bool {
        bit(self.byte(2), 7)
    }
    /// Byte 3 bits 6:5: firmware (BIOS) verbosity: default, quiet (`First`), verbose
    /// (`Second`).
    pub const fn firmware_verbosity(&self) -> BootSetting {
        BootSetting::from_bits(self.byte(2) >> 5)
    }
    /// Byte 3 bit 4: force progress event traps.
    pub const fn force_progress_event_traps(&self) -> bool {
        bit(self.byte(2), 4)
    }
    /// Byte 3 bit 3: user password bypass.
    pub const fn user_password_bypass(&self) -> bool {
        bit(self.byte(2), 3)
    }
    /// Byte 3 bit 2: lock out sleep button.
    pub const fn lock_sleep_button(&self) -> bool {
        bit(self.byte(2), 2)
    }
    /// Byte 3 bits 1:0: console redirection: default, suppressed (`First`), enabled
    /// (`Second`).
    pub const fn console_redirection(&self) -> BootSetting {
        BootSetting::from_bits(self.byte(2))
    }
    /// Byte 4 bit 3: BIOS shared mode override.
    pub const fn bios_shared_mode_override(&self) -> bool {
        bit(self.byte(3), 3)
    }
    /// Byte 4 bits 2:0: BIOS mux control override (0 recommended setting, 1 force to BMC,
    /// 2 force to system; others reserved).
    pub const fn bios_mux_control(&self) -> u8 {
        self.byte(3) & 0x07
    }
    /// Byte 5 bits 4:0: device instance selector.
    pub const fn device_instance(&self) -> u8 {
        self.byte(4) & 0x1F
    }
}

/// One boot option parameter's data: boot flags typed, every other parameter raw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum BootOption<'a> {
    /// Parameter 5: boot flags.
    BootFlags(BootFlags),
    /// Any other parameter, its data as sent. (Built with selector 5, it encodes as boot flags
    /// data and parses back as [`BootOption::BootFlags`] if 5 bytes long.)
    Other {
        /// The parameter selector.
        selector: BootParameterSelector,
        /// The parameter data.
        data: &'a [u8],
    },
}

impl<'a> BootOption<'a> {
    /// The parameter selector.
    pub const fn selector(&self) -> BootParameterSelector {
        match self {
            Self::BootFlags(_) => BootParameterSelector::BOOT_FLAGS,
            Self::Other { selector, .. } => *selector,
        }
    }

    fn data_len(&self) -> usize {
        match self {
            Self::BootFlags(_) => 5,
            Self::Other { data, .. } => data.len(),
        }
    }

    /// Reads parameter data for `selector`; `offset` is where the data starts in the message.
    fn parse(selector: u8, data: &'a [u8], offset: usize) -> Result<Self, CommandError> {
        if selector == BootParameterSelector::BOOT_FLAGS.0 {
            return match <[u8; 5]>::try_from(data) {
                Ok(b) => Ok(Self::BootFlags(BootFlags(b))),
                Err(_) if data.len() < 5 => Err(CommandError::Truncated {
                    needed: offset + 5,
                    actual: offset + data.len(),
                }),
                Err(_) => Err(CommandError::TooLong {
                    max: offset + 5,
                    actual: offset + data.len(),
                }),
            };
        }
        Ok(Self::Other {
            selector: BootParameterSelector(selector & 0x7F),
            data,
        })
    }

    /// Writes `head` then the parameter data.
    fn emit_after(&self, head: &[u8], out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let needed = head.len().saturating_add(self.data_len());
        let dst = super::out_prefix(out, needed)?;
        let (h, rest) = dst.split_at_mut(head.len());
        h.copy_from_slice(head);
        match self {
            Self::BootFlags(f) => rest.copy_from_slice(&f.0),
            Self::Other { data, .. } => rest.copy_from_slice(data),
        }
        Ok(needed)
    }
}

/// Set System Boot Options (Chassis 08h), IPMI 2.0 §28.12; privilege Operator (Appendix G).
/// Request: [`SetSystemBootOptionsRequest`]; response: none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SetSystemBootOptions;

impl Command for SetSystemBootOptions {
    const NETFN: NetFn = NetFn::CHASSIS;
    const CMD: Cmd = Cmd(0x08);
    const PRIVILEGE: Privilege = Privilege::Operator;
    // Table 28-12.
    const COMPLETION_CODES: &'static [(CompletionCode, &'static str)] = &[
        (CompletionCode(0x80), "parameter not supported"),
        (
            CompletionCode(0x81),
            "attempt to set the 'set in progress' value when not in the 'set complete' state",
        ),
        (CompletionCode(0x82), "attempt to write read-only parameter"),
    ];
    type Request<'a> = SetSystemBootOptionsRequest<'a>;
    type Response<'a> = Empty;
}

/// Set System Boot Options request data (IPMI 2.0 Table 28-12): a selector byte (bit 7: mark the
/// parameter invalid/locked) and the parameter data (boot flags: exactly 5 bytes).
///
/// ```
/// use ipmi_proto::command::chassis::{BootDevice, BootFlags, BootOption, SetSystemBootOptionsRequest};
/// use ipmi_proto::command::Message;
/// let req = SetSystemBootOptionsRequest::parse(&[0x05, 0x80, 0x08, 0x00, 0x00, 0x00])?;
/// assert_eq!(req.parameter, BootOption::BootFlags(BootFlags::new(BootDevice::HardDrive, false, false)));
/// assert!(!req.invalid);
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SetSystemBootOptionsRequest<'a> {
    /// Byte 1 bit 7: mark the parameter invalid / locked.
    pub invalid: bool,
    /// Byte 1 bits 6:0 and bytes 2–N.
    pub parameter: BootOption<'a>,
}

impl<'a> Message<'a> for SetSystemBootOptionsRequest<'a> {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1 + MAX_PARAMETER_DATA;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let Some((&sel, rest)) = data.split_first() else {
            return Err(CommandError::Truncated {
                needed: 1,
                actual: 0,
            });
        };
        Ok(Self {
            invalid: bit(sel, 7),
            parameter: BootOption::parse(sel & 0x7F, rest, 1)?,
        })
    }

    fn buffer_len(&self) -> usize {
        1 + self.parameter.data_len()
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let head = ((self.invalid as u8) << 7) | self.parameter.selector().0;
        self.parameter.emit_after(&[head], out)
    }
}

/// Get System Boot Options (Chassis 09h), IPMI 2.0 §28.13; privilege Operator (Appendix G).
/// Request: [`GetSystemBootOptionsRequest`]; response: [`GetSystemBootOptionsResponse`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSystemBootOptions;

impl Command for GetSystemBootOptions {
    const NETFN: NetFn = NetFn::CHASSIS;
    const CMD: Cmd = Cmd(0x09);
    const PRIVILEGE: Privilege = Privilege::Operator;
    // Table 28-13.
    const COMPLETION_CODES: &'static [(CompletionCode, &'static str)] =
        &[(CompletionCode(0x80), "parameter not supported")];
    type Request<'a> = GetSystemBootOptionsRequest;
    type Response<'a> = GetSystemBootOptionsResponse<'a>;
}

/// Get System Boot Options request data (IPMI 2.0 Table 28-13): 3 bytes; byte 1 bit 7 must be
/// zero.
///
/// ```
/// use ipmi_proto::command::chassis::{BootParameterSelector, GetSystemBootOptionsRequest};
/// use ipmi_proto::command::Message;
/// let r = GetSystemBootOptionsRequest::parse(&[0x05, 0x00, 0x00])?;
/// assert_eq!(r.selector, BootParameterSelector::BOOT_FLAGS);
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSystemBootOptionsRequest {
    /// Byte 1 bits 6:0: parameter selector.
    pub selector: BootParameterSelector,
    /// Byte 2: set selector (00h if the parameter has none).
    pub set_selector: u8,
    /// Byte 3: block selector (00h if the parameter has none).
    pub block_selector: u8,
}

impl Message<'_> for GetSystemBootOptionsRequest {
    const MIN_LEN: usize = 3;
    const MAX_LEN: usize = 3;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [sel, set_selector, block_selector] = fixed(data)?;
        reserved_zero(sel, 0x7F, 0)?;
        Ok(Self {
            selector: BootParameterSelector(sel),
            set_selector,
            block_selector,
        })
    }

    fn buffer_len(&self) -> usize {
        3
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(
            out,
            &[self.selector.0, self.set_selector, self.block_selector],
        )
    }
}

/// Get System Boot Options response data (IPMI 2.0 Table 28-13): parameter version, the
/// selector byte with its valid/locked bit, then the parameter data (boot flags: exactly 5
/// bytes).
///
/// ```
/// use ipmi_proto::command::chassis::{BootDevice, BootOption, GetSystemBootOptionsResponse};
/// use ipmi_proto::command::Message;
/// let r = GetSystemBootOptionsResponse::parse(&[0x01, 0x05, 0x80, 0x14, 0x00, 0x00, 0x00])?;
/// let BootOption::BootFlags(flags) = r.parameter else { unreachable!() };
/// assert_eq!(flags.boot_device(), BootDevice::CdDvd);
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSystemBootOptionsResponse<'a> {
    /// Byte 2: parameter version; bits 3:0 are 1, bits 7:4 reserved (kept raw).
    pub parameter_version: u8,
    /// Byte 3 bit 7: the parameter is marked invalid / locked.
    pub invalid: bool,
    /// Byte 3 bits 6:0 and bytes 4–N.
    pub parameter: BootOption<'a>,
}

impl<'a> Message<'a> for GetSystemBootOptionsResponse<'a> {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2 + MAX_PARAMETER_DATA;

    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let [version, sel, rest @ ..] = data else {
            return Err(CommandError::Truncated {
                needed: Self::MIN_LEN,
                actual: data.len(),
            });
        };
        Ok(Self {
            parameter_version: *version,
            invalid: bit(*sel, 7),
            parameter: BootOption::parse(sel & 0x7F, rest, 2)?,
        })
    }

    fn buffer_len(&self) -> usize {
        2 + self.parameter.data_len()
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let head = [
            self.parameter_version,
            ((self.invalid as u8) << 7) | self.parameter.selector().0,
        ];
        self.parameter.emit_after(&head, out)
    }
}
