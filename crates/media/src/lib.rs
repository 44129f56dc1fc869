//! Pixels and metadata of the image library, with no UI or storage in it.
//!
//! - [`inspect`] does everything an import needs in one pass: format, displayed size, SHA-256,
//!   perceptual hash, the credits ([`ImageMetadata`]) and two JPEG renditions.
//! - [`read_metadata`] / [`embed_metadata`] read and write the credits (IPTC IIM, XMP, EXIF,
//!   reconciled by the MWG rules documented in [`reconcile`]).
//! - [`thumbnail`] makes one JPEG of any size; [`phash_distance`] compares two pictures.
//!
//! Every function takes the file's bytes and its name (for messages only), never panics on any
//! input, and refuses pictures over the [`Limits`] before decoding them. Formats: JPEG, PNG,
//! WebP, TIFF. HEIC is refused with a clear message (not supported yet).
//!
//! ```no_run
//! # fn main() -> Result<(), newsdesk_media::MediaError> {
//! use std::path::Path;
//! let name = Path::new("photo.jpg");
//! let bytes = newsdesk_media::read_file(name, &newsdesk_media::Limits::default())?;
//! let picture = newsdesk_media::inspect(&bytes, name, &newsdesk_media::Limits::default())?;
//! println!("{}×{} by {:?}", picture.width, picture.height, picture.metadata.creator);
//! # Ok(()) }
//! ```

mod container;
mod dates;
mod error;
mod exif;
mod format;
mod iim;
mod metadata;
mod phash;
mod pixels;
pub mod reconcile;
mod text;
mod xmp;

use std::io::Read;
use std::path::Path;

use newsdesk_model::{Text, text};

pub use error::MediaError;
pub use format::format_of;
pub use newsdesk_model::ImageMetadata;
use newsdesk_model::limits::{
    MAX_PICTURE_DECODE_BYTES, MAX_PICTURE_FILE_BYTES, MAX_PICTURE_PIXELS,
};
pub use phash::phash_distance;
use sha2::{Digest, Sha256};

/// Long edges of [`Renditions::thumbnail`] and [`Renditions::preview`] in pixels (defined
/// once, in the model: the library names the files by them).
pub use newsdesk_model::{PREVIEW_EDGE, THUMBNAIL_EDGE};

/// What a picture may cost before it is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted.
    pub max_file_bytes: u64,
    /// Most pixels (width × height as stored) accepted.
    pub max_pixels: u64,
    /// Most memory a decoder may allocate.
    pub max_alloc_bytes: u64,
}

impl Default for Limits {
    /// 200 MiB file, 200 megapixels, 1 GiB for decoding (`newsdesk_model::limits`).
    fn default() -> Self {
        Limits {
            max_file_bytes: MAX_PICTURE_FILE_BYTES,
            max_pixels: MAX_PICTURE_PIXELS,
            max_alloc_bytes: MAX_PICTURE_DECODE_BYTES,
        }
    }
}

/// JPEG renditions of a picture, EXIF orientation applied, never larger than the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renditions {
    /// Long edge [`THUMBNAIL_EDGE`] (320) px.
    pub thumbnail: Vec<u8>,
    /// Long edge [`PREVIEW_EDGE`] (1600) px.
    pub preview: Vec<u8>,
}

/// Everything an import needs to know about one picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspected {
    /// "jpeg", "png", "webp" or "tiff".
    pub format: &'static str,
    /// As displayed: after the EXIF orientation.
    pub width: u32,
    pub height: u32,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// Perceptual hash; compare with [`phash_distance`] (≤ 10: the same photo).
    pub phash: u64,
    pub metadata: ImageMetadata,
    pub renditions: Renditions,
}

