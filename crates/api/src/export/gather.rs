//! An article with its pictures, read from the library, as the export crate needs it.

use newsdesk_export::{ExportArticle, Picture, PictureFile};
use newsdesk_model::Article;
use newsdesk_model::CONTENT_ADDRESS_PREFIX;
use newsdesk_model::text;

use crate::images::{PictureKey, Rendition};
use crate::{ApiError, App};

impl App {
    /// The article and, for each picture it places from the library, its credits from the
    /// library and its preview (and, with `originals`, the original with credits embedded).
    pub(crate) fn gather(
        &self,
        article: &Article,
        originals: bool,
    ) -> Result<ExportArticle, ApiError> {
        let mut pictures = Vec::with_capacity(article.content.images.len());
        let mut names: Vec<String> = Vec::new();
        for placed in &article.content.images {
            let mut picture = Picture {
                caption: placed.caption.clone(),
                credit: placed.credit.clone(),
                alt: placed.alt.clone(),
                ..Picture::default()
            };
            if let Some(hash) = placed.file.strip_prefix(CONTENT_ADDRESS_PREFIX) {
                let image = self.store.image_by_hash(hash)?.ok_or_else(|| {
                    ApiError::Invalid(text!("the article names a picture ({hash}) that is no longer in the library",
"Der Artikel nennt ein Bild ({hash}), das nicht mehr in der Bibliothek liegt."
                    ))
                })?;
                let metadata = &image.metadata;
                if picture.credit.trim().is_empty() {
                    picture.credit = image.credit_line.clone();
                }
                if picture.alt.trim().is_empty() {
                    picture.alt = metadata.alt_text.clone().unwrap_or_default();
                }
                if picture.caption.trim().is_empty() {
                    picture.caption = metadata.caption.clone().unwrap_or_default();
                }
                picture.creator = metadata.creator.clone();
                picture.copyright = metadata.copyright.clone();
                picture.usage_terms = metadata.usage_terms.clone();
                let preview =
                    self.picture_file(&PictureKey::Hash(image.hash.clone()), Rendition::Preview)?;
                let display = std::fs::read(&preview).map_err(|e| {
                    ApiError::io(
                        text!(
                            "the picture's preview cannot be read:",
                            "Die Vorschau des Bildes lässt sich nicht lesen"
                        ),
                        &preview,
                        e,
                    )
                })?;
                let original = if originals {
                    Some(self.image_with_credits(&image)?)
                } else {
                    None
                };
                let mut name = image.file.clone();
                if names.contains(&name) {
                    name = format!("{}-{name}", &image.hash[..8]);
                }
                names.push(name.clone());
                picture.file = Some(PictureFile {
                    name,
                    hash: image.hash.clone(),
                    media_type: media_type(&image.format).to_owned(),
                    width: image.width,
                    height: image.height,
                    display,
                    original,
                });
            }
            pictures.push(picture);
        }
        Ok(ExportArticle {
            id: article.id,
            revision: article.revision,
            created_at: article.created_at,
            updated_at: article.updated_at,
            content: article.content.clone(),
            pictures,
        })
    }
}

fn media_type(format: &str) -> &'static str {
    match format {
        "png" => "image/png",
        "webp" => "image/webp",
        "tiff" => "image/tiff",
        _ => "image/jpeg",
    }
}
