//! The text `ipmitool fru print <id>` (ipmitool 1.8.19, `lib/ipmi_fru.c`) shows for an image,
//! with `TZ=UTC` and the C locale.

use core::fmt::{self, Write as _};

use super::FruImage;
use super::area::CustomFields;
use super::field::{Field, TypeCode};
use super::multirecord::{DcLoad, DcOutput, MultiRecordData, PowerSupplyInformation};

/// ipmitool's text of a field, and whether it prints it (it skips empty strings). It ignores
/// the language: type 11b is bytes up to the first 00h, shown here as ISO 8859-1 characters
/// (ipmitool writes the raw bytes).
struct IpmitoolField<'a>(Field<'a>);

impl IpmitoolField<'_> {
    fn is_printed(&self) -> bool {
        let data = self.0.data();
        match self.0.type_length().type_code() {
            TypeCode::LanguageText => data.first().is_some_and(|&b| b != 0),
            _ => !data.is_empty(),
        }
    }
}

impl fmt::Display for IpmitoolField<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        // ipmitool's BCD plus table: it shows the reserved digits Dh-Fh as ':', ',', '_'.
        const BCD: &[u8; 16] = b"0123456789 -.:,_";
        let data = self.0.data();
        let nibble = |table: &[u8; 16], n: u8| {
            char::from(table.get(usize::from(n & 0x0F)).copied().unwrap_or(b'?'))
        };
        match self.0.type_length().type_code() {
            TypeCode::Binary | TypeCode::BcdPlus => {
                let table = if self.0.type_length().type_code() == TypeCode::Binary {
                    HEX
                } else {
                    BCD
                };
                for &b in data {
                    f.write_char(nibble(table, b >> 4))?;
                    f.write_char(nibble(table, b))?;
                }
            }
            TypeCode::SixBitAscii => {
                // Four characters per group of up to three bytes, missing bytes read as 00h.
                for group in data.chunks(3) {
                    let mut bytes = [0u8; 4];
                    for (slot, b) in bytes.iter_mut().zip(group) {
                        *slot = *b;
                    }
                    let mut bits = u32::from_le_bytes(bytes);
                    for _ in 0..4 {
                        // 0..=63 plus 20h.
                        f.write_char(char::from((bits & 0x3F) as u8 + 0x20))?;
                        bits >>= 6;
                    }
                }
            }
            TypeCode::LanguageText => {
                for &b in data.iter().take_while(|&&b| b != 0) {
                    f.write_char(char::from(b))?;
                }
            }
        }
        Ok(())
    }
}

/// `ipmitool fru print <id>` output for an image: chassis, board and product areas, and with
/// `verbose` (`ipmitool -v`) the FRU file IDs and the multirecord area.
///
/// Areas are read with this crate's checks; an area that fails them is shown as one line
/// ` <area>: <error>` where ipmitool would print whatever its bytes give. Known differences
/// on valid images: an OEM record C0h prints its manufacturer ID as a number (ipmitool looks
/// it up in the IANA registry and decodes PICMG records), and a combined-wattage voltage code
/// above 3 prints `?` (ipmitool reads past its table).
///
/// ```
/// use ipmi_proto::fru::{BoardInfo, FieldValue, FruImage, FruImageBuilder, IpmitoolFruPrint};
///
/// let builder = FruImageBuilder {
///     board: Some(BoardInfo {
///         manufacturer: FieldValue::Text("ACME"),
///         ..BoardInfo::default()
///     }),
///     ..FruImageBuilder::default()
/// };
/// let mut buf = [0u8; 64];
/// let len = builder.emit(&mut buf).unwrap();
/// let image = FruImage::new(&buf[..len]).unwrap();
/// assert_eq!(
///     IpmitoolFruPrint::new(image, false).to_string(),
///     " Board Mfg Date        : Unspecified\n Board Mfg             : ACME\n",
/// );
/// ```
#[derive(Clone, Copy, Debug)]
pub struct IpmitoolFruPrint<'a> {
    image: FruImage<'a>,
    verbose: bool,
}

impl<'a> IpmitoolFruPrint<'a> {
    /// The printer for an image; `verbose` as `ipmitool -v`.
    pub const fn new(image: FruImage<'a>, verbose: bool) -> Self {
        Self { image, verbose }
    }
}

fn line(f: &mut fmt::Formatter<'_>, label: &str, field: Field<'_>) -> fmt::Result {
    let field = IpmitoolField(field);
    if field.is_printed() {
        writeln!(f, " {label:<22}: {field}")?;
    }
    Ok(())
}

