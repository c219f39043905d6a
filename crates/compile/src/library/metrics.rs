//! The figures a library follows across years and compares across bodies,
//! read from the standard tables (表二, 表三, 表四), each with the cells it
//! comes from so a chart links back to them.
//!
//! 表三 and 表四 are the same in both formats. 表二 differs; the figures kept
//! are those both formats state, and two the 2021 format added:
//!
//! | figure | 2019 trial format | 2021 format |
//! |---|---|---|
//! | 规范性文件:本年制发 | (一) 规范性文件 · 本年新制作数量 (`made`) | (一) 行政规范性文件 · 本年制发件数 (`issued`) |
//! | 行政许可/行政处罚/行政强制:处理决定 | (五)(六) · 处理决定数量 (`decisions`) | (五)(六) · 本年处理决定数量 (`decisions`) |
//! | 规范性文件:现行有效 | — (its 对外公开总数量 counts something else) | 现行有效件数 (`in_force`) |
//! | 行政事业性收费:收费金额 (万元) | — (it states 项目数量 only) | (八) 本年收费金额 (`fee_amount`) |
//!
//! A figure that sums cells (不予公开, 行政诉讼) has a value only when every
//! cell holds a number: a blank is never read as 0.

use gir_model::anchors::{cell_anchor, row_anchor};
use gir_model::decimal::Decimal;
use gir_model::findings::CellRef;
use gir_model::report::{Report, ReportFormat};
use gir_model::standard::{self, APPLICANT_TOTAL, ROW_CASES};
use gir_model::table::{Cell, TableKind};

/// What a figure is about: the table it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    /// 表三 收到和处理政府信息公开申请情况
    Applications,
    /// 表四 政府信息公开行政复议、行政诉讼情况
    ReviewLitigation,
    /// 表二 主动公开政府信息情况
    ActiveDisclosure,
}

impl Topic {
    /// The topic in a reader's words.
    pub fn label(self) -> &'static str {
        match self {
            Topic::Applications => "依申请公开",
            Topic::ReviewLitigation => "行政复议、行政诉讼",
            Topic::ActiveDisclosure => "主动公开",
        }
    }
}

/// A figure the library follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// 表三 一、本年新收, 总计.
    ApplicationsNew,
    /// 表三 二、上年结转, 总计.
    ApplicationsCarriedOver,
    /// 表三 三(一)予以公开, 总计.
    Disclosed,
    /// 表三 三(二)部分公开, 总计.
    PartlyDisclosed,
    /// 表三 三(三)不予公开: the sum of its eight rows, 总计.
    Refused,
    /// 表三 三(七)总计, 总计.
    ResultsTotal,
    /// 表三 四、结转下年度继续办理, 总计.
    CarriedForward,
    /// 表四 行政复议 总计.
    Reviews,
    ReviewsUpheld,
    ReviewsCorrected,
    ReviewsOther,
    ReviewsPending,
    /// 表四 行政诉讼: 未经复议直接起诉 总计 + 复议后起诉 总计.
    Lawsuits,
    LawsuitsUpheld,
    LawsuitsCorrected,
    LawsuitsOther,
    LawsuitsPending,
    /// 表二 (一) 规范性文件, made this year (see the module docs).
    NormativeDocumentsIssued,
    /// 表二 (一) 行政规范性文件 现行有效件数 (2021 format only).
    NormativeDocumentsInForce,
    /// 表二 (五) 行政许可, decisions.
    LicensingDecisions,
    /// 表二 (六) 行政处罚, decisions.
    PenaltyDecisions,
    /// 表二 (六) 行政强制, decisions.
    EnforcementDecisions,
    /// 表二 (八) 行政事业性收费 本年收费金额, 万元 (2021 format only).
    FeeAmount,
}

