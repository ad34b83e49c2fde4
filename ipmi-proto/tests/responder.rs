//! The responder dispatcher: every completion path, group extension and OEM routing, the
//! privilege matrix (including the OEM level, which is off the Callback..Administrator ladder),
//! length checks at every boundary, small response buffers (the CAh check before a typed
//! handler runs and the one after it), the origin every handler sees, channel-limited routes,
//! routing-table checks, the framed entry points, the requester side (`encode_request`,
//! `decode_response`, a full IPMB loop), and proptests that dispatch never panics and always
//! answers well-formed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
use common::{too_long, truncations, vector};

use std::fmt::Debug;

use ipmi_proto::command::app::{DeviceIdResponse, GetDeviceId};
use ipmi_proto::command::sensor_event::{
    PlatformEventMessage, PlatformEventMessageIpmb, PlatformEventMessageIpmbRequest,
    PlatformEventMessageRequest, ipmb_generator_id,
};
use ipmi_proto::command::{
    BufferTooSmall, Command, CommandError, Empty, EncodeError, Message, Privilege, ResponseError,
    check_len, out_prefix,
};
use ipmi_proto::framing::requester::{PendingIpmbRequest, SequenceNumbers};
use ipmi_proto::framing::{
    BtRequest, BtResponse, IpmbRequest, IpmbResponse, RqSeq, SystemInterfaceResponse,
};
use ipmi_proto::message::{
    ChannelNumber, Cmd, CompletionCode, DefiningBody, Lun, NetFn, Request, Response,
};
use ipmi_proto::responder::{
    BodyCode, CommandHandler, DispatchError, Origin, Requester, Route, RouteTableError,
    SESSIONLESS_PRIVILEGE, check_routes, dispatch, respond_bt, respond_ipmb,
    respond_system_interface,
};
use proptest::prelude::*;
use sel_codec::{GeneratorId, SystemEvent, Timestamp};

// ----- a small firmware context and its handlers --------------------------------------------

#[derive(Default)]
struct Bmc {
    calls: u32,
    /// The data the last raw handler saw.
    seen: Vec<u8>,
    control: Option<u8>,
    /// The origin of every request a handler ran for, in order.
    origins: Vec<Origin>,
    /// The auxiliary firmware revision Get Device ID answers with (None: the 11-byte form).
    aux: Option<[u8; 4]>,
    /// Platform Event Messages received, as the SEL would store them.
    events: Vec<SystemEvent>,
}

impl Bmc {
    /// Every handler that has the context calls this first.
    fn saw(&mut self, origin: &Origin) {
        self.calls += 1;
        self.origins.push(*origin);
    }
}

const DCMI_IANA_TEST: u32 = 0x00_0157; // an enterprise number for the OEM/group route (Intel)

fn chassis_control(
    bmc: &mut Bmc,
    rq: &Request<'_>,
    origin: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    bmc.saw(origin);
    match rq.data {
        [c @ 0..=5] => {
            bmc.control = Some(*c);
            Ok(0)
        }
        _ => Err(CompletionCode::INVALID_DATA_FIELD),
    }
}

/// Echoes the request data (after any body code).
fn echo(
    bmc: &mut Bmc,
    rq: &Request<'_>,
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    bmc.saw(origin);
    bmc.seen = rq.data.to_vec();
    let dst = out
        .get_mut(..rq.data.len())
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.copy_from_slice(rq.data);
    Ok(rq.data.len())
}

fn busy(
    bmc: &mut Bmc,
    _: &Request<'_>,
    origin: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    bmc.saw(origin);
    Err(CompletionCode::NODE_BUSY)
}

fn fails_with_success(
    _: &mut Bmc,
    _: &Request<'_>,
    _: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    Err(CompletionCode::NORMAL)
}

fn overclaims(
    _: &mut Bmc,
    _: &Request<'_>,
    _: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    Ok(out.len() + 1)
}

fn ok_empty(
    bmc: &mut Bmc,
    _: &Request<'_>,
    origin: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    bmc.saw(origin);
    Ok(0)
}

/// DCMI Get Power Reading (DCMI 1.5 §6.6.1): mode, mode attributes, reserved after the group
/// byte; 17 response bytes after the group byte.
fn dcmi_power(
    bmc: &mut Bmc,
    rq: &Request<'_>,
    origin: &Origin,
    out: &mut [u8],
) -> Result<usize, CompletionCode> {
    bmc.saw(origin);
    bmc.seen = rq.data.to_vec();
    let reading: [u8; 17] = [
        0x2C, 0x01, 0x10, 0x01, 0x90, 0x01, 0x30, 0x01, 0x00, 0x00, 0x00, 0x5E, 0xE8, 0x03, 0x00,
        0x00, 0x40,
    ];
    let dst = out
        .get_mut(..reading.len())
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.copy_from_slice(&reading);
    Ok(reading.len())
}

/// Fills the whole buffer it is given; for the IPMB 32-byte limit.
fn big(_: &mut Bmc, _: &Request<'_>, _: &Origin, out: &mut [u8]) -> Result<usize, CompletionCode> {
    const N: usize = 30;
    let dst = out
        .get_mut(..N)
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.fill(0x5A);
    Ok(N)
}

// A typed local command: one byte that must not be FFh, answered plus one.
struct Bump;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Byte(u8);

impl<'a> Message<'a> for Byte {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, 1, 1)?;
        match data {
            [0xFF] => Err(CommandError::InvalidField {
                offset: 0,
                value: 0xFF,
            }),
            [b] => Ok(Byte(*b)),
            _ => unreachable!(),
        }
    }
    fn buffer_len(&self) -> usize {
        1
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        out_prefix(out, 1)?.copy_from_slice(&[self.0]);
        Ok(1)
    }
}

impl Command for Bump {
    const NETFN: NetFn = NetFn::from_netfn_lun(0x32 << 2);
    const CMD: Cmd = Cmd(0x10);
    const PRIVILEGE: Privilege = Privilege::Operator;
    type Request<'a> = Byte;
    type Response<'a> = Byte;
}

impl CommandHandler<Bump> for Bmc {
    fn handle(&mut self, request: Byte, origin: &Origin) -> Result<Byte, CompletionCode> {
        self.saw(origin);
        request
            .0
            .checked_add(1)
            .map(Byte)
            .ok_or(CompletionCode::PARAMETER_OUT_OF_RANGE)
    }
}

/// The Get Device ID answer of Table 20-1's example shape: BMC 20h, rev 1 with SDRs, firmware
/// 2.10, IPMI 2.0, support bits BFh, manufacturer 000157h, product 0B3Ah, no aux revision.
const DEVICE_ID: DeviceIdResponse = DeviceIdResponse {
    device_id: 0x20,
    device_revision: ipmi_proto::command::app::DeviceRevision(0x81),
    firmware_revision_1: ipmi_proto::command::app::FirmwareRevision1(0x02),
    firmware_revision_2: 0x10,
    ipmi_version: 0x02,
    additional_device_support: ipmi_proto::command::app::DeviceSupport(0xBF),
    manufacturer_id: ipmi_proto::command::app::ManufacturerId([0x57, 0x01, 0x00]),
    product_id: 0x0B3A,
    aux_firmware_revision: None,
};

impl CommandHandler<GetDeviceId> for Bmc {
    fn handle<'r>(
        &'r mut self,
        _request: <GetDeviceId as Command>::Request<'r>,
        origin: &Origin,
    ) -> Result<<GetDeviceId as Command>::Response<'r>, CompletionCode> {
        self.saw(origin);
        Ok(DeviceIdResponse {
            aux_firmware_revision: self.aux,
            ..DEVICE_ID
        })
    }
}

const OEM_30: NetFn = NetFn::from_netfn_lun(0x30 << 2);

static ROUTES: [Route<Bmc>; 13] = [
    Route::command::<GetDeviceId>(),
    // Cold Reset (App 02h), Administrator.
    Route::new(
        NetFn::APP,
        Cmd(0x02),
        Privilege::Administrator,
        0,
        0,
        ok_empty,
    ),
    // Get Channel Authentication Capabilities (App 38h): before a session.
    Route::new(NetFn::APP, Cmd(0x38), Privilege::None, 2, 2, echo),
    // Chassis Control (Chassis 02h), Operator, 1 byte.
    Route::new(
        NetFn::CHASSIS,
        Cmd(0x02),
        Privilege::Operator,
        1,
        1,
        chassis_control,
    ),
    Route::command::<Bump>(),
    // OEM 30h commands: an echo of 0..=4 bytes on LUNs 0 and 1; Callback.
    Route::new(OEM_30, Cmd(0x01), Privilege::Callback, 0, 4, echo).luns(0b0011),
    Route::new(OEM_30, Cmd(0x02), Privilege::User, 0, 255, busy),
    Route::new(
        OEM_30,
        Cmd(0x03),
        Privilege::User,
        0,
        255,
        fails_with_success,
    ),
    Route::new(OEM_30, Cmd(0x04), Privilege::User, 0, 255, overclaims),
    Route::new(OEM_30, Cmd(0x05), Privilege::User, 0, 0, big),
    // DCMI Get Power Reading and PICMG command 02h share NetFn 2Ch and command 02h.
    Route::new(
        NetFn::GROUP_EXTENSION,
        Cmd(0x02),
        Privilege::User,
        3,
        3,
        dcmi_power,
    )
    .group(DefiningBody::DCMI),
    Route::new(
        NetFn::GROUP_EXTENSION,
        Cmd(0x02),
        Privilege::User,
        0,
        8,
        echo,
    )
    .group(DefiningBody::PICMG),
    Route::new(NetFn::OEM_GROUP, Cmd(0x01), Privilege::Oem, 0, 8, echo).oem(DCMI_IANA_TEST),
];
const _: () = assert!(check_routes(&ROUTES).is_ok());

const ALL_PRIVILEGES: [Privilege; 6] = [
    Privilege::None,
    Privilege::Callback,
    Privilege::User,
    Privilege::Operator,
    Privilege::Administrator,
    Privilege::Oem,
];

/// The LAN channel of the tests' sessions.
const LAN: ChannelNumber = match ChannelNumber::new(1) {
    Ok(c) => c,
    Err(_) => panic!("channel 1"),
};
/// The BMC's session ID of the tests' LAN session.
const SESSION_ID: u32 = 0x0200_0A01;

/// A request in a LAN session at `privilege`: how a privilege other than the session-less
/// default reaches the dispatcher.
fn at(privilege: Privilege) -> Origin {
    Origin::session(LAN, privilege, SESSION_ID)
}

/// The system interface, served at `privilege` (firmware that restricts the host).
fn host_at(privilege: Privilege) -> Origin {
    Origin::system_interface().with_privilege(privilege)
}

/// The primary IPMB, served at `privilege`.
fn ipmb_at(privilege: Privilege) -> Origin {
    Origin::ipmb(ChannelNumber::PRIMARY_IPMB).with_privilege(privilege)
}

fn run(rq: &Request<'_>, privilege: Privilege) -> (CompletionCode, Vec<u8>, Bmc) {
    let mut bmc = Bmc::default();
    let mut out = [0xA5u8; 300];
    let origin = at(privilege);
    let rs = dispatch(&ROUTES, &mut bmc, rq, &origin, &mut out).unwrap();
    assert_eq!(rs.netfn, rq.netfn.response());
    assert_eq!((rs.cmd, rs.lun), (rq.cmd, rq.lun));
    // Every handler that ran saw the caller's origin.
    assert!(bmc.origins.iter().all(|o| *o == origin));
    (rs.completion, rs.data.to_vec(), bmc)
}

// ----- completion paths ---------------------------------------------------------------------

#[test]
fn typed_get_device_id_over_kcs() {
    let mut bmc = Bmc::default();
    let mut out = [0xA5u8; 64];
    let n = respond_system_interface(
        &ROUTES,
        &mut bmc,
        &[0x18, 0x01],
        &Origin::system_interface(),
        &mut out,
    )
    .unwrap();
    assert_eq!(
        &out[..n],
        &[
            0x1C, 0x01, 0x00, 0x20, 0x81, 0x02, 0x10, 0x02, 0xBF, 0x57, 0x01, 0x00, 0x3A, 0x0B
        ]
    );
    let rs = SystemInterfaceResponse::parse(&out[..n]).unwrap().0;
    assert_eq!(DeviceIdResponse::parse(rs.data), Ok(DEVICE_ID));
    assert_eq!(bmc.calls, 1);

    // The route took its bounds and privilege from the command.
    let route = &ROUTES[0];
    assert_eq!(
        (route.netfn(), route.cmd()),
        (GetDeviceId::NETFN, GetDeviceId::CMD)
    );
    assert_eq!(route.privilege(), Privilege::User);
    assert_eq!(route.request_len(), (0, 0));
    assert_eq!(route.body_code(), BodyCode::None);
}

