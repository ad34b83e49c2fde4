//! Small configuration and identification registers: `PAGE` (00h), `OPERATION` (01h),
//! `ON_OFF_CONFIG` (02h), `PHASE` (04h), `WRITE_PROTECT` (10h), `CAPABILITY` (19h), `QUERY`
//! (1Ah) and `PMBUS_REVISION` (98h), PMBus 1.3.1 Part II, each in the command's own section.
//!
//! Every type wraps the raw byte and decodes on access, so no bit is lost: reserved bits and
//! undefined values stay readable (`reserved_bits`, `Unknown`/`Reserved` variants).

use core::fmt;

use super::CommandCode;

/// A `PAGE` (00h) value: which output or rail the following paged commands address.
///
/// [`Page::ALL`] (FFh) addresses every page at once (useful with `OPERATION` and
/// `CLEAR_FAULTS`; reads with PAGE FFh are not meaningful).
///
/// ```
/// use smbus_pmbus::command::Page;
///
/// assert!(Page::ALL.is_all());
/// assert_eq!(Page(2).to_string(), "2");
/// assert_eq!(Page::ALL.to_string(), "all");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Page(pub u8);

impl Page {
    /// FFh: all pages.
    pub const ALL: Self = Self(0xFF);

    /// `true` for FFh (all pages).
    pub const fn is_all(self) -> bool {
        self.0 == 0xFF
    }
}

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_all() {
            f.write_str("all")
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// A `PHASE` (04h) value: which phase of the selected page phase-aware commands address.
///
/// [`Phase::ALL`] (FFh) addresses all phases as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Phase(pub u8);

impl Phase {
    /// FFh: all phases as a single entity.
    pub const ALL: Self = Self(0xFF);

    /// `true` for FFh (all phases).
    pub const fn is_all(self) -> bool {
        self.0 == 0xFF
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_all() {
            f.write_str("all")
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// The `OPERATION` (01h) byte: output on/off, how to turn off, and margining.
///
/// Bits (PMBus 1.3.1 Part II, OPERATION): 7 on (1) / off (0); 6 turn-off behaviour
/// (0 immediately, 1 following `TOFF_DELAY`/`TOFF_FALL`); 5:4 voltage source (VOUT_COMMAND,
/// margin low, margin high, AVSBus); 3:2 margin fault response (01b ignore, 10b act on);
/// 1:0 AVSBus-related in 1.3, reserved before, returned raw by [`Operation::low_bits`].
///
/// ```
/// use smbus_pmbus::command::{Operation, TurnOffBehavior, VoltageSource};
///
/// assert!(Operation::ON.is_on());
/// assert_eq!(Operation::SOFT_OFF.turn_off_behavior(), TurnOffBehavior::Sequenced);
/// assert_eq!(Operation::MARGIN_HIGH_ACT_ON_FAULTS.voltage_source(), VoltageSource::MarginHigh);
/// assert_eq!(u8::from(Operation::ON), 0x80);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Operation(pub u8);

/// How `OPERATION` turns the output off (bit 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum TurnOffBehavior {
    /// Stop immediately (bit 6 clear).
    Immediate,
    /// Follow the programmed `TOFF_DELAY` and `TOFF_FALL` (bit 6 set, "soft off").
    Sequenced,
}

/// Which command sets the output voltage (`OPERATION` bits 5:4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum VoltageSource {
    /// 00b: `VOUT_COMMAND`.
    VoutCommand,
    /// 01b: `VOUT_MARGIN_LOW`.
    MarginLow,
    /// 10b: `VOUT_MARGIN_HIGH`.
    MarginHigh,
    /// 11b: the AVSBus (PMBus 1.3).
    AvsBus,
}

/// How faults caused by margining are handled (`OPERATION` bits 3:2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum MarginFaultResponse {
    /// 01b: ignore faults caused by margining.
    Ignore,
    /// 10b: act on faults caused by margining.
    ActOn,
    /// 00b or 11b (kept as the two-bit value): no response is selected; normal when not
    /// margining (`ON` is 80h, bits 3:2 = 00b).
    Unspecified(u8),
}

impl Operation {
    /// 00h: output off, immediately.
    pub const OFF_IMMEDIATE: Self = Self(0x00);
    /// 40h: output off following `TOFF_DELAY` and `TOFF_FALL` ("soft off").
    pub const SOFT_OFF: Self = Self(0x40);
    /// 80h: output on at `VOUT_COMMAND`.
    pub const ON: Self = Self(0x80);
    /// 94h: on at margin low, ignoring faults caused by margining.
    pub const MARGIN_LOW_IGNORE_FAULTS: Self = Self(0x94);
    /// 98h: on at margin low, acting on faults caused by margining.
    pub const MARGIN_LOW_ACT_ON_FAULTS: Self = Self(0x98);
    /// A4h: on at margin high, ignoring faults caused by margining.
    pub const MARGIN_HIGH_IGNORE_FAULTS: Self = Self(0xA4);
    /// A8h: on at margin high, acting on faults caused by margining.
    pub const MARGIN_HIGH_ACT_ON_FAULTS: Self = Self(0xA8);

    /// Bit 7: the output is commanded on.
    pub const fn is_on(self) -> bool {
        self.0 & 0x80 != 0
    }

    /// Bit 6: how the output turns off.
    pub const fn turn_off_behavior(self) -> TurnOffBehavior {
        if self.0 & 0x40 != 0 {
            TurnOffBehavior::Sequenced
        } else {
            TurnOffBehavior::Immediate
        }
    }

    /// Bits 5:4: which command sets the output voltage.
    pub const fn voltage_source(self) -> VoltageSource {
        match (self.0 >> 4) & 0b11 {
            0b00 => VoltageSource::VoutCommand,
            0b01 => VoltageSource::MarginLow,
            0b10 => VoltageSource::MarginHigh,
            _ => VoltageSource::AvsBus,
        }
    }

    /// Bits 3:2: the margin fault response.
    pub const fn margin_fault_response(self) -> MarginFaultResponse {
        match (self.0 >> 2) & 0b11 {
            0b01 => MarginFaultResponse::Ignore,
            0b10 => MarginFaultResponse::ActOn,
            other => MarginFaultResponse::Unspecified(other),
        }
    }

    /// Bits 1:0, raw (AVSBus-related in PMBus 1.3, reserved in earlier revisions).
    pub const fn low_bits(self) -> u8 {
        self.0 & 0b11
    }
}

impl From<u8> for Operation {
    fn from(value: u8) -> Self {
        Self(value)
    }
}

impl From<Operation> for u8 {
    fn from(value: Operation) -> Self {
        value.0
    }
}

/// The `ON_OFF_CONFIG` (02h) byte: what turns the output on and off.
///
/// Bits (PMBus 1.3.1 Part II, ON_OFF_CONFIG): 4 the unit waits for a command to power up
/// (clear: it powers up whenever input power is present); 3 it obeys the on/off bit of
/// `OPERATION`; 2 it obeys the CONTROL pin; 1 CONTROL pin polarity (set: active high);
/// 0 CONTROL pin turn-off action (set: turn off as fast as possible, clear: use the
/// programmed delay and fall time). Bits 7:5 are reserved.
///
/// ```
/// use smbus_pmbus::command::OnOffConfig;
///
/// let cfg = OnOffConfig::OPERATION_ONLY;
/// assert!(cfg.responds_to_operation());
/// assert!(!cfg.responds_to_control_pin());
/// assert_eq!(u8::from(cfg), 0x18);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct OnOffConfig(pub u8);

impl OnOffConfig {
    /// 00h: the unit powers up whenever input power is present; neither `OPERATION` nor the
    /// CONTROL pin is needed.
    pub const ALWAYS_ON: Self = Self(0x00);
    /// 18h: only the on/off bit of `OPERATION` turns the output on and off; the CONTROL pin is
    /// ignored. What a BMC that switches PSUs over PMBus sets.
    pub const OPERATION_ONLY: Self = Self(0x18);
    /// 14h: only the CONTROL pin (active low) turns the output on and off.
    pub const CONTROL_PIN_ONLY_ACTIVE_LOW: Self = Self(0x14);
    /// 16h: only the CONTROL pin (active high) turns the output on and off.
    pub const CONTROL_PIN_ONLY_ACTIVE_HIGH: Self = Self(0x16);
    /// 1Ch: both `OPERATION` and the CONTROL pin (active low) must say on.
    pub const OPERATION_AND_CONTROL_PIN_ACTIVE_LOW: Self = Self(0x1C);
    /// 1Eh: both `OPERATION` and the CONTROL pin (active high) must say on.
    pub const OPERATION_AND_CONTROL_PIN_ACTIVE_HIGH: Self = Self(0x1E);

    /// Bit 4: the unit does not power up until commanded (by `OPERATION` and/or the CONTROL
    /// pin as bits 3:2 say).
    pub const fn requires_command_to_power_up(self) -> bool {
        self.0 & 0x10 != 0
    }

    /// Bit 3: the on/off bit of `OPERATION` is obeyed.
    pub const fn responds_to_operation(self) -> bool {
        self.0 & 0x08 != 0
    }

    /// Bit 2: the CONTROL pin is obeyed.
    pub const fn responds_to_control_pin(self) -> bool {
        self.0 & 0x04 != 0
    }

    /// Bit 1: the CONTROL pin is active high.
    pub const fn control_pin_active_high(self) -> bool {
        self.0 & 0x02 != 0
    }

    /// Bit 0: negating the CONTROL pin turns the output off as fast as possible instead of
    /// following the programmed turn-off delay and fall time.
    pub const fn control_pin_turns_off_immediately(self) -> bool {
        self.0 & 0x01 != 0
    }

    /// Bits 7:5, which PMBus 1.3 reserves (0 on a conforming device).
    pub const fn reserved_bits(self) -> u8 {
        self.0 & 0xE0
    }
}

impl From<u8> for OnOffConfig {
    fn from(value: u8) -> Self {
        Self(value)
    }
}

impl From<OnOffConfig> for u8 {
    fn from(value: OnOffConfig) -> Self {
        value.0
    }
}

/// The `WRITE_PROTECT` (10h) level (PMBus 1.3.1 Part II, WRITE_PROTECT).
///
/// Only four values are defined; anything else is kept as [`WriteProtect::Unknown`] and
/// [`WriteProtect::allows`] then answers `None` instead of guessing.
///
/// ```
/// use smbus_pmbus::command::{CommandCode, WriteProtect};
///
/// let wp = WriteProtect::from(0x40);
/// assert_eq!(wp, WriteProtect::OnlyOperation);
/// assert_eq!(wp.allows(CommandCode::OPERATION.0), Some(true));
/// assert_eq!(wp.allows(CommandCode::VOUT_COMMAND.0), Some(false));
/// assert_eq!(WriteProtect::from(0x01).allows(0x21), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum WriteProtect {
    /// 00h: writes to all commands are enabled.
    AllWritesEnabled,
    /// 20h: all writes disabled except `WRITE_PROTECT`, `OPERATION`, `PAGE`, `ON_OFF_CONFIG`
    /// and `VOUT_COMMAND`.
    OnlyControlAndVout,
    /// 40h: all writes disabled except `WRITE_PROTECT`, `OPERATION` and `PAGE`.
    OnlyOperation,
    /// 80h: all writes disabled except `WRITE_PROTECT`.
    OnlyWriteProtect,
    /// Any other value, kept as read.
    Unknown(u8),
}

