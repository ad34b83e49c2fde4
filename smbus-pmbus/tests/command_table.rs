//! Walks the whole PMBus 1.3.1 command summary (Part II, Table 31) row by row against
//! `COMMANDS`, from a second transcription typed independently of `src/command/table.rs`, in the
//! shape of the specification's table: code, name, "SMBus Transaction Type", "Number Of Data
//! Bytes". Ranges are written the way the table groups them (reserved codes, the
//! manufacturer-specific block). A second list, the register names of Linux
//! `drivers/hwmon/pmbus/pmbus.h`, cross-checks codes and names.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashSet;

use smbus_pmbus::command::{
    COMMANDS, CommandCode, DataFormat, DataLength, Paging, Transaction, Unit, info,
};

/// PMBus 1.3.1 Part II Table 31. `code | name | transaction type | data bytes`.
/// A range `lo-hi` applies the row to every code in it; `{}` in the name is the code in hex.
const SPEC_TABLE: &str = "
00 | PAGE | R/W Byte | 1
01 | OPERATION | R/W Byte | 1
02 | ON_OFF_CONFIG | R/W Byte | 1
03 | CLEAR_FAULTS | Send Byte | 0
04 | PHASE | R/W Byte | 1
05 | PAGE_PLUS_WRITE | Block Write | Variable
06 | PAGE_PLUS_READ | Block Write-Block Read Process Call | Variable
07 | ZONE_CONFIG | R/W Word | 2
08 | ZONE_ACTIVE | R/W Word | 2
09-0F | RESERVED | Reserved | -
10 | WRITE_PROTECT | R/W Byte | 1
11 | STORE_DEFAULT_ALL | Send Byte | 0
12 | RESTORE_DEFAULT_ALL | Send Byte | 0
13 | STORE_DEFAULT_CODE | Write Byte | 1
14 | RESTORE_DEFAULT_CODE | Write Byte | 1
15 | STORE_USER_ALL | Send Byte | 0
16 | RESTORE_USER_ALL | Send Byte | 0
17 | STORE_USER_CODE | Write Byte | 1
18 | RESTORE_USER_CODE | Write Byte | 1
19 | CAPABILITY | Read Byte | 1
1A | QUERY | Block Write-Block Read Process Call | 1
1B | SMBALERT_MASK | Write Word / Block Write-Block Read Process Call | 2
1C-1F | RESERVED | Reserved | -
20 | VOUT_MODE | R/W Byte | 1
21 | VOUT_COMMAND | R/W Word | 2
22 | VOUT_TRIM | R/W Word | 2
23 | VOUT_CAL_OFFSET | R/W Word | 2
24 | VOUT_MAX | R/W Word | 2
25 | VOUT_MARGIN_HIGH | R/W Word | 2
26 | VOUT_MARGIN_LOW | R/W Word | 2
27 | VOUT_TRANSITION_RATE | R/W Word | 2
28 | VOUT_DROOP | R/W Word | 2
29 | VOUT_SCALE_LOOP | R/W Word | 2
2A | VOUT_SCALE_MONITOR | R/W Word | 2
2B | VOUT_MIN | R/W Word | 2
2C-2F | RESERVED | Reserved | -
30 | COEFFICIENTS | Block Write-Block Read Process Call | 5
31 | POUT_MAX | R/W Word | 2
32 | MAX_DUTY | R/W Word | 2
33 | FREQUENCY_SWITCH | R/W Word | 2
34 | POWER_MODE | R/W Byte | 1
35 | VIN_ON | R/W Word | 2
36 | VIN_OFF | R/W Word | 2
37 | INTERLEAVE | R/W Word | 2
38 | IOUT_CAL_GAIN | R/W Word | 2
39 | IOUT_CAL_OFFSET | R/W Word | 2
3A | FAN_CONFIG_1_2 | R/W Byte | 1
3B | FAN_COMMAND_1 | R/W Word | 2
3C | FAN_COMMAND_2 | R/W Word | 2
3D | FAN_CONFIG_3_4 | R/W Byte | 1
3E | FAN_COMMAND_3 | R/W Word | 2
3F | FAN_COMMAND_4 | R/W Word | 2
40 | VOUT_OV_FAULT_LIMIT | R/W Word | 2
41 | VOUT_OV_FAULT_RESPONSE | R/W Byte | 1
42 | VOUT_OV_WARN_LIMIT | R/W Word | 2
43 | VOUT_UV_WARN_LIMIT | R/W Word | 2
44 | VOUT_UV_FAULT_LIMIT | R/W Word | 2
45 | VOUT_UV_FAULT_RESPONSE | R/W Byte | 1
46 | IOUT_OC_FAULT_LIMIT | R/W Word | 2
47 | IOUT_OC_FAULT_RESPONSE | R/W Byte | 1
48 | IOUT_OC_LV_FAULT_LIMIT | R/W Word | 2
49 | IOUT_OC_LV_FAULT_RESPONSE | R/W Byte | 1
4A | IOUT_OC_WARN_LIMIT | R/W Word | 2
4B | IOUT_UC_FAULT_LIMIT | R/W Word | 2
4C | IOUT_UC_FAULT_RESPONSE | R/W Byte | 1
4D-4E | RESERVED | Reserved | -
4F | OT_FAULT_LIMIT | R/W Word | 2
50 | OT_FAULT_RESPONSE | R/W Byte | 1
51 | OT_WARN_LIMIT | R/W Word | 2
52 | UT_WARN_LIMIT | R/W Word | 2
53 | UT_FAULT_LIMIT | R/W Word | 2
54 | UT_FAULT_RESPONSE | R/W Byte | 1
55 | VIN_OV_FAULT_LIMIT | R/W Word | 2
56 | VIN_OV_FAULT_RESPONSE | R/W Byte | 1
57 | VIN_OV_WARN_LIMIT | R/W Word | 2
58 | VIN_UV_WARN_LIMIT | R/W Word | 2
59 | VIN_UV_FAULT_LIMIT | R/W Word | 2
5A | VIN_UV_FAULT_RESPONSE | R/W Byte | 1
5B | IIN_OC_FAULT_LIMIT | R/W Word | 2
5C | IIN_OC_FAULT_RESPONSE | R/W Byte | 1
5D | IIN_OC_WARN_LIMIT | R/W Word | 2
5E | POWER_GOOD_ON | R/W Word | 2
5F | POWER_GOOD_OFF | R/W Word | 2
60 | TON_DELAY | R/W Word | 2
61 | TON_RISE | R/W Word | 2
62 | TON_MAX_FAULT_LIMIT | R/W Word | 2
63 | TON_MAX_FAULT_RESPONSE | R/W Byte | 1
64 | TOFF_DELAY | R/W Word | 2
65 | TOFF_FALL | R/W Word | 2
66 | TOFF_MAX_WARN_LIMIT | R/W Word | 2
67 | RESERVED | Reserved | -
68 | POUT_OP_FAULT_LIMIT | R/W Word | 2
69 | POUT_OP_FAULT_RESPONSE | R/W Byte | 1
6A | POUT_OP_WARN_LIMIT | R/W Word | 2
6B | PIN_OP_WARN_LIMIT | R/W Word | 2
6C-77 | RESERVED | Reserved | -
78 | STATUS_BYTE | R/W Byte | 1
79 | STATUS_WORD | R/W Word | 2
7A | STATUS_VOUT | R/W Byte | 1
7B | STATUS_IOUT | R/W Byte | 1
7C | STATUS_INPUT | R/W Byte | 1
7D | STATUS_TEMPERATURE | R/W Byte | 1
7E | STATUS_CML | R/W Byte | 1
7F | STATUS_OTHER | R/W Byte | 1
80 | STATUS_MFR_SPECIFIC | R/W Byte | 1
81 | STATUS_FANS_1_2 | R/W Byte | 1
82 | STATUS_FANS_3_4 | R/W Byte | 1
83 | READ_KWH_IN | Read 32 | 4
84 | READ_KWH_OUT | Read 32 | 4
85 | READ_KWH_CONFIG | R/W Word | 2
86 | READ_EIN | Block Read | 6
87 | READ_EOUT | Block Read | 6
88 | READ_VIN | Read Word | 2
89 | READ_IIN | Read Word | 2
8A | READ_VCAP | Read Word | 2
8B | READ_VOUT | Read Word | 2
8C | READ_IOUT | Read Word | 2
8D | READ_TEMPERATURE_1 | Read Word | 2
8E | READ_TEMPERATURE_2 | Read Word | 2
8F | READ_TEMPERATURE_3 | Read Word | 2
90 | READ_FAN_SPEED_1 | Read Word | 2
91 | READ_FAN_SPEED_2 | Read Word | 2
92 | READ_FAN_SPEED_3 | Read Word | 2
93 | READ_FAN_SPEED_4 | Read Word | 2
94 | READ_DUTY_CYCLE | Read Word | 2
95 | READ_FREQUENCY | Read Word | 2
96 | READ_POUT | Read Word | 2
97 | READ_PIN | Read Word | 2
98 | PMBUS_REVISION | Read Byte | 1
99 | MFR_ID | R/W Block | Variable
9A | MFR_MODEL | R/W Block | Variable
9B | MFR_REVISION | R/W Block | Variable
9C | MFR_LOCATION | R/W Block | Variable
9D | MFR_DATE | R/W Block | Variable
9E | MFR_SERIAL | R/W Block | Variable
9F | APP_PROFILE_SUPPORT | Block Read | Variable
A0 | MFR_VIN_MIN | Read Word | 2
A1 | MFR_VIN_MAX | Read Word | 2
A2 | MFR_IIN_MAX | Read Word | 2
A3 | MFR_PIN_MAX | Read Word | 2
A4 | MFR_VOUT_MIN | Read Word | 2
A5 | MFR_VOUT_MAX | Read Word | 2
A6 | MFR_IOUT_MAX | Read Word | 2
A7 | MFR_POUT_MAX | Read Word | 2
A8 | MFR_TAMBIENT_MAX | Read Word | 2
A9 | MFR_TAMBIENT_MIN | Read Word | 2
AA | MFR_EFFICIENCY_LL | Block Read | 14
AB | MFR_EFFICIENCY_HL | Block Read | 14
AC | MFR_PIN_ACCURACY | Read Byte | 1
AD | IC_DEVICE_ID | Block Read | Variable
AE | IC_DEVICE_REV | Block Read | Variable
AF | RESERVED | Reserved | -
B0 | USER_DATA_00 | R/W Block | Variable
B1 | USER_DATA_01 | R/W Block | Variable
B2 | USER_DATA_02 | R/W Block | Variable
B3 | USER_DATA_03 | R/W Block | Variable
B4 | USER_DATA_04 | R/W Block | Variable
B5 | USER_DATA_05 | R/W Block | Variable
B6 | USER_DATA_06 | R/W Block | Variable
B7 | USER_DATA_07 | R/W Block | Variable
B8 | USER_DATA_08 | R/W Block | Variable
B9 | USER_DATA_09 | R/W Block | Variable
BA | USER_DATA_10 | R/W Block | Variable
BB | USER_DATA_11 | R/W Block | Variable
BC | USER_DATA_12 | R/W Block | Variable
BD | USER_DATA_13 | R/W Block | Variable
BE | USER_DATA_14 | R/W Block | Variable
BF | USER_DATA_15 | R/W Block | Variable
C0 | MFR_MAX_TEMP_1 | R/W Word | 2
C1 | MFR_MAX_TEMP_2 | R/W Word | 2
C2 | MFR_MAX_TEMP_3 | R/W Word | 2
C3 | RESERVED | Reserved | -
C4-FD | MFR_SPECIFIC_{} | Mfr Defined | Mfr Defined
FE | MFR_SPECIFIC_COMMAND_EXT | Extended Command | Mfr Defined
FF | PMBUS_COMMAND_EXT | Extended Command | Mfr Defined
";

