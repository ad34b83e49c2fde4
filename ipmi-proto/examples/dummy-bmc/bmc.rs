//! The BMC of the fleet server in our field notes (story 5), built from `ipmi-proto`'s typed
//! commands and responder: device identity, the host's ACPI state (logged to the SEL as the
//! BIOS reports it), chassis power, identify, restore policy and boot device, a RAM SEL, an SDR
//! repository with the server's sensors and their readings, and a FRU image.
//!
//! Shared by the `dummy-bmc` example (which serves it to `ipmitool -I dummy`) and by the
//! `responder_ipmitool` test (which drives it with the real ipmitool).

use std::io::{self, Read, Write};
use std::sync::Mutex;

use acpi_state::SystemPowerState;
use acpi_state::ipmi::{DeviceState, GetAcpiPowerStateResponse, SetAcpiPowerState};
use ipmi_proto::command::Empty;
use ipmi_proto::command::app::*;
use ipmi_proto::command::chassis::*;
use ipmi_proto::command::dcmi::*;
use ipmi_proto::command::sensor_event::*;
use ipmi_proto::command::session::*;
use ipmi_proto::command::storage::*;
use ipmi_proto::framing::SystemInterfaceResponse;
use ipmi_proto::fru::{BoardInfo, FieldValue, FruImageBuilder, Language, MfgDateTime, ProductInfo};
use ipmi_proto::message::{ChannelNumber, CompletionCode};
use ipmi_proto::responder::{
    CommandHandler, Origin, Route, check_routes, respond_system_interface,
};
use ipmi_proto::sdr::{EntityInstance, FullSensorRecord, IdString, SensorKey, SensorUnits};
use sel_codec::{SelRecord, SensorType, SystemEvent, Timestamp};

/// The sensor number of the System ACPI Power State sensor the BMC logs host transitions on.
pub const ACPI_SENSOR: u8 = 0x90;
/// SEL capacity in records.
pub const SEL_CAPACITY: usize = 64;

/// One analog sensor of the field notes: an SDR (Full Sensor Record, IPMI 2.0 Table 43-1) and
/// the raw reading it reports.
pub struct Sensor {
    /// Sensor number.
    pub number: u8,
    /// Sensor type (IPMI 2.0 Table 42-3): 01h temperature, 03h current, 04h fan, 08h power
    /// supply, 0Bh other units-based (power).
    pub sensor_type: u8,
    /// Entity ID (Table 43-13).
    pub entity: u8,
    /// Base unit (Table 43-15): 1 °C, 5 A, 6 W, 18 RPM.
    pub unit: u8,
    /// M of the conversion y = M·x·10^K2 (B = 0, K1 = 0).
    pub m: u8,
    /// K2 (result exponent), −8..=7.
    pub k2: i8,
    /// The raw reading.
    pub raw: u8,
    /// ID string.
    pub name: &'static str,
}

/// The field notes' sensors (`ipmitool sdr` on the fleet server), with M and K2 picked so the
/// raw byte represents the noted value as closely as 8 bits allow.
pub const SENSORS: [Sensor; 8] = [
    Sensor {
        number: 0x01,
        sensor_type: 0x01,
        entity: 0x03,
        unit: 1,
        m: 1,
        k2: 0,
        raw: 50,
        name: "CPU_TEMP",
    },
    Sensor {
        number: 0x02,
        sensor_type: 0x01,
        entity: 0x14,
        unit: 1,
        m: 1,
        k2: 0,
        raw: 40,
        name: "CPU_CORE_MOSFET",
    },
    Sensor {
        number: 0x03,
        sensor_type: 0x01,
        entity: 0x20,
        unit: 1,
        m: 1,
        k2: 0,
        raw: 34,
        name: "DIMM_TEMP_A1",
    },
    Sensor {
        number: 0x10,
        sensor_type: 0x04,
        entity: 0x1D,
        unit: 18,
        m: 100,
        k2: 0,
        raw: 130,
        name: "SYS_FAN",
    },
    Sensor {
        number: 0x11,
        sensor_type: 0x04,
        entity: 0x0A,
        unit: 18,
        m: 50,
        k2: 0,
        raw: 139,
        name: "PSU0_FAN_0",
    },
    Sensor {
        number: 0x20,
        sensor_type: 0x03,
        entity: 0x0A,
        unit: 5,
        m: 1,
        k2: -2,
        raw: 47,
        name: "PSU0_CURRENT_IN",
    },
    Sensor {
        number: 0x21,
        sensor_type: 0x03,
        entity: 0x0A,
        unit: 5,
        m: 1,
        k2: -1,
        raw: 60,
        name: "PSU0_CURRENT_OUT",
    },
    Sensor {
        number: 0x30,
        sensor_type: 0x0B,
        entity: 0x03,
        unit: 6,
        m: 5,
        k2: -1,
        raw: 154,
        name: "CPU_POWER",
    },
];

