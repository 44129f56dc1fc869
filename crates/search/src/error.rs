//! What can go wrong with the search index. The store turns these into its own errors (a
//! damaged index is rebuilt from the library; a full disk is said as one).

use std::path::{Path, PathBuf};

use newsdesk_model::{Localized, Text};

/// A failure of the search index in `<library>.search/`.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index could not be read or written through (damaged, made by something else):
    /// it is derived data, the caller rebuilds it.
    #[error(
        "the search index {path} could not be read or written ({reason}); it is rebuilt from \
         the library when Newsdesk opens it next"
    )]
    Damaged { path: PathBuf, reason: Text },
    /// A write found no space on the disk holding `folder`.
    #[error("disk full: {what}; free some space in {folder} and try again")]
    DiskFull { folder: PathBuf, what: Text },
    /// A file operation on the index's folder failed.
    #[error("{context}: {source}")]
    Io {
        context: Text,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl SearchError {
    pub(crate) fn io(context: Text, path: &Path, source: std::io::Error) -> Self {
        SearchError::Io {
            context,
            path: path.to_path_buf(),
            source,
        }
    }

    /// Whether the failure was for want of space.
    pub fn is_disk_full(&self) -> bool {
        match self {
            SearchError::DiskFull { .. } => true,
            SearchError::Io { source, .. } => is_storage_full(source),
            SearchError::Damaged { .. } => false,
        }
    }
}

impl Localized for SearchError {
    fn german(&self) -> String {
        match self {
            SearchError::Damaged { path, reason } => format!(
                "Der Suchindex {} ist nicht lesbar oder nicht beschreibbar ({}); Newsdesk baut \
                 ihn beim nächsten Öffnen aus der Bibliothek neu auf.",
                path.display(),
                reason.de
            ),
            SearchError::DiskFull { folder, what } => format!(
                "Datenträger voll: {}. Bitte in {} Platz schaffen und es noch einmal versuchen.",
                what.de,
                folder.display()
            ),
            SearchError::Io {
                context, source, ..
            } => format!("{}: {source}", context.de),
        }
    }
}

/// True for the errors of a write that found no space (ENOSPC, EDQUOT).
pub fn is_storage_full(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

/// Whether the search index's `err` came from a lack of space (an I/O error inside it).
pub(crate) fn tantivy_failed_for_space(err: &tantivy::TantivyError) -> bool {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(error) = next {
        let io = error.downcast_ref::<std::io::Error>().or_else(|| {
            error
                .downcast_ref::<std::sync::Arc<std::io::Error>>()
                .map(|arc| arc.as_ref())
        });
        if io.is_some_and(is_storage_full) {
            return true;
        }
        next = error.source();
    }
    // Some of tantivy's errors keep only the words of the I/O error.
    let text = err.to_string();
    text.contains("No space left on device") || text.contains("os error 28")
}
