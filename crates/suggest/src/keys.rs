//! When two spellings are one tag: "Digitalisierungs-Kabinett" = "Digitalisierungskabinett",
//! "THÜRINGEN" = "Thüringen" = "Thueringen", "Kabinette" = "Kabinett".

use newsdesk_analysis::{Analyzer, TermKind, fold};

/// The key that makes near-duplicate spellings of a tag one: folded, without spaces, hyphens
/// and other marks, stemmed as one word.
pub fn tag_key(analyzer: &Analyzer, tag: &str) -> String {
    let joined: String = fold(tag).chars().filter(|c| c.is_alphanumeric()).collect();
    if joined.is_empty() {
        return String::new();
    }
    analyzer.normalize(&joined)
}

/// The tag as the keyphrase literature compares it: each word folded and stemmed, joined by
/// one space ("Hartmut Schuberts" → "hartmut schubert").
pub fn phrase_key(analyzer: &Analyzer, phrase: &str) -> String {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| analyzer.normalize(&w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The analysed term of each word of a name (no compound parts): how a tag or a gazetteer
/// entry is found among a text's words ("Thüringer Staatskanzlei" → thuring, staatskanzlei).
pub fn word_terms(analyzer: &Analyzer, name: &str) -> Vec<String> {
    analyzer
        .analyze(name)
        .into_iter()
        .filter(|t| t.kind != TermKind::CompoundPart)
        .map(|t| t.text)
        .collect()
}

/// `word` with its first letter upper case ("digitalisierung" → "Digitalisierung").
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_case_and_inflection_make_one_key() {
        let analyzer = Analyzer::german();
        let key = tag_key(&analyzer, "Digitalisierungskabinett");
        assert_eq!(tag_key(&analyzer, "Digitalisierungs-Kabinett"), key);
        assert_eq!(tag_key(&analyzer, "digitalisierungskabinetts"), key);
        assert_eq!(
            tag_key(&analyzer, "THÜRINGEN"),
            tag_key(&analyzer, "Thüringen")
        );
        assert_ne!(
            tag_key(&analyzer, "Kabinett"),
            key,
            "a part is not the whole"
        );
    }

    #[test]
    fn capitalized_keeps_umlauts() {
        assert_eq!(capitalized("ölpreis"), "Ölpreis");
    }
}
