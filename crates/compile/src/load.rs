//! Loading a report from its JSON file: parse, then check. Every failure
//! names the file, the line and what is wrong, so a malformed dataset stops
//! the build with a message an editor can act on.

use crate::checks;
use crate::problem::Problem;
use crate::text;
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
        // Printed into build output: nothing in it may start a new line.
        write!(
            f,
            "{}:{}:{}: {}",
            text::printable(&self.file),
            self.line,
            self.column,
            text::printable(&self.message)
        )
    }
}

/// Parses and checks one report file. `file` is the name used in messages.
pub fn load_report(file: &str, json: &str) -> Result<Report, Vec<DatasetError>> {
    let error = |line, column, message: String| DatasetError {
        file: file.to_string(),
        line,
        column,
        message,
    };
    if json.len() > checks::MAX_FILE_BYTES {
        return Err(vec![error(
            1,
            1,
            format!(
                "the file is {} bytes: a report dataset has at most {} (1 MB)",
                json.len(),
                checks::MAX_FILE_BYTES
            ),
        )]);
    }
    let report: Report = serde_json::from_str(json).map_err(|e| {
        vec![error(
            e.line(),
            e.column(),
            format!("invalid report JSON: {e}")
                .replace(&format!(" at line {} column {}", e.line(), e.column()), ""),
        )]
    })?;
    let mut errors: Vec<DatasetError> = text::forbidden_in_json_strings(json)
        .into_iter()
        .map(|f| {
            error(
                f.line,
                f.column,
                format!(
                    "text contains {} (U+{:04X}); a report never needs one",
                    f.why,
                    u32::from(f.found)
                ),
            )
        })
        .collect();
    errors.extend(
        checks::check_report(&report)
            .iter()
            .map(|p| locate(file, json, p)),
    );
    if errors.is_empty() {
        Ok(report)
    } else {
        Err(errors)
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
