//! How a report is made of the pieces an importer read (lines and
//! tables in reading order), whatever their shape: the header (metadata,
//! title, chrome; see [`super::header`]), the body's items (see
//! [`super::body`]), and each item's place in the report: a section
//! heading (`一、总体情况`), a run-in subsection (`(一)标题。正文…`), an
//! item of a list (two or more `一是…`, `二是…` paragraphs in a row), a
//! standard table, or a paragraph.
//!
//! Ids follow the seed dataset: `lead-p1` for the paragraphs before the
//! first section, `sec-1`, `sec-1-p1`, `sec-1-sub1`, `sec-9-list`,
//! `sec-9-item1`, `sec-2-table`, sections numbered by position (the
//! publication's own numbering may skip or repeat).

use super::body::{body_items, Item, Para};
use super::header::read_header;
use super::structure::{
    ends_sentence, list_item, numbered, section_heading, section_label, subsection,
};
use super::tables::{
    detect_tables, is_table_line, printed_row, read_grid, table_labels, tables_in_text, year_in,
};
use super::{figures, Account, DropKind, Grid, Imported, Options, Piece};
use gir_model::report::{
    Block, FigureCandidates, List, ListItem, Metadata, Paragraph, Report, ReportFormat, Section,
    Subsection,
};
use gir_model::standard;
use gir_model::table::{Cell, Table, TableKind, TableRow};
use std::collections::HashSet;

/// Makes the report of an input's pieces. `may_wrap`: whether the lines
/// may be a wrapped text's (a PDF's), to be joined back into paragraphs.
pub(super) fn assemble(
    pieces: &[Piece],
    may_wrap: bool,
    options: &Options,
    mut account: Account,
) -> Imported {
    let mut meta = Metadata::default();
    let (title, body_start) = read_header(pieces, &mut meta, &mut account);
    let body = &pieces[body_start..];

    let tables = detect_tables(body, &title);
    let body = match tables {
        Some(format) => tables_in_text(body, format),
        None => body.to_vec(),
    };
    let items = body_items(&body, tables.is_some(), may_wrap, &mut account);
    let mut builder = Builder::new(tables);
    for item in &items {
        builder.add(item, &mut account);
    }
    let (preamble, sections) = builder.finish(&mut account);

    if title.is_empty() {
        account.notice(
            None,
            "no title line found: the dataset needs one (add \"title\" as printed above the text)"
                .into(),
        );
    }
    if sections.is_empty() {
        account.notice(
            None,
            "no section heading (一、…) found: the text is kept as paragraphs before the \
             sections, and the dataset needs at least one section"
                .into(),
        );
    }
    let format = match tables {
        Some(format) => {
            let made: Vec<&Table> = preamble
                .iter()
                .chain(sections.iter().flat_map(|s| &s.blocks))
                .filter_map(|block| match block {
                    Block::Table(table) => Some(table),
                    _ => None,
                })
                .collect();
            let names: Vec<String> = made
                .iter()
                .map(|t| format!("{} ({})", t.kind.title(), t.id))
                .collect();
            account.notice(
                None,
                format!(
                    "the standard tables ({} format): read {}; check every cell against the \
                     publication (docs/dataset.md: Standard-format tables)",
                    standard::format_name(format),
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                ),
            );
            format
        }
        None => ReportFormat::Narrative,
    };
    let id = report_id(options, &title, &preamble, &sections);
    let mut report = Report {
        id,
        format,
        meta,
        title,
        preamble,
        sections,
        figures: Vec::new(),
        figure_candidates: FigureCandidates::default(),
        charts: Vec::new(),
    };
    let candidates = figures::propose(&report);
    account.notice(
        None,
        format!(
            "figures: {} number(s) with units proposed as \"figure_candidates\" (never charted \
             until confirmed): compare each with the publication, move the ones to show into \
             \"figures\" and add charts (docs/dataset.md)",
            candidates.len()
        ),
    );
    report.figure_candidates = FigureCandidates(candidates);

    // In the input's order; notices about the whole text last.
    account
        .notices
        .sort_by_key(|notice| notice.line.unwrap_or(usize::MAX));
    account.dropped.sort_by_key(|dropped| dropped.line);
    Imported {
        report,
        notices: account.notices,
        dropped: account.dropped,
        places: account.places,
    }
}

// ---- building the report ----

/// The blocks of the preamble or of one section, with the counters its ids
/// are numbered by.
#[derive(Default)]
pub(super) struct Container {
    prefix: String,
    blocks: Vec<Block>,
    paragraphs: usize,
    subsections: usize,
    lists: usize,
    items: usize,
    tables: usize,
    /// `一是…` paragraphs in a row, not yet known to be a list.
    pending: Vec<(Para, String, String)>,
}

impl Container {
    fn new(prefix: &str) -> Self {
        Container {
            prefix: prefix.to_string(),
            ..Container::default()
        }
    }

