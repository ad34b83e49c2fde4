//! Golden test against ipmitool itself.
//!
//! Generates a seeded set of records that walks every row of the code tables, every sensor
//! type with every sensor-specific offset, every event/reading type with every offset, every
//! record type class, the timestamp edges and the special cases ipmitool has (memory ECC
//! breakdown, kernel panic records), plus random records. It writes them as a raw dump, runs
//! `LC_ALL=C TZ=UTC ipmitool -I dummy sel readraw` (and `-v sel readraw`) on it against a
//! do-nothing BMC (tests/oracle/ipmi_dummy_bmc.py) and compares the output byte for byte
//! with ours.
//!
//! If ipmitool or python3 is missing the test is skipped, unless `SEL_CODEC_REQUIRE_IPMITOOL=1`
//! (set by `.ci/test`), in which case it fails. `SEL_CODEC_GOLDEN_SEED` changes the seed of the
//! random part; `SEL_CODEC_GOLDEN_RANDOM` its size.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sel_codec::tables::{GENERIC_OFFSETS, SENSOR_SPECIFIC_OFFSETS};
use sel_codec::{SelRecordRef, records};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn byte(&mut self) -> u8 {
        (self.next() >> 32) as u8
    }
    fn below(&mut self, n: u64) -> u64 {
        (self.next() >> 11) % n
    }
    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len() as u64) as usize]
    }
}

const TIMESTAMPS: [u32; 10] = [
    0,
    1,
    11021,
    0x1FFF_FFFF,
    0x2000_0000,
    0x2000_0001,
    0x5F00_0000,
    0x6543_2100,
    0xFFFF_FFFE,
    0xFFFF_FFFF,
];

struct Gen {
    rng: Rng,
    out: Vec<[u8; 16]>,
}

impl Gen {
    fn id(&mut self) -> u16 {
        match self.rng.below(4) {
            0 => self.rng.next() as u16,
            _ => (self.out.len() as u16).wrapping_add(1),
        }
    }

