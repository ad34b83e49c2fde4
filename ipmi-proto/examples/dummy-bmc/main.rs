//! A virtual BMC for `ipmitool -I dummy`: the fleet server of our field notes, answering through
//! `ipmi-proto`'s typed commands and responder.
//!
//! ```sh
//! cargo run -p ipmi-proto --example dummy-bmc -- /tmp/bmc.sock &
//! IPMI_DUMMY_SOCK=/tmp/bmc.sock ipmitool -I dummy mc info
//! IPMI_DUMMY_SOCK=/tmp/bmc.sock ipmitool -I dummy sdr list
//! IPMI_DUMMY_SOCK=/tmp/bmc.sock ipmitool -I dummy raw 0x06 0x06 0x80 0x80   # host reports S0/G0
//! IPMI_DUMMY_SOCK=/tmp/bmc.sock ipmitool -I dummy sel list
//! ```
//!
//! The socket path is the first argument, else `$IPMI_DUMMY_SOCK`, else ipmitool's default
//! `/tmp/.ipmi_dummy`. Runs until killed. Unix only.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[cfg(unix)]
mod bmc;

#[cfg(unix)]
fn main() -> std::io::Result<()> {
    use std::os::unix::net::UnixListener;
    use std::sync::{Arc, Mutex};

    let path = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("IPMI_DUMMY_SOCK").ok())
        .unwrap_or_else(|| "/tmp/.ipmi_dummy".to_owned());
    if std::fs::metadata(&path).is_ok() {
        std::fs::remove_file(&path)?;
    }
    let listener = UnixListener::bind(&path)?;
    eprintln!("dummy-bmc: serving ipmitool -I dummy on {path}");
    let state = Arc::new(Mutex::new(bmc::Bmc::default()));
    for stream in listener.incoming() {
        let mut stream = stream?;
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            if let Err(e) = bmc::serve(&mut stream, &state) {
                eprintln!("dummy-bmc: connection ended: {e}");
            }
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn main() {
    eprintln!("dummy-bmc needs Unix domain sockets");
    std::process::exit(2);
}
