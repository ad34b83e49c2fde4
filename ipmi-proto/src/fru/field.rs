//! Type/length fields (FRU Information Storage Definition §13): reading them in place and
//! writing them.

use core::fmt;

use super::error::{EncodeError, TextError};

/// The type/length byte value that ends the fields of an area (§13.1, "C1h").
pub const END_OF_FIELDS: u8 = 0xC1;

/// The most data bytes one type/length byte counts (bits 5:0, §13.1).
pub const MAX_FIELD_LEN: usize = 63;

/// An area's language code (§15, Table 15-1). It decides how type 11b fields are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Language(pub u8);

impl Language {
    /// Code 0: English, the value older images use (§15: "0 = English").
    pub const ENGLISH_DEFAULT: Self = Self(0);
    /// Code 25 (19h): `en`, English (Table 15-1).
    pub const ENGLISH: Self = Self(25);

    /// Whether type 11b fields are 8-bit ASCII + Latin 1 (codes 0 and 25) rather than
    /// 2-byte Unicode (§13.1).
    pub const fn is_english(self) -> bool {
        matches!(self.0, 0 | 25)
    }
}

/// Bits 7:6 of a type/length byte (§13.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum TypeCode {
    /// 00b: binary or unspecified.
    Binary,
    /// 01b: BCD plus (Table 13-1).
    BcdPlus,
    /// 10b: 6-bit ASCII, packed.
    SixBitAscii,
    /// 11b: 8-bit ASCII + Latin 1 in an English area, 2-byte Unicode otherwise.
    LanguageText,
}

/// A type/length byte (§13.1): type code in bits 7:6, number of data bytes in bits 5:0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TypeLength(pub u8);

impl TypeLength {
    /// The byte for a type code and a length; `None` when `len` is above 63.
    pub const fn new(code: TypeCode, len: usize) -> Option<Self> {
        if len > MAX_FIELD_LEN {
            return None;
        }
        let bits = match code {
            TypeCode::Binary => 0x00,
            TypeCode::BcdPlus => 0x40,
            TypeCode::SixBitAscii => 0x80,
            TypeCode::LanguageText => 0xC0,
        };
        // `len` is at most 63 here.
        Some(Self(bits | (len as u8)))
    }

    /// The type code.
    pub const fn type_code(self) -> TypeCode {
        match self.0 >> 6 {
            0 => TypeCode::Binary,
            1 => TypeCode::BcdPlus,
            2 => TypeCode::SixBitAscii,
            _ => TypeCode::LanguageText,
        }
    }

    /// Number of data bytes that follow.
    pub const fn len(self) -> usize {
        (self.0 & 0x3F) as usize
    }

    /// Whether no data bytes follow.
    pub const fn is_empty(self) -> bool {
        self.0 & 0x3F == 0
    }

    /// Whether this is the end-of-fields marker C1h.
    pub const fn is_end_of_fields(self) -> bool {
        self.0 == END_OF_FIELDS
    }
}

/// How a field's data bytes are read: the type code, with 11b resolved by the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum FieldEncoding {
    /// 00b: bytes without a text meaning.
    Binary,
    /// 01b: two BCD plus digits per byte, high nibble first (Table 13-1).
    BcdPlus,
    /// 10b: 6-bit ASCII, four characters in three bytes, least significant bits first.
    SixBitAscii,
    /// 11b in an English area: one byte per character, ISO 8859-1.
    Latin1,
    /// 11b in a non-English area: 2-byte Unicode, least significant byte first.
    Ucs2Le,
}

/// One type/length field of an info area, borrowed from the image.
///
/// ```
/// use ipmi_proto::fru::{Field, FieldEncoding, Language};
///
/// // "IPMI" in 6-bit packed ASCII (FRU Information Storage Definition §13.2).
/// let bytes = [0x83, 0x29, 0xDC, 0xA6];
/// let (field, used) = Field::parse(&bytes, Language::ENGLISH).unwrap();
/// assert_eq!(used, 4);
/// assert_eq!(field.encoding(), FieldEncoding::SixBitAscii);
/// assert!(field.eq_text("IPMI"));
/// assert_eq!(field.data(), &[0x29, 0xDC, 0xA6]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field<'a> {
    type_length: TypeLength,
    data: &'a [u8],
    english: bool,
}

