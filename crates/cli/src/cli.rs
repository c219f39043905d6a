//! The command line: arguments (clap), output, exit status. The work is
//! done by [`crate::check`], [`crate::render`] and [`crate::import`]; this
//! module only reads inputs, writes outputs and chooses the status.

use crate::check::{self, Checked, Finding, Severity};
use crate::import::{self, is_valid_id, Imported, Places};
use crate::render;
use crate::serve;
use clap::{Parser, Subcommand, ValueEnum};
use gir_compile::text::printable;
use gir_site::generate;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit status: everything checked out (warnings and notes allowed).
pub const EXIT_OK: i32 = 0;
/// Exit status: a dataset has problems the build would refuse.
pub const EXIT_PROBLEMS: i32 = 1;
/// Exit status: an input could not be read, or the arguments are wrong.
pub const EXIT_UNREADABLE: i32 = 2;

/// The largest text `import` reads (a report's text is at most 200 KB; a
/// page with its chrome can be larger, not this large).
const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;
/// The largest Word file `import` reads (its pictures, a seal's scan, make
/// it larger than a text; the importer inflates only the text's parts).
const MAX_WORD_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Parser)]
#[command(
    name = "report-viewer",
    version,
    about = "The 政府信息公开工作年度报告 viewer: build a static site of report datasets (the viewer's wasm is inside this program), serve it while editing, import a report's text into a dataset, check datasets, render a dataset's page to preview it.",
    after_help = "Exit status: 0 done (warnings and notes allowed), 1 a dataset has problems, 2 an input cannot be read (or wrong arguments)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site of every report in the folders
    ///
    /// Writes every report's page and data files, the library pages (for
    /// more than one report), the downloads and the viewer's files (boot
    /// module, wasm, glue, stylesheets), all from this program: nothing
    /// else is needed. Each `*.json` of a folder is a dataset; with no
    /// folder, the built-in report (the seed). The site changes only when
    /// the whole build succeeds, and then only the files whose bytes
    /// changed; files of an earlier build that are gone are removed.
    Build {
        /// Folders of datasets (each `*.json`) or dataset files.
        #[arg(value_name = "DIR")]
        inputs: Vec<PathBuf>,
        /// The site's folder (made if missing; a folder with other files
        /// than a site this program wrote is refused).
        #[arg(short, long, value_name = "SITE")]
        output: PathBuf,
        /// Build the reports that load and list the datasets that do not
        /// (exit status 1), instead of writing nothing.
        #[arg(long)]
        keep_going: bool,
    },
    /// Write a commented site configuration (report-viewer.toml) into DIR
    ///
    /// Every key is shown at its default, with what it does; `build` and
    /// `serve` read it from the first folder of datasets. An existing
    /// configuration is never overwritten.
    Init {
        /// The folder of datasets.
        #[arg(value_name = "DIR")]
        folder: PathBuf,
    },
    /// Build the site and serve it on 127.0.0.1, rebuilding on every change
    ///
    /// Watches the datasets: on a change the site is built again and the
    /// open page reloads. A dataset with problems shows its
    /// file:line:column errors in the page. With no folder, the built-in
    /// report (the seed).
    Serve {
        /// Folders of datasets (each `*.json`) or dataset files.
        #[arg(value_name = "DIR")]
        inputs: Vec<PathBuf>,
        /// The port on 127.0.0.1.
        #[arg(short, long, default_value_t = 8080)]
        port: u16,
        /// Where to write the site (by default a folder in the system's
        /// temporary folder).
        #[arg(short, long, value_name = "SITE")]
        output: Option<PathBuf>,
    },
    /// Import a report's page, text or Word file into a dataset
    ///
    /// Reads the report's page as a browser or CMS saved it (.html, UTF-8 or
    /// GBK), plain text (copied from the page, or a PDF's text layer) or a
    /// Word file (.docx: paragraphs with their automatic numbering, tables
    /// with merged cells): the metadata, the title, sections, run-in
    /// subsections, 一是… lists, the standard tables of 2019 and 2021, and
    /// numbers with units proposed as figure candidates (never charted until
    /// an editor confirms them). Notices (lines, or a Word file's
    /// paragraphs, it was unsure of, what it left out) go to standard error.
    #[command(
        after_help = "The dataset is checked after writing: exit status 1 when the build would refuse it as it is. PDF files are not read: give their text layer (pdftotext report.pdf). docs/authoring.md has the details."
    )]
    Import {
        /// The text or .docx file, or `-` for standard input.
        #[arg(value_name = "FILE|-")]
        input: String,
        /// Write the dataset here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The report's id (URL-safe: ASCII letters, digits, - and _);
        /// by default made from the input file's name.
        #[arg(long)]
        id: Option<String>,
    },
    /// Check datasets as the build does
    ///
    /// Prints every problem as file:line:column: message (the place the
    /// JSON gives, however it is laid out), broken 勾稽关系 and figure
    /// candidates awaiting confirmation as warnings, editorial notes on the
    /// published text as notes.
    Check {
        /// Dataset files (`-` for standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// `json`: one list of {file, line, column, severity, message}
        /// (severity error, warning or note; line and column null for a file
        /// that cannot be read), for a CMS.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Render a dataset's page, to preview it without a wasm build
    ///
    /// Uses the viewer's own server-side rendering, as the build's prerender
    /// step does. The page runs no script: it is what readers see before
    /// the viewer starts, or with JavaScript off (字体, 打印 and the other
    /// controls do nothing in it).
    #[command(
        after_help = "The page is one file: the viewer's stylesheet is in it (--stylesheet links another URL instead). Nothing else is written. Data downloads (下载数据) link to files only the build writes."
    )]
    Render {
        /// The dataset file (`-` for standard input).
        #[arg(value_name = "FILE")]
        file: String,
        /// Write the page here instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Link this stylesheet URL instead of writing one.
        #[arg(long, value_name = "HREF")]
        stylesheet: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

/// Runs the command line `args` (the program name first), writing to
/// `out` and `err`; returns the exit status.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with status 0; argument
            // errors to standard error with status 2. Arguments are echoed,
            // so each line is made printable.
            let text = e.render().to_string();
            let text: Vec<String> = text.lines().map(printable).collect();
            let target: &mut dyn Write = if e.use_stderr() { err } else { out };
            let _ = writeln!(target, "{}", text.join("\n"));
            return if e.use_stderr() {
                EXIT_UNREADABLE
            } else {
                EXIT_OK
            };
        }
    };
    let status = match cli.command {
        Command::Build {
            inputs,
            output,
            keep_going,
        } => run_build(inputs, output, keep_going, out, err),
        Command::Serve {
            inputs,
            port,
            output,
        } => serve::run(inputs, port, output, out, err),
        Command::Init { folder } => run_init(&folder, err),
        Command::Check { files, format } => run_check(&files, format, out, err),
        Command::Render {
            file,
            output,
            stylesheet,
        } => run_render(&file, output.as_deref(), stylesheet.as_deref(), out, err),
        Command::Import { input, output, id } => {
            run_import(&input, output.as_deref(), id, out, err)
        }
    };
    match status {
        Ok(status) => status,
        Err(e) => {
            let _ = writeln!(err, "report-viewer: {}", printable(&e));
            EXIT_UNREADABLE
        }
    }
}

