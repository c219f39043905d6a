//! Figure candidates: the numbers with a unit that a report's text states,
//! proposed for the editor to confirm (see `figure_candidates` in the
//! dataset; the build checks candidates but neither charts nor ships them).
//!
//! A number is a run of Arabic digits (ASCII or full-width) or a Chinese
//! numeral (`三`, `二十二`, `一百零五`), optionally followed by 余 (`10余幅`:
//! more than 10), then a unit, the longest that fits: 人次 万元 条 件 项 家 个
//! 次 幅 块 份 % ％ (`500人次` is 500 人次). Each candidate has:
//!
//! - `stated`: the words as printed (`1182条`, `10余幅`, `三次`). Where those
//!   words occur more than once in the sentence (`城市管理方面6件,城市建设方面6件`,
//!   or `2件` inside `22件`), the words before them are taken in, the clause
//!   first (`城市管理方面6件`), else character by character, until they occur
//!   once, as the checks require.
//! - `source`: the paragraph's anchor, and the sentence as printed: from the
//!   end of the previous one (or the paragraph's start) to its `。` `!` `?`
//!   `;` (full- or half-width), or to the paragraph's end.
//! - `value`, `unit` as printed, `measure` count, `bound` exact, or more
//!   than for 余.
//! - `label`: a guess for the editor to edit, the words of the clause before
//!   the number (after the last `,` `、` `:` or the sentence's start), without
//!   a leading 其中, 共, 累计 or 全年; the unit when there are none.
//! - `id`: `candidate-1`, `candidate-2` … in reading order, skipping any id
//!   the report already uses.
//!
//! Not proposed: a number with a decimal point or digit grouping (`98.5%`,
//! `1,182条`: a count is a whole number, read it by hand); a number too
//! large for a count; an ordinal or a code (`第3次`, `G20`); a vague number
//! (`数十家`, `几十个`, `三五个`); a run of Chinese numerals that is no
//! number (`十一五`, `二零一七`, `千家万户`) or that runs into 万元 (the
//! checks read `五万元` as 50000); a duration (`3个月`, `15个工作日`,
//! `2个小时`); the printed label of a paragraph (`(一)`, `一是`, `1.`); a
//! number in a sentence longer than [`MAX_QUOTE_CHARS`] characters (no real
//! report has one, and no editor could use the quote). Dates are not
//! figures: 年, 月 and 日 are not units.

use gir_compile::numerals::{arabic_digit, chinese_digit, chinese_unit, parse_chinese_numeral};
use gir_model::report::{Block, Bound, Figure, Measure, Report, Source};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Measure words, longest first.
const UNITS: [&str; 13] = [
    "人次", "万元", "条", "件", "项", "家", "个", "次", "幅", "块", "份", "%", "％",
];
/// Words after `个` that make a duration, not a count.
const DURATIONS: [&str; 3] = ["月", "工作日", "小时"];
/// Where a sentence ends.
const SENTENCE_ENDS: [char; 7] = ['。', '!', '?', ';', '！', '？', '；'];
/// Where a clause begins inside a sentence (after one of these).
const CLAUSE_MARKS: [char; 5] = [',', '，', '、', ':', '：'];
/// Words a label does not begin with.
const LABEL_PREFIXES: [&str; 4] = ["其中", "累计", "全年", "共"];
/// The longest sentence quoted, in characters.
pub const MAX_QUOTE_CHARS: usize = 1000;
/// The longest label proposed, in characters (the end of the clause, nearest
/// the number, is kept).
const MAX_LABEL_CHARS: usize = 40;
/// How far before the number, in characters, `stated` may reach one
/// character at a time when neither the number's words nor its clause occur
/// once in the sentence.
const MAX_EXTRA_CHARS: usize = 30;

/// The figure candidates of `report`'s printed paragraphs, in reading order.
pub fn propose(report: &Report) -> Vec<Figure> {
    let labels = printed_labels(report);
    let mut ids = Ids::of(report);
    let mut candidates = Vec::new();
    for (_, anchor, text) in report.printed_paragraphs() {
        // The printed label (`(一)`, `一是`) is the numbering, not a number.
        let from = labels
            .get(anchor)
            .filter(|label| text.starts_with(**label))
            .map_or(0, |label| label.len());
        let sentences = sentences(&text);
        for number in numbers(&text, from) {
            // A number holds no sentence end: it lies in one sentence.
            let sentence = sentences[sentences.partition_point(|s| s.end <= number.start)].clone();
            if let Some(mut figure) = candidate(&text, sentence, anchor, &number) {
                figure.id = ids.next();
                candidates.push(figure);
            }
        }
    }
    candidates
}

