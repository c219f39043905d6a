//! 政府信息公开工作年度报告 viewer: the Yew app, rendered ahead of time (SSR)
//! and hydrated in the browser. The report data model is the `gir-model`
//! crate; checking and compiling datasets (build time only) is `gir-compile`.
//!
//! The site generator (`crates/site`) renders these components with the
//! `ssr` feature into each page and carries the wasm built from them.
//!
//! Layers, each using only those below it:
//! - [`app`]: the root component; picks the report, holds the settings.
//! - [`components`]: render from props; [`hooks`]: their browser effects.
//! - [`services`]: browser I/O, no-ops natively.
//! - [`embedded`] (a report's page as the components share it, decoded
//!   from its data file), [`mount`] (the host-page contract),
//!   [`markup`] (the classes and ids components render and services query),
//!   [`state`] (the reader's settings and their reducer).

pub mod app;
pub mod components;
pub mod embedded;
pub mod hooks;
pub mod markup;
pub mod mount;
pub mod services;
pub mod state;

/// The digest of the sources this build of the viewer comes from (see
/// `build.rs`): the same in the native build that prerenders the markup and
/// in the wasm that hydrates it, when both come from the same sources.
pub const BUILD_ID: &str = env!("GIR_BUILD_ID");
