use newsdesk_model::text;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, RwLock, RwLockReadGuard};

use newsdesk_model::limits::INDEX_QUEUE_BUDGET;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::StoreError;
use crate::articles::index_queue::{
    SEARCH_WAIT, Sync, WRITE_WAIT, expected_stamp, has_pending, sync,
};
use crate::connection::{
    Identity, configure, explain_open_error, identify, open_reader, open_writer,
};
use crate::disk::ReadOnlyCause;
use crate::migrations;
use newsdesk_search::TextIndex;

/// An open library: exactly one writer connection and one reader connection, and the search
/// index beside the file.
///
/// `Store` is `Send + Sync`; each connection sits behind its own lock, so reads do not wait
/// for writes (WAL) and writes are serialised.
pub struct Store {
    path: PathBuf,
    pub(crate) writer: Mutex<Connection>,
    pub(crate) reader: Mutex<Connection>,
    /// Replaced whole only when it turns out damaged (see [`Store::recover_search_index`]).
    pub(crate) search: RwLock<TextIndex>,
    /// Set once the index is known to be of this build's analysis.
    analysis_checked: OnceLock<()>,
    created: bool,
    /// Why the library is open for reading only, if it is: a full disk, a file that may not
    /// be written (see [`crate::disk`]). Each write first tries to open it for writing again.
    pub(crate) read_only: Mutex<Option<ReadOnlyCause>>,
    /// Set while `search` is an empty stand-in in memory, because the index beside the
    /// library could not be opened or made (a full disk); searching says so meanwhile.
    pub(crate) index_stand_in: AtomicBool,
}

