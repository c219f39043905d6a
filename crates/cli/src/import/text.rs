//! The plain-text importer: text copied from a report page, or a PDF's text
//! layer, as the seed file is.
//!
//! What it recognises, in order:
//!
//! 1. **Lines.** `\n`, `\r\n`, a lone `\r`, form feeds (page breaks) and
//!    Unicode line separators end lines. Every line is trimmed (full-width
//!    spaces too); characters a dataset refuses (control characters,
//!    bidirectional overrides) are dropped and named, tabs become spaces.
//! 2. **The header**, before the body: metadata lines (`索引号:` … in the
//!    layouts portals print: one field per line, several on a line,
//!    `|`-separated, full- or half-width colons, `文 号` with spaces), the
//!    title (the first other line, if it reads like one), the `发布时间` line,
//!    and portal chrome (`【字体:大 中 小】`, `打印本页`, a breadcrumb).
//! 3. **The body**, from the first other line: page-number lines dropped
//!    (`- 3 -`, `第3页 共9页`, `3/9`, a bare number unless the text has the
//!    standard tables, whose cells are bare numbers); a PDF's wrapped lines
//!    joined back into their paragraphs (only when the text is wrapped: many
//!    lines about equally long, none long; a line goes on from a full line
//!    before it that ends no sentence, or, where paragraphs begin indented,
//!    from any full line when it is itself not indented); then each
//!    paragraph is a section heading
//!    (`一、总体情况`), a run-in subsection (`(一)标题。正文…`), an item of
//!    a list (two or more `一是…`, `二是…` paragraphs in a row), or a
//!    paragraph.
//!
//! Steps 2 and 3 are shared by every shape ([`super::assemble`]).

use super::assemble::assemble;
use super::{Account, Imported, Line, Options, Piece};
use gir_compile::text::forbidden;

/// Imports the plain text of a report.
pub fn import_text(input: &str, options: &Options) -> Imported {
    let mut account = Account::default();
    let pieces = pieces(input, &mut account);
    assemble(&pieces, true, options, account)
}

