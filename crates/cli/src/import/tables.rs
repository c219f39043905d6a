//! The standard tables (表二, 表三, 表四 of the 2019 trial and 2021
//! formats): which format a body's tables follow, and the tables read from
//! a grid (an HTML or Word table) by their printed labels.

use super::structure::is_digit;
use super::{Grid, GridCell, Line, Piece};
use gir_model::report::ReportFormat;
use gir_model::standard::{self, RowDef, RowKind, TableLayout, ROW_CASES};
use gir_model::table::{Cell, TableKind, TableRow};
use std::collections::HashSet;

/// A label or line for comparing labels whatever the font: full-width
/// brackets, stops, commas and colons as half-width, curly quotes as
/// straight, no spaces.
pub(super) fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF08}' => '(',
            '\u{FF09}' => ')',
            '\u{FF0E}' => '.',
            '\u{FF0C}' => ',',
            '\u{FF1A}' => ':',
            '“' | '”' => '"',
            c => c,
        })
        .collect()
}

/// The labels of a format's tables (rows, columns and their groups, block
/// headings) that say
/// which table they belong to: those of four characters or more.
pub(super) fn table_labels(format: ReportFormat) -> HashSet<String> {
    let mut labels = HashSet::new();
    for kind in TableKind::ALL {
        let Some(layout) = standard::layout(format, kind) else {
            continue;
        };
        for block in layout.blocks {
            let texts = [block.heading, block.stub]
                .into_iter()
                .chain(block.columns.iter().map(|c| c.label))
                .chain(block.columns.iter().flat_map(|c| c.groups.iter().copied()))
                .chain(block.rows.iter().map(|r| r.label));
            labels.extend(texts.map(normalize).filter(|t| t.chars().count() >= 4));
        }
    }
    labels
}

/// Whether `text` is a printed table label, alone or followed by its cells
/// (`一、本年新收政府信息公开申请数量 40 3 0 0 2 1 46`).
pub(super) fn is_table_line(text: &str, labels: &HashSet<String>) -> bool {
    let text = normalize(text);
    labels.iter().any(|label| {
        text.strip_prefix(label.as_str()).is_some_and(|rest| {
            rest.chars()
                .all(|c| is_digit(c) || matches!(c, '.' | '-' | '/' | '—' | '\u{FF0D}'))
        })
    })
}

/// The format whose tables the text holds, if it holds standard tables
/// (three table labels or more): the format more of whose own labels occur,
/// else the one the year in the title used.
pub(super) fn detect_tables(body: &[Piece], title: &str) -> Option<ReportFormat> {
    // Every line, and every cell of every table.
    let texts: Vec<&str> = body
        .iter()
        .flat_map(|piece| -> Box<dyn Iterator<Item = &str>> {
            match piece {
                Piece::Line(line) => Box::new(std::iter::once(line.text.as_str())),
                Piece::Table(grid) => Box::new(
                    grid.rows
                        .iter()
                        .flatten()
                        .filter(|cell| !cell.spanned)
                        .map(|cell| cell.text.as_str()),
                ),
            }
        })
        .collect();
    let found = |format| -> HashSet<String> {
        let labels = table_labels(format);
        texts
            .iter()
            .filter_map(|text| {
                let text = normalize(text);
                labels
                    .iter()
                    .filter(|label| text.starts_with(label.as_str()))
                    .max_by_key(|label| label.len())
                    .cloned()
            })
            .collect()
    };
    let found_2019 = found(ReportFormat::Trial2019);
    let found_2021 = found(ReportFormat::Format2021);
    if found_2019.union(&found_2021).count() < 3 {
        return None;
    }
    let only_2019 = found_2019.difference(&found_2021).count();
    let only_2021 = found_2021.difference(&found_2019).count();
    Some(match only_2019.cmp(&only_2021) {
        std::cmp::Ordering::Greater => ReportFormat::Trial2019,
        std::cmp::Ordering::Less => ReportFormat::Format2021,
        std::cmp::Ordering::Equal => match year_in(title) {
            Some(2019 | 2020) => ReportFormat::Trial2019,
            _ => ReportFormat::Format2021,
        },
    })
}

/// The first year (19xx, 20xx) written in `text`.
pub(super) fn year_in(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let digits = w.iter().all(char::is_ascii_digit);
        let before = i.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(i + 4);
        let alone =
            !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(char::is_ascii_digit);
        let year: String = w.iter().collect();
        (digits && alone && (year.starts_with("19") || year.starts_with("20")))
            .then(|| year.parse().ok())
            .flatten()
    })
}

