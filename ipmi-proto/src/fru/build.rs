//! Writing a complete FRU image from typed area values (FRU Information Storage Definition
//! §8–§12, §16), checksums and padding computed.

use super::area::{ChassisType, MfgDateTime};
use super::checksum::zero_checksum;
use super::error::{Area, BuildError, EncodeError};
use super::field::{END_OF_FIELDS, FieldValue, Language, MAX_FIELD_LEN};
use super::header::{COMMON_HEADER_LEN, CommonHeaderRepr, FORMAT_VERSION};
use super::multirecord::{MultiRecordData, RECORD_HEADER_LEN};

/// The largest area length or offset the format can express: 255 × 8 bytes.
const MAX_AREA: usize = 255 * 8;

impl Default for FieldValue<'_> {
    /// An empty 8-bit text field, C0h.
    fn default() -> Self {
        Self::Text("")
    }
}

/// Chassis info area values (§10 Table 10-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChassisInfo<'a> {
    /// Chassis type.
    pub chassis_type: ChassisType,
    /// Chassis Part Number.
    pub part_number: FieldValue<'a>,
    /// Chassis Serial Number.
    pub serial_number: FieldValue<'a>,
    /// Custom fields.
    pub custom: &'a [FieldValue<'a>],
}

/// Board info area values (§11 Table 11-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BoardInfo<'a> {
    /// Language code; [`FieldValue::Text`] is 8-bit in an English area, 2-byte Unicode
    /// otherwise.
    pub language: Language,
    /// Manufacturing date and time.
    pub mfg_date_time: MfgDateTime,
    /// Board Manufacturer.
    pub manufacturer: FieldValue<'a>,
    /// Board Product Name.
    pub product_name: FieldValue<'a>,
    /// Board Serial Number.
    pub serial_number: FieldValue<'a>,
    /// Board Part Number.
    pub part_number: FieldValue<'a>,
    /// FRU File ID.
    pub fru_file_id: FieldValue<'a>,
    /// Custom fields.
    pub custom: &'a [FieldValue<'a>],
}

/// Product info area values (§12 Table 12-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ProductInfo<'a> {
    /// Language code, as for [`BoardInfo::language`].
    pub language: Language,
    /// Manufacturer Name.
    pub manufacturer: FieldValue<'a>,
    /// Product Name.
    pub product_name: FieldValue<'a>,
    /// Product Part/Model Number.
    pub part_number: FieldValue<'a>,
    /// Product Version.
    pub version: FieldValue<'a>,
    /// Product Serial Number.
    pub serial_number: FieldValue<'a>,
    /// Asset Tag.
    pub asset_tag: FieldValue<'a>,
    /// FRU File ID.
    pub fru_file_id: FieldValue<'a>,
    /// Custom fields.
    pub custom: &'a [FieldValue<'a>],
}

/// A whole FRU image to write: the areas present, in the order the image holds them
/// (internal use, chassis, board, product, multirecord), each starting on a multiple of 8.
///
/// ```
/// use ipmi_proto::fru::{BoardInfo, FieldValue, FruImage, FruImageBuilder, MfgDateTime};
///
/// let builder = FruImageBuilder {
///     board: Some(BoardInfo {
///         mfg_date_time: MfgDateTime::from_minutes(12_345_678).unwrap(),
///         manufacturer: FieldValue::Text("ACME"),
///         product_name: FieldValue::Text("Widget"),
///         serial_number: FieldValue::SixBitAscii("SN0042"),
///         part_number: FieldValue::BcdPlus("1234-56"),
///         ..BoardInfo::default()
///     }),
///     ..FruImageBuilder::default()
/// };
/// let mut buf = [0u8; 256];
/// let len = builder.emit(&mut buf).unwrap();
/// assert_eq!(len, builder.buffer_len().unwrap());
///
/// let image = FruImage::parse(&buf[..len]).unwrap();
/// let board = image.board().unwrap().unwrap();
/// assert!(board.manufacturer().eq_text("ACME"));
/// assert!(board.serial_number().eq_text("SN0042"));
/// assert!(board.part_number().eq_text("1234-56 ")); // odd BCD count: a trailing space
/// assert_eq!(board.mfg_date_time().minutes(), 12_345_678);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FruImageBuilder<'a> {
    /// Internal use area data, after its version byte (§9). Padded with 00h to a multiple
    /// of 8.
    pub internal_use: Option<&'a [u8]>,
    /// Chassis info area.
    pub chassis: Option<ChassisInfo<'a>>,
    /// Board info area.
    pub board: Option<BoardInfo<'a>>,
    /// Product info area.
    pub product: Option<ProductInfo<'a>>,
    /// Multirecord records; the last gets the end-of-list bit. Empty: no multirecord area.
    pub multi_records: &'a [MultiRecordData<'a>],
}

