//! Keeping the search index (`newsdesk_search::TextIndex`, beside the library) in step with
//! the library, which stays the truth: the queue of articles to index, applying it within
//! its budget, and rebuilding.
//!
//! - Every write that changes what an article shows to search (save, trash, a library
//!   picture's caption) adds the article's id to `search_pending` **in the same transaction**.
//! - After the transaction commits, the writer applies the queue to the index: it takes the
//!   index's lock (another process may hold it: then it waits, and at worst leaves the queue
//!   for later), reads the queued articles in one snapshot, commits the index, and only then
//!   deletes the queue rows it applied (`seq <=` the last one it saw, so a change queued
//!   meanwhile stays). A crash anywhere in between leaves the rows queued: the next write or
//!   search applies them again (putting an article twice is harmless).
//! - Applying the queue has a time budget ([`INDEX_QUEUE_BUDGET`]), checked
//!   between articles: what is left stays queued for the next write or search. Opening the
//!   library never applies the queue, so no article — however costly to analyse — can keep
//!   the library from opening (the analysis itself is bounded: [`MAX_WORD_CHARS`],
//!   [`MAX_ANALYSED_BODY_BYTES`]).
//! - The index's last commit carries a stamp: the index schema and a fingerprint of the
//!   analysis ([`INDEX_VERSION`]) and the library's `search_index_id` (a random id in `settings`, new after a restore). When the
//!   stamp is not what the library expects, or the index is missing or unreadable, the whole
//!   index is rebuilt from the library.
//!
//! [`MAX_WORD_CHARS`]: newsdesk_model::limits::MAX_WORD_CHARS
//! [`MAX_ANALYSED_BODY_BYTES`]: newsdesk_model::limits::MAX_ANALYSED_BODY_BYTES
//! [`INDEX_QUEUE_BUDGET`]: newsdesk_model::limits::INDEX_QUEUE_BUDGET
//!
//! The article's **day** (its date, or its creation day when it has none) comes from the
//! search key of migration 4: days since 1970 shifted left 32 bits, plus the id.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_model::limits::analysed_part;
use newsdesk_model::{ArticleContent, CONTENT_ADDRESS_PREFIX};
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;
use crate::codec::parse_ts;
use crate::packed::Packed;
use crate::tags::vocabulary::tags_of;
use newsdesk_search::{INDEX_VERSION, IndexUpdate, IndexedArticle, Stamp, TextIndex};

const ID_BITS: u32 = 32;

/// The index key of article `id` dated `date` (or created at `created`).
pub(crate) fn search_key(id: i64, date: Option<NaiveDate>, created: DateTime<Utc>) -> i64 {
    let day = date.unwrap_or_else(|| created.date_naive());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (day - epoch).num_days() * (1i64 << ID_BITS) + id
}

/// The day (since 1970) a search key stands for.
pub(crate) fn key_day(key: i64) -> i64 {
    key.div_euclid(1i64 << ID_BITS)
}

/// Queues article `id` for the search index and the tag model (inside the transaction that
/// changed it).
pub(crate) fn queue(tx: &Connection, id: i64) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO search_pending (article_id) VALUES (?1)")?
        .execute([id])?;
    tx.prepare_cached("INSERT INTO tag_model_pending (article_id) VALUES (?1)")?
        .execute([id])?;
    Ok(())
}

/// Queues every article that shows library picture `image_id` (its caption or credits
/// changed).
pub(crate) fn queue_articles_showing(tx: &Connection, image_id: i64) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO search_pending (article_id)
         SELECT DISTINCT a.article_id FROM article_images a JOIN images i ON i.id = ?1
         WHERE a.file LIKE ?2 || '%' AND lower(substr(a.file, ?3)) = i.hash",
    )?
    .execute(params![
        image_id,
        CONTENT_ADDRESS_PREFIX,
        CONTENT_ADDRESS_PREFIX.len() as i64 + 1
    ])?;
    Ok(())
}

/// Takes article `id` out of the search (it went to the trash).
pub(crate) fn remove_from_index(tx: &Connection, id: i64) -> Result<(), StoreError> {
    queue(tx, id)
}

