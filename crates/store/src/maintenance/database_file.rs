//! Whole database files: copying one library into another (SQLite's online backup, a few
//! pages at a time), scratch names beside a library for work in progress, and removing a
//! scratch database with its companions. Shared by backup and restore.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use rusqlite::Connection;
use rusqlite::backup::Backup;

use crate::StoreError;

/// Pages copied per step of an online backup; readers and the writer may work in between.
const PAGES_PER_STEP: std::os::raw::c_int = 1024;

/// Copies the whole database `from` into `to`, replacing what `to` held.
pub(crate) fn copy(from: &Connection, to: &mut Connection) -> Result<(), StoreError> {
    let backup = Backup::new(from, to)?;
    backup.run_to_completion(PAGES_PER_STEP, Duration::from_millis(0), None)?;
    Ok(())
}

/// A file name beside `path` for work in progress, unique to this process and moment.
pub(crate) fn scratch_beside(path: &Path, label: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".into());
    let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    path.with_file_name(format!(".{name}.{label}-{}-{nanos}", std::process::id()))
}

/// Removes a scratch database and its companions (`-wal`, `-shm`, `-journal`).
pub(crate) fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(crate::disk::companion(path, suffix));
    }
}
