//! The portal's metadata block (索引号, 发布机构 …) as a description list.
//!
//! Fields the portal leaves empty stay empty: the `<dd>` is rendered with no
//! text rather than a placeholder, so nothing is invented.

use crate::embedded::SharedReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetadataBlockProps {
    /// The report whose metadata this is (shared: a re-render of the report
    /// view neither copies nor compares the fields).
    pub report: SharedReport,
}

#[function_component]
pub fn MetadataBlock(props: &MetadataBlockProps) -> Html {
    html! {
        <dl class="gir-meta">
            { for props.report.report.meta.fields().into_iter().map(|(label, value)| html! {
                <div class={classes!("gir-meta__row", value.is_empty().then_some("gir-meta__row--empty"))}>
                    <dt class="gir-meta__label">{ label }</dt>
                    <dd class="gir-meta__value">{ value.to_string() }</dd>
                </div>
            }) }
        </dl>
    }
}
