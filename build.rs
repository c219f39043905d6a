//! Checks every report in `assets/reports/` and compiles them, with their
//! pages, into one bincode bundle that native builds embed. A malformed
//! report stops the build with `file:line:column: what is wrong` for each
//! problem, never a backtrace.

use gir_compile::library::link_reports;
use gir_compile::load::load_report;
use gir_compile::page::page_report;
use gir_compile::pipeline::compile_report;
use gir_compile::text::printable;
use gir_model::bundle::Bundle;
use std::path::{Path, PathBuf};

/// The folders whose `*.json` reports are embedded, `:`-separated; the sample
/// build adds `tests/fixtures/reports`.
const REPORTS_DIRS_VAR: &str = "GIR_REPORTS_DIRS";
const DEFAULT_REPORTS_DIR: &str = "assets/reports";

fn main() {
    println!("cargo:rerun-if-env-changed={REPORTS_DIRS_VAR}");
    let dirs = std::env::var(REPORTS_DIRS_VAR).unwrap_or_else(|_| DEFAULT_REPORTS_DIR.to_string());
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in dirs.split(':').filter(|d| !d.is_empty()) {
        // A folder name that cannot be printed on one line is refused, not
        // echoed into a directive.
        if dir != printable(dir) {
            fail(&[format!(
                "{}: the reports folder's name has control characters",
                printable(dir)
            )]);
        }
        println!("cargo:rerun-if-changed={dir}");
        let mut in_dir: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| fail(&[format!("{dir}: cannot list the reports: {e}")]))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        in_dir.sort();
        files.extend(in_dir);
    }
    if files.is_empty() {
        fail(&[format!("{dirs}: no report (*.json) to embed")]);
    }

    let mut reports = Vec::new();
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        match std::fs::read_to_string(path) {
            Err(e) => errors.push(format!("{name}: cannot read: {e}")),
            Ok(json) => match load_report(&name, &json) {
                Ok(report) => {
                    reports.push(compile_report(report));
                    names.push(name);
                }
                Err(found) => errors.extend(found.iter().map(ToString::to_string)),
            },
        }
    }
    if !errors.is_empty() {
        fail(&errors);
    }
    // A library: each report has its body and year, and no body two
    // reports of a year (the error names both files).
    if reports.len() > 1 {
        if let Err(found) = link_reports(&names, &mut reports) {
            fail(&found.iter().map(ToString::to_string).collect::<Vec<_>>());
        }
    }
    for compiled in &reports {
        for note in &compiled.notes {
            // Report text is data: printed escaped, it can never end the
            // line and start a cargo directive of its own.
            println!(
                "cargo:warning={}: editorial note (text kept as published): {}",
                printable(&compiled.report.id),
                printable(note)
            );
        }
        // Broken 勾稽关系 are data-quality findings, never build errors.
        for found in &compiled.rule_breaks {
            println!(
                "cargo:warning={}: 数据校验 {} (table kept as published): {}",
                printable(&compiled.report.id),
                printable(&found.table_id),
                printable(&found.message)
            );
        }
    }

    // Each report as its page shows it: what the browser gets (the
    // prerender step writes it as the report's data file).
    let pages = reports.iter().map(page_report).collect();
    let bytes = Bundle { reports, pages }.encode();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundle.bin");
    std::fs::write(&out, bytes)
        .unwrap_or_else(|e| fail(&[format!("{}: cannot write: {e}", out.display())]));
}

/// Reports each error on its own line and stops the build without a panic.
fn fail(errors: &[String]) -> ! {
    eprintln!(
        "error: the report dataset is invalid ({} problem(s)):",
        errors.len()
    );
    for error in errors {
        eprintln!("  {}", printable(error));
    }
    std::process::exit(1);
}
