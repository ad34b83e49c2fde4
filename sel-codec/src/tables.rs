//! The code tables of IPMI 2.0 chapters 42 and 43 as data: sensor types (Table 42-3),
//! generic event/reading type offsets (Table 42-2), sensor-specific offsets (Table 42-3,
//! including the rows chosen by event data 2) and sensor unit names (Table 43-15).
//!
//! The event texts are the wording ipmitool 1.8.19 prints, so that [`crate::IpmitoolList`]
//! matches it byte for byte. They mostly follow the specification's wording; the places
//! where ipmitool's choice of row departs from the specification are listed on
//! [`SENSOR_SPECIFIC_OFFSETS`]. Severities are this crate's own classification, used for
//! the Redfish-like JSON output.

/// A sensor type code (IPMI 2.0 Table 42-3). 00h is reserved, 01h–2Ch are defined,
/// C0h–FFh are OEM; every value is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SensorType(pub u8);

/// Sensor type names: (the specification's name, ipmitool's name). Index = code.
const SENSOR_TYPE_NAMES: [(&str, &str); 0x2D] = [
    ("reserved", "reserved"),
    ("Temperature", "Temperature"),
    ("Voltage", "Voltage"),
    ("Current", "Current"),
    ("Fan", "Fan"),
    ("Physical Security (Chassis Intrusion)", "Physical Security"),
    ("Platform Security Violation Attempt", "Platform Security"),
    ("Processor", "Processor"),
    ("Power Supply", "Power Supply"),
    ("Power Unit", "Power Unit"),
    ("Cooling Device", "Cooling Device"),
    ("Other Units-based Sensor", "Other"),
    ("Memory", "Memory"),
    ("Drive Slot (Bay)", "Drive Slot / Bay"),
    ("POST Memory Resize", "POST Memory Resize"),
    ("System Firmware Progress", "System Firmwares"),
    ("Event Logging Disabled", "Event Logging Disabled"),
    ("Watchdog 1", "Watchdog1"),
    ("System Event", "System Event"),
    ("Critical Interrupt", "Critical Interrupt"),
    ("Button / Switch", "Button"),
    ("Module / Board", "Module / Board"),
    ("Microcontroller / Coprocessor", "Microcontroller"),
    ("Add-in Card", "Add-in Card"),
    ("Chassis", "Chassis"),
    ("Chip Set", "Chip Set"),
    ("Other FRU", "Other FRU"),
    ("Cable / Interconnect", "Cable / Interconnect"),
    ("Terminator", "Terminator"),
    ("System Boot / Restart Initiated", "System Boot Initiated"),
    ("Boot Error", "Boot Error"),
    ("Base OS Boot / Installation Status", "OS Boot"),
    ("OS Stop / Shutdown", "OS Critical Stop"),
    ("Slot / Connector", "Slot / Connector"),
    ("System ACPI Power State", "System ACPI Power State"),
    ("Watchdog 2", "Watchdog2"),
    ("Platform Alert", "Platform Alert"),
    ("Entity Presence", "Entity Presence"),
    ("Monitor ASIC / IC", "Monitor ASIC"),
    ("LAN", "LAN"),
    ("Management Subsystem Health", "Management Subsys Health"),
    ("Battery", "Battery"),
    ("Session Audit", "Session Audit"),
    ("Version Change", "Version Change"),
    ("FRU State", "FRU State"),
];

impl SensorType {
    /// 01h.
    pub const TEMPERATURE: Self = Self(0x01);
    /// 02h.
    pub const VOLTAGE: Self = Self(0x02);
    /// 03h.
    pub const CURRENT: Self = Self(0x03);
    /// 04h.
    pub const FAN: Self = Self(0x04);
    /// 07h.
    pub const PROCESSOR: Self = Self(0x07);
    /// 08h.
    pub const POWER_SUPPLY: Self = Self(0x08);
    /// 09h.
    pub const POWER_UNIT: Self = Self(0x09);
    /// 0Ch.
    pub const MEMORY: Self = Self(0x0C);
    /// 0Fh.
    pub const SYSTEM_FIRMWARE_PROGRESS: Self = Self(0x0F);
    /// 10h.
    pub const EVENT_LOGGING_DISABLED: Self = Self(0x10);
    /// 12h.
    pub const SYSTEM_EVENT: Self = Self(0x12);
    /// 1Dh.
    pub const SYSTEM_BOOT_INITIATED: Self = Self(0x1D);
    /// 22h.
    pub const SYSTEM_ACPI_POWER_STATE: Self = Self(0x22);
    /// 23h.
    pub const WATCHDOG_2: Self = Self(0x23);
    /// 2Bh.
    pub const VERSION_CHANGE: Self = Self(0x2B);
    /// The last code IPMI 2.0 defines (2Ch, FRU State).
    pub const LAST_DEFINED: Self = Self(0x2C);

    /// The name Table 42-3 gives; `None` for undefined and OEM codes.
    pub fn spec_name(self) -> Option<&'static str> {
        SENSOR_TYPE_NAMES.get(usize::from(self.0)).map(|n| n.0)
    }

    /// The name ipmitool prints: its own short form for 00h–2Ch, `Unknown` for everything
    /// else (ipmitool only names OEM types for a few vendors it recognises).
    pub fn ipmitool_name(self) -> &'static str {
        SENSOR_TYPE_NAMES
            .get(usize::from(self.0))
            .map_or("Unknown", |n| n.1)
    }

    /// `true` for C0h–FFh.
    pub const fn is_oem(self) -> bool {
        self.0 >= 0xC0
    }
}