fn check_file_size(len: u64, name: &Path, limits: &Limits) -> Result<(), MediaError> {
    if len > limits.max_file_bytes {
        return Err(MediaError::too_large(
            name,
            text!(
                "the file has {:.1} MiB, more than the {:.1} MiB allowed",
                "die Datei hat {:.1} MiB, mehr als die erlaubten {:.1} MiB",
                len as f64 / 1048576.0,
                limits.max_file_bytes as f64 / 1048576.0
            ),
        ));
    }
    Ok(())
}

/// Reads a file from disk, refusing it before reading when it is over `max_file_bytes`.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, MediaError> {
    let io = |source| MediaError::Io {
        file: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    check_file_size(len, path, limits)?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    check_file_size(bytes.len() as u64, path, limits)?;
    Ok(bytes)
}

/// Format, size, hashes, credits and renditions of a picture in one pass: the pixels are
/// decoded once (a JPEG at the smallest DCT scale that still covers the preview).
pub fn inspect(bytes: &[u8], name: &Path, limits: &Limits) -> Result<Inspected, MediaError> {
    check_file_size(bytes.len() as u64, name, limits)?;
    let format = format::require(bytes, name)?;
    let (metadata, orientation) = metadata::read(bytes, format, name)?;
    let decoded = pixels::decode(bytes, format, name, limits, Some(PREVIEW_EDGE))?;
    let internal = |e: String| MediaError::corrupt(name, Text::verbatim(e));
    let icc = decoded.icc.as_deref();
    let preview = pixels::shrink(decoded.raster, PREVIEW_EDGE).map_err(internal)?;
    let preview = pixels::flatten(pixels::orient(preview, orientation));
    let thumbnail = pixels::shrink(preview.clone(), THUMBNAIL_EDGE).map_err(internal)?;
    let phash = phash::phash(&thumbnail).map_err(internal)?;
    let (width, height) = if orientation >= 5 {
        (decoded.full_height, decoded.full_width)
    } else {
        (decoded.full_width, decoded.full_height)
    };
    Ok(Inspected {
        format: format.name(),
        width,
        height,
        sha256: hex(&Sha256::digest(bytes)),
        phash,
        metadata,
        renditions: Renditions {
            thumbnail: pixels::encode_jpeg(&thumbnail, icc).map_err(internal)?,
            preview: pixels::encode_jpeg(&preview, icc).map_err(internal)?,
        },
    })
}

/// The credits of a picture, reconciled from IPTC IIM, XMP and EXIF.
pub fn read_metadata(bytes: &[u8], name: &Path) -> Result<ImageMetadata, MediaError> {
    metadata::read_metadata(bytes, name)
}

/// The same picture (pixel data byte for byte) with `metadata` written into XMP (every field,
/// alt text included) and, for JPEG and TIFF, IPTC IIM (UTF-8, 1:90 set, digest refreshed).
/// Fields that are `None` (or empty) are removed from the file; EXIF credit tags that would
/// contradict the new values are removed too. PNG and WebP get XMP only.
pub fn embed_metadata(
    bytes: &[u8],
    name: &Path,
    metadata: &ImageMetadata,
) -> Result<Vec<u8>, MediaError> {
    metadata::embed_metadata(bytes, name, metadata)
}

/// A JPEG of the picture with long edge `long_edge` (never upscaled; 0 counts as 1), EXIF
/// orientation applied. A damaged EXIF block only loses the orientation here.
pub fn thumbnail(
    bytes: &[u8],
    name: &Path,
    long_edge: u32,
    limits: &Limits,
) -> Result<Vec<u8>, MediaError> {
    check_file_size(bytes.len() as u64, name, limits)?;
    let format = format::require(bytes, name)?;
    let orientation = metadata::orientation(bytes, format);
    let decoded = pixels::decode(bytes, format, name, limits, Some(long_edge))?;
    let internal = |e: String| MediaError::corrupt(name, Text::verbatim(e));
    let raster = pixels::shrink(decoded.raster, long_edge).map_err(internal)?;
    let raster = pixels::flatten(pixels::orient(raster, orientation));
    pixels::encode_jpeg(&raster, decoded.icc.as_deref()).map_err(internal)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
