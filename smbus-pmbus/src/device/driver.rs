//! The PMBus device driver, blocking and (feature `async`) async from one source.

use core::fmt;

use embedded_hal::i2c::I2c as I2cBlocking;
#[cfg(feature = "async")]
use embedded_hal_async::i2c::I2c as I2cAsync;

use super::{Description, DeviceError, OptionalCommands, Quantity, Reading, Sensor};
use crate::command::{CommandCode, OnOffConfig, Operation, PmbusRevision, Query, WriteProtect};
use crate::format::{Coefficients, EnergyCounter, EnergyDelta, EnergyReading, VoutMode};
#[cfg(feature = "async")]
use crate::smbus::SmbusAsync;
use crate::smbus::{Config, Smbus};
use crate::status::{ClearFaults, StatusSnapshot, StatusWord};

/// How many readings a [`Telemetry`] holds (a three-rail regulator has 23).
pub const MAX_READINGS: usize = 24;

/// The readings of one telemetry poll, in the description's sensor order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Telemetry {
    readings: [Option<Reading>; MAX_READINGS],
    len: usize,
}

impl Default for Telemetry {
    fn default() -> Self {
        Self::new()
    }
}

impl Telemetry {
    /// An empty set of readings, to fill with [`PmbusDevice::poll`].
    pub const fn new() -> Self {
        Self {
            readings: [None; MAX_READINGS],
            len: 0,
        }
    }

    fn push(&mut self, r: Reading) {
        if let Some(slot) = self.readings.get_mut(self.len) {
            *slot = Some(r);
            self.len += 1;
        }
    }

    /// The readings.
    pub fn iter(&self) -> impl Iterator<Item = &Reading> {
        self.readings.iter().take(self.len).flatten()
    }

    /// The reading of `quantity` on `page`.
    pub fn get(&self, quantity: Quantity, page: u8) -> Option<&Reading> {
        self.iter()
            .find(|r| r.quantity == quantity && r.page == page)
    }

    /// How many readings there are.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A manufacturer string (`MFR_ID`, `MFR_MODEL`, …) read as an SMBus block. The first 32
/// bytes are kept; a longer string is marked [`truncated`](Self::is_truncated) and keeps its
/// full length, so nothing is cut silently.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BlockString {
    bytes: [u8; 32],
    len: u8,
    full_len: u8,
}

impl BlockString {
    /// How many bytes are kept.
    pub const CAPACITY: usize = 32;

    fn from_slice(data: &[u8]) -> Self {
        let mut s = Self {
            bytes: [0; 32],
            len: 0,
            full_len: u8::try_from(data.len()).unwrap_or(u8::MAX),
        };
        for (slot, &b) in s.bytes.iter_mut().zip(data) {
            *slot = b;
            s.len += 1;
        }
        s
    }

    /// The bytes kept (all of them unless [truncated](Self::is_truncated)).
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// The text, if it is UTF-8 and complete.
    pub fn as_str(&self) -> Option<&str> {
        if self.is_truncated() {
            return None;
        }
        core::str::from_utf8(self.as_bytes()).ok()
    }

    /// Whether the device sent more than [`CAPACITY`](Self::CAPACITY) bytes.
    pub const fn is_truncated(&self) -> bool {
        self.full_len > self.len
    }

    /// The length the device sent.
    pub const fn full_len(&self) -> usize {
        self.full_len as usize
    }
}

/// Printable ASCII as is, anything else as `\xNN`; trailing NULs and spaces (padding) are
/// dropped.
impl fmt::Display for BlockString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let trimmed = self.as_bytes();
        let end = trimmed
            .iter()
            .rposition(|&b| b != 0 && b != b' ')
            .map_or(0, |i| i + 1);
        for &b in trimmed.get(..end).unwrap_or(&[]) {
            if b.is_ascii_graphic() || b == b' ' {
                fmt::Write::write_char(f, char::from(b))?;
            } else {
                write!(f, "\\x{b:02x}")?;
            }
        }
        if self.is_truncated() {
            write!(f, "… ({} bytes)", self.full_len)?;
        }
        Ok(())
    }
}

