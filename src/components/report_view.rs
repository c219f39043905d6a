//! The whole report: skip link, title and metadata, reader tools, panels,
//! table of contents, preamble and sections.

use crate::components::raw;
use crate::components::reader_tools::{reader_tools, ReaderTools};
use crate::components::section::{parts, SectionView};
use crate::components::toc::Toc;
use crate::embedded::SharedPage;
use crate::markup::{report_font_class, section_parts};
use crate::mount::AssetBase;
use crate::state::{FontSize, ViewerState};
use gir_model::anchors::{body_id, title_id};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportViewProps {
    pub report: SharedPage,
    /// The reader's settings (a prop, not a context: only this view and the
    /// reader tools show them; sections get what they show as props).
    pub settings: ViewerState,
    /// Where the viewer's own files (data downloads) are served from.
    #[prop_or_default]
    pub base: AssetBase,
    pub on_font_size: Callback<FontSize>,
    pub on_high_contrast: Callback<bool>,
    /// 打印全文 (`None`) and 打印本节 (`Some(section id)`).
    pub on_print: Callback<Option<String>>,
}

#[function_component]
pub fn ReportView(props: &ReportViewProps) -> Html {
    let settings = &props.settings;
    let report = &props.report;
    let title_id = title_id(&report.id);
    let body_id = body_id(&report.id);
    let mut skip = String::from("#");
    skip.push_str(&body_id);
    let classes = classes!(
        "gir-report",
        report_font_class(settings.font_size),
        settings.high_contrast.then_some("gir-report--contrast"),
        settings
            .print_section
            .is_some()
            .then_some("gir-report--print-section"),
        // The viewer keeps the reading position itself while parts change
        // size (hooks::use_font_size); the browser's anchoring would fight it.
        settings
            .font_rollout
            .is_pending()
            .then_some("gir-report--resizing")
    );
    let tools = reader_tools(ReaderTools {
        report_id: &report.id,
        font_size: settings.font_size,
        high_contrast: settings.high_contrast,
        on_font_size: &props.on_font_size,
        on_high_contrast: &props.on_high_contrast,
        on_print: &props.on_print,
        base: &props.base,
    });
    html! {
        // The report id names the printed pages' running title (see page::print_title_css).
        <article class={classes} lang="zh-CN" aria-labelledby={title_id}
            data-gir-report-id={report.id.clone()}>
            <a class="gir-skip" href={skip}>{ "跳到正文" }</a>
            <header class="gir-report__header">
                { raw(&report.head) }
                { tools }
                if !report.panels.is_empty() {
                    { raw(&report.panels) }
                }
            </header>
            <Toc report={props.report.clone()} />
            <div class="gir-report__body" id={body_id} tabindex="-1">
                { parts(&report.preamble, &props.base, &|_| settings.font_size) }
                { for report.sections.iter().zip(section_parts(report)).enumerate().map(|(index, (section, parts))| {
                    let font_sizes = parts
                        .map(|part| settings.font_rollout.size_of(part, settings.font_size))
                        .collect::<Vec<_>>();
                    html! {
                        <SectionView report={props.report.clone()} {index} base={props.base.clone()}
                            on_print={props.on_print.clone()}
                            printing={settings.print_section.as_deref() == Some(section.id.as_str())}
                            {font_sizes} />
                    }
                }) }
            </div>
        </article>
    }
}
