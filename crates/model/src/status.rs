use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an article stands in the newsroom's workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Ready,
    Scheduled,
    Published,
    Updated,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Draft,
        Status::Ready,
        Status::Scheduled,
        Status::Published,
        Status::Updated,
        Status::Withdrawn,
    ];

    /// The stable lowercase name used in the database, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Ready => "ready",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
            Status::Updated => "updated",
            Status::Withdrawn => "withdrawn",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A status name that is not one of [`Status::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseStatusError(pub String);

impl fmt::Display for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        write!(
            f,
            "unknown status '{}' (expected one of: {})",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for ParseStatusError {}

impl FromStr for Status {
    type Err = ParseStatusError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        Status::ALL
            .into_iter()
            .find(|status| status.as_str() == wanted)
            .ok_or_else(|| ParseStatusError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_parses_from_its_own_name() {
        for status in Status::ALL {
            assert_eq!(
                status.as_str().parse::<Status>(),
                Ok(status),
                "{status} must round-trip"
            );
        }
    }

    #[test]
    fn unknown_status_names_the_choices() {
        let err = "fertig"
            .parse::<Status>()
            .expect_err("'fertig' is no status");
        assert!(
            err.to_string().contains("draft, ready"),
            "the error lists the valid names: {err}"
        );
    }
}
