//! The SMBus host: the protocols of SMBus 3.x §6.5 over an embedded-hal I2C bus, blocking
//! ([`Smbus`]) and, with the `async` feature, async (`SmbusAsync`), both from this one source.

use embedded_hal::i2c::I2c as I2cBlocking;
#[cfg(feature = "async")]
use embedded_hal_async::i2c::I2c as I2cAsync;

use super::frame::{self, MAX_FIXED_LEN, SCRATCH_LEN};

/// Buffer for a byte/word/32/64-bit write: two command bytes, 8 data bytes, PEC.
const SMALL_WRITE: usize = 11;
/// Buffer for a byte/word/32/64-bit read: 8 data bytes and PEC.
const SMALL_READ: usize = 9;
use super::{ALERT_RESPONSE_ADDRESS, Cmd, Config, Error, HOST_ADDRESS, HostNotify};

/// An SMBus host (bus master) on an I2C bus.
///
/// `Smbus` drives a blocking [`embedded_hal::i2c::I2c`]; `SmbusAsync` (feature `async`) drives an
/// `embedded_hal_async::i2c::I2c` and has the same methods as `async fn`s. Each method is one
/// SMBus protocol (see the [module documentation](super) for the table, the PEC rules and how
/// block reads are done) and one embedded-hal call.
///
/// The host owns its bus; to share a bus with other drivers, pass it a shared-bus handle (for
/// example from `embedded-hal-bus`), or a `&mut` to the bus. [`Smbus::release`] gives the bus back.
///
/// ```rust, only_if(sync)
/// use embedded_hal_mock::eh1::i2c::{Mock, Transaction};
/// use smbus_pmbus::smbus::{Cmd, Config, Smbus};
///
/// let expectations = [
///     // Write Word 0xCDAB to command 06h of the device at 5Ah, with PEC 5Fh.
///     Transaction::write(0x5A, vec![0x06, 0xAB, 0xCD, 0x5F]),
///     // Block Read of MFR_ID (99h): count 3, "ACM", then the PEC byte.
///     Transaction::write_read(0x5A, vec![0x99], vec![3, b'A', b'C', b'M', 0xE2, 0xFF, 0xFF]),
/// ];
/// let mut i2c = Mock::new(&expectations);
/// let mut smbus = Smbus::with_config(i2c.clone(), Config::new().with_pec(true));
///
/// smbus.write_word(0x5A, 0x06, 0xCDAB)?;
/// let mut id = [0u8; 5];
/// let n = smbus.block_read(0x5A, Cmd::new(0x99), &mut id)?;
/// assert_eq!(&id[..n], b"ACM");
///
/// i2c.done();
/// # Ok::<(), smbus_pmbus::smbus::Error<embedded_hal::i2c::ErrorKind>>(())
/// ```
///
/// ```rust, only_if(async)
/// use embedded_hal_mock::eh1::i2c::{Mock, Transaction};
/// use smbus_pmbus::smbus::{Config, SmbusAsync};
///
/// let expectations = [Transaction::write(0x5A, vec![0x06, 0xAB, 0xCD, 0x5F])];
/// let mut i2c = Mock::new(&expectations);
/// let mut smbus = SmbusAsync::with_config(i2c.clone(), Config::new().with_pec(true));
/// embassy_futures::block_on(smbus.write_word(0x5A, 0x06, 0xCDAB))?;
/// i2c.done();
/// # Ok::<(), smbus_pmbus::smbus::Error<embedded_hal::i2c::ErrorKind>>(())
/// ```
#[maybe_async_cfg::maybe(sync(keep_self), async(feature = "async"))]
#[derive(Debug)]
pub struct Smbus<I2C> {
    i2c: I2C,
    config: Config,
}

#[maybe_async_cfg::maybe(sync(keep_self), async(feature = "async"))]
impl<I2C> Smbus<I2C> {
    /// A host on `i2c` with the default [`Config`]: no PEC, SMBus 3.x block limit.
    pub const fn new(i2c: I2C) -> Self {
        Self {
            i2c,
            config: Config::new(),
        }
    }

    /// A host on `i2c` with `config`.
    pub const fn with_config(i2c: I2C, config: Config) -> Self {
        Self { i2c, config }
    }

    /// The configuration in use.
    pub const fn config(&self) -> Config {
        self.config
    }

