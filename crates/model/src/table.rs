//! The tables of standard-format reports (2019 trial format, 2021 format) as
//! plain serde types.
//!
//! A table stores only what the publication printed: for each row of the
//! mandated layout (see [`crate::standard`]) its cells, left to right. Labels,
//! headers and nesting come from the layout, not from the dataset.
//!
//! A cell keeps blank, zero and not-applicable apart and keeps numbers as the
//! literal the report printed (`"3.50"` stays `"3.50"`). In JSON and in bincode
//! a cell is a string, so the same types serve the dataset and the embedded
//! bundle (no self-describing serde features are used).
//!
//! Row keys, a stable ASCII name per layout row:
//! - 表三 (applications): the printed numbering as a dotted path — `1` 一、,
//!   `2` 二、, `3` 三、 (a heading), `3.1` (一) … `3.7` (七)总计, `3.3.1` (三)1 …,
//!   `4` 四、.
//! - 表二 (active disclosure): a slug per printed row (`regulations`,
//!   `normative_documents`, `licensing`, `other_services`, `penalty`,
//!   `enforcement`, `fees`, `procurement`), unique across the table's blocks.
//! - 表四 (review and litigation): its one row of numbers is `cases`.

use crate::decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the three mandated tables, as the publication printed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Anchor id, unique in the report like every other block id.
    pub id: String,
    pub kind: TableKind,
    /// The rows that carry numbers, in the layout's order (heading rows such as
    /// 三、本年度办理结果 carry none and are not listed).
    pub rows: Vec<TableRow>,
}

impl Table {
    /// The row with this key.
    pub fn row(&self, key: &str) -> Option<&TableRow> {
        self.rows.iter().find(|r| r.key == key)
    }
}

/// Which mandated table: the sections 二, 三 and 四 of a standard report.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    bincode::Encode,
    bincode::Decode,
)]
pub enum TableKind {
    /// 二、主动公开政府信息情况
    #[serde(rename = "active_disclosure")]
    ActiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况
    #[serde(rename = "applications")]
    Applications,
    /// 四、政府信息公开行政复议、行政诉讼情况
    #[serde(rename = "review_litigation")]
    ReviewLitigation,
}

impl TableKind {
    pub const ALL: [TableKind; 3] = [
        TableKind::ActiveDisclosure,
        TableKind::Applications,
        TableKind::ReviewLitigation,
    ];

    /// The section title the table belongs under, as the formats print it.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::ActiveDisclosure => "主动公开政府信息情况",
            TableKind::Applications => "收到和处理政府信息公开申请情况",
            TableKind::ReviewLitigation => "政府信息公开行政复议、行政诉讼情况",
        }
    }

    /// The name used in JSON (`"applications"`), for messages.
    pub fn json_name(self) -> &'static str {
        match self {
            TableKind::ActiveDisclosure => "active_disclosure",
            TableKind::Applications => "applications",
            TableKind::ReviewLitigation => "review_litigation",
        }
    }
}

/// One printed row: the cells under the row's columns, left to right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// The layout row this is (see the module docs for the keys).
    pub key: String,
    pub cells: Vec<Cell>,
}

/// One table cell as published.
///
/// JSON/bincode form: `""` blank, a decimal literal (`"0"`, `"12"`, `"3.50"`,
/// `"-2"` for a signed 本年增/减) a number, or one of [`NOT_APPLICABLE_SYMBOLS`]
/// for "not applicable", kept as printed.
// In the bundle a cell is stored as parsed (bincode derive), so the browser
// carries no number parser; in JSON it is the published text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(try_from = "String", into = "String")]
pub enum Cell {
    /// Left empty in the publication: nothing was stated (not zero).
    Blank,
    /// A number, kept as its literal.
    Number(Number),
    /// Marked as not applicable; the symbol as printed.
    NotApplicable(String),
}

/// The marks publications use for "not applicable". The symbol is kept, so a
/// table shows the mark it printed.
/// (`/`, full-width `\u{FF0F}`, `-`, full-width `\u{FF0D}`, em dash, double em dash, en dash.)
pub const NOT_APPLICABLE_SYMBOLS: [&str; 7] = [
    "/",
    "\u{FF0F}",
    "-",
    "\u{FF0D}",
    "\u{2014}",
    "\u{2014}\u{2014}",
    "\u{2013}",
];

/// Longest accepted number, in digits: keeps exact sums far inside `i128`.
const MAX_DIGITS: usize = 18;

