//! 政府信息公开工作年度报告 viewer: the Yew app, rendered ahead of time (SSR)
//! and hydrated in the browser. The report data model is the `gir-model`
//! crate; checking and compiling datasets (build time only) is `gir-compile`.
//!
//! Layers, each using only those below it:
//! - [`page`] (`ssr`): the HTML around the prerendered app, with
//!   [`stylesheet`] (`ssr`): the stylesheet split into its inline screen
//!   part and its print part;
//!   [`library`] (`ssr`): the report library's static pages;
//!   [`glue`] (`ssr`): the wasm and its JS glue made smaller as served.
//! - [`app`]: the root component; picks the report, holds the settings.
//! - [`components`]: render from props; [`hooks`]: their browser effects.
//! - [`services`]: browser I/O, no-ops natively.
//! - [`embedded`] (the compiled reports: the bundle natively, a report's
//!   data file in the wasm), [`mount`] (the host-page contract),
//!   [`markup`] (the classes and ids components render and services query),
//!   [`state`] (the reader's settings and their reducer).

pub mod app;
pub mod components;
pub mod embedded;
#[cfg(feature = "ssr")]
pub mod glue;
pub mod hooks;
#[cfg(feature = "ssr")]
pub mod library;
pub mod markup;
pub mod mount;
#[cfg(feature = "ssr")]
pub mod page;
pub mod services;
pub mod state;
#[cfg(feature = "ssr")]
pub mod stylesheet;
