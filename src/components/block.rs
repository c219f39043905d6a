//! A block of running text: paragraph, paragraph with a run-in subsection
//! heading, or a list of ordinal items (一是 …). Labels are printed exactly as
//! published, "()" included.
//!
//! Sentences that figures are quoted from are wrapped in
//! `<span class="gir-quote" id=…>`, so a chart's "原文" link lands on the very
//! sentence and `:target` highlights it. The text itself is unchanged.

use crate::components::standard_table::StandardTableView;
use crate::embedded::SharedReport;
use gir_model::bundle::{repeat_pieces, segments, CompiledReport};
use gir_model::report::Block;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub report: SharedReport,
    pub block: Block,
}

/// `text`, which starts at byte `offset` of the printed paragraph `anchor`,
/// with its quoted sentences (found at build time) marked, and within them
/// the sentences repeated from the year before (内容雷同), which the 内容雷同
/// panel's checkbox highlights (CSS only: it works before the viewer starts).
fn marked_text(report: &CompiledReport, anchor: &str, text: &str, offset: usize) -> Html {
    let repeated = report.repeated_spans(anchor);
    let mut at = offset;
    segments(text, offset, report.quote_spans(anchor))
        .into_iter()
        .map(|segment| {
            let start = at;
            at += segment.text.len();
            let inner: Html = if repeated.is_empty() {
                html! { { segment.text.clone() } }
            } else {
                repeat_pieces(&segment.text, start, &repeated)
                    .into_iter()
                    .map(|(piece, span)| match span {
                        Some(span) => html! {
                            <span class="gir-repeat" title={format!("上年原句:{}", span.previous)}>{ piece }</span>
                        },
                        None => html! { { piece } },
                    })
                    .collect()
            };
            match segment.anchor {
                Some(id) => html! { <span class="gir-quote" {id}>{ inner }</span> },
                None => inner,
            }
        })
        .collect()
}

#[function_component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    let report = &props.report;
    match &props.block {
        Block::Paragraph(p) => html! {
            <p class="gir-p" id={p.id.clone()}>{ marked_text(report, &p.id, &p.text, 0) }</p>
        },
        Block::Subsection(s) => {
            let offset = s.label.len() + s.title.len();
            html! {
                <p class="gir-p gir-p--sub" id={s.id.clone()}>
                    <span class="gir-p__label">{ s.label.clone() }</span>
                    <strong class="gir-p__lead">{ s.title.clone() }</strong>
                    { marked_text(report, &s.id, &s.text, offset) }
                </p>
            }
        }
        Block::List(list) => html! {
            <ol class="gir-list" id={list.id.clone()}>
                { for list.items.iter().map(|item| {
                    html! {
                        <li class="gir-list__item" id={item.id.clone()}>
                            <span class="gir-list__label">{ item.label.clone() }</span>
                            { marked_text(report, &item.id, &item.text, item.label.len()) }
                        </li>
                    }
                }) }
            </ol>
        },
        Block::Table(table) => html! {
            <StandardTableView report={report.clone()} table={table.clone()} />
        },
    }
}
