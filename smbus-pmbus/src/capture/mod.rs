//! Captured bus transactions: the input side of the `pmbus-decode` example.
//!
//! Two text forms are read, one line at a time, without allocating:
//!
//! - **Hex lines** ([`parse_line`]): `[R|W] ADDR CMD b0 b1 ... [PEC]`, hex bytes as a logic
//!   analyzer or `i2ctransfer` shows them (`0x` prefixes and commas allowed, `#` starts a
//!   comment). `ADDR` is the 7-bit address. `W` means every byte after the address was written
//!   by the host; `R` means the host wrote `CMD` and read the rest after a repeated start (for
//!   an extended command the second command byte, and for a block process call such as `QUERY`
//!   the written block, are taken as written too). A `/` makes the split explicit:
//!   `58 1A 01 88 / 01 B0` is "wrote 1A 01 88, then read 01 B0", and `R 58 / 42 93` (nothing
//!   before the `/`) is a Receive Byte: the host only read. A line to the Alert Response Address
//!   0Ch that is not marked `W` is read only too (`R 0C B0 F3`). With no marker the direction
//!   is left to the decoder, which infers it from the command table and the PEC.
//! - **sigrok's I2C decoder output** ([`SigrokParser`]): the annotation lines that
//!   `sigrok-cli -P i2c` prints (`i2c-1: Start`, `i2c-1: Address write: 58`,
//!   `i2c-1: Data write: 8B`, `i2c-1: Start repeat`, `i2c-1: Address read: 58`,
//!   `i2c-1: Data read: 1A`, `i2c-1: NACK`, `i2c-1: Stop`). The parser groups them from start to
//!   stop into one [`Transaction`] with a write part and a read part, and keeps the NACKs that
//!   matter: of the address, of the read address after the repeated start, and of a written
//!   byte.
//!
//! ```
//! use smbus_pmbus::capture::{parse_line, Direction};
//!
//! // READ_VOUT (8Bh) from a PSU at 58h: two data bytes, then the PEC byte.
//! let t = parse_line("R 58 8B 07 60 2F").unwrap().unwrap();
//! assert_eq!(t.address(), 0x58);
//! assert_eq!(t.direction(), Direction::WriteRead);
//! assert_eq!(t.written(), &[0x8B]);
//! assert_eq!(t.read(), &[0x07, 0x60, 0x2F]);
//! ```

use core::fmt;

use crate::command::CommandCode;

mod decode;

pub use decode::{
    Decoded, Decoder, MAX_DEVICES, MAX_PAGES, Missing, Note, PecVerdict, Problem, Value,
};

/// The most bytes one part (write or read) of a [`Transaction`] can hold: a command code, an
/// extended command byte, a block count, 255 data bytes and a PEC byte.
pub const MAX_PART_LEN: usize = 259;

/// What the host did after addressing the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Direction {
    /// The host only wrote (send byte, write byte/word, block write).
    Write,
    /// The host wrote a command, then read after a repeated start (read byte/word, block
    /// read, process calls).
    WriteRead,
    /// The host only read (receive byte, Alert Response Address, or a quick command read).
    Read,
    /// A hex line without `R`/`W`: all bytes after the address are in [`Transaction::written`]
    /// until a decoder decides, from the command, which of them were read.
    Unspecified,
}

/// One captured transaction: the 7-bit address, the bytes written and the bytes read, and the
/// NACKs the capture shows.
///
/// A target NACKs a byte other than its address when it is busy, or when it finds the command
/// or the data invalid, including a wrong PEC (SMBus 3.x, "ACK and NACK usage"): such a
/// transaction did not take effect, and a decoder should not learn from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    address: u8,
    direction: Direction,
    nacked: bool,
    read_address_nacked: bool,
    nacked_write_byte: Option<usize>,
    write: Part,
    read: Part,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Part {
    bytes: [u8; MAX_PART_LEN],
    len: usize,
}

