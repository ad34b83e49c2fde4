//! The first 16 bytes of the input as one SEL record: bytes → `SelRecord` → bytes is the
//! identity, the checked constructors agree, the zero-copy view reads the same fields as the
//! owned record, and the owned record survives a serde JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sel_codec::{RECORD_LEN, RecordBody, RecordKind, SelRecord, SelRecordRef};

fuzz_target!(|data: &[u8]| {
    let Some(bytes) = data.first_chunk::<RECORD_LEN>() else {
        assert!(SelRecord::parse(data).is_err());
        return;
    };

    // Bytes → record → bytes.
    let record = SelRecord::from_bytes(bytes);
    assert_eq!(record.to_bytes(), *bytes);
    assert_eq!(<[u8; RECORD_LEN]>::from(record), *bytes);
    assert_eq!(SelRecord::parse(&data[..RECORD_LEN]), Ok(record));
    assert_eq!(SelRecord::parse(data).is_ok(), data.len() == RECORD_LEN);
    let mut out = [0u8; RECORD_LEN + 1];
    assert_eq!(record.emit(&mut out), Ok(RECORD_LEN));
    assert_eq!(&out[..RECORD_LEN], bytes);
    assert!(record.emit(&mut out[..RECORD_LEN - 1]).is_err());

    // The body variant is the one the record type selects.
    let rt = bytes[2];
    let kind = RecordKind::of(rt);
    let expected = match record.body {
        RecordBody::System(_) => RecordKind::System,
        RecordBody::OemTimestamped(_) => RecordKind::OemTimestamped,
        RecordBody::OemNonTimestamped(_) => RecordKind::OemNonTimestamped,
        RecordBody::Reserved(_) => RecordKind::Reserved,
    };
    assert_eq!(kind, expected);

    // The view reads the same fields in place.
    let view = SelRecordRef::from_array(bytes);
    assert_eq!(view.id(), record.id);
    assert_eq!(view.record_type(), record.record_type());
    assert_eq!(view.record_type(), rt);
    assert_eq!(view.kind(), kind);
    assert_eq!(view.timestamp(), record.timestamp());
    assert_eq!(view.system_event(), record.as_system_event());
    assert_eq!(view.to_record(), record);
    assert_eq!(SelRecord::from(view), record);
    if let Some(e) = view.system_event() {
        assert_eq!(
            e.timestamp,
            view.timestamp().expect("system events have a timestamp")
        );
        assert_eq!(e.generator, view.generator());
        assert_eq!(e.evm_revision, view.evm_revision());
        assert_eq!(e.sensor_type, view.sensor_type());
        assert_eq!(e.sensor_number, view.sensor_number());
        assert_eq!(e.direction, view.direction());
        assert_eq!(e.event_type, view.event_type());
        assert_eq!(e.data, view.event_data());
    }

    // Owned and borrowed records print the same text.
    assert_eq!(
        record.ipmitool_list().to_string(),
        view.ipmitool_list().to_string()
    );

    // serde: JSON text back to an equal record.
    let json = serde_json::to_string(&record).expect("serialize SelRecord");
    let back: SelRecord =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("deserialize {json}: {e}"));
    assert_eq!(back, record, "{json}");
    assert_eq!(back.to_bytes(), *bytes);
});
