//! Folding: the spelling-independent form text is compared in — by the search index, the
//! text analysis and the library's filters alike (one rule: a filter for "Strasse" finds
//! "Straße" as the search does).
//!
//! Lower case, `ß` → `ss`, diacritics removed (`Ä` → `a`, `é` → `e`, also decomposed `u` +
//! U+0308), hyphens, apostrophes and invisible characters dropped. The German reading of
//! `ae`/`oe`/`ue` as umlauts is the analysis's (`newsdesk_analysis::fold_transliterations`).

/// The folded form of `word`: lower case, `ß` → `ss`, diacritics removed, hyphens,
/// apostrophes, soft hyphens and zero-width characters dropped.
///
/// ```
/// assert_eq!(newsdesk_model::fold::fold("Straße"), "strasse");
/// assert_eq!(newsdesk_model::fold::fold("ÖLPREIS"), "olpreis");
/// assert_eq!(newsdesk_model::fold::fold("E-Government"), "egovernment");
/// ```
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Appends the folded form of `word` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        fold_char(c, |s| out.push_str(s));
    }
}

/// For each byte of `fold(word)`, the byte offset in `word` of the character it came from,
/// followed by `word.len()`: maps positions in the folded word back to the source.
pub fn fold_offsets(word: &str) -> Vec<usize> {
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

/// Soft hyphen and zero-width characters: dropped inside words.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Combining marks, as in decomposed "u\u{308}" (ü): they continue a word.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Hyphen-minus, hyphen and non-breaking hyphen (not the dashes – and —).
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes as typed: ' ’ ʼ.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
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
}
