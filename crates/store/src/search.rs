//! Full-text search over kicker, title, teaser, body and tags.
//!
//! Hits come in two tiers, so that a word standing in tens of thousands of articles still
//! answers in milliseconds:
//!
//! 1. **Headline hits** — every term in the kicker, title or tags (`article_head`). When
//!    there are fewer than [`RANK_BELOW`] of them they are ranked by relevance (bm25, title
//!    weighing most); a word in more headlines than that is too common for relevance to
//!    mean much, and they come newest first. Score ≥ 1.
//! 2. **Text hits** — the terms anywhere in the article (`article_search`) — newest first.
//!    Score < 1.
//!
//! "Newest first" reads the index in descending key order (the articles' dates, see
//! [`crate::index`]),
//! so the search stops after `limit` hits instead of scoring every match: the cost depends
//! on `limit`, not on how many of 100,000 articles contain the word. Snippets are cut from
//! the stored text in Rust ([`crate::snippet`]).

use std::collections::HashSet;

use newsdesk_model::SearchHit;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::codec::{parse_date, parse_status};
use crate::index::article_id;
use crate::snippet::snippet;
use crate::vocabulary::tags_of;
use crate::{SearchQuery, Store, StoreError};

/// Headline hits are ranked by relevance only when there are fewer than this many.
pub const RANK_BELOW: usize = 400;

/// bm25 weights for kicker, title, tags in the headline index.
const HEAD_WEIGHTS: &str = "2.0, 6.0, 4.0";

/// `(article id, score)` of matching articles, best first.
type Found = Vec<(i64, f64)>;

/// Tier 1: headline hits, best first (see the module docs).
fn headline_hits(conn: &Connection, expr: &str, limit: usize) -> Result<Found, StoreError> {
    let mut newest = conn.prepare_cached(
        "SELECT rowid FROM article_head WHERE article_head MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
    )?;
    let ids = newest
        .query_map(rusqlite::params![expr, RANK_BELOW.max(limit) as i64], |r| {
            r.get::<_, i64>(0).map(article_id)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if ids.len() >= RANK_BELOW {
        return Ok(ids
            .into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, id)| (id, 1.0 + 0.5 / (1.0 + i as f64)))
            .collect());
    }
    let sql = format!(
        "SELECT rowid, -bm25(article_head, {HEAD_WEIGHTS}) FROM article_head
         WHERE article_head MATCH ?1 ORDER BY bm25(article_head, {HEAD_WEIGHTS}), rowid DESC
         LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![expr, limit as i64], |r| {
        Ok((article_id(r.get(0)?), 1.0 + r.get::<_, f64>(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Tier 2: hits anywhere in the article, newest first, skipping `skip`.
fn text_hits(
    conn: &Connection,
    query: &SearchQuery,
    skip: &HashSet<i64>,
    wanted: usize,
) -> Result<Found, StoreError> {
    let mut args: Vec<Value> = Vec::new();
    let mut clauses = Vec::new();
    if let Some(expr) = query.fts_match() {
        args.push(Value::Text(expr));
        clauses.push("article_search MATCH ?1".to_string());
    }
    for forms in query.short_term_forms() {
        // Folded in Rust like the index: `öl` finds "Ölpreis" (SQLite's LIKE folds ASCII only).
        let mut placeholders = Vec::new();
        for form in forms {
            args.push(Value::Text(form));
            placeholders.push(format!("?{}", args.len()));
        }
        clauses.push(format!(
            "nd_contains(kicker || char(10) || title || char(10) || teaser || char(10) || body \
             || char(10) || tags, {})",
            placeholders.join(", ")
        ));
    }
    args.push(Value::Integer((wanted + skip.len()) as i64));
    let sql = format!(
        "SELECT rowid FROM article_search WHERE {} ORDER BY rowid DESC LIMIT ?{}",
        clauses.join(" AND "),
        args.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))?;
    let mut found = Vec::new();
    for id in ids {
        let id = article_id(id?);
        if skip.contains(&id) {
            continue;
        }
        // Newest first, each a little below the one before, all below headline hits.
        found.push((id, 0.5 / (1.0 + found.len() as f64)));
        if found.len() == wanted {
            break;
        }
    }
    Ok(found)
}

fn to_hits(
    conn: &Connection,
    query: &SearchQuery,
    found: Found,
) -> Result<Vec<SearchHit>, StoreError> {
    let forms = query.folded_forms();
    let mut stmt = conn.prepare_cached(
        "SELECT kicker, title, status, date, teaser, body FROM articles WHERE id = ?1",
    )?;
    let mut hits = Vec::with_capacity(found.len());
    for (id, score) in found {
        let (kicker, title, status, date, teaser, body) = stmt.query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let tags = tags_of(conn, id)?.join(", ");
        let snippet = snippet(&[&body, &teaser, &title, &kicker, &tags], &forms)
            .unwrap_or_else(|| teaser.chars().take(160).collect());
        hits.push(SearchHit {
            id,
            kicker,
            title,
            status: parse_status(&status)?,
            date: parse_date(date)?,
            snippet,
            score,
        });
    }
    Ok(hits)
}

impl Store {
    /// Finds articles: headline hits by relevance, then text hits newest first.
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
        self.reading(|conn| {
            let mut found = Vec::new();
            // Short terms need the LIKE filter on the full text: they skip the headline tier.
            if let (Some(expr), true) = (query.fts_match(), query.short_terms().is_empty()) {
                found = headline_hits(conn, &expr, limit)?;
            }
            if found.len() < limit {
                let skip: HashSet<i64> = found.iter().map(|f| f.0).collect();
                let more = text_hits(conn, query, &skip, limit - found.len())?;
                found.extend(more);
            }
            to_hits(conn, query, found)
        })
    }
}
