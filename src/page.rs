//! The HTML document around the prerendered report (native, `ssr` feature).
//!
//! Every URL is relative (`./…`), so the built site works from any sub-path;
//! there is no inline script or style, so a strict Content-Security-Policy
//! needs no exception; scripts and the stylesheet carry integrity hashes.

use crate::app::{App, AppProps};
use base64::Engine;
use sha2::{Digest, Sha384};
use yew::LocalServerRenderer;

/// The attribute that marks the element the viewer renders into.
pub const MOUNT_ATTRIBUTE: &str = "data-gir-viewer";
/// The attribute naming the report to show in a mount element.
pub const REPORT_ATTRIBUTE: &str = "data-gir-report";

/// A built file the page links to, with its Subresource-Integrity hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedFile {
    /// File name inside the build directory.
    pub name: String,
    pub integrity: String,
}

impl LinkedFile {
    pub fn new(name: impl Into<String>, contents: &[u8]) -> Self {
        LinkedFile {
            name: name.into(),
            integrity: integrity(contents),
        }
    }
}

/// The files the page needs, as produced by the build.
#[derive(Clone, Debug)]
pub struct PageAssets {
    pub stylesheet: LinkedFile,
    /// wasm-bindgen's JS glue, imported by the boot module.
    pub glue: LinkedFile,
    /// The small module that starts the viewer.
    pub boot: LinkedFile,
    pub wasm: String,
    pub favicon: String,
}

/// `sha384-…`, the form the `integrity` attribute takes.
pub fn integrity(contents: &[u8]) -> String {
    let digest = Sha384::digest(contents);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The boot module: loads the glue and the wasm relative to its own URL, so it
/// works wherever the files are served from, including a portal's sub-path.
pub fn boot_module(glue: &str, wasm: &str) -> String {
    format!(
        "import init from \"./{glue}\";\n\
         init({{ module_or_path: new URL(\"./{wasm}\", import.meta.url) }});\n"
    )
}

/// The report rendered to HTML, with the markers Yew needs to hydrate it.
pub async fn render_report(report_id: &str) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        report_id: report_id.to_string().into(),
    })
    .hydratable(true)
    .render()
    .await
}

/// The mount element holding a prerendered report.
pub fn mount_element(report_id: &str, inner_html: &str) -> String {
    format!(
        "<div class=\"gir\" {MOUNT_ATTRIBUTE} {REPORT_ATTRIBUTE}=\"{}\">{inner_html}</div>",
        escape_attribute(report_id)
    )
}

/// The complete standalone page.
pub fn document(title: &str, body: &str, assets: &PageAssets) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="./{favicon}" type="image/svg+xml">
<link rel="stylesheet" href="./{css}" integrity="{css_sri}">
<link rel="modulepreload" href="./{glue}" integrity="{glue_sri}">
<link rel="preload" href="./{wasm}" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="./{boot}" integrity="{boot_sri}"></script>
</head>
<body class="gir-page">
<main class="gir-page__main">{body}</main>
</body>
</html>
"#,
        title = escape_text(title),
        favicon = assets.favicon,
        css = assets.stylesheet.name,
        css_sri = assets.stylesheet.integrity,
        glue = assets.glue.name,
        glue_sri = assets.glue.integrity,
        wasm = assets.wasm,
        boot = assets.boot.name,
        boot_sri = assets.boot.integrity,
    )
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}
