//! The element ids the build generates (as opposed to the ids a dataset
//! declares): every place that makes or links one uses these functions.

/// The anchor id of a table cell: `{table}-{row}-{column}`, dots in row keys
/// made `_` so the id is also a plain CSS identifier.
pub fn cell_anchor(table_id: &str, row_key: &str, column_key: &str) -> String {
    format!("{table_id}-{}-{column_key}", row_key.replace('.', "_"))
}

/// The anchor id of a table row's label cell.
pub fn row_anchor(table_id: &str, row_key: &str) -> String {
    format!("{table_id}-row-{}", row_key.replace('.', "_"))
}

/// The anchor id of the `n`-th (from 1) quoted sentence of the printed
/// paragraph `paragraph_id`.
pub fn quote_anchor(paragraph_id: &str, n: usize) -> String {
    format!("{paragraph_id}-q{n}")
}

/// The id of a report's body (the skip link's target).
pub fn body_id(report_id: &str) -> String {
    format!("{report_id}-body")
}

/// The id of a report's title heading.
pub fn title_id(report_id: &str) -> String {
    format!("{report_id}-title")
}

/// The id of the 数据校验 panel of a report.
pub fn checks_id(report_id: &str) -> String {
    format!("{report_id}-checks")
}

/// The id of a section's heading.
pub fn heading_id(section_id: &str) -> String {
    format!("{section_id}-heading")
}

/// The id of a chart's (or a facts box's) caption.
pub fn caption_id(chart_id: &str) -> String {
    format!("{chart_id}-caption")
}

/// The id of the data table under a chart.
pub fn chart_table_id(chart_id: &str) -> String {
    format!("{chart_id}-table")
}

/// The prefix of the ids inside block `index` of a standard table
/// (`{table}-b{index}`): its caption, column headers and header groups.
pub fn table_block_prefix(table_id: &str, index: usize) -> String {
    format!("{table_id}-b{index}")
}
