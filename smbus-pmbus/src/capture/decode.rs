//! Turning captured transactions into PMBus meaning: command, value in units, status bits,
//! PEC verdict.

use core::fmt;

use super::{Direction, Transaction};
use crate::command::{CommandCode, DataFormat, DataLength, Transaction as Protocol};
use crate::device::{Description, Encoding, Quantity, unit_symbol, write_milli};
use crate::format::{Coefficients, EnergyReading, Format, VoutMode, VoutModeKind};
use crate::pec::Pec;
use crate::status::StatusRegister;

/// How many devices (addresses) a [`Decoder`] keeps state for.
pub const MAX_DEVICES: usize = 16;

/// What a decoder remembers about one address.
#[derive(Clone, Copy, Debug)]
struct DeviceState {
    address: u8,
    page: u8,
    /// `VOUT_MODE` per page (pages 0–3), as last seen on the bus or set by the user.
    vout_modes: [Option<VoutMode>; 4],
    description: Option<Description>,
}

/// A decoder for a stream of captured transactions. It follows the bus: a `PAGE` write or a
/// `VOUT_MODE` read is remembered per address and used for later readings. What the capture
/// cannot show (DIRECT coefficients, the VID table) comes from a device description given
/// with [`Decoder::set_device`], or from [`Decoder::set_vout_mode`].
///
/// ```
/// use smbus_pmbus::capture::{parse_line, Decoder};
///
/// let mut decoder = Decoder::new();
/// let mut out = Vec::new();
/// for line in ["R 58 20 17", "R 58 8B 07 18", "R 58 88 9C F3", "W 58 03"] {
///     let t = parse_line(line).unwrap().unwrap();
///     out.push(decoder.decode(&t).to_string());
/// }
/// assert_eq!(out, [
///     "58 read  VOUT_MODE (20h) = 17h (ULINEAR16, exponent -9)",
///     "58 read  READ_VOUT (8Bh) = 12.014 V [1807h ULINEAR16 2^-9]",
///     // No device description for 58h: READ_VIN may be LINEAR11 or DIRECT, so it says so.
///     "58 read  READ_VIN (88h) = 231.000 V [F39Ch LINEAR11, assumed]",
///     "58 write CLEAR_FAULTS (03h)",
/// ]);
///
/// // With the device known (an ADM1272 hot-swap controller at 10h), DIRECT is decoded, and
/// // the PEC byte is checked.
/// decoder.set_device(0x10, smbus_pmbus::device::catalog::ADM1272);
/// let t = parse_line("R 10 88 6D 07 C4").unwrap().unwrap();
/// assert_eq!(
///     decoder.decode(&t).to_string(),
///     "10 read  READ_VIN (88h) = 46.800 V [076Dh DIRECT m=4062 b=0 R=-2]  PEC ok",
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Decoder {
    devices: [Option<DeviceState>; MAX_DEVICES],
}

impl Default for Decoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Decoder {
    /// A decoder that knows nothing yet.
    pub const fn new() -> Self {
        Self {
            devices: [None; MAX_DEVICES],
        }
    }

    fn state(&mut self, address: u8) -> Option<&mut DeviceState> {
        let index = self
            .devices
            .iter()
            .position(|d| d.is_some_and(|d| d.address == address))
            .or_else(|| self.devices.iter().position(Option::is_none))?;
        let slot = self.devices.get_mut(index)?;
        Some(slot.get_or_insert(DeviceState {
            address,
            page: 0,
            vout_modes: [None; 4],
            description: None,
        }))
    }

    fn lookup(&self, address: u8) -> Option<&DeviceState> {
        self.devices.iter().flatten().find(|d| d.address == address)
    }

    /// Says which device answers at `address`: its description gives the DIRECT coefficients
    /// and the VID table. Returns `false` if the decoder already tracks [`MAX_DEVICES`] others.
    pub fn set_device(&mut self, address: u8, description: Description) -> bool {
        self.state(address)
            .map(|s| s.description = Some(description))
            .is_some()
    }

    /// Sets `VOUT_MODE` of `page` at `address`, for captures that do not contain the read.
    pub fn set_vout_mode(&mut self, address: u8, page: u8, mode: VoutMode) -> bool {
        match self
            .state(address)
            .and_then(|s| s.vout_modes.get_mut(usize::from(page)))
        {
            Some(slot) => {
                *slot = Some(mode);
                true
            }
            None => false,
        }
    }

