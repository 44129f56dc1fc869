//! Backups on a schedule and by hand, kept to the number the settings ask for. A backup is
//! the library file and its pictures (`<name>.media/`), written whole before it appears under
//! its name (`Store::backup_to`). Newsdesk names its backups `newsdesk-YYYYMMDD-HHMMSS.sqlite`
//! (UTC) in the backup folder: the name says when, so nothing relies on file times, and only
//! files so named are ever removed.

use newsdesk_model::text;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use newsdesk_model::{Backup, BackupRound};

use crate::{ApiError, App};

const PREFIX: &str = "newsdesk-";
const STAMP: &str = "%Y%m%d-%H%M%S";
const SUFFIX: &str = ".sqlite";

impl App {
    /// Where backups go: the setting `backup_folder`, else `backups/` beside the library.
    pub fn backup_folder(&self) -> Result<PathBuf, ApiError> {
        let chosen = self.setting("backup_folder")?.value;
        Ok(if chosen.is_empty() {
            default_folder(self.library_path())
        } else {
            PathBuf::from(chosen)
        })
    }

    /// The backups in the backup folder, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>, ApiError> {
        backups_in(&self.backup_folder()?)
    }

    /// Backs the library up into the backup folder now, then removes the oldest backups
    /// beyond `backup_keep`.
    pub fn backup_now(&self) -> Result<BackupRound, ApiError> {
        let folder = self.backup_folder()?;
        std::fs::create_dir_all(&folder).map_err(|e| {
            ApiError::io(
                text!(
                    "cannot make the backup folder",
                    "Der Sicherungsordner lässt sich nicht anlegen"
                ),
                &folder,
                e,
            )
        })?;
        let now = self.clock.now();
        let mut target = folder.join(name_at(now));
        // Two backups within one second (a click right after the schedule's): a suffix keeps both.
        let mut n = 1;
        while target.exists() {
            target = folder.join(format!("{PREFIX}{}-{n}{SUFFIX}", now.format(STAMP)));
            n += 1;
        }
        self.backup_library(&target)?;
        let bytes = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        let removed = self.prune_backups()?;
        Ok(BackupRound {
            made: Some(Backup {
                path: target.to_string_lossy().into_owned(),
                made_at: now,
                bytes,
            }),
            removed,
        })
    }

    /// When the schedule (`backup_schedule`: off, daily, weekly) says a backup is due — none
    /// yet, or the newest older than a day or a week — makes it; otherwise does nothing.
    pub fn run_due_backup(&self) -> Result<BackupRound, ApiError> {
        let interval = match self.setting("backup_schedule")?.value.as_str() {
            "daily" => chrono::Duration::days(1),
            "weekly" => chrono::Duration::days(7),
            _ => {
                return Ok(BackupRound {
                    made: None,
                    removed: Vec::new(),
                });
            }
        };
        let newest = self.backups()?.first().map(|b| b.made_at);
        match newest {
            Some(made) if self.clock.now() - made < interval => Ok(BackupRound {
                made: None,
                removed: Vec::new(),
            }),
            _ => self.backup_now(),
        }
    }

    /// Removes the oldest backups beyond `backup_keep`, each with its pictures' folder.
    fn prune_backups(&self) -> Result<Vec<String>, ApiError> {
        let keep: usize = self.setting("backup_keep")?.value.parse().unwrap_or(7);
        let mut removed = Vec::new();
        for old in self.backups()?.into_iter().skip(keep.max(1)) {
            let file = PathBuf::from(&old.path);
            std::fs::remove_file(&file).map_err(|e| {
                ApiError::io(
                    text!(
                        "cannot remove an old backup",
                        "Eine alte Sicherung lässt sich nicht entfernen"
                    ),
                    &file,
                    e,
                )
            })?;
            let media = file.with_extension("media");
            if media.is_dir() {
                std::fs::remove_dir_all(&media).map_err(|e| {
                    ApiError::io(
                        text!(
                            "cannot remove an old backup's pictures",
                            "Die Bilder einer alten Sicherung lassen sich nicht entfernen"
                        ),
                        &media,
                        e,
                    )
                })?;
            }
            removed.push(old.path);
        }
        Ok(removed)
    }
}

/// `backups/` beside the library: where backups go unless the settings name a folder.
pub(crate) fn default_folder(library: &Path) -> PathBuf {
    library
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The backups Newsdesk made in `folder`, newest first.
pub(crate) fn backups_in(folder: &Path) -> Result<Vec<Backup>, ApiError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(ApiError::io(
                text!(
                    "cannot read the backup folder",
                    "Der Sicherungsordner lässt sich nicht lesen"
                ),
                folder,
                e,
            ));
        }
    };
    let mut found: Vec<Backup> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let made_at = made_at(&entry.file_name().to_string_lossy())?;
            let bytes = entry.metadata().ok().filter(|m| m.is_file())?.len();
            Some(Backup {
                path: entry.path().to_string_lossy().into_owned(),
                made_at,
                bytes,
            })
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.made_at));
    Ok(found)
}

fn name_at(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(STAMP))
}

/// When a backup so named was made; `None` for any other file.
fn made_at(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    // A suffix "-N" for a second backup in the same second.
    let stamp = stamp.get(..15).unwrap_or(stamp);
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_newsdesk_gives_are_backups() {
        let at = DateTime::parse_from_rfc3339("2026-12-07T13:05:22Z")
            .map(|t| t.with_timezone(&Utc))
            .ok();
        assert_eq!(made_at("newsdesk-20261207-130522.sqlite"), at);
        assert_eq!(made_at("newsdesk-20261207-130522-2.sqlite"), at);
        assert_eq!(made_at(&name_at(at.unwrap_or_default())), at);
        for other in [
            "library.sqlite",
            "newsdesk-20261207-130522.media",
            "newsdesk-notadate.sqlite",
            "newsdesk-20261307-130522.sqlite",
        ] {
            assert_eq!(
                made_at(other),
                None,
                "{other} is not a backup Newsdesk made"
            );
        }
    }
}
