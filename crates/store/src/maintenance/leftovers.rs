//! Leftovers in the pictures' folder: the temporary files of a process killed while it wrote
//! a picture (an import, a restore). Found and removed by `db check`; see
//! [`crate::images::files`] for how they are told from files being written right now.

use newsdesk_model::text;
use std::path::{Path, PathBuf};

use crate::images::files::{MediaWriting, files_under, is_temporary};
use crate::{Store, StoreError};

/// A leftover file removed from the pictures' folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub path: PathBuf,
    pub bytes: u64,
}

/// What [`Store::remove_media_leftovers`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftoverCleanup {
    pub removed: Vec<Leftover>,
    /// A picture import (of this or another process) was writing: nothing was looked at,
    /// since its temporary files cannot be told from leftovers meanwhile.
    pub writer_busy: bool,
}

/// Every temporary file under `media` (the lock file and pictures aside).
fn temporary_files(media: &Path) -> Result<Vec<Leftover>, StoreError> {
    Ok(files_under(media)?
        .into_iter()
        .filter(|entry| is_temporary(&entry.file_name().to_string_lossy()))
        .map(|entry| Leftover {
            bytes: entry.metadata().map_or(0, |m| m.len()),
            path: entry.path(),
        })
        .collect())
}

impl Store {
    /// Removes the temporary files that killed imports left in the pictures' folder, unless
    /// an import is writing right now (then nothing is touched, and it says so).
    pub fn remove_media_leftovers(&self) -> Result<LeftoverCleanup, StoreError> {
        let media = self.media_dir();
        if !media.is_dir() {
            return Ok(LeftoverCleanup::default());
        }
        // Held until the end: no writer starts a temporary file meanwhile.
        let exclusive = match MediaWriting::exclusive(&media) {
            // A write-protected disk: nothing can be removed, and no import writes there.
            Err(StoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::ReadOnlyFilesystem =>
            {
                return Ok(LeftoverCleanup::default());
            }
            other => other?,
        };
        let Some(_exclusive) = exclusive else {
            return Ok(LeftoverCleanup {
                removed: Vec::new(),
                writer_busy: true,
            });
        };
        let mut removed = Vec::new();
        for leftover in temporary_files(&media)? {
            match std::fs::remove_file(&leftover.path) {
                Ok(()) => removed.push(leftover),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(StoreError::io(
                        text!(
                            "cannot remove the leftover {}",
                            "Die liegengebliebene Datei {} lässt sich nicht entfernen",
                            leftover.path.display()
                        ),
                        e,
                    ));
                }
            }
        }
        Ok(LeftoverCleanup {
            removed,
            writer_busy: false,
        })
    }
}
