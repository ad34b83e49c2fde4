//! Framing byte vectors for every transport: parse, emit into a buffer pre-filled with A5h,
//! every truncated length, both IPMB checksum failures, BT length bytes, Send/Get Message
//! bridging, and request/response matching.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ipmi_proto::framing::bridge::{
    ChannelNumber, GET_MESSAGE, GetMessage, GetMessageIpmb, InferredPrivilege, SEND_MESSAGE,
    SendMessage, SendMessageChannel, SendMessageIpmb, Tracking,
};
use ipmi_proto::framing::requester::{
    Mismatch, PendingBtRequest, PendingIpmbRequest, PendingRequest, SequenceNumbers,
};
use ipmi_proto::framing::{
    BMC_ADDRESS, BtRequest, BtResponse, EmitError, FrameError, IpmbMessage, IpmbRequest,
    IpmbResponse, LanRequest, LanResponse, REMOTE_CONSOLE_SOFTWARE_ID, RqSeq,
    SystemInterfaceRequest, SystemInterfaceResponse, checksum,
};
use ipmi_proto::message::{Cmd, CompletionCode, Lun, NetFn, Request, Response};

/// Emits into a buffer pre-filled with A5h and checks the bytes and that nothing past the
/// frame was touched; then checks every shorter buffer is refused.
fn check_emit(emit: impl Fn(&mut [u8]) -> Result<usize, EmitError>, expected: &[u8]) {
    let mut buf = [0xA5u8; 300];
    let n = emit(&mut buf).unwrap();
    assert_eq!(&buf[..n], expected);
    assert!(buf[n..].iter().all(|&b| b == 0xA5));
    let mut exact = vec![0xA5u8; expected.len()];
    assert_eq!(emit(&mut exact), Ok(expected.len()));
    assert_eq!(exact, expected);
    for short in 0..expected.len() {
        let mut b = vec![0xA5u8; short];
        assert_eq!(
            emit(&mut b),
            Err(EmitError::BufferTooSmall {
                needed: expected.len(),
                available: short
            }),
            "buffer of {short}"
        );
        assert!(b.iter().all(|&x| x == 0xA5), "nothing written on error");
    }
}

// ---------------------------------------------------------------- system interface

const KCS_GET_DEVICE_ID_RQ: [u8; 2] = [0x18, 0x01];
/// Get Device ID response: device ID 20h, revision 81h, firmware 1.02, IPMI 2.0, ...
const KCS_GET_DEVICE_ID_RS: [u8; 14] = [
    0x1C, 0x01, 0x00, 0x20, 0x81, 0x01, 0x02, 0x02, 0xBF, 0x57, 0x01, 0x00, 0x47, 0x0B,
];

#[test]
fn system_interface_request() {
    let rq = SystemInterfaceRequest::parse(&KCS_GET_DEVICE_ID_RQ).unwrap();
    assert_eq!(rq.0, Request::new(NetFn::APP, Cmd(0x01), &[]));
    assert_eq!(rq.buffer_len(), 2);
    check_emit(|b| rq.emit(b), &KCS_GET_DEVICE_ID_RQ);

    // LUN bits and data.
    let body = [0x2A, 0x23, 0x01, 0x02]; // Storage 0Ah, LUN 2, Get SDR (23h)
    let rq = SystemInterfaceRequest::parse(&body).unwrap().0;
    assert_eq!(
        (rq.netfn, rq.lun, rq.cmd, rq.data),
        (NetFn::STORAGE, Lun::SMS, Cmd(0x23), &[1u8, 2][..])
    );
    check_emit(|b| SystemInterfaceRequest(rq).emit(b), &body);

    for n in 0..2 {
        assert_eq!(
            SystemInterfaceRequest::parse(&body[..n]),
            Err(FrameError::Truncated {
                needed: 2,
                actual: n
            })
        );
    }
}

#[test]
fn system_interface_response() {
    let rs = SystemInterfaceResponse::parse(&KCS_GET_DEVICE_ID_RS)
        .unwrap()
        .0;
    assert_eq!(rs.netfn, NetFn::APP.response());
    assert_eq!(rs.completion, CompletionCode::NORMAL);
    assert_eq!(rs.data, &KCS_GET_DEVICE_ID_RS[3..]);
    check_emit(
        |b| SystemInterfaceResponse::from(rs).emit(b),
        &KCS_GET_DEVICE_ID_RS,
    );
    // A completion code without data.
    let err = [0x1C, 0x01, 0xC1];
    let rs = SystemInterfaceResponse::parse(&err).unwrap().0;
    assert_eq!(rs.completion, CompletionCode::INVALID_COMMAND);
    assert!(rs.data.is_empty());
    for n in 0..3 {
        assert_eq!(
            SystemInterfaceResponse::parse(&err[..n]),
            Err(FrameError::Truncated {
                needed: 3,
                actual: n
            })
        );
    }
}

