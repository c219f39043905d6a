//! A bar chart: caption, the SVG drawn at build time for the reader's 字体 size,
//! its figures as a data table (a native disclosure, so it works before any
//! script runs), and a CSV download.
//!
//! Accessibility: the SVG has `role="img"` with a `<title>` and a `<desc>`
//! listing every value; the table has a caption and row/column headers, and
//! each row links to the sentence its figure comes from. Colour is not the only
//! cue: every bar carries its value as text, and "余" values are drawn with a
//! fading tail and explained in a legend.

use crate::components::chart_data_table::ChartDataTable;
use crate::embedded::SharedReport;
use crate::state::FontSize;
use gir_model::anchors::caption_id;
use gir_model::report::Chart;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub report: SharedReport,
    pub chart: Chart,
    /// The size of the text around the chart; its drawing follows it.
    #[prop_or_default]
    pub font_size: FontSize,
}

#[function_component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let chart = &props.chart;
    let caption_id = caption_id(&chart.id);
    let drawing = match props.report.drawings_of(&chart.id) {
        Some(d) => {
            let svg = match props.font_size {
                FontSize::Large => &d.large,
                FontSize::Medium => &d.medium,
                FontSize::Small => &d.small,
            };
            Html::from_html_unchecked(AttrValue::from(svg.clone()))
        }
        None => html! { <p class="gir-chart__missing">{ "图表未能生成,数据见下方数据表。" }</p> },
    };
    html! {
        <figure class="gir-chart" id={chart.id.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption class="gir-chart__caption" id={caption_id}>{ chart.title.clone() }</figcaption>
            <div class="gir-chart__drawing">{ drawing }</div>
            <ChartDataTable report={props.report.clone()} chart={chart.clone()} />
        </figure>
    }
}
