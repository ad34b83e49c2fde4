//! STATUS registers (PMBus 1.3.1 Part II §17): bit names and severities against an independent
//! transcription, a walk of all 65,536 `STATUS_WORD` values and all 256 values of every other
//! register, clearing plans, and the IPMI power supply offset mapping.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use smbus_pmbus::command::{CommandCode, Transaction};
use smbus_pmbus::status::{
    ClearFaults, Fault, IpmiPsuOffset, IpmiPsuOffsets, Severity, StatusByte, StatusCml,
    StatusError, StatusFans12, StatusFans34, StatusInput, StatusIout, StatusMfrSpecific,
    StatusOther, StatusRegister, StatusSnapshot, StatusTemperature, StatusVout, StatusWord,
};

use Severity::{
    Fault as F, Reserved as R, Status as S, Summary as M, VendorDefined as V, Warning as W,
};

/// Every register's bits, most significant first, as Part II §17.1–§17.11 lists them, with
/// the severity the bit's description implies.
fn expected_bits(register: StatusRegister) -> Vec<(&'static str, Severity)> {
    match register {
        StatusRegister::Word => vec![
            ("VOUT", M),
            ("IOUT/POUT", M),
            ("INPUT", M),
            ("MFR_SPECIFIC", M),
            ("POWER_GOOD#", S),
            ("FANS", M),
            ("OTHER", M),
            ("UNKNOWN", F),
            ("BUSY", F),
            ("OFF", S),
            ("VOUT_OV_FAULT", F),
            ("IOUT_OC_FAULT", F),
            ("VIN_UV_FAULT", F),
            ("TEMPERATURE", M),
            ("CML", M),
            ("NONE_OF_THE_ABOVE", M),
        ],
        StatusRegister::Byte => vec![
            ("BUSY", F),
            ("OFF", S),
            ("VOUT_OV_FAULT", F),
            ("IOUT_OC_FAULT", F),
            ("VIN_UV_FAULT", F),
            ("TEMPERATURE", M),
            ("CML", M),
            ("NONE_OF_THE_ABOVE", M),
        ],
        StatusRegister::Vout => vec![
            ("VOUT_OV_FAULT", F),
            ("VOUT_OV_WARNING", W),
            ("VOUT_UV_WARNING", W),
            ("VOUT_UV_FAULT", F),
            ("VOUT_MAX_MIN_WARNING", W),
            ("TON_MAX_FAULT", F),
            ("TOFF_MAX_WARNING", W),
            ("VOUT_TRACKING_ERROR", F),
        ],
        StatusRegister::Iout => vec![
            ("IOUT_OC_FAULT", F),
            ("IOUT_OC_LV_FAULT", F),
            ("IOUT_OC_WARNING", W),
            ("IOUT_UC_FAULT", F),
            ("CURRENT_SHARE_FAULT", F),
            ("POWER_LIMITING", S),
            ("POUT_OP_FAULT", F),
            ("POUT_OP_WARNING", W),
        ],
        StatusRegister::Input => vec![
            ("VIN_OV_FAULT", F),
            ("VIN_OV_WARNING", W),
            ("VIN_UV_WARNING", W),
            ("VIN_UV_FAULT", F),
            ("UNIT_OFF_LOW_INPUT", S),
            ("IIN_OC_FAULT", F),
            ("IIN_OC_WARNING", W),
            ("PIN_OP_WARNING", W),
        ],
        StatusRegister::Temperature => vec![
            ("OT_FAULT", F),
            ("OT_WARNING", W),
            ("UT_WARNING", W),
            ("UT_FAULT", F),
            ("RESERVED", R),
            ("RESERVED", R),
            ("RESERVED", R),
            ("RESERVED", R),
        ],
        StatusRegister::Cml => vec![
            ("INVALID_COMMAND", F),
            ("INVALID_DATA", F),
            ("PEC_FAILED", F),
            ("MEMORY_FAULT", F),
            ("PROCESSOR_FAULT", F),
            ("RESERVED", R),
            ("OTHER_COMMUNICATION_FAULT", F),
            ("OTHER_MEMORY_LOGIC_FAULT", F),
        ],
        StatusRegister::Other => vec![
            ("RESERVED", R),
            ("RESERVED", R),
            ("INPUT_A_FUSE_FAULT", F),
            ("INPUT_B_FUSE_FAULT", F),
            ("INPUT_A_ORING_FAULT", F),
            ("INPUT_B_ORING_FAULT", F),
            ("OUTPUT_ORING_FAULT", F),
            ("FIRST_TO_ALERT", S),
        ],
        StatusRegister::MfrSpecific => (0..8)
            .rev()
            .map(|b| {
                (
                    [
                        "MFR_BIT0", "MFR_BIT1", "MFR_BIT2", "MFR_BIT3", "MFR_BIT4", "MFR_BIT5",
                        "MFR_BIT6", "MFR_BIT7",
                    ][b],
                    V,
                )
            })
            .collect(),
        StatusRegister::Fans12 => vec![
            ("FAN_1_FAULT", F),
            ("FAN_2_FAULT", F),
            ("FAN_1_WARNING", W),
            ("FAN_2_WARNING", W),
            ("FAN_1_SPEED_OVERRIDE", S),
            ("FAN_2_SPEED_OVERRIDE", S),
            ("AIRFLOW_FAULT", F),
            ("AIRFLOW_WARNING", W),
        ],
        StatusRegister::Fans34 => vec![
            ("FAN_3_FAULT", F),
            ("FAN_4_FAULT", F),
            ("FAN_3_WARNING", W),
            ("FAN_4_WARNING", W),
            ("FAN_3_SPEED_OVERRIDE", S),
            ("FAN_4_SPEED_OVERRIDE", S),
            ("RESERVED", R),
            ("RESERVED", R),
        ],
    }
}

