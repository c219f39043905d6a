//! One numbered section: its heading as published, its blocks, and the charts
//! placed after them.

use crate::components::block::BlockView;
use crate::components::chart_figure::ChartFigure;
use crate::components::facts_figure::FactsFigure;
use crate::model::{Block, ChartKind, CompiledReport};
use crate::services::clipboard;
use crate::state::FontSize;
use std::rc::Rc;
use yew::prelude::*;

/// Renders blocks in order, each followed by the charts placed after it (or
/// after one of its list items), drawn for `font_size`.
pub fn blocks_with_charts(
    report: &Rc<CompiledReport>,
    blocks: &[Block],
    font_size: FontSize,
) -> Html {
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
                        html! { <ChartFigure report={report.clone()} chart={chart.clone()} {font_size} /> }
                    }
                    ChartKind::Facts => {
                        html! { <FactsFigure report={report.clone()} chart={chart.clone()} /> }
                    }
                });
            html! {
                <>
                    <BlockView report={report.clone()} block={block.clone()} />
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
    /// Asks to print this section alone (打印本节).
    pub on_print: Callback<Option<String>>,
    /// This section is being printed on its own.
    #[prop_or_default]
    pub printing: bool,
    /// The size this section is shown at (see [`crate::state::FontRollout`]).
    #[prop_or_default]
    pub font_size: FontSize,
}

#[function_component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let section = &props.report.report.sections[props.index];
    let heading_id = format!("{}-heading", section.id);
    // What the copy control last did, announced politely to screen readers.
    let copy_status = use_state(String::new);
    let on_copy = {
        let copy_status = copy_status.clone();
        let id = section.id.clone();
        Callback::from(move |_| {
            let copy_status = copy_status.clone();
            let link = clipboard::link_to(&id);
            let shown = link.clone();
            clipboard::copy(
                link,
                Callback::from(move |copied: bool| {
                    copy_status.set(if copied {
                        "链接已复制".to_string()
                    } else {
                        format!("请手动复制:{shown}")
                    })
                }),
            );
        })
    };
    let on_print = {
        let id = section.id.clone();
        props.on_print.reform(move |_: MouseEvent| Some(id.clone()))
    };
    let class = classes!(
        "gir-section",
        props.font_size.section_class(),
        props.printing.then_some("gir-section--print")
    );
    html! {
        <section {class} id={section.id.clone()} aria-labelledby={heading_id.clone()}>
            <div class="gir-section__head">
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
                <span class="gir-section__status" role="status">{ (*copy_status).clone() }</span>
            </div>
            { blocks_with_charts(&props.report, &section.blocks, props.font_size) }
        </section>
    }
}
