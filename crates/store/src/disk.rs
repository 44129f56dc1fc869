//! A full disk (or a library that may not be written): told apart from other failures and
//! said in words, and the library opened for reading only instead of not at all.
//!
//! Reading a library in WAL mode needs its `-shm` file, the index of the write-ahead log that
//! every process shares. When the last process closed the library cleanly, the `-shm` and
//! `-wal` are gone, and opening it — even only to read — makes SQLite create the `-shm` and
//! grow it to 32 KiB. On a full disk that fails (SQLITE_IOERR_SHMSIZE), so without care a
//! full disk locks the library entirely. SQLite's ways to read anyway, weighed:
//!
//! - `locking_mode=EXCLUSIVE` keeps the WAL index in the process's memory, but holds the
//!   library's lock for as long as the connection lives: the app (or another command) could
//!   then neither read nor write, and it fails at once while another process has it open.
//! - `immutable=1` reads the file without any locks and ignores the `-wal`: wrong when the
//!   `-wal` holds committed transactions (they would be missing), and unsafe while another
//!   process writes (it could checkpoint pages into the file under the reader).
//! - `mode=ro` with `readonly_shm=1` (what is used): the `-shm` is opened read-only. If a
//!   process that can write has it open, its WAL index is used as it keeps it current; if
//!   none has, SQLite builds a private WAL index from the `-wal` in memory and takes the same
//!   read locks as any reader, so a writer starting meanwhile cannot checkpoint over the
//!   pages being read (SQLite's `walBeginShmUnreliable`). It needs the `-shm` file to exist:
//!   an empty one is created first (an empty file needs no space; SQLite itself starts every
//!   `-shm` empty).
//! - Only when not even an empty `-shm` can be created (a read-only disk or folder) and no
//!   non-empty `-wal` exists is the file opened `immutable=1`: then no process can write it
//!   either (a writer must create the `-wal` and `-shm` in that folder), and all its content
//!   is in the file.

use newsdesk_model::text;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::StoreError;

/// Why a library is open for reading only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyCause {
    /// The disk holding the library has no space left (less than
    /// [`DISK_FULL_BELOW`](newsdesk_model::limits::DISK_FULL_BELOW)).
    DiskFull,
    /// The file or its folder may not be written: the reason as the system said it.
    NotWritable(String),
}

impl ReadOnlyCause {
    /// The refusal of a write to the library at `path` opened for reading for this cause.
    pub(crate) fn refusal(&self, path: &Path) -> StoreError {
        self.said(
            path,
            &text!(
                "the change was not saved",
                "die Änderung wurde nicht gespeichert"
            ),
        )
    }

    /// The cause in words: the library at `path` is open for reading only, and `so`.
    pub(crate) fn said(&self, path: &Path, so: &newsdesk_model::Text) -> StoreError {
        match self {
            ReadOnlyCause::DiskFull => StoreError::DiskFull {
                folder: folder_of(path),
                what: newsdesk_model::Text {
                    en: format!(
                        "the library {} is open for reading only and {}",
                        path.display(),
                        so.en
                    ),
                    de: format!(
                        "die Bibliothek {} ist nur zum Lesen geöffnet, und {}",
                        path.display(),
                        so.de
                    ),
                },
            },
            ReadOnlyCause::NotWritable(reason) => StoreError::ReadOnly {
                path: path.to_path_buf(),
                reason: newsdesk_model::Text::verbatim(reason.clone()),
            },
        }
    }
}

pub(crate) use crate::space::{
    folder_of, is_full, is_storage_full, sqlite_code, sqlite_failed_for_space,
};

/// Why the existing library at `path`, which failed to open for writing with `err`, may
/// still be opened for reading; `None` when the failure is of another kind (a damaged file,
/// another program's database, a newer schema) and must be said as it is.
pub(crate) fn read_only_cause(err: &StoreError, path: &Path) -> Option<ReadOnlyCause> {
    let sqlite = match err {
        StoreError::Sqlite(e) | StoreError::Database { source: e, .. } => e,
        StoreError::DiskFull { .. } => return Some(ReadOnlyCause::DiskFull),
        StoreError::Io { source, .. } if is_storage_full(source) => {
            return Some(ReadOnlyCause::DiskFull);
        }
        _ => return None,
    };
    if sqlite_failed_for_space(sqlite, path) {
        return Some(ReadOnlyCause::DiskFull);
    }
    match sqlite_code(sqlite) {
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            Some(ReadOnlyCause::NotWritable(sqlite.to_string()))
        }
        _ => None,
    }
}

