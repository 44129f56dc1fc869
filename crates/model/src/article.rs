use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Status;

fn is_empty(s: &str) -> bool {
    s.is_empty()
}

/// A picture of an article, as the article shows it.
///
/// `file` names the picture (a path relative to the article file, or later a key into the
/// image library); caption, credit ("Bildquelle") and alt text travel with the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImageRef {
    #[serde(skip_serializing_if = "is_empty")]
    pub file: String,
    #[serde(skip_serializing_if = "is_empty")]
    pub caption: String,
    #[serde(skip_serializing_if = "is_empty")]
    pub credit: String,
    #[serde(skip_serializing_if = "is_empty")]
    pub alt: String,
}

/// A link or attachment under the article: a document ("… (PDF; 4,4 MB)") or a web address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Link {
    #[serde(skip_serializing_if = "is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "is_empty")]
    pub url: String,
    /// Free text; the samples use `document`. Empty means a plain web link.
    #[serde(skip_serializing_if = "is_empty")]
    pub kind: String,
}

/// A correction of a published article: the notice readers see ("Korrektur am 14.12.2018: …"),
/// carried to the portal with the next publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Correction {
    /// When the correction was written.
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// What was corrected, as readers read it.
    pub note: String,
}

/// Everything an editor writes: the interchange format's fields and the Markdown body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ArticleContent {
    /// Dachzeile: a place or topic above the title ("Thüringen").
    pub kicker: String,
    pub title: String,
    /// Meldung, Bericht, Interview, …
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub kind: String,
    /// Bereich: "Politik".
    pub section: String,
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    /// Author initials ("ba").
    pub author: String,
    pub teaser: String,
    /// Stichwörter, in the order the editor gave them.
    pub tags: Vec<String>,
    pub images: Vec<ImageRef>,
    pub links: Vec<Link>,
    /// Markdown.
    pub body: String,
    /// The last part of the post's public address ("landtag-beraet-haushalt"); empty: the
    /// portal makes one from the title.
    pub slug: String,
    /// The meta description search engines and link previews show.
    pub description: String,
    /// The picture a shared link shows (the `file` of one of `images`); empty: the lead picture.
    pub social_image: String,
    /// Sperrfrist: before this time nothing of the article leaves the newsroom (no publish, no
    /// export meant for others).
    #[ts(type = "string | null")]
    pub embargo: Option<DateTime<Utc>>,
    /// The corrections of a published article, newest first.
    pub corrections: Vec<Correction>,
    /// Front-matter keys Newsdesk does not know, kept so that a round trip loses nothing.
    #[ts(type = "Record<string, unknown>")]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// An article in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Article {
    pub id: i64,
    pub status: Status,
    #[serde(flatten)]
    #[ts(flatten)]
    pub content: ArticleContent,
    /// Ids of related articles ("Weitere Meldungen"), in order.
    pub related: Vec<i64>,
    /// Number of the revision that holds the current state (1 for a new article).
    pub revision: i64,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// When the article was moved to the trash; `null` while it is not there.
    #[ts(type = "string | null")]
    pub trashed_at: Option<DateTime<Utc>>,
}

/// What the editor needs to show an article, in one answer: the article and its body
/// rendered for the preview (sanitised HTML).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenedArticle {
    pub article: Article,
    pub preview: String,
}

/// One row of the article list: everything but body, images, links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleSummary {
    pub id: i64,
    pub kicker: String,
    pub title: String,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub kind: String,
    pub section: String,
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    pub author: String,
    pub teaser: String,
    pub tags: Vec<String>,
    pub status: Status,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    #[ts(type = "string | null")]
    pub trashed_at: Option<DateTime<Utc>>,
    /// The article's own embargo (Sperrfrist), also when it has passed.
    #[ts(type = "string | null")]
    #[serde(default)]
    pub embargo: Option<DateTime<Utc>>,
}

/// Which articles a list shows. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ArticleFilter {
    pub status: Option<Status>,
    pub section: Option<String>,
    /// Matches a tag case-insensitively.
    pub tag: Option<String>,
    /// Meldung, Bericht, … (case-insensitive).
    #[serde(rename = "type")]
    #[ts(rename = "type", optional)]
    pub kind: Option<String>,
    /// Only articles in the trash (otherwise the trash is left out).
    #[ts(optional)]
    pub trashed: Option<bool>,
    /// First publication date to include.
    #[ts(type = "string | null")]
    pub since: Option<NaiveDate>,
    /// Last publication date to include.
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
    /// At most this many rows (newest first); all when absent.
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Rows to skip, for paging.
    #[ts(optional)]
    pub offset: Option<u32>,
}
