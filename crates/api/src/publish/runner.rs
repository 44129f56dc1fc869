//! The outbox's runner: one at a time per library (a lock file beside it, released by the
//! kernel when the process ends), it claims the job that is due, sends it, and settles it.
//!
//! Idempotent by construction: the publication's marker is stored before anything is sent;
//! once the portal gave the post an id, the id is stored; a job interrupted mid-send (the
//! process killed) is sent again, and a create whose answer was lost finds the post by its
//! marker instead of making a second one. Pictures are recorded one by one as the portal
//! takes them, so an unchanged picture is never uploaded twice.

use newsdesk_model::text;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use newsdesk_model::{
    JobAction, OutboxJob, OutboxRunReport, OutboxSummary, PublicationState, Status,
};
use newsdesk_publish::{
    PortalAdapter, Post, PostFields, PostStatus, PublishError, RemoteImage, RemotePost, Retry,
};
use newsdesk_store::{ClaimedJob, JobOutcome, PortalMedia, PublishedPost};

use crate::{ApiError, App};
use newsdesk_model::{Localized, Text};

/// A portal's own trouble (5xx, an answer not understood) is tried this often, then the job
/// fails with the last reason. Being offline is tried for as long as it takes.
const SERVER_ATTEMPTS: u32 = 10;

/// Held while this process runs the outbox.
pub struct OutboxLock {
    _file: File,
}

/// What one attempt of a job came to, before it is written to the outbox.
enum Attempt {
    Sent,
    Stopped(JobOutcome),
}

impl App {
    fn outbox_lock_path(&self) -> PathBuf {
        let mut name = self.library_path().as_os_str().to_owned();
        name.push(".outbox.lock");
        PathBuf::from(name)
    }