/// The printed labels that open paragraphs (`(一)`, `一是`), by anchor.
fn printed_labels(report: &Report) -> HashMap<&str, &str> {
    let mut labels = HashMap::new();
    for (_, block) in report.blocks() {
        match block {
            Block::Subsection(s) => {
                labels.insert(s.id.as_str(), s.label.as_str());
            }
            Block::List(l) => {
                labels.extend(l.items.iter().map(|i| (i.id.as_str(), i.label.as_str())));
            }
            Block::Paragraph(_) | Block::Table(_) => {}
        }
    }
    labels
}

/// A number with its unit, as found in a paragraph (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Number {
    /// Where the number's first digit is.
    start: usize,
    /// One past the unit.
    end: usize,
    value: u64,
    bound: Bound,
    unit: &'static str,
}

/// Every number with a unit in `text`, from byte `from` on, in order.
fn numbers(text: &str, from: usize) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let first = chars.partition_point(|c| c.0 < from);
    let arabic_at = |k: usize| at(k).and_then(arabic_digit).is_some();
    // A decimal point (`98.5`) or digit grouping (`1,182`) at `k`.
    let joins = |k: usize| {
        k > first && matches!(at(k), Some('.' | '．' | ',')) && arabic_at(k - 1) && arabic_at(k + 1)
    };
    let mut found = Vec::new();
    let mut i = first;
    while i < chars.len() {
        let arabic = arabic_at(i);
        if !arabic && !at(i).is_some_and(is_chinese_numeral) {
            i += 1;
            continue;
        }
        let start = i;
        while at(i).is_some_and(|c| {
            if arabic {
                arabic_digit(c).is_some()
            } else {
                is_chinese_numeral(c)
            }
        }) {
            i += 1;
        }
        let run: String = chars[start..i].iter().map(|c| c.1).collect();
        let before = start.checked_sub(1).and_then(at);
        let value = if arabic {
            if joins(i) || start.checked_sub(1).is_some_and(joins) {
                // Not a whole number: skip the rest of it.
                while joins(i) {
                    i += 1;
                    while arabic_at(i) {
                        i += 1;
                    }
                }
                continue;
            }
            let ordinal_or_code = before.is_some_and(|b| b == '第' || b.is_ascii_alphabetic());
            let digits: String = run.chars().filter_map(arabic_digit).collect();
            digits.parse::<u64>().ok().filter(|_| !ordinal_or_code)
        } else {
            let vague_or_ordinal = matches!(before, Some('第' | '几' | '数'));
            (!vague_or_ordinal && well_formed(&run))
                .then(|| parse_chinese_numeral(&run))
                .flatten()
        };
        let Some(value) = value else { continue };
        let mut unit_at = i;
        let bound = if at(unit_at) == Some('余') {
            unit_at += 1;
            Bound::MoreThan
        } else {
            Bound::Exact
        };
        let rest = &text[byte(unit_at)..];
        let Some(unit) = UNITS.iter().copied().find(|u| rest.starts_with(u)) else {
            continue;
        };
        if unit == "个" && DURATIONS.iter().any(|d| rest[unit.len()..].starts_with(d)) {
            continue;
        }
        found.push(Number {
            start: byte(start),
            end: byte(unit_at) + unit.len(),
            value,
            bound,
            unit,
        });
        i = unit_at + unit.chars().count();
    }
    found
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// A Chinese numeral as numbers are written: it begins with a digit or 十
/// (`千家万户` is no number), and no two digits stand together but after 零
/// (`十一五`, `二零一七` are names and years; `一百零五` is a number).
fn well_formed(run: &str) -> bool {
    let run: Vec<char> = run.chars().collect();
    let starts_well = run
        .first()
        .is_some_and(|c| chinese_digit(*c).is_some() || *c == '十');
    let digits_apart = run.windows(2).all(|pair| {
        pair[0] == '零' || chinese_digit(pair[0]).is_none() || chinese_digit(pair[1]).is_none()
    });
    starts_well && digits_apart
}

