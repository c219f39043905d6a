//! The Word importer on Word files as editors write them: the 2021-format
//! sample report written as a `.docx` here (automatic and typed numbering,
//! text split over runs, the three standard tables as Word tables with the
//! 2021 template's merged cells) comes back as the sample dataset, figures
//! aside; revisions, fields, bullets, a table that is no standard table and
//! broken files each do what the importer says; and on arbitrary
//! paragraphs the importer never panics and loses nothing.
//!
//! `tests/fixtures/import/sample-2021.docx` is the file this writer makes
//! of the sample (for the README's example and for opening in Word):
//! `cargo test -p report-viewer --test import_docx -- --ignored` writes it
//! again.

mod common;

use common::{char_counts, proptest_config, repo_path};

use gir_compile::text::forbidden;
use gir_model::report::{Block, Metadata, Report, ReportFormat};
use gir_model::standard::{self, HeaderCell, RowKind};
use gir_model::table::Table;
use proptest::prelude::*;
use report_viewer::cli::{dataset_json, run, EXIT_OK, EXIT_UNREADABLE};
use report_viewer::import::{import_bytes, DropKind, Imported, Options, Places};
use std::io::{Cursor, Write};

const SAMPLE: &str = "tests/fixtures/reports/sample-2021.json";
const FIXTURE: &str = "tests/fixtures/import/sample-2021.docx";

fn sample() -> Report {
    let path = repo_path(SAMPLE);
    let json = std::fs::read_to_string(&path).unwrap();
    gir_compile::load::load_report(SAMPLE, &json).expect("the sample loads")
}

fn import(bytes: &[u8]) -> Imported {
    import_bytes(
        bytes,
        &Options {
            id: Some("sample-2021".into()),
            source_name: Some("sample-2021.docx".into()),
        },
    )
    .expect("the Word file is read")
}

