//! The HTML around the prerendered report (native, `ssr` feature): the
//! standalone page, the portal demo pages, the boot module, and the
//! script-free preview page of a dataset (`report-viewer render`).
//!
//! Every URL is relative (`./…`), so the built site works from any sub-path.
//! There is no inline script; the one inline style, the viewer's screen
//! rules (see [`crate::stylesheet`]), is the same text on every page, so a
//! strict Content-Security-Policy allows it by its hash
//! ([`PageAssets::style_hash_source`]). Scripts and linked stylesheets carry
//! integrity hashes.

use base64::Engine;
use gir::app::{App, AppProps};
use gir::components::report_view::ReportView;
use gir::embedded::SharedPage;
use gir::mount::{
    BASE_ATTRIBUTE, DATA_FAILURE_NOTICE, FAILED_STATE, FAILURE_NOTICE, FINGERPRINT_ATTRIBUTE,
    FONT_SIZE_ATTRIBUTE, HYDRATION_INTEGRITY_ATTRIBUTE, HYDRATION_SRC_ATTRIBUTE,
    INTEGRITY_ATTRIBUTE, MOUNT_ATTRIBUTE, MOUNT_SELECTOR, REPORT_ATTRIBUTE, SRC_ATTRIBUTE,
    STATE_ATTRIBUTE,
};
use gir::state::{FontSize, ViewerState};
use gir_model::page::PageReport;
use gir_model::{downloads, escape};
use sha2::{Digest, Sha384};
use yew::prelude::*;
use yew::LocalServerRenderer;

/// The viewer's stylesheet and boot module keep stable names, so a portal's
/// page template can link them once; the files they load are content-hashed.
/// The viewer's own pages inline the stylesheet's screen rules instead, and
/// link each report's print rules ([`print_stylesheet`]); the whole
/// stylesheet stays for a host that would rather link one file.
pub const VIEWER_STYLESHEET: &str = "gir-viewer.css";
/// Where the build writes the `style-src` sources that allow the pages'
/// inline styles (the report pages' [`PageAssets::style_hash_source`], then
/// the library pages' [`LibraryAssets::style_hash_source`]), for a portal's
/// policy: one line, the sources separated by a space.
pub const STYLE_HASH_FILE: &str = "gir-style-src.txt";
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
    /// The viewer's screen rules, minified, for the page's inline `<style>`
    /// (`stylesheet::split(…).screen`): the first paint needs no second
    /// request.
    pub screen_css: String,
    /// wasm-bindgen's JS glue, imported by the boot module.
    pub glue: LinkedFile,
    /// The small module that starts the viewer.
    pub boot: LinkedFile,
    /// The wasm module, fetched by the boot module with its integrity.
    pub wasm: LinkedFile,
}

impl PageAssets {
    /// The Content-Security-Policy source (`'sha256-…'`) that allows the
    /// pages' inline style: add it to `style-src`.
    pub fn style_hash_source(&self) -> String {
        crate::stylesheet::csp_hash_source(&self.screen_css)
    }

    /// The screen rules as a file too (`gir-screen.<hash>.css`), linked
    /// after the content: see [`fallback_stylesheet`].
    pub fn screen_file(&self) -> LinkedFile {
        fallback_stylesheet("gir-screen", &self.screen_css)
    }
}

/// The same rules as a page's inline style, in a file of the site named by
/// its contents (`<stem>.<hash>.css`) that the page links at the end of its
/// body. A portal whose policy allows styles from its own origin only
/// (`style-src 'self'`, without the inline style's hash) blocks the inline
/// style: the page still looks as designed, with or without JavaScript,
/// from this file. Where the inline style applies, the file only repeats
/// it, after the content has been painted.
pub fn fallback_stylesheet(stem: &str, css: &str) -> LinkedFile {
    LinkedFile::new(
        format!("{stem}.{}.css", content_hash(css.as_bytes())),
        css.as_bytes(),
    )
}

/// The link to a [`fallback_stylesheet`], for the end of a page's body.
fn fallback_link(file: &LinkedFile) -> String {
    fill_template(
        "<link rel=\"stylesheet\" href=\"./{{href}}\" integrity=\"{{sri}}\">\n",
        &[
            ("href", &escape::markup(&file.name)),
            ("sri", &file.integrity),
        ],
    )
    .expect("the fallback link template and its values match")
}