    /// Decodes one transaction, and learns from it (`PAGE`, `VOUT_MODE`).
    pub fn decode<'t>(&mut self, t: &'t Transaction) -> Decoded<'t> {
        let decoded = self.interpret(t);
        if let (Some(command), Some(value)) = (decoded.command, decoded.data) {
            let pmbus_page = decoded.page;
            match (command, value) {
                (CommandCode::PAGE, [page]) if decoded.direction != Direction::Read => {
                    if let Some(s) = self.state(t.address()) {
                        s.page = *page;
                    }
                }
                (CommandCode::VOUT_MODE, [mode]) => {
                    let _ = self.set_vout_mode(t.address(), pmbus_page, VoutMode::from_raw(*mode));
                }
                _ => {}
            }
        }
        decoded
    }

    fn interpret<'t>(&self, t: &'t Transaction) -> Decoded<'t> {
        let state = self.lookup(t.address());
        let page = state.map_or(0, |s| s.page);
        let mut d = Decoded {
            address: t.address(),
            nacked: t.nacked(),
            direction: t.direction(),
            command: None,
            extended: None,
            data: None,
            pec: PecVerdict::Absent,
            value: Value::None,
            problem: None,
            page,
            raw: t,
        };
        if t.nacked() {
            return d;
        }
        let written = t.written();
        let Some((&code, rest)) = written.split_first() else {
            // A read with no command: Receive Byte, or the Alert Response Address.
            d.value = match t.read() {
                [] => Value::None,
                [byte, tail @ ..] => {
                    d.pec = check_pec_tail(tail, || read_pec(t.address(), &[], &[*byte]));
                    if t.address() == crate::smbus::ALERT_RESPONSE_ADDRESS {
                        Value::AlertFrom(*byte >> 1)
                    } else {
                        Value::Byte(*byte)
                    }
                }
            };
            return d;
        };
        let command = CommandCode(code);
        d.command = Some(command);
        let (command_bytes, after_cmd) = if command.is_extended() {
            match rest.split_first() {
                Some((&ext, tail)) => {
                    d.extended = Some(ext);
                    (written.get(..2).unwrap_or(written), tail)
                }
                None => (written, rest),
            }
        } else {
            (written.get(..1).unwrap_or(written), rest)
        };
        let info = command.info();
        let direction = match t.direction() {
            Direction::Unspecified => {
                resolve_direction(t.address(), info.write, info.read, command_bytes, after_cmd)
            }
            other => other,
        };
        d.direction = direction;
        // The payload and where its PEC would sit.
        let (payload, pec_verdict) = match direction {
            Direction::Write => split_write(
                t.address(),
                command_bytes,
                after_cmd,
                info.data_bytes,
                info.write,
            ),
            Direction::WriteRead => {
                let read = if t.direction() == Direction::Unspecified {
                    after_cmd
                } else {
                    t.read()
                };
                split_read(t.address(), written, read, info.data_bytes, info.read)
            }
            Direction::Read => (Some(after_cmd), PecVerdict::Absent),
            Direction::Unspecified => {
                // Same layout both ways; a trailing PEC byte matched neither direction.
                let (payload, verdict) = split_write(
                    t.address(),
                    command_bytes,
                    after_cmd,
                    info.data_bytes,
                    info.write,
                );
                let verdict = match verdict {
                    PecVerdict::Bad { received, .. } => PecVerdict::Unmatched(received),
                    other => other,
                };
                (payload, verdict)
            }
        };
        d.pec = pec_verdict;
        let Some(payload) = payload else {
            d.problem = Some(Problem::Length);
            return d;
        };
        d.data = Some(payload);
        if command.is_extended() {
            d.value = Value::Bytes(payload);
            return d;
        }
        d.value = self.value(page, command, info.format, payload, state);
        d
    }

    fn value<'t>(
        &self,
        page: u8,
        command: CommandCode,
        format: DataFormat,
        payload: &'t [u8],
        state: Option<&DeviceState>,
    ) -> Value<'t> {
        let description = state.and_then(|s| s.description);
        let word = match payload {
            [lo, hi] => Some(u16::from_le_bytes([*lo, *hi])),
            _ => None,
        };
        if let Some(register) = StatusRegister::from_code(command.0) {
            return match (payload, word) {
                (_, Some(w)) => Value::Status(register, w),
                ([b], None) => Value::Status(register, u16::from(*b)),
                _ => Value::Bytes(payload),
            };
        }
        match format {
            DataFormat::None => Value::None,
            DataFormat::Linear11OrDirect => match word {
                Some(raw) => {
                    let (fmt, assumed) = numeric_format(command, description, None);
                    Value::Number {
                        raw,
                        format: fmt,
                        unit: command.info().unit,
                        assumed,
                    }
                }
                None => Value::Bytes(payload),
            },
            DataFormat::Vout => match word {
                Some(raw) => {
                    let mode =
                        state.and_then(|s| s.vout_modes.get(usize::from(page)).copied().flatten());
                    let direct = description.and_then(|d| d.direct.vout);
                    let vid = description.and_then(|d| d.vid);
                    match mode.and_then(|m| m.format(direct, vid)) {
                        Some(f) => Value::Number {
                            raw,
                            format: Some(f),
                            unit: command.info().unit,
                            assumed: false,
                        },
                        None => Value::VoutUnknown { raw, mode },
                    }
                }
                None => Value::Bytes(payload),
            },
            DataFormat::VoutMode => match payload {
                [b] => Value::VoutMode(VoutMode::from_raw(*b)),
                _ => Value::Bytes(payload),
            },
            DataFormat::Ascii => Value::Text(payload),
            DataFormat::Energy => match EnergyReading::parse(payload) {
                Ok(e) => Value::Energy(e),
                Err(_) => Value::Bytes(payload),
            },
            DataFormat::Coefficients => match Coefficients::parse(payload) {
                Ok(c) => Value::Coefficients(c),
                Err(_) => Value::Bytes(payload),
            },
            _ => match payload {
                [b] => Value::Byte(*b),
                _ => match word {
                    Some(w) => Value::Word(w),
                    None => Value::Bytes(payload),
                },
            },
        }
    }
}