// ---- a .docx writer: the parts Word writes, as an editor's file has them ----

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters as character references (XML 1.0 has no
            // way to write NUL).
            '\0' => {}
            c if forbidden(c).is_some() && !matches!(c, '\t' | '\n' | '\r') => {
                out.push_str(&format!("&#x{:X};", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out
}

/// A run as Word writes one.
fn run_xml(text: &str) -> String {
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/>\
         <w:sz w:val=\"32\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr>\
         <w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

/// Text split over runs the way Word splits it (at edits, spell checks,
/// language changes): in the middle of words and numbers (`23` `16条`).
fn runs(text: &str) -> String {
    const LENGTHS: [usize; 6] = [2, 1, 3, 5, 1, 4];
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for (n, length) in LENGTHS.iter().cycle().enumerate() {
        if at >= chars.len() {
            break;
        }
        let end = (at + length).min(chars.len());
        let piece: String = chars[at..end].iter().collect();
        if n % 4 == 3 {
            out.push_str("<w:proofErr w:type=\"spellStart\"/>");
        }
        out.push_str(&run_xml(&piece));
        at = end;
    }
    out
}

/// A paragraph with these properties and text.
fn paragraph(properties: &str, text: &str) -> String {
    format!("<w:p><w:pPr>{properties}</w:pPr>{}</w:p>", runs(text))
}

const BODY_TEXT: &str = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>";

/// `word/numbering.xml`: a Chinese-counting list `一、` for section
/// headings (list 1, which the heading style names), and list 2, the same
/// list starting over at 五.
const NUMBERING: &str = "<w:abstractNum w:abstractNumId=\"0\">\
      <w:multiLevelType w:val=\"hybridMultilevel\"/>\
      <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>\
        <w:lvlText w:val=\"%1、\"/><w:lvlJc w:val=\"left\"/><w:suff w:val=\"nothing\"/>\
        <w:pPr><w:ind w:left=\"0\" w:firstLine=\"640\"/></w:pPr></w:lvl>\
      <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>\
        <w:lvlText w:val=\"\u{FF08}%2\u{FF09}\"/><w:lvlJc w:val=\"left\"/></w:lvl>\
    </w:abstractNum>\
    <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
    <w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>\
      <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>\
    <w:abstractNum w:abstractNumId=\"1\">\
      <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>\
        <w:lvlText w:val=\"\u{F0B7}\"/><w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\"/></w:rPr></w:lvl>\
    </w:abstractNum>\
    <w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>";

/// `word/styles.xml`: the heading style numbers its paragraphs (list 1)
/// through the style it is based on.
const STYLES: &str = "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"32\"/></w:rPr></w:rPrDefault></w:docDefaults>\
    <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/>\
      <w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:style>\
    <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"a\"/>\
      <w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"44\"/></w:rPr></w:style>\
    <w:style w:type=\"paragraph\" w:styleId=\"NumberedBase\"><w:name w:val=\"Numbered\"/>\
      <w:basedOn w:val=\"a\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
    <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/>\
      <w:basedOn w:val=\"NumberedBase\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>\
      <w:rPr><w:rFonts w:eastAsia=\"黑体\"/></w:rPr></w:style>";

fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A .docx of a body's XML, with the package parts Word writes.
fn docx(body: &str) -> Vec<u8> {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    let document = format!(
        "{xml}<w:document xmlns:w=\"{W}\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" \
         xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" mc:Ignorable=\"w14\">\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\"/></w:sectPr>\
         </w:body></w:document>"
    );
    let numbering = format!("{xml}<w:numbering xmlns:w=\"{W}\">{NUMBERING}</w:numbering>");
    let styles = format!("{xml}<w:styles xmlns:w=\"{W}\">{STYLES}</w:styles>");
    let types = format!(
        "{xml}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
         </Types>"
    );
    let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let package_rels = format!(
        "{xml}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{rels}/officeDocument\" Target=\"word/document.xml\"/>\
         </Relationships>"
    );
    let document_rels = format!(
        "{xml}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{rels}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{rels}/numbering\" Target=\"numbering.xml\"/>\
         </Relationships>"
    );
    zip(&[
        ("[Content_Types].xml", &types),
        ("_rels/.rels", &package_rels),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", &document_rels),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
    ])
}

// ---- the sample report as an editor's Word file ----

/// A Word table cell: its grid columns, whether a vertical merge starts
/// (`Some(true)`) or goes on (`Some(false)`) in it, and its paragraphs.
struct Tc {
    span: usize,
    merge: Option<bool>,
    paragraphs: Vec<String>,
}

impl Tc {
    fn text(span: usize, text: &str) -> Tc {
        // The template prints 商业企业 on two lines.
        let paragraphs = match text {
            "商业企业" => vec!["商业".into(), "企业".into()],
            _ => vec![text.to_string()],
        };
        Tc {
            span,
            merge: None,
            paragraphs,
        }
    }

    fn restart(mut self, rows: usize) -> Tc {
        if rows > 1 {
            self.merge = Some(true);
        }
        self
    }

    fn covered(span: usize) -> Tc {
        Tc {
            span,
            merge: Some(false),
            paragraphs: vec![String::new()],
        }
    }

    fn xml(&self) -> String {
        let mut properties = format!("<w:tcW w:w=\"{}\" w:type=\"dxa\"/>", 600 * self.span);
        if self.span > 1 {
            properties.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", self.span));
        }
        match self.merge {
            Some(true) => properties.push_str("<w:vMerge w:val=\"restart\"/>"),
            Some(false) => properties.push_str("<w:vMerge/>"),
            None => {}
        }
        properties.push_str("<w:vAlign w:val=\"center\"/>");
        let paragraphs: String = self
            .paragraphs
            .iter()
            .map(|text| match text.is_empty() {
                // A blank cell: an empty paragraph, as Word leaves it.
                true => "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>".to_string(),
                false => paragraph("<w:jc w:val=\"center\"/>", text),
            })
            .collect();
        format!("<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>")
    }
}

/// A header cell's place in the grid: the header row it starts in, the
/// grid columns it covers.
type Slot<'l> = (usize, usize, &'l HeaderCell);

/// A standard table as the 2021 template lays it out in Word: block
/// headings across the whole table, the header's groups merged across and
/// down, the row labels' headings (三、本年度办理结果, (三)不予公开 …)
/// merged down beside the rows they head, a block with fewer columns than
/// the table its last column merged across the rest.
fn table_xml(table: &Table, format: ReportFormat) -> String {
    let layout = standard::layout(format, table.kind).unwrap();
    let labels = match layout.blocks.iter().any(|b| b.has_row_labels()) {
        true => 1 + usize::from(layout.rows().map(|r| r.depth).max().unwrap_or(0)),
        false => 0,
    };
    let columns = layout.blocks.iter().map(|b| b.columns.len()).max().unwrap();
    let width = labels + columns;
    let mut rows: Vec<Vec<Tc>> = Vec::new();
    for block in layout.blocks {
        // The last column takes up the columns the block lacks.
        let extra = columns - block.columns.len();
        if !block.heading.is_empty() {
            rows.push(vec![Tc::text(width, block.heading)]);
        }
        // The header: which header cell each grid slot is in, and whether
        // the cell starts in this row.
        let header = block.header_rows();
        let mut slots: Vec<Vec<Option<Slot>>> = vec![vec![None; width]; header.len()];
        for (r, cells) in header.iter().enumerate() {
            for cell in cells {
                let (first, span) = match cell.first_column {
                    None => (0, labels),
                    Some(first) if first + cell.colspan == block.columns.len() => {
                        (labels + first, cell.colspan + extra)
                    }
                    Some(first) => (labels + first, cell.colspan),
                };
                for row in slots.iter_mut().skip(r).take(cell.rowspan) {
                    row[first] = Some((r, span, cell));
                }
            }
        }
        for (r, row) in slots.iter().enumerate() {
            let mut tcs = Vec::new();
            for &(start, span, cell) in row.iter().flatten() {
                tcs.push(match start == r {
                    true => Tc::text(span, cell.label).restart(cell.rowspan),
                    false => Tc::covered(span),
                });
            }
            rows.push(tcs);
        }
        // The rows: the headings above a row merged down beside it.
        let mut started: Vec<&str> = Vec::new();
        for def in block.rows.iter().filter(|r| r.kind == RowKind::Values) {
            let mut tcs = Vec::new();
            let mut ancestors: Vec<&str> = layout.ancestors(def).collect();
            ancestors.reverse();
            for key in ancestors {
                let (_, heading) = layout.row(key).unwrap();
                let under = block
                    .rows
                    .iter()
                    .filter(|r| r.kind == RowKind::Values && layout.is_under(r, key))
                    .count();
                tcs.push(match started.contains(&key) {
                    true => Tc::covered(1),
                    false => {
                        started.push(key);
                        Tc::text(1, heading.label).restart(under)
                    }
                });
            }
            if labels > 0 {
                tcs.push(Tc::text(labels - usize::from(def.depth), def.label));
            }
            let cells = &table.row(def.key).unwrap().cells;
            for (n, cell) in cells.iter().enumerate() {
                let span = if n + 1 == cells.len() { 1 + extra } else { 1 };
                tcs.push(Tc::text(span, cell.as_str()));
            }
            rows.push(tcs);
        }
    }
    let grid: String = (0..width).map(|_| "<w:gridCol w:w=\"600\"/>").collect();
    let rows: String = rows
        .iter()
        .map(|tcs| {
            let cells: String = tcs.iter().map(Tc::xml).collect();
            format!("<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>{cells}</w:tr>")
        })
        .collect();
    format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>\
         <w:jc w:val=\"center\"/><w:tblLook w:val=\"04A0\"/></w:tblPr>\
         <w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )
}

fn block_xml(block: &Block, format: ReportFormat) -> String {
    match block {
        Block::Paragraph(p) => paragraph(BODY_TEXT, &p.text),
        // Run-in subsections and list items are typed.
        Block::Subsection(s) => paragraph(BODY_TEXT, &format!("{}{}{}", s.label, s.title, s.text)),
        Block::List(list) => list
            .items
            .iter()
            .map(|item| paragraph(BODY_TEXT, &format!("{}{}", item.label, item.text)))
            .collect(),
        Block::Table(table) => table_xml(table, format),
    }
}

/// The body of a report's Word file: the title, the preamble, and the
/// sections: 一 and 二 numbered by the heading style (list 1), 三 and 四
/// typed, 五 and 六 numbered by list 2 (which starts over at 五); a blank
/// paragraph after the title, as editors leave one.
fn report_body(report: &Report) -> String {
    let mut body = paragraph("<w:pStyle w:val=\"Title\"/>", &report.title);
    body.push_str("<w:p/>");
    for block in &report.preamble {
        body.push_str(&block_xml(block, report.format));
    }
    for (n, section) in report.sections.iter().enumerate() {
        body.push_str(&match n {
            0 | 1 => paragraph("<w:pStyle w:val=\"1\"/>", &section.title),
            4 | 5 => paragraph(
                "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>",
                &section.title,
            ),
            _ => paragraph(BODY_TEXT, &section.heading()),
        });
        for block in &section.blocks {
            body.push_str(&block_xml(block, report.format));
        }
    }
    body
}

fn sample_docx() -> Vec<u8> {
    docx(&report_body(&sample()))
}

/// The sample as a Word file reads: everything but the metadata (a Word
/// file has none), the figures (proposed as candidates) and the charts.
fn assert_the_sample(imported: &Imported) {
    let sample = sample();
    let report = &imported.report;
    assert_eq!(report.format, ReportFormat::Format2021);
    assert_eq!(report.title, sample.title);
    let headings: Vec<String> = report.sections.iter().map(|s| s.heading()).collect();
    let expected: Vec<String> = sample.sections.iter().map(|s| s.heading()).collect();
    assert_eq!(headings, expected);
    assert_eq!(report.preamble, sample.preamble);
    for (ours, theirs) in report.sections.iter().zip(&sample.sections) {
        assert_eq!(ours, theirs, "section {}", theirs.id);
    }
    // The text's numbers with units come as candidates, for the editor.
    assert_eq!(report.figure_candidates.0.len(), 6);
    assert_eq!(
        Report {
            figure_candidates: Default::default(),
            ..report.clone()
        },
        Report {
            meta: Metadata::default(),
            figures: Vec::new(),
            charts: Vec::new(),
            ..sample
        }
    );
    // 表四's blank cells stay blank, not 0.
    let review = report
        .blocks()
        .find_map(|(_, b)| match b {
            Block::Table(t) if t.id == "sec-4-table" => Some(t),
            _ => None,
        })
        .unwrap();
    let cells: Vec<&str> = review.rows[0].cells.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        cells,
        ["1", "1", "0", "0", "3", "1", "", "0", "0", "1", "", "", "", "", ""]
    );
    assert_eq!(imported.places, Places::Paragraphs);
    // The table headers, block headings and row labels are left out as the
    // labels they are, and nothing else.
    let kinds: Vec<DropKind> = imported.dropped.iter().map(|d| d.kind).collect();
    assert!(
        kinds.iter().all(|k| *k == DropKind::TableLabel),
        "{kinds:?}"
    );
    let labels: Vec<&str> = imported.dropped.iter().map(|d| d.text.as_str()).collect();
    // 14 header rows (表二 4 headings and 4 column headers, 表三 3, 表四 3)
    // and the labels of 31 rows of numbers (表二 6, 表三 25).
    assert_eq!(labels.len(), 4 + 4 + 3 + 3 + 6 + 25, "{labels:?}");
    for label in [
        "第二十条第(一)项",
        "行政复议 行政诉讼",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ] {
        assert!(labels.contains(&label), "{label} in {labels:?}");
    }
    // No table row was unsure, none missing.
    let messages: Vec<&str> = imported
        .notices
        .iter()
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with(
        "the standard tables (2021 format): read 主动公开政府信息情况 (sec-2-table), \
         收到和处理政府信息公开申请情况 (sec-3-table), 政府信息公开行政复议、行政诉讼情况 (sec-4-table)"
    ));
    assert!(messages[1].starts_with("figures: 6 number(s) with units proposed"));
}

#[test]
fn the_sample_as_a_word_file_comes_back_as_the_sample() {
    let imported = import(&sample_docx());
    assert_the_sample(&imported);
    // The build accepts it as it is.
    let json = dataset_json(&imported).unwrap();
    let loaded = gir_compile::load::load_report("imported.json", &json).expect("accepted");
    assert_eq!(loaded, imported.report);
}

#[test]
fn the_committed_fixture_is_the_sample() {
    let bytes = std::fs::read(repo_path(FIXTURE)).unwrap();
    assert_the_sample(&import(&bytes));
}

/// Writes `tests/fixtures/import/sample-2021.docx`.
#[test]
#[ignore = "writes the fixture: cargo test -p report-viewer --test import_docx -- --ignored"]
fn write_the_fixture() {
    let path = repo_path(FIXTURE);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, sample_docx()).unwrap();
}

