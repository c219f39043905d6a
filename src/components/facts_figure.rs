//! Values stated without a drawing — chiefly zero counts, which the report says
//! ("无", "未接到") and an empty chart would only hide.

use crate::model::{Chart, CompiledReport};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FactsFigureProps {
    pub report: Rc<CompiledReport>,
    pub chart: Chart,
}

#[function_component]
pub fn FactsFigure(props: &FactsFigureProps) -> Html {
    let chart = &props.chart;
    let report = &props.report.report;
    let caption_id = format!("{}-caption", chart.id);
    html! {
        <figure class="gir-facts" id={chart.id.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption class="gir-facts__caption" id={caption_id}>{ chart.title.clone() }</figcaption>
            <ul class="gir-facts__list">
                { for chart.figures.iter().chain(&chart.notes).filter_map(|id| report.figure(id)).map(|f| html! {
                    <li class="gir-facts__item">
                        <span class="gir-facts__label">{ f.label.clone() }</span>
                        <strong class="gir-facts__value">{ f.display_value() }</strong>
                        <a class="gir-facts__source" href={format!("#{}", f.source.block)}>
                            { format!("原文:“{}”", f.stated) }
                        </a>
                    </li>
                }) }
            </ul>
        </figure>
    }
}
