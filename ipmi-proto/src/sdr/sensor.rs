//! Sensor records: Full (01h), Compact (02h) and Event-Only (03h), IPMI 2.0 §43.1–§43.3,
//! Tables 43-1, 43-2 and 43-3.

use core::fmt;

use sel_codec::SensorType;
use sel_codec::text::{SensorUnit, UnitRelation};

use super::conversion::{Accuracy, AnalogDataFormat, Conversion, Linearization};
use super::error::SdrError;
use super::id_string::IdString;
use super::{RecordType, range};

/// The record key of a sensor record (IPMI 2.0 Table 43-1 bytes 6–8): sensor owner ID,
/// owner LUN with channel, and sensor number. The raw bytes are kept; accessors decode them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SensorKey {
    /// Byte 6: bits 7:1 slave address or software ID, bit 0 set for a software ID.
    pub owner_id: u8,
    /// Byte 7: bits 7:4 channel number, bits 3:2 reserved (FRU inventory owner LUN in
    /// event-only records), bits 1:0 sensor owner LUN.
    pub owner_lun: u8,
    /// Byte 8: sensor number.
    pub number: u8,
}

impl SensorKey {
    /// The owner is system software (bit 0 of byte 6), not an IPMB controller.
    pub const fn is_software_owner(&self) -> bool {
        self.owner_id & 1 != 0
    }

    /// The owner as an 8-bit IPMB slave address (or software ID) with bit 0 clear, the way
    /// SEL generator IDs and ipmitool show it.
    pub const fn owner_address(&self) -> u8 {
        self.owner_id & 0xFE
    }

    /// Channel number (byte 7 bits 7:4).
    pub const fn channel(&self) -> u8 {
        self.owner_lun >> 4
    }

    /// Sensor owner LUN (byte 7 bits 1:0).
    pub const fn lun(&self) -> u8 {
        self.owner_lun & 0b11
    }
}

/// An entity instance byte (IPMI 2.0 §39.1, Table 43-1 byte 10): bit 7 set for a logical
/// container entity, bits 6:0 the instance number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EntityInstance(pub u8);

impl EntityInstance {
    /// The instance number (bits 6:0).
    pub const fn number(self) -> u8 {
        self.0 & 0x7F
    }

    /// `true` for a logical container entity, `false` for a physical entity.
    pub const fn is_logical(self) -> bool {
        self.0 & 0x80 != 0
    }

    /// `true` for a device-relative instance (60h–7Fh) as §39.1 defines.
    pub const fn is_device_relative(self) -> bool {
        self.number() >= 0x60
    }
}

/// Rate unit (IPMI 2.0 Table 43-1 byte 21 bits 5:3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RateUnit {
    /// 000b: none.
    #[default]
    None,
    /// 001b: per µs.
    PerMicrosecond,
    /// 010b: per ms.
    PerMillisecond,
    /// 011b: per s.
    PerSecond,
    /// 100b: per minute.
    PerMinute,
    /// 101b: per hour.
    PerHour,
    /// 110b: per day.
    PerDay,
    /// 111b: reserved.
    Reserved,
}

impl RateUnit {
    const ALL: [Self; 8] = [
        Self::None,
        Self::PerMicrosecond,
        Self::PerMillisecond,
        Self::PerSecond,
        Self::PerMinute,
        Self::PerHour,
        Self::PerDay,
        Self::Reserved,
    ];

    /// From the three bits.
    pub fn from_bits(bits: u8) -> Self {
        Self::ALL
            .get(usize::from(bits & 0b111))
            .copied()
            .unwrap_or(Self::Reserved)
    }

    /// The three bits.
    pub const fn bits(self) -> u8 {
        self as u8
    }
}

/// How the modifier unit combines with the base unit (IPMI 2.0 Table 43-1 byte 21 bits 2:1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ModifierRelation {
    /// 00b: none.
    #[default]
    None,
    /// 01b: base unit / modifier unit.
    Divide,
    /// 10b: base unit × modifier unit.
    Multiply,
    /// 11b: reserved.
    Reserved,
}

