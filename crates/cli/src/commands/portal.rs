//! `newsdesk portal add|list|test|pull|remove`.

use std::io::{IsTerminal, Read};

use newsdesk_api::App;
use newsdesk_model::{NewPortal, PortalKind};

use crate::Failure;
use crate::args_publish::PortalCommand;
use crate::output::{self, clean_line, outln};

pub fn run(app: &App, command: PortalCommand) -> Result<(), Failure> {
    match command {
        PortalCommand::Add {
            name,
            kind,
            url,
            user,
            timeout,
        } => {
            let secret = read_secret(&name, kind)?;
            let portal = app.add_portal(
                &NewPortal {
                    name,
                    kind,
                    url,
                    user,
                    timeout_secs: timeout,
                },
                &secret,
            )?;
            outln!(
                "portal {} added ({}, {}); its {} is in the system's keyring",
                clean_line(&portal.name),
                portal.kind,
                clean_line(&portal.url),
                portal.kind.secret_name()
            );
            Ok(())
        }
        PortalCommand::List { json } => {
            let portals = app.portals()?;
            if json {
                return output::json(&portals);
            }
            if portals.is_empty() {
                outln!(
                    "no portals yet: newsdesk portal add NAME --kind wordpress --url URL --user U"
                );
            }
            for portal in portals {
                let pulled = portal
                    .pulled_at
                    .map(|t| format!(", pulled {}", t.format("%Y-%m-%d %H:%M")))
                    .unwrap_or_default();
                outln!(
                    "{}\t{}\t{}\t{}{}",
                    clean_line(&portal.name),
                    portal.kind,
                    clean_line(&portal.url),
                    clean_line(&portal.user),
                    pulled
                );
            }
            Ok(())
        }
        PortalCommand::Test { name, json } => {
            let check = app.test_portal(&name)?;
            if json {
                return output::json(&check);
            }
            let user = if check.user.is_empty() {
                String::new()
            } else {
                format!(" as {}", clean_line(&check.user))
            };
            outln!(
                "ok: {} answered at {}: “{}”{user}",
                clean_line(&check.portal),
                clean_line(&check.address),
                clean_line(&check.site)
            );
            Ok(())
        }
        PortalCommand::Pull { name, json } => {
            let report = app.pull_portal(&name)?;
            if json {
                return output::json(&report);
            }
            outln!(
                "{}: {} new tags, {} sections, {} articles added, {} known already",
                clean_line(&report.portal),
                report.new_tags.len(),
                report.sections.len(),
                report.added.len(),
                report.known
            );
            for note in &report.notes {
                outln!("note: {}", clean_line(note));
            }
            Ok(())
        }
        PortalCommand::Remove { name } => {
            app.remove_portal(&name)?;
            outln!("portal {} removed with its secret", clean_line(&name));
            Ok(())
        }
    }
}

/// The secret from standard input: asked for without echo on a terminal, else the first
/// line of what is piped in.
fn read_secret(name: &str, kind: PortalKind) -> Result<String, Failure> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(format!("{} for {name}: ", kind.secret_name()))
            .map_err(|e| Failure::Message(format!("cannot read the secret: {e}")));
    }
    let mut text = String::new();
    std::io::stdin()
        .take(64 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| {
            Failure::Message(format!("cannot read the secret from standard input: {e}"))
        })?;
    Ok(text.lines().next().unwrap_or_default().trim().to_string())
}
