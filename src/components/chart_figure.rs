//! A bar chart: caption, the SVG drawn at build time, and the figures it shows,
//! each linked to the paragraph that states it.
//!
//! Accessibility: the SVG has `role="img"` with a `<title>` and a `<desc>`
//! listing every value; the source list below is a text alternative too.

use crate::model::{Chart, CompiledReport};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    pub report: Rc<CompiledReport>,
    pub chart: Chart,
}

#[function_component]
pub fn ChartFigure(props: &ChartFigureProps) -> Html {
    let chart = &props.chart;
    let report = &props.report.report;
    let caption_id = format!("{}-caption", chart.id);
    let drawing = match props.report.chart_svg(&chart.id) {
        Some(svg) => Html::from_html_unchecked(AttrValue::from(svg.to_string())),
        None => html! { <p class="gir-chart__missing">{ "图表未能生成,数据见下方列表。" }</p> },
    };
    html! {
        <figure class="gir-chart" id={chart.id.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption class="gir-chart__caption" id={caption_id}>{ chart.title.clone() }</figcaption>
            <div class="gir-chart__drawing">{ drawing }</div>
            <div class="gir-chart__sources">
                <p class="gir-chart__sources-title">{ "数据出处(点击查看原文):" }</p>
                <ul class="gir-chart__source-list">
                    { for chart.figures.iter().chain(&chart.notes).filter_map(|id| report.figure(id)).map(|f| html! {
                        <li class="gir-chart__source">
                            <a class="gir-chart__source-link" href={format!("#{}", f.source.block)}>
                                { format!("{}:{}", f.label, f.display_value()) }
                            </a>
                        </li>
                    }) }
                </ul>
            </div>
        </figure>
    }
}
