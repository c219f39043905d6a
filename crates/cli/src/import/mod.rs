//! `report-viewer import`: from what a portal published to a dataset.
//!
//! It reads an input in the shape it comes in ([`Shape`]): an HTML page as
//! a portal published it (`html`), plain text copied from a page or a
//! PDF's text layer ([`text`]), a Word file (`docx`), each made into pieces
//! (lines and tables) from which `assemble` makes the report in the same
//! way; then it proposes the figures the text states, as candidates
//! ([`figures`]).
//!
//! Whatever the importer does not put into the dataset it accounts for in
//! [`Imported::dropped`] (metadata labels, separators, portal chrome, page
//! numbers, characters a dataset refuses), and whatever it was unsure of it
//! names in [`Imported::notices`]: nothing is lost silently.

mod assemble;
mod body;
mod docx;
pub mod figures;
mod header;
mod html;
mod html_source;
mod structure;
mod tables;
pub mod text;

pub use assemble::is_valid_id;

use gir_model::report::Report;
use std::borrow::Cow;

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
    /// What the notices' and dropped pieces' `line` counts.
    pub places: Places,
}

/// What a [`Notice::line`] or [`Dropped::line`] counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Places {
    /// Lines of a text (`\n`).
    #[default]
    Lines,
    /// Paragraphs of a Word file, in body order, those of table cells
    /// included: a Word file has no lines.
    Paragraphs,
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
    /// A label, header or heading row of a standard table (the viewer
    /// prints the format's own), or a row given twice.
    TableLabel,
    /// A metadata field given a second time (the first is kept), or one the
    /// dataset has no field for (`来源:`, `浏览次数:`), with its value.
    Metadata,
    /// Text a Word file holds but does not show: deleted in tracked
    /// changes, hidden, in a table cell a merged cell covers.
    Hidden,
    /// What a Word file shows that is not read: a list's bullet, a
    /// symbol of a symbol font, text boxes and shapes, equations.
    Unread,
}

/// What the importer left out, and what it wants the editor to look at.
#[derive(Default)]
pub(crate) struct Account {
    pub(crate) notices: Vec<Notice>,
    pub(crate) dropped: Vec<Dropped>,
    pub(crate) places: Places,
}

impl Account {
    pub(crate) fn notice(&mut self, line: Option<usize>, message: String) {
        self.notices.push(Notice { line, message });
    }

    /// Characters of one input line that a dataset refuses (control
    /// characters, bidirectional overrides): each dropped, and one notice
    /// naming them all.
    pub(crate) fn refuse(&mut self, line: usize, refused: &[char]) {
        if refused.is_empty() {
            return;
        }
        let named: Vec<String> = refused
            .iter()
            .map(|c| {
                self.drop(line, c.to_string(), DropKind::Forbidden);
                format!(
                    "U+{:04X} ({})",
                    u32::from(*c),
                    gir_compile::text::forbidden(*c).unwrap_or_default()
                )
            })
            .collect();
        self.notice(
            Some(line),
            format!("dropped {}: a dataset never holds one", named.join(", ")),
        );
    }

    pub(crate) fn drop(&mut self, line: usize, text: impl Into<String>, kind: DropKind) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.dropped.push(Dropped { line, text, kind });
        }
    }
}

/// A unit of a document in reading order, as each importer reads its
/// shape: the importers differ in how they find these, and share how a
/// report is made of them ([`assemble`]).
#[derive(Clone, Debug)]
pub(crate) enum Piece {
    Line(Line),
    Table(Grid),
}

/// A line as a reader sees it: trimmed, without refused characters; empty
/// for a blank line. A line of a text; a paragraph (or a `<br>`-separated
/// line of one) of a page or a Word file.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// 1-based line of the input as an editor counts lines (`\n`): where the
    /// line, or the element it was read from, starts.
    pub(crate) no: usize,
    pub(crate) text: String,
    /// Whether it began with an indent (two spaces or more, or a
    /// full-width space), as a PDF's paragraphs begin.
    pub(crate) indented: bool,
    /// A line with tabs (a table's row as a browser copies it: cells
    /// between tabs): its cells, trimmed, empty ones kept. Empty for a
    /// line without tabs.
    pub(crate) cells: Vec<String>,
}

/// A table as printed: rows of cells, a merged cell's text repeated in
/// every grid cell it covers (so a row reads left to right as printed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Grid {
    /// 1-based input line where the table starts.
    pub(crate) line: usize,
    pub(crate) rows: Vec<Vec<GridCell>>,
}

