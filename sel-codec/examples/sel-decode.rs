//! Prints every record of a raw SEL dump (the format of `ipmitool sel writeraw`).
//!
//! ```text
//! cargo run -p sel-codec --example sel-decode -- FILE [--format list|elist|verbose|json] [--sensors SENSORS]
//! ```
//!
//! `list` (the default) prints exactly what `LC_ALL=C TZ=UTC ipmitool sel readraw FILE`
//! prints. `elist` adds sensor names and threshold readings from a sensors file whose lines
//! are `OWNER NUMBER TYPE NAME [UNIT M B K1 K2]`: owner slave address, sensor number and
//! sensor type in hex, the sensor's ID string, then optionally the Table 43-15 unit code and
//! the linear conversion factors in decimal (`#` starts a comment). `verbose` prints the
//! `ipmitool -v` block form, `json` one JSON object per line.
//!
//! Exits with status 1 and a message on an unreadable file or a truncated record (after
//! printing the complete records before it), and with status 2 on bad arguments.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use sel_codec::records;
use sel_codec::tables::SensorType;
use sel_codec::text::{Linear, Sensor, SensorTable, SensorUnit};

const USAGE: &str =
    "usage: sel-decode FILE [--format list|elist|verbose|json] [--sensors SENSORS_FILE]";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    List,
    Elist,
    Verbose,
    Json,
}

struct Args {
    file: String,
    format: Format,
    sensors: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut file = None;
    let mut format = Format::List;
    let mut sensors = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                let value = args.next().ok_or("--format needs a value")?;
                format = match value.as_str() {
                    "list" => Format::List,
                    "elist" => Format::Elist,
                    "verbose" => Format::Verbose,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format {other:?}")),
                };
            }
            "--sensors" => sensors = Some(args.next().ok_or("--sensors needs a file")?),
            "-h" | "--help" => return Err(String::new()),
            _ if file.is_none() && !arg.starts_with('-') => file = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    Ok(Args {
        file: file.ok_or("missing FILE")?,
        format,
        sensors,
    })
}

fn hex_u8(s: &str) -> Result<u8, String> {
    u8::from_str_radix(s.trim_start_matches("0x").trim_start_matches("0X"), 16)
        .map_err(|_| format!("{s:?} is not a hex byte"))
}

/// One line of the sensors file: owner, number, type, name, conversion.
type OwnedSensor = (u8, u8, SensorType, String, Option<Linear>);

/// Parses the sensors file into owned parts; the table borrows names from it.
fn load_sensors(path: &str) -> Result<Vec<OwnedSensor>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        let err = |m: String| format!("{path}:{}: {m}", n + 1);
        if f.len() != 4 && f.len() != 9 {
            return Err(err(
                "expected OWNER NUMBER TYPE NAME [UNIT M B K1 K2]".into()
            ));
        }
        let reading = if f.len() == 9 {
            let num = |s: &str| {
                s.parse::<i16>()
                    .map_err(|_| err(format!("{s:?} is not a number")))
            };
            Some(Linear {
                unit: SensorUnit::new(
                    u8::try_from(num(f[4])?).map_err(|_| err("bad unit".into()))?,
                ),
                m: num(f[5])?,
                b: num(f[6])?,
                b_exp: i8::try_from(num(f[7])?).map_err(|_| err("bad k1".into()))?,
                r_exp: i8::try_from(num(f[8])?).map_err(|_| err("bad k2".into()))?,
                ..Linear::default()
            })
        } else {
            None
        };
        out.push((
            hex_u8(f[0]).map_err(err)?,
            hex_u8(f[1]).map_err(err)?,
            SensorType(hex_u8(f[2]).map_err(err)?),
            f[3].to_string(),
            reading,
        ));
    }
    Ok(out)
}

/// ipmitool writes bytes; our text is ASCII except for kernel panic bytes 80h–FFh, which
/// the formatters render as U+0080–U+00FF. Writing each char as one byte restores them.
fn write_latin1(out: &mut impl Write, text: &str) -> io::Result<()> {
    if text.is_ascii() {
        return out.write_all(text.as_bytes());
    }
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(c).unwrap_or(b'?'))
        .collect();
    out.write_all(&bytes)
}

fn run(args: &Args) -> Result<(), String> {
    let dump = std::fs::read(&args.file).map_err(|e| format!("{}: {e}", args.file))?;
    let owned = match &args.sensors {
        Some(path) => load_sensors(path)?,
        None => Vec::new(),
    };
    let entries: Vec<(u8, u8, SensorType, Sensor<'_>)> = owned
        .iter()
        .map(|(o, n, t, name, reading)| {
            (
                *o,
                *n,
                *t,
                Sensor {
                    name,
                    reading: *reading,
                },
            )
        })
        .collect();
    let table = SensorTable(&entries);

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = String::new();
    for item in records(&dump) {
        let record = item.map_err(|e| format!("{}: {e}", args.file))?;
        line.clear();
        use std::fmt::Write as _;
        let _ = match args.format {
            Format::List => writeln!(line, "{}", record.ipmitool_list()),
            Format::Elist => writeln!(line, "{}", record.elist(&table)),
            Format::Verbose => write!(line, "{}", record.ipmitool_verbose()),
            Format::Json => {
                let json = serde_json::to_string(&record.json()).map_err(|e| e.to_string())?;
                writeln!(line, "{json}")
            }
        };
        let written = if args.format == Format::Json {
            out.write_all(line.as_bytes())
        } else {
            write_latin1(&mut out, &line)
        };
        if let Err(e) = written {
            return if e.kind() == io::ErrorKind::BrokenPipe {
                Ok(())
            } else {
                Err(e.to_string())
            };
        }
    }
    out.flush().or_else(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(e.to_string())
        }
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("sel-decode: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("sel-decode: {msg}");
            ExitCode::from(1)
        }
    }
}
