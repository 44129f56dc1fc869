//! Reading one article file, bounded: never more than [`MAX_FILE_BYTES`], never a pipe or a
//! device (which could block or never end), always UTF-8.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use newsdesk_model::limits::{MAX_FILE_BYTES, human_bytes};

fn too_large(bytes: u64) -> String {
    format!(
        "the file is {}, more than the {} Newsdesk imports as one article",
        human_bytes(bytes),
        human_bytes(MAX_FILE_BYTES)
    )
}

/// The text of the file at `path`, or why it cannot be imported (a sentence).
pub(crate) fn read_article_file(path: &Path) -> Result<String, String> {
    let bytes = read_bounded(path, MAX_FILE_BYTES, too_large)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not UTF-8 text (byte {} is not): save it as UTF-8",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

/// The bytes of the regular file at `path`, at most `max` (else `too_large(size)`), or why
/// it cannot be read (a sentence).
pub(crate) fn read_bounded(
    path: &Path,
    max: u64,
    too_large: impl Fn(u64) -> String,
) -> Result<Vec<u8>, String> {
    // O_NONBLOCK: should the file have become a pipe since it was found, opening it must not
    // wait for a writer. It changes nothing for regular files.
    let mut file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| format!("the file cannot be read: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("the file cannot be read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file (a pipe, device or socket): nothing to import".into());
    }
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte more than allowed tells a file that grew while being read.
    (&mut file)
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the file cannot be read: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
