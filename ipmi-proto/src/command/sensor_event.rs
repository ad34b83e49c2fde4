//! Sensor/Event commands (NetFn 04h, IPMI 2.0 §29 event messages and §35 sensor device).
//!
//! Each command is a zero-sized type implementing [`Command`]. Get Device SDR and Reserve
//! Device SDR Repository share their message types with the repository commands of
//! [`storage`](super::storage). Platform Event Message has two request forms with the same
//! NetFn and command, told apart only by the channel the request arrives on:
//! [`PlatformEventMessage`] (system interface, with a generator ID byte) and
//! [`PlatformEventMessageIpmb`] (IPMB and LAN, where the requester's address is the
//! generator).
//!
//! ```
//! use ipmi_proto::command::sensor_event::{GetSensorReading, SensorNumberRequest};
//! use ipmi_proto::command::{Command, Message};
//!
//! let request = SensorNumberRequest { sensor_number: 0x30 };
//! let mut buf = [0u8; 1];
//! assert_eq!(request.emit(&mut buf), Ok(1));
//!
//! // Reading 3Ah, events and scanning enabled, threshold status: upper non-critical.
//! let response = <GetSensorReading as Command>::Response::parse(&[0x3A, 0xC0, 0xC8]).unwrap();
//! assert_eq!(response.reading, 0x3A);
//! assert!(response.scanning_enabled && !response.reading_unavailable);
//! let status = response.threshold_status().unwrap();
//! assert!(status.contains(ipmi_proto::command::sensor_event::ThresholdMask::UPPER_NON_CRITICAL));
//! ```

use sel_codec::{
    EventData, EventDirection, EventType, GeneratorId, SensorType, SystemEvent, Timestamp,
};

use super::storage::{GetRecordRequest, GetSdrResponse, ReserveResponse};
use super::{
    BufferTooSmall, Command, CommandError, Empty, Message, Privilege, check_len, out_prefix,
};
use crate::message::{ChannelNumber, Cmd, Lun, NetFn};

fn emit_bytes(out: &mut [u8], bytes: &[u8]) -> Result<usize, BufferTooSmall> {
    out_prefix(out, bytes.len())?.copy_from_slice(bytes);
    Ok(bytes.len())
}

/// How many event data bytes a Platform Event Message request carries: event data 1 is
/// required, 2 and 3 are optional (IPMI 2.0 Table 29-5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum EventDataCount {
    /// Event data 1 only.
    One,
    /// Event data 1 and 2.
    Two,
    /// Event data 1, 2 and 3.
    #[default]
    Three,
}

impl EventDataCount {
    /// The number of bytes.
    pub const fn len(self) -> usize {
        match self {
            Self::One => 1,
            Self::Two => 2,
            Self::Three => 3,
        }
    }

    /// Always false: at least event data 1 is present.
    pub const fn is_empty(self) -> bool {
        false
    }
}

/// Platform Event Message request in the IPMB/LAN form (IPMI 2.0 §29.3, Table 29-5): EvMRev,
/// sensor type, sensor number, event direction and type, and one to three event data bytes
/// — 5 to 7 bytes, no generator ID byte. The generator is the requester itself: its rqSA
/// (slave address, or software ID such as 81h for a remote console) and rqLUN from the IPMB
/// or LAN header, and the channel the request arrived on; [`ipmb_generator_id`] builds it.
///
/// This is also the body of the system interface form ([`PlatformEventMessageRequest`]),
/// which puts the generator ID byte in front. Which form a request has depends only on the
/// channel it arrived on: serve [`PlatformEventMessageIpmb`] on IPMB and LAN channels and
/// [`PlatformEventMessage`] on the system interface. (ipmitool sends the 7-byte form when
/// the current channel's medium is not the system interface, the 8-byte form otherwise.)
///
/// Event data bytes that are not sent read as FFh ("unspecified", as Table 29-6 and the SEL
/// store them).
///
/// ```
/// use ipmi_proto::command::sensor_event::{ipmb_generator_id, EventDataCount,
///     PlatformEventMessageIpmbRequest};
/// use ipmi_proto::command::Message;
/// use ipmi_proto::message::{ChannelNumber, Lun};
/// use sel_codec::Timestamp;
///
/// // `ipmitool event 1` over LAN: EvMRev 04h, temperature sensor 30h, threshold assertion,
/// // upper critical going high, event data 2 and 3 unspecified.
/// let data = [0x04, 0x01, 0x30, 0x01, 0x09, 0xFF, 0xFF];
/// let request = PlatformEventMessageIpmbRequest::parse(&data).unwrap();
/// assert_eq!(request.event_data_count, EventDataCount::Three);
/// // Sent by the remote console software ID 81h, LUN 0, on LAN channel 1.
/// let generator = ipmb_generator_id(0x81, Lun::BMC, ChannelNumber::new(1).unwrap());
/// let event = request.to_system_event(generator, Timestamp(0x6000_0000));
/// assert_eq!(event.generator.0, 0x1081);
/// assert_eq!(event.data.0, [0x09, 0xFF, 0xFF]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PlatformEventMessageIpmbRequest {
    /// Event message format revision: 04h for IPMI 1.5/2.0, 03h for IPMI 1.0.
    pub evm_revision: u8,
    /// Sensor type (Table 42-3).
    pub sensor_type: SensorType,
    /// Sensor number.
    pub sensor_number: u8,
    /// Assertion or deassertion (bit 7 of the event dir/type byte).
    pub direction: EventDirection,
    /// Event/reading type (bits 6:0 of the event dir/type byte, Table 42-1).
    pub event_type: EventType,
    /// Event data 1–3 (Table 29-6); bytes not sent are FFh.
    pub event_data: EventData,
    /// How many event data bytes are sent.
    pub event_data_count: EventDataCount,
}

