//! A no_std BMC responder on `ipmi-proto`: the size of firmware that answers the host over a
//! system interface (KCS/SSIF body) with App (Get Device ID, Cold/Warm Reset, Get Self Test
//! Results, Set/Get ACPI Power State), Chassis (Get Chassis Status, Chassis Control) and SEL
//! commands (Get SEL Info, Reserve SEL, Get/Add SEL Entry, Clear SEL, Get/Set SEL Time), with a
//! 16-record SEL in RAM.
//!
//! Requests come from `black_box`, so nothing is folded away: what is measured is the routing
//! table, the dispatcher with its length/privilege checks, the typed parsers and emitters, and
//! the handlers, as a board's firmware would link them.
#![no_std]
#![no_main]

use core::hint::black_box;

use acpi_state::SystemPowerState;
use acpi_state::ipmi::{DeviceState, GetAcpiPowerStateResponse, SetAcpiPowerState};
use ipmi_proto::command::Empty;
use ipmi_proto::command::app::{
    ColdReset, DeviceIdResponse, DeviceRevision, DeviceSupport, FirmwareRevision1,
    GetAcpiPowerState, GetDeviceId, GetSelfTestResults, ManufacturerId, SelfTestResponse,
    SetAcpiPowerStateCmd, WarmReset,
};
use ipmi_proto::command::chassis::{
    ChassisControl, ChassisControlRequest, ChassisStatusResponse, CurrentPowerState,
    GetChassisStatus, LastPowerEvent, MiscChassisState, PowerRestorePolicy,
};
use ipmi_proto::command::storage::{
    AddSelEntry, AddSelEntryRequest, ClearSel, ClearSelAction, ClearSelRequest, ClearSelResponse,
    ErasureProgress, GetSelEntry, GetSelEntryRequest, GetSelEntryResponse, GetSelInfo,
    GetSelInfoRequest, GetSelInfoResponse, GetSelTime, GetSelTimeRequest, RecordIdResponse,
    RepositoryInfo, ReservationId, ReserveResponse, ReserveSel, ReserveSelRequest, SelTime,
    SetSelTime, SetSelTimeResponse,
};
use ipmi_proto::message::CompletionCode;
use ipmi_proto::responder::{
    CommandHandler, Origin, Route, check_routes, respond_system_interface,
};
use sel_codec::Timestamp;

const SEL_CAPACITY: usize = 16;

struct Bmc {
    system: SystemPowerState,
    device: DeviceState,
    power_on: bool,
    sel: [[u8; 16]; SEL_CAPACITY],
    sel_len: usize,
    reservation: u16,
    time: u32,
    last_add: u32,
}

impl CommandHandler<GetDeviceId> for Bmc {
    fn handle<'r>(&'r mut self, _: Empty, _: &Origin) -> Result<DeviceIdResponse, CompletionCode> {
        Ok(DeviceIdResponse {
            device_id: 0x20,
            device_revision: DeviceRevision(0x01),
            firmware_revision_1: FirmwareRevision1(0x01),
            firmware_revision_2: 0x00,
            ipmi_version: DeviceIdResponse::IPMI_2_0,
            additional_device_support: DeviceSupport(0x0D),
            manufacturer_id: ManufacturerId([0x57, 0x01, 0x00]),
            product_id: 0x0001,
            aux_firmware_revision: None,
        })
    }
}

impl CommandHandler<ColdReset> for Bmc {
    fn handle<'r>(&'r mut self, _: Empty, _: &Origin) -> Result<Empty, CompletionCode> {
        self.sel_len = black_box(self.sel_len);
        Ok(Empty)
    }
}

impl CommandHandler<WarmReset> for Bmc {
    fn handle<'r>(&'r mut self, _: Empty, _: &Origin) -> Result<Empty, CompletionCode> {
        self.reservation = 0;
        Ok(Empty)
    }
}

impl CommandHandler<GetSelfTestResults> for Bmc {
    fn handle<'r>(&'r mut self, _: Empty, _: &Origin) -> Result<SelfTestResponse, CompletionCode> {
        Ok(SelfTestResponse::PASSED)
    }
}

impl CommandHandler<SetAcpiPowerStateCmd> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: SetAcpiPowerState,
        _: &Origin,
    ) -> Result<Empty, CompletionCode> {
        if let Some(system) = request.system_update() {
            self.system = system;
        }
        if let Some(device) = request.device_update() {
            self.device = device;
        }
        Ok(Empty)
    }
}

impl CommandHandler<GetAcpiPowerState> for Bmc {
    fn handle<'r>(
        &'r mut self,
        _: Empty,
        _: &Origin,
    ) -> Result<GetAcpiPowerStateResponse, CompletionCode> {
        Ok(GetAcpiPowerStateResponse::new(self.system, self.device))
    }
}

impl CommandHandler<GetChassisStatus> for Bmc {
    fn handle<'r>(
        &'r mut self,
        _: Empty,
        _: &Origin,
    ) -> Result<ChassisStatusResponse, CompletionCode> {
        Ok(ChassisStatusResponse {
            current_power_state: CurrentPowerState::new(
                PowerRestorePolicy::PreviousState,
                u8::from(self.power_on),
            ),
            last_power_event: LastPowerEvent(0),
            misc_chassis_state: MiscChassisState(0),
            front_panel_buttons: None,
        })
    }
}

impl CommandHandler<ChassisControl> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: ChassisControlRequest,
        _: &Origin,
    ) -> Result<Empty, CompletionCode> {
        self.power_on = !matches!(
            request,
            ChassisControlRequest::PowerDown | ChassisControlRequest::SoftShutdown
        );
        Ok(Empty)
    }
}

