//! Decode and format speed of `sel-codec`: one record, then a full 65,535-record SEL dump
//! decoded, printed as `ipmitool sel list` lines and as JSON lines.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sel_codec::{RECORD_LEN, SelRecord, SelRecordRef, records};

/// Records in a full SEL: record IDs 0001h–FFFFh (0000h and FFFFh are reserved, but a dump
/// numbered 1..=65535 is the largest an ID space allows).
const FULL_SEL: u16 = u16::MAX;

fn xorshift(state: &mut u64) -> u64 {
    let mut x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    x
}

/// A deterministic raw dump of 65,535 records with IDs 1..=65535: mostly system events of
/// sensor types 00h–2Ch (threshold, generic, sensor-specific and OEM event types, both
/// directions), with about 1 in 16 OEM timestamped (C0h–DFh) and 1 in 32 OEM
/// non-timestamped (E0h–FFh, including F0h kernel panic text). Timestamps are absolute
/// (2020–2028) except about 1 in 32, which are pre-init.
fn full_dump() -> Vec<u8> {
    let mut s = 0x5EC0_DEC0_0000_0001u64;
    let mut dump = Vec::with_capacity(usize::from(FULL_SEL) * RECORD_LEN);
    for id in 1..=FULL_SEL {
        let r = xorshift(&mut s);
        let b = r.to_le_bytes();
        let ts = if r >> 59 == 0 {
            (r >> 32) as u32 & 0x00FF_FFFF
        } else {
            0x5E00_0000 + ((r >> 32) as u32 & 0x0FFF_FFFF)
        }
        .to_le_bytes();
        let [id0, id1] = id.to_le_bytes();
        let kind = xorshift(&mut s);
        let rec: [u8; RECORD_LEN] = match kind % 32 {
            0 | 1 => {
                let rt = 0xC0 + (kind >> 8) as u8 % 0x20;
                [
                    id0, id1, rt, ts[0], ts[1], ts[2], ts[3], 0x57, 0x01, 0x00, b[0], b[1], b[2],
                    b[3], b[4], b[5],
                ]
            }
            2 => {
                let rt = 0xE0 + (kind >> 8) as u8 % 0x20;
                [
                    id0,
                    id1,
                    rt,
                    b[0],
                    b[1],
                    b[2],
                    b[3],
                    b[4],
                    b[5],
                    b[6],
                    b[7],
                    (kind >> 16) as u8,
                    ts[0],
                    ts[1],
                    ts[2],
                    ts[3],
                ]
            }
            _ => {
                let sensor_type = (kind >> 8) as u8 % 0x2D;
                let event_type = match (kind >> 16) % 20 {
                    0..=4 => 0x01,
                    5..=14 => 0x6F,
                    15..=18 => 0x02 + (kind >> 24) as u8 % 0x0B,
                    _ => 0x70 + (kind >> 24) as u8 % 0x10,
                };
                let direction = if (kind >> 32) % 8 == 0 { 0x80 } else { 0 };
                let generator = if (kind >> 40) % 8 == 0 { b[6] } else { 0x20 };
                [
                    id0,
                    id1,
                    0x02,
                    ts[0],
                    ts[1],
                    ts[2],
                    ts[3],
                    generator,
                    0x00,
                    0x04,
                    sensor_type,
                    b[0],
                    direction | event_type,
                    b[1],
                    b[2],
                    b[3],
                ]
            }
        };
        dump.extend_from_slice(&rec);
    }
    dump
}

fn one_record(c: &mut Criterion) {
    let raw: [u8; RECORD_LEN] = [
        0x50, 0x00, 0x02, 0x00, 0x00, 0x00, 0x60, 0x20, 0x00, 0x04, 0x01, 0x30, 0x01, 0x59, 0x5a,
        0x55,
    ];
    let mut g = c.benchmark_group("sel_codec/record");
    g.throughput(Throughput::Elements(1));
    g.bench_function("decode_owned", |b| {
        b.iter(|| SelRecord::from_bytes(black_box(&raw)))
    });
    g.bench_function("view_fields", |b| {
        b.iter(|| {
            let v = SelRecordRef::from_array(black_box(&raw));
            (
                v.id(),
                v.record_type(),
                v.timestamp(),
                v.generator(),
                v.sensor_type(),
                v.sensor_number(),
                v.direction(),
                v.event_type(),
                v.event_data(),
            )
        })
    });
    g.finish();
}

fn full_sel(c: &mut Criterion) {
    let dump = full_dump();
    assert_eq!(records(&dump).filter(Result::is_ok).count(), 65_535);

    let mut g = c.benchmark_group("sel_codec/dump_65535");
    g.throughput(Throughput::Elements(u64::from(FULL_SEL)));
    g.bench_function("decode_to_record", |b| {
        b.iter(|| {
            for item in records(black_box(&dump)) {
                black_box(item.unwrap().to_record());
            }
        })
    });

    let mut text = String::with_capacity(8 << 20);
    g.bench_function("decode_ipmitool_list", |b| {
        b.iter(|| {
            text.clear();
            for item in records(black_box(&dump)) {
                writeln!(text, "{}", item.unwrap().ipmitool_list()).unwrap();
            }
            black_box(text.len())
        })
    });

    let mut json = Vec::with_capacity(32 << 20);
    g.bench_function("decode_json", |b| {
        b.iter(|| {
            json.clear();
            for item in records(black_box(&dump)) {
                serde_json::to_writer(&mut json, &item.unwrap().json()).unwrap();
                json.push(b'\n');
            }
            black_box(json.len())
        })
    });
    g.finish();
}

criterion_group!(benches, one_record, full_sel);
criterion_main!(benches);
