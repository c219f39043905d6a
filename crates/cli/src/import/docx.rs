//! The Word importer: a `.docx` file (Office Open XML) as editors write
//! it, read with `zip` and `quick-xml`.
//!
//! It reads `word/document.xml` in body order, with `word/styles.xml` and
//! `word/numbering.xml` for the paragraphs' automatic numbering:
//!
//! - **Paragraphs** (`w:p`): one line each, the text of its runs joined
//!   with nothing (a word or a number split over runs is whole again);
//!   `w:tab` is a space, `w:br` and `w:cr` end a line and start another,
//!   `w:noBreakHyphen` is `-`, an optional hyphen nothing. Inserted text of
//!   tracked changes (`w:ins`) is read, hyperlinks', content controls' and
//!   fields' results are read; an empty paragraph is a blank line. A
//!   paragraph whose mark is deleted in tracked changes (or hidden) is shown
//!   by Word run on into the next one: so it is read.
//! - **Automatic numbering**: a paragraph numbered by `w:numPr` (its own or
//!   its style's, following `w:basedOn`) begins with its label as Word
//!   shows it, computed from `word/numbering.xml` (`w:lvlText` such as
//!   `%1、` or `(%1)` with each level's `w:numFmt`: decimal, Chinese
//!   counting, 甲乙丙, letters, Roman …; counters per list, lower levels
//!   restarted when a higher one advances, `w:startOverride` honoured). The
//!   label is followed by nothing where Word puts a tab after it (the gap is
//!   layout, as an indent is: `一、总体情况`) and by one space where Word
//!   puts a space.
//! - **Tables** (`w:tbl`): rows of grid cells, a merged cell's text in
//!   every grid cell it covers (`w:gridSpan` across, `w:vMerge` down, and
//!   the old `w:hMerge`), `w:gridBefore`/`w:gridAfter` as empty cells; a
//!   cell's text is its paragraphs' joined by `\n`, a table inside a cell
//!   flattened into that text.
//!
//! Left out, each named in a notice and recorded in
//! [`super::Imported::dropped`] where it is text: text Word does not show
//! (deleted in tracked changes, `w:del`; hidden, `w:vanish`; held by a
//! cell that a vertical merge covers) as [`DropKind::Hidden`]; text Word
//! shows that is not read (a list's bullet, a symbol `w:sym`, text boxes
//! and shapes, equations, ruby annotations) as [`DropKind::Unread`];
//! characters a dataset refuses as [`DropKind::Forbidden`]; footnote
//! marks (the notes are not read) are named. Not read, and not named: field
//! instructions (`w:instrText`: code, not text), comments, page headers and
//! footers (page numbers, the office's name), formatting. A table of
//! contents is a field's result: its entries are read as Word shows them.
//!
//! **Places.** A Word file has no lines: a notice's or a dropped piece's
//! `line` is the 1-based ordinal of the paragraph it is about among all
//! paragraphs of the body in document order, those in table cells included
//! (`report.docx: paragraph 12: …`).
//!
//! **Hostile files.** At most 20 MB of `word/document.xml` (8 MB of the
//! other parts) is inflated, whatever the zip says; elements nested at most
//! 256 deep, tables in cells at most 8 deep; merged cells repeat at most
//! 64 MB of text in all; malformed XML is refused with its place.

use super::assemble::assemble;
use super::{
    Account, DropKind, Grid, GridCell, Imported, Line, Options, Piece, Places, Unreadable,
};
use gir_compile::text::forbidden;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

/// The main part's name.
const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";
const NUMBERING: &str = "word/numbering.xml";
/// The largest `word/document.xml` inflated: a long report's is under 2 MB.
const MAX_DOCUMENT_BYTES: u64 = 20 * 1024 * 1024;
/// The largest styles or numbering part inflated.
const MAX_PART_BYTES: u64 = 8 * 1024 * 1024;
/// Elements nested deeper than this: not a report's file.
const MAX_DEPTH: usize = 256;
/// Elements kept of one part (formatting is not kept).
const MAX_ELEMENTS: usize = 1_000_000;
/// Tables in tables' cells, nested deeper than this: not a report's file.
const MAX_TABLE_DEPTH: usize = 8;
/// Grid columns one merged cell (or the empty cells before or after a row)
/// may cover.
const MAX_SPAN: usize = 64;
/// Grid cells of all tables, merged cells' copies included.
const MAX_GRID_CELLS: usize = 1_000_000;
/// Text in grid cells of all tables, merged cells' copies included.
const MAX_GRID_TEXT: usize = 64 * 1024 * 1024;
/// Fields (`w:fldChar`) open at once that are followed.
const MAX_FIELD_DEPTH: usize = 64;
/// `w:basedOn` links followed from a paragraph's style.
const MAX_STYLE_LINKS: usize = 8;
/// Levels of a list (`w:ilvl` 0 to 8).
const LEVELS: usize = 9;
/// Quoted text in a notice is cut at this many characters.
const MAX_QUOTE_CHARS: usize = 40;

/// Imports a `.docx` file from its bytes.
pub(super) fn import_docx(bytes: &[u8], options: &Options) -> Result<Imported, Unreadable> {
    let mut account = Account {
        places: Places::Paragraphs,
        ..Account::default()
    };
    let pieces = pieces(bytes, &mut account)?;
    Ok(assemble(&pieces, false, options, account))
}

/// The pieces of a `.docx` file, in body order: its paragraphs' lines and
/// its tables.
pub(super) fn pieces(bytes: &[u8], account: &mut Account) -> Result<Vec<Piece>, Unreadable> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Unreadable(format!(
            "a zip file that cannot be read ({e}): is the .docx whole? (a file cut short, \
             or not a .docx)"
        ))
    })?;
    let Some(document) = read_part(&mut archive, DOCUMENT, MAX_DOCUMENT_BYTES)? else {
        let odt = archive.index_for_name("content.xml").is_some();
        return Err(Unreadable(if odt {
            "a zip file without word/document.xml but with content.xml: an OpenDocument \
             file (.odt)? Save it as .docx (Word) and import that"
                .into()
        } else {
            "a zip file without word/document.xml: not a Word (.docx) file".into()
        }));
    };
    let styles = match read_part(&mut archive, STYLES, MAX_PART_BYTES)? {
        Some(xml) => Styles::read(&parse(STYLES, &xml)?),
        None => Styles::default(),
    };
    let numbering = match read_part(&mut archive, NUMBERING, MAX_PART_BYTES)? {
        Some(xml) => Numbering::read(&parse(NUMBERING, &xml)?),
        None => Numbering::default(),
    };
    let root = parse(DOCUMENT, &document)?;
    drop(document);
    if !root.is(Ns::W, "document") {
        return Err(Unreadable(format!(
            "{DOCUMENT}: the root element is <{}>, not a Word document's <w:document>",
            root.name
        )));
    }
    let Some(body) = root.child("body") else {
        return Err(Unreadable(format!(
            "{DOCUMENT}: no <w:body>: not a Word document"
        )));
    };
    let mut walker = Walker {
        styles,
        numbering,
        counters: HashMap::new(),
        seen_lists: HashSet::new(),
        fields: Vec::new(),
        fields_beyond: 0,
        paragraphs: 0,
        grid_cells: 0,
        grid_text: 0,
        bullets: Vec::new(),
        unknown_formats: HashSet::new(),
        account,
    };
    let mut pieces = Vec::new();
    walker.blocks(body, 0, &mut pieces)?;
    walker.finish();
    Ok(pieces)
}

/// A part of the zip, inflated up to `limit` bytes (whatever sizes the zip
/// states): `None` when the zip has no such part.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, Unreadable> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Unreadable(format!(
                "{name}: cannot be read from the zip: {e}"
            )))
        }
    };
    let too_large = || {
        Unreadable(format!(
            "{name}: more than {} MB inflated: not a report's Word file",
            limit / (1024 * 1024)
        ))
    };
    if file.size() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.by_ref()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Unreadable(format!("{name}: cannot be inflated: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Unreadable(format!(
            "{name}: not UTF-8 (invalid byte at offset {}): Word writes UTF-8; \
             open and save the file in Word",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(Some(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    }))
}

