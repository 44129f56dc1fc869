//! What each part of the library takes on disk (`newsdesk db info`): SQLite's own page
//! counts per table and index (the `dbstat` table), and the files beside the library.

use std::path::Path;

use newsdesk_model::LibrarySizes;
use newsdesk_search::TextIndex;
use rusqlite::Connection;

use crate::disk::companion;
use crate::{Store, StoreError};

/// Bytes of a file, or of everything under a folder (links not followed); 0 when missing.
fn disk_size(path: &Path) -> u64 {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::read_dir(path)
            .map(|entries| entries.flatten().map(|e| disk_size(&e.path())).sum())
            .unwrap_or(0),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}

/// The part of the library a table belongs to.
fn part_of<'a>(sizes: &'a mut LibrarySizes, table: &str) -> &'a mut u64 {
    match table {
        "articles" | "article_tags" | "article_images" | "article_links" | "article_related" => {
            &mut sizes.articles
        }
        "revisions" => &mut sizes.revisions,
        "tags" | "tag_verdicts" => &mut sizes.tags,
        t if t.starts_with("image") => &mut sizes.images,
        t if t.starts_with("portal") || t.starts_with("publication") || t.starts_with("outbox") => {
            &mut sizes.publishing
        }
        _ => &mut sizes.other,
    }
}

fn table_sizes(conn: &Connection, sizes: &mut LibrarySizes) -> Result<(), StoreError> {
    // One row per table or index (dbstat's aggregate form), named by its table.
    let mut stmt = conn.prepare(
        "SELECT coalesce(m.tbl_name, d.name), d.pgsize
         FROM dbstat('main', 1) d LEFT JOIN sqlite_schema m ON m.name = d.name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (table, bytes) = row?;
        *part_of(sizes, &table) += bytes.max(0) as u64;
    }
    let free: i64 = conn.query_row(
        "SELECT freelist_count * page_size FROM pragma_freelist_count, pragma_page_size",
        [],
        |r| r.get(0),
    )?;
    sizes.free = free.max(0) as u64;
    Ok(())
}

impl Store {
    /// The write-ahead log and its index beside the library, in bytes.
    fn log_size(&self) -> u64 {
        disk_size(&companion(self.path(), "-wal")) + disk_size(&companion(self.path(), "-shm"))
    }

    /// The library file and its log, in bytes.
    fn file_size(&self) -> u64 {
        disk_size(self.path()) + self.log_size()
    }

    /// Rewrites the library without its free pages (SQLite's `VACUUM`, then the log emptied
    /// into the file), giving their space back to the disk; returns the size of the file and
    /// its log before and after. Refused while another process reads or writes it (SQLite
    /// waits its busy time first) or when the disk lacks the room for the copy; the library
    /// stays as it was then.
    pub fn compact(&self) -> Result<(u64, u64), StoreError> {
        self.writable()?;
        let before = self.file_size();
        let conn = self.write();
        conn.execute_batch(
            "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
        )
        .map_err(|e| StoreError::from(e).in_library(self.path()))?;
        drop(conn);
        Ok((before, self.file_size()))
    }

    /// What each part of the library takes on disk. Reads every page of the file.
    pub fn sizes(&self) -> Result<LibrarySizes, StoreError> {
        let mut sizes = LibrarySizes::default();
        self.reading(|conn| table_sizes(conn, &mut sizes))?;
        sizes.file = disk_size(self.path());
        sizes.wal = self.log_size();
        sizes.search_index = disk_size(&TextIndex::dir_of(self.path()));
        let media = self.media_dir();
        sizes.media = disk_size(&media);
        sizes.renditions = disk_size(&media.join("renditions"));
        sizes.total = sizes.file + sizes.wal + sizes.search_index + sizes.media;
        Ok(sizes)
    }
}
