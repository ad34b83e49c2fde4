//! Turning captured transactions into PMBus meaning: command, value in units, status bits,
//! PEC verdict.

use core::fmt;

use super::{Direction, Transaction, write_part_len};
use crate::command::{
    CommandCode, CommandInfo, DataFormat, DataLength, Paging, Query, QueryFormat,
    Transaction as Protocol,
};
use crate::device::{
    Description, DirectClass, Encoding, Quantity, Sensor, unit_symbol, write_milli,
};
use crate::format::{Coefficients, EnergyReading, Format, VoutMode, VoutModeKind};
use crate::pec::Pec;
use crate::smbus::frame::read_pec;
use crate::status::StatusRegister;

/// How many devices (addresses) a [`Decoder`] keeps state for.
pub const MAX_DEVICES: usize = 16;

/// How many pages per address a [`Decoder`] keeps `VOUT_MODE` for: pages 0 to 31. `PAGE` can
/// select up to FEh (and FFh means "all pages" for writes, PMBus 1.3 Part II §11.10), but
/// devices with more than 32 rails are not known; a `VOUT_MODE` on a higher page is reported as
/// not cached rather than stored.
pub const MAX_PAGES: u8 = 32;

/// What a decoder remembers about one address.
#[derive(Clone, Copy, Debug)]
struct DeviceState {
    address: u8,
    /// The page last written to or read from `PAGE`; `None` before any was seen.
    page: Option<u8>,
    /// Bit `n` set: `vout_modes[n]` holds page `n`'s `VOUT_MODE`.
    vout_known: u32,
    /// `VOUT_MODE` per page, as last seen on the bus or set by the user.
    vout_modes: [u8; MAX_PAGES as usize],
    description: Option<Description>,
}

/// What the decoder knows about `VOUT_MODE` of one page.
#[derive(Clone, Copy, Debug)]
enum VoutLookup {
    Known(VoutMode),
    NotSeen,
    NotCached,
}

impl DeviceState {
    const fn new(address: u8) -> Self {
        Self {
            address,
            page: None,
            vout_known: 0,
            vout_modes: [0; MAX_PAGES as usize],
            description: None,
        }
    }

    fn vout_mode(&self, page: u8) -> VoutLookup {
        let bit = 1u32.checked_shl(u32::from(page)).unwrap_or(0);
        match self.vout_modes.get(usize::from(page)) {
            Some(&raw) if self.vout_known & bit != 0 => VoutLookup::Known(VoutMode::from_raw(raw)),
            Some(_) => VoutLookup::NotSeen,
            None => VoutLookup::NotCached,
        }
    }

    fn set_vout_mode(&mut self, page: u8, mode: VoutMode) -> bool {
        match self.vout_modes.get_mut(usize::from(page)) {
            Some(slot) => {
                *slot = mode.raw();
                self.vout_known |= 1u32.checked_shl(u32::from(page)).unwrap_or(0);
                true
            }
            None => false,
        }
    }

    /// Whether the device is known to have several pages: its description says so, or the
    /// capture selected one.
    fn paged(&self) -> bool {
        self.page.is_some() || self.description.is_some_and(|d| d.pages > 1)
    }
}