// ---------------------------------------------------------------- BT

#[test]
fn bt_request_and_response() {
    let rq_bytes = [0x03, 0x18, 0x07, 0x01];
    let rq = BtRequest::parse(&rq_bytes).unwrap();
    assert_eq!(rq.seq, 7);
    assert_eq!(rq.message, Request::new(NetFn::APP, Cmd(1), &[]));
    check_emit(|b| rq.emit(b), &rq_bytes);

    let rs_bytes = [0x06, 0x1C, 0x07, 0x01, 0x00, 0x20, 0x81];
    let rs = BtResponse::parse(&rs_bytes).unwrap();
    assert_eq!(rs, rq.response(CompletionCode::NORMAL, &[0x20, 0x81]));
    check_emit(|b| rs.emit(b), &rs_bytes);
    assert_eq!(PendingBtRequest::of(&rq).check(&rs), Ok(()));
    let other = BtResponse { seq: 8, ..rs };
    assert_eq!(
        PendingBtRequest::of(&rq).check(&other),
        Err(Mismatch::Seq {
            expected: 7,
            found: 8
        })
    );
}

#[test]
fn bt_truncated_and_length_byte() {
    let rq_bytes = [0x04, 0x18, 0x07, 0x01, 0xAA];
    for n in 0..rq_bytes.len() {
        let e = BtRequest::parse(&rq_bytes[..n]).unwrap_err();
        assert!(matches!(e, FrameError::Truncated { .. }), "{n}: {e:?}");
    }
    assert_eq!(
        BtRequest::parse(&rq_bytes[..4]),
        Err(FrameError::Truncated {
            needed: 5,
            actual: 4
        })
    );
    // More bytes than the length byte counts.
    assert_eq!(
        BtRequest::parse(&[0x03, 0x18, 0x07, 0x01, 0xAA]),
        Err(FrameError::LengthByte {
            length: 3,
            actual: 4
        })
    );
    // A length byte below the minimum, consistent with the slice.
    assert_eq!(
        BtRequest::parse(&[0x02, 0x18, 0x07]),
        Err(FrameError::Truncated {
            needed: 4,
            actual: 3
        })
    );
    let rs_bytes = [0x05, 0x1C, 0x07, 0x01, 0x00, 0x20];
    for n in 0..rs_bytes.len() {
        assert!(BtResponse::parse(&rs_bytes[..n]).is_err(), "{n}");
    }
    // A response needs the completion code.
    assert!(BtResponse::parse(&[0x03, 0x1C, 0x07, 0x01]).is_err());
}

#[test]
fn bt_length_limit() {
    let data = [0u8; 253];
    let rq = BtRequest {
        seq: 0,
        message: Request::new(NetFn::APP, Cmd(1), &data[..252]),
    };
    let mut buf = [0u8; 300];
    assert_eq!(rq.emit(&mut buf), Ok(256));
    assert_eq!(buf[0], 0xFF);
    assert_eq!(BtRequest::parse(&buf[..256]).unwrap(), rq);
    let too_long = BtRequest {
        seq: 0,
        message: Request::new(NetFn::APP, Cmd(1), &data),
    };
    assert_eq!(
        too_long.emit(&mut buf),
        Err(EmitError::TooLong { len: 253, max: 252 })
    );
    let rs = rq.response(CompletionCode::NORMAL, &data[..251]);
    assert_eq!(rs.emit(&mut buf), Ok(256));
    assert_eq!(BtResponse::parse(&buf[..256]).unwrap(), rs);
    let rs = rq.response(CompletionCode::NORMAL, &data[..252]);
    assert_eq!(
        rs.emit(&mut buf),
        Err(EmitError::TooLong { len: 252, max: 251 })
    );
}

// ---------------------------------------------------------------- IPMB

