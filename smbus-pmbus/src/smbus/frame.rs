//! The bus-independent half of the SMBus layer: frame assembly, PEC and block-count checks.
//!
//! Plain functions shared by the blocking and the async host, so the framing exists once in the
//! binary whichever (or both) is used. Their errors cannot hold an I2C error
//! (`Error<Infallible>`); the hosts widen them.

use core::convert::Infallible;

use super::{Error, MAX_ADDRESS};
use crate::pec::Pec;

/// An error of a check: never [`Error::I2c`].
pub(crate) type CheckError = Error<Infallible>;

/// The longest fixed-length (count-less) transfer this layer sends or reads: 255 data bytes,
/// the same as the largest SMBus 3.x block.
pub(crate) const MAX_FIXED_LEN: usize = 255;

/// Stack buffer for one transfer. The largest need is a Block Write-Block Read Process Call under
/// SMBus 3.x: command (2) + write count (1) + read count (1) + data written and read (255 together,
/// §6.5.8) + PEC (1) = 260. A Block Write or Block Read needs 2 + 1 + 255 + 1 = 259.
pub(crate) const SCRATCH_LEN: usize = 260;

/// The address byte of a write: address in bits 7:1, R/W = 0.
#[inline]
pub(crate) const fn address_write(addr: u8) -> u8 {
    addr << 1
}

/// The address byte of a read: address in bits 7:1, R/W = 1.
#[inline]
pub(crate) const fn address_read(addr: u8) -> u8 {
    (addr << 1) | 1
}

/// Refuses anything that is not a 7-bit address.
#[inline]
pub(crate) fn check_address(addr: u8) -> Result<(), CheckError> {
    if addr > MAX_ADDRESS {
        Err(Error::InvalidAddress(addr))
    } else {
        Ok(())
    }
}

/// The error for a buffer region that does not fit. The length checks before every use make it
/// unreachable; it exists so that no slice operation here can panic.
const fn no_room(len: usize, limit: usize) -> CheckError {
    Error::DataTooLong { len, limit }
}

/// Fills a buffer front to back.
struct Fill<'a> {
    rest: &'a mut [u8],
    capacity: usize,
}

impl<'a> Fill<'a> {
    fn new(buf: &'a mut [u8]) -> Self {
        let capacity = buf.len();
        Self {
            rest: buf,
            capacity,
        }
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), CheckError> {
        let rest = core::mem::take(&mut self.rest);
        let room = rest.len();
        let Some((dst, tail)) = rest.split_at_mut_checked(bytes.len()) else {
            let used = self.capacity.saturating_sub(room);
            return Err(no_room(used.saturating_add(bytes.len()), self.capacity));
        };
        dst.copy_from_slice(bytes);
        self.rest = tail;
        Ok(())
    }
}

/// Assembles the bytes of a write transfer after the address byte into `buf` and returns them:
/// `cmd…, [count], data…, [PEC]` (SMBus 3.x §6.5.2, §6.5.4, §6.5.7, §6.5.10, §6.5.12; the PEC,
/// §6.4, covers `addr<<1` and every byte before it).
pub(crate) fn build_write<'b>(
    buf: &'b mut [u8],
    addr: u8,
    cmd: &[u8],
    count: Option<u8>,
    data: &[u8],
    pec: bool,
) -> Result<&'b [u8], CheckError> {
    let len = cmd
        .len()
        .saturating_add(usize::from(count.is_some()))
        .saturating_add(data.len())
        .saturating_add(usize::from(pec));
    let capacity = buf.len();
    let Some((frame, _)) = buf.split_at_mut_checked(len) else {
        return Err(no_room(len, capacity));
    };
    let mut fill = Fill::new(&mut *frame);
    let mut crc = Pec::new();
    crc.update_byte(address_write(addr));
    fill.put(cmd)?;
    crc.update(cmd);
    if let Some(count) = count {
        fill.put(&[count])?;
        crc.update_byte(count);
    }
    fill.put(data)?;
    crc.update(data);
    if pec {
        fill.put(&[crc.value()])?;
    }
    Ok(frame)
}

