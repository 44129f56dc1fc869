//! Asking the index: query words and phrases, hits blended with the date, block-max WAND
//! top-k (see the parent module's docs).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use tantivy::query::{BooleanQuery, EnableScoring, PhraseQuery, Query, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, Term};

use super::{TextIndex, recency};
use crate::SearchError;

/// One query word for the index: its term, and its parts' terms (a compound matches its
/// word or all of its parts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordTerms {
    pub term: String,
    pub parts: Vec<String>,
}

/// What must match: each word (or its parts), each phrase as a sequence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct IndexQuery {
    pub words: Vec<WordTerms>,
    /// Each phrase: its words' terms with their positions relative to the first.
    pub phrases: Vec<Vec<(usize, String)>>,
}

impl IndexQuery {
    /// The same query with each phrase's words required anywhere, not in sequence.
    fn loosened(&self) -> IndexQuery {
        let mut words = self.words.clone();
        for phrase in &self.phrases {
            words.extend(phrase.iter().map(|(_, term)| WordTerms {
                term: term.clone(),
                parts: Vec::new(),
            }));
        }
        IndexQuery {
            words,
            phrases: Vec::new(),
        }
    }
}

/// How many of the articles holding a phrase's words are checked for the sequence before the
/// search checks all of them.
const PHRASE_CANDIDATES: usize = 4096;

/// A hit: article id and score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub id: i64,
    pub score: f32,
    pub day: i64,
    /// Where the hit is in the searcher it came from: (segment, document).
    address: (u32, DocId),
}

impl Eq for Scored {}

impl Ord for Scored {
    /// Better first: higher score, then newer, then the higher id (a later article).
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.day.cmp(&other.day))
            .then(self.id.cmp(&other.id))
    }
}

impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl TextIndex {
    /// The `limit` best articles for `query`, best first (see the module docs).
    pub(crate) fn search(
        &self,
        query: &IndexQuery,
        newest: i64,
        limit: usize,
    ) -> Result<Vec<Scored>, SearchError> {
        let Some(exact) = self.to_query(query) else {
            return Ok(Vec::new());
        };
        let searcher = self.searcher()?;
        let factor = |day| recency(day, newest);
        if query.phrases.iter().all(|p| p.len() < 2) {
            return self.top(&searcher, &*exact, limit, factor);
        }
        // Phrases: checking word positions for every article holding all the words costs
        // milliseconds per ten thousand. Instead rank the articles holding the words (block-max
        // WAND), keep those where the words stand in sequence, and look further only while
        // fewer than `limit` remain: the result is the phrase matches best by their words.
        let Some(loose) = self.to_query(&query.loosened()) else {
            return Ok(Vec::new());
        };
        let check = exact
            .weight(EnableScoring::disabled_from_searcher(&searcher))
            .map_err(|e| self.error(e))?;
        let mut wanted = (limit * 4).max(64);
        loop {
            let found = self.top(&searcher, &*loose, wanted, factor)?;
            let exhausted = found.len() < wanted;
            let mut kept = self.matching(&searcher, &*check, found)?;
            if kept.len() >= limit || exhausted {
                kept.truncate(limit);
                return Ok(kept);
            }
            if wanted >= PHRASE_CANDIDATES {
                return self.top(&searcher, &*exact, limit, factor);
            }
            wanted *= 4;
        }
    }

    /// The hits that `check` (a weight of the same searcher) matches, in their order.
    fn matching(
        &self,
        searcher: &Searcher,
        check: &dyn Weight,
        hits: Vec<Scored>,
    ) -> Result<Vec<Scored>, SearchError> {
        let mut by_place: Vec<(u32, DocId, usize)> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| (h.address.0, h.address.1, i))
            .collect();
        by_place.sort_unstable();
        let mut keep = vec![false; hits.len()];
        let mut place = 0;
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let ord = ord as u32;
            let mut scorer = None;
            while let Some(&(segment, doc, at)) = by_place.get(place) {
                if segment != ord {
                    break;
                }
                place += 1;
                let scorer = match &mut scorer {
                    Some(scorer) => scorer,
                    None => scorer.insert(check.scorer(reader, 1.0).map_err(|e| self.error(e))?),
                };
                let current = if scorer.doc() >= doc {
                    scorer.doc()
                } else {
                    scorer.seek(doc)
                };
                keep[at] = current == doc;
            }
        }
        Ok(hits
            .into_iter()
            .zip(keep)
            .filter_map(|(hit, keep)| keep.then_some(hit))
            .collect())
    }

    /// The `limit` best articles having any of `terms`, by BM25 alone (related articles).
    pub(crate) fn any_of(
        &self,
        terms: &[String],
        limit: usize,
    ) -> Result<Vec<Scored>, SearchError> {
        let clauses: Vec<Box<dyn Query>> = terms
            .iter()
            .map(|t| Box::new(self.term_query(t)) as Box<dyn Query>)
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::union(clauses);
        self.top(&self.searcher()?, &query, limit, |_| 1.0)
    }

    fn term(&self, text: &str) -> Term {
        Term::from_field_text(self.fields.text, text)
    }

    fn term_query(&self, text: &str) -> TermQuery {
        TermQuery::new(self.term(text), IndexRecordOption::WithFreqs)
    }

    /// The tantivy query: all words (each: the word, or all its parts) and all phrases.
    fn to_query(&self, query: &IndexQuery) -> Option<Box<dyn Query>> {
        let mut musts: Vec<Box<dyn Query>> = Vec::new();
        for word in &query.words {
            let whole: Box<dyn Query> = Box::new(self.term_query(&word.term));
            if word.parts.is_empty() {
                musts.push(whole);
            } else {
                let parts: Vec<Box<dyn Query>> = word
                    .parts
                    .iter()
                    .map(|p| Box::new(self.term_query(p)) as Box<dyn Query>)
                    .collect();
                let parts = Box::new(BooleanQuery::intersection(parts));
                musts.push(Box::new(BooleanQuery::union(vec![whole, parts])));
            }
        }
        for phrase in &query.phrases {
            match phrase.as_slice() {
                [] => {}
                [(_, single)] => musts.push(Box::new(self.term_query(single))),
                terms => musts.push(Box::new(PhraseQuery::new_with_offset(
                    terms.iter().map(|(at, t)| (*at, self.term(t))).collect(),
                ))),
            }
        }
        match musts.len() {
            0 => None,
            1 => musts.pop(),
            _ => Some(Box::new(BooleanQuery::intersection(musts))),
        }
    }

    /// Top `limit` by BM25 times `factor(day)` (which must not exceed 1), pruning with the
    /// k-th best blended score.
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        factor: impl Fn(i64) -> f32,
    ) -> Result<Vec<Scored>, SearchError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(searcher))
            .map_err(|e| self.error(e))?;
        // A min-heap of the best `limit` so far.
        let mut best: BinaryHeap<Reverse<Scored>> = BinaryHeap::with_capacity(limit + 1);
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let ids = reader.fast_fields().u64("id").map_err(|e| self.error(e))?;
            let days = reader.fast_fields().i64("day").map_err(|e| self.error(e))?;
            let alive = reader.alive_bitset();
            let threshold = |best: &BinaryHeap<Reverse<Scored>>| match best.peek() {
                // Any score at or below the k-th best blended one cannot win, even dated
                // today (factor 1); the margin keeps exact ties for the date to decide.
                Some(Reverse(kth)) if best.len() >= limit => kth.score * (1.0 - 1e-6),
                _ => f32::MIN,
            };
            let start = threshold(&best);
            weight
                .for_each_pruning(start, reader, &mut |doc, score| {
                    if alive.is_some_and(|a| a.is_deleted(doc)) {
                        return threshold(&best);
                    }
                    let day = days.first(doc).unwrap_or_default();
                    let id = ids.first(doc).unwrap_or_default() as i64;
                    let hit = Scored {
                        id,
                        score: score * factor(day),
                        day,
                        address: (ord as u32, doc),
                    };
                    if best.len() < limit {
                        best.push(Reverse(hit));
                    } else if best.peek().is_some_and(|Reverse(kth)| hit > *kth) {
                        best.pop();
                        best.push(Reverse(hit));
                    }
                    threshold(&best)
                })
                .map_err(|e| self.error(e))?;
        }
        let mut hits: Vec<Scored> = best.into_iter().map(|Reverse(h)| h).collect();
        hits.sort_by(|a, b| b.cmp(a));
        Ok(hits)
    }
}
