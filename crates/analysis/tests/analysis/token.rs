//! Tokens of the sample texts.

use newsdesk_analysis::{TokenKind, tokens};

use crate::{ARTICLES, PORTAL_PAGE};

#[test]
fn tokens_cover_their_spans_and_count_up() {
    for text in ARTICLES.iter().chain([&PORTAL_PAGE]) {
        for (i, token) in tokens(text).enumerate() {
            assert_eq!(token.position as usize, i);
            assert_eq!(
                token.span.of(text),
                token.text,
                "no invisible characters here"
            );
        }
    }
}

#[test]
fn quoted_and_hyphenated_words_of_the_seed_page() {
    let words: Vec<_> = tokens(PORTAL_PAGE).map(|t| t.text).collect();
    for word in [
        "Vom",
        "Verwaltungen",
        "E-Government-Angebote",
        "IT-begeisterte",
        "Thüringen-CIO",
    ] {
        assert!(words.iter().any(|w| w == word), "{word} is one token");
    }
    let numbers: Vec<_> = tokens(PORTAL_PAGE)
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| t.text)
        .collect();
    assert!(numbers.iter().any(|n| n == "13.12.2018") && numbers.iter().any(|n| n == "4,4"));
}
