//! The internal use area and the chassis, board and product info areas
//! (FRU Information Storage Definition §9–§12), read in place.

use core::fmt;

use super::checksum::zero_sum;
use super::error::{Area, FruError};
use super::field::{END_OF_FIELDS, Field, Language};
use super::header::FORMAT_VERSION;

/// Minutes from 1970-01-01 to 1996-01-01, 00:00 UTC (9496 days).
const UNIX_MINUTES_1996: u64 = 9496 * 24 * 60;

/// The board's manufacturing date and time (§11 Table 11-1, bytes 4–6): minutes since
/// 1996-01-01 00:00 UTC, 24 bits, least significant byte first. 0 means unspecified.
///
/// ```
/// use ipmi_proto::fru::MfgDateTime;
///
/// let t = MfgDateTime::from_le_bytes([0x60, 0x0D, 0x00]); // 3424 minutes
/// assert_eq!(t.unix_seconds(), Some(820_454_400 + 3424 * 60));
/// assert_eq!(t.to_string(), "1996-01-03 09:04 UTC");
/// assert_eq!(t.ipmitool().to_string(), "Wed Jan  3 09:04:00 1996 UTC");
/// assert_eq!(MfgDateTime::UNSPECIFIED.ipmitool().to_string(), "Unspecified");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MfgDateTime(u32);

impl MfgDateTime {
    /// 0: unspecified (§11).
    pub const UNSPECIFIED: Self = Self(0);
    /// The largest value, FFFFFFh minutes (2027-11-24 20:15 UTC).
    pub const MAX: Self = Self(0x00FF_FFFF);

    /// A date from minutes since 1996-01-01 00:00 UTC; `None` above FFFFFFh.
    pub const fn from_minutes(minutes: u32) -> Option<Self> {
        if minutes > Self::MAX.0 {
            None
        } else {
            Some(Self(minutes))
        }
    }

    /// A date from Unix seconds; `None` before 1996-01-01, after [`MfgDateTime::MAX`], or when
    /// `seconds` is not a whole minute (the field cannot hold it).
    pub const fn from_unix_seconds(seconds: u64) -> Option<Self> {
        if seconds % 60 != 0 {
            return None;
        }
        let minutes = seconds / 60;
        if minutes < UNIX_MINUTES_1996 || minutes - UNIX_MINUTES_1996 > Self::MAX.0 as u64 {
            return None;
        }
        Some(Self((minutes - UNIX_MINUTES_1996) as u32))
    }

    /// The three stored bytes.
    pub const fn from_le_bytes(b: [u8; 3]) -> Self {
        Self(u32::from_le_bytes([b[0], b[1], b[2], 0]))
    }

    /// The three bytes to store.
    pub const fn to_le_bytes(self) -> [u8; 3] {
        let b = self.0.to_le_bytes();
        [b[0], b[1], b[2]]
    }

    /// Minutes since 1996-01-01 00:00 UTC.
    pub const fn minutes(self) -> u32 {
        self.0
    }

    /// Whether the value is 0, "unspecified".
    pub const fn is_unspecified(self) -> bool {
        self.0 == 0
    }

    /// Seconds since 1970-01-01 00:00 UTC; `None` when unspecified.
    pub const fn unix_seconds(self) -> Option<u64> {
        if self.is_unspecified() {
            None
        } else {
            Some((self.0 as u64 + UNIX_MINUTES_1996) * 60)
        }
    }

    /// The UTC calendar date and time; `None` when unspecified.
    pub const fn civil(self) -> Option<Civil> {
        if self.is_unspecified() {
            return None;
        }
        Some(Civil::from_unix_minutes(self.0 as u64 + UNIX_MINUTES_1996))
    }

    /// The form `ipmitool fru print` shows with `TZ=UTC` and the C locale:
    /// `Wed Jan  3 09:04:00 1996 UTC`, or `Unspecified`.
    pub const fn ipmitool(self) -> IpmitoolDate {
        IpmitoolDate(self)
    }
}

impl fmt::Display for MfgDateTime {
    /// `YYYY-MM-DD HH:MM UTC`, or `unspecified`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.civil() {
            None => f.write_str("unspecified"),
            Some(c) => write!(
                f,
                "{:04}-{:02}-{:02} {:02}:{:02} UTC",
                c.year, c.month, c.day, c.hour, c.minute
            ),
        }
    }
}

