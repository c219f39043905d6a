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

use crate::model::ReportFormat;
use crate::tables::TableKind;

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
    /// Stable ASCII key, used by findings ([`crate::tables::CellRef`]).
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
    /// Stable ASCII key (see [`crate::tables`]), unique within the table.
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

/// A header cell of a block's multi-level header, as a `<th>` would span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderCell {
    pub label: &'static str,
    pub colspan: usize,
    pub rowspan: usize,
    /// The column a leaf header stands over; `None` for a group or the stub.
    pub column: Option<&'static str>,
    /// Index of the first column the cell spans; `None` for the stub, which
    /// stands over the row labels.
    pub first_column: Option<usize>,
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

    /// Whether `row` is nested, at any depth, under the row `ancestor`.
    pub fn is_under(&self, row: &RowDef, ancestor: &str) -> bool {
        let mut parent = row.parent;
        while let Some(key) = parent {
            if key == ancestor {
                return true;
            }
            parent = self.row(key).and_then(|(_, r)| r.parent);
        }
        false
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

    /// The header as rows of spanning cells, top row first. The stub (over the
    /// row labels) spans every header row; a column with fewer groups than the
    /// deepest spans down to the bottom row; a group spans its columns.
    pub fn header_rows(&self) -> Vec<Vec<HeaderCell>> {
        let depth = 1 + self
            .columns
            .iter()
            .map(|c| c.groups.len())
            .max()
            .unwrap_or(0);
        let mut rows: Vec<Vec<HeaderCell>> = vec![Vec::new(); depth];
        if self.has_row_labels() {
            rows[0].push(HeaderCell {
                label: self.stub,
                colspan: 1,
                rowspan: depth,
                column: None,
                first_column: None,
            });
        }
        for (level, row) in rows.iter_mut().enumerate() {
            let mut index = 0;
            while index < self.columns.len() {
                let column = &self.columns[index];
                if column.groups.len() == level {
                    row.push(HeaderCell {
                        label: column.label,
                        colspan: 1,
                        rowspan: depth - level,
                        column: Some(column.key),
                        first_column: Some(index),
                    });
                    index += 1;
                } else if column.groups.len() > level {
                    // A group spans the following columns that share its path so far.
                    let path = &column.groups[..=level];
                    let span = self.columns[index..]
                        .iter()
                        .take_while(|c| c.groups.len() > level && &c.groups[..=level] == path)
                        .count();
                    row.push(HeaderCell {
                        label: column.groups[level],
                        colspan: span,
                        rowspan: 1,
                        column: None,
                        first_column: Some(index),
                    });
                    index += span;
                } else {
                    // Covered by its own header cell in a row above.
                    index += 1;
                }
            }
        }
        rows
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

/// How messages name a format.
pub fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Narrative => "narrative",
        ReportFormat::Trial2019 => "2019 trial",
        ReportFormat::Format2021 => "2021",
    }
}

// ---- helpers for writing the layouts as constants ----

const fn column(key: &'static str, label: &'static str) -> ColumnDef {
    ColumnDef {
        key,
        label,
        groups: &[],
        short: label,
    }
}

const fn grouped(
    key: &'static str,
    label: &'static str,
    groups: &'static [&'static str],
    short: &'static str,
) -> ColumnDef {
    ColumnDef {
        key,
        label,
        groups,
        short,
    }
}

const fn values(
    key: &'static str,
    label: &'static str,
    short: &'static str,
    depth: u8,
    parent: Option<&'static str>,
) -> RowDef {
    RowDef {
        key,
        label,
        short,
        depth,
        parent,
        kind: RowKind::Values,
    }
}

const fn heading(
    key: &'static str,
    label: &'static str,
    short: &'static str,
    depth: u8,
    parent: Option<&'static str>,
) -> RowDef {
    RowDef {
        key,
        label,
        short,
        depth,
        parent,
        kind: RowKind::Heading,
    }
}

/// A top-level row of 表二 (its label is also its short name).
const fn item(key: &'static str, label: &'static str) -> RowDef {
    values(key, label, label, 0, None)
}

// ---- 表二 主动公开政府信息情况 ----