/// The sample's narrative as text (its tables left out, as a text copied
/// from a page whose tables are pictures): the text importer and the Word
/// importer read the same headings, paragraphs and subsections.
#[test]
fn the_narrative_as_text_and_as_a_word_file_read_alike() {
    let sample = sample();
    let mut text = format!("{}\n\n", sample.title);
    for line in sample.text_lines() {
        text.push_str(&line);
        text.push_str("\n\n");
    }
    let from_text = import_bytes(text.as_bytes(), &Options::default()).unwrap();
    let from_word = import(&sample_docx());
    assert_eq!(from_text.report.title, from_word.report.title);
    assert_eq!(from_text.report.preamble, from_word.report.preamble);
    assert_eq!(
        from_text.report.sections.len(),
        from_word.report.sections.len()
    );
    for (text, word) in from_text
        .report
        .sections
        .iter()
        .zip(&from_word.report.sections)
    {
        assert_eq!(text.heading(), word.heading());
        let narrative = |blocks: &[Block]| -> Vec<Block> {
            blocks
                .iter()
                .filter(|b| !matches!(b, Block::Table(_)))
                .cloned()
                .collect()
        };
        assert_eq!(
            narrative(&text.blocks),
            narrative(&word.blocks),
            "{}",
            word.id
        );
    }
}