// ---- the XML of a part, as a tree of the elements read ----

/// The namespaces read; the others' elements are kept as [`Ns::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ns {
    /// WordprocessingML, `w:` (transitional or strict).
    W,
    /// Markup compatibility, `mc:` (`mc:AlternateContent`).
    Mc,
    /// Office math, `m:`.
    Math,
    Other,
}

impl Ns {
    fn of(resolved: &ResolveResult<'_>) -> Ns {
        match resolved {
            ResolveResult::Bound(ns) => match ns.0 {
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
                "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
                "http://schemas.openxmlformats.org/officeDocument/2006/math"
                | "http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
                _ => Ns::Other,
            },
            _ => Ns::Other,
        }
    }
}

#[derive(Debug)]
struct Element {
    ns: Ns,
    name: String,
    /// `w:` attributes and unprefixed ones, by local name.
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The first `w:` child named `name`.
    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(Ns::W, name))
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// `w:val`.
    fn val(&self) -> Option<&str> {
        self.attr("val")
    }

    /// The `w:val` of the child `name`.
    fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(Element::val)
    }

    /// Whether a toggle property (`<w:vanish/>`, `<w:vanish w:val="0"/>`) is on.
    fn is_on(&self) -> bool {
        !matches!(self.val(), Some("0" | "false" | "off"))
    }

    /// The text directly in this element (of `w:t`).
    fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|node| match node {
                Node::Text(text) => Some(text.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// The text of every `w:t` (and `m:t`) below, paragraphs separated by
    /// spaces: for naming what is not read.
    fn all_text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn collect_text(&self, out: &mut String) {
        if self.name == "t" && matches!(self.ns, Ns::W | Ns::Math) {
            out.push_str(&self.text());
        }
        if self.is(Ns::W, "p") || self.is(Ns::W, "tab") || self.is(Ns::W, "br") {
            out.push(' ');
        }
        for child in self.elements() {
            child.collect_text(out);
        }
    }
}

/// Elements whose text is kept (any other text is whitespace between tags).
fn holds_text(element: &Element) -> bool {
    element.name == "t" && matches!(element.ns, Ns::W | Ns::Math) || element.is(Ns::W, "delText")
}

/// Elements not kept, with all they hold: formatting, and the run
/// properties but those that say whether text is shown.
fn skipped(parent: &Element, ns: Ns, name: &str) -> bool {
    if ns != Ns::W {
        return false;
    }
    if parent.is(Ns::W, "rPr") {
        return !matches!(name, "vanish" | "del" | "moveFrom");
    }
    matches!(
        name,
        "sectPr"
            | "tblPr"
            | "tblGrid"
            | "tblPrEx"
            | "tcBorders"
            | "pBdr"
            | "tabs"
            | "spacing"
            | "ind"
            | "shd"
            | "rFonts"
            | "instrText"
            | "delInstrText"
            | "bookmarkStart"
            | "bookmarkEnd"
            | "proofErr"
    )
}

/// Parses a part's XML into a tree of the elements read; malformed XML,
/// too deep or too many elements is unreadable.
fn parse(part: &str, xml: &str) -> Result<Element, Unreadable> {
    let mut reader = NsReader::from_str(xml);
    let mut stack: Vec<Element> = vec![Element {
        ns: Ns::Other,
        name: String::new(),
        attrs: Vec::new(),
        children: Vec::new(),
    }];
    // Depth inside a skipped element (0: not in one).
    let mut skipping = 0usize;
    let mut elements = 0usize;
    let malformed = |reader: &NsReader<&[u8]>, message: String| {
        let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
        Unreadable(format!(
            "{part}: malformed XML at {}: {message}",
            place(xml, at)
        ))
    };
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok((resolved, event)) => (Ns::of(&resolved), event),
            Err(e) => return Err(malformed(&reader, e.to_string())),
        };
        match event {
            Event::Start(ref start) | Event::Empty(ref start) => {
                let empty = matches!(event, Event::Empty(_));
                if stack.len() - 1 + skipping >= MAX_DEPTH {
                    return Err(Unreadable(format!(
                        "{part}: elements nested more than {MAX_DEPTH} deep: not a report's Word file"
                    )));
                }
                let name = start.local_name().as_ref().to_string();
                let parent = stack.last().expect("the root stays");
                if skipping > 0 || skipped(parent, resolved, &name) {
                    if !empty {
                        skipping += 1;
                    }
                    continue;
                }
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return Err(Unreadable(format!(
                        "{part}: more than {MAX_ELEMENTS} elements: not a report's Word file"
                    )));
                }
                let attrs =
                    attributes(&reader, start).map_err(|message| malformed(&reader, message))?;
                let element = Element {
                    ns: resolved,
                    name,
                    attrs,
                    children: Vec::new(),
                };
                if empty {
                    let parent = stack.last_mut().expect("the root stays");
                    parent.children.push(Node::Element(element));
                } else {
                    stack.push(element);
                }
            }
            Event::End(_) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                let Some(element) = stack.pop().filter(|_| !stack.is_empty()) else {
                    return Err(malformed(&reader, "an end tag without its start".into()));
                };
                let parent = stack.last_mut().expect("checked above");
                parent.children.push(Node::Element(element));
            }
            Event::Text(text) => push_text(&mut stack, skipping, &text.xml10_content()),
            Event::CData(text) => push_text(&mut stack, skipping, &text.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&reference) {
                        Some(text) => text.to_string(),
                        None => {
                            return Err(malformed(
                                &reader,
                                format!("the entity &{}; is not defined", &*reference),
                            ))
                        }
                    },
                    Err(e) => return Err(malformed(&reader, e.to_string())),
                };
                push_text(&mut stack, skipping, &resolved);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() != 1 || skipping > 0 {
        let at = xml.len();
        return Err(Unreadable(format!(
            "{part}: malformed XML at {}: the file ends inside an element (cut short?)",
            place(xml, at)
        )));
    }
    let root = stack.pop().expect("the root stays");
    root.children
        .into_iter()
        .find_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
        .ok_or_else(|| Unreadable(format!("{part}: no XML element in it")))
}

fn push_text(stack: &mut [Element], skipping: usize, text: &str) {
    let Some(top) = stack.last_mut() else { return };
    if skipping > 0 || !holds_text(top) {
        return;
    }
    match top.children.last_mut() {
        Some(Node::Text(last)) => last.push_str(text),
        _ => top.children.push(Node::Text(text.to_string())),
    }
}

/// The `w:` and unprefixed attributes of an element, by local name.
fn attributes(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
) -> Result<Vec<(String, String)>, String> {
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = attr.key;
        if key.as_ref().starts_with("xmlns") {
            continue;
        }
        let (resolved, local) = reader.resolver().resolve_attribute(key);
        let ours = match resolved {
            ResolveResult::Unbound => true,
            ref bound => Ns::of(bound) == Ns::W,
        };
        if !ours {
            continue;
        }
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?;
        attrs.push((local.as_ref().to_string(), value.into_owned()));
    }
    Ok(attrs)
}

/// `line L, column C (byte B)` of a byte offset in `xml`.
fn place(xml: &str, at: usize) -> String {
    let mut at = at.min(xml.len());
    while !xml.is_char_boundary(at) {
        at -= 1;
    }
    let before = &xml[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("line {line}, column {column} (byte {at})")
}

/// The branch of `mc:AlternateContent` read: the fallback, which every
/// reader understands, else the first choice.
fn alternative(element: &Element) -> Option<&Element> {
    element
        .elements()
        .find(|e| e.is(Ns::Mc, "Fallback"))
        .or_else(|| element.elements().find(|e| e.is(Ns::Mc, "Choice")))
}

// ---- styles and numbering ----

/// What a paragraph style says about numbering.
#[derive(Debug, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    level: Option<usize>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    /// The paragraph style of paragraphs that name none.
    default_paragraph: Option<String>,
}