/// One info area to write: its fixed bytes after version and length, and its fields.
struct InfoArea<'a, const N: usize> {
    area: Area,
    language: Language,
    fixed: &'a [u8],
    fields: [(&'static str, FieldValue<'a>); N],
    custom: &'a [FieldValue<'a>],
}

impl<const N: usize> InfoArea<'_, N> {
    /// Every field in order, custom ones named "custom".
    fn all(&self) -> impl Iterator<Item = (&'static str, FieldValue<'_>)> + '_ {
        self.fields
            .iter()
            .copied()
            .chain(self.custom.iter().map(|v| ("custom", *v)))
    }

    /// Length including padding and checksum; checks each field's length.
    fn len(&self) -> Result<usize, BuildError> {
        let mut len = 2 + self.fixed.len() + 2; // version, length, fixed, C1h, checksum
        for (field, value) in self.all() {
            let data = value.data_len(self.language);
            if data > MAX_FIELD_LEN {
                return Err(BuildError::Field {
                    area: self.area,
                    field,
                    error: EncodeError::TooLong { len: data },
                });
            }
            len = len.saturating_add(1 + data);
        }
        let len = len.div_ceil(8).saturating_mul(8);
        if len > MAX_AREA {
            return Err(BuildError::AreaTooLong {
                area: self.area,
                len,
            });
        }
        Ok(len)
    }

    /// Writes the area into `out`, which is exactly `self.len()` bytes long.
    fn write(&self, out: &mut [u8]) -> Result<(), BuildError> {
        out.fill(0);
        let len8 = u8::try_from(out.len() / 8).map_err(|_| BuildError::AreaTooLong {
            area: self.area,
            len: out.len(),
        })?;
        let mut pos = 0usize;
        for b in [FORMAT_VERSION, len8].iter().chain(self.fixed) {
            if let Some(slot) = out.get_mut(pos) {
                *slot = *b;
            }
            pos += 1;
        }
        for (field, value) in self.all() {
            let rest = out.get_mut(pos..).unwrap_or(&mut []);
            let used = value
                .encode(self.language, rest)
                .map_err(|error| BuildError::Field {
                    area: self.area,
                    field,
                    error,
                })?;
            pos += used;
        }
        if let Some(slot) = out.get_mut(pos) {
            *slot = END_OF_FIELDS;
        }
        if let Some((last, body)) = out.split_last_mut() {
            *last = zero_checksum(body);
        }
        Ok(())
    }
}

