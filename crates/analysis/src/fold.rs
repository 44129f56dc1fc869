//! Folding: the spelling-independent form words are compared in.
//!
//! Two steps, so that compounds can be split between them:
//! 1. [`fold`] (`newsdesk_model::fold`, the one folding the library's filters share): lower
//!    case, `ß` → `ss`, diacritics removed (`Ä` → `a`, `é` → `e`, also decomposed `u` +
//!    U+0308), hyphens, apostrophes and invisible characters dropped; what the lexicon is
//!    keyed by.
//! 2. [`fold_transliterations`] (German only): `ae`/`oe`/`ue` → `a`/`o`/`u`, so that the
//!    typewriter spellings "Thueringen", "Oelpreis", "Mueller" meet "Thüringen", "Ölpreis",
//!    "Müller". It is applied to whole words and to each compound part *after* splitting
//!    (so "Autoersatz" splits as auto + ersatz before `oe` could be misread).
//!
//! The `ae`/`oe`/`ue` rule leaves the pair alone after a vowel (Feuer, Mauer, neue, Bauer,
//! Trauer, Poesie is changed but Zoo-Eingang is not) and `ue` after `q` (Quelle, bequem).
//! Words where `ue` is two sounds after a consonant (aktuell, Duell, Statue) are changed
//! too — "aktuell" folds to "aktull" — but on both the indexing and the query side alike, so
//! they still find each other; they only could collide with a word spelled with a real `u`
//! there, and German has next to none of those.

use std::borrow::Cow;

pub use newsdesk_model::fold::fold;
pub(crate) use newsdesk_model::fold::{fold_into, fold_offsets};

/// Reads the typewriter spellings `ae`, `oe`, `ue` of a *folded* German word as the umlauts
/// they stand for, which fold to `a`, `o`, `u`: "thueringen" → "thuringen". A pair after a
/// vowel stays ("feuer", "mauer", "neue"), and so does `ue` after `q` ("quelle").
///
/// ```
/// use newsdesk_analysis::{fold, fold_transliterations};
/// assert_eq!(fold_transliterations(&fold("Thueringen")), fold("Thüringen"));
/// assert_eq!(fold_transliterations("feuer"), "feuer");
/// ```
pub fn fold_transliterations(folded: &str) -> Cow<'_, str> {
    let bytes = folded.as_bytes();
    let needs = bytes
        .windows(2)
        .enumerate()
        .any(|(i, w)| drops_e(bytes, i, w));
    if !needs {
        return Cow::Borrowed(folded);
    }
    let mut out = String::with_capacity(folded.len());
    let mut last = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if drops_e(bytes, i, &bytes[i..i + 2]) {
            out.push_str(&folded[last..=i]);
            last = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    out.push_str(&folded[last..]);
    Cow::Owned(out)
}

/// Whether the `e` of the pair `w` at byte `i` is an umlaut's transliteration.
fn drops_e(bytes: &[u8], i: usize, w: &[u8]) -> bool {
    if w[1] != b'e' || !matches!(w[0], b'a' | b'o' | b'u') {
        return false;
    }
    match i.checked_sub(1).map(|before| bytes[before]) {
        None => true,
        Some(before) => !(is_vowel(before) || (w[0] == b'u' && before == b'q')),
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterated_umlauts_meet_real_ones() {
        for (typed, real) in [
            ("Thueringen", "Thüringen"),
            ("Oelpreis", "Ölpreis"),
            ("Mueller", "Müller"),
            ("Aerzte", "Ärzte"),
            ("Buergermeister", "Bürgermeister"),
            ("Koeln", "Köln"),
            ("Duesseldorf", "Düsseldorf"),
            ("Uebung", "Übung"),
        ] {
            assert_eq!(
                fold_transliterations(&fold(typed)),
                fold_transliterations(&fold(real)),
                "{typed} should meet {real}"
            );
        }
    }

    #[test]
    fn false_friends_keep_their_letters() {
        for word in [
            "feuer", "mauer", "quelle", "neue", "bauer", "steuer", "treue", "bequem",
        ] {
            assert_eq!(fold_transliterations(word), word, "{word} has no umlaut");
        }
        assert!(matches!(fold_transliterations("feuer"), Cow::Borrowed(_)));
    }

    #[test]
    fn false_friends_do_not_collide_with_other_words() {
        let pairs = [
            ("feuer", "fuer"),
            ("mauer", "maur"),
            ("neue", "neu"),
            ("quelle", "qulle"),
        ];
        for (a, b) in pairs {
            assert_ne!(fold_transliterations(a), fold_transliterations(b));
        }
        // "aktuell" changes, but the same way everywhere: it still finds itself.
        assert_eq!(fold_transliterations("aktuell"), "aktull");
    }
}
