//! The root component: picks the report, holds the reader's settings (passed
//! down as props, so a change re-renders only what shows it), and shows the
//! report or says what failed.

use crate::components::error_notice::error_notice;
use crate::components::report_view::ReportView;
use crate::embedded::SharedPage;
use crate::hooks::{use_font_size, use_print_request, use_remembered_settings};
use crate::mount::{AssetBase, MountConfig};
use crate::state::{FontSize, ViewerState};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Id of the report the mount asked for, named in the notice when
    /// there is no `report`.
    #[prop_or_default]
    pub report_id: AttrValue,
    /// The report's page: the browser entry decodes each mount's from its
    /// data file, the site generator compiles it from its dataset. `None`:
    /// the report could not be had, and the app says so.
    #[prop_or_default]
    pub report: Option<SharedPage>,
    /// The size to start with (a portal's `data-gir-font-size`); a size the
    /// reader chose earlier takes precedence once the page is live.
    #[prop_or_default]
    pub font_size: FontSize,
    /// Where the viewer's own files (data downloads) are served from.
    #[prop_or_default]
    pub asset_base: AssetBase,
}

impl From<MountConfig> for AppProps {
    fn from(config: MountConfig) -> Self {
        AppProps {
            report_id: config.report_id.into(),
            font_size: config.font_size,
            asset_base: config.asset_base,
            report: None,
        }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.font_size;
    let state = use_reducer_eq(move || ViewerState {
        font_size: initial,
        ..ViewerState::default()
    });
    let report = props
        .report
        .clone()
        .ok_or_else(|| format!("没有编号为“{}”的报告", props.report_id));
    let shown = report.as_ref().ok().cloned();
    let on_high_contrast = use_remembered_settings(state.clone());
    let on_font_size = use_font_size(state.clone(), shown.clone());
    let on_print = use_print_request(state.clone(), shown);

    match report {
        Ok(report) => html! {
            <ReportView {report} settings={(*state).clone()} base={props.asset_base.clone()}
                {on_font_size} {on_high_contrast} {on_print} />
        },
        Err(message) => error_notice(message),
    }
}