/// [`MfgDateTime`] as ipmitool prints it; see [`MfgDateTime::ipmitool`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpmitoolDate(MfgDateTime);

impl fmt::Display for IpmitoolDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match self.0.civil() {
            None => f.write_str("Unspecified"),
            Some(c) => write!(
                f,
                "{} {} {:2} {:02}:{:02}:00 {} UTC",
                DAYS.get(usize::from(c.weekday)).unwrap_or(&"???"),
                MONTHS
                    .get(usize::from(c.month).wrapping_sub(1))
                    .unwrap_or(&"???"),
                c.day,
                c.hour,
                c.minute,
                c.year
            ),
        }
    }
}

/// A UTC calendar date and time to the minute (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Civil {
    /// Year, e.g. 1996.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day of the month 1–31.
    pub day: u8,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
    /// Day of the week, 0 = Sunday.
    pub weekday: u8,
}

impl Civil {
    /// The date of a count of minutes since 1970-01-01 00:00 UTC (for the FRU range:
    /// up to year 2027).
    const fn from_unix_minutes(minutes: u64) -> Self {
        let days = minutes / 1440;
        let rem = minutes % 1440;
        // 1970-01-01 was a Thursday.
        let weekday = ((days + 4) % 7) as u8;
        // Days to a civil date, counting in 400-year eras that start on 0000-03-01.
        let z = days + 719_468;
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as u16;
        Self {
            year,
            month,
            day,
            hour: (rem / 60) as u8,
            minute: (rem % 60) as u8,
            weekday,
        }
    }
}

/// The chassis type byte of the chassis info area (§10 Table 10-1), an SMBIOS System
/// Enclosure or Chassis Type. Every value is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChassisType(pub u8);

/// SMBIOS chassis type names 01h–24h (SMBIOS 3.x, System Enclosure or Chassis Types).
const SMBIOS_CHASSIS: [&str; 36] = [
    "Other",
    "Unknown",
    "Desktop",
    "Low Profile Desktop",
    "Pizza Box",
    "Mini Tower",
    "Tower",
    "Portable",
    "Laptop",
    "Notebook",
    "Hand Held",
    "Docking Station",
    "All in One",
    "Sub Notebook",
    "Space-saving",
    "Lunch Box",
    "Main Server Chassis",
    "Expansion Chassis",
    "SubChassis",
    "Bus Expansion Chassis",
    "Peripheral Chassis",
    "RAID Chassis",
    "Rack Mount Chassis",
    "Sealed-case PC",
    "Multi-system chassis",
    "Compact PCI",
    "Advanced TCA",
    "Blade",
    "Blade Enclosure",
    "Tablet",
    "Convertible",
    "Detachable",
    "IoT Gateway",
    "Embedded PC",
    "Mini PC",
    "Stick PC",
];

/// ipmitool 1.8.19's chassis type names, 00h–1Dh; it prints "Unknown" above.
const IPMITOOL_CHASSIS: [&str; 30] = [
    "Unspecified",
    "Other",
    "Unknown",
    "Desktop",
    "Low Profile Desktop",
    "Pizza Box",
    "Mini Tower",
    "Tower",
    "Portable",
    "LapTop",
    "Notebook",
    "Hand Held",
    "Docking Station",
    "All in One",
    "Sub Notebook",
    "Space-saving",
    "Lunch Box",
    "Main Server Chassis",
    "Expansion Chassis",
    "SubChassis",
    "Bus Expansion Chassis",
    "Peripheral Chassis",
    "RAID Chassis",
    "Rack Mount Chassis",
    "Sealed-case PC",
    "Multi-system Chassis",
    "CompactPCI",
    "AdvancedTCA",
    "Blade",
    "Blade Enclosure",
];

impl ChassisType {
    /// 17h, the usual value for a server.
    pub const RACK_MOUNT: Self = Self(0x17);

    /// The SMBIOS name for 01h–24h; `None` otherwise.
    pub fn name(self) -> Option<&'static str> {
        SMBIOS_CHASSIS
            .get(usize::from(self.0).wrapping_sub(1))
            .copied()
    }

    /// The name `ipmitool fru print` shows: its own table for 00h–1Dh, "Unknown" above.
    pub fn ipmitool_name(self) -> &'static str {
        IPMITOOL_CHASSIS
            .get(usize::from(self.0))
            .copied()
            .unwrap_or("Unknown")
    }
}

