//! What the build compiles each report into: the report with what was
//! computed from it at build time (chart drawings, findings, quote
//! positions), and the bincode settings both sides use. Native builds (the
//! prerender step, the authoring tool, tests) embed every report as one
//! [`Bundle`], with each report's page; the browser fetches one report's
//! data file, the encoding of its [`PageReport`] (the same bytes as its
//! entry in a bundle).

use crate::findings::RuleBreak;
use crate::page::PageReport;
use crate::report::{Figure, Report};
use serde::{Deserialize, Serialize};

/// What native builds embed: each report with the artefacts computed from it
/// at build time, so nothing downstream parses JSON or draws charts, and
/// each report's page (`pages[i]` shows `reports[i]`).
#[derive(Clone, Debug, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct Bundle {
    pub reports: Vec<CompiledReport>,
    pub pages: Vec<PageReport>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct CompiledReport {
    pub report: Report,
    /// One drawing set per `bars` chart.
    pub drawings: Vec<ChartDrawings>,
    /// Editorial observations about the published text (never corrections).
    pub notes: Vec<String>,
    /// Consistency rules (勾稽关系) the report's tables break, for a 数据校验
    /// panel; the tables themselves are shown as published.
    pub rule_breaks: Vec<RuleBreak>,
    /// The quoted sentences of each printed paragraph that has any, found at
    /// build time so the browser only slices text.
    pub quotes: Vec<ParagraphQuotes>,
    /// `(figure id, anchor)`: where each figure's "原文" link lands.
    pub source_anchors: Vec<(String, String)>,
    /// The sentences repeated from the body's report of the year before
    /// (内容雷同), found when the report is built in a library with that
    /// report; `None` without one.
    pub repeats: Option<Repeats>,
}

/// What a report repeats from its body's report of the year before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct Repeats {
    /// The previous report's id and year.
    pub previous_id: String,
    pub previous_year: u16,
    /// The repeated sentences' share of the report's text, per mille.
    pub share_per_mille: u16,
    /// In reading order.
    pub sentences: Vec<RepeatedSpan>,
}

/// A sentence of a printed paragraph found in the previous report,
/// verbatim or nearly (numbers and years aside).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct RepeatedSpan {
    /// Anchor id of the printed paragraph; the byte range in its printed
    /// text (label and run-in title included, as [`QuoteSpan`]s count).
    pub block: String,
    pub start: u32,
    pub len: u32,
    /// The previous report's sentence, as printed there.
    pub previous: String,
    /// Character for character the same.
    pub verbatim: bool,
}

/// The quoted sentences of one printed paragraph, found at build time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct ParagraphQuotes {
    /// Anchor id of the paragraph, subsection or list item.
    pub block: String,
    pub spans: Vec<QuoteSpan>,
}

/// A quoted sentence: its byte range in the printed paragraph and its anchor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct QuoteSpan {
    pub start: u32,
    pub len: u32,
    pub anchor: String,
}

/// A bar chart drawn at each 字体 size (SVG markup), so its text scales with the
/// reader's choice without re-layout in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct ChartDrawings {
    pub chart_id: String,
    pub large: String,
    pub medium: String,
    pub small: String,
}

impl CompiledReport {
    pub fn drawings_of(&self, chart_id: &str) -> Option<&ChartDrawings> {
        self.drawings.iter().find(|d| d.chart_id == chart_id)
    }

    /// The quoted sentences of the printed paragraph `block`, in reading order.
    pub fn quote_spans(&self, block: &str) -> &[QuoteSpan] {
        self.quotes
            .iter()
            .find(|q| q.block == block)
            .map(|q| q.spans.as_slice())
            .unwrap_or_default()
    }

    /// The repeated sentences (内容雷同) of one printed paragraph.
    pub fn repeated_spans(&self, block: &str) -> Vec<&RepeatedSpan> {
        self.repeats
            .iter()
            .flat_map(|r| r.sentences.iter())
            .filter(|s| s.block == block)
            .collect()
    }

    /// Where a figure's source link lands: its sentence, or else its block.
    pub fn source_anchor<'a>(&'a self, figure: &'a Figure) -> &'a str {
        self.source_anchors
            .iter()
            .find(|(id, _)| *id == figure.id)
            .map(|(_, anchor)| anchor.as_str())
            .unwrap_or(&figure.source.anchor)
    }
}

/// bincode settings shared by the encoder (build script) and decoder (viewer).
pub(crate) fn bincode_config() -> bincode::config::Configuration {
    bincode::config::standard()
}

/// The most a report's data file may make the decoder allocate: far above a
/// real report (a dataset is at most 1 MB, its text 200 KB; the prerender
/// step refuses to write a file that does not decode within it), far below
/// what would exhaust a browser tab. Without a limit, a length prefix in
/// hostile bytes would reserve gigabytes before a byte of them is read.
pub const REPORT_DATA_LIMIT: usize = 16 << 20;

