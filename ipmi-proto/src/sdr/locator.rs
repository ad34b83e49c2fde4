//! Device locator records (IPMI 2.0 §43.7–§43.9, Tables 43-7, 43-8, 43-9) and the OEM record
//! (§43.12, Table 43-11).

use sel_codec::ManufacturerId;

use super::error::SdrError;
use super::id_string::IdString;
use super::sensor::EntityInstance;
use super::{HEADER_LEN, RecordType};

macro_rules! locator_common {
    ($ty:ident, $rt:expr) => {
        impl<'a> $ty<'a> {
            /// The record type this struct reads and writes.
            pub const RECORD_TYPE: RecordType = $rt;
            /// Body bytes before the ID string's type/length byte.
            pub const FIXED_LEN: usize = 10;

            /// Parses a whole record (5-byte header and body).
            pub fn parse(record: &'a [u8]) -> Result<Self, SdrError> {
                let r = super::SdrRecordRef::new(record)?;
                r.check(Self::RECORD_TYPE)?;
                Self::from_body(r.record_id(), r.body())
            }

            /// Parses a record body (the bytes after the header).
            pub fn from_body(record_id: u16, body: &'a [u8]) -> Result<Self, SdrError> {
                let truncated = SdrError::Truncated {
                    needed: HEADER_LEN + 11,
                    got: HEADER_LEN + body.len(),
                };
                let (f, tail) = body.split_first_chunk::<10>().ok_or(truncated)?;
                let id = IdString::parse(tail).map_err(|e| match e {
                    SdrError::Truncated { .. } => truncated,
                    other => other,
                })?;
                Ok(Self::from_fixed(record_id, f, id))
            }

            /// Bytes [`Self::emit`] writes: header, body and ID string.
            pub const fn buffer_len(&self) -> usize {
                HEADER_LEN + 10 + self.id_string.encoded_len()
            }

            /// Writes the record (header included) into `buf`; returns its length.
            pub fn emit(&self, buf: &mut [u8]) -> Result<usize, SdrError> {
                let fixed = self.fixed_bytes();
                super::emit_parts(
                    buf,
                    self.record_id,
                    Self::RECORD_TYPE,
                    &[
                        &fixed,
                        &[self.id_string.type_length()],
                        self.id_string.data(),
                    ],
                )
            }
        }
    };
}

/// A Generic Device Locator Record (type 10h, IPMI 2.0 §43.7, Table 43-7): a device on an
/// IPMB or private bus reached with Master Write-Read. Bytes with bit fields are kept raw.
///
/// ```
/// use ipmi_proto::sdr::{GenericDeviceLocatorRecord, IdString};
/// let rec = GenericDeviceLocatorRecord {
///     record_id: 0x20,
///     device_access_address: 0x20,
///     device_slave_address: 0xA0,
///     access_bus: 0b0100_1010, // channel LS bits 010b, LUN 01b, private bus 2
///     id_string: IdString::ascii("DIMM_SPD").unwrap(),
///     ..Default::default()
/// };
/// assert_eq!((rec.channel(), rec.lun(), rec.private_bus()), (2, 1, 2));
/// let mut buf = [0u8; 32];
/// let n = rec.emit(&mut buf).unwrap();
/// assert_eq!(GenericDeviceLocatorRecord::parse(&buf[..n]).unwrap(), rec);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GenericDeviceLocatorRecord<'a> {
    /// Record ID.
    pub record_id: u16,
    /// Byte 6: bits 7:1 slave address of the controller used to reach the device.
    pub device_access_address: u8,
    /// Byte 7: bits 7:1 the device's 7-bit I2C address, bit 0 channel number MS bit.
    pub device_slave_address: u8,
    /// Byte 8: bits 7:5 channel number LS bits, 4:3 access LUN, 2:0 private bus ID.
    pub access_bus: u8,
    /// Byte 9: bits 2:0 address span, 7:3 reserved.
    pub address_span: u8,
    /// Byte 10, reserved.
    pub reserved: u8,
    /// Byte 11: device type (Table 43-12).
    pub device_type: u8,
    /// Byte 12: device type modifier.
    pub device_type_modifier: u8,
    /// Byte 13.
    pub entity_id: u8,
    /// Byte 14.
    pub entity_instance: EntityInstance,
    /// Byte 15.
    pub oem: u8,
    /// Bytes 16 and on.
    pub id_string: IdString<'a>,
}

locator_common!(
    GenericDeviceLocatorRecord,
    RecordType::GENERIC_DEVICE_LOCATOR
);

impl<'a> GenericDeviceLocatorRecord<'a> {
    fn from_fixed(record_id: u16, f: &[u8; 10], id_string: IdString<'a>) -> Self {
        let [a, s, ab, span, reserved, dt, dtm, eid, ei, oem] = *f;
        Self {
            record_id,
            device_access_address: a,
            device_slave_address: s,
            access_bus: ab,
            address_span: span,
            reserved,
            device_type: dt,
            device_type_modifier: dtm,
            entity_id: eid,
            entity_instance: EntityInstance(ei),
            oem,
            id_string,
        }
    }

