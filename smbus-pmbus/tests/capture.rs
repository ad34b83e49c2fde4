//! The capture decoder behind `pmbus-decode`: one case per transaction type, with and without
//! PEC, direction inference, what the decoder learns from the bus, and sigrok input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use smbus_pmbus::capture::{Decoder, Direction, PecVerdict, SigrokParser, parse_line};
use smbus_pmbus::device::catalog;

/// Reference CRC-8/SMBUS, independent of the crate.
fn crc8(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0u8, |mut crc, &b| {
        crc ^= b;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 {
                (crc << 1) ^ 0x07
            } else {
                crc << 1
            };
        }
        crc
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A read line with a correct PEC appended.
fn read_line(addr: u8, written: &[u8], read: &[u8]) -> String {
    let mut all = vec![addr << 1];
    all.extend_from_slice(written);
    all.push((addr << 1) | 1);
    all.extend_from_slice(read);
    format!(
        "R {addr:02X} {} {} {:02X}",
        hex(written),
        hex(read),
        crc8(&all)
    )
}

/// A write line with a correct PEC appended.
fn write_line(addr: u8, bytes: &[u8]) -> String {
    let mut all = vec![addr << 1];
    all.extend_from_slice(bytes);
    format!("W {addr:02X} {} {:02X}", hex(bytes), crc8(&all))
}

fn decode_all(decoder: &mut Decoder, lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| decoder.decode(&parse_line(l).unwrap().unwrap()).to_string())
        .collect()
}

#[test]
fn every_transaction_type_with_pec() {
    let a = 0x58;
    let lines = [
        write_line(a, &[0x03]),                                 // send byte
        write_line(a, &[0x01, 0x80]),                           // write byte
        read_line(a, &[0x01], &[0x80]),                         // read byte
        write_line(a, &[0x21, 0x00, 0x18]),                     // write word (VOUT_COMMAND)
        read_line(a, &[0x79], &[0x00, 0x00]),                   // read word (status)
        read_line(a, &[0x9A], &[0x03, b'P', b'S', b'U']),       // block read
        write_line(a, &[0x9E, 0x02, b'S', b'N']),               // block write
        read_line(a, &[0x1A, 0x01, 0x88], &[0x01, 0xB0]),       // block process call (QUERY)
        read_line(a, &[0xFE, 0x12], &[0x34, 0x56]),             // extended MFR command
        read_line(a, &[0x86], &[6, 0x10, 0x00, 1, 0x20, 0, 0]), // READ_EIN block
    ];
    let out = decode_all(&mut Decoder::new(), &lines);
    let expected = [
        "58 write CLEAR_FAULTS (03h)  PEC ok",
        "58 write OPERATION (01h) = 80h  PEC ok",
        "58 read  OPERATION (01h) = 80h  PEC ok",
        "58 write VOUT_COMMAND (21h) = 1800h (VOUT_MODE not seen; give it with --vout-mode)  PEC ok",
        "58 read  STATUS_WORD (79h) = 0000h  PEC ok",
        "58 read  MFR_MODEL (9Ah) = \"PSU\"  PEC ok",
        "58 write MFR_SERIAL (9Eh) = \"SN\"  PEC ok",
        "58 read  QUERY (1Ah) = B0h  PEC ok",
        "58 read  MFR_SPECIFIC_COMMAND_EXT (FEh 12h) = 34 56  PEC ok (device-defined length: last byte taken as PEC)",
        "58 read  READ_EIN (86h) = accumulator 0010h, rollover 1, 32 samples  PEC ok",
    ];
    for (got, want) in out.iter().zip(expected) {
        assert_eq!(got, want);
    }
}