/// Records the article's new search key and queues it for the index (its row must exist).
pub(crate) fn index_article(
    tx: &Connection,
    id: i64,
    content: &ArticleContent,
) -> Result<(), StoreError> {
    let created: String = tx
        .prepare_cached("SELECT created_at FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let key = search_key(id, content.date, parse_ts(&created)?);
    tx.prepare_cached("UPDATE articles SET search_key = ?2 WHERE id = ?1")?
        .execute(params![id, key])?;
    queue(tx, id)
}

/// What article `id` gives the index, read from the library; `None` when it is in the trash
/// or gone.
pub(crate) fn indexed_article(
    conn: &Connection,
    id: i64,
) -> Result<Option<IndexedArticle>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT kicker, title, teaser, body, search_key FROM articles
             WHERE id = ?1 AND trashed_at IS NULL",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Packed>(3)?.0,
                r.get::<_, Option<i64>>(4)?,
            ))
        })
        .optional()?;
    let Some((kicker, title, teaser, mut body, key)) = row else {
        return Ok(None);
    };
    body.truncate(analysed_part(&body).len());
    Ok(Some(IndexedArticle {
        id,
        day: key.map(key_day).unwrap_or_default(),
        kicker,
        title,
        tags: tags_of(conn, id)?,
        teaser,
        captions: captions_of(conn, id)?,
        body,
    }))
}

/// The captions, credits and alt texts of article `id`'s pictures; for a picture of the
/// image library also the library's caption, headline and credits.
pub(crate) fn captions_of(conn: &Connection, id: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.caption, a.credit, a.alt,
                coalesce(i.caption, ''), coalesce(i.headline, ''), coalesce(i.credit, ''),
                coalesce(i.creator, ''), coalesce(i.source, '')
         FROM article_images a
         LEFT JOIN images i ON a.file LIKE ?2 || '%' AND i.hash = lower(substr(a.file, ?3))
         WHERE a.article_id = ?1 ORDER BY a.position",
    )?;
    let rows = stmt.query_map(
        params![
            id,
            CONTENT_ADDRESS_PREFIX,
            CONTENT_ADDRESS_PREFIX.len() as i64 + 1
        ],
        |r| {
            let mut texts = Vec::with_capacity(8);
            for i in 0..8 {
                let text: String = r.get(i)?;
                if !text.trim().is_empty() && !texts.contains(&text) {
                    texts.push(text);
                }
            }
            Ok(texts)
        },
    )?;
    let mut captions = Vec::new();
    for texts in rows {
        captions.extend(texts?);
    }
    Ok(captions)
}

/// The library's search index id (new after a restore).
pub(crate) fn library_id(conn: &Connection) -> Result<String, StoreError> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'search_index_id'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default())
}

/// The stamp the index of this library must carry (loads the analyzer, for its fingerprint).
pub(crate) fn expected_stamp(conn: &Connection) -> Result<Stamp, StoreError> {
    Ok(Stamp {
        schema: INDEX_VERSION.clone(),
        library: library_id(conn)?,
    })
}

/// Whether any article waits for the index.
pub(crate) fn has_pending(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM search_pending)")?
        .query_row([], |r| r.get(0))?)
}

/// What [`sync`] should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sync {
    /// Apply the queue, if any, for at most the given time (checked between articles; at
    /// least one article is applied).
    Queued(Duration),
    /// Rebuild the whole index from the library.
    Rebuild,
}

/// Whether `index` was made for the library on `conn` (its stamp names the library and the
/// index schema; the analysis's fingerprint is checked at the first search, not to load the
/// analyzer at every open). An index that is not is rebuilt.
pub(crate) fn index_is_for_library(
    conn: &Connection,
    index: &TextIndex,
) -> Result<bool, StoreError> {
    let library = library_id(conn)?;
    Ok(index.stamp()?.is_some_and(|s| s.is_for(&library)))
}

/// Takes the index's writer, waiting up to `wait`: one indexing thread per core when `many`
/// articles are to be written (a rebuild, the end of an import), else one.
fn writer(
    index: &TextIndex,
    wait: Duration,
    many: bool,
) -> Result<Option<IndexUpdate<'_>>, StoreError> {
    Ok(match many {
        true => index.bulk_writer(wait)?,
        false => index.writer(wait)?,
    })
}