/// Register names and codes of Linux `drivers/hwmon/pmbus/pmbus.h` (`enum pmbus_regs`, the
/// real registers below 100h), with Linux's `PMBUS_` prefix removed. Linux spells three of
/// them differently; `linux_to_spec` maps those.
const LINUX_REGS: &[(u8, &str)] = &[
    (0x00, "PAGE"),
    (0x01, "OPERATION"),
    (0x02, "ON_OFF_CONFIG"),
    (0x03, "CLEAR_FAULTS"),
    (0x04, "PHASE"),
    (0x10, "WRITE_PROTECT"),
    (0x19, "CAPABILITY"),
    (0x1A, "QUERY"),
    (0x20, "VOUT_MODE"),
    (0x21, "VOUT_COMMAND"),
    (0x22, "VOUT_TRIM"),
    (0x23, "VOUT_CAL_OFFSET"),
    (0x24, "VOUT_MAX"),
    (0x25, "VOUT_MARGIN_HIGH"),
    (0x26, "VOUT_MARGIN_LOW"),
    (0x27, "VOUT_TRANSITION_RATE"),
    (0x28, "VOUT_DROOP"),
    (0x29, "VOUT_SCALE_LOOP"),
    (0x2A, "VOUT_SCALE_MONITOR"),
    (0x30, "COEFFICIENTS"),
    (0x31, "POUT_MAX"),
    (0x3A, "FAN_CONFIG_12"),
    (0x3B, "FAN_COMMAND_1"),
    (0x3C, "FAN_COMMAND_2"),
    (0x3D, "FAN_CONFIG_34"),
    (0x3E, "FAN_COMMAND_3"),
    (0x3F, "FAN_COMMAND_4"),
    (0x40, "VOUT_OV_FAULT_LIMIT"),
    (0x41, "VOUT_OV_FAULT_RESPONSE"),
    (0x42, "VOUT_OV_WARN_LIMIT"),
    (0x43, "VOUT_UV_WARN_LIMIT"),
    (0x44, "VOUT_UV_FAULT_LIMIT"),
    (0x45, "VOUT_UV_FAULT_RESPONSE"),
    (0x46, "IOUT_OC_FAULT_LIMIT"),
    (0x47, "IOUT_OC_FAULT_RESPONSE"),
    (0x48, "IOUT_OC_LV_FAULT_LIMIT"),
    (0x49, "IOUT_OC_LV_FAULT_RESPONSE"),
    (0x4A, "IOUT_OC_WARN_LIMIT"),
    (0x4B, "IOUT_UC_FAULT_LIMIT"),
    (0x4C, "IOUT_UC_FAULT_RESPONSE"),
    (0x4F, "OT_FAULT_LIMIT"),
    (0x50, "OT_FAULT_RESPONSE"),
    (0x51, "OT_WARN_LIMIT"),
    (0x52, "UT_WARN_LIMIT"),
    (0x53, "UT_FAULT_LIMIT"),
    (0x54, "UT_FAULT_RESPONSE"),
    (0x55, "VIN_OV_FAULT_LIMIT"),
    (0x56, "VIN_OV_FAULT_RESPONSE"),
    (0x57, "VIN_OV_WARN_LIMIT"),
    (0x58, "VIN_UV_WARN_LIMIT"),
    (0x59, "VIN_UV_FAULT_LIMIT"),
    (0x5B, "IIN_OC_FAULT_LIMIT"),
    (0x5D, "IIN_OC_WARN_LIMIT"),
    (0x68, "POUT_OP_FAULT_LIMIT"),
    (0x6A, "POUT_OP_WARN_LIMIT"),
    (0x6B, "PIN_OP_WARN_LIMIT"),
    (0x78, "STATUS_BYTE"),
    (0x79, "STATUS_WORD"),
    (0x7A, "STATUS_VOUT"),
    (0x7B, "STATUS_IOUT"),
    (0x7C, "STATUS_INPUT"),
    (0x7D, "STATUS_TEMPERATURE"),
    (0x7E, "STATUS_CML"),
    (0x7F, "STATUS_OTHER"),
    (0x80, "STATUS_MFR_SPECIFIC"),
    (0x81, "STATUS_FAN_12"),
    (0x82, "STATUS_FAN_34"),
    (0x88, "READ_VIN"),
    (0x89, "READ_IIN"),
    (0x8A, "READ_VCAP"),
    (0x8B, "READ_VOUT"),
    (0x8C, "READ_IOUT"),
    (0x8D, "READ_TEMPERATURE_1"),
    (0x8E, "READ_TEMPERATURE_2"),
    (0x8F, "READ_TEMPERATURE_3"),
    (0x90, "READ_FAN_SPEED_1"),
    (0x91, "READ_FAN_SPEED_2"),
    (0x92, "READ_FAN_SPEED_3"),
    (0x93, "READ_FAN_SPEED_4"),
    (0x94, "READ_DUTY_CYCLE"),
    (0x95, "READ_FREQUENCY"),
    (0x96, "READ_POUT"),
    (0x97, "READ_PIN"),
    (0x98, "REVISION"),
    (0x99, "MFR_ID"),
    (0x9A, "MFR_MODEL"),
    (0x9B, "MFR_REVISION"),
    (0x9C, "MFR_LOCATION"),
    (0x9D, "MFR_DATE"),
    (0x9E, "MFR_SERIAL"),
    (0xA0, "MFR_VIN_MIN"),
    (0xA1, "MFR_VIN_MAX"),
    (0xA2, "MFR_IIN_MAX"),
    (0xA3, "MFR_PIN_MAX"),
    (0xA4, "MFR_VOUT_MIN"),
    (0xA5, "MFR_VOUT_MAX"),
    (0xA6, "MFR_IOUT_MAX"),
    (0xA7, "MFR_POUT_MAX"),
    (0xAD, "IC_DEVICE_ID"),
    (0xAE, "IC_DEVICE_REV"),
    (0xC0, "MFR_MAX_TEMP_1"),
    (0xC1, "MFR_MAX_TEMP_2"),
    (0xC2, "MFR_MAX_TEMP_3"),
];