impl<'a> Field<'a> {
    /// Reads the field at the start of `bytes` (type/length byte, then its data) and returns it
    /// with the number of bytes it takes. `None` when the data runs past `bytes`.
    ///
    /// The end-of-fields marker C1h is read as a field like any other (an 11b field of one
    /// byte); callers that walk an area stop before it.
    pub fn parse(bytes: &'a [u8], language: Language) -> Option<(Self, usize)> {
        let (&tl, rest) = bytes.split_first()?;
        let type_length = TypeLength(tl);
        let data = rest.get(..type_length.len())?;
        Some((
            Self {
                type_length,
                data,
                english: language.is_english(),
            },
            1 + data.len(),
        ))
    }

    /// The type/length byte.
    pub const fn type_length(&self) -> TypeLength {
        self.type_length
    }

    /// The data bytes, as stored.
    pub const fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Whether the field has no data bytes (for example C0h, the usual empty field).
    pub const fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// How the data bytes are read.
    pub const fn encoding(&self) -> FieldEncoding {
        match self.type_length.type_code() {
            TypeCode::Binary => FieldEncoding::Binary,
            TypeCode::BcdPlus => FieldEncoding::BcdPlus,
            TypeCode::SixBitAscii => FieldEncoding::SixBitAscii,
            TypeCode::LanguageText if self.english => FieldEncoding::Latin1,
            TypeCode::LanguageText => FieldEncoding::Ucs2Le,
        }
    }

    /// The characters of the field, for display: binary data as lowercase hex digits (two per
    /// byte, as ipmitool prints them), text decoded, and U+FFFD for a unit that is not a
    /// character (a reserved BCD plus digit, a surrogate or a lone last byte of a Unicode
    /// field). [`Field::text`] is the checked form.
    pub fn chars(&self) -> FieldChars<'a> {
        FieldChars {
            encoding: self.encoding(),
            data: self.data,
            next: 0,
            end: char_count(self.encoding(), self.data.len()),
        }
    }

    /// The text of the field, checked: an error for binary data, a reserved BCD plus digit,
    /// or a Unicode field that does not decode.
    ///
    /// 6-bit ASCII yields ⌊8·len/6⌋ characters: the bits left over after the last whole
    /// character are ignored, and three characters packed into three bytes read back with a
    /// fourth, a space.
    pub fn text(&self) -> Result<FieldChars<'a>, TextError> {
        match self.encoding() {
            FieldEncoding::Binary => return Err(TextError::Binary),
            FieldEncoding::BcdPlus => {
                for (index, &b) in self.data.iter().enumerate() {
                    for digit in [b >> 4, b & 0x0F] {
                        if digit > 0x0C {
                            return Err(TextError::ReservedBcdDigit { index, digit });
                        }
                    }
                }
            }
            FieldEncoding::Ucs2Le => {
                if self.data.len() % 2 != 0 {
                    return Err(TextError::OddUnicodeLength);
                }
                for (i, pair) in self.data.chunks_exact(2).enumerate() {
                    if let [lo, hi] = *pair {
                        let unit = u16::from_le_bytes([lo, hi]);
                        if char::from_u32(u32::from(unit)).is_none() {
                            return Err(TextError::InvalidUnicode {
                                index: i.saturating_mul(2),
                                unit,
                            });
                        }
                    }
                }
            }
            FieldEncoding::SixBitAscii | FieldEncoding::Latin1 => {}
        }
        Ok(self.chars())
    }

    /// Whether the field's characters ([`Field::chars`]) are exactly those of `s`.
    pub fn eq_text(&self, s: &str) -> bool {
        self.chars().eq(s.chars())
    }
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.chars(), f)
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for Field<'_> {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(
            f,
            "Field {{ type_length: {=u8:#x}, data: {=[u8]:#x} }}",
            self.type_length.0,
            self.data
        );
    }
}

