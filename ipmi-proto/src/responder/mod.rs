//! A responder for BMC firmware: routes each request to its handler, enforces the request
//! length and privilege rules, and writes the response into a caller-provided buffer.
//! `no_std`, no allocator, no panics on any input.
//!
//! The routing table is a slice of [`Route`]s — usually a `static`, so firmware pays flash,
//! not RAM. Each route names a NetFn and command (and, for group extension or OEM/group
//! NetFns, the body code), the LUNs and the least privilege it serves, the request data
//! lengths it accepts, and a handler: either a plain function ([`Route::new`]) or a typed
//! [`Command`] served through [`CommandHandler`] ([`Route::command`]).
//!
//! [`dispatch`] answers a [`Request`]; [`respond_system_interface`], [`respond_bt`] and
//! [`respond_ipmb`] take a received frame and write the whole response frame, so firmware
//! calls one function per message. The checks, in order, and their completion codes
//! (IPMI 2.0 §5.2, Table 5-2):
//!
//! | check | completion code |
//! |---|---|
//! | group extension / OEM request without its body code (defining body, IANA) | C7h, no body code echoed |
//! | no route for the NetFn (and body code) and command on the request's channel | C1h invalid command |
//! | a route, but not for the request's LUN | C2h command invalid for given LUN |
//! | the origin's privilege does not [satisfy](Privilege::satisfies) the route's | D4h insufficient privilege |
//! | request data shorter or longer than the route accepts | C7h request data length invalid |
//! | typed request data with a value the spec does not allow | CCh (from [`CommandError::completion_code`]) |
//! | typed route whose response buffer cannot hold even the shortest response (checked before the handler runs) | CAh |
//! | the handler's response does not fit the response buffer | CAh cannot return number of requested data bytes |
//! | a handler that reports more bytes than its buffer holds | FFh unspecified error |
//! | handler error | the handler's code, passed through |
//!
//! A response to a group extension (2Ch) or OEM/group (2Eh) request echoes the body code (1 or
//! 3 bytes) as the first data bytes after the completion code (IPMI 2.0 Table 5-1, notes to
//! 2Ch and 2Eh: the code leads the data of requests and responses) — on errors too, so the
//! requester can tell which command set answered. Handlers of such routes see the request data
//! *after* the body code and write the response data after it; a route's length bounds
//! count the data after the body code.
//!
//! Every request comes with an [`Origin`]: the channel it arrived on, the privilege it is
//! served at, the requester's address and LUN (IPMB and LAN) and the session (LAN). Handlers
//! see it, so one table serves the system interface, IPMB and LAN sessions. A LAN session layer
//! passes its current session privilege (IPMI 2.0 §6.8; §22.18 Set Session Privilege Level);
//! session-less channels — the system interface and IPMB — carry no privilege, and
//! [`Origin::system_interface`] and [`Origin::ipmb`] use [`SESSIONLESS_PRIVILEGE`]
//! (Administrator). A route may be limited to some channels ([`Route::channels`]): a command
//! that differs by channel, such as Platform Event Message (with a generator ID byte on the
//! system interface, without one on IPMB), gets one route per form.
//!
//! [`check_routes`] validates a table at compile time (body codes on the right NetFn, every
//! route serving some LUN and channel, no route shadowed by an earlier one).
//!
//! ```
//! use ipmi_proto::command::Privilege;
//! use ipmi_proto::message::{ChannelNumber, Cmd, CompletionCode, NetFn, Request};
//! use ipmi_proto::responder::{dispatch, Origin, Route};
//!
//! struct Bmc { resets: u32 }
//!
//! // Get Device ID (App 01h), answered by a plain function.
//! fn get_device_id(_: &mut Bmc, _: &Request<'_>, _: &Origin, out: &mut [u8]) -> Result<usize, CompletionCode> {
//!     let id = [0x20, 0x01, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
//!     out.get_mut(..id.len()).ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?.copy_from_slice(&id);
//!     Ok(id.len())
//! }
//! // Cold Reset (App 02h): no data either way, Administrator.
//! fn cold_reset(bmc: &mut Bmc, _: &Request<'_>, _: &Origin, _: &mut [u8]) -> Result<usize, CompletionCode> {
//!     bmc.resets += 1;
//!     Ok(0)
//! }
//!
//! static ROUTES: [Route<Bmc>; 2] = [
//!     Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, get_device_id),
//!     Route::new(NetFn::APP, Cmd(0x02), Privilege::Administrator, 0, 0, cold_reset),
//! ];
//!
//! let mut bmc = Bmc { resets: 0 };
//! let mut out = [0u8; 32];
//! // A LAN session at User privilege (session ID 1234h) on channel 1.
//! let user = Origin::session(ChannelNumber::new(1)?, Privilege::User, 0x1234);
//! let rs = dispatch(&ROUTES, &mut bmc, &Request::new(NetFn::APP, Cmd(0x01), &[]), &user, &mut out)?;
//! assert_eq!((rs.netfn, rs.cmd, rs.completion), (NetFn::new(0x07)?, Cmd(0x01), CompletionCode::NORMAL));
//! assert_eq!(rs.data.len(), 11);
//!
//! let cold = Request::new(NetFn::APP, Cmd(0x02), &[]);
//! let rs = dispatch(&ROUTES, &mut bmc, &cold, &user, &mut out)?;
//! assert_eq!(rs.completion, CompletionCode::INSUFFICIENT_PRIVILEGE);
//! let host = Origin::system_interface();
//! let rs = dispatch(&ROUTES, &mut bmc, &Request::new(NetFn::APP, Cmd(0x02), &[0]), &host, &mut out)?;
//! assert_eq!(rs.completion, CompletionCode::REQUEST_DATA_LENGTH_INVALID);
//! let rs = dispatch(&ROUTES, &mut bmc, &Request::new(NetFn::APP, Cmd(0x7F), &[]), &host, &mut out)?;
//! assert_eq!(rs.completion, CompletionCode::INVALID_COMMAND);
//! assert_eq!(bmc.resets, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use crate::command::{Command, CommandError, Message, Privilege};
use crate::framing::FrameError;
pub use crate::message::BodyCode;
use crate::message::{
    ChannelNumber, Cmd, CompletionCode, DefiningBody, Lun, NetFn, Request, Response,
};