fn linux_to_spec(name: &str) -> &str {
    match name {
        "FAN_CONFIG_12" => "FAN_CONFIG_1_2",
        "FAN_CONFIG_34" => "FAN_CONFIG_3_4",
        "STATUS_FAN_12" => "STATUS_FANS_1_2",
        "STATUS_FAN_34" => "STATUS_FANS_3_4",
        // Linux names 98h PMBUS_REVISION and strips the prefix with everything else.
        "REVISION" => "PMBUS_REVISION",
        other => other,
    }
}

struct SpecRow {
    code: u8,
    name: String,
    write: Transaction,
    read: Transaction,
    data_bytes: DataLength,
}

fn transactions(kind: &str) -> (Transaction, Transaction) {
    use Transaction as T;
    match kind {
        "R/W Byte" => (T::WriteByte, T::ReadByte),
        "R/W Word" => (T::WriteWord, T::ReadWord),
        "R/W Block" => (T::BlockWrite, T::BlockRead),
        "Send Byte" => (T::SendByte, T::None),
        "Write Byte" => (T::WriteByte, T::None),
        "Block Write" => (T::BlockWrite, T::None),
        "Read Byte" => (T::None, T::ReadByte),
        "Read Word" => (T::None, T::ReadWord),
        "Read 32" => (T::None, T::Read32),
        "Block Read" => (T::None, T::BlockRead),
        "Block Write-Block Read Process Call" => (T::None, T::BlockProcessCall),
        "Write Word / Block Write-Block Read Process Call" => (T::WriteWord, T::BlockProcessCall),
        "Mfr Defined" => (T::MfrDefined, T::MfrDefined),
        "Extended Command" => (T::Extended, T::Extended),
        "Reserved" => (T::None, T::None),
        other => panic!("unknown transaction type {other:?}"),
    }
}

