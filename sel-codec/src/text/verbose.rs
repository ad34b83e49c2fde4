//! The field-by-field form of `ipmitool -v sel list` / `sel get`.

use core::fmt::{self, Write};

use super::{Date, LINUX_PANIC_RECORD, Time, civil, hex, panic_text};
use crate::record::{RECORD_LEN, Timestamp};
use crate::tables::describe;
use crate::view::SelRecordRef;

/// One record as a block of `Label : value` lines, the form ipmitool 1.8.19 prints with
/// `-v` (`ipmitool -v sel readraw FILE`). The block ends with an empty line, as ipmitool's
/// does, so `print!` (not `println!`) reproduces ipmitool's output.
///
/// It is byte-exact with ipmitool except for one line on purpose: ipmitool prints the
/// `Timestamp` line as the date twice (`07/04/20 07/04/20`, a shared static buffer in
/// ipmitool), where this prints date and time (`07/04/20 04:05:20 UTC`). Labels are kept
/// exactly, including ipmitool's `Manufactacturer ID`, so that existing scripts still match.
///
/// ```
/// use sel_codec::SelRecordRef;
///
/// let raw = [0x4e, 0x00, 0x02, 0x00, 0x00, 0x00, 0x5f, 0x20, 0x00, 0x04,
///            0x22, 0x00, 0xef, 0x00, 0xff, 0xff];
/// let text = SelRecordRef::from_array(&raw).ipmitool_verbose().to_string();
/// assert!(text.starts_with("SEL Record ID          : 004e\n Record Type           : 02\n"));
/// assert!(text.contains(" Timestamp             : 07/04/20 04:05:20 UTC\n"));
/// assert!(text.ends_with(" Description           : S0/G0: working\n\n"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpmitoolVerbose {
    raw: [u8; RECORD_LEN],
}

impl IpmitoolVerbose {
    /// The formatter for 16 record bytes.
    pub const fn new(raw: [u8; RECORD_LEN]) -> Self {
        Self { raw }
    }
}

/// The date column of the verbose form: `S+ yy/ddd` (years and days since controller
/// start, from `gmtime`) for pre-init timestamps, else as in the list form.
struct VerboseDate(Timestamp);

impl fmt::Display for VerboseDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_pre_init() {
            let c = civil(self.0.0);
            write!(f, "S+ {:02}/{:03}", c.year % 100, c.yday)
        } else {
            Date(self.0).fmt(f)
        }
    }
}

/// ipmitool's `[...]` rendering of OEM bytes: 40h–7Eh as themselves, everything else `.`.
fn oem_ascii(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|&b| {
        f.write_char(if (0x40..=0x7E).contains(&b) {
            char::from(b)
        } else {
            '.'
        })
    })
}

impl fmt::Display for IpmitoolVerbose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let raw = &self.raw;
        let v = SelRecordRef::from_array(raw);
        let rt = v.record_type();
        writeln!(f, "SEL Record ID          : {:04x}", v.id())?;
        if rt == LINUX_PANIC_RECORD {
            writeln!(
                f,
                " Record Type           : Linux kernel panic (OEM record {rt:02x})"
            )?;
            f.write_str(" Panic string          : ")?;
            panic_text(f, raw)?;
            return f.write_str("\n\n");
        }
        write!(f, " Record Type           : {rt:02x}")?;
        match rt {
            0xC0..=0xDF => f.write_str("  (OEM timestamped)")?,
            0xE0..=0xFF => f.write_str("  (OEM non-timestamped)")?,
            _ => {}
        }
        f.write_char('\n')?;
        if let Some(ts) = v.timestamp() {
            writeln!(
                f,
                " Timestamp             : {} {}",
                VerboseDate(ts),
                Time(ts)
            )?;
        }
        if rt >= 0xC0 {
            let oem = if rt <= 0xDF {
                f.write_str(" Manufactacturer ID    : ")?;
                hex(f, raw.get(7..10).unwrap_or_default())?;
                f.write_char('\n')?;
                raw.get(10..).unwrap_or_default()
            } else {
                raw.get(3..).unwrap_or_default()
            };
            f.write_str(" OEM Defined           : ")?;
            hex(f, oem)?;
            f.write_str(" [")?;
            oem_ascii(f, oem)?;
            return f.write_str("]\n\n");
        }
        let ed = v.event_data();
        writeln!(f, " Generator ID          : {:04x}", v.generator().0)?;
        writeln!(f, " EvM Revision          : {:02x}", v.evm_revision())?;
        writeln!(
            f,
            " Sensor Type           : {}",
            v.sensor_type().ipmitool_name()
        )?;
        writeln!(f, " Sensor Number         : {:02x}", v.sensor_number())?;
        writeln!(
            f,
            " Event Type            : {}",
            v.event_type().ipmitool_class_text()
        )?;
        writeln!(
            f,
            " Event Direction       : {}",
            match v.direction() {
                crate::EventDirection::Assertion => "Assertion Event",
                crate::EventDirection::Deassertion => "Deassertion Event",
            }
        )?;
        f.write_str(" Event Data            : ")?;
        hex(f, &ed.0)?;
        f.write_str("\n Description           : ")?;
        if let Some(row) = describe(v.event_type(), v.sensor_type(), ed) {
            f.write_str(row.text)?;
        }
        f.write_str("\n\n")
    }
}
