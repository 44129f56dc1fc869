//! Looking after the library as a whole: what it holds, check, backup, restore.

use std::path::{Path, PathBuf};

use newsdesk_model::{ArticleFilter, BootSnapshot, LibraryInfo};

use crate::{ApiError, App};

impl App {
    pub fn library_info(&self) -> Result<LibraryInfo, ApiError> {
        Ok(LibraryInfo {
            path: self.store.path().display().to_string(),
            schema_version: self.store.schema_version()?,
            articles: self.store.article_count()?,
            trashed: self.store.trash_count()?,
            by_status: self.store.status_counts()?,
            sections: self.store.sections()?,
        })
    }

    /// What the window shows first: the library's counts and the first `page_size` rows of
    /// the article list (read before the window opens; see [`BootSnapshot`]).
    pub fn boot_snapshot(&self, page_size: u32) -> Result<BootSnapshot, ApiError> {
        Ok(BootSnapshot {
            info: self.library_info()?,
            articles: self.list_articles(&ArticleFilter {
                limit: Some(page_size),
                offset: Some(0),
                ..ArticleFilter::default()
            })?,
            page_size,
        })
    }

    /// Problems found by SQLite's integrity check, the search index checks and reading every
    /// article back; empty if the library is sound.
    pub fn check_library(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.store.check()?)
    }

    /// Copies the whole library to a new file while it stays in use.
    pub fn backup_library(&self, target: &Path) -> Result<(), ApiError> {
        self.store.backup_to(target)?;
        // The pictures' files go beside the backup (`<backup>.media/`), so a restore has them.
        copy_missing_files(&self.store.media_dir(), &target.with_extension("media"))
    }

    /// Replaces the whole library with a backup, checked before anything is replaced.
    /// Returns where the safety copy of the replaced library was written.
    pub fn restore_library(&self, source: &Path) -> Result<PathBuf, ApiError> {
        let safety = self.store.restore_from(source, self.clock.now())?;
        // Pictures are named by their content's hash: adding the backup's files to the media
        // folder never changes a picture, and the library's own stay for the safety copy.
        copy_missing_files(&source.with_extension("media"), &self.store.media_dir())?;
        Ok(safety)
    }
}

/// Copies every file under `from` that `to` lacks (same relative path), each whole (a
/// temporary name, then renamed). A missing `from` is nothing to copy.
fn copy_missing_files(from: &Path, to: &Path) -> Result<(), ApiError> {
    let mut folders = vec![from.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(ApiError::io("cannot read the picture folder", &folder, e)),
        };
        for entry in entries {
            let entry =
                entry.map_err(|e| ApiError::io("cannot read the picture folder", &folder, e))?;
            let kind = entry
                .file_type()
                .map_err(|e| ApiError::io("cannot read", &entry.path(), e))?;
            let path = entry.path();
            if kind.is_dir() {
                folders.push(path);
                continue;
            }
            if !kind.is_file() {
                continue;
            }
            let relative = path.strip_prefix(from).unwrap_or(&path);
            let target = to.join(relative);
            if target.exists() {
                continue;
            }
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| ApiError::io("cannot make the folder", parent, e))?;
            }
            let temp = target.with_extension("part");
            std::fs::copy(&path, &temp)
                .and_then(|_| std::fs::File::open(&temp)?.sync_all())
                .and_then(|()| std::fs::rename(&temp, &target))
                .map_err(|e| {
                    let _ = std::fs::remove_file(&temp);
                    ApiError::io("cannot copy the picture to", &target, e)
                })?;
        }
    }
    Ok(())
}