/// Get Device ID request from 81h to the BMC, rqSeq 1 (the vector).
const IPMB_GET_DEVICE_ID_RQ: [u8; 7] = [0x20, 0x18, 0xC8, 0x81, 0x04, 0x01, 0x7A];
/// Its response: device ID 20h, revision 01h, firmware 1.00, IPMI 2.0.
const IPMB_GET_DEVICE_ID_RS: [u8; 13] = [
    0x81, 0x1C, 0x63, 0x20, 0x04, 0x01, 0x00, 0x20, 0x01, 0x01, 0x00, 0x02, 0xB7,
];
/// Get Self Test Results (App 04h) from software ID F0h, and its response (55h: no error),
/// as printed in a vendor's technical reference.
const IPMB_SELF_TEST_RQ: [u8; 7] = [0x20, 0x18, 0xC8, 0xF0, 0x04, 0x04, 0x08];
const IPMB_SELF_TEST_RS: [u8; 10] = [0xF0, 0x1C, 0xF4, 0x20, 0x04, 0x04, 0x00, 0x55, 0x00, 0x83];

#[test]
fn checksums_by_hand() {
    // 20h + 18h = 38h; 100h - 38h = C8h. 81h + 04h + 01h = 86h; 100h - 86h = 7Ah.
    assert_eq!(checksum(&[0x20, 0x18]), 0xC8);
    assert_eq!(checksum(&[0x81, 0x04, 0x01]), 0x7A);
    for frame in [
        &IPMB_GET_DEVICE_ID_RQ[..],
        &IPMB_GET_DEVICE_ID_RS,
        &IPMB_SELF_TEST_RQ,
        &IPMB_SELF_TEST_RS,
    ] {
        let (head, body) = frame.split_at(3);
        assert_eq!(head.iter().fold(0u8, |s, &b| s.wrapping_add(b)), 0);
        assert_eq!(body.iter().fold(0u8, |s, &b| s.wrapping_add(b)), 0);
    }
}

#[test]
fn ipmb_get_device_id() {
    let rq = IpmbRequest::parse(&IPMB_GET_DEVICE_ID_RQ).unwrap();
    let expected = IpmbRequest {
        rs_sa: BMC_ADDRESS,
        rq_sa: REMOTE_CONSOLE_SOFTWARE_ID,
        rq_seq: RqSeq::new(1).unwrap(),
        rq_lun: Lun::BMC,
        message: Request::new(NetFn::APP, Cmd(0x01), &[]),
    };
    assert_eq!(rq, expected);
    assert_eq!(rq.buffer_len(), 7);
    check_emit(|b| expected.emit(b), &IPMB_GET_DEVICE_ID_RQ);

    let data = [0x20, 0x01, 0x01, 0x00, 0x02];
    let rs = expected.response(CompletionCode::NORMAL, &data);
    assert_eq!((rs.rq_sa, rs.rs_sa), (0x81, 0x20));
    check_emit(|b| rs.emit(b), &IPMB_GET_DEVICE_ID_RS);
    assert_eq!(IpmbResponse::parse(&IPMB_GET_DEVICE_ID_RS).unwrap(), rs);
    assert_eq!(
        IpmbMessage::parse(&IPMB_GET_DEVICE_ID_RS).unwrap(),
        IpmbMessage::Response(rs)
    );
    assert_eq!(
        IpmbMessage::parse(&IPMB_GET_DEVICE_ID_RQ).unwrap(),
        IpmbMessage::Request(expected)
    );
    assert_eq!(PendingIpmbRequest::of(&expected).check(&rs), Ok(()));
}

#[test]
fn ipmb_self_test_vector() {
    let rq = IpmbRequest::parse(&IPMB_SELF_TEST_RQ).unwrap();
    assert_eq!((rq.rq_sa, rq.message.cmd), (0xF0, Cmd(0x04)));
    let rs = IpmbResponse::parse(&IPMB_SELF_TEST_RS).unwrap();
    assert_eq!(rs, rq.response(CompletionCode::NORMAL, &[0x55, 0x00]));
    check_emit(|b| rs.emit(b), &IPMB_SELF_TEST_RS);
    assert_eq!(PendingIpmbRequest::of(&rq).check(&rs), Ok(()));
}

#[test]
fn ipmb_luns_and_swapped_fields() {
    // rsLUN 3 in byte 2 of the request, rqLUN 2 in byte 5; the response swaps them.
    let rq = IpmbRequest {
        rs_sa: 0x30,
        rq_sa: 0x20,
        rq_seq: RqSeq::new(0x3F).unwrap(),
        rq_lun: Lun::SMS,
        message: Request::new(NetFn::SENSOR_EVENT, Cmd(0x2D), &[0x07]).with_lun(Lun::OEM2),
    };
    let mut buf = [0u8; 16];
    let n = rq.emit(&mut buf).unwrap();
    assert_eq!(buf[1], 0x04 << 2 | 3);
    assert_eq!(buf[4], 0x3F << 2 | 2);
    assert_eq!(IpmbRequest::parse(&buf[..n]).unwrap(), rq);

    let rs = rq.response(CompletionCode(0xCB), &[]);
    let n = rs.emit(&mut buf).unwrap();
    assert_eq!(
        &buf[..n],
        &[
            0x20,
            0x05 << 2 | 2,
            checksum(&[0x20, 0x16]),
            0x30,
            0x3F << 2 | 3,
            0x2D,
            0xCB,
            checksum(&[0x30, 0xFF, 0x2D, 0xCB])
        ]
    );
    let parsed = IpmbResponse::parse(&buf[..n]).unwrap();
    assert_eq!(parsed, rs);
    assert_eq!(parsed.rq_lun, Lun::SMS);
    assert_eq!(parsed.message.lun, Lun::OEM2);
}

