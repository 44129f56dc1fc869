//! Saving and loading whole articles (the `articles` row and its tags, images, links).

use newsdesk_model::text;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleContent, ImageRef, Link, Status, limits};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::articles::index_queue::index_article;
use crate::articles::revisions::{insert_revision, load_revision};
use crate::codec::{date_text, parse_date, parse_status, parse_ts, ts};
use crate::tags::vocabulary::{set_tags, tags_of};
use crate::{Store, StoreError};

fn validate(content: &ArticleContent) -> Result<(), StoreError> {
    if content.title.trim().is_empty() {
        return Err(StoreError::Invalid(text!(
            "an article needs a title",
            "Ein Artikel braucht einen Titel."
        )));
    }
    for (key, value) in &content.extra {
        if limits::nesting(value) > limits::MAX_NESTING {
            return Err(StoreError::Invalid(text!(
                "the field '{key}' nests more than {} levels deep",
                "Das Feld '{key}' ist tiefer als {} Ebenen verschachtelt.",
                limits::MAX_NESTING
            )));
        }
    }
    let size = [
        &content.kicker,
        &content.title,
        &content.kind,
        &content.section,
        &content.author,
        &content.teaser,
        &content.body,
    ]
    .iter()
    .map(|s| s.len())
    .chain(content.tags.iter().map(String::len))
    .chain(
        content
            .images
            .iter()
            .map(|i| i.file.len() + i.caption.len() + i.credit.len() + i.alt.len()),
    )
    .chain(
        content
            .links
            .iter()
            .map(|l| l.title.len() + l.url.len() + l.kind.len()),
    )
    .sum::<usize>()
        + extra_json(content).len();
    if size > limits::MAX_ARTICLE_BYTES {
        return Err(StoreError::Invalid(text!(
            "the article is {}, more than the {} Newsdesk stores as one article",
            "Der Artikel ist {} groß, mehr als die {}, die Newsdesk als einen Artikel speichert.",
            limits::human_bytes(size as u64),
            limits::human_bytes(limits::MAX_ARTICLE_BYTES as u64)
        )));
    }
    Ok(())
}

fn write_parts(tx: &Connection, id: i64, content: &ArticleContent) -> Result<(), StoreError> {
    for table in ["article_images", "article_links"] {
        tx.execute(&format!("DELETE FROM {table} WHERE article_id = ?1"), [id])?;
    }
    set_tags(tx, id, &content.tags)?;
    for (position, image) in content.images.iter().enumerate() {
        tx.execute(
            "INSERT INTO article_images (article_id, position, file, caption, credit, alt)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                position as i64,
                image.file,
                image.caption,
                image.credit,
                image.alt
            ],
        )?;
    }
    for (position, link) in content.links.iter().enumerate() {
        tx.execute(
            "INSERT INTO article_links (article_id, position, title, url, kind)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, position as i64, link.title, link.url, link.kind],
        )?;
    }
    index_article(tx, id, content)
}

fn extra_json(content: &ArticleContent) -> String {
    serde_json::Value::Object(content.extra.clone().into_iter().collect()).to_string()
}

