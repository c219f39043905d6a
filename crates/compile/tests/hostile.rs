//! Hostile datasets: what is only text is accepted and comes out inert in
//! every output the data layer writes; what must not reach a reader is
//! refused with `file:line:column`, never with a panic.

mod common;

use common::{errors_for, line_of, load_valid, repo_file};
use gir_compile::export::data_files;
use gir_compile::load::load_report;
use gir_compile::pipeline::compile_report;
use serde_json::Value;

const HOSTILE: &str = "tests/fixtures/hostile/hostile-payloads.json";

fn hostile_json() -> String {
    repo_file(HOSTILE)
}

fn hostile_value() -> Value {
    serde_json::from_str(&hostile_json()).expect("the fixture is JSON")
}

/// The fixture with one change, written back as the pretty JSON an editor
/// would have (one field per line, so errors name distinct lines).
fn changed(change: impl FnOnce(&mut Value)) -> String {
    let mut value = hostile_value();
    change(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

// ---- what is only text is accepted, and inert ----

#[test]
fn text_payloads_are_accepted_as_text() {
    let report = load_valid(HOSTILE, &hostile_json());
    assert!(report.title.contains(":root{display:none}"));
    assert!(report.figures[0].label.starts_with("=HYPERLINK"));
}

#[test]
fn chart_svgs_carry_payloads_as_escaped_text_only() {
    let compiled = compile_report(load_valid(HOSTILE, &hostile_json()));
    let drawings = compiled
        .drawings_of("chart-hostile")
        .expect("the bar chart is drawn");
    for svg in [&drawings.large, &drawings.medium, &drawings.small] {
        // The drawing's own markup: one svg root, title, desc, shapes, text.
        let opened: Vec<&str> = svg
            .split('<')
            .skip(1)
            .filter(|tag| !tag.starts_with('/'))
            .map(|tag| tag.split([' ', '>', '/']).next().unwrap_or(""))
            .collect();
        for tag in &opened {
            assert!(
                [
                    "svg", "title", "desc", "rect", "text", "line", "polygon", "g", "path",
                    "polyline"
                ]
                .contains(tag),
                "unexpected element <{tag}> in {svg}"
            );
        }
        assert_eq!(opened.iter().filter(|t| **t == "svg").count(), 1);
        for needle in ["<script", "<img", "<style"] {
            assert!(!svg.contains(needle), "{needle} in {svg}");
        }
        assert!(svg.contains("&lt;script&gt;"), "the label is shown as text");
    }
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_start_with_a_quote_and_json_keeps_them() {
    let report = load_valid(HOSTILE, &hostile_json());
    let files = data_files(&report);
    let csv = &files
        .iter()
        .find(|(path, _)| path.ends_with("-figures.csv"))
        .unwrap()
        .1;
    let fields: Vec<&str> = csv
        .lines()
        .skip(1)
        .flat_map(|line| line.split(','))
        .map(|f| f.trim_start_matches('"'))
        .collect();
    assert!(
        fields.iter().any(|f| f.starts_with("'=HYPERLINK(")),
        "{csv}"
    );
    assert!(fields.iter().any(|f| f.starts_with("'+1+1")), "{csv}");
    assert!(fields.iter().any(|f| f.starts_with("'@SUM(A1)")), "{csv}");
    for field in fields {
        assert!(
            !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a formula reaches the spreadsheet: {field}"
        );
    }
    let json = &files
        .iter()
        .find(|(path, _)| path.ends_with("-figures.json"))
        .unwrap()
        .1;
    let json: Value = serde_json::from_str(json).unwrap();
    assert!(json["figures"][0]["label"]
        .as_str()
        .unwrap()
        .starts_with("=HYPERLINK("));
}

// ---- what must not reach a reader is refused ----

#[test]
fn control_characters_in_any_text_field_are_refused_at_their_place() {
    let json = changed(|v| {
        v["sections"][0]["title"] = Value::from("脚本\ncargo:rustc-link-arg=-Wl,--evil");
        v["meta"]["keywords"] = Value::from("关键词\u{c}} .gir{display:none}");
        v["charts"][0]["title"] = Value::from("图表\u{85}");
    });
    let errors = errors_for(&json);
    let title_line = line_of(&json, "cargo:rustc-link-arg");
    let keywords_line = line_of(&json, "\"keywords\"");
    let chart_line = line_of(&json, "图表\u{85}");
    for (line, what) in [
        (title_line, "U+000A"),
        (keywords_line, "U+000C"),
        (chart_line, "U+0085"),
    ] {
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&format!("reports/broken.json:{line}:"))
                    && e.contains(what)
                    && e.contains("control character")),
            "line {line} {what}: {errors:#?}"
        );
    }
    // Nothing in an error message can start a line of build output.
    for error in &errors {
        assert!(
            !error.contains(['\n', '\r', '\u{c}', '\u{85}']),
            "{error:?}"
        );
    }
}

