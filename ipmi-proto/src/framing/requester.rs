//! Requester helpers: sequence numbers and response matching.
//!
//! A response answers a request when its NetFn is the request's NetFn + 1, its command and
//! LUNs are the request's, and — where the transport carries them — its sequence number is
//! the request's and its addresses are the request's swapped (IPMI 2.0 §5.1; §7.1 for IPMB
//! and LAN, where a requester should also not reuse a sequence number while a request with
//! it may still be answered). [`PendingRequest`], [`PendingBtRequest`] and
//! [`PendingIpmbRequest`] remember what a response must match, without the data, and name
//! the first field that differs in a [`Mismatch`].
//!
//! ```
//! use ipmi_proto::framing::requester::{Mismatch, PendingIpmbRequest, SequenceNumbers};
//! use ipmi_proto::framing::{IpmbRequest, IpmbResponse};
//! use ipmi_proto::message::{Cmd, CompletionCode, Lun, NetFn, Request};
//!
//! let mut seqs = SequenceNumbers::new();
//! let seq = seqs.allocate().expect("64 free numbers");
//! let request = IpmbRequest {
//!     rs_sa: 0x20,
//!     rq_sa: 0x81,
//!     rq_seq: seq,
//!     rq_lun: Lun::BMC,
//!     message: Request::new(NetFn::APP, Cmd(0x01), &[]),
//! };
//! let pending = PendingIpmbRequest::of(&request);
//!
//! // The answer matches ...
//! let good = request.response(CompletionCode::NORMAL, &[0x20]);
//! assert_eq!(pending.check(&good), Ok(()));
//! // ... a stale one with another sequence number does not.
//! let stale = IpmbResponse { rq_seq: seq.next(), ..good };
//! assert!(matches!(pending.check(&stale), Err(Mismatch::Seq { .. })));
//! assert!(seqs.release(seq));
//! ```

use core::fmt;

use crate::message::{Cmd, Lun, NetFn, Request, Response};

use super::{BtRequest, BtResponse, IpmbRequest, IpmbResponse, RqSeq};

/// Allocates 6-bit IPMB/LAN sequence numbers (IPMI 2.0 §7.1): round robin, skipping numbers
/// still in flight, so a late response to an old request cannot be taken for the answer to
/// a new one.
///
/// ```
/// use ipmi_proto::framing::requester::SequenceNumbers;
///
/// let mut seqs = SequenceNumbers::new();
/// let a = seqs.allocate().unwrap();
/// let b = seqs.allocate().unwrap();
/// assert_ne!(a, b);
/// assert_eq!(seqs.in_flight(), 2);
/// assert!(seqs.release(a));
/// assert!(!seqs.release(a)); // already released
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SequenceNumbers {
    /// Bit n set: sequence number n is in flight.
    in_flight: u64,
    /// Where the next search starts.
    next: u8,
}

impl SequenceNumbers {
    /// No number in flight; the first one allocated is 0.
    pub const fn new() -> Self {
        Self {
            in_flight: 0,
            next: 0,
        }
    }

    /// The next free number after the last one allocated, now in flight; `None` when all 64
    /// are in flight.
    pub fn allocate(&mut self) -> Option<RqSeq> {
        for step in 0..=RqSeq::MAX {
            let n = self.next.wrapping_add(step) & RqSeq::MAX;
            let bit = 1u64 << n;
            if self.in_flight & bit == 0 {
                self.in_flight |= bit;
                self.next = n.wrapping_add(1) & RqSeq::MAX;
                return RqSeq::new(n).ok();
            }
        }
        None
    }

    /// Marks a number free again (its response arrived or its request was given up);
    /// returns whether it was in flight.
    pub fn release(&mut self, seq: RqSeq) -> bool {
        let bit = 1u64 << (seq.value() & RqSeq::MAX);
        let was = self.in_flight & bit != 0;
        self.in_flight &= !bit;
        was
    }

    /// Whether a number is in flight.
    pub const fn is_in_flight(&self, seq: RqSeq) -> bool {
        self.in_flight & (1u64 << (seq.value() & RqSeq::MAX)) != 0
    }

    /// How many numbers are in flight.
    pub const fn in_flight(&self) -> u32 {
        self.in_flight.count_ones()
    }
}

