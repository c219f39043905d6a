//! Every body's report of one year side by side: the same figures as the
//! series, and each report's 数据校验 status.

use super::identity::Catalogue;
use super::metrics::{read_metric, Metric, Reading};
use gir_model::bundle::CompiledReport;
use gir_model::decimal::Decimal;
use gir_model::findings::BreakKind;
use gir_model::report::ReportFormat;

/// One report of the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonRow {
    pub body_key: String,
    /// As the report prints it.
    pub body: String,
    pub report_id: String,
    pub format: ReportFormat,
    /// One per [`Metric`], in [`Metric::ALL`] order.
    pub readings: Vec<Reading>,
    /// How many 勾稽关系 the report's tables break (its 数据校验 panel):
    /// `mismatches + incomplete`.
    pub rule_breaks: usize,
    /// Broken with numbers that differ.
    pub mismatches: usize,
    /// Not checkable: blank or not-applicable cells among numbers.
    pub incomplete: usize,
}

impl ComparisonRow {
    pub fn reading(&self, metric: Metric) -> &Reading {
        &self.readings[metric.index()]
    }

    pub fn value(&self, metric: Metric) -> Option<Decimal> {
        self.reading(metric).value()
    }

    /// Whether every rule the tables can be checked by holds.
    pub fn passes_checks(&self) -> bool {
        self.rule_breaks == 0
    }
}

/// The reports of `year`, one row each, in catalogue order (by body): a
/// stable default the UI may re-sort. `report_of` gives the compiled report
/// of a catalogue entry.
pub fn compare_year<'r>(
    catalogue: &Catalogue,
    year: u16,
    report_of: impl Fn(usize) -> &'r CompiledReport,
) -> Vec<ComparisonRow> {
    catalogue
        .in_year(year)
        .map(|entry| {
            let compiled = report_of(entry.index);
            let mismatches = compiled
                .rule_breaks
                .iter()
                .filter(|b| b.kind == BreakKind::Mismatch)
                .count();
            ComparisonRow {
                body_key: entry.body_key.clone(),
                body: entry.body.clone(),
                report_id: entry.id.clone(),
                format: entry.format,
                readings: Metric::ALL
                    .iter()
                    .map(|&metric| read_metric(&compiled.report, metric))
                    .collect(),
                rule_breaks: compiled.rule_breaks.len(),
                mismatches,
                incomplete: compiled.rule_breaks.len() - mismatches,
            }
        })
        .collect()
}
