//! A mandated table (表二, 表三, 表四) as a real HTML table that looks like the
//! published one: multi-level column headers, nested row labels, numbers
//! right-aligned and exactly as printed, blanks blank, "not applicable" marks
//! as printed.
//!
//! Accessibility: every data cell names its headers (`headers=` with the ids
//! of its column header, the groups above it, its row label and the rows that
//! label is nested under), so a screen reader reads e.g. "申请人情况 法人或其他组织
//! 商业企业, (三)不予公开 1.属于国家秘密". The wide table scrolls inside a focusable
//! region with the row labels sticky, so it is never squeezed on a phone.

use crate::embedded::SharedReport;
use gir_model::anchors::{cell_anchor, row_anchor, table_block_prefix};
use gir_model::standard::{self, BlockLayout, HeaderCell, RowDef, RowKind, TableLayout};
use gir_model::table::{Cell, Table};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StandardTableViewProps {
    pub report: SharedReport,
    pub table: Table,
}

#[function_component]
pub fn StandardTableView(props: &StandardTableViewProps) -> Html {
    let table = &props.table;
    let Some(layout) = standard::layout(props.report.report.format, table.kind) else {
        // Checked at build time; a narrative report cannot hold a table.
        return html! {};
    };
    html! {
        <div class="gir-table" id={table.id.clone()}>
            { for layout.blocks.iter().enumerate().map(|(index, block)| block_table(table, layout, index, block)) }
        </div>
    }
}

/// The header ids of each column: its leaf header and the groups above it.
fn column_header_ids(
    prefix: &str,
    block: &BlockLayout,
    header_rows: &[Vec<HeaderCell>],
) -> Vec<Vec<String>> {
    let mut ids: Vec<Vec<String>> = block
        .columns
        .iter()
        .map(|c| vec![format!("{prefix}-col-{}", c.key)])
        .collect();
    for (level, row) in header_rows.iter().enumerate() {
        for cell in row.iter().filter(|c| c.column.is_none()) {
            if let Some(first) = cell.first_column {
                let id = group_id(prefix, level, first);
                for column in ids.iter_mut().skip(first).take(cell.colspan) {
                    column.push(id.clone());
                }
            }
        }
    }
    ids
}

fn group_id(prefix: &str, level: usize, first_column: usize) -> String {
    format!("{prefix}-g{level}-{first_column}")
}

fn block_table(table: &Table, layout: &TableLayout, index: usize, block: &BlockLayout) -> Html {
    let prefix = table_block_prefix(&table.id, index);
    let caption_id = format!("{prefix}-caption");
    let caption = if block.heading.is_empty() {
        table.kind.title().to_string()
    } else {
        format!("{} · {}", table.kind.title(), block.heading)
    };
    let header_rows = block.header_rows();
    let column_ids = column_header_ids(&prefix, block, &header_rows);
    html! {
        <div class="gir-table__scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class="gir-table__table">
                <caption class="gir-table__caption" id={caption_id}>{ caption }</caption>
                <thead>
                    { for header_rows.iter().enumerate().map(|(level, row)| html! {
                        <tr class="gir-table__row">
                            { for row.iter().map(|cell| {
                                let Some(first) = cell.first_column else {
                                    return html! {
                                        <th class="gir-table__stub" scope="col" rowspan={cell.rowspan.to_string()}>{ cell.label }</th>
                                    };
                                };
                                let id = match cell.column {
                                    Some(key) => format!("{prefix}-col-{key}"),
                                    None => group_id(&prefix, level, first),
                                };
                                html! {
                                    <th {id} scope={if cell.colspan > 1 { "colgroup" } else { "col" }}
                                        colspan={cell.colspan.to_string()} rowspan={cell.rowspan.to_string()}
                                        class={classes!("gir-table__head", cell.column.is_some().then_some("gir-table__head--leaf"))}>
                                        { cell.label }
                                    </th>
                                }
                            }) }
                        </tr>
                    }) }
                </thead>
                <tbody>
                    { for block.rows.iter().map(|row| body_row(table, layout, block, row, &column_ids)) }
                </tbody>
            </table>
        </div>
    }
}

/// The ids of a row's label and of the heading rows it is nested under.
fn row_header_ids(table: &Table, layout: &TableLayout, row: &RowDef) -> Vec<String> {
    let mut ids = Vec::new();
    if !row.label.is_empty() {
        ids.push(row_anchor(&table.id, row.key));
    }
    ids.extend(layout.ancestors(row).map(|key| row_anchor(&table.id, key)));
    ids
}

fn body_row(
    table: &Table,
    layout: &TableLayout,
    block: &BlockLayout,
    row: &RowDef,
    column_ids: &[Vec<String>],
) -> Html {
    let depth_class = format!("gir-table__label--depth-{}", row.depth);
    let label = html! {
        <th id={row_anchor(&table.id, row.key)} scope={if row.kind == RowKind::Heading { "rowgroup" } else { "row" }}
            class={classes!("gir-table__label", depth_class, (row.kind == RowKind::Heading).then_some("gir-table__label--heading"))}>
            { row.label }
        </th>
    };
    if row.kind == RowKind::Heading {
        return html! {
            <tr class="gir-table__row gir-table__row--heading">
                { label }
                <td class="gir-table__filler" colspan={block.columns.len().to_string()}></td>
            </tr>
        };
    }
    let cells = table
        .row(row.key)
        .map(|r| r.cells.as_slice())
        .unwrap_or_default();
    let row_ids = row_header_ids(table, layout, row).join(" ");
    html! {
        <tr class="gir-table__row">
            if block.has_row_labels() { { label } }
            { for block.columns.iter().enumerate().map(|(index, column)| {
                let cell = cells.get(index).cloned().unwrap_or(Cell::Blank);
                let headers = format!("{} {}", column_ids[index].join(" "), row_ids);
                let kind = match cell {
                    Cell::Blank => "gir-table__cell--blank",
                    Cell::Number(_) => "gir-table__cell--number",
                    Cell::NotApplicable(_) => "gir-table__cell--na",
                };
                html! {
                    <td id={cell_anchor(&table.id, row.key, column.key)} headers={headers.trim().to_string()}
                        class={classes!("gir-table__cell", kind)}>
                        { cell.as_str().to_string() }
                    </td>
                }
            }) }
        </tr>
    }
}