#[test]
fn unknown_command_and_netfn_answer_c1() {
    for (netfn, cmd) in [
        (NetFn::APP, 0x7F),                       // unknown command, known NetFn
        (NetFn::STORAGE, 0x40),                   // NetFn without routes
        (NetFn::from_netfn_lun(0x10 << 2), 0x01), // reserved NetFn
        (NetFn::TRANSPORT, 0x01),
    ] {
        let (cc, data, bmc) = run(
            &Request::new(netfn, Cmd(cmd), &[1, 2]),
            Privilege::Administrator,
        );
        assert_eq!(cc, CompletionCode::INVALID_COMMAND, "{netfn} {cmd:02X}");
        assert!(data.is_empty());
        assert_eq!(bmc.calls, 0);
    }
}

#[test]
fn wrong_lun_answers_c2() {
    let rq = Request::new(NetFn::APP, Cmd(0x01), &[]);
    for lun in 1..=3 {
        let (cc, data, _) = run(&rq.with_lun(Lun::new(lun).unwrap()), Privilege::User);
        assert_eq!(cc, CompletionCode::INVALID_COMMAND_FOR_LUN);
        assert!(data.is_empty());
    }
    // The OEM echo serves LUNs 0 and 1 only.
    let rq = Request::new(OEM_30, Cmd(0x01), &[9]);
    for lun in 0..=3 {
        let (cc, data, _) = run(&rq.with_lun(Lun::new(lun).unwrap()), Privilege::User);
        if lun <= 1 {
            assert_eq!((cc, data), (CompletionCode::NORMAL, vec![9]));
        } else {
            assert_eq!(cc, CompletionCode::INVALID_COMMAND_FOR_LUN);
        }
    }
}

#[test]
fn invalid_field_from_typed_parse_answers_cc() {
    let (cc, data, bmc) = run(
        &Request::new(Bump::NETFN, Bump::CMD, &[0xFF]),
        Privilege::Operator,
    );
    assert_eq!(cc, CompletionCode::INVALID_DATA_FIELD);
    assert!(data.is_empty());
    assert_eq!(bmc.calls, 0, "the handler never sees an invalid request");
    let (cc, data, _) = run(
        &Request::new(Bump::NETFN, Bump::CMD, &[0x41]),
        Privilege::Operator,
    );
    assert_eq!((cc, data), (CompletionCode::NORMAL, vec![0x42]));
}

#[test]
fn handler_errors_pass_through_and_bugs_become_ff() {
    let (cc, data, bmc) = run(&Request::new(OEM_30, Cmd(0x02), &[]), Privilege::User);
    assert_eq!(
        (cc, data.len(), bmc.calls),
        (CompletionCode::NODE_BUSY, 0, 1)
    );
    let (cc, _, _) = run(&Request::new(OEM_30, Cmd(0x03), &[]), Privilege::User);
    assert_eq!(cc, CompletionCode::UNSPECIFIED);
    let (cc, data, _) = run(&Request::new(OEM_30, Cmd(0x04), &[]), Privilege::User);
    assert_eq!((cc, data.len()), (CompletionCode::UNSPECIFIED, 0));
    // Handler-level field check (raw handler).
    let (cc, _, bmc) = run(
        &Request::new(NetFn::CHASSIS, Cmd(0x02), &[9]),
        Privilege::Operator,
    );
    assert_eq!(
        (cc, bmc.control),
        (CompletionCode::INVALID_DATA_FIELD, None)
    );
    let (cc, _, bmc) = run(
        &Request::new(NetFn::CHASSIS, Cmd(0x02), &[1]),
        Privilege::Operator,
    );
    assert_eq!((cc, bmc.control), (CompletionCode::NORMAL, Some(1)));
}

#[test]
fn response_netfn_is_not_answered() {
    let mut out = [0u8; 16];
    for code in (1..=0x3F).step_by(2) {
        let netfn = NetFn::new(code).unwrap();
        let rq = Request::new(netfn, Cmd(0x01), &[]);
        assert_eq!(
            dispatch(
                &ROUTES,
                &mut Bmc::default(),
                &rq,
                &Origin::system_interface(),
                &mut out
            ),
            Err(DispatchError::NotARequest { netfn })
        );
    }
    // On the system interface too; IPMB rejects it at parse time.
    let e = respond_system_interface(
        &ROUTES,
        &mut Bmc::default(),
        &[0x1C, 0x01],
        &Origin::system_interface(),
        &mut out,
    )
    .unwrap_err();
    assert_eq!(
        e,
        DispatchError::NotARequest {
            netfn: NetFn::APP.response()
        }
    );
    assert!(!e.to_string().is_empty());
}

// ----- privilege matrix ---------------------------------------------------------------------

/// Every route at every privilege level, with data of the route's minimum length: D4h exactly
/// when the level does not satisfy the route's, and the handler not called then.
#[test]
fn privilege_matrix() {
    let mut walked = 0;
    for route in &ROUTES {
        let (min, _) = route.request_len();
        let mut data = vec![0u8; route.body_code().len() + min];
        match route.body_code() {
            BodyCode::None => {}
            BodyCode::Group(DefiningBody(b)) => data[0] = b,
            BodyCode::Iana(n) => data[..3].copy_from_slice(&n.to_le_bytes()[..3]),
        }
        let rq = Request::new(route.netfn(), route.cmd(), &data);
        for privilege in ALL_PRIVILEGES {
            let (cc, _, bmc) = run(&rq, privilege);
            if !privilege.satisfies(route.privilege()) {
                assert_eq!(
                    cc,
                    CompletionCode::INSUFFICIENT_PRIVILEGE,
                    "{route:?} at {privilege:?}"
                );
                assert_eq!(bmc.calls, 0);
            } else {
                assert_ne!(
                    cc,
                    CompletionCode::INSUFFICIENT_PRIVILEGE,
                    "{route:?} at {privilege:?}"
                );
            }
            walked += 1;
        }
    }
    assert_eq!(walked, ROUTES.len() * ALL_PRIVILEGES.len());
}

/// Privilege is checked before length: a short request from a low privilege gets D4h.
#[test]
fn privilege_before_length() {
    let (cc, _, _) = run(
        &Request::new(NetFn::CHASSIS, Cmd(0x02), &[]),
        Privilege::User,
    );
    assert_eq!(cc, CompletionCode::INSUFFICIENT_PRIVILEGE);
    let (cc, _, _) = run(
        &Request::new(NetFn::CHASSIS, Cmd(0x02), &[]),
        Privilege::Operator,
    );
    assert_eq!(cc, CompletionCode::REQUEST_DATA_LENGTH_INVALID);
}

// ----- length checks ------------------------------------------------------------------------

/// Every data length from 0 to max + 3 for every route with a bounded length: C7h exactly
/// outside `min..=max`.
#[test]
fn length_checks_at_every_boundary() {
    let mut walked = 0;
    for route in ROUTES.iter().filter(|r| r.request_len().1 < 255) {
        let (min, max) = route.request_len();
        let body_len = route.body_code().len();
        for len in 0..=max + 3 {
            let mut data = vec![0u8; body_len + len];
            match route.body_code() {
                BodyCode::None => {}
                BodyCode::Group(DefiningBody(b)) => data[0] = b,
                BodyCode::Iana(n) => data[..3].copy_from_slice(&n.to_le_bytes()[..3]),
            }
            let rq = Request::new(route.netfn(), route.cmd(), &data);
            let (cc, _, bmc) = run(&rq, route.privilege());
            if (min..=max).contains(&len) {
                assert_ne!(
                    cc,
                    CompletionCode::REQUEST_DATA_LENGTH_INVALID,
                    "{route:?} len {len}"
                );
            } else {
                assert_eq!(
                    cc,
                    CompletionCode::REQUEST_DATA_LENGTH_INVALID,
                    "{route:?} len {len}"
                );
                assert_eq!(bmc.calls, 0);
            }
            walked += 1;
        }
    }
    assert_eq!(walked, 67);
}

#[test]
fn route_with_empty_length_range_refuses_everything() {
    static NONE: [Route<Bmc>; 1] = [Route::new(
        NetFn::APP,
        Cmd(0x01),
        Privilege::None,
        3,
        2,
        ok_empty,
    )];
    let mut out = [0u8; 8];
    for len in 0..6 {
        let data = vec![0; len];
        let rs = dispatch(
            &NONE,
            &mut Bmc::default(),
            &Request::new(NetFn::APP, Cmd(0x01), &data),
            &at(Privilege::None),
            &mut out,
        )
        .unwrap();
        assert_eq!(rs.completion, CompletionCode::REQUEST_DATA_LENGTH_INVALID);
    }
}

// ----- group extension and OEM/group routing ------------------------------------------------

#[test]
fn dcmi_group_extension_echoes_the_defining_body() {
    // DCMI Get Power Reading: DCh, mode 01h (system power statistics), 00h, 00h.
    let (cc, data, bmc) = run(
        &Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 0x01, 0x00, 0x00]),
        Privilege::User,
    );
    assert_eq!(cc, CompletionCode::NORMAL);
    assert_eq!(data.len(), 18);
    assert_eq!(data[0], 0xDC);
    assert_eq!(
        bmc.seen,
        vec![0x01, 0x00, 0x00],
        "the handler sees the data after DCh"
    );

    // Same NetFn and command, PICMG body: another route.
    let (cc, data, bmc) = run(
        &Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0x00, 0xAB]),
        Privilege::User,
    );
    assert_eq!((cc, data), (CompletionCode::NORMAL, vec![0x00, 0xAB]));
    assert_eq!(bmc.seen, vec![0xAB]);

    // Errors echo the body too: a wrong length, an unknown defining body, low privilege.
    let cases: [(&[u8], Privilege, CompletionCode); 4] = [
        (
            &[0xDC, 0x01],
            Privilege::User,
            CompletionCode::REQUEST_DATA_LENGTH_INVALID,
        ),
        (
            &[0x03, 0x01],
            Privilege::User,
            CompletionCode::INVALID_COMMAND,
        ),
        (&[0x01], Privilege::User, CompletionCode::INVALID_COMMAND),
        (
            &[0xDC, 1, 0, 0],
            Privilege::Callback,
            CompletionCode::INSUFFICIENT_PRIVILEGE,
        ),
    ];
    for (req, privilege, want) in cases {
        let (cc, data, _) = run(
            &Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), req),
            privilege,
        );
        assert_eq!((cc, data), (want, vec![req[0]]), "{req:02X?}");
    }

    // Without the defining body there is nothing to route or echo: C7h alone.
    let (cc, data, _) = run(
        &Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[]),
        Privilege::User,
    );
    assert_eq!(
        (cc, data),
        (CompletionCode::REQUEST_DATA_LENGTH_INVALID, vec![])
    );

    // The response knows its defining body.
    let mut out = [0u8; 32];
    let rq = Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 0x01, 0x00, 0x00]);
    let rs = dispatch(
        &ROUTES,
        &mut Bmc::default(),
        &rq,
        &at(Privilege::User),
        &mut out,
    )
    .unwrap();
    assert_eq!(rs.defining_body(), Some(DefiningBody::DCMI));
}

#[test]
fn oem_group_echoes_the_iana_number() {
    let iana = DCMI_IANA_TEST.to_le_bytes();
    let rq_data = [iana[0], iana[1], iana[2], 0x11, 0x22];
    let (cc, data, bmc) = run(
        &Request::new(NetFn::OEM_GROUP, Cmd(0x01), &rq_data),
        Privilege::Oem,
    );
    assert_eq!((cc, data), (CompletionCode::NORMAL, rq_data.to_vec()));
    assert_eq!(bmc.seen, vec![0x11, 0x22]);
    // Administrator does not satisfy OEM: OEM is off the Callback..Administrator ladder.
    let (cc, data, _) = run(
        &Request::new(NetFn::OEM_GROUP, Cmd(0x01), &rq_data),
        Privilege::Administrator,
    );
    assert_eq!(
        (cc, data),
        (CompletionCode::INSUFFICIENT_PRIVILEGE, iana[..3].to_vec())
    );
    // Another enterprise: C1h, its number echoed.
    let (cc, data, _) = run(
        &Request::new(NetFn::OEM_GROUP, Cmd(0x01), &[1, 2, 3]),
        Privilege::Oem,
    );
    assert_eq!((cc, data), (CompletionCode::INVALID_COMMAND, vec![1, 2, 3]));
    // Fewer than three bytes: C7h, nothing echoed.
    for short in [&[][..], &[1], &[1, 2]] {
        let (cc, data, _) = run(
            &Request::new(NetFn::OEM_GROUP, Cmd(0x01), short),
            Privilege::Oem,
        );
        assert_eq!(
            (cc, data),
            (CompletionCode::REQUEST_DATA_LENGTH_INVALID, vec![])
        );
    }
}

