//! A full disk, told apart from other failures: the error kinds of a write that found no
//! space, the free space of a folder, SQLite's failures for want of it, and the folder to
//! name in the message. Depends on nothing else of the store.

use std::path::{Path, PathBuf};

use newsdesk_model::limits::DISK_FULL_BELOW;
use rusqlite::ErrorCode;

/// True for the errors of a write that found no space (ENOSPC, EDQUOT).
pub(crate) use newsdesk_search::is_storage_full;

/// The folder holding `path` (as an absolute path where it can be told), for messages.
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf())
}

/// Bytes this user may still write on the disk holding `folder`, if the system says.
pub(crate) fn free_space(folder: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        rustix::fs::statvfs(folder)
            .ok()
            .map(|s| s.f_bavail.saturating_mul(s.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        None
    }
}

/// True when the disk holding `folder` has less than [`DISK_FULL_BELOW`] left.
pub(crate) fn is_full(folder: &Path) -> bool {
    free_space(folder).is_some_and(|free| free < DISK_FULL_BELOW)
}

pub(crate) fn sqlite_code(err: &rusqlite::Error) -> Option<ErrorCode> {
    match err {
        rusqlite::Error::SqliteFailure(e, _) => Some(e.code),
        _ => None,
    }
}

/// Whether SQLite's `err` on the library at `path` came from a lack of space: SQLITE_FULL,
/// or an I/O error (growing the `-shm`, syncing, creating a file) while the disk is full.
pub(crate) fn sqlite_failed_for_space(err: &rusqlite::Error, path: &Path) -> bool {
    match sqlite_code(err) {
        Some(ErrorCode::DiskFull) => true,
        Some(ErrorCode::SystemIoFailure | ErrorCode::CannotOpen) => is_full(&folder_of(path)),
        _ => false,
    }
}
