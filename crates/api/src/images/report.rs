//! The credit report as CSV: which pictures from which source were used in which articles,
//! the list an agency's invoice is checked against.

use newsdesk_model::ImageUse;
use newsdesk_model::text;

use crate::ApiError;

/// The report as CSV (RFC 4180, UTF-8, a header line), one line per use of a picture.
pub fn credit_report_csv(uses: &[ImageUse]) -> Result<String, ApiError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "article_date",
        "article_id",
        "article_title",
        "article_status",
        "image_id",
        "file",
        "credit_line",
        "creator",
        "source",
        "license",
    ];
    let fail = |e: csv::Error| {
        ApiError::Invalid(text!(
            "the report could not be written: {e}",
            "Der Bericht ließ sich nicht schreiben: {e}"
        ))
    };
    out.write_record(header).map_err(fail)?;
    for u in uses {
        out.write_record([
            u.article_date.map(|d| d.to_string()).unwrap_or_default(),
            u.article_id.to_string(),
            u.article_title.clone(),
            u.article_status.as_str().to_string(),
            u.image_id.to_string(),
            u.file.clone(),
            u.credit_line.clone(),
            u.creator.clone().unwrap_or_default(),
            u.source.clone().unwrap_or_default(),
            u.license
                .map(|l| l.as_str().to_string())
                .unwrap_or_default(),
        ])
        .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| {
        ApiError::Invalid(text!(
            "the report could not be written: {e}",
            "Der Bericht ließ sich nicht schreiben: {e}"
        ))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        ApiError::Invalid(text!(
            "the report is not UTF-8: {e}",
            "Der Bericht ist kein UTF-8: {e}"
        ))
    })
}
