//! Pictures travelling with articles in the interchange format: an article file whose
//! `images` name a file beside it brings that picture into the library (the article keeps its
//! own caption, credit and alt text; the picture keeps the file's credits), and an article
//! exported as Markdown takes its library pictures along, credits inside, named beside it.

use std::collections::BTreeMap;

use newsdesk_model::{GERMAN, text};
use std::path::Path;

use newsdesk_model::CONTENT_ADDRESS_PREFIX;
use newsdesk_model::{ArticleContent, ImportFailure};

use super::import::is_picture;
use crate::{ApiError, App};

/// A picture name an article file may give: relative, inside the article's folder tree.
fn local_picture(file: &str) -> bool {
    let path = Path::new(file);
    !file.is_empty()
        && !file.starts_with(CONTENT_ADDRESS_PREFIX)
        && !file.contains("://")
        && path.is_relative()
        && !path
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
        && is_picture(path)
}

impl App {
    /// Brings the pictures that `content` names beside `article_file` into the library and
    /// points the article at them (`sha256:…`). A picture that cannot be read is reported in
    /// `failed` and stays named as it was; the article is imported all the same.
    pub(crate) fn bring_pictures(
        &self,
        article_file: &Path,
        content: &mut ArticleContent,
        failed: &mut Vec<ImportFailure>,
    ) {
        let folder = article_file.parent().unwrap_or(Path::new("."));
        for picture in &mut content.images {
            if !local_picture(&picture.file) {
                continue;
            }
            let path = folder.join(&picture.file);
            if !path.is_file() {
                continue;
            }
            let stored = self.analyse_and_keep(&path).and_then(|analysed| {
                self.store_picture(analysed)
                    .map_err(|e| ImportFailure::worded(path.display().to_string(), None, &e))
            });
            match stored {
                Ok(imported) => {
                    picture.file = format!("{CONTENT_ADDRESS_PREFIX}{}", imported.image.hash);
                }
                Err(failure) => failed.push(ImportFailure {
                    translations: BTreeMap::from([(
                        GERMAN.to_string(),
                        format!(
                            "Das Bild des Artikels {} ließ sich nicht importieren: {}",
                            article_file.display(),
                            failure.translations.get(GERMAN).unwrap_or(&failure.message)
                        ),
                    )]),
                    message: format!(
                        "the picture of article {} could not be imported: {}",
                        article_file.display(),
                        failure.message
                    ),
                    ..failure
                }),
            }
        }
    }

    /// `content` as exported beside `target`: each library picture written into the same
    /// folder with its credits embedded, and named there by its file name.
    pub(crate) fn export_pictures(
        &self,
        content: &mut ArticleContent,
        target: &Path,
        replace: bool,
    ) -> Result<(), ApiError> {
        let folder = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        for picture in &mut content.images {
            let Some(hash) = picture.file.strip_prefix(CONTENT_ADDRESS_PREFIX) else {
                continue;
            };
            let image = self.store.image_by_hash(hash)?.ok_or_else(|| {
                ApiError::Invalid(text!(
                    "the article names a picture ({hash}) that is no longer in the library",
                    "Der Artikel nennt ein Bild ({hash}), das nicht mehr in der Bibliothek liegt."
                ))
            })?;
            let bytes = self.image_with_credits(&image)?;
            // Two pictures with one file name: the second gets its hash in its name.
            let mut name = image.file.clone();
            let taken = folder.join(&name);
            if taken.exists() && std::fs::read(&taken).is_ok_and(|old| old != bytes) && !replace {
                let stem = Path::new(&name)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let extension = Path::new(&name)
                    .extension()
                    .map(|e| format!(".{}", e.to_string_lossy()))
                    .unwrap_or_default();
                name = format!("{stem}-{}{extension}", &image.hash[..8]);
            }
            crate::export::write_new_file(&folder.join(&name), &bytes, true)?;
            picture.file = name;
        }
        Ok(())
    }
}
