//! Property tests over loading, checking and compiling datasets: whatever the
//! input — arbitrary text, or the seed with arbitrary strings and numbers in
//! its fields — the data layer answers with a report or with errors, and
//! never panics or hangs.
//!
//! CI runs 10,000 cases of each property; for a longer run:
//! `PROPTEST_CASES=1000000 cargo test --release -p gir-compile --test properties`.

mod common;

use gir_compile::export::data_files;
use gir_compile::load::load_report;
use gir_compile::pipeline::compile_report;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

fn seed() -> &'static Value {
    static SEED: OnceLock<Value> = OnceLock::new();
    SEED.get_or_init(|| {
        serde_json::from_str(&common::repo_file(
            "tests/fixtures/reports/sample-2021.json",
        ))
        .expect("the sample is JSON")
    })
}

/// Loads, and if accepted compiles and exports: everything the build does
/// with a dataset.
fn build(json: &str) {
    if let Ok(report) = load_report("prop.json", json) {
        let compiled = compile_report(report);
        let _files = data_files(&compiled.report);
    }
}

/// The string leaves of a JSON value, in a fixed order.
fn strings_mut(value: &mut Value) -> Vec<&mut String> {
    match value {
        Value::String(s) => vec![s],
        Value::Array(items) => items.iter_mut().flat_map(strings_mut).collect(),
        Value::Object(map) => map.values_mut().flat_map(strings_mut).collect(),
        _ => Vec::new(),
    }
}

/// The number leaves of a JSON value, in a fixed order.
fn numbers_mut(value: &mut Value) -> Vec<&mut Value> {
    match value {
        Value::Number(_) => vec![value],
        Value::Array(items) => items.iter_mut().flat_map(numbers_mut).collect(),
        Value::Object(map) => map.values_mut().flat_map(numbers_mut).collect(),
        _ => Vec::new(),
    }
}

/// Text a hostile dataset might hold: any characters (controls, bidi,
/// surrogates escaped by serde), with markup, templates and numbers mixed in.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\PC\\p{Cc}\u{202A}-\u{202E}{}<>\"'\\\\=+@-]{0,40}",
        Just("{{注}}".to_string()),
        Just("18446744073709551615".to_string()),
        Just(String::new()),
        "[0-9./—-]{0,6}",
    ]
}

proptest! {
    #![proptest_config(common::proptest_config(10_000))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        build(&text);
    }

    #[test]
    fn arbitrary_strings_and_numbers_in_every_field_never_panic(
        strings in proptest::collection::vec((any::<prop::sample::Index>(), hostile_text()), 1..8),
        numbers in proptest::collection::vec((any::<prop::sample::Index>(), any::<u64>()), 0..4),
    ) {
        let mut value = seed().clone();
        {
            let mut leaves = strings_mut(&mut value);
            for (index, text) in &strings {
                let leaf = index.index(leaves.len());
                *leaves[leaf] = text.clone();
            }
        }
        {
            let mut leaves = numbers_mut(&mut value);
            if !leaves.is_empty() {
                for (index, number) in &numbers {
                    let leaf = index.index(leaves.len());
                    *leaves[leaf] = Value::from(*number);
                }
            }
        }
        build(&serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn truncated_and_spliced_datasets_never_panic(cut in any::<prop::sample::Index>(), insert in hostile_text()) {
        let json = serde_json::to_string_pretty(seed()).unwrap();
        let mut at = cut.index(json.len());
        while !json.is_char_boundary(at) {
            at -= 1;
        }
        build(&json[..at]);
        build(&format!("{}{insert}{}", &json[..at], &json[at..]));
    }
}
