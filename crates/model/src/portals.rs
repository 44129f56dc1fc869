//! Publishing: the portals an article goes to, the outbox that sends it, what was published
//! where. `--json` field names of `newsdesk portal`, `publish` and `outbox` are these names.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which API a portal speaks; one adapter each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PortalKind {
    /// WordPress REST API with an application password.
    Wordpress,
    /// Ghost Admin API with an Admin API key (`id:secret`).
    Ghost,
    /// A portal's own API speaking IPTC ninjs (docs/portal-api/), with a bearer token.
    Ninjs,
}

impl PortalKind {
    pub const ALL: [PortalKind; 3] = [PortalKind::Wordpress, PortalKind::Ghost, PortalKind::Ninjs];

    pub fn as_str(self) -> &'static str {
        match self {
            PortalKind::Wordpress => "wordpress",
            PortalKind::Ghost => "ghost",
            PortalKind::Ninjs => "ninjs",
        }
    }

    /// What the secret of this kind of portal is called, for prompts and messages.
    pub fn secret_name(self) -> &'static str {
        match self {
            PortalKind::Wordpress => "application password",
            PortalKind::Ghost => "Admin API key",
            PortalKind::Ninjs => "bearer token",
        }
    }
}

impl fmt::Display for PortalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PortalKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        PortalKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                format!("unknown portal kind '{s}' (expected wordpress, ghost or ninjs)")
            })
    }
}

/// A portal profile. The secret is not here: it lives in the operating system's keyring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Portal {
    pub name: String,
    pub kind: PortalKind,
    /// The portal's address (`https://portal.example`; for ninjs the endpoint's base).
    pub url: String,
    /// The user name (WordPress); empty where the secret alone identifies (Ghost, ninjs).
    pub user: String,
    /// How long one request may take before it counts as failed and is retried.
    pub timeout_secs: u32,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// When the portal's tags, sections and articles were last pulled.
    #[ts(type = "string | null")]
    pub pulled_at: Option<DateTime<Utc>>,
}

/// A new portal profile, as the editor enters it (the secret travels beside it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewPortal {
    pub name: String,
    pub kind: PortalKind,
    pub url: String,
    #[serde(default)]
    pub user: String,
    /// Seconds; the default (30) when absent.
    #[serde(default)]
    #[ts(optional)]
    pub timeout_secs: Option<u32>,
}

/// What `portal test` found: the portal answered and took the credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PortalCheck {
    pub portal: String,
    /// The site's own name, as the portal gives it.
    pub site: String,
    /// Who Newsdesk is logged in as there (empty when the portal does not say).
    pub user: String,
    /// Where the login was proven: scheme, host and port of the answer
    /// (`https://portal.example`). Requests never follow a redirect to another address.
    pub address: String,
}

/// What `portal pull` brought into the library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PullReport {
    pub portal: String,
    /// Tags the vocabulary did not know yet.
    pub new_tags: Vec<String>,
    /// The portal's sections (WordPress categories), all of them.
    pub sections: Vec<String>,
    /// Published articles new to the library, now in it (status published).
    pub added: Vec<i64>,
    /// Published articles the library already knew (published from here or pulled before).
    pub known: u32,
    /// What was left out, in words: a limit reached (too many pages of posts, tags past
    /// the vocabulary's limit).
    #[serde(default)]
    pub notes: Vec<String>,
}

/// What a job in the outbox does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum JobAction {
    /// First publication on that portal.
    Publish,
    /// The article is there already: send the new version to the same post.
    Update,
    /// Publish at a later time (the portal holds it until then).
    Schedule,
    /// Take it off the portal (kept there unpublished).
    Withdraw,
}

impl JobAction {
    pub fn as_str(self) -> &'static str {
        match self {
            JobAction::Publish => "publish",
            JobAction::Update => "update",
            JobAction::Schedule => "schedule",
            JobAction::Withdraw => "withdraw",
        }
    }
}

impl FromStr for JobAction {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            JobAction::Publish,
            JobAction::Update,
            JobAction::Schedule,
            JobAction::Withdraw,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
        .ok_or_else(|| format!("unknown outbox action '{s}'"))
    }
}

/// Where a job in the outbox stands: queued → sending → done | retrying | failed, and
/// `conflict` when the portal's copy changed since the last publish (nothing was overwritten);
/// `cancelled` when the editor dropped it or a newer request for the article took its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Queued,
    Sending,
    Retrying,
    Done,
    Failed,
    Conflict,
    Cancelled,
}

impl JobState {
    pub const ALL: [JobState; 7] = [
        JobState::Queued,
        JobState::Sending,
        JobState::Retrying,
        JobState::Done,
        JobState::Failed,
        JobState::Conflict,
        JobState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Sending => "sending",
            JobState::Retrying => "retrying",
            JobState::Done => "done",
            JobState::Failed => "failed",
            JobState::Conflict => "conflict",
            JobState::Cancelled => "cancelled",
        }
    }

    /// True while the outbox still has to send it.
    pub fn is_pending(self) -> bool {
        matches!(
            self,
            JobState::Queued | JobState::Sending | JobState::Retrying
        )
    }
}

impl fmt::Display for JobState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobState {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        JobState::ALL
            .into_iter()
            .find(|state| state.as_str() == s)
            .ok_or_else(|| format!("unknown outbox state '{s}'"))
    }
}

