//! Yew components. Each renders from props only, with no browser calls, so the
//! same tree is rendered ahead of time (SSR) and hydrated in the browser.

pub mod block;
pub mod chart_data_table;
pub mod chart_figure;
pub mod checks_panel;
pub mod error_notice;
pub mod facts_figure;
pub mod font_size_control;
pub mod metadata;
pub mod reader_tools;
pub mod repeats_panel;
pub mod report_view;
pub mod section;
pub mod standard_table;
pub mod toc;