impl Styles {
    fn read(root: &Element) -> Styles {
        let mut styles = Styles::default();
        for style in root.elements().filter(|e| e.is(Ns::W, "style")) {
            let Some(id) = style.attr("styleId") else {
                continue;
            };
            let num_pr = style.child("pPr").and_then(|p| p.child("numPr"));
            if style.attr("type") == Some("paragraph")
                && style
                    .attr("default")
                    .is_some_and(|d| matches!(d, "1" | "true" | "on"))
            {
                styles.default_paragraph = Some(id.to_string());
            }
            styles.by_id.entry(id.to_string()).or_insert(Style {
                based_on: style.child_val("basedOn").map(str::to_string),
                num_id: num_pr
                    .and_then(|n| n.child_val("numId"))
                    .map(str::to_string),
                level: num_pr.and_then(|n| n.child_val("ilvl")).and_then(level),
            });
        }
        styles
    }

    /// The numbering a style gives its paragraphs (its own, or that of the
    /// style it is based on), with the style that gives it.
    fn numbering(&self, id: &str) -> Option<(&str, Option<usize>, &str)> {
        let mut id = id;
        for _ in 0..=MAX_STYLE_LINKS {
            let (key, style) = self.by_id.get_key_value(id)?;
            if let Some(num_id) = &style.num_id {
                return Some((num_id, style.level, key));
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}

/// `w:ilvl`, 0 to 8.
fn level(text: &str) -> Option<usize> {
    text.trim().parse().ok().filter(|l| *l < LEVELS)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Suffix {
    /// A tab: layout, read as nothing.
    #[default]
    Tab,
    Space,
    Nothing,
}

/// A level of a list (`w:lvl`).
#[derive(Clone, Debug, Default)]
struct Level {
    start: i64,
    format: String,
    text: Option<String>,
    suffix: Suffix,
    /// `w:isLgl`: every level's number written in decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style this level is for.
    style: Option<String>,
    picture_bullet: bool,
}

impl Level {
    fn read(lvl: &Element) -> Level {
        Level {
            start: lvl
                .child_val("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0),
            format: lvl.child_val("numFmt").unwrap_or("decimal").to_string(),
            text: lvl.child_val("lvlText").map(str::to_string),
            suffix: match lvl.child_val("suff") {
                Some("space") => Suffix::Space,
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            },
            legal: lvl.child("isLgl").is_some_and(Element::is_on),
            style: lvl.child_val("pStyle").map(str::to_string),
            picture_bullet: lvl.child("lvlPicBulletId").is_some(),
        }
    }

    fn is_bullet(&self) -> bool {
        self.format == "bullet" || self.picture_bullet
    }
}

/// `w:abstractNum`: a list's levels.
#[derive(Debug, Default)]
struct AbstractList {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels are the numbering style's.
    style_link: Option<String>,
}

/// `w:num`: a list as paragraphs name it, with its overrides.
#[derive(Debug, Default)]
struct List {
    abstract_id: String,
    starts: [Option<i64>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, AbstractList>,
    lists: HashMap<String, List>,
}

impl Numbering {
    fn read(root: &Element) -> Numbering {
        let mut numbering = Numbering::default();
        for element in root.elements() {
            if element.is(Ns::W, "abstractNum") {
                let Some(id) = element.attr("abstractNumId") else {
                    continue;
                };
                let mut list = AbstractList {
                    style_link: element.child_val("numStyleLink").map(str::to_string),
                    ..AbstractList::default()
                };
                for lvl in element.elements().filter(|e| e.is(Ns::W, "lvl")) {
                    if let Some(l) = lvl.attr("ilvl").and_then(level) {
                        list.levels[l].get_or_insert_with(|| Level::read(lvl));
                    }
                }
                numbering.abstracts.entry(id.to_string()).or_insert(list);
            } else if element.is(Ns::W, "num") {
                let (Some(id), Some(abstract_id)) =
                    (element.attr("numId"), element.child_val("abstractNumId"))
                else {
                    continue;
                };
                let mut list = List {
                    abstract_id: abstract_id.to_string(),
                    ..List::default()
                };
                for over in element.elements().filter(|e| e.is(Ns::W, "lvlOverride")) {
                    let Some(l) = over.attr("ilvl").and_then(level) else {
                        continue;
                    };
                    list.starts[l] = over
                        .child_val("startOverride")
                        .and_then(|s| s.trim().parse().ok());
                    list.levels[l] = over.child("lvl").map(Level::read);
                }
                numbering.lists.entry(id.to_string()).or_insert(list);
            }
        }
        numbering
    }
}

/// A paragraph's number as Word shows it: its label, or the bullet it
/// shows instead.
#[derive(Debug, PartialEq, Eq)]
enum Label {
    Text(String),
    Bullet(String),
}

// ---- number formats ----

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一, 101 → 一百零一,
/// 0 → 〇: Word's `chineseCounting`. `None` from 100,000,000 on.
fn chinese_counting(n: u64) -> Option<String> {
    /// `first`: the number's first part (where 十 is written without 一).
    fn below_10000(n: u64, out: &mut String, first: bool) {
        const UNITS: [&str; 4] = ["", "十", "百", "千"];
        let mut zero = false;
        let mut written = false;
        for position in (0..4).rev() {
            let digit = (n / 10u64.pow(position)) % 10;
            if digit == 0 {
                zero = written;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            // 十一, not 一十一, at the start of the number.
            if !(digit == 1 && position == 1 && !written && first) {
                out.push(CHINESE_DIGITS[digit as usize]);
            }
            out.push_str(UNITS[position as usize]);
            written = true;
        }
    }
    match n {
        0 => Some("〇".into()),
        1..=9_999 => {
            let mut out = String::new();
            below_10000(n, &mut out, true);
            Some(out)
        }
        10_000..=99_999_999 => {
            let mut out = String::new();
            below_10000(n / 10_000, &mut out, true);
            out.push('万');
            let low = n % 10_000;
            if low > 0 {
                if low < 1_000 {
                    out.push('零');
                }
                below_10000(low, &mut out, false);
            }
            Some(out)
        }
        _ => None,
    }
}

fn roman(n: u64) -> Option<String> {
    const NUMERALS: [(u64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    if !(1..4000).contains(&n) {
        return None;
    }
    let mut n = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    Some(out)
}

/// A counter's value as a level's `w:numFmt` writes it: `None` for a format
/// this importer does not know (written in decimal, and named).
fn format_number(n: i64, format: &str) -> Option<String> {
    let decimal = n.to_string();
    let Ok(u) = u64::try_from(n) else {
        return Some(decimal);
    };
    let cycle = |symbols: &[char]| -> String {
        match u {
            0 => decimal.clone(),
            _ => symbols[((u - 1) % symbols.len() as u64) as usize].to_string(),
        }
    };
    let enclosed = |first: u32| -> String {
        match u {
            1..=20 => char::from_u32(first + u as u32 - 1).map_or(decimal.clone(), String::from),
            _ => decimal.clone(),
        }
    };
    let letter = |base: u8| -> String {
        match u {
            0 => decimal.clone(),
            _ => {
                let c = char::from(base + ((u - 1) % 26) as u8);
                let times = ((u - 1) / 26 + 1).min(100) as usize;
                c.to_string().repeat(times)
            }
        }
    };
    Some(match format {
        "decimal" | "decimalHalfWidth" => decimal,
        "decimalZero" if u < 10 => format!("0{u}"),
        "decimalZero" => decimal,
        "decimalFullWidth" | "decimalFullWidth2" => decimal
            .chars()
            .map(|c| char::from_u32(u32::from(c) - u32::from('0') + 0xFF10).unwrap_or(c))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(0x2460),
        "decimalEnclosedParen" => enclosed(0x2474),
        "decimalEnclosedFullstop" => enclosed(0x2488),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese_counting(u).unwrap_or(decimal),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => decimal
            .chars()
            .map(|c| CHINESE_DIGITS[usize::from(c as u8 - b'0')])
            .collect(),
        "ideographTraditional" => {
            cycle(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'])
        }
        "ideographZodiac" => cycle(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "lowerLetter" => letter(b'a'),
        "upperLetter" => letter(b'A'),
        "lowerRoman" => roman(u).unwrap_or(decimal),
        "upperRoman" => roman(u).map_or(decimal, |r| r.to_uppercase()),
        "none" => String::new(),
        _ => return None,
    })
}

// ---- the body ----

/// A paragraph's runs as read: its visible text, in lines, and what Word
/// does not show.
#[derive(Default)]
struct Runs {
    lines: Vec<String>,
    refused: Vec<char>,
    /// Deleted in tracked changes.
    deleted: String,
    /// Hidden (`w:vanish`).
    hidden: String,
    /// Text (not instructions) inside a field's instructions.
    instructions: String,
}

/// Whether text is shown, and if not why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Yes,
    Deleted,
    Hidden,
}

impl Runs {
    fn push(&mut self, text: &str, shown: Shown) {
        match shown {
            Shown::Yes => {
                if self.lines.is_empty() {
                    self.lines.push(String::new());
                }
                let line = self.lines.last_mut().expect("one line at least");
                for c in text.chars() {
                    match forbidden(c) {
                        None => line.push(c),
                        Some(_) if c.is_whitespace() => line.push(' '),
                        Some(_) => self.refused.push(c),
                    }
                }
            }
            Shown::Deleted => self.deleted.push_str(text),
            Shown::Hidden => self.hidden.push_str(text),
        }
    }

    fn break_line(&mut self, shown: Shown) {
        match shown {
            Shown::Yes => {
                if self.lines.is_empty() {
                    self.lines.push(String::new());
                }
                self.lines.push(String::new());
            }
            _ => self.push(" ", shown),
        }
    }
}

struct Walker<'a> {
    styles: Styles,
    numbering: Numbering,
    /// The lists' counters, per abstract list (lists that share one count on).
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    /// The lists (`w:numId`) numbered so far.
    seen_lists: HashSet<String>,
    /// The fields open: whether each is in its instructions (not shown).
    fields: Vec<bool>,
    /// Fields opened beyond [`MAX_FIELD_DEPTH`], not followed.
    fields_beyond: usize,
    /// Paragraphs begun so far.
    paragraphs: usize,
    grid_cells: usize,
    grid_text: usize,
    /// Paragraphs whose bullet was left out.
    bullets: Vec<usize>,
    /// Number formats not known, named once each.
    unknown_formats: HashSet<String>,
    account: &'a mut Account,
}

impl Walker<'_> {
    /// Block content (a body, a cell, a content control's): paragraphs and
    /// tables into `out`. `tables`: how many tables it is inside.
    fn blocks(
        &mut self,
        parent: &Element,
        tables: usize,
        out: &mut Vec<Piece>,
    ) -> Result<(), Unreadable> {
        // A paragraph whose mark is deleted runs on into the next.
        let mut held: Option<Vec<Line>> = None;
        for child in parent.elements() {
            match (child.ns, child.name.as_str()) {
                (Ns::W, "p") => {
                    let (mut lines, runs_on) = self.paragraph(child);
                    if let Some(mut before) = held.take() {
                        if let (Some(last), false) = (before.last_mut(), lines.is_empty()) {
                            let first = lines.remove(0);
                            last.text.push_str(&first.text);
                        }
                        before.extend(lines);
                        lines = before;
                    }
                    if runs_on {
                        held = Some(lines);
                    } else {
                        out.extend(lines.into_iter().map(Piece::Line));
                    }
                }
                (Ns::W, "tbl") => {
                    out.extend(held.take().into_iter().flatten().map(Piece::Line));
                    if let Some(grid) = self.table(child, tables + 1)? {
                        out.push(Piece::Table(grid));
                    }
                }
                (Ns::W, "sdt") => {
                    if let Some(content) = child.child("sdtContent") {
                        self.blocks(content, tables, out)?;
                    }
                }
                (Ns::W, "customXml" | "ins" | "moveTo") => self.blocks(child, tables, out)?,
                (Ns::Mc, "AlternateContent") => {
                    if let Some(branch) = alternative(child) {
                        self.blocks(branch, tables, out)?;
                    }
                }
                (Ns::W, "altChunk") => self.account.notice(
                    Some(self.paragraphs + 1),
                    "an embedded document (w:altChunk, such as pasted HTML) is not read: \
                     copy its text into the Word file"
                        .into(),
                ),
                _ => {}
            }
        }
        out.extend(held.into_iter().flatten().map(Piece::Line));
        Ok(())
    }

    /// A paragraph's lines (its label first), and whether it runs on into
    /// the next paragraph (its mark deleted or hidden).
    fn paragraph(&mut self, p: &Element) -> (Vec<Line>, bool) {
        self.paragraphs += 1;
        let no = self.paragraphs;
        let properties = p.child("pPr");
        let mark = properties.and_then(|p| p.child("rPr"));
        let mark_deleted =
            mark.is_some_and(|m| m.child("del").is_some() || m.child("moveFrom").is_some());
        let mark_hidden = mark
            .and_then(|m| m.child("vanish"))
            .is_some_and(Element::is_on);
        let mut runs = Runs::default();
        match self.label(properties, no) {
            Some(Label::Text(label)) => runs.push(&label, Shown::Yes),
            Some(Label::Bullet(bullet)) => {
                self.account.drop(no, bullet, DropKind::Unread);
                self.bullets.push(no);
            }
            None => {}
        }
        self.inline(p, Shown::Yes, &mut runs);
        let Runs {
            lines,
            refused,
            deleted,
            hidden,
            instructions,
        } = runs;
        self.account.refuse(no, &refused);
        self.left_out(
            no,
            &deleted,
            DropKind::Hidden,
            "text deleted in tracked changes",
        );
        self.left_out(
            no,
            &hidden,
            DropKind::Hidden,
            "hidden text (Word's 隐藏文字)",
        );
        self.left_out(
            no,
            &instructions,
            DropKind::Hidden,
            "text among a field's instructions (w:fldChar)",
        );
        let mut lines: Vec<Line> = lines
            .into_iter()
            .map(|text| Line {
                no,
                text: text.trim().to_string(),
                indented: false,
                cells: Vec::new(),
            })
            .collect();
        if lines.is_empty() && !mark_hidden {
            // An empty paragraph is a blank line; with a hidden mark, Word
            // shows nothing of it.
            lines.push(Line {
                no,
                text: String::new(),
                indented: false,
                cells: Vec::new(),
            });
        }
        (lines, mark_deleted || mark_hidden)
    }

    /// Records text that is not in the dataset, and names it.
    fn left_out(&mut self, no: usize, text: &str, kind: DropKind, what: &str) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        let verb = match kind {
            DropKind::Hidden => "Word does not show it",
            _ => "it is not read",
        };
        self.account.notice(
            Some(no),
            format!("{what} is left out ({verb}): “{}”", quote(&text)),
        );
        self.account.drop(no, text, kind);
    }

    /// Inline content of a paragraph (or of a hyperlink, a content control,
    /// an insertion …): runs, and what holds runs.
    fn inline(&mut self, parent: &Element, shown: Shown, runs: &mut Runs) {
        for child in parent.elements() {
            match (child.ns, child.name.as_str()) {
                (Ns::W, "r") => self.run(child, shown, runs),
                (
                    Ns::W,
                    "hyperlink" | "smartTag" | "customXml" | "fldSimple" | "dir" | "bdo" | "ins"
                    | "moveTo",
                ) => self.inline(child, shown, runs),
                (Ns::W, "del" | "moveFrom") => self.inline(child, Shown::Deleted, runs),
                (Ns::W, "sdt") => {
                    if let Some(content) = child.child("sdtContent") {
                        self.inline(content, shown, runs);
                    }
                }
                (Ns::Mc, "AlternateContent") => {
                    if let Some(branch) = alternative(child) {
                        self.inline(branch, shown, runs);
                    }
                }
                (Ns::Math, "oMath" | "oMathPara") => {
                    let text = child.all_text();
                    self.left_out(self.paragraphs, &text, DropKind::Unread, "an equation");
                }
                _ => {}
            }
        }
    }

    /// Whether text at this point is a field's instructions (not shown).
    fn in_instructions(&self) -> bool {
        self.fields.contains(&true)
    }

    fn run(&mut self, run: &Element, shown: Shown, runs: &mut Runs) {
        let hidden = run
            .child("rPr")
            .and_then(|p| p.child("vanish"))
            .is_some_and(Element::is_on);
        let shown = match shown {
            Shown::Yes if hidden => Shown::Hidden,
            shown => shown,
        };
        self.run_content(run, shown, runs);
    }

    fn run_content(&mut self, parent: &Element, shown: Shown, runs: &mut Runs) {
        let no = self.paragraphs;
        for child in parent.elements() {
            if child.is(Ns::Mc, "AlternateContent") {
                if let Some(branch) = alternative(child) {
                    self.run_content(branch, shown, runs);
                }
                continue;
            }
            if child.ns != Ns::W {
                continue;
            }
            let instructions = self.in_instructions();
            match child.name.as_str() {
                "t" | "delText" if instructions => runs.instructions.push_str(&child.text()),
                "t" => runs.push(&child.text(), shown),
                "delText" => runs.push(&child.text(), Shown::Deleted),
                "tab" | "ptab" if !instructions => runs.push(" ", shown),
                "br" | "cr" if !instructions => runs.break_line(shown),
                "noBreakHyphen" if !instructions => runs.push("-", shown),
                "fldChar" => match child.attr("fldCharType") {
                    Some("begin") if self.fields.len() < MAX_FIELD_DEPTH => self.fields.push(true),
                    Some("begin") => self.fields_beyond += 1,
                    Some("separate") if self.fields_beyond == 0 => {
                        if let Some(last) = self.fields.last_mut() {
                            *last = false;
                        }
                    }
                    Some("end") if self.fields_beyond > 0 => self.fields_beyond -= 1,
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "sym" if shown == Shown::Yes && !instructions => {
                    let code = child.attr("char").unwrap_or("");
                    let font = child.attr("font").unwrap_or("?");
                    let symbol = u32::from_str_radix(code.trim(), 16)
                        .ok()
                        .and_then(char::from_u32)
                        .filter(|c| forbidden(*c).is_none());
                    self.account.notice(
                        Some(no),
                        format!(
                            "a symbol of the font {font} (character {code}) is left out: \
                             it is a picture of that font, not text"
                        ),
                    );
                    if let Some(symbol) = symbol {
                        self.account.drop(no, symbol.to_string(), DropKind::Unread);
                    }
                }
                "footnoteReference" | "endnoteReference" if shown == Shown::Yes => {
                    self.account.notice(
                        Some(no),
                        "a footnote (or endnote) mark is left out: the notes are not read; \
                         add their text to the dataset if it is the report's"
                            .into(),
                    );
                }
                "drawing" | "pict" | "object" if shown == Shown::Yes => {
                    let text = child.all_text();
                    self.left_out(no, &text, DropKind::Unread, "text in a text box or shape");
                }
                "ruby" => {
                    if let Some(base) = child.child("rubyBase") {
                        self.inline(base, shown, runs);
                    }
                    if let (Some(annotation), Shown::Yes) = (child.child("rt"), shown) {
                        let text = annotation.all_text();
                        self.left_out(no, &text, DropKind::Unread, "a ruby annotation (注音)");
                    }
                }
                _ => {}
            }
        }
    }

    /// The numbering label of a paragraph with these properties, advancing
    /// its list's counters.
    fn label(&mut self, properties: Option<&Element>, no: usize) -> Option<Label> {
        let own = properties.and_then(|p| p.child("numPr"));
        let style_id = properties
            .and_then(|p| p.child_val("pStyle"))
            .map(str::to_string)
            .or_else(|| self.styles.default_paragraph.clone());
        let from_style = style_id
            .as_deref()
            .and_then(|id| self.styles.numbering(id))
            .map(|(num, level, style)| (num.to_string(), level, style.to_string()));
        let num_id = own
            .and_then(|n| n.child_val("numId"))
            .map(str::to_string)
            .or_else(|| from_style.as_ref().map(|(num, ..)| num.clone()))?;
        if num_id.trim() == "0" {
            return None;
        }
        let Some(list) = self.numbering.lists.get(&num_id) else {
            self.account.notice(
                Some(no),
                format!(
                    "the paragraph is numbered by list {num_id}, which word/numbering.xml does \
                     not define: Word shows no number, and none is read"
                ),
            );
            return None;
        };
        let mut abstract_id = list.abstract_id.clone();
        let mut list_abstract = self.numbering.abstracts.get(&abstract_id)?;
        // A list that is a numbering style's: its levels are the style's list's.
        if let Some((linked_num, ..)) = list_abstract
            .style_link
            .as_deref()
            .and_then(|style| self.styles.numbering(style))
        {
            if let Some(linked) = self.numbering.lists.get(linked_num).and_then(|l| {
                Some((
                    l.abstract_id.clone(),
                    self.numbering.abstracts.get(&l.abstract_id)?,
                ))
            }) {
                (abstract_id, list_abstract) = linked;
            }
        }
        let levels: [Option<Level>; LEVELS] = std::array::from_fn(|l| {
            list.levels[l]
                .clone()
                .or_else(|| list_abstract.levels[l].clone())
        });
        let level_of_style = || {
            let (.., style) = from_style.as_ref()?;
            levels
                .iter()
                .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
        };
        let ilvl = own
            .and_then(|n| n.child_val("ilvl"))
            .and_then(level)
            .or_else(|| from_style.as_ref().and_then(|(_, level, _)| *level))
            .or_else(level_of_style)
            .unwrap_or(0);
        let level = levels[ilvl].clone()?;
        let starts: [i64; LEVELS] = std::array::from_fn(|l| {
            list.starts[l]
                .or_else(|| levels[l].as_ref().map(|level| level.start))
                .unwrap_or(0)
        });
        let counters = self.counters.entry(abstract_id).or_insert([None; LEVELS]);
        if self.seen_lists.insert(num_id) {
            // A list that starts over (w:startOverride) does at its first paragraph.
            for (counter, start) in counters.iter_mut().zip(&list.starts) {
                if start.is_some() {
                    *counter = None;
                }
            }
        }
        counters[ilvl] = Some(counters[ilvl].map_or(starts[ilvl], |n| n.saturating_add(1)));
        for counter in counters.iter_mut().skip(ilvl + 1) {
            *counter = None;
        }
        let values: [i64; LEVELS] = std::array::from_fn(|l| counters[l].unwrap_or(starts[l]));
        let text = level.text.clone().unwrap_or_default();
        if level.is_bullet() {
            return Some(Label::Bullet(text));
        }
        let mut label = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = match (c, chars.peek()) {
                ('%', Some(d @ '1'..='9')) => Some(*d as usize - '1' as usize),
                _ => None,
            };
            let Some(l) = placeholder else {
                label.push(c);
                continue;
            };
            chars.next();
            let format = match (&levels[l], level.legal) {
                (_, true) => "decimal",
                (Some(other), false) => other.format.as_str(),
                (None, false) => "decimal",
            };
            match format_number(values[l], format) {
                Some(number) => label.push_str(&number),
                None => {
                    label.push_str(&values[l].to_string());
                    if self.unknown_formats.insert(format.to_string()) {
                        self.account.notice(
                            Some(no),
                            format!(
                                "the numbering format “{format}” is not known here: its numbers \
                                 are written 1, 2, 3 (“{}”): write them as Word shows them",
                                values[l]
                            ),
                        );
                    }
                }
            }
        }
        if !label.is_empty() && level.suffix == Suffix::Space {
            label.push(' ');
        }
        Some(Label::Text(label))
    }

    /// A table's grid, `None` for one without rows.
    fn table(&mut self, table: &Element, depth: usize) -> Result<Option<Grid>, Unreadable> {
        if depth > MAX_TABLE_DEPTH {
            return Err(Unreadable(format!(
                "{DOCUMENT}: tables nested in table cells more than {MAX_TABLE_DEPTH} deep: \
                 not a report's Word file"
            )));
        }
        let line = self.paragraphs + 1;
        let mut rows: Vec<Vec<GridCell>> = Vec::new();
        for row in wrapped(table, "tr") {
            let first = self.paragraphs + 1;
            let properties = row.child("trPr");
            let count = |name: &str| {
                properties
                    .and_then(|p| p.child_val(name))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0)
                    .min(MAX_SPAN)
            };
            let mut cells: Vec<GridCell> = Vec::new();
            for _ in 0..count("gridBefore") {
                self.grid_cell(&mut cells, first, String::new(), false)?;
            }
            for cell in wrapped(row, "tc") {
                let properties = cell.child("tcPr");
                let span = properties
                    .and_then(|p| p.child_val("gridSpan"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_SPAN);
                let merge = |name: &str| {
                    properties
                        .and_then(|p| p.child(name))
                        .map(|m| !matches!(m.val(), Some("restart")))
                };
                let continues_down = merge("vMerge").unwrap_or(false);
                let continues_across = merge("hMerge").unwrap_or(false);
                let (cell_line, text) = self.cell(cell, depth)?;
                let above = |column: usize| rows.last().and_then(|r: &Vec<GridCell>| r.get(column));
                let covering: Option<&GridCell> = if continues_down {
                    above(cells.len())
                } else if continues_across {
                    cells.last()
                } else {
                    None
                };
                match covering {
                    Some(_) => {
                        for _ in 0..span {
                            let covering = if continues_down {
                                above(cells.len())
                            } else {
                                cells.last()
                            };
                            let (line, covered) = covering
                                .map_or((cell_line, String::new()), |c| (c.line, c.text.clone()));
                            self.grid_cell(&mut cells, line, covered, true)?;
                        }
                        self.left_out(
                            cell_line,
                            &text,
                            DropKind::Hidden,
                            "text of a table cell that a merged cell covers",
                        );
                    }
                    None => {
                        self.grid_cell(&mut cells, cell_line, text.clone(), false)?;
                        for _ in 1..span {
                            self.grid_cell(&mut cells, cell_line, text.clone(), true)?;
                        }
                    }
                }
            }
            for _ in 0..count("gridAfter") {
                self.grid_cell(&mut cells, first, String::new(), false)?;
            }
            let deleted = properties.is_some_and(|p| p.child("del").is_some());
            if deleted {
                let text = super::tables::printed_row(&cells);
                self.left_out(
                    first,
                    &text,
                    DropKind::Hidden,
                    "a table row deleted in tracked changes",
                );
                continue;
            }
            rows.push(cells);
        }
        Ok((!rows.is_empty()).then_some(Grid { line, rows }))
    }

    fn grid_cell(
        &mut self,
        cells: &mut Vec<GridCell>,
        line: usize,
        text: String,
        spanned: bool,
    ) -> Result<(), Unreadable> {
        self.grid_cells += 1;
        self.grid_text = self.grid_text.saturating_add(text.len());
        if self.grid_cells > MAX_GRID_CELLS || self.grid_text > MAX_GRID_TEXT {
            return Err(Unreadable(format!(
                "{DOCUMENT}: the tables' merged cells cover more than {MAX_GRID_CELLS} cells \
                 or repeat more than {} MB of text: not a report's Word file",
                MAX_GRID_TEXT / (1024 * 1024)
            )));
        }
        cells.push(GridCell {
            line,
            text,
            spanned,
        });
        Ok(())
    }

    /// A cell's first paragraph and text: its paragraphs' lines joined by
    /// `\n`, a table in it flattened; no blank lines before or after.
    fn cell(&mut self, cell: &Element, depth: usize) -> Result<(usize, String), Unreadable> {
        let line = self.paragraphs + 1;
        let mut pieces = Vec::new();
        self.blocks(cell, depth, &mut pieces)?;
        let mut lines: Vec<String> = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Line(l) => lines.push(l.text),
                Piece::Table(grid) => {
                    for row in grid.rows {
                        lines.extend(row.into_iter().filter(|c| !c.spanned).map(|c| c.text));
                    }
                }
            }
        }
        let text = lines.join("\n");
        Ok((line, text.trim_matches('\n').to_string()))
    }

    /// Notices about the whole file.
    fn finish(&mut self) {
        if let Some(&first) = self.bullets.first() {
            let count = self.bullets.len();
            self.account.notice(
                Some(first),
                format!(
                    "{count} paragraph(s) of bulleted lists (the first here): the bullets are \
                     left out (a dataset's paragraphs carry no bullets)"
                ),
            );
        }
    }
}

/// The `w:` children named `name` of `parent`, and those inside content
/// controls and custom XML around them (rows of a table, cells of a row).
fn wrapped<'e>(parent: &'e Element, name: &str) -> Vec<&'e Element> {
    let mut found = Vec::new();
    for child in parent.elements() {
        if child.is(Ns::W, name) {
            found.push(child);
        } else if child.is(Ns::W, "sdt") {
            if let Some(content) = child.child("sdtContent") {
                found.extend(wrapped(content, name));
            }
        } else if child.is(Ns::W, "customXml") {
            found.extend(wrapped(child, name));
        }
    }
    found
}

/// `text` cut for a notice.
fn quote(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn zip(parts: &[(&str, String)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, text) in parts {
            writer.start_file(*name, options).unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    /// A .docx of a body's XML, with the numbering's and styles' when not
    /// empty.
    fn docx(body: &str, numbering: &str, styles: &str) -> Vec<u8> {
        let mut parts = vec![(
            DOCUMENT,
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
                 <w:document xmlns:w=\"{W}\" \
                 xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\">\
                 <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr></w:body></w:document>"
            ),
        )];
        if !numbering.is_empty() {
            parts.push((
                NUMBERING,
                format!("<w:numbering xmlns:w=\"{W}\">{numbering}</w:numbering>"),
            ));
        }
        if !styles.is_empty() {
            parts.push((
                STYLES,
                format!("<w:styles xmlns:w=\"{W}\">{styles}</w:styles>"),
            ));
        }
        zip(&parts)
    }

    fn read(bytes: &[u8]) -> (Vec<Piece>, Account) {
        let mut account = Account::default();
        let pieces = pieces(bytes, &mut account).unwrap();
        (pieces, account)
    }

    /// The lines' texts (a table as `[table]`).
    fn texts(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|piece| match piece {
                Piece::Line(line) => line.text.clone(),
                Piece::Table(_) => "[table]".into(),
            })
            .collect()
    }

    fn notices(account: &Account) -> Vec<(Option<usize>, &str)> {
        account
            .notices
            .iter()
            .map(|n| (n.line, n.message.as_str()))
            .collect()
    }

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    }

    #[test]
    fn chinese_counting_as_word_writes_it() {
        let cases = [
            (0, "〇"),
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (12_345, "一万二千三百四十五"),
        ];
        for (n, written) in cases {
            assert_eq!(chinese_counting(n).as_deref(), Some(written), "{n}");
        }
        assert_eq!(chinese_counting(100_000_000), None);
    }

    #[test]
    fn number_formats() {
        let cases = [
            (3, "decimal", "3"),
            (12, "decimalFullWidth", "\u{FF11}\u{FF12}"),
            (3, "decimalEnclosedCircle", "③"),
            (21, "decimalEnclosedCircle", "21"),
            (4, "decimalZero", "04"),
            (3, "ideographTraditional", "丙"),
            (11, "ideographTraditional", "甲"),
            (10, "ideographDigital", "一〇"),
            (27, "lowerLetter", "aa"),
            (2, "upperLetter", "B"),
            (14, "upperRoman", "XIV"),
            (4, "lowerRoman", "iv"),
            (12, "chineseCountingThousand", "十二"),
            (5, "none", ""),
            (-1, "chineseCounting", "-1"),
        ];
        for (n, format, written) in cases {
            assert_eq!(
                format_number(n, format).as_deref(),
                Some(written),
                "{n} {format}"
            );
        }
        assert_eq!(format_number(1, "ordinalText"), None);
    }

    #[test]
    fn runs_are_joined_and_tabs_breaks_and_hyphens_are_what_word_shows() {
        let body = [
            p(&format!("{}{}", r("全年12"), r("34条"))),
            p(
                "<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/>\
               <w:softHyphen/><w:t>丁</w:t><w:cr/></w:r>",
            ),
            p(""),
            p(
                "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>\
               <w:hyperlink><w:r><w:t>  链接&amp;&lt;&#x41;</w:t></w:r></w:hyperlink>",
            ),
        ]
        .concat();
        let (pieces, account) = read(&docx(&body, "", ""));
        assert_eq!(
            texts(&pieces),
            ["全年1234条", "甲 乙", "丙-丁", "", "", "链接&<A"]
        );
        let nos: Vec<usize> = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Line(line) => line.no,
                Piece::Table(grid) => grid.line,
            })
            .collect();
        assert_eq!(nos, [1, 2, 2, 2, 3, 4]);
        assert!(account.notices.is_empty() && account.dropped.is_empty());
    }

