//! Each standard table against its format's mandated layout: structural
//! errors that fail the build (sums are the rules' business, see
//! [`crate::rules`]).

use crate::problem::Problem;
use gir_model::report::ReportFormat;
use gir_model::standard::{self, format_name, RowKind, TableLayout};
use gir_model::table::Table;
use std::collections::HashSet;

/// Structural errors of a table against its format's layout: they fail
/// the build, each with the table id (and row key) so the loader can name
/// the line. Sums are not checked here (see [`crate::rules`]).
pub fn validate_table(table: &Table, format: ReportFormat) -> Vec<Problem> {
    let Some(layout) = standard::layout(format, table.kind) else {
        return vec![Problem::in_table(
            &table.id,
            None,
            Some("kind"),
            format!(
                "a {} report has no standard tables: a table of kind \"{}\" needs \"format\": \"2019\" or \"2021\"",
                format_name(format),
                table.kind.json_name()
            ),
        )];
    };
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut last_position = None;
    for row in &table.rows {
        let key = row.key.as_str();
        let in_table = |field, message| Problem::in_table(&table.id, Some(key), field, message);
        let Some(position) = layout.rows().position(|r| r.key == key) else {
            problems.push(in_table(None, unknown_row(layout, key)));
            continue;
        };
        let (block, def) = layout.row(key).expect("position found the row");
        if def.kind == RowKind::Heading {
            problems.push(in_table(
                None,
                format!(
                    "row \"{key}\" ({}) is a heading without cells: list the numbered rows under it",
                    def.label
                ),
            ));
            continue;
        }
        if !seen.insert(key) {
            problems.push(in_table(
                None,
                format!("row \"{key}\" is listed more than once"),
            ));
            continue;
        }
        if last_position.is_some_and(|last| position < last) {
            problems.push(in_table(
                None,
                format!("row \"{key}\" ({}) is out of the printed order", def.label),
            ));
        }
        last_position = Some(position);
        if row.cells.len() != block.columns.len() {
            let labels: Vec<&str> = block.columns.iter().map(|c| c.label).collect();
            problems.push(in_table(
                Some("cells"),
                format!(
                    "row \"{key}\" ({}) has {} cells, but its columns are {}: {}",
                    def.label,
                    row.cells.len(),
                    block.columns.len(),
                    labels.join(", ")
                ),
            ));
        }
    }
    let missing: Vec<String> = layout
        .value_rows()
        .filter(|r| !seen.contains(r.key))
        .map(|r| format!("\"{}\" ({})", r.key, r.label))
        .collect();
    if !missing.is_empty() {
        problems.push(Problem::in_table(
            &table.id,
            None,
            Some("rows"),
            format!(
                "rows missing from the {} layout of {}: {} (a row left empty in the publication is listed with \"\" cells)",
                format_name(format),
                table.kind.title(),
                missing.join(", ")
            ),
        ));
    }
    problems
}

/// Names the valid keys, and says so when the key belongs to the other format.
fn unknown_row(layout: &TableLayout, key: &str) -> String {
    let other = match layout.format {
        ReportFormat::Trial2019 => ReportFormat::Format2021,
        _ => ReportFormat::Trial2019,
    };
    let hint = match standard::layout(other, layout.kind).and_then(|l| l.row(key)) {
        Some((_, def)) => format!(
            " (\"{key}\" {} is a row of the {} format)",
            def.label,
            format_name(other)
        ),
        None => String::new(),
    };
    let keys: Vec<&str> = layout.value_rows().map(|r| r.key).collect();
    format!(
        "row key \"{key}\" is not a row of the {} layout of {}{hint}; its rows are: {}",
        format_name(layout.format),
        layout.kind.title(),
        keys.join(", ")
    )
}
