//! The outbox: publish, update, schedule and withdraw as jobs persisted in the library, so
//! they survive restarts and crashes. One runner at a time claims the job that is due
//! (`sending`), and settles it: done, retrying at a later time, failed, or in conflict.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use newsdesk_model::{GERMAN, JobAction, JobState, OutboxJob, OutboxSummary, Text, text};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::codec::{parse_ts, ts};
use crate::publishing::embargo::held_until_sql;
use crate::{Store, StoreError};

/// The error of a job whose sending was cut off (the process ended); it is sent again.
const INTERRUPTED: &str = "interrupted while sending; sent again";
const INTERRUPTED_DE: &str = "Beim Senden unterbrochen; wird erneut gesendet.";

/// The error of a job cut off twice in a row: it is not sent again by itself.
const INTERRUPTED_TWICE: &str = "Newsdesk stopped twice in a row while sending this job, so it \
    is not sent again by itself: retry it (`newsdesk outbox retry <job>`) or cancel it";
const INTERRUPTED_TWICE_DE: &str = "Newsdesk wurde beim Senden dieses Auftrags zweimal \
    hintereinander beendet, deshalb wird er nicht von selbst erneut gesendet: erneut senden \
    (`newsdesk outbox retry <job>`) oder abbrechen.";

/// The reason of a stopped job that a newer request for the same article settles.
const REPLACED: &str = "replaced by a newer request";
const REPLACED_DE: &str = "durch einen neueren Auftrag ersetzt";

/// How a job ends one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobOutcome {
    Done,
    /// Try again at `at`: `kind` says why it waits ("network" or "server").
    Retry {
        at: DateTime<Utc>,
        kind: &'static str,
        error: Text,
    },
    /// Not retried: the editor must change something first.
    Failed {
        error: Text,
    },
    /// The portal's copy changed since the last publish; `conflict` is the three-way view
    /// as JSON.
    Conflict {
        error: Text,
        conflict: String,
    },
}

/// An outbox row as the runner needs it (more than [`OutboxJob`] shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedJob {
    pub job: OutboxJob,
    /// The editor asked to overwrite the portal's changed copy.
    pub overwrite: bool,
}

const JOB_COLUMNS: &str = concat!(
    "o.id, o.article_id, coalesce(a.title, ''), o.portal, o.action, \
     o.state, o.scheduled_for, o.attempts, o.next_attempt_at, o.error, p.remote_id, \
     p.remote_url, o.created_at, o.updated_at, o.overwrite, o.error_kind, o.error_de, ",
    held_until_sql!()
);

const JOB_FROM: &str = "outbox o LEFT JOIN articles a ON a.id = o.article_id \
    LEFT JOIN publications p ON p.article_id = o.article_id AND p.portal = o.portal";

/// The text columns of one job row, parsed afterwards (a damaged value is said, not guessed).
struct JobRow {
    /// The embargo that holds the job (`''`: none), see `held_until_sql!`.
    held: Option<String>,
    id: i64,
    article_id: i64,
    title: String,
    portal: String,
    action: String,
    state: String,
    scheduled_for: Option<String>,
    attempts: i64,
    next_attempt_at: Option<String>,
    error: Option<String>,
    remote_id: Option<String>,
    remote_url: Option<String>,
    created_at: String,
    updated_at: String,
    overwrite: bool,
    error_kind: Option<String>,
    error_de: Option<String>,
}

fn job_row(row: &Row<'_>) -> rusqlite::Result<JobRow> {
    Ok(JobRow {
        id: row.get(0)?,
        article_id: row.get(1)?,
        title: row.get(2)?,
        portal: row.get(3)?,
        action: row.get(4)?,
        state: row.get(5)?,
        scheduled_for: row.get(6)?,
        attempts: row.get(7)?,
        next_attempt_at: row.get(8)?,
        error: row.get(9)?,
        remote_id: row.get(10)?,
        remote_url: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
        overwrite: row.get(14)?,
        error_kind: row.get(15)?,
        error_de: row.get(16)?,
        held: row.get(17)?,
    })
}

fn finish(row: JobRow) -> Result<ClaimedJob, StoreError> {
    let corrupt = |e: String| StoreError::Corrupt(format!("outbox job {}: {e}", row.id));
    Ok(ClaimedJob {
        overwrite: row.overwrite,
        job: OutboxJob {
            id: row.id,
            article_id: row.article_id,
            title: row.title,
            portal: row.portal,
            action: row.action.parse::<JobAction>().map_err(corrupt)?,
            state: row.state.parse::<JobState>().map_err(corrupt)?,
            attempts: row.attempts.max(0) as u32,
            scheduled_for: row.scheduled_for.as_deref().map(parse_ts).transpose()?,
            next_attempt_at: row.next_attempt_at.as_deref().map(parse_ts).transpose()?,
            error: row.error,
            error_translations: row
                .error_de
                .map(|de| BTreeMap::from([(GERMAN.to_string(), de)]))
                .unwrap_or_default(),
            error_kind: row.error_kind,
            remote_id: row.remote_id,
            remote_url: row.remote_url,
            created_at: parse_ts(&row.created_at)?,
            updated_at: parse_ts(&row.updated_at)?,
            embargo: row
                .held
                .as_deref()
                .filter(|held| !held.is_empty())
                .map(parse_ts)
                .transpose()?,
        },
    })
}

