//! Words and numbers with their byte offsets and positions.
//!
//! A token is a run of letters and digits. Inside it, a hyphen between two letters or digits
//! joins ("E-Government-Gesetz" is one token with three segments), so does an apostrophe
//! between two letters ("geht’s"), and a `.` or `,` between two digits ("29.11.2026", "4,4").
//! Soft hyphens (U+00AD) and zero-width characters inside a word are dropped from its text
//! but stay inside its span. Everything else separates: spaces, dashes (– —), quotes
//! („“ ‚‘ »« "), slashes and other punctuation.

use std::borrow::Cow;

use crate::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Contains at least one letter ("Kabinett", "G20", "COVID-19").
    Word,
    /// Digits only, with `.`/`,` between digits ("2019", "4,4", "29.11.2026").
    Number,
}

/// One word or number of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text with soft hyphens and zero-width characters removed; borrowed from
    /// the source when there were none.
    pub text: Cow<'a, str>,
    /// Where the token is in the source, in bytes.
    pub span: Span,
    /// The token's index among the text's tokens (0, 1, 2, …).
    pub position: u32,
    /// Word or number.
    pub kind: TokenKind,
    segments: Vec<Span>,
}

impl Token<'_> {
    /// The hyphen-separated parts of a hyphenated token, as spans of the source
    /// ("Digitalisierungs-Kabinett" → "Digitalisierungs", "Kabinett"); empty when the token has
    /// no hyphen.
    pub fn segments(&self) -> &[Span] {
        &self.segments
    }

    /// Whether the token contains a joining hyphen.
    pub fn is_hyphenated(&self) -> bool {
        !self.segments.is_empty()
    }

    /// Whether the first character is an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The tokens of `text`, in order, without allocating for the common case.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        offset: 0,
        position: 0,
    }
}

/// Iterator over the tokens of a text; made by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    offset: usize,
    position: u32,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let (first_at, first) = text
            .get(self.offset..)?
            .char_indices()
            .find(|&(_, c)| c.is_alphanumeric())?;
        let start = self.offset + first_at;
        let mut end = start + first.len_utf8();
        let mut last = first;
        let mut numeric = first.is_numeric();
        let mut invisible = false;
        let mut segments = Vec::new();
        let mut segment_start = start;
        let mut at = end;
        while let Some(c) = char_at(text, at) {
            let width = c.len_utf8();
            if c.is_alphanumeric() || is_combining_mark(c) {
                numeric &= c.is_numeric();
                last = c;
                at += width;
                end = at;
                continue;
            }
            // A joiner must stand between two word characters to join.
            let next = char_at(text, at + width);
            let joins = if is_invisible(c) {
                let after = text[at..]
                    .char_indices()
                    .find(|&(_, c)| !is_invisible(c))
                    .map(|(i, c)| (at + i, c));
                match after {
                    Some((after_at, c)) if c.is_alphanumeric() || is_combining_mark(c) => {
                        invisible = true;
                        at = after_at;
                        continue;
                    }
                    _ => false,
                }
            } else if is_hyphen(c) {
                let joins = last.is_alphanumeric() && next.is_some_and(char::is_alphanumeric);
                if joins {
                    segments.push(Span::new(segment_start, end));
                    segment_start = at + width;
                    numeric = false;
                }
                joins
            } else if is_apostrophe(c) {
                last.is_alphabetic() && next.is_some_and(char::is_alphabetic)
            } else if c == '.' || c == ',' {
                last.is_numeric() && next.is_some_and(char::is_numeric)
            } else {
                false
            };
            if !joins {
                break;
            }
            at += width;
        }
        if !segments.is_empty() {
            segments.push(Span::new(segment_start, end));
        }
        self.offset = end;
        let raw = &text[start..end];
        let token_text = if invisible {
            Cow::Owned(raw.chars().filter(|&c| !is_invisible(c)).collect())
        } else {
            Cow::Borrowed(raw)
        };
        let position = self.position;
        self.position += 1;
        Some(Token {
            text: token_text,
            span: Span::new(start, end),
            position,
            kind: if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            segments,
        })
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Whether a token is longer than [`MAX_WORD_CHARS`]: no word, but a pasted hash, a block
/// of base64 or a key held down. It gives no term (and costs nothing to analyse).
///
/// [`MAX_WORD_CHARS`]: newsdesk_model::limits::MAX_WORD_CHARS
pub(crate) fn is_overlong(text: &str) -> bool {
    use newsdesk_model::limits::MAX_WORD_CHARS;
    text.len() > MAX_WORD_CHARS && text.chars().count() > MAX_WORD_CHARS
}

