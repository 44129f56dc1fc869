//! A typed search asked of the index: every word must match, then — when fewer articles hold
//! every word than asked for — those holding some of them, below every full match.

use std::collections::HashSet;

use crate::SearchError;
use crate::query::SearchQuery;
use crate::snippet::snippet;
use crate::text_index::{ANALYZER, IndexQuery, Scored, TextIndex};

/// A search analysed for the index (see [`SearchQuery::prepare`]).
#[derive(Debug, Clone)]
pub struct PreparedQuery {
    terms: IndexQuery,
    /// Every term a match may show as, for marking it in snippets.
    marks: HashSet<String>,
}

/// The articles a search found, best first.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Scored>,
    /// How many of `hits` (the first ones) match every word; the rest match some.
    pub full: usize,
}

impl SearchQuery {
    /// The query analysed like the index; `None` when nothing is left to look for (nothing
    /// typed, or nothing the analysis keeps).
    pub fn prepare(&self) -> Option<PreparedQuery> {
        if self.is_empty() {
            return None;
        }
        let terms = self.index_query(&ANALYZER);
        if terms.words.is_empty() && terms.phrases.iter().all(Vec::is_empty) {
            return None;
        }
        Some(PreparedQuery {
            marks: self.marked_terms(&ANALYZER),
            terms,
        })
    }
}

impl PreparedQuery {
    /// An excerpt of the first of `texts` that holds a match, the match marked `[…]`.
    pub fn snippet(&self, texts: &[&str]) -> Option<String> {
        snippet(&ANALYZER, texts, &self.marks)
    }
}

impl TextIndex {
    /// The `limit` best articles for `query`, relevance blended with the date (`newest` is
    /// the day of the library's newest article, what recency is measured from).
    pub fn find(
        &self,
        query: &PreparedQuery,
        newest: i64,
        limit: usize,
    ) -> Result<Found, SearchError> {
        let terms = &query.terms;
        let mut found = self.search(terms, newest, limit)?;
        let full = found.len();
        // Fewer articles hold every word than asked for: those holding some of them
        // follow, below every full match (a word the text lacks, or a typo, does not
        // leave the list short). A lone compound that no article holds, whole or in all
        // its parts, is followed by those holding some of its parts: "Elektromobilität"
        // by articles on "Elektroautos" or "Mobilität".
        let lone_compound =
            found.is_empty() && matches!(terms.words.as_slice(), [word] if word.parts.len() > 1);
        if found.len() < limit
            && terms.phrases.is_empty()
            && (terms.words.len() > 1 || lone_compound)
        {
            let any: Vec<String> = terms
                .words
                .iter()
                .flat_map(|w| std::iter::once(w.term.clone()).chain(w.parts.iter().cloned()))
                .collect();
            let seen: HashSet<i64> = found.iter().map(|hit| hit.id).collect();
            let floor = found
                .iter()
                .map(|hit| hit.score)
                .fold(f32::INFINITY, f32::min);
            let more = self.any_of(&any, limit + found.len())?;
            let best = more.iter().map(|hit| hit.score).fold(0.0_f32, f32::max);
            let below = if floor.is_finite() { floor * 0.5 } else { 1.0 };
            for mut hit in more.into_iter().filter(|hit| !seen.contains(&hit.id)) {
                if found.len() == limit {
                    break;
                }
                hit.score = below * hit.score / best.max(f32::MIN_POSITIVE);
                found.push(hit);
            }
        }
        Ok(Found { hits: found, full })
    }
}
