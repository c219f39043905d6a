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
//! Ids follow the seed dataset: `lead-p1` for the paragraphs before the
//! first section, `sec-1`, `sec-1-p1`, `sec-1-sub1`, `sec-9-list`,
//! `sec-9-item1`, sections numbered by position (the publication's own
//! numbering may skip or repeat).

use super::{DropKind, Dropped, Imported, Notice, Options};
use gir_compile::numerals::parse_chinese_numeral;
use gir_compile::text::forbidden;
use gir_model::report::{
    Block, List, ListItem, Metadata, Paragraph, Report, ReportFormat, Section, Subsection,
};
use gir_model::standard;
use gir_model::table::TableKind;
use std::collections::HashSet;

/// A section title longer than this is a sentence, not a heading.
const MAX_SECTION_TITLE_CHARS: usize = 50;
/// A run-in subsection title (up to its `。`) longer than this is not one.
const MAX_SUBSECTION_TITLE_CHARS: usize = 100;
/// A title line longer than this is the body's first paragraph.
const MAX_TITLE_CHARS: usize = 100;
/// The longest run of portal controls on a line (`【字体:大 中 小】【打印本页】…`).
const MAX_CHROME_CHARS: usize = 80;
/// Lines of a wrapped text (a PDF's) are at most this wide (a CJK
/// character counts 2): 80 characters.
const MAX_WRAP_WIDTH: usize = 160;

/// Imports the plain text of a report.
pub fn import_text(input: &str, options: &Options) -> Imported {
    let mut account = Account::default();
    let lines = split_lines(input, &mut account);
    let mut meta = Metadata::default();
    let (title, body_start) = read_header(&lines, &mut meta, &mut account);
    let body = &lines[body_start..];

    let tables = detect_tables(body, &title);
    let paragraphs = body_paragraphs(body, tables.is_some(), &mut account);
    let mut builder = Builder::new(tables);
    for paragraph in &paragraphs {
        builder.add(paragraph, &mut account);
    }
    let (preamble, sections) = builder.finish();

    if title.is_empty() {
        account.notice(
            None,
            "no title line found: the dataset needs one (add \"title\" as printed above the text)"
                .into(),
        );
    }
    if sections.is_empty() {
        account.notice(
            None,
            "no section heading (一、…) found: the text is kept as paragraphs before the \
             sections, and the dataset needs at least one section"
                .into(),
        );
    }
    let format = match tables {
        Some(format) => {
            account.notice(
                None,
                format!(
                    "the text holds the standard tables ({} format): importing tables from \
                     text is not there yet, so their lines are kept as paragraphs; enter them \
                     as table blocks (README: Standard-format tables)",
                    standard::format_name(format)
                ),
            );
            format
        }
        None => ReportFormat::Narrative,
    };
    account.notice(
        None,
        "figures: none proposed (a dataset cannot mark a figure as an unconfirmed candidate \
         yet); add the figures and charts by hand (README: The dataset)"
            .into(),
    );

    let id = report_id(options, &title, &preamble, &sections);
    // In the input's order; notices about the whole text last.
    account
        .notices
        .sort_by_key(|notice| notice.line.unwrap_or(usize::MAX));
    Imported {
        report: Report {
            id,
            format,
            meta,
            title,
            preamble,
            sections,
            figures: Vec::new(),
            figure_candidates: Default::default(),
            charts: Vec::new(),
        },
        notices: account.notices,
        dropped: account.dropped,
    }
}

/// What the importer left out, and what it wants the editor to look at.
#[derive(Default)]
struct Account {
    notices: Vec<Notice>,
    dropped: Vec<Dropped>,
}

impl Account {
    fn notice(&mut self, line: Option<usize>, message: String) {
        self.notices.push(Notice { line, message });
    }

    fn drop(&mut self, line: usize, text: impl Into<String>, kind: DropKind) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.dropped.push(Dropped { line, text, kind });
        }
    }
}

