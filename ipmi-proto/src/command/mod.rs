//! Typed commands: each command's request and response as types that parse and emit, usable by a
//! requester (build the request, parse the response) and by a responder (parse the request,
//! build the response), over any framing.
//!
//! A command is a type implementing [`Command`]: its NetFn and command code, the privilege it
//! needs (IPMI 2.0 Appendix G), the request data lengths a responder accepts, and the two message
//! types. The data is the part after the command byte (request) or after the completion code
//! (response); framing and completion codes stay with [`crate::framing`] and [`crate::message`].
//! A response whose completion code is not 00h has no typed form: only the code matters.
//!
//! The commands live in modules named after the NetFn: [`app`] (with its [`session`] and
//! [`bridge`] parts), [`chassis`], [`storage`], [`sensor_event`], and [`dcmi`] for the DCMI
//! group extension.

use core::fmt;

use crate::message::{BodyCode, Cmd, CompletionCode, NetFn, Request, Response};

/// Message data of zero bytes: the request of Get Device ID, the response of Cold Reset, ….
///
/// ```
/// use ipmi_proto::command::{CommandError, Empty, Message};
/// assert_eq!(Empty::parse(&[]), Ok(Empty));
/// assert_eq!(Empty::parse(&[0]), Err(CommandError::TooLong { max: 0, actual: 1 }));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Empty;

impl Message<'_> for Empty {
    const MIN_LEN: usize = 0;
    const MAX_LEN: usize = 0;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        check_len(data, 0, 0).map(|()| Self)
    }

    fn buffer_len(&self) -> usize {
        0
    }

    fn emit(&self, _out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        Ok(0)
    }
}