impl Part {
    const fn new() -> Self {
        Self {
            bytes: [0; MAX_PART_LEN],
            len: 0,
        }
    }

    fn push(&mut self, byte: u8) -> bool {
        match self.bytes.get_mut(self.len) {
            Some(slot) => {
                *slot = byte;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    fn as_slice(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&[])
    }
}

impl Transaction {
    /// A transaction to `address` (7-bit) with nothing written or read yet.
    pub const fn new(address: u8, direction: Direction) -> Self {
        Self {
            address,
            direction,
            nacked: false,
            read_address_nacked: false,
            nacked_write_byte: None,
            write: Part::new(),
            read: Part::new(),
        }
    }

    /// Builds a transaction from its parts; `None` if a part is longer than
    /// [`MAX_PART_LEN`].
    pub fn from_parts(
        address: u8,
        direction: Direction,
        written: &[u8],
        read: &[u8],
    ) -> Option<Self> {
        let mut t = Self::new(address, direction);
        for &b in written {
            if !t.write.push(b) {
                return None;
            }
        }
        for &b in read {
            if !t.read.push(b) {
                return None;
            }
        }
        Some(t)
    }

    /// The 7-bit target address.
    pub const fn address(&self) -> u8 {
        self.address
    }

    /// What the host did.
    pub const fn direction(&self) -> Direction {
        self.direction
    }

    /// Whether the capture shows a NACK of the (first) address byte: nobody answered.
    pub const fn nacked(&self) -> bool {
        self.nacked
    }

    /// Whether the target ACKed the write part, then NACKed its read address after the
    /// repeated start: it took the command and did not answer it.
    pub const fn read_address_nacked(&self) -> bool {
        self.read_address_nacked
    }

    /// The index in [`written`](Self::written) of the first written byte the target NACKed
    /// (0 = the command code), if any.
    pub const fn nacked_write_byte(&self) -> Option<usize> {
        self.nacked_write_byte
    }

    /// Records a NACK of the (first) address byte.
    pub fn set_nacked(&mut self, nacked: bool) {
        self.nacked = nacked;
    }

    /// Records a NACK of the read address after the repeated start.
    pub fn set_read_address_nacked(&mut self, nacked: bool) {
        self.read_address_nacked = nacked;
    }

    /// Records which written byte the target NACKed (an index in [`written`](Self::written)).
    pub fn set_nacked_write_byte(&mut self, index: Option<usize>) {
        self.nacked_write_byte = index;
    }

    /// The bytes the host wrote after the address (command code first).
    pub fn written(&self) -> &[u8] {
        self.write.as_slice()
    }

    /// The bytes the host read after the (repeated) start with the read address.
    pub fn read(&self) -> &[u8] {
        self.read.as_slice()
    }
}

/// Why a capture line could not be read. Columns count characters from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum CaptureError {
    /// A token that is not a hex byte (`5a`, `5A`, `0x5a`).
    NotHexByte {
        /// Column of the token.
        column: usize,
    },
    /// The address is above 7Fh (a 7-bit address was expected; give the 8-bit form shifted
    /// right by one).
    AddressOutOfRange {
        /// The value read.
        address: u8,
    },
    /// An `R` line with no command byte, or a line with only an address.
    MissingCommand,
    /// More bytes than one transaction part can hold ([`MAX_PART_LEN`]).
    TooLong {
        /// Column of the first byte that did not fit.
        column: usize,
    },
    /// A sigrok data byte with no address before it in the same transaction.
    DataWithoutAddress,
    /// A sigrok transaction with more bytes in one part than [`MAX_PART_LEN`]; the parser drops
    /// the transaction and skips its bytes up to the next start, stop or address.
    PartTooLong,
    /// A second `/`, or a `/` on a `W` line.
    UnexpectedSeparator {
        /// Column of the separator.
        column: usize,
    },
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::NotHexByte { column } => write!(f, "column {column}: not a hex byte"),
            Self::AddressOutOfRange { address } => {
                write!(f, "address {address:02X}h is not a 7-bit address (max 7Fh)")
            }
            Self::MissingCommand => f.write_str("no command byte after the address"),
            Self::TooLong { column } => {
                write!(
                    f,
                    "column {column}: more than {MAX_PART_LEN} bytes in one transaction part"
                )
            }
            Self::UnexpectedSeparator { column } => {
                write!(
                    f,
                    "column {column}: unexpected '/' (one is allowed, and not on a W line)"
                )
            }
            Self::DataWithoutAddress => {
                f.write_str("data byte before any address in this transaction")
            }
            Self::PartTooLong => write!(
                f,
                "more than {MAX_PART_LEN} bytes in one transaction part (transaction dropped)"
            ),
        }
    }
}

