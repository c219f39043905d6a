//! The reader's controls under the metadata: 字体 大 中 小, 高对比度, 打印全文,
//! and the report's data downloads (CSV and JSON of every figure).

use crate::components::font_size_control::FontSizeControl;
use crate::embedded::SharedReport;
use crate::mount::AssetBase;
use crate::state::FontSize;
use gir_model::downloads;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderToolsProps {
    pub report: SharedReport,
    /// The 字体 size chosen.
    pub font_size: FontSize,
    pub high_contrast: bool,
    pub on_font_size: Callback<FontSize>,
    pub on_high_contrast: Callback<bool>,
    pub on_print: Callback<Option<String>>,
}

#[function_component]
pub fn ReaderTools(props: &ReaderToolsProps) -> Html {
    let contrast = props.high_contrast;
    let toggle_contrast = {
        let on_high_contrast = props.on_high_contrast.clone();
        Callback::from(move |_| on_high_contrast.emit(!contrast))
    };
    let print_all = props.on_print.reform(|_: MouseEvent| None);
    let base = use_context::<AssetBase>().unwrap_or_default();
    let csv = downloads::figures_csv(&props.report.report.id);
    let json = downloads::figures_json(&props.report.report.id);
    html! {
        <div class="gir-tools">
            <FontSizeControl current={props.font_size} on_change={props.on_font_size.clone()} />
            <button type="button"
                class={classes!("gir-tools__button", contrast.then_some("gir-tools__button--current"))}
                aria-pressed={if contrast { "true" } else { "false" }}
                onclick={toggle_contrast}>
                { "高对比度" }
            </button>
            <button type="button" class="gir-tools__button" onclick={print_all}>{ "打印全文" }</button>
            <p class="gir-tools__downloads">
                <span class="gir-tools__label">{ "下载本报告数据:" }</span>
                <a class="gir-tools__link" href={base.url(&csv)} download={downloads::file_name(&csv).to_string()}>{ "CSV" }</a>
                <a class="gir-tools__link" href={base.url(&json)} download={downloads::file_name(&json).to_string()}>{ "JSON" }</a>
            </p>
        </div>
    }
}