/// A decoder for a stream of captured transactions. It follows the bus: a `PAGE` write or
/// read, and a `VOUT_MODE` read or write, are remembered per address and used for later
/// readings. It learns only from transactions the device accepted: not from one whose PEC is
/// wrong or missing bytes, nor from one where the device NACKed a byte.
///
/// What the capture cannot show (DIRECT coefficients, the VID table) comes from a device
/// description given with [`Decoder::set_device`], or from [`Decoder::set_vout_mode`]. With a
/// description, a limit (`VIN_OV_FAULT_LIMIT`, `IOUT_OC_WARN_LIMIT`, `OT_WARN_LIMIT`, …) is
/// decoded in the format of the reading it bounds, as the Linux pmbus core also does (a device's
/// `COEFFICIENTS` 30h answer per command can confirm it).
///
/// Until the capture shows `PAGE`, the decoder uses page 0 for an address.
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
        Some(slot.get_or_insert(DeviceState::new(address)))
    }

    fn lookup(&self, address: u8) -> Option<&DeviceState> {
        self.devices.iter().flatten().find(|d| d.address == address)
    }

    /// Says which device answers at `address`: its description gives the DIRECT coefficients,
    /// the VID table, the encoding of each reading, and the number of pages. Returns `false` if
    /// the decoder already tracks [`MAX_DEVICES`] others.
    pub fn set_device(&mut self, address: u8, description: Description) -> bool {
        self.state(address)
            .map(|s| s.description = Some(description))
            .is_some()
    }

    /// Sets `VOUT_MODE` of `page` at `address`, for captures that do not contain the read.
    /// Returns `false` if `page` is not below [`MAX_PAGES`] or the decoder already tracks
    /// [`MAX_DEVICES`] other addresses.
    pub fn set_vout_mode(&mut self, address: u8, page: u8, mode: VoutMode) -> bool {
        self.state(address)
            .is_some_and(|s| s.set_vout_mode(page, mode))
    }

    /// Sets `VOUT_MODE` of every page (0 to [`MAX_PAGES`] − 1) at `address`. Returns `false`
    /// if the decoder already tracks [`MAX_DEVICES`] other addresses.
    pub fn set_vout_mode_all_pages(&mut self, address: u8, mode: VoutMode) -> bool {
        match self.state(address) {
            Some(s) => {
                s.vout_modes = [mode.raw(); MAX_PAGES as usize];
                s.vout_known = u32::MAX;
                true
            }
            None => false,
        }
    }

    /// Decodes one transaction, and learns from it (`PAGE`, `VOUT_MODE`) when the device
    /// accepted it.
    pub fn decode<'t>(&mut self, t: &'t Transaction) -> Decoded<'t> {
        let decoded = self.interpret(t);
        if !decoded.accepted() {
            return decoded;
        }
        if let (Some(command), Some(value)) = (decoded.command, decoded.data) {
            match (command, value) {
                // PAGE (Part II §11.10): a write selects the page, a read reports it.
                (CommandCode::PAGE, [page]) => {
                    if let Some(s) = self.state(t.address()) {
                        s.page = Some(*page);
                    }
                }
                (CommandCode::VOUT_MODE, [mode]) => {
                    let page = decoded.page.unwrap_or(0);
                    let _ = self.set_vout_mode(t.address(), page, VoutMode::from_raw(*mode));
                }
                _ => {}
            }
        }
        decoded
    }

    fn interpret<'t>(&self, t: &'t Transaction) -> Decoded<'t> {
        let state = self.lookup(t.address());
        let page = state.and_then(|s| s.page);
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
            paged: state.is_some_and(DeviceState::paged),
            raw: t,
        };
        if t.nacked() {
            return d;
        }
        let written = t.written();
        let Some((&code, rest)) = written.split_first() else {
            // No command: Receive Byte, the Alert Response Address, or a quick command.
            if let [byte, tail @ ..] = t.read() {
                // The PEC of a read without a write part covers the read address and the data
                // only (SMBus 3.x §6.4).
                d.pec = check_pec_tail(tail, || read_pec(t.address(), &[], &[*byte]));
                d.data = t.read().get(..1);
                d.value = if t.address() == crate::smbus::ALERT_RESPONSE_ADDRESS {
                    Value::AlertFrom(*byte >> 1)
                } else {
                    Value::Byte(*byte)
                };
            }
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
        // For a line without R/W every byte sits in `written`; the read part of a read starts
        // where the host's writing ends.
        let read_split = written.split_at_checked(write_part_len(written));
        let (direction, write_part, read_part) = match t.direction() {
            Direction::Unspecified => {
                let direction =
                    resolve_direction(t.address(), info, command_bytes, after_cmd, read_split);
                match (direction, read_split) {
                    (Direction::WriteRead, Some((w, r))) => (direction, w, r),
                    (Direction::WriteRead, None) => (direction, written, &[][..]),
                    _ => (direction, written, t.read()),
                }
            }
            other => (other, written, t.read()),
        };
        d.direction = direction;
        if t.read_address_nacked() {
            return d;
        }
        // The payload and where its PEC would sit.
        let (payload, pec_verdict) = match direction {
            Direction::Write => split_write(
                t.address(),
                command_bytes,
                after_cmd,
                info.data_bytes,
                info.write,
            ),
            Direction::WriteRead => split_read(
                t.address(),
                write_part,
                read_part,
                info.data_bytes,
                info.read,
            ),
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
            // A NACKed byte explains a short transaction: the host stopped there.
            if t.nacked_write_byte().is_none() {
                d.problem = Some(Problem::Length);
            }
            return d;
        };
        d.data = Some(payload);
        if command.is_extended() {
            d.value = Value::Bytes(payload);
            return d;
        }
        d.value = value(command, info, payload, write_part, page.unwrap_or(0), state);
        d
    }
}

