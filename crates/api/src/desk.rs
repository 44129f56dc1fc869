//! The shared desk's administration, beside its server: members invited with a role and a
//! token, and revoked. These need the desk's PostgreSQL, not a library.

pub use newsdesk_desk::{Invitation, Member, Role};

use crate::ApiError;

/// Makes `name` a member of the desk at `postgres` in `role` (editor, chief, photo); the
/// token in the answer is shown once and kept by the desk only as a digest.
pub fn desk_invite(postgres: &str, name: &str, role: &str) -> Result<Invitation, ApiError> {
    let role: Role = role.parse()?;
    Ok(newsdesk_desk::Desk::connect(postgres)?.invite(name, role)?)
}

/// Revokes member `name`'s token: the desk refuses it from now on.
pub fn desk_revoke(postgres: &str, name: &str) -> Result<Member, ApiError> {
    Ok(newsdesk_desk::Desk::connect(postgres)?.revoke(name)?)
}

/// Every member of the desk at `postgres`, revoked ones too, in the order they joined.
pub fn desk_members(postgres: &str) -> Result<Vec<Member>, ApiError> {
    Ok(newsdesk_desk::Desk::connect(postgres)?.members()?)
}

/// The current member holding `token` at the desk at `postgres` (what the desk server asks
/// of every connection).
pub fn desk_authenticate(postgres: &str, token: &str) -> Result<Member, ApiError> {
    Ok(newsdesk_desk::Desk::connect(postgres)?.authenticate(token)?)
}
