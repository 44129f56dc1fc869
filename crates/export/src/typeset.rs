//! Typesetting a print version: Typst in-process (no browser, no network) over a world of
//! the generated document, the template, the pictures and the fonts. Runs in the template
//! process where there is one ([`crate::sandbox`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use newsdesk_model::limits::{MAX_EXPORT_BYTES, human_bytes};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::ExportError;
use crate::jobs::PrintJob;

/// The fonts that ship with Newsdesk (Libertinus Serif, New Computer Modern, DejaVu Sans Mono:
/// all under the SIL Open Font License), parsed once.
static BUILTIN_FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
});

/// How many compilations typst's memo cache keeps results for.
const CACHE_AGE: usize = 10;

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

fn file_id(path: &str) -> FileId {
    // The paths are fixed ASCII names: they always parse.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/x").expect("valid"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// Where picture `index` of the article is in the print version's world.
pub(crate) fn picture_path(index: usize) -> String {
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
