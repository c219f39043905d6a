//! Pure checks over a [`Report`]: structural errors that must fail the build,
//! and editorial observations about the published text that never change it.

use crate::model::{Bound, ChartKind, Report};
use std::collections::{HashMap, HashSet};

/// A broken rule in the dataset, attached to the id of the item it concerns,
/// where it concerns one row of a table that row's `key`, and where one field
/// is at fault that field's JSON key (so the loader can name a line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub id: String,
    pub row: Option<String>,
    pub field: Option<&'static str>,
    pub message: String,
}

impl Problem {
    fn new(id: &str, field: Option<&'static str>, message: String) -> Self {
        Problem {
            id: id.to_string(),
            row: None,
            field,
            message,
        }
    }

    /// A problem in the table `id`, in its row `row` when one is at fault.
    pub fn in_table(
        id: &str,
        row: Option<&str>,
        field: Option<&'static str>,
        message: String,
    ) -> Self {
        Problem {
            id: id.to_string(),
            row: row.map(str::to_string),
            field,
            message,
        }
    }
}

/// Every structural rule: unique ids, figures traceable to their sentence,
/// parts summing to totals, charts referring to what exists, tables laid out
/// as their format mandates.
pub fn check_report(report: &Report) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_ids(report, &mut problems);
    check_figures(report, &mut problems);
    check_charts(report, &mut problems);
    check_tables(report, &mut problems);
    problems
}

/// Each standard table against its format's layout (a narrative report has none).
fn check_tables(report: &Report, problems: &mut Vec<Problem>) {
    for table in report.tables() {
        problems.extend(crate::standard::validate_table(table, report.format));
    }
}

fn check_ids(report: &Report, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    let mut ids: Vec<&str> = Vec::new();
    let blocks = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .chain(&report.preamble);
    ids.extend(report.sections.iter().map(|s| s.id.as_str()));
    for block in blocks {
        ids.push(block.id());
        // A paragraph is its own printed paragraph; list items have ids of their own.
        ids.extend(
            block
                .printed_paragraphs()
                .into_iter()
                .map(|(id, _)| id)
                .filter(|id| *id != block.id()),
        );
    }
    ids.extend(report.figures.iter().map(|f| f.id.as_str()));
    ids.extend(report.charts.iter().map(|c| c.id.as_str()));
    for id in ids {
        if id.is_empty() {
            problems.push(Problem::new(id, None, "an id is empty".into()));
        } else if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            problems.push(Problem::new(
                id,
                None,
                format!("id \"{id}\" must use only ASCII letters, digits, '-' and '_' (it is a URL fragment)"),
            ));
        } else if !seen.insert(id) {
            problems.push(Problem::new(
                id,
                None,
                format!("id \"{id}\" is used more than once"),
            ));
        }
    }
}

fn check_figures(report: &Report, problems: &mut Vec<Problem>) {
    let paragraphs: HashMap<&str, String> = report
        .printed_paragraphs()
        .into_iter()
        .map(|(_, id, text)| (id, text))
        .collect();
    for figure in &report.figures {
        let id = figure.id.as_str();
        match paragraphs.get(figure.source.block.as_str()) {
            None => problems.push(Problem::new(
                id,
                Some("block"),
                format!("source block \"{}\" does not exist", figure.source.block),
            )),
            Some(text)
                if figure.source.quote.is_empty() || !text.contains(&figure.source.quote) =>
            {
                problems.push(Problem::new(
                    id,
                    Some("quote"),
                    format!(
                        "quote is not found, character for character, in block \"{}\"",
                        figure.source.block
                    ),
                ))
            }
            Some(_) => {}
        }
        let occurrences = figure.source.quote.matches(figure.stated.as_str()).count();
        if figure.stated.is_empty() || occurrences != 1 {
            problems.push(Problem::new(
                id,
                Some("stated"),
                format!(
                    "stated text \"{}\" must occur exactly once in the quote (found {occurrences} times)",
                    figure.stated
                ),
            ));
        }
        if !states_value(&figure.stated, figure.value) {
            problems.push(Problem::new(
                id,
                Some("value"),
                format!(
                    "value {} is not what \"{}\" says",
                    figure.value, figure.stated
                ),
            ));
        }
        let says_more_than = figure.stated.contains('余');
        match (figure.bound, says_more_than) {
            (Bound::Exact, true) => problems.push(Problem::new(
                id,
                Some("bound"),
                format!(
                    "\"{}\" says 余 (more than): bound must be \"more_than\"",
                    figure.stated
                ),
            )),
            (Bound::MoreThan, false) => problems.push(Problem::new(
                id,
                Some("bound"),
                format!("bound is \"more_than\" but \"{}\" has no 余", figure.stated),
            )),
            _ => {}
        }
        check_parts(report, figure, problems);
    }
}