    #[test]
    fn what_word_does_not_show_is_dropped_and_named() {
        let body = [
            p(&format!(
                "{}<w:ins><w:r><w:t>新增</w:t></w:r></w:ins>\
                 <w:del><w:r><w:delText>删去</w:delText><w:t>旧词</w:t></w:r></w:del>{}\
                 <w:r><w:delText>残留</w:delText></w:r>\
                 <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>\
                 <w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>",
                r("前"),
                r("后")
            )),
            // A deleted paragraph mark: Word runs the paragraph on into the next.
            p(&format!(
                "<w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr>{}",
                r("上半")
            )),
            p(&r("下半")),
        ]
        .concat();
        let (pieces, account) = read(&docx(&body, "", ""));
        assert_eq!(texts(&pieces), ["前新增后显示", "上半下半"]);
        let dropped: Vec<(usize, &str, DropKind)> = account
            .dropped
            .iter()
            .map(|d| (d.line, d.text.as_str(), d.kind))
            .collect();
        assert_eq!(
            dropped,
            [
                (1, "删去旧词残留", DropKind::Hidden),
                (1, "隐藏", DropKind::Hidden)
            ]
        );
        assert_eq!(
            notices(&account),
            [
                (
                    Some(1),
                    "text deleted in tracked changes is left out (Word does not show it): “删去旧词残留”"
                ),
                (
                    Some(1),
                    "hidden text (Word's 隐藏文字) is left out (Word does not show it): “隐藏”"
                ),
            ]
        );
    }

