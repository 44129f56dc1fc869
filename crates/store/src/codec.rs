//! How values are written into and read out of the library's columns.

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_model::Status;

use crate::StoreError;

/// Timestamps: RFC 3339 in UTC with milliseconds (sorts as text).
pub(crate) fn ts(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn parse_ts(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("timestamp '{text}' is not RFC 3339")))
}

/// Dates: `YYYY-MM-DD`.
pub(crate) fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

pub(crate) fn parse_date(text: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|_| StoreError::Corrupt(format!("date '{t}' is not YYYY-MM-DD")))
    })
    .transpose()
}

pub(crate) fn parse_status(text: &str) -> Result<Status, StoreError> {
    text.parse()
        .map_err(|e| StoreError::Corrupt(format!("article status: {e}")))
}

/// Words in a text, as the history lists them.
pub(crate) fn words(body: &str) -> i64 {
    body.split_whitespace().count() as i64
}