mod framed;

pub use framed::{respond_bt, respond_ipmb, respond_system_interface};

/// The privilege conventionally used for session-less channels (system interface, IPMB),
/// which carry no privilege of their own: Administrator. Administrator does not satisfy a
/// route at [`Privilege::Oem`]; to serve OEM-level routes without a session, build the
/// [`Origin`] with [`Origin::with_privilege`].
pub const SESSIONLESS_PRIVILEGE: Privilege = Privilege::Administrator;

/// Where a request came from, and what it may do: what the dispatcher checks privilege and
/// channel against, and what every handler sees.
///
/// ```
/// use ipmi_proto::command::Privilege;
/// use ipmi_proto::message::{ChannelNumber, Lun};
/// use ipmi_proto::responder::{Origin, Requester};
///
/// let host = Origin::system_interface();
/// assert_eq!(host.channel, ChannelNumber::SYSTEM_INTERFACE);
/// assert_eq!(host.requester, None);
/// // respond_ipmb fills the requester in from the frame.
/// let ipmb = Origin::ipmb(ChannelNumber::PRIMARY_IPMB)
///     .with_requester(Requester { address: 0x82, lun: Lun::BMC });
/// assert_eq!(ipmb.privilege, Privilege::Administrator);
/// let lan = Origin::session(ChannelNumber::new(1)?, Privilege::Operator, 0x0200_0001);
/// assert_eq!(lan.session, Some(0x0200_0001));
/// # Ok::<(), ipmi_proto::message::RangeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Origin {
    /// The channel the request arrived on (IPMI 2.0 §6.3): Fh the system interface, 0h the
    /// primary IPMB, the LAN channel's number for a session. Never Eh ("this channel") — that
    /// is what a request *names*, resolved against this field.
    pub channel: ChannelNumber,
    /// The privilege the request is served at: a session's current privilege, or
    /// [`SESSIONLESS_PRIVILEGE`] on channels without sessions.
    pub privilege: Privilege,
    /// The requester's address and LUN (rqSA and rqLUN of an IPMB frame or of the message in a
    /// LAN session); `None` on the system interface, which carries no address.
    pub requester: Option<Requester>,
    /// The session the request arrived in (the BMC's session ID), `None` outside sessions.
    pub session: Option<u32>,
}

