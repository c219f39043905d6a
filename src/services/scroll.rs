//! Which section the reader is in, for the table of contents.

use yew::Callback;

/// Keeps the scroll and resize listeners alive; dropping it removes them.
pub struct SectionWatch {
    #[cfg(target_arch = "wasm32")]
    _listeners: [gloo::events::EventListener; 2],
}

/// The id of the last section whose top has passed a line near the top of the
/// viewport (the first section before any has; the last one at the page end,
/// where a short last section never reaches the line).
#[cfg(target_arch = "wasm32")]
pub fn current_section(ids: &[String]) -> Option<String> {
    let window = gloo::utils::window();
    let viewport = window.inner_height().ok()?.as_f64()?;
    let line = viewport * 0.15;
    let document = gloo::utils::document();
    let page_end = document.document_element()?.scroll_height() as f64;
    if window.scroll_y().ok()? + viewport >= page_end - 2.0 {
        return ids.last().cloned();
    }
    let mut current = ids.first().cloned();
    for id in ids {
        let Some(element) = document.get_element_by_id(id) else {
            continue;
        };
        if element.get_bounding_client_rect().top() <= line {
            current = Some(id.clone());
        }
    }
    current
}

/// Calls `on_change` with the current section now and whenever scrolling or
/// resizing may have changed it.
#[cfg(target_arch = "wasm32")]
pub fn watch_current_section(
    ids: Vec<String>,
    on_change: Callback<Option<String>>,
) -> SectionWatch {
    use gloo::events::EventListener;
    let report = move || on_change.emit(current_section(&ids));
    report();
    let window = gloo::utils::window();
    let on_scroll = report.clone();
    SectionWatch {
        _listeners: [
            EventListener::new(&window, "scroll", move |_| on_scroll()),
            EventListener::new(&window, "resize", move |_| report()),
        ],
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn watch_current_section(
    _ids: Vec<String>,
    _on_change: Callback<Option<String>>,
) -> SectionWatch {
    SectionWatch {}
}
