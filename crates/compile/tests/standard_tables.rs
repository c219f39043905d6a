//! Standard-format tables: the mandated layouts, the cells through every
//! encoding, structural errors with file:line, and the consistency rules on
//! the sample reports in `tests/fixtures/reports/` (see its README for the
//! planted breaks).

mod common;

use common::{errors_for, line_of, load_valid, repo_file, sha256_hex};

use gir_compile::pipeline::compile_report;
use gir_compile::rules::{self, check_report_tables};
use gir_model::bundle::Bundle;
use gir_model::findings::{BreakKind, CellRef, RuleBreak, RuleId};
use gir_model::report::{Block, Report, ReportFormat};
use gir_model::standard::{self, RowKind, TableLayout};
use gir_model::table::{Cell, Table, TableKind};

const FIXTURES: &str = "tests/fixtures/reports";
/// A copy of `shared/docs/report-formats.md`, the description of the formats.
const FORMATS_DOC: &str = "tests/fixtures/report-formats.md";
/// The SHA-256 of the formats description the copy was taken from.
const FORMATS_DOC_SHA256: &str = "9ed20d7521524b8df4918792f223443002081f3fbed7bcd18317c6e4b276c208";

fn fixture_json(name: &str) -> String {
    repo_file(&format!("{FIXTURES}/{name}"))
}

fn load(name: &str) -> Report {
    load_valid(name, &fixture_json(name))
}

fn load_json(name: &str, json: &str) -> Report {
    load_valid(name, json)
}

fn table(report: &Report, kind: TableKind) -> &Table {
    report
        .tables()
        .find(|t| t.kind == kind)
        .unwrap_or_else(|| panic!("{} has a {kind:?} table", report.id))
}

fn table_mut(report: &mut Report, kind: TableKind) -> &mut Table {
    report
        .sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .find_map(|b| match b {
            Block::Table(t) if t.kind == kind => Some(t),
            _ => None,
        })
        .expect("table of that kind")
}

fn cell(text: &str) -> Cell {
    Cell::parse(text).unwrap()
}

fn set(report: &mut Report, kind: TableKind, row: &str, column: &str, text: &str) {
    let layout = standard::layout(report.format, kind).unwrap();
    let (block, _) = layout.row(row).unwrap();
    let (index, _) = block.column(column).unwrap();
    let table = table_mut(report, kind);
    let row = table.rows.iter_mut().find(|r| r.key == row).unwrap();
    row.cells[index] = cell(text);
}

fn get<'a>(report: &'a Report, kind: TableKind, row: &str, column: &str) -> &'a Cell {
    standard::layout(report.format, kind)
        .unwrap()
        .cell(table(report, kind), row, column)
        .unwrap_or_else(|| panic!("{kind:?} has a cell at {row}, {column}"))
}

// ---- the fixtures ----

#[test]
fn every_fixture_loads_compiles_and_is_marked_as_a_sample() {
    let mut names: Vec<String> = std::fs::read_dir(common::repo_path(FIXTURES))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "sample-2019-all-zero.json",
            "sample-2019.json",
            "sample-2021-all-blank.json",
            "sample-2021.json"
        ]
    );
    for name in &names {
        let report = load(name);
        assert!(report.id.starts_with("sample-"), "{name}");
        assert!(report.title.contains("(样例"), "{name}: {}", report.title);
        assert!(report.meta.publisher.contains("(样例数据)"), "{name}");
        assert_ne!(report.format, ReportFormat::Narrative, "{name}");
        assert_eq!(report.tables().count(), 3, "{name}");
        let headings: Vec<String> = report.sections.iter().map(|s| s.heading()).collect();
        assert_eq!(
            headings,
            [
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项"
            ],
            "{name}"
        );
        for (section, kind) in report.sections[1..4].iter().zip(TableKind::ALL) {
            assert!(section.title.ends_with(kind.title()), "{name}");
        }
        compile_report(report);
    }
}

