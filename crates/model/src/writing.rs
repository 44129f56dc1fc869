//! What the writing surface tells an editor about an article: what is missing before it is
//! ready, counts and readability, related articles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One thing to fix before an article is ready (or a hint that does not block).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReadinessProblem {
    /// The field at fault: `kicker`, `teaser`, `images[1].credit`, `body`, …
    pub field: String,
    /// What is wrong, as a sentence (English; the UI words it from `code`).
    pub problem: String,
    /// A stable name of the problem: `missing`, `no_credit`, `no_alt`, `vague_link`,
    /// `skipped_heading`, `body_h1`, `too_long`.
    pub code: String,
    /// What the problem is about, for the UI's wording (a link's text, heading levels, …).
    pub detail: String,
    /// True when it keeps the article from being set "ready".
    pub blocking: bool,
}

/// A sentence long enough to be hard to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LongSentence {
    pub text: String,
    pub words: u32,
}

/// Counts and readability of an article's text (teaser and body).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleStats {
    pub words: u32,
    pub characters: u32,
    /// At 200 words a minute, rounded up; 0 for an empty text.
    pub reading_minutes: u32,
    /// Sentences of more than [`ArticleStats::LONG_SENTENCE`] words.
    pub long_sentences: Vec<LongSentence>,
    /// Flesch reading ease in Amstad's adaptation for German (0 hard – 100 easy); `null`
    /// when there is no sentence to measure.
    pub readability: Option<f64>,
    pub title_characters: u32,
    pub teaser_characters: u32,
    /// The teaser's limit in characters (the portal's default: 300).
    pub teaser_limit: u32,
}

impl ArticleStats {
    /// Words from which a sentence counts as long.
    pub const LONG_SENTENCE: u32 = 25;
    /// The teaser's default limit in characters.
    pub const TEASER_LIMIT: u32 = 300;
}

/// An article that could stand under "Weitere Meldungen".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RelatedArticle {
    pub id: i64,
    pub kicker: String,
    pub title: String,
    pub section: String,
    /// Higher is more related.
    pub score: f64,
}