    /// Changes the configuration (for example to turn PEC on once every device is known to
    /// support it).
    pub fn set_config(&mut self, config: Config) {
        self.config = config;
    }

    /// Gives the bus back.
    pub fn release(self) -> I2C {
        self.i2c
    }

    /// The bus, for plain I2C transfers between SMBus ones.
    pub fn bus(&mut self) -> &mut I2C {
        &mut self.i2c
    }
}

#[maybe_async_cfg::maybe(
    sync(keep_self),
    async(feature = "async", idents(I2cBlocking(async = "I2cAsync")))
)]
impl<I2C: I2cBlocking> Smbus<I2C> {
    /// Quick Command (SMBus 3.x §6.5.1): the address byte alone, its R/W bit being the one bit
    /// of data (`read = true` sends R/W = 1).
    ///
    /// There is no data and so no PEC, whatever the configuration. Some I2C controllers cannot
    /// make a transfer without data bytes; their drivers may return an error here.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], or [`Error::I2c`] (a NACK means no device answered).
    pub async fn quick_command(&mut self, addr: u8, read: bool) -> Result<(), Error<I2C::Error>> {
        frame::check_address(addr).map_err(Error::widen)?;
        if read {
            self.i2c.read(addr, &mut []).await
        } else {
            self.i2c.write(addr, &[]).await
        }
        .map_err(Error::I2c)
    }