/// One job of the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutboxJob {
    pub id: i64,
    pub article_id: i64,
    /// The article's title when the job was listed.
    pub title: String,
    pub portal: String,
    pub action: JobAction,
    pub state: JobState,
    /// Sending attempts so far.
    pub attempts: u32,
    /// For a scheduled publication: when the portal shows it.
    #[ts(type = "string | null")]
    pub scheduled_for: Option<DateTime<Utc>>,
    /// When the next attempt is due (queued and retrying jobs).
    #[ts(type = "string | null")]
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Why the last attempt failed, in words (retrying, failed, conflict, cancelled).
    pub error: Option<String>,
    /// `error` in other languages, by language ("de"); absent when there is none.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[ts(optional, as = "Option<std::collections::BTreeMap<String, String>>")]
    pub error_translations: std::collections::BTreeMap<String, String>,
    /// What kind of reason: `network` (the portal could not be reached), `server` (it
    /// answered with its own trouble: 5xx, 429), `user` (the editor must change something),
    /// `conflict`, `cancelled`.
    pub error_kind: Option<String>,
    /// The post's id on the portal, once known.
    pub remote_id: Option<String>,
    /// The post's public address, once known.
    pub remote_url: Option<String>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// The embargo (Sperrfrist) of its article or a picture of it that holds the job: not sent
    /// before then (a withdrawal is never held). Only while it lasts.
    #[ts(type = "string | null")]
    #[serde(default)]
    pub embargo: Option<DateTime<Utc>>,
}

/// How many jobs wait, and whether the portals answered the last time they were asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutboxSummary {
    /// Queued, sending or retrying.
    pub pending: u32,
    /// Retrying because a portal could not be reached (offline).
    pub waiting_for_network: u32,
    pub failed: u32,
    pub conflicts: u32,
}

/// What one run of the outbox did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutboxRunReport {
    pub done: Vec<i64>,
    pub retrying: Vec<i64>,
    pub failed: Vec<i64>,
    pub conflicts: Vec<i64>,
    /// Jobs still waiting when the run ended (their next attempt not due yet).
    pub pending: u32,
}

/// Where an article stands on one portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PublicationState {
    /// Sent (or being sent) for the first time; no answer yet.
    Pending,
    Published,
    Scheduled,
    Withdrawn,
}

impl PublicationState {
    pub fn as_str(self) -> &'static str {
        match self {
            PublicationState::Pending => "pending",
            PublicationState::Published => "published",
            PublicationState::Scheduled => "scheduled",
            PublicationState::Withdrawn => "withdrawn",
        }
    }
}

impl FromStr for PublicationState {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            PublicationState::Pending,
            PublicationState::Published,
            PublicationState::Scheduled,
            PublicationState::Withdrawn,
        ]
        .into_iter()
        .find(|state| state.as_str() == s)
        .ok_or_else(|| format!("unknown publication state '{s}'"))
    }
}

/// Where an article stands on one portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Publication {
    pub article_id: i64,
    pub portal: String,
    pub remote_id: Option<String>,
    pub remote_url: Option<String>,
    /// The article's revision that was last sent.
    pub revision: Option<i64>,
    #[ts(type = "string | null")]
    pub published_at: Option<DateTime<Utc>>,
    pub state: PublicationState,
}

/// One field of a conflict: as last published from here, as the library has it now, and as
/// the portal has it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictField {
    /// `title`, `excerpt`, `content`, `tags`, `section`.
    pub field: String,
    pub base: String,
    pub local: String,
    pub remote: String,
}

/// A job stopped because the portal's copy changed since the last publish: the three
/// versions of every field that differs, for the editor to choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublishConflict {
    pub job_id: i64,
    pub article_id: i64,
    pub portal: String,
    /// False when the post was deleted on the portal.
    pub remote_exists: bool,
    /// The portal's modification time as recorded at the last publish, and as it is now.
    pub recorded_modified: Option<String>,
    pub remote_modified: Option<String>,
    pub fields: Vec<ConflictField>,
}

/// How the editor settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictChoice {
    /// Send the library's version over the portal's (the portal's stays in its own history).
    KeepMine,
    /// Take the portal's version into the library as a new revision; send nothing.
    TakeTheirs,
    /// Leave both as they are and drop the job.
    Cancel,
}

/// A picture as a publish would send it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlannedImage {
    /// The file name it is uploaded as.
    pub file: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// SHA-256 of the bytes sent (credits embedded).
    pub digest: String,
    /// The caption as the portal gets it, credit line included.
    pub caption: String,
    pub alt: String,
    /// False when the portal has this very file already (it is not sent again).
    pub upload: bool,
}

/// What `publish --dry-run` shows: what would be sent where, without sending anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PublishPreview {
    pub portal: String,
    pub kind: PortalKind,
    pub action: JobAction,
    /// The post's id on the portal when this would be an update.
    pub remote_id: Option<String>,
    /// The marker Newsdesk sets on the post (its slug) to find it again.
    pub marker: String,
    pub images: Vec<PlannedImage>,
    /// The post as the portal's API would receive it (tags and sections by name; pictures
    /// by file name until they are uploaded).
    #[ts(type = "unknown")]
    pub payload: serde_json::Value,
}

/// What the app's outbox tells the window after each job it settled (event `outbox`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutboxEvent {
    pub job: OutboxJob,
    pub summary: OutboxSummary,
}