impl fmt::Display for ChassisType {
    /// The SMBIOS name, or `chassis type XXh`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "chassis type {:02X}h", self.0),
        }
    }
}

/// The internal use area (§9): a format version byte, then data in a format of the
/// manufacturer's choosing. It has no length byte; it ends where the next area in the image
/// starts (or at the end of the image).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct InternalUseArea<'a> {
    offset: usize,
    bytes: &'a [u8],
}

impl<'a> InternalUseArea<'a> {
    /// The area that occupies `bytes`, which start at image offset `offset`. Checks that the
    /// version byte is there and its bits 3:0 are 1h.
    pub fn parse(bytes: &'a [u8], offset: usize) -> Result<Self, FruError> {
        let Some(&version) = bytes.first() else {
            return Err(FruError::Truncated {
                area: Area::InternalUse,
                offset,
                needed: 1,
                available: 0,
            });
        };
        if version & 0x0F != FORMAT_VERSION {
            return Err(FruError::UnsupportedVersion {
                area: Area::InternalUse,
                offset,
                version,
            });
        }
        Ok(Self { offset, bytes })
    }

    /// Where the area starts in the image.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The format version byte.
    pub fn format_version(&self) -> u8 {
        self.bytes.first().copied().unwrap_or(0)
    }

    /// The data after the version byte, padding included.
    pub fn data(&self) -> &'a [u8] {
        self.bytes.get(1..).unwrap_or(&[])
    }

    /// All bytes of the area.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

/// The bytes of an info area whose version, length and checksum are checked (§10–§12: byte 1
/// version, byte 2 length in multiples of 8, last byte a zero checksum).
fn area_bytes(image: &[u8], offset: usize, area: Area) -> Result<&[u8], FruError> {
    let rest = image.get(offset..).unwrap_or(&[]);
    let truncated = |needed| FruError::Truncated {
        area,
        offset,
        needed,
        available: rest.len(),
    };
    let [version, len, ..] = *rest else {
        return Err(truncated(2));
    };
    if version & 0x0F != FORMAT_VERSION {
        return Err(FruError::UnsupportedVersion {
            area,
            offset,
            version,
        });
    }
    if len == 0 {
        return Err(FruError::ZeroLength { area, offset });
    }
    let total = usize::from(len) * 8;
    let bytes = rest.get(..total).ok_or(truncated(total))?;
    let sum = zero_sum(bytes);
    if sum != 0 {
        return Err(FruError::BadChecksum { area, offset, sum });
    }
    Ok(bytes)
}

/// The parts of an area's field list: the fixed fields, the custom field bytes (up to the
/// C1h marker) and the padding (after it, before the checksum).
struct Walked<'a, const N: usize> {
    fields: [Field<'a>; N],
    custom: &'a [u8],
    padding: &'a [u8],
}

/// Walks the fields of an area. `body` runs from the first type/length byte to the byte
/// before the checksum, and starts at image offset `body_offset`.
fn walk_fields<'a, const N: usize>(
    area: Area,
    area_offset: usize,
    body: &'a [u8],
    body_offset: usize,
    language: Language,
    names: [&'static str; N],
) -> Result<Walked<'a, N>, FruError> {
    let empty = Field::parse(&[0xC0], language).map_or(
        Err(FruError::MissingEndMarker {
            area,
            offset: area_offset,
        }),
        |(f, _)| Ok(f),
    )?;
    let mut fields = [empty; N];
    let mut pos = 0usize;
    let missing_end = FruError::MissingEndMarker {
        area,
        offset: area_offset,
    };
    let next = |pos: usize| -> Result<Option<(Field<'a>, usize)>, FruError> {
        let rest = body.get(pos..).unwrap_or(&[]);
        match rest.first() {
            None => Err(missing_end),
            Some(&END_OF_FIELDS) => Ok(None),
            Some(_) => Field::parse(rest, language)
                .map(Some)
                .ok_or(FruError::FieldOverrun {
                    area,
                    offset: body_offset.saturating_add(pos),
                }),
        }
    };
    for (slot, name) in fields.iter_mut().zip(names) {
        let (field, used) = next(pos)?.ok_or(FruError::MissingField { area, field: name })?;
        *slot = field;
        pos += used;
    }
    let custom_start = pos;
    while let Some((_, used)) = next(pos)? {
        pos += used;
    }
    Ok(Walked {
        fields,
        custom: body.get(custom_start..pos).unwrap_or(&[]),
        padding: body.get(pos + 1..).unwrap_or(&[]),
    })
}

