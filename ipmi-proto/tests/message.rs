//! The message model: NetFn pairs and kinds (Table 5-1), LUNs, completion codes (Table 5-2),
//! and requests/responses built from each other.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::message::{
    Cmd, CompletionClass, CompletionCode, DefiningBody, GENERIC_CODES, Lun, NetFn, NetFnKind,
    RangeError, Request, Response,
};

#[test]
fn netfn_table_5_1_walk() {
    let mut named = 0;
    let mut reserved = 0;
    let mut oem = 0;
    for code in 0..=0x3Fu8 {
        let n = NetFn::new(code).unwrap();
        assert_eq!(n.value(), code);
        assert_eq!(u8::from(n), code);
        assert_eq!(n.is_request(), code % 2 == 0);
        assert_eq!(n.is_response(), code % 2 == 1);
        assert_eq!(n.request().value(), code & !1);
        assert_eq!(n.response().value(), code | 1);
        assert_eq!(n.response().request(), n.request());
        // Both members of a pair have the same kind.
        assert_eq!(n.kind(), n.response().kind());
        assert_eq!(NetFn::from_netfn_lun(code << 2 | 3), n);
        let expected = match code & !1 {
            0x00 => NetFnKind::Chassis,
            0x02 => NetFnKind::Bridge,
            0x04 => NetFnKind::SensorEvent,
            0x06 => NetFnKind::App,
            0x08 => NetFnKind::Firmware,
            0x0A => NetFnKind::Storage,
            0x0C => NetFnKind::Transport,
            0x2C => NetFnKind::GroupExtension,
            0x2E => NetFnKind::OemGroup,
            c if c >= 0x30 => NetFnKind::ControllerOem(c),
            c => NetFnKind::Reserved(c),
        };
        assert_eq!(n.kind(), expected, "{code:02X}h");
        match n.kind() {
            NetFnKind::Reserved(_) => reserved += 1,
            NetFnKind::ControllerOem(_) => oem += 1,
            _ => named += 1,
        }
        assert!(!n.to_string().is_empty());
    }
    assert_eq!((named, reserved, oem), (18, 30, 16));
    for code in 0x40..=0xFFu8 {
        assert_eq!(
            NetFn::new(code),
            Err(RangeError {
                field: "netFn",
                value: code,
                max: 0x3F
            })
        );
        assert!(NetFn::try_from(code).is_err());
    }
}

#[test]
fn netfn_constants() {
    let pairs = [
        (NetFn::CHASSIS, 0x00, "Chassis"),
        (NetFn::BRIDGE, 0x02, "Bridge"),
        (NetFn::SENSOR_EVENT, 0x04, "Sensor/Event"),
        (NetFn::APP, 0x06, "App"),
        (NetFn::FIRMWARE, 0x08, "Firmware"),
        (NetFn::STORAGE, 0x0A, "Storage"),
        (NetFn::TRANSPORT, 0x0C, "Transport"),
        (NetFn::GROUP_EXTENSION, 0x2C, "Group Extension"),
        (NetFn::OEM_GROUP, 0x2E, "OEM/Group"),
    ];
    for (n, code, name) in pairs {
        assert_eq!(n.value(), code);
        assert!(n.is_request());
        assert_eq!(n.kind().to_string(), name);
    }
    assert_eq!(NetFn::APP.to_string(), "App request (06h)");
    assert_eq!(NetFn::APP.response().to_string(), "App response (07h)");
    assert_eq!(NetFn::GROUP_EXTENSION.body_code_len(), 1);
    assert_eq!(NetFn::OEM_GROUP.response().body_code_len(), 3);
    assert_eq!(NetFn::APP.body_code_len(), 0);
}

#[test]
fn lun_values() {
    for v in 0..=3u8 {
        assert_eq!(Lun::new(v).unwrap().value(), v);
        for high in [0u8, 0x04, 0xFC] {
            assert_eq!(Lun::from_low_bits(high | v).value(), v);
        }
    }
    assert_eq!(
        [Lun::BMC, Lun::OEM1, Lun::SMS, Lun::OEM2].map(Lun::value),
        [0, 1, 2, 3]
    );
    for v in 4..=255u8 {
        assert!(Lun::new(v).is_err());
    }
    assert_eq!(Lun::SMS.to_string(), "LUN 2");
}

#[test]
fn completion_codes_table_5_2_walk() {
    let mut counts = [0usize; 5];
    for b in 0..=255u8 {
        let cc = CompletionCode(b);
        let class = cc.class();
        let expected = match b {
            0x00 => CompletionClass::Normal,
            0x01..=0x7E => CompletionClass::Oem,
            0x80..=0xBE => CompletionClass::CommandSpecific,
            0xC0..=0xD6 | 0xFF => CompletionClass::Generic,
            _ => CompletionClass::Reserved,
        };
        assert_eq!(class, expected, "{b:02X}h");
        counts[class as usize] += 1;
        assert_eq!(
            cc.meaning().is_some(),
            matches!(class, CompletionClass::Normal | CompletionClass::Generic)
        );
        let text = cc.to_string();
        assert!(text.starts_with(&format!("{b:02X}h: ")), "{text}");
        assert_eq!(u8::from(cc), b);
        assert_eq!(CompletionCode::from(b), cc);
        assert_eq!(cc.is_success(), b == 0);
    }
    // Normal 1, generic 23 + FFh, command-specific 63, OEM 126, reserved 7Fh, BFh, D7h-FEh.
    assert_eq!(counts, [1, 24, 63, 126, 42]);
    assert_eq!(GENERIC_CODES.len(), 25);
    for (i, (code, meaning)) in GENERIC_CODES.iter().enumerate() {
        assert_eq!(CompletionCode(*code).meaning(), Some(*meaning));
        if let Some((next, _)) = GENERIC_CODES.get(i + 1) {
            assert!(next > code, "table sorted");
        }
    }
}

