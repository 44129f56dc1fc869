//! The tag vocabulary shared by all articles: one row per tag, case-insensitive
//! ("Thüringen" and "THÜRINGEN" are one tag), and each article's tags in order.

use rusqlite::{Connection, params};

use crate::StoreError;

/// The key that makes two spellings one tag.
pub(crate) fn tag_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// What carries tags from the vocabulary: articles (their tags) and pictures (their keywords),
/// each in its own link table of (owner, tag_id, position).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Tagged {
    Article,
    Image,
}

impl Tagged {
    /// (link table, owner column): fixed names, never user input.
    fn table(self) -> (&'static str, &'static str) {
        match self {
            Tagged::Article => ("article_tags", "article_id"),
            Tagged::Image => ("image_tags", "image_id"),
        }
    }
}

/// Replaces the tags of article `id` (adding new names to the vocabulary).
pub(crate) fn set_tags(tx: &Connection, id: i64, tags: &[String]) -> Result<(), StoreError> {
    set_tags_of(tx, Tagged::Article, id, tags)
}

/// Replaces the tags of `owner` `id`, in the order given (new names join the vocabulary).
pub(crate) fn set_tags_of(
    tx: &Connection,
    owner: Tagged,
    id: i64,
    names: &[String],
) -> Result<(), StoreError> {
    let (table, column) = owner.table();
    tx.prepare_cached(&format!("DELETE FROM {table} WHERE {column} = ?1"))?
        .execute([id])?;
    let mut insert = tx.prepare_cached(&format!(
        "INSERT INTO {table} ({column}, tag_id, position) SELECT ?1, id, ?2 FROM tags WHERE key = ?3"
    ))?;
    for (position, key) in vocabulary_keys(tx, names)?.into_iter().enumerate() {
        insert.execute(params![id, position as i64, key])?;
    }
    Ok(())
}

/// The keys of `names` in order, without blanks and repeats, each in the vocabulary (new
/// names are added as written).
fn vocabulary_keys(tx: &Connection, names: &[String]) -> Result<Vec<String>, StoreError> {
    let mut seen = std::collections::HashSet::new();
    let mut keys = Vec::new();
    for name in names {
        let key = tag_key(name);
        if key.is_empty() || !seen.insert(key.clone()) {
            continue;
        }
        tx.prepare_cached(
            "INSERT INTO tags (name, key) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        )?
        .execute(params![name.trim(), key])?;
        keys.push(key);
    }
    Ok(keys)
}

/// Adds `names` to the vocabulary (as written, blanks and repeats skipped); returns those it
/// did not know yet.
pub(crate) fn add_to_vocabulary(
    tx: &Connection,
    names: &[String],
) -> Result<Vec<String>, StoreError> {
    let mut added = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for name in names {
        let key = tag_key(name);
        if key.is_empty() || !seen.insert(key.clone()) {
            continue;
        }
        let inserted = tx.execute(
            "INSERT INTO tags (name, key) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            params![name.trim(), key],
        )?;
        if inserted > 0 {
            added.push(name.trim().to_string());
        }
    }
    Ok(added)
}

/// The tags of article `id`, in the editor's order, spelled as the vocabulary has them.
pub(crate) fn tags_of(conn: &Connection, id: i64) -> Result<Vec<String>, StoreError> {
    tags_of_owner(conn, Tagged::Article, id)
}

/// The tags of `owner` `id` in their order, spelled as the vocabulary has them.
pub(crate) fn tags_of_owner(
    conn: &Connection,
    owner: Tagged,
    id: i64,
) -> Result<Vec<String>, StoreError> {
    let (table, column) = owner.table();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.name FROM {table} a JOIN tags t ON t.id = a.tag_id
         WHERE a.{column} = ?1 ORDER BY a.position"
    ))?;
    let tags = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(tags)
}
