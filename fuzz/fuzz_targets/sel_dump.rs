//! Arbitrary bytes as a raw SEL dump through `sel-codec`: the record iterator, then every text
//! form of every record (ipmitool list, verbose, elist with and without readings, JSON).
//! Checks the iterator's accounting and the shape of each text, not only the absence of panics.
#![no_main]

use core::fmt::{self, Write};

use libfuzzer_sys::fuzz_target;
use sel_codec::tables::{SensorType, describe};
use sel_codec::text::{
    AnalogFormat, Linear, Sensor, SensorLookup, SensorTable, SensorUnit, UnitRelation,
};
use sel_codec::{RECORD_LEN, RecordKind, SelRecordRef, records};

/// Record type F0h: ipmitool prints bytes 6–16 as a kernel panic string, raw.
const LINUX_PANIC_RECORD: u8 = 0xF0;

/// A `fmt::Write` sink that keeps only a summary of what was written: length, newlines, the
/// first bytes, the last two bytes and a hash. Allocates nothing.
struct Sink {
    len: usize,
    newlines: usize,
    head: [u8; 32],
    last: [u8; 2],
    hash: u64,
}

impl Sink {
    const fn new() -> Self {
        Self {
            len: 0,
            newlines: 0,
            head: [0; 32],
            last: [0; 2],
            hash: 0xcbf2_9ce4_8422_2325,
        }
    }

    /// Renders `value` into a fresh sink. Our formatters never return an error.
    fn of(value: impl fmt::Display) -> Self {
        let mut s = Self::new();
        write!(s, "{value}").expect("Display of a sel-codec formatter failed");
        s
    }

    fn head(&self) -> &[u8] {
        &self.head[..self.len.min(self.head.len())]
    }

    fn same_text(&self, other: &Self) -> bool {
        (self.len, self.newlines, self.hash) == (other.len, other.newlines, other.hash)
    }
}

impl Write for Sink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &b in s.as_bytes() {
            if let Some(h) = self.head.get_mut(self.len) {
                *h = b;
            }
            self.len += 1;
            self.newlines += usize::from(b == b'\n');
            self.last = [self.last[1], b];
            self.hash = (self.hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Ok(())
    }
}