/// `path` with `suffix` added to its file name (`lib.sqlite-wal`).
pub(crate) fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `file:` URI of `path` with every byte that URIs treat specially percent-encoded.
fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(absolute.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = absolute.to_string_lossy().replace('\\', "/").into_bytes();
    let mut uri = String::from("file:");
    for byte in bytes {
        if byte.is_ascii_alphanumeric() || b"/._~-".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// Opens the library at `path` for reading only, in a way that works on a full or read-only
/// disk and stays correct while another process writes (see the module docs).
pub(crate) fn open_for_reading(path: &Path) -> Result<Connection, StoreError> {
    let shm = companion(path, "-shm");
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&shm);
    let how = match created {
        Ok(_) => "readonly_shm=1",
        Err(e) if e.kind() == ErrorKind::AlreadyExists => "readonly_shm=1",
        Err(e) => {
            let wal = companion(path, "-wal");
            let wal_empty = std::fs::metadata(&wal).map_or(true, |m| m.len() == 0);
            if !wal_empty {
                return Err(StoreError::io_at(
                    text!(
                        "the library {} cannot be read: its write-ahead log {} holds changes \
                         and {} cannot be created",
                        "Die Bibliothek {} lässt sich nicht lesen: das Write-Ahead-Log {} enthält Änderungen, und {} lässt sich nicht anlegen",
                        path.display(),
                        wal.display(),
                        shm.display()
                    ),
                    &shm,
                    e,
                ));
            }
            "immutable=1"
        }
    };
    let uri = format!("{}?mode=ro&{how}", file_uri(path));
    let mut conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    crate::connection::configure_session(&mut conn)?;
    Ok(conn)
}

/// After a write failed for want of space: gives the space the rolled-back write took in the
/// `-wal` back to the disk, if no reader holds the log (without waiting for one).
pub(crate) fn release_wal_space(conn: &mut Connection) {
    if conn.busy_handler(None::<fn(i32) -> bool>).is_err() {
        return;
    }
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    let _ = crate::connection::restore_busy_handler(conn);
}

/// Whether the library open for reading only on `conn` can be read by this build as it is:
/// a Newsdesk library of this build's schema (an older one would need its schema updated,
/// which cannot be written now).
pub(crate) fn check_readable(
    conn: &Connection,
    path: &Path,
    cause: &ReadOnlyCause,
) -> Result<(), StoreError> {
    let identity = crate::connection::identify(conn, path)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = crate::migrations::latest();
    if version > latest {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            known: latest,
        });
    }
    let missing = match identity {
        crate::connection::Identity::Empty => text!(
            "the library cannot be created",
            "die Bibliothek lässt sich nicht anlegen"
        ),
        crate::connection::Identity::Library if version < latest => text!(
            "the library needs its schema updated by this version of Newsdesk",
            "das Schema der Bibliothek muss von dieser Newsdesk-Version aktualisiert werden"
        ),
        crate::connection::Identity::Library => return Ok(()),
    };
    Err(match cause {
        ReadOnlyCause::DiskFull => StoreError::DiskFull {
            folder: folder_of(path),
            what: missing.map(|words| format!("{words} ({})", path.display())),
        },
        ReadOnlyCause::NotWritable(reason) => StoreError::ReadOnly {
            path: path.to_path_buf(),
            reason: missing.map(|words| format!("{words}; {reason}")),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_keeps_the_path_whatever_it_holds() {
        assert_eq!(
            file_uri(Path::new("/tmp/a b/lib?#%.sqlite")),
            "file:/tmp/a%20b/lib%3F%23%25.sqlite"
        );
        assert_eq!(
            file_uri(Path::new("/tmp/Müller.sqlite")),
            "file:/tmp/M%C3%BCller.sqlite"
        );
    }

    #[test]
    fn a_full_disk_is_told_by_the_error_kind() {
        let full = std::io::Error::from_raw_os_error(28);
        assert!(is_storage_full(&full), "ENOSPC is a full disk");
        let denied = std::io::Error::from_raw_os_error(13);
        assert!(!is_storage_full(&denied), "EACCES is not");
    }
}
