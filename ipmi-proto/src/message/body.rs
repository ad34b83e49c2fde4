//! The body code that selects a command set under the group extension and OEM/group NetFns.

use super::{DefiningBody, NetFn, NetFnKind};

/// The code that, with the NetFn, selects a command set: none for the standard NetFns, the
/// defining body for group extension (2Ch), the IANA enterprise number for OEM/group (2Eh)
/// (IPMI 2.0 Table 5-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum BodyCode {
    /// A NetFn without a body code.
    None,
    /// Group extension: the defining-body byte.
    Group(DefiningBody),
    /// OEM/group: the 3-byte IANA enterprise number (least significant byte first on the wire).
    Iana(u32),
}

impl BodyCode {
    /// The body code at the start of `data` for a request of `netfn`, and the data after it;
    /// `None` when the data is too short to hold it.
    pub fn split(netfn: NetFn, data: &[u8]) -> Option<(Self, &[u8])> {
        match netfn.kind() {
            NetFnKind::GroupExtension => {
                let (&b, rest) = data.split_first()?;
                Some((Self::Group(DefiningBody(b)), rest))
            }
            NetFnKind::OemGroup => match data {
                [a, b, c, rest @ ..] => {
                    Some((Self::Iana(u32::from_le_bytes([*a, *b, *c, 0])), rest))
                }
                _ => None,
            },
            _ => Some((Self::None, data)),
        }
    }

    /// How many bytes the body code takes on the wire (0, 1 or 3).
    pub const fn len(self) -> usize {
        match self {
            Self::None => 0,
            Self::Group(_) => 1,
            Self::Iana(_) => 3,
        }
    }

    /// Whether `self` fits `netfn`: `None` on a NetFn without body code, `Group` on group
    /// extension (2Ch/2Dh), `Iana` on OEM/group (2Eh/2Fh) with a number of at most 24 bits
    /// (three bytes on the wire; a wider one could never be sent or matched).
    ///
    /// ```
    /// use ipmi_proto::message::{BodyCode, DefiningBody, NetFn};
    /// assert!(BodyCode::Group(DefiningBody::DCMI).fits(NetFn::GROUP_EXTENSION));
    /// assert!(!BodyCode::Group(DefiningBody::DCMI).fits(NetFn::APP));
    /// assert!(!BodyCode::None.fits(NetFn::OEM_GROUP));
    /// assert!(!BodyCode::Iana(0x0100_0000).fits(NetFn::OEM_GROUP));
    /// ```
    pub const fn fits(self, netfn: NetFn) -> bool {
        matches!(
            (self, netfn.kind()),
            (Self::Group(_), NetFnKind::GroupExtension)
                | (Self::Iana(0..=0x00FF_FFFF), NetFnKind::OemGroup)
                | (
                    Self::None,
                    NetFnKind::Chassis
                        | NetFnKind::Bridge
                        | NetFnKind::SensorEvent
                        | NetFnKind::App
                        | NetFnKind::Firmware
                        | NetFnKind::Storage
                        | NetFnKind::Transport
                        | NetFnKind::ControllerOem(_)
                        | NetFnKind::Reserved(_)
                )
        )
    }

    /// Whether the body code takes no bytes.
    pub const fn is_empty(self) -> bool {
        matches!(self, Self::None)
    }

    /// Writes the body code at the start of `out` (the IANA number least significant byte
    /// first); returns its length, or `None` if `out` is too short (nothing written).
    ///
    /// ```
    /// use ipmi_proto::message::BodyCode;
    /// let mut out = [0u8; 3];
    /// assert_eq!(BodyCode::Iana(0x0157).write(&mut out), Some(3));
    /// assert_eq!(out, [0x57, 0x01, 0x00]);
    /// assert_eq!(BodyCode::Iana(0x0157).write(&mut [0u8; 2]), None);
    /// ```
    pub fn write(self, out: &mut [u8]) -> Option<usize> {
        match self {
            Self::None => Some(0),
            Self::Group(DefiningBody(b)) => {
                *out.first_mut()? = b;
                Some(1)
            }
            Self::Iana(n) => {
                let [a, b, c, _] = n.to_le_bytes();
                out.get_mut(..3)?.copy_from_slice(&[a, b, c]);
                Some(3)
            }
        }
    }
}