#[test]
fn tables_are_not_paragraphs() {
    let report = load("sample-2021.json");
    let ids: Vec<&str> = report
        .printed_paragraphs()
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    assert!(!ids.iter().any(|id| id.ends_with("-table")), "{ids:?}");
    assert!(!report.text_lines().iter().any(|l| l.is_empty()));
    let block = &report.sections[2].blocks[0];
    assert_eq!(block.id(), "sec-3-table");
    assert!(block.printed_paragraphs().is_empty());
}

// ---- the consistency rules ----

fn expected_sample_2021_breaks() -> Vec<(RuleId, BreakKind, &'static str)> {
    use BreakKind::*;
    use RuleId::*;
    vec![
        (
            ApplicationsColumnBalance,
            Mismatch,
            "自然人列:一(40) + 二(2) ≠ 三(七)总计(40) + 四(3),即 42 ≠ 43",
        ),
        (
            ApplicationsColumnBalance,
            Mismatch,
            "总计列:一(46) + 二(2) ≠ 三(七)总计(46) + 四(3),即 48 ≠ 49",
        ),
        (
            ApplicationsResultsTotal,
            Mismatch,
            "法律服务机构列:三(七)总计(2) ≠ 三(一)(1) + 三(三)4(2)(其余各项均为0),即 2 ≠ 3",
        ),
        (
            ApplicationsResultsTotal,
            Mismatch,
            "总计列:三(七)总计(46) ≠ 三(一)(21) + 三(二)(5) + 三(三)3(1) + 三(三)4(4) + 三(三)5(1) + 三(三)6(1) + 三(三)8(1) + 三(四)1(1) + 三(四)2(7) + 三(四)3(1) + 三(五)1(1) + 三(五)2(1) + 三(六)1(1) + 三(六)3(1)(其余各项均为0),即 46 ≠ 47",
        ),
        (
            ApplicationsRowTotal,
            Mismatch,
            "“三(四)1”行:总计(1) ≠ 自然人(6) + 商业企业(1) + 科研机构(0) + 社会公益组织(0) + 法律服务机构(0) + 其他法人或其他组织(0),即 1 ≠ 7",
        ),
        (
            ApplicationsRowTotal,
            Mismatch,
            "“三(四)2”行:总计(7) ≠ 自然人(1) + 商业企业(0) + 科研机构(0) + 社会公益组织(0) + 法律服务机构(0) + 其他法人或其他组织(0),即 7 ≠ 1",
        ),
        (
            ReviewLitigationGroupTotal,
            Mismatch,
            "行政复议:总计(3) ≠ 结果维持(1) + 结果纠正(1) + 其他结果(0) + 尚未审结(0),即 3 ≠ 2",
        ),
        (
            ReviewLitigationGroupTotal,
            Incomplete,
            "行政诉讼(未经复议直接起诉):结果纠正为空白,无法核对“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”(空白不按0计)",
        ),
    ]
}

fn summary(breaks: &[RuleBreak]) -> Vec<(RuleId, BreakKind, &str)> {
    breaks
        .iter()
        .map(|b| (b.rule, b.kind, b.message.as_str()))
        .collect()
}

fn refs(pairs: &[(&str, &str)]) -> Vec<CellRef> {
    pairs.iter().map(|(r, c)| CellRef::new(r, c)).collect()
}

#[test]
fn sample_2021_has_exactly_its_planted_breaks() {
    let compiled = compile_report(load("sample-2021.json"));
    assert_eq!(
        summary(&compiled.rule_breaks),
        expected_sample_2021_breaks()
    );
    let tables: Vec<&str> = compiled
        .rule_breaks
        .iter()
        .map(|b| b.table_id.as_str())
        .collect();
    assert_eq!(
        tables,
        [
            "sec-3-table",
            "sec-3-table",
            "sec-3-table",
            "sec-3-table",
            "sec-3-table",
            "sec-3-table",
            "sec-4-table",
            "sec-4-table"
        ]
    );
}