impl core::error::Error for CaptureError {}

/// Parses a hex byte token: `5a`, `5A`, `0x5a`, `0X5A`, or `5Ah`.
fn hex_byte(token: &str) -> Option<u8> {
    let digits = token
        .strip_prefix("0x")
        .or_else(|| token.strip_prefix("0X"))
        .or_else(|| token.strip_suffix('h'))
        .or_else(|| token.strip_suffix('H'))
        .unwrap_or(token);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u8::from_str_radix(digits, 16).ok()
}

/// Tokens of a line with their 1-based columns; separators are whitespace and commas, and a
/// `#` ends the line.
fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let line = match line.find('#') {
        Some(i) => line.get(..i).unwrap_or(line),
        None => line,
    };
    let mut rest = line;
    let mut offset = 0usize;
    core::iter::from_fn(move || {
        let start = rest.find(|c: char| !(c.is_whitespace() || c == ','))?;
        let tail = rest.get(start..)?;
        let len = tail
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(tail.len());
        let token = tail.get(..len)?;
        let column = offset + start + 1;
        offset += start + len;
        rest = tail.get(len..).unwrap_or("");
        Some((column, token))
    })
}

/// Parses one hex line (see the [module documentation](self)). Blank lines and comment-only
/// lines give `Ok(None)`.
///
/// ```
/// use smbus_pmbus::capture::{parse_line, Direction};
///
/// let t = parse_line("w 0x58, 0x01, 0x80  # OPERATION on").unwrap().unwrap();
/// assert_eq!((t.direction(), t.written()), (Direction::Write, &[0x01, 0x80][..]));
/// assert!(parse_line("   # nothing here").unwrap().is_none());
/// assert!(parse_line("58 zz").is_err());
///
/// // Receive Byte: nothing written, one byte and its PEC read.
/// let t = parse_line("R 58 / 42 93").unwrap().unwrap();
/// assert_eq!((t.direction(), t.written(), t.read()), (Direction::Read, &[][..], &[0x42, 0x93][..]));
/// ```
pub fn parse_line(line: &str) -> Result<Option<Transaction>, CaptureError> {
    let mut toks = tokens(line).peekable();
    let marked = match toks.peek() {
        None => return Ok(None),
        Some((_, t)) if t.eq_ignore_ascii_case("r") || t.eq_ignore_ascii_case("read") => {
            toks.next();
            Direction::WriteRead
        }
        Some((_, t)) if t.eq_ignore_ascii_case("w") || t.eq_ignore_ascii_case("write") => {
            toks.next();
            Direction::Write
        }
        Some(_) => Direction::Unspecified,
    };
    let (column, token) = toks.next().ok_or(CaptureError::MissingCommand)?;
    let address = hex_byte(token).ok_or(CaptureError::NotHexByte { column })?;
    if address > 0x7F {
        return Err(CaptureError::AddressOutOfRange { address });
    }
    // The Alert Response Address is only ever read, without a command (SMBus 3.x, SMBALERT#).
    let direction = if address == crate::smbus::ALERT_RESPONSE_ADDRESS && marked != Direction::Write
    {
        Direction::Read
    } else {
        marked
    };
    let mut t = Transaction::new(address, direction);
    let mut separated = false;
    for (column, token) in toks {
        if token == "/" || token == "|" {
            if separated || direction == Direction::Write {
                return Err(CaptureError::UnexpectedSeparator { column });
            }
            separated = true;
            // Nothing before the separator: the host wrote no command (Receive Byte).
            t.direction = if t.write.len == 0 {
                Direction::Read
            } else {
                Direction::WriteRead
            };
            continue;
        }
        let byte = hex_byte(token).ok_or(CaptureError::NotHexByte { column })?;
        let to_read = separated
            || t.direction == Direction::Read
            || (direction == Direction::WriteRead && t.write.len >= write_part_len(t.written()));
        let part = if to_read { &mut t.read } else { &mut t.write };
        if !part.push(byte) {
            return Err(CaptureError::TooLong { column });
        }
    }
    if t.write.len == 0 && !matches!(t.direction, Direction::Write | Direction::Read) {
        return Err(CaptureError::MissingCommand);
    }
    Ok(Some(t))
}

