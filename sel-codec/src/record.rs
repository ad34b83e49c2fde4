//! The 16-byte SEL record (IPMI 2.0 §32, Table 32-1) as an owned `Copy` value, and the
//! field types it is made of.
//!
//! [`SelRecord::from_bytes`] is total: every one of the 2^128 byte patterns decodes, and
//! [`SelRecord::to_bytes`] gives the same 16 bytes back. Reserved record types and reserved
//! bits are kept, never dropped.

use crate::error::{FieldRangeError, LengthError, RecordTypeError};
use crate::tables::SensorType;

/// Size of one SEL record in bytes (IPMI 2.0 §32).
pub const RECORD_LEN: usize = 16;

/// Record type 02h: system event record (IPMI 2.0 Table 32-1, byte 3).
pub const SYSTEM_EVENT_RECORD: u8 = 0x02;

/// A SEL timestamp: seconds since 1970-01-01 00:00:00 UTC, or since the BMC was initialised
/// for values below [`Timestamp::PRE_INIT_LIMIT`] (IPMI 2.0 §37.1, "Timestamp Format").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Timestamp(pub u32);

impl Timestamp {
    /// FFFFFFFFh: "unspecified" (IPMI 2.0 §37.1). ipmitool prints `Unspecified`.
    pub const UNSPECIFIED: Self = Self(0xFFFF_FFFF);
    /// Values from 00000000h to 1FFFFFFFh count seconds since the controller started,
    /// not since the epoch (IPMI 2.0 §37.1). ipmitool prints them as `Pre-Init`.
    pub const PRE_INIT_LIMIT: u32 = 0x2000_0000;

    /// `true` for values below 20000000h, which are relative to controller initialisation.
    pub const fn is_pre_init(self) -> bool {
        self.0 < Self::PRE_INIT_LIMIT
    }

    /// `true` for FFFFFFFFh.
    pub const fn is_unspecified(self) -> bool {
        self.0 == Self::UNSPECIFIED.0
    }

    /// Seconds since the Unix epoch, when the value is an absolute time.
    pub const fn unix_seconds(self) -> Option<u32> {
        if self.is_pre_init() || self.is_unspecified() {
            None
        } else {
            Some(self.0)
        }
    }
}

/// Who generated the event: the Generator ID field, bytes 8–9 of the record (IPMI 2.0
/// Table 32-1; the same layout as the event message fields of §29.7 / §5.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GeneratorId(pub u16);

/// The first byte of a [`GeneratorId`], decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Generator {
    /// Bit 0 = 0: bits 7:1 are an IPMB slave address; the value is the 8-bit form
    /// (for example 20h for the BMC).
    SlaveAddress(u8),
    /// Bit 0 = 1: bits 7:1 are a 7-bit system software ID (IPMI 2.0 §5.5, Table 5-4).
    SoftwareId(u8),
}

impl GeneratorId {
    /// The BMC at slave address 20h, LUN 0, channel 0: what most BMCs write for their own
    /// sensors.
    pub const BMC: Self = Self(0x0020);

    /// Builds the field from its parts. `channel` is 4 bits and `lun` 2 bits.
    pub const fn new(generator: Generator, channel: u8, lun: u8) -> Result<Self, FieldRangeError> {
        if channel > 0x0F {
            return Err(FieldRangeError {
                field: "generator channel",
                value: channel as u32,
                max: 0x0F,
            });
        }
        if lun > 3 {
            return Err(FieldRangeError {
                field: "generator LUN",
                value: lun as u32,
                max: 3,
            });
        }
        let low = match generator {
            Generator::SlaveAddress(addr) => {
                if addr & 1 != 0 {
                    return Err(FieldRangeError {
                        field: "IPMB slave address (8-bit form, bit 0 clear)",
                        value: addr as u32,
                        max: 0xFE,
                    });
                }
                addr
            }
            Generator::SoftwareId(id) => {
                if id > 0x7F {
                    return Err(FieldRangeError {
                        field: "system software ID",
                        value: id as u32,
                        max: 0x7F,
                    });
                }
                (id << 1) | 1
            }
        };
        Ok(Self(u16::from_le_bytes([low, (channel << 4) | lun])))
    }

