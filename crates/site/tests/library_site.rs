//! The library's pages made from the sample reports, natively: the index,
//! a body's figures over the years (a missing year, a blank cell and a
//! change of format), a year's comparison, and the CSV beside each chart.

use gir_compile::library::identity::grouping_key;
use gir_compile::library::link_reports;
use gir_compile::load::load_report;
use gir_compile::pipeline::compile_report;
use gir_model::bundle::CompiledReport;
use gir_site::library::site::{body_page, library_site, LibrarySite};

fn compiled(fixture: &str) -> CompiledReport {
    let path = format!("{}/../../{fixture}", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{fixture}: {e}"));
    compile_report(load_report(fixture, &json).unwrap_or_else(|e| panic!("{fixture}: {e:?}")))
}

const SAMPLES: [&str; 7] = [
    "assets/reports/nanfen-2017.json",
    "tests/fixtures/reports/sample-2019.json",
    "tests/fixtures/reports/sample-2021.json",
    "tests/fixtures/reports/sample-2019-all-zero.json",
    "tests/fixtures/reports/sample-2021-all-blank.json",
    "tests/fixtures/library/library-edu-2022.json",
    "tests/fixtures/library/library-edu-2023.json",
];

/// The samples compiled and linked as the build links a library.
fn site() -> LibrarySite {
    let mut reports: Vec<CompiledReport> = SAMPLES.iter().map(|f| compiled(f)).collect();
    let files: Vec<String> = SAMPLES.iter().map(|f| f.to_string()).collect();
    link_reports(&files, &mut reports).expect("the samples are one library");
    let refs: Vec<&CompiledReport> = reports.iter().collect();
    library_site(&refs, gir_site::library::INDEX_TITLE)
        .expect("a library")
        .expect("two reports or more")
}

fn page<'s>(site: &'s LibrarySite, path: &str) -> &'s str {
    &site
        .pages
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no page {path}"))
        .body
}

#[test]
fn the_index_lists_every_report_newest_first_with_its_checks_and_copied_text() {
    let site = site();
    let index = page(&site, "index.html");
    // Each report's row, from its `data-year` on.
    let rows: Vec<&str> = index
        .split("<tr ")
        .filter(|r| r.contains("data-year="))
        .collect();
    assert_eq!(rows.len(), SAMPLES.len());
    let years: Vec<&str> = rows
        .iter()
        .map(|r| {
            r.split("data-year=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        years,
        ["2023", "2022", "2021", "2021", "2019", "2019", "2017"]
    );
    // sample-2021's eight planted rule breaks; the 2023 report repeats most
    // of 2022's text (see tests/fixtures/library/README.md).
    let row_of = |id: &str| {
        *rows
            .iter()
            .find(|r| r.contains(&format!("href=\"./{id}.html\"")))
            .unwrap()
    };
    assert!(
        row_of("sample-2021").contains("8处不一致"),
        "{}",
        row_of("sample-2021")
    );
    assert!(
        row_of("library-edu-2022").contains("<td>—</td>"),
        "no year before 2022"
    );
    let share = row_of("library-edu-2023");
    assert!(
        share.contains('%') && !share.contains("<td>—</td>"),
        "{share}"
    );
}

#[test]
fn a_body_s_page_charts_its_years_with_gaps_and_the_format_change() {
    let site = site();
    let county = body_page(&grouping_key("示例县人民政府(样例数据)"));
    let body = page(&site, &county);
    assert!(body.contains("示例县人民政府(样例数据) 历年报告"), "{body}");
    // 2019, then no 2020 report, then 2021 in another format.
    assert!(
        body.contains("2020年 无报告"),
        "the missing year is written: {body}"
    );
    assert!(
        body.contains("自此起:2021年格式"),
        "the format change is marked"
    );
    // 行政诉讼 sums two columns of 表四 that neither year fills in (2019 marks
    // them `/`, 2021 leaves them blank): named, not drawn as zero.
    assert!(!body.contains("id=\"yoy-13\""), "no chart of gaps");
    assert!(
        body.contains("未作图:") && body.contains("行政诉讼、"),
        "{body}"
    );
    // Every value links to its cell.
    assert!(
        body.contains("href=\"./sample-2021.html#sec-3-table-1-total\""),
        "{body}"
    );
    let csv = site
        .data
        .iter()
        .find(|(path, _)| path.starts_with(&format!("data/{}", county.trim_end_matches(".html"))))
        .map(|(_, csv)| csv.as_str())
        .expect("a CSV per chart");
    assert!(
        csv.starts_with("\u{FEFF}年份,数值,单位,说明,格式,报告\r\n2019,"),
        "{csv}"
    );
    assert!(csv.contains("\r\n2020,,件,当年无报告,,\r\n"), "{csv}");
}

#[test]
fn a_year_s_page_compares_every_body_of_that_year() {
    let site = site();
    let year = page(&site, "year-2021.html");
    assert!(year.contains("2021年各机关比较"));
    assert_eq!(year.matches("<th scope=\"row\"").count(), 2, "{year}");
    assert!(
        year.contains("data-sort=\"46\""),
        "sortable by the number: {year}"
    );
    // The all-blank report: no number to sort by, the gap written.
    assert!(year.contains("空白"));
}

#[test]
fn one_report_makes_no_library() {
    let report = compiled(SAMPLES[0]);
    assert!(library_site(&[&report], "库").unwrap().is_none());
}

#[test]
fn two_reports_of_a_body_and_year_are_refused_naming_both() {
    let a = compiled(SAMPLES[1]);
    let mut b = compiled(SAMPLES[1]);
    b.report.id = "sample-2019-copy".into();
    let errors = library_site(&[&a, &b], "库").err().expect("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("sample-2019") && errors[0].contains("sample-2019-copy"),
        "{errors:?}"
    );
}