// ---- rows of the standard tables, read from a grid ----

/// A row of a standard table read from a grid row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ReadRow {
    pub(super) kind: TableKind,
    pub(super) row: TableRow,
    /// The input line the grid row starts on.
    pub(super) line: usize,
}

/// What a grid holds: the standard tables' rows, and the grid rows that
/// are none of them.
#[derive(Clone, Debug, Default)]
pub(super) struct ReadGrid {
    pub(super) rows: Vec<ReadRow>,
    /// Grid rows of labels only (headers, block headings, the 勾稽 note):
    /// the viewer prints the layout's own, so these are accounted for as
    /// dropped: (line, text).
    pub(super) labels: Vec<(usize, String)>,
    /// Grid rows with numbers that match no row of the format's tables:
    /// (line, the row's cells as printed, joined by spaces).
    pub(super) unknown: Vec<(usize, String)>,
    /// Things to check: (line, message).
    pub(super) notices: Vec<(usize, String)>,
}

/// A grid row as a line: its cells (each merged cell once, the lines of a
/// cell joined) separated by spaces; empty cells left out.
pub(super) fn printed_row(cells: &[GridCell]) -> String {
    printed_row_of(&cells.iter().collect::<Vec<_>>())
}

fn printed_row_of(cells: &[&GridCell]) -> String {
    let texts: Vec<String> = cells
        .iter()
        .filter(|c| !c.spanned)
        .map(|c| c.text.split('\n').map(str::trim).collect::<String>())
        .filter(|t| !t.is_empty())
        .collect();
    texts.join(" ")
}

/// Headers that only 表四 prints.
const REVIEW_HEADERS: [&str; 5] = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结"];

/// A label without its numbering (`1.`, `(三)`, `三、`), for matching a
/// label printed with other numbering marks (`1、属于国家秘密`).
fn without_numbering(label: &str) -> &str {
    let rest = label.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十()(). 、".contains(c)
    });
    if rest.is_empty() {
        label
    } else {
        rest
    }
}

/// The cell a grid cell's text is, as a dataset writes it: digits made
/// ASCII, spaces dropped. `None` for text that is not a cell (a label).
fn value_cell(text: &str) -> Option<(Cell, bool)> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let ascii: String = compact
        .chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (u32::from(c) - 0xFF10) as u8),
            '\u{FF0E}' => '.',
            c => c,
        })
        .collect();
    let changed = ascii != text;
    Cell::parse(&ascii).ok().map(|cell| (cell, changed))
}

