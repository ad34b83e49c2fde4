//! # ipmi-proto
//!
//! IPMI 2.0 messages modelled once and used from either side: by a requester (host tools,
//! management software) and by a responder (BMC firmware), on any transport, without an allocator.
//!
//! **Status: not implemented yet.** This crate reserves its place in the workspace and states
//! its purpose; it has no public API so far. The work is tracked in the project's issue 5.
//! What it will provide:
//!
//! - the message model: NetFn pairs, LUN, commands and completion codes, with unknown values kept;
//! - checked views and emitters for system-interface (KCS/SSIF/BT) bodies and IPMB frames;
//! - typed App, Chassis, Sensor/Event, Storage and DCMI commands for requester and responder;
//! - a no_std, no-alloc responder dispatcher and a requester helper that matches responses to requests;
//! - SDR and FRU records, parsed and built; RMCP/RMCP+ LAN sessions later, on the same dispatcher.
//!
//! Like every crate of the family it is `no_std` first, forbids `unsafe`, and never panics on
//! untrusted input.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
