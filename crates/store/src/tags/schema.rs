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
