//! `article embargo`, `article correct`, `article set` and `image embargo`: what a news desk
//! must get right before an article leaves.

use newsdesk_api::{AddressChanges, App, parse_schedule};
use newsdesk_model::Article;

use crate::Failure;
use crate::args_desk::EmbargoArgs;
use crate::output::{self, clean_line, outln};

pub fn embargo(app: &App, args: &EmbargoArgs) -> Result<(), Failure> {
    let until = args.until.as_deref().map(parse_schedule).transpose()?;
    answer(&app.set_embargo(args.id, until)?, args.json)
}

pub fn correct(app: &App, id: i64, note: &str, json: bool) -> Result<(), Failure> {
    answer(&app.correct_article(id, note)?, json)
}

pub fn set(app: &App, id: i64, changes: &AddressChanges, json: bool) -> Result<(), Failure> {
    answer(&app.set_article_address(id, changes)?, json)
}

fn answer(article: &Article, json: bool) -> Result<(), Failure> {
    if json {
        output::json(article)
    } else {
        say(article)
    }
}

/// One line per field the desk set, so a script reading text sees what was stored.
fn say(article: &Article) -> Result<(), Failure> {
    let content = &article.content;
    match content.embargo {
        Some(until) => outln!(
            "article {}: embargo until {}",
            article.id,
            until.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ),
        None => outln!("article {}: no embargo", article.id),
    }
    if let Some(latest) = content.corrections.first() {
        outln!(
            "correction {}: {}",
            latest.at.format("%Y-%m-%d %H:%M"),
            clean_line(&latest.note)
        );
    }
    for (name, value) in [
        ("slug", &content.slug),
        ("description", &content.description),
        ("social_image", &content.social_image),
    ] {
        if !value.is_empty() {
            outln!("{name}: {}", clean_line(value));
        }
    }
    Ok(())
}

pub fn image_embargo(app: &App, args: &EmbargoArgs) -> Result<(), Failure> {
    let (id, json) = (args.id, args.json);
    let until = args.until.as_deref().map(parse_schedule).transpose()?;
    let image = app.set_image_embargo(id, until)?;
    if json {
        return output::json(&image);
    }
    match image.embargo {
        Some(until) => outln!(
            "picture {id}: embargo until {}",
            until.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ),
        None => outln!("picture {id}: no embargo"),
    }
    Ok(())
}
