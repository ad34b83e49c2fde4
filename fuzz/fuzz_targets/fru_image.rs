//! Arbitrary bytes as a FRU image through `ipmi_proto::fru`, and arbitrary values through the
//! builder and back.
//!
//! First byte even: the rest is an image. Every reader runs (header, areas, fields, records,
//! ipmitool text); for an image that parses, the areas' bytes lie inside the image and sum to
//! zero, and every field's text has the length `chars()` announces.
//!
//! First byte odd: the rest is cut into field values and records for `FruImageBuilder`; an
//! image it accepts must parse and give the same field bytes back.
#![no_main]

use std::fmt::Write as _;

use ipmi_proto::fru::*;
use libfuzzer_sys::fuzz_target;

fn check_field(f: Field<'_>) {
    let n = f.chars().len();
    assert_eq!(f.chars().count(), n);
    assert_eq!(f.to_string().chars().count(), n);
    if let Ok(t) = f.text() {
        assert_eq!(t.count(), n);
    }
}

fn check_area(image: &[u8], offset: usize, bytes: &[u8], padding: &[u8]) {
    let end = offset + bytes.len();
    assert_eq!(&image[offset..end], bytes);
    assert_eq!(bytes.len() % 8, 0);
    assert_eq!(zero_sum(bytes), 0);
    assert!(padding.len() < bytes.len());
}

fn read(data: &[u8]) {
    let _ = CommonHeader::new_checked(data);
    let Ok(image) = FruImage::new(data) else {
        assert!(FruImage::parse(data).is_err());
        return;
    };
    let mut text = String::new();
    write!(text, "{}", IpmitoolFruPrint::new(image, true)).unwrap();
    write!(text, "{}", IpmitoolFruPrint::new(image, false)).unwrap();
    let parsed = FruImage::parse(data);
    assert_eq!(parsed.is_ok(), image.validate().is_ok());

    if let Ok(Some(c)) = image.chassis() {
        check_area(data, c.offset(), c.as_bytes(), c.padding());
        let _ = c.chassis_type().ipmitool_name();
        [c.part_number(), c.serial_number()]
            .into_iter()
            .chain(c.custom_fields())
            .for_each(check_field);
    }
    if let Ok(Some(b)) = image.board() {
        check_area(data, b.offset(), b.as_bytes(), b.padding());
        let _ = b.mfg_date_time().ipmitool().to_string();
        let _ = b.mfg_date_time().to_string();
        [
            b.manufacturer(),
            b.product_name(),
            b.serial_number(),
            b.part_number(),
            b.fru_file_id(),
        ]
        .into_iter()
        .chain(b.custom_fields())
        .for_each(check_field);
    }
    if let Ok(Some(p)) = image.product() {
        check_area(data, p.offset(), p.as_bytes(), p.padding());
        [
            p.manufacturer(),
            p.product_name(),
            p.part_number(),
            p.version(),
            p.serial_number(),
            p.asset_tag(),
            p.fru_file_id(),
        ]
        .into_iter()
        .chain(p.custom_fields())
        .for_each(check_field);
    }
    if let Ok(Some(iu)) = image.internal_use() {
        assert_eq!(iu.data().len() + 1, iu.as_bytes().len());
    }
    let mut errors = 0;
    for r in image.multi_records().into_iter().flatten() {
        assert_eq!(errors, 0, "a record after an error");
        match r {
            Ok(r) => {
                assert_eq!(&data[r.offset()..r.offset() + r.len()][5..], r.data());
                if let Ok(d) = r.decode() {
                    // A decoded record writes back to a record that decodes the same (typed
                    // records drop reserved bits, so the bytes may differ there).
                    let mut buf = [0u8; 260];
                    let n = d.emit(r.end_of_list(), &mut buf).unwrap();
                    let again = MultiRecord::parse(&buf[..n], 0).unwrap();
                    assert_eq!(again.decode().unwrap(), d, "record {:02X}h", r.header()[0]);
                    assert_eq!(again.end_of_list(), r.end_of_list());
                    if let MultiRecordData::Raw { .. } = d {
                        assert_eq!(again.data(), r.data());
                    }
                }
            }
            Err(_) => errors += 1,
        }
    }
}

