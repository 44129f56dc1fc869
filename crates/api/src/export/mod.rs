//! Articles as files: Markdown (the interchange format, pictures beside it), the HTML page and
//! the PDF print version in the portal's anatomy, IPTC ninjs, the ZIP bundle (crate
//! `newsdesk-export` makes the bytes; this module reads the library and writes the files).
//! No picture leaves without its credit or after its license ended.

mod batch;
mod embargo;
mod files;
mod gather;

use newsdesk_model::text;
use std::path::{Path, PathBuf};

pub use newsdesk_export::Format as ExportFormat;
use newsdesk_export::Templates;
use newsdesk_model::{Article, ExportTarget, ExportedFile};

use files::file_name_for;
pub(crate) use files::write_new_file;

use crate::{ApiError, App};

impl App {
    /// The article in the interchange format (Markdown with YAML front matter).
    pub fn export_markdown(&self, id: i64) -> Result<String, ApiError> {
        let article = self.store.article(id)?;
        Ok(newsdesk_interchange::write(&article.content))
    }

    /// The folder whose templates (`article.html`, `article.css`, `article.typ`) and fonts win
    /// over the built-in ones: `$NEWSDESK_TEMPLATES`, else `templates/` beside the library.
    pub fn templates_folder(&self) -> PathBuf {
        if let Some(folder) = std::env::var_os("NEWSDESK_TEMPLATES").filter(|f| !f.is_empty()) {
            return PathBuf::from(folder);
        }
        self.library_path()
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join("templates")
    }

    /// The templates folder and which templates in it are the newsroom's own.
    pub fn templates_info(&self) -> newsdesk_model::TemplatesInfo {
        let folder = self.templates_folder();
        newsdesk_model::TemplatesInfo {
            files: newsdesk_export::TEMPLATE_FILES
                .iter()
                .map(|(name, _)| newsdesk_model::TemplateFile {
                    name: (*name).to_string(),
                    custom: folder.join(name).is_file(),
                })
                .collect(),
            folder: folder.to_string_lossy().into_owned(),
        }
    }

    /// Copies the built-in templates into the templates folder for the newsroom to change;
    /// files already there are kept. Returns the files written.
    pub fn copy_templates_out(&self) -> Result<Vec<PathBuf>, ApiError> {
        Ok(Templates::write_builtin(&self.templates_folder())?)
    }

    fn templates(&self) -> Templates {
        Templates::from_folder(self.templates_folder())
    }

    /// A file name for the article in `format`: "2018-12-13-zweites-digitalisierungskabinett.pdf".
    pub fn export_file_name(&self, id: i64, format: ExportFormat) -> Result<String, ApiError> {
        let article = self.store.article(id)?;
        Ok(file_name_for(&article, format))
    }

    /// Where the window saves article `id` in `format`: the file name to offer and, when the
    /// desk set one (`NEWSDESK_EXPORT_DIR`), the folder exports go to without a dialog (made
    /// when missing).
    pub fn export_target(&self, id: i64, format: ExportFormat) -> Result<ExportTarget, ApiError> {
        let name = self.export_file_name(id, format)?;
        let folder = std::env::var_os("NEWSDESK_EXPORT_DIR")
            .filter(|f| !f.is_empty())
            .map(PathBuf::from);
        if let Some(folder) = &folder {
            std::fs::create_dir_all(folder).map_err(|e| {
                ApiError::io(
                    text!(
                        "cannot make the export folder",
                        "Der Exportordner lässt sich nicht anlegen"
                    ),
                    folder,
                    e,
                )
            })?;
        }
        Ok(ExportTarget {
            name,
            folder: folder.map(|f| f.display().to_string()),
        })
    }

    /// Writes the article to `target` in `format`. The file appears whole or not at all; an
    /// existing file is replaced only with `replace`. Refused, naming the picture, while a
    /// picture lacks its credit or its license ended.
    pub fn export_article(
        &self,
        id: i64,
        format: ExportFormat,
        target: &Path,
        replace: bool,
    ) -> Result<ExportedFile, ApiError> {
        if !replace && target.exists() {
            return Err(files::exists_already(target));
        }
        let article = self.store.article(id)?;
        self.ensure_pictures_cleared(&article)?;
        let embargo = self.embargo_for(&article, format)?;
        let bytes = match format {
            ExportFormat::Markdown => {
                // The pictures go beside the file, credits inside, so the round trip keeps them.
                let mut content = article.content.clone();
                self.export_pictures(&mut content, target, replace)?;
                embargo::with_notice(newsdesk_interchange::write(&content), embargo.as_ref())
                    .into_bytes()
            }
            other => self.render(&article, other, embargo.as_ref())?,
        };
        write_new_file(target, &bytes, replace)?;
        Ok(ExportedFile {
            id,
            title: article.content.title.clone(),
            path: target.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }

    /// The article in `format` as bytes (Markdown without its pictures: names stay as stored).
    pub fn export_bytes(&self, id: i64, format: ExportFormat) -> Result<Vec<u8>, ApiError> {
        let article = self.store.article(id)?;
        self.ensure_pictures_cleared(&article)?;
        let embargo = self.embargo_for(&article, format)?;
        self.render(&article, format, embargo.as_ref())
    }

    /// The article in `format` (Markdown as stored: its pictures' names unchanged). Only the
    /// formats that show pictures read them.
    fn render(
        &self,
        article: &Article,
        format: ExportFormat,
        embargo: Option<&newsdesk_model::Embargo>,
    ) -> Result<Vec<u8>, ApiError> {
        let templates = self.templates();
        Ok(match format {
            ExportFormat::Markdown => {
                embargo::with_notice(newsdesk_interchange::write(&article.content), embargo)
                    .into_bytes()
            }
            ExportFormat::Html => {
                newsdesk_export::html(&self.gather(article, false)?, &templates)?.into_bytes()
            }
            ExportFormat::Pdf => {
                let mut gathered = self.gather(article, false)?;
                // The notice names the embargo that holds it, a picture's included.
                gathered.content.embargo = embargo.map(|e| e.until);
                newsdesk_export::pdf(&gathered, &templates)?
            }
            ExportFormat::Ninjs => {
                let item = newsdesk_export::ninjs(&self.gather(article, false)?);
                let mut json = serde_json::to_vec_pretty(&item).map_err(|e| {
                    ApiError::Invalid(text!(
                        "the ninjs could not be written: {e}",
                        "Das ninjs ließ sich nicht schreiben: {e}"
                    ))
                })?;
                json.push(b'\n');
                json
            }
            ExportFormat::Bundle => {
                newsdesk_export::bundle(&self.gather(article, true)?, &templates)?
            }
        })
    }

    /// Refuses an article whose picture lacks its credit, left the library or whose license
    /// ended, naming each.
    fn ensure_pictures_cleared(&self, article: &Article) -> Result<(), ApiError> {
        let guarded: Vec<newsdesk_model::ReadinessProblem> = self
            .check_content(&article.content)?
            .into_iter()
            .filter(|p| p.blocking && p.code.is_picture_clearance())
            .collect();
        if guarded.is_empty() {
            Ok(())
        } else {
            Err(ApiError::PictureNotCleared {
                id: article.id,
                problems: guarded,
            })
        }
    }
}