// ---- what a Word file holds that is not a paragraph's text ----

fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

fn texts(imported: &Imported) -> Vec<String> {
    let report = &imported.report;
    let mut lines = vec![report.title.clone()];
    lines.extend(report.text_lines());
    lines
}

#[test]
fn revisions_fields_and_bullets_read_as_word_shows_them() {
    let body = [
        paragraph("", "某局2022年政府信息公开工作年度报告"),
        paragraph("<w:pStyle w:val=\"1\"/>", "总体情况"),
        p(&format!(
            "{}<w:ins w:id=\"1\" w:author=\"a\">{}</w:ins>\
             <w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>1200</w:delText></w:r></w:del>{}",
            run_xml("全年公开信息"),
            run_xml("1300"),
            run_xml("条。")
        )),
        p(&format!(
            "{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"http://www.example.gov.cn\" </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
            run_xml("详见"),
            run_xml("政府门户网站"),
            run_xml("。")
        )),
        paragraph("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>", "一是提高认识。"),
        paragraph("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>", "二是完善制度。"),
        paragraph("<w:pStyle w:val=\"1\"/>", "其他需要报告的事项"),
        paragraph("", "无。"),
    ]
    .concat();
    let imported = import(&docx(&body));
    assert_eq!(
        texts(&imported),
        [
            "某局2022年政府信息公开工作年度报告",
            "一、总体情况",
            "全年公开信息1300条。",
            "详见政府门户网站。",
            "一是提高认识。",
            "二是完善制度。",
            "二、其他需要报告的事项",
            "无。",
        ]
    );
    // The bulleted paragraphs are still a list of 一是, 二是.
    assert!(matches!(&imported.report.sections[0].blocks[2], Block::List(l) if l.items.len() == 2));
    let dropped: Vec<(usize, &str, DropKind)> = imported
        .dropped
        .iter()
        .map(|d| (d.line, d.text.as_str(), d.kind))
        .collect();
    assert_eq!(
        dropped,
        [
            (3, "1200", DropKind::Hidden),
            (5, "\u{F0B7}", DropKind::Unread),
            (6, "\u{F0B7}", DropKind::Unread),
        ]
    );
    let notices: Vec<(Option<usize>, &str)> = imported
        .notices
        .iter()
        .map(|n| (n.line, n.message.as_str()))
        .collect();
    assert_eq!(
        notices[..2],
        [
            (
                Some(3),
                "text deleted in tracked changes is left out (Word does not show it): “1200”"
            ),
            (
                Some(5),
                "2 paragraph(s) of bulleted lists (the first here): the bullets are left out \
                 (a dataset's paragraphs carry no bullets)"
            ),
        ]
    );
    // Field instructions are no text of the report.
    assert!(!format!("{imported:?}").contains("HYPERLINK"));
}