/// The generator ID of an event received in the IPMB/LAN form (IPMI 2.0 §29.3, Table 32-1):
/// byte 1 is the requester's `rq_sa` as it appears in the frame (a slave address with bit 0
/// clear, or a software ID with bit 0 set), byte 2 the channel (bits 7:4) and `rq_lun`
/// (bits 1:0) — only for a slave address; a software ID gets LUN 00b, as Table 32-1 says.
pub const fn ipmb_generator_id(rq_sa: u8, rq_lun: Lun, channel: ChannelNumber) -> GeneratorId {
    // IPMI 2.0 Table 32-1, generator ID byte 2 bits 1:0: the IPMB device LUN when byte 1 is a
    // slave address, 00b for a software ID.
    let lun = if rq_sa & 1 == 0 { rq_lun.value() } else { 0 };
    GeneratorId(u16::from_le_bytes([rq_sa, (channel.value() << 4) | lun]))
}

impl PlatformEventMessageIpmbRequest {
    /// The SEL system event this request logs at `timestamp` for `generator` (see
    /// [`ipmb_generator_id`]); event data bytes not sent are FFh.
    pub const fn to_system_event(
        &self,
        generator: GeneratorId,
        timestamp: Timestamp,
    ) -> SystemEvent {
        SystemEvent {
            timestamp,
            generator,
            evm_revision: self.evm_revision,
            sensor_type: self.sensor_type,
            sensor_number: self.sensor_number,
            direction: self.direction,
            event_type: self.event_type,
            data: self.event_data,
        }
    }

    /// The request that sends `event` with all three event data bytes. The generator ID and
    /// the timestamp are not sent: the receiver takes the generator from the IPMB/LAN header.
    pub const fn from_system_event(event: &SystemEvent) -> Self {
        Self {
            evm_revision: event.evm_revision,
            sensor_type: event.sensor_type,
            sensor_number: event.sensor_number,
            direction: event.direction,
            event_type: event.event_type,
            event_data: event.data,
            event_data_count: EventDataCount::Three,
        }
    }

    fn dir_type_byte(&self) -> u8 {
        let dir = match self.direction {
            EventDirection::Assertion => 0,
            EventDirection::Deassertion => 0x80,
        };
        dir | (self.event_type.code() & 0x7F)
    }

    /// The bytes, all 7 (`buffer_len` says how many are sent).
    fn bytes(&self) -> [u8; 7] {
        let [d1, d2, d3] = self.event_data.0;
        [
            self.evm_revision,
            self.sensor_type.0,
            self.sensor_number,
            self.dir_type_byte(),
            d1,
            d2,
            d3,
        ]
    }
}