impl CommandHandler<GetSelInfo> for Bmc {
    fn handle<'r>(
        &'r mut self,
        _: GetSelInfoRequest,
        _: &Origin,
    ) -> Result<GetSelInfoResponse, CompletionCode> {
        let free = (SEL_CAPACITY - self.sel_len) * 16;
        Ok(GetSelInfoResponse {
            info: RepositoryInfo {
                version: RepositoryInfo::IPMI_2_0,
                entries: self.sel_len as u16,
                free_space: free as u16,
                most_recent_addition: Timestamp(self.last_add),
                most_recent_erase: Timestamp(0),
                operation_support: 0x02, // Reserve SEL supported
            },
        })
    }
}

impl CommandHandler<ReserveSel> for Bmc {
    fn handle<'r>(
        &'r mut self,
        _: ReserveSelRequest,
        _: &Origin,
    ) -> Result<ReserveResponse, CompletionCode> {
        self.reservation = self.reservation.wrapping_add(1).max(1);
        Ok(ReserveResponse {
            reservation_id: ReservationId(self.reservation),
        })
    }
}

impl CommandHandler<GetSelEntry> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: GetSelEntryRequest,
        _: &Origin,
    ) -> Result<GetSelEntryResponse<'r>, CompletionCode> {
        // Record IDs are 1..=len; 0000h is the first, FFFFh the last.
        let id = match request.record_id {
            0x0000 => 1,
            0xFFFF => self.sel_len,
            id => usize::from(id),
        };
        let record = id
            .checked_sub(1)
            .and_then(|i| self.sel.get(i).filter(|_| i < self.sel_len))
            .ok_or(CompletionCode(0xCB))?; // requested record not present
        let start = usize::from(request.offset);
        let end = if request.bytes_to_read == 0xFF {
            16
        } else {
            start + usize::from(request.bytes_to_read)
        };
        let data = record.get(start..end).ok_or(CompletionCode(0xC9))?;
        let next = if id >= self.sel_len {
            0xFFFF
        } else {
            id as u16 + 1
        };
        Ok(GetSelEntryResponse {
            next_record_id: next,
            data,
        })
    }
}

impl CommandHandler<AddSelEntry> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: AddSelEntryRequest,
        _: &Origin,
    ) -> Result<RecordIdResponse, CompletionCode> {
        let slot = self.sel.get_mut(self.sel_len).ok_or(CompletionCode(0xC4))?; // out of space
        let id = self.sel_len as u16 + 1;
        let mut record = request.record;
        record.id = id;
        *slot = record.to_bytes();
        self.sel_len += 1;
        self.last_add = self.time;
        Ok(RecordIdResponse { record_id: id })
    }
}

impl CommandHandler<ClearSel> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: ClearSelRequest,
        _: &Origin,
    ) -> Result<ClearSelResponse, CompletionCode> {
        if request.reservation_id.0 != self.reservation {
            return Err(CompletionCode(0xC5)); // reservation cancelled or invalid
        }
        if request.action == ClearSelAction::InitiateErase {
            self.sel_len = 0;
        }
        Ok(ClearSelResponse {
            progress: ErasureProgress::Completed,
            reserved: 0,
        })
    }
}

impl CommandHandler<GetSelTime> for Bmc {
    fn handle<'r>(
        &'r mut self,
        _: GetSelTimeRequest,
        _: &Origin,
    ) -> Result<SelTime, CompletionCode> {
        Ok(SelTime {
            time: Timestamp(self.time),
        })
    }
}

impl CommandHandler<SetSelTime> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: SelTime,
        _: &Origin,
    ) -> Result<SetSelTimeResponse, CompletionCode> {
        self.time = request.time.0;
        Ok(SetSelTimeResponse::default())
    }
}

static ROUTES: [Route<Bmc>; 15] = [
    Route::command::<GetDeviceId>(),
    Route::command::<ColdReset>(),
    Route::command::<WarmReset>(),
    Route::command::<GetSelfTestResults>(),
    Route::command::<SetAcpiPowerStateCmd>(),
    Route::command::<GetAcpiPowerState>(),
    Route::command::<GetChassisStatus>(),
    Route::command::<ChassisControl>(),
    Route::command::<GetSelInfo>(),
    Route::command::<ReserveSel>(),
    Route::command::<GetSelEntry>(),
    Route::command::<AddSelEntry>(),
    Route::command::<ClearSel>(),
    Route::command::<GetSelTime>(),
    Route::command::<SetSelTime>(),
];
const _: () = assert!(check_routes(&ROUTES).is_ok());

/// The host on the system interface: channel Fh, session-less (Administrator) privilege.
const HOST: Origin = Origin::system_interface();

#[unsafe(no_mangle)]
pub extern "C" fn _start() -> ! {
    let mut bmc = Bmc {
        system: SystemPowerState::S5G2,
        device: DeviceState::D3,
        power_on: false,
        sel: [[0; 16]; SEL_CAPACITY],
        sel_len: 0,
        reservation: 0,
        time: 0,
        last_add: 0,
    };
    let mut request = [0u8; 32];
    let mut response = [0u8; 64];
    loop {
        // A request body as the KCS/SSIF driver would hand it over.
        for b in request.iter_mut() {
            *b = black_box(0);
        }
        let len = black_box(2usize).min(request.len());
        let body = request.get(..len).unwrap_or(&[]);
        if let Ok(n) = respond_system_interface(&ROUTES, &mut bmc, body, &HOST, &mut response) {
            black_box(response.get(..n));
        }
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
