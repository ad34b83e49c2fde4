//! `VOUT_MODE` (20h), PMBus 1.3 Part II §8.3.

use super::{Coefficients, Format, VidMode};

/// The `VOUT_MODE` byte (command 20h, PMBus 1.3 Part II §8.3): how the output-voltage commands
/// (`VOUT_COMMAND`, `READ_VOUT`, the `VOUT_*` limits, …) encode their values.
///
/// | Bits | Field |
/// | --- | --- |
/// | 7 | relative: 0 = absolute volts, 1 = values relative to the commanded output (PMBus 1.3) |
/// | 6:5 | mode: 00b linear (ULINEAR16), 01b VID, 10b DIRECT, 11b IEEE half |
/// | 4:0 | parameter: the exponent in linear mode (two's complement, -16..=15), the VID code type in VID mode |
///
/// Every byte decodes to what its bits say. In particular FFh, which many devices return when
/// they do not implement `VOUT_MODE` (and what a bus with nobody answering reads as), decodes
/// as relative IEEE half with parameter 1Fh, not as "linear, exponent -1": a driver that sees
/// FFh should not trust it. How a relative value is to be read is in the device's data sheet;
/// this type only reports the bit.
///
/// ```
/// use smbus_pmbus::format::{Format, VoutMode, VoutModeKind};
///
/// let mode = VoutMode::from_raw(0x97);
/// assert_eq!(mode.mode(), VoutModeKind::Linear { exponent: -9 });
/// assert!(mode.relative());
/// assert_eq!(mode.format(None, None), Some(Format::ULinear16 { exponent: -9 }));
///
/// assert_eq!(VoutMode::from_raw(0x21).mode(), VoutModeKind::Vid { code: 1 });
/// assert_eq!(VoutMode::linear(-12).map(VoutMode::raw), Some(0x14));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct VoutMode(u8);

/// The meaning of `VOUT_MODE` bits 6:0 (§8.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum VoutModeKind {
    /// Mode 00b: ULINEAR16 with this exponent (bits 4:0, two's complement, -16..=15).
    Linear {
        /// The exponent N.
        exponent: i8,
    },
    /// Mode 01b: VID; bits 4:0 name the VID code type. The numbering is device-specific:
    /// see [`VidMode::from_vout_mode_code`].
    Vid {
        /// Bits 4:0 (0..=31).
        code: u8,
    },
    /// Mode 10b: DIRECT, with the coefficients from `COEFFICIENTS` or the data sheet.
    Direct,
    /// Mode 11b: IEEE 754 half precision.
    IeeeHalf,
}

impl VoutMode {
    /// Wraps the byte read from `VOUT_MODE`.
    pub const fn from_raw(raw: u8) -> Self {
        Self(raw)
    }

    /// The raw byte.
    pub const fn raw(self) -> u8 {
        self.0
    }

    /// Absolute linear mode with the given exponent, `None` outside -16..=15.
    pub const fn linear(exponent: i8) -> Option<Self> {
        if exponent < -16 || exponent > 15 {
            return None;
        }
        // Two's complement: the cast keeps the low 5 bits.
        Some(Self(exponent as u8 & 0x1F))
    }

    /// Bit 7: the limits and commands are relative to the commanded output voltage.
    pub const fn relative(self) -> bool {
        self.0 & 0x80 != 0
    }

    /// Bits 4:0, the raw parameter.
    pub const fn parameter(self) -> u8 {
        self.0 & 0x1F
    }

    /// Bits 6:5 with their parameter.
    pub const fn mode(self) -> VoutModeKind {
        match (self.0 >> 5) & 0b11 {
            0b00 => VoutModeKind::Linear {
                // Sign-extend the 5-bit field: shift it to the top of an i8 and back.
                exponent: ((self.0 << 3) as i8) >> 3,
            },
            0b01 => VoutModeKind::Vid {
                code: self.parameter(),
            },
            0b10 => VoutModeKind::Direct,
            _ => VoutModeKind::IeeeHalf,
        }
    }

    /// Whether this is FFh, the value a device without `VOUT_MODE` (or an empty bus) returns.
    /// [`format`](Self::format) refuses it.
    pub const fn is_unimplemented(self) -> bool {
        self.0 == 0xFF
    }

    /// The [`Format`] of the output-voltage commands. DIRECT needs the coefficients (from
    /// `COEFFICIENTS` or the data sheet) and VID the [`VidMode`] the parameter stands for on
    /// this device; `None` when the mode needs one that is not given, and for FFh
    /// ([`is_unimplemented`](Self::is_unimplemented)): decoding a voltage as relative IEEE half
    /// because nobody answered would give a plausible, wrong number.
    ///
    /// ```
    /// use smbus_pmbus::format::VoutMode;
    /// assert_eq!(VoutMode::from_raw(0xFF).format(None, None), None);
    /// ```
    pub fn format(self, direct: Option<Coefficients>, vid: Option<VidMode>) -> Option<Format> {
        if self.is_unimplemented() {
            return None;
        }
        match self.mode() {
            VoutModeKind::Linear { exponent } => Some(Format::ULinear16 { exponent }),
            VoutModeKind::Vid { .. } => vid.map(Format::Vid),
            VoutModeKind::Direct => direct.map(Format::Direct),
            VoutModeKind::IeeeHalf => Some(Format::IeeeHalf),
        }
    }
}
