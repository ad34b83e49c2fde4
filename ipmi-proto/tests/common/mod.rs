//! Test helpers shared by the command test files: spec vectors both ways, every truncation,
//! one byte too many.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use core::fmt::Debug;

use ipmi_proto::command::{BufferTooSmall, CommandError, Message};

/// Parses `bytes` to `expected`, emits `expected` back to `bytes` (into a buffer pre-filled with
/// A5h), checks `buffer_len`, a one-byte-short buffer (error, nothing written), and one extra
/// byte (`TooLong` when `bytes` is the longest form).
pub fn vector<'a, M>(bytes: &'a [u8], expected: &M)
where
    M: Message<'a> + PartialEq + Debug,
{
    assert_eq!(M::parse(bytes).as_ref(), Ok(expected), "parse {bytes:02X?}");
    let mut buf = [0xA5u8; 300];
    let n = expected.emit(&mut buf).unwrap();
    assert_eq!(&buf[..n], bytes, "emit");
    assert!(buf[n..].iter().all(|&b| b == 0xA5));
    assert_eq!(expected.buffer_len(), n);
    if n > 0 {
        let mut small = vec![0xA5u8; n - 1];
        assert_eq!(
            expected.emit(&mut small),
            Err(BufferTooSmall {
                needed: n,
                available: n - 1
            })
        );
        assert!(
            small.iter().all(|&b| b == 0xA5),
            "wrote into a short buffer"
        );
    }
    assert!(bytes.len() >= M::MIN_LEN && bytes.len() <= M::MAX_LEN);
}

/// Every prefix of `bytes` shorter than it parses as `Truncated`, except the lengths listed in
/// `valid` (shorter forms the command allows).
pub fn truncations<'a, M>(bytes: &'a [u8], valid: &[usize]) -> usize
where
    M: Message<'a> + Debug,
{
    let mut count = 0;
    for k in 0..bytes.len() {
        let r = M::parse(&bytes[..k]);
        if valid.contains(&k) {
            assert!(r.is_ok(), "length {k}: {r:?}");
        } else {
            assert!(
                matches!(r, Err(CommandError::Truncated { actual, .. }) if actual == k),
                "length {k}: {r:?}"
            );
            count += 1;
        }
    }
    count
}

/// `bytes` plus one byte is `TooLong { max: MAX_LEN }`.
pub fn too_long<'a, M>(bytes: &[u8])
where
    M: Message<'a> + Debug,
{
    let mut v = bytes.to_vec();
    v.push(0);
    let v: &'static [u8] = Box::leak(v.into_boxed_slice());
    assert_eq!(
        M::parse(v).err(),
        Some(CommandError::TooLong {
            max: M::MAX_LEN,
            actual: v.len()
        })
    );
}
