//! `newsdesk portal …`, `publish`, `withdraw`, `outbox …`: publishing to the portal. Names
//! here are a contract: add, never rename.

use clap::{Args, Subcommand};
use newsdesk_model::PortalKind;

#[derive(Subcommand)]
pub enum PortalCommand {
    /// Add a portal; its secret (application password, Admin API key, token) is read from
    /// standard input and kept in the system's keyring, never in the library
    Add {
        name: String,
        /// wordpress, ghost or ninjs
        #[arg(long, value_parser = parse_kind)]
        kind: PortalKind,
        /// The portal's address (for ninjs: the endpoint's base)
        #[arg(long)]
        url: String,
        /// The user the application password belongs to (WordPress)
        #[arg(long, default_value = "")]
        user: String,
        /// Seconds one request may take before it is tried again
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<u32>,
    },
    /// List the portals
    List {
        #[arg(long)]
        json: bool,
    },
    /// Log in to a portal and say which site answered
    Test {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Bring a portal's tags, sections and published articles into the library
    Pull {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove a portal and its secret (the posts on the portal stay)
    Remove { name: String },
}

fn parse_kind(text: &str) -> Result<PortalKind, String> {
    text.parse()
}

#[derive(Args)]
pub struct PublishArgs {
    pub id: i64,
    /// The portal (see `newsdesk portal list`)
    #[arg(long)]
    pub portal: String,
    /// Publish at this time instead of now: 2026-12-24T08:00:00+01:00 or 2026-12-24 08:00
    /// (local time)
    #[arg(long, value_name = "DATETIME")]
    pub schedule: Option<String>,
    /// Print what would be sent, send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Queue only; the outbox (`newsdesk outbox run`, or the app) sends it
    #[arg(long, conflicts_with = "dry_run")]
    pub queue_only: bool,
    /// As JSON (the outbox job; with --dry-run the payload)
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct WithdrawArgs {
    pub id: i64,
    #[arg(long)]
    pub portal: String,
    /// Queue only; the outbox sends it
    #[arg(long)]
    pub queue_only: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum OutboxCommand {
    /// The outbox, newest first: [{id, article_id, title, portal, action, state, attempts,
    /// scheduled_for, next_attempt_at, error, remote_id, remote_url, created_at, updated_at}]
    List {
        /// Only what still has to be sent
        #[arg(long)]
        pending: bool,
        #[arg(long)]
        json: bool,
    },
    /// Send what is due now
    Run {
        /// Keep going (waiting for retries) until nothing is left to send
        #[arg(long)]
        until_empty: bool,
        #[arg(long)]
        json: bool,
    },
    /// One job; a conflict with the three versions of every field that differs
    Show {
        job: i64,
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict: send mine over the portal's, take the portal's into the library, or
    /// drop the job
    Resolve {
        job: i64,
        #[arg(long, group = "choice", required = true)]
        keep_mine: bool,
        #[arg(long, group = "choice")]
        take_theirs: bool,
        #[arg(long, group = "choice")]
        cancel: bool,
    },
    /// Send a failed job again
    Retry { job: i64 },
    /// Drop a job that waits, failed or is in conflict (it stays listed as cancelled)
    Cancel { job: i64 },
}
