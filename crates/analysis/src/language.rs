//! The languages the analysis knows, and their Snowball stemmers.

use rust_stemmers::{Algorithm, Stemmer};

/// The language a text is analysed as: it picks the stemmer, the stop words and whether
/// compounds are split and `ae`/`oe`/`ue` are read as umlauts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// German: Snowball German stemmer, compound splitting, `ae` = `ä`.
    #[default]
    German,
    /// English: Snowball English (Porter 2) stemmer, no compound splitting.
    English,
}

impl Language {
    pub(crate) fn stemmer(self) -> Stemmer {
        Stemmer::create(match self {
            Self::German => Algorithm::German,
            Self::English => Algorithm::English,
        })
    }
}