fn extras(f: &mut fmt::Formatter<'_>, label: &str, fields: CustomFields<'_>) -> fmt::Result {
    for field in fields {
        line(f, label, field)?;
    }
    Ok(())
}

/// A signed or unsigned value in hundredths or thousandths, as C's `%.2f`/`%.3f` of
/// `value / 100.0` or `value / 1000.0` prints it.
struct Fixed(i32, u32);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self(value, digits) = *self;
        let scale = 10u32.pow(digits);
        let sign = if value < 0 { "-" } else { "" };
        let abs = value.unsigned_abs();
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / scale,
            abs % scale,
            width = digits as usize
        )
    }
}

fn power_supply(f: &mut fmt::Formatter<'_>, p: &PowerSupplyInformation) -> fmt::Result {
    use super::multirecord::PowerSupplyFlags as F;
    const VOLTS: [&str; 4] = ["12 V", "-12 V", "5 V", "3.3 V"];
    let flag = |mask: u8| p.flags.contains(mask);
    writeln!(f, " Power Supply Record")?;
    writeln!(f, "  Capacity                   : {} W", p.overall_capacity)?;
    writeln!(f, "  Peak VA                    : {} VA", p.peak_va)?;
    writeln!(f, "  Inrush Current             : {} A", p.inrush_current)?;
    writeln!(f, "  Inrush Interval            : {} ms", p.inrush_interval)?;
    writeln!(
        f,
        "  Input Voltage Range 1      : {}-{} V",
        p.low_input_voltage_1 / 100,
        p.high_input_voltage_1 / 100
    )?;
    writeln!(
        f,
        "  Input Voltage Range 2      : {}-{} V",
        p.low_input_voltage_2 / 100,
        p.high_input_voltage_2 / 100
    )?;
    writeln!(
        f,
        "  Input Frequency Range      : {}-{} Hz",
        p.low_input_frequency, p.high_input_frequency
    )?;
    writeln!(
        f,
        "  A/C Dropout Tolerance      : {} ms",
        p.input_dropout_tolerance
    )?;
    let predictive = flag(F::PREDICTIVE_FAIL_SUPPORT);
    let tach = flag(F::TACH_PULSES_PREDICTIVE_FAIL_POLARITY);
    let pin = match (
        predictive,
        p.predictive_fail_tach_lower_threshold != 0,
        tach,
    ) {
        (false, _, _) => "",
        (true, true, true) => "'Two pulses per rotation'",
        (true, true, false) => "'One pulse per rotation'",
        (true, false, true) => "'Failure on pin de-assertion'",
        (true, false, false) => "'Failure on pin assertion'",
    };
    let named = |mask: u8, text: &'static str| if flag(mask) { text } else { "" };
    writeln!(
        f,
        "  Flags                      : {}{}{}{}{}",
        named(F::PREDICTIVE_FAIL_SUPPORT, "'Predictive fail' "),
        named(F::POWER_FACTOR_CORRECTION, "'Power factor correction' "),
        named(F::AUTOSWITCH, "'Autoswitch voltage' "),
        named(F::HOT_SWAP, "'Hot swap' "),
        pin
    )?;
    writeln!(f, "  Peak capacity              : {} W", p.peak_wattage)?;
    writeln!(f, "  Peak capacity holdup       : {} s", p.hold_up_time)?;
    if p.total_combined_wattage == 0 {
        writeln!(f, "  Combined capacity          : not specified")?;
    } else {
        let volts = |v: u8| VOLTS.get(usize::from(v)).copied().unwrap_or("?");
        writeln!(
            f,
            "  Combined capacity          : {} W ({} and {})",
            p.total_combined_wattage,
            volts(p.combined_voltage_1),
            volts(p.combined_voltage_2)
        )?;
    }
    if predictive {
        writeln!(
            f,
            "  Fan lower threshold        : {} RPS",
            p.predictive_fail_tach_lower_threshold
        )?;
    }
    Ok(())
}

