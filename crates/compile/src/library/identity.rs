//! Which body (机关, 部门) published a report, and for which year: the
//! identity that places a report in a portal's library.
//!
//! - The **body** is `meta.publisher` when it is set, else the title's text
//!   before its year (`南芬区` in `南芬区2017年度政府信息公开工作报告`).
//! - The **year** is the one the report covers, read from the title
//!   (`2017年度`, `2021年`, `二〇二一年`), never the publish date (a report on
//!   2017 is published in 2018).
//!
//! Both are kept as printed for display; only the grouping uses a normalised
//! key ([`grouping_key`]: whitespace dropped, full-width letters, digits and
//! punctuation folded to ASCII), so `示例县人民政府(样例)` and
//! `示例县人民政府 (样例)` are one body.
//!
//! A library holds one report per body and year: two datasets claiming the
//! same body and year, or the same report id, are an error naming both files.

use crate::numerals::{arabic_digit, chinese_digit};
use crate::text::printable;
use gir_model::report::{Report, ReportFormat};
use std::collections::HashMap;
use std::fmt;

/// The earliest report year accepted (the 条例 took effect in 2008; older
/// years are allowed for bodies that reported before it).
pub const MIN_YEAR: u16 = 1990;
/// The latest report year accepted.
pub const MAX_YEAR: u16 = 2099;

/// A report of the library, as the catalogue lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Position of the report in the slice the catalogue was made from.
    pub index: usize,
    pub id: String,
    /// The body as printed: `meta.publisher`, else the title before the year.
    pub body: String,
    /// `body` normalised for grouping only, never shown (see [`grouping_key`]).
    pub body_key: String,
    /// The year the report covers.
    pub year: u16,
    pub format: ReportFormat,
    /// The title as printed.
    pub title: String,
    /// The dataset file, as given to [`catalogue`].
    pub file: String,
}

/// Every report of a library, sorted by body (its grouping key) then year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    pub entries: Vec<Entry>,
}

/// One body's reports: a run of the catalogue, oldest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Body<'a> {
    /// The grouping key (see [`grouping_key`]).
    pub key: &'a str,
    /// The body as its most recent report prints it.
    pub name: &'a str,
    /// Its reports, oldest first (never empty).
    pub entries: &'a [Entry],
}

impl Body<'_> {
    pub fn first_year(&self) -> u16 {
        self.entries.first().map_or(0, |e| e.year)
    }

    pub fn last_year(&self) -> u16 {
        self.entries.last().map_or(0, |e| e.year)
    }
}

impl Catalogue {
    /// Every body, in catalogue order.
    pub fn bodies(&self) -> Vec<Body<'_>> {
        self.entries
            .chunk_by(|a, b| a.body_key == b.body_key)
            .map(body_of_run)
            .collect()
    }

    /// The body with this grouping key.
    pub fn body(&self, key: &str) -> Option<Body<'_>> {
        let start = self.entries.partition_point(|e| e.body_key.as_str() < key);
        let len = self.entries[start..]
            .iter()
            .take_while(|e| e.body_key == key)
            .count();
        (len > 0).then(|| body_of_run(&self.entries[start..start + len]))
    }

    /// The report of a body (by grouping key) for a year.
    pub fn find(&self, body_key: &str, year: u16) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| (e.body_key.as_str(), e.year).cmp(&(body_key, year)))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// The report with this id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The same body's report for the year before `entry`'s.
    pub fn previous(&self, entry: &Entry) -> Option<&Entry> {
        self.find(&entry.body_key, entry.year.checked_sub(1)?)
    }

    /// The years any report covers, ascending.
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = self.entries.iter().map(|e| e.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The reports of one year, in catalogue order (by body).
    pub fn in_year(&self, year: u16) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.year == year)
    }
}

fn body_of_run(run: &[Entry]) -> Body<'_> {
    Body {
        key: &run[0].body_key,
        name: &run[run.len() - 1].body,
        entries: run,
    }
}

/// Why a report cannot be placed in the library, with its file (and the
/// other file, when two datasets collide).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    pub file: String,
    /// The dataset this one collides with, when it does.
    pub other_file: Option<String>,
    /// What is wrong; names the other file too.
    pub message: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Printed into build output: nothing in it may start a new line.
        write!(f, "{}: {}", printable(&self.file), printable(&self.message))
    }
}

