//! What a real report never exceeds, and never lacks: a title, sections,
//! headings of a readable length, a bounded amount of text. A dataset past
//! these is a mistake (or an attack) that would otherwise reach every
//! reader's browser inside the wasm bundle and the prerendered page.

use crate::problem::Problem;
use gir_model::report::{Block, Report};

/// The largest dataset file read, in bytes (the seed is about 30 KB).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The most text a report may hold (title, headings, paragraphs), in bytes of
/// UTF-8: about 66,000 Chinese characters, several times the longest
/// annual report.
pub const MAX_TEXT_BYTES: usize = 200 * 1024;
/// The longest heading (a title, a section or subsection heading, a list
/// label, a chart title, a figure's label), in characters.
pub const MAX_HEADING_CHARS: usize = 2000;

pub(super) fn check_limits(report: &Report, problems: &mut Vec<Problem>) {
    if report.title.trim().is_empty() {
        problems.push(Problem::new(
            &report.id,
            Some("title"),
            "the report has no title".into(),
        ));
    }
    if report.sections.is_empty() {
        problems.push(Problem::new(
            &report.id,
            Some("sections"),
            "the report has no sections".into(),
        ));
    }
    let mut headings: Vec<(&str, &'static str, String)> =
        vec![(report.id.as_str(), "title", report.title.clone())];
    for section in &report.sections {
        headings.push((section.id.as_str(), "title", section.heading()));
    }
    for (_, block) in report.blocks() {
        match block {
            Block::Subsection(sub) => headings.push((
                sub.id.as_str(),
                "title",
                format!("{}{}", sub.label, sub.title),
            )),
            Block::List(list) => headings.extend(
                list.items
                    .iter()
                    .map(|item| (item.id.as_str(), "label", item.label.clone())),
            ),
            Block::Paragraph(_) | Block::Table(_) => {}
        }
    }
    headings.extend(
        report
            .charts
            .iter()
            .map(|c| (c.id.as_str(), "title", c.title.clone())),
    );
    headings.extend(
        report
            .figures
            .iter()
            .chain(&report.figure_candidates.0)
            .map(|f| (f.id.as_str(), "label", f.label.clone())),
    );
    for (id, field, heading) in headings {
        let chars = heading.chars().count();
        if chars > MAX_HEADING_CHARS {
            problems.push(Problem::new(
                id,
                Some(field),
                format!("{chars} characters: a heading has at most {MAX_HEADING_CHARS}"),
            ));
        }
    }
    let text_bytes: usize =
        report.text_lines().iter().map(String::len).sum::<usize>() + report.title.len();
    if text_bytes > MAX_TEXT_BYTES {
        problems.push(Problem::new(
            &report.id,
            Some("sections"),
            format!(
                "the report holds {text_bytes} bytes of text: at most {MAX_TEXT_BYTES} ({} KB) are accepted",
                MAX_TEXT_BYTES / 1024
            ),
        ));
    }
}
