//! PEC (CRC-8/SMBUS, SMBus 3.x §6.4): reference vectors, table against bitwise, incremental
//! against one-shot.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;
// The second model: the textbook MSB-first CRC-8 loop the other tests use too.
use support::crc8 as textbook;

use proptest::prelude::*;
use smbus_pmbus::pec::{INIT, POLYNOMIAL, Pec, pec, pec_bitwise};

/// An independent model: the remainder of the message, followed by eight zero bits, divided by
/// x^8 + x^2 + x + 1, computed bit by bit (the "augmented message" form of a CRC, which equals
/// the direct form when the initial value is zero).
fn model(bytes: &[u8]) -> u8 {
    let mut reg: u8 = 0;
    let bits = bytes
        .iter()
        .flat_map(|&b| (0..8).rev().map(move |i| (b >> i) & 1))
        .chain(std::iter::repeat_n(0u8, 8));
    for bit in bits {
        let carry = reg & 0x80 != 0;
        reg = (reg << 1) | bit;
        if carry {
            reg ^= 0x07;
        }
    }
    reg
}

#[test]
fn parameters() {
    assert_eq!(POLYNOMIAL, 0x07);
    assert_eq!(INIT, 0x00);
}

#[test]
fn check_value() {
    // The catalogue check value of CRC-8/SMBUS.
    assert_eq!(pec(b"123456789"), 0xF4);
    assert_eq!(pec_bitwise(b"123456789"), 0xF4);
    assert_eq!(Pec::new().chain(b"123456789").value(), 0xF4);
    assert_eq!(textbook(b"123456789"), 0xF4);
}

#[test]
fn empty_input_is_init() {
    assert_eq!(pec(&[]), 0);
    assert_eq!(pec_bitwise(&[]), 0);
    assert_eq!(Pec::new().value(), 0);
    assert_eq!(Pec::default(), Pec::new());
}

/// REFERENCE.md "PMBus / SMBus" vectors, with what each frame is on the wire.
#[test]
fn reference_vectors() {
    let cases: [(&[u8], u8); 4] = [
        // Write Word CDABh to command 06h at 5Ah.
        (&[0xB4, 0x06, 0xAB, 0xCD], 0x5F),
        // Read Word from command 06h at 5Ah, answered 3A26h.
        (&[0xB4, 0x06, 0xB5, 0x26, 0x3A], 0x66),
        // Write Byte FFh to command 00h (PAGE) at 13h.
        (&[0x26, 0x00, 0xFF], 0xCD),
        // Read Word from command 0Eh at 0Bh, answered 868Ch.
        (&[0x16, 0x0E, 0x17, 0x8C, 0x86], 0xD8),
    ];
    for (frame, want) in cases {
        assert_eq!(pec(frame), want, "{frame:02X?}");
        assert_eq!(pec_bitwise(frame), want, "{frame:02X?}");
        assert_eq!(Pec::new().chain(frame).value(), want, "{frame:02X?}");
        assert_eq!(textbook(frame), want, "{frame:02X?}");
    }
}

#[test]
fn usable_in_const() {
    const TABLE_PEC: u8 = pec(&[0xB4, 0x06, 0xAB, 0xCD]);
    const BITWISE_PEC: u8 = pec_bitwise(&[0xB4, 0x06, 0xAB, 0xCD]);
    const INCREMENTAL: u8 = Pec::new().chain(&[0xB4, 0x06]).chain(&[0xAB, 0xCD]).value();
    assert_eq!(TABLE_PEC, 0x5F);
    assert_eq!(BITWISE_PEC, 0x5F);
    assert_eq!(INCREMENTAL, 0x5F);
}

/// Exhaustive: all 256 one-byte inputs (every table entry) and all 65,536 two-byte inputs.
#[test]
fn table_equals_bitwise_exhaustive() {
    let mut walked = 0u32;
    for a in 0..=u8::MAX {
        let want = textbook(&[a]);
        assert_eq!(pec(&[a]), want, "{a:02X}");
        assert_eq!(pec_bitwise(&[a]), want, "{a:02X}");
        let mut p = Pec::new();
        p.update_byte(a);
        assert_eq!(p.value(), want);
        walked += 1;
    }
    assert_eq!(walked, 256);
    for a in 0..=u8::MAX {
        for b in 0..=u8::MAX {
            let bytes = [a, b];
            let want = textbook(&bytes);
            assert_eq!(pec(&bytes), want, "{bytes:02X?}");
            assert_eq!(pec_bitwise(&bytes), want, "{bytes:02X?}");
            walked += 1;
        }
    }
    assert_eq!(walked, 256 + 65_536);
}

/// The two test models agree on every one- and two-byte input, so neither hides a shared slip.
#[test]
fn models_agree() {
    for a in 0..=u8::MAX {
        assert_eq!(model(&[a]), textbook(&[a]), "{a:02X}");
        for b in 0..=u8::MAX {
            assert_eq!(model(&[a, b]), textbook(&[a, b]), "{a:02X} {b:02X}");
        }
    }
}

/// A CRC without final XOR leaves a zero remainder when its own value is appended: a receiver
/// may run the PEC over the frame including the PEC byte and compare with zero.
#[test]
fn appending_the_pec_gives_zero() {
    let frame = [0x16, 0x0E, 0x17, 0x8C, 0x86];
    let with = [&frame[..], &[pec(&frame)]].concat();
    assert_eq!(pec(&with), 0);
}

/// Every split point of a fixed frame, including the empty halves.
#[test]
fn incremental_every_split() {
    let frame: Vec<u8> = (0u8..=40).map(|i| i.wrapping_mul(37) ^ 0x5A).collect();
    let want = pec(&frame);
    for cut in 0..=frame.len() {
        let (a, b) = frame.split_at(cut);
        let mut p = Pec::new();
        p.update(a);
        p.update(b);
        assert_eq!(p.value(), want, "cut at {cut}");
        assert_eq!(Pec::new().chain(a).chain(b).value(), want);
    }
}

proptest! {
    #[test]
    fn table_equals_bitwise(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        prop_assert_eq!(pec(&bytes), pec_bitwise(&bytes));
        prop_assert_eq!(pec(&bytes), textbook(&bytes));
    }

    #[test]
    fn incremental_equals_one_shot(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        cuts in proptest::collection::vec(any::<usize>(), 0..6),
    ) {
        let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
        points.sort_unstable();
        let mut p = Pec::new();
        let mut start = 0;
        for &end in &points {
            p.update(&bytes[start..end]);
            start = end;
        }
        p.update(&bytes[start..]);
        prop_assert_eq!(p.value(), pec(&bytes));

        let mut q = Pec::new();
        for &b in &bytes {
            q.update_byte(b);
        }
        prop_assert_eq!(q.value(), pec(&bytes));
    }

    #[test]
    fn appended_pec_gives_zero(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
        let mut with = bytes.clone();
        with.push(pec(&bytes));
        prop_assert_eq!(pec(&with), 0);
    }
}
