//! The report library's own pages, rendered ahead of time (`ssr` only; no
//! wasm): the index of every report, a page per body with its figures over
//! the years, and a page per year comparing the bodies. They are static
//! HTML: readable, navigable and printable without JavaScript; a small
//! script (`gir-library.js`) adds filtering and sorting.
//!
//! The views here are plain data made by the prerender step from the
//! compiled reports and the library model (`gir_compile::library`); these
//! components only render them.

pub mod site;

use yew::prelude::*;
use yew::LocalServerRenderer;

/// One report in the index.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexEntry {
    pub id: String,
    pub title: String,
    pub body: String,
    /// The body for grouping and filtering (one body printed two ways is
    /// one body).
    pub body_key: String,
    /// The body's page (`body-….html`).
    pub body_page: String,
    pub year: u16,
    /// The format as the filter knows it (`narrative`, `2019`, `2021`).
    pub format_key: &'static str,
    /// The format as a reader reads it (`2021年格式`).
    pub format_name: &'static str,
    /// How many 勾稽关系 its tables break.
    pub rule_breaks: usize,
    /// The share of its narrative text repeated from the body's previous
    /// report, in per mille; `None` without a previous report.
    pub repeated_per_mille: Option<u16>,
}

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct IndexView {
    /// The library's title: the site configuration's, or [`INDEX_TITLE`].
    pub title: String,
    /// Sorted: newest year first, then body.
    pub entries: Vec<IndexEntry>,
    /// `(year, page)` of every year page, newest first.
    pub years: Vec<(u16, String)>,
}

/// A figure of one body over the years: its chart and the table it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesView {
    pub id: String,
    pub title: String,
    pub unit: String,
    /// The chart, drawn at build time (SVG markup from `year_chart`).
    pub svg: String,
    pub rows: Vec<SeriesRow>,
    /// The series as CSV (`data/….csv`).
    pub csv: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRow {
    pub year: u16,
    /// The value with its unit, or what stands in the gap (`空白`).
    pub shown: String,
    /// Where the value was read: the report page and the cell's anchor.
    pub source: Option<String>,
    pub format_name: &'static str,
}

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct BodyView {
    pub body: String,
    /// `(year, report id, title)`, oldest first.
    pub reports: Vec<(u16, String, String)>,
    /// In topic order, each with its topic's name.
    pub series: Vec<(String, Vec<SeriesView>)>,
    /// The figures no year states (every year a gap): named, not drawn.
    pub without_values: Vec<String>,
}

/// A column of the year comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct YearColumn {
    pub label: String,
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    pub body: String,
    pub body_page: String,
    pub report_id: String,
    /// One per column: shown text (`46`, `空白`, `—`) and the number to sort
    /// by (`None` sorts last).
    pub cells: Vec<(String, Option<String>)>,
    pub rule_breaks: usize,
}

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct YearView {
    pub year: u16,
    pub columns: Vec<YearColumn>,
    pub rows: Vec<YearRow>,
}

/// The library's title when the site configuration gives none.
pub const INDEX_TITLE: &str = "政府信息公开工作年度报告库";

/// The index, as the page's body.
pub async fn render_index(view: IndexView) -> String {
    LocalServerRenderer::<Index>::with_props(view)
        .hydratable(false)
        .render()
        .await
}

pub async fn render_body(view: BodyView) -> String {
    LocalServerRenderer::<BodyPage>::with_props(view)
        .hydratable(false)
        .render()
        .await
}

pub async fn render_year(view: YearView) -> String {
    LocalServerRenderer::<YearPage>::with_props(view)
        .hydratable(false)
        .render()
        .await
}

fn per_mille(value: u16) -> String {
    format!("{}.{}%", value / 10, value % 10)
}

