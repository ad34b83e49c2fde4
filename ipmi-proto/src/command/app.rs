//! Application commands (NetFn App 06h/07h): IPMI 2.0 §20 (IPM device "global" commands) and
//! §22.13 (Get Channel Authentication Capabilities).
//!
//! Conventions of this module and of [`super::chassis`]:
//! - Bytes whose bits pack several fields are small `Copy` newtypes over the raw byte
//!   (`DeviceSupport(pub u8)`) with one accessor per field, so every byte value is representable
//!   and reserved bits travel unchanged: `emit(parse(b)) == b` for every accepted `b`.
//! - In a *request*, reserved bits must be zero and a value the specification reserves is
//!   refused with [`CommandError::InvalidField`] (a responder answers CCh). In a *response*,
//!   reserved bits and unknown codes are kept (escape variants), so that a requester sees what
//!   the device sent.
//!
//! ```
//! use ipmi_proto::command::app::{DeviceIdResponse, GetDeviceId};
//! use ipmi_proto::command::{Command, Message, Privilege};
//!
//! assert_eq!(GetDeviceId::PRIVILEGE, Privilege::User);
//! // Device 20h rev 1 with SDRs, firmware 1.23, IPMI 2.0, IANA 7154, product 0102h.
//! let data = [0x20, 0x81, 0x01, 0x23, 0x02, 0xBF, 0xF2, 0x1B, 0x00, 0x02, 0x01];
//! let id = DeviceIdResponse::parse(&data)?;
//! assert!(id.device_revision.provides_device_sdrs());
//! assert_eq!(id.firmware_revision_1.major(), 1);
//! assert_eq!(id.firmware_minor(), Some(23));
//! assert_eq!(id.ipmi_version_parts(), (2, 0));
//! assert_eq!(id.manufacturer_id.iana(), 7154);
//! assert_eq!(id.product_id, 0x0102);
//! let mut out = [0u8; 15];
//! assert_eq!(id.emit(&mut out), Ok(11));
//! assert_eq!(&out[..11], &data);
//! # Ok::<(), ipmi_proto::command::CommandError>(())
//! ```

use acpi_state::ipmi::{DeviceCode, GetAcpiPowerStateResponse, SetAcpiPowerState, SystemCode};

use super::{
    BufferTooSmall, Command, CommandError, Empty, Message, Privilege, check_len, out_prefix,
};
pub use crate::message::ChannelNumber;
use crate::message::{Cmd, NetFn, RangeError};

/// Reads exactly `N` bytes of data (C7h-style errors otherwise).
pub(crate) fn fixed<const N: usize>(data: &[u8]) -> Result<[u8; N], CommandError> {
    check_len(data, N, N)?;
    <[u8; N]>::try_from(data).map_err(|_| CommandError::Truncated {
        needed: N,
        actual: data.len(),
    })
}

/// Writes `bytes` to the start of `out`, or nothing if it does not fit.
pub(crate) fn put(out: &mut [u8], bytes: &[u8]) -> Result<usize, BufferTooSmall> {
    let dst = out_prefix(out, bytes.len())?;
    dst.copy_from_slice(bytes);
    Ok(bytes.len())
}

/// Refuses a request byte whose bits outside `allowed` are set.
pub(crate) const fn reserved_zero(
    byte: u8,
    allowed: u8,
    offset: usize,
) -> Result<(), CommandError> {
    if byte & !allowed == 0 {
        Ok(())
    } else {
        Err(CommandError::InvalidField {
            offset,
            value: byte,
        })
    }
}

const fn bit(byte: u8, n: u32) -> bool {
    byte & (1 << n) != 0
}

// ---------------------------------------------------------------------------------------------
// Get Device ID, IPMI 2.0 §20.1 Table 20-1.

command!(
    /// Get Device ID (App 01h), IPMI 2.0 §20.1; privilege User (Appendix G). Request: none;
    /// response: [`DeviceIdResponse`].
    GetDeviceId,
    NetFn::APP,
    0x01,
    User,
    Empty,
    DeviceIdResponse
);

