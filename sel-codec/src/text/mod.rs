//! Text forms of a record. Every formatter is a small `Copy` value that implements
//! [`core::fmt::Display`]; none allocates, none panics.
//!
//! The texts reproduce ipmitool 1.8.19 run with `LC_ALL=C TZ=UTC`: dates are `mm/dd/yy`,
//! times `hh:mm:ss UTC`, always in UTC. (ipmitool labels the single timestamp 20000000h
//! `GMT` because it formats it with `gmtime`; so do we.)

mod elist;
mod list;
mod verbose;

#[cfg(feature = "serde")]
mod json;

pub use elist::{
    AnalogFormat, Elist, Linear, Sensor, SensorLookup, SensorTable, SensorUnit, UnitRelation,
};
#[cfg(feature = "serde")]
pub use json::JsonEntry;
pub use list::IpmitoolList;
pub use verbose::IpmitoolVerbose;

use core::fmt::{self, Write};

use crate::record::{RECORD_LEN, Timestamp};

/// A UTC calendar time broken into fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Civil {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub yday: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Converts seconds since 1970-01-01T00:00:00Z (the full `u32` range reaches 2106).
pub(crate) const fn civil(secs: u32) -> Civil {
    let days = secs / 86_400;
    let rem = secs % 86_400;
    // Days to civil date, proleptic Gregorian (the "days from civil" inverse; all values
    // stay positive because `days` counts from 1970 and eras start at 0000-03-01).
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    // Day of the year, 1-based: `doy` counts from 1 March.
    let yday = if mp < 10 {
        doy + 60 + if leap { 1 } else { 0 }
    } else {
        doy - 305
    };
    Civil {
        year,
        month,
        day,
        yday,
        hour: rem / 3600,
        minute: rem % 3600 / 60,
        second: rem % 60,
    }
}

/// `mm/dd/yy`, or `Unspecified` for FFFFFFFFh: ipmitool's date column (`%x` in the C locale).
#[derive(Clone, Copy)]
pub(crate) struct Date(pub Timestamp);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

impl Date {
    pub(crate) fn write_to<W: Write + ?Sized>(&self, f: &mut W) -> fmt::Result {
        if self.0.is_unspecified() {
            return f.write_str("Unspecified");
        }
        let c = civil(self.0.0);
        dec2(f, c.month)?;
        f.write_char('/')?;
        dec2(f, c.day)?;
        f.write_char('/')?;
        dec2(f, c.year % 100)
    }
}

/// `hh:mm:ss UTC` (`GMT` up to 20000000h), or `Unspecified`: ipmitool's time column
/// (`%X %Z`).
#[derive(Clone, Copy)]
pub(crate) struct Time(pub Timestamp);

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

impl Time {
    pub(crate) fn write_to<W: Write + ?Sized>(&self, f: &mut W) -> fmt::Result {
        if self.0.is_unspecified() {
            return f.write_str("Unspecified");
        }
        let c = civil(self.0.0);
        let zone = if self.0.0 <= Timestamp::PRE_INIT_LIMIT {
            "GMT"
        } else {
            "UTC"
        };
        dec2(f, c.hour)?;
        f.write_char(':')?;
        dec2(f, c.minute)?;
        f.write_char(':')?;
        dec2(f, c.second)?;
        f.write_char(' ')?;
        f.write_str(zone)
    }
}

/// ISO 8601 UTC (`2020-07-04T04:05:20Z`) for absolute timestamps.
#[cfg(feature = "serde")]
#[derive(Clone, Copy)]
pub(crate) struct Iso8601(pub u32);

#[cfg(feature = "serde")]
impl fmt::Display for Iso8601 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = civil(self.0);
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }
}

/// Lower-case hex digits of a byte run, no separators.
pub(crate) fn hex<W: Write + ?Sized>(f: &mut W, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|&b| hex2(b).write_to(f))
}

// Number writers used on the hot paths instead of `write!` with width and fill flags,
// which costs several times more per field. Each builds its digits in a small array.

/// The lower-case hex digit of the low nibble.
const fn hex_digit(n: u8) -> u8 {
    let n = n & 0x0F;
    if n < 10 { b'0' + n } else { b'a' + n - 10 }
}

/// Up to 10 ASCII bytes, handed to the formatter as a `&str`.
pub(crate) struct Digits {
    buf: [u8; 10],
    len: usize,
}

impl Digits {
    /// Writes the digits one `char` at a time: inlined and cheap for [`LineBuf`], and no
    /// UTF-8 validation is needed since only ASCII digits and spaces are stored.
    pub(crate) fn write_to<W: Write + ?Sized>(&self, w: &mut W) -> fmt::Result {
        self.buf
            .iter()
            .take(self.len)
            .try_for_each(|&b| w.write_char(char::from(b)))
    }
}

/// Two decimal digits of a value below 100.
pub(crate) fn dec2<W: Write + ?Sized>(w: &mut W, n: u32) -> fmt::Result {
    w.write_char(char::from(b'0' + (n / 10 % 10) as u8))?;
    w.write_char(char::from(b'0' + (n % 10) as u8))
}

