//! The image library's table: one row per picture (stored once, by the hash of its file),
//! its credits as the photo editor set them, what its file said at import, and its keywords
//! in the vocabulary the articles share. The pixels live beside the library (see
//! [`crate::Store::media_dir`]); this table only names them by hash.

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_model::text;
use newsdesk_model::{Image, ImageMetadata, ImagePatch, LicenseKind};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::codec::{date_text, parse_date, parse_ts, ts};
use crate::tags::vocabulary::{Tagged, set_tags_of, tags_of_owner};
use crate::{Store, StoreError};
use newsdesk_model::credit_line::{DEFAULT_CREDIT_FORMAT, check_format, credit_line};

/// A picture to store: what the media crate found in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewImage {
    pub hash: String,
    pub file: String,
    pub format: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub phash: u64,
    pub metadata: ImageMetadata,
}

const COLUMNS: &str = "id, hash, file, format, width, height, bytes, creator, credit, copyright, \
     source, caption, headline, date_created, city, country, usage_terms, web_statement, \
     licensor_url, alt_text, license, expires, imported_at, updated_at, embargo_until";

/// The text columns a patch or the file's metadata sets, in [`COLUMNS`] order from `creator`.
const TEXT_FIELDS: [&str; 13] = [
    "creator",
    "credit",
    "copyright",
    "source",
    "caption",
    "headline",
    "date_created",
    "city",
    "country",
    "usage_terms",
    "web_statement",
    "licensor_url",
    "alt_text",
];

fn texts_of(m: &ImageMetadata) -> [Option<&str>; 13] {
    [
        m.creator.as_deref(),
        m.credit.as_deref(),
        m.copyright.as_deref(),
        m.source.as_deref(),
        m.caption.as_deref(),
        m.headline.as_deref(),
        m.date_created.as_deref(),
        m.city.as_deref(),
        m.country.as_deref(),
        m.usage_terms.as_deref(),
        m.web_statement.as_deref(),
        m.licensor_url.as_deref(),
        m.alt_text.as_deref(),
    ]
}

fn patch_texts(p: &ImagePatch) -> [Option<&str>; 13] {
    [
        p.creator.as_deref(),
        p.credit.as_deref(),
        p.copyright.as_deref(),
        p.source.as_deref(),
        p.caption.as_deref(),
        p.headline.as_deref(),
        p.date_created.as_deref(),
        p.city.as_deref(),
        p.country.as_deref(),
        p.usage_terms.as_deref(),
        p.web_statement.as_deref(),
        p.licensor_url.as_deref(),
        p.alt_text.as_deref(),
    ]
}

