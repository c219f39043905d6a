//! `report-viewer build` and `serve` as a portal's web team runs them: the
//! built binary, alone, on folders of datasets.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_report-viewer");

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// A fresh folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("report-viewer-site-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The binary with an empty environment and a PATH that leads nowhere: no
/// cargo, node, trunk or anything else it could lean on.
fn bare(args: &[&Path]) -> Output {
    Command::new(BINARY)
        .env_clear()
        .env("PATH", "/nonexistent")
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file of `dir` (relative path → bytes), the build's list included.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A folder holding copies of the seed and the standard-format samples.
fn library_folder(dir: &Path) -> PathBuf {
    let datasets = dir.join("datasets");
    std::fs::create_dir_all(&datasets).unwrap();
    for file in [
        "assets/reports/nanfen-2017.json",
        "tests/fixtures/library/library-edu-2022.json",
        "tests/fixtures/library/library-edu-2023.json",
    ] {
        let from = repo_path(file);
        std::fs::copy(&from, datasets.join(from.file_name().unwrap())).unwrap();
    }
    datasets
}

/// A scratch folder `name` with the library's datasets and its site built:
/// (the folder, the datasets' folder, the site).
fn built_library(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = scratch(name);
    let datasets = library_folder(&dir);
    let site = dir.join("site");
    let built = bare(&[Path::new("build"), &datasets, Path::new("-o"), &site]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    (dir, datasets, site)
}

#[test]
fn the_binary_alone_builds_a_library_with_no_tool_on_path() {
    let dir = scratch("bare");
    let datasets = library_folder(&dir);
    let site = dir.join("site");
    let built = bare(&[Path::new("build"), &datasets, Path::new("-o"), &site]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let summary = text(&built.stdout);
    assert!(summary.contains("3 report(s), a library of"), "{summary}");
    for file in [
        "index.html",
        "nanfen-2017.html",
        "library-edu-2023.html",
        "gir-viewer.js",
        "gir-library.js",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    let wasm: Vec<String> = std::fs::read_dir(&site)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with("_bg.wasm"))
        .collect();
    assert_eq!(wasm.len(), 1, "{wasm:?}");
}

#[test]
fn init_writes_a_configuration_that_build_reads() {
    let dir = scratch("config");
    let datasets = library_folder(&dir);
    let init = bare(&[Path::new("init"), &datasets]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    let config = datasets.join("report-viewer.toml");
    let template = std::fs::read_to_string(&config).unwrap();
    assert!(template.contains("# title = "), "{template}");
    assert_eq!(
        bare(&[Path::new("init"), &datasets]).status.code(),
        Some(2),
        "never overwritten"
    );
    assert_eq!(std::fs::read_to_string(&config).unwrap(), template);

    std::fs::write(
        &config,
        template.replace(
            "# title = \"政府信息公开工作年度报告库\"",
            "title = \"某县报告库\"",
        ),
    )
    .unwrap();
    let site = dir.join("site");
    assert!(
        bare(&[Path::new("build"), &datasets, Path::new("-o"), &site])
            .status
            .success()
    );
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("<title>某县报告库</title>"), "{index}");
    assert!(index.contains(">某县报告库</h1>"), "{index}");

    // A mistake in it is refused with its place, and nothing is written.
    std::fs::write(&config, "title = \"某县报告库\"\nbase_path = 3\n").unwrap();
    let refused = bare(&[Path::new("build"), &datasets, Path::new("-o"), &site]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains(&format!("{}:2:13:", config.display())),
        "{}",
        text(&refused.stderr)
    );
}

#[test]
fn a_broken_dataset_writes_nothing_and_keeps_the_previous_site() {
    let (dir, datasets, site) = built_library("broken");
    let before = files(&site);

    // A missing comma on line 3 of one dataset.
    let broken = datasets.join("library-edu-2023.json");
    let json = std::fs::read_to_string(&broken).unwrap();
    let mut lines: Vec<&str> = json.lines().collect();
    let third = lines[2].trim_end_matches(',').to_string();
    lines[2] = &third;
    std::fs::write(&broken, lines.join("\n")).unwrap();

    let failed = bare(&[Path::new("build"), &datasets, Path::new("-o"), &site]);
    assert_eq!(failed.status.code(), Some(1));
    let err = text(&failed.stderr);
    assert!(
        err.contains(&format!("{}:4:", broken.display())),
        "file:line:column: {err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(files(&site), before, "the previous site, byte for byte");
    assert!(!dir.join("site.staging").exists());

    // --keep-going builds the others and lists the failure.
    let kept = bare(&[
        Path::new("build"),
        &datasets,
        Path::new("-o"),
        &site,
        Path::new("--keep-going"),
    ]);
    assert_eq!(kept.status.code(), Some(1));
    assert!(
        text(&kept.stdout).contains("2 report(s)"),
        "{}",
        text(&kept.stdout)
    );
    assert!(text(&kept.stderr).contains(&format!("{}:4:", broken.display())));
    assert!(site.join("library-edu-2022.html").is_file());
    assert!(
        !site.join("library-edu-2023.html").exists(),
        "a report left out is not in the site"
    );
}

#[test]
fn a_rebuild_equals_a_clean_build_and_touches_only_what_changed() {
    let (dir, datasets, site) = built_library("incremental");
    let index_time = std::fs::metadata(site.join("nanfen-2017.html"))
        .unwrap()
        .modified()
        .unwrap();

    // One sentence of one report changes: the report of the year before
    // another, whose 内容雷同 (and page) change with it although its own
    // dataset does not.
    let changed = datasets.join("library-edu-2022.json");
    let json = std::fs::read_to_string(&changed).unwrap();
    // A sentence the 2023 report repeats word for word.
    let edited = json.replacen(
        "信息发布的及时性有待提高。",
        "信息发布的及时性仍需改进。",
        1,
    );
    assert_ne!(edited, json);
    std::fs::write(&changed, edited).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let rebuilt = bare(&[Path::new("build"), &datasets, Path::new("-o"), &site]);
    assert!(rebuilt.status.success(), "{}", text(&rebuilt.stderr));
    let summary = text(&rebuilt.stdout);
    assert!(!summary.contains(" 0 file(s) written"), "{summary}");
    assert_eq!(
        std::fs::metadata(site.join("nanfen-2017.html"))
            .unwrap()
            .modified()
            .unwrap(),
        index_time,
        "an unchanged page keeps its time"
    );

    let clean = dir.join("clean");
    assert!(
        bare(&[Path::new("build"), &datasets, Path::new("-o"), &clean])
            .status
            .success()
    );
    assert_eq!(
        files(&site),
        files(&clean),
        "the rebuilt site is the clean build"
    );
}

/// A running `report-viewer serve`, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_rebuilds_on_a_change_shows_problems_in_the_page_and_tells_the_page_to_reload() {
    let dir = scratch("serve");
    let datasets = dir.join("datasets");
    std::fs::create_dir_all(&datasets).unwrap();
    let dataset = datasets.join("nanfen-2017.json");
    let json = std::fs::read_to_string(repo_path("assets/reports/nanfen-2017.json")).unwrap();
    std::fs::write(&dataset, &json).unwrap();
    // Served under the portal's path, as the configuration says.
    std::fs::write(
        datasets.join("report-viewer.toml"),
        "base_path = \"/xxgk/ndbg/\"\n",
    )
    .unwrap();
    let port = free_port();
    let _server = Server(
        Command::new(BINARY)
            .args(["serve", "--port", &port.to_string(), "-o"])
            .arg(dir.join("site"))
            .arg(&datasets)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    until("the first page", || {
        get(port, "/xxgk/ndbg/nanfen-2017.html")
            .is_some_and(|page| page.starts_with("HTTP/1.1 200"))
    });
    let page = get(port, "/xxgk/ndbg/nanfen-2017.html").unwrap();
    assert!(page.contains("南芬区2017年度政府信息公开工作报告"));
    assert!(
        page.contains("<script src=\"/__gir/reload.js\"></script>"),
        "the reload script"
    );
    assert!(get(port, "/../Cargo.toml")
        .unwrap()
        .starts_with("HTTP/1.1 404"));

    // A page waiting for the next build hears of it when the dataset changes.
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(events, "GET /__gir/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut connected = [0u8; 256];
    let n = events.read(&mut connected).unwrap();
    assert!(text(&connected[..n]).contains("text/event-stream"));
    std::fs::write(
        &dataset,
        json.replace("南芬区2017年度", "南芬区二〇一七年度"),
    )
    .unwrap();
    let mut heard = Vec::new();
    events.read_to_end(&mut heard).unwrap();
    assert!(text(&heard).contains("event: build"), "{}", text(&heard));
    until("the rebuilt page", || {
        get(port, "/xxgk/ndbg/nanfen-2017.html")
            .is_some_and(|page| page.contains("南芬区二〇一七年度"))
    });

    // A broken dataset: every page lists its problems with their places.
    std::fs::write(&dataset, "{\n  \"id\": \"nanfen-2017\",\n  oops\n}\n").unwrap();
    until("the problems page", || {
        get(port, "/xxgk/ndbg/nanfen-2017.html").is_some_and(|page| page.contains("数据集有错误"))
    });
    let page = get(port, "/xxgk/ndbg/nanfen-2017.html").unwrap();
    assert!(
        page.contains(&format!("{}:3:", dataset.display())),
        "{page}"
    );
}