/// An area ready to be placed: its length, and how to write it.
enum Part<'a> {
    Internal(&'a [u8]),
    Chassis(InfoArea<'a, 2>),
    Board(InfoArea<'a, 5>),
    Product(InfoArea<'a, 7>),
    Multi(&'a [MultiRecordData<'a>]),
}

impl Part<'_> {
    fn area(&self) -> Area {
        match self {
            Self::Internal(_) => Area::InternalUse,
            Self::Chassis(a) => a.area,
            Self::Board(a) => a.area,
            Self::Product(a) => a.area,
            Self::Multi(_) => Area::MultiRecord,
        }
    }

    fn len(&self) -> Result<usize, BuildError> {
        match self {
            Self::Internal(d) => Ok((1 + d.len()).div_ceil(8).saturating_mul(8)),
            Self::Chassis(a) => a.len(),
            Self::Board(a) => a.len(),
            Self::Product(a) => a.len(),
            Self::Multi(records) => {
                let mut len = 0usize;
                for r in records.iter() {
                    if r.data_len() > 255 {
                        return Err(BuildError::RecordTooLong {
                            record_type: r.record_type(),
                            len: r.data_len(),
                        });
                    }
                    len = len.saturating_add(RECORD_HEADER_LEN + r.data_len());
                }
                Ok(len)
            }
        }
    }

    fn write(&self, out: &mut [u8]) -> Result<(), BuildError> {
        match self {
            Self::Internal(d) => {
                out.fill(0);
                if let Some((version, rest)) = out.split_first_mut() {
                    *version = FORMAT_VERSION;
                    if let Some(dst) = rest.get_mut(..d.len()) {
                        dst.copy_from_slice(d);
                    }
                }
                Ok(())
            }
            Self::Chassis(a) => a.write(out),
            Self::Board(a) => a.write(out),
            Self::Product(a) => a.write(out),
            Self::Multi(records) => {
                let mut pos = 0usize;
                let last = records.len().saturating_sub(1);
                for (i, r) in records.iter().enumerate() {
                    let rest = out.get_mut(pos..).unwrap_or(&mut []);
                    pos += r.emit(i == last, rest)?;
                }
                Ok(())
            }
        }
    }
}

impl FruImageBuilder<'_> {
    /// Calls `f` with each present area, in image order.
    fn with_parts<R>(
        &self,
        f: impl FnOnce(&[Option<Part<'_>>; 5]) -> Result<R, BuildError>,
    ) -> Result<R, BuildError> {
        let chassis_fixed = self.chassis.map(|c| [c.chassis_type.0]);
        let board_fixed = self.board.map(|b| {
            let [d0, d1, d2] = b.mfg_date_time.to_le_bytes();
            [b.language.0, d0, d1, d2]
        });
        let product_fixed = self.product.map(|p| [p.language.0]);
        let parts = [
            self.internal_use.map(Part::Internal),
            self.chassis.zip(chassis_fixed.as_ref()).map(|(c, fixed)| {
                Part::Chassis(InfoArea {
                    area: Area::Chassis,
                    language: Language::ENGLISH,
                    fixed,
                    fields: [
                        ("Chassis Part Number", c.part_number),
                        ("Chassis Serial Number", c.serial_number),
                    ],
                    custom: c.custom,
                })
            }),
            self.board.zip(board_fixed.as_ref()).map(|(b, fixed)| {
                Part::Board(InfoArea {
                    area: Area::Board,
                    language: b.language,
                    fixed,
                    fields: [
                        ("Board Manufacturer", b.manufacturer),
                        ("Board Product Name", b.product_name),
                        ("Board Serial Number", b.serial_number),
                        ("Board Part Number", b.part_number),
                        ("FRU File ID", b.fru_file_id),
                    ],
                    custom: b.custom,
                })
            }),
            self.product.zip(product_fixed.as_ref()).map(|(p, fixed)| {
                Part::Product(InfoArea {
                    area: Area::Product,
                    language: p.language,
                    fixed,
                    fields: [
                        ("Manufacturer Name", p.manufacturer),
                        ("Product Name", p.product_name),
                        ("Product Part/Model Number", p.part_number),
                        ("Product Version", p.version),
                        ("Product Serial Number", p.serial_number),
                        ("Asset Tag", p.asset_tag),
                        ("FRU File ID", p.fru_file_id),
                    ],
                    custom: p.custom,
                })
            }),
            (!self.multi_records.is_empty()).then_some(Part::Multi(self.multi_records)),
        ];
        f(&parts)
    }

    /// The image length: header plus every present area. Checks field and area lengths (the
    /// characters are checked by [`FruImageBuilder::emit`]).
    pub fn buffer_len(&self) -> Result<usize, BuildError> {
        self.with_parts(|parts| layout(parts).map(|(len, _)| len))
    }

    /// Writes the image to the start of `out` and returns its length. Bytes of `out` past
    /// the image are left as they were.
    pub fn emit(&self, out: &mut [u8]) -> Result<usize, BuildError> {
        self.with_parts(|parts| {
            let (total, header) = layout(parts)?;
            let available = out.len();
            let image = out.get_mut(..total).ok_or(BuildError::BufferTooSmall {
                needed: total,
                available,
            })?;
            let mut pos = COMMON_HEADER_LEN;
            for part in parts.iter().flatten() {
                let len = part.len()?;
                let end = pos.saturating_add(len);
                let dst = image.get_mut(pos..end).ok_or(BuildError::BufferTooSmall {
                    needed: end,
                    available,
                })?;
                part.write(dst)?;
                pos = end;
            }
            header.emit(image).ok_or(BuildError::BufferTooSmall {
                needed: COMMON_HEADER_LEN,
                available,
            })?;
            Ok(total)
        })
    }
}

/// The total length and the header offsets of a set of parts.
fn layout(parts: &[Option<Part<'_>>; 5]) -> Result<(usize, CommonHeaderRepr), BuildError> {
    let mut offsets = [0u8; 5];
    let mut pos = COMMON_HEADER_LEN;
    for (slot, part) in offsets.iter_mut().zip(parts) {
        let Some(part) = part else { continue };
        *slot = u8::try_from(pos / 8).map_err(|_| BuildError::AreaTooLong {
            area: part.area(),
            len: pos,
        })?;
        pos = pos.saturating_add(part.len()?);
    }
    let [internal_use, chassis, board, product, multi_record] = offsets;
    Ok((
        pos,
        CommonHeaderRepr {
            internal_use,
            chassis,
            board,
            product,
            multi_record,
        },
    ))
}
