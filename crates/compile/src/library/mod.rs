//! A portal's report library: a report for every body (机关, 部门), every
//! year, as pure functions over the compiled reports. Build time only.
//!
//! - [`identity`]: each report's body and year, and the [`Catalogue`]
//!   (one report per body and year, or an error naming both files).

pub mod identity;

pub use identity::{catalogue, Body, Catalogue, CatalogueError, Entry};
