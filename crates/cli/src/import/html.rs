//! The HTML importer: a report page as a portal published it, saved from
//! the browser or exported from the CMS.
//!
//! The page is parsed as a browser parses it (html5ever), then read in
//! document order as a reader sees it:
//!
//! - **Text** is the rendered text: runs of HTML whitespace collapse to one
//!   space, a line break between two CJK characters disappears (CSS Text's
//!   segment-break rule), inline elements (Word's `<span><font>` runs,
//!   `<o:p>`, CMS tags such as `<publishtime>`) join with nothing between
//!   them, `&nbsp;` reads as the space it shows. Block elements and `<br>`
//!   end a line; a line with nothing visible (`<p>&nbsp;</p>`) is no line.
//! - **Not shown, not read**: `<head>`, scripts, styles, forms' controls,
//!   images, `hidden` elements and `display:none`.
//! - **Portal chrome** is left out and accounted for: `<nav>`, `<footer>`,
//!   `<aside>`, `<form>`, a page-level `<header>`, elements whose class or
//!   id names navigation, a breadcrumb, search, sharing, a copyright, and
//!   the lines before the report's title (the `<h1>`, else the first
//!   element whose class or id is a title) except metadata.
//! - **Tables**: a table that holds tables is layout (its cells are read
//!   as blocks); a metadata table (`索引号` | value | `发布机构` | value) is
//!   read as `label: value` lines; any other table is a grid with its
//!   merged cells (`rowspan`, `colspan`) spread over the cells they cover,
//!   whose standard tables [`super::assemble`] reads by their labels.
//!
//! The lines and grids then go through the same steps as a text's (header,
//! structure, tables; see [`super::assemble`]).

use super::header::{is_label_cell, starts_with_label};
use super::html_source::ParsedPage;
use super::{Account, DropKind, Grid, GridCell, Line, Piece};
use gir_compile::text::forbidden;
use scraper::{ElementRef, Node};

/// A `colspan` wider than this is read as this (HTML caps it at 1000; a
/// report's table is a few columns wide).
const MAX_COLSPAN: usize = 100;
/// Grid cells in one table at most: a larger grid is a hostile page.
const MAX_GRID_CELLS: usize = 200_000;
/// How deep elements nest at most before the rest is read as plain text.
const MAX_DEPTH: usize = 200;
/// How much of a dropped text a notice quotes.
const NOTICE_QUOTE_CHARS: usize = 40;

/// The pieces of an HTML page, in reading order.
pub(super) fn pieces(source: &str, account: &mut Account) -> Vec<Piece> {
    let page = ParsedPage::parse(source);
    let root = page.html.root_element();
    let title = title_element(root);
    let mut walker = Walker {
        page: &page,
        pieces: Vec::new(),
        buffer: String::new(),
        buffer_line: None,
        element_line: 1,
        before_title: title.is_some(),
        title,
        account,
    };
    walker.block(root, 0);
    walker.flush();
    walker.pieces
}

// ---- what is shown, and what is chrome ----

fn is_invisible_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "meta"
            | "link"
            | "title"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "svg"
            | "math"
            | "audio"
            | "video"
            | "select"
            | "option"
            | "datalist"
            | "input"
            | "button"
            | "textarea"
            | "img"
            | "map"
            | "base"
    )
}

fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "ul"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "legend"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
    )
}

/// `hidden`, `display:none`, `visibility:hidden`: not shown.
fn is_hidden(element: ElementRef) -> bool {
    let value = element.value();
    if value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
        return true;
    }
    value.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// The text an element shows: its text without that of elements not shown.
fn shown_text(element: ElementRef) -> String {
    let mut text = String::new();
    let mut stack = vec![*element];
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(_) => {
                let shown = ElementRef::wrap(node)
                    .is_some_and(|e| !is_invisible_tag(e.value().name()) && !is_hidden(e));
                if shown {
                    // Children in order: pushed last to first.
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev());
                }
            }
            _ => {}
        }
    }
    text
}

