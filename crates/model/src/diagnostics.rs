//! What the window's Diagnose view shows of the log.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The end of the log file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LogTail {
    /// The log file (empty when the app keeps no log).
    pub path: String,
    /// Its last lines, oldest first.
    pub lines: Vec<String>,
}
