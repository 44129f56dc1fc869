//! The migrations of what editors accepted and rejected of the tag suggestions.
//!
//! Each is one entry of [`crate::migrations::MIGRATIONS`] (appended there in order, never
//! edited once released); they live beside the domain's table code, in a module of their
//! own that depends on nothing, so the list of migrations does not import the table code.

/// Migration 7: editors' verdicts on tag suggestions.
pub(crate) const TAG_VERDICTS_MIGRATION: &str = r#"
CREATE TABLE tag_verdicts (
    owner_kind  TEXT NOT NULL,     -- 'article' | 'image'
    owner_id    INTEGER NOT NULL,
    tag_key     TEXT NOT NULL,     -- the vocabulary's case-insensitive key
    tag         TEXT NOT NULL,     -- as suggested
    verdict     TEXT NOT NULL,     -- 'accepted' | 'rejected'
    decided_at  TEXT NOT NULL,
    PRIMARY KEY (owner_kind, owner_id, tag_key)
) WITHOUT ROWID;
CREATE INDEX tag_verdicts_by_tag ON tag_verdicts (tag_key, verdict);
"#;

/// Migration 15: the tag suggester's model is kept beside the library and brought up to date
/// from this queue: every change of an article that the search index follows (a save, the
/// trash) adds a row in the same transaction. `seq` never repeats (AUTOINCREMENT), so a model
/// saved at a `seq` learns exactly what came after it; rows the saved model holds are pruned.
pub(crate) const TAG_MODEL_QUEUE_MIGRATION: &str = r#"
CREATE TABLE tag_model_pending (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL
);
"#;
