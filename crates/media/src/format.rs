//! Which kind of picture a file is, from its first bytes (the name is only a hint for messages).

use std::path::Path;

use crate::MediaError;

/// The picture formats this crate reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Jpeg,
    Png,
    WebP,
    Tiff,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::WebP => "webp",
            Format::Tiff => "tiff",
        }
    }
}

/// The format of `bytes` by their signature: "jpeg", "png", "webp" or "tiff"; `None` for
/// anything else (including HEIC, GIF and text).
pub fn format_of(bytes: &[u8]) -> Option<&'static str> {
    sniff(bytes).map(Format::name)
}

pub(crate) fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(Format::WebP)
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some(Format::Tiff)
    } else {
        None
    }
}

/// The format of `bytes`, or an error that says in plain words what the file is instead.
pub(crate) fn require(bytes: &[u8], name: &Path) -> Result<Format, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::corrupt(name, "the file is empty (0 bytes)"));
    }
    if let Some(format) = sniff(bytes) {
        return Ok(format);
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        // A JPEG start marker and nothing usable after it: let the JPEG reader say what is wrong.
        return Ok(Format::Jpeg);
    }
    if let Some(kind) = known_other(bytes) {
        return Err(MediaError::unsupported(name, kind));
    }
    let extension = name
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let hint = match extension.as_deref() {
        Some("heic" | "heif") => {
            return Err(MediaError::unsupported(
                name,
                "looks like a HEIC picture by its name, but its content is not one either; \
                 HEIC is not supported yet anyway",
            ));
        }
        Some(ext) => format!(" (although its name ends in .{ext})"),
        None => String::new(),
    };
    Err(MediaError::unsupported(
        name,
        format!(
            "is not a picture this program reads: its content is not JPEG, PNG, WebP or TIFF{hint}"
        ),
    ))
}

/// Formats we recognise only to refuse them with a precise message.
fn known_other(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return Some(match brand {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                "is a HEIC picture: HEIC is not supported yet; please convert it to JPEG first"
            }
            b"avif" | b"avis" => {
                "is an AVIF picture: AVIF is not supported yet; please convert it to JPEG first"
            }
            _ => "is a video or ISO media file, not a picture",
        });
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some("is a GIF: GIF is not supported; please use JPEG, PNG, WebP or TIFF");
    }
    if bytes.starts_with(b"BM") && bytes.len() >= 14 {
        return Some("is a BMP: BMP is not supported; please use JPEG, PNG, WebP or TIFF");
    }
    if bytes.starts_with(b"%PDF") {
        return Some("is a PDF document, not a picture");
    }
    if bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml") {
        return Some("is an SVG or XML document, not a picture this program reads");
    }
    if bytes.starts_with(b"\xFF\x0A") || bytes.starts_with(b"\0\0\0\x0CJXL ") {
        return Some("is a JPEG XL picture: JPEG XL is not supported yet");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        assert_eq!(format_of(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpeg"));
        assert_eq!(format_of(b"\x89PNG\r\n\x1a\n...."), Some("png"));
        assert_eq!(format_of(b"RIFF\0\0\0\0WEBPVP8 "), Some("webp"));
        assert_eq!(format_of(b"II*\0\x08\0\0\0"), Some("tiff"));
        assert_eq!(format_of(b"MM\0*\0\0\0\x08"), Some("tiff"));
        assert_eq!(format_of(b"RIFF\0\0\0\0WAVE"), None);
        assert_eq!(format_of(b""), None);
        assert_eq!(format_of(b"hello"), None);
    }

    #[test]
    fn heic_is_refused_with_a_clear_message() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        let error = require(heic, Path::new("IMG_0001.HEIC")).expect_err("HEIC is refused");
        assert!(matches!(error, MediaError::Unsupported { .. }));
        assert!(
            error.to_string().contains("HEIC is not supported yet"),
            "{error}"
        );
    }

    #[test]
    fn text_named_png_is_not_a_picture() {
        let error = require(b"hello world", Path::new("notes.png")).expect_err("text is refused");
        let text = error.to_string();
        assert!(
            text.contains("notes.png") && text.contains(".png"),
            "{text}"
        );
    }
}
