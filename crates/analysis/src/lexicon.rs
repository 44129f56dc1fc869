//! The word frequencies compound splitting decides by.
//!
//! [`Lexicon::german`] starts from the lists shipped in `assets/analysis/`:
//! - `de-words.txt`: 73,586 German words ranked by frequency (from the MIT-licensed
//!   `@zxcvbn-ts/language-de` package: German Wikipedia and spoken German); the word on line
//!   *r* counts as `1_000_000 / r` (Zipf's law), so the rarest still counts 13;
//! - `de-news-words.txt`: ~300 newsroom nouns written for Newsdesk, each counted at least 500;
//!   those marked `=` are compounds that became words of their own (Krankenhaus, Haushalt,
//!   Bürgermeister): never split, but parts of longer compounds;
//! - `de-surnames.txt` (same package) and `first-names.txt` (written for Newsdesk): names
//!   that are never split ("Hartmann" is not hart + Mann, "Hartmut" not hart + Mut), as are
//!   weekdays and months ("Freitag").
//!
//! The caller grows it with the library's own texts ([`Lexicon::learn`], one count per
//! occurrence) or with known words ([`Lexicon::add`]). Words are keyed by [`fold`](crate::fold).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::fold::{fold, fold_into};
use crate::names::FIRST_NAMES;
use crate::token::{TokenKind, tokens};
use crate::word_list::list_lines;

const BASE_WORDS: &str = include_str!("../../../assets/analysis/de-words.txt");
const NEWS_WORDS: &str = include_str!("../../../assets/analysis/de-news-words.txt");
const SURNAMES: &str = include_str!("../../../assets/analysis/de-surnames.txt");

/// The frequency of the most frequent word of the base list; line *r* counts `ZIPF / r`.
const ZIPF: u32 = 1_000_000;
/// The least frequency of a word from `de-news-words.txt` (that of rank 2,000).
const NEWS_WORD_FREQUENCY: u32 = 500;

/// Words that look like compounds but are never split.
const NEVER_SPLIT: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "januar",
    "februar",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Word frequencies (by folded form) plus the words never to split.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    frequencies: FxHashMap<Box<str>, u32>,
    protected: FxHashSet<Box<str>>,
}

impl Lexicon {
    /// An empty lexicon: no word is known, so nothing is split until words are added.
    pub fn new() -> Self {
        Self::default()
    }

    /// The shipped German lexicon (see the module docs): ~74,000 words with frequencies and
    /// ~3,500 protected names. Takes some 20–30 ms; build it once and keep it.
    pub fn german() -> Self {
        let mut lexicon = Self::new();
        lexicon.frequencies.reserve(80_000);
        let mut folded = String::new();
        for (rank, word) in list_lines(BASE_WORDS).enumerate() {
            let frequency = ZIPF / u32::try_from(rank + 1).unwrap_or(u32::MAX);
            folded.clear();
            fold_into(word, &mut folded);
            lexicon.raise(&folded, frequency.max(1));
        }
        for line in list_lines(NEWS_WORDS) {
            let word = line.strip_prefix('=').unwrap_or(line);
            folded.clear();
            fold_into(word, &mut folded);
            lexicon.raise(&folded, NEWS_WORD_FREQUENCY);
            if word.len() < line.len() {
                lexicon.protected.insert(folded.as_str().into());
            }
        }
        for name in list_lines(SURNAMES)
            .chain(list_lines(FIRST_NAMES))
            .chain(NEVER_SPLIT.iter().copied())
        {
            lexicon.protect(name);
        }
        lexicon
    }

    /// Counts `word` `count` more times (any spelling; it is folded).
    pub fn add(&mut self, word: &str, count: u32) {
        let folded = fold(word);
        if folded.is_empty() {
            return;
        }
        match self.frequencies.get_mut(folded.as_str()) {
            Some(frequency) => *frequency = frequency.saturating_add(count),
            None => {
                self.frequencies.insert(folded.into(), count);
            }
        }
    }

    /// Counts every word of `text` once per occurrence: the library's own vocabulary
    /// (names, new coinages) becomes known, so its compounds split and its words serve as
    /// compound parts once seen twice. A hyphenated word counts as its segments; numbers and
    /// words with digits are left out.
    pub fn learn(&mut self, text: &str) {
        for token in tokens(text) {
            if token.kind != TokenKind::Word
                || token.text.chars().any(char::is_numeric)
                || crate::token::is_overlong(&token.text)
            {
                continue;
            }
            if token.is_hyphenated() {
                for segment in token.segments() {
                    self.add(segment.of(text), 1);
                }
            } else {
                self.add(&token.text, 1);
            }
        }
    }

    /// Marks `word` as never to be split (a name such as "Hartmann").
    pub fn protect(&mut self, word: &str) {
        let folded = fold(word);
        if !folded.is_empty() {
            self.protected.insert(folded.into());
        }
    }

    /// How often `word` was counted (0 when unknown).
    pub fn frequency(&self, word: &str) -> u32 {
        self.folded_frequency(&fold(word))
    }

    /// Whether `word` is never split.
    pub fn is_protected(&self, word: &str) -> bool {
        self.protected.contains(fold(word).as_str())
    }

    /// The number of known words.
    pub fn len(&self) -> usize {
        self.frequencies.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.frequencies.is_empty()
    }

    pub(crate) fn folded_frequency(&self, folded: &str) -> u32 {
        self.frequencies.get(folded).copied().unwrap_or(0)
    }

    pub(crate) fn is_folded_protected(&self, folded: &str) -> bool {
        self.protected.contains(folded)
    }

    fn raise(&mut self, folded: &str, frequency: u32) {
        if folded.is_empty() {
            return;
        }
        match self.frequencies.get_mut(folded) {
            Some(known) => *known = (*known).max(frequency),
            None => {
                self.frequencies.insert(folded.into(), frequency);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_german_lexicon_knows_frequent_words_first() {
        let lexicon = Lexicon::german();
        assert!(lexicon.len() > 70_000, "the base list is loaded");
        assert!(lexicon.frequency("der") > lexicon.frequency("Regierung"));
        assert!(lexicon.frequency("Regierung") > lexicon.frequency("Staatskanzlei"));
        assert!(lexicon.frequency("Staatskanzlei") > 0);
        assert_eq!(
            lexicon.frequency("Öl"),
            lexicon.frequency("ol"),
            "keys are folded"
        );
        assert!(lexicon.frequency("Kanzlei") >= NEWS_WORD_FREQUENCY);
        assert!(lexicon.is_protected("Hartmann") && lexicon.is_protected("Hartmut"));
        assert!(!lexicon.is_protected("Regierung"));
    }

    #[test]
    fn learning_counts_words_and_hyphen_segments() {
        let mut lexicon = Lexicon::new();
        lexicon.learn("Das OZG-Änderungsgesetz: das Gesetz, 2 Gesetze, G20.");
        assert_eq!(lexicon.frequency("ozg"), 1);
        assert_eq!(lexicon.frequency("Änderungsgesetz"), 1);
        assert_eq!(lexicon.frequency("das"), 2);
        assert_eq!(lexicon.frequency("2"), 0, "numbers are not words");
        assert_eq!(lexicon.frequency("g20"), 0);
        lexicon.add("Gesetz", u32::MAX);
        assert_eq!(lexicon.frequency("gesetz"), u32::MAX, "counts saturate");
    }
}
