//! Integrity check, backup and restore of the whole library.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use crate::connection::{configure, open_reader};
use crate::{Store, StoreError, migrations};

/// Pages copied per step of an online backup; readers and the writer may work in between.
const PAGES_PER_STEP: std::os::raw::c_int = 1024;

fn copy(from: &Connection, to: &mut Connection) -> Result<(), StoreError> {
    let backup = Backup::new(from, to)?;
    backup.run_to_completion(PAGES_PER_STEP, Duration::from_millis(0), None)?;
    Ok(())
}

impl Store {
    /// Runs SQLite's integrity check and the search index's own check; returns the problems.
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        {
            let conn = self.read();
            let mut stmt = conn.prepare("PRAGMA integrity_check")?;
            problems.extend(
                stmt.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()?
                    .into_iter()
                    .filter(|line| line != "ok"),
            );
            let mut fk = conn.prepare("PRAGMA foreign_key_check")?;
            let orphans = fk.query_map([], |r| r.get::<_, String>(0))?.count();
            if orphans > 0 {
                problems.push(format!("{orphans} rows point to missing records"));
            }
        }
        // The FTS5 check needs write access to the shadow tables' statements.
        let writer = self.write();
        for table in ["article_search", "article_head"] {
            if let Err(e) = writer.execute(
                &format!("INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)"),
                [],
            ) {
                problems.push(format!("search index {table}: {e}"));
            }
        }
        Ok(problems)
    }

    /// Writes a consistent copy of the library to `target` while it stays in use.
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        if target.exists() {
            return Err(StoreError::Invalid(format!(
                "{} exists already; choose a new file name for the backup",
                target.display()
            )));
        }
        let mut out = Connection::open(target)?;
        let conn = self.read();
        copy(&conn, &mut out)?;
        Ok(())
    }

    /// Replaces the whole library with the backup at `source`.
    ///
    /// The backup is checked first (a Newsdesk library this version can open, passing the
    /// integrity check); only then is its content copied over the open library, in one step
    /// that readers see either before or after.
    pub fn restore_from(&self, source: &Path) -> Result<(), StoreError> {
        if !source.is_file() {
            return Err(StoreError::Invalid(format!(
                "{} does not exist or is not a file",
                source.display()
            )));
        }
        let backup = open_reader(source).map_err(|e| match e {
            StoreError::Sqlite(err) => StoreError::NotALibrary {
                path: source.to_path_buf(),
                reason: err.to_string(),
            },
            other => other,
        })?;
        let not_a_library = |reason: String| StoreError::NotALibrary {
            path: source.to_path_buf(),
            reason,
        };
        let version: i64 = backup
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| not_a_library(e.to_string()))?;
        if version == 0 {
            return Err(not_a_library("it holds no Newsdesk schema".into()));
        }
        if version > migrations::latest() {
            return Err(StoreError::NewerSchema {
                path: source.to_path_buf(),
                found: version,
                known: migrations::latest(),
            });
        }
        let verdict: String = backup
            .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
            .map_err(|e| not_a_library(e.to_string()))?;
        if verdict != "ok" {
            return Err(not_a_library(format!("it is damaged ({verdict})")));
        }
        let mut writer = self.write();
        copy(&backup, &mut writer)?;
        configure(&writer)?;
        migrations::migrate(&mut writer, self.path())?;
        Ok(())
    }
}
