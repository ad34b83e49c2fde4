//! VID codes for `VOUT_MODE` VID mode (PMBus 1.3 Part II §8.3, VID mode).

use super::exact::{pow10, round_f64, scale_pow10};
use super::{EncodeError, MAX_DECIMALS};

/// A VID code table: how an 8-bit VID code maps to an output voltage.
///
/// PMBus leaves the tables to the processor vendors' regulator specifications; the formulas
/// here are the ones public drivers and controller data sheets use (code `c`, voltage in mV):
///
/// | Mode | Codes | Voltage | Code 00h |
/// | --- | --- | --- | --- |
/// | [`Vr11`](Self::Vr11) | 02h..=B2h | 1600 - (c - 2) · 6.25 (1.6 V down to 0.5 V) | off |
/// | [`Vr12`](Self::Vr12) | 01h..=FFh | 250 + (c - 1) · 5 (0.25 V to 1.52 V) | off |
/// | [`Vr13_5mV`](Self::Vr13_5mV) | 01h..=FFh | 250 + (c - 1) · 5 | off |
/// | [`Vr13_10mV`](Self::Vr13_10mV) | 01h..=FFh | 500 + (c - 1) · 10 (0.5 V to 3.04 V) | off |
/// | [`Imvp9`](Self::Imvp9) | 01h..=FFh | 200 + (c - 1) · 10 (0.2 V to 2.74 V) | off |
/// | [`Amd625mV`](Self::Amd625mV) | 00h..=D8h | 1550 - c · 6.25 (1.55 V down to 0.2 V) | 1.55 V |
///
/// Codes outside the range (00h "off" included) have no voltage:
/// [`to_microvolts`](Self::to_microvolts) returns `None` for them. The other way, exactly 0 V encodes as the
/// "off" code 00h in the Intel tables; the AMD table has no off code here (its 00h is
/// 1.55 V), so 0 V is out of its range. Every voltage is a whole number of microvolts, so the
/// integer methods are exact.
///
/// VR12.5 and VR13 in 10 mV mode share a table, as do VR12, VR13 in 5 mV mode and IMVP8.
///
/// ```
/// use smbus_pmbus::format::VidMode;
///
/// assert_eq!(VidMode::Vr12.to_microvolts(0x01), Some(250_000));
/// assert_eq!(VidMode::Vr11.to_microvolts(0x02), Some(1_600_000));
/// assert_eq!(VidMode::Amd625mV.to_microvolts(0xD8), Some(200_000));
/// assert_eq!(VidMode::Vr13_10mV.to_microvolts(0x00), None); // off
///
/// // Encoding picks the code with the nearest voltage.
/// assert_eq!(VidMode::Vr13_10mV.from_microvolts(1_000_000), Ok(0x33));
/// assert_eq!(VidMode::Vr12.from_microvolts(1_001_000), Ok(0x97)); // 1.000 V
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum VidMode {
    /// Intel VR11: 6.25 mV steps down from 1.6 V, codes 02h..=B2h.
    Vr11,
    /// Intel VR12 (and IMVP8): 5 mV steps up from 0.25 V at code 01h.
    Vr12,
    /// Intel VR13 in 5 mV mode: the VR12 table.
    Vr13_5mV,
    /// Intel VR13 in 10 mV mode (and VR12.5): 10 mV steps up from 0.5 V at code 01h.
    Vr13_10mV,
    /// Intel IMVP9: 10 mV steps up from 0.2 V at code 01h.
    Imvp9,
    /// AMD 6.25 mV (SVI2-style): 6.25 mV steps down from 1.55 V at code 00h, to 0.2 V at D8h.
    Amd625mV,
}