impl fmt::Debug for BlockString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for BlockString {
    fn format(&self, f: defmt::Formatter) {
        defmt::write!(f, "{=[u8]}", self.as_bytes())
    }
}

/// What a device says about itself. A field is `None` when the device does not implement the
/// command (it NACKed), which many do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Identity {
    /// `PMBUS_REVISION` (98h).
    pub revision: Option<PmbusRevision>,
    /// `MFR_ID` (99h).
    pub mfr_id: Option<BlockString>,
    /// `MFR_MODEL` (9Ah).
    pub mfr_model: Option<BlockString>,
    /// `MFR_REVISION` (9Bh).
    pub mfr_revision: Option<BlockString>,
    /// `MFR_LOCATION` (9Ch).
    pub mfr_location: Option<BlockString>,
    /// `MFR_DATE` (9Dh).
    pub mfr_date: Option<BlockString>,
    /// `MFR_SERIAL` (9Eh).
    pub mfr_serial: Option<BlockString>,
}

/// Whether a device implements a command, as far as [`PmbusDevice::probe`] can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Support {
    /// It does.
    Supported,
    /// It does not.
    Unsupported,
    /// The probe could not tell: the device has no `QUERY`, and either the command cannot be
    /// read (write-only), or the CML fault that would tell was already latched before the probe
    /// or could not be observed.
    Unknown,
}

/// What [`PmbusDevice::probe`] found out about a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Probe {
    /// Whether the device implements the command.
    pub support: Support,
    /// The `QUERY` answer, when the device implements `QUERY` (1Ah).
    pub query: Option<Query>,
    /// Whether the probe raised a CML fault that the driver then cleared.
    pub cleared_cml: bool,
    /// Whether the probe raised a CML fault it could not clear (a PMBus 1.0/1.1 device with
    /// other faults latched, where only `CLEAR_FAULTS` would do and would erase them too).
    pub left_cml: bool,
}

/// How many pages' `VOUT_MODE` a driver remembers (pages 0–31; beyond, it is read each time).
pub const VOUT_MODE_CACHE_PAGES: usize = 32;

/// A PMBus device on an SMBus: [`Psu`](super::Psu) and [`Regulator`](super::Regulator) are
/// this driver under other names; `PmbusDeviceAsync` (feature `async`) is its async twin.
///
/// The driver owns its bus (pass a shared-bus handle from `embedded-hal-bus` to share one) and
/// remembers the selected page and each page's `VOUT_MODE` (pages 0–31), so a telemetry poll
/// writes `PAGE` only when the page changes and reads `VOUT_MODE` once. Both are forgotten when
/// the bus is handed out with [`smbus`](Self::smbus) and by [`forget_cache`](Self::forget_cache)
/// (call it when the device may have been replaced, for example after a PSU hot swap).
///
/// Every method that acts on a page takes the page: nothing depends on which page an earlier
/// call left selected. Optional commands (`WRITE_PROTECT`, `ON_OFF_CONFIG`, `PMBUS_REVISION`,
/// `QUERY`, the `MFR_*` strings) are read only when the description lists them in
/// [`Description::optional`], because reading a command a device lacks raises a CML fault and
/// SMBALERT# on many devices.
#[maybe_async_cfg::maybe(sync(keep_self), async(feature = "async", idents(Smbus)))]
#[derive(Debug)]
pub struct PmbusDevice<I2C> {
    bus: Smbus<I2C>,
    address: u8,
    description: Description,
    page: Option<u8>,
    vout_modes: [Option<VoutMode>; VOUT_MODE_CACHE_PAGES],
}

#[maybe_async_cfg::maybe(sync(keep_self), async(feature = "async", idents(Smbus)))]
impl<I2C> PmbusDevice<I2C> {
    /// A driver for the device `description` at 7-bit `address` on `i2c`. PEC is on when the
    /// description says the device supports it.
    pub fn new(i2c: I2C, address: u8, description: Description) -> Self {
        let config = Config::new().with_pec(description.pec);
        Self::from_smbus(Smbus::with_config(i2c, config), address, description)
    }

