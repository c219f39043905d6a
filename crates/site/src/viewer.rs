//! The viewer's own files, built with this crate and carried inside it: the
//! wasm and its glue (`build.rs` builds them from the app crate) and the
//! stylesheet. A site is written from these and the datasets alone.

/// wasm-bindgen's `--target web` glue, as `build.rs` made it.
pub const GLUE: &str = include_str!(concat!(env!("OUT_DIR"), "/viewer.js"));
/// The wasm, optimised (`wasm-opt`), as `build.rs` made it.
pub const WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/viewer_bg.wasm"));
/// The viewer's stylesheet.
pub const STYLESHEET: &str = include_str!("../../../assets/viewer.css");

/// The custom section in which the wasm names the sources it was built from.
const BUILD_SECTION: &str = "gir-build";

/// Checks that `wasm` was built from the same sources as the markup this
/// binary prerenders (`gir::BUILD_ID`): hydration of markup the wasm does
/// not render would fail in every reader's browser, so such a pair never
/// ships.
pub fn check_build(wasm: &[u8]) -> Result<(), String> {
    let found = crate::glue::custom_section(wasm, BUILD_SECTION)?;
    if found == Some(gir::BUILD_ID.as_bytes()) {
        return Ok(());
    }
    Err(format!(
        "the viewer's wasm was built from other sources ({}) than its markup ({}): rebuild report-viewer",
        found.map_or("no build id".to_string(), |id| String::from_utf8_lossy(id).into_owned()),
        gir::BUILD_ID
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_carried_wasm_comes_from_the_sources_of_the_markup() {
        assert_eq!(check_build(WASM), Ok(()));
    }

    #[test]
    fn a_wasm_from_other_sources_is_refused() {
        // The same wasm with one digit of its build id changed.
        let section = crate::glue::custom_section(WASM, BUILD_SECTION)
            .unwrap()
            .expect("the wasm names its build");
        let at = section.as_ptr() as usize - WASM.as_ptr() as usize;
        let mut other = WASM.to_vec();
        other[at] = if other[at] == b'0' { b'1' } else { b'0' };
        let error = check_build(&other).unwrap_err();
        assert!(error.contains("rebuild report-viewer"), "{error}");
        // And a wasm without the section at all.
        let bare = b"\0asm\x01\0\0\0";
        assert!(check_build(bare).unwrap_err().contains("no build id"));
    }
}
