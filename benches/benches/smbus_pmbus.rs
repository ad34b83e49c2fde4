//! `smbus-pmbus` side by side with its peers on the same inputs: PMBus data-format decoding
//! (LINEAR11, ULINEAR16, DIRECT) against `pmbus-adapter`, PEC against `smbus-pec`, and a full
//! PSU telemetry poll over an in-memory I2C bus against `pmbus-adapter`'s async adapter.
//!
//! `smbus-pec` computes its `pec` bit by bit unless its `lookup-table` feature is on, and that
//! feature changes the crate for the whole build, so one run measures one of the two:
//! `cargo bench -p benches --bench smbus_pmbus` measures the bitwise default,
//! `cargo bench -p benches --bench smbus_pmbus --features smbus-pec-lookup-table` the table.
//! The benchmark name says which (`smbus_pec_bitwise` / `smbus_pec_lookup_table`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::cell::Cell;
use std::convert::Infallible;
use std::hint::black_box;
use std::rc::Rc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use embassy_futures::block_on;
use embedded_hal::i2c::{ErrorType, Operation};
use smbus_pmbus::device::{Psu, PsuAsync, catalog};
use smbus_pmbus::format::{Coefficients, Linear11, ULinear16};
use smbus_pmbus::pec::{pec, pec_bitwise};

use pmbus_adapter::{PmbusAdaptor, VoutModeType};
use smbus_adapter::SmbusAdaptor;

/// How many raw values each decode benchmark converts per iteration.
const N_VALUES: usize = 1024;
/// The ULINEAR16 exponent (`VOUT_MODE` 17h).
const VOUT_EXPONENT: i8 = -9;
/// ADM1272 voltage coefficients (m, b, R) in its 100 V range, as `catalog::adm1272` uses them.
const ADM1272_V: (i16, i16, i8) = (4062, 0, -2);
/// The PSU's 7-bit address.
const PSU_ADDR: u8 = 0x58;

fn xorshift(state: &mut u64) -> u64 {
    let mut x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    x
}

/// `n` deterministic pseudo-random 16-bit values.
fn raw_words(n: usize, seed: u64) -> Vec<u16> {
    let mut s = seed;
    (0..n).map(|_| (xorshift(&mut s) >> 16) as u16).collect()
}

/// `n` deterministic pseudo-random bytes.
fn raw_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut s = seed;
    (0..n).map(|_| (xorshift(&mut s) >> 24) as u8).collect()
}

fn linear11(c: &mut Criterion) {
    // Every 16-bit value is a LINEAR11 number: uniform raw words cover all 32 exponents.
    let raws = raw_words(N_VALUES, 0x1111_1111_0000_0001);
    for &r in &raws {
        assert_eq!(
            Linear11::from_raw(r).to_f32(),
            pmbus_adapter::Linear11::from_raw(r).to_f32(),
            "LINEAR11 {r:04X}h decodes differently"
        );
    }
    let mut g = c.benchmark_group("smbus_pmbus/linear11_decode_1024");
    g.throughput(Throughput::Elements(N_VALUES as u64));
    let (mut out_f32, mut out_i64) = ([0f32; N_VALUES], [0i64; N_VALUES]);
    g.bench_function("ours_f32", |b| {
        b.iter(|| {
            for (o, &r) in out_f32.iter_mut().zip(black_box(&raws)) {
                *o = Linear11::from_raw(r).to_f32();
            }
            black_box(&mut out_f32);
        })
    });
    g.bench_function("ours_milli", |b| {
        b.iter(|| {
            for (o, &r) in out_i64.iter_mut().zip(black_box(&raws)) {
                *o = Linear11::from_raw(r).to_milli();
            }
            black_box(&mut out_i64);
        })
    });
    g.bench_function("pmbus_adapter_f32", |b| {
        b.iter(|| {
            for (o, &r) in out_f32.iter_mut().zip(black_box(&raws)) {
                *o = pmbus_adapter::Linear11::from_raw(r).to_f32();
            }
            black_box(&mut out_f32);
        })
    });
    g.finish();
}

