//! The layouts of 表二, 表三 and 表四 in the 2019 trial and 2021 formats, as
//! constants: labels character for character as the formats print them.

use super::{BlockLayout, ColumnDef, RowDef, RowKind, TableLayout};
use crate::report::ReportFormat;
use crate::table::TableKind;

// ---- helpers for writing the layouts as constants ----

const fn column(key: &'static str, label: &'static str) -> ColumnDef {
    ColumnDef {
        key,
        label,
        groups: &[],
        short: label,
    }
}

const fn grouped(
    key: &'static str,
    label: &'static str,
    groups: &'static [&'static str],
    short: &'static str,
) -> ColumnDef {
    ColumnDef {
        key,
        label,
        groups,
        short,
    }
}

const fn values(
    key: &'static str,
    label: &'static str,
    short: &'static str,
    depth: u8,
    parent: Option<&'static str>,
) -> RowDef {
    RowDef {
        key,
        label,
        short,
        depth,
        parent,
        kind: RowKind::Values,
    }
}

const fn heading(
    key: &'static str,
    label: &'static str,
    short: &'static str,
    depth: u8,
    parent: Option<&'static str>,
) -> RowDef {
    RowDef {
        key,
        label,
        short,
        depth,
        parent,
        kind: RowKind::Heading,
    }
}

/// A top-level row of 表二 (its label is also its short name).
const fn item(key: &'static str, label: &'static str) -> RowDef {
    values(key, label, label, 0, None)
}

// ---- 表二 主动公开政府信息情况 ----

const STUB_CONTENT: &str = "信息内容";

static ACTIVE_2021: [BlockLayout; 4] = [
    BlockLayout {
        heading: "第二十条第(一)项",
        stub: STUB_CONTENT,
        columns: &[
            column("issued", "本年制发件数"),
            column("repealed", "本年废止件数"),
            column("in_force", "现行有效件数"),
        ],
        rows: &[
            item("regulations", "规章"),
            item("normative_documents", "行政规范性文件"),
        ],
    },
    BlockLayout {
        heading: "第二十条第(五)项",
        stub: STUB_CONTENT,
        columns: &[column("decisions", "本年处理决定数量")],
        rows: &[item("licensing", "行政许可")],
    },
    BlockLayout {
        heading: "第二十条第(六)项",
        stub: STUB_CONTENT,
        columns: &[column("decisions", "本年处理决定数量")],
        rows: &[item("penalty", "行政处罚"), item("enforcement", "行政强制")],
    },
    BlockLayout {
        heading: "第二十条第(八)项",
        stub: STUB_CONTENT,
        columns: &[column("fee_amount", "本年收费金额(单位:万元)")],
        rows: &[item("fees", "行政事业性收费")],
    },
];

/// 2019 (五) and (六) share their columns.
const ITEMS_2019: &[ColumnDef] = &[
    column("previous_items", "上一年项目数量"),
    column("change", "本年增/减"),
    column("decisions", "处理决定数量"),
];

static ACTIVE_2019: [BlockLayout; 5] = [
    BlockLayout {
        heading: "第二十条第(一)项",
        stub: STUB_CONTENT,
        columns: &[
            column("made", "本年新制作数量"),
            column("published", "本年新公开数量"),
            column("published_total", "对外公开总数量"),
        ],
        rows: &[
            item("regulations", "规章"),
            item("normative_documents", "规范性文件"),
        ],
    },
    BlockLayout {
        heading: "第二十条第(五)项",
        stub: STUB_CONTENT,
        columns: ITEMS_2019,
        rows: &[
            item("licensing", "行政许可"),
            item("other_services", "其他对外管理服务事项"),
        ],
    },
    BlockLayout {
        heading: "第二十条第(六)项",
        stub: STUB_CONTENT,
        columns: ITEMS_2019,
        rows: &[item("penalty", "行政处罚"), item("enforcement", "行政强制")],
    },
    BlockLayout {
        heading: "第二十条第(八)项",
        stub: STUB_CONTENT,
        columns: &[
            column("previous_items", "上一年项目数量"),
            column("change", "本年增/减"),
        ],
        rows: &[item("fees", "行政事业性收费")],
    },
    BlockLayout {
        heading: "第二十条第(九)项",
        stub: STUB_CONTENT,
        columns: &[
            column("procurement_items", "采购项目数量"),
            column("procurement_amount", "采购总金额"),
        ],
        rows: &[item("procurement", "政府集中采购")],
    },
];

// ---- 表三 收到和处理政府信息公开申请情况 ----

