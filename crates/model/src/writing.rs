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
    /// What kind of problem it is: the UI words it and the exports' guard branches on it.
    pub code: ProblemCode,
    /// What the problem is about, for the UI's wording (a link's text, heading levels, …).
    pub detail: String,
    /// True when it keeps the article from being set "ready".
    pub blocking: bool,
}

/// The closed set of readiness problems (serialised in snake case: `no_credit`). The UI
/// words each from its code and `detail`; it never reads `problem`'s English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// A field the portal shows with every article is empty (`field` names it: kicker,
    /// title, teaser, section, body). Blocking.
    Missing,
    /// A picture has no credit ("Bildquelle"); `detail` is its file name or number.
    /// Blocking: no picture goes out without one.
    NoCredit,
    /// A picture (of the article, or one in the body: `detail` is its address) has no alt
    /// text. Blocking.
    NoAlt,
    /// The teaser is longer than the portal shows in lists; `detail` is its length. A hint.
    TooLong,
    /// A link's text does not say where it leads ("hier", "mehr"); `detail` is the text.
    /// A hint.
    VagueLink,
    /// The body has a first-level heading (the title is the page's only one); `detail` is
    /// the heading. A hint.
    BodyH1,
    /// A heading skips a level; `detail` says which ("h2 → h4"). A hint.
    SkippedHeading,
    /// A picture from the image library is no longer in it; `detail` is its number.
    /// Blocking.
    NotInLibrary,
    /// A library picture's license has ended; `detail` is "file|date". Blocking.
    LicenseExpired,
}

impl ProblemCode {
    /// Whether this problem concerns a picture's clearance (credit, license, presence in the
    /// library): what keeps an article from being exported or published.
    pub fn is_picture_clearance(self) -> bool {
        matches!(
            self,
            ProblemCode::NoCredit | ProblemCode::LicenseExpired | ProblemCode::NotInLibrary
        )
    }
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
