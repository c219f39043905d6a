//! Where things are written in a JSON document: a position index built by a
//! tokenizer over the source text, so that a problem found in the parsed
//! report can be pointed at its line and column however the file is laid
//! out — pretty-printed, compact (`{"id":"x"}`), keys and values split over
//! lines, CRLF line ends, ids written with escapes (`"\u0073ec-1"`).
//!
//! The index records every object in document order (pre-order: an object
//! comes before the objects nested in it) with its members' keys, where each
//! key is written, and the value of members whose value is a string. The
//! objects nested in object `i` are then exactly `i + 1 .. end(i)`, so "the
//! member `anchor` somewhere inside figure `x`" is a scan of a range.

use std::ops::Range;

/// A place in the source: 1-based line and 1-based column, counted in
/// characters (as editors count them), the same way
/// [`crate::text::forbidden_in_json_strings`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The objects of a JSON document and where their members are written.
#[derive(Clone, Debug, Default)]
pub struct JsonIndex {
    objects: Vec<Object>,
}

#[derive(Clone, Debug)]
struct Object {
    /// One past the index of the last object nested in this one.
    end: usize,
    members: Vec<Member>,
}

#[derive(Clone, Debug)]
struct Member {
    key: String,
    /// Where the key's opening quote is written.
    at: Position,
    /// The member's value when it is a string (escapes decoded).
    string: Option<String>,
}

/// What the tokenizer expects next inside the innermost open container.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Key,
    Value,
}

impl JsonIndex {
    /// Indexes `json`. Meant for a document that has parsed as JSON; on any
    /// other text it still ends (in time linear in the input) and never
    /// panics, indexing what it can.
    pub fn new(json: &str) -> Self {
        let mut objects: Vec<Object> = Vec::new();
        // The open containers, innermost last: `Some(index)` for an object,
        // `None` for an array.
        let mut open: Vec<Option<usize>> = Vec::new();
        let mut expect = Expect::Value;
        let mut chars = Cursor::new(json);
        while let Some((c, at)) = chars.next() {
            match c {
                '{' => {
                    open.push(Some(objects.len()));
                    objects.push(Object {
                        end: 0,
                        members: Vec::new(),
                    });
                    expect = Expect::Key;
                }
                '[' => {
                    open.push(None);
                    expect = Expect::Value;
                }
                '}' | ']' => {
                    if let Some(Some(index)) = open.pop() {
                        objects[index].end = objects.len();
                    }
                    expect = Expect::Value;
                }
                ',' => {
                    expect = match open.last() {
                        Some(Some(_)) => Expect::Key,
                        _ => Expect::Value,
                    };
                }
                ':' => expect = Expect::Value,
                '"' => {
                    let text = chars.string();
                    if let Some(Some(index)) = open.last() {
                        let members = &mut objects[*index].members;
                        match expect {
                            Expect::Key => members.push(Member {
                                key: text,
                                at,
                                string: None,
                            }),
                            Expect::Value => {
                                if let Some(member) = members.last_mut() {
                                    member.string = Some(text);
                                }
                            }
                        }
                    }
                    expect = Expect::Value;
                }
                _ => {}
            }
        }
        // Objects a truncated document never closes end with it.
        let count = objects.len();
        for index in open.into_iter().flatten() {
            objects[index].end = count;
        }
        JsonIndex { objects }
    }

    /// Where the item a problem concerns is written: the object whose `"id"`
    /// is `id` (the first, in document order); within it, for a table row,
    /// the object whose `"key"` is `row`; then, where a field is named, that
    /// member of the object, or else the first member so named nested in it
    /// (a figure's `quote` sits in its `source`). Without a field (or when the
    /// field is not written), the `"id"` or `"key"` member that was matched.
    /// `None` when no object has that id.
    pub fn locate(&self, id: &str, row: Option<&str>, field: Option<&str>) -> Option<Position> {
        let (mut object, mut at) = self.find(0..self.objects.len(), "id", id)?;
        if let Some(row) = row {
            if let Some((row_object, row_at)) = self.find(self.inside(object), "key", row) {
                (object, at) = (row_object, row_at);
            }
        }
        Some(
            field
                .and_then(|field| self.member(object, field))
                .unwrap_or(at),
        )
    }

