//! The viewer's own stylesheet split into the pages' inline screen rules and
//! their linked print rules, read back by a CSS tokenizer as a browser reads
//! it: nothing is lost, altered or moved to the wrong part.

use cssparser::{Parser, Token};
use gir_site::stylesheet;
use std::collections::BTreeMap;

const VIEWER_CSS: &str = include_str!("../../../assets/viewer.css");

/// Every token of `css` but whitespace and comments, at every depth, as
/// text, with how often each occurs; and the top-level at-rules' names.
fn tokens(css: &str) -> (BTreeMap<String, usize>, Vec<String>) {
    fn walk(
        parser: &mut Parser,
        depth: usize,
        counts: &mut BTreeMap<String, usize>,
        at: &mut Vec<String>,
    ) {
        while let Ok(token) = parser.next() {
            let token = token.clone();
            if let (0, Token::AtKeyword(name)) = (depth, &token) {
                at.push(name.to_string());
            }
            *counts.entry(format!("{token:?}")).or_default() += 1;
            if matches!(
                token,
                Token::CurlyBracketBlock
                    | Token::SquareBracketBlock
                    | Token::ParenthesisBlock
                    | Token::Function(_)
            ) {
                parser
                    .parse_nested_block(|inner| {
                        walk(inner, depth + 1, counts, at);
                        Ok::<(), cssparser::ParseError<()>>(())
                    })
                    .unwrap();
            }
        }
    }
    let mut parser = Parser::new(css);
    let mut counts = BTreeMap::new();
    let mut at = Vec::new();
    walk(&mut parser, 0, &mut counts, &mut at);
    (counts, at)
}

#[test]
fn the_two_parts_hold_every_token_of_the_stylesheet_once() {
    let split = stylesheet::split(VIEWER_CSS).unwrap();
    let (original, _) = tokens(VIEWER_CSS);
    let (mut parts, screen_at_rules) = tokens(&split.screen);
    let (print, print_at_rules) = tokens(&split.print);
    for (token, count) in print {
        *parts.entry(token).or_default() += count;
    }
    assert_eq!(parts, original);
    // The print part is the print blocks and the page rules, and the
    // screen part has none of them.
    assert!(
        print_at_rules
            .iter()
            .all(|name| name == "media" || name == "page"),
        "{print_at_rules:?}"
    );
    assert!(print_at_rules.contains(&"page".to_string()));
    assert!(!screen_at_rules.contains(&"page".to_string()));
    assert!(!split.screen.contains("@media print"), "{}", split.screen);
    assert!(split.print.matches("@media print").count() >= 10);
    // Minified: no comment, no line break, much smaller than the file.
    assert!(!split.screen.contains("/*") && !split.screen.contains('\n'));
    assert!(
        split.screen.len() < VIEWER_CSS.len() * 2 / 3,
        "{}",
        split.screen.len()
    );
}

#[test]
fn the_isolation_rule_keeps_its_descendant_combinator() {
    let split = stylesheet::split(VIEWER_CSS).unwrap();
    assert!(
        split.screen.contains(".gir :where(*:not(svg,svg *)){"),
        "{}",
        split.screen
    );
}