/// Column keys of 表三 that rules refer to.
pub const APPLICANT_TOTAL: &str = "total";
/// Row keys of 表三 that rules refer to.
pub const ROW_NEW: &str = "1";
pub const ROW_CARRIED_OVER: &str = "2";
pub const ROW_RESULTS: &str = "3";
pub const ROW_RESULTS_TOTAL: &str = "3.7";
pub const ROW_CARRIED_FORWARD: &str = "4";

/// The header group over every 表三 column, and the stub over its row labels,
/// as the published templates print them (the stub states the column rule).
const APPLICANTS: &str = "申请人情况";
const ORGANISATIONS: &[&str] = &[APPLICANTS, "法人或其他组织"];

const APPLICATION_COLUMNS: &[ColumnDef] = &[
    grouped("natural_person", "自然人", &[APPLICANTS], "自然人"),
    grouped("business", "商业企业", ORGANISATIONS, "商业企业"),
    grouped("research", "科研机构", ORGANISATIONS, "科研机构"),
    grouped(
        "public_welfare",
        "社会公益组织",
        ORGANISATIONS,
        "社会公益组织",
    ),
    grouped(
        "legal_services",
        "法律服务机构",
        ORGANISATIONS,
        "法律服务机构",
    ),
    grouped("other_org", "其他", ORGANISATIONS, "其他法人或其他组织"),
    grouped(APPLICANT_TOTAL, "总计", &[APPLICANTS], "总计"),
];

pub(super) const APPLICATION_STUB: &str =
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";

/// 表三's rows with the formats' variant of (六)其他处理 spliced in.
macro_rules! application_rows {
    ($($other:expr),+ $(,)?) => {
        &[
            values("1", "一、本年新收政府信息公开申请数量", "一", 0, None),
            values("2", "二、上年结转政府信息公开申请数量", "二", 0, None),
            heading("3", "三、本年度办理结果", "三", 0, None),
            values("3.1", "(一)予以公开", "三(一)", 1, Some("3")),
            values("3.2", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "三(二)", 1, Some("3")),
            heading("3.3", "(三)不予公开", "三(三)", 1, Some("3")),
            values("3.3.1", "1.属于国家秘密", "三(三)1", 2, Some("3.3")),
            values("3.3.2", "2.其他法律行政法规禁止公开", "三(三)2", 2, Some("3.3")),
            values("3.3.3", "3.危及“三安全一稳定”", "三(三)3", 2, Some("3.3")),
            values("3.3.4", "4.保护第三方合法权益", "三(三)4", 2, Some("3.3")),
            values("3.3.5", "5.属于三类内部事务信息", "三(三)5", 2, Some("3.3")),
            values("3.3.6", "6.属于四类过程性信息", "三(三)6", 2, Some("3.3")),
            values("3.3.7", "7.属于行政执法案卷", "三(三)7", 2, Some("3.3")),
            values("3.3.8", "8.属于行政查询事项", "三(三)8", 2, Some("3.3")),
            heading("3.4", "(四)无法提供", "三(四)", 1, Some("3")),
            values("3.4.1", "1.本机关不掌握相关政府信息", "三(四)1", 2, Some("3.4")),
            values("3.4.2", "2.没有现成信息需要另行制作", "三(四)2", 2, Some("3.4")),
            values("3.4.3", "3.补正后申请内容仍不明确", "三(四)3", 2, Some("3.4")),
            heading("3.5", "(五)不予处理", "三(五)", 1, Some("3")),
            values("3.5.1", "1.信访举报投诉类申请", "三(五)1", 2, Some("3.5")),
            values("3.5.2", "2.重复申请", "三(五)2", 2, Some("3.5")),
            values("3.5.3", "3.要求提供公开出版物", "三(五)3", 2, Some("3.5")),
            values("3.5.4", "4.无正当理由大量反复申请", "三(五)4", 2, Some("3.5")),
            values("3.5.5", "5.要求行政机关确认或重新出具已获取信息", "三(五)5", 2, Some("3.5")),
            $($other,)+
            values(ROW_RESULTS_TOTAL, "(七)总计", "三(七)总计", 1, Some("3")),
            values(ROW_CARRIED_FORWARD, "四、结转下年度继续办理", "四", 0, None),
        ]
    };
}

static APPLICATIONS_2021: [BlockLayout; 1] = [BlockLayout {
    heading: "",
    stub: APPLICATION_STUB,
    columns: APPLICATION_COLUMNS,
    rows: application_rows!(
        heading("3.6", "(六)其他处理", "三(六)", 1, Some("3")),
        values(
            "3.6.1",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "三(六)1",
            2,
            Some("3.6")
        ),
        values(
            "3.6.2",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "三(六)2",
            2,
            Some("3.6")
        ),
        values("3.6.3", "3.其他", "三(六)3", 2, Some("3.6")),
    ),
}];

