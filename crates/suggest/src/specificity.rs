//! How telling a word is: rare in the language (the lexicon's frequencies) and rare in the
//! library (its articles' document frequency), each 0 (says nothing) to 1 (very specific).

use newsdesk_analysis::Analyzer;

/// The lexicon's frequencies are 1,000,000 / rank.
const ZIPF: f64 = 1_000_000.0;
/// A word the lexicon does not know is a name, a coinage or a compound: specific.
const UNKNOWN_WORD: f64 = 0.85;
/// Without a lexicon (English) every word starts equal.
const NO_LEXICON: f64 = 0.5;
/// The library's document frequency weighs as much as the lexicon at this many articles.
const LIBRARY_HALF_WEIGHT: f64 = 30.0;

/// What [`Specificity`] needs to know of the library (the tag model learned it).
pub(crate) trait DocumentFrequencies {
    /// How many articles were learned.
    fn documents(&self) -> u32;
    /// How many of them hold the analysed `term` (0 for a term never seen).
    fn holding(&self, term: &str) -> u32;
}

pub(crate) struct Specificity<'a> {
    analyzer: &'a Analyzer,
    library: Option<&'a dyn DocumentFrequencies>,
}

impl<'a> Specificity<'a> {
    pub fn new(analyzer: &'a Analyzer, library: Option<&'a dyn DocumentFrequencies>) -> Self {
        Self { analyzer, library }
    }

    /// The analyzer the terms come from.
    pub fn analyzer(&self) -> &'a Analyzer {
        self.analyzer
    }

    /// Of the word written `surface` whose analysed term is `term`.
    pub fn of(&self, term: &str, surface: &str) -> f64 {
        let lexical = self.lexical(surface);
        let Some(library) = self.library.filter(|l| l.documents() > 0) else {
            return lexical;
        };
        let n = f64::from(library.documents());
        let df = library.holding(term);
        let idf =
            (((n + 1.0) / (f64::from(df) + 0.5)).ln() / (2.0 * (n + 1.0)).ln()).clamp(0.0, 1.0);
        let library = n / (n + LIBRARY_HALF_WEIGHT);
        (1.0 - library) * lexical + library * idf
    }

    fn lexical(&self, surface: &str) -> f64 {
        let lexicon = self.analyzer.lexicon();
        if lexicon.is_empty() {
            return NO_LEXICON;
        }
        let frequency = lexicon.frequency(surface);
        if frequency == 0 {
            return UNKNOWN_WORD;
        }
        let rank = ZIPF / f64::from(frequency);
        ((1.0 + rank / 30.0).ln() / (1.0_f64 + 100_000.0 / 30.0).ln()).clamp(0.05, 1.0)
    }
}
