//! Sensor Data Records (IPMI 2.0 chapter 43) and the reading conversion of §36.3.
//!
//! - [`SdrHeader`] and [`SdrRecordRef`]: the 5-byte header and a zero-copy view of one whole
//!   record whose length agrees with its header; [`records`] walks a stream of records, such
//!   as an `ipmitool sdr dump` file, and reports a truncated tail with its offset.
//! - [`SdrRecord`]: the typed records — [`FullSensorRecord`] (01h), [`CompactSensorRecord`]
//!   (02h), [`EventOnlyRecord`] (03h), [`GenericDeviceLocatorRecord`] (10h),
//!   [`FruDeviceLocatorRecord`] (11h), [`McDeviceLocatorRecord`] (12h), [`OemRecord`] (C0h),
//!   and [`UnknownRecord`] for every other type. Each borrows its ID string or data from the
//!   input, keeps every byte (reserved bits too), and emits into a `&mut [u8]`:
//!   `emit(parse(x)) == x` for every record that parses.
//! - [`IdString`]: the type/length byte and the string (§43.15), decoded by `Display`
//!   without allocating.
//! - [`Conversion`]: raw reading ⇄ value, `y = L[(M·x + B·10^K1)·10^K2]` with every analog
//!   data format and linearization, both ways.
//! - [`DumpWriter`]: writes records back to back in the `ipmitool sdr dump` format.
//!
//! ```
//! use ipmi_proto::sdr::{records, SdrRecord};
//!
//! // Two records as `ipmitool sdr dump` writes them: header + body, back to back.
//! let dump = [
//!     // MC device locator "BMC"
//!     0x01, 0x00, 0x51, 0x12, 0x0E, 0x20, 0x00, 0x00, 0x3F, 0, 0, 0, 0x2E, 0x01, 0x00,
//!     0xC3, b'B', b'M', b'C',
//!     // OEM record, enterprise 343 (Intel), data 01 02
//!     0x02, 0x00, 0x51, 0xC0, 0x05, 0x57, 0x01, 0x00, 0x01, 0x02,
//! ];
//! let mut names = Vec::new();
//! for item in records(&dump) {
//!     match item.unwrap().parse().unwrap() {
//!         SdrRecord::McDeviceLocator(mc) => names.push(mc.id_string.to_string()),
//!         SdrRecord::Oem(oem) => assert_eq!(oem.manufacturer.get(), 343),
//!         other => panic!("unexpected {other:?}"),
//!     }
//! }
//! assert_eq!(names, ["BMC"]);
//! ```

mod conversion;
mod error;
mod id_string;
mod locator;
mod sensor;

use core::fmt;

pub use conversion::{Accuracy, AnalogDataFormat, Conversion, Linearization};
pub use error::{ConversionError, SdrError, TruncatedRecord};
pub use id_string::{IdString, IdStringType, MAX_ID_LEN};
pub use locator::{
    FruDeviceLocatorRecord, GenericDeviceLocatorRecord, McDeviceLocatorRecord, OemRecord,
};
pub use sensor::{
    CompactSensorRecord, EntityInstance, EventOnlyRecord, FullSensorRecord, ModifierRelation,
    RateUnit, RecordSharing, SensorDirection, SensorKey, SensorUnits, Thresholds,
};

/// Length of the record header (IPMI 2.0 §43, bytes 1–5).
pub const HEADER_LEN: usize = 5;

/// The SDR version of IPMI 1.5 and 2.0 records (header byte 3).
pub const SDR_VERSION: u8 = 0x51;

/// The longest record a header can state: 5 + 255 body bytes.
pub const MAX_RECORD_LEN: usize = HEADER_LEN + 255;

/// An SDR record type (IPMI 2.0 §43, Table 43-… per type). Every value is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RecordType(pub u8);

