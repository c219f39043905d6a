//! A block's multi-level column header, laid out as the rows of spanning
//! `<th>` cells a table prints.

use super::BlockLayout;

/// A header cell of a block's multi-level header, as a `<th>` would span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderCell {
    pub label: &'static str,
    pub colspan: usize,
    pub rowspan: usize,
    /// The column a leaf header stands over; `None` for a group or the stub.
    pub column: Option<&'static str>,
    /// Index of the first column the cell spans; `None` for the stub, which
    /// stands over the row labels.
    pub first_column: Option<usize>,
}

impl BlockLayout {
    /// The header as rows of spanning cells, top row first. The stub (over the
    /// row labels) spans every header row; a column with fewer groups than the
    /// deepest spans down to the bottom row; a group spans its columns.
    pub fn header_rows(&self) -> Vec<Vec<HeaderCell>> {
        let depth = 1 + self
            .columns
            .iter()
            .map(|c| c.groups.len())
            .max()
            .unwrap_or(0);
        let mut rows: Vec<Vec<HeaderCell>> = vec![Vec::new(); depth];
        if self.has_row_labels() {
            rows[0].push(HeaderCell {
                label: self.stub,
                colspan: 1,
                rowspan: depth,
                column: None,
                first_column: None,
            });
        }
        for (level, row) in rows.iter_mut().enumerate() {
            let mut index = 0;
            while index < self.columns.len() {
                let column = &self.columns[index];
                if column.groups.len() == level {
                    row.push(HeaderCell {
                        label: column.label,
                        colspan: 1,
                        rowspan: depth - level,
                        column: Some(column.key),
                        first_column: Some(index),
                    });
                    index += 1;
                } else if column.groups.len() > level {
                    // A group spans the following columns that share its path so far.
                    let path = &column.groups[..=level];
                    let span = self.columns[index..]
                        .iter()
                        .take_while(|c| c.groups.len() > level && &c.groups[..=level] == path)
                        .count();
                    row.push(HeaderCell {
                        label: column.groups[level],
                        colspan: span,
                        rowspan: 1,
                        column: None,
                        first_column: Some(index),
                    });
                    index += span;
                } else {
                    // Covered by its own header cell in a row above.
                    index += 1;
                }
            }
        }
        rows
    }
}
