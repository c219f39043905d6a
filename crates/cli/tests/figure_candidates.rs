//! Figure candidates proposed from a report's text
//! ([`report_viewer::import::figures::propose`]): on the seed they find
//! the figures its editor stated, and whatever the text, what is proposed
//! passes the build's checks as it stands.
//!
//! The property runs 2,000 cases unless `PROPTEST_CASES` says otherwise.

mod common;

use common::{proptest_config, repo_file};

use gir_compile::checks::check_report;
use gir_compile::load::load_report;
use gir_model::report::{
    Block, Bound, Figure, FigureCandidates, List, ListItem, Metadata, Paragraph, Report,
    ReportFormat, Section, Subsection,
};
use proptest::prelude::*;
use report_viewer::check::{check_json, Severity};
use report_viewer::import::figures::propose;

const DATASET: &str = "assets/reports/nanfen-2017.json";
const HOSTILE: &str = "tests/fixtures/hostile/hostile-payloads.json";

fn load(relative: &str) -> Report {
    load_report(relative, &repo_file(relative)).expect("the dataset loads")
}

/// `report` with `candidates` as its figure candidates, through the JSON
/// the build reads: it must load, checks and all.
fn loads_with(mut report: Report, candidates: Vec<Figure>) -> Report {
    report.figure_candidates = FigureCandidates(candidates);
    let json = serde_json::to_string_pretty(&report).unwrap();
    let loaded = load_report("proposed.json", &json).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(loaded, report);
    loaded
}

#[test]
fn the_seed_s_numbers_with_units_are_proposed_in_reading_order() {
    let proposed: Vec<(String, String, String)> = propose(&load(DATASET))
        .into_iter()
        .map(|f| (f.id, f.stated, f.source.anchor))
        .collect();
    let expected = [
        ("22家", "sec-1-sub3"),
        ("10余幅", "sec-1-sub3"),
        ("20余块", "sec-1-sub3"),
        ("2000余份", "sec-1-sub3"),
        ("1633条", "sec-2-p1"),
        ("12条", "sec-2-p1"),
        ("1182条", "sec-2-p1"),
        ("439条", "sec-2-p1"),
        ("4个", "sec-3-p1"),
        ("21家", "sec-4-p1"),
        ("201项", "sec-4-p1"),
        ("一项", "sec-5-p1"),
        ("22件", "sec-5-p1"),
        ("5件", "sec-5-p1"),
        ("城市管理方面6件", "sec-5-p1"),
        ("城市建设方面6件", "sec-5-p1"),
        ("社会保障方面2件", "sec-5-p1"),
        ("3件", "sec-5-p1"),
        ("113件", "sec-7-p1"),
        ("90件", "sec-7-p1"),
        ("119个", "sec-7-p1"),
        ("三项", "sec-9-item2"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .enumerate()
        .map(|(n, (stated, anchor))| {
            (
                format!("candidate-{}", n + 1),
                stated.to_string(),
                anchor.to_string(),
            )
        })
        .collect();
    assert_eq!(proposed, expected);
}

#[test]
fn the_seed_s_own_figures_are_among_the_proposals() {
    let seed = load(DATASET);
    let proposed = propose(&seed);
    // A proposal finds a figure when it reads the same value, unit and bound
    // in the same paragraph, with stated words within the figure's own.
    let finds = |figure: &Figure| {
        proposed.iter().find(|p| {
            p.source.anchor == figure.source.anchor
                && p.value == figure.value
                && p.unit == figure.unit
                && p.bound == figure.bound
                && figure.stated.contains(&p.stated)
        })
    };
    let (found, missed): (Vec<&Figure>, Vec<&Figure>) =
        seed.figures.iter().partition(|f| finds(f).is_some());
    let ids = |figures: &[&Figure]| figures.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&missed),
        [
            // 涉及18政府部门: no measure word.
            "service-departments",
            // Ranks (排名第一) and zeros (无…, 未接到) are not counts with a unit.
            "rank-province",
            "rank-city",
            "complaints",
            "reviews",
            "lawsuits",
            "applications",
        ]
    );
    assert_eq!(found.len(), 20);
    for (id, stated, value, unit, bound) in [
        ("pub-news", "1182条", 1182, "条", Bound::Exact),
        ("event-banners", "10余幅", 10, "幅", Bound::MoreThan),
        ("event-leaflets", "2000余份", 2000, "份", Bound::MoreThan),
        ("counties", "119个", 119, "个", Bound::Exact),
        (
            "proposals-social-security",
            "社会保障方面2件",
            2,
            "件",
            Bound::Exact,
        ),
    ] {
        let figure = seed.figure(id).unwrap();
        let proposal = finds(figure).unwrap();
        assert_eq!(
            (
                proposal.stated.as_str(),
                proposal.value,
                proposal.unit.as_str(),
                proposal.bound
            ),
            (stated, value, unit, bound),
            "{id}"
        );
        assert_eq!(proposal.source.quote, figure.source.quote, "{id}");
    }
}

