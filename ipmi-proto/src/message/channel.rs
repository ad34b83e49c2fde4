//! Channel numbers (IPMI 2.0 §6.3).

use core::fmt;

use super::RangeError;

/// A channel number: 4 bits (IPMI 2.0 §6.3, Table 6-1): 0h the primary IPMB, 1h–Bh
/// implementation-specific, Ch–Dh reserved, Eh "the channel this request arrived on", Fh the
/// system interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelNumber(u8);

impl ChannelNumber {
    /// 0h: the primary IPMB.
    pub const PRIMARY_IPMB: Self = Self(0x0);
    /// Eh: the channel this request arrived on.
    pub const PRESENT_INTERFACE: Self = Self(0xE);
    /// Fh: the system interface.
    pub const SYSTEM_INTERFACE: Self = Self(0xF);
    /// The largest channel number.
    pub const MAX: u8 = 0xF;

    /// A channel number from its 4-bit value.
    pub const fn new(value: u8) -> Result<Self, RangeError> {
        if value <= Self::MAX {
            Ok(Self(value))
        } else {
            Err(RangeError {
                field: "channel number",
                value,
                max: Self::MAX,
            })
        }
    }

    /// The channel in the low 4 bits of `b` (the upper bits are ignored): how commands that
    /// pack a channel with flags in one byte read it.
    pub const fn from_low_bits(b: u8) -> Self {
        Self(b & 0x0F)
    }

    /// The channel's bit in a 16-bit channel mask (bit n = channel n), as
    /// [`Route::channels`](crate::responder::Route::channels) takes.
    pub const fn mask(self) -> u16 {
        1 << (self.0 & 0x0F)
    }

    /// The 4-bit value.
    pub const fn value(self) -> u8 {
        self.0
    }
}

impl fmt::Display for ChannelNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "channel {:X}h", self.0)
    }
}
