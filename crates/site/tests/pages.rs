//! The prerendered page: every heading, paragraph and chart is in the HTML
//! before any script runs, and the document is CSP-clean with relative URLs.
use gir::embedded::{SharedPage, SharedReport};
use gir::state::FontSize;
use gir_site::page::{self, LinkedFile, PageAssets, ReportFiles};

/// The seed, compiled as a build compiles it.
fn seed() -> SharedReport {
    SharedReport::new(gir_site::seed::compiled())
}

/// The seed's page, as its data file holds it.
fn seed_page() -> SharedPage {
    SharedPage::new(gir_compile::page::page_report(&seed()))
}

fn seed_body_lines() -> Vec<String> {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/seed-nanfen-2017.txt"
    ))
    .unwrap();
    let lines: Vec<&str> = seed.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("发布时间"))
        .unwrap()
        + 1;
    lines[start..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.to_string())
        .collect()
}

/// The text a reader sees: tags dropped, then entities decoded.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn render() -> String {
    futures::executor::block_on(page::render_report(seed_page(), FontSize::Medium))
}

#[test]
fn prerendered_html_holds_every_heading_and_paragraph() {
    let html = render();
    let text = visible_text(&html);
    for line in seed_body_lines() {
        assert!(
            text.contains(&line),
            "missing from prerendered HTML: {line}"
        );
    }
    assert!(html.contains("id=\"nanfen-2017-title\" class=\"gir-report__title\">南芬区2017年度政府信息公开工作报告</h1>"), "{html}");
    assert_eq!(html.matches("<h2 ").count(), 9, "nine section headings");
    // Three bar charts, each of one unit; the “5·15”, 政务服务 and zero
    // figures stated in boxes.
    assert_eq!(html.matches("class=\"gir-chart\"").count(), 3);
    assert_eq!(html.matches("<svg ").count(), 3);
    assert_eq!(html.matches("class=\"gir-facts\"").count(), 3);
}

#[test]
fn prerendered_html_escapes_the_reports_angle_brackets() {
    // The seed quotes 《…<2017年政务公开工作要点>…》 with ASCII brackets.
    let html = render();
    assert!(html.contains("&lt;2017年政务公开工作要点&gt;"));
    assert!(!html.contains("<2017年"));
}

#[test]
fn an_app_without_its_report_renders_an_error_not_a_blank_page() {
    use gir::app::{App, AppProps};
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(AppProps {
            report_id: "no-such-report".into(),
            ..AppProps::default()
        })
        .render(),
    );
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(
        visible_text(&html).contains("没有编号为“no-such-report”的报告"),
        "{html}"
    );
}

