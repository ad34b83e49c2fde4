//! FRU images checked against other implementations, both ways.
//!
//! Our images, read by peers (a seeded set of images from `FruImageBuilder`, every area,
//! every field encoding, power supply / DC output / DC load and other records):
//! - FreeIPMI `ipmi-fru --fru-file FILE`: every field, date and multirecord line compared.
//! - ipmitool `fru print 0` and `-v fru print 0`, served by `tests/oracle/fru/fru_dummy_bmc.py`
//!   over ipmitool's `-I dummy` interface: the whole output compared byte for byte with
//!   [`IpmitoolFruPrint`].
//! - ipmitool `ekanalyzer frushow oc=FILE` (reads the file; needs the same dummy BMC to
//!   start): header offsets, area lengths, type/length bytes, field values, checksums and
//!   record headers compared.
//! - the Python `fru` package (`fru.load`): its 8-bit fields compared.
//!
//! Peer images, read by us: images written by the Python `fru` package (`fru.dump`) from
//! seeded values, parsed with `FruImage::parse` and compared with those values.
//!
//! Each peer that is missing is skipped with a note, unless `IPMI_PROTO_REQUIRE_PEERS=1`.
//! `IPMI_PROTO_FRU_PEER_IMAGES` sets the number of images (default 120).

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

use ipmi_proto::fru::*;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        (self.next() >> 11) % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn string(&mut self, lo: u8, hi: u8, len: usize) -> String {
        (0..len)
            .map(|_| char::from(lo + self.below(u64::from(hi - lo) + 1) as u8))
            .collect()
    }
}

fn require() -> bool {
    std::env::var("IPMI_PROTO_REQUIRE_PEERS").as_deref() == Ok("1")
}

fn skip(what: &str) {
    assert!(
        !require(),
        "{what} is missing and IPMI_PROTO_REQUIRE_PEERS=1"
    );
    println!("note: {what} not found; comparison skipped");
}

fn has(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn image_count() -> usize {
    std::env::var("IPMI_PROTO_FRU_PEER_IMAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120)
}

fn work_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ipmi-proto-fru-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An owned field value.
enum Value {
    Text(String),
    Six(String),
    Bcd(String),
    Bin(Vec<u8>),
}

impl Value {
    fn borrow(&self) -> FieldValue<'_> {
        match self {
            Self::Text(s) => FieldValue::Text(s),
            Self::Six(s) => FieldValue::SixBitAscii(s),
            Self::Bcd(s) => FieldValue::BcdPlus(s),
            Self::Bin(b) => FieldValue::Binary(b),
        }
    }

    fn random(rng: &mut Rng, only_text: bool) -> Self {
        let kind = if only_text { 0 } else { rng.below(100) };
        match kind {
            0..=59 => {
                let len = [0, 2, 3, 5, 8, 12, 20, 40][rng.below(8) as usize];
                let mut s = rng.string(0x21, 0x7E, len);
                if len > 4 && rng.chance(30) {
                    s.replace_range(2..3, " ");
                }
                Self::Text(s)
            }
            60..=74 => {
                let len = 1 + rng.below(30) as usize;
                Self::Six(rng.string(0x21, 0x5F, len))
            }
            75..=84 => {
                let len = 1 + rng.below(20) as usize;
                let s: String = (0..len)
                    .map(|_| b"0123456789 -."[rng.below(13) as usize] as char)
                    .collect();
                Self::Bcd(s)
            }
            _ => {
                let len = 1 + rng.below(16) as usize;
                Self::Bin((0..len).map(|_| rng.next() as u8).collect())
            }
        }
    }
}

/// One random image. `text_only` limits fields to 8-bit text.
fn random_image(rng: &mut Rng, text_only: bool) -> Vec<u8> {
    let values = |n: usize, rng: &mut Rng| -> Vec<Value> {
        (0..n).map(|_| Value::random(rng, text_only)).collect()
    };
    let nonempty_custom = |rng: &mut Rng| -> Vec<Value> {
        let n = rng.below(4) as usize;
        (0..n)
            .map(|_| {
                loop {
                    let v = Value::random(rng, text_only);
                    if !v.borrow().data_len(Language::ENGLISH).eq(&0) {
                        break v;
                    }
                }
            })
            .collect()
    };
    let internal: Option<Vec<u8>> = rng
        .chance(40)
        .then(|| (0..rng.below(12)).map(|_| rng.next() as u8).collect());
    let chassis = rng
        .chance(80)
        .then(|| (rng.below(0x26) as u8, values(2, rng), nonempty_custom(rng)));
    let board = rng.chance(85).then(|| {
        let minutes = if rng.chance(10) {
            0
        } else {
            rng.below(0x0100_0000) as u32
        };
        let lang = if rng.chance(50) {
            Language(0)
        } else {
            Language(25)
        };
        (lang, minutes, values(5, rng), nonempty_custom(rng))
    });
    let product = rng.chance(85).then(|| {
        let lang = if rng.chance(50) {
            Language(0)
        } else {
            Language(25)
        };
        (lang, values(7, rng), nonempty_custom(rng))
    });
    let mut raw_data: Vec<Vec<u8>> = Vec::new();
    let mut kinds = Vec::new();
    if !text_only {
        for _ in 0..rng.below(5) {
            let kind = rng.below(4);
            let len = match kind {
                0 => 24,
                1 | 2 => 13,
                _ => rng.below(20) as usize,
            };
            let mut d: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            if kind == 0 {
                d[20] &= 0x33; // combined-wattage voltage codes 0-3 (ipmitool's table)
            }
            raw_data.push(d);
            kinds.push(kind);
        }
    }
    let records: Vec<MultiRecordData<'_>> = kinds
        .iter()
        .zip(&raw_data)
        .map(|(k, d)| match k {
            0 => MultiRecordData::PowerSupplyInformation(PowerSupplyInformation::parse(d).unwrap()),
            1 => MultiRecordData::DcOutput(DcOutput::parse(d).unwrap()),
            2 => MultiRecordData::DcLoad(DcLoad::parse(d).unwrap()),
            // Not C0h: ipmitool names C0h records from the IANA registry.
            _ => MultiRecordData::Raw {
                record_type: [0x03, 0x04, 0x0B, 0xC1, 0xFF][d.len() % 5],
                data: d,
            },
        })
        .collect();
    let cc = chassis.as_ref().map(|c| borrow(&c.2)).unwrap_or_default();
    let bc = board.as_ref().map(|b| borrow(&b.3)).unwrap_or_default();
    let pc = product.as_ref().map(|p| borrow(&p.2)).unwrap_or_default();
    let builder = FruImageBuilder {
        internal_use: internal.as_deref(),
        chassis: chassis.as_ref().map(|(t, f, _)| ChassisInfo {
            chassis_type: ChassisType(*t),
            part_number: f[0].borrow(),
            serial_number: f[1].borrow(),
            custom: &cc,
        }),
        board: board.as_ref().map(|(lang, m, f, _)| BoardInfo {
            language: *lang,
            mfg_date_time: MfgDateTime::from_minutes(*m).unwrap(),
            manufacturer: f[0].borrow(),
            product_name: f[1].borrow(),
            serial_number: f[2].borrow(),
            part_number: f[3].borrow(),
            fru_file_id: f[4].borrow(),
            custom: &bc,
        }),
        product: product.as_ref().map(|(lang, f, _)| ProductInfo {
            language: *lang,
            manufacturer: f[0].borrow(),
            product_name: f[1].borrow(),
            part_number: f[2].borrow(),
            version: f[3].borrow(),
            serial_number: f[4].borrow(),
            asset_tag: f[5].borrow(),
            fru_file_id: f[6].borrow(),
            custom: &pc,
        }),
        multi_records: &records,
    };
    let mut buf = vec![0u8; builder.buffer_len().unwrap()];
    let n = builder.emit(&mut buf).unwrap();
    assert_eq!(n, buf.len());
    FruImage::parse(&buf).unwrap();
    buf
}

fn borrow(v: &[Value]) -> Vec<FieldValue<'_>> {
    v.iter().map(Value::borrow).collect()
}