static APPLICATIONS_2019: [BlockLayout; 1] = [BlockLayout {
    heading: "",
    stub: APPLICATION_STUB,
    columns: APPLICATION_COLUMNS,
    rows: application_rows!(values("3.6", "(六)其他处理", "三(六)", 1, Some("3"))),
}];

// ---- 表四 政府信息公开行政复议、行政诉讼情况 ----

/// A group of 表四: its name in findings and its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewGroup {
    pub name: &'static str,
    /// 结果维持, 结果纠正, 其他结果, 尚未审结: these sum to the total.
    pub parts: [&'static str; 4],
    pub total: &'static str,
}

pub const REVIEW_GROUPS: [ReviewGroup; 3] = [
    ReviewGroup {
        name: "行政复议",
        parts: [
            "review_upheld",
            "review_corrected",
            "review_other",
            "review_pending",
        ],
        total: "review_total",
    },
    ReviewGroup {
        name: "行政诉讼(未经复议直接起诉)",
        parts: [
            "direct_suit_upheld",
            "direct_suit_corrected",
            "direct_suit_other",
            "direct_suit_pending",
        ],
        total: "direct_suit_total",
    },
    ReviewGroup {
        name: "行政诉讼(复议后起诉)",
        parts: [
            "suit_after_review_upheld",
            "suit_after_review_corrected",
            "suit_after_review_other",
            "suit_after_review_pending",
        ],
        total: "suit_after_review_total",
    },
];

/// The one row of numbers of 表四.
pub const ROW_CASES: &str = "cases";

const REVIEW: &[&str] = &["行政复议"];
const DIRECT_SUIT: &[&str] = &["行政诉讼", "未经复议直接起诉"];
const SUIT_AFTER_REVIEW: &[&str] = &["行政诉讼", "复议后起诉"];

const REVIEW_COLUMNS: &[ColumnDef] = &[
    grouped("review_upheld", "结果维持", REVIEW, "结果维持"),
    grouped("review_corrected", "结果纠正", REVIEW, "结果纠正"),
    grouped("review_other", "其他结果", REVIEW, "其他结果"),
    grouped("review_pending", "尚未审结", REVIEW, "尚未审结"),
    grouped("review_total", "总计", REVIEW, "总计"),
    grouped("direct_suit_upheld", "结果维持", DIRECT_SUIT, "结果维持"),
    grouped("direct_suit_corrected", "结果纠正", DIRECT_SUIT, "结果纠正"),
    grouped("direct_suit_other", "其他结果", DIRECT_SUIT, "其他结果"),
    grouped("direct_suit_pending", "尚未审结", DIRECT_SUIT, "尚未审结"),
    grouped("direct_suit_total", "总计", DIRECT_SUIT, "总计"),
    grouped(
        "suit_after_review_upheld",
        "结果维持",
        SUIT_AFTER_REVIEW,
        "结果维持",
    ),
    grouped(
        "suit_after_review_corrected",
        "结果纠正",
        SUIT_AFTER_REVIEW,
        "结果纠正",
    ),
    grouped(
        "suit_after_review_other",
        "其他结果",
        SUIT_AFTER_REVIEW,
        "其他结果",
    ),
    grouped(
        "suit_after_review_pending",
        "尚未审结",
        SUIT_AFTER_REVIEW,
        "尚未审结",
    ),
    grouped("suit_after_review_total", "总计", SUIT_AFTER_REVIEW, "总计"),
];

/// Both formats print the same 表四.
static REVIEW_LITIGATION: [BlockLayout; 1] = [BlockLayout {
    heading: "",
    stub: "",
    columns: REVIEW_COLUMNS,
    rows: &[values(ROW_CASES, "", "", 0, None)],
}];

pub(super) static LAYOUTS_2021: [TableLayout; 3] = [
    TableLayout {
        format: ReportFormat::Format2021,
        kind: TableKind::ActiveDisclosure,
        blocks: &ACTIVE_2021,
    },
    TableLayout {
        format: ReportFormat::Format2021,
        kind: TableKind::Applications,
        blocks: &APPLICATIONS_2021,
    },
    TableLayout {
        format: ReportFormat::Format2021,
        kind: TableKind::ReviewLitigation,
        blocks: &REVIEW_LITIGATION,
    },
];

pub(super) static LAYOUTS_2019: [TableLayout; 3] = [
    TableLayout {
        format: ReportFormat::Trial2019,
        kind: TableKind::ActiveDisclosure,
        blocks: &ACTIVE_2019,
    },
    TableLayout {
        format: ReportFormat::Trial2019,
        kind: TableKind::Applications,
        blocks: &APPLICATIONS_2019,
    },
    TableLayout {
        format: ReportFormat::Trial2019,
        kind: TableKind::ReviewLitigation,
        blocks: &REVIEW_LITIGATION,
    },
];