pub(crate) type Outcome = Result<i32, String>;

fn run_build(
    inputs: Vec<PathBuf>,
    output: PathBuf,
    keep_going: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let started = std::time::Instant::now();
    let mut options = generate::Options::new(inputs, output.clone());
    options.keep_going = keep_going;
    match generate::build(&options) {
        Ok(built) => {
            for warning in &built.warnings {
                writeln!(err, "warning: {warning}").map_err(write_error)?;
            }
            for problem in &built.left_out {
                writeln!(err, "{problem}").map_err(write_error)?;
            }
            writeln!(out, "{}", build_summary(&built, &output, started.elapsed()))
                .map_err(write_error)?;
            Ok(if built.left_out.is_empty() {
                EXIT_OK
            } else {
                EXIT_PROBLEMS
            })
        }
        Err(error) => {
            for problem in &error.problems {
                writeln!(err, "{problem}").map_err(write_error)?;
            }
            writeln!(
                err,
                "report-viewer: nothing written: {} problem(s); {} is as it was",
                error.problems.len(),
                printable(&output.display().to_string())
            )
            .map_err(write_error)?;
            Ok(EXIT_PROBLEMS)
        }
    }
}

fn run_init(folder: &Path, err: &mut dyn Write) -> Outcome {
    let path = folder.join(gir_site::config::FILE_NAME);
    let shown = printable(&path.display().to_string());
    std::fs::create_dir_all(folder).map_err(|e| format!("{shown}: {e}"))?;
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(format!("{shown}: exists already: left as it is"))
        }
        Err(e) => return Err(format!("{shown}: cannot write: {e}")),
    };
    file.write_all(gir_site::config::TEMPLATE.as_bytes())
        .map_err(|e| format!("{shown}: cannot write: {e}"))?;
    writeln!(
        err,
        "wrote {shown}: every key commented out, at its default"
    )
    .map_err(write_error)?;
    Ok(EXIT_OK)
}

