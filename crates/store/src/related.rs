//! "Weitere Meldungen": articles related to one, found through the search index by the
//! article's most telling words, the same section first.

use std::collections::HashMap;

use newsdesk_model::RelatedArticle;
use newsdesk_model::limits::MAX_WORD_CHARS;

use crate::articles::load;
use crate::fold::fold;
use crate::text_index::{ANALYZER, TextIndex, index_term};
use crate::{Store, StoreError};

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
fn key_words(article: &newsdesk_model::ArticleContent, limit: usize) -> Vec<String> {
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
) -> Result<Vec<(i64, f64)>, StoreError> {
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

impl Store {
    /// Up to `k` articles related to article `id`, most related first: by the article's key
    /// words in the search index, the same section weighing more. The trash is left out.
    pub fn related(&self, id: i64, k: usize) -> Result<Vec<RelatedArticle>, StoreError> {
        self.catch_up_search_index()?;
        let article = self.reading(|conn| load(conn, id))?;
        let words = key_words(&article.content, 8);
        let found = candidates(&self.text_index(), &words, 60)?;
        self.reading(|conn| {
            let section = fold(&article.content.section);
            let mut related = Vec::new();
            for (other, relevance) in found {
                if other == id {
                    continue;
                }
                // The index may still list an article another process just removed.
                let found = match load(conn, other) {
                    Ok(found) if found.trashed_at.is_none() => found,
                    Ok(_) | Err(StoreError::ArticleNotFound(_)) => continue,
                    Err(e) => return Err(e),
                };
                let same_section = !section.is_empty() && fold(&found.content.section) == section;
                related.push(RelatedArticle {
                    id: other,
                    kicker: found.content.kicker,
                    title: found.content.title,
                    section: found.content.section,
                    score: relevance * if same_section { 1.5 } else { 1.0 },
                });
            }
            related.sort_by(|a, b| b.score.total_cmp(&a.score));
            related.truncate(k);
            Ok(related)
        })
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
