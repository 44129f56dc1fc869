//! A whole backup — the library file and its pictures — that appears under its name only
//! when whole, and the pictures' side of a restore.
//!
//! `db backup FILE` writes `FILE` (the library) and, beside it, `FILE`'s name with `.media`
//! (the pictures, as [`crate::images::files`] keeps them). Both are first made under temporary
//! names in `FILE`'s folder, so a full disk is met before anything carries the backup's name;
//! every file is flushed to disk. Then:
//!
//! 1. the pictures folder is renamed to its name (never over an existing one);
//! 2. the library file is linked to `FILE` (never over an existing one), last.
//!
//! What makes a backup is its library file (a restore reads `FILE`), and it appears only
//! after its pictures are complete under theirs. Any failure removes what was made; a crash
//! between the two steps leaves a pictures folder without a library — not a backup. The
//! library is copied first and its pictures after: pictures are written before the rows that
//! name them, so every picture the copy names is already there to be copied.

use newsdesk_model::text;
use std::path::Path;

use newsdesk_model::limits::MISSING_PICTURES_NAMED;
use newsdesk_model::{CONTENT_ADDRESS_PREFIX, content_address};
use rusqlite::Connection;

use crate::disk::{folder_of, is_full};
use crate::images::files::{
    Content, MediaWriting, files_under, is_temporary, original_extension, original_in, write_whole,
};
use crate::maintenance::database_file::{copy, remove_database_files, scratch_beside};
use crate::{Store, StoreError};

/// Flushes the file at `path` to disk.
pub(crate) fn sync_file(path: &Path) -> Result<(), StoreError> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| {
            StoreError::io_at(
                text!(
                    "cannot flush {}",
                    "{} lässt sich nicht auf den Datenträger schreiben",
                    path.display()
                ),
                path,
                e,
            )
        })
}

/// Flushes the folder holding `path` (so that a new name in it survives a crash).
pub(crate) fn sync_folder_of(path: &Path) -> Result<(), StoreError> {
    sync_folder(&folder_of(path))
}

fn sync_folder(folder: &Path) -> Result<(), StoreError> {
    crate::whole_file::sync_folder(folder).map_err(|e| {
        StoreError::io_at(
            text!(
                "cannot flush {}",
                "{} lässt sich nicht auf den Datenträger schreiben",
                folder.display()
            ),
            folder,
            e,
        )
    })
}

/// A failure while writing the backup `target` of the library at `library`, in words: a
/// full disk names the backup's folder.
fn said_for_backup(err: StoreError, library: &Path, target: &Path) -> StoreError {
    let full = match &err {
        StoreError::DiskFull { .. } => true,
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
            e.code == rusqlite::ErrorCode::DiskFull
                || (e.code == rusqlite::ErrorCode::SystemIoFailure && is_full(&folder_of(target)))
        }
        _ => false,
    };
    if full {
        StoreError::DiskFull {
            folder: folder_of(target),
            what: text!(
                "the backup {} could not be written whole and was not made (nothing is left \
                 under its name)",
                "Die Sicherung {} ließ sich nicht vollständig schreiben und wurde nicht angelegt (unter ihrem Namen bleibt nichts zurück)",
                target.display()
            ),
        }
    } else {
        err.in_library(library)
    }
}

/// Moves the folder `from` to the new name `to`; fails if `to` exists.
fn rename_new(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE).map_err(std::io::Error::from)
    }
    #[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
    {
        if to.exists() {
            return Err(std::io::ErrorKind::AlreadyExists.into());
        }
        std::fs::rename(from, to)
    }
}

/// Every picture file under `media` (temporary files and the lock aside), by its path
/// inside `media`.
fn picture_files(media: &Path) -> Result<Vec<std::path::PathBuf>, StoreError> {
    Ok(files_under(media)?
        .into_iter()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let relative = path.strip_prefix(media).ok()?;
            (!name.starts_with('.') && !is_temporary(&name)).then(|| relative.to_path_buf())
        })
        .collect())
}

