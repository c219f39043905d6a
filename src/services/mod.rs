//! Browser I/O, kept out of the components. Natively (SSR, tests) every
//! function is a no-op, so components stay renderable ahead of time.
//!
//! Scrolling does three jobs, one module each: the 目录's scroll-spy
//! ([`section_spy`]), the parts of the text on screen when 字体 changes
//! ([`parts_in_view`]) and the reading position kept while it rolls out
//! ([`reading_position`]); the last two search the parts' boxes with the
//! plain functions of [`box_search`].

pub mod box_search;
pub mod clipboard;
pub mod frames;
#[cfg(target_arch = "wasm32")]
mod part_boxes;
pub mod parts_in_view;
pub mod preferences;
pub mod print;
pub mod reading_position;
pub mod section_spy;
