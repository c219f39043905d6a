//! Loading a report from its JSON file: parse, then check. Every failure
//! names the file, the line and what is wrong, so a malformed dataset stops
//! the build with a message an editor can act on.

use crate::checks;
use crate::problem::Problem;
use crate::spans::{JsonIndex, Position};
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

impl DatasetError {
    fn at(file: &str, line: usize, column: usize, message: String) -> Self {
        DatasetError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    }
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

/// The text of a dataset file from its bytes (`file` names it in the
/// error), without a leading byte-order mark: refused when it is over the
/// size limit (read at most one byte more than [`checks::MAX_FILE_BYTES`]
/// to tell) or not UTF-8, with the place of the first byte that is not.
pub fn dataset_text(file: &str, bytes: Vec<u8>) -> Result<String, DatasetError> {
    let error = |line, column, message| DatasetError::at(file, line, column, message);
    if bytes.len() > checks::MAX_FILE_BYTES {
        return Err(error(
            1,
            1,
            format!(
                "the file is more than {} bytes: a report dataset has at most {} (1 MB)",
                checks::MAX_FILE_BYTES,
                checks::MAX_FILE_BYTES
            ),
        ));
    }
    // A leading byte-order mark (an editor's UTF-8 signature) is not text.
    let bytes = match bytes.strip_prefix("\u{FEFF}".as_bytes()) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        error(
            line,
            column,
            "the file is not UTF-8 text here: a dataset is UTF-8 JSON".into(),
        )
    })
}

/// Parses and checks one report file. `file` is the name used in messages.
pub fn load_report(file: &str, json: &str) -> Result<Report, Vec<DatasetError>> {
    let error = |line, column, message| DatasetError::at(file, line, column, message);
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
            char_column(json, e.line(), e.column()),
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
    let problems = checks::check_report(&report);
    if !problems.is_empty() {
        let index = JsonIndex::new(json);
        errors.extend(problems.iter().map(|p| locate(file, &index, p)));
    }
    if errors.is_empty() {
        Ok(report)
    } else {
        Err(errors)
    }
}

/// Where the item a problem concerns is written, from the JSON's own
/// structure (see [`JsonIndex::locate`]): the object with its `"id"`, for a
/// table row the object with its `"key"`, and where a field is named that
/// member. A problem whose item cannot be found (it never happens for a
/// report that parsed) is put at 1:1.
pub fn locate(file: &str, index: &JsonIndex, problem: &Problem) -> DatasetError {
    let at = index
        .locate(&problem.id, problem.row.as_deref(), problem.field)
        .unwrap_or(Position { line: 1, column: 1 });
    DatasetError {
        file: file.to_string(),
        line: at.line,
        column: at.column,
        message: match problem.field {
            Some(field) if problem.id.is_empty() => format!("{field}: {}", problem.message),
            Some(field) => format!("\"{}\" {field}: {}", problem.id, problem.message),
            None => problem.message.clone(),
        },
    }
}

/// The 1-based character column of serde_json's 1-based byte column on
/// `line` of `json`: an editor counts 南 as one column, serde_json as three.
fn char_column(json: &str, line: usize, byte_column: usize) -> usize {
    let Some(text) = json.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.saturating_sub(1).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count() + 1
}
