//! Writing a site without losing the one already there.
//!
//! Every file of a build goes first into a staging folder beside the site.
//! Only when the whole build has succeeded is the site brought up to it:
//! a file whose bytes changed is replaced by a rename (a reader never gets
//! half a file), a file the previous build wrote and this one did not is
//! removed, and every other file is left alone, its modification time too,
//! so a deploy that compares times (rsync's default) sends only what
//! changed. A build that fails before [`Staging::publish`] leaves the site
//! as it was.
//!
//! The site's files are listed in [`MANIFEST`], so that a later build
//! removes only files a build wrote, never a file of someone else's in the
//! same folder; a folder that holds files but no manifest is refused.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The list of the files a build wrote, one relative path a line.
pub const MANIFEST: &str = ".gir-site-files";

/// A build's files, written as they are made into a folder beside the site.
pub struct Staging {
    dir: PathBuf,
    /// The site, and the files its previous build wrote.
    site: PathBuf,
    previous: BTreeSet<String>,
    /// The folders made in the staging folder so far.
    folders: BTreeSet<PathBuf>,
    /// Every file of the build, written or kept.
    files: BTreeSet<String>,
    /// The files of the site kept as they are ([`Staging::keep`]).
    kept: BTreeSet<String>,
}

/// What publishing changed in the site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// Files new or with other bytes than before.
    pub written: usize,
    /// Files with the same bytes as before, not touched.
    pub unchanged: usize,
    /// Files of the previous build that this one no longer has.
    pub removed: usize,
}

impl Staging {
    /// A staging folder for `site`: `<site>.staging` beside it (on the same
    /// file system, so publishing is renames), emptied of what a build that
    /// stopped half-way left there. A site folder that holds files but is
    /// not a site this tool wrote is refused here, before any work.
    pub fn new(site: &Path) -> Result<Self, String> {
        let previous = previous_files(site)?;
        let name = site
            .file_name()
            .ok_or_else(|| format!("{}: not a folder name", site.display()))?;
        let mut staging_name = name.to_os_string();
        staging_name.push(".staging");
        let dir = site.with_file_name(staging_name);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Staging {
            dir,
            site: site.to_path_buf(),
            previous,
            folders: BTreeSet::new(),
            files: BTreeSet::new(),
            kept: BTreeSet::new(),
        })
    }

    /// Writes the file `path` (relative, `/`-separated, made by the build).
    /// A file the previous build wrote with the same bytes is kept instead:
    /// one read, no write (file operations are what a large site's rebuild
    /// spends its time on).
    pub fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), String> {
        check_relative(path)?;
        if self.previous.contains(path)
            && std::fs::read(self.site.join(path)).is_ok_and(|old| old == contents)
        {
            return self.keep(path);
        }
        let file = self.dir.join(path);
        if let Some(folder) = file.parent() {
            if !self.folders.contains(folder) {
                std::fs::create_dir_all(folder).map_err(|e| format!("{path}: {e}"))?;
                self.folders.insert(folder.to_path_buf());
            }
        }
        std::fs::write(&file, contents).map_err(|e| format!("{path}: {e}"))?;
        self.files.insert(path.to_string());
        Ok(())
    }

    /// Keeps the site's file `path` as it is: the previous build wrote the
    /// bytes this build would (the caller knows, and has checked that the
    /// file is there). Nothing is copied, written or compared.
    pub fn keep(&mut self, path: &str) -> Result<(), String> {
        check_relative(path)?;
        self.files.insert(path.to_string());
        self.kept.insert(path.to_string());
        Ok(())
    }

    /// The site this build is for.
    pub fn site(&self) -> &Path {
        &self.site
    }

    /// Brings the site up to the staged build, then removes the staging
    /// folder.
    pub fn publish(self) -> Result<Published, String> {
        let site = self.site.as_path();
        let previous = &self.previous;
        std::fs::create_dir_all(site).map_err(|e| format!("{}: {e}", site.display()))?;
        let mut published = Published::default();
        for path in &self.files {
            if self.kept.contains(path) {
                published.unchanged += 1;
                continue;
            }
            // Written: new, or other bytes than the site's ([`Staging::write`]
            // kept every file whose bytes are the same).
            let staged = self.dir.join(path);
            let target = site.join(path);
            if let Some(folder) = target.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("{}: {e}", folder.display()))?;
            }
            std::fs::rename(&staged, &target).map_err(|e| format!("{}: {e}", target.display()))?;
            published.written += 1;
        }
        for stale in previous.difference(&self.files) {
            // Listed by a previous build; checked again, as the list is a
            // file anyone could have edited.
            if check_relative(stale).is_err() {
                continue;
            }
            match std::fs::remove_file(site.join(stale)) {
                Ok(()) => published.removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("{}: {e}", site.join(stale).display())),
            }
        }
        let manifest: String = self.files.iter().map(|path| format!("{path}\n")).collect();
        let manifest_file = site.join(MANIFEST);
        let temporary = self.dir.join(MANIFEST);
        std::fs::write(&temporary, manifest).map_err(|e| format!("{MANIFEST}: {e}"))?;
        std::fs::rename(&temporary, &manifest_file)
            .map_err(|e| format!("{}: {e}", manifest_file.display()))?;
        std::fs::remove_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        Ok(published)
    }
}