impl Bundle {
    /// The bundle as the build embeds it.
    pub fn encode(&self) -> Vec<u8> {
        bincode::encode_to_vec(self, bincode_config())
            .expect("a bundle of plain structs always encodes")
    }

    /// The bundle back from the embedded bytes.
    pub fn decode(bytes: &[u8]) -> Result<Bundle, bincode::error::DecodeError> {
        bincode::decode_from_slice(bytes, bincode_config()).map(|(bundle, _)| bundle)
    }
}

impl CompiledReport {
    /// What linking the report into a library found (its 内容雷同), as
    /// bytes: with its dataset and the generator, what the site
    /// generator's cache of built pages is keyed by.
    pub fn repeats_bytes(&self) -> Vec<u8> {
        bincode::encode_to_vec(&self.repeats, bincode_config())
            .expect("plain structs always encode")
    }
}

/// A run of a paragraph's text: plain, or a quoted sentence with its anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub anchor: Option<String>,
}

/// Splits `text`, which starts at byte `offset` of its printed paragraph, at
/// the repeated sentences' ranges (`spans`, in printed-paragraph bytes,
/// clipped to the text): each piece with the sentence it belongs to, if any.
pub fn repeat_pieces<'r>(
    text: &str,
    offset: usize,
    spans: &[&'r RepeatedSpan],
) -> Vec<(String, Option<&'r RepeatedSpan>)> {
    let end_of_text = offset + text.len();
    let mut out = Vec::new();
    let mut at = offset;
    for span in spans {
        let start = (span.start as usize).max(at);
        let end = (span.start as usize + span.len as usize).min(end_of_text);
        if start >= end {
            continue;
        }
        let (Some(before), Some(repeated)) = (
            text.get(at - offset..start - offset),
            text.get(start - offset..end - offset),
        ) else {
            continue;
        };
        if !before.is_empty() {
            out.push((before.to_string(), None));
        }
        out.push((repeated.to_string(), Some(*span)));
        at = end;
    }
    if let Some(rest) = text.get(at - offset..).filter(|rest| !rest.is_empty()) {
        out.push((rest.to_string(), None));
    }
    out
}

/// Splits `text`, which starts at byte `offset` of its printed paragraph, into
/// plain runs and the quoted sentences (`spans`, in printed-paragraph bytes)
/// that lie wholly inside it.
pub fn segments(text: &str, offset: usize, spans: &[QuoteSpan]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans {
        let Some(local) = (span.start as usize).checked_sub(offset) else {
            continue;
        };
        let end = local + span.len as usize;
        // `get` rather than indexing: a span off a character boundary is
        // skipped, and the browser build carries no slicing panic (with its
        // message formatting) for it.
        let (Some(before), Some(quoted)) = (text.get(at..local), text.get(local..end)) else {
            continue;
        };
        if !before.is_empty() {
            out.push(Segment {
                text: before.to_string(),
                anchor: None,
            });
        }
        out.push(Segment {
            text: quoted.to_string(),
            anchor: Some(span.anchor.clone()),
        });
        at = end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        out.push(Segment {
            text: rest.to_string(),
            anchor: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u32, len: u32) -> RepeatedSpan {
        RepeatedSpan {
            block: "p".into(),
            start,
            len,
            previous: "上年。".into(),
            verbatim: false,
        }
    }

    #[test]
    fn repeated_ranges_split_a_piece_of_text_clipped_to_it() {
        // "甲乙。丙丁。" printed after a 3-byte label: the piece starts at 3.
        let text = "甲乙。丙丁。";
        let first = span(3, 9);
        let across = span(9, 100);
        let pieces = repeat_pieces(text, 3, &[&first]);
        assert_eq!(
            pieces
                .iter()
                .map(|(t, s)| (t.as_str(), s.is_some()))
                .collect::<Vec<_>>(),
            [("甲乙。", true), ("丙丁。", false)]
        );
        // A range reaching past the piece is cut at its end; one before it
        // is left out; text is never lost or split inside a character.
        let before = span(0, 3);
        let pieces = repeat_pieces(text, 3, &[&before, &across]);
        assert_eq!(
            pieces
                .iter()
                .map(|(t, s)| (t.as_str(), s.is_some()))
                .collect::<Vec<_>>(),
            [("甲乙", false), ("。丙丁。", true)]
        );
        let off_boundary = span(4, 2);
        let pieces = repeat_pieces(text, 3, &[&off_boundary]);
        assert_eq!(pieces.concat_text(), text);
    }

    trait Concat {
        fn concat_text(&self) -> String;
    }
    impl Concat for Vec<(String, Option<&RepeatedSpan>)> {
        fn concat_text(&self) -> String {
            self.iter().map(|(t, _)| t.as_str()).collect()
        }
    }
}