const STUB_CONTENT: &str = "信息内容";

static ACTIVE_2021: [BlockLayout; 4] = [
    BlockLayout {
        heading: "第二十条第(一)项",
        stub: STUB_CONTENT,
        columns: &[
            column("issued", "本年制发件数"),
            column("repealed", "本年废止件数"),
            column("in_force", "现行有效件数"),
        ],
        rows: &[
            item("regulations", "规章"),
            item("normative_documents", "行政规范性文件"),
        ],
    },
    BlockLayout {
        heading: "第二十条第(五)项",
        stub: STUB_CONTENT,
        columns: &[column("decisions", "本年处理决定数量")],
        rows: &[item("licensing", "行政许可")],
    },
    BlockLayout {
        heading: "第二十条第(六)项",
        stub: STUB_CONTENT,
        columns: &[column("decisions", "本年处理决定数量")],
        rows: &[item("penalty", "行政处罚"), item("enforcement", "行政强制")],
    },
    BlockLayout {
        heading: "第二十条第(八)项",
        stub: STUB_CONTENT,
        columns: &[column("fee_amount", "本年收费金额(单位:万元)")],
        rows: &[item("fees", "行政事业性收费")],
    },
];

/// 2019 (五) and (六) share their columns.
const ITEMS_2019: &[ColumnDef] = &[
    column("previous_items", "上一年项目数量"),
    column("change", "本年增/减"),
    column("decisions", "处理决定数量"),
];

static ACTIVE_2019: [BlockLayout; 5] = [
    BlockLayout {
        heading: "第二十条第(一)项",
        stub: STUB_CONTENT,
        columns: &[
            column("made", "本年新制作数量"),
            column("published", "本年新公开数量"),
            column("published_total", "对外公开总数量"),
        ],
        rows: &[
            item("regulations", "规章"),
            item("normative_documents", "规范性文件"),
        ],
    },
    BlockLayout {
        heading: "第二十条第(五)项",
        stub: STUB_CONTENT,
        columns: ITEMS_2019,
        rows: &[
            item("licensing", "行政许可"),
            item("other_services", "其他对外管理服务事项"),
        ],
    },
    BlockLayout {
        heading: "第二十条第(六)项",
        stub: STUB_CONTENT,
        columns: ITEMS_2019,
        rows: &[item("penalty", "行政处罚"), item("enforcement", "行政强制")],
    },
    BlockLayout {
        heading: "第二十条第(八)项",
        stub: STUB_CONTENT,
        columns: &[
            column("previous_items", "上一年项目数量"),
            column("change", "本年增/减"),
        ],
        rows: &[item("fees", "行政事业性收费")],
    },
    BlockLayout {
        heading: "第二十条第(九)项",
        stub: STUB_CONTENT,
        columns: &[
            column("procurement_items", "采购项目数量"),
            column("procurement_amount", "采购总金额"),
        ],
        rows: &[item("procurement", "政府集中采购")],
    },
];

// ---- 表三 收到和处理政府信息公开申请情况 ----

/// Column keys of 表三 that rules refer to.
pub const APPLICANT_TOTAL: &str = "total";
/// Row keys of 表三 that rules refer to.
pub const ROW_NEW: &str = "1";
pub const ROW_CARRIED_OVER: &str = "2";
pub const ROW_RESULTS: &str = "3";
pub const ROW_RESULTS_TOTAL: &str = "3.7";
pub const ROW_CARRIED_FORWARD: &str = "4";

/// The header group over every 表三 column, and the stub over its row labels,
/// as the published templates print them (the stub states the column rule).
const APPLICANTS: &str = "申请人情况";
const ORGANISATIONS: &[&str] = &[APPLICANTS, "法人或其他组织"];

const APPLICATION_COLUMNS: &[ColumnDef] = &[
    grouped("natural_person", "自然人", &[APPLICANTS], "自然人"),
    grouped("business", "商业企业", ORGANISATIONS, "商业企业"),
    grouped("research", "科研机构", ORGANISATIONS, "科研机构"),
    grouped(
        "public_welfare",
        "社会公益组织",
        ORGANISATIONS,
        "社会公益组织",
    ),
    grouped(
        "legal_services",
        "法律服务机构",
        ORGANISATIONS,
        "法律服务机构",
    ),
    grouped("other_org", "其他", ORGANISATIONS, "其他法人或其他组织"),
    grouped(APPLICANT_TOTAL, "总计", &[APPLICANTS], "总计"),
];