#[test]
fn column_balance_names_its_four_cells() {
    let report = load("sample-2021.json");
    let breaks =
        rules::applications_column_balance(table(&report, TableKind::Applications), report.format);
    assert_eq!(breaks.len(), 2);
    assert_eq!(
        breaks[0].cells,
        refs(&[
            ("1", "natural_person"),
            ("2", "natural_person"),
            ("3.7", "natural_person"),
            ("4", "natural_person")
        ])
    );
    assert_eq!(breaks[1].cells[3], CellRef::new("4", "total"));
}

#[test]
fn results_total_names_the_total_and_every_result_row() {
    let report = load("sample-2021.json");
    let breaks =
        rules::applications_results_total(table(&report, TableKind::Applications), report.format);
    assert_eq!(breaks.len(), 2);
    let rows: Vec<&str> = breaks[0].cells.iter().map(|c| c.row_key.as_str()).collect();
    assert_eq!(rows[0], "3.7");
    assert_eq!(rows.len(), 1 + 2 + 8 + 3 + 5 + 3, "(七) and 21 result rows");
    assert!(rows.contains(&"3.6.3") && !rows.contains(&"3.6") && !rows.contains(&"4"));
    assert!(breaks[0]
        .cells
        .iter()
        .all(|c| c.column_key == "legal_services"));
}

#[test]
fn row_total_names_the_row_cells() {
    let report = load("sample-2021.json");
    let breaks =
        rules::applications_row_total(table(&report, TableKind::Applications), report.format);
    assert_eq!(breaks.len(), 2);
    assert_eq!(
        breaks[0].cells,
        refs(&[
            ("3.4.1", "total"),
            ("3.4.1", "natural_person"),
            ("3.4.1", "business"),
            ("3.4.1", "research"),
            ("3.4.1", "public_welfare"),
            ("3.4.1", "legal_services"),
            ("3.4.1", "other_org")
        ])
    );
}

#[test]
fn group_total_names_the_group_cells_and_the_blank_that_stops_a_check() {
    let report = load("sample-2021.json");
    let breaks = rules::review_litigation_group_total(
        table(&report, TableKind::ReviewLitigation),
        report.format,
    );
    assert_eq!(breaks.len(), 2);
    assert_eq!(
        breaks[0].cells,
        refs(&[
            ("cases", "review_total"),
            ("cases", "review_upheld"),
            ("cases", "review_corrected"),
            ("cases", "review_other"),
            ("cases", "review_pending")
        ])
    );
    assert_eq!(breaks[1].cells, refs(&[("cases", "direct_suit_corrected")]));
}

/// The planted cells put back as they were before the breaks were planted.
fn corrected_sample_2021() -> Report {
    let mut report = load("sample-2021.json");
    let apps = TableKind::Applications;
    set(&mut report, apps, "4", "natural_person", "2");
    set(&mut report, apps, "4", "total", "2");
    set(&mut report, apps, "3.3.4", "legal_services", "1");
    set(&mut report, apps, "3.3.4", "total", "3");
    set(&mut report, apps, "3.4.1", "total", "7");
    set(&mut report, apps, "3.4.2", "total", "1");
    let review = TableKind::ReviewLitigation;
    set(&mut report, review, "cases", "review_total", "2");
    set(&mut report, review, "cases", "direct_suit_corrected", "0");
    report
}

#[test]
fn no_rule_fires_on_correct_tables() {
    let corrected = corrected_sample_2021();
    assert_eq!(check_report_tables(&corrected), []);
    for name in [
        "sample-2019.json",
        "sample-2021-all-blank.json",
        "sample-2019-all-zero.json",
    ] {
        assert_eq!(
            compile_report(load(name)).rule_breaks,
            [],
            "{name} breaks no rule"
        );
    }
}

