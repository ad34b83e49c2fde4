//! The multirecord area (FRU Information Storage Definition §16) and the power supply
//! records it carries (§18.1–§18.3).

use core::fmt;

use super::checksum::{zero_checksum, zero_sum};
use super::error::{Area, BuildError, FruError};

/// Length of a multirecord header (§16.1 Table 16-1).
pub const RECORD_HEADER_LEN: usize = 5;

/// Record format version in bits 3:0 of header byte 2 (§16.1: 2h for this specification).
pub const RECORD_FORMAT_VERSION: u8 = 0x02;

/// Header byte 2 bit 7: this is the last record of the area.
const END_OF_LIST: u8 = 0x80;

/// A multirecord type (§16.1 Table 16-2). Every byte value has exactly one variant:
/// named types, [`RecordType::Oem`] for C0h–FFh and [`RecordType::Reserved`] for the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RecordType {
    /// 00h: Power Supply Information.
    PowerSupplyInformation,
    /// 01h: DC Output.
    DcOutput,
    /// 02h: DC Load.
    DcLoad,
    /// 03h: Management Access Record.
    ManagementAccess,
    /// 04h: Base Compatibility Record.
    BaseCompatibility,
    /// 05h: Extended Compatibility Record.
    ExtendedCompatibility,
    /// 06h: reserved for ASF SMBus device records.
    AsfFixedSmbusDevice,
    /// 07h: reserved for ASF legacy-device alerts.
    AsfLegacyDeviceAlerts,
    /// 08h: reserved for ASF remote control.
    AsfRemoteControl,
    /// 09h: Extended DC Output.
    ExtendedDcOutput,
    /// 0Ah: Extended DC Load.
    ExtendedDcLoad,
    /// C0h–FFh: OEM record types.
    Oem(u8),
    /// 0Bh–BFh: reserved.
    Reserved(u8),
}

impl RecordType {
    /// The type of a record type byte.
    pub const fn from_u8(code: u8) -> Self {
        match code {
            0x00 => Self::PowerSupplyInformation,
            0x01 => Self::DcOutput,
            0x02 => Self::DcLoad,
            0x03 => Self::ManagementAccess,
            0x04 => Self::BaseCompatibility,
            0x05 => Self::ExtendedCompatibility,
            0x06 => Self::AsfFixedSmbusDevice,
            0x07 => Self::AsfLegacyDeviceAlerts,
            0x08 => Self::AsfRemoteControl,
            0x09 => Self::ExtendedDcOutput,
            0x0A => Self::ExtendedDcLoad,
            0xC0..=0xFF => Self::Oem(code),
            _ => Self::Reserved(code),
        }
    }

    /// The record type byte.
    pub const fn to_u8(self) -> u8 {
        match self {
            Self::PowerSupplyInformation => 0x00,
            Self::DcOutput => 0x01,
            Self::DcLoad => 0x02,
            Self::ManagementAccess => 0x03,
            Self::BaseCompatibility => 0x04,
            Self::ExtendedCompatibility => 0x05,
            Self::AsfFixedSmbusDevice => 0x06,
            Self::AsfLegacyDeviceAlerts => 0x07,
            Self::AsfRemoteControl => 0x08,
            Self::ExtendedDcOutput => 0x09,
            Self::ExtendedDcLoad => 0x0A,
            Self::Oem(c) | Self::Reserved(c) => c,
        }
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Self::PowerSupplyInformation => "Power Supply Information",
            Self::DcOutput => "DC Output",
            Self::DcLoad => "DC Load",
            Self::ManagementAccess => "Management Access",
            Self::BaseCompatibility => "Base Compatibility",
            Self::ExtendedCompatibility => "Extended Compatibility",
            Self::AsfFixedSmbusDevice => "ASF Fixed SMBus Device",
            Self::AsfLegacyDeviceAlerts => "ASF Legacy-Device Alerts",
            Self::AsfRemoteControl => "ASF Remote Control",
            Self::ExtendedDcOutput => "Extended DC Output",
            Self::ExtendedDcLoad => "Extended DC Load",
            Self::Oem(c) => return write!(f, "OEM record {c:02X}h"),
            Self::Reserved(c) => return write!(f, "reserved record {c:02X}h"),
        };
        f.write_str(name)
    }
}