#[test]
fn ipmb_checksum_errors_are_distinct() {
    let mut bad1 = IPMB_GET_DEVICE_ID_RQ;
    bad1[2] = 0xC9;
    assert_eq!(
        IpmbRequest::parse(&bad1),
        Err(FrameError::HeaderChecksum {
            expected: 0xC8,
            found: 0xC9
        })
    );
    assert_eq!(
        IpmbMessage::parse(&bad1),
        Err(FrameError::HeaderChecksum {
            expected: 0xC8,
            found: 0xC9
        })
    );
    // A changed address byte breaks checksum 1 too.
    let mut bad_addr = IPMB_GET_DEVICE_ID_RQ;
    bad_addr[0] = 0x22;
    assert!(matches!(
        IpmbRequest::parse(&bad_addr),
        Err(FrameError::HeaderChecksum { .. })
    ));

    let mut bad2 = IPMB_GET_DEVICE_ID_RQ;
    bad2[6] = 0x00;
    assert_eq!(
        IpmbRequest::parse(&bad2),
        Err(FrameError::DataChecksum {
            expected: 0x7A,
            found: 0x00
        })
    );
    let mut bad_data = IPMB_GET_DEVICE_ID_RS;
    bad_data[8] ^= 0x10;
    assert!(matches!(
        IpmbResponse::parse(&bad_data),
        Err(FrameError::DataChecksum { found: 0xB7, .. })
    ));
    // Every single-bit flip in any byte is caught by one of the two checksums.
    for i in 0..IPMB_GET_DEVICE_ID_RS.len() {
        for bit in 0..8 {
            let mut f = IPMB_GET_DEVICE_ID_RS;
            f[i] ^= 1 << bit;
            let e = IpmbMessage::parse(&f).unwrap_err();
            let header = i < 3;
            assert_eq!(
                matches!(e, FrameError::HeaderChecksum { .. }),
                header,
                "byte {i} bit {bit}: {e:?}"
            );
            assert_eq!(
                matches!(e, FrameError::DataChecksum { .. }),
                !header,
                "byte {i} bit {bit}: {e:?}"
            );
        }
    }
}

#[test]
fn ipmb_direction_errors() {
    assert_eq!(
        IpmbResponse::parse(&IPMB_SELF_TEST_RQ[..]).unwrap_err(),
        FrameError::Truncated {
            needed: 8,
            actual: 7
        }
    );
    // A request frame with data is long enough to be read as a response: refused by NetFn.
    let rq = IpmbRequest {
        message: Request::new(NetFn::APP, Cmd(0x04), &[0x00]),
        ..IpmbRequest::parse(&IPMB_SELF_TEST_RQ).unwrap()
    };
    let mut buf = [0u8; 16];
    let n = rq.emit(&mut buf).unwrap();
    assert_eq!(
        IpmbResponse::parse(&buf[..n]),
        Err(FrameError::NotAResponse { netfn: NetFn::APP })
    );
    assert_eq!(
        IpmbRequest::parse(&IPMB_SELF_TEST_RS),
        Err(FrameError::NotARequest {
            netfn: NetFn::APP.response()
        })
    );
    // A response NetFn with no completion code.
    let seven = [0x81, 0x1C, 0x63, 0x20, 0x04, 0x01, 0xDB];
    assert_eq!(checksum(&[0x20, 0x04, 0x01]), 0xDB);
    assert_eq!(
        IpmbMessage::parse(&seven),
        Err(FrameError::Truncated {
            needed: 8,
            actual: 7
        })
    );
    assert_eq!(
        IpmbMessage::parse_after_address(0x81, &seven[1..]),
        Err(FrameError::Truncated {
            needed: 7,
            actual: 6
        })
    );
}

