//! 政府信息公开工作年度报告 viewer.
//!
//! - [`model`]: the report as data; no web types.
//! - `checks`, `charts`, `dataset` (native only): validation, SVG charts and
//!   JSON loading, run at build time by `build.rs` and by native tests.
//! - [`tables`] and [`standard`]: the tables of standard-format reports and
//!   their mandated layouts; `table_checks` (native only): their consistency
//!   rules, computed at build time.
//! - [`embedded`]: the compiled bundle the build embeds, decoded on demand.
//! - [`components`] and [`app`]: Yew components that only render, so the same
//!   code renders on the server (prerender) and hydrates in the browser;
//!   [`hooks`] hold the root's effects and [`services`] the browser I/O.

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod checks;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod dataset;
pub mod downloads;
pub mod embedded;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
pub mod hooks;
pub mod model;
pub mod mount;
#[cfg(feature = "ssr")]
pub mod page;
pub mod services;
pub mod standard;
pub mod state;
#[cfg(not(target_arch = "wasm32"))]
pub mod table_checks;
#[cfg(not(target_arch = "wasm32"))]
pub mod table_figures;
pub mod tables;