    #[test]
    fn fields_show_their_results_not_their_instructions() {
        let body = p("<w:r><w:t>见</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:instrText> HYPERLINK \"http://x\" </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r><w:t>门户网站</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
             <w:fldSimple w:instr=\" PAGE \"><w:r><w:t>3</w:t></w:r></w:fldSimple>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:t>NOT SHOWN</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>。</w:t></w:r>");
        let (pieces, account) = read(&docx(&body, "", ""));
        assert_eq!(texts(&pieces), ["见门户网站3。"]);
        // Instructions are code, not text (w:instrText, not kept); text
        // among them is not shown, and named.
        let dropped: Vec<(&str, DropKind)> = account
            .dropped
            .iter()
            .map(|d| (d.text.as_str(), d.kind))
            .collect();
        assert_eq!(dropped, [("NOT SHOWN", DropKind::Hidden)]);
        assert_eq!(account.notices.len(), 1);
    }

    const NUMBERING_XML: &str = "<w:abstractNum w:abstractNumId=\"0\">\
          <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>\
            <w:lvlText w:val=\"%1、\"/><w:suff w:val=\"nothing\"/></w:lvl>\
          <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>\
            <w:lvlText w:val=\"\u{FF08}%2\u{FF09}\"/></w:lvl>\
          <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>\
            <w:lvlText w:val=\"%3.\"/><w:suff w:val=\"space\"/></w:lvl>\
        </w:abstractNum>\
        <w:abstractNum w:abstractNumId=\"1\">\
          <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>\
            <w:lvlText w:val=\"•\"/></w:lvl>\
          <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"ordinalText\"/>\
            <w:lvlText w:val=\"%2)\"/></w:lvl>\
        </w:abstractNum>\
        <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
        <w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>\
          <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>\
        <w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>";

