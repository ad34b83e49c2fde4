//! FRU information: the Platform Management FRU Information Storage Definition v1.0 rev 1.3,
//! read in place and written into a caller's buffer.
//!
//! - [`FruImage`] reads an image: the [`CommonHeader`] (§8), the [`InternalUseArea`] (§9),
//!   [`ChassisInfoArea`] (§10), [`BoardInfoArea`] (§11), [`ProductInfoArea`] (§12) and the
//!   [`MultiRecords`] of the multirecord area (§16), with [`PowerSupplyInformation`],
//!   [`DcOutput`] and [`DcLoad`] decoded (§18.1–§18.3) and other records kept raw.
//! - Fields are [`Field`]s (§13): borrowed bytes with their type/length byte, shown as text
//!   without allocating (`Display`, [`Field::chars`], checked [`Field::text`]).
//! - [`FruImageBuilder`] writes a complete image from typed values ([`FieldValue`]: 8-bit
//!   text, 6-bit packed ASCII, BCD plus, binary), checksums and padding computed.
//!
//! - [`IpmitoolFruPrint`] shows an image as `ipmitool fru print` does.
//!
//! Every checksum is verified; a wrong one is an error that names the area
//! ([`FruError::BadChecksum`], [`FruError::BadRecordHeaderChecksum`]).
//!
//! ```
//! use ipmi_proto::fru::{
//!     ChassisInfo, ChassisType, DcOutput, FieldValue, FruImage, FruImageBuilder,
//!     MultiRecordData, ProductInfo,
//! };
//!
//! let records = [MultiRecordData::DcOutput(DcOutput {
//!     output_number: 1,
//!     nominal_voltage: 1200,
//!     ..DcOutput::default()
//! })];
//! let builder = FruImageBuilder {
//!     chassis: Some(ChassisInfo {
//!         chassis_type: ChassisType::RACK_MOUNT,
//!         serial_number: FieldValue::Text("CH-001"),
//!         ..ChassisInfo::default()
//!     }),
//!     product: Some(ProductInfo {
//!         manufacturer: FieldValue::Text("ACME"),
//!         product_name: FieldValue::Text("Server 9000"),
//!         ..ProductInfo::default()
//!     }),
//!     multi_records: &records,
//!     ..FruImageBuilder::default()
//! };
//! let mut buf = [0u8; 128];
//! let len = builder.emit(&mut buf).unwrap();
//!
//! let image = FruImage::parse(&buf[..len]).unwrap();
//! let chassis = image.chassis().unwrap().unwrap();
//! assert_eq!(chassis.serial_number().to_string(), "CH-001");
//! let product = image.product().unwrap().unwrap();
//! assert_eq!(product.product_name().to_string(), "Server 9000");
//! let record = image.multi_records().unwrap().next().unwrap().unwrap();
//! assert_eq!(record.decode().unwrap(), records[0]);
//!
//! // A flipped bit is caught by the product area's checksum.
//! let at = product.offset() + 5;
//! buf[at] ^= 1;
//! assert!(matches!(
//!     FruImage::parse(&buf[..len]),
//!     Err(ipmi_proto::fru::FruError::BadChecksum { area: ipmi_proto::fru::Area::Product, .. })
//! ));
//! ```

mod area;
mod build;
mod checksum;
mod error;
mod field;
mod header;
mod ipmitool;
mod multirecord;

pub use area::{
    BoardInfoArea, ChassisInfoArea, ChassisType, Civil, CustomFields, InternalUseArea,
    IpmitoolDate, MfgDateTime, ProductInfoArea,
};
pub use build::{BoardInfo, ChassisInfo, FruImageBuilder, ProductInfo};
pub use checksum::{zero_checksum, zero_sum};
pub use error::{Area, BuildError, EncodeError, FruError, TextError};
pub use field::{
    END_OF_FIELDS, Field, FieldChars, FieldEncoding, FieldValue, Language, MAX_FIELD_LEN, TypeCode,
    TypeLength,
};
pub use header::{COMMON_HEADER_LEN, CommonHeader, CommonHeaderRepr, FORMAT_VERSION};
pub use ipmitool::IpmitoolFruPrint;
pub use multirecord::{
    DcLoad, DcOutput, MultiRecord, MultiRecordData, MultiRecords, PowerSupplyFlags,
    PowerSupplyInformation, RECORD_FORMAT_VERSION, RECORD_HEADER_LEN, RecordType,
};