/// The `VOUT_MODE` VID parameter codes (bits 4:0) used by TI TPS536xx and Infineon XDPE12xxx
/// multiphase controllers, per their data sheets: 01h VR12 (5 mV), 02h VR12.5 (10 mV), 03h
/// IMVP9, 04h VR13 (10 mV), 05h IMVP8 (5 mV), 07h VR13 (5 mV), 10h AMD 6.25 mV. Other
/// devices number their tables differently: check the data sheet and pass your own table to
/// [`VidMode::from_vout_mode_code`].
pub const COMMON_VID_CODES: [(u8, VidMode); 7] = [
    (0x01, VidMode::Vr12),
    (0x02, VidMode::Vr13_10mV),
    (0x03, VidMode::Imvp9),
    (0x04, VidMode::Vr13_10mV),
    (0x05, VidMode::Vr12),
    (0x07, VidMode::Vr13_5mV),
    (0x10, VidMode::Amd625mV),
];

/// One table as a line: code `first` is `start_uv`, each further code `step_uv` lower
/// (`falling`) or higher, up to code `last`.
struct Line {
    first: u8,
    last: u8,
    start_uv: u32,
    step_uv: u32,
    falling: bool,
}

impl VidMode {
    /// The table as a line (formulas in the type's documentation).
    const fn line(self) -> Line {
        match self {
            Self::Vr11 => Line {
                first: 0x02,
                last: 0xB2,
                start_uv: 1_600_000,
                step_uv: 6_250,
                falling: true,
            },
            Self::Vr12 | Self::Vr13_5mV => Line {
                first: 0x01,
                last: 0xFF,
                start_uv: 250_000,
                step_uv: 5_000,
                falling: false,
            },
            Self::Vr13_10mV => Line {
                first: 0x01,
                last: 0xFF,
                start_uv: 500_000,
                step_uv: 10_000,
                falling: false,
            },
            Self::Imvp9 => Line {
                first: 0x01,
                last: 0xFF,
                start_uv: 200_000,
                step_uv: 10_000,
                falling: false,
            },
            Self::Amd625mV => Line {
                first: 0x00,
                last: 0xD8,
                start_uv: 1_550_000,
                step_uv: 6_250,
                falling: true,
            },
        }
    }

