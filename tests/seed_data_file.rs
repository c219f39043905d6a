//! The seed's data file that the in-browser tests (tests/wasm_app.rs) hand
//! to the app, as a committed fixture: no build embeds a report, and the
//! wasm tests cannot read files. This test keeps it the file a build of the
//! seed writes today; `GIR_BLESS=1 cargo test --test seed_data_file` writes
//! it again after a change to the model or the compiler.
#![cfg(not(target_arch = "wasm32"))]

use gir_compile::load::load_report;
use gir_compile::page::page_report;
use gir_compile::pipeline::compile_report;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/pages/nanfen-2017.bin"
);
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/reports/nanfen-2017.json"
);

#[test]
fn the_wasm_tests_seed_data_file_is_what_a_build_writes() {
    let json = std::fs::read_to_string(SEED).unwrap();
    let report = compile_report(load_report("nanfen-2017.json", &json).unwrap());
    let bytes = page_report(&report).encode();
    if std::env::var_os("GIR_BLESS").is_some() {
        std::fs::write(FIXTURE, &bytes).unwrap();
    }
    let committed = std::fs::read(FIXTURE).unwrap_or_default();
    assert!(
        committed == bytes,
        "{FIXTURE} ({} bytes) is not the seed's data file as a build writes it today ({} bytes): run GIR_BLESS=1 cargo test --test seed_data_file",
        committed.len(),
        bytes.len()
    );
}
