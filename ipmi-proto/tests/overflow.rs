//! Arithmetic-overflow audit guards for the FRU and SDR modules: the extreme public inputs
//! behind each `arithmetic_side_effects` / `cast_possible_truncation` site that was judged
//! bounded. Every call must return a value or a typed error, never panic (tests run with
//! overflow checks on).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use ipmi_proto::fru::{
    BoardInfoArea, BuildError, ChassisInfo, ChassisInfoArea, ChassisType, EncodeError, Field,
    FieldValue, FruImageBuilder, Language, MAX_FIELD_LEN, MfgDateTime, MultiRecord,
    MultiRecordData, MultiRecords, ProductInfoArea, TypeCode, TypeLength,
};
use ipmi_proto::sdr::{
    FruDeviceLocatorRecord, FullSensorRecord, IdString, OemRecord, SdrError, SdrHeader,
};

/// area.rs `from_unix_seconds`: `minutes - UNIX_MINUTES_1996` and the `as u32` cast.
#[test]
fn mfg_date_time_extremes() {
    let max_whole_minute = u64::MAX - u64::MAX % 60;
    assert_eq!(MfgDateTime::from_unix_seconds(max_whole_minute), None);
    assert_eq!(MfgDateTime::from_unix_seconds(0), None);
    let max_secs = MfgDateTime::MAX.unix_seconds().unwrap();
    assert_eq!(
        MfgDateTime::from_unix_seconds(max_secs),
        Some(MfgDateTime::MAX)
    );
    assert_eq!(MfgDateTime::from_unix_seconds(max_secs + 60), None);
    // A value that would wrap to a valid minute count if truncated to u32.
    let wrap = (u64::from(u32::MAX) + 1 + 820_454_400 / 60 + 1) * 60;
    assert_eq!(MfgDateTime::from_unix_seconds(wrap), None);
    // Civil conversion at both ends of the 24-bit range.
    assert_eq!(MfgDateTime::MAX.to_string(), "2027-11-24 20:15 UTC");
    let first = MfgDateTime::from_minutes(1).unwrap();
    assert_eq!(first.to_string(), "1996-01-01 00:01 UTC");
    assert_eq!(MfgDateTime::from_minutes(0x0100_0000), None);
}

/// area.rs `offset + 3` / `offset + 6`; multirecord.rs `offset + RECORD_HEADER_LEN`.
#[test]
fn area_offsets_near_usize_max() {
    let image = [0x01, 0x01, 0, 0, 0, 0, 0, 0xFE];
    for offset in [usize::MAX, usize::MAX - 1, usize::MAX - 7, image.len()] {
        assert!(ChassisInfoArea::parse(&image, offset).is_err());
        assert!(BoardInfoArea::parse(&image, offset).is_err());
        assert!(ProductInfoArea::parse(&image, offset).is_err());
        assert!(MultiRecord::parse(&image, offset).is_err());
        let mut records = MultiRecords::new(&image, offset);
        assert!(records.next().unwrap().is_err());
        assert!(records.next().is_none());
    }
}

/// multirecord.rs: a record whose length runs past the image, and a chain of records near
/// the end of the image.
#[test]
fn multirecord_lengths() {
    // Type C0h, not end of list, length FFh, only 5 header bytes present.
    let mut header = [0xC0, 0x02, 0xFF, 0x00, 0x00];
    header[4] = ipmi_proto::fru::zero_checksum(&header[..4]);
    assert!(MultiRecord::parse(&header, 0).is_err());
    let records: Vec<_> = MultiRecords::new(&header, 0).collect();
    assert_eq!(records.len(), 1);
    assert!(records[0].is_err());
}

/// field.rs: `TypeLength::new` length cast, `Field::parse` `1 + len`, `char_count`,
/// `FieldChars` indices at the largest field.
#[test]
fn field_extremes() {
    assert_eq!(TypeLength::new(TypeCode::Binary, usize::MAX), None);
    assert_eq!(TypeLength::new(TypeCode::Binary, MAX_FIELD_LEN + 1), None);
    assert_eq!(
        TypeLength::new(TypeCode::LanguageText, MAX_FIELD_LEN),
        Some(TypeLength(0xFF))
    );
    for tl in [0x3F, 0x7F, 0xBF, 0xFF] {
        let mut bytes = [0xFFu8; 64];
        bytes[0] = tl;
        for language in [Language::ENGLISH, Language(0x02)] {
            let (field, used) = Field::parse(&bytes, language).unwrap();
            assert_eq!(used, 64);
            let expected = match tl >> 6 {
                0 | 1 => 126,
                2 => 84,
                _ if language == Language::ENGLISH => 63,
                _ => 32,
            };
            assert_eq!(field.chars().count(), expected);
            assert_eq!(field.chars().len(), expected);
            assert!(field.to_string().chars().count() == expected);
        }
        // One byte short of the stated length.
        assert!(Field::parse(&bytes[..63], Language::ENGLISH).is_none());
    }
}