/// The sentences of `text`, as byte ranges: each runs to its end mark,
/// inclusive, or to the end of the text.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if SENTENCE_ENDS.contains(&c) {
            sentences.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        sentences.push(start..text.len());
    }
    sentences
}

/// The candidate for `number` in its `sentence` of paragraph `text` (anchor
/// `anchor`), with an empty id; `None` when the sentence is too long to
/// quote or no words around the number occur once in it.
fn candidate(text: &str, sentence: Range<usize>, anchor: &str, number: &Number) -> Option<Figure> {
    let whole = &text[sentence.clone()];
    let quote = whole.trim();
    let sentence_start = sentence.start + (whole.len() - whole.trim_start().len());
    if quote.chars().nth(MAX_QUOTE_CHARS).is_some() {
        return None;
    }
    // Offsets inside the quote.
    let (start, end) = (number.start - sentence_start, number.end - sentence_start);
    let clause_start = quote[..start]
        .rfind(CLAUSE_MARKS)
        .map_or(0, |i| i + char_len(quote, i));
    let stated = stated_words(quote, clause_start, start, end, number.bound)?;
    Some(Figure {
        id: String::new(),
        label: label(&quote[clause_start..start], number.unit),
        value: number.value,
        unit: number.unit.to_string(),
        measure: Measure::Count,
        bound: number.bound,
        stated: stated.to_string(),
        source: Source {
            anchor: anchor.to_string(),
            quote: quote.to_string(),
        },
        parts: Vec::new(),
    })
}

/// The words that state the number `quote[start..end]`: those alone, or with
/// the words before them (its clause, else character by character) so that
/// they occur once in the quote. An exact number's words never take in a 余
/// (the checks would read it as "more than").
fn stated_words(
    quote: &str,
    clause_start: usize,
    start: usize,
    end: usize,
    bound: Bound,
) -> Option<&str> {
    let once = |from: usize| {
        let words = &quote[from..end];
        let foreign_more_than = bound == Bound::Exact && words.contains('余');
        (!foreign_more_than && quote.matches(words).take(2).count() == 1).then_some(words)
    };
    let widening = quote[..start]
        .char_indices()
        .rev()
        .map(|(i, _)| i)
        .take(MAX_EXTRA_CHARS);
    std::iter::once(start)
        .chain((clause_start < start).then_some(clause_start))
        .chain(widening)
        .find_map(once)
}

/// A short guess at what is counted: the clause's words before the number.
fn label(words: &str, unit: &str) -> String {
    let mut words = words.trim();
    while let Some(rest) = LABEL_PREFIXES
        .iter()
        .find_map(|prefix| words.strip_prefix(prefix))
    {
        words = rest.trim_start();
    }
    let count = words.chars().count();
    let words: String = words
        .chars()
        .skip(count.saturating_sub(MAX_LABEL_CHARS))
        .collect();
    if words.is_empty() {
        unit.to_string()
    } else {
        words
    }
}

/// The length in bytes of the character at byte `i` of `text`.
fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(0, char::len_utf8)
}

/// The ids a report uses, and the next free `candidate-<n>`.
struct Ids<'a> {
    taken: HashSet<&'a str>,
    /// `candidate`, unless a table has that id (every id `{table}-…` is the
    /// table's): then `candidate2`, `candidate3` … the first no table has.
    stem: String,
    n: usize,
}

impl<'a> Ids<'a> {
    fn of(report: &'a Report) -> Self {
        let mut taken: HashSet<&str> = HashSet::from([report.id.as_str()]);
        taken.extend(report.sections.iter().map(|s| s.id.as_str()));
        for (_, block) in report.blocks() {
            taken.insert(block.id());
            taken.extend(block.printed_paragraphs().into_iter().map(|(id, _)| id));
        }
        taken.extend(
            report
                .figures
                .iter()
                .chain(&report.figure_candidates.0)
                .map(|f| f.id.as_str()),
        );
        taken.extend(report.charts.iter().map(|c| c.id.as_str()));
        let tables: HashSet<&str> = report.tables().map(|t| t.id.as_str()).collect();
        let stem = (1..)
            .map(|k| match k {
                1 => "candidate".to_string(),
                k => format!("candidate{k}"),
            })
            .find(|stem| !tables.contains(stem.as_str()))
            .expect("a report has finitely many tables");
        Ids { taken, stem, n: 0 }
    }

