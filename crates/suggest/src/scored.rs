//! One candidate tag while it is scored: what the text, the archive, the vocabulary and the
//! section say for it.

use newsdesk_model::SuggestionReason;

use crate::text::CandidateKind;

/// Everything known about one candidate tag while scoring.
#[derive(Debug, Default)]
pub(crate) struct Scored {
    pub(crate) display: String,
    pub(crate) text: f64,
    pub(crate) kind: Option<CandidateKind>,
    pub(crate) archive: f64,
    pub(crate) archive_articles: u32,
    pub(crate) vocabulary: Option<u32>,
    pub(crate) goes_with: Option<(String, f64)>,
    pub(crate) section: bool,
    pub(crate) reasons: Vec<SuggestionReason>,
}