    /// A driver on an SMBus host configured by the caller (PEC, block limit).
    pub const fn from_smbus(bus: Smbus<I2C>, address: u8, description: Description) -> Self {
        Self {
            bus,
            address,
            description,
            page: None,
            vout_modes: [None; VOUT_MODE_CACHE_PAGES],
        }
    }

    /// Gives the bus back.
    pub fn release(self) -> I2C {
        self.bus.release()
    }

    /// The SMBus host, for commands this driver has no method for. The driver forgets the
    /// selected page and the cached `VOUT_MODE`s, since the caller may change them.
    pub fn smbus(&mut self) -> &mut Smbus<I2C> {
        self.forget_cache();
        &mut self.bus
    }

    /// Forgets the selected page and every cached `VOUT_MODE`: the next reads select the page
    /// and read `VOUT_MODE` again.
    pub fn forget_cache(&mut self) {
        self.page = None;
        self.vout_modes = [None; VOUT_MODE_CACHE_PAGES];
    }

    /// The device's address.
    pub const fn address(&self) -> u8 {
        self.address
    }

    /// The device's description.
    pub const fn description(&self) -> &Description {
        &self.description
    }

    /// The description, to change at run time (for example DIRECT coefficients read with
    /// [`coefficients`](Self::coefficients), or a VID table chosen from `VOUT_MODE`).
    pub fn description_mut(&mut self) -> &mut Description {
        &mut self.description
    }

    /// The change of an energy meter between two readings of [`energy`](Self::energy), with
    /// the description's rollover point.
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoEnergyMeter`]; [`DeviceError::Energy`] for a reading above the rollover
    /// point.
    pub fn energy_delta(
        &self,
        earlier: &EnergyReading,
        later: &EnergyReading,
    ) -> Result<EnergyDelta, DeviceError<core::convert::Infallible>> {
        let meter = self.description.energy.ok_or(DeviceError::NoEnergyMeter)?;
        EnergyCounter::new(meter.accumulator_max)
            .delta(earlier, later)
            .map_err(DeviceError::Energy)
    }

    /// The average power between two energy readings, in milliwatts (the accumulated power
    /// samples decoded with the meter's DIRECT coefficients, divided by the sample count).
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoEnergyMeter`]; [`DeviceError::Energy`] when there were no samples in
    /// between or a reading is invalid; [`DeviceError::FormatUnknown`] when the meter's power
    /// encoding is not DIRECT with known coefficients.
    pub fn average_power_milli(
        &self,
        earlier: &EnergyReading,
        later: &EnergyReading,
    ) -> Result<i64, DeviceError<core::convert::Infallible>> {
        let meter = self.description.energy.ok_or(DeviceError::NoEnergyMeter)?;
        let delta = self.energy_delta(earlier, later)?;
        let coefficients = match meter.power {
            super::Encoding::Direct(class) => self.description.direct.get(class),
            _ => None,
        }
        .ok_or(DeviceError::FormatUnknown {
            command: meter.command,
            vout_mode: None,
        })?;
        delta
            .average_power_scaled(&coefficients, 3)
            .map_err(DeviceError::Energy)
    }
}

#[maybe_async_cfg::maybe(
    sync(keep_self),
    async(feature = "async", idents(Smbus, I2cBlocking(async = "I2cAsync")))
)]
impl<I2C: I2cBlocking> PmbusDevice<I2C> {
    /// Writes the description's setup word (a calibration or monitor configuration), if any.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`].
    pub async fn init(&mut self) -> Result<(), DeviceError<I2C::Error>> {
        if let Some(setup) = self.description.setup {
            self.bus
                .write_word(self.address, setup.command.0, setup.word)
                .await?;
        }
        Ok(())
    }