/// How many bytes the host writes before the repeated start of a read-type transaction: the
/// command code, the second byte of an extended command (FEh/FFh prefix), and for a block
/// process call (`QUERY`, `COEFFICIENTS`, `PAGE_PLUS_READ`, …) the written block with its count
/// (SMBus 3.x §6.5.8). `written` is what the capture holds so far, command code first.
pub(crate) fn write_part_len(written: &[u8]) -> usize {
    let Some((&code, rest)) = written.split_first() else {
        return 1;
    };
    let command = CommandCode(code);
    if command.is_extended() {
        2
    } else if command.info().read == crate::command::Transaction::BlockProcessCall {
        rest.first().map_or(2, |&count| 2 + usize::from(count))
    } else {
        1
    }
}

/// Groups sigrok `-P i2c` annotation lines into transactions.
///
/// Feed every line to [`SigrokParser::push_line`]; it returns a transaction when a later line
/// closes it. Call [`SigrokParser::finish`] at the end of input for a transaction that never saw
/// its stop. What closes a transaction:
///
/// - a `Stop`;
/// - a plain `Start` (a new transaction after one whose stop is missing from the capture);
/// - an `Address write`: SMBus transactions never address a target for writing after a
///   repeated start (SMBus 3.x §6.5), so a write address always begins a new transaction, even
///   after `Start repeat` (sigrok labels every start that follows another without a stop as a
///   repeat);
/// - an `Address read` after a `Start repeat` that does not continue the open transaction: to
///   another address, or when that transaction already read something. The write half and the
///   read half then come out as two transactions (the write one usually too short for its
///   command, the read one a Receive Byte).
///
/// A NACK right after an address marks the transaction [`nacked`](Transaction::nacked) (or
/// [`read_address_nacked`](Transaction::read_address_nacked) after the repeated start); after
/// a data write it records [`nacked_write_byte`](Transaction::nacked_write_byte). A NACK after
/// a data read is the host ending its read, as it should.
///
/// Lines that are not I2C annotations (other decoders, text that is not sigrok's) are skipped;
/// [`SigrokParser::is_annotation`] tells them apart. The annotations that carry nothing the
/// parser needs (`ACK`, the `Write`/`Read` bit label, the single bits `0`/`1`) are recognised
/// and skipped.
///
/// ```
/// use smbus_pmbus::capture::{Direction, SigrokParser};
///
/// let capture = "i2c-1: Start\ni2c-1: Address write: 58\ni2c-1: Write\ni2c-1: ACK\n\
///                i2c-1: Data write: 88\ni2c-1: ACK\ni2c-1: Start repeat\n\
///                i2c-1: Address read: 58\ni2c-1: Read\ni2c-1: ACK\ni2c-1: Data read: 5A\n\
///                i2c-1: ACK\ni2c-1: Data read: F8\ni2c-1: NACK\ni2c-1: Stop\n";
/// let mut parser = SigrokParser::new();
/// let mut found = None;
/// for line in capture.lines() {
///     if let Some(t) = parser.push_line(line).unwrap() {
///         found = Some(t);
///     }
/// }
/// let t = found.unwrap();
/// assert_eq!((t.address(), t.direction()), (0x58, Direction::WriteRead));
/// assert_eq!((t.written(), t.read()), (&[0x88][..], &[0x5A, 0xF8][..]));
/// assert!(SigrokParser::is_annotation("i2c-1: Write"));
/// assert!(!SigrokParser::is_annotation("# capture of i2c: bus 3"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct SigrokParser {
    current: Option<Transaction>,
    /// What the last state-changing annotation was, so that a NACK after it is placed.
    last: Last,
    /// The open transaction overflowed and was dropped: data bytes are skipped until the next
    /// start, stop or address.
    dropping: bool,
}

