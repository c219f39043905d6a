//! Figures and charts derived from the standard tables at build time: the
//! outcomes of applications, applicants by type, and review and litigation
//! results. Each derived figure points at the table cell (or row) it comes
//! from, so a plotted number traces back like one quoted from the text.
//!
//! A bar is drawn only from numbers: a blank or "not applicable" cell is
//! never read as 0, so such a bar is left out and the chart's notes say so
//! through the table it follows. A chart whose numbers are all zero becomes a
//! `facts` box (zero is stated, not drawn).

use gir_model::anchors::{cell_anchor, row_anchor};
use gir_model::report::{Bound, Chart, ChartKind, Figure, Measure, Report, Source};
use gir_model::standard::{self, REVIEW_GROUPS, ROW_CASES, ROW_NEW};
use gir_model::table::{Cell, Table, TableKind};

/// The charts (and their figures) every table of the report yields.
pub fn derived(report: &Report) -> (Vec<Figure>, Vec<Chart>) {
    let mut figures = Vec::new();
    let mut charts = Vec::new();
    for table in report.tables() {
        let specs = match table.kind {
            TableKind::Applications => vec![outcomes(report, table), applicants(report, table)],
            TableKind::ReviewLitigation => vec![review_results(report, table)],
            TableKind::ActiveDisclosure => Vec::new(),
        };
        for (suffix, title, bars) in specs {
            let bars: Vec<Figure> = bars.into_iter().flatten().collect();
            if bars.is_empty() {
                continue;
            }
            let kind = if bars.iter().all(|f| f.value == 0) {
                ChartKind::Facts
            } else {
                ChartKind::Bars
            };
            charts.push(Chart {
                id: format!("{}-chart-{suffix}", table.id),
                after: table.id.clone(),
                kind,
                title,
                figures: bars.iter().map(|f| f.id.clone()).collect(),
                notes: Vec::new(),
            });
            figures.extend(bars);
        }
    }
    (figures, charts)
}

type ChartSpec = (&'static str, String, Vec<Option<Figure>>);

/// The sum of whole-number cells; `None` if any is blank, marked, negative
/// or fractional (or the sum overflows).
fn whole_sum<'a>(cells: impl IntoIterator<Item = &'a Cell>) -> Option<u64> {
    cells
        .into_iter()
        .try_fold(0u64, |sum, cell| sum.checked_add(cell.decimal()?.whole()?))
}

fn cell<'a>(table: &'a Table, report: &Report, row: &str, column: &str) -> Option<&'a Cell> {
    standard::layout(report.format, table.kind)?.cell(table, row, column)
}

fn figure(id: String, label: &str, value: u64, anchor: String, where_: String) -> Figure {
    Figure {
        id,
        label: label.to_string(),
        value,
        unit: "件".to_string(),
        measure: Measure::Count,
        bound: Bound::Exact,
        stated: value.to_string(),
        source: Source {
            anchor,
            quote: where_,
        },
        parts: Vec::new(),
    }
}

/// 表三, 总计 column: (一)…(六), each group summed over its numbered rows.
fn outcomes(report: &Report, table: &Table) -> ChartSpec {
    const GROUPS: [(&str, &str); 6] = [
        ("3.1", "予以公开"),
        ("3.2", "部分公开"),
        ("3.3", "不予公开"),
        ("3.4", "无法提供"),
        ("3.5", "不予处理"),
        ("3.6", "其他处理"),
    ];
    let total = standard::APPLICANT_TOTAL;
    let layout = standard::layout(report.format, table.kind);
    let bars = GROUPS
        .iter()
        .map(|(key, label)| {
            let layout = layout?;
            // A heading row (三(三) …) sums its numbered rows; a values row is itself.
            let rows: Vec<&str> = match layout.row(key)?.1.kind {
                standard::RowKind::Heading => layout
                    .value_rows()
                    .filter(|r| r.parent == Some(*key))
                    .map(|r| r.key)
                    .collect(),
                standard::RowKind::Values => vec![*key],
            };
            let cells: Vec<&Cell> = rows
                .iter()
                .map(|r| cell(table, report, r, total))
                .collect::<Option<_>>()?;
            let value = whole_sum(cells)?;
            let anchor = if rows == [*key] {
                cell_anchor(&table.id, key, total)
            } else {
                row_anchor(&table.id, key)
            };
            let (_, row) = layout.row(key)?;
            Some(figure(
                format!("{}-outcome-{}", table.id, key.replace('.', "_")),
                label,
                value,
                anchor,
                format!("收到和处理政府信息公开申请情况表 · {} · 总计列", row.short),
            ))
        })
        .collect();
    ("outcomes", "本年度办理结果(总计)".to_string(), bars)
}

/// 表三, row 一 (本年新收): each applicant column.
fn applicants(report: &Report, table: &Table) -> ChartSpec {
    let layout = standard::layout(report.format, table.kind);
    let bars = layout
        .and_then(|l| l.row(ROW_NEW))
        .map(|(block, _)| {
            block
                .columns
                .iter()
                .filter(|c| c.key != standard::APPLICANT_TOTAL)
                .map(|column| {
                    let value = whole_sum([cell(table, report, ROW_NEW, column.key)?])?;
                    Some(figure(
                        format!("{}-applicants-{}", table.id, column.key),
                        column.short,
                        value,
                        cell_anchor(&table.id, ROW_NEW, column.key),
                        format!(
                            "收到和处理政府信息公开申请情况表 · 一、本年新收 · {}列",
                            column.short
                        ),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    ("applicants", "本年新收申请(按申请人类型)".to_string(), bars)
}

/// 表四: each group's results (维持, 纠正, 其他, 尚未审结).
fn review_results(report: &Report, table: &Table) -> ChartSpec {
    const RESULTS: [&str; 4] = ["结果维持", "结果纠正", "其他结果", "尚未审结"];
    let bars = REVIEW_GROUPS
        .iter()
        .flat_map(|group| {
            group.parts.iter().enumerate().map(move |(i, key)| {
                let value = whole_sum([cell(table, report, ROW_CASES, key)?])?;
                Some(figure(
                    format!("{}-review-{key}", table.id),
                    &format!("{}:{}", group.name, RESULTS[i]),
                    value,
                    cell_anchor(&table.id, ROW_CASES, key),
                    format!(
                        "政府信息公开行政复议、行政诉讼情况表 · {} · {}",
                        group.name, RESULTS[i]
                    ),
                ))
            })
        })
        .collect();
    ("review", "行政复议、行政诉讼结果".to_string(), bars)
}