impl<'a> Message<'a> for PlatformEventMessageIpmbRequest {
    const MIN_LEN: usize = 5;
    const MAX_LEN: usize = 7;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let (head, bytes, event_data_count) = match *data {
            [a, b, c, d, d1] => ([a, b, c, d], [d1, 0xFF, 0xFF], EventDataCount::One),
            [a, b, c, d, d1, d2] => ([a, b, c, d], [d1, d2, 0xFF], EventDataCount::Two),
            [a, b, c, d, d1, d2, d3] => ([a, b, c, d], [d1, d2, d3], EventDataCount::Three),
            _ => {
                return Err(CommandError::Truncated {
                    needed: Self::MIN_LEN,
                    actual: data.len(),
                });
            }
        };
        let [evm_revision, sensor_type, sensor_number, dir_type] = head;
        Ok(Self {
            evm_revision,
            sensor_type: SensorType(sensor_type),
            sensor_number,
            direction: if dir_type & 0x80 == 0 {
                EventDirection::Assertion
            } else {
                EventDirection::Deassertion
            },
            event_type: EventType::from_low_bits(dir_type),
            event_data: EventData(bytes),
            event_data_count,
        })
    }
    fn buffer_len(&self) -> usize {
        4 + self.event_data_count.len()
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let all = self.bytes();
        emit_bytes(out, all.get(..self.buffer_len()).unwrap_or(&all))
    }
}

command!(
    /// Platform Event Message in the IPMB/LAN form (Sensor/Event 02h; IPMI 2.0 §29.3
    /// Table 29-5; Appendix G: Operator): the same NetFn and command as
    /// [`PlatformEventMessage`], without the generator ID byte. Serve it on IPMB and LAN
    /// channels. Request: [`PlatformEventMessageIpmbRequest`]; response: none.
    PlatformEventMessageIpmb, NetFn::SENSOR_EVENT, 0x02, Operator,
    PlatformEventMessageIpmbRequest, PlatformEventMessageResponse
);

/// Platform Event Message request in the system interface form (IPMI 2.0 §29.3, Table 29-5):
/// the generator ID byte, then the IPMB/LAN form's fields ([`PlatformEventMessageIpmbRequest`]:
/// EvMRev, sensor type, sensor number, event direction and type, one to three event data
/// bytes) — 6 to 8 bytes.
///
/// **Serve [`PlatformEventMessage`] only on the system interface**, and
/// [`PlatformEventMessageIpmb`] on IPMB and LAN: the two forms cannot be told apart by their
/// bytes (a 6- or 7-byte IPMB/LAN request also parses here, shifted by one field), only by
/// the channel the request arrived on.
///
/// Event data bytes that are not sent read as FFh ("unspecified", as Table 29-6 and the SEL
/// store them).
///
/// ```
/// use ipmi_proto::command::sensor_event::{EventDataCount, PlatformEventMessageRequest};
/// use ipmi_proto::command::Message;
/// use sel_codec::Timestamp;
///
/// // Software ID 20h (generator byte 41h), EvMRev 04h, temperature sensor 30h,
/// // threshold event asserted, upper critical going high, trigger reading 5Ah.
/// let data = [0x41, 0x04, 0x01, 0x30, 0x01, 0x59, 0x5A];
/// let request = PlatformEventMessageRequest::parse(&data).unwrap();
/// assert_eq!(request.event_data_count, EventDataCount::Two);
/// let event = request.to_system_event(Timestamp(0x6000_0000));
/// assert_eq!(event.generator.0, 0x0041);
/// assert_eq!(event.data.0, [0x59, 0x5A, 0xFF]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PlatformEventMessageRequest {
    /// Generator ID: bits 7:1 the system software ID, bit 0 set for software (Table 5-4).
    pub generator_id: u8,
    /// Event message format revision: 04h for IPMI 1.5/2.0, 03h for IPMI 1.0.
    pub evm_revision: u8,
    /// Sensor type (Table 42-3).
    pub sensor_type: SensorType,
    /// Sensor number.
    pub sensor_number: u8,
    /// Assertion or deassertion (bit 7 of byte 5).
    pub direction: EventDirection,
    /// Event/reading type (bits 6:0 of byte 5, Table 42-1).
    pub event_type: EventType,
    /// Event data 1–3 (Table 29-6); bytes not sent are FFh.
    pub event_data: EventData,
    /// How many event data bytes are sent.
    pub event_data_count: EventDataCount,
}

impl PlatformEventMessageRequest {
    /// The system interface request with generator ID byte `generator_id` and the fields of
    /// `body`.
    pub const fn from_ipmb(generator_id: u8, body: PlatformEventMessageIpmbRequest) -> Self {
        Self {
            generator_id,
            evm_revision: body.evm_revision,
            sensor_type: body.sensor_type,
            sensor_number: body.sensor_number,
            direction: body.direction,
            event_type: body.event_type,
            event_data: body.event_data,
            event_data_count: body.event_data_count,
        }
    }