/// The annotation a NACK may belong to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Last {
    #[default]
    Other,
    /// The first address of a transaction.
    Address,
    /// The read address after a repeated start.
    ReadAddress,
    /// A written data byte.
    DataWrite,
}

/// One recognised annotation.
enum Annotation {
    Start,
    StartRepeat,
    Stop,
    Nack,
    Ack,
    /// The R/W bit label (`Write`, `Read`) or a single bit (`0`, `1`): nothing to keep.
    Label,
    AddressWrite(u8),
    AddressRead(u8),
    DataWrite(u8),
    DataRead(u8),
}

fn annotation(line: &str) -> Option<Annotation> {
    // `i2c-1: Data read: 1A` — the decoder instance name, then the annotation text. With
    // `--protocol-decoder-samplenum` a sample range comes first (`2-16 i2c-1: ...`); at higher
    // log levels the text is quoted, after the class id
    // (`2-16 i2c-1: address-write: "Address write: 68" "AW: 68" "68"`): the first quoted
    // string is the long form.
    let (name, text) = line.split_once(':')?;
    if !name.split_whitespace().last()?.starts_with("i2c") {
        return None;
    }
    let text = match text.split_once('"') {
        Some((_, quoted)) => quoted.split_once('"')?.0,
        None => text,
    };
    let text = text.trim();
    let byte = |rest: &str| hex_byte(rest.trim());
    match text {
        "Start" => Some(Annotation::Start),
        "Start repeat" => Some(Annotation::StartRepeat),
        "Stop" => Some(Annotation::Stop),
        "NACK" => Some(Annotation::Nack),
        "ACK" => Some(Annotation::Ack),
        "Write" | "Read" | "0" | "1" => Some(Annotation::Label),
        _ => {
            if let Some(rest) = text.strip_prefix("Address write:") {
                byte(rest).map(Annotation::AddressWrite)
            } else if let Some(rest) = text.strip_prefix("Address read:") {
                byte(rest).map(Annotation::AddressRead)
            } else if let Some(rest) = text.strip_prefix("Data write:") {
                byte(rest).map(Annotation::DataWrite)
            } else if let Some(rest) = text.strip_prefix("Data read:") {
                byte(rest).map(Annotation::DataRead)
            } else {
                None
            }
        }
    }
}

impl SigrokParser {
    /// A parser with no open transaction.
    pub const fn new() -> Self {
        Self {
            current: None,
            last: Last::Other,
            dropping: false,
        }
    }

    /// Whether `line` is an annotation of sigrok's I2C decoder that this parser understands
    /// (including the ones it skips: `ACK`, `Write`, `Read`, single bits). A tool can use it to
    /// detect sigrok input, and to report lines that are neither.
    pub fn is_annotation(line: &str) -> bool {
        annotation(line).is_some()
    }

    /// Closes the open transaction, if any, and returns it.
    fn close(&mut self) -> Option<Transaction> {
        self.dropping = false;
        self.current.take()
    }

