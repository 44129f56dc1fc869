//! Publishing: portal profiles (secrets in the system's keyring), publish / update /
//! schedule / withdraw as jobs of the outbox, what was published where, conflicts settled by
//! the editor, and pulling a portal's vocabulary and articles into the library.
//!
//! The outbox itself (sending, retrying, the one runner at a time) is in [`runner`]; the
//! three-way view of a conflict in [`conflict`]; pulling in [`pull`].

mod conflict;
mod publishing;
mod pull;
mod runner;

use newsdesk_model::text;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use newsdesk_model::{
    JobAction, JobState, NewPortal, OutboxJob, OutboxSummary, PlannedImage, Portal, PortalCheck,
    Publication, PublishPreview, ReadinessProblem,
};
use newsdesk_publish::{
    Credentials, PortalAdapter, Post, PostStatus, SecretKey, UreqHttp, base_url, connect,
    marker_for, new_token,
};
use newsdesk_store::PublicationRecord;

pub(crate) use publishing::Publishing;
pub use runner::{OutboxLock, OutboxWorker};

use crate::{ApiError, App};

/// A publication time as an editor writes it: RFC 3339 (`2026-12-24T08:00:00+01:00`), or
/// `2026-12-24 08:00[:00]` / `2026-12-24T08:00` in the local time zone.
pub fn parse_schedule(text: &str) -> Result<DateTime<Utc>, ApiError> {
    use chrono::{Local, NaiveDateTime, TimeZone};
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            return Local
                .from_local_datetime(&local)
                .earliest()
                .map(|at| at.with_timezone(&Utc))
                .ok_or_else(|| {
                    ApiError::Invalid(text!(
                        "{text} does not exist in the local time zone",
                        "{text} gibt es in der örtlichen Zeitzone nicht."
                    ))
                });
        }
    }
    Err(ApiError::Invalid(text!(
        "cannot read the time '{text}': write 2026-12-24T08:00:00+01:00 or 2026-12-24 08:00",
        "Die Zeit '{text}' ist nicht lesbar: 2026-12-24T08:00:00+01:00 oder 2026-12-24 08:00 schreiben."
    )))
}

/// `job` with its embargo only while it holds it (a waiting job at `now`).
fn held_now(mut job: OutboxJob, now: DateTime<Utc>) -> OutboxJob {
    let waiting = matches!(job.state, JobState::Queued | JobState::Retrying);
    job.embargo = job.embargo.filter(|until| waiting && *until > now);
    job
}

/// The entry releases before issue 19 kept the portal's secret in, shared by every portal
/// with its address and user.
fn shared_key(portal: &Portal) -> SecretKey {
    SecretKey::Shared {
        url: portal.url.clone(),
        user: portal.user.clone(),
    }
}

impl App {
    /// Adds a portal profile; its secret goes to the system's keyring, never the library.
    /// Nothing is saved when the keyring refuses.
    pub fn add_portal(&self, new: &NewPortal, secret: &str) -> Result<Portal, ApiError> {
        let url = base_url(&new.url)?;
        if secret.trim().is_empty() {
            return Err(ApiError::Invalid(text!(
                "the portal needs its {} (read from standard input)",
                "Das Portal braucht sein {} (von der Standardeingabe gelesen).",
                new.kind.secret_name()
            )));
        }
        if new.kind == newsdesk_model::PortalKind::Wordpress && new.user.trim().is_empty() {
            return Err(ApiError::Invalid(text!(
                "a WordPress portal needs the user the application password belongs to (--user)",
                "Ein WordPress-Portal braucht den Benutzer, zu dem das Anwendungspasswort gehört (--user)."
            )));
        }
        if self
            .store
            .portals()?
            .iter()
            .any(|p| p.name == new.name.trim())
        {
            return Err(newsdesk_store::StoreError::PortalExists(new.name.trim().into()).into());
        }
        let new = NewPortal { url, ..new.clone() };
        // The adapter checks what it can without the network (a Ghost key's form, say).
        connect(
            new.kind,
            Credentials {
                url: new.url.clone(),
                user: new.user.trim().to_string(),
                secret: secret.trim().to_string(),
            },
            Arc::new(UreqHttp::new(Duration::from_secs(1))),
        )?;
        // The profile first (a name taken is refused before the keyring is touched), then its
        // secret under the portal's own id: no other portal's entry is ever written.
        let portal = self.store.add_portal(&new, self.clock.now())?;
        let stored = self
            .own_key(&portal)
            .and_then(|key| Ok(self.publishing.secrets.set(&key, secret.trim())?));
        if let Err(e) = stored {
            let _ = self.store.remove_portal(&portal.name);
            return Err(e);
        }
        Ok(portal)
    }

