//! The round trip: importing the published seed text gives back the shipped
//! seed dataset's text, metadata and ids — and so does the same text in
//! the other shapes it is found in (a portal's copy, a PDF's text layer).

mod common;

use common::repo_file;

use gir_compile::load::load_report;
use gir_model::report::Report;
use report_viewer::cli::dataset_json;
use report_viewer::import::{import_bytes, DropKind, Imported, Options};

const DATASET: &str = "assets/reports/nanfen-2017.json";
/// The published seed, byte for byte (`crates/compile/tests/dataset.rs`
/// checks its digest).
const SEED: &str = "tests/fixtures/seed-nanfen-2017.txt";

fn shipped() -> Report {
    load_report(DATASET, &repo_file(DATASET)).expect("the shipped dataset loads")
}

fn import(text: &str) -> Imported {
    import_bytes(
        text.as_bytes(),
        &Options {
            id: Some("nanfen-2017".into()),
            source_name: Some(SEED.into()),
        },
    )
    .expect("text is imported")
}

/// Everything but the figures and charts, which the importer leaves to the
/// editor: ids, format, metadata, title, preamble, sections and their blocks.
fn assert_text_of_the_seed(imported: &Imported) {
    let shipped = shipped();
    let report = &imported.report;
    assert_eq!(report.text_lines(), shipped.text_lines());
    assert_eq!(report.meta, shipped.meta);
    assert_eq!(report.title, shipped.title);
    assert_eq!(report.format, shipped.format);
    assert_eq!(report.preamble, shipped.preamble);
    for (ours, theirs) in report.sections.iter().zip(&shipped.sections) {
        assert_eq!(ours, theirs, "section {}", theirs.id);
    }
    assert_eq!(report.sections.len(), shipped.sections.len());
    // The figures are proposed as candidates for the editor to confirm
    // (crates/cli/tests/figure_candidates.rs), never as figures.
    assert_eq!(
        Report {
            figure_candidates: Default::default(),
            ..report.clone()
        },
        Report {
            figures: Vec::new(),
            charts: Vec::new(),
            ..shipped
        }
    );
    assert!(report.figures.is_empty() && report.charts.is_empty());
    assert_eq!(report.figure_candidates.0.len(), 22);
}

#[test]
fn the_seed_text_gives_back_the_shipped_dataset_s_text_and_ids() {
    let imported = import(&repo_file(SEED));
    assert_text_of_the_seed(&imported);
    // What the build does with a dataset: it accepts this one as it is.
    let json = dataset_json(&imported).unwrap();
    let loaded = load_report("imported.json", &json).expect("the build accepts the import");
    assert_eq!(loaded, imported.report);
    // What was left out: labels, and the font-size control after 发布时间.
    let chrome: Vec<&str> = imported
        .dropped
        .iter()
        .filter(|d| d.kind != DropKind::Label)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(chrome, ["【字体:"]);
    let labels: Vec<&str> = imported
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::Label)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "索引号:",
            "发布机构:",
            "信息名称:",
            "主题分类:",
            "发布日期:",
            "成文日期:",
            "废止日期:",
            "文 号:",
            "关键词:",
            "发布时间:"
        ]
    );
    let notices: Vec<String> = imported
        .notices
        .iter()
        .map(|n| format!("{:?} {}", n.line, n.message))
        .collect();
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(
        notices[0].starts_with("Some(9) dropped portal chrome"),
        "{notices:#?}"
    );
    assert!(
        notices[1].contains("figures: 22 number(s) with units proposed"),
        "{notices:#?}"
    );
}

#[test]
fn without_an_id_the_file_name_gives_one() {
    let imported = import_bytes(
        repo_file(SEED).as_bytes(),
        &Options {
            id: None,
            source_name: Some(SEED.into()),
        },
    )
    .unwrap();
    assert_eq!(imported.report.id, "seed-nanfen-2017");
}

