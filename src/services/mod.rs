//! Browser I/O, kept out of the components. Natively (SSR, tests) every
//! function is a no-op, so components stay renderable ahead of time.

pub mod clipboard;
pub mod frames;
pub mod preferences;
pub mod print;
pub mod scroll;