    /// Selects `page` (writes `PAGE`, 00h) unless it is already selected. Single-page devices
    /// are never sent `PAGE`.
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoSuchPage`], [`DeviceError::Bus`].
    pub async fn set_page(&mut self, page: u8) -> Result<(), DeviceError<I2C::Error>> {
        if page >= self.description.pages {
            return Err(DeviceError::NoSuchPage { page });
        }
        if self.description.pages <= 1 || self.page == Some(page) {
            return Ok(());
        }
        self.page = None;
        self.bus
            .write_byte(self.address, CommandCode::PAGE.0, page)
            .await?;
        self.page = Some(page);
        Ok(())
    }

    /// `VOUT_MODE` (20h) of `page`, read once and then remembered (pages 0–31).
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoSuchPage`], [`DeviceError::Bus`].
    pub async fn vout_mode(&mut self, page: u8) -> Result<VoutMode, DeviceError<I2C::Error>> {
        if let Some(Some(mode)) = self.vout_modes.get(usize::from(page)) {
            return Ok(*mode);
        }
        self.set_page(page).await?;
        let raw = self
            .bus
            .read_byte(self.address, CommandCode::VOUT_MODE.0)
            .await?;
        let mode = VoutMode::from_raw(raw);
        // FFh is what a device without VOUT_MODE answers: not worth remembering.
        if !mode.is_unimplemented() {
            if let Some(slot) = self.vout_modes.get_mut(usize::from(page)) {
                *slot = Some(mode);
            }
        }
        Ok(mode)
    }

    /// Reads one sensor.
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoSuchSensor`] if the description lacks it, [`DeviceError::FormatUnknown`]
    /// if its format cannot be resolved, [`DeviceError::Bus`].
    pub async fn read(
        &mut self,
        quantity: Quantity,
        page: u8,
    ) -> Result<Reading, DeviceError<I2C::Error>> {
        let sensor = self
            .description
            .sensor(quantity, page)
            .ok_or(DeviceError::NoSuchSensor { quantity, page })?;
        self.read_sensor(sensor).await
    }

    /// Reads `sensor` (which need not be in the description).
    ///
    /// # Errors
    ///
    /// [`DeviceError::FormatUnknown`] (including `VOUT_MODE` FFh, what a device without it
    /// answers), [`DeviceError::NoSuchPage`], [`DeviceError::Bus`].
    pub async fn read_sensor(
        &mut self,
        sensor: Sensor,
    ) -> Result<Reading, DeviceError<I2C::Error>> {
        // The cached cases are checked here without awaiting: in the async driver every
        // nested future costs a poll, and a steady-state poll needs neither.
        let vout_mode = match sensor.encoding {
            super::Encoding::Vout => match self.vout_modes.get(usize::from(sensor.page)) {
                Some(Some(mode)) => Some(*mode),
                _ => Some(self.vout_mode(sensor.page).await?),
            },
            _ => None,
        };
        let command = sensor.quantity.command();
        let format = self
            .description
            .format(sensor.encoding, vout_mode)
            .ok_or(DeviceError::FormatUnknown { command, vout_mode })?;
        if sensor.page >= self.description.pages {
            return Err(DeviceError::NoSuchPage { page: sensor.page });
        }
        if self.description.pages > 1 && self.page != Some(sensor.page) {
            self.set_page(sensor.page).await?;
        }
        let raw = self.bus.read_word(self.address, command.0).await?;
        Ok(Reading {
            quantity: sensor.quantity,
            page: sensor.page,
            raw,
            format,
        })
    }

    /// Reads every sensor of the description, in order, into `out` (cleared first). This is
    /// the form for firmware: the readings are written in place, so an async poll's future
    /// stays small.
    ///
    /// # Errors
    ///
    /// [`DeviceError::TooManySensors`] (before any bus traffic) if the description has more
    /// than [`MAX_READINGS`]; otherwise the first error of any read, with `out` holding the
    /// readings before it.
    pub async fn poll(&mut self, out: &mut Telemetry) -> Result<(), DeviceError<I2C::Error>> {
        out.len = 0;
        let sensors = self.description.sensors;
        if sensors.len() > MAX_READINGS {
            return Err(DeviceError::TooManySensors {
                count: sensors.len(),
            });
        }
        for &sensor in sensors {
            let reading = self.read_sensor(sensor).await?;
            out.push(reading);
        }
        Ok(())
    }

    /// Reads every sensor of the description, in order.
    ///
    /// # Errors
    ///
    /// As for [`poll`](Self::poll).
    pub async fn telemetry(&mut self) -> Result<Telemetry, DeviceError<I2C::Error>> {
        let mut t = Telemetry::new();
        self.poll(&mut t).await?;
        Ok(t)
    }

    /// `STATUS_WORD` (79h) of `page`.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`], [`DeviceError::NoSuchPage`].
    pub async fn status_word(&mut self, page: u8) -> Result<StatusWord, DeviceError<I2C::Error>> {
        self.set_page(page).await?;
        let raw = self
            .bus
            .read_word(self.address, CommandCode::STATUS_WORD.0)
            .await?;
        Ok(StatusWord::from_bits_retain(raw))
    }

    /// `STATUS_WORD` and every status sub-register it points at that the device has: what a
    /// BMC needs to log and clear a fault.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`], [`DeviceError::NoSuchPage`].
    pub async fn status(&mut self, page: u8) -> Result<StatusSnapshot, DeviceError<I2C::Error>> {
        let word = self.status_word(page).await?;
        let mut snapshot = StatusSnapshot::new(word);
        for register in word.registers_to_read() {
            if !self.description.has_status_register(register.command()) {
                continue;
            }
            let value = self.bus.read_byte(self.address, register.code()).await?;
            snapshot.set(register, value);
        }
        Ok(snapshot)
    }

    /// Clears faults of `page`: `ClearFaults::All` sends `CLEAR_FAULTS` (03h), which clears every
    /// status bit of the page and deasserts SMBALERT#; `ClearFaults::Bits` writes the bits back
    /// as ones to one detail register (PMBus 1.2 and later, Part II §10.2), so other faults stay
    /// latched. Build the plan with [`ClearFaults::bits`] or take it from
    /// [`StatusSnapshot::clear_plans`].
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoSuchPage`], [`DeviceError::Bus`].
    pub async fn clear_faults(
        &mut self,
        page: u8,
        plan: ClearFaults,
    ) -> Result<(), DeviceError<I2C::Error>> {
        self.set_page(page).await?;
        match plan {
            ClearFaults::All => {
                self.bus
                    .send_byte(self.address, CommandCode::CLEAR_FAULTS.0)
                    .await?
            }
            ClearFaults::Bits { register, bits } => {
                self.bus
                    .write_byte(self.address, register.code(), bits)
                    .await?
            }
        }
        Ok(())
    }

    /// Turns the output of `page` on (`OPERATION` = 80h) or off immediately (00h).
    ///
    /// Before writing, it reads `WRITE_PROTECT` (10h) and `ON_OFF_CONFIG` (02h) when the
    /// description lists them as implemented: if writes of `OPERATION` are protected, or if the
    /// device ignores `OPERATION`'s on/off bit (its `ON_OFF_CONFIG` lacks PU or CMD), nothing is
    /// written and the error says why. `Ok` means the command was accepted, not that the output
    /// changed: with `ON_OFF_CONFIG` also requiring the CONTROL pin (CP set), the pin must agree;
    /// read `STATUS_WORD` to see the result. An undefined `WRITE_PROTECT` value is not taken as
    /// a protection.
    ///
    /// # Errors
    ///
    /// [`DeviceError::WriteProtected`], [`DeviceError::OperationIgnored`], [`DeviceError::Bus`],
    /// [`DeviceError::NoSuchPage`].
    pub async fn set_output(&mut self, page: u8, on: bool) -> Result<(), DeviceError<I2C::Error>> {
        self.set_page(page).await?;
        if self
            .description
            .optional
            .contains(OptionalCommands::ON_OFF_CONFIG)
        {
            if let Some(raw) = self.read_optional_byte(CommandCode::ON_OFF_CONFIG).await? {
                let on_off_config = OnOffConfig(raw);
                if !on_off_config.requires_command_to_power_up()
                    || !on_off_config.responds_to_operation()
                {
                    return Err(DeviceError::OperationIgnored { on_off_config });
                }
            }
        }
        let value = if on {
            Operation::ON
        } else {
            Operation::OFF_IMMEDIATE
        };
        self.write_operation(page, value).await
    }

    /// Writes `OPERATION` of `page` with `value` (on, soft off, margins) after checking
    /// `WRITE_PROTECT` as [`set_output`](Self::set_output) does. `ON_OFF_CONFIG` is not checked
    /// here: its CMD bit governs only the on/off bit, and margin changes work without it.
    ///
    /// # Errors
    ///
    /// [`DeviceError::WriteProtected`], [`DeviceError::Bus`], [`DeviceError::NoSuchPage`].
    pub async fn write_operation(
        &mut self,
        page: u8,
        value: Operation,
    ) -> Result<(), DeviceError<I2C::Error>> {
        self.set_page(page).await?;
        let operation = CommandCode::OPERATION;
        if self
            .description
            .optional
            .contains(OptionalCommands::WRITE_PROTECT)
        {
            if let Some(raw) = self.read_optional_byte(CommandCode::WRITE_PROTECT).await? {
                let level = WriteProtect::from_bits(raw);
                if level.allows(operation.0) == Some(false) {
                    return Err(DeviceError::WriteProtected {
                        command: operation,
                        level,
                    });
                }
            }
        }
        self.bus
            .write_byte(self.address, operation.0, value.0)
            .await?;
        Ok(())
    }

    /// The identity strings and PMBus revision the description lists as implemented. A
    /// listed field is `None` when the device NACKs it anyway.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`] for anything but a NACK.
    pub async fn identity(&mut self) -> Result<Identity, DeviceError<I2C::Error>> {
        let revision = if self
            .description
            .optional
            .contains(OptionalCommands::PMBUS_REVISION)
        {
            self.read_optional_byte(CommandCode::PMBUS_REVISION)
                .await?
                .map(PmbusRevision)
        } else {
            None
        };
        Ok(Identity {
            revision,
            mfr_id: self
                .read_optional_string(OptionalCommands::MFR_ID, CommandCode::MFR_ID)
                .await?,
            mfr_model: self
                .read_optional_string(OptionalCommands::MFR_MODEL, CommandCode::MFR_MODEL)
                .await?,
            mfr_revision: self
                .read_optional_string(OptionalCommands::MFR_REVISION, CommandCode::MFR_REVISION)
                .await?,
            mfr_location: self
                .read_optional_string(OptionalCommands::MFR_LOCATION, CommandCode::MFR_LOCATION)
                .await?,
            mfr_date: self
                .read_optional_string(OptionalCommands::MFR_DATE, CommandCode::MFR_DATE)
                .await?,
            mfr_serial: self
                .read_optional_string(OptionalCommands::MFR_SERIAL, CommandCode::MFR_SERIAL)
                .await?,
        })
    }

    /// Asks the device for the DIRECT coefficients it uses for `command` (`COEFFICIENTS`, 30h,
    /// a block write–block read process call: the command code and 01h for "as read" or 00h for
    /// "as written"; the answer is m, b and R, Part II §7.4 / §14.1).
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`]; a block that is not 5 bytes long is
    /// [`smbus::Error::BlockCountMismatch`](crate::smbus::Error::BlockCountMismatch).
    pub async fn coefficients(
        &mut self,
        command: CommandCode,
        as_read: bool,
    ) -> Result<Coefficients, DeviceError<I2C::Error>> {
        let mut answer = [0u8; 5];
        let request = [command.0, u8::from(as_read)];
        let n = self
            .bus
            .block_process_call(
                self.address,
                CommandCode::COEFFICIENTS.0,
                &request,
                &mut answer,
            )
            .await?;
        let block = answer.get(..n).unwrap_or(&[]);
        Coefficients::parse(block).map_err(block_length_error)
    }

    /// Reads the energy accumulator (`READ_EIN`/`READ_EOUT`) of the description's meter. Two
    /// readings give the average power with [`average_power_milli`](Self::average_power_milli).
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoEnergyMeter`], [`DeviceError::NoSuchPage`], [`DeviceError::Bus`] (a
    /// block that is not 6 bytes long is
    /// [`smbus::Error::BlockCountMismatch`](crate::smbus::Error::BlockCountMismatch)).
    pub async fn energy(&mut self) -> Result<EnergyReading, DeviceError<I2C::Error>> {
        let meter = self.description.energy.ok_or(DeviceError::NoEnergyMeter)?;
        self.set_page(meter.page).await?;
        let mut block = [0u8; EnergyReading::LEN];
        self.bus
            .block_read_exact(self.address, meter.command.0, &mut block)
            .await?;
        EnergyReading::parse(&block).map_err(block_length_error)
    }

    /// Finds out whether the device implements `command`, without leaving a CML fault behind
    /// where that can be avoided.
    ///
    /// It asks `QUERY` (1Ah) when the description lists it. Otherwise it reads the command as
    /// the command table says and watches `STATUS_CML`'s invalid-command and invalid-data bits:
    /// a NACK or a newly set bit means unsupported. A bit the probe set is cleared again: by
    /// writing it back to `STATUS_CML` on PMBus 1.2 and later, else by `CLEAR_FAULTS` when no
    /// other fault is latched (OFF and POWER_GOOD# are conditions, not latched faults, and do
    /// not count). A fault that was latched before the probe is never cleared; if one of the two
    /// bits was already set the answer is [`Support::Unknown`], since a new one could not be
    /// told apart.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`] for errors other than NACK.
    pub async fn probe(&mut self, command: CommandCode) -> Result<Probe, DeviceError<I2C::Error>> {
        if self.description.optional.contains(OptionalCommands::QUERY) {
            let mut answer = [0u8; 1];
            match self
                .bus
                .block_process_call(
                    self.address,
                    CommandCode::QUERY.0,
                    &[command.0],
                    &mut answer,
                )
                .await
            {
                Ok(1) => {
                    let q = Query(answer[0]);
                    let support = if q.supported() {
                        Support::Supported
                    } else {
                        Support::Unsupported
                    };
                    return Ok(Probe {
                        support,
                        query: Some(q),
                        cleared_cml: false,
                        left_cml: false,
                    });
                }
                Ok(_) => {}
                Err(e) if e.is_nack() => {}
                Err(e) => return Err(e.into()),
            }
        }
        let before = self.read_cml().await?;
        let already = before.is_some_and(|b| b & CML_COMMAND_BITS != 0);
        let read_ok = self.try_read(command).await?;
        let after = self.read_cml().await?;
        let raised = new_bits(before, after) & CML_COMMAND_BITS;
        let (mut cleared_cml, mut left_cml) = (false, false);
        if raised != 0 {
            cleared_cml = self.clear_raised_cml(before, raised).await?;
            left_cml = !cleared_cml;
        }
        let support = match read_ok {
            None => Support::Unknown,
            Some(false) => Support::Unsupported,
            Some(true) if raised != 0 => Support::Unsupported,
            Some(true) if already || after.is_none() => Support::Unknown,
            Some(true) => Support::Supported,
        };
        Ok(Probe {
            support,
            query: None,
            cleared_cml,
            left_cml,
        })
    }
}

