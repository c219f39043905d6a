//! The numbering a report's paragraphs begin with: section headings
//! (`一、`), run-in subsections (`(一)`), list items (`一是`), numbered
//! paragraphs (`1.`), and where a sentence ends.

use gir_compile::numerals::parse_chinese_numeral;

/// A section title longer than this is a sentence, not a heading.
const MAX_SECTION_TITLE_CHARS: usize = 50;
/// A run-in subsection title (up to its `。`) longer than this is not one.
const MAX_SUBSECTION_TITLE_CHARS: usize = 100;

/// An ASCII or full-width digit.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c)
}

/// Whether `text` ends a sentence (closing quotes and brackets aside).
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '」', '』', ')', '\u{FF09}', '》', '"', '\''])
        .ends_with([
            '。', '!', '?', '\u{FF01}', '\u{FF1F}', ';', '\u{FF1B}', ':', '\u{FF1A}', '…',
        ])
}

pub(super) fn is_chinese_numeral_char(c: char) -> bool {
    "一二三四五六七八九十百零〇".contains(c)
}

/// The Chinese numeral `text` starts with, at most `max` characters, and
/// its length in bytes.
pub(super) fn leading_numeral(text: &str, max: usize) -> Option<(u64, usize)> {
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
pub(super) fn section_heading(text: &str) -> Option<(String, String)> {
    let (label, title) = section_label(text)?;
    let chars = title.chars().count();
    let sentence = title.trim_end_matches('。').contains('。');
    (chars > 0 && chars <= MAX_SECTION_TITLE_CHARS && !sentence).then_some((label, title))
}

pub(super) fn section_label(text: &str) -> Option<(String, String)> {
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
pub(super) fn subsection(text: &str) -> Option<(String, String, String)> {
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
pub(super) fn list_item(text: &str) -> Option<(String, String)> {
    let (_, end) = leading_numeral(text, 3)?;
    let rest = text[end..].strip_prefix('是')?;
    if rest.trim().is_empty() {
        return None;
    }
    let label_end = end + '是'.len_utf8();
    Some((text[..label_end].to_string(), rest.to_string()))
}

/// `1.`, `1、`, `(1)`, `(1)`: a numbered paragraph.
pub(super) fn numbered(text: &str) -> bool {
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
pub(super) fn starts_structure(text: &str) -> bool {
    section_label(text).is_some()
        || subsection(text).is_some()
        || list_item(text).is_some()
        || numbered(text)
}
