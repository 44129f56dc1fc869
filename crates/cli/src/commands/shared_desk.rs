//! `newsdesk desk invite | revoke | members`: the shared desk's members, in its PostgreSQL.

use newsdesk_api::desk::{Member, desk_invite, desk_members, desk_revoke};

use crate::Failure;
use crate::args_shared_desk::DeskCommand;
use crate::output::{self, clean_line, outln};

pub fn run(command: DeskCommand) -> Result<(), Failure> {
    match command {
        DeskCommand::Invite {
            name,
            role,
            postgres,
            json,
        } => {
            let invitation = desk_invite(&postgres.postgres, &name, &role)?;
            if json {
                return output::json(&invitation);
            }
            outln!(
                "{} joins the desk as {}. Their token, shown only now:",
                clean_line(&invitation.name),
                invitation.role.as_str()
            );
            outln!("{}", invitation.token);
            Ok(())
        }
        DeskCommand::Revoke {
            name,
            postgres,
            json,
        } => {
            let member = desk_revoke(&postgres.postgres, &name)?;
            if json {
                return output::json(&member);
            }
            outln!(
                "{}'s token is revoked: the desk refuses it from now on.",
                clean_line(&member.name)
            );
            Ok(())
        }
        DeskCommand::Members { postgres, json } => {
            let members = desk_members(&postgres.postgres)?;
            if json {
                return output::json(&members);
            }
            for member in &members {
                say(member)?;
            }
            Ok(())
        }
    }
}

fn say(member: &Member) -> Result<(), Failure> {
    let state = match member.revoked_at {
        Some(at) => format!("revoked {}", at.format("%Y-%m-%d %H:%M")),
        None => format!("since {}", member.joined_at.format("%Y-%m-%d %H:%M")),
    };
    outln!(
        "{:<24} {:<7} {}",
        clean_line(&member.name),
        member.role.as_str(),
        state
    );
    Ok(())
}
