//! Yew components. Each renders from props only, with no browser calls, so the
//! same tree is rendered ahead of time (SSR) and hydrated in the browser.
//!
//! They render what changes while a page is read (the 字体 size of each
//! part of the text, the bar chart drawn for it, the 目录's current section,
//! the reader's tools, links to the data files) around the markup of what
//! never changes, which the build wrote (`gir_compile::page`) and the
//! report's page carries ([`gir_model::page`]): a reader's browser carries
//! no renderer of paragraphs, tables or panels, and hydration finds the
//! markup the build prerendered.

pub mod chart;
pub mod error_notice;
pub mod reader_tools;
pub mod report_view;
pub mod section;
pub mod toc;

use gir_model::page::Markup;
use yew::{AttrValue, Html};

/// Markup the build wrote, put in the page as it is (hydration adopts the
/// prerendered nodes; a fresh render parses it). The same string every
/// render: reconciling compares it and leaves the nodes alone.
pub(crate) fn raw(markup: &Markup) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup.clone()))
}
