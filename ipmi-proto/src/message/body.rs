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
    /// extension (2Ch/2Dh), `Iana` on OEM/group (2Eh/2Fh).
    pub fn fits(self, netfn: NetFn) -> bool {
        matches!(
            (self, netfn.kind()),
            (Self::Group(_), NetFnKind::GroupExtension) | (Self::Iana(_), NetFnKind::OemGroup)
        ) || (matches!(self, Self::None)
            && !matches!(
                netfn.kind(),
                NetFnKind::GroupExtension | NetFnKind::OemGroup
            ))
    }

    /// Whether the body code takes no bytes.
    pub const fn is_empty(self) -> bool {
        matches!(self, Self::None)
    }

    /// Writes the body code at the start of `out`; returns its length, or `None` if `out` is
    /// too short.
    pub(crate) fn write(self, out: &mut [u8]) -> Option<usize> {
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
