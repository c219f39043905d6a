//! The report data model: what a published report says, as plain types with
//! serde (for the JSON dataset) and bincode (for the embedded bundle) derives.
//!
//! It knows nothing of the web. The build script parses the JSON dataset into
//! these types, checks them and encodes them with bincode; the viewer decodes the
//! same types. Serde attributes that need a self-describing format (internally
//! tagged enums, `skip_serializing_if`, `flatten`) are avoided so both work.
//!
//! Text fields hold the report's characters exactly as published, including its
//! mistakes (the seed numbers its sections 一 二 三 五 四 五 …): the model never
//! normalises them.

use crate::table::Table;
use serde::{Deserialize, Serialize};

/// One annual report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Stable identifier, used in URLs and the mount attribute (`nanfen-2017`).
    pub id: String,
    /// Which publication format the report follows.
    pub format: ReportFormat,
    pub meta: Metadata,
    /// The title as printed above the text.
    pub title: String,
    /// Paragraphs before the first numbered section.
    pub preamble: Vec<Block>,
    pub sections: Vec<Section>,
    /// Every number the text states that the viewer shows or plots.
    pub figures: Vec<Figure>,
    /// Numbers the importer proposed, awaiting the editor's confirmation:
    /// checked like `figures`, never charted, never embedded (see
    /// [`FigureCandidates`]). Absent in a dataset without any.
    #[serde(default)]
    pub figure_candidates: FigureCandidates,
    /// Charts and stated-value boxes, each placed after a block of the text.
    pub charts: Vec<Chart>,
}

/// Figures proposed from the text (a number with its unit, its words and its
/// sentence) that no editor has confirmed yet. The editor confirms one by
/// moving it into [`Report::figures`] (and may then chart it).
///
/// In the JSON dataset it is a plain list of figures. In the bincode bundle
/// it is nothing: encoding writes no byte and decoding yields an empty list,
/// so unconfirmed numbers never reach a reader's browser (the viewer shows
/// and plots confirmed figures only, and the wasm bundle carries no text it
/// does not show). Hand-written impls rather than a derive, for that reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FigureCandidates(pub Vec<Figure>);

impl bincode::Encode for FigureCandidates {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        _encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        Ok(())
    }
}

impl<Context> bincode::Decode<Context> for FigureCandidates {
    fn decode<D: bincode::de::Decoder<Context = Context>>(
        _decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        Ok(FigureCandidates::default())
    }
}

impl<'de, Context> bincode::BorrowDecode<'de, Context> for FigureCandidates {
    fn borrow_decode<D: bincode::de::BorrowDecoder<'de, Context = Context>>(
        _decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        Ok(FigureCandidates::default())
    }
}

/// The publication formats a portal holds (see docs on report formats).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode,
)]
pub enum ReportFormat {
    /// Free narrative, before the 2019 standard tables.
    #[serde(rename = "narrative")]
    Narrative,
    /// 国办公开办函〔2019〕60号 trial format.
    #[serde(rename = "2019")]
    Trial2019,
    /// 国办公开办函〔2021〕30号 format.
    #[serde(rename = "2021")]
    Format2021,
}

/// The portal's metadata header. An empty string is a field the portal shows
/// empty; it is displayed empty, never filled in.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode,
)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// 索引号
    pub index_no: String,
    /// 发布机构
    pub publisher: String,
    /// 信息名称
    pub name: String,
    /// 主题分类
    pub topic: String,
    /// 发布日期
    pub publish_date: String,
    /// 成文日期
    pub written_date: String,
    /// 废止日期
    pub repeal_date: String,
    /// 文号
    pub doc_no: String,
    /// 关键词
    pub keywords: String,
    /// 发布时间, date and time as the portal prints it.
    pub published_at: String,
}