#[test]
fn body_code_split() {
    assert_eq!(
        BodyCode::split(NetFn::APP, &[1, 2]),
        Some((BodyCode::None, &[1u8, 2][..]))
    );
    assert_eq!(
        BodyCode::split(NetFn::GROUP_EXTENSION, &[0xDC, 2]),
        Some((BodyCode::Group(DefiningBody::DCMI), &[2u8][..]))
    );
    assert_eq!(BodyCode::split(NetFn::GROUP_EXTENSION, &[]), None);
    assert_eq!(
        BodyCode::split(NetFn::OEM_GROUP, &[0x57, 0x01, 0x00]),
        Some((BodyCode::Iana(0x157), &[][..]))
    );
    assert_eq!(BodyCode::split(NetFn::OEM_GROUP, &[0x57, 0x01]), None);
    assert_eq!((BodyCode::None.len(), BodyCode::Iana(0).len()), (0, 3));
    assert!(BodyCode::None.is_empty() && !BodyCode::Group(DefiningBody::PICMG).is_empty());
    // `oem` keeps 24 bits.
    let r: Route<Bmc> =
        Route::new(NetFn::OEM_GROUP, Cmd(1), Privilege::User, 0, 0, ok_empty).oem(0xFF00_0157);
    assert_eq!(r.body_code(), BodyCode::Iana(0x157));
}

// ----- small response buffers ---------------------------------------------------------------

#[test]
fn response_too_big_for_the_buffer_answers_ca() {
    let rq = Request::new(NetFn::APP, Cmd(0x01), &[]);
    for len in 0..11 {
        let mut out = vec![0u8; len];
        let mut bmc = Bmc::default();
        let rs = dispatch(&ROUTES, &mut bmc, &rq, &at(Privilege::User), &mut out).unwrap();
        assert_eq!(
            rs.completion,
            CompletionCode::CANNOT_RETURN_REQUESTED_BYTES,
            "{len}"
        );
        assert!(rs.data.is_empty());
        // Shorter than the shortest Get Device ID response: refused before the handler.
        assert_eq!(bmc.calls, 0, "{len}");
    }
    let mut out = [0u8; 11];
    let rs = dispatch(
        &ROUTES,
        &mut Bmc::default(),
        &rq,
        &at(Privilege::User),
        &mut out,
    )
    .unwrap();
    assert_eq!((rs.completion, rs.data.len()), (CompletionCode::NORMAL, 11));

    // A group request needs room for its body code, or there is no well-formed answer.
    let rq = Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 1, 0, 0]);
    let mut out = [];
    assert_eq!(
        dispatch(
            &ROUTES,
            &mut Bmc::default(),
            &rq,
            &at(Privilege::User),
            &mut out
        ),
        Err(DispatchError::BufferTooSmall {
            needed: 1,
            available: 0
        })
    );
    let mut out = [0u8; 5];
    let rs = dispatch(
        &ROUTES,
        &mut Bmc::default(),
        &rq,
        &at(Privilege::User),
        &mut out,
    )
    .unwrap();
    assert_eq!(
        (rs.completion, rs.data),
        (CompletionCode::CANNOT_RETURN_REQUESTED_BYTES, &[0xDC][..])
    );
}

#[test]
fn framed_buffers_too_small() {
    let mut bmc = Bmc::default();
    for len in 0..3 {
        let mut out = vec![0u8; len];
        assert_eq!(
            respond_system_interface(
                &ROUTES,
                &mut bmc,
                &[0x18, 0x01],
                &host_at(Privilege::User),
                &mut out
            ),
            Err(DispatchError::BufferTooSmall {
                needed: 3,
                available: len
            })
        );
    }
    let mut out = [0u8; 3];
    assert_eq!(
        respond_system_interface(
            &ROUTES,
            &mut bmc,
            &[0xB0, 0x02, 0xDC, 1, 0, 0],
            &host_at(Privilege::User),
            &mut out
        ),
        Err(DispatchError::BufferTooSmall {
            needed: 4,
            available: 3
        })
    );
    let frame = ipmb_frame(NetFn::APP, Cmd(0x01), &[]);
    for len in 0..8 {
        let mut out = vec![0u8; len];
        assert_eq!(
            respond_ipmb(
                &ROUTES,
                &mut bmc,
                &frame,
                &ipmb_at(Privilege::User),
                &mut out
            ),
            Err(DispatchError::BufferTooSmall {
                needed: 8,
                available: len
            })
        );
    }
    // Exactly the header: the answer is CAh without data.
    let mut out = [0u8; 8];
    let n = respond_ipmb(
        &ROUTES,
        &mut bmc,
        &frame,
        &ipmb_at(Privilege::User),
        &mut out,
    )
    .unwrap();
    let rs = IpmbResponse::parse(&out[..n]).unwrap();
    assert_eq!(
        rs.message.completion,
        CompletionCode::CANNOT_RETURN_REQUESTED_BYTES
    );
    for len in 0..5 {
        let mut out = vec![0u8; len];
        assert_eq!(
            respond_bt(
                &ROUTES,
                &mut bmc,
                &[0x03, 0x18, 0x07, 0x01],
                &host_at(Privilege::User),
                &mut out
            ),
            Err(DispatchError::BufferTooSmall {
                needed: 5,
                available: len
            })
        );
    }
}

// ----- framed entry points ------------------------------------------------------------------

fn ipmb_frame(netfn: NetFn, cmd: Cmd, data: &[u8]) -> Vec<u8> {
    let rq = IpmbRequest {
        rs_sa: 0x20,
        rq_sa: 0x81,
        rq_seq: RqSeq::new(0x2B).unwrap(),
        rq_lun: Lun::SMS,
        message: Request::new(netfn, cmd, data),
    };
    let mut buf = vec![0u8; rq.buffer_len()];
    rq.emit(&mut buf).unwrap();
    buf
}

#[test]
fn ipmb_round_trip_and_32_byte_limit() {
    let mut bmc = Bmc::default();
    let frame = ipmb_frame(NetFn::CHASSIS, Cmd(0x02), &[0x01]);
    let mut out = [0xA5u8; 32];
    let n = respond_ipmb(
        &ROUTES,
        &mut bmc,
        &frame,
        &ipmb_at(Privilege::Operator),
        &mut out,
    )
    .unwrap();
    assert_eq!(&out[..n], &[0x81, 0x06, 0x79, 0x20, 0xAC, 0x02, 0x00, 0x32]);
    let rs = IpmbResponse::parse(&out[..n]).unwrap();
    let rq = IpmbRequest::parse(&frame).unwrap();
    assert_eq!(rs, rq.response(CompletionCode::NORMAL, &[]));
    assert_eq!(bmc.control, Some(1));

    // 30 data bytes do not fit a 32-byte IPMB message (24 at most): CAh.
    let frame = ipmb_frame(OEM_30, Cmd(0x05), &[]);
    let n = respond_ipmb(
        &ROUTES,
        &mut bmc,
        &frame,
        &ipmb_at(Privilege::User),
        &mut out,
    )
    .unwrap();
    assert_eq!(
        IpmbResponse::parse(&out[..n]).unwrap().message.completion,
        CompletionCode::CANNOT_RETURN_REQUESTED_BYTES
    );
    // A LAN-sized buffer holds them.
    let mut lan = [0u8; 64];
    let n = respond_ipmb(
        &ROUTES,
        &mut bmc,
        &frame,
        &ipmb_at(Privilege::User),
        &mut lan,
    )
    .unwrap();
    assert_eq!(
        IpmbResponse::parse(&lan[..n]).unwrap().message.data,
        &[0x5A; 30]
    );

    // Checksum errors: no answer.
    let mut bad = ipmb_frame(NetFn::APP, Cmd(0x01), &[]);
    bad[2] ^= 0x10;
    assert!(matches!(
        respond_ipmb(&ROUTES, &mut bmc, &bad, &ipmb_at(Privilege::User), &mut out),
        Err(DispatchError::Frame(_))
    ));
}

#[test]
fn bt_round_trip() {
    let mut bmc = Bmc::default();
    let mut out = [0u8; 300];
    // Get Device ID, seq 07h.
    let n = respond_bt(
        &ROUTES,
        &mut bmc,
        &[0x03, 0x18, 0x07, 0x01],
        &host_at(Privilege::User),
        &mut out,
    )
    .unwrap();
    let rs = BtResponse::parse(&out[..n]).unwrap();
    assert_eq!(rs.seq, 0x07);
    assert_eq!(rs.message.completion, CompletionCode::NORMAL);
    assert_eq!(DeviceIdResponse::parse(rs.message.data), Ok(DEVICE_ID));
    assert_eq!(&out[..5], &[0x0F, 0x1C, 0x07, 0x01, 0x00]);
    // A bad length byte: no answer.
    assert!(matches!(
        respond_bt(
            &ROUTES,
            &mut bmc,
            &[0x04, 0x18, 0x07, 0x01],
            &host_at(Privilege::User),
            &mut out
        ),
        Err(DispatchError::Frame(_))
    ));
}

// ----- the origin ---------------------------------------------------------------------------

#[test]
fn origin_constructors() {
    assert_eq!(SESSIONLESS_PRIVILEGE, Privilege::Administrator);
    assert_eq!(
        Origin::system_interface(),
        Origin {
            channel: ChannelNumber::SYSTEM_INTERFACE,
            privilege: Privilege::Administrator,
            requester: None,
            session: None,
        }
    );
    let ch6 = ChannelNumber::new(6).unwrap();
    assert_eq!(
        Origin::ipmb(ch6),
        Origin {
            channel: ch6,
            privilege: Privilege::Administrator,
            requester: None,
            session: None,
        }
    );
    let lan = Origin::session(LAN, Privilege::User, SESSION_ID);
    assert_eq!(
        lan,
        Origin {
            channel: LAN,
            privilege: Privilege::User,
            requester: None,
            session: Some(SESSION_ID),
        }
    );
    let requester = Requester {
        address: 0x81,
        lun: Lun::SMS,
    };
    assert_eq!(
        lan.with_requester(requester)
            .with_privilege(Privilege::Operator),
        Origin {
            channel: LAN,
            privilege: Privilege::Operator,
            requester: Some(requester),
            session: Some(SESSION_ID),
        }
    );
}

/// Origins a BMC meets: the host, IPMB requesters, and LAN sessions at every privilege.
fn sample_origins() -> Vec<Origin> {
    let mut origins = vec![
        Origin::system_interface(),
        Origin::ipmb(ChannelNumber::PRIMARY_IPMB),
        Origin::ipmb(ChannelNumber::new(6).unwrap()).with_requester(Requester {
            address: 0x72,
            lun: Lun::OEM2,
        }),
    ];
    for p in ALL_PRIVILEGES {
        origins.push(
            Origin::session(LAN, p, SESSION_ID ^ u32::from(p.code())).with_requester(Requester {
                address: 0x81,
                lun: Lun::from_low_bits(p.code()),
            }),
        );
    }
    origins
}

#[test]
fn origin_reaches_plain_and_typed_handlers_unchanged() {
    // A raw handler (the OEM echo, Callback), a typed local command (Bump, Operator), a typed
    // standard command (Get Device ID, User) and a raw group extension route (DCMI, User).
    let requests = [
        (Request::new(OEM_30, Cmd(0x01), &[7]), Privilege::Callback),
        (
            Request::new(Bump::NETFN, Bump::CMD, &[1]),
            Privilege::Operator,
        ),
        (Request::new(NetFn::APP, Cmd(0x01), &[]), Privilege::User),
        (
            Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 1, 0, 0]),
            Privilege::User,
        ),
    ];
    for origin in sample_origins() {
        let mut bmc = Bmc::default();
        let mut served = 0;
        for (rq, needs) in &requests {
            let mut out = [0u8; 64];
            let rs = dispatch(&ROUTES, &mut bmc, rq, &origin, &mut out).unwrap();
            if origin.privilege.satisfies(*needs) {
                assert_eq!(rs.completion, CompletionCode::NORMAL, "{origin:?} {rq:?}");
                served += 1;
            } else {
                assert_eq!(rs.completion, CompletionCode::INSUFFICIENT_PRIVILEGE);
            }
        }
        assert_eq!(bmc.origins, vec![origin; served], "{origin:?}");
    }
}

