//! Walks every code table completely.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use acpi_state::SystemPowerState;
use sel_codec::tables::{
    GENERIC_OFFSETS, OffsetRow, SENSOR_SPECIFIC_OFFSETS, Severity, UNIT_NAMES, describe, rows_for,
    unit_name,
};
use sel_codec::{EventData, EventType, SensorType};

fn check_table(table: &[OffsetRow], name: &str) {
    // Sorted by code (rows_for relies on it), offsets 4-bit, texts non-empty ASCII.
    for pair in table.windows(2) {
        assert!(
            pair[0].code <= pair[1].code,
            "{name} not sorted at {:?}",
            pair[1]
        );
    }
    for row in table {
        assert!(row.offset <= 0x0F, "{name}: {row:?}");
        assert!(
            !row.text.is_empty() && row.text.is_ascii(),
            "{name}: {row:?}"
        );
    }
    // Within a code and offset: rows keyed by event data 2 come first, at most one
    // catch-all row, and no event data 2 value twice.
    for (i, row) in table.iter().enumerate() {
        for later in &table[i + 1..] {
            if later.code == row.code && later.offset == row.offset {
                assert!(
                    row.data2.is_some(),
                    "{name}: catch-all {row:?} shadows {later:?}"
                );
                assert_ne!(row.data2, later.data2, "{name}: duplicate {row:?}");
            }
        }
    }
}

#[test]
fn tables_are_well_formed() {
    check_table(GENERIC_OFFSETS, "Table 42-2");
    check_table(SENSOR_SPECIFIC_OFFSETS, "Table 42-3");
    assert_eq!(GENERIC_OFFSETS.len(), 57);
    assert_eq!(SENSOR_SPECIFIC_OFFSETS.len(), 335);
}

#[test]
fn every_row_is_found_by_describe() {
    let mut walked = 0;
    for (table, sensor_specific) in [(GENERIC_OFFSETS, false), (SENSOR_SPECIFIC_OFFSETS, true)] {
        for row in table {
            let (et, st) = if sensor_specific {
                (EventType::SENSOR_SPECIFIC, SensorType(row.code))
            } else {
                (EventType::new(row.code).unwrap(), SensorType(0x01))
            };
            // Byte 2 marked as sensor-specific extension, holding the row's value.
            let ed2 = row.data2.unwrap_or(0xFE);
            let found = describe(et, st, EventData([0xC0 | row.offset, ed2, 0xFF])).unwrap();
            assert_eq!(found, row, "row not reachable");
            // With byte 2 unspecified only catch-all rows can match.
            let plain = describe(et, st, EventData([row.offset, ed2, 0xFF]));
            if row.data2.is_none() {
                assert_eq!(plain, Some(row));
            } else {
                assert!(plain.is_none_or(|r| r.data2.is_none()));
            }
            walked += 1;
        }
    }
    assert_eq!(walked, 392);
}

#[test]
fn describe_follows_event_type_ranges() {
    let ed = EventData([0x00, 0xFF, 0xFF]);
    for code in 0..=0x7Fu8 {
        let et = EventType::new(code).unwrap();
        for st in 0..=255u8 {
            let row = describe(et, SensorType(st), ed);
            match code {
                // Generic: keyed by event type, sensor type ignored.
                0x01..=0x0C => assert_eq!(row.unwrap().code, code),
                0x6F => assert_eq!(
                    row.is_some(),
                    !rows_for(SENSOR_SPECIFIC_OFFSETS, st).is_empty()
                        && rows_for(SENSOR_SPECIFIC_OFFSETS, st)
                            .iter()
                            .any(|r| r.offset == 0 && r.data2.is_none())
                ),
                _ => assert!(row.is_none(), "type {code:02x}"),
            }
        }
    }
}

#[test]
fn sensor_type_names_cover_00_to_2c() {
    for code in 0..=255u8 {
        let st = SensorType(code);
        if code <= 0x2C {
            assert!(st.spec_name().is_some(), "{code:02x}");
            assert_ne!(st.ipmitool_name(), "Unknown");
        } else {
            assert_eq!(st.spec_name(), None);
            assert_eq!(st.ipmitool_name(), "Unknown");
        }
        assert_eq!(st.is_oem(), code >= 0xC0);
    }
    // A few names checked against IPMI 2.0 Table 42-3 by hand.
    assert_eq!(SensorType(0x01).spec_name(), Some("Temperature"));
    assert_eq!(SensorType(0x08).spec_name(), Some("Power Supply"));
    assert_eq!(
        SensorType(0x1D).spec_name(),
        Some("System Boot / Restart Initiated")
    );
    assert_eq!(
        SensorType(0x22).spec_name(),
        Some("System ACPI Power State")
    );
    assert_eq!(SensorType(0x2C).spec_name(), Some("FRU State"));
    assert_eq!(SensorType(0x0F).ipmitool_name(), "System Firmwares");
}

#[test]
fn acpi_rows_agree_with_acpi_state() {
    for state in SystemPowerState::ALL {
        let row = describe(
            EventType::SENSOR_SPECIFIC,
            SensorType::SYSTEM_ACPI_POWER_STATE,
            EventData([state.sel_offset(), 0xFF, 0xFF]),
        )
        .unwrap();
        assert_eq!(row.text, state.ipmitool_text(), "{state:?}");
        assert_eq!(row.severity, Severity::Ok);
    }
    // 0Dh and 0Fh are unassigned for sensor type 22h.
    for offset in [0x0D, 0x0F] {
        assert!(
            describe(
                EventType::SENSOR_SPECIFIC,
                SensorType(0x22),
                EventData([offset, 0xFF, 0xFF])
            )
            .is_none()
        );
    }
}

#[test]
fn threshold_severity_follows_the_level() {
    for row in rows_for(GENERIC_OFFSETS, 0x01) {
        let expected = if row.text.contains("Non-critical") {
            Severity::Warning
        } else {
            Severity::Critical
        };
        assert_eq!(row.severity, expected, "{row:?}");
    }
}

#[test]
fn unit_names_table_43_15() {
    assert_eq!(UNIT_NAMES.len(), 93);
    assert_eq!(unit_name(0), Some("unspecified"));
    assert_eq!(unit_name(1), Some("degrees C"));
    assert_eq!(unit_name(4), Some("Volts"));
    assert_eq!(unit_name(5), Some("Amps"));
    assert_eq!(unit_name(6), Some("Watts"));
    assert_eq!(unit_name(18), Some("RPM"));
    assert_eq!(unit_name(92), Some("grams"));
    for code in 93..=255u8 {
        assert_eq!(unit_name(code), None);
    }
}