    const fn fixed_bytes(&self) -> [u8; 10] {
        [
            self.device_access_address,
            self.device_slave_address,
            self.access_bus,
            self.address_span,
            self.reserved,
            self.device_type,
            self.device_type_modifier,
            self.entity_id,
            self.entity_instance.0,
            self.oem,
        ]
    }

    /// Channel number: byte 7 bit 0 (MS bit) and byte 8 bits 7:5.
    pub const fn channel(&self) -> u8 {
        ((self.device_slave_address & 1) << 3) | (self.access_bus >> 5)
    }

    /// Access LUN (byte 8 bits 4:3).
    pub const fn lun(&self) -> u8 {
        (self.access_bus >> 3) & 0b11
    }

    /// Private bus ID (byte 8 bits 2:0).
    pub const fn private_bus(&self) -> u8 {
        self.access_bus & 0b111
    }
}

/// A FRU Device Locator Record (type 11h, IPMI 2.0 §43.8, Table 43-8). Bytes with bit fields
/// are kept raw.
///
/// ```
/// use ipmi_proto::sdr::{FruDeviceLocatorRecord, IdString};
/// let rec = FruDeviceLocatorRecord {
///     record_id: 0x30,
///     device_access_address: 0x20,
///     fru_device_id: 0,
///     access_bus: 0x80, // logical FRU device
///     id_string: IdString::ascii("Builtin FRU").unwrap(),
///     ..Default::default()
/// };
/// assert!(rec.is_logical());
/// let mut buf = [0u8; 32];
/// let n = rec.emit(&mut buf).unwrap();
/// assert_eq!(FruDeviceLocatorRecord::parse(&buf[..n]).unwrap(), rec);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FruDeviceLocatorRecord<'a> {
    /// Record ID.
    pub record_id: u16,
    /// Byte 6: bits 7:1 slave address of the controller that holds or reaches the FRU.
    pub device_access_address: u8,
    /// Byte 7: the FRU device ID (logical), or bits 7:1 the 7-bit I2C address (physical).
    pub fru_device_id: u8,
    /// Byte 8: bit 7 logical FRU device, 6:5 reserved, 4:3 access LUN, 2:0 private bus ID.
    pub access_bus: u8,
    /// Byte 9: bits 7:4 channel number, 3:0 reserved.
    pub channel: u8,
    /// Byte 10, reserved.
    pub reserved: u8,
    /// Byte 11: device type (Table 43-12).
    pub device_type: u8,
    /// Byte 12: device type modifier.
    pub device_type_modifier: u8,
    /// Byte 13: FRU entity ID.
    pub entity_id: u8,
    /// Byte 14: FRU entity instance.
    pub entity_instance: EntityInstance,
    /// Byte 15.
    pub oem: u8,
    /// Bytes 16 and on.
    pub id_string: IdString<'a>,
}

locator_common!(FruDeviceLocatorRecord, RecordType::FRU_DEVICE_LOCATOR);

impl<'a> FruDeviceLocatorRecord<'a> {
    fn from_fixed(record_id: u16, f: &[u8; 10], id_string: IdString<'a>) -> Self {
        let [a, id, ab, ch, reserved, dt, dtm, eid, ei, oem] = *f;
        Self {
            record_id,
            device_access_address: a,
            fru_device_id: id,
            access_bus: ab,
            channel: ch,
            reserved,
            device_type: dt,
            device_type_modifier: dtm,
            entity_id: eid,
            entity_instance: EntityInstance(ei),
            oem,
            id_string,
        }
    }

    const fn fixed_bytes(&self) -> [u8; 10] {
        [
            self.device_access_address,
            self.fru_device_id,
            self.access_bus,
            self.channel,
            self.reserved,
            self.device_type,
            self.device_type_modifier,
            self.entity_id,
            self.entity_instance.0,
            self.oem,
        ]
    }

    /// A logical FRU device (reached with Read FRU Data), not a bare SEEPROM (byte 8 bit 7).
    pub const fn is_logical(&self) -> bool {
        self.access_bus & 0x80 != 0
    }

    /// Access LUN (byte 8 bits 4:3).
    pub const fn lun(&self) -> u8 {
        (self.access_bus >> 3) & 0b11
    }

    /// Private bus ID (byte 8 bits 2:0).
    pub const fn private_bus(&self) -> u8 {
        self.access_bus & 0b111
    }

    /// Channel number (byte 9 bits 7:4).
    pub const fn channel_number(&self) -> u8 {
        self.channel >> 4
    }
}

