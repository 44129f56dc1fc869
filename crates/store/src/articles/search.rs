//! Full-text search, every hit ranked by relevance blended with the article's date.
//!
//! The search engine (`newsdesk-search`) analyses the query like the text and finds the top
//! `limit` articles in the index beside the library; the hits are then loaded from the
//! library, which stays the truth, and snippets cut from the stored text.

use newsdesk_model::SearchHit;
use newsdesk_search::{PreparedQuery, Scored, SearchQuery, TextIndex};
use rusqlite::{Connection, OptionalExtension};

use crate::articles::index_queue::{Sync, WRITE_WAIT, captions_of, key_day, sync};
use crate::codec::{parse_date, parse_status};
use crate::packed::Packed;
use crate::tags::vocabulary::tags_of;
use crate::{Store, StoreError};

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
    query: &PreparedQuery,
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
                    r.get::<_, Packed>(5)?.0,
                ))
            })
            .optional()?;
        let Some((kicker, title, status, date, teaser, body)) = row else {
            continue;
        };
        let tags = tags_of(conn, hit.id)?.join(", ");
        let captions = captions_of(conn, hit.id)?.join(" · ");
        let snippet = query
            .snippet(&[&body, &teaser, &title, &kicker, &tags, &captions])
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
        if limit == 0 {
            return Ok(Vec::new());
        }
        let Some(query) = query.prepare() else {
            return Ok(Vec::new());
        };
        let newest = self.reading(newest_day)?;
        let ask = || -> Result<_, StoreError> {
            self.catch_up_search_index()?;
            let found = self.text_index().find(&query, newest, limit)?;
            Ok((found.hits, found.full))
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
        self.reading(|conn| to_hits(conn, &query, found, full))
    }
}

impl Store {
    /// Rebuilds the search index from the library (after a restore; `db check` can ask).
    pub fn rebuild_search_index(&self) -> Result<(), StoreError> {
        let conn = self.write();
        let index = self.text_index();
        sync(&conn, &index, Sync::Rebuild, WRITE_WAIT).map(|_| ())
    }

    /// The number of articles the search index holds.
    pub fn search_index_len(&self) -> Result<u64, StoreError> {
        Ok(self.text_index().article_count()?)
    }

    /// The folder of the search index.
    pub fn search_index_dir(&self) -> std::path::PathBuf {
        TextIndex::dir_of(self.path())
    }
}