fn images(seed: u64, text_only: bool) -> Vec<Vec<u8>> {
    let mut rng = Rng(seed);
    (0..image_count())
        .map(|_| random_image(&mut rng, text_only))
        .collect()
}

/// Panics at the first line where `got` and `want` differ, showing both.
fn assert_lines<S: AsRef<str>, T: AsRef<str>>(got: &[S], want: &[T], context: &str) {
    let n = got.len().max(want.len());
    for i in 0..n {
        let g = got.get(i).map(AsRef::as_ref);
        let w = want.get(i).map(AsRef::as_ref);
        assert!(
            g == w,
            "{context}: line {i} differs\n  peer: {g:?}\n  ours: {w:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// FreeIPMI

/// How FreeIPMI 1.6 shows a field (libfreeipmi/fru/ipmi-fru.c): binary as `01h 02h`, BCD
/// plus one digit per byte (not two), 6-bit and 8-bit as text; `None` for an empty field.
fn freeipmi_value(f: Field<'_>) -> Option<String> {
    if f.is_empty() {
        return None;
    }
    Some(match f.encoding() {
        FieldEncoding::Binary => f
            .data()
            .iter()
            .map(|b| format!("{b:02X}h"))
            .collect::<Vec<_>>()
            .join(" "),
        FieldEncoding::BcdPlus => {
            let mut s = String::new();
            for &b in f.data() {
                match b {
                    0..=9 => s.push(char::from(b'0' + b)),
                    0x0A => s.push(' '),
                    0x0B => s.push('-'),
                    0x0C => s.push('.'),
                    _ => return Some("Error 'FRU invalid BCD encoding'".into()),
                }
            }
            s
        }
        _ => f.to_string(),
    })
}

struct Expect {
    lines: Vec<String>,
    bcd_lines: usize,
    /// Lines where FreeIPMI's reading differs from the specification's (emulated).
    quirk_lines: std::cell::Cell<usize>,
}

impl Expect {
    fn field(&mut self, label: &str, f: Field<'_>) {
        if let Some(v) = freeipmi_value(f) {
            if f.encoding() == FieldEncoding::BcdPlus {
                self.bcd_lines += 1;
            }
            self.lines.push(format!("  FRU {label}: {v}"));
        }
    }
    fn line(&mut self, s: String) {
        self.lines.push(s);
    }
}

/// FreeIPMI reads power supply input voltages as signed.
fn psu_mv(quirks: &std::cell::Cell<usize>, v: u16) -> i32 {
    quirks.set(quirks.get() + usize::from(v > 0x7FFF));
    i32::from(v as i16) * 10
}

/// FreeIPMI shows DC voltages × 10 wrapped to 16 bits.
fn dc_mv(quirks: &std::cell::Cell<usize>, v: i16) -> i16 {
    quirks.set(quirks.get() + usize::from(v.checked_mul(10).is_none()));
    v.wrapping_mul(10)
}

fn freeipmi_expected(image: &FruImage<'_>) -> Expect {
    let mut e = Expect {
        lines: Vec::new(),
        bcd_lines: 0,
        quirk_lines: std::cell::Cell::new(0),
    };
    if let Some(c) = image.chassis().unwrap() {
        e.field("Chassis Part Number", c.part_number());
        e.field("Chassis Serial Number", c.serial_number());
        for f in c.custom_fields() {
            e.field("Chassis Custom Info", f);
        }
    }
    if let Some(b) = image.board().unwrap() {
        match b.mfg_date_time().civil() {
            // FreeIPMI shows 0 ("unspecified", §11) as the epoch itself.
            None => {
                e.quirk_lines.set(e.quirk_lines.get() + 1);
                e.line("  FRU Board Manufacturing Date/Time: 01/01/96 - 00:00:00".into());
            }
            Some(c) => e.line(format!(
                "  FRU Board Manufacturing Date/Time: {:02}/{:02}/{:02} - {:02}:{:02}:00",
                c.month,
                c.day,
                c.year % 100,
                c.hour,
                c.minute
            )),
        }
        e.field("Board Manufacturer", b.manufacturer());
        e.field("Board Product Name", b.product_name());
        e.field("Board Serial Number", b.serial_number());
        e.field("Board Part Number", b.part_number());
        e.field("FRU File ID", b.fru_file_id());
        for f in b.custom_fields() {
            e.field("Board Custom Info", f);
        }
    }
    if let Some(p) = image.product().unwrap() {
        e.field("Product Manufacturer Name", p.manufacturer());
        e.field("Product Name", p.product_name());
        e.field("Product Part/Model Number", p.part_number());
        e.field("Product Version", p.version());
        e.field("Product Serial Number", p.serial_number());
        e.field("Product Asset Tag", p.asset_tag());
        e.field("FRU File ID", p.fru_file_id());
        for f in p.custom_fields() {
            e.field("Product Custom Info", f);
        }
    }
    let yes = |b: bool| if b { "Yes" } else { "No" };
    let volts = |v: u8| {
        ["12V", "-12V", "5V", "3.3V"]
            .get(usize::from(v))
            .copied()
            .unwrap_or("")
    };
    for r in image.multi_records().into_iter().flatten() {
        match r.unwrap().decode().unwrap() {
            MultiRecordData::PowerSupplyInformation(p) => {
                let l = |s: String| format!("  FRU Power Supply {s}");
                // FreeIPMI reads the input voltages as signed.
                e.line(l(format!("Overall Capacity: {} Watts", p.overall_capacity)));
                e.line(l(format!("Peak VA: {} VA", p.peak_va)));
                e.line(l(format!("Max Inrush Current: {} Amps", p.inrush_current)));
                e.line(l(format!("Inrush Interval: {} ms", p.inrush_interval)));
                e.line(l(format!(
                    "Low End Input Voltage 1: {} mV",
                    psu_mv(&e.quirk_lines, p.low_input_voltage_1)
                )));
                e.line(l(format!(
                    "High End Input Voltage 1: {} mV",
                    psu_mv(&e.quirk_lines, p.high_input_voltage_1)
                )));
                e.line(l(format!(
                    "Low End Input Voltage 2: {} mV",
                    psu_mv(&e.quirk_lines, p.low_input_voltage_2)
                )));
                e.line(l(format!(
                    "High End Input Voltage 2: {} mV",
                    psu_mv(&e.quirk_lines, p.high_input_voltage_2)
                )));
                e.line(l(format!(
                    "Low End Acceptable Frequency: {} Hz",
                    p.low_input_frequency
                )));
                e.line(l(format!(
                    "High End Acceptable Frequency: {} Hz",
                    p.high_input_frequency
                )));
                e.line(l(format!(
                    "A/C Dropout Tolerance: {} ms",
                    p.input_dropout_tolerance
                )));
                let pf = p.flags.contains(PowerSupplyFlags::PREDICTIVE_FAIL_SUPPORT);
                e.line(l(format!("Predictive Fail Support: {}", yes(pf))));
                if pf {
                    let tach = p
                        .flags
                        .contains(PowerSupplyFlags::TACH_PULSES_PREDICTIVE_FAIL_POLARITY);
                    let text = match (tach, p.predictive_fail_tach_lower_threshold != 0) {
                        (true, true) => "Tach output, two pulses per rotation",
                        (true, false) => "Pass/Fail predictive fail pin (0 = fail)",
                        (false, true) => "Tach output, one pulse per rotation",
                        (false, false) => "Pass/Fail predictive fail pin (1 = fail)",
                    };
                    e.line(l(format!("Predictive Fail: {text}")));
                }
                e.line(l(format!(
                    "Power Factor Correction Supported: {}",
                    yes(p.flags.contains(PowerSupplyFlags::POWER_FACTOR_CORRECTION))
                )));
                e.line(l(format!(
                    "AutoSwitch Supprt: {}",
                    yes(p.flags.contains(PowerSupplyFlags::AUTOSWITCH))
                )));
                e.line(l(format!(
                    "Hot Swap Support: {}",
                    yes(p.flags.contains(PowerSupplyFlags::HOT_SWAP))
                )));
                if p.peak_wattage == 0x0FFF {
                    e.line(l("Peak Capacity: unspecified".into()));
                } else {
                    e.line(l(format!("Peak Capacity: {} Watts", p.peak_wattage)));
                }
                e.line(l(format!("Hold Up Time: {} s", p.hold_up_time)));
                e.line(l(format!("Voltage 1: {}", volts(p.combined_voltage_1))));
                e.line(l(format!("Voltage 2: {}", volts(p.combined_voltage_2))));
                e.line(l(format!(
                    "Total Combined Wattage: {} Watts",
                    p.total_combined_wattage
                )));
            }
            MultiRecordData::DcOutput(d) => {
                let l = |s: String| format!("  FRU DC Output {s}");
                e.line(l(format!("Output Number: {}", d.output_number)));
                e.line(l(format!("Output on Standy: {}", yes(d.standby))));
                e.line(l(format!(
                    "Nominal Voltage: {} mV",
                    dc_mv(&e.quirk_lines, d.nominal_voltage)
                )));
                e.line(l(format!(
                    "Maximum Negative Voltage Deviation: {} mV",
                    dc_mv(&e.quirk_lines, d.max_negative_deviation)
                )));
                e.line(l(format!(
                    "Maximum Positive Voltage Deviation: {} mV",
                    dc_mv(&e.quirk_lines, d.max_positive_deviation)
                )));
                e.line(l(format!(
                    "Ripple and Noise pk-pk: {} mV",
                    d.ripple_and_noise
                )));
                e.line(l(format!(
                    "Minimum Current Draw: {} mA",
                    d.min_current_draw
                )));
                e.line(l(format!(
                    "Maximum Current Draw: {} mA",
                    d.max_current_draw
                )));
            }
            MultiRecordData::DcLoad(d) => {
                let l = |s: String| format!("  FRU DC Load {s}");
                e.line(l(format!("Output Number: {}", d.output_number)));
                // FreeIPMI 1.6.10 as packaged shows DC voltages × 10 wrapped to 16 bits (an
                // overflow on its side).
                e.line(l(format!(
                    "Nominal Voltage: {} mV",
                    dc_mv(&e.quirk_lines, d.nominal_voltage)
                )));
                e.line(l(format!(
                    "Spec'd Minimum Voltage: {} mV",
                    dc_mv(&e.quirk_lines, d.min_voltage)
                )));
                e.line(l(format!(
                    "Spec'd Maximum Voltage: {} mV",
                    dc_mv(&e.quirk_lines, d.max_voltage)
                )));
                e.line(l(format!(
                    "Spec'd Ripple and Noise pk-pk: {} mV",
                    d.ripple_and_noise
                )));
                e.line(l(format!(
                    "Minimum Current Load: {} mA",
                    d.min_current_load
                )));
                e.line(l(format!(
                    "Maximum Current Load: {} mA",
                    d.max_current_load
                )));
            }
            MultiRecordData::Raw { .. } => {}
        }
    }
    e
}

/// FreeIPMI lines we compare: field, date and power record lines (not the chassis type and
/// language names, nor the records of other types that FreeIPMI decodes and we keep raw).
fn freeipmi_compared(line: &str) -> bool {
    const PREFIXES: [&str; 9] = [
        "  FRU Chassis Part Number:",
        "  FRU Chassis Serial Number:",
        "  FRU Chassis Custom Info:",
        "  FRU Board ",
        "  FRU FRU File ID:",
        "  FRU Product ",
        "  FRU Power Supply ",
        "  FRU DC Output ",
        "  FRU DC Load ",
    ];
    PREFIXES.iter().any(|p| line.starts_with(p)) && !line.contains(" Language: ")
}

#[test]
fn freeipmi_reads_our_images() {
    if !has("ipmi-fru", &["--version"]) {
        return skip("FreeIPMI ipmi-fru");
    }
    let dir = work_dir("freeipmi");
    let (mut lines, mut bcd, mut quirks, mut images_ok) = (0, 0, 0, 0);
    for (i, img) in images(0x5EED_F00D, false).iter().enumerate() {
        let path = dir.join(format!("{i}.fru"));
        std::fs::write(&path, img).unwrap();
        let out = Command::new("ipmi-fru")
            .arg("--fru-file")
            .arg(&path)
            .env("TZ", "UTC")
            .env("LC_ALL", "C")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "ipmi-fru failed on image {i}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let got: Vec<&str> = text.lines().filter(|l| freeipmi_compared(l)).collect();
        let want = freeipmi_expected(&FruImage::parse(img).unwrap());
        assert_lines(
            &got,
            &want.lines,
            &format!("image {i} ({})", path.display()),
        );
        lines += got.len();
        bcd += want.bcd_lines;
        quirks += want.quirk_lines.get();
        images_ok += 1;
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "FreeIPMI ipmi-fru: {images_ok} images, {lines} lines agree: {} with the same meaning, \
         {bcd} BCD plus lines as FreeIPMI reads them (one digit per byte), {quirks} date/voltage \
         lines as FreeIPMI shows them (date 0 as 1996-01-01, signed input voltages, DC voltages \
         wrapped to 16 bits)",
        lines - bcd - quirks
    );
}

// ---------------------------------------------------------------------------------------
// ipmitool

struct Bmc {
    child: Child,
    socket: PathBuf,
    fru: PathBuf,
}

impl Bmc {
    fn start(dir: &Path) -> Option<Self> {
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/fru/fru_dummy_bmc.py");
        let socket = dir.join("bmc.sock");
        let fru = dir.join("served.fru");
        std::fs::write(&fru, [1, 0, 0, 0, 0, 0, 0, 0xFF]).unwrap();
        let child = Command::new("python3")
            .arg(&script)
            .arg(&socket)
            .arg(&fru)
            .stdin(Stdio::null())
            .spawn()
            .ok()?;
        let start = Instant::now();
        while !socket.exists() {
            if start.elapsed() > Duration::from_secs(10) {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(Self { child, socket, fru })
    }

    fn ipmitool(&self, args: &[&str]) -> Vec<u8> {
        let out = Command::new("ipmitool")
            .args(["-I", "dummy"])
            .args(args)
            .env("IPMI_DUMMY_SOCK", &self.socket)
            .env("TZ", "UTC")
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        out.stdout
    }
}

impl Drop for Bmc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// ipmitool writes field bytes raw; read its output as ISO 8859-1 to compare with ours.
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

fn start_bmc(name: &str) -> Option<(PathBuf, Bmc)> {
    if !has("ipmitool", &["-V"]) || !has("python3", &["--version"]) {
        skip("ipmitool or python3");
        return None;
    }
    let dir = work_dir(name);
    match Bmc::start(&dir) {
        Some(bmc) => Some((dir, bmc)),
        None => {
            skip("the dummy BMC (tests/oracle/fru/fru_dummy_bmc.py)");
            None
        }
    }
}

#[test]
fn ipmitool_fru_print_matches_byte_for_byte() {
    let Some((dir, bmc)) = start_bmc("ipmitool") else {
        return;
    };
    let (mut images_ok, mut lines) = (0, 0);
    for (i, img) in images(0xF00D_5EED, false).iter().enumerate() {
        std::fs::write(&bmc.fru, img).unwrap();
        let image = FruImage::parse(img).unwrap();
        for verbose in [false, true] {
            let args: &[&str] = if verbose {
                &["-v", "fru", "print", "0"]
            } else {
                &["fru", "print", "0"]
            };
            let got = latin1(&bmc.ipmitool(args));
            let want = IpmitoolFruPrint::new(image, verbose).to_string();
            if got != want {
                let keep = dir.join(format!("mismatch-{i}.fru"));
                std::fs::write(&keep, img).unwrap();
                panic!(
                    "image {i} (kept as {}), verbose {verbose}:\n--- ipmitool\n{got}\n--- ours\n{want}",
                    keep.display()
                );
            }
            lines += got.lines().count();
        }
        images_ok += 1;
    }
    drop(bmc);
    std::fs::remove_dir_all(&dir).ok();
    println!("ipmitool fru print: {images_ok} images x 2 (plain and -v), {lines} lines identical");
}

/// What `ipmitool ekanalyzer frushow` shows of a field (its `get_fru_area_str`).
fn ek_value(f: Field<'_>) -> String {
    if f.is_empty() {
        return "None".into();
    }
    // The same text as `fru print` prints for a field; reuse our printer through a
    // one-field chassis area.
    let mut buf = [0u8; 128];
    let tl = f.type_length().0;
    let mut area = vec![0x01, 0x00, 0x00, tl];
    area.extend_from_slice(f.data());
    area.extend_from_slice(&[0xC0, 0xC1]);
    while (area.len() + 1) % 8 != 0 {
        area.push(0);
    }
    area[1] = ((area.len() + 1) / 8) as u8;
    let sum = zero_checksum(&area);
    area.push(sum);
    let header = CommonHeaderRepr {
        chassis: 1,
        ..CommonHeaderRepr::default()
    }
    .to_bytes();
    buf[..8].copy_from_slice(&header);
    buf[8..8 + area.len()].copy_from_slice(&area);
    let image = FruImage::parse(&buf[..8 + area.len()]).unwrap();
    let text = IpmitoolFruPrint::new(image, false).to_string();
    text.lines()
        .find_map(|l| l.strip_prefix(" Chassis Part Number   : "))
        .unwrap_or("")
        .to_string()
}

fn ek_expected(image: &FruImage<'_>) -> Vec<String> {
    let mut v = Vec::new();
    let h = image.header();
    v.push(format!("Internal Use Offset     :0x{:02x}", h.internal_use));
    v.push(format!("Chassis Info Offset     :0x{:02x}", h.chassis));
    v.push(format!("Board Info Offset       :0x{:02x}", h.board));
    v.push(format!("Product Info Offset     :0x{:02x}", h.product));
    v.push(format!("MultiRecord Offset      :0x{:02x}", h.multi_record));
    v.push(format!(
        "Common header Checksum  :0x{:02x}",
        image.as_bytes()[7]
    ));
    if let Some(iu) = image.internal_use().unwrap() {
        v.push(format!("Length: {}", iu.data().len()));
        let mut dump = String::new();
        for b in iu.data() {
            write!(dump, "0x{b:02x} ").unwrap();
        }
        v.push(dump);
    }
    let fields = |v: &mut Vec<String>,
                  labels: &[&str],
                  fs: &[Field<'_>],
                  custom: CustomFields<'_>,
                  checksum: u8| {
        for (label, f) in labels.iter().zip(fs) {
            if !f.is_empty() {
                v.push(format!("{label} type: 0x{:02x}", f.type_length().0));
            }
            v.push(format!("{label}: {}", ek_value(*f)));
        }
        for f in custom {
            v.push(format!(
                "Additional Custom Mfg. length: 0x{:02x}",
                f.type_length().0
            ));
            v.push(format!("Additional Custom Mfg. Data: {}", ek_value(f)));
        }
        v.push(format!("Checksum: 0x{checksum:02x}"));
    };
    if let Some(c) = image.chassis().unwrap() {
        v.push(format!("Area Length: {}", c.as_bytes().len()));
        v.push(format!("Chassis Type: {}", c.chassis_type().0));
        fields(
            &mut v,
            &["Chassis Part Number", "Chassis Serial Number"],
            &[c.part_number(), c.serial_number()],
            c.custom_fields(),
            c.checksum(),
        );
    }
    if let Some(b) = image.board().unwrap() {
        v.push(format!("Area Length: {}", b.as_bytes().len()));
        v.push(format!("Language Code: {}", b.language().0));
        let t = b.mfg_date_time();
        match t.civil() {
            None => v.push("Board Mfg Date: 0, Unspecified".into()),
            Some(c) => v.push(format!(
                "Board Mfg Date: {}, {:02}/{:02}/{:02} {:02}:{:02}:00 UTC",
                t.unix_seconds().unwrap(),
                c.month,
                c.day,
                c.year % 100,
                c.hour,
                c.minute
            )),
        }
        fields(
            &mut v,
            &[
                "Board Manufacture Data",
                "Board Product Name",
                "Board Serial Number",
                "Board Part Number",
                "FRU File ID",
            ],
            &[
                b.manufacturer(),
                b.product_name(),
                b.serial_number(),
                b.part_number(),
                b.fru_file_id(),
            ],
            b.custom_fields(),
            b.checksum(),
        );
    }
    if let Some(p) = image.product().unwrap() {
        v.push(format!("Area Length: {}", p.as_bytes().len()));
        v.push(format!("Language Code: {}", p.language().0));
        fields(
            &mut v,
            &[
                "Product Manufacture Data",
                "Product Name",
                "Product Part/Model Number",
                "Product Version",
                "Product Serial Number",
                "Asset Tag",
                "FRU File ID",
            ],
            &[
                p.manufacturer(),
                p.product_name(),
                p.part_number(),
                p.version(),
                p.serial_number(),
                p.asset_tag(),
                p.fru_file_id(),
            ],
            p.custom_fields(),
            p.checksum(),
        );
    }
    for r in image.multi_records().into_iter().flatten() {
        let r = r.unwrap();
        // ekanalyzer leaves out records without data.
        if r.data().is_empty() {
            continue;
        }
        v.push(format!("Record Type ID: 0x{:02x}", r.record_type().to_u8()));
        v.push(format!("Record Format version: 0x{:02x}", r.header()[1]));
    }
    v
}

/// ekanalyzer lines we compare (the ones [`ek_expected`] produces).
fn ek_compared(line: &str) -> bool {
    const PREFIXES: [&str; 20] = [
        "Internal Use Offset",
        "Chassis Info Offset",
        "Board Info Offset",
        "Product Info Offset",
        "MultiRecord Offset",
        "Common header Checksum",
        "Length: ",
        "0x",
        "Area Length: ",
        "Chassis Type: ",
        "Chassis ",
        "Board ",
        "Product ",
        "Asset Tag",
        "FRU File ID",
        "Additional Custom Mfg.",
        "Checksum: ",
        "Language Code: ",
        "Record Type ID: ",
        "Record Format version: ",
    ];
    PREFIXES.iter().any(|p| line.starts_with(p)) && !line.ends_with(" Info Area")
}

#[test]
fn ipmitool_ekanalyzer_reads_our_images() {
    let Some((dir, bmc)) = start_bmc("ekanalyzer") else {
        return;
    };
    let (mut images_ok, mut lines) = (0, 0);
    for (i, img) in images(0x0EC0_A11E, false).iter().enumerate() {
        let path = dir.join(format!("{i}.fru"));
        std::fs::write(&path, img).unwrap();
        let arg = format!("oc={}", path.display());
        let out = latin1(&bmc.ipmitool(&["ekanalyzer", "frushow", &arg]));
        // An empty internal use dump prints an empty line; keep it comparable.
        let got: Vec<String> = out
            .lines()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    l.to_string()
                }
            })
            .filter(|l| ek_compared(l))
            .collect();
        let mut want = ek_expected(&FruImage::parse(img).unwrap());
        want.retain(|l| ek_compared(l));
        assert_lines(&got, &want, &format!("image {i} ({})", path.display()));
        lines += got.len();
        images_ok += 1;
    }
    drop(bmc);
    std::fs::remove_dir_all(&dir).ok();
    println!("ipmitool ekanalyzer frushow: {images_ok} images, {lines} lines agree");
}

// ---------------------------------------------------------------------------------------
// The Python `fru` package, both ways. Python prints one `index<TAB>area<TAB>key<TAB>hex`
// line per value (text as ISO 8859-1 bytes, numbers in decimal), so no JSON is needed here.

fn has_python_fru() -> bool {
    has("python3", &["-c", "import fru.fru_format"])
}

/// Shared Python helper: `emit(i, area, key, value)` prints one line.
const PY_EMIT: &str = r#"
def emit(i, area, key, value):
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        value = value.encode("latin-1")
    print("%d\t%s\t%s\t%s" % (i, area, key, bytes(value).hex()))
"#;

type Values = std::collections::HashMap<(usize, String, String), Vec<u8>>;

fn read_values(stdout: &[u8]) -> Values {
    let mut map = Values::new();
    for line in String::from_utf8_lossy(stdout).lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        assert_eq!(parts.len(), 4, "{line}");
        let hex = parts[3];
        let bytes = (0..hex.len() / 2)
            .map(|k| u8::from_str_radix(&hex[2 * k..2 * k + 2], 16).unwrap())
            .collect();
        map.insert(
            (
                parts[0].parse().unwrap(),
                parts[1].to_string(),
                parts[2].to_string(),
            ),
            bytes,
        );
    }
    map
}

fn value<'m>(map: &'m Values, i: usize, area: &str, key: &str) -> Option<&'m [u8]> {
    map.get(&(i, area.to_string(), key.to_string()))
        .map(Vec::as_slice)
}

