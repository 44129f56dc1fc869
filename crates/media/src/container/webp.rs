//! WebP (RIFF) chunks: EXIF in `EXIF`, XMP in `XMP `; both need the extended header `VP8X`
//! with the matching flag bits, which is created from the bitstream header when missing.

#[derive(Debug, Clone)]
pub(crate) struct Chunk<'a> {
    pub fourcc: [u8; 4],
    pub data: &'a [u8],
}

#[derive(Debug)]
pub(crate) struct WebP<'a> {
    pub chunks: Vec<Chunk<'a>>,
}

const FLAG_ANIMATION: u8 = 0x02;
const FLAG_XMP: u8 = 0x04;
const FLAG_EXIF: u8 = 0x08;
const FLAG_ALPHA: u8 = 0x10;
const FLAG_ICC: u8 = 0x20;

impl<'a> WebP<'a> {
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, String> {
        if bytes.len() < 12 || !bytes.starts_with(b"RIFF") || &bytes[8..12] != b"WEBP" {
            return Err("it does not start like a WebP file".into());
        }
        let riff_size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        // Some writers leave trailing bytes after the RIFF: read only what the RIFF declares.
        let end = riff_size.saturating_add(8).min(bytes.len());
        let mut chunks = Vec::new();
        let mut pos = 12;
        while pos + 8 <= end {
            let fourcc = [bytes[pos], bytes[pos + 1], bytes[pos + 2], bytes[pos + 3]];
            let size = u32::from_le_bytes([
                bytes[pos + 4],
                bytes[pos + 5],
                bytes[pos + 6],
                bytes[pos + 7],
            ]) as usize;
            let data = bytes.get(pos + 8..pos + 8 + size).ok_or_else(|| {
                format!(
                    "{} runs past the end of the file (it is cut off)",
                    super::chunk_name(&fourcc)
                )
            })?;
            chunks.push(Chunk { fourcc, data });
            pos += 8 + size + (size & 1);
        }
        if chunks.is_empty() {
            return Err("it holds no picture data".into());
        }
        Ok(WebP { chunks })
    }

    pub(crate) fn exif(&self) -> Option<&'a [u8]> {
        self.find(b"EXIF").map(|data| {
            // Some writers keep the JPEG-style "Exif\0\0" prefix.
            data.strip_prefix(b"Exif\0\0").unwrap_or(data)
        })
    }

    pub(crate) fn xmp(&self) -> Option<&'a [u8]> {
        self.find(b"XMP ")
    }

    fn find(&self, fourcc: &[u8; 4]) -> Option<&'a [u8]> {
        self.chunks
            .iter()
            .find(|c| &c.fourcc == fourcc)
            .map(|c| c.data)
    }

    /// The file with its `EXIF` and `XMP ` chunks replaced (`None` removes one).
    pub(crate) fn rebuild(
        &self,
        exif: Option<&[u8]>,
        xmp: Option<&[u8]>,
    ) -> Result<Vec<u8>, String> {
        let mut body: Vec<(&[u8; 4], std::borrow::Cow<'_, [u8]>)> = Vec::new();
        let mut has_vp8x = false;
        for chunk in &self.chunks {
            match &chunk.fourcc {
                b"EXIF" | b"XMP " => {}
                b"VP8X" => {
                    has_vp8x = true;
                    body.push((&chunk.fourcc, chunk.data.into()));
                }
                _ => body.push((&chunk.fourcc, chunk.data.into())),
            }
        }
        let needs_vp8x = exif.is_some() || xmp.is_some();
        if !has_vp8x && needs_vp8x {
            body.insert(0, (b"VP8X", self.new_vp8x()?.into()));
            has_vp8x = true;
        }
        if has_vp8x {
            for (fourcc, data) in &mut body {
                if *fourcc == b"VP8X" {
                    let mut header = data.to_vec();
                    if let Some(flags) = header.first_mut() {
                        *flags &= !(FLAG_EXIF | FLAG_XMP);
                        if exif.is_some() {
                            *flags |= FLAG_EXIF;
                        }
                        if xmp.is_some() {
                            *flags |= FLAG_XMP;
                        }
                    }
                    *data = header.into();
                }
            }
        }
        if let Some(exif) = exif {
            body.push((b"EXIF", exif.into()));
        }
        if let Some(xmp) = xmp {
            body.push((b"XMP ", xmp.into()));
        }
        let mut out = Vec::new();
        out.extend_from_slice(b"RIFF\0\0\0\0WEBP");
        for (fourcc, data) in &body {
            let size = u32::try_from(data.len())
                .map_err(|_| "a WebP chunk cannot hold more than 4 GiB".to_string())?;
            out.extend_from_slice(*fourcc);
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(data);
            if data.len() & 1 == 1 {
                out.push(0);
            }
        }
        let riff_size = u32::try_from(out.len() - 8)
            .map_err(|_| "a WebP file cannot be larger than 4 GiB".to_string())?;
        out[4..8].copy_from_slice(&riff_size.to_le_bytes());
        Ok(out)
    }

    /// A `VP8X` header for a simple-format file, from its `VP8 ` or `VP8L` bitstream header.
    fn new_vp8x(&self) -> Result<Vec<u8>, String> {
        let mut flags = 0u8;
        let (width, height) = if let Some(vp8) = self.find(b"VP8 ") {
            // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
            let header = vp8
                .get(3..10)
                .filter(|h| h[..3] == [0x9D, 0x01, 0x2A])
                .ok_or("its VP8 picture header is damaged")?;
            let width = u32::from(u16::from_le_bytes([header[3], header[4]]) & 0x3FFF);
            let height = u32::from(u16::from_le_bytes([header[5], header[6]]) & 0x3FFF);
            (width, height)
        } else if let Some(vp8l) = self.find(b"VP8L") {
            let header = vp8l
                .get(..5)
                .filter(|h| h[0] == 0x2F)
                .ok_or("its lossless picture header is damaged")?;
            let bits = u32::from_le_bytes([header[1], header[2], header[3], header[4]]);
            if bits & (1 << 28) != 0 {
                flags |= FLAG_ALPHA;
            }
            ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        } else {
            return Err("it holds no VP8 or VP8L picture data".into());
        };
        if width == 0 || height == 0 {
            return Err("its picture header declares a size of zero".into());
        }
        if self.find(b"ICCP").is_some() {
            flags |= FLAG_ICC;
        }
        if self.find(b"ANIM").is_some() {
            flags |= FLAG_ANIMATION;
        }
        let mut vp8x = vec![flags, 0, 0, 0];
        vp8x.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
        vp8x.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
        Ok(vp8x)
    }
}