/// Where a figure's cells are in a format's table.
enum Location {
    /// One cell.
    Cell(TableKind, &'static str, &'static str),
    /// The cells of a column in every numbered row under a heading row,
    /// summed; linked to the heading row.
    RowsUnder(TableKind, &'static str, &'static str),
    /// Cells of one row, summed; linked to the first.
    Columns(TableKind, &'static str, &'static [&'static str]),
}

impl Metric {
    pub const ALL: [Metric; 23] = [
        Metric::ApplicationsNew,
        Metric::ApplicationsCarriedOver,
        Metric::Disclosed,
        Metric::PartlyDisclosed,
        Metric::Refused,
        Metric::ResultsTotal,
        Metric::CarriedForward,
        Metric::Reviews,
        Metric::ReviewsUpheld,
        Metric::ReviewsCorrected,
        Metric::ReviewsOther,
        Metric::ReviewsPending,
        Metric::Lawsuits,
        Metric::LawsuitsUpheld,
        Metric::LawsuitsCorrected,
        Metric::LawsuitsOther,
        Metric::LawsuitsPending,
        Metric::NormativeDocumentsIssued,
        Metric::NormativeDocumentsInForce,
        Metric::LicensingDecisions,
        Metric::PenaltyDecisions,
        Metric::EnforcementDecisions,
        Metric::FeeAmount,
    ];

    /// Its place in [`Metric::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The figure in a reader's words.
    pub fn label(self) -> &'static str {
        match self {
            Metric::ApplicationsNew => "本年新收政府信息公开申请",
            Metric::ApplicationsCarriedOver => "上年结转政府信息公开申请",
            Metric::Disclosed => "予以公开",
            Metric::PartlyDisclosed => "部分公开",
            Metric::Refused => "不予公开",
            Metric::ResultsTotal => "办理结果总计",
            Metric::CarriedForward => "结转下年度继续办理",
            Metric::Reviews => "行政复议",
            Metric::ReviewsUpheld => "行政复议:结果维持",
            Metric::ReviewsCorrected => "行政复议:结果纠正",
            Metric::ReviewsOther => "行政复议:其他结果",
            Metric::ReviewsPending => "行政复议:尚未审结",
            Metric::Lawsuits => "行政诉讼",
            Metric::LawsuitsUpheld => "行政诉讼:结果维持",
            Metric::LawsuitsCorrected => "行政诉讼:结果纠正",
            Metric::LawsuitsOther => "行政诉讼:其他结果",
            Metric::LawsuitsPending => "行政诉讼:尚未审结",
            Metric::NormativeDocumentsIssued => "规范性文件:本年制发",
            Metric::NormativeDocumentsInForce => "规范性文件:现行有效",
            Metric::LicensingDecisions => "行政许可:处理决定",
            Metric::PenaltyDecisions => "行政处罚:处理决定",
            Metric::EnforcementDecisions => "行政强制:处理决定",
            Metric::FeeAmount => "行政事业性收费:收费金额",
        }
    }

    /// The unit of its values: a chart draws one unit only.
    pub fn unit(self) -> &'static str {
        match self {
            Metric::FeeAmount => "万元",
            _ => "件",
        }
    }

    pub fn topic(self) -> Topic {
        match self {
            Metric::ApplicationsNew
            | Metric::ApplicationsCarriedOver
            | Metric::Disclosed
            | Metric::PartlyDisclosed
            | Metric::Refused
            | Metric::ResultsTotal
            | Metric::CarriedForward => Topic::Applications,
            Metric::Reviews
            | Metric::ReviewsUpheld
            | Metric::ReviewsCorrected
            | Metric::ReviewsOther
            | Metric::ReviewsPending
            | Metric::Lawsuits
            | Metric::LawsuitsUpheld
            | Metric::LawsuitsCorrected
            | Metric::LawsuitsOther
            | Metric::LawsuitsPending => Topic::ReviewLitigation,
            Metric::NormativeDocumentsIssued
            | Metric::NormativeDocumentsInForce
            | Metric::LicensingDecisions
            | Metric::PenaltyDecisions
            | Metric::EnforcementDecisions
            | Metric::FeeAmount => Topic::ActiveDisclosure,
        }
    }