/// A Management Controller Device Locator Record (type 12h, IPMI 2.0 §43.9, Table 43-9).
/// Bytes with bit fields are kept raw.
///
/// ```
/// use ipmi_proto::sdr::{IdString, McDeviceLocatorRecord};
/// let rec = McDeviceLocatorRecord {
///     record_id: 1,
///     device_slave_address: 0x20,
///     capabilities: 0b1011_1111,
///     id_string: IdString::ascii("BMC").unwrap(),
///     ..Default::default()
/// };
/// let mut buf = [0u8; 32];
/// let n = rec.emit(&mut buf).unwrap();
/// assert_eq!(McDeviceLocatorRecord::parse(&buf[..n]).unwrap(), rec);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct McDeviceLocatorRecord<'a> {
    /// Record ID.
    pub record_id: u16,
    /// Byte 6: bits 7:1 the controller's slave address.
    pub device_slave_address: u8,
    /// Byte 7: bits 3:0 channel number, 7:4 reserved.
    pub channel: u8,
    /// Byte 8: power state notification (bits 7:5) and global initialization (bits 3:0).
    pub power_state_init: u8,
    /// Byte 9: device capabilities (bit 0 sensor device … bit 7 chassis device).
    pub capabilities: u8,
    /// Bytes 10–12, reserved.
    pub reserved: [u8; 3],
    /// Byte 13.
    pub entity_id: u8,
    /// Byte 14.
    pub entity_instance: EntityInstance,
    /// Byte 15.
    pub oem: u8,
    /// Bytes 16 and on.
    pub id_string: IdString<'a>,
}

locator_common!(McDeviceLocatorRecord, RecordType::MC_DEVICE_LOCATOR);

impl<'a> McDeviceLocatorRecord<'a> {
    fn from_fixed(record_id: u16, f: &[u8; 10], id_string: IdString<'a>) -> Self {
        let [a, ch, psi, caps, r0, r1, r2, eid, ei, oem] = *f;
        Self {
            record_id,
            device_slave_address: a,
            channel: ch,
            power_state_init: psi,
            capabilities: caps,
            reserved: [r0, r1, r2],
            entity_id: eid,
            entity_instance: EntityInstance(ei),
            oem,
            id_string,
        }
    }

    const fn fixed_bytes(&self) -> [u8; 10] {
        let [r0, r1, r2] = self.reserved;
        [
            self.device_slave_address,
            self.channel,
            self.power_state_init,
            self.capabilities,
            r0,
            r1,
            r2,
            self.entity_id,
            self.entity_instance.0,
            self.oem,
        ]
    }

    /// Channel number (byte 7 bits 3:0).
    pub const fn channel_number(&self) -> u8 {
        self.channel & 0x0F
    }
}

/// An OEM Record (type C0h, IPMI 2.0 §43.12, Table 43-11): a manufacturer ID and OEM data.
///
/// ```
/// use ipmi_proto::sdr::OemRecord;
/// use sel_codec::ManufacturerId;
/// let rec = OemRecord { record_id: 9, manufacturer: ManufacturerId::new(0x0002A2).unwrap(), data: &[1, 2, 3] };
/// let mut buf = [0u8; 16];
/// let n = rec.emit(&mut buf).unwrap();
/// assert_eq!(&buf[..n], &[9, 0, 0x51, 0xC0, 6, 0xA2, 0x02, 0x00, 1, 2, 3]);
/// assert_eq!(OemRecord::parse(&buf[..n]).unwrap(), rec);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct OemRecord<'a> {
    /// Record ID.
    pub record_id: u16,
    /// Bytes 6–8: IANA enterprise number, least significant byte first.
    pub manufacturer: ManufacturerId,
    /// Bytes 9 and on.
    pub data: &'a [u8],
}

#[cfg(feature = "defmt")]
impl defmt::Format for OemRecord<'_> {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(
            f,
            "OemRecord {{ record_id: {=u16}, manufacturer: {=u32}, data: {=[u8]} }}",
            self.record_id,
            self.manufacturer.get(),
            self.data
        );
    }
}

impl<'a> OemRecord<'a> {
    /// The record type this struct reads and writes.
    pub const RECORD_TYPE: RecordType = RecordType::OEM;

    /// Parses a whole record (5-byte header and body).
    pub fn parse(record: &'a [u8]) -> Result<Self, SdrError> {
        let r = super::SdrRecordRef::new(record)?;
        r.check(Self::RECORD_TYPE)?;
        Self::from_body(r.record_id(), r.body())
    }

    /// Parses a record body (the bytes after the header).
    pub fn from_body(record_id: u16, body: &'a [u8]) -> Result<Self, SdrError> {
        let (m, data) = body.split_first_chunk::<3>().ok_or(SdrError::Truncated {
            needed: HEADER_LEN + 3,
            got: HEADER_LEN + body.len(),
        })?;
        Ok(Self {
            record_id,
            manufacturer: ManufacturerId::from_le_bytes(*m),
            data,
        })
    }

    /// Bytes [`Self::emit`] writes.
    pub const fn buffer_len(&self) -> usize {
        HEADER_LEN + 3 + self.data.len()
    }

    /// Writes the record (header included) into `buf`; returns its length.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, SdrError> {
        super::emit_parts(
            buf,
            self.record_id,
            Self::RECORD_TYPE,
            &[&self.manufacturer.to_le_bytes(), self.data],
        )
    }
}