    /// Slave address or software ID (byte 1).
    pub const fn generator(self) -> Generator {
        let low = self.0.to_le_bytes()[0];
        if low & 1 == 0 {
            Generator::SlaveAddress(low)
        } else {
            Generator::SoftwareId(low >> 1)
        }
    }

    /// Channel the event message arrived on (byte 2, bits 7:4); 0 for the system
    /// interface, the primary IPMB and events generated inside the BMC.
    pub const fn channel(self) -> u8 {
        self.0.to_le_bytes()[1] >> 4
    }

    /// IPMB LUN (byte 2, bits 1:0).
    pub const fn lun(self) -> u8 {
        self.0.to_le_bytes()[1] & 0x03
    }

    /// Reserved bits (byte 2, bits 3:2), which should be 0 but are kept as found.
    pub const fn reserved_bits(self) -> u8 {
        (self.0.to_le_bytes()[1] >> 2) & 0x03
    }
}

/// Event direction: bit 7 of the Event Dir | Event Type byte (IPMI 2.0 Table 32-1, byte 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum EventDirection {
    /// 0b: the condition became true.
    #[default]
    Assertion,
    /// 1b: the condition stopped being true.
    Deassertion,
}

impl EventDirection {
    /// `Asserted` or `Deasserted`, as ipmitool prints it.
    pub const fn ipmitool_text(self) -> &'static str {
        match self {
            Self::Assertion => "Asserted",
            Self::Deassertion => "Deasserted",
        }
    }
}

/// The event/reading type code: bits 6:0 of record byte 13 (IPMI 2.0 Table 42-1).
///
/// Always 7 bits; [`EventType::new`] rejects larger values so that encoding never mixes the
/// code with the direction bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EventType(u8);

/// What kind of event/reading type a code is (IPMI 2.0 Table 42-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum EventClass {
    /// 00h: event/reading type unspecified.
    Unspecified,
    /// 01h: threshold based.
    Threshold,
    /// 02h–0Ch: generic discrete (Table 42-2).
    Generic,
    /// 6Fh: sensor-specific discrete (Table 42-3).
    SensorSpecific,
    /// 70h–7Fh: OEM discrete.
    Oem,
    /// Every other value: reserved.
    Reserved,
}

impl EventType {
    /// 01h, threshold.
    pub const THRESHOLD: Self = Self(0x01);
    /// 6Fh, sensor-specific.
    pub const SENSOR_SPECIFIC: Self = Self(0x6F);

    /// A 7-bit event/reading type code.
    pub const fn new(code: u8) -> Result<Self, FieldRangeError> {
        if code > 0x7F {
            Err(FieldRangeError {
                field: "event/reading type",
                value: code as u32,
                max: 0x7F,
            })
        } else {
            Ok(Self(code))
        }
    }

    /// Bits 6:0 of a byte (bit 7 is the direction and is ignored).
    pub const fn from_low_bits(byte: u8) -> Self {
        Self(byte & 0x7F)
    }

    /// The 7-bit code.
    pub const fn code(self) -> u8 {
        self.0
    }

    /// Which range of Table 42-1 the code falls in.
    pub const fn class(self) -> EventClass {
        match self.0 {
            0x00 => EventClass::Unspecified,
            0x01 => EventClass::Threshold,
            0x02..=0x0C => EventClass::Generic,
            0x6F => EventClass::SensorSpecific,
            0x70..=0x7F => EventClass::Oem,
            _ => EventClass::Reserved,
        }
    }

    /// The class name ipmitool's verbose output prints (`Threshold`, `Generic Discrete`,
    /// ...). ipmitool calls 0Ch `Reserved` although Table 42-2 assigns it (ACPI device
    /// power state); this function follows ipmitool.
    pub const fn ipmitool_class_text(self) -> &'static str {
        match self.0 {
            0x00 => "Unspecified",
            0x01 => "Threshold",
            0x02..=0x0B => "Generic Discrete",
            0x6F => "Sensor-specific Discrete",
            0x70..=0x7F => "OEM",
            _ => "Reserved",
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for EventType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = <u8 as serde::Deserialize>::deserialize(d)?;
        Self::new(code).map_err(serde::de::Error::custom)
    }
}

