//! Counts and readability of an article's text, as the editor's status line and hints show
//! them.
//!
//! Readability is Flesch's reading ease in Toni Amstad's adaptation for German (1978):
//! `180 − ASL − 58.5 × ASW` (ASL: words per sentence, ASW: syllables per word), 0 (very hard)
//! to 100 (very easy); news text usually lands between 30 and 60. Syllables are counted as
//! groups of vowels (ei, au, eu, ie count once), the usual approximation for German.

use newsdesk_model::{ArticleContent, ArticleStats, LongSentence};

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "z.b", "bzw", "dr", "nr", "ca", "vgl", "u.a", "d.h", "prof", "st", "abs", "art", "etc", "inkl",
    "ggf", "usw", "sog", "evtl", "mio", "mrd", "jh", "bspw", "z", "b", "u", "a", "d", "h", "s",
    "str", "tel", "e.v",
];

/// Reading speed for news text, words a minute.
const WORDS_PER_MINUTE: u32 = 200;

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Splits plain text into sentences: at `.`, `!`, `?` followed by a space and a capital or
/// a line end, but not after abbreviations or numbers ("13. Dezember").
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.lines() {
        let tokens: Vec<&str> = paragraph.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            current.push(token);
            let trimmed = token.trim_end_matches(['"', '“', '”', '«', '»', ')', '\'']);
            let ends = trimmed.ends_with(['.', '!', '?']);
            if !ends {
                continue;
            }
            let stem = trimmed
                .trim_end_matches(['.', '!', '?'])
                .trim_start_matches(['(', '"', '„', '»'])
                .to_lowercase();
            let number = !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit());
            let abbreviation = trimmed.ends_with('.') && ABBREVIATIONS.contains(&stem.as_str());
            let next_lower = tokens
                .get(i + 1)
                .and_then(|t| t.trim_start_matches(['„', '"', '(', '»']).chars().next())
                .is_some_and(char::is_lowercase);
            if (number || abbreviation || next_lower) && i + 1 < tokens.len() {
                continue;
            }
            out.push(current.join(" "));
            current.clear();
        }
        if current.iter().any(|t| is_word(t)) {
            out.push(current.join(" "));
        }
    }
    out
}

/// Syllables of a word: groups of vowels, at least one.
fn syllables(word: &str) -> u32 {
    let mut count = 0;
    let mut in_vowels = false;
    for c in word.chars().flat_map(char::to_lowercase) {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü');
        if vowel && !in_vowels {
            count += 1;
        }
        in_vowels = vowel;
    }
    count.max(1)
}

/// Counts and readability of the teaser and the body (the text a reader reads).
pub fn article_stats(content: &ArticleContent) -> ArticleStats {
    let text = format!(
        "{}\n{}",
        content.teaser.trim(),
        newsdesk_markdown::plain_text(&content.body)
    );
    let words: Vec<&str> = text.split_whitespace().filter(|t| is_word(t)).collect();
    let word_count = words.len() as u32;
    let sentences = sentences(&text);
    let long_sentences = sentences
        .iter()
        .map(|s| {
            (
                s,
                s.split_whitespace().filter(|t| is_word(t)).count() as u32,
            )
        })
        .filter(|(_, n)| *n > ArticleStats::LONG_SENTENCE)
        .map(|(s, n)| LongSentence {
            text: s.clone(),
            words: n,
        })
        .collect();
    let readability = (!sentences.is_empty() && word_count > 0).then(|| {
        let asl = f64::from(word_count) / sentences.len() as f64;
        let asw = words.iter().map(|w| syllables(w)).sum::<u32>() as f64 / f64::from(word_count);
        let score = 180.0 - asl - 58.5 * asw;
        (score.clamp(0.0, 100.0) * 10.0).round() / 10.0
    });
    ArticleStats {
        words: word_count,
        characters: text.trim().chars().filter(|c| *c != '\n').count() as u32,
        reading_minutes: word_count.div_ceil(WORDS_PER_MINUTE),
        long_sentences,
        readability,
        title_characters: content.title.chars().count() as u32,
        teaser_characters: content.teaser.chars().count() as u32,
        teaser_limit: ArticleStats::TEASER_LIMIT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_dates_and_abbreviations_do_not_end_sentences() {
        let s = sentences("Am 13. Dezember tagte z. B. das Kabinett. Dr. Schubert sprach.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn syllables_count_vowel_groups() {
        assert_eq!(syllables("Digitalisierungskabinett"), 9);
        assert_eq!(syllables("Zweites"), 2);
        assert_eq!(syllables("Staat"), 1);
    }

    #[test]
    fn simple_text_reads_easier_than_officialese() {
        let easy = ArticleContent {
            body: "Der Hund bellt. Die Katze schläft. Es regnet.".into(),
            ..Default::default()
        };
        let hard = ArticleContent {
            body: "Die Verwaltungsdigitalisierungsstrategie der Landesregierung berücksichtigt \
                   insbesondere die Interoperabilitätsanforderungen kommunaler Infrastrukturen."
                .into(),
            ..Default::default()
        };
        let (e, h) = (article_stats(&easy), article_stats(&hard));
        assert!(e.readability > h.readability, "{e:?} {h:?}");
        assert_eq!(e.words, 8);
        assert_eq!(e.reading_minutes, 1);
    }

    #[test]
    fn a_sentence_of_thirty_words_is_long() {
        let long = vec!["Wort"; 30].join(" ") + ".";
        let stats = article_stats(&ArticleContent {
            body: long,
            ..Default::default()
        });
        assert_eq!(stats.long_sentences.len(), 1);
        assert_eq!(stats.long_sentences[0].words, 30);
    }
}