    const STYLES_XML: &str = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">\
          <w:name w:val=\"Normal\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"Base\"><w:pPr><w:numPr>\
          <w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"Heading\"><w:basedOn w:val=\"Base\"/></w:style>";

    fn numbered(num: u32, level: u32, text: &str) -> String {
        p(&format!(
            "<w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}",
            r(text)
        ))
    }

    #[test]
    fn automatic_numbering_is_written_as_word_shows_it() {
        let body = [
            p(&format!(
                "<w:pPr><w:pStyle w:val=\"Heading\"/></w:pPr>{}",
                r("总体情况")
            )),
            numbered(1, 1, "主动公开。正文"),
            numbered(1, 1, "依申请公开。"),
            numbered(1, 2, "属于国家秘密"),
            numbered(1, 0, "主动公开政府信息情况"),
            numbered(1, 1, "规章"),
            // Typed numbers are text like any other.
            p(&r("三、收到和处理政府信息公开申请情况")),
            numbered(2, 0, "存在的主要问题"),
            numbered(2, 0, "其他需要报告的事项"),
            numbered(0, 0, "未编号"),
            numbered(9, 0, "无此列表"),
            numbered(3, 0, "要点"),
            numbered(3, 1, "序数"),
        ]
        .concat();
        let (pieces, account) = read(&docx(&body, NUMBERING_XML, STYLES_XML));
        assert_eq!(
            texts(&pieces),
            [
                "一、总体情况",
                "\u{FF08}一\u{FF09}主动公开。正文",
                "\u{FF08}二\u{FF09}依申请公开。",
                "1. 属于国家秘密",
                "二、主动公开政府信息情况",
                "\u{FF08}一\u{FF09}规章",
                "三、收到和处理政府信息公开申请情况",
                "五、存在的主要问题",
                "六、其他需要报告的事项",
                "未编号",
                "无此列表",
                "要点",
                "1)序数",
            ]
        );
        let dropped: Vec<(usize, &str, DropKind)> = account
            .dropped
            .iter()
            .map(|d| (d.line, d.text.as_str(), d.kind))
            .collect();
        assert_eq!(dropped, [(12, "•", DropKind::Unread)]);
        let notices = notices(&account);
        assert_eq!(notices.len(), 3, "{notices:?}");
        assert!(notices[0].0 == Some(11) && notices[0].1.contains("list 9"));
        assert!(notices[1].0 == Some(13) && notices[1].1.contains("“ordinalText”"));
        assert!(notices[2].0 == Some(12) && notices[2].1.contains("bullets are left out"));
    }

