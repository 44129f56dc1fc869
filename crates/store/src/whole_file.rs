//! Writing a file whole or not at all — the library's pictures, a backup's pictures, an
//! exported file: a temporary file beside the target (`.newsdesk-XXXXXX.part`), flushed to
//! disk, moved into place (never over an existing file when asked: `persist_noclobber`, one
//! atomic step with no gap between a check and the rename), then the folder flushed, so the
//! new name survives a crash. A failure removes the temporary file.

use std::fs::File;
use std::io::Write;
use std::path::Path;

/// How temporary files begin and end (a `db check` removes them from the pictures' folder).
pub(crate) const TEMP_PREFIX: &str = ".newsdesk-";
pub(crate) const TEMP_SUFFIX: &str = ".part";

/// What [`write_whole`] writes.
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    Bytes(&'a [u8]),
    /// A copy of this file.
    File(&'a Path),
}

/// Whether [`write_whole`] may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replaced (atomically: readers see the old or the new file, never a mix).
    Replace,
    /// Left alone: the write fails with [`std::io::ErrorKind::AlreadyExists`].
    Keep,
}

/// Writes `content` to `path` whole (see the module docs). The folder must exist. A failure
/// to read [`Content::File`] is said with that file's name.
pub fn write_whole(path: &Path, content: Content<'_>, existing: Existing) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Dropped on any failure, the temporary file goes with it.
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    match content {
        Content::Bytes(bytes) => temp.write_all(bytes)?,
        Content::File(from) => {
            let mut source = File::open(from).map_err(|e| {
                std::io::Error::new(e.kind(), format!("cannot read {}: {e}", from.display()))
            })?;
            std::io::copy(&mut source, &mut temp)?;
        }
    }
    temp.as_file().sync_all()?;
    match existing {
        Existing::Keep => temp.persist_noclobber(path).map_err(|e| e.error)?,
        Existing::Replace => temp.persist(path).map_err(|e| e.error)?,
    };
    sync_folder(dir)
}

/// Flushes `folder` itself to disk, so that a name made in it survives a crash (a no-op
/// where folders cannot be opened).
pub(crate) fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder).and_then(|f| f.sync_all())
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_or_replaced_as_asked() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("a.txt");
        write_whole(&path, Content::Bytes(b"one"), Existing::Keep).expect("new file");
        let refused = write_whole(&path, Content::Bytes(b"two"), Existing::Keep);
        assert_eq!(
            refused.map_err(|e| e.kind()),
            Err(std::io::ErrorKind::AlreadyExists),
            "never over an existing file when asked"
        );
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        write_whole(&path, Content::Bytes(b"two"), Existing::Replace).expect("replaced");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }
}
