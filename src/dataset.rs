//! Loading a report from its JSON file: parse, check, and compile it into what
//! the viewer embeds. Used by the build script and by native tests; never
//! compiled into the browser build.
//!
//! Every failure names the file, the line and what is wrong, so a malformed
//! dataset stops the build with a message an editor can act on.

use crate::charts;
use crate::checks::{self, Problem};
use crate::model::{
    Bundle, ChartDrawing, ChartKind, CompiledReport, Figure, ParagraphQuotes, QuoteSpan, Report,
};
use crate::table_checks;
use crate::table_figures;
use std::fmt;

/// One thing wrong with a dataset file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Parses and checks one report file. `file` is the name used in messages.
pub fn load_report(file: &str, json: &str) -> Result<Report, Vec<DatasetError>> {
    let report: Report = serde_json::from_str(json).map_err(|e| {
        vec![DatasetError {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message: format!("invalid report JSON: {e}")
                .replace(&format!(" at line {} column {}", e.line(), e.column()), ""),
        }]
    })?;
    let problems = checks::check_report(&report);
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(problems.iter().map(|p| locate(file, json, p)).collect())
    }
}

/// Finds the line of the item a problem concerns: the line of its `"id"`, then,
/// for a table row, the line of that row's `"key"` after it, then, where a
/// field is named, the first line of that field from there.
fn locate(file: &str, json: &str, problem: &Problem) -> DatasetError {
    let id_pattern = format!("\"id\": \"{}\"", problem.id);
    let lines: Vec<&str> = json.lines().collect();
    // The first line at or after `start` that contains `pattern`.
    let find_from = |start: usize, pattern: &str| {
        lines[start..]
            .iter()
            .position(|l| l.contains(pattern))
            .map(|offset| start + offset)
    };
    let id_line = find_from(0, &id_pattern);
    let id_line = match (id_line, &problem.row) {
        (Some(start), Some(row)) => {
            find_from(start, &format!("\"key\": \"{row}\"")).or(Some(start))
        }
        (found, _) => found,
    };
    let line = match (id_line, problem.field) {
        (Some(start), Some(field)) => find_from(start, &format!("\"{field}\":")).unwrap_or(start),
        (Some(start), None) => start,
        (None, _) => 0,
    };
    let column = lines
        .get(line)
        .map(|l| l.len() - l.trim_start().len() + 1)
        .unwrap_or(1);
    DatasetError {
        file: file.to_string(),
        line: line + 1,
        column,
        message: match problem.field {
            Some(field) if problem.id.is_empty() => format!("{field}: {}", problem.message),
            Some(field) => format!("\"{}\" {field}: {}", problem.id, problem.message),
            None => problem.message.clone(),
        },
    }
}

/// Computes what the viewer needs and would otherwise compute on the reader's
/// device: the chart drawings and the editorial notes.
pub fn compile_report(mut report: Report) -> CompiledReport {
    // Charts of the standard tables join the report's own, placed after their table.
    let (table_figures, table_charts) = table_figures::derived(&report);
    report.figures.extend(table_figures);
    report.charts.extend(table_charts);
    let charts = report
        .charts
        .iter()
        .filter(|c| c.kind == ChartKind::Bars)
        .map(|chart| {
            let bars = figures(&report, &chart.figures);
            let notes = figures(&report, &chart.notes);
            let draw = |width| charts::bar_chart(chart, &bars, &notes, width).svg;
            ChartDrawing {
                chart_id: chart.id.clone(),
                large: draw(charts::WIDTH_LARGE),
                medium: draw(charts::WIDTH_MEDIUM),
                small: draw(charts::WIDTH_SMALL),
            }
        })
        .collect();
    let notes = checks::editorial_notes(&report);
    let rule_breaks = table_checks::check_report_tables(&report);
    let quotes = report
        .printed_paragraphs()
        .into_iter()
        .map(|(_, block, printed)| ParagraphQuotes {
            block: block.to_string(),
            spans: report
                .quotes_in(block, &printed)
                .into_iter()
                .map(|(start, quote, anchor)| QuoteSpan {
                    start: start as u32,
                    len: quote.len() as u32,
                    anchor,
                })
                .collect(),
        })
        .filter(|q| !q.spans.is_empty())
        .collect();
    let figure_anchors = report
        .figures
        .iter()
        .map(|f| (f.id.clone(), report.figure_anchor(f)))
        .collect();
    CompiledReport {
        report,
        charts,
        notes,
        rule_breaks,
        quotes,
        figure_anchors,
    }
}

/// The figures with these ids, in order (ids were checked to exist).
pub fn figures<'a>(report: &'a Report, ids: &[String]) -> Vec<&'a Figure> {
    ids.iter().filter_map(|id| report.figure(id)).collect()
}

pub fn encode_bundle(bundle: &Bundle) -> Vec<u8> {
    bincode::encode_to_vec(bundle, crate::model::bincode_config())
        .expect("a bundle of plain structs always encodes")
}
