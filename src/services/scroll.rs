//! Which section the reader is in, for the table of contents; which parts of
//! the text are on screen and where the reader is, for a 字体 change. The
//! searches over boxes are plain functions, tested natively; only reading
//! the boxes needs the browser.

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
/// `body_id`: each head, each block with its charts), in page order.
#[cfg(target_arch = "wasm32")]
struct Parts(web_sys::NodeList);

#[cfg(target_arch = "wasm32")]
impl Parts {
    fn of(body_id: &str) -> Option<Parts> {
        let body = gloo::utils::document().get_element_by_id(body_id)?;
        body.query_selector_all(crate::markup::SECTION_PARTS_SELECTOR)
            .ok()
            .map(Parts)
    }

    fn len(&self) -> usize {
        self.0.length() as usize
    }

    fn get(&self, index: usize) -> Option<web_sys::Element> {
        wasm_bindgen::JsCast::dyn_into(self.0.item(index as u32)?).ok()
    }

    /// The top and bottom of part `index` in the viewport.
    fn span(&self, index: usize) -> Option<(f64, f64)> {
        let rect = self.get(index)?.get_bounding_client_rect();
        Some((rect.top(), rect.bottom()))
    }
}

/// Of `count` boxes in page order (so their bottoms never decrease), the
/// first whose bottom is below `y`, or `count`; `span(i)` gives the top and
/// bottom of box `i`. A binary search: a click reads a few boxes, not all of
/// them, however long the report.
pub fn first_ending_below(
    count: usize,
    y: f64,
    span: &dyn Fn(usize) -> Option<(f64, f64)>,
) -> Option<usize> {
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = (low + high) / 2;
        if span(middle)?.1 > y {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    Some(low)
}

/// The boxes that overlap the viewport (`0..viewport`); when none does, the
/// empty range where they would be, so that the boxes below come first.
pub fn overlapping(
    count: usize,
    viewport: f64,
    span: &dyn Fn(usize) -> Option<(f64, f64)>,
) -> Option<Range<usize>> {
    let first = first_ending_below(count, 0.0, span)?;
    let mut end = first;
    while end < count && span(end)?.0 < viewport {
        end += 1;
    }
    Some(first..end)
}

/// Which of the sections' parts overlap the viewport, or None if that cannot
/// be told (the page does not have the `count` parts expected). In an iframe
/// that has grown to the report's height every part is "on screen".
#[cfg(target_arch = "wasm32")]
pub fn parts_in_view(body_id: &str, count: usize) -> Option<Range<usize>> {
    let viewport = gloo::utils::window().inner_height().ok()?.as_f64()?;
    let parts = Parts::of(body_id).filter(|parts| parts.len() == count)?;
    overlapping(count, viewport, &|i| parts.span(i))
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

/// Of `count` boxes in page order, the one the reader is at: the first that
/// starts between the top of the viewport and `line`, or else the one the
/// top edge cuts through (a long paragraph being read); with its top.
pub fn reading_box(
    count: usize,
    line: f64,
    span: &dyn Fn(usize) -> Option<(f64, f64)>,
) -> Option<(usize, f64)> {
    let cut = first_ending_below(count, 0.0, span)?;
    let (top, _) = span(cut)?;
    if top >= 0.0 || cut + 1 == count {
        return (top < line).then_some((cut, top));
    }
    let (next_top, _) = span(cut + 1)?;
    Some(if next_top >= 0.0 && next_top < line {
        (cut + 1, next_top)
    } else {
        (cut, top)
    })
}

/// What the reader is at in the element `body_id` (see [`reading_box`]).
/// None at the very top of the page (nothing to keep: the top stays the top).
#[cfg(target_arch = "wasm32")]
pub fn reading_position(body_id: &str) -> Option<ReadingPosition> {
    let window = gloo::utils::window();
    let scroll_y = window.scroll_y().ok()?;
    if scroll_y <= 0.0 {
        return None;
    }
    let line = window.inner_height().ok()?.as_f64()? / 4.0;
    let parts = Parts::of(body_id)?;
    let (index, top) = reading_box(parts.len(), line, &|i| parts.span(i))?;
    Some(ReadingPosition {
        element: parts.get(index)?,
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Boxes 100 px tall with 20 px gaps, the first at `first_top`; counts
    /// how many boxes were read.
    fn page(first_top: f64, reads: &Cell<usize>) -> impl Fn(usize) -> Option<(f64, f64)> + '_ {
        move |i| {
            reads.set(reads.get() + 1);
            let top = first_top + 120.0 * i as f64;
            Some((top, top + 100.0))
        }
    }

    #[test]
    fn the_boxes_on_screen_are_found_with_a_few_reads() {
        let reads = Cell::new(0);
        // Scrolled so that box 500 starts 50 px above the top edge.
        let span = page(-50.0 - 120.0 * 500.0, &reads);
        assert_eq!(overlapping(1000, 740.0, &span), Some(500..507));
        assert!(reads.get() < 25, "{} reads", reads.get());
    }

    #[test]
    fn with_no_box_on_screen_the_range_is_empty_where_they_would_be() {
        let reads = Cell::new(0);
        // The header fills the screen: the first box starts below it.
        assert_eq!(overlapping(10, 740.0, &page(800.0, &reads)), Some(0..0));
        // Past the last box (a footer on screen).
        assert_eq!(overlapping(10, 740.0, &page(-5000.0, &reads)), Some(10..10));
        // In the gap between boxes 3 and 4, which starts at 20 px.
        let span = |i: usize| Some((-460.0 + 120.0 * i as f64, -360.0 + 120.0 * i as f64));
        assert_eq!(overlapping(10, 10.0, &span), Some(4..4));
    }

    #[test]
    fn the_reader_is_at_the_box_starting_near_the_top_or_the_one_cut_by_it() {
        let reads = Cell::new(0);
        // Box 2 starts at 10 px, inside the top quarter: that one.
        assert_eq!(
            reading_box(10, 185.0, &page(-230.0, &reads)),
            Some((2, 10.0))
        );
        // The top edge cuts box 2, and box 3 starts too far down: box 2.
        let long = |i: usize| {
            Some((
                -50.0 + 400.0 * i as f64 - 800.0,
                350.0 + 400.0 * i as f64 - 800.0,
            ))
        };
        assert_eq!(reading_box(10, 185.0, &long), Some((2, -50.0)));
        // The top edge cuts box 2 and box 3 starts in the top quarter: box 3.
        assert_eq!(
            reading_box(10, 185.0, &page(-290.0, &reads)),
            Some((3, 70.0))
        );
        // Nothing near the top (the header above the first box): none.
        assert_eq!(reading_box(10, 185.0, &page(600.0, &reads)), None);
    }
}
