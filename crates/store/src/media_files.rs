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

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Store, StoreError};

/// The two renditions made on import: long edge in pixels.
pub const THUMBNAIL_EDGE: u32 = 320;
pub const PREVIEW_EDGE: u32 = 1600;

fn checked_hash(hash: &str) -> Result<&str, StoreError> {
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hash)
    } else {
        Err(StoreError::Invalid(format!(
            "{hash:?} is not a SHA-256 in hex"
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
        let extension = match format {
            "jpeg" => "jpg",
            "png" => "png",
            "webp" => "webp",
            "tiff" => "tif",
            other => {
                return Err(StoreError::Invalid(format!(
                    "unknown picture format {other:?}"
                )));
            }
        };
        Ok(self
            .media_dir()
            .join("originals")
            .join(&hash[..2])
            .join(format!("{hash}.{extension}")))
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
        let io = |source: std::io::Error| {
            StoreError::io(
                format!("the picture file {} cannot be written", path.display()),
                source,
            )
        };
        if std::fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            return Ok(());
        }
        let dir = path
            .parent()
            .ok_or_else(|| StoreError::Invalid(format!("{} has no folder", path.display())))?;
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        temp.write_all(bytes).map_err(io)?;
        temp.as_file().sync_all().map_err(io)?;
        temp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }
}
