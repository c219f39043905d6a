//! The consistency rules (勾稽关系) of the standard tables, each its own
//! function. They find data-quality problems to show in a 数据校验 panel; they
//! never fail the build, because real reports break them and the viewer shows
//! a table as published.
//!
//! Each rule is an equation checked once per column, row or group (a rule
//! *instance*). How cells that are not numbers are treated:
//! - every cell of the instance is blank or not applicable: nothing was stated,
//!   so there is nothing to check and no finding (an all-blank table passes);
//! - some cells are numbers and others blank or not applicable: the instance
//!   cannot be checked. It is reported as [`BreakKind::Incomplete`], naming the
//!   cells that stop it. A blank is never read as 0 — blank and zero are
//!   different statements, and reading one as the other would both hide real
//!   gaps and invent breaks. A not-applicable mark is not a number either;
//! - every cell is a number: the two sides are summed exactly (decimal, no
//!   floats) and a difference is a [`BreakKind::Mismatch`].
//!
//! A table that passes has no findings.

use gir_model::decimal::Decimal;
use gir_model::findings::{BreakKind, CellRef, RuleBreak, RuleId};
use gir_model::report::{Report, ReportFormat};
use gir_model::standard::{
    self, ReviewGroup, RowDef, RowKind, TableLayout, APPLICANT_TOTAL, REVIEW_GROUPS,
    ROW_CARRIED_FORWARD, ROW_CARRIED_OVER, ROW_CASES, ROW_NEW, ROW_RESULTS, ROW_RESULTS_TOTAL,
};
use gir_model::table::{Cell, Table, TableKind};

/// Every rule on every table of the report.
pub fn check_report_tables(report: &Report) -> Vec<RuleBreak> {
    report
        .tables()
        .flat_map(|table| check_table(table, report.format))
        .collect()
}

/// Every rule that applies to the table's kind, in rule order.
pub fn check_table(table: &Table, format: ReportFormat) -> Vec<RuleBreak> {
    let mut breaks = applications_column_balance(table, format);
    breaks.extend(applications_results_total(table, format));
    breaks.extend(applications_row_total(table, format));
    breaks.extend(review_litigation_group_total(table, format));
    breaks
}

/// 表三, each column: 一 + 二 = 三(七)总计 + 四.
pub fn applications_column_balance(table: &Table, format: ReportFormat) -> Vec<RuleBreak> {
    let Some(layout) = layout_for(table, format, TableKind::Applications) else {
        return Vec::new();
    };
    let block = &layout.blocks[0];
    block
        .columns
        .iter()
        .filter_map(|column| {
            let at = |row: &str| term_in_row(table, layout, row, column.key);
            Equation {
                rule: RuleId::ApplicationsColumnBalance,
                scope: format!("{}列", column.short),
                lhs: vec![at(ROW_NEW)?, at(ROW_CARRIED_OVER)?],
                rhs: vec![at(ROW_RESULTS_TOTAL)?, at(ROW_CARRIED_FORWARD)?],
                zero_terms: ZeroTerms::Shown,
            }
            .check(&table.id)
        })
        .collect()
}

/// 表三, each column: 三(七)总计 = (一) + (二) + every numbered row under
/// (三)…(六) (and the single (六) row of the 2019 format).
pub fn applications_results_total(table: &Table, format: ReportFormat) -> Vec<RuleBreak> {
    let Some(layout) = layout_for(table, format, TableKind::Applications) else {
        return Vec::new();
    };
    let results: Vec<&RowDef> = layout
        .value_rows()
        .filter(|r| r.key != ROW_RESULTS_TOTAL && layout.is_under(r, ROW_RESULTS))
        .collect();
    layout.blocks[0]
        .columns
        .iter()
        .filter_map(|column| {
            let at = |row: &str| term_in_row(table, layout, row, column.key);
            let rhs: Option<Vec<Term>> = results.iter().map(|r| at(r.key)).collect();
            Equation {
                rule: RuleId::ApplicationsResultsTotal,
                scope: format!("{}列", column.short),
                lhs: vec![at(ROW_RESULTS_TOTAL)?],
                rhs: rhs?,
                // Nineteen terms, mostly 0: name the others.
                zero_terms: ZeroTerms::Omitted("三(一)至三(六)各项"),
            }
            .check(&table.id)
        })
        .collect()
}

