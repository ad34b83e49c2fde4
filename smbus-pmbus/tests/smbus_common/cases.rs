// SMBus protocol tests shared by `smbus_blocking.rs` and `smbus_async.rs`.
//
// Included with `include!` after the including file has defined `Host` (the host type under
// test) and `run!` (evaluates a call: as is for the blocking host, `block_on` for the async one).
// Every test builds an embedded-hal-mock `Mock` with the exact transfers expected on the wire and
// calls `done()` on it, so a transfer too many or too few fails the test.

use embedded_hal::i2c::{ErrorKind, NoAcknowledgeSource};
use embedded_hal_mock::eh1::i2c::{Mock, Transaction as T};
use smbus_pmbus::smbus::{BlockLimit, Cmd, Config, Error};
use support::crc8;

/// The device address most tests use: 5Ah (address byte B4h for a write, B5h for a read).
const A: u8 = 0x5A;

const NACK: ErrorKind = ErrorKind::NoAcknowledge(NoAcknowledgeSource::Address);
const NACK_DATA: ErrorKind = ErrorKind::NoAcknowledge(NoAcknowledgeSource::Data);

/// The PEC of a write: `addr<<1, bytes…`.
fn pec_w(addr: u8, bytes: &[u8]) -> u8 {
    let mut all = vec![addr << 1];
    all.extend_from_slice(bytes);
    crc8(&all)
}

/// The PEC of a read: `addr<<1, written…` (if any), `addr<<1|1, read…`.
fn pec_r(addr: u8, written: &[u8], read: &[u8]) -> u8 {
    let mut all = Vec::new();
    if !written.is_empty() {
        all.push(addr << 1);
        all.extend_from_slice(written);
    }
    all.push((addr << 1) | 1);
    all.extend_from_slice(read);
    crc8(&all)
}

/// The bytes of a write transfer after the address byte, with the PEC when `pec`.
fn wr(addr: u8, bytes: &[u8], pec: bool) -> Vec<u8> {
    let mut v = bytes.to_vec();
    if pec {
        v.push(pec_w(addr, bytes));
    }
    v
}

/// The bytes a device answers in a read, with the PEC when `pec`.
fn rd(addr: u8, written: &[u8], data: &[u8], pec: bool) -> Vec<u8> {
    let mut v = data.to_vec();
    if pec {
        v.push(pec_r(addr, written, data));
    }
    v
}

fn config(pec: bool) -> Config {
    Config::new().with_pec(pec)
}

/// A mock expecting `expectations` and a host on it.
fn host(expectations: &[T], config: Config) -> (Mock, Host<Mock>) {
    let mock = Mock::new(expectations);
    let host = Host::with_config(mock.clone(), config);
    (mock, host)
}

// ---------------------------------------------------------------------------------------------
// Construction and configuration