/// One record of the multirecord area, with both checksums verified (§16.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MultiRecord<'a> {
    offset: usize,
    header: [u8; RECORD_HEADER_LEN],
    data: &'a [u8],
}

impl<'a> MultiRecord<'a> {
    /// Reads the record whose header starts at `offset` in `image`: header checksum, then
    /// the data length and the record checksum.
    pub fn parse(image: &'a [u8], offset: usize) -> Result<Self, FruError> {
        let rest = image.get(offset..).unwrap_or(&[]);
        let truncated = |needed| FruError::Truncated {
            area: Area::MultiRecord,
            offset,
            needed,
            available: rest.len(),
        };
        let header: [u8; RECORD_HEADER_LEN] = rest
            .get(..RECORD_HEADER_LEN)
            .and_then(|h| h.try_into().ok())
            .ok_or(truncated(RECORD_HEADER_LEN))?;
        let sum = zero_sum(&header);
        if sum != 0 {
            return Err(FruError::BadRecordHeaderChecksum { offset, sum });
        }
        let [_, _, len, record_checksum, _] = header;
        let total = RECORD_HEADER_LEN + usize::from(len);
        let data = rest.get(RECORD_HEADER_LEN..total).ok_or(truncated(total))?;
        let sum = zero_sum(data).wrapping_add(record_checksum);
        if sum != 0 {
            return Err(FruError::BadChecksum {
                area: Area::MultiRecord,
                offset: offset + RECORD_HEADER_LEN,
                sum,
            });
        }
        Ok(Self {
            offset,
            header,
            data,
        })
    }

    /// Where the record header starts in the image.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// Header byte 1: record type.
    pub const fn record_type(&self) -> RecordType {
        RecordType::from_u8(self.header[0])
    }

    /// Header byte 2 bit 7: the last record of the area.
    pub const fn end_of_list(&self) -> bool {
        self.header[1] & END_OF_LIST != 0
    }

    /// Header byte 2 bits 3:0: record format version (2h).
    pub const fn format_version(&self) -> u8 {
        self.header[1] & 0x0F
    }

    /// The five header bytes.
    pub const fn header(&self) -> [u8; RECORD_HEADER_LEN] {
        self.header
    }

    /// The record data (header byte 3 gives its length).
    pub const fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Header plus data length.
    pub const fn len(&self) -> usize {
        RECORD_HEADER_LEN + self.data.len()
    }

    /// Always false: a record has at least its header.
    pub const fn is_empty(&self) -> bool {
        false
    }

    /// The typed record for types 00h–02h, [`MultiRecordData::Raw`] for the others.
    ///
    /// Typed records need format version 2h and the exact length of their layout.
    pub fn decode(&self) -> Result<MultiRecordData<'a>, FruError> {
        let record_type = self.header[0];
        let typed = matches!(record_type, 0x00..=0x02);
        if typed && self.format_version() != RECORD_FORMAT_VERSION {
            return Err(FruError::UnsupportedVersion {
                area: Area::MultiRecord,
                offset: self.offset + 1,
                version: self.header[1],
            });
        }
        Ok(match self.record_type() {
            RecordType::PowerSupplyInformation => {
                MultiRecordData::PowerSupplyInformation(PowerSupplyInformation::parse(self.data)?)
            }
            RecordType::DcOutput => MultiRecordData::DcOutput(DcOutput::parse(self.data)?),
            RecordType::DcLoad => MultiRecordData::DcLoad(DcLoad::parse(self.data)?),
            _ => MultiRecordData::Raw {
                record_type,
                data: self.data,
            },
        })
    }
}

/// The records of a multirecord area, in order, up to the one with the end-of-list bit.
/// After an error it yields nothing more.
///
/// ```
/// use ipmi_proto::fru::{MultiRecordData, MultiRecords};
///
/// // One OEM record C0h, end of list, 2 data bytes.
/// let area = [0xC0, 0x82, 0x02, 0xFD, 0xBF, 0x01, 0x02];
/// let mut records = MultiRecords::new(&area, 0);
/// let record = records.next().unwrap().unwrap();
/// assert!(record.end_of_list());
/// assert_eq!(record.decode().unwrap(), MultiRecordData::Raw { record_type: 0xC0, data: &[1, 2] });
/// assert!(records.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct MultiRecords<'a> {
    image: &'a [u8],
    offset: usize,
    done: bool,
}