/// Inserts a new article inside `tx`, with its first revision. Returns its id.
pub(crate) fn insert_in(
    tx: &Connection,
    content: &ArticleContent,
    status: Status,
    note: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    validate(content)?;
    tx.execute(
        "INSERT INTO articles (status, kicker, title, type, section, date, author, teaser, body,
                               extra, revision, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11)",
        params![
            status.as_str(),
            content.kicker,
            content.title,
            content.kind,
            content.section,
            date_text(content.date),
            content.author,
            content.teaser,
            content.body,
            extra_json(content),
            ts(now),
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_parts(tx, id, content)?;
    write_publishing_fields(tx, id, content)?;
    insert_revision(tx, id, 1, status, content, note, now)?;
    Ok(id)
}

/// Replaces the content of an article inside `tx` and records the new revision.
pub(crate) fn update_in(
    tx: &Connection,
    id: i64,
    content: &ArticleContent,
    expected_revision: Option<i64>,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    validate(content)?;
    let (current, status, trashed): (i64, String, Option<String>) = tx
        .query_row(
            "SELECT revision, status, trashed_at FROM articles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or(StoreError::ArticleNotFound(id))?;
    if trashed.is_some() {
        return Err(StoreError::InTrash(id));
    }
    if let Some(expected) = expected_revision.filter(|e| *e != current) {
        return Err(StoreError::Conflict {
            id,
            expected,
            current,
        });
    }
    let next = current + 1;
    tx.execute(
        "UPDATE articles SET kicker = ?2, title = ?3, type = ?4, section = ?5, date = ?6,
                author = ?7, teaser = ?8, body = ?9, extra = ?10, revision = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            content.kicker,
            content.title,
            content.kind,
            content.section,
            date_text(content.date),
            content.author,
            content.teaser,
            content.body,
            extra_json(content),
            next,
            ts(now),
        ],
    )?;
    write_parts(tx, id, content)?;
    write_publishing_fields(tx, id, content)?;
    insert_revision(tx, id, next, parse_status(&status)?, content, note, now)?;
    Ok(())
}

fn content_from_row(row: &Row<'_>) -> rusqlite::Result<(ArticleContent, String, Option<String>)> {
    Ok((
        ArticleContent {
            kicker: row.get("kicker")?,
            title: row.get("title")?,
            kind: row.get("type")?,
            section: row.get("section")?,
            date: None,
            author: row.get("author")?,
            teaser: row.get("teaser")?,
            tags: Vec::new(),
            images: Vec::new(),
            links: Vec::new(),
            body: row.get("body")?,
            slug: row.get("slug")?,
            description: row.get("description")?,
            social_image: row.get("social_image")?,
            embargo: None,
            corrections: Vec::new(),
            extra: BTreeMap::new(),
        },
        row.get("extra")?,
        row.get("date")?,
    ))
}

/// The fields of the post's address and the desk's rules: slug, description, social picture,
/// embargo and corrections.
fn write_publishing_fields(
    tx: &Connection,
    id: i64,
    content: &ArticleContent,
) -> Result<(), StoreError> {
    let corrections = serde_json::to_string(&content.corrections)
        .map_err(|e| StoreError::Corrupt(format!("corrections of article {id}: {e}")))?;
    tx.execute(
        "UPDATE articles SET slug = ?2, description = ?3, social_image = ?4, embargo_until = ?5,
                corrections = ?6
         WHERE id = ?1",
        params![
            id,
            content.slug,
            content.description,
            content.social_image,
            content.embargo.map(ts),
            corrections,
        ],
    )?;
    Ok(())
}

/// The rows of one of an article's part tables, in their stored order.
fn ordered_rows<T>(
    conn: &Connection,
    sql: &str,
    id: i64,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], map)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Loads one article with all its parts.
pub(crate) fn load(conn: &Connection, id: i64) -> Result<Article, StoreError> {
    let row = conn
        .query_row("SELECT * FROM articles WHERE id = ?1", [id], |row| {
            let (content, extra, date) = content_from_row(row)?;
            let status: String = row.get("status")?;
            let revision: i64 = row.get("revision")?;
            let created: String = row.get("created_at")?;
            let updated: String = row.get("updated_at")?;
            let trashed: Option<String> = row.get("trashed_at")?;
            let desk: (Option<String>, String) =
                (row.get("embargo_until")?, row.get("corrections")?);
            Ok((
                content, extra, date, status, revision, created, updated, trashed, desk,
            ))
        })
        .optional()?
        .ok_or(StoreError::ArticleNotFound(id))?;
    let (mut content, extra, date, status, revision, created, updated, trashed, desk) = row;
    content.date = parse_date(date)?;
    content.extra = serde_json::from_str(&extra)
        .map_err(|e| StoreError::Corrupt(format!("extra fields of article {id}: {e}")))?;
    let (embargo, corrections) = desk;
    content.embargo = embargo.as_deref().map(parse_ts).transpose()?;
    content.corrections = serde_json::from_str(&corrections)
        .map_err(|e| StoreError::Corrupt(format!("corrections of article {id}: {e}")))?;
    content.tags = tags_of(conn, id)?;
    content.images = ordered_rows(
        conn,
        "SELECT file, caption, credit, alt FROM article_images WHERE article_id = ?1 ORDER BY position",
        id,
        |r| {
            Ok(ImageRef {
                file: r.get(0)?,
                caption: r.get(1)?,
                credit: r.get(2)?,
                alt: r.get(3)?,
            })
        },
    )?;
    content.links = ordered_rows(
        conn,
        "SELECT title, url, kind FROM article_links WHERE article_id = ?1 ORDER BY position",
        id,
        |r| {
            Ok(Link {
                title: r.get(0)?,
                url: r.get(1)?,
                kind: r.get(2)?,
            })
        },
    )?;
    let related = ordered_rows(
        conn,
        "SELECT related_id FROM article_related WHERE article_id = ?1 ORDER BY position",
        id,
        |r| r.get(0),
    )?;
    Ok(Article {
        id,
        status: parse_status(&status)?,
        content,
        related,
        revision,
        created_at: parse_ts(&created)?,
        updated_at: parse_ts(&updated)?,
        trashed_at: trashed.as_deref().map(parse_ts).transpose()?,
    })
}