/// The bitflags constant names of a register, keyed by bit number.
fn flag_names(register: StatusRegister) -> Vec<(u8, &'static str)> {
    fn collect<T: bitflags::Flags>(to_u16: impl Fn(&T) -> u16) -> Vec<(u8, &'static str)> {
        T::FLAGS
            .iter()
            .map(|f| {
                let v = to_u16(f.value());
                assert_eq!(v.count_ones(), 1, "{} is one bit", f.name());
                (v.trailing_zeros() as u8, f.name())
            })
            .collect()
    }
    match register {
        StatusRegister::Word => collect::<StatusWord>(|v| v.bits()),
        StatusRegister::Byte => collect::<StatusByte>(|v| v.bits().into()),
        StatusRegister::Vout => collect::<StatusVout>(|v| v.bits().into()),
        StatusRegister::Iout => collect::<StatusIout>(|v| v.bits().into()),
        StatusRegister::Input => collect::<StatusInput>(|v| v.bits().into()),
        StatusRegister::Temperature => collect::<StatusTemperature>(|v| v.bits().into()),
        StatusRegister::Cml => collect::<StatusCml>(|v| v.bits().into()),
        StatusRegister::Other => collect::<StatusOther>(|v| v.bits().into()),
        StatusRegister::MfrSpecific => collect::<StatusMfrSpecific>(|v| v.bits().into()),
        StatusRegister::Fans12 => collect::<StatusFans12>(|v| v.bits().into()),
        StatusRegister::Fans34 => collect::<StatusFans34>(|v| v.bits().into()),
    }
}

#[test]
fn every_bit_has_its_name_and_severity() {
    let mut bits_checked = 0;
    for register in StatusRegister::ALL {
        let expected = expected_bits(register);
        assert_eq!(expected.len(), usize::from(register.width()), "{register}");
        for (i, (name, severity)) in expected.iter().enumerate() {
            let bit = register.width() - 1 - i as u8;
            let info = register.bit_info(bit).unwrap();
            assert_eq!(info.name, *name, "{register} bit {bit}");
            assert_eq!(info.severity, *severity, "{register} bit {bit} {name}");
            bits_checked += 1;
        }
        assert!(register.bit_info(register.width()).is_none());
        assert!(register.bit_info(255).is_none());
    }
    assert_eq!(bits_checked, 16 + 10 * 8);
}