impl Metadata {
    /// The fields with their portal labels, in the portal's order.
    pub fn fields(&self) -> [(&'static str, &str); 10] {
        [
            ("索引号", &self.index_no),
            ("发布机构", &self.publisher),
            ("信息名称", &self.name),
            ("主题分类", &self.topic),
            ("发布日期", &self.publish_date),
            ("成文日期", &self.written_date),
            ("废止日期", &self.repeal_date),
            ("文号", &self.doc_no),
            ("关键词", &self.keywords),
            ("发布时间", &self.published_at),
        ]
    }
}

/// A numbered part of the report (一、总体工作情况).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The label as printed, with its punctuation: `一、`, `五、` (twice in the seed).
    pub label: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Section {
    /// The heading line as published: label followed by title.
    pub fn heading(&self) -> String {
        format!("{}{}", self.label, self.title)
    }
}

/// A piece of running text inside a section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
pub enum Block {
    #[serde(rename = "paragraph")]
    Paragraph(Paragraph),
    /// A paragraph opened by a run-in subsection heading: `(一)落实工作要点,逐项对照公开。根据…`.
    #[serde(rename = "subsection")]
    Subsection(Subsection),
    /// Consecutive paragraphs each opened by an ordinal (`一是`, `二是` …).
    #[serde(rename = "list")]
    List(List),
    /// A mandated table of a standard-format report (see [`crate::standard`]).
    #[serde(rename = "table")]
    Table(Table),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    pub id: String,
    /// As printed: `(一)`, or `()` where the publication lost the numeral.
    pub label: String,
    /// The run-in heading, with its closing punctuation.
    pub title: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub id: String,
    pub items: Vec<ListItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    pub id: String,
    /// As printed: `一是`.
    pub label: String,
    pub text: String,
}

impl Block {
    /// The block's id (a list's own id; its items have ids too).
    pub fn id(&self) -> &str {
        match self {
            Block::Paragraph(p) => &p.id,
            Block::Subsection(s) => &s.id,
            Block::List(l) => &l.id,
            Block::Table(t) => &t.id,
        }
    }

    /// Each printed paragraph of the block as `(anchor id, full text)`: one for a
    /// paragraph or subsection, one per item for a list, none for a table
    /// (figures cannot quote it and the text comparison skips it).
    pub fn printed_paragraphs(&self) -> Vec<(&str, String)> {
        match self {
            Block::Paragraph(p) => vec![(p.id.as_str(), p.text.clone())],
            Block::Subsection(s) => {
                vec![(s.id.as_str(), format!("{}{}{}", s.label, s.title, s.text))]
            }
            Block::List(l) => l
                .items
                .iter()
                .map(|i| (i.id.as_str(), format!("{}{}", i.label, i.text)))
                .collect(),
            Block::Table(_) => Vec::new(),
        }
    }
}

/// A number stated in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// What is counted, in the viewer's words (`政务动态信息`).
    pub label: String,
    pub value: u64,
    /// The measure word as published (`条`, `件`, `家`); empty where the text has none.
    pub unit: String,
    /// A count of things, or a place in a ranking.
    pub measure: Measure,
    /// Exact, or a lower bound ("10余幅" is more than 10).
    pub bound: Bound,
    /// The words that state the value, exactly as they occur in the quote
    /// (`1182条`, `10余幅`, `第一`, `未接到`).
    pub stated: String,
    pub source: Source,
    /// Ids of figures that make up this one; their values sum to this value.
    pub parts: Vec<String>,
}

impl Figure {
    /// The value as a reader should see it: `1182条`, `10余幅`.
    pub fn display_value(&self) -> String {
        match (self.measure, self.bound) {
            (Measure::Rank, _) => format!("第{}名", self.value),
            (Measure::Count, Bound::Exact) => format!("{}{}", self.value, self.unit),
            (Measure::Count, Bound::MoreThan) => format!("{}余{}", self.value, self.unit),
        }
    }
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode,
)]
pub enum Measure {
    #[serde(rename = "count")]
    Count,
    /// `排名第一` is rank 1.
    #[serde(rename = "rank")]
    Rank,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode,
)]
pub enum Bound {
    #[serde(rename = "exact")]
    Exact,
    /// "余": the true value is larger than `value` and unknown.
    #[serde(rename = "more_than")]
    MoreThan,
}

/// Where a figure is stated: the element it is read from (by anchor id) and
/// the sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Anchor id of a printed paragraph (paragraph, subsection or list item),
    /// or, for a figure read from a standard table, of its cell.
    pub anchor: String,
    /// The sentence, character for character as it stands in that paragraph.
    pub quote: String,
}

