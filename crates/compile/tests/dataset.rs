//! The embedded dataset against the published seed, and the loader's errors.

mod common;

use common::{errors_for, line_of, load_valid, repo_file, sha256_hex};

use gir_compile::pipeline::{compile_report, quotes_in, source_anchor};
use gir_model::bundle::segments;
use gir_model::report::{Block, Bound, ChartKind, Measure, Report};

const DATASET: &str = "assets/reports/nanfen-2017.json";
/// A copy of the published seed (`shared/seeds/000_3ec03d522cbb5947.txt`).
const SEED_COPY: &str = "tests/fixtures/seed-nanfen-2017.txt";
/// The SHA-256 of the published seed file: the copy is the publication's text.
const SEED_SHA256: &str = "ba092fa8939fb8e252710d50bdd855b7a16f1dda5ed6437ffc953dc5eac41a7a";

fn dataset_json() -> String {
    repo_file(DATASET)
}

fn seed_report() -> Report {
    load_valid(DATASET, &dataset_json())
}

fn seed_text() -> String {
    repo_file(SEED_COPY)
}

#[test]
fn seed_copy_is_byte_identical_to_the_published_seed() {
    assert_eq!(
        sha256_hex(&seed_text()),
        SEED_SHA256,
        "{SEED_COPY} is not the published seed"
    );
}

#[test]
fn dataset_text_is_the_published_text_line_for_line() {
    let seed = seed_text();
    let lines: Vec<&str> = seed.lines().collect();
    let time_line = lines
        .iter()
        .position(|l| l.starts_with("发布时间"))
        .expect("seed has 发布时间");
    let published: Vec<&str> = lines[time_line + 1..]
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let report = seed_report();
    let ours = report.text_lines();
    for (index, (want, got)) in published.iter().zip(&ours).enumerate() {
        assert_eq!(got, want, "line {} of the report body differs", index + 1);
    }
    assert_eq!(
        ours.len(),
        published.len(),
        "number of headings and paragraphs"
    );
    // The title line printed above 发布时间.
    assert_eq!(lines[time_line - 2], report.title);
}

/// `索引号: 发布机构: 南芬区人民政府` → pairs, using the labels the portal prints
/// (`文 号` has a space in the seed).
fn header_fields(header: &str) -> Vec<(String, String)> {
    const LABELS: [&str; 9] = [
        "索引号",
        "发布机构",
        "信息名称",
        "主题分类",
        "发布日期",
        "成文日期",
        "废止日期",
        "文 号",
        "关键词",
    ];
    let mut marks: Vec<(usize, &str)> = LABELS
        .iter()
        .map(|l| {
            (
                header
                    .find(&format!("{l}:"))
                    .unwrap_or_else(|| panic!("header lacks {l}")),
                *l,
            )
        })
        .collect();
    marks.sort();
    marks
        .iter()
        .enumerate()
        .map(|(i, (start, label))| {
            let value_start = start + label.len() + ":".len();
            let end = marks.get(i + 1).map(|m| m.0).unwrap_or(header.len());
            (
                label.replace(' ', ""),
                header[value_start..end].trim().to_string(),
            )
        })
        .collect()
}

#[test]
fn metadata_is_the_published_header_with_empty_fields_empty() {
    let seed = seed_text();
    let header: String = seed.lines().take(5).collect::<Vec<_>>().join("\n");
    let report = seed_report();
    let ours = report.meta.fields();
    for (label, value) in header_fields(&header) {
        let (_, got) = ours.iter().find(|(l, _)| *l == label).unwrap();
        assert_eq!(*got, value, "metadata {label}");
    }
    for empty in ["索引号", "废止日期", "文号", "关键词"] {
        assert_eq!(
            ours.iter().find(|(l, _)| *l == empty).unwrap().1,
            "",
            "{empty} is empty as published"
        );
    }
    let time_line = seed.lines().find(|l| l.starts_with("发布时间")).unwrap();
    assert!(time_line.contains(&report.meta.published_at), "{time_line}");
    assert_eq!(report.meta.published_at, "2018-03-09 13:34:24");
}

