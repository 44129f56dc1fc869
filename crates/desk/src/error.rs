//! What can go wrong at the desk, in words a newsroom's administrator understands.

use newsdesk_model::Localized;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum DeskError {
    #[error(
        "not a PostgreSQL address ({0}); write it as postgres://user:password@host:port/database"
    )]
    BadAddress(String),
    #[error("the desk's database at {address} does not answer: {reason}")]
    Unreachable { address: String, reason: String },
    #[error("the desk's database refused: {0}")]
    Database(String),
    #[error("{0:?} is already a member of the desk; revoke their token first to issue a new one")]
    NameTaken(String),
    #[error("{0:?} is not a member of the desk (or was revoked already)")]
    NoSuchMember(String),
    #[error("a member's name is 1 to 100 characters without control characters: {0:?}")]
    BadName(String),
    #[error("{0:?} is not a role of the desk; one of editor, chief, photo")]
    BadRole(String),
    #[error("the desk does not know this token: it was revoked or never issued")]
    UnknownToken,
    #[error("the system's random generator failed: {0}")]
    Random(String),
    #[error("an article's shared document is damaged: {0}")]
    Document(String),
    #[error(
        "the desk's database was written by a newer Newsdesk (schema {found}, this one knows {known})"
    )]
    NewerSchema { found: i32, known: i32 },
}

impl From<postgres::Error> for DeskError {
    fn from(err: postgres::Error) -> Self {
        match err.as_db_error() {
            Some(db) => DeskError::Database(db.message().to_string()),
            None => DeskError::Database(err.to_string()),
        }
    }
}

impl Localized for DeskError {
    /// PostgreSQL's and the network's own words stay as they came.
    fn german(&self) -> String {
        match self {
            DeskError::BadAddress(why) => format!(
                "Keine PostgreSQL-Adresse ({why}); so schreiben: \
                 postgres://benutzer:passwort@host:port/datenbank"
            ),
            DeskError::Unreachable { address, reason } => {
                format!("Die Datenbank des Desks unter {address} antwortet nicht: {reason}")
            }
            DeskError::Database(why) => format!("Die Datenbank des Desks lehnt ab: {why}"),
            DeskError::NameTaken(name) => format!(
                "{name:?} gehört dem Desk schon an; erst das Token widerrufen, dann ein neues \
                 ausstellen."
            ),
            DeskError::NoSuchMember(name) => {
                format!("{name:?} gehört dem Desk nicht an (oder wurde schon widerrufen).")
            }
            DeskError::BadName(name) => format!(
                "Der Name eines Mitglieds hat 1 bis 100 Zeichen ohne Steuerzeichen: {name:?}"
            ),
            DeskError::BadRole(role) => {
                format!("{role:?} ist keine Rolle des Desks; eine von editor, chief, photo.")
            }
            DeskError::UnknownToken => "Der Desk kennt dieses Token nicht: es wurde widerrufen \
                                        oder nie ausgestellt."
                .to_string(),
            DeskError::Document(why) => {
                format!("Das geteilte Dokument eines Artikels ist beschädigt: {why}")
            }
            DeskError::Random(why) => format!("Der Zufallsgenerator des Systems versagt: {why}"),
            DeskError::NewerSchema { found, known } => format!(
                "Die Datenbank des Desks stammt von einem neueren Newsdesk (Schema {found}, \
                 dieses kennt {known})."
            ),
        }
    }
}
