use std::path::PathBuf;

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
    #[error("article {0} does not exist in this library")]
    ArticleNotFound(i64),
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
    #[error("{0}")]
    Invalid(String),
    #[error("{path} is not a Newsdesk library: {reason}")]
    NotALibrary { path: PathBuf, reason: String },
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("the library file could not be read or written: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }
}