#[test]
fn each_rule_fires_on_a_single_changed_cell() {
    let apps = TableKind::Applications;
    let cases: [(&str, &str, &str, RuleId); 4] = [
        ("2", "research", "1", RuleId::ApplicationsColumnBalance),
        ("3.5.3", "business", "1", RuleId::ApplicationsResultsTotal),
        ("3.1", "total", "22", RuleId::ApplicationsRowTotal),
        (
            "cases",
            "direct_suit_total",
            "2",
            RuleId::ReviewLitigationGroupTotal,
        ),
    ];
    for (row, column, text, rule) in cases {
        let mut report = corrected_sample_2021();
        let kind = if row == "cases" {
            TableKind::ReviewLitigation
        } else {
            apps
        };
        set(&mut report, kind, row, column, text);
        let breaks = check_report_tables(&report);
        assert!(
            breaks
                .iter()
                .any(|b| b.rule == rule && b.cells.contains(&CellRef::new(row, column))),
            "{row}/{column}: {:?}",
            summary(&breaks)
        );
    }
    // A single cell in a sub-row and its row total moved together: only rule 2.
    let mut report = corrected_sample_2021();
    set(&mut report, apps, "3.5.3", "natural_person", "1");
    set(&mut report, apps, "3.5.3", "total", "1");
    let rules: Vec<RuleId> = check_report_tables(&report)
        .iter()
        .map(|b| b.rule)
        .collect();
    assert_eq!(rules, [RuleId::ApplicationsResultsTotal; 2]);
}

#[test]
fn sums_of_decimals_are_exact() {
    // 0.1 + 0.2 = 0.3 exactly (a float sum would not be equal).
    let mut report = corrected_sample_2021();
    let review = TableKind::ReviewLitigation;
    for (column, text) in [
        ("review_upheld", "0.1"),
        ("review_corrected", "0.2"),
        ("review_other", "0"),
        ("review_pending", "0"),
        ("review_total", "0.3"),
    ] {
        set(&mut report, review, "cases", column, text);
    }
    assert_eq!(check_report_tables(&report), []);
    set(&mut report, review, "cases", "review_total", "0.30");
    assert_eq!(check_report_tables(&report), []);
    set(&mut report, review, "cases", "review_total", "0.31");
    let breaks = check_report_tables(&report);
    assert_eq!(
        breaks[0].message,
        "行政复议:总计(0.31) ≠ 结果维持(0.1) + 结果纠正(0.2) + 其他结果(0) + 尚未审结(0),即 0.31 ≠ 0.3"
    );
}

#[test]
fn an_all_blank_instance_is_not_checked_and_a_partly_blank_one_is_incomplete() {
    let mut report = corrected_sample_2021();
    let apps = TableKind::Applications;
    for column in ["natural_person", "business", "research", "public_welfare"] {
        set(&mut report, apps, "3.3.1", column, "");
    }
    for column in ["legal_services", "other_org", "total"] {
        set(&mut report, apps, "3.3.1", column, "—");
    }
    // The row states nothing; but each column now has a gap among numbers.
    let breaks = check_report_tables(&report);
    assert!(breaks.iter().all(|b| b.kind == BreakKind::Incomplete));
    assert!(breaks
        .iter()
        .all(|b| b.rule == RuleId::ApplicationsResultsTotal));
    assert_eq!(breaks.len(), 7, "{:?}", summary(&breaks));
    assert_eq!(
        breaks[0].message,
        "自然人列:三(三)1为空白,无法核对“三(七)总计 = (一)至(六)各项之和”(空白不按0计)"
    );
    assert_eq!(
        breaks[6].message,
        "总计列:三(三)1标为不适用“—”,无法核对“三(七)总计 = (一)至(六)各项之和”(空白不按0计)"
    );
    assert_eq!(breaks[6].cells, refs(&[("3.3.1", "total")]));
}

#[test]
fn rule_descriptions_are_chinese_and_distinct() {
    let descriptions: Vec<&str> = RuleId::ALL.iter().map(|r| r.description()).collect();
    for (index, d) in descriptions.iter().enumerate() {
        assert!(!descriptions[..index].contains(d));
        assert!(d.contains('='), "{d}");
    }
    assert_eq!(BreakKind::Mismatch.description(), "数字不符");
}

// ---- cells through JSON, the model and bincode ----

