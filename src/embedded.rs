//! The report bundle compiled by `build.rs` and embedded in the binary.
//!
//! The browser decodes bincode, with decoders derived by bincode itself (no
//! serde visitors, no JSON parser), and gets its chart SVGs ready-made.

use gir_model::bundle::{Bundle, CompiledReport};
use std::rc::Rc;

static BUNDLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

/// A report of the bundle, shared by the components that show it. Two
/// handles are equal when they are the same report: the bundle never changes,
/// so comparing components' props needs no deep comparison of the report
/// (and the viewer carries no code for one).
#[derive(Clone, Debug)]
pub struct SharedReport(Rc<CompiledReport>);

impl PartialEq for SharedReport {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SharedReport {
    /// A report to share among components: the embedded ones, or one
    /// compiled by a test.
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

type Reports = Result<Vec<SharedReport>, String>;

thread_local! {
    static REPORTS: Reports = decode(BUNDLE_BYTES);
}

/// Decodes a bundle; a broken one becomes a message the page can show.
pub fn decode(bytes: &[u8]) -> Reports {
    Bundle::decode(bytes)
        .map(|bundle| bundle.reports.into_iter().map(SharedReport::new).collect())
        // The bundle is written by this crate's own build script, so a failure
        // means a broken build; the message stays plain to keep error
        // formatting (and its code) out of the viewer.
        .map_err(|_| "内嵌数据无法读取:请重新构建查看器。".to_string())
}

/// The embedded report with this id; the first report when `id` is empty.
pub fn report(id: &str) -> Result<SharedReport, String> {
    REPORTS.with(|reports| {
        let reports = reports.as_ref().map_err(Clone::clone)?;
        reports
            .iter()
            .find(|r| id.is_empty() || r.report.id == id)
            .cloned()
            .ok_or_else(|| {
                let known: Vec<&str> = reports.iter().map(|r| r.report.id.as_str()).collect();
                format!("没有编号为“{id}”的报告(已内嵌:{})", known.join("、"))
            })
    })
}

/// Ids of every embedded report, in file-name order.
pub fn report_ids() -> Vec<String> {
    REPORTS.with(|reports| match reports {
        Ok(reports) => reports.iter().map(|r| r.report.id.clone()).collect(),
        Err(_) => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_reports_are_equal_when_they_are_the_same_report() {
        let first = report("").unwrap();
        assert_eq!(first, report(&first.report.id).unwrap(), "same report");
        // An identical copy decoded again is another report to the props
        // comparison: equality never looks inside.
        let copy = decode(BUNDLE_BYTES).unwrap().remove(0);
        assert_eq!(*copy, *first, "same content");
        assert_ne!(copy, first);
    }
}