/// The Full Sensor Record of `s` with record ID `id` (IPMI 2.0 Table 43-1), built with the
/// crate's own [`FullSensorRecord`]: owned by the BMC (20h), threshold-based, unsigned and
/// linear, no thresholds exposed, 8-bit ASCII ID string.
pub fn full_sensor_record(id: u16, s: &Sensor) -> Vec<u8> {
    let record = FullSensorRecord {
        record_id: id,
        key: SensorKey {
            owner_id: 0x20,
            owner_lun: 0x00,
            number: s.number,
        },
        entity_id: s.entity,
        entity_instance: EntityInstance(0x01),
        initialization: 0x7F, // scanning, events, thresholds, hysteresis, type
        capabilities: 0x40,   // auto re-arm, no threshold or hysteresis access
        sensor_type: SensorType(s.sensor_type),
        event_reading_type: 0x01, // threshold
        units: SensorUnits::from_bytes([0x00, s.unit, 0x00]),
        m: i16::from(s.m),
        r_exp: s.k2,
        sensor_max: 0xFF,
        id_string: IdString::ascii(s.name).unwrap_or_else(|_| IdString::ascii("?").unwrap()),
        ..FullSensorRecord::default()
    };
    let mut buf = vec![0u8; record.buffer_len()];
    let n = record.emit(&mut buf).unwrap_or(0);
    buf.truncate(n);
    buf
}

/// The BMC's state.
pub struct Bmc {
    /// The host's ACPI system state as last reported (Set ACPI Power State).
    pub system: SystemPowerState,
    /// The host's ACPI device state as last reported.
    pub device: DeviceState,
    /// Chassis power.
    pub power_on: bool,
    /// Last Chassis Control request.
    pub last_control: Option<ChassisControlRequest>,
    /// Last Chassis Identify request.
    pub identify: Option<ChassisIdentifyRequest>,
    /// Power restore policy.
    pub policy: PowerRestorePolicy,
    /// Boot flags (boot option parameter 5).
    pub boot_flags: BootFlags,
    /// SEL records, 16 bytes each, record IDs 1.. in order.
    pub sel: Vec<[u8; 16]>,
    /// Record ID of the next SEL entry.
    pub next_sel_id: u16,
    /// The SEL clock (seconds since 1970).
    pub time: u32,
    /// Time of the last addition and erase.
    pub last_add: u32,
    /// Time of the last erase.
    pub last_erase: u32,
    /// The current reservation (SEL and SDR share one counter here).
    pub reservation: u16,
    /// SDR records.
    pub sdrs: Vec<Vec<u8>>,
    /// FRU image of device 0.
    pub fru: Vec<u8>,
}

