//! Looking after the library as a whole: what it holds, check, backup, restore.

use std::path::{Path, PathBuf};

use newsdesk_model::LibraryInfo;

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

    /// Problems found by SQLite's integrity check, the search index checks and reading every
    /// article back; empty if the library is sound.
    pub fn check_library(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.store.check()?)
    }

    /// Copies the whole library to a new file while it stays in use.
    pub fn backup_library(&self, target: &Path) -> Result<(), ApiError> {
        Ok(self.store.backup_to(target)?)
    }

    /// Replaces the whole library with a backup, checked before anything is replaced.
    /// Returns where the safety copy of the replaced library was written.
    pub fn restore_library(&self, source: &Path) -> Result<PathBuf, ApiError> {
        Ok(self.store.restore_from(source, self.clock.now())?)
    }
}