/// The meaning of a command's data.
fn value<'t>(
    command: CommandCode,
    info: &CommandInfo,
    payload: &'t [u8],
    write_part: &[u8],
    page: u8,
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
    if command == CommandCode::QUERY {
        // QUERY (Part II §11.13): the host writes a block with the command code it asks
        // about, the device answers one byte of bits.
        return match (payload, write_part) {
            ([answer], [_, 1, asked]) => Value::Query {
                command: CommandCode(*asked),
                answer: Query(*answer),
            },
            _ => Value::Bytes(payload),
        };
    }
    match info.format {
        DataFormat::None => Value::None,
        DataFormat::Linear11OrDirect => match word {
            Some(raw) => match linear11_or_direct(command, page, description.as_ref()) {
                Ok((format, assumed)) => Value::Number {
                    raw,
                    format,
                    unit: info.unit,
                    assumed,
                    note: None,
                },
                Err(missing) => Value::Unknown {
                    raw,
                    unit: info.unit,
                    missing,
                },
            },
            None => Value::Bytes(payload),
        },
        DataFormat::Vout => match word {
            Some(raw) => vout_value(raw, info, page, state),
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

/// A value of an output-voltage command (Part II §8.3: its format is what `VOUT_MODE` of the
/// page says). `VOUT_MODE` from the bus comes first; the description's encoding of `READ_VOUT`
/// is used when the capture has no `VOUT_MODE` or it read FFh, and mentioned when the two
/// disagree.
fn vout_value<'t>(
    raw: u16,
    info: &CommandInfo,
    page: u8,
    state: Option<&DeviceState>,
) -> Value<'t> {
    let description = state.and_then(|s| s.description);
    // The description's own format for VOUT, when it is not "as VOUT_MODE says".
    let described = description.and_then(|d| {
        let sensor = find_sensor(&d, &[Quantity::Vout], page)?;
        match sensor.encoding {
            Encoding::Vout => None,
            other => d.format(other, None),
        }
    });
    let number = |format, note| Value::Number {
        raw,
        format,
        unit: info.unit,
        assumed: false,
        note,
    };
    let unknown = |missing| Value::Unknown {
        raw,
        unit: info.unit,
        missing,
    };
    let lookup = state.map_or(VoutLookup::NotSeen, |s| s.vout_mode(page));
    match lookup {
        VoutLookup::Known(mode) if mode.is_unimplemented() => match described {
            Some(f) => number(f, Some(Note::NoVoutMode)),
            None => unknown(Missing::NoVoutMode),
        },
        VoutLookup::Known(mode) => {
            let direct = description.and_then(|d| d.direct.vout);
            let vid = description.and_then(|d| d.vid);
            match mode.format(direct, vid) {
                Some(f) => {
                    let note = described
                        .filter(|d| *d != f)
                        .map(Note::DescriptionDisagrees);
                    number(f, note)
                }
                None => unknown(match mode.mode() {
                    VoutModeKind::Vid { .. } => Missing::VidTable(mode),
                    _ => Missing::VoutCoefficients(mode),
                }),
            }
        }
        VoutLookup::NotSeen => match described {
            Some(f) => number(f, None),
            None => unknown(Missing::VoutModeNotSeen { page }),
        },
        VoutLookup::NotCached => match described {
            Some(f) => number(f, None),
            None => unknown(Missing::VoutModeNotCached { page }),
        },
    }
}

