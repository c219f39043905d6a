//! Build step (Trunk `post_build` hook): renders the report into the built
//! pages and replaces Trunk's inline loader with an external boot module.
//!
//! Makes Trunk's wasm and glue smaller (`gir::glue`), and writes
//! `index.html`, `portal-demo.html` (the viewer mounted in a portal
//! page), `portal-iframe.html` (the viewer in a frame), `gir-viewer.js`,
//! `gir-viewer.css` (Trunk's stylesheet plus each report's printed running
//! title, for hosts that link one file; the built pages inline its screen
//! rules instead), `gir-style-src.txt` (the CSP sources that allow the
//! pages' inline styles), `gir-frame-host.js`, `demo-portal.css`, and each
//! report's data files: the downloads, the report's page its pages fetch
//! (`data/<id>.<hash>.bin`; the wasm embeds no report) and its print
//! stylesheet (`data/<id>.<hash>.print.css`).
//!
//! Usage: `prerender [DIR]`; DIR defaults to `$TRUNK_STAGING_DIR`, then `dist`.

use gir::embedded;
use gir::library;
use gir::page::{self, LinkedFile, PageAssets, ReportFiles};
use gir::state::FontSize;
use gir::stylesheet;
use std::path::Path;

const PORTAL_DEMO: &str = include_str!("../../assets/demo/portal-demo.html");
const PORTAL_IFRAME: &str = include_str!("../../assets/demo/portal-iframe.html");
const PORTAL_CSS: &str = include_str!("../../assets/demo/portal.css");
const FRAME_HOST: &str = include_str!("../../assets/demo/frame-host.js");
const LIBRARY_CSS: &str = include_str!("../../assets/library/gir-library.css");
const LIBRARY_JS: &str = include_str!("../../assets/library/gir-library.js");

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".to_string());
    if let Err(message) = run(Path::new(&dir)) {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    let find = |prefix: &str, suffix: &str| -> Result<String, String> {
        let found: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(suffix))
            .collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(format!(
                "expected one {prefix}*{suffix} in {}, found {found:?}",
                dir.display()
            )),
        }
    };
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let write = |name: &str, contents: &[u8]| {
        std::fs::write(dir.join(name), contents).map_err(|e| format!("{name}: {e}"))
    };

    let glue = find("viewer-", ".js")?;
    let wasm = find("viewer-", "_bg.wasm")?;
    // Trunk hashes the stylesheet's name; portals need a stable one.
    let trunk_css = find("viewer-", ".css")?;
    let reports = embedded::report_ids()
        .iter()
        .map(|id| embedded::report(id))
        .collect::<Result<Vec<_>, _>>()?;
    let trunk_css_text =
        String::from_utf8(read(&trunk_css)?).map_err(|e| format!("{trunk_css}: not UTF-8: {e}"))?;
    // The whole stylesheet, for a host that links one file.
    let mut css = trunk_css_text.clone();
    css.push_str(&page::print_title_css(
        reports
            .iter()
            .map(|r| (r.report.id.as_str(), r.report.title.as_str())),
    ));
    std::fs::remove_file(dir.join(&trunk_css)).map_err(|e| format!("{trunk_css}: {e}"))?;
    write(page::VIEWER_STYLESHEET, css.as_bytes())?;
    // The viewer's own pages: the screen rules inline, the print rules linked.
    let split = stylesheet::split(&trunk_css_text).map_err(|e| format!("{trunk_css}: {e}"))?;
    // The wasm and its glue, smaller: the names they share shortened, the
    // glue's comments dropped (see gir::glue). Then named by what they hold
    // now: Trunk's names hash the files before wasm-opt and this step, so a
    // change to either alone would keep a name whose cached copy then fails
    // its integrity check.
    let glue_text = String::from_utf8(read(&glue)?).map_err(|_| format!("{glue}: not UTF-8"))?;
    let shrunk =
        gir::glue::shrink(&read(&wasm)?, &glue_text).map_err(|e| format!("{wasm}: {e}"))?;
    for trunk_name in [&wasm, &glue] {
        std::fs::remove_file(dir.join(trunk_name)).map_err(|e| format!("{trunk_name}: {e}"))?;
    }
    let wasm = format!("viewer-{}_bg.wasm", page::content_hash(&shrunk.wasm));
    let glue = format!("viewer-{}.js", page::content_hash(shrunk.glue.as_bytes()));
    write(&wasm, &shrunk.wasm)?;
    write(&glue, shrunk.glue.as_bytes())?;
    let wasm = LinkedFile::new(wasm, &shrunk.wasm);
    let boot = page::boot_module(&glue, &wasm);
    write(page::VIEWER_SCRIPT, boot.as_bytes())?;
    write("demo-portal.css", PORTAL_CSS.as_bytes())?;
    let frame_host_script = page::strip_js(FRAME_HOST);
    write(page::FRAME_HOST_SCRIPT, frame_host_script.as_bytes())?;

    let assets = PageAssets {
        screen_css: split.screen,
        glue: LinkedFile::new(glue.clone(), shrunk.glue.as_bytes()),
        boot: LinkedFile::new(page::VIEWER_SCRIPT, boot.as_bytes()),
        wasm,
    };
    let library_js = page::strip_js(LIBRARY_JS);
    let library_assets = page::LibraryAssets {
        css: stylesheet::minified(LIBRARY_CSS)
            .map_err(|e| format!("assets/library/gir-library.css: {e}"))?,
        script: LinkedFile::new(page::LIBRARY_SCRIPT, library_js.as_bytes()),
    };
    // Every build writes both sources, library or not: they depend only on
    // the two stylesheets, so a portal's policy stays the same.
    let style_src = format!(
        "{} {}",
        assets.style_hash_source(),
        library_assets.style_hash_source()
    );
    write(page::STYLE_HASH_FILE, format!("{style_src}\n").as_bytes())?;

    let mut report_files = Vec::new();
    for report in &reports {
        let report_page = embedded::page(&report.report.id)?;
        let (data, bytes) = page::report_data(&report_page)?;
        let (hydration_data, hydration_bytes) = page::report_data(&report_page.for_hydration())?;
        let (print_stylesheet, print_css) =
            page::print_stylesheet(&report.report.id, &report.report.title, &split.print);
        let downloads = gir_compile::export::data_files(&report.report)
            .into_iter()
            .map(|(path, text)| (path, text.into_bytes()));
        let built = [
            (data.name.clone(), bytes),
            (hydration_data.name.clone(), hydration_bytes),
            (print_stylesheet.name.clone(), print_css.into_bytes()),
        ];
        for (path, contents) in downloads.chain(built) {
            let file = dir.join(&path);
            if let Some(folder) = file.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("{}: {e}", folder.display()))?;
            }
            std::fs::write(&file, contents).map_err(|e| format!("{path}: {e}"))?;
        }
        report_files.push(ReportFiles {
            data,
            hydration_data,
            print_stylesheet,
        });
    }

    // A build of several reports is a library: index.html is its index, and
    // each body and year has a page.
    let compiled: Vec<&gir_model::bundle::CompiledReport> = reports.iter().map(|r| &**r).collect();
    let library = library::site::library_site(&compiled).map_err(|errors| errors.join("\n"))?;

    // One page per report (`<id>.html`); the demos (and index.html, for a
    // single report) show the first.
    let font_size = FontSize::default();
    let mut first_mount = None;
    for (report, files) in reports.iter().zip(&report_files) {
        let id = &report.report.id;
        let inner = futures::executor::block_on(page::render_report(id, font_size));
        let mount = page::report_mount_element(id, font_size, files, &inner);
        let html = page::document(&report.report.title, &mount, &assets, files);
        write(&format!("{id}.html"), html.as_bytes())?;
        if first_mount.is_none() {
            if library.is_none() {
                write("index.html", html.as_bytes())?;
            }
            first_mount = Some((mount, files));
        }
    }
    let (mount, files) = first_mount.ok_or("the embedded bundle holds no report")?;
    let head = page::viewer_head(&assets, &[files]);
    let demo = page::fill_template(
        PORTAL_DEMO,
        &[("viewer_head", &head), ("viewer_mount", &mount)],
    )
    .map_err(|e| format!("assets/demo/portal-demo.html: {e}"))?;
    write("portal-demo.html", demo.as_bytes())?;
    let frame_host = page::frame_host_tag(&page::integrity(frame_host_script.as_bytes()));
    let framed = page::fill_template(PORTAL_IFRAME, &[("frame_host_head", &frame_host)])
        .map_err(|e| format!("assets/demo/portal-iframe.html: {e}"))?;
    write("portal-iframe.html", framed.as_bytes())?;

    if let Some(site) = &library {
        write(page::LIBRARY_SCRIPT, page::strip_js(LIBRARY_JS).as_bytes())?;
        for library_page in &site.pages {
            let html =
                page::library_document(&library_page.title, &library_page.body, &library_assets);
            write(&library_page.path, html.as_bytes())?;
        }
        for (path, contents) in &site.data {
            write(path, contents.as_bytes())?;
        }
        println!(
            "prerender: the library: index.html, {} page(s) of bodies and years, {} CSV file(s)",
            site.pages.len() - 1,
            site.data.len()
        );
    }

    println!(
        "prerender: the pages' inline styles are allowed by style-src {style_src} (also in {})",
        page::STYLE_HASH_FILE
    );
    println!(
        "prerender: wrote index.html, a page per report ({}), portal-demo.html, portal-iframe.html",
        reports
            .iter()
            .map(|r| r.report.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}