/// A cleaned line of the input: trimmed, without refused characters; empty
/// for a blank line.
#[derive(Clone, Debug)]
struct Line {
    /// 1-based line number as an editor counts lines (`\n`).
    no: usize,
    text: String,
    /// Whether it began with an indent (two spaces or more, or a
    /// full-width space), as a PDF's paragraphs begin.
    indented: bool,
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
                    None => text.push(c),
                    Some(_) if c.is_whitespace() => text.push(' '),
                    Some(_) => {
                        refused.push(c);
                        account.drop(no, c.to_string(), DropKind::Forbidden);
                    }
                }
            }
            let indent: String = text.chars().take_while(|c| c.is_whitespace()).collect();
            lines.push(Line {
                no,
                text: text.trim().to_string(),
                indented: indent.chars().count() >= 2 || indent.contains('\u{3000}'),
            });
        }
        if !refused.is_empty() {
            let named: Vec<String> = refused
                .iter()
                .map(|c| {
                    format!(
                        "U+{:04X} ({})",
                        u32::from(*c),
                        forbidden(*c).unwrap_or_default()
                    )
                })
                .collect();
            account.notice(
                Some(no),
                format!("dropped {}: a dataset never holds one", named.join(", ")),
            );
        }
    }
    lines
}

// ---- the header: metadata, title, chrome ----

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum MetaField {
    IndexNo,
    Publisher,
    Name,
    Topic,
    PublishDate,
    WrittenDate,
    RepealDate,
    DocNo,
    Keywords,
    PublishedAt,
}

impl MetaField {
    fn slot(self, meta: &mut Metadata) -> &mut String {
        match self {
            MetaField::IndexNo => &mut meta.index_no,
            MetaField::Publisher => &mut meta.publisher,
            MetaField::Name => &mut meta.name,
            MetaField::Topic => &mut meta.topic,
            MetaField::PublishDate => &mut meta.publish_date,
            MetaField::WrittenDate => &mut meta.written_date,
            MetaField::RepealDate => &mut meta.repeal_date,
            MetaField::DocNo => &mut meta.doc_no,
            MetaField::Keywords => &mut meta.keywords,
            MetaField::PublishedAt => &mut meta.published_at,
        }
    }
}

/// Labels portals print, with the field each fills (`None`: a label the
/// dataset has no field for). Longer labels first, so `信息名称` wins over
/// `名称`.
const LABELS: &[(&str, Option<MetaField>)] = &[
    ("信息名称", Some(MetaField::Name)),
    ("发布机构", Some(MetaField::Publisher)),
    ("发布单位", Some(MetaField::Publisher)),
    ("发文机关", Some(MetaField::Publisher)),
    ("发文单位", Some(MetaField::Publisher)),
    ("主题分类", Some(MetaField::Topic)),
    ("信息分类", Some(MetaField::Topic)),
    ("发布日期", Some(MetaField::PublishDate)),
    ("公开日期", Some(MetaField::PublishDate)),
    ("成文日期", Some(MetaField::WrittenDate)),
    ("生成日期", Some(MetaField::WrittenDate)),
    ("废止日期", Some(MetaField::RepealDate)),
    ("失效日期", Some(MetaField::RepealDate)),
    ("发文字号", Some(MetaField::DocNo)),
    ("发布时间", Some(MetaField::PublishedAt)),
    ("信息来源", None),
    ("浏览次数", None),
    ("访问次数", None),
    ("点击次数", None),
    ("责任编辑", None),
    ("索引号", Some(MetaField::IndexNo)),
    ("关键词", Some(MetaField::Keywords)),
    ("主题词", Some(MetaField::Keywords)),
    ("名称", Some(MetaField::Name)),
    ("标题", Some(MetaField::Name)),
    ("分类", Some(MetaField::Topic)),
    ("时效", Some(MetaField::RepealDate)),
    ("文号", Some(MetaField::DocNo)),
    ("来源", None),
    ("作者", None),
];

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '\u{FF5C}')
}

/// One `label: value` of a metadata line.
struct Field {
    /// The label as written, with its colon.
    label: String,
    name: &'static str,
    field: Option<MetaField>,
    value: String,
    /// Separators and chrome around the value, to be accounted for.
    separators: Vec<String>,
    chrome: Option<String>,
}

/// The label (flexible whitespace between its characters, then a colon)
/// at `chars[at..]`, if one starts there: its entry and where it ends.
fn label_at(chars: &[char], at: usize) -> Option<(usize, &'static str, Option<MetaField>)> {
    LABELS.iter().find_map(|(label, field)| {
        let mut i = at;
        for (n, want) in label.chars().enumerate() {
            if n > 0 {
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
            }
            if chars.get(i) != Some(&want) {
                return None;
            }
            i += 1;
        }
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        matches!(chars.get(i), Some(':' | '\u{FF1A}')).then_some((i + 1, *label, *field))
    })
}

