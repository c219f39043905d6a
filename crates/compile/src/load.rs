//! Loading a report from its JSON file: parse, then check. Every failure
//! names the file, the line and what is wrong, so a malformed dataset stops
//! the build with a message an editor can act on.

use crate::checks;
use crate::problem::Problem;
use gir_model::report::Report;
use std::fmt;

/// One thing wrong with a dataset file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Parses and checks one report file. `file` is the name used in messages.
pub fn load_report(file: &str, json: &str) -> Result<Report, Vec<DatasetError>> {
    let report: Report = serde_json::from_str(json).map_err(|e| {
        vec![DatasetError {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message: format!("invalid report JSON: {e}")
                .replace(&format!(" at line {} column {}", e.line(), e.column()), ""),
        }]
    })?;
    let problems = checks::check_report(&report);
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(problems.iter().map(|p| locate(file, json, p)).collect())
    }
}

/// Finds the line of the item a problem concerns: the line of its `"id"`, then,
/// for a table row, the line of that row's `"key"` after it, then, where a
/// field is named, the first line of that field from there.
fn locate(file: &str, json: &str, problem: &Problem) -> DatasetError {
    let id_pattern = format!("\"id\": \"{}\"", problem.id);
    let lines: Vec<&str> = json.lines().collect();
    // The first line at or after `start` that contains `pattern`.
    let find_from = |start: usize, pattern: &str| {
        lines[start..]
            .iter()
            .position(|l| l.contains(pattern))
            .map(|offset| start + offset)
    };
    let id_line = find_from(0, &id_pattern);
    let id_line = match (id_line, &problem.row) {
        (Some(start), Some(row)) => {
            find_from(start, &format!("\"key\": \"{row}\"")).or(Some(start))
        }
        (found, _) => found,
    };
    let line = match (id_line, problem.field) {
        (Some(start), Some(field)) => find_from(start, &format!("\"{field}\":")).unwrap_or(start),
        (Some(start), None) => start,
        (None, _) => 0,
    };
    let column = lines
        .get(line)
        .map(|l| l.len() - l.trim_start().len() + 1)
        .unwrap_or(1);
    DatasetError {
        file: file.to_string(),
        line: line + 1,
        column,
        message: match problem.field {
            Some(field) if problem.id.is_empty() => format!("{field}: {}", problem.message),
            Some(field) => format!("\"{}\" {field}: {}", problem.id, problem.message),
            None => problem.message.clone(),
        },
    }
}
