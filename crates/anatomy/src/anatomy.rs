//! The one place that knows what an article looks like on the portal: "Kicker: Title", the
//! date in brackets, teaser, pictures with caption and "Bildquelle: …", body, links, "(author)",
//! "Stichwörter: …". The HTML page and the print version are both drawn from an [`Anatomy`].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::ExportArticle;

/// An article laid out in the portal's parts, every text as the editor wrote it (the renderers
/// escape it for their format). The body is given twice: sanitised HTML for the HTML page and
/// the Markdown it came from for the print version.
#[derive(Debug, Clone, Serialize)]
pub struct Anatomy {
    pub kicker: String,
    pub title: String,
    /// The portal's date: "13.12.2018" (day and month without leading zeros: "3.4.2024").
    pub date: String,
    /// The same as ISO 8601 ("2018-12-13"), for `<time datetime>`; empty without a date.
    pub date_iso: String,
    pub author: String,
    pub section: String,
    /// "Meldung", "Bericht", …
    pub kind: String,
    pub teaser: String,
    pub figures: Vec<Figure>,
    /// The body as sanitised HTML (no scripts, handlers, frames or `javascript:` links).
    pub body_html: String,
    /// The body as Markdown (the print version typesets it).
    #[serde(skip)]
    pub body_markdown: String,
    pub links: Vec<Link>,
    pub tags: Vec<String>,
    /// The language of the article's text (BCP 47): "de" unless its front matter says otherwise.
    pub language: String,
}

/// A picture as the article shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub caption: String,
    /// The credit line: what follows "Bildquelle:".
    pub credit: String,
    /// The credit with its label, as the portal shows it ("Bildquelle: dpa"); empty without
    /// a credit.
    pub credit_label: String,
    pub alt: String,
    /// The picture's place in the article (0-based) and in [`crate::ExportArticle::pictures`].
    pub index: usize,
    /// Whether the library has the picture's file (otherwise only caption and credit show).
    pub has_file: bool,
    pub width: u32,
    pub height: u32,
}

/// A link of the article ("Weitere Informationen"), with its address only when it is one a
/// reader may follow (http, https, mailto).
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
    /// `document` for a file (the portal shows "(Deep Link)"), empty for a web page.
    pub kind: String,
}

impl Anatomy {
    pub fn of(article: &ExportArticle) -> Anatomy {
        let content = &article.content;
        let figures = content
            .images
            .iter()
            .enumerate()
            .map(|(index, image)| {
                let picture = article.pictures.get(index);
                // The picture's own texts (the article's, completed from the library), else
                // what the article says.
                let text = |own: Option<&String>, placed: &str| {
                    own.map(|t| t.trim())
                        .filter(|t| !t.is_empty())
                        .unwrap_or(placed.trim())
                        .to_owned()
                };
                let file = picture.and_then(|p| p.file.as_ref());
                let credit = text(picture.map(|p| &p.credit), &image.credit);
                Figure {
                    caption: text(picture.map(|p| &p.caption), &image.caption),
                    credit_label: labelled(&credit),
                    credit,
                    alt: text(picture.map(|p| &p.alt), &image.alt),
                    index,
                    has_file: file.is_some_and(|f| !f.display.is_empty()),
                    width: file.map_or(0, |f| f.width),
                    height: file.map_or(0, |f| f.height),
                }
            })
            .collect();
        let links = content
            .links
            .iter()
            .filter(|l| !l.title.trim().is_empty() || !l.url.trim().is_empty())
            .map(|l| Link {
                title: if l.title.trim().is_empty() {
                    l.url.trim().to_owned()
                } else {
                    l.title.trim().to_owned()
                },
                url: if safe_url(&l.url) {
                    l.url.trim().to_owned()
                } else {
                    String::new()
                },
                kind: l.kind.trim().to_owned(),
            })
            .collect();
        Anatomy {
            kicker: content.kicker.trim().to_owned(),
            title: content.title.trim().to_owned(),
            date: content.date.map(portal_date).unwrap_or_default(),
            date_iso: content.date.map(|d| d.to_string()).unwrap_or_default(),
            author: content.author.trim().to_owned(),
            section: content.section.trim().to_owned(),
            kind: content.kind.trim().to_owned(),
            teaser: content.teaser.trim().to_owned(),
            figures,
            body_html: newsdesk_markdown::to_safe_html(&content.body),
            body_markdown: content.body.clone(),
            links,
            tags: content
                .tags
                .iter()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect(),
            language: language_of(article),
        }
    }

    /// Every credit of the article's pictures once, in the order they appear.
    pub fn credits(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for figure in &self.figures {
            if !figure.credit.is_empty() && !seen.contains(&figure.credit.as_str()) {
                seen.push(&figure.credit);
            }
        }
        seen
    }
}

/// `credit` with the portal's label, or nothing without a credit.
fn labelled(credit: &str) -> String {
    if credit.is_empty() {
        String::new()
    } else {
        newsdesk_model::credit_label(credit)
    }
}

/// The portal's way of writing a date: "13.12.2018", "3.4.2024".
pub fn portal_date(date: NaiveDate) -> String {
    format!("{}.{}.{}", date.day(), date.month(), date.year())
}

/// Addresses a reader may follow from an exported file; anything else stays text.
pub fn safe_url(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:")
}

/// The article's language: a `language`/`lang` in its front matter, else German.
fn language_of(article: &ExportArticle) -> String {
    ["language", "lang"]
        .iter()
        .find_map(|key| article.content.extra.get(*key)?.as_str())
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && l.len() <= 35
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .unwrap_or("de")
        .to_owned()
}

/// A correction as readers read it, in the article's language and the newsroom's local date:
/// "Korrektur am 14.12.2018: …" ("Correction of 14 December 2018: …" in English).
pub fn correction_notice(language: &str, correction: &newsdesk_model::Correction) -> String {
    let day = correction.at.with_timezone(&chrono::Local).date_naive();
    if language.starts_with("en") {
        format!(
            "Correction of {}: {}",
            day.format("%-d %B %Y"),
            correction.note.trim()
        )
    } else {
        format!(
            "Korrektur am {}: {}",
            day.format("%d.%m.%Y"),
            correction.note.trim()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_the_portal_writes_them() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        assert_eq!(portal_date(date(2018, 12, 13)), "13.12.2018");
        assert_eq!(
            portal_date(date(2024, 4, 3)),
            "3.4.2024",
            "no leading zeros, as on the portal"
        );
    }

    #[test]
    fn only_web_and_mail_addresses_are_followed() {
        assert!(safe_url("https://www.thueringen.de"));
        assert!(safe_url(" MAILTO:desk@example.org"));
        assert!(!safe_url("javascript:alert(1)"));
        assert!(!safe_url("data:text/html,<script>"));
        assert!(!safe_url("file:///etc/passwd"));
    }
}
