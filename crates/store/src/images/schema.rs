//! The migrations of the image library's tables.
//!
//! Each is one entry of [`crate::migrations::MIGRATIONS`] (appended there in order, never
//! edited once released); they live beside the domain's table code, in a module of their
//! own that depends on nothing, so the list of migrations does not import the table code.

/// Migration 6 (kept beside the table it makes): the image library and library settings.
pub(crate) const IMAGES_MIGRATION: &str = r#"
CREATE TABLE images (
    id            INTEGER PRIMARY KEY,
    hash          TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
    file          TEXT NOT NULL,
    format        TEXT NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    bytes         INTEGER NOT NULL,
    phash         INTEGER NOT NULL,
    creator       TEXT,
    credit        TEXT,
    copyright     TEXT,
    source        TEXT,
    caption       TEXT,
    headline      TEXT,
    date_created  TEXT,
    city          TEXT,
    country       TEXT,
    usage_terms   TEXT,
    web_statement TEXT,
    licensor_url  TEXT,
    alt_text      TEXT,
    license       TEXT,
    expires       TEXT CHECK (expires IS NULL OR expires GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    from_file     TEXT NOT NULL DEFAULT '{}',
    imported_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX images_by_import ON images (imported_at DESC, id DESC);
CREATE INDEX images_by_expiry ON images (expires) WHERE expires IS NOT NULL;
CREATE TABLE image_tags (
    image_id  INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    tag_id    INTEGER NOT NULL REFERENCES tags (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (image_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX image_tags_by_tag ON image_tags (tag_id);
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
"#;
