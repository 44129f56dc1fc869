use newsdesk_api::App;

use crate::args::DbCommand;
use crate::{Failure, output};

pub fn run(app: &App, command: DbCommand) -> Result<(), Failure> {
    match command {
        DbCommand::Check { json } => {
            let problems = app.check_library()?;
            if json {
                output::json(
                    &serde_json::json!({ "ok": problems.is_empty(), "problems": problems }),
                )?;
            } else if problems.is_empty() {
                println!("ok: {}", app.library_path().display());
            }
            if problems.is_empty() {
                Ok(())
            } else {
                for p in &problems {
                    eprintln!("{p}");
                }
                Err(Failure(format!(
                    "the library has {} problem(s)",
                    problems.len()
                )))
            }
        }
        DbCommand::Backup { file } => {
            app.backup_library(&file)?;
            println!("backup written to {}", file.display());
            Ok(())
        }
        DbCommand::Restore { file } => {
            app.restore_library(&file)?;
            println!("library restored from {}", file.display());
            Ok(())
        }
        DbCommand::Info { json } => {
            let info = app.library_info()?;
            if json {
                return output::json(&info);
            }
            println!("library   {}", info.path);
            println!("schema    {}", info.schema_version);
            println!("articles  {}", info.articles);
            for c in info.by_status.iter().filter(|c| c.count > 0) {
                println!("  {:<10} {}", c.status, c.count);
            }
            Ok(())
        }
    }
}
