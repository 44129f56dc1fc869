//! Long text kept compressed in the library: an article's body and its past revisions.
//!
//! A value is written as a zstd frame (a BLOB) when that is smaller than the text, else as the
//! text itself; so short values and libraries written before stay plain TEXT and every
//! reader takes both. German news text shrinks to about 40 % (the archive benchmark).
//! Reading refuses a frame that unpacks to more than [`MAX_UNPACKED`] or to anything but
//! UTF-8, as a damaged library, instead of running out of memory.

use std::cell::RefCell;
use std::io::Read;

use newsdesk_model::limits::MAX_ARTICLE_BYTES;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, Value, ValueRef};

/// zstd's level: the fastest of the standard ones. On article-sized German text it packs
/// within 1 % of level 3 (the default) at about twice the speed (measured on the archive
/// benchmark's bodies).
const LEVEL: i32 = 1;
/// Texts shorter than this stay plain: a frame's header would eat what it saves.
const PACK_FROM: usize = 128;
/// The most a stored value may unpack to: a revision is an article's JSON (at most
/// [`MAX_ARTICLE_BYTES`] of text, escaped).
pub(crate) const MAX_UNPACKED: usize = 8 * MAX_ARTICLE_BYTES;

thread_local! {
    // zstd's contexts, made once per thread: making one per value (~100 KiB zeroed) cost as
    // much as the unpacking itself when the search index is rebuilt.
    static PACKER: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
    static UNPACKER: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { RefCell::new(None) };
}

/// The column value for `text`: compressed when that saves space.
pub(crate) fn pack(text: &str) -> ToSqlOutput<'_> {
    if text.len() >= PACK_FROM
        && let Ok(frame) = compress(text.as_bytes())
        && frame.len() < text.len()
    {
        return ToSqlOutput::Owned(Value::Blob(frame));
    }
    ToSqlOutput::from(text)
}

fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    PACKER.with(|packer| {
        let mut packer = packer.borrow_mut();
        if packer.is_none() {
            *packer = Some(zstd::bulk::Compressor::new(LEVEL)?);
        }
        match packer.as_mut() {
            Some(packer) => packer.compress(bytes),
            None => zstd::bulk::compress(bytes, LEVEL),
        }
    })
}

/// A text column that may hold a packed value.
pub(crate) struct Packed(pub String);

impl FromSql for Packed {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec())
                .map(Packed)
                .map_err(|e| FromSqlError::Other(Box::new(e))),
            ValueRef::Blob(frame) => unpack(frame).map(Packed),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

fn unpack(frame: &[u8]) -> FromSqlResult<String> {
    let other = |e: std::io::Error| FromSqlError::Other(Box::new(e));
    // Every frame [`pack`] writes says its size: unpacked at once into a buffer of that size.
    if let Ok(Some(size)) = zstd::zstd_safe::get_frame_content_size(frame) {
        if size > MAX_UNPACKED as u64 {
            return Err(FromSqlError::Other(
                format!("a stored text says it unpacks to {size} bytes, more than {MAX_UNPACKED}")
                    .into(),
            ));
        }
        let text = UNPACKER
            .with(|unpacker| {
                let mut unpacker = unpacker.borrow_mut();
                if unpacker.is_none() {
                    *unpacker = Some(zstd::bulk::Decompressor::new()?);
                }
                match unpacker.as_mut() {
                    Some(unpacker) => unpacker.decompress(frame, size as usize),
                    None => zstd::bulk::decompress(frame, size as usize),
                }
            })
            .map_err(other)?;
        return String::from_utf8(text).map_err(|e| FromSqlError::Other(Box::new(e)));
    }
    // A frame without its size (not written by Newsdesk): streamed, up to the limit.
    let mut text = Vec::new();
    zstd::stream::read::Decoder::new(frame)
        .map_err(other)?
        .take(MAX_UNPACKED as u64 + 1)
        .read_to_end(&mut text)
        .map_err(other)?;
    if text.len() > MAX_UNPACKED {
        return Err(FromSqlError::Other(
            format!("a stored text unpacks to more than {MAX_UNPACKED} bytes").into(),
        ));
    }
    String::from_utf8(text).map_err(|e| FromSqlError::Other(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(text: &str) -> Value {
        match pack(text) {
            ToSqlOutput::Owned(v) => v,
            ToSqlOutput::Borrowed(ValueRef::Text(t)) => {
                Value::Text(String::from_utf8_lossy(t).into())
            }
            ToSqlOutput::Borrowed(ValueRef::Blob(b)) => Value::Blob(b.to_vec()),
            _ => Value::Null,
        }
    }

    fn read(value: &Value) -> FromSqlResult<String> {
        Packed::column_result(ValueRef::from(value)).map(|p| p.0)
    }

    #[test]
    fn long_text_is_packed_and_read_back_whole() {
        let body =
            "Die Landesregierung hat die Strategie für E-Government fortgeschrieben. ".repeat(40);
        let value = stored(&body);
        let Value::Blob(frame) = &value else {
            panic!("a long German text is stored packed, got {value:?}");
        };
        assert!(frame.len() * 4 < body.len(), "repeated text packs well");
        assert_eq!(read(&value).ok().as_deref(), Some(body.as_str()));
    }

    #[test]
    fn short_and_incompressible_text_stays_plain() {
        assert_eq!(stored("Kurz."), Value::Text("Kurz.".into()));
        let noise: String = (0..400u32)
            .map(|i| char::from_u32(0x4e00 + (i.wrapping_mul(2654435761) % 20000)).unwrap_or('x'))
            .collect();
        assert!(
            matches!(stored(&noise), Value::Text(_) | Value::Blob(_)),
            "either way it reads back"
        );
        assert_eq!(read(&stored(&noise)).ok(), Some(noise));
    }

    #[test]
    fn a_damaged_frame_is_an_error_not_a_panic() {
        assert!(read(&Value::Blob(vec![0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3])).is_err());
        assert!(read(&Value::Blob(b"not a frame at all".to_vec())).is_err());
        assert!(read(&Value::Integer(3)).is_err());
    }

    #[test]
    fn a_frame_unpacking_beyond_the_limit_is_refused() {
        let huge = vec![b'a'; MAX_UNPACKED + 10];
        let frame = zstd::bulk::compress(&huge, 1).expect("compress");
        assert!(
            read(&Value::Blob(frame)).is_err(),
            "a bomb in a damaged library is refused, not unpacked into memory"
        );
    }
}