/// The requester of an IPMB or LAN message: its slave address or software ID (rqSA) and LUN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Requester {
    /// rqSA: the requester's 8-bit slave address (bit 0 clear) or software ID (bit 0 set).
    pub address: u8,
    /// rqLUN: the requester's LUN the response goes to.
    pub lun: Lun,
}

impl Origin {
    /// A request from the host over the system interface (KCS, SSIF, BT): channel Fh,
    /// [`SESSIONLESS_PRIVILEGE`], no requester address, no session.
    pub const fn system_interface() -> Self {
        Self {
            channel: ChannelNumber::SYSTEM_INTERFACE,
            privilege: SESSIONLESS_PRIVILEGE,
            requester: None,
            session: None,
        }
    }

    /// A request from an IPMB channel, at [`SESSIONLESS_PRIVILEGE`]; [`respond_ipmb`] sets
    /// the requester from the frame.
    pub const fn ipmb(channel: ChannelNumber) -> Self {
        Self {
            channel,
            privilege: SESSIONLESS_PRIVILEGE,
            requester: None,
            session: None,
        }
    }

    /// A request in a session on `channel`, served at the session's current `privilege`.
    pub const fn session(channel: ChannelNumber, privilege: Privilege, session_id: u32) -> Self {
        Self {
            channel,
            privilege,
            requester: None,
            session: Some(session_id),
        }
    }

    /// The same origin at another privilege.
    #[must_use]
    pub const fn with_privilege(self, privilege: Privilege) -> Self {
        Self { privilege, ..self }
    }

    /// The same origin with the requester's address and LUN.
    #[must_use]
    pub const fn with_requester(self, requester: Requester) -> Self {
        Self {
            requester: Some(requester),
            ..self
        }
    }
}

