//! Ids: every id a dataset declares is URL-safe, unique, and none takes the
//! shape of an id the viewer generates (which would give two elements one
//! id in the page).

use crate::problem::Problem;
use gir_model::report::Report;
use gir_model::{anchors, downloads};
use std::collections::{HashMap, HashSet};

pub(super) fn check_ids(report: &Report, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    let mut ids: Vec<&str> = vec![report.id.as_str()];
    ids.extend(report.sections.iter().map(|s| s.id.as_str()));
    for (_, block) in report.blocks() {
        ids.push(block.id());
        // A paragraph is its own printed paragraph; list items have ids of their own.
        ids.extend(
            block
                .printed_paragraphs()
                .into_iter()
                .map(|(id, _)| id)
                .filter(|id| *id != block.id()),
        );
    }
    ids.extend(
        report
            .figures
            .iter()
            .chain(&report.figure_candidates.0)
            .map(|f| f.id.as_str()),
    );
    ids.extend(report.charts.iter().map(|c| c.id.as_str()));
    // The report's id names its files: it is short enough for a file name
    // and never the name of a page the site writes for itself.
    let report_id = report.id.as_str();
    if report_id.chars().count() > downloads::MAX_REPORT_ID_CHARS {
        problems.push(Problem::new(
            report_id,
            None,
            format!(
                "the report's id has {} characters: at most {} (it names the report's files)",
                report_id.chars().count(),
                downloads::MAX_REPORT_ID_CHARS
            ),
        ));
    } else if downloads::is_site_page(report_id) {
        problems.push(Problem::new(
            report_id,
            None,
            format!(
                "the report's id \"{}\" is the name of a page the site writes for itself (index, portal-demo, portal-iframe, body-…, year-…, gir-…, viewer-…): choose another",
                crate::text::printable(report_id)
            ),
        ));
    }
    let generated = Generated::of(report);
    for id in ids {
        let problem = |message: String| Problem::new(id, None, message);
        if id.is_empty() {
            problems.push(problem("an id is empty".into()));
        } else if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            problems.push(problem(format!(
                "id \"{}\" must use only ASCII letters, digits, '-' and '_' (it is a URL fragment)",
                crate::text::printable(id)
            )));
        } else if !seen.insert(id) {
            problems.push(problem(format!("id \"{id}\" is used more than once")));
        } else if let Some(what) = generated.taken_by(id) {
            problems.push(problem(format!(
                "id \"{id}\" has the shape of an id the viewer generates ({what}): choose another"
            )));
        }
    }
}

/// The ids the viewer generates for a report's elements (see
/// [`gir_model::anchors`]), to keep declared ids off them.
struct Generated<'a> {
    /// Exact ids, with what they name.
    exact: HashMap<String, String>,
    /// Tables: every id `{table}-…` is the table's (rows, cells, header
    /// cells, the charts derived from it).
    tables: Vec<&'a str>,
    /// Printed paragraphs: `{paragraph}-q{n}` marks a quoted sentence.
    paragraphs: HashSet<&'a str>,
}

impl<'a> Generated<'a> {
    fn of(report: &'a Report) -> Self {
        let mut exact = HashMap::new();
        let id = &report.id;
        exact.insert(anchors::body_id(id), format!("the body of report \"{id}\""));
        exact.insert(
            anchors::title_id(id),
            format!("the title of report \"{id}\""),
        );
        exact.insert(
            anchors::checks_id(id),
            format!("the 数据校验 panel of report \"{id}\""),
        );
        for section in &report.sections {
            exact.insert(
                anchors::heading_id(&section.id),
                format!("the heading of section \"{}\"", section.id),
            );
        }
        for chart in &report.charts {
            exact.insert(
                anchors::caption_id(&chart.id),
                format!("the caption of chart \"{}\"", chart.id),
            );
            exact.insert(
                anchors::chart_table_id(&chart.id),
                format!("the data table of chart \"{}\"", chart.id),
            );
        }
        Generated {
            exact,
            tables: report.tables().map(|t| t.id.as_str()).collect(),
            paragraphs: report
                .printed_paragraphs()
                .into_iter()
                .map(|(_, id, _)| id)
                .collect(),
        }
    }

    /// What generated id `id` would collide with, if any.
    fn taken_by(&self, id: &str) -> Option<String> {
        if let Some(what) = self.exact.get(id) {
            return Some(what.clone());
        }
        if let Some(table) = self.tables.iter().find(|t| {
            id.strip_prefix(**t)
                .is_some_and(|rest| rest.starts_with('-'))
        }) {
            return Some(format!(
                "the ids inside table \"{table}\" start with \"{table}-\""
            ));
        }
        let (paragraph, n) = id.rsplit_once("-q")?;
        let is_number = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        (is_number && self.paragraphs.contains(paragraph))
            .then(|| format!("a quoted sentence of paragraph \"{paragraph}\""))
    }
}
