//! Arbitrary text through `pmbus-decode`'s parsers (hex lines and sigrok annotations) and the
//! transaction decoder, with every decoded line rendered. Checks that a parsed line keeps its
//! bytes, that the decoder's output is one line that starts with the address, that the
//! sigrok parser never produces more bytes than the input named and closes transactions only on
//! lines it recognises, that a recorded NACK points into the written bytes, and that the decoder
//! learns nothing from a transaction it did not take as accepted.
#![no_main]

use core::fmt::{self, Write};

use libfuzzer_sys::fuzz_target;
use smbus_pmbus::capture::{Decoder, SigrokParser, Transaction, parse_line};
use smbus_pmbus::device::catalog;
use smbus_pmbus::format::VoutMode;

/// Counts what was written; keeps the first bytes.
struct Sink {
    len: usize,
    newlines: usize,
    head: [u8; 3],
}

impl Write for Sink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &b in s.as_bytes() {
            if let Some(h) = self.head.get_mut(self.len) {
                *h = b;
            }
            self.len += 1;
            self.newlines += usize::from(b == b'\n');
        }
        Ok(())
    }
}

fn render(d: impl fmt::Display, address: u8) {
    let mut s = Sink {
        len: 0,
        newlines: 0,
        head: [0; 3],
    };
    write!(s, "{d}").expect("Display failed");
    assert_eq!(s.newlines, 0, "decoded line with a newline");
    let mut expected = Sink {
        len: 0,
        newlines: 0,
        head: [0; 3],
    };
    write!(expected, "{address:02X} ").expect("Display failed");
    assert_eq!(
        s.head, expected.head,
        "decoded line does not start with the address"
    );
}

/// Whether the first token of a line is the R/W marker rather than the address.
fn hex_free_marker(token: &str) -> bool {
    ["r", "read", "w", "write"]
        .iter()
        .any(|m| token.eq_ignore_ascii_case(m))
}

/// Decodes `t`, renders the line, and checks that a transaction the decoder does not take as
/// accepted leaves its state as it was.
fn decode(decoder: &mut Decoder, t: &Transaction) {
    let before = format!("{decoder:?}");
    let d = decoder.decode(t);
    let accepted = d.accepted();
    render(d, t.address());
    if !accepted {
        assert_eq!(
            before,
            format!("{decoder:?}"),
            "learned from a rejected transaction"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut decoder = Decoder::new();
    // Devices with DIRECT coefficients at two addresses, so those paths run too, and one with
    // VOUT_MODE given for every page.
    decoder.set_device(0x10, catalog::ADM1272);
    decoder.set_device(0x60, catalog::ISL68224);
    decoder.set_device(0x58, catalog::CRPS_PSU);
    decoder.set_vout_mode_all_pages(0x40, VoutMode::from_raw(data.first().copied().unwrap_or(0)));
    let mut sigrok = SigrokParser::new();
    let mut tokens_total = 0usize;
    for line in text.lines() {
        tokens_total += line.split(|c: char| c.is_whitespace() || c == ',').count();
        if let Ok(Some(t)) = parse_line(line) {
            assert!(t.address() <= 0x7F);
            let tokens: Vec<&str> = line
                .split('#')
                .next()
                .unwrap_or("")
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|s| !s.is_empty())
                .collect();
            let separators = tokens.iter().filter(|s| **s == "/" || **s == "|").count();
            assert!(separators <= 1);
            let marker = usize::from(tokens.len() > 1 && hex_free_marker(tokens[0]));
            assert_eq!(
                t.written().len() + t.read().len() + 1 + marker + separators,
                tokens.len()
            );
            decode(&mut decoder, &t);
            // The same bytes with NACKs the hex form cannot express.
            let mut t = t;
            let n = t.written().len();
            t.set_nacked_write_byte(Some(line.len() % (n + 2)));
            t.set_read_address_nacked(line.len() % 3 == 0);
            decode(&mut decoder, &t);
        }
        match sigrok.push_line(line) {
            Ok(Some(t)) => {
                assert!(SigrokParser::is_annotation(line));
                assert!(t.written().len() + t.read().len() <= tokens_total);
                if let Some(i) = t.nacked_write_byte() {
                    assert!(i < t.written().len());
                }
                decode(&mut decoder, &t);
            }
            Ok(None) => {}
            Err(_) => assert!(SigrokParser::is_annotation(line)),
        }
    }
    if let Some(t) = sigrok.finish() {
        decode(&mut decoder, &t);
    }
});
