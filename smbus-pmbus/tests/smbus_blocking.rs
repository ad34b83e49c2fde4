//! The blocking SMBus host (`Smbus`) against embedded-hal-mock: exact bytes on the wire for every
//! protocol with PEC off and on, the PEC, block-count, NACK and address errors; plus the
//! bus-independent types (`Cmd`, `Config`, `Error`, `HostNotify`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use smbus_pmbus::smbus::Smbus as Host;

/// The blocking host's calls return their result directly.
macro_rules! run {
    ($call:expr) => {
        $call
    };
}

mod support;

include!("smbus_common/cases.rs");

// ---------------------------------------------------------------------------------------------
// Types that do not touch the bus (tested once, here)

use smbus_pmbus::smbus::{
    ALERT_RESPONSE_ADDRESS, HOST_ADDRESS, HOST_NOTIFY_LEN, HostNotify, HostNotifyError, MAX_ADDRESS,
};

#[test]
fn constants() {
    assert_eq!(HOST_ADDRESS, 0x08);
    assert_eq!(ALERT_RESPONSE_ADDRESS, 0x0C);
    assert_eq!(MAX_ADDRESS, 0x7F);
    assert_eq!(HOST_NOTIFY_LEN, 3);
    assert_eq!(BlockLimit::Smbus2.max(), 32);
    assert_eq!(BlockLimit::Smbus3.max(), 255);
    assert_eq!(BlockLimit::default(), BlockLimit::Smbus3);
}

#[test]
fn cmd() {
    let c = Cmd::new(0x8B);
    assert_eq!(c.bytes(), &[0x8B]);
    assert_eq!(c.code(), 0x8B);
    assert_eq!(c.prefix(), None);
    assert!(!c.is_extended());
    assert_eq!(Cmd::from(0x8B), c);
    assert_eq!(c.to_string(), "8Bh");

    let e = Cmd::extended(0xFF, 0x01);
    assert_eq!(e.bytes(), &[0xFF, 0x01]);
    assert_eq!(e.code(), 0x01);
    assert_eq!(e.prefix(), Some(0xFF));
    assert!(e.is_extended());
    assert_eq!(e.to_string(), "FFh 01h");
    assert_ne!(e, Cmd::new(0x01));
    assert_ne!(Cmd::extended(0xFE, 0x01), e);
    assert_eq!(Cmd::MFR_SPECIFIC_COMMAND_EXT, 0xFE);
    assert_eq!(Cmd::PMBUS_COMMAND_EXT, 0xFF);

    // Exhaustive: every one-byte and every two-byte command.
    for a in 0..=u8::MAX {
        assert_eq!(Cmd::new(a).bytes(), &[a]);
        for b in 0..=u8::MAX {
            let x = Cmd::extended(a, b);
            assert_eq!(x.bytes(), &[a, b]);
            assert_eq!((x.prefix(), x.code()), (Some(a), b));
        }
    }
}

#[test]
fn host_notify_parse_and_encode() {
    let n = HostNotify::parse(&[0xB4, 0x34, 0x12]).unwrap();
    assert_eq!(
        n,
        HostNotify {
            device_address: 0x5A,
            data: 0x1234
        }
    );
    assert_eq!(n.to_bytes().unwrap(), [0xB4, 0x34, 0x12]);

    assert_eq!(
        HostNotify::parse(&[]),
        Err(HostNotifyError::Length { len: 0 })
    );
    assert_eq!(
        HostNotify::parse(&[0xB4, 0x34]),
        Err(HostNotifyError::Length { len: 2 })
    );
    assert_eq!(
        HostNotify::parse(&[0xB4, 0x34, 0x12, 0x00]),
        Err(HostNotifyError::Length { len: 4 })
    );
    assert_eq!(
        HostNotify::parse(&[0xB5, 0x34, 0x12]),
        Err(HostNotifyError::ReservedBit { byte: 0xB5 })
    );
    assert_eq!(
        HostNotify {
            device_address: 0x80,
            data: 0
        }
        .to_bytes(),
        Err(HostNotifyError::InvalidAddress(0x80))
    );

    // Exhaustive round trip over every address and a spread of data words; every address byte.
    let mut walked = 0u32;
    for device_address in 0..=MAX_ADDRESS {
        for data in [0u16, 1, 0x00FF, 0xFF00, 0x1234, 0xFFFF] {
            let n = HostNotify {
                device_address,
                data,
            };
            assert_eq!(HostNotify::parse(&n.to_bytes().unwrap()), Ok(n));
            walked += 1;
        }
    }
    assert_eq!(walked, 128 * 6);
    for byte in 0..=u8::MAX {
        let got = HostNotify::parse(&[byte, 0, 0]);
        if byte & 1 == 0 {
            assert_eq!(got.unwrap().device_address, byte >> 1);
        } else {
            assert_eq!(got, Err(HostNotifyError::ReservedBit { byte }));
        }
    }
    for device_address in 0x80..=u8::MAX {
        assert_eq!(
            HostNotify {
                device_address,
                data: 0
            }
            .to_bytes(),
            Err(HostNotifyError::InvalidAddress(device_address))
        );
    }
}

#[test]
fn host_notify_error_display() {
    assert_eq!(
        HostNotifyError::Length { len: 2 }.to_string(),
        "a Host Notify message is 3 bytes after the host address, got 2"
    );
    assert_eq!(
        HostNotifyError::ReservedBit { byte: 0xB5 }.to_string(),
        "Host Notify device address byte B5h has bit 0 set"
    );
    assert_eq!(
        HostNotifyError::InvalidAddress(0x80).to_string(),
        "address 80h is not a 7-bit address"
    );
    let _: &dyn core::error::Error = &HostNotifyError::Length { len: 0 };
}

#[test]
fn error_display_and_traits() {
    type E = Error<ErrorKind>;
    let cases: [(E, &str); 7] = [
        (Error::I2c(ErrorKind::Bus), "I2C error: Bus"),
        (
            Error::InvalidAddress(0x80),
            "address 80h is not a 7-bit address",
        ),
        (
            Error::Pec {
                expected: 0xD8,
                received: 0xD9,
            },
            "PEC mismatch: computed D8h, received D9h",
        ),
        (
            Error::BlockCountTooLarge {
                count: 33,
                limit: 32,
            },
            "block count 33 is above the limit of 32 bytes",
        ),
        (
            Error::BufferTooSmall {
                needed: 5,
                capacity: 4,
            },
            "block of 5 bytes does not fit a buffer of 4 bytes",
        ),
        (
            Error::BlockCountMismatch {
                expected: 6,
                received: 5,
            },
            "block count 5 received, 6 expected",
        ),
        (
            Error::DataTooLong { len: 33, limit: 32 },
            "33 bytes is longer than this transfer allows (32 bytes)",
        ),
    ];
    for (e, text) in cases {
        assert_eq!(e.to_string(), text);
        let _: &dyn core::error::Error = &e;
        // `map_i2c` keeps every other variant as it is.
        let mapped: Error<u8> = e.map_i2c(|_| 7);
        match e {
            Error::I2c(_) => assert_eq!(mapped, Error::I2c(7)),
            _ => assert_eq!(mapped.to_string(), text),
        }
    }
    assert_eq!(
        Error::<ErrorKind>::Pec {
            expected: 1,
            received: 2
        }
        .i2c_error(),
        None
    );
    assert!(!Error::<ErrorKind>::InvalidAddress(0x80).is_nack());
}
