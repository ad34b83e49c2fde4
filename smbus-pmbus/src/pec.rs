//! Packet Error Checking: the CRC-8 that SMBus appends to a transfer.
//!
//! SMBus 3.x §6.4 ("Packet Error Checking") defines the PEC byte as a CRC-8 with the polynomial
//! x⁸ + x² + x + 1 (07h), initial value 00h, no bit reflection and no final XOR, computed over
//! every byte of the transfer as it appears on the wire, each address byte including its R/W bit,
//! up to (not including) the PEC byte itself. This is the catalogued "CRC-8/SMBUS"; its check
//! value over the ASCII string `"123456789"` is F4h.
//!
//! Two implementations compute the same value:
//!
//! - [`pec`]: one lookup in a 256-byte table per byte (the table is built at compile time by a
//!   `const fn`, so it costs 256 bytes of flash once it is used);
//! - [`pec_bitwise`]: eight shift-and-XOR steps per byte and no table, for firmware that would
//!   rather spend cycles than flash.
//!
//! [`Pec`] is the incremental form for data that arrives in pieces; the SMBus layer
//! ([`crate::smbus`]) uses it. It uses the table unless the `pec-bitwise` cargo feature is on,
//! in which case it (and so the whole SMBus layer) uses the bitwise loop and the table is not
//! linked unless [`pec`] is called directly.
//!
//! ```
//! use smbus_pmbus::pec::{pec, pec_bitwise, Pec};
//!
//! // Write Word 0xCDAB to command 06h of the device at 5Ah: address byte B4h (5Ah << 1, W).
//! let frame = [0xB4, 0x06, 0xAB, 0xCD];
//! assert_eq!(pec(&frame), 0x5F);
//! assert_eq!(pec_bitwise(&frame), 0x5F);
//!
//! let mut p = Pec::new();
//! p.update(&frame[..2]);
//! p.update(&frame[2..]);
//! assert_eq!(p.value(), 0x5F);
//!
//! // Usable in constants.
//! const CHECK: u8 = pec(b"123456789");
//! assert_eq!(CHECK, 0xF4);
//! ```

/// The CRC-8 generator polynomial x⁸ + x² + x + 1, without its x⁸ term (SMBus 3.x §6.4).
pub const POLYNOMIAL: u8 = 0x07;

/// The PEC register value before the first byte (SMBus 3.x §6.4: the CRC starts at zero).
pub const INIT: u8 = 0x00;

/// One byte through the CRC register, most significant bit first (no reflection).
const fn step_bitwise(crc: u8, byte: u8) -> u8 {
    let mut c = crc ^ byte;
    let mut bit = 0;
    while bit < 8 {
        c = if c & 0x80 != 0 {
            (c << 1) ^ POLYNOMIAL
        } else {
            c << 1
        };
        bit += 1;
    }
    c
}

/// The 256 register values for one input byte, computed at compile time.
const fn make_table() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut i: u8 = 0;
    loop {
        // `split_at_mut_checked` keeps this free of indexing; the slot always exists.
        if let Some((_, [slot, ..])) = table.split_at_mut_checked(i as usize) {
            *slot = step_bitwise(0, i);
        }
        if i == u8::MAX {
            break;
        }
        i += 1;
    }
    table
}

/// `TABLE[x]` is the CRC register after shifting in byte `x` starting from zero.
const TABLE: [u8; 256] = make_table();

/// One byte through the CRC register using the table.
#[inline]
const fn step_table(crc: u8, byte: u8) -> u8 {
    let x = crc ^ byte;
    // A `u8` index always lies inside the 256 entries; the other arm is there only because
    // `const fn` cannot use `get`, and computes the same value should it ever be reached.
    match TABLE.split_at_checked(x as usize) {
        Some((_, [v, ..])) => *v,
        _ => step_bitwise(0, x),
    }
}

/// The PEC (CRC-8/SMBUS) of `bytes`, table-driven.
///
/// `bytes` are the bytes of the transfer as they appear on the wire, address bytes with their
/// R/W bit (SMBus 3.x §6.4). `const`, so frames known at compile time can carry a constant PEC.
///
/// ```
/// // Read Word at command 0Eh from the device at 0Bh, answered with 868Ch:
/// // [addr W, cmd, addr R, low, high].
/// assert_eq!(smbus_pmbus::pec::pec(&[0x16, 0x0E, 0x17, 0x8C, 0x86]), 0xD8);
/// ```
#[must_use]
pub const fn pec(bytes: &[u8]) -> u8 {
    let mut crc = INIT;
    let mut rest = bytes;
    while let [first, tail @ ..] = rest {
        crc = step_table(crc, *first);
        rest = tail;
    }
    crc
}

/// The PEC (CRC-8/SMBUS) of `bytes`, bit by bit, without the 256-byte table.
///
/// Always equal to [`pec`]; about eight times the work per byte, zero bytes of table.
///
/// ```
/// assert_eq!(smbus_pmbus::pec::pec_bitwise(b"123456789"), 0xF4);
/// ```
#[must_use]
pub const fn pec_bitwise(bytes: &[u8]) -> u8 {
    let mut crc = INIT;
    let mut rest = bytes;
    while let [first, tail @ ..] = rest {
        crc = step_bitwise(crc, *first);
        rest = tail;
    }
    crc
}

/// An incremental PEC computation: feed bytes in any number of pieces, read the value at the end.
///
/// Feeding a transfer in pieces gives the same value as [`pec`] over the whole of it. Uses the
/// table, or the bitwise loop when the `pec-bitwise` feature is on (see the module docs).
///
/// ```
/// use smbus_pmbus::pec::Pec;
///
/// // Write Byte FFh to command 00h (PAGE) of the device at 13h.
/// let mut p = Pec::new();
/// p.update_byte(0x13 << 1);
/// p.update(&[0x00, 0xFF]);
/// assert_eq!(p.value(), 0xCD);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Pec {
    crc: u8,
}

impl Pec {
    /// A computation over no bytes yet (register at [`INIT`]).
    #[must_use]
    pub const fn new() -> Self {
        Self { crc: INIT }
    }

    /// Shifts one byte in.
    #[inline]
    pub const fn update_byte(&mut self, byte: u8) {
        self.crc = step(self.crc, byte);
    }

    /// Shifts `bytes` in, first to last.
    pub const fn update(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let [first, tail @ ..] = rest {
            self.crc = step(self.crc, *first);
            rest = tail;
        }
    }

    /// Builder form of [`Pec::update`].
    #[must_use]
    pub const fn chain(mut self, bytes: &[u8]) -> Self {
        self.update(bytes);
        self
    }

    /// The PEC of every byte fed so far.
    #[must_use]
    pub const fn value(&self) -> u8 {
        self.crc
    }
}

/// The step [`Pec`] uses: table unless the `pec-bitwise` feature asks for the loop.
#[cfg(not(feature = "pec-bitwise"))]
#[inline]
const fn step(crc: u8, byte: u8) -> u8 {
    step_table(crc, byte)
}

/// The step [`Pec`] uses: table unless the `pec-bitwise` feature asks for the loop.
#[cfg(feature = "pec-bitwise")]
#[inline]
const fn step(crc: u8, byte: u8) -> u8 {
    step_bitwise(crc, byte)
}
