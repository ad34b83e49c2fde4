//! FRU information: byte vectors written from the FRU Information Storage Definition, every
//! error path, every truncated length, and exhaustive walks of the small encodings.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::fru::*;

/// A hand-assembled image: header; chassis area at 8 (type 17h, part number "CPN01" 8-bit,
/// serial "IPMI" 6-bit); board area at 24 (language 25, date 0B5F3Ah minutes, "ACME",
/// "Board", serial BCD "1234", part number binary DE AD, empty FRU file ID); multirecord area
/// at 56 with one DC Output record (end of list).
const IMAGE: [u8; 74] = [
    0x01, 0x00, 0x01, 0x03, 0x00, 0x07, 0x00, 0xF4, // common header
    0x01, 0x02, 0x17, 0xC5, 0x43, 0x50, 0x4E, 0x30, // chassis
    0x31, 0x83, 0x29, 0xDC, 0xA6, 0xC1, 0x00, 0xF0, //
    0x01, 0x04, 0x19, 0x3A, 0x5F, 0x0B, 0xC4, 0x41, // board
    0x43, 0x4D, 0x45, 0xC5, 0x42, 0x6F, 0x61, 0x72, //
    0x64, 0x42, 0x12, 0x34, 0x02, 0xDE, 0xAD, 0xC0, //
    0xC1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, //
    0x01, 0x82, 0x0D, 0xF1, 0x7F, // DC output record header
    0x81, 0xB0, 0x04, 0xC4, 0xFF, 0x3C, 0x00, 0x78, 0x00, 0xF4, 0x01, 0x20, 0x4E,
];

const DC: DcOutput = DcOutput {
    output_number: 1,
    standby: true,
    nominal_voltage: 1200,
    max_negative_deviation: -60,
    max_positive_deviation: 60,
    ripple_and_noise: 120,
    min_current_draw: 500,
    max_current_draw: 20000,
};

