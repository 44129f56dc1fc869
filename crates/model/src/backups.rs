//! The backups Newsdesk made of a library, as the window's maintenance view lists them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One backup in the backup folder: the library file (its pictures in `<name>.media/`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Backup {
    /// The backup's library file, a full path (what `db restore` and the window restore from).
    pub path: String,
    /// When it was made (read from its name, which Newsdesk gives it).
    pub made_at: chrono::DateTime<chrono::Utc>,
    /// The size of its library file in bytes (its pictures not counted).
    pub bytes: u64,
}

/// What one automatic-backup round did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupRound {
    /// The backup made, if one was due.
    pub made: Option<Backup>,
    /// Older backups removed to keep the number the settings ask for.
    pub removed: Vec<String>,
}

/// A library that did not open when the window started, and what can bring it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibraryProblem {
    /// The library file that did not open.
    pub path: String,
    /// Why it did not open.
    pub problem: crate::UserError,
    /// The backups in `backups/` beside it, newest first (a restore can also take any file).
    pub backups: Vec<Backup>,
}
