//! Where each article stands on each portal (its publication: the marker, the post's id and
//! version stamp, the fields as last sent), and the pictures a portal already holds. The
//! tables are made by the portals' migration (`portals.rs`).

use chrono::{DateTime, Utc};
use newsdesk_model::{Publication, PublicationState, Status};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::articles::article::{load, update_in};
use crate::codec::{parse_ts, ts};
use crate::{Store, StoreError};

/// What the publisher needs to know about an article on a portal, beyond [`Publication`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicationRecord {
    pub article_id: i64,
    pub portal: String,
    /// The slug (or uri) Newsdesk gave the post.
    pub marker: String,
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    /// The portal's modification stamp of the post right after the last publish.
    pub remote_modified: Option<String>,
    pub revision: Option<i64>,
    /// The fields as last sent (JSON), the base of a three-way comparison.
    pub sent: Option<String>,
    pub state: PublicationState,
    pub published_at: Option<DateTime<Utc>>,
}

impl PublicationRecord {
    pub fn publication(&self) -> Publication {
        Publication {
            article_id: self.article_id,
            portal: self.portal.clone(),
            remote_id: self.remote_id.clone(),
            remote_url: self.remote_url.clone(),
            revision: self.revision,
            published_at: self.published_at,
            state: self.state,
        }
    }
}

/// A post as the portal answered after a successful publish or update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedPost {
    pub remote_id: String,
    pub remote_url: String,
    pub remote_modified: String,
    /// The fields as sent (JSON).
    pub sent: String,
    /// Published or scheduled.
    pub state: PublicationState,
}

/// A picture a portal holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalMedia {
    pub remote_id: String,
    pub remote_url: String,
    pub caption: String,
    pub alt: String,
}

/// A publication row with its state and stamp still as text, read afterwards.
type PublicationRow = (PublicationRecord, String, Option<String>);

fn publication_from_row(row: &Row<'_>) -> rusqlite::Result<PublicationRow> {
    Ok((
        PublicationRecord {
            article_id: row.get(0)?,
            portal: row.get(1)?,
            marker: row.get(2)?,
            remote_id: row.get(3)?,
            remote_url: row.get(4)?,
            remote_modified: row.get(5)?,
            revision: row.get(6)?,
            sent: row.get(7)?,
            state: PublicationState::Pending,
            published_at: None,
        },
        row.get(8)?,
        row.get(9)?,
    ))
}

const PUBLICATION_COLUMNS: &str = "article_id, portal, marker, remote_id, remote_url, \
    remote_modified, revision, sent, state, published_at";

fn finish_publication(
    (mut record, state, published): PublicationRow,
) -> Result<PublicationRecord, StoreError> {
    record.state = state.parse().map_err(|e: String| {
        StoreError::Corrupt(format!("publication of article {}: {e}", record.article_id))
    })?;
    record.published_at = published.as_deref().map(parse_ts).transpose()?;
    Ok(record)
}

pub(crate) fn load_publication(
    conn: &Connection,
    article_id: i64,
    portal: &str,
) -> Result<Option<PublicationRecord>, StoreError> {
    conn.query_row(
        &format!(
            "SELECT {PUBLICATION_COLUMNS} FROM publications WHERE article_id = ?1 AND portal = ?2"
        ),
        params![article_id, portal],
        publication_from_row,
    )
    .optional()?
    .map(finish_publication)
    .transpose()
}

/// Sets the article's workflow status as a new revision noting why ("published on portal").
fn set_status_in(
    tx: &Connection,
    id: i64,
    status: Status,
    note: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let article = load(tx, id)?;
    tx.execute(
        "UPDATE articles SET status = ?2 WHERE id = ?1",
        params![id, status.as_str()],
    )?;
    update_in(tx, id, &article.content, None, note, now)?;
    Ok(article.revision + 1)
}

impl Store {
    /// Where article `id` is on `portal`, if it was ever sent there.
    pub fn publication(
        &self,
        article_id: i64,
        portal: &str,
    ) -> Result<Option<PublicationRecord>, StoreError> {
        self.reading(|conn| load_publication(conn, article_id, portal))
    }