/// `STATUS_CML` bits 7 (invalid or unsupported command) and 6 (invalid or unsupported data),
/// the two a probe can raise (Part II §17.7).
const CML_COMMAND_BITS: u8 = 0xC0;

/// A block of the wrong length for its command, as the bus error it is.
fn block_length_error<E>(e: crate::format::LengthError) -> DeviceError<E> {
    DeviceError::Bus(crate::smbus::Error::BlockCountMismatch {
        expected: e.expected,
        received: u8::try_from(e.actual).unwrap_or(u8::MAX),
    })
}

/// The bits set in `after` that were clear in `before` (`0` if either is unknown).
fn new_bits(before: Option<u8>, after: Option<u8>) -> u8 {
    match (before, after) {
        (Some(b), Some(a)) => a & !b,
        _ => 0,
    }
}

// Private helpers.
#[maybe_async_cfg::maybe(
    sync(keep_self),
    async(feature = "async", idents(Smbus, I2cBlocking(async = "I2cAsync")))
)]
impl<I2C: I2cBlocking> PmbusDevice<I2C> {
    /// Reads a byte command; a NACK means the device does not implement it.
    async fn read_optional_byte(
        &mut self,
        command: CommandCode,
    ) -> Result<Option<u8>, DeviceError<I2C::Error>> {
        match self.bus.read_byte(self.address, command.0).await {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_nack() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Reads a manufacturer string the description lists; `None` if it does not, or on NACK.
    async fn read_optional_string(
        &mut self,
        listed: OptionalCommands,
        command: CommandCode,
    ) -> Result<Option<BlockString>, DeviceError<I2C::Error>> {
        if !self.description.optional.contains(listed) {
            return Ok(None);
        }
        let mut buf = [0u8; 255];
        match self.bus.block_read(self.address, command.0, &mut buf).await {
            Ok(n) => Ok(Some(BlockString::from_slice(buf.get(..n).unwrap_or(&[])))),
            Err(e) if e.is_nack() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// `STATUS_CML`, or `None` if the device does not have it.
    async fn read_cml(&mut self) -> Result<Option<u8>, DeviceError<I2C::Error>> {
        if !self
            .description
            .has_status_register(CommandCode::STATUS_CML)
        {
            return Ok(None);
        }
        self.read_optional_byte(CommandCode::STATUS_CML).await
    }

    /// Reads `command` the way the command table says it is read: `Some(true)` if the device
    /// answered, `Some(false)` on NACK, `None` if the command cannot be read.
    async fn try_read(
        &mut self,
        command: CommandCode,
    ) -> Result<Option<bool>, DeviceError<I2C::Error>> {
        use crate::command::Transaction;
        let addr = self.address;
        let result = match command.info().read {
            Transaction::ReadByte => self.bus.read_byte(addr, command.0).await.map(drop),
            Transaction::ReadWord => self.bus.read_word(addr, command.0).await.map(drop),
            Transaction::BlockRead => {
                let mut buf = [0u8; 255];
                self.bus
                    .block_read(addr, command.0, &mut buf)
                    .await
                    .map(drop)
            }
            // Nothing to read (a write-only or send-byte command): only QUERY can tell.
            _ => return Ok(None),
        };
        match result {
            Ok(()) => Ok(Some(true)),
            Err(e) if e.is_nack() => Ok(Some(false)),
            Err(e) => Err(e.into()),
        }
    }

    /// Clears the CML bits `raised` by a probe; `true` if it did.
    async fn clear_raised_cml(
        &mut self,
        before: Option<u8>,
        raised: u8,
    ) -> Result<bool, DeviceError<I2C::Error>> {
        let revision = if self
            .description
            .optional
            .contains(OptionalCommands::PMBUS_REVISION)
        {
            self.read_optional_byte(CommandCode::PMBUS_REVISION)
                .await?
                .map(PmbusRevision)
        } else {
            None
        };
        if revision.is_some_and(|r| r.supports_write_to_clear()) {
            self.bus
                .write_byte(self.address, CommandCode::STATUS_CML.0, raised)
                .await?;
            return Ok(true);
        }
        // Otherwise only CLEAR_FAULTS, which clears everything: use it only when nothing else
        // is latched. OFF and POWER_GOOD# report conditions, not latched faults.
        let word = StatusWord::from_bits_retain(
            self.bus
                .read_word(self.address, CommandCode::STATUS_WORD.0)
                .await?,
        );
        let conditions = StatusWord::CML
            | StatusWord::NONE_OF_THE_ABOVE
            | StatusWord::OFF
            | StatusWord::POWER_GOOD_N;
        if before == Some(0) && (word & !conditions).is_empty() {
            self.bus
                .send_byte(self.address, CommandCode::CLEAR_FAULTS.0)
                .await?;
            return Ok(true);
        }
        Ok(false)
    }
}