impl WriteProtect {
    /// The level for a raw `WRITE_PROTECT` byte (the same as `From<u8>`, usable in `const`).
    pub const fn from_bits(raw: u8) -> Self {
        match raw {
            0x00 => Self::AllWritesEnabled,
            0x20 => Self::OnlyControlAndVout,
            0x40 => Self::OnlyOperation,
            0x80 => Self::OnlyWriteProtect,
            other => Self::Unknown(other),
        }
    }

    /// Whether a write (including a send byte) to `code` is permitted at this level;
    /// `None` for an [`Unknown`](WriteProtect::Unknown) level. Reads are never blocked.
    pub const fn allows(self, code: u8) -> Option<bool> {
        const WP: u8 = CommandCode::WRITE_PROTECT.0;
        const OP: u8 = CommandCode::OPERATION.0;
        const PAGE: u8 = CommandCode::PAGE.0;
        const ON_OFF: u8 = CommandCode::ON_OFF_CONFIG.0;
        const VOUT: u8 = CommandCode::VOUT_COMMAND.0;
        match self {
            Self::AllWritesEnabled => Some(true),
            Self::OnlyControlAndVout => Some(matches!(code, WP | OP | PAGE | ON_OFF | VOUT)),
            Self::OnlyOperation => Some(matches!(code, WP | OP | PAGE)),
            Self::OnlyWriteProtect => Some(code == WP),
            Self::Unknown(_) => None,
        }
    }

