//! Sentence boundaries in German (and English) news text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it:
//! `„Wir kommen.“`) that is followed by white space and then a capital letter, a digit or an
//! opening quote or bracket, and always at a blank line. A full stop does not end a sentence
//! after
//! - a single letter: initials and spaced abbreviations ("z. B.", "u. a.", "Hartmut S."),
//! - a known abbreviation ("Dr.", "Nr.", "bzw.", "Mio.", "Jan."); "etc." and "usw." only end
//!   one when a sentence opener follows ("Die", "Er", …),
//! - a number other than a year, unless a sentence opener follows: ordinals and dates
//!   ("am 3. Oktober", "am 13.12. in Erfurt").
//!
//! Inside words and numbers a full stop never ends one ("29.11.2026", "2.0", "www.x.de").

use crate::Language;
use crate::Span;
use crate::fold::fold;
use crate::stopwords::is_folded_stop_word;

/// Abbreviations that take a full stop (lower case).
const ABBREVIATIONS: &[&str] = &[
    "abb", "abs", "abt", "allg", "anm", "apr", "aug", "bd", "bsp", "bspw", "bzgl", "bzw", "ca",
    "chr", "co", "corp", "dez", "dipl", "dr", "ebd", "einschl", "etc", "evtl", "feb", "ff", "fr",
    "gebr", "geb", "gem", "gest", "ggf", "ggü", "hl", "hr", "hrsg", "inc", "inkl", "insb", "ing",
    "jan", "jh", "jhd", "jr", "jul", "jun", "kap", "lt", "ltd", "max", "mio", "mr", "mrd", "mrs",
    "ms", "nov", "nr", "okt", "orig", "prof", "sen", "sep", "sept", "sog", "st", "std", "str",
    "tel", "tsd", "usw", "uvm", "vgl", "vs", "zb", "ziff", "zt", "zzgl",
];
/// Abbreviations that often end a sentence too.
const MAYBE_FINAL: &[&str] = &["etc", "usw", "uvm", "co", "inc", "ltd", "corp"];

/// The sentences of `text`, as byte ranges without surrounding white space.
///
/// ```
/// let text = "Am 3. Oktober kam z. B. Dr. Müller. Die Sitzung am 29.11.2026 folgt.";
/// let found: Vec<_> = newsdesk_analysis::sentences(text).iter().map(|s| s.of(text)).collect();
/// assert_eq!(found, ["Am 3. Oktober kam z. B. Dr. Müller.", "Die Sitzung am 29.11.2026 folgt."]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let mut found = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let Some(from) = start else {
            if !c.is_whitespace() {
                start = Some(at);
            }
            continue;
        };
        if c == '\n' {
            let rest = &text[at + 1..];
            let line = rest.find('\n').map(|n| &rest[..n]);
            if line.is_some_and(|line| line.trim().is_empty()) {
                push(&mut found, text, from, at);
                start = None;
            }
            continue;
        }
        if !is_terminal(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if !(is_terminal(next) || is_closer(next)) {
                break;
            }
            end = next_at + next.len_utf8();
            chars.next();
        }
        let after = &text[end..];
        match after.chars().next() {
            None => {}
            Some(next) if !next.is_whitespace() => continue,
            Some(_) => {
                let following = after.trim_start();
                if let Some(next) = following.chars().next() {
                    if !(next.is_uppercase() || next.is_numeric() || is_opener(next)) {
                        continue;
                    }
                    let lone_full_stop = c == '.' && !text[at + 1..end].contains(['.', '…']);
                    if lone_full_stop && !full_stop_ends_sentence(&text[..at], following) {
                        continue;
                    }
                }
            }
        }
        push(&mut found, text, from, end);
        start = None;
    }
    if let Some(from) = start {
        push(&mut found, text, from, text.len());
    }
    found
}

fn push(found: &mut Vec<Span>, text: &str, from: usize, to: usize) {
    let sentence = text[from..to].trim_end();
    if !sentence.is_empty() {
        found.push(Span::new(from, from + sentence.len()));
    }
}