fn ulinear16(c: &mut Criterion) {
    let raws = raw_words(N_VALUES, 0x1616_1616_0000_0002);
    for &r in &raws {
        assert_eq!(
            ULinear16::new(r, VOUT_EXPONENT).to_f32(),
            pmbus_adapter::ULinear16::from_raw(r).to_f32(VOUT_EXPONENT),
            "ULINEAR16 {r:04X}h decodes differently"
        );
    }
    let mut g = c.benchmark_group("smbus_pmbus/ulinear16_decode_1024");
    g.throughput(Throughput::Elements(N_VALUES as u64));
    let (mut out_f32, mut out_i64) = ([0f32; N_VALUES], [0i64; N_VALUES]);
    // The exponent goes through `black_box` so neither side is specialised for -9.
    g.bench_function("ours_f32", |b| {
        b.iter(|| {
            let e = black_box(VOUT_EXPONENT);
            for (o, &r) in out_f32.iter_mut().zip(black_box(&raws)) {
                *o = ULinear16::new(r, e).to_f32();
            }
            black_box(&mut out_f32);
        })
    });
    g.bench_function("ours_milli", |b| {
        b.iter(|| {
            let e = black_box(VOUT_EXPONENT);
            for (o, &r) in out_i64.iter_mut().zip(black_box(&raws)) {
                *o = ULinear16::new(r, e).to_milli();
            }
            black_box(&mut out_i64);
        })
    });
    g.bench_function("pmbus_adapter_f32", |b| {
        b.iter(|| {
            let e = black_box(VOUT_EXPONENT);
            for (o, &r) in out_f32.iter_mut().zip(black_box(&raws)) {
                *o = pmbus_adapter::ULinear16::from_raw(r).to_f32(e);
            }
            black_box(&mut out_f32);
        })
    });
    g.finish();
}

fn direct(c: &mut Criterion) {
    // The ADM1272 has a 12-bit ADC: its voltage readings are 0..=4095.
    let raws: Vec<u16> = raw_words(N_VALUES, 0xD17E_C700_0000_0003)
        .into_iter()
        .map(|r| r & 0x0FFF)
        .collect();
    let (m, b, r) = ADM1272_V;
    let ours = Coefficients { m, b, r };
    let peer = pmbus_adapter::DirectCoefficients::new(m, b, r);
    for &raw in &raws {
        let x = ours.decode_f32(raw).unwrap();
        let y = peer.to_f32(raw as i16);
        assert!(
            (x - y).abs() <= x.abs() * 1e-6,
            "DIRECT {raw:04X}h: {x} vs {y}"
        );
    }
    let mut g = c.benchmark_group("smbus_pmbus/direct_decode_1024");
    g.throughput(Throughput::Elements(N_VALUES as u64));
    let (mut out_f32, mut out_i64) = ([0f32; N_VALUES], [0i64; N_VALUES]);
    // Coefficients through `black_box`: a driver reads them from a description or the device.
    g.bench_function("ours_f32", |b| {
        b.iter(|| {
            let c = black_box(ours);
            for (o, &raw) in out_f32.iter_mut().zip(black_box(&raws)) {
                *o = c.decode_f32(raw).unwrap_or(f32::NAN);
            }
            black_box(&mut out_f32);
        })
    });
    g.bench_function("ours_f32_prepared", |b| {
        b.iter(|| {
            let c = black_box(ours).converter_f32().unwrap();
            for (o, &raw) in out_f32.iter_mut().zip(black_box(&raws)) {
                *o = c.decode(raw);
            }
            black_box(&mut out_f32);
        })
    });
    g.bench_function("ours_milli", |b| {
        b.iter(|| {
            let c = black_box(ours);
            for (o, &raw) in out_i64.iter_mut().zip(black_box(&raws)) {
                *o = c.decode_milli(raw).unwrap_or(i64::MIN);
            }
            black_box(&mut out_i64);
        })
    });
    g.bench_function("pmbus_adapter_f32", |b| {
        b.iter(|| {
            let c = black_box(peer);
            for (o, &raw) in out_f32.iter_mut().zip(black_box(&raws)) {
                *o = c.to_f32(raw as i16);
            }
            black_box(&mut out_f32);
        })
    });
    g.finish();
}

/// The benchmark name of the `smbus-pec` configuration this build has.
const SMBUS_PEC_NAME: &str = if cfg!(feature = "smbus-pec-lookup-table") {
    "smbus_pec_lookup_table"
} else {
    "smbus_pec_bitwise"
};