    /// Send Byte (SMBus 3.x §6.5.2): one byte and nothing else (plus PEC). A PMBus command
    /// without data, such as `CLEAR_FAULTS` (03h), is a Send Byte of its command code; for an
    /// extended command without data use [`write_bytes`](Self::write_bytes) with no data.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn send_byte(&mut self, addr: u8, data: u8) -> Result<(), Error<I2C::Error>> {
        self.write_frame::<SMALL_WRITE>(addr, &[data], None, &[], self.config.pec)
            .await
    }

    /// Receive Byte (SMBus 3.x §6.5.3): reads one byte without sending a command code. With PEC,
    /// the PEC covers `addr<<1 | 1` and the byte.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`], [`Error::Pec`].
    pub async fn receive_byte(&mut self, addr: u8) -> Result<u8, Error<I2C::Error>> {
        let mut v = [0u8; 1];
        self.read_fixed::<SMALL_READ>(addr, &[], &mut v).await?;
        Ok(u8::from_le_bytes(v))
    }

    /// Write Byte (SMBus 3.x §6.5.4): command code, one data byte.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn write_byte(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        value: u8,
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        self.write_frame::<SMALL_WRITE>(addr, cmd.bytes(), None, &[value], self.config.pec)
            .await
    }

    /// Read Byte (SMBus 3.x §6.5.5): command code, repeated START, one data byte.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`], [`Error::Pec`].
    pub async fn read_byte(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
    ) -> Result<u8, Error<I2C::Error>> {
        let cmd = cmd.into();
        let mut v = [0u8; 1];
        self.read_fixed::<SMALL_READ>(addr, cmd.bytes(), &mut v)
            .await?;
        Ok(u8::from_le_bytes(v))
    }

    /// Write Word (SMBus 3.x §6.5.4): command code, then `value` low byte first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn write_word(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        value: u16,
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        self.write_frame::<SMALL_WRITE>(
            addr,
            cmd.bytes(),
            None,
            &value.to_le_bytes(),
            self.config.pec,
        )
        .await
    }

    /// Read Word (SMBus 3.x §6.5.5): command code, repeated START, two bytes, low byte first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`], [`Error::Pec`].
    pub async fn read_word(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
    ) -> Result<u16, Error<I2C::Error>> {
        let cmd = cmd.into();
        let mut v = [0u8; 2];
        self.read_fixed::<SMALL_READ>(addr, cmd.bytes(), &mut v)
            .await?;
        Ok(u16::from_le_bytes(v))
    }

    /// Write 32 (SMBus 3.x §6.5.10): command code, then four bytes, least significant first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn write_u32(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        value: u32,
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        self.write_frame::<SMALL_WRITE>(
            addr,
            cmd.bytes(),
            None,
            &value.to_le_bytes(),
            self.config.pec,
        )
        .await
    }

    /// Read 32 (SMBus 3.x §6.5.11): command code, repeated START, four bytes, least significant
    /// first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`], [`Error::Pec`].
    pub async fn read_u32(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
    ) -> Result<u32, Error<I2C::Error>> {
        let cmd = cmd.into();
        let mut v = [0u8; 4];
        self.read_fixed::<SMALL_READ>(addr, cmd.bytes(), &mut v)
            .await?;
        Ok(u32::from_le_bytes(v))
    }

    /// Write 64 (SMBus 3.x §6.5.12): command code, then eight bytes, least significant first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn write_u64(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        value: u64,
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        self.write_frame::<SMALL_WRITE>(
            addr,
            cmd.bytes(),
            None,
            &value.to_le_bytes(),
            self.config.pec,
        )
        .await
    }

    /// Read 64 (SMBus 3.x §6.5.13): command code, repeated START, eight bytes, least significant
    /// first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`], [`Error::Pec`].
    pub async fn read_u64(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
    ) -> Result<u64, Error<I2C::Error>> {
        let cmd = cmd.into();
        let mut v = [0u8; 8];
        self.read_fixed::<SMALL_READ>(addr, cmd.bytes(), &mut v)
            .await?;
        Ok(u64::from_le_bytes(v))
    }

    /// A fixed-length write: command code, then `data` as is, no count byte (plus PEC). This is
    /// how PMBus commands with a fixed number of data bytes other than 1, 2, 4 or 8 are written,
    /// and with empty `data` it is the Send Byte of an extended command.
    ///
    /// # Errors
    ///
    /// [`Error::DataTooLong`] for more than 255 bytes (nothing is sent), [`Error::InvalidAddress`],
    /// [`Error::I2c`].
    pub async fn write_bytes(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        data: &[u8],
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        if data.len() > MAX_FIXED_LEN {
            return Err(Error::DataTooLong {
                len: data.len(),
                limit: MAX_FIXED_LEN,
            });
        }
        self.write_frame::<SCRATCH_LEN>(addr, cmd.bytes(), None, data, self.config.pec)
            .await
    }

    /// A fixed-length read: command code, repeated START, then exactly `buf.len()` bytes, no
    /// count byte (plus PEC, checked). `buf` is written only when the transfer succeeds.
    ///
    /// # Errors
    ///
    /// [`Error::DataTooLong`] for more than 255 bytes (nothing is sent), [`Error::InvalidAddress`],
    /// [`Error::I2c`], [`Error::Pec`].
    pub async fn read_bytes(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        buf: &mut [u8],
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        self.read_fixed::<{ MAX_FIXED_LEN + 1 }>(addr, cmd.bytes(), buf)
            .await
    }

    /// Block Write (SMBus 3.x §6.5.7): command code, count byte, `data` (plus PEC).
    ///
    /// # Errors
    ///
    /// [`Error::DataTooLong`] if `data` is longer than the [block limit](Config::block_limit)
    /// (nothing is sent), [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn block_write(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        data: &[u8],
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        let limit = self.config.block_limit.max();
        let count = match u8::try_from(data.len()) {
            Ok(count) if count <= limit => count,
            _ => {
                return Err(Error::DataTooLong {
                    len: data.len(),
                    limit: usize::from(limit),
                });
            }
        };
        self.write_frame::<SCRATCH_LEN>(addr, cmd.bytes(), Some(count), data, self.config.pec)
            .await
    }

    /// Block Read (SMBus 3.x §6.5.7): command code, repeated START, count byte, data (plus PEC).
    /// The data goes to `buf[..count]`; returns `count`.
    ///
    /// Reads `1 + min(limit, buf.len())` bytes (one more with PEC), limit being the
    /// [block limit](Config::block_limit), and checks the count afterwards; bytes past the block
    /// are discarded (see the [module documentation](super#block-reads)). `buf` is written only
    /// when the transfer succeeds. A count of 0 returns `Ok(0)`.
    ///
    /// # Errors
    ///
    /// [`Error::BlockCountTooLarge`], [`Error::BufferTooSmall`], [`Error::Pec`],
    /// [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn block_read(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        buf: &mut [u8],
    ) -> Result<usize, Error<I2C::Error>> {
        let cmd = cmd.into();
        self.read_block(addr, cmd.bytes(), None, buf, false).await
    }

    /// Block Read of a block whose length is known: reads exactly `1 + buf.len()` bytes (one more
    /// with PEC) and requires the count byte to equal `buf.len()`, filling all of `buf`.
    ///
    /// Fewer bytes on the bus than [`block_read`](Self::block_read) when `buf` is shorter than
    /// the block limit. `buf` is written only when the transfer succeeds.
    ///
    /// # Errors
    ///
    /// [`Error::DataTooLong`] if `buf` is longer than the block limit (nothing is sent);
    /// [`Error::BlockCountTooLarge`] for a count above the limit, [`Error::BlockCountMismatch`]
    /// for any other count but `buf.len()`; [`Error::Pec`], [`Error::InvalidAddress`],
    /// [`Error::I2c`].
    pub async fn block_read_exact(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        buf: &mut [u8],
    ) -> Result<(), Error<I2C::Error>> {
        let cmd = cmd.into();
        self.read_block(addr, cmd.bytes(), None, buf, true)
            .await
            .map(|_| ())
    }

    /// Process Call (SMBus 3.x §6.5.6): command code and a word written, repeated START, a word
    /// read back; both low byte first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`], [`Error::I2c`], [`Error::Pec`].
    pub async fn process_call(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        value: u16,
    ) -> Result<u16, Error<I2C::Error>> {
        let cmd = cmd.into();
        // Command code (one or two bytes) and the word: at most 4 bytes, no PEC in this part.
        let mut head = [0u8; 4];
        let written = frame::build_write(
            &mut head,
            addr,
            cmd.bytes(),
            None,
            &value.to_le_bytes(),
            false,
        )
        .map_err(Error::widen)?;
        let mut v = [0u8; 2];
        self.read_fixed::<SMALL_READ>(addr, written, &mut v).await?;
        Ok(u16::from_le_bytes(v))
    }

    /// Block Write-Block Read Process Call (SMBus 3.x §6.5.8): command code, count and `write`,
    /// repeated START, count and data read back (plus PEC over the whole transfer). The data read
    /// goes to `read[..count]`; returns `count`.
    ///
    /// The bytes written and read together may not exceed the [block limit](Config::block_limit)
    /// (SMBus 2.0 §5.5.8: M + N ≤ 32; 255 under SMBus 3.x), so the read count may be at most
    /// `limit - write.len()`. Reads `1 + min(that, read.len())` bytes (plus PEC) and checks like
    /// [`block_read`](Self::block_read). The spec asks for at least one byte each way; this is
    /// not enforced.
    ///
    /// # Errors
    ///
    /// [`Error::DataTooLong`] if `write` is longer than the limit (nothing is sent);
    /// [`Error::BlockCountTooLarge`], [`Error::BufferTooSmall`], [`Error::Pec`],
    /// [`Error::InvalidAddress`], [`Error::I2c`].
    pub async fn block_process_call(
        &mut self,
        addr: u8,
        cmd: impl Into<Cmd>,
        write: &[u8],
        read: &mut [u8],
    ) -> Result<usize, Error<I2C::Error>> {
        let cmd = cmd.into();
        self.read_block(addr, cmd.bytes(), Some(write), read, false)
            .await
    }

    /// Reads the Alert Response Address (0Ch) to learn which device asserts SMBALERT#
    /// (SMBus 3.x, SMBALERT#): every alerting device answers with its address in bits 7:1, the
    /// lowest address winning arbitration, and that device then releases SMBALERT#.
    ///
    /// Returns the 7-bit address (bit 0 of the byte read is dropped), or `None` when nobody
    /// answers (the read is NACKed). With PEC on, reads a PEC byte too and checks it over
    /// `19h, byte` (the ARA's read address byte and the answer).
    ///
    /// # Errors
    ///
    /// [`Error::Pec`], or [`Error::I2c`] for bus errors other than a NACK.
    pub async fn alert_response(&mut self) -> Result<Option<u8>, Error<I2C::Error>> {
        let mut v = [0u8; 1];
        match self
            .read_fixed::<SMALL_READ>(ALERT_RESPONSE_ADDRESS, &[], &mut v)
            .await
        {
            Ok(()) => Ok(Some(u8::from_le_bytes(v) >> 1)),
            Err(e) if e.is_nack() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Sends a Host Notify message (SMBus 3.x §6.5.9) as a device would: a write to the host's
    /// address 08h of `device_address << 1`, then `data` low byte first. No PEC (the protocol has
    /// none). For device firmware and bus emulators; a host receives these as a target and
    /// decodes them with [`HostNotify::parse`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAddress`] if `device_address` is above 7Fh, [`Error::I2c`].
    pub async fn host_notify(
        &mut self,
        device_address: u8,
        data: u16,
    ) -> Result<(), Error<I2C::Error>> {
        let message = HostNotify {
            device_address,
            data,
        };
        // `to_bytes` fails only for an address above 7Fh.
        let bytes = message
            .to_bytes()
            .map_err(|_| Error::InvalidAddress(device_address))?;
        self.i2c
            .write(HOST_ADDRESS, &bytes)
            .await
            .map_err(Error::I2c)
    }

    /// One write transfer: `cmd…, [count], data…, [PEC]`, assembled in an `N`-byte buffer
    /// (small for byte/word/32/64-bit writes, so that an async write's future stays small and
    /// no large buffer is cleared per transfer).
    async fn write_frame<const N: usize>(
        &mut self,
        addr: u8,
        cmd: &[u8],
        count: Option<u8>,
        data: &[u8],
        pec: bool,
    ) -> Result<(), Error<I2C::Error>> {
        frame::check_address(addr).map_err(Error::widen)?;
        let mut scratch = [0u8; N];
        let bytes =
            frame::build_write(&mut scratch, addr, cmd, count, data, pec).map_err(Error::widen)?;
        self.i2c.write(addr, bytes).await.map_err(Error::I2c)
    }

    /// One fixed-length read: `written` (nothing for Receive Byte), then `buf.len()` bytes and,
    /// with PEC, the PEC byte, checked. `buf` is written only on success.
    async fn read_fixed<const N: usize>(
        &mut self,
        addr: u8,
        written: &[u8],
        buf: &mut [u8],
    ) -> Result<(), Error<I2C::Error>> {
        frame::check_address(addr).map_err(Error::widen)?;
        if buf.len() > MAX_FIXED_LEN {
            return Err(Error::DataTooLong {
                len: buf.len(),
                limit: MAX_FIXED_LEN,
            });
        }
        let pec = self.config.pec;
        let mut scratch = [0u8; N];
        let read_len = buf.len().saturating_add(usize::from(pec));
        let Some((region, _)) = scratch.split_at_mut_checked(read_len) else {
            return Err(Error::DataTooLong {
                len: buf.len(),
                limit: MAX_FIXED_LEN,
            });
        };
        if written.is_empty() {
            self.i2c.read(addr, region).await
        } else {
            self.i2c.write_read(addr, written, region).await
        }
        .map_err(Error::I2c)?;
        let data: &[u8] = if pec {
            frame::check_fixed_read(addr, written, region).map_err(Error::widen)?
        } else {
            region
        };
        buf.copy_from_slice(data);
        Ok(())
    }

    /// One block read, or block process call when `write` is given; see `frame::parse_block`.
    async fn read_block(
        &mut self,
        addr: u8,
        cmd: &[u8],
        write: Option<&[u8]>,
        buf: &mut [u8],
        exact: bool,
    ) -> Result<usize, Error<I2C::Error>> {
        frame::check_address(addr).map_err(Error::widen)?;
        let limit = usize::from(self.config.block_limit.max());
        // SMBus 3.x §6.5.8: what is written and what is read share the block limit.
        let read_limit = match write {
            Some(data) => match limit.checked_sub(data.len()) {
                Some(rest) => rest,
                None => {
                    return Err(Error::DataTooLong {
                        len: data.len(),
                        limit,
                    });
                }
            },
            None => limit,
        };
        let n = if exact {
            if buf.len() > read_limit {
                return Err(Error::DataTooLong {
                    len: buf.len(),
                    limit: read_limit,
                });
            }
            buf.len()
        } else {
            buf.len().min(read_limit)
        };
        let pec = self.config.pec;
        // Count byte, up to `n` data bytes, PEC.
        let read_len = n.saturating_add(1).saturating_add(usize::from(pec));
        let mut scratch = [0u8; SCRATCH_LEN];
        let (written, response) =
            frame::block_regions(&mut scratch, cmd, write, read_len).map_err(Error::widen)?;
        self.i2c
            .write_read(addr, written, response)
            .await
            .map_err(Error::I2c)?;
        let data = frame::parse_block(addr, written, response, read_limit, buf.len(), exact, pec)
            .map_err(Error::widen)?;
        let Some((dst, _)) = buf.split_at_mut_checked(data.len()) else {
            return Err(Error::BufferTooSmall {
                needed: data.len(),
                capacity: buf.len(),
            });
        };
        dst.copy_from_slice(data);
        Ok(data.len())
    }
}
