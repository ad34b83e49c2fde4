//! SDR records: spec byte vectors per record type (IPMI 2.0 Tables 43-1, 43-2, 43-3, 43-7,
//! 43-8, 43-9, OEM), every truncated length, the record stream, ID strings, and proptest round
//! trips both ways.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::sdr::{
    AnalogDataFormat, CompactSensorRecord, DumpWriter, EventOnlyRecord, FruDeviceLocatorRecord,
    FullSensorRecord, GenericDeviceLocatorRecord, IdString, IdStringType, Linearization,
    McDeviceLocatorRecord, ModifierRelation, OemRecord, RateUnit, RecordType, SdrError, SdrHeader,
    SdrRecord, SdrRecordRef, SensorDirection, records,
};
use proptest::prelude::*;

/// Full sensor record, Table 43-1, byte by byte: a two's complement temperature sensor with
/// every conversion field non-trivial.
const FULL: [u8; 56] = [
    0x10, 0x00, 0x51, 0x01, 0x33, // header: id 0010h, v51h, type 01h, 51 body bytes
    0x20, 0x00, 0x30, // owner 20h, channel 0 LUN 0, sensor 30h
    0x03, 0x01, // entity 3 (processor) instance 1
    0x7F, 0x68, // initialization, capabilities
    0x01, 0x01, // sensor type temperature, event/reading type threshold
    0x95, 0x0A, 0x95, 0x0A, 0x3F, 0x3F, // masks
    0x80, 0x01, 0x00, // units: 2's complement, degrees C
    0x00, // linear
    0x01, 0x02, // M = 1, tolerance 2
    0xFE, 0xCA, // B = 3FEh = -2, accuracy LS 0Ah
    0x15, // accuracy MS 1, accuracy exp 1, direction input
    0xF1, // R exp -1, B exp 1
    0x07, // analog flags
    0x28, 0x50, 0x0A, 0x7F, 0x80, // nominal, normal max/min, sensor max/min
    0x69, 0x5F, 0x55, 0x00, 0x00, 0x05, // UNR UC UNC LNR LC LNC
    0x02, 0x02, // hysteresis
    0x00, 0x00, // reserved
    0x00, // OEM
    0xC8, b'C', b'P', b'U', b'_', b'T', b'E', b'M', b'P',
];

/// Compact sensor record, Table 43-2: a shared discrete PSU sensor.
const COMPACT: [u8; 40] = [
    0x21, 0x00, 0x51, 0x02, 0x23, // header, 35 body bytes
    0x20, 0x10, 0x51, // owner 20h, channel 1 LUN 0, sensor 51h
    0x0A, 0x00, // entity 10 (power supply) instance 0
    0x67, 0x40, // initialization, capabilities
    0x08, 0x6F, // power supply, sensor-specific
    0x0F, 0x00, 0x00, 0x00, 0x0F, 0x00, // masks
    0x00, 0x00, 0x00, // units: unsigned, unspecified
    0x42,
    0x81, // direction input, alpha modifier, share count 2; instance increments, offset 1
    0x00, 0x00, // hysteresis
    0xAA, 0xBB, 0xCC, // reserved bytes (kept)
    0x5A, // OEM
    0xC8, b'P', b'S', b'U', b'_', b'S', b'T', b'A', b'T',
];

/// Event-only record, Table 43-3.
const EVENT_ONLY: [u8; 28] = [
    0x03, 0x00, 0x51, 0x03, 0x17, // header, 23 body bytes
    0x20, 0x00, 0x01, // owner, LUN, sensor 01h
    0x22, 0x00, // entity 22h (system ACPI power), instance 0
    0x22, 0x6F, // sensor type ACPI power state, sensor-specific
    0x00, 0x00, // sharing
    0x00, 0x00, // reserved, OEM
    0xCB, b'A', b'C', b'P', b'I', b'_', b'S', b'T', b'A', b'T', b'U', b'S',
];

