//! The mandated table layouts of the standard report formats, as data:
//! 国办公开办函〔2019〕60号 (trial) and 国办公开办函〔2021〕30号.
//!
//! A layout is made of blocks. 表三 and 表四 are one block each; 表二 is one
//! block per 第二十条 item, each with columns of its own. A block has
//! columns (leaves of a multi-level header: each names the header groups above
//! it, outermost first) and rows in printed order. Heading rows (三、本年度办理结果,
//! (三)不予公开 …) carry no numbers; the rows nested under them do.
//!
//! Labels are the printed ones, character for character as in
//! `docs/report-formats.md`. The dataset stores only cells, keyed by row; the
//! viewer renders headers and labels from here.

mod header;
mod layouts;

pub use header::HeaderCell;
pub use layouts::{
    ReviewGroup, APPLICANT_TOTAL, REVIEW_GROUPS, ROW_CARRIED_FORWARD, ROW_CARRIED_OVER, ROW_CASES,
    ROW_NEW, ROW_RESULTS, ROW_RESULTS_TOTAL,
};

use crate::report::ReportFormat;
use crate::table::{Cell, Table, TableKind};
use layouts::{LAYOUTS_2019, LAYOUTS_2021};

/// The layout of one mandated table in one format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableLayout {
    pub format: ReportFormat,
    pub kind: TableKind,
    pub blocks: &'static [BlockLayout],
}

/// A part of a table with its own header: a 第二十条 item of 表二, or the
/// whole of 表三 or 表四.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockLayout {
    /// Printed above the block (`第二十条第(一)项`); empty for a one-block table.
    pub heading: &'static str,
    /// The header cell over the row labels (`信息内容`); empty where none is printed.
    pub stub: &'static str,
    pub columns: &'static [ColumnDef],
    pub rows: &'static [RowDef],
}

/// A column of numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnDef {
    /// Stable ASCII key, used by findings ([`crate::findings::CellRef`]).
    pub key: &'static str,
    /// The printed header of the column itself.
    pub label: &'static str,
    /// The header groups above the label, outermost first (`["行政诉讼", "未经复议直接起诉"]`).
    pub groups: &'static [&'static str],
    /// How a finding names the column on its own (`其他` is ambiguous, so it
    /// becomes `其他法人或其他组织`).
    pub short: &'static str,
}

/// A printed row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowDef {
    /// Stable ASCII key (see [`crate::table`]), unique within the table.
    pub key: &'static str,
    /// The printed label (`1.属于国家秘密`).
    pub label: &'static str,
    /// How findings name the row (`三(三)1`, `三(七)总计`).
    pub short: &'static str,
    /// Nesting: 0 for 一、…四、 and 表二's rows, 1 for (一)…(七), 2 for 1. 2. ….
    pub depth: u8,
    /// Key of the heading row this row is nested under.
    pub parent: Option<&'static str>,
    pub kind: RowKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A label over the rows nested under it; no cells of its own.
    Heading,
    /// A row of numbers, one cell per column of its block.
    Values,
}

impl TableLayout {
    /// Every row of every block, in printed order.
    pub fn rows(&self) -> impl Iterator<Item = &'static RowDef> {
        self.blocks.iter().flat_map(|b| b.rows.iter())
    }

    /// The rows that carry numbers, in printed order.
    pub fn value_rows(&self) -> impl Iterator<Item = &'static RowDef> {
        self.rows().filter(|r| r.kind == RowKind::Values)
    }

    /// The row with this key and the block it belongs to.
    pub fn row(&self, key: &str) -> Option<(&'static BlockLayout, &'static RowDef)> {
        self.blocks
            .iter()
            .find_map(|b| b.rows.iter().find(|r| r.key == key).map(|r| (b, r)))
    }

    /// The keys of the heading rows `row` is nested under, innermost first.
    pub fn ancestors<'a>(&'a self, row: &RowDef) -> impl Iterator<Item = &'static str> + 'a {
        std::iter::successors(row.parent, |key| self.row(key).and_then(|(_, r)| r.parent))
    }

    /// Whether `row` is nested, at any depth, under the row `ancestor`.
    pub fn is_under(&self, row: &RowDef, ancestor: &str) -> bool {
        self.ancestors(row).any(|key| key == ancestor)
    }

    /// The cell of `table` (which has this layout) at a row and a column, by
    /// their keys: `None` where the layout or the table lacks it.
    pub fn cell<'t>(&self, table: &'t Table, row_key: &str, column_key: &str) -> Option<&'t Cell> {
        let (block, _) = self.row(row_key)?;
        let (index, _) = block.column(column_key)?;
        table.row(row_key)?.cells.get(index)
    }
}

impl BlockLayout {
    pub fn column(&self, key: &str) -> Option<(usize, &'static ColumnDef)> {
        self.columns.iter().enumerate().find(|(_, c)| c.key == key)
    }

