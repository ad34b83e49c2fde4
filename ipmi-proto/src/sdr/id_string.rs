//! ID strings of SDR records: the type/length byte and the string bytes (IPMI 2.0 §43.15).

use core::fmt::{self, Write};

use super::error::SdrError;

/// The most bytes a sensor or locator ID string holds (IPMI 2.0 Table 43-1 bytes 49:64).
pub const MAX_ID_LEN: usize = 16;

/// The encoding of an ID string (IPMI 2.0 §43.15, type/length byte bits 7:6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum IdStringType {
    /// 00b: Unicode (read here as UTF-16, least significant byte first).
    Unicode,
    /// 01b: BCD plus: digits, space, dash and period, two per byte.
    BcdPlus,
    /// 10b: 6-bit packed ASCII: four characters in three bytes.
    PackedAscii6,
    /// 11b: 8-bit ASCII + Latin-1.
    Latin1,
}

impl IdStringType {
    /// From the two type bits.
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 0b11 {
            0 => Self::Unicode,
            1 => Self::BcdPlus,
            2 => Self::PackedAscii6,
            _ => Self::Latin1,
        }
    }

    /// The two type bits.
    pub const fn bits(self) -> u8 {
        match self {
            Self::Unicode => 0,
            Self::BcdPlus => 1,
            Self::PackedAscii6 => 2,
            Self::Latin1 => 3,
        }
    }
}

/// An ID string as stored in a record: the type/length byte and every byte after it in the
/// record. The string is the first `len()` bytes; anything after it (some controllers pad
/// records) is [`IdString::padding`], kept so a record is re-emitted byte for byte.
///
/// ```
/// use ipmi_proto::sdr::{IdString, IdStringType};
///
/// let id = IdString::latin1(b"CPU_TEMP").unwrap();
/// assert_eq!(id.type_length(), 0xC8);
/// assert_eq!(id.to_string(), "CPU_TEMP");
///
/// // "IPMI" in 6-bit packed ASCII is three bytes.
/// let mut buf = [0u8; 3];
/// let id = IdString::encode_packed_ascii6("IPMI", &mut buf).unwrap();
/// assert_eq!(id.kind(), IdStringType::PackedAscii6);
/// assert_eq!(id.to_string(), "IPMI");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct IdString<'a> {
    type_length: u8,
    data: &'a [u8],
}

