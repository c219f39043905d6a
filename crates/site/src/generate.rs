//! The whole build of a site: datasets in, every file of the site out.
//!
//! 1. Every `*.json` dataset of the input folders (or the built-in seed) is
//!    read, loaded, checked and compiled, on every core. A dataset with
//!    problems stops the build with each as `file:line:column: message`,
//!    before anything is written (`--keep-going`: the others are built and
//!    the failures listed).
//! 2. Several reports are a library: they are linked (each report's body
//!    and year, 内容雷同 against the body's report of the year before).
//! 3. Each report's page is prerendered with the viewer's own components
//!    and written with its data files: the downloads, the report's page in
//!    bincode (`data/<id>.<hash>.bin`, and the smaller one for hydration),
//!    its print stylesheet.
//! 4. The viewer's files (boot module, glue, wasm, stylesheet), the demo
//!    pages and, for a library, its index, body and year pages.
//!
//! Everything goes through [`Staging`]: the site changes only when the
//! whole build succeeded, and then only in the files whose bytes changed.

use crate::config::{self, SiteConfig};
use crate::library;
use crate::output::{Published, Staging};
use crate::page::{self, LinkedFile, PageAssets, ReportFiles};
use crate::stylesheet;
use crate::viewer;
use gir::embedded::SharedPage;
use gir::state::FontSize;
use gir_compile::library::link_reports;
use gir_compile::load::{dataset_text, load_report};
use gir_compile::page::page_report;
use gir_compile::pipeline::compile_report;
use gir_compile::text::printable;
use gir_model::bundle::CompiledReport;
use gir_model::downloads::site_pages;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

const PORTAL_DEMO: &str = include_str!("../../../assets/demo/portal-demo.html");
const PORTAL_IFRAME: &str = include_str!("../../../assets/demo/portal-iframe.html");
const PORTAL_CSS: &str = include_str!("../../../assets/demo/portal.css");
const FRAME_HOST: &str = include_str!("../../../assets/demo/frame-host.js");
const LIBRARY_CSS: &str = include_str!("../../../assets/library/gir-library.css");
const LIBRARY_JS: &str = include_str!("../../../assets/library/gir-library.js");

/// What to build, and where.
#[derive(Clone, Debug)]
pub struct Options {
    /// Folders of datasets (each `*.json` in them) and dataset files; none:
    /// the built-in seed alone.
    pub inputs: Vec<PathBuf>,
    /// The site's folder.
    pub out: PathBuf,
    /// Build the reports that load and list those that do not, instead of
    /// stopping at the first dataset with problems.
    pub keep_going: bool,
}

impl Options {
    pub fn new(inputs: Vec<PathBuf>, out: PathBuf) -> Self {
        Options {
            inputs,
            out,
            keep_going: false,
        }
    }
}

/// A finished build.
#[derive(Clone, Debug, Default)]
pub struct Built {
    /// Reports in the site.
    pub reports: usize,
    /// Pages of the library (index, bodies, years): 0 for one report.
    pub library_pages: usize,
    /// Files new or changed, unchanged, and removed as gone.
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// The `style-src` sources that allow the pages' inline styles.
    pub style_src: String,
    /// What the build says of the reports without refusing them: editorial
    /// notes on the published text, broken 勾稽关系 (each printable).
    pub warnings: Vec<String>,
    /// With `keep_going`: the problems of the datasets left out.
    pub left_out: Vec<String>,
}

/// Why a build wrote nothing: each problem on a line of its own
/// (`file:line:column: message` for a dataset), printable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    pub problems: Vec<String>,
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.problems.join("\n"))
    }
}

impl std::error::Error for BuildError {}

impl BuildError {
    fn one(problem: impl Into<String>) -> Self {
        BuildError {
            problems: vec![printable(&problem.into())],
        }
    }
}

/// A dataset to build: the name its problems are reported by, and where its
/// text comes from.
#[derive(Clone, Debug)]
pub enum Dataset {
    File(PathBuf),
    /// The built-in seed.
    Seed,
}

