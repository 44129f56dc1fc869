//! The one error type of this crate. Every message names the file and says in plain words what
//! is wrong with it, so a caller can show `to_string()` to a person as it is.

use std::path::{Path, PathBuf};

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
    Unsupported { file: PathBuf, reason: String },
    /// Over one of the [`crate::Limits`]: refused before the pixels are decoded.
    #[error("{} is too large: {reason}", file.display())]
    TooLarge { file: PathBuf, reason: String },
    /// The picture's structure or pixel data is damaged (cut off, inconsistent, not decodable).
    #[error("{} is damaged: {reason}", file.display())]
    Corrupt { file: PathBuf, reason: String },
    /// The metadata (EXIF, IPTC, XMP) is damaged, or the new metadata cannot be written.
    #[error("the metadata of {} {reason}", file.display())]
    Metadata { file: PathBuf, reason: String },
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

    pub(crate) fn unsupported(file: &Path, reason: impl Into<String>) -> Self {
        MediaError::Unsupported {
            file: file.to_path_buf(),
            reason: reason.into(),
        }
    }

    pub(crate) fn too_large(file: &Path, reason: impl Into<String>) -> Self {
        MediaError::TooLarge {
            file: file.to_path_buf(),
            reason: reason.into(),
        }
    }

    pub(crate) fn corrupt(file: &Path, reason: impl Into<String>) -> Self {
        MediaError::Corrupt {
            file: file.to_path_buf(),
            reason: reason.into(),
        }
    }

    pub(crate) fn metadata(file: &Path, reason: impl Into<String>) -> Self {
        MediaError::Metadata {
            file: file.to_path_buf(),
            reason: reason.into(),
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
            MediaError::unsupported(file, "is a HEIC picture: HEIC is not supported yet"),
            MediaError::too_large(file, "it has 10000000000 pixels"),
            MediaError::corrupt(file, "its JPEG data ends early"),
            MediaError::metadata(file, "is damaged: the IPTC block is cut off"),
        ];
        for error in errors {
            let text = error.to_string();
            assert!(
                text.contains("/photos/Staatskanzlei.jpg"),
                "message must name the file: {text}"
            );
            assert_eq!(error.file(), file);
        }
    }
}
