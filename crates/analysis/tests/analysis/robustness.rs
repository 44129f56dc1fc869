//! Every function on random text made of the characters that make tokenising hard: no
//! panic, and every span lies on character boundaries of the text.

use newsdesk_analysis::{Span, find_people, sentences, tokens};

use crate::GERMAN;

const ALPHABET: &[&str] = &[
    "a",
    "e",
    "u",
    "s",
    "n",
    "Ä",
    "ö",
    "ü",
    "ß",
    "ẞ",
    "İ",
    "\u{308}",
    "\u{AD}",
    "\u{200B}",
    "\u{200D}",
    "-",
    "‐",
    "'",
    "’",
    "„",
    "“",
    "»",
    "«",
    ".",
    "!",
    "?",
    "…",
    ",",
    "0",
    "9",
    " ",
    "\n",
    "\n\n",
    "日",
    "🙂",
    "Dr",
    "Anna ",
    "Müller",
    "Land",
    "es",
    "regierung",
    "z. B.",
    "Nr",
];

/// A small deterministic generator (xorshift), so failures can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn check(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} {span:?} is not a span of {text:?}"
    );
}

#[test]
fn random_text_never_breaks_anything() {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3_000 {
        let length = (random.next() % 40) as usize;
        let text: String = (0..length)
            .map(|_| ALPHABET[(random.next() % ALPHABET.len() as u64) as usize])
            .collect();
        for token in tokens(&text) {
            check(&text, token.span, "token");
            for &segment in token.segments() {
                check(&text, segment, "segment");
            }
            for part in GERMAN.lexicon().split_compound(&token.text) {
                check(&token.text, part.span, "compound part");
            }
        }
        for term in GERMAN.analyze(&text) {
            check(&text, term.span, "term");
            assert!(!term.text.is_empty(), "{text:?} gave an empty term");
        }
        for word in GERMAN.analyze_query(&text) {
            check(&text, word.span, "query word");
        }
        for sentence in sentences(&text) {
            check(&text, sentence, "sentence");
        }
        for person in find_people(&text) {
            check(&text, person.span, "person");
            if let Some(title) = person.title {
                check(&text, title, "title");
            }
        }
    }
}