const APPLICATION_STUB: &str = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";

/// 表三's rows with the formats' variant of (六)其他处理 spliced in.
macro_rules! application_rows {
    ($($other:expr),+ $(,)?) => {
        &[
            values("1", "一、本年新收政府信息公开申请数量", "一", 0, None),
            values("2", "二、上年结转政府信息公开申请数量", "二", 0, None),
            heading("3", "三、本年度办理结果", "三", 0, None),
            values("3.1", "(一)予以公开", "三(一)", 1, Some("3")),
            values("3.2", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "三(二)", 1, Some("3")),
            heading("3.3", "(三)不予公开", "三(三)", 1, Some("3")),
            values("3.3.1", "1.属于国家秘密", "三(三)1", 2, Some("3.3")),
            values("3.3.2", "2.其他法律行政法规禁止公开", "三(三)2", 2, Some("3.3")),
            values("3.3.3", "3.危及“三安全一稳定”", "三(三)3", 2, Some("3.3")),
            values("3.3.4", "4.保护第三方合法权益", "三(三)4", 2, Some("3.3")),
            values("3.3.5", "5.属于三类内部事务信息", "三(三)5", 2, Some("3.3")),
            values("3.3.6", "6.属于四类过程性信息", "三(三)6", 2, Some("3.3")),
            values("3.3.7", "7.属于行政执法案卷", "三(三)7", 2, Some("3.3")),
            values("3.3.8", "8.属于行政查询事项", "三(三)8", 2, Some("3.3")),
            heading("3.4", "(四)无法提供", "三(四)", 1, Some("3")),
            values("3.4.1", "1.本机关不掌握相关政府信息", "三(四)1", 2, Some("3.4")),
            values("3.4.2", "2.没有现成信息需要另行制作", "三(四)2", 2, Some("3.4")),
            values("3.4.3", "3.补正后申请内容仍不明确", "三(四)3", 2, Some("3.4")),
            heading("3.5", "(五)不予处理", "三(五)", 1, Some("3")),
            values("3.5.1", "1.信访举报投诉类申请", "三(五)1", 2, Some("3.5")),
            values("3.5.2", "2.重复申请", "三(五)2", 2, Some("3.5")),
            values("3.5.3", "3.要求提供公开出版物", "三(五)3", 2, Some("3.5")),
            values("3.5.4", "4.无正当理由大量反复申请", "三(五)4", 2, Some("3.5")),
            values("3.5.5", "5.要求行政机关确认或重新出具已获取信息", "三(五)5", 2, Some("3.5")),
            $($other,)+
            values(ROW_RESULTS_TOTAL, "(七)总计", "三(七)总计", 1, Some("3")),
            values(ROW_CARRIED_FORWARD, "四、结转下年度继续办理", "四", 0, None),
        ]
    };
}

static APPLICATIONS_2021: [BlockLayout; 1] = [BlockLayout {
    heading: "",
    stub: APPLICATION_STUB,
    columns: APPLICATION_COLUMNS,
    rows: application_rows!(
        heading("3.6", "(六)其他处理", "三(六)", 1, Some("3")),
        values(
            "3.6.1",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "三(六)1",
            2,
            Some("3.6")
        ),
        values(
            "3.6.2",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "三(六)2",
            2,
            Some("3.6")
        ),
        values("3.6.3", "3.其他", "三(六)3", 2, Some("3.6")),
    ),
}];

static APPLICATIONS_2019: [BlockLayout; 1] = [BlockLayout {
    heading: "",
    stub: APPLICATION_STUB,
    columns: APPLICATION_COLUMNS,
    rows: application_rows!(values("3.6", "(六)其他处理", "三(六)", 1, Some("3"))),
}];

// ---- 表四 政府信息公开行政复议、行政诉讼情况 ----

