//! The viewer's stylesheet as a page carries it (native, `ssr` feature): the
//! rules a screen needs, inline in the page's first response, and the print
//! rules in a file the page links for print only.
//!
//! Why: a linked stylesheet blocks the first paint until a second request
//! has come back (on a slow phone, one round trip more before any text
//! shows), while a stylesheet for `media="print"` blocks nothing. The inline
//! part is the same text on every page of every build of this version, so a
//! page's Content-Security-Policy allows it by one hash
//! ([`csp_hash_source`]) and needs no `'unsafe-inline'`.
//!
//! The input is the project's own `assets/viewer.css`, never report text:
//! the printed running titles, which hold report text, are written apart
//! (`page::print_title_css`) and only ever go into the print file.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The stylesheet in its two parts, each minified ([`minify`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitStylesheet {
    /// Every rule but the print ones, in their order: what the first paint
    /// of a screen needs.
    pub screen: String,
    /// The top-level `@media print { … }` blocks and `@page` rules, in
    /// their order.
    pub print: String,
}

/// Splits `css` into its screen and print parts. Comments go; every other
/// top-level statement goes, whole and in order, to one of the two, so
/// the screen part followed by the print part holds every rule of `css`
/// once (a print rule then comes after every screen rule, which is where
/// the file puts each one relative to the screen rules it overrides).
/// Errors on CSS that does not close what it opens.
pub fn split(css: &str) -> Result<SplitStylesheet, String> {
    let mut screen = String::new();
    let mut print = String::new();
    for statement in top_level_statements(css)? {
        let prelude = statement
            .split('{')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let is_print = prelude == "@media print" || prelude.starts_with("@page");
        let part = if is_print { &mut print } else { &mut screen };
        part.push_str(&minify(&statement));
    }
    if screen.contains("</") || print.contains("</") {
        // The screen part goes inside a <style> element, which "</style"
        // would end: never the case in the project's own stylesheet.
        return Err("the stylesheet holds \"</\", which cannot go inside <style>".to_string());
    }
    Ok(SplitStylesheet { screen, print })
}

/// `css` minified whole, for a page that inlines all of it (the library's
/// pages): its screen rules, then its print rules ([`split`]).
pub fn minified(css: &str) -> Result<String, String> {
    let split = split(css)?;
    Ok(split.screen + &split.print)
}

/// The top-level statements of `css` (rules, at-rules with their blocks,
/// `@import`-like statements up to their `;`), comments removed.
fn top_level_statements(css: &str) -> Result<Vec<String>, String> {
    let mut statements = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut closed = false;
                while let Some(c) = chars.next() {
                    if c == '*' && chars.peek() == Some(&'/') {
                        chars.next();
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return Err("the stylesheet has a comment that is never closed".to_string());
                }
                // A comment separates tokens as whitespace does.
                current.push(' ');
            }
            '"' | '\'' => {
                current.push(c);
                if !copy_string_rest(&mut chars, c, &mut current) {
                    return Err("the stylesheet has a string that is never closed".to_string());
                }
            }
            '{' => {
                depth += 1;
                current.push(c);
            }
            '}' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or("the stylesheet closes a block it never opened")?;
                current.push(c);
                if depth == 0 {
                    statements.push(std::mem::take(&mut current));
                }
            }
            ';' if depth == 0 => {
                current.push(c);
                statements.push(std::mem::take(&mut current));
            }
            c => current.push(c),
        }
    }
    if depth != 0 {
        return Err("the stylesheet leaves a block open".to_string());
    }
    if !current.trim().is_empty() {
        return Err(format!(
            "the stylesheet ends inside a statement: {:?}",
            current.trim()
        ));
    }
    Ok(statements
        .into_iter()
        .map(|s| s.trim().to_string())
        .collect())
}

/// CSS (comments already removed) with every run of whitespace outside
/// strings made one space, and none left next to `{`, `}`, `;` or after
/// `,`, where it never means anything. Whitespace between two other
/// characters stays: it can be a descendant combinator (`.gir :where(p)`).
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut pending_space = false;
    let mut chars = css.chars();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';');
        if pending_space {
            let previous = out.chars().last();
            if !tight(c) && !previous.is_some_and(|p| tight(p) || p == ',') {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
        if c == '"' || c == '\'' {
            copy_string_rest(&mut chars, c, &mut out);
        }
    }
    out
}

/// Copies the rest of a CSS string opened by `quote` from `chars` to `out`,
/// its closing quote included: an escaped character, whatever it is, is
/// copied with its backslash and ends nothing. False when the text ends
/// before the string does.
fn copy_string_rest(chars: &mut impl Iterator<Item = char>, quote: char, out: &mut String) -> bool {
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            if let Some(escaped) = chars.next() {
                out.push(escaped);
            }
        } else if c == quote {
            return true;
        }
    }
    false
}

/// The Content-Security-Policy source that allows an inline `<style>`
/// whose text is exactly `text`: `'sha256-…'`, for `style-src`.
pub fn csp_hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_blocks_and_page_rules_go_to_the_print_part_in_order() {
        let css = "/* { a comment with a brace */\n.gir a { color: red; }\n\
                   @media print {\n  .gir a { color: black; }\n}\n\
                   @media (max-width: 40em) { .gir p { margin: 0 } }\n\
                   @page { size: A4; @top-center { content: \"}\"; } }\n\
                   .gir b::before { content: '/* not a comment */'; }\n";
        let split = split(css).unwrap();
        assert_eq!(
            split.screen,
            ".gir a{color: red;}@media (max-width: 40em){.gir p{margin: 0}}\
             .gir b::before{content: '/* not a comment */';}"
        );
        assert_eq!(
            split.print,
            "@media print{.gir a{color: black;}}@page{size: A4;@top-center{content: \"}\";}}"
        );
    }

    #[test]
    fn whitespace_that_is_a_combinator_stays() {
        let split = split(".gir :where(*:not(svg, svg *)) > p  a { margin : 0 }").unwrap();
        assert_eq!(
            split.screen,
            ".gir :where(*:not(svg,svg *)) > p a{margin : 0}"
        );
    }

    #[test]
    fn strings_keep_their_spaces_and_escaped_quotes() {
        let split = split(".a::after { content: \"x  \\\"  }\"; }").unwrap();
        assert_eq!(split.screen, ".a::after{content: \"x  \\\"  }\";}");
    }

    #[test]
    fn unbalanced_css_is_an_error() {
        for css in [
            ".a { color: red;",
            ".a { } }",
            "/* open",
            ".a { content: \"x }",
        ] {
            assert!(split(css).is_err(), "{css}");
        }
        assert!(split(".a::after { content: \"</style>\"; }").is_err());
    }

    #[test]
    fn the_hash_source_is_sha256_in_base64() {
        // printf 'abc' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            csp_hash_source("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
    }
}