impl Dataset {
    pub fn name(&self) -> String {
        match self {
            Dataset::File(path) => path.display().to_string(),
            Dataset::Seed => crate::seed::FILE_NAME.to_string(),
        }
    }

    /// The dataset's text: at most one byte over the size limit is read.
    fn text(&self) -> Result<String, String> {
        let name = self.name();
        match self {
            Dataset::Seed => Ok(crate::seed::JSON.to_string()),
            Dataset::File(path) => {
                let cap = gir_compile::checks::MAX_FILE_BYTES as u64 + 1;
                let mut bytes = Vec::new();
                std::fs::File::open(path)
                    .and_then(|file| file.take(cap).read_to_end(&mut bytes))
                    .map_err(|e| format!("{name}: cannot read: {e}"))?;
                dataset_text(&name, bytes).map_err(|e| e.to_string())
            }
        }
    }
}

/// The datasets of `inputs`, in order: each folder's `*.json` files by
/// name, each file as given; the seed when there are no inputs.
pub fn datasets(inputs: &[PathBuf]) -> Result<Vec<Dataset>, BuildError> {
    if inputs.is_empty() {
        return Ok(vec![Dataset::Seed]);
    }
    let mut found = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| {
                BuildError::one(format!(
                    "{}: cannot list the datasets: {e}",
                    input.display()
                ))
            })?;
            let mut in_dir: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .filter(|path| path.is_file())
                .collect();
            in_dir.sort();
            found.extend(in_dir.into_iter().map(Dataset::File));
        } else if input.is_file() {
            found.push(Dataset::File(input.clone()));
        } else {
            return Err(BuildError::one(format!(
                "{}: no such folder or dataset file",
                input.display()
            )));
        }
    }
    if found.is_empty() {
        return Err(BuildError::one(format!(
            "{}: no dataset (*.json) to build",
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    Ok(found)
}

/// How many threads the build uses: one per core.
fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Runs `work` on every item of `items` on every core; the results in the
/// items' order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers().min(items.len()) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(index) else { break };
                let result = work(item);
                *results[index].lock().expect("no worker panics holding it") = Some(result);
            });
        }
    });
    results
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .expect("no worker panics holding it")
                .expect("every item is done")
        })
        .collect()
}

/// The configuration of the site of `inputs`: the first folder's
/// `report-viewer.toml`, or the defaults.
pub fn site_config(inputs: &[PathBuf]) -> Result<SiteConfig, BuildError> {
    match inputs.iter().find(|input| input.is_dir()) {
        Some(folder) => config::load(folder).map_err(BuildError::one),
        None => Ok(SiteConfig::default()),
    }
}

/// Builds the site `options.out` from `options.inputs`.
pub fn build(options: &Options) -> Result<Built, BuildError> {
    viewer::check_build(viewer::WASM).map_err(BuildError::one)?;
    let config = site_config(&options.inputs)?;
    let datasets = datasets(&options.inputs)?;

    // 1. Read, load, check and compile every dataset.
    let loaded = in_parallel(&datasets, |dataset| {
        let name = dataset.name();
        let json = dataset.text().map_err(|e| vec![printable(&e)])?;
        let report = load_report(&name, &json)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
        let source = page::content_hash(json.as_bytes());
        Ok::<_, Vec<String>>((name, source, compile_report(report)))
    });
    let mut names = Vec::new();
    let mut sources = Vec::new();
    let mut reports = Vec::new();
    let mut problems = Vec::new();
    for result in loaded {
        match result {
            Ok((name, source, compiled)) => {
                names.push(name);
                sources.push(source);
                reports.push(compiled);
            }
            Err(found) => problems.extend(found),
        }
    }
    let mut left_out = Vec::new();
    if !problems.is_empty() {
        if !options.keep_going || reports.is_empty() {
            return Err(BuildError { problems });
        }
        left_out = problems;
    }

    // 2. A library: each report's body and year, no body with two reports
    // of a year (the error names both files), 内容雷同.
    if reports.len() > 1 {
        link_reports(&names, &mut reports).map_err(|found| BuildError {
            problems: found.iter().map(ToString::to_string).collect(),
        })?;
    }
    let mut warnings = Vec::new();
    for compiled in &reports {
        let id = printable(&compiled.report.id);
        for note in &compiled.notes {
            warnings.push(format!(
                "{id}: editorial note (text kept as published): {}",
                printable(note)
            ));
        }
        for found in &compiled.rule_breaks {
            warnings.push(format!(
                "{id}: 数据校验 {} (table kept as published): {}",
                printable(&found.table_id),
                printable(&found.message)
            ));
        }
    }

    // 3 and 4: every file, into the staging folder.
    let mut staging = Staging::new(&options.out).map_err(BuildError::one)?;
    let built = write_site(&mut staging, &reports, &sources, &config).map_err(BuildError::one)?;
    let Published {
        written,
        unchanged,
        removed,
    } = staging.publish().map_err(BuildError::one)?;
    Ok(Built {
        reports: reports.len(),
        written,
        unchanged,
        removed,
        warnings,
        left_out,
        ..built
    })
}