/// The fields of a metadata line: one that starts (after separators) with a
/// known label and its colon. Later labels count where they follow
/// whitespace or a separator.
fn metadata_line(text: &str) -> Option<(String, Vec<Field>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < chars.len() && (is_separator(chars[start]) || chars[start].is_whitespace()) {
        start += 1;
    }
    let leading: String = chars[..start].iter().collect();
    let mut found = Vec::new();
    let mut at = start;
    while at < chars.len() {
        let boundary = at == start || chars[at - 1].is_whitespace() || is_separator(chars[at - 1]);
        match boundary.then(|| label_at(&chars, at)).flatten() {
            Some((end, name, field)) => {
                found.push((at, end, name, field));
                at = end;
            }
            None => at += 1,
        }
    }
    if found.first().is_none_or(|(first, ..)| *first != start) {
        return None;
    }
    let fields = found
        .iter()
        .enumerate()
        .map(|(n, &(label_start, value_start, name, field))| {
            let value_end = found.get(n + 1).map_or(chars.len(), |next| next.0);
            let (value, mut separators, chrome) = field_value(&chars[value_start..value_end]);
            separators.retain(|s| !s.trim().is_empty());
            Field {
                label: chars[label_start..value_start].iter().collect(),
                name,
                field,
                value,
                separators,
                chrome,
            }
        })
        .collect();
    Some((leading, fields))
}

