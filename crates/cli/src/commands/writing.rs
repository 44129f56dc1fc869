//! The writing commands: new, update, status, check, diff, stats, related, duplicate, trash.

use newsdesk_api::{ApiError, App};
use newsdesk_model::{Article, ArticleContent, DiffKind, Status};

use crate::Failure;
use crate::args::{ArticleCommand, NewArgs};
use crate::output::{self, clean, clean_line, outln};

pub fn run(app: &App, command: ArticleCommand) -> Result<(), Failure> {
    match command {
        ArticleCommand::New(args) => new(app, args),
        ArticleCommand::Update {
            id,
            file,
            expect_revision,
            json,
        } => match app.update_from_file(id, &file, expect_revision) {
            Ok(article) => saved(&article, json),
            Err(err) if err.is_conflict() => Err(Failure::Conflict(err.to_string())),
            Err(err) => Err(err.into()),
        },
        ArticleCommand::Status { id, status, json } => {
            let status: Status = status
                .parse()
                .map_err(|e| Failure::Message(format!("{e}")))?;
            match app.set_status(id, status) {
                Ok(article) if json => output::json(&article),
                Ok(article) => {
                    outln!(
                        "article {id} is {} (revision {})",
                        article.status,
                        article.revision
                    );
                    Ok(())
                }
                Err(ApiError::NotReady { problems, .. }) => {
                    for p in &problems {
                        eprintln!("{}: {}", p.field, clean_line(&p.problem));
                    }
                    Err(Failure::Message(format!(
                        "article {id} cannot be ready: {} thing(s) missing (see above)",
                        problems.len()
                    )))
                }
                Err(err) => Err(err.into()),
            }
        }
        ArticleCommand::Check { id, json } => {
            let problems = app.check_article(id)?;
            if json {
                return output::json(&problems);
            }
            if problems.is_empty() {
                outln!("article {id} is ready for the portal");
            }
            for p in problems {
                let mark = if p.blocking { "missing" } else { "hint" };
                outln!("{mark:<8} {:<18} {}", p.field, clean_line(&p.problem));
            }
            Ok(())
        }
        ArticleCommand::Diff { id, from, to, json } => {
            let diff = app.diff_revisions(id, from, to)?;
            if json {
                return output::json(&diff);
            }
            if diff.fields.is_empty() {
                outln!("revisions {from} and {to} of article {id} are the same");
            }
            for field in diff.fields {
                outln!("── {} ──", field.field);
                let mut line = String::new();
                for segment in field.segments {
                    let text = clean(&segment.text);
                    match segment.kind {
                        DiffKind::Equal => line.push_str(&text),
                        DiffKind::Delete => line.push_str(&format!("[-{text}-]")),
                        DiffKind::Insert => line.push_str(&format!("{{+{text}+}}")),
                    }
                }
                outln!("{}", line.trim_end());
            }
            Ok(())
        }
        ArticleCommand::Stats { id, json } => {
            let stats = app.article_stats(id)?;
            if json {
                return output::json(&stats);
            }
            outln!(
                "{} words · {} characters · {} min reading · readability {} (Flesch–Amstad, 0 hard – 100 easy)",
                stats.words,
                stats.characters,
                stats.reading_minutes,
                stats
                    .readability
                    .map_or("—".to_string(), |r| format!("{r:.1}"))
            );
            outln!(
                "title {} characters · teaser {} of {} characters",
                stats.title_characters,
                stats.teaser_characters,
                stats.teaser_limit
            );
            for s in stats.long_sentences {
                outln!("long sentence ({} words): {}", s.words, clean_line(&s.text));
            }
            Ok(())
        }
        ArticleCommand::Related { id, k, json } => {
            let related = app.related_articles(id, k)?;
            if json {
                return output::json(&related);
            }
            for r in related {
                outln!(
                    "{:>6}  {:>6.2}  {}",
                    r.id,
                    r.score,
                    output::headline(&r.kicker, &r.title)
                );
            }
            Ok(())
        }
        ArticleCommand::Relate { id, related } => {
            let article = app.set_related(id, &related)?;
            outln!("article {id}: related {:?}", article.related);
            Ok(())
        }
        ArticleCommand::Duplicate { id, json } => saved(&app.duplicate_article(id)?, json),
        ArticleCommand::Trash { id } => {
            app.trash_article(id)?;
            outln!("article {id} is in the trash (newsdesk article untrash {id} takes it out)");
            Ok(())
        }
        ArticleCommand::Untrash { id } => {
            app.untrash_article(id)?;
            outln!("article {id} is back from the trash");
            Ok(())
        }
        ArticleCommand::EmptyTrash => {
            let n = app.empty_trash()?;
            outln!("{n} article(s) deleted for good");
            Ok(())
        }
        other => Err(Failure::Message(format!(
            "internal: '{}' is not a writing command",
            other.name()
        ))),
    }
}

fn new(app: &App, args: NewArgs) -> Result<(), Failure> {
    let body = match &args.body_file {
        Some(path) => app.read_text_file(path)?,
        None => String::new(),
    };
    let content = ArticleContent {
        title: args.title,
        kicker: args.kicker.unwrap_or_default(),
        section: args.section.unwrap_or_default(),
        kind: args.kind.unwrap_or_default(),
        author: args.author.unwrap_or_default(),
        teaser: args.teaser.unwrap_or_default(),
        body,
        ..Default::default()
    };
    let article = app.create_article(&content)?;
    if args.json {
        output::json(&article)
    } else {
        outln!("{}", article.id);
        Ok(())
    }
}

fn saved(article: &Article, json: bool) -> Result<(), Failure> {
    if json {
        output::json(article)
    } else {
        outln!(
            "article {} saved as revision {}",
            article.id,
            article.revision
        );
        Ok(())
    }
}
