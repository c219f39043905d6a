//! Browser entry: hydrates every prerendered mount element, or renders into an
//! empty one (attributes: see `gir::mount`). When done, each mount carries
//! `data-gir-state="hydrated"` (or `"rendered"`).

use gir::app::{App, AppProps};
use gir::mount::{config_from_attributes, MOUNT_ATTRIBUTE, STATE_ATTRIBUTE};
use wasm_bindgen::JsCast;

fn main() {
    let document = gloo::utils::document();
    let Ok(mounts) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return;
    };
    if mounts.length() == 0 {
        web_sys::console::warn_1(&"报告查看器:页面中没有 data-gir-viewer 元素".into());
    }
    for index in 0..mounts.length() {
        let Some(element) = mounts
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let props = AppProps::from(config_from_attributes(|name| element.get_attribute(name)));
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