/// How event data byte 2 or 3 is used: a 2-bit field of event data 1 (IPMI 2.0 Table 29-6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum DataUsage {
    /// 00b: unspecified (the byte should be FFh).
    Unspecified,
    /// 01b: for threshold events the trigger reading (byte 2) or trigger threshold (byte 3);
    /// for discrete events the previous state and/or severity (byte 2) or reserved (byte 3).
    Primary,
    /// 10b: OEM code.
    Oem,
    /// 11b: sensor-specific extension code (Table 42-3 gives its meaning per offset).
    SensorSpecific,
}

impl DataUsage {
    const fn from_bits(bits: u8) -> Self {
        match bits & 0x03 {
            0 => Self::Unspecified,
            1 => Self::Primary,
            2 => Self::Oem,
            _ => Self::SensorSpecific,
        }
    }

    const fn bits(self) -> u8 {
        match self {
            Self::Unspecified => 0,
            Self::Primary => 1,
            Self::Oem => 2,
            Self::SensorSpecific => 3,
        }
    }
}

/// Event data bytes 1–3 (record bytes 14–16; IPMI 2.0 Table 29-6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EventData(pub [u8; 3]);

impl EventData {
    /// Event data 1 with `offset` and usage bits for bytes 2 and 3, followed by bytes 2 and 3.
    /// `offset` is 4 bits.
    pub const fn new(
        offset: u8,
        data2_usage: DataUsage,
        data2: u8,
        data3_usage: DataUsage,
        data3: u8,
    ) -> Result<Self, FieldRangeError> {
        if offset > 0x0F {
            return Err(FieldRangeError {
                field: "event offset",
                value: offset as u32,
                max: 0x0F,
            });
        }
        let ed1 = (data2_usage.bits() << 6) | (data3_usage.bits() << 4) | offset;
        Ok(Self([ed1, data2, data3]))
    }

    /// The event offset: event data 1 bits 3:0, the row of Table 42-2 or 42-3.
    pub const fn offset(self) -> u8 {
        self.0[0] & 0x0F
    }

    /// How byte 2 is used (event data 1 bits 7:6).
    pub const fn data2_usage(self) -> DataUsage {
        DataUsage::from_bits(self.0[0] >> 6)
    }

    /// How byte 3 is used (event data 1 bits 5:4).
    pub const fn data3_usage(self) -> DataUsage {
        DataUsage::from_bits(self.0[0] >> 4)
    }

    /// Event data 2.
    pub const fn data2(self) -> u8 {
        self.0[1]
    }

    /// Event data 3.
    pub const fn data3(self) -> u8 {
        self.0[2]
    }
}

/// A system event record (record type 02h): bytes 4–16 of IPMI 2.0 Table 32-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SystemEvent {
    /// When the event was logged (bytes 4–7).
    pub timestamp: Timestamp,
    /// Who generated it (bytes 8–9).
    pub generator: GeneratorId,
    /// Event message format revision (byte 10): 04h for IPMI 1.5/2.0, 03h for IPMI 1.0.
    pub evm_revision: u8,
    /// Sensor type (byte 11, Table 42-3).
    pub sensor_type: SensorType,
    /// Sensor number (byte 12).
    pub sensor_number: u8,
    /// Event direction (byte 13, bit 7).
    pub direction: EventDirection,
    /// Event/reading type (byte 13, bits 6:0).
    pub event_type: EventType,
    /// Event data 1–3 (bytes 14–16).
    pub data: EventData,
}

/// Event message revision written by IPMI 1.5 and 2.0 generators (IPMI 2.0 Table 32-1).
pub const EVM_REVISION: u8 = 0x04;

impl SystemEvent {
    pub(crate) const fn decode_body(b: &[u8; RECORD_LEN]) -> Self {
        Self {
            timestamp: Timestamp(u32::from_le_bytes([b[3], b[4], b[5], b[6]])),
            generator: GeneratorId(u16::from_le_bytes([b[7], b[8]])),
            evm_revision: b[9],
            sensor_type: SensorType(b[10]),
            sensor_number: b[11],
            direction: if b[12] & 0x80 == 0 {
                EventDirection::Assertion
            } else {
                EventDirection::Deassertion
            },
            event_type: EventType::from_low_bits(b[12]),
            data: EventData([b[13], b[14], b[15]]),
        }
    }