/// `%02x`.
pub(crate) fn hex2(b: u8) -> Digits {
    let mut buf = [0u8; 10];
    buf[0] = hex_digit(b >> 4);
    buf[1] = hex_digit(b);
    Digits { buf, len: 2 }
}

/// `%4x` for a 16-bit value: lower-case hex without leading zeros, right-aligned in 4.
pub(crate) fn hex4_right(v: u16) -> Digits {
    let [hi, lo] = v.to_be_bytes();
    let digits = [hi >> 4, hi, lo >> 4, lo].map(hex_digit);
    // Leading zero nibbles become spaces, keeping at least one digit.
    let blanks = (v.leading_zeros() / 4).min(3) as usize;
    let mut buf = [b' '; 10];
    for (i, (slot, digit)) in buf.iter_mut().zip(digits).enumerate() {
        if i >= blanks {
            *slot = digit;
        }
    }
    Digits { buf, len: 4 }
}

/// `%0Nd` for N in 1..=10 (values wider than N keep all their digits, as printf does).
pub(crate) fn dec_zero(v: u32, width: usize) -> Digits {
    let mut tmp = [b'0'; 10];
    let mut n = v;
    let mut used = 0;
    for slot in tmp.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
        used += 1;
        if n == 0 {
            break;
        }
    }
    let len = used.max(width.min(10));
    let mut buf = [b'0'; 10];
    if let (Some(dst), Some(src)) = (buf.get_mut(..len), tmp.get(10 - len..)) {
        dst.copy_from_slice(src);
    }
    Digits { buf, len }
}

/// The kernel panic text of an F0h record: record bytes 6–16, up to the first NUL, as
/// ipmitool prints it (`%.11s` from byte offset 5). Bytes 80h–FFh are written as the
/// characters U+0080–U+00FF, so encoding the output as ISO-8859-1 gives ipmitool's bytes.
pub(crate) fn panic_text<W: Write + ?Sized>(f: &mut W, raw: &[u8; RECORD_LEN]) -> fmt::Result {
    let text = raw.get(5..).unwrap_or_default();
    text.iter()
        .take_while(|&&b| b != 0)
        .try_for_each(|&b| f.write_char(char::from(b)))
}

/// A line assembled on the stack and handed to the formatter in one `write_str`: one
/// dynamic call per line instead of one per field. Lines that do not fit (only possible with
/// long caller-supplied sensor names) make `write_str` fail, and the caller then formats
/// straight into the formatter instead.
pub(crate) struct LineBuf {
    buf: [u8; 256],
    len: usize,
}

impl LineBuf {
    pub(crate) const fn new() -> Self {
        Self {
            buf: [0; 256],
            len: 0,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        self.buf
            .get(..self.len)
            .and_then(|b| core::str::from_utf8(b).ok())
    }
}

impl Write for LineBuf {
    #[inline]
    fn write_char(&mut self, c: char) -> fmt::Result {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => {
                let slot = self.buf.get_mut(self.len).ok_or(fmt::Error)?;
                *slot = b;
                self.len += 1;
                Ok(())
            }
            _ => self.write_str(c.encode_utf8(&mut [0; 4])),
        }
    }

    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Text that can be written to any `fmt::Write`, so that it can be assembled in a
/// [`LineBuf`] with static dispatch.
pub(crate) trait WriteText {
    fn write_text<W: Write + ?Sized>(&self, w: &mut W) -> fmt::Result;
}

/// Formats through a [`LineBuf`] when the text fits, else directly.
pub(crate) fn buffered<T: WriteText>(f: &mut fmt::Formatter<'_>, text: &T) -> fmt::Result {
    let mut line = LineBuf::new();
    if text.write_text(&mut line).is_ok() {
        if let Some(done) = line.as_str() {
            return f.write_str(done);
        }
    }
    text.write_text(f)
}

/// Record type F0h: ipmitool prints it as a Linux kernel panic string.
pub(crate) const LINUX_PANIC_RECORD: u8 = 0xF0;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::civil;

    /// Every day a `u32` timestamp can reach (1970-01-01 to 2106-02-07), checked against
    /// a plain day-by-day calendar walk.
    #[test]
    fn civil_matches_a_calendar_walk() {
        let (mut year, mut month, mut day, mut yday) = (1970u32, 1u32, 1u32, 1u32);
        for days in 0..=(u32::MAX / 86_400) {
            let c = civil(days * 86_400);
            assert_eq!(
                (c.year, c.month, c.day, c.yday),
                (year, month, day, yday),
                "day {days}"
            );
            assert_eq!((c.hour, c.minute, c.second), (0, 0, 0));
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let len = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            day += 1;
            yday += 1;
            if day > len[month as usize - 1] {
                day = 1;
                month += 1;
                if month > 12 {
                    (month, year, yday) = (1, year + 1, 1);
                }
            }
        }
        assert_eq!(civil(u32::MAX).year, 2106);
    }
}
