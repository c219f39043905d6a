//! 内容雷同: the sentences of a report copied from the same body's report of
//! the year before, verbatim or nearly so.
//!
//! **Sentences.** Each printed paragraph (paragraph, subsection with its
//! run-in heading, list item with its label; tables are not text) is split
//! after `。！？；!?;` (with the closing quotes and brackets that follow) and
//! at its end; a sentence is kept exactly as printed, with its byte range
//! in the printed paragraph, leading and trailing whitespace left out.
//!
//! **Normalised for comparison only.** Whitespace is dropped, full-width
//! ASCII forms folded (`１` → `1`), and every number — a run of digits
//! (ASCII or full-width, with `.` or `,` between digits) or of Chinese
//! numerals (`〇零一二三四五六七八九十百千万亿两`) — becomes one `#`. So
//! `2018年公开信息356条` and `2019年公开信息412条` compare equal: a sentence
//! whose figures were updated and nothing else is still copied.
//! Sentences shorter than [`MIN_SENTENCE_CHARS`] normalised characters
//! (`特此报告。`) are left out on both sides: every report says them.
//!
//! **Similarity.** `1 − d / max(|a|, |b|)`, where `d` is the Levenshtein
//! distance between the normalised sentences in characters; a sentence is
//! 雷同 at ≥ 0.90 ([`is_similar`]: `10·d ≤ max(|a|, |b|)`, integers only).
//! Chosen over Dice on bigrams because it reads plainly ("at most one
//! character in ten differs"), counts a changed character once wherever it
//! is (a bigram measure loses two bigrams per change, so short sentences
//! fall off quickly), and bounds the work: with `k = max/10` edits at most,
//! sentences whose lengths differ by more than `k` are never compared, and
//! the distance is computed in a band of `2k + 1` diagonals
//! ([`bounded_levenshtein`]).
//!
//! **Scale.** Each report is compared with one other (its body's previous
//! year), and within the pair no sentence is compared with every other:
//! 1. identical normalised sentences are found by hash;
//! 2. the others get candidates from an inverted index of the previous
//!    report's character 3-grams, counting shared 3-grams (with their
//!    multiplicity); by the q-gram lemma two strings within `k` edits share
//!    at least `max(|a|, |b|) − 3 + 1 − 3k` of them, so a candidate below
//!    that count cannot be similar and is dropped without loss;
//! 3. at most [`MAX_VERIFIED`] candidates, most shared 3-grams first, are
//!    verified with the bounded distance; the closest is kept.
//!
//! Bounded on hostile text: a 3-gram found in more than [`MAX_POSTINGS`]
//! previous sentences is not used to find candidates (the count filter is
//! lowered by its occurrences, so it stays lossless for the 3-grams used),
//! and sentences longer than [`MAX_FUZZY_CHARS`] are matched only when
//! identical after normalising. Both limits are far beyond real reports; on
//! text built to reach them a near (not identical) copy may go unreported.

use super::identity::fold_width;
use gir_model::report::Report;
use std::collections::HashMap;
use std::ops::Range;

/// Sentences shorter than this, in normalised characters, are not compared.
pub const MIN_SENTENCE_CHARS: usize = 10;
/// Longer sentences (normalised characters) are matched only when identical.
pub const MAX_FUZZY_CHARS: usize = 1000;
/// The least similarity of a 雷同 sentence, in percent (see [`is_similar`]).
pub const MIN_SIMILARITY_PERCENT: usize = 90;
/// A 3-gram in more previous sentences than this finds no candidates.
pub const MAX_POSTINGS: usize = 256;
/// Candidates verified per sentence, at most.
pub const MAX_VERIFIED: usize = 16;
/// What every number becomes in a normalised sentence.
pub const NUMBER: char = '#';

const GRAM: usize = 3;
const TERMINATORS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];
/// Closing marks that belong to the sentence a terminator ends (`……。”`).
const CLOSERS: [char; 10] = ['”', '’', '」', '』', '）', ')', '》', '〉', '】', '"'];
const CHINESE_NUMERALS: &str = "〇零一二三四五六七八九十百千万亿两";

/// A sentence of a printed paragraph, exactly as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The printed paragraph's anchor id (paragraph, subsection or list item).
    pub anchor: String,
    /// Byte offset in the printed paragraph's text (see
    /// [`gir_model::report::Block::printed_paragraphs`]); always a char boundary.
    pub start: usize,
    /// Length in bytes.
    pub len: usize,
    /// `printed[start..start + len]`.
    pub text: String,
}

