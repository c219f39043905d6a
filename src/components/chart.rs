//! A chart placed after a block: a bar chart (its caption, the SVG drawn at
//! build time for the reader's 字体 size, its figures as a data table) or a
//! box of values stated without a drawing; both with their CSV download.
//! What never changes is the build's markup (`gir_compile::page`); the
//! drawing follows the size, and the download's link the viewer's folder.
//!
//! Accessibility: the SVG has `role="img"` with a `<title>` and a `<desc>`
//! listing every value; the data table (a native disclosure, so it works
//! before any script runs) has a caption and row/column headers, and each
//! row links to the sentence its figure comes from. Colour is not the only
//! cue: every bar carries its value as text, and "余" values are drawn with
//! a fading tail and explained in a legend.

use crate::components::raw;
use crate::mount::AssetBase;
use crate::state::FontSize;
use gir_model::downloads;
use gir_model::page::PageChart;
use gir_model::report::ChartKind;
use yew::prelude::*;

/// The chart, drawn for the text around it at `font_size`.
pub fn chart(chart: &PageChart, font_size: FontSize, base: &AssetBase) -> Html {
    let mut caption_id = chart.id.clone();
    caption_id.push_str("-caption");
    let class = match chart.kind {
        ChartKind::Bars => "gir-chart",
        ChartKind::Facts => "gir-facts",
    };
    let drawing = chart.drawings.as_ref().map(|d| match font_size {
        FontSize::Large => &d.large,
        FontSize::Medium => &d.medium,
        FontSize::Small => &d.small,
    });
    html! {
        <figure {class} id={chart.id.clone()} aria-labelledby={caption_id}>
            { raw(&chart.head) }
            if let Some(drawing) = drawing {
                <div class="gir-chart__drawing">{ raw(drawing) }</div>
            }
            <div class="gir-data">
                { raw(&chart.table) }
                <a class="gir-data__download" href={base.url(&chart.csv)}
                    download={downloads::file_name(&chart.csv).to_string()}>
                    { "下载数据(CSV)" }
                </a>
            </div>
        </figure>
    }
}
