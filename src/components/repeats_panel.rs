//! 内容雷同: the sentences a report repeats from its body's report of the
//! year before, found at build time (verbatim, or with only numbers and
//! years changed, or nearly). A panel beside 数据校验 lists each with the
//! previous year's sentence; its checkbox highlights them in the text. The
//! checkbox works by CSS alone (`:has`), before and without the viewer.

use crate::embedded::SharedReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RepeatsPanelProps {
    pub report: SharedReport,
}

#[function_component]
pub fn RepeatsPanel(props: &RepeatsPanelProps) -> Html {
    let Some(repeats) = &props.report.repeats else {
        return html! {};
    };
    let report = &props.report.report;
    let id = format!("{}-repeats", report.id);
    let toggle = format!("{}-repeats-toggle", report.id);
    let share = format!(
        "{}.{}%",
        repeats.share_per_mille / 10,
        repeats.share_per_mille % 10
    );
    let summary = if repeats.sentences.is_empty() {
        format!("内容雷同:未发现与{}年报告雷同的句子", repeats.previous_year)
    } else {
        format!(
            "内容雷同:{}句与{}年报告相同或近似,占正文{}",
            repeats.sentences.len(),
            repeats.previous_year,
            share
        )
    };
    html! {
        <details class="gir-repeats" {id}>
            <summary class="gir-repeats__summary">{ summary }</summary>
            <p class="gir-repeats__intro">
                { format!("与本机关{}年报告比较(数字、年份不同的句子也计为雷同)。正文按原文显示。", repeats.previous_year) }
            </p>
            if !repeats.sentences.is_empty() {
                <p class="gir-repeats__control">
                    <input type="checkbox" class="gir-repeats__toggle" id={toggle.clone()} />
                    <label for={toggle}>{ "在正文中标出这些句子" }</label>
                </p>
                <ol class="gir-repeats__list">
                    { for repeats.sentences.iter().map(|s| {
                        let text = report
                            .printed_paragraphs()
                            .into_iter()
                            .find(|(_, anchor, _)| *anchor == s.block)
                            .and_then(|(_, _, printed)| {
                                printed.get(s.start as usize..(s.start + s.len) as usize).map(str::to_string)
                            })
                            .unwrap_or_default();
                        html! {
                            <li class="gir-repeats__item">
                                <p class="gir-repeats__this"><a href={format!("#{}", s.block)}>{ text }</a></p>
                                <p class="gir-repeats__previous">
                                    { format!("{}年:{}", repeats.previous_year, s.previous) }
                                    { if s.verbatim { "(原文相同)" } else { "(近似)" } }
                                </p>
                            </li>
                        }
                    }) }
                </ol>
            }
        </details>
    }
}