fn pec_blocks(c: &mut Criterion) {
    let mut g = c.benchmark_group("smbus_pmbus/pec");
    for len in [32usize, 255] {
        let block = raw_bytes(len, 0x9EC0_0000_0000_0004 + len as u64);
        assert_eq!(pec(&block), smbus_pec::pec(&block));
        assert_eq!(pec_bitwise(&block), smbus_pec::pec(&block));
        g.throughput(Throughput::Bytes(len as u64));
        g.bench_with_input(BenchmarkId::new("ours_table", len), &block, |b, block| {
            b.iter(|| pec(black_box(block)))
        });
        g.bench_with_input(BenchmarkId::new("ours_bitwise", len), &block, |b, block| {
            b.iter(|| pec_bitwise(black_box(block)))
        });
        g.bench_with_input(BenchmarkId::new(SMBUS_PEC_NAME, len), &block, |b, block| {
            b.iter(|| smbus_pec::pec(black_box(block)))
        });
    }
    g.finish();
}

/// An in-memory I2C device for both embedded-hal 1.0 traits: a write selects a register by its
/// first byte (the command code), a read returns that register's two bytes (repeated as
/// needed, so a one-byte read gets the low byte). Every transaction is counted, so the
/// benchmark can check that both drivers make the same transfers.
#[derive(Clone, Debug)]
struct MemBus {
    registers: [[u8; 2]; 256],
    command: u8,
    transactions: Rc<Cell<u32>>,
}