/// One line on what a build did.
pub(crate) fn build_summary(
    built: &generate::Built,
    site: &Path,
    took: std::time::Duration,
) -> String {
    let library = match built.library_pages {
        0 => String::new(),
        pages => format!(", a library of {pages} page(s)"),
    };
    let left_out = match built.left_out.len() {
        0 => String::new(),
        n => format!("; {n} problem(s) in datasets left out"),
    };
    format!(
        "built {}: {} report(s){library}; {} file(s) written, {} unchanged, {} removed, in {:.2} s{left_out}; inline styles: style-src {}",
        printable(&site.display().to_string()),
        built.reports,
        built.written,
        built.unchanged,
        built.removed,
        took.as_secs_f64(),
        built.style_src
    )
}

fn run_check(
    files: &[String],
    format: OutputFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let results: Vec<Checked> = files.iter().map(|f| check::check_file(f)).collect();
    let findings: Vec<&Finding> = results.iter().flat_map(|r| &r.findings).collect();
    match format {
        OutputFormat::Text => {
            for finding in &findings {
                writeln!(out, "{}", finding.to_line()).map_err(write_error)?;
            }
            let count = |severity| results.iter().map(|r| r.count(severity)).sum::<usize>();
            writeln!(
                err,
                "checked {} file(s): {} problem(s), {} warning(s), {} note(s)",
                files.len(),
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Note)
            )
            .map_err(write_error)?;
        }
        OutputFormat::Json => {
            let json = serde_json::to_string_pretty(&findings).map_err(|e| e.to_string())?;
            writeln!(out, "{json}").map_err(write_error)?;
        }
    }
    Ok(if results.iter().any(|r| r.unreadable) {
        EXIT_UNREADABLE
    } else if results.iter().any(|r| r.errors() > 0) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    })
}

/// The folder `path` is to be written in, made if it is missing.
fn create_parent(path: &Path) -> Result<(), String> {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => std::fs::create_dir_all(folder)
            .map_err(|e| format!("{}: cannot make the folder: {e}", folder.display())),
        _ => Ok(()),
    }
}

fn write_error(e: std::io::Error) -> String {
    format!("cannot write the output: {e}")
}