impl<'a> MultiRecords<'a> {
    /// The records of the area that starts at `offset` in `image`.
    pub const fn new(image: &'a [u8], offset: usize) -> Self {
        Self {
            image,
            offset,
            done: false,
        }
    }
}

impl<'a> Iterator for MultiRecords<'a> {
    type Item = Result<MultiRecord<'a>, FruError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = MultiRecord::parse(self.image, self.offset);
        match &item {
            Ok(r) if !r.end_of_list() => self.offset = self.offset.saturating_add(r.len()),
            _ => self.done = true,
        }
        Some(item)
    }
}

impl core::iter::FusedIterator for MultiRecords<'_> {}

/// A record's data, typed where this crate knows the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum MultiRecordData<'a> {
    /// 00h (§18.1).
    PowerSupplyInformation(PowerSupplyInformation),
    /// 01h (§18.2).
    DcOutput(DcOutput),
    /// 02h (§18.3).
    DcLoad(DcLoad),
    /// Any record type, its data bytes as stored.
    Raw {
        /// The record type byte.
        record_type: u8,
        /// The data.
        data: &'a [u8],
    },
}

impl MultiRecordData<'_> {
    /// The record type byte.
    pub const fn record_type(&self) -> u8 {
        match self {
            Self::PowerSupplyInformation(_) => 0x00,
            Self::DcOutput(_) => 0x01,
            Self::DcLoad(_) => 0x02,
            Self::Raw { record_type, .. } => *record_type,
        }
    }

    /// Data length in bytes.
    pub const fn data_len(&self) -> usize {
        match self {
            Self::PowerSupplyInformation(_) => PowerSupplyInformation::LEN,
            Self::DcOutput(_) => DcOutput::LEN,
            Self::DcLoad(_) => DcLoad::LEN,
            Self::Raw { data, .. } => data.len(),
        }
    }

    /// Writes the record (header with both checksums, then data) to the start of `out`;
    /// returns its length.
    pub fn emit(&self, end_of_list: bool, out: &mut [u8]) -> Result<usize, BuildError> {
        let record_type = self.record_type();
        let len = self.data_len();
        let len_byte =
            u8::try_from(len).map_err(|_| BuildError::RecordTooLong { record_type, len })?;
        let total = RECORD_HEADER_LEN + len;
        let available = out.len();
        let out = out.get_mut(..total).ok_or(BuildError::BufferTooSmall {
            needed: total,
            available,
        })?;
        let (header, data) = out.split_at_mut(RECORD_HEADER_LEN);
        match self {
            Self::PowerSupplyInformation(p) => data.copy_from_slice(&p.to_bytes()?),
            Self::DcOutput(d) => data.copy_from_slice(&d.to_bytes()?),
            Self::DcLoad(d) => data.copy_from_slice(&d.to_bytes()?),
            Self::Raw { data: raw, .. } => data.copy_from_slice(raw),
        }
        let version = RECORD_FORMAT_VERSION | if end_of_list { END_OF_LIST } else { 0 };
        let mut h = [record_type, version, len_byte, zero_checksum(data), 0];
        h[4] = zero_checksum(&h);
        header.copy_from_slice(&h);
        Ok(total)
    }
}

fn le16(data: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([
        data.get(i).copied().unwrap_or(0),
        data.get(i + 1).copied().unwrap_or(0),
    ])
}

fn byte(data: &[u8], i: usize) -> u8 {
    data.get(i).copied().unwrap_or(0)
}

fn check_len(data: &[u8], record_type: u8, expected: usize) -> Result<(), FruError> {
    if data.len() == expected {
        Ok(())
    } else {
        Err(FruError::RecordLength {
            record_type,
            expected,
            actual: data.len(),
        })
    }
}

fn range(field: &'static str, value: u32, max: u32) -> Result<(), BuildError> {
    if value > max {
        Err(BuildError::FieldRange { field, value, max })
    } else {
        Ok(())
    }
}