/// A fixed sensor table: two event-only sensors and two threshold sensors with a linear
/// conversion, so the reading path runs for records that name them.
const CPU_TEMP: Linear = Linear {
    m: 1,
    b: 0,
    b_exp: 0,
    r_exp: 0,
    format: AnalogFormat::Unsigned,
    unit: SensorUnit::new(1),
};
const VOLTAGE: Linear = Linear {
    m: 3,
    b: -5,
    b_exp: 1,
    r_exp: -2,
    format: AnalogFormat::TwosComplement,
    unit: SensorUnit::new(4),
};
const FIXED: [(u8, u8, SensorType, Sensor<'static>); 4] = [
    (
        0x20,
        0x01,
        SensorType(0x22),
        Sensor {
            name: "ACPI_STATUS",
            reading: None,
        },
    ),
    (
        0x20,
        0x30,
        SensorType(0x01),
        Sensor {
            name: "CPU_TEMP",
            reading: Some(CPU_TEMP),
        },
    ),
    (
        0x20,
        0x40,
        SensorType(0x02),
        Sensor {
            name: "P12V",
            reading: Some(VOLTAGE),
        },
    ),
    (
        0x00,
        0x00,
        SensorType(0x00),
        Sensor {
            name: "",
            reading: None,
        },
    ),
];

/// A conversion made from the record's own bytes (any values, not only what an SDR holds).
fn linear_from(raw: &[u8; RECORD_LEN]) -> Linear {
    Linear {
        m: i16::from_le_bytes([raw[3], raw[4]]),
        b: i16::from_le_bytes([raw[5], raw[6]]),
        b_exp: raw[0] as i8,
        r_exp: raw[1] as i8,
        format: match raw[9] % 3 {
            0 => AnalogFormat::Unsigned,
            1 => AnalogFormat::OnesComplement,
            _ => AnalogFormat::TwosComplement,
        },
        unit: SensorUnit {
            base: raw[9],
            modifier: raw[3],
            relation: match raw[4] % 3 {
                0 => UnitRelation::None,
                1 => UnitRelation::Divide,
                _ => UnitRelation::Multiply,
            },
            percentage: raw[5] & 1 == 1,
        },
    }
}

fn check_record(v: SelRecordRef<'_>, json: &mut Vec<u8>) {
    let raw = v.as_bytes();
    let rt = v.record_type();
    let id_prefix = Sink::of(format_args!("{:4x} | ", v.id()));

    // List: one line. Only a kernel panic record can hold a newline, copied from its text.
    let list = Sink::of(v.ipmitool_list());
    if rt == LINUX_PANIC_RECORD {
        let text = raw[5..].iter().take_while(|&&b| b != 0);
        assert_eq!(list.newlines, text.filter(|&&b| b == b'\n').count());
    } else {
        assert_eq!(list.newlines, 0, "newline in list line of {raw:02x?}");
    }
    assert!(list.head().starts_with(id_prefix.head()));

    // Verbose: a block that ends with an empty line.
    let verbose = Sink::of(v.ipmitool_verbose());
    assert_eq!(verbose.last, *b"\n\n", "verbose block of {raw:02x?}");
    let verbose_id = Sink::of(format_args!("SEL Record ID          : {:04x}\n", v.id()));
    assert!(verbose.head().starts_with(verbose_id.head()));

    // Elist with the fixed table: the list line when no sensor is found.
    let fixed = SensorTable(&FIXED);
    let elist = Sink::of(v.elist(fixed));
    assert!(elist.head().starts_with(id_prefix.head()));
    let found = rt < 0xC0
        && fixed
            .sensor(v.generator(), v.sensor_number(), v.sensor_type())
            .is_some();
    if !found {
        assert!(
            elist.same_text(&list),
            "elist differs from list for {raw:02x?}"
        );
    }
    if rt != LINUX_PANIC_RECORD {
        assert_eq!(elist.newlines, 0);
    }

    // Elist with a sensor that always matches and converts with the record's own bytes.
    let own = [(
        v.generator().0.to_le_bytes()[0],
        v.sensor_number(),
        v.sensor_type(),
        Sensor {
            name: "FUZZ_SENSOR",
            reading: Some(linear_from(raw)),
        },
    )];
    let elist = Sink::of(v.elist(SensorTable(&own)));
    assert!(elist.head().starts_with(id_prefix.head()));
    if rt != LINUX_PANIC_RECORD {
        assert_eq!(elist.newlines, 0);
    }

    // Tables: the event's description and severity agree with the table row.
    if let Some(e) = v.system_event() {
        let row = describe(e.event_type, e.sensor_type, e.data);
        assert_eq!(e.description(), row.map(|r| r.text));
        assert_eq!(e.severity().is_some(), row.is_some());
    }

    // JSON: a well-formed object whose fixed fields match the record.
    json.clear();
    serde_json::to_writer(&mut *json, &v.json()).expect("JSON serialization failed");
    let value: serde_json::Value = serde_json::from_slice(json).expect("invalid JSON");
    assert_eq!(value["Id"], u64::from(v.id()));
    assert_eq!(value["RecordType"], u64::from(rt));
    let sel = matches!(v.kind(), RecordKind::System | RecordKind::Reserved);
    assert_eq!(value["EntryType"], if sel { "SEL" } else { "Oem" });
    assert_eq!(value["Timestamp"].is_null(), v.timestamp().is_none());
}

fuzz_target!(|data: &[u8]| {
    let whole = data.len() / RECORD_LEN;
    let rest = data.len() % RECORD_LEN;

    let items = records(data);
    assert_eq!(items.len(), whole + usize::from(rest != 0));

    let mut json = Vec::new();
    let mut oks = 0;
    let mut errs = 0;
    for item in items {
        assert_eq!(errs, 0, "an item after the truncated record");
        match item {
            Ok(v) => {
                let start = oks * RECORD_LEN;
                assert_eq!(&v.as_bytes()[..], &data[start..start + RECORD_LEN]);
                check_record(v, &mut json);
                oks += 1;
            }
            Err(e) => {
                assert_eq!(e.offset, whole * RECORD_LEN);
                assert_eq!(e.len, rest);
                errs += 1;
            }
        }
    }
    assert_eq!(oks, whole);
    assert_eq!(errs, usize::from(rest != 0));

    // The checked constructor accepts exactly 16 bytes and agrees with the iterator.
    match SelRecordRef::new(data) {
        Ok(v) => assert_eq!(&v.as_bytes()[..], data),
        Err(e) => {
            assert_ne!(data.len(), RECORD_LEN);
            assert_eq!(e.actual, data.len());
        }
    }
    if let Some(first) = data.get(..RECORD_LEN) {
        let v = SelRecordRef::new(first).expect("16 bytes are a record");
        assert_eq!(records(data).next(), Some(Ok(v)));
        assert_eq!(
            v,
            SelRecordRef::from_array(first.try_into().expect("16 bytes"))
        );
    }
});
