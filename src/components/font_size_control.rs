//! 字体 大 中 小: the portal convention for text size, as a button group.
//!
//! Accessibility: a `role="group"` named 字体; each button says its size and
//! `aria-pressed` tells which one is in force (not colour alone: the pressed
//! button is also outlined and bold).

use crate::state::FontSize;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FontSizeControlProps {
    pub current: FontSize,
    pub on_change: Callback<FontSize>,
}

#[function_component]
pub fn FontSizeControl(props: &FontSizeControlProps) -> Html {
    html! {
        <div class="gir-fontsize" role="group" aria-label="字体">
            <span class="gir-fontsize__label" aria-hidden="true">{ "字体:" }</span>
            { for FontSize::ALL.into_iter().map(|size| {
                let on_change = props.on_change.clone();
                let pressed = size == props.current;
                html! {
                    <button
                        type="button"
                        class={classes!("gir-fontsize__button", pressed.then_some("gir-fontsize__button--current"))}
                        aria-pressed={if pressed { "true" } else { "false" }}
                        onclick={Callback::from(move |_| on_change.emit(size))}
                    >
                        { size.label() }
                    </button>
                }
            }) }
        </div>
    }
}
