//! The reader's settings, remembered in localStorage across visits.
//!
//! Storage can be unavailable (privacy modes, sandboxed frames): then a choice
//! simply lasts for the visit.

use crate::state::FontSize;

#[cfg(target_arch = "wasm32")]
mod storage {
    pub const FONT_SIZE_KEY: &str = "gir-font-size";
    pub const CONTRAST_KEY: &str = "gir-high-contrast";

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok()?
    }

    pub fn set(key: &str, value: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(key, value);
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub fn stored_font_size() -> Option<FontSize> {
    FontSize::parse(&storage::get(storage::FONT_SIZE_KEY)?)
}

#[cfg(target_arch = "wasm32")]
pub fn store_font_size(size: FontSize) {
    storage::set(storage::FONT_SIZE_KEY, size.key());
}

#[cfg(target_arch = "wasm32")]
pub fn stored_high_contrast() -> Option<bool> {
    storage::get(storage::CONTRAST_KEY).map(|v| v == "on")
}

#[cfg(target_arch = "wasm32")]
pub fn store_high_contrast(on: bool) {
    storage::set(storage::CONTRAST_KEY, if on { "on" } else { "off" });
}

#[cfg(not(target_arch = "wasm32"))]
pub fn stored_font_size() -> Option<FontSize> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn store_font_size(_size: FontSize) {}

#[cfg(not(target_arch = "wasm32"))]
pub fn stored_high_contrast() -> Option<bool> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn store_high_contrast(_on: bool) {}