impl MemBus {
    fn serve(&mut self, operations: &mut [Operation<'_>]) -> Result<(), Infallible> {
        self.transactions.set(self.transactions.get() + 1);
        for op in operations {
            match op {
                Operation::Write(bytes) => {
                    if let Some(&c) = bytes.first() {
                        self.command = c;
                    }
                }
                Operation::Read(buf) => {
                    let reg = self.registers[usize::from(self.command)];
                    for (slot, &b) in buf.iter_mut().zip(reg.iter().cycle()) {
                        *slot = b;
                    }
                }
            }
        }
        Ok(())
    }
}

impl ErrorType for MemBus {
    type Error = Infallible;
}

impl embedded_hal::i2c::I2c for MemBus {
    fn transaction(
        &mut self,
        _address: u8,
        operations: &mut [Operation<'_>],
    ) -> Result<(), Self::Error> {
        self.serve(operations)
    }
}

impl embedded_hal_async::i2c::I2c for MemBus {
    async fn transaction(
        &mut self,
        _address: u8,
        operations: &mut [Operation<'_>],
    ) -> Result<(), Self::Error> {
        self.serve(operations)
    }
}

/// A CRPS PSU at full load: `VOUT_MODE` 17h (ULINEAR16, exponent -9), LINEAR11 elsewhere.
fn crps_bus() -> (MemBus, Rc<Cell<u32>>) {
    let mut registers = [[0u8; 2]; 256];
    let linear = |milli: i64| Linear11::from_milli(milli).unwrap().raw().to_le_bytes();
    registers[0x20] = [0x17, 0x00]; // VOUT_MODE
    registers[0x88] = linear(231_000); // READ_VIN, V
    registers[0x89] = linear(2_250); // READ_IIN, A
    registers[0x97] = linear(519_750); // READ_PIN, W
    registers[0x8B] = ULinear16::from_milli(12_050, VOUT_EXPONENT)
        .unwrap()
        .raw
        .to_le_bytes(); // READ_VOUT, V
    registers[0x8C] = linear(40_500); // READ_IOUT, A
    registers[0x96] = linear(487_000); // READ_POUT, W
    registers[0x8D] = linear(35_500); // READ_TEMPERATURE_1, °C
    registers[0x8E] = linear(48_250); // READ_TEMPERATURE_2, °C
    registers[0x90] = linear(9_600_000); // READ_FAN_SPEED_1, RPM
    let transactions = Rc::new(Cell::new(0));
    let bus = MemBus {
        registers,
        command: 0,
        transactions: Rc::clone(&transactions),
    };
    (bus, transactions)
}

/// The peer's telemetry poll: the nine `READ_*` words of `catalog::CRPS_PSU`, in its order,
/// each converted to `f32`, with the `VOUT_MODE` exponent read once beforehand (as our driver
/// caches it).
async fn peer_telemetry(
    pmbus: &mut PmbusAdaptor<MemBus>,
    vout_exponent: i8,
) -> Result<[f32; 9], Infallible> {
    use pmbus_adapter::{Linear11 as L11, ULinear16 as UL16};
    let a = PSU_ADDR;
    Ok([
        L11::from_raw(pmbus.read_vin(a).await?).to_f32(),
        L11::from_raw(pmbus.read_iin(a).await?).to_f32(),
        L11::from_raw(pmbus.read_pin(a).await?).to_f32(),
        UL16::from_raw(pmbus.read_vout(a).await?).to_f32(vout_exponent),
        L11::from_raw(pmbus.read_iout(a).await?).to_f32(),
        L11::from_raw(pmbus.read_pout(a).await?).to_f32(),
        L11::from_raw(pmbus.read_temperature_1(a).await?).to_f32(),
        L11::from_raw(pmbus.read_temperature_2(a).await?).to_f32(),
        L11::from_raw(pmbus.read_fan_speed_1(a).await?).to_f32(),
    ])
}

async fn peer_vout_exponent(pmbus: &mut PmbusAdaptor<MemBus>) -> i8 {
    match pmbus.get_vout_mode(PSU_ADDR).await.unwrap().mode {
        VoutModeType::ULinear16 { exponent } => exponent,
        other => unreachable!("VOUT_MODE {other:?}"),
    }
}

/// Sums the telemetry as `f32`, as a BMC that publishes floats would.
fn sum_f32(t: &smbus_pmbus::device::Telemetry) -> f32 {
    t.iter().filter_map(|r| r.to_f32()).sum()
}

fn psu_telemetry(c: &mut Criterion) {
    // The drivers are made once; the first poll (which reads VOUT_MODE) happens here, so every
    // measured poll is the steady state: nine Read Word transfers.
    let (bus, ours_count) = crps_bus();
    let mut psu = Psu::new(bus, PSU_ADDR, catalog::CRPS_PSU);
    let first = psu.telemetry().unwrap();
    assert_eq!(first.len(), 9);
    let before = ours_count.get();
    psu.telemetry().unwrap();
    assert_eq!(
        ours_count.get() - before,
        9,
        "our blocking poll: 9 transfers"
    );

    let (bus, ours_async_count) = crps_bus();
    let mut psu_async = PsuAsync::new(bus, PSU_ADDR, catalog::CRPS_PSU);
    assert_eq!(block_on(psu_async.telemetry()).unwrap(), first);
    let before = ours_async_count.get();
    block_on(psu_async.telemetry()).unwrap();
    assert_eq!(
        ours_async_count.get() - before,
        9,
        "our async poll: 9 transfers"
    );

    let (bus, peer_count) = crps_bus();
    let mut pmbus = PmbusAdaptor::new(SmbusAdaptor::new(bus));
    let exponent = block_on(peer_vout_exponent(&mut pmbus));
    assert_eq!(exponent, VOUT_EXPONENT);
    let before = peer_count.get();
    let peer_values = block_on(peer_telemetry(&mut pmbus, exponent)).unwrap();
    assert_eq!(peer_count.get() - before, 9, "peer poll: 9 transfers");
    let ours_values: Vec<f32> = first.iter().map(|r| r.to_f32().unwrap()).collect();
    assert_eq!(ours_values, peer_values, "same readings on both sides");

    let mut g = c.benchmark_group("smbus_pmbus/psu_telemetry_crps");
    g.throughput(Throughput::Elements(9));
    g.bench_function("ours_blocking_f32", |b| {
        b.iter(|| sum_f32(&psu.telemetry().unwrap()))
    });
    g.bench_function("ours_blocking_milli", |b| {
        b.iter(|| {
            let t = psu.telemetry().unwrap();
            t.iter().filter_map(|r| r.milli()).sum::<i64>()
        })
    });
    g.bench_function("ours_async_f32", |b| {
        b.iter(|| sum_f32(&block_on(psu_async.telemetry()).unwrap()))
    });
    // The firmware form: readings written into a caller-owned Telemetry, so the future does
    // not carry one.
    let mut reused = first;
    g.bench_function("ours_async_poll_into_f32", |b| {
        b.iter(|| {
            block_on(psu_async.poll(&mut reused)).unwrap();
            sum_f32(&reused)
        })
    });
    g.bench_function("pmbus_adapter_async_f32", |b| {
        b.iter(|| {
            let v = block_on(peer_telemetry(&mut pmbus, black_box(exponent))).unwrap();
            v.iter().sum::<f32>()
        })
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = linear11, ulinear16, direct, pec_blocks, psu_telemetry
}
criterion_main!(benches);