/// 表三, each row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 +
/// 法律服务机构 + 其他.
pub fn applications_row_total(table: &Table, format: ReportFormat) -> Vec<RuleBreak> {
    let Some(layout) = layout_for(table, format, TableKind::Applications) else {
        return Vec::new();
    };
    let columns = layout.blocks[0].columns;
    layout
        .value_rows()
        .filter_map(|row| {
            let at = |column: &str| term_in_column(table, layout, row, column);
            let parts: Option<Vec<Term>> = columns
                .iter()
                .filter(|c| c.key != APPLICANT_TOTAL)
                .map(|c| at(c.key))
                .collect();
            Equation {
                rule: RuleId::ApplicationsRowTotal,
                scope: format!("“{}”行", row.short),
                lhs: vec![at(APPLICANT_TOTAL)?],
                rhs: parts?,
                zero_terms: ZeroTerms::Shown,
            }
            .check(&table.id)
        })
        .collect()
}

/// 表四, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
pub fn review_litigation_group_total(table: &Table, format: ReportFormat) -> Vec<RuleBreak> {
    let Some(layout) = layout_for(table, format, TableKind::ReviewLitigation) else {
        return Vec::new();
    };
    let Some((_, row)) = layout.row(ROW_CASES) else {
        return Vec::new();
    };
    REVIEW_GROUPS
        .iter()
        .filter_map(|group: &ReviewGroup| {
            let at = |column: &str| term_in_column(table, layout, row, column);
            let parts: Option<Vec<Term>> = group.parts.iter().map(|c| at(c)).collect();
            Equation {
                rule: RuleId::ReviewLitigationGroupTotal,
                scope: group.name.to_string(),
                lhs: vec![at(group.total)?],
                rhs: parts?,
                zero_terms: ZeroTerms::Shown,
            }
            .check(&table.id)
        })
        .collect()
}

/// The layout when the table is of the kind a rule is about.
fn layout_for(
    table: &Table,
    format: ReportFormat,
    kind: TableKind,
) -> Option<&'static TableLayout> {
    (table.kind == kind)
        .then(|| standard::layout(format, kind))
        .flatten()
}

/// One cell in an equation, with the name a message gives it.
struct Term<'a> {
    name: &'static str,
    at: CellRef,
    cell: &'a Cell,
}

/// The cell at a row and column, named by its row (for column rules). `None`
/// when the table lacks it: a structural error, reported by the build.
fn term_in_row<'a>(
    table: &'a Table,
    layout: &TableLayout,
    row_key: &str,
    column_key: &str,
) -> Option<Term<'a>> {
    let (_, row) = layout.row(row_key)?;
    let mut term = term_in_column(table, layout, row, column_key)?;
    term.name = row.short;
    Some(term)
}

/// The cell at a row and column, named by its column (for row and group rules).
/// `None` when the table lacks it.
fn term_in_column<'a>(
    table: &'a Table,
    layout: &TableLayout,
    row: &RowDef,
    column_key: &str,
) -> Option<Term<'a>> {
    if row.kind != RowKind::Values {
        return None;
    }
    let cell = layout.cell(table, row.key, column_key)?;
    let (_, column) = layout.row(row.key)?.0.column(column_key)?;
    Some(Term {
        name: column.short,
        at: CellRef::new(row.key, column.key),
        cell,
    })
}

/// Whether a message lists zero terms or leaves them out.
enum ZeroTerms {
    Shown,
    /// Left out of the right-hand side; the text names the whole side when
    /// every term is zero.
    Omitted(&'static str),
}

/// `lhs = rhs` for one column, row or group.
struct Equation<'a> {
    rule: RuleId,
    /// Where the instance is: `自然人列`, `“三(一)”行`, `行政复议`.
    scope: String,
    lhs: Vec<Term<'a>>,
    rhs: Vec<Term<'a>>,
    zero_terms: ZeroTerms,
}

impl Equation<'_> {
    fn check(self, table_id: &str) -> Option<RuleBreak> {
        let terms = || self.lhs.iter().chain(&self.rhs);
        let unstated: Vec<&Term> = terms().filter(|t| t.cell.decimal().is_none()).collect();
        if unstated.len() == terms().count() {
            return None;
        }
        if !unstated.is_empty() {
            return Some(RuleBreak {
                rule: self.rule,
                kind: BreakKind::Incomplete,
                table_id: table_id.to_string(),
                message: self.incomplete_message(&unstated),
                cells: unstated.iter().map(|t| t.at.clone()).collect(),
            });
        }
        let lhs = sum(&self.lhs)?;
        let rhs = sum(&self.rhs)?;
        if lhs == rhs {
            return None;
        }
        Some(RuleBreak {
            rule: self.rule,
            kind: BreakKind::Mismatch,
            table_id: table_id.to_string(),
            message: format!(
                "{}:{} ≠ {},即 {lhs} ≠ {rhs}",
                self.scope,
                side(&self.lhs, &ZeroTerms::Shown),
                side(&self.rhs, &self.zero_terms)
            ),
            cells: terms().map(|t| t.at.clone()).collect(),
        })
    }

    /// `商业企业列:二为空白、四标为不适用“/”,无法核对“一 + 二 = 三(七)总计 + 四”(空白不按0计)`.
    fn incomplete_message(&self, unstated: &[&Term]) -> String {
        let cells: Vec<String> = unstated
            .iter()
            .map(|t| match t.cell {
                Cell::NotApplicable(symbol) => format!("{}标为不适用“{symbol}”", t.name),
                _ => format!("{}为空白", t.name),
            })
            .collect();
        format!(
            "{}:{},无法核对“{}”(空白不按0计)",
            self.scope,
            cells.join("、"),
            self.rule.equation()
        )
    }
}