    fn next(&mut self) -> String {
        loop {
            self.n += 1;
            let id = format!("{}-{}", self.stem, self.n);
            if !self.taken.contains(id.as_str()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gir_compile::checks::check_report;
    use gir_model::report::{
        FigureCandidates, List, ListItem, Metadata, Paragraph, ReportFormat, Section, Subsection,
    };
    use gir_model::table::{Table, TableKind};

    /// A report of one section whose paragraphs are `texts` (`sec-1-p1` …).
    fn report(texts: &[&str]) -> Report {
        Report {
            id: "r".into(),
            format: ReportFormat::Narrative,
            meta: Metadata::default(),
            title: "某区2017年政府信息公开工作年度报告".into(),
            preamble: Vec::new(),
            sections: vec![Section {
                id: "sec-1".into(),
                label: "一、".into(),
                title: "总体情况".into(),
                blocks: texts
                    .iter()
                    .enumerate()
                    .map(|(n, text)| {
                        Block::Paragraph(Paragraph {
                            id: format!("sec-1-p{}", n + 1),
                            text: text.to_string(),
                        })
                    })
                    .collect(),
            }],
            figures: Vec::new(),
            figure_candidates: FigureCandidates::default(),
            charts: Vec::new(),
        }
    }

    /// What was proposed, as (stated, value, unit, bound, label).
    fn proposed(texts: &[&str]) -> Vec<(String, u64, String, Bound, String)> {
        propose(&report(texts))
            .into_iter()
            .map(|f| (f.stated, f.value, f.unit, f.bound, f.label))
            .collect()
    }

    fn one(
        stated: &str,
        value: u64,
        unit: &str,
        bound: Bound,
        label: &str,
    ) -> (String, u64, String, Bound, String) {
        (stated.into(), value, unit.into(), bound, label.into())
    }

    /// Candidates pass every check a figure must, as they are proposed.
    fn assert_checked(mut report: Report) -> Vec<Figure> {
        let candidates = propose(&report);
        report.figure_candidates = FigureCandidates(candidates.clone());
        let problems = check_report(&report);
        assert!(problems.is_empty(), "{problems:#?}\n{candidates:#?}");
        candidates
    }

    #[test]
    fn arabic_full_width_and_chinese_numbers_with_their_units() {
        assert_eq!(
            proposed(&["全年召开会议三次,走访十余家企业,受理申请１２件,办结率100%。"]),
            [
                one("三次", 3, "次", Bound::Exact, "召开会议"),
                one("十余家", 10, "家", Bound::MoreThan, "走访"),
                one("１２件", 12, "件", Bound::Exact, "受理申请"),
                one("100%", 100, "%", Bound::Exact, "办结率"),
            ]
        );
        assert_eq!(
            proposed(&["培训干部500人次,节约经费30余万元,发放二十二份、两千零五份。"]),
            [
                one("500人次", 500, "人次", Bound::Exact, "培训干部"),
                one("30余万元", 30, "万元", Bound::MoreThan, "节约经费"),
                one("二十二份", 22, "份", Bound::Exact, "发放"),
                one("两千零五份", 2005, "份", Bound::Exact, "份"),
            ]
        );
    }

    #[test]
    fn years_decimals_ordinals_vague_numbers_and_durations_are_not_figures() {
        assert!(proposed(&[
            "2017年1月5日,满意率98.5%,共1,182条,第3次会议,第三次,数十家,几十个,十一五期间,二零一七年,千家万户,\
             15个工作日,3个月,2个小时,五万元,12345热线,G20次,99999999999999999999条,三五个,七八家。"
        ])
        .is_empty());
    }

    #[test]
    fn the_quote_is_the_sentence_and_repeated_words_take_in_their_clause() {
        let text = "前言。受理2件,办结2件,其中22件转办;另有7件!结尾";
        let candidates = assert_checked(report(&[text]));
        let got: Vec<(&str, &str, &str)> = candidates
            .iter()
            .map(|f| (f.stated.as_str(), f.source.quote.as_str(), f.label.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("受理2件", "受理2件,办结2件,其中22件转办;", "受理"),
                ("办结2件", "受理2件,办结2件,其中22件转办;", "办结"),
                ("22件", "受理2件,办结2件,其中22件转办;", "件"),
                ("7件", "另有7件!", "另有"),
            ]
        );
        assert!(candidates.iter().all(|f| f.source.anchor == "sec-1-p1"
            && f.measure == Measure::Count
            && f.parts.is_empty()));
        // A sentence without its end runs to the paragraph's end.
        let last = assert_checked(report(&["前言。合计9件"]));
        assert_eq!(last[0].source.quote, "合计9件");
        // A sentence too long to quote is not quoted.
        let long = format!("办结{}1件。受理2件。", "很".repeat(MAX_QUOTE_CHARS - 4));
        let stated: Vec<String> = assert_checked(report(&[&long]))
            .into_iter()
            .map(|f| f.stated)
            .collect();
        assert_eq!(stated, ["2件"]);
        let just = format!("办结{}1件。", "很".repeat(MAX_QUOTE_CHARS - 5));
        assert_eq!(assert_checked(report(&[&just])).len(), 1);
        // An exact number's words never take in a 余 (it would say "more than").
        let exact = assert_checked(report(&["其余5件,其余5件。"]));
        assert!(exact.is_empty(), "{exact:?}");
    }

    #[test]
    fn ids_count_up_in_reading_order_past_those_taken() {
        let mut taken = report(&["办结3件。", "受理4件,转办5件。"]);
        taken.figures = assert_checked(report(&["办结3件。"]));
        assert_eq!(taken.figures[0].id, "candidate-1");
        taken.charts.push(gir_model::report::Chart {
            id: "candidate-3".into(),
            after: "sec-1-p1".into(),
            kind: gir_model::report::ChartKind::Facts,
            title: "t".into(),
            figures: vec!["candidate-1".into()],
            notes: Vec::new(),
        });
        let ids: Vec<String> = assert_checked(taken).into_iter().map(|f| f.id).collect();
        assert_eq!(ids, ["candidate-2", "candidate-4", "candidate-5"]);
        // Every id `candidate-…` would be inside a table called `candidate`.
        let mut tabled = report(&["办结3件。"]);
        for id in ["candidate", "candidate2"] {
            tabled.sections[0].blocks.push(Block::Table(Table {
                id: id.into(),
                kind: TableKind::ReviewLitigation,
                rows: Vec::new(),
            }));
        }
        let ids: Vec<String> = propose(&tabled).into_iter().map(|f| f.id).collect();
        assert_eq!(ids, ["candidate3-1"]);
    }

    #[test]
    fn printed_labels_are_numbering_not_numbers() {
        let mut report = report(&[]);
        report.sections[0].blocks = vec![
            Block::Subsection(Subsection {
                id: "sec-1-sub1".into(),
                label: "(3)".into(),
                title: "项工作。".into(),
                text: "办结4件。".into(),
            }),
            Block::List(List {
                id: "sec-1-list".into(),
                items: vec![ListItem {
                    id: "sec-1-item1".into(),
                    label: "1.".into(),
                    text: "5件已办结。".into(),
                }],
            }),
        ];
        let candidates = assert_checked(report);
        let got: Vec<(&str, &str, &str)> = candidates
            .iter()
            .map(|f| {
                (
                    f.stated.as_str(),
                    f.source.anchor.as_str(),
                    f.source.quote.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("4件", "sec-1-sub1", "办结4件。"),
                ("5件", "sec-1-item1", "1.5件已办结。"),
            ]
        );
    }

    #[test]
    fn labels_are_the_clause_without_its_leading_total_words_and_never_empty() {
        let labels: Vec<String> = proposed(&[
            "其中共受理3件,累计发放2份,5条,各类展板、宣传资料7块。",
            &format!("{}8项。", "很长的说明".repeat(20)),
        ])
        .into_iter()
        .map(|p| p.4)
        .collect();
        assert_eq!(
            labels,
            [
                "受理".to_string(),
                "发放".into(),
                "条".into(),
                "宣传资料".into(),
                "很长的说明".repeat(8),
            ]
        );
    }
}