    /// Becomes the outbox's runner: `None` when another process is (the app, or a command).
    pub fn try_lock_outbox(&self) -> Result<Option<OutboxLock>, ApiError> {
        let path = self.outbox_lock_path();
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                ApiError::io(
                    text!(
                        "cannot open the outbox's lock",
                        "Die Sperrdatei des Postausgangs lässt sich nicht öffnen"
                    ),
                    &path,
                    e,
                )
            })?;
        match file.try_lock() {
            Ok(()) => Ok(Some(OutboxLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(ApiError::io(
                text!(
                    "cannot lock the outbox's lock",
                    "Die Sperrdatei des Postausgangs lässt sich nicht sperren"
                ),
                &path,
                e,
            )),
        }
    }

    /// Sends every job that is due now, one after the other, and says how each ended.
    /// Returns `None` when another process is the runner (it sends them).
    pub fn run_outbox(
        &self,
        mut on_job: impl FnMut(&OutboxJob),
    ) -> Result<Option<OutboxRunReport>, ApiError> {
        let Some(_lock) = self.try_lock_outbox()? else {
            return Ok(None);
        };
        let mut report = OutboxRunReport::default();
        self.drain(&mut report, &mut on_job)?;
        report.pending = self.store.outbox_summary()?.pending;
        Ok(Some(report))
    }

    /// Runs the outbox until nothing is left to send: waits for retries that are due later
    /// (and for another runner, which has the lock meanwhile). Failed jobs and conflicts
    /// stop there; they wait for the editor.
    pub fn run_outbox_until_empty(
        &self,
        mut on_job: impl FnMut(&OutboxJob),
    ) -> Result<OutboxRunReport, ApiError> {
        let mut report = OutboxRunReport::default();
        loop {
            if let Some(_lock) = self.try_lock_outbox()? {
                self.drain(&mut report, &mut on_job)?;
            }
            if self.store.outbox_summary()?.pending == 0 {
                break;
            }
            self.wait_for_work(Duration::from_millis(500));
        }
        report.pending = 0;
        Ok(report)
    }

    /// The runner's work while it holds the lock: what a dead runner left `sending` is due
    /// again, then every due job in order.
    fn drain(
        &self,
        report: &mut OutboxRunReport,
        on_job: &mut impl FnMut(&OutboxJob),
    ) -> Result<(), ApiError> {
        self.store.recover_sending_jobs(self.clock.now())?;
        while let Some(claimed) = self.store.claim_due_job(self.clock.now())? {
            let outcome = match self.attempt(&claimed) {
                Ok(Attempt::Sent) => JobOutcome::Done,
                Ok(Attempt::Stopped(outcome)) => outcome,
                Err(ApiError::Publish(err)) => self.outcome_of(&claimed, err),
                Err(other)
                    if matches!(
                        other.code(),
                        newsdesk_model::ErrorCode::Storage | newsdesk_model::ErrorCode::DiskFull
                    ) =>
                {
                    // The library itself failed: the job stays `sending` and is sent again
                    // by the next run; say why this one stopped.
                    return Err(other);
                }
                Err(other) => JobOutcome::Failed {
                    error: worded(&other),
                },
            };
            let job = self
                .store
                .settle_job(claimed.job.id, &outcome, self.clock.now())?;
            let list = match outcome {
                JobOutcome::Done => &mut report.done,
                JobOutcome::Retry { .. } => &mut report.retrying,
                JobOutcome::Failed { .. } => &mut report.failed,
                JobOutcome::Conflict { .. } => &mut report.conflicts,
            };
            list.push(job.id);
            on_job(&job);
        }
        Ok(())
    }

    /// How a failure settles the job: retried later (with backoff), failed, or a conflict.
    fn outcome_of(&self, claimed: &ClaimedJob, err: PublishError) -> JobOutcome {
        let attempts = claimed.job.attempts.max(1);
        let retry_at = |kind: &'static str| JobOutcome::Retry {
            at: self.clock.now()
                + chrono::TimeDelta::from_std(
                    self.publishing.backoff.next(attempts, err.retry_after()),
                )
                .unwrap_or(chrono::TimeDelta::seconds(60)),
            kind,
            error: worded(&err),
        };
        match err.retry() {
            Retry::Network => retry_at("network"),
            Retry::Server if attempts < SERVER_ATTEMPTS => retry_at("server"),
            Retry::Server => JobOutcome::Failed {
                error: Text {
                    en: format!("gave up after {attempts} attempts: {err}"),
                    de: format!("Nach {attempts} Versuchen aufgegeben: {}", err.german()),
                },
            },
            Retry::Never => JobOutcome::Failed {
                error: worded(&err),
            },
            Retry::Conflict => match unpanicked(|| self.conflict_outcome(claimed, None)) {
                Ok(outcome) => outcome,
                Err(e) => JobOutcome::Failed {
                    error: Text {
                        en: format!("{err}; the portal's copy could not be read: {e}"),
                        de: format!(
                            "{} Die Fassung des Portals ließ sich nicht lesen: {}",
                            err.german(),
                            e.german()
                        ),
                    },
                },
            },
        }
    }

    /// One attempt at a job. A failure while its payload is made (a panic) ends the attempt
    /// in words, so the job fails instead of stopping the runner, and can be cancelled.
    fn attempt(&self, claimed: &ClaimedJob) -> Result<Attempt, ApiError> {
        unpanicked(|| self.attempt_unguarded(claimed))
    }

    fn attempt_unguarded(&self, claimed: &ClaimedJob) -> Result<Attempt, ApiError> {
        let job = &claimed.job;
        let portal = self.store.portal(&job.portal)?;
        let adapter = self.adapter(&portal)?;
        match job.action {
            JobAction::Withdraw => self.send_withdrawal(job, adapter.as_ref()),
            JobAction::Publish | JobAction::Update | JobAction::Schedule => {
                self.send_article(claimed, adapter.as_ref())
            }
        }
    }

    /// Publishes or updates the article as it is now.
    fn send_article(
        &self,
        claimed: &ClaimedJob,
        adapter: &dyn PortalAdapter,
    ) -> Result<Attempt, ApiError> {
        let job = &claimed.job;
        let article = self.store.article(job.article_id)?;
        if article.trashed_at.is_some() {
            return Err(ApiError::Invalid(text!(
                "article {} is in the trash; take it out before publishing it",
                "Artikel {} liegt im Papierkorb; vor dem Veröffentlichen aus dem Papierkorb holen.",
                article.id
            )));
        }
        let blocking = self.blocking_problems(&article.content)?;
        if !blocking.is_empty() {
            return Err(ApiError::NotReady {
                id: article.id,
                problems: blocking,
            });
        }
        let now = self.clock.now();
        let status = match job.scheduled_for.filter(|at| *at > now) {
            Some(at) => PostStatus::Future(at),
            None => PostStatus::Publish,
        };
        let record = self.publication_for(&article, &job.portal)?;
        let post = Post::from_article(&self.gather(&article, true)?, &record.marker, status);
        let uploaded = self.send_pictures(&job.portal, &post, adapter)?;
        let written = match &record.remote_id {
            Some(remote_id) => match adapter.fetch(remote_id)? {
                None if claimed.overwrite => adapter.create(&post, &uploaded)?,
                None => {
                    return self
                        .conflict_outcome(claimed, Some(None))
                        .map(Attempt::Stopped);
                }
                Some(current) => {
                    let changed = record.remote_modified.as_deref() != Some(&current.modified);
                    if changed && !claimed.overwrite {
                        // The portal holds exactly what would be sent: the change there was
                        // this article's own update, its answer lost. Nothing to overwrite.
                        if same_fields(&current.fields, &adapter.sent_fields(&post, &uploaded)) {
                            current
                        } else {
                            return self
                                .conflict_outcome(claimed, Some(Some(current)))
                                .map(Attempt::Stopped);
                        }
                    } else {
                        adapter.update(&current, &post, &uploaded)?
                    }
                }
            },
            // Never answered yet: a post with the marker is this article's, its answer lost.
            None => match adapter.find(&record.marker)? {
                Some(existing) => adapter.update(&existing, &post, &uploaded)?,
                None => adapter.create(&post, &uploaded)?,
            },
        };
        let sent = serde_json::to_string(&adapter.sent_fields(&post, &uploaded)).map_err(|e| {
            ApiError::Invalid(text!(
                "the sent fields cannot be kept: {e}",
                "Die gesendeten Felder lassen sich nicht speichern: {e}"
            ))
        })?;
        self.store.record_published(
            article.id,
            &job.portal,
            &PublishedPost {
                remote_url: if written.url.is_empty() {
                    record.remote_url.clone().unwrap_or_default()
                } else {
                    written.url.clone()
                },
                remote_id: written.id,
                remote_modified: written.modified,
                sent,
                state: match status {
                    PostStatus::Future(_) => PublicationState::Scheduled,
                    _ => PublicationState::Published,
                },
            },
            self.clock.now(),
        )?;
        Ok(Attempt::Sent)
    }

    /// Every picture of the post on the portal: those it has are reused (their texts brought
    /// up to date), the others found (a lost answer) or uploaded, each recorded at once.
    fn send_pictures(
        &self,
        portal: &str,
        post: &Post,
        adapter: &dyn PortalAdapter,
    ) -> Result<Vec<RemoteImage>, ApiError> {
        let mut uploaded = Vec::with_capacity(post.images.len());
        for image in &post.images {
            let remote = match self.store.portal_media(portal, &image.digest)? {
                Some(known) => {
                    let remote = RemoteImage {
                        id: known.remote_id.clone(),
                        url: known.remote_url.clone(),
                    };
                    if known.caption != image.caption || known.alt != image.alt {
                        adapter.update_image(&remote, image)?;
                    } else {
                        uploaded.push(remote);
                        continue;
                    }
                    remote
                }
                None => match adapter.find_image(image)? {
                    Some(found) => {
                        adapter.update_image(&found, image)?;
                        found
                    }
                    None => adapter.upload_image(image)?,
                },
            };
            self.store.record_portal_media(
                portal,
                &image.digest,
                &PortalMedia {
                    remote_id: remote.id.clone(),
                    remote_url: remote.url.clone(),
                    caption: image.caption.clone(),
                    alt: image.alt.clone(),
                },
            )?;
            uploaded.push(remote);
        }
        Ok(uploaded)
    }

    /// Takes the post off the portal.
    fn send_withdrawal(
        &self,
        job: &OutboxJob,
        adapter: &dyn PortalAdapter,
    ) -> Result<Attempt, ApiError> {
        let record = self.store.publication(job.article_id, &job.portal)?;
        let remote_id = match record.as_ref().and_then(|r| r.remote_id.clone()) {
            Some(id) => Some(id),
            // Queued before its first publish came back: maybe it did arrive.
            None => match record.as_ref() {
                Some(record) => adapter.find(&record.marker)?.map(|p| p.id),
                None => None,
            },
        };
        let current: Option<RemotePost> = match remote_id {
            Some(id) => adapter.fetch(&id)?,
            None => None,
        };
        let modified = match current {
            Some(current) if current_is_public(&current) => adapter.withdraw(&current)?.modified,
            Some(current) => current.modified,
            None => String::new(),
        };
        let article = self.store.article(job.article_id)?;
        if article.status != Status::Withdrawn && record.is_some() {
            self.store.record_withdrawn(
                job.article_id,
                &job.portal,
                &modified,
                self.clock.now(),
            )?;
        }
        Ok(Attempt::Sent)
    }

    /// Waits until a job is queued or `at_most` has passed.
    pub(crate) fn wait_for_work(&self, at_most: Duration) {
        let (count, bell) = &*self.publishing.bell;
        let guard = count.lock().unwrap_or_else(|p| p.into_inner());
        let seen = *guard;
        let _ = bell
            .wait_timeout_while(guard, at_most, |now| *now == seen)
            .unwrap_or_else(|p| p.into_inner());
    }
}

