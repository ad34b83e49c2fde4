//! Arbitrary device answers on the wire through the SMBus host and the PMBus driver: every
//! SMBus protocol with PEC on and off, then a PSU telemetry poll, a status read, identity,
//! energy and a probe, on a fake bus that answers each read with the next fuzz bytes and each
//! transfer with success, NACK or a bus error as the bytes say. Nothing may panic; block
//! counts and PEC are checked against what was actually on the wire.
#![no_main]

use embedded_hal::i2c::{ErrorKind, ErrorType, I2c, NoAcknowledgeSource, Operation};
use libfuzzer_sys::fuzz_target;
use smbus_pmbus::device::{PmbusDevice, Quantity, catalog};
use smbus_pmbus::smbus::{BlockLimit, Cmd, Config, Error, Smbus};

/// A bus whose device answers with the fuzz input.
struct FuzzBus<'a> {
    data: &'a [u8],
}

impl FuzzBus<'_> {
    fn next(&mut self) -> Option<u8> {
        let (&b, rest) = self.data.split_first()?;
        self.data = rest;
        Some(b)
    }
}

impl ErrorType for FuzzBus<'_> {
    type Error = ErrorKind;
}

impl I2c for FuzzBus<'_> {
    fn transaction(&mut self, _addr: u8, ops: &mut [Operation<'_>]) -> Result<(), ErrorKind> {
        // One control byte per transfer: mostly success.
        match self.next() {
            None => return Err(ErrorKind::Other),
            Some(0xF0) => return Err(ErrorKind::NoAcknowledge(NoAcknowledgeSource::Address)),
            Some(0xF1) => return Err(ErrorKind::ArbitrationLoss),
            Some(_) => {}
        }
        for op in ops {
            if let Operation::Read(buf) = op {
                for b in buf.iter_mut() {
                    *b = self.next().unwrap_or(0xFF);
                }
            }
        }
        Ok(())
    }
}

fn check<T>(r: Result<T, Error<ErrorKind>>) {
    if let Err(e) = r {
        let _ = e.is_nack();
        let _ = format!("{e}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let config = Config::new()
        .with_pec(flags & 1 != 0)
        .with_block_limit(if flags & 2 != 0 {
            BlockLimit::Smbus2
        } else {
            BlockLimit::Smbus3
        });
    let mut smbus = Smbus::with_config(FuzzBus { data: rest }, config);
    let a = 0x58;
    check(smbus.receive_byte(a));
    check(smbus.read_byte(a, 0x20));
    check(smbus.read_word(a, 0x88));
    check(smbus.read_u32(a, 0xD0));
    check(smbus.read_u64(a, 0xD1));
    check(smbus.process_call(a, 0xD2, 0x1234));
    let mut buf = [0u8; 64];
    match smbus.block_read(a, 0x99, &mut buf) {
        Ok(n) => {
            assert!(n <= buf.len());
            assert!(n <= usize::from(config.block_limit.max()));
        }
        Err(e) => check::<()>(Err(e)),
    }
    let mut small = [0u8; 4];
    check(smbus.block_read_exact(a, 0x9A, &mut small));
    match smbus.block_process_call(a, 0x1A, &[0x88], &mut small) {
        Ok(n) => assert!(n <= small.len()),
        Err(e) => check::<()>(Err(e)),
    }
    check(smbus.read_bytes(a, Cmd::extended(0xFE, 0x12), &mut small));
    check(smbus.alert_response());
    let bus = smbus.release();

    // The driver on what is left, as each described device.
    let description = catalog::ALL[usize::from(flags >> 4) % catalog::ALL.len()];
    let mut dev = PmbusDevice::new(bus, 0x38, description);
    if let Ok(t) = dev.telemetry() {
        for r in t.iter() {
            let _ = (r.milli(), r.to_f32(), format!("{r}"));
        }
    }
    let _ = dev.read(Quantity::Vout, 0).map(|r| r.micro());
    if let Ok(s) = dev.status(0) {
        for f in s.faults() {
            let _ = format!("{f}");
        }
        let _ = s.ipmi_offsets().iter().count();
    }
    let _ = dev.identity().map(|id| id.mfr_id.map(|s| s.to_string()));
    let _ = dev.energy();
    let _ = dev.probe(smbus_pmbus::command::CommandCode::READ_VCAP);
    let _ = dev.set_output(0, flags & 4 != 0);
    let _ = dev.write_operation(0, smbus_pmbus::command::Operation(flags));
    let _ = dev.clear_faults(0, smbus_pmbus::status::ClearFaults::All);
});
