//! The `sel-decode` example: formats, exit status and messages. Cargo builds examples
//! before running integration tests, so the binary sits next to this test's directory.

#![cfg(feature = "serde")] // the example needs it
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir
        .join("examples")
        .join(format!("sel-decode{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} not built", bin.display());
    bin
}

fn run(args: &[&str]) -> Output {
    Command::new(example()).args(args).output().unwrap()
}

const TWO: [u8; 32] = [
    0x4d, 0x00, 0x02, 0x0d, 0x2b, 0x00, 0x00, 0x20, 0x00, 0x04, 0x22, 0x01, 0x6f, 0x05, 0xff,
    0xff, //
    0x4e, 0x00, 0x02, 0x00, 0x00, 0x00, 0x60, 0x20, 0x00, 0x04, 0x01, 0x30, 0x01, 0x59, 0x5a, 0x55,
];

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("sel-decode-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn formats() {
    let file = temp("two.bin", &TWO);
    let f = file.to_str().unwrap();
    let out = run(&[f]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "  4d |  Pre-Init  |0000011021| System ACPI Power State #0x01 | S5/G2: soft-off | Asserted\n  \
         4e | 01/14/21 | 08:25:36 UTC | Temperature #0x30 | Upper Critical going high | Asserted\n"
    );
    let sensors = temp("sensors.txt", b"# owner number type name unit m b k1 k2\n20 01 22 ACPI_STATUS\n0x20 0x30 0x01 CPU_TEMP 1 1 0 0 0\n");
    let out = run(&[
        f,
        "--format",
        "elist",
        "--sensors",
        sensors.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "  4d |  Pre-Init  |0000011021| System ACPI Power State ACPI_STATUS | S5/G2: soft-off | Asserted\n  \
         4e | 01/14/21 | 08:25:36 UTC | Temperature CPU_TEMP | Upper Critical going high | Asserted | Reading 90 > Threshold 85 degrees C\n"
    );
    let out = run(&[f, "--format", "verbose"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("SEL Record ID          : ").count(), 2);
    assert!(text.contains(" Timestamp             : 01/14/21 08:25:36 UTC\n"));
    let out = run(&[f, "--format", "json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["Message"], "S5/G2: soft-off");
    assert_eq!(lines[1]["EntryCode"], "Upper Critical - going high");
    assert_eq!(lines[1]["Severity"], "Critical");
    let _ = std::fs::remove_file(file);
    let _ = std::fs::remove_file(sensors);
}

#[test]
fn truncated_file_prints_whole_records_then_fails() {
    let file = temp("trunc.bin", &TWO[..27]);
    let out = run(&[file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("truncated SEL record at byte offset 16 (0x10): 11 of 16 bytes present"),
        "{err}"
    );
    let _ = std::fs::remove_file(file);
}

#[test]
fn unreadable_path_and_bad_arguments() {
    let out = run(&["/nonexistent/sel.bin"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("/nonexistent/sel.bin: No such file")
    );
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("missing FILE")
    );
    let out = run(&["x.bin", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("unknown format \"csv\"")
    );
}
