//! Characters no published report needs, found where they hide: in the
//! dataset's JSON source (escaped or raw), and in any text this crate prints.
//!
//! A control character (C0, DEL, C1) can end a line of build output and start
//! a `cargo:` directive, end a CSS string, or hide text; a bidirectional
//! override or isolate (U+202A–U+202E, U+2066–U+2069) or mark (U+200E,
//! U+200F, U+061C) can make text read differently from how it is stored
//! (`申请数\u{200F} 10 - 20 件` is drawn `20 - 10`); a line or paragraph
//! separator (U+2028, U+2029) breaks a line where no reader sees a break;
//! a byte-order mark (U+FEFF) inside text is an invisible character. A real
//! report never needs any of them (a file's leading byte-order mark is
//! removed before it is read: [`crate::load::dataset_text`]).

use crate::spans::Cursor;

/// Why `c` has no place in report text, or `None` when it may stay.
pub fn forbidden(c: char) -> Option<&'static str> {
    match c {
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Some("a control character"),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            Some("a bidirectional override or isolate")
        }
        '\u{200E}' | '\u{200F}' | '\u{061C}' => Some("a bidirectional mark"),
        '\u{2028}' | '\u{2029}' => Some("a line or paragraph separator"),
        '\u{FEFF}' => Some("a byte-order mark inside the text"),
        _ => None,
    }
}

/// `text` safe to print on one line of build output or a message: every
/// forbidden character written as a `\u{…}` escape.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if forbidden(c).is_some() {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A forbidden character inside a string of a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForbiddenChar {
    /// 1-based line and column (in characters) where it is written: the
    /// backslash of an escape, or the character itself.
    pub line: usize,
    pub column: usize,
    pub found: char,
    pub why: &'static str,
}

/// Every forbidden character in the strings (keys and values) of `json`,
/// whether written raw or as an escape (`\n`, `\f`, `\u202E` …). `json` is
/// expected to be valid JSON; on anything else the scan still ends.
pub fn forbidden_in_json_strings(json: &str) -> Vec<ForbiddenChar> {
    let mut found = Vec::new();
    let mut cursor = Cursor::new(json);
    while let Some((c, _)) = cursor.next() {
        if c == '"' {
            cursor.string_chars(|c, at| {
                if let Some(why) = forbidden(c) {
                    found.push(ForbiddenChar {
                        line: at.line,
                        column: at.column,
                        found: c,
                        why,
                    });
                }
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_found_escaped_or_raw() {
        let json = "{\"a\": \"x\\ny\",\n \"b\": \"\u{202E}\", \"c\": \"\\u000c\\u202e\\u0085\", \"d\": \"ok “引号” \\\" \\\\ \\u4e2d\"}";
        let found: Vec<(usize, usize, char)> = forbidden_in_json_strings(json)
            .iter()
            .map(|f| (f.line, f.column, f.found))
            .collect();
        assert_eq!(
            found,
            [
                (1, 9, '\n'),
                (2, 8, '\u{202E}'),
                (2, 18, '\u{C}'),
                (2, 24, '\u{202E}'),
                (2, 30, '\u{85}'),
            ]
        );
    }

    #[test]
    fn text_outside_strings_and_ordinary_text_pass() {
        assert!(
            forbidden_in_json_strings("{\n\t\"a\": [1,\r\n 2], \"南芬区\": \"第一\"\n}").is_empty()
        );
    }

    #[test]
    fn printable_text_has_no_line_breaks_or_overrides() {
        assert_eq!(
            printable("标题\ncargo:rustc-link-arg=x\u{202E}"),
            "标题\\u{000A}cargo:rustc-link-arg=x\\u{202E}"
        );
        assert_eq!(printable("南芬区 2017"), "南芬区 2017");
    }
}
