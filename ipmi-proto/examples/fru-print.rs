//! `fru-print [-v] FILE`: the fields of a FRU image file, with the names and in the order
//! `ipmitool fru print <id>` shows them (ipmitool 1.8.19; dates in UTC). `-v` adds what
//! `ipmitool -v` adds: the FRU file IDs and the multirecord area.
//!
//! Unlike ipmitool, every checksum is checked: a damaged area is reported on one line, and a
//! summary of the problems found goes to standard error. 8-bit field bytes above 7Fh are
//! written as UTF-8 (ipmitool writes them raw).
//!
//! ```text
//! cargo run -p ipmi-proto --example fru-print -- -v board.fru
//! ```

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::ExitCode;

use ipmi_proto::fru::{FruImage, IpmitoolFruPrint};

fn main() -> ExitCode {
    let mut verbose = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-v" => verbose = true,
            "-h" | "--help" => {
                println!("usage: fru-print [-v] FILE");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!("usage: fru-print [-v] FILE");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("usage: fru-print [-v] FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let image = match FruImage::new(&bytes) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", IpmitoolFruPrint::new(image, verbose));
    match image.validate() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
