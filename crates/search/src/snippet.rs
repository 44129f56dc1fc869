//! Excerpts around a search match, made in Rust from the stored text.
//!
//! The texts are analysed like the index, so the match marked is the one the search found:
//! `THÜRINGEN` marks "Thüringen", `Digitalisierung` marks the part of
//! "Verwaltungs[digitalisierung]", `Kabinette` marks "Kabinett".

use std::collections::HashSet;

use newsdesk_analysis::Analyzer;
use newsdesk_model::limits::analysed_part;

use crate::text_index::index_term;

/// Characters of context on each side of the match.
const CONTEXT: usize = 60;

/// The excerpt of `text` around the bytes `start..end`, the match wrapped in `[` … `]`.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    // Only the context is looked at, however long the text.
    let before: String = {
        let head = &text[..start];
        let from = head
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(at, _)| at);
        let mut s = head[from..].to_owned();
        if from > 0 {
            // Start at a word boundary.
            if let Some(space) = s.find(' ') {
                s = s[space + 1..].to_string();
            }
            s.insert(0, '…');
        }
        s
    };
    let after: String = {
        let tail = &text[end..];
        let mut s: String = tail.chars().take(CONTEXT).collect();
        if s.len() < tail.len() {
            if let Some(space) = s.rfind(' ') {
                s.truncate(space);
            }
            s.push('…');
        }
        s
    };
    let excerpt = format!("{before}[{}]{after}", &text[start..end]);
    excerpt.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An excerpt of the first text that holds one of `terms` (index terms), with the first such
/// match marked; `None` if no text holds any.
pub(crate) fn snippet(
    analyzer: &Analyzer,
    texts: &[&str],
    terms: &HashSet<String>,
) -> Option<String> {
    for text in texts {
        // The index reads no further: a match beyond would not have been found.
        let text = analysed_part(text);
        let found = analyzer
            .analyze(text)
            .into_iter()
            .find(|t| terms.contains(&index_term(t.text.clone())));
        if let Some(term) = found
            && text.is_char_boundary(term.span.start)
            && text.is_char_boundary(term.span.end)
            && term.span.start < term.span.end
        {
            return Some(excerpt(text, term.span.start, term.span.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_index::ANALYZER;

    fn terms(words: &[&str]) -> HashSet<String> {
        words
            .iter()
            .map(|w| index_term(ANALYZER.normalize(w)))
            .collect()
    }

    #[test]
    fn marks_the_match_with_its_original_spelling() {
        let s = snippet(
            &ANALYZER,
            &["Der Freistaat Thüringen stellt Geld bereit."],
            &terms(&["THUERINGEN"]),
        );
        assert_eq!(
            s.as_deref(),
            Some("Der Freistaat [Thüringen] stellt Geld bereit.")
        );
    }

    #[test]
    fn marks_the_part_of_a_compound_and_cuts_at_words() {
        let text = format!(
            "{} die Verwaltungsdigitalisierung im Fokus {}",
            "Wort ".repeat(30),
            "Ende ".repeat(30)
        );
        let s = snippet(&ANALYZER, &[&text], &terms(&["Digitalisierung"])).expect("found");
        assert!(s.contains("Verwaltungs[digitalisierung] im Fokus"), "{s}");
        assert!(
            s.starts_with('…') && s.ends_with('…'),
            "cut on both sides: {s}"
        );
        assert!(!s.contains("Wor …") && s.chars().count() < 160, "{s}");
    }

    #[test]
    fn falls_through_to_the_next_text() {
        let s = snippet(
            &ANALYZER,
            &["kein Treffer", "Kabinette tagen"],
            &terms(&["Kabinett"]),
        );
        assert_eq!(s.as_deref(), Some("[Kabinette] tagen"), "inflections match");
        assert!(snippet(&ANALYZER, &["nichts"], &terms(&["Kabinett"])).is_none());
    }

    #[test]
    fn characters_that_fold_to_two_keep_their_place() {
        let s = snippet(&ANALYZER, &["İstanbul und Straße"], &terms(&["strasse"]));
        assert_eq!(s.as_deref(), Some("İstanbul und [Straße]"));
    }
}
