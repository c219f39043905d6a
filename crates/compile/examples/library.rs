//! Times the library's functions on a folder of datasets, such as the
//! synthetic library `bench/gen-library.mjs` writes:
//!
//! ```sh
//! node bench/gen-library.mjs /tmp/library
//! cargo run --release -p gir-compile --example library -- /tmp/library
//! ```
//!
//! Loads and compiles every `*.json` of the folder (timed apart: that is the
//! build's work, not the library's), then times the catalogue, every body's
//! series, every year's comparison and every report's 内容雷同, and prints
//! what they found.

use gir_compile::library::{Gap, Library, Outcome};
use gir_compile::load::load_report;
use gir_compile::pipeline::compile_report;
use gir_model::bundle::CompiledReport;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn timed<T>(what: &str, work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let result = work();
    let took = started.elapsed();
    println!("{what:<44} {:>9.1} ms", took.as_secs_f64() * 1000.0);
    (result, took)
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: library DIR (a folder of report datasets, *.json)");
        return ExitCode::from(2);
    };
    let mut files: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.path().to_string_lossy().into_owned())
            .filter(|p| p.ends_with(".json"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::from(2);
        }
    };
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect();

    let (loaded, _) = timed(&format!("load and check {} datasets", files.len()), || {
        files
            .iter()
            .zip(&texts)
            .map(|(file, json)| load_report(file, json))
            .collect::<Vec<_>>()
    });
    let mut reports = Vec::new();
    for result in loaded {
        match result {
            Ok(report) => reports.push(report),
            Err(errors) => {
                for error in errors {
                    eprintln!("{error}");
                }
                return ExitCode::from(1);
            }
        }
    }
    let (compiled, _) = timed("compile (charts, rules, quotes)", || {
        reports
            .into_iter()
            .map(compile_report)
            .collect::<Vec<CompiledReport>>()
    });

    let datasets: Vec<(&str, &CompiledReport)> =
        files.iter().map(String::as_str).zip(&compiled).collect();
    let mut total = Duration::ZERO;
    let (library, took) = timed("library: catalogue", || Library::new(&datasets));
    total += took;
    let library = match library {
        Ok(library) => library,
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            return ExitCode::from(1);
        }
    };
    let catalogue = library.catalogue();
    let bodies = catalogue.bodies();
    let (series, took) = timed(
        &format!("library: series of {} bodies", bodies.len()),
        || {
            bodies
                .iter()
                .filter_map(|b| library.series(b.key))
                .collect::<Vec<_>>()
        },
    );
    total += took;
    let years = catalogue.years();
    let (rows, took) = timed(
        &format!("library: comparison of {} years", years.len()),
        || {
            years
                .iter()
                .map(|&y| library.compare(y))
                .collect::<Vec<_>>()
        },
    );
    total += took;
    let (repeated, took) = timed("library: 内容雷同 of every report", || {
        library.all_repeated_text()
    });
    total += took;
    println!(
        "{:<44} {:>9.1} ms",
        "library: all of it",
        total.as_secs_f64() * 1000.0
    );

    // What was found.
    let mut gaps: BTreeMap<String, usize> = BTreeMap::new();
    let mut values = 0;
    for body in &series {
        for one in &body.series {
            for point in &one.points {
                match &point.reading.outcome {
                    Outcome::Value(_) => values += 1,
                    Outcome::Gap(gap) => {
                        let kind = match gap {
                            Gap::Incomplete(_) => "incomplete sum".to_string(),
                            Gap::NotApplicable(_) => "not applicable".to_string(),
                            other => format!("{other:?}"),
                        };
                        *gaps.entry(kind).or_default() += 1;
                    }
                }
            }
        }
    }
    println!(
        "\n{} reports of {} bodies, {}–{}",
        catalogue.entries.len(),
        bodies.len(),
        years.first().copied().unwrap_or_default(),
        years.last().copied().unwrap_or_default()
    );
    println!("series points: {values} values; gaps: {gaps:?}");
    let compared: usize = rows.iter().map(Vec::len).sum();
    let failing: usize = rows.iter().flatten().filter(|r| !r.passes_checks()).count();
    println!("compared rows: {compared}, of which {failing} break a 勾稽关系");
    let sentences: usize = repeated.iter().map(|r| r.sentences.len()).sum();
    let verbatim: usize = repeated
        .iter()
        .flat_map(|r| &r.sentences)
        .filter(|s| s.verbatim)
        .count();
    let exact: usize = repeated
        .iter()
        .flat_map(|r| &r.sentences)
        .filter(|s| s.distance == 0)
        .count();
    let (repeated_chars, narrative_chars) = repeated.iter().fold((0, 0), |(r, n), t| {
        (r + t.repeated_chars, n + t.narrative_chars)
    });
    println!(
        "内容雷同: {} reports compared with the year before; {sentences} sentences repeated \
         ({verbatim} verbatim, {} with other numbers only, {} nearly), {:.1}% of their text",
        repeated.len(),
        exact - verbatim,
        sentences - exact,
        100.0 * repeated_chars as f64 / narrative_chars.max(1) as f64
    );
    ExitCode::SUCCESS
}
