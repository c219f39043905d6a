//! Browser entry: hydrates every prerendered mount element, or renders into an
//! empty one (attributes: see `gir::mount`). When done, each mount carries
//! `data-gir-state="hydrated"` (or `"rendered"`); after a panic, `"failed"`,
//! with a notice in the reader's language above the text, which stays.

use gir::app::{App, AppProps};
use gir::mount::{
    config_from_attributes, FAILED_STATE, FAILURE_NOTICE, MOUNT_SELECTOR, STATE_ATTRIBUTE,
};
use wasm_bindgen::JsCast;

fn main() {
    // A panic leaves the page looking alive with every control dead: say so.
    // (Set through Yew, which otherwise installs its own hook on render.)
    yew::set_custom_panic_hook(Box::new(|info| {
        // The message, as Yew's own hook would log it.
        console_error_panic_hook::hook(info);
        show_failure();
    }));
    let document = gloo::utils::document();
    let mounts = mounts(&document);
    if mounts.is_empty() {
        web_sys::console::warn_1(&"报告查看器:页面中没有 data-gir-viewer 元素".into());
    }
    for element in mounts {
        let props = AppProps::from(config_from_attributes(|name| element.get_attribute(name)));
        // The stylesheet's scope: a host's empty mount need not carry it.
        let _ = element.class_list().add_1(SCOPE_CLASS);
        let renderer = yew::Renderer::<App>::with_root_and_props(element.clone(), props);
        // Yew runs the first render synchronously, so once these calls return
        // the mount is live; the attribute lets tests and the benchmark see it.
        let state = if element.child_element_count() > 0 {
            renderer.hydrate();
            "hydrated"
        } else {
            renderer.render();
            "rendered"
        };
        let _ = element.set_attribute(STATE_ATTRIBUTE, state);
        if state == "rendered" {
            show_link_target(&document);
        }
    }
}

/// The browser scrolls to `#id` only if the element existed when the page
/// loaded; a report rendered afterwards has to do it itself.
fn show_link_target(document: &web_sys::Document) {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    if let Some(target) = hash
        .strip_prefix('#')
        .and_then(|id| document.get_element_by_id(id))
    {
        target.scroll_into_view();
    }
}

/// Marks every mount as failed and puts a notice above its text: the
/// controls no longer work, the prerendered report is still there to read,
/// and a reload starts the viewer again.
fn show_failure() {
    for mount in mounts(&gloo::utils::document()) {
        if mount.get_attribute(STATE_ATTRIBUTE).as_deref() == Some(FAILED_STATE) {
            continue;
        }
        let _ = mount.set_attribute(STATE_ATTRIBUTE, FAILED_STATE);
        let _ = mount.insert_adjacent_html("afterbegin", FAILURE_NOTICE);
    }
}

/// The mount elements of the page, in document order.
fn mounts(document: &web_sys::Document) -> Vec<web_sys::Element> {
    let Ok(found) = document.query_selector_all(MOUNT_SELECTOR) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The class every rule of the viewer's stylesheet is scoped under.
const SCOPE_CLASS: &str = "gir";