#[test]
fn completion_code_constants_and_text() {
    let named = [
        (CompletionCode::NORMAL, 0x00),
        (CompletionCode::NODE_BUSY, 0xC0),
        (CompletionCode::INVALID_COMMAND, 0xC1),
        (CompletionCode::INVALID_COMMAND_FOR_LUN, 0xC2),
        (CompletionCode::TIMEOUT, 0xC3),
        (CompletionCode::OUT_OF_SPACE, 0xC4),
        (CompletionCode::RESERVATION_CANCELLED, 0xC5),
        (CompletionCode::REQUEST_DATA_TRUNCATED, 0xC6),
        (CompletionCode::REQUEST_DATA_LENGTH_INVALID, 0xC7),
        (CompletionCode::REQUEST_DATA_FIELD_LENGTH_EXCEEDED, 0xC8),
        (CompletionCode::PARAMETER_OUT_OF_RANGE, 0xC9),
        (CompletionCode::CANNOT_RETURN_REQUESTED_BYTES, 0xCA),
        (CompletionCode::NOT_PRESENT, 0xCB),
        (CompletionCode::INVALID_DATA_FIELD, 0xCC),
        (CompletionCode::ILLEGAL_FOR_SENSOR_OR_RECORD_TYPE, 0xCD),
        (CompletionCode::RESPONSE_UNAVAILABLE, 0xCE),
        (CompletionCode::DUPLICATED_REQUEST, 0xCF),
        (CompletionCode::SDR_REPOSITORY_IN_UPDATE_MODE, 0xD0),
        (CompletionCode::FIRMWARE_UPDATE_MODE, 0xD1),
        (CompletionCode::INITIALIZATION_IN_PROGRESS, 0xD2),
        (CompletionCode::DESTINATION_UNAVAILABLE, 0xD3),
        (CompletionCode::INSUFFICIENT_PRIVILEGE, 0xD4),
        (CompletionCode::NOT_SUPPORTED_IN_PRESENT_STATE, 0xD5),
        (CompletionCode::SUB_FUNCTION_DISABLED, 0xD6),
        (CompletionCode::UNSPECIFIED, 0xFF),
    ];
    for ((cc, code), (table_code, _)) in named.iter().zip(GENERIC_CODES.iter()) {
        assert_eq!(cc.0, *code);
        assert_eq!(code, table_code);
    }
    assert_eq!(
        CompletionCode::INSUFFICIENT_PRIVILEGE.to_string(),
        "D4h: insufficient privilege level"
    );
    assert_eq!(
        CompletionCode(0x80).to_string(),
        "80h: command-specific code"
    );
    assert_eq!(
        CompletionCode(0x7E).to_string(),
        "7Eh: device-specific (OEM) code"
    );
    assert_eq!(CompletionCode(0xD7).to_string(), "D7h: reserved code");
    assert_eq!(
        CompletionClass::CommandSpecific.to_string(),
        "command-specific"
    );
}

#[test]
fn request_response_pairing() {
    let data = [1, 2, 3];
    let rq = Request::new(NetFn::STORAGE, Cmd(0x43), &data).with_lun(Lun::OEM1);
    let rs = rq.response(CompletionCode::NORMAL, &[9]);
    assert_eq!(
        rs,
        Response {
            netfn: NetFn::new(0x0B).unwrap(),
            lun: Lun::OEM1,
            cmd: Cmd(0x43),
            completion: CompletionCode::NORMAL,
            data: &[9],
        }
    );
    assert!(rs.is_success());
    let err = rq.error_response(CompletionCode::INVALID_COMMAND);
    assert!(err.data.is_empty());
    assert!(!err.is_success());
    assert_eq!(Cmd::from(7u8), Cmd(7));
    assert_eq!(u8::from(Cmd(7)), 7);
}

#[test]
fn group_extension_and_oem_body_codes() {
    // DCMI Get Power Reading: NetFn 2Ch, cmd 02h, first data byte DCh.
    let rq = Request::new(NetFn::GROUP_EXTENSION, Cmd(0x02), &[0xDC, 0x01, 0, 0]);
    assert_eq!(rq.defining_body(), Some(DefiningBody::DCMI));
    assert_eq!(rq.oem_iana(), None);
    let rs = rq.response(CompletionCode::NORMAL, &[0xDC, 0x10]);
    assert_eq!(rs.defining_body(), Some(DefiningBody(0xDC)));
    assert_eq!(
        Request::new(NetFn::GROUP_EXTENSION, Cmd(0), &[]).defining_body(),
        None
    );
    // OEM/group: IANA 000157h (Intel), least significant byte first.
    let oem = Request::new(NetFn::OEM_GROUP, Cmd(0x40), &[0x57, 0x01, 0x00, 0xAA]);
    assert_eq!(oem.oem_iana(), Some(0x000157));
    assert_eq!(oem.defining_body(), None);
    assert_eq!(
        Request::new(NetFn::OEM_GROUP, Cmd(0), &[0x57, 0x01]).oem_iana(),
        None
    );
    assert_eq!(
        Request::new(NetFn::APP, Cmd(1), &[0xDC]).defining_body(),
        None
    );
    assert_eq!(
        [
            DefiningBody::PICMG,
            DefiningBody::DMTF,
            DefiningBody::SSI,
            DefiningBody::VITA
        ]
        .map(|d| d.0),
        [0, 1, 2, 3]
    );
}

#[test]
fn errors_display() {
    let e = NetFn::new(0x40).unwrap_err();
    assert_eq!(
        e.to_string(),
        "netFn 40h does not fit the field (at most 3Fh)"
    );
    let _: &dyn core::error::Error = &e;
}
