//! The zero checksum used by the common header, the info areas and multirecord records
//! (FRU Information Storage Definition §8, §10–§12, §16.1): the bytes, checksum included,
//! sum to 0 modulo 256.

/// The sum of `bytes` modulo 256; 00h for a block whose zero checksum is correct.
pub const fn zero_sum(bytes: &[u8]) -> u8 {
    let mut sum = 0u8;
    let mut rest = bytes;
    while let [first, tail @ ..] = rest {
        sum = sum.wrapping_add(*first);
        rest = tail;
    }
    sum
}

/// The checksum byte that makes `bytes` plus it sum to 0 modulo 256.
pub const fn zero_checksum(bytes: &[u8]) -> u8 {
    0u8.wrapping_sub(zero_sum(bytes))
}