impl Store {
    /// Stores a new article (revision 1) and returns it as stored.
    pub fn insert_article(
        &self,
        content: &ArticleContent,
        status: Status,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<Article, StoreError> {
        self.writing(|tx| {
            let id = insert_in(tx, content, status, note, now)?;
            load(tx, id)
        })
    }

    /// Stores many new articles in one transaction; each either is stored whole or not at all.
    ///
    /// Returns, per input, the new id or why it was refused. Nothing is visible to readers
    /// (and nothing is acknowledged) before the whole batch commits.
    pub fn insert_articles(
        &self,
        contents: &[ArticleContent],
        status: Status,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Result<i64, StoreError>>, StoreError> {
        self.writing(|tx| {
            let mut results = Vec::with_capacity(contents.len());
            for content in contents {
                let sp = tx.savepoint()?;
                match insert_in(&sp, content, status, note, now) {
                    Ok(id) => {
                        sp.commit()?;
                        results.push(Ok(id));
                    }
                    Err(e) => {
                        drop(sp); // rolls the savepoint back
                        if tx.is_autocommit() {
                            // SQLite rolled the whole batch back (a full disk, an I/O error):
                            // nothing of it is stored, so none of it may be acknowledged.
                            return Err(e);
                        }
                        results.push(Err(e));
                    }
                }
            }
            Ok(results)
        })
    }

    /// Replaces an article's content, keeping the previous state as a revision.
    ///
    /// With `expected_revision`, refuses to overwrite a newer save ([`StoreError::Conflict`]).
    pub fn update_article(
        &self,
        id: i64,
        content: &ArticleContent,
        expected_revision: Option<i64>,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<Article, StoreError> {
        self.writing(|tx| {
            update_in(tx, id, content, expected_revision, note, now)?;
            load(tx, id)
        })
    }

    /// Makes an old revision the current state again, as a new revision (nothing is lost).
    pub fn restore_revision(
        &self,
        id: i64,
        revision: i64,
        now: DateTime<Utc>,
    ) -> Result<Article, StoreError> {
        self.writing(|tx| {
            let old = load_revision(tx, id, revision)?;
            update_in(
                tx,
                id,
                &old.content,
                None,
                &format!("restore of revision {revision}"),
                now,
            )?;
            load(tx, id)
        })
    }

    /// Sets the workflow status, recorded as a new revision ("status: ready").
    pub fn set_status(
        &self,
        id: i64,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<Article, StoreError> {
        self.writing(|tx| {
            let article = load(tx, id)?;
            if article.trashed_at.is_some() {
                return Err(StoreError::InTrash(id));
            }
            tx.execute(
                "UPDATE articles SET status = ?2 WHERE id = ?1",
                params![id, status.as_str()],
            )?;
            update_in(
                tx,
                id,
                &article.content,
                None,
                &format!("status: {status}"),
                now,
            )?;
            load(tx, id)
        })
    }

    /// Sets the articles shown under "Weitere Meldungen", in order (each at most once, never
    /// the article itself; every id must exist).
    pub fn set_related(
        &self,
        id: i64,
        related: &[i64],
        now: DateTime<Utc>,
    ) -> Result<Article, StoreError> {
        self.writing(|tx| {
            load(tx, id)?;
            tx.execute("DELETE FROM article_related WHERE article_id = ?1", [id])?;
            let mut seen = std::collections::HashSet::new();
            for (position, other) in related.iter().enumerate() {
                if *other == id {
                    return Err(StoreError::Invalid(text!(
                        "article {id} cannot be related to itself",
                        "Artikel {id} kann nicht mit sich selbst verwandt sein."
                    )));
                }
                if !seen.insert(*other) {
                    continue;
                }
                load(tx, *other)?;
                tx.execute(
                    "INSERT INTO article_related (article_id, related_id, position)
                     VALUES (?1, ?2, ?3)",
                    params![id, other, position as i64],
                )?;
            }
            tx.execute(
                "UPDATE articles SET updated_at = ?2 WHERE id = ?1",
                params![id, ts(now)],
            )?;
            load(tx, id)
        })
    }

    /// Loads one article with all its parts.
    pub fn article(&self, id: i64) -> Result<Article, StoreError> {
        self.reading(|conn| load(conn, id))
    }

    /// The number of articles in the library (outside the trash).
    pub fn article_count(&self) -> Result<i64, StoreError> {
        self.reading(|conn| {
            Ok(conn.query_row(
                "SELECT count(*) FROM articles WHERE trashed_at IS NULL",
                [],
                |r| r.get(0),
            )?)
        })
    }
}
