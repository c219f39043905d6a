//! Figure candidates (`figure_candidates`): numbers proposed from the text
//! that await the editor's confirmation. The build checks them as it checks
//! figures, refuses a chart of one, and neither draws nor embeds them.

mod common;

use common::{errors_for, load_valid, repo_file};

use gir_compile::checks::check_report;
use gir_compile::export::data_files;
use gir_compile::page::page_report;
use gir_compile::pipeline::compile_report;
use gir_model::bundle::Bundle;
use serde_json::{json, Map, Value};

const DATASET: &str = "assets/reports/nanfen-2017.json";

/// `政务动态信息更新1182条` of the seed, proposed as a candidate.
fn candidate() -> Value {
    json!({
        "id": "candidate-1",
        "label": "政务动态信息更新",
        "value": 1182,
        "unit": "条",
        "measure": "count",
        "bound": "exact",
        "stated": "1182条",
        "source": {
            "anchor": "sec-2-p1",
            "quote": "2017年,政务网站公开政府信息1633条,其中概况类信息更新12条,政务动态信息更新1182条,信息公开目录信息更新439条。"
        },
        "parts": []
    })
}

/// The seed dataset with `candidates` as its `figure_candidates`, written
/// after its figures and laid out as the seed is; `edit` changes the rest
/// of the dataset first.
fn seed_with(candidates: Vec<Value>, edit: impl FnOnce(&mut Map<String, Value>)) -> String {
    let Value::Object(mut seed) = serde_json::from_str(&repo_file(DATASET)).unwrap() else {
        panic!("the dataset is an object");
    };
    edit(&mut seed);
    let mut out = Map::new();
    for (key, value) in seed {
        let after = key == "figures";
        out.insert(key, value);
        if after {
            out.insert("figure_candidates".into(), Value::Array(candidates.clone()));
        }
    }
    serde_json::to_string_pretty(&Value::Object(out)).unwrap() + "\n"
}

/// The 1-based line of the first line containing `needle` after the line
/// containing `after`.
fn line_after(json: &str, after: &str, needle: &str) -> usize {
    let start = json.lines().position(|l| l.contains(after)).unwrap();
    start
        + json
            .lines()
            .skip(start)
            .position(|l| l.contains(needle))
            .unwrap()
        + 1
}

fn has(errors: &[String], place: &str, message: &str) -> bool {
    errors
        .iter()
        .any(|e| e.starts_with(place) && e.contains(message))
}

#[test]
fn candidates_load_check_and_stay_out_of_the_bundle_and_the_downloads() {
    let seed = load_valid(DATASET, &repo_file(DATASET));
    assert!(
        seed.figure_candidates.0.is_empty(),
        "a dataset without the member has none"
    );
    let json = seed_with(vec![candidate()], |_| {});
    let report = load_valid("with-candidates.json", &json);
    assert_eq!(report.figure_candidates.0.len(), 1);
    assert_eq!(report.candidate("candidate-1").unwrap().stated, "1182条");
    assert!(report.figure("candidate-1").is_none());
    assert!(check_report(&report).is_empty());
    // Written back, it is the same dataset.
    let again = serde_json::to_string_pretty(&report).unwrap() + "\n";
    assert_eq!(load_valid("again.json", &again), report);
    // What the build embeds and writes is the seed's, byte for byte.
    assert_eq!(data_files(&report), data_files(&seed));
    let bundle = |report| {
        let compiled = compile_report(report);
        Bundle {
            pages: vec![page_report(&compiled)],
            reports: vec![compiled],
        }
        .encode()
    };
    let embedded = bundle(report);
    assert_eq!(embedded, bundle(seed.clone()));
    let decoded = Bundle::decode(&embedded).unwrap();
    assert!(decoded.reports[0].report.figure_candidates.0.is_empty());
    assert_eq!(decoded.reports[0].report, seed);
}