    /// Reads one line; returns a transaction when this line closes one.
    pub fn push_line(&mut self, line: &str) -> Result<Option<Transaction>, CaptureError> {
        let Some(a) = annotation(line) else {
            return Ok(None);
        };
        // Labels may come before or after the address they belong to: they leave the state.
        if matches!(a, Annotation::Label) {
            return Ok(None);
        }
        let last = core::mem::take(&mut self.last);
        match a {
            Annotation::Label | Annotation::Ack | Annotation::StartRepeat => Ok(None),
            Annotation::Start | Annotation::Stop => Ok(self.close()),
            Annotation::Nack => {
                if let Some(t) = self.current.as_mut() {
                    match last {
                        Last::Address => t.nacked = true,
                        Last::ReadAddress => t.read_address_nacked = true,
                        Last::DataWrite => {
                            if t.nacked_write_byte.is_none() {
                                t.nacked_write_byte = t.write.len.checked_sub(1);
                            }
                        }
                        Last::Other => {}
                    }
                }
                Ok(None)
            }
            Annotation::AddressWrite(addr) => {
                if addr > 0x7F {
                    return Err(CaptureError::AddressOutOfRange { address: addr });
                }
                let finished = self.close();
                self.current = Some(Transaction::new(addr, Direction::Write));
                self.last = Last::Address;
                Ok(finished)
            }
            Annotation::AddressRead(addr) => {
                if addr > 0x7F {
                    return Err(CaptureError::AddressOutOfRange { address: addr });
                }
                // The read half of a write-read: same address, nothing read yet.
                if let Some(t) = self.current.as_mut() {
                    if t.address == addr
                        && t.direction == Direction::Write
                        && t.read.len == 0
                        && !t.nacked
                    {
                        t.direction = Direction::WriteRead;
                        self.last = Last::ReadAddress;
                        return Ok(None);
                    }
                }
                let finished = self.close();
                self.current = Some(Transaction::new(addr, Direction::Read));
                self.last = Last::Address;
                Ok(finished)
            }
            Annotation::DataWrite(b) | Annotation::DataRead(b) => {
                if self.dropping {
                    return Ok(None);
                }
                let t = self
                    .current
                    .as_mut()
                    .ok_or(CaptureError::DataWithoutAddress)?;
                let write = matches!(a, Annotation::DataWrite(_));
                let part = if write { &mut t.write } else { &mut t.read };
                if !part.push(b) {
                    self.current = None;
                    self.dropping = true;
                    return Err(CaptureError::PartTooLong);
                }
                if write {
                    self.last = Last::DataWrite;
                }
                Ok(None)
            }
        }
    }

