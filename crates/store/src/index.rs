//! Writing an article into the two search indexes (see [`crate::search`] for reading).

use newsdesk_model::ArticleContent;
use rusqlite::{Connection, params};

use crate::StoreError;

/// The text the search index holds for the article's tags.
fn tag_text(tags: &[String]) -> String {
    tags.join(" · ")
}

/// Takes article `id` out of both indexes (it went to the trash).
pub(crate) fn remove_from_index(tx: &Connection, id: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM article_search WHERE rowid = ?1", [id])?;
    tx.execute("DELETE FROM article_head WHERE rowid = ?1", [id])?;
    Ok(())
}

/// Replaces what the indexes hold for article `id`.
pub(crate) fn index_article(
    tx: &Connection,
    id: i64,
    content: &ArticleContent,
) -> Result<(), StoreError> {
    remove_from_index(tx, id)?;
    let tags = tag_text(&content.tags);
    tx.execute(
        "INSERT INTO article_head (rowid, kicker, title, tags) VALUES (?1, ?2, ?3, ?4)",
        params![id, content.kicker, content.title, tags],
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
            tags
        ],
    )?;
    Ok(())
}
