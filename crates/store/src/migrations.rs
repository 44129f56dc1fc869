//! The schema, as an append-only list of migrations.
//!
//! Never edit a migration that has been released: add a new one at the end. The test
//! `released_migrations_are_unchanged` pins the text of each released migration.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Migration `n` (1-based) brings a library from `user_version = n - 1` to `n`.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles with tags, images, links, related articles, revisions and the search index.
    r#"
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft','ready','scheduled','published','updated','withdrawn')),
    kicker      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL CHECK (title <> ''),
    type        TEXT NOT NULL DEFAULT '',
    section     TEXT NOT NULL DEFAULT '',
    date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    author      TEXT NOT NULL DEFAULT '',
    teaser      TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    extra       TEXT NOT NULL DEFAULT '{}',
    revision    INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX articles_by_status ON articles (status, date DESC);
CREATE INDEX articles_by_section ON articles (section, date DESC);
CREATE INDEX articles_by_date ON articles (date DESC);

-- The tag vocabulary; `key` is the lower-cased name, so "Thüringen" and "THÜRINGEN" are one tag.
CREATE TABLE tags (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    key   TEXT NOT NULL UNIQUE
);
CREATE TABLE article_tags (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

-- Pictures as the article shows them. `file` names the picture; the image library joins later.
CREATE TABLE article_images (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    file        TEXT NOT NULL DEFAULT '',
    caption     TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE TABLE article_links (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE TABLE article_related (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    related_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, related_id)
) WITHOUT ROWID;

-- Every save: the whole article as saved (JSON of ArticleContent), never changed afterwards.
CREATE TABLE revisions (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    saved_at    TEXT NOT NULL,
    status      TEXT NOT NULL,
    title       TEXT NOT NULL,
    words       INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    content     TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
) WITHOUT ROWID;

-- Search: rowid = articles.id. Trigrams find substrings, so "digitalisierung" finds
-- "Verwaltungsdigitalisierung"; case and diacritics are folded. `article_search` holds the
-- whole article; `article_head` only the headline parts (kicker, title, tags), small enough
-- to rank every hit by relevance even when a word stands in thousands of articles.
CREATE VIRTUAL TABLE article_search USING fts5 (
    kicker, title, teaser, body, tags,
    tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
);
CREATE VIRTUAL TABLE article_head USING fts5 (
    kicker, title, tags,
    tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
);
"#,
    // 2: the file says it is a Newsdesk library (restore and open check it).
    r#"
PRAGMA application_id = 1313100619;
"#,
    // 3: the trash.
    crate::articles::schema::TRASH_MIGRATION,
    // 4: search keys ordered by the articles' dates; both indexes rebuilt on them.
    crate::articles::schema::SEARCH_KEY_MIGRATION,
    // 5: indexes over the articles outside the trash (counts, sections, list pages).
    crate::articles::schema::LIVE_INDEX_MIGRATION,
    // 6: the image library (pictures, their keywords) and library settings.
    crate::images::schema::IMAGES_MIGRATION,
    // 7: editors' verdicts on tag suggestions.
    crate::tags::schema::TAG_VERDICTS_MIGRATION,
    // 8: the search index moves beside the library (trigram tables dropped), its queue.
    crate::articles::schema::SEARCH_INDEX_MIGRATION,
    // 9: portals, publications, the pictures each portal holds, the portals' sections.
    crate::publishing::schema::PORTALS_MIGRATION,
    // 10: the outbox.
    crate::publishing::schema::OUTBOX_MIGRATION,
    // 11: each portal's secret has a keyring entry of its own.
    crate::publishing::schema::PORTAL_SECRET_ID_MIGRATION,
    // 12: the outbox keeps the German of each job's reason.
    crate::publishing::schema::OUTBOX_GERMAN_MIGRATION,
    // 13: slug, description, social picture, embargo (articles and pictures), corrections.
    crate::articles::schema::PUBLISHING_FIELDS_MIGRATION,
    // 14: the newest revision is the article itself; older ones compressed, in a rowid table.
    crate::articles::schema::COMPACT_REVISIONS_MIGRATION,
    // 15: the queue of changed articles the saved tag model learns from.
    crate::tags::schema::TAG_MODEL_QUEUE_MIGRATION,
];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the library to the latest schema, each migration in its own transaction.
///
/// Each transaction starts as the writer (`BEGIN IMMEDIATE`) and reads the version inside it,
/// so two processes opening a new library at once migrate it once. Refuses (and leaves
/// untouched) a library whose schema is newer than this build knows.
pub(crate) fn migrate(conn: &mut Connection, path: &std::path::Path) -> Result<(), StoreError> {
    // Up to date (the usual case): no write lock, so opening never waits for a writer.
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found == latest() {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > latest() {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                known: latest(),
            });
        }
        let Some(sql) = MIGRATIONS.get(found as usize) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", found + 1)?;
        tx.commit()?;
    }
}

/// The schema objects (type, name, SQL) of a database, sorted.
fn schema(conn: &Connection) -> Result<Vec<(String, String, String)>, StoreError> {
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// How the schema of `conn` differs from the one Newsdesk's migrations make at `version`:
/// each object too many, missing or changed, in words; empty when it is exactly Newsdesk's.
pub(crate) fn differences(conn: &Connection, version: i64) -> Result<Vec<String>, StoreError> {
    let reference = Connection::open_in_memory()?;
    for sql in MIGRATIONS.iter().take(version.max(0) as usize) {
        reference.execute_batch(sql)?;
    }
    let expected = schema(&reference)?;
    let found = schema(conn)?;
    let mut problems = Vec::new();
    for (kind, name, sql) in &found {
        match expected.iter().find(|(k, n, _)| k == kind && n == name) {
            None => problems.push(format!(
                "it has a {kind} '{name}' that Newsdesk does not make"
            )),
            Some((_, _, want)) if want != sql => {
                problems.push(format!("its {kind} '{name}' is defined differently"))
            }
            Some(_) => {}
        }
    }
    for (kind, name, _) in &expected {
        if !found.iter().any(|(k, n, _)| k == kind && n == name) {
            problems.push(format!("it lacks the {kind} '{name}'"));
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a, enough to notice an edited migration.
    fn fingerprint(text: &str) -> u64 {
        newsdesk_model::fnv1a(text.bytes())
    }

    #[test]
    fn released_migrations_are_unchanged() {
        // Append the fingerprint of each migration when it is released; never change one.
        let released: &[u64] = &[
            0x89b3ca81bd0cb4b2,
            0xe3070d451e017442,
            0x9a20c17a651229e9,
            0xed36df43959ad641,
            0xa5f04b826a48870b,
            0xb839361985a55a6f,
            0x67ed5ef3233ab5f7,
            0xcadbb87461500a5f,
            0x751ad454a4be477f,
            0x4126db95e0bc0bdc,
        ];
        for (index, expected) in released.iter().enumerate() {
            assert_eq!(
                fingerprint(MIGRATIONS[index]),
                *expected,
                "migration {} was edited after release; add a new migration instead",
                index + 1
            );
        }
    }
}
