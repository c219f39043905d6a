//! What the page shows instead of a report it cannot show.
//!
//! Accessibility: `role="alert"` so a screen reader announces it at once.

use yew::prelude::*;

pub fn error_notice(message: String) -> Html {
    html! {
        <div class="gir-error" role="alert">
            <p class="gir-error__title">{ "报告无法显示" }</p>
            <p class="gir-error__message">{ message }</p>
        </div>
    }
}
