//! The one error type of this crate. Every message names the file and says in plain words what
//! is wrong with it, so a caller can show `to_string()` to a person as it is.

use std::path::{Path, PathBuf};

use newsdesk_model::{Localized, Text};

/// What went wrong with one picture. Callers branch on the variant; the text is for people.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// The file could not be read from disk (only [`crate::read_file`] touches the disk).
    #[error("cannot read {}: {source}", file.display())]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not a picture this crate handles (HEIC, GIF, a text file, …).
    #[error("{} {reason}", file.display())]
    Unsupported { file: PathBuf, reason: Text },
    /// Over one of the [`crate::Limits`]: refused before the pixels are decoded.
    #[error("{} is too large: {reason}", file.display())]
    TooLarge { file: PathBuf, reason: Text },
    /// The picture's structure or pixel data is damaged (cut off, inconsistent, not decodable).
    #[error("{} is damaged: {reason}", file.display())]
    Corrupt { file: PathBuf, reason: Text },
    /// The metadata (EXIF, IPTC, XMP) is damaged, or the new metadata cannot be written.
    #[error("the metadata of {} {reason}", file.display())]
    Metadata { file: PathBuf, reason: Text },
}

impl MediaError {
    /// The file the error is about, as the caller named it.
    pub fn file(&self) -> &Path {
        match self {
            MediaError::Io { file, .. }
            | MediaError::Unsupported { file, .. }
            | MediaError::TooLarge { file, .. }
            | MediaError::Corrupt { file, .. }
            | MediaError::Metadata { file, .. } => file,
        }
    }

    pub(crate) fn unsupported(file: &Path, reason: Text) -> Self {
        MediaError::Unsupported {
            file: file.to_path_buf(),
            reason,
        }
    }

    pub(crate) fn too_large(file: &Path, reason: Text) -> Self {
        MediaError::TooLarge {
            file: file.to_path_buf(),
            reason,
        }
    }

    pub(crate) fn corrupt(file: &Path, reason: Text) -> Self {
        MediaError::Corrupt {
            file: file.to_path_buf(),
            reason,
        }
    }

    pub(crate) fn metadata(file: &Path, reason: Text) -> Self {
        MediaError::Metadata {
            file: file.to_path_buf(),
            reason,
        }
    }
}

/// A reason the metadata readers and writers gave in English ("is damaged: …", "cannot be
/// written: …"): its leading clause in German, the technical detail after it as it came.
pub(crate) fn metadata_reason(reason: String) -> Text {
    const CLAUSES: [(&str, &str); 2] = [
        ("is damaged: ", "sind beschädigt: "),
        ("cannot be written: ", "lassen sich nicht schreiben: "),
    ];
    let de = CLAUSES
        .iter()
        .find_map(|(en, de)| reason.strip_prefix(en).map(|rest| format!("{de}{rest}")))
        .unwrap_or_else(|| format!("sind nicht lesbar: {reason}"));
    Text { en: reason, de }
}

impl Localized for MediaError {
    fn german(&self) -> String {
        match self {
            MediaError::Io { file, source } => {
                format!("{} lässt sich nicht lesen: {source}", file.display())
            }
            MediaError::Unsupported { file, reason } => {
                format!("{} {}", file.display(), reason.de)
            }
            MediaError::TooLarge { file, reason } => {
                format!("{} ist zu groß: {}", file.display(), reason.de)
            }
            MediaError::Corrupt { file, reason } => {
                format!("{} ist beschädigt: {}", file.display(), reason.de)
            }
            MediaError::Metadata { file, reason } => {
                format!("Die Metadaten von {} {}", file.display(), reason.de)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_names_the_file() {
        let file = Path::new("/photos/Staatskanzlei.jpg");
        let errors = [
            MediaError::Io {
                file: file.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
            MediaError::unsupported(
                file,
                newsdesk_model::text!(
                    "is a HEIC picture: HEIC is not supported yet",
                    "ist ein HEIC-Bild: HEIC wird noch nicht unterstützt"
                ),
            ),
            MediaError::too_large(
                file,
                newsdesk_model::text!("it has 10000000000 pixels", "es hat 10000000000 Pixel"),
            ),
            MediaError::corrupt(
                file,
                newsdesk_model::text!("its JPEG data ends early", "die JPEG-Daten enden zu früh"),
            ),
            MediaError::metadata(
                file,
                newsdesk_model::text!(
                    "is damaged: the IPTC block is cut off",
                    "sind beschädigt: der IPTC-Block ist abgeschnitten"
                ),
            ),
        ];
        for error in errors {
            let text = error.to_string();
            assert!(
                text.contains("/photos/Staatskanzlei.jpg"),
                "message must name the file: {text}"
            );
            let german = error.german();
            assert!(
                german.contains("/photos/Staatskanzlei.jpg") && german != text,
                "the German names the file too: {german}"
            );
            assert_eq!(error.file(), file);
        }
    }
}