#[test]
fn bitflags_constants_match_the_bit_names() {
    for register in StatusRegister::ALL {
        let flags = flag_names(register);
        let defined = (0..register.width())
            .filter(|b| register.bit_info(*b).unwrap().severity != Severity::Reserved)
            .count();
        assert_eq!(
            flags.len(),
            defined,
            "{register}: one constant per non-reserved bit"
        );
        for (bit, const_name) in flags {
            let spec = register.bit_info(bit).unwrap().name;
            let normalised = spec.replace('/', "_").replace('#', "_N");
            let normalised = normalised
                .strip_prefix("MFR_")
                .filter(|_| register == StatusRegister::MfrSpecific)
                .map_or(normalised.clone(), str::to_owned);
            assert_eq!(const_name, normalised, "{register} bit {bit}");
        }
    }
}

#[test]
fn register_codes_and_names() {
    for register in StatusRegister::ALL {
        assert_eq!(StatusRegister::from_code(register.code()), Some(register));
        assert_eq!(register.command().name(), register.name());
        assert_eq!(
            CommandCode::from_name(register.name()),
            Some(register.command())
        );
        assert_eq!(register.to_string(), register.name());
        assert_eq!(
            register.is_detail(),
            !matches!(register, StatusRegister::Byte | StatusRegister::Word)
        );
    }
    let known = (0..=255u8)
        .filter(|c| StatusRegister::from_code(*c).is_some())
        .count();
    assert_eq!(known, 11);
    assert_eq!(StatusWord::REGISTER, StatusRegister::Word);
    assert_eq!(StatusFans34::REGISTER, StatusRegister::Fans34);
}

/// The registers a word's summary bits point to, coded independently of the library.
fn expected_registers(w: u16) -> Vec<u8> {
    let bit = |n: u16| w & (1 << n) != 0;
    let mut v = Vec::new();
    if bit(15) || bit(5) {
        v.push(0x7A);
    }
    if bit(14) || bit(4) {
        v.push(0x7B);
    }
    if bit(13) || bit(3) {
        v.push(0x7C);
    }
    if bit(2) {
        v.push(0x7D);
    }
    if bit(1) {
        v.push(0x7E);
    }
    if bit(9) {
        v.push(0x7F);
    }
    if bit(12) {
        v.push(0x80);
    }
    if bit(10) {
        v.push(0x81);
        v.push(0x82);
    }
    v
}