/// A handler function: the request (data after the body code, for group extension and
/// OEM/group routes), where it came from, and the buffer for the response data after the
/// completion code (and after the body code). Returns how many bytes it wrote, or the
/// completion code to answer.
pub type HandlerFn<Ctx> =
    fn(&mut Ctx, &Request<'_>, &Origin, &mut [u8]) -> Result<usize, CompletionCode>;

/// A typed handler for the command `C`: implemented by the firmware's context type, served by
/// a route from [`Route::command`].
///
/// The dispatcher parses the request data with `C::Request` (a parse error answers
/// [`CommandError::completion_code`]), checks that the response buffer holds at least
/// `C::Response::MIN_LEN` bytes (CAh otherwise, before the handler runs, so no side effect
/// happens for an answer that cannot be sent), calls [`handle`](Self::handle), and emits the
/// typed response after a 00h completion code (CAh if a longer response does not fit).
///
/// ```
/// use ipmi_proto::command::{BufferTooSmall, Command, CommandError, Message, Privilege, check_len, out_prefix};
/// use ipmi_proto::message::{Cmd, CompletionCode, NetFn, Request};
/// use ipmi_proto::responder::{dispatch, CommandHandler, Origin, Route};
///
/// // A one-byte request echoed back plus one.
/// struct Bump;
/// #[derive(Debug, Clone, Copy)]
/// struct Byte(u8);
/// impl<'a> Message<'a> for Byte {
///     const MIN_LEN: usize = 1;
///     const MAX_LEN: usize = 1;
///     fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
///         check_len(data, 1, 1)?;
///         match data {
///             [0xFF] => Err(CommandError::InvalidField { offset: 0, value: 0xFF }),
///             [b] => Ok(Byte(*b)),
///             _ => Err(CommandError::Truncated { needed: 1, actual: data.len() }),
///         }
///     }
///     fn buffer_len(&self) -> usize { 1 }
///     fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
///         out_prefix(out, 1)?.copy_from_slice(&[self.0]);
///         Ok(1)
///     }
/// }
/// impl Command for Bump {
///     const NETFN: NetFn = NetFn::from_netfn_lun(0x30 << 2); // controller-specific OEM 30h
///     const CMD: Cmd = Cmd(0x10);
///     const PRIVILEGE: Privilege = Privilege::Operator;
///     type Request<'a> = Byte;
///     type Response<'a> = Byte;
/// }
///
/// struct Fw;
/// impl CommandHandler<Bump> for Fw {
///     fn handle(&mut self, request: Byte, _: &Origin) -> Result<Byte, CompletionCode> {
///         request.0.checked_add(1).map(Byte).ok_or(CompletionCode::PARAMETER_OUT_OF_RANGE)
///     }
/// }
///
/// static ROUTES: [Route<Fw>; 1] = [Route::command::<Bump>()];
/// let mut out = [0u8; 8];
/// let rq = Request::new(Bump::NETFN, Bump::CMD, &[41]);
/// let host = Origin::system_interface();
/// let rs = dispatch(&ROUTES, &mut Fw, &rq, &host, &mut out)?;
/// assert_eq!((rs.completion, rs.data), (CompletionCode::NORMAL, &[42][..]));
/// let rq = Request::new(Bump::NETFN, Bump::CMD, &[0xFF]);
/// let rs = dispatch(&ROUTES, &mut Fw, &rq, &host, &mut out)?;
/// assert_eq!(rs.completion, CompletionCode::INVALID_DATA_FIELD);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait CommandHandler<C: Command> {
    /// Answers one parsed request; an error is the completion code to answer with.
    ///
    /// # Errors
    ///
    /// Any completion code other than 00h; it is answered without data.
    fn handle<'r>(
        &'r mut self,
        request: C::Request<'r>,
        origin: &Origin,
    ) -> Result<C::Response<'r>, CompletionCode>;
}

/// One entry of the routing table: what it serves, under which rules, and its handler.
///
/// Built in `const` context, so a table can be a `static`. The defaults of [`Route::new`]:
/// LUN 00b only, every channel, no body code. Change them with [`luns`](Self::luns),
/// [`channels`](Self::channels), [`group`](Self::group) and [`oem`](Self::oem).
///
/// ```
/// use ipmi_proto::command::Privilege;
/// use ipmi_proto::message::{Cmd, CompletionCode, DefiningBody, NetFn, Request};
/// use ipmi_proto::responder::{BodyCode, Origin, Route};
///
/// fn power(_: &mut (), _: &Request<'_>, _: &Origin, _: &mut [u8]) -> Result<usize, CompletionCode> { Ok(0) }
///
/// // DCMI Get Power Reading: group extension DCh, command 02h, 3 bytes after the group byte.
/// // `.group` also sets the NetFn to 2Ch.
/// const GET_POWER_READING: Route<()> =
///     Route::new(NetFn::GROUP_EXTENSION, Cmd(0x02), Privilege::User, 3, 3, power)
///         .group(DefiningBody::DCMI);
/// assert_eq!(GET_POWER_READING.body_code(), BodyCode::Group(DefiningBody::DCMI));
/// assert_eq!(GET_POWER_READING.netfn(), NetFn::GROUP_EXTENSION);
/// assert_eq!(GET_POWER_READING.request_len(), (3, 3));
/// ```
pub struct Route<Ctx> {
    netfn: NetFn,
    body: BodyCode,
    cmd: Cmd,
    /// Bit n set: LUN n served.
    luns: u8,
    /// Bit n set: channel n served.
    channels: u16,
    privilege: Privilege,
    min_len: usize,
    max_len: usize,
    handler: HandlerFn<Ctx>,
}