fn data_bytes(text: &str) -> DataLength {
    match text {
        "Variable" => DataLength::Variable,
        "Mfr Defined" => DataLength::DeviceDefined,
        "-" => DataLength::Undefined,
        n => DataLength::Fixed(n.parse().unwrap()),
    }
}

fn spec_rows() -> Vec<SpecRow> {
    let mut rows = Vec::new();
    for line in SPEC_TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let [codes, name, kind, bytes] = cols[..] else {
            panic!("bad row {line:?}");
        };
        let (lo, hi) = match codes.split_once('-') {
            Some((lo, hi)) => (lo, hi),
            None => (codes, codes),
        };
        let lo = u8::from_str_radix(lo, 16).unwrap();
        let hi = u8::from_str_radix(hi, 16).unwrap();
        let (write, read) = transactions(kind);
        for code in lo..=hi {
            rows.push(SpecRow {
                code,
                name: name.replace("{}", &format!("{code:02X}")),
                write,
                read,
                data_bytes: data_bytes(bytes),
            });
        }
    }
    rows
}

#[test]
fn spec_table_covers_every_code_once_in_order() {
    let rows = spec_rows();
    assert_eq!(rows.len(), 256);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(usize::from(row.code), i, "row {} out of order", row.name);
    }
}

#[test]
fn commands_match_the_spec_table_row_by_row() {
    let rows = spec_rows();
    let mut checked = 0;
    for (row, cmd) in rows.iter().zip(COMMANDS.iter()) {
        let code = row.code;
        assert_eq!(cmd.code, code);
        assert_eq!(cmd.name, row.name, "name of {code:02X}h");
        assert_eq!(
            cmd.write, row.write,
            "write transaction of {code:02X}h {}",
            row.name
        );
        assert_eq!(
            cmd.read, row.read,
            "read transaction of {code:02X}h {}",
            row.name
        );
        assert_eq!(
            cmd.data_bytes, row.data_bytes,
            "data bytes of {code:02X}h {}",
            row.name
        );
        checked += 1;
    }
    assert_eq!(checked, 256);
}

#[test]
fn index_equals_code_and_info_agrees() {
    for code in 0..=255u8 {
        assert_eq!(COMMANDS[usize::from(code)].code, code);
        assert!(std::ptr::eq(info(code), &COMMANDS[usize::from(code)]));
        assert!(std::ptr::eq(CommandCode(code).info(), info(code)));
    }
}

#[test]
fn names_are_unique_except_reserved() {
    let mut seen = HashSet::new();
    let mut reserved = 0;
    for cmd in &COMMANDS {
        if cmd.name == "RESERVED" {
            reserved += 1;
        } else {
            assert!(seen.insert(cmd.name), "duplicate name {}", cmd.name);
        }
    }
    assert_eq!(reserved, 32);
    assert_eq!(seen.len(), 224);
}

#[test]
fn reserved_codes_round_trip_and_keep_their_value() {
    let reserved: Vec<u8> = (0..=255u8)
        .filter(|c| CommandCode::from(*c).is_reserved())
        .collect();
    let expected: Vec<u8> = (0x09..=0x0F)
        .chain(0x1C..=0x1F)
        .chain(0x2C..=0x2F)
        .chain(0x4D..=0x4E)
        .chain([0x67])
        .chain(0x6C..=0x77)
        .chain([0xAF, 0xC3])
        .collect();
    assert_eq!(reserved, expected);
    for code in reserved {
        let cc = CommandCode::from(code);
        assert_eq!(u8::from(cc), code);
        assert_eq!(cc.name(), "RESERVED");
        assert_eq!(cc.to_string(), format!("RESERVED({code:02X}h)"));
        let row = cc.info();
        assert_eq!(row.write, Transaction::None);
        assert_eq!(row.read, Transaction::None);
        assert_eq!(row.format, DataFormat::None);
        assert_eq!(row.paging, Paging::NotApplicable);
        assert!(!row.is_readable() && !row.is_writable());
    }
}

#[test]
fn every_code_round_trips_through_u8_and_name() {
    for code in 0..=255u8 {
        let cc = CommandCode::from(code);
        assert_eq!(u8::from(cc), code);
        if cc.is_reserved() {
            assert_eq!(CommandCode::from_name(cc.name()), None);
        } else {
            assert_eq!(CommandCode::from_name(cc.name()), Some(cc), "{}", cc.name());
            assert_eq!(
                CommandCode::from_name(&cc.name().to_ascii_lowercase()),
                Some(cc)
            );
            assert_eq!(cc.to_string(), cc.name());
        }
        let debug = format!("{cc:?}");
        assert!(debug.contains(&format!("{code:02X}h")), "{debug}");
    }
}

