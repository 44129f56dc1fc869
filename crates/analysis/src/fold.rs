//! Folding: the spelling-independent form words are compared in.
//!
//! Two steps, so that compounds can be split between them:
//! 1. [`fold`]: lower case, `ß` → `ss`, diacritics removed (`Ä` → `a`, `é` → `e`, also
//!    decomposed `u` + U+0308), hyphens, apostrophes and invisible characters dropped. This is
//!    what the store's search already does (Ü = ü = u), and what the lexicon is keyed by.
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

use crate::token::{is_apostrophe, is_combining_mark, is_hyphen, is_invisible};

/// The folded form of `word`: lower case, `ß` → `ss`, diacritics removed, hyphens,
/// apostrophes, soft hyphens and zero-width characters dropped.
///
/// ```
/// assert_eq!(newsdesk_analysis::fold("Straße"), "strasse");
/// assert_eq!(newsdesk_analysis::fold("ÖLPREIS"), "olpreis");
/// assert_eq!(newsdesk_analysis::fold("E-Government"), "egovernment");
/// ```
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Appends the folded form of `word` to `out`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        fold_char(c, |s| out.push_str(s));
    }
}

/// For each byte of `fold(word)`, the byte offset in `word` of the character it came from,
/// followed by `word.len()`: maps positions in the folded word back to the source.
pub(crate) fn fold_offsets(word: &str) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(word.len() + 1);
    for (at, c) in word.char_indices() {
        fold_char(c, |s| offsets.extend(std::iter::repeat_n(at, s.len())));
    }
    offsets.push(word.len());
    offsets
}

#[inline]
fn fold_char(c: char, mut push_str: impl FnMut(&str)) {
    let mut buffer = [0; 4];
    if c.is_ascii() {
        if c != '-' && c != '\'' {
            push_str(c.to_ascii_lowercase().encode_utf8(&mut buffer));
        }
        return;
    }
    if is_hyphen(c) || is_apostrophe(c) || is_invisible(c) || is_combining_mark(c) {
        return;
    }
    for lower in c.to_lowercase() {
        match lower {
            'ß' => push_str("ss"),
            'æ' => push_str("ae"),
            'œ' => push_str("oe"),
            'þ' => push_str("th"),
            'ĳ' => push_str("ij"),
            c if is_combining_mark(c) => {}
            c => push_str(plain_letter(c).encode_utf8(&mut buffer)),
        }
    }
}

/// A lower-case Latin letter without its diacritic; other characters unchanged.
fn plain_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'ș' | 'š' => 's',
        'ţ' | 'ț' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

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
    fn folds_case_sharp_s_and_diacritics() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("GROẞ"), "gross");
        assert_eq!(fold("Ökonomie Café Łódź"), "okonomie cafe lodz");
        assert_eq!(fold("Thu\u{308}ringen"), "thuringen", "decomposed umlaut");
        assert_eq!(fold("geht’s"), "gehts");
        assert_eq!(fold("Digi\u{AD}talisierung"), "digitalisierung");
    }

    #[test]
    fn offsets_map_folded_bytes_to_the_source() {
        let word = "Maßnahme";
        let folded = fold(word);
        let offsets = fold_offsets(word);
        assert_eq!(offsets.len(), folded.len() + 1);
        // "ma" "ss" "nahme": the two s come from ß at byte 2
        assert_eq!(&offsets[..5], &[0, 1, 2, 2, 4]);
        assert_eq!(offsets[folded.len()], word.len());
    }

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