/// Generic device locator, Table 43-7.
const GENERIC: [u8; 23] = [
    0x40, 0x00, 0x51, 0x10, 0x12, // header, 18 body bytes
    0x20, 0xA1, 0x4A, 0x01,
    0x00, // access 20h, slave A0h + channel MS 1, ch LS 2/LUN 1/bus 2, span 1
    0x10, 0x00, // device type 10h (FRU EEPROM), modifier
    0x20, 0x00, 0x00, // entity 20h (memory device), instance 0, OEM
    0xC7, b'S', b'P', b'D', b'_', b'A', b'1', b'X',
];

/// FRU device locator, Table 43-8.
const FRU: [u8; 27] = [
    0x50, 0x00, 0x51, 0x11, 0x16, // header, 22 body bytes
    0x20, 0x00, 0x80, 0x00, 0x00, // access 20h, FRU ID 0, logical, channel 0, reserved
    0x10, 0x00, // device type, modifier
    0x07, 0x01, 0x00, // entity 7 (system board) instance 1, OEM
    0xCB, b'B', b'u', b'i', b'l', b't', b'i', b'n', b' ', b'F', b'R', b'U',
];

/// MC device locator, Table 43-9.
const MC: [u8; 19] = [
    0x01, 0x00, 0x51, 0x12, 0x0E, // header, 14 body bytes
    0x20, 0x00, 0x00, 0x3F, // slave 20h, channel 0, init, capabilities
    0x00, 0x00, 0x00, // reserved
    0x2E, 0x01, 0x00, // entity 2Eh (BMC) instance 1, OEM
    0xC3, b'B', b'M', b'C',
];

/// OEM record.
const OEM: [u8; 12] = [
    0x60, 0x00, 0x51, 0xC0, 0x07, 0x57, 0x01, 0x00, 0xDE, 0xAD, 0xBE, 0xEF,
];

fn all_vectors() -> [&'static [u8]; 7] {
    [&FULL, &COMPACT, &EVENT_ONLY, &GENERIC, &FRU, &MC, &OEM]
}

#[test]
fn full_sensor_fields() {
    let r = FullSensorRecord::parse(&FULL).unwrap();
    assert_eq!(r.record_id, 0x0010);
    assert_eq!(
        (
            r.key.owner_address(),
            r.key.channel(),
            r.key.lun(),
            r.key.number
        ),
        (0x20, 0, 0, 0x30)
    );
    assert!(!r.key.is_software_owner());
    assert_eq!((r.entity_id, r.entity_instance.number()), (3, 1));
    assert_eq!(r.sensor_type.0, 0x01);
    assert!(r.is_threshold());
    assert_eq!(r.assertion_mask, 0x0A95);
    assert_eq!(r.units.analog_format, AnalogDataFormat::TwosComplement);
    assert_eq!(r.units.to_string(), "degrees C");
    assert_eq!(r.linearization, Linearization::Linear);
    assert_eq!((r.m, r.tolerance, r.b), (1, 2, -2));
    assert_eq!((r.accuracy.accuracy, r.accuracy.exp), (74, 1));
    assert_eq!(r.direction, SensorDirection::Input);
    assert_eq!((r.r_exp, r.b_exp), (-1, 1));
    assert_eq!(r.thresholds.upper_critical, 0x5F);
    assert_eq!(r.thresholds.lower_non_critical, 0x05);
    assert_eq!(r.id_string.to_string(), "CPU_TEMP");
    // (M·x + B·10^K1)·10^K2 = (40 - 20) / 10
    let c = r.conversion();
    assert!((c.to_value(0x28).unwrap() - 2.0).abs() < 1e-12);
    assert!((c.to_value(0x80).unwrap() - -14.8).abs() < 1e-12);
    assert!((r.accuracy.percent() - 7.4).abs() < 1e-12);
    assert!((c.tolerance(r.tolerance) - 0.1).abs() < 1e-12);
    let lin = r.sel_linear().unwrap();
    assert_eq!((lin.m, lin.b, lin.b_exp, lin.r_exp), (1, -2, 1, -1));
}