#[test]
fn blank_zero_and_not_applicable_survive_json_model_and_bincode() {
    let reports: Vec<Report> = [
        "sample-2021.json",
        "sample-2019.json",
        "sample-2021-all-blank.json",
        "sample-2019-all-zero.json",
    ]
    .iter()
    .map(|n| load(n))
    .collect();
    let bundle = Bundle {
        reports: reports.iter().cloned().map(compile_report).collect(),
        pages: Vec::new(),
    };
    let decoded = Bundle::decode(&bundle.encode())
        .expect("bundle decodes")
        .reports;
    assert_eq!(decoded.len(), reports.len());
    for (original, compiled) in reports.iter().zip(&decoded) {
        // Compiling adds the charts derived from the tables; the text, the
        // tables and the report's own figures come through unchanged.
        assert_eq!(
            compiled.report.sections, original.sections,
            "{}",
            original.id
        );
        assert_eq!(compiled.report.meta, original.meta, "{}", original.id);
        assert_eq!(
            compiled.report.figures[..original.figures.len()],
            original.figures[..],
            "{}",
            original.id
        );
    }
    assert_eq!(
        decoded[0].rule_breaks.len(),
        expected_sample_2021_breaks().len()
    );

    let r2021 = &decoded[0].report;
    let fees = get(r2021, TableKind::ActiveDisclosure, "fees", "fee_amount");
    assert_eq!(fees.as_str(), "3.50", "money keeps its decimals");
    assert_eq!(fees.decimal(), Cell::parse("3.5").unwrap().decimal());
    let blank = get(
        r2021,
        TableKind::ReviewLitigation,
        "cases",
        "direct_suit_corrected",
    );
    let zero = get(
        r2021,
        TableKind::ReviewLitigation,
        "cases",
        "direct_suit_other",
    );
    assert_eq!(blank, &Cell::Blank);
    assert!(matches!(zero, Cell::Number(n) if n.literal() == "0"));

    let r2019 = &decoded[1].report;
    let active = TableKind::ActiveDisclosure;
    assert_eq!(
        get(r2019, active, "regulations", "made"),
        &Cell::NotApplicable("/".into())
    );
    assert_eq!(
        get(r2019, active, "enforcement", "change"),
        &Cell::NotApplicable("-".into())
    );
    assert_eq!(get(r2019, active, "licensing", "change").as_str(), "-3");
    assert_eq!(
        get(r2019, active, "other_services", "change").as_str(),
        "+2"
    );
    assert!(get(r2019, active, "fees", "change").decimal().is_some());
    assert_eq!(
        get(r2019, active, "procurement", "procurement_amount").as_str(),
        "356.42"
    );

    let all_blank = &decoded[2].report;
    let all_zero = &decoded[3].report;
    assert!(all_blank
        .tables()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .all(Cell::is_blank));
    assert!(all_zero
        .tables()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .all(|c| c.as_str() == "0"));
}

#[test]
fn cells_serialise_back_to_the_published_strings() {
    let json = fixture_json("sample-2019.json");
    let report = load_json("sample-2019.json", &json);
    let again = serde_json::to_string(table(&report, TableKind::ActiveDisclosure)).unwrap();
    for published in [
        r#"["/","/","/"]"#,
        r#"["312","-3","1180"]"#,
        r#"["6","-","9"]"#,
        r#"["27","356.42"]"#,
    ] {
        assert!(again.contains(published), "{published} in {again}");
    }
    let blank: Cell = serde_json::from_str(r#""""#).unwrap();
    assert_eq!(serde_json::to_string(&blank).unwrap(), r#""""#);
}

// ---- the mandated layouts, as report-formats.md gives them ----

fn layout(format: ReportFormat, kind: TableKind) -> &'static TableLayout {
    standard::layout(format, kind).unwrap()
}

fn row_labels(layout: &TableLayout) -> Vec<&'static str> {
    layout.rows().map(|r| r.label).collect()
}

fn column_labels(layout: &TableLayout, block: usize) -> Vec<&'static str> {
    layout.blocks[block]
        .columns
        .iter()
        .map(|c| c.label)
        .collect()
}

