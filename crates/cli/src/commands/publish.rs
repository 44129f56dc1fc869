//! `newsdesk publish` and `newsdesk withdraw`: the job is queued in the outbox and, unless
//! another Newsdesk is sending, sent at once.

use newsdesk_api::App;
use newsdesk_model::{JobState, OutboxJob};

use crate::Failure;
use crate::args_publish::{PublishArgs, WithdrawArgs};
use crate::output::{self, clean_line, outln};

pub fn publish(app: &App, args: PublishArgs) -> Result<(), Failure> {
    let schedule = args
        .schedule
        .as_deref()
        .map(newsdesk_api::parse_schedule)
        .transpose()?;
    if args.dry_run {
        let preview = app.preview_publish(args.id, &args.portal, schedule)?;
        return output::json(&preview);
    }
    let job = app.publish(args.id, &args.portal, schedule)?;
    finish(app, job, args.queue_only, args.json)
}

pub fn withdraw(app: &App, args: WithdrawArgs) -> Result<(), Failure> {
    let job = app.withdraw(args.id, &args.portal)?;
    finish(app, job, args.queue_only, args.json)
}

/// Sends the queued job (and whatever else is due) unless told not to, then says where it
/// stands. Exit code 1 when it failed, 3 when the portal's copy changed meanwhile.
fn finish(app: &App, job: OutboxJob, queue_only: bool, json: bool) -> Result<(), Failure> {
    let mut sent_elsewhere = false;
    if !queue_only {
        sent_elsewhere = app.run_outbox(|_| {})?.is_none();
    }
    let job = app.outbox_job(job.id)?;
    if json {
        output::json(&job)?;
    } else {
        super::outbox::describe(&job)?;
        if sent_elsewhere && job.state.is_pending() {
            outln!("  another Newsdesk (the app) is sending the outbox: it sends this too");
        } else if job.state.is_pending() {
            outln!("  `newsdesk outbox run --until-empty` sends it (the app does by itself)");
        }
    }
    match job.state {
        JobState::Failed => Err(Failure::Message(
            job.error.unwrap_or_else(|| "the job failed".into()),
        )),
        JobState::Conflict => Err(Failure::Conflict(format!(
            "{} — see `newsdesk outbox show {}`",
            clean_line(job.error.as_deref().unwrap_or("changed on the portal")),
            job.id
        ))),
        _ => Ok(()),
    }
}