/// The files of one report that a page showing it links: its data file
/// (the report's page, for a mount rendered afresh), the smaller one that
/// takes a prerendered mount over (the page preloads it), and its print
/// stylesheet.
#[derive(Clone, Debug)]
pub struct ReportFiles {
    pub data: LinkedFile,
    pub hydration_data: LinkedFile,
    pub print_stylesheet: LinkedFile,
}

/// `sha384-…`, the form the `integrity` attribute takes.
pub fn integrity(contents: &[u8]) -> String {
    let digest = Sha384::digest(contents);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A report's data file, the one file of report data a page of it loads
/// (the wasm embeds none): its path in the build (`data/<id>.<hash>.bin`,
/// the hash the first 16 hexadecimal digits of its SHA-384) with its
/// integrity, and its bytes: the report's page (see `gir_model::page`). An
/// error, and no file, when the bytes would not decode in the browser (a
/// report over the decoder's limit).
pub fn report_data(report: &PageReport) -> Result<(LinkedFile, Vec<u8>), String> {
    let bytes = report.encode();
    if PageReport::decode(&bytes).ok().as_ref() != Some(report) {
        return Err(format!(
            "{}: the report's page ({} bytes) does not decode back (limit: {} bytes)",
            report.id,
            bytes.len(),
            gir_model::bundle::REPORT_DATA_LIMIT
        ));
    }
    let file = LinkedFile::new(
        downloads::report_data(&report.id, &content_hash(&bytes)),
        &bytes,
    );
    Ok((file, bytes))
}

/// A report's print stylesheet: the viewer's print rules (`print_css`, the
/// `print` part of `stylesheet::split`) and the report's printed running
/// title, as `data/<id>.<hash>.print.css` with its bytes. A page links it
/// for `media="print"`, so it never holds up the first paint, and a page
/// carries only its own report's title (a library's pages would otherwise
/// all load every report's).
pub fn print_stylesheet(report_id: &str, title: &str, print_css: &str) -> (LinkedFile, String) {
    let css = format!("{print_css}{}", print_title_css([(report_id, title)]));
    let name = format!(
        "data/{report_id}.{}.print.css",
        content_hash(css.as_bytes())
    );
    (LinkedFile::new(name, css.as_bytes()), css)
}

/// The first 16 hexadecimal digits of the SHA-384 of `bytes`: the part of a
/// built file's name that changes with its content.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha384::digest(bytes)[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The boot module. It loads the glue and the wasm relative to its own URL, so
/// it works wherever the files are served from (a portal's sub-path too), and
/// each mount's report data relative to the viewer's folder, while the wasm
/// loads. In a frame it tells the parent its content height, from before the
/// wasm arrives.
const BOOT_MODULE: &str = r#"import init, { mount as start } from "./{{glue}}";

if (window.parent !== window) {
  const post = (message) => window.parent.postMessage(message, "*");
  new ResizeObserver(() => post({
    type: "{{height_message}}",
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
  })).observe(document.documentElement);
  // The frame is as tall as its content and never scrolls: for a deep link
  // (#id, a table-of-contents click) the parent must scroll instead.
  const postTarget = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) post({ type: "{{scroll_message}}", top: Math.round(target.getBoundingClientRect().top + window.scrollY) });
  };
  addEventListener("hashchange", postTarget);
  addEventListener("load", postTarget);
}

const mounts = document.querySelectorAll("{{mount_selector}}");
if (!mounts.length) console.warn("报告查看器:页面中没有 {{mount_attribute}} 元素");

// A portal CMS that rewrites pasted markup (drops a class, re-indents, adds a
// <p>) leaves a prerendered mount unlike what the viewer renders, and
// hydrating it would fail: such a mount is emptied and rendered afresh. The
// fingerprint is page::fingerprint's, over the same walk of the markup.
const fingerprint = (root) => {
  let hash = 0x811c9dc5;
  const add = (text) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    add(node.nodeType === Node.TEXT_NODE ? node.data : `<${node.localName} ${node.getAttribute("class") ?? ""}>`);
  }
  return hash.toString(16).padStart(8, "0");
};
for (const mount of document.querySelectorAll("[{{mount_attribute}}][{{fingerprint_attribute}}]")) {
  if (fingerprint(mount) !== mount.getAttribute("{{fingerprint_attribute}}")) {
    console.warn("报告查看器:嵌入的预渲染内容已被改动,改为重新渲染");
    mount.replaceChildren();
  }
}

