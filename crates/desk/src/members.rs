//! The desk's members: who may sync, in which role, with which token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Desk, DeskError};

/// What a member may do at the desk: editors write and submit, the chief approves ("Freigabe")
/// and takes over leases, photo editors keep the pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Editor,
    Chief,
    Photo,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Chief => "chief",
            Role::Photo => "photo",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = DeskError;
    fn from_str(text: &str) -> Result<Role, DeskError> {
        match text {
            "editor" => Ok(Role::Editor),
            "chief" => Ok(Role::Chief),
            "photo" => Ok(Role::Photo),
            other => Err(DeskError::BadRole(other.to_string())),
        }
    }
}

/// A member of the desk as the server knows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new member and their token: shown once, then kept by the server only as a digest.
#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    pub name: String,
    pub role: Role,
    pub token: String,
}

/// Tokens start with this, so that one pasted in the wrong place is recognisable.
const TOKEN_PREFIX: &str = "nd1_";
/// Random bytes in a token (256 bits).
const TOKEN_BYTES: usize = 32;
const MAX_NAME_CHARS: usize = 100;

fn digest(token: &str) -> String {
    Sha256::digest(token.trim().as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn new_token() -> Result<String, DeskError> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| DeskError::Random(e.to_string()))?;
    Ok(format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

fn checked_name(name: &str) -> Result<&str, DeskError> {
    let name = name.trim();
    let count = name.chars().count();
    if count == 0 || count > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(DeskError::BadName(name.to_string()));
    }
    Ok(name)
}

fn member(row: &postgres::Row) -> Result<Member, DeskError> {
    let role: String = row.get("role");
    Ok(Member {
        id: row.get("id"),
        name: row.get("name"),
        role: role.parse()?,
        joined_at: row.get("joined_at"),
        revoked_at: row.get("revoked_at"),
    })
}

const COLUMNS: &str = "id, name, role, joined_at, revoked_at";

impl Desk {
    /// Makes `name` a member in `role` and issues their token. A name held by a current
    /// member is refused (revoke first); a revoked member's name can be invited again.
    pub fn invite(&mut self, name: &str, role: Role) -> Result<Invitation, DeskError> {
        let name = checked_name(name)?;
        let token = new_token()?;
        let inserted = self.client.execute(
            "INSERT INTO members (name, role, token_sha256) VALUES ($1, $2, $3)
             ON CONFLICT (name) WHERE revoked_at IS NULL DO NOTHING",
            &[&name, &role.as_str(), &digest(&token)],
        )?;
        if inserted == 0 {
            return Err(DeskError::NameTaken(name.to_string()));
        }
        Ok(Invitation {
            name: name.to_string(),
            role,
            token,
        })
    }

    /// Revokes the token of current member `name`: from now on the server refuses it.
    pub fn revoke(&mut self, name: &str) -> Result<Member, DeskError> {
        let name = checked_name(name)?;
        let row = self.client.query_opt(
            &format!(
                "UPDATE members SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL
                 RETURNING {COLUMNS}"
            ),
            &[&name],
        )?;
        match row {
            Some(row) => member(&row),
            None => Err(DeskError::NoSuchMember(name.to_string())),
        }
    }

    /// The current member holding `token`; an unknown or revoked token is refused.
    pub fn authenticate(&mut self, token: &str) -> Result<Member, DeskError> {
        let row = self.client.query_opt(
            &format!(
                "SELECT {COLUMNS} FROM members WHERE token_sha256 = $1 AND revoked_at IS NULL"
            ),
            &[&digest(token)],
        )?;
        match row {
            Some(row) => member(&row),
            None => Err(DeskError::UnknownToken),
        }
    }

    /// Every member, current and revoked, in the order they joined.
    pub fn members(&mut self) -> Result<Vec<Member>, DeskError> {
        self.client
            .query(&format!("SELECT {COLUMNS} FROM members ORDER BY id"), &[])?
            .iter()
            .map(member)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_recognisable() {
        let one = new_token().expect("token");
        let two = new_token().expect("token");
        assert!(one.starts_with(TOKEN_PREFIX), "{one}");
        assert_eq!(
            one.len(),
            TOKEN_PREFIX.len() + 43,
            "32 bytes in base64url: {one}"
        );
        assert_ne!(one, two, "two tokens are never the same");
        assert_eq!(digest(&one).len(), 64, "a SHA-256 digest in hex");
        assert_eq!(
            digest(&format!(" {one}\n")),
            digest(&one),
            "a pasted newline is no part of it"
        );
    }

    #[test]
    fn names_and_roles_are_checked() {
        assert_eq!(checked_name("  Anna Berg ").expect("name"), "Anna Berg");
        assert!(checked_name("").is_err());
        assert!(checked_name("Anna\u{7}").is_err());
        assert!(checked_name(&"x".repeat(101)).is_err());
        assert_eq!("chief".parse::<Role>().expect("role"), Role::Chief);
        assert!(matches!(
            "admin".parse::<Role>(),
            Err(DeskError::BadRole(_))
        ));
    }
}
