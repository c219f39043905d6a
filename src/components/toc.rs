//! Table of contents: every section heading as published, with in-page links,
//! and the run-in subsection headings beneath their section. The section being
//! read is marked while scrolling.
//!
//! A `<details>` element, so on a phone it folds away behind "目录" with no
//! script; on wide screens the stylesheet keeps it open as a sticky sidebar.
//! Accessibility: a `<nav>` named 目录; the current section's link carries
//! `aria-current="location"` and is marked by weight and a bar, not colour alone.

use crate::components::raw;
use crate::embedded::SharedPage;
use crate::hooks::use_current_section;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TocProps {
    /// Shared, so a re-render of the report neither clones nor deep-compares it.
    pub report: SharedPage,
}

#[function_component]
pub fn Toc(props: &TocProps) -> Html {
    let report = &props.report;
    let ids: Vec<String> = report.sections.iter().map(|s| s.id.clone()).collect();
    let current = use_current_section(ids);
    html! {
        <nav class="gir-toc" aria-label="目录">
            <details class="gir-toc__disclosure">
                <summary class="gir-toc__title">{ "目录" }</summary>
                <ol class="gir-toc__list">
                    { for report.sections.iter().enumerate().map(|(index, section)| {
                        let is_current = current == Some(index);
                        let mut href = String::from("#");
                        href.push_str(&section.id);
                        html! {
                            <li class="gir-toc__item">
                                <a class={classes!("gir-toc__link", is_current.then_some("gir-toc__link--current"))}
                                    {href}
                                    aria-current={is_current.then_some("location")}>
                                    { section.heading() }
                                </a>
                                if !section.contents.is_empty() {
                                    { raw(&section.contents) }
                                }
                            </li>
                        }
                    }) }
                </ol>
            </details>
        </nav>
    }
}
