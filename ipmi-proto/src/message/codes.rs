//! Network function, LUN and command codes (IPMI 2.0 §5.1, Table 5-1).

use core::fmt;

/// A value does not fit the bit field it is meant for (a 6-bit NetFn, a 2-bit LUN, a 6-bit
/// sequence number, a 4-bit channel number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RangeError {
    /// The field, in the spec's words (`"netFn"`, `"LUN"`, `"rqSeq"`, `"channel number"`).
    pub field: &'static str,
    /// The rejected value.
    pub value: u8,
    /// The largest value the field holds.
    pub max: u8,
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:02X}h does not fit the field (at most {:02X}h)",
            self.field, self.value, self.max
        )
    }
}

impl core::error::Error for RangeError {}

/// A network function code: the 6-bit field that, with the command byte, names a message
/// (IPMI 2.0 §5.1, Table 5-1).
///
/// NetFns come in pairs: the even value is the request, the odd value right after it is the
/// response. Every 6-bit value is representable, reserved ones included; [`NetFn::kind`] says
/// what the spec assigns to it. The associated constants are the request codes.
///
/// ```
/// use ipmi_proto::message::{NetFn, NetFnKind};
///
/// let app = NetFn::APP;
/// assert_eq!(app.value(), 0x06);
/// assert!(app.is_request());
/// assert_eq!(app.response().value(), 0x07);
/// assert_eq!(app.response().request(), app);
/// assert_eq!(NetFn::new(0x2D)?.kind(), NetFnKind::GroupExtension);
/// assert_eq!(NetFn::new(0x31)?.kind(), NetFnKind::ControllerOem(0x30));
/// assert_eq!(NetFn::new(0x10)?.kind(), NetFnKind::Reserved(0x10));
/// assert!(NetFn::new(0x40).is_err());
/// # Ok::<(), ipmi_proto::message::RangeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct NetFn(u8);

/// What Table 5-1 assigns to a NetFn pair. Each variant covers both the request and the
/// response code; the reserved and controller-specific variants carry the pair's (even)
/// request code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum NetFnKind {
    /// 00h/01h: chassis device commands.
    Chassis,
    /// 02h/03h: ICMB bridge commands.
    Bridge,
    /// 04h/05h: sensor and event commands.
    SensorEvent,
    /// 06h/07h: application commands.
    App,
    /// 08h/09h: firmware transfer (format not specified by IPMI).
    Firmware,
    /// 0Ah/0Bh: non-volatile storage (SEL, SDR repository, FRU).
    Storage,
    /// 0Ch/0Dh: media-specific configuration and transport (LAN, serial, SOL).
    Transport,
    /// 2Ch/2Dh: group extension; the first data byte names the defining body
    /// ([`DefiningBody`]).
    GroupExtension,
    /// 2Eh/2Fh: OEM/group; the first three data bytes are an IANA enterprise number.
    OemGroup,
    /// 30h–3Fh: controller-specific OEM/group; carries the request code.
    ControllerOem(u8),
    /// 0Eh–2Bh: reserved; carries the request code.
    Reserved(u8),
}

impl NetFn {
    /// Chassis request, 00h.
    pub const CHASSIS: Self = Self(0x00);
    /// Bridge request, 02h.
    pub const BRIDGE: Self = Self(0x02);
    /// Sensor/Event request, 04h.
    pub const SENSOR_EVENT: Self = Self(0x04);
    /// Application request, 06h.
    pub const APP: Self = Self(0x06);
    /// Firmware request, 08h.
    pub const FIRMWARE: Self = Self(0x08);
    /// Storage request, 0Ah.
    pub const STORAGE: Self = Self(0x0A);
    /// Transport request, 0Ch.
    pub const TRANSPORT: Self = Self(0x0C);
    /// Group extension request, 2Ch.
    pub const GROUP_EXTENSION: Self = Self(0x2C);
    /// OEM/group request, 2Eh.
    pub const OEM_GROUP: Self = Self(0x2E);

    /// The largest NetFn code (6 bits).
    pub const MAX: u8 = 0x3F;

    /// A NetFn from its 6-bit code.
    pub const fn new(code: u8) -> Result<Self, RangeError> {
        if code <= Self::MAX {
            Ok(Self(code))
        } else {
            Err(RangeError {
                field: "netFn",
                value: code,
                max: Self::MAX,
            })
        }
    }

    /// The NetFn in bits 7:2 of a `netFn/LUN` byte (the low two bits are the LUN).
    pub const fn from_netfn_lun(byte: u8) -> Self {
        Self(byte >> 2)
    }

    /// The 6-bit code.
    pub const fn value(self) -> u8 {
        self.0
    }

    /// Whether this is a request code (even).
    pub const fn is_request(self) -> bool {
        self.0 & 1 == 0
    }

    /// Whether this is a response code (odd).
    pub const fn is_response(self) -> bool {
        self.0 & 1 == 1
    }

    /// The response code of this pair (the odd one); a response code returns itself.
    pub const fn response(self) -> Self {
        Self(self.0 | 1)
    }

    /// The request code of this pair (the even one); a request code returns itself.
    pub const fn request(self) -> Self {
        Self(self.0 & !1)
    }

    /// What Table 5-1 assigns to this pair.
    pub const fn kind(self) -> NetFnKind {
        match self.0 & !1 {
            0x00 => NetFnKind::Chassis,
            0x02 => NetFnKind::Bridge,
            0x04 => NetFnKind::SensorEvent,
            0x06 => NetFnKind::App,
            0x08 => NetFnKind::Firmware,
            0x0A => NetFnKind::Storage,
            0x0C => NetFnKind::Transport,
            0x2C => NetFnKind::GroupExtension,
            0x2E => NetFnKind::OemGroup,
            c @ 0x30..=0x3E => NetFnKind::ControllerOem(c),
            c => NetFnKind::Reserved(c),
        }
    }

