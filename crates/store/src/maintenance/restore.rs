//! Integrity check, backup and restore of the whole library.
//!
//! Restore replaces the library only with a file proven to be a sound Newsdesk library, and
//! keeps a safety copy of the library it replaces:
//!
//! 1. the backup is copied (SQLite's backup API, from a read-only connection) into a
//!    temporary file beside the library, so that what is checked is what is restored;
//! 2. the copy must carry Newsdesk's application id (or be a first-release library), a schema
//!    this version knows, exactly Newsdesk's tables and indexes (no triggers or views of its
//!    own), and pass SQLite's integrity check, the foreign-key check, both search indexes'
//!    checks, and every article and revision must read back;
//! 3. every picture the copy names (its pictures' hashes, the `sha256:` files of its
//!    articles) must be in the backup's pictures folder (`<backup>.media/`) or already in
//!    this library's; the backup's are then added to this library's pictures folder;
//! 4. the current library is backed up to `<name>.before-restore-<time>.sqlite` (the file
//!    only: its pictures stay in the pictures folder, which a restore only adds to);
//! 5. the checked copy replaces the content of the open library in one step.
//!
//! A backup ([`Store::backup_to`], in `backup.rs`) is made under temporary names and appears
//! under its own only when whole.

use newsdesk_model::text;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::articles::article::load;
use crate::articles::revisions::load_revision;
use crate::connection::{configure, identify, open_read_only, open_writer};
use crate::maintenance::database_file::{copy, remove_database_files, scratch_beside};
use crate::{Store, StoreError, migrations};

/// What `check` finds wrong in an open connection (which needs write access for the
/// search indexes' own checks), each problem a sentence.
fn problems_of(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter(|line| line != "ok")
        .collect();
    let orphans = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .count();
    if orphans > 0 {
        problems.push(format!("{orphans} rows point to missing records"));
    }
    // Libraries before migration 8 hold the trigram indexes; check them where they are.
    let fts: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name IN ('article_search', 'article_head') ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in fts {
        if let Err(e) = conn.execute(
            &format!("INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)"),
            [],
        ) {
            problems.push(format!("search index {table}: {e}"));
        }
    }
    // What reading needs: every article and every revision must load.
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM articles ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        if let Err(e) = load(conn, id) {
            problems.push(format!("article {id} cannot be read: {e}"));
        }
    }
    let revisions: Vec<(i64, i64)> = conn
        .prepare("SELECT article_id, revision FROM revisions ORDER BY article_id, revision")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, revision) in revisions {
        if let Err(e) = load_revision(conn, id, revision) {
            problems.push(format!(
                "revision {revision} of article {id} cannot be read: {e}"
            ));
        }
    }
    Ok(problems)
}

/// Why the copy of a backup at `source` is not a sound library, if it is not.
fn verify(copy: &mut Connection, source: &Path) -> Result<(), StoreError> {
    let not_a_library = |reason: newsdesk_model::Text| StoreError::NotALibrary {
        path: source.to_path_buf(),
        reason,
    };
    if identify(copy, source)? == crate::connection::Identity::Empty {
        return Err(not_a_library(text!(
            "it holds no Newsdesk schema",
            "sie enthält kein Newsdesk-Schema"
        )));
    }
    let version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > migrations::latest() {
        return Err(StoreError::NewerSchema {
            path: source.to_path_buf(),
            found: version,
            known: migrations::latest(),
        });
    }
    let differences = migrations::differences(copy, version)?;
    if !differences.is_empty() {
        return Err(not_a_library(newsdesk_model::Text::verbatim(
            differences.join("; "),
        )));
    }
    let problems = problems_of(copy)?;
    if !problems.is_empty() {
        let shown: Vec<&str> = problems.iter().take(3).map(String::as_str).collect();
        return Err(not_a_library(text!(
            "it is damaged ({})",
            "sie ist beschädigt ({})",
            shown.join("; ")
        )));
    }
    Ok(())
}

/// Copies the backup at `source` into the new file `scratch`, checks the copy (see the module
/// docs) and adds the backup's pictures to `media` (the library's pictures folder) once every
/// picture the copy names is at hand. Returns the checked copy, open.
fn checked_copy(source: &Path, scratch: &Path, media: &Path) -> Result<Connection, StoreError> {
    if !source.is_file() {
        return Err(StoreError::Invalid(newsdesk_model::text!(
            "{} does not exist or is not a file",
            "{} gibt es nicht, oder es ist keine Datei.",
            source.display()
        )));
    }
    let not_readable = |e: StoreError| match e {
        StoreError::Sqlite(err) => StoreError::NotALibrary {
            path: source.to_path_buf(),
            reason: newsdesk_model::Text::verbatim(err.to_string()),
        },
        other => other,
    };
    let mut checked = open_writer(scratch, true)?;
    {
        let backup = open_read_only(source).map_err(not_readable)?;
        copy(&backup, &mut checked).map_err(not_readable)?;
    }
    verify(&mut checked, source).map_err(not_readable)?;
    // Every picture it names must be at hand; they join this library's pictures (named
    // by their content, adding never changes one) before the library is replaced.
    let backup_media = source.with_extension("media");
    crate::maintenance::backup::check_pictures(&checked, source, &[&backup_media, media])?;
    crate::maintenance::backup::copy_missing_pictures(&backup_media, media)?;
    Ok(checked)
}

