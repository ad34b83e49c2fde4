//! The common header (FRU Information Storage Definition §8, Table 8-1).

use super::checksum::{zero_checksum, zero_sum};
use super::error::{Area, FruError};

/// Length of the common header in bytes.
pub const COMMON_HEADER_LEN: usize = 8;

/// Format version in bits 3:0 of the header's and every info area's first byte (§8).
pub const FORMAT_VERSION: u8 = 0x01;

/// Field offsets of the common header (§8 Table 8-1).
mod field {
    pub const VERSION: usize = 0;
    pub const INTERNAL_USE: usize = 1;
    pub const CHASSIS: usize = 2;
    pub const BOARD: usize = 3;
    pub const PRODUCT: usize = 4;
    pub const MULTI_RECORD: usize = 5;
    pub const PAD: usize = 6;
    pub const CHECKSUM: usize = 7;
}

/// A view of the 8-byte common header at the start of a FRU image (§8).
///
/// Area offsets are stored in multiples of 8 bytes; 00h means the area is absent.
///
/// ```
/// use ipmi_proto::fru::CommonHeader;
///
/// let bytes = [0x01, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0xFC];
/// let header = CommonHeader::new_checked(&bytes[..]).unwrap();
/// assert_eq!(header.chassis_offset(), Some(8));
/// assert_eq!(header.board_offset(), Some(16));
/// assert_eq!(header.product_offset(), None);
/// let mut bad = bytes;
/// bad[7] = 0;
/// assert!(CommonHeader::new_checked(&bad[..]).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CommonHeader<T: AsRef<[u8]>> {
    buffer: T,
}

impl<T: AsRef<[u8]>> CommonHeader<T> {
    /// Wraps a buffer without any check. Accessors read missing bytes as 00h.
    pub const fn new_unchecked(buffer: T) -> Self {
        Self { buffer }
    }

    /// Checks that the buffer holds at least the 8 header bytes.
    pub fn check_len(&self) -> Result<(), FruError> {
        let available = self.buffer.as_ref().len();
        if available < COMMON_HEADER_LEN {
            return Err(FruError::Truncated {
                area: Area::CommonHeader,
                offset: 0,
                needed: COMMON_HEADER_LEN,
                available,
            });
        }
        Ok(())
    }

    /// Wraps a buffer after checking its length, the format version (bits 3:0 = 1h) and the
    /// zero checksum of the 8 bytes.
    pub fn new_checked(buffer: T) -> Result<Self, FruError> {
        let header = Self::new_unchecked(buffer);
        header.check_len()?;
        let version = header.format_version();
        if version & 0x0F != FORMAT_VERSION {
            return Err(FruError::UnsupportedVersion {
                area: Area::CommonHeader,
                offset: 0,
                version,
            });
        }
        let sum = zero_sum(header.bytes());
        if sum != 0 {
            return Err(FruError::BadChecksum {
                area: Area::CommonHeader,
                offset: 0,
                sum,
            });
        }
        Ok(header)
    }

    fn bytes(&self) -> &[u8] {
        let b = self.buffer.as_ref();
        b.get(..COMMON_HEADER_LEN).unwrap_or(b)
    }

    fn byte(&self, i: usize) -> u8 {
        self.buffer.as_ref().get(i).copied().unwrap_or(0)
    }

    fn offset(&self, i: usize) -> Option<usize> {
        match self.byte(i) {
            0 => None,
            n => Some(usize::from(n) * 8),
        }
    }

    /// Byte 1: the format version byte as stored (bits 7:4 reserved, bits 3:0 = 1h).
    pub fn format_version(&self) -> u8 {
        self.byte(field::VERSION)
    }

    /// Byte 2: start of the internal use area in bytes, `None` if absent.
    pub fn internal_use_offset(&self) -> Option<usize> {
        self.offset(field::INTERNAL_USE)
    }

    /// Byte 3: start of the chassis info area in bytes, `None` if absent.
    pub fn chassis_offset(&self) -> Option<usize> {
        self.offset(field::CHASSIS)
    }

    /// Byte 4: start of the board area in bytes, `None` if absent.
    pub fn board_offset(&self) -> Option<usize> {
        self.offset(field::BOARD)
    }

    /// Byte 5: start of the product info area in bytes, `None` if absent.
    pub fn product_offset(&self) -> Option<usize> {
        self.offset(field::PRODUCT)
    }

    /// Byte 6: start of the multirecord area in bytes, `None` if absent.
    pub fn multi_record_offset(&self) -> Option<usize> {
        self.offset(field::MULTI_RECORD)
    }

    /// Byte 7: the pad byte (00h when written by the specification's rules).
    pub fn pad(&self) -> u8 {
        self.byte(field::PAD)
    }

    /// Byte 8: the header checksum.
    pub fn checksum(&self) -> u8 {
        self.byte(field::CHECKSUM)
    }

    /// The owned field values.
    pub fn to_repr(&self) -> CommonHeaderRepr {
        CommonHeaderRepr {
            internal_use: self.byte(field::INTERNAL_USE),
            chassis: self.byte(field::CHASSIS),
            board: self.byte(field::BOARD),
            product: self.byte(field::PRODUCT),
            multi_record: self.byte(field::MULTI_RECORD),
        }
    }

    /// The wrapped buffer.
    pub fn into_inner(self) -> T {
        self.buffer
    }
}

/// The common header's offsets, in multiples of 8 bytes (0 = area absent), as written by
/// [`CommonHeaderRepr::emit`] (§8 Table 8-1).
///
/// ```
/// use ipmi_proto::fru::CommonHeaderRepr;
///
/// let repr = CommonHeaderRepr { chassis: 1, board: 2, ..CommonHeaderRepr::default() };
/// assert_eq!(repr.to_bytes(), [0x01, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0xFC]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CommonHeaderRepr {
    /// Internal use area offset / 8.
    pub internal_use: u8,
    /// Chassis info area offset / 8.
    pub chassis: u8,
    /// Board area offset / 8.
    pub board: u8,
    /// Product info area offset / 8.
    pub product: u8,
    /// Multirecord area offset / 8.
    pub multi_record: u8,
}

impl CommonHeaderRepr {
    /// The 8 header bytes: version 01h, the offsets, pad 00h, checksum.
    pub const fn to_bytes(&self) -> [u8; COMMON_HEADER_LEN] {
        let mut b = [
            FORMAT_VERSION,
            self.internal_use,
            self.chassis,
            self.board,
            self.product,
            self.multi_record,
            0,
            0,
        ];
        b[field::CHECKSUM] = zero_checksum(&b);
        b
    }

    /// Writes the 8 header bytes to the start of `out`; `None` when it is shorter.
    pub fn emit(&self, out: &mut [u8]) -> Option<usize> {
        out.get_mut(..COMMON_HEADER_LEN)?
            .copy_from_slice(&self.to_bytes());
        Some(COMMON_HEADER_LEN)
    }
}
