//! The async SMBus host (`SmbusAsync`, feature `async`) against embedded-hal-mock: the same
//! cases as `smbus_blocking.rs` (shared through `smbus_common/cases.rs`), each call driven to
//! completion with `embassy_futures::block_on`.

#![cfg(feature = "async")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use smbus_pmbus::smbus::SmbusAsync as Host;

/// The async host's calls return futures; run each to completion.
macro_rules! run {
    ($call:expr) => {
        embassy_futures::block_on($call)
    };
}

mod support;

include!("smbus_common/cases.rs");
