//! The IPMI message model, independent of the transport (IPMI 2.0 §5).
//!
//! A message is named by its network function ([`NetFn`]) and command ([`Cmd`]), addressed to
//! a logical unit ([`Lun`]) of the responder, and carries data bytes. A response carries a
//! [`CompletionCode`] before its data. [`Request`] and [`Response`] borrow their data, are
//! `Copy`, and are what every transport in [`framing`](crate::framing) carries — the system
//! interface (KCS, SSIF), BT, IPMB and the IPMI message inside LAN sessions — so a responder
//! sees the same values whatever the transport.
//!
//! ```
//! use ipmi_proto::message::{Cmd, CompletionCode, NetFn, Request};
//!
//! // Get Device ID (App 01h), as a requester builds it ...
//! let request = Request::new(NetFn::APP, Cmd(0x01), &[]);
//! // ... and a responder answers it.
//! let response = request.response(CompletionCode::NORMAL, &[0x20, 0x81]);
//! assert_eq!(response.netfn, NetFn::APP.response());
//! assert_eq!(response.cmd, Cmd(0x01));
//! assert!(response.completion.is_success());
//! ```

mod body;
mod channel;
mod codes;
mod completion;

pub use body::BodyCode;
pub use channel::ChannelNumber;

pub(crate) use codes::netfn_lun;
pub use codes::{Cmd, DefiningBody, Lun, NetFn, NetFnKind, RangeError};
pub use completion::{CompletionClass, CompletionCode, GENERIC_CODES};

/// A request message: NetFn, the responder's LUN, command and data (IPMI 2.0 §5.1).
///
/// The data is borrowed from the frame it was parsed from or from the caller who builds it.
/// Nothing is checked here: a NetFn that is odd (a response code) is representable, and the
/// dispatcher that receives it decides what to answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Request<'a> {
    /// Network function (a request code, even, in a well-formed request).
    pub netfn: NetFn,
    /// The responder's LUN the request is addressed to (rsLUN).
    pub lun: Lun,
    /// Command code.
    pub cmd: Cmd,
    /// Request data, after the command byte.
    pub data: &'a [u8],
}

/// A response message: NetFn, LUN, command, completion code and data (IPMI 2.0 §5.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Response<'a> {
    /// Network function (a response code, odd, in a well-formed response).
    pub netfn: NetFn,
    /// The responder's LUN the request was addressed to, echoed (rsLUN).
    pub lun: Lun,
    /// Command code, echoed from the request.
    pub cmd: Cmd,
    /// Completion code (the first byte after the command).
    pub completion: CompletionCode,
    /// Response data after the completion code.
    pub data: &'a [u8],
}

impl<'a> Request<'a> {
    /// A request to LUN 00b (the BMC's commands).
    pub const fn new(netfn: NetFn, cmd: Cmd, data: &'a [u8]) -> Self {
        Self {
            netfn,
            lun: Lun::BMC,
            cmd,
            data,
        }
    }

    /// The same request addressed to another LUN.
    #[must_use]
    pub const fn with_lun(self, lun: Lun) -> Self {
        Self { lun, ..self }
    }

    /// The response to this request: NetFn + 1, the same LUN and command, the given
    /// completion code and data.
    pub const fn response<'b>(&self, completion: CompletionCode, data: &'b [u8]) -> Response<'b> {
        Response {
            netfn: self.netfn.response(),
            lun: self.lun,
            cmd: self.cmd,
            completion,
            data,
        }
    }

    /// The response with only a completion code (how errors are answered).
    pub const fn error_response(&self, completion: CompletionCode) -> Response<'static> {
        self.response(completion, &[])
    }

    /// For group extension NetFns (2Ch), the defining-body code in the first data byte.
    pub fn defining_body(&self) -> Option<DefiningBody> {
        defining_body(self.netfn, self.data)
    }

    /// For OEM/group NetFns (2Eh), the IANA enterprise number in the first three data bytes
    /// (least significant byte first).
    pub fn oem_iana(&self) -> Option<u32> {
        oem_iana(self.netfn, self.data)
    }
}

impl<'a> Response<'a> {
    /// Whether the completion code is 00h.
    pub const fn is_success(&self) -> bool {
        self.completion.is_success()
    }

    /// For group extension NetFns (2Dh), the defining-body code in the first data byte
    /// after the completion code.
    pub fn defining_body(&self) -> Option<DefiningBody> {
        defining_body(self.netfn, self.data)
    }

    /// For OEM/group NetFns (2Fh), the IANA enterprise number in the first three data bytes
    /// after the completion code.
    pub fn oem_iana(&self) -> Option<u32> {
        oem_iana(self.netfn, self.data)
    }
}

fn defining_body(netfn: NetFn, data: &[u8]) -> Option<DefiningBody> {
    match (netfn.kind(), data.first()) {
        (NetFnKind::GroupExtension, Some(&b)) => Some(DefiningBody(b)),
        _ => None,
    }
}

fn oem_iana(netfn: NetFn, data: &[u8]) -> Option<u32> {
    match (netfn.kind(), data) {
        (NetFnKind::OemGroup, [a, b, c, ..]) => Some(u32::from_le_bytes([*a, *b, *c, 0])),
        _ => None,
    }
}