/// A report's narrative split into sentences and normalised, once per report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportText {
    pub report_id: String,
    /// Every sentence of every printed paragraph, in reading order.
    pub sentences: Vec<Sentence>,
    /// Each sentence normalised ([`normalise`]), same order.
    normalised: Vec<Vec<char>>,
    /// Characters of all printed paragraphs: what the share is a share of.
    pub narrative_chars: usize,
}

impl ReportText {
    pub fn new(report: &Report) -> ReportText {
        let mut sentences = Vec::new();
        let mut normalised = Vec::new();
        let mut narrative_chars = 0;
        for (_, anchor, printed) in report.printed_paragraphs() {
            narrative_chars += printed.chars().count();
            for range in split_sentences(&printed) {
                let text = &printed[range.clone()];
                normalised.push(normalise(text));
                sentences.push(Sentence {
                    anchor: anchor.to_string(),
                    start: range.start,
                    len: range.len(),
                    text: text.to_string(),
                });
            }
        }
        ReportText {
            report_id: report.id.clone(),
            sentences,
            normalised,
            narrative_chars,
        }
    }

    /// Whether sentence `i` is long enough to compare.
    fn compared(&self, i: usize) -> bool {
        self.normalised[i].len() >= MIN_SENTENCE_CHARS
    }
}

/// A sentence found in the previous report too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepeatedSentence {
    /// In the report examined.
    pub sentence: Sentence,
    /// The sentence of the previous report it repeats.
    pub previous: Sentence,
    /// Levenshtein distance between the normalised sentences.
    pub distance: usize,
    /// The longer normalised sentence's length, in characters.
    pub length: usize,
    /// The two are the same text as printed, numbers included.
    pub verbatim: bool,
}

impl RepeatedSentence {
    /// `1 − distance / length`, for display (the threshold is checked on
    /// integers, see [`is_similar`]).
    pub fn similarity(&self) -> f64 {
        similarity(self.distance, self.length)
    }
}

/// What a report repeats from its body's previous report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepeatedText {
    pub report_id: String,
    pub previous_id: String,
    /// In reading order.
    pub sentences: Vec<RepeatedSentence>,
    /// Characters of the repeated sentences, as printed.
    pub repeated_chars: usize,
    /// Characters of the report's printed paragraphs.
    pub narrative_chars: usize,
}

impl RepeatedText {
    /// `repeated_chars / narrative_chars` (0 for a report without text),
    /// for display.
    pub fn share(&self) -> f64 {
        if self.narrative_chars == 0 {
            0.0
        } else {
            self.repeated_chars as f64 / self.narrative_chars as f64
        }
    }
}

/// `1 − distance / length` (1 for two empty strings).
pub fn similarity(distance: usize, length: usize) -> f64 {
    if length == 0 {
        1.0
    } else {
        1.0 - distance as f64 / length as f64
    }
}

/// Whether `distance` edits over `length` characters (the longer string)
/// make a similarity of at least [`MIN_SIMILARITY_PERCENT`].
pub fn is_similar(distance: usize, length: usize) -> bool {
    distance.saturating_mul(100) <= length.saturating_mul(100 - MIN_SIMILARITY_PERCENT)
}

/// The most edits a pair whose longer string has `length` characters may
/// differ by and still be similar.
fn max_edits(length: usize) -> usize {
    length * (100 - MIN_SIMILARITY_PERCENT) / 100
}

/// The sentences of `current` that repeat one of `previous` (the same body's
/// report of the year before).
pub fn repeated_text(current: &ReportText, previous: &ReportText) -> RepeatedText {
    let index = Index::new(previous);
    let mut counts = vec![0u32; previous.sentences.len()];
    let mut found = Vec::new();
    for (i, sentence) in current.sentences.iter().enumerate() {
        if !current.compared(i) {
            continue;
        }
        let a = &current.normalised[i];
        if let Some((j, distance)) = index.best_match(a, &mut counts) {
            let other = &previous.sentences[j];
            found.push(RepeatedSentence {
                sentence: sentence.clone(),
                previous: other.clone(),
                distance,
                length: a.len().max(previous.normalised[j].len()),
                verbatim: sentence.text == other.text,
            });
        }
    }
    RepeatedText {
        report_id: current.report_id.clone(),
        previous_id: previous.report_id.clone(),
        repeated_chars: found.iter().map(|r| r.sentence.text.chars().count()).sum(),
        narrative_chars: current.narrative_chars,
        sentences: found,
    }
}