/// Power supply flag bits, byte 18 of the Power Supply Information record (§18.1 Table
/// 18-1). All 8 bits are kept as read; bits 7:5 are reserved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PowerSupplyFlags(pub u8);

impl PowerSupplyFlags {
    /// Bit 0: predictive fail pin supported.
    pub const PREDICTIVE_FAIL_SUPPORT: u8 = 0x01;
    /// Bit 1: power factor correction supported.
    pub const POWER_FACTOR_CORRECTION: u8 = 0x02;
    /// Bit 2: autoswitch voltage supported.
    pub const AUTOSWITCH: u8 = 0x04;
    /// Bit 3: hot swap supported.
    pub const HOT_SWAP: u8 = 0x08;
    /// Bit 4: with a tachometer, two pulses per rotation (else one); with a pass/fail pin,
    /// 1 = fail is asserted high (else low).
    pub const TACH_PULSES_PREDICTIVE_FAIL_POLARITY: u8 = 0x10;

    /// Whether all bits of `mask` are set.
    pub const fn contains(self, mask: u8) -> bool {
        self.0 & mask == mask
    }
}

/// Power Supply Information record, type 00h (§18.1 Table 18-1), 24 data bytes.
///
/// ```
/// use ipmi_proto::fru::{PowerSupplyFlags, PowerSupplyInformation};
///
/// let psu = PowerSupplyInformation {
///     overall_capacity: 800,
///     peak_va: 0xFFFF,
///     inrush_current: 40,
///     inrush_interval: 5,
///     low_input_voltage_1: 9000,
///     high_input_voltage_1: 26400,
///     low_input_voltage_2: 0,
///     high_input_voltage_2: 0,
///     low_input_frequency: 47,
///     high_input_frequency: 63,
///     input_dropout_tolerance: 20,
///     flags: PowerSupplyFlags(PowerSupplyFlags::HOT_SWAP | PowerSupplyFlags::AUTOSWITCH),
///     peak_wattage: 880,
///     hold_up_time: 1,
///     combined_voltage_1: 0,
///     combined_voltage_2: 2,
///     total_combined_wattage: 0,
///     predictive_fail_tach_lower_threshold: 0,
/// };
/// let bytes = psu.to_bytes().unwrap();
/// assert_eq!(PowerSupplyInformation::parse(&bytes).unwrap(), psu);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PowerSupplyInformation {
    /// Bytes 1–2 bits 11:0: overall capacity in watts (bits 15:12 reserved, not kept).
    pub overall_capacity: u16,
    /// Bytes 3–4: peak VA (FFFFh: not specified).
    pub peak_va: u16,
    /// Byte 5: maximum inrush current in amperes (FFh: not specified).
    pub inrush_current: u8,
    /// Byte 6: inrush interval in ms.
    pub inrush_interval: u8,
    /// Bytes 7–8: low end of input voltage range 1, in 10 mV.
    pub low_input_voltage_1: u16,
    /// Bytes 9–10: high end of input voltage range 1, in 10 mV.
    pub high_input_voltage_1: u16,
    /// Bytes 11–12: low end of input voltage range 2, in 10 mV (0: single range).
    pub low_input_voltage_2: u16,
    /// Bytes 13–14: high end of input voltage range 2, in 10 mV (0: single range).
    pub high_input_voltage_2: u16,
    /// Byte 15: low end of the acceptable input frequency range, Hz.
    pub low_input_frequency: u8,
    /// Byte 16: high end of the acceptable input frequency range, Hz.
    pub high_input_frequency: u8,
    /// Byte 17: A/C (input) dropout tolerance in ms.
    pub input_dropout_tolerance: u8,
    /// Byte 18: flags.
    pub flags: PowerSupplyFlags,
    /// Bytes 19–20 bits 11:0: peak wattage in watts.
    pub peak_wattage: u16,
    /// Bytes 19–20 bits 15:12: hold-up time in seconds.
    pub hold_up_time: u8,
    /// Byte 21 bits 7:4: combined wattage voltage 1 (0: 12 V, 1: −12 V, 2: 5 V, 3: 3.3 V).
    pub combined_voltage_1: u8,
    /// Byte 21 bits 3:0: combined wattage voltage 2, coded as voltage 1.
    pub combined_voltage_2: u8,
    /// Bytes 22–23: total combined wattage of both voltages, watts.
    pub total_combined_wattage: u16,
    /// Byte 24: predictive fail tachometer lower threshold, RPS.
    pub predictive_fail_tach_lower_threshold: u8,
}

