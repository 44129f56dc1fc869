//! The migrations of the portals, the publications and the outbox.
//!
//! Each is one entry of [`crate::migrations::MIGRATIONS`] (appended there in order, never
//! edited once released); they live beside the domain's table code, in a module of their
//! own that depends on nothing, so the list of migrations does not import the table code.

/// Migration 9 (kept beside the tables it makes): portals, publications, uploaded pictures,
/// the portals' sections.
pub(crate) const PORTALS_MIGRATION: &str = r#"
CREATE TABLE portals (
    name        TEXT PRIMARY KEY CHECK (name <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('wordpress','ghost','ninjs')),
    url         TEXT NOT NULL,
    user        TEXT NOT NULL DEFAULT '',
    timeout_ms  INTEGER NOT NULL DEFAULT 30000 CHECK (timeout_ms > 0),
    created_at  TEXT NOT NULL,
    pulled_at   TEXT
) WITHOUT ROWID;

-- Where an article is on a portal. `marker` (the slug or uri Newsdesk gives the post) is
-- written before the first attempt, so a post whose creation was answered but the answer
-- lost is found again instead of made twice. `sent` holds the fields as last sent (JSON):
-- the base of the three-way view when the portal's copy changed meanwhile.
CREATE TABLE publications (
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    portal           TEXT NOT NULL REFERENCES portals (name) ON DELETE CASCADE,
    marker           TEXT NOT NULL,
    remote_id        TEXT,
    remote_url       TEXT,
    remote_modified  TEXT,
    revision         INTEGER,
    sent             TEXT,
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending','published','scheduled','withdrawn')),
    published_at     TEXT,
    PRIMARY KEY (article_id, portal)
) WITHOUT ROWID;
CREATE UNIQUE INDEX publications_by_remote ON publications (portal, remote_id)
    WHERE remote_id IS NOT NULL;

-- Pictures a portal has: by the SHA-256 of the bytes sent (credits embedded), so an
-- unchanged picture is never uploaded twice.
CREATE TABLE portal_media (
    portal      TEXT NOT NULL REFERENCES portals (name) ON DELETE CASCADE,
    digest      TEXT NOT NULL,
    remote_id   TEXT NOT NULL,
    remote_url  TEXT NOT NULL,
    caption     TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (portal, digest)
) WITHOUT ROWID;

-- The sections (WordPress categories, Ghost's primary tags) a portal offers, as pulled.
CREATE TABLE portal_sections (
    portal  TEXT NOT NULL REFERENCES portals (name) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    PRIMARY KEY (portal, name)
) WITHOUT ROWID;
"#;

/// Migration 10 (kept beside the table it makes): the outbox.
pub(crate) const OUTBOX_MIGRATION: &str = r#"
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    portal           TEXT NOT NULL REFERENCES portals (name) ON DELETE CASCADE,
    action           TEXT NOT NULL CHECK (action IN ('publish','update','schedule','withdraw')),
    state            TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued','sending','retrying','done','failed','conflict',
                                      'cancelled')),
    scheduled_for    TEXT,
    -- The editor chose to send the library's version over a portal copy that changed.
    overwrite        INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    error            TEXT,
    -- Why it waits or stopped: 'network', 'server', 'user', 'conflict', 'cancelled'.
    error_kind       TEXT,
    -- The three versions when in conflict (JSON of PublishConflict).
    conflict         TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at)
    WHERE state IN ('queued','sending','retrying');
CREATE INDEX outbox_by_article ON outbox (article_id);
"#;

/// Migration 11: each portal's secret is an entry of its own in the keyring, named by the
/// portal's `secret_id` (before, portals with the same address and user shared one entry, and
/// adding the second replaced the first's secret). Existing portals get an id here; their
/// secret is copied from the old shared entry on first use.
pub(crate) const PORTAL_SECRET_ID_MIGRATION: &str = r#"
ALTER TABLE portals ADD COLUMN secret_id TEXT NOT NULL DEFAULT '';
UPDATE portals SET secret_id = lower(hex(randomblob(8)));
"#;

/// Migration 12: the German of each job's reason beside the English `error` (the window
/// shows it when its language is German; the CLI prints `error`). Jobs settled before it
/// have none and are shown with the English reason.
pub(crate) const OUTBOX_GERMAN_MIGRATION: &str = r#"
ALTER TABLE outbox ADD COLUMN error_de TEXT;
"#;
