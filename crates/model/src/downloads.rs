//! Where a report's data files live in the build: `data/<report>-figures.csv`,
//! `data/<report>-figures.json`, `data/<report>-<chart>.csv`. Shared by the
//! prerender step, which writes them, and the components, which link them.
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

/// The file name a browser saves `path` under.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