/// The newest point of the search index's queue.
fn last_queued(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(seq), 0) FROM search_pending")?
        .query_row([], |r| r.get(0))?)
}

/// Deletes the queue up to `last` (the index holds it).
pub(crate) fn forget_queued_up_to(conn: &Connection, last: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM search_pending WHERE seq <= ?1")?
        .execute([last])?;
    Ok(())
}

/// Rebuilds `index` whole from the library read through `conn` (a rebuild in the background
/// passes a connection of its own, so that the library's other connections go on while it
/// reads one snapshot for as long as the rebuild takes), calling `progress` with the articles
/// done and their number. Returns the last point of the queue the rebuilt index holds (the
/// queue up to there may go), or `None` when another process held the index's lock for all
/// of `wait`.
pub(crate) fn rebuild(
    conn: &Connection,
    index: &TextIndex,
    wait: Duration,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Option<i64>, StoreError> {
    let many: bool = conn
        .prepare_cached("SELECT count(*) > ?1 FROM articles WHERE trashed_at IS NULL")?
        .query_row([BULK_FROM], |r| r.get(0))?;
    let Some(mut update) = writer(index, wait, many)? else {
        return Ok(None);
    };
    let snapshot = conn.unchecked_transaction()?;
    let stamp = expected_stamp(&snapshot)?;
    let last = last_queued(&snapshot)?;
    rebuild_into(&snapshot, &mut update, progress)?;
    snapshot.commit()?;
    update.commit(&stamp)?;
    Ok(Some(last))
}

/// [`rebuild`] on `conn`, then the queue it holds forgotten.
fn rebuild_in_place(
    conn: &Connection,
    index: &TextIndex,
    wait: Duration,
) -> Result<bool, StoreError> {
    let Some(last) = rebuild(conn, index, wait, &mut |_, _| {})? else {
        return Ok(false);
    };
    forget_queued_up_to(conn, last)?;
    Ok(true)
}

/// Brings `index` up to date with the library on `conn` (which may write: it deletes the
/// queue rows it applied). Returns false when another process held the index's lock for all
/// of `wait`, or when the time budget ran out before the queue was empty: the rest of the
/// queue then stays for later.
pub(crate) fn sync(
    conn: &Connection,
    index: &TextIndex,
    how: Sync,
    wait: Duration,
) -> Result<bool, StoreError> {
    let budget = match how {
        Sync::Rebuild => return rebuild_in_place(conn, index, wait),
        Sync::Queued(budget) => budget,
    };
    if !has_pending(conn)? {
        return Ok(true);
    }
    let many: bool = conn
        .prepare_cached("SELECT count(*) > ?1 FROM search_pending")?
        .query_row([BULK_FROM], |r| r.get(0))?;
    let Some(mut update) = writer(index, wait, many)? else {
        return Ok(false);
    };
    // One snapshot for the queue and the articles; taken after the lock, so it is at least as
    // new as what the previous holder of the lock wrote.
    let snapshot = conn.unchecked_transaction()?;
    let stamp = expected_stamp(&snapshot)?;
    if index.stamp()?.as_ref() != Some(&stamp) {
        // Entries of another analysis or library must not be added to: all is rebuilt.
        drop(snapshot);
        drop(update);
        return rebuild_in_place(conn, index, wait);
    }
    let last = last_queued(&snapshot)?;
    let ids: Vec<i64> = snapshot
        .prepare(
            "SELECT article_id FROM search_pending WHERE seq <= ?1
             GROUP BY article_id ORDER BY min(seq)",
        )?
        .query_map([last], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Ok(true);
    }
    let started = Instant::now();
    let mut done = Vec::with_capacity(ids.len());
    for &id in &ids {
        if !done.is_empty() && started.elapsed() >= budget {
            break;
        }
        match indexed_article(&snapshot, id)? {
            Some(article) => update.put(&article)?,
            None => update.remove(id),
        }
        done.push(id);
    }
    snapshot.commit()?;
    update.commit(&stamp)?;
    if done.len() == ids.len() {
        forget_queued_up_to(conn, last)?;
        return Ok(true);
    }
    // The budget ran out: only the rows of the articles written go; the rest waits.
    let tx = conn.unchecked_transaction()?;
    {
        let mut delete =
            tx.prepare("DELETE FROM search_pending WHERE article_id = ?1 AND seq <= ?2")?;
        for id in done {
            delete.execute(params![id, last])?;
        }
    }
    tx.commit()?;
    Ok(false)
}

/// Puts every article outside the trash into an emptied index, calling `progress` with the
/// articles done and their number (every [`PROGRESS_EVERY`] and at the end).
fn rebuild_into(
    conn: &Connection,
    update: &mut IndexUpdate<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), StoreError> {
    update.clear()?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM articles WHERE trashed_at IS NULL ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    progress(0, ids.len());
    for (done, &id) in ids.iter().enumerate() {
        if let Some(article) = indexed_article(conn, id)? {
            update.add(&article)?;
        }
        if (done + 1) % PROGRESS_EVERY == 0 {
            progress(done + 1, ids.len());
        }
    }
    progress(ids.len(), ids.len());
    Ok(())
}

/// Articles between two reports of a rebuild's progress.
const PROGRESS_EVERY: usize = 1000;

/// Queued articles from which the index is written by an indexing thread per core.
const BULK_FROM: i64 = 1000;

/// How long a rebuild or a bulk writer waits for another process's index writer; a search
/// waits less and then answers from the index as it is.
pub(crate) const WRITE_WAIT: Duration = Duration::from_secs(15);
pub(crate) const SEARCH_WAIT: Duration = Duration::from_secs(1);
/// How long a save, already committed, waits for another process's index writer (an import
/// indexing its articles) before leaving its change queued for the next write or search: an
/// editor's "Gespeichert" does not wait for someone else's import.
pub(crate) const SAVED_WAIT: Duration = Duration::from_millis(500);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use newsdesk_model::Status;

    fn pending(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))
            .unwrap_or(-1)
    }

    #[test]
    fn a_spent_budget_leaves_the_rest_queued_and_each_sync_moves_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("library.sqlite")).expect("open");
        let mut ids = Vec::new();
        for title in ["Eins", "Zwei", "Drei"] {
            let content = ArticleContent {
                title: title.into(),
                ..Default::default()
            };
            ids.push(
                store
                    .insert_article(&content, Status::Draft, "", Utc::now())
                    .expect("insert")
                    .id,
            );
        }
        let conn = store.write();
        for &id in &ids {
            queue(&conn, id).expect("queue");
        }
        queue(&conn, ids[0]).expect("queued twice");
        let index = store.text_index();
        let no_time = Sync::Queued(Duration::ZERO);
        assert_eq!(
            sync(&conn, &index, no_time, WRITE_WAIT).ok(),
            Some(false),
            "with no time left one article is still applied, the rest waits"
        );
        assert_eq!(pending(&conn), 2, "both rows of the first article went");
        assert_eq!(sync(&conn, &index, no_time, WRITE_WAIT).ok(), Some(false));
        assert_eq!(pending(&conn), 1);
        assert_eq!(
            sync(&conn, &index, no_time, WRITE_WAIT).ok(),
            Some(true),
            "the last one empties the queue"
        );
        assert_eq!(pending(&conn), 0);
        assert_eq!(index.article_count().ok(), Some(3));
    }

    #[test]
    fn keys_order_by_date_then_id_and_give_the_day_back() {
        let created = DateTime::<Utc>::UNIX_EPOCH;
        let old = search_key(900, NaiveDate::from_ymd_opt(2018, 12, 13), created);
        let new = search_key(3, NaiveDate::from_ymd_opt(2024, 4, 23), created);
        let ancient = search_key(5, NaiveDate::from_ymd_opt(1949, 5, 23), created);
        assert!(new > old && old > ancient, "newer dates sort higher");
        assert_eq!(
            key_day(search_key(7, None, created)),
            0,
            "1970-01-01 is day 0"
        );
        assert_eq!(
            key_day(ancient),
            (NaiveDate::from_ymd_opt(1949, 5, 23).unwrap_or_default()
                - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default())
            .num_days(),
            "days before 1970 too"
        );
    }
}