impl ModifierRelation {
    /// From the two bits.
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 0b11 {
            0 => Self::None,
            1 => Self::Divide,
            2 => Self::Multiply,
            _ => Self::Reserved,
        }
    }

    /// The two bits.
    pub const fn bits(self) -> u8 {
        self as u8
    }
}

/// Sensor units (IPMI 2.0 Table 43-1 bytes 21–23; unit codes in Table 43-15). Displays as
/// ipmitool prints units (`degrees C`, `% RPM`, `Watts/hour`…).
///
/// ```
/// use ipmi_proto::sdr::SensorUnits;
/// let u = SensorUnits::from_bytes([0x00, 0x01, 0x00]);
/// assert_eq!(u.to_string(), "degrees C");
/// assert_eq!(u.to_bytes(), [0x00, 0x01, 0x00]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SensorUnits {
    /// Byte 21 bits 7:6.
    pub analog_format: AnalogDataFormat,
    /// Byte 21 bits 5:3.
    pub rate: RateUnit,
    /// Byte 21 bits 2:1.
    pub modifier_relation: ModifierRelation,
    /// Byte 21 bit 0: the reading is a percentage.
    pub percentage: bool,
    /// Byte 22: base unit code.
    pub base: u8,
    /// Byte 23: modifier unit code.
    pub modifier: u8,
}

impl SensorUnits {
    /// From bytes 21–23.
    pub fn from_bytes([u1, base, modifier]: [u8; 3]) -> Self {
        Self {
            analog_format: AnalogDataFormat::from_bits(u1 >> 6),
            rate: RateUnit::from_bits(u1 >> 3),
            modifier_relation: ModifierRelation::from_bits(u1 >> 1),
            percentage: u1 & 1 != 0,
            base,
            modifier,
        }
    }

    /// Bytes 21–23.
    pub const fn to_bytes(&self) -> [u8; 3] {
        let u1 = (self.analog_format.bits() << 6)
            | (self.rate.bits() << 3)
            | (self.modifier_relation.bits() << 1)
            | self.percentage as u8;
        [u1, self.base, self.modifier]
    }

    /// The unit in `sel-codec`'s form (used for its `elist` readings). A reserved modifier
    /// relation becomes "none", as ipmitool prints it.
    pub const fn sel_unit(&self) -> SensorUnit {
        SensorUnit {
            base: self.base,
            modifier: self.modifier,
            relation: match self.modifier_relation {
                ModifierRelation::Divide => UnitRelation::Divide,
                ModifierRelation::Multiply => UnitRelation::Multiply,
                ModifierRelation::None | ModifierRelation::Reserved => UnitRelation::None,
            },
            percentage: self.percentage,
        }
    }
}

impl fmt::Display for SensorUnits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.sel_unit(), f)
    }
}

/// Threshold values, raw (IPMI 2.0 Table 43-1 bytes 37–42).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Thresholds {
    /// Upper non-recoverable (byte 37).
    pub upper_non_recoverable: u8,
    /// Upper critical (byte 38).
    pub upper_critical: u8,
    /// Upper non-critical (byte 39).
    pub upper_non_critical: u8,
    /// Lower non-recoverable (byte 40).
    pub lower_non_recoverable: u8,
    /// Lower critical (byte 41).
    pub lower_critical: u8,
    /// Lower non-critical (byte 42).
    pub lower_non_critical: u8,
}

/// Sensor direction (IPMI 2.0 Table 43-1 byte 29 bits 1:0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SensorDirection {
    /// 00b: unspecified / not applicable.
    #[default]
    Unspecified,
    /// 01b: input.
    Input,
    /// 10b: output.
    Output,
    /// 11b: reserved.
    Reserved,
}

impl SensorDirection {
    /// From the two bits.
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 0b11 {
            0 => Self::Unspecified,
            1 => Self::Input,
            2 => Self::Output,
            _ => Self::Reserved,
        }
    }

    /// The two bits.
    pub const fn bits(self) -> u8 {
        self as u8
    }
}

/// Record sharing bytes of compact and event-only records (IPMI 2.0 Table 43-2 bytes 24–25,
/// Table 43-3 bytes 13–14), kept raw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RecordSharing(pub [u8; 2]);