    pub(crate) const fn encode_body(&self, record_type: u8, id: u16) -> [u8; RECORD_LEN] {
        let id = id.to_le_bytes();
        let ts = self.timestamp.0.to_le_bytes();
        let g = self.generator.0.to_le_bytes();
        let dir = match self.direction {
            EventDirection::Assertion => 0,
            EventDirection::Deassertion => 0x80,
        };
        [
            id[0],
            id[1],
            record_type,
            ts[0],
            ts[1],
            ts[2],
            ts[3],
            g[0],
            g[1],
            self.evm_revision,
            self.sensor_type.0,
            self.sensor_number,
            dir | (self.event_type.0 & 0x7F),
            self.data.0[0],
            self.data.0[1],
            self.data.0[2],
        ]
    }

    /// The event's description from the code tables (ipmitool's wording), if they have one:
    /// see [`crate::tables::describe`].
    pub fn description(&self) -> Option<&'static str> {
        crate::tables::describe(self.event_type, self.sensor_type, self.data).map(|r| r.text)
    }

    /// How serious the event is: the table row's severity for assertions, `Ok` for
    /// deassertions (the condition ended), `None` when the tables do not know the event.
    pub fn severity(&self) -> Option<crate::tables::Severity> {
        let row = crate::tables::describe(self.event_type, self.sensor_type, self.data)?;
        Some(match self.direction {
            EventDirection::Assertion => row.severity,
            EventDirection::Deassertion => crate::tables::Severity::Ok,
        })
    }

    /// The Redfish `MessageId` of a SEL entry, `0xNNaabbcc`: the event direction/type byte
    /// followed by event data 1–3 (record bytes 13–16), as the Redfish LogEntry schema
    /// defines it for `EntryType` `SEL`.
    pub const fn message_id(&self) -> u32 {
        let dir = match self.direction {
            EventDirection::Assertion => 0,
            EventDirection::Deassertion => 0x80,
        };
        u32::from_be_bytes([
            dir | self.event_type.0,
            self.data.0[0],
            self.data.0[1],
            self.data.0[2],
        ])
    }
}

/// An IANA Private Enterprise Number as stored in OEM timestamped records: 24 bits, least
/// significant byte first (IPMI 2.0 Table 32-2, bytes 8–10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ManufacturerId(u32);

impl ManufacturerId {
    /// A 24-bit enterprise number.
    pub const fn new(id: u32) -> Result<Self, FieldRangeError> {
        if id > 0x00FF_FFFF {
            Err(FieldRangeError {
                field: "manufacturer ID",
                value: id,
                max: 0x00FF_FFFF,
            })
        } else {
            Ok(Self(id))
        }
    }

    /// From the three record bytes, least significant first.
    pub const fn from_le_bytes(b: [u8; 3]) -> Self {
        Self(u32::from_le_bytes([b[0], b[1], b[2], 0]))
    }

    /// The three record bytes, least significant first.
    pub const fn to_le_bytes(self) -> [u8; 3] {
        let b = self.0.to_le_bytes();
        [b[0], b[1], b[2]]
    }

    /// The enterprise number.
    pub const fn get(self) -> u32 {
        self.0
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ManufacturerId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = <u32 as serde::Deserialize>::deserialize(d)?;
        Self::new(id).map_err(serde::de::Error::custom)
    }
}

macro_rules! record_type_newtype {
    ($(#[$m:meta])* $name:ident, $lo:literal ..= $hi:literal, $text:literal, $except:expr) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        pub struct $name(u8);

        impl $name {
            /// Accepts a record type byte in this type's range.
            pub const fn new(record_type: u8) -> Result<Self, RecordTypeError> {
                if matches!(record_type, $lo..=$hi) && record_type != $except {
                    Ok(Self(record_type))
                } else {
                    Err(RecordTypeError { record_type, expected: $text })
                }
            }

            /// The record type byte.
            pub const fn get(self) -> u8 {
                self.0
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <u8 as serde::Deserialize>::deserialize(d)?;
                Self::new(code).map_err(serde::de::Error::custom)
            }
        }
    };
}

record_type_newtype!(
    /// A record type of the OEM timestamped range, C0h–DFh (IPMI 2.0 §32.2).
    OemTimestampedType, 0xC0 ..= 0xDF, "C0h-DFh", 0x00
);
record_type_newtype!(
    /// A record type of the OEM non-timestamped range, E0h–FFh (IPMI 2.0 §32.3).
    OemNonTimestampedType, 0xE0 ..= 0xFF, "E0h-FFh", 0x00
);
record_type_newtype!(
    /// A record type the specification reserves: 00h–BFh except 02h.
    ReservedType, 0x00 ..= 0xBF, "00h-BFh except 02h", SYSTEM_EVENT_RECORD
);

/// An OEM timestamped record, types C0h–DFh (IPMI 2.0 §32.2, Table 32-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct OemTimestamped {
    /// The record type byte.
    pub record_type: OemTimestampedType,
    /// Bytes 4–7.
    pub timestamp: Timestamp,
    /// Bytes 8–10.
    pub manufacturer: ManufacturerId,
    /// Bytes 11–16, OEM defined.
    pub data: [u8; 6],
}

