//! The reader's controls under the metadata: 字体 大 中 小 (the portal
//! convention for text size, as a button group), 高对比度, 打印全文, and the
//! report's data downloads (CSV and JSON of every figure).
//!
//! Accessibility: the sizes are a `role="group"` named 字体; each button says
//! its size and `aria-pressed` tells which one is in force (not colour
//! alone: the pressed button is also outlined and bold), as it tells
//! whether high contrast is on.

use crate::mount::AssetBase;
use crate::state::FontSize;
use gir_model::downloads;
use yew::prelude::*;

/// What the tools show and whom they tell.
pub struct ReaderTools<'a> {
    pub report_id: &'a str,
    /// The 字体 size chosen.
    pub font_size: FontSize,
    pub high_contrast: bool,
    pub on_font_size: &'a Callback<FontSize>,
    pub on_high_contrast: &'a Callback<bool>,
    pub on_print: &'a Callback<Option<String>>,
    pub base: &'a AssetBase,
}

fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

pub fn reader_tools(tools: ReaderTools) -> Html {
    let contrast = tools.high_contrast;
    let toggle_contrast = {
        let on_high_contrast = tools.on_high_contrast.clone();
        Callback::from(move |_| on_high_contrast.emit(!contrast))
    };
    let print_all = tools.on_print.reform(|_: MouseEvent| None);
    let csv = downloads::figures_csv(tools.report_id);
    let json = downloads::figures_json(tools.report_id);
    html! {
        <div class="gir-tools">
            <div class="gir-fontsize" role="group" aria-label="字体">
                <span class="gir-fontsize__label" aria-hidden="true">{ "字体:" }</span>
                { for FontSize::ALL.into_iter().map(|size| {
                    let on_change = tools.on_font_size.clone();
                    let current = size == tools.font_size;
                    html! {
                        <button
                            type="button"
                            class={classes!("gir-fontsize__button", current.then_some("gir-fontsize__button--current"))}
                            aria-pressed={pressed(current)}
                            onclick={Callback::from(move |_| on_change.emit(size))}
                        >
                            { size.label() }
                        </button>
                    }
                }) }
            </div>
            <button type="button"
                class={classes!("gir-tools__button", contrast.then_some("gir-tools__button--current"))}
                aria-pressed={pressed(contrast)}
                onclick={toggle_contrast}>
                { "高对比度" }
            </button>
            <button type="button" class="gir-tools__button" onclick={print_all}>{ "打印全文" }</button>
            <p class="gir-tools__downloads">
                <span class="gir-tools__label">{ "下载本报告数据:" }</span>
                <a class="gir-tools__link" href={tools.base.url(&csv)} download={downloads::file_name(&csv).to_string()}>{ "CSV" }</a>
                <a class="gir-tools__link" href={tools.base.url(&json)} download={downloads::file_name(&json).to_string()}>{ "JSON" }</a>
            </p>
        </div>
    }
}