/// field.rs `encode`: `len + 1`, the 6-bit `i * 6` and BCD digit casts at and past 63 bytes.
#[test]
fn field_encode_extremes() {
    let mut out = [0u8; 128];
    let six = "Z".repeat(84); // 84 * 6 / 8 = 63 bytes
    assert_eq!(
        FieldValue::SixBitAscii(&six).encode(Language::ENGLISH, &mut out),
        Ok(64)
    );
    let six = "Z".repeat(85);
    assert_eq!(
        FieldValue::SixBitAscii(&six).encode(Language::ENGLISH, &mut out),
        Err(EncodeError::TooLong { len: 64 })
    );
    let bcd = "9".repeat(126);
    assert_eq!(
        FieldValue::BcdPlus(&bcd).encode(Language::ENGLISH, &mut out),
        Ok(64)
    );
    let long = "x".repeat(100_000);
    for value in [
        FieldValue::Text(&long),
        FieldValue::SixBitAscii(&long),
        FieldValue::BcdPlus(&long),
        FieldValue::Binary(long.as_bytes()),
    ] {
        for language in [Language::ENGLISH, Language(0x02)] {
            assert!(matches!(
                value.encode(language, &mut out),
                Err(EncodeError::TooLong { .. })
            ));
        }
    }
    // Output one byte short: an error, nothing panics.
    let text = "A".repeat(MAX_FIELD_LEN);
    assert!(matches!(
        FieldValue::Text(&text).encode(Language::ENGLISH, &mut out[..MAX_FIELD_LEN]),
        Err(EncodeError::BufferTooSmall { .. })
    ));
}

/// build.rs: `1 + d.len()` of the internal use area, record and area length sums.
#[test]
fn builder_extremes() {
    let big = vec![0u8; 1 << 20];
    let builder = FruImageBuilder {
        internal_use: Some(&big),
        chassis: Some(ChassisInfo {
            chassis_type: ChassisType(0x17),
            part_number: FieldValue::Text("P"),
            serial_number: FieldValue::Text("S"),
            custom: &[],
        }),
        ..FruImageBuilder::default()
    };
    assert!(matches!(
        builder.buffer_len(),
        Err(BuildError::AreaTooLong { .. })
    ));
    let mut out = [0u8; 64];
    assert!(builder.emit(&mut out).is_err());

    let raw = [MultiRecordData::Raw {
        record_type: 0xC0,
        data: &big,
    }];
    let builder = FruImageBuilder {
        multi_records: &raw,
        ..FruImageBuilder::default()
    };
    assert!(matches!(
        builder.buffer_len(),
        Err(BuildError::RecordTooLong { .. })
    ));
    assert!(raw[0].emit(true, &mut out).is_err());

    // Many custom fields: the area length sum saturates into AreaTooLong.
    let custom = vec![FieldValue::Binary(&[0u8; 63]); 10_000];
    let builder = FruImageBuilder {
        chassis: Some(ChassisInfo {
            chassis_type: ChassisType(0x17),
            part_number: FieldValue::Text("P"),
            serial_number: FieldValue::Text("S"),
            custom: &custom,
        }),
        ..FruImageBuilder::default()
    };
    assert!(matches!(
        builder.buffer_len(),
        Err(BuildError::AreaTooLong { .. })
    ));
}

/// id_string.rs: the 6-bit and BCD encoders' counters and `put`'s `i + 1`, `from_parts` and
/// `encoded_len` on long data, Display of the longest strings.
#[test]
fn id_string_extremes() {
    let long = "Z".repeat(100_000);
    let mut small = [0u8; 4];
    assert!(matches!(
        IdString::encode_packed_ascii6(&long, &mut small),
        Err(SdrError::BufferTooSmall { needed: 5, got: 4 })
    ));
    let mut big = vec![0u8; 100_000];
    assert!(matches!(
        IdString::encode_packed_ascii6(&long, &mut big),
        Err(SdrError::FieldOutOfRange { .. })
    ));
    let digits = "9".repeat(100_000);
    let mut big = vec![0u8; 100_000];
    assert!(matches!(
        IdString::encode_bcd_plus(&digits, &mut big),
        Err(SdrError::FieldOutOfRange { .. })
    ));
    let mut empty: [u8; 0] = [];
    assert!(matches!(
        IdString::encode_bcd_plus("1", &mut empty),
        Err(SdrError::BufferTooSmall { needed: 1, got: 0 })
    ));

    let data = vec![0xFFu8; 1 << 20];
    for tl in [0x1F, 0x5F, 0x9F, 0xDF] {
        let id = IdString::from_parts(tl, &data).unwrap();
        assert_eq!(id.encoded_len(), 1 + (1 << 20));
        assert_eq!(id.bytes().len(), 31);
        let _ = id.to_string();
    }
}

/// sdr: `HEADER_LEN + body.len()` in truncation errors, `record_len`, and emit of a record
/// whose body is too long for the length byte.
#[test]
fn sdr_extremes() {
    assert!(matches!(
        FullSensorRecord::from_body(0, &[]),
        Err(SdrError::Truncated { got: 5, .. })
    ));
    assert!(matches!(
        FruDeviceLocatorRecord::from_body(0, &[]),
        Err(SdrError::Truncated { got: 5, .. })
    ));
    assert!(matches!(
        OemRecord::from_body(0, &[]),
        Err(SdrError::Truncated { got: 5, .. })
    ));
    let header = SdrHeader::parse(&[0xFF, 0xFF, 0x51, 0xC0, 0xFF]).unwrap();
    assert_eq!(header.record_len(), 260);

    let data = vec![0u8; 1 << 20];
    let oem = OemRecord::from_body(1, &data).unwrap();
    assert_eq!(oem.buffer_len(), 5 + (1 << 20));
    let mut out = vec![0u8; oem.buffer_len()];
    assert!(matches!(
        oem.emit(&mut out),
        Err(SdrError::RecordTooLong { .. })
    ));
}
