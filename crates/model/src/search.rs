//! Search results.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Status;

/// One search result, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub id: i64,
    pub kicker: String,
    pub title: String,
    pub status: Status,
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    /// A short excerpt around the match; the match itself is wrapped in `[` … `]`.
    pub snippet: String,
    /// Higher is better.
    pub score: f64,
    /// The article holds only some of the query's words (or of a lone compound's parts):
    /// such hits follow every article holding them all.
    #[serde(default)]
    pub partial: bool,
}
