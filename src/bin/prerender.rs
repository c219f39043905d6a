//! Build step (Trunk `post_build` hook): renders the report into the built
//! `index.html` and replaces Trunk's inline loader with an external module.
//!
//! Usage: `prerender [DIR]`; DIR defaults to `$TRUNK_STAGING_DIR`, then `dist`.

use gir::embedded;
use gir::page::{self, LinkedFile, PageAssets};
use std::path::Path;

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
        let mut found: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(suffix))
            .collect();
        found.sort();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(format!(
                "expected one {prefix}*{suffix} in {}, found {found:?}",
                dir.display()
            )),
        }
    };
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"));

    let glue = find("viewer-", ".js")?;
    let wasm = find("viewer-", "_bg.wasm")?;
    let css = find("viewer-", ".css")?;
    let boot_source = page::boot_module(&glue, &wasm);
    let boot_sri = page::integrity(boot_source.as_bytes());
    // Name the boot module by its content so caches never serve a stale one.
    let boot_name = format!("boot-{}.js", short_hash(&boot_sri));
    std::fs::write(dir.join(&boot_name), &boot_source).map_err(|e| format!("{boot_name}: {e}"))?;

    let assets = PageAssets {
        stylesheet: LinkedFile::new(css.clone(), &read(&css)?),
        glue: LinkedFile::new(glue.clone(), &read(&glue)?),
        boot: LinkedFile {
            name: boot_name,
            integrity: boot_sri,
        },
        wasm,
        favicon: "favicon.svg".to_string(),
    };

    let report_id = embedded::report_ids()
        .into_iter()
        .next()
        .ok_or("the embedded bundle holds no report")?;
    let report = embedded::report(&report_id)?;
    let inner = futures::executor::block_on(page::render_report(&report_id));
    let html = page::document(
        &report.report.title,
        &page::mount_element(&report_id, &inner),
        &assets,
    );
    std::fs::write(dir.join("index.html"), html).map_err(|e| format!("index.html: {e}"))?;
    println!(
        "prerender: wrote {} with report {report_id}",
        dir.join("index.html").display()
    );
    Ok(())
}

/// A short, filename-safe fingerprint of an integrity string.
fn short_hash(integrity: &str) -> String {
    integrity
        .trim_start_matches("sha384-")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(12)
        .collect()
}
