//! Errors point at the place the JSON itself gives, however the dataset is
//! laid out: compact (`{"id":"x"}` on one line), or keys, colons and values
//! on lines of their own with tabs and CRLF line ends.

mod common;

use common::{errors_for, repo_file};

const DATASET: &str = "assets/reports/nanfen-2017.json";

/// The seed dataset on one line, in its own key order.
fn compact() -> String {
    let value: serde_json::Value = serde_json::from_str(&repo_file(DATASET)).unwrap();
    serde_json::to_string(&value).unwrap()
}

/// `json` with a CRLF and a tab after every `:` and `,` outside strings, and
/// spaces before them: every key on a line of its own, its value on the next.
fn oddly_formatted(json: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            ':' | ',' => {
                out.push_str("  ");
                out.push(c);
                out.push_str("\r\n\t");
            }
            c => out.push(c),
        }
    }
    out
}

/// `line:column` of the first occurrence of `needle` in `json` after the
/// first occurrence of `after`, counted as an editor does (characters).
fn place(json: &str, after: &str, needle: &str) -> String {
    let from = json.find(after).expect("anchor text");
    let start = from + json[from..].find(needle).expect("needle");
    let before = &json[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    format!(
        "{}:{}",
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1
    )
}

fn error_at(errors: &[String], place: &str, needle: &str) {
    let prefix = format!("reports/broken.json:{place}: ");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&prefix) && e.contains(needle)),
        "no error at {place} containing {needle:?}: {errors:#?}"
    );
}

/// Breaks the dataset (`id_written`: how `"id": ` is written in it) in ways
/// the checks find, and checks that each error points at its member.
fn break_and_check(json: &str, id_written: &str) {
    let news = json.find(&format!("{id_written}\"pub-news\"")).unwrap();
    let value = news + json[news..].find("1182").unwrap();
    let broken = format!("{}1183{}", &json[..value], &json[value + 4..])
        // The paragraph comes before the figures that quote it.
        .replacen(
            "政务网站公开政府信息1633条",
            "政府网站公开政府信息1633条",
            1,
        )
        .replacen(
            &format!("{id_written}\"sec-2\""),
            &format!("{id_written}\"sec-3\""),
            1,
        );
    assert_ne!(broken, *json);
    let errors = errors_for(&broken);
    // The figure's value, and the total whose parts no longer sum.
    error_at(
        &errors,
        &place(&broken, &format!("{id_written}\"pub-news\""), "\"value\""),
        "\"pub-news\" value",
    );
    error_at(
        &errors,
        &place(&broken, &format!("{id_written}\"pub-total\""), "\"parts\""),
        "parts sum to 1634",
    );
    // A quote nested in the figure's source: the member `quote`.
    error_at(
        &errors,
        &place(&broken, &format!("{id_written}\"pub-total\""), "\"quote\""),
        "\"pub-total\" quote: quote is not found",
    );
    // The duplicate id: the first object with it.
    error_at(
        &errors,
        &place(&broken, &format!("{id_written}\"sec-3\""), "\"id\""),
        "id \"sec-3\" is used more than once",
    );
}

#[test]
fn compact_json_points_at_the_column_on_its_one_line() {
    let json = compact();
    assert_eq!(json.lines().count(), 1);
    break_and_check(&json, "\"id\":");
}

#[test]
fn keys_and_values_on_lines_of_their_own_point_at_the_key() {
    let json = oddly_formatted(&compact());
    assert!(json.lines().count() > 600);
    break_and_check(&json, "\"id\"  :\r\n\t");
}

#[test]
fn the_pretty_dataset_points_where_it_always_did() {
    break_and_check(&repo_file(DATASET), "\"id\": ");
}

#[test]
fn ids_written_with_escapes_are_found() {
    let json = repo_file(DATASET)
        .replacen("\"id\": \"pub-news\"", "\"id\": \"pub\\u002dnews\"", 1)
        .replacen("\"value\": 1182,", "\"value\": 1183,", 1);
    let errors = errors_for(&json);
    error_at(
        &errors,
        &place(&json, "\"pub\\u002dnews\"", "\"value\""),
        "\"pub-news\" value",
    );
}

#[test]
fn invalid_json_is_placed_in_characters_not_bytes() {
    // Broken after a run of Chinese text on the one line: serde_json counts
    // bytes (three per character), an editor counts characters.
    let json = compact().replacen("\"title\":\"南芬区", "\"title\" \"南芬区", 1);
    let errors = errors_for(&json);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let column: usize = errors[0].split(':').nth(2).unwrap().parse().unwrap();
    let expected = json[..json.find("\"title\" \"南芬区").unwrap()]
        .chars()
        .count()
        + "\"title\" \"".chars().count();
    assert_eq!(column, expected, "{}", errors[0]);
    assert!(errors[0].contains("expected `:`"), "{}", errors[0]);
}