// Links to the viewer's data files resolve against this folder, wherever the
// page embedding the viewer lives.
for (const mount of document.querySelectorAll("[{{mount_attribute}}]:not([{{base_attribute}}])")) {
  mount.setAttribute("{{base_attribute}}", new URL(".", import.meta.url).href);
}

// A viewer that cannot run says so above its report, once; the text stays.
// (A state pasted with the mount from a saved page means nothing yet.)
for (const mount of mounts) mount.removeAttribute("{{state_attribute}}");
const failed = (mount) => mount.getAttribute("{{state_attribute}}") === "{{failed_state}}";
const fail = (mount, notice) => {
  if (failed(mount)) return;
  mount.setAttribute("{{state_attribute}}", "{{failed_state}}");
  mount.insertAdjacentHTML("afterbegin", notice);
};
const failOnData = (mount) => fail(mount, '{{data_failure_notice}}');

// The wasm is fetched with its integrity, like every script the page runs.
// Refused (a file changed after the build) or failing to start, the viewer
// says so above each report, as after a panic.
const wasm = init({ module_or_path: new Request(new URL("./{{wasm}}", import.meta.url), { integrity: "{{wasm_sri}}" }) });
wasm.catch((error) => {
  for (const mount of mounts) fail(mount, '{{failure_notice}}');
  throw error;
});

// Each mount's report is in a data file of its own (the wasm embeds none),
// fetched with its integrity while the wasm loads, once however many mounts
// name it (the page's <head> preloads it: the fetch takes that response
// over). A file missing, unreachable, refused, or not the mount's report
// stops that mount only.
const loads = new Map();
// A prerendered mount, still as the build wrote it, is taken over with the
// smaller file that leaves out the markup it holds (the one the <head>
// preloads); a mount rendered afresh needs the whole page.
const load = (mount) => {
  const hydrating = mount.childElementCount > 0 && mount.hasAttribute("{{hydration_src_attribute}}");
  const src = mount.getAttribute(hydrating ? "{{hydration_src_attribute}}" : "{{src_attribute}}");
  const integrity = mount.getAttribute(hydrating ? "{{hydration_integrity_attribute}}" : "{{integrity_attribute}}");
  if (!src || !integrity) throw new Error("no {{src_attribute}} or {{integrity_attribute}}");
  const url = new URL(src, mount.getAttribute("{{base_attribute}}")).href;
  const key = `${integrity} ${url}`;
  if (!loads.has(key)) {
    loads.set(key, fetch(new Request(url, { integrity })).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      return response.arrayBuffer();
    }));
  }
  return loads.get(key);
};
for (const mount of mounts) {
  (async () => {
    let bytes;
    try {
      bytes = new Uint8Array(await load(mount));
    } catch (error) {
      console.warn("报告查看器:本报告的数据无法加载", error);
      return failOnData(mount);
    }
    await wasm.catch(() => {});
    // Failed already (the wasm did not start, or a panic stopped it): its
    // notice is shown, and the viewer cannot start.
    if (failed(mount)) return;
    // The wasm decodes the report and starts the viewer in the mount; false:
    // the bytes are not exactly one report, or not the mount's.
    if (!start(mount, bytes)) {
      console.warn("报告查看器:本报告的数据无法读取", mount.getAttribute("{{src_attribute}}"));
      failOnData(mount);
    }
  })();
}
"#;

/// The boot module for these glue and wasm files (names made by Trunk).
pub fn boot_module(glue: &str, wasm: &LinkedFile) -> String {
    fill_template(
        BOOT_MODULE,
        &[
            ("glue", glue),
            ("wasm", &wasm.name),
            ("wasm_sri", &wasm.integrity),
            ("height_message", HEIGHT_MESSAGE_TYPE),
            ("scroll_message", SCROLL_MESSAGE_TYPE),
            ("mount_attribute", MOUNT_ATTRIBUTE),
            ("base_attribute", BASE_ATTRIBUTE),
            ("src_attribute", SRC_ATTRIBUTE),
            ("integrity_attribute", INTEGRITY_ATTRIBUTE),
            ("hydration_src_attribute", HYDRATION_SRC_ATTRIBUTE),
            (
                "hydration_integrity_attribute",
                HYDRATION_INTEGRITY_ATTRIBUTE,
            ),
            ("fingerprint_attribute", FINGERPRINT_ATTRIBUTE),
            ("mount_selector", MOUNT_SELECTOR),
            ("state_attribute", STATE_ATTRIBUTE),
            ("failed_state", FAILED_STATE),
            ("failure_notice", FAILURE_NOTICE),
            ("data_failure_notice", DATA_FAILURE_NOTICE),
        ],
    )
    .map(|module| strip_js(&module))
    .expect("the boot module template and its values match")
}

