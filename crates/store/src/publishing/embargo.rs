//! Which embargo holds an article: its own (`articles.embargo_until`) and those of the library
//! pictures it shows (`images.embargo_until`, matched by the article's `sha256:` files); the
//! later one wins. The outbox holds a job while it lasts (`held_until_sql!`).

use chrono::{DateTime, Utc};
use newsdesk_model::{Embargo, EmbargoedPicture, Image};
use rusqlite::{Connection, OptionalExtension, params};

use crate::codec::{parse_ts, ts};
use crate::{Store, StoreError};

/// SQL for the embargo that holds the outbox job `o` (its article's or a picture's, the later;
/// `''` when none; a withdrawal is never held), as text comparable with [`ts`] times. A macro,
/// so that it joins the outbox's column list with `concat!`.
macro_rules! held_until_sql {
    () => {
        "CASE WHEN o.action = 'withdraw' THEN '' ELSE max(\
         coalesce((SELECT ea.embargo_until FROM articles ea WHERE ea.id = o.article_id), ''), \
         coalesce((SELECT max(ei.embargo_until) FROM article_images eai \
                   JOIN images ei ON eai.file = 'sha256:' || ei.hash \
                   WHERE eai.article_id = o.article_id), '')) END"
    };
}
pub(crate) use held_until_sql;

/// The embargo that holds article `id` at `now`, if one does.
pub(crate) fn embargo_of(
    conn: &Connection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Option<Embargo>, StoreError> {
    let now = ts(now);
    let own: Option<String> = conn
        .query_row(
            "SELECT embargo_until FROM articles WHERE id = ?1 AND embargo_until > ?2",
            params![id, now],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let picture: Option<(String, i64, String)> = conn
        .query_row(
            "SELECT i.embargo_until, i.id, i.file FROM article_images ai
             JOIN images i ON ai.file = 'sha256:' || i.hash
             WHERE ai.article_id = ?1 AND i.embargo_until > ?2
             ORDER BY i.embargo_until DESC, i.id LIMIT 1",
            params![id, now],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let own = own
        .map(|until| -> Result<Embargo, StoreError> {
            Ok(Embargo {
                until: parse_ts(&until)?,
                picture: None,
            })
        })
        .transpose()?;
    let picture = picture
        .map(|(until, id, file)| -> Result<Embargo, StoreError> {
            Ok(Embargo {
                until: parse_ts(&until)?,
                picture: Some(EmbargoedPicture { id, file }),
            })
        })
        .transpose()?;
    Ok(match (own, picture) {
        (Some(a), Some(b)) => Some(a.later(b)),
        (a, b) => a.or(b),
    })
}

impl Store {
    /// The embargo that holds article `id` at `now` (its own or a picture's, the later one).
    pub fn embargo_of(&self, id: i64, now: DateTime<Utc>) -> Result<Option<Embargo>, StoreError> {
        self.reading(|conn| {
            crate::articles::article::load(conn, id)?;
            embargo_of(conn, id, now)
        })
    }

    /// Sets (or with `None` clears) the embargo of picture `id`.
    pub fn set_image_embargo(
        &self,
        id: i64,
        until: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Image, StoreError> {
        self.writing(|tx| {
            let changed = tx.execute(
                "UPDATE images SET embargo_until = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, until.map(ts), ts(now)],
            )?;
            if changed == 0 {
                return Err(StoreError::ImageNotFound(id));
            }
            Ok(())
        })?;
        self.image(id)
    }
}