#[test]
fn a_table_that_is_no_standard_table_is_kept_as_paragraphs() {
    let cell = |text: &str| Tc::text(1, text).xml();
    let body = [
        paragraph("", "某局2022年政府信息公开工作年度报告"),
        paragraph("<w:pStyle w:val=\"1\"/>", "总体情况"),
        paragraph("", "培训情况如下表。"),
        format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("培训"),
            cell("次数"),
            cell("业务培训"),
            cell("3"),
            cell("专题讲座"),
            cell(""),
        ),
    ]
    .concat();
    let imported = import(&docx(&body));
    assert_eq!(imported.report.format, ReportFormat::Narrative);
    assert_eq!(
        texts(&imported)[2..],
        ["培训情况如下表。", "培训 次数", "业务培训 3", "专题讲座"]
    );
    assert!(imported.notices.iter().any(|n| n.line == Some(4)
        && n.message
            == "a table that is not one of the standard tables: each of its rows is kept as \
                a paragraph (cells separated by spaces)"));
}

#[test]
fn files_that_are_no_word_files_are_refused_with_a_reason() {
    let refused = |bytes: &[u8]| import_bytes(bytes, &Options::default()).unwrap_err().0;
    let message = refused(&zip(&[("report.txt", "一、总体情况")]));
    assert_eq!(
        message,
        "a zip file without word/document.xml: not a Word (.docx) file"
    );
    let whole = sample_docx();
    let message = refused(&whole[..whole.len() / 2]);
    assert!(
        message.starts_with("a zip file that cannot be read"),
        "{message}"
    );
    let message = refused(&docx("<w:p><w:r><w:t>甲</w:t></w:p>"));
    assert!(
        message.starts_with("word/document.xml: malformed XML at line 2, column "),
        "{message}"
    );
    assert!(message.contains("</w:p>"), "{message}");
}

