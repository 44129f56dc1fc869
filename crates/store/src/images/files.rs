//! The pictures' files beside the library: `<library>.media/` next to `<library>.sqlite`,
//! named by the hash of the original, so the same file is stored once.
//!
//! ```text
//! library.media/originals/3f/3f9a…e1.jpg       the imported file, byte for byte
//! library.media/renditions/3f/3f9a…e1-320.jpg  thumbnail (long edge 320 px)
//! library.media/renditions/3f/3f9a…e1-1600.jpg preview (long edge 1600 px)
//! ```
//!
//! A file is written whole (temporary name, fsync, rename) before the library's row that
//! names it commits, so a row never points at a half-written file; a crash between the two
//! leaves at most an unnamed file, which the next import of the same picture reuses.
//!
//! Temporary files are named `.newsdesk-XXXXXX.part`, and whoever writes them holds a shared
//! lock on `<library>.media/.writers.lock` meanwhile. A process killed while writing leaves
//! its temporary file; `db check` takes that lock exclusively — it gets it only while no
//! import (of any process) is writing — and removes every temporary file it then finds
//! ([`Store::remove_media_leftovers`]).

use newsdesk_model::text;
use std::fs::File;
use std::path::{Path, PathBuf};

pub(crate) use crate::whole_file::Content;
use crate::whole_file::{Existing, TEMP_SUFFIX};
use crate::{Store, StoreError};

/// The lock file in the pictures' folder (see the module docs).
const WRITERS_LOCK: &str = ".writers.lock";

/// True for the name of a temporary file in the pictures' folder: this build's, and those of
/// earlier builds (tempfile's `.tmpXXXXXX`, a restore's `<hash>.part`).
pub(crate) fn is_temporary(name: &str) -> bool {
    name.starts_with(".tmp") || name.ends_with(TEMP_SUFFIX)
}

/// Every file under `media` (a missing folder holds none), in the order of their paths: what
/// a backup copies and what `db check` looks through for leftovers.
pub(crate) fn files_under(media: &Path) -> Result<Vec<std::fs::DirEntry>, StoreError> {
    let mut found = Vec::new();
    let mut folders = vec![media.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(StoreError::io(
                    text!(
                        "cannot read the pictures folder {}",
                        "Der Bilderordner {} lässt sich nicht lesen",
                        folder.display()
                    ),
                    e,
                ));
            }
        };
        for entry in entries {
            let entry = entry.map_err(|e| {
                StoreError::io(
                    text!(
                        "cannot read the folder {}",
                        "Der Ordner {} lässt sich nicht lesen",
                        folder.display()
                    ),
                    e,
                )
            })?;
            let kind = entry.file_type().map_err(|e| {
                StoreError::io(
                    text!(
                        "cannot read {}",
                        "{} lässt sich nicht lesen",
                        entry.path().display()
                    ),
                    e,
                )
            })?;
            if kind.is_dir() {
                folders.push(entry.path());
            } else if kind.is_file() {
                found.push(entry);
            }
        }
    }
    found.sort_by_key(std::fs::DirEntry::path);
    Ok(found)
}

/// The shared lock every writer of temporary files in `media` holds while they exist.
pub(crate) struct MediaWriting {
    _lock: File,
}

/// Opens (making it as needed) the lock file of the pictures' folder `media`.
fn open_writers_lock(media: &Path) -> Result<File, StoreError> {
    std::fs::create_dir_all(media).map_err(|e| {
        StoreError::io_at(
            text!(
                "cannot create the pictures folder {}",
                "Der Bilderordner {} lässt sich nicht anlegen",
                media.display()
            ),
            media,
            e,
        )
    })?;
    let path = media.join(WRITERS_LOCK);
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| {
            StoreError::io_at(
                text!(
                    "cannot open {}",
                    "{} lässt sich nicht öffnen",
                    path.display()
                ),
                &path,
                e,
            )
        })
}

impl MediaWriting {
    /// Waits while `db check` removes leftovers (a moment), then holds the lock shared.
    pub(crate) fn begin(media: &Path) -> Result<MediaWriting, StoreError> {
        let lock = open_writers_lock(media)?;
        lock.lock_shared().map_err(|e| {
            StoreError::io(
                text!(
                    "cannot lock {}",
                    "{} lässt sich nicht sperren",
                    media.join(WRITERS_LOCK).display()
                ),
                e,
            )
        })?;
        Ok(MediaWriting { _lock: lock })
    }

