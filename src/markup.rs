//! The markup contract between the components, which render these classes
//! and ids, and the browser services and hooks, which look for them: named
//! once here, so neither side hard-codes the other's markup.

use crate::state::FontSize;
use gir_model::page::PageReport;
use std::ops::Range;

/// A part of a section that takes a new 字体 size on its own: the section's
/// head, or one block with the charts placed after it.
pub const PART_CLASS: &str = "gir-part";

/// The sections' parts, in page order, under the report body.
pub const SECTION_PARTS_SELECTOR: &str = ".gir-section > .gir-part";

/// BEM modifier on the report root: the size chosen, which the header, the
/// contents and the preamble show at once.
pub fn report_font_class(size: FontSize) -> &'static str {
    match size {
        FontSize::Large => "gir-report--font-large",
        FontSize::Medium => "gir-report--font-medium",
        FontSize::Small => "gir-report--font-small",
    }
}

/// BEM modifier on a part of the text: the size that part is shown at.
pub fn part_font_class(size: FontSize) -> &'static str {
    match size {
        FontSize::Large => "gir-part--font-large",
        FontSize::Medium => "gir-part--font-medium",
        FontSize::Small => "gir-part--font-small",
    }
}

/// The parts of the sections (see [`PART_CLASS`]), numbered through the
/// report in page order: each section's head, then each of its blocks. One
/// range per section.
pub fn section_parts(report: &PageReport) -> impl Iterator<Item = Range<usize>> + '_ {
    report.sections.iter().scan(0, |next, section| {
        let parts = *next..*next + 1 + section.parts.len();
        *next = parts.end;
        Some(parts)
    })
}

/// How many parts the sections have in all (see [`section_parts`]).
pub fn part_count(report: &PageReport) -> usize {
    section_parts(report).last().map_or(0, |parts| parts.end)
}
