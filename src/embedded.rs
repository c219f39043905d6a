//! The report the viewer shows, as its components share it.
//!
//! No build embeds a report. The site generator (`crates/site`) compiles
//! each dataset when it builds a site and hands the report's page to the
//! components it prerenders; in the browser the boot module fetches the
//! data file of each mount's report (`data/<id>.<hash>.bin`, its page) and
//! the browser entry decodes it with [`decode_report`] and hands it to the
//! app. The browser decodes bincode, with decoders derived by bincode itself
//! (no serde visitors, no JSON parser), and gets the markup of the text,
//! tables and panels and its chart SVGs ready-made (see `gir_model::page`).

use gir_model::bundle::CompiledReport;
use gir_model::page::PageReport;
use std::rc::Rc;

/// A compiled report (native: the site generator's exports and library
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
    /// A page to share among components: one compiled by the site
    /// generator, one decoded from its data file, or one made by a test.
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