fn check_parts(report: &Report, figure: &crate::model::Figure, problems: &mut Vec<Problem>) {
    if figure.parts.is_empty() {
        return;
    }
    let mut sum = 0u64;
    let mut any_lower_bound = figure.bound == Bound::MoreThan;
    for part_id in &figure.parts {
        match report.figure(part_id) {
            Some(part) if part.id != figure.id => {
                sum += part.value;
                any_lower_bound |= part.bound == Bound::MoreThan;
            }
            _ => problems.push(Problem::new(
                &figure.id,
                Some("parts"),
                format!("part \"{part_id}\" is not another figure of this report"),
            )),
        }
    }
    // With a "余" value among them only the exact sum is unknown; nothing to compare.
    if !any_lower_bound && sum != figure.value {
        let terms: Vec<String> = figure
            .parts
            .iter()
            .filter_map(|p| report.figure(p))
            .map(|p| p.value.to_string())
            .collect();
        problems.push(Problem::new(
            &figure.id,
            Some("parts"),
            format!(
                "parts sum to {sum} ({}), but the total is {}",
                terms.join(" + "),
                figure.value
            ),
        ));
    }
}

fn check_charts(report: &Report, problems: &mut Vec<Problem>) {
    let anchors: HashSet<&str> = report
        .printed_paragraphs()
        .into_iter()
        .map(|(_, id, _)| id)
        .collect();
    for chart in &report.charts {
        if !anchors.contains(chart.after.as_str()) {
            problems.push(Problem::new(
                &chart.id,
                Some("after"),
                format!(
                    "chart is placed after \"{}\", which is not a paragraph of this report",
                    chart.after
                ),
            ));
        }
        if chart.title.is_empty() {
            problems.push(Problem::new(
                &chart.id,
                Some("title"),
                "chart has no title".into(),
            ));
        }
        if chart.figures.is_empty() {
            problems.push(Problem::new(
                &chart.id,
                Some("figures"),
                "chart shows no figures".into(),
            ));
        }
        for figure_id in chart.figures.iter().chain(&chart.notes) {
            if report.figure(figure_id).is_none() {
                problems.push(Problem::new(
                    &chart.id,
                    Some("figures"),
                    format!("figure \"{figure_id}\" does not exist"),
                ));
            }
        }
        let values = chart.figures.iter().filter_map(|id| report.figure(id));
        if chart.kind == ChartKind::Bars && values.clone().all(|f| f.value == 0) {
            problems.push(Problem::new(
                &chart.id,
                Some("kind"),
                "every value is zero: state it with kind \"facts\" instead of drawing an empty chart".into(),
            ));
        }
    }
}

/// Whether `stated` expresses `value`: one of its numbers (Arabic or Chinese
/// numerals) equals it, or, for zero, it says there was none (无, 未, 没有, 零).
pub fn states_value(stated: &str, value: u64) -> bool {
    if value == 0
        && ["无", "未", "没有", "零"]
            .iter()
            .any(|w| stated.contains(w))
    {
        return true;
    }
    numbers_in(stated).contains(&value)
}

/// The numbers written in a text, in order: runs of ASCII digits and runs of
/// Chinese numerals (`119`, `二十二`, `第一` → 1).
pub fn numbers_in(text: &str) -> Vec<u64> {
    let mut numbers = Vec::new();
    let mut arabic = String::new();
    let mut chinese = String::new();
    for ch in text.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_digit() {
            arabic.push(ch);
        } else if !arabic.is_empty() {
            numbers.extend(arabic.parse::<u64>().ok());
            arabic.clear();
        }
        if chinese_digit(ch).is_some() || chinese_unit(ch).is_some() {
            chinese.push(ch);
        } else if !chinese.is_empty() {
            numbers.extend(parse_chinese_numeral(&chinese));
            chinese.clear();
        }
    }
    numbers
}

fn chinese_digit(ch: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|c| c == ch)
        .map(|p| p as u64)
        .or((ch == '两').then_some(2))
}