/// The words of an element's class and id (`main-nav` → `main`, `nav`).
fn name_tokens(element: ElementRef<'_>) -> impl Iterator<Item = String> + '_ {
    let value = element.value();
    value
        .attr("class")
        .into_iter()
        .chain(value.attr("id"))
        .flat_map(|names| names.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|token| !token.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Class and id words of portal chrome.
const CHROME_WORDS: [&str; 22] = [
    "nav",
    "navbar",
    "navigation",
    "menu",
    "submenu",
    "footer",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "position",
    "location",
    "search",
    "share",
    "toolbar",
    "sidebar",
    "copyright",
    "friendlink",
    "dqwz",
    "fenxiang",
    "skip",
    "bdshare",
];

/// Portal chrome: navigation, footers, search, sharing, a site header.
fn is_chrome_element(element: ElementRef) -> bool {
    let name = element.value().name();
    if matches!(name, "nav" | "footer" | "aside" | "form") {
        return true;
    }
    if name == "header" {
        // An article's own header holds its title; the page's is chrome.
        let in_article = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "article" | "main"));
        return !in_article;
    }
    name_tokens(element).any(|token| CHROME_WORDS.contains(&token.as_str()))
}

/// The report's title element, the first of these that is shown (not in
/// chrome, not in a table of cells, not a metadata field) and holds a
/// title's length of text:
///
/// 1. an element whose text is the page's `<meta name="ArticleTitle">`
///    (TRS and Hanweb CMSes write it), or the start of its `<title>` (which
///    portals suffix with the site's name);
/// 2. an `<h1>`;
/// 3. an element whose class or id is a title (`title`, `con_title`,
///    `articleTitle`).
///
/// A site's name in an `<h1>` loses to the text the page names as its
/// title.
fn title_element(root: ElementRef) -> Option<ego_id::Id> {
    let elements = || root.descendants().filter_map(ElementRef::wrap);
    let head_text = |element: ElementRef| {
        collapse(&element.text().collect::<String>())
            .trim()
            .to_string()
    };
    let page_title = elements()
        .find(|e| e.value().name() == "title")
        .map(head_text)
        .unwrap_or_default();
    let article_title = elements()
        .find(|e| {
            e.value().name() == "meta"
                && e.value()
                    .attr("name")
                    .is_some_and(|n| n.eq_ignore_ascii_case("ArticleTitle"))
        })
        .and_then(|e| e.value().attr("content"))
        .map(|c| collapse(c).trim().to_string())
        .unwrap_or_default();
    let usable = |element: ElementRef| -> Option<String> {
        let depth = element.ancestors().count();
        let hidden_or_chrome = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .chain(std::iter::once(element))
            .any(|e| is_invisible_tag(e.value().name()) || is_hidden(e) || is_chrome_element(e));
        let in_cells = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() == "table" && !has_table_inside(e));
        let text = collapse(&shown_text(element)).trim().to_string();
        let chars = text.chars().count();
        let fits = (4..=100).contains(&chars) && !starts_with_label(&text);
        (depth < MAX_DEPTH && !hidden_or_chrome && !in_cells && fits).then_some(text)
    };
    let named_by_page = |text: &str| {
        text == article_title || (text.chars().count() >= 6 && page_title.starts_with(text))
    };
    elements()
        .find(|e| usable(*e).is_some_and(|text| named_by_page(&text)))
        .or_else(|| elements().find(|e| e.value().name() == "h1" && usable(*e).is_some()))
        .or_else(|| {
            elements()
                .find(|e| name_tokens(*e).any(|t| t.ends_with("title")) && usable(*e).is_some())
        })
        .map(|e| e.id())
}

/// Node ids, named for the signatures above.
mod ego_id {
    pub(super) type Id = <scraper::HtmlTreeSink as html5ever::interface::TreeSink>::Handle;
}

// ---- reading ----

struct Walker<'p, 'a> {
    page: &'p ParsedPage,
    pieces: Vec<Piece>,
    /// The line being read, as in the source (whitespace not yet collapsed).
    buffer: String,
    /// Where the line's first visible text is.
    buffer_line: Option<usize>,
    /// The line of the element being read.
    element_line: usize,
    /// Whether the title element exists and has not been reached.
    before_title: bool,
    title: Option<ego_id::Id>,
    account: &'a mut Account,
}

