//! Writing an article into the two search indexes (see [`crate::search`] for reading).
//!
//! The index rows are keyed by a **search key**, not by the article id: the article's date
//! (its creation day when it has none) in days since 1970, shifted left 32 bits, plus the id.
//! Reading an index in descending key order is then reading it newest article date first, so
//! the search can stop after the hits it needs and still list them by date — whatever order
//! an archive was imported in. [`article_id`] turns a key back into the id.

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_model::ArticleContent;
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;
use crate::codec::parse_ts;

/// Migration 4 (beside the index code it serves): search keys for every article, and both
/// indexes rebuilt on them.
pub(crate) const SEARCH_KEY_MIGRATION: &str = r#"
ALTER TABLE articles ADD COLUMN search_key INTEGER;
UPDATE articles SET search_key =
    CAST(julianday(coalesce(date, substr(created_at, 1, 10))) - 2440587.5 AS INTEGER) * 4294967296
    + id;
CREATE UNIQUE INDEX articles_by_search_key ON articles (search_key);
DELETE FROM article_search;
DELETE FROM article_head;
INSERT INTO article_head (rowid, kicker, title, tags)
    SELECT a.search_key, a.kicker, a.title,
           coalesce((SELECT group_concat(name, ' · ') FROM
                        (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.article_id = a.id ORDER BY at.position)), '')
    FROM articles a WHERE a.trashed_at IS NULL;
INSERT INTO article_search (rowid, kicker, title, teaser, body, tags)
    SELECT a.search_key, a.kicker, a.title, a.teaser, a.body,
           coalesce((SELECT group_concat(name, ' · ') FROM
                        (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.article_id = a.id ORDER BY at.position)), '')
    FROM articles a WHERE a.trashed_at IS NULL;
"#;

const ID_BITS: u32 = 32;

/// The index key of article `id` dated `date` (or created at `created`).
pub(crate) fn search_key(id: i64, date: Option<NaiveDate>, created: DateTime<Utc>) -> i64 {
    let day = date.unwrap_or_else(|| created.date_naive());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (day - epoch).num_days() * (1i64 << ID_BITS) + id
}

/// The article id an index key stands for.
pub(crate) fn article_id(key: i64) -> i64 {
    key & ((1i64 << ID_BITS) - 1)
}

/// The text the search index holds for the article's tags.
fn tag_text(tags: &[String]) -> String {
    tags.join(" · ")
}

/// Deletes the index rows under `key`.
fn delete_rows(tx: &Connection, key: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM article_search WHERE rowid = ?1", [key])?;
    tx.execute("DELETE FROM article_head WHERE rowid = ?1", [key])?;
    Ok(())
}

/// Takes article `id` out of both indexes (it went to the trash).
pub(crate) fn remove_from_index(tx: &Connection, id: i64) -> Result<(), StoreError> {
    let key: Option<i64> = tx
        .query_row("SELECT search_key FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    match key {
        Some(key) => delete_rows(tx, key),
        None => Ok(()),
    }
}

/// Replaces what the indexes hold for article `id` (its row must exist).
pub(crate) fn index_article(
    tx: &Connection,
    id: i64,
    content: &ArticleContent,
) -> Result<(), StoreError> {
    let (old_key, created): (Option<i64>, String) = tx.query_row(
        "SELECT search_key, created_at FROM articles WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if let Some(old_key) = old_key {
        delete_rows(tx, old_key)?;
    }
    let key = search_key(id, content.date, parse_ts(&created)?);
    tx.execute(
        "UPDATE articles SET search_key = ?2 WHERE id = ?1",
        params![id, key],
    )?;
    let tags = tag_text(&content.tags);
    tx.execute(
        "INSERT INTO article_head (rowid, kicker, title, tags) VALUES (?1, ?2, ?3, ?4)",
        params![key, content.kicker, content.title, tags],
    )?;
    tx.execute(
        "INSERT INTO article_search (rowid, kicker, title, teaser, body, tags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            key,
            content.kicker,
            content.title,
            content.teaser,
            content.body,
            tags
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_by_date_then_id_and_give_the_id_back() {
        let created = DateTime::<Utc>::UNIX_EPOCH;
        let old = search_key(900, NaiveDate::from_ymd_opt(2018, 12, 13), created);
        let new = search_key(3, NaiveDate::from_ymd_opt(2024, 4, 23), created);
        let ancient = search_key(5, NaiveDate::from_ymd_opt(1949, 5, 23), created);
        assert!(new > old && old > ancient, "newer dates sort higher");
        assert_eq!(article_id(old), 900);
        assert_eq!(article_id(new), 3);
        assert_eq!(article_id(ancient), 5, "dates before 1970 too");
    }
}
