//! FRU round trips: typed values → `FruImageBuilder::emit` → `FruImage::parse` gives the same
//! fields back; arbitrary and damaged bytes never panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::fru::*;
use proptest::prelude::*;

/// An owned field value, so proptest can generate it.
#[derive(Clone, Debug)]
enum Value {
    Text(String),
    Six(String),
    Bcd(String),
    Bin(Vec<u8>),
}

impl Value {
    fn borrow(&self) -> FieldValue<'_> {
        match self {
            Self::Text(s) => FieldValue::Text(s),
            Self::Six(s) => FieldValue::SixBitAscii(s),
            Self::Bcd(s) => FieldValue::BcdPlus(s),
            Self::Bin(b) => FieldValue::Binary(b),
        }
    }

    /// Checks that a parsed field holds this value.
    fn check(&self, f: Field<'_>, language: Language) {
        match self {
            Self::Text(s) => {
                let enc = if language.is_english() {
                    FieldEncoding::Latin1
                } else {
                    FieldEncoding::Ucs2Le
                };
                assert_eq!(f.encoding(), enc);
                assert_eq!(f.text().unwrap().collect::<String>(), *s);
            }
            Self::Six(s) => {
                assert_eq!(f.encoding(), FieldEncoding::SixBitAscii);
                let mut want = s.clone();
                if s.len() % 4 == 3 {
                    want.push(' ');
                }
                assert_eq!(f.text().unwrap().collect::<String>(), want);
            }
            Self::Bcd(s) => {
                assert_eq!(f.encoding(), FieldEncoding::BcdPlus);
                let mut want = s.clone();
                if s.len() % 2 == 1 {
                    want.push(' ');
                }
                assert_eq!(f.text().unwrap().collect::<String>(), want);
            }
            Self::Bin(b) => {
                assert_eq!(f.encoding(), FieldEncoding::Binary);
                assert_eq!(f.data(), &b[..]);
            }
        }
    }
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        // 8-bit / Unicode text: no one-character strings (C1h), at most 31 characters so the
        // 2-byte form fits as well.
        prop_oneof![
            Just(String::new()),
            proptest::collection::vec(0x20u32..=0xFF, 2..=31)
                .prop_map(|v| v.into_iter().filter_map(char::from_u32).collect()),
        ]
        .prop_map(Value::Text),
        proptest::collection::vec(0x20u8..=0x5F, 0..=84)
            .prop_map(|v| Value::Six(v.into_iter().map(char::from).collect())),
        proptest::collection::vec(prop::sample::select(b"0123456789 -.".to_vec()), 0..=126)
            .prop_map(|v| Value::Bcd(v.into_iter().map(char::from).collect())),
        proptest::collection::vec(any::<u8>(), 0..=63).prop_map(Value::Bin),
    ]
}

fn language() -> impl Strategy<Value = Language> {
    prop::sample::select(vec![Language(0), Language(25), Language(2), Language(136)])
}

#[derive(Clone, Debug)]
struct Areas {
    internal: Option<Vec<u8>>,
    chassis: Option<(u8, [Value; 2], Vec<Value>)>,
    board: Option<(Language, u32, [Value; 5], Vec<Value>)>,
    product: Option<(Language, [Value; 7], Vec<Value>)>,
    records: Vec<(u8, Vec<u8>)>,
}

fn custom() -> impl Strategy<Value = Vec<Value>> {
    proptest::collection::vec(value(), 0..=3)
}

fn record() -> impl Strategy<Value = (u8, Vec<u8>)> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 24).prop_map(|d| (0x00, d)),
        proptest::collection::vec(any::<u8>(), 13).prop_map(|d| (0x01, d)),
        proptest::collection::vec(any::<u8>(), 13).prop_map(|d| (0x02, d)),
        (
            0x03u8..=0xFF,
            proptest::collection::vec(any::<u8>(), 0..=40)
        ),
    ]
}

