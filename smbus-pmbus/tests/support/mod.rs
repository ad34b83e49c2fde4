//! Shared by the integration tests: a reference CRC-8/SMBUS written independently of the crate,
//! so that expected PEC bytes do not come from the code under test.

/// CRC-8/SMBUS: polynomial 07h, initial value 00h, MSB first, no reflection, no final XOR.
pub fn crc8(bytes: &[u8]) -> u8 {
    let mut crc: u8 = 0;
    for &b in bytes {
        crc ^= b;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 {
                (crc << 1) ^ 0x07
            } else {
                crc << 1
            };
        }
    }
    crc
}