    /// The raw byte.
    pub const fn bits(self) -> u8 {
        match self {
            Self::AllWritesEnabled => 0x00,
            Self::OnlyControlAndVout => 0x20,
            Self::OnlyOperation => 0x40,
            Self::OnlyWriteProtect => 0x80,
            Self::Unknown(raw) => raw,
        }
    }
}

impl From<u8> for WriteProtect {
    fn from(value: u8) -> Self {
        Self::from_bits(value)
    }
}

impl From<WriteProtect> for u8 {
    fn from(value: WriteProtect) -> Self {
        value.bits()
    }
}

/// The `CAPABILITY` (19h) byte (PMBus 1.3.1 Part II, CAPABILITY).
///
/// Bits: 7 PEC supported; 6:5 maximum bus speed; 4 SMBALERT# and the Alert Response Address
/// supported; 3 numeric format (1.3: set means IEEE half precision, clear means
/// LINEAR11/ULINEAR16/DIRECT); 2 AVSBus supported (1.3); 1:0 reserved. Devices before 1.3
/// return 0 in bits 3:0, which decodes as "LINEAR/DIRECT, no AVSBus", which is correct for them.
///
/// ```
/// use smbus_pmbus::command::{BusSpeed, Capability, NumericFormat};
///
/// let cap = Capability(0xB0);
/// assert!(cap.pec_supported());
/// assert_eq!(cap.max_bus_speed(), BusSpeed::Khz400);
/// assert!(cap.smbalert_supported());
/// assert_eq!(cap.numeric_format(), NumericFormat::LinearOrDirect);
/// assert!(!cap.avsbus_supported());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Capability(pub u8);

