//! The credits of an article's pictures as a table (RFC 4180 CSV) for the bundle.

use crate::{Anatomy, ExportArticle, ExportError};

/// One row per picture: file, caption, credit line, photographer, copyright, usage terms, alt.
pub fn credits_csv(article: &ExportArticle) -> Result<Vec<u8>, ExportError> {
    table(article, &Anatomy::of(article))
}

/// [`credits_csv`] of an article whose anatomy is made already.
pub(crate) fn table(article: &ExportArticle, anatomy: &Anatomy) -> Result<Vec<u8>, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let bad = |e: csv::Error| ExportError::Bundle(format!("credits.csv: {e}"));
    writer
        .write_record([
            "file",
            "caption",
            "credit",
            "creator",
            "copyright",
            "usage_terms",
            "alt",
        ])
        .map_err(bad)?;
    for figure in &anatomy.figures {
        let picture = article.pictures.get(figure.index);
        let text =
            |value: Option<&Option<String>>| value.and_then(|v| v.clone()).unwrap_or_default();
        let file = picture
            .and_then(|p| p.file.as_ref())
            .map(|f| format!("images/{}", f.name))
            .unwrap_or_default();
        writer
            .write_record([
                file,
                figure.caption.clone(),
                figure.credit.clone(),
                text(picture.map(|p| &p.creator)),
                text(picture.map(|p| &p.copyright)),
                text(picture.map(|p| &p.usage_terms)),
                figure.alt.clone(),
            ])
            .map_err(bad)?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Bundle(format!("credits.csv: {e}")))
}
