//! Saving and loading whole articles (the `articles` row and its tags, images, links).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_model::{Article, ArticleContent, ImageRef, Link, Status};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::revisions::insert_revision;
use crate::{Store, StoreError};

pub(crate) fn ts(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn parse_ts(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("timestamp '{text}' is not RFC 3339")))
}

pub(crate) fn parse_date(text: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|_| StoreError::Corrupt(format!("date '{t}' is not YYYY-MM-DD")))
    })
    .transpose()
}

pub(crate) fn parse_status(text: &str) -> Result<Status, StoreError> {
    text.parse()
        .map_err(|e| StoreError::Corrupt(format!("article status: {e}")))
}

fn validate(content: &ArticleContent) -> Result<(), StoreError> {
    if content.title.trim().is_empty() {
        return Err(StoreError::Invalid("an article needs a title".into()));
    }
    Ok(())
}

pub(crate) fn words(body: &str) -> i64 {
    body.split_whitespace().count() as i64
}

/// The text the search index holds for the article's tags.
fn tag_text(tags: &[String]) -> String {
    tags.join(" · ")
}

fn write_parts(tx: &Connection, id: i64, content: &ArticleContent) -> Result<(), StoreError> {
    for table in ["article_tags", "article_images", "article_links"] {
        tx.execute(&format!("DELETE FROM {table} WHERE article_id = ?1"), [id])?;
    }
    let mut seen = std::collections::HashSet::new();
    for (position, name) in content.tags.iter().enumerate() {
        let key = name.trim().to_lowercase();
        if key.is_empty() || !seen.insert(key.clone()) {
            continue;
        }
        tx.execute(
            "INSERT INTO tags (name, key) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            params![name.trim(), key],
        )?;
        tx.execute(
            "INSERT INTO article_tags (article_id, tag_id, position)
             SELECT ?1, id, ?2 FROM tags WHERE key = ?3",
            params![id, position as i64, key],
        )?;
    }
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
    tx.execute("DELETE FROM article_search WHERE rowid = ?1", [id])?;
    tx.execute("DELETE FROM article_head WHERE rowid = ?1", [id])?;
    tx.execute(
        "INSERT INTO article_head (rowid, kicker, title, tags) VALUES (?1, ?2, ?3, ?4)",
        params![id, content.kicker, content.title, tag_text(&content.tags)],
    )?;
    tx.execute(
        "INSERT INTO article_search (rowid, kicker, title, teaser, body, tags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            content.kicker,
            content.title,
            content.teaser,
            content.body,
            tag_text(&content.tags)
        ],
    )?;
    Ok(())
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
            content.date.map(|d| d.format("%Y-%m-%d").to_string()),
            content.author,
            content.teaser,
            content.body,
            extra_json(content),
            ts(now),
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_parts(tx, id, content)?;
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
    let (current, status): (i64, String) = tx
        .query_row(
            "SELECT revision, status FROM articles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(StoreError::ArticleNotFound(id))?;
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
            content.date.map(|d| d.format("%Y-%m-%d").to_string()),
            content.author,
            content.teaser,
            content.body,
            extra_json(content),
            next,
            ts(now),
        ],
    )?;
    write_parts(tx, id, content)?;
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
            extra: BTreeMap::new(),
        },
        row.get("extra")?,
        row.get("date")?,
    ))
}

pub(crate) fn tags_of(conn: &Connection, id: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM article_tags a JOIN tags t ON t.id = a.tag_id
         WHERE a.article_id = ?1 ORDER BY a.position",
    )?;
    let tags = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(tags)
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
            Ok((content, extra, date, status, revision, created, updated))
        })
        .optional()?
        .ok_or(StoreError::ArticleNotFound(id))?;
    let (mut content, extra, date, status, revision, created, updated) = row;
    content.date = parse_date(date)?;
    content.extra = serde_json::from_str(&extra)
        .map_err(|e| StoreError::Corrupt(format!("extra fields of article {id}: {e}")))?;
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
        let mut conn = self.write();
        let tx = conn.transaction()?;
        let id = insert_in(&tx, content, status, note, now)?;
        tx.commit()?;
        load(&conn, id)
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
        let mut conn = self.write();
        let mut tx = conn.transaction()?;
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
                    results.push(Err(e));
                }
            }
        }
        tx.commit()?;
        Ok(results)
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
        let mut conn = self.write();
        let tx = conn.transaction()?;
        update_in(&tx, id, content, expected_revision, note, now)?;
        tx.commit()?;
        load(&conn, id)
    }

    /// Loads one article with all its parts.
    pub fn article(&self, id: i64) -> Result<Article, StoreError> {
        load(&self.read(), id)
    }

    /// The number of articles in the library.
    pub fn article_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .read()
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }
}
