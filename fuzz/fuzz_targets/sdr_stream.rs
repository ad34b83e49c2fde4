//! Arbitrary bytes as an SDR record stream (`ipmitool sdr dump` format) through
//! `ipmi_proto::sdr`: the record iterator, the typed parser, emit of every parsed record
//! (byte for byte equal), the ID string decoder, and the reading conversion both ways.
#![no_main]

use core::fmt::{self, Write};

use ipmi_proto::sdr::{
    Conversion, ConversionError, DumpWriter, HEADER_LEN, SdrRecord, SdrRecordRef, records,
};
use libfuzzer_sys::fuzz_target;

/// Counts characters; allocates nothing.
struct Count(usize);

impl Write for Count {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.chars().count();
        Ok(())
    }
}

fn check_conversion(c: Conversion) {
    for raw in [0u8, 1, 0x7F, 0x80, 0xFE, 0xFF] {
        match c.to_value(raw) {
            Ok(v) => {
                assert!(v.is_finite());
                let back = c.to_raw(v).expect("a converted value maps back");
                assert_eq!(c.to_value(back), Ok(v));
            }
            Err(ConversionError::NotFinite)
            | Err(ConversionError::NotAnalog)
            | Err(ConversionError::ReservedLinearization(_)) => {}
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
}

fn check_record(r: SdrRecordRef<'_>, out: &mut Vec<u8>) {
    let Ok(rec) = r.parse() else { return };
    assert_eq!(rec.record_id(), r.record_id());
    assert_eq!(rec.record_type(), r.record_type());
    assert_eq!(rec.buffer_len(), r.as_bytes().len());
    out.clear();
    out.resize(rec.buffer_len(), 0xA5);
    let n = rec.emit(out).expect("a parsed record emits");
    assert_eq!(&out[..n], r.as_bytes());
    assert_eq!(SdrRecord::parse(r.as_bytes()), Ok(rec));
    if let Some(id) = rec.id_string() {
        let mut count = Count(0);
        write!(count, "{id}").expect("Display never fails");
        assert!(count.0 <= 2 * id.bytes().len() + 1);
    }
    if let SdrRecord::FullSensor(f) = rec {
        check_conversion(f.conversion());
        let _ = f.units.to_string();
    }
}

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    let mut covered = 0usize;
    let mut whole = 0usize;
    let mut truncated = 0usize;
    for item in records(data) {
        assert_eq!(truncated, 0, "an item after the truncated record");
        match item {
            Ok(r) => {
                assert_eq!(r.as_bytes(), &data[covered..covered + r.as_bytes().len()]);
                assert_eq!(r.as_bytes().len(), HEADER_LEN + r.body().len());
                covered += r.as_bytes().len();
                whole += 1;
                check_record(r, &mut out);
            }
            Err(e) => {
                assert_eq!(e.offset, covered);
                assert_eq!(e.len, data.len() - covered);
                assert!(e.len < e.needed);
                covered += e.len;
                truncated += 1;
            }
        }
    }
    assert_eq!(covered, data.len());

    // The whole records written back with the dump writer give the same bytes.
    let mut buf = vec![0u8; data.len()];
    let mut w = DumpWriter::new(&mut buf);
    for r in records(data).flatten() {
        w.push_raw(r.as_bytes())
            .expect("room for every whole record");
    }
    let written = w.finish();
    assert_eq!(written, &data[..written.len()]);
    assert_eq!(records(written).count(), whole);

    // Conversion factors from the first bytes, whatever they are.
    if let Some(&[a, b, c, d, e, f]) = data.first_chunk::<6>() {
        check_conversion(Conversion {
            format: ipmi_proto::sdr::AnalogDataFormat::from_bits(a),
            linearization: ipmi_proto::sdr::Linearization::from_byte(b),
            m: i16::from_le_bytes([c, d]) % 512,
            b: i16::from_le_bytes([e, f]) % 512,
            b_exp: (a as i8) >> 4,
            r_exp: (b as i8) % 8,
        });
    }
});
