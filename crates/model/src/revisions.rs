//! Every save of an article, kept whole.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ArticleContent, Status};

/// A revision as the history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RevisionSummary {
    pub article_id: i64,
    pub revision: i64,
    #[ts(type = "string")]
    pub saved_at: DateTime<Utc>,
    pub status: Status,
    pub title: String,
    /// Words in the body at that revision.
    pub words: i64,
    /// Why this revision exists: "import", "save", "restore of 3", …
    pub note: String,
}

/// A revision with the whole article as it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Revision {
    #[serde(flatten)]
    #[ts(flatten)]
    pub summary: RevisionSummary,
    pub content: ArticleContent,
}

/// How a piece of text fared between two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    Equal,
    Delete,
    Insert,
}

/// A run of words that stayed, went or came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiffSegment {
    pub kind: DiffKind,
    pub text: String,
}

/// One field that differs between two revisions, word by word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldDiff {
    /// The front-matter name (`title`, `teaser`, `body`, `tags`, …).
    pub field: String,
    pub segments: Vec<DiffSegment>,
}

/// What changed from revision `from` to revision `to`: only the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RevisionDiff {
    pub article_id: i64,
    pub from: i64,
    pub to: i64,
    pub fields: Vec<FieldDiff>,
}