/// Get Device ID response byte 3: device revision (IPMI 2.0 Table 20-1). Bit 7: the device
/// provides device SDRs; bits 6:4 reserved (kept); bits 3:0 the revision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DeviceRevision(pub u8);

impl DeviceRevision {
    /// Builds the byte (reserved bits clear).
    ///
    /// # Errors
    ///
    /// [`RangeError`] if `revision` exceeds 0Fh.
    pub const fn new(provides_device_sdrs: bool, revision: u8) -> Result<Self, RangeError> {
        if revision > 0x0F {
            return Err(RangeError {
                field: "device revision",
                value: revision,
                max: 0x0F,
            });
        }
        Ok(Self(((provides_device_sdrs as u8) << 7) | revision))
    }
    /// Bit 7: the device provides device SDRs (Get Device SDR, §35).
    pub const fn provides_device_sdrs(self) -> bool {
        bit(self.0, 7)
    }
    /// Bits 3:0: the device revision, binary.
    pub const fn revision(self) -> u8 {
        self.0 & 0x0F
    }
}

/// Get Device ID response byte 4: firmware revision 1 (IPMI 2.0 Table 20-1). Bit 7: device
/// available flag; bits 6:0 the major firmware revision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FirmwareRevision1(pub u8);

impl FirmwareRevision1 {
    /// Builds the byte.
    ///
    /// # Errors
    ///
    /// [`RangeError`] if `major` exceeds 7Fh.
    pub const fn new(update_in_progress: bool, major: u8) -> Result<Self, RangeError> {
        if major > 0x7F {
            return Err(RangeError {
                field: "major firmware revision",
                value: major,
                max: 0x7F,
            });
        }
        Ok(Self(((update_in_progress as u8) << 7) | major))
    }
    /// Bit 7 set: device firmware, SDR repository update or self-initialisation in progress
    /// (clear: normal operation).
    pub const fn update_in_progress(self) -> bool {
        bit(self.0, 7)
    }
    /// Bits 6:0: major firmware revision, binary.
    pub const fn major(self) -> u8 {
        self.0 & 0x7F
    }
}

/// Get Device ID response byte 7: additional device support (IPMI 2.0 Table 20-1), one flag a
/// bit. Every bit is defined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DeviceSupport(pub u8);

impl DeviceSupport {
    /// Bit 7: chassis device (the device functions as a chassis device per ICMB).
    pub const CHASSIS: u8 = 1 << 7;
    /// Bit 6: bridge (the device responds to bridge NetFn commands).
    pub const BRIDGE: u8 = 1 << 6;
    /// Bit 5: IPMB event generator.
    pub const IPMB_EVENT_GENERATOR: u8 = 1 << 5;
    /// Bit 4: IPMB event receiver.
    pub const IPMB_EVENT_RECEIVER: u8 = 1 << 4;
    /// Bit 3: FRU inventory device.
    pub const FRU_INVENTORY: u8 = 1 << 3;
    /// Bit 2: SEL device.
    pub const SEL: u8 = 1 << 2;
    /// Bit 1: SDR repository device.
    pub const SDR_REPOSITORY: u8 = 1 << 1;
    /// Bit 0: sensor device.
    pub const SENSOR: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// A manufacturer ID: the 20-bit IANA private enterprise number sent least significant byte
/// first in 3 bytes; bits 7:4 of the third byte are reserved (IPMI 2.0 Table 20-1). The raw
/// bytes are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ManufacturerId(pub [u8; 3]);

impl ManufacturerId {
    /// The largest 20-bit number.
    pub const MAX: u32 = 0xF_FFFF;