/// The seed's header, title and 发布时间 line, then its body paragraphs.
fn seed_parts() -> (Vec<String>, String, String, Vec<String>) {
    let seed = repo_file(SEED);
    let lines: Vec<&str> = seed.lines().collect();
    let header = lines[..5].iter().map(|l| l.to_string()).collect();
    let body = lines[9..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.to_string())
        .collect();
    (header, lines[6].to_string(), lines[8].to_string(), body)
}

#[test]
fn a_portal_copy_with_full_width_colons_one_header_line_crlf_and_indents() {
    let (header, title, time, body) = seed_parts();
    let header = header
        .iter()
        .map(|l| l.replace(':', "\u{FF1A}"))
        .collect::<Vec<_>>()
        .join(" | ");
    let mut text = format!("{header}\r\n{title}\r\n{time}\r\n");
    for paragraph in &body {
        text.push_str(&format!("\u{3000}\u{3000}{paragraph}\r\n"));
    }
    text.push_str("【打印本页】 【关闭窗口】\r\n");
    let imported = import(&text);
    assert_text_of_the_seed(&imported);
}

/// The body as a PDF's text layer has it: every paragraph indented and
/// wrapped at 60 columns (a CJK character takes two), a page number between
/// pages with a form feed, headings on lines of their own.
fn as_pdf_text(body: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in body {
        let mut line = String::from("\u{3000}\u{3000}");
        let mut width = 4;
        for c in paragraph.chars() {
            let w = if c.is_ascii() { 1 } else { 2 };
            if width + w > 60 {
                lines.push(std::mem::take(&mut line));
                width = 0;
            }
            line.push(c);
            width += w;
        }
        lines.push(line);
    }
    let mut text = String::new();
    for (n, page) in lines.chunks(25).enumerate() {
        if n > 0 {
            text.push_str(&format!("\n- {n} -\n\u{C}"));
        }
        text.push_str(&page.join("\n"));
    }
    text
}

#[test]
fn a_pdf_text_layer_wrapped_and_paginated() {
    let (header, title, time, body) = seed_parts();
    let pdf = as_pdf_text(&body);
    assert!(pdf.lines().count() > 100, "wrapped");
    let text = format!("{}\n\n{title}\n{time}\n{pdf}\n", header.join("\n"));
    let imported = import(&text);
    assert_text_of_the_seed(&imported);
    let pages: Vec<&str> = imported
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::PageNumber)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(pages, ["- 1 -", "- 2 -", "- 3 -", "- 4 -"]);
    assert!(imported
        .notices
        .iter()
        .any(|n| n.message.starts_with("joined ")));
}

#[test]
fn stray_page_numbers_go_and_a_line_it_cannot_place_is_kept_and_named() {
    let seed = repo_file(SEED).replacen("\n\n二、", "\n\n3\n\n二、", 1) + "\n南芬区人民政府\n";
    let imported = import(&seed);
    let shipped = shipped();
    let mut lines = shipped.text_lines();
    lines.push("南芬区人民政府".into());
    assert_eq!(imported.report.text_lines(), lines);
    assert!(imported
        .dropped
        .iter()
        .any(|d| d.kind == DropKind::PageNumber && d.text == "3"));
    assert!(imported.notices.iter().any(|n| n
        .message
        .contains("“南芬区人民政府” is a short line that is not a heading")));
}

#[test]
fn a_megabyte_of_text_is_imported_whole() {
    // The seed's body many times over, and lines made to tempt every
    // rescanning path: a metadata line a megabyte long, full of spaces and
    // brackets, and a run of lines each a possible heading.
    let seed = repo_file(SEED);
    let mut text = format!("索引号:{}\n", "a 【 ".repeat(100_000));
    text.push_str(&seed);
    while text.len() < 2_000_000 {
        text.push_str(&seed[seed.find("一、总体").unwrap()..]);
        text.push_str(&"(一)\n一是\n1.\n".repeat(100));
    }
    let imported = import(&text);
    let sections = imported.report.sections.len();
    assert!(sections > 9 * 50, "{sections} sections");
    let kept: usize = imported
        .report
        .text_lines()
        .iter()
        .map(|l| l.chars().count())
        .sum();
    assert!(kept > 500_000, "{kept} characters kept");
}