/// The exact sum of number terms (`None` only on overflow, never reached).
fn sum(terms: &[Term]) -> Option<Decimal> {
    Decimal::sum(terms.iter().filter_map(|t| t.cell.decimal()))
}

/// `一(5) + 二(1)`, numbers as printed.
fn side(terms: &[Term], zero_terms: &ZeroTerms) -> String {
    let shown: Vec<String> = terms
        .iter()
        .filter(|t| match zero_terms {
            ZeroTerms::Shown => true,
            ZeroTerms::Omitted(_) => !t.cell.decimal().is_some_and(Decimal::is_zero),
        })
        .map(|t| format!("{}({})", t.name, t.cell.describe()))
        .collect();
    match zero_terms {
        ZeroTerms::Omitted(whole) if shown.is_empty() => format!("{whole}(均为0)"),
        ZeroTerms::Omitted(_) if shown.len() < terms.len() => {
            format!("{}(其余各项均为0)", shown.join(" + "))
        }
        _ => shown.join(" + "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gir_model::table::TableRow;

    fn review_table(cells: [&str; 15]) -> Table {
        Table {
            id: "t4".into(),
            kind: TableKind::ReviewLitigation,
            rows: vec![TableRow {
                key: ROW_CASES.into(),
                cells: cells.iter().map(|c| Cell::parse(c).unwrap()).collect(),
            }],
        }
    }

    #[test]
    fn review_groups_that_add_up_pass() {
        let table = review_table([
            "1", "1", "0", "1", "3", "0", "0", "0", "0", "0", "", "", "", "", "",
        ]);
        assert!(check_table(&table, ReportFormat::Format2021).is_empty());
    }

    #[test]
    fn review_group_total_mismatch_names_the_numbers() {
        let table = review_table([
            "1", "1", "0", "0", "3", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
        ]);
        let breaks = check_table(&table, ReportFormat::Format2021);
        assert_eq!(breaks.len(), 1);
        assert_eq!(breaks[0].kind, BreakKind::Mismatch);
        assert_eq!(
            breaks[0].message,
            "行政复议:总计(3) ≠ 结果维持(1) + 结果纠正(1) + 其他结果(0) + 尚未审结(0),即 3 ≠ 2"
        );
        assert_eq!(breaks[0].cells[0], CellRef::new("cases", "review_total"));
        assert_eq!(breaks[0].cells.len(), 5);
    }

    #[test]
    fn a_blank_among_numbers_is_incomplete_not_zero() {
        let table = review_table([
            "1", "", "0", "/", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
        ]);
        let breaks = check_table(&table, ReportFormat::Format2021);
        assert_eq!(breaks.len(), 1);
        assert_eq!(breaks[0].kind, BreakKind::Incomplete);
        assert_eq!(
            breaks[0].message,
            "行政复议:结果纠正为空白、尚未审结标为不适用“/”,无法核对“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”(空白不按0计)"
        );
        assert_eq!(
            breaks[0].cells,
            [
                CellRef::new("cases", "review_corrected"),
                CellRef::new("cases", "review_pending")
            ]
        );
    }

    #[test]
    fn rules_ignore_tables_of_other_kinds_and_narrative_reports() {
        let table = review_table([
            "1", "1", "0", "0", "3", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
        ]);
        assert!(applications_row_total(&table, ReportFormat::Format2021).is_empty());
        assert!(check_table(&table, ReportFormat::Narrative).is_empty());
    }

    #[test]
    fn omitted_zero_terms_are_said() {
        let (zero, two, one) = (
            Cell::parse("0").unwrap(),
            Cell::parse("2").unwrap(),
            Cell::parse("1").unwrap(),
        );
        let term = |name, cell| Term {
            name,
            at: CellRef::new("r", "c"),
            cell,
        };
        let omitted = ZeroTerms::Omitted("各项");
        assert_eq!(
            side(&[term("a", &zero), term("b", &two)], &omitted),
            "b(2)(其余各项均为0)"
        );
        assert_eq!(side(&[term("a", &zero)], &omitted), "各项(均为0)");
        assert_eq!(side(&[term("a", &one)], &omitted), "a(1)");
    }
}