#[test]
fn system_interface_and_bt_pass_the_origin_unchanged() {
    let with_requester = Origin::system_interface().with_requester(Requester {
        address: 0x41,
        lun: Lun::OEM1,
    });
    for origin in [
        Origin::system_interface(),
        with_requester,
        host_at(Privilege::Operator),
    ] {
        let mut bmc = Bmc::default();
        let mut out = [0u8; 64];
        // Bump (OEM NetFn 32h): netFn/LUN C8h, cmd 10h, data 05h -> CCh 10h 00h 06h.
        let n = respond_system_interface(&ROUTES, &mut bmc, &[0xC8, 0x10, 0x05], &origin, &mut out)
            .unwrap();
        assert_eq!(&out[..n], &[0xCC, 0x10, 0x00, 0x06]);
        // The same over BT, seq 09h.
        let n = respond_bt(
            &ROUTES,
            &mut bmc,
            &[0x04, 0xC8, 0x09, 0x10, 0x05],
            &origin,
            &mut out,
        )
        .unwrap();
        assert_eq!(&out[..n], &[0x05, 0xCC, 0x09, 0x10, 0x00, 0x06]);
        assert_eq!(bmc.origins, vec![origin, origin]);
    }
}

fn ipmb_request_bytes(rq_sa: u8, rq_lun: Lun, seq: u8, message: Request<'_>) -> Vec<u8> {
    let rq = IpmbRequest {
        rs_sa: 0x20,
        rq_sa,
        rq_seq: RqSeq::new(seq).unwrap(),
        rq_lun,
        message,
    };
    let mut buf = vec![0u8; rq.buffer_len()];
    rq.emit(&mut buf).unwrap();
    buf
}

#[test]
fn ipmb_handlers_see_the_frames_requester() {
    let stale = Requester {
        address: 0x99,
        lun: Lun::BMC,
    };
    for (rq_sa, rq_lun) in [(0x81, 0), (0x20, 1), (0x72, 2), (0xB1, 3)] {
        let rq_lun = Lun::new(rq_lun).unwrap();
        for origin in [
            Origin::ipmb(ChannelNumber::PRIMARY_IPMB),
            Origin::ipmb(ChannelNumber::PRIMARY_IPMB).with_requester(stale),
            Origin::session(LAN, Privilege::Operator, SESSION_ID),
        ] {
            let frame = ipmb_request_bytes(
                rq_sa,
                rq_lun,
                0x11,
                Request::new(Bump::NETFN, Bump::CMD, &[0x41]),
            );
            let mut bmc = Bmc::default();
            let mut out = [0u8; 32];
            let n = respond_ipmb(&ROUTES, &mut bmc, &frame, &origin, &mut out).unwrap();
            let rs = IpmbResponse::parse(&out[..n]).unwrap();
            assert_eq!((rs.rq_sa, rs.rq_lun), (rq_sa, rq_lun));
            assert_eq!(
                (rs.message.completion, rs.message.data),
                (CompletionCode::NORMAL, &[0x42][..])
            );
            // Channel, privilege and session as given; the requester from the frame,
            // replacing any the caller set.
            let seen = origin.with_requester(Requester {
                address: rq_sa,
                lun: rq_lun,
            });
            assert_eq!(bmc.origins, vec![seen]);
        }
    }
}

// ----- channel-limited routes ---------------------------------------------------------------

impl CommandHandler<PlatformEventMessage> for Bmc {
    fn handle(
        &mut self,
        request: PlatformEventMessageRequest,
        origin: &Origin,
    ) -> Result<Empty, CompletionCode> {
        self.saw(origin);
        self.events
            .push(request.to_system_event(Timestamp(0x6000_0000)));
        Ok(Empty)
    }
}

impl CommandHandler<PlatformEventMessageIpmb> for Bmc {
    fn handle(
        &mut self,
        request: PlatformEventMessageIpmbRequest,
        origin: &Origin,
    ) -> Result<Empty, CompletionCode> {
        self.saw(origin);
        // IPMI 2.0 §29.3: on IPMB and LAN the generator is the requester and the channel.
        let rq = origin.requester.ok_or(CompletionCode::UNSPECIFIED)?;
        let generator = ipmb_generator_id(rq.address, rq.lun, origin.channel);
        self.events
            .push(request.to_system_event(generator, Timestamp(0x6000_0000)));
        Ok(Empty)
    }
}

/// Platform Event Message (Sensor/Event 02h) in its two forms, which only the channel tells
/// apart (IPMI 2.0 §29.3, Table 29-5): the system interface form (generator ID first, 6 to 8
/// bytes) on channel Fh, the IPMB/LAN form (5 to 7 bytes) on the primary IPMB and the LAN
/// channel.
static EVENT_ROUTES: [Route<Bmc>; 2] = [
    Route::command::<PlatformEventMessage>().channels(ChannelNumber::SYSTEM_INTERFACE.mask()),
    Route::command::<PlatformEventMessageIpmb>()
        .channels(ChannelNumber::PRIMARY_IPMB.mask() | LAN.mask()),
];
const _: () = assert!(check_routes(&EVENT_ROUTES).is_ok());

/// `ipmitool event 1` on the system interface: generator 41h (software ID 20h), EvMRev 04h,
/// temperature sensor 30h, threshold assertion (upper critical going high), event data 2 and
/// 3 unspecified.
const EVENT_SI: [u8; 8] = [0x41, 0x04, 0x01, 0x30, 0x01, 0x09, 0xFF, 0xFF];
/// The same event in the IPMB/LAN form: no generator byte.
const EVENT_IPMB: [u8; 7] = [0x04, 0x01, 0x30, 0x01, 0x09, 0xFF, 0xFF];

#[test]
fn channel_limited_routes_serve_each_form_on_its_channel() {
    let mut bmc = Bmc::default();
    let mut out = [0xA5u8; 32];

    // System interface: the 8-byte form; the generator is its first byte.
    let rq = Request::new(NetFn::SENSOR_EVENT, Cmd(0x02), &EVENT_SI);
    let rs = dispatch(
        &EVENT_ROUTES,
        &mut bmc,
        &rq,
        &Origin::system_interface(),
        &mut out,
    )
    .unwrap();
    assert_eq!((rs.completion, rs.data), (CompletionCode::NORMAL, &[][..]));
    assert_eq!(bmc.events.len(), 1);
    assert_eq!(bmc.events[0].generator, GeneratorId(0x0041));

    // Primary IPMB, through respond_ipmb: the 7-byte form from rqSA 81h, rqLUN 00b.
    let frame = ipmb_request_bytes(
        0x81,
        Lun::BMC,
        0x03,
        Request::new(NetFn::SENSOR_EVENT, Cmd(0x02), &EVENT_IPMB),
    );
    let ipmb = Origin::ipmb(ChannelNumber::PRIMARY_IPMB);
    let n = respond_ipmb(&EVENT_ROUTES, &mut bmc, &frame, &ipmb, &mut out).unwrap();
    let rs = IpmbResponse::parse(&out[..n]).unwrap();
    assert_eq!(rs.message.completion, CompletionCode::NORMAL);
    assert_eq!(bmc.events.len(), 2);
    // Table 32-1: generator byte 1 = rqSA, byte 2 = channel 0h, LUN 00b.
    assert_eq!(bmc.events[1].generator, GeneratorId(0x0081));

    // A LAN session at Operator: the IPMB/LAN form; channel 1 goes into the generator.
    let lan = Origin::session(LAN, Privilege::Operator, SESSION_ID).with_requester(Requester {
        address: 0x81,
        lun: Lun::BMC,
    });
    let rq = Request::new(NetFn::SENSOR_EVENT, Cmd(0x02), &EVENT_IPMB);
    let rs = dispatch(&EVENT_ROUTES, &mut bmc, &rq, &lan, &mut out).unwrap();
    assert_eq!(rs.completion, CompletionCode::NORMAL);
    assert_eq!(bmc.events[2].generator, GeneratorId(0x1081));

    // The three are the same event apart from the generator.
    for e in &bmc.events[1..] {
        assert_eq!(
            SystemEvent {
                generator: GeneratorId(0x0041),
                ..*e
            },
            bmc.events[0]
        );
    }

    // Each route's length bounds hold on its own channel: the 8-byte form on IPMB is too long
    // for the IPMB/LAN form (C7h), not taken by the system interface route.
    let calls = bmc.calls;
    let rq = Request::new(NetFn::SENSOR_EVENT, Cmd(0x02), &EVENT_SI);
    let rs = dispatch(&EVENT_ROUTES, &mut bmc, &rq, &ipmb, &mut out).unwrap();
    assert_eq!(rs.completion, CompletionCode::REQUEST_DATA_LENGTH_INVALID);
    // A 4-byte request is too short for both.
    for origin in [Origin::system_interface(), ipmb] {
        let rq = Request::new(NetFn::SENSOR_EVENT, Cmd(0x02), &EVENT_IPMB[..4]);
        let rs = dispatch(&EVENT_ROUTES, &mut bmc, &rq, &origin, &mut out).unwrap();
        assert_eq!(rs.completion, CompletionCode::REQUEST_DATA_LENGTH_INVALID);
    }
    assert_eq!(bmc.calls, calls);

    // LAN below Operator: D4h (the route matched, the privilege did not).
    let rs = dispatch(
        &EVENT_ROUTES,
        &mut bmc,
        &Request::new(NetFn::SENSOR_EVENT, Cmd(0x02), &EVENT_IPMB),
        &lan.with_privilege(Privilege::User),
        &mut out,
    )
    .unwrap();
    assert_eq!(rs.completion, CompletionCode::INSUFFICIENT_PRIVILEGE);
    assert_eq!(bmc.events.len(), 3);
}

#[test]
fn channel_limited_routes_answer_c1_on_other_channels() {
    let mut walked = 0;
    for channel in 0..=ChannelNumber::MAX {
        let ch = ChannelNumber::new(channel).unwrap();
        let served = [0x0, 0x1, 0xF].contains(&channel);
        assert_eq!(
            EVENT_ROUTES.iter().any(|r| r.serves_channel(ch)),
            served,
            "{channel:X}"
        );
        for data in [&EVENT_SI[..], &EVENT_IPMB[..]] {
            let mut bmc = Bmc::default();
            let mut out = [0u8; 32];
            let origin = Origin::ipmb(ch).with_requester(Requester {
                address: 0x81,
                lun: Lun::BMC,
            });
            let rq = Request::new(NetFn::SENSOR_EVENT, Cmd(0x02), data);
            let rs = dispatch(&EVENT_ROUTES, &mut bmc, &rq, &origin, &mut out).unwrap();
            if served {
                assert_ne!(
                    rs.completion,
                    CompletionCode::INVALID_COMMAND,
                    "{channel:X}"
                );
            } else {
                assert_eq!(
                    rs.completion,
                    CompletionCode::INVALID_COMMAND,
                    "{channel:X}"
                );
                assert_eq!(bmc.calls, 0);
            }
            walked += 1;
        }
    }
    assert_eq!(walked, 32);
}

/// A route limited to some channels still takes part in the LUN check only on those: on a
/// channel it does not serve, another route's LUNs decide (C2h), or none (C1h).
#[test]
fn channel_limits_and_luns_combine() {
    static T: [Route<Bmc>; 2] = [
        // All LUNs, system interface only.
        Route::new(OEM_30, Cmd(0x20), Privilege::User, 0, 8, echo)
            .luns(0b1111)
            .channels(ChannelNumber::SYSTEM_INTERFACE.mask()),
        // LUN 00b, primary IPMB only.
        Route::new(OEM_30, Cmd(0x20), Privilege::User, 0, 8, busy)
            .channels(ChannelNumber::PRIMARY_IPMB.mask()),
    ];
    const _: () = assert!(check_routes(&T).is_ok());
    let rq = Request::new(OEM_30, Cmd(0x20), &[1]);
    let mut out = [0u8; 16];
    let lun2 = rq.with_lun(Lun::SMS);
    let cases = [
        (Origin::system_interface(), rq, CompletionCode::NORMAL),
        (Origin::system_interface(), lun2, CompletionCode::NORMAL),
        (
            Origin::ipmb(ChannelNumber::PRIMARY_IPMB),
            rq,
            CompletionCode::NODE_BUSY,
        ),
        (
            Origin::ipmb(ChannelNumber::PRIMARY_IPMB),
            lun2,
            CompletionCode::INVALID_COMMAND_FOR_LUN,
        ),
        (
            at(Privilege::Administrator),
            rq,
            CompletionCode::INVALID_COMMAND,
        ),
        (
            at(Privilege::Administrator),
            lun2,
            CompletionCode::INVALID_COMMAND,
        ),
    ];
    for (origin, rq, want) in cases {
        let rs = dispatch(&T, &mut Bmc::default(), &rq, &origin, &mut out).unwrap();
        assert_eq!(rs.completion, want, "{origin:?} {rq:?}");
    }
}

// ----- the privilege rules, OEM included ----------------------------------------------------

fn served(
    bmc: &mut Bmc,
    _: &Request<'_>,
    origin: &Origin,
    _: &mut [u8],
) -> Result<usize, CompletionCode> {
    bmc.saw(origin);
    Ok(0)
}

