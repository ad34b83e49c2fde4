//! Criterion benchmarks for the workspace live in `benches/`; run them with `cargo bench -p benches`.
//! This library is empty: the package exists to hold the benchmarks and their peer-crate
//! dev-dependencies without adding those to the published crates.