    /// The ID for an IANA number, or `None` above [`Self::MAX`].
    pub const fn new(iana: u32) -> Option<Self> {
        if iana > Self::MAX {
            return None;
        }
        let [a, b, c, _] = iana.to_le_bytes();
        Some(Self([a, b, c]))
    }
    /// The 20-bit IANA number (reserved bits dropped).
    pub const fn iana(self) -> u32 {
        let [a, b, c] = self.0;
        u32::from_le_bytes([a, b, c & 0x0F, 0])
    }
    /// Bits 7:4 of the third byte, reserved (should be 0).
    pub const fn reserved_bits(self) -> u8 {
        self.0[2] >> 4
    }
}

/// Get Device ID response data (after the completion code), IPMI 2.0 §20.1 Table 20-1: 11
/// bytes, or 15 with the auxiliary firmware revision.
///
/// ```
/// use ipmi_proto::command::app::{DeviceIdResponse, DeviceRevision, DeviceSupport,
///     FirmwareRevision1, ManufacturerId};
/// use ipmi_proto::command::Message;
///
/// let id = DeviceIdResponse {
///     device_id: 0x20,
///     device_revision: DeviceRevision::new(true, 1).unwrap(),
///     firmware_revision_1: FirmwareRevision1::new(false, 2).unwrap(),
///     firmware_revision_2: 0x10,
///     ipmi_version: DeviceIdResponse::IPMI_2_0,
///     additional_device_support: DeviceSupport(DeviceSupport::SEL | DeviceSupport::SENSOR),
///     manufacturer_id: ManufacturerId::new(0x0002A2).unwrap(),
///     product_id: 0x1234,
///     aux_firmware_revision: Some([0, 0, 0, 1]),
/// };
/// let mut buf = [0u8; 15];
/// assert_eq!(id.emit(&mut buf), Ok(15));
/// assert_eq!(DeviceIdResponse::parse(&buf), Ok(id));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DeviceIdResponse {
    /// Byte 2: device ID (00h unspecified).
    pub device_id: u8,
    /// Byte 3: device revision and "provides device SDRs".
    pub device_revision: DeviceRevision,
    /// Byte 4: major firmware revision and the device-available flag.
    pub firmware_revision_1: FirmwareRevision1,
    /// Byte 5: minor firmware revision, BCD (kept raw; see [`Self::firmware_minor`]).
    pub firmware_revision_2: u8,
    /// Byte 6: IPMI version, BCD with the minor digit in bits 7:4: 51h is 1.5, 02h is 2.0.
    pub ipmi_version: u8,
    /// Byte 7: additional device support.
    pub additional_device_support: DeviceSupport,
    /// Bytes 8–10: manufacturer ID.
    pub manufacturer_id: ManufacturerId,
    /// Bytes 11–12: product ID, least significant byte first.
    pub product_id: u16,
    /// Bytes 13–16 (optional): auxiliary firmware revision, vendor-defined.
    pub aux_firmware_revision: Option<[u8; 4]>,
}

impl DeviceIdResponse {
    /// IPMI version byte for IPMI 1.5.
    pub const IPMI_1_5: u8 = 0x51;
    /// IPMI version byte for IPMI 2.0.
    pub const IPMI_2_0: u8 = 0x02;
    /// Data length without the auxiliary firmware revision.
    pub const SHORT_LEN: usize = 11;

    /// The minor firmware revision as a number 0–99, or `None` if the byte is not BCD.
    pub const fn firmware_minor(&self) -> Option<u8> {
        bcd(self.firmware_revision_2)
    }

    /// The IPMI version as (major, minor): bits 3:0 and bits 7:4 of the version byte.
    pub const fn ipmi_version_parts(&self) -> (u8, u8) {
        (self.ipmi_version & 0x0F, self.ipmi_version >> 4)
    }
}

const fn bcd(b: u8) -> Option<u8> {
    let (hi, lo) = (b >> 4, b & 0x0F);
    if hi > 9 || lo > 9 {
        None
    } else {
        Some(hi * 10 + lo)
    }
}