#[test]
fn walk_all_status_words() {
    let mut walked = 0u32;
    for w in 0..=u16::MAX {
        let word = StatusWord::from_bits_retain(w);
        assert_eq!(word.bits(), w, "every bit retained");
        assert_eq!(u16::from(word.status_byte().bits()), w & 0xFF);

        let set = word.registers_to_read();
        let codes: Vec<u8> = set.codes().collect();
        assert_eq!(codes, expected_registers(w), "word {w:04X}h");
        assert_eq!(set.len(), codes.len());
        assert_eq!(set.is_empty(), codes.is_empty());
        assert_eq!(
            set.into_iter()
                .map(StatusRegister::code)
                .collect::<Vec<_>>(),
            codes
        );
        // Never omits the register of a set summary bit.
        let must = [
            (StatusWord::VOUT, StatusRegister::Vout),
            (StatusWord::VOUT_OV_FAULT, StatusRegister::Vout),
            (StatusWord::IOUT_POUT, StatusRegister::Iout),
            (StatusWord::IOUT_OC_FAULT, StatusRegister::Iout),
            (StatusWord::INPUT, StatusRegister::Input),
            (StatusWord::VIN_UV_FAULT, StatusRegister::Input),
            (StatusWord::TEMPERATURE, StatusRegister::Temperature),
            (StatusWord::CML, StatusRegister::Cml),
            (StatusWord::OTHER, StatusRegister::Other),
            (StatusWord::MFR_SPECIFIC, StatusRegister::MfrSpecific),
            (StatusWord::FANS, StatusRegister::Fans12),
            (StatusWord::FANS, StatusRegister::Fans34),
        ];
        for (flag, register) in must {
            if word.contains(flag) {
                assert!(set.contains(register), "{w:04X}h omits {register}");
            }
        }

        // A word-only snapshot: every set bit is listed once, nothing else; every register
        // the word points to is missing.
        let snapshot = StatusSnapshot::new(word);
        assert_eq!(snapshot.missing(), set);
        let faults: Vec<Fault> = snapshot.faults().collect();
        assert_eq!(faults.len(), w.count_ones() as usize);
        for f in &faults {
            assert_eq!(f.register, StatusRegister::Word);
            assert!(w & (1 << f.bit) != 0);
        }
        assert!(
            faults.windows(2).all(|p| p[0].bit > p[1].bit),
            "most significant first"
        );
        assert_eq!(snapshot.clear_plans().count(), 0);

        // The mapping never invents presence or configuration error, and never says both
        // inactive and failed.
        let offsets = snapshot.ipmi_offsets();
        assert!(!offsets.contains(IpmiPsuOffset::Presence));
        assert!(!offsets.contains(IpmiPsuOffset::ConfigurationError));
        assert!(
            !(offsets.contains(IpmiPsuOffset::Inactive)
                && offsets.contains(IpmiPsuOffset::Failure))
        );
        // Word-only rules (no detail registers read).
        let off = word.contains(StatusWord::OFF);
        let uv = word.contains(StatusWord::VIN_UV_FAULT);
        assert_eq!(
            offsets.contains(IpmiPsuOffset::InputLost),
            uv && off,
            "{w:04X}h"
        );
        assert_eq!(
            offsets.contains(IpmiPsuOffset::InputLostOrOutOfRange),
            uv && !off,
            "{w:04X}h"
        );
        assert!(!offsets.contains(IpmiPsuOffset::InputOutOfRange));
        assert!(
            !offsets.contains(IpmiPsuOffset::PredictiveFailure),
            "warnings need detail registers"
        );
        let failure = word.intersects(StatusWord::VOUT_OV_FAULT | StatusWord::IOUT_OC_FAULT)
            || (word.contains(StatusWord::POWER_GOOD_N) && !off && !uv);
        assert_eq!(
            offsets.contains(IpmiPsuOffset::Failure),
            failure,
            "{w:04X}h"
        );
        assert_eq!(
            offsets.contains(IpmiPsuOffset::Inactive),
            off && !uv && !failure,
            "{w:04X}h"
        );

        let _ = word.to_string();
        walked += 1;
    }
    assert_eq!(walked, 65_536);
}

#[test]
fn walk_all_status_bytes() {
    for b in 0..=u8::MAX {
        let byte = StatusByte::from_bits_retain(b);
        assert_eq!(byte.to_word().bits(), u16::from(b));
        let codes: Vec<u8> = byte.registers_to_read().codes().collect();
        assert_eq!(codes, expected_registers(u16::from(b)));
        assert_eq!(
            StatusWord::from_bits_retain(u16::from(b)).status_byte(),
            byte
        );
    }
}

/// Every value of every detail register: stored by `record`, listed by `faults`, cleared by
/// `clear_plans`, shown by `Display`, nothing lost.
#[test]
fn walk_all_detail_register_values() {
    let mut walked = 0u32;
    for register in StatusRegister::DETAIL {
        for v in 0..=u8::MAX {
            let mut s = StatusSnapshot::new(StatusWord::empty());
            s.record(register.code(), v).unwrap();
            assert_eq!(s.value(register), Some(u16::from(v)));
            let faults: Vec<Fault> = s.faults().collect();
            assert_eq!(faults.len(), v.count_ones() as usize);
            for f in &faults {
                assert_eq!(f.register, register);
                let info = register.bit_info(f.bit).unwrap();
                assert_eq!((f.name, f.severity), (info.name, info.severity));
                assert!(!f.to_string().is_empty());
            }
            let plans: Vec<ClearFaults> = s.clear_plans().collect();
            if v == 0 {
                assert!(plans.is_empty());
            } else {
                assert_eq!(plans, [ClearFaults::Bits { register, bits: v }]);
                assert_eq!(plans[0].command_code(), register.code());
                assert_eq!(plans[0].clear_bits_value(), Some(v));
                assert_eq!(plans[0].transaction(), Transaction::WriteByte);
            }
            let _ = s.ipmi_offsets();
            walked += 1;
        }
    }
    assert_eq!(walked, 9 * 256);
}

