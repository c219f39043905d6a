//! Where a report's data files live in the build: `data/<report>-figures.csv`,
//! `data/<report>-figures.json`, `data/<report>-<chart>.csv` (downloads), and
//! `data/<report>.<hash>.bin`, the compiled report the viewer fetches. Shared
//! by the prerender step, which writes them, and the components, which link
//! them.
//!
//! Links are made against the folder the viewer's files are served from (the
//! mount's `data-gir-base`, which the boot module fills in), so they work on a
//! portal page that lives elsewhere.

/// The report's figures as CSV (UTF-8 with BOM).
pub fn figures_csv(report_id: &str) -> String {
    format!("data/{report_id}-figures.csv")
}

/// The report's figures as JSON.
pub fn figures_json(report_id: &str) -> String {
    format!("data/{report_id}-figures.json")
}

/// One chart's figures as CSV (UTF-8 with BOM).
pub fn chart_csv(report_id: &str, chart_id: &str) -> String {
    format!("data/{report_id}-{chart_id}.csv")
}

/// The report's page the viewer fetches (bincode, see
/// `page::PageReport::encode`), named by `hash`, a digest of its bytes
/// (hexadecimal), as the wasm is: a new build of a report is a new file, so a
/// browser never takes a cached older one for it (its integrity would fail).
/// Report ids are `[A-Za-z0-9_-]`, so the `.` after the id and the extension
/// keep it apart from every download's name and from another report's file.
pub fn report_data(report_id: &str, hash: &str) -> String {
    format!("data/{report_id}.{hash}.bin")
}

/// The file name a browser saves `path` under.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