// Manual impls: a derive would require `Ctx: Clone`/`Debug`.
impl<Ctx> Clone for Route<Ctx> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Ctx> Copy for Route<Ctx> {}

impl<Ctx> fmt::Debug for Route<Ctx> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Route")
            .field("netfn", &self.netfn)
            .field("body", &self.body)
            .field("cmd", &self.cmd)
            .field("luns", &self.luns)
            .field("channels", &self.channels)
            .field("privilege", &self.privilege)
            .field("min_len", &self.min_len)
            .field("max_len", &self.max_len)
            .finish_non_exhaustive()
    }
}

impl<Ctx> Route<Ctx> {
    /// A route for request NetFn `netfn` (its response bit is cleared) and command `cmd`,
    /// served at `privilege` or above, accepting `min_len..=max_len` request data bytes, on
    /// LUN 00b, on every channel. If `max_len < min_len` no length is accepted (every request
    /// answers C7h). A group extension (2Ch) or OEM/group (2Eh) NetFn needs its body code:
    /// chain [`group`](Self::group) or [`oem`](Self::oem) ([`check_routes`] catches a
    /// missing one).
    pub const fn new(
        netfn: NetFn,
        cmd: Cmd,
        privilege: Privilege,
        min_len: usize,
        max_len: usize,
        handler: HandlerFn<Ctx>,
    ) -> Self {
        Self {
            netfn: netfn.request(),
            body: BodyCode::None,
            cmd,
            luns: 0b0001,
            channels: u16::MAX,
            privilege,
            min_len,
            max_len,
            handler,
        }
    }

    /// A route for the typed command `C`: its NetFn, body code, command, privilege and
    /// request lengths (`C::Request`'s `MIN_LEN`/`MAX_LEN`), served by `Ctx`'s
    /// [`CommandHandler<C>`].
    pub const fn command<C>() -> Self
    where
        C: Command,
        Ctx: CommandHandler<C>,
    {
        Self {
            body: C::BODY,
            ..Self::new(
                C::NETFN,
                C::CMD,
                C::PRIVILEGE,
                <C::Request<'static> as Message<'static>>::MIN_LEN,
                <C::Request<'static> as Message<'static>>::MAX_LEN,
                typed::<C, Ctx>,
            )
        }
    }

    /// The same route serving only the channels whose bits are set in `mask` (bit n =
    /// channel n, IPMI 2.0 §6.3; see [`ChannelNumber::mask`]). A request from another channel
    /// does not match the route: another route for the same command may serve it, else it
    /// answers C1h.
    ///
    /// ```
    /// use ipmi_proto::command::Privilege;
    /// use ipmi_proto::message::{ChannelNumber, Cmd, CompletionCode, NetFn, Request};
    /// use ipmi_proto::responder::{Origin, Route};
    /// fn get_message(_: &mut (), _: &Request<'_>, _: &Origin, _: &mut [u8]) -> Result<usize, CompletionCode> { Ok(0) }
    /// // Get Message (App 33h) is for the system interface only.
    /// const R: Route<()> = Route::new(NetFn::APP, Cmd(0x33), Privilege::User, 0, 0, get_message)
    ///     .channels(ChannelNumber::SYSTEM_INTERFACE.mask());
    /// assert!(R.serves_channel(ChannelNumber::SYSTEM_INTERFACE));
    /// assert!(!R.serves_channel(ChannelNumber::PRIMARY_IPMB));
    /// ```
    #[must_use]
    pub const fn channels(self, mask: u16) -> Self {
        Self {
            channels: mask,
            ..self
        }
    }

    /// The same route serving the LUNs whose bits are set in `mask` (bit n = LUN n; only
    /// bits 3:0 count). A request to another LUN answers C2h.
    #[must_use]
    pub const fn luns(self, mask: u8) -> Self {
        Self {
            luns: mask & 0x0F,
            ..self
        }
    }