/// The format of a LINEAR11-or-DIRECT reading: from the device description when one is set
/// and has the quantity, else LINEAR11 (flagged as assumed).
fn numeric_format(
    command: CommandCode,
    description: Option<Description>,
    vout_mode: Option<VoutMode>,
) -> (Option<Format>, bool) {
    if let (Some(d), Some(q)) = (description, Quantity::from_command(command)) {
        if let Some(sensor) = d.sensors.iter().find(|s| s.quantity == q) {
            return (d.format(sensor.encoding, vout_mode), false);
        }
        if let Some(f) = d.format(Encoding::Linear11, None) {
            return (Some(f), true);
        }
    }
    (Some(Format::Linear11), description.is_none())
}

/// For a line without R/W: a command that can only be written is a write, one that can only be
/// read is a read; for one that can be both, a PEC that matches one of the two readings decides,
/// else the length does (a write of a byte/word carries exactly that many bytes).
fn resolve_direction(
    address: u8,
    write: Protocol,
    read: Protocol,
    command_bytes: &[u8],
    rest: &[u8],
) -> Direction {
    match (write.is_supported(), read.is_supported()) {
        (true, false) => return Direction::Write,
        (false, true) => return Direction::WriteRead,
        _ => {}
    }
    if let Some((pec, body)) = rest.split_last() {
        if write_pec(address, command_bytes, body) == *pec && rest.len() > 1 {
            return Direction::Write;
        }
        if read_pec(address, command_bytes, body) == *pec && rest.len() > 1 {
            return Direction::WriteRead;
        }
    }
    // Without a PEC that matches, a write and a read of the same command carry the same bytes:
    // the capture does not say which it was.
    Direction::Unspecified
}

fn write_pec(address: u8, command_bytes: &[u8], data: &[u8]) -> u8 {
    let mut p = Pec::new();
    p.update_byte(address << 1);
    p.update(command_bytes);
    p.update(data);
    p.value()
}

fn read_pec(address: u8, written: &[u8], read: &[u8]) -> u8 {
    let mut p = Pec::new();
    p.update_byte(address << 1);
    p.update(written);
    p.update_byte((address << 1) | 1);
    p.update(read);
    p.value()
}

