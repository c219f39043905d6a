//! Data downloads: a report's figures as CSV (UTF-8 with BOM, so Excel opens
//! Chinese correctly) and JSON. Native only: the prerender step writes them as
//! static files next to the viewer (paths in [`gir_model::downloads`]).

use gir_model::downloads;
use gir_model::report::{Bound, Figure, Measure, Report};
use serde::Serialize;

/// Every data file of a report, as `(path inside the build, contents)`.
pub fn data_files(report: &Report) -> Vec<(String, String)> {
    let mut files = vec![
        (
            downloads::figures_csv(&report.id),
            figures_csv(&report.figures),
        ),
        (downloads::figures_json(&report.id), figures_json(report)),
    ];
    for chart in &report.charts {
        let ids: Vec<String> = chart.figures.iter().chain(&chart.notes).cloned().collect();
        files.push((
            downloads::chart_csv(&report.id, &chart.id),
            figures_csv(report.figures_with_ids(&ids)),
        ));
    }
    files
}

const CSV_HEADER: [&str; 10] = [
    "编号",
    "项目",
    "数值",
    "单位",
    "计量",
    "精确度",
    "原文表述",
    "出处段落",
    "原文句子",
    "组成部分",
];

/// The figures with these ids as CSV, in the given order.
pub fn figures_csv<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> String {
    let mut csv = String::from("\u{FEFF}");
    push_row(&mut csv, CSV_HEADER.iter().map(|h| h.to_string()));
    for f in figures {
        push_row(
            &mut csv,
            [
                f.id.clone(),
                f.label.clone(),
                f.value.to_string(),
                f.unit.clone(),
                match f.measure {
                    Measure::Count => "数量",
                    Measure::Rank => "排名",
                }
                .to_string(),
                match f.bound {
                    Bound::Exact => "精确",
                    Bound::MoreThan => "多于(余)",
                }
                .to_string(),
                f.stated.clone(),
                f.source.anchor.clone(),
                f.source.quote.clone(),
                f.parts.join(";"),
            ],
        );
    }
    csv
}

/// A table as CSV (UTF-8 with a BOM, as the figures files are), every field
/// safe for a spreadsheet.
pub fn csv_table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut csv = String::from("\u{FEFF}");
    push_row(&mut csv, header.iter().map(|h| h.to_string()));
    for row in rows {
        push_row(&mut csv, row);
    }
    csv
}

fn push_row(csv: &mut String, fields: impl IntoIterator<Item = String>) {
    let row: Vec<String> = fields.into_iter().map(|f| csv_field(&f)).collect();
    csv.push_str(&row.join(","));
    csv.push_str("\r\n");
}

/// One CSV field, safe for a spreadsheet: a text that a spreadsheet would
/// take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) gets a leading `'`, as OWASP advises, so Excel shows it as text
/// and runs nothing; then RFC 4180 quoting for a comma, quote or line break.
/// The numbers this file writes (the 数值 column) are counts, never negative,
/// so no number is ever changed; the JSON file keeps every value as it is.
fn csv_field(field: &str) -> String {
    let neutralised = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if neutralised.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutralised.replace('"', "\"\""))
    } else {
        neutralised
    }
}

#[derive(Serialize)]
struct FiguresFile<'a> {
    report: &'a str,
    title: &'a str,
    publisher: &'a str,
    published_at: &'a str,
    figures: &'a [Figure],
}

/// Every figure of the report, with the report's identity, as JSON.
pub fn figures_json(report: &Report) -> String {
    serde_json::to_string_pretty(&FiguresFile {
        report: &report.id,
        title: &report.title,
        publisher: &report.meta.publisher,
        published_at: &report.meta.published_at,
        figures: &report.figures,
    })
    .expect("figures always serialise")
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn formulas_become_text_and_quoting_follows_rfc_4180() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        assert_eq!(csv_field("1633"), "1633");
        assert_eq!(csv_field("2017年,政务"), "\"2017年,政务\"");
        assert_eq!(csv_field("“5·15”"), "“5·15”");
    }
}