/// How serious an event is, in Redfish's three levels (`OK`, `Warning`, `Critical`).
/// This is this crate's classification of each table row, not something IPMI defines;
/// deassertions of warning or critical conditions are reported as `Ok`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Severity {
    /// Informational or a return to normal.
    Ok,
    /// Needs attention.
    Warning,
    /// Needs action now.
    Critical,
}

impl Severity {
    /// `OK`, `Warning` or `Critical`, as Redfish spells them.
    pub const fn redfish(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::Warning => "Warning",
            Self::Critical => "Critical",
        }
    }
}

/// One row of Table 42-2 or 42-3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct OffsetRow {
    /// Event/reading type (Table 42-2) or sensor type (Table 42-3).
    pub code: u8,
    /// Event offset, event data 1 bits 3:0.
    pub offset: u8,
    /// `Some(v)`: the row applies only when event data 1 says byte 2 is used
    /// (bits 7:6 non-zero) and event data 2 equals `v`. `None`: any event data 2.
    /// Rows with a value come before the catch-all row of the same offset.
    pub data2: Option<u8>,
    /// How serious an assertion of this row is.
    pub severity: Severity,
    /// The description ipmitool prints. Some threshold texts end in a space, as ipmitool's do.
    pub text: &'static str,
}

const ANY: Option<u8> = None;
use Severity::{Critical as C, Ok as O, Warning as W};

const fn row(
    code: u8,
    offset: u8,
    data2: Option<u8>,
    severity: Severity,
    text: &'static str,
) -> OffsetRow {
    OffsetRow {
        code,
        offset,
        data2,
        severity,
        text,
    }
}

/// Generic event/reading type offsets, IPMI 2.0 Table 42-2 (codes 01h–0Ch), sorted by code.
pub static GENERIC_OFFSETS: &[OffsetRow] = &[
    row(0x01, 0x00, ANY, W, "Lower Non-critical going low "),
    row(0x01, 0x01, ANY, W, "Lower Non-critical going high"),
    row(0x01, 0x02, ANY, C, "Lower Critical going low "),
    row(0x01, 0x03, ANY, C, "Lower Critical going high"),
    row(0x01, 0x04, ANY, C, "Lower Non-recoverable going low "),
    row(0x01, 0x05, ANY, C, "Lower Non-recoverable going high"),
    row(0x01, 0x06, ANY, W, "Upper Non-critical going low "),
    row(0x01, 0x07, ANY, W, "Upper Non-critical going high"),
    row(0x01, 0x08, ANY, C, "Upper Critical going low "),
    row(0x01, 0x09, ANY, C, "Upper Critical going high"),
    row(0x01, 0x0A, ANY, C, "Upper Non-recoverable going low "),
    row(0x01, 0x0B, ANY, C, "Upper Non-recoverable going high"),
    row(0x02, 0x00, ANY, O, "Transition to Idle"),
    row(0x02, 0x01, ANY, O, "Transition to Active"),
    row(0x02, 0x02, ANY, O, "Transition to Busy"),
    row(0x03, 0x00, ANY, O, "State Deasserted"),
    row(0x03, 0x01, ANY, O, "State Asserted"),
    row(0x04, 0x00, ANY, O, "Predictive Failure Deasserted"),
    row(0x04, 0x01, ANY, W, "Predictive Failure Asserted"),
    row(0x05, 0x00, ANY, O, "Limit Not Exceeded"),
    row(0x05, 0x01, ANY, W, "Limit Exceeded"),
    row(0x06, 0x00, ANY, O, "Performance Met"),
    row(0x06, 0x01, ANY, W, "Performance Lags"),
    row(0x07, 0x00, ANY, O, "Transition to OK"),
    row(0x07, 0x01, ANY, W, "Transition to Non-critical from OK"),
    row(
        0x07,
        0x02,
        ANY,
        C,
        "Transition to Critical from less severe",
    ),
    row(
        0x07,
        0x03,
        ANY,
        C,
        "Transition to Non-recoverable from less severe",
    ),
    row(
        0x07,
        0x04,
        ANY,
        W,
        "Transition to Non-critical from more severe",
    ),
    row(
        0x07,
        0x05,
        ANY,
        C,
        "Transition to Critical from Non-recoverable",
    ),
    row(0x07, 0x06, ANY, C, "Transition to Non-recoverable"),
    row(0x07, 0x07, ANY, O, "Monitor"),
    row(0x07, 0x08, ANY, O, "Informational"),
    row(0x08, 0x00, ANY, W, "Device Absent"),
    row(0x08, 0x01, ANY, O, "Device Present"),
    row(0x09, 0x00, ANY, W, "Device Disabled"),
    row(0x09, 0x01, ANY, O, "Device Enabled"),
    row(0x0A, 0x00, ANY, O, "Transition to Running"),
    row(0x0A, 0x01, ANY, W, "Transition to In Test"),
    row(0x0A, 0x02, ANY, W, "Transition to Power Off"),
    row(0x0A, 0x03, ANY, O, "Transition to On Line"),
    row(0x0A, 0x04, ANY, W, "Transition to Off Line"),
    row(0x0A, 0x05, ANY, W, "Transition to Off Duty"),
    row(0x0A, 0x06, ANY, W, "Transition to Degraded"),
    row(0x0A, 0x07, ANY, W, "Transition to Power Save"),
    row(0x0A, 0x08, ANY, C, "Install Error"),
    row(0x0B, 0x00, ANY, O, "Fully Redundant"),
    row(0x0B, 0x01, ANY, C, "Redundancy Lost"),
    row(0x0B, 0x02, ANY, W, "Redundancy Degraded"),
    row(
        0x0B,
        0x03,
        ANY,
        W,
        "Non-Redundant: Sufficient from Redundant",
    ),
    row(
        0x0B,
        0x04,
        ANY,
        C,
        "Non-Redundant: Sufficient from Insufficient",
    ),
    row(0x0B, 0x05, ANY, C, "Non-Redundant: Insufficient Resources"),
    row(
        0x0B,
        0x06,
        ANY,
        W,
        "Redundancy Degraded from Fully Redundant",
    ),
    row(0x0B, 0x07, ANY, W, "Redundancy Degraded from Non-Redundant"),
    row(0x0C, 0x00, ANY, O, "D0 Power State"),
    row(0x0C, 0x01, ANY, O, "D1 Power State"),
    row(0x0C, 0x02, ANY, O, "D2 Power State"),
    row(0x0C, 0x03, ANY, O, "D3 Power State"),
];