#[test]
fn ipmb_every_truncation() {
    let frames: [&[u8]; 4] = [
        &IPMB_GET_DEVICE_ID_RQ,
        &IPMB_GET_DEVICE_ID_RS,
        &IPMB_SELF_TEST_RQ,
        &IPMB_SELF_TEST_RS,
    ];
    for frame in frames {
        for n in 0..frame.len() {
            let cut = &frame[..n];
            assert!(IpmbMessage::parse(cut).is_err(), "{n}");
            assert!(IpmbRequest::parse(cut).is_err(), "{n}");
            assert!(IpmbResponse::parse(cut).is_err(), "{n}");
            if n < 7 {
                assert_eq!(
                    IpmbMessage::parse(cut),
                    Err(FrameError::Truncated {
                        needed: 7,
                        actual: n
                    })
                );
            }
            if n >= 1 {
                assert!(IpmbMessage::parse_after_address(frame[0], &frame[1..n]).is_err());
            }
        }
    }
    assert_eq!(
        IpmbRequest::parse(&[]),
        Err(FrameError::Truncated {
            needed: 7,
            actual: 0
        })
    );
    assert_eq!(
        IpmbResponse::parse(&[]),
        Err(FrameError::Truncated {
            needed: 8,
            actual: 0
        })
    );
    assert_eq!(
        IpmbRequest::parse_after_address(0x20, &[0x18]),
        Err(FrameError::Truncated {
            needed: 6,
            actual: 1
        })
    );
}

#[test]
fn ipmb_after_address() {
    let rq = IpmbRequest::parse(&IPMB_GET_DEVICE_ID_RQ).unwrap();
    assert_eq!(
        IpmbRequest::parse_after_address(0x20, &IPMB_GET_DEVICE_ID_RQ[1..]).unwrap(),
        rq
    );
    // The stand-in address enters checksum 1.
    assert!(matches!(
        IpmbRequest::parse_after_address(0x22, &IPMB_GET_DEVICE_ID_RQ[1..]),
        Err(FrameError::HeaderChecksum { .. })
    ));
    let rs = IpmbResponse::parse(&IPMB_SELF_TEST_RS).unwrap();
    assert_eq!(
        IpmbResponse::parse_after_address(0xF0, &IPMB_SELF_TEST_RS[1..]).unwrap(),
        rs
    );
    assert_eq!(IpmbMessage::from(rs).destination(), 0xF0);
    assert_eq!(
        IpmbMessage::from(IpmbRequest::parse(&IPMB_SELF_TEST_RQ).unwrap()).destination(),
        0x20
    );
}

#[test]
fn ipmb_message_emit_both_directions() {
    for frame in [&IPMB_GET_DEVICE_ID_RQ[..], &IPMB_GET_DEVICE_ID_RS] {
        let m = IpmbMessage::parse(frame).unwrap();
        assert_eq!(m.buffer_len(), frame.len());
        check_emit(|b| m.emit(b), frame);
    }
}

// ---------------------------------------------------------------- LAN

#[test]
fn lan_message_body() {
    // Get Channel Authentication Capabilities as FreeIPMI sends it (rqSeq 13h), and the
    // header of the answer.
    let rq_bytes = [0x20, 0x18, 0xC8, 0x81, 0x4C, 0x38, 0x0E, 0x03, 0xEA];
    let rq: LanRequest<'_> = LanRequest::parse(&rq_bytes).unwrap();
    assert_eq!(rq.rq_seq.value(), 0x13);
    assert_eq!(rq.message.cmd, Cmd(0x38));
    check_emit(|b| rq.emit(b), &rq_bytes);
    let data = [0x02, 0x15, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00];
    let rs: LanResponse<'_> = rq.response(CompletionCode::NORMAL, &data);
    let mut buf = [0u8; 32];
    let n = rs.emit(&mut buf).unwrap();
    assert_eq!(&buf[..8], &[0x81, 0x1C, 0x63, 0x20, 0x4C, 0x38, 0x00, 0x02]);
    assert_eq!(LanResponse::parse(&buf[..n]).unwrap(), rs);
}

// ---------------------------------------------------------------- bridging

#[test]
fn send_message_channel_byte_walk() {
    for b in 0..=255u8 {
        let c = SendMessageChannel::from_byte(b);
        assert_eq!(c.to_byte(), b);
        assert_eq!(c.channel.value(), b & 0x0F);
        assert_eq!(c.authentication, b & 0x20 != 0);
        assert_eq!(c.encryption, b & 0x10 != 0);
        let t = match b >> 6 {
            0 => Tracking::NoTracking,
            1 => Tracking::TrackRequest,
            2 => Tracking::SendRaw,
            _ => Tracking::Reserved,
        };
        assert_eq!(c.tracking, t);
    }
    for v in 0..=15u8 {
        assert_eq!(ChannelNumber::new(v).unwrap().value(), v);
    }
    assert!(ChannelNumber::new(16).is_err());
    assert_eq!(ChannelNumber::SYSTEM_INTERFACE.value(), 0xF);
    assert_eq!(ChannelNumber::PRESENT_INTERFACE.to_string(), "channel Eh");
}

