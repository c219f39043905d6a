//! Property tests of the text importer: on arbitrary input it never panics
//! and loses nothing — every non-whitespace character of the input is in
//! the dataset or in what the importer says it left out, and the body's
//! text is in the dataset in its order; a well-formed report's text comes
//! back as the report it was printed from.
//!
//! CI runs 2,000 cases of each property; for a longer run:
//! `PROPTEST_CASES=100000 cargo test --release -p report-viewer --test properties`.

mod common;

use common::{char_counts, dataset_texts, proptest_config};

use gir_compile::load::load_report;
use gir_compile::text::forbidden;
use gir_model::report::{
    Block, List, ListItem, Metadata, Paragraph, Report, ReportFormat, Section, Subsection,
};
use gir_model::standard;
use gir_model::table::TableKind;
use proptest::prelude::*;
use report_viewer::cli::dataset_json;
use report_viewer::import::{self, import_bytes, shape_of, DropKind, Dropped, Imported, Options};

/// The standard tables' words and cells, flattened as pages and PDFs print
/// them.
const TABLE_CUES: [&str; 16] = [
    "一、本年新收政府信息公开申请数量",
    "三、本年度办理结果",
    "(一)予以公开",
    "(二)部分公开(区分处理的,只计这一情形,",
    "不计其他情形)",
    "第二十条第(一)项",
    "信息内容",
    "规章",
    "行政许可",
    "行政复议",
    "结果维持",
    "总计",
    "0",
    "18",
    "-3",
    "/",
];