/// Script source as served: without its comment lines and indentation (the
/// readable source stays in the repository). Lines stay lines, so automatic
/// semicolon insertion reads the code as before; only whole-line `//`
/// comments go, so a `//` inside a string is never touched.
pub fn strip_js(source: &str) -> String {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The printed pages' running title, appended to the stylesheet at build time.
/// Chromium has no `string-set`, so each report gets a named page whose top
/// margin box holds its title as a literal; the root takes that page while the
/// report is in the document, so the host page's own content prints with it,
/// without a forced page break. Report ids are `[A-Za-z0-9_-]` (checked at
/// build time), so they serve as page names as they are.
pub fn print_title_css<'a>(reports: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut css = String::from(
        "\n/* ---- print: running title per report (generated by the prerender step) ---- */\n",
    );
    for (id, title) in reports {
        css.push_str(
            &fill_template(
                PRINT_TITLE_RULES,
                &[("id", id), ("title", &css_string(title))],
            )
            .expect("the print title template and its values match"),
        );
    }
    css
}

const PRINT_TITLE_RULES: &str = "@media print { :root:has(.gir .gir-report[data-gir-report-id=\"{{id}}\"]) { page: gir-{{id}}; } }\n\
     @page gir-{{id}} { @top-center { content: \"{{title}}\"; } }\n";

/// Text as the inside of a double-quoted CSS string: quotes and backslashes
/// escaped, and every control character (a line break or form feed would end
/// the string) and `<` and `>` (inside a `<style>` element, `</style>` would
/// end it) as a hexadecimal escape.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '<' || c == '>' => {
                out.push_str(&format!("\\{:X} ", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// The tags that start the viewer, for a page's `<head>`, in the order the
/// first paint wants them: the screen rules inline (nothing to wait for),
/// then the glue, the wasm and each report data file the page's mounts
/// name (`reports`), so the data arrives with the wasm; last, each report's
/// print stylesheet, which the first paint does not wait for. Neither
/// preload carries `integrity` (Chromium ignores it on `as="fetch"` and
/// warns): the boot module's fetches, which take over the preloaded
/// responses, check them.
pub fn viewer_head(assets: &PageAssets, reports: &[&ReportFiles]) -> String {
    viewer_start(assets, reports) + &print_links(reports)
}

/// What of [`viewer_head`] starts the viewer: the inline screen rules, the
/// preloads and the boot module.
fn viewer_start(assets: &PageAssets, reports: &[&ReportFiles]) -> String {
    let data_preloads: String = reports
        .iter()
        .map(|files| {
            let href = escape::markup(&files.hydration_data.name);
            fill_template(DATA_PRELOAD, &[("href", &href)])
                .expect("the data preload template and its value match")
        })
        .collect();
    fill_template(
        VIEWER_HEAD,
        &[
            ("screen_css", &assets.screen_css),
            ("glue", &escape::markup(&assets.glue.name)),
            ("glue_sri", &assets.glue.integrity),
            ("wasm", &escape::markup(&assets.wasm.name)),
            ("data_preloads", &data_preloads),
            ("boot", &escape::markup(&assets.boot.name)),
            ("boot_sri", &assets.boot.integrity),
        ],
    )
    .expect("the head template and its values match")
}

/// Each report's print stylesheet, linked for `media="print"`.
fn print_links(reports: &[&ReportFiles]) -> String {
    reports
        .iter()
        .map(|files| {
            let file = &files.print_stylesheet;
            fill_template(
                PRINT_STYLESHEET,
                &[
                    ("href", &escape::markup(&file.name)),
                    ("sri", &file.integrity),
                ],
            )
            .expect("the print stylesheet template and its values match")
        })
        .collect()
}

const VIEWER_HEAD: &str = r#"<style>{{screen_css}}</style>
<link rel="modulepreload" href="./{{glue}}" integrity="{{glue_sri}}">
<link rel="preload" href="./{{wasm}}" as="fetch" type="application/wasm" crossorigin>
{{data_preloads}}<script type="module" src="./{{boot}}" integrity="{{boot_sri}}"></script>
"#;

const DATA_PRELOAD: &str = "<link rel=\"preload\" href=\"./{{href}}\" as=\"fetch\" crossorigin>\n";

const PRINT_STYLESHEET: &str =
    "<link rel=\"stylesheet\" href=\"./{{href}}\" media=\"print\" integrity=\"{{sri}}\">\n";

/// The tag that loads the iframe host script, for a host page's `<head>`.
pub fn frame_host_tag(integrity: &str) -> String {
    fill_template(
        r#"<script src="./{{script}}" integrity="{{integrity}}" defer></script>"#,
        &[("script", FRAME_HOST_SCRIPT), ("integrity", integrity)],
    )
    .expect("the frame host tag template and its values match")
}

/// The report rendered to HTML, with the markers Yew needs to hydrate it.
pub async fn render_report(report: SharedPage, font_size: FontSize) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        report_id: report.id.clone().into(),
        report: Some(report),
        font_size,
        ..AppProps::default()
    })
    .hydratable(true)
    .render()
    .await
}