    /// Bytes of the message data that identify the command set: 1 (defining body) for group
    /// extension, 3 (IANA number) for OEM/group, 0 otherwise. In a response they follow the
    /// completion code.
    pub const fn body_code_len(self) -> usize {
        match self.kind() {
            NetFnKind::GroupExtension => 1,
            NetFnKind::OemGroup => 3,
            _ => 0,
        }
    }
}

impl TryFrom<u8> for NetFn {
    type Error = RangeError;
    fn try_from(code: u8) -> Result<Self, RangeError> {
        Self::new(code)
    }
}

impl From<NetFn> for u8 {
    fn from(n: NetFn) -> u8 {
        n.0
    }
}

impl fmt::Display for NetFn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dir = if self.is_request() {
            "request"
        } else {
            "response"
        };
        write!(f, "{} {} ({:02X}h)", self.kind(), dir, self.0)
    }
}

impl fmt::Display for NetFnKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Chassis => f.write_str("Chassis"),
            Self::Bridge => f.write_str("Bridge"),
            Self::SensorEvent => f.write_str("Sensor/Event"),
            Self::App => f.write_str("App"),
            Self::Firmware => f.write_str("Firmware"),
            Self::Storage => f.write_str("Storage"),
            Self::Transport => f.write_str("Transport"),
            Self::GroupExtension => f.write_str("Group Extension"),
            Self::OemGroup => f.write_str("OEM/Group"),
            Self::ControllerOem(c) => write!(f, "Controller-specific OEM/Group {c:02X}h"),
            Self::Reserved(c) => write!(f, "Reserved NetFn {c:02X}h"),
        }
    }
}

/// Defining-body codes: the first data byte of a group extension (NetFn 2Ch/2Dh) message
/// (IPMI 2.0 Table 5-1, footnote to 2Ch). Other values are kept as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DefiningBody(pub u8);

impl DefiningBody {
    /// 00h: PICMG (ATCA, MicroTCA).
    pub const PICMG: Self = Self(0x00);
    /// 01h: DMTF pre-OS working group (ASF).
    pub const DMTF: Self = Self(0x01);
    /// 02h: Server System Infrastructure forum.
    pub const SSI: Self = Self(0x02);
    /// 03h: VITA standards organisation.
    pub const VITA: Self = Self(0x03);
    /// DCh: Data Center Manageability Interface.
    pub const DCMI: Self = Self(0xDC);
}

/// A logical unit number: the 2-bit sub-address within a controller. The BMC's LUNs
/// (IPMI 2.0 §7.2, BMC IPMB LUNs): 00b BMC commands and event messages, 01b OEM LUN 1,
/// 10b SMS message LUN (Receive Message Queue), 11b OEM LUN 2.
///
/// ```
/// use ipmi_proto::message::Lun;
///
/// assert_eq!(Lun::new(2)?, Lun::SMS);
/// assert_eq!(Lun::from_low_bits(0x1B), Lun::OEM2);
/// assert!(Lun::new(4).is_err());
/// # Ok::<(), ipmi_proto::message::RangeError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Lun(u8);

impl Lun {
    /// 00b: the BMC's commands and event messages.
    pub const BMC: Self = Self(0);
    /// 01b: OEM LUN 1.
    pub const OEM1: Self = Self(1);
    /// 10b: the SMS message LUN (the Receive Message Queue).
    pub const SMS: Self = Self(2);
    /// 11b: OEM LUN 2.
    pub const OEM2: Self = Self(3);

    /// The largest LUN (2 bits).
    pub const MAX: u8 = 3;

    /// A LUN from its 2-bit value.
    pub const fn new(value: u8) -> Result<Self, RangeError> {
        if value <= Self::MAX {
            Ok(Self(value))
        } else {
            Err(RangeError {
                field: "LUN",
                value,
                max: Self::MAX,
            })
        }
    }

    /// The LUN in bits 1:0 of a byte; the other bits are ignored.
    pub const fn from_low_bits(byte: u8) -> Self {
        Self(byte & 0b11)
    }

    /// The 2-bit value.
    pub const fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Lun {
    type Error = RangeError;
    fn try_from(value: u8) -> Result<Self, RangeError> {
        Self::new(value)
    }
}

impl From<Lun> for u8 {
    fn from(l: Lun) -> u8 {
        l.0
    }
}

impl fmt::Display for Lun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LUN {}", self.0)
    }
}

/// A command code. Its meaning depends on the NetFn (and, for group extension and OEM
/// NetFns, on the body code that starts the data); every byte value is kept.
///
/// ```
/// use ipmi_proto::message::Cmd;
///
/// let get_device_id = Cmd(0x01);
/// assert_eq!(u8::from(get_device_id), 1);
/// assert_eq!(get_device_id.to_string(), "01h");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Cmd(pub u8);

impl From<u8> for Cmd {
    fn from(c: u8) -> Self {
        Self(c)
    }
}

impl From<Cmd> for u8 {
    fn from(c: Cmd) -> u8 {
        c.0
    }
}

impl fmt::Display for Cmd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02X}h", self.0)
    }
}

/// `netFn << 2 | LUN`: the byte that carries both (IPMI 2.0 §5.1).
pub(crate) const fn netfn_lun(netfn: NetFn, lun: Lun) -> u8 {
    (netfn.0 << 2) | lun.0
}
