//! The reports the viewer shows, compiled by `build.rs`.
//!
//! Native builds (the prerender step, the authoring tool, the tests) embed
//! every report, with its page, as one bundle and look reports up by id.
//! The wasm embeds none: the boot module fetches the data file of each
//! mount's report (`data/<id>.<hash>.bin`, its page, written by the
//! prerender step) and the browser entry decodes it with [`decode_report`]
//! and hands it to the app. The browser decodes bincode, with decoders
//! derived by bincode itself (no serde visitors, no JSON parser), and gets
//! the markup of the text, tables and panels and its chart SVGs ready-made
//! (see `gir_model::page`).

use gir_model::bundle::CompiledReport;
use gir_model::page::PageReport;
use std::rc::Rc;

/// Every report of the build, in file-name order; only native builds carry
/// them (`cfg(target_arch = "wasm32")` is the one switch).
#[cfg(not(target_arch = "wasm32"))]
static BUNDLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

/// A compiled report (native: the prerender step's exports and library
/// pages, the authoring tool, tests).
#[derive(Clone, Debug)]
pub struct SharedReport(Rc<CompiledReport>);

impl SharedReport {
    pub fn new(report: CompiledReport) -> Self {
        SharedReport(Rc::new(report))
    }
}

impl std::ops::Deref for SharedReport {
    type Target = CompiledReport;

    fn deref(&self) -> &CompiledReport {
        &self.0
    }
}

/// A report's page, shared by the components that show it. Two handles are
/// equal when they are the same page: a page never changes once decoded, so
/// comparing components' props needs no deep comparison of the page (and
/// the viewer carries no code for one).
#[derive(Clone, Debug)]
pub struct SharedPage(Rc<PageReport>);

impl PartialEq for SharedPage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SharedPage {
    /// A page to share among components: an embedded one, one decoded from
    /// its data file, or one made by a test.
    pub fn new(page: PageReport) -> Self {
        SharedPage(Rc::new(page))
    }
}

impl std::ops::Deref for SharedPage {
    type Target = PageReport;

    fn deref(&self) -> &PageReport {
        &self.0
    }
}

/// A report's data file, as the build writes it, decoded; `None` when the
/// bytes are not exactly one report's page (the reason stays out of the
/// viewer, to keep error formatting out of the wasm; the build checks every
/// file it writes decodes).
pub fn decode_report(bytes: &[u8]) -> Option<SharedPage> {
    PageReport::decode(bytes).ok().map(SharedPage::new)
}

/// The embedded reports with their pages (`pages[i]` shows `reports[i]`),
/// or why there are none.
type Embedded = Result<(Vec<SharedReport>, Vec<SharedPage>), String>;

thread_local! {
    static EMBEDDED: Embedded = embedded();
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded() -> Embedded {
    decode(BUNDLE_BYTES)
}

/// The wasm embeds no report: each one comes from its data file.
#[cfg(target_arch = "wasm32")]
fn embedded() -> Embedded {
    Ok((Vec::new(), Vec::new()))
}

/// Decodes a bundle; a broken one becomes a message the page can show.
#[cfg(not(target_arch = "wasm32"))]
fn decode(bytes: &[u8]) -> Embedded {
    gir_model::bundle::Bundle::decode(bytes)
        .map(|bundle| {
            (
                bundle.reports.into_iter().map(SharedReport::new).collect(),
                bundle.pages.into_iter().map(SharedPage::new).collect(),
            )
        })
        // The bundle is written by this crate's own build script, so a failure
        // means a broken build.
        .map_err(|_| "内嵌数据无法读取:请重新构建查看器。".to_string())
}

/// The index of the embedded report with this id (the first when `id` is
/// empty), or a message naming the reports there are.
fn find(reports: &[SharedReport], id: &str) -> Result<usize, String> {
    reports
        .iter()
        .position(|r| id.is_empty() || r.report.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = reports.iter().map(|r| r.report.id.as_str()).collect();
            format!("没有编号为“{id}”的报告(已内嵌:{})", known.join("、"))
        })
}

/// The embedded report with this id; the first report when `id` is empty.
/// In the wasm there is none.
pub fn report(id: &str) -> Result<SharedReport, String> {
    EMBEDDED.with(|embedded| {
        let (reports, _) = embedded.as_ref().map_err(Clone::clone)?;
        find(reports, id).map(|i| reports[i].clone())
    })
}

/// The page of the embedded report with this id; the first report's when
/// `id` is empty. In the wasm there is none: the browser entry passes each
/// mount's page to the app, which asks here only when it was given none.
pub fn page(id: &str) -> Result<SharedPage, String> {
    EMBEDDED.with(|embedded| {
        let (reports, pages) = embedded.as_ref().map_err(Clone::clone)?;
        find(reports, id).map(|i| pages[i].clone())
    })
}

/// Ids of every embedded report, in file-name order (none in the wasm).
pub fn report_ids() -> Vec<String> {
    EMBEDDED.with(|embedded| match embedded {
        Ok((reports, _)) => reports.iter().map(|r| r.report.id.clone()).collect(),
        Err(_) => Vec::new(),
    })
}

/// Native: the wasm has no embedded report (tests/wasm_app.rs checks it).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn shared_pages_are_equal_when_they_are_the_same_page() {
        let first = page("").unwrap();
        assert_eq!(first, page(&first.id).unwrap(), "same page");
        // An identical copy decoded again is another page to the props
        // comparison: equality never looks inside.
        let copy = decode(BUNDLE_BYTES).unwrap().1.remove(0);
        assert_eq!(*copy, *first, "same content");
        assert_ne!(copy, first);
    }

    #[test]
    fn a_data_file_decodes_to_its_page_and_nothing_else_does() {
        for id in report_ids() {
            let embedded = page(&id).unwrap();
            assert_eq!(embedded.id, id);
            let bytes = embedded.encode();
            let decoded = decode_report(&bytes).expect("the report's own data file");
            assert_eq!(*decoded, *embedded);
            assert!(
                decode_report(&bytes[..bytes.len() - 1]).is_none(),
                "{id}: truncated"
            );
            assert!(
                decode_report(&[&bytes[..], &[0]].concat()).is_none(),
                "{id}: extended"
            );
        }
        assert!(decode_report(b"").is_none());
        assert!(decode_report(b"<!DOCTYPE html><title>404</title>").is_none());
    }
}