    /// Every portal profile.
    pub fn portals(&self) -> Result<Vec<Portal>, ApiError> {
        Ok(self.store.portals()?)
    }

    /// Removes a portal profile and its secret (the posts on the portal stay). Refused while
    /// jobs for it still wait in the outbox: send or cancel them first.
    pub fn remove_portal(&self, name: &str) -> Result<(), ApiError> {
        let portal = self.store.portal(name)?;
        let waiting: Vec<String> = self
            .store
            .outbox_jobs(true, 10_000)?
            .into_iter()
            .filter(|j| j.portal == name)
            .map(|j| j.id.to_string())
            .collect();
        if !waiting.is_empty() {
            return Err(ApiError::Invalid(text!(
                "{} job(s) for {name} still wait in the outbox (job {}): let them be sent or \
                 cancel them (`newsdesk outbox cancel <job>`) before removing the portal",
                "{} Auftrag/Aufträge für {name} warten noch im Postausgang (Auftrag {}): sie senden lassen oder abbrechen (`newsdesk outbox cancel <job>`), bevor das Portal entfernt wird.",
                waiting.len(),
                waiting.join(", job ")
            )));
        }
        let own = self.own_key(&portal)?;
        self.store.remove_portal(name)?;
        self.publishing.secrets.delete(&own)?;
        // The shared entry of older releases goes with the last portal of this library that
        // could still need it (same address and user, no entry of its own yet).
        let mut still_needed = false;
        for other in self.store.portals()? {
            if other.url == portal.url && other.user == portal.user {
                let key = self.own_key(&other)?;
                still_needed |= self.publishing.secrets.get(&key)?.is_none();
            }
        }
        if !still_needed {
            self.publishing.secrets.delete(&shared_key(&portal))?;
        }
        Ok(())
    }

    /// The portal's own keyring entry.
    fn own_key(&self, portal: &Portal) -> Result<SecretKey, ApiError> {
        let id = self.store.portal_secret_id(&portal.name)?;
        Ok(SecretKey::portal(&id, &portal.name, &portal.url))
    }

    /// The portal's secret: from its own entry; for a portal added before each had its own,
    /// copied once from the shared entry of its address and user (which stays, for the other
    /// portals that may still read it).
    fn secret_of(&self, portal: &Portal) -> Result<Option<String>, ApiError> {
        let own = self.own_key(portal)?;
        if let Some(secret) = self.publishing.secrets.get(&own)? {
            return Ok(Some(secret));
        }
        let Some(secret) = self.publishing.secrets.get(&shared_key(portal))? else {
            return Ok(None);
        };
        self.publishing.secrets.set(&own, &secret)?;
        Ok(Some(secret))
    }

    /// Logs in to the portal and says which site answered, as whom, and where: a request that
    /// needs the login, answered at that address (requests follow no redirect elsewhere).
    pub fn test_portal(&self, name: &str) -> Result<PortalCheck, ApiError> {
        let portal = self.store.portal(name)?;
        let site = self.adapter(&portal)?.check()?;
        Ok(PortalCheck {
            portal: portal.name,
            site: site.site,
            user: site.user,
            address: site.address,
        })
    }

    /// The adapter for `portal`, logged in with its secret from the keyring.
    pub(crate) fn adapter(&self, portal: &Portal) -> Result<Box<dyn PortalAdapter>, ApiError> {
        let secret = self.secret_of(portal)?.ok_or_else(|| ApiError::NoSecret {
            portal: portal.name.clone(),
        })?;
        let http = Arc::new(UreqHttp::new(Duration::from_secs(u64::from(
            portal.timeout_secs,
        ))));
        Ok(connect(
            portal.kind,
            Credentials {
                url: portal.url.clone(),
                user: portal.user.clone(),
                secret,
            },
            http,
        )?)
    }

