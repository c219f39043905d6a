//! The reader's font-size choice, remembered in localStorage.
//!
//! Storage can be unavailable (privacy modes, sandboxed frames): then the
//! choice simply lasts for the visit.

use crate::state::FontSize;

#[cfg(target_arch = "wasm32")]
const FONT_SIZE_KEY: &str = "gir-font-size";

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(target_arch = "wasm32")]
pub fn stored_font_size() -> Option<FontSize> {
    let value = storage()?.get_item(FONT_SIZE_KEY).ok()??;
    FontSize::parse(&value)
}

#[cfg(target_arch = "wasm32")]
pub fn store_font_size(size: FontSize) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(FONT_SIZE_KEY, size.key());
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn stored_font_size() -> Option<FontSize> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn store_font_size(_size: FontSize) {}