impl RecordType {
    /// 01h, Full Sensor Record (Table 43-1).
    pub const FULL_SENSOR: Self = Self(0x01);
    /// 02h, Compact Sensor Record (Table 43-2).
    pub const COMPACT_SENSOR: Self = Self(0x02);
    /// 03h, Event-Only Record (Table 43-3).
    pub const EVENT_ONLY: Self = Self(0x03);
    /// 08h, Entity Association Record (Table 43-4).
    pub const ENTITY_ASSOCIATION: Self = Self(0x08);
    /// 09h, Device-relative Entity Association Record (Table 43-5).
    pub const DEVICE_RELATIVE_ENTITY_ASSOCIATION: Self = Self(0x09);
    /// 10h, Generic Device Locator Record (Table 43-7).
    pub const GENERIC_DEVICE_LOCATOR: Self = Self(0x10);
    /// 11h, FRU Device Locator Record (Table 43-8).
    pub const FRU_DEVICE_LOCATOR: Self = Self(0x11);
    /// 12h, Management Controller Device Locator Record (Table 43-9).
    pub const MC_DEVICE_LOCATOR: Self = Self(0x12);
    /// 13h, Management Controller Confirmation Record (Table 43-10).
    pub const MC_CONFIRMATION: Self = Self(0x13);
    /// 14h, BMC Message Channel Info Record (Table 43-11).
    pub const BMC_MESSAGE_CHANNEL_INFO: Self = Self(0x14);
    /// C0h, OEM Record.
    pub const OEM: Self = Self(0xC0);

    /// The spec's name, or `None` for reserved and OEM-range codes other than C0h.
    pub const fn name(self) -> Option<&'static str> {
        Some(match self.0 {
            0x01 => "Full Sensor",
            0x02 => "Compact Sensor",
            0x03 => "Event-Only",
            0x08 => "Entity Association",
            0x09 => "Device-relative Entity Association",
            0x10 => "Generic Device Locator",
            0x11 => "FRU Device Locator",
            0x12 => "MC Device Locator",
            0x13 => "MC Confirmation",
            0x14 => "BMC Message Channel Info",
            0xC0 => "OEM",
            _ => return None,
        })
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "Unknown ({:02X}h)", self.0),
        }
    }
}

/// The 5-byte record header (IPMI 2.0 §43, Table 43-1 bytes 1–5): record ID (little
/// endian), SDR version, record type and the length of the body that follows.
///
/// ```
/// use ipmi_proto::sdr::{RecordType, SdrHeader};
/// let h = SdrHeader::parse(&[0x34, 0x12, 0x51, 0x01, 0x33]).unwrap();
/// assert_eq!((h.record_id, h.record_type, h.record_len()), (0x1234, RecordType::FULL_SENSOR, 56));
/// assert_eq!(h.to_bytes(), [0x34, 0x12, 0x51, 0x01, 0x33]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SdrHeader {
    /// Record ID.
    pub record_id: u16,
    /// SDR version, 51h for IPMI 1.5/2.0.
    pub version: u8,
    /// Record type.
    pub record_type: RecordType,
    /// Body length (bytes after the header).
    pub length: u8,
}

impl SdrHeader {
    /// Reads the first 5 bytes of `bytes` (further bytes are not looked at).
    pub fn parse(bytes: &[u8]) -> Result<Self, SdrError> {
        let &[id0, id1, version, record_type, length] =
            bytes
                .first_chunk::<HEADER_LEN>()
                .ok_or(SdrError::Truncated {
                    needed: HEADER_LEN,
                    got: bytes.len(),
                })?;
        Ok(Self {
            record_id: u16::from_le_bytes([id0, id1]),
            version,
            record_type: RecordType(record_type),
            length,
        })
    }

    /// The 5 bytes.
    pub const fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let [id0, id1] = self.record_id.to_le_bytes();
        [id0, id1, self.version, self.record_type.0, self.length]
    }

    /// Header plus body length.
    pub const fn record_len(&self) -> usize {
        HEADER_LEN + self.length as usize
    }
}

