//! The site configuration: `report-viewer.toml` in the first folder of
//! datasets (`report-viewer init DIR` writes a commented one). Every key
//! is optional; a file with an unknown key, a value of the wrong kind or a
//! value the site cannot use is refused with its place, as a dataset is.

use gir_compile::text::printable;
use serde::Deserialize;
use std::path::Path;

/// The configuration's file name.
pub const FILE_NAME: &str = "report-viewer.toml";

/// The largest configuration file read.
const MAX_BYTES: u64 = 64 * 1024;
/// The longest library title (characters).
const MAX_TITLE_CHARS: usize = 100;

/// What a site's configuration says.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The library's title: its index page's heading and title.
    #[serde(default = "default_title")]
    pub title: String,
    /// The path the portal serves the site under (`/xxgk/ndbg/`), where
    /// `report-viewer serve` serves it too, so a page is tried where it
    /// will be read. The built files are the same whatever it is: every
    /// link in them is relative.
    #[serde(default = "default_base_path")]
    pub base_path: String,
}

fn default_title() -> String {
    crate::library::INDEX_TITLE.to_string()
}

fn default_base_path() -> String {
    "/".to_string()
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: default_title(),
            base_path: default_base_path(),
        }
    }
}

/// The commented configuration `report-viewer init` writes: every key, at
/// its default, with what it does.
pub const TEMPLATE: &str = r#"# The site configuration of report-viewer (`report-viewer build` and `serve`
# read it from the first folder of datasets). Every key is optional: remove
# the `#` of a line to set it.

# The library's title: the heading and title of its index page (a site of
# two reports or more).
# title = "政府信息公开工作年度报告库"

# The path the portal serves the site under, starting and ending with `/`
# (for example "/xxgk/ndbg/"). `report-viewer serve` serves the site there,
# so a page is tried where readers will read it. The built files are the
# same whatever it is: every link in them is relative.
# base_path = "/"
"#;

/// The configuration of a site whose datasets are in `folder`: its
/// `report-viewer.toml`, or the defaults without one.
pub fn load(folder: &Path) -> Result<SiteConfig, String> {
    let path = folder.join(FILE_NAME);
    let name = printable(&path.display().to_string());
    let bytes = match std::fs::File::open(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(SiteConfig::default()),
        Err(e) => return Err(format!("{name}: cannot read: {e}")),
        Ok(file) => {
            use std::io::Read;
            let mut bytes = Vec::new();
            file.take(MAX_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{name}: cannot read: {e}"))?;
            bytes
        }
    };
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "{name}: more than {MAX_BYTES} bytes: not a site configuration"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text"))?;
    parse(&name, &text)
}

/// Parses the configuration `text` (`name` is its file, for messages).
pub fn parse(name: &str, text: &str) -> Result<SiteConfig, String> {
    let config: SiteConfig = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|span| line_and_column(text, span.start))
            .unwrap_or((1, 1));
        format!("{name}:{line}:{column}: {}", printable(e.message()))
    })?;
    check(name, text, &config)?;
    Ok(config)
}

/// The values the site cannot use, each named with the line of its key.
fn check(name: &str, text: &str, config: &SiteConfig) -> Result<(), String> {
    let place = |key: &str| {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 1);
        format!("{name}:{line}:1")
    };
    let title = config.title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return Err(format!(
            "{}: title: 1 to {MAX_TITLE_CHARS} characters",
            place("title")
        ));
    }
    if let Some((c, why)) = config
        .title
        .chars()
        .find_map(|c| gir_compile::text::forbidden(c).map(|why| (c, why)))
    {
        return Err(format!(
            "{}: title: holds {why} (U+{:04X})",
            place("title"),
            u32::from(c)
        ));
    }
    let base = &config.base_path;
    let url_safe = |c: char| c.is_ascii_alphanumeric() || "/-_.~".contains(c);
    if !base.starts_with('/')
        || !base.ends_with('/')
        || !base.chars().all(url_safe)
        || base.split('/').any(|part| part == "." || part == "..")
        || base.contains("//")
    {
        return Err(format!(
            "{}: base_path: a path such as \"/xxgk/ndbg/\" (starting and ending with /; ASCII letters, digits, - _ . ~), not {}",
            place("base_path"),
            printable(&format!("{base:?}"))
        ));
    }
    Ok(())
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_the_defaults() {
        assert_eq!(parse("t.toml", TEMPLATE), Ok(SiteConfig::default()));
        let uncommented: String = TEMPLATE
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains(" = "))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(parse("t.toml", &uncommented), Ok(SiteConfig::default()));
    }

    #[test]
    fn values_are_read() {
        let config = parse(
            "t.toml",
            "title = \"某市报告库\"\nbase_path = \"/xxgk/ndbg/\"\n",
        )
        .unwrap();
        assert_eq!(config.title, "某市报告库");
        assert_eq!(config.base_path, "/xxgk/ndbg/");
    }

    #[test]
    fn mistakes_are_refused_with_their_place() {
        for (text, expected) in [
            ("titel = \"x\"\n", "t.toml:1:1: unknown field `titel`"),
            ("\n\ntitle = 3\n", "t.toml:3:9: invalid type"),
            ("title = \"\"\n", "t.toml:1:1: title: 1 to 100 characters"),
            ("title = \"a\\u202eb\"\n", "t.toml:1:1: title: holds"),
            (
                "\nbase_path = \"xxgk\"\n",
                "t.toml:2:1: base_path: a path such as",
            ),
            ("base_path = \"/a/../b/\"\n", "t.toml:1:1: base_path"),
            ("base_path = \"/a b/\"\n", "t.toml:1:1: base_path"),
        ] {
            let error = parse("t.toml", text).unwrap_err();
            assert!(error.starts_with(expected), "{text:?}: {error}");
        }
    }
}