/// A text field as stored: trimmed, `None` when empty.
fn stored(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn row_to_image(r: &Row<'_>, format: &str) -> Result<Image, StoreError> {
    let text = |i: usize| -> Result<Option<String>, StoreError> { Ok(r.get(i)?) };
    let metadata = ImageMetadata {
        creator: text(7)?,
        credit: text(8)?,
        copyright: text(9)?,
        source: text(10)?,
        caption: text(11)?,
        headline: text(12)?,
        keywords: Vec::new(),
        date_created: text(13)?,
        city: text(14)?,
        country: text(15)?,
        usage_terms: text(16)?,
        web_statement: text(17)?,
        licensor_url: text(18)?,
        alt_text: text(19)?,
    };
    let license = text(20)?
        .map(|l| {
            l.parse::<LicenseKind>()
                .map_err(|e| StoreError::Corrupt(format!("image license: {e}")))
        })
        .transpose()?;
    let line = credit_line(format, &metadata);
    Ok(Image {
        id: r.get(0)?,
        hash: r.get(1)?,
        file: r.get(2)?,
        format: r.get(3)?,
        width: r.get(4)?,
        height: r.get(5)?,
        bytes: u64::try_from(r.get::<_, i64>(6)?).unwrap_or_default(),
        metadata,
        license,
        expires: parse_date(r.get(21)?)?,
        credit_line: line,
        imported_at: parse_ts(&r.get::<_, String>(22)?)?,
        updated_at: parse_ts(&r.get::<_, String>(23)?)?,
        embargo: r
            .get::<_, Option<String>>(24)?
            .as_deref()
            .map(parse_ts)
            .transpose()?,
    })
}

/// The keywords of picture `id`, in order, spelled as the vocabulary has them.
fn keywords_of(conn: &Connection, id: i64) -> Result<Vec<String>, StoreError> {
    tags_of_owner(conn, Tagged::Image, id)
}

fn set_keywords(tx: &Connection, id: i64, names: &[String]) -> Result<(), StoreError> {
    set_tags_of(tx, Tagged::Image, id, names)
}

/// The library's credit-line format (see [`crate::credit_line`]).
pub(crate) fn credit_format(conn: &Connection) -> Result<String, StoreError> {
    let found: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'credit_format'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(found.unwrap_or_else(|| DEFAULT_CREDIT_FORMAT.to_string()))
}

/// Picture `id` with its keywords; `None` when there is no such picture.
pub(crate) fn find_image(conn: &Connection, id: i64) -> Result<Option<Image>, StoreError> {
    let format = credit_format(conn)?;
    let sql = format!("SELECT {COLUMNS} FROM images WHERE id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let mut image = row_to_image(row, &format)?;
    image.metadata.keywords = keywords_of(conn, id)?;
    Ok(Some(image))
}

pub(crate) fn load_image(conn: &Connection, id: i64) -> Result<Image, StoreError> {
    find_image(conn, id)?.ok_or(StoreError::ImageNotFound(id))
}

/// The pictures of a `SELECT id FROM images …` query, in its order.
pub(crate) fn images_of(
    conn: &Connection,
    ids_sql: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Image>, StoreError> {
    let format = credit_format(conn)?;
    let sql = format!("SELECT {COLUMNS} FROM images WHERE id IN ({ids_sql})");
    let mut stmt = conn.prepare(&format!("{sql} ORDER BY imported_at DESC, id DESC"))?;
    let mut rows = stmt.query(params)?;
    let mut images = Vec::new();
    while let Some(row) = rows.next()? {
        images.push(row_to_image(row, &format)?);
    }
    for image in &mut images {
        image.metadata.keywords = keywords_of(conn, image.id)?;
    }
    Ok(images)
}

/// A license kind or date given as text, checked.
fn license_of(text: &str) -> Result<Option<String>, StoreError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let kind: LicenseKind = text.parse().map_err(|why: String| {
        StoreError::Invalid(newsdesk_model::Text {
            de: format!("Unbekannte Lizenzart ({why})"),
            en: why,
        })
    })?;
    Ok(Some(kind.as_str().to_string()))
}

fn expiry_of(text: &str) -> Result<Option<String>, StoreError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        StoreError::Invalid(text!(
            "the license end {text:?} is not a date as YYYY-MM-DD (for example 2027-03-31)",
            "das Lizenzende {text:?} ist kein Datum der Form JJJJ-MM-TT (zum Beispiel 2027-03-31)"
        ))
    })?;
    Ok(date_text(Some(date)))
}