/// The previous report's sentences, by normalised text and by 3-gram.
struct Index<'p> {
    text: &'p ReportText,
    exact: HashMap<&'p [char], usize>,
    /// 3-gram → (sentence, how many times the sentence has it).
    postings: HashMap<u64, Vec<(u32, u32)>>,
}

impl<'p> Index<'p> {
    fn new(text: &'p ReportText) -> Index<'p> {
        let mut exact = HashMap::new();
        let mut postings: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
        for (j, normalised) in text.normalised.iter().enumerate() {
            if !text.compared(j) {
                continue;
            }
            exact.entry(normalised.as_slice()).or_insert(j);
            if normalised.len() <= MAX_FUZZY_CHARS {
                for (gram, count) in gram_counts(normalised) {
                    postings.entry(gram).or_default().push((j as u32, count));
                }
            }
        }
        Index {
            text,
            exact,
            postings,
        }
    }

    /// The previous sentence closest to `a` (normalised), if similar, with
    /// the distance. `counts` is scratch space, one zero per previous
    /// sentence, left zeroed.
    fn best_match(&self, a: &[char], counts: &mut [u32]) -> Option<(usize, usize)> {
        if let Some(&j) = self.exact.get(a) {
            return Some((j, 0));
        }
        if a.len() > MAX_FUZZY_CHARS {
            return None;
        }
        // Shared 3-grams per previous sentence, with multiplicity.
        let mut touched: Vec<usize> = Vec::new();
        let mut unused = 0usize;
        for (gram, count) in gram_counts(a) {
            let Some(list) = self.postings.get(&gram) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                unused += count as usize;
                continue;
            }
            for &(j, other) in list {
                let j = j as usize;
                if counts[j] == 0 {
                    touched.push(j);
                }
                counts[j] += count.min(other);
            }
        }
        let mut candidates: Vec<(u32, usize)> = Vec::new();
        for &j in &touched {
            let shared = std::mem::take(&mut counts[j]);
            let b = &self.text.normalised[j];
            let length = a.len().max(b.len());
            let k = max_edits(length);
            if a.len().abs_diff(b.len()) > k {
                continue;
            }
            // q-gram lemma: within k edits, at least this many are shared.
            let needed = (length + 1)
                .saturating_sub(GRAM)
                .saturating_sub(GRAM * k)
                .saturating_sub(unused);
            if shared as usize >= needed {
                candidates.push((shared, j));
            }
        }
        candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        candidates.truncate(MAX_VERIFIED);
        let mut best: Option<(usize, usize, usize)> = None; // (j, distance, length)
        for (_, j) in candidates {
            let b = &self.text.normalised[j];
            let length = a.len().max(b.len());
            let Some(distance) = bounded_levenshtein(a, b, max_edits(length)) else {
                continue;
            };
            // Closer = smaller distance / length; ties go to the earlier sentence.
            let closer = best.is_none_or(|(bj, bd, bl)| {
                let (ours, theirs) = (distance * bl, bd * length);
                ours < theirs || (ours == theirs && j < bj)
            });
            if closer {
                best = Some((j, distance, length));
            }
        }
        best.map(|(j, distance, _)| (j, distance))
    }
}

/// Each distinct 3-gram of `s` (three chars packed in 63 bits) with its count.
fn gram_counts(s: &[char]) -> Vec<(u64, u32)> {
    let mut grams: Vec<u64> = s
        .windows(GRAM)
        .map(|w| {
            w.iter()
                .fold(0u64, |key, &c| (key << 21) | u64::from(u32::from(c)))
        })
        .collect();
    grams.sort_unstable();
    let mut counts: Vec<(u64, u32)> = Vec::with_capacity(grams.len());
    for gram in grams {
        match counts.last_mut() {
            Some((last, count)) if *last == gram => *count += 1,
            _ => counts.push((gram, 1)),
        }
    }
    counts
}

