//! The report data model: what a published report says, as plain serde types.
//!
//! It knows nothing of the web. The build script parses the JSON dataset into
//! these types, checks them and encodes them with bincode; the viewer decodes the
//! same types. Serde attributes that need a self-describing format (internally
//! tagged enums, `skip_serializing_if`, `flatten`) are avoided so both work.
//!
//! Text fields hold the report's characters exactly as published, including its
//! mistakes (the seed numbers its sections 一 二 三 五 四 五 …): the model never
//! normalises them.

use serde::{Deserialize, Serialize};

/// One annual report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Charts and stated-value boxes, each placed after a block of the text.
    pub charts: Vec<Chart>,
}

/// The publication formats a portal holds (see docs on report formats).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    #[serde(rename = "paragraph")]
    Paragraph(Paragraph),
    /// A paragraph opened by a run-in subsection heading: `(一)落实工作要点,逐项对照公开。根据…`.
    #[serde(rename = "subsection")]
    Subsection(Subsection),
    /// Consecutive paragraphs each opened by an ordinal (`一是`, `二是` …).
    #[serde(rename = "list")]
    List(List),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    pub id: String,
    /// As printed: `(一)`, or `()` where the publication lost the numeral.
    pub label: String,
    /// The run-in heading, with its closing punctuation.
    pub title: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub id: String,
    pub items: Vec<ListItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
        }
    }

    /// Each printed paragraph of the block as `(anchor id, full text)`: one for a
    /// paragraph or subsection, one per item for a list.
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
        }
    }
}

/// A number stated in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    #[serde(rename = "count")]
    Count,
    /// `排名第一` is rank 1.
    #[serde(rename = "rank")]
    Rank,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bound {
    #[serde(rename = "exact")]
    Exact,
    /// "余": the true value is larger than `value` and unknown.
    #[serde(rename = "more_than")]
    MoreThan,
}

/// Where a figure is stated: a printed paragraph (by anchor id) and the sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Anchor id of a paragraph, subsection or list item.
    pub block: String,
    /// The sentence, character for character as it stands in that paragraph.
    pub quote: String,
}

/// A chart or a box of stated values, placed after a block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

    /// Every printed paragraph in reading order, with the section it belongs to
    /// (`None` for the preamble).
    pub fn printed_paragraphs(&self) -> Vec<(Option<&Section>, &str, String)> {
        let preamble = self
            .preamble
            .iter()
            .flat_map(|b| b.printed_paragraphs())
            .map(|(id, text)| (None, id, text));
        let sections = self.sections.iter().flat_map(|s| {
            s.blocks
                .iter()
                .flat_map(|b| b.printed_paragraphs())
                .map(move |(id, text)| (Some(s), id, text))
        });
        preamble.chain(sections).collect()
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

/// What the build embeds: each report with the artefacts computed from it at
/// build time, so the browser neither parses JSON nor draws charts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub reports: Vec<CompiledReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompiledReport {
    pub report: Report,
    /// `(chart id, SVG markup)` for every `bars` chart.
    pub chart_svgs: Vec<(String, String)>,
    /// Editorial observations about the published text (never corrections).
    pub notes: Vec<String>,
}

impl CompiledReport {
    pub fn chart_svg(&self, chart_id: &str) -> Option<&str> {
        self.chart_svgs
            .iter()
            .find(|(id, _)| id == chart_id)
            .map(|(_, svg)| svg.as_str())
    }
}

/// bincode settings shared by the encoder (build script) and decoder (viewer).
pub fn bincode_config() -> bincode::config::Configuration {
    bincode::config::standard()
}