#[test]
fn bidirectional_overrides_are_refused() {
    let json = changed(|v| {
        v["sections"][1]["title"] = Value::from("超长段落\u{202E}txt.exe");
        v["meta"]["publisher"] = Value::from("\u{2066}示例\u{2069}");
    });
    let errors = errors_for(&json);
    let bidi: Vec<&String> = errors
        .iter()
        .filter(|e| e.contains("bidirectional override"))
        .collect();
    assert_eq!(bidi.len(), 3, "{errors:#?}");
    let line = line_of(&json, "txt.exe");
    assert!(
        bidi.iter()
            .any(|e| e.starts_with(&format!("reports/broken.json:{line}:"))),
        "{bidi:?}"
    );
}

#[test]
fn bidirectional_marks_separators_and_inner_byte_order_marks_are_refused() {
    for (c, why) in [
        ('\u{200E}', "a bidirectional mark"),
        ('\u{200F}', "a bidirectional mark"),
        ('\u{061C}', "a bidirectional mark"),
        ('\u{2028}', "a line or paragraph separator"),
        ('\u{2029}', "a line or paragraph separator"),
        ('\u{FEFF}', "a byte-order mark inside the text"),
    ] {
        // In the title (raw) and in a metadata field (as a JSON escape).
        let json = changed(|v| {
            v["title"] = Value::from(format!("申请数{c} 10 - 20 件"));
        });
        let escaped = json.replace(c, &format!("\\u{:04X}", u32::from(c)));
        for (shape, json) in [("raw", &json), ("escaped", &escaped)] {
            let errors = errors_for(json);
            let line = line_of(json, "10 - 20 件");
            assert!(
                errors
                    .iter()
                    .any(|e| e.starts_with(&format!("reports/broken.json:{line}:"))
                        && e.contains(why)
                        && e.contains(&format!("U+{:04X}", u32::from(c)))),
                "U+{:04X} {shape}: {errors:#?}",
                u32::from(c)
            );
        }
    }
}

#[test]
fn a_leading_byte_order_mark_is_removed_before_the_dataset_is_read() {
    let json = repo_file("assets/reports/nanfen-2017.json");
    let bytes = [b"\xEF\xBB\xBF".as_slice(), json.as_bytes()].concat();
    let text = gir_compile::load::dataset_text("nanfen-2017.json", bytes).unwrap();
    assert_eq!(text, json);
    assert!(load_report("nanfen-2017.json", &text).is_ok());
}

#[test]
fn the_report_id_follows_the_id_rules() {
    for (id, needle) in [
        ("../../x", "must use only ASCII letters"),
        ("\"]) {} :root{display:none}", "must use only ASCII letters"),
        ("", "an id is empty"),
    ] {
        let json = changed(|v| v["id"] = Value::from(id));
        let errors = errors_for(&json);
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "{id}: {errors:#?}"
        );
    }
}

#[test]
fn the_report_id_is_short_and_never_a_page_of_the_site() {
    for id in [
        "index",
        "portal-demo",
        "portal-iframe",
        "year-2021",
        "body-0123456789",
        "gir-viewer",
        "gir-library",
        "viewer-1b5cd018de171c48_bg",
        "demo-portal",
    ] {
        let json = changed(|v| v["id"] = Value::from(id));
        let errors = errors_for(&json);
        let line = line_of(&json, &format!("\"id\": \"{id}\""));
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&format!("reports/broken.json:{line}:"))
                    && e.contains("is the name of a page the site writes for itself")),
            "{id}: {errors:#?}"
        );
    }
    let long = "a".repeat(65);
    let errors = errors_for(&changed(|v| v["id"] = Value::from(long.as_str())));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("the report's id has 65 characters: at most 64")),
        "{errors:#?}"
    );
    // At the limit, and names that only resemble the site's, are ids.
    for id in [
        "a".repeat(64),
        "indexes".into(),
        "my-year-2021".into(),
        "yearly".into(),
    ] {
        let json = changed(|v| v["id"] = Value::from(id.as_str()));
        if let Err(errors) = load_report("reports/broken.json", &json) {
            assert!(
                !errors.iter().any(|e| e.message.contains("the report's id")),
                "{id}: {errors:#?}"
            );
        }
    }
}