/// A report as a page that no script takes over (a dataset being written,
/// previewed by the authoring tool) shows it before any script runs: the
/// components [`App`] renders, with the settings a page starts with (hooks
/// run no effects on the server, so App's only differ once hydrated). No
/// hydration markers: no viewer script takes such a page over.
pub async fn render_preview(report: SharedPage, font_size: FontSize) -> String {
    LocalServerRenderer::<Preview>::with_props(PreviewProps { report, font_size })
        .hydratable(false)
        .render()
        .await
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    report: SharedPage,
    font_size: FontSize,
}

#[function_component]
fn Preview(props: &PreviewProps) -> Html {
    let settings = ViewerState {
        font_size: props.font_size,
        ..ViewerState::default()
    };
    html! {
        <ReportView report={props.report.clone()} {settings}
            on_font_size={Callback::noop()} on_high_contrast={Callback::noop()}
            on_print={Callback::noop()} />
    }
}

/// A mount element holding a prerendered report that no script takes over
/// (a preview: `report-viewer render`). The built pages' mounts also name
/// their report's data file: [`report_mount_element`].
pub fn mount_element(report_id: &str, font_size: FontSize, inner_html: &str) -> String {
    mount_element_with(report_id, font_size, "", inner_html)
}

/// A mount element holding a prerendered report, with what the boot module
/// needs to fetch the report's data files: their URLs relative to the
/// viewer's folder and their integrity (the whole page, and the one that
/// takes this prerendered markup over).
pub fn report_mount_element(
    report_id: &str,
    font_size: FontSize,
    files: &ReportFiles,
    inner_html: &str,
) -> String {
    let data_attributes = fill_template(
        r#" {{src_attribute}}="{{src}}" {{integrity_attribute}}="{{integrity}}" {{hydration_src_attribute}}="{{hydration_src}}" {{hydration_integrity_attribute}}="{{hydration_integrity}}""#,
        &[
            ("src_attribute", SRC_ATTRIBUTE),
            ("src", &escape::markup(&files.data.name)),
            ("integrity_attribute", INTEGRITY_ATTRIBUTE),
            ("integrity", &escape::markup(&files.data.integrity)),
            ("hydration_src_attribute", HYDRATION_SRC_ATTRIBUTE),
            ("hydration_src", &escape::markup(&files.hydration_data.name)),
            ("hydration_integrity_attribute", HYDRATION_INTEGRITY_ATTRIBUTE),
            (
                "hydration_integrity",
                &escape::markup(&files.hydration_data.integrity),
            ),
        ],
    )
    .expect("the data attributes template and its values match");
    mount_element_with(report_id, font_size, &data_attributes, inner_html)
}

fn mount_element_with(
    report_id: &str,
    font_size: FontSize,
    data_attributes: &str,
    inner_html: &str,
) -> String {
    fill_template(
        MOUNT_ELEMENT,
        &[
            ("mount", MOUNT_ATTRIBUTE),
            ("report_attribute", REPORT_ATTRIBUTE),
            ("report", &escape::markup(report_id)),
            ("font_size_attribute", FONT_SIZE_ATTRIBUTE),
            ("font_size", font_size.label()),
            ("data_attributes", data_attributes),
            ("fingerprint_attribute", FINGERPRINT_ATTRIBUTE),
            ("fingerprint", &fingerprint(inner_html)),
            ("inner", inner_html),
        ],
    )
    .expect("the mount template and its values match")
}

const MOUNT_ELEMENT: &str = r#"<div class="gir" {{mount}} {{report_attribute}}="{{report}}" {{font_size_attribute}}="{{font_size}}"{{data_attributes}} {{fingerprint_attribute}}="{{fingerprint}}">{{inner}}</div>"#;

