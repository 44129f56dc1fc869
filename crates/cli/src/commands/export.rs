//! `newsdesk export`: one article to a file, or many into a folder with progress.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use newsdesk_api::{App, ExportFormat};
use newsdesk_model::{ArticleFilter, ExportReport};

use crate::Failure;
use crate::args_export::ExportArgs;
use crate::output;
use crate::output::outln;

pub fn run(app: &App, args: ExportArgs) -> Result<(), Failure> {
    let format = format_of(args.format.as_deref(), &args.output)?;
    let selection = args.status.is_some() || args.section.is_some() || args.tag.is_some();
    let one_file = !selection
        && args.ids.len() == 1
        && !args.output.is_dir()
        && !args.output.as_os_str().to_string_lossy().ends_with('/');
    let report = if one_file {
        let file = app.export_article(args.ids[0], format, &args.output, args.force)?;
        ExportReport {
            format: format.name().to_owned(),
            written: vec![file],
            failed: Vec::new(),
            cancelled: false,
        }
    } else {
        let tell = std::io::stderr().is_terminal() && !args.json;
        let progress = |p: &newsdesk_model::ExportProgress| {
            if tell {
                eprint!(
                    "\r\x1b[K[{}/{}] {}",
                    p.done,
                    p.total,
                    output::clean_line(&p.title)
                );
                if p.done == p.total {
                    eprintln!();
                }
            }
        };
        if selection {
            let filter = ArticleFilter {
                status: args.status,
                section: args.section.clone(),
                tag: args.tag.clone(),
                ..ArticleFilter::default()
            };
            app.export_selection(
                &filter,
                format,
                &args.output,
                args.force,
                progress,
                &AtomicBool::new(false),
            )?
        } else {
            app.export_articles(
                &args.ids,
                format,
                &args.output,
                args.force,
                progress,
                &AtomicBool::new(false),
            )?
        }
    };
    if args.json {
        output::json(&report)?;
    } else {
        for file in &report.written {
            outln!("{}", file.path);
        }
    }
    for failure in &report.failed {
        eprintln!(
            "newsdesk: article {} was not exported: {}",
            failure.id,
            output::clean_line(&failure.message.replace('\n', " "))
        );
    }
    if report.failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::Message(format!(
            "{} of {} articles were not exported",
            report.failed.len(),
            report.failed.len() + report.written.len()
        )))
    }
}

/// `--format`, or the format the target's extension names.
fn format_of(given: Option<&str>, target: &Path) -> Result<ExportFormat, Failure> {
    let name = match given {
        Some(name) => name.to_owned(),
        None => target
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .ok_or_else(|| {
                Failure::Message("say which format: --format md|html|pdf|ninjs|bundle".to_owned())
            })?,
    };
    Ok(name.parse().map_err(newsdesk_api::ApiError::from)?)
}
