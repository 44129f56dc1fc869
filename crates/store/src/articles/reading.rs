//! Reading a whole article: its row (the body unpacked) and its tags, pictures, links and
//! related articles.

use std::collections::BTreeMap;

use newsdesk_model::{Article, ArticleContent, ImageRef, Link};
use rusqlite::{Connection, OptionalExtension, Row};

use crate::StoreError;
use crate::codec::{parse_date, parse_status, parse_ts};
use crate::packed::Packed;
use crate::tags::vocabulary::tags_of;

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
            body: row.get::<_, Packed>("body")?.0,
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

/// The rows of one of an article's part tables, in their stored order.
pub(crate) fn ordered_rows<T>(
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