#[test]
fn unknown_and_reserved_bits_are_kept() {
    let t = StatusTemperature::from_bits_retain(0x4F);
    assert_eq!(t.bits(), 0x4F);
    assert_eq!(u8::from(t), 0x4F);
    assert_eq!(StatusTemperature::from(0x0F).bits(), 0x0F);
    assert_eq!(
        t.to_string(),
        "OT_WARNING | RESERVED_BIT3 | RESERVED_BIT2 | RESERVED_BIT1 | RESERVED_BIT0"
    );
    assert_eq!(
        StatusCml::from_bits_retain(0x04).to_string(),
        "RESERVED_BIT2"
    );
    assert_eq!(
        StatusOther::from_bits_retain(0xC0).to_string(),
        "RESERVED_BIT7 | RESERVED_BIT6"
    );
    assert_eq!(StatusFans34::from_bits_retain(0x03).bits(), 0x03);
    assert_eq!(StatusVout::empty().to_string(), "(none)");

    let mut s = StatusSnapshot::new(StatusWord::TEMPERATURE);
    s.temperature = Some(t);
    let reserved: Vec<u8> = s
        .faults()
        .filter(|f| f.severity == Severity::Reserved)
        .map(|f| f.bit)
        .collect();
    assert_eq!(reserved, [3, 2, 1, 0]);
    assert!(
        s.faults()
            .filter(|f| f.severity == Severity::Reserved)
            .all(|f| f.name == "RESERVED")
    );
    assert_eq!(
        s.clear_plans().next().unwrap().clear_bits_value(),
        Some(0x4F)
    );
}

#[test]
fn word_display_and_debug() {
    let w = StatusWord::from_bits_retain(0x2848);
    assert_eq!(w.to_string(), "INPUT | POWER_GOOD# | OFF | VIN_UV_FAULT");
    let debug = format!("{w:?}");
    assert!(
        debug.contains("INPUT") && debug.contains("POWER_GOOD_N"),
        "{debug}"
    );
}

#[test]
fn record_rejects_non_detail_codes() {
    let mut s = StatusSnapshot::default();
    for code in 0..=255u8 {
        let r = s.record(code, 0xFF);
        let detail = (0x7A..=0x82).contains(&code);
        assert_eq!(r.is_ok(), detail, "{code:02X}h");
        if let Err(e) = r {
            assert_eq!(e, StatusError::NotADetailRegister { code });
            assert!(e.to_string().contains(&format!("{code:02X}h")));
            let _: &dyn std::error::Error = &e;
        }
    }
    assert!(
        StatusRegister::DETAIL
            .iter()
            .all(|r| s.value(*r) == Some(0xFF))
    );
}

#[test]
fn clear_faults_plans() {
    assert_eq!(ClearFaults::All.command_code(), CommandCode::CLEAR_FAULTS.0);
    assert_eq!(ClearFaults::All.transaction(), Transaction::SendByte);
    assert_eq!(ClearFaults::All.clear_bits_value(), None);
    for register in StatusRegister::ALL {
        let r = ClearFaults::bits(register, 0x81);
        if register.is_detail() {
            let plan = r.unwrap();
            assert_eq!(plan.command_code(), register.code());
            assert_eq!(plan.clear_bits_value(), Some(0x81));
        } else {
            assert_eq!(
                r,
                Err(StatusError::NotADetailRegister {
                    code: register.code()
                })
            );
        }
    }
    // Only the registers that were read and have bits set get a write.
    let mut s = StatusSnapshot::new(StatusWord::from_bits_retain(0xFFFF));
    s.record(0x7D, 0x40).unwrap();
    s.record(0x7E, 0x00).unwrap();
    s.record(0x81, 0x21).unwrap();
    let plans: Vec<(u8, Option<u8>)> = s
        .clear_plans()
        .map(|p| (p.command_code(), p.clear_bits_value()))
        .collect();
    assert_eq!(plans, [(0x7D, Some(0x40)), (0x81, Some(0x21))]);
}

fn offsets(s: &StatusSnapshot) -> Vec<IpmiPsuOffset> {
    s.ipmi_offsets().iter().collect()
}