/// ipmitool's bridged LAN request (`-t 0x82`, Get Device ID): a LAN message to the BMC whose
/// Send Message data is the tracking byte 40h and the IPMB frame with rqSA 81h.
#[test]
fn send_message_over_lan_like_ipmitool() {
    let inner = IpmbRequest {
        rs_sa: 0x82,
        rq_sa: REMOTE_CONSOLE_SOFTWARE_ID,
        rq_seq: RqSeq::new(2).unwrap(),
        rq_lun: Lun::BMC,
        message: Request::new(NetFn::APP, Cmd(0x01), &[]),
    };
    let sm = SendMessageIpmb {
        target: SendMessageChannel::new(ChannelNumber::PRIMARY_IPMB, Tracking::TrackRequest),
        frame: inner,
    };
    let sm_bytes = [0x40, 0x82, 0x18, 0x66, 0x81, 0x08, 0x01, 0x76];
    check_emit(|b| sm.emit(b), &sm_bytes);
    assert_eq!(SendMessageIpmb::parse(&sm_bytes).unwrap(), sm);
    let generic = SendMessage::parse(&sm_bytes).unwrap();
    assert_eq!(generic.ipmb().unwrap(), inner);
    check_emit(|b| generic.emit(b), &sm_bytes);

    let outer = LanRequest {
        rs_sa: BMC_ADDRESS,
        rq_sa: REMOTE_CONSOLE_SOFTWARE_ID,
        rq_seq: RqSeq::new(2).unwrap(),
        rq_lun: Lun::BMC,
        message: Request::new(NetFn::APP, SEND_MESSAGE, &sm_bytes),
    };
    let mut buf = [0u8; 32];
    let n = outer.emit(&mut buf).unwrap();
    // 15 bytes + data, as ipmitool counts the bridged message length.
    assert_eq!(n, 15);
    let back = LanRequest::parse(&buf[..n]).unwrap();
    assert_eq!(SendMessageIpmb::parse(back.message.data).unwrap(), sm);

    // The tracked response comes back as a LAN message from the target with the inner
    // sequence number; it matches the inner request.
    let bridged = inner.response(CompletionCode::NORMAL, &[0x12]);
    let n = bridged.emit(&mut buf).unwrap();
    let got = LanResponse::parse(&buf[..n]).unwrap();
    assert_eq!(PendingIpmbRequest::of(&inner).check(&got), Ok(()));
    // The Send Message response itself matches the outer request, not the inner one.
    let ack = outer.response(CompletionCode::NORMAL, &[]);
    assert_eq!(PendingIpmbRequest::of(&outer).check(&ack), Ok(()));
    assert_eq!(
        PendingIpmbRequest::of(&inner).check(&ack),
        Err(Mismatch::ResponderAddress {
            expected: 0x82,
            found: 0x20
        })
    );
}

#[test]
fn send_message_truncations() {
    let sm_bytes = [0x00, 0x82, 0x18, 0x66, 0x20, 0x16, 0x01, 0xC9];
    assert!(SendMessageIpmb::parse(&sm_bytes).is_ok());
    for n in 0..sm_bytes.len() {
        assert_eq!(
            SendMessageIpmb::parse(&sm_bytes[..n]),
            Err(FrameError::Truncated {
                needed: 8,
                actual: n
            }),
            "{n}"
        );
    }
    assert!(SendMessage::parse(&[]).is_err());
    assert_eq!(SendMessage::parse(&[0x0F]).unwrap().message, &[] as &[u8]);
    let mut bad = sm_bytes;
    bad[7] ^= 1;
    assert!(matches!(
        SendMessageIpmb::parse(&bad),
        Err(FrameError::DataChecksum { .. })
    ));
}

