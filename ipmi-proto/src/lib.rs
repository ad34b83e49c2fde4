//! # ipmi-proto
//!
//! IPMI 2.0 messages modelled once and used from either side: by a requester (host tools,
//! management software) and by a responder (BMC firmware), on any transport, without an allocator.
//! `no_std`, no allocator, no `unsafe`, no panics on untrusted input.
//!
//! | module | what it has |
//! |---|---|
//! | [`message`] | `NetFn` (request/response pairs, group extension, OEM), `Lun`, `Cmd`, `ChannelNumber`, `BodyCode`, `CompletionCode` (every byte classified), borrowed `Request`/`Response` |
//! | [`framing`] | checked parse and emit for KCS/SSIF bodies, BT, IPMB (both checksums, distinct errors), the LAN message body, Send/Get Message bridging; sequence numbers and response matching for requesters |
//! | [`command`] | typed requests and responses for both sides ([`command::Command`], [`command::Message`]), with [`command::Command::encode_request`] / [`command::Command::decode_response`] for requesters and each command's command-specific completion codes: App (Get Device ID, resets, self test, Set/Get ACPI Power State via `acpi-state`, GUIDs), sessions and channels ([`command::session`]: Get Channel Authentication Capabilities, Get Channel Cipher Suites, Get Session Challenge, Activate Session, Set Session Privilege Level, Close Session, Get Channel Info), bridging ([`command::bridge`]: Send Message, Master Write-Read), Chassis (capabilities, status, control, identify, restore policy, restart cause, boot options with boot flags), Storage (SEL info/reserve/get/add/clear/time, SDR repository, FRU inventory read/write), Sensor/Event (Platform Event Message in its system-interface and IPMB/LAN forms via `sel-codec`, sensor reading and thresholds, device SDR), DCMI ([`command::dcmi`]: Get Power Reading) |
//! | [`responder`] | a no_std, no-alloc dispatcher for BMC firmware: static route tables checked at compile time, typed or raw handlers that see the request's [`responder::Origin`] (channel, privilege, requester, session), per-channel routes, length, LUN and privilege rules with the right completion codes, group-extension/OEM body codes, framed answers for KCS/SSIF, BT and IPMB/LAN bodies |
//! | [`sdr`] | SDR records 01h/02h/03h/10h/11h/12h/C0h (others kept raw), ID strings, the sensor reading conversion both ways with every linearization, `ipmitool sdr dump` files |
//! | [`fru`] | FRU images: common header, internal use, chassis, board, product areas, type/length fields, multirecords (power supply, DC output, DC load), a builder, and `ipmitool fru print` text |
//!
//! Not here yet: the RMCP/RMCP+ LAN session layer (authentication, integrity, confidentiality)
//! that carries these messages over UDP; the responder's [`responder::Origin`] and
//! [`responder::respond_ipmb`] are what it will call.
//!
//! ```
//! use ipmi_proto::framing::IpmbRequest;
//! use ipmi_proto::message::{Cmd, NetFn};
//!
//! // Get Device ID (App 01h) from the BMC (20h), sent by remote software ID 81h, seq 1.
//! let frame = [0x20, 0x18, 0xC8, 0x81, 0x04, 0x01, 0x7A];
//! let request = IpmbRequest::parse(&frame).unwrap();
//! assert_eq!((request.message.netfn, request.message.cmd), (NetFn::APP, Cmd(0x01)));
//! assert!(IpmbRequest::parse(&[0x20, 0x18, 0xC9, 0x81, 0x04, 0x01, 0x7A]).is_err()); // header checksum
//! ```
//!
//! ## Features
//! - `defmt`: `defmt::Format` for the message and record types.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod command;
pub mod framing;
pub mod fru;
pub mod message;
pub mod responder;
pub mod sdr;