/// The byte ranges of the sentences of `text`: split after each run of
/// terminators (`。！？；!?;`) and the closing marks after it, and at the
/// end; whitespace around a sentence left out, empty sentences dropped.
/// Every range starts and ends on a char boundary.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !TERMINATORS.contains(&c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some((j, d)) =
            chars.next_if(|(_, d)| TERMINATORS.contains(d) || CLOSERS.contains(d))
        {
            end = j + d.len_utf8();
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = range.start + (piece.len() - piece.trim_start().len());
        out.push(start..start + trimmed.len());
    }
}

/// A sentence as it is compared: whitespace dropped, full-width ASCII
/// folded, each number (digits, Chinese numerals) one [`NUMBER`].
pub fn normalise(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut chars = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_width)
        .peekable();
    let mut in_number = false;
    while let Some(c) = chars.next() {
        let separator = in_number
            && (c == '.' || c == ',')
            && chars.peek().is_some_and(|&next| is_numeral(next));
        if is_numeral(c) || separator {
            if !in_number {
                out.push(NUMBER);
                in_number = true;
            }
        } else {
            in_number = false;
            out.push(c);
        }
    }
    out
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || CHINESE_NUMERALS.contains(c)
}

/// The Levenshtein distance (insertions, deletions, substitutions of chars)
/// between `a` and `b` when it is at most `max`, else `None`; computed in a
/// band of `2·max + 1` diagonals, so in `O(max · min(|a|, |b|))`.
pub fn bounded_levenshtein(a: &[char], b: &[char], max: usize) -> Option<usize> {
    // `a` the shorter: the band runs along it.
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (n, m) = (a.len(), b.len());
    if m - n > max {
        return None;
    }
    let far = max + 1;
    let mut previous = vec![far; m + 1];
    let mut current = vec![far; m + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(max.min(m) + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let low = i.saturating_sub(max);
        let high = (i + max).min(m);
        // The cell left of the band holds a value of two rows ago: out of
        // reach now. (Right of the band, cells were never written: `far`.)
        if low > 0 {
            current[low - 1] = far;
        }
        let mut row_best = far;
        if low == 0 {
            current[0] = i;
            row_best = i;
        }
        for j in low.max(1)..=high {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let deletion = previous[j] + 1;
            let insertion = current[j - 1] + 1;
            let cell = substitution.min(deletion).min(insertion).min(far);
            current[j] = cell;
            row_best = row_best.min(cell);
        }
        if row_best > max {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[m]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The textbook full-matrix distance, to check the banded one against.
    pub(crate) fn levenshtein(a: &[char], b: &[char]) -> usize {
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

    #[test]
    fn banded_distance_matches_the_full_one_within_the_bound() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "kitten",
            "sitting",
            "政府信息公开",
            "政府公开信息",
            "信息公开政府",
            "公开",
            "abcdefghij",
            "bcdefghijk",
            "abcdefghijkl",
        ];
        for x in words {
            for y in words {
                let (a, b) = (chars(x), chars(y));
                let full = levenshtein(&a, &b);
                for max in 0..14 {
                    let expected = (full <= max).then_some(full);
                    assert_eq!(bounded_levenshtein(&a, &b, max), expected, "{x} {y} {max}");
                }
            }
        }
    }

    #[test]
    fn numbers_years_and_spaces_normalise_away() {
        let n = |s: &str| normalise(s).into_iter().collect::<String>();
        assert_eq!(n("2018年公开信息356条"), "#年公开信息#条");
        assert_eq!(n("２０１９年 公开信息 4,120.5 条"), "#年公开信息#条");
        assert_eq!(n("组织培训三次,受理二十二件"), "组织培训#次,受理#件");
        assert_eq!(n("二〇一九年"), "#年");
        // A comma or point not between digits stays.
        assert_eq!(n("共3,其中.5"), "共#,其中.#");
        assert_eq!(n("3.,"), "#.,");
    }

    #[test]
    fn sentences_split_after_terminators_with_their_closing_marks() {
        let text = "  第一句。第二句!“第三句?”第四句;尾巴  ";
        let pieces: Vec<&str> = split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            pieces,
            ["第一句。", "第二句!", "“第三句?”", "第四句;", "尾巴"]
        );
        assert!(split_sentences("   ").is_empty());
        assert_eq!(split_sentences("。。"), vec![Range { start: 0, end: 6 }]);
    }

    /// The text of a report with one paragraph of these sentences.
    fn text_of(id: &str, sentences: &[String]) -> ReportText {
        use gir_model::report::{Block, Metadata, Paragraph, ReportFormat, Section};
        ReportText::new(&Report {
            id: id.into(),
            format: ReportFormat::Narrative,
            meta: Metadata::default(),
            title: "某局2019年度报告".into(),
            preamble: Vec::new(),
            sections: vec![Section {
                id: "sec-1".into(),
                label: "一、".into(),
                title: "总体情况".into(),
                blocks: vec![Block::Paragraph(Paragraph {
                    id: "p".into(),
                    text: sentences.concat(),
                })],
            }],
            figures: Vec::new(),
            figure_candidates: Default::default(),
            charts: Vec::new(),
        })
    }

    fn found(current: &ReportText, previous: &ReportText) -> Vec<(String, usize)> {
        repeated_text(current, previous)
            .sentences
            .into_iter()
            .map(|r| (r.previous.text, r.distance))
            .collect()
    }

    #[test]
    fn sentences_past_the_fuzzy_limit_are_matched_only_when_identical() {
        let long: String = "政府信息公开工作".repeat(150) + "。";
        assert!(normalise(&long).len() > MAX_FUZZY_CHARS);
        let previous = text_of("a", std::slice::from_ref(&long));
        let same = text_of("b", &[long.replace("工作。", "工作。 ")]);
        assert_eq!(found(&same, &previous), [(long.clone(), 0)]);
        let one_changed = text_of("c", &[long.replacen("政府", "政务", 1)]);
        assert_eq!(found(&one_changed, &previous), []);
    }

    #[test]
    fn common_three_grams_lower_the_count_filter_instead_of_losing_the_match() {
        // Twenty characters, none a numeral.
        let copied = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。";
        let prefix: String = copied.chars().take(15).collect();
        // Past MAX_POSTINGS sentences share the first fifteen characters,
        // so those 3-grams find no candidates (nor do the sentences, which
        // share nothing else).
        let mut sentences: Vec<String> = (0..MAX_POSTINGS as u32 + 44)
            .map(|k| {
                let unique: String = [0x6000 + 2 * k, 0x6001 + 2 * k]
                    .iter()
                    .filter_map(|&c| char::from_u32(c))
                    .collect();
                format!("{prefix}{unique}乾坤坎离巽。")
            })
            .collect();
        sentences.push(copied.to_string());
        let previous = text_of("a", &sentences);
        let current = text_of(
            "b",
            &["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未戌酉。".to_string()],
        );
        assert_eq!(found(&current, &previous), [(copied.to_string(), 1)]);
    }

    #[test]
    fn three_grams_in_too_many_sentences_find_no_candidates() {
        // About 200 KB of ten-character sentences over four characters:
        // every 3-gram is in hundreds of sentences, past MAX_POSTINGS, so
        // none is followed. What is found is what the hash finds: the
        // identical sentences (a near copy here goes unreported, as the
        // module says of text built to reach the limits).
        let mut state = 12345u32;
        let mut sentence = || -> String {
            (0..10)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ['甲', '乙', '丙', '丁'][(state >> 16) as usize % 4]
                })
                .chain(['。'])
                .collect()
        };
        let previous: Vec<String> = (0..6000).map(|_| sentence()).collect();
        let current: Vec<String> = (0..6000).map(|_| sentence()).collect();
        let identical = current.iter().filter(|s| previous.contains(s)).count();
        assert!(identical > 10, "{identical}");
        let (previous, current) = (text_of("a", &previous), text_of("b", &current));
        let started = std::time::Instant::now();
        let found = repeated_text(&current, &previous);
        let took = started.elapsed();
        assert!(took.as_secs() < 5, "{took:?}");
        assert_eq!(found.sentences.len(), identical);
        assert!(found.sentences.iter().all(|r| r.verbatim));
    }

    #[test]
    fn the_threshold_is_ninety_percent_on_integers() {
        assert!(is_similar(0, 0));
        assert!(is_similar(1, 10));
        assert!(!is_similar(2, 19));
        assert!(is_similar(2, 20));
        assert!(!is_similar(1, 9));
        assert_eq!(max_edits(19), 1);
        assert_eq!(max_edits(20), 2);
        assert!((similarity(1, 10) - 0.9).abs() < 1e-12);
    }
}