/// Maximum bus speed from `CAPABILITY` bits 6:5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum BusSpeed {
    /// 00b: 100 kHz.
    Khz100,
    /// 01b: 400 kHz.
    Khz400,
    /// 10b: 1 MHz.
    Mhz1,
    /// 11b: reserved.
    Reserved,
}

impl BusSpeed {
    /// The speed in hertz; `None` for the reserved encoding.
    pub const fn max_hz(self) -> Option<u32> {
        match self {
            Self::Khz100 => Some(100_000),
            Self::Khz400 => Some(400_000),
            Self::Mhz1 => Some(1_000_000),
            Self::Reserved => None,
        }
    }
}

/// Numeric format from `CAPABILITY` bit 3 (PMBus 1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum NumericFormat {
    /// Bit 3 clear: LINEAR11, ULINEAR16 and DIRECT.
    LinearOrDirect,
    /// Bit 3 set: IEEE 754 half precision.
    IeeeHalf,
}

impl Capability {
    /// Bit 7: packet error checking supported.
    pub const fn pec_supported(self) -> bool {
        self.0 & 0x80 != 0
    }

    /// Bits 6:5: maximum supported bus speed.
    pub const fn max_bus_speed(self) -> BusSpeed {
        match (self.0 >> 5) & 0b11 {
            0b00 => BusSpeed::Khz100,
            0b01 => BusSpeed::Khz400,
            0b10 => BusSpeed::Mhz1,
            _ => BusSpeed::Reserved,
        }
    }