impl Default for Bmc {
    fn default() -> Self {
        let sdrs = SENSORS
            .iter()
            .zip(1u16..)
            .map(|(s, id)| full_sensor_record(id, s))
            .collect();
        let board = BoardInfo {
            language: Language::ENGLISH,
            mfg_date_time: MfgDateTime::from_minutes(15_000_000)
                .unwrap_or(MfgDateTime::UNSPECIFIED),
            manufacturer: FieldValue::Text("Server Plumbing"),
            product_name: FieldValue::Text("Fleet Node"),
            serial_number: FieldValue::Text("FN0001"),
            part_number: FieldValue::Text("FN-MB-01"),
            ..BoardInfo::default()
        };
        let product = ProductInfo {
            language: Language::ENGLISH,
            manufacturer: FieldValue::Text("Server Plumbing"),
            product_name: FieldValue::Text("Fleet Server"),
            part_number: FieldValue::Text("FS-1U"),
            version: FieldValue::Text("1.0"),
            serial_number: FieldValue::Text("FS0001"),
            ..ProductInfo::default()
        };
        let image = FruImageBuilder {
            internal_use: None,
            chassis: None,
            board: Some(board),
            product: Some(product),
            multi_records: &[],
        };
        let mut fru = vec![0u8; 512];
        let n = image.emit(&mut fru).unwrap_or(0);
        fru.truncate(n);
        Self {
            system: SystemPowerState::S5G2,
            device: DeviceState::D3,
            power_on: false,
            last_control: None,
            identify: None,
            policy: PowerRestorePolicy::PreviousState,
            boot_flags: BootFlags::default(),
            sel: Vec::new(),
            next_sel_id: 1,
            time: 0x6500_0000,
            last_add: 0xFFFF_FFFF,
            last_erase: 0xFFFF_FFFF,
            reservation: 0,
            sdrs,
            fru,
        }
    }
}

impl Bmc {
    /// Stores a system event record; returns its record ID.
    fn log(&mut self, event: SystemEvent) -> Result<u16, CompletionCode> {
        if self.sel.len() >= SEL_CAPACITY {
            return Err(CompletionCode::OUT_OF_SPACE);
        }
        let id = self.next_sel_id;
        self.next_sel_id = id.wrapping_add(1).max(1);
        self.sel
            .push(SelRecord::system(id, event.at(Timestamp(self.time))).to_bytes());
        self.last_add = self.time;
        Ok(id)
    }

    fn reserve(&mut self) -> ReserveResponse {
        self.reservation = self.reservation.wrapping_add(1).max(1);
        ReserveResponse {
            reservation_id: ReservationId(self.reservation),
        }
    }

    /// A reservation check: 0000h is accepted for whole-record reads (IPMI 2.0 §31.5).
    fn check_reservation(&self, id: ReservationId, whole: bool) -> Result<(), CompletionCode> {
        if id.0 == self.reservation || (id.0 == 0 && whole) {
            Ok(())
        } else {
            Err(CompletionCode::RESERVATION_CANCELLED)
        }
    }
}

/// The slice of `record` a Get SEL Entry / Get SDR request asks for, and the next record ID.
fn record_part<'r>(
    records: &'r [impl AsRef<[u8]>],
    ids: impl Fn(usize) -> u16,
    request: &GetRecordRequest,
) -> Result<(u16, &'r [u8]), CompletionCode> {
    let index = match request.record_id {
        0x0000 => 0,
        0xFFFF => records
            .len()
            .checked_sub(1)
            .ok_or(CompletionCode::NOT_PRESENT)?,
        id => (0..records.len())
            .find(|&i| ids(i) == id)
            .ok_or(CompletionCode::NOT_PRESENT)?,
    };
    let record = records
        .get(index)
        .ok_or(CompletionCode::NOT_PRESENT)?
        .as_ref();
    let start = usize::from(request.offset);
    let end = if request.bytes_to_read == 0xFF {
        record.len()
    } else {
        start + usize::from(request.bytes_to_read)
    };
    let data = record
        .get(start..end.min(record.len()))
        .ok_or(CompletionCode::PARAMETER_OUT_OF_RANGE)?;
    let next = if index + 1 >= records.len() {
        0xFFFF
    } else {
        ids(index + 1)
    };
    Ok((next, data))
}

