//! The whole report: title, metadata, table of contents, preamble, sections.

use crate::components::font_size_control::FontSizeControl;
use crate::components::metadata::MetadataBlock;
use crate::components::section::{blocks_with_charts, SectionView};
use crate::components::toc::Toc;
use crate::model::CompiledReport;
use crate::state::FontSize;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportViewProps {
    pub report: Rc<CompiledReport>,
    pub font_size: FontSize,
    pub on_font_size: Callback<FontSize>,
}

#[function_component]
pub fn ReportView(props: &ReportViewProps) -> Html {
    let report = &props.report.report;
    let title_id = format!("{}-title", report.id);
    html! {
        <article class={classes!("gir-report", props.font_size.class())} lang="zh-CN" aria-labelledby={title_id.clone()}>
            <header class="gir-report__header">
                <h1 class="gir-report__title" id={title_id}>{ report.title.clone() }</h1>
                <MetadataBlock meta={report.meta.clone()} />
                <FontSizeControl current={props.font_size} on_change={props.on_font_size.clone()} />
            </header>
            <Toc report={report.clone()} />
            <div class="gir-report__body">
                { blocks_with_charts(&props.report, &report.preamble) }
                { for (0..report.sections.len()).map(|index| html! {
                    <SectionView report={props.report.clone()} {index} />
                }) }
            </div>
        </article>
    }
}
