//! Text made safe inside markup. The one escaper of the project: chart SVGs
//! (built by the compile crate) and pages (built by the prerender step) both
//! use it, so no second variant can miss a character.

/// `text` as the content of an HTML/XML element or a double-quoted
/// attribute value: `&`, `<`, `>`, `"` and `'` become references.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references_and_the_rest_stays() {
        assert_eq!(
            markup(r#"<a href="x" title='y'>&amp;</a> 南芬区"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; 南芬区"
        );
        assert_eq!(markup("2017年度"), "2017年度");
    }
}