/// One grid cell: its text (the lines of a cell joined by `\n`) and the
/// input line it starts on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct GridCell {
    pub(crate) line: usize,
    pub(crate) text: String,
    /// Whether this grid cell is covered by a merged cell that starts in
    /// another row or column (its text is that cell's).
    pub(crate) spanned: bool,
}

/// Why an input cannot be imported (the command exits with 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// The shapes an input comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Plain text (copied from a page, or a PDF's text layer).
    Text,
    /// An HTML page.
    Html,
    /// A zip file: a Word document (.docx).
    Word,
}

/// What shape an input is, from its first bytes.
pub fn shape_of(bytes: &[u8]) -> Shape {
    if bytes.starts_with(b"PK\x03\x04") {
        return Shape::Word;
    }
    let start = &bytes[..bytes.len().min(1024)];
    // A page's first characters are ASCII markup in any of its encodings.
    let start = String::from_utf8_lossy(start);
    match looks_like_html(start.strip_prefix('\u{FEFF}').unwrap_or(&start)) {
        true => Shape::Html,
        false => Shape::Text,
    }
}

/// Imports an input of any supported shape from its bytes.
pub fn import_bytes(bytes: &[u8], options: &Options) -> Result<Imported, Unreadable> {
    let shape = shape_of(bytes);
    if shape == Shape::Word {
        return docx::import_docx(bytes, options);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(Unreadable(
            "a Word 97-2003 file (.doc), or a Word file with a password: save it as a .docx \
             (Word document) without a password and import that"
                .into(),
        ));
    }
    let mut account = Account::default();
    let text = decode(bytes, &mut account)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let pieces = match shape {
        Shape::Html => html::pieces(text, &mut account),
        _ => text::pieces(text, &mut account),
    };
    Ok(assemble::assemble(
        &pieces,
        shape == Shape::Text,
        options,
        account,
    ))
}

/// The input's text: UTF-8, else GB18030 (which GBK and GB2312 are part
/// of: Chinese portals' pages and Windows text files are often saved so),
/// said in a notice.
fn decode<'b>(bytes: &'b [u8], account: &mut Account) -> Result<Cow<'b, str>, Unreadable> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(utf8) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(Unreadable(format!(
                    "neither UTF-8 (invalid byte at offset {}) nor GB18030/GBK text",
                    utf8.valid_up_to()
                )));
            }
            account.notice(
                None,
                "read as GB18030 (GBK/GB2312): the input is not UTF-8; the dataset is written \
                 in UTF-8"
                    .into(),
            );
            Ok(text)
        }
    }
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
    fn shapes_are_told_by_their_first_bytes() {
        assert_eq!(shape_of(b"  <!DOCTYPE html><html>"), Shape::Html);
        assert_eq!(shape_of(b"<p class=\"x\">text</p>"), Shape::Html);
        assert_eq!(shape_of("\u{FEFF}<html>".as_bytes()), Shape::Html);
        assert_eq!(shape_of(b"PK\x03\x04\x14\x00"), Shape::Word);
        let options = Options::default();
        let refused = |bytes: &[u8]| import_bytes(bytes, &options).unwrap_err().0;
        assert!(refused(b"PK\x03\x04\x14\x00").contains("zip file that cannot be read"));
        assert!(refused(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").contains("Word 97-2003"));
        // Text that merely mentions a tag further on is text.
        assert_eq!(shape_of("标题\n一、a\n正文<p>".as_bytes()), Shape::Text);
    }

    #[test]
    fn gbk_is_read_and_anything_else_refused_with_a_reason() {
        let options = Options::default();
        // 南芬 in GBK.
        let gbk = [0xC4, 0xCF, 0xB7, 0xD2, b'\n', b'1'];
        let imported = import_bytes(&gbk, &options).unwrap();
        assert_eq!(imported.report.title, "南芬");
        assert!(imported
            .notices
            .iter()
            .any(|n| n.message.contains("GB18030")));
        let refused = import_bytes(&[0xFF, 0xFF, 0x30], &options).unwrap_err().0;
        assert!(refused.contains("neither UTF-8"), "{refused}");
        // A byte-order mark is not text.
        let imported = import_bytes("\u{FEFF}标题\n一、a".as_bytes(), &options).unwrap();
        assert_eq!(imported.report.title, "标题");
    }
}
