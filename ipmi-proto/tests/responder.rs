//! The responder dispatcher: every completion path, group extension and OEM routing, the
//! privilege matrix, length checks at every boundary, small response buffers, the framed
//! entry points, and proptests that dispatch never panics and always answers well-formed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::command::app::{DeviceIdResponse, GetDeviceId};
use ipmi_proto::command::{
    BufferTooSmall, Command, CommandError, Message, Privilege, check_len, out_prefix,
};
use ipmi_proto::framing::{
    BtRequest, BtResponse, IpmbRequest, IpmbResponse, RqSeq, SystemInterfaceResponse,
};
use ipmi_proto::message::{Cmd, CompletionCode, DefiningBody, Lun, NetFn, Request};
use ipmi_proto::responder::{
    BodyCode, CommandHandler, DispatchError, Route, SESSIONLESS_PRIVILEGE, dispatch, respond_bt,
    respond_ipmb, respond_system_interface,
};
use proptest::prelude::*;

// ----- a small firmware context and its handlers --------------------------------------------

#[derive(Default)]
struct Bmc {
    calls: u32,
    /// The data the last raw handler saw.
    seen: Vec<u8>,
    control: Option<u8>,
}

const DCMI_IANA_TEST: u32 = 0x00_0157; // an enterprise number for the OEM/group route (Intel)

fn chassis_control(bmc: &mut Bmc, rq: &Request<'_>, _: &mut [u8]) -> Result<usize, CompletionCode> {
    bmc.calls += 1;
    match rq.data {
        [c @ 0..=5] => {
            bmc.control = Some(*c);
            Ok(0)
        }
        _ => Err(CompletionCode::INVALID_DATA_FIELD),
    }
}

/// Echoes the request data (after any body code).
fn echo(bmc: &mut Bmc, rq: &Request<'_>, out: &mut [u8]) -> Result<usize, CompletionCode> {
    bmc.calls += 1;
    bmc.seen = rq.data.to_vec();
    let dst = out
        .get_mut(..rq.data.len())
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.copy_from_slice(rq.data);
    Ok(rq.data.len())
}

fn busy(bmc: &mut Bmc, _: &Request<'_>, _: &mut [u8]) -> Result<usize, CompletionCode> {
    bmc.calls += 1;
    Err(CompletionCode::NODE_BUSY)
}

fn fails_with_success(_: &mut Bmc, _: &Request<'_>, _: &mut [u8]) -> Result<usize, CompletionCode> {
    Err(CompletionCode::NORMAL)
}

fn overclaims(_: &mut Bmc, _: &Request<'_>, out: &mut [u8]) -> Result<usize, CompletionCode> {
    Ok(out.len() + 1)
}

fn ok_empty(bmc: &mut Bmc, _: &Request<'_>, _: &mut [u8]) -> Result<usize, CompletionCode> {
    bmc.calls += 1;
    Ok(0)
}