/// Sensor-specific offsets, IPMI 2.0 Table 42-3, sorted by sensor type. Also holds the three
/// PICMG sensor types F0h–F2h that ipmitool decodes for every controller.
///
/// Where ipmitool departs from the specification the row follows ipmitool:
/// power supply configuration errors (08h/06h) are told apart by event data 2, where the
/// specification puts the error type in event data 3 bits 3:0; System Firmware Progress
/// (0Fh) offsets 00h–02h print `Unknown Error`/`Unknown Hang`/`Unknown Progress` when event
/// data 2 is not marked as used.
pub static SENSOR_SPECIFIC_OFFSETS: &[OffsetRow] = &[
    row(0x05, 0x00, ANY, C, "General Chassis intrusion"),
    row(0x05, 0x01, ANY, C, "Drive Bay intrusion"),
    row(0x05, 0x02, ANY, C, "I/O Card area intrusion"),
    row(0x05, 0x03, ANY, C, "Processor area intrusion"),
    row(0x05, 0x04, ANY, C, "System unplugged from LAN"),
    row(0x05, 0x05, ANY, W, "Unauthorized dock"),
    row(0x05, 0x06, ANY, C, "FAN area intrusion"),
    row(
        0x06,
        0x00,
        ANY,
        W,
        "Front Panel Lockout violation attempted",
    ),
    row(
        0x06,
        0x01,
        ANY,
        W,
        "Pre-boot password violation - user password",
    ),
    row(
        0x06,
        0x02,
        ANY,
        W,
        "Pre-boot password violation - setup password",
    ),
    row(
        0x06,
        0x03,
        ANY,
        W,
        "Pre-boot password violation - network boot password",
    ),
    row(0x06, 0x04, ANY, W, "Other pre-boot password violation"),
    row(0x06, 0x05, ANY, W, "Out-of-band access password violation"),
    row(0x07, 0x00, ANY, C, "IERR"),
    row(0x07, 0x01, ANY, C, "Thermal Trip"),
    row(0x07, 0x02, ANY, C, "FRB1/BIST failure"),
    row(0x07, 0x03, ANY, C, "FRB2/Hang in POST failure"),
    row(0x07, 0x04, ANY, C, "FRB3/Processor startup/init failure"),
    row(0x07, 0x05, ANY, C, "Configuration Error"),
    row(
        0x07,
        0x06,
        ANY,
        C,
        "SM BIOS Uncorrectable CPU-complex Error",
    ),
    row(0x07, 0x07, ANY, O, "Presence detected"),
    row(0x07, 0x08, ANY, W, "Disabled"),
    row(0x07, 0x09, ANY, O, "Terminator presence detected"),
    row(0x07, 0x0A, ANY, W, "Throttled"),
    row(0x07, 0x0B, ANY, C, "Uncorrectable machine check exception"),
    row(0x07, 0x0C, ANY, W, "Correctable machine check error"),
    row(0x08, 0x00, ANY, O, "Presence detected"),
    row(0x08, 0x01, ANY, C, "Failure detected"),
    row(0x08, 0x02, ANY, W, "Predictive failure"),
    row(0x08, 0x03, ANY, C, "Power Supply AC lost"),
    row(0x08, 0x04, ANY, C, "AC lost or out-of-range"),
    row(0x08, 0x05, ANY, W, "AC out-of-range, but present"),
    row(0x08, 0x06, Some(0x00), C, "Config Error: Vendor Mismatch"),
    row(0x08, 0x06, Some(0x01), C, "Config Error: Revision Mismatch"),
    row(0x08, 0x06, Some(0x02), C, "Config Error: Processor Missing"),
    row(
        0x08,
        0x06,
        Some(0x03),
        C,
        "Config Error: Power Supply Rating Mismatch",
    ),
    row(
        0x08,
        0x06,
        Some(0x04),
        C,
        "Config Error: Voltage Rating Mismatch",
    ),
    row(0x08, 0x06, ANY, C, "Config Error"),
    row(0x08, 0x07, ANY, C, "Power Supply Inactive"),
    row(0x09, 0x00, ANY, O, "Power off/down"),
    row(0x09, 0x01, ANY, O, "Power cycle"),
    row(0x09, 0x02, ANY, C, "240VA power down"),
    row(0x09, 0x03, ANY, C, "Interlock power down"),
    row(0x09, 0x04, ANY, C, "AC lost"),
    row(0x09, 0x05, ANY, C, "Soft-power control failure"),
    row(0x09, 0x06, ANY, C, "Failure detected"),
    row(0x09, 0x07, ANY, W, "Predictive failure"),
    row(0x0C, 0x00, ANY, W, "Correctable ECC"),
    row(0x0C, 0x01, ANY, C, "Uncorrectable ECC"),
    row(0x0C, 0x02, ANY, W, "Parity"),
    row(0x0C, 0x03, ANY, C, "Memory Scrub Failed"),
    row(0x0C, 0x04, ANY, W, "Memory Device Disabled"),
    row(0x0C, 0x05, ANY, W, "Correctable ECC logging limit reached"),
    row(0x0C, 0x06, ANY, O, "Presence Detected"),
    row(0x0C, 0x07, ANY, C, "Configuration Error"),
    row(0x0C, 0x08, ANY, W, "Spare"),
    row(0x0C, 0x09, ANY, W, "Throttled"),
    row(0x0C, 0x0A, ANY, C, "Critical Overtemperature"),
    row(0x0D, 0x00, ANY, O, "Drive Present"),
    row(0x0D, 0x01, ANY, C, "Drive Fault"),
    row(0x0D, 0x02, ANY, W, "Predictive Failure"),
    row(0x0D, 0x03, ANY, W, "Hot Spare"),
    row(0x0D, 0x04, ANY, W, "Parity Check In Progress"),
    row(0x0D, 0x05, ANY, C, "In Critical Array"),
    row(0x0D, 0x06, ANY, C, "In Failed Array"),
    row(0x0D, 0x07, ANY, W, "Rebuild In Progress"),
    row(0x0D, 0x08, ANY, C, "Rebuild Aborted"),
    row(0x0F, 0x00, Some(0x00), C, "Unspecified"),
    row(0x0F, 0x00, Some(0x01), C, "No system memory installed"),
    row(0x0F, 0x00, Some(0x02), C, "No usable system memory"),
    row(
        0x0F,
        0x00,
        Some(0x03),
        C,
        "Unrecoverable IDE device failure",
    ),
    row(
        0x0F,
        0x00,
        Some(0x04),
        C,
        "Unrecoverable system-board failure",
    ),
    row(0x0F, 0x00, Some(0x05), C, "Unrecoverable diskette failure"),
    row(
        0x0F,
        0x00,
        Some(0x06),
        C,
        "Unrecoverable hard-disk controller failure",
    ),
    row(
        0x0F,
        0x00,
        Some(0x07),
        C,
        "Unrecoverable PS/2 or USB keyboard failure",
    ),
    row(0x0F, 0x00, Some(0x08), C, "Removable boot media not found"),
    row(
        0x0F,
        0x00,
        Some(0x09),
        C,
        "Unrecoverable video controller failure",
    ),
    row(0x0F, 0x00, Some(0x0A), C, "No video device selected"),
    row(0x0F, 0x00, Some(0x0B), C, "BIOS corruption detected"),
    row(0x0F, 0x00, Some(0x0C), C, "CPU voltage mismatch"),
    row(0x0F, 0x00, Some(0x0D), C, "CPU speed mismatch failure"),
    row(0x0F, 0x00, ANY, C, "Unknown Error"),
    row(0x0F, 0x01, Some(0x00), C, "Unspecified"),
    row(0x0F, 0x01, Some(0x01), C, "Memory initialization"),
    row(0x0F, 0x01, Some(0x02), C, "Hard-disk initialization"),
    row(0x0F, 0x01, Some(0x03), C, "Secondary CPU Initialization"),
    row(0x0F, 0x01, Some(0x04), C, "User authentication"),
    row(0x0F, 0x01, Some(0x05), C, "User-initiated system setup"),
    row(0x0F, 0x01, Some(0x06), C, "USB resource configuration"),
    row(0x0F, 0x01, Some(0x07), C, "PCI resource configuration"),
    row(0x0F, 0x01, Some(0x08), C, "Option ROM initialization"),
    row(0x0F, 0x01, Some(0x09), C, "Video initialization"),
    row(0x0F, 0x01, Some(0x0A), C, "Cache initialization"),
    row(0x0F, 0x01, Some(0x0B), C, "SMBus initialization"),
    row(
        0x0F,
        0x01,
        Some(0x0C),
        C,
        "Keyboard controller initialization",
    ),
    row(
        0x0F,
        0x01,
        Some(0x0D),
        C,
        "Management controller initialization",
    ),
    row(0x0F, 0x01, Some(0x0E), C, "Docking station attachment"),
    row(0x0F, 0x01, Some(0x0F), C, "Enabling docking station"),
    row(0x0F, 0x01, Some(0x10), C, "Docking station ejection"),
    row(0x0F, 0x01, Some(0x11), C, "Disabling docking station"),
    row(
        0x0F,
        0x01,
        Some(0x12),
        C,
        "Calling operating system wake-up vector",
    ),
    row(0x0F, 0x01, Some(0x13), C, "System boot initiated"),
    row(0x0F, 0x01, Some(0x14), C, "Motherboard initialization"),
    row(0x0F, 0x01, Some(0x15), C, "reserved"),
    row(0x0F, 0x01, Some(0x16), C, "Floppy initialization"),
    row(0x0F, 0x01, Some(0x17), C, "Keyboard test"),
    row(0x0F, 0x01, Some(0x18), C, "Pointing device test"),
    row(0x0F, 0x01, Some(0x19), C, "Primary CPU initialization"),
    row(0x0F, 0x01, ANY, C, "Unknown Hang"),
    row(0x0F, 0x02, Some(0x00), O, "Unspecified"),
    row(0x0F, 0x02, Some(0x01), O, "Memory initialization"),
    row(0x0F, 0x02, Some(0x02), O, "Hard-disk initialization"),
    row(0x0F, 0x02, Some(0x03), O, "Secondary CPU Initialization"),
    row(0x0F, 0x02, Some(0x04), O, "User authentication"),
    row(0x0F, 0x02, Some(0x05), O, "User-initiated system setup"),
    row(0x0F, 0x02, Some(0x06), O, "USB resource configuration"),
    row(0x0F, 0x02, Some(0x07), O, "PCI resource configuration"),
    row(0x0F, 0x02, Some(0x08), O, "Option ROM initialization"),
    row(0x0F, 0x02, Some(0x09), O, "Video initialization"),
    row(0x0F, 0x02, Some(0x0A), O, "Cache initialization"),
    row(0x0F, 0x02, Some(0x0B), O, "SMBus initialization"),
    row(
        0x0F,
        0x02,
        Some(0x0C),
        O,
        "Keyboard controller initialization",
    ),
    row(
        0x0F,
        0x02,
        Some(0x0D),
        O,
        "Management controller initialization",
    ),
    row(0x0F, 0x02, Some(0x0E), O, "Docking station attachment"),
    row(0x0F, 0x02, Some(0x0F), O, "Enabling docking station"),
    row(0x0F, 0x02, Some(0x10), O, "Docking station ejection"),
    row(0x0F, 0x02, Some(0x11), O, "Disabling docking station"),
    row(
        0x0F,
        0x02,
        Some(0x12),
        O,
        "Calling operating system wake-up vector",
    ),
    row(0x0F, 0x02, Some(0x13), O, "System boot initiated"),
    row(0x0F, 0x02, Some(0x14), O, "Motherboard initialization"),
    row(0x0F, 0x02, Some(0x15), O, "reserved"),
    row(0x0F, 0x02, Some(0x16), O, "Floppy initialization"),
    row(0x0F, 0x02, Some(0x17), O, "Keyboard test"),
    row(0x0F, 0x02, Some(0x18), O, "Pointing device test"),
    row(0x0F, 0x02, Some(0x19), O, "Primary CPU initialization"),
    row(0x0F, 0x02, ANY, O, "Unknown Progress"),
    row(
        0x10,
        0x00,
        ANY,
        W,
        "Correctable memory error logging disabled",
    ),
    row(0x10, 0x01, ANY, W, "Event logging disabled"),
    row(0x10, 0x02, ANY, W, "Log area reset/cleared"),
    row(0x10, 0x03, ANY, W, "All event logging disabled"),
    row(0x10, 0x04, ANY, C, "Log full"),
    row(0x10, 0x05, ANY, W, "Log almost full"),
    row(0x11, 0x00, ANY, W, "BIOS Reset"),
    row(0x11, 0x01, ANY, W, "OS Reset"),
    row(0x11, 0x02, ANY, W, "OS Shut Down"),
    row(0x11, 0x03, ANY, W, "OS Power Down"),
    row(0x11, 0x04, ANY, W, "OS Power Cycle"),
    row(0x11, 0x05, ANY, W, "OS NMI/Diag Interrupt"),
    row(0x11, 0x06, ANY, W, "OS Expired"),
    row(0x11, 0x07, ANY, W, "OS pre-timeout Interrupt"),
    row(0x12, 0x00, ANY, O, "System Reconfigured"),
    row(0x12, 0x01, ANY, O, "OEM System boot event"),
    row(0x12, 0x02, ANY, C, "Undetermined system hardware failure"),
    row(0x12, 0x03, ANY, O, "Entry added to auxiliary log"),
    row(0x12, 0x04, ANY, O, "PEF Action"),
    row(0x12, 0x05, ANY, O, "Timestamp Clock Sync"),
    row(0x13, 0x00, ANY, C, "NMI/Diag Interrupt"),
    row(0x13, 0x01, ANY, C, "Bus Timeout"),
    row(0x13, 0x02, ANY, C, "I/O Channel check NMI"),
    row(0x13, 0x03, ANY, C, "Software NMI"),
    row(0x13, 0x04, ANY, C, "PCI PERR"),
    row(0x13, 0x05, ANY, C, "PCI SERR"),
    row(0x13, 0x06, ANY, C, "EISA failsafe timeout"),
    row(0x13, 0x07, ANY, W, "Bus Correctable error"),
    row(0x13, 0x08, ANY, C, "Bus Uncorrectable error"),
    row(0x13, 0x09, ANY, C, "Fatal NMI"),
    row(0x13, 0x0A, ANY, C, "Bus Fatal Error"),
    row(0x13, 0x0B, ANY, W, "Bus Degraded"),
    row(0x14, 0x00, ANY, O, "Power Button pressed"),
    row(0x14, 0x01, ANY, O, "Sleep Button pressed"),
    row(0x14, 0x02, ANY, O, "Reset Button pressed"),
    row(0x14, 0x03, ANY, O, "FRU Latch"),
    row(0x14, 0x04, ANY, O, "FRU Service"),
    row(0x19, 0x00, ANY, C, "Soft Power Control Failure"),
    row(0x19, 0x01, ANY, C, "Thermal Trip"),
    row(0x1B, 0x00, ANY, O, "Connected"),
    row(0x1B, 0x01, ANY, C, "Config Error"),
    row(0x1D, 0x00, ANY, O, "Initiated by power up"),
    row(0x1D, 0x01, ANY, O, "Initiated by hard reset"),
    row(0x1D, 0x02, ANY, O, "Initiated by warm reset"),
    row(0x1D, 0x03, ANY, O, "User requested PXE boot"),
    row(0x1D, 0x04, ANY, O, "Automatic boot to diagnostic"),
    row(0x1D, 0x05, ANY, O, "OS initiated hard reset"),
    row(0x1D, 0x06, ANY, O, "OS initiated warm reset"),
    row(0x1D, 0x07, ANY, O, "System Restart"),
    row(0x1E, 0x00, ANY, C, "No bootable media"),
    row(0x1E, 0x01, ANY, C, "Non-bootable disk in drive"),
    row(0x1E, 0x02, ANY, C, "PXE server not found"),
    row(0x1E, 0x03, ANY, C, "Invalid boot sector"),
    row(0x1E, 0x04, ANY, C, "Timeout waiting for selection"),
    row(0x1F, 0x00, ANY, O, "A: boot completed"),
    row(0x1F, 0x01, ANY, O, "C: boot completed"),
    row(0x1F, 0x02, ANY, O, "PXE boot completed"),
    row(0x1F, 0x03, ANY, O, "Diagnostic boot completed"),
    row(0x1F, 0x04, ANY, O, "CD-ROM boot completed"),
    row(0x1F, 0x05, ANY, O, "ROM boot completed"),
    row(0x1F, 0x06, ANY, O, "boot completed - device not specified"),
    row(0x1F, 0x07, ANY, O, "Installation started"),
    row(0x1F, 0x08, ANY, O, "Installation completed"),
    row(0x1F, 0x09, ANY, W, "Installation aborted"),
    row(0x1F, 0x0A, ANY, W, "Installation failed"),
    row(0x20, 0x00, ANY, C, "Error during system startup"),
    row(0x20, 0x01, ANY, C, "Run-time critical stop"),
    row(0x20, 0x02, ANY, O, "OS graceful stop"),
    row(0x20, 0x03, ANY, O, "OS graceful shutdown"),
    row(0x20, 0x04, ANY, O, "PEF initiated soft shutdown"),
    row(0x20, 0x05, ANY, C, "Agent not responding"),
    row(0x21, 0x00, ANY, C, "Fault Status"),
    row(0x21, 0x01, ANY, O, "Identify Status"),
    row(0x21, 0x02, ANY, O, "Device Installed"),
    row(0x21, 0x03, ANY, O, "Ready for Device Installation"),
    row(0x21, 0x04, ANY, O, "Ready for Device Removal"),
    row(0x21, 0x05, ANY, O, "Slot Power is Off"),
    row(0x21, 0x06, ANY, O, "Device Removal Request"),
    row(0x21, 0x07, ANY, O, "Interlock"),
    row(0x21, 0x08, ANY, O, "Slot is Disabled"),
    row(0x21, 0x09, ANY, O, "Spare Device"),
    row(0x22, 0x00, ANY, O, "S0/G0: working"),
    row(
        0x22,
        0x01,
        ANY,
        O,
        "S1: sleeping with system hw & processor context maintained",
    ),
    row(0x22, 0x02, ANY, O, "S2: sleeping, processor context lost"),
    row(
        0x22,
        0x03,
        ANY,
        O,
        "S3: sleeping, processor & hw context lost, memory retained",
    ),
    row(0x22, 0x04, ANY, O, "S4: non-volatile sleep/suspend-to-disk"),
    row(0x22, 0x05, ANY, O, "S5/G2: soft-off"),
    row(0x22, 0x06, ANY, O, "S4/S5: soft-off"),
    row(0x22, 0x07, ANY, O, "G3: mechanical off"),
    row(0x22, 0x08, ANY, O, "Sleeping in S1/S2/S3 state"),
    row(0x22, 0x09, ANY, O, "G1: sleeping"),
    row(0x22, 0x0A, ANY, O, "S5: entered by override"),
    row(0x22, 0x0B, ANY, O, "Legacy ON state"),
    row(0x22, 0x0C, ANY, O, "Legacy OFF state"),
    row(0x22, 0x0E, ANY, O, "Unknown"),
    row(0x23, 0x00, ANY, W, "Timer expired"),
    row(0x23, 0x01, ANY, W, "Hard reset"),
    row(0x23, 0x02, ANY, W, "Power down"),
    row(0x23, 0x03, ANY, W, "Power cycle"),
    row(0x23, 0x04, ANY, W, "reserved"),
    row(0x23, 0x05, ANY, W, "reserved"),
    row(0x23, 0x06, ANY, W, "reserved"),
    row(0x23, 0x07, ANY, W, "reserved"),
    row(0x23, 0x08, ANY, W, "Timer interrupt"),
    row(0x24, 0x00, ANY, O, "Platform generated page"),
    row(0x24, 0x01, ANY, O, "Platform generated LAN alert"),
    row(0x24, 0x02, ANY, O, "Platform Event Trap generated"),
    row(
        0x24,
        0x03,
        ANY,
        O,
        "Platform generated SNMP trap, OEM format",
    ),
    row(0x25, 0x00, ANY, O, "Present"),
    row(0x25, 0x01, ANY, W, "Absent"),
    row(0x25, 0x02, ANY, W, "Disabled"),
    row(0x27, 0x00, ANY, C, "Heartbeat Lost"),
    row(0x27, 0x01, ANY, O, "Heartbeat"),
    row(0x28, 0x00, ANY, C, "Sensor access degraded or unavailable"),
    row(
        0x28,
        0x01,
        ANY,
        C,
        "Controller access degraded or unavailable",
    ),
    row(0x28, 0x02, ANY, C, "Management controller off-line"),
    row(0x28, 0x03, ANY, C, "Management controller unavailable"),
    row(0x28, 0x04, ANY, C, "Sensor failure"),
    row(0x28, 0x05, ANY, C, "FRU failure"),
    row(0x29, 0x00, ANY, W, "Low"),
    row(0x29, 0x01, ANY, C, "Failed"),
    row(0x29, 0x02, ANY, O, "Presence Detected"),
    row(0x2B, 0x00, ANY, O, "Hardware change detected"),
    row(
        0x2B,
        0x01,
        Some(0x00),
        O,
        "Firmware or software change detected",
    ),
    row(
        0x2B,
        0x01,
        Some(0x01),
        O,
        "Firmware or software change detected, Mngmt Ctrl Dev Id",
    ),
    row(
        0x2B,
        0x01,
        Some(0x02),
        O,
        "Firmware or software change detected, Mngmt Ctrl Firm Rev",
    ),
    row(
        0x2B,
        0x01,
        Some(0x03),
        O,
        "Firmware or software change detected, Mngmt Ctrl Dev Rev",
    ),
    row(
        0x2B,
        0x01,
        Some(0x04),
        O,
        "Firmware or software change detected, Mngmt Ctrl Manuf Id",
    ),
    row(
        0x2B,
        0x01,
        Some(0x05),
        O,
        "Firmware or software change detected, Mngmt Ctrl IPMI Vers",
    ),
    row(
        0x2B,
        0x01,
        Some(0x06),
        O,
        "Firmware or software change detected, Mngmt Ctrl Aux Firm Id",
    ),
    row(
        0x2B,
        0x01,
        Some(0x07),
        O,
        "Firmware or software change detected, Mngmt Ctrl Firm Boot Block",
    ),
    row(
        0x2B,
        0x01,
        Some(0x08),
        O,
        "Firmware or software change detected, Mngmt Ctrl Other",
    ),
    row(
        0x2B,
        0x01,
        Some(0x09),
        O,
        "Firmware or software change detected, BIOS/EFI change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x0A),
        O,
        "Firmware or software change detected, SMBIOS change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x0B),
        O,
        "Firmware or software change detected, O/S change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x0C),
        O,
        "Firmware or software change detected, O/S loader change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x0D),
        W,
        "Firmware or software change detected, Service Diag change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x0E),
        O,
        "Firmware or software change detected, Mngmt SW agent change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x0F),
        O,
        "Firmware or software change detected, Mngmt SW App change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x10),
        O,
        "Firmware or software change detected, Mngmt SW Middle",
    ),
    row(
        0x2B,
        0x01,
        Some(0x11),
        O,
        "Firmware or software change detected, Prog HW Change (FPGA)",
    ),
    row(
        0x2B,
        0x01,
        Some(0x12),
        O,
        "Firmware or software change detected, board/FRU module change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x13),
        O,
        "Firmware or software change detected, board/FRU component change",
    ),
    row(
        0x2B,
        0x01,
        Some(0x14),
        O,
        "Firmware or software change detected, board/FRU replace equ ver",
    ),
    row(
        0x2B,
        0x01,
        Some(0x15),
        O,
        "Firmware or software change detected, board/FRU replace new ver",
    ),
    row(
        0x2B,
        0x01,
        Some(0x16),
        O,
        "Firmware or software change detected, board/FRU replace old ver",
    ),
    row(
        0x2B,
        0x01,
        Some(0x17),
        O,
        "Firmware or software change detected, board/FRU HW conf change",
    ),
    row(0x2B, 0x02, ANY, C, "Hardware incompatibility detected"),
    row(
        0x2B,
        0x03,
        ANY,
        C,
        "Firmware or software incompatibility detected",
    ),
    row(
        0x2B,
        0x04,
        ANY,
        C,
        "Invalid or unsupported hardware version",
    ),
    row(
        0x2B,
        0x05,
        ANY,
        C,
        "Invalid or unsupported firmware or software version",
    ),
    row(0x2B, 0x06, ANY, O, "Hardware change success"),
    row(
        0x2B,
        0x07,
        Some(0x00),
        O,
        "Firmware or software change success",
    ),
    row(
        0x2B,
        0x07,
        Some(0x01),
        O,
        "Firmware or software change success, Mngmt Ctrl Dev Id",
    ),
    row(
        0x2B,
        0x07,
        Some(0x02),
        O,
        "Firmware or software change success, Mngmt Ctrl Firm Rev",
    ),
    row(
        0x2B,
        0x07,
        Some(0x03),
        O,
        "Firmware or software change success, Mngmt Ctrl Dev Rev",
    ),
    row(
        0x2B,
        0x07,
        Some(0x04),
        O,
        "Firmware or software change success, Mngmt Ctrl Manuf Id",
    ),
    row(
        0x2B,
        0x07,
        Some(0x05),
        O,
        "Firmware or software change success, Mngmt Ctrl IPMI Vers",
    ),
    row(
        0x2B,
        0x07,
        Some(0x06),
        O,
        "Firmware or software change success, Mngmt Ctrl Aux Firm Id",
    ),
    row(
        0x2B,
        0x07,
        Some(0x07),
        O,
        "Firmware or software change success, Mngmt Ctrl Firm Boot Block",
    ),
    row(
        0x2B,
        0x07,
        Some(0x08),
        O,
        "Firmware or software change success, Mngmt Ctrl Other",
    ),
    row(
        0x2B,
        0x07,
        Some(0x09),
        O,
        "Firmware or software change success, BIOS/EFI change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x0A),
        O,
        "Firmware or software change success, SMBIOS change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x0B),
        O,
        "Firmware or software change success, O/S change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x0C),
        O,
        "Firmware or software change success, O/S loader change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x0D),
        W,
        "Firmware or software change success, Service Diag change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x0E),
        O,
        "Firmware or software change success, Mngmt SW agent change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x0F),
        O,
        "Firmware or software change success, Mngmt SW App change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x10),
        O,
        "Firmware or software change success, Mngmt SW Middle",
    ),
    row(
        0x2B,
        0x07,
        Some(0x11),
        O,
        "Firmware or software change success, Prog HW Change (FPGA)",
    ),
    row(
        0x2B,
        0x07,
        Some(0x12),
        O,
        "Firmware or software change success, board/FRU module change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x13),
        O,
        "Firmware or software change success, board/FRU component change",
    ),
    row(
        0x2B,
        0x07,
        Some(0x14),
        O,
        "Firmware or software change success, board/FRU replace equ ver",
    ),
    row(
        0x2B,
        0x07,
        Some(0x15),
        O,
        "Firmware or software change success, board/FRU replace new ver",
    ),
    row(
        0x2B,
        0x07,
        Some(0x16),
        O,
        "Firmware or software change success, board/FRU replace old ver",
    ),
    row(
        0x2B,
        0x07,
        Some(0x17),
        O,
        "Firmware or software change success, board/FRU HW conf change",
    ),
    row(0x2C, 0x00, ANY, O, "Not Installed"),
    row(0x2C, 0x01, ANY, O, "Inactive"),
    row(0x2C, 0x02, ANY, O, "Activation Requested"),
    row(0x2C, 0x03, ANY, O, "Activation in Progress"),
    row(0x2C, 0x04, ANY, O, "Active"),
    row(0x2C, 0x05, ANY, O, "Deactivation Requested"),
    row(0x2C, 0x06, ANY, O, "Deactivation in Progress"),
    row(0x2C, 0x07, ANY, C, "Communication lost"),
    row(0xF0, 0x00, ANY, O, "Transition to M0"),
    row(0xF0, 0x01, ANY, O, "Transition to M1"),
    row(0xF0, 0x02, ANY, O, "Transition to M2"),
    row(0xF0, 0x03, ANY, O, "Transition to M3"),
    row(0xF0, 0x04, ANY, O, "Transition to M4"),
    row(0xF0, 0x05, ANY, O, "Transition to M5"),
    row(0xF0, 0x06, ANY, O, "Transition to M6"),
    row(0xF0, 0x07, ANY, O, "Transition to M7"),
    row(0xF1, 0x00, ANY, C, "IPMB-A disabled, IPMB-B disabled"),
    row(0xF1, 0x01, ANY, W, "IPMB-A enabled, IPMB-B disabled"),
    row(0xF1, 0x02, ANY, W, "IPMB-A disabled, IPMB-B enabled"),
    row(0xF1, 0x03, ANY, O, "IPMB-A enabled, IPMB-B enabled"),
    row(0xF2, 0x00, ANY, O, "Module Handle Closed"),
    row(0xF2, 0x01, ANY, O, "Module Handle Opened"),
    row(0xF2, 0x02, ANY, O, "Quiesced"),
];

