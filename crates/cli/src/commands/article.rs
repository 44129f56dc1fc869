use newsdesk_api::{App, ExportFormat};
use newsdesk_model::{Article, ArticleFilter, ImportReport, credit_label};

use crate::Failure;
use crate::args::{ArticleCommand, ListArgs};
use crate::output::{self, clean, clean_line, outln};

pub fn run(app: &App, command: ArticleCommand) -> Result<(), Failure> {
    match command {
        ArticleCommand::Import { paths, json } => {
            // Ids are printed as each batch is committed, so a script sees only stored ones.
            // Should the reader go away, the import still finishes: only the printing stops.
            let mut printing = !json;
            let report = app.import_paths_with(&paths, |a| {
                if printing && output::line(format_args!("{}", a.id)).is_err() {
                    printing = false;
                }
            })?;
            finish_import(&report, json)
        }
        ArticleCommand::Demo { json } => finish_import(&app.load_demo_articles()?, json),
        ArticleCommand::List(args) => list(app, args),
        ArticleCommand::Show { id, json, md } => {
            if md {
                output::text(&app.export_markdown(id)?)
            } else if json {
                output::json(&app.get_article(id)?)
            } else {
                show(&app.get_article(id)?)
            }
        }
        ArticleCommand::Export {
            id,
            format,
            output,
            force,
        } => {
            let format: ExportFormat = format.parse().map_err(newsdesk_api::ApiError::from)?;
            app.export_article(id, format, &output, force)?;
            Ok(())
        }
        ArticleCommand::History { id, json } => {
            let history = app.article_history(id)?;
            if json {
                return output::json(&history);
            }
            for r in history {
                outln!(
                    "{:>4}  {}  {:<10} {:>6} words  {}  {}",
                    r.revision,
                    r.saved_at.format("%Y-%m-%d %H:%M:%S"),
                    r.status,
                    r.words,
                    clean_line(&r.title),
                    if r.note.is_empty() {
                        String::new()
                    } else {
                        format!("({})", clean_line(&r.note))
                    }
                );
            }
            Ok(())
        }
        ArticleCommand::Embargo(args) => super::desk::embargo(app, &args),
        ArticleCommand::Correct { id, note, json } => super::desk::correct(app, id, &note, json),
        ArticleCommand::Set {
            id,
            slug,
            description,
            social_image,
            json,
        } => {
            let changes = newsdesk_api::AddressChanges {
                slug,
                description,
                social_image,
            };
            super::desk::set(app, id, &changes, json)
        }
        ArticleCommand::New(_)
        | ArticleCommand::Update { .. }
        | ArticleCommand::Status { .. }
        | ArticleCommand::Check { .. }
        | ArticleCommand::Diff { .. }
        | ArticleCommand::Stats { .. }
        | ArticleCommand::Related { .. }
        | ArticleCommand::Relate { .. }
        | ArticleCommand::Duplicate { .. }
        | ArticleCommand::Trash { .. }
        | ArticleCommand::Untrash { .. }
        | ArticleCommand::EmptyTrash => super::writing::run(app, command),
        ArticleCommand::Restore { id, revision, json } => {
            let article = app.restore_revision(id, revision)?;
            if json {
                output::json(&article)
            } else {
                outln!(
                    "article {id}: revision {revision} restored as revision {}",
                    article.revision
                );
                Ok(())
            }
        }
    }
}

fn finish_import(report: &ImportReport, json: bool) -> Result<(), Failure> {
    if json {
        output::json(report)?;
    }
    for skipped in &report.skipped {
        eprintln!("{}: skipped: {}", clean_line(&skipped.file), skipped.reason);
    }
    for failure in &report.failed {
        let file = clean_line(&failure.file);
        let message = clean_line(&failure.message);
        match failure.line {
            Some(line) => eprintln!("{file}:{line}: {message}"),
            None => eprintln!("{file}: {message}"),
        }
    }
    match report.failed.len() {
        0 => Ok(()),
        n => Err(Failure::Message(format!(
            "{n} of {} files not imported (see above); the others were stored",
            n + report.imported.len()
        ))),
    }
}

fn list(app: &App, args: ListArgs) -> Result<(), Failure> {
    let filter = ArticleFilter {
        status: args.status,
        section: args.section,
        tag: args.tag,
        since: args.since,
        until: args.until,
        limit: args.limit,
        offset: None,
        kind: args.kind,
        trashed: args.trashed.then_some(true),
    };
    let list = app.list_articles(&filter)?;
    if args.json {
        return output::json(&list);
    }
    for a in list {
        outln!(
            "{:>6}  {:<10} {:<10}  {}",
            a.id,
            a.status,
            output::date(a.date),
            output::headline(&a.kicker, &a.title)
        );
    }
    Ok(())
}

fn or_dash(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_empty() {
        "—".into()
    } else {
        clean_line(text)
    }
}

fn show(a: &Article) -> Result<(), Failure> {
    let c = &a.content;
    if !c.kicker.is_empty() {
        outln!("{}", clean_line(&c.kicker));
    }
    outln!("{}", clean_line(&c.title));
    outln!(
        "{} · {} · {} · {} · {} · revision {}",
        a.status,
        output::date(c.date),
        or_dash(&c.kind),
        or_dash(&c.section),
        or_dash(&c.author),
        a.revision
    );
    if !c.teaser.is_empty() {
        outln!("\n{}", clean(&c.teaser));
    }
    for image in &c.images {
        outln!("\n[Bild] {}", clean_line(&image.caption));
        if !image.credit.is_empty() {
            outln!("{}", credit_label(&clean_line(&image.credit)));
        }
    }
    if !c.body.is_empty() {
        outln!("\n{}", clean(c.body.trim_end()));
    }
    for link in &c.links {
        outln!("\n→ {} {}", clean_line(&link.title), clean_line(&link.url));
    }
    if !c.tags.is_empty() {
        outln!("\nStichwörter: {}", clean_line(&c.tags.join(", ")));
    }
    Ok(())
}