impl CommandHandler<GetDeviceId> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<DeviceIdResponse, CompletionCode> {
        Ok(DeviceIdResponse {
            device_id: 0x20,
            device_revision: DeviceRevision(0x81), // provides device SDRs, revision 1
            firmware_revision_1: FirmwareRevision1(0x02),
            firmware_revision_2: 0x15,
            ipmi_version: DeviceIdResponse::IPMI_2_0,
            additional_device_support: DeviceSupport(
                DeviceSupport::CHASSIS
                    | DeviceSupport::FRU_INVENTORY
                    | DeviceSupport::SEL
                    | DeviceSupport::SDR_REPOSITORY
                    | DeviceSupport::SENSOR,
            ),
            manufacturer_id: ManufacturerId([0xB4, 0xB6, 0x00]), // 46772
            product_id: 0x0A01,
            aux_firmware_revision: Some([0x00, 0x00, 0x01, 0x02]),
        })
    }
}

impl CommandHandler<GetSelfTestResults> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<SelfTestResponse, CompletionCode> {
        Ok(SelfTestResponse::PASSED)
    }
}

impl CommandHandler<GetDeviceGuid> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<Guid, CompletionCode> {
        Ok(Guid(
            *b"\x01\x23\x45\x67\x89\xab\xcd\xef\x10\x32\x54\x76\x98\xba\xdc\xfe",
        ))
    }
}

impl CommandHandler<GetSystemGuid> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<Guid, CompletionCode> {
        Ok(Guid(
            *b"\xa1\x23\x45\x67\x89\xab\xcd\xef\xa1\x23\x45\x67\x89\xab\xcd\xef",
        ))
    }
}

impl CommandHandler<SetAcpiPowerStateCmd> for Bmc {
    fn handle(&mut self, request: SetAcpiPowerState, _: &Origin) -> Result<Empty, CompletionCode> {
        if let Some(device) = request.device_update() {
            self.device = device;
        }
        if let Some(system) = request.system_update() {
            if system != self.system {
                self.log(SystemEvent::acpi_power_state(ACPI_SENSOR, system))?;
            }
            self.system = system;
        }
        Ok(Empty)
    }
}

impl CommandHandler<GetAcpiPowerState> for Bmc {
    fn handle(
        &mut self,
        _: Empty,
        _: &Origin,
    ) -> Result<GetAcpiPowerStateResponse, CompletionCode> {
        Ok(GetAcpiPowerStateResponse::new(self.system, self.device))
    }
}

impl CommandHandler<GetChassisStatus> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<ChassisStatusResponse, CompletionCode> {
        Ok(ChassisStatusResponse {
            current_power_state: CurrentPowerState::new(self.policy, u8::from(self.power_on)),
            last_power_event: LastPowerEvent(0),
            misc_chassis_state: MiscChassisState(0),
            front_panel_buttons: None,
        })
    }
}

impl CommandHandler<ChassisControl> for Bmc {
    fn handle(
        &mut self,
        request: ChassisControlRequest,
        _: &Origin,
    ) -> Result<Empty, CompletionCode> {
        match request {
            ChassisControlRequest::PowerDown | ChassisControlRequest::SoftShutdown => {
                self.power_on = false;
            }
            ChassisControlRequest::PowerUp
            | ChassisControlRequest::PowerCycle
            | ChassisControlRequest::HardReset => self.power_on = true,
            _ => {}
        }
        self.last_control = Some(request);
        Ok(Empty)
    }
}

impl CommandHandler<ChassisIdentify> for Bmc {
    fn handle(
        &mut self,
        request: ChassisIdentifyRequest,
        _: &Origin,
    ) -> Result<Empty, CompletionCode> {
        self.identify = Some(request);
        Ok(Empty)
    }
}

impl CommandHandler<SetPowerRestorePolicy> for Bmc {
    fn handle(
        &mut self,
        request: SetPowerRestorePolicyRequest,
        _: &Origin,
    ) -> Result<PowerRestorePolicySupport, CompletionCode> {
        self.policy = match request {
            SetPowerRestorePolicyRequest::StayOff => PowerRestorePolicy::StayOff,
            SetPowerRestorePolicyRequest::PreviousState => PowerRestorePolicy::PreviousState,
            SetPowerRestorePolicyRequest::AlwaysOn => PowerRestorePolicy::AlwaysOn,
            SetPowerRestorePolicyRequest::NoChange => self.policy,
        };
        Ok(PowerRestorePolicySupport(0b111))
    }
}

