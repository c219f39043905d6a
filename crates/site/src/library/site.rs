//! The library's pages made from the compiled reports: the index, a page
//! per body, a page per year, and the CSV of each series, as views for the
//! components of [`super`] and files to write. The prerender step wraps the
//! pages in the document and writes everything.

use super::{
    BodyView, IndexEntry, IndexView, SeriesRow, SeriesView, YearColumn, YearRow, YearView,
};
use gir_compile::export::csv_table;
use gir_compile::library::{Gap, Library, Metric, Reading};
use gir_compile::year_chart::{year_chart, YearPoint};
use gir_model::bundle::CompiledReport;
use gir_model::downloads::site_pages;
use gir_model::report::ReportFormat;
use gir_model::standard::format_name_zh;
use sha2::{Digest, Sha256};

/// The width the library's charts are drawn at (they scale to their box).
const CHART_WIDTH: u32 = 400;

/// The figures a year's comparison shows (of [`Metric::ALL`]).
const COMPARED: [Metric; 9] = [
    Metric::ApplicationsNew,
    Metric::ApplicationsCarriedOver,
    Metric::Disclosed,
    Metric::PartlyDisclosed,
    Metric::Refused,
    Metric::ResultsTotal,
    Metric::CarriedForward,
    Metric::Reviews,
    Metric::Lawsuits,
];

/// A page of the library: where it goes, its title, and its body (the
/// components' HTML).
pub struct LibraryPage {
    pub path: String,
    pub title: String,
    pub body: String,
}

/// Everything the library adds to a build.
pub struct LibrarySite {
    pub pages: Vec<LibraryPage>,
    /// `(path, contents)` of the series' CSV files.
    pub data: Vec<(String, String)>,
}

/// A body's page: `body-` and the first 10 hex digits of the SHA-256 of its
/// grouping key, stable from build to build (a deep link survives a
/// rebuild) and safe in any URL, whatever the body's name.
pub fn body_page(body_key: &str) -> String {
    let digest = Sha256::digest(body_key.as_bytes());
    let hex: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    format!("{}{hex}.html", site_pages::BODY_PREFIX)
}

pub fn year_page(year: u16) -> String {
    format!("{}{year}.html", site_pages::YEAR_PREFIX)
}

/// How the filter names a format.
pub fn format_key(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Narrative => "narrative",
        ReportFormat::Trial2019 => "2019",
        ReportFormat::Format2021 => "2021",
    }
}

/// What a chart writes where a year has no value: short, so it fits the
/// chart (the data table gives the full reason).
fn short_gap(gap: &Gap) -> &'static str {
    match gap {
        Gap::NoReport => "无报告",
        Gap::Narrative | Gap::NoTable => "无统计表",
        Gap::NotInFormat(_) | Gap::MissingCell => "格式无此项",
        Gap::Blank => "空白",
        Gap::NotApplicable(_) => "不适用",
        Gap::Incomplete(_) => "无法求和",
    }
}

fn shown(reading: &Reading, unit: &str) -> String {
    match (reading.value(), reading.gap()) {
        (Some(value), _) => format!("{value}{unit}"),
        (None, Some(gap)) => gap.description(),
        (None, None) => String::new(),
    }
}

