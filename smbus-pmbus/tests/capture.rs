//! The capture decoder behind `pmbus-decode`: one case per transaction type, with and without
//! PEC, direction inference, what the decoder learns from the bus, and sigrok input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;
use support::crc8;

use smbus_pmbus::capture::{
    CaptureError, Decoder, Direction, PecVerdict, SigrokParser, parse_line,
};
use smbus_pmbus::device::catalog;

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
    assert_eq!(out.len(), 10);
    let expected = [
        "58 write CLEAR_FAULTS (03h)  PEC ok",
        "58 write OPERATION (01h) = 80h  PEC ok",
        "58 read  OPERATION (01h) = 80h  PEC ok",
        "58 write VOUT_COMMAND (21h) = 1800h (VOUT_MODE not seen)  PEC ok",
        "58 read  STATUS_WORD (79h) = 0000h  PEC ok",
        "58 read  MFR_MODEL (9Ah) = \"PSU\"  PEC ok",
        "58 write MFR_SERIAL (9Eh) = \"SN\"  PEC ok",
        "58 read  QUERY (1Ah) = B0h for READ_VIN (88h): supported, readable, unsigned 8-bit  PEC ok",
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
        "60 read  p1 READ_VOUT (8Bh) = 1.100 V [044Ch DIRECT m=1 b=0 R=3]"
    );
    // Page 0's VOUT_MODE was never seen.
    assert_eq!(
        out[4],
        "60 read  p0 READ_VOUT (8Bh) = 044Ch (VOUT_MODE not seen)"
    );
    assert_eq!(
        out[5],
        "60 read  p0 READ_VIN (88h) = 11.930 V [04A9h DIRECT m=1 b=0 R=2]"
    );
    assert_eq!(
        out[6],
        "60 read  p0 READ_VIN (88h) = -0.010 V [FFFFh DIRECT m=1 b=0 R=2]"
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

fn sigrok_out(decoder: &mut Decoder, capture: &str) -> Vec<String> {
    let mut p = SigrokParser::new();
    let mut out = Vec::new();
    for line in capture.lines() {
        if let Some(t) = p.push_line(line).unwrap() {
            out.push(decoder.decode(&t).to_string());
        }
    }
    if let Some(t) = p.finish() {
        out.push(decoder.decode(&t).to_string());
    }
    out
}

fn hex_out(decoder: &mut Decoder, lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .map(|l| decoder.decode(&parse_line(l).unwrap().unwrap()).to_string())
        .collect()
}

/// B1: the PEC of a read without a write part (Receive Byte, Alert Response Address) covers the
/// read address byte and the data only (SMBus 3.x §6.4).
#[test]
fn receive_byte_and_alert_response_pec() {
    let ara_pec = crc8(&[0x19, 0xB0]);
    let rx_pec = crc8(&[0xB1, 0x42]);
    let capture = format!(
        "i2c-1: Start\ni2c-1: Address read: 0C\ni2c-1: ACK\ni2c-1: Data read: B0\ni2c-1: ACK\n\
         i2c-1: Data read: {ara_pec:02X}\ni2c-1: NACK\ni2c-1: Stop\n\
         i2c-1: Start\ni2c-1: Address read: 58\ni2c-1: ACK\ni2c-1: Data read: 42\ni2c-1: ACK\n\
         i2c-1: Data read: {rx_pec:02X}\ni2c-1: NACK\ni2c-1: Stop\n"
    );
    assert_eq!(
        sigrok_out(&mut Decoder::new(), &capture),
        [
            "0C read  ALERT RESPONSE = alert from 58h  PEC ok",
            "58 read  RECEIVE BYTE = 42h  PEC ok",
        ]
    );
}

/// B2: a line without R/W that is a read: the PEC covers the write part (command, and the
/// written block of a process call), and the answer starts after it.
#[test]
fn unmarked_read_lines_split_like_r_lines() {
    let mut d = Decoder::new();
    d.set_device(0x10, catalog::ADM1272);
    let unmarked = |l: String| l.strip_prefix("R ").unwrap().to_string();
    let vin = unmarked(read_line(0x10, &[0x88], &[0x6D, 0x07]));
    let vout_mode = read_line(0x58, &[0x20], &[0x17]);
    let vout = unmarked(read_line(0x58, &[0x8B], &[0x07, 0x18]));
    let query = unmarked(read_line(0x58, &[0x1A, 0x01, 0x8B], &[0x01, 0xA0]));
    let out = hex_out(
        &mut d,
        &[
            &vin,
            &vout_mode,
            &vout,
            &query,
            "58 30 02 8B 01 05 DE 0F 00 00 FE",
        ],
    );
    assert_eq!(
        out,
        [
            "10 read  READ_VIN (88h) = 46.800 V [076Dh DIRECT m=4062 b=0 R=-2]  PEC ok",
            "58 read  VOUT_MODE (20h) = 17h (ULINEAR16, exponent -9)  PEC ok",
            "58 read  READ_VOUT (8Bh) = 12.014 V [1807h ULINEAR16 2^-9]  PEC ok",
            "58 read  QUERY (1Ah) = A0h for READ_VOUT (8Bh): supported, readable, LINEAR  PEC ok",
            "58 read  COEFFICIENTS (30h) = m=4062 b=0 R=-2",
        ]
    );
}

/// B3: limits of a DIRECT device are decoded with the coefficients of the reading they bound;
/// nothing guessed is shown as certain.
#[test]
fn limits_follow_the_description() {
    let mut d = Decoder::new();
    d.set_device(0x10, catalog::ADM1272);
    d.set_device(0x58, catalog::CRPS_PSU);
    let out = hex_out(
        &mut d,
        &[
            "W 10 4A 80 0E", // IOUT_OC_WARN_LIMIT
            "W 10 57 00 09", // VIN_OV_WARN_LIMIT
            "W 10 51 17 0E", // OT_WARN_LIMIT
            "R 10 6B 10 01", // PIN_OP_WARN_LIMIT
            "R 10 60 0A 00", // TON_DELAY: no class
            "R 10 89 00 08", // READ_IIN: the ADM1272 has no input current
            "R 10 A1 00 09", // MFR_VIN_MAX: a rating
            "W 58 55 1A F2", // VIN_OV_FAULT_LIMIT of a LINEAR11 PSU
            "W 58 60 0A 00", // TON_DELAY of a LINEAR11 PSU
            "W 59 55 1A F2", // no description
        ],
    );
    assert_eq!(
        out,
        [
            "10 write IOUT_OC_WARN_LIMIT (4Ah) = 25.098 A [0E80h DIRECT m=663 b=20480 R=-1]",
            "10 write VIN_OV_WARN_LIMIT (57h) = 56.721 V [0900h DIRECT m=4062 b=0 R=-2]",
            "10 write OT_WARN_LIMIT (51h) = 99.976 °C [0E17h DIRECT m=42 b=31871 R=-1]",
            "10 read  PIN_OP_WARN_LIMIT (6Bh) = 25.819 W [0110h DIRECT m=10535 b=0 R=-3]",
            "10 read  TON_DELAY (60h) = 000Ah (format unknown: not covered by the device \
             description, and the device does not use LINEAR11 throughout)",
            "10 read  READ_IIN (89h) = 0800h (format unknown: not covered by the device \
             description, and the device does not use LINEAR11 throughout)",
            "10 read  MFR_VIN_MAX (A1h) = 56.721 V [0900h DIRECT m=4062 b=0 R=-2, assumed]",
            "58 write VIN_OV_FAULT_LIMIT (55h) = 134.500 V [F21Ah LINEAR11]",
            "58 write TON_DELAY (60h) = 10.000 ms [000Ah LINEAR11, assumed]",
            "59 write VIN_OV_FAULT_LIMIT (55h) = 134.500 V [F21Ah LINEAR11, assumed]",
        ]
    );
}

/// VOUT_MODE FFh is what a device without VOUT_MODE returns: no voltage is made up from it.
#[test]
fn vout_mode_ff_is_no_vout_mode() {
    let mut d = Decoder::new();
    let out = hex_out(&mut d, &["R 58 20 FF", "R 58 8B 00 3C"]);
    assert_eq!(
        out,
        [
            "58 read  VOUT_MODE (20h) = FFh (no VOUT_MODE: what a device without it returns)",
            "58 read  READ_VOUT (8Bh) = 3C00h (VOUT_MODE FFh: device has no VOUT_MODE)",
        ]
    );
}

/// B9: a plain Start closes a transaction whose Stop is missing; so does a write address after
/// a repeated start (sigrok labels a start without a stop before it as a repeat).
#[test]
fn sigrok_start_without_stop_closes_the_transaction() {
    let page = "i2c-1: Start\ni2c-1: Address write: 58\ni2c-1: ACK\ni2c-1: Data write: 00\n\
                i2c-1: ACK\ni2c-1: Data write: 01\ni2c-1: ACK\n";
    let clear = "i2c-1: Address write: 58\ni2c-1: ACK\ni2c-1: Data write: 03\ni2c-1: ACK\n\
                 i2c-1: Stop\n";
    for start in ["i2c-1: Start\n", "i2c-1: Start repeat\n"] {
        let capture = format!("{page}{start}{clear}");
        assert_eq!(
            sigrok_out(&mut Decoder::new(), &capture),
            [
                "58 write PAGE (00h) = 01h",
                "58 write p1 CLEAR_FAULTS (03h)"
            ],
            "{start}"
        );
    }
}

/// B11: PAGE and VOUT_MODE are not learned from a transaction the device rejected (bad PEC,
/// NACKed data byte).
#[test]
fn nothing_learned_from_rejected_transactions() {
    let mut d = Decoder::new();
    let bad_page = "W 41 00 00 FF";
    let out = hex_out(
        &mut d,
        &[
            "W 41 00 00",
            "R 41 20 17",
            "W 41 00 01",
            "R 41 20 13",
            bad_page,
            "R 41 8B 07 18",
            "R 41 20 17 00", // VOUT_MODE with a bad PEC
            "R 41 8B 07 18",
        ],
    );
    assert_eq!(
        out[4],
        format!(
            "41 write PAGE (00h) = 00h  PEC BAD (got FFh, expected {:02X}h)",
            crc8(&[0x82, 0x00, 0x00])
        )
    );
    // Still page 1, exponent -13: 1807h · 2^-13.
    assert_eq!(
        out[5],
        "41 read  p1 READ_VOUT (8Bh) = 0.751 V [1807h ULINEAR16 2^-13]"
    );
    assert_eq!(out[7], out[5]);

    // A NACKed data byte: the device refused PAGE 05h.
    let capture = "i2c-1: Start\ni2c-1: Address write: 58\ni2c-1: ACK\ni2c-1: Data write: 00\n\
                   i2c-1: ACK\ni2c-1: Data write: 05\ni2c-1: NACK\ni2c-1: Stop\n\
                   i2c-1: Start\ni2c-1: Address write: 58\ni2c-1: ACK\ni2c-1: Data write: 20\n\
                   i2c-1: ACK\ni2c-1: Start repeat\ni2c-1: Address read: 58\ni2c-1: ACK\n\
                   i2c-1: Data read: 17\ni2c-1: NACK\ni2c-1: Stop\n";
    let mut d = Decoder::new();
    let mut p = SigrokParser::new();
    let ts: Vec<_> = capture
        .lines()
        .filter_map(|l| p.push_line(l).unwrap())
        .collect();
    assert_eq!(ts[0].nacked_write_byte(), Some(1));
    let out: Vec<_> = ts.iter().map(|t| d.decode(t).to_string()).collect();
    assert_eq!(
        out,
        [
            "58 write PAGE (00h) = 05h  device NACKed written byte 2 (05h)",
            // No PAGE was taken (with PAGE 05h learned, the line would start `58 read  p5`).
            "58 read  VOUT_MODE (20h) = 17h (ULINEAR16, exponent -9)",
        ]
    );
}

/// R5: VOUT_MODE is kept for pages 0 to 31; beyond, the decoder says it does not keep it.
#[test]
fn vout_mode_on_higher_pages() {
    let mut d = Decoder::new();
    let out = hex_out(
        &mut d,
        &[
            "W 40 00 04",
            "R 40 20 17",
            "R 40 8B 07 18",
            "W 40 00 1F",
            "R 40 20 14",
            "R 40 8B 00 30",
            "W 40 00 28",
            "R 40 20 17",
            "R 40 8B 07 18",
        ],
    );
    assert_eq!(
        out[2],
        "40 read  p4 READ_VOUT (8Bh) = 12.014 V [1807h ULINEAR16 2^-9]"
    );
    assert_eq!(
        out[5],
        "40 read  p31 READ_VOUT (8Bh) = 3.000 V [3000h ULINEAR16 2^-12]"
    );
    assert_eq!(
        out[8],
        "40 read  p40 READ_VOUT (8Bh) = 1807h (VOUT_MODE of page 40 not cached: the decoder \
         keeps pages 0 to 31)"
    );
    let mut d = Decoder::new();
    assert!(d.set_vout_mode_all_pages(0x40, smbus_pmbus::format::VoutMode::from_raw(0x17)));
    assert_eq!(
        hex_out(&mut d, &["W 40 00 09", "R 40 8B 07 18"])[1],
        "40 read  p9 READ_VOUT (8Bh) = 12.014 V [1807h ULINEAR16 2^-9]"
    );
}

/// R9: a description whose READ_VOUT is DIRECT decodes it without VOUT_MODE; VOUT_MODE from the
/// bus wins when it says otherwise, and the line says so.
#[test]
fn vout_from_the_description() {
    let mut d = Decoder::new();
    d.set_device(0x10, catalog::ADM1272);
    let out = hex_out(
        &mut d,
        &[
            "R 10 8B 51 08",
            "R 10 20 FF",
            "R 10 8B 51 08",
            "R 10 20 17",
            "R 10 8B 51 08",
        ],
    );
    assert_eq!(
        out,
        [
            "10 read  READ_VOUT (8Bh) = 52.413 V [0851h DIRECT m=4062 b=0 R=-2]",
            "10 read  VOUT_MODE (20h) = FFh (no VOUT_MODE: what a device without it returns)",
            "10 read  READ_VOUT (8Bh) = 52.413 V [0851h DIRECT m=4062 b=0 R=-2] (VOUT_MODE FFh: \
             device has no VOUT_MODE; format from the description)",
            "10 read  VOUT_MODE (20h) = 17h (ULINEAR16, exponent -9)",
            "10 read  READ_VOUT (8Bh) = 4.158 V [0851h ULINEAR16 2^-9] (VOUT_MODE followed; the \
             description says DIRECT m=4062 b=0 R=-2)",
        ]
    );
}

/// N1, N2: quick command, and the hex form of Receive Byte and the Alert Response Address.
#[test]
fn quick_command_and_receive_byte_lines() {
    let rx = format!("R 58 / 42 {:02X}", crc8(&[0xB1, 0x42]));
    let ara = format!("R 0C B0 {:02X}", crc8(&[0x19, 0xB0]));
    let t = parse_line(&rx).unwrap().unwrap();
    assert_eq!(t.direction(), Direction::Read);
    assert_eq!(
        hex_out(&mut Decoder::new(), &["W 58", "R 58 /", &rx, &ara, "0C B0"]),
        [
            "58 write QUICK COMMAND",
            "58 read  QUICK COMMAND",
            "58 read  RECEIVE BYTE = 42h  PEC ok",
            "0C read  ALERT RESPONSE = alert from 58h  PEC ok",
            "0C read  ALERT RESPONSE = alert from 58h",
        ]
    );
}

/// N3: a NACK of the read address after the repeated start; a repeated start to another
/// address; a sigrok part too long for a transaction.
#[test]
fn sigrok_read_address_nack_and_other_address() {
    let capture = "i2c-1: Start\ni2c-1: Address write: 58\ni2c-1: ACK\ni2c-1: Data write: 8B\n\
                   i2c-1: ACK\ni2c-1: Start repeat\ni2c-1: Address read: 58\ni2c-1: NACK\n\
                   i2c-1: Stop\n\
                   i2c-1: Start\ni2c-1: Address write: 58\ni2c-1: ACK\ni2c-1: Data write: 8B\n\
                   i2c-1: ACK\ni2c-1: Start repeat\ni2c-1: Address read: 59\ni2c-1: ACK\n\
                   i2c-1: Data read: 07\ni2c-1: NACK\ni2c-1: Stop\n";
    assert_eq!(
        sigrok_out(&mut Decoder::new(), capture),
        [
            "58 read  READ_VOUT (8Bh): no answer (the device took the command, then NACKed its \
             read address)",
            // The two halves come out apart.
            "58 write READ_VOUT (8Bh): too few bytes for this command: 8B",
            "59 read  RECEIVE BYTE = 07h",
        ]
    );
    let mut p = SigrokParser::new();
    p.push_line("i2c-1: Start").unwrap();
    p.push_line("i2c-1: Address write: 58").unwrap();
    let mut errors = Vec::new();
    for _ in 0..300 {
        if let Err(e) = p.push_line("i2c-1: Data write: 00") {
            errors.push(e);
        }
    }
    assert_eq!(errors, [CaptureError::PartTooLong]);
    assert!(p.push_line("i2c-1: Stop").unwrap().is_none());
}

/// N6: the page in front of paged commands of a multi-page device, and QUERY answers by bit.
#[test]
fn page_shown_and_query_bits() {
    let mut d = Decoder::new();
    d.set_device(0x60, catalog::ISL68224);
    assert_eq!(
        hex_out(
            &mut d,
            &[
                "R 60 8C 2C 01",
                "W 60 00 02",
                "R 60 8C 2C 01",
                "R 60 99 02 52 45",
                "R 60 1A 01 8B / 01 EC",
                "R 60 1A 01 D0 / 01 00",
            ]
        ),
        [
            "60 read  p0? READ_IOUT (8Ch) = 30.000 A [012Ch DIRECT m=1 b=0 R=1]",
            "60 write PAGE (00h) = 02h",
            "60 read  p2 READ_IOUT (8Ch) = 30.000 A [012Ch DIRECT m=1 b=0 R=1]",
            // MFR_ID is device-wide: no page.
            "60 read  MFR_ID (99h) = \"RE\"",
            "60 read  p2 QUERY (1Ah) = ECh for READ_VOUT (8Bh): supported, writable, readable, DIRECT",
            "60 read  p2 QUERY (1Ah) = 00h for MFR_SPECIFIC_D0 (D0h): not supported",
        ]
    );
}