    /// The lock taken exclusively, if no writer holds it now (`None` while one does).
    pub(crate) fn exclusive(media: &Path) -> Result<Option<File>, StoreError> {
        let lock = open_writers_lock(media)?;
        match lock.try_lock() {
            Ok(()) => Ok(Some(lock)),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::io(
                text!(
                    "cannot lock {}",
                    "{} lässt sich nicht sperren",
                    media.join(WRITERS_LOCK).display()
                ),
                e,
            )),
        }
    }
}

/// Writes `content` to `path` whole ([`crate::whole_file`]), making its folder first —
/// never over an existing file when `no_clobber`. The caller holds [`MediaWriting`] for the
/// folder the file is in.
pub(crate) fn write_whole(
    path: &Path,
    content: Content<'_>,
    no_clobber: bool,
) -> Result<(), StoreError> {
    let io = |source: std::io::Error| {
        StoreError::io_at(
            text!(
                "cannot write the file {}",
                "Die Datei {} lässt sich nicht schreiben",
                path.display()
            ),
            path,
            source,
        )
    };
    let dir = path.parent().ok_or_else(|| {
        StoreError::Invalid(text!(
            "{} has no folder",
            "{} liegt in keinem Ordner",
            path.display()
        ))
    })?;
    std::fs::create_dir_all(dir).map_err(io)?;
    let existing = if no_clobber {
        Existing::Keep
    } else {
        Existing::Replace
    };
    crate::whole_file::write_whole(path, content, existing).map_err(io)
}

/// The file extension of an original in `format` (jpeg, png, webp, tiff).
pub(crate) fn original_extension(format: &str) -> Option<&'static str> {
    match format {
        "jpeg" => Some("jpg"),
        "png" => Some("png"),
        "webp" => Some("webp"),
        "tiff" => Some("tif"),
        _ => None,
    }
}

/// Where the original of `hash` in `format` lives under the pictures' folder `media`.
pub(crate) fn original_in(media: &Path, hash: &str, extension: &str) -> PathBuf {
    let fan = hash.get(..2).unwrap_or("00");
    media
        .join("originals")
        .join(fan)
        .join(format!("{hash}.{extension}"))
}

fn checked_hash(hash: &str) -> Result<&str, StoreError> {
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hash)
    } else {
        Err(StoreError::Invalid(text!(
            "{hash:?} is not a SHA-256 in hex",
            "{hash:?} ist kein SHA-256 in Hexadezimalschreibweise"
        )))
    }
}

impl Store {
    /// The folder holding the pictures' files: the library's path with `.media` for its
    /// extension.
    pub fn media_dir(&self) -> PathBuf {
        self.path().with_extension("media")
    }

    /// Where the original of the picture with `hash` lives (`format`: jpeg, png, …).
    pub fn original_path(&self, hash: &str, format: &str) -> Result<PathBuf, StoreError> {
        let hash = checked_hash(hash)?;
        let extension = original_extension(format).ok_or_else(|| {
            StoreError::Invalid(text!(
                "unknown picture format {format:?}",
                "unbekanntes Bildformat {format:?}"
            ))
        })?;
        Ok(original_in(&self.media_dir(), hash, extension))
    }

    /// Where the JPEG rendition of the picture with `hash` at long edge `edge` lives.
    pub fn rendition_path(&self, hash: &str, edge: u32) -> Result<PathBuf, StoreError> {
        let hash = checked_hash(hash)?;
        Ok(self
            .media_dir()
            .join("renditions")
            .join(&hash[..2])
            .join(format!("{hash}-{edge}.jpg")))
    }

    /// Writes `bytes` to `path` whole: a temporary file beside it, flushed to disk, then
    /// renamed into place. An existing file of the same size is kept (content-addressed).
    pub fn put_media_file(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        if std::fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            return Ok(());
        }
        let _writing = MediaWriting::begin(&self.media_dir())?;
        write_whole(path, Content::Bytes(bytes), false)
    }
}
