//! A portal's library of reports: the catalogue (body and year of each
//! report, collisions named with both files), a body's figures year over
//! year, a year's reports side by side, and text copied from the year
//! before (内容雷同), on the datasets of `tests/fixtures/library/` (a town's
//! 2018 narrative report, 2019-format and 2021-format reports, 2020
//! missing), the seed and the standard samples.

mod common;

use common::{load_valid, repo_file};
use gir_compile::library::identity::{body_of, report_year};
use gir_compile::library::repeated::{repeated_text, ReportText};
use gir_compile::library::{
    catalogue, CatalogueError, FormatChange, Gap, Library, Metric, Outcome, RepeatedText,
};
use gir_compile::pipeline::compile_report;
use gir_model::bundle::CompiledReport;
use gir_model::findings::CellRef;
use gir_model::report::{Report, ReportFormat};
use gir_model::table::Cell;

/// The library's datasets, in this (unsorted) order.
const FILES: [&str; 6] = [
    "tests/fixtures/library/sample-town-2021.json",
    "assets/reports/nanfen-2017.json",
    "tests/fixtures/library/sample-town-2018.json",
    "tests/fixtures/reports/sample-2021.json",
    "tests/fixtures/library/sample-town-2019.json",
    "tests/fixtures/reports/sample-2019.json",
];

fn load(file: &str) -> Report {
    load_valid(file, &repo_file(file))
}

fn compiled() -> Vec<CompiledReport> {
    FILES.iter().map(|f| compile_report(load(f))).collect()
}

fn library(reports: &[CompiledReport]) -> Library<'_> {
    let datasets: Vec<(&str, &CompiledReport)> = FILES.iter().copied().zip(reports).collect();
    Library::new(&datasets).unwrap_or_else(|e| panic!("{e:?}"))
}

fn number(text: &str) -> Outcome {
    Outcome::Value(Cell::parse(text).unwrap().decimal().unwrap())
}

const TOWN: &str = "示例镇人民政府(样例数据)";

// ---- identity ----

#[test]
fn the_catalogue_sorts_by_body_then_year_with_files() {
    let reports = compiled();
    let library = library(&reports);
    let rows: Vec<(&str, &str, u16, ReportFormat, &str)> = library
        .catalogue()
        .entries
        .iter()
        .map(|e| {
            (
                e.id.as_str(),
                e.body.as_str(),
                e.year,
                e.format,
                e.file.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "nanfen-2017",
                "南芬区人民政府",
                2017,
                ReportFormat::Narrative,
                FILES[1]
            ),
            (
                "sample-2019",
                "示例县人民政府(样例数据)",
                2019,
                ReportFormat::Trial2019,
                FILES[5]
            ),
            (
                "sample-2021",
                "示例县人民政府(样例数据)",
                2021,
                ReportFormat::Format2021,
                FILES[3]
            ),
            (
                "sample-town-2018",
                TOWN,
                2018,
                ReportFormat::Narrative,
                FILES[2]
            ),
            (
                "sample-town-2019",
                TOWN,
                2019,
                ReportFormat::Trial2019,
                FILES[4]
            ),
            // Printed with a space and full-width brackets: shown so, grouped
            // with the others.
            (
                "sample-town-2021",
                "示例镇人民政府 （样例数据）",
                2021,
                ReportFormat::Format2021,
                FILES[0]
            ),
        ]
    );
    let catalogue = library.catalogue();
    let bodies: Vec<(&str, u16, u16, usize)> = catalogue
        .bodies()
        .iter()
        .map(|b| (b.name, b.first_year(), b.last_year(), b.entries.len()))
        .collect();
    assert_eq!(
        bodies,
        [
            ("南芬区人民政府", 2017, 2017, 1),
            ("示例县人民政府(样例数据)", 2019, 2021, 2),
            ("示例镇人民政府 （样例数据）", 2018, 2021, 3),
        ]
    );
    assert_eq!(catalogue.years(), [2017, 2018, 2019, 2021]);
    let town_2019 = catalogue.by_id("sample-town-2019").unwrap();
    assert_eq!(
        catalogue.previous(town_2019).unwrap().id,
        "sample-town-2018"
    );
    let town_2021 = catalogue.by_id("sample-town-2021").unwrap();
    assert_eq!(catalogue.previous(town_2021), None);
    assert_eq!(
        catalogue.find(&town_2021.body_key, 2019).map(|e| &e.id[..]),
        Some("sample-town-2019")
    );
    assert!(catalogue.body("示例市").is_none());
}