    /// Where the format states the figure; `None` for a narrative report and
    /// for a figure the format does not have.
    fn location(self, format: ReportFormat) -> Option<Location> {
        use Location::{Cell as At, Columns, RowsUnder};
        use TableKind::{ActiveDisclosure as Active, Applications, ReviewLitigation as Review};
        if format == ReportFormat::Narrative {
            return None;
        }
        let is_2021 = format == ReportFormat::Format2021;
        let total = APPLICANT_TOTAL;
        Some(match self {
            Metric::ApplicationsNew => At(Applications, "1", total),
            Metric::ApplicationsCarriedOver => At(Applications, "2", total),
            Metric::Disclosed => At(Applications, "3.1", total),
            Metric::PartlyDisclosed => At(Applications, "3.2", total),
            Metric::Refused => RowsUnder(Applications, "3.3", total),
            Metric::ResultsTotal => At(Applications, "3.7", total),
            Metric::CarriedForward => At(Applications, "4", total),
            Metric::Reviews => At(Review, ROW_CASES, "review_total"),
            Metric::ReviewsUpheld => At(Review, ROW_CASES, "review_upheld"),
            Metric::ReviewsCorrected => At(Review, ROW_CASES, "review_corrected"),
            Metric::ReviewsOther => At(Review, ROW_CASES, "review_other"),
            Metric::ReviewsPending => At(Review, ROW_CASES, "review_pending"),
            Metric::Lawsuits => Columns(
                Review,
                ROW_CASES,
                &["direct_suit_total", "suit_after_review_total"],
            ),
            Metric::LawsuitsUpheld => Columns(
                Review,
                ROW_CASES,
                &["direct_suit_upheld", "suit_after_review_upheld"],
            ),
            Metric::LawsuitsCorrected => Columns(
                Review,
                ROW_CASES,
                &["direct_suit_corrected", "suit_after_review_corrected"],
            ),
            Metric::LawsuitsOther => Columns(
                Review,
                ROW_CASES,
                &["direct_suit_other", "suit_after_review_other"],
            ),
            Metric::LawsuitsPending => Columns(
                Review,
                ROW_CASES,
                &["direct_suit_pending", "suit_after_review_pending"],
            ),
            Metric::NormativeDocumentsIssued => At(
                Active,
                "normative_documents",
                if is_2021 { "issued" } else { "made" },
            ),
            Metric::NormativeDocumentsInForce if is_2021 => {
                At(Active, "normative_documents", "in_force")
            }
            Metric::LicensingDecisions => At(Active, "licensing", "decisions"),
            Metric::PenaltyDecisions => At(Active, "penalty", "decisions"),
            Metric::EnforcementDecisions => At(Active, "enforcement", "decisions"),
            Metric::FeeAmount if is_2021 => At(Active, "fees", "fee_amount"),
            Metric::NormativeDocumentsInForce | Metric::FeeAmount => return None,
        })
    }

    /// How the format prints what the figure reads, `表 · 行 · 列` (header
    /// groups joined by `/`; for a
    /// footnote where a series crosses formats); `None` where the format
    /// lacks the figure.
    pub fn printed_as(self, format: ReportFormat) -> Option<String> {
        let location = self.location(format)?;
        let (kind, row, columns): (TableKind, &str, Vec<&str>) = match &location {
            Location::Cell(kind, row, column) => (*kind, row, vec![column]),
            Location::RowsUnder(kind, row, column) => (*kind, row, vec![column]),
            Location::Columns(kind, row, columns) => (*kind, row, columns.to_vec()),
        };
        let layout = standard::layout(format, kind)?;
        let (block, row_def) = layout.row(row)?;
        let mut names = Vec::new();
        for key in columns {
            let (_, column) = block.column(key)?;
            let mut name: Vec<&str> = column.groups.to_vec();
            name.push(column.short);
            names.push(name.join("/"));
        }
        let row_name = if row_def.label.is_empty() {
            String::new()
        } else {
            format!(" · {}", row_def.label)
        };
        Some(format!(
            "{}{row_name} · {}",
            kind.title(),
            names.join(" + ")
        ))
    }
}

/// Why a figure has no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The body published no report that year.
    NoReport,
    /// A narrative report: it has no standard tables.
    Narrative,
    /// The report's format has no such figure (the 2019 format states no
    /// 收费金额 and no 现行有效件数).
    NotInFormat(ReportFormat),
    /// The report lacks the table the figure is read from.
    NoTable,
    /// The table lacks the cell (a dataset that was not checked).
    MissingCell,
    /// The cell is blank: nothing was stated (never read as 0).
    Blank,
    /// The cell is marked not applicable; the mark as printed.
    NotApplicable(String),
    /// A sum whose cells are not all numbers: some numbers, some blank or
    /// marked. Lists the cells that stop it.
    Incomplete(Vec<CellRef>),
}

