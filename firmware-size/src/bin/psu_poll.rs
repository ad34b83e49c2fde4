//! A no_std PSU poller: the smallest useful firmware built on `smbus-pmbus`. It polls a
//! CRPS-style power supply's nine telemetry readings in fixed point (no float code), reads
//! STATUS_WORD and the registers it points at, and maps faults to IPMI power-supply offsets.
//!
//! The I2C bus is a stand-in whose reads come from `black_box`, so the compiler cannot fold
//! anything away: what is measured is the driver, the SMBus host with PEC, and the LINEAR11 /
//! ULINEAR16 decoders, as a board's firmware would link them.
#![no_std]
#![no_main]

use core::hint::black_box;

use embedded_hal::i2c::{ErrorKind, ErrorType, I2c, Operation, SevenBitAddress};
use smbus_pmbus::device::{Psu, catalog};

/// An I2C bus whose device answers with opaque bytes.
struct OpaqueBus;

impl ErrorType for OpaqueBus {
    type Error = ErrorKind;
}

impl I2c<SevenBitAddress> for OpaqueBus {
    fn transaction(
        &mut self,
        address: u8,
        operations: &mut [Operation<'_>],
    ) -> Result<(), ErrorKind> {
        black_box(address);
        for op in operations {
            match op {
                Operation::Read(buf) => {
                    for b in buf.iter_mut() {
                        *b = black_box(0x5A);
                    }
                }
                Operation::Write(bytes) => {
                    black_box(bytes);
                }
            }
        }
        if black_box(false) {
            Err(ErrorKind::Other)
        } else {
            Ok(())
        }
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn _start() -> ! {
    let mut psu = Psu::new(OpaqueBus, 0x38, catalog::CRPS_PSU);
    loop {
        if let Ok(t) = psu.telemetry() {
            for r in t.iter() {
                black_box(r.milli());
            }
        }
        if let Ok(s) = psu.status(0) {
            black_box(s.ipmi_offsets());
        }
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
