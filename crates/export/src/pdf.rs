//! The print version: the article's [`Anatomy`] typeset by Typst in-process (no browser, no
//! network) through the newsroom's `article.typ`, with German hyphenation, typographic quotes,
//! the pictures with caption and credit, page numbers, and its fonts embedded.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use newsdesk_model::limits::{MAX_EXPORT_BYTES, MAX_PRINT_HEADLINE_CHARS, human_bytes};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::sandbox::PrintJob;
use crate::typst_markup::{body, content, string};
use crate::{Anatomy, ExportArticle, ExportError, Templates};

/// The fonts that ship with Newsdesk (Libertinus Serif, New Computer Modern, DejaVu Sans Mono:
/// all under the SIL Open Font License), parsed once.
static BUILTIN_FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
});

/// How many compilations typst's memo cache keeps results for.
const CACHE_AGE: usize = 10;

/// The article as a PDF print version.
pub fn pdf(article: &ExportArticle, templates: &Templates) -> Result<Vec<u8>, ExportError> {
    let anatomy = Anatomy::of(article);
    let job = PrintJob {
        main: main_source(&anatomy),
        template: templates.read("article.typ")?.into_owned(),
        today: chrono::Utc::now().date_naive(),
        pictures: article
            .pictures
            .iter()
            .enumerate()
            .filter_map(|(index, picture)| {
                let file = picture.file.as_ref().filter(|f| !f.display.is_empty())?;
                Some((index, file.display.clone()))
            })
            .collect(),
        fonts: templates.fonts()?,
    };
    crate::sandbox::print(job)
}

/// Typesets `job` (in the template child, or in-process where there is none).
pub(crate) fn typeset(job: PrintJob) -> Result<Vec<u8>, ExportError> {
    let mut fonts: Vec<Font> = BUILTIN_FONTS.clone();
    for data in job.fonts {
        fonts.extend(Font::iter(Bytes::new(data)));
    }
    let files = job
        .pictures
        .into_iter()
        .map(|(index, bytes)| (picture_id(index), Bytes::new(bytes)))
        .collect();
    let world = ArticleWorld {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(file_id("/main.typ"), job.main),
        template: Source::new(file_id("/article.typ"), job.template),
        files,
        today: job.today,
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    let pdf = match result {
        Ok(document) => typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
            .map_err(|errors| ExportError::Typeset(describe(&world, &errors))),
        Err(errors) => Err(ExportError::Typeset(describe(&world, &errors))),
    };
    comemo::evict(CACHE_AGE);
    if let Ok(bytes) = &pdf
        && bytes.len() as u64 > MAX_EXPORT_BYTES
    {
        return Err(ExportError::template(
            "article.typ",
            format!(
                "it made more than {}, the limit for an exported file (MAX_EXPORT_BYTES)",
                human_bytes(MAX_EXPORT_BYTES)
            ),
        ));
    }
    pdf
}

/// A kicker, title or section as the print version sets it: at most
/// [`MAX_PRINT_HEADLINE_CHARS`] characters (the page headers repeat them; a title of 120 KB
/// took 20 s to set on each of its 79 pages), then "…".
fn headline(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_PRINT_HEADLINE_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}…", text[..end].trim_end())),
        None => Cow::Borrowed(text),
    }
}

/// The document Typst compiles: the template called with the article's parts as markup.
fn main_source(anatomy: &Anatomy) -> String {
    let optional = |text: &str| {
        if text.is_empty() {
            "none".to_owned()
        } else {
            content(text)
        }
    };
    let title = headline(&anatomy.title);
    let mut out = String::new();
    out.push_str("#import \"/article.typ\": article\n#show: article.with(\n");
    let _ = writeln!(out, "  language: {},", string(&anatomy.language));
    let _ = writeln!(out, "  kicker: {},", optional(&headline(&anatomy.kicker)));
    let _ = writeln!(out, "  title: {},", content(&title));
    let _ = writeln!(out, "  title-text: {},", string(&title));
    let _ = writeln!(out, "  date: {},", string(&anatomy.date));
    let _ = writeln!(out, "  author: {},", optional(&anatomy.author));
    let _ = writeln!(out, "  author-text: {},", string(&anatomy.author));
    let _ = writeln!(out, "  section: {},", optional(&headline(&anatomy.section)));
    let _ = writeln!(out, "  teaser: {},", optional(&anatomy.teaser));
    out.push_str("  figures: (\n");
    for figure in &anatomy.figures {
        let image = if figure.has_file {
            string(&picture_path(figure.index))
        } else {
            "none".to_owned()
        };
        let _ = writeln!(
            out,
            "    (image: {image}, width: {}, height: {}, caption: {}, credit: {}, alt: {}),",
            figure.width,
            figure.height,
            optional(&figure.caption),
            optional(&figure.credit),
            string(&figure.alt),
        );
    }
    out.push_str("  ),\n  links: (\n");
    for link in &anatomy.links {
        let url = if link.url.is_empty() {
            "none".to_owned()
        } else {
            string(&link.url)
        };
        let _ = writeln!(
            out,
            "    (title: {}, url: {url}, document: {}),",
            content(&link.title),
            link.kind == "document"
        );
    }
    out.push_str("  ),\n  tags: (");
    for tag in &anatomy.tags {
        let _ = write!(out, "{}, ", content(tag));
    }
    out.push_str("),\n  tags-text: (");
    for tag in &anatomy.tags {
        let _ = write!(out, "{}, ", string(tag));
    }
    out.push_str("),\n)\n\n");
    out.push_str(&body(&anatomy.body_markdown));
    out
}

fn file_id(path: &str) -> FileId {
    // The paths are fixed ASCII names: they always parse.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/x").expect("valid"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

fn picture_path(index: usize) -> String {
    format!("/pictures/{index}.jpg")
}

fn picture_id(index: usize) -> FileId {
    file_id(&picture_path(index))
}

/// Typst's errors in one sentence, with the template's line when it is the template's fault.
fn describe(world: &ArticleWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .take(3)
        .map(|error| {
            let place = error
                .span
                .id()
                .filter(|id| *id == world.template.id())
                .and_then(|_| world.range(error.span))
                .map(|range| {
                    let line = world.template.text()[..range.start].matches('\n').count() + 1;
                    format!(" (article.typ, line {line})")
                })
                .unwrap_or_default();
            format!("{}{place}", error.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Everything Typst may read: the generated document, the template, the pictures and the
/// fonts. Nothing else (no file system, no packages, no network).
struct ArticleWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    template: Source,
    files: HashMap<FileId, Bytes>,
    today: chrono::NaiveDate,
}

impl World for ArticleWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.template.id() {
            Ok(self.template.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        use chrono::Datelike;
        Datetime::from_ymd(
            self.today.year(),
            u8::try_from(self.today.month()).ok()?,
            u8::try_from(self.today.day()).ok()?,
        )
    }
}