    /// Queues article `id` for `portal`: a first publication, an update of the post there, or
    /// (with `schedule` in the future) a scheduled one. Refused, saying what is missing, while
    /// the article is not ready or a picture lacks its credit or license.
    pub fn publish(
        &self,
        id: i64,
        portal: &str,
        schedule: Option<DateTime<Utc>>,
    ) -> Result<OutboxJob, ApiError> {
        self.store.portal(portal)?;
        let article = self.store.article(id)?;
        if article.trashed_at.is_some() {
            return Err(newsdesk_store::StoreError::InTrash(id).into());
        }
        let blocking = self.blocking_problems(&article.content)?;
        if !blocking.is_empty() {
            return Err(ApiError::NotReady {
                id,
                problems: blocking,
            });
        }
        self.refuse_early_publication(id, schedule)?;
        let now = self.clock.now();
        if let Some(at) = schedule.filter(|at| *at <= now) {
            return Err(ApiError::Invalid(text!(
                "the time {} has passed already: publish now, or choose a later time",
                "Der Zeitpunkt {} ist schon vorbei: jetzt veröffentlichen oder einen späteren Zeitpunkt wählen.",
                at.format("%Y-%m-%d %H:%M UTC")
            )));
        }
        let published = self
            .store
            .publication(id, portal)?
            .is_some_and(|p| p.remote_id.is_some());
        let action = match (schedule, published) {
            (Some(_), _) => JobAction::Schedule,
            (None, true) => JobAction::Update,
            (None, false) => JobAction::Publish,
        };
        let job = self.store.enqueue(id, portal, action, schedule, now)?;
        self.publishing.ring();
        Ok(job)
    }

    /// Queues taking article `id` off `portal` (it stays there, unpublished).
    pub fn withdraw(&self, id: i64, portal: &str) -> Result<OutboxJob, ApiError> {
        self.store.article(id)?;
        self.store.portal(portal)?;
        let known = self.store.publication(id, portal)?.is_some()
            || self
                .store
                .outbox_jobs(true, 10_000)?
                .iter()
                .any(|j| j.article_id == id && j.portal == portal);
        if !known {
            return Err(ApiError::Invalid(text!(
                "article {id} has not been published on {portal}: there is nothing to withdraw",
                "Artikel {id} ist auf {portal} nicht veröffentlicht: Es gibt nichts zurückzuziehen."
            )));
        }
        let job = self
            .store
            .enqueue(id, portal, JobAction::Withdraw, None, self.clock.now())?;
        self.publishing.ring();
        Ok(job)
    }

    /// What publishing article `id` on `portal` would send, sending nothing (`--dry-run`).
    pub fn preview_publish(
        &self,
        id: i64,
        portal: &str,
        schedule: Option<DateTime<Utc>>,
    ) -> Result<PublishPreview, ApiError> {
        let article = self.store.article(id)?;
        let blocking = self.blocking_problems(&article.content)?;
        if !blocking.is_empty() {
            return Err(ApiError::NotReady {
                id,
                problems: blocking,
            });
        }
        let portal = self.store.portal(portal)?;
        let record = self.store.publication(id, &portal.name)?;
        let now = self.clock.now();
        let status = match schedule.filter(|at| *at > now) {
            Some(at) => PostStatus::Future(at),
            None => PostStatus::Publish,
        };
        let marker = match &record {
            Some(record) => record.marker.clone(),
            None => marker_for(&article.content.kicker, &article.content.title, "…"),
        };
        let post = Post::from_article(&self.gather(&article, true)?, &marker, status);
        let mut images = Vec::new();
        for image in &post.images {
            images.push(PlannedImage {
                file: image.file_name.clone(),
                bytes: image.bytes.len() as u64,
                digest: image.digest.clone(),
                caption: image.caption.clone(),
                alt: image.alt.clone(),
                upload: self
                    .store
                    .portal_media(&portal.name, &image.digest)?
                    .is_none(),
            });
        }
        let remote_id = record.as_ref().and_then(|r| r.remote_id.clone());
        let action = match (status, &remote_id) {
            (PostStatus::Future(_), _) => JobAction::Schedule,
            (_, Some(_)) => JobAction::Update,
            _ => JobAction::Publish,
        };
        Ok(PublishPreview {
            payload: self.adapter(&portal)?.preview(&post),
            portal: portal.name,
            kind: portal.kind,
            action,
            remote_id,
            marker,
            images,
        })
    }

