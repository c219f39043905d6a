//! `report-viewer check`: a dataset through the data layer, as the build
//! sees it, every finding with the place the JSON gives.

use gir_compile::checks::MAX_FILE_BYTES;
use gir_compile::load::{dataset_text, load_report, DatasetError};
use gir_compile::pipeline::compile_report;
use gir_compile::spans::JsonIndex;
use gir_compile::text::printable;
use serde::Serialize;
use std::io::Read;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build refuses the dataset.
    Error,
    /// A broken 勾稽关系 of a standard table (the table is shown as
    /// published, with the finding in its 数据校验 panel), or figure
    /// candidates that await the editor's confirmation.
    Warning,
    /// An editorial note on the published text (kept as published).
    Note,
}

/// One finding, printable as `file:line:column: …`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    /// 1-based; `None` when the file could not be read at all.
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl From<DatasetError> for Finding {
    fn from(error: DatasetError) -> Self {
        Finding {
            file: error.file,
            line: Some(error.line),
            column: Some(error.column),
            severity: Severity::Error,
            message: error.message,
        }
    }
}

impl Finding {
    /// The finding as one line of output, with every character that could
    /// break a line or reorder it escaped: `file:line:column: message` for an
    /// error (as the build prints it), with `warning:` or `note:` before the
    /// message otherwise.
    pub fn to_line(&self) -> String {
        let place = match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", printable(&self.file)),
            _ => printable(&self.file),
        };
        let severity = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
            Severity::Note => "note: ",
        };
        format!("{place}: {severity}{}", printable(&self.message))
    }
}

/// What checking one input found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub findings: Vec<Finding>,
    /// The input could not be read (exit status 2).
    pub unreadable: bool,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Checks a dataset's text, `file` naming it in the findings: the problems
/// that fail the build, then (for a dataset that loads) how many figure
/// candidates await confirmation and its broken 勾稽关系, as warnings, and
/// its editorial notes.
pub fn check_json(file: &str, json: &str) -> Vec<Finding> {
    let report = match load_report(file, json) {
        Ok(report) => report,
        Err(errors) => return errors.into_iter().map(Finding::from).collect(),
    };
    let candidates = report.figure_candidates.0.len();
    let compiled = compile_report(report);
    let index = JsonIndex::new(json);
    let mut findings = Vec::new();
    if candidates > 0 {
        let at = index.top_level("figure_candidates");
        findings.push(Finding {
            file: file.to_string(),
            line: Some(at.map_or(1, |at| at.line)),
            column: Some(at.map_or(1, |at| at.column)),
            severity: Severity::Warning,
            message: format!(
                "{candidates} figure candidate(s) await confirmation (checked, never charted or shipped): \
                 compare each with the publication, then move it into \"figures\" or delete it"
            ),
        });
    }
    for found in &compiled.rule_breaks {
        // The row of the rule's first cell, else the table.
        let at = index.locate(
            &found.table_id,
            found.cells.first().map(|c| c.row_key.as_str()),
            Some("cells"),
        );
        findings.push(Finding {
            file: file.to_string(),
            line: Some(at.map_or(1, |at| at.line)),
            column: Some(at.map_or(1, |at| at.column)),
            severity: Severity::Warning,
            message: format!(
                "数据校验 {} (table kept as published): {}",
                found.table_id, found.message
            ),
        });
    }
    let sections = index
        .top_level("sections")
        .map_or((1, 1), |at| (at.line, at.column));
    for note in &compiled.notes {
        findings.push(Finding {
            file: file.to_string(),
            line: Some(sections.0),
            column: Some(sections.1),
            severity: Severity::Note,
            message: format!("editorial note (text kept as published): {note}"),
        });
    }
    findings
}

/// Reads and checks one dataset file (`-`: standard input).
pub fn check_file(path: &str) -> Checked {
    match read_dataset(path) {
        Ok((name, json)) => Checked {
            findings: check_json(&name, &json),
            unreadable: false,
        },
        Err(checked) => checked,
    }
}

/// The name to report a dataset path by, and its text; or what stops it
/// being read as a dataset: a file that cannot be read (`unreadable`), one
/// over the size limit, one that is not UTF-8 (each with its place).
pub fn read_dataset(path: &str) -> Result<(String, String), Checked> {
    let name = if path == "-" { "<stdin>" } else { path };
    let one = |line: Option<usize>, column: Option<usize>, message: String, unreadable| Checked {
        findings: vec![Finding {
            file: name.to_string(),
            line,
            column,
            severity: Severity::Error,
            message,
        }],
        unreadable,
    };
    let bytes = read_limited(path, MAX_FILE_BYTES)
        .map_err(|e| one(None, None, format!("cannot read: {e}"), true))?;
    dataset_text(name, bytes)
        .map(|json| (name.to_string(), json))
        .map_err(|error| Checked {
            findings: vec![Finding::from(error)],
            unreadable: false,
        })
}

/// At most `limit + 1` bytes of a file (`-`: standard input): enough to
/// tell that it is too large without reading all of it.
pub fn read_limited(path: &str, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    if path == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(cap)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}