/// `work`'s result, or a panic inside it as an error in words (the runner goes on).
fn unpanicked<T>(work: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an internal error".to_owned());
        Err(ApiError::Invalid(text!("Newsdesk failed while preparing this job ({why}); it is not sent again by \
             itself: cancel it, or retry it after changing the article",
"Newsdesk ist beim Vorbereiten dieses Auftrags gescheitert ({why}); er wird nicht von selbst erneut gesendet: abbrechen oder nach einer Änderung am Artikel erneut senden."
        )))
    })
}

/// Whether the portal's fields are the ones Newsdesk would send (spacing and the order of
/// tags aside). Only ever true when nothing the portal holds would be lost.
fn same_fields(remote: &PostFields, local: &PostFields) -> bool {
    let tags = |fields: &PostFields| {
        let mut tags: Vec<String> = fields
            .tags
            .iter()
            .map(|t| t.trim().to_lowercase())
            .collect();
        tags.sort();
        tags
    };
    remote.title.trim() == local.title.trim()
        && remote.excerpt.trim() == local.excerpt.trim()
        && remote.content.trim() == local.content.trim()
        && remote
            .section
            .trim()
            .eq_ignore_ascii_case(local.section.trim())
        && tags(remote) == tags(local)
}

/// Whether the post is still visible to readers.
fn current_is_public(post: &RemotePost) -> bool {
    !matches!(
        post.status.as_str(),
        "draft" | "trash" | "canceled" | "withheld"
    )
}