/// An OEM non-timestamped record, types E0h–FFh (IPMI 2.0 §32.3, Table 32-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct OemNonTimestamped {
    /// The record type byte.
    pub record_type: OemNonTimestampedType,
    /// Bytes 4–16, OEM defined.
    pub data: [u8; 13],
}

/// A record whose type the specification reserves (00h–BFh except 02h). Its 13 body bytes
/// are kept as they are. ipmitool prints such records as if they were system events;
/// [`SelRecord::as_system_event`] reads them that way too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ReservedRecord {
    /// The record type byte.
    pub record_type: ReservedType,
    /// Bytes 4–16.
    pub data: [u8; 13],
}

/// The body of a record, chosen by its record type byte (IPMI 2.0 §32).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RecordBody {
    /// 02h.
    System(SystemEvent),
    /// C0h–DFh.
    OemTimestamped(OemTimestamped),
    /// E0h–FFh.
    OemNonTimestamped(OemNonTimestamped),
    /// 00h–BFh except 02h.
    Reserved(ReservedRecord),
}

/// One SEL record, owned and `Copy`.
///
/// ```
/// use sel_codec::{SelRecord, RecordBody};
///
/// let bytes = [0x4d, 0x00, 0x02, 0xfd, 0x2a, 0x00, 0x00, 0x20, 0x00, 0x04,
///              0x22, 0x01, 0x6f, 0x05, 0xff, 0xff];
/// let record = SelRecord::from_bytes(&bytes);
/// assert_eq!(record.id, 0x4d);
/// let RecordBody::System(event) = record.body else { unreachable!() };
/// assert_eq!(event.sensor_type.0, 0x22);
/// assert_eq!(record.to_bytes(), bytes);
/// assert_eq!(
///     record.ipmitool_list().to_string(),
///     "  4d |  Pre-Init  |0000011005| System ACPI Power State #0x01 | S5/G2: soft-off | Asserted"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SelRecord {
    /// Record ID (bytes 1–2). 0000h and FFFFh are reserved for the SEL access commands and
    /// should not appear in stored records, but they decode like any other value.
    pub id: u16,
    /// Everything after the ID.
    pub body: RecordBody,
}

impl SelRecord {
    /// A system event record with the given ID.
    pub const fn system(id: u16, event: SystemEvent) -> Self {
        Self {
            id,
            body: RecordBody::System(event),
        }
    }

    /// Decodes 16 bytes. Total: every input decodes, and [`Self::to_bytes`] returns it.
    pub const fn from_bytes(b: &[u8; RECORD_LEN]) -> Self {
        let id = u16::from_le_bytes([b[0], b[1]]);
        let rt = b[2];
        let body = match rt {
            SYSTEM_EVENT_RECORD => RecordBody::System(SystemEvent::decode_body(b)),
            0xC0..=0xDF => RecordBody::OemTimestamped(OemTimestamped {
                record_type: OemTimestampedType(rt),
                timestamp: Timestamp(u32::from_le_bytes([b[3], b[4], b[5], b[6]])),
                manufacturer: ManufacturerId::from_le_bytes([b[7], b[8], b[9]]),
                data: [b[10], b[11], b[12], b[13], b[14], b[15]],
            }),
            0xE0..=0xFF => RecordBody::OemNonTimestamped(OemNonTimestamped {
                record_type: OemNonTimestampedType(rt),
                data: body13(b),
            }),
            _ => RecordBody::Reserved(ReservedRecord {
                record_type: ReservedType(rt),
                data: body13(b),
            }),
        };
        Self { id, body }
    }