    #[test]
    fn tables_are_grids_with_merged_cells_repeated() {
        // 2 × 4 grid: a cell across two columns, one down two rows, an empty
        // cell before a row, a table in a cell.
        let tc = |props: &str, paragraphs: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>")
        };
        let body = [
            p(&r("表前")),
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>"
                .to_string(),
            "<w:tr>".into(),
            tc(
                "<w:gridSpan w:val=\"2\"/>",
                &format!("{}{}", p(&r("商业")), p(&r("企业"))),
            ),
            tc("<w:vMerge w:val=\"restart\"/>", &p(&r("总计"))),
            tc("", &p("")),
            "</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>".into(),
            tc("", &p(&r("3"))),
            tc("<w:vMerge/>", &p("")),
            tc(
                "",
                "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc>\
                 <w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>",
            ),
            "</w:tr></w:tbl>".into(),
            p(&r("表后")),
        ]
        .concat();
        let (pieces, account) = read(&docx(&body, "", ""));
        assert_eq!(texts(&pieces), ["表前", "[table]", "表后"]);
        let Piece::Table(grid) = &pieces[1] else {
            unreachable!()
        };
        let cells: Vec<Vec<(usize, &str, bool)>> = grid
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| (c.line, c.text.as_str(), c.spanned))
                    .collect()
            })
            .collect();
        assert_eq!(grid.line, 2);
        assert_eq!(
            cells,
            [
                vec![
                    (2, "商业\n企业", false),
                    (2, "商业\n企业", true),
                    (4, "总计", false),
                    (5, "", false)
                ],
                vec![
                    (6, "", false),
                    (6, "3", false),
                    (4, "总计", true),
                    (8, "内\n表", false)
                ],
            ]
        );
        let Piece::Line(after) = &pieces[2] else {
            unreachable!()
        };
        assert_eq!(after.no, 11);
        assert!(account.notices.is_empty(), "{:?}", account.notices);
    }

    #[test]
    fn refused_characters_are_dropped_and_named() {
        let body = p(&r("甲&#x1;乙\u{202E}丙&#x9;丁"));
        let (pieces, account) = read(&docx(&body, "", ""));
        assert_eq!(texts(&pieces), ["甲乙丙 丁"]);
        let kinds: Vec<(&str, DropKind)> = account
            .dropped
            .iter()
            .map(|d| (d.text.as_str(), d.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("\u{1}", DropKind::Forbidden),
                ("\u{202E}", DropKind::Forbidden)
            ]
        );
        assert!(
            account.notices[0].message.contains("U+0001")
                && account.notices[0].message.contains("U+202E")
        );
    }

    #[test]
    fn odd_values_are_bounded_or_left_alone() {
        let body = [
            // An end of a field that never began is nothing.
            p("<w:r><w:fldChar w:fldCharType=\"end\"/><w:t>甲</w:t></w:r>"),
            "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"-3\"/><w:gridAfter w:val=\"99999\"/>\
             </w:trPr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val=\"99999\"/></w:tcPr>\
             <w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                .into(),
            numbered(1, 12, "丙"),
            p("<w:r><w:sym w:font=\"Wingdings\" w:char=\"ZZZZ\"/><w:t>丁</w:t></w:r>"),
            // A field that never ends: what follows is its instructions.
            p("<w:r><w:t>戊</w:t><w:fldChar w:fldCharType=\"begin\"/><w:t>己</w:t></w:r>"),
            p(&r("庚")),
        ]
        .concat();
        let (pieces, account) = read(&docx(&body, NUMBERING_XML, ""));
        assert_eq!(texts(&pieces), ["甲", "[table]", "一、丙", "丁", "戊", ""]);
        let Piece::Table(grid) = &pieces[1] else {
            unreachable!()
        };
        // A merge that continues nothing is a cell of its own; spans and
        // empty cells are bounded, a negative count is none.
        let row = &grid.rows[0];
        assert_eq!(row.len(), 2 * MAX_SPAN);
        assert_eq!((row[0].text.as_str(), row[0].spanned), ("乙", false));
        assert!(row[1..MAX_SPAN].iter().all(|c| c.text == "乙" && c.spanned));
        assert!(row[MAX_SPAN..]
            .iter()
            .all(|c| c.text.is_empty() && !c.spanned));
        let dropped: Vec<(usize, &str, DropKind)> = account
            .dropped
            .iter()
            .map(|d| (d.line, d.text.as_str(), d.kind))
            .collect();
        assert_eq!(
            dropped,
            [(5, "己", DropKind::Hidden), (6, "庚", DropKind::Hidden)]
        );
        let notices = notices(&account);
        assert!(notices[0].0 == Some(4) && notices[0].1.contains("Wingdings (character ZZZZ)"));
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    fn refused(bytes: &[u8]) -> String {
        let mut account = Account::default();
        pieces(bytes, &mut account).unwrap_err().0
    }

    #[test]
    fn malformed_and_hostile_files_are_refused_with_a_reason() {
        let message = refused(&docx("<w:p><w:r><w:t>甲</w:r></w:p>", "", ""));
        assert!(
            message.starts_with("word/document.xml: malformed XML at line 1, column"),
            "{message}"
        );
        let message = refused(&docx("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>", "", ""));
        assert!(message.contains("&nbsp;"), "{message}");
        let message = refused(&zip(&[(
            DOCUMENT,
            format!("<w:document xmlns:w=\"{W}\"><w:body><w:p>"),
        )]));
        assert!(message.contains("ends inside an element"), "{message}");
        let deep = format!(
            "{}{}",
            "<w:sdt><w:sdtContent>".repeat(200),
            "</w:sdtContent></w:sdt>".repeat(200)
        );
        assert!(refused(&docx(&deep, "", "")).contains("nested more than 256 deep"));
        let nested = format!(
            "{}<w:p/>{}",
            "<w:tbl><w:tr><w:tc>".repeat(9),
            "</w:tc></w:tr></w:tbl>".repeat(9)
        );
        assert!(refused(&docx(&nested, "", "")).contains("more than 8 deep"));
        let fine = format!(
            "{}<w:p><w:r><w:t>深</w:t></w:r></w:p>{}",
            "<w:tbl><w:tr><w:tc>".repeat(8),
            "</w:tc></w:tr></w:tbl>".repeat(8)
        );
        let (pieces, _) = read(&docx(&fine, "", ""));
        let Piece::Table(grid) = &pieces[0] else {
            unreachable!()
        };
        assert_eq!(grid.rows[0][0].text, "深");
        let message = refused(&docx("<w:p/>", "<w:abstractNum>", ""));
        assert!(
            message.starts_with("word/numbering.xml: malformed XML"),
            "{message}"
        );
        let message = refused(&zip(&[("word/other.xml", "<a/>".into())]));
        assert!(
            message.contains("without word/document.xml: not a Word"),
            "{message}"
        );
        let message = refused(&zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text".into()),
            ("content.xml", "<a/>".into()),
        ]));
        assert!(message.contains("OpenDocument"), "{message}");
        let message = refused(&zip(&[(DOCUMENT, "<html/>".into())]));
        assert!(message.contains("not a Word document"), "{message}");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("<w:document/>".encode_utf16().flat_map(u16::to_le_bytes));
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        writer
            .start_file(DOCUMENT, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&utf16).unwrap();
        let message = refused(&writer.finish().unwrap().into_inner());
        assert!(message.contains("not UTF-8"), "{message}");
    }

    #[test]
    fn a_zip_bomb_is_inflated_only_up_to_the_limit() {
        // 21 MB of one byte, deflated to a few kilobytes.
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .large_file(false);
        writer.start_file(DOCUMENT, options).unwrap();
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..21 {
            writer.write_all(&chunk).unwrap();
        }
        let mut bytes = writer.finish().unwrap().into_inner();
        assert!(bytes.len() < 1024 * 1024, "{}", bytes.len());
        assert!(refused(&bytes).contains("more than 20 MB inflated"));
        // The same, its headers saying it is 1,000 bytes: inflating stops
        // at the limit whatever the zip says.
        let at =
            |signature: &[u8], bytes: &[u8]| bytes.windows(4).position(|w| w == signature).unwrap();
        let local = at(b"PK\x03\x04", &bytes) + 22;
        let central = at(b"PK\x01\x02", &bytes) + 24;
        for offset in [local, central] {
            bytes[offset..offset + 4].copy_from_slice(&1000u32.to_le_bytes());
        }
        let message = refused(&bytes);
        assert!(message.starts_with("word/document.xml: "), "{message}");
    }
}