impl CommandHandler<GetSystemRestartCause> for Bmc {
    fn handle(
        &mut self,
        _: Empty,
        _: &Origin,
    ) -> Result<SystemRestartCauseResponse, CompletionCode> {
        Ok(SystemRestartCauseResponse {
            cause: 0x01, // Chassis Control command
            channel: 0x0F,
        })
    }
}

impl CommandHandler<SetSystemBootOptions> for Bmc {
    fn handle(
        &mut self,
        request: SetSystemBootOptionsRequest<'_>,
        _: &Origin,
    ) -> Result<Empty, CompletionCode> {
        match request.parameter {
            BootOption::BootFlags(flags) => {
                self.boot_flags = flags;
                Ok(Empty)
            }
            // Other parameters are accepted and ignored (set in progress, info acknowledge).
            _ => Ok(Empty),
        }
    }
}

impl CommandHandler<GetSystemBootOptions> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: GetSystemBootOptionsRequest,
        _: &Origin,
    ) -> Result<GetSystemBootOptionsResponse<'r>, CompletionCode> {
        if request.selector != BootParameterSelector::BOOT_FLAGS {
            // Table 28-13: parameter not supported.
            return Err(CompletionCode(0x80));
        }
        Ok(GetSystemBootOptionsResponse {
            parameter_version: 1,
            invalid: false,
            parameter: BootOption::BootFlags(self.boot_flags),
        })
    }
}

impl CommandHandler<GetSelInfo> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<GetSelInfoResponse, CompletionCode> {
        Ok(GetSelInfoResponse {
            info: RepositoryInfo {
                version: RepositoryInfo::IPMI_2_0,
                entries: self.sel.len() as u16,
                free_space: ((SEL_CAPACITY - self.sel.len()) * 16) as u16,
                most_recent_addition: Timestamp(self.last_add),
                most_recent_erase: Timestamp(self.last_erase),
                operation_support: 0x02, // Reserve SEL supported
            },
        })
    }
}

impl CommandHandler<ReserveSel> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<ReserveResponse, CompletionCode> {
        Ok(self.reserve())
    }
}

impl CommandHandler<GetSelEntry> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: GetRecordRequest,
        _: &Origin,
    ) -> Result<GetSelEntryResponse<'r>, CompletionCode> {
        self.check_reservation(request.reservation_id, request.offset == 0)?;
        let sel = &self.sel;
        let (next_record_id, data) = record_part(
            sel,
            |i| u16::from_le_bytes([sel[i][0], sel[i][1]]),
            &request,
        )?;
        Ok(GetSelEntryResponse {
            next_record_id,
            data,
        })
    }
}

impl CommandHandler<AddSelEntry> for Bmc {
    fn handle(
        &mut self,
        request: AddSelEntryRequest,
        _: &Origin,
    ) -> Result<RecordIdResponse, CompletionCode> {
        if self.sel.len() >= SEL_CAPACITY {
            return Err(CompletionCode::OUT_OF_SPACE);
        }
        let mut record = request.record;
        record.id = self.next_sel_id;
        self.next_sel_id = record.id.wrapping_add(1).max(1);
        self.sel.push(record.to_bytes());
        self.last_add = self.time;
        Ok(RecordIdResponse {
            record_id: record.id,
        })
    }
}

impl CommandHandler<ClearSel> for Bmc {
    fn handle(
        &mut self,
        request: ClearSelRequest,
        _: &Origin,
    ) -> Result<ClearSelResponse, CompletionCode> {
        self.check_reservation(request.reservation_id, false)?;
        if request.action == ClearSelAction::InitiateErase {
            self.sel.clear();
            self.last_erase = self.time;
        }
        Ok(ClearSelResponse {
            progress: ErasureProgress::Completed,
            reserved: 0,
        })
    }
}

