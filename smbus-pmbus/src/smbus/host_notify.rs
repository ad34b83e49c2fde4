//! SMBus Host Notify (SMBus 3.x §6.5.9): a device that has something to report becomes a bus
//! master for one transfer and writes its own address and a 16-bit status word to the host.

use core::fmt;

use super::MAX_ADDRESS;

/// One Host Notify message.
///
/// On the wire (SMBus 3.x §6.5.9) the device writes, as master, to the host's address
/// ([`HOST_ADDRESS`](super::HOST_ADDRESS), 08h): where a Write Word would put its command code it
/// puts its own 7-bit address in bits 7:1 (bit 0 is 0), followed by the data low byte and high
/// byte. There is no PEC byte. A host that receives the transfer as an I2C target gets the three
/// bytes after its address byte; [`HostNotify::parse`] decodes them.
///
/// ```
/// use smbus_pmbus::smbus::HostNotify;
///
/// // The device at 5Ah reports 1234h.
/// let n = HostNotify::parse(&[0xB4, 0x34, 0x12])?;
/// assert_eq!(n, HostNotify { device_address: 0x5A, data: 0x1234 });
/// assert_eq!(n.to_bytes()?, [0xB4, 0x34, 0x12]);
/// # Ok::<(), smbus_pmbus::smbus::HostNotifyError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct HostNotify {
    /// The 7-bit address of the device that sent the message.
    pub device_address: u8,
    /// The 16-bit data word (device-defined meaning).
    pub data: u16,
}

/// The number of bytes a host receives after its own address byte in a Host Notify transfer.
pub const HOST_NOTIFY_LEN: usize = 3;

impl HostNotify {
    /// Decodes the bytes a host received as a target after its own address byte:
    /// `[device_address << 1, data_low, data_high]`.
    ///
    /// # Errors
    ///
    /// [`HostNotifyError::Length`] unless there are exactly three bytes;
    /// [`HostNotifyError::ReservedBit`] if bit 0 of the address byte is set (the spec sends it as
    /// 0; a set bit usually means a device that sent its address unshifted, and decoding it
    /// anyway would name the wrong device).
    pub fn parse(bytes: &[u8]) -> Result<Self, HostNotifyError> {
        let &[address_byte, low, high] = bytes else {
            return Err(HostNotifyError::Length { len: bytes.len() });
        };
        if address_byte & 1 != 0 {
            return Err(HostNotifyError::ReservedBit { byte: address_byte });
        }
        Ok(Self {
            device_address: address_byte >> 1,
            data: u16::from_le_bytes([low, high]),
        })
    }

    /// The three bytes a device sends after the host's address byte.
    ///
    /// # Errors
    ///
    /// [`HostNotifyError::InvalidAddress`] if `device_address` is not a 7-bit address.
    pub fn to_bytes(&self) -> Result<[u8; HOST_NOTIFY_LEN], HostNotifyError> {
        if self.device_address > MAX_ADDRESS {
            return Err(HostNotifyError::InvalidAddress(self.device_address));
        }
        let [low, high] = self.data.to_le_bytes();
        Ok([self.device_address << 1, low, high])
    }
}

/// Why bytes are not a Host Notify message, or a [`HostNotify`] cannot be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum HostNotifyError {
    /// Not exactly three bytes.
    Length {
        /// How many bytes were given.
        len: usize,
    },
    /// Bit 0 of the device address byte is set.
    ReservedBit {
        /// The address byte received.
        byte: u8,
    },
    /// The device address to encode is above 7Fh.
    InvalidAddress(u8),
}

impl fmt::Display for HostNotifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Length { len } => write!(
                f,
                "a Host Notify message is {HOST_NOTIFY_LEN} bytes after the host address, got {len}"
            ),
            Self::ReservedBit { byte } => write!(
                f,
                "Host Notify device address byte {byte:02X}h has bit 0 set"
            ),
            Self::InvalidAddress(a) => write!(f, "address {a:02X}h is not a 7-bit address"),
        }
    }
}

impl core::error::Error for HostNotifyError {}