fn builder_for_image<'a>(records: &'a [MultiRecordData<'a>]) -> FruImageBuilder<'a> {
    FruImageBuilder {
        chassis: Some(ChassisInfo {
            chassis_type: ChassisType::RACK_MOUNT,
            part_number: FieldValue::Text("CPN01"),
            serial_number: FieldValue::SixBitAscii("IPMI"),
            custom: &[],
        }),
        board: Some(BoardInfo {
            language: Language::ENGLISH,
            mfg_date_time: MfgDateTime::from_minutes(0x0B_5F3A).unwrap(),
            manufacturer: FieldValue::Text("ACME"),
            product_name: FieldValue::Text("Board"),
            serial_number: FieldValue::BcdPlus("1234"),
            part_number: FieldValue::Binary(&[0xDE, 0xAD]),
            fru_file_id: FieldValue::Text(""),
            custom: &[],
        }),
        multi_records: records,
        ..FruImageBuilder::default()
    }
}

#[test]
fn parse_hand_vector() {
    let image = FruImage::parse(&IMAGE).unwrap();
    let h = image.header();
    assert_eq!(
        (
            h.internal_use,
            h.chassis,
            h.board,
            h.product,
            h.multi_record
        ),
        (0, 1, 3, 0, 7)
    );
    assert!(image.internal_use().unwrap().is_none());
    assert!(image.product().unwrap().is_none());

    let c = image.chassis().unwrap().unwrap();
    assert_eq!(c.offset(), 8);
    assert_eq!(c.as_bytes().len(), 16);
    assert_eq!(c.chassis_type(), ChassisType(0x17));
    assert_eq!(c.chassis_type().name(), Some("Rack Mount Chassis"));
    assert_eq!(c.part_number().encoding(), FieldEncoding::Latin1);
    assert_eq!(c.part_number().to_string(), "CPN01");
    assert_eq!(c.serial_number().encoding(), FieldEncoding::SixBitAscii);
    assert_eq!(c.serial_number().text().unwrap().to_string(), "IPMI");
    assert_eq!(c.custom_fields().count(), 0);
    assert_eq!(c.padding(), &[0x00]);
    assert_eq!(c.checksum(), 0xF0);

    let b = image.board().unwrap().unwrap();
    assert_eq!(b.language(), Language(25));
    assert_eq!(b.mfg_date_time().minutes(), 745_274);
    assert_eq!(b.mfg_date_time().unix_seconds(), Some(865_170_840));
    assert_eq!(b.mfg_date_time().to_string(), "1997-06-01 13:14 UTC");
    assert_eq!(
        b.mfg_date_time().ipmitool().to_string(),
        "Sun Jun  1 13:14:00 1997 UTC"
    );
    assert_eq!(b.manufacturer().to_string(), "ACME");
    assert_eq!(b.product_name().to_string(), "Board");
    assert_eq!(b.serial_number().encoding(), FieldEncoding::BcdPlus);
    assert_eq!(b.serial_number().text().unwrap().to_string(), "1234");
    assert_eq!(b.part_number().encoding(), FieldEncoding::Binary);
    assert_eq!(b.part_number().data(), &[0xDE, 0xAD]);
    assert_eq!(b.part_number().to_string(), "dead");
    assert_eq!(b.part_number().text().err(), Some(TextError::Binary));
    assert!(b.fru_file_id().is_empty());
    assert_eq!(b.fru_file_id().type_length(), TypeLength(0xC0));
    assert_eq!(b.padding().len(), 6);

    let mut records = image.multi_records().unwrap();
    let r = records.next().unwrap().unwrap();
    assert_eq!(r.offset(), 56);
    assert_eq!(r.record_type(), RecordType::DcOutput);
    assert!(r.end_of_list());
    assert_eq!(r.format_version(), 2);
    assert_eq!(r.decode().unwrap(), MultiRecordData::DcOutput(DC));
    assert!(records.next().is_none());
}

#[test]
fn build_hand_vector() {
    let records = [MultiRecordData::DcOutput(DC)];
    let builder = builder_for_image(&records);
    assert_eq!(builder.buffer_len().unwrap(), IMAGE.len());
    let mut buf = [0xA5u8; 100];
    let n = builder.emit(&mut buf).unwrap();
    assert_eq!(&buf[..n], &IMAGE[..]);
    assert!(
        buf[n..].iter().all(|&b| b == 0xA5),
        "bytes past the image untouched"
    );
    // Exactly `buffer_len` bytes are enough; one fewer is not.
    let mut exact = [0u8; 74];
    assert_eq!(builder.emit(&mut exact).unwrap(), 74);
    assert_eq!(
        builder.emit(&mut [0u8; 73]),
        Err(BuildError::BufferTooSmall {
            needed: 74,
            available: 73
        })
    );
}

#[test]
fn every_truncated_length_is_an_error() {
    let mut checked = 0;
    for len in 0..IMAGE.len() {
        assert!(FruImage::parse(&IMAGE[..len]).is_err(), "length {len}");
        checked += 1;
    }
    // A bigger image with every kind of area.
    let records = [
        MultiRecordData::PowerSupplyInformation(PowerSupplyInformation::default()),
        MultiRecordData::DcLoad(DcLoad::default()),
        MultiRecordData::Raw {
            record_type: 0xD0,
            data: &[1, 2, 3],
        },
    ];
    let custom = [FieldValue::Text("x1"), FieldValue::Binary(&[9])];
    let builder = FruImageBuilder {
        internal_use: Some(&[1, 2, 3]),
        chassis: Some(ChassisInfo {
            custom: &custom,
            ..ChassisInfo::default()
        }),
        board: Some(BoardInfo {
            custom: &custom,
            ..BoardInfo::default()
        }),
        product: Some(ProductInfo {
            product_name: FieldValue::Text("name"),
            custom: &custom,
            ..ProductInfo::default()
        }),
        multi_records: &records,
    };
    let mut buf = [0u8; 512];
    let n = builder.emit(&mut buf).unwrap();
    FruImage::parse(&buf[..n]).unwrap();
    for len in 0..n {
        assert!(FruImage::parse(&buf[..len]).is_err(), "length {len}");
        checked += 1;
    }
    assert_eq!(checked, 74 + n);
}

#[test]
fn bad_checksums_name_the_area() {
    let cases: [(usize, Area); 3] = [
        (7, Area::CommonHeader),
        (23, Area::Chassis),
        (55, Area::Board),
    ];
    for (at, area) in cases {
        let mut img = IMAGE;
        img[at] = img[at].wrapping_add(0x10);
        let err = FruImage::parse(&img).unwrap_err();
        match err {
            FruError::BadChecksum { area: a, sum, .. } => {
                assert_eq!(a, area);
                assert_eq!(sum, 0x10);
            }
            e => panic!("{e:?}"),
        }
        assert!(err.to_string().contains(area.name()), "{err}");
    }
    // A data byte of an area, not only its checksum byte.
    let mut img = IMAGE;
    img[12] = img[12].wrapping_add(1);
    assert_eq!(
        FruImage::parse(&img),
        Err(FruError::BadChecksum {
            area: Area::Chassis,
            offset: 8,
            sum: 1
        })
    );
    // The multirecord header checksum, and the record checksum.
    let mut img = IMAGE;
    img[60] = img[60].wrapping_add(1);
    assert_eq!(
        FruImage::parse(&img),
        Err(FruError::BadRecordHeaderChecksum { offset: 56, sum: 1 })
    );
    let mut img = IMAGE;
    img[70] = img[70].wrapping_add(1);
    assert_eq!(
        FruImage::parse(&img),
        Err(FruError::BadChecksum {
            area: Area::MultiRecord,
            offset: 61,
            sum: 1
        })
    );
    // FruImage::new checks only the header: the other areas still read.
    let mut img = IMAGE;
    img[23] = img[23].wrapping_add(1);
    let image = FruImage::new(&img).unwrap();
    assert!(image.chassis().is_err());
    assert!(image.board().unwrap().is_some());
}

#[test]
fn structural_errors() {
    // Header version.
    let mut img = IMAGE;
    img[0] = 0x02;
    img[7] = img[7].wrapping_sub(1);
    assert_eq!(
        FruImage::new(&img),
        Err(FruError::UnsupportedVersion {
            area: Area::CommonHeader,
            offset: 0,
            version: 2
        })
    );
    // Area version (checksum kept right).
    let mut img = IMAGE;
    img[8] = 0x02;
    img[23] = img[23].wrapping_sub(1);
    assert_eq!(
        FruImage::parse(&img),
        Err(FruError::UnsupportedVersion {
            area: Area::Chassis,
            offset: 8,
            version: 2
        })
    );
    // Zero area length.
    let mut img = IMAGE;
    img[9] = 0;
    assert_eq!(
        FruImage::parse(&img),
        Err(FruError::ZeroLength {
            area: Area::Chassis,
            offset: 8
        })
    );
    // End marker where the serial number should be.
    let mut area = [0x01, 0x01, 0x17, 0xC0, 0xC1, 0x00, 0x00, 0x00];
    area[7] = zero_checksum(&area);
    assert_eq!(
        ChassisInfoArea::parse(&area, 0),
        Err(FruError::MissingField {
            area: Area::Chassis,
            field: "Chassis Serial Number"
        })
    );
    // No end marker.
    let mut area = [0x01, 0x01, 0x17, 0xC0, 0xC0, 0xC0, 0x00, 0x00];
    area[7] = zero_checksum(&area);
    assert_eq!(
        ChassisInfoArea::parse(&area, 0),
        Err(FruError::MissingEndMarker {
            area: Area::Chassis,
            offset: 0
        })
    );
    // A field running into the checksum byte.
    let mut area = [0x01, 0x01, 0x17, 0xC0, 0xC3, b'a', b'b', 0x00];
    area[7] = zero_checksum(&area);
    assert_eq!(
        ChassisInfoArea::parse(&area, 0),
        Err(FruError::FieldOverrun {
            area: Area::Chassis,
            offset: 4
        })
    );
    // Area beyond the image.
    let mut img = IMAGE;
    img[3] = 0x20;
    img[7] = img[7].wrapping_sub(0x1D);
    assert!(matches!(
        FruImage::new(&img).unwrap().board(),
        Err(FruError::Truncated {
            area: Area::Board,
            offset: 256,
            ..
        })
    ));
    // Typed record with the wrong length or version.
    let r = [0x00, 0x82, 0x01, 0xFF, 0x7E, 0x01];
    let rec = MultiRecord::parse(&r, 0).unwrap();
    assert_eq!(
        rec.decode(),
        Err(FruError::RecordLength {
            record_type: 0,
            expected: 24,
            actual: 1
        })
    );
    let r = [0x01, 0x83, 0x00, 0x00, 0x7C];
    let rec = MultiRecord::parse(&r, 0).unwrap();
    assert!(matches!(
        rec.decode(),
        Err(FruError::UnsupportedVersion {
            area: Area::MultiRecord,
            ..
        })
    ));
    // Every error has a message.
    for e in [
        FruError::ZeroLength {
            area: Area::Board,
            offset: 8,
        },
        FruError::MissingEndMarker {
            area: Area::Product,
            offset: 8,
        },
    ] {
        assert!(!e.to_string().is_empty());
        let _: &dyn core::error::Error = &e;
    }
}

#[test]
fn internal_use_area_runs_to_the_next_area() {
    let builder = FruImageBuilder {
        internal_use: Some(&[0xAA; 10]),
        product: Some(ProductInfo::default()),
        ..FruImageBuilder::default()
    };
    let mut buf = [0u8; 64];
    let n = builder.emit(&mut buf).unwrap();
    let image = FruImage::parse(&buf[..n]).unwrap();
    let iu = image.internal_use().unwrap().unwrap();
    assert_eq!(iu.offset(), 8);
    assert_eq!(iu.format_version(), 1);
    assert_eq!(iu.as_bytes().len(), 16);
    assert_eq!(&iu.data()[..10], &[0xAA; 10]);
    assert!(iu.data()[10..].iter().all(|&b| b == 0));
    assert_eq!(image.header().product, 3);
}

#[test]
fn field_vectors() {
    // §13.2's example: "IPMI" in 6-bit ASCII is 29h DCh A6h.
    let mut buf = [0u8; 70];
    let n = FieldValue::SixBitAscii("IPMI")
        .encode(Language::ENGLISH, &mut buf)
        .unwrap();
    assert_eq!(&buf[..n], &[0x83, 0x29, 0xDC, 0xA6]);
    // Three characters take three bytes and read back with a trailing space.
    let n = FieldValue::SixBitAscii("ABC")
        .encode(Language::ENGLISH, &mut buf)
        .unwrap();
    let (f, used) = Field::parse(&buf[..n], Language::ENGLISH).unwrap();
    assert_eq!(used, 4);
    assert_eq!(f.to_string(), "ABC ");
    // Five characters take four bytes (30 bits) and read back as five.
    let n = FieldValue::SixBitAscii("HELLO")
        .encode(Language::ENGLISH, &mut buf)
        .unwrap();
    assert_eq!(n, 5);
    assert_eq!(
        Field::parse(&buf[..n], Language::ENGLISH)
            .unwrap()
            .0
            .to_string(),
        "HELLO"
    );
    // BCD plus: digits, space, dash, period; reserved digits are an error in text().
    let (f, _) = Field::parse(&[0x43, 0x01, 0xAB, 0xC9], Language::ENGLISH).unwrap();
    assert_eq!(f.text().unwrap().to_string(), "01 -.9");
    let (f, _) = Field::parse(&[0x41, 0x1D], Language::ENGLISH).unwrap();
    assert_eq!(
        f.text().err(),
        Some(TextError::ReservedBcdDigit {
            index: 0,
            digit: 0xD
        })
    );
    assert_eq!(f.to_string(), "1\u{FFFD}");
    // 2-byte Unicode in a non-English area (language 2, Afar).
    let (f, _) = Field::parse(&[0xC4, 0x41, 0x00, 0xAC, 0x20], Language(2)).unwrap();
    assert_eq!(f.encoding(), FieldEncoding::Ucs2Le);
    assert_eq!(f.text().unwrap().to_string(), "A€");
    let (f, _) = Field::parse(&[0xC3, 0x41, 0x00, 0x42], Language(2)).unwrap();
    assert_eq!(f.text().err(), Some(TextError::OddUnicodeLength));
    let (f, _) = Field::parse(&[0xC2, 0x00, 0xD8], Language(2)).unwrap();
    assert_eq!(
        f.text().err(),
        Some(TextError::InvalidUnicode {
            index: 0,
            unit: 0xD800
        })
    );
    let n = FieldValue::Text("A€")
        .encode(Language(2), &mut buf)
        .unwrap();
    assert_eq!(&buf[..n], &[0xC4, 0x41, 0x00, 0xAC, 0x20]);
    // 8-bit Latin 1.
    let n = FieldValue::Text("Größe")
        .encode(Language::ENGLISH, &mut buf)
        .unwrap();
    assert_eq!(&buf[..n], &[0xC5, b'G', b'r', 0xF6, 0xDF, b'e']);
    assert_eq!(
        Field::parse(&buf[..n], Language(0)).unwrap().0.to_string(),
        "Größe"
    );
    // Encoding errors.
    let e = |v: FieldValue<'_>| v.encode(Language::ENGLISH, &mut [0u8; 80]).unwrap_err();
    assert_eq!(e(FieldValue::Text("x")), EncodeError::SingleByteText);
    assert_eq!(
        e(FieldValue::Text("a€")),
        EncodeError::Unencodable { ch: '€' }
    );
    assert_eq!(
        e(FieldValue::SixBitAscii("abc")),
        EncodeError::Unencodable { ch: 'a' }
    );
    assert_eq!(
        e(FieldValue::BcdPlus("12a")),
        EncodeError::Unencodable { ch: 'a' }
    );
    assert_eq!(
        e(FieldValue::Binary(&[0; 64])),
        EncodeError::TooLong { len: 64 }
    );
    assert_eq!(
        FieldValue::Text("ab").encode(Language::ENGLISH, &mut [0u8; 2]),
        Err(EncodeError::BufferTooSmall {
            needed: 3,
            available: 2
        })
    );
    // The builder names the field.
    let builder = FruImageBuilder {
        board: Some(BoardInfo {
            product_name: FieldValue::Text("x"),
            ..BoardInfo::default()
        }),
        ..FruImageBuilder::default()
    };
    assert_eq!(
        builder.emit(&mut [0u8; 64]),
        Err(BuildError::Field {
            area: Area::Board,
            field: "Board Product Name",
            error: EncodeError::SingleByteText
        })
    );
    // A data byte past the slice.
    assert!(Field::parse(&[0xC3, 1, 2], Language::ENGLISH).is_none());
    assert!(Field::parse(&[], Language::ENGLISH).is_none());
}

#[test]
fn power_supply_vector() {
    // Table 18-1 laid out by hand: 800 W, peak VA FFFFh, 40 A inrush for 5 ms, 90-264 V,
    // 47-63 Hz, 20 ms dropout, hot swap + autoswitch, 880 W peak with 1 s hold-up,
    // 12 V + 5 V combined 500 W, threshold 0.
    let data = [
        0x20, 0x03, 0xFF, 0xFF, 40, 5, 0x28, 0x23, 0x20, 0x67, 0, 0, 0, 0, 47, 63, 20, 0x0C, 0x70,
        0x13, 0x02, 0xF4, 0x01, 0,
    ];
    let p = PowerSupplyInformation::parse(&data).unwrap();
    assert_eq!(p.overall_capacity, 800);
    assert_eq!(p.peak_va, 0xFFFF);
    assert_eq!(
        (p.low_input_voltage_1, p.high_input_voltage_1),
        (9000, 26400)
    );
    assert!(
        p.flags
            .contains(PowerSupplyFlags::HOT_SWAP | PowerSupplyFlags::AUTOSWITCH)
    );
    assert!(!p.flags.contains(PowerSupplyFlags::PREDICTIVE_FAIL_SUPPORT));
    assert_eq!((p.peak_wattage, p.hold_up_time), (880, 1));
    assert_eq!((p.combined_voltage_1, p.combined_voltage_2), (0, 2));
    assert_eq!(p.total_combined_wattage, 500);
    assert_eq!(p.to_bytes().unwrap(), data);
    let too_big = PowerSupplyInformation {
        peak_wattage: 0x1000,
        ..p
    };
    assert_eq!(
        too_big.to_bytes(),
        Err(BuildError::FieldRange {
            field: "Peak wattage",
            value: 0x1000,
            max: 0xFFF
        })
    );
    // DC load, emitted as a whole record.
    let load = DcLoad {
        output_number: 3,
        nominal_voltage: -1200,
        min_voltage: -1260,
        max_voltage: -1140,
        ripple_and_noise: 100,
        min_current_load: 0,
        max_current_load: 1500,
    };
    let mut buf = [0u8; 18];
    let n = MultiRecordData::DcLoad(load).emit(false, &mut buf).unwrap();
    assert_eq!(n, 18);
    assert_eq!(
        &buf[..5],
        &[0x02, 0x02, 0x0D, zero_checksum(&buf[5..]), buf[4]]
    );
    assert_eq!(zero_sum(&buf[..5]), 0);
    let rec = MultiRecord::parse(&buf, 0).unwrap();
    assert!(!rec.end_of_list());
    assert_eq!(rec.decode().unwrap(), MultiRecordData::DcLoad(load));
}

#[test]
fn record_type_walk() {
    let mut named = 0;
    for code in 0..=255u8 {
        let t = RecordType::from_u8(code);
        assert_eq!(t.to_u8(), code);
        match t {
            RecordType::Oem(c) => assert!(c >= 0xC0 && c == code),
            RecordType::Reserved(c) => assert!((0x0B..0xC0).contains(&c) && c == code),
            _ => named += 1,
        }
        assert!(!t.to_string().is_empty());
    }
    assert_eq!(named, 11);
}

#[test]
fn type_length_walk() {
    // Every type/length byte: code, length, the end marker, and the field it reads.
    let data = [0x5Au8; 64];
    let mut ends = 0;
    for tl in 0..=255u8 {
        let t = TypeLength(tl);
        assert_eq!(t.len(), usize::from(tl & 0x3F));
        assert_eq!(TypeLength::new(t.type_code(), t.len()), Some(t));
        ends += usize::from(t.is_end_of_fields());
        let mut bytes = [0u8; 64];
        bytes[0] = tl;
        bytes[1..].copy_from_slice(&data[..63]);
        for lang in [Language(0), Language(25), Language(2)] {
            let (f, used) = Field::parse(&bytes, lang).unwrap();
            assert_eq!(used, 1 + t.len());
            let n = f.chars().count();
            assert_eq!(f.chars().len(), n);
            assert_eq!(f.to_string().chars().count(), n);
        }
    }
    assert_eq!(ends, 1);
}

#[test]
fn six_bit_walk_every_three_byte_group() {
    // All 2^24 groups: decode to four characters, encode back to the same bytes.
    let mut out = [0u8; 4];
    let mut text = [0u8; 4];
    let mut count = 0u32;
    for v in 0..(1u32 << 24) {
        let [a, b, c, _] = v.to_le_bytes();
        let bytes = [0x83, a, b, c];
        let (f, _) = Field::parse(&bytes, Language::ENGLISH).unwrap();
        for (slot, ch) in text.iter_mut().zip(f.chars()) {
            *slot = ch as u8;
        }
        let s = core::str::from_utf8(&text).unwrap();
        let n = FieldValue::SixBitAscii(s)
            .encode(Language::ENGLISH, &mut out)
            .unwrap();
        assert_eq!(&out[..n], &bytes);
        count += 1;
    }
    assert_eq!(count, 1 << 24);
}

#[test]
fn bcd_walk_every_byte() {
    let mut valid = 0;
    for b in 0..=255u8 {
        let bytes = [0x41, b];
        let (f, _) = Field::parse(&bytes, Language::ENGLISH).unwrap();
        match f.text() {
            Ok(t) => {
                valid += 1;
                let s: String = t.collect();
                let mut out = [0u8; 2];
                FieldValue::BcdPlus(&s)
                    .encode(Language::ENGLISH, &mut out)
                    .unwrap();
                assert_eq!(out, [0x41, b]);
            }
            Err(TextError::ReservedBcdDigit { .. }) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(valid, 13 * 13);
}

#[test]
fn mfg_date_walk_every_day() {
    // Every day the 24-bit field reaches, against a day-by-day calendar walk.
    let (mut y, mut m, mut d, mut wd) = (1996u16, 1u8, 1u8, 1u8); // 1996-01-01 was a Monday
    let leap = |y: u16| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mut days = 0;
    for day in 0..=(0x00FF_FFFF / 1440) {
        for minute in [1u32, 59, 60 * 13 + 14, 1439] {
            let Some(t) = MfgDateTime::from_minutes(day * 1440 + minute) else {
                continue;
            };
            let c = t.civil().unwrap();
            assert_eq!(
                (c.year, c.month, c.day, c.weekday, c.hour, c.minute),
                (y, m, d, wd, (minute / 60) as u8, (minute % 60) as u8)
            );
            assert_eq!(
                MfgDateTime::from_unix_seconds(t.unix_seconds().unwrap()),
                Some(t)
            );
        }
        days += 1;
        let len = match m {
            2 if leap(y) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        wd = (wd + 1) % 7;
        d += 1;
        if d > len {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    assert_eq!(days, 11_651);
    assert_eq!(MfgDateTime::MAX.to_string(), "2027-11-24 20:15 UTC");
    assert_eq!(MfgDateTime::from_minutes(0x0100_0000), None);
    assert_eq!(MfgDateTime::from_unix_seconds(820_454_400 - 60), None);
    assert_eq!(MfgDateTime::from_unix_seconds(820_454_401), None);
    assert_eq!(MfgDateTime::UNSPECIFIED.unix_seconds(), None);
    assert_eq!(MfgDateTime::UNSPECIFIED.to_string(), "unspecified");
}

#[test]
fn chassis_type_names() {
    assert_eq!(ChassisType(0).name(), None);
    assert_eq!(ChassisType(0).ipmitool_name(), "Unspecified");
    assert_eq!(ChassisType(0x17).ipmitool_name(), "Rack Mount Chassis");
    assert_eq!(ChassisType(0x1D).ipmitool_name(), "Blade Enclosure");
    assert_eq!(ChassisType(0x1E).ipmitool_name(), "Unknown");
    assert_eq!(ChassisType(0x1E).name(), Some("Tablet"));
    assert_eq!(ChassisType(0x24).name(), Some("Stick PC"));
    assert_eq!(ChassisType(0x25).name(), None);
    assert_eq!(ChassisType(0x25).to_string(), "chassis type 25h");
    let named = (0..=255u8)
        .filter(|&c| ChassisType(c).name().is_some())
        .count();
    assert_eq!(named, 0x24);
}

#[test]
fn builder_limits() {
    // An area longer than 2040 bytes.
    let many = [FieldValue::Binary(&[0u8; 63]); 33];
    let b = FruImageBuilder {
        product: Some(ProductInfo {
            custom: &many,
            ..ProductInfo::default()
        }),
        ..FruImageBuilder::default()
    };
    assert!(matches!(
        b.buffer_len(),
        Err(BuildError::AreaTooLong {
            area: Area::Product,
            ..
        })
    ));
    // A record longer than 255 bytes.
    let data = [0u8; 256];
    let recs = [MultiRecordData::Raw {
        record_type: 0xC5,
        data: &data,
    }];
    let b = FruImageBuilder {
        multi_records: &recs,
        ..FruImageBuilder::default()
    };
    assert_eq!(
        b.buffer_len(),
        Err(BuildError::RecordTooLong {
            record_type: 0xC5,
            len: 256
        })
    );
    // An empty builder is a bare header.
    let mut buf = [0u8; 8];
    assert_eq!(FruImageBuilder::default().emit(&mut buf), Ok(8));
    assert_eq!(buf, [1, 0, 0, 0, 0, 0, 0, 0xFF]);
}