impl Message<'_> for DeviceIdResponse {
    const MIN_LEN: usize = Self::SHORT_LEN;
    const MAX_LEN: usize = Self::SHORT_LEN + 4;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        // One length decision, then fixed-size arrays: no per-field bounds checks.
        let (base, aux) = match data.split_first_chunk::<{ Self::SHORT_LEN }>() {
            Some((base, [])) => (base, None),
            Some((base, &[a, b, c, d])) => (base, Some([a, b, c, d])),
            Some(_) if data.len() > Self::MAX_LEN => {
                return Err(CommandError::TooLong {
                    max: Self::MAX_LEN,
                    actual: data.len(),
                });
            }
            // Too short, or an auxiliary firmware revision begun but not finished.
            Some(_) | None => {
                return Err(CommandError::Truncated {
                    needed: if data.len() < Self::SHORT_LEN {
                        Self::SHORT_LEN
                    } else {
                        Self::MAX_LEN
                    },
                    actual: data.len(),
                });
            }
        };
        let &[dev, rev, fw1, fw2, ver, sup, m0, m1, m2, p0, p1] = base;
        Ok(Self {
            device_id: dev,
            device_revision: DeviceRevision(rev),
            firmware_revision_1: FirmwareRevision1(fw1),
            firmware_revision_2: fw2,
            ipmi_version: ver,
            additional_device_support: DeviceSupport(sup),
            manufacturer_id: ManufacturerId([m0, m1, m2]),
            product_id: u16::from_le_bytes([p0, p1]),
            aux_firmware_revision: aux,
        })
    }

    fn buffer_len(&self) -> usize {
        if self.aux_firmware_revision.is_some() {
            Self::MAX_LEN
        } else {
            Self::SHORT_LEN
        }
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [m0, m1, m2] = self.manufacturer_id.0;
        let [p0, p1] = self.product_id.to_le_bytes();
        let [a, b, c, d] = self.aux_firmware_revision.unwrap_or_default();
        let bytes = [
            self.device_id,
            self.device_revision.0,
            self.firmware_revision_1.0,
            self.firmware_revision_2,
            self.ipmi_version,
            self.additional_device_support.0,
            m0,
            m1,
            m2,
            p0,
            p1,
            a,
            b,
            c,
            d,
        ];
        put(out, bytes.get(..self.buffer_len()).unwrap_or(&bytes))
    }
}

// ---------------------------------------------------------------------------------------------
// Cold Reset, Warm Reset, IPMI 2.0 §20.2, §20.3.

command!(
    /// Cold Reset (App 02h), IPMI 2.0 §20.2; privilege Administrator (Appendix G). No data
    /// either way; the response may never arrive.
    ColdReset,
    NetFn::APP,
    0x02,
    Administrator,
    Empty,
    Empty
);

command!(
    /// Warm Reset (App 03h), IPMI 2.0 §20.3; privilege Administrator (Appendix G). No data
    /// either way.
    WarmReset,
    NetFn::APP,
    0x03,
    Administrator,
    Empty,
    Empty
);

// ---------------------------------------------------------------------------------------------
// Get Self Test Results, IPMI 2.0 §20.4 Table 20-4.

command!(
    /// Get Self Test Results (App 04h), IPMI 2.0 §20.4; privilege User (Appendix G). Request:
    /// none; response: [`SelfTestResponse`].
    GetSelfTestResults,
    NetFn::APP,
    0x04,
    User,
    Empty,
    SelfTestResponse
);

/// The first response byte of Get Self Test Results (IPMI 2.0 Table 20-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum SelfTestResult {
    /// 55h: no error, all self tests passed.
    NoError,
    /// 56h: self test function not implemented in this controller.
    NotImplemented,
    /// 57h: corrupted or inaccessible data or devices; the second byte says which
    /// ([`SelfTestFailures`]).
    CorruptedOrInaccessible,
    /// 58h: fatal hardware error (system should consider the BMC inoperative); the second byte
    /// is device-specific.
    FatalHardwareError,
    /// Any other value: device-specific (FFh is reserved), kept as received. Built with 55h–58h
    /// it encodes that code, which decodes as the named variant.
    Other(u8),
}