#[test]
fn config_accessors() {
    let (mut mock, mut h) = host(&[], Config::default());
    assert_eq!(h.config(), Config::new());
    assert!(!h.config().pec);
    assert_eq!(h.config().block_limit, BlockLimit::Smbus3);
    let c = Config::new()
        .with_pec(true)
        .with_block_limit(BlockLimit::Smbus2);
    h.set_config(c);
    assert_eq!(h.config(), c);
    let _bus: &mut Mock = h.bus();
    let _bus: Mock = h.release();
    mock.done();

    let mut mock = Mock::new(&[]);
    let h = Host::new(mock.clone());
    assert_eq!(h.config(), Config::default());
    drop(h);
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// Quick Command, Send Byte, Receive Byte

#[test]
fn quick_command() {
    for pec in [false, true] {
        // No data, so no PEC either way.
        let (mut mock, mut h) = host(&[T::write(A, vec![]), T::read(A, vec![])], config(pec));
        run!(h.quick_command(A, false)).unwrap();
        run!(h.quick_command(A, true)).unwrap();
        mock.done();
    }
}

#[test]
fn quick_command_nack() {
    let (mut mock, mut h) = host(&[T::write(0x20, vec![]).with_error(NACK)], config(false));
    let e = run!(h.quick_command(0x20, false)).unwrap_err();
    assert!(e.is_nack());
    assert_eq!(e, Error::I2c(NACK));
    mock.done();
}

#[test]
fn send_byte() {
    // CLEAR_FAULTS (03h) as a Send Byte.
    let (mut mock, mut h) = host(&[T::write(A, vec![0x03])], config(false));
    run!(h.send_byte(A, 0x03)).unwrap();
    mock.done();

    let (mut mock, mut h) = host(
        &[T::write(A, vec![0x03, crc8(&[0xB4, 0x03])])],
        config(true),
    );
    run!(h.send_byte(A, 0x03)).unwrap();
    mock.done();
}

#[test]
fn receive_byte() {
    for pec in [false, true] {
        let (mut mock, mut h) = host(&[T::read(A, rd(A, &[], &[0x42], pec))], config(pec));
        assert_eq!(run!(h.receive_byte(A)).unwrap(), 0x42);
        mock.done();
    }
    // The PEC of a Receive Byte covers only the read address byte and the data.
    let (mut mock, mut h) = host(&[T::read(A, vec![0x42, crc8(&[0xB5, 0x42])])], config(true));
    assert_eq!(run!(h.receive_byte(A)).unwrap(), 0x42);
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// Byte, word, 32 and 64 bits

#[test]
fn write_byte_reference_vector() {
    // REFERENCE.md: [26 00 FF] -> CDh is Write Byte FFh to PAGE (00h) at 13h.
    let (mut mock, mut h) = host(&[T::write(0x13, vec![0x00, 0xFF, 0xCD])], config(true));
    run!(h.write_byte(0x13, 0x00, 0xFF)).unwrap();
    mock.done();

    let (mut mock, mut h) = host(&[T::write(0x13, vec![0x00, 0xFF])], config(false));
    run!(h.write_byte(0x13, 0x00, 0xFF)).unwrap();
    mock.done();
}

#[test]
fn read_byte() {
    for pec in [false, true] {
        // VOUT_MODE (20h) answered 17h.
        let (mut mock, mut h) = host(
            &[T::write_read(A, vec![0x20], rd(A, &[0x20], &[0x17], pec))],
            config(pec),
        );
        assert_eq!(run!(h.read_byte(A, 0x20)).unwrap(), 0x17);
        mock.done();
    }
}

#[test]
fn write_word_reference_vector() {
    // REFERENCE.md: [B4 06 AB CD] -> 5Fh is Write Word CDABh to command 06h at 5Ah.
    let (mut mock, mut h) = host(&[T::write(A, vec![0x06, 0xAB, 0xCD, 0x5F])], config(true));
    run!(h.write_word(A, 0x06, 0xCDAB)).unwrap();
    mock.done();

    let (mut mock, mut h) = host(&[T::write(A, vec![0x06, 0xAB, 0xCD])], config(false));
    run!(h.write_word(A, 0x06, 0xCDAB)).unwrap();
    mock.done();
}

#[test]
fn read_word_reference_vectors() {
    // REFERENCE.md: [16 0E 17 8C 86] -> D8h is Read Word at 0Bh, command 0Eh, answer 868Ch.
    let (mut mock, mut h) = host(
        &[T::write_read(0x0B, vec![0x0E], vec![0x8C, 0x86, 0xD8])],
        config(true),
    );
    assert_eq!(run!(h.read_word(0x0B, 0x0E)).unwrap(), 0x868C);
    mock.done();

    // REFERENCE.md: [B4 06 B5 26 3A] -> 66h is Read Word at 5Ah, command 06h, answer 3A26h.
    let (mut mock, mut h) = host(
        &[T::write_read(A, vec![0x06], vec![0x26, 0x3A, 0x66])],
        config(true),
    );
    assert_eq!(run!(h.read_word(A, 0x06)).unwrap(), 0x3A26);
    mock.done();

    let (mut mock, mut h) = host(
        &[T::write_read(A, vec![0x06], vec![0x26, 0x3A])],
        config(false),
    );
    assert_eq!(run!(h.read_word(A, 0x06)).unwrap(), 0x3A26);
    mock.done();
}

#[test]
fn write_and_read_u32() {
    let v: u32 = 0x1234_5678;
    for pec in [false, true] {
        let (mut mock, mut h) = host(
            &[
                T::write(A, wr(A, &[0xD0, 0x78, 0x56, 0x34, 0x12], pec)),
                T::write_read(
                    A,
                    vec![0xD0],
                    rd(A, &[0xD0], &[0x78, 0x56, 0x34, 0x12], pec),
                ),
            ],
            config(pec),
        );
        run!(h.write_u32(A, 0xD0, v)).unwrap();
        assert_eq!(run!(h.read_u32(A, 0xD0)).unwrap(), v);
        mock.done();
    }
}

#[test]
fn write_and_read_u64() {
    let v: u64 = 0x0102_0304_0506_0708;
    let le = v.to_le_bytes();
    for pec in [false, true] {
        let mut written = vec![0xD1];
        written.extend_from_slice(&le);
        let (mut mock, mut h) = host(
            &[
                T::write(A, wr(A, &written, pec)),
                T::write_read(A, vec![0xD1], rd(A, &[0xD1], &le, pec)),
            ],
            config(pec),
        );
        run!(h.write_u64(A, 0xD1, v)).unwrap();
        assert_eq!(run!(h.read_u64(A, 0xD1)).unwrap(), v);
        mock.done();
    }
}

// ---------------------------------------------------------------------------------------------
// Fixed-length transfers

#[test]
fn write_and_read_bytes() {
    for pec in [false, true] {
        let (mut mock, mut h) = host(
            &[
                T::write(A, wr(A, &[0xE0, 1, 2, 3], pec)),
                T::write_read(A, vec![0xE0], rd(A, &[0xE0], &[9, 8, 7], pec)),
                // Zero bytes: the extended command alone (Send Byte of an extended command).
                T::write(A, wr(A, &[0xFE, 0x05], pec)),
            ],
            config(pec),
        );
        run!(h.write_bytes(A, 0xE0, &[1, 2, 3])).unwrap();
        let mut buf = [0u8; 3];
        run!(h.read_bytes(A, 0xE0, &mut buf)).unwrap();
        assert_eq!(buf, [9, 8, 7]);
        run!(h.write_bytes(A, Cmd::extended(0xFE, 0x05), &[])).unwrap();
        mock.done();
    }
}

#[test]
fn fixed_length_limit() {
    let (mut mock, mut h) = host(&[], config(true));
    let big = [0u8; 256];
    assert_eq!(
        run!(h.write_bytes(A, 0xE0, &big)).unwrap_err(),
        Error::DataTooLong {
            len: 256,
            limit: 255
        }
    );
    let mut buf = [0u8; 256];
    assert_eq!(
        run!(h.read_bytes(A, 0xE0, &mut buf)).unwrap_err(),
        Error::DataTooLong {
            len: 256,
            limit: 255
        }
    );
    mock.done();

    // 255 bytes is allowed, with PEC.
    let data: Vec<u8> = (0..=254u8).collect();
    let mut frame = vec![0xE0];
    frame.extend_from_slice(&data);
    let (mut mock, mut h) = host(
        &[
            T::write(A, wr(A, &frame, true)),
            T::write_read(A, vec![0xE0], rd(A, &[0xE0], &data, true)),
        ],
        config(true),
    );
    run!(h.write_bytes(A, 0xE0, &data)).unwrap();
    let mut buf = [0u8; 255];
    run!(h.read_bytes(A, 0xE0, &mut buf)).unwrap();
    assert_eq!(&buf[..], &data[..]);
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// Extended command codes

#[test]
fn extended_commands_on_the_wire() {
    let mfr = Cmd::extended(Cmd::MFR_SPECIFIC_COMMAND_EXT, 0x12);
    let std_ext = Cmd::extended(Cmd::PMBUS_COMMAND_EXT, 0x0A);
    for pec in [false, true] {
        let (mut mock, mut h) = host(
            &[
                T::write(A, wr(A, &[0xFE, 0x12, 0x34, 0x12], pec)),
                T::write_read(
                    A,
                    vec![0xFF, 0x0A],
                    rd(A, &[0xFF, 0x0A], &[0xCD, 0xAB], pec),
                ),
                T::write(A, wr(A, &[0xFE, 0x12, 0x77], pec)),
                T::write_read(A, vec![0xFE, 0x12], rd(A, &[0xFE, 0x12], &[0x66], pec)),
                T::write(A, wr(A, &[0xFF, 0x0A, 2, 0xA1, 0xA2], pec)),
                T::write_read(
                    A,
                    vec![0xFF, 0x0A],
                    rd(A, &[0xFF, 0x0A], &[2, 0xB1, 0xB2], pec),
                ),
                T::write_read(
                    A,
                    vec![0xFE, 0x12, 0x01, 0x00],
                    rd(A, &[0xFE, 0x12, 0x01, 0x00], &[0x02, 0x00], pec),
                ),
            ],
            config(pec),
        );
        run!(h.write_word(A, mfr, 0x1234)).unwrap();
        assert_eq!(run!(h.read_word(A, std_ext)).unwrap(), 0xABCD);
        run!(h.write_byte(A, mfr, 0x77)).unwrap();
        assert_eq!(run!(h.read_byte(A, mfr)).unwrap(), 0x66);
        run!(h.block_write(A, std_ext, &[0xA1, 0xA2])).unwrap();
        let mut buf = [0u8; 2];
        run!(h.block_read_exact(A, std_ext, &mut buf)).unwrap();
        assert_eq!(buf, [0xB1, 0xB2]);
        assert_eq!(run!(h.process_call(A, mfr, 0x0001)).unwrap(), 0x0002);
        mock.done();
    }
}

// ---------------------------------------------------------------------------------------------
// Block Write

#[test]
fn block_write() {
    for pec in [false, true] {
        let (mut mock, mut h) = host(
            &[
                T::write(A, wr(A, &[0xB0, 3, b'a', b'b', b'c'], pec)),
                // Count 0 is legal under SMBus 3.x.
                T::write(A, wr(A, &[0xB0, 0], pec)),
            ],
            config(pec),
        );
        run!(h.block_write(A, 0xB0, b"abc")).unwrap();
        run!(h.block_write(A, 0xB0, &[])).unwrap();
        mock.done();
    }
}

#[test]
fn block_write_limits() {
    // SMBus 2.0: 32 bytes pass, 33 are refused without touching the bus.
    let data: Vec<u8> = (0..33).collect();
    let mut frame = vec![0xB0, 32];
    frame.extend_from_slice(&data[..32]);
    let smbus2 = Config::new()
        .with_pec(true)
        .with_block_limit(BlockLimit::Smbus2);
    let (mut mock, mut h) = host(&[T::write(A, wr(A, &frame, true))], smbus2);
    run!(h.block_write(A, 0xB0, &data[..32])).unwrap();
    assert_eq!(
        run!(h.block_write(A, 0xB0, &data)).unwrap_err(),
        Error::DataTooLong { len: 33, limit: 32 }
    );
    mock.done();

    // SMBus 3.x: 255 bytes pass, 256 are refused without touching the bus.
    let data: Vec<u8> = (0..=255u8).collect();
    let mut frame = vec![0xB0, 255];
    frame.extend_from_slice(&data[..255]);
    let (mut mock, mut h) = host(&[T::write(A, wr(A, &frame, true))], config(true));
    run!(h.block_write(A, 0xB0, &data[..255])).unwrap();
    assert_eq!(
        run!(h.block_write(A, 0xB0, &data)).unwrap_err(),
        Error::DataTooLong {
            len: 256,
            limit: 255
        }
    );
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// Block Read

/// The bytes a device sends for a block read of `data`, cut or padded (with FFh, an idle bus)
/// to the `len` bytes the host reads.
fn block_answer(addr: u8, written: &[u8], data: &[u8], pec: bool, len: usize) -> Vec<u8> {
    let mut v = vec![data.len() as u8];
    v.extend_from_slice(data);
    if pec {
        v.push(pec_r(addr, written, &v));
    }
    v.resize(len, 0xFF);
    v
}

#[test]
fn block_read_mfr_id() {
    for pec in [false, true] {
        // MFR_ID (99h) "ACME" into a 16-byte buffer: reads 1 + 16 (+ 1) bytes.
        let answer = block_answer(A, &[0x99], b"ACME", pec, 1 + 16 + usize::from(pec));
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(pec));
        let mut buf = [0u8; 16];
        let n = run!(h.block_read(A, 0x99, &mut buf)).unwrap();
        assert_eq!(&buf[..n], b"ACME");
        assert_eq!(&buf[n..], &[0u8; 12]);
        mock.done();
    }
}

#[test]
fn block_read_count_zero() {
    for pec in [false, true] {
        let answer = block_answer(A, &[0x99], &[], pec, 1 + 8 + usize::from(pec));
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(pec));
        let mut buf = [0xEEu8; 8];
        assert_eq!(run!(h.block_read(A, 0x99, &mut buf)).unwrap(), 0);
        assert_eq!(buf, [0xEE; 8]);
        mock.done();
    }
    // An empty buffer reads just the count (and PEC).
    let answer = block_answer(A, &[0x99], &[], true, 2);
    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(true));
    assert_eq!(run!(h.block_read(A, 0x99, &mut [])).unwrap(), 0);
    mock.done();
}

#[test]
fn block_read_fills_buffer_exactly() {
    for pec in [false, true] {
        let answer = block_answer(A, &[0x9E], b"SN1234", pec, 1 + 6 + usize::from(pec));
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x9E], answer)], config(pec));
        let mut buf = [0u8; 6];
        assert_eq!(run!(h.block_read(A, 0x9E, &mut buf)).unwrap(), 6);
        assert_eq!(&buf, b"SN1234");
        mock.done();
    }
}

