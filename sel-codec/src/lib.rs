//! # sel-codec
//!
//! IPMI System Event Log records (IPMI 2.0 chapter 32) and the code tables of chapters 42
//! and 43, for BMC firmware that writes records and host tools that read them. `no_std`,
//! no allocator, no `unsafe`, no panics on any input.
//!
//! - [`SelRecord`]: the 16-byte record as an owned `Copy` value; [`SelRecord::from_bytes`]
//!   and [`SelRecord::to_bytes`] are lossless for every one of the 2^128 inputs.
//! - [`SelRecordRef`]: a zero-copy view that reads fields in place, and [`records`], an
//!   iterator over a raw SEL dump that reports a trailing partial record with its offset.
//! - [`tables`]: sensor types, generic and sensor-specific event offsets (with the rows
//!   chosen by event data 2), unit names, and a severity per row.
//! - [`builders`]: ACPI power state (through `acpi-state`), boot/restart with cause,
//!   threshold crossings, power-supply faults, OEM records.
//! - [`text`]: allocation-free `Display` formatters: [`IpmitoolList`] prints exactly what
//!   `ipmitool sel list` prints (checked against ipmitool 1.8.19 on thousands of generated
//!   records in CI), [`text::Elist`] adds sensor names and readings, [`IpmitoolVerbose`] the
//!   field-by-field form, and with the `serde` feature [`text::JsonEntry`] a Redfish
//!   LogEntry-like JSON object.
//!
//! ```
//! use sel_codec::records;
//!
//! // Two records as `ipmitool sel writeraw` saves them.
//! let dump = [
//!     0x4d, 0x00, 0x02, 0x0d, 0x2b, 0x00, 0x00, 0x20, 0x00, 0x04, 0x22, 0x01, 0x6f, 0x05, 0xff, 0xff,
//!     0x4e, 0x00, 0x02, 0x0e, 0x2b, 0x00, 0x00, 0x20, 0x00, 0x04, 0x22, 0x01, 0x6f, 0x00, 0xff, 0xff,
//! ];
//! let mut lines = Vec::new();
//! for record in records(&dump) {
//!     lines.push(record.expect("whole records").ipmitool_list().to_string());
//! }
//! assert_eq!(lines, [
//!     "  4d |  Pre-Init  |0000011021| System ACPI Power State #0x01 | S5/G2: soft-off | Asserted",
//!     "  4e |  Pre-Init  |0000011022| System ACPI Power State #0x01 | S0/G0: working | Asserted",
//! ]);
//! ```
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for the record types, and
//!   [`text::JsonEntry`].
//! - `defmt`: `defmt::Format` for the record types.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod builders;
pub mod error;
mod record;
pub mod tables;
pub mod text;
mod view;

pub use builders::{BootCause, PsuConfigError, PsuEvent, Threshold};
pub use error::{FieldRangeError, LengthError, RecordTypeError, TruncatedRecord};
pub use record::{
    DataUsage, EVM_REVISION, EventClass, EventData, EventDirection, EventType, Generator,
    GeneratorId, ManufacturerId, OemNonTimestamped, OemNonTimestampedType, OemTimestamped,
    OemTimestampedType, RECORD_LEN, RecordBody, ReservedRecord, ReservedType, SYSTEM_EVENT_RECORD,
    SelRecord, SystemEvent, Timestamp,
};
pub use tables::SensorType;
pub use text::{IpmitoolList, IpmitoolVerbose};
pub use view::{RecordKind, Records, SelRecordRef, records};

macro_rules! formatters {
    ($ty:ty, $bytes:expr) => {
        impl $ty {
            /// The `ipmitool sel list` line (see [`IpmitoolList`]).
            pub fn ipmitool_list(&self) -> IpmitoolList {
                IpmitoolList::new($bytes(self))
            }

            /// The `ipmitool -v sel list` block (see [`IpmitoolVerbose`]).
            pub fn ipmitool_verbose(&self) -> IpmitoolVerbose {
                IpmitoolVerbose::new($bytes(self))
            }

            /// The `ipmitool sel elist` line, with sensors from `sensors` (see [`text::Elist`]).
            pub fn elist<S: text::SensorLookup>(&self, sensors: S) -> text::Elist<S> {
                text::Elist::new($bytes(self), sensors)
            }

            /// The JSON form (see [`text::JsonEntry`]).
            #[cfg(feature = "serde")]
            pub fn json(&self) -> text::JsonEntry {
                text::JsonEntry::new($bytes(self))
            }
        }
    };
}

formatters!(SelRecord, |r: &SelRecord| r.to_bytes());
formatters!(SelRecordRef<'_>, |r: &SelRecordRef<'_>| *r.as_bytes());
