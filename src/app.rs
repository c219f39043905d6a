//! The root component: picks the report, holds the reader's settings (provided
//! to every component as a context), and shows the report or says what failed.

use crate::components::error_notice::ErrorNotice;
use crate::components::report_view::ReportView;
use crate::embedded;
use crate::mount::AssetBase;
use crate::services::{preferences, print};
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
        ..ViewerState::default()
    });
    let report = embedded::report(&props.report_id);

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
    // `?print=<section id>` prints that section, `?print=all` (or a bare
    // `?print`) the whole report: once, on load. An unknown id prints nothing.
    {
        let state = state.clone();
        let section_ids: Vec<String> = report
            .as_ref()
            .map(|r| r.report.sections.iter().map(|s| s.id.clone()).collect())
            .unwrap_or_default();
        use_effect_with((), move |_| match print::requested().as_deref() {
            None => {}
            Some("" | "all") => state.dispatch(ViewerAction::Print(None)),
            Some(id) if section_ids.iter().any(|s| s == id) => {
                state.dispatch(ViewerAction::Print(Some(id.to_string())))
            }
            Some(id) => print::warn_unknown_section(id),
        });
    }
    // The dialog opens after the render that applied the request, so what it
    // prints is what was asked for; the flag is cleared so it opens only once.
    {
        let state = state.clone();
        use_effect_with(state.print_pending, move |pending| {
            if *pending {
                print::open_dialog();
                state.dispatch(ViewerAction::PrintDialogOpened);
            }
        });
    }
    // Whoever started the print (our buttons or the browser's menu), the whole
    // report comes back once it is over.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let watch = print::watch_after_print(Callback::from(move |_| {
                state.dispatch(ViewerAction::AfterPrint)
            }));
            // Dropping the watch removes its listener.
            move || {
                let _listener = watch;
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

    let on_print = {
        let state = state.clone();
        Callback::from(move |section: Option<String>| state.dispatch(ViewerAction::Print(section)))
    };

    match report {
        Ok(report) => html! {
            <ContextProvider<AssetBase> context={props.asset_base.clone()}>
                <ContextProvider<ViewerState> context={(*state).clone()}>
                    <ReportView {report} {on_font_size} {on_high_contrast} {on_print} />
                </ContextProvider<ViewerState>>
            </ContextProvider<AssetBase>>
        },
        Err(message) => html! { <ErrorNotice message={AttrValue::from(message)} /> },
    }
}