impl PowerSupplyInformation {
    /// Data length.
    pub const LEN: usize = 24;

    /// Reads the record data (exactly 24 bytes).
    pub fn parse(data: &[u8]) -> Result<Self, FruError> {
        check_len(data, 0x00, Self::LEN)?;
        let peak = le16(data, 18);
        let combined = byte(data, 20);
        Ok(Self {
            overall_capacity: le16(data, 0) & 0x0FFF,
            peak_va: le16(data, 2),
            inrush_current: byte(data, 4),
            inrush_interval: byte(data, 5),
            low_input_voltage_1: le16(data, 6),
            high_input_voltage_1: le16(data, 8),
            low_input_voltage_2: le16(data, 10),
            high_input_voltage_2: le16(data, 12),
            low_input_frequency: byte(data, 14),
            high_input_frequency: byte(data, 15),
            input_dropout_tolerance: byte(data, 16),
            flags: PowerSupplyFlags(byte(data, 17)),
            peak_wattage: peak & 0x0FFF,
            hold_up_time: (peak >> 12) as u8,
            combined_voltage_1: combined >> 4,
            combined_voltage_2: combined & 0x0F,
            total_combined_wattage: le16(data, 21),
            predictive_fail_tach_lower_threshold: byte(data, 23),
        })
    }

    /// The 24 data bytes; an error when a bit field value is too large.
    pub fn to_bytes(&self) -> Result<[u8; Self::LEN], BuildError> {
        range("Overall capacity", self.overall_capacity.into(), 0x0FFF)?;
        range("Peak wattage", self.peak_wattage.into(), 0x0FFF)?;
        range("Hold-up time", self.hold_up_time.into(), 0x0F)?;
        range(
            "Combined wattage voltage 1",
            self.combined_voltage_1.into(),
            0x0F,
        )?;
        range(
            "Combined wattage voltage 2",
            self.combined_voltage_2.into(),
            0x0F,
        )?;
        let [c0, c1] = self.overall_capacity.to_le_bytes();
        let [v0, v1] = self.peak_va.to_le_bytes();
        let [l10, l11] = self.low_input_voltage_1.to_le_bytes();
        let [h10, h11] = self.high_input_voltage_1.to_le_bytes();
        let [l20, l21] = self.low_input_voltage_2.to_le_bytes();
        let [h20, h21] = self.high_input_voltage_2.to_le_bytes();
        let peak = self.peak_wattage | (u16::from(self.hold_up_time) << 12);
        let [p0, p1] = peak.to_le_bytes();
        let [t0, t1] = self.total_combined_wattage.to_le_bytes();
        Ok([
            c0,
            c1,
            v0,
            v1,
            self.inrush_current,
            self.inrush_interval,
            l10,
            l11,
            h10,
            h11,
            l20,
            l21,
            h20,
            h21,
            self.low_input_frequency,
            self.high_input_frequency,
            self.input_dropout_tolerance,
            self.flags.0,
            p0,
            p1,
            (self.combined_voltage_1 << 4) | self.combined_voltage_2,
            t0,
            t1,
            self.predictive_fail_tach_lower_threshold,
        ])
    }
}

/// DC Output record, type 01h (§18.2 Table 18-2), 13 data bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DcOutput {
    /// Byte 1 bits 3:0: output number.
    pub output_number: u8,
    /// Byte 1 bit 7: the output is on in standby.
    pub standby: bool,
    /// Bytes 2–3: nominal voltage, signed, in 10 mV.
    pub nominal_voltage: i16,
    /// Bytes 4–5: maximum negative voltage deviation, signed, in 10 mV.
    pub max_negative_deviation: i16,
    /// Bytes 6–7: maximum positive voltage deviation, signed, in 10 mV.
    pub max_positive_deviation: i16,
    /// Bytes 8–9: ripple and noise peak to peak, 10 Hz–30 MHz, in mV.
    pub ripple_and_noise: u16,
    /// Bytes 10–11: minimum current draw in mA.
    pub min_current_draw: u16,
    /// Bytes 12–13: maximum current draw in mA.
    pub max_current_draw: u16,
}

