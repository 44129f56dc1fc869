//! The newsroom overview: the start view's figures, each an aggregate the library computes
//! (never a list of articles loaded to count them).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{LicenseKind, OutboxSummary, Status};

/// Weeks shown in "articles per week", the current one included.
pub const OVERVIEW_WEEKS: u32 = 12;
/// Days over which the most used tags are counted.
pub const OVERVIEW_TAG_DAYS: u32 = 90;
/// Months shown in "picture sources by month", the current one included.
pub const OVERVIEW_MONTHS: u32 = 6;
/// Licenses ending within this many days count as ending soon.
pub const OVERVIEW_EXPIRY_DAYS: u32 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Overview {
    /// Articles in the library (outside the trash).
    pub articles: i64,
    /// The Mondays of the last [`OVERVIEW_WEEKS`] weeks, oldest first (YYYY-MM-DD): the
    /// chart's axis, weeks without articles included.
    pub week_starts: Vec<String>,
    /// Articles dated in each of those weeks, by status (weeks without articles left out).
    pub weeks: Vec<WeekCount>,
    /// The most used tags of the last [`OVERVIEW_TAG_DAYS`] days, most used first.
    pub tags: Vec<NamedCount>,
    /// Uses of library pictures in articles of the last [`OVERVIEW_MONTHS`] months, by source.
    pub sources: Vec<SourceMonth>,
    /// Pictures whose license ends within [`OVERVIEW_EXPIRY_DAYS`] days, soonest first.
    pub expiring: Vec<ExpiringPicture>,
    /// How many more than `expiring` lists.
    pub expiring_more: i64,
    pub outbox: OutboxSummary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WeekCount {
    /// The Monday the week starts on (YYYY-MM-DD).
    pub week: String,
    pub status: Status,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NamedCount {
    pub name: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SourceMonth {
    /// YYYY-MM.
    pub month: String,
    /// The picture's credit, else its source, else its photographer; empty when none.
    pub source: String,
    pub uses: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExpiringPicture {
    pub image_id: i64,
    pub file: String,
    /// YYYY-MM-DD.
    pub expires: String,
    pub credit: String,
    pub license: Option<LicenseKind>,
}
