//! Builds the viewer's wasm and glue once, when the site generator itself is
//! built, so `report-viewer build` needs nothing installed: the binary
//! carries them (`src/viewer.rs`).
//!
//! 1. `cargo build` of the app crate's `viewer` binary for
//!    `wasm32-unknown-unknown` (profile `wasm-release`, feature `hydration`),
//!    in a target folder of its own beside this build's (a nested cargo in
//!    the same folder would wait on this build's lock forever);
//! 2. `wasm-bindgen --target web` (the version in Cargo.lock);
//! 3. `wasm-opt -Oz` with the options `index.html` declares (npm `binaryen`).
//!
//! A missing tool stops the build with what to run (`scripts/setup`).
//! With the `fault-injection` feature the wasm is the test build in which
//! choosing 字体 大 panics.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(env("CARGO_MANIFEST_DIR"));
    let root = manifest
        .parent()
        .and_then(Path::parent)
        .expect("crates/site is two folders below the workspace")
        .to_path_buf();
    let out = PathBuf::from(env("OUT_DIR"));
    for input in [
        "src",
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "index.html",
        "crates/model",
    ] {
        println!("cargo:rerun-if-changed={}", root.join(input).display());
    }
    println!("cargo:rerun-if-env-changed=GIR_WASM_OPT");

    let fault_injection = std::env::var_os("CARGO_FEATURE_FAULT_INJECTION").is_some();
    let features = if fault_injection {
        "hydration,fault-injection"
    } else {
        "hydration"
    };
    let target_dir = nested_target_dir(&out, &root);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .current_dir(&root)
        .args([
            "build",
            "--locked",
            "--package",
            "gov-report-viewer",
            "--bin",
            "viewer",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
            "--features",
            features,
            "--target-dir",
        ])
        .arg(&target_dir);
    keep_only_the_toolchain_environment(&mut build);
    run(&mut build, "cargo build of the viewer's wasm (is the wasm32-unknown-unknown target installed? scripts/setup adds it)");

    let wasm = target_dir.join("wasm32-unknown-unknown/wasm-release/viewer.wasm");
    let wanted = locked_version(&root, "wasm-bindgen");
    let found = tool_output("wasm-bindgen", &["--version"]);
    if found.trim() != format!("wasm-bindgen {wanted}") {
        fail(&format!(
            "the viewer's glue needs wasm-bindgen {wanted} (the version in Cargo.lock), found {:?}: run scripts/setup (cargo install wasm-bindgen-cli --version ={wanted})",
            found.trim()
        ));
    }
    run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "viewer",
                "--out-dir",
            ])
            .arg(&out)
            .arg(&wasm),
        "wasm-bindgen",
    );

    let optimised = out.join("viewer_bg.wasm");
    let wasm_opt = wasm_opt(&root);
    run(
        Command::new(&wasm_opt)
            .args(wasm_opt_options(&root))
            .arg(&optimised)
            .arg("-o")
            .arg(&optimised),
        "wasm-opt (npm binaryen; scripts/setup installs it)",
    );
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| fail(&format!("cargo sets {name}")))
}

/// `<this build's target folder>/viewer-wasm`: the folder cargo marks with
/// `CACHEDIR.TAG`, above `OUT_DIR`; the workspace's `target/` otherwise.
fn nested_target_dir(out: &Path, root: &Path) -> PathBuf {
    out.ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .unwrap_or(&root.join("target"))
        .join("viewer-wasm")
}

/// The nested cargo sees the toolchain and the user's folders, not this
/// build's variables (its target, features, flags, clippy's wrapper), which
/// would otherwise be taken as its own.
fn keep_only_the_toolchain_environment(command: &mut Command) {
    const KEPT: [&str; 9] = [
        "PATH",
        "HOME",
        "CARGO_HOME",
        "RUSTUP_HOME",
        "RUSTUP_TOOLCHAIN",
        "CARGO_MAKEFLAGS",
        "TMPDIR",
        "CARGO_NET_OFFLINE",
        "CARGO_REGISTRIES_CRATES_IO_PROTOCOL",
    ];
    command.env_clear();
    for name in KEPT {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        }
    }
}

/// The version of `package` in Cargo.lock.
fn locked_version(root: &Path, package: &str) -> String {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .unwrap_or_else(|e| fail(&format!("Cargo.lock: {e}")));
    let entry = format!("name = \"{package}\"\nversion = \"");
    let at = lock
        .find(&entry)
        .unwrap_or_else(|| fail(&format!("Cargo.lock has no {package}")));
    let rest = &lock[at + entry.len()..];
    rest[..rest.find('"').unwrap_or(0)].to_string()
}

/// `GIR_WASM_OPT`, else `wasm-opt` from the workspace's npm packages, else
/// from PATH.
fn wasm_opt(root: &Path) -> PathBuf {
    if let Some(path) = std::env::var_os("GIR_WASM_OPT") {
        return path.into();
    }
    let npm = root.join("node_modules/.bin/wasm-opt");
    if npm.is_file() {
        return npm;
    }
    "wasm-opt".into()
}

/// `-O<level>` and the options of `data-wasm-opt` and
/// `data-wasm-opt-params` on index.html's `rel="rust"` link: the one place
/// that says how the wasm is optimised.
fn wasm_opt_options(root: &Path) -> Vec<String> {
    let html = std::fs::read_to_string(root.join("index.html"))
        .unwrap_or_else(|e| fail(&format!("index.html: {e}")));
    let attribute = |name: &str| -> String {
        let key = format!("{name}=\"");
        let at = html
            .find(&key)
            .unwrap_or_else(|| fail(&format!("index.html declares no {name}")));
        let rest = &html[at + key.len()..];
        rest[..rest.find('"').unwrap_or(0)].to_string()
    };
    let mut options = vec![format!("-O{}", attribute("data-wasm-opt"))];
    options.extend(
        attribute("data-wasm-opt-params")
            .split_whitespace()
            .map(String::from),
    );
    options
}

fn tool_output(tool: &str, args: &[&str]) -> String {
    match Command::new(tool).args(args).output() {
        Ok(output) => String::from_utf8_lossy(&output.stdout).into_owned(),
        Err(_) => String::new(),
    }
}

fn run(command: &mut Command, what: &str) {
    match command.status() {
        Ok(status) if status.success() => {}
        Ok(status) => fail(&format!("{what} failed ({status})")),
        Err(e) => fail(&format!("{what} could not start: {e}")),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: building the viewer's wasm: {message}");
    std::process::exit(1);
}
