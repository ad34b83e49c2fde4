//! Small value types of the SMBus layer: configuration, block limit and command codes.

use core::fmt;

/// The largest block a block transfer may carry: which SMBus version the bus follows.
///
/// SMBus 2.0 allows 1 to 32 data bytes in a block; SMBus 3.x allows 0 to 255 (the count byte's
/// whole range). A count above the limit is refused ([`Error::BlockCountTooLarge`] on reads,
/// [`Error::DataTooLong`] on writes, before the bus is touched).
///
/// [`Error::BlockCountTooLarge`]: super::Error::BlockCountTooLarge
/// [`Error::DataTooLong`]: super::Error::DataTooLong
///
/// ```
/// use smbus_pmbus::smbus::BlockLimit;
///
/// assert_eq!(BlockLimit::Smbus2.max(), 32);
/// assert_eq!(BlockLimit::default().max(), 255);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum BlockLimit {
    /// SMBus 2.0: at most 32 bytes in a block.
    Smbus2,
    /// SMBus 3.x: at most 255 bytes in a block (the default).
    #[default]
    Smbus3,
}

impl BlockLimit {
    /// The largest count allowed: 32 or 255.
    #[must_use]
    pub const fn max(self) -> u8 {
        match self {
            // SMBus 2.0 §5.5.7: a block holds at most 32 bytes.
            Self::Smbus2 => 32,
            // SMBus 3.x §6.5.7: the count byte's full range.
            Self::Smbus3 => 255,
        }
    }
}

/// How an SMBus host talks: with or without PEC, and which block limit applies.
///
/// The default is PEC off and [`BlockLimit::Smbus3`]. PEC should be on whenever every device on
/// the bus supports it (PMBus devices report that in `CAPABILITY`, bit 7).
///
/// ```
/// use smbus_pmbus::smbus::{BlockLimit, Config};
///
/// let c = Config::new().with_pec(true).with_block_limit(BlockLimit::Smbus2);
/// assert!(c.pec);
/// assert_eq!(c.block_limit.max(), 32);
/// assert_eq!(Config::default(), Config::new());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Config {
    /// Append a PEC byte to writes and check one on reads (SMBus 3.x §6.4).
    pub pec: bool,
    /// The largest block count accepted on block transfers.
    pub block_limit: BlockLimit,
}

impl Config {
    /// PEC off, [`BlockLimit::Smbus3`]; the same as [`Config::default`].
    #[must_use]
    pub const fn new() -> Self {
        Self {
            pec: false,
            block_limit: BlockLimit::Smbus3,
        }
    }

    /// This configuration with PEC on or off.
    #[must_use]
    pub const fn with_pec(mut self, pec: bool) -> Self {
        self.pec = pec;
        self
    }

    /// This configuration with another block limit.
    #[must_use]
    pub const fn with_block_limit(mut self, block_limit: BlockLimit) -> Self {
        self.block_limit = block_limit;
        self
    }
}

/// A command code as it goes on the wire right after the address byte: one byte, or an extended
/// command of two bytes (a prefix and a code).
///
/// PMBus 1.3 Part II reserves command codes FEh (`MFR_SPECIFIC_COMMAND_EXT`) and FFh
/// (`PMBUS_COMMAND_EXT`) as prefixes that each open a second page of 256 command codes; the data of an extended
/// command follows the second byte as usual, and the PEC covers both bytes. `Cmd` does not check
/// the prefix, so other two-byte schemes fit too.
///
/// ```
/// use smbus_pmbus::smbus::Cmd;
///
/// assert_eq!(Cmd::new(0x8B).bytes(), &[0x8B]);
/// assert_eq!(Cmd::from(0x8B), Cmd::new(0x8B));
///
/// let ext = Cmd::extended(Cmd::MFR_SPECIFIC_COMMAND_EXT, 0x12);
/// assert_eq!(ext.bytes(), &[0xFE, 0x12]);
/// assert_eq!(ext.prefix(), Some(0xFE));
/// assert_eq!(ext.code(), 0x12);
/// assert_eq!(ext.to_string(), "FEh 12h");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Cmd {
    /// `[code, 0]` for a one-byte command, `[prefix, code]` for an extended one.
    bytes: [u8; 2],
    extended: bool,
}

impl Cmd {
    /// The PMBus prefix for extended manufacturer-specific commands, `MFR_SPECIFIC_COMMAND_EXT`
    /// (PMBus 1.3 Part II command table, code FEh).
    pub const MFR_SPECIFIC_COMMAND_EXT: u8 = 0xFE;

    /// The PMBus prefix for extended standard commands, `PMBUS_COMMAND_EXT`
    /// (PMBus 1.3 Part II command table, code FFh).
    pub const PMBUS_COMMAND_EXT: u8 = 0xFF;

    /// A one-byte command code.
    #[must_use]
    pub const fn new(code: u8) -> Self {
        Self {
            bytes: [code, 0],
            extended: false,
        }
    }

    /// A two-byte command: `prefix` (FEh or FFh in PMBus), then `code`.
    #[must_use]
    pub const fn extended(prefix: u8, code: u8) -> Self {
        Self {
            bytes: [prefix, code],
            extended: true,
        }
    }

    /// The bytes sent on the wire for this command: one or two.
    #[must_use]
    pub const fn bytes(&self) -> &[u8] {
        if self.extended {
            &self.bytes
        } else {
            let [code, _] = &self.bytes;
            core::slice::from_ref(code)
        }
    }

    /// The command code: the only byte, or the byte after the prefix.
    #[must_use]
    pub const fn code(&self) -> u8 {
        let [first, second] = self.bytes;
        if self.extended { second } else { first }
    }

    /// The prefix of an extended command, `None` for a one-byte command.
    #[must_use]
    pub const fn prefix(&self) -> Option<u8> {
        let [first, _] = self.bytes;
        if self.extended { Some(first) } else { None }
    }

    /// Whether this is a two-byte command.
    #[must_use]
    pub const fn is_extended(&self) -> bool {
        self.extended
    }
}

impl From<u8> for Cmd {
    fn from(code: u8) -> Self {
        Self::new(code)
    }
}

/// `8Bh`, or `FEh 12h` for an extended command.
impl fmt::Display for Cmd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.prefix() {
            Some(prefix) => write!(f, "{prefix:02X}h {:02X}h", self.code()),
            None => write!(f, "{:02X}h", self.code()),
        }
    }
}