/// Copies every picture file of `from` into `to` whole, where `to` lacks it (a file of the
/// same name is the same picture: names are content hashes); each file and its folder are
/// flushed as it is written.
fn copy_pictures(from: &Path, to: &Path) -> Result<(), StoreError> {
    for relative in picture_files(from)? {
        let target = to.join(&relative);
        if target.exists() {
            continue;
        }
        match write_whole(&target, Content::File(&from.join(&relative)), true) {
            Ok(()) => {}
            // Written meanwhile by an import of the same picture: the same content.
            Err(StoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Adds the pictures of a backup's folder `from` that the library's `media` lacks.
pub(crate) fn copy_missing_pictures(from: &Path, media: &Path) -> Result<(), StoreError> {
    if !from.is_dir() {
        return Ok(());
    }
    let _writing = MediaWriting::begin(media)?;
    copy_pictures(from, media)
}

/// One picture a library names: its hash, its original's extension where the library knows
/// its format, and how to call it in a message.
struct Named {
    hash: String,
    extension: Option<&'static str>,
    label: String,
}

/// The pictures the library on `conn` names: its picture records, and the `sha256:` files
/// of its articles (a picture an article names without a record is named by hash).
fn named_pictures(conn: &Connection) -> Result<Vec<Named>, StoreError> {
    let has_images: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'images')",
        [],
        |r| r.get(0),
    )?;
    let mut named = Vec::new();
    let mut known = std::collections::HashSet::new();
    if has_images {
        let rows: Vec<(String, String, String)> = conn
            .prepare("SELECT hash, format, file FROM images ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (hash, format, file) in rows {
            known.insert(hash.clone());
            named.push(Named {
                label: format!("{file} ({})", content_address(&hash)),
                extension: original_extension(&format),
                hash,
            });
        }
    }
    let files: Vec<String> = conn
        .prepare(
            "SELECT DISTINCT substr(file, ?2) FROM article_images
             WHERE file LIKE ?1 || '%' ORDER BY 1",
        )?
        .query_map(
            rusqlite::params![
                CONTENT_ADDRESS_PREFIX,
                CONTENT_ADDRESS_PREFIX.len() as i64 + 1
            ],
            |r| r.get(0),
        )?
        .collect::<Result<_, _>>()?;
    for hash in files {
        if known.insert(hash.clone()) {
            named.push(Named {
                label: content_address(&hash),
                extension: None,
                hash,
            });
        }
    }
    Ok(named)
}

/// Whether the original of `picture` is in the pictures' folder `media`.
fn has_original(media: &Path, picture: &Named) -> bool {
    match picture.extension {
        Some(extension) => original_in(media, &picture.hash, extension).is_file(),
        None => ["jpg", "png", "webp", "tif"]
            .iter()
            .any(|extension| original_in(media, &picture.hash, extension).is_file()),
    }
}

/// Refuses the backup at `source` (its checked copy on `conn`) unless every picture it
/// names is in one of `media` (the backup's pictures folder, the library's own).
pub(crate) fn check_pictures(
    conn: &Connection,
    source: &Path,
    media: &[&Path],
) -> Result<(), StoreError> {
    let named = named_pictures(conn)?;
    let missing: Vec<&Named> = named
        .iter()
        .filter(|picture| !media.iter().any(|folder| has_original(folder, picture)))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let shown: Vec<&str> = missing
        .iter()
        .take(MISSING_PICTURES_NAMED)
        .map(|p| p.label.as_str())
        .collect();
    let more = if missing.len() > shown.len() {
        text!(
            " and {} more",
            " und {} weitere",
            missing.len() - shown.len()
        )
    } else {
        newsdesk_model::Text::verbatim("")
    };
    let folders: Vec<String> = media.iter().map(|m| m.display().to_string()).collect();
    Err(StoreError::Invalid(newsdesk_model::Text {
        en: format!(
            "the backup {} is not whole: {} of the {} pictures its library names are neither \
             in {}: {}{}. Nothing was restored; restore a whole backup, or put the missing \
             pictures back first.",
            source.display(),
            missing.len(),
            named.len(),
            folders.join(" nor in "),
            shown.join(", "),
            more.en,
        ),
        de: format!(
            "Die Sicherung {} ist nicht vollständig: {} der {} Bilder, die ihre Bibliothek \
             nennt, liegen weder in {}: {}{}. Nichts wurde zurückgeholt; eine vollständige \
             Sicherung zurückholen oder die fehlenden Bilder zuerst wieder hinlegen.",
            source.display(),
            missing.len(),
            named.len(),
            folders.join(" noch in "),
            shown.join(", "),
            more.de,
        ),
    }))
}

impl Store {
    /// Copies the library file into `scratch` (a new file) while it stays in use, flushed.
    fn snapshot_into(&self, scratch: &Path) -> Result<(), StoreError> {
        let mut out = Connection::open(scratch)?;
        copy(&self.read(), &mut out)?;
        out.close().map_err(|(_, e)| e)?;
        sync_file(scratch)
    }

    /// Writes a consistent copy of the library file (without the pictures) to `target`
    /// while it stays in use: the safety copy before a restore. Never replaces an existing
    /// file; the copy appears whole under its name or not at all.
    pub(crate) fn backup_library_file(&self, target: &Path) -> Result<(), StoreError> {
        if target.exists() {
            return Err(StoreError::Invalid(text!(
                "{} exists already; choose a new file name for the backup",
                "{} gibt es schon; einen neuen Dateinamen für die Sicherung wählen.",
                target.display()
            )));
        }
        let scratch = scratch_beside(target, "backup");
        let written = self
            .snapshot_into(&scratch)
            .and_then(|()| link_new(&scratch, target));
        remove_database_files(&scratch);
        written.map_err(|e| said_for_backup(e, self.path(), target))
    }

    /// Writes a whole backup to `target` — the library file, and its pictures into the
    /// folder beside it with `.media` for extension — while the library stays in use. Both
    /// appear under their names only when whole (see the module docs); nothing existing is
    /// replaced.
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        let media_target = target.with_extension("media");
        for taken in [target, media_target.as_path()] {
            if taken.exists() {
                return Err(StoreError::Invalid(text!(
                    "{} exists already; choose a new file name for the backup",
                    "{} gibt es schon; einen neuen Dateinamen für die Sicherung wählen.",
                    taken.display()
                )));
            }
        }
        let scratch = scratch_beside(target, "backup");
        let scratch_media = scratch_beside(target, "backup-media");
        let mut published_media = false;
        let written = (|| {
            self.snapshot_into(&scratch)?;
            let media = self.media_dir();
            if media.is_dir() {
                std::fs::create_dir_all(&scratch_media).map_err(|e| {
                    StoreError::io_at(
                        text!(
                            "cannot create {}",
                            "{} lässt sich nicht anlegen",
                            scratch_media.display()
                        ),
                        &scratch_media,
                        e,
                    )
                })?;
                copy_pictures(&media, &scratch_media)?;
                rename_new(&scratch_media, &media_target).map_err(|e| {
                    StoreError::io_at(
                        text!(
                            "cannot name the backup's pictures {}",
                            "Die Bilder der Sicherung lassen sich nicht in {} umbenennen",
                            media_target.display()
                        ),
                        &media_target,
                        e,
                    )
                })?;
                published_media = true;
                sync_folder_of(&media_target)?;
            }
            link_new(&scratch, target)
        })();
        remove_database_files(&scratch);
        if scratch_media.exists() {
            let _ = std::fs::remove_dir_all(&scratch_media);
        }
        if written.is_err() && published_media {
            // The library did not follow its pictures: they are no backup.
            let _ = std::fs::remove_dir_all(&media_target);
        }
        written.map_err(|e| said_for_backup(e, self.path(), target))
    }
}

/// Gives the flushed file `scratch` the new name `target` (a hard link appears atomically and
/// fails if the name was taken meanwhile), and flushes the folder.
fn link_new(scratch: &Path, target: &Path) -> Result<(), StoreError> {
    std::fs::hard_link(scratch, target).map_err(|e| {
        StoreError::io_at(
            text!(
                "cannot write the backup {}",
                "Die Sicherung {} lässt sich nicht schreiben",
                target.display()
            ),
            target,
            e,
        )
    })?;
    sync_folder_of(target)
}