#[test]
fn old_mfr_specific_names_map_to_d0_through_fd() {
    for n in 0..=45u8 {
        let name = format!("MFR_SPECIFIC_{n:02}");
        assert_eq!(
            CommandCode::from_name(&name),
            Some(CommandCode(0xD0 + n)),
            "{name}"
        );
    }
    for bad in [
        "MFR_SPECIFIC_46",
        "MFR_SPECIFIC_99",
        "MFR_SPECIFIC_0",
        "MFR_SPECIFIC_000",
        "MFR_SPECIFIC_",
        "MFR_SPECIFIC_C3",
        "MFR_SPECIFIC_FE",
    ] {
        assert_eq!(CommandCode::from_name(bad), None, "{bad}");
    }
    // The 1.3.1 names of the same codes.
    assert_eq!(
        CommandCode::from_name("MFR_SPECIFIC_D0"),
        Some(CommandCode(0xD0))
    );
    assert_eq!(
        CommandCode::from_name("mfr_specific_fd"),
        Some(CommandCode(0xFD))
    );
    assert_eq!(
        CommandCode::from_name("MFR_SPECIFIC_C4"),
        Some(CommandCode(0xC4))
    );
}

#[test]
fn from_name_rejects_other_strings() {
    for bad in [
        "",
        "RESERVED",
        "reserved",
        "READ_VIN ",
        " READ_VIN",
        "READ_VIN\0",
        "PMBUS_READ_VIN",
        "VOUT",
        "é",
    ] {
        assert_eq!(CommandCode::from_name(bad), None, "{bad:?}");
    }
}

#[test]
fn linux_register_list_agrees() {
    for &(code, linux) in LINUX_REGS {
        let spec = linux_to_spec(linux);
        assert_eq!(CommandCode(code).name(), spec, "{code:02X}h");
        assert_eq!(CommandCode::from_name(spec), Some(CommandCode(code)));
    }
}

#[test]
fn named_constants_match_the_table() {
    let pairs = [
        (CommandCode::PAGE, "PAGE"),
        (CommandCode::OPERATION, "OPERATION"),
        (CommandCode::ON_OFF_CONFIG, "ON_OFF_CONFIG"),
        (CommandCode::CLEAR_FAULTS, "CLEAR_FAULTS"),
        (CommandCode::PHASE, "PHASE"),
        (CommandCode::PAGE_PLUS_WRITE, "PAGE_PLUS_WRITE"),
        (CommandCode::PAGE_PLUS_READ, "PAGE_PLUS_READ"),
        (CommandCode::ZONE_CONFIG, "ZONE_CONFIG"),
        (CommandCode::ZONE_ACTIVE, "ZONE_ACTIVE"),
        (CommandCode::WRITE_PROTECT, "WRITE_PROTECT"),
        (CommandCode::CAPABILITY, "CAPABILITY"),
        (CommandCode::QUERY, "QUERY"),
        (CommandCode::SMBALERT_MASK, "SMBALERT_MASK"),
        (CommandCode::VOUT_MODE, "VOUT_MODE"),
        (CommandCode::VOUT_COMMAND, "VOUT_COMMAND"),
        (CommandCode::COEFFICIENTS, "COEFFICIENTS"),
        (CommandCode::STATUS_BYTE, "STATUS_BYTE"),
        (CommandCode::STATUS_WORD, "STATUS_WORD"),
        (CommandCode::STATUS_FANS_3_4, "STATUS_FANS_3_4"),
        (CommandCode::READ_KWH_IN, "READ_KWH_IN"),
        (CommandCode::READ_EIN, "READ_EIN"),
        (CommandCode::READ_EOUT, "READ_EOUT"),
        (CommandCode::READ_VIN, "READ_VIN"),
        (CommandCode::READ_POUT, "READ_POUT"),
        (CommandCode::READ_PIN, "READ_PIN"),
        (CommandCode::PMBUS_REVISION, "PMBUS_REVISION"),
        (CommandCode::MFR_ID, "MFR_ID"),
        (CommandCode::MFR_SERIAL, "MFR_SERIAL"),
        (CommandCode::USER_DATA_15, "USER_DATA_15"),
        (CommandCode::MFR_MAX_TEMP_3, "MFR_MAX_TEMP_3"),
        (CommandCode::MFR_SPECIFIC_C4, "MFR_SPECIFIC_C4"),
        (CommandCode::MFR_SPECIFIC_FD, "MFR_SPECIFIC_FD"),
        (
            CommandCode::MFR_SPECIFIC_COMMAND_EXT,
            "MFR_SPECIFIC_COMMAND_EXT",
        ),
        (CommandCode::PMBUS_COMMAND_EXT, "PMBUS_COMMAND_EXT"),
    ];
    for (code, name) in pairs {
        assert_eq!(code.name(), name);
    }
}

#[test]
fn classification_helpers_agree_with_the_table() {
    for code in 0..=255u8 {
        let cc = CommandCode(code);
        let row = cc.info();
        assert_eq!(cc.is_mfr_specific(), (0xC4..=0xFD).contains(&code));
        assert_eq!(cc.is_mfr_specific(), row.is_mfr_specific());
        assert_eq!(cc.is_extended(), code >= 0xFE);
        assert_eq!(cc.is_extended(), row.is_extended());
        assert_eq!(cc.is_status(), (0x78..=0x82).contains(&code));
        if cc.is_mfr_specific() || cc.is_extended() {
            assert_eq!(row.format, DataFormat::DeviceDefined);
            assert_eq!(row.paging, Paging::DeviceDefined);
        }
    }
}