/// A group of 表四: its name in findings and its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewGroup {
    pub name: &'static str,
    /// 结果维持, 结果纠正, 其他结果, 尚未审结: these sum to the total.
    pub parts: [&'static str; 4],
    pub total: &'static str,
}

pub const REVIEW_GROUPS: [ReviewGroup; 3] = [
    ReviewGroup {
        name: "行政复议",
        parts: [
            "review_upheld",
            "review_corrected",
            "review_other",
            "review_pending",
        ],
        total: "review_total",
    },
    ReviewGroup {
        name: "行政诉讼(未经复议直接起诉)",
        parts: [
            "direct_suit_upheld",
            "direct_suit_corrected",
            "direct_suit_other",
            "direct_suit_pending",
        ],
        total: "direct_suit_total",
    },
    ReviewGroup {
        name: "行政诉讼(复议后起诉)",
        parts: [
            "suit_after_review_upheld",
            "suit_after_review_corrected",
            "suit_after_review_other",
            "suit_after_review_pending",
        ],
        total: "suit_after_review_total",
    },
];

/// The one row of numbers of 表四.
pub const ROW_CASES: &str = "cases";

const REVIEW: &[&str] = &["行政复议"];
const DIRECT_SUIT: &[&str] = &["行政诉讼", "未经复议直接起诉"];
const SUIT_AFTER_REVIEW: &[&str] = &["行政诉讼", "复议后起诉"];

const REVIEW_COLUMNS: &[ColumnDef] = &[
    grouped("review_upheld", "结果维持", REVIEW, "结果维持"),
    grouped("review_corrected", "结果纠正", REVIEW, "结果纠正"),
    grouped("review_other", "其他结果", REVIEW, "其他结果"),
    grouped("review_pending", "尚未审结", REVIEW, "尚未审结"),
    grouped("review_total", "总计", REVIEW, "总计"),
    grouped("direct_suit_upheld", "结果维持", DIRECT_SUIT, "结果维持"),
    grouped("direct_suit_corrected", "结果纠正", DIRECT_SUIT, "结果纠正"),
    grouped("direct_suit_other", "其他结果", DIRECT_SUIT, "其他结果"),
    grouped("direct_suit_pending", "尚未审结", DIRECT_SUIT, "尚未审结"),
    grouped("direct_suit_total", "总计", DIRECT_SUIT, "总计"),
    grouped(
        "suit_after_review_upheld",
        "结果维持",
        SUIT_AFTER_REVIEW,
        "结果维持",
    ),
    grouped(
        "suit_after_review_corrected",
        "结果纠正",
        SUIT_AFTER_REVIEW,
        "结果纠正",
    ),
    grouped(
        "suit_after_review_other",
        "其他结果",
        SUIT_AFTER_REVIEW,
        "其他结果",
    ),
    grouped(
        "suit_after_review_pending",
        "尚未审结",
        SUIT_AFTER_REVIEW,
        "尚未审结",
    ),
    grouped("suit_after_review_total", "总计", SUIT_AFTER_REVIEW, "总计"),
];

/// Both formats print the same 表四.
static REVIEW_LITIGATION: [BlockLayout; 1] = [BlockLayout {
    heading: "",
    stub: "",
    columns: REVIEW_COLUMNS,
    rows: &[values(ROW_CASES, "", "", 0, None)],
}];

static LAYOUTS_2021: [TableLayout; 3] = [
    TableLayout {
        format: ReportFormat::Format2021,
        kind: TableKind::ActiveDisclosure,
        blocks: &ACTIVE_2021,
    },
    TableLayout {
        format: ReportFormat::Format2021,
        kind: TableKind::Applications,
        blocks: &APPLICATIONS_2021,
    },
    TableLayout {
        format: ReportFormat::Format2021,
        kind: TableKind::ReviewLitigation,
        blocks: &REVIEW_LITIGATION,
    },
];

