//! Portal profiles, where each article stands on each portal (its publication), the pictures a
//! portal has already received, and the sections a portal offers. The secrets are never here:
//! they live in the operating system's keyring.

use chrono::{DateTime, Utc};
use newsdesk_model::{NewPortal, Portal, PortalKind, Publication, PublicationState, Status};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::articles::{load, update_in};
use crate::codec::{parse_ts, ts};
use crate::vocabulary::add_to_vocabulary;
use crate::{Store, StoreError};

/// Migration 9 (kept beside the tables it makes): portals, publications, uploaded pictures,
/// the portals' sections.
pub(crate) const PORTALS_MIGRATION: &str = r#"
CREATE TABLE portals (
    name        TEXT PRIMARY KEY CHECK (name <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('wordpress','ghost','ninjs')),
    url         TEXT NOT NULL,
    user        TEXT NOT NULL DEFAULT '',
    timeout_ms  INTEGER NOT NULL DEFAULT 30000 CHECK (timeout_ms > 0),
    created_at  TEXT NOT NULL,
    pulled_at   TEXT
) WITHOUT ROWID;

-- Where an article is on a portal. `marker` (the slug or uri Newsdesk gives the post) is
-- written before the first attempt, so a post whose creation was answered but the answer
-- lost is found again instead of made twice. `sent` holds the fields as last sent (JSON):
-- the base of the three-way view when the portal's copy changed meanwhile.
CREATE TABLE publications (
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    portal           TEXT NOT NULL REFERENCES portals (name) ON DELETE CASCADE,
    marker           TEXT NOT NULL,
    remote_id        TEXT,
    remote_url       TEXT,
    remote_modified  TEXT,
    revision         INTEGER,
    sent             TEXT,
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending','published','scheduled','withdrawn')),
    published_at     TEXT,
    PRIMARY KEY (article_id, portal)
) WITHOUT ROWID;
CREATE UNIQUE INDEX publications_by_remote ON publications (portal, remote_id)
    WHERE remote_id IS NOT NULL;

-- Pictures a portal has: by the SHA-256 of the bytes sent (credits embedded), so an
-- unchanged picture is never uploaded twice.
CREATE TABLE portal_media (
    portal      TEXT NOT NULL REFERENCES portals (name) ON DELETE CASCADE,
    digest      TEXT NOT NULL,
    remote_id   TEXT NOT NULL,
    remote_url  TEXT NOT NULL,
    caption     TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (portal, digest)
) WITHOUT ROWID;

-- The sections (WordPress categories, Ghost's primary tags) a portal offers, as pulled.
CREATE TABLE portal_sections (
    portal  TEXT NOT NULL REFERENCES portals (name) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    PRIMARY KEY (portal, name)
) WITHOUT ROWID;
"#;

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

/// A portals row as stored: (name, kind, url, user, timeout_ms, created_at, pulled_at).
type PortalRow = (String, String, String, String, i64, String, Option<String>);

fn portal_from_row(row: &Row<'_>) -> rusqlite::Result<PortalRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

/// The row as a portal (a damaged kind or stamp is said, not guessed).
fn finish_portal(
    (name, kind, url, user, timeout_ms, created, pulled): PortalRow,
) -> Result<Portal, StoreError> {
    Ok(Portal {
        kind: kind
            .parse::<PortalKind>()
            .map_err(|e| StoreError::Corrupt(format!("portal {name}: {e}")))?,
        name,
        url,
        user,
        timeout_secs: (timeout_ms / 1000).clamp(1, 3600) as u32,
        created_at: parse_ts(&created)?,
        pulled_at: pulled.as_deref().map(parse_ts).transpose()?,
    })
}

const PORTAL_COLUMNS: &str = "name, kind, url, user, timeout_ms, created_at, pulled_at";

pub(crate) fn load_portal(conn: &Connection, name: &str) -> Result<Portal, StoreError> {
    let row = conn
        .query_row(
            &format!("SELECT {PORTAL_COLUMNS} FROM portals WHERE name = ?1"),
            [name],
            portal_from_row,
        )
        .optional()?
        .ok_or_else(|| StoreError::PortalNotFound(name.to_string()))?;
    finish_portal(row)
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
    /// Adds a portal profile; refuses a name already taken.
    pub fn add_portal(&self, new: &NewPortal, now: DateTime<Utc>) -> Result<Portal, StoreError> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a portal needs a name".into()));
        }
        self.writing(|tx| {
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM portals WHERE name = ?1)",
                [name],
                |r| r.get(0),
            )?;
            if taken {
                return Err(StoreError::PortalExists(name.to_string()));
            }
            let timeout_ms = i64::from(new.timeout_secs.unwrap_or(30).clamp(1, 3600)) * 1000;
            tx.execute(
                "INSERT INTO portals (name, kind, url, user, timeout_ms, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    name,
                    new.kind.as_str(),
                    new.url.trim(),
                    new.user.trim(),
                    timeout_ms,
                    ts(now)
                ],
            )?;
            load_portal(tx, name)
        })
    }

    /// Every portal profile, by name.
    pub fn portals(&self) -> Result<Vec<Portal>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {PORTAL_COLUMNS} FROM portals ORDER BY name"
            ))?;
            let rows = stmt
                .query_map([], portal_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(finish_portal).collect()
        })
    }

    pub fn portal(&self, name: &str) -> Result<Portal, StoreError> {
        self.reading(|conn| load_portal(conn, name))
    }

    /// Removes a portal profile with what the library knew about it there (the posts on the
    /// portal stay; the outbox's jobs for it go).
    pub fn remove_portal(&self, name: &str) -> Result<(), StoreError> {
        self.writing(|tx| {
            if tx.execute("DELETE FROM portals WHERE name = ?1", [name])? == 0 {
                return Err(StoreError::PortalNotFound(name.to_string()));
            }
            Ok(())
        })
    }

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
            let id = crate::articles::insert_in(
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

    /// Records what a pull found: the portal's sections, its tags joined to the vocabulary,
    /// and when. Returns the tags the vocabulary did not know.
    pub fn record_pull(
        &self,
        portal: &str,
        tags: &[String],
        sections: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, StoreError> {
        self.writing(|tx| {
            let added = add_to_vocabulary(tx, tags)?;
            for section in sections.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                tx.execute(
                    "INSERT INTO portal_sections (portal, name) VALUES (?1, ?2)
                     ON CONFLICT DO NOTHING",
                    params![portal, section],
                )?;
            }
            tx.execute(
                "UPDATE portals SET pulled_at = ?2 WHERE name = ?1",
                params![portal, ts(now)],
            )?;
            Ok(added)
        })
    }

    /// Every section any portal offers, and those the library's articles use, by name.
    pub fn section_names(&self) -> Result<Vec<String>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare(
                "SELECT name FROM portal_sections
                 UNION SELECT section FROM articles WHERE section <> '' AND trashed_at IS NULL
                 ORDER BY 1",
            )?;
            let names = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(names)
        })
    }
}
