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
            read_only: self.store.read_only().map(|e| ApiError::Store(e).into()),
            sizes: None,
        })
    }

    /// [`App::library_info`] with what each part takes on disk (reads every page: for
    /// `db info`, not for the status bar).
    pub fn library_info_with_sizes(&self) -> Result<LibraryInfo, ApiError> {
        Ok(LibraryInfo {
            sizes: Some(self.store.sizes()?),
            ..self.library_info()?
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
            start_view: self.setting("start_view")?.value,
        })
    }

    /// The newsroom overview as of today (aggregates only: instant at any library size).
    pub fn overview(&self) -> Result<newsdesk_model::Overview, ApiError> {
        Ok(self.store.overview(self.clock.now().date_naive())?)
    }

    /// Gives the space of deleted and replaced data back to the disk; returns the library
    /// file's size (with its log) before and after.
    pub fn compact_library(&self) -> Result<(u64, u64), ApiError> {
        Ok(self.store.compact()?)
    }

    /// Problems found by SQLite's integrity check, the search index checks and reading every
    /// article back; empty if the library is sound.
    pub fn check_library(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.store.check()?)
    }

    /// Copies the whole library — its file and its pictures (`<backup>.media/` beside it) —
    /// to a new file while it stays in use; the backup appears under its name only whole.
    pub fn backup_library(&self, target: &Path) -> Result<(), ApiError> {
        Ok(self.store.backup_to(target)?)
    }

    /// Replaces the whole library with a backup, checked before anything is replaced (its
    /// pictures included: every one it names must be in the backup or the library).
    /// Returns where the safety copy of the replaced library was written.
    pub fn restore_library(&self, source: &Path) -> Result<PathBuf, ApiError> {
        let safety = self.store.restore_from(source, self.clock.now())?;
        // The tag model learned the library that was replaced: the restored one is learned
        // anew (its saved model went with the old library).
        self.forget_tag_model();
        Ok(safety)
    }

    /// Restores the backup at `source` as the library at `library` when that library does not
    /// open at all (damaged, overwritten): the backup is checked as [`App::restore_library`]
    /// checks it, the file that did not open is kept beside it as `<name>.damaged-<time>.sqlite`
    /// (nothing is deleted). Returns where the damaged file was put.
    pub fn restore_unopened(library: &Path, source: &Path) -> Result<PathBuf, ApiError> {
        use crate::clock::Clock;
        let damaged =
            newsdesk_store::restore_unopened(library, source, crate::clock::SystemClock.now())?;
        let _ = std::fs::remove_file(crate::tags::saved_model_path(library));
        Ok(damaged)
    }

    /// The backups in the folder `backups/` beside `library` (where backups go unless the
    /// settings say otherwise), newest first: what a library that does not open can be restored
    /// from.
    pub fn backups_beside(library: &Path) -> Result<Vec<newsdesk_model::Backup>, ApiError> {
        crate::backups::backups_in(&crate::backups::default_folder(library))
    }

    /// Removes the temporary files that killed picture imports left in the pictures'
    /// folder (`db check` does this), unless an import is writing right now.
    pub fn remove_media_leftovers(&self) -> Result<newsdesk_store::LeftoverCleanup, ApiError> {
        Ok(self.store.remove_media_leftovers()?)
    }
}