/// Declares a zero-sized command type and its [`Command`] impl (used by the submodules, which
/// see it because it is defined before them).
macro_rules! command {
    ($(#[$doc:meta])* $name:ident, $netfn:expr, $cmd:expr, $privilege:ident, $req:ty, $rsp:ty) => {
        command!($(#[$doc])* $name, $netfn, $cmd, $privilege, $req, $rsp, $crate::message::BodyCode::None, codes: []);
    };
    ($(#[$doc:meta])* $name:ident, $netfn:expr, $cmd:expr, $privilege:ident, $req:ty, $rsp:ty, codes: [$($codes:tt)*]) => {
        command!($(#[$doc])* $name, $netfn, $cmd, $privilege, $req, $rsp, $crate::message::BodyCode::None, codes: [$($codes)*]);
    };
    ($(#[$doc:meta])* $name:ident, $netfn:expr, $cmd:expr, $privilege:ident, $req:ty, $rsp:ty, $body:expr) => {
        command!($(#[$doc])* $name, $netfn, $cmd, $privilege, $req, $rsp, $body, codes: []);
    };
    ($(#[$doc:meta])* $name:ident, $netfn:expr, $cmd:expr, $privilege:ident, $req:ty, $rsp:ty, $body:expr, codes: [$(($cc:expr, $text:expr)),* $(,)?]) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        pub struct $name;

        impl Command for $name {
            const NETFN: NetFn = $netfn;
            const CMD: Cmd = Cmd($cmd);
            const PRIVILEGE: Privilege = Privilege::$privilege;
            const BODY: $crate::message::BodyCode = $body;
            const COMPLETION_CODES: &'static [($crate::message::CompletionCode, &'static str)] =
                &[$(($cc, $text)),*];
            type Request<'a> = $req;
            type Response<'a> = $rsp;
        }
    };
}

pub mod app;
pub mod bridge;
pub mod chassis;
pub mod dcmi;
pub mod sensor_event;
pub mod session;
pub mod storage;

/// The privilege level a command needs or a session runs at (IPMI 2.0 §6.8, Appendix G; the
/// codes of Table 22-15 byte 2 and Table 22-19/22-22).
///
/// Callback < User < Operator < Administrator form a ladder: a higher level may run every
/// command of a lower one. OEM proprietary is *not* on the ladder — the specification gives it
/// no place — so it is deliberately not `Ord`; use [`satisfies`](Self::satisfies).
///
/// ```
/// use ipmi_proto::command::Privilege;
/// assert!(Privilege::Administrator.satisfies(Privilege::Operator));
/// assert!(!Privilege::User.satisfies(Privilege::Operator));
/// assert!(Privilege::Oem.satisfies(Privilege::Oem));
/// assert!(!Privilege::Oem.satisfies(Privilege::User));
/// assert!(!Privilege::Administrator.satisfies(Privilege::Oem));
/// assert_eq!(Privilege::from_code(4), Some(Privilege::Administrator));
/// assert_eq!(Privilege::from_code(6), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Privilege {
    /// Allowed before a session is established (e.g. Get Channel Authentication Capabilities).
    None = 0,
    /// Callback (1).
    Callback = 1,
    /// User (2).
    User = 2,
    /// Operator (3).
    Operator = 3,
    /// Administrator (4).
    Administrator = 4,
    /// OEM proprietary (5).
    Oem = 5,
}

impl Privilege {
    /// The level with this wire code, 1h–5h (Callback to OEM). 0h is not a level on the wire
    /// (its meaning depends on the command) and 6h–Fh are reserved: `None`.
    pub const fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::Callback),
            2 => Some(Self::User),
            3 => Some(Self::Operator),
            4 => Some(Self::Administrator),
            5 => Some(Self::Oem),
            _ => None,
        }
    }

    /// The wire code (0 for [`Privilege::None`]).
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// Whether a caller at `self` may run a command that needs `required`.
    ///
    /// Commands needing [`Privilege::None`] are open to everyone. On the ladder Callback <
    /// User < Operator < Administrator a level satisfies itself and every level below it.
    /// [`Privilege::Oem`] satisfies only OEM (and None) and is satisfied only by OEM: what an
    /// OEM level may do is the OEM's to define, so nothing is granted by guesswork.
    pub const fn satisfies(self, required: Self) -> bool {
        match (self, required) {
            (_, Self::None) | (Self::Oem, Self::Oem) => true,
            (Self::Oem, _) | (_, Self::Oem) => false,
            _ => self as u8 >= required as u8,
        }
    }
}

/// Why command data could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum CommandError {
    /// Fewer bytes than the command needs. A responder answers C7h.
    Truncated {
        /// Bytes needed.
        needed: usize,
        /// Bytes present.
        actual: usize,
    },
    /// More bytes than the command takes. A responder answers C7h (or C8h, its choice).
    TooLong {
        /// The most bytes the command takes.
        max: usize,
        /// Bytes present.
        actual: usize,
    },
    /// A field holds a value the specification does not allow. A responder answers CCh.
    InvalidField {
        /// Byte offset of the field in the data.
        offset: usize,
        /// The value found.
        value: u8,
    },
}

impl CommandError {
    /// The completion code a responder returns for this error (IPMI 2.0 Table 5-2): C7h for a
    /// wrong length, CCh for an invalid field.
    pub const fn completion_code(&self) -> CompletionCode {
        match self {
            Self::Truncated { .. } | Self::TooLong { .. } => CompletionCode(0xC7),
            Self::InvalidField { .. } => CompletionCode(0xCC),
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Truncated { needed, actual } => {
                write!(
                    f,
                    "command data of {actual} bytes, at least {needed} needed"
                )
            }
            Self::TooLong { max, actual } => {
                write!(f, "command data of {actual} bytes, at most {max} allowed")
            }
            Self::InvalidField { offset, value } => {
                write!(f, "invalid value {value:02X}h at data byte {offset}")
            }
        }
    }
}

impl core::error::Error for CommandError {}

/// The output buffer is too small for the message (nothing was written).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BufferTooSmall {
    /// Bytes the message needs.
    pub needed: usize,
    /// Bytes the buffer has.
    pub available: usize,
}

impl fmt::Display for BufferTooSmall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "buffer of {} bytes, {} needed",
            self.available, self.needed
        )
    }
}