#[test]
fn the_body_falls_back_to_the_title_and_the_year_is_the_reported_one() {
    let mut seed = load(FILES[1]);
    assert_eq!(seed.meta.publish_date, "2018-03-09");
    assert_eq!(report_year(&seed.title), Some(2017));
    assert_eq!(body_of(&seed).as_deref(), Some("南芬区人民政府"));
    seed.meta.publisher = " \u{3000}".into();
    assert_eq!(body_of(&seed).as_deref(), Some("南芬区"));
    let found = catalogue(&[("a.json", &seed)]).unwrap();
    assert_eq!(
        (found.entries[0].body.as_str(), found.entries[0].year),
        ("南芬区", 2017)
    );
}

fn errors(reports: &[(&str, &Report)]) -> Vec<String> {
    catalogue(reports)
        .expect_err("the library was accepted")
        .iter()
        .map(CatalogueError::to_string)
        .collect()
}

#[test]
fn two_reports_of_a_body_and_year_are_an_error_naming_both_files() {
    let town = load(FILES[4]);
    let mut again = town.clone();
    again.id = "sample-town-2019b".into();
    // Another spelling of the same body.
    again.meta.publisher = "示例镇人民政府（样例数据） ".into();
    assert_eq!(
        errors(&[("a/town-2019.json", &town), ("b/copy.json", &again)]),
        ["b/copy.json: report \"sample-town-2019b\" is a second report of “示例镇人民政府（样例数据）” for 2019: a/town-2019.json (report \"sample-town-2019\") is one already; a body publishes one annual report a year (remove one, or correct its publisher or title)"]
    );
    let error = &catalogue(&[("a/town-2019.json", &town), ("b/copy.json", &again)]).unwrap_err()[0];
    assert_eq!(
        (error.file.as_str(), error.other_file.as_deref()),
        ("b/copy.json", Some("a/town-2019.json"))
    );
    // Another body, or another year, is no collision.
    let mut other_year = again.clone();
    other_year.title = other_year.title.replace("2019", "2020");
    assert!(catalogue(&[("a.json", &town), ("b.json", &other_year)]).is_ok());
}

#[test]
fn a_second_report_id_or_a_title_without_a_year_is_an_error_with_its_file() {
    let town = load(FILES[4]);
    let mut same_id = load(FILES[2]);
    same_id.id = town.id.clone();
    let mut no_year = load(FILES[0]);
    no_year.title = "示例镇人民政府政府信息公开工作年度报告\n".into();
    let mut no_body = load(FILES[5]);
    no_body.meta.publisher.clear();
    no_body.title = "2019年政府信息公开工作年度报告".into();
    assert_eq!(
        errors(&[
            ("town.json", &town),
            ("same-id.json", &same_id),
            ("no-year.json", &no_year),
            ("no-body.json", &no_body),
        ]),
        [
            "same-id.json: report id \"sample-town-2019\" is also the id of town.json: a report's id names its page, so each report of a library needs its own",
            // The title's line break is printed escaped.
            "no-year.json: no report year in the title “示例镇人民政府政府信息公开工作年度报告\\u{000A}”: a title states the year it reports on (1990–2099, as in 2017年度 or 2021年)",
            "no-body.json: no body: meta.publisher is empty and the title “2019年政府信息公开工作年度报告” names none before its year",
        ]
    );
}

// ---- series ----

