//! The app mounted in headless Chromium (wasm-bindgen-test).
//!
//! The wasm embeds no report: in the browser each report comes from its data
//! file. These tests hand the app the seed's data file as a build writes it
//! (`tests/fixtures/pages/nanfen-2017.bin`, kept current by
//! tests/seed_data_file.rs), decoded as the browser entry decodes it.
#![cfg(target_arch = "wasm32")]

use gir::app::{App, AppProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The data file of report `id`: the seed's, or no bytes for another id.
fn data_file(id: &str) -> Vec<u8> {
    static SEED: &[u8] = include_bytes!("fixtures/pages/nanfen-2017.bin");
    match id {
        "nanfen-2017" => SEED.to_vec(),
        _ => Vec::new(),
    }
}

/// The app in a new element, with report `report_id` decoded from its data
/// file, as the browser entry does (none when there is no such report).
fn mount(report_id: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            report_id: report_id.to_string().into(),
            report: gir::embedded::decode_report(&data_file(report_id)),
            ..Default::default()
        },
    )
    .render();
    root
}

async fn next_frame() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

/// Waits until `done()` holds, for at most about two seconds (a debug build
/// renders the report slowly); returns whether it did.
async fn eventually(done: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if done() {
            return true;
        }
        next_frame().await;
    }
    done()
}

#[wasm_bindgen_test]
async fn app_renders_title_sections_and_charts() {
    let root = mount("nanfen-2017");
    next_frame().await;
    let title = root.query_selector("h1").unwrap().expect("title");
    assert_eq!(
        title.text_content().unwrap(),
        "南芬区2017年度政府信息公开工作报告"
    );
    let headings = root.query_selector_all("section.gir-section h2").unwrap();
    assert_eq!(headings.length(), 9);
    assert_eq!(
        headings.item(3).unwrap().text_content().unwrap(),
        "五、推进“互联网+政务服务”工作情况"
    );
    // Three bar charts, one unit each (the rest are stated in boxes).
    assert_eq!(
        root.query_selector_all("figure.gir-chart svg[role=img]")
            .unwrap()
            .length(),
        3
    );
    let link = root
        .query_selector("figure#chart-published a[href='#sec-2-p1-q1']")
        .unwrap();
    assert!(link.is_some(), "each plotted figure links to its paragraph");
}

#[wasm_bindgen_test]
async fn unknown_report_shows_an_alert() {
    let root = mount("missing");
    next_frame().await;
    let alert = root.query_selector("[role=alert]").unwrap().expect("alert");
    assert!(alert.text_content().unwrap().contains("missing"));
}

#[wasm_bindgen_test]
fn a_data_file_decodes_to_its_report_and_nothing_else_does() {
    let bytes = data_file("nanfen-2017");
    let page = gir::embedded::decode_report(&bytes).expect("the seed's data file");
    assert_eq!(page.id, "nanfen-2017");
    assert!(gir::embedded::decode_report(&bytes[..bytes.len() - 1]).is_none());
    assert!(gir::embedded::decode_report(b"<!DOCTYPE html><title>404</title>").is_none());
}

#[wasm_bindgen_test]
async fn font_size_buttons_change_the_size_and_remember_it() {
    use wasm_bindgen::JsCast;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("gir-font-size").unwrap();
    let root = mount("nanfen-2017");
    next_frame().await;
    let report = root.query_selector(".gir-report").unwrap().unwrap();
    assert!(report.class_list().contains("gir-report--font-medium"));
    let buttons = root
        .query_selector_all("[role=group][aria-label='字体'] button")
        .unwrap();
    let labels: Vec<String> = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(labels, ["大", "中", "小"]);
    let large: web_sys::HtmlElement = buttons.item(0).unwrap().dyn_into().unwrap();
    large.click();
    next_frame().await;
    assert!(report.class_list().contains("gir-report--font-large"));
    // The rest of the text follows, a few parts per frame after those on screen.
    let waiting = ".gir-part:not(.gir-part--font-large)";
    assert!(
        eventually(|| root.query_selector(waiting).unwrap().is_none()).await,
        "sections still waiting"
    );
    // …and there are parts to wait for: "none waiting" is not "none there".
    let parts = root.query_selector_all(".gir-part").unwrap().length();
    assert!(parts > 20, "{parts} parts");
    assert_eq!(large.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        storage.get_item("gir-font-size").unwrap().as_deref(),
        Some("large")
    );

    // A second viewer on the page starts with the remembered size.
    let second = mount("nanfen-2017");
    next_frame().await;
    let report = second.query_selector(".gir-report").unwrap().unwrap();
    assert!(eventually(|| report.class_list().contains("gir-report--font-large")).await);
    storage.remove_item("gir-font-size").unwrap();
}
