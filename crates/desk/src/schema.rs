//! The desk's tables in PostgreSQL, migrated in order on connect. Each migration runs in one
//! transaction under an advisory lock, so that two servers (or a server and `desk invite`)
//! starting at once do not both migrate.

use crate::DeskError;

/// The migrations, in order; the schema's version is how many have run.
const MIGRATIONS: &[&str] = &[
    // 1: members and their tokens. A token is kept only as its SHA-256 digest; a revoked
    // member keeps their row (the history names who sent which change), and a name is taken
    // by one member at a time.
    "CREATE TABLE members (
        id bigserial PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('editor', 'chief', 'photo')),
        token_sha256 text NOT NULL UNIQUE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
    );
    CREATE UNIQUE INDEX members_current_name ON members (name) WHERE revoked_at IS NULL;",
    // 2: the shared documents (the desk's whole copy of each, as Automerge saves it) and the
    // log of changes as members sent them.
    "CREATE TABLE documents (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('article', 'picture', 'vocabulary')),
        snapshot bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE changes (
        seq bigserial PRIMARY KEY,
        document_id text NOT NULL REFERENCES documents (id),
        member_id bigint NOT NULL REFERENCES members (id),
        bytes bytea NOT NULL,
        heads text[] NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX changes_by_document ON changes (document_id, seq);",
];

/// The key of the advisory lock the migrations hold (any number; this one is "newsdesk").
const MIGRATION_LOCK: i64 = 0x6e65_7773_6465_736b;

pub fn migrate(client: &mut postgres::Client) -> Result<(), DeskError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS desk_schema (version integer NOT NULL)")?;
    let version: i32 = match tx.query_opt("SELECT version FROM desk_schema", &[])? {
        Some(row) => row.get(0),
        None => {
            tx.execute("INSERT INTO desk_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    let known = MIGRATIONS.len() as i32;
    if version > known {
        return Err(DeskError::NewerSchema {
            found: version,
            known,
        });
    }
    for migration in &MIGRATIONS[version as usize..] {
        tx.batch_execute(migration)?;
    }
    tx.execute("UPDATE desk_schema SET version = $1", &[&known])?;
    tx.commit()?;
    Ok(())
}
