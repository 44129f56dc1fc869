//! The embargo (Sperrfrist): before its time nothing of an article leaves the newsroom — no
//! publication, no scheduled job that would go out earlier, no export meant for others. An
//! article's own embargo and those of the pictures it shows count; the later one wins.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The embargo that holds an article, and what sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Embargo {
    /// Until when nothing of the article leaves the newsroom.
    #[ts(type = "string")]
    pub until: DateTime<Utc>,
    /// The picture whose embargo this is; `None`: the article's own.
    pub picture: Option<EmbargoedPicture>,
}

/// A picture under embargo shown by an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmbargoedPicture {
    pub id: i64,
    /// The file name it was imported from.
    pub file: String,
}

/// The line a print version or an internal copy carries while the embargo lasts, in the
/// newsroom's local time: "SPERRFRIST bis 14.12.2026, 10:00 Uhr".
pub fn embargo_notice(until: DateTime<Utc>) -> String {
    let local = until.with_timezone(&chrono::Local);
    format!("SPERRFRIST bis {}", local.format("%d.%m.%Y, %H:%M Uhr"))
}

impl Embargo {
    /// The later of two embargoes (the one that holds longer).
    pub fn later(self, other: Embargo) -> Embargo {
        if other.until > self.until {
            other
        } else {
            self
        }
    }
}
