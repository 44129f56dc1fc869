//! Integration tests of newsdesk-media on real files: the fixtures in `tests/fixtures/`
//! (third-party credit-bearing JPEGs, files made with exiftool by `make-fixtures.sh`, a few
//! of Pillow's test images) and the hostile files in `tests/hostile/`. Metadata is checked
//! against exiftool, which must be installed (`libimage-exiftool-perl`).

mod exiftool;
mod hostile;
mod metadata;
mod pixels;
mod write;

use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// The picture files of a fixture folder ("real", "made", "pillow"), sorted.
pub fn pictures(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join(folder))
        .expect("fixture folder exists")
        .map(|e| e.expect("readable folder").path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("jpg" | "jpeg" | "png" | "webp" | "tif" | "tiff")
            )
        })
        .collect();
    files.sort();
    files
}

/// Every credit-bearing picture: real, made and Pillow's.
pub fn all_pictures() -> Vec<PathBuf> {
    ["real", "made", "pillow"]
        .iter()
        .flat_map(|f| pictures(f))
        .collect()
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

pub fn limits() -> newsdesk_media::Limits {
    newsdesk_media::Limits::default()
}
