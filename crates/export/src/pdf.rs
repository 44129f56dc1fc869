//! The print version: the article's [`Anatomy`] as the document Typst compiles through the
//! newsroom's `article.typ` (typeset by [`crate::typeset`], in the template process), with
//! German hyphenation, typographic quotes, the pictures with caption and credit, page
//! numbers, and its fonts embedded.

use std::borrow::Cow;
use std::fmt::Write as _;

use newsdesk_model::limits::MAX_PRINT_HEADLINE_CHARS;

use crate::jobs::PrintJob;
use crate::typeset::picture_path;
use crate::typst_markup::{body, content, string};
use crate::{Anatomy, ExportArticle, ExportError, Templates};

/// The article as a PDF print version.
pub fn pdf(article: &ExportArticle, templates: &Templates) -> Result<Vec<u8>, ExportError> {
    let anatomy = Anatomy::of(article);
    let job = PrintJob {
        main: main_source(&anatomy, article.content.embargo),
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
fn main_source(anatomy: &Anatomy, embargo: Option<chrono::DateTime<chrono::Utc>>) -> String {
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
            "    (image: {image}, width: {}, height: {}, caption: {}, credit: {}, credit-label: {}, \
             alt: {}),",
            figure.width,
            figure.height,
            optional(&figure.caption),
            optional(&figure.credit),
            optional(&figure.credit_label),
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
    // Before the body, in any template: an internal copy under embargo says so.
    if let Some(until) = embargo {
        let _ = writeln!(
            out,
            "#block(width: 100%, inset: 6pt, stroke: 1.5pt)[#strong({})]\n",
            string(&newsdesk_model::embargo_notice(until))
        );
    }
    out.push_str(&body(&anatomy.body_markdown));
    out
}