#[test]
fn a_body_series_reads_each_year_with_its_cells_or_its_gap() {
    let reports = compiled();
    let library = library(&reports);
    let key = library
        .catalogue()
        .by_id("sample-town-2019")
        .unwrap()
        .body_key
        .clone();
    let series = library.series(&key).unwrap();
    assert_eq!(
        (series.body.as_str(), series.first_year, series.last_year),
        ("示例镇人民政府 （样例数据）", 2018, 2021)
    );
    let outcomes = |metric: Metric| -> Vec<(u16, Outcome)> {
        series
            .series(metric)
            .points
            .iter()
            .map(|p| (p.year, p.reading.outcome.clone()))
            .collect()
    };
    let gap = |gap: Gap| Outcome::Gap(gap);
    assert_eq!(
        outcomes(Metric::ApplicationsNew),
        [
            (2018, gap(Gap::Narrative)),
            (2019, number("12")),
            (2020, gap(Gap::NoReport)),
            (2021, number("15")),
        ]
    );
    // 不予公开 sums 三(三)1–8 only when all are numbers: 2019 marks row 1 “/”.
    assert_eq!(
        outcomes(Metric::Refused),
        [
            (2018, gap(Gap::Narrative)),
            (
                2019,
                gap(Gap::Incomplete(vec![CellRef::new("3.3.1", "total")]))
            ),
            (2020, gap(Gap::NoReport)),
            (2021, number("2")),
        ]
    );
    // A blank 总计 is 空白, never 0.
    assert_eq!(
        outcomes(Metric::PartlyDisclosed)[3],
        (2021, gap(Gap::Blank))
    );
    assert_eq!(outcomes(Metric::PartlyDisclosed)[1], (2019, number("2")));
    // 行政诉讼 = 直接起诉 + 复议后起诉: 2019 leaves the second group blank.
    assert_eq!(
        outcomes(Metric::Lawsuits)[1..],
        [
            (
                2019,
                gap(Gap::Incomplete(vec![CellRef::new(
                    "cases",
                    "suit_after_review_total"
                )]))
            ),
            (2020, gap(Gap::NoReport)),
            (2021, number("1")),
        ]
    );
    assert_eq!(outcomes(Metric::LawsuitsPending)[3], (2021, number("1")));
    assert_eq!(outcomes(Metric::Reviews)[3], (2021, number("2")));
    // 表二 across the formats: 本年新制作数量 (2019) and 本年制发件数 (2021).
    assert_eq!(
        outcomes(Metric::NormativeDocumentsIssued)[1..],
        [
            (2019, number("3")),
            (2020, gap(Gap::NoReport)),
            (2021, number("4"))
        ]
    );
    assert_eq!(
        outcomes(Metric::LicensingDecisions)[1],
        (2019, number("38"))
    );
    assert_eq!(outcomes(Metric::PenaltyDecisions)[3], (2021, number("22")));
    assert_eq!(
        outcomes(Metric::FeeAmount)[1..],
        [
            (2019, gap(Gap::NotInFormat(ReportFormat::Trial2019))),
            (2020, gap(Gap::NoReport)),
            (2021, number("1.50")),
        ]
    );
    let fee = series.series(Metric::FeeAmount).points[3]
        .reading
        .value()
        .unwrap();
    assert_eq!(fee.to_string(), "1.50");

    // Each value links back to its cell, a sum of rows to its heading row.
    let source = |metric: Metric, year: usize| {
        let point = &series.series(metric).points[year];
        point
            .reading
            .source
            .clone()
            .map(|s| (s.table_id, s.cells, s.anchor))
    };
    assert_eq!(
        source(Metric::ApplicationsNew, 1),
        Some((
            "sec-3-table".into(),
            vec![CellRef::new("1", "total")],
            "sec-3-table-1-total".into()
        ))
    );
    let refused = source(Metric::Refused, 3).unwrap();
    assert_eq!(refused.1.len(), 8);
    assert_eq!(refused.1[7], CellRef::new("3.3.8", "total"));
    assert_eq!(refused.2, "sec-3-table-row-3_3");
    assert_eq!(
        source(Metric::NormativeDocumentsIssued, 1).unwrap().1,
        [CellRef::new("normative_documents", "made")]
    );
    assert_eq!(
        source(Metric::NormativeDocumentsIssued, 3).unwrap().1,
        [CellRef::new("normative_documents", "issued")]
    );
    assert_eq!(
        source(Metric::Lawsuits, 3).unwrap().2,
        "sec-4-table-cases-direct_suit_total"
    );
    assert_eq!(source(Metric::ApplicationsNew, 0), None);
    assert_eq!(source(Metric::ApplicationsNew, 2), None);

    // Format changes are marked where they happen.
    let points = &series.series(Metric::ApplicationsNew).points;
    let changes: Vec<(u16, Option<FormatChange>)> =
        points.iter().map(|p| (p.year, p.format_change)).collect();
    assert_eq!(
        changes,
        [
            (2018, None),
            (
                2019,
                Some(FormatChange {
                    from: ReportFormat::Narrative,
                    to: ReportFormat::Trial2019
                })
            ),
            (2020, None),
            (
                2021,
                Some(FormatChange {
                    from: ReportFormat::Trial2019,
                    to: ReportFormat::Format2021
                })
            ),
        ]
    );
    assert_eq!(points[2].report_id, None);
    assert_eq!(points[3].report_id.as_deref(), Some("sample-town-2021"));
}

