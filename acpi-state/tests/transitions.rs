//! Every transition rule, as an explicit matrix written from the ACPI rules (not derived from
//! the implementation), plus invariants over all 14 × 14 system pairs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use acpi_state::ipmi::DeviceState as I;
use acpi_state::{
    DevicePowerState as D, DeviceTransition as DT, Rule, SystemPowerState as S, Transition as T,
    device_transition, ipmi_device_transition, transition,
};

/// Expected result of one change.
#[derive(Clone, Copy, Debug, PartialEq)]
enum E {
    Ok(T),
    Err(Rule),
}

use E::Err as X;
use E::Ok as K;
const U: E = K(T::Unchanged);
const R: E = K(T::Restated);
const SL: E = K(T::Sleep);
const W: E = K(T::Wake);
const OFF: E = K(T::SoftOff);
const OV: E = K(T::Override);
const PL: E = K(T::PowerLoss);
const PA: E = K(T::PowerApplied);
const M: E = K(T::ModeChange);
const E1: E = X(Rule::SleepOnlyFromWorking);
const E2: E = X(Rule::SleepChangesThroughWorking);
const E3: E = X(Rule::SoftOffOnlyFromWorking);
const E4: E = X(Rule::OverrideOnlyWhenPowered);

/// The precise states, in matrix order.
const P: [S; 10] = [
    S::S0G0,
    S::S1,
    S::S2,
    S::S3,
    S::S4,
    S::S5G2,
    S::G3,
    S::LegacyOn,
    S::LegacyOff,
    S::Override,
];

/// Rows: from; columns: to, in the order of `P`.
#[rustfmt::skip]
const MATRIX: [[E; 10]; 10] = [
    //        S0  S1  S2  S3  S4  S5   G3  LOn LOff Ovr
    /* S0  */ [U,  SL, SL, SL, SL, OFF, PL, M,  OFF, OV],
    /* S1  */ [W,  U,  E2, E2, E2, E3,  PL, W,  E3,  OV],
    /* S2  */ [W,  E2, U,  E2, E2, OFF, PL, W,  OFF, OV],
    /* S3  */ [W,  E2, E2, U,  E2, E3,  PL, W,  E3,  OV],
    /* S4  */ [W,  E2, E2, E2, U,  E3,  PL, W,  E3,  E4],
    /* S5  */ [W,  E1, W,  E1, E1, U,   PL, W,  M,   E4],
    /* G3  */ [PA, E1, PA, E1, E1, PA,  U,  PA, PA,  E4],
    /* LOn */ [M,  E1, E1, E1, E1, OFF, PL, U,  OFF, OV],
    /* LOff*/ [W,  E1, W,  E1, E1, M,   PL, W,  U,   E4],
    /* Ovr */ [W,  E1, W,  E1, E1, R,   PL, W,  M,   U],
];

fn actual(from: S, to: S) -> E {
    match transition(from, to) {
        Ok(t) => K(t),
        Err(e) => {
            assert_eq!((e.from, e.to), (from, to));
            X(e.rule)
        }
    }
}

#[test]
fn precise_state_matrix() {
    for (i, from) in P.into_iter().enumerate() {
        for (j, to) in P.into_iter().enumerate() {
            assert_eq!(actual(from, to), MATRIX[i][j], "{from} -> {to}");
            assert_eq!(from.transition_to(to), transition(from, to));
        }
    }
}

#[test]
fn imprecise_states() {
    let cases = [
        // Unknown is consistent with everything.
        (S::Unknown, S::S0G0, R),
        (S::Unknown, S::G3, R),
        (S::S3, S::Unknown, R),
        (S::Unknown, S::Override, OV),
        // Refining or widening a sleeping report is not a change of state.
        (S::G1Sleeping, S::S3, R),
        (S::S2, S::Sleeping, R),
        (S::Sleeping, S::G1Sleeping, R),
        (S::S4S5, S::S5G2, R),
        (S::Override, S::S4S5, R),
        // Between disjoint sets, legal if some pair is.
        (S::S0G0, S::Sleeping, SL),
        (S::Sleeping, S::S0G0, W),
        (S::S4S5, S::S0G0, W),
        (S::S4S5, S::LegacyOff, M),
        (S::G1Sleeping, S::G3, PL),
        (S::G1Sleeping, S::Override, OV),
        // When members allow several kinds, the first target member in S0…legacy-off order
        // decides: S0 -> S4 (sleep) before S0 -> S5 (soft-off).
        (S::S0G0, S::S4S5, SL),
        // Illegal for every pair; the first pair's rule is reported.
        (S::Sleeping, S::S4, E2),
        // SLEEP includes S2, which may power off under the firmware-init convention.
        (S::Sleeping, S::S5G2, OFF),
        (S::S3, S::S5G2, E3),
        (S::S4S5, S::S3, E2),
        (S::S4S5, S::Override, E4),
        (S::S5G2, S::S3, E1),
        // ...but G1_SLEEP includes S2, reachable from soft-off under the convention.
        (S::S5G2, S::G1Sleeping, W),
    ];
    for (from, to, expected) in cases {
        assert_eq!(actual(from, to), expected, "{from} -> {to}");
    }
}