    fn paragraph(&mut self, text: String) {
        self.flush();
        self.paragraphs += 1;
        self.blocks.push(Block::Paragraph(Paragraph {
            id: format!("{}-p{}", self.prefix, self.paragraphs),
            text,
        }));
    }

    fn subsection(&mut self, label: String, title: String, text: String) {
        self.flush();
        self.subsections += 1;
        self.blocks.push(Block::Subsection(Subsection {
            id: format!("{}-sub{}", self.prefix, self.subsections),
            label,
            title,
            text,
        }));
    }

    /// A new, empty standard table of `kind`.
    fn table(&mut self, kind: TableKind) -> &mut Table {
        self.flush();
        self.tables += 1;
        let id = match self.tables {
            1 => format!("{}-table", self.prefix),
            n => format!("{}-table{n}", self.prefix),
        };
        self.blocks.push(Block::Table(Table {
            id,
            kind,
            rows: Vec::new(),
        }));
        match self.blocks.last_mut() {
            Some(Block::Table(table)) => table,
            _ => unreachable!("a table was pushed"),
        }
    }

    /// Two or more `一是` paragraphs in a row are a list; one alone (the
    /// seed's 六 runs 一是 … 二是 … in one paragraph) is a paragraph.
    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        match pending.len() {
            0 => {}
            1 => {
                let (para, ..) = pending.into_iter().next().expect("one");
                self.paragraph(para.text);
            }
            _ => {
                self.lists += 1;
                let id = match self.lists {
                    1 => format!("{}-list", self.prefix),
                    n => format!("{}-list{n}", self.prefix),
                };
                let items = pending
                    .into_iter()
                    .map(|(_, label, text)| {
                        self.items += 1;
                        gir_model::report::ListItem {
                            id: format!("{}-item{}", self.prefix, self.items),
                            label,
                            text,
                        }
                    })
                    .collect::<Vec<ListItem>>();
                self.blocks.push(Block::List(List { id, items }));
            }
        }
    }
}

pub(super) struct Builder {
    preamble: Container,
    sections: Vec<(Section, Container)>,
    /// The format of the standard tables the text holds, if it holds them,
    /// and their labels.
    tables: Option<(ReportFormat, HashSet<String>)>,
}

impl Builder {
    fn new(tables: Option<ReportFormat>) -> Self {
        Builder {
            preamble: Container::new("lead"),
            sections: Vec::new(),
            tables: tables.map(|format| (format, table_labels(format))),
        }
    }

    fn current(&mut self) -> &mut Container {
        match self.sections.last_mut() {
            Some((_, container)) => container,
            None => &mut self.preamble,
        }
    }

    fn add(&mut self, item: &Item, account: &mut Account) {
        match item {
            Item::Para(para) => self.paragraph(para, account),
            Item::Table(grid) => self.grid(grid, account),
        }
    }

    /// A table of the input: the standard tables' rows go into their
    /// tables (a table printed in parts, as 表二's blocks often are, is one
    /// table); a table that is none of them is kept row by row as
    /// paragraphs.
    fn grid(&mut self, grid: &Grid, account: &mut Account) {
        let Some((format, _)) = self.tables else {
            account.notice(
                Some(grid.line),
                "a table that is not one of the standard tables: each of its rows is kept as \
                 a paragraph (cells separated by spaces)"
                    .into(),
            );
            for row in &grid.rows {
                let text = printed_row(row);
                if !text.is_empty() {
                    self.current().paragraph(text);
                }
            }
            return;
        };
        let read = read_grid(grid, format);
        for (line, text) in read.labels {
            account.drop(line, text, DropKind::TableLabel);
        }
        for (line, message) in read.notices {
            account.notice(Some(line), message);
        }
        for read_row in read.rows {
            let table = match self.table_of(read_row.kind) {
                Some(table) => table,
                None => self.current().table(read_row.kind),
            };
            if table.rows.iter().any(|r| r.key == read_row.row.key) {
                account.notice(
                    Some(read_row.line),
                    format!(
                        "{}: row “{}” is given a second time: kept the first",
                        read_row.kind.title(),
                        read_row.row.key
                    ),
                );
                let cells: Vec<&str> = read_row.row.cells.iter().map(|c| c.as_str()).collect();
                account.drop(read_row.line, cells.join(" "), DropKind::TableLabel);
                continue;
            }
            table.rows.push(read_row.row);
        }
        for (line, text) in read.unknown {
            account.notice(
                Some(line),
                format!(
                    "a table row with numbers that is no row of the {} format's tables: kept as \
                     a paragraph “{text}”",
                    standard::format_name(format)
                ),
            );
            self.current().paragraph(text);
        }
    }

    /// The standard table of `kind` made so far, wherever it is.
    fn table_of(&mut self, kind: TableKind) -> Option<&mut Table> {
        std::iter::once(&mut self.preamble)
            .chain(self.sections.iter_mut().map(|(_, c)| c))
            .flat_map(|c| c.blocks.iter_mut())
            .find_map(|block| match block {
                Block::Table(table) if table.kind == kind => Some(table),
                _ => None,
            })
    }

