//! The trash: articles leave lists and search but keep their history until the editor empties
//! it. Nothing is deleted at once.

use chrono::{DateTime, Utc};
use newsdesk_model::Article;
use rusqlite::{Connection, params};

use crate::articles::article::load;
use crate::articles::index_queue::{index_article, remove_from_index};
use crate::codec::ts;
use crate::{Store, StoreError};

/// Moves an article into the trash or out of it; the search index follows.
fn set_trashed(tx: &Connection, id: i64, at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE articles SET trashed_at = ?2 WHERE id = ?1",
        params![id, at.map(ts)],
    )?;
    if changed == 0 {
        return Err(StoreError::ArticleNotFound(id));
    }
    match at {
        Some(_) => remove_from_index(tx, id),
        None => index_article(tx, id, &load(tx, id)?.content),
    }
}

impl Store {
    /// Moves an article to the trash (it leaves lists and search; nothing is deleted).
    pub fn trash_article(&self, id: i64, now: DateTime<Utc>) -> Result<Article, StoreError> {
        self.writing(|tx| {
            if load(tx, id)?.trashed_at.is_none() {
                set_trashed(tx, id, Some(now))?;
            }
            load(tx, id)
        })
    }

    /// Takes an article out of the trash, as it was.
    pub fn untrash_article(&self, id: i64) -> Result<Article, StoreError> {
        self.writing(|tx| {
            if load(tx, id)?.trashed_at.is_some() {
                set_trashed(tx, id, None)?;
            }
            load(tx, id)
        })
    }

    /// Deletes every article in the trash for good, with its history. Returns how many.
    pub fn empty_trash(&self) -> Result<usize, StoreError> {
        self.writing(|tx| {
            tx.execute(
                "DELETE FROM article_related WHERE related_id IN
                   (SELECT id FROM articles WHERE trashed_at IS NOT NULL)",
                [],
            )?;
            Ok(tx.execute("DELETE FROM articles WHERE trashed_at IS NOT NULL", [])?)
        })
    }

    /// The number of articles in the trash.
    pub fn trash_count(&self) -> Result<i64, StoreError> {
        self.reading(|conn| {
            Ok(conn.query_row(
                "SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL",
                [],
                |r| r.get(0),
            )?)
        })
    }
}
