//! The report bundle compiled by `build.rs` and embedded in the binary.
//!
//! The browser decodes bincode, with decoders derived by bincode itself (no
//! serde visitors, no JSON parser), and gets its chart SVGs ready-made.

use crate::model::{bincode_config, Bundle, CompiledReport};
use std::rc::Rc;

static BUNDLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

type Reports = Result<Vec<Rc<CompiledReport>>, String>;

thread_local! {
    static REPORTS: Reports = decode(BUNDLE_BYTES);
}

/// Decodes a bundle; a broken one becomes a message the page can show.
pub fn decode(bytes: &[u8]) -> Reports {
    bincode::decode_from_slice::<Bundle, _>(bytes, bincode_config())
        .map(|(bundle, _)| bundle.reports.into_iter().map(Rc::new).collect())
        // The bundle is written by this crate's own build script, so a failure
        // means a broken build; the message stays plain to keep error
        // formatting (and its code) out of the viewer.
        .map_err(|_| "内嵌数据无法读取:请重新构建查看器。".to_string())
}

/// The embedded report with this id; the first report when `id` is empty.
pub fn report(id: &str) -> Result<Rc<CompiledReport>, String> {
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
