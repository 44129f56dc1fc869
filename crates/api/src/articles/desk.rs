//! What a news desk must get right before an article leaves: its embargo (Sperrfrist) and
//! its pictures', its corrections, and its own public address (slug, meta description,
//! social-card picture). Each change is a save, so it is in the article's history.

use chrono::{DateTime, Utc};
use newsdesk_model::{Article, Correction, Embargo, Image};

use newsdesk_model::text;

use crate::error::Leaving;
use crate::{ApiError, App};

/// What `article set` changes; `None` leaves a field as it is, `Some("")` empties it.
#[derive(Debug, Clone, Default)]
pub struct AddressChanges {
    pub slug: Option<String>,
    pub description: Option<String>,
    pub social_image: Option<String>,
}

/// Longest correction notice (a few sentences).
const MAX_NOTE_CHARS: usize = 2000;
/// Longest meta description (search engines show about 160 characters).
const MAX_DESCRIPTION_CHARS: usize = 500;

impl App {
    /// Sets (or with `None` clears) the embargo of article `id`. Jobs already queued for it are
    /// held until then; clearing it releases them.
    pub fn set_embargo(&self, id: i64, until: Option<DateTime<Utc>>) -> Result<Article, ApiError> {
        let article = self.store.article(id)?;
        let mut content = article.content;
        content.embargo = until;
        let note = if until.is_some() {
            "embargo"
        } else {
            "embargo cleared"
        };
        let saved = self.store.update_article(
            id,
            &content,
            Some(article.revision),
            note,
            self.clock.now(),
        )?;
        // The outbox's runner waits for the next due job: it must look again.
        self.publishing.ring();
        Ok(saved)
    }

    /// Adds a correction notice to article `id` (newest first); it goes out with the next
    /// publication of the article.
    pub fn correct_article(&self, id: i64, note: &str) -> Result<Article, ApiError> {
        let note = note.trim();
        if note.is_empty() {
            return Err(ApiError::Invalid(text!(
                "a correction needs its notice: say what was corrected",
                "Eine Korrektur braucht ihren Hinweis: Was wurde korrigiert?"
            )));
        }
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(ApiError::Invalid(text!(
                "a correction notice holds at most {MAX_NOTE_CHARS} characters",
                "Ein Korrekturhinweis hat höchstens {MAX_NOTE_CHARS} Zeichen."
            )));
        }
        let article = self.store.article(id)?;
        let mut content = article.content;
        content.corrections.insert(
            0,
            Correction {
                at: self.clock.now(),
                note: note.to_string(),
            },
        );
        Ok(self.store.update_article(
            id,
            &content,
            Some(article.revision),
            "correction",
            self.clock.now(),
        )?)
    }

    /// Sets the post's address part, its meta description and its social-card picture.
    pub fn set_article_address(
        &self,
        id: i64,
        changes: &AddressChanges,
    ) -> Result<Article, ApiError> {
        let article = self.store.article(id)?;
        let mut content = article.content;
        if let Some(slug) = &changes.slug {
            let slug = slug.trim();
            if let Some(problem) = newsdesk_model::slug_problem(slug).filter(|_| !slug.is_empty()) {
                return Err(ApiError::Invalid(problem));
            }
            content.slug = slug.to_string();
        }
        if let Some(description) = &changes.description {
            let description = description.trim();
            if description.chars().count() > MAX_DESCRIPTION_CHARS {
                return Err(ApiError::Invalid(text!(
                    "a meta description holds at most {MAX_DESCRIPTION_CHARS} characters \
                     (search engines show about 160)",
                    "Eine Meta-Beschreibung hat höchstens {MAX_DESCRIPTION_CHARS} Zeichen \
                     (Suchmaschinen zeigen etwa 160)."
                )));
            }
            content.description = description.to_string();
        }
        if let Some(picture) = &changes.social_image {
            let picture = picture.trim();
            if !picture.is_empty() && !content.images.iter().any(|i| i.file == picture) {
                let files: Vec<&str> = content.images.iter().map(|i| i.file.as_str()).collect();
                return Err(ApiError::Invalid(if files.is_empty() {
                    text!(
                        "the social-card picture must be one of the article's pictures, and it \
                         has none: not '{picture}'",
                        "Das Bild für geteilte Links muss eines der Bilder des Artikels sein, und \
                         er hat keines: nicht „{picture}“."
                    )
                } else {
                    let files = files.join(", ");
                    text!(
                        "the social-card picture must be one of the article's pictures ({files}), \
                         not '{picture}'",
                        "Das Bild für geteilte Links muss eines der Bilder des Artikels sein \
                         ({files}), nicht „{picture}“."
                    )
                }));
            }
            content.social_image = picture.to_string();
        }
        Ok(self.store.update_article(
            id,
            &content,
            Some(article.revision),
            "address",
            self.clock.now(),
        )?)
    }

    /// The embargo that holds article `id` now: its own or a picture's, the later one.
    pub fn embargo_of(&self, id: i64) -> Result<Option<Embargo>, ApiError> {
        Ok(self.store.embargo_of(id, self.clock.now())?)
    }

    /// Refuses a publication of article `id` that would go out before its embargo ends: now,
    /// or scheduled earlier than the embargo. One scheduled at or after it is queued and held.
    pub(crate) fn refuse_early_publication(
        &self,
        id: i64,
        schedule: Option<DateTime<Utc>>,
    ) -> Result<(), ApiError> {
        match self.embargo_of(id)? {
            Some(embargo) if schedule.is_none_or(|at| at < embargo.until) => {
                Err(ApiError::Embargoed {
                    id,
                    what: if schedule.is_some() {
                        Leaving::Scheduled
                    } else {
                        Leaving::Published
                    },
                    embargo,
                })
            }
            _ => Ok(()),
        }
    }

    /// Sets (or with `None` clears) the embargo of picture `id`: every article showing it is
    /// held until then.
    pub fn set_image_embargo(
        &self,
        id: i64,
        until: Option<DateTime<Utc>>,
    ) -> Result<Image, ApiError> {
        let image = self.store.set_image_embargo(id, until, self.clock.now())?;
        self.publishing.ring();
        Ok(image)
    }
}
