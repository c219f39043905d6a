//! `report-viewer render`: the page of one dataset, rendered by the viewer's
//! own server-side rendering (the code the build prerenders pages with),
//! to preview it without a wasm build. The page runs no script: what it
//! shows is what a reader sees before the viewer starts, or with
//! JavaScript off.

use crate::check::Finding;
use gir::embedded::SharedPage;
use gir::state::FontSize;
use gir_compile::load::load_report;
use gir_compile::page::page_report;
use gir_compile::pipeline::compile_report;
use gir_site::page;

use gir_site::viewer::STYLESHEET as VIEWER_CSS;

/// A rendered preview.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The HTML page.
    pub page: String,
}

/// Renders the dataset `json` (`file` names it in findings) as one page:
/// the viewer's stylesheet with the report's printed running title in it,
/// or, with `stylesheet_href`, a link to that instead. The dataset's
/// errors, as `check` reports them, when it does not load.
pub fn render_json(
    file: &str,
    json: &str,
    stylesheet_href: Option<&str>,
) -> Result<Rendered, Vec<Finding>> {
    let report = load_report(file, json)
        .map_err(|errors| errors.into_iter().map(Finding::from).collect::<Vec<_>>())?;
    let compiled = compile_report(report);
    let font_size = FontSize::default();
    let report_page = SharedPage::new(page_report(&compiled));
    let inner = futures::executor::block_on(page::render_preview(report_page, font_size));
    let report = &compiled.report;
    let mount = page::mount_element(&report.id, font_size, &inner);
    let mut stylesheet = VIEWER_CSS.to_string();
    stylesheet.push_str(&page::print_title_css([(
        report.id.as_str(),
        report.title.as_str(),
    )]));
    let style = match stylesheet_href {
        Some(href) => page::PreviewStyle::Linked(href),
        None => page::PreviewStyle::Inline(&stylesheet),
    };
    Ok(Rendered {
        page: page::preview_document(&report.title, &mount, style),
    })
}