/// Text shaped like a report's, broken every way: the importer's own cues
/// (numbering, labels, chrome, page numbers, separators, line breaks of
/// every kind, indents; with `with_tables`, the standard tables' words and
/// cells) among arbitrary characters.
fn messy_text(with_tables: bool) -> impl Strategy<Value = String> {
    let cues = vec![
        "一、",
        "十二、",
        "二.",
        "(一)",
        "(三)",
        "()",
        "一是",
        "二是",
        "1.",
        "(2)",
        "索引号:",
        "发布机构:",
        "文 号:",
        "关键词:",
        "发布时间:",
        "来源:",
        "名称:",
        "【字体:大 中 小】",
        "【打印】",
        "打印本页",
        "当前位置:首页 > 公开",
        "- 3 -",
        "第2页 共9页",
        "7/9",
        "12",
        "|",
        "\u{FF5C}",
        "。",
        ",",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u{C}",
        "\u{2028}",
        "\t",
        " ",
        "\u{3000}\u{3000}",
        "\u{FEFF}",
        "\u{202E}",
        "\u{1}",
        "\u{85}",
        "\u{7F}",
        "2017年",
        "<p>",
    ];
    let cues = match with_tables {
        true => [cues, TABLE_CUES.to_vec()].concat(),
        false => cues,
    };
    let cue = prop::sample::select(cues);
    let piece = prop_oneof![
        4 => cue.prop_map(str::to_string),
        3 => "[\u{4e00}-\u{4e2f}]{1,12}",
        1 => any::<char>().prop_map(String::from),
        1 => ".{0,6}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

fn non_whitespace(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace())
}

/// What each kind of left-out piece may hold.
fn dropped_as_said(dropped: &Dropped) -> bool {
    let text: String = non_whitespace(&dropped.text).collect();
    let only = |allowed: &str| text.chars().all(|c| allowed.contains(c));
    match dropped.kind {
        DropKind::Forbidden => text.chars().count() == 1 && text.chars().all(|c| forbidden(c).is_some()),
        DropKind::Separator => only("|\u{FF5C}"),
        DropKind::Label => {
            text.ends_with([':', '\u{FF1A}'])
                && only("索引号发布机构单位文关信息名称标题主题分类公开日期成生废止失效时效字号键词间:\u{FF1A}")
        }
        DropKind::PageNumber => {
            only("0123456789\u{FF10}\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}\u{FF16}\u{FF17}\u{FF18}\u{FF19}-—–‒\u{FF0D}第页共/,\u{FF0C}、")
        }
        DropKind::Chrome => {
            only("【】[]\u{FF3B}\u{FF3D}字体号:\u{FF1A}大中小默认标准打印本此页关闭窗口返回顶部我要纠错分享到加入收藏")
                || text.starts_with("当前位置")
                || text.starts_with("您现在的位置")
                || text.starts_with("您的位置")
                || text.starts_with("现在的位置")
                || text.contains("首页")
        }
        DropKind::Metadata => text.contains([':', '\u{FF1A}']),
        // Header rows and cells given twice: the standard tables' own words
        // (as any font prints their brackets and quotes) and cells.
        DropKind::TableLabel => text.chars().all(|c| {
            table_words().contains(c) || c.is_ascii_digit() || "()()::“”\"/—-.、".contains(c)
        }),
        // Only a Word file holds text it does not show, or shows as
        // pictures and boxes.
        DropKind::Hidden | DropKind::Unread => false,
    }
}

/// Every character of the standard tables' printed labels.
fn table_words() -> String {
    let mut words = String::new();
    for format in [ReportFormat::Trial2019, ReportFormat::Format2021] {
        for kind in TableKind::ALL {
            let Some(layout) = standard::layout(format, kind) else {
                continue;
            };
            for block in layout.blocks {
                words.push_str(block.heading);
                words.push_str(block.stub);
                for column in block.columns {
                    words.push_str(column.label);
                    words.extend(column.groups.iter().copied());
                }
                for row in block.rows {
                    words.push_str(row.label);
                }
            }
        }
    }
    words
}

fn import(text: &str) -> Option<Imported> {
    import_with(text, Options::default())
}

/// The text importer's result; `None` for an input that starts like a page
/// (markup at the very start), which the HTML importer reads.
fn import_with(text: &str, options: Options) -> Option<Imported> {
    if shape_of(text.as_bytes()) != import::Shape::Text {
        assert!(text
            .trim_start_matches('\u{FEFF}')
            .trim_start()
            .starts_with('<'));
        return None;
    }
    Some(import_bytes(text.as_bytes(), &options).expect("text is always imported"))
}

proptest! {
    #![proptest_config(proptest_config(2_000))]

    /// Nothing is lost: the input's non-whitespace characters are, counted
    /// one by one, those of the dataset and of what was left out, and each
    /// left-out piece is what its kind says. The dataset is valid JSON of
    /// the model.
    #[test]
    fn every_character_is_in_the_dataset_or_accounted_for(text in messy_text(true)) {
        let Some(imported) = import(&text) else { return Ok(()) };
        let input = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let mut kept = dataset_texts(&imported.report);
        kept.extend(imported.dropped.iter().map(|d| d.text.clone()));
        prop_assert_eq!(char_counts([input.to_string()]), char_counts(kept));
        for dropped in &imported.dropped {
            prop_assert!(dropped_as_said(dropped), "{:?}", dropped);
        }
        let json = dataset_json(&imported).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, imported.report);
    }

    /// The body comes through in order: its non-whitespace characters are
    /// the dataset's printed lines', once the lines the importer says it
    /// dropped (page numbers, chrome) and refused characters are left out.
    #[test]
    fn the_body_text_is_kept_in_order(
        header in prop::collection::vec(("[\u{4e00}-\u{4e2f}0-9-]{0,10}", 0usize..4), 0..4),
        title in "某[\u{4e00}-\u{4e2f}0-9]{0,30}",
        body in messy_text(false),
    ) {
        let labels = ["索引号:", "发布机构\u{FF1A}", "成文日期:", "关 键 词:"];
        let header: Vec<String> = header
            .iter()
            .map(|(value, label)| format!("{}{value}", labels[*label]))
            .collect();
        let lead = "根据规定,现报告如下:";
        let mut lines = header.clone();
        lines.push(title.clone());
        lines.push(format!("{lead}{body}"));
        let text = lines.join("\n");
        let Some(imported) = import(&text) else { return Ok(()) };
        prop_assert_eq!(&imported.report.title, &title);
        let first_body_line = header.len() + 2;
        let mut dropped: Vec<&Dropped> = imported
            .dropped
            .iter()
            .filter(|d| matches!(d.kind, DropKind::PageNumber | DropKind::Chrome))
            .collect();
        let mut expected = String::new();
        let body_lines = text.split('\n').enumerate().skip(first_body_line - 1);
        for (index, line) in body_lines {
            let breaks = ['\r', '\u{B}', '\u{C}', '\u{85}', '\u{2028}', '\u{2029}'];
            for piece in line.split(breaks) {
                let cleaned: String = piece
                    .chars()
                    .map(|c| if forbidden(c).is_some() && c.is_whitespace() { ' ' } else { c })
                    .filter(|c| forbidden(*c).is_none())
                    .collect();
                let cleaned = cleaned.trim();
                let said = dropped
                    .iter()
                    .position(|d| d.line == index + 1 && d.text == cleaned);
                match said {
                    Some(at) => {
                        dropped.remove(at);
                    }
                    None => expected.extend(non_whitespace(cleaned)),
                }
            }
        }
        prop_assert!(dropped.is_empty(), "dropped from the header? {:?}", dropped);
        let got: String = non_whitespace(&imported.report.text_lines().concat()).collect();
        prop_assert_eq!(got, expected);
    }

    /// A report printed as the seed is (metadata header, title, 发布时间,
    /// blank-line separated paragraphs) comes back as that report: text,
    /// structure and ids; and the build accepts it.
    #[test]
    fn a_printed_report_comes_back_as_it_was(report in printed_report()) {
        let options = Options { id: Some(report.id.clone()), source_name: None };
        let imported = import_with(&print(&report), options).expect("text");
        // Its numbers with units come as candidates (the figure
        // proposer's own tests say which).
        let without_candidates = Report {
            figure_candidates: Default::default(),
            ..imported.report.clone()
        };
        prop_assert_eq!(&without_candidates, &report);
        let json = dataset_json(&imported).unwrap();
        let loaded = load_report("prop.json", &json);
        prop_assert!(loaded.is_ok(), "{:?}", loaded.err());
    }
}