impl Cell {
    /// Reads a cell written as in the dataset.
    pub fn parse(text: &str) -> Result<Cell, CellError> {
        if text.is_empty() {
            return Ok(Cell::Blank);
        }
        if NOT_APPLICABLE_SYMBOLS.contains(&text) {
            return Ok(Cell::NotApplicable(text.to_string()));
        }
        Number::parse(text).map(Cell::Number)
    }

    /// The text as published ("" for a blank).
    pub fn as_str(&self) -> &str {
        match self {
            Cell::Blank => "",
            Cell::Number(n) => n.literal(),
            Cell::NotApplicable(symbol) => symbol,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }

    pub fn is_not_applicable(&self) -> bool {
        matches!(self, Cell::NotApplicable(_))
    }

    /// The exact value of a number cell.
    pub fn decimal(&self) -> Option<Decimal> {
        match self {
            Cell::Number(n) => Some(n.value()),
            _ => None,
        }
    }

    /// How a consistency message names the cell's content: the number as
    /// printed, 空白, or 不适用 with its symbol.
    pub fn describe(&self) -> String {
        match self {
            Cell::Blank => "空白".to_string(),
            Cell::Number(n) => n.literal().to_string(),
            Cell::NotApplicable(symbol) => format!("不适用“{symbol}”"),
        }
    }
}

impl TryFrom<String> for Cell {
    type Error = CellError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Cell::parse(&text)
    }
}

impl From<Cell> for String {
    fn from(cell: Cell) -> String {
        match cell {
            Cell::Blank => String::new(),
            Cell::Number(n) => n.literal,
            Cell::NotApplicable(symbol) => symbol,
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a string is not a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub text: String,
    pub reason: &'static str,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "table cell \"{}\" {}: a cell is \"\" (blank), a decimal number as printed (\"0\", \"12\", \"3.50\", \"-2\") or a not-applicable mark ({})",
            self.text,
            self.reason,
            NOT_APPLICABLE_SYMBOLS.map(|s| format!("\"{s}\"")).join(", ")
        )
    }
}

impl std::error::Error for CellError {}

/// A number cell: the literal as printed and its exact value.
#[derive(Clone, Debug, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct Number {
    literal: String,
    value: Decimal,
}

impl Number {
    /// Accepts `[+-]digits[.digits]` with at most [`MAX_DIGITS`] digits.
    pub fn parse(text: &str) -> Result<Number, CellError> {
        let error = |reason| CellError {
            text: text.to_string(),
            reason,
        };
        let (negative, unsigned) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (unsigned, None),
        };
        let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !is_digits(whole) || fraction.is_some_and(|f| !is_digits(f)) {
            return Err(error("is not a number"));
        }
        let fraction = fraction.unwrap_or("");
        if whole.len() + fraction.len() > MAX_DIGITS {
            return Err(error("has too many digits"));
        }
        let magnitude: i128 = format!("{whole}{fraction}")
            .parse()
            .map_err(|_| error("is not a number"))?;
        Ok(Number {
            literal: text.to_string(),
            value: Decimal::new(
                if negative { -magnitude } else { magnitude },
                fraction.len() as u32,
            ),
        })
    }

    /// The number exactly as printed.
    pub fn literal(&self) -> &str {
        &self.literal
    }

    pub fn value(&self) -> Decimal {
        self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> Cell {
        Cell::parse(text).unwrap()
    }

    #[test]
    fn blank_zero_and_not_applicable_are_distinct() {
        assert_eq!(cell(""), Cell::Blank);
        assert!(matches!(cell("0"), Cell::Number(_)));
        assert_eq!(cell("/"), Cell::NotApplicable("/".into()));
        assert_eq!(cell("—"), Cell::NotApplicable("—".into()));
        assert_ne!(cell(""), cell("0"));
        assert_ne!(cell("0"), cell("/"));
        assert_ne!(cell("-"), cell("/"));
    }

    #[test]
    fn numbers_keep_their_literal() {
        for text in ["0", "12", "3.50", "0.05", "-2", "+3", "007"] {
            assert_eq!(cell(text).as_str(), text);
            assert_eq!(String::from(cell(text)), text);
        }
        assert_eq!(cell("3.50").decimal(), cell("3.5").decimal());
        assert_eq!(cell("").decimal(), None);
    }

    #[test]
    fn invalid_cells_are_refused_with_a_reason() {
        for text in [
            " 5", "5 ", "1,234", "3.", ".5", "五", "\u{FF15}", "--3", "abc",
        ] {
            let error = Cell::parse(text).unwrap_err().to_string();
            assert!(
                error.contains(&format!("\"{text}\" is not a number")),
                "{error}"
            );
        }
        let long = "1".repeat(19);
        assert!(Cell::parse(&long)
            .unwrap_err()
            .to_string()
            .contains("too many digits"));
    }
}