#[test]
fn block_read_count_above_smbus2_limit() {
    // Count 33 under the SMBus 2.0 limit: the host read 1 + 32 (+1) bytes and refuses.
    for pec in [false, true] {
        let data: Vec<u8> = (0..33).collect();
        let answer = block_answer(A, &[0x99], &data, pec, 1 + 32 + usize::from(pec));
        let c = config(pec).with_block_limit(BlockLimit::Smbus2);
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], c);
        let mut buf = [0xEEu8; 64];
        assert_eq!(
            run!(h.block_read(A, 0x99, &mut buf)).unwrap_err(),
            Error::BlockCountTooLarge {
                count: 33,
                limit: 32
            }
        );
        assert_eq!(buf, [0xEE; 64], "buffer untouched on error");
        mock.done();
    }
}

#[test]
fn block_read_count_255_under_smbus3() {
    // The largest SMBus 3.x block: count 255, the limit itself.
    for pec in [false, true] {
        let data: Vec<u8> = (0..255u8).map(|i| i ^ 0x3C).collect();
        let answer = block_answer(A, &[0x99], &data, pec, 1 + 255 + usize::from(pec));
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(pec));
        let mut buf = [0u8; 300];
        assert_eq!(run!(h.block_read(A, 0x99, &mut buf)).unwrap(), 255);
        assert_eq!(&buf[..255], &data[..]);
        mock.done();
    }
}