impl Store {
    /// Opens the library at `path`, creating (with its folder) and migrating it as needed.
    ///
    /// An existing file is changed only once it is known to be a library or an empty
    /// database; another program's SQLite file is refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::io(
                    text!(
                        "cannot create the folder {}",
                        "Der Ordner {} lässt sich nicht anlegen",
                        dir.display()
                    ),
                    e,
                )
            })?;
        }
        Store::open_with(path, true)
    }

    /// Opens an existing library; refuses, creating nothing, when there is none at `path`
    /// (for commands that only read: a mistyped path must not become a new library).
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NoLibrary {
                path: path.to_path_buf(),
            });
        }
        Store::open_with(path, false)
    }

    fn open_with(path: &Path, create: bool) -> Result<Store, StoreError> {
        // Several processes opening a new library at once: one switches it to WAL and
        // migrates it; SQLite may tell the others "busy" at once during the switch, without
        // waiting. Try again for as long as a busy write would be waited for.
        let deadline = std::time::Instant::now() + crate::connection::BUSY_TIMEOUT;
        loop {
            match Store::try_open(path, create) {
                Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
                    if matches!(
                        e.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                // Writing is impossible (a full disk, a read-only file): read it instead.
                Err(e) if path.is_file() && crate::disk::read_only_cause(&e, path).is_some() => {
                    return Store::open_reading(path, e);
                }
                other => return other.map_err(|e| explain_open_error(path, e)),
            }
        }
    }

    pub(crate) fn try_open(path: &Path, create: bool) -> Result<Store, StoreError> {
        let opened: Result<_, StoreError> = (|| {
            let mut writer = open_writer(path, create)?;
            let identity = identify(&writer, path)?;
            configure(&mut writer)?;
            migrations::migrate(&mut writer, path)?;
            let reader = open_reader(path)?;
            Ok((writer, reader, identity))
        })();
        let (writer, reader, identity) = opened?;
        let dir = TextIndex::dir_of(path);
        let (mut index, stand_in) = match TextIndex::open_or_create(&dir) {
            Ok(index) => (index, false),
            // A full disk: the library opens all the same; searching waits for space.
            Err(e) if e.is_disk_full() => (TextIndex::in_memory(&dir)?, true),
            Err(e) => return Err(e.into()),
        };
        // A new, damaged or foreign index is rebuilt; queued changes wait for the next write
        // or search (no article can keep the library from opening).
        let synced = match stand_in {
            true => Ok(true),
            false => sync(&writer, &index, Sync::Checked, WRITE_WAIT),
        };
        match synced {
            Ok(_) => {}
            // A full disk: the index stays as it was (searches answer from it) for now.
            Err(e) if e.is_disk_full() => {}
            Err(StoreError::SearchIndex { .. }) => {
                // It opened but cannot be read or written through: start it again.
                drop(index);
                std::fs::remove_dir_all(&dir).map_err(|e| {
                    StoreError::io(
                        text!(
                            "cannot remove the damaged search index {}",
                            "Der beschädigte Suchindex {} lässt sich nicht entfernen",
                            dir.display()
                        ),
                        e,
                    )
                })?;
                index = TextIndex::open_or_create(&dir)?;
                sync(&writer, &index, Sync::Rebuild, WRITE_WAIT)?;
            }
            Err(e) => return Err(e),
        }
        Ok(Store {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            search: RwLock::new(index),
            analysis_checked: OnceLock::new(),
            created: identity == Identity::Empty,
            read_only: Mutex::new(None),
            index_stand_in: AtomicBool::new(stand_in),
        })
    }

    /// Opens the existing library at `path` for reading only, after opening it for writing
    /// failed with `failure` (a full disk, a file that may not be written).
    fn open_reading(path: &Path, failure: StoreError) -> Result<Store, StoreError> {
        let cause = crate::disk::read_only_cause(&failure, path);
        let Some(cause) = cause else {
            return Err(explain_open_error(path, failure));
        };
        let opened = (|| {
            let writer = crate::disk::open_for_reading(path)?;
            crate::disk::check_readable(&writer, path, &cause)?;
            let reader = crate::disk::open_for_reading(path)?;
            Ok((writer, reader))
        })();
        let (writer, reader) = opened.map_err(|e: StoreError| match e {
            e @ (StoreError::DiskFull { .. } | StoreError::NewerSchema { .. }) => e,
            e @ StoreError::NotALibrary { .. } => e,
            _ => explain_open_error(path, failure),
        })?;
        let dir = TextIndex::dir_of(path);
        let (index, stand_in) = match TextIndex::open_or_create(&dir) {
            Ok(index) => (index, false),
            Err(_) => (TextIndex::in_memory(&dir)?, true),
        };
        Ok(Store {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            search: RwLock::new(index),
            analysis_checked: OnceLock::new(),
            created: false,
            read_only: Mutex::new(Some(cause)),
            index_stand_in: AtomicBool::new(stand_in),
        })
    }

    /// The search index, as it is.
    pub(crate) fn text_index(&self) -> RwLockReadGuard<'_, TextIndex> {
        self.search.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Applies the changes queued for the search index, if any (before a search). Waits
    /// only briefly for another process's index writer: the search then answers from the
    /// index as that process last committed it. The first time, it also checks that the index was made by this analysis (which opening
    /// leaves out, not to load the analyzer for every command).
    pub(crate) fn catch_up_search_index(&self) -> Result<(), StoreError> {
        if !self.search_index_usable()? {
            // Open for reading only: the index answers as it is.
            return Ok(());
        }
        let first = self.analysis_checked.get().is_none();
        let (queued, stale) = {
            let conn = self.read();
            let queued = has_pending(&conn).map_err(|e| e.in_library(&self.path))?;
            let stale = first
                && self.text_index().stamp()?
                    != Some(expected_stamp(&conn).map_err(|e| e.in_library(&self.path))?);
            (queued, stale)
        };
        let mut current = true;
        if queued || stale {
            let conn = self.write();
            let how = if stale {
                Sync::Rebuild
            } else {
                Sync::Queued(INDEX_QUEUE_BUDGET)
            };
            current = match sync(&conn, &self.text_index(), how, SEARCH_WAIT) {
                Ok(current) => current,
                Err(e) => match e.in_library(&self.path) {
                    // A full disk: the search answers from the index as it is; the queue waits.
                    e if e.is_disk_full() => false,
                    e => return Err(e),
                },
            };
        }
        if current {
            let _ = self.analysis_checked.set(());
        }
        Ok(())
    }

    /// Replaces a search index that failed to read with a new one built from the library.
    pub(crate) fn recover_search_index(&self) -> Result<(), StoreError> {
        if let Some(refused) = self.read_only() {
            // Open for reading only: the index is not removed when it cannot be made anew.
            return Err(refused);
        }
        let conn = self.write();
        let mut index = self.search.write().unwrap_or_else(|p| p.into_inner());
        let dir = index.dir().to_path_buf();
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| {
                StoreError::io(
                    text!(
                        "cannot remove the damaged search index {}",
                        "Der beschädigte Suchindex {} lässt sich nicht entfernen",
                        dir.display()
                    ),
                    e,
                )
            })?;
        }
        let fresh = TextIndex::open_or_create(&dir)?;
        sync(&conn, &fresh, Sync::Rebuild, WRITE_WAIT).map_err(|e| e.in_library(&self.path))?;
        *index = fresh;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this `open` created the library (a new file or an empty one).
    pub fn was_created(&self) -> bool {
        self.created
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.reading(|conn| Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }

    /// Runs `read` on the reader connection; a database error names the library file.
    pub(crate) fn reading<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let conn = self.read();
        read(&conn).map_err(|e| e.in_library(&self.path))
    }

    /// Runs `write` in one transaction that starts as the writer (`BEGIN IMMEDIATE`), so that
    /// another process writing makes it wait (up to the busy timeout) instead of failing
    /// half-way; commits when `write` succeeds. A database error names the library file.
    pub(crate) fn writing<T>(
        &self,
        write: impl FnOnce(&mut Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.writable()?;
        let mut conn = self.write();
        let result = (|| {
            let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = write(&mut tx)?;
            if tx.is_autocommit() {
                // A step failed in a way that made SQLite roll back, and `write` went on.
                return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
                    Some("the change was rolled back and not saved".into()),
                )));
            }
            tx.commit()?;
            Ok(value)
        })();
        let value = result.map_err(|e: StoreError| {
            let e = e.in_library(&self.path);
            if e.is_disk_full() {
                // Rolled back: the log keeps none of the space it took.
                crate::disk::release_wal_space(&mut conn);
            }
            e
        })?;
        if self.index_stand_in.load(Ordering::Relaxed) {
            // The changes stay queued; the index, once it can be made, is built whole.
            return Ok(value);
        }
        // The write is saved; the search index follows. Should that fail (or take longer
        // than its budget), the changes stay queued in the library and the next write or
        // search applies them.
        let _ = sync(
            &conn,
            &self.text_index(),
            Sync::Queued(INDEX_QUEUE_BUDGET),
            WRITE_WAIT,
        );
        Ok(value)
    }

    /// For bulk writers between two transactions: leaves the library free for a moment, so
    /// that another process waiting to write (the app autosaving while the CLI imports) gets
    /// its turn instead of waiting for the whole bulk job.
    pub fn yield_to_writers(&self) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }

    // A poisoned lock means a panic happened while holding it; SQLite's own transaction
    // rollback keeps the file consistent, so the connection is still usable.
    pub(crate) fn write(&self) -> MutexGuard<'_, Connection> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn read(&self) -> MutexGuard<'_, Connection> {
        self.reader.lock().unwrap_or_else(|p| p.into_inner())
    }
}
