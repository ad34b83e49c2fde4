//! A Redfish LogEntry-like JSON object per record, through `serde`, for log pipelines.

use core::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Iso8601, LINUX_PANIC_RECORD, panic_text};
use crate::record::{EventDirection, RECORD_LEN};
use crate::view::{RecordKind, SelRecordRef};

/// One record as a flat JSON-ready object whose field names follow the Redfish
/// `LogEntry` schema where one exists. Serializing allocates nothing in this crate; strings
/// are streamed through [`Serializer::collect_str`].
///
/// Fields, in order:
/// - every record: `Id`, `RecordType`, `EntryType` (`SEL` for system events and reserved
///   types, `Oem` otherwise), `Timestamp` (raw seconds, `null` for non-timestamped OEM
///   records) and `Created` (ISO 8601 UTC, `null` for pre-init and unspecified times);
/// - system events (and reserved types, read the same way): `GeneratorId` (`0xNNNN`),
///   `EvMRevision`, `SensorType` (the specification's name, `null` if undefined),
///   `SensorTypeCode`, `SensorNumber`, `EventType` (class name), `EventTypeCode`,
///   `EventDirection`, `EntryCode` (`Assert`/`Deassert`, or the Redfish threshold code such
///   as `Upper Critical - going high`), `EventData` (hex), `MessageId` (`0xNNaabbcc`: the
///   direction/type byte and event data 1–3), `Message` (the event description, `null` if
///   the tables have none) and `Severity` (`OK`/`Warning`/`Critical`, `null` if unknown);
/// - OEM timestamped records: `ManufacturerId` and `OemData` (hex); OEM non-timestamped
///   records: `OemData`; type F0h also `Message` with the kernel panic text.
///
/// ```
/// use sel_codec::SelRecordRef;
///
/// let raw = [0x4e, 0x00, 0x02, 0x00, 0x00, 0x00, 0x5f, 0x20, 0x00, 0x04,
///            0x22, 0x00, 0x6f, 0x00, 0xff, 0xff];
/// let json = serde_json::to_string(&SelRecordRef::from_array(&raw).json()).unwrap();
/// assert!(json.starts_with(r#"{"Id":78,"RecordType":2,"EntryType":"SEL","Timestamp":1593835520,"Created":"2020-07-04T04:05:20Z""#));
/// assert!(json.contains(r#""MessageId":"0x6F00FFFF","Message":"S0/G0: working","Severity":"OK""#));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonEntry {
    raw: [u8; RECORD_LEN],
}

impl JsonEntry {
    /// The JSON form of 16 record bytes.
    pub const fn new(raw: [u8; RECORD_LEN]) -> Self {
        Self { raw }
    }
}

struct Hex<'a>(&'a [u8]);

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::hex(f, self.0)
    }
}

struct Panic<'a>(&'a [u8; RECORD_LEN]);

impl fmt::Display for Panic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        panic_text(f, self.0)
    }
}

struct Fmt<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Fmt<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

/// Redfish `LogEntryCode` values for threshold offsets 00h–0Bh.
const THRESHOLD_ENTRY_CODES: [&str; 12] = [
    "Lower Non-critical - going low",
    "Lower Non-critical - going high",
    "Lower Critical - going low",
    "Lower Critical - going high",
    "Lower Non-recoverable - going low",
    "Lower Non-recoverable - going high",
    "Upper Non-critical - going low",
    "Upper Non-critical - going high",
    "Upper Critical - going low",
    "Upper Critical - going high",
    "Upper Non-recoverable - going low",
    "Upper Non-recoverable - going high",
];

impl Serialize for JsonEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = &self.raw;
        let v = SelRecordRef::from_array(raw);
        let kind = v.kind();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("Id", &v.id())?;
        map.serialize_entry("RecordType", &v.record_type())?;
        let sel = matches!(kind, RecordKind::System | RecordKind::Reserved);
        map.serialize_entry("EntryType", if sel { "SEL" } else { "Oem" })?;
        let ts = v.timestamp();
        map.serialize_entry("Timestamp", &ts.map(|t| t.0))?;
        map.serialize_entry(
            "Created",
            &ts.and_then(|t| t.unix_seconds())
                .map(|s| Fmt(move |f: &mut fmt::Formatter<'_>| fmt::Display::fmt(&Iso8601(s), f)))
                .map(|d| Collect(d)),
        )?;
        match (kind, v.system_event()) {
            (RecordKind::System | RecordKind::Reserved, Some(e)) => {
                map.serialize_entry(
                    "GeneratorId",
                    &Collect(Fmt(|f: &mut fmt::Formatter<'_>| {
                        write!(f, "0x{:04X}", e.generator.0)
                    })),
                )?;
                map.serialize_entry("EvMRevision", &e.evm_revision)?;
                map.serialize_entry("SensorType", &e.sensor_type.spec_name())?;
                map.serialize_entry("SensorTypeCode", &e.sensor_type.0)?;
                map.serialize_entry("SensorNumber", &e.sensor_number)?;
                map.serialize_entry("EventType", e.event_type.ipmitool_class_text())?;
                map.serialize_entry("EventTypeCode", &e.event_type.code())?;
                let (dir, code) = match e.direction {
                    EventDirection::Assertion => ("Assertion", "Assert"),
                    EventDirection::Deassertion => ("Deassertion", "Deassert"),
                };
                map.serialize_entry("EventDirection", dir)?;
                let threshold = THRESHOLD_ENTRY_CODES.get(usize::from(e.data.offset()));
                let entry_code = match threshold {
                    Some(t) if e.event_type.code() == 0x01 => t,
                    _ => code,
                };
                map.serialize_entry("EntryCode", entry_code)?;
                map.serialize_entry("EventData", &Collect(Hex(&e.data.0)))?;
                map.serialize_entry(
                    "MessageId",
                    &Collect(Fmt(|f: &mut fmt::Formatter<'_>| {
                        write!(f, "0x{:08X}", e.message_id())
                    })),
                )?;
                map.serialize_entry("Message", &e.description().map(str::trim_end))?;
                map.serialize_entry("Severity", &e.severity().map(|s| s.redfish()))?;
            }
            _ => {
                if v.record_type() == LINUX_PANIC_RECORD {
                    map.serialize_entry("Message", &Collect(Panic(raw)))?;
                }
                let oem = if kind == RecordKind::OemTimestamped {
                    let m = u32::from_le_bytes([raw[7], raw[8], raw[9], 0]);
                    map.serialize_entry("ManufacturerId", &m)?;
                    raw.get(10..).unwrap_or_default()
                } else {
                    raw.get(3..).unwrap_or_default()
                };
                map.serialize_entry("OemData", &Collect(Hex(oem)))?;
            }
        }
        map.end()
    }
}

/// Serializes a `Display` value as a string without building it in memory.
struct Collect<D>(D);

impl<D: fmt::Display> Serialize for Collect<D> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}
