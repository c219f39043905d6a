//! The contract between a host page and the viewer: the attributes of a mount
//! element, and what they ask for. Pure, so it is tested natively.
//!
//! ```html
//! <div data-gir-viewer data-gir-report="nanfen-2017" data-gir-font-size="大"
//!      data-gir-src="data/nanfen-2017.0123456789abcdef.bin" data-gir-integrity="sha384-…"></div>
//! ```

use crate::state::FontSize;

/// Marks an element for the viewer to render into (or hydrate, if it holds
/// prerendered HTML).
pub const MOUNT_ATTRIBUTE: &str = "data-gir-viewer";
/// Selects the mount elements (see [`MOUNT_ATTRIBUTE`]).
pub const MOUNT_SELECTOR: &str = "[data-gir-viewer]";
/// Which report the mount shows (its `id`): the report in the data file must
/// be this one. Empty or absent: whichever the data file holds.
pub const REPORT_ATTRIBUTE: &str = "data-gir-report";
/// The URL of the report's data file (`data/<id>.<hash>.bin`, written by the
/// build), relative to the viewer's folder ([`BASE_ATTRIBUTE`]). The boot
/// module fetches it, once per file however many mounts name it.
pub const SRC_ATTRIBUTE: &str = "data-gir-src";
/// The data file's Subresource-Integrity hash (`sha384-…`), as the build
/// wrote it. Required: a data file is fetched with it or not at all (it
/// holds the chart drawings the viewer puts in the page).
pub const INTEGRITY_ATTRIBUTE: &str = "data-gir-integrity";
/// On a prerendered mount (written by the build): the smaller data file
/// that takes over the markup the mount holds (`gir_model::page::PageReport::for_hydration`),
/// and its integrity. The boot module fetches it instead of
/// [`SRC_ATTRIBUTE`]'s while the mount's markup is the build's (its
/// fingerprint matches); a mount it renders afresh needs the whole file.
pub const HYDRATION_SRC_ATTRIBUTE: &str = "data-gir-hydration-src";
pub const HYDRATION_INTEGRITY_ATTRIBUTE: &str = "data-gir-hydration-integrity";
/// The initial 字体 size: 大/中/小 or large/medium/small; anything else: 中.
pub const FONT_SIZE_ATTRIBUTE: &str = "data-gir-font-size";
/// Set by the viewer once a mount is live: `hydrated` or `rendered`.
pub const STATE_ATTRIBUTE: &str = "data-gir-state";
/// Set by the build on a prerendered mount: a fingerprint of its markup (see
/// `page::fingerprint`). The boot module renders a mount afresh when its
/// markup no longer matches, instead of hydrating what a CMS rewrote.
pub const FINGERPRINT_ATTRIBUTE: &str = "data-gir-fingerprint";
/// The state of a mount whose viewer stopped: see [`FAILURE_NOTICE`].
pub const FAILED_STATE: &str = "failed";

/// The notice above a failed viewer's report, saying `$text`: fixed markup,
/// no data in it (one call instead of building it node by node keeps the
/// wasm smaller). No `'`, `\\` or line break, so the boot module can hold it
/// in a single-quoted string. An empty `href` is the page itself: the link
/// reloads it.
macro_rules! failure_notice {
    ($text:literal) => {
        concat!(
            r#"<div class="gir gir-failure" role="alert"><p class="gir-failure__text">"#,
            $text,
            r#"<a class="gir-failure__reload" href="">重新加载页面</a></p></div>"#
        )
    };
}

/// Shown by the viewer after a panic and by the boot module when the wasm
/// is refused or fails to start (see `failure_notice!`).
pub const FAILURE_NOTICE: &str =
    failure_notice!("查看器出现错误,字体、打印等按钮暂时无法使用;下方报告正文仍可阅读。");

/// Shown by the boot module on a mount whose report data could not be
/// loaded: the data file is missing or unreachable, fails its integrity
/// check, or is not the mount's report. Other mounts are not affected.
pub const DATA_FAILURE_NOTICE: &str =
    failure_notice!("本报告的数据无法加载,字体、打印等按钮暂时无法使用;下方报告正文仍可阅读。");

/// The URL of the folder the viewer's files are served from, for links to its
/// data files. The boot module fills it in; absent: `./`.
pub const BASE_ATTRIBUTE: &str = "data-gir-base";

/// The folder of the viewer's files, provided to components as a context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetBase(pub yew::AttrValue);

impl Default for AssetBase {
    fn default() -> Self {
        AssetBase("./".into())
    }
}

impl AssetBase {
    /// `path` (relative to the viewer's folder) as a link.
    pub fn url(&self, path: &str) -> String {
        if self.0.ends_with('/') {
            format!("{}{path}", self.0)
        } else {
            format!("{}/{path}", self.0)
        }
    }
}

/// What a mount element asks the viewer for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MountConfig {
    /// Id of the report to show; empty means whichever the data file holds
    /// (natively: the first embedded one).
    pub report_id: String,
    /// The size to start with; a size the reader chose earlier wins once the
    /// page is live.
    pub font_size: FontSize,
    /// Where the viewer's own files (data downloads) are served from.
    pub asset_base: AssetBase,
}

/// What a mount asks for, reading its attributes through `attribute`.
pub fn config_from_attributes(attribute: impl Fn(&str) -> Option<String>) -> MountConfig {
    MountConfig {
        report_id: attribute(REPORT_ATTRIBUTE).unwrap_or_default(),
        font_size: attribute(FONT_SIZE_ATTRIBUTE)
            .and_then(|value| FontSize::parse(&value))
            .unwrap_or_default(),
        asset_base: attribute(BASE_ATTRIBUTE)
            .filter(|base| !base.is_empty())
            .map(|base| AssetBase(base.into()))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_failure_notices_fit_in_a_single_quoted_script_string() {
        for notice in [FAILURE_NOTICE, DATA_FAILURE_NOTICE] {
            assert!(!notice.contains(['\'', '\\', '\n', '\r']));
            assert!(notice.contains("role=\"alert\""));
            assert!(notice.contains(r#"<a class="gir-failure__reload" href="">重新加载页面</a>"#));
        }
        assert!(DATA_FAILURE_NOTICE.contains("本报告的数据无法加载"));
    }

    #[test]
    fn the_mount_selector_selects_the_mount_attribute() {
        assert_eq!(MOUNT_SELECTOR, format!("[{MOUNT_ATTRIBUTE}]"));
    }

    #[test]
    fn attributes_become_a_config_with_safe_defaults() {
        let props = config_from_attributes(|name| match name {
            REPORT_ATTRIBUTE => Some("nanfen-2017".into()),
            FONT_SIZE_ATTRIBUTE => Some("大".into()),
            _ => None,
        });
        assert_eq!(props.report_id, "nanfen-2017");
        assert_eq!(props.font_size, FontSize::Large);
        let defaults =
            config_from_attributes(|name| (name == FONT_SIZE_ATTRIBUTE).then(|| "巨大".into()));
        assert_eq!(defaults.report_id, "");
        assert_eq!(defaults.font_size, FontSize::Medium);
        assert_eq!(defaults.asset_base.url("data/x.csv"), "./data/x.csv");
        let based = config_from_attributes(|name| {
            (name == BASE_ATTRIBUTE).then(|| "https://gov.example/viewer".into())
        });
        assert_eq!(
            based.asset_base.url("data/x.csv"),
            "https://gov.example/viewer/data/x.csv"
        );
    }
}
