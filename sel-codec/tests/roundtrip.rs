//! Codec properties: lossless decode/encode for any 16 bytes, the view agrees with the
//! owned record, and every formatter is total on any input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use core::fmt::{self, Write};

use proptest::prelude::*;
use sel_codec::tables::SensorType;
use sel_codec::text::{AnalogFormat, Linear, Sensor, SensorTable, SensorUnit, UnitRelation};
use sel_codec::{RecordBody, RecordKind, SelRecord, SelRecordRef, records};

/// A `fmt::Write` into a fixed stack buffer: formatting works without an allocator.
struct StackBuf {
    buf: [u8; 1024],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        Self {
            buf: [0; 1024],
            len: 0,
        }
    }
    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap()
    }
}

impl Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn wild_linear() -> impl Strategy<Value = Linear> {
    (
        any::<i16>(),
        any::<i16>(),
        -20i8..20,
        -20i8..20,
        0u8..3,
        any::<u8>(),
        any::<u8>(),
        0u8..3,
        any::<bool>(),
    )
        .prop_map(
            |(m, b, b_exp, r_exp, fmt, base, modifier, rel, percentage)| Linear {
                m,
                b,
                b_exp,
                r_exp,
                format: [
                    AnalogFormat::Unsigned,
                    AnalogFormat::OnesComplement,
                    AnalogFormat::TwosComplement,
                ][usize::from(fmt)],
                unit: SensorUnit {
                    base,
                    modifier,
                    relation: [
                        UnitRelation::None,
                        UnitRelation::Divide,
                        UnitRelation::Multiply,
                    ][usize::from(rel)],
                    percentage,
                },
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn decode_encode_is_lossless(bytes in any::<[u8; 16]>()) {
        let record = SelRecord::from_bytes(&bytes);
        prop_assert_eq!(record.to_bytes(), bytes);
        prop_assert_eq!(SelRecord::parse(&bytes).unwrap(), record);
        let mut out = [0u8; 20];
        prop_assert_eq!(record.emit(&mut out).unwrap(), 16);
        prop_assert_eq!(&out[..16], &bytes[..]);
        // The body variant follows the record type.
        let kind = RecordKind::of(bytes[2]);
        let matches = matches!(
            (kind, record.body),
            (RecordKind::System, RecordBody::System(_))
                | (RecordKind::Reserved, RecordBody::Reserved(_))
                | (RecordKind::OemTimestamped, RecordBody::OemTimestamped(_))
                | (RecordKind::OemNonTimestamped, RecordBody::OemNonTimestamped(_))
        );
        prop_assert!(matches);
    }

    #[test]
    fn view_agrees_with_owned(bytes in any::<[u8; 16]>()) {
        let view = SelRecordRef::new(&bytes).unwrap();
        let record = view.to_record();
        prop_assert_eq!(view.id(), record.id);
        prop_assert_eq!(view.record_type(), record.record_type());
        prop_assert_eq!(view.timestamp(), record.timestamp());
        prop_assert_eq!(view.system_event(), record.as_system_event());
        if let Some(e) = view.system_event() {
            prop_assert_eq!(e.sensor_type, view.sensor_type());
            prop_assert_eq!(e.sensor_number, view.sensor_number());
            prop_assert_eq!(e.event_type, view.event_type());
            prop_assert_eq!(e.direction, view.direction());
            prop_assert_eq!(e.data, view.event_data());
            prop_assert_eq!(e.generator, view.generator());
            prop_assert_eq!(e.evm_revision, view.evm_revision());
            prop_assert_eq!(e.message_id().to_be_bytes(), [bytes[12], bytes[13], bytes[14], bytes[15]]);
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip(bytes in any::<[u8; 16]>()) {
        let record = SelRecord::from_bytes(&bytes);
        let json = serde_json::to_string(&record).unwrap();
        let back: SelRecord = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, record);
    }

    #[test]
    fn formatters_are_total(bytes in any::<[u8; 16]>(), linear in wild_linear(), name in "[ -~]{0,16}") {
        let view = SelRecordRef::from_array(&bytes);
        let sensors = [(bytes[7], bytes[11], SensorType(bytes[10]), Sensor { name: &name, reading: Some(linear) })];
        let table = SensorTable(&sensors);

        let mut list = StackBuf::new();
        write!(list, "{}", view.ipmitool_list()).unwrap();
        let list = list.as_str();
        let prefix = format!("{:4x} | ", view.id());
        prop_assert!(list.starts_with(&prefix));
        if bytes[2] != 0xF0 {
            prop_assert!(list.is_ascii() && !list.contains('\n'));
            prop_assert!(list.ends_with("Asserted") || list.ends_with("Deasserted") || bytes[2] >= 0xC0 || list.contains(" | CPU "));
        }

        let mut elist = StackBuf::new();
        write!(elist, "{}", view.elist(&table)).unwrap();
        if bytes[2] < 0xC0 {
            let label = format!(" {name} | ");
            prop_assert!(elist.as_str().contains(&label), "{}", elist.as_str());
        } else {
            prop_assert_eq!(elist.as_str(), list);
        }

        let mut verbose = StackBuf::new();
        write!(verbose, "{}", view.ipmitool_verbose()).unwrap();
        prop_assert!(verbose.as_str().starts_with("SEL Record ID          : "));
        prop_assert!(verbose.as_str().ends_with("\n\n"));

        #[cfg(feature = "serde")]
        {
            let json: serde_json::Value = serde_json::to_value(view.json()).unwrap();
            prop_assert_eq!(json["Id"].as_u64(), Some(u64::from(view.id())));
            prop_assert_eq!(json["RecordType"].as_u64(), Some(u64::from(bytes[2])));
        }
    }

    #[test]
    fn dump_iterator_splits_and_reports_the_tail(dump in proptest::collection::vec(any::<u8>(), 0..200)) {
        let items: Vec<_> = records(&dump).collect();
        let whole = dump.len() / 16;
        let tail = dump.len() % 16;
        prop_assert_eq!(items.len(), whole + usize::from(tail != 0));
        for (i, item) in items.iter().take(whole).enumerate() {
            prop_assert_eq!(item.unwrap().as_bytes(), &dump[i * 16..i * 16 + 16]);
        }
        if tail != 0 {
            let err = items[whole].unwrap_err();
            prop_assert_eq!((err.offset, err.len), (whole * 16, tail));
        }
    }
}

#[test]
fn parse_rejects_other_lengths() {
    for len in [0usize, 1, 15, 17, 32] {
        let buf = vec![0u8; len];
        let err = SelRecord::parse(&buf).unwrap_err();
        assert_eq!(err.actual, len);
        assert_eq!(
            err.to_string(),
            format!("a SEL record is exactly 16 bytes, got {len} bytes")
        );
        assert!(SelRecordRef::new(&buf).is_err());
    }
    let mut short = [0u8; 15];
    assert!(SelRecord::from_bytes(&[0; 16]).emit(&mut short).is_err());
}

#[test]
fn truncated_record_message() {
    let dump = [0u8; 40];
    let err = records(&dump).last().unwrap().unwrap_err();
    assert_eq!(
        err.to_string(),
        "truncated SEL record at byte offset 32 (0x20): 8 of 16 bytes present"
    );
}