#[test]
fn document_uses_relative_urls_external_scripts_and_integrity() {
    let assets = PageAssets {
        screen_css: ".gir{color:red}".to_string(),
        glue: LinkedFile::new("viewer-1.js", b"js"),
        boot: LinkedFile::new("boot-1.js", b"boot"),
        wasm: LinkedFile::new("viewer-1_bg.wasm", b"wasm"),
    };
    let data = LinkedFile::new("data/nanfen-2017.0123456789abcdef.bin", b"report");
    let (print_stylesheet, print_css) =
        page::print_stylesheet("nanfen-2017", "标题", "@media print{.gir{color:black}}");
    let files = ReportFiles {
        data: data.clone(),
        hydration_data: LinkedFile::new("data/nanfen-2017.fedcba9876543210.bin", b"hydration"),
        print_stylesheet,
    };
    let html = page::document(
        "标题",
        &page::report_mount_element("nanfen-2017", FontSize::Large, &files, "<p>x</p>"),
        &assets,
        &files,
    );
    assert!(!html.contains("=\"/"), "no absolute path: {html}");
    // One inline style: the screen rules, first in the head, so the first
    // paint waits for no other request; its hash is what a policy allows.
    assert_eq!(html.matches("<style").count(), 1, "{html}");
    assert!(html.contains("<style>.gir{color:red}</style>"), "{html}");
    assert_eq!(
        assets.style_hash_source(),
        gir_site::stylesheet::csp_hash_source(".gir{color:red}")
    );
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert_eq!(scripts.len(), 1, "the boot module: {html}");
    for script in scripts {
        assert!(
            script.trim_start().starts_with("type=\"module\" src=\"./"),
            "external scripts only: {script}"
        );
        assert!(script.contains("integrity=\"sha384-"), "{script}");
    }
    // Everything that runs or styles is checked: the print stylesheet, the
    // glue (its modulepreload) and the boot module here; the wasm and the
    // report's data by the boot module.
    for link in ["rel=\"stylesheet\"", "rel=\"modulepreload\""] {
        let tag = html
            .split('<')
            .find(|tag| tag.contains(link))
            .unwrap_or_else(|| panic!("no {link} in {html}"));
        assert!(tag.contains("integrity=\"sha384-"), "{tag}");
    }
    // The print stylesheet holds the print rules and this report's running
    // title, is named by its content, and is linked for print only.
    assert!(
        print_css.starts_with("@media print{.gir{color:black}}"),
        "{print_css}"
    );
    assert!(print_css.contains("@page gir-nanfen-2017 { @top-center { content: \"标题\"; } }"));
    assert!(
        files.print_stylesheet.name.starts_with("data/nanfen-2017.")
            && files.print_stylesheet.name.ends_with(".print.css"),
        "{}",
        files.print_stylesheet.name
    );
    // The order the first paint wants: the inline style, then the wasm and
    // the data that takes the prerendered mount over preloaded before the
    // boot module that fetches them,
    // and last the print stylesheet, which no screen waits for.
    let in_order = [
        "<style>".to_string(),
        "<link rel=\"preload\" href=\"./viewer-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>".to_string(),
        "<link rel=\"preload\" href=\"./data/nanfen-2017.fedcba9876543210.bin\" as=\"fetch\" crossorigin>".to_string(),
        "<script type=\"module\"".to_string(),
        format!(
            "<link rel=\"stylesheet\" href=\"./{}\" media=\"print\" integrity=\"{}\">",
            files.print_stylesheet.name, files.print_stylesheet.integrity
        ),
    ];
    let at: Vec<usize> = in_order
        .iter()
        .map(|tag| {
            html.find(tag.as_str())
                .unwrap_or_else(|| panic!("no {tag} in {html}"))
        })
        .collect();
    assert!(at.is_sorted(), "{html}");
    // The whole page is never preloaded: only a mount rendered afresh needs it.
    assert!(
        !html.contains("<link rel=\"preload\" href=\"./data/nanfen-2017.0123456789abcdef.bin\""),
        "{html}"
    );
    // The mount names both data files and their integrity.
    assert!(html.contains(&format!(
        "<div class=\"gir\" data-gir-viewer data-gir-report=\"nanfen-2017\" data-gir-font-size=\"大\" data-gir-src=\"data/nanfen-2017.0123456789abcdef.bin\" data-gir-integrity=\"{}\" data-gir-hydration-src=\"data/nanfen-2017.fedcba9876543210.bin\" data-gir-hydration-integrity=\"{}\" data-gir-fingerprint=\"{}\"><p>x</p></div>",
        page::integrity(b"report"),
        page::integrity(b"hydration"),
        page::fingerprint("<p>x</p>")
    )), "{html}");
    assert_eq!(
        page::integrity(b"abc"),
        "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
    );
    let boot = page::boot_module("viewer-1.js", &assets.wasm);
    assert!(
        boot.starts_with("import init, { mount as start } from \"./viewer-1.js\";"),
        "{boot}"
    );
    assert!(
        boot.contains(&format!(
            "const wasm = init({{ module_or_path: new Request(new URL(\"./viewer-1_bg.wasm\", import.meta.url), {{ integrity: \"{}\" }}) }});",
            page::integrity(b"wasm")
        )),
        "the wasm is fetched with its integrity: {boot}"
    );
    // Each mount's data file: its URL and integrity from the mount (the
    // file for hydration while the mount holds the build's markup), fetched
    // with the integrity, or not at all.
    for line in [
        "const hydrating = mount.childElementCount > 0 && mount.hasAttribute(\"data-gir-hydration-src\");",
        "const src = mount.getAttribute(hydrating ? \"data-gir-hydration-src\" : \"data-gir-src\");",
        "const integrity = mount.getAttribute(hydrating ? \"data-gir-hydration-integrity\" : \"data-gir-integrity\");",
        "if (!src || !integrity) throw new Error(",
        "const url = new URL(src, mount.getAttribute(\"data-gir-base\")).href;",
        "loads.set(key, fetch(new Request(url, { integrity })).then((response) => {",
        "if (!start(mount, bytes)) {",
    ] {
        assert!(boot.contains(line), "{line} in {boot}");
    }
    // A refused wasm leaves no report looking alive but dead: the notice;
    // a report whose data is missing or broken says so.
    for notice in [gir::mount::FAILURE_NOTICE, gir::mount::DATA_FAILURE_NOTICE] {
        assert!(
            boot.contains(&format!("fail(mount, '{notice}')")),
            "{notice} in {boot}"
        );
    }
    assert_eq!(boot.matches("failOnData(mount);").count(), 2, "{boot}");
    assert!(
        boot.contains("type: \"gir-viewer:height\""),
        "framed pages report their height"
    );
}