/// One route per required privilege: OEM 30h command 40h + the privilege code.
static PRIVILEGE_ROUTES: [Route<Bmc>; 6] = [
    Route::new(OEM_30, Cmd(0x40), Privilege::None, 0, 0, served),
    Route::new(OEM_30, Cmd(0x41), Privilege::Callback, 0, 0, served),
    Route::new(OEM_30, Cmd(0x42), Privilege::User, 0, 0, served),
    Route::new(OEM_30, Cmd(0x43), Privilege::Operator, 0, 0, served),
    Route::new(OEM_30, Cmd(0x44), Privilege::Administrator, 0, 0, served),
    Route::new(OEM_30, Cmd(0x45), Privilege::Oem, 0, 0, served),
];
const _: () = assert!(check_routes(&PRIVILEGE_ROUTES).is_ok());

/// Who may run what, written out rather than derived from the code under test. Rows: the
/// caller's privilege; columns: the route's; both in the order None, Callback, User, Operator,
/// Administrator, OEM. `Y`: served; `-`: D4h.
///
/// IPMI 2.0 §6.8: Callback < User < Operator < Administrator, each level allowed what the
/// ones below it are; a command needing no privilege (None) is open to all. The OEM level is
/// not on that ladder: we grant it only OEM (and None) commands, and only it runs them.
const EXPECTED_PRIVILEGE_MATRIX: [&str; 6] = [
    //  N C U O A M   (route)
    "Y-----", // None
    "YY----", // Callback
    "YYY---", // User
    "YYYY--", // Operator
    "YYYYY-", // Administrator
    "Y----Y", // OEM
];

#[test]
fn privilege_matrix_six_by_six_with_oem_off_the_ladder() {
    let mut walked = 0;
    for (i, caller) in ALL_PRIVILEGES.into_iter().enumerate() {
        let row = EXPECTED_PRIVILEGE_MATRIX[i].as_bytes();
        for (j, route) in PRIVILEGE_ROUTES.iter().enumerate() {
            assert_eq!(route.privilege(), ALL_PRIVILEGES[j]);
            let allowed = match row[j] {
                b'Y' => true,
                b'-' => false,
                other => panic!("bad matrix entry {other}"),
            };
            // Through dispatch, whatever the channel the privilege came with.
            for origin in [at(caller), host_at(caller), ipmb_at(caller)] {
                let mut bmc = Bmc::default();
                let mut out = [0u8; 8];
                let rq = Request::new(OEM_30, route.cmd(), &[]);
                let rs = dispatch(&PRIVILEGE_ROUTES, &mut bmc, &rq, &origin, &mut out).unwrap();
                if allowed {
                    assert_eq!(
                        (rs.completion, bmc.calls),
                        (CompletionCode::NORMAL, 1),
                        "{caller:?} -> {:?}",
                        route.privilege()
                    );
                } else {
                    assert_eq!(
                        (rs.completion, bmc.calls),
                        (CompletionCode::INSUFFICIENT_PRIVILEGE, 0),
                        "{caller:?} -> {:?}",
                        route.privilege()
                    );
                }
            }
            // The written matrix and `satisfies` agree.
            assert_eq!(caller.satisfies(route.privilege()), allowed);
            walked += 1;
        }
    }
    assert_eq!(walked, 36);
}

#[test]
fn privilege_codes() {
    // Table 22-15 byte 2 / Table 22-19: 1h Callback .. 5h OEM; 0h and 6h-Fh are no level.
    for p in ALL_PRIVILEGES {
        let expected = if p == Privilege::None { None } else { Some(p) };
        assert_eq!(Privilege::from_code(p.code()), expected);
    }
    assert_eq!(ALL_PRIVILEGES.map(Privilege::code), [0, 1, 2, 3, 4, 5]);
    for code in 6..=u8::MAX {
        assert_eq!(Privilege::from_code(code), None);
    }
}

// ----- CAh: before and after a typed handler ------------------------------------------------

#[test]
fn typed_route_refuses_a_short_buffer_before_the_handler_runs() {
    let rq = Request::new(Bump::NETFN, Bump::CMD, &[0x41]);
    let operator = at(Privilege::Operator);
    // Bump answers one byte: with no room the handler does not run (no side effect).
    let mut bmc = Bmc::default();
    let rs = dispatch(&ROUTES, &mut bmc, &rq, &operator, &mut []).unwrap();
    assert_eq!(
        (rs.completion, rs.data),
        (CompletionCode::CANNOT_RETURN_REQUESTED_BYTES, &[][..])
    );
    assert_eq!(bmc.calls, 0);
    assert!(bmc.origins.is_empty());
    // One byte of room is enough.
    let mut out = [0u8; 1];
    let rs = dispatch(&ROUTES, &mut bmc, &rq, &operator, &mut out).unwrap();
    assert_eq!(
        (rs.completion, rs.data),
        (CompletionCode::NORMAL, &[0x42][..])
    );
    assert_eq!(bmc.calls, 1);

    // The request is parsed first: an invalid field is CCh even without room.
    let mut bmc = Bmc::default();
    let bad = Request::new(Bump::NETFN, Bump::CMD, &[0xFF]);
    let rs = dispatch(&ROUTES, &mut bmc, &bad, &operator, &mut []).unwrap();
    assert_eq!(rs.completion, CompletionCode::INVALID_DATA_FIELD);
    assert_eq!(bmc.calls, 0);

    // A group extension command: room for the body code and two of the three shortest
    // response bytes: CAh with DCh echoed, the handler not run.
    let rq = Request::new(NetFn::GROUP_EXTENSION, Cmd(0x01), &[0xDC, 0x01]);
    for len in 1..4 {
        let mut bmc = Bmc::default();
        let mut out = vec![0xA5u8; len];
        let rs = dispatch(
            &REQUESTER_ROUTES,
            &mut bmc,
            &rq,
            &Origin::system_interface(),
            &mut out,
        )
        .unwrap();
        assert_eq!(
            (rs.completion, rs.data),
            (CompletionCode::CANNOT_RETURN_REQUESTED_BYTES, &[0xDC][..]),
            "{len}"
        );
        assert_eq!(bmc.calls, 0);
    }

    // Framed: an IPMB frame buffer of 18 bytes leaves 10 bytes for Get Device ID's 11.
    let frame = ipmb_frame(NetFn::APP, Cmd(0x01), &[]);
    let mut bmc = Bmc::default();
    let mut out = [0u8; 18];
    let n = respond_ipmb(
        &ROUTES,
        &mut bmc,
        &frame,
        &ipmb_at(Privilege::User),
        &mut out,
    )
    .unwrap();
    let rs = IpmbResponse::parse(&out[..n]).unwrap();
    assert_eq!(
        rs.message.completion,
        CompletionCode::CANNOT_RETURN_REQUESTED_BYTES
    );
    assert_eq!(bmc.calls, 0);
}

#[test]
fn typed_response_longer_than_the_buffer_is_refused_after_the_handler() {
    // Get Device ID with the auxiliary firmware revision: 15 bytes (the shortest form is 11).
    let rq = Request::new(NetFn::APP, Cmd(0x01), &[]);
    let aux = Some([0x01, 0x02, 0x03, 0x04]);
    for len in 0..=16 {
        let mut bmc = Bmc {
            aux,
            ..Bmc::default()
        };
        let mut out = vec![0xA5u8; len];
        let rs = dispatch(&ROUTES, &mut bmc, &rq, &at(Privilege::User), &mut out).unwrap();
        match len {
            // Before the handler: no side effect.
            0..=10 => {
                assert_eq!(rs.completion, CompletionCode::CANNOT_RETURN_REQUESTED_BYTES);
                assert_eq!(bmc.calls, 0, "{len}");
            }
            // After it: the handler ran (its side effect happened), nothing is sent.
            11..=14 => {
                assert_eq!(
                    (rs.completion, rs.data),
                    (CompletionCode::CANNOT_RETURN_REQUESTED_BYTES, &[][..])
                );
                assert_eq!(bmc.calls, 1, "{len}");
            }
            _ => {
                assert_eq!(rs.completion, CompletionCode::NORMAL);
                assert_eq!(rs.data.len(), 15);
                assert_eq!(
                    DeviceIdResponse::parse(rs.data)
                        .unwrap()
                        .aux_firmware_revision,
                    aux
                );
                assert_eq!(bmc.calls, 1);
            }
        }
    }
}

// ----- .group() and .oem() ------------------------------------------------------------------

#[test]
fn group_and_oem_set_the_netfn() {
    let dcmi: Route<Bmc> = Route::new(NetFn::APP, Cmd(0x02), Privilege::User, 3, 3, dcmi_power)
        .group(DefiningBody::DCMI);
    assert_eq!(
        (dcmi.netfn(), dcmi.body_code()),
        (NetFn::GROUP_EXTENSION, BodyCode::Group(DefiningBody::DCMI))
    );
    let oem: Route<Bmc> =
        Route::new(NetFn::CHASSIS, Cmd(0x01), Privilege::Oem, 0, 8, echo).oem(DCMI_IANA_TEST);
    assert_eq!(
        (oem.netfn(), oem.body_code()),
        (NetFn::OEM_GROUP, BodyCode::Iana(DCMI_IANA_TEST))
    );
    // The last one chained wins.
    let both: Route<Bmc> = Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, ok_empty)
        .group(DefiningBody::PICMG)
        .oem(DCMI_IANA_TEST);
    assert_eq!(
        (both.netfn(), both.body_code()),
        (NetFn::OEM_GROUP, BodyCode::Iana(DCMI_IANA_TEST))
    );
    // A typed route takes the command's NetFn and body code.
    let caps: Route<Bmc> = Route::command::<GetDcmiCapabilities>();
    assert_eq!(
        (caps.netfn(), caps.body_code(), caps.cmd()),
        (
            NetFn::GROUP_EXTENSION,
            BodyCode::Group(DefiningBody::DCMI),
            Cmd(0x01)
        )
    );
    assert_eq!(
        (caps.privilege(), caps.request_len()),
        (Privilege::User, (1, 1))
    );

    // Routes built on another NetFn answer on 2Ch/2Eh only.
    static REHOMED: [Route<Bmc>; 2] = [
        Route::new(NetFn::APP, Cmd(0x02), Privilege::User, 3, 3, dcmi_power)
            .group(DefiningBody::DCMI),
        Route::new(NetFn::CHASSIS, Cmd(0x01), Privilege::Oem, 0, 8, echo).oem(DCMI_IANA_TEST),
    ];
    const _: () = assert!(check_routes(&REHOMED).is_ok());
    let mut out = [0u8; 32];
    let cases: [(Request<'_>, Privilege, CompletionCode, usize); 4] = [
        (
            Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 1, 0, 0]),
            Privilege::User,
            CompletionCode::NORMAL,
            18,
        ),
        (
            Request::new(NetFn::APP, Cmd(0x02), &[1, 0, 0]),
            Privilege::User,
            CompletionCode::INVALID_COMMAND,
            0,
        ),
        (
            Request::new(NetFn::OEM_GROUP, Cmd(0x01), &[0x57, 0x01, 0x00, 0xAA]),
            Privilege::Oem,
            CompletionCode::NORMAL,
            4,
        ),
        (
            Request::new(NetFn::CHASSIS, Cmd(0x01), &[]),
            Privilege::Oem,
            CompletionCode::INVALID_COMMAND,
            0,
        ),
    ];
    for (rq, privilege, want, len) in cases {
        let rs = dispatch(&REHOMED, &mut Bmc::default(), &rq, &at(privilege), &mut out).unwrap();
        assert_eq!((rs.completion, rs.data.len()), (want, len), "{rq:?}");
    }
}

// ----- check_routes -------------------------------------------------------------------------

#[test]
fn check_routes_accepts_the_tables_of_these_tests() {
    assert_eq!(check_routes(&ROUTES), Ok(()));
    assert_eq!(check_routes(&EVENT_ROUTES), Ok(()));
    assert_eq!(check_routes(&PRIVILEGE_ROUTES), Ok(()));
    assert_eq!(check_routes(&REQUESTER_ROUTES), Ok(()));
    assert_eq!(check_routes::<Bmc>(&[]), Ok(()));
}

