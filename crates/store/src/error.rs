use std::path::{Path, PathBuf};

use newsdesk_model::{Localized, Text, text};
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
    Invalid(Text),
    #[error("{path} is not a Newsdesk library: {reason}. Nothing was changed.")]
    NotALibrary { path: PathBuf, reason: Text },
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
    SearchIndex { path: PathBuf, reason: Text },
    #[error("{context}: {source}")]
    Io {
        context: Text,
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
    DiskFull { folder: PathBuf, what: Text },
    /// The library could not be opened for writing for another reason than a full disk (a
    /// read-only disk, missing permissions), so it was opened for reading only.
    #[error(
        "the library {path} is open for reading only, so nothing can be saved: it cannot be \
         written ({reason}). Check that the file and its folder are writable, then open it \
         again."
    )]
    ReadOnly { path: PathBuf, reason: Text },
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

/// The same advice as [`database_message`], in German; SQLite's own words stay as they are.
fn database_german(path: &Path, err: &rusqlite::Error) -> String {
    let path = path.display();
    let code = match err {
        rusqlite::Error::SqliteFailure(e, _) => Some(e.code),
        _ => None,
    };
    match code {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
            "Die Bibliothek {path} blieb belegt: Ein anderes Newsdesk (das Programm oder ein \
             Befehl) schreibt gerade hinein. Gleich noch einmal versuchen; nichts wurde geändert."
        ),
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            format!(
                "Newsdesk darf die Bibliothek {path} nicht lesen oder schreiben: prüfen, ob die \
                 Datei und ihr Ordner vorhanden und beschreibbar sind ({err})"
            )
        }
        Some(ErrorCode::DiskFull) => format!(
            "Datenträger voll: Der Datenträger mit der Bibliothek {path} ist voll. Platz \
             schaffen und es noch einmal versuchen; was vorher gespeichert wurde, ist erhalten."
        ),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => format!(
            "Die Bibliothek {path} ist beschädigt ({err}): `newsdesk db check` ausführen und \
             eine Sicherung mit `newsdesk db restore DATEI` zurückholen."
        ),
        Some(ErrorCode::SystemIoFailure) => format!(
            "Das Betriebssystem konnte die Bibliothek {path} nicht lesen oder schreiben \
             ({err}): den Datenträger prüfen."
        ),
        _ => format!("Die Bibliothek {path} ließ sich nicht lesen oder schreiben: {err}"),
    }
}

impl Localized for StoreError {
    fn german(&self) -> String {
        match self {
            StoreError::NewerSchema { path, found, known } => format!(
                "Die Bibliothek {} wurde von einer neueren Newsdesk-Version geschrieben (Schema \
                 {found}; diese Version kennt bis {known}). Newsdesk aktualisieren, um sie zu \
                 öffnen; die Datei wurde nicht verändert.",
                path.display()
            ),
            StoreError::NoLibrary { path } => format!(
                "Unter {} gibt es keine Bibliothek: den Pfad prüfen (--db oder NEWSDESK_DB); \
                 ein Import von Artikeln oder der Start des Programms legt eine neue an.",
                path.display()
            ),
            StoreError::ArticleNotFound(id) => {
                format!("Artikel {id} gibt es in dieser Bibliothek nicht.")
            }
            StoreError::ImageNotFound(id) => {
                format!("Bild {id} gibt es in dieser Bibliothek nicht.")
            }
            StoreError::InTrash(id) => format!(
                "Artikel {id} liegt im Papierkorb: erst aus dem Papierkorb holen, dann ändern."
            ),
            StoreError::RevisionNotFound { id, revision } => {
                format!("Artikel {id} hat keine Fassung {revision}.")
            }
            StoreError::Conflict {
                id,
                expected,
                current,
            } => format!(
                "Artikel {id} wurde inzwischen anderswo gespeichert (er steht bei Fassung \
                 {current}, die Änderung wurde auf Fassung {expected} gemacht); vor dem \
                 Speichern neu laden."
            ),
            StoreError::PortalNotFound(name) => format!(
                "Es gibt kein Portal namens '{name}': `newsdesk portal list` zeigt die Portale."
            ),
            StoreError::PortalExists(name) => format!(
                "Ein Portal namens '{name}' gibt es schon: einen anderen Namen wählen oder es \
                 zuerst entfernen."
            ),
            StoreError::JobNotFound(id) => format!("Auftrag {id} gibt es im Postausgang nicht."),
            StoreError::Invalid(text) => text.de.clone(),
            StoreError::NotALibrary { path, reason } => format!(
                "{} ist keine Newsdesk-Bibliothek: {}. Nichts wurde verändert.",
                path.display(),
                reason.de
            ),
            StoreError::Corrupt(detail) => format!("Gespeicherte Daten sind beschädigt: {detail}"),
            StoreError::Sqlite(err) => {
                format!("Die Bibliothek ließ sich nicht lesen oder schreiben: {err}")
            }
            StoreError::Database { path, source } => database_german(path, source),
            StoreError::SearchIndex { path, reason } => format!(
                "Der Suchindex {} ist nicht lesbar oder nicht beschreibbar ({}); Newsdesk baut \
                 ihn beim nächsten Öffnen aus der Bibliothek neu auf.",
                path.display(),
                reason.de
            ),
            StoreError::Io { context, source } => format!("{}: {source}", context.de),
            StoreError::DiskFull { folder, what } => format!(
                "Datenträger voll: Auf dem Datenträger mit {} ist kein Platz mehr: {}. Dort \
                 Platz schaffen und es noch einmal versuchen; alles vorher Gespeicherte ist \
                 erhalten.",
                folder.display(),
                what.de
            ),
            StoreError::ReadOnly { path, reason } => format!(
                "Die Bibliothek {} ist nur zum Lesen geöffnet, es lässt sich nichts speichern, \
                 denn sie ist nicht beschreibbar ({}). Prüfen, ob die Datei und ihr Ordner \
                 beschreibbar sind, dann erneut öffnen.",
                path.display(),
                reason.de
            ),
        }
    }
}

impl StoreError {
    pub(crate) fn io(context: Text, source: std::io::Error) -> Self {
        StoreError::Io { context, source }
    }

    /// An error of writing the file or folder at `path`: a full disk is said as one.
    pub(crate) fn io_at(context: Text, path: &Path, source: std::io::Error) -> Self {
        if crate::space::is_storage_full(&source) {
            StoreError::DiskFull {
                folder: crate::space::folder_of(path),
                what: context.map(lowercase_first),
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
                    what: text!(
                        "the library {} could not be written ({source})",
                        "die Bibliothek {} ließ sich nicht schreiben ({source})",
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