#[test]
fn series_are_grouped_so_that_no_chart_mixes_units() {
    let reports = compiled();
    let library = library(&reports);
    let key = library
        .catalogue()
        .by_id("sample-2021")
        .unwrap()
        .body_key
        .clone();
    let series = library.series(&key).unwrap();
    let groups = series.by_unit();
    let summary: Vec<(&str, usize)> = groups.iter().map(|g| (g.unit, g.series.len())).collect();
    assert_eq!(summary, [("件", 22), ("万元", 1)]);
    for group in &groups {
        assert!(group.series.iter().all(|s| s.unit == group.unit));
    }
    assert_eq!(groups[1].series[0].metric, Metric::FeeAmount);
    assert_eq!(groups[1].series[0].label, "行政事业性收费:收费金额");
    // A body of narrative reports has series of gaps only.
    let seed_key = library
        .catalogue()
        .by_id("nanfen-2017")
        .unwrap()
        .body_key
        .clone();
    let seed = library.series(&seed_key).unwrap();
    assert!(seed.series.iter().all(|s| !s.has_values()));
    assert!(library.series("nobody").is_none());
}

// ---- comparing a year ----

/// `(report, 新收, 部分公开, rule breaks, mismatches, incomplete)`.
type Compared<'a> = (&'a str, Option<String>, Option<String>, usize, usize, usize);

#[test]
fn a_year_compares_every_body_with_its_checks() {
    let reports = compiled();
    let library = library(&reports);
    let rows = library.compare(2021);
    let summary: Vec<Compared> = rows
        .iter()
        .map(|r| {
            (
                r.report_id.as_str(),
                r.value(Metric::ApplicationsNew).map(|v| v.to_string()),
                r.value(Metric::PartlyDisclosed).map(|v| v.to_string()),
                r.rule_breaks,
                r.mismatches,
                r.incomplete,
            )
        })
        .collect();
    // sample-2021 has its eight planted breaks (README of its folder); the
    // town's 2021 report one mismatch (表四 行政复议) and three incomplete
    // rules (三(二) left blank in 自然人 and 总计).
    assert_eq!(
        summary,
        [
            ("sample-2021", Some("46".into()), Some("5".into()), 8, 7, 1),
            ("sample-town-2021", Some("15".into()), None, 4, 1, 3),
        ]
    );
    assert_eq!(
        rows[1].reading(Metric::PartlyDisclosed).gap(),
        Some(&Gap::Blank)
    );
    assert!(!rows[0].passes_checks());
    let rows_2019 = library.compare(2019);
    let ids: Vec<(&str, bool)> = rows_2019
        .iter()
        .map(|r| (r.report_id.as_str(), r.passes_checks()))
        .collect();
    assert_eq!(ids, [("sample-2019", true), ("sample-town-2019", false)]);
    assert_eq!(rows_2019[0].body, "示例县人民政府(样例数据)");
    let narrative = library.compare(2017);
    assert_eq!(narrative.len(), 1);
    assert!(narrative[0]
        .readings
        .iter()
        .all(|r| r.gap() == Some(&Gap::Narrative)));
    assert!(library.compare(2020).is_empty());
}

// ---- 内容雷同 ----

/// `(anchor, start, len, text, previous anchor, previous text, distance, length, verbatim)`.
type Found<'a> = (
    &'a str,
    usize,
    usize,
    &'a str,
    &'a str,
    &'a str,
    usize,
    usize,
    bool,
);

fn found(repeated: &RepeatedText) -> Vec<Found<'_>> {
    repeated
        .sentences
        .iter()
        .map(|r| {
            (
                r.sentence.anchor.as_str(),
                r.sentence.start,
                r.sentence.len,
                r.sentence.text.as_str(),
                r.previous.anchor.as_str(),
                r.previous.text.as_str(),
                r.distance,
                r.length,
                r.verbatim,
            )
        })
        .collect()
}