#[test]
fn block_read_count_above_buffer() {
    for pec in [false, true] {
        let answer = block_answer(A, &[0x9A], b"MODEL", pec, 1 + 4 + usize::from(pec));
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x9A], answer)], config(pec));
        let mut buf = [0xEEu8; 4];
        assert_eq!(
            run!(h.block_read(A, 0x9A, &mut buf)).unwrap_err(),
            Error::BufferTooSmall {
                needed: 5,
                capacity: 4
            }
        );
        assert_eq!(buf, [0xEE; 4]);
        mock.done();
    }
}

#[test]
fn block_read_short_block_ignores_trailing_bytes() {
    // A short block (count 2 in a 10-byte buffer): the PEC sits right after the data and the
    // bytes after it, whatever they are, are ignored.
    let mut answer = vec![2, 0x11, 0x22, pec_r(A, &[0x99], &[2, 0x11, 0x22])];
    answer.extend_from_slice(&[0x00, 0x13, 0x37, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(answer.len(), 1 + 10 + 1);
    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(true));
    let mut buf = [0u8; 10];
    assert_eq!(run!(h.block_read(A, 0x99, &mut buf)).unwrap(), 2);
    assert_eq!(&buf[..2], &[0x11, 0x22]);
    mock.done();
}

#[test]
fn block_read_nack_mid_block() {
    // A device that stops answering shows up as the I2C driver's error.
    let answer = vec![0u8; 1 + 8 + 1];
    let (mut mock, mut h) = host(
        &[T::write_read(A, vec![0x99], answer).with_error(NACK_DATA)],
        config(true),
    );
    let mut buf = [0u8; 8];
    let e = run!(h.block_read(A, 0x99, &mut buf)).unwrap_err();
    assert!(e.is_nack());
    assert_eq!(e.i2c_error(), Some(&NACK_DATA));
    mock.done();
}

/// Exhaustive walk: every count byte 0..=255 against buffer sizes around both limits, with and
/// without PEC, under both limits; the outcome must match the documented rule.
#[test]
fn block_read_every_count() {
    let sizes = [0usize, 1, 5, 31, 32, 33, 254, 255, 256];
    let mut walked = 0u32;
    for limit in [BlockLimit::Smbus2, BlockLimit::Smbus3] {
        let max = usize::from(limit.max());
        for pec in [false, true] {
            for &size in &sizes {
                for count in 0..=255u8 {
                    let n = usize::from(count);
                    let data: Vec<u8> = (0..count).map(|i| i.wrapping_mul(7)).collect();
                    let read_len = 1 + size.min(max) + usize::from(pec);
                    let answer = block_answer(A, &[0x99], &data, pec, read_len);
                    let c = config(pec).with_block_limit(limit);
                    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], c);
                    let mut buf = vec![0xEEu8; size];
                    let got = run!(h.block_read(A, 0x99, &mut buf));
                    if n > max {
                        assert_eq!(
                            got,
                            Err(Error::BlockCountTooLarge {
                                count,
                                limit: limit.max()
                            })
                        );
                    } else if n > size {
                        assert_eq!(
                            got,
                            Err(Error::BufferTooSmall {
                                needed: n,
                                capacity: size
                            })
                        );
                    } else {
                        assert_eq!(got, Ok(n));
                        assert_eq!(&buf[..n], &data[..]);
                        assert!(buf[n..].iter().all(|&b| b == 0xEE));
                    }
                    mock.done();
                    walked += 1;
                }
            }
        }
    }
    assert_eq!(walked, 2 * 2 * 9 * 256);
}

// ---------------------------------------------------------------------------------------------
// Block Read of a known length

