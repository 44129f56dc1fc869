//! The templates the HTML page and the print version are made with. The built-in ones are
//! `assets/export/` compiled in; a newsroom changes them without a new build by putting files
//! of the same names (and fonts, `.otf`/`.ttf`, for the print version) into a templates folder.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use newsdesk_model::limits::{MAX_FONT_BYTES, MAX_FONTS_BYTES, MAX_TEMPLATE_BYTES, human_bytes};

use crate::ExportError;

/// Why a template file was not read.
enum Limited {
    TooLarge,
    Io(std::io::Error),
}

/// The file's text, refused past [`MAX_TEMPLATE_BYTES`] (without reading more than that).
fn read_limited(path: &Path) -> Result<String, Limited> {
    let file = std::fs::File::open(path).map_err(Limited::Io)?;
    let mut text = String::new();
    file.take(MAX_TEMPLATE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(Limited::Io)?;
    if text.len() as u64 > MAX_TEMPLATE_BYTES {
        return Err(Limited::TooLarge);
    }
    Ok(text)
}

/// The bytes of `path`, at most `max` + 1 of them (more tells the caller it is too large).
fn read_bytes_limited(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The templates' file names and built-in contents.
pub const TEMPLATE_FILES: [(&str, &str); 3] = [
    (
        "article.html",
        include_str!("../../../assets/export/article.html"),
    ),
    (
        "article.css",
        include_str!("../../../assets/export/article.css"),
    ),
    (
        "article.typ",
        include_str!("../../../assets/export/article.typ"),
    ),
];

/// Where the templates come from: the built-in ones, or a folder whose files win over them.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    folder: Option<PathBuf>,
}

impl Templates {
    /// Only the built-in templates.
    pub fn builtin() -> Templates {
        Templates { folder: None }
    }

    /// A folder's templates where it has them, the built-in ones for the rest. A folder that
    /// does not exist is the same as an empty one.
    pub fn from_folder(folder: impl Into<PathBuf>) -> Templates {
        Templates {
            folder: Some(folder.into()),
        }
    }

    /// The folder that may hold the newsroom's templates.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// The template `name`: the folder's copy when it has one, else the built-in one of that
    /// name ([`TEMPLATE_FILES`]). What a template includes, extends or imports is read the same
    /// way, so only files inside the templates folder (a name like `parts/header.html`) and
    /// the built-in templates can be read: a name with `..`, an absolute path, or a file whose
    /// link points out of the folder is refused, naming it.
    pub fn read(&self, name: &str) -> Result<Cow<'static, str>, ExportError> {
        let outside = |why: &str| {
            ExportError::template(
                name,
                format!(
                    "\"{name}\" {why}: templates read only the templates folder{} and the \
                     built-in templates",
                    self.folder
                        .as_ref()
                        .map(|f| format!(" ({})", f.display()))
                        .unwrap_or_default()
                ),
            )
        };
        let relative = Path::new(name);
        if name.is_empty()
            || name.contains('\\')
            || !relative
                .components()
                .all(|part| matches!(part, Component::Normal(_)))
        {
            return Err(outside("is not a name inside the templates folder"));
        }
        if let Some(folder) = self.folder.as_ref()
            && let path = folder.join(relative)
            && std::fs::symlink_metadata(&path).is_ok()
        {
            let io = |source| ExportError::Io {
                path: path.display().to_string(),
                source,
            };
            // Links are followed to where they end; that must be inside the folder too.
            let real = std::fs::canonicalize(&path).map_err(io)?;
            let root = std::fs::canonicalize(folder).map_err(io)?;
            if !real.starts_with(&root) {
                return Err(outside(&format!(
                    "leads to {}, outside the folder",
                    real.display()
                )));
            }
            if real.is_file() {
                return read_limited(&real).map(Cow::Owned).map_err(|e| match e {
                    Limited::TooLarge => ExportError::template(
                        name,
                        format!(
                            "it is larger than {}, the limit for a template (MAX_TEMPLATE_BYTES)",
                            human_bytes(MAX_TEMPLATE_BYTES)
                        ),
                    ),
                    Limited::Io(source) => io(source),
                });
            }
        }
        TEMPLATE_FILES
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, text)| Cow::Borrowed(*text))
            .ok_or_else(|| ExportError::template(name, "no such template"))
    }

    /// The fonts in the templates folder (`.otf`, `.ttf`, `.ttc`), for the print version.
    pub fn fonts(&self) -> Result<Vec<Vec<u8>>, ExportError> {
        let Some(folder) = self.folder.as_ref().filter(|f| f.is_dir()) else {
            return Ok(Vec::new());
        };
        let io = |path: &Path, source| ExportError::Io {
            path: path.display().to_string(),
            source,
        };
        let mut fonts = Vec::new();
        let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
            .map_err(|e| io(folder, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "otf" | "ttf" | "ttc")
                })
            })
            .collect();
        entries.sort();
        let root = std::fs::canonicalize(folder).map_err(|e| io(folder, e))?;
        let mut total = 0u64;
        for path in entries {
            // Like a template, a font is read only from inside the folder.
            let real = std::fs::canonicalize(&path).map_err(|e| io(&path, e))?;
            if !real.starts_with(&root) || !real.is_file() {
                continue;
            }
            let font = read_bytes_limited(&real, MAX_FONT_BYTES).map_err(|e| io(&path, e))?;
            total += font.len() as u64;
            if font.len() as u64 > MAX_FONT_BYTES || total > MAX_FONTS_BYTES {
                return Err(ExportError::template(
                    &path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    format!(
                        "the fonts in the templates folder may take {} each and {} together \
                         (MAX_FONT_BYTES, MAX_FONTS_BYTES); this one is more",
                        human_bytes(MAX_FONT_BYTES),
                        human_bytes(MAX_FONTS_BYTES)
                    ),
                ));
            }
            fonts.push(font);
        }
        Ok(fonts)
    }

    /// Writes the built-in templates into `folder` (made if missing) for a newsroom to change;
    /// files already there are kept. Returns the files written.
    pub fn write_builtin(folder: &Path) -> Result<Vec<PathBuf>, ExportError> {
        let io = |path: &Path, source| ExportError::Io {
            path: path.display().to_string(),
            source,
        };
        std::fs::create_dir_all(folder).map_err(|e| io(folder, e))?;
        let mut written = Vec::new();
        for (name, text) in TEMPLATE_FILES {
            let path = folder.join(name);
            if !path.exists() {
                std::fs::write(&path, text).map_err(|e| io(&path, e))?;
                written.push(path);
            }
        }
        Ok(written)
    }
}
