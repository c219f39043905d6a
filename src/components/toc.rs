//! Table of contents: every section heading as published, with in-page links,
//! and the run-in subsection headings beneath their section.
//!
//! Accessibility: a `<nav>` named by its visible title.

use crate::model::{Block, Report};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TocProps {
    pub report: Report,
}

#[function_component]
pub fn Toc(props: &TocProps) -> Html {
    let title_id = format!("{}-toc-title", props.report.id);
    html! {
        <nav class="gir-toc" aria-labelledby={title_id.clone()}>
            <p class="gir-toc__title" id={title_id}>{ "目录" }</p>
            <ol class="gir-toc__list">
                { for props.report.sections.iter().map(|section| {
                    let subsections: Vec<Html> = section.blocks.iter().filter_map(|b| match b {
                        Block::Subsection(s) => Some(html! {
                            <li class="gir-toc__item gir-toc__item--sub">
                                <a class="gir-toc__link" href={format!("#{}", s.id)}>{ format!("{}{}", s.label, s.title) }</a>
                            </li>
                        }),
                        _ => None,
                    }).collect();
                    html! {
                        <li class="gir-toc__item">
                            <a class="gir-toc__link" href={format!("#{}", section.id)}>{ section.heading() }</a>
                            if !subsections.is_empty() {
                                <ol class="gir-toc__sublist">{ for subsections }</ol>
                            }
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
