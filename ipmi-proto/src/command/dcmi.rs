//! DCMI commands (group extension NetFn 2Ch/2Dh, defining body DCh), DCMI 1.5 §6.
//!
//! Every DCMI request and response starts with the group extension identification byte DCh.
//! That byte is *not* part of the types here: each command declares
//! `BODY = BodyCode::Group(DefiningBody::DCMI)` ([`Command::BODY`]) and the responder and
//! requester strip, check and write it. Data offsets in errors count from the byte after it.
//!
//! ```
//! use ipmi_proto::command::dcmi::{GetPowerReading, GetPowerReadingRequest};
//! use ipmi_proto::command::{Command, Message, Privilege};
//! use ipmi_proto::message::{BodyCode, DefiningBody, NetFn};
//!
//! assert_eq!(GetPowerReading::NETFN, NetFn::GROUP_EXTENSION);
//! assert_eq!(GetPowerReading::BODY, BodyCode::Group(DefiningBody::DCMI));
//! assert_eq!(GetPowerReading::PRIVILEGE, Privilege::User);
//! // `ipmitool dcmi power reading` sends DCh 01h 00h 00h: the data is the last three.
//! let request = GetPowerReadingRequest::parse(&[0x01, 0x00, 0x00]).unwrap();
//! assert_eq!(request, GetPowerReadingRequest::SystemPowerStatistics);
//! ```

use sel_codec::Timestamp;

use super::app::{fixed, put};
use super::{BufferTooSmall, Command, CommandError, Message, Privilege};
use crate::message::{Cmd, NetFn, RangeError};

// ---------------------------------------------------------------------------------------------
// Get Power Reading, DCMI 1.5 §6.6.1.

command!(
    /// Get Power Reading (group extension 2Ch, body DCh, cmd 02h), DCMI 1.5 §6.6.1; privilege
    /// User. Request: [`GetPowerReadingRequest`]; response: [`GetPowerReadingResponse`].
    ///
    /// DCMI defines no command-specific completion codes for it: its group codes 80h–89h
    /// belong to Get/Set Power Limit and Get Asset Tag.
    GetPowerReading,
    NetFn::GROUP_EXTENSION,
    0x02,
    User,
    GetPowerReadingRequest,
    GetPowerReadingResponse,
    crate::message::BodyCode::Group(crate::message::DefiningBody::DCMI)
);

/// The unit of an enhanced-statistics averaging period: bits 7:6 of the mode attributes
/// byte (DCMI 1.5 §6.6.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum TimeUnit {
    /// 00b: seconds.
    Seconds,
    /// 01b: minutes.
    Minutes,
    /// 10b: hours.
    Hours,
    /// 11b: days.
    Days,
}

impl TimeUnit {
    /// The unit in seconds.
    pub const fn seconds(self) -> u32 {
        match self {
            Self::Seconds => 1,
            Self::Minutes => 60,
            Self::Hours => 3_600,
            Self::Days => 86_400,
        }
    }
}

/// The averaging period of enhanced system power statistics: the mode attributes byte of
/// mode 02h (DCMI 1.5 §6.6.1): bits 7:6 the unit, bits 5:0 the count. Every byte value is
/// a period; which periods a BMC supports it reports in Get DCMI Capabilities parameter 5.
///
/// ```
/// use ipmi_proto::command::dcmi::{AveragingPeriod, TimeUnit};
/// let p = AveragingPeriod::new(15, TimeUnit::Minutes)?;
/// assert_eq!(p.0, 0x4F); // ipmitool's `15_min`
/// assert_eq!((p.count(), p.unit(), p.seconds()), (15, TimeUnit::Minutes, 900));
/// # Ok::<(), ipmi_proto::message::RangeError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct AveragingPeriod(pub u8);

impl AveragingPeriod {
    /// The largest count (6 bits).
    pub const MAX_COUNT: u8 = 0x3F;