/// A field's value without the separators around it and the portal chrome
/// after it (`2018-03-09 13:34:24 【字体:`).
fn field_value(chars: &[char]) -> (String, Vec<String>, Option<String>) {
    let text: String = chars.iter().collect();
    let mut chrome = None;
    let mut value = text.as_str();
    // The earliest place from which the rest is chrome.
    let cut = text
        .char_indices()
        .filter(|(i, c)| {
            *c == '【' || *c == '[' || *c == '\u{FF3B}' || text[..*i].ends_with(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .find(|&i| is_chrome(&text[i..]));
    if let Some(i) = cut {
        chrome = Some(text[i..].to_string());
        value = &text[..i];
    }
    let is_edge = |c: char| c.is_whitespace() || is_separator(c);
    let trimmed = value.trim_matches(is_edge);
    let head_len = value.len() - value.trim_start_matches(is_edge).len();
    let head = &value[..head_len];
    let tail = &value[head_len + trimmed.len()..];
    (
        trimmed.to_string(),
        vec![head.to_string(), tail.to_string()],
        chrome,
    )
}

/// Portal controls: `【字体:大 中 小】`, `【打印】【关闭】`, `打印本页`,
/// `字号:大 中 小`, an unclosed `【字体:` — nothing else on the line.
fn is_chrome(text: &str) -> bool {
    const WORDS: [&str; 16] = [
        "打印本页",
        "打印此页",
        "关闭窗口",
        "关闭本页",
        "返回顶部",
        "我要纠错",
        "分享到:",
        "分享到\u{FF1A}",
        "加入收藏",
        "打印",
        "关闭",
        "收藏",
        "纠错",
        "分享",
        "返回",
        "顶部",
    ];
    // Chrome is short: a long text is not (and is not read to the end).
    if text.is_empty() || text.chars().nth(MAX_CHROME_CHARS).is_some() {
        return false;
    }
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = s.as_str();
    if rest.is_empty() {
        return false;
    }
    // `字体:大中小`, `字号:` and their like: how many bytes of `s` they take.
    let font_control = |s: &str| -> Option<usize> {
        let after = s.strip_prefix("字体").or_else(|| s.strip_prefix("字号"))?;
        let after = after.strip_prefix([':', '\u{FF1A}']).unwrap_or(after);
        let sizes = after
            .char_indices()
            .find(|(_, c)| !"大中小默认标准".contains(*c))
            .map_or(after.len(), |(i, _)| i);
        Some(s.len() - after.len() + sizes)
    };
    let control = |s: &str| -> Option<usize> {
        font_control(s).or_else(|| WORDS.iter().find(|w| s.starts_with(*w)).map(|w| w.len()))
    };
    while !rest.is_empty() {
        let open = ['【', '[', '\u{FF3B}']
            .into_iter()
            .find(|o| rest.starts_with(*o));
        if let Some(open) = open {
            let inner = &rest[open.len_utf8()..];
            let close = inner
                .char_indices()
                .find(|(_, c)| matches!(c, '】' | ']' | '\u{FF3D}'))
                .map(|(i, c)| (i, c.len_utf8()));
            let (content, next) = match close {
                Some((i, len)) => (&inner[..i], &inner[i + len..]),
                None => (inner, ""),
            };
            if content.is_empty() || control(content) != Some(content.len()) {
                return false;
            }
            rest = next;
        } else {
            match control(rest) {
                Some(len) if len > 0 => rest = &rest[len..],
                _ => return false,
            }
        }
    }
    true
}

/// `当前位置:首页 > 政务公开 > …`: where the page sits on the portal.
fn is_breadcrumb(text: &str) -> bool {
    ["当前位置", "您现在的位置", "您的位置", "现在的位置"]
        .iter()
        .any(|p| text.starts_with(p))
        || (text.contains("首页") && text.contains(['>', '\u{FF1E}', '›', '»']))
}

/// Reads the metadata, title and chrome before the body; returns the title
/// and the index of the body's first line.
fn read_header(lines: &[Line], meta: &mut Metadata, account: &mut Account) -> (String, usize) {
    let mut seen: HashSet<MetaField> = HashSet::new();
    let mut title: Option<String> = None;
    for (index, line) in lines.iter().enumerate() {
        let text = line.text.as_str();
        if text.is_empty() {
            continue;
        }
        if let Some((leading, fields)) = metadata_line(text) {
            account.drop(line.no, leading, DropKind::Separator);
            for field in fields {
                apply_field(line.no, field, meta, &mut seen, account);
            }
            continue;
        }
        if is_chrome(text) || (title.is_none() && is_breadcrumb(text)) {
            account.drop(line.no, text, DropKind::Chrome);
            account.notice(Some(line.no), format!("dropped portal chrome “{text}”"));
            continue;
        }
        if title.is_none() && reads_like_title(text) {
            title = Some(text.to_string());
            continue;
        }
        return (title.unwrap_or_default(), index);
    }
    (title.unwrap_or_default(), lines.len())
}

fn apply_field(
    line: usize,
    field: Field,
    meta: &mut Metadata,
    seen: &mut HashSet<MetaField>,
    account: &mut Account,
) {
    for separator in &field.separators {
        account.drop(line, separator.clone(), DropKind::Separator);
    }
    if let Some(chrome) = &field.chrome {
        account.drop(line, chrome.clone(), DropKind::Chrome);
        account.notice(
            Some(line),
            format!("dropped portal chrome “{}”", chrome.trim()),
        );
    }
    match field.field {
        Some(slot) if seen.insert(slot) => {
            account.drop(line, field.label, DropKind::Label);
            *slot.slot(meta) = field.value;
        }
        unused => {
            let dropped = format!("{}{}", field.label, field.value);
            let notice = match unused {
                Some(_) => format!(
                    "{} is given a second time: kept the first, dropped “{dropped}”",
                    field.name
                ),
                None => format!(
                    "the dataset has no field for {}: dropped “{dropped}”",
                    field.name
                ),
            };
            account.notice(Some(line), notice);
            account.drop(line, dropped, DropKind::Metadata);
        }
    }
}

/// A title: short, not a sentence or a heading of the body.
fn reads_like_title(text: &str) -> bool {
    text.chars().count() <= MAX_TITLE_CHARS
        && !text.ends_with(['。', ':', '\u{FF1A}', ';', '\u{FF1B}'])
        && !starts_structure(text)
}

// ---- the body ----

/// A paragraph of the body (a PDF's wrapped lines joined), with the input
/// line it starts on.
#[derive(Clone, Debug)]
struct Para {
    line: usize,
    text: String,
}

/// Display width: a CJK or other non-ASCII character takes two columns.
fn width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c)
}

/// `- 3 -`, `第3页`, `第 3 页 共 9 页`, `3/9`, and (when `bare`) `3`.
fn is_page_number(text: &str, bare: bool) -> bool {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let number = |s: &str| (1..=4).contains(&s.chars().count()) && s.chars().all(is_digit);
    let dashes = ['-', '—', '–', '\u{FF0D}', '‒'];
    if let Some(inner) = s
        .strip_prefix(dashes)
        .and_then(|inner| inner.strip_suffix(dashes))
    {
        return number(inner);
    }
    if let Some(inner) = s.strip_prefix('第') {
        let (page, total) = match inner.split_once('页') {
            Some((page, total)) => (page, total),
            None => return false,
        };
        if !number(page) {
            return false;
        }
        let total = total.trim_start_matches([',', '\u{FF0C}', '/', '、']);
        return total.is_empty()
            || total
                .strip_prefix('共')
                .and_then(|t| t.strip_suffix('页'))
                .is_some_and(number);
    }
    if let Some((page, total)) = s.split_once('/') {
        return number(page) && number(total);
    }
    bare && s.chars().count() <= 3 && number(&s)
}

/// The body's paragraphs: page numbers and chrome lines dropped, a wrapped
/// text's lines joined.
fn body_paragraphs(body: &[Line], has_tables: bool, account: &mut Account) -> Vec<Para> {
    // Without page numbers and chrome; the blank lines around a page number
    // go with it (they are the page break's, not the text's).
    let mut kept: Vec<&Line> = Vec::new();
    let mut after_page_number = false;
    for line in body {
        let text = line.text.as_str();
        if text.is_empty() {
            if !after_page_number {
                kept.push(line);
            }
            continue;
        }
        if is_page_number(text, !has_tables) {
            account.drop(line.no, text, DropKind::PageNumber);
            account.notice(Some(line.no), format!("dropped the page number “{text}”"));
            while kept.last().is_some_and(|l| l.text.is_empty()) {
                kept.pop();
            }
            after_page_number = true;
            continue;
        }
        after_page_number = false;
        if is_chrome(text) {
            account.drop(line.no, text, DropKind::Chrome);
            account.notice(Some(line.no), format!("dropped portal chrome “{text}”"));
            continue;
        }
        kept.push(line);
    }

    let widths: Vec<usize> = kept
        .iter()
        .filter(|l| !l.text.is_empty())
        .map(|l| width(&l.text))
        .collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    let full = max * 85 / 100;
    let full_lines = widths.iter().filter(|w| **w >= full).count();
    let wrapped =
        max > 0 && max <= MAX_WRAP_WIDTH && full_lines >= 3 && full_lines * 5 >= widths.len();
    // Paragraphs begin indented: then a full line that ends a sentence may
    // still go on, on a line that is not indented.
    let indents = wrapped && kept.iter().filter(|l| l.indented).count() >= 3;

    let mut paragraphs: Vec<Para> = Vec::new();
    // The line before, if it was full and not a heading: whether it ended a
    // sentence.
    let mut open: Option<bool> = None;
    let mut joined = 0;
    for line in kept {
        let text = line.text.as_str();
        if text.is_empty() {
            open = None;
            continue;
        }
        let is_full = width(text) >= full;
        // Where indents mark paragraphs, a line that is not indented goes on
        // with the paragraph unless it is a section heading, whatever it
        // starts with (a wrapped `…二是…` may put 二是 first on a line).
        let starts_own = match indents {
            true => line.indented || section_heading(text).is_some(),
            false => starts_structure(text),
        };
        let continues = match open {
            _ if !wrapped || starts_own => false,
            None => false,
            Some(false) => true,
            // A sentence ended at the line's end: the paragraph goes on only
            // where indents mark paragraphs, and not into a short line that
            // ends no sentence (a signature, a date).
            Some(true) => indents && (is_full || ends_sentence(text)),
        };
        match paragraphs.last_mut() {
            Some(last) if continues => {
                // A Latin text's lines break at spaces; a number split over
                // two lines (`2` / `017`) is one number.
                let ascii_words = last.text.ends_with(|c: char| c.is_ascii_alphabetic())
                    && text.starts_with(|c: char| c.is_ascii_alphabetic());
                if ascii_words {
                    last.text.push(' ');
                }
                last.text.push_str(text);
                joined += 1;
            }
            _ => paragraphs.push(Para {
                line: line.no,
                text: text.to_string(),
            }),
        }
        open = (is_full && section_heading(text).is_none()).then(|| ends_sentence(text));
    }
    if joined > 0 {
        account.notice(
            None,
            format!(
                "joined {joined} wrapped line(s) to the line before them (the text is wrapped \
                 at about {} characters, as a PDF's is): check the paragraphs",
                max / 2
            ),
        );
    }
    paragraphs
}

/// Whether `text` ends a sentence (closing quotes and brackets aside).
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '」', '』', ')', '\u{FF09}', '》', '"', '\''])
        .ends_with([
            '。', '!', '?', '\u{FF01}', '\u{FF1F}', ';', '\u{FF1B}', ':', '\u{FF1A}', '…',
        ])
}