/// `tail` is what followed the data: nothing (no PEC), one byte (a PEC, checked against
/// `expected`), or more (a length problem, reported as extra bytes).
fn check_pec_tail(tail: &[u8], expected: impl FnOnce() -> u8) -> PecVerdict {
    match tail {
        [] => PecVerdict::Absent,
        [received] => {
            let expected = expected();
            if expected == *received {
                PecVerdict::Ok
            } else {
                PecVerdict::Bad {
                    expected,
                    received: *received,
                }
            }
        }
        more => PecVerdict::Extra(more.len()),
    }
}

/// Splits the bytes after the command code into data and PEC for a write.
fn split_write<'a>(
    address: u8,
    command_bytes: &[u8],
    rest: &'a [u8],
    length: DataLength,
    protocol: Protocol,
) -> (Option<&'a [u8]>, PecVerdict) {
    let data_len = match (length, protocol) {
        (_, Protocol::BlockWrite) | (DataLength::Variable, _) => {
            rest.first().map(|&count| 1 + usize::from(count))
        }
        (_, Protocol::SendByte) => Some(0),
        (DataLength::Fixed(n), _) => Some(usize::from(n)),
        _ => None,
    };
    let Some(data_len) = data_len else {
        return device_defined(rest, |data| write_pec(address, command_bytes, data));
    };
    match (rest.get(..data_len), rest.get(data_len..)) {
        (Some(data), Some(tail)) => {
            let verdict = check_pec_tail(tail, || write_pec(address, command_bytes, data));
            (Some(strip_count(data, length, protocol)), verdict)
        }
        _ => (None, PecVerdict::Absent),
    }
}

/// Splits what was read into data and PEC.
fn split_read<'a>(
    address: u8,
    written: &[u8],
    read: &'a [u8],
    length: DataLength,
    protocol: Protocol,
) -> (Option<&'a [u8]>, PecVerdict) {
    let data_len = match (length, protocol) {
        (_, Protocol::BlockRead | Protocol::BlockProcessCall) | (DataLength::Variable, _) => {
            read.first().map(|&count| 1 + usize::from(count))
        }
        (DataLength::Fixed(n), _) => Some(usize::from(n)),
        _ => None,
    };
    let Some(data_len) = data_len else {
        return device_defined(read, |data| read_pec(address, written, data));
    };
    match (read.get(..data_len), read.get(data_len..)) {
        (Some(data), Some(tail)) => {
            let verdict = check_pec_tail(tail, || read_pec(address, written, data));
            (Some(strip_count(data, length, protocol)), verdict)
        }
        _ => (None, PecVerdict::Absent),
    }
}

/// Data of a length the specification leaves to the device: a last byte that is the PEC of the
/// others is taken as the PEC (and said so); otherwise every byte is data.
fn device_defined(bytes: &[u8], pec_of: impl FnOnce(&[u8]) -> u8) -> (Option<&[u8]>, PecVerdict) {
    match bytes.split_last() {
        Some((&last, data)) if !data.is_empty() && pec_of(data) == last => {
            (Some(data), PecVerdict::Matches)
        }
        _ => (Some(bytes), PecVerdict::Absent),
    }
}

fn strip_count(data: &[u8], length: DataLength, protocol: Protocol) -> &[u8] {
    let block = matches!(length, DataLength::Variable)
        || matches!(
            protocol,
            Protocol::BlockRead | Protocol::BlockWrite | Protocol::BlockProcessCall
        );
    if block {
        data.get(1..).unwrap_or(&[])
    } else {
        data
    }
}

/// The PEC verdict of one transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum PecVerdict {
    /// No PEC byte in the capture.
    Absent,
    /// A PEC byte that matches.
    Ok,
    /// A PEC byte that does not match.
    Bad {
        /// The PEC computed over the transaction.
        expected: u8,
        /// The byte captured.
        received: u8,
    },
    /// More bytes after the data than a PEC byte: the length is wrong for the command.
    Extra(usize),
    /// A line without R/W whose trailing byte is a PEC for neither a read nor a write.
    Unmatched(u8),
    /// The command's length is device-defined, and the last byte is the PEC of the others, so it
    /// was taken as the PEC (a 1-in-256 chance that it is data that happens to match).
    Matches,
}

/// Something about the transaction that does not fit the command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Problem {
    /// Fewer bytes than the command carries (or than a block's count says).
    Length,
}