impl CommandHandler<GetSelTime> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<SelTime, CompletionCode> {
        Ok(SelTime {
            time: Timestamp(self.time),
        })
    }
}

impl CommandHandler<SetSelTime> for Bmc {
    fn handle(&mut self, request: SelTime, _: &Origin) -> Result<Empty, CompletionCode> {
        self.time = request.time.0;
        Ok(Empty)
    }
}

impl CommandHandler<GetSdrRepositoryInfo> for Bmc {
    fn handle(
        &mut self,
        _: Empty,
        _: &Origin,
    ) -> Result<GetSdrRepositoryInfoResponse, CompletionCode> {
        Ok(GetSdrRepositoryInfoResponse {
            info: RepositoryInfo {
                version: RepositoryInfo::IPMI_2_0,
                entries: self.sdrs.len() as u16,
                free_space: 0,
                most_recent_addition: Timestamp(0xFFFF_FFFF),
                most_recent_erase: Timestamp(0xFFFF_FFFF),
                operation_support: 0x02, // Reserve SDR Repository supported, non-modal unspecified
            },
        })
    }
}

impl CommandHandler<ReserveSdrRepository> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<ReserveResponse, CompletionCode> {
        Ok(self.reserve())
    }
}

impl CommandHandler<GetSdr> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: GetRecordRequest,
        _: &Origin,
    ) -> Result<GetSdrResponse<'r>, CompletionCode> {
        self.check_reservation(request.reservation_id, request.offset == 0)?;
        let sdrs = &self.sdrs;
        let (next_record_id, data) = record_part(
            sdrs,
            |i| u16::from_le_bytes([sdrs[i][0], sdrs[i][1]]),
            &request,
        )?;
        Ok(GetSdrResponse {
            next_record_id,
            data,
        })
    }
}

impl CommandHandler<GetSensorReading> for Bmc {
    fn handle(
        &mut self,
        request: SensorNumberRequest,
        _: &Origin,
    ) -> Result<GetSensorReadingResponse, CompletionCode> {
        let sensor = SENSORS
            .iter()
            .find(|s| s.number == request.sensor_number)
            .ok_or(CompletionCode::NOT_PRESENT)?;
        Ok(GetSensorReadingResponse {
            reading: sensor.raw,
            event_messages_enabled: true,
            scanning_enabled: true,
            reading_unavailable: false,
            reserved: 0,
            states: ReadingStates::Two(0xC0, 0x00), // in range; reserved bits 7:6 set as seen on real BMCs
        })
    }
}

impl CommandHandler<GetFruInventoryAreaInfo> for Bmc {
    fn handle(
        &mut self,
        request: GetFruInventoryAreaInfoRequest,
        _: &Origin,
    ) -> Result<GetFruInventoryAreaInfoResponse, CompletionCode> {
        if request.fru_device_id.0 != 0 {
            return Err(CompletionCode::NOT_PRESENT);
        }
        Ok(GetFruInventoryAreaInfoResponse {
            area_size: self.fru.len() as u16,
            access: FruAccess::Bytes,
            reserved: 0,
        })
    }
}

impl CommandHandler<ReadFruData> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: ReadFruDataRequest,
        _: &Origin,
    ) -> Result<ReadFruDataResponse<'r>, CompletionCode> {
        if request.fru_device_id.0 != 0 {
            return Err(CompletionCode::NOT_PRESENT);
        }
        let start = usize::from(request.offset);
        let end = (start + usize::from(request.count)).min(self.fru.len());
        let data = self
            .fru
            .get(start..end)
            .ok_or(CompletionCode::PARAMETER_OUT_OF_RANGE)?;
        ReadFruDataResponse::new(data).ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)
    }
}

