//! Opening SQLite connections with the library's settings — and only to a library.
//!
//! A file is changed (WAL switched on, schema written) only once it is known to be a
//! Newsdesk library or an empty database: a mistyped `--db` pointing at another program's
//! SQLite file is refused untouched.

use newsdesk_model::text;
use std::path::Path;
use std::time::Duration;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};

use newsdesk_model::fold;

use crate::{StoreError, migrations};

/// How long a connection waits for another one's lock (another process writing: an import
/// commits every 200 articles) before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// How often a waiting connection tries again. SQLite's own handler backs off to 100 ms and
/// so keeps missing the short gaps a bulk writer leaves between its transactions; a short,
/// steady poll catches them (see [`crate::Store::yield_to_writers`]).
const BUSY_POLL: Duration = Duration::from_millis(2);

/// Waits [`BUSY_POLL`] per try, up to [`BUSY_TIMEOUT`] in all.
fn wait_while_busy(tries: i32) -> bool {
    let limit = BUSY_TIMEOUT.as_millis() / BUSY_POLL.as_millis();
    if (tries as u128) < limit {
        std::thread::sleep(BUSY_POLL);
        true
    } else {
        false
    }
}

/// `PRAGMA application_id` of every Newsdesk library: "NDSK".
pub const APPLICATION_ID: i32 = 0x4e44_534b;

/// Registers the Rust functions SQL uses: `nd_fold(text)` (case and diacritics folded like
/// the search index) and `nd_contains(text, needle, …)` (true if the folded text contains
/// one of the already folded needles).
fn register_functions(conn: &Connection) -> Result<(), StoreError> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("nd_fold", 1, flags, |ctx| {
        Ok(fold::fold(&ctx.get::<String>(0)?))
    })?;
    conn.create_scalar_function("nd_contains", -1, flags, |ctx| {
        let text = fold::fold(&ctx.get::<String>(0)?);
        let found = (1..ctx.len()).any(|i| {
            ctx.get_raw(i)
                .as_str()
                .is_ok_and(|needle| !needle.is_empty() && text.contains(needle))
        });
        Ok(found)
    })?;
    Ok(())
}

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// Settings of every connection that do not change the file.
pub(crate) fn configure_session(conn: &mut Connection) -> Result<(), StoreError> {
    // Every statement the store runs stays prepared (rusqlite keeps 16 by default: an
    // article's save alone runs more, so an import parsed its SQL again for every article).
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Savepoints (one per article of an import) and sorts keep their temporary pages in
    // memory: in a file, the savepoints' journal was a quarter of an import's time.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    restore_busy_handler(conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    register_functions(conn)
}

/// Puts back the connection's wait for other processes' locks (after a step that must not
/// wait, see [`crate::disk::release_wal_space`]).
pub(crate) fn restore_busy_handler(conn: &mut Connection) -> Result<(), StoreError> {
    conn.busy_handler(Some(wait_while_busy))?;
    Ok(())
}

/// Switches the (known) library to WAL with full sync: readers never block the writer, and a
/// commit that returned survives a crash.
pub(crate) fn configure(conn: &mut Connection) -> Result<(), StoreError> {
    configure_session(conn)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Invalid(text!(
            "the library file does not support write-ahead logging (journal mode {mode})",
            "Die Bibliotheksdatei unterstützt kein Write-Ahead-Logging (Journalmodus {mode})."
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // A write that grew the log and then failed (a full disk, a huge import rolled back)
    // must not keep its size on the disk: each reset of the log cuts it back.
    conn.pragma_update(
        None,
        "journal_size_limit",
        newsdesk_model::limits::WAL_KEPT_BYTES as i64,
    )?;
    Ok(())
}

/// What a database file holds, read without changing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Identity {
    /// No schema at all: a new or empty file that may become a library.
    Empty,
    /// A Newsdesk library (possibly of an older schema).
    Library,
}

/// Tells a Newsdesk library from an empty file and from another program's database.
pub(crate) fn identify(conn: &Connection, path: &Path) -> Result<Identity, StoreError> {
    // One read transaction: the id, the version and the schema from the same moment, even
    // while another process is migrating the file.
    let snapshot = conn.unchecked_transaction()?;
    let identity = identify_in(&snapshot, path);
    let ended = snapshot.commit();
    // A read that failed (a full disk: the `-shm` cannot grow) may have ended the
    // transaction already; its error is the one to tell, not the commit's "no transaction".
    let identity = identity?;
    ended?;
    Ok(identity)
}

fn identify_in(conn: &Connection, path: &Path) -> Result<Identity, StoreError> {
    let not_a_library = |reason: newsdesk_model::Text| StoreError::NotALibrary {
        path: path.to_path_buf(),
        reason,
    };
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if app_id == APPLICATION_ID {
        return Ok(Identity::Library);
    }
    if app_id != 0 {
        return Err(not_a_library(text!(
            "it is the database of another program (application id {app_id:#x})",
            "sie ist die Datenbank eines anderen Programms (Anwendungskennung {app_id:#x})"
        )));
    }
    if version == 0 && objects == 0 {
        return Ok(Identity::Empty);
    }
    // Libraries of the first release carry no application id: known by their exact schema.
    if version == 1 && migrations::differences(conn, 1)?.is_empty() {
        return Ok(Identity::Library);
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 6")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Err(not_a_library(if tables.is_empty() {
        text!(
            "it is an SQLite database without Newsdesk's tables",
            "sie ist eine SQLite-Datenbank ohne die Tabellen von Newsdesk"
        )
    } else {
        text!(
            "it is an SQLite database of another kind (its tables: {})",
            "sie ist eine SQLite-Datenbank anderer Art (ihre Tabellen: {})",
            tables.join(", ")
        )
    }))
}

/// Opens the file for writing; creates it when `create` is set.
pub(crate) fn open_writer(path: &Path, create: bool) -> Result<Connection, StoreError> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let mut conn = Connection::open_with_flags(path, flags)?;
    configure_session(&mut conn)?;
    Ok(conn)
}

/// Opens a second connection for reading while the writer works.
pub(crate) fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure_session(&mut conn)?;
    Ok(conn)
}

/// Opens a file that may be anything (a backup to restore) without writing to it.
pub(crate) fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure_session(&mut conn)?;
    Ok(conn)
}

/// Tells apart "not a SQLite file" from other failures, for a clear message.
pub(crate) fn explain_open_error(path: &Path, err: StoreError) -> StoreError {
    match err {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            StoreError::NotALibrary {
                path: path.to_path_buf(),
                reason: text!(
                    "the file is not an SQLite database",
                    "die Datei ist keine SQLite-Datenbank"
                ),
            }
        }
        other => other.in_library(path),
    }
}
