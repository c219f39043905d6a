//! Helpers shared by the integration tests that load broken datasets.

use gir::dataset::load_report;

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