#[test]
fn compact_event_only_fields() {
    let c = CompactSensorRecord::parse(&COMPACT).unwrap();
    assert_eq!(
        (c.key.channel(), c.key.number, c.entity_id),
        (1, 0x51, 0x0A)
    );
    assert_eq!(c.sharing.direction(), SensorDirection::Input);
    assert_eq!(c.sharing.modifier_type(), 0);
    assert_eq!(c.sharing.share_count(), 2);
    assert!(c.sharing.entity_instance_increments());
    assert_eq!(c.sharing.modifier_offset(), 1);
    assert_eq!(c.reserved, [0xAA, 0xBB, 0xCC]);
    assert_eq!(
        (c.oem, c.id_string.to_string().as_str()),
        (0x5A, "PSU_STAT")
    );

    let e = EventOnlyRecord::parse(&EVENT_ONLY).unwrap();
    assert_eq!((e.sensor_type.0, e.event_reading_type), (0x22, 0x6F));
    assert_eq!(e.id_string.to_string(), "ACPI_STATUS");
}

#[test]
fn locator_fields() {
    let g = GenericDeviceLocatorRecord::parse(&GENERIC).unwrap();
    assert_eq!(g.channel(), 0b1010);
    assert_eq!((g.lun(), g.private_bus(), g.address_span), (1, 2, 1));
    assert_eq!(g.device_slave_address & 0xFE, 0xA0);
    assert_eq!(g.id_string.to_string(), "SPD_A1X");

    let f = FruDeviceLocatorRecord::parse(&FRU).unwrap();
    assert!(f.is_logical());
    assert_eq!((f.fru_device_id, f.lun(), f.channel_number()), (0, 0, 0));
    assert_eq!((f.entity_id, f.entity_instance.number()), (7, 1));
    assert_eq!(f.id_string.to_string(), "Builtin FRU");

    let m = McDeviceLocatorRecord::parse(&MC).unwrap();
    assert_eq!((m.device_slave_address, m.capabilities), (0x20, 0x3F));
    assert_eq!(m.id_string.to_string(), "BMC");

    let o = OemRecord::parse(&OEM).unwrap();
    assert_eq!(o.manufacturer.get(), 343);
    assert_eq!(o.data, &[0xDE, 0xAD, 0xBE, 0xEF]);
}

#[test]
fn vectors_round_trip_and_emit_into_prefilled_buffers() {
    for v in all_vectors() {
        let rec = SdrRecord::parse(v).unwrap();
        assert_eq!(rec.buffer_len(), v.len());
        let mut buf = [0xA5u8; 80];
        let n = rec.emit(&mut buf).unwrap();
        assert_eq!(&buf[..n], v);
        assert!(buf[n..].iter().all(|&b| b == 0xA5));
        // Every buffer shorter than the record is refused without writing a partial record.
        for short in 0..v.len() {
            let mut small = vec![0xA5u8; short];
            assert_eq!(
                rec.emit(&mut small),
                Err(SdrError::BufferTooSmall {
                    needed: v.len(),
                    got: short
                })
            );
        }
    }
}

