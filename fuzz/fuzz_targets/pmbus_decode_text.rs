//! Arbitrary text through `pmbus-decode`'s parsers (hex lines and sigrok annotations) and the
//! transaction decoder, with every decoded line rendered. Checks that a parsed line keeps its
//! bytes, that the decoder's output is one line that starts with the address, and that the
//! sigrok parser never produces more bytes than the input named.
#![no_main]

use core::fmt::{self, Write};

use libfuzzer_sys::fuzz_target;
use smbus_pmbus::capture::{Decoder, SigrokParser, parse_line};
use smbus_pmbus::device::catalog;

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

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut decoder = Decoder::new();
    // Devices with DIRECT coefficients at two addresses, so those paths run too.
    decoder.set_device(0x10, catalog::ADM1272);
    decoder.set_device(0x60, catalog::ISL68224);
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
            let d = decoder.decode(&t);
            render(d, t.address());
        }
        if let Ok(Some(t)) = sigrok.push_line(line) {
            assert!(t.written().len() + t.read().len() <= tokens_total);
            render(decoder.decode(&t), t.address());
        }
    }
    if let Some(t) = sigrok.finish() {
        render(decoder.decode(&t), t.address());
    }
});