    /// The fields after the generator ID byte: the IPMB/LAN form of the same event.
    pub const fn ipmb_body(&self) -> PlatformEventMessageIpmbRequest {
        PlatformEventMessageIpmbRequest {
            evm_revision: self.evm_revision,
            sensor_type: self.sensor_type,
            sensor_number: self.sensor_number,
            direction: self.direction,
            event_type: self.event_type,
            event_data: self.event_data,
            event_data_count: self.event_data_count,
        }
    }

    /// The SEL system event this request logs at `timestamp`: the generator ID's second byte
    /// (channel and LUN) is 0, event data bytes not sent are FFh.
    pub const fn to_system_event(&self, timestamp: Timestamp) -> SystemEvent {
        self.ipmb_body()
            .to_system_event(GeneratorId(self.generator_id as u16), timestamp)
    }

    /// The request that sends `event` from system software with all three event data bytes,
    /// or `None` if the generator ID's second byte (channel, LUN) is not zero — the system
    /// interface form has only one generator byte. The timestamp is not sent.
    pub const fn from_system_event(event: &SystemEvent) -> Option<Self> {
        let [generator_id, high] = event.generator.0.to_le_bytes();
        if high != 0 {
            return None;
        }
        Some(Self::from_ipmb(
            generator_id,
            PlatformEventMessageIpmbRequest::from_system_event(event),
        ))
    }
}

impl<'a> Message<'a> for PlatformEventMessageRequest {
    const MIN_LEN: usize = 1 + PlatformEventMessageIpmbRequest::MIN_LEN;
    const MAX_LEN: usize = 1 + PlatformEventMessageIpmbRequest::MAX_LEN;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let Some((&generator_id, body)) = data.split_first() else {
            return Err(CommandError::Truncated {
                needed: Self::MIN_LEN,
                actual: data.len(),
            });
        };
        // The length is checked, so the body parses or fails on a field, never on length.
        PlatformEventMessageIpmbRequest::parse(body).map(|b| Self::from_ipmb(generator_id, b))
    }
    fn buffer_len(&self) -> usize {
        1 + self.event_data_count.len() + 4
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [a, b, c, d, e, f, g] = self.ipmb_body().bytes();
        let all = [self.generator_id, a, b, c, d, e, f, g];
        emit_bytes(out, all.get(..self.buffer_len()).unwrap_or(&all))
    }
}

/// Platform Event Message response: no data (IPMI 2.0 §29.3, Table 29-5).
pub type PlatformEventMessageResponse = Empty;

command!(
    /// Platform Event Message, a.k.a. Event Message, in the system interface form
    /// (Sensor/Event 02h; IPMI 2.0 §29.3; Appendix G: Operator). Serve it on the system
    /// interface; the IPMB/LAN form is [`PlatformEventMessageIpmb`].
    PlatformEventMessage, NetFn::SENSOR_EVENT, 0x02, Operator, PlatformEventMessageRequest,
    PlatformEventMessageResponse
);

/// A request that is one sensor number: Get Sensor Reading (IPMI 2.0 Table 35-15) and Get
/// Sensor Thresholds (Table 35-9). FFh is reserved and rejected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SensorNumberRequest {
    /// The sensor number (00h–FEh).
    pub sensor_number: u8,
}

impl SensorNumberRequest {
    /// FFh, reserved (IPMI 2.0 §35).
    pub const RESERVED: u8 = 0xFF;
}

impl<'a> Message<'a> for SensorNumberRequest {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 1, 1)?;
        match *data {
            [Self::RESERVED] => Err(CommandError::InvalidField {
                offset: 0,
                value: Self::RESERVED,
            }),
            [sensor_number] => Ok(Self { sensor_number }),
            _ => Err(CommandError::Truncated {
                needed: 1,
                actual: data.len(),
            }),
        }
    }
    fn buffer_len(&self) -> usize {
        1
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(out, &[self.sensor_number])
    }
}

/// A set of the six thresholds, in the bit order of IPMI 2.0 Tables 35-9 and 35-15: bit 0
/// lower non-critical … bit 5 upper non-recoverable. Bits 7:6 are reserved and kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ThresholdMask(pub u8);

