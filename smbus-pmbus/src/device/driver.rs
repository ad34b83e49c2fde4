//! The PMBus device driver, blocking and (feature `async`) async from one source.

use core::fmt;

use embedded_hal::i2c::I2c as I2cBlocking;
#[cfg(feature = "async")]
use embedded_hal_async::i2c::I2c as I2cAsync;

use super::{Description, DeviceError, Quantity, Reading, Sensor};
use crate::command::{CommandCode, OnOffConfig, Operation, PmbusRevision, Query, WriteProtect};
use crate::format::{EnergyReading, VoutMode};
#[cfg(feature = "async")]
use crate::smbus::SmbusAsync;
use crate::smbus::{Config, Smbus};
use crate::status::{StatusRegister, StatusSnapshot, StatusWord};

/// How many readings a [`Telemetry`] holds (a three-rail regulator has 23).
pub const MAX_READINGS: usize = 24;

/// The readings of one telemetry poll, in the description's sensor order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Telemetry {
    readings: [Option<Reading>; MAX_READINGS],
    len: usize,
}

impl Telemetry {
    const fn new() -> Self {
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

/// A manufacturer string (`MFR_ID`, `MFR_MODEL`, …) read as an SMBus block, up to 32 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BlockString {
    bytes: [u8; 32],
    len: u8,
}

impl BlockString {
    fn from_slice(data: &[u8]) -> Self {
        let mut s = Self {
            bytes: [0; 32],
            len: 0,
        };
        for (slot, &b) in s.bytes.iter_mut().zip(data) {
            *slot = b;
            s.len += 1;
        }
        s
    }