#[test]
fn a_candidate_is_checked_like_a_figure_at_its_own_line() {
    let mut broken = candidate();
    broken["source"]["quote"] = "政务动态信息更新1182条!".into();
    let mut wrong_value = candidate();
    wrong_value["id"] = "candidate-2".into();
    wrong_value["value"] = 1183.into();
    let mut more_than = candidate();
    more_than["id"] = "candidate-3".into();
    more_than["bound"] = "more_than".into();
    let mut taken = candidate();
    taken["id"] = "pub-news".into();
    let mut elsewhere = candidate();
    elsewhere["id"] = "candidate-4".into();
    elsewhere["source"]["anchor"] = "sec-9".into();
    let mut long_label = candidate();
    long_label["id"] = "candidate-5".into();
    long_label["label"] = "字".repeat(2001).into();
    let json = seed_with(
        vec![broken, wrong_value, more_than, taken, elsewhere, long_label],
        |_| {},
    );
    let errors = errors_for(&json);
    let place = |id: &str, member: &str| {
        format!(
            "reports/broken.json:{}:",
            line_after(&json, &format!("\"id\": \"{id}\""), member)
        )
    };
    assert!(
        has(
            &errors,
            &place("candidate-1", "\"quote\""),
            "\"candidate-1\" quote: quote is not found, character for character, in block \"sec-2-p1\""
        ),
        "{errors:#?}"
    );
    assert!(
        has(
            &errors,
            &place("candidate-2", "\"value\""),
            "\"candidate-2\" value: value 1183 is not what \"1182条\" says"
        ),
        "{errors:#?}"
    );
    assert!(
        has(
            &errors,
            &place("candidate-3", "\"bound\""),
            "bound is \"more_than\" but \"1182条\" has no 余"
        ),
        "{errors:#?}"
    );
    assert!(
        has(
            &errors,
            "reports/broken.json:",
            "id \"pub-news\" is used more than once"
        ),
        "{errors:#?}"
    );
    assert!(
        has(
            &errors,
            &place("candidate-4", "\"anchor\""),
            "source \"sec-9\" is not a paragraph of this report"
        ),
        "{errors:#?}"
    );
    assert!(
        has(
            &errors,
            &place("candidate-5", "\"label\""),
            "\"candidate-5\" label: 2001 characters: a heading has at most 2000"
        ),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 6, "{errors:#?}");
}

#[test]
fn a_chart_cannot_show_a_candidate_until_it_is_confirmed() {
    // Drawn, or stated beside the chart: both are charting it.
    let chart_it = |map: &mut Map<String, Value>| {
        let chart = &mut map["charts"][1];
        assert_eq!(chart["id"], "chart-published");
        chart["figures"][1] = "candidate-1".into();
        chart["notes"] = json!(["candidate-1"]);
    };
    let json = seed_with(vec![candidate()], chart_it);
    let errors = errors_for(&json);
    let message = "\"chart-published\" figures: figure \"candidate-1\" is an unconfirmed candidate: move it into figures to chart it";
    assert_eq!(
        errors.iter().filter(|e| e.contains(message)).count(),
        2,
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");
    // A total made of a candidate is refused the same way.
    let json = seed_with(vec![candidate()], |map| {
        map["figures"][0]["parts"] = json!(["pub-overview", "candidate-1", "pub-catalog"]);
    });
    let errors = errors_for(&json);
    assert!(
        errors.iter().any(|e| e.contains(
            "\"pub-total\" parts: part \"candidate-1\" is an unconfirmed candidate: move it into figures first"
        )),
        "{errors:#?}"
    );
    // Confirmed: moved into the figures, it may be charted.
    let json = seed_with(Vec::new(), |map| {
        chart_it(map);
        map["figures"].as_array_mut().unwrap().push(candidate());
    });
    let report = load_valid("confirmed.json", &json);
    assert!(report.figure("candidate-1").is_some());
}
