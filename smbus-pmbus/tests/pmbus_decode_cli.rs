//! The `pmbus-decode` example: hex and sigrok input, options, exit status and messages. Cargo
//! builds examples before running integration tests, so the binary sits next to this test's
//! directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir
        .join("examples")
        .join(format!("pmbus-decode{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} not built", bin.display());
    bin
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(example())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn hex_lines_from_stdin_with_device_and_vout_mode() {
    let o = run(
        &["--device", "10=adm1272", "--vout-mode", "58=17"],
        "# poll\nR 58 8B 07 18\nR 10 88 6D 07 C4\nR 10 88 6D 07 C5\n",
    );
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        stdout(&o),
        "58 read  READ_VOUT (8Bh) = 12.014 V [1807h ULINEAR16 2^-9]\n\
         10 read  READ_VIN (88h) = 46.800 V [076Dh DIRECT m=4062 b=0 R=-2]  PEC ok\n\
         10 read  READ_VIN (88h) = 46.800 V [076Dh DIRECT m=4062 b=0 R=-2]  PEC BAD (got C5h, expected C4h)\n"
    );
}

#[test]
fn sigrok_detected_and_decoded() {
    let capture = "i2c-1: Start\ni2c-1: Write\ni2c-1: Address write: 58\ni2c-1: ACK\n\
                   i2c-1: Data write: 03\ni2c-1: ACK\ni2c-1: Stop\n\
                   i2c-1: Start\ni2c-1: Write\ni2c-1: Address write: 38\ni2c-1: NACK\ni2c-1: Stop\n";
    let o = run(&[], capture);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        stdout(&o),
        "58 write CLEAR_FAULTS (03h)\n38 NACK (no device answered)\n"
    );
}

#[test]
fn bad_lines_are_reported_and_skipped() {
    let o = run(&[], "R 58 79 00 00\n58 zz\nR 99 01\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "58 read  STATUS_WORD (79h) = 0000h\n");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("line 2: column 4: not a hex byte"), "{err}");
    assert!(
        err.contains("line 3: address 99h is not a 7-bit address"),
        "{err}"
    );
}

#[test]
fn bad_arguments() {
    for args in [
        &["--device", "58=nope"][..],
        &["--vout-mode", "58"],
        &["--bogus"],
        &["a", "b"],
    ] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8(o.stderr)
                .unwrap()
                .contains("usage: pmbus-decode")
        );
    }
    let o = run(&["/nonexistent/capture.txt"], "");
    assert_eq!(o.status.code(), Some(1));
}

/// B10: a comment that mentions `i2c:` does not switch to sigrok mode; hex lines are decoded.
#[test]
fn comment_with_i2c_stays_hex() {
    let o = run(
        &[],
        "# capture of i2c: bus 3, PSU at 58h\nR 58 88 9C F3\nW 58 03\n",
    );
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        stdout(&o),
        "58 read  READ_VIN (88h) = 231.000 V [F39Ch LINEAR11, assumed]\n\
         58 write CLEAR_FAULTS (03h)\n"
    );
}

/// B10: in sigrok mode, a line that is no I2C annotation is a bad line (exit 1); the
/// annotations without data (bits, Write/Read, ACK) and comments are not.
#[test]
fn sigrok_mode_reports_foreign_lines() {
    let capture = "# sigrok-cli -P i2c\ni2c-1: Start\ni2c-1: 0\ni2c-1: 1\ni2c-1: Write\n\
                   i2c-1: Address write: 58\ni2c-1: ACK\ni2c-1: Data write: 03\ni2c-1: ACK\n\
                   i2c-1: Stop\n";
    let o = run(&[], capture);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "58 write CLEAR_FAULTS (03h)\n");
    assert!(o.stderr.is_empty(), "{o:?}");

    let o = run(&[], &format!("{capture}R 58 03\ni2c-1: Bogus: 12\n"));
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("line 11: not an I2C annotation") && err.contains("line 12: not an I2C"),
        "{err}"
    );
    // Forced sigrok mode: a hex line is not data.
    let o = run(&["--sigrok"], "R 58 03\n");
    assert_eq!(o.status.code(), Some(1), "{o:?}");
}

/// R5: `--vout-mode` applies to every page.
#[test]
fn vout_mode_option_covers_all_pages() {
    let o = run(&["--vout-mode", "40=17"], "W 40 00 09\nR 40 8B 07 18\n");
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        stdout(&o),
        "40 write PAGE (00h) = 09h\n40 read  p9 READ_VOUT (8Bh) = 12.014 V [1807h ULINEAR16 2^-9]\n"
    );
}
