//! The sections' parts in the page and their boxes, for the searches in
//! [`super::box_search`] (browser only).

use crate::markup::SECTION_PARTS_SELECTOR;
use wasm_bindgen::JsCast;

/// The sections' parts (see [`crate::markup::PART_CLASS`]) in the element
/// `body_id`: each section's head, each block with its charts, in page order.
pub struct PartBoxes(web_sys::NodeList);

impl PartBoxes {
    pub fn of(body_id: &str) -> Option<PartBoxes> {
        let body = gloo::utils::document().get_element_by_id(body_id)?;
        body.query_selector_all(SECTION_PARTS_SELECTOR)
            .ok()
            .map(PartBoxes)
    }

    pub fn len(&self) -> usize {
        self.0.length() as usize
    }

    pub fn get(&self, index: usize) -> Option<web_sys::Element> {
        self.0.item(index as u32)?.dyn_into().ok()
    }

    /// The top and bottom of part `index` in the viewport.
    pub fn span(&self, index: usize) -> Option<(f64, f64)> {
        let rect = self.get(index)?.get_bounding_client_rect();
        Some((rect.top(), rect.bottom()))
    }
}
