use newsdesk_api::App;

use crate::Failure;
use crate::args::DbCommand;
use crate::output::{self, outln};

pub fn run(app: &App, command: DbCommand) -> Result<(), Failure> {
    match command {
        DbCommand::Check { json } => {
            let problems = app.check_library()?;
            // Temporary files of killed picture imports go (none while an import writes).
            let leftovers = app.remove_media_leftovers()?;
            if json {
                let removed: Vec<_> = leftovers
                    .removed
                    .iter()
                    .map(|l| serde_json::json!({ "path": l.path, "bytes": l.bytes }))
                    .collect();
                output::json(&serde_json::json!({
                    "ok": problems.is_empty(),
                    "problems": problems,
                    "removed": removed,
                    "import_running": leftovers.writer_busy,
                }))?;
            } else {
                for leftover in &leftovers.removed {
                    outln!(
                        "removed the leftover of a killed import: {} ({} bytes)",
                        output::clean_line(&leftover.path.display().to_string()),
                        leftover.bytes
                    );
                }
                if leftovers.writer_busy {
                    outln!(
                        "a picture import is writing: its temporary files were left alone \
                         (run db check again afterwards to remove leftovers)"
                    );
                }
                if problems.is_empty() {
                    outln!("ok: {}", app.library_path().display());
                }
            }
            if problems.is_empty() {
                Ok(())
            } else {
                for p in &problems {
                    eprintln!("{}", output::clean_line(p));
                }
                Err(Failure::Message(format!(
                    "the library has {} problem(s)",
                    problems.len()
                )))
            }
        }
        DbCommand::Backup { file } => {
            app.backup_library(&file)?;
            outln!("backup written to {}", file.display());
            Ok(())
        }
        DbCommand::Restore { file } => {
            let safety = app.restore_library(&file)?;
            outln!("library restored from {}", file.display());
            outln!("the library as it was before: {}", safety.display());
            Ok(())
        }
        DbCommand::Compact { json } => {
            let (before, after) = app.compact_library()?;
            if json {
                return output::json(&serde_json::json!({ "before": before, "after": after }));
            }
            let human = newsdesk_model::limits::human_bytes;
            outln!(
                "library compacted: {} before, {} now",
                human(before),
                human(after)
            );
            Ok(())
        }
        DbCommand::Info { json } => {
            let info = app.library_info_with_sizes()?;
            if json {
                return output::json(&info);
            }
            outln!("library   {}", info.path);
            outln!("schema    {}", info.schema_version);
            outln!("articles  {}", info.articles);
            for c in info.by_status.iter().filter(|c| c.count > 0) {
                outln!("  {:<10} {}", c.status, c.count);
            }
            if let Some(sizes) = &info.sizes {
                print_sizes(sizes)?;
            }
            Ok(())
        }
    }
}

/// What each part of the library takes on disk, as `db info` lists it.
fn print_sizes(sizes: &newsdesk_model::LibrarySizes) -> Result<(), Failure> {
    let human = |bytes: u64| newsdesk_model::limits::human_bytes(bytes);
    outln!("on disk   {}", human(sizes.total));
    for (part, bytes) in [
        ("articles", sizes.articles),
        ("revisions", sizes.revisions),
        ("images", sizes.images),
        ("tags", sizes.tags),
        ("publishing", sizes.publishing),
        ("other", sizes.other),
        ("free", sizes.free),
        ("log", sizes.wal),
        ("search", sizes.search_index),
        ("pictures", sizes.media),
    ] {
        outln!("  {part:<10} {}", human(bytes));
    }
    Ok(())
}

/// `db restore` when the library does not open: the backup replaces it, the file that did not
/// open is kept beside it.
pub fn restore_unopened(
    library: &std::path::Path,
    file: &std::path::Path,
    problem: &newsdesk_api::ApiError,
) -> Result<(), Failure> {
    let damaged = App::restore_unopened(library, file)?;
    outln!("the library did not open: {problem}");
    outln!("library restored from {}", file.display());
    if damaged.exists() {
        outln!("the library that did not open: {}", damaged.display());
    }
    Ok(())
}