impl Gap {
    /// The reason in a reader's words.
    pub fn description(&self) -> String {
        match self {
            Gap::NoReport => "当年无报告".to_string(),
            Gap::Narrative => "叙述式报告,无统计表".to_string(),
            Gap::NotInFormat(ReportFormat::Trial2019) => "2019年版格式无此项".to_string(),
            Gap::NotInFormat(_) => "该格式无此项".to_string(),
            Gap::NoTable => "报告中无此表".to_string(),
            Gap::MissingCell => "表中无此单元格".to_string(),
            Gap::Blank => "空白".to_string(),
            Gap::NotApplicable(symbol) => format!("不适用(“{symbol}”)"),
            Gap::Incomplete(_) => "部分单元格为空白或不适用,无法求和".to_string(),
        }
    }
}

/// The cells a figure comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellSource {
    pub table_id: String,
    /// Every cell read (several for a sum), by layout keys.
    pub cells: Vec<CellRef>,
    /// Where a link to the figure lands: the cell's anchor, or for a sum of
    /// rows the anchor of their heading row (see [`gir_model::anchors`]).
    pub anchor: String,
}

/// A figure's value or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exact, as the table states it (or the exact sum of its cells).
    Value(Decimal),
    Gap(Gap),
}

/// What one report says for one figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub outcome: Outcome,
    /// The cells it comes from; `None` when the report has no such cells.
    pub source: Option<CellSource>,
}

impl Reading {
    pub fn value(&self) -> Option<Decimal> {
        match self.outcome {
            Outcome::Value(value) => Some(value),
            Outcome::Gap(_) => None,
        }
    }

    pub fn gap(&self) -> Option<&Gap> {
        match &self.outcome {
            Outcome::Value(_) => None,
            Outcome::Gap(gap) => Some(gap),
        }
    }

    pub(crate) fn gap_without_source(gap: Gap) -> Reading {
        Reading {
            outcome: Outcome::Gap(gap),
            source: None,
        }
    }
}

/// What `report` says for `metric`.
pub fn read_metric(report: &Report, metric: Metric) -> Reading {
    let Some(location) = metric.location(report.format) else {
        return Reading::gap_without_source(match report.format {
            ReportFormat::Narrative => Gap::Narrative,
            format => Gap::NotInFormat(format),
        });
    };
    let kind = match location {
        Location::Cell(kind, ..) | Location::RowsUnder(kind, ..) | Location::Columns(kind, ..) => {
            kind
        }
    };
    let (Some(table), Some(layout)) = (
        report.tables().find(|t| t.kind == kind),
        standard::layout(report.format, kind),
    ) else {
        return Reading::gap_without_source(Gap::NoTable);
    };
    let (refs, anchor) = match location {
        Location::Cell(_, row, column) => (
            vec![CellRef::new(row, column)],
            cell_anchor(&table.id, row, column),
        ),
        Location::RowsUnder(_, heading, column) => (
            layout
                .value_rows()
                .filter(|r| r.parent == Some(heading))
                .map(|r| CellRef::new(r.key, column))
                .collect(),
            row_anchor(&table.id, heading),
        ),
        Location::Columns(_, row, columns) => (
            columns.iter().map(|c| CellRef::new(row, c)).collect(),
            cell_anchor(&table.id, row, columns[0]),
        ),
    };
    let cells: Option<Vec<&Cell>> = refs
        .iter()
        .map(|r| layout.cell(table, &r.row_key, &r.column_key))
        .collect();
    let source = Some(CellSource {
        table_id: table.id.clone(),
        cells: refs.clone(),
        anchor,
    });
    let outcome = match cells {
        None => Outcome::Gap(Gap::MissingCell),
        Some(cells) => combine(&refs, &cells),
    };
    Reading { outcome, source }
}

