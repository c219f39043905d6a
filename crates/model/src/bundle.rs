//! What the build embeds in the viewer: each report with what was computed
//! from it at build time (chart drawings, findings, quote positions), and the
//! bincode settings both sides use.

use crate::findings::RuleBreak;
use crate::report::{Figure, Report};
use serde::{Deserialize, Serialize};

/// What the build embeds: each report with the artefacts computed from it at
/// build time, so the browser neither parses JSON nor draws charts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub struct Bundle {
    pub reports: Vec<CompiledReport>,
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
fn bincode_config() -> bincode::config::Configuration {
    bincode::config::standard()
}

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

/// A run of a paragraph's text: plain, or a quoted sentence with its anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub anchor: Option<String>,
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