fn dc_output(f: &mut fmt::Formatter<'_>, d: &DcOutput) -> fmt::Result {
    writeln!(f, " DC Output Record")?;
    writeln!(f, "  Output Number              : {}", d.output_number)?;
    writeln!(
        f,
        "  Standby power              : {}",
        if d.standby { "Yes" } else { "No" }
    )?;
    writeln!(
        f,
        "  Nominal voltage            : {} V",
        Fixed(d.nominal_voltage.into(), 2)
    )?;
    writeln!(
        f,
        "  Max negative deviation     : {} V",
        Fixed(d.max_negative_deviation.into(), 2)
    )?;
    writeln!(
        f,
        "  Max positive deviation     : {} V",
        Fixed(d.max_positive_deviation.into(), 2)
    )?;
    writeln!(
        f,
        "  Ripple and noise pk-pk     : {} mV",
        d.ripple_and_noise
    )?;
    writeln!(
        f,
        "  Minimum current draw       : {} A",
        Fixed(d.min_current_draw.into(), 3)
    )?;
    writeln!(
        f,
        "  Maximum current draw       : {} A",
        Fixed(d.max_current_draw.into(), 3)
    )
}

fn dc_load(f: &mut fmt::Formatter<'_>, d: &DcLoad) -> fmt::Result {
    writeln!(f, " DC Load Record")?;
    writeln!(f, "  Output Number              : {}", d.output_number)?;
    writeln!(
        f,
        "  Nominal voltage            : {} V",
        Fixed(d.nominal_voltage.into(), 2)
    )?;
    writeln!(
        f,
        "  Min voltage allowed        : {} V",
        Fixed(d.min_voltage.into(), 2)
    )?;
    writeln!(
        f,
        "  Max voltage allowed        : {} V",
        Fixed(d.max_voltage.into(), 2)
    )?;
    writeln!(
        f,
        "  Ripple and noise pk-pk     : {} mV",
        d.ripple_and_noise
    )?;
    writeln!(
        f,
        "  Minimum current load       : {} A",
        Fixed(d.min_current_load.into(), 3)
    )?;
    writeln!(
        f,
        "  Maximum current load       : {} A",
        Fixed(d.max_current_load.into(), 3)
    )
}

impl fmt::Display for IpmitoolFruPrint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let image = &self.image;
        match image.chassis() {
            Ok(None) => {}
            Ok(Some(c)) => {
                writeln!(
                    f,
                    " Chassis Type          : {}",
                    c.chassis_type().ipmitool_name()
                )?;
                line(f, "Chassis Part Number", c.part_number())?;
                line(f, "Chassis Serial", c.serial_number())?;
                extras(f, "Chassis Extra", c.custom_fields())?;
            }
            Err(e) => writeln!(f, " Chassis: {e}")?,
        }
        match image.board() {
            Ok(None) => {}
            Ok(Some(b)) => {
                writeln!(
                    f,
                    " Board Mfg Date        : {}",
                    b.mfg_date_time().ipmitool()
                )?;
                line(f, "Board Mfg", b.manufacturer())?;
                line(f, "Board Product", b.product_name())?;
                line(f, "Board Serial", b.serial_number())?;
                line(f, "Board Part Number", b.part_number())?;
                if self.verbose {
                    line(f, "Board FRU ID", b.fru_file_id())?;
                }
                extras(f, "Board Extra", b.custom_fields())?;
            }
            Err(e) => writeln!(f, " Board: {e}")?,
        }
        match image.product() {
            Ok(None) => {}
            Ok(Some(p)) => {
                line(f, "Product Manufacturer", p.manufacturer())?;
                line(f, "Product Name", p.product_name())?;
                line(f, "Product Part Number", p.part_number())?;
                line(f, "Product Version", p.version())?;
                line(f, "Product Serial", p.serial_number())?;
                line(f, "Product Asset Tag", p.asset_tag())?;
                if self.verbose {
                    line(f, "Product FRU ID", p.fru_file_id())?;
                }
                extras(f, "Product Extra", p.custom_fields())?;
            }
            Err(e) => writeln!(f, " Product: {e}")?,
        }
        if !self.verbose {
            return Ok(());
        }
        for record in image.multi_records().into_iter().flatten() {
            let decoded = record.and_then(|r| r.decode());
            match decoded {
                Ok(MultiRecordData::PowerSupplyInformation(p)) => power_supply(f, &p)?,
                Ok(MultiRecordData::DcOutput(d)) => dc_output(f, &d)?,
                Ok(MultiRecordData::DcLoad(d)) => dc_load(f, &d)?,
                Ok(MultiRecordData::Raw {
                    record_type: 0xC0,
                    data,
                }) => {
                    let id = match *data {
                        [a, b, c, ..] => u32::from_le_bytes([a, b, c, 0]),
                        _ => 0,
                    };
                    writeln!(f, "  OEM (manufacturer ID {id}) Record")?;
                }
                Ok(MultiRecordData::Raw { .. }) => {}
                Err(e) => writeln!(f, " Multirecord: {e}")?,
            }
        }
        Ok(())
    }
}