    /// The same route for a group extension defining body; the NetFn becomes 2Ch.
    #[must_use]
    pub const fn group(self, body: DefiningBody) -> Self {
        Self {
            netfn: NetFn::GROUP_EXTENSION,
            body: BodyCode::Group(body),
            ..self
        }
    }

    /// The same route for an OEM/group IANA enterprise number (its low 24 bits); the NetFn
    /// becomes 2Eh.
    #[must_use]
    pub const fn oem(self, iana: u32) -> Self {
        Self {
            netfn: NetFn::OEM_GROUP,
            body: BodyCode::Iana(iana & 0x00FF_FFFF),
            ..self
        }
    }

    /// The request NetFn.
    pub const fn netfn(&self) -> NetFn {
        self.netfn
    }

    /// The command code.
    pub const fn cmd(&self) -> Cmd {
        self.cmd
    }

    /// The body code the route is for.
    pub const fn body_code(&self) -> BodyCode {
        self.body
    }

    /// The least privilege the route is served at.
    pub const fn privilege(&self) -> Privilege {
        self.privilege
    }

    /// The accepted request data lengths `(min, max)` (after the body code).
    pub const fn request_len(&self) -> (usize, usize) {
        (self.min_len, self.max_len)
    }

    /// Whether the route serves `lun`.
    pub const fn serves_lun(&self, lun: Lun) -> bool {
        self.luns & (1 << lun.value()) != 0
    }

    /// Whether the route serves requests arriving on `channel`.
    pub const fn serves_channel(&self, channel: ChannelNumber) -> bool {
        self.channels & channel.mask() != 0
    }

    fn matches(&self, netfn: NetFn, body: BodyCode, cmd: Cmd, channel: ChannelNumber) -> bool {
        self.netfn.value() == netfn.value()
            && body_eq(self.body, body)
            && self.cmd.0 == cmd.0
            && self.serves_channel(channel)
    }
}

const fn body_eq(a: BodyCode, b: BodyCode) -> bool {
    match (a, b) {
        (BodyCode::None, BodyCode::None) => true,
        (BodyCode::Group(x), BodyCode::Group(y)) => x.0 == y.0,
        (BodyCode::Iana(x), BodyCode::Iana(y)) => x == y,
        _ => false,
    }
}

/// A defect in a routing table, found by [`check_routes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum RouteTableError {
    /// The route's body code does not fit its NetFn: a group extension (2Ch) or OEM/group
    /// (2Eh) route without [`Route::group`]/[`Route::oem`]. It could never match.
    BodyCodeMismatch {
        /// Index of the route in the table.
        index: usize,
    },
    /// Every request the route could match (NetFn, body code, command, LUN and channel) is
    /// taken by the earlier route `by`: the route is dead.
    Shadowed {
        /// Index of the dead route.
        index: usize,
        /// Index of the earlier route that takes its requests.
        by: usize,
    },
    /// The route serves no LUN or no channel, so it never matches.
    Unreachable {
        /// Index of the route.
        index: usize,
    },
}

impl fmt::Display for RouteTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BodyCodeMismatch { index } => {
                write!(f, "route {index}: body code does not fit its NetFn")
            }
            Self::Shadowed { index, by } => {
                write!(f, "route {index} is shadowed by route {by}")
            }
            Self::Unreachable { index } => {
                write!(f, "route {index} serves no LUN or no channel")
            }
        }
    }
}

impl core::error::Error for RouteTableError {}