pub(crate) use newsdesk_model::fold::{is_apostrophe, is_combining_mark, is_hyphen, is_invisible};

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).map(|t| t.text.into_owned()).collect()
    }

    #[test]
    fn splits_at_spaces_quotes_and_dashes_and_counts_bytes() {
        let text = "„Vom Verwaltungsmitarbeiter“ – so ‚Schubert‘ »heute«.";
        assert_eq!(
            words(text),
            ["Vom", "Verwaltungsmitarbeiter", "so", "Schubert", "heute"]
        );
        let all: Vec<_> = tokens(text).collect();
        assert_eq!(all[1].span.of(text), "Verwaltungsmitarbeiter");
        assert_eq!(all[3].position, 3, "positions count tokens");
    }

    #[test]
    fn hyphenated_compounds_are_one_token_with_segments() {
        let text = "Die Digitalisierungs-Kabinett-Sitzung und Leitungs- und Umsetzungsebene";
        let all: Vec<_> = tokens(text).collect();
        assert_eq!(all[1].text, "Digitalisierungs-Kabinett-Sitzung");
        let parts: Vec<_> = all[1].segments().iter().map(|s| s.of(text)).collect();
        assert_eq!(parts, ["Digitalisierungs", "Kabinett", "Sitzung"]);
        assert_eq!(
            all[3].text, "Leitungs",
            "a hanging hyphen before a space does not join"
        );
        assert!(!all[3].is_hyphenated());
    }

    #[test]
    fn numbers_keep_inner_dots_and_commas() {
        let text = "Am 29.11.2026 kamen 4,4 Mio., also 1.000 Leute (OZG 2.0), 2018–2019.";
        let all: Vec<_> = tokens(text).collect();
        let numbers: Vec<_> = all
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| t.text.as_ref())
            .collect();
        assert_eq!(
            numbers,
            ["29.11.2026", "4,4", "1.000", "2.0", "2018", "2019"]
        );
        assert!(
            all.iter().any(|t| t.text == "Mio"),
            "the dot after Mio ends it"
        );
    }

    #[test]
    fn invisible_characters_inside_words_are_removed_but_spanned() {
        let text = "Digi\u{AD}tali\u{200B}sierung \u{200B}heute";
        let all: Vec<_> = tokens(text).collect();
        assert_eq!(all[0].text, "Digitalisierung");
        assert!(matches!(all[0].text, Cow::Owned(_)));
        assert_eq!(all[0].span.of(text), "Digi\u{AD}tali\u{200B}sierung");
        assert_eq!(all[1].text, "heute");
        assert!(matches!(all[1].text, Cow::Borrowed(_)));
    }

    #[test]
    fn apostrophes_join_letters_only() {
        assert_eq!(
            words("geht’s O'Brien ’90 ‚Zitat’ x"),
            ["geht’s", "O'Brien", "90", "Zitat", "x"]
        );
    }

    #[test]
    fn decomposed_umlauts_stay_in_the_word() {
        assert_eq!(words("Thu\u{308}ringen"), ["Thu\u{308}ringen"]);
    }

    #[test]
    fn mixed_letters_and_digits_are_words() {
        let all: Vec<_> = tokens("G20 COVID-19 5G-Netz").collect();
        assert!(all.iter().all(|t| t.kind == TokenKind::Word));
        assert_eq!(all.len(), 3);
    }
}