/// One cell's value, or the exact sum of several when every one is a number.
fn combine(refs: &[CellRef], cells: &[&Cell]) -> Outcome {
    let unstated: Vec<CellRef> = refs
        .iter()
        .zip(cells)
        .filter(|(_, cell)| cell.decimal().is_none())
        .map(|(r, _)| r.clone())
        .collect();
    if unstated.is_empty() {
        // At most eight cells of at most 18 digits: the sum cannot overflow.
        return match Decimal::sum(cells.iter().filter_map(|c| c.decimal())) {
            Some(sum) => Outcome::Value(sum),
            None => Outcome::Gap(Gap::Incomplete(Vec::new())),
        };
    }
    if cells.iter().all(|c| c.is_blank()) {
        Outcome::Gap(Gap::Blank)
    } else if let Some(symbol) = cells
        .iter()
        .map(|c| match c {
            Cell::NotApplicable(symbol) => Some(symbol.clone()),
            _ => None,
        })
        .collect::<Option<Vec<String>>>()
        .and_then(|symbols| symbols.into_iter().next())
    {
        // Every cell marked: the first mark stands for them.
        Outcome::Gap(Gap::NotApplicable(symbol))
    } else {
        Outcome::Gap(Gap::Incomplete(unstated))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_is_at_its_index_and_located_in_both_formats_or_named_missing() {
        for (index, metric) in Metric::ALL.iter().enumerate() {
            assert_eq!(metric.index(), index);
            assert!(metric.location(ReportFormat::Narrative).is_none());
            assert!(metric.printed_as(ReportFormat::Format2021).is_some());
            let in_2019 = metric.printed_as(ReportFormat::Trial2019).is_some();
            let only_2021 = matches!(
                metric,
                Metric::FeeAmount | Metric::NormativeDocumentsInForce
            );
            assert_eq!(in_2019, !only_2021, "{metric:?}");
        }
    }

    #[test]
    fn the_printed_columns_name_the_format_differences() {
        let issued = Metric::NormativeDocumentsIssued;
        assert_eq!(
            issued.printed_as(ReportFormat::Trial2019).unwrap(),
            "主动公开政府信息情况 · 规范性文件 · 本年新制作数量"
        );
        assert_eq!(
            issued.printed_as(ReportFormat::Format2021).unwrap(),
            "主动公开政府信息情况 · 行政规范性文件 · 本年制发件数"
        );
        assert_eq!(
            Metric::Lawsuits
                .printed_as(ReportFormat::Format2021)
                .unwrap(),
            "政府信息公开行政复议、行政诉讼情况 · 行政诉讼/未经复议直接起诉/总计 + 行政诉讼/复议后起诉/总计"
        );
        assert_eq!(
            Metric::Refused.printed_as(ReportFormat::Trial2019).unwrap(),
            "收到和处理政府信息公开申请情况 · (三)不予公开 · 申请人情况/总计"
        );
    }

    #[test]
    fn gaps_and_topics_are_named_for_readers() {
        let named: Vec<String> = [
            Gap::NoReport,
            Gap::Narrative,
            Gap::NotInFormat(ReportFormat::Trial2019),
            Gap::NoTable,
            Gap::MissingCell,
            Gap::Blank,
            Gap::NotApplicable("—".into()),
            Gap::Incomplete(Vec::new()),
        ]
        .iter()
        .map(Gap::description)
        .collect();
        assert_eq!(
            named,
            [
                "当年无报告",
                "叙述式报告,无统计表",
                "2019年版格式无此项",
                "报告中无此表",
                "表中无此单元格",
                "空白",
                "不适用(“—”)",
                "部分单元格为空白或不适用,无法求和",
            ]
        );
        assert_eq!(Metric::FeeAmount.topic().label(), "主动公开");
        assert_eq!(Metric::LawsuitsOther.topic().label(), "行政复议、行政诉讼");
        assert_eq!(Metric::Refused.topic().label(), "依申请公开");
        assert_eq!(Metric::FeeAmount.unit(), "万元");
        assert!(Metric::ALL
            .iter()
            .all(|m| *m == Metric::FeeAmount || m.unit() == "件"));
    }

    #[test]
    fn sums_need_every_cell_a_number() {
        let refs = [CellRef::new("r", "a"), CellRef::new("r", "b")];
        let cell = |t: &str| Cell::parse(t).unwrap();
        let outcome = |a: &str, b: &str| combine(&refs, &[&cell(a), &cell(b)]);
        assert_eq!(
            outcome("1", "2.5"),
            Outcome::Value(cell("3.5").decimal().unwrap())
        );
        assert_eq!(outcome("", ""), Outcome::Gap(Gap::Blank));
        assert_eq!(
            outcome("—", "/"),
            Outcome::Gap(Gap::NotApplicable("—".into()))
        );
        assert_eq!(
            outcome("3", ""),
            Outcome::Gap(Gap::Incomplete(vec![refs[1].clone()]))
        );
        assert_eq!(
            outcome("", "/"),
            Outcome::Gap(Gap::Incomplete(refs.to_vec()))
        );
    }
}
