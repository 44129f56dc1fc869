use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ArticleContent, Status};

/// Which articles a list shows. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ArticleFilter {
    pub status: Option<Status>,
    pub section: Option<String>,
    /// Matches a tag case-insensitively.
    pub tag: Option<String>,
    /// First publication date to include.
    #[ts(type = "string | null")]
    pub since: Option<NaiveDate>,
    /// Last publication date to include.
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
    /// At most this many rows (newest first); all when absent.
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Rows to skip, for paging.
    #[ts(optional)]
    pub offset: Option<u32>,
}

/// One search result, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub id: i64,
    pub kicker: String,
    pub title: String,
    pub status: Status,
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    /// A short excerpt around the match; the match itself is wrapped in `[` … `]`.
    pub snippet: String,
    /// Higher is better.
    pub score: f64,
}

/// A revision as the history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RevisionSummary {
    pub article_id: i64,
    pub revision: i64,
    #[ts(type = "string")]
    pub saved_at: DateTime<Utc>,
    pub status: Status,
    pub title: String,
    /// Words in the body at that revision.
    pub words: i64,
    /// Why this revision exists: "import", "save", "restore of 3", …
    pub note: String,
}

/// A revision with the whole article as it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Revision {
    #[serde(flatten)]
    #[ts(flatten)]
    pub summary: RevisionSummary,
    pub content: ArticleContent,
}

/// An article that an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedArticle {
    pub id: i64,
    pub file: String,
    pub title: String,
}

/// A file that an import refused, and why, in words for the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportFailure {
    pub file: String,
    /// 1-based line in the file, where the problem has one.
    pub line: Option<u32>,
    pub message: String,
}

/// A file an import left out on purpose (a lock file, a pipe, a second link to one file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportSkipped {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub imported: Vec<ImportedArticle>,
    pub failed: Vec<ImportFailure>,
    #[serde(default)]
    pub skipped: Vec<ImportSkipped>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusCount {
    pub status: Status,
    pub count: i64,
}

/// What the status bar and the navigation show about the open library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibraryInfo {
    pub path: String,
    pub schema_version: i64,
    pub articles: i64,
    pub by_status: Vec<StatusCount>,
    pub sections: Vec<String>,
}
