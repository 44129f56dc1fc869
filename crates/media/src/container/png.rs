//! PNG chunks: EXIF lives in `eXIf`, XMP in an `iTXt` chunk with the keyword
//! "XML:com.adobe.xmp". Pixel chunks are kept byte for byte.

use super::chunk_name;

pub(crate) const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
const XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp";

#[derive(Debug, Clone)]
pub(crate) struct Chunk<'a> {
    pub kind: [u8; 4],
    pub data: &'a [u8],
    /// The whole chunk as in the file (length, type, data, CRC), for copying it unchanged.
    pub raw: &'a [u8],
}

#[derive(Debug)]
pub(crate) struct Png<'a> {
    pub chunks: Vec<Chunk<'a>>,
}

impl<'a> Png<'a> {
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, String> {
        if !bytes.starts_with(SIGNATURE) {
            return Err("it does not start like a PNG file".into());
        }
        let mut chunks = Vec::new();
        let mut pos = SIGNATURE.len();
        while pos < bytes.len() {
            let header = bytes
                .get(pos..pos + 8)
                .ok_or("the file ends inside a chunk header (it is cut off)")?;
            let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
            let kind = [header[4], header[5], header[6], header[7]];
            let end = pos
                .checked_add(12)
                .and_then(|p| p.checked_add(length))
                .filter(|&end| end <= bytes.len())
                .ok_or_else(|| {
                    format!(
                        "{} runs past the end of the file (it is cut off)",
                        chunk_name(&kind)
                    )
                })?;
            chunks.push(Chunk {
                kind,
                data: &bytes[pos + 8..pos + 8 + length],
                raw: &bytes[pos..end],
            });
            pos = end;
            if &kind == b"IEND" {
                break;
            }
        }
        if chunks.first().map(|c| &c.kind) != Some(b"IHDR") {
            return Err("its first chunk is not the image header (IHDR)".into());
        }
        Ok(Png { chunks })
    }

    pub(crate) fn exif(&self) -> Option<&'a [u8]> {
        self.chunks
            .iter()
            .find(|c| &c.kind == b"eXIf")
            .map(|c| c.data)
    }

    /// The XMP packet of an uncompressed `iTXt` chunk (compressed XMP is not read).
    pub(crate) fn xmp(&self) -> Option<&'a [u8]> {
        self.chunks.iter().find_map(|c| xmp_text(c))
    }

    pub(crate) fn is_xmp(chunk: &Chunk<'_>) -> bool {
        &chunk.kind == b"iTXt"
            && chunk.data.starts_with(XMP_KEYWORD)
            && chunk.data.get(XMP_KEYWORD.len()) == Some(&0)
    }
}

fn xmp_text<'a>(chunk: &Chunk<'a>) -> Option<&'a [u8]> {
    if !Png::is_xmp(chunk) {
        return None;
    }
    // keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
    let rest = &chunk.data[XMP_KEYWORD.len() + 1..];
    let (&flag, rest) = rest.split_first()?;
    if flag != 0 {
        return None;
    }
    let rest = rest.get(1..)?;
    let language_end = rest.iter().position(|&b| b == 0)?;
    let rest = &rest[language_end + 1..];
    let translated_end = rest.iter().position(|&b| b == 0)?;
    Some(&rest[translated_end + 1..])
}

/// A complete chunk (length, type, data, CRC).
pub(crate) fn chunk(kind: &[u8; 4], data: &[u8]) -> Result<Vec<u8>, String> {
    let length = u32::try_from(data.len())
        .map_err(|_| "a PNG chunk cannot hold more than 4 GiB".to_string())?;
    let mut out = Vec::with_capacity(data.len() + 12);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
    Ok(out)
}

/// The data of an uncompressed XMP `iTXt` chunk.
pub(crate) fn xmp_chunk_data(packet: &[u8]) -> Vec<u8> {
    let mut data = Vec::with_capacity(packet.len() + XMP_KEYWORD.len() + 5);
    data.extend_from_slice(XMP_KEYWORD);
    data.extend_from_slice(&[0, 0, 0, 0, 0]);
    data.extend_from_slice(packet);
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_chunk_round_trips() {
        let mut file = SIGNATURE.to_vec();
        file.extend(chunk(b"IHDR", &[0; 13]).expect("small"));
        file.extend(chunk(b"iTXt", &xmp_chunk_data(b"<x:xmpmeta/>")).expect("small"));
        file.extend(chunk(b"IEND", &[]).expect("small"));
        let png = Png::parse(&file).expect("valid");
        assert_eq!(png.xmp(), Some(&b"<x:xmpmeta/>"[..]));
        assert_eq!(png.chunks.len(), 3);
    }

    #[test]
    fn cut_off_chunk_is_an_error() {
        let mut file = SIGNATURE.to_vec();
        file.extend(chunk(b"IHDR", &[0; 13]).expect("small"));
        file.truncate(file.len() - 3);
        assert!(Png::parse(&file).is_err());
    }
}
