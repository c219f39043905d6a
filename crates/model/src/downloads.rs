//! Where a report's data files live in the build: `data/<report>-figures.csv`,
//! `data/<report>-figures.json`, `data/<report>-<chart>.csv` (downloads), and
//! `data/<report>.<hash>.bin`, the compiled report the viewer fetches. Shared
//! by the prerender step, which writes them, and the components, which link
//! them.
//!
//! Links are made against the folder the viewer's files are served from (the
//! mount's `data-gir-base`, which the boot module fills in), so they work on a
//! portal page that lives elsewhere.

/// The pages a site has of its own besides the reports' `<id>.html`, by
/// the stem of their names: the site generator writes them under these
/// names, and a report id must never be one ([`is_site_page`]), or its
/// page and the site's would be one file.
pub mod site_pages {
    /// `index.html`: the library's index, or a single report's page.
    pub const INDEX: &str = "index";
    /// `portal-demo.html` and `portal-iframe.html`: the embedding demos.
    pub const PORTAL_DEMO: &str = "portal-demo";
    pub const PORTAL_IFRAME: &str = "portal-iframe";
    /// `body-<hash>.html` and `year-<year>.html`: a library's pages.
    pub const BODY_PREFIX: &str = "body-";
    pub const YEAR_PREFIX: &str = "year-";
    /// The viewer's own files (`gir-viewer.js`, `gir-library.js`,
    /// `gir-screen.<hash>.css` …) and the wasm and glue (`viewer-<hash>…`):
    /// not pages, but an id in their shape would read as one of them.
    pub const VIEWER_PREFIXES: [&str; 3] = ["gir-", "viewer-", "demo-portal"];
}

/// The longest report id: it names the report's files (`<id>.html`,
/// `data/<id>.<hash>.bin` …), and a file name has at most 255 bytes.
pub const MAX_REPORT_ID_CHARS: usize = 64;

/// Whether a report named `id` would take a name the site gives a file of
/// its own (see [`site_pages`]).
pub fn is_site_page(id: &str) -> bool {
    use site_pages::*;
    id == INDEX
        || id == PORTAL_DEMO
        || id == PORTAL_IFRAME
        || id.starts_with(BODY_PREFIX)
        || id.starts_with(YEAR_PREFIX)
        || VIEWER_PREFIXES.iter().any(|prefix| id.starts_with(prefix))
}

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
