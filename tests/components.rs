//! A report's page, as the build writes it and the components render it
//! natively with Yew's SSR, from a fixture compiled by the data layer: the
//! markup a reader's browser and screen reader get, checked in milliseconds
//! (the end-to-end tests check it again in Chromium).
#![cfg(feature = "ssr")]

use gir::components::section::{SectionView, SectionViewProps};
use gir::embedded::{SharedPage, SharedReport};
use gir::state::FontSize;
use gir_compile::load::load_report;
use gir_compile::page::page_report;
use gir_compile::pipeline::compile_report;
use gir_model::report::Block;
use gir_model::table::{Cell, Table, TableKind, NOT_APPLICABLE_SYMBOLS};
use std::collections::HashSet;
use yew::{Callback, LocalServerRenderer};

/// A fixture report, loaded, checked and compiled as the build does.
fn compiled(fixture: &str) -> SharedReport {
    let path = format!("{}/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {fixture} cannot be read: {e}"));
    let report = load_report(fixture, &json).unwrap_or_else(|errors| {
        panic!("{fixture} invalid: {errors:?}");
    });
    SharedReport::new(compile_report(report))
}

fn table_of(report: &SharedReport, kind: TableKind) -> Table {
    report
        .report
        .tables()
        .find(|t| t.kind == kind)
        .unwrap_or_else(|| panic!("{} has a {kind:?} table", report.report.id))
        .clone()
}

/// A table's markup, as the build writes it into the report's page.
fn render_table(report: &SharedReport, kind: TableKind) -> String {
    let start = format!(
        "<div id=\"{}\" class=\"gir-table\">",
        table_of(report, kind).id
    );
    page_report(report)
        .sections
        .iter()
        .flat_map(|s| &s.parts)
        .find(|part| part.block.starts_with(&start))
        .map(|part| part.block.to_string())
        .unwrap_or_else(|| panic!("{kind:?}: no part starts with {start}"))
}