/// Cuts the input into field values: a selector byte, a length byte, then that many bytes
/// (as text where the encoding is text).
struct Cutter<'a>(&'a [u8]);

impl<'a> Cutter<'a> {
    fn value(&mut self) -> Option<FieldValue<'a>> {
        let (&sel, rest) = self.0.split_first()?;
        let (&len, rest) = rest.split_first()?;
        let len = usize::from(len % 90).min(rest.len());
        let (body, rest) = rest.split_at(len);
        self.0 = rest;
        let text = std::str::from_utf8(body).unwrap_or("");
        Some(match sel % 4 {
            0 => FieldValue::Text(text),
            1 => FieldValue::SixBitAscii(text),
            2 => FieldValue::BcdPlus(text),
            _ => FieldValue::Binary(body),
        })
    }
}

fn build(data: &[u8]) {
    let mut cut = Cutter(data);
    let mut v = [FieldValue::default(); 14];
    for slot in v.iter_mut() {
        if let Some(x) = cut.value() {
            *slot = x;
        }
    }
    let lang = Language(data.first().copied().unwrap_or(0) % 30);
    let records_data = cut.0;
    let records = [MultiRecordData::Raw {
        record_type: 0xC0 | (data.len() as u8 & 0x3F),
        data: &records_data[..records_data.len().min(255)],
    }];
    let builder = FruImageBuilder {
        internal_use: Some(&data[..data.len().min(9)]),
        chassis: Some(ChassisInfo {
            chassis_type: ChassisType(data.len() as u8),
            part_number: v[0],
            serial_number: v[1],
            custom: &v[12..],
        }),
        board: Some(BoardInfo {
            language: lang,
            mfg_date_time: MfgDateTime::from_minutes(data.len() as u32 * 997).unwrap_or_default(),
            manufacturer: v[2],
            product_name: v[3],
            serial_number: v[4],
            part_number: v[5],
            fru_file_id: v[6],
            custom: &v[..1],
        }),
        product: Some(ProductInfo {
            language: lang,
            manufacturer: v[7],
            product_name: v[8],
            part_number: v[9],
            version: v[10],
            serial_number: v[11],
            asset_tag: v[12],
            fru_file_id: v[13],
            custom: &[],
        }),
        multi_records: &records,
    };
    let Ok(len) = builder.buffer_len() else {
        return;
    };
    let mut buf = vec![0u8; len];
    let Ok(n) = builder.emit(&mut buf) else {
        return;
    };
    assert_eq!(n, len);
    let image = FruImage::parse(&buf).expect("a built image parses");
    let c = image.chassis().unwrap().unwrap();
    let b = image.board().unwrap().unwrap();
    let p = image.product().unwrap().unwrap();
    let got = [
        c.part_number(),
        c.serial_number(),
        b.manufacturer(),
        b.product_name(),
        b.serial_number(),
        b.part_number(),
        b.fru_file_id(),
        p.manufacturer(),
        p.product_name(),
        p.part_number(),
        p.version(),
        p.serial_number(),
        p.asset_tag(),
        p.fru_file_id(),
    ];
    for (want, got) in v.iter().zip(got) {
        // Encode the value alone and compare the bytes.
        let lang = if std::ptr::eq(want, &v[0]) || std::ptr::eq(want, &v[1]) {
            Language::ENGLISH
        } else {
            lang
        };
        let mut one = [0u8; 64];
        let m = want.encode(lang, &mut one).unwrap();
        assert_eq!(&one[1..m], got.data());
        assert_eq!(one[0], got.type_length().0);
    }
    read(&buf);
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        read(rest);
    } else {
        build(rest);
    }
});
