//! The queue the saved tag model learns from (table `tag_model_pending`, migration 15).
//!
//! Every article change the search index follows adds the article's id here in the same
//! transaction (`articles::index_queue::queue`, which queues it for both). The suggester's model, saved beside the library with the last
//! `seq` it learned, reads only what came after ([`Store::tag_changes_since`]); once a model
//! is saved, the rows it holds go ([`Store::prune_tag_changes`]) and the library remembers
//! up to where (`tag_model_horizon`), so that a process whose model in memory is older than
//! that loads the saved one instead of missing the pruned changes.

use rusqlite::{Connection, OptionalExtension, params};

use crate::articles::index_queue::library_id;
use crate::{Store, StoreError};

const HORIZON: &str = "tag_model_horizon";

/// Changes of articles after a given point of the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagChanges {
    /// The articles changed (each once), in the order of their first change.
    pub articles: Vec<i64>,
    /// The newest point of the queue seen (the `seq` to ask from next time).
    pub upto: i64,
    /// Rows up to here were pruned: a model older than this must load the saved one first.
    pub horizon: i64,
}

fn horizon(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([HORIZON], |r| r.get::<_, String>(0))
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

impl Store {
    /// The newest point of the tag model's queue (0 when nothing was ever queued): a model
    /// learned from the library as it is now is up to date to here.
    pub fn tag_changes_head(&self) -> Result<i64, StoreError> {
        self.reading(|conn| {
            Ok(conn
                .prepare_cached("SELECT coalesce(max(seq), 0) FROM tag_model_pending")?
                .query_row([], |r| r.get::<_, i64>(0))?
                .max(horizon(conn)?))
        })
    }

    /// The articles changed after `seq`, read in one snapshot with the horizon.
    pub fn tag_changes_since(&self, seq: i64) -> Result<TagChanges, StoreError> {
        self.reading(|conn| {
            let tx = conn.unchecked_transaction()?;
            let articles = tx
                .prepare_cached(
                    "SELECT article_id FROM tag_model_pending WHERE seq > ?1
                     GROUP BY article_id ORDER BY min(seq)",
                )?
                .query_map([seq], |r| r.get(0))?
                .collect::<Result<Vec<i64>, _>>()?;
            let newest: i64 = tx
                .prepare_cached("SELECT coalesce(max(seq), 0) FROM tag_model_pending")?
                .query_row([], |r| r.get(0))?;
            let horizon = horizon(&tx)?;
            Ok(TagChanges {
                articles,
                upto: newest.max(seq),
                horizon,
            })
        })
    }

    /// Forgets the queue up to `seq` (a model holding it was saved), and remembers that.
    pub fn prune_tag_changes(&self, seq: i64) -> Result<(), StoreError> {
        self.writing_indexed(false, |tx| {
            if horizon(tx)? >= seq {
                return Ok(());
            }
            tx.prepare_cached("DELETE FROM tag_model_pending WHERE seq <= ?1")?
                .execute([seq])?;
            tx.prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![HORIZON, seq.to_string()])?;
            Ok(())
        })
    }

    /// What tells this library from another (a restored backup included): the saved tag
    /// model is this library's only when it carries it.
    pub fn library_identity(&self) -> Result<String, StoreError> {
        self.reading(library_id)
    }

    /// Up to where the queue was pruned (0 when never): a saved model older than this missed
    /// changes and is learned anew.
    pub fn tag_changes_horizon(&self) -> Result<i64, StoreError> {
        self.reading(horizon)
    }
}