#[test]
fn block_read_exact() {
    for pec in [false, true] {
        let answer = block_answer(
            A,
            &[0x86],
            &[1, 2, 3, 4, 5, 6],
            pec,
            1 + 6 + usize::from(pec),
        );
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x86], answer)], config(pec));
        let mut buf = [0u8; 6];
        run!(h.block_read_exact(A, 0x86, &mut buf)).unwrap();
        assert_eq!(buf, [1, 2, 3, 4, 5, 6]);
        mock.done();
    }
}

#[test]
fn block_read_exact_count_mismatch() {
    for pec in [false, true] {
        // Fewer: count 5 for 6 expected.
        let short = block_answer(A, &[0x86], &[1, 2, 3, 4, 5], pec, 1 + 6 + usize::from(pec));
        // More: count 7 for 6 expected (the host read only 6 data bytes).
        let long = block_answer(
            A,
            &[0x86],
            &[1, 2, 3, 4, 5, 6, 7],
            pec,
            1 + 6 + usize::from(pec),
        );
        let (mut mock, mut h) = host(
            &[
                T::write_read(A, vec![0x86], short),
                T::write_read(A, vec![0x86], long),
            ],
            config(pec),
        );
        let mut buf = [0xEEu8; 6];
        assert_eq!(
            run!(h.block_read_exact(A, 0x86, &mut buf)).unwrap_err(),
            Error::BlockCountMismatch {
                expected: 6,
                received: 5
            }
        );
        assert_eq!(
            run!(h.block_read_exact(A, 0x86, &mut buf)).unwrap_err(),
            Error::BlockCountMismatch {
                expected: 6,
                received: 7
            }
        );
        assert_eq!(buf, [0xEE; 6]);
        mock.done();
    }
}

#[test]
fn block_read_exact_limits() {
    let smbus2 = Config::new().with_block_limit(BlockLimit::Smbus2);
    // A buffer longer than the limit can never match: refused before the bus.
    let (mut mock, mut h) = host(&[], smbus2);
    let mut buf = [0u8; 33];
    assert_eq!(
        run!(h.block_read_exact(A, 0x99, &mut buf)).unwrap_err(),
        Error::DataTooLong { len: 33, limit: 32 }
    );
    mock.done();
    // A count above the limit is reported as such, not as a mismatch.
    let answer = block_answer(A, &[0x99], &[0u8; 40], false, 1 + 4);
    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], smbus2);
    let mut buf = [0u8; 4];
    assert_eq!(
        run!(h.block_read_exact(A, 0x99, &mut buf)).unwrap_err(),
        Error::BlockCountTooLarge {
            count: 40,
            limit: 32
        }
    );
    mock.done();
    // Count 0 into an empty buffer.
    let answer = block_answer(A, &[0x99], &[], true, 2);
    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(true));
    run!(h.block_read_exact(A, 0x99, &mut [])).unwrap();
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// Process calls

#[test]
fn process_call() {
    for pec in [false, true] {
        let written = [0xC0, 0x34, 0x12];
        let (mut mock, mut h) = host(
            &[T::write_read(
                A,
                written.to_vec(),
                rd(A, &written, &[0x78, 0x56], pec),
            )],
            config(pec),
        );
        assert_eq!(run!(h.process_call(A, 0xC0, 0x1234)).unwrap(), 0x5678);
        mock.done();
    }
}

#[test]
fn block_process_call() {
    for pec in [false, true] {
        let written = [0xC1, 3, 0xA, 0xB, 0xC];
        // Read buffer of 8: the host reads 1 + 8 (+1) bytes.
        let answer = block_answer(A, &written, &[0xD, 0xE], pec, 1 + 8 + usize::from(pec));
        let (mut mock, mut h) = host(&[T::write_read(A, written.to_vec(), answer)], config(pec));
        let mut buf = [0u8; 8];
        let n = run!(h.block_process_call(A, 0xC1, &[0xA, 0xB, 0xC], &mut buf)).unwrap();
        assert_eq!(&buf[..n], &[0xD, 0xE]);
        mock.done();
    }
}

#[test]
fn block_process_call_shares_the_limit() {
    // SMBus 2.0: M + N <= 32. With 30 bytes written, at most 2 can come back; the host reads
    // 1 + 2 (+1) bytes even with a larger buffer.
    let smbus2 = Config::new()
        .with_pec(true)
        .with_block_limit(BlockLimit::Smbus2);
    let w: Vec<u8> = (0..30).collect();
    let mut written = vec![0xC1, 30];
    written.extend_from_slice(&w);
    let ok = block_answer(A, &written, &[7, 8], true, 1 + 2 + 1);
    let too_many = block_answer(A, &written, &[7, 8, 9], true, 1 + 2 + 1);
    let (mut mock, mut h) = host(
        &[
            T::write_read(A, written.clone(), ok),
            T::write_read(A, written.clone(), too_many),
        ],
        smbus2,
    );
    let mut buf = [0u8; 10];
    assert_eq!(
        run!(h.block_process_call(A, 0xC1, &w, &mut buf)).unwrap(),
        2
    );
    assert_eq!(&buf[..2], &[7, 8]);
    assert_eq!(
        run!(h.block_process_call(A, 0xC1, &w, &mut buf)).unwrap_err(),
        Error::BlockCountTooLarge { count: 3, limit: 2 }
    );
    // Writing more than the limit is refused before the bus.
    let w33 = [0u8; 33];
    assert_eq!(
        run!(h.block_process_call(A, 0xC1, &w33, &mut buf)).unwrap_err(),
        Error::DataTooLong { len: 33, limit: 32 }
    );
    mock.done();

    // SMBus 3.x: 255 written leaves room for a count of 0 only.
    let w255 = [0x55u8; 255];
    let mut written = vec![0xC1, 255];
    written.extend_from_slice(&w255);
    // Count byte and PEC only.
    let answer = block_answer(A, &written, &[], true, 2);
    let (mut mock, mut h) = host(&[T::write_read(A, written, answer)], config(true));
    assert_eq!(
        run!(h.block_process_call(A, 0xC1, &w255, &mut buf)).unwrap(),
        0
    );
    assert_eq!(
        run!(h.block_process_call(A, 0xC1, &[0u8; 256], &mut buf)).unwrap_err(),
        Error::DataTooLong {
            len: 256,
            limit: 255
        }
    );
    mock.done();
}

