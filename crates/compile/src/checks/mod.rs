//! Pure checks over a [`Report`]: structural errors that must fail the build,
//! and editorial observations about the published text that never change it.

mod editorial;
mod ids;
mod limits;
mod tables;

pub use editorial::editorial_notes;

use crate::numerals::states_value;
use crate::problem::Problem;
use gir_model::report::{Bound, ChartKind, Figure, Report};
use std::collections::{HashMap, HashSet};

pub use limits::{MAX_FILE_BYTES, MAX_HEADING_CHARS, MAX_TEXT_BYTES};

/// Every structural rule: unique ids, figures (and figure candidates)
/// traceable to their sentence, parts summing to totals, charts referring to
/// confirmed figures that exist, tables laid out as their format mandates.
pub fn check_report(report: &Report) -> Vec<Problem> {
    let mut problems = Vec::new();
    limits::check_limits(report, &mut problems);
    ids::check_ids(report, &mut problems);
    check_figures(report, &mut problems);
    check_charts(report, &mut problems);
    check_tables(report, &mut problems);
    problems
}

/// Each standard table against its format's layout (a narrative report has none).
fn check_tables(report: &Report, problems: &mut Vec<Problem>) {
    for table in report.tables() {
        problems.extend(tables::validate_table(table, report.format));
    }
}

/// Every figure, confirmed or candidate, against the text: a candidate must
/// be a figure the build would accept once the editor confirms it, so it
/// answers to the same rules (its parts, like a figure's, are confirmed
/// figures). Only charting it is refused, in [`check_charts`].
fn check_figures(report: &Report, problems: &mut Vec<Problem>) {
    let paragraphs: HashMap<&str, String> = report
        .printed_paragraphs()
        .into_iter()
        .map(|(_, id, text)| (id, text))
        .collect();
    for figure in report.figures.iter().chain(&report.figure_candidates.0) {
        check_figure(report, &paragraphs, figure, problems);
    }
}

fn check_figure(
    report: &Report,
    paragraphs: &HashMap<&str, String>,
    figure: &Figure,
    problems: &mut Vec<Problem>,
) {
    let id = figure.id.as_str();
    match paragraphs.get(figure.source.anchor.as_str()) {
        None => problems.push(Problem::new(
            id,
            Some("anchor"),
            format!(
                "source \"{}\" is not a paragraph of this report",
                figure.source.anchor
            ),
        )),
        Some(text) if figure.source.quote.is_empty() || !text.contains(&figure.source.quote) => {
            problems.push(Problem::new(
                id,
                Some("quote"),
                format!(
                    "quote is not found, character for character, in block \"{}\"",
                    figure.source.anchor
                ),
            ))
        }
        Some(_) => {}
    }
    let occurrences = figure.source.quote.matches(figure.stated.as_str()).count();
    if figure.stated.is_empty() || occurrences != 1 {
        problems.push(Problem::new(
            id,
            Some("stated"),
            format!(
                "stated text \"{}\" must occur exactly once in the quote (found {occurrences} times)",
                figure.stated
            ),
        ));
    }
    if !states_value(&figure.stated, figure.value) {
        problems.push(Problem::new(
            id,
            Some("value"),
            format!(
                "value {} is not what \"{}\" says",
                figure.value, figure.stated
            ),
        ));
    }
    // The unit is printed beside each bar: it must be the publication's own word.
    if !figure.unit.is_empty() && !figure.stated.contains(figure.unit.as_str()) {
        problems.push(Problem::new(
            id,
            Some("unit"),
            format!(
                "unit \"{}\" is not in the stated text \"{}\"",
                figure.unit, figure.stated
            ),
        ));
    }
    let says_more_than = figure.stated.contains('余');
    match (figure.bound, says_more_than) {
        (Bound::Exact, true) => problems.push(Problem::new(
            id,
            Some("bound"),
            format!(
                "\"{}\" says 余 (more than): bound must be \"more_than\"",
                figure.stated
            ),
        )),
        (Bound::MoreThan, false) => problems.push(Problem::new(
            id,
            Some("bound"),
            format!("bound is \"more_than\" but \"{}\" has no 余", figure.stated),
        )),
        _ => {}
    }
    check_parts(report, figure, problems);
}

