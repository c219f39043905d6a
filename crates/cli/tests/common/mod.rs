//! What the importer's test files share: the repository's files, the
//! property tests' case count, and counting characters.

// Each test file is its own crate and uses a part of this.
#![allow(dead_code)]

use gir_model::report::Report;
use proptest::test_runner::Config as ProptestConfig;
use std::collections::HashMap;
use std::path::PathBuf;

/// A file of the repository, by its path from the repository's root.
pub fn repo_path(relative: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// The text of a repository file; a missing fixture fails the test.
pub fn repo_file(relative: &str) -> String {
    let path = repo_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Cases per property: `default_cases` unless `PROPTEST_CASES` says
/// otherwise; failures are not persisted (the minimal input is printed).
pub fn proptest_config(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// How often each non-whitespace character occurs in `texts`.
pub fn char_counts(texts: impl IntoIterator<Item = String>) -> HashMap<char, i64> {
    let mut counts = HashMap::new();
    for text in texts {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts
}

/// Every text the dataset holds: metadata values, title, the printed lines
/// (headings, paragraphs, subsections, list items) and table cells.
pub fn dataset_texts(report: &Report) -> Vec<String> {
    let mut texts: Vec<String> = report
        .meta
        .fields()
        .iter()
        .map(|(_, v)| v.to_string())
        .collect();
    texts.push(report.title.clone());
    texts.extend(report.text_lines());
    for table in report.tables() {
        for row in &table.rows {
            texts.extend(row.cells.iter().map(|c| c.as_str().to_string()));
        }
    }
    texts
}