/// The viewer's files as served: the wasm and glue shrunk and named by
/// their bytes, the boot module, the stylesheet's parts.
struct ViewerFiles {
    assets: PageAssets,
    print_css: String,
    files: Vec<(String, Vec<u8>)>,
    frame_host: String,
}

fn viewer_files() -> Result<ViewerFiles, String> {
    // The whole stylesheet, for a host that links one file; the viewer's own
    // pages inline its screen rules and link each report's print rules.
    let split =
        stylesheet::split(viewer::STYLESHEET).map_err(|e| format!("assets/viewer.css: {e}"))?;
    // The wasm and its glue, smaller: the names they share shortened, the
    // glue's comments dropped (see crate::glue); named by what they hold,
    // so a cached copy never meets a file it does not fit.
    let shrunk = crate::glue::shrink(viewer::WASM, viewer::GLUE)?;
    let wasm_name = format!("viewer-{}_bg.wasm", page::content_hash(&shrunk.wasm));
    let glue_name = format!("viewer-{}.js", page::content_hash(shrunk.glue.as_bytes()));
    let wasm = LinkedFile::new(wasm_name.clone(), &shrunk.wasm);
    let boot = page::boot_module(&glue_name, &wasm);
    let frame_host = page::strip_js(FRAME_HOST);
    let assets = PageAssets {
        screen_css: split.screen,
        glue: LinkedFile::new(glue_name.clone(), shrunk.glue.as_bytes()),
        boot: LinkedFile::new(page::VIEWER_SCRIPT, boot.as_bytes()),
        wasm,
    };
    let screen_file = assets.screen_file();
    let files = vec![
        (screen_file.name, assets.screen_css.as_bytes().to_vec()),
        (wasm_name, shrunk.wasm),
        (glue_name, shrunk.glue.into_bytes()),
        (page::VIEWER_SCRIPT.to_string(), boot.into_bytes()),
        (
            page::VIEWER_STYLESHEET.to_string(),
            viewer::STYLESHEET.as_bytes().to_vec(),
        ),
        (
            "demo-portal.css".to_string(),
            PORTAL_CSS.as_bytes().to_vec(),
        ),
        (
            page::FAVICON_FILE.to_string(),
            page::FAVICON.as_bytes().to_vec(),
        ),
        (
            page::FRAME_HOST_SCRIPT.to_string(),
            frame_host.as_bytes().to_vec(),
        ),
    ];
    Ok(ViewerFiles {
        assets,
        print_css: split.print,
        files,
        frame_host,
    })
}

