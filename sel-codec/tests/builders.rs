//! The builders produce the bytes IPMI 2.0 specifies, and the lines operators see.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use acpi_state::SystemPowerState;
use sel_codec::tables::Severity;
use sel_codec::text::{Linear, Sensor, SensorTable, SensorUnit};
use sel_codec::{
    BootCause, DataUsage, EventData, EventDirection, EventType, Generator, GeneratorId,
    ManufacturerId, OemNonTimestampedType, OemTimestampedType, PsuConfigError, PsuEvent, SelRecord,
    SensorType, SystemEvent, Threshold, Timestamp,
};

/// The fleet operator's SEL (FIELD-NOTES §5), as OpenBMC logs it and `ipmitool sel elist`
/// prints it with the host's sensor names.
#[test]
fn field_notes_fleet_sel_lines() {
    let sensors = [
        (
            0x20,
            0x01,
            SensorType(0x22),
            Sensor {
                name: "ACPI_STATUS",
                reading: None,
            },
        ),
        (
            0x20,
            0x02,
            SensorType(0x1D),
            Sensor {
                name: "RESTART_CAUSE",
                reading: None,
            },
        ),
    ];
    let table = SensorTable(&sensors);
    let lines: Vec<String> = [
        (
            0x4d,
            SystemEvent::acpi_power_state(0x01, SystemPowerState::S5G2).at(Timestamp(11021)),
        ),
        (
            0x4e,
            SystemEvent::acpi_power_state(0x01, SystemPowerState::S0G0).at(Timestamp(11022)),
        ),
        (
            0x4f,
            SystemEvent::boot_initiated(0x02, BootCause::SystemRestart).at(Timestamp(11023)),
        ),
    ]
    .into_iter()
    .map(|(id, e)| SelRecord::system(id, e).elist(&table).to_string())
    .collect();
    assert_eq!(
        lines,
        [
            "  4d |  Pre-Init  |0000011021| System ACPI Power State ACPI_STATUS | S5/G2: soft-off | Asserted",
            "  4e |  Pre-Init  |0000011022| System ACPI Power State ACPI_STATUS | S0/G0: working | Asserted",
            "  4f |  Pre-Init  |0000011023| System Boot Initiated RESTART_CAUSE | System Restart | Asserted",
        ]
    );
}

#[test]
fn acpi_power_state_round_trips_every_state() {
    for state in SystemPowerState::ALL {
        let e = SystemEvent::acpi_power_state(7, state);
        let bytes = SelRecord::system(1, e).to_bytes();
        // Sensor type 22h, sensor-specific, offset in ED1, bytes 2 and 3 unspecified (FFh).
        assert_eq!(
            &bytes[9..16],
            &[0x04, 0x22, 7, 0x6F, state.sel_offset(), 0xFF, 0xFF]
        );
        assert_eq!(e.acpi_state(), Some(state));
        assert_eq!(e.description(), Some(state.ipmitool_text()));
    }
    assert_eq!(
        SystemEvent::boot_initiated(1, BootCause::PowerUp).acpi_state(),
        None
    );
}

#[test]
fn boot_causes_cover_table_42_3() {
    let all = [
        (BootCause::PowerUp, "Initiated by power up"),
        (BootCause::HardReset, "Initiated by hard reset"),
        (BootCause::WarmReset, "Initiated by warm reset"),
        (BootCause::PxeRequested, "User requested PXE boot"),
        (BootCause::Diagnostic, "Automatic boot to diagnostic"),
        (BootCause::OsHardReset, "OS initiated hard reset"),
        (BootCause::OsWarmReset, "OS initiated warm reset"),
        (BootCause::SystemRestart, "System Restart"),
    ];
    for (i, (cause, text)) in all.into_iter().enumerate() {
        let e = SystemEvent::boot_initiated(2, cause);
        assert_eq!(usize::from(e.data.offset()), i);
        assert_eq!(e.description(), Some(text));
        assert_eq!(e.sensor_type, SensorType::SYSTEM_BOOT_INITIATED);
    }
}