#[test]
fn block_process_call_count_above_buffer() {
    let written = [0xC1, 1, 0x01];
    let answer = block_answer(A, &written, &[1, 2, 3, 4], false, 1 + 2);
    let (mut mock, mut h) = host(&[T::write_read(A, written.to_vec(), answer)], config(false));
    let mut buf = [0u8; 2];
    assert_eq!(
        run!(h.block_process_call(A, 0xC1, &[0x01], &mut buf)).unwrap_err(),
        Error::BufferTooSmall {
            needed: 4,
            capacity: 2
        }
    );
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// Wrong PEC on every read kind

/// `answer` with its PEC byte (at `at`) replaced by a wrong one; returns it with the right and
/// the wrong PEC.
fn corrupt(mut answer: Vec<u8>, at: usize) -> (Vec<u8>, u8, u8) {
    let right = answer[at];
    let wrong = right ^ 0x01;
    answer[at] = wrong;
    (answer, right, wrong)
}

#[test]
fn wrong_pec_receive_byte() {
    let (answer, right, wrong) = corrupt(rd(A, &[], &[0x42], true), 1);
    let (mut mock, mut h) = host(&[T::read(A, answer)], config(true));
    assert_eq!(
        run!(h.receive_byte(A)).unwrap_err(),
        Error::Pec {
            expected: right,
            received: wrong
        }
    );
    mock.done();
}

#[test]
fn wrong_pec_fixed_reads() {
    let cases: [&[u8]; 5] = [
        &[0x11],
        &[0x11, 0x22],
        &[1, 2, 3, 4],
        &[1, 2, 3, 4, 5, 6, 7, 8],
        &[9; 3],
    ];
    for data in cases {
        let (answer, right, wrong) = corrupt(rd(A, &[0x8B], data, true), data.len());
        let (mut mock, mut h) = host(&[T::write_read(A, vec![0x8B], answer)], config(true));
        let want = Error::Pec {
            expected: right,
            received: wrong,
        };
        match data.len() {
            1 => assert_eq!(run!(h.read_byte(A, 0x8B)).unwrap_err(), want),
            2 => assert_eq!(run!(h.read_word(A, 0x8B)).unwrap_err(), want),
            4 => assert_eq!(run!(h.read_u32(A, 0x8B)).unwrap_err(), want),
            8 => assert_eq!(run!(h.read_u64(A, 0x8B)).unwrap_err(), want),
            _ => {
                let mut buf = [0xEEu8; 3];
                assert_eq!(run!(h.read_bytes(A, 0x8B, &mut buf)).unwrap_err(), want);
                assert_eq!(buf, [0xEE; 3], "buffer untouched on error");
            }
        }
        mock.done();
    }
}

#[test]
fn wrong_pec_process_call() {
    let written = [0xC0, 0x34, 0x12];
    let (answer, right, wrong) = corrupt(rd(A, &written, &[0x78, 0x56], true), 2);
    let (mut mock, mut h) = host(&[T::write_read(A, written.to_vec(), answer)], config(true));
    assert_eq!(
        run!(h.process_call(A, 0xC0, 0x1234)).unwrap_err(),
        Error::Pec {
            expected: right,
            received: wrong
        }
    );
    mock.done();
}

#[test]
fn wrong_pec_block_reads() {
    // Block Read, Block Read exact and Block Process Call.
    let (answer, right, wrong) = corrupt(block_answer(A, &[0x99], b"ACME", true, 1 + 8 + 1), 5);
    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(true));
    let mut buf = [0xEEu8; 8];
    assert_eq!(
        run!(h.block_read(A, 0x99, &mut buf)).unwrap_err(),
        Error::Pec {
            expected: right,
            received: wrong
        }
    );
    assert_eq!(buf, [0xEE; 8], "buffer untouched on error");
    mock.done();

    let (answer, right, wrong) = corrupt(block_answer(A, &[0x99], b"ACME", true, 1 + 4 + 1), 5);
    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(true));
    let mut buf = [0u8; 4];
    assert_eq!(
        run!(h.block_read_exact(A, 0x99, &mut buf)).unwrap_err(),
        Error::Pec {
            expected: right,
            received: wrong
        }
    );
    mock.done();

    let written = [0xC1, 1, 0x01];
    let (answer, right, wrong) = corrupt(block_answer(A, &written, &[5, 6], true, 1 + 4 + 1), 3);
    let (mut mock, mut h) = host(&[T::write_read(A, written.to_vec(), answer)], config(true));
    let mut buf = [0u8; 4];
    assert_eq!(
        run!(h.block_process_call(A, 0xC1, &[0x01], &mut buf)).unwrap_err(),
        Error::Pec {
            expected: right,
            received: wrong
        }
    );
    mock.done();

    // Count 0: the PEC covers the count byte.
    let (answer, right, wrong) = corrupt(block_answer(A, &[0x99], &[], true, 1 + 4 + 1), 1);
    let (mut mock, mut h) = host(&[T::write_read(A, vec![0x99], answer)], config(true));
    let mut buf = [0u8; 4];
    assert_eq!(
        run!(h.block_read(A, 0x99, &mut buf)).unwrap_err(),
        Error::Pec {
            expected: right,
            received: wrong
        }
    );
    mock.done();
}