/// A PSU losing and regaining its AC input, polled by a BMC that logs changes.
#[test]
fn ac_lost_sequence() {
    use IpmiPsuOffset::*;
    let mut logged: Vec<(IpmiPsuOffset, bool)> = Vec::new();
    let mut previous = IpmiPsuOffsets::EMPTY;
    let mut poll = |s: &StatusSnapshot| {
        let now = s.ipmi_offsets();
        logged.extend(now.asserted_since(previous).iter().map(|o| (o, true)));
        logged.extend(now.deasserted_since(previous).iter().map(|o| (o, false)));
        previous = now;
        now
    };

    // 1. Running normally.
    let normal = StatusSnapshot::new(StatusWord::empty());
    assert!(poll(&normal).is_empty());

    // 2. The input sags: an input undervoltage warning only. Not a PSU problem.
    let mut sag = StatusSnapshot::new(StatusWord::INPUT);
    assert_eq!(sag.missing().codes().collect::<Vec<_>>(), [0x7C]);
    sag.input = Some(StatusInput::VIN_UV_WARNING);
    assert!(poll(&sag).is_empty());

    // 3. The input is gone: the unit turns off; the output collapses and the fan stops, which
    //    the PSU also flags. Only "input lost" is reported.
    let word = StatusWord::INPUT
        | StatusWord::VOUT
        | StatusWord::FANS
        | StatusWord::POWER_GOOD_N
        | StatusWord::OFF
        | StatusWord::VIN_UV_FAULT;
    let mut lost = StatusSnapshot::new(word);
    assert_eq!(
        lost.missing().codes().collect::<Vec<_>>(),
        [0x7A, 0x7C, 0x81, 0x82]
    );
    lost.record(0x7A, StatusVout::VOUT_UV_FAULT.bits()).unwrap();
    lost.record(
        0x7C,
        (StatusInput::VIN_UV_WARNING | StatusInput::VIN_UV_FAULT | StatusInput::UNIT_OFF_LOW_INPUT)
            .bits(),
    )
    .unwrap();
    lost.record(
        0x81,
        (StatusFans12::FAN_1_FAULT | StatusFans12::FAN_1_WARNING).bits(),
    )
    .unwrap();
    lost.record(0x82, 0).unwrap();
    assert!(lost.missing().is_empty());
    assert_eq!(poll(&lost), IpmiPsuOffsets::EMPTY.with(InputLost));

    // The same picture from STATUS_WORD alone.
    assert_eq!(offsets(&StatusSnapshot::new(word)), [InputLost]);

    // 4. AC is back and the BMC cleared the faults.
    assert!(poll(&normal).is_empty());

    assert_eq!(logged, [(InputLost, true), (InputLost, false)]);
}

#[test]
fn overtemperature_warning_then_fault() {
    use IpmiPsuOffset::*;
    let mut warn = StatusSnapshot::new(StatusWord::TEMPERATURE);
    // The summary bit alone could be a warning or a fault: nothing until 7Dh is read.
    assert!(warn.ipmi_offsets().is_empty());
    assert_eq!(warn.missing().codes().collect::<Vec<_>>(), [0x7D]);
    warn.temperature = Some(StatusTemperature::OT_WARNING);
    assert_eq!(offsets(&warn), [PredictiveFailure]);
    let names: Vec<(&str, Severity)> = warn.faults().map(|f| (f.name, f.severity)).collect();
    assert_eq!(
        names,
        [
            ("TEMPERATURE", Severity::Summary),
            ("OT_WARNING", Severity::Warning)
        ]
    );

    // It gets hotter: the unit shuts down on the fault (warning still set).
    let mut fault =
        StatusSnapshot::new(StatusWord::TEMPERATURE | StatusWord::OFF | StatusWord::POWER_GOOD_N);
    fault.temperature = Some(StatusTemperature::OT_FAULT | StatusTemperature::OT_WARNING);
    assert_eq!(offsets(&fault), [Failure, PredictiveFailure]);
    let now = fault.ipmi_offsets();
    assert_eq!(
        now.asserted_since(warn.ipmi_offsets())
            .iter()
            .collect::<Vec<_>>(),
        [Failure]
    );
    assert!(now.deasserted_since(warn.ipmi_offsets()).is_empty());
}