/// The layout row a label names: its printed label, whatever the spaces,
/// brackets, quotes and numbering marks; `None` when it names none.
fn row_named(layout: &'static TableLayout, label: &str) -> Option<&'static RowDef> {
    let label = normalize(label);
    if label.is_empty() {
        return None;
    }
    let rows = || layout.rows().filter(|r| !r.label.is_empty());
    rows().find(|r| normalize(r.label) == label).or_else(|| {
        let bare = without_numbering(&label);
        // Only a numbered label is matched without its numbering (a column's
        // `总计` is not the row `(七)总计`).
        if bare == label {
            return None;
        }
        let matching: Vec<&RowDef> = rows()
            .filter(|r| without_numbering(&normalize(r.label)) == bare)
            .collect();
        // A bare label that several rows share (`其他`) names none.
        (matching.len() == 1).then(|| matching[0])
    })
}

/// Reads the standard tables' rows from a grid: each grid row is the row
/// whose label is the innermost (rightmost) label cell; its cells are the
/// last cells of the grid row, one per column of that row's block. A row
/// of numbers without a label is 表四's.
pub(super) fn read_grid(grid: &Grid, format: ReportFormat) -> ReadGrid {
    let layouts: Vec<&'static TableLayout> = TableKind::ALL
        .into_iter()
        .filter_map(|kind| standard::layout(format, kind))
        .collect();
    let mut read = ReadGrid::default();
    for cells in &grid.rows {
        let line = cells.first().map_or(grid.line, |c| c.line);
        let printed = || printed_row(cells);
        // The innermost label this row names, and where its cells start.
        let mut named: Option<(&'static TableLayout, &'static RowDef, usize)> = None;
        for (index, cell) in cells.iter().enumerate() {
            if value_cell(&cell.text).is_some() {
                continue;
            }
            for &layout in &layouts {
                if let Some(row) = row_named(layout, &cell.text) {
                    named = Some((layout, row, index));
                }
            }
        }
        let values = |from: usize| -> Vec<&GridCell> {
            // The cells after the label, a merged cell once (表二's
            // one-column blocks print their value over three columns).
            cells[from..]
                .iter()
                .skip_while(|c| value_cell(&c.text).is_none())
                .filter(|c| !c.spanned)
                .collect()
        };
        let (layout, row, cells_from) = match named {
            Some(found) => found,
            None => {
                let review = layouts
                    .iter()
                    .copied()
                    .find(|l| l.kind == TableKind::ReviewLitigation);
                let values: Vec<Cell> = cells
                    .iter()
                    .filter_map(|c| value_cell(&c.text).map(|(v, _)| v))
                    .collect();
                let numbers = values.iter().filter(|v| !v.is_blank()).count();
                // 表四's row of numbers has no label: a row of as many
                // numbers, or numbers under 表四's own headers (a text that
                // lost its blank cells).
                let under_review_headers = cells
                    .iter()
                    .any(|c| REVIEW_HEADERS.contains(&normalize(&c.text).as_str()));
                match review.and_then(|l| l.row(ROW_CASES).map(|(b, r)| (l, b, r))) {
                    Some((layout, block, row))
                        if numbers > 0
                            && (values.len() >= block.columns.len() || under_review_headers) =>
                    {
                        (layout, row, 0)
                    }
                    _ if numbers > 0 => {
                        read.unknown.push((line, printed()));
                        continue;
                    }
                    _ => {
                        read.labels.push((line, printed()));
                        continue;
                    }
                }
            }
        };
        if row.kind == RowKind::Heading {
            read.labels.push((line, printed()));
            continue;
        }
        let (block, _) = layout.row(row.key).expect("the layout's own row");
        let width = block.columns.len();
        let found = values(cells_from);
        if found.len() < width
            && found
                .iter()
                .all(|c| value_cell(&c.text).is_some_and(|(v, _)| v.is_blank()))
        {
            // A header cell that reads like a row's label (表三's column
            // `总计`, `其他`) with no numbers after it: a header row.
            read.labels.push((line, printed()));
            continue;
        }
        // The row's own label cells and its ancestors' (a merged 三、本年度办理结果):
        // the viewer prints the layout's labels.
        let label_cells: Vec<&GridCell> = cells
            .iter()
            .take_while(|c| !found.first().is_some_and(|f| std::ptr::eq(*f, *c)))
            .filter(|c| !c.spanned && !c.text.trim().is_empty())
            .collect();
        if !label_cells.is_empty() {
            read.labels.push((line, printed_row_of(&label_cells)));
        }
        let all_values = found.iter().all(|c| value_cell(&c.text).is_some());
        let mut row_cells = vec![Cell::Blank; width];
        if found.len() >= width && all_values {
            for (slot, cell) in row_cells.iter_mut().zip(&found[found.len() - width..]) {
                let (value, changed) = value_cell(&cell.text).expect("checked above");
                if changed && !value.is_blank() {
                    read.notices.push((
                        cell.line,
                        format!(
                            "{} {}: the cell “{}” is written “{}” (digits made ASCII, spaces dropped)",
                            layout.kind.title(),
                            row.short,
                            cell.text,
                            value.as_str()
                        ),
                    ));
                }
                *slot = value;
            }
            if found.len() > width {
                read.labels
                    .push((line, printed_row_of(&found[..found.len() - width])));
                read.notices.push((
                    line,
                    format!(
                        "{} {}: the row has {} cells where the format has {}: read the last {width}",
                        layout.kind.title(),
                        row.short,
                        found.len(),
                        width
                    ),
                ));
            }
        } else {
            let printed_cells: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
            read.labels.push((line, printed_row_of(&found)));
            read.notices.push((
                line,
                format!(
                    "{} {}: found {} cell(s) ({}) where the format has {width}: which columns they \
                     belong to cannot be told, so the row is left blank; enter it from the publication",
                    layout.kind.title(),
                    row.short,
                    found.len(),
                    printed_cells.join(" ")
                ),
            ));
        }
        read.rows.push(ReadRow {
            kind: layout.kind,
            row: TableRow {
                key: row.key.to_string(),
                cells: row_cells,
            },
            line,
        });
    }
    read
}

// ---- the standard tables flattened into lines ----

/// Every printed word of a format's tables (labels, column headers, header
/// groups, block headings, stubs), normalized and run together, to tell a
/// piece of a label (`商业`, a label's wrapped rest) from the body's text.
fn label_text(format: ReportFormat) -> String {
    let mut text = String::new();
    for kind in TableKind::ALL {
        let Some(layout) = standard::layout(format, kind) else {
            continue;
        };
        for block in layout.blocks {
            text.push_str(&normalize(block.heading));
            text.push('\n');
            text.push_str(&normalize(block.stub));
            text.push('\n');
            for column in block.columns {
                text.push_str(&normalize(column.label));
                text.push('\n');
                for group in column.groups {
                    text.push_str(&normalize(group));
                    text.push('\n');
                }
            }
            for row in block.rows {
                text.push_str(&normalize(row.label));
                text.push('\n');
            }
        }
    }
    text
}

/// The cells of a line: its tab-separated cells, else its words.
fn line_tokens(line: &Line) -> Vec<String> {
    match line.cells.is_empty() {
        true => line.text.split_whitespace().map(str::to_string).collect(),
        false => line.cells.clone(),
    }
}

/// Whether a line belongs to a flattened table: each of its cells a
/// number, a not-applicable mark, a blank between tabs, or a piece of the
/// tables' printed words; not a page number.
fn is_table_row_line(line: &Line, words: &str) -> bool {
    let tokens = line_tokens(line);
    !line.text.is_empty()
        && !super::body::is_page_number(&line.text, false)
        && tokens.iter().all(|token| {
            let word = normalize(token);
            value_cell(token).is_some() || (!word.contains('\n') && words.contains(word.as_str()))
        })
}

/// Runs of a body's lines that are a standard table flattened into text
/// (copied from a page: a row a line, cells between tabs; or a PDF's text:
/// cells on lines of their own or between spaces) become grids, row by
/// row, for [`read_grid`]. A run starts at a line with a table label of
/// four characters or more and goes on over the lines that belong to a
/// table.
pub(super) fn tables_in_text(body: &[Piece], format: ReportFormat) -> Vec<Piece> {
    let strong = table_labels(format);
    let words = label_text(format);
    let starts_table = |line: &Line| {
        line_tokens(line).iter().any(|token| {
            let token = normalize(token);
            strong.iter().any(|label| token.starts_with(label.as_str()))
        })
    };
    let mut out: Vec<Piece> = Vec::new();
    let mut index = 0;
    while index < body.len() {
        let Piece::Line(line) = &body[index] else {
            out.push(body[index].clone());
            index += 1;
            continue;
        };
        if !(is_table_row_line(line, &words) && starts_table(line)) {
            out.push(body[index].clone());
            index += 1;
            continue;
        }
        // The run: table lines, and blank lines between them.
        let mut end = index;
        let mut scan = index;
        while let Some(Piece::Line(next)) = body.get(scan) {
            if next.text.is_empty() {
                scan += 1;
                continue;
            }
            if !is_table_row_line(next, &words) {
                break;
            }
            scan += 1;
            end = scan;
        }
        let lines: Vec<&Line> = body[index..end]
            .iter()
            .filter_map(|piece| match piece {
                Piece::Line(line) if !line.text.is_empty() => Some(line),
                _ => None,
            })
            .collect();
        out.push(Piece::Table(flattened_grid(&lines, format, &words)));
        index = end;
    }
    out
}

/// The rows of a flattened table: a tab-separated line is a row; other
/// lines' words run together, a row ending where numbers are followed by
/// a label. A label's pieces (a label wrapped over two lines) join while
/// they are the start of a printed label.
fn flattened_grid(lines: &[&Line], format: ReportFormat, words: &str) -> Grid {
    let row_labels: Vec<String> = TableKind::ALL
        .into_iter()
        .filter_map(|kind| standard::layout(format, kind))
        .flat_map(|layout| layout.rows())
        .map(|row| normalize(row.label))
        .filter(|label| !label.is_empty())
        .collect();
    let starts_a_label = |text: &str| {
        words
            .split('\n')
            .any(|label| label.len() > text.len() && label.starts_with(text))
    };
    let mut rows: Vec<Vec<GridCell>> = Vec::new();
    let mut row: Vec<GridCell> = Vec::new();
    let mut has_values = false;
    let cell = |line: usize, text: &str| GridCell {
        line,
        text: text.to_string(),
        spanned: false,
    };
    for line in lines {
        if !line.cells.is_empty() {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            has_values = false;
            rows.push(line.cells.iter().map(|c| cell(line.no, c)).collect());
            continue;
        }
        for token in line.text.split_whitespace() {
            if value_cell(token).is_some() {
                row.push(cell(line.no, token));
                has_values = true;
                continue;
            }
            if has_values {
                rows.push(std::mem::take(&mut row));
                has_values = false;
            }
            // A label's rest joins its start (a label wrapped over lines).
            if let Some(last) = row.last_mut() {
                let joined = normalize(&format!("{}{token}", last.text));
                let last_is_label = row_labels.contains(&normalize(&last.text));
                if !last_is_label && (starts_a_label(&joined) || row_labels.contains(&joined)) {
                    last.text.push_str(token);
                    continue;
                }
            }
            row.push(cell(line.no, token));
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    Grid {
        line: lines.first().map_or(1, |l| l.no),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grid of rows of cells; `~text` is a grid cell covered by a merged
    /// cell of that text.
    fn grid(rows: &[&[&str]]) -> Grid {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(index, cells)| {
                cells
                    .iter()
                    .map(|text| GridCell {
                        line: index + 1,
                        text: text.trim_start_matches('~').to_string(),
                        spanned: text.starts_with('~'),
                    })
                    .collect()
            })
            .collect();
        Grid { line: 1, rows }
    }

    fn keys_and_cells(read: &ReadGrid) -> Vec<(&str, Vec<&str>)> {
        read.rows
            .iter()
            .map(|r| {
                (
                    r.row.key.as_str(),
                    r.row.cells.iter().map(Cell::as_str).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn header_cells_that_read_like_row_labels_make_no_rows() {
        let stub = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";
        let covered = format!("~{stub}");
        let covered = covered.as_str();
        let read = read_grid(
            &grid(&[
                &[stub, covered, covered, "申请人情况", "~申请人情况"],
                &[
                    covered,
                    covered,
                    covered,
                    "自然人",
                    "法人或其他组织",
                    "总计",
                ],
                &[
                    covered,
                    covered,
                    covered,
                    "~自然人",
                    "商业企业",
                    "科研机构",
                    "社会公益组织",
                    "法律服务机构",
                    "其他",
                    "~总计",
                ],
                &[
                    "三、本年度办理结果",
                    "(六)其他处理",
                    "3.其他",
                    "1",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "1",
                ],
                &[
                    "~三、本年度办理结果",
                    "(七)总计",
                    "~(七)总计",
                    "40",
                    "3",
                    "0",
                    "0",
                    "2",
                    "1",
                    "46",
                ],
            ]),
            ReportFormat::Format2021,
        );
        assert_eq!(
            keys_and_cells(&read),
            [
                ("3.6.3", vec!["1", "0", "0", "0", "0", "0", "1"]),
                ("3.7", vec!["40", "3", "0", "0", "2", "1", "46"]),
            ]
        );
        // The three header rows, and each row's own label cells.
        assert_eq!(read.labels.len(), 5, "{:?}", read.labels);
        assert!(read.notices.is_empty(), "{:?}", read.notices);
    }

    #[test]
    fn a_number_merged_over_columns_is_one_cell() {
        let read = read_grid(
            &grid(&[
                &["第二十条第(五)项", "~第二十条第(五)项", "~第二十条第(五)项"],
                &["信息内容", "本年处理决定数量", "~本年处理决定数量"],
                &["行政许可", "1256", "~1256", "~1256"],
            ]),
            ReportFormat::Format2021,
        );
        assert_eq!(keys_and_cells(&read), [("licensing", vec!["1256"])]);
        assert!(read.notices.is_empty(), "{:?}", read.notices);
        // Numbers in cells of their own are not one merged cell.
        let read = read_grid(&grid(&[&["行政许可", "1", "2"]]), ReportFormat::Format2021);
        assert_eq!(keys_and_cells(&read), [("licensing", vec!["2"])]);
        assert_eq!(read.notices.len(), 1, "{:?}", read.notices);
    }
}