impl SelfTestResult {
    /// Decodes the byte (total).
    pub const fn from_code(code: u8) -> Self {
        match code {
            0x55 => Self::NoError,
            0x56 => Self::NotImplemented,
            0x57 => Self::CorruptedOrInaccessible,
            0x58 => Self::FatalHardwareError,
            other => Self::Other(other),
        }
    }
    /// The byte.
    pub const fn code(self) -> u8 {
        match self {
            Self::NoError => 0x55,
            Self::NotImplemented => 0x56,
            Self::CorruptedOrInaccessible => 0x57,
            Self::FatalHardwareError => 0x58,
            Self::Other(c) => c,
        }
    }
}

/// The second response byte of Get Self Test Results after result 57h (IPMI 2.0 Table 20-4):
/// one failure a bit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SelfTestFailures(pub u8);

impl SelfTestFailures {
    /// Bit 7: cannot access SEL device.
    pub const SEL_INACCESSIBLE: u8 = 1 << 7;
    /// Bit 6: cannot access SDR repository.
    pub const SDR_REPOSITORY_INACCESSIBLE: u8 = 1 << 6;
    /// Bit 5: cannot access BMC FRU device.
    pub const BMC_FRU_INACCESSIBLE: u8 = 1 << 5;
    /// Bit 4: IPMB signal lines do not respond.
    pub const IPMB_NOT_RESPONDING: u8 = 1 << 4;
    /// Bit 3: SDR repository empty.
    pub const SDR_REPOSITORY_EMPTY: u8 = 1 << 3;
    /// Bit 2: internal use area of BMC FRU corrupted.
    pub const BMC_FRU_INTERNAL_USE_CORRUPTED: u8 = 1 << 2;
    /// Bit 1: controller update "boot block" firmware corrupted.
    pub const BOOT_BLOCK_CORRUPTED: u8 = 1 << 1;
    /// Bit 0: controller operational firmware corrupted.
    pub const OPERATIONAL_FIRMWARE_CORRUPTED: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// Get Self Test Results response data (IPMI 2.0 §20.4 Table 20-4): exactly 2 bytes.
///
/// ```
/// use ipmi_proto::command::app::{SelfTestFailures, SelfTestResponse, SelfTestResult};
/// use ipmi_proto::command::Message;
/// let r = SelfTestResponse::parse(&[0x57, 0x08])?;
/// assert_eq!(r.result, SelfTestResult::CorruptedOrInaccessible);
/// assert!(r.failures().unwrap().contains(SelfTestFailures::SDR_REPOSITORY_EMPTY));
/// assert_eq!(SelfTestResponse::PASSED.buffer_len(), 2);
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SelfTestResponse {
    /// Byte 2: the result.
    pub result: SelfTestResult,
    /// Byte 3: 00h after 55h and 56h, failure bits after 57h, device-specific after 58h (kept
    /// as received in every case).
    pub detail: u8,
}

impl SelfTestResponse {
    /// `55h 00h`: all self tests passed.
    pub const PASSED: Self = Self {
        result: SelfTestResult::NoError,
        detail: 0,
    };

    /// The failure bits, when the result is 57h.
    pub const fn failures(&self) -> Option<SelfTestFailures> {
        match self.result {
            SelfTestResult::CorruptedOrInaccessible => Some(SelfTestFailures(self.detail)),
            _ => None,
        }
    }
}

impl Message<'_> for SelfTestResponse {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [result, detail] = fixed(data)?;
        Ok(Self {
            result: SelfTestResult::from_code(result),
            detail,
        })
    }

    fn buffer_len(&self) -> usize {
        2
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &[self.result.code(), self.detail])
    }
}

// ---------------------------------------------------------------------------------------------
// Set/Get ACPI Power State, IPMI 2.0 §20.6 Table 20-6, §20.7 Table 20-7; the byte pairs are
// `acpi-state`'s types.

