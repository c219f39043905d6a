//! Property tests of the HTML importer: on arbitrary pages (nested blocks
//! and inline runs, tables with merged cells, chrome, metadata, scripts
//! and hidden elements) it never panics, loses no visible character, and
//! reads nothing that is not shown; up to pages of 1 MB.
//!
//! CI runs 500 cases of the page property and 4 of the 1 MB one; for a
//! longer run: `PROPTEST_CASES=20000 cargo test --release -p report-viewer
//! --test page_properties`.

mod common;

use common::{char_counts, dataset_texts, proptest_config};

use gir_model::report::Report;
use proptest::prelude::*;
use report_viewer::cli::dataset_json;
use report_viewer::import::{import_bytes, shape_of, Imported, Options, Shape};

/// A character that the generated pages use only where nothing is shown
/// (scripts, styles, hidden elements, attributes).
const UNSHOWN: char = 'Ж';

/// A page fragment and the text a reader sees of it.
#[derive(Clone, Debug)]
struct Fragment {
    html: String,
    shown: String,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Words the importer reacts to, and arbitrary text.
fn words() -> impl Strategy<Value = String> {
    let cue = prop::sample::select(vec![
        "一、总体情况",
        "(一)主动公开。",
        "一是",
        "索引号:",
        "发布机构:",
        "名 称",
        "【字体:大 中 小】",
        "打印本页",
        "当前位置:首页 > 公开",
        "第二十条第(一)项",
        "信息内容",
        "规章",
        "行政许可",
        "一、本年新收政府信息公开申请数量",
        "(三)不予公开",
        "1.属于国家秘密",
        "行政复议",
        "结果维持",
        "总计",
        "0",
        "12",
        "-3",
        "/",
        "2021年",
        "&",
        "<",
        "\u{A0}",
        "\u{3000}",
        "\u{202E}",
        "\u{1}",
        " ",
        "\n",
    ]);
    prop_oneof![
        3 => cue.prop_map(str::to_string),
        3 => "[\u{4e00}-\u{4e2f}0-9,。]{1,12}",
        1 => "[^\u{416}]{0,4}",
    ]
}

fn text_node() -> impl Strategy<Value = Fragment> {
    words().prop_map(|text| Fragment {
        html: escape(&text),
        shown: text,
    })
}

/// Something not shown: its text must never reach the dataset.
fn unshown() -> impl Strategy<Value = Fragment> {
    let hidden = prop::sample::select(vec![
        "<script>var Ж = 'Ж';</script>",
        "<style>.Ж { color: red }</style>",
        "<p hidden>ЖЖ</p>",
        "<div style=\"display: none\">Ж</div>",
        "<span style='visibility:hidden'>Ж</span>",
        "<!-- Ж -->",
        "<img alt=\"Ж\" src=\"Ж.png\">",
        "<input value=\"Ж\">",
        "<noscript>Ж</noscript>",
        "<template><p>Ж</p></template>",
    ]);
    hidden.prop_map(|html| Fragment {
        html: html.to_string(),
        shown: String::new(),
    })
}

fn table(cell: BoxedStrategy<Fragment>) -> impl Strategy<Value = Fragment> {
    let cell = (cell, 0usize..4, 0usize..4, prop::bool::ANY).prop_map(|(f, cs, rs, th)| {
        let tag = if th { "th" } else { "td" };
        let mut attrs = String::new();
        if cs > 1 {
            attrs.push_str(&format!(" colspan=\"{cs}\""));
        }
        if rs > 1 {
            attrs.push_str(&format!(" rowspan={rs}"));
        }
        Fragment {
            html: format!("<{tag}{attrs}>{}</{tag}>", f.html),
            shown: f.shown,
        }
    });
    let row = prop::collection::vec(cell, 0..6).prop_map(|cells| Fragment {
        html: format!(
            "<tr>{}</tr>",
            cells.iter().map(|c| c.html.as_str()).collect::<String>()
        ),
        shown: cells.iter().map(|c| c.shown.as_str()).collect(),
    });
    prop::collection::vec(row, 0..8).prop_map(|rows| Fragment {
        html: format!(
            "<table><tbody>{}</tbody></table>",
            rows.iter().map(|r| r.html.as_str()).collect::<String>()
        ),
        shown: rows.iter().map(|r| r.shown.as_str()).collect(),
    })
}

/// A page body: blocks and inline runs nested a few levels, tables (some
/// inside cells), chrome, and things not shown.
fn fragment() -> impl Strategy<Value = Fragment> {
    let leaf = prop_oneof![4 => text_node(), 1 => unshown()];
    leaf.prop_recursive(4, 64, 6, |inner| {
        let element = prop::sample::select(vec![
            "p",
            "div",
            "span",
            "font",
            "b",
            "o:p",
            "publishtime",
            "h1",
            "li",
            "nav",
            "footer",
            "section",
            "div class=\"title\"",
            "div class=\"breadcrumb\"",
            "center",
        ]);
        prop_oneof![
            4 => (element, prop::collection::vec(inner.clone(), 0..5)).prop_map(|(tag, children)| {
                let name = tag.split(' ').next().unwrap_or(tag);
                Fragment {
                    html: format!(
                        "<{tag}>{}</{name}>",
                        children.iter().map(|c| c.html.as_str()).collect::<String>()
                    ),
                    shown: children.iter().map(|c| c.shown.as_str()).collect(),
                }
            }),
            1 => table(inner.clone().boxed()),
            1 => Just(Fragment { html: "<br>".into(), shown: String::new() }),
        ]
    })
}

fn page(fragments: &[Fragment]) -> (String, String) {
    let body: String = fragments.iter().map(|f| f.html.as_str()).collect();
    let shown: String = fragments.iter().map(|f| f.shown.as_str()).collect();
    (
        format!(
            "<!DOCTYPE html><html><head><title>Ж</title><script>Ж</script></head><body>{body}</body></html>"
        ),
        shown,
    )
}

/// Every text the dataset holds, and every text it says it left out.
fn accounted(imported: &Imported) -> Vec<String> {
    let mut texts = dataset_texts(&imported.report);
    texts.extend(imported.dropped.iter().map(|d| d.text.clone()));
    texts
}

/// The page's shown characters are all in the dataset or said to be left
/// out (the dataset may hold a colon more: a metadata label's, added to a
/// label cell printed without one); nothing that is not shown is read;
/// the dataset is valid JSON of the model.
fn check_page(html: &str, shown: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(shape_of(html.as_bytes()), Shape::Html);
    let imported = import_bytes(html.as_bytes(), &Options::default()).expect("a page is read");
    let kept = char_counts(accounted(&imported));
    // A browser shows `&nbsp;` as a space, and no NUL (the HTML parser
    // drops it from text); U+FEFF is zero-width, seen by no reader (and
    // html5ever drops one that directly follows a script).
    let shown = shown.replace('\u{A0}', " ").replace(['\0', '\u{FEFF}'], "");
    for (c, n) in char_counts([shown]) {
        // A character a dataset refuses is in `dropped`, as itself.
        let have = kept.get(&c).copied().unwrap_or(0);
        prop_assert!(
            have >= n,
            "{:?}: shown {} times, accounted for {}",
            c,
            n,
            have
        );
    }
    prop_assert!(!kept.contains_key(&UNSHOWN), "read what is not shown");
    let json = dataset_json(&imported).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(back, imported.report);
    Ok(())
}

proptest! {
    #![proptest_config(proptest_config(500))]

    #[test]
    fn a_page_s_shown_text_is_all_in_the_dataset_or_accounted_for(
        fragments in prop::collection::vec(fragment(), 0..12)
    ) {
        let (html, shown) = page(&fragments);
        check_page(&html, &shown)?;
    }
}

proptest! {
    #![proptest_config(proptest_config(4))]

    /// Pages up to 1 MB: the same, and it ends.
    #[test]
    fn a_page_of_a_megabyte_is_read_whole(
        fragments in prop::collection::vec(fragment(), 1..40),
        size in 200_000usize..1_000_000,
    ) {
        let (one, _) = page(&fragments);
        let body: String = fragments.iter().map(|f| f.html.as_str()).collect();
        let shown: String = fragments.iter().map(|f| f.shown.as_str()).collect();
        let copies = (size / one.len().max(1)).max(1);
        let (html, shown) = (
            format!("<!DOCTYPE html><html><body>{}</body></html>", body.repeat(copies)),
            shown.repeat(copies),
        );
        prop_assert!(html.len() <= 1_100_000);
        check_page(&html, &shown)?;
    }
}