#[function_component]
fn Index(view: &IndexView) -> Html {
    let mut years: Vec<u16> = view.entries.iter().map(|e| e.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    // Each body once, named as its newest report prints it.
    let mut bodies: Vec<(&str, &str)> = Vec::new();
    for e in &view.entries {
        if !bodies.iter().any(|(key, _)| *key == e.body_key) {
            bodies.push((&e.body_key, &e.body));
        }
    }
    bodies.sort_unstable_by(|a, b| a.1.cmp(b.1));
    let formats = [
        ("2021", "2021年格式"),
        ("2019", "2019年试行格式"),
        ("narrative", "叙述式年报"),
    ];
    let summary = format!(
        "共{}份报告,{}个机关,{}。",
        view.entries.len(),
        bodies.len(),
        match (years.last(), years.first()) {
            (Some(first), Some(last)) if first != last => format!("{first}—{last}年"),
            (Some(year), _) => format!("{year}年"),
            _ => String::new(),
        }
    );
    html! {
        <div class="gir-library" data-gir-library="">
            <h1 class="gir-library__title">{ view.title.clone() }</h1>
            <p class="gir-library__summary">{ summary }</p>
            // Shown by gir-library.js: without a script there is nothing to
            // filter with, and the whole list below is the index.
            <form class="gir-library__filters" role="search" aria-label="筛选报告" hidden=true data-gir-library-filters="">
                <label class="gir-library__filter">{ "年份" }
                    <select name="year">
                        <option value="">{ "全部年份" }</option>
                        { for years.iter().map(|y| html! { <option value={y.to_string()}>{ format!("{y}年") }</option> }) }
                    </select>
                </label>
                <label class="gir-library__filter">{ "机关" }
                    <select name="body">
                        <option value="">{ "全部机关" }</option>
                        { for bodies.iter().map(|(key, name)| html! { <option value={key.to_string()}>{ *name }</option> }) }
                    </select>
                </label>
                <label class="gir-library__filter">{ "格式" }
                    <select name="format">
                        <option value="">{ "全部格式" }</option>
                        { for formats.iter().map(|(key, name)| html! { <option value={*key}>{ *name }</option> }) }
                    </select>
                </label>
                <label class="gir-library__filter gir-library__filter--search">{ "标题含" }
                    <input type="search" name="q" autocomplete="off" />
                </label>
                <p class="gir-library__count" aria-live="polite" data-gir-library-count="">
                    { format!("显示全部{}份", view.entries.len()) }
                </p>
                <button type="button" class="gir-library__more" hidden=true data-gir-library-more="">
                    { "显示全部符合的报告" }
                </button>
            </form>
            // Its own scroll frame: on a narrow screen the table may scroll
            // sideways, the page never does (focusable, so a keyboard can).
            <div class="gir-library__frame" tabindex="0" role="region" aria-label="全部报告">
            <table class="gir-library__table gir-library__table--index" data-gir-library-table="">
                <caption class="gir-library__caption">{ "全部报告(按年份从新到旧)" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "年份" }</th>
                        <th scope="col">{ "机关" }</th>
                        <th scope="col">{ "报告" }</th>
                        <th scope="col">{ "格式" }</th>
                        <th scope="col">{ "数据校验" }</th>
                        <th scope="col">{ "与上年内容雷同" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for view.entries.iter().map(|e| html! {
                        <tr class="gir-library__row" data-year={e.year.to_string()} data-body={e.body_key.clone()}
                            data-format={e.format_key} data-title={e.title.clone()}>
                            <td>{ e.year }</td>
                            <td><a href={format!("./{}", e.body_page)}>{ e.body.clone() }</a></td>
                            <td><a class="gir-library__report" href={format!("./{}.html", e.id)}>{ e.title.clone() }</a></td>
                            <td>{ e.format_name }</td>
                            <td>{ if e.rule_breaks == 0 { "无异常".to_string() } else { format!("{}处不一致", e.rule_breaks) } }</td>
                            <td>{ e.repeated_per_mille.map_or_else(|| "—".to_string(), per_mille) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <nav class="gir-library__years" aria-label="按年份比较各机关">
                <h2 class="gir-library__heading">{ "按年份比较各机关" }</h2>
                <ul class="gir-library__links">
                    { for view.years.iter().map(|(year, page)| html! {
                        <li><a href={format!("./{page}")}>{ format!("{year}年") }</a></li>
                    }) }
                </ul>
            </nav>
        </div>
    }
}

#[function_component]
fn BodyPage(view: &BodyView) -> Html {
    html! {
        <div class="gir-library">
            <p class="gir-library__back"><a href="./index.html">{ "← 返回报告库" }</a></p>
            <h1 class="gir-library__title">{ format!("{} 历年报告", view.body) }</h1>
            <ul class="gir-library__links">
                { for view.reports.iter().map(|(year, id, title)| html! {
                    <li><a href={format!("./{id}.html")}>{ format!("{year}年:{title}") }</a></li>
                }) }
            </ul>
            <h2 class="gir-library__heading">{ "历年数据" }</h2>
            <p class="gir-library__note">{ "数值取自各年报告的统计表;空白、该年格式无此表或无报告之年不计为0。" }</p>
            if !view.without_values.is_empty() {
                <p class="gir-library__note">
                    { format!("以下数据历年均无数值(空白、不适用或格式无此项),未作图:{}。", view.without_values.join("、")) }
                </p>
            }
            { for view.series.iter().map(|(topic, series)| html! {
                <section class="gir-library__topic">
                <h3 class="gir-library__heading gir-library__heading--topic">{ topic.clone() }</h3>
                <div class="gir-library__grid">
                { for series.iter().map(|s| html! {
                <figure class="gir-library__series" id={s.id.clone()}>
                    <figcaption class="gir-library__series-title">{ format!("{}(单位:{})", s.title, s.unit) }</figcaption>
                    { Html::from_html_unchecked(AttrValue::from(s.svg.clone())) }
                    <details class="gir-library__data">
                        <summary>{ "数据表" }</summary>
                        <table class="gir-library__table">
                            <thead><tr>
                                <th scope="col">{ "年份" }</th>
                                <th scope="col">{ "数值" }</th>
                                <th scope="col">{ "格式" }</th>
                                <th scope="col">{ "出处" }</th>
                            </tr></thead>
                            <tbody>
                                { for s.rows.iter().map(|r| html! {
                                    <tr>
                                        <th scope="row">{ format!("{}年", r.year) }</th>
                                        <td>{ r.shown.clone() }</td>
                                        <td>{ r.format_name }</td>
                                        <td>{ match &r.source {
                                            Some(href) => html! { <a href={format!("./{href}")}>{ "原表" }</a> },
                                            None => html! { "—" },
                                        } }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        <p><a href={format!("./{}", s.csv)} download="">{ "下载CSV" }</a></p>
                    </details>
                </figure>
                }) }
                </div>
                </section>
            }) }
        </div>
    }
}

#[function_component]
fn YearPage(view: &YearView) -> Html {
    html! {
        <div class="gir-library">
            <p class="gir-library__back"><a href="./index.html">{ "← 返回报告库" }</a></p>
            <h1 class="gir-library__title">{ format!("{}年各机关比较", view.year) }</h1>
            <p class="gir-library__note">{ "点击列标题可排序。数值取自各报告的统计表;空白不计为0。" }</p>
            <table class="gir-library__table gir-library__table--compare" data-gir-library-sortable="">
                <caption class="gir-library__caption">{ format!("{}年报告的主要数据与数据校验", view.year) }</caption>
                <thead><tr>
                    <th scope="col" aria-sort="ascending"><button type="button" class="gir-library__sort" disabled=true>{ "机关" }</button></th>
                    { for view.columns.iter().map(|c| html! {
                        <th scope="col" aria-sort="none">
                            <button type="button" class="gir-library__sort" disabled=true>{ format!("{}({})", c.label, c.unit) }</button>
                        </th>
                    }) }
                    <th scope="col" aria-sort="none"><button type="button" class="gir-library__sort" disabled=true>{ "数据校验" }</button></th>
                </tr></thead>
                <tbody>
                    { for view.rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row" data-sort={r.body.clone()}>
                                <a href={format!("./{}", r.body_page)}>{ r.body.clone() }</a>
                                { " " }<a class="gir-library__report" href={format!("./{}.html", r.report_id)}>{ "报告" }</a>
                            </th>
                            { for r.cells.iter().map(|(shown, sort)| html! {
                                <td data-sort={sort.clone().unwrap_or_default()}>{ shown.clone() }</td>
                            }) }
                            <td data-sort={r.rule_breaks.to_string()}>
                                { if r.rule_breaks == 0 { "无异常".to_string() } else { format!("{}处不一致", r.rule_breaks) } }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, body: &str, year: u16) -> IndexEntry {
        IndexEntry {
            id: id.into(),
            title: format!("{body}{year}年政府信息公开工作年度报告"),
            body: body.into(),
            body_key: body.into(),
            body_page: "body-1.html".into(),
            year,
            format_key: "2021",
            format_name: "2021年格式",
            rule_breaks: 2,
            repeated_per_mille: Some(425),
        }
    }

    #[test]
    fn the_index_lists_every_report_with_links_and_hides_the_filters_until_a_script_runs() {
        let html = futures::executor::block_on(render_index(IndexView {
            title: INDEX_TITLE.into(),
            entries: vec![
                entry("a-2022", "甲局<b>", 2022),
                entry("b-2021", "乙局", 2021),
            ],
            years: vec![(2022, "year-2022.html".into())],
        }));
        assert!(html.contains("href=\"./a-2022.html\""), "{html}");
        assert!(
            html.contains("甲局&lt;b&gt;"),
            "body names are text: {html}"
        );
        assert!(html.contains("data-year=\"2021\""));
        let form = &html[html.find("<form").unwrap()..];
        let form = &form[..form.find('>').unwrap()];
        assert!(
            form.contains("hidden") && form.contains("data-gir-library-filters"),
            "{form}"
        );
        assert!(html.contains("2处不一致") && html.contains("42.5%"));
        assert!(html.contains("共2份报告,2个机关,2021—2022年。"), "{html}");
    }
}
