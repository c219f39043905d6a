//! The header, before the body: metadata lines (`索引号:` … in the layouts
//! portals print: one field per line, several on a line, `|`-separated,
//! full- or half-width colons, `文 号` with spaces), the title (the first
//! other line, if it reads like one), the `发布时间` line, and portal chrome
//! (`【字体:大 中 小】`, `打印本页`, a breadcrumb).

use super::structure::starts_structure;
use super::{Account, DropKind, Piece};
use gir_model::report::Metadata;
use std::collections::HashSet;

/// A title line longer than this is the body's first paragraph.
const MAX_TITLE_CHARS: usize = 100;
/// The longest run of portal controls on a line (`【字体:大 中 小】【打印本页】…`).
const MAX_CHROME_CHARS: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum MetaField {
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

pub(super) fn is_separator(c: char) -> bool {
    matches!(c, '|' | '\u{FF5C}')
}

/// One `label: value` of a metadata line.
pub(super) struct Field {
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
pub(super) fn label_at(
    chars: &[char],
    at: usize,
) -> Option<(usize, &'static str, Option<MetaField>)> {
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
pub(super) fn metadata_line(text: &str) -> Option<(String, Vec<Field>)> {
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
pub(super) fn field_value(chars: &[char]) -> (String, Vec<String>, Option<String>) {
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
pub(super) fn is_chrome(text: &str) -> bool {
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
pub(super) fn is_breadcrumb(text: &str) -> bool {
    ["当前位置", "您现在的位置", "您的位置", "现在的位置"]
        .iter()
        .any(|p| text.starts_with(p))
        || (text.contains("首页") && text.contains(['>', '\u{FF1E}', '›', '»']))
}

/// Reads the metadata, title and chrome before the body; returns the title
/// and the index of the body's first line.
pub(super) fn read_header(
    pieces: &[Piece],
    meta: &mut Metadata,
    account: &mut Account,
) -> (String, usize) {
    let mut seen: HashSet<MetaField> = HashSet::new();
    let mut title: Option<String> = None;
    for (index, piece) in pieces.iter().enumerate() {
        let Piece::Line(line) = piece else {
            return (title.unwrap_or_default(), index);
        };
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
    (title.unwrap_or_default(), pieces.len())
}

pub(super) fn apply_field(
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
pub(super) fn reads_like_title(text: &str) -> bool {
    text.chars().count() <= MAX_TITLE_CHARS
        && !text.ends_with(['。', ':', '\u{FF1A}', ';', '\u{FF1B}'])
        && !starts_structure(text)
}

/// Whether a table cell is a metadata label alone (`索引号`, `发布机构:`,
/// `文 号:`): its value is in the next cell.
pub(super) fn is_label_cell(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = compact.trim_end_matches([':', '\u{FF1A}']);
    LABELS.iter().any(|(label, _)| *label == bare)
}

/// Whether `text` starts with a metadata label and its colon.
pub(super) fn starts_with_label(text: &str) -> bool {
    let chars: Vec<char> = text.trim_start().chars().collect();
    label_at(&chars, 0).is_some()
}
