//! The migrations of the articles' tables beyond migration 1: the trash, the search keys, the live
//! index of the list, the search index's queue.
//!
//! Each is one entry of [`crate::migrations::MIGRATIONS`] (appended there in order, never
//! edited once released); they live beside the domain's table code, in a module of their
//! own that depends on nothing, so the list of migrations does not import the table code.

/// Migration 3 (kept beside the table it changes): the trash. Nothing is deleted at once;
/// an article in the trash keeps its status and history and leaves the search index.
pub(crate) const TRASH_MIGRATION: &str = r#"
ALTER TABLE articles ADD COLUMN trashed_at TEXT;
CREATE INDEX articles_in_trash ON articles (trashed_at) WHERE trashed_at IS NOT NULL;
"#;

/// Migration 4 (beside the index code it serves): search keys for every article, and both
/// indexes rebuilt on them.
pub(crate) const SEARCH_KEY_MIGRATION: &str = r#"
ALTER TABLE articles ADD COLUMN search_key INTEGER;
UPDATE articles SET search_key =
    CAST(julianday(coalesce(date, substr(created_at, 1, 10))) - 2440587.5 AS INTEGER) * 4294967296
    + id;
CREATE UNIQUE INDEX articles_by_search_key ON articles (search_key);
DELETE FROM article_search;
DELETE FROM article_head;
INSERT INTO article_head (rowid, kicker, title, tags)
    SELECT a.search_key, a.kicker, a.title,
           coalesce((SELECT group_concat(name, ' · ') FROM
                        (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.article_id = a.id ORDER BY at.position)), '')
    FROM articles a WHERE a.trashed_at IS NULL;
INSERT INTO article_search (rowid, kicker, title, teaser, body, tags)
    SELECT a.search_key, a.kicker, a.title, a.teaser, a.body,
           coalesce((SELECT group_concat(name, ' · ') FROM
                        (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.article_id = a.id ORDER BY at.position)), '')
    FROM articles a WHERE a.trashed_at IS NULL;
"#;

/// Migration 5 (beside the queries it serves): indexes over the articles outside the trash,
/// so that the counts, the sections and the first page of the list read an index instead of
/// the whole table (0.2 s → 15 ms for the counts, 0.15 s → under 1 ms for a page, at 100,000).
pub(crate) const LIVE_INDEX_MIGRATION: &str = r#"
CREATE INDEX articles_live_by_date ON articles (date DESC, updated_at DESC, id DESC)
    WHERE trashed_at IS NULL;
CREATE INDEX articles_live_by_status ON articles (status, date DESC, updated_at DESC, id DESC)
    WHERE trashed_at IS NULL;
CREATE INDEX articles_live_by_section ON articles (section) WHERE trashed_at IS NULL;
"#;

/// Migration 8 (beside the code it serves): the relevance index moves out of the library
/// into `<library>.search/` (tantivy over the analysed text, rebuilt on the next open), so the
/// two trigram tables go; the queue of articles whose index entry is to be written, and the
/// id that tells this library's index from another's.
pub(crate) const SEARCH_INDEX_MIGRATION: &str = r#"
DROP TABLE article_search;
DROP TABLE article_head;
CREATE TABLE search_pending (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL
);
INSERT INTO settings (key, value) VALUES ('search_index_id', lower(hex(randomblob(16))));
"#;

/// Migration 12: what a news desk must get right when publishing — the post's own address
/// (slug), its meta description and social-card picture, the embargo (Sperrfrist) of an
/// article and of a picture, and an article's corrections. A `slug` or `description` that an
/// imported file carried among its unknown front-matter keys becomes the field.
pub(crate) const PUBLISHING_FIELDS_MIGRATION: &str = r#"
ALTER TABLE articles ADD COLUMN slug TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN social_image TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN embargo_until TEXT;
ALTER TABLE articles ADD COLUMN corrections TEXT NOT NULL DEFAULT '[]';
ALTER TABLE images ADD COLUMN embargo_until TEXT;
UPDATE articles SET slug = json_extract(extra, '$.slug'), extra = json_remove(extra, '$.slug')
 WHERE json_type(extra, '$.slug') = 'text';
UPDATE articles SET description = json_extract(extra, '$.description'),
       extra = json_remove(extra, '$.description')
 WHERE json_type(extra, '$.description') = 'text';
CREATE INDEX articles_embargoed ON articles (embargo_until) WHERE embargo_until IS NOT NULL;
CREATE INDEX images_embargoed ON images (embargo_until) WHERE embargo_until IS NOT NULL;
"#;

/// Migration 14: revisions kept compactly. The newest revision of an article is the article
/// itself (its content is NULL and read from the article's row: an import stores each text
/// once); a revision's content is written when the next save replaces it, compressed
/// ([`crate::packed`]). A rowid table, so that a compressed revision of a usual article fits
/// in its page instead of spilling into overflow pages as a WITHOUT ROWID row does above a
/// quarter page. Older revisions stay as they were stored (plain JSON); readers take both.
pub(crate) const COMPACT_REVISIONS_MIGRATION: &str = r#"
CREATE TABLE revisions_compact (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    saved_at    TEXT NOT NULL,
    status      TEXT NOT NULL,
    title       TEXT NOT NULL,
    words       INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    content     BLOB,
    UNIQUE (article_id, revision)
);
INSERT INTO revisions_compact (article_id, revision, saved_at, status, title, words, note, content)
    SELECT r.article_id, r.revision, r.saved_at, r.status, r.title, r.words, r.note,
           CASE WHEN r.revision = a.revision THEN NULL ELSE r.content END
    FROM revisions r LEFT JOIN articles a ON a.id = r.article_id
    ORDER BY r.article_id, r.revision;
DROP TABLE revisions;
ALTER TABLE revisions_compact RENAME TO revisions;
"#;