/// The lines of a text, as pieces.
pub(super) fn pieces(input: &str, account: &mut Account) -> Vec<Piece> {
    split_lines(input, account)
        .into_iter()
        .map(Piece::Line)
        .collect()
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn split_lines(input: &str, account: &mut Account) -> Vec<Line> {
    let mut lines = Vec::new();
    for (index, raw) in input.split('\n').enumerate() {
        let no = index + 1;
        let mut refused: Vec<char> = Vec::new();
        for piece in raw.split(is_line_break) {
            let mut text = String::with_capacity(piece.len());
            for c in piece.chars() {
                match forbidden(c) {
                    // Tabs part cells until the line is split into them.
                    None | Some(_) if c == '\t' => text.push(c),
                    None => text.push(c),
                    Some(_) if c.is_whitespace() => text.push(' '),
                    Some(_) => refused.push(c),
                }
            }
            let indent: String = text.chars().take_while(|c| c.is_whitespace()).collect();
            let cells = match text.contains('\t') {
                true => text
                    .split('\t')
                    .map(|cell| cell.trim().to_string())
                    .collect(),
                false => Vec::new(),
            };
            lines.push(Line {
                no,
                text: text.replace('\t', " ").trim().to_string(),
                indented: indent.chars().count() >= 2 || indent.contains('\u{3000}'),
                cells,
            });
        }
        account.refuse(no, &refused);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::body::is_page_number;
    use super::super::header::is_chrome;
    use super::super::structure::{list_item, numbered, section_heading, subsection};
    use super::super::{is_valid_id, DropKind};
    use super::*;
    use gir_model::report::{Block, Paragraph, ReportFormat, Section, Subsection};

    fn import(text: &str) -> Imported {
        import_text(text, &Options::default())
    }

    #[test]
    fn metadata_in_the_layouts_portals_print() {
        let imported = import(
            "索引号:11210500/2018-00012 \u{FF5C} 发布机构\u{FF1A}南芬区人民政府 | 发布日期:2018-03-09\n\
             信息名称\u{FF1A}某报告\n\
             主题分类: 重点领域信息公开    文  号:  关 键 词:年报\n\
             成文日期:2018-03-01\n\n\
             某报告\n\
             发布时间:2018-03-09 13:34:24 【字体:大 中 小】【打印本页】\n\
             一、总体情况\n正文。",
        );
        let meta = &imported.report.meta;
        assert_eq!(meta.index_no, "11210500/2018-00012");
        assert_eq!(meta.publisher, "南芬区人民政府");
        assert_eq!(meta.publish_date, "2018-03-09");
        assert_eq!(meta.name, "某报告");
        assert_eq!(meta.topic, "重点领域信息公开");
        assert_eq!(meta.doc_no, "");
        assert_eq!(meta.keywords, "年报");
        assert_eq!(meta.written_date, "2018-03-01");
        assert_eq!(meta.published_at, "2018-03-09 13:34:24");
        assert_eq!(imported.report.title, "某报告");
        let chrome: Vec<&str> = imported
            .dropped
            .iter()
            .filter(|d| d.kind == DropKind::Chrome)
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(chrome, ["【字体:大 中 小】【打印本页】"]);
        assert_eq!(imported.report.sections[0].heading(), "一、总体情况");
    }

    #[test]
    fn fields_the_dataset_lacks_and_repeated_fields_are_named() {
        let imported =
            import("来源:区政府办 发布日期:2020-01-02 发布日期:2020-01-03\n标题行\n一、甲\n乙。");
        assert_eq!(imported.report.meta.publish_date, "2020-01-02");
        let messages: Vec<&str> = imported
            .notices
            .iter()
            .map(|n| n.message.as_str())
            .collect();
        assert!(
            messages.iter().any(|m| m.contains("no field for 来源")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("发布日期 is given a second time")),
            "{messages:?}"
        );
    }

    #[test]
    fn chrome_is_only_chrome() {
        for chrome in [
            "【字体:",
            "【字体\u{FF1A}大 中 小】",
            "字号:大中小",
            "【打印】【关闭】",
            "打印本页 关闭窗口",
            "[打印]",
            "\u{FF3B}关闭\u{FF3D}",
        ] {
            assert!(is_chrome(chrome), "{chrome}");
        }
        for text in ["打印机采购", "【通知】", "字体设计大赛", "", "【】"] {
            assert!(!is_chrome(text), "{text}");
        }
    }

    #[test]
    fn page_numbers_in_their_printed_shapes() {
        for page in [
            "- 3 -",
            "—12—",
            "\u{FF0D}\u{FF11}\u{FF0D}",
            "第3页",
            "第 3 页 共 9 页",
            "第3页\u{FF0C}共9页",
            "3/9",
            "3",
            "12",
        ] {
            assert!(is_page_number(page, true), "{page}");
        }
        assert!(!is_page_number("3", false), "a table's cell");
        for text in ["2017年", "第三页", "一、", "1234", "3.5", "-"] {
            assert!(!is_page_number(text, true), "{text}");
        }
    }

    #[test]
    fn headings_subsections_and_lists() {
        assert_eq!(
            section_heading("十二、其他需要报告的事项"),
            Some(("十二、".into(), "其他需要报告的事项".into()))
        );
        assert_eq!(
            section_heading("一、总体情况。今年我们做了很多工作。"),
            None
        );
        assert_eq!(section_heading("一、"), None);
        assert_eq!(
            subsection("(一)落实工作要点,逐项对照公开。根据要求"),
            Some((
                "(一)".into(),
                "落实工作要点,逐项对照公开。".into(),
                "根据要求".into()
            ))
        );
        assert_eq!(
            subsection("()明确落实责任。正文"),
            Some(("()".into(), "明确落实责任。".into(), "正文".into()))
        );
        assert_eq!(
            subsection("\u{FF08}二\u{FF09}主动公开情况"),
            Some((
                "\u{FF08}二\u{FF09}".into(),
                "主动公开情况".into(),
                "".into()
            ))
        );
        assert_eq!(subsection("(1)小项"), None);
        assert_eq!(
            list_item("一是提高认识。"),
            Some(("一是".into(), "提高认识。".into()))
        );
        assert_eq!(list_item("是否"), None);
        assert!(
            numbered("1.属于国家秘密") && numbered("\u{FF08}3\u{FF09}其他") && !numbered("2017年")
        );
    }

    #[test]
    fn a_wrapped_pdf_text_is_joined_back_into_paragraphs() {
        let line = "我区能够认真贯彻落实党中央国务院省市政务公开工作要求转变政府职能实现规划";
        let text = format!(
            "某区2019年政府信息公开工作年度报告\n\
             一、总体情况\n\
             {line}\n{line}\n{line}\n\n- 2 -\n\n{line}\n创新。\n\
             (一)主动公开\n{line}\n结束。\n二、其他\n南芬区人民政府\n2020年1月"
        );
        let imported = import(&text);
        let sections = &imported.report.sections;
        assert_eq!(sections.len(), 2);
        assert_eq!(
            sections[0].blocks,
            [
                Block::Paragraph(Paragraph {
                    id: "sec-1-p1".into(),
                    text: format!("{line}{line}{line}{line}创新。"),
                }),
                Block::Subsection(Subsection {
                    id: "sec-1-sub1".into(),
                    label: "(一)".into(),
                    title: "主动公开".into(),
                    text: "".into(),
                }),
                Block::Paragraph(Paragraph {
                    id: "sec-1-p2".into(),
                    text: format!("{line}结束。"),
                }),
            ]
        );
        // A signature's short lines stay lines, and are named.
        assert_eq!(sections[1].blocks.len(), 2);
        assert!(imported
            .notices
            .iter()
            .any(|n| n.message.contains("“南芬区人民政府” is a short line")));
        assert!(imported
            .dropped
            .iter()
            .any(|d| d.kind == DropKind::PageNumber && d.text == "- 2 -"));
    }

    #[test]
    fn standard_tables_in_text_are_detected_and_kept_as_paragraphs() {
        let text = "某局2021年政府信息公开工作年度报告\n\
            一、总体情况\n正文。\n\
            三、收到和处理政府信息公开申请情况\n\
            一、本年新收政府信息公开申请数量\n40\n3\n\
            二、上年结转政府信息公开申请数量\n0\n\
            三、本年度办理结果\n(一)予以公开\n12\n\
            (六)其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n0\n\
            四、结转下年度继续办理\n\
            四、政府信息公开行政复议、行政诉讼情况\n正文。";
        let imported = import(text);
        assert_eq!(imported.report.format, ReportFormat::Format2021);
        let headings: Vec<String> = imported
            .report
            .sections
            .iter()
            .map(Section::heading)
            .collect();
        assert_eq!(
            headings,
            [
                "一、总体情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况"
            ]
        );
        // Cells are never taken for page numbers.
        assert!(imported
            .dropped
            .iter()
            .all(|d| d.kind != DropKind::PageNumber));
        assert!(imported
            .notices
            .iter()
            .any(|n| n.message.contains("standard tables (2021 format)")));
    }

    #[test]
    fn ids_are_url_safe_and_never_a_block_s() {
        let options = |name: &str| Options {
            id: None,
            source_name: Some(name.into()),
        };
        let imported = import_text("标题\n一、甲", &options("南芬区 Nanfen 2019.txt"));
        assert_eq!(imported.report.id, "nanfen-2019");
        let imported = import_text("标题2019年\n一、甲", &options("南芬区.txt"));
        assert_eq!(imported.report.id, "report-2019");
        let imported = import_text("标题2019年\n一、甲", &options("sec-1.txt"));
        assert_eq!(imported.report.id, "sec-1-report");
        let imported = import_text("无年份标题\n一、甲", &options("南芬区.txt"));
        assert_eq!(imported.report.id, "report");
        assert!(is_valid_id("nanfen-2017") && !is_valid_id("南芬") && !is_valid_id(""));
    }

    #[test]
    fn refused_characters_are_dropped_and_named() {
        let imported = import("标题\n一、甲\u{202E}乙\t丙\u{1}");
        assert_eq!(imported.report.sections[0].title, "甲乙 丙");
        assert_eq!(
            imported
                .dropped
                .iter()
                .filter(|d| d.kind == DropKind::Forbidden)
                .count(),
            2
        );
        assert!(imported
            .notices
            .iter()
            .any(|n| n.line == Some(2) && n.message.contains("U+202E")));
    }
}