    /// Where article `id` is, on every portal.
    pub fn publications_of(&self, article_id: i64) -> Result<Vec<Publication>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {PUBLICATION_COLUMNS} FROM publications WHERE article_id = ?1
                 ORDER BY portal"
            ))?;
            let rows = stmt
                .query_map([article_id], publication_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|row| finish_publication(row).map(|r| r.publication()))
                .collect()
        })
    }

    /// The publication of article `id` on `portal`, made (with `marker`) if there is none yet;
    /// committed before anything is sent, so the marker survives a crash mid-send.
    pub fn begin_publication(
        &self,
        article_id: i64,
        portal: &str,
        marker: &str,
    ) -> Result<PublicationRecord, StoreError> {
        self.writing(|tx| {
            tx.execute(
                "INSERT INTO publications (article_id, portal, marker) VALUES (?1, ?2, ?3)
                 ON CONFLICT (article_id, portal) DO NOTHING",
                params![article_id, portal, marker],
            )?;
            load_publication(tx, article_id, portal)?.ok_or_else(|| {
                StoreError::Corrupt(format!("the publication of article {article_id} vanished"))
            })
        })
    }

    /// Records a successful publish or update, and sets the article's status (published,
    /// updated or scheduled) as a new revision, in one transaction.
    pub fn record_published(
        &self,
        article_id: i64,
        portal: &str,
        post: &PublishedPost,
        now: DateTime<Utc>,
    ) -> Result<PublicationRecord, StoreError> {
        self.writing(|tx| {
            let before = load_publication(tx, article_id, portal)?;
            let was_published = before.as_ref().is_some_and(|p| {
                matches!(
                    p.state,
                    PublicationState::Published | PublicationState::Withdrawn
                )
            });
            let status = match post.state {
                PublicationState::Scheduled => Status::Scheduled,
                _ if was_published => Status::Updated,
                _ => Status::Published,
            };
            let verb = match status {
                Status::Scheduled => "scheduled on",
                Status::Updated => "updated on",
                _ => "published on",
            };
            let revision = set_status_in(tx, article_id, status, &format!("{verb} {portal}"), now)?;
            tx.execute(
                "INSERT INTO publications (article_id, portal, marker, remote_id, remote_url,
                         remote_modified, revision, sent, state, published_at)
                 VALUES (?1, ?2, '', ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (article_id, portal) DO UPDATE SET
                   remote_id = excluded.remote_id, remote_url = excluded.remote_url,
                   remote_modified = excluded.remote_modified, revision = excluded.revision,
                   sent = excluded.sent, state = excluded.state,
                   published_at = excluded.published_at",
                params![
                    article_id,
                    portal,
                    post.remote_id,
                    post.remote_url,
                    post.remote_modified,
                    revision,
                    post.sent,
                    post.state.as_str(),
                    ts(now)
                ],
            )?;
            load_publication(tx, article_id, portal)?.ok_or_else(|| {
                StoreError::Corrupt(format!("the publication of article {article_id} vanished"))
            })
        })
    }

    /// Records that the post was taken off the portal; the article becomes "withdrawn".
    pub fn record_withdrawn(
        &self,
        article_id: i64,
        portal: &str,
        remote_modified: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.writing(|tx| {
            set_status_in(
                tx,
                article_id,
                Status::Withdrawn,
                &format!("withdrawn from {portal}"),
                now,
            )?;
            tx.execute(
                "UPDATE publications SET state = 'withdrawn', remote_modified = ?3
                 WHERE article_id = ?1 AND portal = ?2",
                params![article_id, portal, remote_modified],
            )?;
            Ok(())
        })
    }

    /// Takes the portal's modification stamp (and what it holds) as the new base without
    /// sending anything: after the editor took the portal's version into the library.
    pub fn record_remote_base(
        &self,
        article_id: i64,
        portal: &str,
        remote_modified: &str,
        sent: &str,
    ) -> Result<(), StoreError> {
        self.writing(|tx| {
            tx.execute(
                "UPDATE publications SET remote_modified = ?3, sent = ?4
                 WHERE article_id = ?1 AND portal = ?2",
                params![article_id, portal, remote_modified, sent],
            )?;
            Ok(())
        })
    }

    /// The article that is post `remote_id` on `portal`, if the library knows it.
    pub fn article_for_remote(
        &self,
        portal: &str,
        remote_id: &str,
    ) -> Result<Option<i64>, StoreError> {
        self.reading(|conn| {
            Ok(conn
                .query_row(
                    "SELECT article_id FROM publications WHERE portal = ?1 AND remote_id = ?2",
                    params![portal, remote_id],
                    |r| r.get(0),
                )
                .optional()?)
        })
    }

    /// A portal article new to the library: stored (status published) with its publication,
    /// in one transaction. Returns the new id.
    pub fn insert_pulled_article(
        &self,
        content: &newsdesk_model::ArticleContent,
        portal: &str,
        record: &PublishedPost,
        marker: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        self.writing(|tx| {
            let id = crate::articles::article::insert_in(
                tx,
                content,
                Status::Published,
                &format!("pulled from {portal}"),
                now,
            )?;
            tx.execute(
                "INSERT INTO publications (article_id, portal, marker, remote_id, remote_url,
                         remote_modified, revision, sent, state, published_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?9)",
                params![
                    id,
                    portal,
                    marker,
                    record.remote_id,
                    record.remote_url,
                    record.remote_modified,
                    record.sent,
                    record.state.as_str(),
                    ts(now)
                ],
            )?;
            Ok(id)
        })
    }

    /// The picture with `digest` as `portal` has it, if it was uploaded before.
    pub fn portal_media(
        &self,
        portal: &str,
        digest: &str,
    ) -> Result<Option<PortalMedia>, StoreError> {
        self.reading(|conn| {
            Ok(conn
                .query_row(
                    "SELECT remote_id, remote_url, caption, alt FROM portal_media
                     WHERE portal = ?1 AND digest = ?2",
                    params![portal, digest],
                    |r| {
                        Ok(PortalMedia {
                            remote_id: r.get(0)?,
                            remote_url: r.get(1)?,
                            caption: r.get(2)?,
                            alt: r.get(3)?,
                        })
                    },
                )
                .optional()?)
        })
    }

    /// Remembers that `portal` holds the picture with `digest` (recorded at once after each
    /// upload, so a retry does not send it again).
    pub fn record_portal_media(
        &self,
        portal: &str,
        digest: &str,
        media: &PortalMedia,
    ) -> Result<(), StoreError> {
        self.writing(|tx| {
            tx.execute(
                "INSERT INTO portal_media (portal, digest, remote_id, remote_url, caption, alt)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (portal, digest) DO UPDATE SET remote_id = excluded.remote_id,
                   remote_url = excluded.remote_url, caption = excluded.caption,
                   alt = excluded.alt",
                params![
                    portal,
                    digest,
                    media.remote_id,
                    media.remote_url,
                    media.caption,
                    media.alt
                ],
            )?;
            Ok(())
        })
    }
}