    /// Bit 4: SMBALERT# and the SMBus Alert Response Address supported.
    pub const fn smbalert_supported(self) -> bool {
        self.0 & 0x10 != 0
    }

    /// Bit 3: numeric data format (PMBus 1.3).
    pub const fn numeric_format(self) -> NumericFormat {
        if self.0 & 0x08 != 0 {
            NumericFormat::IeeeHalf
        } else {
            NumericFormat::LinearOrDirect
        }
    }

    /// Bit 2: AVSBus supported (PMBus 1.3).
    pub const fn avsbus_supported(self) -> bool {
        self.0 & 0x04 != 0
    }

    /// Bits 1:0, reserved.
    pub const fn reserved_bits(self) -> u8 {
        self.0 & 0b11
    }
}

impl From<u8> for Capability {
    fn from(value: u8) -> Self {
        Self(value)
    }
}

/// The answer of `QUERY` (1Ah) about one command (PMBus 1.3.1 Part II, QUERY).
///
/// `QUERY` is a block write–block read process call: the host sends the command code it asks
/// about, the device answers this byte. Bits: 7 supported; 6 writable; 5 readable; 4:2 data
/// format ([`QueryFormat`]); 1:0 reserved.
///
/// ```
/// use smbus_pmbus::command::{Query, QueryFormat};
///
/// let q = Query(0xA0); // supported, readable, LINEAR
/// assert!(q.supported() && q.readable() && !q.writable());
/// assert_eq!(q.format(), QueryFormat::Linear);
/// assert_eq!(Query(0xFC).format(), QueryFormat::NotNumeric);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Query(pub u8);

/// The data format a `QUERY` answer reports (bits 4:2). All eight values are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum QueryFormat {
    /// 000b: LINEAR (LINEAR11, or ULINEAR16 for output voltage commands).
    Linear,
    /// 001b: 16-bit signed integer.
    Signed16,
    /// 010b: reserved.
    Reserved,
    /// 011b: DIRECT.
    Direct,
    /// 100b: 8-bit unsigned integer.
    Unsigned8,
    /// 101b: VID.
    Vid,
    /// 110b: manufacturer-specific.
    MfrSpecific,
    /// 111b: not numeric (bit fields, blocks, send byte).
    NotNumeric,
}

impl Query {
    /// Bit 7: the command is supported.
    pub const fn supported(self) -> bool {
        self.0 & 0x80 != 0
    }

    /// Bit 6: the command can be written.
    pub const fn writable(self) -> bool {
        self.0 & 0x40 != 0
    }

    /// Bit 5: the command can be read.
    pub const fn readable(self) -> bool {
        self.0 & 0x20 != 0
    }

    /// Bits 4:2: the data format.
    pub const fn format(self) -> QueryFormat {
        match (self.0 >> 2) & 0b111 {
            0b000 => QueryFormat::Linear,
            0b001 => QueryFormat::Signed16,
            0b010 => QueryFormat::Reserved,
            0b011 => QueryFormat::Direct,
            0b100 => QueryFormat::Unsigned8,
            0b101 => QueryFormat::Vid,
            0b110 => QueryFormat::MfrSpecific,
            _ => QueryFormat::NotNumeric,
        }
    }