#[test]
fn wrong_pec_and_wrong_lengths() {
    let a = 0x58;
    let mut d = Decoder::new();
    let mut line = read_line(a, &[0x79], &[0x00, 0x00]);
    line.truncate(line.len() - 2);
    line.push_str("00");
    let t = parse_line(&line).unwrap().unwrap();
    let decoded = d.decode(&t);
    assert!(
        matches!(decoded.pec, PecVerdict::Bad { received: 0x00, .. }),
        "{decoded}"
    );
    assert!(decoded.to_string().contains("PEC BAD (got 00h, expected "));
    // One byte short of a word.
    let t = parse_line("R 58 79 00").unwrap().unwrap();
    assert!(d.decode(&t).to_string().contains("too few bytes"));
    // A block whose count says more than was captured.
    let t = parse_line("R 58 99 05 41 42").unwrap().unwrap();
    assert!(d.decode(&t).to_string().contains("too few bytes"));
    // Two bytes after a word: not a PEC.
    let t = parse_line("R 58 79 00 00 11 22").unwrap().unwrap();
    assert_eq!(d.decode(&t).pec, PecVerdict::Extra(2));
}

#[test]
fn direction_inferred_from_table_and_pec() {
    let a = 0x58;
    let mut d = Decoder::new();
    // Read-only command: a read.
    let t = parse_line("58 88 9C F3").unwrap().unwrap();
    assert_eq!(d.decode(&t).direction, Direction::WriteRead);
    // Send-byte-only command: a write.
    let t = parse_line("58 03").unwrap().unwrap();
    assert_eq!(d.decode(&t).direction, Direction::Write);
    // Read/write command: the PEC decides.
    let w = write_line(a, &[0x01, 0x80]);
    let t = parse_line(&w[2..]).unwrap().unwrap();
    assert_eq!(d.decode(&t).direction, Direction::Write);
    let r = read_line(a, &[0x01], &[0x80]);
    let t = parse_line(&r[2..]).unwrap().unwrap();
    assert_eq!(d.decode(&t).direction, Direction::WriteRead);
    // Neither: left undecided, and said so.
    let t = parse_line("58 01 80").unwrap().unwrap();
    let decoded = d.decode(&t);
    assert_eq!(decoded.direction, Direction::Unspecified);
    assert_eq!(decoded.to_string(), "58 r/w?  OPERATION (01h) = 80h");
}

#[test]
fn decoder_follows_page_and_vout_mode() {
    let a = 0x60;
    let mut d = Decoder::new();
    d.set_device(a, catalog::ISL68224);
    let out = decode_all(
        &mut d,
        &[
            "W 60 00 01".into(),
            "R 60 20 40".into(),
            "R 60 8B 4C 04".into(),
            "W 60 00 00".into(),
            "R 60 8B 4C 04".into(),
            "R 60 88 A9 04".into(),
            "R 60 88 FF FF".into(),
        ],
    );
    assert_eq!(
        out[2],
        "60 read  READ_VOUT (8Bh) = 1.100 V [044Ch DIRECT m=1 b=0 R=3]"
    );
    // Page 0's VOUT_MODE was never seen.
    assert!(out[4].contains("VOUT_MODE not seen"), "{}", out[4]);
    assert_eq!(
        out[5],
        "60 read  READ_VIN (88h) = 11.930 V [04A9h DIRECT m=1 b=0 R=2]"
    );
    assert_eq!(
        out[6],
        "60 read  READ_VIN (88h) = -0.010 V [FFFFh DIRECT m=1 b=0 R=2]"
    );
}

#[test]
fn status_bits_named_from_high_to_low() {
    let mut d = Decoder::new();
    let t = parse_line("R 58 79 43 08").unwrap().unwrap();
    assert_eq!(
        d.decode(&t).to_string(),
        "58 read  STATUS_WORD (79h) = 0843h [POWER_GOOD# OFF CML NONE_OF_THE_ABOVE]"
    );
    let t = parse_line("R 58 7D C0").unwrap().unwrap();
    assert_eq!(
        d.decode(&t).to_string(),
        "58 read  STATUS_TEMPERATURE (7Dh) = C0h [OT_FAULT OT_WARNING]"
    );
}