/// The rows that describe an event, as ipmitool chooses them: the sensor-specific table for
/// event/reading type 6Fh (keyed by sensor type), no row for OEM types 70h–7Eh, the generic
/// table for everything else (keyed by event/reading type). The first row of the group whose
/// offset matches and whose event data 2 condition holds wins.
///
/// ```
/// use sel_codec::{EventData, EventType, SensorType, tables::describe};
///
/// let row = describe(EventType::SENSOR_SPECIFIC, SensorType(0x22), EventData([0x05, 0xff, 0xff]));
/// assert_eq!(row.map(|r| r.text), Some("S5/G2: soft-off"));
/// ```
pub fn describe(
    event_type: crate::EventType,
    sensor_type: SensorType,
    data: crate::EventData,
) -> Option<&'static OffsetRow> {
    let group = match event_type.code() {
        0x70..=0x7E => return None,
        0x6F => rows_for(SENSOR_SPECIFIC_OFFSETS, sensor_type.0),
        code => rows_for(GENERIC_OFFSETS, code),
    };
    let ed1 = data.0[0];
    let data2_used = ed1 & 0xC0 != 0;
    group.iter().find(|r| {
        r.offset == ed1 & 0x0F && (r.data2.is_none() || (data2_used && r.data2 == Some(data.0[1])))
    })
}

