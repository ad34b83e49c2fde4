//! `READ_EIN` (86h) and `READ_EOUT` (87h): the energy accumulator block (PMBus 1.3 Part II,
//! command descriptions of `READ_EIN`/`READ_EOUT`).

use super::exact::signed;
use super::{Coefficients, DecodeError, EncodeError, LengthError, MAX_DECIMALS};

/// One `READ_EIN`/`READ_EOUT` answer: the 6 data bytes of the block read (without the byte
/// count), all little-endian:
///
/// | Bytes | Field |
/// | --- | --- |
/// | 0-1 | `accumulator`: sum of the raw power readings since the last rollover |
/// | 2 | `rollover`: how often the accumulator has rolled over (wraps at 256) |
/// | 3-5 | `samples`: how many power readings were summed (24 bits, wraps) |
///
/// The accumulator sums raw `READ_PIN`/`READ_POUT` values, so energy comes out in "raw power
/// units × samples"; [`EnergyCounter`] turns two readings into a difference and an average
/// raw power, which the power format (usually DIRECT) converts to watts.
///
/// ```
/// use smbus_pmbus::format::EnergyReading;
///
/// let r = EnergyReading::parse(&[0x34, 0x12, 0x05, 0x78, 0x56, 0x34]).unwrap();
/// assert_eq!(r, EnergyReading { accumulator: 0x1234, rollover: 5, samples: 0x34_5678 });
/// assert_eq!(r.to_bytes(), Ok([0x34, 0x12, 0x05, 0x78, 0x56, 0x34]));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EnergyReading {
    /// The energy accumulator (bytes 0-1).
    pub accumulator: u16,
    /// The rollover count (byte 2).
    pub rollover: u8,
    /// The sample count (bytes 3-5, 24 bits).
    pub samples: u32,
}

impl EnergyReading {
    /// Length of the data block: 6 bytes.
    pub const LEN: usize = 6;
    /// The largest sample count the 24-bit field holds.
    pub const MAX_SAMPLES: u32 = 0xFF_FFFF;

    /// Reads the 6 data bytes of a `READ_EIN`/`READ_EOUT` block.
    ///
    /// # Errors
    ///
    /// [`LengthError`] unless `bytes` is exactly 6 bytes long.
    pub fn parse(bytes: &[u8]) -> Result<Self, LengthError> {
        match *bytes {
            [a0, a1, rollover, s0, s1, s2] => Ok(Self {
                accumulator: u16::from_le_bytes([a0, a1]),
                rollover,
                samples: u32::from_le_bytes([s0, s1, s2, 0]),
            }),
            _ => Err(LengthError {
                expected: Self::LEN,
                actual: bytes.len(),
            }),
        }
    }

    /// The 6-byte block (for a responder or a test).
    ///
    /// # Errors
    ///
    /// [`EncodeError::OutOfRange`] if `samples` is above [`MAX_SAMPLES`](Self::MAX_SAMPLES).
    pub fn to_bytes(&self) -> Result<[u8; 6], EncodeError> {
        if self.samples > Self::MAX_SAMPLES {
            return Err(EncodeError::OutOfRange);
        }
        let [a0, a1] = self.accumulator.to_le_bytes();
        let [s0, s1, s2, _] = self.samples.to_le_bytes();
        Ok([a0, a1, self.rollover, s0, s1, s2])
    }
}

/// Where a device's energy accumulator rolls over, and the arithmetic between two readings.
///
/// The accumulator counts up to `rollover_at` and then wraps to 0 while `rollover` counts up
/// (device-specific: 7FFFh on the LM25066I, FFFFh on the INA233). A reading's running total
/// is `rollover · (rollover_at + 1) + accumulator`; it wraps every 256 rollovers, and the
/// sample count every 2<sup>24</sup> samples. [`delta`](Self::delta) handles one wrap of
/// each; read the counter often enough that neither wraps twice between two readings.
///
/// ```
/// use smbus_pmbus::format::{Coefficients, EnergyCounter, EnergyReading};
///
/// let counter = EnergyCounter::new(0x7FFF);
/// let earlier = EnergyReading { accumulator: 0x7F00, rollover: 0xFF, samples: 0xFF_FFF0 };
/// let later = EnergyReading { accumulator: 0x0100, rollover: 0x00, samples: 0x00_0010 };
/// let delta = counter.delta(&earlier, &later).unwrap();
/// assert_eq!(delta.energy, 0x200); // 100h to the rollover point and 100h after it
/// assert_eq!(delta.samples, 0x20);
/// assert_eq!(delta.average_raw_scaled(3), Some(16_000)); // 16.000 raw power units
///
/// // With READ_PIN in DIRECT (m = 10535, b = 0, R = -3): 16 raw units are 1.5187 W.
/// let pin = Coefficients { m: 10535, b: 0, r: -3 };
/// assert_eq!(delta.average_power_scaled(&pin, 3), Ok(1_519));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EnergyCounter {
    /// The largest accumulator value before it wraps to 0.
    pub rollover_at: u16,
}

