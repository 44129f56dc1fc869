//! Publishing from the window: portal profiles (the secret goes to the system's keyring),
//! publish / withdraw as outbox jobs, the outbox, conflicts settled by the editor.

use newsdesk_model::{
    ConflictChoice, NewPortal, OutboxJob, OutboxSummary, Portal, PortalCheck, Publication,
    PublishConflict, PullReport,
};
use tauri::State;

use super::{Library, on_library};
use crate::error::CommandResult;

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

#[tauri::command]
pub async fn remove_portal(library: State<'_, Library>, name: String) -> CommandResult<()> {
    on_library(library, move |app| app.remove_portal(&name)).await
}

#[tauri::command]
pub async fn test_portal(library: State<'_, Library>, name: String) -> CommandResult<PortalCheck> {
    on_library(library, move |app| app.test_portal(&name)).await
}

#[tauri::command]
pub async fn pull_portal(library: State<'_, Library>, name: String) -> CommandResult<PullReport> {
    on_library(library, move |app| app.pull_portal(&name)).await
}

/// Queues article `id` for `portal` (now, or at `schedule`, RFC 3339); the outbox sends it.
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

#[tauri::command]
pub async fn withdraw_article(
    library: State<'_, Library>,
    id: i64,
    portal: String,
) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.withdraw(id, &portal)).await
}

#[tauri::command]
pub async fn outbox_jobs(
    library: State<'_, Library>,
    pending_only: bool,
) -> CommandResult<Vec<OutboxJob>> {
    on_library(library, move |app| app.outbox(pending_only)).await
}

#[tauri::command]
pub async fn outbox_summary(library: State<'_, Library>) -> CommandResult<OutboxSummary> {
    on_library(library, |app| app.outbox_summary()).await
}

#[tauri::command]
pub async fn publish_conflict(
    library: State<'_, Library>,
    job: i64,
) -> CommandResult<PublishConflict> {
    on_library(library, move |app| app.publish_conflict(job)).await
}

#[tauri::command]
pub async fn resolve_conflict(
    library: State<'_, Library>,
    job: i64,
    choice: ConflictChoice,
) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.resolve_conflict(job, choice)).await
}

#[tauri::command]
pub async fn retry_job(library: State<'_, Library>, job: i64) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.retry_job(job)).await
}

#[tauri::command]
pub async fn cancel_job(library: State<'_, Library>, job: i64) -> CommandResult<OutboxJob> {
    on_library(library, move |app| app.cancel_job(job)).await
}

/// Where article `id` is published.
#[tauri::command]
pub async fn publications(library: State<'_, Library>, id: i64) -> CommandResult<Vec<Publication>> {
    on_library(library, move |app| app.publications(id)).await
}

/// Sections the portals offer and the library uses, for completion.
#[tauri::command]
pub async fn section_names(library: State<'_, Library>) -> CommandResult<Vec<String>> {
    on_library(library, |app| app.section_names()).await
}
