//! Lists of pictures (filters for credits, licenses, keywords, words) and the credit report:
//! which pictures were used in which articles.

use chrono::NaiveDate;
use newsdesk_model::{CONTENT_ADDRESS_PREFIX, Image, ImageFilter, ImageUse};
use rusqlite::{ToSql, params};

use crate::codec::{date_text, parse_date, parse_status};
use crate::images::image::{credit_format, images_of};
use crate::tags::vocabulary::tag_key;
use crate::{Store, StoreError};
use newsdesk_model::fold::fold;

impl Store {
    /// The pictures `filter` selects, newest import first. `today` decides what "expired"
    /// and "expires within N days" mean.
    pub fn images(&self, filter: &ImageFilter, today: NaiveDate) -> Result<Vec<Image>, StoreError> {
        let mut clauses: Vec<String> = Vec::new();
        let mut values: Vec<Box<dyn ToSql>> = Vec::new();
        if filter.missing_credit == Some(true) {
            clauses.push(
                "credit IS NULL AND creator IS NULL AND source IS NULL AND copyright IS NULL"
                    .into(),
            );
        }
        if let Some(days) = filter.expiring_within {
            let until = today + chrono::Days::new(u64::from(days));
            values.push(Box::new(date_text(Some(today))));
            values.push(Box::new(date_text(Some(until))));
            clauses.push(format!(
                "expires >= ?{} AND expires <= ?{}",
                values.len() - 1,
                values.len()
            ));
        }
        if filter.expired == Some(true) {
            values.push(Box::new(date_text(Some(today))));
            clauses.push(format!("expires < ?{}", values.len()));
        }
        if let Some(tag) = filter.tag.as_deref().filter(|t| !t.trim().is_empty()) {
            values.push(Box::new(tag_key(tag)));
            clauses.push(format!(
                "id IN (SELECT it.image_id FROM image_tags it JOIN tags t ON t.id = it.tag_id
                        WHERE t.key = ?{})",
                values.len()
            ));
        }
        if let Some(text) = filter.text.as_deref() {
            for word in text.split_whitespace() {
                values.push(Box::new(fold(word)));
                clauses.push(format!(
                    "nd_contains(coalesce(caption,'') || ' ' || coalesce(headline,'') || ' ' ||
                       coalesce(credit,'') || ' ' || coalesce(creator,'') || ' ' ||
                       coalesce(source,'') || ' ' || file, ?{})",
                    values.len()
                ));
            }
        }
        let mut sql = String::from("SELECT id FROM images");
        if !clauses.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&clauses.join(" AND "));
        }
        sql.push_str(" ORDER BY imported_at DESC, id DESC");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
            if let Some(offset) = filter.offset {
                sql.push_str(&format!(" OFFSET {offset}"));
            }
        }
        let params: Vec<&dyn ToSql> = values.iter().map(|v| v.as_ref()).collect();
        self.reading(|conn| images_of(conn, &sql, &params))
    }

    /// Every use of a library picture in an article (outside the trash) dated from `from` to
    /// `to`, by article date, then article, then picture: the credit report's lines.
    pub fn image_uses(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ImageUse>, StoreError> {
        self.reading(|conn| {
            let format = credit_format(conn)?;
            let mut stmt = conn.prepare(
                "SELECT i.id, a.id, a.title, a.date, a.status, ai.position
                 FROM article_images ai
                 JOIN articles a ON a.id = ai.article_id
                 JOIN images i ON ai.file = ?3 || i.hash
                 WHERE a.trashed_at IS NULL AND a.date >= ?1 AND a.date <= ?2
                 ORDER BY a.date, a.id, ai.position",
            )?;
            let rows = stmt
                .query_map(
                    params![
                        date_text(Some(from)),
                        date_text(Some(to)),
                        CONTENT_ADDRESS_PREFIX
                    ],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, Option<String>>(3)?,
                            r.get::<_, String>(4)?,
                        ))
                    },
                )?
                .collect::<Result<Vec<_>, _>>()?;
            let mut uses = Vec::new();
            for (image_id, article_id, title, date, status) in rows {
                let image = crate::images::image::load_image(conn, image_id)?;
                uses.push(ImageUse {
                    image_id,
                    file: image.file,
                    credit_line: newsdesk_model::credit_line::credit_line(&format, &image.metadata),
                    creator: image.metadata.creator,
                    source: image.metadata.source,
                    license: image.license,
                    article_id,
                    article_title: title,
                    article_date: parse_date(date)?,
                    article_status: parse_status(&status)?,
                });
            }
            Ok(uses)
        })
    }
}
