//! What the page shows instead of a report it cannot show.
//!
//! Accessibility: `role="alert"` so a screen reader announces it at once.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    pub message: AttrValue,
}

#[function_component]
pub fn ErrorNotice(props: &ErrorNoticeProps) -> Html {
    html! {
        <div class="gir-error" role="alert">
            <p class="gir-error__title">{ "报告无法显示" }</p>
            <p class="gir-error__message">{ props.message.clone() }</p>
        </div>
    }
}
