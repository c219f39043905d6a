//! `report-viewer serve`: builds the site, serves it on 127.0.0.1, and
//! builds it again whenever a dataset changes; the open page reloads.
//!
//! - A watcher looks at the datasets' names, sizes and times four times a
//!   second (no file-system notification crate: the folders are small, and
//!   polling behaves the same on every system).
//! - Pages are served with a small script (`/__gir/reload.js`) that waits
//!   on `/__gir/events` (server-sent events) and reloads the page when a
//!   build has finished.
//! - While the datasets have problems, every page is a list of them
//!   (`file:line:column: message`), which reloads when they are fixed; the
//!   last good site stays on disk.
//!
//! The server answers GET and HEAD for files inside the site only, on
//! 127.0.0.1, a thread per connection; it is for an editor's own machine,
//! not for readers.

use crate::cli::{build_summary, Outcome, EXIT_UNREADABLE};
use gir_compile::text::printable;
use gir_model::escape;
use gir_site::generate;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

const RELOAD_SCRIPT_PATH: &str = "/__gir/reload.js";
const EVENTS_PATH: &str = "/__gir/events";
const RELOAD_SCRIPT: &str =
    "new EventSource(\"/__gir/events\").addEventListener(\"build\", () => location.reload());\n";
const WATCH_INTERVAL: Duration = Duration::from_millis(250);

/// What the server shows: the number of the last build, and its problems
/// (none: the site on disk is current).
#[derive(Default)]
struct Status {
    generation: u64,
    problems: Vec<String>,
}

pub fn run(
    inputs: Vec<PathBuf>,
    port: u16,
    output: Option<PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let site = match output {
        Some(site) => site,
        None => std::env::temp_dir().join(format!("report-viewer-serve-{}", std::process::id())),
    };
    let base = generate::site_config(&inputs)
        .map_err(|e| e.to_string())?
        .base_path;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("127.0.0.1:{port}: cannot listen: {e}"))?;
    let status = Arc::new(Mutex::new(Status::default()));
    let options = generate::Options::new(inputs.clone(), site.clone());
    rebuild(&options, &status, err);
    let _ = writeln!(
        out,
        "serving {} on http://127.0.0.1:{port}{base} (Ctrl-C stops)",
        printable(&site.display().to_string())
    );
    let _ = out.flush();

    let watched = status.clone();
    std::thread::spawn(move || {
        let mut seen = snapshot(&inputs);
        loop {
            std::thread::sleep(WATCH_INTERVAL);
            let now = snapshot(&inputs);
            if now != seen {
                seen = now;
                rebuild(&options, &watched, &mut std::io::stderr());
            }
        }
    });

    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let site = site.clone();
        let status = status.clone();
        let base = base.clone();
        std::thread::spawn(move || {
            let _ = answer(stream, &site, &base, &status);
        });
    }
    Ok(EXIT_UNREADABLE)
}

/// Builds the site and records the outcome for the pages.
fn rebuild(options: &generate::Options, status: &Mutex<Status>, err: &mut dyn Write) {
    let started = Instant::now();
    let problems = match generate::build(options) {
        Ok(built) => {
            let _ = writeln!(
                err,
                "{}",
                build_summary(&built, &options.out, started.elapsed())
            );
            Vec::new()
        }
        Err(error) => {
            for problem in &error.problems {
                let _ = writeln!(err, "{problem}");
            }
            let _ = writeln!(
                err,
                "report-viewer: {} problem(s): the page shows them",
                error.problems.len()
            );
            error.problems
        }
    };
    let mut status = status.lock().expect("the status is never poisoned");
    status.generation += 1;
    status.problems = problems;
}

/// The datasets' paths, sizes and modification times.
fn snapshot(inputs: &[PathBuf]) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files = Vec::new();
    for input in inputs {
        let paths: Vec<PathBuf> = if input.is_dir() {
            std::fs::read_dir(input)
                .into_iter()
                .flatten()
                .flatten()
                .map(|entry| entry.path())
                .collect()
        } else {
            vec![input.clone()]
        };
        for path in paths {
            if let Ok(meta) = std::fs::metadata(&path) {
                files.push((path, meta.len(), meta.modified().ok()));
            }
        }
    }
    files.sort();
    files
}

