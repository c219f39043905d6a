//! The body's items: page numbers and portal chrome dropped, a wrapped
//! text's lines joined back into paragraphs, tables passed on as they are.

use super::header::is_chrome;
use super::structure::{ends_sentence, is_digit, section_heading, starts_structure};
use super::{Account, DropKind, Grid, Line, Piece};

/// Lines of a wrapped text (a PDF's) are at most this wide (a CJK
/// character counts 2): 80 characters.
const MAX_WRAP_WIDTH: usize = 160;

/// An item of the body, in reading order.
#[derive(Clone, Debug)]
pub(super) enum Item {
    Para(Para),
    Table(Grid),
}

/// A paragraph of the body (a PDF's wrapped lines joined), with the input
/// line it starts on.
#[derive(Clone, Debug)]
pub(super) struct Para {
    pub(super) line: usize,
    pub(super) text: String,
}

/// Display width: a CJK or other non-ASCII character takes two columns.
pub(super) fn width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// `- 3 -`, `第3页`, `第 3 页 共 9 页`, `3/9`, and (when `bare`) `3`.
pub(super) fn is_page_number(text: &str, bare: bool) -> bool {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let number = |s: &str| (1..=4).contains(&s.chars().count()) && s.chars().all(is_digit);
    let dashes = ['-', '—', '–', '\u{FF0D}', '‒'];
    if let Some(inner) = s
        .strip_prefix(dashes)
        .and_then(|inner| inner.strip_suffix(dashes))
    {
        return number(inner);
    }
    if let Some(inner) = s.strip_prefix('第') {
        let (page, total) = match inner.split_once('页') {
            Some((page, total)) => (page, total),
            None => return false,
        };
        if !number(page) {
            return false;
        }
        let total = total.trim_start_matches([',', '\u{FF0C}', '/', '、']);
        return total.is_empty()
            || total
                .strip_prefix('共')
                .and_then(|t| t.strip_suffix('页'))
                .is_some_and(number);
    }
    if let Some((page, total)) = s.split_once('/') {
        return number(page) && number(total);
    }
    bare && s.chars().count() <= 3 && number(&s)
}

/// The body's items: page numbers and chrome lines dropped, a wrapped
/// text's lines joined (where `may_wrap`), tables as they are.
pub(super) fn body_items(
    body: &[Piece],
    has_tables: bool,
    may_wrap: bool,
    account: &mut Account,
) -> Vec<Item> {
    // Without page numbers and chrome; the blank lines around a page number
    // go with it (they are the page break's, not the text's).
    let mut kept: Vec<&Piece> = Vec::new();
    let mut after_page_number = false;
    for piece in body {
        let line = match piece {
            Piece::Line(line) => line,
            Piece::Table(_) => {
                after_page_number = false;
                kept.push(piece);
                continue;
            }
        };
        let text = line.text.as_str();
        if text.is_empty() {
            if !after_page_number {
                kept.push(piece);
            }
            continue;
        }
        if is_page_number(text, !has_tables) {
            account.drop(line.no, text, DropKind::PageNumber);
            account.notice(Some(line.no), format!("dropped the page number “{text}”"));
            while kept
                .last()
                .is_some_and(|p| matches!(p, Piece::Line(l) if l.text.is_empty()))
            {
                kept.pop();
            }
            after_page_number = true;
            continue;
        }
        after_page_number = false;
        if is_chrome(text) {
            account.drop(line.no, text, DropKind::Chrome);
            account.notice(Some(line.no), format!("dropped portal chrome “{text}”"));
            continue;
        }
        kept.push(piece);
    }
    let lines = || {
        kept.iter().filter_map(|piece| match piece {
            Piece::Line(line) => Some(line),
            Piece::Table(_) => None,
        })
    };

    let widths: Vec<usize> = lines()
        .filter(|l| !l.text.is_empty())
        .map(|l| width(&l.text))
        .collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    let full = max * 85 / 100;
    let full_lines = widths.iter().filter(|w| **w >= full).count();
    let wrapped = may_wrap
        && max > 0
        && max <= MAX_WRAP_WIDTH
        && full_lines >= 3
        && full_lines * 5 >= widths.len();
    // Paragraphs begin indented: then a full line that ends a sentence may
    // still go on, on a line that is not indented.
    let indents = wrapped && lines().filter(|l| l.indented).count() >= 3;

    let mut items: Vec<Item> = Vec::new();
    // The line before, if it was full and not a heading: whether it ended a
    // sentence.
    let mut open: Option<bool> = None;
    let mut joined = 0;
    for piece in kept {
        let line: &Line = match piece {
            Piece::Line(line) => line,
            Piece::Table(grid) => {
                items.push(Item::Table(grid.clone()));
                open = None;
                continue;
            }
        };
        let text = line.text.as_str();
        if text.is_empty() {
            open = None;
            continue;
        }
        let is_full = width(text) >= full;
        // Where indents mark paragraphs, a line that is not indented goes on
        // with the paragraph unless it is a section heading, whatever it
        // starts with (a wrapped `…二是…` may put 二是 first on a line).
        let starts_own = match indents {
            true => line.indented || section_heading(text).is_some(),
            false => starts_structure(text),
        };
        let continues = match open {
            _ if !wrapped || starts_own => false,
            None => false,
            Some(false) => true,
            // A sentence ended at the line's end: the paragraph goes on only
            // where indents mark paragraphs, and not into a short line that
            // ends no sentence (a signature, a date).
            Some(true) => indents && (is_full || ends_sentence(text)),
        };
        match items.last_mut() {
            Some(Item::Para(last)) if continues => {
                // A Latin text's lines break at spaces; a number split over
                // two lines (`2` / `017`) is one number.
                let ascii_words = last.text.ends_with(|c: char| c.is_ascii_alphabetic())
                    && text.starts_with(|c: char| c.is_ascii_alphabetic());
                if ascii_words {
                    last.text.push(' ');
                }
                last.text.push_str(text);
                joined += 1;
            }
            _ => items.push(Item::Para(Para {
                line: line.no,
                text: text.to_string(),
            })),
        }
        open = (is_full && section_heading(text).is_none()).then(|| ends_sentence(text));
    }
    if joined > 0 {
        account.notice(
            None,
            format!(
                "joined {joined} wrapped line(s) to the line before them (the text is wrapped \
                 at about {} characters, as a PDF's is): check the paragraphs",
                max / 2
            ),
        );
    }
    items
}
