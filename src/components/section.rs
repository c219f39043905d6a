//! One numbered section: its heading as published, its copy-link and print
//! controls, and its parts: each block with the charts placed after it.

use crate::components::chart::chart;
use crate::components::raw;
use crate::embedded::SharedPage;
use crate::hooks::use_copy_link;
use crate::markup::{part_font_class, PART_CLASS};
use crate::mount::AssetBase;
use crate::state::FontSize;
use gir_model::anchors::heading_id;
use gir_model::page::PagePart;
use yew::prelude::*;

/// Renders parts in order: each block's markup followed by its charts. Each
/// part has its own 字体 size, `font_size(i)` for the `i`-th (see
/// [`crate::state::FontRollout`]).
pub fn parts(
    parts: &[PagePart],
    base: &AssetBase,
    // `dyn`, so the browser build carries one copy of this function.
    font_size: &dyn Fn(usize) -> FontSize,
) -> Html {
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let font_size = font_size(i);
            html! {
                <div class={classes!(PART_CLASS, part_font_class(font_size))}>
                    { raw(&part.block) }
                    { for part.charts.iter().map(|c| chart(c, font_size, base)) }
                </div>
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub report: SharedPage,
    pub index: usize,
    /// Where the viewer's own files (data downloads) are served from.
    #[prop_or_default]
    pub base: AssetBase,
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
    let section = &props.report.sections[props.index];
    let heading_id = heading_id(&section.id);
    let heading = section.heading();
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
    let label = |action: &str| {
        let mut label = action.to_string();
        label.push_str(&heading);
        label
    };
    html! {
        <section {class} id={section.id.clone()} aria-labelledby={heading_id.clone()}>
            <div class={classes!("gir-section__head", PART_CLASS, part_font_class(size(0)))}>
                <h2 class="gir-section__heading" id={heading_id}>
                    <span class="gir-section__label">{ section.label.clone() }</span>
                    { section.title.clone() }
                </h2>
                <button type="button" class="gir-section__copy" onclick={on_copy}
                    aria-label={label("复制本节链接:")}>
                    { "复制本节链接" }
                </button>
                <button type="button" class="gir-section__print" onclick={on_print}
                    aria-label={label("打印本节:")}>
                    { "打印本节" }
                </button>
                <span class="gir-section__status" role="status">{ copy_status }</span>
            </div>
            { parts(&section.parts, &props.base, &|i| size(1 + i)) }
        </section>
    }
}
