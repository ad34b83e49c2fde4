//! Payloads of `PAGE_PLUS_WRITE` (05h) and `PAGE_PLUS_READ` (06h) (PMBus 1.3.1 Part II,
//! PAGE_PLUS_WRITE / PAGE_PLUS_READ): address one page and one command in a single
//! transaction, without changing `PAGE`.
//!
//! Both are blocks. The types here build and parse the block *contents*, the bytes after the
//! SMBus byte count; the SMBus layer adds the count (and PEC):
//!
//! - `PAGE_PLUS_WRITE` is a block write of `[page, command, data…]`.
//! - `PAGE_PLUS_READ` is a block write–block read process call: the host writes
//!   `[page, command]`, the device answers a block holding the command's data (for a word
//!   command, its two bytes low first).

use core::fmt;

use super::{CommandCode, Page};

/// The longest block SMBus 3.x allows (its byte count is one byte).
const MAX_BLOCK: usize = 255;

/// A `PAGE_PLUS_WRITE` payload: write `data` to `command` on `page`.
///
/// ```
/// use smbus_pmbus::command::{CommandCode, Page, PagePlusWrite};
///
/// // OPERATION = ON on page 1.
/// let write = PagePlusWrite { page: Page(1), command: CommandCode::OPERATION, data: &[0x80] };
/// let mut block = [0u8; 8];
/// let len = write.write_block(&mut block)?;
/// assert_eq!(&block[..len], &[0x01, 0x01, 0x80]);
/// assert_eq!(PagePlusWrite::parse(&block[..len])?, write);
/// # Ok::<(), smbus_pmbus::command::PagePlusError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PagePlusWrite<'a> {
    /// The page to address (FFh: all pages).
    pub page: Page,
    /// The command to write.
    pub command: CommandCode,
    /// The command's data bytes (a word low byte first).
    pub data: &'a [u8],
}

impl<'a> PagePlusWrite<'a> {
    /// The most data bytes that fit: a block holds at most 255 bytes, two of which are page
    /// and command. (Devices on SMBus 2.0 accept at most 32, that is 30 data bytes; the SMBus
    /// layer enforces the bus limit.)
    pub const MAX_DATA: usize = MAX_BLOCK - 2;

    /// Length of the block contents: `2 + data.len()`.
    pub const fn block_len(&self) -> usize {
        self.data.len().saturating_add(2)
    }

    /// Writes `[page, command, data…]` to the start of `out` and returns its length.
    ///
    /// # Errors
    /// [`PagePlusError::DataTooLong`] if `data` is longer than [`Self::MAX_DATA`];
    /// [`PagePlusError::BufferTooSmall`] if `out` is shorter than [`Self::block_len`].
    pub fn write_block(&self, out: &mut [u8]) -> Result<usize, PagePlusError> {
        if self.data.len() > Self::MAX_DATA {
            return Err(PagePlusError::DataTooLong {
                len: self.data.len(),
                max: Self::MAX_DATA,
            });
        }
        let len = self.block_len();
        let available = out.len();
        let Some([page, command, rest @ ..]) = out.get_mut(..len) else {
            return Err(PagePlusError::BufferTooSmall {
                needed: len,
                available,
            });
        };
        *page = self.page.0;
        *command = self.command.0;
        rest.copy_from_slice(self.data);
        Ok(len)
    }

    /// Parses block contents `[page, command, data…]` (what a device receives).
    ///
    /// # Errors
    /// [`PagePlusError::TooShort`] for fewer than two bytes;
    /// [`PagePlusError::DataTooLong`] for a block longer than 255 bytes.
    pub fn parse(block: &'a [u8]) -> Result<Self, PagePlusError> {
        if block.len() > MAX_BLOCK {
            return Err(PagePlusError::DataTooLong {
                len: block.len().saturating_sub(2),
                max: Self::MAX_DATA,
            });
        }
        match block {
            [page, command, data @ ..] => Ok(Self {
                page: Page(*page),
                command: CommandCode(*command),
                data,
            }),
            _ => Err(PagePlusError::TooShort { len: block.len() }),
        }
    }
}

/// The request half of `PAGE_PLUS_READ`: read `command` on `page`.
///
/// ```
/// use smbus_pmbus::command::{CommandCode, Page, PagePlusRead};
///
/// let read = PagePlusRead { page: Page(2), command: CommandCode::READ_VOUT };
/// assert_eq!(read.request_block(), [0x02, 0x8B]);
/// assert_eq!(PagePlusRead::parse_request(&[0x02, 0x8B]), Ok(read));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PagePlusRead {
    /// The page to address.
    pub page: Page,
    /// The command to read.
    pub command: CommandCode,
}

impl PagePlusRead {
    /// The block contents the host writes: `[page, command]`.
    pub const fn request_block(self) -> [u8; 2] {
        [self.page.0, self.command.0]
    }

    /// Parses the request block (what a device receives).
    ///
    /// # Errors
    /// [`PagePlusError::RequestLength`] unless the block is exactly two bytes.
    pub fn parse_request(block: &[u8]) -> Result<Self, PagePlusError> {
        match block {
            [page, command] => Ok(Self {
                page: Page(*page),
                command: CommandCode(*command),
            }),
            _ => Err(PagePlusError::RequestLength { len: block.len() }),
        }
    }
}

/// A `PAGE_PLUS_WRITE` or `PAGE_PLUS_READ` payload that cannot be built or parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum PagePlusError {
    /// A `PAGE_PLUS_WRITE` block shorter than page and command.
    TooShort {
        /// Its length.
        len: usize,
    },
    /// More data than a block can carry.
    DataTooLong {
        /// Number of data bytes.
        len: usize,
        /// The most allowed.
        max: usize,
    },
    /// The output buffer is too small.
    BufferTooSmall {
        /// Bytes needed.
        needed: usize,
        /// Bytes available.
        available: usize,
    },
    /// A `PAGE_PLUS_READ` request that is not exactly two bytes.
    RequestLength {
        /// Its length.
        len: usize,
    },
}

impl fmt::Display for PagePlusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::TooShort { len } => write!(
                f,
                "PAGE_PLUS_WRITE block of {len} bytes is shorter than page and command (2 bytes)"
            ),
            Self::DataTooLong { len, max } => write!(
                f,
                "PAGE_PLUS data of {len} bytes does not fit a block (at most {max} data bytes)"
            ),
            Self::BufferTooSmall { needed, available } => write!(
                f,
                "PAGE_PLUS block needs {needed} bytes, the buffer has {available}"
            ),
            Self::RequestLength { len } => write!(
                f,
                "PAGE_PLUS_READ request must be 2 bytes (page, command), got {len}"
            ),
        }
    }
}

impl core::error::Error for PagePlusError {}