#[test]
fn check_routes_finds_body_codes_that_do_not_fit() {
    static GROUP_WITHOUT_BODY: [Route<Bmc>; 2] = [
        Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, ok_empty),
        Route::new(
            NetFn::GROUP_EXTENSION,
            Cmd(0x02),
            Privilege::User,
            0,
            8,
            echo,
        ),
    ];
    assert_eq!(
        check_routes(&GROUP_WITHOUT_BODY),
        Err(RouteTableError::BodyCodeMismatch { index: 1 })
    );
    static OEM_WITHOUT_IANA: [Route<Bmc>; 1] = [Route::new(
        NetFn::OEM_GROUP,
        Cmd(0x01),
        Privilege::Oem,
        0,
        8,
        echo,
    )];
    assert_eq!(
        check_routes(&OEM_WITHOUT_IANA),
        Err(RouteTableError::BodyCodeMismatch { index: 0 })
    );
    // A typed command that declares a body code on a NetFn without one.
    static MISFILED: [Route<Bmc>; 1] = [Route::command::<Misfiled>()];
    assert_eq!(
        check_routes(&MISFILED),
        Err(RouteTableError::BodyCodeMismatch { index: 0 })
    );
    // The dead route is indeed never reached: 2Ch requests without a route answer C1h.
    let rq = Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 1]);
    let mut bmc = Bmc::default();
    let mut out = [0u8; 8];
    let rs = dispatch(
        &GROUP_WITHOUT_BODY,
        &mut bmc,
        &rq,
        &Origin::system_interface(),
        &mut out,
    )
    .unwrap();
    assert_eq!(rs.completion, CompletionCode::INVALID_COMMAND);
    assert_eq!(bmc.calls, 0);
}

#[test]
fn check_routes_finds_unreachable_routes() {
    static NO_LUN: [Route<Bmc>; 2] = [
        Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, ok_empty),
        Route::new(NetFn::APP, Cmd(0x02), Privilege::User, 0, 0, ok_empty).luns(0),
    ];
    assert_eq!(
        check_routes(&NO_LUN),
        Err(RouteTableError::Unreachable { index: 1 })
    );
    // Only bits 3:0 of the LUN mask count.
    static HIGH_LUN_BITS: [Route<Bmc>; 1] =
        [Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, ok_empty).luns(0xF0)];
    assert_eq!(
        check_routes(&HIGH_LUN_BITS),
        Err(RouteTableError::Unreachable { index: 0 })
    );
    static NO_CHANNEL: [Route<Bmc>; 1] =
        [Route::new(NetFn::APP, Cmd(0x01), Privilege::User, 0, 0, ok_empty).channels(0)];
    assert_eq!(
        check_routes(&NO_CHANNEL),
        Err(RouteTableError::Unreachable { index: 0 })
    );
}

#[test]
fn check_routes_finds_shadowed_routes() {
    const fn r(
        luns: u8,
        channels: u16,
        handler: ipmi_proto::responder::HandlerFn<Bmc>,
    ) -> Route<Bmc> {
        Route::new(OEM_30, Cmd(0x30), Privilege::User, 0, 8, handler)
            .luns(luns)
            .channels(channels)
    }
    const ALL: u16 = u16::MAX;
    const SI: u16 = ChannelNumber::SYSTEM_INTERFACE.mask();
    const IPMB: u16 = ChannelNumber::PRIMARY_IPMB.mask();

    static DUPLICATE: [Route<Bmc>; 2] = [r(0b0001, ALL, echo), r(0b0001, ALL, busy)];
    const _: () = assert!(matches!(
        check_routes(&DUPLICATE),
        Err(RouteTableError::Shadowed { index: 1, by: 0 })
    ));
    type Case<'t> = (&'t [Route<Bmc>], Result<(), RouteTableError>);
    let cases: [Case<'_>; 9] = [
        // Fewer LUNs than an earlier route.
        (
            &[r(0b1111, ALL, echo), r(0b0100, ALL, busy)],
            Err(RouteTableError::Shadowed { index: 1, by: 0 }),
        ),
        // Fewer channels.
        (
            &[r(0b0001, ALL, echo), r(0b0001, SI, busy)],
            Err(RouteTableError::Shadowed { index: 1, by: 0 }),
        ),
        // The first earlier route that covers it is named.
        (
            &[
                r(0b0001, SI, echo),
                r(0b0011, ALL, echo),
                r(0b0001, SI | IPMB, busy),
                r(0b0001, SI, busy),
            ],
            Err(RouteTableError::Shadowed { index: 2, by: 1 }),
        ),
        // Defects are reported in table order.
        (
            &[r(0b0001, ALL, echo), r(0b0001, ALL, busy), r(0, ALL, busy)],
            Err(RouteTableError::Shadowed { index: 1, by: 0 }),
        ),
        // More LUNs, or other channels, than the earlier route: alive.
        (&[r(0b0001, ALL, echo), r(0b0011, ALL, busy)], Ok(())),
        (&[r(0b0001, SI, echo), r(0b0001, ALL, busy)], Ok(())),
        (&[r(0b0001, SI, echo), r(0b0001, IPMB, busy)], Ok(())),
        // Another command, NetFn or body code: unrelated.
        (
            &[
                r(0b0001, ALL, echo),
                Route::new(OEM_30, Cmd(0x31), Privilege::User, 0, 8, busy),
                Route::new(
                    NetFn::from_netfn_lun(0x34 << 2),
                    Cmd(0x30),
                    Privilege::User,
                    0,
                    8,
                    busy,
                ),
                Route::new(NetFn::APP, Cmd(0x30), Privilege::User, 0, 8, busy)
                    .group(DefiningBody::DCMI),
                Route::new(NetFn::APP, Cmd(0x30), Privilege::User, 0, 8, busy)
                    .group(DefiningBody::PICMG),
                Route::new(NetFn::APP, Cmd(0x30), Privilege::User, 0, 8, busy).oem(1),
                Route::new(NetFn::APP, Cmd(0x30), Privilege::User, 0, 8, busy).oem(2),
            ],
            Ok(()),
        ),
        // Documented limit: a route covered only by two earlier routes together is dead but
        // not reported.
        (
            &[
                r(0b0001, SI, echo),
                r(0b0001, !SI, echo),
                r(0b0001, ALL, busy),
            ],
            Ok(()),
        ),
    ];
    for (table, want) in cases {
        assert_eq!(check_routes(table), want, "{table:?}");
    }

    // What "shadowed" means: the dead route's handler (busy, C0h) never answers, on any LUN
    // or channel.
    for table in [
        &DUPLICATE[..],
        &[r(0b1111, ALL, echo), r(0b0100, ALL, busy)],
        &[r(0b0001, ALL, echo), r(0b0001, SI, busy)],
    ] {
        for lun in 0..=Lun::MAX {
            for channel in 0..=ChannelNumber::MAX {
                let rq = Request::new(OEM_30, Cmd(0x30), &[]).with_lun(Lun::new(lun).unwrap());
                let origin = Origin::ipmb(ChannelNumber::new(channel).unwrap());
                let mut out = [0u8; 8];
                let rs = dispatch(table, &mut Bmc::default(), &rq, &origin, &mut out).unwrap();
                assert_ne!(rs.completion, CompletionCode::NODE_BUSY);
            }
        }
    }
}

#[test]
fn route_table_errors_display_the_index() {
    for (e, needle) in [
        (RouteTableError::BodyCodeMismatch { index: 3 }, "3"),
        (RouteTableError::Unreachable { index: 4 }, "4"),
        (RouteTableError::Shadowed { index: 7, by: 2 }, "2"),
    ] {
        let text = e.to_string();
        assert!(text.contains(needle), "{text}");
        let _: &dyn std::error::Error = &e;
    }
}

/// An IANA enterprise number is 24 bits on the wire (IPMI 2.0 Table 5-1). `Route::oem` keeps
/// the low 24 bits, but a typed command may declare a wider one: its route can never match,
/// `encode_request` sends only the low 24 bits and `decode_response` then refuses every answer
/// (`Body`). `check_routes` should flag such a route.
#[test]
fn check_routes_flags_an_iana_wider_than_24_bits() {
    static WIDE: [Route<Bmc>; 1] = [Route::command::<WideIana>()];
    assert_eq!(
        check_routes(&WIDE),
        Err(RouteTableError::BodyCodeMismatch { index: 0 })
    );
}

/// A wide IANA number is refused on both sides: the requester will not encode it (it would
/// name another enterprise on the wire), and the route never matches a request.
#[test]
fn an_iana_wider_than_24_bits_is_refused() {
    static WIDE: [Route<Bmc>; 1] = [Route::command::<WideIana>()];
    let mut buf = [0xA5u8; 3];
    assert_eq!(
        WideIana::encode_request(&Empty, &mut buf),
        Err(EncodeError::BodyCode {
            netfn: NetFn::OEM_GROUP,
            body: BodyCode::Iana(0x0100_0157)
        })
    );
    assert_eq!(buf, [0xA5; 3], "nothing written");
    // The same bytes built by hand still meet a route that never matches.
    let rq = Request::new(NetFn::OEM_GROUP, WideIana::CMD, &[0x57, 0x01, 0x00]);
    let mut out = [0u8; 8];
    let rs = dispatch(
        &WIDE,
        &mut Bmc::default(),
        &rq,
        &at(Privilege::Oem),
        &mut out,
    )
    .unwrap();
    assert_eq!(rs.completion, CompletionCode::INVALID_COMMAND);
    let answer = rq.response(CompletionCode::NORMAL, &[0x57, 0x01, 0x00, 0x5A]);
    assert_eq!(
        WideIana::decode_response(&answer),
        Err(ResponseError::Body {
            expected: BodyCode::Iana(0x0100_0157),
            found: BodyCode::Iana(0x0157)
        })
    );
}

/// DCMI Get DCMI Capabilities Info (DCMI 1.5 §6.1.1): group extension, defining body DCh,
/// command 01h, User. A test double for the requester helpers: request = the parameter
/// selector (1 to 5 defined); response = DCMI conformance major and minor version, parameter
/// revision, then the parameter data, kept raw (at most 16 bytes here).
struct GetDcmiCapabilities;

/// The parameter selector of Get DCMI Capabilities Info: 01h–05h; other values refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Selector(u8);

impl Message<'_> for Selector {
    const MIN_LEN: usize = 1;
    const MAX_LEN: usize = 1;
    fn parse(data: &[u8]) -> Result<Self, CommandError> {
        check_len(data, 1, 1)?;
        match data {
            [s @ 1..=5] => Ok(Selector(*s)),
            [value] => Err(CommandError::InvalidField {
                offset: 0,
                value: *value,
            }),
            _ => unreachable!(),
        }
    }
    fn buffer_len(&self) -> usize {
        1
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        out_prefix(out, 1)?.copy_from_slice(&[self.0]);
        Ok(1)
    }
}

/// The Get DCMI Capabilities Info response after the group extension byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DcmiCapabilities<'a> {
    major: u8,
    minor: u8,
    parameter_revision: u8,
    parameter: &'a [u8],
}

impl<'a> Message<'a> for DcmiCapabilities<'a> {
    const MIN_LEN: usize = 3;
    const MAX_LEN: usize = 3 + 16;
    fn parse(data: &'a [u8]) -> Result<Self, CommandError> {
        check_len(data, Self::MIN_LEN, Self::MAX_LEN)?;
        match data {
            [major, minor, parameter_revision, parameter @ ..] => Ok(Self {
                major: *major,
                minor: *minor,
                parameter_revision: *parameter_revision,
                parameter,
            }),
            _ => unreachable!(),
        }
    }
    fn buffer_len(&self) -> usize {
        3 + self.parameter.len()
    }
    fn emit(&self, out: &mut [u8]) -> Result<usize, BufferTooSmall> {
        let n = self.buffer_len();
        let dst = out_prefix(out, n)?;
        dst[..3].copy_from_slice(&[self.major, self.minor, self.parameter_revision]);
        dst[3..].copy_from_slice(self.parameter);
        Ok(n)
    }
}

impl Command for GetDcmiCapabilities {
    const NETFN: NetFn = NetFn::GROUP_EXTENSION;
    const CMD: Cmd = Cmd(0x01);
    const PRIVILEGE: Privilege = Privilege::User;
    const BODY: BodyCode = BodyCode::Group(DefiningBody::DCMI);
    type Request<'a> = Selector;
    type Response<'a> = DcmiCapabilities<'a>;
}

/// Parameter 1 (supported DCMI capabilities) as this test BMC reports it.
const DCMI_SUPPORTED_CAPABILITIES: [u8; 3] = [0x00, 0x01, 0x07];

impl CommandHandler<GetDcmiCapabilities> for Bmc {
    fn handle<'r>(
        &'r mut self,
        request: Selector,
        origin: &Origin,
    ) -> Result<DcmiCapabilities<'r>, CompletionCode> {
        self.saw(origin);
        self.seen = DCMI_SUPPORTED_CAPABILITIES.to_vec();
        match request.0 {
            // Borrowed from the context: the response lives as long as the handler's borrow.
            1 => Ok(DcmiCapabilities {
                major: 0x01,
                minor: 0x05,
                parameter_revision: 0x02,
                parameter: &self.seen,
            }),
            _ => Err(CompletionCode::PARAMETER_OUT_OF_RANGE),
        }
    }
}

/// An OEM/group command of enterprise 000157h: command 01h, OEM privilege, no request data,
/// one status byte back.
struct OemStatus;

