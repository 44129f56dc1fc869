//! Revisions: every save of an article, kept whole; history and restore.
//!
//! The newest revision is the article itself: its `content` is NULL and read from the
//! article. When a save replaces it, its content is written (compressed, see
//! [`crate::packed`]) before the article changes, so every revision still reads as it was
//! saved, while an import or an article saved once holds its text only once.

use chrono::{DateTime, Utc};
use newsdesk_model::text;
use newsdesk_model::{ArticleContent, Revision, RevisionSummary, Status};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::articles::reading::load;
use crate::codec::{parse_status, parse_ts, ts, words};
use crate::packed::{Packed, pack};
use crate::{Store, StoreError};

/// Records revision `revision` of article `id`, whose row holds `content` now.
pub(crate) fn insert_revision(
    conn: &Connection,
    id: i64,
    revision: i64,
    status: Status,
    content: &ArticleContent,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO revisions (article_id, revision, saved_at, status, title, words, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        revision,
        ts(now),
        status.as_str(),
        content.title,
        words(&content.body),
        note,
    ])?;
    Ok(())
}

/// Writes the content of revision `revision` of article `id` — `content`, what the article
/// holds before a save replaces it — unless the revision keeps its own already.
pub(crate) fn keep_content(
    conn: &Connection,
    id: i64,
    revision: i64,
    content: &ArticleContent,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(content).map_err(|e| {
        StoreError::Invalid(text!(
            "the article cannot be stored: {e}",
            "Der Artikel lässt sich nicht speichern: {e}"
        ))
    })?;
    conn.prepare_cached(
        "UPDATE revisions SET content = ?3
         WHERE article_id = ?1 AND revision = ?2 AND content IS NULL",
    )?
    .execute(params![id, revision, pack(&json)])?;
    Ok(())
}

const SUMMARY_COLUMNS: &str = "article_id, revision, saved_at, status, title, words, note";

fn summary(row: &Row<'_>) -> rusqlite::Result<(RevisionSummary, String, String)> {
    let saved_at: String = row.get(2)?;
    let status: String = row.get(3)?;
    Ok((
        RevisionSummary {
            article_id: row.get(0)?,
            revision: row.get(1)?,
            saved_at: DateTime::<Utc>::MIN_UTC,
            status: Status::Draft,
            title: row.get(4)?,
            words: row.get(5)?,
            note: row.get(6)?,
        },
        saved_at,
        status,
    ))
}

fn finish(parts: (RevisionSummary, String, String)) -> Result<RevisionSummary, StoreError> {
    let (mut s, saved_at, status) = parts;
    s.saved_at = parse_ts(&saved_at)?;
    s.status = parse_status(&status)?;
    Ok(s)
}

fn exists(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .ok_or(StoreError::ArticleNotFound(id))
}

pub(crate) fn load_revision(
    conn: &Connection,
    id: i64,
    revision: i64,
) -> Result<Revision, StoreError> {
    exists(conn, id)?;
    let (parts, content) = conn
        .query_row(
            &format!(
                "SELECT {SUMMARY_COLUMNS}, content FROM revisions
                 WHERE article_id = ?1 AND revision = ?2"
            ),
            params![id, revision],
            |r| Ok((summary(r)?, r.get::<_, Option<Packed>>(7)?)),
        )
        .optional()?
        .ok_or(StoreError::RevisionNotFound { id, revision })?;
    let content: ArticleContent = match content {
        Some(Packed(json)) => serde_json::from_str(&json).map_err(|e| {
            StoreError::Corrupt(format!("revision {revision} of article {id}: {e}"))
        })?,
        None => {
            let article = load(conn, id)?;
            if article.revision != revision {
                return Err(StoreError::Corrupt(format!(
                    "revision {revision} of article {id} has no content and is not its newest"
                )));
            }
            article.content
        }
    };
    Ok(Revision {
        summary: finish(parts)?,
        content,
    })
}

impl Store {
    /// Every revision of an article, newest first.
    pub fn history(&self, id: i64) -> Result<Vec<RevisionSummary>, StoreError> {
        self.reading(|conn| {
            exists(conn, id)?;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM revisions WHERE article_id = ?1 ORDER BY revision DESC"
            ))?;
            let rows = stmt
                .query_map([id], summary)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(finish).collect()
        })
    }

    /// One revision with the whole article as it was saved.
    pub fn revision(&self, id: i64, revision: i64) -> Result<Revision, StoreError> {
        self.reading(|conn| load_revision(conn, id, revision))
    }
}
