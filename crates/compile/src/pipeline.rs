//! The compile pipeline: from a checked report to what the viewer embeds,
//! computing at build time what the reader's device would otherwise compute
//! (charts derived from tables, chart drawings, editorial notes, rule
//! findings, where each quoted sentence lies).

use crate::charts;
use crate::checks;
use crate::rules;
use crate::table_charts;
use gir_model::anchors::quote_anchor;
use gir_model::bundle::{ChartDrawings, CompiledReport, ParagraphQuotes, QuoteSpan};
use gir_model::report::{ChartKind, Figure, Report};

/// Computes what the viewer needs and would otherwise compute on the reader's
/// device. `report` has been checked (see [`crate::load`]).
pub fn compile_report(mut report: Report) -> CompiledReport {
    // Charts of the standard tables join the report's own, placed after their table.
    let (table_figures, table_charts) = table_charts::derived(&report);
    report.figures.extend(table_figures);
    report.charts.extend(table_charts);
    let drawings = report
        .charts
        .iter()
        .filter(|c| c.kind == ChartKind::Bars)
        .map(|chart| {
            let bars = report.figures_with_ids(&chart.figures);
            let notes = report.figures_with_ids(&chart.notes);
            let draw = |width| charts::bar_chart(chart, &bars, &notes, width).svg;
            ChartDrawings {
                chart_id: chart.id.clone(),
                large: draw(charts::WIDTH_LARGE),
                medium: draw(charts::WIDTH_MEDIUM),
                small: draw(charts::WIDTH_SMALL),
            }
        })
        .collect();
    let notes = checks::editorial_notes(&report);
    let rule_breaks = rules::check_report_tables(&report);
    let quotes = report
        .printed_paragraphs()
        .into_iter()
        .map(|(_, paragraph, printed)| ParagraphQuotes {
            block: paragraph.to_string(),
            spans: quotes_in(&report, paragraph, &printed)
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
    let source_anchors = report
        .figures
        .iter()
        .map(|f| (f.id.clone(), source_anchor(&report, f)))
        .collect();
    CompiledReport {
        report,
        drawings,
        notes,
        rule_breaks,
        quotes,
        source_anchors,
        // Set by the library, which knows the year before (see
        // `library::Library::repeats`).
        repeats: None,
    }
}

/// The distinct sentences figures quote from the printed paragraph
/// `paragraph_id`, as `(byte offset in the printed text, quote, anchor id)`,
/// in reading order. Overlapping quotes keep the first.
pub fn quotes_in(
    report: &Report,
    paragraph_id: &str,
    printed: &str,
) -> Vec<(usize, String, String)> {
    let mut found: Vec<(usize, &str)> = Vec::new();
    for figure in report
        .figures
        .iter()
        .filter(|f| f.source.anchor == paragraph_id)
    {
        let quote = figure.source.quote.as_str();
        if let Some(start) = printed.find(quote) {
            if !found.iter().any(|(_, q)| *q == quote) {
                found.push((start, quote));
            }
        }
    }
    found.sort();
    let mut end = 0;
    found.retain(|(start, quote)| {
        let keep = *start >= end;
        if keep {
            end = start + quote.len();
        }
        keep
    });
    found
        .into_iter()
        .enumerate()
        .map(|(n, (start, quote))| (start, quote.to_string(), quote_anchor(paragraph_id, n + 1)))
        .collect()
}

/// Where a figure's "原文" link lands: the anchor of the sentence it is
/// stated in, or its source's own anchor (a paragraph whose sentence cannot
/// be marked, or a table cell).
pub fn source_anchor(report: &Report, figure: &Figure) -> String {
    let anchor = &figure.source.anchor;
    report
        .locate(anchor)
        .and_then(|(_, printed)| {
            quotes_in(report, anchor, &printed)
                .into_iter()
                .find(|(_, quote, _)| *quote == figure.source.quote)
                .map(|(_, _, sentence)| sentence)
        })
        .unwrap_or_else(|| anchor.clone())
}