/// Checks a routing table for routes that can never be chosen; meant for a compile-time
/// assertion next to the table.
///
/// Routes are tried in order: among the routes for a request's NetFn, body code, command and
/// channel, the first one serving its LUN wins. A later route whose LUNs *and* channels are
/// all covered by one earlier route for the same command is reported as shadowed. (A route
/// covered only by several earlier routes together is not detected.)
///
/// ```
/// use ipmi_proto::command::Privilege;
/// use ipmi_proto::message::{Cmd, CompletionCode, NetFn, Request};
/// use ipmi_proto::responder::{check_routes, Origin, Route, RouteTableError};
/// fn h(_: &mut (), _: &Request<'_>, _: &Origin, _: &mut [u8]) -> Result<usize, CompletionCode> { Ok(0) }
///
/// static ROUTES: [Route<()>; 2] = [
///     Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, h),
///     Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, h).luns(0b0011),
/// ];
/// // Checked when the crate compiles: a defect is a build error.
/// const _: () = assert!(check_routes(&ROUTES).is_ok());
/// // The second route still serves LUN 01b, so it is not dead; without it, it would be.
/// assert_eq!(check_routes(&[ROUTES[0], ROUTES[1].luns(0b0001)]), Err(RouteTableError::Shadowed { index: 1, by: 0 }));
///
/// static BAD: [Route<()>; 2] = [
///     Route::new(NetFn::GROUP_EXTENSION, Cmd(0x02), Privilege::User, 0, 0, h),
///     Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, h).luns(0),
/// ];
/// assert_eq!(check_routes(&BAD), Err(RouteTableError::BodyCodeMismatch { index: 0 }));
/// assert_eq!(check_routes(&BAD[1..]), Err(RouteTableError::Unreachable { index: 0 }));
/// ```
///
/// # Errors
///
/// The first defect found, by route index.
pub const fn check_routes<Ctx>(routes: &[Route<Ctx>]) -> Result<(), RouteTableError> {
    let mut rest = routes;
    let mut index = 0;
    while let Some((r, tail)) = rest.split_first() {
        if !r.body.fits(r.netfn) {
            return Err(RouteTableError::BodyCodeMismatch { index });
        }
        if r.luns == 0 || r.channels == 0 {
            return Err(RouteTableError::Unreachable { index });
        }
        let mut earlier = routes;
        let mut by = 0;
        while by < index {
            let Some((e, t)) = earlier.split_first() else {
                break;
            };
            if e.netfn.value() == r.netfn.value()
                && body_eq(e.body, r.body)
                && e.cmd.0 == r.cmd.0
                && r.luns & !e.luns == 0
                && r.channels & !e.channels == 0
            {
                return Err(RouteTableError::Shadowed { index, by });
            }
            earlier = t;
            by += 1;
        }
        rest = tail;
        index += 1;
    }
    Ok(())
}

/// The trampoline behind [`Route::command`]: parse, check room, handle, emit.
fn typed<C: Command, Ctx: CommandHandler<C>>(
    ctx: &mut Ctx,
    request: &Request<'_>,
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    let parsed = <C::Request<'_> as Message<'_>>::parse(request.data)
        .map_err(|e: CommandError| e.completion_code())?;
    if out.len() < <C::Response<'_> as Message<'_>>::MIN_LEN {
        return Err(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES);
    }
    let response = ctx.handle(parsed, origin)?;
    response
        .emit(out)
        .map_err(|_| CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)
}

/// Why no response could be produced. Every other outcome is a response with a completion
/// code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum DispatchError {
    /// The message carries a response NetFn (odd): it is not a request and gets no answer.
    /// (A BMC that also sends requests passes it to its requester side.)
    NotARequest {
        /// The NetFn found.
        netfn: NetFn,
    },
    /// The response buffer cannot hold even the response without data (the frame header,
    /// completion code and body code); nothing was written.
    BufferTooSmall {
        /// Bytes the smallest response needs.
        needed: usize,
        /// Bytes the buffer has.
        available: usize,
    },
    /// The received frame did not parse (too short, bad length byte, bad IPMB checksum, a
    /// response NetFn on IPMB). IPMB and BT discard such frames; the system interface has no
    /// way to answer a body without its command byte.
    Frame(FrameError),
}

impl fmt::Display for DispatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotARequest { netfn } => write!(
                f,
                "NetFn {:02X}h is a response, not a request",
                netfn.value()
            ),
            Self::BufferTooSmall { needed, available } => write!(
                f,
                "response buffer of {available} bytes, the smallest response needs {needed}"
            ),
            Self::Frame(e) => write!(f, "request frame rejected: {e}"),
        }
    }
}