/// A chart or a box of stated values, placed after a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    /// Anchor id of the block (or list item) the chart follows.
    pub after: String,
    pub kind: ChartKind,
    pub title: String,
    /// Figures drawn as bars (or listed, for `facts`), in order.
    pub figures: Vec<String>,
    /// Figures stated with the chart but not drawn: totals, ranks, or a value of
    /// another unit or scale. Each is printed as text beside the chart.
    pub notes: Vec<String>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, bincode::Encode, bincode::Decode,
)]
pub enum ChartKind {
    /// Horizontal bars on one linear scale; all bars share a unit.
    #[serde(rename = "bars")]
    Bars,
    /// Values stated without a drawing: zero counts are said, not drawn as empty charts.
    #[serde(rename = "facts")]
    Facts,
}

impl Report {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The unconfirmed candidate with this id (see [`FigureCandidates`]).
    pub fn candidate(&self, id: &str) -> Option<&Figure> {
        self.figure_candidates.0.iter().find(|f| f.id == id)
    }

    /// The figures with these ids, in the order given; ids that name no
    /// figure are left out (the checks report them).
    pub fn figures_with_ids(&self, ids: &[String]) -> Vec<&Figure> {
        ids.iter().filter_map(|id| self.figure(id)).collect()
    }

    /// Every block in reading order with the section it belongs to (`None`
    /// for the preamble): the one walk over the text the others build on.
    pub fn blocks(&self) -> impl Iterator<Item = (Option<&Section>, &Block)> {
        let preamble = self.preamble.iter().map(|block| (None, block));
        let sections = self
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(move |block| (Some(s), block)));
        preamble.chain(sections)
    }

    /// Every table of the report, in reading order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks().filter_map(|(_, block)| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
    }

    /// Every printed paragraph in reading order, with the section it belongs to
    /// (`None` for the preamble).
    pub fn printed_paragraphs(&self) -> Vec<(Option<&Section>, &str, String)> {
        self.blocks()
            .flat_map(|(section, block)| {
                block
                    .printed_paragraphs()
                    .into_iter()
                    .map(move |(id, text)| (section, id, text))
            })
            .collect()
    }

    /// The report's text as published, one line per heading or paragraph, in order.
    pub fn text_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .preamble
            .iter()
            .flat_map(|b| b.printed_paragraphs())
            .map(|(_, t)| t)
            .collect();
        for section in &self.sections {
            lines.push(section.heading());
            lines.extend(
                section
                    .blocks
                    .iter()
                    .flat_map(|b| b.printed_paragraphs())
                    .map(|(_, t)| t),
            );
        }
        lines
    }

    /// The section whose blocks hold the anchor `id`, and that printed paragraph's text.
    pub fn locate(&self, id: &str) -> Option<(Option<&Section>, String)> {
        self.printed_paragraphs()
            .into_iter()
            .find(|(_, pid, _)| *pid == id)
            .map(|(s, _, t)| (s, t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(id: &str) -> Figure {
        Figure {
            id: id.into(),
            label: "悬挂宣传条幅".into(),
            value: 10,
            unit: "幅".into(),
            measure: Measure::Count,
            bound: Bound::MoreThan,
            stated: "10余幅".into(),
            source: Source {
                anchor: "sec-1-p1".into(),
                quote: "悬挂宣传条幅10余幅。".into(),
            },
            parts: Vec::new(),
        }
    }

    fn report(candidates: Vec<Figure>) -> Report {
        Report {
            id: "r".into(),
            format: ReportFormat::Narrative,
            meta: Metadata::default(),
            title: "标题".into(),
            preamble: Vec::new(),
            sections: vec![Section {
                id: "sec-1".into(),
                label: "一、".into(),
                title: "总体".into(),
                blocks: vec![Block::Paragraph(Paragraph {
                    id: "sec-1-p1".into(),
                    text: "悬挂宣传条幅10余幅。".into(),
                })],
            }],
            figures: vec![figure("banners")],
            figure_candidates: FigureCandidates(candidates),
            charts: Vec::new(),
        }
    }

    #[test]
    fn candidates_never_enter_the_bincode_bundle() {
        let config = bincode::config::standard();
        let with = bincode::encode_to_vec(report(vec![figure("candidate-1")]), config).unwrap();
        let without = bincode::encode_to_vec(report(Vec::new()), config).unwrap();
        assert_eq!(with, without);
        let (decoded, read): (Report, usize) = bincode::decode_from_slice(&with, config).unwrap();
        assert_eq!(read, with.len());
        assert_eq!(decoded, report(Vec::new()));
        let (borrowed, _): (Report, usize) =
            bincode::borrow_decode_from_slice(&with, config).unwrap();
        assert_eq!(borrowed, report(Vec::new()));
    }
}
