//! Which parts of the text are on screen, so that a 字体 change shows on
//! them first (see [`crate::state::FontRollout`]).

use std::ops::Range;

/// Which of the sections' parts overlap the viewport, or None if that cannot
/// be told (the page does not have the `count` parts expected). In an iframe
/// that has grown to the report's height every part is "on screen".
#[cfg(target_arch = "wasm32")]
pub fn parts_in_view(body_id: &str, count: usize) -> Option<Range<usize>> {
    let viewport = gloo::utils::window().inner_height().ok()?.as_f64()?;
    let parts = super::part_boxes::PartBoxes::of(body_id).filter(|parts| parts.len() == count)?;
    super::box_search::overlapping(count, viewport, &|i| parts.span(i))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn parts_in_view(_body_id: &str, _count: usize) -> Option<Range<usize>> {
    None
}