/// Whether a full stop after `before` ends the sentence, given the text `following` it.
fn full_stop_ends_sentence(before: &str, following: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = before[word_start..].trim_start_matches('.');
    if word.is_empty() {
        return true;
    }
    if word
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        let year = word.len() == 4 && word.chars().all(|c| c.is_ascii_digit());
        return year || opens_sentence(following);
    }
    if word.contains('.') || word.chars().count() == 1 {
        return false; // "z.B.", "u.a.", initials
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return MAYBE_FINAL.contains(&lower.as_str()) && opens_sentence(following);
    }
    true
}

/// Whether `text` starts with a capitalised function word, as sentences do ("Die", "Er").
fn opens_sentence(text: &str) -> bool {
    let text = text.trim_start_matches(is_opener);
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && (is_folded_stop_word(&fold(&word), Language::German)
            || is_folded_stop_word(&fold(&word), Language::English))
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '“' | '’' | '‘' | '»' | '«' | '›' | '‹' | ')' | ']'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '„' | '"' | '\'' | '“' | '‚' | '‘' | '»' | '«' | '›' | '‹' | '(' | '['
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split(
                "Es gibt u. a. Kommunen, z. B. Erfurt, bzw. Jena. Nr. 5 folgt. Dr. Anna Müller kam."
            ),
            [
                "Es gibt u. a. Kommunen, z. B. Erfurt, bzw. Jena.",
                "Nr. 5 folgt.",
                "Dr. Anna Müller kam."
            ]
        );
        assert_eq!(
            split("Es kostet 4,4 Mio. Euro."),
            ["Es kostet 4,4 Mio. Euro."]
        );
        assert_eq!(
            split("Akten, Briefe usw. Die Ämter."),
            ["Akten, Briefe usw.", "Die Ämter."]
        );
    }

    #[test]
    fn ordinals_dates_and_decimals_do_not_end_sentences() {
        assert_eq!(
            split("Am 3. Oktober 2026 war es."),
            ["Am 3. Oktober 2026 war es."]
        );
        assert_eq!(
            split("Am 13.12. Kabinett in Erfurt."),
            ["Am 13.12. Kabinett in Erfurt."]
        );
        assert_eq!(
            split("Bis 29.11.2026 gilt OZG 2.0 hier."),
            ["Bis 29.11.2026 gilt OZG 2.0 hier."]
        );
        assert_eq!(
            split("Im Jahr 2019. Dann kam 2020."),
            ["Im Jahr 2019.", "Dann kam 2020."]
        );
        assert_eq!(
            split("Er wurde Dritter mit Platz 3. Der Rest"),
            ["Er wurde Dritter mit Platz 3.", "Der Rest"]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("Er sagte: „Wir kommen.“ Dann ging er. »Gut!« Ende?"),
            [
                "Er sagte: „Wir kommen.“",
                "Dann ging er.",
                "»Gut!«",
                "Ende?"
            ]
        );
        assert_eq!(
            split("„Wer kommt?“, fragte er. Niemand."),
            ["„Wer kommt?“, fragte er.", "Niemand."]
        );
    }

    #[test]
    fn blank_lines_end_sentences_and_single_breaks_do_not() {
        assert_eq!(
            split("Thüringen:\nZweites Kabinett\n\n\n[13.12.2018] Beim zweiten\nKabinett war es."),
            [
                "Thüringen:\nZweites Kabinett",
                "[13.12.2018] Beim zweiten\nKabinett war es."
            ]
        );
    }

    #[test]
    fn lower_case_after_a_full_stop_continues() {
        assert_eq!(
            split("Siehe Abs. 3 bzw. ca. fünf Fälle. ok"),
            ["Siehe Abs. 3 bzw. ca. fünf Fälle. ok"]
        );
        assert_eq!(split("mehr... Die Stadt"), ["mehr...", "Die Stadt"]);
        assert!(split("  \n ").is_empty());
    }
}