impl Default for IdString<'_> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<'a> IdString<'a> {
    /// An empty 8-bit ID string (type/length C0h).
    pub const EMPTY: IdString<'static> = IdString {
        type_length: 0xC0,
        data: &[],
    };

    /// Reads the type/length byte and takes every following byte of `tail`. Fails if `tail`
    /// is empty or shorter than the length it states.
    pub fn parse(tail: &'a [u8]) -> Result<Self, SdrError> {
        let (&type_length, data) = tail
            .split_first()
            .ok_or(SdrError::Truncated { needed: 1, got: 0 })?;
        Self::from_parts(type_length, data)
    }

    /// From a raw type/length byte and the bytes after it; `data` must hold at least the
    /// stated length. Reserved bit 5 is kept as given.
    pub fn from_parts(type_length: u8, data: &'a [u8]) -> Result<Self, SdrError> {
        let stated = usize::from(type_length & 0x1F);
        if data.len() < stated {
            return Err(SdrError::IdStringLength {
                stated,
                held: data.len(),
            });
        }
        Ok(Self { type_length, data })
    }

    /// A string of `kind` holding exactly `bytes` (at most 31 bytes, the 5-bit length).
    pub fn new(kind: IdStringType, bytes: &'a [u8]) -> Result<Self, SdrError> {
        let len = u8::try_from(bytes.len())
            .ok()
            .filter(|&l| l <= 0x1F)
            .ok_or(SdrError::FieldOutOfRange {
                field: "ID string length",
                value: i32::try_from(bytes.len()).unwrap_or(i32::MAX),
                min: 0,
                max: 0x1F,
            })?;
        Ok(Self {
            type_length: (kind.bits() << 6) | len,
            data: bytes,
        })
    }

    /// An 8-bit ASCII + Latin-1 string of at most [`MAX_ID_LEN`] bytes.
    pub fn latin1(bytes: &'a [u8]) -> Result<Self, SdrError> {
        if bytes.len() > MAX_ID_LEN {
            return Err(SdrError::FieldOutOfRange {
                field: "ID string length",
                value: i32::try_from(bytes.len()).unwrap_or(i32::MAX),
                min: 0,
                max: 16,
            });
        }
        Self::new(IdStringType::Latin1, bytes)
    }

    /// An 8-bit string from ASCII text (at most [`MAX_ID_LEN`] characters).
    pub fn ascii(text: &'a str) -> Result<Self, SdrError> {
        if let Some(ch) = text.chars().find(|c| !c.is_ascii()) {
            return Err(SdrError::IdStringCharacter { ch });
        }
        Self::latin1(text.as_bytes())
    }

    /// Encodes `text` as 6-bit packed ASCII (characters 20h–5Fh: space, digits, upper case
    /// and punctuation) into `out`, and returns the ID string over the bytes written.
    pub fn encode_packed_ascii6(text: &str, out: &'a mut [u8]) -> Result<Self, SdrError> {
        let mut acc: u32 = 0;
        let mut bits = 0u32;
        let mut n = 0usize;
        for ch in text.chars() {
            let code = u32::from(ch);
            if !(0x20..=0x5F).contains(&code) {
                return Err(SdrError::IdStringCharacter { ch });
            }
            acc |= (code - 0x20) << bits;
            bits += 6;
            while bits >= 8 {
                put(out, n, (acc & 0xFF) as u8)?;
                n += 1;
                acc >>= 8;
                bits -= 8;
            }
        }
        if bits > 0 {
            put(out, n, (acc & 0xFF) as u8)?;
            n += 1;
        }
        let written = out.get(..n).unwrap_or_default();
        Self::new(IdStringType::PackedAscii6, written)
    }

    /// Encodes `text` as BCD plus (`0`–`9`, space, `-`, `.`) into `out`, two characters a
    /// byte, first character in the high nibble; an odd count is padded with a space.
    pub fn encode_bcd_plus(text: &str, out: &'a mut [u8]) -> Result<Self, SdrError> {
        let mut n = 0usize;
        let mut high: Option<u8> = None;
        for ch in text.chars() {
            let nib = match ch {
                '0'..='9' => (u32::from(ch) - u32::from('0')) as u8,
                ' ' => 0xA,
                '-' => 0xB,
                '.' => 0xC,
                _ => return Err(SdrError::IdStringCharacter { ch }),
            };
            match high.take() {
                None => high = Some(nib),
                Some(h) => {
                    put(out, n, (h << 4) | nib)?;
                    n += 1;
                }
            }
        }
        if let Some(h) = high {
            put(out, n, (h << 4) | 0xA)?;
            n += 1;
        }
        let written = out.get(..n).unwrap_or_default();
        Self::new(IdStringType::BcdPlus, written)
    }

    /// The type/length byte.
    pub const fn type_length(&self) -> u8 {
        self.type_length
    }

    /// The encoding.
    pub const fn kind(&self) -> IdStringType {
        IdStringType::from_bits(self.type_length >> 6)
    }

    /// The stated length in bytes (bits 4:0).
    pub const fn len(&self) -> usize {
        (self.type_length & 0x1F) as usize
    }

    /// `true` for a zero-length string.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The string's bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.data.get(..self.len()).unwrap_or(self.data)
    }

    /// Bytes after the string that the record still counts.
    pub fn padding(&self) -> &'a [u8] {
        self.data.get(self.len()..).unwrap_or_default()
    }

    /// Type/length byte plus every byte held: what the string takes in a record.
    pub const fn encoded_len(&self) -> usize {
        1 + self.data.len()
    }

    /// Every byte after the type/length byte (string and padding).
    pub const fn data(&self) -> &'a [u8] {
        self.data
    }
}

fn put(out: &mut [u8], i: usize, b: u8) -> Result<(), SdrError> {
    let len = out.len();
    let slot = out.get_mut(i).ok_or(SdrError::BufferTooSmall {
        needed: i + 1,
        got: len,
    })?;
    *slot = b;
    Ok(())
}

/// Decodes the string for humans, without allocating. 8-bit strings stop at the first NUL
/// byte (as C tools print them) and map bytes to Latin-1 characters; Unicode strings are read
/// as UTF-16LE with U+FFFD for what does not decode; BCD plus digits D–F print as `?`.
impl fmt::Display for IdString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.bytes();
        match self.kind() {
            IdStringType::Latin1 => {
                for &b in bytes.iter().take_while(|&&b| b != 0) {
                    f.write_char(char::from(b))?;
                }
            }
            IdStringType::BcdPlus => {
                for &b in bytes {
                    for nib in [b >> 4, b & 0xF] {
                        f.write_char(match nib {
                            0..=9 => char::from(b'0' + nib),
                            0xA => ' ',
                            0xB => '-',
                            0xC => '.',
                            _ => '?',
                        })?;
                    }
                }
            }
            IdStringType::PackedAscii6 => {
                // §43.15 / FRU spec §13: characters packed from the least significant bit.
                let count = bytes.len() * 8 / 6;
                let mut acc: u32 = 0;
                let mut bits = 0u32;
                let mut it = bytes.iter();
                for _ in 0..count {
                    while bits < 6 {
                        let Some(&b) = it.next() else { break };
                        acc |= u32::from(b) << bits;
                        bits += 8;
                    }
                    let code = (acc & 0x3F) as u8;
                    acc >>= 6;
                    bits = bits.saturating_sub(6);
                    f.write_char(char::from(code + 0x20))?;
                }
            }
            IdStringType::Unicode => {
                let units = bytes
                    .chunks(2)
                    .map(|c| match *c {
                        [lo, hi] => u16::from_le_bytes([lo, hi]),
                        _ => 0xFFFD,
                    })
                    .take_while(|&u| u != 0);
                for ch in char::decode_utf16(units) {
                    f.write_char(ch.unwrap_or(char::REPLACEMENT_CHARACTER))?;
                }
            }
        }
        Ok(())
    }
}
