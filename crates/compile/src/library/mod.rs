//! A portal's report library: a report for every body (机关, 部门), every
//! year, as pure functions over the compiled reports. Build time only.
//!
//! - [`identity`]: each report's body and year, and the [`Catalogue`]
//!   (one report per body and year, or an error naming both files).
//! - [`metrics`]: the figures read from the standard tables, each with its
//!   cells or the reason it has none ([`Gap`]); exact decimals throughout.
//! - [`series`]: one body's figures year over year, format changes marked,
//!   grouped by unit for charts.
//! - [`compare`]: every body's report of one year side by side, with its
//!   数据校验 status.
//! - [`repeated`]: 内容雷同, the sentences a report repeats from its body's
//!   previous report, with their byte ranges in the printed paragraphs.
//!
//! [`Library`] ties them together over a slice of `(file, compiled report)`.

pub mod compare;
pub mod identity;
pub mod metrics;
pub mod repeated;
pub mod series;

pub use compare::{compare_year, ComparisonRow};
pub use identity::{catalogue, Body, Catalogue, CatalogueError, Entry};
pub use metrics::{read_metric, CellSource, Gap, Metric, Outcome, Reading, Topic};
pub use repeated::{repeated_text, RepeatedSentence, RepeatedText, ReportText, Sentence};
pub use series::{body_series, BodySeries, FormatChange, Point, Series, UnitGroup};

use gir_model::bundle::CompiledReport;
use gir_model::bundle::{RepeatedSpan, Repeats};
use gir_model::report::Report;

/// The compiled reports of a portal with their catalogue.
#[derive(Clone, Debug)]
pub struct Library<'a> {
    catalogue: Catalogue,
    /// In the order given; [`Entry::index`] points here.
    reports: Vec<&'a CompiledReport>,
}

impl<'a> Library<'a> {
    /// The library of `datasets` (`(file, compiled report)`), or every
    /// report that cannot be placed (see [`catalogue`]).
    pub fn new(
        datasets: &[(&str, &'a CompiledReport)],
    ) -> Result<Library<'a>, Vec<CatalogueError>> {
        let plain: Vec<(&str, &Report)> = datasets
            .iter()
            .map(|(file, compiled)| (*file, &compiled.report))
            .collect();
        Ok(Library {
            catalogue: catalogue(&plain)?,
            reports: datasets.iter().map(|(_, compiled)| *compiled).collect(),
        })
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The compiled report with this id.
    pub fn compiled(&self, report_id: &str) -> Option<&'a CompiledReport> {
        let entry = self.catalogue.by_id(report_id)?;
        self.reports.get(entry.index).copied()
    }

    /// The compiled report of an entry of this library's catalogue (whose
    /// indexes all point into `reports`).
    fn report_of(&self, entry: &Entry) -> &'a CompiledReport {
        self.reports[entry.index]
    }

    /// Every figure of one body (by grouping key), year over year.
    pub fn series(&self, body_key: &str) -> Option<BodySeries> {
        let body = self.catalogue.body(body_key)?;
        Some(body_series(body, |entry| &self.report_of(entry).report))
    }

    /// Every report of `year`, by body.
    pub fn compare(&self, year: u16) -> Vec<ComparisonRow> {
        compare_year(&self.catalogue, year, |index| self.reports[index])
    }

    /// What the report `report_id` repeats from its body's report of the
    /// year before; `None` when there is no such report or no report that
    /// year before.
    pub fn repeated_text(&self, report_id: &str) -> Option<RepeatedText> {
        let entry = self.catalogue.by_id(report_id)?;
        let previous = self.catalogue.previous(entry)?;
        Some(repeated_text(
            &ReportText::new(&self.report_of(entry).report),
            &ReportText::new(&self.report_of(previous).report),
        ))
    }
}

/// Checks `reports` (with their dataset files, same order) as one library
/// and gives each report what it repeats from its body's report of the year
/// before ([`CompiledReport::repeats`]): what the build does with a set of
/// reports, and what the library's pages and the viewer then read. Every
/// report that cannot be placed is an error (see [`catalogue`]).
pub fn link_reports(
    files: &[String],
    reports: &mut [CompiledReport],
) -> Result<(), Vec<CatalogueError>> {
    let datasets: Vec<(&str, &CompiledReport)> = files
        .iter()
        .map(String::as_str)
        .zip(reports.iter())
        .collect();
    let repeats = Library::new(&datasets)?.repeats();
    for (id, found) in repeats {
        if let Some(compiled) = reports.iter_mut().find(|c| c.report.id == id) {
            compiled.repeats = Some(found);
        }
    }
    Ok(())
}

impl<'a> Library<'a> {
    /// What each report repeats from its body's report of the year before,
    /// as the viewer shows it: `(report id, repeats)` for every report that
    /// has such a report.
    pub fn repeats(&self) -> Vec<(String, Repeats)> {
        self.all_repeated_text()
            .into_iter()
            .filter_map(|found| {
                let previous = self.catalogue.by_id(&found.previous_id)?;
                let share = (found.share() * 1000.0).round().clamp(0.0, 1000.0) as u16;
                let sentences = found
                    .sentences
                    .iter()
                    .map(|r| RepeatedSpan {
                        block: r.sentence.anchor.clone(),
                        start: u32::try_from(r.sentence.start).unwrap_or(u32::MAX),
                        len: u32::try_from(r.sentence.len).unwrap_or(0),
                        previous: r.previous.text.clone(),
                        verbatim: r.verbatim,
                    })
                    .collect();
                Some((
                    found.report_id.clone(),
                    Repeats {
                        previous_id: found.previous_id.clone(),
                        previous_year: previous.year,
                        share_per_mille: share,
                        sentences,
                    },
                ))
            })
            .collect()
    }

    /// [`Library::repeated_text`] of every report that has a previous
    /// year's report, in catalogue order; each report's text is split once.
    pub fn all_repeated_text(&self) -> Vec<RepeatedText> {
        let texts: Vec<ReportText> = self
            .catalogue
            .entries
            .iter()
            .map(|entry| ReportText::new(&self.report_of(entry).report))
            .collect();
        // Entries are sorted by body then year: a body's previous year is
        // the entry just before, when it is that body's and that year's.
        let entries = &self.catalogue.entries;
        (1..entries.len())
            .filter(|&i| {
                entries[i - 1].body_key == entries[i].body_key
                    && entries[i - 1].year + 1 == entries[i].year
            })
            .map(|i| repeated_text(&texts[i], &texts[i - 1]))
            .collect()
    }
}
