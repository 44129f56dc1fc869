//! Reading, searching and looking after the library.

use std::path::{Path, PathBuf};

use newsdesk_model::{
    Article, ArticleFilter, ArticleSummary, LibraryInfo, Revision, RevisionSummary, SearchHit,
};

use crate::{ApiError, App};

impl App {
    pub fn library_info(&self) -> Result<LibraryInfo, ApiError> {
        Ok(LibraryInfo {
            path: self.store.path().display().to_string(),
            schema_version: self.store.schema_version()?,
            articles: self.store.article_count()?,
            by_status: self.store.status_counts()?,
            sections: self.store.sections()?,
        })
    }

    pub fn list_articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>, ApiError> {
        Ok(self.store.list(filter)?)
    }

    pub fn get_article(&self, id: i64) -> Result<Article, ApiError> {
        Ok(self.store.article(id)?)
    }

    /// Full-text search, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, ApiError> {
        Ok(self.store.search(query, limit)?)
    }

    /// The revisions of an article, newest first.
    pub fn article_history(&self, id: i64) -> Result<Vec<RevisionSummary>, ApiError> {
        Ok(self.store.history(id)?)
    }

    pub fn article_revision(&self, id: i64, revision: i64) -> Result<Revision, ApiError> {
        Ok(self.store.revision(id, revision)?)
    }

    /// Makes an old revision current again (as a new revision).
    pub fn restore_revision(&self, id: i64, revision: i64) -> Result<Article, ApiError> {
        Ok(self
            .store
            .restore_revision(id, revision, self.clock.now())?)
    }

    /// Problems found by SQLite's integrity check and the search index check; empty if sound.
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