    /// Decodes a slice that must be exactly 16 bytes long.
    pub fn parse(bytes: &[u8]) -> Result<Self, LengthError> {
        let b: &[u8; RECORD_LEN] = bytes.try_into().map_err(|_| LengthError {
            actual: bytes.len(),
        })?;
        Ok(Self::from_bytes(b))
    }

    /// Encodes the record into its 16 bytes.
    pub const fn to_bytes(&self) -> [u8; RECORD_LEN] {
        match &self.body {
            RecordBody::System(e) => e.encode_body(SYSTEM_EVENT_RECORD, self.id),
            RecordBody::OemTimestamped(o) => {
                let id = self.id.to_le_bytes();
                let ts = o.timestamp.0.to_le_bytes();
                let m = o.manufacturer.to_le_bytes();
                let d = o.data;
                [
                    id[0],
                    id[1],
                    o.record_type.0,
                    ts[0],
                    ts[1],
                    ts[2],
                    ts[3],
                    m[0],
                    m[1],
                    m[2],
                    d[0],
                    d[1],
                    d[2],
                    d[3],
                    d[4],
                    d[5],
                ]
            }
            RecordBody::OemNonTimestamped(o) => with13(self.id, o.record_type.0, &o.data),
            RecordBody::Reserved(r) => with13(self.id, r.record_type.0, &r.data),
        }
    }

    /// Writes the record into `out`, which must be at least 16 bytes long; returns the
    /// number of bytes written (16).
    pub fn emit(&self, out: &mut [u8]) -> Result<usize, LengthError> {
        let len = out.len();
        let dst = out
            .get_mut(..RECORD_LEN)
            .ok_or(LengthError { actual: len })?;
        dst.copy_from_slice(&self.to_bytes());
        Ok(RECORD_LEN)
    }

    /// The record type byte.
    pub const fn record_type(&self) -> u8 {
        match &self.body {
            RecordBody::System(_) => SYSTEM_EVENT_RECORD,
            RecordBody::OemTimestamped(o) => o.record_type.0,
            RecordBody::OemNonTimestamped(o) => o.record_type.0,
            RecordBody::Reserved(r) => r.record_type.0,
        }
    }

    /// The timestamp, for system events, reserved types and OEM timestamped records.
    pub const fn timestamp(&self) -> Option<Timestamp> {
        match &self.body {
            RecordBody::System(e) => Some(e.timestamp),
            RecordBody::OemTimestamped(o) => Some(o.timestamp),
            RecordBody::OemNonTimestamped(_) => None,
            RecordBody::Reserved(r) => Some(Timestamp(u32::from_le_bytes([
                r.data[0], r.data[1], r.data[2], r.data[3],
            ]))),
        }
    }

    /// The body read with the system event layout: always for type 02h, and for reserved
    /// types (as ipmitool does); `None` for OEM records.
    pub const fn as_system_event(&self) -> Option<SystemEvent> {
        match &self.body {
            RecordBody::System(e) => Some(*e),
            RecordBody::Reserved(_) => Some(SystemEvent::decode_body(&self.to_bytes())),
            _ => None,
        }
    }
}

const fn body13(b: &[u8; RECORD_LEN]) -> [u8; 13] {
    [
        b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15],
    ]
}

const fn with13(id: u16, rt: u8, d: &[u8; 13]) -> [u8; RECORD_LEN] {
    let id = id.to_le_bytes();
    [
        id[0], id[1], rt, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11],
        d[12],
    ]
}

impl From<[u8; RECORD_LEN]> for SelRecord {
    fn from(b: [u8; RECORD_LEN]) -> Self {
        Self::from_bytes(&b)
    }
}

impl From<SelRecord> for [u8; RECORD_LEN] {
    fn from(r: SelRecord) -> Self {
        r.to_bytes()
    }
}

impl TryFrom<&[u8]> for SelRecord {
    type Error = LengthError;
    fn try_from(bytes: &[u8]) -> Result<Self, LengthError> {
        Self::parse(bytes)
    }
}