/// The meaning of a transaction's data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'t> {
    /// No data (send byte, or a transaction that stopped early).
    None,
    /// A plain byte.
    Byte(u8),
    /// A plain word.
    Word(u16),
    /// A number in a PMBus format.
    Number {
        /// The register value.
        raw: u16,
        /// Its format, if known.
        format: Option<Format>,
        /// The unit.
        unit: crate::command::Unit,
        /// Whether the format is a guess (LINEAR11 for a command that may be DIRECT).
        assumed: bool,
    },
    /// An output-voltage value whose `VOUT_MODE` is not known (or needs a table the decoder
    /// lacks).
    VoutUnknown {
        /// The register value.
        raw: u16,
        /// `VOUT_MODE`, when known.
        mode: Option<VoutMode>,
    },
    /// `VOUT_MODE` itself.
    VoutMode(VoutMode),
    /// A status register.
    Status(StatusRegister, u16),
    /// Text (`MFR_ID` and the like).
    Text(&'t [u8]),
    /// An energy accumulator reading.
    Energy(EnergyReading),
    /// DIRECT coefficients.
    Coefficients(Coefficients),
    /// The Alert Response Address answered: the 7-bit address of the alerting device.
    AlertFrom(u8),
    /// Bytes without a known structure.
    Bytes(&'t [u8]),
}

/// One decoded transaction; `Display` prints one line.
#[derive(Clone, Copy, Debug)]
pub struct Decoded<'t> {
    /// The 7-bit address.
    pub address: u8,
    /// Whether nobody acknowledged the address.
    pub nacked: bool,
    /// The direction, resolved from the command table when the capture did not say.
    pub direction: Direction,
    /// The command code, if the host wrote one.
    pub command: Option<CommandCode>,
    /// The second byte of an extended command (after FEh/FFh).
    pub extended: Option<u8>,
    /// The data bytes (without command, block count and PEC).
    pub data: Option<&'t [u8]>,
    /// The PEC verdict.
    pub pec: PecVerdict,
    /// What the data means.
    pub value: Value<'t>,
    /// A length problem, if any.
    pub problem: Option<Problem>,
    /// The page selected at the time (as last seen written).
    pub page: u8,
    raw: &'t Transaction,
}

impl Decoded<'_> {
    /// The transaction this came from.
    pub const fn transaction(&self) -> &Transaction {
        self.raw
    }
}

fn write_hex(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            f.write_str(" ")?;
        }
        write!(f, "{b:02X}")?;
    }
    Ok(())
}

fn write_format(f: &mut fmt::Formatter<'_>, format: Format) -> fmt::Result {
    match format {
        Format::Linear11 => f.write_str("LINEAR11"),
        Format::ULinear16 { exponent } => write!(f, "ULINEAR16 2^{exponent}"),
        Format::Direct(c) => write!(f, "DIRECT m={} b={} R={}", c.m, c.b, c.r),
        Format::Vid(mode) => write!(f, "VID {mode:?}"),
        Format::IeeeHalf => f.write_str("IEEE half"),
    }
}