fn check_parts(report: &Report, figure: &Figure, problems: &mut Vec<Problem>) {
    if figure.parts.is_empty() {
        return;
    }
    let mut sum = Some(0u64);
    let mut any_lower_bound = figure.bound == Bound::MoreThan;
    for part_id in &figure.parts {
        match report.figure(part_id) {
            Some(part) if part.id != figure.id => {
                sum = sum.and_then(|s| s.checked_add(part.value));
                any_lower_bound |= part.bound == Bound::MoreThan;
            }
            _ => problems.push(Problem::new(
                &figure.id,
                Some("parts"),
                if report.candidate(part_id).is_some() {
                    format!("part \"{part_id}\" is an unconfirmed candidate: move it into figures first")
                } else {
                    format!("part \"{part_id}\" is not another figure of this report")
                },
            )),
        }
    }
    let Some(sum) = sum else {
        problems.push(Problem::new(
            &figure.id,
            Some("parts"),
            format!(
                "parts sum to more than {}: no report counts that many",
                u64::MAX
            ),
        ));
        return;
    };
    // With a "余" value among them only the exact sum is unknown; nothing to compare.
    if !any_lower_bound && sum != figure.value {
        let terms: Vec<String> = figure
            .parts
            .iter()
            .filter_map(|p| report.figure(p))
            .map(|p| p.value.to_string())
            .collect();
        problems.push(Problem::new(
            &figure.id,
            Some("parts"),
            format!(
                "parts sum to {sum} ({}), but the total is {}",
                terms.join(" + "),
                figure.value
            ),
        ));
    }
}

fn check_charts(report: &Report, problems: &mut Vec<Problem>) {
    let anchors: HashSet<&str> = report
        .printed_paragraphs()
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    for chart in &report.charts {
        if !anchors.contains(chart.after.as_str()) {
            problems.push(Problem::new(
                &chart.id,
                Some("after"),
                format!(
                    "chart is placed after \"{}\", which is not a paragraph of this report",
                    chart.after
                ),
            ));
        }
        if chart.title.is_empty() {
            problems.push(Problem::new(
                &chart.id,
                Some("title"),
                "chart has no title".into(),
            ));
        }
        if chart.figures.is_empty() {
            problems.push(Problem::new(
                &chart.id,
                Some("figures"),
                "chart shows no figures".into(),
            ));
        }
        for figure_id in chart.figures.iter().chain(&chart.notes) {
            if report.figure(figure_id).is_some() {
                continue;
            }
            let message = if report.candidate(figure_id).is_some() {
                format!(
                    "figure \"{figure_id}\" is an unconfirmed candidate: move it into figures to chart it"
                )
            } else {
                format!("figure \"{figure_id}\" does not exist")
            };
            problems.push(Problem::new(&chart.id, Some("figures"), message));
        }
        let values = chart.figures.iter().filter_map(|id| report.figure(id));
        // One scale compares like with like: bars of 家 beside bars of 幅
        // would invite a reader to compare departments with banners.
        if chart.kind == ChartKind::Bars {
            let mut units = values.clone().map(|f| (f.unit.as_str(), f.id.as_str()));
            if let Some((unit, first)) = units.next() {
                if let Some((other, id)) = units.find(|(u, _)| u != &unit) {
                    let name = |u: &str| {
                        if u.is_empty() {
                            "no unit".to_string()
                        } else {
                            format!("“{u}”")
                        }
                    };
                    problems.push(Problem::new(
                        &chart.id,
                        Some("kind"),
                        format!(
                            "a bar chart draws its figures on one scale, but \"{first}\" is in {} and \"{id}\" in {}: chart one unit per chart, or state them with kind \"facts\"",
                            name(unit),
                            name(other)
                        ),
                    ));
                }
            }
        }
        if chart.kind == ChartKind::Bars && values.clone().all(|f| f.value == 0) {
            problems.push(Problem::new(
                &chart.id,
                Some("kind"),
                "every value is zero: state it with kind \"facts\" instead of drawing an empty chart".into(),
            ));
        }
    }
}
