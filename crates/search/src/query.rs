//! Turning what an editor types into the search box into index terms.
//!
//! Every word must match (AND); `"quoted phrases"` must match as a sequence. Words go through
//! the same German analysis as the index ([`newsdesk_analysis::Analyzer::analyze_query`]):
//! case, diacritics and transliterations folded (`THÜRINGEN` = `thueringen`, `Straße` =
//! `strasse`), inflections stemmed, and a compound matches either itself or all of its parts.
//! Stop words are left out unless the query has nothing else. The query never reaches a query
//! language: operators and quotes typed by the user are just text.

use std::collections::HashSet;

use newsdesk_analysis::Analyzer;

use crate::text_index::{IndexQuery, WordTerms, index_term};

/// A parsed search: free words and phrases, as typed.
///
/// ```
/// let query = newsdesk_search::SearchQuery::parse(r#"kabinett "Hartmut Schubert""#);
/// assert!(!query.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Everything outside quotes, as one text (analysed together, so stop words drop out).
    words: String,
    phrases: Vec<String>,
}

impl SearchQuery {
    /// Splits the input into free words and `"quoted phrases"`; an unclosed quote quotes to
    /// the end.
    pub fn parse(input: &str) -> SearchQuery {
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        for (index, part) in input.split('"').enumerate() {
            let part = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if part.is_empty() {
                continue;
            }
            if index % 2 == 1 {
                phrases.push(part);
            } else {
                words.push(part);
            }
        }
        SearchQuery {
            words: words.join(" "),
            phrases,
        }
    }

    /// True when nothing was typed but spaces and quotes.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// The terms the index must match.
    pub(crate) fn index_query(&self, analyzer: &Analyzer) -> IndexQuery {
        let words = analyzer
            .analyze_query(&self.words)
            .into_iter()
            .map(|w| {
                let typed = w.span.of(&self.words);
                let term = index_term(w.term);
                // A short word typed in capitals reads as an acronym ("OZG"); it may also be
                // an ordinary word typed with caps lock ("WAHLEN"): then either form matches
                // (a single "part" is the alternative term).
                let lower = index_term(analyzer.normalize(&typed.to_lowercase()));
                if w.parts.is_empty() && is_capitals(typed) && lower != term {
                    return WordTerms {
                        term,
                        parts: vec![lower],
                    };
                }
                WordTerms {
                    term,
                    parts: w.parts.into_iter().map(index_term).collect(),
                }
            })
            .collect();
        let phrases = self
            .phrases
            .iter()
            .map(|phrase| {
                let words = analyzer.analyze_query(phrase);
                let first = words.first().map_or(0, |w| w.position);
                words
                    .into_iter()
                    .map(|w| ((w.position - first) as usize, index_term(w.term)))
                    .collect()
            })
            .collect();
        IndexQuery { words, phrases }
    }

    /// Every term a match may show as (for marking it in snippets).
    pub(crate) fn marked_terms(&self, analyzer: &Analyzer) -> HashSet<String> {
        let query = self.index_query(analyzer);
        let mut terms = HashSet::new();
        for word in query.words {
            terms.insert(word.term);
            terms.extend(word.parts);
        }
        for phrase in query.phrases {
            terms.extend(phrase.into_iter().map(|(_, t)| t));
        }
        terms
    }
}

/// Whether a word is written in capitals only ("OZG", "WAHLEN").
fn is_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_index::ANALYZER;

    fn words(query: &IndexQuery) -> Vec<&str> {
        query.words.iter().map(|w| w.term.as_str()).collect()
    }

    #[test]
    fn words_are_analysed_like_the_index() {
        let q = SearchQuery::parse("THÜRINGEN  thueringen Straße strasse").index_query(&ANALYZER);
        let w = words(&q);
        assert_eq!(w[0], w[1], "umlaut and transliteration meet: {w:?}");
        assert_eq!(w[2], w[3], "ß and ss meet: {w:?}");
        let q = SearchQuery::parse("ÖL öl oel").index_query(&ANALYZER);
        let w = words(&q);
        assert!(
            w.iter().all(|t| *t == w[0]),
            "an acronym's umlaut folds like a word's: {w:?}"
        );
    }

    #[test]
    fn compounds_carry_their_parts_and_stop_words_drop_out() {
        let q = SearchQuery::parse("die Verwaltungsdigitalisierung").index_query(&ANALYZER);
        assert_eq!(q.words.len(), 1, "'die' is a stop word: {q:?}");
        assert!(
            q.words[0]
                .parts
                .contains(&ANALYZER.normalize("Digitalisierung")),
            "{q:?}"
        );
    }

    #[test]
    fn phrases_keep_their_word_offsets_and_quotes_cannot_break_out() {
        let q = SearchQuery::parse(r#"zweites "Hartmut  Schubert" OR"#);
        assert_eq!(q.phrases, ["Hartmut Schubert"]);
        let iq = q.index_query(&ANALYZER);
        assert_eq!(
            iq.phrases[0].iter().map(|(at, _)| *at).collect::<Vec<_>>(),
            [0, 1]
        );
        let stray = SearchQuery::parse(r#"a"b"#);
        assert_eq!(stray.phrases, ["b"], "an unclosed quote quotes to the end");
        assert!(SearchQuery::parse(r#" " "  "#).is_empty());
    }

    #[test]
    fn query_syntax_characters_are_plain_text() {
        let q = SearchQuery::parse("NEAR(kabinett) title:foo* ^bar").index_query(&ANALYZER);
        assert!(
            words(&q).contains(&ANALYZER.normalize("kabinett").as_str()),
            "{q:?}"
        );
    }
}