#[test]
fn every_truncated_length_is_an_error() {
    let mut checked = 0;
    for v in all_vectors() {
        for n in 0..v.len() {
            // The slice is cut: the header no longer agrees.
            assert!(SdrRecord::parse(&v[..n]).is_err(), "{v:02x?} cut at {n}");
            // The header is made to agree with the cut body: the body is too short.
            // (An OEM record is whole from 3 body bytes on: its data has no stated length.)
            let oem_whole = v[3] == 0xC0 && n >= 8;
            if n >= 5 && !oem_whole {
                let mut cut = v[..n].to_vec();
                cut[4] = (n - 5) as u8;
                assert!(
                    SdrRecord::parse(&cut).is_err(),
                    "{v:02x?} body cut at {n} parsed"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 56 + 40 + 28 + 23 + 27 + 19 + 12);
}

#[test]
fn typed_parsers_check_type_and_version() {
    assert_eq!(
        CompactSensorRecord::parse(&FULL),
        Err(SdrError::WrongRecordType {
            expected: 0x02,
            found: 0x01
        })
    );
    let mut v = FULL;
    v[2] = 0x01;
    assert_eq!(
        FullSensorRecord::parse(&v),
        Err(SdrError::UnsupportedVersion(0x01))
    );
    assert_eq!(
        SdrRecord::parse(&v),
        Err(SdrError::UnsupportedVersion(0x01))
    );
    // The raw view accepts it: it checks lengths only.
    assert_eq!(SdrRecordRef::new(&v).unwrap().version(), 0x01);
}

#[test]
fn unknown_types_are_kept() {
    let ea = [
        0x70, 0x00, 0x51, 0x08, 0x08, 7, 1, 0x00, 0x0B, 0x01, 0, 0, 0,
    ];
    let rec = SdrRecord::parse(&ea).unwrap();
    match rec {
        SdrRecord::Unknown(u) => {
            assert_eq!(u.record_type, RecordType::ENTITY_ASSOCIATION);
            assert_eq!(u.body, &ea[5..]);
        }
        other => panic!("{other:?}"),
    }
    let mut out = [0u8; 13];
    assert_eq!(rec.emit(&mut out).unwrap(), 13);
    assert_eq!(out, ea);
    assert_eq!(RecordType(0x08).to_string(), "Entity Association");
    assert_eq!(RecordType(0x55).to_string(), "Unknown (55h)");
}

#[test]
fn stream_walks_records_and_reports_the_tail() {
    let mut stream = Vec::new();
    for v in all_vectors() {
        stream.extend_from_slice(v);
    }
    let total = stream.len();
    let got: Vec<_> = records(&stream).map(|r| r.unwrap().as_bytes()).collect();
    assert_eq!(got, all_vectors());
    for cut in 0..total {
        let items: Vec<_> = records(&stream[..cut]).collect();
        let oks = items.iter().filter(|i| i.is_ok()).count();
        let ok_len: usize = all_vectors()[..oks].iter().map(|v| v.len()).sum();
        if ok_len == cut {
            assert_eq!(items.len(), oks);
        } else {
            let err = items.last().unwrap().unwrap_err();
            assert_eq!(items.len(), oks + 1);
            assert_eq!((err.offset, err.len), (ok_len, cut - ok_len));
            let expected_need = if cut - ok_len < 5 {
                5
            } else {
                all_vectors()[oks].len()
            };
            assert_eq!(err.needed, expected_need);
        }
    }
}

#[test]
fn dump_writer_writes_what_records_reads() {
    let mut buf = vec![0u8; 512];
    let mut w = DumpWriter::new(&mut buf);
    for v in all_vectors() {
        w.push(&SdrRecord::parse(v).unwrap()).unwrap();
    }
    w.push_raw(&[0x99, 0x00, 0x51, 0x13, 0x00]).unwrap();
    assert!(w.push_raw(&[0x99, 0x00, 0x51, 0x13, 0x01]).is_err());
    let dump = w.finish().to_vec();
    let parsed: Vec<_> = records(&dump).map(|r| r.unwrap()).collect();
    assert_eq!(parsed.len(), 8);
    assert_eq!(parsed[7].record_type(), RecordType::MC_CONFIRMATION);
    let mut tiny = [0u8; 10];
    let mut w = DumpWriter::new(&mut tiny);
    assert!(w.push(&SdrRecord::parse(&FULL).unwrap()).is_err());
    assert!(w.is_empty());
}

#[test]
fn header_round_trip() {
    let h = SdrHeader::parse(&FULL).unwrap();
    assert_eq!(h.to_bytes(), FULL[..5]);
    assert_eq!(h.record_len(), FULL.len());
    assert!(SdrHeader::parse(&FULL[..4]).is_err());
}

#[test]
fn id_string_encodings() {
    // 8-bit: stops at NUL, padding kept.
    let data = *b"FAN1\0\0\0\0";
    let id = IdString::from_parts(0xC8, &data).unwrap();
    assert_eq!(id.to_string(), "FAN1");
    let id = IdString::from_parts(0xC4, &data).unwrap();
    assert_eq!((id.bytes(), id.padding().len()), (&b"FAN1"[..], 4));
    assert!(IdString::from_parts(0xC9, &data).is_err());
    assert!(IdString::ascii("Überhitzung").is_err());
    assert!(IdString::ascii("SEVENTEEN_CHARS__").is_err());
    // 6-bit packed, FRU spec §13 order: "IPMI" = 29 DC A6 (bits packed from bit 0).
    let mut buf = [0u8; 8];
    let id = IdString::encode_packed_ascii6("IPMI", &mut buf).unwrap();
    assert_eq!(id.bytes(), &[0x29, 0xDC, 0xA6]);
    assert_eq!(id.type_length(), 0x83);
    let mut buf = [0u8; 12];
    let id = IdString::encode_packed_ascii6("CPU 1 TEMP.", &mut buf).unwrap();
    assert_eq!(&id.to_string()[..11], "CPU 1 TEMP.");
    assert!(IdString::encode_packed_ascii6("lower", &mut [0u8; 8]).is_err());
    assert!(IdString::encode_packed_ascii6("TOO LONG", &mut [0u8; 2]).is_err());
    // BCD plus.
    let mut buf = [0u8; 4];
    let id = IdString::encode_bcd_plus("12-3.", &mut buf).unwrap();
    assert_eq!(id.bytes(), &[0x12, 0xB3, 0xCA]);
    assert_eq!(id.kind(), IdStringType::BcdPlus);
    assert_eq!(id.to_string(), "12-3. ");
    // Unicode as UTF-16LE.
    let utf16 = [b'F', 0, b'a', 0, 0x6E, 0, 0x3A, 0xD8];
    let id = IdString::from_parts(0x08, &utf16).unwrap();
    assert_eq!(id.to_string(), "Fan\u{FFFD}");
}

#[test]
fn emit_checks_field_ranges() {
    let mut r = FullSensorRecord::parse(&FULL).unwrap();
    let mut buf = [0u8; 64];
    r.m = 512;
    assert!(matches!(
        r.emit(&mut buf),
        Err(SdrError::FieldOutOfRange { field: "M", .. })
    ));
    r.m = -512;
    r.r_exp = 8;
    assert!(r.emit(&mut buf).is_err());
    r.r_exp = -8;
    r.linearization = Linearization::Reserved(0x01);
    assert!(r.emit(&mut buf).is_err());
    r.linearization = Linearization::NonLinear(0x71);
    let n = r.emit(&mut buf).unwrap();
    let back = FullSensorRecord::parse(&buf[..n]).unwrap();
    assert_eq!(back, r);
    // An OEM record longer than a header can state.
    let big = [0u8; 300];
    let o = OemRecord {
        data: &big,
        ..Default::default()
    };
    assert_eq!(
        o.emit(&mut [0u8; 400]),
        Err(SdrError::RecordTooLong { body_len: 303 })
    );
}

fn body_strategy(rt: u8) -> BoxedStrategy<Vec<u8>> {
    let fixed = match rt {
        0x01 => 42,
        0x02 => 26,
        0x03 => 11,
        0x10..=0x12 => 10,
        _ => return proptest::collection::vec(any::<u8>(), 0..=255).boxed(),
    };
    (
        proptest::collection::vec(any::<u8>(), fixed),
        any::<u8>(),
        proptest::collection::vec(any::<u8>(), 0..40),
    )
        .prop_map(|(mut f, tl, mut data)| {
            let stated = usize::from(tl & 0x1F);
            if data.len() < stated {
                data.resize(stated, b'x');
            }
            f.push(tl);
            f.extend_from_slice(&data);
            f.truncate(255);
            f
        })
        .boxed()
}

fn record_strategy() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<u16>(),
        prop_oneof![
            Just(0x01u8),
            Just(0x02u8),
            Just(0x03u8),
            Just(0x10u8),
            Just(0x11u8),
            Just(0x12u8),
            Just(0xC0u8),
            any::<u8>()
        ],
    )
        .prop_flat_map(|(id, rt)| {
            body_strategy(rt).prop_map(move |body| {
                let mut v = id.to_le_bytes().to_vec();
                v.extend_from_slice(&[0x51, rt, body.len() as u8]);
                v.extend_from_slice(&body);
                v
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// emit(parse(x)) == x for every record that parses, of every type.
    #[test]
    fn emit_of_parse_is_identity(v in record_strategy()) {
        match SdrRecord::parse(&v) {
            Ok(rec) => {
                let mut buf = [0u8; 300];
                let n = rec.emit(&mut buf).unwrap();
                prop_assert_eq!(&buf[..n], &v[..]);
                prop_assert_eq!(rec.buffer_len(), n);
            }
            Err(e) => {
                // Only short bodies fail (OEM under 3 bytes); never panics.
                prop_assert!(matches!(e, SdrError::Truncated { .. } | SdrError::IdStringLength { .. }), "{e:?}");
            }
        }
    }

    /// parse(emit(r)) == r for full sensor records built from in-range fields.
    #[test]
    fn parse_of_emit_is_identity(
        m in -512i16..=511, b in -512i16..=511, k1 in -8i8..=7, k2 in -8i8..=7,
        tol in 0u8..64, acc in 0u16..1024, acc_exp in 0u8..4, dir in 0u8..4,
        u1 in any::<u8>(), base in any::<u8>(), lin in any::<u8>(),
        bytes in proptest::array::uniform16(any::<u8>()), id_len in 0usize..=16,
    ) {
        let name = [b'N'; 16];
        let mut r = FullSensorRecord {
            record_id: u16::from_le_bytes([bytes[0], bytes[1]]),
            m, b, b_exp: k1, r_exp: k2, tolerance: tol,
            linearization: Linearization::from_byte(lin),
            direction: SensorDirection::from_bits(dir),
            id_string: IdString::latin1(&name[..id_len]).unwrap(),
            ..FullSensorRecord::default()
        };
        r.accuracy.accuracy = acc;
        r.accuracy.exp = acc_exp;
        r.units = ipmi_proto::sdr::SensorUnits::from_bytes([u1, base, bytes[2]]);
        r.thresholds.upper_critical = bytes[3];
        r.reserved = [bytes[4], bytes[5]];
        r.initialization = bytes[6];
        r.key.owner_lun = bytes[7];
        let mut buf = [0u8; 64];
        let n = r.emit(&mut buf).unwrap();
        prop_assert_eq!(n, r.buffer_len());
        prop_assert_eq!(FullSensorRecord::parse(&buf[..n]).unwrap(), r);
    }

    /// Arbitrary bytes: neither the stream nor the typed parser panics, and the stream's
    /// accounting covers every byte.
    #[test]
    fn arbitrary_streams(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut covered = 0;
        for item in records(&data) {
            match item {
                Ok(r) => { covered += r.as_bytes().len(); let _ = r.parse(); }
                Err(e) => { prop_assert_eq!(e.offset, covered); covered += e.len; }
            }
        }
        prop_assert_eq!(covered, data.len());
    }
}

#[test]
fn units_bits_are_lossless() {
    for u1 in 0..=255u8 {
        let u = ipmi_proto::sdr::SensorUnits::from_bytes([u1, 0, 0]);
        assert_eq!(u.to_bytes()[0], u1);
    }
    let u = ipmi_proto::sdr::SensorUnits::from_bytes([0b0001_1011, 18, 22]);
    assert_eq!(u.rate, RateUnit::PerSecond);
    assert_eq!(u.modifier_relation, ModifierRelation::Divide);
    assert!(u.percentage);
    assert_eq!(u.to_string(), "% RPM/second");
}
