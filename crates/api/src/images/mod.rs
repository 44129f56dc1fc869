//! The image library: import pictures (stored once, with thumbnail and preview), read and
//! edit their credits, keywords, look-alikes, the credit report, and pictures going out with
//! their credits inside the file.

mod articles;
mod duplicates;
mod import;
mod report;

use newsdesk_model::text;
use std::path::{Path, PathBuf};

use newsdesk_model::{
    CreditFields, CreditPreview, Image, ImageFilter, ImageMetadata, ImagePatch, ImageUse,
};

use crate::{ApiError, App};

pub use import::{Thumbnail, thumbnails};
pub use report::credit_report_csv;

/// The sizes the UI asks pictures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendition {
    /// Long edge 320 px, for the grid.
    Thumbnail,
    /// Long edge 1600 px, for the panel, the preview and the read view.
    Preview,
    /// The file as imported.
    Original,
}

/// How the window names a picture: by its id in the library, or by the hash of its file (as
/// an article's `sha256:…` picture does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureKey {
    Id(i64),
    Hash(String),
}

/// Pixel and metadata limits of every picture Newsdesk reads.
pub(crate) fn media_limits() -> newsdesk_media::Limits {
    newsdesk_media::Limits::default()
}

/// The metadata a picture carries out of the library: its fields and keywords as edited.
fn outgoing_metadata(image: &Image) -> ImageMetadata {
    image.metadata.clone()
}

impl App {
    /// The pictures `filter` selects, newest import first.
    pub fn images(&self, filter: &ImageFilter) -> Result<Vec<Image>, ApiError> {
        Ok(self.store.images(filter, self.today())?)
    }

    pub fn image(&self, id: i64) -> Result<Image, ApiError> {
        Ok(self.store.image(id)?)
    }

    /// What picture `id`'s file said when it was imported.
    pub fn image_file_metadata(&self, id: i64) -> Result<ImageMetadata, ApiError> {
        Ok(self.store.image_file_metadata(id)?)
    }

    /// Sets credits (and license, expiry) on one picture or a selection, all or none.
    pub fn patch_images(&self, ids: &[i64], patch: &ImagePatch) -> Result<Vec<Image>, ApiError> {
        if ids.is_empty() {
            return Err(ApiError::Invalid(text!(
                "no picture was given to change",
                "Es wurde kein Bild zum Ändern angegeben."
            )));
        }
        Ok(self.store.patch_images(ids, patch, self.clock.now())?)
    }

    /// Adds and removes keywords on a selection.
    pub fn tag_images(
        &self,
        ids: &[i64],
        add: &[String],
        remove: &[String],
    ) -> Result<Vec<Image>, ApiError> {
        if ids.is_empty() {
            return Err(ApiError::Invalid(text!(
                "no picture was given to tag",
                "Es wurde kein Bild zum Verschlagworten angegeben."
            )));
        }
        Ok(self.store.tag_images(ids, add, remove, self.clock.now())?)
    }

