//! Arbitrary register values, coefficients and numbers through every PMBus data format, both
//! directions. Checks that fixed point and `f32` agree, that encoders return a value that
//! decodes back to the same number on a second round, and that the block parsers keep their
//! bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smbus_pmbus::format::{Coefficients, EnergyCounter, EnergyReading, Format, VidMode, VoutMode};

const VID_MODES: [VidMode; 6] = [
    VidMode::Vr11,
    VidMode::Vr12,
    VidMode::Vr13_5mV,
    VidMode::Vr13_10mV,
    VidMode::Imvp9,
    VidMode::Amd625mV,
];

fn formats(bytes: &[u8; 16]) -> [Format; 5] {
    let c = Coefficients {
        m: i16::from_le_bytes([bytes[0], bytes[1]]),
        b: i16::from_le_bytes([bytes[2], bytes[3]]),
        r: (bytes[4] as i8) % 14,
    };
    [
        Format::Linear11,
        Format::ULinear16 {
            exponent: ((bytes[5] as i8) << 3) >> 3,
        },
        Format::Direct(c),
        Format::Vid(VID_MODES[usize::from(bytes[6]) % VID_MODES.len()]),
        Format::IeeeHalf,
    ]
}

fuzz_target!(|data: &[u8]| {
    let Some(head) = data.get(..16) else { return };
    let bytes: &[u8; 16] = head.try_into().expect("16 bytes");
    let raw = u16::from_le_bytes([bytes[7], bytes[8]]);
    let decimals = u32::from(bytes[9] % 12);
    let x = f32::from_le_bytes([bytes[10], bytes[11], bytes[12], bytes[13]]);
    let scaled = i64::from(i32::from_le_bytes([
        bytes[11], bytes[12], bytes[13], bytes[14],
    ]));

    for format in formats(bytes) {
        // Decoding: fixed point and float agree within half a unit of the fixed point plus
        // float rounding.
        let fixed = format.decode_scaled(raw, decimals);
        let float = format.decode_f32(raw);
        if let (Some(fx), Some(fl)) = (fixed, float) {
            let fl_scaled = f64::from(fl) * 10f64.powi(decimals as i32);
            let tolerance = 0.5 + fl_scaled.abs() * 1e-6 + 1e-9;
            assert!(
                (fx as f64 - fl_scaled).abs() <= tolerance,
                "{format:?} raw {raw:04X}: fixed {fx} vs f32 {fl}"
            );
        }
        // Encoding a float, then the decoded value again, gives the same number.
        if let Ok(r1) = format.encode_f32(x) {
            if let Some(v1) = format.decode_f32(r1) {
                let r2 = format.encode_f32(v1).expect("a decoded value re-encodes");
                assert_eq!(format.decode_f32(r2), Some(v1), "{format:?} x={x}");
            }
        }
        // Fixed point: r2, the raw value nearest to v1, is at least as close to v1 as r1 was
        // (within half a unit), so it decodes to v1, or to a neighbour when its exact value is
        // a tie (e.g. DIRECT m=10 b=-105 R=-1 at 0 decimals: -0.5 rounds to -1, whose nearest
        // raw values -11 and -12 are both half a step away).
        if let Ok(r1) = format.encode_scaled(scaled, decimals) {
            if let Some(v1) = format.decode_scaled(r1, decimals) {
                if let Ok(r2) = format.encode_scaled(v1, decimals) {
                    let v2 = format
                        .decode_scaled(r2, decimals)
                        .expect("a raw value decodes");
                    assert!(
                        v2.abs_diff(v1) <= 1,
                        "{format:?}: {v1} -> {r2:04X}h -> {v2}"
                    );
                }
            }
        }
    }

    // VOUT_MODE: every byte has a kind; the format it gives decodes without panicking.
    let mode = VoutMode::from_raw(bytes[15]);
    assert_eq!(mode.raw(), bytes[15]);
    if let Some(f) = mode.format(Some(Coefficients { m: 1, b: 0, r: 3 }), Some(VidMode::Vr12)) {
        let _ = f.decode_scaled(raw, decimals);
    }

    // Block parsers: exact lengths only, and lossless.
    let rest = &data[16..];
    if let Ok(e) = EnergyReading::parse(rest) {
        assert_eq!(rest.len(), 6);
        assert_eq!(e.to_bytes().ok().as_ref().map(|b| &b[..]), Some(rest));
        let counter = EnergyCounter::new(u16::from_le_bytes([bytes[0], bytes[1]]));
        let _ = counter.total(&e);
        let _ = counter.delta(&e, &e);
    }
    if let Ok(c) = Coefficients::parse(rest) {
        assert_eq!(&c.to_bytes()[..], rest);
    }
});