    /// Looks up the VID table a device's `VOUT_MODE` parameter (bits 4:0 in VID mode) names,
    /// in a device-specific `table` of (parameter, mode) pairs such as [`COMMON_VID_CODES`].
    pub fn from_vout_mode_code(code: u8, table: &[(u8, VidMode)]) -> Option<VidMode> {
        table
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, mode)| *mode)
    }

    /// The voltage of `code` in microvolts; `None` for "off" and codes outside the table.
    pub const fn to_microvolts(self, code: u8) -> Option<u32> {
        let l = self.line();
        if code < l.first || code > l.last {
            return None;
        }
        // At most 254 steps of at most 10 mV: no overflow, and the falling tables end at
        // 0.5 V (VR11) and 0.2 V (AMD), so no underflow either.
        let offset = (code - l.first) as u32 * l.step_uv;
        Some(if l.falling {
            l.start_uv - offset
        } else {
            l.start_uv + offset
        })
    }

    /// The voltage of `code` in volts (the exact microvolt count divided once, so the nearest
    /// `f32`); `None` as for [`to_microvolts`](Self::to_microvolts).
    pub fn to_f32_volts(self, code: u8) -> Option<f32> {
        // Below 2^24, so the conversion is exact.
        self.to_microvolts(code).map(|uv| uv as f32 / 1e6)
    }

    /// The voltage of `code` in volts times 10<sup>`decimals`</sup>, rounded to nearest (ties
    /// away from zero); `None` as for [`to_microvolts`](Self::to_microvolts) or if `decimals`
    /// is above [`MAX_DECIMALS`].
    pub fn to_scaled(self, code: u8, decimals: u32) -> Option<i64> {
        scale_pow10(false, u64::from(self.to_microvolts(code)?), -6, decimals)
    }

    /// The code whose voltage is nearest to `uv` microvolts (a tie goes to the higher voltage);
    /// 0 µV is the "off" code 00h except in the AMD table.
    ///
    /// # Errors
    ///
    /// [`EncodeError::OutOfRange`] if `uv` is more than half a step beyond the table's ends.
    pub fn from_microvolts(self, uv: u32) -> Result<u8, EncodeError> {
        self.from_scaled(i64::from(uv), 6)
    }

    /// The code whose voltage is nearest to `value` × 10<sup>-`decimals`</sup> volts (a tie goes
    /// to the higher voltage), exact with integer arithmetic; 0 V is the "off" code 00h except
    /// in the AMD table.
    ///
    /// # Errors
    ///
    /// [`EncodeError::Negative`] for a negative value, [`EncodeError::OutOfRange`] more than
    /// half a step beyond the table's ends, [`EncodeError::TooManyDecimals`] above
    /// [`MAX_DECIMALS`].
    pub fn from_scaled(self, value: i64, decimals: u32) -> Result<u8, EncodeError> {
        if decimals > MAX_DECIMALS {
            return Err(EncodeError::TooManyDecimals);
        }
        if value < 0 {
            return Err(EncodeError::Negative);
        }
        let l = self.line();
        if value == 0 && l.first > 0 {
            // The Intel tables start at code 01h or 02h; 00h turns the output off.
            return Ok(0);
        }
        // Work in units of 10^-max(6, decimals) V: value, start and step are all integers
        // there. start ≤ 1.6 × 10^6 µV and step ≤ 10^4 µV times 10^12 at most: < 2^61.
        let (v, unit) = if decimals >= 6 {
            (
                value,
                pow10(decimals - 6).ok_or(EncodeError::TooManyDecimals)?,
            )
        } else {
            let p = pow10(6 - decimals).ok_or(EncodeError::TooManyDecimals)?;
            let p = i64::try_from(p).map_err(|_| EncodeError::OutOfRange)?;
            (value.checked_mul(p).ok_or(EncodeError::OutOfRange)?, 1)
        };
        let unit = i64::try_from(unit).map_err(|_| EncodeError::OutOfRange)?;
        let start = i64::from(l.start_uv) * unit;
        let step = i64::from(l.step_uv) * unit;
        // Steps are even numbers of µV, so half a step is an integer in these units.
        let half = step / 2;
        // Distance from the first code's voltage in the direction the codes run.
        let d = if l.falling { start - v } else { v - start };
        // Nearest step, ties toward the higher voltage: rounding half up when codes rise with
        // the voltage, half down when they fall. No overflow: 0 ≤ v ≤ i64::MAX and
        // half < start ≤ 1.6 × 10^18, so v - start + half ≤ i64::MAX and
        // start - v + half ≥ -i64::MAX + half.
        let k = if l.falling {
            (d + half - 1).div_euclid(step)
        } else {
            (d + half).div_euclid(step)
        };
        let max = i64::from(l.last - l.first);
        if !(0..=max).contains(&k) {
            return Err(EncodeError::OutOfRange);
        }
        // k is in 0..=254 and first + k ≤ last.
        u8::try_from(k + i64::from(l.first)).map_err(|_| EncodeError::OutOfRange)
    }

    /// The code whose voltage is nearest to `volts` (a tie goes to the higher voltage). The
    /// voltage is converted to whole nanovolts in `f64` (exact for every `f32` that is a whole
    /// number of nanovolts, such as the half-step voltages of the 6.25 mV tables), then
    /// encoded as [`from_scaled`](Self::from_scaled) does.
    ///
    /// # Errors
    ///
    /// [`EncodeError::NotFinite`], [`EncodeError::Negative`], [`EncodeError::OutOfRange`].
    pub fn from_f32_volts(self, volts: f32) -> Result<u8, EncodeError> {
        if !volts.is_finite() {
            return Err(EncodeError::NotFinite);
        }
        if volts < 0.0 {
            return Err(EncodeError::Negative);
        }
        // Above 2^52 nV (4.5 MV) `round_f64` gives None: out of every table anyway.
        let nv = round_f64(f64::from(volts) * 1e9).ok_or(EncodeError::OutOfRange)?;
        self.from_scaled(nv, 9)
    }
}