/// A fingerprint of prerendered markup as a browser will hold it: FNV-1a
/// (32 bits, over UTF-16 code units, as JavaScript strings are) of each
/// element as `<name class>` and each text as its characters, in document
/// order; comments and closing tags leave no trace. The boot module computes
/// the same over the live DOM, so any change to elements, classes or text
/// (whitespace included) is seen.
pub fn fingerprint(html: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    let mut add = |text: &str| {
        for unit in text.encode_utf16() {
            hash = (hash ^ u32::from(unit)).wrapping_mul(0x0100_0193);
        }
    };
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            add(&decode_entities(rest));
            break;
        };
        add(&decode_entities(&rest[..open]));
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if rest.starts_with("</") {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else {
            let end = tag_end(rest);
            let (name, class) = tag_name_and_class(&rest[1..end]);
            add(&format!(
                "<{} {}>",
                name.to_ascii_lowercase(),
                decode_entities(class)
            ));
            rest = &rest[(end + 1).min(rest.len())..];
        }
    }
    format!("{hash:08x}")
}

/// The index of the `>` that ends the start tag at the beginning of `tag`
/// (quoted attribute values may hold `>`).
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    tag.len()
}

/// The name of a start tag (its inside, without `<` and `>`) and the raw
/// value of its `class` attribute ("" without one).
fn tag_name_and_class(inside: &str) -> (&str, &str) {
    let inside = inside.strip_suffix('/').unwrap_or(inside);
    let name_end = inside
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(inside.len());
    let mut rest = &inside[name_end..];
    let mut class = "";
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let name_len = rest
            .find(|c: char| c == '=' || c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        rest = &rest[name_len..];
        let value = match rest.strip_prefix('=') {
            Some(after) => {
                let (value, after) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let end = body.find(q).unwrap_or(body.len());
                        (&body[..end], &body[(end + 1).min(body.len())..])
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_ascii_whitespace())
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                rest = after;
                value
            }
            None => "",
        };
        if name.eq_ignore_ascii_case("class") {
            class = value;
        }
    }
    (&inside[..name_end], class)
}

/// Character references as an HTML parser reads them, for the ones markup
/// written by this build uses (named `amp lt gt quot apos nbsp`, decimal and
/// hexadecimal).
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The complete standalone page of a report whose files are `report`.
pub fn document(title: &str, body: &str, assets: &PageAssets, report: &ReportFiles) -> String {
    // The print rules come after the screen rules' file, which applies to
    // print too: the cascade is the inline style's, then the print rules.
    let head = [favicon_link(), viewer_start(assets, &[report])].join("\n");
    let tail = fallback_link(&assets.screen_file()) + &print_links(&[report]);
    page(title, &head, body, &tail)
}

/// The library pages' stylesheet, inline, and their script, linked with its
/// integrity.
pub struct LibraryAssets {
    /// The library's stylesheet, minified (`stylesheet::minified`), for the
    /// pages' inline `<style>`: like a report page, a library page shows
    /// without a second request.
    pub css: String,
    pub script: LinkedFile,
}

impl LibraryAssets {
    /// The Content-Security-Policy source that allows the library pages'
    /// inline style.
    pub fn style_hash_source(&self) -> String {
        crate::stylesheet::csp_hash_source(&self.css)
    }

    /// The library's stylesheet as a file too (`gir-library.<hash>.css`):
    /// see [`fallback_stylesheet`].
    pub fn css_file(&self) -> LinkedFile {
        fallback_stylesheet("gir-library", &self.css)
    }
}

pub const LIBRARY_SCRIPT: &str = "gir-library.js";

/// A page of the report library: static HTML with the library's own
/// stylesheet inline and its small script (deferred; the page is complete
/// without it), and no viewer.
pub fn library_document(title: &str, body: &str, assets: &LibraryAssets) -> String {
    let head = fill_template(
        r#"<style>{{css}}</style>
<script src="./{{js}}" integrity="{{js_sri}}" defer></script>"#,
        &[
            ("css", &assets.css),
            ("js", &escape::markup(&assets.script.name)),
            ("js_sri", &assets.script.integrity),
        ],
    )
    .expect("the library head template and its values match");
    page(
        title,
        &[favicon_link(), head].join("\n"),
        body,
        &fallback_link(&assets.css_file()),
    )
}