impl ThresholdMask {
    /// Bit 0: lower non-critical.
    pub const LOWER_NON_CRITICAL: Self = Self(0x01);
    /// Bit 1: lower critical.
    pub const LOWER_CRITICAL: Self = Self(0x02);
    /// Bit 2: lower non-recoverable.
    pub const LOWER_NON_RECOVERABLE: Self = Self(0x04);
    /// Bit 3: upper non-critical.
    pub const UPPER_NON_CRITICAL: Self = Self(0x08);
    /// Bit 4: upper critical.
    pub const UPPER_CRITICAL: Self = Self(0x10);
    /// Bit 5: upper non-recoverable.
    pub const UPPER_NON_RECOVERABLE: Self = Self(0x20);

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

/// The optional state bytes of a Get Sensor Reading response (IPMI 2.0 Table 35-15, bytes 4
/// and 5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ReadingStates {
    /// Neither byte was returned.
    #[default]
    Absent,
    /// Byte 4 only.
    One(u8),
    /// Bytes 4 and 5.
    Two(u8, u8),
}

/// Get Sensor Reading response (IPMI 2.0 §35.14, Table 35-15).
///
/// Byte 4 is the threshold comparison status of a threshold sensor (bits 5:0, see
/// [`threshold_status`](Self::threshold_status)) or states 7:0 of a discrete sensor; byte 5
/// holds discrete states 14:8 (bit 7 reserved). Which one applies depends on the sensor's
/// event/reading type, known from its SDR.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSensorReadingResponse {
    /// The raw reading (byte 2); meaningless for discrete sensors or when unavailable.
    pub reading: u8,
    /// Byte 3 bit 7 (0b: all event messages from this sensor are disabled).
    pub event_messages_enabled: bool,
    /// Byte 3 bit 6 (0b: sensor scanning disabled).
    pub scanning_enabled: bool,
    /// Byte 3 bit 5 (1b: reading/state unavailable).
    pub reading_unavailable: bool,
    /// Byte 3 bits 4:0, reserved, kept.
    pub reserved: u8,
    /// Bytes 4 and 5, when returned.
    pub states: ReadingStates,
}

impl GetSensorReadingResponse {
    /// Byte 4 read as a threshold comparison status (bits 5:0; reserved bits 7:6 cleared).
    pub const fn threshold_status(&self) -> Option<ThresholdMask> {
        match self.states {
            ReadingStates::Absent => None,
            ReadingStates::One(b) | ReadingStates::Two(b, _) => Some(ThresholdMask(b & 0x3F)),
        }
    }

    /// Bytes 4 and 5 read as discrete states 14:0 (bit 15 cleared; absent bytes are zero).
    pub const fn discrete_states(&self) -> Option<u16> {
        match self.states {
            ReadingStates::Absent => None,
            ReadingStates::One(lo) => Some(lo as u16),
            ReadingStates::Two(lo, hi) => Some(u16::from_le_bytes([lo, hi & 0x7F])),
        }
    }
}

impl<'a> Message<'a> for GetSensorReadingResponse {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 4;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let (reading, flags, states) = match *data {
            [r, f] => (r, f, ReadingStates::Absent),
            [r, f, a] => (r, f, ReadingStates::One(a)),
            [r, f, a, b] => (r, f, ReadingStates::Two(a, b)),
            _ => {
                return Err(CommandError::Truncated {
                    needed: Self::MIN_LEN,
                    actual: data.len(),
                });
            }
        };
        Ok(Self {
            reading,
            event_messages_enabled: flags & 0x80 != 0,
            scanning_enabled: flags & 0x40 != 0,
            reading_unavailable: flags & 0x20 != 0,
            reserved: flags & 0x1F,
            states,
        })
    }
    fn buffer_len(&self) -> usize {
        match self.states {
            ReadingStates::Absent => 2,
            ReadingStates::One(_) => 3,
            ReadingStates::Two(..) => 4,
        }
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let flags = (u8::from(self.event_messages_enabled) << 7)
            | (u8::from(self.scanning_enabled) << 6)
            | (u8::from(self.reading_unavailable) << 5)
            | (self.reserved & 0x1F);
        match self.states {
            ReadingStates::Absent => emit_bytes(out, &[self.reading, flags]),
            ReadingStates::One(a) => emit_bytes(out, &[self.reading, flags, a]),
            ReadingStates::Two(a, b) => emit_bytes(out, &[self.reading, flags, a, b]),
        }
    }
}

