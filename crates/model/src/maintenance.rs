//! The library as a whole: import reports, counts, where it lives.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Status;

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
    /// The same words in other languages, by language ("de"); absent when there is none.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[ts(optional, as = "Option<std::collections::BTreeMap<String, String>>")]
    pub translations: std::collections::BTreeMap<String, String>,
}

impl ImportFailure {
    /// A refusal said in English only (the words of a reader that has no German yet).
    pub fn english(file: impl Into<String>, line: Option<u32>, message: impl Into<String>) -> Self {
        ImportFailure {
            file: file.into(),
            line,
            message: message.into(),
            translations: Default::default(),
        }
    }

    /// A refusal with its German beside the English.
    pub fn worded(file: impl Into<String>, line: Option<u32>, why: &dyn crate::Localized) -> Self {
        ImportFailure {
            file: file.into(),
            line,
            message: why.to_string(),
            translations: why.translations(),
        }
    }
}

/// A file an import left out on purpose (a lock file, a pipe, a second link to one file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportSkipped {
    pub file: String,
    pub reason: String,
    /// The same words in other languages, by language ("de"); absent when there is none.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[ts(optional, as = "Option<std::collections::BTreeMap<String, String>>")]
    pub translations: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub imported: Vec<ImportedArticle>,
    pub failed: Vec<ImportFailure>,
    #[serde(default)]
    pub skipped: Vec<ImportSkipped>,
    /// True when the import was cancelled: the files after the last whole batch were not read.
    #[serde(default)]
    pub cancelled: bool,
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
    /// Articles outside the trash.
    pub articles: i64,
    /// Articles in the trash.
    pub trashed: i64,
    pub by_status: Vec<StatusCount>,
    pub sections: Vec<String>,
    /// Set when the library is open for reading only (a full disk, a file that may not be
    /// written): why, as the error a save would meet. Absent while it can be written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub read_only: Option<crate::UserError>,
    /// What each part of the library takes on disk; only when asked for (`db info`): it
    /// reads every page of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sizes: Option<LibrarySizes>,
}

/// What each part of a library takes on disk, in bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibrarySizes {
    /// The articles' rows (their text; bodies compressed), their tags, pictures, links and
    /// related articles, with the tables' indexes.
    #[ts(type = "number")]
    pub articles: u64,
    /// Past revisions (the newest is the article itself).
    #[ts(type = "number")]
    pub revisions: u64,
    /// The image library's records (metadata, keywords), not the files.
    #[ts(type = "number")]
    pub images: u64,
    /// The tag vocabulary and the editors' verdicts on suggestions.
    #[ts(type = "number")]
    pub tags: u64,
    /// Portals, publications and the outbox.
    #[ts(type = "number")]
    pub publishing: u64,
    /// Settings, the search index's queue and SQLite's own tables.
    #[ts(type = "number")]
    pub other: u64,
    /// Pages of the file that are free (left by deletions, reused by later writes).
    #[ts(type = "number")]
    pub free: u64,
    /// The SQLite file (all of the above).
    #[ts(type = "number")]
    pub file: u64,
    /// The write-ahead log and its index beside the file (`-wal`, `-shm`).
    #[ts(type = "number")]
    pub wal: u64,
    /// The search index folder beside the library (`.search/`).
    #[ts(type = "number")]
    pub search_index: u64,
    /// The pictures' folder beside the library (`.media/`): the originals and renditions.
    #[ts(type = "number")]
    pub media: u64,
    /// Of `media`: the renditions (thumbnails, previews), made again when missing.
    #[ts(type = "number")]
    pub renditions: u64,
    /// Everything: file, log, search index and pictures.
    #[ts(type = "number")]
    pub total: u64,
}

/// What the window shows first, read before it opens and handed to its script at start
/// (`window.__NEWSDESK_BOOT__`), so the first frame already holds the list: the library's
/// counts and the first page of the article list as the start route asks for it. The window
/// asks again at once and takes the fresh answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BootSnapshot {
    pub info: LibraryInfo,
    /// The first page of all articles outside the trash, newest first.
    pub articles: Vec<crate::ArticleSummary>,
    /// The page size it was read with (the list's own).
    pub page_size: u32,
    /// The view the window starts on (the setting `start_view`: library or overview).
    pub start_view: String,
}

/// What the app does in the background after opening a library, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PreparationTask {
    /// The search index is rebuilt (it was missing, damaged or of another library).
    SearchIndex,
    /// The tag suggestions learn the archive (no model was saved for this library yet).
    TagModel,
    /// Nothing left to do.
    Ready,
}

/// How far the background work after opening the library has come (`done` of `total`
/// articles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preparation {
    pub task: PreparationTask,
    pub done: u32,
    pub total: u32,
}

impl Preparation {
    /// Nothing to do.
    pub const READY: Preparation = Preparation {
        task: PreparationTask::Ready,
        done: 0,
        total: 0,
    };
}