fn run_render(
    file: &str,
    output: Option<&Path>,
    stylesheet: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let print_findings = |findings: &[Finding], err: &mut dyn Write| -> Result<(), String> {
        for finding in findings {
            writeln!(err, "{}", finding.to_line()).map_err(write_error)?;
        }
        Ok(())
    };
    let (name, json) = match check::read_dataset(file) {
        Ok(read) => read,
        Err(checked) => {
            print_findings(&checked.findings, err)?;
            return Ok(if checked.unreadable {
                EXIT_UNREADABLE
            } else {
                EXIT_PROBLEMS
            });
        }
    };
    let rendered = match render::render_json(&name, &json, stylesheet) {
        Ok(rendered) => rendered,
        Err(findings) => {
            print_findings(&findings, err)?;
            return Ok(EXIT_PROBLEMS);
        }
    };
    match output {
        Some(path) => {
            create_parent(path)?;
            std::fs::write(path, &rendered.page)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            let style = match stylesheet {
                Some(href) => format!("linking {}", printable(href)),
                None => "its stylesheet in it".to_string(),
            };
            writeln!(
                err,
                "wrote {} ({style}; no script)",
                printable(&path.display().to_string())
            )
            .map_err(write_error)?;
        }
        None => out
            .write_all(rendered.page.as_bytes())
            .map_err(write_error)?,
    }
    Ok(EXIT_OK)
}

fn run_import(
    input: &str,
    output: Option<&Path>,
    id: Option<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    if let Some(id) = &id {
        if !is_valid_id(id) {
            return Err(format!(
                "--id {id:?}: an id uses only ASCII letters, digits, - and _ (it is part of URLs)"
            ));
        }
    }
    let name = if input == "-" { "<stdin>" } else { input };
    let bytes = check::read_limited(input, MAX_WORD_BYTES)
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    let (limit, what) = match bytes.starts_with(b"PK\x03\x04") {
        true => (MAX_WORD_BYTES, "Word file"),
        false => (MAX_IMPORT_BYTES, "text"),
    };
    if bytes.len() > limit {
        return Err(format!(
            "{name}: more than {limit} bytes: not a report's {what}"
        ));
    }
    let options = import::Options {
        id,
        source_name: (input != "-").then(|| input.to_string()),
    };
    let imported =
        import::import_bytes(&bytes, &options).map_err(|e| format!("{name}: {}", e.0))?;
    for notice in &imported.notices {
        let place = match (notice.line, imported.places) {
            (Some(line), Places::Lines) => format!("{name}:{line}"),
            (Some(paragraph), Places::Paragraphs) => format!("{name}: paragraph {paragraph}"),
            (None, _) => name.to_string(),
        };
        writeln!(err, "{}: {}", printable(&place), printable(&notice.message))
            .map_err(write_error)?;
    }
    let json = dataset_json(&imported)?;
    let written = match output {
        Some(path) => {
            create_parent(path)?;
            std::fs::write(path, &json)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            path.display().to_string()
        }
        None => {
            out.write_all(json.as_bytes()).map_err(write_error)?;
            "<stdout>".to_string()
        }
    };
    writeln!(err, "{}", printable(&summary(&imported, &written))).map_err(write_error)?;
    // What the build would say of the dataset as it is.
    let problems: Vec<Finding> = check::check_json(&written, &json)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    for finding in &problems {
        writeln!(err, "{}", finding.to_line()).map_err(write_error)?;
    }
    Ok(if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    })
}

/// The dataset as JSON, laid out as the shipped datasets are.
pub fn dataset_json(imported: &Imported) -> Result<String, String> {
    serde_json::to_string_pretty(&imported.report)
        .map(|json| json + "\n")
        .map_err(|e| e.to_string())
}

fn summary(imported: &Imported, written: &str) -> String {
    use gir_model::report::Block;
    let report = &imported.report;
    let blocks: Vec<&Block> = report.blocks().map(|(_, b)| b).collect();
    let count = |f: fn(&Block) -> bool| blocks.iter().filter(|b| f(b)).count();
    format!(
        "wrote {written}: “{}”, {} section(s), {} paragraph(s), {} subsection(s), {} list(s), {} table(s) ({} format); {} metadata field(s) filled; {} figure candidate(s)",
        report.title,
        report.sections.len(),
        count(|b| matches!(b, Block::Paragraph(_))),
        count(|b| matches!(b, Block::Subsection(_))),
        count(|b| matches!(b, Block::List(_))),
        count(|b| matches!(b, Block::Table(_))),
        gir_model::standard::format_name(report.format),
        report.meta.fields().iter().filter(|(_, v)| !v.is_empty()).count(),
        report.figure_candidates.0.len(),
    )
}
