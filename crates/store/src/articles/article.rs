//! Saving and loading whole articles (the `articles` row and its tags, images, links).

use newsdesk_model::text;

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, ArticleContent, Status, limits};
use rusqlite::{Connection, OptionalExtension, params};

use crate::articles::index_queue::{index_article, queue, search_key};
pub(crate) use crate::articles::reading::load;
use crate::articles::revisions::{insert_revision, keep_content, load_revision};
use crate::codec::{date_text, parse_status, ts};
use crate::packed::pack;
use crate::tags::vocabulary::set_tags;
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

/// Writes the article's tags, pictures and links (replacing what an existing article had).
fn write_parts(
    tx: &Connection,
    id: i64,
    content: &ArticleContent,
    existing: bool,
) -> Result<(), StoreError> {
    if existing {
        run(tx, "DELETE FROM article_images WHERE article_id = ?1", [id])?;
        run(tx, "DELETE FROM article_links WHERE article_id = ?1", [id])?;
    }
    set_tags(tx, id, &content.tags)?;
    for (position, image) in content.images.iter().enumerate() {
        run(
            tx,
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
        run(
            tx,
            "INSERT INTO article_links (article_id, position, title, url, kind)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, position as i64, link.title, link.url, link.kind],
        )?;
    }
    Ok(())
}

/// Runs one statement through the connection's statement cache (an import runs each a
/// hundred thousand times).
fn run(tx: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<usize, StoreError> {
    Ok(tx.prepare_cached(sql)?.execute(params)?)
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
    // The id chosen here (as SQLite would: one past the largest), so that the row is written
    // once with its search key and every field.
    let id: i64 = tx
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM articles")?
        .query_row([], |r| r.get(0))?;
    run(
        tx,
        "INSERT INTO articles (id, status, kicker, title, type, section, date, author, teaser,
                               body, extra, revision, created_at, updated_at, search_key, slug,
                               description, social_image, embargo_until, corrections)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18)",
        params![
            id,
            status.as_str(),
            content.kicker,
            content.title,
            content.kind,
            content.section,
            date_text(content.date),
            content.author,
            content.teaser,
            pack(&content.body),
            extra_json(content),
            ts(now),
            search_key(id, content.date, now),
            content.slug,
            content.description,
            content.social_image,
            content.embargo.map(ts),
            corrections_json(id, content)?,
        ],
    )?;
    write_parts(tx, id, content, false)?;
    queue(tx, id)?;
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
    // The revision being replaced was the article itself: it keeps its content now.
    keep_content(tx, id, current, &load(tx, id)?.content)?;
    let next = current + 1;
    run(
        tx,
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
            pack(&content.body),
            extra_json(content),
            next,
            ts(now),
        ],
    )?;
    write_parts(tx, id, content, true)?;
    index_article(tx, id, content)?;
    write_publishing_fields(tx, id, content)?;
    insert_revision(tx, id, next, parse_status(&status)?, content, note, now)?;
    Ok(())
}

fn corrections_json(id: i64, content: &ArticleContent) -> Result<String, StoreError> {
    serde_json::to_string(&content.corrections)
        .map_err(|e| StoreError::Corrupt(format!("corrections of article {id}: {e}")))
}

/// The fields of the post's address and the desk's rules: slug, description, social picture,
/// embargo and corrections.
fn write_publishing_fields(
    tx: &Connection,
    id: i64,
    content: &ArticleContent,
) -> Result<(), StoreError> {
    let corrections = corrections_json(id, content)?;
    run(
        tx,
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
        self.insert_articles_indexed(contents, status, note, now, true)
    }

    /// As [`Store::insert_articles`]; with `index` false the articles wait in the search
    /// index's queue until [`Store::index_queued`] (an import indexes once at its end).
    pub fn insert_articles_indexed(
        &self,
        contents: &[ArticleContent],
        status: Status,
        note: &str,
        now: DateTime<Utc>,
        index: bool,
    ) -> Result<Vec<Result<i64, StoreError>>, StoreError> {
        self.writing_indexed(index, |tx| {
            let mut results = Vec::with_capacity(contents.len());
            for content in contents {
                // A savepoint per article (the statements cached: an import runs them for
                // every article), so that one refused article leaves the others stored.
                run(tx, "SAVEPOINT one_article", [])?;
                match insert_in(tx, content, status, note, now) {
                    Ok(id) => {
                        run(tx, "RELEASE one_article", [])?;
                        results.push(Ok(id));
                    }
                    Err(e) => {
                        if tx.is_autocommit() {
                            // SQLite rolled the whole batch back (a full disk, an I/O error):
                            // nothing of it is stored, so none of it may be acknowledged.
                            return Err(e);
                        }
                        run(tx, "ROLLBACK TO one_article", [])?;
                        run(tx, "RELEASE one_article", [])?;
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
            run(
                tx,
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
                run(
                    tx,
                    "INSERT INTO article_related (article_id, related_id, position)
                     VALUES (?1, ?2, ?3)",
                    params![id, other, position as i64],
                )?;
            }
            run(
                tx,
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