/// The difference between two energy readings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EnergyDelta {
    /// Accumulated energy in raw power units × samples (below 2<sup>24</sup>).
    pub energy: u64,
    /// Number of samples accumulated (below 2<sup>24</sup>).
    pub samples: u32,
}

impl EnergyCounter {
    /// A counter that wraps after `rollover_at`.
    pub const fn new(rollover_at: u16) -> Self {
        Self { rollover_at }
    }

    /// The running total `rollover · (rollover_at + 1) + accumulator` of one reading (below
    /// 256 · 2<sup>16</sup> = 2<sup>24</sup>).
    ///
    /// # Errors
    ///
    /// [`DecodeError::InvalidEnergyReading`] if the accumulator is above `rollover_at` or the
    /// sample count above 24 bits.
    pub fn total(&self, reading: &EnergyReading) -> Result<u64, DecodeError> {
        if reading.accumulator > self.rollover_at || reading.samples > EnergyReading::MAX_SAMPLES {
            return Err(DecodeError::InvalidEnergyReading);
        }
        Ok(u64::from(reading.rollover) * self.period_of_accumulator()
            + u64::from(reading.accumulator))
    }

    fn period_of_accumulator(&self) -> u64 {
        u64::from(self.rollover_at) + 1
    }

    /// Energy and samples from `earlier` to `later`, each modulo its wrap (256 rollovers,
    /// 2<sup>24</sup> samples).
    ///
    /// # Errors
    ///
    /// [`DecodeError::InvalidEnergyReading`], see [`total`](Self::total).
    pub fn delta(
        &self,
        earlier: &EnergyReading,
        later: &EnergyReading,
    ) -> Result<EnergyDelta, DecodeError> {
        let period = 256 * self.period_of_accumulator();
        let (e0, e1) = (self.total(earlier)?, self.total(later)?);
        // Both totals are below period, so e1 + period - e0 neither underflows nor overflows.
        let energy = (e1 + period - e0) % period;
        let samples = later.samples.wrapping_sub(earlier.samples) & EnergyReading::MAX_SAMPLES;
        Ok(EnergyDelta { energy, samples })
    }
}

impl EnergyDelta {
    /// The average raw power reading, `energy / samples`, as an `f32`; `None` for no samples.
    pub fn average_raw_f32(&self) -> Option<f32> {
        if self.samples == 0 {
            return None;
        }
        Some((self.energy as f64 / f64::from(self.samples)) as f32)
    }

    /// The average raw power reading times 10<sup>`decimals`</sup>, exact, rounded to nearest
    /// (ties away from zero), in integer arithmetic; `None` for no samples, `decimals` above
    /// [`MAX_DECIMALS`], or a result beyond `i64`.
    pub fn average_raw_scaled(&self, decimals: u32) -> Option<i64> {
        if self.samples == 0 || decimals > MAX_DECIMALS {
            return None;
        }
        let n = u64::from(self.samples);
        let (mut q, mut r) = (self.energy / n, self.energy % n);
        // r < n < 2^32: 10 · r fits a u64.
        for _ in 0..decimals {
            let r10 = r * 10;
            q = q.checked_mul(10)?.checked_add(r10 / n)?;
            r = r10 % n;
        }
        if r >= n - r {
            q = q.checked_add(1)?;
        }
        signed(false, q)
    }

    /// The average power in watts (or the unit of the coefficients) through the DIRECT
    /// formula applied to the mean raw reading; computed in `f64`.
    ///
    /// # Errors
    ///
    /// [`DecodeError::InvalidCoefficients`], [`DecodeError::NoSamples`].
    pub fn average_power_f32(&self, power: &Coefficients) -> Result<f32, DecodeError> {
        if self.samples == 0 {
            return Err(DecodeError::NoSamples);
        }
        power.decode_mean_f32(self.energy, self.samples)
    }

    /// The average power times 10<sup>`decimals`</sup> through the DIRECT formula applied to
    /// the exact mean raw reading, rounded once to nearest (ties away from zero). Uses 128-bit
    /// integer arithmetic.
    ///
    /// # Errors
    ///
    /// [`DecodeError::InvalidCoefficients`], [`DecodeError::TooManyDecimals`],
    /// [`DecodeError::NoSamples`], [`DecodeError::Overflow`] for a result beyond `i64`.
    pub fn average_power_scaled(
        &self,
        power: &Coefficients,
        decimals: u32,
    ) -> Result<i64, DecodeError> {
        if self.samples == 0 {
            return Err(DecodeError::NoSamples);
        }
        power.decode_mean_scaled(self.energy, self.samples, decimals)
    }
}