fn load_job(conn: &Connection, id: i64) -> Result<ClaimedJob, StoreError> {
    let row = conn
        .query_row(
            &format!("SELECT {JOB_COLUMNS} FROM {JOB_FROM} WHERE o.id = ?1"),
            [id],
            job_row,
        )
        .optional()?
        .ok_or(StoreError::JobNotFound(id))?;
    finish(row)
}

impl Store {
    /// Queues `action` for article `id` on `portal`, due at once. A job for the same article
    /// and portal that still waits (queued or retrying) takes the new action instead of a
    /// second job being added: the outbox sends the article as it is when it is sent.
    pub fn enqueue(
        &self,
        article_id: i64,
        portal: &str,
        action: JobAction,
        scheduled_for: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<OutboxJob, StoreError> {
        self.writing(|tx| {
            crate::articles::article::load(tx, article_id)?;
            crate::publishing::portals::load_portal(tx, portal)?;
            let waiting: Option<i64> = tx
                .query_row(
                    "SELECT id FROM outbox WHERE article_id = ?1 AND portal = ?2
                     AND state IN ('queued','retrying') ORDER BY id DESC LIMIT 1",
                    params![article_id, portal],
                    |r| r.get(0),
                )
                .optional()?;
            // Earlier jobs that stopped (failed, in conflict) are settled by this one.
            tx.execute(
                "UPDATE outbox SET state = 'cancelled', conflict = NULL, updated_at = ?3,
                        error = ?4, error_de = ?5, error_kind = 'cancelled'
                 WHERE article_id = ?1 AND portal = ?2 AND state IN ('failed','conflict')",
                params![article_id, portal, ts(now), REPLACED, REPLACED_DE],
            )?;
            let id = match waiting {
                Some(id) => {
                    tx.execute(
                        "UPDATE outbox SET action = ?2, scheduled_for = ?3, state = 'queued',
                                next_attempt_at = ?4, updated_at = ?4, overwrite = 0,
                                conflict = NULL
                         WHERE id = ?1",
                        params![id, action.as_str(), scheduled_for.map(ts), ts(now)],
                    )?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO outbox (article_id, portal, action, scheduled_for,
                                             next_attempt_at, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5)",
                        params![
                            article_id,
                            portal,
                            action.as_str(),
                            scheduled_for.map(ts),
                            ts(now)
                        ],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            Ok(load_job(tx, id)?.job)
        })
    }

    /// The outbox, newest first: every job, or only those still to send.
    pub fn outbox_jobs(
        &self,
        pending_only: bool,
        limit: u32,
    ) -> Result<Vec<OutboxJob>, StoreError> {
        self.reading(|conn| {
            let filter = if pending_only {
                "WHERE o.state IN ('queued','sending','retrying')"
            } else {
                ""
            };
            let mut stmt = conn.prepare(&format!(
                "SELECT {JOB_COLUMNS} FROM {JOB_FROM} {filter} ORDER BY o.id DESC LIMIT ?1"
            ))?;
            let rows = stmt
                .query_map([i64::from(limit)], job_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(|r| finish(r).map(|c| c.job)).collect()
        })
    }

    pub fn outbox_job(&self, id: i64) -> Result<OutboxJob, StoreError> {
        self.reading(|conn| Ok(load_job(conn, id)?.job))
    }

    /// The three-way view (JSON) stored with a job in conflict.
    pub fn job_conflict(&self, id: i64) -> Result<Option<String>, StoreError> {
        self.reading(|conn| {
            load_job(conn, id)?;
            Ok(
                conn.query_row("SELECT conflict FROM outbox WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?,
            )
        })
    }

    /// Jobs left `sending` by a runner that is gone (the process ended mid-send): due again
    /// now. A job whose previous attempt was cut off too fails instead, in words: what makes
    /// the process end may be the job itself, and it must not stop every run after it. Only
    /// the holder of the outbox lock calls this, so no live send is touched.
    pub fn recover_sending_jobs(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        self.writing(|tx| {
            let failed = tx.execute(
                "UPDATE outbox SET state = 'failed', next_attempt_at = NULL, updated_at = ?1,
                        error = ?2, error_de = ?4, error_kind = 'user'
                 WHERE state = 'sending' AND error = ?3",
                params![
                    ts(now),
                    INTERRUPTED_TWICE,
                    INTERRUPTED,
                    INTERRUPTED_TWICE_DE
                ],
            )?;
            let retried = tx.execute(
                "UPDATE outbox SET state = 'retrying', next_attempt_at = ?1, updated_at = ?1,
                        error = ?2, error_de = ?3, error_kind = coalesce(error_kind, 'network')
                 WHERE state = 'sending'",
                params![ts(now), INTERRUPTED, INTERRUPTED_DE],
            )?;
            Ok(failed + retried)
        })
    }

    /// Claims the oldest job that is due (`sending`, one attempt more), if any.
    pub fn claim_due_job(&self, now: DateTime<Utc>) -> Result<Option<ClaimedJob>, StoreError> {
        self.writing(|tx| {
            let due: Option<i64> = tx
                .query_row(
                    concat!(
                        "SELECT o.id FROM outbox o WHERE o.state IN ('queued','retrying')
                         AND max(o.next_attempt_at, ",
                        held_until_sql!(),
                        ") <= ?1 ORDER BY o.id LIMIT 1"
                    ),
                    [ts(now)],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(id) = due else { return Ok(None) };
            tx.execute(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?2
                 WHERE id = ?1",
                params![id, ts(now)],
            )?;
            load_job(tx, id).map(Some)
        })
    }

    /// When the next waiting job is due, if any waits.
    pub fn next_job_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.reading(|conn| {
            let next: Option<String> = conn.query_row(
                concat!(
                    "SELECT min(max(o.next_attempt_at, ",
                    held_until_sql!(),
                    ")) FROM outbox o WHERE o.state IN ('queued','retrying')"
                ),
                [],
                |r| r.get(0),
            )?;
            next.as_deref().map(parse_ts).transpose()
        })
    }

    /// Settles one attempt of job `id`.
    pub fn settle_job(
        &self,
        id: i64,
        outcome: &JobOutcome,
        now: DateTime<Utc>,
    ) -> Result<OutboxJob, StoreError> {
        self.writing(|tx| {
            let (state, next, error, kind, conflict) = match outcome {
                JobOutcome::Done => ("done", None, None, None, None),
                JobOutcome::Retry { at, kind, error } => {
                    ("retrying", Some(ts(*at)), Some(error), Some(*kind), None)
                }
                JobOutcome::Failed { error } => ("failed", None, Some(error), Some("user"), None),
                JobOutcome::Conflict { error, conflict } => (
                    "conflict",
                    None,
                    Some(error),
                    Some("conflict"),
                    Some(conflict.as_str()),
                ),
            };
            tx.execute(
                "UPDATE outbox SET state = ?2, next_attempt_at = ?3, error = ?4, error_de = ?8,
                        error_kind = ?5, conflict = ?6, updated_at = ?7
                 WHERE id = ?1",
                params![
                    id,
                    state,
                    next,
                    error.map(|e| e.en.as_str()),
                    kind,
                    conflict,
                    ts(now),
                    error.map(|e| e.de.as_str())
                ],
            )?;
            Ok(load_job(tx, id)?.job)
        })
    }

    /// Sends a failed job or one in conflict again, due now; with `overwrite`, a changed
    /// portal copy is replaced by the library's version (the editor chose so).
    pub fn requeue_job(
        &self,
        id: i64,
        overwrite: bool,
        now: DateTime<Utc>,
    ) -> Result<OutboxJob, StoreError> {
        self.writing(|tx| {
            let job = load_job(tx, id)?.job;
            if job.state.is_pending() {
                return Ok(job);
            }
            tx.execute(
                "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, updated_at = ?2,
                        overwrite = ?3, error = NULL, error_de = NULL, error_kind = NULL,
                        conflict = NULL
                 WHERE id = ?1",
                params![id, ts(now), overwrite],
            )?;
            Ok(load_job(tx, id)?.job)
        })
    }

    /// Drops a job that has not been sent (or failed, or is in conflict): it is marked
    /// cancelled with the reason, never deleted, so the outbox keeps its history.
    pub fn cancel_job(
        &self,
        id: i64,
        reason: &Text,
        now: DateTime<Utc>,
    ) -> Result<OutboxJob, StoreError> {
        self.writing(|tx| {
            let job = load_job(tx, id)?.job;
            if job.state == JobState::Sending {
                return Err(StoreError::Invalid(text!("outbox job {id} is being sent right now; try again in a moment",
"Auftrag {id} im Postausgang wird gerade gesendet; gleich noch einmal versuchen."
                )));
            }
            tx.execute(
                "UPDATE outbox SET state = 'cancelled', next_attempt_at = NULL, conflict = NULL,
                        error = ?3, error_de = ?4, error_kind = 'cancelled', updated_at = ?2
                 WHERE id = ?1 AND state NOT IN ('done','cancelled')",
                params![id, ts(now), reason.en, reason.de],
            )?;
            Ok(load_job(tx, id)?.job)
        })
    }

    /// How many jobs wait, wait for the network, failed, or are in conflict.
    pub fn outbox_summary(&self) -> Result<OutboxSummary, StoreError> {
        self.reading(|conn| {
            Ok(conn.query_row(
                "SELECT
                   count(*) FILTER (WHERE state IN ('queued','sending','retrying')),
                   count(*) FILTER (WHERE state = 'retrying' AND error_kind = 'network'),
                   count(*) FILTER (WHERE state = 'failed'),
                   count(*) FILTER (WHERE state = 'conflict')
                 FROM outbox",
                [],
                |r| {
                    Ok(OutboxSummary {
                        pending: r.get(0)?,
                        waiting_for_network: r.get(1)?,
                        failed: r.get(2)?,
                        conflicts: r.get(3)?,
                    })
                },
            )?)
        })
    }
}
