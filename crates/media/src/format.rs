//! Which kind of picture a file is, from its first bytes (the name is only a hint for messages).

use std::path::Path;

use newsdesk_model::{Text, text};

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
        return Err(MediaError::corrupt(
            name,
            text!("the file is empty (0 bytes)", "die Datei ist leer (0 Byte)"),
        ));
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
                text!(
                    "looks like a HEIC picture by its name, but its content is not one either; \
                     HEIC is not supported yet anyway",
                    "sieht dem Namen nach wie ein HEIC-Bild aus, ist dem Inhalt nach aber keines; \
                     HEIC wird ohnehin noch nicht unterstützt"
                ),
            ));
        }
        Some(ext) => text!(
            " (although its name ends in .{ext})",
            " (obwohl der Name auf .{ext} endet)"
        ),
        None => Text::verbatim(""),
    };
    Err(MediaError::unsupported(
        name,
        Text {
            en: format!(
                "is not a picture this program reads: its content is not JPEG, PNG, WebP or \
                 TIFF{}",
                hint.en
            ),
            de: format!(
                "ist kein Bild, das Newsdesk lesen kann: der Inhalt ist weder JPEG noch PNG, \
                 WebP oder TIFF{}",
                hint.de
            ),
        },
    ))
}

/// Formats we recognise only to refuse them with a precise message.
fn known_other(bytes: &[u8]) -> Option<Text> {
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return Some(match brand {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                text!(
                    "is a HEIC picture: HEIC is not supported yet; please convert it to JPEG first",
                    "ist ein HEIC-Bild: HEIC wird noch nicht unterstützt; bitte zuerst in JPEG umwandeln"
                )
            }
            b"avif" | b"avis" => {
                text!(
                    "is an AVIF picture: AVIF is not supported yet; please convert it to JPEG first",
                    "ist ein AVIF-Bild: AVIF wird noch nicht unterstützt; bitte zuerst in JPEG umwandeln"
                )
            }
            _ => text!(
                "is a video or ISO media file, not a picture",
                "ist ein Video oder eine ISO-Mediendatei, kein Bild"
            ),
        });
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some(text!(
            "is a GIF: GIF is not supported; please use JPEG, PNG, WebP or TIFF",
            "ist ein GIF: GIF wird nicht unterstützt; bitte JPEG, PNG, WebP oder TIFF verwenden"
        ));
    }
    if bytes.starts_with(b"BM") && bytes.len() >= 14 {
        return Some(text!(
            "is a BMP: BMP is not supported; please use JPEG, PNG, WebP or TIFF",
            "ist ein BMP: BMP wird nicht unterstützt; bitte JPEG, PNG, WebP oder TIFF verwenden"
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Some(text!(
            "is a PDF document, not a picture",
            "ist ein PDF-Dokument, kein Bild"
        ));
    }
    if bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml") {
        return Some(text!(
            "is an SVG or XML document, not a picture this program reads",
            "ist ein SVG- oder XML-Dokument, kein Bild, das Newsdesk lesen kann"
        ));
    }
    if bytes.starts_with(b"\xFF\x0A") || bytes.starts_with(b"\0\0\0\x0CJXL ") {
        return Some(text!(
            "is a JPEG XL picture: JPEG XL is not supported yet",
            "ist ein JPEG-XL-Bild: JPEG XL wird noch nicht unterstützt"
        ));
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