/// How many characters `chars()` yields for `len` data bytes.
const fn char_count(encoding: FieldEncoding, len: usize) -> usize {
    match encoding {
        FieldEncoding::Binary | FieldEncoding::BcdPlus => len * 2,
        // At most 63 bytes, so no overflow.
        FieldEncoding::SixBitAscii => len * 8 / 6,
        FieldEncoding::Latin1 => len,
        FieldEncoding::Ucs2Le => len.div_ceil(2),
    }
}

/// BCD plus digits Ah–Ch (Table 13-1); Dh–Fh are reserved.
const BCD_PLUS: [char; 13] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '-', '.',
];

const HEX: [char; 16] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f',
];

/// The characters of a [`Field`]; see [`Field::chars`]. Also `Display`s them.
#[derive(Clone, Debug)]
pub struct FieldChars<'a> {
    encoding: FieldEncoding,
    data: &'a [u8],
    next: usize,
    end: usize,
}

impl FieldChars<'_> {
    fn at(&self, i: usize) -> char {
        let byte = |n: usize| self.data.get(n).copied().unwrap_or(0);
        match self.encoding {
            FieldEncoding::Binary => {
                let b = byte(i / 2);
                let nibble = if i % 2 == 0 { b >> 4 } else { b & 0x0F };
                HEX.get(usize::from(nibble)).copied().unwrap_or('?')
            }
            FieldEncoding::BcdPlus => {
                let b = byte(i / 2);
                let nibble = if i % 2 == 0 { b >> 4 } else { b & 0x0F };
                BCD_PLUS
                    .get(usize::from(nibble))
                    .copied()
                    .unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            FieldEncoding::SixBitAscii => {
                // Character i occupies bits 6i..6i+6 of the little-endian bit string.
                let bit = i * 6;
                let pair = u16::from_le_bytes([byte(bit / 8), byte(bit / 8 + 1)]);
                let value = (pair >> (bit % 8)) & 0x3F;
                // 0..=63 plus 20h is in 20h..=5Fh.
                char::from(value as u8 + 0x20)
            }
            FieldEncoding::Latin1 => char::from(byte(i)),
            FieldEncoding::Ucs2Le => match (self.data.get(2 * i), self.data.get(2 * i + 1)) {
                (Some(&lo), Some(&hi)) => char::from_u32(u32::from(u16::from_le_bytes([lo, hi])))
                    .unwrap_or(char::REPLACEMENT_CHARACTER),
                _ => char::REPLACEMENT_CHARACTER,
            },
        }
    }
}

impl Iterator for FieldChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if self.next >= self.end {
            return None;
        }
        let c = self.at(self.next);
        self.next += 1;
        Some(c)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next);
        (n, Some(n))
    }
}

impl ExactSizeIterator for FieldChars<'_> {}

impl fmt::Display for FieldChars<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        for c in self.clone() {
            f.write_char(c)?;
        }
        Ok(())
    }
}