/// The pages and files of the library of `reports`, titled `title`; `None`
/// for fewer than two reports (a build of one report is that report's page).
pub fn library_site(
    reports: &[&CompiledReport],
    title: &str,
) -> Result<Option<LibrarySite>, Vec<String>> {
    if reports.len() < 2 {
        return Ok(None);
    }
    let datasets: Vec<(&str, &CompiledReport)> =
        reports.iter().map(|r| (r.report.id.as_str(), *r)).collect();
    let library = Library::new(&datasets)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let catalogue = library.catalogue();

    let mut entries: Vec<IndexEntry> = catalogue
        .entries
        .iter()
        .map(|entry| {
            let compiled = library.compiled(&entry.id).expect("a catalogued report");
            IndexEntry {
                id: entry.id.clone(),
                title: entry.title.clone(),
                body: entry.body.clone(),
                body_key: entry.body_key.clone(),
                body_page: body_page(&entry.body_key),
                year: entry.year,
                format_key: format_key(entry.format),
                format_name: format_name_zh(entry.format),
                rule_breaks: compiled.rule_breaks.len(),
                // Found by the build (`gir_compile::library::link_reports`).
                repeated_per_mille: compiled.repeats.as_ref().map(|r| r.share_per_mille),
            }
        })
        .collect();
    entries.sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.body.cmp(&b.body)));
    let years = catalogue.years();
    let mut year_links: Vec<(u16, String)> = years.iter().map(|y| (*y, year_page(*y))).collect();
    year_links.reverse();

    let mut pages = vec![LibraryPage {
        path: format!("{}.html", site_pages::INDEX),
        title: title.into(),
        body: futures::executor::block_on(super::render_index(IndexView {
            title: title.into(),
            entries,
            years: year_links,
        })),
    }];
    let mut data = Vec::new();

    for body in catalogue.bodies() {
        let series = library.series(body.key).expect("a catalogued body");
        let page = body_page(body.key);
        let stem = page.trim_end_matches(".html").to_string();
        let mut views: Vec<(String, Vec<SeriesView>)> = Vec::new();
        for s in series.series.iter().filter(|s| s.has_values()) {
            let id = format!("yoy-{}", s.metric.index() + 1);
            let points: Vec<YearPoint> = s
                .points
                .iter()
                .map(|p| YearPoint {
                    year: p.year,
                    value: p.reading.value(),
                    gap: p
                        .reading
                        .gap()
                        .map(short_gap)
                        .unwrap_or_default()
                        .to_string(),
                    format: p.format,
                })
                .collect();
            let svg = year_chart(&id, s.label, s.unit, &points, CHART_WIDTH).svg;
            let rows: Vec<SeriesRow> = s
                .points
                .iter()
                .map(|p| SeriesRow {
                    year: p.year,
                    shown: shown(&p.reading, s.unit),
                    source: match (&p.report_id, &p.reading.source) {
                        (Some(report), Some(source)) => {
                            Some(format!("{report}.html#{}", source.anchor))
                        }
                        _ => None,
                    },
                    format_name: p.format.map_or("—", format_name_zh),
                })
                .collect();
            let csv = format!("data/{stem}-{id}.csv");
            data.push((
                csv.clone(),
                csv_table(
                    &["年份", "数值", "单位", "说明", "格式", "报告"],
                    s.points.iter().map(|p| {
                        vec![
                            p.year.to_string(),
                            p.reading.value().map(|v| v.to_string()).unwrap_or_default(),
                            s.unit.to_string(),
                            p.reading.gap().map(Gap::description).unwrap_or_default(),
                            p.format.map_or("", format_name_zh).to_string(),
                            p.report_id.clone().unwrap_or_default(),
                        ]
                    }),
                ),
            ));
            let view = SeriesView {
                id,
                title: s.label.to_string(),
                unit: s.unit.to_string(),
                svg,
                rows,
                csv,
            };
            match views.iter_mut().find(|(topic, _)| topic == s.topic.label()) {
                Some((_, group)) => group.push(view),
                None => views.push((s.topic.label().to_string(), vec![view])),
            }
        }
        let reports = body
            .entries
            .iter()
            .map(|e| (e.year, e.id.clone(), e.title.clone()))
            .collect();
        let without_values = series
            .series
            .iter()
            .filter(|s| !s.has_values())
            .map(|s| s.label.to_string())
            .collect();
        pages.push(LibraryPage {
            title: format!("{} 历年报告", body.name),
            body: futures::executor::block_on(super::render_body(BodyView {
                body: body.name.to_string(),
                reports,
                series: views,
                without_values,
            })),
            path: page,
        });
    }

    for year in years {
        let rows = library
            .compare(year)
            .into_iter()
            .map(|row| YearRow {
                body_page: body_page(&row.body_key),
                body: row.body.clone(),
                report_id: row.report_id.clone(),
                cells: COMPARED
                    .iter()
                    .map(|m| {
                        let reading = row.reading(*m);
                        match reading.value() {
                            Some(v) => (v.to_string(), Some(v.to_string())),
                            None => (
                                reading.gap().map(short_gap).unwrap_or("—").to_string(),
                                None,
                            ),
                        }
                    })
                    .collect(),
                rule_breaks: row.rule_breaks,
            })
            .collect();
        pages.push(LibraryPage {
            path: year_page(year),
            title: format!("{year}年各机关比较"),
            body: futures::executor::block_on(super::render_year(YearView {
                year,
                columns: COMPARED
                    .iter()
                    .map(|m| YearColumn {
                        label: m.label().to_string(),
                        unit: m.unit().to_string(),
                    })
                    .collect(),
                rows,
            })),
        });
    }
    Ok(Some(LibrarySite { pages, data }))
}
