//! Browser entry. The boot module (`page::boot_module`) starts the wasm, which
//! runs `main`, then hands each mount element its report's data file with
//! [`mount`], which hydrates the prerendered report there, or renders into
//! an empty mount (attributes: see `gir::mount`). When done, each mount
//! carries `data-gir-state="hydrated"` (or `"rendered"`); after a panic,
//! `"failed"`, with a notice in the reader's language above the text, which
//! stays.

use gir::app::{App, AppProps};
use gir::embedded::decode_report;
use gir::mount::{
    config_from_attributes, FAILED_STATE, FAILURE_NOTICE, MOUNT_SELECTOR, STATE_ATTRIBUTE,
};
use wasm_bindgen::prelude::*;

/// Talc rather than Rust's default dlmalloc: it frees and reuses memory as
/// dlmalloc does, growing the wasm memory when it needs more, in about
/// 1.8 KB less brotli.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // A panic leaves the page looking alive with every control dead: say so.
    // (Set through Yew, which otherwise installs its own hook on render.)
    yew::set_custom_panic_hook(Box::new(|info| {
        // The message, as Yew's own hook would log it.
        console_error_panic_hook::hook(info);
        show_failure();
    }));
}

/// Starts the viewer in `element` with its report's data file (`data`, as
/// the build wrote it). Returns false, and leaves the mount alone, when the
/// bytes are not exactly one report or not the one the mount names
/// (`data-gir-report`): the boot module then says the report's data could
/// not be loaded.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, data: &[u8]) -> bool {
    let config = config_from_attributes(|name| element.get_attribute(name));
    let prerendered = element.child_element_count() > 0;
    let Some(report) = decode_report(data)
        .filter(|report| config.report_id.is_empty() || report.id == config.report_id)
        // A page for hydration lacks the markup a prerendered mount holds:
        // it cannot fill an empty one.
        .filter(|report| prerendered || !report.for_hydration)
    else {
        return false;
    };
    let props = AppProps {
        report: Some(report),
        ..AppProps::from(config)
    };
    // The stylesheet's scope: a host's empty mount need not carry it.
    let _ = element.class_list().add_1(SCOPE_CLASS);
    let renderer = yew::Renderer::<App>::with_root_and_props(element.clone(), props);
    // Yew runs the first render synchronously, so once these calls return
    // the mount is live; the attribute lets tests and the benchmark see it.
    let state = if prerendered {
        renderer.hydrate();
        "hydrated"
    } else {
        renderer.render();
        "rendered"
    };
    let _ = element.set_attribute(STATE_ATTRIBUTE, state);
    if state == "rendered" {
        show_link_target();
    }
    true
}

/// The browser scrolls to `#id` only if the element existed when the page
/// loaded; a report rendered afterwards has to do it itself.
fn show_link_target() {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    if let Some(target) = hash
        .strip_prefix('#')
        .and_then(|id| gloo::utils::document().get_element_by_id(id))
    {
        target.scroll_into_view();
    }
}

/// Marks every mount as failed and puts a notice above its text: the
/// controls no longer work, the prerendered report is still there to read,
/// and a reload starts the viewer again.
fn show_failure() {
    let Ok(mounts) = gloo::utils::document().query_selector_all(MOUNT_SELECTOR) else {
        return;
    };
    for index in 0..mounts.length() {
        let Some(mount) = mounts
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if mount.get_attribute(STATE_ATTRIBUTE).as_deref() == Some(FAILED_STATE) {
            continue;
        }
        let _ = mount.set_attribute(STATE_ATTRIBUTE, FAILED_STATE);
        let _ = mount.insert_adjacent_html("afterbegin", FAILURE_NOTICE);
    }
}

/// The sources this wasm was built from ([`gir::BUILD_ID`]), in a custom
/// section of its own: the site generator reads it and refuses to ship this
/// wasm beside markup prerendered from other sources (hydration would find
/// markup it does not render).
#[link_section = "gir-build"]
#[used]
static BUILD_ID_SECTION: [u8; 16] = build_id_bytes();

const fn build_id_bytes() -> [u8; 16] {
    let id = gir::BUILD_ID.as_bytes();
    let mut bytes = [0; 16];
    let mut i = 0;
    while i < bytes.len() {
        bytes[i] = id[i];
        i += 1;
    }
    bytes
}

/// The class every rule of the viewer's stylesheet is scoped under.
const SCOPE_CLASS: &str = "gir";