    fn paragraph(&mut self, para: &Para, account: &mut Account) {
        let text = para.text.as_str();
        let tables = self.tables.is_some();
        if self
            .tables
            .as_ref()
            .is_some_and(|(_, labels)| is_table_line(text, labels))
        {
            self.current().paragraph(text.to_string());
            return;
        }
        if let Some((label, title)) = section_heading(text) {
            self.current().flush();
            let id = format!("sec-{}", self.sections.len() + 1);
            self.sections.push((
                Section {
                    id: id.clone(),
                    label,
                    title,
                    blocks: Vec::new(),
                },
                Container::new(&id),
            ));
            return;
        }
        if section_label(text).is_some() {
            account.notice(
                Some(para.line),
                "kept as a paragraph: it starts like a section heading (一、) but goes on \
                 as a sentence"
                    .into(),
            );
        } else if let Some((label, title, body)) = subsection(text) {
            self.current().subsection(label, title, body);
            return;
        } else if let Some((label, rest)) = list_item(text) {
            self.current().pending.push((para.clone(), label, rest));
            return;
        } else if !tables && text.chars().count() <= 20 && !ends_sentence(text) && !numbered(text) {
            account.notice(
                Some(para.line),
                format!(
                    "kept as a paragraph: “{text}” is a short line that is not a heading \
                     (a signature, a date, a caption?)"
                ),
            );
        }
        self.current().paragraph(text.to_string());
    }

    fn finish(mut self, account: &mut Account) -> (Vec<Block>, Vec<Section>) {
        if let Some((format, _)) = self.tables {
            for kind in TableKind::ALL {
                if let Some(table) = self.table_of(kind) {
                    complete_table(table, format, account);
                }
            }
        }
        self.preamble.flush();
        let sections = self
            .sections
            .into_iter()
            .map(|(mut section, mut container)| {
                container.flush();
                section.blocks = container.blocks;
                section
            })
            .collect();
        (self.preamble.blocks, sections)
    }
}

/// A table read from the input in its layout's order, with a blank row for
/// each row of numbers the input did not have (named in a notice).
fn complete_table(table: &mut Table, format: ReportFormat, account: &mut Account) {
    let Some(layout) = standard::layout(format, table.kind) else {
        return;
    };
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for def in layout.value_rows() {
        match table.rows.iter().position(|r| r.key == def.key) {
            Some(index) => rows.push(table.rows.swap_remove(index)),
            None => {
                let (block, _) = layout.row(def.key).expect("the layout's own row");
                missing.push(if def.short.is_empty() {
                    def.key
                } else {
                    def.short
                });
                rows.push(TableRow {
                    key: def.key.to_string(),
                    cells: vec![Cell::Blank; block.columns.len()],
                });
            }
        }
    }
    if !missing.is_empty() {
        account.notice(
            None,
            format!(
                "{} ({}): row(s) {} not found in the input: left blank; enter them from the \
                 publication",
                table.kind.title(),
                table.id,
                missing.join(", ")
            ),
        );
    }
    table.rows = rows;
}

/// Whether `id` is a usable report id: URL-safe (ASCII letters, digits,
/// `-`, `_`) and not empty.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The report's id: the one given, else the input file's stem made
/// URL-safe (at most 64 characters; `report-<stem>` where the stem is the
/// name of a page the site writes itself, such as `index`), else
/// `report-<year of the title>`, else `report`; never one of the ids of its
/// own blocks.
pub(super) fn report_id(
    options: &Options,
    title: &str,
    preamble: &[Block],
    sections: &[Section],
) -> String {
    let from_name = || {
        let name = options.source_name.as_deref()?;
        let stem = std::path::Path::new(name).file_stem()?.to_string_lossy();
        let mut id = String::new();
        for c in stem.chars() {
            let c = if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            };
            if !(c == '-' && (id.is_empty() || id.ends_with('-'))) {
                id.push(c);
            }
        }
        let id: String = id
            .chars()
            .take(gir_model::downloads::MAX_REPORT_ID_CHARS - "report-".len())
            .collect();
        let id = id.trim_end_matches('-').to_string();
        let id = match gir_model::downloads::is_site_page(&id) {
            true => format!("report-{id}"),
            false => id,
        };
        (!id.is_empty()).then_some(id)
    };
    let mut id = options
        .id
        .clone()
        .or_else(from_name)
        .unwrap_or_else(|| match year_in(title) {
            Some(year) => format!("report-{year}"),
            None => "report".to_string(),
        });
    let taken = |id: &str| {
        sections.iter().any(|s| {
            s.id == id
                || s.blocks
                    .iter()
                    .any(|b| b.id() == id || b.printed_paragraphs().iter().any(|(p, _)| *p == id))
        }) || preamble
            .iter()
            .any(|b| b.id() == id || b.printed_paragraphs().iter().any(|(p, _)| *p == id))
    };
    while taken(&id) {
        id.push_str("-report");
    }
    id
}
