//! The HTML around the prerendered report (native, `ssr` feature): the
//! standalone page, the portal demo pages, and the boot module.
//!
//! Every URL is relative (`./…`), so the built site works from any sub-path;
//! there is no inline script or style, so a strict Content-Security-Policy
//! needs no exception; scripts and the stylesheet carry integrity hashes.

use crate::app::{App, AppProps};
use crate::mount::{BASE_ATTRIBUTE, FONT_SIZE_ATTRIBUTE, MOUNT_ATTRIBUTE, REPORT_ATTRIBUTE};
use crate::state::FontSize;
use base64::Engine;
use sha2::{Digest, Sha384};
use yew::LocalServerRenderer;

/// The viewer's stylesheet and boot module keep stable names, so a portal's
/// page template can link them once; the files they load are content-hashed.
pub const VIEWER_STYLESHEET: &str = "gir-viewer.css";
pub const VIEWER_SCRIPT: &str = "gir-viewer.js";
/// The host-side script of iframe embedding.
pub const FRAME_HOST_SCRIPT: &str = "gir-frame-host.js";
/// The messages a framed viewer posts to its parent: its content height, and
/// the offset of a deep-link target the parent should scroll to.
pub const HEIGHT_MESSAGE_TYPE: &str = "gir-viewer:height";
pub const SCROLL_MESSAGE_TYPE: &str = "gir-viewer:scroll";

/// A built file a page links to, with its Subresource-Integrity hash.
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

/// The files a page needs to run the viewer.
#[derive(Clone, Debug)]
pub struct PageAssets {
    pub stylesheet: LinkedFile,
    /// wasm-bindgen's JS glue, imported by the boot module.
    pub glue: LinkedFile,
    /// The small module that starts the viewer.
    pub boot: LinkedFile,
    pub wasm: String,
}

/// `sha384-…`, the form the `integrity` attribute takes.
pub fn integrity(contents: &[u8]) -> String {
    let digest = Sha384::digest(contents);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The boot module. It loads the glue and the wasm relative to its own URL, so
/// it works wherever the files are served from (a portal's sub-path too). In a
/// frame it tells the parent its content height, from before the wasm arrives.
pub fn boot_module(glue: &str, wasm: &str) -> String {
    format!(
        r#"import init from "./{glue}";

if (window.parent !== window) {{
  const post = (message) => window.parent.postMessage(message, "*");
  new ResizeObserver(() => post({{
    type: "{HEIGHT_MESSAGE_TYPE}",
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
  }})).observe(document.documentElement);
  // The frame is as tall as its content and never scrolls: for a deep link
  // (#id, a table-of-contents click) the parent must scroll instead.
  const postTarget = () => {{
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) post({{ type: "{SCROLL_MESSAGE_TYPE}", top: Math.round(target.getBoundingClientRect().top + window.scrollY) }});
  }};
  addEventListener("hashchange", postTarget);
  addEventListener("load", postTarget);
}}

// Links to the viewer's data files resolve against this folder, wherever the
// page embedding the viewer lives.
for (const mount of document.querySelectorAll("[{MOUNT_ATTRIBUTE}]:not([{BASE_ATTRIBUTE}])")) {{
  mount.setAttribute("{BASE_ATTRIBUTE}", new URL(".", import.meta.url).href);
}}

init({{ module_or_path: new URL("./{wasm}", import.meta.url) }});
"#
    )
}

/// The tags that load the viewer, for a page's `<head>`.
pub fn viewer_head(assets: &PageAssets) -> String {
    format!(
        concat!(
            "<link rel=\"stylesheet\" href=\"./{css}\" integrity=\"{css_sri}\">\n",
            "<link rel=\"modulepreload\" href=\"./{glue}\" integrity=\"{glue_sri}\">\n",
            "<link rel=\"preload\" href=\"./{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n",
            "<script type=\"module\" src=\"./{boot}\" integrity=\"{boot_sri}\"></script>"
        ),
        css = assets.stylesheet.name,
        css_sri = assets.stylesheet.integrity,
        glue = assets.glue.name,
        glue_sri = assets.glue.integrity,
        wasm = assets.wasm,
        boot = assets.boot.name,
        boot_sri = assets.boot.integrity,
    )
}

/// The report rendered to HTML, with the markers Yew needs to hydrate it.
pub async fn render_report(report_id: &str, font_size: FontSize) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        report_id: report_id.to_string().into(),
        font_size,
        ..AppProps::default()
    })
    .hydratable(true)
    .render()
    .await
}

/// A mount element holding a prerendered report (or empty, for the browser
/// to render into).
pub fn mount_element(report_id: &str, font_size: FontSize, inner_html: &str) -> String {
    format!(
        "<div class=\"gir\" {MOUNT_ATTRIBUTE} {REPORT_ATTRIBUTE}=\"{}\" {FONT_SIZE_ATTRIBUTE}=\"{}\">{inner_html}</div>",
        escape_attribute(report_id),
        font_size.label(),
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
<link rel="icon" href="./favicon.svg" type="image/svg+xml">
{head}
</head>
<body class="gir-page">
<main class="gir-page__main">{body}</main>
</body>
</html>
"#,
        title = escape_text(title),
        head = viewer_head(assets),
    )
}

/// Fills `{{name}}` placeholders. Every given placeholder must occur, and none
/// may be left over, so a template edit cannot silently drop the viewer.
pub fn fill_template(template: &str, values: &[(&str, &str)]) -> Result<String, String> {
    let mut out = template.to_string();
    for (name, value) in values {
        let placeholder = format!("{{{{{name}}}}}");
        if !out.contains(&placeholder) {
            return Err(format!("template has no {placeholder}"));
        }
        out = out.replace(&placeholder, value);
    }
    match out.find("{{") {
        Some(at) => Err(format!(
            "template placeholder left unfilled: {}",
            &out[at..out.len().min(at + 40)]
        )),
        None => Ok(out),
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}