/// The description's sensor for one of `quantities`, on `page` if it has one there, else on
/// any page.
fn find_sensor(d: &Description, quantities: &[Quantity], page: u8) -> Option<Sensor> {
    let of = |s: &&Sensor| quantities.contains(&s.quantity);
    d.sensors
        .iter()
        .filter(of)
        .find(|s| s.page == page)
        .or_else(|| d.sensors.iter().find(of))
        .copied()
}

/// What a LINEAR11-or-DIRECT command measures or bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A `READ_*` telemetry command (Part II §10.14) or a limit of that quantity: in the format
    /// of the reading.
    Reading,
    /// A manufacturer rating (`MFR_VIN_MAX`, `MFR_IOUT_MAX`, …, Part II §22): in the format of
    /// the reading only by assumption, since no description says how the device encodes it.
    Rating,
}

/// The quantities whose format a LINEAR11-or-DIRECT command shares, most likely first.
fn quantities_of(command: CommandCode) -> Option<(&'static [Quantity], Kind)> {
    use Quantity as Q;
    const VIN: &[Q] = &[Q::Vin];
    const IIN: &[Q] = &[Q::Iin];
    const IOUT: &[Q] = &[Q::Iout];
    const TEMP: &[Q] = &[Q::Temperature1, Q::Temperature2, Q::Temperature3];
    const POUT: &[Q] = &[Q::Pout, Q::Pin];
    const PIN: &[Q] = &[Q::Pin, Q::Pout];
    if let Some(q) = Quantity::from_command(command) {
        let all: &'static [Q] = &Q::ALL;
        let i = all.iter().position(|x| *x == q)?;
        return Some((all.get(i..=i)?, Kind::Reading));
    }
    Some(match command.0 {
        // VIN_ON, VIN_OFF, VIN_OV_FAULT_LIMIT, VIN_OV_WARN_LIMIT, VIN_UV_WARN_LIMIT,
        // VIN_UV_FAULT_LIMIT.
        0x35 | 0x36 | 0x55 | 0x57 | 0x58 | 0x59 => (VIN, Kind::Reading),
        // IOUT_OC_FAULT_LIMIT, IOUT_OC_WARN_LIMIT, IOUT_UC_FAULT_LIMIT.
        0x46 | 0x4A | 0x4B => (IOUT, Kind::Reading),
        // IIN_OC_FAULT_LIMIT, IIN_OC_WARN_LIMIT.
        0x5B | 0x5D => (IIN, Kind::Reading),
        // OT_FAULT_LIMIT, OT_WARN_LIMIT, UT_WARN_LIMIT, UT_FAULT_LIMIT.
        0x4F | 0x51 | 0x52 | 0x53 => (TEMP, Kind::Reading),
        // POUT_MAX, POUT_OP_FAULT_LIMIT, POUT_OP_WARN_LIMIT.
        0x31 | 0x68 | 0x6A => (POUT, Kind::Reading),
        // PIN_OP_WARN_LIMIT.
        0x6B => (PIN, Kind::Reading),
        // MFR_VIN_MIN, MFR_VIN_MAX.
        0xA0 | 0xA1 => (VIN, Kind::Rating),
        // MFR_IIN_MAX.
        0xA2 => (IIN, Kind::Rating),
        // MFR_PIN_MAX.
        0xA3 => (PIN, Kind::Rating),
        // MFR_IOUT_MAX.
        0xA6 => (IOUT, Kind::Rating),
        // MFR_POUT_MAX.
        0xA7 => (POUT, Kind::Rating),
        // MFR_TAMBIENT_MAX, MFR_TAMBIENT_MIN, MFR_MAX_TEMP_1..3.
        0xA8 | 0xA9 | 0xC0..=0xC2 => (TEMP, Kind::Rating),
        _ => return None,
    })
}