/// The stylesheet of a preview page.
#[derive(Clone, Copy, Debug)]
pub enum PreviewStyle<'a> {
    /// The rules themselves, in the page: one self-contained file.
    Inline(&'a str),
    /// A link to this URL (relative or absolute).
    Linked(&'a str),
}

/// A standalone preview page: the report and its stylesheet, no script.
/// Inline rules are written as they are: CSS made by this crate, in which
/// a report's text is a CSS string that cannot hold `<` ([`css_string`]),
/// so nothing in it can end the `<style>` element.
pub fn preview_document(title: &str, body: &str, style: PreviewStyle) -> String {
    let head = match style {
        PreviewStyle::Inline(css) => fill_template("<style>{{css}}</style>", &[("css", css)]),
        PreviewStyle::Linked(href) => fill_template(
            r#"<link rel="stylesheet" href="{{css}}">"#,
            &[("css", &escape::markup(href))],
        ),
    }
    .expect("the stylesheet template and its value match");
    page(title, &head, body, "")
}

/// The icon: in the viewer's own pages as a `data:` URL, and a file of the
/// site for the demo portal pages, which link it as a host page would.
pub const FAVICON: &str = include_str!("../../../assets/favicon.svg");
pub const FAVICON_FILE: &str = "favicon.svg";

/// The pages' icon, in the page itself (a `data:` URL): the browser asks
/// for it after the load, and as a file it was one request and ~0.7 KB
/// more on the wire for 348 bytes of SVG. `#`, `%`, `"`, `<` and `>` are
/// percent-encoded, so the URL is valid and safe inside the attribute.
fn favicon_link() -> String {
    let mut href = String::from("data:image/svg+xml,");
    for c in FAVICON.trim().chars() {
        match c {
            '#' | '%' | '"' | '<' | '>' => href.push_str(&format!("%{:02X}", c as u32)),
            c => href.push(c),
        }
    }
    format!(r#"<link rel="icon" href="{href}">"#)
}

/// The page around a report: the one template of both the built pages and
/// the previews; `head` and `tail` (after the content) are markup, `title`
/// text.
fn page(title: &str, head: &str, body: &str, tail: &str) -> String {
    fill_template(
        DOCUMENT,
        &[
            ("title", &escape::markup(title)),
            ("head", head),
            ("body", body),
            ("tail", tail),
        ],
    )
    .expect("the page template and its values match")
}

const DOCUMENT: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
{{head}}
</head>
<body class="gir-page">
<main class="gir-page__main">{{body}}</main>
{{tail}}</body>
</html>
"#;

/// Fills the `{{name}}` placeholders of `template` in one pass: a value is
/// inserted as it is and never read again as template, so report text that
/// happens to hold `{{…}}` stays text. Every placeholder must have a value and
/// every value a placeholder, so a template edit cannot silently drop the
/// viewer.
pub fn fill_template(template: &str, values: &[(&str, &str)]) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut used = vec![false; values.len()];
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err("template has a \"{{\" that is never closed".to_string());
        };
        let name = &after[..end];
        let Some(index) = values.iter().position(|(n, _)| *n == name) else {
            return Err(format!("template placeholder {{{{{name}}}}} has no value"));
        };
        out.push_str(values[index].1);
        used[index] = true;
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    match values.iter().zip(&used).find(|(_, used)| !**used) {
        Some(((name, _), _)) => Err(format!("template has no {{{{{name}}}}}")),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_running_title_is_a_named_page_per_report() {
        let css = print_title_css([("nanfen-2017", "南芬区\"2017\"报告")]);
        assert!(css.contains(
            r#":root:has(.gir .gir-report[data-gir-report-id="nanfen-2017"]) { page: gir-nanfen-2017; }"#
        ));
        assert!(css.contains(
            r#"@page gir-nanfen-2017 { @top-center { content: "南芬区\"2017\"报告"; } }"#
        ));
    }

    #[test]
    fn control_characters_cannot_end_the_title_string() {
        let css = print_title_css([("r", "a\u{c}} .gir{display:none}\nb\\")]);
        assert!(
            css.contains(r#"content: "a\C } .gir{display:none}\A b\\";"#),
            "{css}"
        );
        assert!(!css.contains('\u{c}'));
    }

    #[test]
    fn a_preview_is_what_the_app_renders_for_the_same_report() {
        let report = crate::seed::compiled();
        let page = SharedPage::new(gir_compile::page::page_report(&report));
        for font_size in [FontSize::Small, FontSize::Large] {
            let app = futures::executor::block_on(
                LocalServerRenderer::<App>::with_props(AppProps {
                    report_id: report.report.id.clone().into(),
                    report: Some(page.clone()),
                    font_size,
                    ..AppProps::default()
                })
                .hydratable(false)
                .render(),
            );
            let preview = futures::executor::block_on(render_preview(page.clone(), font_size));
            assert!(preview.contains(&escape::markup(&report.report.title)));
            assert_eq!(preview, app, "{font_size:?}");
        }
    }

    #[test]
    fn a_preview_page_links_the_stylesheet_and_runs_no_script() {
        let page = preview_document(
            "标题<",
            "<div class=\"gir\"></div>",
            PreviewStyle::Linked("./a b\".css"),
        );
        assert!(page.contains("<title>标题&lt;</title>"), "{page}");
        assert!(
            page.contains(r#"<link rel="stylesheet" href="./a b&quot;.css">"#),
            "{page}"
        );
        assert!(!page.contains("<script"), "{page}");
    }

    #[test]
    fn a_preview_page_can_carry_its_stylesheet_and_a_title_cannot_end_it() {
        let css = print_title_css([("r", "</style><script>alert(1)</script>")]);
        let page = preview_document(
            "标题",
            "<div class=\"gir\"></div>",
            PreviewStyle::Inline(&css),
        );
        assert_eq!(page.matches("</style>").count(), 1, "{page}");
        assert!(!page.contains("<script"), "{page}");
        assert!(
            page.contains(r#"content: "\3C /style\3E \3C script\3E alert(1)\3C /script\3E ";"#),
            "{page}"
        );
    }

    #[test]
    fn a_library_page_inlines_its_stylesheet_and_defers_its_script() {
        let assets = LibraryAssets {
            css: crate::stylesheet::minified(".gir-library { color: red; }").unwrap(),
            script: LinkedFile::new(LIBRARY_SCRIPT, b"js"),
        };
        let page = library_document("年报<", "<p>x</p>", &assets);
        assert!(page.contains("<title>年报&lt;</title>"), "{page}");
        assert!(
            page.contains("<style>.gir-library{color: red;}</style>"),
            "{page}"
        );
        // One linked stylesheet, the same rules as a file, after the content
        // (for a policy that blocks the inline style).
        assert_eq!(page.matches("rel=\"stylesheet\"").count(), 1, "{page}");
        let file = assets.css_file();
        assert!(file.name.starts_with("gir-library.") && file.name.ends_with(".css"));
        assert!(
            page.contains(&format!(
                "</main>\n<link rel=\"stylesheet\" href=\"./{}\" integrity=\"{}\">\n</body>",
                file.name, file.integrity
            )),
            "{page}"
        );
        assert!(
            page.contains(&format!(
                "<script src=\"./gir-library.js\" integrity=\"{}\" defer></script>",
                integrity(b"js")
            )),
            "{page}"
        );
        assert_eq!(
            assets.style_hash_source(),
            crate::stylesheet::csp_hash_source(".gir-library{color: red;}")
        );
    }

    #[test]
    fn the_icon_is_in_the_page() {
        let link = favicon_link();
        assert!(
            link.starts_with(r#"<link rel="icon" href="data:image/svg+xml,%3Csvg "#),
            "{link}"
        );
        // One attribute, whole: no quote, angle bracket or # left raw.
        let href = &link[r#"<link rel="icon" href=""#.len()..link.len() - 2];
        assert!(!href.contains(['"', '<', '>', '#']), "{href}");
        assert!(href.contains("fill=%22%231d4e89%22"), "{href}");
    }

    #[test]
    fn templates_are_filled_in_one_pass() {
        let page = fill_template("<p>{{a}}</p>{{b}}", &[("a", "{{b}}"), ("b", "x")]);
        assert_eq!(page.as_deref(), Ok("<p>{{b}}</p>x"));
        assert!(fill_template("{{a}}", &[])
            .unwrap_err()
            .contains("{{a}} has no value"));
        assert!(fill_template("a", &[("a", "1")])
            .unwrap_err()
            .contains("template has no {{a}}"));
        assert!(fill_template("{{a", &[("a", "1")]).is_err());
        // Report text that is not ASCII never splits a character.
        assert_eq!(
            fill_template("注{{注}}注", &[("注", "{{ab}}")]).as_deref(),
            Ok("注{{ab}}注")
        );
    }
}
