//! The arguments the desk's commands share: `article embargo` and `image embargo`.

/// The time, or `--clear`.
#[derive(clap::Args)]
pub struct EmbargoArgs {
    pub id: i64,
    /// RFC 3339 (2026-12-14T10:00:00+01:00), or local "YYYY-MM-DD HH:MM"
    #[arg(
        long,
        value_name = "DATETIME",
        conflicts_with = "clear",
        required_unless_present = "clear"
    )]
    pub until: Option<String>,
    /// Lift the embargo (jobs it held are sent)
    #[arg(long)]
    pub clear: bool,
    #[arg(long)]
    pub json: bool,
}