/// The PEC of a read: `[addr<<1, written…]` (left out when nothing was written, as in Receive
/// Byte), then `addr<<1 | 1, read…` (SMBus 3.x §6.4).
pub(crate) fn read_pec(addr: u8, written: &[u8], read: &[u8]) -> u8 {
    let mut crc = Pec::new();
    if !written.is_empty() {
        crc.update_byte(address_write(addr));
        crc.update(written);
    }
    crc.update_byte(address_read(addr));
    crc.update(read);
    crc.value()
}

/// Compares a computed PEC with the one received.
#[inline]
pub(crate) fn check_pec(expected: u8, received: u8) -> Result<(), CheckError> {
    if expected == received {
        Ok(())
    } else {
        Err(Error::Pec { expected, received })
    }
}

/// Checks a fixed-length read done with PEC: `region` is the data followed by the PEC byte.
/// Returns the data (SMBus 3.x §6.4).
pub(crate) fn check_fixed_read<'r>(
    addr: u8,
    written: &[u8],
    region: &'r [u8],
) -> Result<&'r [u8], CheckError> {
    let Some((&received, data)) = region.split_last() else {
        return Err(no_room(1, 0));
    };
    check_pec(read_pec(addr, written, data), received)?;
    Ok(data)
}

/// Splits `buf` for a Block Read or a Block Write-Block Read Process Call: writes the write part
/// `cmd…` or `cmd…, M, data…` at the front and returns it together with the next `read_len`
/// bytes of `buf` for the read part (SMBus 3.x §6.5.7, §6.5.8).
pub(crate) fn block_regions<'b>(
    buf: &'b mut [u8],
    cmd: &[u8],
    write: Option<&[u8]>,
    read_len: usize,
) -> Result<(&'b [u8], &'b mut [u8]), CheckError> {
    let write_len = match write {
        Some(data) => cmd.len().saturating_add(1).saturating_add(data.len()),
        None => cmd.len(),
    };
    let capacity = buf.len();
    let Some((head, tail)) = buf.split_at_mut_checked(write_len) else {
        return Err(no_room(write_len.saturating_add(read_len), capacity));
    };
    let mut fill = Fill::new(&mut *head);
    fill.put(cmd)?;
    if let Some(data) = write {
        let Ok(count) = u8::try_from(data.len()) else {
            return Err(Error::DataTooLong {
                len: data.len(),
                limit: usize::from(u8::MAX),
            });
        };
        fill.put(&[count])?;
        fill.put(data)?;
    }
    let Some((read, _)) = tail.split_at_mut_checked(read_len) else {
        return Err(no_room(write_len.saturating_add(read_len), capacity));
    };
    Ok((head, read))
}

/// Checks the read part of a Block Read or Block Write-Block Read Process Call and returns the
/// data (SMBus 3.x §6.5.7, §6.5.8).
///
/// `response` is what was read: the count byte, then data, then (with `pec`) the PEC byte, then
/// possibly bytes past the block, which are ignored. `written` is the write part after the
/// address byte. Checks, in this order: count within `limit`; with `exact`, count equal to
/// `capacity`; count within `capacity` (the caller's buffer); the PEC over
/// `addr<<1, written…, addr<<1 | 1, count, data…` against the byte after the data.
pub(crate) fn parse_block<'r>(
    addr: u8,
    written: &[u8],
    response: &'r [u8],
    limit: usize,
    capacity: usize,
    exact: bool,
    pec: bool,
) -> Result<&'r [u8], CheckError> {
    let Some(&count) = response.first() else {
        return Err(no_room(1, 0));
    };
    let n = usize::from(count);
    if n > limit {
        return Err(Error::BlockCountTooLarge {
            count,
            limit: u8::try_from(limit).unwrap_or(u8::MAX),
        });
    }
    if exact && n != capacity {
        return Err(Error::BlockCountMismatch {
            expected: capacity,
            received: count,
        });
    }
    if n > capacity {
        return Err(Error::BufferTooSmall {
            needed: n,
            capacity,
        });
    }
    let Some((head, rest)) = response.split_at_checked(n.saturating_add(1)) else {
        return Err(Error::BufferTooSmall {
            needed: n,
            capacity: response.len().saturating_sub(1),
        });
    };
    if pec {
        let Some(&received) = rest.first() else {
            return Err(no_room(n.saturating_add(2), response.len()));
        };
        check_pec(read_pec(addr, written, head), received)?;
    }
    let Some((_, data)) = head.split_first() else {
        return Err(no_room(1, 0));
    };
    Ok(data)
}