impl Command for OemStatus {
    const NETFN: NetFn = NetFn::OEM_GROUP;
    const CMD: Cmd = Cmd(0x01);
    const PRIVILEGE: Privilege = Privilege::Oem;
    const BODY: BodyCode = BodyCode::Iana(DCMI_IANA_TEST);
    type Request<'a> = Empty;
    type Response<'a> = Byte;
}

impl CommandHandler<OemStatus> for Bmc {
    fn handle(&mut self, _: Empty, origin: &Origin) -> Result<Byte, CompletionCode> {
        self.saw(origin);
        Ok(Byte(0x5A))
    }
}

/// A command declaring a group extension body code on the App NetFn: a table error.
struct Misfiled;

impl Command for Misfiled {
    const NETFN: NetFn = NetFn::APP;
    const CMD: Cmd = Cmd(0x7E);
    const PRIVILEGE: Privilege = Privilege::User;
    const BODY: BodyCode = BodyCode::Group(DefiningBody::DCMI);
    type Request<'a> = Empty;
    type Response<'a> = Empty;
}

impl CommandHandler<Misfiled> for Bmc {
    fn handle(&mut self, _: Empty, origin: &Origin) -> Result<Empty, CompletionCode> {
        self.saw(origin);
        Ok(Empty)
    }
}

/// An OEM/group command declaring an IANA number wider than 24 bits.
struct WideIana;

impl Command for WideIana {
    const NETFN: NetFn = NetFn::OEM_GROUP;
    const CMD: Cmd = Cmd(0x02);
    const PRIVILEGE: Privilege = Privilege::Oem;
    const BODY: BodyCode = BodyCode::Iana(0x0100_0157);
    type Request<'a> = Empty;
    type Response<'a> = Byte;
}

impl CommandHandler<WideIana> for Bmc {
    fn handle(&mut self, _: Empty, origin: &Origin) -> Result<Byte, CompletionCode> {
        self.saw(origin);
        Ok(Byte(0))
    }
}

static REQUESTER_ROUTES: [Route<Bmc>; 4] = [
    Route::command::<GetDeviceId>(),
    Route::command::<Bump>(),
    Route::command::<GetDcmiCapabilities>(),
    Route::command::<OemStatus>(),
];
const _: () = assert!(check_routes(&REQUESTER_ROUTES).is_ok());

#[test]
fn dcmi_capabilities_test_double_vectors() {
    // Request after DCh: parameter selector 01h.
    vector(&[0x01], &Selector(0x01));
    assert_eq!(truncations::<Selector>(&[0x01], &[]), 1);
    too_long::<Selector>(&[0x01]);
    for bad in [0x00, 0x06, 0xFF] {
        assert_eq!(
            Selector::parse(&[bad]),
            Err(CommandError::InvalidField {
                offset: 0,
                value: bad
            })
        );
    }
    // Response after DCh: DCMI 1.5, parameter revision 02h, parameter 1's three bytes.
    let bytes = [0x01, 0x05, 0x02, 0x00, 0x01, 0x07];
    vector(
        &bytes,
        &DcmiCapabilities {
            major: 0x01,
            minor: 0x05,
            parameter_revision: 0x02,
            parameter: &[0x00, 0x01, 0x07],
        },
    );
    assert_eq!(truncations::<DcmiCapabilities<'_>>(&bytes, &[3, 4, 5]), 3);
    too_long::<DcmiCapabilities<'_>>(&[0x01; 19]);
}

#[test]
fn encode_request_plain_commands() {
    let mut buf = [0xA5u8; 4];
    let rq = GetDeviceId::encode_request(&Empty, &mut buf).unwrap();
    assert_eq!(rq, Request::new(NetFn::APP, Cmd(0x01), &[]));
    assert_eq!(rq.lun, Lun::BMC);
    let rq = Bump::encode_request(&Byte(0x41), &mut buf).unwrap();
    assert_eq!(rq, Request::new(Bump::NETFN, Bump::CMD, &[0x41]));
    assert_eq!(rq.with_lun(Lun::OEM1).lun, Lun::OEM1);
    assert_eq!(buf, [0x41, 0xA5, 0xA5, 0xA5]);
    // No room: nothing written.
    assert_eq!(
        Bump::encode_request(&Byte(0x41), &mut []),
        Err(EncodeError::BufferTooSmall(BufferTooSmall {
            needed: 1,
            available: 0
        }))
    );
}

#[test]
fn encode_request_writes_the_body_code() {
    let mut buf = [0xA5u8; 8];
    let rq = GetDcmiCapabilities::encode_request(&Selector(1), &mut buf).unwrap();
    assert_eq!(
        (rq.netfn, rq.lun, rq.cmd, rq.data),
        (
            NetFn::GROUP_EXTENSION,
            Lun::BMC,
            Cmd(0x01),
            &[0xDC, 0x01][..]
        )
    );
    assert_eq!(rq.defining_body(), Some(DefiningBody::DCMI));
    let rq = OemStatus::encode_request(&Empty, &mut buf).unwrap();
    assert_eq!(
        (rq.netfn, rq.cmd, rq.data),
        (NetFn::OEM_GROUP, Cmd(0x01), &[0x57, 0x01, 0x00][..])
    );
    assert_eq!(rq.oem_iana(), Some(DCMI_IANA_TEST));

    // Too short for the body code and the data: nothing written.
    for len in 0..2 {
        let mut short = vec![0xA5u8; len];
        assert_eq!(
            GetDcmiCapabilities::encode_request(&Selector(1), &mut short),
            Err(EncodeError::BufferTooSmall(BufferTooSmall {
                needed: 2,
                available: len
            }))
        );
        assert!(short.iter().all(|&b| b == 0xA5), "{len}");
    }
    for len in 0..3 {
        let mut short = vec![0xA5u8; len];
        assert_eq!(
            OemStatus::encode_request(&Empty, &mut short),
            Err(EncodeError::BufferTooSmall(BufferTooSmall {
                needed: 3,
                available: len
            }))
        );
        assert!(short.iter().all(|&b| b == 0xA5), "{len}");
    }
}

fn response(netfn: u8, cmd: u8, cc: u8, data: &[u8]) -> Response<'_> {
    Response {
        netfn: NetFn::new(netfn).unwrap(),
        lun: Lun::BMC,
        cmd: Cmd(cmd),
        completion: CompletionCode(cc),
        data,
    }
}

#[test]
fn decode_response_accepts_answers() {
    let mut id = [0u8; 15];
    let n = DEVICE_ID.emit(&mut id).unwrap();
    assert_eq!(
        GetDeviceId::decode_response(&response(0x07, 0x01, 0x00, &id[..n])),
        Ok(DEVICE_ID)
    );
    assert_eq!(
        Bump::decode_response(&response(0x33, 0x10, 0x00, &[0x42])),
        Ok(Byte(0x42))
    );
    // Group extension: DCh, then the data.
    assert_eq!(
        GetDcmiCapabilities::decode_response(&response(
            0x2D,
            0x01,
            0x00,
            &[0xDC, 0x01, 0x05, 0x02, 0x00, 0x01, 0x07]
        )),
        Ok(DcmiCapabilities {
            major: 0x01,
            minor: 0x05,
            parameter_revision: 0x02,
            parameter: &[0x00, 0x01, 0x07],
        })
    );
    assert_eq!(
        OemStatus::decode_response(&response(0x2F, 0x01, 0x00, &[0x57, 0x01, 0x00, 0x5A])),
        Ok(Byte(0x5A))
    );
}

#[test]
fn decode_response_every_error() {
    use ResponseError as E;
    let mut id = [0u8; 15];
    let n = DEVICE_ID.emit(&mut id).unwrap();
    let cases: Vec<(Result<(), ResponseError>, ResponseError)> = vec![
        // NetFn: the request's own, another response NetFn.
        (
            GetDeviceId::decode_response(&response(0x06, 0x01, 0x00, &id[..n])).map(drop),
            E::NetFn {
                expected: NetFn::APP.response(),
                found: NetFn::APP,
            },
        ),
        (
            GetDeviceId::decode_response(&response(0x0B, 0x01, 0x00, &id[..n])).map(drop),
            E::NetFn {
                expected: NetFn::APP.response(),
                found: NetFn::STORAGE.response(),
            },
        ),
        // Command.
        (
            Bump::decode_response(&response(0x33, 0x11, 0x00, &[0x42])).map(drop),
            E::Cmd {
                expected: Cmd(0x10),
                found: Cmd(0x11),
            },
        ),
        // Body code: another defining body, another enterprise; checked before the completion
        // code, so a foreign error is not taken for ours.
        (
            GetDcmiCapabilities::decode_response(&response(0x2D, 0x01, 0x00, &[0x00, 1, 5, 2]))
                .map(drop),
            E::Body {
                expected: BodyCode::Group(DefiningBody::DCMI),
                found: BodyCode::Group(DefiningBody::PICMG),
            },
        ),
        (
            GetDcmiCapabilities::decode_response(&response(0x2D, 0x01, 0xC1, &[0x00])).map(drop),
            E::Body {
                expected: BodyCode::Group(DefiningBody::DCMI),
                found: BodyCode::Group(DefiningBody::PICMG),
            },
        ),
        (
            OemStatus::decode_response(&response(0x2F, 0x01, 0x00, &[0x58, 0x01, 0x00, 0x5A]))
                .map(drop),
            E::Body {
                expected: BodyCode::Iana(DCMI_IANA_TEST),
                found: BodyCode::Iana(0x0158),
            },
        ),
        // Completion code, with the body code echoed or (from a responder that did not get
        // that far) without.
        (
            GetDeviceId::decode_response(&response(0x07, 0x01, 0xC0, &[])).map(drop),
            E::Completion(CompletionCode::NODE_BUSY),
        ),
        (
            GetDcmiCapabilities::decode_response(&response(0x2D, 0x01, 0xC9, &[0xDC])).map(drop),
            E::Completion(CompletionCode::PARAMETER_OUT_OF_RANGE),
        ),
        (
            GetDcmiCapabilities::decode_response(&response(0x2D, 0x01, 0xC7, &[])).map(drop),
            E::Completion(CompletionCode::REQUEST_DATA_LENGTH_INVALID),
        ),
        (
            OemStatus::decode_response(&response(0x2F, 0x01, 0xD4, &[0x57, 0x01])).map(drop),
            E::Completion(CompletionCode::INSUFFICIENT_PRIVILEGE),
        ),
        // Data: truncated, too long, an invalid field; lengths and offsets count after the
        // body code.
        (
            GetDeviceId::decode_response(&response(0x07, 0x01, 0x00, &id[..10])).map(drop),
            E::Data(CommandError::Truncated {
                needed: 11,
                actual: 10,
            }),
        ),
        (
            Bump::decode_response(&response(0x33, 0x10, 0x00, &[0x42, 0x00])).map(drop),
            E::Data(CommandError::TooLong { max: 1, actual: 2 }),
        ),
        (
            Bump::decode_response(&response(0x33, 0x10, 0x00, &[0xFF])).map(drop),
            E::Data(CommandError::InvalidField {
                offset: 0,
                value: 0xFF,
            }),
        ),
        (
            GetDcmiCapabilities::decode_response(&response(0x2D, 0x01, 0x00, &[0xDC, 1, 5]))
                .map(drop),
            E::Data(CommandError::Truncated {
                needed: 3,
                actual: 2,
            }),
        ),
        // A successful group answer without its body code.
        (
            GetDcmiCapabilities::decode_response(&response(0x2D, 0x01, 0x00, &[])).map(drop),
            E::Data(CommandError::Truncated {
                needed: 1,
                actual: 0,
            }),
        ),
        (
            OemStatus::decode_response(&response(0x2F, 0x01, 0x00, &[0x57, 0x01])).map(drop),
            E::Data(CommandError::Truncated {
                needed: 3,
                actual: 2,
            }),
        ),
    ];
    for (i, (got, want)) in cases.into_iter().enumerate() {
        assert_eq!(got, Err(want), "case {i}");
        assert!(!want.to_string().is_empty());
        let source = std::error::Error::source(&want);
        assert_eq!(source.is_some(), matches!(want, E::Data(_)), "case {i}");
    }
}