command!(
    /// Set ACPI Power State (App 06h), IPMI 2.0 §20.6; privilege Administrator (Appendix G).
    /// Request: [`SetAcpiPowerState`] (from `acpi-state`); response: none.
    SetAcpiPowerStateCmd,
    NetFn::APP,
    0x06,
    Administrator,
    SetAcpiPowerState,
    Empty
);

command!(
    /// Get ACPI Power State (App 07h), IPMI 2.0 §20.7; privilege User (Appendix G). Request:
    /// none; response: [`GetAcpiPowerStateResponse`] (from `acpi-state`).
    GetAcpiPowerState,
    NetFn::APP,
    0x07,
    User,
    Empty,
    GetAcpiPowerStateResponse
);

/// Set ACPI Power State request data (IPMI 2.0 Table 20-6), 2 bytes. A part that is to be set
/// (bit 7) with a reserved state code is refused with [`CommandError::InvalidField`] (CCh);
/// every other pair is accepted, including 7Fh "no change".
///
/// ```
/// use acpi_state::ipmi::SetAcpiPowerState;
/// use ipmi_proto::command::{CommandError, Message};
/// assert!(<SetAcpiPowerState as Message>::parse(&[0x85, 0x83]).is_ok());
/// assert_eq!(<SetAcpiPowerState as Message>::parse(&[0x85, 0x84]),
///     Err(CommandError::InvalidField { offset: 1, value: 0x84 }));
/// ```
impl Message<'_> for SetAcpiPowerState {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [system, device] = fixed(data)?;
        let req = Self::from_bytes([system, device]);
        if req.set_system && matches!(req.system, SystemCode::Reserved(_)) {
            return Err(CommandError::InvalidField {
                offset: 0,
                value: system,
            });
        }
        if req.set_device && matches!(req.device, DeviceCode::Reserved(_)) {
            return Err(CommandError::InvalidField {
                offset: 1,
                value: device,
            });
        }
        Ok(req)
    }

    fn buffer_len(&self) -> usize {
        Self::LEN
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &self.to_bytes())
    }
}

/// Get ACPI Power State response data (IPMI 2.0 Table 20-7), 2 bytes; every pair is accepted
/// (reserved codes and bits are kept).
impl Message<'_> for GetAcpiPowerStateResponse {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        fixed(data).map(Self::from_bytes)
    }

    fn buffer_len(&self) -> usize {
        Self::LEN
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &self.to_bytes())
    }
}

// ---------------------------------------------------------------------------------------------
// Get Device GUID (§20.8 Table 20-8), Get System GUID (§22.14 Table 22-17).

command!(
    /// Get Device GUID (App 08h), IPMI 2.0 §20.8; privilege User (Appendix G). Request: none;
    /// response: [`Guid`].
    GetDeviceGuid,
    NetFn::APP,
    0x08,
    User,
    Empty,
    Guid
);

command!(
    /// Get System GUID (App 37h), IPMI 2.0 §22.14; allowed without a session (Appendix G).
    /// Request: none; response: [`Guid`].
    GetSystemGuid,
    NetFn::APP,
    0x37,
    None,
    Empty,
    Guid
);

/// A 16-byte GUID as sent (IPMI 2.0 Tables 20-8 and 22-17): the bytes in wire order, least
/// significant byte first per the specification's encoding. The bytes are kept as received
/// because implementations differ on byte order.
///
/// ```
/// use ipmi_proto::command::{app::Guid, Message};
/// let g = Guid::parse(&[7; 16])?;
/// assert_eq!(g, Guid([7; 16]));
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Guid(pub [u8; 16]);

impl Message<'_> for Guid {
    const MIN_LEN: usize = 16;
    const MAX_LEN: usize = 16;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        fixed(data).map(Self)
    }

    fn buffer_len(&self) -> usize {
        16
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(out, &self.0)
    }
}

// ---------------------------------------------------------------------------------------------
// Get Channel Authentication Capabilities, IPMI 2.0 §22.13 Table 22-15.