const APPLICATION_ROWS_BEFORE_OTHER: [&str; 24] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "(一)予以公开",
    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
    "(三)不予公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "(四)无法提供",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "(五)不予处理",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
];

#[test]
fn applications_layout_2021() {
    let layout = layout(ReportFormat::Format2021, TableKind::Applications);
    let mut expected = APPLICATION_ROWS_BEFORE_OTHER.to_vec();
    expected.extend([
        "(六)其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "(七)总计",
        "四、结转下年度继续办理",
    ]);
    assert_eq!(row_labels(layout), expected);
    assert_eq!(
        column_labels(layout, 0),
        [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计"
        ]
    );
    let groups: Vec<&[&str]> = layout.blocks[0].columns.iter().map(|c| c.groups).collect();
    assert_eq!(groups[0], ["申请人情况"]);
    assert_eq!(groups[1..6], [["申请人情况", "法人或其他组织"]; 5]);
    assert_eq!(groups[6], ["申请人情况"]);
    let (_, other) = layout.row("3.6").unwrap();
    assert_eq!(other.kind, RowKind::Heading);
    let (_, third) = layout.row("3.6.3").unwrap();
    assert_eq!((third.depth, third.parent), (2, Some("3.6")));
    let headings: Vec<&str> = layout
        .rows()
        .filter(|r| r.kind == RowKind::Heading)
        .map(|r| r.key)
        .collect();
    assert_eq!(headings, ["3", "3.3", "3.4", "3.5", "3.6"]);
}

#[test]
fn applications_layout_2019_has_one_other_row() {
    let layout = layout(ReportFormat::Trial2019, TableKind::Applications);
    let mut expected = APPLICATION_ROWS_BEFORE_OTHER.to_vec();
    expected.extend(["(六)其他处理", "(七)总计", "四、结转下年度继续办理"]);
    assert_eq!(row_labels(layout), expected);
    let (_, other) = layout.row("3.6").unwrap();
    assert_eq!((other.kind, other.depth), (RowKind::Values, 1));
    assert_eq!(
        column_labels(layout, 0),
        column_labels(
            standard::layout(ReportFormat::Format2021, TableKind::Applications).unwrap(),
            0
        )
    );
}

/// `(heading, columns, rows)` of each block of 表二.
fn blocks(layout: &TableLayout) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
    layout
        .blocks
        .iter()
        .map(|b| {
            assert_eq!(b.stub, "信息内容");
            (
                b.heading,
                b.columns.iter().map(|c| c.label).collect(),
                b.rows.iter().map(|r| r.label).collect(),
            )
        })
        .collect()
}

#[test]
fn active_disclosure_layout_2021() {
    let layout = layout(ReportFormat::Format2021, TableKind::ActiveDisclosure);
    assert_eq!(
        blocks(layout),
        [
            (
                "第二十条第(一)项",
                vec!["本年制发件数", "本年废止件数", "现行有效件数"],
                vec!["规章", "行政规范性文件"]
            ),
            (
                "第二十条第(五)项",
                vec!["本年处理决定数量"],
                vec!["行政许可"]
            ),
            (
                "第二十条第(六)项",
                vec!["本年处理决定数量"],
                vec!["行政处罚", "行政强制"]
            ),
            (
                "第二十条第(八)项",
                vec!["本年收费金额(单位:万元)"],
                vec!["行政事业性收费"]
            ),
        ]
    );
}