    /// Where the member `key` of the top-level object is written.
    pub fn top_level(&self, key: &str) -> Option<Position> {
        if self.objects.is_empty() {
            return None;
        }
        self.objects[0]
            .members
            .iter()
            .find(|m| m.key == key)
            .map(|m| m.at)
    }

    /// The first object in `range` with a member `key` whose value is the
    /// string `value`, and where that member is written.
    fn find(&self, range: Range<usize>, key: &str, value: &str) -> Option<(usize, Position)> {
        range.into_iter().find_map(|index| {
            self.objects[index]
                .members
                .iter()
                .find(|m| m.key == key && m.string.as_deref() == Some(value))
                .map(|m| (index, m.at))
        })
    }

    /// Object `index` and the objects nested in it.
    fn inside(&self, index: usize) -> Range<usize> {
        index..self.objects[index].end.max(index + 1)
    }

    /// The member `key` of object `index`, or else the first member so named
    /// in an object nested in it.
    fn member(&self, index: usize, key: &str) -> Option<Position> {
        self.inside(index).find_map(|i| {
            self.objects[i]
                .members
                .iter()
                .find(|m| m.key == key)
                .map(|m| m.at)
        })
    }
}

/// Characters of the source with their positions; also the decoder of JSON
/// strings that [`crate::text::forbidden_in_json_strings`] uses.
pub(crate) struct Cursor<'a> {
    chars: std::str::Chars<'a>,
    line: usize,
    /// Column of the character last returned (0 before the first of a line).
    column: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Cursor {
            chars: text.chars(),
            line: 1,
            column: 0,
        }
    }

    pub(crate) fn next(&mut self) -> Option<(char, Position)> {
        let c = self.chars.next()?;
        let at = if c == '\n' {
            let at = Position {
                line: self.line,
                column: self.column + 1,
            };
            self.line += 1;
            self.column = 0;
            at
        } else {
            self.column += 1;
            Position {
                line: self.line,
                column: self.column,
            }
        };
        Some((c, at))
    }

    /// The rest of a string whose opening quote was just read, decoded; the
    /// cursor ends past its closing quote (or at the end of the text).
    fn string(&mut self) -> String {
        let mut out = String::new();
        self.string_chars(|c, _| out.push(c));
        out
    }

    /// Each character of the rest of a string whose opening quote was just
    /// read, decoded, with where it is written (an escape: its backslash; a
    /// surrogate pair: the backslash of its first half). The cursor ends past
    /// the closing quote (or at the end of the text).
    pub(crate) fn string_chars(&mut self, mut each: impl FnMut(char, Position)) {
        let mut pending_high: Option<(u16, Position)> = None;
        while let Some((c, at)) = self.next() {
            match c {
                '"' => break,
                '\\' => {
                    let Some((escape, _)) = self.next() else {
                        break;
                    };
                    let decoded = match escape {
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'b' => '\u{8}',
                        'f' => '\u{C}',
                        'u' => {
                            let hex: String =
                                (0..4).filter_map(|_| self.next()).map(|(h, _)| h).collect();
                            let Ok(unit) = u16::from_str_radix(&hex, 16) else {
                                continue;
                            };
                            match (pending_high.take(), unit) {
                                (None, 0xD800..=0xDBFF) => {
                                    pending_high = Some((unit, at));
                                    continue;
                                }
                                (Some((high, high_at)), 0xDC00..=0xDFFF) => {
                                    let code = 0x10000
                                        + ((u32::from(high) - 0xD800) << 10)
                                        + (u32::from(unit) - 0xDC00);
                                    each(char::from_u32(code).unwrap_or('\u{FFFD}'), high_at);
                                    continue;
                                }
                                (_, unit) => char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'),
                            }
                        }
                        other => other,
                    };
                    each(decoded, at);
                }
                c => each(c, at),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the `n`th (from 1) occurrence of `needle` starts in `json`,
    /// counted as an editor does.
    fn at(json: &str, needle: &str, n: usize) -> Option<Position> {
        let (start, _) = json.match_indices(needle).nth(n - 1).expect("needle");
        let before = &json[..start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some(Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        })
    }

    #[test]
    fn compact_and_pretty_json_point_at_the_same_members() {
        let compact = r#"{"id":"r","sections":[{"id":"s","blocks":[]},{"id":"x","title":"t"}]}"#;
        let index = JsonIndex::new(compact);
        assert_eq!(index.locate("r", None, None), at(compact, r#""id""#, 1));
        assert_eq!(index.locate("x", None, None), at(compact, r#""id""#, 3));
        assert_eq!(
            index.locate("x", None, Some("title")),
            at(compact, r#""title""#, 1)
        );
        assert_eq!(
            index.locate("s", None, Some("blocks")),
            at(compact, r#""blocks""#, 1)
        );
        assert_eq!(index.locate("nothing", None, None), None);
        let pretty = "{\n  \"id\": \"r\",\n  \"sections\": [\n    {\n      \"id\" :\n        \"x\",\r\n      \"title\": \"t\"\n    }\n  ]\n}";
        let index = JsonIndex::new(pretty);
        assert_eq!(index.locate("x", None, None), at(pretty, "\"id\" :", 1));
        assert_eq!(index.locate("x", None, None).unwrap().line, 5);
        assert_eq!(
            index.locate("x", None, Some("title")),
            at(pretty, "\"title\"", 1)
        );
        assert_eq!(index.top_level("sections"), at(pretty, "\"sections\"", 1));
    }

    #[test]
    fn a_field_is_the_object_s_own_member_before_a_nested_one() {
        let json = r#"{"id":"f","source":{"title":"nested","quote":"q"},"title":"own"}"#;
        let index = JsonIndex::new(json);
        assert_eq!(
            index.locate("f", None, Some("title")),
            at(json, r#""title""#, 2)
        );
        // Not a member of its own: the first nested one.
        assert_eq!(
            index.locate("f", None, Some("quote")),
            at(json, r#""quote""#, 1)
        );
        // A field written nowhere in the object: the id.
        assert_eq!(
            index.locate("f", None, Some("parts")),
            at(json, r#""id""#, 1)
        );
    }

    #[test]
    fn a_row_is_found_inside_its_table_only() {
        let json = r#"{"rows":[{"key":"1"}],"t":{"id":"tab","rows":[{"key":"0"},{"key":"1","cells":[]}]},"u":{"id":"other","rows":[{"key":"1"}]}}"#;
        let index = JsonIndex::new(json);
        assert_eq!(
            index.locate("tab", Some("1"), None),
            at(json, r#""key""#, 3)
        );
        assert_eq!(
            index.locate("tab", Some("1"), Some("cells")),
            at(json, r#""cells""#, 1)
        );
        // A missing row: the table.
        assert_eq!(
            index.locate("tab", Some("9"), None),
            at(json, r#""id":"tab""#, 1)
        );
        assert_eq!(
            index.locate("other", Some("1"), None),
            at(json, r#""key""#, 4)
        );
    }

    #[test]
    fn keys_and_values_are_compared_decoded() {
        let json = "{\"id\": \"\\u0073ec-1\", \"t\\u0069tle\": \"\\\"quoted\\\" \\ud83d\\ude00\"}";
        let index = JsonIndex::new(json);
        assert_eq!(
            index.locate("sec-1", None, Some("title")),
            at(json, "\"t\\u0069tle\"", 1)
        );
        // Strings hold what they decode to: a quote inside does not end them.
        assert_eq!(
            index.objects[0].members[1].string.as_deref(),
            Some("\"quoted\" 😀")
        );
    }

    #[test]
    fn columns_count_characters_and_strings_hide_structure() {
        let json = "{\"title\": \"南芬区{\\\"id\\\": \\\"x\\\"}\", \"id\": \"x\"}";
        let index = JsonIndex::new(json);
        // The braces and the id inside the string are text, not an object.
        assert_eq!(index.objects.len(), 1);
        let found = index.locate("x", None, None);
        assert_eq!(
            found,
            at(json, ", \"id\"", 1).map(|p| Position {
                column: p.column + 2,
                ..p
            })
        );
        assert_eq!(
            found.unwrap().column,
            33,
            "南芬区 counts three columns, not nine"
        );
    }

    #[test]
    fn broken_text_never_panics() {
        for json in [
            "",
            "{",
            "}",
            "]]]",
            "{\"id\":\"x",
            "{\"a\\",
            "\"\\u12",
            "[{\"id\":\"x\"},{",
        ] {
            let index = JsonIndex::new(json);
            let _ = index.locate("x", Some("1"), Some("a"));
            let _ = index.top_level("a");
        }
        let json = "[{\"id\":\"x\"},{";
        assert_eq!(
            JsonIndex::new(json).locate("x", None, None),
            at(json, "\"id\"", 1)
        );
    }
}