fn chinese_unit(ch: char) -> Option<u64> {
    match ch {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        '万' => Some(10_000),
        _ => None,
    }
}

/// `十二` → 12, `二十` → 20, `一百零五` → 105, `三万二千` → 32000.
pub fn parse_chinese_numeral(text: &str) -> Option<u64> {
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    for ch in text.chars() {
        if let Some(d) = chinese_digit(ch) {
            digit = Some(d);
        } else if let Some(unit) = chinese_unit(ch) {
            if unit == 10_000 {
                total += (section + digit.unwrap_or(0)) * unit;
                section = 0;
            } else {
                section += digit.unwrap_or(1) * unit;
            }
            digit = None;
        } else {
            return None;
        }
    }
    Some(total + section + digit.unwrap_or(0))
}

/// Observations an editor would want to hear about the published text — the
/// viewer shows the text unchanged; these only point the flaws out.
pub fn editorial_notes(report: &Report) -> Vec<String> {
    let mut notes = Vec::new();
    let mut label_counts: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut first_break = None;
    for (index, section) in report.sections.iter().enumerate() {
        let position = index + 1;
        label_counts
            .entry(section.label.as_str())
            .or_default()
            .push(position);
        let number = section.label.trim_end_matches(['、', '.', '．']);
        if first_break.is_none() && parse_chinese_numeral(number) != Some(position as u64) {
            first_break = Some((position, section.label.as_str()));
        }
        for block in &section.blocks {
            if let crate::model::Block::Subsection(sub) = block {
                let inner = sub
                    .label
                    .trim_start_matches(['(', '('])
                    .trim_end_matches([')', ')']);
                if inner.is_empty() {
                    notes.push(format!(
                        "“{}”中的小标题“{}”序号为“{}”,缺少数字",
                        section.heading(),
                        sub.title,
                        sub.label
                    ));
                }
            }
        }
    }
    if let Some((position, label)) = first_break {
        let labels: Vec<&str> = report.sections.iter().map(|s| s.label.as_str()).collect();
        notes.insert(
            0,
            format!(
                "章节标号依次为“{}”,不连续:第{position}个章节标号为“{label}”,按顺序应为“{}、”",
                labels.concat(),
                chinese_ordinal(position)
            ),
        );
    }
    let mut repeated: Vec<(&str, Vec<usize>)> = label_counts
        .into_iter()
        .filter(|(_, positions)| positions.len() > 1)
        .collect();
    repeated.sort_by_key(|(_, positions)| positions[0]);
    for (label, positions) in repeated {
        let places: Vec<String> = positions.iter().map(|p| format!("第{p}个")).collect();
        notes.push(format!(
            "章节标号“{label}”重复出现({}章节)",
            places.join("、")
        ));
    }
    notes
}

/// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section numbers).
fn chinese_ordinal(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        _ => format!(
            "{}十{}",
            DIGITS[(n / 10) % 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_parse() {
        assert_eq!(parse_chinese_numeral("一"), Some(1));
        assert_eq!(parse_chinese_numeral("十"), Some(10));
        assert_eq!(parse_chinese_numeral("十二"), Some(12));
        assert_eq!(parse_chinese_numeral("二十"), Some(20));
        assert_eq!(parse_chinese_numeral("一百零五"), Some(105));
        assert_eq!(parse_chinese_numeral("三万二千"), Some(32000));
        assert_eq!(parse_chinese_numeral("两"), Some(2));
        assert_eq!(parse_chinese_numeral("第一"), None);
    }

    #[test]
    fn numbers_are_found_in_stated_text() {
        assert_eq!(numbers_in("在全省119个县区中排名第一"), vec![119, 1]);
        assert_eq!(numbers_in("10余幅"), vec![10]);
        assert!(states_value("政务动态信息更新1182条", 1182));
        assert!(!states_value("政务动态信息更新1182条", 118));
        assert!(states_value("本年度未接到群众有关依申请公开的诉求", 0));
        assert!(!states_value("收到3件", 0));
    }

    #[test]
    fn ordinals_for_section_numbers() {
        assert_eq!(chinese_ordinal(4), "四");
        assert_eq!(chinese_ordinal(10), "十");
        assert_eq!(chinese_ordinal(12), "十二");
        assert_eq!(chinese_ordinal(21), "二十一");
    }
}
