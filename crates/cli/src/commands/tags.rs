use newsdesk_api::App;
use newsdesk_model::{EvalReport, SuggestionVerdict, TagSuggestion};

use crate::Failure;
use crate::args_tags::TagsCommand;
use crate::output::{self, outln};

pub fn run(app: &App, command: TagsCommand) -> Result<(), Failure> {
    match command {
        TagsCommand::Suggest {
            id,
            file,
            image,
            k,
            json,
        } => {
            let suggestions = match (id, file, image) {
                (_, Some(file), _) => app.suggest_tags_for_file(&file, k)?,
                (_, _, Some(image)) => app.suggest_image_tags(image, k)?,
                (Some(id), _, _) => app.suggest_tags(id, k)?,
                (None, None, None) => {
                    return Err(Failure::Message(
                        "name an article, --file or --image".into(),
                    ));
                }
            };
            show_suggestions(&suggestions, json)
        }
        TagsCommand::Accept { id, tags, image } => {
            if image {
                app.decide_image_tags(id, &tags, SuggestionVerdict::Accepted)?;
                outln!("picture {id}: keywords added: {}", tags.join(", "));
            } else {
                let article = app.accept_tags(id, &tags)?;
                outln!(
                    "article {id} (revision {}): {}",
                    article.revision,
                    article.content.tags.join(", ")
                );
            }
            Ok(())
        }
        TagsCommand::Reject { id, tags, image } => {
            if image {
                app.decide_image_tags(id, &tags, SuggestionVerdict::Rejected)?;
            } else {
                app.reject_tags(id, &tags)?;
            }
            outln!("not suggested again for {id}: {}", tags.join(", "));
            Ok(())
        }
        TagsCommand::Eval {
            library: true,
            k,
            json,
            ..
        } => show_eval(&app.evaluate_tags_on_library(&k)?, json),
        command @ TagsCommand::Eval { .. } => eval_without_library(command),
    }
}

/// `tags eval DIR`: a keyphrase set needs no library.
pub fn eval_without_library(command: TagsCommand) -> Result<(), Failure> {
    match command {
        TagsCommand::Eval {
            dir: Some(dir),
            predictions,
            k,
            json,
            library: false,
        } => show_eval(
            &newsdesk_api::evaluate_tags_on_dir(&dir, &k, predictions.as_deref())?,
            json,
        ),
        _ => Err(Failure::Message(
            "name a keyphrase folder, or --library".into(),
        )),
    }
}

fn show_suggestions(suggestions: &[TagSuggestion], json: bool) -> Result<(), Failure> {
    if json {
        return output::json(&suggestions);
    }
    for s in suggestions {
        outln!("{:<36} {:>6.3}  {}", s.tag, s.score, s.reason);
    }
    Ok(())
}

fn show_eval(report: &EvalReport, json: bool) -> Result<(), Failure> {
    if json {
        return output::json(report);
    }
    outln!("documents: {}", report.documents);
    for at in &report.at {
        outln!(
            "@{:<3} precision {:.3}  recall {:.3}  F1 {:.3}",
            at.k,
            at.precision,
            at.recall,
            at.f1
        );
    }
    outln!("{:.2} ms per document", report.ms_per_document);
    Ok(())
}