impl Drop for Staging {
    /// A build that failed leaves no staging folder behind (publish has
    /// removed it already when it succeeded).
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The files the previous build of `site` wrote: none for a missing or
/// empty folder; an error for a folder with files but no manifest, which
/// is not a site this tool wrote.
fn previous_files(site: &Path) -> Result<BTreeSet<String>, String> {
    match std::fs::read_to_string(site.join(MANIFEST)) {
        Ok(list) => Ok(list.lines().map(String::from).collect()),
        Err(_) => {
            let empty = match std::fs::read_dir(site) {
                Ok(mut entries) => entries.next().is_none(),
                Err(_) => true,
            };
            if empty {
                Ok(BTreeSet::new())
            } else {
                Err(format!(
                    "{}: the folder holds files but is not a site written by report-viewer (no {MANIFEST}): choose an empty or new folder",
                    site.display()
                ))
            }
        }
    }
}

/// A path the build may write: relative, `/`-separated, with no empty,
/// `.` or `..` part.
fn check_relative(path: &str) -> Result<(), String> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..");
    if bad {
        return Err(format!("{path:?}: not a path inside the site"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gir-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn build(site: &Path, files: &[(&str, &str)]) -> Published {
        let mut staging = Staging::new(site).unwrap();
        for (path, contents) in files {
            staging.write(path, contents.as_bytes()).unwrap();
        }
        staging.publish().unwrap()
    }

    #[test]
    fn a_second_build_rewrites_only_what_changed_and_removes_what_is_gone() {
        let dir = scratch("rebuild");
        let site = dir.join("site");
        let first = build(
            &site,
            &[("a.html", "a"), ("data/b.bin", "b"), ("data/c.bin", "c")],
        );
        assert_eq!(
            first,
            Published {
                written: 3,
                unchanged: 0,
                removed: 0
            }
        );
        let modified = |path: &str| {
            std::fs::metadata(site.join(path))
                .unwrap()
                .modified()
                .unwrap()
        };
        let a_time = modified("a.html");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let second = build(&site, &[("a.html", "a"), ("data/b.bin", "B")]);
        assert_eq!(
            second,
            Published {
                written: 1,
                unchanged: 1,
                removed: 1
            }
        );
        assert_eq!(
            modified("a.html"),
            a_time,
            "an unchanged file keeps its time"
        );
        assert_eq!(
            std::fs::read_to_string(site.join("data/b.bin")).unwrap(),
            "B"
        );
        assert!(!site.join("data/c.bin").exists());
        assert!(!dir.join("site.staging").exists());
    }

    #[test]
    fn a_kept_file_stays_as_it_is_and_is_not_stale() {
        let dir = scratch("kept");
        let site = dir.join("site");
        build(&site, &[("a.html", "a"), ("b.html", "b")]);
        let mut staging = Staging::new(&site).unwrap();
        staging.keep("a.html").unwrap();
        staging.write("c.html", b"c").unwrap();
        let published = staging.publish().unwrap();
        assert_eq!(
            published,
            Published {
                written: 1,
                unchanged: 1,
                removed: 1
            }
        );
        assert_eq!(std::fs::read_to_string(site.join("a.html")).unwrap(), "a");
        assert!(!site.join("b.html").exists());
        // Kept files stay in the list: the next build still knows them.
        let manifest = std::fs::read_to_string(site.join(MANIFEST)).unwrap();
        assert_eq!(manifest, "a.html\nc.html\n");
    }

    #[test]
    fn a_build_that_fails_before_publishing_leaves_the_site_as_it_was() {
        let dir = scratch("failed");
        let site = dir.join("site");
        build(&site, &[("a.html", "a")]);
        {
            let mut staging = Staging::new(&site).unwrap();
            staging.write("a.html", b"half").unwrap();
            // …and the build fails here: the staging is dropped.
        }
        assert_eq!(std::fs::read_to_string(site.join("a.html")).unwrap(), "a");
        assert!(!dir.join("site.staging").exists());
    }

    #[test]
    fn a_folder_of_someone_else_s_files_is_refused_and_its_files_kept() {
        let dir = scratch("foreign");
        let site = dir.join("site");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("notes.txt"), "mine").unwrap();
        let error = Staging::new(&site).err().expect("refused before any work");
        assert!(
            error.contains("not a site written by report-viewer"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(site.join("notes.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn paths_outside_the_site_are_refused() {
        let dir = scratch("paths");
        let mut staging = Staging::new(&dir.join("site")).unwrap();
        for path in ["../x", "/etc/x", "a//b", "a/./b", "", "a\\b"] {
            assert!(staging.write(path, b"x").is_err(), "{path:?}");
        }
        assert!(staging.write("data/a-b.c.bin", b"x").is_ok());
    }
}
