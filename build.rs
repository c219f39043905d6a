//! Names the sources this crate is built from: `GIR_BUILD_ID`, a digest of
//! every file the viewer's code comes from (this crate's and the model's
//! sources and manifests, the lock). The native build that prerenders the
//! markup and the wasm build that hydrates it each run this script on what
//! they compile, so the site generator can refuse a wasm whose id is not its
//! own (crates/site: `viewer::check_build`). It compiles no report.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// What the viewer's code is compiled from, relative to this crate.
const INPUTS: [&str; 5] = [
    "src",
    "Cargo.toml",
    "Cargo.lock",
    "crates/model/src",
    "crates/model/Cargo.toml",
];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(&root.join(input), &mut files);
    }
    files.sort();
    // SipHash with fixed keys: the same bytes give the same id in both
    // builds (one toolchain), which is all the id has to do.
    let mut hasher = DefaultHasher::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        let name = file.strip_prefix(&root).unwrap_or(file);
        hasher.write(name.to_string_lossy().as_bytes());
        hasher.write_usize(bytes.len());
        hasher.write(&bytes);
    }
    println!("cargo:rustc-env=GIR_BUILD_ID={:016x}", hasher.finish());
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), files);
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
}