impl RecordSharing {
    /// Sensor direction (first byte bits 7:6).
    pub const fn direction(self) -> SensorDirection {
        SensorDirection::from_bits(self.0[0] >> 6)
    }

    /// ID string instance modifier type (first byte bits 5:4): 0 numeric, 1 alpha.
    pub const fn modifier_type(self) -> u8 {
        (self.0[0] >> 4) & 0b11
    }

    /// Share count (first byte bits 3:0): how many sensors share the record.
    pub const fn share_count(self) -> u8 {
        self.0[0] & 0x0F
    }

    /// Entity instance increments for each shared sensor (second byte bit 7).
    pub const fn entity_instance_increments(self) -> bool {
        self.0[1] & 0x80 != 0
    }

    /// ID string instance modifier offset (second byte bits 6:0).
    pub const fn modifier_offset(self) -> u8 {
        self.0[1] & 0x7F
    }
}

fn u16_le(lo: u8, hi: u8) -> u16 {
    u16::from_le_bytes([lo, hi])
}

/// Sign-extends the low `bits` bits of `v`.
fn sign_extend(v: u16, bits: u32) -> i16 {
    let shift = 16 - bits;
    ((v << shift) as i16) >> shift
}

macro_rules! record_common {
    ($ty:ident, $rt:expr, $fixed:expr) => {
        impl<'a> $ty<'a> {
            /// The record type this struct reads and writes.
            pub const RECORD_TYPE: RecordType = $rt;
            /// Body bytes before the ID string's type/length byte.
            pub const FIXED_LEN: usize = $fixed;

            /// Parses a whole record (5-byte header and body).
            pub fn parse(record: &'a [u8]) -> Result<Self, SdrError> {
                let r = super::SdrRecordRef::new(record)?;
                r.check(Self::RECORD_TYPE)?;
                Self::from_body(r.record_id(), r.body())
            }

            /// Parses a record body (the bytes after the header).
            pub fn from_body(record_id: u16, body: &'a [u8]) -> Result<Self, SdrError> {
                let (fixed, tail) =
                    body.split_first_chunk::<$fixed>()
                        .ok_or(SdrError::Truncated {
                            needed: super::HEADER_LEN + $fixed + 1,
                            got: super::HEADER_LEN + body.len(),
                        })?;
                let id = IdString::parse(tail).map_err(|e| match e {
                    SdrError::Truncated { .. } => SdrError::Truncated {
                        needed: super::HEADER_LEN + $fixed + 1,
                        got: super::HEADER_LEN + body.len(),
                    },
                    other => other,
                })?;
                Ok(Self::from_fixed(record_id, fixed, id))
            }

            /// Bytes [`Self::emit`] writes: header, body and ID string.
            pub const fn buffer_len(&self) -> usize {
                super::HEADER_LEN + $fixed + self.id_string.encoded_len()
            }

            /// Writes the record (header included) into `buf`; returns its length.
            pub fn emit(&self, buf: &mut [u8]) -> Result<usize, SdrError> {
                let fixed = self.fixed_bytes()?;
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

/// A Full Sensor Record (type 01h, IPMI 2.0 §43.1, Table 43-1). Every byte is kept, reserved
/// bits included, so emitting a parsed record gives the same bytes.
///
/// ```
/// use ipmi_proto::sdr::{FullSensorRecord, IdString};
///
/// let rec = FullSensorRecord {
///     record_id: 0x0010,
///     m: 1,
///     id_string: IdString::ascii("CPU_TEMP").unwrap(),
///     ..FullSensorRecord::default()
/// };
/// let mut buf = [0u8; 64];
/// let n = rec.emit(&mut buf).unwrap();
/// assert_eq!(n, rec.buffer_len());
/// assert_eq!(buf[..5], [0x10, 0x00, 0x51, 0x01, 43 + 8]);
/// let back = FullSensorRecord::parse(&buf[..n]).unwrap();
/// assert_eq!(back, rec);
/// assert_eq!(back.conversion().to_value(42).unwrap(), 42.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FullSensorRecord<'a> {
    /// Record ID (header bytes 1–2).
    pub record_id: u16,
    /// Bytes 6–8.
    pub key: SensorKey,
    /// Byte 9: entity ID (Table 43-13).
    pub entity_id: u8,
    /// Byte 10.
    pub entity_instance: EntityInstance,
    /// Byte 11: sensor initialization flags, raw.
    pub initialization: u8,
    /// Byte 12: sensor capabilities, raw.
    pub capabilities: u8,
    /// Byte 13.
    pub sensor_type: SensorType,
    /// Byte 14: event/reading type code (Table 42-1).
    pub event_reading_type: u8,
    /// Bytes 15–16: assertion event mask / lower threshold reading mask.
    pub assertion_mask: u16,
    /// Bytes 17–18: deassertion event mask / upper threshold reading mask.
    pub deassertion_mask: u16,
    /// Bytes 19–20: discrete reading mask / settable and readable threshold masks.
    pub reading_mask: u16,
    /// Bytes 21–23.
    pub units: SensorUnits,
    /// Byte 24.
    pub linearization: Linearization,
    /// M (bytes 25–26, 10-bit signed).
    pub m: i16,
    /// Tolerance in ± half raw counts (byte 26 bits 5:0).
    pub tolerance: u8,
    /// B (bytes 27–28, 10-bit signed).
    pub b: i16,
    /// Accuracy (bytes 28–29, 10 bits, 1/100 percent) and its exponent (byte 29 bits 3:2).
    pub accuracy: Accuracy,
    /// Byte 29 bits 1:0.
    pub direction: SensorDirection,
    /// K2, the result exponent (byte 30 bits 7:4, signed).
    pub r_exp: i8,
    /// K1, the B exponent (byte 30 bits 3:0, signed).
    pub b_exp: i8,
    /// Byte 31: analog characteristic flags, raw (bit 0 nominal reading, bit 1 normal
    /// maximum, bit 2 normal minimum specified).
    pub analog_flags: u8,
    /// Byte 32.
    pub nominal_reading: u8,
    /// Byte 33.
    pub normal_max: u8,
    /// Byte 34.
    pub normal_min: u8,
    /// Byte 35.
    pub sensor_max: u8,
    /// Byte 36.
    pub sensor_min: u8,
    /// Bytes 37–42.
    pub thresholds: Thresholds,
    /// Byte 43: positive-going threshold hysteresis, raw.
    pub hysteresis_positive: u8,
    /// Byte 44: negative-going threshold hysteresis, raw.
    pub hysteresis_negative: u8,
    /// Bytes 45–46, reserved.
    pub reserved: [u8; 2],
    /// Byte 47: reserved for OEM use.
    pub oem: u8,
    /// Bytes 48 and on.
    pub id_string: IdString<'a>,
}

record_common!(FullSensorRecord, RecordType::FULL_SENSOR, 42);

impl<'a> FullSensorRecord<'a> {
    fn from_fixed(record_id: u16, f: &[u8; 42], id_string: IdString<'a>) -> Self {
        let [
            owner_id,
            owner_lun,
            number,
            entity_id,
            instance,
            initialization,
            capabilities,
            sensor_type,
            event_reading_type,
            am0,
            am1,
            dm0,
            dm1,
            rm0,
            rm1,
            u1,
            u2,
            u3,
            linearization,
            m_ls,
            m_tol,
            b_ls,
            b_acc,
            acc_dir,
            exps,
            analog_flags,
            nominal_reading,
            normal_max,
            normal_min,
            sensor_max,
            sensor_min,
            unr,
            uc,
            unc,
            lnr,
            lc,
            lnc,
            hysteresis_positive,
            hysteresis_negative,
            r0,
            r1,
            oem,
        ] = *f;
        Self {
            record_id,
            key: SensorKey {
                owner_id,
                owner_lun,
                number,
            },
            entity_id,
            entity_instance: EntityInstance(instance),
            initialization,
            capabilities,
            sensor_type: SensorType(sensor_type),
            event_reading_type,
            assertion_mask: u16_le(am0, am1),
            deassertion_mask: u16_le(dm0, dm1),
            reading_mask: u16_le(rm0, rm1),
            units: SensorUnits::from_bytes([u1, u2, u3]),
            linearization: Linearization::from_byte(linearization),
            // Table 43-1 bytes 25–30.
            m: sign_extend(u16::from(m_ls) | (u16::from(m_tol >> 6) << 8), 10),
            tolerance: m_tol & 0x3F,
            b: sign_extend(u16::from(b_ls) | (u16::from(b_acc >> 6) << 8), 10),
            accuracy: Accuracy {
                accuracy: u16::from(b_acc & 0x3F) | (u16::from(acc_dir >> 4) << 6),
                exp: (acc_dir >> 2) & 0b11,
            },
            direction: SensorDirection::from_bits(acc_dir),
            r_exp: (exps as i8) >> 4,
            b_exp: ((exps << 4) as i8) >> 4,
            analog_flags,
            nominal_reading,
            normal_max,
            normal_min,
            sensor_max,
            sensor_min,
            thresholds: Thresholds {
                upper_non_recoverable: unr,
                upper_critical: uc,
                upper_non_critical: unc,
                lower_non_recoverable: lnr,
                lower_critical: lc,
                lower_non_critical: lnc,
            },
            hysteresis_positive,
            hysteresis_negative,
            reserved: [r0, r1],
            oem,
            id_string,
        }
    }

    fn fixed_bytes(&self) -> Result<[u8; 42], SdrError> {
        range("M", self.m.into(), -512, 511)?;
        range("B", self.b.into(), -512, 511)?;
        range("tolerance", self.tolerance.into(), 0, 0x3F)?;
        range("accuracy", self.accuracy.accuracy.into(), 0, 0x3FF)?;
        range("accuracy exponent", self.accuracy.exp.into(), 0, 3)?;
        range("R exponent", self.r_exp.into(), -8, 7)?;
        range("B exponent", self.b_exp.into(), -8, 7)?;
        if !self.linearization.is_canonical() {
            return Err(SdrError::FieldOutOfRange {
                field: "linearization (escape variant holds a named code)",
                value: self.linearization.to_byte().into(),
                min: 0,
                max: 0xFF,
            });
        }
        let [am0, am1] = self.assertion_mask.to_le_bytes();
        let [dm0, dm1] = self.deassertion_mask.to_le_bytes();
        let [rm0, rm1] = self.reading_mask.to_le_bytes();
        let [u1, u2, u3] = self.units.to_bytes();
        let [m_ls, m_ms] = ((self.m as u16) & 0x3FF).to_le_bytes();
        let [b_ls, b_ms] = ((self.b as u16) & 0x3FF).to_le_bytes();
        let acc = self.accuracy.accuracy;
        let t = &self.thresholds;
        Ok([
            self.key.owner_id,
            self.key.owner_lun,
            self.key.number,
            self.entity_id,
            self.entity_instance.0,
            self.initialization,
            self.capabilities,
            self.sensor_type.0,
            self.event_reading_type,
            am0,
            am1,
            dm0,
            dm1,
            rm0,
            rm1,
            u1,
            u2,
            u3,
            self.linearization.to_byte(),
            m_ls,
            (m_ms << 6) | self.tolerance,
            b_ls,
            (b_ms << 6) | (acc & 0x3F) as u8,
            (((acc >> 6) as u8) << 4) | (self.accuracy.exp << 2) | self.direction.bits(),
            ((self.r_exp as u8) << 4) | ((self.b_exp as u8) & 0x0F),
            self.analog_flags,
            self.nominal_reading,
            self.normal_max,
            self.normal_min,
            self.sensor_max,
            self.sensor_min,
            t.upper_non_recoverable,
            t.upper_critical,
            t.upper_non_critical,
            t.lower_non_recoverable,
            t.lower_critical,
            t.lower_non_critical,
            self.hysteresis_positive,
            self.hysteresis_negative,
            self.reserved[0],
            self.reserved[1],
            self.oem,
        ])
    }

    /// The reading conversion of this record (§36.3).
    pub const fn conversion(&self) -> Conversion {
        Conversion {
            format: self.units.analog_format,
            linearization: self.linearization,
            m: self.m,
            b: self.b,
            b_exp: self.b_exp,
            r_exp: self.r_exp,
        }
    }

    /// Sets the conversion fields (format, linearization, M, B, K1, K2) from `c`.
    pub const fn set_conversion(&mut self, c: Conversion) {
        self.units.analog_format = c.format;
        self.linearization = c.linearization;
        self.m = c.m;
        self.b = c.b;
        self.b_exp = c.b_exp;
        self.r_exp = c.r_exp;
    }

    /// `true` for a threshold-based sensor (event/reading type 01h, Table 42-1).
    pub const fn is_threshold(&self) -> bool {
        self.event_reading_type == 0x01
    }

    /// The linear conversion in `sel-codec`'s form, for its `elist` threshold readings;
    /// `None` unless the sensor is analog with linearization 00h (the only case `sel-codec`'s
    /// conversion covers exactly).
    pub fn sel_linear(&self) -> Option<sel_codec::text::Linear> {
        use sel_codec::text::AnalogFormat;
        let format = match self.units.analog_format {
            AnalogDataFormat::Unsigned => AnalogFormat::Unsigned,
            AnalogDataFormat::OnesComplement => AnalogFormat::OnesComplement,
            AnalogDataFormat::TwosComplement => AnalogFormat::TwosComplement,
            AnalogDataFormat::NoAnalog => return None,
        };
        (self.linearization == Linearization::Linear).then_some(sel_codec::text::Linear {
            m: self.m,
            b: self.b,
            b_exp: self.b_exp,
            r_exp: self.r_exp,
            format,
            unit: self.units.sel_unit(),
        })
    }
}

/// A Compact Sensor Record (type 02h, IPMI 2.0 §43.2, Table 43-2): no conversion factors,
/// optionally shared by several sensors. Every byte is kept.
///
/// ```
/// use ipmi_proto::sdr::{CompactSensorRecord, IdString, SdrRecord};
///
/// let rec = CompactSensorRecord {
///     record_id: 7,
///     id_string: IdString::ascii("PSU0_STATUS").unwrap(),
///     ..CompactSensorRecord::default()
/// };
/// let mut buf = [0u8; 64];
/// let n = rec.emit(&mut buf).unwrap();
/// assert_eq!(SdrRecord::parse(&buf[..n]).unwrap(), SdrRecord::CompactSensor(rec));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CompactSensorRecord<'a> {
    /// Record ID.
    pub record_id: u16,
    /// Bytes 6–8.
    pub key: SensorKey,
    /// Byte 9.
    pub entity_id: u8,
    /// Byte 10.
    pub entity_instance: EntityInstance,
    /// Byte 11: sensor initialization flags, raw.
    pub initialization: u8,
    /// Byte 12: sensor capabilities, raw.
    pub capabilities: u8,
    /// Byte 13.
    pub sensor_type: SensorType,
    /// Byte 14.
    pub event_reading_type: u8,
    /// Bytes 15–16.
    pub assertion_mask: u16,
    /// Bytes 17–18.
    pub deassertion_mask: u16,
    /// Bytes 19–20.
    pub reading_mask: u16,
    /// Bytes 21–23.
    pub units: SensorUnits,
    /// Bytes 24–25.
    pub sharing: RecordSharing,
    /// Byte 26.
    pub hysteresis_positive: u8,
    /// Byte 27.
    pub hysteresis_negative: u8,
    /// Bytes 28–30, reserved.
    pub reserved: [u8; 3],
    /// Byte 31.
    pub oem: u8,
    /// Bytes 32 and on.
    pub id_string: IdString<'a>,
}

record_common!(CompactSensorRecord, RecordType::COMPACT_SENSOR, 26);

impl<'a> CompactSensorRecord<'a> {
    fn from_fixed(record_id: u16, f: &[u8; 26], id_string: IdString<'a>) -> Self {
        let [
            owner_id,
            owner_lun,
            number,
            entity_id,
            instance,
            initialization,
            capabilities,
            sensor_type,
            event_reading_type,
            am0,
            am1,
            dm0,
            dm1,
            rm0,
            rm1,
            u1,
            u2,
            u3,
            s0,
            s1,
            hysteresis_positive,
            hysteresis_negative,
            r0,
            r1,
            r2,
            oem,
        ] = *f;
        Self {
            record_id,
            key: SensorKey {
                owner_id,
                owner_lun,
                number,
            },
            entity_id,
            entity_instance: EntityInstance(instance),
            initialization,
            capabilities,
            sensor_type: SensorType(sensor_type),
            event_reading_type,
            assertion_mask: u16_le(am0, am1),
            deassertion_mask: u16_le(dm0, dm1),
            reading_mask: u16_le(rm0, rm1),
            units: SensorUnits::from_bytes([u1, u2, u3]),
            sharing: RecordSharing([s0, s1]),
            hysteresis_positive,
            hysteresis_negative,
            reserved: [r0, r1, r2],
            oem,
            id_string,
        }
    }

    fn fixed_bytes(&self) -> Result<[u8; 26], SdrError> {
        let [am0, am1] = self.assertion_mask.to_le_bytes();
        let [dm0, dm1] = self.deassertion_mask.to_le_bytes();
        let [rm0, rm1] = self.reading_mask.to_le_bytes();
        let [u1, u2, u3] = self.units.to_bytes();
        let [s0, s1] = self.sharing.0;
        let [r0, r1, r2] = self.reserved;
        Ok([
            self.key.owner_id,
            self.key.owner_lun,
            self.key.number,
            self.entity_id,
            self.entity_instance.0,
            self.initialization,
            self.capabilities,
            self.sensor_type.0,
            self.event_reading_type,
            am0,
            am1,
            dm0,
            dm1,
            rm0,
            rm1,
            u1,
            u2,
            u3,
            s0,
            s1,
            self.hysteresis_positive,
            self.hysteresis_negative,
            r0,
            r1,
            r2,
            self.oem,
        ])
    }
}

/// An Event-Only Sensor Record (type 03h, IPMI 2.0 §43.3, Table 43-3): a sensor that only
/// generates events and has no reading. Every byte is kept.
///
/// ```
/// use ipmi_proto::sdr::{EventOnlyRecord, IdString};
/// let rec = EventOnlyRecord { record_id: 3, id_string: IdString::ascii("ACPI_STATUS").unwrap(), ..EventOnlyRecord::default() };
/// let mut buf = [0u8; 32];
/// let n = rec.emit(&mut buf).unwrap();
/// assert_eq!(EventOnlyRecord::parse(&buf[..n]).unwrap(), rec);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EventOnlyRecord<'a> {
    /// Record ID.
    pub record_id: u16,
    /// Bytes 6–8 (byte 7 bits 3:2 hold the FRU inventory device owner LUN).
    pub key: SensorKey,
    /// Byte 9.
    pub entity_id: u8,
    /// Byte 10.
    pub entity_instance: EntityInstance,
    /// Byte 11.
    pub sensor_type: SensorType,
    /// Byte 12.
    pub event_reading_type: u8,
    /// Bytes 13–14.
    pub sharing: RecordSharing,
    /// Byte 15, reserved.
    pub reserved: u8,
    /// Byte 16.
    pub oem: u8,
    /// Bytes 17 and on.
    pub id_string: IdString<'a>,
}

record_common!(EventOnlyRecord, RecordType::EVENT_ONLY, 11);

impl<'a> EventOnlyRecord<'a> {
    fn from_fixed(record_id: u16, f: &[u8; 11], id_string: IdString<'a>) -> Self {
        let [
            owner_id,
            owner_lun,
            number,
            entity_id,
            instance,
            sensor_type,
            event_reading_type,
            s0,
            s1,
            reserved,
            oem,
        ] = *f;
        Self {
            record_id,
            key: SensorKey {
                owner_id,
                owner_lun,
                number,
            },
            entity_id,
            entity_instance: EntityInstance(instance),
            sensor_type: SensorType(sensor_type),
            event_reading_type,
            sharing: RecordSharing([s0, s1]),
            reserved,
            oem,
            id_string,
        }
    }

    fn fixed_bytes(&self) -> Result<[u8; 11], SdrError> {
        let [s0, s1] = self.sharing.0;
        Ok([
            self.key.owner_id,
            self.key.owner_lun,
            self.key.number,
            self.entity_id,
            self.entity_instance.0,
            self.sensor_type.0,
            self.event_reading_type,
            s0,
            s1,
            self.reserved,
            self.oem,
        ])
    }
}