    /// Whether the block prints a column of row labels (表四 does not).
    pub fn has_row_labels(&self) -> bool {
        !self.stub.is_empty() || self.rows.iter().any(|r| !r.label.is_empty())
    }
}

/// The layout of a table kind in a format; `None` for a narrative report,
/// which has no mandated tables.
pub fn layout(format: ReportFormat, kind: TableKind) -> Option<&'static TableLayout> {
    let layouts: &[TableLayout] = match format {
        ReportFormat::Narrative => return None,
        ReportFormat::Trial2019 => &LAYOUTS_2019,
        ReportFormat::Format2021 => &LAYOUTS_2021,
    };
    layouts.iter().find(|l| l.kind == kind)
}

/// How the viewer names a format to a reader.
pub fn format_name_zh(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Narrative => "叙述式年报",
        ReportFormat::Trial2019 => "2019年试行格式",
        ReportFormat::Format2021 => "2021年格式",
    }
}

/// How messages name a format.
pub fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Narrative => "narrative",
        ReportFormat::Trial2019 => "2019 trial",
        ReportFormat::Format2021 => "2021",
    }
}

#[cfg(test)]
mod tests {
    use super::layouts::APPLICATION_STUB;
    use super::*;

    #[test]
    fn every_format_has_all_three_tables_and_narrative_none() {
        for format in [ReportFormat::Trial2019, ReportFormat::Format2021] {
            for kind in TableKind::ALL {
                let layout = layout(format, kind).unwrap();
                assert_eq!((layout.format, layout.kind), (format, kind));
            }
        }
        for kind in TableKind::ALL {
            assert!(layout(ReportFormat::Narrative, kind).is_none());
        }
    }

    #[test]
    fn keys_are_unique_and_parents_are_headings_above() {
        for format in [ReportFormat::Trial2019, ReportFormat::Format2021] {
            for kind in TableKind::ALL {
                let layout = layout(format, kind).unwrap();
                let rows: Vec<&RowDef> = layout.rows().collect();
                for (index, row) in rows.iter().enumerate() {
                    assert!(
                        rows[..index].iter().all(|r| r.key != row.key),
                        "{kind:?} {}",
                        row.key
                    );
                    if let Some(parent) = row.parent {
                        let (_, p) = layout.row(parent).unwrap();
                        assert_eq!(p.kind, RowKind::Heading, "{}", row.key);
                        assert_eq!(p.depth + 1, row.depth, "{}", row.key);
                        assert!(rows[..index].iter().any(|r| r.key == parent));
                    } else {
                        assert_eq!(row.depth, 0, "{}", row.key);
                    }
                }
                for block in layout.blocks {
                    for (index, column) in block.columns.iter().enumerate() {
                        assert!(block.columns[..index].iter().all(|c| c.key != column.key));
                    }
                }
            }
        }
    }

    #[test]
    fn header_rows_span_the_groups() {
        let review = layout(ReportFormat::Format2021, TableKind::ReviewLitigation).unwrap();
        let header = review.blocks[0].header_rows();
        let spans = |row: &Vec<HeaderCell>| -> Vec<(&str, usize, usize)> {
            row.iter()
                .map(|c| (c.label, c.colspan, c.rowspan))
                .collect()
        };
        assert_eq!(spans(&header[0]), [("行政复议", 5, 1), ("行政诉讼", 10, 1)]);
        assert_eq!(
            spans(&header[1])[..2],
            [("结果维持", 1, 2), ("结果纠正", 1, 2)]
        );
        assert_eq!(
            spans(&header[1])[5..],
            [("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)]
        );
        assert_eq!(header[2].len(), 10);

        let applications = layout(ReportFormat::Format2021, TableKind::Applications).unwrap();
        let header = applications.blocks[0].header_rows();
        assert_eq!(
            spans(&header[0]),
            [(APPLICATION_STUB, 1, 3), ("申请人情况", 7, 1)]
        );
        assert_eq!(
            spans(&header[1]),
            [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)]
        );
        assert_eq!(header[2].len(), 5);
        assert_eq!(header[2][4].column, Some("other_org"));

        let active = layout(ReportFormat::Format2021, TableKind::ActiveDisclosure).unwrap();
        let header = active.blocks[0].header_rows();
        assert_eq!(
            spans(&header[0]),
            [
                ("信息内容", 1, 1),
                ("本年制发件数", 1, 1),
                ("本年废止件数", 1, 1),
                ("现行有效件数", 1, 1)
            ]
        );
    }

    #[test]
    fn nesting_is_followed_upwards() {
        let layout = layout(ReportFormat::Format2021, TableKind::Applications).unwrap();
        let (_, row) = layout.row("3.6.2").unwrap();
        assert!(layout.is_under(row, "3.6"));
        assert!(layout.is_under(row, "3"));
        assert!(!layout.is_under(row, "3.5"));
    }
}