impl Store {
    /// Stores a picture, or finds it when the same file (same hash) is already stored.
    /// Returns the picture and whether it is new. The file's metadata becomes its credits and
    /// keywords, and is kept as read (`from_file`).
    pub fn insert_image(
        &self,
        new: &NewImage,
        now: DateTime<Utc>,
    ) -> Result<(Image, bool), StoreError> {
        self.writing(|tx| {
            let existing: Option<i64> = tx
                .query_row("SELECT id FROM images WHERE hash = ?1", [&new.hash], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(id) = existing {
                return Ok((load_image(tx, id)?, false));
            }
            let m = &new.metadata;
            let texts = texts_of(m).map(stored);
            let from_file = serde_json::to_string(m).map_err(|e| {
                StoreError::Invalid(text!(
                    "image metadata: {e}",
                    "Die Bildmetadaten lassen sich nicht speichern: {e}"
                ))
            })?;
            tx.execute(
                &format!(
                    "INSERT INTO images (hash, file, format, width, height, bytes, phash, {},
                       from_file, imported_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, {}, ?21, ?22, ?22)",
                    TEXT_FIELDS.join(", "),
                    (8..=20)
                        .map(|i| format!("?{i}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                params![
                    new.hash,
                    new.file,
                    new.format,
                    new.width,
                    new.height,
                    i64::try_from(new.bytes).unwrap_or(i64::MAX),
                    new.phash as i64,
                    texts[0],
                    texts[1],
                    texts[2],
                    texts[3],
                    texts[4],
                    texts[5],
                    texts[6],
                    texts[7],
                    texts[8],
                    texts[9],
                    texts[10],
                    texts[11],
                    texts[12],
                    from_file,
                    ts(now),
                ],
            )?;
            let id = tx.last_insert_rowid();
            set_keywords(tx, id, &m.keywords)?;
            Ok((load_image(tx, id)?, true))
        })
    }

    pub fn image(&self, id: i64) -> Result<Image, StoreError> {
        self.reading(|conn| load_image(conn, id))
    }

    /// The picture whose file has this SHA-256 (hex), if it is in the library.
    pub fn image_by_hash(&self, hash: &str) -> Result<Option<Image>, StoreError> {
        self.reading(|conn| {
            let id: Option<i64> = conn
                .query_row(
                    "SELECT id FROM images WHERE hash = ?1",
                    [hash.to_lowercase()],
                    |r| r.get(0),
                )
                .optional()?;
            id.map(|id| load_image(conn, id)).transpose()
        })
    }

    /// What the file of picture `id` said at import (before anyone edited the credits).
    pub fn image_file_metadata(&self, id: i64) -> Result<ImageMetadata, StoreError> {
        self.reading(|conn| {
            let json: Option<String> = conn
                .query_row("SELECT from_file FROM images WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            let json = json.ok_or(StoreError::ImageNotFound(id))?;
            serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("image {id}'s file metadata: {e}")))
        })
    }

    /// Sets the fields of `patch` on every picture in `ids` at once (all or none).
    pub fn patch_images(
        &self,
        ids: &[i64],
        patch: &ImagePatch,
        now: DateTime<Utc>,
    ) -> Result<Vec<Image>, StoreError> {
        let license = patch.license.as_deref().map(license_of).transpose()?;
        let expires = patch.expires.as_deref().map(expiry_of).transpose()?;
        self.writing(|tx| {
            for &id in ids {
                load_image(tx, id)?;
                for (column, value) in TEXT_FIELDS.iter().zip(patch_texts(patch)) {
                    if let Some(value) = value {
                        tx.execute(
                            &format!("UPDATE images SET {column} = ?2 WHERE id = ?1"),
                            params![id, stored(Some(value))],
                        )?;
                    }
                }
                if let Some(license) = &license {
                    tx.execute(
                        "UPDATE images SET license = ?2 WHERE id = ?1",
                        params![id, license],
                    )?;
                }
                if let Some(expires) = &expires {
                    tx.execute(
                        "UPDATE images SET expires = ?2 WHERE id = ?1",
                        params![id, expires],
                    )?;
                }
                tx.execute(
                    "UPDATE images SET updated_at = ?2 WHERE id = ?1",
                    params![id, ts(now)],
                )?;
                // The articles showing it are searched by its caption and credits too.
                crate::articles::index_queue::queue_articles_showing(tx, id)?;
            }
            ids.iter().map(|&id| load_image(tx, id)).collect()
        })
    }

    /// Adds and removes keywords on every picture in `ids` (the vocabulary is shared with the
    /// articles); the order of the existing keywords stays.
    pub fn tag_images(
        &self,
        ids: &[i64],
        add: &[String],
        remove: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<Image>, StoreError> {
        let removed: std::collections::HashSet<String> = remove
            .iter()
            .map(|t| crate::tags::vocabulary::tag_key(t))
            .collect();
        self.writing(|tx| {
            for &id in ids {
                let mut names = keywords_of(tx, load_image(tx, id)?.id)?;
                names.extend(add.iter().cloned());
                names.retain(|n| !removed.contains(&crate::tags::vocabulary::tag_key(n)));
                set_keywords(tx, id, &names)?;
                tx.execute(
                    "UPDATE images SET updated_at = ?2 WHERE id = ?1",
                    params![id, ts(now)],
                )?;
            }
            ids.iter().map(|&id| load_image(tx, id)).collect()
        })
    }

    /// Every picture's id and perceptual hash, for finding look-alikes.
    pub fn image_phashes(&self) -> Result<Vec<(i64, u64)>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare("SELECT id, phash FROM images ORDER BY id")?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u64))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// The library's credit-line format.
    pub fn credit_format(&self) -> Result<String, StoreError> {
        self.reading(credit_format)
    }

    /// Sets the credit-line format (checked first: see [`crate::credit_line`]).
    pub fn set_credit_format(&self, format: &str) -> Result<(), StoreError> {
        check_format(format).map_err(|why| {
            StoreError::Invalid(newsdesk_model::Text {
                de: format!("Das Format der Bildquelle ist nicht verwendbar ({why})"),
                en: why,
            })
        })?;
        self.writing(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('credit_format', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [format],
            )?;
            Ok(())
        })
    }

    /// Credit values used before, most used first: completion for presets.
    pub fn credit_values(&self) -> Result<Vec<String>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare(
                "SELECT credit FROM images WHERE credit IS NOT NULL
                 GROUP BY credit ORDER BY count(*) DESC, credit LIMIT 200",
            )?;
            let rows = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(rows)
        })
    }
}