    /// Every use of a library picture in an article dated `from`..=`to`.
    pub fn credit_report(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<ImageUse>, ApiError> {
        if from > to {
            return Err(ApiError::Invalid(text!(
                "the report's period ends ({to}) before it starts ({from})",
                "Der Zeitraum des Berichts endet ({to}), bevor er beginnt ({from})."
            )));
        }
        Ok(self.store.image_uses(from, to)?)
    }

    /// The credit report for `from`..=`to` as CSV in `target` (replaced: the save dialog
    /// asked), written whole; returns how many uses it lists.
    pub fn save_credit_report(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        target: &Path,
    ) -> Result<usize, ApiError> {
        let uses = self.credit_report(from, to)?;
        let csv = credit_report_csv(&uses)?;
        crate::export::write_new_file(target, csv.as_bytes(), true)?;
        Ok(uses.len())
    }

    pub fn credit_format(&self) -> Result<String, ApiError> {
        Ok(self.store.credit_format()?)
    }

    /// The credit line each of `fields` gives under the library's format, in order: the
    /// preview while a photo editor types (the window never builds the line itself).
    pub fn credit_lines(&self, fields: &[CreditFields]) -> Result<Vec<String>, ApiError> {
        let format = self.store.credit_format()?;
        Ok(fields
            .iter()
            .map(|f| newsdesk_model::credit_line::credit_line_of(&format, f))
            .collect())
    }

    /// The lines `format` would give the library's first pictures (an example when it has
    /// none), or why the format is refused: the settings' live preview, before it is saved.
    pub fn credit_format_preview(&self, format: &str) -> Result<Vec<CreditPreview>, ApiError> {
        const PICTURES: u32 = 5;
        let format = format.trim();
        newsdesk_model::credit_line::check_format(format).map_err(ApiError::refused_by_rule(
            "Das Format der Bildquelle ist nicht verwendbar",
        ))?;
        let pictures = self.images(&ImageFilter {
            limit: Some(PICTURES),
            ..ImageFilter::default()
        })?;
        let samples: Vec<(String, CreditFields)> = if pictures.is_empty() {
            vec![(
                "beispiel.jpg".to_string(),
                CreditFields {
                    credit: Some("dpa".to_string()),
                    creator: Some("Anna Muster".to_string()),
                    source: Some("dpa-Zentralbild".to_string()),
                    copyright: Some("© 2026 dpa".to_string()),
                },
            )]
        } else {
            pictures
                .iter()
                .map(|p| (p.file.clone(), CreditFields::from(&p.metadata)))
                .collect()
        };
        Ok(samples
            .into_iter()
            .map(|(file, fields)| CreditPreview {
                line: newsdesk_model::credit_line::credit_line_of(format, &fields),
                file,
                fields,
            })
            .collect())
    }

    pub fn set_credit_format(&self, format: &str) -> Result<(), ApiError> {
        Ok(self.store.set_credit_format(format)?)
    }

    /// Credits used before, most used first (presets and completion).
    pub fn credit_values(&self) -> Result<Vec<String>, ApiError> {
        Ok(self.store.credit_values()?)
    }

    /// The file of a picture in the size asked for (made again from the original when it
    /// went missing).
    pub fn picture_file(
        &self,
        key: &PictureKey,
        rendition: Rendition,
    ) -> Result<PathBuf, ApiError> {
        let image = match key {
            PictureKey::Id(id) => self.store.image(*id)?,
            PictureKey::Hash(hash) => self.store.image_by_hash(hash)?.ok_or_else(|| {
                ApiError::Invalid(text!(
                    "no picture with the hash {hash} is in the library",
                    "Kein Bild mit dem Hash {hash} liegt in der Bibliothek."
                ))
            })?,
        };
        let original = self.store.original_path(&image.hash, &image.format)?;
        let edge = match rendition {
            Rendition::Original => return Ok(original),
            Rendition::Thumbnail => newsdesk_model::THUMBNAIL_EDGE,
            Rendition::Preview => newsdesk_model::PREVIEW_EDGE,
        };
        let path = self.store.rendition_path(&image.hash, edge)?;
        if !path.exists() {
            let bytes = std::fs::read(&original).map_err(|e| {
                ApiError::io(
                    text!(
                        "the picture's original cannot be read:",
                        "Das Original des Bildes lässt sich nicht lesen"
                    ),
                    &original,
                    e,
                )
            })?;
            let jpeg = newsdesk_media::thumbnail(&bytes, &original, edge, &media_limits())?;
            self.store.put_media_file(&path, &jpeg)?;
        }
        Ok(path)
    }

    /// The picture as a file that carries its credits inside (IPTC IIM in UTF-8 and XMP,
    /// alt text included), written to `out`; an existing file only with `replace`.
    pub fn export_image(&self, id: i64, out: &Path, replace: bool) -> Result<(), ApiError> {
        let image = self.store.image(id)?;
        let bytes = self.image_with_credits(&image)?;
        crate::export::write_new_file(out, &bytes, replace)
    }

    /// The original bytes of `image` with its current credits embedded.
    pub(crate) fn image_with_credits(&self, image: &Image) -> Result<Vec<u8>, ApiError> {
        let original = self.store.original_path(&image.hash, &image.format)?;
        let bytes = std::fs::read(&original).map_err(|e| {
            ApiError::io(
                text!(
                    "the picture's original cannot be read:",
                    "Das Original des Bildes lässt sich nicht lesen"
                ),
                &original,
                e,
            )
        })?;
        Ok(newsdesk_media::embed_metadata(
            &bytes,
            &original,
            &outgoing_metadata(image),
        )?)
    }

    /// Today by the application's clock (what "expired" means for a license).
    pub(crate) fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }
}
