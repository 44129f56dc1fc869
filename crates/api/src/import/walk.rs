//! Finding the article files under the paths an editor gave: each real folder and file once,
//! links followed but never in circles, only regular files read, and every file left out
//! named with the reason.

use std::collections::HashSet;
use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use newsdesk_model::{ImportFailure, ImportSkipped};

pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Hidden files and what editors leave beside the files they edit: `.#x.md` (Emacs lock),
/// `._x.md` (macOS resource fork), `~$x.md` (Word lock), `x.md~` (backup).
fn is_hidden_or_lock(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$") || name.ends_with('~')
}

/// A file's identity on disk, so that a second way to the same file is noticed.
fn identity(meta: &Metadata) -> (u64, u64) {
    (meta.dev(), meta.ino())
}

/// Where a walk reports the files it refused and the ones it left out.
pub(crate) struct WalkReport<'r> {
    pub failed: &'r mut Vec<ImportFailure>,
    pub skipped: &'r mut Vec<ImportSkipped>,
}

struct Walk<'r> {
    report: WalkReport<'r>,
    seen_dirs: HashSet<(u64, u64)>,
    seen_files: HashSet<(u64, u64)>,
    files: Vec<PathBuf>,
}

impl Walk<'_> {
    fn skip(&mut self, path: &Path, reason: &str) {
        self.report.skipped.push(ImportSkipped {
            file: path.display().to_string(),
            reason: reason.to_string(),
            translations: Default::default(),
        });
    }

    fn fail(&mut self, path: &Path, message: String) {
        self.report.failed.push(ImportFailure::english(
            path.display().to_string(),
            None,
            message,
        ));
    }

    /// A file found in a folder or given by name.
    fn file(&mut self, path: PathBuf, meta: &Metadata) {
        if !meta.is_file() {
            self.skip(
                &path,
                "not a regular file (a pipe, device or socket): nothing to import",
            );
        } else if !self.seen_files.insert(identity(meta)) {
            self.skip(
                &path,
                "the same file was reached another way (a link): imported once",
            );
        } else {
            self.files.push(path);
        }
    }

    /// The entries of one folder worth visiting, in name order.
    fn children(&mut self, dir: &Path) -> Vec<PathBuf> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.fail(dir, format!("the folder cannot be read: {e}"));
                return Vec::new();
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        children
    }
}

/// The files under `paths`, in the order given and each folder's in name order. Folders are
/// searched recursively; in them only files that are `wanted` (by name) count.
pub(crate) fn collect(
    paths: &[PathBuf],
    wanted: fn(&Path) -> bool,
    report: WalkReport<'_>,
) -> Vec<PathBuf> {
    let mut walk = Walk {
        report,
        seen_dirs: HashSet::new(),
        seen_files: HashSet::new(),
        files: Vec::new(),
    };
    // (path, named by the editor): named files are read whatever their name.
    let mut stack: Vec<(PathBuf, bool)> = paths.iter().rev().map(|p| (p.clone(), true)).collect();
    while let Some((path, named)) = stack.pop() {
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && named => {
                walk.fail(&path, "no such file or folder".into());
                continue;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                walk.skip(&path, "a link to a file that does not exist");
                continue;
            }
            Err(e) => {
                walk.fail(&path, format!("cannot be read: {e}"));
                continue;
            }
        };
        if !meta.is_dir() {
            walk.file(path, &meta);
            continue;
        }
        if !walk.seen_dirs.insert(identity(&meta)) {
            // A link back into a folder being imported (`ln -s . self`): visited once.
            walk.skip(
                &path,
                "a second way into a folder already imported (a link): visited once",
            );
            continue;
        }
        for child in walk.children(&path).into_iter().rev() {
            let name = child
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if is_hidden_or_lock(&name) {
                if wanted(&child) || name.ends_with(".md~") {
                    walk.skip(&child, "a hidden, lock or backup file of an editor");
                }
                continue;
            }
            let is_dir = std::fs::metadata(&child).is_ok_and(|m| m.is_dir());
            if is_dir || wanted(&child) {
                stack.push((child, false));
            }
        }
    }
    walk.files
}