fn number(map: &Values, i: usize, area: &str, key: &str) -> u64 {
    std::str::from_utf8(value(map, i, area, key).unwrap())
        .unwrap()
        .parse()
        .unwrap()
}

fn run_python(script: &str, args: &[&str], stdin: &str) -> Vec<u8> {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(format!("{PY_EMIT}\n{script}"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), stdin.as_bytes()).unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python failed");
    out.stdout
}

#[test]
fn python_fru_reads_our_images() {
    if !has_python_fru() {
        return skip("the Python package `fru` (pip install fru)");
    }
    let dir = work_dir("pyfru-load");
    let imgs = images(0x000F_F1CE, true);
    let mut list = String::new();
    for (i, img) in imgs.iter().enumerate() {
        let path = dir.join(format!("{i}.fru"));
        std::fs::write(&path, img).unwrap();
        writeln!(list, "{}", path.display()).unwrap();
    }
    let script = r#"
import sys
from fru import fru_format
for i, path in enumerate(sys.stdin.read().split()):
    d = fru_format.load(path=path)
    for area in ("chassis", "board", "product"):
        for key, v in d.get(area, {}).items():
            if isinstance(v, (int, str)):
                emit(i, area, key, v)
"#;
    let map = read_values(&run_python(script, &[], &list));
    let mut compared = 0;
    for (i, img) in imgs.iter().enumerate() {
        let image = FruImage::parse(img).unwrap();
        let mut check = |area: &str, key: &str, f: Field<'_>| {
            let got = value(&map, i, area, key).unwrap_or(&[]);
            assert_eq!(latin1(got), f.to_string(), "image {i} {area}.{key}");
            compared += 1;
        };
        if let Some(c) = image.chassis().unwrap() {
            assert_eq!(
                number(&map, i, "chassis", "type"),
                u64::from(c.chassis_type().0)
            );
            check("chassis", "part_number", c.part_number());
            check("chassis", "serial_number", c.serial_number());
        }
        if let Some(b) = image.board().unwrap() {
            assert_eq!(
                number(&map, i, "board", "mfg_date_time"),
                u64::from(b.mfg_date_time().minutes())
            );
            check("board", "manufacturer", b.manufacturer());
            check("board", "product_name", b.product_name());
            check("board", "serial_number", b.serial_number());
            check("board", "part_number", b.part_number());
            check("board", "fru_file_id", b.fru_file_id());
        }
        if let Some(p) = image.product().unwrap() {
            check("product", "manufacturer", p.manufacturer());
            check("product", "product_name", p.product_name());
            check("product", "part_number", p.part_number());
            check("product", "product_version", p.version());
            check("product", "serial_number", p.serial_number());
            check("product", "asset_tag", p.asset_tag());
            check("product", "fru_file_id", p.fru_file_id());
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "python fru.load: {} images, {compared} fields agree",
        imgs.len()
    );
}