command!(
    /// Get Channel Authentication Capabilities (App 38h), IPMI 2.0 §22.13; allowed without a
    /// session (Appendix G). Request: [`ChannelAuthCapabilitiesRequest`]; response:
    /// [`ChannelAuthCapabilitiesResponse`].
    GetChannelAuthCapabilities,
    NetFn::APP,
    0x38,
    None,
    ChannelAuthCapabilitiesRequest,
    ChannelAuthCapabilitiesResponse
);

/// Get Channel Authentication Capabilities request data (IPMI 2.0 Table 22-15), 2 bytes.
/// Reserved bits must be zero and the privilege level must be 1–5 (else
/// [`CommandError::InvalidField`]).
///
/// ```
/// use ipmi_proto::command::app::{ChannelAuthCapabilitiesRequest, ChannelNumber};
/// use ipmi_proto::command::{Message, Privilege};
/// // What `ipmitool -I lanplus` sends first: channel Eh, v2.0 data, Administrator.
/// let r = ChannelAuthCapabilitiesRequest::parse(&[0x8E, 0x04])?;
/// assert_eq!(r, ChannelAuthCapabilitiesRequest {
///     extended: true, channel: ChannelNumber::PRESENT_INTERFACE, max_privilege: Privilege::Administrator });
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelAuthCapabilitiesRequest {
    /// Byte 1 bit 7: get IPMI v2.0+ extended data.
    pub extended: bool,
    /// Byte 1 bits 3:0: the channel (Eh: this one).
    pub channel: ChannelNumber,
    /// Byte 2 bits 3:0: the requested maximum privilege level (Callback to OEM).
    pub max_privilege: Privilege,
}

impl Message<'_> for ChannelAuthCapabilitiesRequest {
    const MIN_LEN: usize = 2;
    const MAX_LEN: usize = 2;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [chan, privilege] = fixed(data)?;
        reserved_zero(chan, 0x8F, 0)?;
        let max_privilege = match Privilege::from_code(privilege) {
            Some(p) => p,
            None => {
                return Err(CommandError::InvalidField {
                    offset: 1,
                    value: privilege,
                });
            }
        };
        Ok(Self {
            extended: bit(chan, 7),
            channel: ChannelNumber::from_low_bits(chan),
            max_privilege,
        })
    }

    fn buffer_len(&self) -> usize {
        2
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        put(
            out,
            &[
                ((self.extended as u8) << 7) | self.channel.value(),
                self.max_privilege.code(),
            ],
        )
    }
}

/// Byte 3 of the Get Channel Authentication Capabilities response (IPMI 2.0 Table 22-15):
/// authentication type support. Bit 6 is reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct AuthTypeSupport(pub u8);

impl AuthTypeSupport {
    /// Bit 7: IPMI v2.0+ extended capabilities available (byte 5 is meaningful).
    pub const EXTENDED: u8 = 1 << 7;
    /// Bit 5: OEM proprietary authentication.
    pub const OEM: u8 = 1 << 5;
    /// Bit 4: straight password / key.
    pub const PASSWORD: u8 = 1 << 4;
    /// Bit 2: MD5.
    pub const MD5: u8 = 1 << 2;
    /// Bit 1: MD2.
    pub const MD2: u8 = 1 << 1;
    /// Bit 0: none.
    pub const NONE: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// Byte 4 of the Get Channel Authentication Capabilities response (IPMI 2.0 Table 22-15):
/// login and authentication status. Bits 7:6 are reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct AuthStatus(pub u8);

impl AuthStatus {
    /// Bit 5: K_G is set to a non-default value (clear: all zeros).
    pub const KG_NON_DEFAULT: u8 = 1 << 5;
    /// Bit 4: per-message authentication is disabled.
    pub const PER_MESSAGE_AUTH_DISABLED: u8 = 1 << 4;
    /// Bit 3: user-level authentication is disabled.
    pub const USER_LEVEL_AUTH_DISABLED: u8 = 1 << 3;
    /// Bit 2: non-null user names enabled.
    pub const NON_NULL_USERNAMES: u8 = 1 << 2;
    /// Bit 1: null user names enabled.
    pub const NULL_USERNAMES: u8 = 1 << 1;
    /// Bit 0: anonymous login enabled.
    pub const ANONYMOUS_LOGIN: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// Byte 5 of the Get Channel Authentication Capabilities response (IPMI 2.0 Table 22-15):
/// extended capabilities (reserved for IPMI 1.5 responders). Bits 7:2 are reserved (kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ExtendedCapabilities(pub u8);

impl ExtendedCapabilities {
    /// Bit 1: the channel supports IPMI v2.0 connections.
    pub const IPMI_2_0: u8 = 1 << 1;
    /// Bit 0: the channel supports IPMI v1.5 connections.
    pub const IPMI_1_5: u8 = 1;

