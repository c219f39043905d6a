//! The tables of standard-format reports (2019 trial format, 2021 format) as
//! plain serde types, and the findings of their consistency rules.
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

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
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

    /// An approximate value for drawing (never for comparing sums: use
    /// [`Cell::decimal`]).
    pub fn number_value(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => n.literal().parse().ok(),
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
            value: Decimal {
                units: if negative { -magnitude } else { magnitude },
                scale: fraction.len() as u32,
            },
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

/// An exact decimal: `units / 10^scale`. Sums of table cells are compared with
/// these, never with floats, so `0.1 + 0.2` equals `0.3` and `3.50` equals `3.5`.
#[derive(Clone, Copy, Debug, bincode::Encode, bincode::Decode)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    /// `units` at a larger `scale`; `None` on overflow (cannot happen for
    /// sums of cells of at most [`MAX_DIGITS`] digits).
    fn units_at(self, scale: u32) -> Option<i128> {
        let factor = 10i128.checked_pow(scale.checked_sub(self.scale)?)?;
        self.units.checked_mul(factor)
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        Some(Decimal {
            units: self.units_at(scale)?.checked_add(other.units_at(scale)?)?,
            scale,
        })
    }

    /// The exact sum; `None` only on overflow.
    pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
        values
            .into_iter()
            .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    fn compare(self, other: Decimal) -> Option<Ordering> {
        let scale = self.scale.max(other.scale);
        Some(self.units_at(scale)?.cmp(&other.units_at(scale)?))
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        self.compare(*other) == Some(Ordering::Equal)
    }
}

impl Eq for Decimal {}

impl fmt::Display for Decimal {
    /// With as many decimals as the most precise term: `3.50 + 1` shows `4.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = self.units.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{whole}.{fraction}")
    }
}

/// A consistency rule (勾稽关系) of the standard tables.
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
pub enum RuleId {
    /// 表三, each column: 一 + 二 = 三(七)总计 + 四.
    #[serde(rename = "applications_column_balance")]
    ApplicationsColumnBalance,
    /// 表三, each column: (七)总计 = (一) + (二) + each numbered sub-row of (三)…(六).
    #[serde(rename = "applications_results_total")]
    ApplicationsResultsTotal,
    /// 表三, each row: 总计 = 自然人 + the five 法人或其他组织 columns.
    #[serde(rename = "applications_row_total")]
    ApplicationsRowTotal,
    /// 表四, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    #[serde(rename = "review_litigation_group_total")]
    ReviewLitigationGroupTotal,
}

impl RuleId {
    pub const ALL: [RuleId; 4] = [
        RuleId::ApplicationsColumnBalance,
        RuleId::ApplicationsResultsTotal,
        RuleId::ApplicationsRowTotal,
        RuleId::ReviewLitigationGroupTotal,
    ];

    /// The rule in the words of a 数据校验 panel.
    pub fn description(self) -> &'static str {
        match self {
            RuleId::ApplicationsColumnBalance => {
                "收到和处理政府信息公开申请情况表每一列:一 + 二 = 三(七)总计 + 四"
            }
            RuleId::ApplicationsResultsTotal => {
                "收到和处理政府信息公开申请情况表每一列:三(七)总计 = (一)至(六)各项办理结果之和"
            }
            RuleId::ApplicationsRowTotal => {
                "收到和处理政府信息公开申请情况表每一行:总计 = 自然人 + 法人或其他组织各列"
            }
            RuleId::ReviewLitigationGroupTotal => {
                "行政复议、行政诉讼情况表每一组:总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
            }
        }
    }

    /// The equation alone, as messages quote it.
    pub fn equation(self) -> &'static str {
        match self {
            RuleId::ApplicationsColumnBalance => "一 + 二 = 三(七)总计 + 四",
            RuleId::ApplicationsResultsTotal => "三(七)总计 = (一)至(六)各项之和",
            RuleId::ApplicationsRowTotal => "总计 = 自然人 + 法人或其他组织各列",
            RuleId::ReviewLitigationGroupTotal => {
                "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
            }
        }
    }
}

/// How a rule is broken.
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
pub enum BreakKind {
    /// Every cell holds a number and the two sides differ.
    #[serde(rename = "mismatch")]
    Mismatch,
    /// Some cells hold numbers, others are blank or not applicable: the rule
    /// cannot be checked, and a blank is never taken to mean 0.
    #[serde(rename = "incomplete")]
    Incomplete,
}

impl BreakKind {
    pub fn description(self) -> &'static str {
        match self {
            BreakKind::Mismatch => "数字不符",
            BreakKind::Incomplete => "有空白或不适用的单元格,无法核对",
        }
    }
}

/// A cell of a table, by layout keys.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, bincode::Encode, bincode::Decode,
)]
pub struct CellRef {
    pub row_key: String,
    pub column_key: String,
}

impl CellRef {
    pub fn new(row_key: &str, column_key: &str) -> CellRef {
        CellRef {
            row_key: row_key.to_string(),
            column_key: column_key.to_string(),
        }
    }
}

/// One consistency rule broken once (one column, row or group of a table):
/// a data-quality finding shown beside the table, which stays as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct RuleBreak {
    pub rule: RuleId,
    pub kind: BreakKind,
    pub table_id: String,
    /// In Chinese, naming the numbers: `自然人列:一(5) + 二(1) ≠ 三(七)总计(4) + 四(1),即 6 ≠ 5`.
    pub message: String,
    /// For a mismatch every cell of the equation; for an incomplete rule the
    /// blank or not-applicable cells that stop the check.
    pub cells: Vec<CellRef>,
}

/// The anchor id of a table cell: `{table}-{row}-{column}`, dots in row keys
/// made `_` so the id is also a plain CSS identifier.
pub fn cell_anchor(table_id: &str, row_key: &str, column_key: &str) -> String {
    format!("{table_id}-{}-{column_key}", row_key.replace('.', "_"))
}

/// The anchor id of a table row's label cell.
pub fn row_anchor(table_id: &str, row_key: &str) -> String {
    format!("{table_id}-row-{}", row_key.replace('.', "_"))
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
        assert_eq!(cell("3.50").number_value(), Some(3.5));
        assert_eq!(cell("").number_value(), None);
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

    #[test]
    fn decimal_sums_are_exact() {
        let d = |t: &str| cell(t).decimal().unwrap();
        assert_eq!(d("3.50"), d("3.5"));
        assert_eq!(Decimal::sum([d("0.1"), d("0.2")]), Some(d("0.3")));
        assert_ne!(Decimal::sum([d("0.1"), d("0.2")]), Some(d("0.31")));
        assert_eq!(
            Decimal::sum([d("3.50"), d("1")]).unwrap().to_string(),
            "4.50"
        );
        assert_eq!(
            Decimal::sum([d("-2"), d("0.05")]).unwrap().to_string(),
            "-1.95"
        );
        assert_eq!(d("-0.05").to_string(), "-0.05");
        assert_eq!(Decimal::sum([]).unwrap().to_string(), "0");
        let big = d(&"9".repeat(18));
        assert!(Decimal::sum(std::iter::repeat_n(big, 100)).is_some());
    }
}