    /// Ends the input: returns a transaction still open (no stop seen).
    pub fn finish(&mut self) -> Option<Transaction> {
        self.last = Last::Other;
        self.close()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn hex_tokens() {
        assert_eq!(hex_byte("5a"), Some(0x5A));
        assert_eq!(hex_byte("0x5A"), Some(0x5A));
        assert_eq!(hex_byte("5Ah"), Some(0x5A));
        assert_eq!(hex_byte("F"), Some(0x0F));
        assert_eq!(hex_byte("100"), None);
        assert_eq!(hex_byte("0x"), None);
        assert_eq!(hex_byte("g1"), None);
        assert_eq!(hex_byte("+1"), None);
    }

    #[test]
    fn line_forms() {
        let t = parse_line("58 8B 07 60").unwrap().unwrap();
        assert_eq!(t.direction(), Direction::Unspecified);
        assert_eq!(t.written(), &[0x8B, 0x07, 0x60]);
        assert!(t.read().is_empty());
        assert_eq!(
            parse_line("R 58").unwrap_err(),
            CaptureError::MissingCommand
        );
        assert_eq!(parse_line("58").unwrap_err(), CaptureError::MissingCommand);
        // Quick command write: address only is fine with W.
        assert!(parse_line("W 58").unwrap().unwrap().written().is_empty());
        assert_eq!(
            parse_line("B0 01").unwrap_err(),
            CaptureError::AddressOutOfRange { address: 0xB0 }
        );
        assert_eq!(
            parse_line("58 01 xyz").unwrap_err(),
            CaptureError::NotHexByte { column: 7 }
        );
        let mut long = [b'0'; 3 * (MAX_PART_LEN + 2)];
        for chunk in long.chunks_mut(3) {
            chunk[2] = b' ';
        }
        let long = core::str::from_utf8(&long).unwrap();
        assert!(matches!(
            parse_line(long),
            Err(CaptureError::TooLong { .. })
        ));
    }

    #[test]
    fn sigrok_nack_and_unterminated() {
        let mut p = SigrokParser::new();
        for l in [
            "i2c-1: Start",
            "i2c-1: Address write: 38",
            "i2c-1: Write",
            "i2c-1: NACK",
        ] {
            assert!(p.push_line(l).unwrap().is_none());
        }
        let t = p.push_line("i2c-1: Stop").unwrap().unwrap();
        assert!(t.nacked());
        assert_eq!(t.address(), 0x38);
        assert!(p.push_line("i2c-1: Start").unwrap().is_none());
        assert!(p.push_line("i2c-1: Address read: 0C").unwrap().is_none());
        assert!(p.push_line("i2c-1: Data read: B0").unwrap().is_none());
        let t = p.finish().unwrap();
        assert_eq!((t.direction(), t.read()), (Direction::Read, &[0xB0][..]));
        assert_eq!(
            p.push_line("i2c-1: Data read: 00").unwrap_err(),
            CaptureError::DataWithoutAddress
        );
        assert!(p.push_line("uart-1: Data read: 00").unwrap().is_none());
    }

    /// The forms sigrok-cli prints at different log levels, and the decoder test-vector form.
    #[test]
    fn sigrok_line_variants() {
        let plain = [
            "i2c-1: Start",
            "i2c-1: Write",
            "i2c-1: Address write: 68",
            "i2c-1: ACK",
            "i2c-1: 0",
            "i2c-1: 1",
            "i2c-1: Data write: 00",
            "i2c-1: Start repeat",
            "i2c-1: Read",
            "i2c-1: Address read: 68",
            "i2c-1: Data read: 13",
            "i2c-1: NACK",
            "i2c-1: Stop",
        ];
        let numbered = [
            "0-0 i2c-1: Start",
            "16-18 i2c-1: Write",
            "2-16 i2c-1: Address write: 68",
            "18-20 i2c-1: ACK",
            "25-41 i2c-1: Data write: 00",
            "323-323 i2c-1: Start repeat",
            "325-339 i2c-1: Address read: 68",
            "451-467 i2c-1: Data read: 13",
            "467-469 i2c-1: NACK",
            "471-471 i2c-1: Stop",
        ];
        let classes = [
            "0-0 i2c: start: \"Start\" \"S\"",
            "16-18 i2c: address-write: \"Write\" \"Wr\" \"W\"",
            "2-16 i2c: address-write: \"Address write: 68\" \"AW: 68\" \"68\"",
            "18-20 i2c: ack: \"ACK\" \"A\"",
            "25-41 i2c: data-write: \"Data write: 00\" \"DW: 00\" \"00\"",
            "323-323 i2c: repeat-start: \"Start repeat\" \"Sr\"",
            "325-339 i2c: address-read: \"Address read: 68\" \"AR: 68\" \"68\"",
            "451-467 i2c: data-read: \"Data read: 13\" \"DR: 13\" \"13\"",
            "467-469 i2c: nack: \"NACK\" \"N\"",
            "471-471 i2c: stop: \"Stop\" \"P\"",
        ];
        for lines in [&plain[..], &numbered[..], &classes[..]] {
            let mut p = SigrokParser::new();
            let mut out = None;
            for l in lines {
                if let Some(t) = p.push_line(l).unwrap() {
                    assert!(out.replace(t).is_none());
                }
            }
            let t = out.unwrap();
            assert_eq!(
                (t.address(), t.direction(), t.nacked()),
                (0x68, Direction::WriteRead, false)
            );
            assert_eq!((t.written(), t.read()), (&[0x00][..], &[0x13][..]));
        }
    }
}
