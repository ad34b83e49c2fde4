//! `pmbus-decode`: decode captured SMBus/PMBus transactions.
//!
//! ```text
//! pmbus-decode [FILE] [--sigrok] [--device ADDR=NAME]... [--vout-mode ADDR=XX]...
//! ```
//!
//! Reads lines from FILE (or stdin) and prints one decoded line per transaction: command name,
//! value in units (using VOUT_MODE seen earlier in the capture), status bits, PEC ok/bad.
//!
//! Input is either hex lines, `[R|W] ADDR CMD b0 b1 ... [PEC]` (7-bit address; `R` = the
//! bytes after CMD were read after a repeated start, `W` = written; without R/W the command
//! table and the PEC decide; `R ADDR / b0 [PEC]` is a Receive Byte), or the text output of
//! `sigrok-cli -P i2c` (detected from the first line that is an I2C annotation the parser
//! knows, or forced with `--sigrok`). Lines starting with `#` are comments in both forms.
//!
//! `--device 58=adm1272` names the device at an address (crps, adm1272, adm1275, ina233,
//! tps546b24a, isl68224), which gives DIRECT coefficients, the encoding of each reading and the
//! number of pages; `--vout-mode 58=17` sets VOUT_MODE of every page when the capture does not
//! contain it.
//!
//! Multi-page devices show the page before the command: `60 read  p1 READ_VOUT (8Bh) ...`
//! (`p0?` until the capture shows PAGE).
//!
//! Exit status: 0 if every line was understood, 1 if some were not (they are reported on
//! stderr with their line number and skipped; in sigrok mode this includes lines that are not
//! I2C annotations), 2 for bad arguments.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use smbus_pmbus::capture::{Decoder, SigrokParser, Transaction, parse_line};
use smbus_pmbus::device::catalog;
use smbus_pmbus::format::VoutMode;

const USAGE: &str = "usage: pmbus-decode [FILE] [--sigrok] [--device ADDR=NAME]... [--vout-mode ADDR=XX]...\n\
  NAME: crps, adm1272, adm1275, ina233, tps546b24a, isl68224";

fn hex_u8(s: &str) -> Option<u8> {
    let s = s.trim_start_matches("0x").trim_start_matches("0X");
    u8::from_str_radix(s, 16).ok().filter(|_| !s.is_empty())
}

struct Args {
    file: Option<String>,
    sigrok: bool,
    decoder: Decoder,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        file: None,
        sigrok: false,
        decoder: Decoder::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--sigrok" => args.sigrok = true,
            "--device" | "--vout-mode" => {
                let v = it.next().ok_or(format!("{a} needs ADDR=VALUE"))?;
                let (addr, value) = v
                    .split_once('=')
                    .ok_or(format!("{a} needs ADDR=VALUE, got {v}"))?;
                let addr = hex_u8(addr)
                    .filter(|a| *a <= 0x7F)
                    .ok_or(format!("bad 7-bit address {addr}"))?;
                if a == "--device" {
                    let d = catalog::by_name(value).ok_or(format!("unknown device {value}"))?;
                    if !args.decoder.set_device(addr, d) {
                        return Err("too many devices".into());
                    }
                } else {
                    let mode = hex_u8(value).ok_or(format!("bad VOUT_MODE {value}"))?;
                    if !args
                        .decoder
                        .set_vout_mode_all_pages(addr, VoutMode::from_raw(mode))
                    {
                        return Err("too many devices".into());
                    }
                }
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => {
                if args.file.replace(s.to_string()).is_some() {
                    return Err("more than one FILE".into());
                }
            }
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let mut args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("pmbus-decode: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let input: Box<dyn Read> = match &args.file {
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("pmbus-decode: {path}: {e}");
                return ExitCode::from(1);
            }
        },
        None => Box::new(std::io::stdin()),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut sigrok = SigrokParser::new();
    let mut sigrok_mode = args.sigrok;
    let mut bad_lines = 0usize;
    let emit = |t: &Transaction,
                decoder: &mut Decoder,
                out: &mut dyn Write|
     -> std::io::Result<()> { writeln!(out, "{}", decoder.decode(t)) };
    for (n, line) in BufReader::new(input).split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => String::from_utf8_lossy(&l).into_owned(),
            Err(e) => {
                eprintln!("pmbus-decode: read error: {e}");
                return ExitCode::from(1);
            }
        };
        let line = line.trim_end_matches('\r');
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let annotation = SigrokParser::is_annotation(line);
        sigrok_mode |= annotation;
        let result = if !sigrok_mode {
            parse_line(line)
        } else if annotation {
            sigrok.push_line(line)
        } else {
            bad_lines += 1;
            eprintln!(
                "pmbus-decode: line {}: not an I2C annotation of sigrok-cli -P i2c",
                n + 1
            );
            continue;
        };
        match result {
            Ok(Some(t)) => {
                if emit(&t, &mut args.decoder, &mut out).is_err() {
                    return ExitCode::SUCCESS; // stdout closed (e.g. piped into head)
                }
            }
            Ok(None) => {}
            Err(e) => {
                bad_lines += 1;
                eprintln!("pmbus-decode: line {}: {e}", n + 1);
            }
        }
    }
    if let Some(t) = sigrok.finish() {
        let _ = emit(&t, &mut args.decoder, &mut out);
    }
    let _ = out.flush();
    if bad_lines > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