/// The BMC's commands: every route is a typed command.
pub static ROUTES: [Route<Bmc>; 33] = [
    Route::command::<GetChannelInfo>(),
    Route::command::<GetPowerReading>(),
    // Platform Event Message has two forms: with a generator ID byte from the system
    // interface, without one (the generator is the IPMB/LAN requester) elsewhere.
    Route::command::<PlatformEventMessage>().channels(ChannelNumber::SYSTEM_INTERFACE.mask()),
    Route::command::<PlatformEventMessageIpmb>().channels(!ChannelNumber::SYSTEM_INTERFACE.mask()),
    Route::command::<GetDeviceId>(),
    Route::command::<GetSelfTestResults>(),
    Route::command::<GetDeviceGuid>(),
    Route::command::<GetSystemGuid>(),
    Route::command::<SetAcpiPowerStateCmd>(),
    Route::command::<GetAcpiPowerState>(),
    Route::command::<GetChassisStatus>(),
    Route::command::<ChassisControl>(),
    Route::command::<ChassisIdentify>(),
    Route::command::<SetPowerRestorePolicy>(),
    Route::command::<GetSystemRestartCause>(),
    Route::command::<SetSystemBootOptions>(),
    Route::command::<GetSystemBootOptions>(),
    Route::command::<GetSelInfo>(),
    Route::command::<ReserveSel>(),
    Route::command::<GetSelEntry>(),
    Route::command::<AddSelEntry>(),
    Route::command::<ClearSel>(),
    Route::command::<GetSelTime>(),
    Route::command::<SetSelTime>(),
    Route::command::<GetSdrRepositoryInfo>(),
    Route::command::<ReserveSdrRepository>(),
    Route::command::<GetSdr>(),
    Route::command::<GetSensorReading>(),
    Route::command::<GetFruInventoryAreaInfo>(),
    Route::command::<ReadFruData>(),
    Route::command::<ColdReset>(),
    Route::command::<WarmReset>(),
    Route::command::<GetChassisCapabilities>(),
];
const _: () = assert!(check_routes(&ROUTES).is_ok());

/// CPU_POWER's reading in watts: M·raw·10^K2 of its SDR.
fn cpu_power_watts() -> u16 {
    let s = &SENSORS[7];
    (u32::from(s.m) * u32::from(s.raw) / 10) as u16
}

impl CommandHandler<GetPowerReading> for Bmc {
    fn handle(
        &mut self,
        _: GetPowerReadingRequest,
        _: &Origin,
    ) -> Result<GetPowerReadingResponse, CompletionCode> {
        let now = cpu_power_watts();
        Ok(GetPowerReadingResponse {
            current_power: now,
            minimum_power: 65,
            maximum_power: 150,
            average_power: now,
            timestamp: Timestamp(self.time),
            statistics_period_ms: 60_000,
            state: PowerReadingState(PowerReadingState::MEASUREMENT_ACTIVE),
        })
    }
}

impl CommandHandler<PlatformEventMessage> for Bmc {
    fn handle(
        &mut self,
        request: PlatformEventMessageRequest,
        _: &Origin,
    ) -> Result<Empty, CompletionCode> {
        self.log(request.to_system_event(Timestamp(self.time)))?;
        Ok(Empty)
    }
}

impl CommandHandler<PlatformEventMessageIpmb> for Bmc {
    fn handle(
        &mut self,
        request: PlatformEventMessageIpmbRequest,
        origin: &Origin,
    ) -> Result<Empty, CompletionCode> {
        // The generator is the requester of the IPMB frame or LAN message.
        let requester = origin.requester.ok_or(CompletionCode::INVALID_DATA_FIELD)?;
        let generator = ipmb_generator_id(requester.address, requester.lun, origin.channel);
        self.log(request.to_system_event(generator, Timestamp(self.time)))?;
        Ok(Empty)
    }
}

