use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// What can go wrong with the library file. Messages are sentences for the user.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the library {path} was written by a newer version of Newsdesk (schema {found}; this \
         version knows up to {known}). Update Newsdesk to open it; the file was not changed."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "there is no library at {path}: check the path (--db or NEWSDESK_DB); importing \
         articles or starting the app creates a new one"
    )]
    NoLibrary { path: PathBuf },
    #[error("article {0} does not exist in this library")]
    ArticleNotFound(i64),
    #[error("picture {0} does not exist in this library")]
    ImageNotFound(i64),
    #[error("article {0} is in the trash: take it out of the trash before changing it")]
    InTrash(i64),
    #[error("article {id} has no revision {revision}")]
    RevisionNotFound { id: i64, revision: i64 },
    #[error(
        "article {id} was saved elsewhere in the meantime (it is at revision {current}, the \
         change was made on revision {expected}); reload it before saving"
    )]
    Conflict {
        id: i64,
        expected: i64,
        current: i64,
    },
    #[error("there is no portal named '{0}': `newsdesk portal list` shows the portals")]
    PortalNotFound(String),
    #[error("a portal named '{0}' exists already: choose another name or remove it first")]
    PortalExists(String),
    #[error("outbox job {0} does not exist")]
    JobNotFound(i64),
    #[error("{0}")]
    Invalid(String),
    #[error("{path} is not a Newsdesk library: {reason}. Nothing was changed.")]
    NotALibrary { path: PathBuf, reason: String },
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// A database error not yet tied to a file (inside the store only; see `in_library`).
    #[error("the library could not be read or written: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", database_message(path, source))]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "the search index {path} could not be read or written ({reason}); it is rebuilt from \
         the library when Newsdesk opens it next"
    )]
    SearchIndex { path: PathBuf, reason: String },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// The disk holding `folder` has no space left: `what` (a clause: "the change was not
    /// saved") happened. Nothing saved before is lost.
    #[error(
        "disk full: the disk holding {} has no space left: {what}. Free some space there \
         and try again; everything saved before is intact.",
        folder.display()
    )]
    DiskFull { folder: PathBuf, what: String },
    /// The library could not be opened for writing for another reason than a full disk (a
    /// read-only disk, missing permissions), so it was opened for reading only.
    #[error(
        "the library {path} is open for reading only, so nothing can be saved: it cannot be \
         written ({reason}). Check that the file and its folder are writable, then open it \
         again."
    )]
    ReadOnly { path: PathBuf, reason: String },
}

/// What went wrong with the file and what the user can do, by SQLite's error code.
fn database_message(path: &Path, err: &rusqlite::Error) -> String {
    let path = path.display();
    let code = match err {
        rusqlite::Error::SqliteFailure(e, _) => Some(e.code),
        _ => None,
    };
    match code {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
            "the library {path} stayed busy: another Newsdesk (the app or a command) is \
             writing to it. Try again in a moment; nothing was changed."
        ),
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            format!(
                "Newsdesk may not read or write the library {path}: check that the file and \
                 its folder exist and are writable ({err})"
            )
        }
        Some(ErrorCode::DiskFull) => format!(
            "disk full: the disk that holds the library {path} is full: free some space and \
             try again; what was saved before is intact"
        ),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => format!(
            "the library {path} is damaged ({err}): run `newsdesk db check`, and restore a \
             backup with `newsdesk db restore FILE`"
        ),
        Some(ErrorCode::SystemIoFailure) => format!(
            "the operating system failed to read or write the library {path} ({err}): check \
             the disk"
        ),
        _ => format!("the library {path} could not be read or written: {err}"),
    }
}

impl StoreError {
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }

    /// An error of writing the file or folder at `path`: a full disk is said as one.
    pub(crate) fn io_at(context: impl Into<String>, path: &Path, source: std::io::Error) -> Self {
        let context = context.into();
        if crate::space::is_storage_full(&source) {
            StoreError::DiskFull {
                folder: crate::space::folder_of(path),
                what: lowercase_first(&context),
            }
        } else {
            StoreError::Io { context, source }
        }
    }

    /// Ties a database error to the library file it happened on; one that failed because the
    /// disk is full says so.
    pub(crate) fn in_library(self, path: &Path) -> Self {
        match self {
            StoreError::Sqlite(source) if crate::space::sqlite_failed_for_space(&source, path) => {
                StoreError::DiskFull {
                    folder: crate::space::folder_of(path),
                    what: format!(
                        "the library {} could not be written ({source})",
                        path.display()
                    ),
                }
            }
            StoreError::Sqlite(source) => StoreError::Database {
                path: path.to_path_buf(),
                source,
            },
            other => other,
        }
    }

    /// True when the disk was full (a write refused or failed for want of space).
    pub fn is_disk_full(&self) -> bool {
        matches!(self, StoreError::DiskFull { .. })
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl From<newsdesk_search::SearchError> for StoreError {
    fn from(err: newsdesk_search::SearchError) -> Self {
        use newsdesk_search::SearchError;
        match err {
            SearchError::Damaged { path, reason } => StoreError::SearchIndex { path, reason },
            SearchError::DiskFull { folder, what } => StoreError::DiskFull { folder, what },
            SearchError::Io {
                context,
                path,
                source,
            } => StoreError::io_at(context, &path, source),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_library_says_which_file_and_what_to_do() {
        let err = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        let message = StoreError::Sqlite(err)
            .in_library(Path::new("/tmp/lib.sqlite"))
            .to_string();
        assert!(
            message.contains("/tmp/lib.sqlite"),
            "names the file: {message}"
        );
        assert!(message.contains("Try again"), "says what to do: {message}");
    }
}