/// The file name beside `library` that keeps what a restore replaced: `<stem>.<label>-<time>.sqlite`.
fn kept_beside(library: &Path, label: &str, now: DateTime<Utc>) -> PathBuf {
    let stem = library
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".into());
    library.with_file_name(format!(
        "{stem}.{label}-{}.sqlite",
        now.format("%Y%m%d-%H%M%S")
    ))
}

/// Restores the backup at `source` as the library at `library`, which does not open (damaged,
/// overwritten, cut short): the backup is checked as [`Store::restore_from`] checks it, the file
/// that did not open is moved aside whole (with its `-wal` and `-shm`) to
/// `<stem>.damaged-<time>.sqlite`, the checked copy takes its place and the search index,
/// which described the damaged file, is removed to be built anew on the next open. Nothing is
/// deleted. Returns where the damaged file was put.
pub fn restore_unopened(
    library: &Path,
    source: &Path,
    now: DateTime<Utc>,
) -> Result<PathBuf, StoreError> {
    let scratch = scratch_beside(library, "restore");
    let result = (|| -> Result<PathBuf, StoreError> {
        let checked = checked_copy(source, &scratch, &library.with_extension("media"))?;
        let damaged = kept_beside(library, "damaged", now);
        for suffix in ["", "-wal", "-shm"] {
            let (mut from, mut to) = (
                library.as_os_str().to_owned(),
                damaged.as_os_str().to_owned(),
            );
            from.push(suffix);
            to.push(suffix);
            let from = PathBuf::from(from);
            if from.exists() {
                std::fs::rename(&from, &to).map_err(|e| {
                    StoreError::io(
                        newsdesk_model::text!(
                            "cannot move the damaged library {} aside",
                            "Die beschädigte Bibliothek {} lässt sich nicht beiseitelegen",
                            from.display()
                        ),
                        e,
                    )
                })?;
            }
        }
        let mut restored = open_writer(library, true)?;
        copy(&checked, &mut restored)?;
        configure(&mut restored)?;
        migrations::migrate(&mut restored, library)?;
        restored.close().map_err(|(_, e)| e)?;
        let index = newsdesk_search::TextIndex::dir_of(library);
        if index.exists() {
            std::fs::remove_dir_all(&index).map_err(|e| {
                StoreError::io(
                    newsdesk_model::text!(
                        "cannot remove the old search index {}",
                        "Der alte Suchindex {} lässt sich nicht entfernen",
                        index.display()
                    ),
                    e,
                )
            })?;
        }
        Ok(damaged)
    })();
    remove_database_files(&scratch);
    result.map_err(|e| e.in_library(library))
}

impl Store {
    /// Runs SQLite's integrity check, the search indexes' own checks, and reads every article
    /// and revision back; returns the problems, each a sentence (none: the library is sound).
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        // The search indexes' checks need the writer's access to their shadow tables.
        let conn = self.write();
        problems_of(&conn).map_err(|e| e.in_library(self.path()))
    }

    /// Replaces the whole library with the backup at `source`, after checking it (see the
    /// module docs). Returns the safety copy of the replaced library.
    pub fn restore_from(&self, source: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        let scratch = scratch_beside(self.path(), "restore");
        let result = self.restore_via(source, &scratch, now);
        remove_database_files(&scratch);
        result
    }

    fn restore_via(
        &self,
        source: &Path,
        scratch: &Path,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, StoreError> {
        let checked = checked_copy(source, scratch, &self.media_dir())?;
        let safety = kept_beside(self.path(), "before-restore", now);
        self.backup_library_file(&safety)?;
        let mut writer = self.write();
        let replaced = (|| {
            copy(&checked, &mut writer)?;
            configure(&mut writer)?;
            migrations::migrate(&mut writer, self.path())
        })();
        replaced.map_err(|e| e.in_library(self.path()))?;
        drop(writer);
        // The search index described the replaced library: build it anew.
        self.rebuild_search_index()?;
        Ok(safety)
    }
}
