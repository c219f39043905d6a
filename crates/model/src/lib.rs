//! The report as data, shared by the build (which checks and compiles it) and
//! the viewer (which shows it). Plain types with serde (the JSON dataset) and
//! bincode (the embedded bundle) derives; nothing here knows of the web.
//!
//! - [`report`]: a published report: metadata, sections, blocks, figures, charts.
//! - [`table`] and [`decimal`]: the cells of the standard tables, exact.
//! - [`standard`]: the mandated layouts of those tables (2019 and 2021 formats).
//! - [`findings`]: what the tables' consistency rules found.
//! - [`bundle`]: what the build embeds: each report with what was computed from it.
//! - [`page`]: a report as its page shows it, what the browser fetches: the
//!   markup a reader never changes, written at build time, and what changes.
//! - [`anchors`] and [`downloads`]: the ids and file paths the build generates.
//! - [`escape`]: text made safe inside HTML, XML and SVG.

pub mod anchors;
pub mod bundle;
pub mod decimal;
pub mod downloads;
pub mod escape;
pub mod findings;
pub mod page;
pub mod report;
pub mod standard;
pub mod table;
