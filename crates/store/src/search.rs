//! Full-text search, every hit ranked by relevance blended with the article's date.
//!
//! The query is analysed like the text ([`crate::search_query`]); the index beside the
//! library ([`crate::text_index`]) finds the top `limit` articles by BM25 over the weighted
//! fields (title, kicker, tags, teaser, captions, body) times a recency factor, without
//! scoring every match (block-max WAND); the hits are then loaded from the library, which
//! stays the truth, and snippets cut from the stored text ([`crate::snippet`]).

use std::collections::HashSet;

use newsdesk_model::SearchHit;
use rusqlite::{Connection, OptionalExtension};

use crate::codec::{parse_date, parse_status};
use crate::index::{captions_of, key_day};
use crate::snippet::snippet;
use crate::text_index::{ANALYZER, Scored};
use crate::vocabulary::tags_of;
use crate::{SearchQuery, Store, StoreError};

/// The day of the library's newest article (what recency is measured from).
fn newest_day(conn: &Connection) -> Result<i64, StoreError> {
    let key: Option<i64> = conn
        .prepare_cached("SELECT max(search_key) FROM articles WHERE trashed_at IS NULL")?
        .query_row([], |r| r.get(0))?;
    Ok(key.map(key_day).unwrap_or_default())
}

/// The hits as the library has them now; an article the index still lists but the library
/// no longer shows (trashed or deleted by another process a moment ago) is left out.
fn to_hits(
    conn: &Connection,
    marks: &HashSet<String>,
    found: Vec<Scored>,
    full: usize,
) -> Result<Vec<SearchHit>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT kicker, title, status, date, teaser, body FROM articles
         WHERE id = ?1 AND trashed_at IS NULL",
    )?;
    let mut hits = Vec::with_capacity(found.len());
    for (index, hit) in found.into_iter().enumerate() {
        let row = stmt
            .query_row([hit.id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .optional()?;
        let Some((kicker, title, status, date, teaser, body)) = row else {
            continue;
        };
        let tags = tags_of(conn, hit.id)?.join(", ");
        let captions = captions_of(conn, hit.id)?.join(" · ");
        let snippet = snippet(
            &ANALYZER,
            &[&body, &teaser, &title, &kicker, &tags, &captions],
            marks,
        )
        .unwrap_or_else(|| teaser.chars().take(160).collect());
        hits.push(SearchHit {
            id: hit.id,
            kicker,
            title,
            status: parse_status(&status)?,
            date: parse_date(date)?,
            snippet,
            score: f64::from(hit.score),
            partial: index >= full,
        });
    }
    Ok(hits)
}

impl Store {
    /// Finds articles, best first: relevance blended with the date.
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        self.search_query(&SearchQuery::parse(input), limit)
    }

    /// As [`Store::search`], for an already parsed query.
    pub fn search_query(
        &self,
        query: &SearchQuery,
        limit: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        if query.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let terms = query.index_query(&ANALYZER);
        if terms.words.is_empty() && terms.phrases.iter().all(Vec::is_empty) {
            return Ok(Vec::new());
        }
        let newest = self.reading(newest_day)?;
        let ask = || {
            self.catch_up_search_index()?;
            let mut found = self.text_index().search(&terms, newest, limit)?;
            let full = found.len();
            // Fewer articles hold every word than asked for: those holding some of them
            // follow, below every full match (a word the text lacks, or a typo, does not
            // leave the list short). A lone compound that no article holds, whole or in all
            // its parts, is followed by those holding some of its parts: "Elektromobilität"
            // by articles on "Elektroautos" or "Mobilität".
            let lone_compound = found.is_empty()
                && matches!(terms.words.as_slice(), [word] if word.parts.len() > 1);
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
                let more = self.text_index().any_of(&any, limit + found.len())?;
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
            Ok((found, full))
        };
        // (The index's read lock is released before a recovery takes it for writing.)
        let (found, full) = match ask() {
            Ok(answer) => answer,
            // A damaged index is rebuilt from the library, and asked again.
            Err(StoreError::SearchIndex { .. }) => {
                self.recover_search_index()?;
                ask()?
            }
            Err(e) => return Err(e),
        };
        let marks = query.marked_terms(&ANALYZER);
        self.reading(|conn| to_hits(conn, &marks, found, full))
    }
}