fn is_chinese_numeral_char(c: char) -> bool {
    "一二三四五六七八九十百零〇".contains(c)
}

/// The Chinese numeral `text` starts with, at most `max` characters, and
/// its length in bytes.
fn leading_numeral(text: &str, max: usize) -> Option<(u64, usize)> {
    let end = text
        .char_indices()
        .take(max + 1)
        .find(|(_, c)| !is_chinese_numeral_char(*c))
        .map_or(text.len(), |(i, _)| i);
    if end == 0 || text[..end].chars().count() > max {
        return None;
    }
    let value = parse_chinese_numeral(&text[..end]).filter(|n| *n > 0)?;
    Some((value, end))
}

/// `一、总体情况` → (`一、`, `总体情况`): a numeral, `、` (or a full stop), a
/// short title that is not a sentence.
fn section_heading(text: &str) -> Option<(String, String)> {
    let (label, title) = section_label(text)?;
    let chars = title.chars().count();
    let sentence = title.trim_end_matches('。').contains('。');
    (chars > 0 && chars <= MAX_SECTION_TITLE_CHARS && !sentence).then_some((label, title))
}

fn section_label(text: &str) -> Option<(String, String)> {
    let (_, end) = leading_numeral(text, 4)?;
    let mark = text[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '、' | '.' | '\u{FF0E}'))?;
    let end = end + mark.len_utf8();
    Some((text[..end].to_string(), text[end..].trim().to_string()))
}

