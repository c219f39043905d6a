//! A broken rule in a dataset, as the checks find it: attached to an item's
//! id (and table row, and field) so that loading can name the line.

/// A broken rule in the dataset, attached to the id of the item it concerns,
/// where it concerns one row of a table that row's `key`, and where one field
/// is at fault that field's JSON key (so the loader can name a line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub id: String,
    pub row: Option<String>,
    pub field: Option<&'static str>,
    pub message: String,
}

impl Problem {
    pub fn new(id: &str, field: Option<&'static str>, message: String) -> Self {
        Problem {
            id: id.to_string(),
            row: None,
            field,
            message,
        }
    }

    /// A problem in the table `id`, in its row `row` when one is at fault.
    pub fn in_table(
        id: &str,
        row: Option<&str>,
        field: Option<&'static str>,
        message: String,
    ) -> Self {
        Problem {
            id: id.to_string(),
            row: row.map(str::to_string),
            field,
            message,
        }
    }
}