impl Walker<'_, '_> {
    /// Reads an element's children.
    fn block(&mut self, element: ElementRef, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.buffer_line.is_none() && !text.trim().is_empty() {
            self.buffer_line = Some(self.element_line);
        }
        self.buffer.push_str(text);
    }

    fn element(&mut self, element: ElementRef, depth: usize) {
        let name = element.value().name();
        if is_invisible_tag(name) || is_hidden(element) {
            return;
        }
        let outer_line = self.element_line;
        self.element_line = self.page.line_of(element.id());
        if depth > MAX_DEPTH {
            // Too deep for a report: the rest is read as text.
            self.text(&shown_text(element));
        } else if Some(element.id()) == self.title {
            self.flush();
            self.before_title = false;
            self.block(element, depth);
            self.flush();
        } else if is_chrome_element(element) {
            self.flush();
            self.drop_chrome(element);
        } else if name == "br" || name == "hr" {
            self.flush();
        } else if name == "table" && !has_table_inside(element) {
            self.flush();
            self.table(element);
        } else if is_block_tag(name) {
            self.flush();
            self.block(element, depth);
            self.flush();
        } else {
            self.inline_separator(element);
            self.block(element, depth);
        }
        self.element_line = outer_line;
    }

    /// A space before an inline element that starts a metadata field on a
    /// metadata line (`<span>发布时间:…</span><span>来源:…</span>`), so that
    /// the fields stay apart as the page shows them.
    fn inline_separator(&mut self, element: ElementRef) {
        if starts_with_label(&self.buffer) {
            let text = shown_text(element);
            if starts_with_label(&text) && !self.buffer.ends_with(char::is_whitespace) {
                self.buffer.push(' ');
            }
        }
    }

    fn drop_chrome(&mut self, element: ElementRef) {
        let text = collapse(&shown_text(element));
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let line = self.page.line_of(element.id());
        self.account.notice(
            Some(line),
            format!(
                "dropped portal chrome <{}> “{}”",
                element.value().name(),
                quote(text)
            ),
        );
        self.account.drop(line, text, DropKind::Chrome);
    }