/// `(一)落实工作要点,逐项对照公开。根据…` → (`(一)`, `落实工作要点,逐项对照公开。`,
/// `根据…`). The label is as printed (`()` where the numeral was lost);
/// the title runs to the first `。`; a short line without one is a heading
/// on its own line (no text).
fn subsection(text: &str) -> Option<(String, String, String)> {
    let open = text
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '\u{FF08}'))?;
    let inner = &text[open.len_utf8()..];
    let numeral_end = inner
        .char_indices()
        .find(|(_, c)| !is_chinese_numeral_char(*c))
        .map_or(inner.len(), |(i, _)| i);
    if numeral_end > 0 && leading_numeral(inner, 4)?.1 != numeral_end {
        return None;
    }
    let close = inner[numeral_end..]
        .chars()
        .next()
        .filter(|c| matches!(c, ')' | '\u{FF09}'))?;
    let label_end = open.len_utf8() + numeral_end + close.len_utf8();
    let label = text[..label_end].to_string();
    let rest = text[label_end..].trim_start();
    let (title, body) = match rest.find('。') {
        Some(i) if rest[..i].chars().count() < MAX_SUBSECTION_TITLE_CHARS => {
            let end = i + '。'.len_utf8();
            (&rest[..end], rest[end..].trim_start())
        }
        _ if rest.chars().count() <= MAX_SUBSECTION_TITLE_CHARS => (rest, ""),
        _ => ("", rest),
    };
    if title.is_empty() && body.is_empty() {
        return None;
    }
    Some((label, title.to_string(), body.to_string()))
}

/// `一是提高认识…` → (`一是`, `提高认识…`).
fn list_item(text: &str) -> Option<(String, String)> {
    let (_, end) = leading_numeral(text, 3)?;
    let rest = text[end..].strip_prefix('是')?;
    if rest.trim().is_empty() {
        return None;
    }
    let label_end = end + '是'.len_utf8();
    Some((text[..label_end].to_string(), rest.to_string()))
}

/// `1.`, `1、`, `(1)`, `(1)`: a numbered paragraph.
fn numbered(text: &str) -> bool {
    let inner = text.strip_prefix(['(', '\u{FF08}']).unwrap_or(text);
    let digits = inner.chars().take_while(|c| is_digit(*c)).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let after = inner.chars().nth(digits);
    match after {
        Some('.' | '、' | '\u{FF0E}') => inner.len() == text.len(),
        Some(')' | '\u{FF09}') => inner.len() != text.len(),
        _ => false,
    }
}

/// Whether a line begins a unit of its own (never a wrapped line's rest).
fn starts_structure(text: &str) -> bool {
    section_label(text).is_some()
        || subsection(text).is_some()
        || list_item(text).is_some()
        || numbered(text)
}

// ---- the standard tables, flattened into text ----

