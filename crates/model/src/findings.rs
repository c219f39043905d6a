//! What the consistency rules (勾稽关系) of the standard tables find: which
//! rule, how it is broken, and the cells involved. Computed at build time and
//! embedded for the 数据校验 panel.

use serde::{Deserialize, Serialize};

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
