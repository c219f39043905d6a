//! The root component: picks the report, holds the reader's state, and shows
//! the report or says what failed.

use crate::components::error_notice::ErrorNotice;
use crate::components::report_view::ReportView;
use crate::embedded;
use crate::services::preferences;
use crate::state::{FontSize, ViewerAction, ViewerState};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Id of the embedded report to show; empty means the first one.
    #[prop_or_default]
    pub report_id: AttrValue,
    /// The size to start with (a portal's `data-gir-font-size`); a size the
    /// reader chose earlier takes precedence once the page is live.
    #[prop_or_default]
    pub font_size: FontSize,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.font_size;
    let state = use_reducer_eq(move || ViewerState { font_size: initial });

    // After the first render (never during SSR): apply the remembered choice.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(size) = preferences::stored_font_size() {
                state.dispatch(ViewerAction::SetFontSize(size));
            }
        });
    }
    let on_font_size = {
        let state = state.clone();
        Callback::from(move |size: FontSize| {
            preferences::store_font_size(size);
            state.dispatch(ViewerAction::SetFontSize(size));
        })
    };

    match embedded::report(&props.report_id) {
        Ok(report) => html! {
            <ReportView {report} font_size={state.font_size} {on_font_size} />
        },
        Err(message) => html! { <ErrorNotice message={AttrValue::from(message)} /> },
    }
}
