//! `report-viewer import`: from what a portal published to a dataset.
//!
//! This version reads the **plain-text** shape (text copied from a report
//! page or from a PDF's text layer, as the seed file is); HTML pages and
//! Word files are recognised and refused with a message, until their
//! importers exist. See [`text`] for what is recognised in the text.
//!
//! Whatever the importer does not put into the dataset it accounts for in
//! [`Imported::dropped`] (metadata labels, separators, portal chrome, page
//! numbers, characters a dataset refuses), and whatever it was unsure of it
//! names in [`Imported::notices`]: nothing is lost silently.

pub mod figures;
pub mod text;

use gir_model::report::Report;

/// What the caller knows beyond the text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The report's id; when `None`, made from `source_name`, else from the
    /// year in the title.
    pub id: Option<String>,
    /// The input's file name, if it has one (ids are made from its stem).
    pub source_name: Option<String>,
}

/// A dataset made from an input, with what became of the rest of it.
#[derive(Clone, Debug)]
pub struct Imported {
    pub report: Report,
    /// Things the editor should look at, each with the input line it is about.
    pub notices: Vec<Notice>,
    /// Every piece of the input that is not in the dataset, and why.
    pub dropped: Vec<Dropped>,
}

/// Something the importer was unsure of, or left for the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// 1-based line of the input, where the notice is about one.
    pub line: Option<usize>,
    pub message: String,
}

/// A piece of the input that is not in the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// 1-based line of the input.
    pub line: usize,
    pub text: String,
    pub kind: DropKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropKind {
    /// A metadata label with its colon (`索引号:`, `文 号:`): the dataset
    /// keys the value by field instead.
    Label,
    /// `|` between metadata fields.
    Separator,
    /// The portal's controls and navigation (`【字体:大 中 小】`, `打印本页`,
    /// `当前位置:首页 > …`).
    Chrome,
    /// A line that is a page number of the PDF the text came from.
    PageNumber,
    /// A character a dataset refuses (control characters, bidirectional
    /// overrides).
    Forbidden,
    /// A metadata field given a second time (the first is kept), or one the
    /// dataset has no field for (`来源:`, `浏览次数:`), with its value.
    Metadata,
}

/// Why an input cannot be imported (the command exits with 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// Imports an input of any supported shape from its bytes.
pub fn import_bytes(bytes: &[u8], options: &Options) -> Result<Imported, Unreadable> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Unreadable(
            "this is a zip file (a .docx?): the Word importer is not there yet; \
             save the report's text (or copy it from the page) and import that"
                .into(),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Unreadable(format!(
            "not UTF-8 text (invalid byte at offset {}); a page saved as GBK/GB18030 \
             can be converted first: iconv -f GB18030 -t UTF-8",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if looks_like_html(text) {
        return Err(Unreadable(
            "this looks like an HTML page: the HTML importer is not there yet; \
             copy the report's text from the page (or its PDF) and import that"
                .into(),
        ));
    }
    Ok(text::import_text(text, options))
}

/// Markup at the start of the document: `<!DOCTYPE`, `<html`, `<?xml`, or a
/// tag on the first non-blank line.
fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start().get(..16).unwrap_or(text.trim_start());
    let start = start.to_ascii_lowercase();
    [
        "<!doctype",
        "<html",
        "<?xml",
        "<head",
        "<body",
        "<meta",
        "<div",
        "<p>",
        "<p ",
        "<table",
    ]
    .iter()
    .any(|tag| start.starts_with(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_word_and_non_utf8_are_refused_with_a_reason() {
        let options = Options::default();
        let refused = |bytes: &[u8]| import_bytes(bytes, &options).unwrap_err().0;
        assert!(refused(b"  <!DOCTYPE html><html>").contains("HTML importer"));
        assert!(refused(b"<p class=\"x\">text</p>").contains("HTML importer"));
        assert!(refused(b"PK\x03\x04\x14\x00").contains("Word importer"));
        assert!(refused(&[0xC4, 0xCF, 0xB7, 0xD2]).contains("GB18030"));
        // Text that merely mentions a tag further on is text.
        assert!(import_bytes("标题\n一、a\n正文<p>".as_bytes(), &options).is_ok());
        // A byte-order mark is not text.
        let imported = import_bytes("\u{FEFF}标题\n一、a".as_bytes(), &options).unwrap();
        assert_eq!(imported.report.title, "标题");
    }
}