/// A field value to write (§13.1), borrowed.
///
/// ```
/// use ipmi_proto::fru::{FieldValue, Language};
///
/// let mut buf = [0u8; 8];
/// let n = FieldValue::SixBitAscii("IPMI").encode(Language::ENGLISH, &mut buf).unwrap();
/// assert_eq!(&buf[..n], &[0x83, 0x29, 0xDC, 0xA6]);
/// let n = FieldValue::BcdPlus("12-3").encode(Language::ENGLISH, &mut buf).unwrap();
/// assert_eq!(&buf[..n], &[0x42, 0x12, 0xB3]);
/// let n = FieldValue::Text("").encode(Language::ENGLISH, &mut buf).unwrap();
/// assert_eq!(&buf[..n], &[0xC0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum FieldValue<'a> {
    /// Type 11b: 8-bit ASCII + Latin 1 (U+0000–U+00FF) in an English area, 2-byte Unicode
    /// (U+0000–U+FFFF, least significant byte first) otherwise. An empty string is C0h.
    Text(&'a str),
    /// Type 10b: 6-bit packed ASCII, characters U+0020–U+005F (upper case). Three
    /// characters plus a multiple of four read back with a trailing space.
    SixBitAscii(&'a str),
    /// Type 01b: BCD plus, characters `0`–`9`, space, `-`, `.`. An odd number of characters
    /// gets a trailing space to fill the last byte.
    BcdPlus(&'a str),
    /// Type 00b: binary data.
    Binary(&'a [u8]),
}

impl FieldValue<'_> {
    /// Number of data bytes the value encodes to (without the type/length byte), whether or
    /// not it fits in a field.
    pub fn data_len(&self, language: Language) -> usize {
        match *self {
            Self::Text(s) if language.is_english() => s.chars().count(),
            Self::Text(s) => s.chars().count().saturating_mul(2),
            Self::SixBitAscii(s) => s.chars().count().saturating_mul(6).div_ceil(8),
            Self::BcdPlus(s) => s.chars().count().div_ceil(2),
            Self::Binary(b) => b.len(),
        }
    }

    /// Writes the type/length byte and the data to the start of `out`; returns the number of
    /// bytes written.
    pub fn encode(&self, language: Language, out: &mut [u8]) -> Result<usize, EncodeError> {
        let len = self.data_len(language);
        let code = match self {
            Self::Text(_) => TypeCode::LanguageText,
            Self::SixBitAscii(_) => TypeCode::SixBitAscii,
            Self::BcdPlus(_) => TypeCode::BcdPlus,
            Self::Binary(_) => TypeCode::Binary,
        };
        let tl = TypeLength::new(code, len).ok_or(EncodeError::TooLong { len })?;
        if tl.is_end_of_fields() {
            return Err(EncodeError::SingleByteText);
        }
        let needed = len + 1;
        let available = out.len();
        let (head, data) = out
            .get_mut(..needed)
            .and_then(|o| o.split_first_mut())
            .ok_or(EncodeError::BufferTooSmall { needed, available })?;
        *head = tl.0;
        match *self {
            Self::Text(s) if language.is_english() => {
                for (slot, ch) in data.iter_mut().zip(s.chars()) {
                    *slot =
                        u8::try_from(u32::from(ch)).map_err(|_| EncodeError::Unencodable { ch })?;
                }
            }
            Self::Text(s) => {
                for (slot, ch) in data.chunks_exact_mut(2).zip(s.chars()) {
                    let unit = u16::try_from(u32::from(ch))
                        .map_err(|_| EncodeError::Unencodable { ch })?;
                    slot.copy_from_slice(&unit.to_le_bytes());
                }
            }
            Self::SixBitAscii(s) => {
                data.fill(0);
                for (i, ch) in s.chars().enumerate() {
                    let v = match u32::from(ch) {
                        c @ 0x20..=0x5F => (c - 0x20) as u16,
                        _ => return Err(EncodeError::Unencodable { ch }),
                    };
                    let bit = i * 6;
                    let shifted = (v << (bit % 8)).to_le_bytes();
                    for (k, part) in shifted.into_iter().enumerate() {
                        if let Some(slot) = data.get_mut(bit / 8 + k) {
                            *slot |= part;
                        }
                    }
                }
            }
            Self::BcdPlus(s) => {
                // An odd count leaves a space (Ah) in the last low nibble.
                data.fill(0xAA);
                for (i, ch) in s.chars().enumerate() {
                    let digit = match ch {
                        '0'..='9' => u32::from(ch) - u32::from('0'),
                        ' ' => 0xA,
                        '-' => 0xB,
                        '.' => 0xC,
                        _ => return Err(EncodeError::Unencodable { ch }),
                    } as u8;
                    if let Some(slot) = data.get_mut(i / 2) {
                        *slot = if i % 2 == 0 {
                            (*slot & 0x0F) | (digit << 4)
                        } else {
                            (*slot & 0xF0) | digit
                        };
                    }
                }
            }
            Self::Binary(b) => data.copy_from_slice(b),
        }
        Ok(needed)
    }
}