/// Each report's data file, the one file of report data its pages load:
/// named by its report and its contents, never a download's name, checked
/// by its integrity, and the report's page as the bundle holds it.
#[test]
fn each_report_has_a_data_file_named_by_its_contents() {
    for report in [seed()] {
        let id = report.report.id.clone();
        let report_page = SharedPage::new(gir_compile::page::page_report(&report));
        let (file, bytes) = page::report_data(&report_page).unwrap();
        let hash = file
            .name
            .strip_prefix(&format!("data/{id}."))
            .and_then(|rest| rest.strip_suffix(".bin"))
            .unwrap_or_else(|| panic!("{}", file.name));
        assert_eq!(hash.len(), 16, "{}", file.name);
        assert!(
            hash.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')),
            "{}",
            file.name
        );
        assert_eq!(file.integrity, page::integrity(&bytes));
        assert_eq!(bytes, report_page.encode());
        let decoded = gir::embedded::decode_report(&bytes).unwrap();
        assert_eq!(*decoded, *report_page);
        for (download, _) in gir_compile::export::data_files(&report.report) {
            assert_ne!(download, file.name);
        }
        // Another build of the report is another file.
        let mut changed = (*report).clone();
        changed.report.title.push('。');
        let (other, _) = page::report_data(&gir_compile::page::page_report(&changed)).unwrap();
        assert_ne!(other.name, file.name);
        assert!(other.name.starts_with(&format!("data/{id}.")));
    }
}

#[test]
fn the_chosen_font_size_is_prerendered() {
    let html = futures::executor::block_on(page::render_report(seed_page(), FontSize::Large));
    assert!(html.contains("gir-report--font-large"), "{}", &html[..400]);
    assert!(html.contains("role=\"group\" aria-label=\"字体\""));
    assert!(html.contains(
        "aria-pressed=\"true\" class=\"gir-fontsize__button gir-fontsize__button--current\">大</button>"
    ));
    assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1);
    // Every part of the text is prerendered at that size too (no rollout
    // before the reader changes it): each section's head and each block.
    let report = seed();
    let report_page = seed_page();
    let blocks: usize = report.report.sections.iter().map(|s| s.blocks.len()).sum();
    let preamble = report.report.preamble.len();
    let parts = html.matches("gir-part ").count();
    assert_eq!(
        parts,
        preamble + 9 + blocks,
        "the preamble, 9 section heads, the blocks"
    );
    assert_eq!(
        gir::markup::part_count(&report_page),
        9 + blocks,
        "the parts a 字体 change goes through"
    );
    assert_eq!(html.matches("gir-part gir-part--font-large").count(), parts);
}