#[test]
fn receive_byte_alert_response_and_nack() {
    let mut d = Decoder::new();
    let mut p = SigrokParser::new();
    let mut out = Vec::new();
    let capture = "\
i2c-1: Start\ni2c-1: Read\ni2c-1: Address read: 0C\ni2c-1: ACK\ni2c-1: Data read: B0\ni2c-1: NACK\ni2c-1: Stop\n\
i2c-1: Start\ni2c-1: Write\ni2c-1: Address write: 38\ni2c-1: NACK\ni2c-1: Stop\n\
i2c-1: Start\ni2c-1: Read\ni2c-1: Address read: 58\ni2c-1: ACK\ni2c-1: Data read: 5A\ni2c-1: NACK\ni2c-1: Stop\n";
    for line in capture.lines() {
        if let Some(t) = p.push_line(line).unwrap() {
            out.push(d.decode(&t).to_string());
        }
    }
    assert_eq!(
        out,
        [
            "0C read  ALERT RESPONSE = alert from 58h",
            "38 NACK (no device answered)",
            "58 read  RECEIVE BYTE = 5Ah",
        ]
    );
}

/// A whole sigrok capture of a PSU poll with PEC, as `pmbus-decode` would read it.
#[test]
fn sigrok_psu_poll() {
    let a = 0x58u8;
    let mut text = String::new();
    let mut polls = Vec::new();
    for (cmd, data) in [
        (0x20u8, vec![0x17u8]),
        (0x8B, vec![0x07, 0x18]),
        (0x88, vec![0x9C, 0xF3]),
    ] {
        let mut all = vec![a << 1, cmd, (a << 1) | 1];
        all.extend_from_slice(&data);
        let pec = crc8(&all);
        text += &format!(
            "i2c-1: Start\ni2c-1: Write\ni2c-1: Address write: {a:02X}\ni2c-1: ACK\n\
             i2c-1: Data write: {cmd:02X}\ni2c-1: ACK\ni2c-1: Start repeat\ni2c-1: Read\n\
             i2c-1: Address read: {a:02X}\ni2c-1: ACK\n"
        );
        for b in data.iter().chain([&pec]) {
            text += &format!("i2c-1: Data read: {b:02X}\ni2c-1: ACK\n");
        }
        text += "i2c-1: Stop\n";
        polls.push(cmd);
    }
    let mut d = Decoder::new();
    let mut p = SigrokParser::new();
    let out: Vec<_> = text
        .lines()
        .filter_map(|l| p.push_line(l).unwrap())
        .map(|t| d.decode(&t).to_string())
        .collect();
    assert_eq!(
        out,
        [
            "58 read  VOUT_MODE (20h) = 17h (ULINEAR16, exponent -9)  PEC ok",
            "58 read  READ_VOUT (8Bh) = 12.014 V [1807h ULINEAR16 2^-9]  PEC ok",
            "58 read  READ_VIN (88h) = 231.000 V [F39Ch LINEAR11, assumed]  PEC ok",
        ]
    );
}

/// How an `R` line splits written and read bytes: extended commands and block process calls
/// write more than the command code; `/` makes the split explicit.
#[test]
fn read_line_split() {
    let t = parse_line("R 58 FE 12 34 56").unwrap().unwrap();
    assert_eq!(
        (t.written(), t.read()),
        (&[0xFE, 0x12][..], &[0x34, 0x56][..])
    );
    let t = parse_line("R 58 1A 01 88 01 B0").unwrap().unwrap();
    assert_eq!(
        (t.written(), t.read()),
        (&[0x1A, 0x01, 0x88][..], &[0x01, 0xB0][..])
    );
    let t = parse_line("58 30 02 8B 01 / 05 DE 0F 00 00 FE")
        .unwrap()
        .unwrap();
    assert_eq!(t.direction(), Direction::WriteRead);
    assert_eq!(t.written(), &[0x30, 0x02, 0x8B, 0x01]);
    assert_eq!(
        Decoder::new().decode(&t).to_string(),
        "58 read  COEFFICIENTS (30h) = m=4062 b=0 R=-2"
    );
    assert!(parse_line("W 58 01 / 80").is_err());
    assert!(parse_line("58 01 / 80 / 81").is_err());
}