#[test]
fn we_read_python_fru_images() {
    if !has_python_fru() {
        return skip("the Python package `fru` (pip install fru)");
    }
    let dir = work_dir("pyfru-dump");
    // Python writes images from seeded values with fru.dump and prints the values.
    let script = r#"
import random, string, sys
from fru import fru_format
rng = random.Random(int(sys.argv[2]))
alphabet = string.ascii_letters + string.digits + " -._/#"
def text():
    n = rng.choice([0, 2, 3, 7, 15, 30])
    return "".join(rng.choice(alphabet) for _ in range(n))
def customs():
    return [t for t in (text() for _ in range(rng.randrange(3))) if t]
for i in range(int(sys.argv[3])):
    data = {"common": {"format_version": 1, "size": 1024}}
    if rng.random() < 0.3:
        data["internal"] = {"data": bytes(rng.randrange(256) for _ in range(8 * rng.randrange(1, 3) - 1))}
    if rng.random() < 0.8:
        data["chassis"] = {"type": rng.randrange(0x24), "part_number": text(), "serial_number": text(),
                           "custom_fields": customs()}
    if rng.random() < 0.8:
        data["board"] = {"language_code": rng.choice([0, 25]), "mfg_date_time": rng.randrange(1 << 24),
                         "manufacturer": text(), "product_name": text(), "serial_number": text(),
                         "part_number": text(), "fru_file_id": text(), "custom_fields": customs()}
    if rng.random() < 0.8:
        data["product"] = {"language_code": rng.choice([0, 25]), "manufacturer": text(), "product_name": text(),
                           "part_number": text(), "product_version": text(), "serial_number": text(),
                           "asset_tag": text(), "fru_file_id": text(), "custom_fields": customs()}
    open("%s/%d.fru" % (sys.argv[1], i), "wb").write(fru_format.dump(data))
    for area in ("internal", "chassis", "board", "product"):
        emit(i, area, "present", int(area in data))
        for key, v in data.get(area, {}).items():
            if isinstance(v, list):
                emit(i, area, "custom_count", len(v))
                for n, t in enumerate(v):
                    emit(i, area, "custom%d" % n, t)
            else:
                emit(i, area, key, v)
"#;
    let count = image_count();
    let out = run_python(
        script,
        &[&dir.display().to_string(), "20240601", &count.to_string()],
        "",
    );
    let map = read_values(&out);
    let (mut images_ok, mut fields, mut custom_fields) = (0, 0, 0);
    for i in 0..count {
        let path = dir.join(format!("{i}.fru"));
        let bytes = std::fs::read(&path).unwrap();
        let image = FruImage::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let present = |area: &str| number(&map, i, area, "present") == 1;
        let mut check = |area: &str, key: &str, f: Field<'_>| {
            let want = latin1(value(&map, i, area, key).unwrap());
            if want.is_empty() {
                assert!(f.is_empty(), "{} {area}.{key}", path.display());
            } else {
                assert_eq!(
                    f.encoding(),
                    FieldEncoding::Latin1,
                    "{} {area}.{key}",
                    path.display()
                );
                assert_eq!(
                    f.text().unwrap().collect::<String>(),
                    want,
                    "{} {area}.{key}",
                    path.display()
                );
            }
            fields += 1;
        };
        let customs = |area: &str, got: CustomFields<'_>| {
            let n = number(&map, i, area, "custom_count") as usize;
            let want: Vec<String> = (0..n)
                .map(|k| latin1(value(&map, i, area, &format!("custom{k}")).unwrap()))
                .collect();
            let got: Vec<String> = got.map(|f| f.to_string()).collect();
            assert_eq!(got, want, "{} {area} custom fields", path.display());
            n
        };
        assert_eq!(image.internal_use().unwrap().is_some(), present("internal"));
        if let Some(iu) = image.internal_use().unwrap() {
            let want = value(&map, i, "internal", "data").unwrap();
            assert_eq!(
                &iu.data()[..want.len()],
                want,
                "{} internal use",
                path.display()
            );
        }
        assert_eq!(image.chassis().unwrap().is_some(), present("chassis"));
        if let Some(c) = image.chassis().unwrap() {
            assert_eq!(
                number(&map, i, "chassis", "type"),
                u64::from(c.chassis_type().0)
            );
            check("chassis", "part_number", c.part_number());
            check("chassis", "serial_number", c.serial_number());
            custom_fields += customs("chassis", c.custom_fields());
        }
        assert_eq!(image.board().unwrap().is_some(), present("board"));
        if let Some(b) = image.board().unwrap() {
            assert_eq!(
                number(&map, i, "board", "language_code"),
                u64::from(b.language().0)
            );
            assert_eq!(
                number(&map, i, "board", "mfg_date_time"),
                u64::from(b.mfg_date_time().minutes())
            );
            check("board", "manufacturer", b.manufacturer());
            check("board", "product_name", b.product_name());
            check("board", "serial_number", b.serial_number());
            check("board", "part_number", b.part_number());
            check("board", "fru_file_id", b.fru_file_id());
            custom_fields += customs("board", b.custom_fields());
        }
        assert_eq!(image.product().unwrap().is_some(), present("product"));
        if let Some(p) = image.product().unwrap() {
            check("product", "manufacturer", p.manufacturer());
            check("product", "product_name", p.product_name());
            check("product", "part_number", p.part_number());
            check("product", "product_version", p.version());
            check("product", "serial_number", p.serial_number());
            check("product", "asset_tag", p.asset_tag());
            check("product", "fru_file_id", p.fru_file_id());
            custom_fields += customs("product", p.custom_fields());
        }
        images_ok += 1;
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "python fru.dump images read by us: {images_ok} images, {} fields agree",
        fields + custom_fields
    );
}