/// The format of a LINEAR11-or-DIRECT value (Part II §7: the device picks LINEAR11, DIRECT or
/// IEEE half per command), with whether it is a guess.
///
/// - No description: LINEAR11, assumed.
/// - A command the description covers (a reading, a limit of it, a rating): the format of
///   that reading (assumed for a rating).
/// - Otherwise: LINEAR11, assumed, if the description's readings are all LINEAR11; else the
///   format is unknown (a DIRECT device's coefficients for this command are not known).
fn linear11_or_direct(
    command: CommandCode,
    page: u8,
    description: Option<&Description>,
) -> Result<(Format, bool), Missing> {
    let Some(d) = description else {
        return Ok((Format::Linear11, true));
    };
    let all_linear11 = d
        .sensors
        .iter()
        .all(|s| matches!(s.encoding, Encoding::Linear11 | Encoding::Vout));
    let fallback = if all_linear11 {
        Ok((Format::Linear11, true))
    } else {
        Err(Missing::CommandFormat)
    };
    let Some((quantities, kind)) = quantities_of(command) else {
        return fallback;
    };
    let Some(sensor) = find_sensor(d, quantities, page) else {
        return fallback;
    };
    match d.format(sensor.encoding, None) {
        Some(format) => Ok((format, kind == Kind::Rating)),
        None => Err(match sensor.encoding {
            Encoding::Direct(class) => Missing::Coefficients(class),
            _ => Missing::CommandFormat,
        }),
    }
}

/// For a line without R/W: a command that can only be written is a write, one that can only be
/// read is a read; for one that can be both, a PEC that matches one of the two readings decides.
/// `read_split` is the line split where a read's write part ends.
fn resolve_direction(
    address: u8,
    info: &CommandInfo,
    command_bytes: &[u8],
    after_cmd: &[u8],
    read_split: Option<(&[u8], &[u8])>,
) -> Direction {
    match (info.write.is_supported(), info.read.is_supported()) {
        (true, false) => return Direction::Write,
        (false, true) => return Direction::WriteRead,
        _ => {}
    }
    if let Some((pec, body)) = after_cmd.split_last() {
        if !body.is_empty() && write_pec(address, command_bytes, body) == *pec {
            return Direction::Write;
        }
    }
    if let Some((pec, body)) = read_split.and_then(|(_, r)| r.split_last()) {
        let written = read_split.map_or(&[][..], |(w, _)| w);
        if !body.is_empty() && read_pec(address, written, body) == *pec {
            return Direction::WriteRead;
        }
    }
    // Without a PEC that matches, a write and a read of the same command carry the same bytes:
    // the capture does not say which it was.
    Direction::Unspecified
}

/// The PEC of a write: the write address byte, the command bytes and the data (SMBus 3.x §6.4).
fn write_pec(address: u8, command_bytes: &[u8], data: &[u8]) -> u8 {
    let mut p = Pec::new();
    p.update_byte(address << 1);
    p.update(command_bytes);
    p.update(data);
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

/// Splits what was read into data and PEC. `written` is the write part (command code, and the
/// written block of a process call).
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
#[non_exhaustive]
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
#[non_exhaustive]
pub enum Problem {
    /// Fewer bytes than the command carries (or than a block's count says).
    Length,
}

/// What the decoder lacks to give a numeric value its units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Missing {
    /// `VOUT_MODE` of this page has not been seen in the capture (nor set with
    /// [`Decoder::set_vout_mode`]), and no description gives the output-voltage format.
    VoutModeNotSeen {
        /// The page.
        page: u8,
    },
    /// The page is beyond the ones whose `VOUT_MODE` the decoder keeps ([`MAX_PAGES`]).
    VoutModeNotCached {
        /// The page.
        page: u8,
    },
    /// `VOUT_MODE` read FFh, what a device without `VOUT_MODE` returns (Part II §8.3 defines
    /// no such value for a device to mean), and no description gives the format.
    NoVoutMode,
    /// `VOUT_MODE` says DIRECT and no output-voltage coefficients are known.
    VoutCoefficients(VoutMode),
    /// `VOUT_MODE` says VID and the VID table is not known.
    VidTable(VoutMode),
    /// The description gives the reading this command belongs to as DIRECT of this class, but
    /// has no coefficients for it.
    Coefficients(DirectClass),
    /// The description does not cover this command, and the device does not use LINEAR11
    /// throughout, so LINEAR11 would be a guess against the evidence.
    CommandFormat,
}

