//! `newsdesk outbox list|run|show|resolve|retry`.

use newsdesk_api::App;
use newsdesk_model::{ConflictChoice, JobState, OutboxJob};

use crate::Failure;
use crate::args_publish::OutboxCommand;
use crate::output::{self, clean, clean_line, outln};

pub fn run(app: &App, command: OutboxCommand) -> Result<(), Failure> {
    match command {
        OutboxCommand::List { pending, json } => {
            let jobs = app.outbox(pending)?;
            if json {
                return output::json(&jobs);
            }
            if jobs.is_empty() {
                outln!("the outbox is empty");
            }
            for job in &jobs {
                describe(job)?;
            }
            Ok(())
        }
        OutboxCommand::Run { until_empty, json } => {
            let mut print = |job: &OutboxJob| {
                if !json {
                    let _ = describe(job);
                }
            };
            let report = if until_empty {
                app.run_outbox_until_empty(&mut print)?
            } else {
                match app.run_outbox(&mut print)? {
                    Some(report) => report,
                    None => {
                        return Err(Failure::Message(
                            "another Newsdesk (the app) is sending the outbox right now".into(),
                        ));
                    }
                }
            };
            if json {
                output::json(&report)?;
            } else {
                outln!(
                    "{} sent, {} to retry, {} failed, {} in conflict, {} still waiting",
                    report.done.len(),
                    report.retrying.len(),
                    report.failed.len(),
                    report.conflicts.len(),
                    report.pending
                );
            }
            if report.failed.is_empty() && report.conflicts.is_empty() {
                Ok(())
            } else {
                Err(Failure::Message(format!(
                    "{} failed, {} in conflict: `newsdesk outbox list` says why",
                    report.failed.len(),
                    report.conflicts.len()
                )))
            }
        }
        OutboxCommand::Show { job, json } => {
            let found = app.outbox_job(job)?;
            let conflict = if found.state == JobState::Conflict {
                Some(app.publish_conflict(job)?)
            } else {
                None
            };
            if json {
                return output::json(&serde_json::json!({"job": found, "conflict": conflict}));
            }
            describe(&found)?;
            if let Some(conflict) = conflict {
                if !conflict.remote_exists {
                    outln!("  the post was deleted on the portal");
                }
                for field in &conflict.fields {
                    outln!("\n== {} ==", field.field);
                    outln!("-- as last published:\n{}", clean(&field.base));
                    outln!("-- in the library now:\n{}", clean(&field.local));
                    outln!("-- on the portal now:\n{}", clean(&field.remote));
                }
                outln!("\nnewsdesk outbox resolve {job} --keep-mine | --take-theirs | --cancel");
            }
            Ok(())
        }
        OutboxCommand::Resolve {
            job,
            keep_mine,
            take_theirs,
            cancel: _,
        } => {
            let choice = if keep_mine {
                ConflictChoice::KeepMine
            } else if take_theirs {
                ConflictChoice::TakeTheirs
            } else {
                ConflictChoice::Cancel
            };
            let settled = app.resolve_conflict(job, choice)?;
            if choice == ConflictChoice::KeepMine {
                app.run_outbox(|_| {})?;
            }
            describe(&app.outbox_job(settled.id)?)
        }
        OutboxCommand::Cancel { job } => describe(&app.cancel_job(job)?),
        OutboxCommand::Retry { job } => {
            app.retry_job(job)?;
            app.run_outbox(|_| {})?;
            describe(&app.outbox_job(job)?)
        }
    }
}

/// One job in a line: what, where, how it stands.
pub fn describe(job: &OutboxJob) -> Result<(), Failure> {
    let mut line = format!(
        "job {}: {} article {} “{}” on {} — {}",
        job.id,
        job.action.as_str(),
        job.article_id,
        clean_line(&job.title),
        clean_line(&job.portal),
        job.state
    );
    match job.state {
        JobState::Done => {
            if let Some(url) = &job.remote_url {
                line.push_str(&format!(": {}", clean_line(url)));
            }
        }
        JobState::Retrying | JobState::Queued => {
            if let Some(next) = job.next_attempt_at {
                line.push_str(&format!(
                    " (attempt {} next at {})",
                    job.attempts + 1,
                    next.with_timezone(&chrono::Local).format("%H:%M:%S")
                ));
            }
            if let Some(error) = &job.error {
                line.push_str(&format!(": {}", clean_line(error)));
            }
        }
        JobState::Failed | JobState::Conflict | JobState::Sending | JobState::Cancelled => {
            if let Some(error) = &job.error {
                line.push_str(&format!(": {}", clean_line(error)));
            }
        }
    }
    outln!("{line}");
    Ok(())
}
