//! "Weitere Meldungen": the index's candidates for the articles related to one, found by the
//! article's most telling words (the store then reads them and puts the same section first).

use std::collections::HashMap;

use newsdesk_model::ArticleContent;
use newsdesk_model::limits::MAX_WORD_CHARS;

use crate::SearchError;
use crate::text_index::{ANALYZER, TextIndex, index_term};

/// Words too common in German (and English) news to tell articles apart.
const STOP_WORDS: &[&str] = &[
    "aber", "alle", "allen", "als", "auch", "auf", "aus", "bei", "beim", "bereits", "bis", "dabei",
    "damit", "dann", "darüber", "dass", "dem", "den", "denen", "der", "deren", "des", "dies",
    "diese", "diesem", "diesen", "dieser", "dieses", "durch", "eine", "einem", "einen", "einer",
    "eines", "etwa", "für", "gegen", "haben", "hatte", "hier", "ihre", "ihrer", "immer", "jedoch",
    "kann", "können", "laut", "mehr", "nach", "nicht", "noch", "nur", "oder", "ohne", "schon",
    "sehr", "sein", "seine", "sich", "sind", "soll", "sollen", "sowie", "über", "unter", "viele",
    "vom", "von", "vor", "wahrend", "während", "wann", "war", "waren", "weitere", "wenn", "werden",
    "wird", "wurde", "wurden", "zum", "zur", "zwischen", "about", "after", "also", "been", "from",
    "have", "into", "more", "over", "than", "that", "their", "there", "these", "they", "this",
    "were", "which", "with", "would",
];

/// Words that stand for the article, most telling first: long words, weighted by where they
/// stand (headline and tags count three times, kicker and teaser twice).
fn key_words(article: &ArticleContent, limit: usize) -> Vec<String> {
    let mut weights: HashMap<String, f64> = HashMap::new();
    let tags = article.tags.join(" ");
    let parts = [
        (&article.title, 3.0),
        (&tags, 3.0),
        (&article.kicker, 2.0),
        (&article.teaser, 2.0),
        (&article.body, 1.0),
    ];
    for (text, weight) in parts {
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let word = word.trim_matches('-').to_lowercase();
            let letters = word.chars().count();
            if !(5..=MAX_WORD_CHARS).contains(&letters) || STOP_WORDS.contains(&word.as_str()) {
                continue;
            }
            *weights.entry(word).or_default() += weight;
        }
    }
    let mut ranked: Vec<(String, f64)> = weights.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.into_iter().take(limit).map(|(w, _)| w).collect()
}

/// Candidates from the search index: `(id, relevance)`, best first — articles holding any
/// of the words (analysed like the index), by BM25 over the weighted fields.
fn candidates(
    index: &TextIndex,
    words: &[String],
    limit: usize,
) -> Result<Vec<(i64, f64)>, SearchError> {
    let mut terms: Vec<String> = words
        .iter()
        .map(|w| index_term(ANALYZER.normalize(w)))
        .collect();
    terms.sort();
    terms.dedup();
    Ok(index
        .any_of(&terms, limit)?
        .into_iter()
        .map(|hit| (hit.id, f64::from(hit.score)))
        .collect())
}

impl TextIndex {
    /// Up to `limit` articles sharing `article`'s key words, `(id, relevance)`, best first
    /// (the article itself among them, when it is in the index).
    pub fn related(
        &self,
        article: &ArticleContent,
        limit: usize,
    ) -> Result<Vec<(i64, f64)>, SearchError> {
        candidates(self, &key_words(article, 8), limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_words_prefer_the_headline_and_skip_small_words() {
        let article = newsdesk_model::ArticleContent {
            title: "Zweites Digitalisierungskabinett".into(),
            body: "Die Landesregierung hat sich mit der Digitalisierung befasst, und auch mit der Landesregierung.".into(),
            ..Default::default()
        };
        let words = key_words(&article, 3);
        assert_eq!(words[0], "digitalisierungskabinett");
        assert!(
            !words.iter().any(|w| w == "auch" || w == "die"),
            "{words:?}"
        );
    }
}
