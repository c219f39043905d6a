//! A portal's report library: a report for every body (机关, 部门), every
//! year, as pure functions over the compiled reports. Build time only.
//!
//! - [`identity`]: each report's body and year, and the [`Catalogue`]
//!   (one report per body and year, or an error naming both files).
//! - [`metrics`]: the figures read from the standard tables, each with its
//!   cells or the reason it has none ([`Gap`]); exact decimals throughout.
//! - [`series`]: one body's figures year over year, format changes marked,
//!   grouped by unit for charts.
//! - [`compare`]: every body's report of one year side by side, with its
//!   数据校验 status.

pub mod compare;
pub mod identity;
pub mod metrics;
pub mod series;

pub use compare::{compare_year, ComparisonRow};
pub use identity::{catalogue, Body, Catalogue, CatalogueError, Entry};
pub use metrics::{read_metric, CellSource, Gap, Metric, Outcome, Reading, Topic};
pub use series::{body_series, BodySeries, FormatChange, Point, Series, UnitGroup};
