//! The newsroom overview's figures, each one SQL aggregate over an index: the articles of the
//! last weeks by the live date index, the tags and picture uses of those articles by their
//! keys, expiring licenses by the expiry index — none reads the whole library.

use chrono::{Datelike, Duration, NaiveDate};
use newsdesk_model::overview::{
    OVERVIEW_EXPIRY_DAYS, OVERVIEW_MONTHS, OVERVIEW_TAG_DAYS, OVERVIEW_WEEKS,
};
use newsdesk_model::{
    CONTENT_ADDRESS_PREFIX, ExpiringPicture, NamedCount, Overview, SourceMonth, WeekCount,
};
use rusqlite::{Connection, params};

use crate::codec::{date_text, parse_status};
use crate::{Store, StoreError};

/// The most used tags shown.
const TOP_TAGS: i64 = 12;
/// The expiring pictures named (the rest are counted).
const EXPIRING_NAMED: i64 = 10;

impl Store {
    /// The overview as of `today`.
    pub fn overview(&self, today: NaiveDate) -> Result<Overview, StoreError> {
        let outbox = self.outbox_summary()?;
        self.reading(|conn| {
            let (expiring, expiring_more) = expiring(conn, today)?;
            Ok(Overview {
                articles: conn.query_row(
                    "SELECT count(*) FROM articles WHERE trashed_at IS NULL",
                    [],
                    |r| r.get(0),
                )?,
                week_starts: week_starts(today)
                    .iter()
                    .filter_map(|d| date_text(Some(*d)))
                    .collect(),
                weeks: weeks(conn, today)?,
                tags: tags(conn, today)?,
                sources: sources(conn, today)?,
                expiring,
                expiring_more,
                outbox,
            })
        })
    }
}

/// The Monday of `day`'s week.
fn monday(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Mondays of the overview's weeks, oldest first, the week of `today` last.
fn week_starts(today: NaiveDate) -> Vec<NaiveDate> {
    let last = monday(today);
    (0..i64::from(OVERVIEW_WEEKS))
        .rev()
        .map(|back| last - Duration::weeks(back))
        .collect()
}

fn weeks(conn: &Connection, today: NaiveDate) -> Result<Vec<WeekCount>, StoreError> {
    let first = monday(today) - Duration::weeks(i64::from(OVERVIEW_WEEKS) - 1);
    let mut stmt = conn.prepare_cached(
        "SELECT date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days')
                    AS week, status, count(*)
         FROM articles
         WHERE trashed_at IS NULL AND date >= ?1 AND date <= ?2
         GROUP BY week, status ORDER BY week, status",
    )?;
    let rows = stmt.query_map(
        params![date_text(Some(first)), date_text(Some(today))],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (week, status, count) = row?;
        out.push(WeekCount {
            week,
            status: parse_status(&status)?,
            count,
        });
    }
    Ok(out)
}

fn tags(conn: &Connection, today: NaiveDate) -> Result<Vec<NamedCount>, StoreError> {
    let since = today - Duration::days(i64::from(OVERVIEW_TAG_DAYS));
    let mut stmt = conn.prepare_cached(
        "SELECT t.name, count(*) AS uses
         FROM articles a
         JOIN article_tags at ON at.article_id = a.id
         JOIN tags t ON t.id = at.tag_id
         WHERE a.trashed_at IS NULL AND a.date >= ?1 AND a.date <= ?2
         GROUP BY at.tag_id ORDER BY uses DESC, t.key LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![date_text(Some(since)), date_text(Some(today)), TOP_TAGS],
        |r| {
            Ok(NamedCount {
                name: r.get(0)?,
                count: r.get(1)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn sources(conn: &Connection, today: NaiveDate) -> Result<Vec<SourceMonth>, StoreError> {
    let this_month = today.with_day(1).unwrap_or(today);
    let first = (1..OVERVIEW_MONTHS).fold(this_month, |month, _| {
        (month - Duration::days(1)).with_day(1).unwrap_or(month)
    });
    let mut stmt = conn.prepare_cached(
        "SELECT substr(a.date, 1, 7) AS month,
                coalesce(nullif(trim(i.credit), ''), nullif(trim(i.source), ''),
                         nullif(trim(i.creator), ''), '') AS source,
                count(*)
         FROM articles a
         JOIN article_images ai ON ai.article_id = a.id
         JOIN images i ON i.hash = substr(ai.file, length(?3) + 1)
         WHERE a.trashed_at IS NULL AND a.date >= ?1 AND a.date <= ?2
           AND substr(ai.file, 1, length(?3)) = ?3
         GROUP BY month, source ORDER BY month, count(*) DESC",
    )?;
    let rows = stmt.query_map(
        params![
            date_text(Some(first)),
            date_text(Some(today)),
            CONTENT_ADDRESS_PREFIX
        ],
        |r| {
            Ok(SourceMonth {
                month: r.get(0)?,
                source: r.get(1)?,
                uses: r.get(2)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn expiring(
    conn: &Connection,
    today: NaiveDate,
) -> Result<(Vec<ExpiringPicture>, i64), StoreError> {
    let until = today + Duration::days(i64::from(OVERVIEW_EXPIRY_DAYS));
    let range = params![date_text(Some(today)), date_text(Some(until))];
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM images WHERE expires >= ?1 AND expires <= ?2",
        range,
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, file, expires,
                coalesce(nullif(trim(credit), ''), nullif(trim(source), ''),
                         nullif(trim(creator), ''), ''),
                license
         FROM images WHERE expires >= ?1 AND expires <= ?2
         ORDER BY expires, id LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![
            date_text(Some(today)),
            date_text(Some(until)),
            EXPIRING_NAMED
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        },
    )?;
    let mut named = Vec::new();
    for row in rows {
        let (image_id, file, expires, credit, license) = row?;
        named.push(ExpiringPicture {
            image_id,
            file,
            expires,
            credit,
            license: license
                .and_then(|l| serde_json::from_value(serde_json::Value::String(l)).ok()),
        });
    }
    let more = total - named.len() as i64;
    Ok((named, more.max(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_starts_on_monday() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(monday(day("2026-12-07")), day("2026-12-07"), "a Monday");
        assert_eq!(monday(day("2026-12-13")), day("2026-12-07"), "a Sunday");
        let weeks = week_starts(day("2026-12-09"));
        assert_eq!(weeks.len(), OVERVIEW_WEEKS as usize);
        assert_eq!(weeks.last(), Some(&day("2026-12-07")), "this week last");
        assert_eq!(weeks[0], day("2026-09-21"), "eleven weeks before it first");
    }
}