#[test]
fn mapping_cases() {
    use IpmiPsuOffset::*;
    let snap = |w: StatusWord| StatusSnapshot::new(w);

    // Commanded off, input fine: inactive (POWER_GOOD# is expected while off).
    assert_eq!(
        offsets(&snap(StatusWord::OFF | StatusWord::POWER_GOOD_N)),
        [Inactive]
    );
    // POWER_GOOD# while supposed to be on: failure.
    assert_eq!(offsets(&snap(StatusWord::POWER_GOOD_N)), [Failure]);
    // Latched output overvoltage: failure, not inactive.
    assert_eq!(
        offsets(&snap(
            StatusWord::VOUT
                | StatusWord::VOUT_OV_FAULT
                | StatusWord::OFF
                | StatusWord::POWER_GOOD_N
        )),
        [Failure]
    );
    // Input undervoltage fault while still running, detail unknown: lost or out of range.
    assert_eq!(
        offsets(&snap(StatusWord::VIN_UV_FAULT)),
        [InputLostOrOutOfRange]
    );
    // With STATUS_INPUT read, the same is "out of range but present".
    let mut s = snap(StatusWord::INPUT | StatusWord::VIN_UV_FAULT);
    s.input = Some(StatusInput::VIN_UV_FAULT);
    assert_eq!(offsets(&s), [InputOutOfRange]);
    // Input overvoltage fault.
    let mut s = snap(StatusWord::INPUT);
    s.input = Some(StatusInput::VIN_OV_FAULT);
    assert_eq!(offsets(&s), [InputOutOfRange]);
    // Unit off for low input, though VIN_UV_FAULT is not (yet) latched.
    let mut s = snap(StatusWord::INPUT | StatusWord::OFF);
    s.input = Some(StatusInput::UNIT_OFF_LOW_INPUT);
    assert_eq!(offsets(&s), [InputLost]);
    // Input warnings alone are not PSU events.
    let mut s = snap(StatusWord::INPUT);
    s.input = Some(
        StatusInput::VIN_OV_WARNING
            | StatusInput::VIN_UV_WARNING
            | StatusInput::IIN_OC_WARNING
            | StatusInput::PIN_OP_WARNING,
    );
    assert!(s.ipmi_offsets().is_empty());
    // Input overcurrent fault: failure.
    s.input = Some(StatusInput::IIN_OC_FAULT);
    assert_eq!(offsets(&s), [Failure]);
    // Fans: fault and warning with the input fine.
    let mut s = snap(StatusWord::FANS);
    s.fans_1_2 = Some(StatusFans12::FAN_2_FAULT);
    assert_eq!(offsets(&s), [Failure]);
    s.fans_1_2 = Some(StatusFans12::AIRFLOW_WARNING);
    assert_eq!(offsets(&s), [PredictiveFailure]);
    s.fans_1_2 = Some(StatusFans12::FAN_1_SPEED_OVERRIDE);
    assert!(s.ipmi_offsets().is_empty());
    s.fans_1_2 = None;
    s.fans_3_4 = Some(StatusFans34::FAN_4_WARNING);
    assert_eq!(offsets(&s), [PredictiveFailure]);
    // Output current: warning, power limiting (a state), fault.
    let mut s = snap(StatusWord::IOUT_POUT);
    s.iout = Some(StatusIout::IOUT_OC_WARNING | StatusIout::POWER_LIMITING);
    assert_eq!(offsets(&s), [PredictiveFailure]);
    s.iout = Some(StatusIout::POWER_LIMITING);
    assert!(s.ipmi_offsets().is_empty());
    s.iout = Some(StatusIout::CURRENT_SHARE_FAULT);
    assert_eq!(offsets(&s), [Failure]);
    // STATUS_OTHER fuse fault.
    let mut s = snap(StatusWord::OTHER);
    s.other = Some(StatusOther::INPUT_A_FUSE_FAULT);
    assert_eq!(offsets(&s), [Failure]);
    s.other = Some(StatusOther::FIRST_TO_ALERT);
    assert!(s.ipmi_offsets().is_empty());
    // CML (e.g. after probing an unsupported command) and vendor bits are not PSU events.
    let mut s =
        snap(StatusWord::CML | StatusWord::MFR_SPECIFIC | StatusWord::UNKNOWN | StatusWord::BUSY);
    s.cml = Some(StatusCml::INVALID_COMMAND);
    s.mfr_specific = Some(StatusMfrSpecific::all());
    assert!(s.ipmi_offsets().is_empty());
    // Output undervoltage with the input fine: failure; VOUT_MAX_MIN warning: nothing.
    let mut s = snap(StatusWord::VOUT);
    s.vout = Some(StatusVout::VOUT_UV_FAULT);
    assert_eq!(offsets(&s), [Failure]);
    s.vout = Some(StatusVout::VOUT_MAX_MIN_WARNING);
    assert!(s.ipmi_offsets().is_empty());
    s.vout = Some(StatusVout::VOUT_OV_WARNING);
    assert_eq!(offsets(&s), [PredictiveFailure]);
}

