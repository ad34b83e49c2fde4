//! The `ipmitool sel list` line.

use core::fmt::{self, Write};

use super::{
    Date, LINUX_PANIC_RECORD, Time, WriteText, buffered, dec_zero, hex, hex2, hex4_right,
    panic_text,
};
use crate::record::{RECORD_LEN, Timestamp};
use crate::tables::{SensorType, describe};
use crate::view::SelRecordRef;

/// One record as ipmitool 1.8.19 prints it in `sel list` (and `sel readraw`), without the
/// trailing newline. Byte-exact with `LC_ALL=C TZ=UTC ipmitool sel readraw FILE` when the
/// BMC is not one of the vendors ipmitool has OEM decoders for.
///
/// The layout, from ipmitool's behaviour:
/// - `%4x | ` record ID;
/// - type F0h: `Linux kernel panic: ` and up to 11 bytes of text, nothing else;
/// - types below E0h: `mm/dd/yy | hh:mm:ss UTC | `, or ` Pre-Init  |%010d| ` for
///   timestamps below 20000000h;
/// - OEM types: `OEM record %02x | ` then, for C0h–DFh, the three manufacturer ID bytes in
///   record order and ` | `, then the OEM bytes in hex;
/// - other types: sensor type name, ` #0x%02x` sensor number unless it is 0, ` | `, the
///   event description (possibly empty), ` | Asserted` or ` | Deasserted`, and for memory
///   sensor 0 with event data 3 marked OEM, ` | CPU n DIMM m`.
///
/// ```
/// use sel_codec::SelRecordRef;
///
/// let raw = [0x4f, 0x00, 0x02, 0x9f, 0x2b, 0x00, 0x00, 0x20, 0x00, 0x04,
///            0x1d, 0x02, 0x6f, 0x07, 0xff, 0xff];
/// let line = SelRecordRef::from_array(&raw).ipmitool_list().to_string();
/// assert_eq!(line, "  4f |  Pre-Init  |0000011167| System Boot Initiated #0x02 | System Restart | Asserted");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpmitoolList {
    raw: [u8; RECORD_LEN],
}

impl IpmitoolList {
    /// The formatter for 16 record bytes.
    pub const fn new(raw: [u8; RECORD_LEN]) -> Self {
        Self { raw }
    }
}

impl fmt::Display for IpmitoolList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        buffered(f, self)
    }
}

impl WriteText for IpmitoolList {
    fn write_text<W: Write + ?Sized>(&self, w: &mut W) -> fmt::Result {
        let v = SelRecordRef::from_array(&self.raw);
        hex4_right(v.id()).write_to(w)?;
        w.write_str(" | ")?;
        write_after_id(w, &v, None)
    }
}

/// Everything after the record ID. `sensor_label`, when given, replaces ` #0x%02x` with
/// ` NAME` (the `elist` form).
pub(crate) fn write_after_id<W: Write + ?Sized>(
    f: &mut W,
    v: &SelRecordRef<'_>,
    sensor_label: Option<&str>,
) -> fmt::Result {
    let raw = v.as_bytes();
    let rt = v.record_type();
    if rt == LINUX_PANIC_RECORD {
        f.write_str("Linux kernel panic: ")?;
        return panic_text(f, raw);
    }
    if rt < 0xE0 {
        let ts = Timestamp(u32::from_le_bytes([raw[3], raw[4], raw[5], raw[6]]));
        if ts.is_pre_init() {
            f.write_str(" Pre-Init  |")?;
            dec_zero(ts.0, 10).write_to(f)?;
            f.write_str("| ")?;
        } else {
            Date(ts).write_to(f)?;
            f.write_str(" | ")?;
            Time(ts).write_to(f)?;
            f.write_str(" | ")?;
        }
    }
    if rt >= 0xC0 {
        f.write_str("OEM record ")?;
        hex2(rt).write_to(f)?;
        f.write_str(" | ")?;
        return if rt <= 0xDF {
            hex(f, raw.get(7..10).unwrap_or_default())?;
            f.write_str(" | ")?;
            hex(f, raw.get(10..).unwrap_or_default())
        } else {
            hex(f, raw.get(3..).unwrap_or_default())
        };
    }
    let st = v.sensor_type();
    f.write_str(st.ipmitool_name())?;
    match sensor_label {
        Some(name) => {
            f.write_char(' ')?;
            f.write_str(name)?;
        }
        None if v.sensor_number() != 0 => {
            f.write_str(" #0x")?;
            hex2(v.sensor_number()).write_to(f)?;
        }
        None => {}
    }
    f.write_str(" | ")?;
    if let Some(row) = describe(v.event_type(), st, v.event_data()) {
        f.write_str(row.text)?;
    }
    f.write_str(" | ")?;
    f.write_str(v.direction().ipmitool_text())?;
    write_memory_location(f, v)
}

/// ipmitool's memory ECC breakdown: sensor-specific memory events (type 0Ch) from sensor
/// number 0 whose event data 3 is marked OEM get ` | CPU n DIMM m` from its two nibbles.
fn write_memory_location<W: Write + ?Sized>(f: &mut W, v: &SelRecordRef<'_>) -> fmt::Result {
    let ed = v.event_data();
    if v.event_type().code() == 0x6F
        && v.sensor_type() == SensorType::MEMORY
        && v.sensor_number() == 0
        && ed.0[0] & 0x30 == 0x20
    {
        write!(f, " | CPU {} DIMM {}", ed.0[2] & 0x0F, ed.0[2] >> 4)?;
    }
    Ok(())
}