/// Requester and responder in one loop: encode the request, frame it for IPMB with a fresh
/// sequence number, answer it with `respond_ipmb`, parse and match the response frame, and
/// decode the answer.
fn ipmb_round_trip<C, F>(request: &C::Request<'_>, origin: &Origin, bmc: &mut Bmc, check: F)
where
    C: Command,
    Bmc: CommandHandler<C>,
    F: for<'a> FnOnce(Result<C::Response<'a>, ResponseError>),
{
    let mut seqs = SequenceNumbers::new();
    let seq = seqs.allocate().unwrap();
    let mut data = [0u8; 32];
    let message = C::encode_request(request, &mut data).unwrap();
    let ipmb = IpmbRequest {
        rs_sa: 0x20,
        rq_sa: 0x81,
        rq_seq: seq,
        rq_lun: Lun::SMS,
        message,
    };
    let mut frame = vec![0u8; ipmb.buffer_len()];
    ipmb.emit(&mut frame).unwrap();
    let pending = PendingIpmbRequest::of(&ipmb);

    let mut out = [0xA5u8; 32];
    let n = respond_ipmb(&REQUESTER_ROUTES, bmc, &frame, origin, &mut out).unwrap();
    let rs = IpmbResponse::parse(&out[..n]).unwrap();
    assert_eq!(pending.check(&rs), Ok(()));
    assert!(seqs.release(seq));
    check(C::decode_response(&rs.message));
}

#[test]
fn requester_and_responder_in_one_ipmb_loop() {
    let ipmb = Origin::ipmb(ChannelNumber::PRIMARY_IPMB);
    let seen = ipmb.with_requester(Requester {
        address: 0x81,
        lun: Lun::SMS,
    });

    // A group extension command: DCh written, stripped, echoed, checked.
    let mut bmc = Bmc::default();
    ipmb_round_trip::<GetDcmiCapabilities, _>(&Selector(1), &ipmb, &mut bmc, |r| {
        assert_eq!(
            r,
            Ok(DcmiCapabilities {
                major: 0x01,
                minor: 0x05,
                parameter_revision: 0x02,
                parameter: &DCMI_SUPPORTED_CAPABILITIES,
            })
        );
    });
    assert_eq!(bmc.origins, vec![seen]);
    // Its error path: C9h with DCh echoed.
    ipmb_round_trip::<GetDcmiCapabilities, _>(&Selector(2), &ipmb, &mut bmc, |r| {
        assert_eq!(
            r,
            Err(ResponseError::Completion(
                CompletionCode::PARAMETER_OUT_OF_RANGE
            ))
        );
    });

    // Plain commands, standard and local.
    ipmb_round_trip::<GetDeviceId, _>(&Empty, &ipmb, &mut bmc, |r| {
        assert_eq!(r, Ok(DEVICE_ID));
    });
    ipmb_round_trip::<Bump, _>(&Byte(0x41), &ipmb, &mut bmc, |r| {
        assert_eq!(r, Ok(Byte(0x42)));
    });

    // An OEM/group command needs the OEM level, which IPMB's Administrator does not satisfy.
    ipmb_round_trip::<OemStatus, _>(&Empty, &ipmb, &mut bmc, |r| {
        assert_eq!(
            r,
            Err(ResponseError::Completion(
                CompletionCode::INSUFFICIENT_PRIVILEGE
            ))
        );
    });
    let calls = bmc.calls;
    ipmb_round_trip::<OemStatus, _>(
        &Empty,
        &Origin::session(LAN, Privilege::Oem, SESSION_ID),
        &mut bmc,
        |r| assert_eq!(r, Ok(Byte(0x5A))),
    );
    assert_eq!(bmc.calls, calls + 1);
}

// ----- proptests ----------------------------------------------------------------------------

fn any_privilege() -> impl Strategy<Value = Privilege> {
    prop::sample::select(ALL_PRIVILEGES.to_vec())
}

/// Requests biased toward the routed NetFns and commands.
fn any_request_parts() -> impl Strategy<Value = (u8, u8, Vec<u8>)> {
    (
        prop_oneof![
            prop::sample::select(vec![0x18u8, 0x00, 0xC0, 0xC8, 0xB0, 0xB8, 0x19, 0xC1]),
            any::<u8>()
        ],
        prop_oneof![1u8..=5, Just(0x38), Just(0x10), any::<u8>()],
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..8),
            prop::collection::vec(
                prop_oneof![Just(0xDCu8), Just(0x00), Just(0x57), Just(0x01)],
                0..6
            ),
            prop::collection::vec(any::<u8>(), 0..300),
        ],
    )
}

proptest! {
    #[test]
    fn dispatch_never_panics_and_answers_well_formed(
        (nl, cmd, data) in any_request_parts(),
        privilege in any_privilege(),
        out_len in 0usize..64,
    ) {
        let rq = Request {
            netfn: NetFn::from_netfn_lun(nl),
            lun: Lun::from_low_bits(nl),
            cmd: Cmd(cmd),
            data: &data,
        };
        let mut out = vec![0xA5u8; out_len];
        match dispatch(&ROUTES, &mut Bmc::default(), &rq, &at(privilege), &mut out) {
            Ok(rs) => {
                prop_assert!(rq.netfn.is_request());
                prop_assert_eq!(rs.netfn.value(), rq.netfn.value() + 1);
                prop_assert_eq!((rs.cmd, rs.lun), (rq.cmd, rq.lun));
                prop_assert!(rs.data.len() <= out_len);
                if !rs.completion.is_success() {
                    // Errors carry at most the echoed body code.
                    prop_assert!(rs.data.len() <= rq.netfn.body_code_len());
                }
                if let Some((body, _)) = BodyCode::split(rq.netfn, &data) {
                    prop_assert_eq!(&rs.data[..body.len()], &data[..body.len()]);
                } else {
                    prop_assert_eq!(rs.completion, CompletionCode::REQUEST_DATA_LENGTH_INVALID);
                }
            }
            Err(DispatchError::NotARequest { netfn }) => {
                prop_assert!(netfn.is_response());
            }
            Err(DispatchError::BufferTooSmall { needed, available }) => {
                prop_assert_eq!(available, out_len);
                prop_assert!(needed > out_len && needed <= 3);
            }
            Err(e) => prop_assert!(false, "unexpected {:?}", e),
        }
    }

    #[test]
    fn framed_answers_parse_back(
        (nl, cmd, data) in any_request_parts(),
        privilege in any_privilege(),
        seq in 0u8..64,
        out_len in 0usize..300,
        raw in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        let mut out = vec![0xA5u8; out_len];
        let mut bmc = Bmc::default();

        // System interface.
        let mut body = vec![nl, cmd];
        body.extend_from_slice(&data);
        for input in [&body[..], &raw[..]] {
            if let Ok(n) = respond_system_interface(&ROUTES, &mut bmc, input, &host_at(privilege), &mut out) {
                let rs = SystemInterfaceResponse::parse(&out[..n]).unwrap().0;
                prop_assert_eq!(rs.netfn.value(), (input[0] >> 2) | 1);
                prop_assert_eq!(rs.netfn.value(), NetFn::from_netfn_lun(input[0]).value() + 1);
                prop_assert_eq!((rs.cmd.0, rs.lun.value()), (input[1], input[0] & 3));
            }
        }

        // IPMB: a well-formed frame built from the parts, and raw bytes.
        let netfn = NetFn::from_netfn_lun(nl).request();
        let rq = IpmbRequest {
            rs_sa: 0x20,
            rq_sa: 0x81,
            rq_seq: RqSeq::new(seq).unwrap(),
            rq_lun: Lun::from_low_bits(seq),
            message: Request::new(netfn, Cmd(cmd), &data).with_lun(Lun::from_low_bits(nl)),
        };
        let mut frame = vec![0u8; rq.buffer_len()];
        rq.emit(&mut frame).unwrap();
        for input in [&frame[..], &raw[..]] {
            match respond_ipmb(&ROUTES, &mut bmc, input, &ipmb_at(privilege), &mut out) {
                Ok(n) => {
                    let request = IpmbRequest::parse(input).unwrap();
                    let rs = IpmbResponse::parse(&out[..n]).unwrap();
                    prop_assert_eq!(rs.message.netfn, request.message.netfn.response());
                    prop_assert_eq!((rs.rq_sa, rs.rs_sa), (request.rq_sa, request.rs_sa));
                    prop_assert_eq!((rs.rq_seq, rs.rq_lun), (request.rq_seq, request.rq_lun));
                    prop_assert_eq!((rs.message.cmd, rs.message.lun), (request.message.cmd, request.message.lun));
                }
                Err(DispatchError::Frame(_)) => prop_assert!(IpmbRequest::parse(input).is_err()),
                Err(DispatchError::BufferTooSmall { needed, .. }) => prop_assert!(needed > out_len),
                Err(e) => prop_assert!(false, "unexpected {:?}", e),
            }
        }

        // BT.
        if data.len() <= BtRequest::MAX_DATA_LEN {
            let bt = BtRequest { seq, message: Request::new(netfn, Cmd(cmd), &data) };
            let mut frame = vec![0u8; bt.buffer_len()];
            bt.emit(&mut frame).unwrap();
            for input in [&frame[..], &raw[..]] {
                if let Ok(n) = respond_bt(&ROUTES, &mut bmc, input, &host_at(privilege), &mut out) {
                    let request = BtRequest::parse(input).unwrap();
                    let rs = BtResponse::parse(&out[..n]).unwrap();
                    prop_assert_eq!(rs.seq, request.seq);
                    prop_assert_eq!(rs.message.netfn, request.message.netfn.response());
                    prop_assert_eq!(rs.message.cmd, request.message.cmd);
                    prop_assert!(n <= 256);
                }
            }
        }
    }
}

fn any_origin() -> impl Strategy<Value = Origin> {
    (
        0..=ChannelNumber::MAX,
        any_privilege(),
        proptest::option::of((any::<u8>(), 0..=Lun::MAX)),
        proptest::option::of(any::<u32>()),
    )
        .prop_map(|(channel, privilege, requester, session)| Origin {
            channel: ChannelNumber::new(channel).unwrap(),
            privilege,
            requester: requester.map(|(address, lun)| Requester {
                address,
                lun: Lun::new(lun).unwrap(),
            }),
            session,
        })
}

/// Requests biased toward the routes of every table in this file.
fn any_request_for_all_tables() -> impl Strategy<Value = (u8, u8, Vec<u8>)> {
    prop_oneof![
        any_request_parts(),
        (
            prop::sample::select(vec![0x10u8, 0x11, 0x12, 0x13, 0xC0, 0xC3, 0xB0, 0xB8]),
            prop_oneof![Just(0x02u8), 0x40u8..=0x45, Just(0x01)],
            prop_oneof![
                prop::collection::vec(any::<u8>(), 0..10),
                Just(EVENT_SI.to_vec()),
                Just(EVENT_IPMB.to_vec()),
                Just(vec![0xDC, 0x01]),
                Just(vec![0x57, 0x01, 0x00]),
            ],
        ),
    ]
}

proptest! {
    /// Any request from any origin, through every table: no panic, the response echoes the
    /// request's NetFn + 1, command and LUN, and every handler that ran saw the origin.
    #[test]
    fn dispatch_from_any_origin_echoes_the_request(
        (nl, cmd, data) in any_request_for_all_tables(),
        origin in any_origin(),
        out_len in 0usize..64,
    ) {
        let rq = Request {
            netfn: NetFn::from_netfn_lun(nl),
            lun: Lun::from_low_bits(nl),
            cmd: Cmd(cmd),
            data: &data,
        };
        for table in [&ROUTES[..], &EVENT_ROUTES[..], &PRIVILEGE_ROUTES[..], &REQUESTER_ROUTES[..]] {
            let mut bmc = Bmc::default();
            let mut out = vec![0xA5u8; out_len];
            match dispatch(table, &mut bmc, &rq, &origin, &mut out) {
                Ok(rs) => {
                    prop_assert!(rq.netfn.is_request());
                    prop_assert_eq!(rs.netfn.value(), rq.netfn.value() + 1);
                    prop_assert_eq!((rs.cmd, rs.lun), (rq.cmd, rq.lun));
                    prop_assert!(rs.data.len() <= out_len);
                    prop_assert!(bmc.origins.len() <= 1);
                    prop_assert!(bmc.origins.iter().all(|o| *o == origin));
                    if rs.completion == CompletionCode::INSUFFICIENT_PRIVILEGE {
                        prop_assert!(bmc.origins.is_empty());
                    }
                    // A request for the event command from a channel neither event route
                    // serves is an unknown command there.
                    if std::ptr::eq(table, &EVENT_ROUTES[..])
                        && rq.netfn == NetFn::SENSOR_EVENT
                        && rq.cmd == Cmd(0x02)
                        && !EVENT_ROUTES.iter().any(|r| r.serves_channel(origin.channel))
                    {
                        prop_assert_eq!(rs.completion, CompletionCode::INVALID_COMMAND);
                    }
                }
                Err(DispatchError::NotARequest { netfn }) => prop_assert!(netfn.is_response()),
                Err(DispatchError::BufferTooSmall { needed, available }) => {
                    prop_assert_eq!(available, out_len);
                    prop_assert!(needed > available);
                }
                Err(e) => prop_assert!(false, "unexpected {:?}", e),
            }
        }
    }
}