// ---- well-formed reports, and their printed text ----

/// Sentence text: never starts like a heading (it starts with 本) and ends
/// with a full stop.
fn sentence() -> impl Strategy<Value = String> {
    "[\u{4e00}-\u{4e2f}0-9a-z,、《》“”]{0,60}".prop_map(|s| format!("本{s}。"))
}

fn heading_text() -> impl Strategy<Value = String> {
    "[\u{4e00}-\u{4e2f}0-9“”+]{1,20}"
}

#[derive(Clone, Debug)]
enum Shape {
    Paragraph(String),
    Subsection(String, String, String),
    List(Vec<String>),
}

fn shape() -> impl Strategy<Value = Shape> {
    let label = prop::sample::select(vec!["(一)", "(二)", "()", "\u{FF08}三\u{FF09}", "(十一)"]);
    prop_oneof![
        sentence().prop_map(Shape::Paragraph),
        (label, heading_text(), sentence()).prop_map(|(l, t, s)| Shape::Subsection(
            l.to_string(),
            format!("{t}。"),
            s
        )),
        prop::collection::vec(sentence(), 2..5).prop_map(Shape::List),
    ]
}

/// Ids as the seed dataset numbers them.
fn blocks(prefix: &str, shapes: Vec<Shape>) -> Vec<Block> {
    let (mut p, mut sub, mut lists, mut items) = (0, 0, 0, 0);
    let mut blocks = Vec::new();
    let mut last_was_list = false;
    for shape in shapes {
        match shape {
            Shape::Paragraph(text) => {
                p += 1;
                blocks.push(Block::Paragraph(Paragraph {
                    id: format!("{prefix}-p{p}"),
                    text,
                }));
                last_was_list = false;
            }
            Shape::Subsection(label, title, text) => {
                sub += 1;
                blocks.push(Block::Subsection(Subsection {
                    id: format!("{prefix}-sub{sub}"),
                    label,
                    title,
                    text,
                }));
                last_was_list = false;
            }
            // Two lists in a row print as one.
            Shape::List(_) if last_was_list => {}
            Shape::List(texts) => {
                lists += 1;
                let id = match lists {
                    1 => format!("{prefix}-list"),
                    n => format!("{prefix}-list{n}"),
                };
                let items = texts
                    .into_iter()
                    .enumerate()
                    .map(|(n, text)| {
                        items += 1;
                        ListItem {
                            id: format!("{prefix}-item{items}"),
                            label: format!("{}是", ordinal(n + 1)),
                            text,
                        }
                    })
                    .collect();
                blocks.push(Block::List(List { id, items }));
                last_was_list = true;
            }
        }
    }
    blocks
}

fn ordinal(n: usize) -> String {
    gir_compile::numerals::chinese_ordinal(n)
}

fn printed_report() -> impl Strategy<Value = Report> {
    let meta_value = "[\u{4e00}-\u{4e2f}0-9-]{0,12}";
    (
        prop::collection::vec(meta_value, 10),
        "某[\u{4e00}-\u{4e2f}0-9]{0,30}",
        prop::collection::vec(shape(), 0..3),
        prop::collection::vec((heading_text(), prop::collection::vec(shape(), 0..5)), 1..6),
    )
        .prop_map(|(values, title, preamble, sections)| {
            let v = |n: usize| values[n].clone();
            Report {
                id: "report".into(),
                format: ReportFormat::Narrative,
                meta: Metadata {
                    index_no: v(0),
                    publisher: v(1),
                    name: v(2),
                    topic: v(3),
                    publish_date: v(4),
                    written_date: v(5),
                    repeal_date: v(6),
                    doc_no: v(7),
                    keywords: v(8),
                    published_at: v(9),
                },
                title,
                preamble: blocks("lead", preamble),
                sections: sections
                    .into_iter()
                    .enumerate()
                    .map(|(n, (title, shapes))| {
                        let id = format!("sec-{}", n + 1);
                        Section {
                            blocks: blocks(&id, shapes),
                            id,
                            label: format!("{}、", ordinal(n + 1)),
                            title,
                        }
                    })
                    .collect(),
                figures: Vec::new(),
                figure_candidates: Default::default(),
                charts: Vec::new(),
            }
        })
}

/// The report as the seed prints one.
fn print(report: &Report) -> String {
    let m = &report.meta;
    let mut text = format!(
        "索引号: {} 发布机构: {}\n信息名称: {} 主题分类: {}\n发布日期: {} 成文日期: {}\n废止日期: {} 文 号: {}\n关键词: {}\n\n{}\n\n发布时间:{} 【字体:\n\n",
        m.index_no, m.publisher, m.name, m.topic, m.publish_date, m.written_date,
        m.repeal_date, m.doc_no, m.keywords, report.title, m.published_at
    );
    for line in report.text_lines() {
        text.push_str(&line);
        text.push_str("\n\n");
    }
    text
}