const fn class_label(class: DirectClass) -> &'static str {
    match class {
        DirectClass::Vin => "VIN",
        DirectClass::Vout => "VOUT",
        DirectClass::Iin => "IIN",
        DirectClass::Iout => "IOUT",
        DirectClass::Power => "power",
        DirectClass::Temperature => "temperature",
    }
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::VoutModeNotSeen { page: 0 } => f.write_str("VOUT_MODE not seen"),
            Self::VoutModeNotSeen { page } => write!(f, "VOUT_MODE of page {page} not seen"),
            Self::VoutModeNotCached { page } => write!(
                f,
                "VOUT_MODE of page {page} not cached: the decoder keeps pages 0 to {}",
                MAX_PAGES - 1
            ),
            Self::NoVoutMode => f.write_str("VOUT_MODE FFh: device has no VOUT_MODE"),
            Self::VoutCoefficients(m) => write!(
                f,
                "VOUT_MODE {:02X}h is DIRECT, and no VOUT coefficients are known",
                m.raw()
            ),
            Self::VidTable(m) => write!(
                f,
                "VOUT_MODE {:02X}h is VID, and the VID table is not known",
                m.raw()
            ),
            Self::Coefficients(class) => write!(
                f,
                "format unknown: DIRECT without {} coefficients",
                class_label(class)
            ),
            Self::CommandFormat => f.write_str(
                "format unknown: not covered by the device description, and the device does \
                 not use LINEAR11 throughout",
            ),
        }
    }
}

/// Something worth knowing about how a value's format was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Note {
    /// `VOUT_MODE` on the bus and the description's encoding of `READ_VOUT` (this format)
    /// disagree; the bus was followed.
    DescriptionDisagrees(Format),
    /// `VOUT_MODE` read FFh (a device without `VOUT_MODE`); the format is the description's.
    NoVoutMode,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::DescriptionDisagrees(format) => {
                f.write_str("VOUT_MODE followed; the description says ")?;
                write_format(f, format)
            }
            Self::NoVoutMode => {
                f.write_str("VOUT_MODE FFh: device has no VOUT_MODE; format from the description")
            }
        }
    }
}

/// The meaning of a transaction's data.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value<'t> {
    /// No data (send byte, quick command, or a transaction that stopped early).
    None,
    /// A plain byte (also a Receive Byte answer).
    Byte(u8),
    /// A plain word.
    Word(u16),
    /// A number in a PMBus format.
    Number {
        /// The register value.
        raw: u16,
        /// Its format.
        format: Format,
        /// The unit.
        unit: crate::command::Unit,
        /// Whether the format is a guess: LINEAR11 for a command that may be DIRECT, with no
        /// description that says; or a manufacturer rating (`MFR_*`) taken to be in the
        /// format of the reading it rates.
        assumed: bool,
        /// How the format was chosen, when that is worth saying.
        note: Option<Note>,
    },
    /// A number whose format is not known; what is missing says why.
    Unknown {
        /// The register value.
        raw: u16,
        /// The unit it would have.
        unit: crate::command::Unit,
        /// What the decoder lacks.
        missing: Missing,
    },
    /// `VOUT_MODE` itself.
    VoutMode(VoutMode),
    /// A status register.
    Status(StatusRegister, u16),
    /// A `QUERY` answer (Part II §11.13).
    Query {
        /// The command asked about.
        command: CommandCode,
        /// The answer bits.
        answer: Query,
    },
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
///
/// The line is `ADDR DIRECTION [PAGE] COMMAND [= VALUE] [PEC] [NACK]`:
///
/// - `ADDR`: the 7-bit address in hex; `58 NACK (no device answered)` when nobody ACKed it.
/// - `DIRECTION`: `write`, `read ` or `r/w? ` (a line without R/W that the command table and the
///   PEC could not settle).
/// - `PAGE`: `p0`, `p1`, … (decimal; `p255` is FFh, all pages) in front of a command that acts
///   on the selected page, once the decoder knows the device has several pages (from its
///   description) or has seen `PAGE` in the capture. `p0?` means no `PAGE` was seen yet and the
///   decoder assumed page 0.
/// - `COMMAND`: the name and code (`READ_VOUT (8Bh)`); without a command code, `RECEIVE BYTE`,
///   `ALERT RESPONSE` (from address 0Ch) or `QUICK COMMAND`.
/// - `VALUE`: in units with the raw word and its format (`= 12.014 V [1807h ULINEAR16 2^-9]`;
///   `, assumed` when the format is a guess), status bits by name, text, or hex bytes.
/// - Then `PEC ok` / `PEC BAD (…)`, and `device NACKed written byte N (XXh)` when the device
///   refused a byte (counting from 1, the command code).
///
/// ```
/// use smbus_pmbus::capture::{parse_line, Decoder};
/// use smbus_pmbus::device::catalog;
///
/// let mut decoder = Decoder::new();
/// decoder.set_device(0x60, catalog::ISL68224); // three pages
/// let line = |d: &mut Decoder, s: &str| d.decode(&parse_line(s).unwrap().unwrap()).to_string();
/// assert_eq!(line(&mut decoder, "W 60 00 01"), "60 write PAGE (00h) = 01h");
/// assert_eq!(
///     line(&mut decoder, "R 60 8C 2C 01"),
///     "60 read  p1 READ_IOUT (8Ch) = 30.000 A [012Ch DIRECT m=1 b=0 R=1]",
/// );
/// ```
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
    /// The page selected at the time, as last seen on the bus; `None` before the capture showed
    /// `PAGE` for this address (the decoder then uses page 0).
    pub page: Option<u8>,
    /// Whether the device is known to have several pages (its description says so, or the
    /// capture showed `PAGE`): the line then shows the page.
    pub paged: bool,
    raw: &'t Transaction,
}