impl core::error::Error for DispatchError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Frame(e) => Some(e),
            _ => None,
        }
    }
}

impl From<FrameError> for DispatchError {
    fn from(e: FrameError) -> Self {
        Self::Frame(e)
    }
}

/// The route for `request`, or the completion code that refuses it; the body code found.
fn route<'t, Ctx>(
    routes: &'t [Route<Ctx>],
    request: &Request<'_>,
    body: BodyCode,
    data_len: usize,
    origin: &Origin,
) -> Result<&'t Route<Ctx>, CompletionCode> {
    let mut candidates = routes
        .iter()
        .filter(|r| r.matches(request.netfn, body, request.cmd, origin.channel));
    let first = candidates.next().ok_or(CompletionCode::INVALID_COMMAND)?;
    // The first route serving the LUN wins; C2h only when none does (Table 5-2).
    let r = core::iter::once(first)
        .chain(candidates)
        .find(|r| r.serves_lun(request.lun))
        .ok_or(CompletionCode::INVALID_COMMAND_FOR_LUN)?;
    // IPMI 2.0 §6.8: a command needs at least its privilege level.
    if !origin.privilege.satisfies(r.privilege) {
        return Err(CompletionCode::INSUFFICIENT_PRIVILEGE);
    }
    if data_len < r.min_len || data_len > r.max_len {
        return Err(CompletionCode::REQUEST_DATA_LENGTH_INVALID);
    }
    Ok(r)
}

/// Answers `request`, which came from `origin`, from `routes`; the response data (after the
/// completion code) is written to `out` and borrowed by the returned [`Response`].
///
/// The response has the request's NetFn + 1, LUN and command. See the [module
/// documentation](self) for the checks and the completion code of each. The usable response
/// data is at most `out.len()` bytes; size `out` for the transport (for example 24 bytes of
/// data on a 32-byte IPMB message).
///
/// # Errors
///
/// [`DispatchError::NotARequest`] for a response NetFn; [`DispatchError::BufferTooSmall`] if
/// `out` cannot hold the body code of a group extension or OEM/group request.
pub fn dispatch<'o, Ctx>(
    routes: &[Route<Ctx>],
    ctx: &mut Ctx,
    request: &Request<'_>,
    origin: &Origin,
    out: &'o mut [u8],
) -> Result<Response<'o>, DispatchError> {
    if !request.netfn.is_request() {
        return Err(DispatchError::NotARequest {
            netfn: request.netfn,
        });
    }
    let available = out.len();
    let Some((body, data)) = BodyCode::split(request.netfn, request.data) else {
        // Table 5-1: the body code is required; without it the length is wrong, and there
        // is nothing to echo.
        return Ok(request.error_response(CompletionCode::REQUEST_DATA_LENGTH_INVALID));
    };
    let prefix = body.write(out).ok_or(DispatchError::BufferTooSmall {
        needed: body.len(),
        available,
    })?;
    let inner = Request { data, ..*request };
    let outcome = route(routes, &inner, body, data.len(), origin).and_then(|r| {
        let tail = out.get_mut(prefix..).unwrap_or_default();
        let capacity = tail.len();
        match (r.handler)(ctx, &inner, origin, tail) {
            Ok(n) if n <= capacity => Ok(n),
            // A handler that claims bytes it cannot have written: never send them.
            Ok(_) => Err(CompletionCode::UNSPECIFIED),
            // "Failed with success" is a handler bug, not an answer.
            Err(CompletionCode::NORMAL) => Err(CompletionCode::UNSPECIFIED),
            Err(cc) => Err(cc),
        }
    });
    let (completion, n) = match outcome {
        Ok(n) => (CompletionCode::NORMAL, n),
        Err(cc) => (cc, 0),
    };
    let out: &'o [u8] = out;
    // The echoed body code, then the handler's bytes (n <= capacity, so this always fits).
    let data = out.get(..prefix.saturating_add(n)).unwrap_or_default();
    Ok(request.response(completion, data))
}