#[test]
fn wrong_pec_alert_response() {
    let (answer, right, wrong) = corrupt(vec![0xB4, crc8(&[0x19, 0xB4])], 1);
    let (mut mock, mut h) = host(&[T::read(0x0C, answer)], config(true));
    assert_eq!(
        run!(h.alert_response()).unwrap_err(),
        Error::Pec {
            expected: right,
            received: wrong
        }
    );
    mock.done();
}

/// The PEC is checked, not ignored, when the config says PEC is off: then no PEC byte is read at
/// all, so a read of N bytes takes exactly N.
#[test]
fn pec_off_reads_no_extra_byte() {
    let (mut mock, mut h) = host(
        &[T::write_read(A, vec![0x8B], vec![0x07, 0x60])],
        config(false),
    );
    assert_eq!(run!(h.read_word(A, 0x8B)).unwrap(), 0x6007);
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// NACK and other bus errors

#[test]
fn nack_on_every_kind() {
    let (mut mock, mut h) = host(
        &[
            T::write(A, vec![0x03]).with_error(NACK),
            T::read(A, vec![0]).with_error(NACK),
            T::write(A, vec![0x01, 0x80]).with_error(NACK_DATA),
            T::write_read(A, vec![0x20], vec![0]).with_error(NACK),
            T::write(A, vec![0x21, 0, 0]).with_error(NACK),
            T::write_read(A, vec![0x8B], vec![0, 0]).with_error(NACK),
            T::write(A, vec![0xD0, 0, 0, 0, 0]).with_error(NACK),
            T::write_read(A, vec![0xD0], vec![0; 4]).with_error(NACK),
            T::write(A, vec![0xD1, 0, 0, 0, 0, 0, 0, 0, 0]).with_error(NACK),
            T::write_read(A, vec![0xD1], vec![0; 8]).with_error(NACK),
            T::write(A, vec![0xE0, 1]).with_error(NACK),
            T::write_read(A, vec![0xE0], vec![0; 2]).with_error(NACK),
            T::write(A, vec![0xB0, 1, 9]).with_error(NACK),
            T::write_read(A, vec![0x99], vec![0; 1 + 4]).with_error(NACK),
            T::write_read(A, vec![0x99], vec![0; 1 + 4]).with_error(NACK),
            T::write_read(A, vec![0xC0, 1, 0], vec![0; 2]).with_error(NACK),
            T::write_read(A, vec![0xC1, 1, 7], vec![0; 1 + 4]).with_error(NACK),
            T::write(0x08, vec![0xB4, 0x01, 0x00]).with_error(NACK),
        ],
        config(false),
    );
    let mut buf4 = [0u8; 4];
    let mut buf2 = [0u8; 2];
    let results = [
        run!(h.send_byte(A, 0x03)).map(drop),
        run!(h.receive_byte(A)).map(drop),
        run!(h.write_byte(A, 0x01, 0x80)).map(drop),
        run!(h.read_byte(A, 0x20)).map(drop),
        run!(h.write_word(A, 0x21, 0)).map(drop),
        run!(h.read_word(A, 0x8B)).map(drop),
        run!(h.write_u32(A, 0xD0, 0)).map(drop),
        run!(h.read_u32(A, 0xD0)).map(drop),
        run!(h.write_u64(A, 0xD1, 0)).map(drop),
        run!(h.read_u64(A, 0xD1)).map(drop),
        run!(h.write_bytes(A, 0xE0, &[1])).map(drop),
        run!(h.read_bytes(A, 0xE0, &mut buf2)).map(drop),
        run!(h.block_write(A, 0xB0, &[9])).map(drop),
        run!(h.block_read(A, 0x99, &mut buf4)).map(drop),
        run!(h.block_read_exact(A, 0x99, &mut buf4)).map(drop),
        run!(h.process_call(A, 0xC0, 1)).map(drop),
        run!(h.block_process_call(A, 0xC1, &[7], &mut buf4)).map(drop),
        run!(h.host_notify(A, 1)).map(drop),
    ];
    for (i, r) in results.iter().enumerate() {
        let e = r.as_ref().unwrap_err();
        assert!(e.is_nack(), "call {i}: {e:?}");
        assert!(
            matches!(e, Error::I2c(ErrorKind::NoAcknowledge(_))),
            "call {i}"
        );
    }
    mock.done();
}

#[test]
fn other_bus_errors_are_not_nacks() {
    let (mut mock, mut h) = host(
        &[
            T::write_read(A, vec![0x8B], vec![0, 0]).with_error(ErrorKind::ArbitrationLoss),
            T::read(0x0C, vec![0]).with_error(ErrorKind::Bus),
        ],
        config(false),
    );
    let e = run!(h.read_word(A, 0x8B)).unwrap_err();
    assert!(!e.is_nack());
    assert_eq!(e, Error::I2c(ErrorKind::ArbitrationLoss));
    // Only a NACK means "nobody alerting"; other errors from the ARA read are errors.
    assert_eq!(
        run!(h.alert_response()).unwrap_err(),
        Error::I2c(ErrorKind::Bus)
    );
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// Addresses

#[test]
fn invalid_address_never_touches_the_bus() {
    let (mut mock, mut h) = host(&[], config(true));
    let mut buf = [0u8; 4];
    let bad = 0x80;
    let want = Error::InvalidAddress(bad);
    assert_eq!(run!(h.quick_command(bad, false)), Err(want));
    assert_eq!(run!(h.send_byte(bad, 1)), Err(want));
    assert_eq!(run!(h.receive_byte(bad)), Err(want));
    assert_eq!(run!(h.write_byte(bad, 1, 1)), Err(want));
    assert_eq!(run!(h.read_byte(bad, 1)), Err(want));
    assert_eq!(run!(h.write_word(bad, 1, 1)), Err(want));
    assert_eq!(run!(h.read_word(bad, 1)), Err(want));
    assert_eq!(run!(h.write_u32(bad, 1, 1)), Err(want));
    assert_eq!(run!(h.read_u32(bad, 1)), Err(want));
    assert_eq!(run!(h.write_u64(bad, 1, 1)), Err(want));
    assert_eq!(run!(h.read_u64(bad, 1)), Err(want));
    assert_eq!(run!(h.write_bytes(bad, 1, &[1])), Err(want));
    assert_eq!(run!(h.read_bytes(bad, 1, &mut buf)), Err(want));
    assert_eq!(run!(h.block_write(bad, 1, &[1])), Err(want));
    assert_eq!(run!(h.block_read(bad, 1, &mut buf)), Err(want));
    assert_eq!(run!(h.block_read_exact(bad, 1, &mut buf)), Err(want));
    assert_eq!(run!(h.process_call(bad, 1, 1)), Err(want));
    assert_eq!(
        run!(h.block_process_call(bad, 1, &[1], &mut buf)),
        Err(want)
    );
    assert_eq!(run!(h.host_notify(bad, 1)), Err(want));
    assert_eq!(
        run!(h.host_notify(0xFF, 1)),
        Err(Error::InvalidAddress(0xFF))
    );
    mock.done();
}

#[test]
fn address_7f_is_valid() {
    let (mut mock, mut h) = host(
        &[T::write(0x7F, vec![0x03, crc8(&[0xFE, 0x03])])],
        config(true),
    );
    run!(h.send_byte(0x7F, 0x03)).unwrap();
    mock.done();
}

// ---------------------------------------------------------------------------------------------
// SMBALERT# and Host Notify

#[test]
fn alert_response() {
    // One device alerting: it answers with its address in bits 7:1.
    let (mut mock, mut h) = host(&[T::read(0x0C, vec![0xB4])], config(false));
    assert_eq!(run!(h.alert_response()).unwrap(), Some(0x5A));
    mock.done();

    // Bit 0 of the answer is not part of the address.
    let (mut mock, mut h) = host(&[T::read(0x0C, vec![0xB5])], config(false));
    assert_eq!(run!(h.alert_response()).unwrap(), Some(0x5A));
    mock.done();

    // With PEC: over 19h (the ARA read address byte) and the answer.
    let (mut mock, mut h) = host(
        &[T::read(0x0C, vec![0x26, crc8(&[0x19, 0x26])])],
        config(true),
    );
    assert_eq!(run!(h.alert_response()).unwrap(), Some(0x13));
    mock.done();
}

#[test]
fn alert_response_nobody() {
    for pec in [false, true] {
        let len = 1 + usize::from(pec);
        for nack in [
            NACK,
            NACK_DATA,
            ErrorKind::NoAcknowledge(NoAcknowledgeSource::Unknown),
        ] {
            let (mut mock, mut h) =
                host(&[T::read(0x0C, vec![0; len]).with_error(nack)], config(pec));
            assert_eq!(run!(h.alert_response()).unwrap(), None);
            mock.done();
        }
    }
}

#[test]
fn host_notify_send() {
    for pec in [false, true] {
        // Host Notify has no PEC byte whatever the configuration.
        let (mut mock, mut h) = host(&[T::write(0x08, vec![0xB4, 0x34, 0x12])], config(pec));
        run!(h.host_notify(0x5A, 0x1234)).unwrap();
        mock.done();
    }
}

// ---------------------------------------------------------------------------------------------
// Random frames against the reference framing

proptest::proptest! {
    #[test]
    fn random_block_write_frames(
        data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..=255),
        cmd in proptest::prelude::any::<u8>(),
        addr in 0u8..=0x7F,
        pec in proptest::prelude::any::<bool>(),
    ) {
        let mut frame = vec![cmd, data.len() as u8];
        frame.extend_from_slice(&data);
        let (mut mock, mut h) = host(&[T::write(addr, wr(addr, &frame, pec))], config(pec));
        run!(h.block_write(addr, cmd, &data)).unwrap();
        mock.done();
    }

    #[test]
    fn random_block_reads(
        data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..=255),
        extra in 0usize..40,
        addr in 0u8..=0x7F,
        pec in proptest::prelude::any::<bool>(),
    ) {
        let size = data.len() + extra;
        let read_len = 1 + size.min(255) + usize::from(pec);
        let answer = block_answer(addr, &[0x99], &data, pec, read_len);
        let (mut mock, mut h) = host(&[T::write_read(addr, vec![0x99], answer)], config(pec));
        let mut buf = vec![0u8; size];
        let n = run!(h.block_read(addr, 0x99, &mut buf)).unwrap();
        proptest::prop_assert_eq!(&buf[..n], &data[..]);
        mock.done();
    }

    #[test]
    fn random_fixed_reads(
        data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..=255),
        cmd in proptest::prelude::any::<u8>(),
        addr in 0u8..=0x7F,
        pec in proptest::prelude::any::<bool>(),
        flip in proptest::prelude::any::<bool>(),
    ) {
        let mut answer = rd(addr, &[cmd], &data, pec);
        let right = answer.last().copied();
        if pec && flip {
            *answer.last_mut().unwrap() ^= 0x80;
        }
        let (mut mock, mut h) = host(&[T::write_read(addr, vec![cmd], answer)], config(pec));
        let mut buf = vec![0u8; data.len()];
        let got = run!(h.read_bytes(addr, cmd, &mut buf));
        if pec && flip {
            let right = right.unwrap();
            proptest::prop_assert_eq!(got, Err(Error::Pec { expected: right, received: right ^ 0x80 }));
        } else {
            proptest::prop_assert_eq!(got, Ok(()));
            proptest::prop_assert_eq!(&buf, &data);
        }
        mock.done();
    }
}
