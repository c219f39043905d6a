//! Values stated without a drawing — chiefly zero counts, which the report says
//! ("无", "未接到") and an empty chart would only hide.
//!
//! Figures stated by the same words with the same value share one line, so a
//! sentence like "无…投诉举报、行政复议及行政诉讼" is quoted once, not three times.

use crate::components::chart_data_table::ChartDataTable;
use crate::embedded::SharedReport;
use gir_model::anchors::caption_id;
use gir_model::report::{Chart, Figure};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactsFigureProps {
    pub report: SharedReport,
    pub chart: Chart,
}

/// Consecutive figures with the same source words and value, grouped.
fn grouped<'a>(figures: impl Iterator<Item = &'a Figure>) -> Vec<Vec<&'a Figure>> {
    let mut groups: Vec<Vec<&Figure>> = Vec::new();
    for figure in figures {
        match groups.last_mut() {
            Some(group)
                if group[0].source == figure.source
                    && group[0].stated == figure.stated
                    && group[0].display_value() == figure.display_value() =>
            {
                group.push(figure)
            }
            _ => groups.push(vec![figure]),
        }
    }
    groups
}

#[function_component]
pub fn FactsFigure(props: &FactsFigureProps) -> Html {
    let chart = &props.chart;
    let report = &props.report.report;
    let caption_id = caption_id(&chart.id);
    let figures = chart
        .figures
        .iter()
        .chain(&chart.notes)
        .filter_map(|id| report.figure(id));
    html! {
        <figure class="gir-facts" id={chart.id.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption class="gir-facts__caption" id={caption_id}>{ chart.title.clone() }</figcaption>
            <ul class="gir-facts__list">
                { for grouped(figures).into_iter().map(|group| {
                    let labels: Vec<&str> = group.iter().map(|f| f.label.as_str()).collect();
                    let first = group[0];
                    html! {
                        <li class="gir-facts__item">
                            <span class="gir-facts__label">{ labels.join("、") }</span>
                            <strong class="gir-facts__value">{ first.display_value() }</strong>
                            <a class="gir-facts__source" href={format!("#{}", props.report.source_anchor(first))}>
                                { format!("原文:“{}”", first.stated) }
                            </a>
                        </li>
                    }
                }) }
            </ul>
            <ChartDataTable report={props.report.clone()} chart={chart.clone()} />
        </figure>
    }
}
