//! JPEG marker segments up to the first scan: enough to find and replace metadata without
//! touching the compressed picture data, which is kept byte for byte.

/// APP1 payload prefix of an EXIF segment.
pub(crate) const EXIF_PREFIX: &[u8] = b"Exif\0";
/// APP1 payload prefix of the main XMP packet.
pub(crate) const XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
/// APP13 payload prefix of a Photoshop image resource block (where IPTC IIM lives).
pub(crate) const PHOTOSHOP_PREFIX: &[u8] = b"Photoshop 3.0\0";
/// The most a segment's payload can hold (the 16-bit length counts itself).
pub(crate) const MAX_PAYLOAD: usize = 65533;

const APP1: u8 = 0xE1;
const APP13: u8 = 0xED;

/// One marker segment before the picture data.
#[derive(Debug, Clone)]
pub(crate) struct Segment<'a> {
    pub marker: u8,
    /// `None` for markers without a length (RSTn, TEM).
    pub payload: Option<&'a [u8]>,
}

/// A JPEG file cut into its header segments and everything from the first scan on.
#[derive(Debug)]
pub(crate) struct Jpeg<'a> {
    pub segments: Vec<Segment<'a>>,
    /// From the SOS (or EOI) marker to the end of the file, untouched.
    pub rest: &'a [u8],
}

impl<'a> Jpeg<'a> {
    /// Splits the header segments. Stray bytes between segments are skipped as libjpeg does;
    /// a segment that runs past the end of the file is an error.
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, String> {
        if !bytes.starts_with(&[0xFF, 0xD8]) {
            return Err("it does not start like a JPEG file".into());
        }
        let mut segments = Vec::new();
        let mut pos = 2;
        loop {
            // Skip anything that is not a marker (libjpeg: "extraneous bytes before marker").
            while pos < bytes.len() && bytes[pos] != 0xFF {
                pos += 1;
            }
            let marker_start = pos;
            while pos < bytes.len() && bytes[pos] == 0xFF {
                pos += 1;
            }
            let Some(&marker) = bytes.get(pos) else {
                return Err("the file ends before the picture data starts (it is cut off)".into());
            };
            pos += 1;
            match marker {
                0xDA | 0xD9 => {
                    return Ok(Jpeg {
                        segments,
                        rest: &bytes[marker_start..],
                    });
                }
                0x01 | 0xD0..=0xD7 => segments.push(Segment {
                    marker,
                    payload: None,
                }),
                0x00 | 0xD8 => {
                    // A stuffed zero or a second SOI where a marker should be: skip it.
                }
                _ => {
                    let length = bytes
                        .get(pos..pos + 2)
                        .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
                        .ok_or("the file ends inside a segment header (it is cut off)")?;
                    if length < 2 {
                        return Err(format!(
                            "a segment (marker 0x{marker:02X}) has an impossible length"
                        ));
                    }
                    let payload = bytes.get(pos + 2..pos + length).ok_or_else(|| {
                        format!("a segment (marker 0x{marker:02X}) runs past the end of the file (it is cut off)")
                    })?;
                    segments.push(Segment {
                        marker,
                        payload: Some(payload),
                    });
                    pos += length;
                }
            }
        }
    }

    /// The EXIF block (TIFF structure, after "Exif\0\0") of the first EXIF APP1 segment.
    pub(crate) fn exif(&self) -> Option<&'a [u8]> {
        self.app_payloads(APP1, EXIF_PREFIX)
            .next()
            .map(|p| p.get(1..).unwrap_or_default())
    }

    /// The main XMP packet.
    pub(crate) fn xmp(&self) -> Option<&'a [u8]> {
        self.app_payloads(APP1, XMP_PREFIX).next()
    }

    /// The Photoshop image resource block, joined from all its APP13 segments.
    pub(crate) fn photoshop(&self) -> Option<Vec<u8>> {
        let mut joined: Option<Vec<u8>> = None;
        for part in self.app_payloads(APP13, PHOTOSHOP_PREFIX) {
            joined.get_or_insert_with(Vec::new).extend_from_slice(part);
        }
        joined
    }

    /// Payloads (after `prefix`) of the APPn segments with that marker and prefix.
    fn app_payloads(&self, marker: u8, prefix: &'static [u8]) -> impl Iterator<Item = &'a [u8]> {
        self.segments.iter().filter_map(move |s| match s.payload {
            Some(p) if s.marker == marker && p.starts_with(prefix) => Some(&p[prefix.len()..]),
            _ => None,
        })
    }

    pub(crate) fn is_exif(segment: &Segment<'_>) -> bool {
        segment.marker == APP1 && segment.payload.is_some_and(|p| p.starts_with(EXIF_PREFIX))
    }

    pub(crate) fn is_xmp(segment: &Segment<'_>) -> bool {
        segment.marker == APP1 && segment.payload.is_some_and(|p| p.starts_with(XMP_PREFIX))
    }

    pub(crate) fn is_photoshop(segment: &Segment<'_>) -> bool {
        segment.marker == APP13
            && segment
                .payload
                .is_some_and(|p| p.starts_with(PHOTOSHOP_PREFIX))
    }
}

/// Builds a JPEG file from owned segments (marker, payload) and the untouched picture data.
pub(crate) fn assemble(segments: &[(u8, Option<Vec<u8>>)], rest: &[u8]) -> Result<Vec<u8>, String> {
    let size: usize = segments
        .iter()
        .map(|(_, p)| 4 + p.as_ref().map_or(0, Vec::len))
        .sum::<usize>()
        + rest.len()
        + 2;
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&[0xFF, 0xD8]);
    for (marker, payload) in segments {
        out.extend_from_slice(&[0xFF, *marker]);
        if let Some(payload) = payload {
            let length = u16::try_from(payload.len() + 2).map_err(|_| {
                format!(
                    "a segment of {} bytes does not fit into a JPEG segment",
                    payload.len()
                )
            })?;
            out.extend_from_slice(&length.to_be_bytes());
            out.extend_from_slice(payload);
        }
    }
    out.extend_from_slice(rest);
    Ok(out)
}

/// APP1 marker, for callers building segments.
pub(crate) const MARKER_APP1: u8 = APP1;
/// APP13 marker, for callers building segments.
pub(crate) const MARKER_APP13: u8 = APP13;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_reassembles_byte_for_byte() {
        let file = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, b'J', b'F', 0xFF, 0xE1, 0x00, 0x08, b'E', b'x',
            b'i', b'f', 0, 0, 0xFF, 0xDA, 1, 2, 3, 0xFF, 0xD9,
        ];
        let jpeg = Jpeg::parse(&file).expect("valid");
        assert_eq!(jpeg.segments.len(), 2);
        assert_eq!(jpeg.exif(), Some(&[][..]));
        let owned: Vec<_> = jpeg
            .segments
            .iter()
            .map(|s| (s.marker, s.payload.map(<[u8]>::to_vec)))
            .collect();
        assert_eq!(assemble(&owned, jpeg.rest).expect("fits"), file);
    }

    #[test]
    fn cut_off_segment_is_an_error() {
        let file = [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, b'E'];
        assert!(Jpeg::parse(&file).is_err());
        assert!(Jpeg::parse(&[0xFF, 0xD8]).is_err());
        assert!(Jpeg::parse(&[0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01]).is_err());
    }
}