#[test]
fn invariants_over_all_pairs() {
    for from in S::ALL {
        for to in S::ALL {
            let r = transition(from, to);
            if from == to {
                assert_eq!(r, Ok(T::Unchanged));
            }
            // G3 from anywhere on power loss.
            if to == S::G3 && from != S::G3 {
                assert!(
                    matches!(r, Ok(T::PowerLoss | T::Restated)),
                    "{from} -> G3: {r:?}"
                );
            }
            // Nothing contradicts an unknown state.
            if from == S::Unknown || to == S::Unknown {
                assert!(r.is_ok(), "{from} -> {to}");
            }
            // Overrides are the only way into OVERRIDE, and OVERRIDE is only reached that way.
            if r == Ok(T::Override) {
                assert_eq!(to, S::Override);
            }
            if let Err(e) = r {
                assert_eq!((e.from, e.to), (from, to));
            }
        }
    }
}

#[test]
fn illegal_transition_message_names_states_and_rule() {
    let e = transition(S::S1, S::S3).unwrap_err();
    assert_eq!(
        e.to_string(),
        "illegal change S1_D1 -> S3_D3: a sleeping system wakes to G0 before entering a \
         different sleeping state"
    );
}

const DU: Result<DT, Rule> = Ok(DT::Unchanged);
const DE: Result<DT, Rule> = Ok(DT::Deeper);
const RS: Result<DT, Rule> = Ok(DT::Resume);
const RM: Result<DT, Rule> = Ok(DT::PowerRemoved);
const D3X: Result<DT, Rule> = Err(Rule::D3ExitOnlyToD0);
const SH: Result<DT, Rule> = Err(Rule::ShallowerOnlyThroughD0);

#[test]
fn device_matrix() {
    #[rustfmt::skip]
    let matrix: [[Result<DT, Rule>; 5]; 5] = [
        //          D0  D1   D2   D3hot D3cold
        /* D0    */ [DU, DE,  DE,  DE,  RM],
        /* D1    */ [RS, DU,  DE,  DE,  RM],
        /* D2    */ [RS, SH,  DU,  DE,  RM],
        /* D3hot */ [RS, D3X, D3X, DU,  RM],
        /* D3cold*/ [RS, D3X, D3X, D3X, DU],
    ];
    for (i, from) in D::ALL.into_iter().enumerate() {
        for (j, to) in D::ALL.into_iter().enumerate() {
            let got = device_transition(from, to).map_err(|e| e.rule);
            assert_eq!(got, matrix[i][j], "{from} -> {to}");
        }
    }
}

#[test]
fn ipmi_device_matrix() {
    use DT::{Deeper as De, Restated as Rd, Resume as Rs, Shallower as Sh, Unchanged as Un};
    #[rustfmt::skip]
    let matrix: [[DT; 5]; 5] = [
        //          D0  D1  D2  D3  Unknown
        /* D0    */ [Un, De, De, De, Rd],
        /* D1    */ [Rs, Un, De, De, Rd],
        /* D2    */ [Rs, Sh, Un, De, Rd],
        /* D3    */ [Rs, Sh, Sh, Un, Rd],
        /* Unkn. */ [Rd, Rd, Rd, Rd, Un],
    ];
    for (i, from) in I::ALL.into_iter().enumerate() {
        for (j, to) in I::ALL.into_iter().enumerate() {
            assert_eq!(
                ipmi_device_transition(from, to),
                matrix[i][j],
                "{from} -> {to}"
            );
        }
    }
}
