//! The static-site generator of the 政府信息公开工作年度报告 viewer: from
//! folders of report datasets to a site of static files (no server code).
//!
//! ```no_run
//! # use std::path::PathBuf;
//! let options = gir_site::generate::Options::new(vec![PathBuf::from("reports")], PathBuf::from("site"));
//! let built = gir_site::generate::build(&options)?;
//! println!("{} report(s), {} file(s) written", built.reports, built.written);
//! # Ok::<(), gir_site::generate::BuildError>(())
//! ```
//!
//! Layers, each using only those below it:
//! - [`generate`]: the whole build: datasets read and compiled, every page
//!   and file written through [`output`] (a failed build leaves the
//!   previous site as it was; unchanged files keep their times).
//! - [`page`]: the HTML around the prerendered app, the boot module, the
//!   mount elements; [`library`]: the report library's static pages;
//!   [`stylesheet`]: the stylesheet split into its inline screen part and
//!   its print part; [`glue`]: the wasm and its JS glue made smaller as
//!   served.
//! - [`config`]: the site configuration (`report-viewer.toml`).
//! - [`viewer`]: the viewer's wasm, glue and stylesheet, built with this
//!   crate (`build.rs`) and carried inside it; [`seed`]: the built-in
//!   report.

pub mod config;
pub mod generate;
pub mod glue;
pub mod library;
pub mod output;
pub mod page;
pub mod seed;
pub mod stylesheet;
pub mod viewer;