impl fmt::Display for Decoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02X} ", self.address)?;
        if self.nacked {
            return f.write_str("NACK (no device answered)");
        }
        f.write_str(match self.direction {
            Direction::Write => "write",
            Direction::WriteRead | Direction::Read => "read ",
            Direction::Unspecified => "r/w? ",
        })?;
        match self.command {
            Some(c) => {
                write!(f, " {c} ({:02X}h", c.0)?;
                if let Some(ext) = self.extended {
                    write!(f, " {ext:02X}h")?;
                }
                f.write_str(")")?;
            }
            None if self.address == crate::smbus::ALERT_RESPONSE_ADDRESS => {
                f.write_str(" ALERT RESPONSE")?
            }
            None => f.write_str(" RECEIVE BYTE")?,
        }
        if let Some(Problem::Length) = self.problem {
            f.write_str(": too few bytes for this command: ")?;
            write_hex(f, self.raw.written())?;
            if !self.raw.read().is_empty() {
                f.write_str(" / ")?;
                write_hex(f, self.raw.read())?;
            }
        } else {
            match self.value {
                Value::None => {}
                Value::Byte(b) => write!(f, " = {b:02X}h")?,
                Value::Word(w) => write!(f, " = {w:04X}h")?,
                Value::Number {
                    raw,
                    format: Some(format),
                    unit,
                    assumed,
                } => {
                    match format.decode_milli(raw) {
                        Some(m) => {
                            f.write_str(" = ")?;
                            write_milli(f, m)?;
                            let sym = unit_symbol(unit);
                            if !sym.is_empty() {
                                write!(f, " {sym}")?;
                            }
                        }
                        None => f.write_str(" = (no value)")?,
                    }
                    write!(f, " [{raw:04X}h ")?;
                    write_format(f, format)?;
                    if assumed {
                        f.write_str(", assumed")?;
                    }
                    f.write_str("]")?;
                }
                Value::Number {
                    raw, format: None, ..
                } => write!(f, " = {raw:04X}h (format unknown: no device description)")?,
                Value::VoutUnknown { raw, mode: None } => write!(
                    f,
                    " = {raw:04X}h (VOUT_MODE not seen; give it with --vout-mode)"
                )?,
                Value::VoutUnknown { raw, mode: Some(m) } => write!(
                    f,
                    " = {raw:04X}h (VOUT_MODE {:02X}h needs coefficients or a VID table: give --device)",
                    m.raw()
                )?,
                Value::VoutMode(m) => {
                    write!(f, " = {:02X}h (", m.raw())?;
                    match m.mode() {
                        VoutModeKind::Linear { exponent } => {
                            write!(f, "ULINEAR16, exponent {exponent}")?
                        }
                        VoutModeKind::Vid { code } => write!(f, "VID, code {code:02X}h")?,
                        VoutModeKind::Direct => f.write_str("DIRECT")?,
                        VoutModeKind::IeeeHalf => f.write_str("IEEE half")?,
                    }
                    if m.relative() {
                        f.write_str(", relative")?;
                    }
                    f.write_str(")")?;
                }
                Value::Status(register, bits) => {
                    let width = register.width().min(16);
                    if width > 8 {
                        write!(f, " = {bits:04X}h")?;
                    } else {
                        write!(f, " = {bits:02X}h")?;
                    }
                    // Set bits from the most significant down, as the spec's tables list them.
                    let mut any = false;
                    for bit in (0..width).rev() {
                        if bits.checked_shr(u32::from(bit)).unwrap_or(0) & 1 == 0 {
                            continue;
                        }
                        f.write_str(if any { " " } else { " [" })?;
                        any = true;
                        match register.bit_info(bit) {
                            Some(info) => f.write_str(info.name)?,
                            None => write!(f, "BIT{bit}")?,
                        }
                    }
                    if any {
                        f.write_str("]")?;
                    }
                }
                Value::Text(bytes) => {
                    f.write_str(" = \"")?;
                    for &b in bytes {
                        if b.is_ascii_graphic() || b == b' ' {
                            fmt::Write::write_char(f, char::from(b))?;
                        } else {
                            write!(f, "\\x{b:02x}")?;
                        }
                    }
                    f.write_str("\"")?;
                }
                Value::Energy(e) => write!(
                    f,
                    " = accumulator {:04X}h, rollover {}, {} samples",
                    e.accumulator, e.rollover, e.samples
                )?,
                Value::Coefficients(c) => write!(f, " = m={} b={} R={}", c.m, c.b, c.r)?,
                Value::AlertFrom(a) => write!(f, " = alert from {a:02X}h")?,
                Value::Bytes(bytes) => {
                    if !bytes.is_empty() {
                        f.write_str(" = ")?;
                        write_hex(f, bytes)?;
                    }
                }
            }
        }
        match self.pec {
            PecVerdict::Absent => Ok(()),
            PecVerdict::Ok => f.write_str("  PEC ok"),
            PecVerdict::Bad { expected, received } => {
                write!(
                    f,
                    "  PEC BAD (got {received:02X}h, expected {expected:02X}h)"
                )
            }
            PecVerdict::Extra(n) => write!(f, "  ({n} bytes more than the command carries)"),
            PecVerdict::Matches => {
                f.write_str("  PEC ok (device-defined length: last byte taken as PEC)")
            }
            PecVerdict::Unmatched(received) => {
                write!(
                    f,
                    "  PEC BAD ({received:02X}h is the PEC of neither a read nor a write)"
                )
            }
        }
    }
}