/// The rows of `table` (sorted by code) whose code is `code`.
pub fn rows_for(table: &'static [OffsetRow], code: u8) -> &'static [OffsetRow] {
    let start = table.partition_point(|r| r.code < code);
    let rest = table.get(start..).unwrap_or_default();
    let len = rest.partition_point(|r| r.code == code);
    rest.get(..len).unwrap_or_default()
}

/// Sensor unit type codes, IPMI 2.0 Table 43-15 (codes 0–92), with the names ipmitool prints.
pub static UNIT_NAMES: [&str; 93] = [
    "unspecified",
    "degrees C",
    "degrees F",
    "degrees K",
    "Volts",
    "Amps",
    "Watts",
    "Joules",
    "Coulombs",
    "VA",
    "Nits",
    "lumen",
    "lux",
    "Candela",
    "kPa",
    "PSI",
    "Newton",
    "CFM",
    "RPM",
    "Hz",
    "microsecond",
    "millisecond",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "mil",
    "inches",
    "feet",
    "cu in",
    "cu feet",
    "mm",
    "cm",
    "m",
    "cu cm",
    "cu m",
    "liters",
    "fluid ounce",
    "radians",
    "steradians",
    "revolutions",
    "cycles",
    "gravities",
    "ounce",
    "pound",
    "ft-lb",
    "oz-in",
    "gauss",
    "gilberts",
    "henry",
    "millihenry",
    "farad",
    "microfarad",
    "ohms",
    "siemens",
    "mole",
    "becquerel",
    "PPM",
    "reserved",
    "Decibels",
    "DbA",
    "DbC",
    "gray",
    "sievert",
    "color temp deg K",
    "bit",
    "kilobit",
    "megabit",
    "gigabit",
    "byte",
    "kilobyte",
    "megabyte",
    "gigabyte",
    "word",
    "dword",
    "qword",
    "line",
    "hit",
    "miss",
    "retry",
    "reset",
    "overflow",
    "underrun",
    "collision",
    "packets",
    "messages",
    "characters",
    "error",
    "correctable error",
    "uncorrectable error",
    "fatal error",
    "grams",
];

/// The Table 43-15 name of a unit code, or `None` above 92.
pub fn unit_name(code: u8) -> Option<&'static str> {
    UNIT_NAMES.get(usize::from(code)).copied()
}