    /// `count` units.
    ///
    /// # Errors
    ///
    /// [`RangeError`] if `count` exceeds 3Fh.
    pub const fn new(count: u8, unit: TimeUnit) -> Result<Self, RangeError> {
        if count > Self::MAX_COUNT {
            return Err(RangeError {
                field: "averaging period count",
                value: count,
                max: Self::MAX_COUNT,
            });
        }
        let unit_bits = match unit {
            TimeUnit::Seconds => 0,
            TimeUnit::Minutes => 1,
            TimeUnit::Hours => 2,
            TimeUnit::Days => 3,
        };
        Ok(Self((unit_bits << 6) | count))
    }

    /// Bits 7:6: the unit.
    pub const fn unit(self) -> TimeUnit {
        match self.0 >> 6 {
            0 => TimeUnit::Seconds,
            1 => TimeUnit::Minutes,
            2 => TimeUnit::Hours,
            _ => TimeUnit::Days,
        }
    }

    /// Bits 5:0: how many units.
    pub const fn count(self) -> u8 {
        self.0 & Self::MAX_COUNT
    }

    /// The period in seconds.
    pub const fn seconds(self) -> u32 {
        self.count() as u32 * self.unit().seconds()
    }
}

/// Get Power Reading request data after the DCh byte (DCMI 1.5 §6.6.1), 3 bytes: mode,
/// mode attributes, reserved. Modes 01h (system power statistics) and 02h (enhanced system
/// power statistics) are the defined ones; any other mode is refused with
/// [`CommandError::InvalidField`] at offset 0, as are non-zero mode attributes with mode 01h
/// (offset 1, reserved there) and a non-zero byte 3 (offset 2). ipmitool and FreeIPMI send
/// `01h 00h 00h`; some test tools send `01h 01h 00h`, which is refused.
///
/// ```
/// use ipmi_proto::command::dcmi::{AveragingPeriod, GetPowerReadingRequest, TimeUnit};
/// use ipmi_proto::command::{CommandError, Message};
/// let r = GetPowerReadingRequest::parse(&[0x02, 0x81, 0x00])?;
/// assert_eq!(r, GetPowerReadingRequest::EnhancedSystemPowerStatistics(
///     AveragingPeriod::new(1, TimeUnit::Hours).unwrap()));
/// assert_eq!(GetPowerReadingRequest::parse(&[0x03, 0x00, 0x00]),
///     Err(CommandError::InvalidField { offset: 0, value: 0x03 }));
/// # Ok::<(), CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum GetPowerReadingRequest {
    /// Mode 01h: system power statistics over the BMC's own statistics period.
    #[default]
    SystemPowerStatistics,
    /// Mode 02h: enhanced system power statistics over the given averaging period.
    EnhancedSystemPowerStatistics(AveragingPeriod),
}

impl GetPowerReadingRequest {
    /// Mode byte 01h.
    pub const MODE_SYSTEM: u8 = 0x01;
    /// Mode byte 02h.
    pub const MODE_ENHANCED: u8 = 0x02;

    /// The mode byte.
    pub const fn mode(self) -> u8 {
        match self {
            Self::SystemPowerStatistics => Self::MODE_SYSTEM,
            Self::EnhancedSystemPowerStatistics(_) => Self::MODE_ENHANCED,
        }
    }
}

impl Message<'_> for GetPowerReadingRequest {
    const MIN_LEN: usize = 3;
    const MAX_LEN: usize = 3;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [mode, attributes, reserved] = fixed(data)?;
        let request = match mode {
            Self::MODE_SYSTEM if attributes != 0 => {
                return Err(CommandError::InvalidField {
                    offset: 1,
                    value: attributes,
                });
            }
            Self::MODE_SYSTEM => Self::SystemPowerStatistics,
            Self::MODE_ENHANCED => Self::EnhancedSystemPowerStatistics(AveragingPeriod(attributes)),
            _ => {
                return Err(CommandError::InvalidField {
                    offset: 0,
                    value: mode,
                });
            }
        };
        if reserved != 0 {
            return Err(CommandError::InvalidField {
                offset: 2,
                value: reserved,
            });
        }
        Ok(request)
    }

    fn buffer_len(&self) -> usize {
        3
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let attributes = match self {
            Self::SystemPowerStatistics => 0,
            Self::EnhancedSystemPowerStatistics(p) => p.0,
        };
        put(out, &[self.mode(), attributes, 0])
    }
}

