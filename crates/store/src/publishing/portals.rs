//! Portal profiles and the sections a portal offers, with the migration of the publishing
//! tables (publications and the pictures a portal holds: `publications.rs`). The secrets are
//! never here: they live in the operating system's keyring.

use chrono::{DateTime, Utc};
use newsdesk_model::text;
use newsdesk_model::{NewPortal, Portal, PortalKind};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::codec::{parse_ts, ts};
use crate::tags::vocabulary::add_to_vocabulary;
use crate::{Store, StoreError};

/// A portals row as stored: (name, kind, url, user, timeout_ms, created_at, pulled_at).
type PortalRow = (String, String, String, String, i64, String, Option<String>);

fn portal_from_row(row: &Row<'_>) -> rusqlite::Result<PortalRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

/// The row as a portal (a damaged kind or stamp is said, not guessed).
fn finish_portal(
    (name, kind, url, user, timeout_ms, created, pulled): PortalRow,
) -> Result<Portal, StoreError> {
    Ok(Portal {
        kind: kind
            .parse::<PortalKind>()
            .map_err(|e| StoreError::Corrupt(format!("portal {name}: {e}")))?,
        name,
        url,
        user,
        timeout_secs: (timeout_ms / 1000).clamp(1, 3600) as u32,
        created_at: parse_ts(&created)?,
        pulled_at: pulled.as_deref().map(parse_ts).transpose()?,
    })
}

const PORTAL_COLUMNS: &str = "name, kind, url, user, timeout_ms, created_at, pulled_at";

pub(crate) fn load_portal(conn: &Connection, name: &str) -> Result<Portal, StoreError> {
    let row = conn
        .query_row(
            &format!("SELECT {PORTAL_COLUMNS} FROM portals WHERE name = ?1"),
            [name],
            portal_from_row,
        )
        .optional()?
        .ok_or_else(|| StoreError::PortalNotFound(name.to_string()))?;
    finish_portal(row)
}

impl Store {
    /// Adds a portal profile; refuses a name already taken.
    pub fn add_portal(&self, new: &NewPortal, now: DateTime<Utc>) -> Result<Portal, StoreError> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid(text!(
                "a portal needs a name",
                "Ein Portal braucht einen Namen."
            )));
        }
        self.writing(|tx| {
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM portals WHERE name = ?1)",
                [name],
                |r| r.get(0),
            )?;
            if taken {
                return Err(StoreError::PortalExists(name.to_string()));
            }
            let timeout_ms = i64::from(new.timeout_secs.unwrap_or(30).clamp(1, 3600)) * 1000;
            tx.execute(
                "INSERT INTO portals (name, kind, url, user, timeout_ms, created_at, secret_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, lower(hex(randomblob(8))))",
                params![
                    name,
                    new.kind.as_str(),
                    new.url.trim(),
                    new.user.trim(),
                    timeout_ms,
                    ts(now)
                ],
            )?;
            load_portal(tx, name)
        })
    }

    /// Every portal profile, by name.
    pub fn portals(&self) -> Result<Vec<Portal>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {PORTAL_COLUMNS} FROM portals ORDER BY name"
            ))?;
            let rows = stmt
                .query_map([], portal_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(finish_portal).collect()
        })
    }

    pub fn portal(&self, name: &str) -> Result<Portal, StoreError> {
        self.reading(|conn| load_portal(conn, name))
    }

    /// The id naming the portal's secret in the keyring: its own, made when it was added (or
    /// by migration 11), never another portal's.
    pub fn portal_secret_id(&self, name: &str) -> Result<String, StoreError> {
        self.reading(|conn| {
            conn.query_row(
                "SELECT secret_id FROM portals WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::PortalNotFound(name.to_string()))
        })
    }

    /// Removes a portal profile with what the library knew about it there (the posts on the
    /// portal stay; the outbox's jobs for it go).
    pub fn remove_portal(&self, name: &str) -> Result<(), StoreError> {
        self.writing(|tx| {
            if tx.execute("DELETE FROM portals WHERE name = ?1", [name])? == 0 {
                return Err(StoreError::PortalNotFound(name.to_string()));
            }
            Ok(())
        })
    }

    /// Records what a pull found: the portal's sections, its tags joined to the vocabulary,
    /// and when. Returns the tags the vocabulary did not know.
    pub fn record_pull(
        &self,
        portal: &str,
        tags: &[String],
        sections: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, StoreError> {
        self.writing(|tx| {
            let added = add_to_vocabulary(tx, tags)?;
            for section in sections.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                tx.execute(
                    "INSERT INTO portal_sections (portal, name) VALUES (?1, ?2)
                     ON CONFLICT DO NOTHING",
                    params![portal, section],
                )?;
            }
            tx.execute(
                "UPDATE portals SET pulled_at = ?2 WHERE name = ?1",
                params![portal, ts(now)],
            )?;
            Ok(added)
        })
    }

    /// Every section any portal offers, and those the library's articles use, by name.
    pub fn section_names(&self) -> Result<Vec<String>, StoreError> {
        self.reading(|conn| {
            let mut stmt = conn.prepare(
                "SELECT name FROM portal_sections
                 UNION SELECT section FROM articles WHERE section <> '' AND trashed_at IS NULL
                 ORDER BY 1",
            )?;
            let names = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(names)
        })
    }
}