#[test]
fn published_flaws_are_kept() {
    let report = seed_report();
    let labels: Vec<&str> = report.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        ["一、", "二、", "三、", "五、", "四、", "五、", "六、", "七、", "八、"]
    );
    let text = report.text_lines().join("\n");
    assert_eq!(
        text.matches("\n()").count(),
        3,
        "three subsection markers printed as ()"
    );
    assert!(text.contains("涉及18政府部门"), "18政府部门 without 个");
    assert!(text.contains("工作的的主动性"), "doubled 的 as published");
}

#[test]
fn every_figure_in_the_report_formats_doc_is_in_the_dataset() {
    let report = seed_report();
    let expect = |id: &str, value: u64, unit: &str, bound: Bound| {
        let f = report.figure(id).unwrap_or_else(|| panic!("figure {id}"));
        assert_eq!(
            (f.value, f.unit.as_str(), f.bound),
            (value, unit, bound),
            "{id}"
        );
        f
    };
    let total = expect("pub-total", 1633, "条", Bound::Exact);
    assert_eq!(total.parts, ["pub-overview", "pub-news", "pub-catalog"]);
    expect("pub-overview", 12, "条", Bound::Exact);
    expect("pub-news", 1182, "条", Bound::Exact);
    expect("pub-catalog", 439, "条", Bound::Exact);
    expect("event-departments", 22, "家", Bound::Exact);
    expect("event-banners", 10, "幅", Bound::MoreThan);
    expect("event-boards", 20, "块", Bound::MoreThan);
    expect("event-leaflets", 2000, "份", Bound::MoreThan);
    expect("columns-adjusted", 4, "个", Bound::Exact);
    expect("service-items", 201, "项", Bound::Exact);
    expect("service-departments", 18, "", Bound::Exact);
    expect("service-cooperating", 21, "家", Bound::Exact);
    let proposals = expect("proposals-total", 22, "件", Bound::Exact);
    let parts: Vec<u64> = proposals
        .parts
        .iter()
        .map(|p| report.figure(p).unwrap().value)
        .collect();
    assert_eq!(parts, [5, 6, 6, 2, 3]);
    expect("appeals", 113, "件", Bound::Exact);
    expect("interactions", 90, "件", Bound::Exact);
    expect("counties", 119, "个", Bound::Exact);
    for rank in ["rank-province", "rank-city"] {
        let f = expect(rank, 1, "", Bound::Exact);
        assert_eq!(f.measure, Measure::Rank);
        assert_eq!(f.display_value(), "第1名");
    }
    for zero in ["complaints", "reviews", "lawsuits", "applications"] {
        expect(zero, 0, "", Bound::Exact);
    }
    assert_eq!(
        report.figure("event-banners").unwrap().display_value(),
        "10余幅"
    );
}

#[test]
fn figures_quote_their_paragraph() {
    let report = seed_report();
    for figure in &report.figures {
        let (_, text) = report
            .locate(&figure.source.anchor)
            .expect("source paragraph exists");
        assert!(text.contains(&figure.source.quote), "{}", figure.id);
        assert!(
            figure.source.quote.contains(&figure.stated),
            "{}",
            figure.id
        );
    }
}

#[test]
fn compiled_report_has_a_drawing_per_bar_chart_and_editorial_notes() {
    let compiled = compile_report(seed_report());
    let bar_charts: Vec<&str> = compiled
        .report
        .charts
        .iter()
        .filter(|c| c.kind == ChartKind::Bars)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(bar_charts.len(), 3);
    for id in bar_charts {
        let drawing = compiled.drawings_of(id).unwrap();
        for svg in [&drawing.large, &drawing.medium, &drawing.small] {
            assert!(svg.starts_with("<svg"), "{id}");
        }
        assert_ne!(
            drawing.large, drawing.small,
            "{id}: one layout per 字体 size"
        );
    }
    assert!(
        compiled.drawings_of("chart-zero").is_none(),
        "zeros are stated, not drawn"
    );
    let notes = compiled.notes.join("\n");
    assert!(
        notes.contains("一、二、三、五、四、五、六、七、八、"),
        "{notes}"
    );
    assert!(notes.contains("第4个章节标号为“五、”"), "{notes}");
    assert!(
        notes.contains("“五、”重复出现(第4个、第6个章节)"),
        "{notes}"
    );
    assert_eq!(notes.matches("缺少数字").count(), 3, "{notes}");
}