/// The power reading state byte of a Get Power Reading response (DCMI 1.5 §6.6.1): bit 6
/// set while power measurement is active; the other bits are reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PowerReadingState(pub u8);

impl PowerReadingState {
    /// Bit 6: power measurement active.
    pub const MEASUREMENT_ACTIVE: u8 = 1 << 6;

    /// Whether power measurement is active (clear: no measurement available or not active;
    /// the power values are then meaningless).
    pub const fn measurement_active(self) -> bool {
        self.0 & Self::MEASUREMENT_ACTIVE != 0
    }
}

/// Get Power Reading response data after the completion code and the DCh byte (DCMI 1.5
/// §6.6.1), 17 bytes, little-endian: current, minimum, maximum and average power in watts
/// over the statistics period, the IPMI timestamp of the reading, the statistics reporting
/// period in milliseconds and the power reading state. Every value is accepted.
///
/// ```
/// use ipmi_proto::command::dcmi::GetPowerReadingResponse;
/// use ipmi_proto::command::Message;
/// // What our ipmitool fixture answers: 291 W now, 100/500/250 W, 1000 ms, active.
/// let data = [0x23, 0x01, 0x64, 0x00, 0xF4, 0x01, 0xFA, 0x00,
///     0x00, 0x10, 0x5E, 0x5F, 0xE8, 0x03, 0x00, 0x00, 0x40];
/// let r = GetPowerReadingResponse::parse(&data)?;
/// assert_eq!((r.current_power, r.average_power), (291, 250));
/// assert_eq!(r.timestamp.unix_seconds(), Some(1_600_000_000));
/// assert_eq!(r.statistics_period_ms, 1000);
/// assert!(r.state.measurement_active());
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct GetPowerReadingResponse {
    /// Current power, watts.
    pub current_power: u16,
    /// Minimum power over the statistics period, watts.
    pub minimum_power: u16,
    /// Maximum power over the statistics period, watts.
    pub maximum_power: u16,
    /// Average power over the statistics period, watts.
    pub average_power: u16,
    /// When the reading was taken (IPMI timestamp, IPMI 2.0 §37).
    pub timestamp: Timestamp,
    /// The statistics reporting period, milliseconds: the time over which minimum, maximum
    /// and average were collected.
    pub statistics_period_ms: u32,
    /// The power reading state.
    pub state: PowerReadingState,
}

impl GetPowerReadingResponse {
    /// The data length.
    pub const LEN: usize = 17;
}

impl Message<'_> for GetPowerReadingResponse {
    const MIN_LEN: usize = Self::LEN;
    const MAX_LEN: usize = Self::LEN;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [
            c0,
            c1,
            n0,
            n1,
            x0,
            x1,
            a0,
            a1,
            t0,
            t1,
            t2,
            t3,
            p0,
            p1,
            p2,
            p3,
            state,
        ] = fixed(data)?;
        Ok(Self {
            current_power: u16::from_le_bytes([c0, c1]),
            minimum_power: u16::from_le_bytes([n0, n1]),
            maximum_power: u16::from_le_bytes([x0, x1]),
            average_power: u16::from_le_bytes([a0, a1]),
            timestamp: Timestamp(u32::from_le_bytes([t0, t1, t2, t3])),
            statistics_period_ms: u32::from_le_bytes([p0, p1, p2, p3]),
            state: PowerReadingState(state),
        })
    }

    fn buffer_len(&self) -> usize {
        Self::LEN
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [c0, c1] = self.current_power.to_le_bytes();
        let [n0, n1] = self.minimum_power.to_le_bytes();
        let [x0, x1] = self.maximum_power.to_le_bytes();
        let [a0, a1] = self.average_power.to_le_bytes();
        let [t0, t1, t2, t3] = self.timestamp.0.to_le_bytes();
        let [p0, p1, p2, p3] = self.statistics_period_ms.to_le_bytes();
        put(
            out,
            &[
                c0,
                c1,
                n0,
                n1,
                x0,
                x1,
                a0,
                a1,
                t0,
                t1,
                t2,
                t3,
                p0,
                p1,
                p2,
                p3,
                self.state.0,
            ],
        )
    }
}
