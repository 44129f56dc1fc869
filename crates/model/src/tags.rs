//! Tag suggestions: what the suggester proposes for an article or a picture, and why.
//! `newsdesk tags suggest --json` prints a list of [`TagSuggestion`]s; the field names are a
//! contract (`tag`, `score`, `reason`, `source`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One proposed tag, best first in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TagSuggestion {
    /// The tag as it would be written: the vocabulary's spelling where the library has it.
    pub tag: String,
    /// Higher is better; comparable within one list only.
    pub score: f64,
    /// A short reason in English words for scripts and the CLI ("in headline; in vocabulary,
    /// 37 uses"); the window words [`TagSuggestion::reasons`] in its own language.
    pub reason: String,
    /// Where the suggestion mainly comes from.
    pub source: SuggestionSource,
    /// Every reason, strongest first.
    pub reasons: Vec<SuggestionReason>,
}

/// Where a suggestion mainly comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionSource {
    /// A tag the library already uses, supported by the text.
    Vocabulary,
    /// Learned from articles tagged before: the words (and tags) that go with the tag.
    Archive,
    /// A key term or phrase of the text itself.
    Text,
    /// A person named in the text.
    Person,
    /// A place from the shipped gazetteer.
    Place,
    /// An organisation or public body from the shipped gazetteer.
    Organisation,
    /// The article's section (Ressort) or type.
    Section,
}

/// One reason for a suggestion. The window words each in the UI's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SuggestionReason {
    /// In the title.
    InHeadline,
    /// In the kicker (Dachzeile).
    InKicker,
    /// In the teaser.
    InTeaser,
    /// In a picture's caption.
    InCaption,
    /// How often the text names it (compound parts included).
    Mentions { count: u32 },
    /// The library's vocabulary uses it this often.
    InVocabulary { uses: u32 },
    /// Articles tagged with it share this text's words.
    LearnedFrom { articles: u32 },
    /// Often given together with a tag the article already has (or is given).
    GoesWith { tag: String },
    /// A person's name.
    Person,
    /// A place.
    Place,
    /// An organisation or public body.
    Organisation,
    /// The article's section or type.
    Section,
    /// Editors accepted it this often before.
    Accepted { count: u32 },
}

impl SuggestionReason {
    /// The reason in short English words, as the CLI prints it.
    pub fn describe(&self) -> String {
        match self {
            Self::InHeadline => "in headline".into(),
            Self::InKicker => "in kicker".into(),
            Self::InTeaser => "in teaser".into(),
            Self::InCaption => "in caption".into(),
            Self::Mentions { count } => format!("{count} mentions"),
            Self::InVocabulary { uses } => format!("in vocabulary, {uses} uses"),
            Self::LearnedFrom { articles } => format!("learned from {articles} articles"),
            Self::GoesWith { tag } => format!("goes with \"{tag}\""),
            Self::Person => "person".into(),
            Self::Place => "place".into(),
            Self::Organisation => "organisation".into(),
            Self::Section => "section".into(),
            Self::Accepted { count } => format!("accepted {count}×"),
        }
    }
}

/// An editor's answer to a suggestion, remembered per article or picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionVerdict {
    Accepted,
    Rejected,
}

/// Precision, recall and F1 at one cut-off `k`, averaged over documents (macro).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvalAtK {
    pub k: u32,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// `newsdesk tags eval --json`: the scores at each k and how many documents were read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvalReport {
    pub documents: u32,
    pub at: Vec<EvalAtK>,
    /// Mean time to suggest for one document, in milliseconds (model building excluded).
    pub ms_per_document: f64,
}