/// A zero-copy view of one whole record: header and exactly the body length it states.
/// Nothing else is checked, so every record in a stream has a view; [`Self::parse`] gives
/// the typed record.
///
/// ```
/// use ipmi_proto::sdr::{RecordType, SdrRecordRef};
/// let bytes = [0x05, 0x00, 0x51, 0xC0, 0x04, 0x57, 0x01, 0x00, 0xAA];
/// let r = SdrRecordRef::new(&bytes).unwrap();
/// assert_eq!((r.record_id(), r.record_type(), r.body()), (5, RecordType::OEM, &bytes[5..]));
/// assert!(SdrRecordRef::new(&bytes[..8]).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SdrRecordRef<'a> {
    header: SdrHeader,
    bytes: &'a [u8],
    body: &'a [u8],
}

impl<'a> SdrRecordRef<'a> {
    /// A view of `bytes`, which must be a header and exactly the body it states.
    pub fn new(bytes: &'a [u8]) -> Result<Self, SdrError> {
        let header = SdrHeader::parse(bytes)?;
        if bytes.len() != header.record_len() {
            return Err(SdrError::LengthMismatch {
                stated: header.record_len(),
                actual: bytes.len(),
            });
        }
        let body = bytes.get(HEADER_LEN..).unwrap_or_default();
        Ok(Self {
            header,
            bytes,
            body,
        })
    }

    /// The header.
    pub const fn header(&self) -> SdrHeader {
        self.header
    }

    /// Record ID.
    pub const fn record_id(&self) -> u16 {
        self.header.record_id
    }

    /// SDR version byte.
    pub const fn version(&self) -> u8 {
        self.header.version
    }

    /// Record type.
    pub const fn record_type(&self) -> RecordType {
        self.header.record_type
    }

    /// The body (bytes after the header).
    pub const fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The whole record.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The typed record. Fails for a version other than 51h and for bodies too short for
    /// their type; unknown types give [`SdrRecord::Unknown`].
    pub fn parse(&self) -> Result<SdrRecord<'a>, SdrError> {
        if self.version() != SDR_VERSION {
            return Err(SdrError::UnsupportedVersion(self.version()));
        }
        let (id, body) = (self.record_id(), self.body);
        Ok(match self.record_type() {
            RecordType::FULL_SENSOR => {
                SdrRecord::FullSensor(FullSensorRecord::from_body(id, body)?)
            }
            RecordType::COMPACT_SENSOR => {
                SdrRecord::CompactSensor(CompactSensorRecord::from_body(id, body)?)
            }
            RecordType::EVENT_ONLY => SdrRecord::EventOnly(EventOnlyRecord::from_body(id, body)?),
            RecordType::GENERIC_DEVICE_LOCATOR => {
                SdrRecord::GenericDeviceLocator(GenericDeviceLocatorRecord::from_body(id, body)?)
            }
            RecordType::FRU_DEVICE_LOCATOR => {
                SdrRecord::FruDeviceLocator(FruDeviceLocatorRecord::from_body(id, body)?)
            }
            RecordType::MC_DEVICE_LOCATOR => {
                SdrRecord::McDeviceLocator(McDeviceLocatorRecord::from_body(id, body)?)
            }
            RecordType::OEM => SdrRecord::Oem(OemRecord::from_body(id, body)?),
            record_type => SdrRecord::Unknown(UnknownRecord {
                record_id: id,
                record_type,
                body,
            }),
        })
    }

    /// Checks version and type for a typed parser.
    fn check(&self, expected: RecordType) -> Result<(), SdrError> {
        if self.version() != SDR_VERSION {
            return Err(SdrError::UnsupportedVersion(self.version()));
        }
        if self.record_type() != expected {
            return Err(SdrError::WrongRecordType {
                expected: expected.0,
                found: self.record_type().0,
            });
        }
        Ok(())
    }
}

