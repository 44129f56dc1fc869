//! Publishing from the window: portal profiles (the secret goes to the system's keyring),
//! publish / withdraw as outbox jobs, the outbox, conflicts settled by the editor.

use newsdesk_model::{
    ConflictChoice, NewPortal, OutboxJob, OutboxSummary, Portal, PortalCheck, Publication,
    PublishConflict, PullReport,
};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

/// The portals set up for publishing.
#[tauri::command]
pub async fn list_portals(library: State<'_, Library>) -> CommandResult<Vec<Portal>> {
    on_library(library, |app| app.portals()).await
}

/// Adds a portal; `secret` goes to the system's keyring, never the library.
#[tauri::command]
pub async fn add_portal(
    library: State<'_, Library>,
    portal: NewPortal,
    secret: String,
) -> CommandResult<Portal> {
    on_library(library, move |app| app.add_portal(&portal, &secret)).await
}

/// Removes a portal (and its secret from the keyring when no other portal uses it).
#[tauri::command]
pub async fn remove_portal(library: State<'_, Library>, name: String) -> CommandResult<()> {
    on_library(library, move |app| app.remove_portal(&name)).await
}

/// Logs in to the portal and says which site and user answered.
#[tauri::command]
pub async fn test_portal(library: State<'_, Library>, name: String) -> CommandResult<PortalCheck> {
    on_library(library, move |app| app.test_portal(&name)).await
}

/// Brings the portal's tags, sections and published articles into the library.
#[tauri::command]
pub async fn pull_portal(library: State<'_, Library>, name: String) -> CommandResult<PullReport> {
    on_library(library, move |app| app.pull_portal(&name)).await
}

/// Queues article `id` for `portal` (now, or at `schedule`, RFC 3339 with offset); the outbox
/// sends it. Refused with code `invalid_input`, saying what is missing, while the article is
/// not ready.
#[tauri::command]
pub async fn publish_article(
    library: State<'_, Library>,
    id: i64,
    portal: String,
    schedule: Option<String>,
) -> CommandResult<OutboxJob> {
    on_library(library, move |app| {
        let schedule = schedule
            .as_deref()
            .map(newsdesk_api::parse_schedule)
            .transpose()?;
        app.publish(id, &portal, schedule)
    })
    .await
}

/// Queues taking article `id` off `portal` (it stays there, unpublished).
#[tauri::command]
pub async fn withdraw_article(
    library: State<'_, Library>,
    id: i64,
    portal: String,
) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.withdraw(id, &portal)).await
}

/// The outbox's jobs, newest first; with `pending_only` only those still to be sent.
#[tauri::command]
pub async fn outbox_jobs(
    library: State<'_, Library>,
    pending_only: bool,
) -> CommandResult<Vec<OutboxJob>> {
    on_library(library, move |app| app.outbox(pending_only)).await
}

/// How many jobs wait, wait for the network, failed or are in conflict.
#[tauri::command]
pub async fn outbox_summary(library: State<'_, Library>) -> CommandResult<OutboxSummary> {
    on_library(library, |app| app.outbox_summary()).await
}

/// The three versions of every field that differs, for a job in conflict.
#[tauri::command]
pub async fn publish_conflict(
    library: State<'_, Library>,
    job: i64,
) -> CommandResult<PublishConflict> {
    on_library(library, move |app| app.publish_conflict(job)).await
}

/// Settles a conflict: keep mine (send again), take theirs, or discard the job.
#[tauri::command]
pub async fn resolve_conflict(
    library: State<'_, Library>,
    job: i64,
    choice: ConflictChoice,
) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.resolve_conflict(job, choice)).await
}

/// Sends a failed job again.
#[tauri::command]
pub async fn retry_job(library: State<'_, Library>, job: i64) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.retry_job(job)).await
}

/// Drops a job that waits, failed or is in conflict (kept in the history as not sent).
#[tauri::command]
pub async fn cancel_job(library: State<'_, Library>, job: i64) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.cancel_job(job)).await
}

/// Where article `id` is published.
#[tauri::command]
pub async fn publications(library: State<'_, Library>, id: i64) -> CommandResult<Vec<Publication>> {
    on_library(library, move |app| app.publications(id)).await
}