// ---- malformed datasets: file, line, and what is wrong ----

#[test]
fn invalid_json_names_file_line_and_column() {
    let json = dataset_json().replacen("\"title\": \"南芬区", "\"title\" \"南芬区", 1);
    let line = line_of(&json, "\"title\" \"南芬区");
    let errors = errors_for(&json);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(&format!("reports/broken.json:{line}:")),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains("expected `:`"), "{}", errors[0]);
}

#[test]
fn a_missing_field_is_named() {
    let json = dataset_json().replacen("\"unit\": \"条\",", "", 1);
    let errors = errors_for(&json);
    assert!(errors[0].contains("missing field `unit`"), "{errors:?}");
}

#[test]
fn a_part_that_does_not_sum_names_the_total_and_its_line() {
    let original = dataset_json();
    let json = original.replacen("\"value\": 1182,", "\"value\": 1183,", 1);
    let errors = errors_for(&json);
    let total_parts_line = {
        let id_line = line_of(&json, "\"id\": \"pub-total\"");
        id_line
            + json
                .lines()
                .skip(id_line - 1)
                .position(|l| l.contains("\"parts\":"))
                .unwrap()
    };
    let parts_error = errors
        .iter()
        .find(|e| e.contains("parts sum"))
        .expect("parts error");
    assert!(
        parts_error.starts_with(&format!("reports/broken.json:{total_parts_line}:")),
        "{parts_error}"
    );
    assert!(
        parts_error.contains("parts sum to 1634 (12 + 1183 + 439), but the total is 1633"),
        "{parts_error}"
    );
    let value_error = errors
        .iter()
        .find(|e| e.contains("\"pub-news\" value"))
        .expect("value error");
    assert!(
        value_error.starts_with(&format!(
            "reports/broken.json:{}:",
            line_of(&json, "\"value\": 1183")
        )),
        "{value_error}"
    );
}

#[test]
fn a_quote_not_in_its_paragraph_is_reported() {
    let json = dataset_json().replacen(
        "信息公开目录信息更新439条。",
        "信息公开目录信息更新439条!",
        1,
    );
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("\"pub-overview\" quote: quote is not found")),
        "{errors:?}"
    );
}

#[test]
fn a_more_than_value_must_say_so() {
    let json = dataset_json().replacen("\"bound\": \"more_than\",", "\"bound\": \"exact\",", 1);
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("\"event-banners\" bound: \"10余幅\" says 余")),
        "{errors:?}"
    );
}

#[test]
fn duplicate_ids_and_dangling_references_are_reported() {
    let json = dataset_json()
        .replacen("\"id\": \"sec-3\"", "\"id\": \"sec-2\"", 1)
        .replacen(
            "\"pub-news\",\n        \"pub-catalog\"\n      ],\n      \"notes\"",
            "\"pub-nonexistent\",\n        \"pub-catalog\"\n      ],\n      \"notes\"",
            1,
        );
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("id \"sec-2\" is used more than once")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("figure \"pub-nonexistent\" does not exist")),
        "{errors:?}"
    );
}

/// The messages the checks give chart `id` of the seed once it is drawn as
/// bars.
fn messages_as_bars(id: &str) -> Vec<String> {
    let mut report = seed_report();
    report.charts.iter_mut().find(|c| c.id == id).unwrap().kind = ChartKind::Bars;
    gir_compile::checks::check_report(&report)
        .into_iter()
        .filter(|p| p.id == id)
        .map(|p| p.message)
        .collect()
}