    /// Ends the line being read.
    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.buffer);
        let Some(no) = self.buffer_line.take() else {
            return;
        };
        let collapsed = collapse(&raw);
        let refused: Vec<char> = collapsed
            .trim()
            .chars()
            .filter(|c| forbidden(*c).is_some())
            .collect();
        let text: String = collapsed
            .trim()
            .chars()
            .filter(|c| forbidden(*c).is_none())
            .collect();
        self.account.refuse(no, &refused);
        let text = text.trim().to_string();
        if text.is_empty() {
            return;
        }
        if self.before_title && !starts_with_label(&text) {
            self.account.notice(
                Some(no),
                format!("dropped portal chrome before the title “{}”", quote(&text)),
            );
            self.account.drop(no, text, DropKind::Chrome);
            return;
        }
        self.pieces.push(Piece::Line(Line {
            no,
            text,
            indented: false,
            cells: Vec::new(),
        }));
    }

    /// A table without tables inside: metadata lines, or a grid.
    fn table(&mut self, table: ElementRef) {
        let line = self.page.line_of(table.id());
        let grid = self.grid(table, line);
        if grid.rows.is_empty() {
            return;
        }
        let labels = grid
            .rows
            .iter()
            .flatten()
            .filter(|c| !c.spanned && (is_label_cell(&c.text) || starts_with_label(&c.text)))
            .count();
        if labels >= 2 {
            // A metadata table: each row a line of `label: value` fields.
            for row in &grid.rows {
                let cells: Vec<String> = row
                    .iter()
                    .filter(|c| !c.spanned && !c.text.is_empty())
                    .map(|c| {
                        let text = c.text.replace('\n', " ");
                        let colon =
                            is_label_cell(&text) && !text.trim_end().ends_with([':', '\u{FF1A}']);
                        if colon {
                            format!("{}:", text.trim_end())
                        } else {
                            text
                        }
                    })
                    .collect();
                if cells.is_empty() {
                    continue;
                }
                self.buffer_line = Some(row.first().map_or(line, |c| c.line));
                self.buffer = cells.join(" ");
                self.flush();
            }
            return;
        }
        if self.before_title {
            for row in &grid.rows {
                for cell in row.iter().filter(|c| !c.spanned && !c.text.is_empty()) {
                    self.account
                        .drop(cell.line, cell.text.clone(), DropKind::Chrome);
                }
            }
            self.account.notice(
                Some(line),
                "dropped a table before the title (portal chrome)".into(),
            );
            return;
        }
        self.pieces.push(Piece::Table(grid));
    }

    /// A table's grid: rows of the table itself (not of tables inside
    /// it), each merged cell spread over the grid cells it covers.
    fn grid(&mut self, table: ElementRef, line: usize) -> Grid {
        let rows: Vec<ElementRef> = table_rows(table);
        let mut grid: Vec<Vec<Option<GridCell>>> = vec![Vec::new(); rows.len()];
        let mut cells_made = 0usize;
        for (r, row) in rows.iter().enumerate() {
            let row_line = self.page.line_of(row.id());
            let mut column = 0;
            for cell in row.children().filter_map(ElementRef::wrap) {
                if !matches!(cell.value().name(), "td" | "th") || is_hidden(cell) {
                    continue;
                }
                while grid[r].get(column).is_some_and(Option::is_some) {
                    column += 1;
                }
                let colspan = span(cell.value().attr("colspan")).clamp(1, MAX_COLSPAN);
                let rowspan = span(cell.value().attr("rowspan")).clamp(1, rows.len() - r);
                cells_made = cells_made.saturating_add(colspan * rowspan);
                if cells_made > MAX_GRID_CELLS {
                    self.account.notice(
                        Some(row_line),
                        format!("a table of more than {MAX_GRID_CELLS} cells: the rest of it is left out"),
                    );
                    return finish_grid(grid, line);
                }
                let cell_line = self.page.line_of(cell.id());
                let text = self.cell_text(cell);
                for dr in 0..rowspan {
                    let cells = &mut grid[r + dr];
                    if cells.len() < column + colspan {
                        cells.resize(column + colspan, None);
                    }
                    for dc in 0..colspan {
                        cells[column + dc] = Some(GridCell {
                            line: cell_line,
                            text: text.clone(),
                            spanned: dr > 0 || dc > 0,
                        });
                    }
                }
                column += colspan;
            }
        }
        finish_grid(grid, line)
    }

    /// A cell's text: its lines (paragraphs, `<br>`) joined by `\n`.
    fn cell_text(&mut self, cell: ElementRef) -> String {
        let mut inner = Walker {
            page: self.page,
            pieces: Vec::new(),
            buffer: String::new(),
            buffer_line: None,
            element_line: self.page.line_of(cell.id()),
            before_title: false,
            title: None,
            account: self.account,
        };
        inner.block(cell, 0);
        inner.flush();
        let mut lines = Vec::new();
        for piece in inner.pieces {
            match piece {
                Piece::Line(line) => lines.push(line.text),
                // A table inside a cell is read into the cell.
                Piece::Table(grid) => lines.extend(
                    grid.rows
                        .iter()
                        .map(|row| super::tables::printed_row(row))
                        .filter(|t| !t.is_empty()),
                ),
            }
        }
        lines.join("\n")
    }
}

fn finish_grid(grid: Vec<Vec<Option<GridCell>>>, line: usize) -> Grid {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let rows = grid
        .into_iter()
        .filter(|row| !row.is_empty())
        .map(|mut row| {
            let row_line = row.iter().flatten().next().map_or(line, |c| c.line);
            row.resize(width, None);
            row.into_iter()
                .map(|cell| {
                    cell.unwrap_or(GridCell {
                        line: row_line,
                        text: String::new(),
                        spanned: false,
                    })
                })
                .collect()
        })
        .collect();
    Grid { line, rows }
}

