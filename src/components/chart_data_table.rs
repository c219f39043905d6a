//! The figures behind a chart as a real table, inside a `<details>` disclosure
//! ("数据表"), with the chart's CSV download beside it.
//!
//! Accessibility: `<caption>`, `<th scope="col">` and `<th scope="row">`; the
//! disclosure is a native control (keyboard and screen readers know it).

use crate::embedded::SharedReport;
use crate::mount::AssetBase;
use gir_model::anchors::chart_table_id;
use gir_model::downloads;
use gir_model::report::Chart;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartDataTableProps {
    pub report: SharedReport,
    pub chart: Chart,
}

#[function_component]
pub fn ChartDataTable(props: &ChartDataTableProps) -> Html {
    let chart = &props.chart;
    let report = &props.report.report;
    let figures = chart
        .figures
        .iter()
        .chain(&chart.notes)
        .filter_map(|id| report.figure(id));
    let base = use_context::<AssetBase>().unwrap_or_default();
    let csv = downloads::chart_csv(&report.id, &chart.id);
    html! {
        <div class="gir-data">
            <details class="gir-data__disclosure">
                <summary class="gir-data__toggle">{ "数据表" }</summary>
                <table class="gir-data__table" id={chart_table_id(&chart.id)}>
                    <caption class="gir-data__caption">{ format!("{}(数据表)", chart.title) }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="gir-data__head">{ "项目" }</th>
                            <th scope="col" class="gir-data__head gir-data__number">{ "数值" }</th>
                            <th scope="col" class="gir-data__head">{ "原文出处" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for figures.map(|f| html! {
                            <tr>
                                <th scope="row" class="gir-data__label">{ f.label.clone() }</th>
                                <td class="gir-data__cell gir-data__number">{ f.display_value() }</td>
                                <td class="gir-data__cell">
                                    <a class="gir-data__source" href={format!("#{}", props.report.source_anchor(f))}>
                                        { format!("“{}”", f.stated) }
                                    </a>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
            <a class="gir-data__download" href={base.url(&csv)} download={downloads::file_name(&csv).to_string()}>
                { "下载数据(CSV)" }
            </a>
        </div>
    }
}
