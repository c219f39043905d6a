//! The subcommands as a user runs them: output, exit status, files written.
//! Most tests call the command line in-process ([`run`]); the last ones run
//! the built binary.

use report_viewer::cli::{run, EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const DATASET: &str = "assets/reports/nanfen-2017.json";
const SAMPLE_2021: &str = "tests/fixtures/reports/sample-2021.json";
const SEED: &str = "tests/fixtures/seed-nanfen-2017.txt";

fn repo_path(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
        .display()
        .to_string()
}

fn repo_file(relative: &str) -> String {
    std::fs::read_to_string(repo_path(relative)).unwrap()
}

/// A fresh folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-viewer-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Ran {
    status: i32,
    out: String,
    err: String,
}

fn cli(args: &[&str]) -> Ran {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(
        std::iter::once("report-viewer").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    Ran {
        status,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

fn no_control_characters(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c != '\n' && gir_compile::text::forbidden(c).is_some()),
        "{text:?}"
    );
}

// ---- check ----

#[test]
fn check_of_the_seed_is_clean_with_its_editorial_notes() {
    let dataset = repo_path(DATASET);
    let ran = cli(&["check", &dataset]);
    assert_eq!(ran.status, EXIT_OK, "{}{}", ran.out, ran.err);
    let lines: Vec<&str> = ran.out.lines().collect();
    assert_eq!(lines.len(), 5, "{}", ran.out);
    // Placed at the sections, where the numbering is.
    let sections_line = repo_file(DATASET)
        .lines()
        .position(|l| l.contains("\"sections\":"))
        .unwrap()
        + 1;
    for line in &lines {
        assert!(
            line.starts_with(&format!(
                "{dataset}:{sections_line}:3: note: editorial note"
            )),
            "{line}"
        );
    }
    assert!(ran.out.contains("“五、”重复出现"));
    assert_eq!(
        ran.err,
        "checked 1 file(s): 0 problem(s), 0 warning(s), 5 note(s)\n"
    );
}

#[test]
fn broken_rules_are_warnings_at_their_row_and_the_status_stays_0() {
    let sample = repo_path(SAMPLE_2021);
    let ran = cli(&["check", &sample]);
    assert_eq!(ran.status, EXIT_OK, "{}{}", ran.out, ran.err);
    let warnings: Vec<&str> = ran
        .out
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert!(!warnings.is_empty(), "{}", ran.out);
    let json = repo_file(SAMPLE_2021);
    for warning in warnings {
        assert!(warning.contains("数据校验 sec-"), "{warning}");
        // file:line:column: — the line holds the row's cells.
        let rest = warning.strip_prefix(&format!("{sample}:")).unwrap();
        let line: usize = rest.split(':').next().unwrap().parse().unwrap();
        assert!(
            json.lines().nth(line - 1).unwrap().contains("\"cells\""),
            "{warning}"
        );
    }
}

/// The seed with two figure candidates (its 10余幅 and 20余块, proposed), the
/// second with the value `boards`.
fn seed_with_candidates(boards: u64) -> String {
    let candidate = |id: &str, label: &str, value: u64, unit: &str, stated: &str| {
        serde_json::json!({
            "id": id, "label": label, "value": value, "unit": unit,
            "measure": "count", "bound": "more_than", "stated": stated,
            "source": {
                "anchor": "sec-1-sub3",
                "quote": "全区22家有关职能部门在广场设立政策咨询点,悬挂宣传条幅10余幅,各类展板20余块,全面公开部门职责、咨询投诉电话、审批程序、执法依据以及其他便民事项。"
            },
            "parts": []
        })
    };
    let candidates = serde_json::to_string_pretty(&[
        candidate("candidate-1", "悬挂宣传条幅", 10, "幅", "10余幅"),
        candidate("candidate-2", "各类展板", boards, "块", "20余块"),
    ])
    .unwrap();
    repo_file(DATASET).replacen(
        "\n  \"charts\": [",
        &format!("\n  \"figure_candidates\": {candidates},\n  \"charts\": ["),
        1,
    )
}

#[test]
fn figure_candidates_are_one_warning_per_file_and_the_status_stays_0() {
    let dir = scratch("candidates");
    let json = seed_with_candidates(20);
    let file = dir.join("candidates.json");
    std::fs::write(&file, &json).unwrap();
    let file = file.display().to_string();
    let line = json
        .lines()
        .position(|l| l.starts_with("  \"figure_candidates\": ["))
        .expect("the candidates are written")
        + 1;
    let ran = cli(&["check", &file, &repo_path(DATASET)]);
    assert_eq!(ran.status, EXIT_OK, "{}{}", ran.out, ran.err);
    let warnings: Vec<&str> = ran
        .out
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(
        warnings,
        [format!(
            "{file}:{line}:3: warning: 2 figure candidate(s) await confirmation (checked, never charted or shipped): compare each with the publication, then move it into \"figures\" or delete it"
        )],
        "{}",
        ran.out
    );
    assert_eq!(
        ran.err,
        "checked 2 file(s): 0 problem(s), 1 warning(s), 10 note(s)\n"
    );
    let ran = cli(&["check", "--format", "json", &file]);
    assert_eq!(ran.status, EXIT_OK);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&ran.out).unwrap();
    let warnings: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["severity"] == "warning")
        .collect();
    assert_eq!(warnings.len(), 1, "{findings:?}");
    assert_eq!(warnings[0]["line"], line);
    assert_eq!(warnings[0]["column"], 3);
    assert!(warnings[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("2 figure candidate(s) await confirmation"));
    // A broken candidate is a problem like a broken figure.
    std::fs::write(&file, seed_with_candidates(21)).unwrap();
    let ran = cli(&["check", &file]);
    assert_eq!(ran.status, EXIT_PROBLEMS, "{}", ran.out);
    assert!(
        ran.out
            .contains("\"candidate-2\" value: value 21 is not what \"20余块\" says"),
        "{}",
        ran.out
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn problems_in_a_compact_dataset_are_placed_on_its_one_line() {
    let dir = scratch("compact");
    let value: serde_json::Value = serde_json::from_str(&repo_file(DATASET)).unwrap();
    let json =
        serde_json::to_string(&value)
            .unwrap()
            .replacen("\"value\":1182", "\"value\":1183", 1);
    let file = dir.join("compact.json");
    std::fs::write(&file, &json).unwrap();
    let file = file.display().to_string();
    let ran = cli(&["check", &file]);
    assert_eq!(ran.status, EXIT_PROBLEMS);
    let news = json.find("\"id\":\"pub-news\"").unwrap();
    let value = news + json[news..].find("\"value\"").unwrap();
    let column = json[..value].chars().count() + 1;
    assert!(
        ran.out
            .lines()
            .any(|l| l.starts_with(&format!("{file}:1:{column}: \"pub-news\" value"))),
        "{}",
        ran.out
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn json_output_lists_file_line_column_severity_and_message() {
    let dir = scratch("json");
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        repo_file(DATASET).replacen("\"title\": \"南芬区", "\"title\": \"\\u202e南芬区", 1),
    )
    .unwrap();
    let broken = broken.display().to_string();
    let missing = dir.join("missing.json").display().to_string();
    let sample = repo_path(SAMPLE_2021);
    let ran = cli(&["check", "--format", "json", &sample, &broken, &missing]);
    assert_eq!(ran.status, EXIT_UNREADABLE, "an unreadable input wins");
    let findings: Vec<serde_json::Value> = serde_json::from_str(&ran.out).unwrap();
    let of = |file: &str| -> Vec<&serde_json::Value> {
        findings.iter().filter(|f| f["file"] == file).collect()
    };
    assert!(of(&sample).iter().all(|f| f["severity"] == "warning"));
    let broken_findings = of(&broken);
    assert_eq!(broken_findings.len(), 1, "{broken_findings:?}");
    let finding = broken_findings[0];
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["line"], 16);
    assert_eq!(finding["column"], 13);
    assert!(finding["message"]
        .as_str()
        .unwrap()
        .contains("bidirectional override"));
    let missing_findings = of(&missing);
    assert_eq!(missing_findings[0]["line"], serde_json::Value::Null);
    assert!(missing_findings[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("cannot read:"));
    assert_eq!(
        missing_findings[0].as_object().unwrap().len(),
        5,
        "file, line, column, severity, message"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn nothing_is_printed_with_a_raw_control_character() {
    let dir = scratch("controls");
    let name = dir.join("bad\u{1b}[31mname\u{202e}.json");
    std::fs::write(
        &name,
        repo_file(DATASET).replacen("\"id\": \"sec-1\"", "\"id\": \"sec\\n1\"", 1),
    )
    .unwrap();
    let name = name.display().to_string();
    for args in [
        vec!["check", name.as_str()],
        vec![
            "check",
            "--format",
            "text",
            name.as_str(),
            "nowhere\u{7}.json",
        ],
        vec!["render", name.as_str()],
        vec!["check", "--bogus\u{1b}"],
    ] {
        let ran = cli(&args);
        assert_ne!(ran.status, EXIT_OK, "{args:?}");
        no_control_characters(&ran.out);
        no_control_characters(&ran.err);
    }
    let ran = cli(&["check", &name]);
    assert!(
        ran.out.contains("bad\\u{001B}[31mname\\u{202E}.json:"),
        "{}",
        ran.out
    );
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- render ----

#[test]
fn render_writes_one_page_with_its_stylesheet_in_it_and_nothing_else() {
    let dir = scratch("render");
    let out = dir.join("nanfen.html");
    // A stylesheet of an earlier version's, which render must leave alone.
    std::fs::write(dir.join("nanfen.preview.css"), "mine").unwrap();
    let ran = cli(&[
        "render",
        &repo_path(DATASET),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(ran.status, EXIT_OK, "{}", ran.err);
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("rel=\"stylesheet\""), "nothing linked");
    let css = &page[page.find("<style>").expect("the stylesheet is in the page")..];
    assert!(css.contains(".gir"));
    assert!(css.contains("@page gir-nanfen-2017"));
    assert!(page.contains("南芬区2017年度政府信息公开工作报告</h1>"));
    assert!(
        page.contains(r#"id="sec-9-item4""#),
        "every block is rendered"
    );
    assert!(!page.contains("<script"), "a preview runs no script");
    assert!(!page.contains("<!--<["), "no hydration markers");
    assert!(ran.err.contains("no script"), "{}", ran.err);
    // Exactly the file asked for: the folder holds it and what was there.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["nanfen.html", "nanfen.preview.css"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("nanfen.preview.css")).unwrap(),
        "mine"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn render_to_standard_output_carries_its_stylesheet_or_links_the_one_given() {
    let ran = cli(&["render", &repo_path(DATASET)]);
    assert_eq!(ran.status, EXIT_OK);
    assert!(ran.out.contains("<style>"), "the stylesheet in the page");
    assert!(!ran.out.contains("rel=\"stylesheet\""));
    assert!(ran.err.is_empty(), "{}", ran.err);
    let ran = cli(&[
        "render",
        &repo_path(DATASET),
        "--stylesheet",
        "/css/a b.css",
    ]);
    assert!(ran.out.contains(r#"href="/css/a b.css""#));
    assert!(!ran.out.contains("<style>"));
    assert!(ran.err.is_empty(), "{}", ran.err);
}

#[test]
fn render_of_a_broken_dataset_prints_its_problems() {
    let dir = scratch("render-broken");
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        repo_file(DATASET).replacen("\"value\": 1182,", "\"value\": 1183,", 1),
    )
    .unwrap();
    let out = dir.join("page.html");
    let ran = cli(&[
        "render",
        &broken.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(ran.status, EXIT_PROBLEMS);
    assert!(ran.err.contains("\"pub-news\" value"), "{}", ran.err);
    assert!(!out.exists());
    let ran = cli(&["render", &dir.join("none.json").display().to_string()]);
    assert_eq!(ran.status, EXIT_UNREADABLE);
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- import ----

#[test]
fn import_of_the_seed_writes_a_dataset_the_build_accepts() {
    let dir = scratch("import");
    let out = dir.join("nanfen-2017.json");
    let ran = cli(&[
        "import",
        &repo_path(SEED),
        "--id",
        "nanfen-2017",
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(ran.status, EXIT_OK, "{}", ran.err);
    assert!(ran.out.is_empty());
    let json = std::fs::read_to_string(&out).unwrap();
    let report = gir_compile::load::load_report("x", &json).unwrap();
    assert_eq!(report.sections.len(), 9);
    let err: Vec<&str> = ran.err.lines().collect();
    assert!(
        err[0].ends_with("seed-nanfen-2017.txt:9: dropped portal chrome “【字体:”"),
        "{err:?}"
    );
    assert!(
        err[1].ends_with("figures: 22 number(s) with units proposed as \"figure_candidates\" (never charted until confirmed): compare each with the publication, move the ones to show into \"figures\" and add charts (docs/dataset.md)"),
        "{err:?}"
    );
    assert!(
        err[2].starts_with(&format!(
            "wrote {}: “南芬区2017年度政府信息公开工作报告”, 9 section(s), 10 paragraph(s), 4 subsection(s), 1 list(s), 0 table(s) (narrative format); 6 metadata field(s) filled; 22 figure candidate(s)",
            out.display()
        )),
        "{err:?}"
    );
    assert_eq!(err.len(), 3);
    // check agrees.
    assert_eq!(cli(&["check", &out.display().to_string()]).status, EXIT_OK);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn import_names_a_report_after_its_file_but_never_after_a_page_of_the_site() {
    let dir = scratch("import-names");
    for (stem, expected) in [
        ("index", "report-index".to_string()),
        ("year-2021", "report-year-2021".to_string()),
        ("南芬区 2017", "2017".to_string()),
        (&"n".repeat(80), "n".repeat(57)),
    ] {
        let input = dir.join(format!("{stem}.txt"));
        std::fs::copy(repo_path(SEED), &input).unwrap();
        let out = dir.join("out.json");
        let ran = cli(&[
            "import",
            &input.display().to_string(),
            "-o",
            &out.display().to_string(),
        ]);
        assert_eq!(ran.status, EXIT_OK, "{stem}: {}", ran.err);
        let report =
            gir_compile::load::load_report("x", &std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(report.id, expected, "{stem}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn import_says_what_the_dataset_still_lacks_and_exits_1() {
    let dir = scratch("import-lacking");
    let text = dir.join("no-sections.txt");
    std::fs::write(
        &text,
        "某局2020年政府信息公开工作年度报告\n本年度未收到申请。\n",
    )
    .unwrap();
    let ran = cli(&["import", &text.display().to_string()]);
    assert_eq!(ran.status, EXIT_PROBLEMS, "{}", ran.err);
    assert!(ran.err.contains("no section heading"), "{}", ran.err);
    assert!(
        ran.err.contains("<stdout>:"),
        "placed in the dataset written: {}",
        ran.err
    );
    assert!(
        ran.err.contains("the report has no sections"),
        "{}",
        ran.err
    );
    let report: gir_model::report::Report = serde_json::from_str(&ran.out).unwrap();
    assert_eq!(report.id, "no-sections");
    assert_eq!(report.preamble.len(), 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn import_refuses_what_it_cannot_read() {
    let dir = scratch("import-refused");
    let binary = dir.join("image.png");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0xFF, 0xFF, 0x00, 0x80]).unwrap();
    let ran = cli(&["import", &binary.display().to_string()]);
    assert_eq!(ran.status, EXIT_UNREADABLE);
    assert!(
        ran.err
            .contains("neither UTF-8 (invalid byte at offset 0) nor GB18030/GBK text"),
        "{}",
        ran.err
    );
    let ran = cli(&["import", &dir.join("none.txt").display().to_string()]);
    assert_eq!(ran.status, EXIT_UNREADABLE);
    assert!(ran.err.contains("cannot read"), "{}", ran.err);
    let ran = cli(&["import", &repo_path(SEED), "--id", "南芬"]);
    assert_eq!(ran.status, EXIT_UNREADABLE);
    assert!(ran.err.contains("--id"), "{}", ran.err);
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- help ----

#[test]
fn help_names_the_subcommands_and_what_a_preview_lacks() {
    let ran = cli(&["--help"]);
    assert_eq!(ran.status, EXIT_OK);
    for command in ["import", "check", "render"] {
        assert!(ran.out.contains(command), "{}", ran.out);
    }
    let ran = cli(&["render", "--help"]);
    assert_eq!(ran.status, EXIT_OK);
    assert!(ran.out.contains("runs no script"), "{}", ran.out);
    let ran = cli(&["check"]);
    assert_eq!(ran.status, EXIT_UNREADABLE, "a FILE is required");
}

// ---- the built binary ----

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_report-viewer"))
}

#[test]
fn the_binary_checks_with_its_exit_status() {
    let clean = binary()
        .args(["check", &repo_path(DATASET)])
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(EXIT_OK));
    let stdout = String::from_utf8(clean.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 5);
    assert!(stdout.lines().all(|l| l.contains(": note: ")));
    let missing = binary()
        .args(["check", "no-such-file.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(EXIT_UNREADABLE));
    assert_eq!(
        String::from_utf8(missing.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap_or(""),
        "no-such-file.json: cannot read: No such file or directory (os error 2)"
    );
}

#[test]
fn the_binary_imports_from_standard_input_and_renders() {
    let mut child = binary()
        .args(["import", "-", "--id", "nanfen-2017"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(repo_file(SEED).as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(EXIT_OK));
    let json = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("<stdin>:9: dropped portal chrome"),
        "{stderr}"
    );
    let imported = gir_compile::load::load_report("-", &json).unwrap();
    let shipped = gir_compile::load::load_report(DATASET, &repo_file(DATASET)).unwrap();
    assert_eq!(imported.text_lines(), shipped.text_lines());

    let dir = scratch("binary-render");
    let dataset = dir.join("imported.json");
    std::fs::write(&dataset, &json).unwrap();
    let page = binary()
        .args(["render", &dataset.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(page.status.code(), Some(EXIT_OK));
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(page.contains("南芬区2017年度政府信息公开工作报告</h1>"));
    std::fs::remove_dir_all(dir).unwrap();
}
