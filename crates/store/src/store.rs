use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, RwLock, RwLockReadGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::StoreError;
use crate::connection::{
    Identity, configure, explain_open_error, identify, open_reader, open_writer,
};
use crate::index::{
    SEARCH_BUDGET, SEARCH_WAIT, Sync, WRITE_BUDGET, WRITE_WAIT, expected_stamp, has_pending, sync,
};
use crate::migrations;
use crate::text_index::TextIndex;

/// An open library: exactly one writer connection and one reader connection, and the search
/// index beside the file.
///
/// `Store` is `Send + Sync`; each connection sits behind its own lock, so reads do not wait
/// for writes (WAL) and writes are serialised.
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    /// Replaced whole only when it turns out damaged (see [`Store::recover_search_index`]).
    search: RwLock<TextIndex>,
    /// Set once the index is known to be of this build's analysis.
    analysis_checked: OnceLock<()>,
    created: bool,
}

impl Store {
    /// Opens the library at `path`, creating (with its folder) and migrating it as needed.
    ///
    /// An existing file is changed only once it is known to be a library or an empty
    /// database; another program's SQLite file is refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::io(format!("cannot create the folder {}", dir.display()), e)
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
                other => return other.map_err(|e| explain_open_error(path, e)),
            }
        }
    }

    fn try_open(path: &Path, create: bool) -> Result<Store, StoreError> {
        let opened: Result<_, StoreError> = (|| {
            let mut writer = open_writer(path, create)?;
            let identity = identify(&writer, path)?;
            configure(&writer)?;
            migrations::migrate(&mut writer, path)?;
            let reader = open_reader(path)?;
            Ok((writer, reader, identity))
        })();
        let (writer, reader, identity) = opened?;
        let dir = TextIndex::dir_of(path);
        let mut index = TextIndex::open_or_create(&dir)?;
        // A new, damaged or foreign index is rebuilt; queued changes wait for the next write
        // or search (no article can keep the library from opening).
        match sync(&writer, &index, Sync::Checked, WRITE_WAIT) {
            Ok(_) => {}
            Err(StoreError::SearchIndex { .. }) => {
                // It opened but cannot be read or written through: start it again.
                drop(index);
                std::fs::remove_dir_all(&dir).map_err(|e| {
                    StoreError::io(
                        format!("cannot remove the damaged search index {}", dir.display()),
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
                Sync::Queued(SEARCH_BUDGET)
            };
            current = sync(&conn, &self.text_index(), how, SEARCH_WAIT)
                .map_err(|e| e.in_library(&self.path))?;
        }
        if current {
            let _ = self.analysis_checked.set(());
        }
        Ok(())
    }

    /// Replaces a search index that failed to read with a new one built from the library.
    pub(crate) fn recover_search_index(&self) -> Result<(), StoreError> {
        let conn = self.write();
        let mut index = self.search.write().unwrap_or_else(|p| p.into_inner());
        let dir = index.dir().to_path_buf();
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| {
                StoreError::io(
                    format!("cannot remove the damaged search index {}", dir.display()),
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
        let mut conn = self.write();
        let result = (|| {
            let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = write(&mut tx)?;
            tx.commit()?;
            Ok(value)
        })();
        let value = result.map_err(|e: StoreError| e.in_library(&self.path))?;
        // The write is saved; the search index follows. Should that fail (or take longer
        // than its budget), the changes stay queued in the library and the next write or
        // search applies them.
        let _ = sync(
            &conn,
            &self.text_index(),
            Sync::Queued(WRITE_BUDGET),
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