    /// The outbox, newest first (`pending_only`: what still has to be sent).
    pub fn outbox(&self, pending_only: bool) -> Result<Vec<OutboxJob>, ApiError> {
        let now = self.clock.now();
        Ok(self
            .store
            .outbox_jobs(pending_only, 500)?
            .into_iter()
            .map(|job| held_now(job, now))
            .collect())
    }

    pub fn outbox_job(&self, id: i64) -> Result<OutboxJob, ApiError> {
        Ok(held_now(self.store.outbox_job(id)?, self.clock.now()))
    }

    /// How many jobs wait (offline among them), failed, or are in conflict.
    pub fn outbox_summary(&self) -> Result<OutboxSummary, ApiError> {
        Ok(self.store.outbox_summary()?)
    }

    /// Sends a failed job again (after the editor fixed the password, say).
    pub fn retry_job(&self, id: i64) -> Result<OutboxJob, ApiError> {
        let job = self.store.outbox_job(id)?;
        if job.state == JobState::Conflict {
            return Err(ApiError::Invalid(text!(
                "outbox job {id} is in conflict: choose keep-mine, take-theirs or cancel",
                "Auftrag {id} im Postausgang steckt in einem Konflikt: „Meine Fassung senden“, „Portal-Fassung übernehmen“ oder „Abbrechen“ wählen."
            )));
        }
        let job = self.store.requeue_job(id, false, self.clock.now())?;
        self.publishing.ring();
        Ok(job)
    }

    /// Drops a job that was not sent (or failed, or is in conflict); it stays in the outbox's
    /// history as done, "cancelled by the editor". A job still marked `sending` is cancelled
    /// when no runner holds the outbox's lock (the one that sent it is gone); while a runner
    /// sends it, it is refused.
    pub fn cancel_job(&self, id: i64) -> Result<OutboxJob, ApiError> {
        // Held to the end: no runner can claim the job between recovering and cancelling it.
        let _runner = if self.store.outbox_job(id)?.state == JobState::Sending {
            let Some(lock) = self.try_lock_outbox()? else {
                return Err(ApiError::Invalid(text!(
                    "outbox job {id} is being sent right now (by the window or another \
                     `newsdesk outbox run`); cancel it when that attempt has ended",
                    "Auftrag {id} im Postausgang wird gerade gesendet (vom Fenster oder einem anderen `newsdesk outbox run`); abbrechen, wenn dieser Versuch beendet ist."
                )));
            };
            self.store.recover_sending_jobs(self.clock.now())?;
            Some(lock)
        } else {
            None
        };
        Ok(self
            .store
            .cancel_job(id, &cancelled_by_the_editor(), self.clock.now())?)
    }

    /// Where article `id` is published.
    pub fn publications(&self, id: i64) -> Result<Vec<Publication>, ApiError> {
        Ok(self.store.publications_of(id)?)
    }

    /// What keeps `content` from the portal: the readiness problems that block.
    fn blocking_problems(
        &self,
        content: &newsdesk_model::ArticleContent,
    ) -> Result<Vec<ReadinessProblem>, ApiError> {
        Ok(self
            .check_content(content)?
            .into_iter()
            .filter(|p| p.blocking)
            .collect())
    }

    /// The publication of article `id` on `portal`, begun (its marker given) when new.
    fn publication_for(
        &self,
        article: &newsdesk_model::Article,
        portal: &str,
    ) -> Result<PublicationRecord, ApiError> {
        if let Some(record) = self.store.publication(article.id, portal)? {
            return Ok(record);
        }
        let marker = marker_for(
            &article.content.kicker,
            &article.content.title,
            &new_token(),
        );
        Ok(self.store.begin_publication(article.id, portal, &marker)?)
    }
}

/// The reason a job cancelled by hand carries.
pub(crate) fn cancelled_by_the_editor() -> newsdesk_model::Text {
    text!("cancelled by the editor", "von der Redaktion abgebrochen")
}