fn render_section(report: &SharedReport, index: usize, font_sizes: Vec<FontSize>) -> String {
    let props = SectionViewProps {
        report: SharedPage::new(page_report(report)),
        index,
        base: Default::default(),
        on_print: Callback::noop(),
        printing: false,
        font_sizes,
    };
    futures::executor::block_on(
        LocalServerRenderer::<SectionView>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The elements matching `selector` in `html`, as (attribute → value) maps
/// with their text.
fn elements(html: &str, selector: &str) -> Vec<(Vec<(String, String)>, String)> {
    let dom = tl::parse(html, tl::ParserOptions::default()).expect("the HTML parses");
    let parser = dom.parser();
    dom.query_selector(selector)
        .expect("a valid selector")
        .filter_map(|handle| handle.get(parser)?.as_tag().cloned())
        .map(|tag| {
            let attributes = tag
                .attributes()
                .iter()
                .map(|(name, value)| {
                    (
                        name.into_owned(),
                        value.map(|v| v.into_owned()).unwrap_or_default(),
                    )
                })
                .collect();
            (attributes, tag.inner_text(parser).into_owned())
        })
        .collect()
}

fn attribute<'a>(element: &'a (Vec<(String, String)>, String), name: &str) -> Option<&'a str> {
    element
        .0
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn every_table_cell_names_headers_that_exist_and_cover_its_row_and_column() {
    let report = compiled("tests/fixtures/reports/sample-2021.json");
    for kind in TableKind::ALL {
        let html = render_table(&report, kind);
        let ids: HashSet<String> = elements(&html, "th")
            .iter()
            .filter_map(|th| attribute(th, "id").map(str::to_string))
            .collect();
        let cells = elements(&html, "td.gir-table__cell");
        assert!(!cells.is_empty(), "{kind:?}: no data cells in {html}");
        for cell in &cells {
            let headers = attribute(cell, "headers").expect("every data cell has headers");
            let named: Vec<&str> = headers.split_whitespace().collect();
            assert!(named.len() >= 2, "{kind:?}: {headers}: a column and a row");
            for id in named {
                assert!(
                    ids.contains(id),
                    "{kind:?}: headers names {id}, no such <th>"
                );
            }
        }
    }
}

#[test]
fn a_nested_result_cell_is_read_with_its_groups_and_parent_rows() {
    let report = compiled("tests/fixtures/reports/sample-2021.json");
    let html = render_table(&report, TableKind::Applications);
    let table_id = table_of(&report, TableKind::Applications).id;
    // 三(三)1.属于国家秘密, 商业企业: under 申请人情况 › 法人或其他组织.
    let cell_id = format!("{table_id}-3_3_1-business");
    let cell = elements(&html, &format!("#{cell_id}"));
    assert_eq!(cell.len(), 1, "one cell {cell_id}");
    let headers: Vec<&str> = attribute(&cell[0], "headers")
        .unwrap()
        .split_whitespace()
        .collect();
    let text_of = |id: &str| {
        elements(&html, &format!("#{id}"))
            .first()
            .map(|th| th.1.trim().to_string())
            .unwrap_or_else(|| panic!("no header #{id}"))
    };
    let named: Vec<String> = headers.iter().map(|id| text_of(id)).collect();
    for expected in [
        "商业企业",
        "法人或其他组织",
        "申请人情况",
        "1.属于国家秘密",
        "(三)不予公开",
        "三、本年度办理结果",
    ] {
        assert!(
            named.iter().any(|n| n == expected),
            "{cell_id} is read without “{expected}”: {named:?}"
        );
    }
}

#[test]
fn header_cells_scope_what_they_head() {
    let report = compiled("tests/fixtures/reports/sample-2021.json");
    let html = render_table(&report, TableKind::Applications);
    // The header rows' cells and the row labels are both <th>, told apart
    // by their labels here.
    let heads = elements(&html, "th");
    let scope = |label: &str| {
        heads
            .iter()
            .find(|th| th.1.trim() == label)
            .and_then(|th| attribute(th, "scope"))
            .unwrap_or_else(|| panic!("no header or row label “{label}”"))
            .to_string()
    };
    assert_eq!(scope("申请人情况"), "colgroup");
    assert_eq!(scope("法人或其他组织"), "colgroup");
    assert_eq!(scope("商业企业"), "col");
    assert_eq!(scope("三、本年度办理结果"), "rowgroup");
    assert_eq!(scope("1.属于国家秘密"), "row");
    // Blank, zero and not applicable stay apart, as printed: the samples
    // have each somewhere in their tables.
    let sample_2019 = compiled("tests/fixtures/reports/sample-2019.json");
    let all: String = [&report, &sample_2019]
        .into_iter()
        .flat_map(|r| TableKind::ALL.map(|kind| render_table(r, kind)))
        .collect();
    type Printed = fn(&str) -> bool;
    let shows: [(&str, Printed); 3] = [
        ("gir-table__cell--number", |t| {
            Cell::parse(t).is_ok_and(|c| c.decimal().is_some())
        }),
        ("gir-table__cell--blank", str::is_empty),
        ("gir-table__cell--na", |t| {
            NOT_APPLICABLE_SYMBOLS.contains(&t)
        }),
    ];
    for (class, printed) in shows {
        let cells = elements(&all, &format!("td.{class}"));
        assert!(!cells.is_empty(), "the samples have a {class} cell");
        assert!(cells.iter().all(|c| printed(&c.1)), "{class}: {cells:?}");
    }
}

#[test]
fn a_section_renders_its_heading_and_one_part_per_block_at_its_size() {
    let report = compiled("assets/reports/nanfen-2017.json");
    let section = &report.report.sections[0];
    let mut sizes = vec![FontSize::Large];
    sizes.extend(std::iter::repeat_n(FontSize::Small, section.blocks.len()));
    let html = render_section(&report, 0, sizes);

    let sections = elements(&html, "section.gir-section");
    assert_eq!(sections.len(), 1);
    assert_eq!(attribute(&sections[0], "id"), Some("sec-1"));
    assert_eq!(
        attribute(&sections[0], "aria-labelledby"),
        Some("sec-1-heading")
    );
    let heading = elements(&html, "h2#sec-1-heading");
    assert_eq!(heading.len(), 1);
    assert_eq!(heading[0].1, section.heading(), "the heading as published");

    let parts = elements(&html, ".gir-part");
    assert_eq!(
        parts.len(),
        1 + section.blocks.len(),
        "the head and each block"
    );
    assert_eq!(elements(&html, ".gir-part--font-large").len(), 1);
    assert_eq!(
        elements(&html, ".gir-part--font-small").len(),
        section.blocks.len()
    );

    // A subsection's label is kept as printed, "()" included, and the
    // sentence a figure quotes is marked with its anchor.
    let sub = section
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Subsection(sub) if sub.label == "()" => Some(sub),
            _ => None,
        })
        .expect("sec-1 has a subsection printed with an empty label");
    let paragraph = elements(&html, &format!("#{}", sub.id));
    assert_eq!(paragraph.len(), 1);
    assert!(
        paragraph[0].1.starts_with(&format!("(){}", sub.title)),
        "{}",
        paragraph[0].1
    );
    let quote = elements(&html, "#sec-1-sub3-q1");
    assert_eq!(quote.len(), 1, "the quoted sentence is marked");
    assert!(quote[0].1.contains("悬挂宣传条幅10余幅"), "{}", quote[0].1);
}