fn areas() -> impl Strategy<Value = Areas> {
    (
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..=20)),
        proptest::option::of((any::<u8>(), [value(), value()], custom())),
        proptest::option::of((
            language(),
            0u32..=0x00FF_FFFF,
            [value(), value(), value(), value(), value()],
            custom(),
        )),
        proptest::option::of((
            language(),
            [
                value(),
                value(),
                value(),
                value(),
                value(),
                value(),
                value(),
            ],
            custom(),
        )),
        proptest::collection::vec(record(), 0..=4),
    )
        .prop_map(|(internal, chassis, board, product, records)| Areas {
            internal,
            chassis,
            board,
            product,
            records,
        })
}

/// Typed records from generated data: typed layouts normalised by a parse.
fn typed(records: &[(u8, Vec<u8>)]) -> Vec<MultiRecordData<'_>> {
    records
        .iter()
        .map(|(t, d)| match t {
            0x00 => {
                MultiRecordData::PowerSupplyInformation(PowerSupplyInformation::parse(d).unwrap())
            }
            0x01 => MultiRecordData::DcOutput(DcOutput::parse(d).unwrap()),
            0x02 => MultiRecordData::DcLoad(DcLoad::parse(d).unwrap()),
            t => MultiRecordData::Raw {
                record_type: *t,
                data: d,
            },
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn build_then_parse_gives_the_same_fields(a in areas()) {
        let cc: Vec<FieldValue<'_>> = a.chassis.iter().flat_map(|c| c.2.iter().map(Value::borrow)).collect();
        let bc: Vec<FieldValue<'_>> = a.board.iter().flat_map(|b| b.3.iter().map(Value::borrow)).collect();
        let pc: Vec<FieldValue<'_>> = a.product.iter().flat_map(|p| p.2.iter().map(Value::borrow)).collect();
        let records = typed(&a.records);
        let builder = FruImageBuilder {
            internal_use: a.internal.as_deref(),
            chassis: a.chassis.as_ref().map(|(t, f, _)| ChassisInfo {
                chassis_type: ChassisType(*t),
                part_number: f[0].borrow(),
                serial_number: f[1].borrow(),
                custom: &cc,
            }),
            board: a.board.as_ref().map(|(lang, minutes, f, _)| BoardInfo {
                language: *lang,
                mfg_date_time: MfgDateTime::from_minutes(*minutes).unwrap(),
                manufacturer: f[0].borrow(),
                product_name: f[1].borrow(),
                serial_number: f[2].borrow(),
                part_number: f[3].borrow(),
                fru_file_id: f[4].borrow(),
                custom: &bc,
            }),
            product: a.product.as_ref().map(|(lang, f, _)| ProductInfo {
                language: *lang,
                manufacturer: f[0].borrow(),
                product_name: f[1].borrow(),
                part_number: f[2].borrow(),
                version: f[3].borrow(),
                serial_number: f[4].borrow(),
                asset_tag: f[5].borrow(),
                fru_file_id: f[6].borrow(),
                custom: &pc,
            }),
            multi_records: &records,
        };
        let len = builder.buffer_len().unwrap();
        let mut buf = vec![0xA5u8; len + 16];
        prop_assert_eq!(builder.emit(&mut buf).unwrap(), len);
        prop_assert!(buf[len..].iter().all(|&b| b == 0xA5));
        let image = FruImage::parse(&buf[..len]).unwrap();

        match (&a.internal, image.internal_use().unwrap()) {
            (None, None) => {}
            (Some(d), Some(iu)) => {
                prop_assert_eq!(&iu.data()[..d.len()], &d[..]);
                prop_assert!(iu.data()[d.len()..].iter().all(|&b| b == 0));
            }
            (x, y) => prop_assert!(false, "internal use {:?} vs {:?}", x, y),
        }
        match (&a.chassis, image.chassis().unwrap()) {
            (None, None) => {}
            (Some((t, f, custom)), Some(c)) => {
                prop_assert_eq!(c.chassis_type(), ChassisType(*t));
                f[0].check(c.part_number(), Language::ENGLISH);
                f[1].check(c.serial_number(), Language::ENGLISH);
                prop_assert_eq!(c.custom_fields().count(), custom.len());
                for (v, got) in custom.iter().zip(c.custom_fields()) {
                    v.check(got, Language::ENGLISH);
                }
                prop_assert!(c.padding().iter().all(|&b| b == 0));
            }
            (x, y) => prop_assert!(false, "chassis {:?} vs {:?}", x, y),
        }
        match (&a.board, image.board().unwrap()) {
            (None, None) => {}
            (Some((lang, minutes, f, custom)), Some(b)) => {
                prop_assert_eq!(b.language(), *lang);
                prop_assert_eq!(b.mfg_date_time().minutes(), *minutes);
                let got = [b.manufacturer(), b.product_name(), b.serial_number(), b.part_number(), b.fru_file_id()];
                for (v, g) in f.iter().zip(got) {
                    v.check(g, *lang);
                }
                prop_assert_eq!(b.custom_fields().count(), custom.len());
                for (v, g) in custom.iter().zip(b.custom_fields()) {
                    v.check(g, *lang);
                }
            }
            (x, y) => prop_assert!(false, "board {:?} vs {:?}", x, y),
        }
        match (&a.product, image.product().unwrap()) {
            (None, None) => {}
            (Some((lang, f, custom)), Some(p)) => {
                prop_assert_eq!(p.language(), *lang);
                let got = [p.manufacturer(), p.product_name(), p.part_number(), p.version(),
                    p.serial_number(), p.asset_tag(), p.fru_file_id()];
                for (v, g) in f.iter().zip(got) {
                    v.check(g, *lang);
                }
                prop_assert_eq!(p.custom_fields().count(), custom.len());
                for (v, g) in custom.iter().zip(p.custom_fields()) {
                    v.check(g, *lang);
                }
            }
            (x, y) => prop_assert!(false, "product {:?} vs {:?}", x, y),
        }
        let got: Vec<MultiRecordData<'_>> = image
            .multi_records()
            .into_iter()
            .flatten()
            .map(|r| r.unwrap().decode().unwrap())
            .collect();
        prop_assert_eq!(got, records.clone());

        // Every truncation is an error.
        // Every truncation is an error, except inside an internal use area that is the last
        // area: it has no length byte and ends with the image (§9).
        let internal_last = a.internal.is_some()
            && a.chassis.is_none()
            && a.board.is_none()
            && a.product.is_none()
            && a.records.is_empty();
        let detectable = if internal_last { COMMON_HEADER_LEN + 1 } else { len };
        for cut in 0..detectable {
            prop_assert!(FruImage::parse(&buf[..cut]).is_err(), "cut {}", cut);
        }
        // Any single changed byte is caught or, if the image still parses, printing works.
        let mut damaged = buf[..len].to_vec();
        for i in (0..len).step_by(7) {
            damaged[i] ^= 0x41;
            let _ = FruImage::parse(&damaged);
            if let Ok(img) = FruImage::new(&damaged) {
                let _ = IpmitoolFruPrint::new(img, true).to_string();
            }
            damaged[i] ^= 0x41;
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = FruImage::parse(&bytes);
        if let Ok(img) = FruImage::new(&bytes) {
            let _ = img.validate();
            let _ = IpmitoolFruPrint::new(img, true).to_string();
            for r in img.multi_records().into_iter().flatten().flatten() {
                let _ = r.decode();
            }
        }
        for off in [0usize, 3, 8] {
            if let Ok(a) = ChassisInfoArea::parse(&bytes, off) {
                for f in a.custom_fields() {
                    let _ = f.to_string();
                }
            }
            let _ = BoardInfoArea::parse(&bytes, off);
            let _ = ProductInfoArea::parse(&bytes, off);
            let _ = MultiRecords::new(&bytes, off).count();
        }
    }

    #[test]
    fn header_round_trip(i in any::<u8>(), c in any::<u8>(), b in any::<u8>(), p in any::<u8>(), m in any::<u8>()) {
        let repr = CommonHeaderRepr { internal_use: i, chassis: c, board: b, product: p, multi_record: m };
        let bytes = repr.to_bytes();
        let view = CommonHeader::new_checked(&bytes[..]).unwrap();
        prop_assert_eq!(view.to_repr(), repr);
        prop_assert_eq!(view.chassis_offset(), (c != 0).then(|| usize::from(c) * 8));
        prop_assert_eq!(zero_sum(&bytes), 0);
    }
}
