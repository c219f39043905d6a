//! Which section the reader is in, for the table of contents; which parts of
//! the text are on screen and where the reader is, for a 字体 change.

use std::ops::Range;
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

/// The sections' parts (`.gir-part` children of the sections in the element
/// `body_id`: each head, each block with its charts), in page order, with
/// their boxes in the viewport.
#[cfg(target_arch = "wasm32")]
fn part_boxes(body_id: &str) -> Option<impl Iterator<Item = (web_sys::Element, web_sys::DomRect)>> {
    use wasm_bindgen::JsCast;
    let parts = gloo::utils::document()
        .get_element_by_id(body_id)?
        .query_selector_all(".gir-section > .gir-part")
        .ok()?;
    Some((0..parts.length()).filter_map(move |i| {
        let part: web_sys::Element = parts.item(i)?.dyn_into().ok()?;
        let rect = part.get_bounding_client_rect();
        Some((part, rect))
    }))
}

/// Which of the sections' parts overlap the viewport, or None if that cannot
/// be told (the page does not have the `count` parts expected). In an iframe
/// that has grown to the report's height every part is "on screen".
#[cfg(target_arch = "wasm32")]
pub fn parts_in_view(body_id: &str, count: usize) -> Option<Range<usize>> {
    let viewport = gloo::utils::window().inner_height().ok()?.as_f64()?;
    let (mut first, mut end, mut seen) = (None, 0, 0);
    let mut above_all = true;
    for (i, (_, rect)) in part_boxes(body_id)?.enumerate() {
        seen += 1;
        above_all &= rect.top() >= viewport;
        if rect.bottom() > 0.0 && rect.top() < viewport {
            first.get_or_insert(i);
            end = i + 1;
        }
    }
    if seen != count {
        return None;
    }
    Some(match first {
        Some(first) => first..end,
        // Nothing on screen: the header above them, or whatever follows.
        None if above_all => 0..0,
        None => count..count,
    })
}

#[cfg(not(target_arch = "wasm32"))]
pub fn parts_in_view(_body_id: &str, _count: usize) -> Option<Range<usize>> {
    None
}

/// The text the reader is at: a part of a section at the top of the
/// viewport, and where it was on screen.
pub struct ReadingPosition {
    #[cfg(target_arch = "wasm32")]
    element: web_sys::Element,
    #[cfg(target_arch = "wasm32")]
    top: f64,
    #[cfg(target_arch = "wasm32")]
    scroll_y: f64,
}

/// What the reader is at in the element `body_id`: the first part of a
/// section that starts in the top quarter of the viewport, or else the one
/// the viewport's top edge cuts through (a long paragraph being read). None
/// at the very top of the page (nothing to keep: the top stays the top).
#[cfg(target_arch = "wasm32")]
pub fn reading_position(body_id: &str) -> Option<ReadingPosition> {
    let window = gloo::utils::window();
    let scroll_y = window.scroll_y().ok()?;
    if scroll_y <= 0.0 {
        return None;
    }
    let line = window.inner_height().ok()?.as_f64()? / 4.0;
    let mut at = None;
    for (part, rect) in part_boxes(body_id)? {
        if rect.height() <= 0.0 || rect.bottom() <= 0.0 {
            continue;
        }
        if rect.top() >= line {
            break;
        }
        let starts_on_screen = rect.top() >= 0.0;
        at = Some((part, rect.top()));
        if starts_on_screen {
            break;
        }
    }
    at.map(|(element, top)| ReadingPosition {
        element,
        top,
        scroll_y,
    })
}

#[cfg(not(target_arch = "wasm32"))]
pub fn reading_position(_body_id: &str) -> Option<ReadingPosition> {
    None
}

impl ReadingPosition {
    /// Scrolls so that the element is where it was on screen; false (and no
    /// scrolling) once the reader has scrolled since.
    #[cfg(target_arch = "wasm32")]
    pub fn keep(&mut self) -> bool {
        let window = gloo::utils::window();
        let Ok(scroll_y) = window.scroll_y() else {
            return false;
        };
        if (scroll_y - self.scroll_y).abs() > 1.0 {
            return false;
        }
        let moved = self.element.get_bounding_client_rect().top() - self.top;
        if moved.abs() >= 1.0 {
            window.scroll_by_with_x_and_y(0.0, moved);
        }
        self.scroll_y = window.scroll_y().unwrap_or(scroll_y);
        true
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn keep(&mut self) -> bool {
        false
    }
}
