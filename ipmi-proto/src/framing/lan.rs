//! The IPMI message carried in a LAN session (IPMI 2.0 §13.8, IPMI LAN message format).
//!
//! Inside an RMCP (IPMI 1.5) session and as the IPMI payload of an RMCP+ (IPMI 2.0) session,
//! the message has the IPMB layout byte for byte — `rsAddr, netFn/rsLUN, chk1, rqAddr,
//! rqSeq/rqLUN, cmd, data, chk2`, responses with `cc` — so the IPMB types serve it. A
//! remote console usually uses rqAddr [`REMOTE_CONSOLE_SOFTWARE_ID`](super::REMOTE_CONSOLE_SOFTWARE_ID)
//! (81h) and addresses the BMC as rsAddr [`BMC_ADDRESS`](super::BMC_ADDRESS) (20h). The
//! message length lives in the session header, not here.

use super::{IpmbMessage, IpmbRequest, IpmbResponse};

/// A request in a LAN session: the IPMB layout (IPMI 2.0 §13.8).
///
/// ```
/// use ipmi_proto::framing::LanRequest;
///
/// // Get Channel Authentication Capabilities (App 38h), channel Eh, privilege 3.
/// let msg = [0x20, 0x18, 0xC8, 0x81, 0x4C, 0x38, 0x0E, 0x03, 0xEA];
/// let request = LanRequest::parse(&msg)?;
/// assert_eq!((request.rq_sa, request.rq_seq.value()), (0x81, 0x13));
/// assert_eq!(request.message.data, &[0x0E, 0x03]);
/// # Ok::<(), ipmi_proto::framing::FrameError>(())
/// ```
pub type LanRequest<'a> = IpmbRequest<'a>;

/// A response in a LAN session: the IPMB layout (IPMI 2.0 §13.8).
pub type LanResponse<'a> = IpmbResponse<'a>;

/// A LAN session message of either direction.
pub type LanMessage<'a> = IpmbMessage<'a>;