/// Answers one request; the site is at `base` (the configuration's
/// `base_path`).
fn answer(
    mut stream: TcpStream,
    site: &Path,
    base: &str,
    status: &Mutex<Status>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.by_ref().take(8192).read_line(&mut request_line)?;
    // The headers are read and ignored (up to a bound).
    let mut header = String::new();
    for _ in 0..100 {
        header.clear();
        if reader.by_ref().take(8192).read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            method,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == RELOAD_SCRIPT_PATH {
        return respond(
            &mut stream,
            "200 OK",
            "text/javascript",
            RELOAD_SCRIPT.as_bytes(),
            method,
        );
    }
    if path == EVENTS_PATH {
        return events(stream, status);
    }
    let Some(path) = path.strip_prefix(base.trim_end_matches('/')) else {
        if path == "/" {
            return redirect(&mut stream, base);
        }
        return not_found(&mut stream, method);
    };
    let problems = status.lock().expect("never poisoned").problems.clone();
    let Some(file) = site_file(site, path) else {
        return not_found(&mut stream, method);
    };
    let content_type = content_type(&file);
    if content_type.starts_with("text/html") && !problems.is_empty() {
        let page = problems_page(&problems);
        return respond(
            &mut stream,
            "500 Internal Server Error",
            content_type,
            page.as_bytes(),
            method,
        );
    }
    match std::fs::read(&file) {
        Ok(mut body) => {
            if content_type.starts_with("text/html") {
                body = with_reload_script(body);
            }
            respond(&mut stream, "200 OK", content_type, &body, method)
        }
        Err(_) => not_found(&mut stream, method),
    }
}

/// The file of the site at URL path `path` (`/` and folders: their
/// `index.html`); `None` for a path that would leave the site.
fn site_file(site: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    let mut file = site.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty()) {
        if part == "." || part == ".." || part.contains('\\') || part.contains('\0') {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The page with the reload script before `</body>`.
fn with_reload_script(page: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{RELOAD_SCRIPT_PATH}\"></script>");
    let text = String::from_utf8_lossy(&page);
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// Every page while the datasets have problems: the list of them.
fn problems_page(problems: &[String]) -> String {
    let items: String = problems
        .iter()
        .map(|p| format!("<li><code>{}</code></li>\n", escape::markup(p)))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>数据集有错误</title>\n</head>\n<body>\n<main>\n<h1>数据集有错误,站点未更新</h1>\n<p>改正后页面会自动重新加载。共 {} 处:</p>\n<ol class=\"gir-serve-problems\">\n{items}</ol>\n</main>\n<script src=\"{RELOAD_SCRIPT_PATH}\"></script>\n</body>\n</html>\n",
        problems.len()
    )
}

/// Server-sent events: one `build` event after each build that finishes
/// while the page is open.
fn events(mut stream: TcpStream, status: &Mutex<Status>) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n",
    )?;
    let generation = |status: &Mutex<Status>| status.lock().expect("never poisoned").generation;
    let seen = generation(status);
    let mut quiet = Duration::ZERO;
    loop {
        std::thread::sleep(Duration::from_millis(50));
        if generation(status) != seen {
            stream.write_all(b"event: build\ndata: reload\n\n")?;
            return stream.flush();
        }
        quiet += Duration::from_millis(50);
        // A comment now and then finds a page that has gone.
        if quiet >= Duration::from_secs(15) {
            stream.write_all(b": waiting\n\n")?;
            quiet = Duration::ZERO;
        }
    }
}

fn not_found(stream: &mut TcpStream, method: &str) -> std::io::Result<()> {
    respond(
        stream,
        "404 Not Found",
        "text/plain",
        b"not found\n",
        method,
    )
}

/// Sends the reader from `/` to the site under its base path.
fn redirect(stream: &mut TcpStream, base: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 302 Found\r\nLocation: {base}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes())?;
    stream.flush()
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    method: &str,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let site = Path::new("/srv/site");
        assert_eq!(site_file(site, "/a%20b.html"), Some(site.join("a b.html")));
        for path in ["/../etc/passwd", "/%2e%2e/x", "/a/..%2F..%2Fx", "/%zz"] {
            assert_eq!(site_file(site, path), None, "{path}");
        }
    }

    #[test]
    fn the_problems_page_shows_each_problem_as_text() {
        let page = problems_page(&["a.json:3:7: bad <script>".to_string()]);
        assert!(
            page.contains("<code>a.json:3:7: bad &lt;script&gt;</code>"),
            "{page}"
        );
        assert!(page.contains(RELOAD_SCRIPT_PATH));
    }
}