#[test]
fn declared_ids_cannot_take_the_shape_of_generated_ones() {
    for (path, id, generated) in [
        (
            "/sections/0/blocks/0/paragraph/id",
            "hostile-payloads-body",
            "the body of report",
        ),
        (
            "/sections/0/blocks/0/paragraph/id",
            "hostile-payloads-title",
            "the title of report",
        ),
        (
            "/sections/0/blocks/0/paragraph/id",
            "sec-2-heading",
            "the heading of section",
        ),
        (
            "/sections/1/blocks/0/paragraph/id",
            "chart-hostile-caption",
            "the caption of chart",
        ),
        (
            "/sections/1/blocks/0/paragraph/id",
            "chart-hostile-table",
            "the data table of chart",
        ),
        ("/figures/2/id", "sec-1-p1-q1", "a quoted sentence"),
    ] {
        let json = changed(|v| {
            let old = v.pointer(path).unwrap().as_str().unwrap().to_string();
            *v.pointer_mut(path).unwrap() = Value::from(id);
            // Keep the references to a renamed paragraph pointing at it.
            if let Some(figures) = v["figures"].as_array_mut() {
                for figure in figures {
                    if figure["source"]["anchor"] == old.as_str() {
                        figure["source"]["anchor"] = Value::from(id);
                    }
                }
            }
        });
        let errors = errors_for(&json);
        let line = line_of(&json, &format!("\"id\": \"{id}\""));
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&format!("reports/broken.json:{line}:"))
                    && e.contains("the shape of an id the viewer generates")
                    && e.contains(generated)),
            "{id}: {errors:#?}"
        );
    }
}

#[test]
fn a_report_without_title_or_sections_is_refused() {
    let json = changed(|v| v["title"] = Value::from("  "));
    let errors = errors_for(&json);
    assert!(
        errors.iter().any(|e| e.contains("the report has no title")
            && e.starts_with(&format!(
                "reports/broken.json:{}:",
                line_of(&json, "\"title\": \"  \"")
            ))),
        "{errors:#?}"
    );
    let json = changed(|v| {
        v["sections"] = Value::Array(Vec::new());
        v["figures"] = Value::Array(Vec::new());
        v["charts"] = Value::Array(Vec::new());
    });
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("the report has no sections")),
        "{errors:#?}"
    );
}

#[test]
fn oversized_text_and_headings_are_refused() {
    let json = changed(|v| {
        v["sections"][1]["blocks"][0]["paragraph"]["text"] = Value::from("长".repeat(70_000));
    });
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("bytes of text: at most 204800")),
        "{errors:#?}"
    );
    let json = changed(|v| v["sections"][0]["title"] = Value::from("题".repeat(2001)));
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("characters: a heading has at most 2000")
                && e.starts_with(&format!(
                    "reports/broken.json:{}:",
                    line_of(&json, &"题".repeat(50))
                ))),
        "{errors:#?}"
    );
    // 50 MB is refused before it is parsed.
    let huge = format!(
        "{{\"id\": \"x\", \"pad\": \"{}\"}}",
        "x".repeat(2 * 1024 * 1024)
    );
    let errors = load_report("huge.json", &huge).unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .starts_with("huge.json:1:1: the file is"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_unit_the_stated_words_do_not_say_is_refused() {
    let json = changed(|v| v["figures"][0]["unit"] = Value::from("件".repeat(60)));
    let errors = errors_for(&json);
    let line = line_of(&json, "\"unit\": \"件件");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("reports/broken.json:{line}:"))
                && e.contains("is not in the stated text")),
        "{errors:#?}"
    );
}

#[test]
fn parts_whose_sum_overflows_are_an_error_not_a_panic() {
    let json = changed(|v| {
        let figures = v["figures"].as_array_mut().unwrap();
        for figure in figures.iter_mut().skip(1) {
            figure["value"] = Value::from(u64::MAX);
        }
        figures[0]["parts"] = serde_json::json!(["fig-items", "fig-trainings"]);
    });
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("parts sum to more than 18446744073709551615")),
        "{errors:#?}"
    );
}
