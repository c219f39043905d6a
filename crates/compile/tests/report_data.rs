//! A report's data file (`PageReport::encode`, its page): the bytes the
//! browser fetches for one report, the same as its page's entry in a native
//! bundle; and what decoding makes of bytes that are not such a file —
//! truncated, extended, altered, or claiming lengths no report has — an
//! error or another page, never a panic or a runaway allocation.

mod common;

use common::{load_valid, repo_file};
use gir_compile::page::page_report;
use gir_compile::pipeline::compile_report;
use gir_model::bundle::{Bundle, CompiledReport, REPORT_DATA_LIMIT};
use gir_model::page::PageReport;
use proptest::prelude::*;
use std::sync::OnceLock;

const DATASETS: [&str; 4] = [
    "assets/reports/nanfen-2017.json",
    "tests/fixtures/reports/sample-2019.json",
    "tests/fixtures/reports/sample-2021.json",
    "tests/fixtures/hostile/hostile-payloads.json",
];

/// Each dataset compiled, with its page's data file (a page is not `Sync`:
/// its markup is `Rc<str>`).
fn compiled() -> &'static [(CompiledReport, Vec<u8>)] {
    static REPORTS: OnceLock<Vec<(CompiledReport, Vec<u8>)>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        DATASETS
            .iter()
            .map(|path| {
                let compiled = compile_report(load_valid(path, &repo_file(path)));
                let page = page_report(&compiled).encode();
                (compiled, page)
            })
            .collect()
    })
}

#[test]
fn a_data_file_is_the_pages_entry_in_a_bundle_and_decodes_back() {
    let reports: Vec<CompiledReport> = compiled().iter().map(|(r, _)| r.clone()).collect();
    let pages: Vec<PageReport> = reports.iter().map(page_report).collect();
    let bundle = Bundle {
        reports: reports.clone(),
        pages: pages.clone(),
    }
    .encode();
    // bincode writes a list as its length (a one-byte varint here), then
    // each item: the bundle ends with the count of pages followed by the
    // data files.
    let mut files = vec![u8::try_from(pages.len()).unwrap()];
    for (report, page) in reports.iter().zip(&pages) {
        assert_eq!(page.id, report.report.id);
        let bytes = page.encode();
        assert!(bytes.len() > 1000, "{}: {} bytes", page.id, bytes.len());
        assert_eq!(&PageReport::decode(&bytes).unwrap(), page, "{}", page.id);
        files.extend(bytes);
    }
    assert!(bundle.ends_with(&files));
    assert_eq!(Bundle::decode(&bundle).unwrap().pages, pages);
}

#[test]
fn bytes_that_are_not_exactly_one_page_do_not_decode() {
    let bytes = compiled()[0].1.clone();
    for len in 0..bytes.len() {
        assert!(
            PageReport::decode(&bytes[..len]).is_err(),
            "truncated to {len} bytes"
        );
    }
    for extra in [&[0u8][..], b"\n", &bytes] {
        let extended = [&bytes[..], extra].concat();
        assert!(PageReport::decode(&extended).is_err(), "{extra:?}");
    }
    // A server's error page in its place.
    assert!(PageReport::decode(b"<!DOCTYPE html><title>404 Not Found</title>").is_err());
}

#[test]
fn a_length_no_report_has_is_refused_before_anything_is_allocated() {
    // The page's first field is its report's id, a string: its length as a varint
    // (0xfb: two bytes follow, 0xfc: four, 0xfd: eight), then its bytes.
    let limit = u32::try_from(REPORT_DATA_LIMIT).unwrap();
    for length in [
        [&[0xfc][..], &(limit + 1).to_le_bytes()].concat(),
        [&[0xfc][..], &u32::MAX.to_le_bytes()].concat(),
        [&[0xfd][..], &u64::MAX.to_le_bytes()].concat(),
    ] {
        let error = format!("{:?}", PageReport::decode(&length).unwrap_err());
        assert_eq!(error, "LimitExceeded", "{length:?}");
    }
    // Under the limit, the decoder reads on and finds the bytes missing.
    let under = [&[0xfc][..], &(limit / 2).to_le_bytes()].concat();
    let error = format!("{:?}", PageReport::decode(&under).unwrap_err());
    assert!(error.starts_with("UnexpectedEnd"), "{error}");
}

proptest! {
    #![proptest_config(common::proptest_config(2_000))]

    /// Arbitrary bytes: an error or some page, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = PageReport::decode(&bytes);
    }

    /// A real data file with bytes changed anywhere (a length prefix made
    /// huge among them): an error or some page, never a panic.
    #[test]
    fn altered_data_files_never_panic(
        which in 0..DATASETS.len(),
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = compiled()[which].1.clone();
        for (at, value) in changes {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        let _ = PageReport::decode(&bytes);
    }
}
