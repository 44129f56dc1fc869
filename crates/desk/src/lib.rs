//! The newsroom's shared desk (issue 24): the server side that many editors' libraries meet at.
//!
//! What is here so far: the desk's PostgreSQL database — its schema, migrated on connect —
//! and its members: each joins with a token issued beside the server
//! ([`Desk::invite`]), kept there only as a SHA-256 digest, with a role (editor, chief,
//! photo) that the server's workflow checks will read; a revoked token is refused
//! ([`Desk::authenticate`]). An article as an Automerge document ([`ArticleDoc`]), and the
//! desk's copy of each with the log of who sent which change ([`Desk::receive_article`],
//! one transaction per sending). The server's protocol, the clients' sync and the workflow
//! come next.

mod document;
mod error;
mod members;
mod schema;
mod shared;
#[cfg(feature = "test-support")]
pub mod test_support;

pub use document::{ArticleDoc, FieldConflict};
pub use error::DeskError;
pub use members::{Invitation, Member, Role};
pub use shared::{Received, Sent};

/// A connection to the desk's database, its schema brought up to date.
pub struct Desk {
    client: postgres::Client,
}

impl Desk {
    /// Connects to the desk's PostgreSQL (`postgres://user:password@host:port/database`) and
    /// migrates its schema. Without TLS: the desk's database is reached on the server's own
    /// machine or a private network, as the newsroom runs it.
    pub fn connect(url: &str) -> Result<Desk, DeskError> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| DeskError::BadAddress(format!("{e}")))?;
        let mut client = config
            .connect(postgres::NoTls)
            .map_err(|e| DeskError::Unreachable {
                address: address_of(&config),
                reason: e.to_string(),
            })?;
        schema::migrate(&mut client)?;
        Ok(Desk { client })
    }
}

/// Host and port of a configuration, for messages (never its password).
fn address_of(config: &postgres::Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|host| match host {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .unwrap_or_else(|| "localhost".into());
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!("{host}:{port}")
}