/// DCMI Get Power Reading (DCMI 1.5 §6.6.1): mode, mode attributes, reserved after the group
/// byte; 17 response bytes after the group byte.
fn dcmi_power(bmc: &mut Bmc, rq: &Request<'_>, out: &mut [u8]) -> Result<usize, CompletionCode> {
    bmc.calls += 1;
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
fn big(_: &mut Bmc, _: &Request<'_>, out: &mut [u8]) -> Result<usize, CompletionCode> {
    const N: usize = 30;
    let dst = out
        .get_mut(..N)
        .ok_or(CompletionCode::CANNOT_RETURN_REQUESTED_BYTES)?;
    dst.fill(0x5A);
    Ok(N)
}

// A typed local command: one byte that must not be FFh, answered plus one.
struct Bump;

#[derive(Debug, Clone, Copy)]
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
    fn handle(&mut self, request: Byte) -> Result<Byte, CompletionCode> {
        self.calls += 1;
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
    ) -> Result<<GetDeviceId as Command>::Response<'r>, CompletionCode> {
        self.calls += 1;
        Ok(DEVICE_ID)
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

const ALL_PRIVILEGES: [Privilege; 6] = [
    Privilege::None,
    Privilege::Callback,
    Privilege::User,
    Privilege::Operator,
    Privilege::Administrator,
    Privilege::Oem,
];

fn run(rq: &Request<'_>, privilege: Privilege) -> (CompletionCode, Vec<u8>, Bmc) {
    let mut bmc = Bmc::default();
    let mut out = [0xA5u8; 300];
    let rs = dispatch(&ROUTES, &mut bmc, rq, privilege, &mut out).unwrap();
    assert_eq!(rs.netfn, rq.netfn.response());
    assert_eq!((rs.cmd, rs.lun), (rq.cmd, rq.lun));
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
        SESSIONLESS_PRIVILEGE,
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
        let (cc, data, bmc) = run(&Request::new(netfn, Cmd(cmd), &[1, 2]), Privilege::Oem);
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
            dispatch(&ROUTES, &mut Bmc::default(), &rq, Privilege::Oem, &mut out),
            Err(DispatchError::NotARequest { netfn })
        );
    }
    // On the system interface too; IPMB rejects it at parse time.
    let e = respond_system_interface(
        &ROUTES,
        &mut Bmc::default(),
        &[0x1C, 0x01],
        Privilege::Oem,
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
/// when the level is below the route's, and the handler not called then.
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
            Privilege::None,
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
    let rs = dispatch(&ROUTES, &mut Bmc::default(), &rq, Privilege::User, &mut out).unwrap();
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
    // Administrator is below OEM in the ordering.
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
        let rs = dispatch(&ROUTES, &mut Bmc::default(), &rq, Privilege::User, &mut out).unwrap();
        assert_eq!(
            rs.completion,
            CompletionCode::CANNOT_RETURN_REQUESTED_BYTES,
            "{len}"
        );
        assert!(rs.data.is_empty());
    }
    let mut out = [0u8; 11];
    let rs = dispatch(&ROUTES, &mut Bmc::default(), &rq, Privilege::User, &mut out).unwrap();
    assert_eq!((rs.completion, rs.data.len()), (CompletionCode::NORMAL, 11));

    // A group request needs room for its body code, or there is no well-formed answer.
    let rq = Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 1, 0, 0]);
    let mut out = [];
    assert_eq!(
        dispatch(&ROUTES, &mut Bmc::default(), &rq, Privilege::User, &mut out),
        Err(DispatchError::BufferTooSmall {
            needed: 1,
            available: 0
        })
    );
    let mut out = [0u8; 5];
    let rs = dispatch(&ROUTES, &mut Bmc::default(), &rq, Privilege::User, &mut out).unwrap();
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
            respond_system_interface(&ROUTES, &mut bmc, &[0x18, 0x01], Privilege::User, &mut out),
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
            Privilege::User,
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
            respond_ipmb(&ROUTES, &mut bmc, &frame, Privilege::User, &mut out),
            Err(DispatchError::BufferTooSmall {
                needed: 8,
                available: len
            })
        );
    }
    // Exactly the header: the answer is CAh without data.
    let mut out = [0u8; 8];
    let n = respond_ipmb(&ROUTES, &mut bmc, &frame, Privilege::User, &mut out).unwrap();
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
                Privilege::User,
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
    let n = respond_ipmb(&ROUTES, &mut bmc, &frame, Privilege::Operator, &mut out).unwrap();
    assert_eq!(&out[..n], &[0x81, 0x06, 0x79, 0x20, 0xAC, 0x02, 0x00, 0x32]);
    let rs = IpmbResponse::parse(&out[..n]).unwrap();
    let rq = IpmbRequest::parse(&frame).unwrap();
    assert_eq!(rs, rq.response(CompletionCode::NORMAL, &[]));
    assert_eq!(bmc.control, Some(1));

    // 30 data bytes do not fit a 32-byte IPMB message (24 at most): CAh.
    let frame = ipmb_frame(OEM_30, Cmd(0x05), &[]);
    let n = respond_ipmb(&ROUTES, &mut bmc, &frame, Privilege::User, &mut out).unwrap();
    assert_eq!(
        IpmbResponse::parse(&out[..n]).unwrap().message.completion,
        CompletionCode::CANNOT_RETURN_REQUESTED_BYTES
    );
    // A LAN-sized buffer holds them.
    let mut lan = [0u8; 64];
    let n = respond_ipmb(&ROUTES, &mut bmc, &frame, Privilege::User, &mut lan).unwrap();
    assert_eq!(
        IpmbResponse::parse(&lan[..n]).unwrap().message.data,
        &[0x5A; 30]
    );

    // Checksum errors: no answer.
    let mut bad = ipmb_frame(NetFn::APP, Cmd(0x01), &[]);
    bad[2] ^= 0x10;
    assert!(matches!(
        respond_ipmb(&ROUTES, &mut bmc, &bad, Privilege::User, &mut out),
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
        Privilege::User,
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
            Privilege::User,
            &mut out
        ),
        Err(DispatchError::Frame(_))
    ));
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
        match dispatch(&ROUTES, &mut Bmc::default(), &rq, privilege, &mut out) {
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
            if let Ok(n) = respond_system_interface(&ROUTES, &mut bmc, input, privilege, &mut out) {
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
            match respond_ipmb(&ROUTES, &mut bmc, input, privilege, &mut out) {
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
                if let Ok(n) = respond_bt(&ROUTES, &mut bmc, input, privilege, &mut out) {
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
