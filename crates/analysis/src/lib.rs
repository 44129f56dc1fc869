//! German-first text analysis for tag suggestions and the search index: pure functions, no IO.
//!
//! ```
//! use newsdesk_analysis::{Analyzer, TermKind};
//!
//! let analyzer = Analyzer::german(); // build once (loads the shipped lexicon), then share
//! let terms = analyzer.analyze("Das Digitalisierungskabinett tagte in Thüringen.");
//! // the compound's parts stand at the compound's position, so "Kabinett" finds it
//! assert!(terms.iter().any(|t| t.text == "kabinett" && t.kind == TermKind::CompoundPart));
//! // umlaut and transliterated spellings meet
//! assert_eq!(analyzer.normalize("Thüringen"), analyzer.normalize("Thueringen"));
//! ```
//!
//! The pieces can also be used alone: [`tokens`] (words with byte offsets and positions),
//! [`fold`], [`Lexicon::split_compound`], [`sentences`], [`find_people`] and [`is_stop_word`].
//! Everything counts text in bytes of the `&str` it was given (`Span`), ready for slicing.

mod analyzer;
mod compound;
mod fold;
mod language;
mod lexicon;
mod names;
mod sentence;
mod stopwords;
mod token;
mod word_list;

pub use analyzer::{Analyzer, QueryWord, Term, TermKind};
pub use compound::CompoundPart;
pub use fold::{fold, fold_transliterations};
pub use language::Language;
pub use lexicon::Lexicon;
pub use names::{PersonMention, find_people, is_first_name};
pub use sentence::sentences;
pub use stopwords::is_stop_word;
pub use token::{Token, TokenKind, Tokens, tokens};

/// A byte range `start..end` in the text it was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers in `text` (the text it was taken from), or "" when it does not
    /// fit (another text was passed).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// As a range, for slicing.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}