impl Decoded<'_> {
    /// The transaction this came from.
    pub const fn transaction(&self) -> &Transaction {
        self.raw
    }

    /// Whether the device took the transaction as it stands: every address and byte ACKed, the
    /// PEC right or absent, and the bytes the command needs present. The decoder learns `PAGE`
    /// and `VOUT_MODE` only from such transactions.
    pub const fn accepted(&self) -> bool {
        !self.nacked
            && !self.raw.read_address_nacked()
            && self.raw.nacked_write_byte().is_none()
            && self.problem.is_none()
            && matches!(self.pec, PecVerdict::Absent | PecVerdict::Ok)
    }

    /// Whether the line shows the page: the device has several pages and the command acts on
    /// the selected one (manufacturer-specific commands may, so they show it too).
    fn shows_page(&self) -> bool {
        self.paged
            && self
                .command
                .is_some_and(|c| matches!(c.info().paging, Paging::Paged | Paging::DeviceDefined))
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

const fn query_format(format: QueryFormat) -> &'static str {
    match format {
        QueryFormat::Linear => "LINEAR",
        QueryFormat::Signed16 => "signed 16-bit",
        QueryFormat::Reserved => "reserved format 010b",
        QueryFormat::Direct => "DIRECT",
        QueryFormat::Unsigned8 => "unsigned 8-bit",
        QueryFormat::Vid => "VID",
        QueryFormat::MfrSpecific => "manufacturer-specific format",
        QueryFormat::NotNumeric => "not numeric",
    }
}