#[test]
fn templates_must_use_every_placeholder_and_leave_none() {
    assert_eq!(
        page::fill_template("<head>{{a}}</head>{{b}}", &[("a", "1"), ("b", "2")]).unwrap(),
        "<head>1</head>2"
    );
    assert!(page::fill_template("<head></head>", &[("a", "1")])
        .unwrap_err()
        .contains("{{a}}"));
    assert!(page::fill_template("{{a}}{{c}}", &[("a", "1")])
        .unwrap_err()
        .contains("{{c}}"));
}

/// The fingerprint a prerendered mount carries is the one the boot module
/// computes over the browser's DOM: elements as `<name class>`, text as its
/// characters (entities decoded), in document order, FNV-1a over UTF-16.
/// The expected values were computed with the boot module's own function
/// over that walk, in Node.
#[test]
fn the_mount_fingerprint_follows_the_dom_walk_of_the_boot_module() {
    let html = concat!(
        "<p class=\"gir-p\">南芬区 &lt;b&gt; &amp; “引号” 😀<!--<[yew]>-->",
        "<svg class='gir-chart__svg' viewBox=\"0 0 1 1\"><title>a&#39;b</title></svg></p>",
        "<br/>",
    );
    assert_eq!(page::fingerprint(html), "b64fce02");
    assert_eq!(page::fingerprint(""), "811c9dc5");
    // What a CMS does to pasted markup changes it: a class dropped, the
    // markup re-indented, a <p> added.
    let base = page::fingerprint(html);
    for rewritten in [
        html.replace(" class=\"gir-p\"", ""),
        html.replace("<svg", "\n  <svg"),
        format!("<p>{html}</p>"),
    ] {
        assert_ne!(page::fingerprint(&rewritten), base, "{rewritten}");
    }
}

#[test]
fn the_prerendered_seed_carries_its_fingerprint() {
    let report_page = seed_page();
    let inner =
        futures::executor::block_on(page::render_report(report_page.clone(), FontSize::Medium));
    let (data, _) = page::report_data(&report_page).unwrap();
    let (hydration_data, _) = page::report_data(&report_page.for_hydration()).unwrap();
    let files = ReportFiles {
        data,
        hydration_data,
        print_stylesheet: LinkedFile::new("data/nanfen-2017.print.css", b""),
    };
    let mount = page::report_mount_element("nanfen-2017", FontSize::Medium, &files, &inner);
    assert!(mount.contains(&format!(
        "data-gir-fingerprint=\"{}\"",
        page::fingerprint(&inner)
    )));
    assert_ne!(page::fingerprint(&inner), page::fingerprint(""));
}

/// The running title's CSS, read by a CSS tokenizer as a browser reads it:
/// whatever the title holds, it comes back as one string token equal to the
/// title, and the rules around it are exactly the two the build writes.
#[test]
fn a_hostile_title_stays_inside_its_css_string() {
    use cssparser::{Parser, Token};
    for title in [
        "南芬区2017年度政府信息公开工作报告",
        "\"]) {} :root{display:none}",
        "\u{c}} .gir{display:none!important}",
        "a\\\"b\\\\",
        "line\nbreak\r\nand\ttab\u{0}nul\u{7f}\u{85}",
        "</style><script>alert(1)</script>",
        "/* comment */ @import url(x);",
    ] {
        let css = page::print_title_css([("r-1", title)]);
        let mut parser = Parser::new(&css);
        let mut strings = Vec::new();
        let mut at_keywords = Vec::new();
        let mut blocks = 0;
        // Every token at the top level and inside the rules' blocks.
        fn walk(
            parser: &mut Parser,
            strings: &mut Vec<String>,
            at_keywords: &mut Vec<String>,
            blocks: &mut usize,
        ) {
            while let Ok(token) = parser.next_including_whitespace_and_comments() {
                match token.clone() {
                    Token::QuotedString(s) => strings.push(s.to_string()),
                    Token::AtKeyword(k) => at_keywords.push(k.to_string()),
                    Token::CurlyBracketBlock
                    | Token::SquareBracketBlock
                    | Token::ParenthesisBlock
                    | Token::Function(_) => {
                        if matches!(token, Token::CurlyBracketBlock) {
                            *blocks += 1;
                        }
                        parser
                            .parse_nested_block(|inner| {
                                walk(inner, strings, at_keywords, blocks);
                                Ok::<(), cssparser::ParseError<()>>(())
                            })
                            .unwrap();
                    }
                    _ => {}
                }
            }
        }
        walk(&mut parser, &mut strings, &mut at_keywords, &mut blocks);
        // The :has() selector's report id, then the title (CSS has no NUL:
        // it reads one as U+FFFD; the dataset checks refuse it anyway).
        assert_eq!(strings, ["r-1", &title.replace('\0', "\u{FFFD}")], "{css}");
        assert_eq!(at_keywords, ["media", "page", "top-center"], "{css}");
        assert_eq!(
            blocks, 4,
            "@media {{ :root {{ }} }} @page {{ @top-center {{ }} }}: {css}"
        );
    }
}

