//! Code conversion speed of `acpi-state`: IPMI bytes to states and back, names, transitions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use acpi_state::ipmi::{GetAcpiPowerStateResponse, SetAcpiPowerState, SystemCode};
use acpi_state::{Event, SystemPowerState, Tracker, transition};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn ipmi_codes(c: &mut Criterion) {
    let pairs: Vec<[u8; 2]> = (0..=u16::MAX).map(u16::to_be_bytes).collect();
    let mut g = c.benchmark_group("acpi_state/ipmi");
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("set_request_decode_encode_all_65536", |b| {
        b.iter(|| {
            let mut acc = 0u32;
            for p in &pairs {
                let r = SetAcpiPowerState::from_bytes(black_box(*p));
                let [x, y] = r.to_bytes();
                acc = acc.wrapping_add(u32::from(x) ^ u32::from(y));
            }
            acc
        })
    });
    g.bench_function("get_response_decode_all_65536", |b| {
        b.iter(|| {
            let mut known = 0u32;
            for p in &pairs {
                let r = GetAcpiPowerStateResponse::from_bytes(black_box(*p));
                known += u32::from(r.system.state().is_some());
            }
            known
        })
    });
    g.finish();

    let mut g = c.benchmark_group("acpi_state/code");
    g.throughput(Throughput::Elements(128));
    g.bench_function("system_code_from_bits_all_128", |b| {
        b.iter(|| {
            let mut acc = 0u32;
            for v in 0..=0x7Fu8 {
                acc += u32::from(SystemCode::from_bits(black_box(v)).bits());
            }
            acc
        })
    });
    g.finish();
}

fn names(c: &mut Criterion) {
    let names: Vec<String> = SystemPowerState::ALL
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut g = c.benchmark_group("acpi_state/names");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("parse_canonical_all_14", |b| {
        b.iter(|| {
            names
                .iter()
                .filter(|n| black_box(n.as_str()).parse::<SystemPowerState>().is_ok())
                .count()
        })
    });
    g.finish();
}

fn transitions(c: &mut Criterion) {
    let all = SystemPowerState::ALL;
    let mut g = c.benchmark_group("acpi_state/transition");
    g.throughput(Throughput::Elements((all.len() * all.len()) as u64));
    g.bench_function("classify_all_196_pairs", |b| {
        b.iter(|| {
            let mut legal = 0u32;
            for from in all {
                for to in all {
                    legal += u32::from(transition(black_box(from), black_box(to)).is_ok());
                }
            }
            legal
        })
    });
    g.finish();

    let events: Vec<Event> = (0..=u16::MAX)
        .step_by(7)
        .map(|v| match v % 11 {
            0 => Event::PowerGoodLost,
            1 => Event::Override,
            _ => Event::HostSet(SetAcpiPowerState::from_bytes(v.to_be_bytes())),
        })
        .collect();
    let mut g = c.benchmark_group("acpi_state/tracker");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("apply_events", |b| {
        b.iter(|| {
            let mut t = Tracker::new();
            let mut logged = 0u32;
            for e in &events {
                logged += u32::from(t.apply(black_box(*e)).verdict.worth_logging());
            }
            logged
        })
    });
    g.finish();
}

criterion_group!(benches, ipmi_codes, names, transitions);
criterion_main!(benches);
