//! The root component: picks the report, holds the reader's settings (provided
//! to every component as a context), and shows the report or says what failed.

use crate::components::error_notice::ErrorNotice;
use crate::components::report_view::ReportView;
use crate::embedded;
use crate::mount::AssetBase;
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
    /// Where the viewer's own files (data downloads) are served from.
    #[prop_or_default]
    pub asset_base: AssetBase,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.font_size;
    let state = use_reducer_eq(move || ViewerState {
        font_size: initial,
        high_contrast: false,
    });

    // After the first render (never during SSR, so hydration sees the
    // prerendered markup): apply the reader's remembered choices.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(size) = preferences::stored_font_size() {
                state.dispatch(ViewerAction::SetFontSize(size));
            }
            if let Some(on) = preferences::stored_high_contrast() {
                state.dispatch(ViewerAction::SetHighContrast(on));
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
    let on_high_contrast = {
        let state = state.clone();
        Callback::from(move |on: bool| {
            preferences::store_high_contrast(on);
            state.dispatch(ViewerAction::SetHighContrast(on));
        })
    };

    match embedded::report(&props.report_id) {
        Ok(report) => html! {
            <ContextProvider<AssetBase> context={props.asset_base.clone()}>
                <ContextProvider<ViewerState> context={*state}>
                    <ReportView {report} {on_font_size} {on_high_contrast} />
                </ContextProvider<ViewerState>>
            </ContextProvider<AssetBase>>
        },
        Err(message) => html! { <ErrorNotice message={AttrValue::from(message)} /> },
    }
}
