//! The article list with its filters, and counts for the navigation.

use newsdesk_model::{ArticleFilter, ArticleSummary, Status, StatusCount};
use rusqlite::types::Value;

use crate::codec::{parse_date, parse_status, parse_ts};
use crate::tags::vocabulary::tag_key;
use crate::{Store, StoreError};
use newsdesk_model::fold::fold;

/// Separates tag names inside one SQL result (the ASCII unit separator never occurs in a tag).
const TAG_SEPARATOR: char = '\u{1f}';

impl Store {
    /// Articles matching the filter, newest first (by date, then by last change).
    pub fn list(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut clauses = vec![if filter.trashed == Some(true) {
            "a.trashed_at IS NOT NULL".to_string()
        } else {
            "a.trashed_at IS NULL".to_string()
        }];
        let mut args: Vec<Value> = Vec::new();
        if let Some(status) = filter.status {
            args.push(Value::Text(status.as_str().into()));
            clauses.push(format!("a.status = ?{}", args.len()));
        }
        if let Some(section) = filter.section.as_deref().filter(|s| !s.is_empty()) {
            args.push(Value::Text(fold(section.trim())));
            clauses.push(format!("nd_fold(a.section) = ?{}", args.len()));
        }
        if let Some(tag) = filter.tag.as_deref().filter(|s| !s.is_empty()) {
            args.push(Value::Text(tag_key(tag)));
            clauses.push(format!(
                "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
                          WHERE t.key = ?{})",
                args.len()
            ));
        }
        if let Some(kind) = filter.kind.as_deref().filter(|s| !s.trim().is_empty()) {
            args.push(Value::Text(fold(kind.trim())));
            clauses.push(format!("nd_fold(a.type) = ?{}", args.len()));
        }
        if let Some(since) = filter.since {
            args.push(Value::Text(since.format("%Y-%m-%d").to_string()));
            clauses.push(format!("a.date >= ?{}", args.len()));
        }
        if let Some(until) = filter.until {
            args.push(Value::Text(until.format("%Y-%m-%d").to_string()));
            clauses.push(format!("a.date <= ?{}", args.len()));
        }
        let filter_sql = format!("WHERE {}", clauses.join(" AND "));
        let limit = filter.limit.map_or(-1, i64::from);
        let offset = filter.offset.map_or(0, i64::from);
        let sql = format!(
            "SELECT a.id, a.kicker, a.title, a.type, a.section, a.date, a.author, a.teaser,
                    a.status, a.created_at, a.updated_at, a.trashed_at,
                    (SELECT group_concat(t.name, char(31)) FROM
                        (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.article_id = a.id ORDER BY at.position) t) AS tags,
                    a.embargo_until
             FROM articles a {filter_sql}
             ORDER BY a.date DESC, a.updated_at DESC, a.id DESC
             LIMIT {limit} OFFSET {offset}"
        );
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
                Ok((
                    (
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, String>(6)?,
                    ),
                    (
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, String>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, Option<String>>(11)?,
                        r.get::<_, Option<String>>(12)?,
                        r.get::<_, Option<String>>(13)?,
                    ),
                ))
            })?;
            let mut list = Vec::new();
            for row in rows {
                let ((id, kicker, title, kind, section, date, author), rest) = row?;
                let (teaser, status, created, updated, trashed, tags, embargo) = rest;
                list.push(ArticleSummary {
                    id,
                    kicker,
                    title,
                    kind,
                    section,
                    date: parse_date(date)?,
                    author,
                    teaser,
                    tags: tags
                        .map(|t| t.split(TAG_SEPARATOR).map(str::to_string).collect())
                        .unwrap_or_default(),
                    status: parse_status(&status)?,
                    created_at: parse_ts(&created)?,
                    updated_at: parse_ts(&updated)?,
                    trashed_at: trashed.as_deref().map(parse_ts).transpose()?,
                    embargo: embargo.as_deref().map(parse_ts).transpose()?,
                });
            }
            Ok(list)
        })
    }

    /// How many articles stand in each status (every status, zeros included).
    pub fn status_counts(&self) -> Result<Vec<StatusCount>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT status, count(*) FROM articles WHERE trashed_at IS NULL GROUP BY status",
            )?;
            let found = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Status::ALL
                .iter()
                .map(|status| StatusCount {
                    status: *status,
                    count: found
                        .iter()
                        .find(|(s, _)| s == status.as_str())
                        .map_or(0, |(_, c)| *c),
                })
                .collect())
        })
    }

    /// The sections in use, alphabetically.
    pub fn sections(&self) -> Result<Vec<String>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT DISTINCT section FROM articles
             WHERE section <> '' AND trashed_at IS NULL ORDER BY section",
            )?;
            let sections = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(sections)
        })
    }
}