#[test]
fn get_message_system_interface_path() {
    // Host → BMC: Send Message (no tracking) to 82h, answer to the SMS LUN.
    let inner = IpmbRequest {
        rs_sa: 0x82,
        rq_sa: BMC_ADDRESS,
        rq_seq: RqSeq::new(5).unwrap(),
        rq_lun: Lun::SMS,
        message: Request::new(NetFn::APP, Cmd(0x01), &[]),
    };
    // BMC side: the controller's response arrives on IPMB and is queued.
    let response = inner.response(CompletionCode::NORMAL, &[0x12]);
    let queued = GetMessageIpmb {
        channel: ChannelNumber::PRIMARY_IPMB,
        privilege: InferredPrivilege::ADMINISTRATOR,
        frame: response.into(),
    };
    let data = [0x40, 0x1E, 0xC2, 0x82, 0x14, 0x01, 0x00, 0x12, 0x57];
    check_emit(|b| queued.emit(b), &data);
    // The full Get Message response body on KCS.
    let outer = Response {
        netfn: NetFn::APP.response(),
        lun: Lun::BMC,
        cmd: GET_MESSAGE,
        completion: CompletionCode::NORMAL,
        data: &data,
    };
    let mut kcs = [0u8; 32];
    let n = SystemInterfaceResponse(outer).emit(&mut kcs).unwrap();
    assert_eq!(&kcs[..4], &[0x1C, 0x33, 0x00, 0x40]);

    // Host side: parse it back and match it to the inner request.
    let got = SystemInterfaceResponse::parse(&kcs[..n]).unwrap().0;
    let gm = GetMessage::parse(got.data).unwrap();
    assert_eq!(gm.channel_byte(), 0x40);
    assert_eq!(gm.privilege.value(), 4);
    let rs = gm.ipmb_response(BMC_ADDRESS).unwrap();
    assert_eq!(rs, response);
    assert_eq!(PendingIpmbRequest::of(&inner).check(&rs), Ok(()));
    assert_eq!(gm.ipmb(BMC_ADDRESS).unwrap(), IpmbMessage::Response(rs));
    check_emit(|b| gm.emit(b), &data);
    assert_eq!(GetMessageIpmb::parse(&data, BMC_ADDRESS).unwrap(), queued);

    // Every truncation fails; a wrong stand-in address fails checksum 1.
    for n in 0..data.len() {
        assert!(
            GetMessageIpmb::parse(&data[..n], BMC_ADDRESS).is_err(),
            "{n}"
        );
    }
    assert_eq!(
        GetMessageIpmb::parse(&data[..6], BMC_ADDRESS),
        Err(FrameError::Truncated {
            needed: 7,
            actual: 6
        })
    );
    // Seven bytes hold a frame of request length: its checksum 2 is then wrong.
    assert!(matches!(
        GetMessageIpmb::parse(&data[..7], BMC_ADDRESS),
        Err(FrameError::DataChecksum { .. })
    ));
    assert!(matches!(
        GetMessageIpmb::parse(&data, 0x22),
        Err(FrameError::HeaderChecksum { .. })
    ));
    assert!(InferredPrivilege::new(16).is_err());
    assert_eq!(InferredPrivilege::new(5).unwrap(), InferredPrivilege::OEM);
}

// ---------------------------------------------------------------- requester

#[test]
fn sequence_numbers_allocator() {
    let mut s = SequenceNumbers::new();
    let all: Vec<u8> = (0..64).map(|_| s.allocate().unwrap().value()).collect();
    assert_eq!(all, (0..64).collect::<Vec<u8>>());
    assert_eq!(s.in_flight(), 64);
    assert_eq!(s.allocate(), None);
    let ten = RqSeq::new(10).unwrap();
    assert!(s.release(ten));
    assert!(!s.is_in_flight(ten));
    assert_eq!(s.allocate(), Some(ten));
    // Round robin: after releasing 3 and 40, the search continues after 10.
    let (three, forty) = (RqSeq::new(3).unwrap(), RqSeq::new(40).unwrap());
    assert!(s.release(three));
    assert!(s.release(forty));
    assert_eq!(s.allocate(), Some(forty));
    assert_eq!(s.allocate(), Some(three));
    assert_eq!(s.allocate(), None);

    // Wrap: 63 → 0.
    let mut s = SequenceNumbers::new();
    for _ in 0..63 {
        let q = s.allocate().unwrap();
        s.release(q);
    }
    assert_eq!(s.allocate().unwrap().value(), 63);
    assert_eq!(s.allocate().unwrap().value(), 0);
    assert_eq!(s.in_flight(), 2);
}