command!(
    /// Get Sensor Reading (Sensor/Event 2Dh; IPMI 2.0 §35.14; Appendix G: User).
    GetSensorReading, NetFn::SENSOR_EVENT, 0x2D, User, SensorNumberRequest,
    GetSensorReadingResponse
);

/// Get Sensor Thresholds response (IPMI 2.0 §35.9, Table 35-9): which thresholds are
/// readable, then the six raw threshold values (a value is meaningful only if readable).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetSensorThresholdsResponse {
    /// Readable thresholds (byte 2; bits 7:6 reserved, kept).
    pub readable: ThresholdMask,
    /// Lower non-critical threshold (byte 3).
    pub lower_non_critical: u8,
    /// Lower critical threshold (byte 4).
    pub lower_critical: u8,
    /// Lower non-recoverable threshold (byte 5).
    pub lower_non_recoverable: u8,
    /// Upper non-critical threshold (byte 6).
    pub upper_non_critical: u8,
    /// Upper critical threshold (byte 7).
    pub upper_critical: u8,
    /// Upper non-recoverable threshold (byte 8).
    pub upper_non_recoverable: u8,
}

impl GetSensorThresholdsResponse {
    /// The value of one threshold (a single-bit mask), if the response marks it readable.
    pub const fn get(&self, threshold: ThresholdMask) -> Option<u8> {
        if threshold.0.count_ones() != 1 || !self.readable.contains(threshold) {
            return None;
        }
        match threshold {
            ThresholdMask::LOWER_NON_CRITICAL => Some(self.lower_non_critical),
            ThresholdMask::LOWER_CRITICAL => Some(self.lower_critical),
            ThresholdMask::LOWER_NON_RECOVERABLE => Some(self.lower_non_recoverable),
            ThresholdMask::UPPER_NON_CRITICAL => Some(self.upper_non_critical),
            ThresholdMask::UPPER_CRITICAL => Some(self.upper_critical),
            ThresholdMask::UPPER_NON_RECOVERABLE => Some(self.upper_non_recoverable),
            _ => None,
        }
    }
}

impl<'a> Message<'a> for GetSensorThresholdsResponse {
    const MIN_LEN: usize = 7;
    const MAX_LEN: usize = 7;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 7, 7)?;
        let &[readable, lnc, lc, lnr, unc, uc, unr] = data else {
            return Err(CommandError::Truncated {
                needed: 7,
                actual: data.len(),
            });
        };
        Ok(Self {
            readable: ThresholdMask(readable),
            lower_non_critical: lnc,
            lower_critical: lc,
            lower_non_recoverable: lnr,
            upper_non_critical: unc,
            upper_critical: uc,
            upper_non_recoverable: unr,
        })
    }
    fn buffer_len(&self) -> usize {
        7
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        emit_bytes(
            out,
            &[
                self.readable.0,
                self.lower_non_critical,
                self.lower_critical,
                self.lower_non_recoverable,
                self.upper_non_critical,
                self.upper_critical,
                self.upper_non_recoverable,
            ],
        )
    }
}

command!(
    /// Get Sensor Thresholds (Sensor/Event 27h; IPMI 2.0 §35.9; Appendix G: User).
    GetSensorThresholds, NetFn::SENSOR_EVENT, 0x27, User, SensorNumberRequest,
    GetSensorThresholdsResponse
);

/// What Get Device SDR Info counts: bit 0 of its optional request byte (IPMI 2.0 Table 35-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SdrInfoCount {
    /// 0b: the number of sensors.
    Sensors,
    /// 1b: the number of SDRs.
    Sdrs,
}

/// Get Device SDR Info request (IPMI 2.0 §35.2, Table 35-2): empty (IPMI 1.5 form, counts
/// sensors) or one byte choosing what to count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetDeviceSdrInfoRequest {
    /// `None` for the empty request.
    pub count: Option<SdrInfoCount>,
    /// Bits 7:1 of the byte, reserved, kept in place (zero when `count` is `None`).
    pub reserved: u8,
}

