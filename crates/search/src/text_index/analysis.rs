//! The index's view of the German analysis: the shared analyzer, the terms as the index
//! holds them, and the tokenizer tantivy runs.

use std::sync::LazyLock;

use newsdesk_analysis::Analyzer;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The analyzer every index and query shares (loads the German lexicon once, ~25 ms).
pub(crate) static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::german);

pub(super) const TOKENIZER: &str = "nd_german";

/// A term as the index holds it: the analyzer's term, folded once more — an acronym keeps its
/// letters ("ÖL" → "öl") where the same letters in a word fold ("Öl" → "ol").
pub(crate) fn index_term(term: String) -> String {
    if term.is_ascii() {
        term
    } else {
        newsdesk_analysis::fold(&term)
    }
}

/// Tantivy's view of [`newsdesk_analysis::Analyzer`]: the terms of a text as tokens.
///
/// The index weighs a field by adding its text several times (a title five times): the
/// tokenizer keeps the last text's tokens, so a repeat is not analysed again. Each indexing
/// thread has its own tokenizer.
#[derive(Clone, Default)]
pub(crate) struct GermanTokenizer {
    last: Option<(String, Vec<Token>)>,
}

pub(crate) struct AnalysedTokens {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl TokenStream for AnalysedTokens {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

impl Tokenizer for GermanTokenizer {
    type TokenStream<'a> = AnalysedTokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalysedTokens {
        if let Some((last, tokens)) = &self.last
            && last == text
        {
            return AnalysedTokens {
                tokens: tokens.clone().into_iter(),
                current: Token::default(),
            };
        }
        let tokens: Vec<Token> = ANALYZER
            .analyze(text)
            .into_iter()
            .map(|term| Token {
                offset_from: term.span.start,
                offset_to: term.span.end,
                position: term.position as usize,
                text: index_term(term.text),
                position_length: 1,
            })
            .collect();
        // Only short texts are repeated (title, kicker, tags, teaser): the body is not kept.
        self.last = (text.len() <= REPEATED_TEXT_MAX).then(|| (text.to_string(), tokens.clone()));
        AnalysedTokens {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

/// The longest text the tokenizer keeps for a repeat (a long teaser).
const REPEATED_TEXT_MAX: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tokenizer_gives_compound_parts_at_their_words_position() {
        let mut tokenizer = GermanTokenizer::default();
        let mut stream = tokenizer.token_stream("Die Verwaltungsdigitalisierung kommt");
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push((stream.token().text.clone(), stream.token().position));
        }
        assert!(
            seen.iter().any(|(t, p)| t == "digitalisier" && *p == 1),
            "the part stands at the compound's position: {seen:?}"
        );
    }

    #[test]
    fn a_repeated_text_gives_the_same_tokens_and_another_text_its_own() {
        let mut tokenizer = GermanTokenizer::default();
        let mut terms = |text: &str| {
            let mut stream = tokenizer.token_stream(text);
            let mut seen = Vec::new();
            while stream.advance() {
                seen.push((stream.token().text.clone(), stream.token().position));
            }
            seen
        };
        let first = terms("Zweites Digitalisierungskabinett");
        assert_eq!(terms("Zweites Digitalisierungskabinett"), first);
        let other = terms("Thüringen");
        assert_ne!(
            other, first,
            "a new text is analysed, not the last one repeated"
        );
        assert_eq!(terms("Zweites Digitalisierungskabinett"), first);
    }
}
