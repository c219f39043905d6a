//! One body's figures year over year: a point per year from its first
//! report to its last, each a value with the cells it comes from or the
//! reason there is none, and a mark where the format changes.

use super::identity::{Body, Entry};
use super::metrics::{read_metric, Gap, Metric, Reading, Topic};
use gir_model::decimal::Decimal;
use gir_model::report::{Report, ReportFormat};

/// The format changed between the previous report of the body and this one
/// (narrative → 2019 → 2021): the figures may be read from other columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatChange {
    pub from: ReportFormat,
    pub to: ReportFormat,
}

/// One year of a series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub year: u16,
    /// The report of that year; `None` when the body published none.
    pub report_id: Option<String>,
    pub format: Option<ReportFormat>,
    /// The value with its cells, or the gap.
    pub reading: Reading,
    /// Set on the first report after a change of format.
    pub format_change: Option<FormatChange>,
}

/// One figure of one body, year by year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub metric: Metric,
    /// In a reader's words (zh-CN).
    pub label: &'static str,
    pub unit: &'static str,
    pub topic: Topic,
    /// One per year from the body's first report to its last, ascending.
    pub points: Vec<Point>,
}

impl Series {
    /// The years that have a value, with it.
    pub fn values(&self) -> impl Iterator<Item = (u16, Decimal)> + '_ {
        self.points
            .iter()
            .filter_map(|p| p.reading.value().map(|v| (p.year, v)))
    }

    /// Whether any year has a value (a series of gaps draws nothing).
    pub fn has_values(&self) -> bool {
        self.values().next().is_some()
    }
}

/// Every series of one body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodySeries {
    pub body_key: String,
    /// As the body's most recent report prints it.
    pub body: String,
    pub first_year: u16,
    pub last_year: u16,
    /// One per [`Metric`], in [`Metric::ALL`] order.
    pub series: Vec<Series>,
}

/// Series that share a unit: what one chart may draw together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitGroup<'a> {
    pub unit: &'static str,
    pub series: Vec<&'a Series>,
}

impl BodySeries {
    pub fn series(&self, metric: Metric) -> &Series {
        &self.series[metric.index()]
    }

    /// The series grouped by unit (a chart never mixes units), units in the
    /// order their first figure comes in [`Metric::ALL`].
    pub fn by_unit(&self) -> Vec<UnitGroup<'_>> {
        let mut groups: Vec<UnitGroup<'_>> = Vec::new();
        for series in &self.series {
            match groups.iter_mut().find(|g| g.unit == series.unit) {
                Some(group) => group.series.push(series),
                None => groups.push(UnitGroup {
                    unit: series.unit,
                    series: vec![series],
                }),
            }
        }
        groups
    }
}

/// A year of a body: its report, if any, and the format change it makes.
type Year<'e, 'r> = (u16, Option<(&'e Entry, &'r Report)>, Option<FormatChange>);

/// The series of `body`, reading each report through `report_of`.
pub fn body_series<'r>(body: Body<'_>, report_of: impl Fn(&Entry) -> &'r Report) -> BodySeries {
    let (first_year, last_year) = (body.first_year(), body.last_year());
    // Each year's report (entries are sorted by year) and its format change.
    let mut years: Vec<Year<'_, 'r>> = Vec::new();
    let mut entries = body.entries.iter().peekable();
    let mut last_format = None;
    for year in first_year..=last_year {
        let entry = entries.next_if(|e| e.year == year);
        let change = entry.and_then(|e| {
            let from = last_format.replace(e.format)?;
            (from != e.format).then_some(FormatChange { from, to: e.format })
        });
        years.push((year, entry.map(|e| (e, report_of(e))), change));
    }
    let series = Metric::ALL
        .iter()
        .map(|&metric| Series {
            metric,
            label: metric.label(),
            unit: metric.unit(),
            topic: metric.topic(),
            points: years
                .iter()
                .map(|(year, report, format_change)| Point {
                    year: *year,
                    report_id: report.map(|(e, _)| e.id.clone()),
                    format: report.map(|(e, _)| e.format),
                    reading: match report {
                        Some((_, report)) => read_metric(report, metric),
                        None => Reading::gap_without_source(Gap::NoReport),
                    },
                    format_change: *format_change,
                })
                .collect(),
        })
        .collect();
    BodySeries {
        body_key: body.key.to_string(),
        body: body.name.to_string(),
        first_year,
        last_year,
        series,
    }
}