#[test]
fn the_seed_has_no_problems_and_zero_charts_must_be_facts() {
    assert!(gir_compile::checks::check_report(&seed_report()).is_empty());
    let messages = messages_as_bars("chart-zero");
    assert!(
        messages.iter().any(|m| m.contains("every value is zero")),
        "{messages:?}"
    );
}

#[test]
fn a_bar_chart_compares_like_with_like() {
    // The seed states its “5·15” figures (22家, 10余幅, 20余块) in a box: as
    // bars on one scale they would compare departments with banners.
    let seed = seed_report();
    let chart = seed.charts.iter().find(|c| c.id == "chart-event-515");
    assert_eq!(chart.unwrap().kind, ChartKind::Facts);
    assert_eq!(
        messages_as_bars("chart-event-515"),
        ["a bar chart draws its figures on one scale, but \"event-departments\" is in “家” and \"event-banners\" in “幅”: chart one unit per chart, or state them with kind \"facts\""]
    );
    // A unitless count (18 政府部门) is no more like 21家.
    let messages = messages_as_bars("chart-services");
    assert!(
        messages.iter().any(|m| m.contains("in no unit")),
        "{messages:?}"
    );
}

#[test]
fn data_files_hold_every_figure_as_csv_with_bom_and_as_json() {
    let report = seed_report();
    let files = gir_compile::export::data_files(&report);
    let file = |path: &str| {
        files
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("{path} not written"))
            .1
            .clone()
    };
    assert_eq!(files.len(), 2 + report.charts.len());
    let csv = file("data/nanfen-2017-figures.csv");
    assert!(
        csv.starts_with(
            "\u{FEFF}编号,项目,数值,单位,计量,精确度,原文表述,出处段落,原文句子,组成部分\r\n"
        ),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + report.figures.len());
    assert!(
        csv.contains("\r\nevent-banners,悬挂宣传条幅,10,幅,数量,多于(余),10余幅,sec-1-sub3,"),
        "{csv}"
    );
    assert!(csv
        .contains("pub-total,政务网站公开政府信息,1633,条,数量,精确,公开政府信息1633条,sec-2-p1,"));
    // A quote with commas is quoted, RFC 4180 style.
    assert!(
        csv.contains(",\"2017年,政务网站公开政府信息1633条,"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&file("data/nanfen-2017-figures.json")).unwrap();
    assert_eq!(json["report"], "nanfen-2017");
    assert_eq!(
        json["figures"].as_array().unwrap().len(),
        report.figures.len()
    );
    assert_eq!(json["figures"][0]["value"], 1633);
    let chart = file("data/nanfen-2017-chart-proposals.csv");
    assert_eq!(
        chart.lines().count(),
        1 + 6,
        "five fields and the total: {chart}"
    );
}

#[test]
fn quoted_sentences_get_anchors_and_segments_keep_the_text() {
    let report = seed_report();
    let (_, printed) = report.locate("sec-7-p1").unwrap();
    let quotes = quotes_in(&report, "sec-7-p1", &printed);
    assert_eq!(
        quotes.len(),
        2,
        "the 民心网 sentence and the zero-complaints sentence"
    );
    assert_eq!(quotes[0].2, "sec-7-p1-q1");
    let banners = report.figure("event-banners").unwrap();
    assert_eq!(source_anchor(&report, banners), "sec-1-sub3-q1");
    let sub = match &report.sections[0].blocks[3] {
        Block::Subsection(s) => s.clone(),
        other => panic!("{other:?}"),
    };
    // The compiled report carries the same anchors, found at build time.
    let compiled = compile_report(report.clone());
    assert_eq!(compiled.source_anchor(banners), "sec-1-sub3-q1");
    let spans = compiled.quote_spans(&sub.id);
    assert_eq!(spans.len(), 2);
    let segments = segments(&sub.text, sub.label.len() + sub.title.len(), spans);
    let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, sub.text, "segmenting never changes the text");
    let quoted: Vec<&str> = segments
        .iter()
        .filter(|s| s.anchor.is_some())
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(quoted.len(), 2);
    assert!(
        quoted[1].starts_with("累计发放") && quoted[1].ends_with("2000余份。"),
        "{quoted:?}"
    );
}
