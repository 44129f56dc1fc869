use newsdesk_api::{App, ExportFormat};
use newsdesk_model::{Article, ArticleFilter, ImportReport};

use crate::args::{ArticleCommand, ListArgs};
use crate::{Failure, output};

pub fn run(app: &App, command: ArticleCommand) -> Result<(), Failure> {
    match command {
        ArticleCommand::Import { paths, json } => {
            // Ids are printed as each batch is committed, so a script sees only stored ones.
            let report = app.import_paths_with(&paths, |a| {
                if !json {
                    println!("{}", a.id);
                }
            })?;
            finish_import(&report, json)
        }
        ArticleCommand::Demo { json } => finish_import(&app.load_demo_articles()?, json),
        ArticleCommand::List(args) => list(app, args),
        ArticleCommand::Show { id, json, md } => {
            if md {
                print!("{}", app.export_markdown(id)?);
                Ok(())
            } else if json {
                output::json(&app.get_article(id)?)
            } else {
                show(&app.get_article(id)?);
                Ok(())
            }
        }
        ArticleCommand::Export { id, format, output } => {
            let format: ExportFormat = format.parse()?;
            app.export_article(id, format, &output)?;
            Ok(())
        }
        ArticleCommand::History { id, json } => {
            let history = app.article_history(id)?;
            if json {
                return output::json(&history);
            }
            for r in history {
                println!(
                    "{:>4}  {}  {:<10} {:>6} words  {}  {}",
                    r.revision,
                    r.saved_at.format("%Y-%m-%d %H:%M:%S"),
                    r.status,
                    r.words,
                    r.title,
                    if r.note.is_empty() {
                        String::new()
                    } else {
                        format!("({})", r.note)
                    }
                );
            }
            Ok(())
        }
        ArticleCommand::Restore { id, revision, json } => {
            let article = app.restore_revision(id, revision)?;
            if json {
                output::json(&article)
            } else {
                println!(
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
    for failure in &report.failed {
        match failure.line {
            Some(line) => eprintln!("{}:{line}: {}", failure.file, failure.message),
            None => eprintln!("{}: {}", failure.file, failure.message),
        }
    }
    match report.failed.len() {
        0 => Ok(()),
        n => Err(Failure(format!(
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
    };
    let list = app.list_articles(&filter)?;
    if args.json {
        return output::json(&list);
    }
    for a in list {
        println!(
            "{:>6}  {:<10} {:<10}  {}",
            a.id,
            a.status,
            output::date(a.date),
            output::headline(&a.kicker, &a.title)
        );
    }
    Ok(())
}

fn show(a: &Article) {
    let c = &a.content;
    if !c.kicker.is_empty() {
        println!("{}", c.kicker);
    }
    println!("{}", c.title);
    println!(
        "{} · {} · {} · {} · {} · revision {}",
        a.status,
        output::date(c.date),
        if c.kind.is_empty() { "—" } else { &c.kind },
        if c.section.is_empty() {
            "—"
        } else {
            &c.section
        },
        if c.author.is_empty() {
            "—"
        } else {
            &c.author
        },
        a.revision
    );
    if !c.teaser.is_empty() {
        println!("\n{}", c.teaser);
    }
    for image in &c.images {
        println!("\n[Bild] {}", image.caption);
        if !image.credit.is_empty() {
            println!("Bildquelle: {}", image.credit);
        }
    }
    if !c.body.is_empty() {
        println!("\n{}", c.body.trim_end());
    }
    for link in &c.links {
        println!("\n→ {} {}", link.title, link.url);
    }
    if !c.tags.is_empty() {
        println!("\nStichwörter: {}", c.tags.join(", "));
    }
}