impl CommandHandler<GetChannelInfo> for Bmc {
    fn handle(
        &mut self,
        request: ChannelInfoRequest,
        origin: &Origin,
    ) -> Result<ChannelInfoResponse, CompletionCode> {
        // Eh names the channel the request arrived on (IPMI 2.0 §6.3).
        let channel = if request.channel == ChannelNumber::PRESENT_INTERFACE {
            origin.channel
        } else {
            request.channel
        };
        let (medium, protocol, session) = match channel.value() {
            0x0 => (
                ChannelMedium::Ipmb,
                ChannelProtocol::IpmbV1_0,
                SessionSupport::SessionLess,
            ),
            0x1 => (
                ChannelMedium::Lan802_3,
                ChannelProtocol::IpmbV1_0,
                SessionSupport::MultiSession,
            ),
            0xF => (
                ChannelMedium::SystemInterface,
                ChannelProtocol::Kcs,
                SessionSupport::SessionLess,
            ),
            _ => return Err(CompletionCode::INVALID_DATA_FIELD),
        };
        Ok(ChannelInfoResponse {
            channel: channel.value(),
            medium,
            protocol,
            session: ChannelSessionSupport::new(session, 0),
            vendor_id: OemId::new(ChannelInfoResponse::IPMI_VENDOR_ID).unwrap_or_default(),
            auxiliary: [0, 0],
        })
    }
}

impl CommandHandler<ColdReset> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<Empty, CompletionCode> {
        self.reservation = 0;
        Ok(Empty)
    }
}

impl CommandHandler<WarmReset> for Bmc {
    fn handle(&mut self, _: Empty, _: &Origin) -> Result<Empty, CompletionCode> {
        self.reservation = 0;
        Ok(Empty)
    }
}

impl CommandHandler<GetChassisCapabilities> for Bmc {
    fn handle(
        &mut self,
        _: Empty,
        _: &Origin,
    ) -> Result<ChassisCapabilitiesResponse, CompletionCode> {
        Ok(ChassisCapabilitiesResponse {
            flags: ChassisCapabilityFlags(0x01), // intrusion sensor
            fru_device_address: 0x20,
            sdr_device_address: 0x20,
            sel_device_address: 0x20,
            system_management_device_address: 0x20,
            bridge_device_address: None,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// ipmitool's `-I dummy` interface (ipmitool src/plugins/dummy): a Unix stream socket; each
// request is a 16-byte header (netfn, lun, cmd, target_cmd, u16 data_len, 2 pad, u64 pointer)
// then the data; each reply a 24-byte header (netfn, cmd, seq, lun, ccode, 3 pad, i32 data_len,
// 4 pad, u64 pointer) then the data. x86-64 layout, native (little) endian.

const REQUEST_HEADER: usize = 16;

/// Serves one connection until the peer closes it; every request is answered through the
/// responder as a KCS body from the system interface.
///
/// # Errors
///
/// I/O errors of the stream, other than the peer closing it.
pub fn serve(stream: &mut (impl Read + Write), bmc: &Mutex<Bmc>) -> io::Result<()> {
    loop {
        let mut head = [0u8; REQUEST_HEADER];
        match stream.read_exact(&mut head) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        }
        let [netfn, lun, cmd, _target_cmd, l0, l1, ..] = head;
        let mut body = vec![(netfn << 2) | (lun & 3), cmd];
        let data_len = usize::from(u16::from_le_bytes([l0, l1]));
        let start = body.len();
        body.resize(start + data_len, 0);
        stream.read_exact(&mut body[start..])?;

        let mut out = [0u8; 300];
        let origin = Origin::system_interface();
        let reply = {
            let mut bmc = bmc.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match respond_system_interface(&ROUTES, &mut bmc, &body, &origin, &mut out) {
                Ok(n) => SystemInterfaceResponse::parse(&out[..n]).ok().map(|r| r.0),
                Err(_) => None,
            }
        };
        let (rs_netfn, rs_cmd, cc, data): (u8, u8, u8, &[u8]) = match &reply {
            Some(r) => (r.netfn.value(), r.cmd.0, r.completion.0, r.data),
            None => (netfn | 1, cmd, CompletionCode::UNSPECIFIED.0, &[]),
        };
        let mut header = [0u8; 24];
        header[..5].copy_from_slice(&[rs_netfn, rs_cmd, 0, lun, cc]);
        header[8..12].copy_from_slice(&(data.len() as i32).to_le_bytes());
        stream.write_all(&header)?;
        stream.write_all(data)?;
    }
}