static LAYOUTS_2019: [TableLayout; 3] = [
    TableLayout {
        format: ReportFormat::Trial2019,
        kind: TableKind::ActiveDisclosure,
        blocks: &ACTIVE_2019,
    },
    TableLayout {
        format: ReportFormat::Trial2019,
        kind: TableKind::Applications,
        blocks: &APPLICATIONS_2019,
    },
    TableLayout {
        format: ReportFormat::Trial2019,
        kind: TableKind::ReviewLitigation,
        blocks: &REVIEW_LITIGATION,
    },
];

// ---- structural validation (build time) ----

#[cfg(not(target_arch = "wasm32"))]
pub use validation::validate_table;

#[cfg(not(target_arch = "wasm32"))]
mod validation {
    use super::{format_name, layout, RowKind, TableLayout};
    use crate::checks::Problem;
    use crate::model::ReportFormat;
    use crate::tables::Table;
    use std::collections::HashSet;

    /// Structural errors of a table against its format's layout: they fail
    /// the build, each with the table id (and row key) so the loader can name
    /// the line. Sums are not checked here (see `table_checks`).
    pub fn validate_table(table: &Table, format: ReportFormat) -> Vec<Problem> {
        let Some(layout) = layout(format, table.kind) else {
            return vec![Problem::in_table(
                &table.id,
                None,
                Some("kind"),
                format!(
                    "a {} report has no standard tables: a table of kind \"{}\" needs \"format\": \"2019\" or \"2021\"",
                    format_name(format),
                    table.kind.json_name()
                ),
            )];
        };
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut last_position = None;
        for row in &table.rows {
            let key = row.key.as_str();
            let in_table = |field, message| Problem::in_table(&table.id, Some(key), field, message);
            let Some(position) = layout.rows().position(|r| r.key == key) else {
                problems.push(in_table(None, unknown_row(layout, key)));
                continue;
            };
            let (block, def) = layout.row(key).expect("position found the row");
            if def.kind == RowKind::Heading {
                problems.push(in_table(
                    None,
                    format!(
                        "row \"{key}\" ({}) is a heading without cells: list the numbered rows under it",
                        def.label
                    ),
                ));
                continue;
            }
            if !seen.insert(key) {
                problems.push(in_table(
                    None,
                    format!("row \"{key}\" is listed more than once"),
                ));
                continue;
            }
            if last_position.is_some_and(|last| position < last) {
                problems.push(in_table(
                    None,
                    format!("row \"{key}\" ({}) is out of the printed order", def.label),
                ));
            }
            last_position = Some(position);
            if row.cells.len() != block.columns.len() {
                let labels: Vec<&str> = block.columns.iter().map(|c| c.label).collect();
                problems.push(in_table(
                    Some("cells"),
                    format!(
                        "row \"{key}\" ({}) has {} cells, but its columns are {}: {}",
                        def.label,
                        row.cells.len(),
                        block.columns.len(),
                        labels.join(", ")
                    ),
                ));
            }
        }
        let missing: Vec<String> = layout
            .value_rows()
            .filter(|r| !seen.contains(r.key))
            .map(|r| format!("\"{}\" ({})", r.key, r.label))
            .collect();
        if !missing.is_empty() {
            problems.push(Problem::in_table(
                &table.id,
                None,
                Some("rows"),
                format!(
                    "rows missing from the {} layout of {}: {} (a row left empty in the publication is listed with \"\" cells)",
                    format_name(format),
                    table.kind.title(),
                    missing.join(", ")
                ),
            ));
        }
        problems
    }

    /// Names the valid keys, and says so when the key belongs to the other format.
    fn unknown_row(layout: &TableLayout, key: &str) -> String {
        let other = match layout.format {
            ReportFormat::Trial2019 => ReportFormat::Format2021,
            _ => ReportFormat::Trial2019,
        };
        let hint = match super::layout(other, layout.kind).and_then(|l| l.row(key)) {
            Some((_, def)) => format!(
                " (\"{key}\" {} is a row of the {} format)",
                def.label,
                format_name(other)
            ),
            None => String::new(),
        };
        let keys: Vec<&str> = layout.value_rows().map(|r| r.key).collect();
        format!(
            "row key \"{key}\" is not a row of the {} layout of {}{hint}; its rows are: {}",
            format_name(layout.format),
            layout.kind.title(),
            keys.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
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