#[test]
fn threshold_event_carries_reading_and_threshold() {
    let e = SystemEvent::threshold(
        SensorType::TEMPERATURE,
        0x30,
        Threshold::UpperCriticalGoingHigh,
        90,
        85,
    )
    .at(Timestamp(0x6000_0000));
    assert_eq!(e.data, EventData([0x59, 90, 85]));
    assert_eq!(e.data.data2_usage(), DataUsage::Primary);
    assert_eq!(e.data.data3_usage(), DataUsage::Primary);
    assert_eq!(e.event_type, EventType::THRESHOLD);
    assert_eq!(e.severity(), Some(Severity::Critical));
    assert_eq!(e.deasserted().severity(), Some(Severity::Ok));
    let cpu_temp = Linear {
        m: 1,
        unit: SensorUnit::new(1),
        ..Linear::default()
    };
    let sensors = [(
        0x20,
        0x30,
        SensorType(1),
        Sensor {
            name: "CPU_TEMP",
            reading: Some(cpu_temp),
        },
    )];
    let record = SelRecord::system(0x50, e);
    assert_eq!(
        record.elist(SensorTable(&sensors)).to_string(),
        "  50 | 01/14/21 | 08:25:36 UTC | Temperature CPU_TEMP | Upper Critical going high | Asserted | Reading 90 > Threshold 85 degrees C"
    );
    // The PSU input current of FIELD-NOTES §5 (0.47 A): M=1, R=-2, going low.
    let amps = Linear {
        m: 1,
        r_exp: -2,
        unit: SensorUnit::new(5),
        ..Linear::default()
    };
    let sensors = [(
        0x20,
        0x40,
        SensorType(3),
        Sensor {
            name: "PSU0_CURRENT_IN",
            reading: Some(amps),
        },
    )];
    let low = SystemEvent::threshold(
        SensorType::CURRENT,
        0x40,
        Threshold::LowerCriticalGoingLow,
        47,
        50,
    )
    .at(Timestamp(11021));
    assert_eq!(
        SelRecord::system(0x51, low)
            .elist(SensorTable(&sensors))
            .to_string(),
        "  51 |  Pre-Init  |0000011021| Current PSU0_CURRENT_IN | Lower Critical going low  | Asserted | Reading 0.47 < Threshold 0.50 Amps"
    );
    assert_eq!(
        SelRecord::system(0x51, low).ipmitool_list().to_string(),
        "  51 |  Pre-Init  |0000011021| Current #0x40 | Lower Critical going low  | Asserted"
    );
}

#[test]
fn power_supply_events() {
    let texts = [
        (PsuEvent::Presence, "Presence detected", Severity::Ok),
        (PsuEvent::Failure, "Failure detected", Severity::Critical),
        (
            PsuEvent::PredictiveFailure,
            "Predictive failure",
            Severity::Warning,
        ),
        (
            PsuEvent::InputLost,
            "Power Supply AC lost",
            Severity::Critical,
        ),
        (
            PsuEvent::InputLostOrOutOfRange,
            "AC lost or out-of-range",
            Severity::Critical,
        ),
        (
            PsuEvent::InputOutOfRange,
            "AC out-of-range, but present",
            Severity::Warning,
        ),
        (
            PsuEvent::Inactive,
            "Power Supply Inactive",
            Severity::Critical,
        ),
    ];
    for (event, text, severity) in texts {
        let e = SystemEvent::power_supply(0x38, event);
        assert_eq!(e.description(), Some(text));
        assert_eq!(e.severity(), Some(severity));
        assert_eq!(e.data.0[1..], [0xFF, 0xFF]);
    }
    // Configuration errors put their type in event data 3 (Table 42-3); ipmitool then prints
    // the generic text.
    let e = SystemEvent::power_supply(
        0x38,
        PsuEvent::ConfigurationError(PsuConfigError::RatingMismatch),
    );
    assert_eq!(e.data, EventData([0x36, 0xFF, 0x03]));
    assert_eq!(e.data.data3_usage(), DataUsage::SensorSpecific);
    assert_eq!(e.description(), Some("Config Error"));
}

#[test]
fn generator_id_fields() {
    let bmc = GeneratorId::BMC;
    assert_eq!(bmc.generator(), Generator::SlaveAddress(0x20));
    assert_eq!((bmc.channel(), bmc.lun()), (0, 0));
    let bios = GeneratorId::new(Generator::SoftwareId(0x01), 0, 0).unwrap();
    assert_eq!(bios.0, 0x0003);
    assert_eq!(bios.generator(), Generator::SoftwareId(0x01));
    let remote = GeneratorId::new(Generator::SlaveAddress(0x82), 0x2, 0x3).unwrap();
    assert_eq!(remote.0, 0x2382);
    assert_eq!(
        (remote.channel(), remote.lun(), remote.reserved_bits()),
        (2, 3, 0)
    );
    assert!(GeneratorId::new(Generator::SlaveAddress(0x21), 0, 0).is_err());
    assert!(GeneratorId::new(Generator::SoftwareId(0x80), 0, 0).is_err());
    assert!(GeneratorId::new(Generator::SlaveAddress(0x20), 16, 0).is_err());
    let err = GeneratorId::new(Generator::SlaveAddress(0x20), 0, 4).unwrap_err();
    assert_eq!(
        err.to_string(),
        "generator LUN = 0x4 does not fit: the field holds at most 0x3"
    );
}

