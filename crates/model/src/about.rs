//! What the About dialog shows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Newsdesk's version and licenses: its own and those of everything it is built with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct About {
    /// The version of this build ("0.1.0").
    pub version: String,
    /// Newsdesk's own license (the repository's LICENSE).
    pub license: String,
    /// THIRD-PARTY-NOTICES: every crate and npm package in this build with its license text.
    pub notices: String,
}
