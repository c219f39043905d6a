//! One numbered section: its heading as published, its blocks, and the charts
//! placed after them.

use crate::components::block::BlockView;
use crate::components::chart_figure::ChartFigure;
use crate::components::facts_figure::FactsFigure;
use crate::model::{Block, ChartKind, CompiledReport};
use std::rc::Rc;
use yew::prelude::*;

/// Renders blocks in order, each followed by the charts placed after it (or
/// after one of its list items).
pub fn blocks_with_charts(report: &Rc<CompiledReport>, blocks: &[Block]) -> Html {
    blocks
        .iter()
        .map(|block| {
            let anchors: Vec<&str> = block
                .printed_paragraphs()
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let charts = report
                .report
                .charts
                .iter()
                .filter(|c| c.after == block.id() || anchors.contains(&c.after.as_str()))
                .map(|chart| match chart.kind {
                    ChartKind::Bars => {
                        html! { <ChartFigure report={report.clone()} chart={chart.clone()} /> }
                    }
                    ChartKind::Facts => {
                        html! { <FactsFigure report={report.clone()} chart={chart.clone()} /> }
                    }
                });
            html! {
                <>
                    <BlockView block={block.clone()} />
                    { for charts }
                </>
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub report: Rc<CompiledReport>,
    pub index: usize,
}

#[function_component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let section = &props.report.report.sections[props.index];
    let heading_id = format!("{}-heading", section.id);
    html! {
        <section class="gir-section" id={section.id.clone()} aria-labelledby={heading_id.clone()}>
            <h2 class="gir-section__heading" id={heading_id}>
                <span class="gir-section__label">{ section.label.clone() }</span>
                { section.title.clone() }
            </h2>
            { blocks_with_charts(&props.report, &section.blocks) }
        </section>
    }
}
