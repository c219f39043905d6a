//! The root component: picks the report, holds the reader's settings (provided
//! to every component as a context), and shows the report or says what failed.

use crate::components::error_notice::ErrorNotice;
use crate::components::report_view::{body_id, ReportView};
use crate::embedded;
use crate::hooks::{use_font_size, use_print_request, use_remembered_settings};
use crate::mount::AssetBase;
use crate::state::{FontSize, ViewerState};
use std::rc::Rc;
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
    let section_ids: Rc<[String]> = (*use_memo(props.report_id.clone(), |id| {
        embedded::report(id)
            .map(|r| {
                r.report
                    .sections
                    .iter()
                    .map(|s| s.id.clone())
                    .collect::<Rc<[String]>>()
            })
            .unwrap_or_default()
    }))
    .clone();
    let on_high_contrast = use_remembered_settings(state.clone());
    let body_id = report
        .as_ref()
        .map(|r| AttrValue::from(body_id(&r.report.id)))
        .unwrap_or_default();
    let on_font_size = use_font_size(state.clone(), section_ids.clone(), body_id);
    let on_print = use_print_request(state.clone(), section_ids);

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
