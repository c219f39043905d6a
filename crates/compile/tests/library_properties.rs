//! Property tests of the library: a report compared with itself repeats
//! every sentence long enough to compare; whatever two reports say, every
//! repeated sentence is a slice of its printed paragraph at char
//! boundaries, and similar by the full Levenshtein distance; the banded
//! distance is the full one within its bound; and arbitrary titles,
//! publishers and tables never panic the catalogue or the figures.
//!
//! 10,000 cases of each property unless `PROPTEST_CASES` says otherwise.

mod common;

use gir_compile::library::metrics::read_metric;
use gir_compile::library::repeated::{
    bounded_levenshtein, is_similar, normalise, repeated_text, ReportText, MIN_SENTENCE_CHARS,
};
use gir_compile::library::{catalogue, Metric};
use gir_model::report::{
    Block, List, ListItem, Metadata, Paragraph, Report, ReportFormat, Section, Subsection,
};
use gir_model::table::{Cell, Table, TableKind, TableRow};
use proptest::prelude::*;
use std::collections::HashSet;

/// Report-like text: Chinese, numerals in every script, terminators,
/// closing marks, spaces (ASCII, ideographic, line breaks), and anything.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[政府信息公开工作年度报告全镇推进一二三十百〇两0-9０-９.,。！？；!?;”）) \u{3000}\n]{0,60}",
        1 => any::<String>(),
    ]
}

/// A report holding `texts` as paragraphs, subsections and list items.
fn report(id: &str, texts: &[String]) -> Report {
    let blocks = texts
        .iter()
        .enumerate()
        .map(|(i, text)| match i % 3 {
            0 => Block::Paragraph(Paragraph {
                id: format!("p{i}"),
                text: text.clone(),
            }),
            1 => Block::Subsection(Subsection {
                id: format!("s{i}"),
                label: "(一)".into(),
                title: "主动公开。".into(),
                text: text.clone(),
            }),
            _ => Block::List(List {
                id: format!("l{i}"),
                items: vec![ListItem {
                    id: format!("l{i}-1"),
                    label: "一是".into(),
                    text: text.clone(),
                }],
            }),
        })
        .collect();
    Report {
        id: id.into(),
        format: ReportFormat::Narrative,
        meta: Metadata::default(),
        title: "某局2019年政府信息公开工作年度报告".into(),
        preamble: Vec::new(),
        sections: vec![Section {
            id: "sec-1".into(),
            label: "一、".into(),
            title: "总体情况".into(),
            blocks,
        }],
        figures: Vec::new(),
        figure_candidates: Default::default(),
        charts: Vec::new(),
    }
}