#[test]
fn offsets_set_operations() {
    for o in IpmiPsuOffset::ALL {
        assert_eq!(IpmiPsuOffset::from_offset(o.offset()), Some(o));
        let set = IpmiPsuOffsets::EMPTY.with(o);
        assert_eq!(set.bits(), 1 << o.offset());
        assert!(set.contains(o));
        assert!(set.without(o).is_empty());
        assert!(!o.to_string().is_empty());
    }
    assert_eq!(IpmiPsuOffset::from_offset(8), None);
    for bits in 0..=255u8 {
        let set = IpmiPsuOffsets::from_bits(bits);
        let collected: IpmiPsuOffsets = set.iter().collect();
        assert_eq!(collected, set);
        assert_eq!(set.iter().count(), bits.count_ones() as usize);
        let other = IpmiPsuOffsets::from_bits(bits.rotate_left(3));
        assert_eq!(set.asserted_since(other).bits(), bits & !other.bits());
        assert_eq!(set.deasserted_since(other).bits(), other.bits() & !bits);
    }
}

#[cfg(feature = "sel-codec")]
mod sel {
    use sel_codec::builders::{PsuConfigError, PsuEvent};
    use smbus_pmbus::status::{ConfigErrorTypeNeeded, IpmiPsuOffset};

    #[test]
    fn offsets_convert_to_sel_events() {
        for o in IpmiPsuOffset::ALL {
            let event = o.to_psu_event(PsuConfigError::VoltageRatingMismatch);
            assert_eq!(event.offset(), o.offset());
            assert_eq!(IpmiPsuOffset::from(event), o);
            match o {
                IpmiPsuOffset::ConfigurationError => {
                    assert_eq!(PsuEvent::try_from(o), Err(ConfigErrorTypeNeeded));
                    assert_eq!(
                        event,
                        PsuEvent::ConfigurationError(PsuConfigError::VoltageRatingMismatch)
                    );
                }
                _ => assert_eq!(PsuEvent::try_from(o), Ok(event)),
            }
        }
        let _: &dyn std::error::Error = &ConfigErrorTypeNeeded;
        assert!(!ConfigErrorTypeNeeded.to_string().is_empty());
    }
}

#[test]
fn set_stores_every_register() {
    for register in StatusRegister::ALL {
        for v in [0x00, 0x5A, 0xFF] {
            let mut s = StatusSnapshot::new(StatusWord::from_bits_retain(0xA500));
            s.set(register, v);
            if register.is_detail() {
                assert_eq!(s.value(register), Some(u16::from(v)));
                assert_eq!(s.word.bits(), 0xA500, "word untouched");
            } else {
                // STATUS_BYTE (and a byte given for STATUS_WORD) is the word's low byte.
                assert_eq!(s.word.bits(), 0xA500 | u16::from(v));
                assert_eq!(s.value(StatusRegister::Byte), Some(u16::from(v)));
            }
        }
    }
    let mut a = StatusSnapshot::default();
    let mut b = StatusSnapshot::default();
    for register in StatusRegister::DETAIL {
        a.set(register, 0x3C);
        b.record(register.code(), 0x3C).unwrap();
    }
    assert_eq!(a, b);
}