#[test]
fn the_command_names_a_word_file_s_paragraphs() {
    let path = repo_path(FIXTURE).display().to_string();
    let body = [
        paragraph("", "某局2022年政府信息公开工作年度报告"),
        paragraph("<w:pStyle w:val=\"1\"/>", "总体情况"),
        p(&format!(
            "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>旧</w:delText></w:r></w:del>{}",
            run_xml("正文。")
        )),
    ]
    .concat();
    let dir = std::env::temp_dir().join(format!("report-viewer-{}-docx", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let small = dir.join("small.docx");
    std::fs::write(&small, docx(&body)).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(
        ["report-viewer", "import", &small.display().to_string()],
        &mut out,
        &mut err,
    );
    let err = String::from_utf8(err).unwrap();
    assert_eq!(status, EXIT_OK, "{err}");
    let first = err.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{}: paragraph 3: text deleted in tracked changes is left out (Word does not show it): “旧”",
            small.display()
        )
    );
    // The sample imports, and its dataset is what the build accepts.
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(["report-viewer", "import", &path], &mut out, &mut err);
    assert_eq!(status, EXIT_OK, "{}", String::from_utf8_lossy(&err));
    // A Word file larger than a text may be (its pictures) is read.
    let mut big = docx(&body);
    let mut writer = zip::ZipWriter::new_append(Cursor::new(&mut big)).unwrap();
    writer
        .start_file(
            "word/media/image1.png",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
    writer.write_all(&vec![0x89; 9 * 1024 * 1024]).unwrap();
    writer.finish().unwrap();
    let large = dir.join("large.docx");
    std::fs::write(&large, &big).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(
        ["report-viewer", "import", &large.display().to_string()],
        &mut out,
        &mut err,
    );
    assert_eq!(status, EXIT_OK, "{}", String::from_utf8_lossy(&err));
    // A text that large is not.
    let text = dir.join("large.txt");
    std::fs::write(&text, vec![b'a'; 9 * 1024 * 1024]).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(
        ["report-viewer", "import", &text.display().to_string()],
        &mut out,
        &mut err,
    );
    assert_eq!(status, EXIT_UNREADABLE);
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- arbitrary paragraphs ----

/// Paragraph text: the importer's cues, markup characters and anything.
fn paragraph_text() -> impl Strategy<Value = String> {
    let cue = prop::sample::select(vec![
        "一、",
        "十二、",
        "(一)",
        "\u{FF08}二\u{FF09}",
        "一是",
        "二是",
        "1.",
        "索引号:",
        "发布机构:",
        "【字体:大 中 小】",
        "- 3 -",
        "12",
        "。",
        "<",
        "&",
        "\"",
        "'",
        "&amp;",
        "<w:t>",
        "]]>",
        "\t",
        " ",
        "\u{3000}",
        "\u{1}",
        "\u{202E}",
        "\u{7F}",
        "\u{85}",
        "\u{FEFF}",
        "三、本年度办理结果",
        "(七)总计",
        "总计",
        "其他",
    ]);
    let piece = prop_oneof![
        4 => cue.prop_map(str::to_string),
        3 => "[\u{4e00}-\u{4e2f}]{1,12}",
        1 => any::<char>().prop_filter("XML cannot hold NUL", |c| *c != '\0').prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// A paragraph of runs cut at the given places, some of them deleted in
/// tracked changes, with breaks and tabs between some.
fn paragraph_xml(text: &str, cuts: &[usize], deleted: &[bool]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let mut out = String::from("<w:p>");
    for (n, cut) in cuts.iter().enumerate() {
        let end = (at + cut).min(chars.len());
        let piece: String = chars[at..end].iter().collect();
        at = end;
        let run = if deleted.get(n).copied().unwrap_or(false) {
            format!(
                "<w:del><w:r><w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
                escape(&piece)
            )
        } else {
            run_xml(&piece)
        };
        out.push_str(&run);
        if n % 3 == 2 {
            out.push_str("<w:r><w:tab/><w:br/></w:r>");
        }
    }
    let rest: String = chars[at..].iter().collect();
    out.push_str(&run_xml(&rest));
    out.push_str("</w:p>");
    out
}

proptest! {
    #![proptest_config(proptest_config(2_000))]

    /// Nothing is lost: the paragraphs' non-whitespace characters (shown
    /// or deleted) are, counted one by one, those of the dataset and of
    /// what was left out; markup characters come back as text.
    #[test]
    fn every_character_of_the_paragraphs_is_in_the_dataset_or_accounted_for(
        paragraphs in prop::collection::vec(
            (paragraph_text(), prop::collection::vec(0usize..6, 0..5), prop::collection::vec(any::<bool>(), 0..5)),
            0..12,
        ),
    ) {
        let body: String = paragraphs
            .iter()
            .map(|(text, cuts, deleted)| paragraph_xml(text, cuts, deleted))
            .collect();
        let imported = import_bytes(&docx(&body), &Options::default())
            .map_err(|e| TestCaseError::fail(e.0))?;
        let report = &imported.report;
        let mut kept: Vec<String> = report.meta.fields().iter().map(|(_, v)| v.to_string()).collect();
        kept.push(report.title.clone());
        kept.extend(report.text_lines());
        kept.extend(imported.dropped.iter().map(|d| d.text.clone()));
        let input = paragraphs.iter().map(|(text, ..)| text.clone());
        prop_assert_eq!(char_counts(input), char_counts(kept));
        let json = dataset_json(&imported).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, report);
    }

    /// A Word file broken in its XML (a piece cut out, markup put in
    /// anywhere) gives a dataset or a reason, never a panic.
    #[test]
    fn broken_xml_is_read_or_refused_never_a_panic(
        cut in any::<prop::sample::Index>(),
        length in 0usize..60,
        at in any::<prop::sample::Index>(),
        markup in prop::sample::select(MARKUP.to_vec()),
    ) {
        let mut body: Vec<char> = small_body().chars().collect();
        let from = cut.index(body.len());
        body.drain(from..(from + length).min(body.len()));
        // Markup goes in after a tag, where it makes well-formed XML more often.
        let tags: Vec<usize> = (0..body.len()).filter(|&i| body[i] == '>').map(|i| i + 1).collect();
        let at = match tags.is_empty() {
            true => 0,
            false => tags[at.index(tags.len())],
        };
        let body: String = body[..at].iter().copied().chain(markup.chars()).chain(body[at..].iter().copied()).collect();
        let _ = import_bytes(&docx(&body), &Options::default());
    }

    /// A Word file broken as a zip (cut short, bytes changed) gives a
    /// dataset or a reason, never a panic.
    #[test]
    fn a_broken_zip_is_read_or_refused_never_a_panic(
        length in prop::option::of(any::<prop::sample::Index>()),
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    ) {
        let mut bytes = docx(&small_body());
        for (at, byte) in changes {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let length = length.map_or(bytes.len(), |l| l.index(bytes.len() + 1));
        let _ = import_bytes(&bytes[..length], &Options::default());
    }
}

/// Markup put into a Word file's XML anywhere.
const MARKUP: [&str; 16] = [
    "<w:p>",
    "</w:p>",
    "</w:tc>",
    "<w:tr>",
    "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>",
    "<w:gridSpan w:val=\"99999999999\"/>",
    "<w:trPr><w:gridBefore w:val=\"-3\"/></w:trPr>",
    "<w:numPr><w:ilvl w:val=\"12\"/><w:numId w:val=\"1\"/></w:numPr>",
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    "<![CDATA[<w:t>]]>",
    "<!DOCTYPE w [<!ENTITY a \"aa\">]>",
    "<w:sym w:char=\"ZZZZ\"/>",
];

/// A small body with what the importer reads: numbering, a field, a
/// deletion, a table with merged cells.
fn small_body() -> String {
    [
        paragraph("", "某局2022年政府信息公开工作年度报告"),
        paragraph("<w:pStyle w:val=\"1\"/>", "总体情况"),
        p(&format!(
            "{}<w:del><w:r><w:delText>旧</w:delText></w:r></w:del>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            run_xml("正文"),
            run_xml("3")
        )),
        format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            Tc::text(2, "申请人情况").restart(2).xml(),
            Tc::text(1, "总计").xml(),
            Tc::covered(2).xml(),
            Tc::text(1, "46").xml(),
        ),
    ]
    .concat()
}