    /// Bits 1:0, reserved.
    pub const fn reserved_bits(self) -> u8 {
        self.0 & 0b11
    }
}

impl From<u8> for Query {
    fn from(value: u8) -> Self {
        Self(value)
    }
}

/// The `PMBUS_REVISION` (98h) byte: bits 7:4 the Part I revision, bits 3:0 the Part II
/// revision, each 0h = 1.0, 1h = 1.1, 2h = 1.2, 3h = 1.3 (PMBus 1.3.1 Part II,
/// PMBUS_REVISION). Other nibbles are not defined by 1.3 and decode to `None`.
///
/// Some older Maxim parts put Part I in bits 7:5 instead (42h for 1.2/1.2); this type reads the
/// byte as the specification says, so such a device shows Part I = `None`.
///
/// ```
/// use smbus_pmbus::command::{PmbusRevision, Version};
///
/// let rev = PmbusRevision(0x33);
/// assert_eq!(rev.part1(), Some(Version::V1_3));
/// assert_eq!(rev.part2(), Some(Version::V1_3));
/// assert!(rev.supports_write_to_clear());
/// assert!(!PmbusRevision(0x11).supports_write_to_clear());
/// assert_eq!(PmbusRevision(0x22).to_string(), "Part I 1.2, Part II 1.2");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PmbusRevision(pub u8);

/// A specification revision `major.minor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Version {
    /// Major revision (1).
    pub major: u8,
    /// Minor revision.
    pub minor: u8,
}

impl Version {
    /// Revision 1.0.
    pub const V1_0: Self = Self { major: 1, minor: 0 };
    /// Revision 1.1.
    pub const V1_1: Self = Self { major: 1, minor: 1 };
    /// Revision 1.2.
    pub const V1_2: Self = Self { major: 1, minor: 2 };
    /// Revision 1.3.
    pub const V1_3: Self = Self { major: 1, minor: 3 };

    const fn from_nibble(nibble: u8) -> Option<Self> {
        match nibble {
            0 => Some(Self::V1_0),
            1 => Some(Self::V1_1),
            2 => Some(Self::V1_2),
            3 => Some(Self::V1_3),
            _ => None,
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl PmbusRevision {
    /// 33h: Part I 1.3 and Part II 1.3.
    pub const PMBUS_1_3: Self = Self(0x33);

    /// Bits 7:4, raw.
    pub const fn part1_nibble(self) -> u8 {
        self.0 >> 4
    }

    /// Bits 3:0, raw.
    pub const fn part2_nibble(self) -> u8 {
        self.0 & 0x0F
    }

    /// The Part I (transport) revision, if the nibble is one PMBus 1.3 defines.
    pub const fn part1(self) -> Option<Version> {
        Version::from_nibble(self.part1_nibble())
    }

    /// The Part II (command language) revision, if the nibble is one PMBus 1.3 defines.
    pub const fn part2(self) -> Option<Version> {
        Version::from_nibble(self.part2_nibble())
    }

    /// Whether individual status bits can be cleared by writing 1 to them: Part II 1.2 and
    /// later (see [`ClearFaults`](crate::status::ClearFaults)). Part II nibbles above 3h,
    /// which 1.3 does not define, are taken as later revisions that keep the feature;
    /// devices before 1.2 only have `CLEAR_FAULTS`.
    pub const fn supports_write_to_clear(self) -> bool {
        self.part2_nibble() >= 2
    }
}

impl fmt::Display for PmbusRevision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part1() {
            Some(v) => write!(f, "Part I {v}")?,
            None => write!(f, "Part I unknown ({:X}h)", self.part1_nibble())?,
        }
        match self.part2() {
            Some(v) => write!(f, ", Part II {v}"),
            None => write!(f, ", Part II unknown ({:X}h)", self.part2_nibble()),
        }
    }
}

impl From<u8> for PmbusRevision {
    fn from(value: u8) -> Self {
        Self(value)
    }
}
