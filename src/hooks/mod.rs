//! Custom hooks: the browser-facing behaviour of the components, each in an
//! effect or an event callback, so it never runs during SSR and hydration
//! sees the prerendered markup first. Components call hooks; hooks call
//! services; components never call services themselves.

mod use_copy_link;
mod use_current_section;
mod use_font_size;
mod use_print_request;
mod use_remembered_settings;

pub use use_copy_link::use_copy_link;
pub use use_current_section::use_current_section;
pub use use_font_size::use_font_size;
pub use use_print_request::use_print_request;
pub use use_remembered_settings::use_remembered_settings;