    fn timestamp(&mut self) -> u32 {
        match self.rng.below(3) {
            0 => self.rng.pick(&TIMESTAMPS),
            1 => self.rng.next() as u32,
            _ => 0x2000_0000 + (self.rng.next() as u32 % 0xDFFF_FFFF),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn system(&mut self, rt: u8, st: u8, sn: u8, dir_type: u8, ed: [u8; 3]) {
        let id = self.id().to_le_bytes();
        let ts = self.timestamp().to_le_bytes();
        let generator = self.rng.pick(&[0x0020u16, 0x0041, 0x2c20, 0x0001, 0xffff]);
        let g = generator.to_le_bytes();
        let evm = self.rng.pick(&[0x04, 0x03, 0x00, 0xff]);
        self.out.push([
            id[0], id[1], rt, ts[0], ts[1], ts[2], ts[3], g[0], g[1], evm, st, sn, dir_type, ed[0],
            ed[1], ed[2],
        ]);
    }

    fn sensor_number(&mut self) -> u8 {
        if self.rng.below(3) == 0 {
            0
        } else {
            self.rng.byte()
        }
    }

    fn dir(&mut self) -> u8 {
        if self.rng.below(2) == 0 { 0 } else { 0x80 }
    }

    /// Event data 1 with `offset` and random usage bits.
    fn ed1(&mut self, offset: u8) -> u8 {
        (self.rng.byte() & 0xF0) | offset
    }
}

fn generate(seed: u64, random: usize) -> Vec<[u8; 16]> {
    let mut g = Gen {
        rng: Rng(seed | 1),
        out: Vec::new(),
    };
    // 1. Every row of both tables, with event data 2 marked used and equal to the row's
    //    value, and again with byte 2 unused (which selects the catch-all row or none).
    for (table, six_f) in [(GENERIC_OFFSETS, false), (SENSOR_SPECIFIC_OFFSETS, true)] {
        for row in table {
            let (st, et) = if six_f {
                (row.code, 0x6F)
            } else {
                (g.rng.byte(), row.code)
            };
            for usage in [0xC0, 0x40, 0x80, 0x00] {
                let ed2 = row.data2.unwrap_or_else(|| g.rng.byte());
                let sn = g.sensor_number();
                let dir = g.dir();
                let ed1 = usage | (g.rng.byte() & 0x30) | row.offset;
                let ed3 = g.rng.byte();
                g.system(0x02, st, sn, dir | et, [ed1, ed2, ed3]);
            }
        }
    }
    // 2. Every sensor type with every sensor-specific offset.
    for st in 0..=255u8 {
        for offset in 0..16u8 {
            let sn = g.sensor_number();
            let dir = g.dir();
            let ed1 = g.ed1(offset);
            let (ed2, ed3) = (g.rng.byte(), g.rng.byte());
            g.system(0x02, st, sn, dir | 0x6F, [ed1, ed2, ed3]);
        }
    }
    // 3. Every event/reading type with every offset.
    for et in 0..=0x7Fu8 {
        for offset in 0..16u8 {
            let st = g.rng.byte();
            let sn = g.sensor_number();
            let dir = g.dir();
            let ed1 = g.ed1(offset);
            let (ed2, ed3) = (g.rng.byte(), g.rng.byte());
            g.system(0x02, st, sn, dir | et, [ed1, ed2, ed3]);
        }
    }
    // 4. Every record type, with random bodies.
    for rt in 0..=255u8 {
        for _ in 0..4 {
            let id = g.id().to_le_bytes();
            let mut r = [0u8; 16];
            r[0] = id[0];
            r[1] = id[1];
            r[2] = rt;
            for b in &mut r[3..] {
                *b = g.rng.byte();
            }
            let ts = g.timestamp().to_le_bytes();
            r[3..7].copy_from_slice(&ts);
            g.out.push(r);
        }
    }
    // 5. Special cases: memory ECC breakdown, kernel panic strings, timestamp edges.
    for _ in 0..64 {
        let ed1 = 0x20 | (g.rng.byte() & 0xC0) | (g.rng.byte() & 0x0F);
        let ed3 = g.rng.byte();
        let dir = g.dir();
        let sn = if g.rng.below(2) == 0 { 0 } else { g.rng.byte() };
        g.system(0x02, 0x0C, sn, dir | 0x6F, [ed1, 0xFF, ed3]);
    }
    for text in [
        &b"Oops: 0000 [#1]"[..],
        b"kernel BUG at",
        b"ab\0cdefghijklm",
        b"\xe9\xff\x80panic\x01\x7f",
        b"line\nbreak\ttab",
        b"",
    ] {
        let mut r = [0u8; 16];
        r[0] = g.out.len() as u8;
        r[2] = 0xF0;
        for (dst, src) in r[3..].iter_mut().zip(text) {
            *dst = *src;
        }
        g.out.push(r);
    }
    for ts in TIMESTAMPS {
        for rt in [0x02u8, 0x10, 0xC0, 0xDF] {
            let mut r = [0u8; 16];
            r[0] = 0x34;
            r[1] = 0x12;
            r[2] = rt;
            r[3..7].copy_from_slice(&ts.to_le_bytes());
            r[10] = 0x22;
            r[11] = 0x01;
            r[12] = 0x6F;
            r[13] = 0x05;
            g.out.push(r);
        }
    }
    // 6. Random records.
    for _ in 0..random {
        let rt = match g.rng.below(10) {
            0..=4 => 0x02,
            5 => g.rng.byte() & 0x7F,
            6 | 7 => 0xC0 | (g.rng.byte() & 0x1F),
            _ => 0xE0 | (g.rng.byte() & 0x1F),
        };
        let st = if g.rng.below(4) == 0 {
            g.rng.byte()
        } else {
            g.rng.byte() % 0x2D
        };
        let et = match g.rng.below(4) {
            0 => 0x6F,
            1 => 0x01,
            2 => g.rng.byte() % 0x0D,
            _ => g.rng.byte(),
        };
        let dir_type = et | g.dir();
        let sn = g.sensor_number();
        let ed = [g.rng.byte(), g.rng.byte(), g.rng.byte()];
        g.system(rt, st, sn, dir_type, ed);
    }
    g.out
}

struct Bmc {
    child: Child,
    socket: PathBuf,
}

impl Drop for Bmc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.socket);
    }
}

