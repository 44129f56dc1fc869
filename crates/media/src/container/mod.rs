//! The picture containers, as far as metadata needs them: where the EXIF, XMP and IPTC blocks
//! are, and how to put new ones in without touching the pixels.

pub(crate) mod jpeg;
pub(crate) mod png;
pub(crate) mod tiff;
pub(crate) mod webp;

/// "the chunk IDAT" for a readable chunk type, "a chunk" for garbage.
pub(crate) fn chunk_name(kind: &[u8; 4]) -> String {
    if kind.iter().all(|b| b.is_ascii_alphanumeric() || *b == b' ') {
        format!("the chunk {}", String::from_utf8_lossy(kind).trim())
    } else {
        "a chunk".to_owned()
    }
}