impl<'a> Message<'a> for GetDeviceSdrInfoRequest {
    const MIN_LEN: usize = 0;
    const MAX_LEN: usize = 1;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 0, 1)?;
        Ok(match data.first() {
            None => Self::default(),
            Some(&b) => Self {
                count: Some(if b & 1 == 0 {
                    SdrInfoCount::Sensors
                } else {
                    SdrInfoCount::Sdrs
                }),
                reserved: b & 0xFE,
            },
        })
    }
    fn buffer_len(&self) -> usize {
        usize::from(self.count.is_some())
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        match self.count {
            None => Ok(0),
            Some(c) => {
                let bit = match c {
                    SdrInfoCount::Sensors => 0,
                    SdrInfoCount::Sdrs => 1,
                };
                emit_bytes(out, &[(self.reserved & 0xFE) | bit])
            }
        }
    }
}

/// Get Device SDR Info response (IPMI 2.0 §35.2, Table 35-2). Bytes 4–7 (sensor population
/// change indicator) come only from devices with a dynamic population; lengths 3 to 5 are
/// [`CommandError::Truncated`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetDeviceSdrInfoResponse {
    /// Number of sensors (or SDRs, as the request asked) on the addressed LUN.
    pub number: u8,
    /// Byte 3 bit 7: the sensor population is dynamic.
    pub dynamic_population: bool,
    /// Byte 3 bits 6:4, reserved, kept in place.
    pub reserved: u8,
    /// Byte 3 bits 3:0: bit n set when LUN n has sensors.
    pub luns_with_sensors: u8,
    /// Bytes 4–7: sensor population change indicator (a timestamp or counter).
    pub change_indicator: Option<u32>,
}

impl GetDeviceSdrInfoResponse {
    /// Whether LUN `lun` (0–3) has sensors.
    pub const fn lun_has_sensors(&self, lun: u8) -> bool {
        lun < 4 && self.luns_with_sensors & (1 << lun) != 0
    }
}

impl<'a> Message<'a> for GetDeviceSdrInfoResponse {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 6;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        let (number, flags, change_indicator) = match *data {
            [n, f] => (n, f, None),
            [n, f, a, b, c, d] => (n, f, Some(u32::from_le_bytes([a, b, c, d]))),
            _ => {
                return Err(CommandError::Truncated {
                    needed: Self::MAX_LEN,
                    actual: data.len(),
                });
            }
        };
        Ok(Self {
            number,
            dynamic_population: flags & 0x80 != 0,
            reserved: flags & 0x70,
            luns_with_sensors: flags & 0x0F,
            change_indicator,
        })
    }
    fn buffer_len(&self) -> usize {
        if self.change_indicator.is_some() {
            6
        } else {
            2
        }
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let flags = (u8::from(self.dynamic_population) << 7)
            | (self.reserved & 0x70)
            | (self.luns_with_sensors & 0x0F);
        match self.change_indicator {
            None => emit_bytes(out, &[self.number, flags]),
            Some(v) => {
                let [a, b, c, d] = v.to_le_bytes();
                emit_bytes(out, &[self.number, flags, a, b, c, d])
            }
        }
    }
}

command!(
    /// Get Device SDR Info (Sensor/Event 20h; IPMI 2.0 §35.2). Appendix G marks the device
    /// SDR commands "I" (for satellite controllers on IPMB, not a session privilege); `User`
    /// is what a BMC that does answer them over a session asks (OpenIPMI's simulator does).
    GetDeviceSdrInfo, NetFn::SENSOR_EVENT, 0x20, User, GetDeviceSdrInfoRequest,
    GetDeviceSdrInfoResponse
);

/// Get Device SDR request (IPMI 2.0 §35.3, Table 35-3): the same layout as Get SDR.
pub type GetDeviceSdrRequest = GetRecordRequest;

command!(
    /// Get Device SDR (Sensor/Event 21h; IPMI 2.0 §35.3; "I" in Appendix G, see
    /// [`GetDeviceSdrInfo`]). Request and response have Get SDR's layout.
    GetDeviceSdr, NetFn::SENSOR_EVENT, 0x21, User, GetDeviceSdrRequest, GetSdrResponse<'a>
);

/// Reserve Device SDR Repository request: no data (IPMI 2.0 §35.4, Table 35-4).
pub type ReserveDeviceSdrRepositoryRequest = Empty;

command!(
    /// Reserve Device SDR Repository (Sensor/Event 22h; IPMI 2.0 §35.4; "I" in Appendix G,
    /// see [`GetDeviceSdrInfo`]).
    ReserveDeviceSdrRepository, NetFn::SENSOR_EVENT, 0x22, User,
    ReserveDeviceSdrRepositoryRequest, ReserveResponse
);