/// The custom fields of an area, in order (the fields between the fixed ones and C1h).
#[derive(Clone, Debug)]
pub struct CustomFields<'a> {
    rest: &'a [u8],
    language: Language,
}

impl<'a> Iterator for CustomFields<'a> {
    type Item = Field<'a>;

    fn next(&mut self) -> Option<Field<'a>> {
        let (field, used) = Field::parse(self.rest, self.language)?;
        self.rest = self.rest.get(used..).unwrap_or(&[]);
        Some(field)
    }
}

macro_rules! area_common {
    () => {
        /// Where the area starts in the image.
        pub const fn offset(&self) -> usize {
            self.offset
        }

        /// All bytes of the area (length byte × 8).
        pub const fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }

        /// The format version byte (bits 3:0 = 1h).
        pub fn format_version(&self) -> u8 {
            self.bytes.first().copied().unwrap_or(0)
        }

        /// The custom fields, after the fixed ones.
        pub fn custom_fields(&self) -> CustomFields<'a> {
            CustomFields {
                rest: self.custom,
                language: self.language,
            }
        }

        /// The bytes between the C1h marker and the checksum (00h when written by the
        /// specification's rules; other values are kept, not rejected).
        pub const fn padding(&self) -> &'a [u8] {
            self.padding
        }

        /// The area's checksum byte.
        pub fn checksum(&self) -> u8 {
            self.bytes.last().copied().unwrap_or(0)
        }
    };
}

/// The chassis info area (§10 Table 10-1). Its 8-bit fields are read as English.
///
/// ```
/// use ipmi_proto::fru::{ChassisInfoArea, ChassisType};
///
/// let area = [0x01, 0x02, 0x17, 0xC2, b'P', b'N', 0xC0, 0xC1,
///             0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05];
/// let chassis = ChassisInfoArea::parse(&area, 0).unwrap();
/// assert_eq!(chassis.chassis_type(), ChassisType::RACK_MOUNT);
/// assert!(chassis.part_number().eq_text("PN"));
/// assert!(chassis.serial_number().is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ChassisInfoArea<'a> {
    offset: usize,
    bytes: &'a [u8],
    language: Language,
    chassis_type: ChassisType,
    fields: [Field<'a>; 2],
    custom: &'a [u8],
    padding: &'a [u8],
}

impl<'a> ChassisInfoArea<'a> {
    /// Reads the area that starts at `offset` in `image`: version, length, checksum, the
    /// fixed fields, custom fields up to C1h.
    pub fn parse(image: &'a [u8], offset: usize) -> Result<Self, FruError> {
        let area = Area::Chassis;
        let bytes = area_bytes(image, offset, area)?;
        let (fixed, body) = split(bytes, 3, area, offset)?;
        let language = Language::ENGLISH;
        let w = walk_fields(
            area,
            offset,
            body,
            offset + 3,
            language,
            ["Chassis Part Number", "Chassis Serial Number"],
        )?;
        Ok(Self {
            offset,
            bytes,
            language,
            chassis_type: ChassisType(fixed.get(2).copied().unwrap_or(0)),
            fields: w.fields,
            custom: w.custom,
            padding: w.padding,
        })
    }

    area_common!();

    /// Byte 3: chassis type.
    pub const fn chassis_type(&self) -> ChassisType {
        self.chassis_type
    }

    /// Chassis Part Number.
    pub const fn part_number(&self) -> Field<'a> {
        self.fields[0]
    }

    /// Chassis Serial Number.
    pub const fn serial_number(&self) -> Field<'a> {
        self.fields[1]
    }
}

/// The board info area (§11 Table 11-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BoardInfoArea<'a> {
    offset: usize,
    bytes: &'a [u8],
    language: Language,
    mfg_date_time: MfgDateTime,
    fields: [Field<'a>; 5],
    custom: &'a [u8],
    padding: &'a [u8],
}