#[test]
fn active_disclosure_layout_2019() {
    let layout = layout(ReportFormat::Trial2019, TableKind::ActiveDisclosure);
    let items = vec!["上一年项目数量", "本年增/减", "处理决定数量"];
    assert_eq!(
        blocks(layout),
        [
            (
                "第二十条第(一)项",
                vec!["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                vec!["规章", "规范性文件"]
            ),
            (
                "第二十条第(五)项",
                items.clone(),
                vec!["行政许可", "其他对外管理服务事项"]
            ),
            ("第二十条第(六)项", items, vec!["行政处罚", "行政强制"]),
            (
                "第二十条第(八)项",
                vec!["上一年项目数量", "本年增/减"],
                vec!["行政事业性收费"]
            ),
            (
                "第二十条第(九)项",
                vec!["采购项目数量", "采购总金额"],
                vec!["政府集中采购"]
            ),
        ]
    );
}

#[test]
fn review_litigation_layout_is_three_groups_of_five_in_both_formats() {
    for format in [ReportFormat::Trial2019, ReportFormat::Format2021] {
        let layout = layout(format, TableKind::ReviewLitigation);
        let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        assert_eq!(column_labels(layout, 0), five.repeat(3));
        let groups: Vec<&[&str]> = layout.blocks[0].columns.iter().map(|c| c.groups).collect();
        assert_eq!(groups[..5], [["行政复议"]; 5]);
        assert_eq!(groups[5..10], [["行政诉讼", "未经复议直接起诉"]; 5]);
        assert_eq!(groups[10..], [["行政诉讼", "复议后起诉"]; 5]);
        assert_eq!(layout.value_rows().count(), 1);
        assert!(!layout.blocks[0].has_row_labels());
        for group in standard::REVIEW_GROUPS {
            let keys: Vec<&str> = group.parts.iter().chain([&group.total]).copied().collect();
            let labels: Vec<&str> = keys
                .iter()
                .map(|k| layout.blocks[0].column(k).unwrap().1.label)
                .collect();
            assert_eq!(labels, five);
        }
    }
}

/// Every printed label is in the format description verbatim, except the two
/// header cells the published templates print that it does not list.
#[test]
fn labels_are_verbatim_from_the_format_description() {
    let doc = repo_file(FORMATS_DOC);
    assert_eq!(
        sha256_hex(&doc),
        FORMATS_DOC_SHA256,
        "{FORMATS_DOC} is not the formats description"
    );
    let from_templates = [
        "申请人情况",
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
    ];
    for format in [ReportFormat::Trial2019, ReportFormat::Format2021] {
        for kind in TableKind::ALL {
            let layout = layout(format, kind);
            for block in layout.blocks {
                let columns = block
                    .columns
                    .iter()
                    .flat_map(|c| c.groups.iter().chain([&c.label]));
                let rows = block.rows.iter().map(|r| &r.label);
                // `第二十条第(一)项`: the doc lists the items as `第二十条第(一)(五)…项`.
                let item = block
                    .heading
                    .trim_start_matches("第二十条第")
                    .trim_end_matches('项');
                assert!(doc.contains(item), "{format:?} {kind:?}: {}", block.heading);
                for label in columns.chain(rows).chain([&block.stub]) {
                    assert!(
                        from_templates.contains(label) || doc.contains(label),
                        "{format:?} {kind:?}: “{label}” is not in {FORMATS_DOC}"
                    );
                }
            }
        }
    }
}

// ---- structural errors fail the load with file:line ----

fn at_line(errors: &[String], line: usize, needle: &str) {
    let prefix = format!("reports/broken.json:{line}:");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&prefix) && e.contains(needle)),
        "no error at line {line} containing {needle:?}: {errors:#?}"
    );
}

