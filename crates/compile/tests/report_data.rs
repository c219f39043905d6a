//! A report's data file (`CompiledReport::encode`): the bytes the browser
//! fetches for one report, the same as its entry in a native bundle; and
//! what decoding makes of bytes that are not such a file — truncated,
//! extended, altered, or claiming lengths no report has — an error or
//! another report, never a panic or a runaway allocation.

mod common;

use common::{load_valid, repo_file};
use gir_compile::pipeline::compile_report;
use gir_model::bundle::{Bundle, CompiledReport, REPORT_DATA_LIMIT};
use proptest::prelude::*;
use std::sync::OnceLock;

const DATASETS: [&str; 4] = [
    "assets/reports/nanfen-2017.json",
    "tests/fixtures/reports/sample-2019.json",
    "tests/fixtures/reports/sample-2021.json",
    "tests/fixtures/hostile/hostile-payloads.json",
];

fn compiled() -> &'static [CompiledReport] {
    static REPORTS: OnceLock<Vec<CompiledReport>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        DATASETS
            .iter()
            .map(|path| compile_report(load_valid(path, &repo_file(path))))
            .collect()
    })
}

#[test]
fn a_data_file_is_the_reports_entry_in_a_bundle_and_decodes_back() {
    let reports = compiled();
    let bundle = Bundle {
        reports: reports.to_vec(),
    }
    .encode();
    // bincode writes a list as its length (a one-byte varint here), then
    // each item: the bundle is the count followed by the data files.
    let mut files = vec![u8::try_from(reports.len()).unwrap()];
    for report in reports {
        let bytes = report.encode();
        assert!(
            bytes.len() > 1000,
            "{}: {} bytes",
            report.report.id,
            bytes.len()
        );
        assert_eq!(
            &CompiledReport::decode(&bytes).unwrap(),
            report,
            "{}",
            report.report.id
        );
        files.extend(bytes);
    }
    assert_eq!(bundle, files);
}

#[test]
fn bytes_that_are_not_exactly_one_report_do_not_decode() {
    let bytes = compiled()[0].encode();
    for len in 0..bytes.len() {
        assert!(
            CompiledReport::decode(&bytes[..len]).is_err(),
            "truncated to {len} bytes"
        );
    }
    for extra in [&[0u8][..], b"\n", &bytes] {
        let extended = [&bytes[..], extra].concat();
        assert!(CompiledReport::decode(&extended).is_err(), "{extra:?}");
    }
    // A server's error page in its place.
    assert!(CompiledReport::decode(b"<!DOCTYPE html><title>404 Not Found</title>").is_err());
}

#[test]
fn a_length_no_report_has_is_refused_before_anything_is_allocated() {
    // The report's first field is its id, a string: its length as a varint
    // (0xfb: two bytes follow, 0xfc: four, 0xfd: eight), then its bytes.
    let limit = u32::try_from(REPORT_DATA_LIMIT).unwrap();
    for length in [
        [&[0xfc][..], &(limit + 1).to_le_bytes()].concat(),
        [&[0xfc][..], &u32::MAX.to_le_bytes()].concat(),
        [&[0xfd][..], &u64::MAX.to_le_bytes()].concat(),
    ] {
        let error = format!("{:?}", CompiledReport::decode(&length).unwrap_err());
        assert_eq!(error, "LimitExceeded", "{length:?}");
    }
    // Under the limit, the decoder reads on and finds the bytes missing.
    let under = [&[0xfc][..], &(limit / 2).to_le_bytes()].concat();
    let error = format!("{:?}", CompiledReport::decode(&under).unwrap_err());
    assert!(error.starts_with("UnexpectedEnd"), "{error}");
}

proptest! {
    #![proptest_config(common::proptest_config(2_000))]

    /// Arbitrary bytes: an error or some report, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = CompiledReport::decode(&bytes);
    }

    /// A real data file with bytes changed anywhere (a length prefix made
    /// huge among them): an error or some report, never a panic.
    #[test]
    fn altered_data_files_never_panic(
        which in 0..DATASETS.len(),
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = compiled()[which].encode();
        for (at, value) in changes {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        let _ = CompiledReport::decode(&bytes);
    }
}
