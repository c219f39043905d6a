//! Helpers shared by the data layer's integration tests: the repository's
//! fixtures, and the errors broken datasets yield.
#![allow(dead_code)] // each test file uses its own share of these

use gir_compile::load::load_report;
use gir_model::report::Report;
use sha2::{Digest, Sha256};

/// A path of the repository, from the workspace root.
pub fn repo_path(relative: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// A file of the repository (fixtures, the shipped dataset), by its path from
/// the workspace root. A missing fixture fails the test that needs it, loudly.
pub fn repo_file(relative: &str) -> String {
    let path = repo_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "fixture {relative} cannot be read ({}): {e}",
            path.display()
        )
    })
}

/// The SHA-256 of `text`, in hex.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A dataset that must load, from `json`; its errors in the panic message.
pub fn load_valid(name: &str, json: &str) -> Report {
    load_report(name, json).unwrap_or_else(|errors| {
        panic!(
            "{name} invalid:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// The errors a broken dataset yields, as `file:line:column: message` lines.
pub fn errors_for(json: &str) -> Vec<String> {
    match load_report("reports/broken.json", json) {
        Ok(_) => panic!("the broken dataset was accepted"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// The 1-based line of the first line of `json` containing `needle`.
pub fn line_of(json: &str, needle: &str) -> usize {
    json.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} in json"))
        + 1
}

/// Cases per property: `default_cases` unless `PROPTEST_CASES` says
/// otherwise; failures are reported with their input, nothing is written to
/// disk.
pub fn proptest_config(default_cases: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    proptest::test_runner::Config {
        cases,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}