impl core::error::Error for BufferTooSmall {}

/// Checks `out` for `needed` bytes and returns the prefix to write.
///
/// ```
/// use ipmi_proto::command::{out_prefix, BufferTooSmall};
/// let mut buf = [0u8; 4];
/// assert_eq!(out_prefix(&mut buf, 2).map(|b| b.len()), Ok(2));
/// assert_eq!(out_prefix(&mut buf, 5).map(|b| b.len()), Err(BufferTooSmall { needed: 5, available: 4 }));
/// ```
pub fn out_prefix(out: &mut [u8], needed: usize) -> Result<&mut [u8], BufferTooSmall> {
    let available = out.len();
    out.get_mut(..needed)
        .ok_or(BufferTooSmall { needed, available })
}

/// Checks a data length against a command's bounds.
///
/// # Errors
///
/// [`CommandError::Truncated`] or [`CommandError::TooLong`].
pub const fn check_len(data: &[u8], min: usize, max: usize) -> Result<(), CommandError> {
    let actual = data.len();
    if actual < min {
        Err(CommandError::Truncated {
            needed: min,
            actual,
        })
    } else if actual > max {
        Err(CommandError::TooLong { max, actual })
    } else {
        Ok(())
    }
}

/// A message body (request or response data) that parses from and emits to bytes.
pub trait Message<'a>: Sized {
    /// The fewest data bytes.
    const MIN_LEN: usize;
    /// The most data bytes.
    const MAX_LEN: usize;
    /// Reads the data (after the command byte, or after the completion code).
    ///
    /// # Errors
    ///
    /// [`CommandError`] for a wrong length or a value the specification does not allow.
    fn parse(data: &'a [u8]) -> Result<Self, CommandError>;
    /// How many bytes [`emit`](Self::emit) writes.
    fn buffer_len(&self) -> usize;
    /// Writes the data into `out`; returns the length written.
    ///
    /// # Errors
    ///
    /// [`BufferTooSmall`] if `out` is shorter than [`buffer_len`](Self::buffer_len).
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall>;
}