#[test]
fn oem_records() {
    let ts = SelRecord::oem_timestamped(
        0x51,
        OemTimestampedType::new(0xC1).unwrap(),
        Timestamp(0x6000_0000),
        ManufacturerId::new(0x000157).unwrap(),
        *b"ABC\x00\x01\xff",
    );
    assert_eq!(
        ts.to_bytes(),
        [
            0x51, 0, 0xC1, 0, 0, 0, 0x60, 0x57, 0x01, 0x00, b'A', b'B', b'C', 0, 1, 0xFF
        ]
    );
    // ipmitool prints the manufacturer bytes in record order.
    assert_eq!(
        ts.ipmitool_list().to_string(),
        "  51 | 01/14/21 | 08:25:36 UTC | OEM record c1 | 570100 | 4142430001ff"
    );
    let nts = SelRecord::oem_non_timestamped(1, OemNonTimestampedType::new(0xE5).unwrap(), [7; 13]);
    assert_eq!(
        nts.ipmitool_list().to_string(),
        "   1 | OEM record e5 | 07070707070707070707070707"
    );
    assert!(OemTimestampedType::new(0xE0).is_err());
    assert!(OemNonTimestampedType::new(0xDF).is_err());
    assert!(ManufacturerId::new(0x0100_0000).is_err());
    assert_eq!(
        OemTimestampedType::new(0x02).unwrap_err().to_string(),
        "record type 02h is not in the accepted range C0h-DFh"
    );
}

#[test]
fn event_type_and_data_constructors() {
    assert!(EventType::new(0x80).is_err());
    assert_eq!(EventType::new(0x6F).unwrap(), EventType::SENSOR_SPECIFIC);
    assert!(EventData::new(0x10, DataUsage::Unspecified, 0, DataUsage::Unspecified, 0).is_err());
    let d = EventData::new(0x3, DataUsage::Oem, 0x12, DataUsage::SensorSpecific, 0x34).unwrap();
    assert_eq!(d, EventData([0xB3, 0x12, 0x34]));
    assert_eq!(
        (d.offset(), d.data2_usage(), d.data3_usage()),
        (3, DataUsage::Oem, DataUsage::SensorSpecific)
    );
    let e = SystemEvent::sensor_specific(SensorType::PROCESSOR, 1, 0x01).unwrap();
    assert_eq!(e.description(), Some("Thermal Trip"));
    assert_eq!(e.direction, EventDirection::Assertion);
    assert!(SystemEvent::sensor_specific(SensorType::PROCESSOR, 1, 0x10).is_err());
}

#[test]
fn timestamps() {
    assert!(Timestamp(0x1FFF_FFFF).is_pre_init());
    assert!(!Timestamp(0x2000_0000).is_pre_init());
    assert_eq!(Timestamp::UNSPECIFIED.unix_seconds(), None);
    assert_eq!(Timestamp(0x6000_0000).unix_seconds(), Some(0x6000_0000));
    let mut r = SelRecord::system(2, SystemEvent::boot_initiated(0, BootCause::PowerUp));
    assert_eq!(
        r.ipmitool_list().to_string(),
        "   2 |  Pre-Init  |0000000000| System Boot Initiated | Initiated by power up | Asserted"
    );
    r = SelRecord::system(
        2,
        SystemEvent::boot_initiated(0, BootCause::PowerUp).at(Timestamp::UNSPECIFIED),
    );
    assert_eq!(
        r.ipmitool_list().to_string(),
        "   2 | Unspecified | Unspecified | System Boot Initiated | Initiated by power up | Asserted"
    );
    // 2106-02-07 06:28:15 is the last second a u32 holds; 2000-02-29 is a leap day.
    r = SelRecord::system(
        2,
        SystemEvent::boot_initiated(0, BootCause::PowerUp).at(Timestamp(0xFFFF_FFFE)),
    );
    assert!(
        r.ipmitool_list()
            .to_string()
            .contains("| 02/07/06 | 06:28:14 UTC |")
    );
    r = SelRecord::system(
        2,
        SystemEvent::boot_initiated(0, BootCause::PowerUp).at(Timestamp(951_782_400)),
    );
    assert!(
        r.ipmitool_list()
            .to_string()
            .contains("| 02/29/00 | 00:00:00 UTC |")
    );
}