/// Internal consistency: the data length, format and unit columns fit the transactions.
#[test]
fn formats_units_and_lengths_are_consistent() {
    use Transaction as T;
    for row in &COMMANDS {
        let name = row.name;
        // Byte transactions carry one byte, word transactions two, Read 32 four.
        for t in [row.write, row.read] {
            match t {
                T::WriteByte | T::ReadByte => {
                    assert_eq!(row.data_bytes, DataLength::Fixed(1), "{name}")
                }
                T::WriteWord | T::ReadWord if row.code != 0x1B => {
                    assert_eq!(row.data_bytes, DataLength::Fixed(2), "{name}");
                }
                T::Read32 => assert_eq!(row.data_bytes, DataLength::Fixed(4), "{name}"),
                T::SendByte => assert_eq!(row.data_bytes, DataLength::Fixed(0), "{name}"),
                _ => {}
            }
        }
        // Numeric formats are words and carry a unit; non-numeric ones do not (except the
        // plain counters READ_KWH_* and MFR_PIN_ACCURACY).
        match row.format {
            DataFormat::Vout => {
                assert_eq!(row.unit, Unit::Volt, "{name}");
                assert_eq!(row.data_bytes, DataLength::Fixed(2), "{name}");
            }
            DataFormat::Linear11OrDirect => {
                assert_ne!(row.unit, Unit::None, "{name}");
                assert_eq!(row.data_bytes, DataLength::Fixed(2), "{name}");
            }
            DataFormat::Energy => {
                assert_eq!(row.data_bytes, DataLength::Fixed(6), "{name}");
                assert_eq!(row.read, T::BlockRead, "{name}");
            }
            DataFormat::Coefficients => assert_eq!(row.data_bytes, DataLength::Fixed(5)),
            DataFormat::Ascii => assert_eq!(row.data_bytes, DataLength::Variable),
            DataFormat::Unsigned => {}
            _ => assert_eq!(row.unit, Unit::None, "{name}"),
        }
        // Every READ_* telemetry word is read-only and numeric.
        if name.starts_with("READ_") && row.read == T::ReadWord && name != "READ_KWH_CONFIG" {
            assert_eq!(row.write, T::None, "{name}");
            assert!(
                matches!(row.format, DataFormat::Vout | DataFormat::Linear11OrDirect),
                "{name}"
            );
        }
        // Output-voltage commands use the VOUT_MODE format.
        let vout_family = [
            "VOUT_COMMAND",
            "VOUT_TRIM",
            "VOUT_CAL_OFFSET",
            "VOUT_MAX",
            "VOUT_MARGIN_HIGH",
            "VOUT_MARGIN_LOW",
            "VOUT_MIN",
            "VOUT_OV_FAULT_LIMIT",
            "VOUT_OV_WARN_LIMIT",
            "VOUT_UV_WARN_LIMIT",
            "VOUT_UV_FAULT_LIMIT",
            "IOUT_OC_LV_FAULT_LIMIT",
            "POWER_GOOD_ON",
            "POWER_GOOD_OFF",
            "READ_VOUT",
            "MFR_VOUT_MIN",
            "MFR_VOUT_MAX",
        ];
        assert_eq!(
            vout_family.contains(&name),
            row.format == DataFormat::Vout,
            "{name}"
        );
        if name.ends_with("_FAULT_RESPONSE") {
            assert_eq!(row.format, DataFormat::FaultResponse, "{name}");
        }
        if name.starts_with("STATUS_") {
            assert_eq!(row.format, DataFormat::Bitfield, "{name}");
            assert_eq!(row.paging, Paging::Paged, "{name}");
        }
    }
}

#[test]
fn paging_of_device_wide_commands() {
    for name in [
        "PAGE",
        "PAGE_PLUS_WRITE",
        "PAGE_PLUS_READ",
        "CAPABILITY",
        "PMBUS_REVISION",
        "STORE_DEFAULT_ALL",
        "RESTORE_DEFAULT_ALL",
        "STORE_USER_ALL",
        "RESTORE_USER_ALL",
        "MFR_ID",
        "MFR_MODEL",
        "MFR_REVISION",
        "MFR_LOCATION",
        "MFR_DATE",
        "MFR_SERIAL",
        "APP_PROFILE_SUPPORT",
        "IC_DEVICE_ID",
        "IC_DEVICE_REV",
    ] {
        let cc = CommandCode::from_name(name).unwrap();
        assert_eq!(cc.info().paging, Paging::Global, "{name}");
    }
    let global = COMMANDS
        .iter()
        .filter(|r| r.paging == Paging::Global)
        .count();
    assert_eq!(global, 18);
    for name in [
        "READ_VIN",
        "VOUT_MODE",
        "OPERATION",
        "CLEAR_FAULTS",
        "STATUS_WORD",
        "PHASE",
    ] {
        assert_eq!(
            CommandCode::from_name(name).unwrap().info().paging,
            Paging::Paged,
            "{name}"
        );
    }
}

#[test]
fn unit_symbols() {
    assert_eq!(info(0x88).unit.to_string(), "V");
    assert_eq!(info(0x8D).unit.to_string(), "°C");
    assert_eq!(info(0x90).unit.symbol(), "RPM");
    assert_eq!(info(0x83).unit.symbol(), "kWh");
    assert_eq!(info(0x00).unit.symbol(), "");
}

// --- Registers: every byte value decodes without loss. ---

mod registers {
    use proptest::prelude::*;
    use smbus_pmbus::command::{
        BusSpeed, Capability, CommandCode, MarginFaultResponse, NumericFormat, OnOffConfig,
        Operation, Page, PagePlusError, PagePlusRead, PagePlusWrite, Phase, PmbusRevision, Query,
        QueryFormat, TurnOffBehavior, Version, VoltageSource, WriteProtect,
    };

    #[test]
    fn capability_every_value() {
        for v in 0..=255u8 {
            let c = Capability::from(v);
            assert_eq!(c.pec_supported(), v & 0x80 != 0);
            assert_eq!(c.smbalert_supported(), v & 0x10 != 0);
            assert_eq!(c.avsbus_supported(), v & 0x04 != 0);
            assert_eq!(c.reserved_bits(), v & 0x03);
            let speed = match (v >> 5) & 3 {
                0 => BusSpeed::Khz100,
                1 => BusSpeed::Khz400,
                2 => BusSpeed::Mhz1,
                _ => BusSpeed::Reserved,
            };
            assert_eq!(c.max_bus_speed(), speed);
            let fmt = if v & 0x08 != 0 {
                NumericFormat::IeeeHalf
            } else {
                NumericFormat::LinearOrDirect
            };
            assert_eq!(c.numeric_format(), fmt);
        }
        assert_eq!(BusSpeed::Khz100.max_hz(), Some(100_000));
        assert_eq!(BusSpeed::Mhz1.max_hz(), Some(1_000_000));
        assert_eq!(BusSpeed::Reserved.max_hz(), None);
    }

