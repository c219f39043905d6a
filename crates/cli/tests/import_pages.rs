//! Importing reports in the shapes portals publish them: a Word-pasted
//! 2021-format page (CMS tags, `<span>` runs splitting numbers, the three
//! tables with merged cells), the same report as text copied from the
//! browser, a 2019-format page whose 表二 is printed as five tables, and
//! the seed as a portal page. Each gives back its dataset (the fixtures
//! were made from `tests/fixtures/reports/*.json` and the seed dataset),
//! and the build accepts what the importer wrote.

mod common;

use common::repo_file;

use gir_compile::load::load_report;
use gir_model::report::{Block, Report, ReportFormat, Section};
use gir_model::table::{Table, TableKind};
use report_viewer::cli::dataset_json;
use report_viewer::import::{import_bytes, DropKind, Imported, Options};

fn dataset(relative: &str) -> Report {
    load_report(relative, &repo_file(relative)).expect("the dataset loads")
}

/// Imports a fixture and checks that the build accepts the dataset as it is.
fn import(relative: &str) -> Imported {
    let imported = import_bytes(
        repo_file(relative).as_bytes(),
        &Options {
            id: None,
            source_name: Some(relative.into()),
        },
    )
    .expect("the fixture is imported");
    let json = dataset_json(&imported).unwrap();
    let loaded = load_report("imported.json", &json).expect("the build accepts the import");
    assert_eq!(loaded, imported.report);
    imported
}

fn table(report: &Report, kind: TableKind) -> &Table {
    report
        .tables()
        .find(|t| t.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} table"))
}

/// The signature block after the last section's text: kept as paragraphs,
/// as printed.
fn assert_signature(section: &Section, expected: &[&str]) {
    let tail: Vec<&str> = section.blocks[section.blocks.len() - expected.len()..]
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.text.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(tail, expected);
}

/// Sections equal, but for the signature paragraphs at the end of the last.
fn assert_sections(ours: &Report, theirs: &Report, signature: &[&str]) {
    assert_eq!(ours.sections.len(), theirs.sections.len());
    let last = theirs.sections.len() - 1;
    for (index, (a, b)) in ours.sections.iter().zip(&theirs.sections).enumerate() {
        if index == last {
            let mut a = a.clone();
            assert_signature(&a, signature);
            a.blocks.truncate(a.blocks.len() - signature.len());
            assert_eq!(&a, b, "section {}", b.id);
        } else {
            assert_eq!(a, b, "section {}", b.id);
        }
    }
}

fn messages(imported: &Imported) -> Vec<String> {
    imported
        .notices
        .iter()
        .map(|n| {
            format!(
                "{}: {}",
                n.line.map_or("-".into(), |l| l.to_string()),
                n.message
            )
        })
        .collect()
}

#[test]
fn a_word_pasted_2021_page_gives_back_its_dataset() {
    let imported = import("tests/fixtures/import/sample-2021.html");
    let expected = dataset("tests/fixtures/reports/sample-2021.json");
    let report = &imported.report;
    assert_eq!(report.id, "sample-2021");
    assert_eq!(report.format, ReportFormat::Format2021);
    // The metadata table (`名&nbsp;&nbsp;称`, `<publishtime>`, an empty 文号).
    assert_eq!(report.meta, expected.meta);
    assert_eq!(report.title, expected.title);
    // Runs that split `2316` into `23` `16` are one number again.
    assert_eq!(report.preamble, expected.preamble);
    assert_sections(
        report,
        &expected,
        &["示例县人民政府办公室", "2022年1月20日"],
    );
    // The three tables, merged cells and all, cell for cell.
    for kind in TableKind::ALL {
        assert_eq!(table(report, kind), table(&expected, kind), "{kind:?}");
    }
    // The portal's chrome is left out, and said so (form controls, such as
    // the search button, are not read at all).
    let chrome: Vec<&str> = imported
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::Chrome)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        chrome,
        [
            "示例县人民政府门户网站",
            "首页政务公开政务服务互动交流",
            "当前位置:首页 > 政务公开 > 政府信息公开年报",
            "【字体:大 中 小】 【打印】",
            "分享到:微信 微博",
            "主办:示例县人民政府办公室   承办:示例县大数据中心网站标识码:0000000000   备案号:示ICP备00000000号",
        ]
    );
    // Notices name the page's lines.
    let messages = messages(&imported);
    assert!(
        messages.contains(
            &"21: dropped portal chrome <div> “当前位置:首页 > 政务公开 > 政府信息公开年报”"
                .to_string()
        ),
        "{messages:#?}"
    );
}

