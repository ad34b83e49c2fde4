//! The physical states an imprecise report may stand for (crate-private).
//!
//! Several IPMI values name a set of ACPI states ("S4 or S5", "sleeping in S1–S3", "unknown").
//! Transition rules and power queries are defined on single physical states and lifted to sets:
//! a change between two reports is legal if some pair of states they may stand for is, and a
//! rail is powered if it is powered in every state the report may stand for.

/// One physical system state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phys {
    S0,
    S1,
    S2,
    S3,
    S4,
    S5,
    G3,
    LegacyOn,
    LegacyOff,
}

impl Phys {
    pub(crate) const ALL: [Self; 9] = [
        Self::S0,
        Self::S1,
        Self::S2,
        Self::S3,
        Self::S4,
        Self::S5,
        Self::G3,
        Self::LegacyOn,
        Self::LegacyOff,
    ];

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// S1–S4: the sleeping states of G1.
    pub(crate) const fn is_sleeping(self) -> bool {
        matches!(self, Self::S1 | Self::S2 | Self::S3 | Self::S4)
    }

    /// Working: S0, or on without ACPI.
    pub(crate) const fn is_working(self) -> bool {
        matches!(self, Self::S0 | Self::LegacyOn)
    }
}

/// A non-empty set of [`Phys`] states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Possible(u16);

impl Possible {
    pub(crate) const S0: u16 = Phys::S0.bit();
    pub(crate) const S1: u16 = Phys::S1.bit();
    pub(crate) const S2: u16 = Phys::S2.bit();
    pub(crate) const S3: u16 = Phys::S3.bit();
    pub(crate) const S4: u16 = Phys::S4.bit();
    pub(crate) const S5: u16 = Phys::S5.bit();
    pub(crate) const G3: u16 = Phys::G3.bit();
    pub(crate) const LEGACY_ON: u16 = Phys::LegacyOn.bit();
    pub(crate) const LEGACY_OFF: u16 = Phys::LegacyOff.bit();
    pub(crate) const ANY: Self = Self((1 << Phys::ALL.len()) - 1);

    pub(crate) const fn of(bits: u16) -> Self {
        Self(bits)
    }

    pub(crate) const fn contains(self, p: Phys) -> bool {
        self.0 & p.bit() != 0
    }

    pub(crate) const fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    pub(crate) const fn is_single(self) -> bool {
        self.0.count_ones() == 1
    }

    /// Evaluates `f` on every member: `Some(true)` if it holds for all, `Some(false)` if for
    /// none, `None` if for some only.
    pub(crate) fn all_or_none(self, f: impl Fn(Phys) -> bool) -> Option<bool> {
        let mut any_true = false;
        let mut any_false = false;
        for p in self.members() {
            if f(p) {
                any_true = true;
            } else {
                any_false = true;
            }
        }
        match (any_true, any_false) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    }

    pub(crate) fn members(self) -> impl Iterator<Item = Phys> {
        Phys::ALL.into_iter().filter(move |p| self.contains(*p))
    }
}