/// A label or line for comparing labels whatever the font: full-width
/// brackets, stops, commas and colons as half-width, curly quotes as
/// straight, no spaces.
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF08}' => '(',
            '\u{FF09}' => ')',
            '\u{FF0E}' => '.',
            '\u{FF0C}' => ',',
            '\u{FF1A}' => ':',
            '“' | '”' => '"',
            c => c,
        })
        .collect()
}

/// The labels of a format's tables (rows, columns, block headings) that say
/// which table they belong to: those of four characters or more.
fn table_labels(format: ReportFormat) -> HashSet<String> {
    let mut labels = HashSet::new();
    for kind in TableKind::ALL {
        let Some(layout) = standard::layout(format, kind) else {
            continue;
        };
        for block in layout.blocks {
            let texts = [block.heading, block.stub]
                .into_iter()
                .chain(block.columns.iter().map(|c| c.label))
                .chain(block.rows.iter().map(|r| r.label));
            labels.extend(texts.map(normalize).filter(|t| t.chars().count() >= 4));
        }
    }
    labels
}

/// Whether `text` is a printed table label, alone or followed by its cells
/// (`一、本年新收政府信息公开申请数量 40 3 0 0 2 1 46`).
fn is_table_line(text: &str, labels: &HashSet<String>) -> bool {
    let text = normalize(text);
    labels.iter().any(|label| {
        text.strip_prefix(label.as_str()).is_some_and(|rest| {
            rest.chars()
                .all(|c| is_digit(c) || matches!(c, '.' | '-' | '/' | '—' | '\u{FF0D}'))
        })
    })
}

/// The format whose tables the text holds, if it holds standard tables
/// (three table labels or more): the format more of whose own labels occur,
/// else the one the year in the title used.
fn detect_tables(body: &[Line], title: &str) -> Option<ReportFormat> {
    let found = |format| -> HashSet<String> {
        let labels = table_labels(format);
        body.iter()
            .filter_map(|line| {
                let text = normalize(&line.text);
                labels
                    .iter()
                    .filter(|label| text.starts_with(label.as_str()))
                    .max_by_key(|label| label.len())
                    .cloned()
            })
            .collect()
    };
    let found_2019 = found(ReportFormat::Trial2019);
    let found_2021 = found(ReportFormat::Format2021);
    if found_2019.union(&found_2021).count() < 3 {
        return None;
    }
    let only_2019 = found_2019.difference(&found_2021).count();
    let only_2021 = found_2021.difference(&found_2019).count();
    Some(match only_2019.cmp(&only_2021) {
        std::cmp::Ordering::Greater => ReportFormat::Trial2019,
        std::cmp::Ordering::Less => ReportFormat::Format2021,
        std::cmp::Ordering::Equal => match year_in(title) {
            Some(2019 | 2020) => ReportFormat::Trial2019,
            _ => ReportFormat::Format2021,
        },
    })
}

/// The first year (19xx, 20xx) written in `text`.
fn year_in(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let digits = w.iter().all(char::is_ascii_digit);
        let before = i.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(i + 4);
        let alone =
            !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(char::is_ascii_digit);
        let year: String = w.iter().collect();
        (digits && alone && (year.starts_with("19") || year.starts_with("20")))
            .then(|| year.parse().ok())
            .flatten()
    })
}

// ---- building the report ----

/// The blocks of the preamble or of one section, with the counters its ids
/// are numbered by.
#[derive(Default)]
struct Container {
    prefix: String,
    blocks: Vec<Block>,
    paragraphs: usize,
    subsections: usize,
    lists: usize,
    items: usize,
    /// `一是…` paragraphs in a row, not yet known to be a list.
    pending: Vec<(Para, String, String)>,
}

impl Container {
    fn new(prefix: &str) -> Self {
        Container {
            prefix: prefix.to_string(),
            ..Container::default()
        }
    }

    fn paragraph(&mut self, text: String) {
        self.flush();
        self.paragraphs += 1;
        self.blocks.push(Block::Paragraph(Paragraph {
            id: format!("{}-p{}", self.prefix, self.paragraphs),
            text,
        }));
    }

    fn subsection(&mut self, label: String, title: String, text: String) {
        self.flush();
        self.subsections += 1;
        self.blocks.push(Block::Subsection(Subsection {
            id: format!("{}-sub{}", self.prefix, self.subsections),
            label,
            title,
            text,
        }));
    }

