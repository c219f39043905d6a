//! One numbered section: its heading as published, its blocks, and the charts
//! placed after them.

use crate::components::block::BlockView;
use crate::components::chart_figure::ChartFigure;
use crate::components::facts_figure::FactsFigure;
use crate::embedded::SharedReport;
use crate::hooks::use_copy_link;
use crate::markup::{part_font_class, PART_CLASS};
use crate::state::FontSize;
use gir_model::anchors::heading_id;
use gir_model::report::{Block, ChartKind};
use yew::prelude::*;

/// Renders blocks in order, each followed by the charts placed after it (or
/// after one of its list items). Each block and its charts form one part of
/// the text with its own 字体 size, `font_size(i)` for the `i`-th block (see
/// [`crate::state::FontRollout`]).
pub fn blocks_with_charts(
    report: &SharedReport,
    blocks: &[Block],
    // `dyn`, so the browser build carries one copy of this function.
    font_size: &dyn Fn(usize) -> FontSize,
) -> Html {
    blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let font_size = font_size(i);
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
                        html! { <ChartFigure report={report.clone()} chart={chart.clone()} {font_size} /> }
                    }
                    ChartKind::Facts => {
                        html! { <FactsFigure report={report.clone()} chart={chart.clone()} /> }
                    }
                });
            html! {
                <div class={classes!(PART_CLASS, part_font_class(font_size))}>
                    <BlockView report={report.clone()} block={block.clone()} />
                    { for charts }
                </div>
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub report: SharedReport,
    pub index: usize,
    /// Asks to print this section alone (打印本节).
    pub on_print: Callback<Option<String>>,
    /// This section is being printed on its own.
    #[prop_or_default]
    pub printing: bool,
    /// The size each part of this section is shown at: its head, then each
    /// block with its charts (see [`crate::state::FontRollout`]). Missing
    /// entries are shown at the medium size.
    #[prop_or_default]
    pub font_sizes: Vec<FontSize>,
}

#[function_component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let section = &props.report.report.sections[props.index];
    let heading_id = heading_id(&section.id);
    // What the copy control last did is announced politely to screen readers.
    let (copy_status, on_copy) = use_copy_link(&section.id);
    let on_print = {
        let id = section.id.clone();
        props.on_print.reform(move |_: MouseEvent| Some(id.clone()))
    };
    let class = classes!(
        "gir-section",
        props.printing.then_some("gir-section--print")
    );
    let size = |part: usize| props.font_sizes.get(part).copied().unwrap_or_default();
    html! {
        <section {class} id={section.id.clone()} aria-labelledby={heading_id.clone()}>
            <div class={classes!("gir-section__head", PART_CLASS, part_font_class(size(0)))}>
                <h2 class="gir-section__heading" id={heading_id}>
                    <span class="gir-section__label">{ section.label.clone() }</span>
                    { section.title.clone() }
                </h2>
                <button type="button" class="gir-section__copy" onclick={on_copy}
                    aria-label={format!("复制本节链接:{}", section.heading())}>
                    { "复制本节链接" }
                </button>
                <button type="button" class="gir-section__print" onclick={on_print}
                    aria-label={format!("打印本节:{}", section.heading())}>
                    { "打印本节" }
                </button>
                <span class="gir-section__status" role="status">{ copy_status }</span>
            </div>
            { blocks_with_charts(&props.report, &section.blocks, &|i| size(1 + i)) }
        </section>
    }
}