fn write_value(f: &mut fmt::Formatter<'_>, value: &Value<'_>) -> fmt::Result {
    match *value {
        Value::None => Ok(()),
        Value::Byte(b) => write!(f, " = {b:02X}h"),
        Value::Word(w) => write!(f, " = {w:04X}h"),
        Value::Number {
            raw,
            format,
            unit,
            assumed,
            note,
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
            match note {
                Some(note) => write!(f, " ({note})"),
                None => Ok(()),
            }
        }
        Value::Unknown { raw, missing, .. } => write!(f, " = {raw:04X}h ({missing})"),
        Value::VoutMode(m) => {
            write!(f, " = {:02X}h (", m.raw())?;
            if m.is_unimplemented() {
                f.write_str("no VOUT_MODE: what a device without it returns")?;
            } else {
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
            }
            f.write_str(")")
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
            Ok(())
        }
        Value::Query { command, answer } => {
            write!(
                f,
                " = {:02X}h for {command} ({:02X}h): ",
                answer.0, command.0
            )?;
            if !answer.supported() {
                return f.write_str("not supported");
            }
            f.write_str("supported")?;
            if answer.writable() {
                f.write_str(", writable")?;
            }
            if answer.readable() {
                f.write_str(", readable")?;
            }
            write!(f, ", {}", query_format(answer.format()))
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
            f.write_str("\"")
        }
        Value::Energy(e) => write!(
            f,
            " = accumulator {:04X}h, rollover {}, {} samples",
            e.accumulator, e.rollover, e.samples
        ),
        Value::Coefficients(c) => write!(f, " = m={} b={} R={}", c.m, c.b, c.r),
        Value::AlertFrom(a) => write!(f, " = alert from {a:02X}h"),
        Value::Bytes(bytes) => {
            if bytes.is_empty() {
                Ok(())
            } else {
                f.write_str(" = ")?;
                write_hex(f, bytes)
            }
        }
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
        if self.shows_page() {
            match self.page {
                Some(page) => write!(f, " p{page}")?,
                None => f.write_str(" p0?")?,
            }
        }
        match self.command {
            Some(c) => {
                write!(f, " {c} ({:02X}h", c.0)?;
                if let Some(ext) = self.extended {
                    write!(f, " {ext:02X}h")?;
                }
                f.write_str(")")?;
            }
            None if !self.raw.read().is_empty() => {
                if self.address == crate::smbus::ALERT_RESPONSE_ADDRESS {
                    f.write_str(" ALERT RESPONSE")?;
                } else {
                    f.write_str(" RECEIVE BYTE")?;
                }
            }
            // SMBus 3.x §6.5.1: the R/W bit of the address is the only data.
            None => f.write_str(" QUICK COMMAND")?,
        }
        if self.raw.read_address_nacked() {
            return f.write_str(
                ": no answer (the device took the command, then NACKed its read address)",
            );
        }
        if let Some(Problem::Length) = self.problem {
            f.write_str(": too few bytes for this command: ")?;
            write_hex(f, self.raw.written())?;
            if !self.raw.read().is_empty() {
                f.write_str(" / ")?;
                write_hex(f, self.raw.read())?;
            }
        } else {
            write_value(f, &self.value)?;
        }
        match self.pec {
            PecVerdict::Absent => {}
            PecVerdict::Ok => f.write_str("  PEC ok")?,
            PecVerdict::Bad { expected, received } => write!(
                f,
                "  PEC BAD (got {received:02X}h, expected {expected:02X}h)"
            )?,
            PecVerdict::Extra(n) => write!(f, "  ({n} bytes more than the command carries)")?,
            PecVerdict::Matches => {
                f.write_str("  PEC ok (device-defined length: last byte taken as PEC)")?
            }
            PecVerdict::Unmatched(received) => write!(
                f,
                "  PEC BAD ({received:02X}h is the PEC of neither a read nor a write)"
            )?,
        }
        if let Some(index) = self.raw.nacked_write_byte() {
            write!(
                f,
                "  device NACKed written byte {}",
                index.saturating_add(1)
            )?;
            if let Some(b) = self.raw.written().get(index) {
                write!(f, " ({b:02X}h)")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// Every LINEAR11-or-DIRECT command mapped to a quantity has that quantity's unit in the
    /// command table (`READ_VOUT` is mapped too, but goes through `VOUT_MODE`).
    #[test]
    fn mapped_commands_share_the_unit() {
        for code in 0..=u8::MAX {
            let command = CommandCode(code);
            if command == CommandCode::READ_VOUT {
                continue;
            }
            if let Some((quantities, _)) = quantities_of(command) {
                assert_eq!(
                    command.info().format,
                    DataFormat::Linear11OrDirect,
                    "{command}"
                );
                for q in quantities {
                    assert_eq!(command.info().unit, q.unit(), "{command} {q:?}");
                }
            }
        }
    }

    #[test]
    fn vout_mode_pages() {
        let mut s = DeviceState::new(0x40);
        assert!(matches!(s.vout_mode(0), VoutLookup::NotSeen));
        assert!(s.set_vout_mode(31, VoutMode::from_raw(0x17)));
        assert!(matches!(s.vout_mode(31), VoutLookup::Known(m) if m.raw() == 0x17));
        assert!(!s.set_vout_mode(32, VoutMode::from_raw(0x17)));
        assert!(matches!(s.vout_mode(32), VoutLookup::NotCached));
        assert!(matches!(s.vout_mode(0xFF), VoutLookup::NotCached));
    }
}