/// The catalogue of `reports` (`(file, report)` pairs), or every report that
/// cannot be placed: a title without a year, no body, and each pair of
/// datasets with the same body and year or the same id (named at the later
/// file, with the earlier one).
pub fn catalogue(reports: &[(&str, &Report)]) -> Result<Catalogue, Vec<CatalogueError>> {
    let mut errors = Vec::new();
    let mut entries = Vec::with_capacity(reports.len());
    let mut by_place: HashMap<(String, u16), usize> = HashMap::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (index, (file, report)) in reports.iter().enumerate() {
        let error = |message: String, other_file: Option<&str>| CatalogueError {
            file: file.to_string(),
            other_file: other_file.map(str::to_string),
            message,
        };
        if let Some(&first) = by_id.get(report.id.as_str()) {
            let other = reports[first].0;
            errors.push(error(
                format!(
                    "report id \"{}\" is also the id of {other}: a report's id names its page, so each report of a library needs its own",
                    report.id
                ),
                Some(other),
            ));
        } else {
            by_id.insert(&report.id, index);
        }
        let Some(year) = report_year(&report.title) else {
            errors.push(error(
                format!(
                    "no report year in the title “{}”: a title states the year it reports on ({MIN_YEAR}–{MAX_YEAR}, as in 2017年度 or 2021年)",
                    report.title
                ),
                None,
            ));
            continue;
        };
        let Some(body) = body_of(report) else {
            errors.push(error(
                format!(
                    "no body: meta.publisher is empty and the title “{}” names none before its year",
                    report.title
                ),
                None,
            ));
            continue;
        };
        let body_key = grouping_key(&body);
        if let Some(&first) = by_place.get(&(body_key.clone(), year)) {
            let (other, other_report) = reports[first];
            errors.push(error(
                format!(
                    "report \"{}\" is a second report of “{body}” for {year}: {other} (report \"{}\") is one already; a body publishes one annual report a year (remove one, or correct its publisher or title)",
                    report.id, other_report.id
                ),
                Some(other),
            ));
            continue;
        }
        by_place.insert((body_key.clone(), year), index);
        entries.push(Entry {
            index,
            id: report.id.clone(),
            body,
            body_key,
            year,
            format: report.format,
            title: report.title.clone(),
            file: file.to_string(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    entries.sort_by(|a, b| (&a.body_key, a.year).cmp(&(&b.body_key, b.year)));
    Ok(Catalogue { entries })
}

/// The body as printed: `meta.publisher` trimmed, else the title before its
/// year, trimmed; `None` when both are empty.
pub fn body_of(report: &Report) -> Option<String> {
    let publisher = report.meta.publisher.trim();
    if !publisher.is_empty() {
        return Some(publisher.to_string());
    }
    let (start, _) = year_in_title(&report.title)?;
    let before = report.title[..start].trim();
    (!before.is_empty()).then(|| before.to_string())
}

/// The year a title reports on: the first four digits (ASCII, full-width,
/// or Chinese `〇`–`九`) followed by `年`, within [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn report_year(title: &str) -> Option<u16> {
    year_in_title(title).map(|(_, year)| year)
}

/// The byte offset where the title's year starts, and the year.
fn year_in_title(title: &str) -> Option<(usize, u16)> {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    let digit = |c: char| year_digit(c);
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|(_, c)| digit(*c).is_some())
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        let followed_by_year = chars.get(i + run).is_some_and(|(_, c)| *c == '年');
        if run == 4 && followed_by_year {
            let year = chars[i..i + 4]
                .iter()
                .fold(0u16, |y, (_, c)| y * 10 + digit(*c).unwrap_or(0));
            if (MIN_YEAR..=MAX_YEAR).contains(&year) {
                return Some((chars[i].0, year));
            }
        }
        i += run;
    }
    None
}

/// A digit of a written year: ASCII, full-width, or Chinese (`〇`, `零`–`九`;
/// `两` is never one).
fn year_digit(c: char) -> Option<u16> {
    let value = match c {
        '〇' => Some(0),
        '两' => None,
        _ => arabic_digit(c)
            .and_then(|d| d.to_digit(10))
            .map(u64::from)
            .or_else(|| chinese_digit(c)),
    };
    value.and_then(|v| u16::try_from(v).ok())
}

/// A body's name as the library groups it, never shown: whitespace (ASCII
/// and the ideographic space) dropped, full-width ASCII forms (`(`, `Ａ`,
/// `１`) folded to ASCII.
pub fn grouping_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_width)
        .collect()
}

/// A full-width ASCII form (U+FF01–U+FF5E) as its ASCII character.
pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_is_the_reported_one_in_the_title() {
        assert_eq!(
            report_year("南芬区2017年度政府信息公开工作报告"),
            Some(2017)
        );
        assert_eq!(
            report_year("示例县人民政府2021年政府信息公开工作年度报告(样例)"),
            Some(2021)
        );
        assert_eq!(
            report_year("某局２０１９年政府信息公开工作年度报告"),
            Some(2019)
        );
        assert_eq!(
            report_year("某局二〇一八年度政府信息公开工作报告"),
            Some(2018)
        );
        // Not four digits before 年, or out of range: not a report year.
        assert_eq!(report_year("某局12017年报告"), None);
        assert_eq!(report_year("某局20172年报告"), None);
        assert_eq!(report_year("某局第2017号报告"), None);
        assert_eq!(report_year("某局1066年报告"), None);
        assert_eq!(report_year("某局一二三四年报告"), None);
        // The first year wins; a later one is a date in the title.
        assert_eq!(report_year("某局2017年度报告(2018年3月发布)"), Some(2017));
        assert_eq!(report_year("某局两〇一七年报告 2016年"), Some(2016));
        assert_eq!(report_year(""), None);
    }

    #[test]
    fn grouping_folds_width_and_drops_spaces() {
        assert_eq!(
            grouping_key(" 示例县人民政府\u{3000}（样例） "),
            grouping_key("示例县人民政府(样例)")
        );
        assert_eq!(grouping_key("Ａ局１"), "A局1");
        assert_ne!(grouping_key("示例县"), grouping_key("示例市"));
    }
}
