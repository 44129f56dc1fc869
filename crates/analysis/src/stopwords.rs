//! Stop words: function words that say nothing about a text's topic.
//!
//! The lists ship as `assets/analysis/stopwords-de.txt` and `stopwords-en.txt` (written for
//! Newsdesk, MIT) and are compared in folded form, so "Für" and "fur" are the same word.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::Language;
use crate::fold::{fold, fold_transliterations};
use crate::word_list::list_lines;

const GERMAN: &str = include_str!("../../../assets/analysis/stopwords-de.txt");
const ENGLISH: &str = include_str!("../../../assets/analysis/stopwords-en.txt");

/// Whether `word` (in any case and spelling: "Für", "für", "fuer") is a stop word of
/// `language`.
///
/// ```
/// use newsdesk_analysis::{Language, is_stop_word};
/// assert!(is_stop_word("Für", Language::German));
/// assert!(!is_stop_word("Kabinett", Language::German));
/// assert!(is_stop_word("the", Language::English));
/// ```
pub fn is_stop_word(word: &str, language: Language) -> bool {
    is_folded_stop_word(&key(&fold(word), language), language)
}

/// The form a folded word is looked up in: German also reads `ue` as `ü` ("fuer" = "für").
fn key(folded: &str, language: Language) -> String {
    match language {
        Language::German => fold_transliterations(folded).into_owned(),
        Language::English => folded.to_owned(),
    }
}

/// Whether a word in its full folded form (German: after [`fold_transliterations`]) is a
/// stop word of `language`.
pub(crate) fn is_folded_stop_word(folded: &str, language: Language) -> bool {
    set(language).contains(folded)
}

fn set(language: Language) -> &'static FxHashSet<Box<str>> {
    static GERMAN_SET: OnceLock<FxHashSet<Box<str>>> = OnceLock::new();
    static ENGLISH_SET: OnceLock<FxHashSet<Box<str>>> = OnceLock::new();
    let (cell, list) = match language {
        Language::German => (&GERMAN_SET, GERMAN),
        Language::English => (&ENGLISH_SET, ENGLISH),
    };
    cell.get_or_init(|| {
        list_lines(list)
            .map(|w| key(&fold(w), language).into())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded_and_folded() {
        assert!(is_stop_word("über", Language::German));
        assert!(
            is_stop_word("FUER", Language::German),
            "typewriter umlauts too"
        );
        assert!(
            is_stop_word("daß", Language::German),
            "old spelling folds to dass"
        );
        assert!(is_stop_word("Die", Language::German));
        assert!(!is_stop_word("Landesregierung", Language::German));
        assert!(
            !is_stop_word("Jahr", Language::German),
            "frequent content words stay"
        );
        assert!(!is_stop_word("die", Language::English));
        assert!(set(Language::German).len() > 200);
        assert!(set(Language::English).len() > 100);
    }
}
