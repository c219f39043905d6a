//! 数据校验: the consistency rules (勾稽关系) of the standard tables, checked at
//! build time, in a panel a reader can open. Each finding names the rule, the
//! numbers and the cells (linked); a report that passes says so. The tables
//! themselves always show what was published.

use crate::embedded::SharedReport;
use gir_model::anchors::{cell_anchor, checks_id};
use gir_model::findings::BreakKind;
use gir_model::standard::{self, TableLayout};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecksPanelProps {
    pub report: SharedReport,
}

#[function_component]
pub fn ChecksPanel(props: &ChecksPanelProps) -> Html {
    let report = &props.report.report;
    let tables: Vec<_> = report.tables().collect();
    if tables.is_empty() {
        return html! {};
    }
    let breaks = &props.report.rule_breaks;
    let summary = if breaks.is_empty() {
        "数据校验:各表格通过全部勾稽关系校验".to_string()
    } else {
        format!("数据校验:发现{}处不一致", breaks.len())
    };
    html! {
        <details class="gir-checks" id={checks_id(&report.id)}>
            <summary class="gir-checks__summary">{ summary }</summary>
            if breaks.is_empty() {
                <p class="gir-checks__pass">{ "本报告各表格的数字符合全部勾稽关系(表格按原文显示)。" }</p>
            } else {
                <p class="gir-checks__intro">{ "以下为表格数字之间不符合勾稽关系之处。表格仍按原文显示,未作任何修改。" }</p>
                <ol class="gir-checks__list">
                    { for breaks.iter().map(|b| {
                        let table = tables.iter().find(|t| t.id == b.table_id);
                        let layout = table.and_then(|t| standard::layout(report.format, t.kind));
                        html! {
                            <li class={classes!("gir-checks__item", (b.kind == BreakKind::Incomplete).then_some("gir-checks__item--incomplete"))}>
                                <p class="gir-checks__rule">{ format!("{}({})", b.rule.description(), b.kind.description()) }</p>
                                <p class="gir-checks__message">{ b.message.clone() }</p>
                                <p class="gir-checks__cells-title">{ "涉及单元格:" }</p>
                                <ul class="gir-checks__cells">
                                    { for b.cells.iter().map(|c| html! {
                                        <li class="gir-checks__cell">
                                            <a href={format!("#{}", cell_anchor(&b.table_id, &c.row_key, &c.column_key))}>
                                                { layout.map(|l| cell_name(l, &c.row_key, &c.column_key)).unwrap_or_else(|| format!("{} · {}", c.row_key, c.column_key)) }
                                            </a>
                                        </li>
                                    }) }
                                </ul>
                            </li>
                        }
                    }) }
                </ol>
            }
        </details>
    }
}

/// How the panel names a cell: `三(四)1 · 总计`; for 表四, whose one row has no
/// label, the column with its groups: `行政诉讼 · 未经复议直接起诉 · 结果纠正`.
fn cell_name(layout: &TableLayout, row_key: &str, column_key: &str) -> String {
    let Some((block, row)) = layout.row(row_key) else {
        return format!("{row_key} · {column_key}");
    };
    let Some((_, column)) = block.column(column_key) else {
        return format!("{} · {column_key}", row.short);
    };
    if row.short.is_empty() {
        let mut parts: Vec<&str> = column.groups.to_vec();
        parts.push(column.label);
        parts.join(" · ")
    } else {
        format!("{} · {}", row.short, column.short)
    }
}