#[test]
fn scripts_are_served_without_comment_lines_or_indentation() {
    let source = "// a comment\nconst a = \"http://x\"; // kept: not a whole line\n\n  if (a) {\n    go();\n  }\n";
    assert_eq!(
        page::strip_js(source),
        "const a = \"http://x\"; // kept: not a whole line\nif (a) {\ngo();\n}\n"
    );
    let boot = page::boot_module("viewer-1.js", &LinkedFile::new("viewer-1_bg.wasm", b"wasm"));
    assert!(
        !boot
            .lines()
            .any(|l| l.starts_with(' ') || l.starts_with("//")),
        "{boot}"
    );
}

/// A data file the browser would refuse (over the decoder's limit) is never
/// written: the build stops on it instead of shipping a report that fails.
#[test]
fn a_report_over_the_decoders_limit_is_refused_at_build_time() {
    let mut report = (*seed_page()).clone();
    report.panels = "注"
        .repeat(gir_model::bundle::REPORT_DATA_LIMIT / 3 + 1)
        .into();
    let error = page::report_data(&report).unwrap_err();
    assert!(
        error.starts_with("nanfen-2017: the report's page (")
            && error.ends_with(" bytes) does not decode back (limit: 16777216 bytes)"),
        "{error}"
    );
}

#[test]
fn the_page_for_hydration_leaves_out_what_the_prerendered_mount_holds() {
    let page = seed_page();
    let lite = page.for_hydration();
    assert!(lite.for_hydration && !page.for_hydration);
    // The same structure, so the components render the same nodes around
    // the markup; each markup that was not empty is the stand-in.
    assert_eq!(lite.sections.len(), page.sections.len());
    assert_eq!(&*lite.head, gir_model::page::MARKUP_IN_PAGE);
    for (section, full) in lite.sections.iter().zip(&page.sections) {
        assert_eq!(section.heading(), full.heading());
        assert_eq!(section.contents.is_empty(), full.contents.is_empty());
        assert_eq!(section.parts.len(), full.parts.len());
        for (part, full) in section.parts.iter().zip(&full.parts) {
            assert_eq!(&*part.block, gir_model::page::MARKUP_IN_PAGE);
            assert_eq!(part.charts.len(), full.charts.len());
            for (chart, full) in part.charts.iter().zip(&full.charts) {
                // A 字体 change swaps the drawings: they stay.
                assert_eq!(chart.drawings, full.drawings);
                assert_eq!(chart.csv, full.csv);
            }
        }
    }
    // The report's text is in the prerendered page, not in this file.
    let bytes = lite.encode();
    let paragraph = "现将具体情况报告如下";
    assert!(page
        .encode()
        .windows(paragraph.len())
        .any(|w| w == paragraph.as_bytes()));
    assert!(!bytes
        .windows(paragraph.len())
        .any(|w| w == paragraph.as_bytes()));
    assert!(
        bytes.len() * 2 < page.encode().len(),
        "{} bytes",
        bytes.len()
    );
    assert_eq!(gir_model::page::PageReport::decode(&bytes).unwrap(), lite);
}
