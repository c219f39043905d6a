//! The reader's controls under the metadata: 字体 大 中 小, 高对比度, and the
//! report's data downloads (CSV and JSON of every figure).

use crate::components::font_size_control::FontSizeControl;
use crate::model::CompiledReport;
use crate::state::{FontSize, ViewerState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderToolsProps {
    pub report: Rc<CompiledReport>,
    pub on_font_size: Callback<FontSize>,
    pub on_high_contrast: Callback<bool>,
}

#[function_component]
pub fn ReaderTools(props: &ReaderToolsProps) -> Html {
    let settings = use_context::<ViewerState>().unwrap_or_default();
    let contrast = settings.high_contrast;
    let toggle_contrast = {
        let on_high_contrast = props.on_high_contrast.clone();
        Callback::from(move |_| on_high_contrast.emit(!contrast))
    };
    let id = &props.report.report.id;
    let downloads = &props.report.downloads;
    html! {
        <div class="gir-tools">
            <FontSizeControl current={settings.font_size} on_change={props.on_font_size.clone()} />
            <button type="button"
                class={classes!("gir-tools__button", contrast.then_some("gir-tools__button--current"))}
                aria-pressed={if contrast { "true" } else { "false" }}
                onclick={toggle_contrast}>
                { "高对比度" }
            </button>
            <p class="gir-tools__downloads">
                <span class="gir-tools__label">{ "下载本报告数据:" }</span>
                <a class="gir-tools__link" href={downloads.figures_csv.clone()} download={format!("{id}-figures.csv")}>{ "CSV" }</a>
                <a class="gir-tools__link" href={downloads.figures_json.clone()} download={format!("{id}-figures.json")}>{ "JSON" }</a>
            </p>
        </div>
    }
}