#[test]
fn text_copied_from_the_year_before_is_found_sentence_by_sentence() {
    let reports = compiled();
    let library = library(&reports);
    let repeated = library.repeated_text("sample-town-2019").unwrap();
    assert_eq!(
        (repeated.report_id.as_str(), repeated.previous_id.as_str()),
        ("sample-town-2019", "sample-town-2018")
    );
    assert_eq!(
        found(&repeated),
        [
            // 年度…报告 reworded to 年…年度报告: three edits in 47, 0.94.
            (
                "lead-p1", 0, 140,
                "根据《中华人民共和国政府信息公开条例》要求,现公布示例镇人民政府2019年政府信息公开工作年度报告。",
                "lead-p1",
                "根据《中华人民共和国政府信息公开条例》要求,现公布示例镇人民政府2018年度政府信息公开工作报告。",
                3, 47, false
            ),
            // Only the dates changed.
            (
                "lead-p1", 140, 83,
                "本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。",
                "lead-p1",
                "本报告所列数据的统计期限自2018年1月1日起至2018年12月31日止。",
                0, 29, false
            ),
            (
                "sec-1-p1", 0, 102,
                "2019年,示例镇坚持以公开为常态、不公开为例外,全面推进政府信息公开工作。",
                "sec-1-p1",
                "2018年,示例镇坚持以公开为常态、不公开为例外,全面推进政府信息公开工作。",
                0, 35, false
            ),
            // Verbatim.
            (
                "sec-1-p1", 102, 112,
                "镇政府成立了由分管副镇长任组长的政务公开工作领导小组,明确专人负责信息发布。",
                "sec-1-p1",
                "镇政府成立了由分管副镇长任组长的政务公开工作领导小组,明确专人负责信息发布。",
                0, 38, true
            ),
            // In a subsection: offsets count its printed heading `(一)主动公开。`.
            (
                "sec-1-sub1", 20, 84,
                "全年通过镇政府网站主动公开政府信息412条,其中政策文件31条。",
                "sec-1-p1",
                "全年通过镇政府网站主动公开政府信息356条,其中政策文件28条。",
                0, 29, false
            ),
            // 三次 → 五次, 120 → 150: Chinese numerals count as numbers too.
            (
                "sec-1-sub2", 20, 70,
                "全年组织政务公开业务培训五次,参训人员达150人次。",
                "sec-1-p2",
                "全年组织政务公开业务培训三次,参训人员达120人次。",
                0, 24, false
            ),
            (
                "sec-5-p1", 0, 48,
                "一是部分村(社区)信息公开不够及时;",
                "sec-2-p1",
                "一是部分村(社区)信息公开不够及时;",
                0, 18, true
            ),
            (
                "sec-5-p1", 48, 45,
                "二是公开内容的解读还不够深入。",
                "sec-2-p1",
                "二是公开内容的解读还不够深入。",
                0, 15, true
            ),
        ]
    );
    // Not found: the rewritten 依托便民服务中心… (four edits in 31, 0.87),
    // the new sentences, and 特此报告。 (too short to compare, though copied).
    assert_eq!(
        (repeated.repeated_chars, repeated.narrative_chars),
        (254, 389)
    );
    let chars: usize = repeated
        .sentences
        .iter()
        .map(|r| r.sentence.text.chars().count())
        .sum();
    assert_eq!(chars, 254);
    assert!((repeated.share() - 254.0 / 389.0).abs() < 1e-12);

    // The ranges slice the printed paragraphs to the sentences, as the
    // viewer will highlight them.
    let report = &library.compiled("sample-town-2019").unwrap().report;
    for r in &repeated.sentences {
        let (_, printed) = report.locate(&r.sentence.anchor).unwrap();
        assert_eq!(
            printed.get(r.sentence.start..r.sentence.start + r.sentence.len),
            Some(r.sentence.text.as_str())
        );
    }
}

#[test]
fn only_a_body_s_consecutive_years_are_compared() {
    let reports = compiled();
    let library = library(&reports);
    let all: Vec<(String, String)> = library
        .all_repeated_text()
        .into_iter()
        .map(|r| (r.report_id, r.previous_id))
        .collect();
    assert_eq!(
        all,
        [("sample-town-2019".into(), "sample-town-2018".into())]
    );
    // 2020 is missing: the 2021 report has no year before to copy from.
    assert_eq!(library.repeated_text("sample-town-2021"), None);
    assert_eq!(library.repeated_text("sample-2021"), None);
    assert_eq!(library.repeated_text("no-such-report"), None);
    assert_eq!(
        library.all_repeated_text()[0],
        library.repeated_text("sample-town-2019").unwrap()
    );
}

#[test]
fn unrelated_reports_repeat_nothing() {
    let seed = ReportText::new(&load(FILES[1]));
    let sample = ReportText::new(&load(FILES[3]));
    let town = ReportText::new(&load(FILES[2]));
    assert!(seed.sentences.len() > 50 && sample.sentences.len() > 10);
    for (a, b) in [
        (&seed, &sample),
        (&sample, &seed),
        (&town, &seed),
        (&seed, &town),
    ] {
        let repeated = repeated_text(a, b);
        assert_eq!(found(&repeated), [], "{} vs {}", a.report_id, b.report_id);
        assert_eq!(repeated.repeated_chars, 0);
    }
    // The same report against itself repeats everything of ten characters or more.
    let itself = repeated_text(&seed, &seed);
    assert!(itself.sentences.len() > 50);
    assert!(itself
        .sentences
        .iter()
        .all(|r| r.verbatim && r.distance == 0));
}
