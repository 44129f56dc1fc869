//! `newsdesk desk …`: the newsroom's shared desk (issue 24). So far its administration beside
//! the server: members invited with a role and a token, revoked, listed.

/// The desk's PostgreSQL, given as `--postgres URL` or in the environment (a password on the
/// command line is visible to the machine's other users).
#[derive(clap::Args)]
pub struct PostgresArg {
    /// The desk's database: postgres://user:password@host:port/database
    #[arg(
        long,
        value_name = "URL",
        env = "NEWSDESK_DESK_POSTGRES",
        hide_env_values = true
    )]
    pub postgres: String,
}

#[derive(clap::Subcommand)]
pub enum DeskCommand {
    /// Make NAME a member of the desk and print their token, once
    Invite {
        name: String,
        /// editor, chief or photo
        #[arg(long)]
        role: String,
        #[command(flatten)]
        postgres: PostgresArg,
        /// {"name", "role", "token"}
        #[arg(long)]
        json: bool,
    },
    /// Revoke member NAME's token: the desk refuses it from now on
    Revoke {
        name: String,
        #[command(flatten)]
        postgres: PostgresArg,
        #[arg(long)]
        json: bool,
    },
    /// The desk's members, revoked ones too
    Members {
        #[command(flatten)]
        postgres: PostgresArg,
        /// [{"id", "name", "role", "joined_at", "revoked_at"}]
        #[arg(long)]
        json: bool,
    },
}
