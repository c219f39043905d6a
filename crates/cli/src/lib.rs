//! The authoring tool of the 政府信息公开工作年度报告 viewer, `report-viewer`:
//! from what a portal published to a dataset, and from a dataset to what
//! the build would say of it and the page it would make. Native only: it
//! uses the data layer (`gir-compile`, `gir-model`) and the viewer's
//! server-side rendering (`gir` with `ssr`); none of it enters the wasm.
//!
//! - [`import`]: a report's text → a dataset (ids, metadata, sections).
//! - [`check`]: a dataset → its problems, with the JSON's own places.
//! - [`render`]: a dataset → its page, for a preview without a wasm build.
//! - [`cli`]: the command line over these.

pub mod check;
pub mod cli;
pub mod import;
pub mod render;
pub mod serve;
