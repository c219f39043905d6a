//! Keeping the line being read where it is on screen while the text above it
//! changes size (a 字体 change rolling out over several frames).

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

/// What the reader is at in the element `body_id`: the part that starts in
/// the top quarter of the viewport, or the one its top edge cuts through (see
/// [`super::box_search::reading_box`]). None at the very top of the page
/// (nothing to keep: the top stays the top).
#[cfg(target_arch = "wasm32")]
pub fn reading_position(body_id: &str) -> Option<ReadingPosition> {
    let window = gloo::utils::window();
    let scroll_y = window.scroll_y().ok()?;
    if scroll_y <= 0.0 {
        return None;
    }
    let line = window.inner_height().ok()?.as_f64()? / 4.0;
    let parts = super::part_boxes::PartBoxes::of(body_id)?;
    let (index, top) = super::box_search::reading_box(parts.len(), line, &|i| parts.span(i))?;
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
