use newsdesk_model::text;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, RwLock, RwLockReadGuard};

use newsdesk_model::limits::INDEX_QUEUE_BUDGET;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::StoreError;
use crate::articles::index_queue::{
    SAVED_WAIT, SEARCH_WAIT, Sync, WRITE_WAIT, expected_stamp, forget_queued_up_to, has_pending,
    index_is_for_library, rebuild, sync,
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
    /// Set while the index is not this library's (missing, damaged, of another library or
    /// schema) until it is rebuilt: writes leave their changes queued meanwhile.
    index_stale: AtomicBool,
    /// Held while the index is rebuilt, so that it is rebuilt once, and a search meanwhile
    /// answers from the index as it is instead of waiting.
    rebuilding: Mutex<()>,
}

/// Articles up to which a stale search index is rebuilt while opening (about 0.1 s); a
/// larger library opens at once and rebuilds it afterwards.
const REBUILD_AT_OPEN_MAX: i64 = 1_000;

fn small_enough_to_index_at_open(conn: &rusqlite::Connection) -> Result<bool, StoreError> {
    let live: i64 = conn
        .prepare_cached("SELECT count(*) FROM articles WHERE trashed_at IS NULL")?
        .query_row([], |r| r.get(0))?;
    Ok(live <= REBUILD_AT_OPEN_MAX)
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
        // A new, damaged or foreign index is rebuilt — not here: opening stays instant, and
        // the window rebuilds it in the background with its progress
        // ([`Store::rebuild_stale_search_index`]); else the first search does. Queued changes
        // wait for the next write or search (no article can keep the library from opening).
        let current = match stand_in {
            true => Ok(true),
            false => index_is_for_library(&writer, &index),
        };
        let mut stale = match current {
            Ok(current) => !current,
            // A full disk: the index stays as it was (searches answer from it) for now.
            Err(e) if e.is_disk_full() => false,
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
                true
            }
            Err(e) => return Err(e),
        };
        if stale && small_enough_to_index_at_open(&writer)? {
            // A new library, or a small one: rebuilt at once (well under a tenth of a second).
            match sync(&writer, &index, Sync::Rebuild, WRITE_WAIT) {
                Ok(true) => stale = false,
                Ok(false) => {}
                Err(e) if e.is_disk_full() => {}
                Err(e) => return Err(e),
            }
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
            index_stale: AtomicBool::new(stale),
            rebuilding: Mutex::new(()),
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
            // Opened for reading only: the index answers as it is.
            index_stale: AtomicBool::new(false),
            rebuilding: Mutex::new(()),
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
        if self.index_stale.load(Ordering::Relaxed) {
            // Rebuilt here unless another thread (the window's) is rebuilding it: then the
            // search answers from the index as it is meanwhile.
            self.rebuild_stale_search_index(false, &mut |_, _| {})?;
            if self.index_stale.load(Ordering::Relaxed) {
                return Ok(());
            }
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

    /// Whether the search index waits to be rebuilt (opening found it missing, damaged or
    /// not this library's).
    pub fn search_index_stale(&self) -> bool {
        self.index_stale.load(Ordering::Relaxed)
    }

    /// Rebuilds the search index when opening found it missing, damaged or not this
    /// library's, calling `progress` with the articles done and their number; the library
    /// stays usable meanwhile (the rebuild reads through a connection of its own; writes stay
    /// queued and are applied after it). With `wait` false, returns at once when another
    /// thread is rebuilding it. Returns true when this call rebuilt it.
    pub fn rebuild_stale_search_index(
        &self,
        wait: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<bool, StoreError> {
        let _rebuilding = match wait {
            true => self.rebuilding.lock().unwrap_or_else(|p| p.into_inner()),
            false => match self.rebuilding.try_lock() {
                Ok(guard) => guard,
                Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => return Ok(false),
            },
        };
        if !self.index_stale.load(Ordering::Relaxed) || !self.search_index_usable()? {
            return Ok(false);
        }
        let index = self.text_index();
        let rebuilt = (|| {
            let conn = open_reader(&self.path)?;
            rebuild(&conn, &index, WRITE_WAIT, progress)
        })()
        .map_err(|e| e.in_library(&self.path))?;
        let Some(last) = rebuilt else {
            return Ok(false); // another process held the index: the next search tries again
        };
        self.index_stale.store(false, Ordering::Relaxed);
        // The queue up to the rebuild's snapshot is in the index; what was saved meanwhile
        // is applied now.
        let conn = self.write();
        forget_queued_up_to(&conn, last).map_err(|e| e.in_library(&self.path))?;
        let _ = sync(&conn, &index, Sync::Queued(INDEX_QUEUE_BUDGET), WRITE_WAIT);
        Ok(true)
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
        self.writing_indexed(true, write)
    }

    /// As [`Store::writing`]; with `index` false the changes stay queued for the search index
    /// (a bulk writer applies the queue once at its end: [`Store::index_queued`]).
    pub(crate) fn writing_indexed<T>(
        &self,
        index: bool,
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
        if !index
            || self.index_stand_in.load(Ordering::Relaxed)
            || self.index_stale.load(Ordering::Relaxed)
        {
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
            SAVED_WAIT,
        );
        Ok(value)
    }

    /// Applies everything queued for the search index, however long it takes (a bulk
    /// writer at its end, so that what it stored is found when it returns). Returns false
    /// when another process held the index's lock all the while: the queue then waits for
    /// the next write or search.
    pub fn index_queued(&self) -> Result<bool, StoreError> {
        if self.index_stand_in.load(Ordering::Relaxed) {
            return Ok(false);
        }
        if self.index_stale.load(Ordering::Relaxed) {
            // The whole index is made (waiting for a rebuild another thread runs).
            self.rebuild_stale_search_index(true, &mut |_, _| {})?;
            return Ok(!self.index_stale.load(Ordering::Relaxed));
        }
        let conn = self.write();
        sync(
            &conn,
            &self.text_index(),
            Sync::Queued(std::time::Duration::MAX),
            WRITE_WAIT,
        )
        .map_err(|e| e.in_library(&self.path))
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