#[test]
fn the_same_report_copied_from_the_browser_gives_back_its_dataset() {
    // Made by selecting the page's metadata table to the end of its text in
    // Chromium and copying: tabs between cells, a cell's paragraphs on
    // lines of their own, blank cells lost.
    let imported = import("tests/fixtures/import/sample-2021-copied.txt");
    let expected = dataset("tests/fixtures/reports/sample-2021.json");
    let report = &imported.report;
    assert_eq!(report.format, ReportFormat::Format2021);
    assert_eq!(report.meta, expected.meta);
    assert_eq!(report.title, expected.title);
    assert_eq!(report.preamble, expected.preamble);
    for kind in [TableKind::ActiveDisclosure, TableKind::Applications] {
        assert_eq!(table(report, kind), table(&expected, kind), "{kind:?}");
    }
    // 表四 had blank cells, which the copy lost: which column each number
    // was in cannot be told, so the row is left blank and the numbers named.
    let review = table(report, TableKind::ReviewLitigation);
    assert!(review.rows[0].cells.iter().all(|c| c.is_blank()));
    let messages = messages(&imported);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("found 9 cell(s) (1 1 0 0 3 1 0 0 1) where the format has 15")),
        "{messages:#?}"
    );
    let mut expected_sections = expected.clone();
    let review_block = expected_sections.sections[3]
        .blocks
        .iter_mut()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    *review_block = review.clone();
    assert_sections(
        report,
        &expected_sections,
        &["示例县人民政府办公室", "2022年1月20日"],
    );
}

#[test]
fn a_2019_page_with_its_table_in_parts_gives_back_its_dataset() {
    let imported = import("tests/fixtures/import/sample-2019.html");
    let expected = dataset("tests/fixtures/reports/sample-2019.json");
    let report = &imported.report;
    assert_eq!(report.format, ReportFormat::Trial2019);
    // This page prints no 名称; the rest of its `<li>` metadata is read.
    assert_eq!(report.meta.name, "");
    let mut meta = expected.meta.clone();
    meta.name = String::new();
    assert_eq!(report.meta, meta);
    assert_eq!(report.title, expected.title);
    assert_eq!(report.preamble, expected.preamble);
    // 表二 printed as five tables, one per 第二十条 item, is one table;
    // `+2`, `-3` and the not-applicable `-` and `/` as printed.
    assert_sections(report, &expected, &[]);
    // Fields the dataset has no place for are named, not lost.
    let metadata: Vec<&str> = imported
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::Metadata)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(metadata, ["来源:示例县政府办", "浏览次数:1024"]);
}

#[test]
fn the_seed_as_a_portal_page_gives_back_the_seed_dataset() {
    let imported = import("tests/fixtures/import/nanfen-2017.html");
    let expected = dataset("assets/reports/nanfen-2017.json");
    let report = &imported.report;
    assert_eq!(report.format, ReportFormat::Narrative);
    assert_eq!(report.meta, expected.meta);
    assert_eq!(report.title, expected.title);
    assert_eq!(report.preamble, expected.preamble);
    // `()` subsections without their numeral, the 一是 list, the repeated
    // 五、: all as published.
    assert_sections(report, &expected, &["南芬区人民政府办公室", "2018年3月9日"]);
}