    #[test]
    fn query_every_value() {
        let formats = [
            QueryFormat::Linear,
            QueryFormat::Signed16,
            QueryFormat::Reserved,
            QueryFormat::Direct,
            QueryFormat::Unsigned8,
            QueryFormat::Vid,
            QueryFormat::MfrSpecific,
            QueryFormat::NotNumeric,
        ];
        for v in 0..=255u8 {
            let q = Query::from(v);
            assert_eq!(q.supported(), v & 0x80 != 0);
            assert_eq!(q.writable(), v & 0x40 != 0);
            assert_eq!(q.readable(), v & 0x20 != 0);
            assert_eq!(q.format(), formats[usize::from((v >> 2) & 7)]);
            assert_eq!(q.reserved_bits(), v & 3);
        }
    }

    #[test]
    fn operation_every_value() {
        for v in 0..=255u8 {
            let op = Operation::from(v);
            assert_eq!(u8::from(op), v);
            assert_eq!(op.is_on(), v & 0x80 != 0);
            assert_eq!(
                op.turn_off_behavior() == TurnOffBehavior::Sequenced,
                v & 0x40 != 0
            );
            let src = [
                VoltageSource::VoutCommand,
                VoltageSource::MarginLow,
                VoltageSource::MarginHigh,
                VoltageSource::AvsBus,
            ];
            assert_eq!(op.voltage_source(), src[usize::from((v >> 4) & 3)]);
            let mfr = match (v >> 2) & 3 {
                1 => MarginFaultResponse::Ignore,
                2 => MarginFaultResponse::ActOn,
                other => MarginFaultResponse::Unspecified(other),
            };
            assert_eq!(op.margin_fault_response(), mfr);
            assert_eq!(op.low_bits(), v & 3);
        }
        // The common values.
        assert_eq!(Operation::OFF_IMMEDIATE.0, 0x00);
        assert_eq!(Operation::SOFT_OFF.0, 0x40);
        assert!(!Operation::SOFT_OFF.is_on());
        assert_eq!(Operation::ON.0, 0x80);
        assert_eq!(Operation::ON.voltage_source(), VoltageSource::VoutCommand);
        assert_eq!(
            Operation::MARGIN_LOW_IGNORE_FAULTS.voltage_source(),
            VoltageSource::MarginLow
        );
        assert_eq!(
            Operation::MARGIN_LOW_IGNORE_FAULTS.margin_fault_response(),
            MarginFaultResponse::Ignore
        );
        assert_eq!(
            Operation::MARGIN_LOW_ACT_ON_FAULTS.margin_fault_response(),
            MarginFaultResponse::ActOn
        );
        assert_eq!(
            Operation::MARGIN_HIGH_IGNORE_FAULTS.voltage_source(),
            VoltageSource::MarginHigh
        );
        assert_eq!(Operation::MARGIN_HIGH_ACT_ON_FAULTS.0, 0xA8);
    }

    #[test]
    fn on_off_config_every_value() {
        for v in 0..=255u8 {
            let c = OnOffConfig::from(v);
            assert_eq!(u8::from(c), v);
            assert_eq!(c.requires_command_to_power_up(), v & 0x10 != 0);
            assert_eq!(c.responds_to_operation(), v & 0x08 != 0);
            assert_eq!(c.responds_to_control_pin(), v & 0x04 != 0);
            assert_eq!(c.control_pin_active_high(), v & 0x02 != 0);
            assert_eq!(c.control_pin_turns_off_immediately(), v & 0x01 != 0);
            assert_eq!(c.reserved_bits(), v & 0xE0);
        }
        let op_only = OnOffConfig::OPERATION_ONLY;
        assert!(op_only.requires_command_to_power_up() && op_only.responds_to_operation());
        assert!(!op_only.responds_to_control_pin());
        let both = OnOffConfig::OPERATION_AND_CONTROL_PIN_ACTIVE_HIGH;
        assert!(
            both.responds_to_operation()
                && both.responds_to_control_pin()
                && both.control_pin_active_high()
        );
        assert!(!OnOffConfig::CONTROL_PIN_ONLY_ACTIVE_LOW.control_pin_active_high());
        assert!(!OnOffConfig::ALWAYS_ON.requires_command_to_power_up());
    }

    #[test]
    fn write_protect_every_value_and_every_command() {
        let mut known = 0;
        for v in 0..=255u8 {
            let wp = WriteProtect::from(v);
            assert_eq!(WriteProtect::from_bits(v), wp);
            assert_eq!(wp.bits(), v);
            assert_eq!(u8::from(wp), v, "round trip");
            let defined = matches!(v, 0x00 | 0x20 | 0x40 | 0x80);
            assert_eq!(!matches!(wp, WriteProtect::Unknown(_)), defined);
            for code in 0..=255u8 {
                let allowed = wp.allows(code);
                if !defined {
                    assert_eq!(allowed, None);
                    continue;
                }
                let expected = match v {
                    0x00 => true,
                    0x20 => matches!(code, 0x10 | 0x01 | 0x00 | 0x02 | 0x21),
                    0x40 => matches!(code, 0x10 | 0x01 | 0x00),
                    _ => code == 0x10,
                };
                assert_eq!(allowed, Some(expected), "WP {v:02X}h code {code:02X}h");
                known += 1;
            }
        }
        assert_eq!(known, 4 * 256);
        // WRITE_PROTECT itself stays writable at every defined level.
        for wp in [0x00, 0x20, 0x40, 0x80].map(WriteProtect::from) {
            assert_eq!(wp.allows(CommandCode::WRITE_PROTECT.0), Some(true));
        }
        assert_eq!(
            WriteProtect::OnlyWriteProtect.allows(CommandCode::CLEAR_FAULTS.0),
            Some(false)
        );
    }