#[test]
fn a_row_with_a_wrong_number_of_cells_is_named_by_line() {
    let json = fixture_json("sample-2021.json").replacen(
        r#"{"key": "3.3.4", "cells": ["2", "0", "0", "0", "2", "0", "4"]}"#,
        r#"{"key": "3.3.4", "cells": ["2", "0", "0", "0", "2", "4"]}"#,
        1,
    );
    let errors = errors_for(&json);
    assert_eq!(errors.len(), 1, "{errors:?}");
    at_line(
        &errors,
        line_of(&json, r#""key": "3.3.4""#),
        "\"sec-3-table\" cells: row \"3.3.4\" (4.保护第三方合法权益) has 6 cells, but its columns are 7: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计",
    );
}

#[test]
fn unknown_heading_missing_duplicate_and_misordered_rows_are_errors() {
    let original = fixture_json("sample-2021.json");
    let json = original
        .replacen(r#""key": "3.6.1""#, r#""key": "3.9""#, 1)
        .replacen(r#""key": "3.6.2""#, r#""key": "3.6""#, 1)
        .replacen(r#""key": "3.5.5""#, r#""key": "3.5.1""#, 1)
        .replacen(
            r#"{"key": "regulations", "cells": ["0", "0", "0"]},
              {"key": "normative_documents", "cells": ["5", "2", "38"]},"#,
            r#"{"key": "normative_documents", "cells": ["5", "2", "38"]},
              {"key": "regulations", "cells": ["0", "0", "0"]},"#,
            1,
        );
    let errors = errors_for(&json);
    at_line(
        &errors,
        line_of(&json, r#""key": "3.9""#),
        "row key \"3.9\" is not a row of the 2021 layout of 收到和处理政府信息公开申请情况; its rows are: 1, 2, 3.1,",
    );
    at_line(
        &errors,
        line_of(&json, r#""key": "3.6""#),
        "row \"3.6\" ((六)其他处理) is a heading without cells",
    );
    at_line(
        &errors,
        line_of(&json, r#"{"key": "3.5.1", "cells": ["1""#),
        "row \"3.5.1\" is listed more than once",
    );
    at_line(
        &errors,
        line_of(&json, r#"{"key": "regulations""#),
        "row \"regulations\" (规章) is out of the printed order",
    );
    let table_line = line_of(&json, r#""id": "sec-3-table""#);
    let rows_line = table_line + 2;
    assert!(json
        .lines()
        .nth(rows_line - 1)
        .unwrap()
        .contains("\"rows\":"));
    at_line(
        &errors,
        rows_line,
        "rows missing from the 2021 layout of 收到和处理政府信息公开申请情况: \"3.5.5\" (5.要求行政机关确认或重新出具已获取信息), \"3.6.1\" (1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请), \"3.6.2\" (2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请)",
    );
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn rows_of_the_other_format_are_pointed_out() {
    // A 2019 report typed with the 2021 (六) sub-rows.
    let json =
        fixture_json("sample-2021.json").replacen(r#""format": "2021""#, r#""format": "2019""#, 1);
    let errors = errors_for(&json);
    at_line(
        &errors,
        line_of(&json, r#""key": "3.6.1""#),
        "(\"3.6.1\" 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 is a row of the 2021 format)",
    );
    // And its 表二 rows do not fit the 2019 blocks' columns.
    at_line(
        &errors,
        line_of(&json, r#""key": "licensing""#),
        "row \"licensing\" (行政许可) has 1 cells, but its columns are 3: 上一年项目数量, 本年增/减, 处理决定数量",
    );
}

#[test]
fn a_narrative_report_has_no_tables() {
    let json = fixture_json("sample-2019-all-zero.json").replacen(
        r#""format": "2019""#,
        r#""format": "narrative""#,
        1,
    );
    let errors = errors_for(&json);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    let table_line = line_of(&json, r#""id": "sec-4-table""#);
    at_line(
        &errors,
        table_line + 1,
        "\"sec-4-table\" kind: a narrative report has no standard tables: a table of kind \"review_litigation\" needs \"format\": \"2019\" or \"2021\"",
    );
}

#[test]
fn an_invalid_cell_is_a_json_error_at_its_line() {
    let json = fixture_json("sample-2021.json").replacen(r#"["3.50"]"#, r#"["3,50"]"#, 1);
    let errors = errors_for(&json);
    assert_eq!(errors.len(), 1);
    at_line(
        &errors,
        line_of(&json, "3,50"),
        "table cell \"3,50\" is not a number: a cell is \"\" (blank), a decimal number as printed",
    );
}

#[test]
fn table_ids_follow_the_id_rules() {
    let json = fixture_json("sample-2021.json").replacen("\"sec-4-table\"", "\"sec-3-table\"", 1);
    let errors = errors_for(&json);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("id \"sec-3-table\" is used more than once")),
        "{errors:?}"
    );
}