/// One IPMI command: its codes, privilege, and request and response types.
///
/// ```
/// use ipmi_proto::command::{app::GetDeviceId, Command, Message};
/// use ipmi_proto::message::{Cmd, NetFn};
///
/// assert_eq!((GetDeviceId::NETFN, GetDeviceId::CMD), (NetFn::APP, Cmd(0x01)));
/// // A requester builds the (empty) request and parses the answer's data.
/// let mut buf = [0u8; 0];
/// let request = <GetDeviceId as Command>::Request::default();
/// assert_eq!(request.emit(&mut buf), Ok(0));
/// ```
pub trait Command {
    /// The request NetFn (the response's is one more).
    const NETFN: NetFn;
    /// The command code.
    const CMD: Cmd;
    /// The privilege level the command needs.
    const PRIVILEGE: Privilege;
    /// The body code that leads the data of requests and responses of group extension (2Ch)
    /// and OEM/group (2Eh) commands; [`BodyCode::None`] for the others. It is *not* part of
    /// [`Request`](Self::Request) or [`Response`](Self::Response): the responder strips and
    /// echoes it, and [`encode_request`](Self::encode_request) and
    /// [`decode_response`](Self::decode_response) write and check it. An IANA number has 24
    /// bits; [`crate::responder::check_routes`] refuses a wider one.
    const BODY: BodyCode = BodyCode::None;
    /// The command-specific completion codes (80h–BEh) the specification defines for this
    /// command, with their meaning (from the command's table). Empty for most commands.
    const COMPLETION_CODES: &'static [(CompletionCode, &'static str)] = &[];
    /// The request data.
    type Request<'a>: Message<'a>;
    /// The response data after a 00h completion code.
    type Response<'a>: Message<'a>;

    /// The meaning of `cc` in a response to this command: a command-specific meaning from
    /// [`COMPLETION_CODES`](Self::COMPLETION_CODES), else the generic one of Table 5-2
    /// ([`CompletionCode::meaning`]); `None` for codes neither defines.
    ///
    /// ```
    /// use ipmi_proto::command::{storage::GetSelEntry, Command};
    /// use ipmi_proto::message::CompletionCode;
    /// assert_eq!(GetSelEntry::completion_meaning(CompletionCode(0x81)), Some("cannot execute command, SEL erase in progress"));
    /// assert_eq!(GetSelEntry::completion_meaning(CompletionCode(0xC5)), Some("reservation cancelled or invalid reservation ID"));
    /// assert_eq!(GetSelEntry::completion_meaning(CompletionCode(0x82)), None);
    /// ```
    fn completion_meaning(cc: CompletionCode) -> Option<&'static str> {
        Self::COMPLETION_CODES
            .iter()
            .find(|(c, _)| *c == cc)
            .map(|(_, m)| *m)
            .or_else(|| cc.meaning())
    }

    /// Requester side: writes the request data (the body code, then `request`) into `buf` and
    /// returns the [`Request`] to frame for any transport, addressed to LUN 00b (change it
    /// with [`Request::with_lun`]).
    ///
    /// # Errors
    ///
    /// [`EncodeError::BufferTooSmall`] if `buf` cannot hold the body code and the data;
    /// [`EncodeError::BodyCode`] if the command's [`BODY`](Self::BODY) does not fit its NetFn
    /// ([`BodyCode::fits`]: a missing or misplaced body code, an IANA number wider than 24
    /// bits), which would send a request for another command set. Nothing is written.
    fn encode_request<'b>(
        request: &Self::Request<'_>,
        buf: &'b mut [u8],
    ) -> Result<Request<'b>, EncodeError> {
        let body = Self::BODY;
        if !body.fits(Self::NETFN) {
            return Err(EncodeError::BodyCode {
                netfn: Self::NETFN,
                body,
            });
        }
        let needed = body.len().saturating_add(request.buffer_len());
        let available = buf.len();
        let short = BufferTooSmall { needed, available };
        let dst = buf.get_mut(..needed).ok_or(short)?;
        let prefix = body.write(dst).ok_or(short)?;
        let n = request
            .emit(dst.get_mut(prefix..).unwrap_or_default())
            .map_err(|_| short)?;
        let data: &'b [u8] = dst;
        Ok(Request::new(
            Self::NETFN,
            Self::CMD,
            data.get(..prefix.saturating_add(n)).unwrap_or_default(),
        ))
    }

    /// Requester side: checks that `response` answers this command (NetFn + 1, command, a
    /// 00h completion code, the body code echoed) and parses its data.
    ///
    /// Framing-level matching — sequence numbers, addresses, LUNs — is done before, with the
    /// `Pending*Request` types of [`crate::framing::requester`].
    ///
    /// ```
    /// use ipmi_proto::command::app::GetDeviceId;
    /// use ipmi_proto::command::{Command, ResponseError};
    /// use ipmi_proto::framing::SystemInterfaceResponse;
    /// use ipmi_proto::message::CompletionCode;
    ///
    /// let mut buf = [0u8; 0];
    /// let request = GetDeviceId::encode_request(&Default::default(), &mut buf)?;
    /// assert_eq!((request.netfn.value(), request.cmd.0, request.data), (0x06, 0x01, &[][..]));
    ///
    /// // The KCS response body from the BMC.
    /// let body = [0x1C, 0x01, 0x00, 0x20, 0x81, 0x01, 0x23, 0x02, 0xBF, 0xF2, 0x1B, 0x00, 0x02, 0x01];
    /// let SystemInterfaceResponse(response) = SystemInterfaceResponse::parse(&body)?;
    /// let id = GetDeviceId::decode_response(&response)?;
    /// assert_eq!(id.manufacturer_id.iana(), 7154);
    ///
    /// let busy = SystemInterfaceResponse::parse(&[0x1C, 0x01, 0xC0])?.0;
    /// assert_eq!(GetDeviceId::decode_response(&busy), Err(ResponseError::Completion(CompletionCode::NODE_BUSY)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ResponseError`]: which check failed.
    fn decode_response<'a>(response: &Response<'a>) -> Result<Self::Response<'a>, ResponseError> {
        let expected = Self::NETFN.response();
        if response.netfn.value() != expected.value() {
            return Err(ResponseError::NetFn {
                expected,
                found: response.netfn,
            });
        }
        if response.cmd != Self::CMD {
            return Err(ResponseError::Cmd {
                expected: Self::CMD,
                found: response.cmd,
            });
        }
        // Table 5-1: responses to 2Ch/2Eh requests echo the body code, on errors too (when
        // the responder recognised it); check it when present.
        let body = Self::BODY;
        let data = match BodyCode::split(response.netfn, response.data) {
            Some((found, rest)) if found == body => rest,
            Some((found, _)) => {
                return Err(ResponseError::Body {
                    expected: body,
                    found,
                });
            }
            None if !response.completion.is_success() => &[],
            None => {
                return Err(ResponseError::Data(CommandError::Truncated {
                    needed: body.len(),
                    actual: response.data.len(),
                }));
            }
        };
        if !response.completion.is_success() {
            return Err(ResponseError::Completion(response.completion));
        }
        <Self::Response<'a> as Message<'a>>::parse(data).map_err(ResponseError::Data)
    }
}