/// Writes every file of the site of `reports` into `staging`.
/// `sources[i]` is the digest of `reports[i]`'s dataset.
fn write_site(
    staging: &mut Staging,
    reports: &[CompiledReport],
    sources: &[String],
    config: &SiteConfig,
) -> Result<Built, String> {
    let site = staging.site().to_path_buf();
    let site = site.as_path();
    let viewer = viewer_files()?;
    for (path, contents) in &viewer.files {
        staging.write(path, contents)?;
    }
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
        viewer.assets.style_hash_source(),
        library_assets.style_hash_source()
    );
    staging.write(page::STYLE_HASH_FILE, format!("{style_src}\n").as_bytes())?;

    // A build of several reports is a library: index.html is its index, and
    // each body and year has a page.
    let compiled: Vec<&CompiledReport> = reports.iter().collect();
    let library = library::site::library_site(&compiled, &config.title)
        .map_err(|errors| errors.join("\n"))?;

    // One page per report (`<id>.html`), with its data files; the demos
    // (and index.html, for a single report) show the first.
    // Each report's page and data files; a report whose compiled form and
    // generator are those of the site's previous build takes its files
    // over from the site instead of being rendered again (the first is
    // always rendered: the demos show its mount).
    let previous = BuiltReports::read(site);
    let generator = generator_id();
    let shared = Mutex::new(&mut *staging);
    let numbered: Vec<(usize, &CompiledReport)> = reports.iter().enumerate().collect();
    let pages = in_parallel(&numbered, |&(index, compiled)| {
        let id = &compiled.report.id;
        let first = index == 0;
        // The page is made from the dataset and what linking found, by this
        // generator, in a library or alone.
        let key = generator.as_ref().map(|generator| {
            let library_flag: &[u8] = if library.is_some() {
                b"library"
            } else {
                b"single"
            };
            page::content_hash(
                &[
                    generator.as_bytes(),
                    library_flag,
                    sources[index].as_bytes(),
                    &compiled.repeats_bytes(),
                ]
                .concat(),
            )
        });
        if let (false, Some(key), Some(files)) =
            (first, &key, previous.files(id, key.as_deref(), site))
        {
            let mut staging = shared.lock().map_err(|_| "a worker failed".to_string())?;
            for file in &files {
                staging.keep(file)?;
            }
            return Ok::<_, String>((None, (id.clone(), Some(key.clone()), files)));
        }
        let report_page = SharedPage::new(page_report(compiled));
        let files = report_files(compiled, &report_page, &viewer.print_css)?;
        let font_size = FontSize::default();
        let inner = futures::executor::block_on(page::render_report(report_page, font_size));
        let mount = page::report_mount_element(id, font_size, &files.linked, &inner);
        let html = page::document(
            &compiled.report.title,
            &mount,
            &viewer.assets,
            &files.linked,
        );
        let mut written: Vec<String> = files
            .contents
            .iter()
            .map(|(path, _)| path.clone())
            .collect();
        written.push(format!("{id}.html"));
        let mut staging = shared.lock().map_err(|_| "a worker failed".to_string())?;
        for (path, contents) in &files.contents {
            staging.write(path, contents)?;
        }
        staging.write(&format!("{id}.html"), html.as_bytes())?;
        if library.is_none() {
            let index = format!("{}.html", site_pages::INDEX);
            staging.write(&index, html.as_bytes())?;
            written.push(index);
        }
        // Only the first report's mount is kept (the demos show it): a
        // page's markup is written, not held, so memory does not grow with
        // the library.
        Ok((
            first.then_some((mount, files.linked)),
            (id.clone(), key, written),
        ))
    });
    let mut first = None;
    let mut built_reports = BuiltReports::default();
    for page in pages {
        let (mount_and_files, (id, key, files)) = page?;
        if mount_and_files.is_some() {
            first = mount_and_files;
        }
        if let Some(key) = key {
            built_reports.0.insert(id, (key, files));
        }
    }
    staging.write(BuiltReports::FILE, built_reports.to_text().as_bytes())?;

    let (mount, files) = first.as_ref().ok_or("no report to build")?;
    let head = page::viewer_head(&viewer.assets, &[files]);
    let demo = page::fill_template(
        PORTAL_DEMO,
        &[("viewer_head", &head), ("viewer_mount", mount)],
    )
    .map_err(|e| format!("assets/demo/portal-demo.html: {e}"))?;
    staging.write(
        &format!("{}.html", site_pages::PORTAL_DEMO),
        demo.as_bytes(),
    )?;
    let frame_host = page::frame_host_tag(&page::integrity(viewer.frame_host.as_bytes()));
    let framed = page::fill_template(PORTAL_IFRAME, &[("frame_host_head", &frame_host)])
        .map_err(|e| format!("assets/demo/portal-iframe.html: {e}"))?;
    staging.write(
        &format!("{}.html", site_pages::PORTAL_IFRAME),
        framed.as_bytes(),
    )?;

    let mut library_pages = 0;
    if let Some(site) = &library {
        staging.write(page::LIBRARY_SCRIPT, library_js.as_bytes())?;
        staging.write(
            &library_assets.css_file().name,
            library_assets.css.as_bytes(),
        )?;
        for library_page in &site.pages {
            let html =
                page::library_document(&library_page.title, &library_page.body, &library_assets);
            staging.write(&library_page.path, html.as_bytes())?;
        }
        for (path, contents) in &site.data {
            staging.write(path, contents.as_bytes())?;
        }
        library_pages = site.pages.len();
    }
    Ok(Built {
        library_pages,
        style_src,
        ..Built::default()
    })
}