impl<'a> BoardInfoArea<'a> {
    /// Reads the area that starts at `offset` in `image`.
    pub fn parse(image: &'a [u8], offset: usize) -> Result<Self, FruError> {
        let area = Area::Board;
        let bytes = area_bytes(image, offset, area)?;
        let (fixed, body) = split(bytes, 6, area, offset)?;
        let [_, _, lang, d0, d1, d2] = *fixed else {
            return Err(FruError::MissingEndMarker { area, offset });
        };
        let language = Language(lang);
        let w = walk_fields(
            area,
            offset,
            body,
            offset + 6,
            language,
            [
                "Board Manufacturer",
                "Board Product Name",
                "Board Serial Number",
                "Board Part Number",
                "FRU File ID",
            ],
        )?;
        Ok(Self {
            offset,
            bytes,
            language,
            mfg_date_time: MfgDateTime::from_le_bytes([d0, d1, d2]),
            fields: w.fields,
            custom: w.custom,
            padding: w.padding,
        })
    }

    area_common!();

    /// Byte 3: language code.
    pub const fn language(&self) -> Language {
        self.language
    }

    /// Bytes 4–6: manufacturing date and time.
    pub const fn mfg_date_time(&self) -> MfgDateTime {
        self.mfg_date_time
    }

    /// Board Manufacturer.
    pub const fn manufacturer(&self) -> Field<'a> {
        self.fields[0]
    }

    /// Board Product Name.
    pub const fn product_name(&self) -> Field<'a> {
        self.fields[1]
    }

    /// Board Serial Number.
    pub const fn serial_number(&self) -> Field<'a> {
        self.fields[2]
    }

    /// Board Part Number.
    pub const fn part_number(&self) -> Field<'a> {
        self.fields[3]
    }

    /// FRU File ID.
    pub const fn fru_file_id(&self) -> Field<'a> {
        self.fields[4]
    }
}

/// The product info area (§12 Table 12-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProductInfoArea<'a> {
    offset: usize,
    bytes: &'a [u8],
    language: Language,
    fields: [Field<'a>; 7],
    custom: &'a [u8],
    padding: &'a [u8],
}

impl<'a> ProductInfoArea<'a> {
    /// Reads the area that starts at `offset` in `image`.
    pub fn parse(image: &'a [u8], offset: usize) -> Result<Self, FruError> {
        let area = Area::Product;
        let bytes = area_bytes(image, offset, area)?;
        let (fixed, body) = split(bytes, 3, area, offset)?;
        let language = Language(fixed.get(2).copied().unwrap_or(0));
        let w = walk_fields(
            area,
            offset,
            body,
            offset + 3,
            language,
            [
                "Manufacturer Name",
                "Product Name",
                "Product Part/Model Number",
                "Product Version",
                "Product Serial Number",
                "Asset Tag",
                "FRU File ID",
            ],
        )?;
        Ok(Self {
            offset,
            bytes,
            language,
            fields: w.fields,
            custom: w.custom,
            padding: w.padding,
        })
    }

    area_common!();

    /// Byte 3: language code.
    pub const fn language(&self) -> Language {
        self.language
    }

    /// Manufacturer Name.
    pub const fn manufacturer(&self) -> Field<'a> {
        self.fields[0]
    }

    /// Product Name.
    pub const fn product_name(&self) -> Field<'a> {
        self.fields[1]
    }

    /// Product Part/Model Number.
    pub const fn part_number(&self) -> Field<'a> {
        self.fields[2]
    }

    /// Product Version.
    pub const fn version(&self) -> Field<'a> {
        self.fields[3]
    }

    /// Product Serial Number.
    pub const fn serial_number(&self) -> Field<'a> {
        self.fields[4]
    }

    /// Asset Tag.
    pub const fn asset_tag(&self) -> Field<'a> {
        self.fields[5]
    }

    /// FRU File ID.
    pub const fn fru_file_id(&self) -> Field<'a> {
        self.fields[6]
    }
}

/// Splits a checked area into its fixed bytes and the field list before the checksum byte.
fn split(
    bytes: &[u8],
    fixed: usize,
    area: Area,
    offset: usize,
) -> Result<(&[u8], &[u8]), FruError> {
    let body_end = bytes.len().saturating_sub(1);
    match (bytes.get(..fixed), bytes.get(fixed..body_end)) {
        (Some(f), Some(b)) => Ok((f, b)),
        // An 8-byte area always holds the fixed part; this is unreachable but typed.
        _ => Err(FruError::MissingEndMarker { area, offset }),
    }
}