/// Why [`Command::encode_request`] wrote nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum EncodeError {
    /// The buffer cannot hold the body code and the request data.
    BufferTooSmall(BufferTooSmall),
    /// The command's body code does not fit its NetFn (see [`BodyCode::fits`]).
    BodyCode {
        /// The command's NetFn.
        netfn: NetFn,
        /// The command's body code.
        body: BodyCode,
    },
}

impl From<BufferTooSmall> for EncodeError {
    fn from(e: BufferTooSmall) -> Self {
        Self::BufferTooSmall(e)
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BufferTooSmall(e) => e.fmt(f),
            Self::BodyCode { netfn, body } => write!(
                f,
                "body code {body:?} does not fit NetFn {:02X}h",
                netfn.value()
            ),
        }
    }
}

impl core::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::BufferTooSmall(e) => Some(e),
            Self::BodyCode { .. } => None,
        }
    }
}

/// Why a response is not a successful answer to a [`Command`] (from
/// [`Command::decode_response`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ResponseError {
    /// The NetFn is not the command's NetFn + 1.
    NetFn {
        /// The command's response NetFn.
        expected: NetFn,
        /// The response's.
        found: NetFn,
    },
    /// The command code differs.
    Cmd {
        /// The command's.
        expected: Cmd,
        /// The response's.
        found: Cmd,
    },
    /// A group extension or OEM/group response echoes another body code.
    Body {
        /// The command's.
        expected: BodyCode,
        /// The response's.
        found: BodyCode,
    },
    /// The completion code is not 00h: the command failed (or, for a command-specific code
    /// 80h–BEh, completed with that condition); the response has no typed form.
    Completion(CompletionCode),
    /// The data after a 00h completion code (and the body code) does not parse; offsets in
    /// the error count from the first byte after the body code.
    Data(CommandError),
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NetFn { expected, found } => write!(
                f,
                "response NetFn {:02X}h, expected {:02X}h",
                found.value(),
                expected.value()
            ),
            Self::Cmd { expected, found } => write!(
                f,
                "response command {:02X}h, expected {:02X}h",
                found.0, expected.0
            ),
            Self::Body { expected, found } => {
                write!(f, "response body code {found:?}, expected {expected:?}")
            }
            Self::Completion(cc) => write!(f, "completion code {:02X}h", cc.0),
            Self::Data(e) => write!(f, "response data: {e}"),
        }
    }
}

impl core::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Data(e) => Some(e),
            _ => None,
        }
    }
}
