//! What a report page's viewer gets from its data file: the report as the
//! page shows it. The parts a reader never changes (the title and metadata,
//! the panels, every block of text and table, a chart's caption and data
//! table) are markup, written at build time by the same code that
//! prerenders the page (`gir_compile::page`), as the chart drawings are;
//! the viewer puts them in the page as they are and renders only what
//! changes around them: the 字体 size of each part, the bar chart drawn for
//! it, the 目录's current section, the reader's tools, links to the data
//! files. So the browser decodes no report model and carries no layout,
//! panel or block renderer, and the markup it hydrates is the markup the
//! build wrote.
//!
//! Markup is `Rc<str>`: the viewer hands the same string to every render.

use crate::bundle::{bincode_config, REPORT_DATA_LIMIT};
use crate::report::ChartKind;
use std::rc::Rc;

/// Markup written at build time (escaped text, the project's own tags).
pub type Markup = Rc<str>;

/// What stands for markup the prerendered page holds, in a page for
/// hydration ([`PageReport::for_hydration`]).
pub const MARKUP_IN_PAGE: &str = " ";

/// A report as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct PageReport {
    /// The report's id (`data-gir-report`), which names its generated ids
    /// and data files.
    pub id: String,
    /// The title (`<h1>`) and the metadata block, above the reader's tools.
    pub head: Markup,
    /// The 数据校验 and 内容雷同 panels, below the reader's tools; empty
    /// when the report has neither.
    pub panels: Markup,
    /// The blocks before the first section, each with its charts.
    pub preamble: Vec<PagePart>,
    pub sections: Vec<PageSection>,
    /// This is the page for hydrating a prerendered mount
    /// ([`PageReport::for_hydration`]): the markup the mount already holds
    /// is left out, so it can only take that mount over, never render one.
    pub for_hydration: bool,
}

/// A numbered section.
#[derive(Clone, Debug, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct PageSection {
    pub id: String,
    /// The label and the title as printed (`一、`, `总体工作情况`).
    pub label: String,
    pub title: String,
    /// The 目录's list of the section's run-in subsections (an `<ol>`);
    /// empty when it has none.
    pub contents: Markup,
    /// One part per block, in order.
    pub parts: Vec<PagePart>,
}

/// A block of the text with the charts placed after it: a part that takes
/// a new 字体 size on its own.
#[derive(Clone, Debug, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct PagePart {
    /// The paragraph, subsection, list or table.
    pub block: Markup,
    pub charts: Vec<PageChart>,
}

/// A bar chart or a box of stated values.
#[derive(Clone, Debug, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct PageChart {
    pub id: String,
    pub kind: ChartKind,
    /// The caption, and a facts box's list: what comes before the drawing.
    pub head: Markup,
    /// A bar chart's drawing at each 字体 size; `None` for a facts box, or
    /// a bar chart that could not be drawn (its data table stands in).
    pub drawings: Option<PageDrawings>,
    /// The 数据表 disclosure.
    pub table: Markup,
    /// The chart's CSV download, relative to the viewer's folder.
    pub csv: String,
}

/// A bar chart drawn (SVG markup) for each 字体 size.
#[derive(Clone, Debug, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct PageDrawings {
    pub large: Markup,
    pub medium: Markup,
    pub small: Markup,
}

/// The decoder's settings for a report's data file: the encoder's, with
/// [`REPORT_DATA_LIMIT`] (a limit changes no byte of the encoding).
fn data_config() -> bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Varint,
    bincode::config::Limit<REPORT_DATA_LIMIT>,
> {
    bincode_config().with_limit::<REPORT_DATA_LIMIT>()
}

impl PageReport {
    /// The report's data file, as the build writes it: the same bytes as
    /// its page's entry in a [`crate::bundle::Bundle`].
    pub fn encode(&self) -> Vec<u8> {
        bincode::encode_to_vec(self, bincode_config())
            .expect("a page of plain structs always encodes")
    }

    /// The page back from its data file. Bytes that are not exactly one
    /// page (truncated, extended, altered, or claiming more than
    /// [`REPORT_DATA_LIMIT`]) are an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<PageReport, bincode::error::DecodeError> {
        let (page, read) = bincode::decode_from_slice(bytes, data_config())?;
        if read == bytes.len() {
            Ok(page)
        } else {
            Err(bincode::error::DecodeError::Other("bytes after the report"))
        }
    }

    /// The page a prerendered mount needs to be taken over: without the
    /// markup the mount already holds (title and metadata, panels, blocks,
    /// charts' captions and data tables, the 目录's subsections), which is
    /// most of the file. Hydration adopts the nodes the page holds and never
    /// reads that markup; each part whose markup was not empty keeps a
    /// stand-in (never empty), so the components render the same structure.
    /// The chart drawings stay: a 字体 change swaps them.
    pub fn for_hydration(&self) -> PageReport {
        fn elide(markup: &Markup) -> Markup {
            if markup.is_empty() {
                markup.clone()
            } else {
                Rc::from(MARKUP_IN_PAGE)
            }
        }
        fn parts(parts: &[PagePart]) -> Vec<PagePart> {
            parts
                .iter()
                .map(|part| PagePart {
                    block: elide(&part.block),
                    charts: part
                        .charts
                        .iter()
                        .map(|chart| PageChart {
                            head: elide(&chart.head),
                            table: elide(&chart.table),
                            ..chart.clone()
                        })
                        .collect(),
                })
                .collect()
        }
        PageReport {
            id: self.id.clone(),
            head: elide(&self.head),
            panels: elide(&self.panels),
            preamble: parts(&self.preamble),
            sections: self
                .sections
                .iter()
                .map(|section| PageSection {
                    contents: elide(&section.contents),
                    parts: parts(&section.parts),
                    ..section.clone()
                })
                .collect(),
            for_hydration: true,
        }
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&PageSection> {
        self.sections.iter().find(|s| s.id == id)
    }
}

impl PageSection {
    /// The heading line as published: label followed by title.
    pub fn heading(&self) -> String {
        let mut heading = self.label.clone();
        heading.push_str(&self.title);
        heading
    }
}