/// The outbox in the background of the desktop app: sends what is due, sleeps until the
/// next retry or until a job is queued, and says how the outbox stands after each change.
pub struct OutboxWorker;

impl OutboxWorker {
    /// Runs until `stop` is set. `on_change` hears the outbox's summary after every job.
    pub fn run(app: &App, stop: &AtomicBool, on_change: impl Fn(&OutboxJob, OutboxSummary)) {
        while !stop.load(Ordering::Relaxed) {
            // Whatever fails in a run (a panic included) leaves the thread running: the next
            // run recovers what this one left `sending`.
            let ran = unpanicked(|| {
                app.run_outbox(|job| {
                    if let Ok(summary) = app.outbox_summary() {
                        on_change(job, summary);
                    }
                })
            });
            let wait = match (ran, app.store.next_job_due()) {
                (Ok(_), Ok(Some(next))) => (next - app.clock.now())
                    .to_std()
                    .unwrap_or(Duration::ZERO)
                    .clamp(Duration::from_millis(100), Duration::from_secs(60)),
                // Nothing due, another runner, or a failure: look again in a while.
                _ => Duration::from_secs(5),
            };
            app.wait_for_work(wait);
        }
    }
}

/// A failure as the outbox keeps it: the English sentence and its German.
fn worded(err: &impl Localized) -> Text {
    Text {
        en: err.to_string(),
        de: err.german(),
    }
}