/// Why a response does not answer a pending request. Checked in this order: sequence
/// number, addresses, NetFn, command, LUNs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Mismatch {
    /// The sequence number differs (rqSeq, or the BT sequence number).
    Seq {
        /// The request's.
        expected: u8,
        /// The response's.
        found: u8,
    },
    /// The response's responder address (rsSA, second address byte) is not the request's
    /// rsSA.
    ResponderAddress {
        /// The request's rsSA.
        expected: u8,
        /// The response's rsSA.
        found: u8,
    },
    /// The response's requester address (rqSA, first byte) is not the request's rqSA.
    RequesterAddress {
        /// The request's rqSA.
        expected: u8,
        /// The response's rqSA.
        found: u8,
    },
    /// The NetFn is not the request's NetFn + 1.
    NetFn {
        /// The request's NetFn + 1.
        expected: NetFn,
        /// The response's NetFn.
        found: NetFn,
    },
    /// The command differs.
    Cmd {
        /// The request's.
        expected: Cmd,
        /// The response's.
        found: Cmd,
    },
    /// The responder's LUN differs.
    ResponderLun {
        /// The request's rsLUN.
        expected: Lun,
        /// The response's rsLUN.
        found: Lun,
    },
    /// The requester's LUN differs.
    RequesterLun {
        /// The request's rqLUN.
        expected: Lun,
        /// The response's rqLUN.
        found: Lun,
    },
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Seq { expected, found } => write!(
                f,
                "response sequence number {found} does not match the request's {expected}"
            ),
            Self::ResponderAddress { expected, found } => write!(
                f,
                "response comes from {found:02X}h, the request went to {expected:02X}h"
            ),
            Self::RequesterAddress { expected, found } => write!(
                f,
                "response is addressed to {found:02X}h, the request came from {expected:02X}h"
            ),
            Self::NetFn { expected, found } => write!(
                f,
                "response NetFn {:02X}h is not the request's NetFn + 1 ({:02X}h)",
                found.value(),
                expected.value()
            ),
            Self::Cmd { expected, found } => write!(
                f,
                "response command {found} does not match the request's {expected}"
            ),
            Self::ResponderLun { expected, found } => write!(
                f,
                "response rsLUN {} does not match the request's {}",
                found.value(),
                expected.value()
            ),
            Self::RequesterLun { expected, found } => write!(
                f,
                "response rqLUN {} does not match the request's {}",
                found.value(),
                expected.value()
            ),
        }
    }
}

impl core::error::Error for Mismatch {}

/// What a response on a transport without sequence numbers or addresses (KCS, SSIF) must
/// match: NetFn + 1, command and LUN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PendingRequest {
    /// The request's NetFn.
    pub netfn: NetFn,
    /// The request's (responder's) LUN.
    pub lun: Lun,
    /// The request's command.
    pub cmd: Cmd,
}

impl PendingRequest {
    /// What `request`'s response must match.
    pub const fn of(request: &Request<'_>) -> Self {
        Self {
            netfn: request.netfn,
            lun: request.lun,
            cmd: request.cmd,
        }
    }

    /// Whether `response` answers the request; the first field that differs otherwise.
    pub fn check(&self, response: &Response<'_>) -> Result<(), Mismatch> {
        let expected = self.netfn.response();
        if response.netfn != expected || !self.netfn.is_request() {
            return Err(Mismatch::NetFn {
                expected,
                found: response.netfn,
            });
        }
        if response.cmd != self.cmd {
            return Err(Mismatch::Cmd {
                expected: self.cmd,
                found: response.cmd,
            });
        }
        if response.lun != self.lun {
            return Err(Mismatch::ResponderLun {
                expected: self.lun,
                found: response.lun,
            });
        }
        Ok(())
    }
}

/// What a BT response must match: the sequence number, then as [`PendingRequest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PendingBtRequest {
    /// The request's sequence number.
    pub seq: u8,
    /// NetFn, LUN, command.
    pub request: PendingRequest,
}

impl PendingBtRequest {
    /// What `request`'s response must match.
    pub const fn of(request: &BtRequest<'_>) -> Self {
        Self {
            seq: request.seq,
            request: PendingRequest::of(&request.message),
        }
    }

    /// Whether `response` answers the request; the first field that differs otherwise.
    pub fn check(&self, response: &BtResponse<'_>) -> Result<(), Mismatch> {
        if response.seq != self.seq {
            return Err(Mismatch::Seq {
                expected: self.seq,
                found: response.seq,
            });
        }
        self.request.check(&response.message)
    }
}

/// What an IPMB or LAN response must match: rqSeq, the addresses swapped, the requester's
/// LUN, then as [`PendingRequest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PendingIpmbRequest {
    /// The request's rsSA.
    pub rs_sa: u8,
    /// The request's rqSA.
    pub rq_sa: u8,
    /// The request's rqSeq.
    pub rq_seq: RqSeq,
    /// The request's rqLUN.
    pub rq_lun: Lun,
    /// NetFn, rsLUN, command.
    pub request: PendingRequest,
}

impl PendingIpmbRequest {
    /// What `request`'s response must match.
    pub const fn of(request: &IpmbRequest<'_>) -> Self {
        Self {
            rs_sa: request.rs_sa,
            rq_sa: request.rq_sa,
            rq_seq: request.rq_seq,
            rq_lun: request.rq_lun,
            request: PendingRequest::of(&request.message),
        }
    }

    /// Whether `response` answers the request; the first field that differs otherwise.
    pub fn check(&self, response: &IpmbResponse<'_>) -> Result<(), Mismatch> {
        if response.rq_seq != self.rq_seq {
            return Err(Mismatch::Seq {
                expected: self.rq_seq.value(),
                found: response.rq_seq.value(),
            });
        }
        if response.rs_sa != self.rs_sa {
            return Err(Mismatch::ResponderAddress {
                expected: self.rs_sa,
                found: response.rs_sa,
            });
        }
        if response.rq_sa != self.rq_sa {
            return Err(Mismatch::RequesterAddress {
                expected: self.rq_sa,
                found: response.rq_sa,
            });
        }
        self.request.check(&response.message)?;
        if response.rq_lun != self.rq_lun {
            return Err(Mismatch::RequesterLun {
                expected: self.rq_lun,
                found: response.rq_lun,
            });
        }
        Ok(())
    }
}