/// What identifies this generator: the sources of the viewer it carries
/// and the running binary's size and time, which a rebuild of it changes,
/// so a cached page is never taken over by another version (cheaper than
/// a digest of the binary, which a debug build makes hundreds of MB).
/// `None` (no cache) when the binary cannot be looked at.
fn generator_id() -> Option<String> {
    let binary = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let modified = binary
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "{} {} {} {}",
        gir::BUILD_ID,
        env!("CARGO_PKG_VERSION"),
        binary.len(),
        modified.as_nanos()
    ))
}

/// The reports a build wrote, by id, each with its key (the digest of the
/// generator and of its compiled form) and its files: the cache that lets
/// the next build take over the files of a report that has not changed.
/// A map, as every report of a build looks itself up in it.
#[derive(Default)]
struct BuiltReports(BTreeMap<String, (String, Vec<String>)>);

impl BuiltReports {
    const FILE: &'static str = ".gir-site-reports";

    /// The previous build's list; an empty one when there is none or it
    /// cannot be read.
    fn read(site: &std::path::Path) -> Self {
        let text = std::fs::read_to_string(site.join(Self::FILE)).unwrap_or_default();
        BuiltReports(
            text.lines()
                .filter_map(|line| {
                    let mut fields = line.split('\t');
                    let id = fields.next()?.to_string();
                    let key = fields.next()?.to_string();
                    Some((id, (key, fields.map(String::from).collect())))
                })
                .collect(),
        )
    }

    /// The files of report `id` when its key was `key` and every one of
    /// them is still in the site.
    fn files(&self, id: &str, key: Option<&str>, site: &std::path::Path) -> Option<Vec<String>> {
        let (previous_key, files) = self.0.get(id)?;
        if Some(previous_key.as_str()) != key {
            return None;
        }
        files
            .iter()
            .all(|file| site.join(file).is_file())
            .then(|| files.clone())
    }

    /// One line a report, in the order of the ids.
    fn to_text(&self) -> String {
        self.0
            .iter()
            .map(|(id, (key, files))| format!("{id}\t{key}\t{}\n", files.join("\t")))
            .collect()
    }
}

/// A report's data files: what its pages link, and their bytes.
struct ReportFileSet {
    linked: ReportFiles,
    contents: Vec<(String, Vec<u8>)>,
}

fn report_files(
    compiled: &CompiledReport,
    report_page: &SharedPage,
    print_css: &str,
) -> Result<ReportFileSet, String> {
    let report = &compiled.report;
    let (data, bytes) = page::report_data(report_page)?;
    let (hydration_data, hydration_bytes) = page::report_data(&report_page.for_hydration())?;
    let (print_stylesheet, print) = page::print_stylesheet(&report.id, &report.title, print_css);
    let mut contents: Vec<(String, Vec<u8>)> = gir_compile::export::data_files(report)
        .into_iter()
        .map(|(path, text)| (path, text.into_bytes()))
        .collect();
    contents.push((data.name.clone(), bytes));
    contents.push((hydration_data.name.clone(), hydration_bytes));
    contents.push((print_stylesheet.name.clone(), print.into_bytes()));
    Ok(ReportFileSet {
        linked: ReportFiles {
            data,
            hydration_data,
            print_stylesheet,
        },
        contents,
    })
}