impl DcOutput {
    /// Data length.
    pub const LEN: usize = 13;

    /// Reads the record data (exactly 13 bytes). Bits 6:4 of byte 1 are reserved.
    pub fn parse(data: &[u8]) -> Result<Self, FruError> {
        check_len(data, 0x01, Self::LEN)?;
        let b0 = byte(data, 0);
        Ok(Self {
            output_number: b0 & 0x0F,
            standby: b0 & 0x80 != 0,
            nominal_voltage: le16(data, 1) as i16,
            max_negative_deviation: le16(data, 3) as i16,
            max_positive_deviation: le16(data, 5) as i16,
            ripple_and_noise: le16(data, 7),
            min_current_draw: le16(data, 9),
            max_current_draw: le16(data, 11),
        })
    }

    /// The 13 data bytes; an error when the output number is above 15.
    pub fn to_bytes(&self) -> Result<[u8; Self::LEN], BuildError> {
        range("Output number", self.output_number.into(), 0x0F)?;
        let b0 = self.output_number | if self.standby { 0x80 } else { 0 };
        Ok(six_words(
            b0,
            [
                self.nominal_voltage as u16,
                self.max_negative_deviation as u16,
                self.max_positive_deviation as u16,
                self.ripple_and_noise,
                self.min_current_draw,
                self.max_current_draw,
            ],
        ))
    }
}

/// DC Load record, type 02h (§18.3 Table 18-3), 13 data bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DcLoad {
    /// Byte 1 bits 3:0: output number.
    pub output_number: u8,
    /// Bytes 2–3: nominal voltage, signed, in 10 mV.
    pub nominal_voltage: i16,
    /// Bytes 4–5: specified minimum voltage, signed, in 10 mV.
    pub min_voltage: i16,
    /// Bytes 6–7: specified maximum voltage, signed, in 10 mV.
    pub max_voltage: i16,
    /// Bytes 8–9: specified ripple and noise peak to peak, in mV.
    pub ripple_and_noise: u16,
    /// Bytes 10–11: minimum current load in mA.
    pub min_current_load: u16,
    /// Bytes 12–13: maximum current load in mA.
    pub max_current_load: u16,
}

impl DcLoad {
    /// Data length.
    pub const LEN: usize = 13;

    /// Reads the record data (exactly 13 bytes). Bits 7:4 of byte 1 are reserved.
    pub fn parse(data: &[u8]) -> Result<Self, FruError> {
        check_len(data, 0x02, Self::LEN)?;
        Ok(Self {
            output_number: byte(data, 0) & 0x0F,
            nominal_voltage: le16(data, 1) as i16,
            min_voltage: le16(data, 3) as i16,
            max_voltage: le16(data, 5) as i16,
            ripple_and_noise: le16(data, 7),
            min_current_load: le16(data, 9),
            max_current_load: le16(data, 11),
        })
    }

    /// The 13 data bytes; an error when the output number is above 15.
    pub fn to_bytes(&self) -> Result<[u8; Self::LEN], BuildError> {
        range("Output number", self.output_number.into(), 0x0F)?;
        Ok(six_words(
            self.output_number,
            [
                self.nominal_voltage as u16,
                self.min_voltage as u16,
                self.max_voltage as u16,
                self.ripple_and_noise,
                self.min_current_load,
                self.max_current_load,
            ],
        ))
    }
}

/// One byte then six little-endian words: the DC output and DC load layout.
fn six_words(first: u8, words: [u16; 6]) -> [u8; 13] {
    let mut out = [0u8; 13];
    if let Some((head, rest)) = out.split_first_mut() {
        *head = first;
        for (chunk, w) in rest.chunks_exact_mut(2).zip(words) {
            chunk.copy_from_slice(&w.to_le_bytes());
        }
    }
    out
}