    /// Two or more `一是` paragraphs in a row are a list; one alone (the
    /// seed's 六 runs 一是 … 二是 … in one paragraph) is a paragraph.
    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        match pending.len() {
            0 => {}
            1 => {
                let (para, ..) = pending.into_iter().next().expect("one");
                self.paragraph(para.text);
            }
            _ => {
                self.lists += 1;
                let id = match self.lists {
                    1 => format!("{}-list", self.prefix),
                    n => format!("{}-list{n}", self.prefix),
                };
                let items = pending
                    .into_iter()
                    .map(|(_, label, text)| {
                        self.items += 1;
                        gir_model::report::ListItem {
                            id: format!("{}-item{}", self.prefix, self.items),
                            label,
                            text,
                        }
                    })
                    .collect::<Vec<ListItem>>();
                self.blocks.push(Block::List(List { id, items }));
            }
        }
    }
}

struct Builder {
    preamble: Container,
    sections: Vec<(Section, Container)>,
    /// The labels of the standard tables the text holds, if it holds them.
    table_labels: Option<HashSet<String>>,
}

impl Builder {
    fn new(tables: Option<ReportFormat>) -> Self {
        Builder {
            preamble: Container::new("lead"),
            sections: Vec::new(),
            table_labels: tables.map(table_labels),
        }
    }

    fn current(&mut self) -> &mut Container {
        match self.sections.last_mut() {
            Some((_, container)) => container,
            None => &mut self.preamble,
        }
    }

    fn add(&mut self, para: &Para, account: &mut Account) {
        let text = para.text.as_str();
        let tables = self.table_labels.is_some();
        if self
            .table_labels
            .as_ref()
            .is_some_and(|labels| is_table_line(text, labels))
        {
            self.current().paragraph(text.to_string());
            return;
        }
        if let Some((label, title)) = section_heading(text) {
            self.current().flush();
            let id = format!("sec-{}", self.sections.len() + 1);
            self.sections.push((
                Section {
                    id: id.clone(),
                    label,
                    title,
                    blocks: Vec::new(),
                },
                Container::new(&id),
            ));
            return;
        }
        if section_label(text).is_some() {
            account.notice(
                Some(para.line),
                "kept as a paragraph: it starts like a section heading (一、) but goes on \
                 as a sentence"
                    .into(),
            );
        } else if let Some((label, title, body)) = subsection(text) {
            self.current().subsection(label, title, body);
            return;
        } else if let Some((label, rest)) = list_item(text) {
            self.current().pending.push((para.clone(), label, rest));
            return;
        } else if !tables && text.chars().count() <= 20 && !ends_sentence(text) && !numbered(text) {
            account.notice(
                Some(para.line),
                format!(
                    "kept as a paragraph: “{text}” is a short line that is not a heading \
                     (a signature, a date, a caption?)"
                ),
            );
        }
        self.current().paragraph(text.to_string());
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Section>) {
        self.preamble.flush();
        let sections = self
            .sections
            .into_iter()
            .map(|(mut section, mut container)| {
                container.flush();
                section.blocks = container.blocks;
                section
            })
            .collect();
        (self.preamble.blocks, sections)
    }
}

/// Whether `id` is a usable report id: URL-safe (ASCII letters, digits,
/// `-`, `_`) and not empty.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The report's id: the one given, else the input file's stem made
/// URL-safe, else `report-<year of the title>`, else `report`; never one of
/// the ids of its own blocks.
fn report_id(options: &Options, title: &str, preamble: &[Block], sections: &[Section]) -> String {
    let from_name = || {
        let name = options.source_name.as_deref()?;
        let stem = std::path::Path::new(name).file_stem()?.to_string_lossy();
        let mut id = String::new();
        for c in stem.chars() {
            let c = if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            };
            if !(c == '-' && (id.is_empty() || id.ends_with('-'))) {
                id.push(c);
            }
        }
        let id = id.trim_end_matches('-').to_string();
        (!id.is_empty()).then_some(id)
    };
    let mut id = options
        .id
        .clone()
        .or_else(from_name)
        .unwrap_or_else(|| match year_in(title) {
            Some(year) => format!("report-{year}"),
            None => "report".to_string(),
        });
    let taken = |id: &str| {
        sections.iter().any(|s| {
            s.id == id
                || s.blocks
                    .iter()
                    .any(|b| b.id() == id || b.printed_paragraphs().iter().any(|(p, _)| *p == id))
        }) || preamble
            .iter()
            .any(|b| b.id() == id || b.printed_paragraphs().iter().any(|(p, _)| *p == id))
    };
    while taken(&id) {
        id.push_str("-report");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

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
