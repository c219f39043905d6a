//! The root component: picks the report and shows it, or says what failed.

use crate::components::error_notice::ErrorNotice;
use crate::components::report_view::ReportView;
use crate::embedded;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Id of the embedded report to show; empty means the first one.
    #[prop_or_default]
    pub report_id: AttrValue,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    match embedded::report(&props.report_id) {
        Ok(report) => html! { <ReportView {report} /> },
        Err(message) => html! { <ErrorNotice message={AttrValue::from(message)} /> },
    }
}
