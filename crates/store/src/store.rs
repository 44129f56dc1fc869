use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

use crate::StoreError;
use crate::connection::{explain_open_error, open_reader, open_writer};
use crate::migrations;

/// An open library: exactly one writer connection and one reader connection.
///
/// `Store` is `Send + Sync`; each connection sits behind its own lock, so reads do not wait
/// for writes (WAL) and writes are serialised.
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    created: bool,
}

impl Store {
    /// Opens the library at `path`, creating and migrating it as needed.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::io(format!("cannot create the folder {}", dir.display()), e)
            })?;
        }
        let existed = path.exists();
        let opened = (|| {
            let mut writer = open_writer(path)?;
            let version: i64 = writer.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            migrations::migrate(&mut writer, path)?;
            let reader = open_reader(path)?;
            Ok((writer, reader, version))
        })();
        let (writer, reader, version) = opened.map_err(|e| explain_open_error(path, e))?;
        Ok(Store {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            created: !existed || version == 0,
        })
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
        Ok(self
            .read()
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
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
