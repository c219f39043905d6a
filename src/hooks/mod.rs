//! Custom hooks: the browser-facing behaviour of the root component, each in
//! an effect, so it never runs during SSR and hydration sees the prerendered
//! markup first.

mod use_font_size;
mod use_print_request;
mod use_remembered_settings;

pub use use_font_size::use_font_size;
pub use use_print_request::use_print_request;
pub use use_remembered_settings::use_remembered_settings;
