//! From a report's JSON dataset to what the viewer embeds, at build time:
//! never compiled into the browser build.
//!
//! - [`load`]: parse and check a dataset, every error with `file:line:column`.
//! - [`checks`]: the structural rules a dataset must follow (ids, figures
//!   traceable to their sentence, charts, table layouts), and editorial notes.
//! - [`rules`]: the consistency rules (勾稽关系) of the standard tables.
//! - [`table_charts`]: charts derived from the standard tables.
//! - [`charts`]: bar charts drawn as SVG strings.
//! - [`export`]: the data downloads (CSV, JSON).
//! - [`library`]: a portal's library of reports: each report's body and
//!   year, figures year over year and across bodies, text copied from the
//!   year before (内容雷同).
//! - [`pipeline`]: a checked report compiled into the embedded form.
//! - [`page`]: a compiled report as its page shows it (the browser's data
//!   file): the markup of all a reader never changes.
//! - [`numerals`] and [`problem`]: the numbers of report text, and what a
//!   check reports; [`spans`]: where each item is written in the JSON, so a
//!   problem gets its line and column; [`text`]: characters no report needs,
//!   and printing text safely.

pub mod charts;
pub mod checks;
pub mod export;
pub mod library;
pub mod load;
pub mod numerals;
pub mod page;
pub mod pipeline;
pub mod problem;
pub mod rules;
pub mod spans;
pub mod table_charts;
pub mod text;
pub mod year_chart;