    /// Whether every bit of `flags` is set.
    pub const fn contains(self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// A 3-byte IANA enterprise number, least significant byte first (the OEM ID of Table 22-15).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct OemId(pub [u8; 3]);

impl OemId {
    /// The ID for a number, or `None` above FFFFFFh.
    pub const fn new(iana: u32) -> Option<Self> {
        let [a, b, c, d] = iana.to_le_bytes();
        if d != 0 { None } else { Some(Self([a, b, c])) }
    }
    /// The number.
    pub const fn value(self) -> u32 {
        let [a, b, c] = self.0;
        u32::from_le_bytes([a, b, c, 0])
    }
}

/// Get Channel Authentication Capabilities response data (IPMI 2.0 Table 22-15), 8 bytes.
/// Reserved bits are kept.
///
/// ```
/// use ipmi_proto::command::app::{AuthStatus, AuthTypeSupport, ChannelAuthCapabilitiesResponse};
/// use ipmi_proto::command::Message;
/// let r = ChannelAuthCapabilitiesResponse::parse(&[0x01, 0x97, 0x04, 0x03, 0, 0, 0, 0])?;
/// assert_eq!(r.channel_number(), 1);
/// assert!(r.auth_types.contains(AuthTypeSupport::EXTENDED | AuthTypeSupport::MD5));
/// assert!(r.status.contains(AuthStatus::NON_NULL_USERNAMES));
/// # Ok::<(), ipmi_proto::command::CommandError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChannelAuthCapabilitiesResponse {
    /// Byte 2: bits 3:0 the channel number; bits 7:4 reserved (kept).
    pub channel: u8,
    /// Byte 3: authentication types supported.
    pub auth_types: AuthTypeSupport,
    /// Byte 4: login status.
    pub status: AuthStatus,
    /// Byte 5: extended capabilities.
    pub extended: ExtendedCapabilities,
    /// Bytes 6–8: OEM ID (IANA), 0 unless the OEM authentication type is supported.
    pub oem_id: OemId,
    /// Byte 9: OEM auxiliary data.
    pub oem_aux: u8,
}

impl ChannelAuthCapabilitiesResponse {
    /// Bits 3:0 of byte 2: the channel number.
    pub const fn channel_number(&self) -> u8 {
        self.channel & 0x0F
    }
}

impl Message<'_> for ChannelAuthCapabilitiesResponse {
    const MIN_LEN: usize = 8;
    const MAX_LEN: usize = 8;

    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        let [channel, auth, status, ext, o0, o1, o2, oem_aux] = fixed(data)?;
        Ok(Self {
            channel,
            auth_types: AuthTypeSupport(auth),
            status: AuthStatus(status),
            extended: ExtendedCapabilities(ext),
            oem_id: OemId([o0, o1, o2]),
            oem_aux,
        })
    }

    fn buffer_len(&self) -> usize {
        8
    }

    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let [o0, o1, o2] = self.oem_id.0;
        put(
            out,
            &[
                self.channel,
                self.auth_types.0,
                self.status.0,
                self.extended.0,
                o0,
                o1,
                o2,
                self.oem_aux,
            ],
        )
    }
}