/// A FRU image whose common header is checked; its areas are read on demand.
///
/// [`FruImage::new`] checks only the header, so a damaged area does not hide the others;
/// [`FruImage::parse`] also checks every area and record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FruImage<'a> {
    bytes: &'a [u8],
    header: CommonHeaderRepr,
}

impl<'a> FruImage<'a> {
    /// An image whose common header (length, version, checksum) is correct.
    pub fn new(bytes: &'a [u8]) -> Result<Self, FruError> {
        let header = CommonHeader::new_checked(bytes)?.to_repr();
        Ok(Self { bytes, header })
    }

    /// An image whose header, areas and multirecord records are all correct.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, FruError> {
        let image = Self::new(bytes)?;
        image.validate()?;
        Ok(image)
    }

    /// Reads every present area and record; the first error found.
    pub fn validate(&self) -> Result<(), FruError> {
        self.internal_use()?;
        self.chassis()?;
        self.board()?;
        self.product()?;
        if let Some(records) = self.multi_records() {
            for record in records {
                record?.decode()?;
            }
        }
        Ok(())
    }

    /// The image bytes.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The common header's offsets.
    pub const fn header(&self) -> CommonHeaderRepr {
        self.header
    }

    fn offset(units: u8) -> Option<usize> {
        match units {
            0 => None,
            n => Some(usize::from(n) * 8),
        }
    }

    /// The internal use area, `Ok(None)` when absent. It runs to the next area that starts
    /// after it, or to the end of the image: it has no length byte (§9), so when it is the
    /// last area a shortened image cannot be told from a complete one.
    pub fn internal_use(&self) -> Result<Option<InternalUseArea<'a>>, FruError> {
        let Some(start) = Self::offset(self.header.internal_use) else {
            return Ok(None);
        };
        let h = self.header;
        let end = [h.chassis, h.board, h.product, h.multi_record]
            .into_iter()
            .filter_map(Self::offset)
            .filter(|&o| o > start)
            .min()
            .unwrap_or(self.bytes.len());
        let Some(bytes) = self.bytes.get(start..end) else {
            return Err(FruError::Truncated {
                area: Area::InternalUse,
                offset: start,
                needed: end.saturating_sub(start),
                available: self.bytes.len().saturating_sub(start),
            });
        };
        InternalUseArea::parse(bytes, start).map(Some)
    }

    /// The chassis info area, `Ok(None)` when absent.
    pub fn chassis(&self) -> Result<Option<ChassisInfoArea<'a>>, FruError> {
        Self::offset(self.header.chassis)
            .map(|o| ChassisInfoArea::parse(self.bytes, o))
            .transpose()
    }

    /// The board info area, `Ok(None)` when absent.
    pub fn board(&self) -> Result<Option<BoardInfoArea<'a>>, FruError> {
        Self::offset(self.header.board)
            .map(|o| BoardInfoArea::parse(self.bytes, o))
            .transpose()
    }

    /// The product info area, `Ok(None)` when absent.
    pub fn product(&self) -> Result<Option<ProductInfoArea<'a>>, FruError> {
        Self::offset(self.header.product)
            .map(|o| ProductInfoArea::parse(self.bytes, o))
            .transpose()
    }

    /// The records of the multirecord area, `None` when absent.
    pub fn multi_records(&self) -> Option<MultiRecords<'a>> {
        Self::offset(self.header.multi_record).map(|o| MultiRecords::new(self.bytes, o))
    }
}
