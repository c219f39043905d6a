//! Editorial observations about the published text: flaws an editor would
//! want to hear about. They never change the text and never fail the build.

use crate::numerals::{chinese_ordinal, parse_chinese_numeral};
use gir_model::report::{Block, Report};
use std::collections::HashMap;

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
            if let Block::Subsection(sub) = block {
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