/// `rowspan`/`colspan` as browsers read it: leading digits, else 1.
fn span(value: Option<&str>) -> usize {
    let digits: String = value
        .unwrap_or("")
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse().unwrap_or(1).max(1)
}

/// The table's own rows: `tr` children of the table or of its
/// `thead`/`tbody`/`tfoot`.
fn table_rows(table: ElementRef) -> Vec<ElementRef> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" if !is_hidden(child) => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|r| r.value().name() == "tr" && !is_hidden(*r)),
            ),
            _ => {}
        }
    }
    rows
}

fn has_table_inside(table: ElementRef) -> bool {
    table
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "table")
}

/// A CJK (East Asian wide) character, around which a line break of the
/// source is no space (CSS Text, segment break transformation).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{C}')
}

/// Text as rendered: each run of HTML whitespace one space, or nothing for
/// a run with a line break between two wide characters; `&nbsp;` a space.
fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if is_html_space(c) {
            let mut line_break = c == '\n' || c == '\r';
            while let Some(&next) = chars.peek() {
                if !is_html_space(next) {
                    break;
                }
                line_break |= next == '\n' || next == '\r';
                chars.next();
            }
            let between_wide = out.chars().next_back().is_some_and(is_wide)
                && chars.peek().is_some_and(|c| is_wide(*c));
            if !(line_break && between_wide) {
                out.push(' ');
            }
        } else if c == '\u{A0}' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The start of a text, for a notice.
fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(NOTICE_QUOTE_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(html: &str) -> (Vec<String>, Account) {
        let mut account = Account::default();
        let pieces = pieces(html, &mut account);
        let lines = pieces
            .into_iter()
            .map(|p| match p {
                Piece::Line(line) => line.text,
                Piece::Table(grid) => format!(
                    "[{}]",
                    grid.rows
                        .iter()
                        .map(|r| r
                            .iter()
                            .map(|c| c.text.as_str())
                            .collect::<Vec<_>>()
                            .join("|"))
                        .collect::<Vec<_>>()
                        .join("/")
                ),
            })
            .collect();
        (lines, account)
    }

    #[test]
    fn text_is_the_rendered_text() {
        let (lines, _) = lines(
            "<body><p class=MsoNormal><span lang=EN-US>1</span><span>2</span><font face=宋体>34条</font>\
             政务<o:p></o:p>\n  信息,\n <b>data</b>\n more</p><p>&nbsp;</p><p>&nbsp;&nbsp;缩进\u{3000}x&nbsp;&nbsp;y</p>\
             <p>一行<br>二行</p><p>a\u{202E}b</p></body>",
        );
        assert_eq!(
            lines,
            [
                "1234条政务信息, data more",
                "缩进\u{3000}x  y",
                "一行",
                "二行",
                "ab"
            ]
        );
    }

    #[test]
    fn hidden_and_chrome_are_not_read_and_chrome_is_accounted_for() {
        let (lines, account) = lines(
            "<html><head><title>某报告_某区</title><style>p{}</style></head><body>\
             <div class=\"top-nav\">首页 政务公开</div><nav>导航</nav>\
             <div class=site>某区人民政府门户网站</div>\
             <h1>某局2021年政府信息公开工作年度报告</h1>\
             <script>var x = '正文';</script><p hidden>隐藏</p><p style=\"display: none\">也隐藏</p>\
             <p>正文。</p><div id=footer>版权所有</div></body></html>",
        );
        assert_eq!(lines, ["某局2021年政府信息公开工作年度报告", "正文。"]);
        let dropped: Vec<&str> = account.dropped.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(
            dropped,
            ["首页 政务公开", "导航", "某区人民政府门户网站", "版权所有"]
        );
        assert!(account.dropped.iter().all(|d| d.kind == DropKind::Chrome));
    }

    #[test]
    fn the_title_is_the_text_the_page_names_as_its_title() {
        // A site's name in an <h1>, the report's title in a <p> that the
        // page's <title> starts with; the metadata's 名称 repeats it.
        let page = "<html><head><title>某局2021年政府信息公开工作年度报告_某区政府</title></head><body>\
            <h1>某区人民政府</h1><table><tr><td>名称:</td><td>某局2021年政府信息公开工作年度报告</td></tr>\
            <tr><td>索引号:</td><td>1</td></tr></table>\
            <p align=center><strong>某局2021年政府信息公开工作年度报告</strong></p><p>正文。</p></body></html>";
        let (read, account) = lines(page);
        assert_eq!(
            read,
            [
                "名称: 某局2021年政府信息公开工作年度报告",
                "索引号: 1",
                "某局2021年政府信息公开工作年度报告",
                "正文。"
            ]
        );
        assert_eq!(account.dropped[0].text, "某区人民政府");
        // The CMS's ArticleTitle names it too.
        let page = "<html><head><meta name=ArticleTitle content=\"某报告标题\"></head><body>\
            <h1>某区人民政府</h1><div><span>某报告标题</span></div><p>正文。</p></body></html>";
        assert_eq!(lines(page).0, ["某报告标题", "正文。"]);
        // Without any: the <h1>; and without that, nothing is dropped.
        assert_eq!(
            lines("<h1>某报告标题</h1><p>正文。</p>").0,
            ["某报告标题", "正文。"]
        );
        assert_eq!(
            lines("<p>某区人民政府</p><p>某报告标题</p>").0,
            ["某区人民政府", "某报告标题"]
        );
    }

    #[test]
    fn metadata_tables_become_field_lines() {
        let (lines, _) = lines(
            "<table class=xxgk><tr><td>索引号</td><td>1121/2022-01</td><td>发布机构:</td><td><span>某局</span></td></tr>\
             <tr><td>名 称:</td><td colspan=3>某报告</td></tr>\
             <tr><td>发布日期:</td><td><publishtime>2022-01-20</publishtime></td></tr></table>\
             <div class=info><span>发布时间:2022-01-20</span><span>来源:某局</span></div>",
        );
        assert_eq!(
            lines,
            [
                "索引号: 1121/2022-01 发布机构: 某局",
                "名 称: 某报告",
                "发布日期: 2022-01-20",
                "发布时间:2022-01-20 来源:某局"
            ]
        );
    }

    #[test]
    fn merged_cells_cover_their_grid_cells() {
        let mut account = Account::default();
        let pieces = pieces(
            "<h1>某报告标题</h1><table><tr><td rowspan=2>A</td><td colspan=2><p>商业</p><p>企业</p></td></tr>\
             <tr><td>1</td><td></td></tr><tr><td colspan=0>x</td><td rowspan=9>y</td></tr></table>",
            &mut account,
        );
        let Piece::Table(grid) = &pieces[1] else {
            panic!("{pieces:?}")
        };
        let text: Vec<Vec<(&str, bool)>> = grid
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (c.text.as_str(), c.spanned)).collect())
            .collect();
        assert_eq!(
            text,
            [
                vec![("A", false), ("商业\n企业", false), ("商业\n企业", true)],
                vec![("A", true), ("1", false), ("", false)],
                vec![("x", false), ("y", false), ("", false)],
            ]
        );
    }

    #[test]
    fn layout_tables_are_read_as_blocks() {
        let (lines, _) = lines(
            "<table><tr><td><h1>某报告标题</h1></td></tr><tr><td><p>正文一。</p>\
             <table><tr><td>1</td><td>2</td></tr></table></td></tr></table>",
        );
        assert_eq!(lines, ["某报告标题", "正文一。", "[1|2]"]);
    }

    #[test]
    fn collapse_follows_the_segment_break_rule() {
        assert_eq!(collapse("政务\n  信息"), "政务信息");
        assert_eq!(collapse("政务  信息"), "政务 信息");
        assert_eq!(collapse("2017\n年"), "2017 年");
        assert_eq!(collapse("a\n\tb"), "a b");
    }
}