#[test]
fn the_seed_s_proposals_pass_the_checks_with_its_figures_or_without() {
    let seed = load(DATASET);
    let proposed = propose(&seed);
    assert_eq!(proposed.len(), 22);
    // Beside the confirmed figures and charts.
    loads_with(seed.clone(), proposed.clone());
    // In place of them, as an import has it.
    let bare = Report {
        figures: Vec::new(),
        charts: Vec::new(),
        ..seed
    };
    assert_eq!(propose(&bare), proposed);
    let report = loads_with(bare, proposed);
    // `report-viewer check` says how many await confirmation, as a warning.
    let json = serde_json::to_string_pretty(&report).unwrap();
    let findings = check_json("proposed.json", &json);
    let warnings: Vec<String> = findings
        .iter()
        .filter(|f| f.severity != Severity::Note)
        .map(|f| f.to_line())
        .collect();
    let line = json
        .lines()
        .position(|l| l.contains("\"figure_candidates\""))
        .unwrap()
        + 1;
    assert_eq!(
        warnings,
        [format!(
            "proposed.json:{line}:3: warning: 22 figure candidate(s) await confirmation (checked, never charted or shipped): compare each with the publication, then move it into \"figures\" or delete it"
        )]
    );
}

#[test]
fn the_hostile_fixture_s_proposals_pass_the_checks() {
    let hostile = load(HOSTILE);
    let proposed = propose(&hostile);
    loads_with(hostile, proposed);
}

// ---- whatever the text ----

/// Text made of what numbers are written with, and what stands around them.
fn text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "1",
        "2",
        "0",
        "9",
        "１",
        "２",
        "一",
        "二",
        "三",
        "十",
        "百",
        "千",
        "万",
        "零",
        "两",
        "余",
        "人次",
        "人",
        "次",
        "万元",
        "元",
        "条",
        "件",
        "项",
        "家",
        "个",
        "幅",
        "块",
        "份",
        "%",
        "％",
        "年",
        "月",
        "工作日",
        "第",
        "几",
        "数",
        "其中",
        "共",
        "累计",
        ".",
        "．",
        ",",
        "，",
        "、",
        ";",
        "；",
        ":",
        "。",
        "!",
        "?",
        "！",
        "？",
        "(",
        ")",
        "“",
        "”",
        " ",
        "　",
        "受理",
        "办结",
        "方面",
        "公开",
        "信息",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn report_of(texts: Vec<String>) -> Report {
    let mut blocks = Vec::new();
    for (n, text) in texts.into_iter().enumerate() {
        let id = format!("sec-1-b{n}");
        blocks.push(match n % 3 {
            0 => Block::Paragraph(Paragraph { id, text }),
            1 => Block::Subsection(Subsection {
                id,
                label: "(一)".into(),
                title: "标题。".into(),
                text,
            }),
            _ => Block::List(List {
                items: vec![ListItem {
                    id: format!("{id}-item"),
                    label: "1.".into(),
                    text,
                }],
                id,
            }),
        });
    }
    Report {
        id: "r".into(),
        format: ReportFormat::Narrative,
        meta: Metadata::default(),
        title: "标题".into(),
        preamble: Vec::new(),
        sections: vec![Section {
            id: "sec-1".into(),
            label: "一、".into(),
            title: "情况".into(),
            blocks,
        }],
        figures: Vec::new(),
        figure_candidates: FigureCandidates::default(),
        charts: Vec::new(),
    }
}

proptest! {
    #![proptest_config(proptest_config(2_000))]

    /// Every proposal is a figure the build would accept: its quote is in
    /// its paragraph, its stated words once in the quote and saying its
    /// value, unit and bound; its id is new.
    #[test]
    fn whatever_the_text_the_proposals_pass_the_checks(
        texts in prop::collection::vec(text(), 1..5)
    ) {
        let mut report = report_of(texts);
        let proposed = propose(&report);
        report.figure_candidates = FigureCandidates(proposed.clone());
        let problems = check_report(&report);
        prop_assert!(problems.is_empty(), "{:#?}\n{:#?}", problems, proposed);
        for figure in &proposed {
            prop_assert!(!figure.label.trim().is_empty());
            prop_assert!(figure.stated.contains(&figure.unit));
        }
    }
}