    #[test]
    fn pmbus_revision_every_value() {
        for v in 0..=255u8 {
            let r = PmbusRevision::from(v);
            assert_eq!(r.part1_nibble(), v >> 4);
            assert_eq!(r.part2_nibble(), v & 0xF);
            let decode = |n: u8| (n <= 3).then_some(Version { major: 1, minor: n });
            assert_eq!(r.part1(), decode(v >> 4));
            assert_eq!(r.part2(), decode(v & 0xF));
            assert_eq!(r.supports_write_to_clear(), v & 0xF >= 2);
            if let Some(part2) = decode(v & 0xF) {
                assert_eq!(r.supports_write_to_clear(), part2 >= Version::V1_2);
            }
            let text = r.to_string();
            assert!(text.starts_with("Part I "), "{text}");
        }
        assert_eq!(
            PmbusRevision::PMBUS_1_3.to_string(),
            "Part I 1.3, Part II 1.3"
        );
        assert_eq!(
            PmbusRevision(0x42).to_string(),
            "Part I unknown (4h), Part II 1.2"
        );
        assert_eq!(PmbusRevision(0x00).part2(), Some(Version::V1_0));
    }

    #[test]
    fn page_and_phase() {
        assert!(Page::ALL.is_all() && Phase::ALL.is_all());
        assert!(!Page(0).is_all() && !Phase(31).is_all());
        assert_eq!(Page(31).to_string(), "31");
        assert_eq!(Phase::ALL.to_string(), "all");
    }

    #[test]
    fn page_plus_write_every_short_length() {
        let full = [0x03, 0x21, 0x9A, 0x19];
        for len in 0..full.len() {
            let r = PagePlusWrite::parse(&full[..len]);
            if len < 2 {
                assert_eq!(r, Err(PagePlusError::TooShort { len }));
            } else {
                let w = r.unwrap();
                assert_eq!(w.page, Page(3));
                assert_eq!(w.command, CommandCode::VOUT_COMMAND);
                assert_eq!(w.data, &full[2..len]);
            }
        }
        let w = PagePlusWrite::parse(&full).unwrap();
        // Emit into every buffer size around the exact length, pre-filled with A5h.
        for size in 0..8 {
            let mut buf = vec![0xA5u8; size];
            let r = w.write_block(&mut buf);
            if size < 4 {
                assert_eq!(
                    r,
                    Err(PagePlusError::BufferTooSmall {
                        needed: 4,
                        available: size
                    })
                );
                assert!(buf.iter().all(|b| *b == 0xA5), "nothing written on error");
            } else {
                assert_eq!(r, Ok(4));
                assert_eq!(&buf[..4], &full);
                assert!(buf[4..].iter().all(|b| *b == 0xA5));
            }
        }
    }

    #[test]
    fn page_plus_limits() {
        let data = [0u8; 254];
        let w = PagePlusWrite {
            page: Page(0),
            command: CommandCode(0xB0),
            data: &data,
        };
        let mut buf = [0u8; 300];
        assert_eq!(
            w.write_block(&mut buf),
            Err(PagePlusError::DataTooLong { len: 254, max: 253 })
        );
        let w = PagePlusWrite {
            data: &data[..253],
            ..w
        };
        assert_eq!(w.write_block(&mut buf), Ok(255));
        assert_eq!(PagePlusWrite::parse(&buf[..255]).unwrap().data.len(), 253);
        assert!(matches!(
            PagePlusWrite::parse(&buf[..256]),
            Err(PagePlusError::DataTooLong { .. })
        ));
        for len in [0usize, 1, 3, 4] {
            assert_eq!(
                PagePlusRead::parse_request(&buf[..len]),
                Err(PagePlusError::RequestLength { len })
            );
        }
        // Every error has a message.
        for e in [
            PagePlusError::TooShort { len: 1 },
            PagePlusError::DataTooLong { len: 300, max: 253 },
            PagePlusError::BufferTooSmall {
                needed: 4,
                available: 2,
            },
            PagePlusError::RequestLength { len: 3 },
        ] {
            let _: &dyn std::error::Error = &e;
            assert!(!e.to_string().is_empty());
        }
    }

    proptest! {
        #[test]
        fn page_plus_write_round_trips(page: u8, command: u8, data in proptest::collection::vec(any::<u8>(), 0..=253)) {
            let w = PagePlusWrite { page: Page(page), command: CommandCode(command), data: &data };
            let mut buf = [0u8; 255];
            let len = w.write_block(&mut buf).unwrap();
            prop_assert_eq!(len, data.len() + 2);
            prop_assert_eq!(PagePlusWrite::parse(&buf[..len]).unwrap(), w);
        }

        #[test]
        fn page_plus_parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = PagePlusWrite::parse(&bytes);
            let _ = PagePlusRead::parse_request(&bytes);
        }

        #[test]
        fn page_plus_read_round_trips(page: u8, command: u8) {
            let r = PagePlusRead { page: Page(page), command: CommandCode(command) };
            prop_assert_eq!(PagePlusRead::parse_request(&r.request_block()), Ok(r));
        }

        #[test]
        fn from_name_never_panics_and_round_trips(name in ".{0,40}") {
            if let Some(code) = CommandCode::from_name(&name) {
                prop_assert!(!code.is_reserved());
                // Either the 1.3.1 name or an old MFR_SPECIFIC_nn alias of D0h-FDh.
                let canonical = code.name().eq_ignore_ascii_case(&name);
                let alias = (0xD0..=0xFD).contains(&code.0);
                prop_assert!(canonical || alias);
            }
        }

        #[test]
        fn from_name_with_prefix_and_multibyte_never_panics(tail in "\\PC{0,4}") {
            let _ = CommandCode::from_name(&format!("MFR_SPECIFIC{tail}"));
            let _ = CommandCode::from_name(&format!("MFR_SPECIFIC_{tail}"));
        }
    }
}