/// The textbook distance, for checking the banded one and the matches.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Every repeated sentence of `found` slices its printed paragraph (of
/// `current` and of `previous`) at char boundaries to its text, and is
/// similar by the full distance, as stated.
fn assert_sound(current: &Report, previous: &Report) -> Result<(), TestCaseError> {
    let found = repeated_text(&ReportText::new(current), &ReportText::new(previous));
    for r in &found.sentences {
        for (report, sentence) in [(current, &r.sentence), (previous, &r.previous)] {
            let (_, printed) = report
                .locate(&sentence.anchor)
                .expect("a printed paragraph");
            prop_assert!(printed.is_char_boundary(sentence.start));
            prop_assert!(printed.is_char_boundary(sentence.start + sentence.len));
            prop_assert_eq!(
                printed.get(sentence.start..sentence.start + sentence.len),
                Some(sentence.text.as_str())
            );
        }
        let (a, b) = (normalise(&r.sentence.text), normalise(&r.previous.text));
        prop_assert!(a.len() >= MIN_SENTENCE_CHARS && b.len() >= MIN_SENTENCE_CHARS);
        prop_assert_eq!(r.distance, levenshtein(&a, &b));
        prop_assert_eq!(r.length, a.len().max(b.len()));
        prop_assert!(is_similar(r.distance, r.length));
    }
    let chars: usize = found
        .sentences
        .iter()
        .map(|r| r.sentence.text.chars().count())
        .sum();
    prop_assert_eq!(found.repeated_chars, chars);
    prop_assert!(found.repeated_chars <= found.narrative_chars);
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(10_000))]

    #[test]
    fn a_report_compared_with_itself_repeats_every_sentence_long_enough(
        texts in proptest::collection::vec(text(), 0..8),
    ) {
        let report = report("r", &texts);
        let sentences = ReportText::new(&report);
        let found = repeated_text(&sentences, &sentences);
        let expected: HashSet<(String, usize)> = sentences
            .sentences
            .iter()
            .filter(|s| normalise(&s.text).len() >= MIN_SENTENCE_CHARS)
            .map(|s| (s.anchor.clone(), s.start))
            .collect();
        let got: HashSet<(String, usize)> = found
            .sentences
            .iter()
            .map(|r| (r.sentence.anchor.clone(), r.sentence.start))
            .collect();
        prop_assert_eq!(got, expected);
        prop_assert!(found.sentences.iter().all(|r| r.distance == 0));
        assert_sound(&report, &report)?;
    }

    #[test]
    fn repeated_sentences_slice_their_paragraphs_and_are_similar(
        texts in proptest::collection::vec(text(), 1..6),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), "[政府信二三0-9。 ]"), 0..6),
        others in proptest::collection::vec(text(), 0..3),
    ) {
        // The year after: the same paragraphs with characters replaced, and more.
        let mut next: Vec<String> = texts.clone();
        for (paragraph, at, with) in &edits {
            let text = &mut next[paragraph.index(texts.len())];
            let mut chars: Vec<char> = text.chars().collect();
            if !chars.is_empty() {
                let i = at.index(chars.len());
                chars.splice(i..=i, with.chars());
                *text = chars.into_iter().collect();
            }
        }
        next.extend(others);
        let (previous, current) = (report("a", &texts), report("b", &next));
        assert_sound(&current, &previous)?;
        assert_sound(&previous, &current)?;
    }

    #[test]
    fn the_banded_distance_is_the_distance_within_its_bound(
        a in "[abc]{0,14}", b in "[abc]{0,14}", max in 0usize..8,
    ) {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let full = levenshtein(&a, &b);
        prop_assert_eq!(bounded_levenshtein(&a, &b, max), (full <= max).then_some(full));
    }

    #[test]
    fn arbitrary_titles_publishers_and_tables_never_panic(
        titles in proptest::collection::vec((any::<String>(), any::<String>()), 1..5),
        rows in proptest::collection::vec(
            ("1|2|3\\.1|3\\.3\\.1|3\\.3\\.9|3\\.7|4|cases|fees|licensing|normative_documents|[a-z.0-9]{0,4}",
             proptest::collection::vec("|0|7|-2|3\\.50|/|—", 0..17)),
            0..6),
        kind in 0usize..3,
        format in 0usize..3,
    ) {
        let mut reports: Vec<Report> = titles
            .iter()
            .enumerate()
            .map(|(i, (title, publisher))| {
                let mut r = report(&format!("r{i}"), &[]);
                r.title = title.clone();
                r.meta.publisher = publisher.clone();
                r
            })
            .collect();
        reports[0].format = [ReportFormat::Narrative, ReportFormat::Trial2019, ReportFormat::Format2021][format];
        reports[0].sections[0].blocks.push(Block::Table(Table {
            id: "t".into(),
            kind: TableKind::ALL[kind],
            rows: rows
                .iter()
                .map(|(key, cells)| TableRow {
                    key: key.clone(),
                    cells: cells.iter().map(|c| Cell::parse(c).unwrap()).collect(),
                })
                .collect(),
        }));
        let pairs: Vec<(&str, &Report)> = reports.iter().map(|r| ("f.json", r)).collect();
        let _ = catalogue(&pairs);
        for metric in Metric::ALL {
            let _ = read_metric(&reports[0], metric);
        }
    }
}