/// A record of a type this module does not type (entity association, MC confirmation, BMC
/// channel info, reserved and OEM-range types other than C0h): kept as type and body and
/// re-emitted byte for byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct UnknownRecord<'a> {
    /// Record ID.
    pub record_id: u16,
    /// Record type.
    pub record_type: RecordType,
    /// The body.
    pub body: &'a [u8],
}

impl UnknownRecord<'_> {
    /// Bytes [`Self::emit`] writes.
    pub const fn buffer_len(&self) -> usize {
        HEADER_LEN + self.body.len()
    }

    /// Writes the record (header included) into `buf`; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, SdrError> {
        emit_parts(buf, self.record_id, self.record_type, &[self.body])
    }
}

/// A typed SDR record (version 51h).
///
/// ```
/// use ipmi_proto::sdr::{SdrRecord, RecordType};
/// let bytes = [0x07, 0x00, 0x51, 0x14, 0x02, 0xAB, 0xCD]; // BMC channel info: kept raw
/// let rec = SdrRecord::parse(&bytes).unwrap();
/// assert_eq!(rec.record_type(), RecordType::BMC_MESSAGE_CHANNEL_INFO);
/// let mut out = [0u8; 7];
/// assert_eq!(rec.emit(&mut out).unwrap(), 7);
/// assert_eq!(out, bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SdrRecord<'a> {
    /// 01h.
    FullSensor(FullSensorRecord<'a>),
    /// 02h.
    CompactSensor(CompactSensorRecord<'a>),
    /// 03h.
    EventOnly(EventOnlyRecord<'a>),
    /// 10h.
    GenericDeviceLocator(GenericDeviceLocatorRecord<'a>),
    /// 11h.
    FruDeviceLocator(FruDeviceLocatorRecord<'a>),
    /// 12h.
    McDeviceLocator(McDeviceLocatorRecord<'a>),
    /// C0h.
    Oem(OemRecord<'a>),
    /// Any other type.
    Unknown(UnknownRecord<'a>),
}

impl<'a> SdrRecord<'a> {
    /// Parses one whole record (header and exactly its body).
    pub fn parse(record: &'a [u8]) -> Result<Self, SdrError> {
        SdrRecordRef::new(record)?.parse()
    }

    /// Record ID.
    pub const fn record_id(&self) -> u16 {
        match self {
            Self::FullSensor(r) => r.record_id,
            Self::CompactSensor(r) => r.record_id,
            Self::EventOnly(r) => r.record_id,
            Self::GenericDeviceLocator(r) => r.record_id,
            Self::FruDeviceLocator(r) => r.record_id,
            Self::McDeviceLocator(r) => r.record_id,
            Self::Oem(r) => r.record_id,
            Self::Unknown(r) => r.record_id,
        }
    }

    /// Record type.
    pub const fn record_type(&self) -> RecordType {
        match self {
            Self::FullSensor(_) => RecordType::FULL_SENSOR,
            Self::CompactSensor(_) => RecordType::COMPACT_SENSOR,
            Self::EventOnly(_) => RecordType::EVENT_ONLY,
            Self::GenericDeviceLocator(_) => RecordType::GENERIC_DEVICE_LOCATOR,
            Self::FruDeviceLocator(_) => RecordType::FRU_DEVICE_LOCATOR,
            Self::McDeviceLocator(_) => RecordType::MC_DEVICE_LOCATOR,
            Self::Oem(_) => RecordType::OEM,
            Self::Unknown(r) => r.record_type,
        }
    }

    /// The ID string of sensor and locator records.
    pub const fn id_string(&self) -> Option<IdString<'a>> {
        match self {
            Self::FullSensor(r) => Some(r.id_string),
            Self::CompactSensor(r) => Some(r.id_string),
            Self::EventOnly(r) => Some(r.id_string),
            Self::GenericDeviceLocator(r) => Some(r.id_string),
            Self::FruDeviceLocator(r) => Some(r.id_string),
            Self::McDeviceLocator(r) => Some(r.id_string),
            Self::Oem(_) | Self::Unknown(_) => None,
        }
    }

    /// Entity ID and instance of sensor and locator records.
    pub const fn entity(&self) -> Option<(u8, EntityInstance)> {
        match self {
            Self::FullSensor(r) => Some((r.entity_id, r.entity_instance)),
            Self::CompactSensor(r) => Some((r.entity_id, r.entity_instance)),
            Self::EventOnly(r) => Some((r.entity_id, r.entity_instance)),
            Self::GenericDeviceLocator(r) => Some((r.entity_id, r.entity_instance)),
            Self::FruDeviceLocator(r) => Some((r.entity_id, r.entity_instance)),
            Self::McDeviceLocator(r) => Some((r.entity_id, r.entity_instance)),
            Self::Oem(_) | Self::Unknown(_) => None,
        }
    }

    /// The sensor key of sensor records.
    pub const fn sensor_key(&self) -> Option<SensorKey> {
        match self {
            Self::FullSensor(r) => Some(r.key),
            Self::CompactSensor(r) => Some(r.key),
            Self::EventOnly(r) => Some(r.key),
            _ => None,
        }
    }

    /// Bytes [`Self::emit`] writes.
    pub const fn buffer_len(&self) -> usize {
        match self {
            Self::FullSensor(r) => r.buffer_len(),
            Self::CompactSensor(r) => r.buffer_len(),
            Self::EventOnly(r) => r.buffer_len(),
            Self::GenericDeviceLocator(r) => r.buffer_len(),
            Self::FruDeviceLocator(r) => r.buffer_len(),
            Self::McDeviceLocator(r) => r.buffer_len(),
            Self::Oem(r) => r.buffer_len(),
            Self::Unknown(r) => r.buffer_len(),
        }
    }

    /// Writes the record (header included) into `buf`; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, SdrError> {
        match self {
            Self::FullSensor(r) => r.emit(buf),
            Self::CompactSensor(r) => r.emit(buf),
            Self::EventOnly(r) => r.emit(buf),
            Self::GenericDeviceLocator(r) => r.emit(buf),
            Self::FruDeviceLocator(r) => r.emit(buf),
            Self::McDeviceLocator(r) => r.emit(buf),
            Self::Oem(r) => r.emit(buf),
            Self::Unknown(r) => r.emit(buf),
        }
    }
}

/// Iterates over a stream of records back to back, each a 5-byte header and the body it
/// states: the `ipmitool sdr dump` file format, and what Get SDR returns record by record.
///
/// Yields one [`SdrRecordRef`] per whole record. A stream that ends inside a header or a
/// body ends with one [`TruncatedRecord`] error giving the partial record's offset.
///
/// ```
/// use ipmi_proto::sdr::records;
/// let stream = [0x01, 0x00, 0x51, 0x14, 0x01, 0xAA, 0x02, 0x00, 0x51, 0x14, 0x09, 0xBB];
/// let items: Vec<_> = records(&stream).collect();
/// assert_eq!(items.len(), 2);
/// assert_eq!(items[0].unwrap().body(), &[0xAA]);
/// let err = items[1].unwrap_err();
/// assert_eq!((err.offset, err.len, err.needed), (6, 6, 14));
/// ```
pub const fn records(stream: &[u8]) -> Records<'_> {
    Records {
        rest: stream,
        offset: 0,
    }
}

/// The iterator returned by [`records`].
#[derive(Clone, Debug)]
pub struct Records<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl Records<'_> {
    /// Byte offset of the next record in the stream.
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<SdrRecordRef<'a>, TruncatedRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let needed = match SdrHeader::parse(self.rest) {
            Ok(h) => h.record_len(),
            Err(_) => HEADER_LEN,
        };
        match self
            .rest
            .split_at_checked(needed)
            .map(|(rec, tail)| (SdrRecordRef::new(rec), tail))
        {
            Some((Ok(rec), tail)) => {
                self.rest = tail;
                self.offset = self.offset.saturating_add(needed);
                Some(Ok(rec))
            }
            _ => {
                let err = TruncatedRecord {
                    offset: self.offset,
                    len: self.rest.len(),
                    needed,
                };
                self.offset = self.offset.saturating_add(self.rest.len());
                self.rest = &[];
                Some(Err(err))
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(!self.rest.is_empty());
        (n, Some(self.rest.len().div_ceil(HEADER_LEN)))
    }
}

impl core::iter::FusedIterator for Records<'_> {}

/// Writes records back to back into a caller's buffer, in the `ipmitool sdr dump` format
/// (each record's 5-byte header and body, nothing else).
///
/// ```
/// use ipmi_proto::sdr::{records, DumpWriter, IdString, McDeviceLocatorRecord, SdrRecord};
/// let mut buf = [0u8; 64];
/// let mut w = DumpWriter::new(&mut buf);
/// let mc = McDeviceLocatorRecord { record_id: 1, id_string: IdString::ascii("BMC").unwrap(), ..Default::default() };
/// w.push(&SdrRecord::McDeviceLocator(mc)).unwrap();
/// w.push_raw(&[0x02, 0x00, 0x51, 0x14, 0x00]).unwrap();
/// let dump = w.finish();
/// assert_eq!(records(dump).count(), 2);
/// ```
#[derive(Debug)]
pub struct DumpWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl<'b> DumpWriter<'b> {
    /// A writer that starts at the beginning of `buf`.
    pub const fn new(buf: &'b mut [u8]) -> Self {
        Self { buf, len: 0 }
    }

    /// Appends a typed record. On error nothing is appended.
    pub fn push(&mut self, record: &SdrRecord<'_>) -> Result<(), SdrError> {
        let free = self.buf.get_mut(self.len..).unwrap_or_default();
        let n = record.emit(free)?;
        self.len = self.len.saturating_add(n);
        Ok(())
    }

    /// Appends a raw record, which must be one whole record ([`SdrRecordRef::new`] checks).
    pub fn push_raw(&mut self, record: &[u8]) -> Result<(), SdrError> {
        let r = SdrRecordRef::new(record)?;
        let free = self.buf.get_mut(self.len..).unwrap_or_default();
        let got = free.len();
        let dst = free
            .get_mut(..r.as_bytes().len())
            .ok_or(SdrError::BufferTooSmall {
                needed: record.len(),
                got,
            })?;
        dst.copy_from_slice(record);
        self.len = self.len.saturating_add(record.len());
        Ok(())
    }

    /// Bytes written so far.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// `true` before the first record.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The dump written so far.
    pub fn finish(self) -> &'b [u8] {
        let Self { buf, len } = self;
        buf.get(..len).unwrap_or_default()
    }
}

/// Checks that `value` fits `min..=max`.
fn range(field: &'static str, value: i32, min: i32, max: i32) -> Result<(), SdrError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(SdrError::FieldOutOfRange {
            field,
            value,
            min,
            max,
        })
    }
}

/// Writes header and body parts; the body is the concatenation of `parts`.
fn emit_parts(
    buf: &mut [u8],
    record_id: u16,
    record_type: RecordType,
    parts: &[&[u8]],
) -> Result<usize, SdrError> {
    let body_len: usize = parts.iter().map(|p| p.len()).sum();
    let length = u8::try_from(body_len).map_err(|_| SdrError::RecordTooLong { body_len })?;
    let total = HEADER_LEN + body_len;
    let got = buf.len();
    let out = buf
        .get_mut(..total)
        .ok_or(SdrError::BufferTooSmall { needed: total, got })?;
    let header = SdrHeader {
        record_id,
        version: SDR_VERSION,
        record_type,
        length,
    };
    let mut rest = out;
    for part in core::iter::once(&header.to_bytes()[..]).chain(parts.iter().copied()) {
        let (head, tail) = rest
            .split_at_mut_checked(part.len())
            .ok_or(SdrError::BufferTooSmall { needed: total, got })?;
        head.copy_from_slice(part);
        rest = tail;
    }
    Ok(total)
}