#[test]
fn matching_rejects_each_field() {
    let rq = IpmbRequest {
        rs_sa: 0x20,
        rq_sa: 0x81,
        rq_seq: RqSeq::new(9).unwrap(),
        rq_lun: Lun::OEM1,
        message: Request::new(NetFn::CHASSIS, Cmd(0x01), &[]).with_lun(Lun::SMS),
    };
    let p = PendingIpmbRequest::of(&rq);
    let good = rq.response(CompletionCode::NORMAL, &[0, 0, 0]);
    assert_eq!(p.check(&good), Ok(()));
    // A completion code other than 00h still answers the request.
    assert_eq!(
        p.check(&rq.response(CompletionCode::NODE_BUSY, &[])),
        Ok(())
    );

    let cases: [(IpmbResponse<'_>, Mismatch); 7] = [
        (
            IpmbResponse {
                rq_seq: RqSeq::new(10).unwrap(),
                ..good
            },
            Mismatch::Seq {
                expected: 9,
                found: 10,
            },
        ),
        (
            IpmbResponse {
                rs_sa: 0x22,
                ..good
            },
            Mismatch::ResponderAddress {
                expected: 0x20,
                found: 0x22,
            },
        ),
        (
            IpmbResponse {
                rq_sa: 0x83,
                ..good
            },
            Mismatch::RequesterAddress {
                expected: 0x81,
                found: 0x83,
            },
        ),
        (
            IpmbResponse {
                message: Response {
                    netfn: NetFn::APP.response(),
                    ..good.message
                },
                ..good
            },
            Mismatch::NetFn {
                expected: NetFn::CHASSIS.response(),
                found: NetFn::APP.response(),
            },
        ),
        (
            IpmbResponse {
                message: Response {
                    netfn: NetFn::CHASSIS,
                    ..good.message
                },
                ..good
            },
            Mismatch::NetFn {
                expected: NetFn::CHASSIS.response(),
                found: NetFn::CHASSIS,
            },
        ),
        (
            IpmbResponse {
                message: Response {
                    cmd: Cmd(0x02),
                    ..good.message
                },
                ..good
            },
            Mismatch::Cmd {
                expected: Cmd(0x01),
                found: Cmd(0x02),
            },
        ),
        (
            IpmbResponse {
                message: Response {
                    lun: Lun::BMC,
                    ..good.message
                },
                ..good
            },
            Mismatch::ResponderLun {
                expected: Lun::SMS,
                found: Lun::BMC,
            },
        ),
    ];
    for (rs, why) in cases {
        assert_eq!(p.check(&rs), Err(why));
        assert!(!why.to_string().is_empty());
    }
    assert_eq!(
        p.check(&IpmbResponse {
            rq_lun: Lun::BMC,
            ..good
        }),
        Err(Mismatch::RequesterLun {
            expected: Lun::OEM1,
            found: Lun::BMC
        })
    );

    // A response to its own request frame swapped back is caught (addresses not swapped).
    let echoed = IpmbResponse {
        rq_sa: 0x20,
        rs_sa: 0x81,
        ..good
    };
    assert!(p.check(&echoed).is_err());

    // System interface: NetFn, cmd, LUN only.
    let plain = PendingRequest::of(&rq.message);
    assert_eq!(plain.check(&good.message), Ok(()));
    assert!(
        plain
            .check(&Response {
                cmd: Cmd(9),
                ..good.message
            })
            .is_err()
    );
    // A pending "request" with a response NetFn is never answered.
    let odd = PendingRequest::of(&Request::new(NetFn::APP.response(), Cmd(1), &[]));
    assert!(matches!(
        odd.check(&Request::new(NetFn::APP, Cmd(1), &[]).response(CompletionCode::NORMAL, &[])),
        Err(Mismatch::NetFn { .. })
    ));
}

#[test]
fn errors_display_and_error_trait() {
    let errors = [
        FrameError::Truncated {
            needed: 7,
            actual: 3,
        },
        FrameError::LengthByte {
            length: 3,
            actual: 4,
        },
        FrameError::HeaderChecksum {
            expected: 0xC8,
            found: 0xC9,
        },
        FrameError::DataChecksum {
            expected: 0x7A,
            found: 0,
        },
        FrameError::NotARequest {
            netfn: NetFn::APP.response(),
        },
        FrameError::NotAResponse { netfn: NetFn::APP },
    ];
    for e in errors {
        let _: &dyn core::error::Error = &e;
        assert!(!e.to_string().is_empty());
    }
    assert_eq!(
        errors[2].to_string(),
        "header checksum (checksum 1) is C9h, the header sums to C8h"
    );
    let e = EmitError::BufferTooSmall {
        needed: 7,
        available: 6,
    };
    assert_eq!(
        e.to_string(),
        "output buffer has 6 bytes, the frame needs 7"
    );
    let _: &dyn core::error::Error = &e;
}