    /// The bytes as read.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// The text, if it is UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        core::str::from_utf8(self.as_bytes()).ok()
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

/// What [`PmbusDevice::probe`] found out about a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Probe {
    /// Whether the device implements the command.
    pub supported: bool,
    /// The `QUERY` answer, when the device implements `QUERY` (1Ah).
    pub query: Option<Query>,
    /// Whether the probe raised a CML fault that the driver then cleared.
    pub cleared_cml: bool,
}

/// A PMBus device on an SMBus: [`Psu`](super::Psu) and [`Regulator`](super::Regulator) are
/// this driver under other names; `PmbusDeviceAsync` (feature `async`) is its async twin.
///
/// The driver owns its bus (pass a shared-bus handle from `embedded-hal-bus` to share one) and
/// remembers the selected page and each page's `VOUT_MODE`, so a telemetry poll writes `PAGE`
/// only when the page changes and reads `VOUT_MODE` once.
#[maybe_async_cfg::maybe(sync(keep_self), async(feature = "async", idents(Smbus)))]
#[derive(Debug)]
pub struct PmbusDevice<I2C> {
    bus: Smbus<I2C>,
    address: u8,
    description: Description,
    page: Option<u8>,
    vout_modes: [Option<VoutMode>; 4],
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
            vout_modes: [None; 4],
        }
    }

    /// Gives the bus back.
    pub fn release(self) -> I2C {
        self.bus.release()
    }

    /// The SMBus host, for commands this driver has no method for.
    pub fn smbus(&mut self) -> &mut Smbus<I2C> {
        // The caller may change the page behind our back: forget what we knew.
        self.page = None;
        &mut self.bus
    }

    /// The device's address.
    pub const fn address(&self) -> u8 {
        self.address
    }

    /// The device's description.
    pub const fn description(&self) -> &Description {
        &self.description
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

    /// `VOUT_MODE` (20h) of `page`, read once and then remembered.
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoSuchPage`], [`DeviceError::Bus`].
    pub async fn vout_mode(&mut self, page: u8) -> Result<VoutMode, DeviceError<I2C::Error>> {
        if let Some(Some(mode)) = self.vout_modes.get(usize::from(page)) {
            return Ok(*mode);
        }
        self.set_page(page).await?;
        let mode = VoutMode::from_raw(
            self.bus
                .read_byte(self.address, CommandCode::VOUT_MODE.0)
                .await?,
        );
        if let Some(slot) = self.vout_modes.get_mut(usize::from(page)) {
            *slot = Some(mode);
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
    /// [`DeviceError::FormatUnknown`], [`DeviceError::NoSuchPage`], [`DeviceError::Bus`].
    pub async fn read_sensor(
        &mut self,
        sensor: Sensor,
    ) -> Result<Reading, DeviceError<I2C::Error>> {
        let vout_mode = match sensor.encoding {
            super::Encoding::Vout => Some(self.vout_mode(sensor.page).await?),
            _ => None,
        };
        let command = sensor.quantity.command();
        let format = self
            .description
            .format(sensor.encoding, vout_mode)
            .ok_or(DeviceError::FormatUnknown { command, vout_mode })?;
        self.set_page(sensor.page).await?;
        let raw = self.bus.read_word(self.address, command.0).await?;
        Ok(Reading {
            quantity: sensor.quantity,
            page: sensor.page,
            raw,
            format,
        })
    }

    /// Reads every sensor of the description, in order.
    ///
    /// # Errors
    ///
    /// The first error of any read.
    pub async fn telemetry(&mut self) -> Result<Telemetry, DeviceError<I2C::Error>> {
        let mut t = Telemetry::new();
        let sensors = self.description.sensors;
        for &sensor in sensors.iter().take(MAX_READINGS) {
            t.push(self.read_sensor(sensor).await?);
        }
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

    /// `CLEAR_FAULTS` (03h): clears every status bit of the selected page and deasserts
    /// SMBALERT#.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`].
    pub async fn clear_faults(&mut self) -> Result<(), DeviceError<I2C::Error>> {
        self.bus
            .send_byte(self.address, CommandCode::CLEAR_FAULTS.0)
            .await?;
        Ok(())
    }

    /// Clears only the given bits of one status register by writing them back as ones (PMBus
    /// 1.2 and later, Part II §10.2.3); other faults stay latched.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`].
    pub async fn clear_status_bits(
        &mut self,
        register: StatusRegister,
        bits: u8,
    ) -> Result<(), DeviceError<I2C::Error>> {
        self.bus
            .write_byte(self.address, register.code(), bits)
            .await?;
        Ok(())
    }

    /// Turns the output of the selected page on (`OPERATION` = 80h) or off immediately (00h).
    ///
    /// Before writing, it reads `WRITE_PROTECT` (10h) and `ON_OFF_CONFIG` (02h) when the device
    /// has them: if writes of `OPERATION` are protected, or if the device ignores `OPERATION`
    /// (its `ON_OFF_CONFIG` lacks PU or CMD), nothing is written and the error says why.
    ///
    /// # Errors
    ///
    /// [`DeviceError::WriteProtected`], [`DeviceError::OperationIgnored`], [`DeviceError::Bus`].
    pub async fn set_output(&mut self, on: bool) -> Result<(), DeviceError<I2C::Error>> {
        let value = if on {
            Operation::ON
        } else {
            Operation::OFF_IMMEDIATE
        };
        self.write_operation(value).await
    }

    /// Writes `OPERATION` with `value` (on, soft off, margins), with the checks of
    /// [`set_output`](Self::set_output).
    ///
    /// # Errors
    ///
    /// As for [`set_output`](Self::set_output).
    pub async fn write_operation(
        &mut self,
        value: Operation,
    ) -> Result<(), DeviceError<I2C::Error>> {
        let operation = CommandCode::OPERATION;
        if let Some(raw) = self.read_optional_byte(CommandCode::WRITE_PROTECT).await? {
            let level = WriteProtect::from_bits(raw);
            if level.allows(operation.0) == Some(false) {
                return Err(DeviceError::WriteProtected {
                    command: operation,
                    level,
                });
            }
        }
        if let Some(raw) = self.read_optional_byte(CommandCode::ON_OFF_CONFIG).await? {
            let on_off_config = OnOffConfig(raw);
            if !on_off_config.requires_command_to_power_up()
                || !on_off_config.responds_to_operation()
            {
                return Err(DeviceError::OperationIgnored { on_off_config });
            }
        }
        self.bus
            .write_byte(self.address, operation.0, value.0)
            .await?;
        Ok(())
    }

    /// The identity strings and PMBus revision.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`] for anything but a NACK (a NACK means "not implemented").
    pub async fn identity(&mut self) -> Result<Identity, DeviceError<I2C::Error>> {
        let revision = self
            .read_optional_byte(CommandCode::PMBUS_REVISION)
            .await?
            .map(PmbusRevision);
        Ok(Identity {
            revision,
            mfr_id: self.read_optional_string(CommandCode::MFR_ID).await?,
            mfr_model: self.read_optional_string(CommandCode::MFR_MODEL).await?,
            mfr_revision: self.read_optional_string(CommandCode::MFR_REVISION).await?,
            mfr_location: self.read_optional_string(CommandCode::MFR_LOCATION).await?,
            mfr_date: self.read_optional_string(CommandCode::MFR_DATE).await?,
            mfr_serial: self.read_optional_string(CommandCode::MFR_SERIAL).await?,
        })
    }

    /// Reads the energy accumulator (`READ_EIN`/`READ_EOUT`).
    ///
    /// # Errors
    ///
    /// [`DeviceError::NoEnergyMeter`], [`DeviceError::Bus`], and a bus error for a block that is
    /// not 6 bytes long.
    pub async fn energy(&mut self) -> Result<EnergyReading, DeviceError<I2C::Error>> {
        let meter = self.description.energy.ok_or(DeviceError::NoEnergyMeter)?;
        self.set_page(meter.page).await?;
        let mut block = [0u8; 6];
        self.bus
            .block_read_exact(self.address, meter.command.0, &mut block)
            .await?;
        EnergyReading::parse(&block).map_err(|_| DeviceError::NoEnergyMeter)
    }

    /// Finds out whether the device implements `command`, without leaving a CML fault behind.
    ///
    /// It asks `QUERY` (1Ah) first. If the device does not implement `QUERY` either, it reads
    /// the command as the command table says and treats a NACK or a new CML fault as "not
    /// supported". A CML fault the probe itself raised is then cleared: by writing its bits back
    /// to `STATUS_CML` on PMBus 1.2 and later, else by `CLEAR_FAULTS` when no other fault was
    /// latched before the probe. A fault that was there before the probe is never cleared.
    ///
    /// # Errors
    ///
    /// [`DeviceError::Bus`] for errors other than NACK.
    pub async fn probe(&mut self, command: CommandCode) -> Result<Probe, DeviceError<I2C::Error>> {
        let before = self.read_cml().await?;
        let mut answer = [0u8; 1];
        let query = match self
            .bus
            .block_process_call(
                self.address,
                CommandCode::QUERY.0,
                &[command.0],
                &mut answer,
            )
            .await
        {
            Ok(1) => Some(Query(answer[0])),
            Ok(_) => None,
            Err(e) if e.is_nack() => None,
            Err(e) => return Err(e.into()),
        };
        let mut cleared_cml = false;
        let supported = match query {
            Some(q) => q.supported(),
            None => {
                // QUERY itself may be what the device did not understand: clear that first, so
                // that the read below is judged on its own.
                let mid = self.read_cml().await?;
                cleared_cml |= self.clear_raised_cml(before, mid).await?;
                let mid = self.read_cml().await?;
                let read_ok = self.try_read(command).await?;
                let after = self.read_cml().await?;
                let raised_by_read = self.clear_raised_cml(mid, after).await?;
                cleared_cml |= raised_by_read;
                read_ok && new_bits(mid, after) == 0
            }
        };
        Ok(Probe {
            supported,
            query,
            cleared_cml,
        })
    }
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

    async fn read_optional_string(
        &mut self,
        command: CommandCode,
    ) -> Result<Option<BlockString>, DeviceError<I2C::Error>> {
        let mut buf = [0u8; 32];
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

    /// Reads `command` the way the command table says it is read; `false` on NACK.
    async fn try_read(&mut self, command: CommandCode) -> Result<bool, DeviceError<I2C::Error>> {
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
            _ => return Ok(false),
        };
        match result {
            Ok(()) => Ok(true),
            Err(e) if e.is_nack() => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Clears the CML bits set in `after` but not in `before`; `true` if it cleared any.
    async fn clear_raised_cml(
        &mut self,
        before: Option<u8>,
        after: Option<u8>,
    ) -> Result<bool, DeviceError<I2C::Error>> {
        let raised = new_bits(before, after);
        if raised == 0 {
            return Ok(false);
        }
        let revision = self
            .read_optional_byte(CommandCode::PMBUS_REVISION)
            .await?
            .map(PmbusRevision);
        if revision.is_some_and(|r| r.supports_write_to_clear()) {
            self.bus
                .write_byte(self.address, CommandCode::STATUS_CML.0, raised)
                .await?;
            return Ok(true);
        }
        // Older devices only have CLEAR_FAULTS, which clears everything: use it only when
        // nothing but this CML fault is latched.
        let word = StatusWord::from_bits_retain(
            self.bus
                .read_word(self.address, CommandCode::STATUS_WORD.0)
                .await?,
        );
        let others = word & !(StatusWord::CML | StatusWord::NONE_OF_THE_ABOVE);
        if before == Some(0) && others.is_empty() {
            self.bus
                .send_byte(self.address, CommandCode::CLEAR_FAULTS.0)
                .await?;
            return Ok(true);
        }
        Ok(false)
    }
}