fn start_bmc(dir: &Path) -> Option<Bmc> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/ipmi_dummy_bmc.py");
    let socket = dir.join("bmc.sock");
    let child = Command::new("python3")
        .arg(&script)
        .arg(&socket)
        .stdout(Stdio::null())
        .spawn()
        .ok()?;
    let bmc = Bmc { child, socket };
    let start = Instant::now();
    while !bmc.socket.exists() {
        if start.elapsed() > Duration::from_secs(10) {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(bmc)
}

fn ipmitool(socket: &Path, verbose: bool, file: &Path) -> Vec<u8> {
    let mut cmd = Command::new("ipmitool");
    if verbose {
        cmd.arg("-v");
    }
    let out = cmd
        .args(["-I", "dummy", "sel", "readraw"])
        .arg(file)
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
        .env("IPMI_DUMMY_SOCK", socket)
        .stderr(Stdio::null())
        .output()
        .expect("run ipmitool");
    assert!(out.status.success(), "ipmitool failed: {:?}", out.status);
    out.stdout
}

/// Our text as bytes: chars U+0000–U+00FF become single bytes (see `IpmitoolList`).
fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(c).expect("formatter output is Latin-1"))
        .collect()
}

/// ipmitool's verbose `Timestamp` line prints the date twice; ours prints date and time.
/// Turn ours into ipmitool's form for comparison.
fn ipmitool_timestamp_line(ours: &str) -> String {
    let (label, value) = ours.split_at(" Timestamp             : ".len());
    let date = if value == "Unspecified Unspecified" {
        "Unspecified"
    } else {
        let mut parts = value.rsplitn(3, ' ');
        parts.next();
        parts.next();
        parts.next().unwrap()
    };
    format!("{label}{date} {date}")
}

fn first_difference(ours: &[u8], theirs: &[u8]) -> String {
    let ours = String::from_utf8_lossy(ours);
    let theirs = String::from_utf8_lossy(theirs);
    let mut report = String::new();
    let mut shown = 0;
    for (n, (a, b)) in ours.lines().zip(theirs.lines()).enumerate() {
        if a != b && shown < 10 {
            writeln!(
                report,
                "line {}:\n  ours:     {a:?}\n  ipmitool: {b:?}",
                n + 1
            )
            .unwrap();
            shown += 1;
        }
    }
    writeln!(
        report,
        "({} lines ours, {} lines ipmitool)",
        ours.lines().count(),
        theirs.lines().count()
    )
    .unwrap();
    report
}

#[test]
fn ipmitool_agrees_on_every_generated_record() {
    let required = std::env::var("SEL_CODEC_REQUIRE_IPMITOOL").is_ok_and(|v| v == "1");
    let have = |tool: &str, arg: &str| {
        Command::new(tool)
            .arg(arg)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    };
    if !have("ipmitool", "-V") || !have("python3", "--version") {
        assert!(
            !required,
            "ipmitool and python3 are required (SEL_CODEC_REQUIRE_IPMITOOL=1)"
        );
        eprintln!("skipped: ipmitool or python3 not installed");
        return;
    }
    let seed = std::env::var("SEL_CODEC_GOLDEN_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5e1_c0de_2026);
    let random = std::env::var("SEL_CODEC_GOLDEN_RANDOM")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4000);
    let recs = generate(seed, random);
    let dir = std::env::temp_dir().join(format!("sel-codec-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sel.bin");
    std::fs::write(&file, recs.concat()).unwrap();
    let bmc = start_bmc(&dir).expect("start the dummy BMC");

    // List form: byte for byte.
    let dump = recs.concat();
    let mut ours = String::new();
    for r in records(&dump) {
        writeln!(ours, "{}", r.unwrap().ipmitool_list()).unwrap();
    }
    let theirs = ipmitool(&bmc.socket, false, &file);
    assert!(
        theirs.iter().filter(|&&b| b == b'\n').count() >= recs.len(),
        "ipmitool printed fewer lines than there are records"
    );
    let ours = latin1(&ours);
    assert!(
        ours == theirs,
        "list output differs from ipmitool (seed {seed}):\n{}",
        first_difference(&ours, &theirs)
    );

    // Verbose form: byte for byte except the documented Timestamp line.
    let mut ours = String::new();
    for r in records(&dump) {
        let block = SelRecordRef::from(r.unwrap().as_bytes())
            .ipmitool_verbose()
            .to_string();
        for line in block.split_inclusive('\n') {
            if line.starts_with(" Timestamp             : ") {
                ours.push_str(&ipmitool_timestamp_line(line.trim_end_matches('\n')));
                ours.push('\n');
            } else {
                ours.push_str(line);
            }
        }
    }
    let theirs = ipmitool(&bmc.socket, true, &file);
    let ours = latin1(&ours);
    assert!(
        ours == theirs,
        "verbose output differs from ipmitool (seed {seed}):\n{}",
        first_difference(&ours, &theirs)
    );
    drop(bmc);
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "ipmitool golden: {} records agree in list and verbose form (seed {seed})",
        recs.len()
    );
}
