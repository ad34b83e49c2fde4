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
        if self.0.is_unspecified() {
            return f.write_str("Unspecified");
        }
        let c = civil(self.0.0);
        write!(f, "{:02}/{:02}/{:02}", c.month, c.day, c.year % 100)
    }
}

/// `hh:mm:ss UTC` (`GMT` up to 20000000h), or `Unspecified`: ipmitool's time column
/// (`%X %Z`).
#[derive(Clone, Copy)]
pub(crate) struct Time(pub Timestamp);

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_unspecified() {
            return f.write_str("Unspecified");
        }
        let c = civil(self.0.0);
        let zone = if self.0.0 <= Timestamp::PRE_INIT_LIMIT {
            "GMT"
        } else {
            "UTC"
        };
        write!(f, "{:02}:{:02}:{:02} {}", c.hour, c.minute, c.second, zone)
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
pub(crate) fn hex(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|b| write!(f, "{b:02x}"))
}

/// The kernel panic text of an F0h record: record bytes 6–16, up to the first NUL, as
/// ipmitool prints it (`%.11s` from byte offset 5). Bytes 80h–FFh are written as the
/// characters U+0080–U+00FF, so encoding the output as ISO-8859-1 gives ipmitool's bytes.
pub(crate) fn panic_text(f: &mut fmt::Formatter<'_>, raw: &[u8; RECORD_LEN]) -> fmt::Result {
    let text = raw.get(5..).unwrap_or_default();
    text.iter()
        .take_while(|&&b| b != 0)
        .try_for_each(|&b| f.write_char(char::from(b)))
}

/// Record type F0h: ipmitool prints it as a Linux kernel panic string.
pub(crate) const LINUX_PANIC_RECORD: u8 = 0xF0;
