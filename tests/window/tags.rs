//! Tag suggestions in the real window: the core's suggestions appear beside the tag field of
//! an untagged article, a click takes one into the tags (saved by the autosave, read back by
//! the CLI), and a dismissed one is not suggested for that article again.

use std::time::Duration;

use newsdesk_e2e::Session;
use serde_json::Value;

use crate::editing::{Failed, cli, fail, js, until};
use crate::in_window;

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn an_editor_takes_one_suggested_tag_and_dismisses_another() {
    in_window(Duration::from_secs(120), async |session| {
        scenario(session).await.map_err(|(problem, _log)| problem)
    })
    .await;
}

fn json(session: &Session, args: &[&str]) -> Result<Value, Failed> {
    let out = cli(session, args)?;
    serde_json::from_str(&out).map_err(|e| fail(session, format!("{}: {e}", args.join(" "))))
}

async fn scenario(session: &Session) -> Result<(), Failed> {
    until(
        session,
        "the article list",
        "return !!document.querySelector('.article-list .article-title')",
    )
    .await?;
    // The Düsseldorf sample of the demo articles has no tags yet.
    let list = json(session, &["article", "list", "--json"])?;
    let id = list
        .as_array()
        .and_then(|l| l.iter().find(|a| a["kicker"] == "Düsseldorf"))
        .and_then(|a| a["id"].as_i64())
        .ok_or_else(|| fail(session, format!("no Düsseldorf article in {list}")))?;
    js(
        session,
        &format!("location.hash = '#/articles/{id}'; return true"),
    )
    .await?;
    crate::editing::unfold_fields(session).await?;
    until(
        session,
        "suggestions beside the tag field, Düsseldorf among them",
        "return [...document.querySelectorAll('.suggestions button.take')] \
           .some(b => b.textContent.includes('Düsseldorf'))",
    )
    .await?;
    // Take "Düsseldorf"; dismiss the first other suggestion.
    let dismissed: String = serde_json::from_value(
        js(
            session,
            "const take = [...document.querySelectorAll('.suggestions button.take')]; \
             take.find(b => b.textContent.includes('Düsseldorf')).click(); \
             const other = [...document.querySelectorAll('.suggestions li')] \
               .find(li => !li.textContent.includes('Düsseldorf')); \
             const tag = other.querySelector('button.take').textContent.replace('+', '').trim(); \
             other.querySelector('button.hide').click(); \
             return tag",
        )
        .await?,
    )
    .map_err(|e| fail(session, format!("the dismissed tag: {e}")))?;
    // The autosave writes the taken tag; the CLI reads it from the library.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let article = json(session, &["article", "show", &id.to_string(), "--json"])?;
        let tags: Vec<String> = serde_json::from_value(article["tags"].clone()).unwrap_or_default();
        if tags.iter().any(|t| t == "Düsseldorf") {
            break;
        }
        if tokio::time::Instant::now() > deadline {
            return Err(fail(
                session,
                format!("the taken tag was not saved: {tags:?}"),
            ));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let suggested = json(
        session,
        &["tags", "suggest", &id.to_string(), "--json", "-k", "30"],
    )?;
    let again = suggested
        .as_array()
        .is_some_and(|l| l.iter().any(|s| s["tag"] == dismissed.as_str()));
    if again {
        return Err(fail(
            session,
            format!("the dismissed \"{dismissed}\" is suggested again: {suggested}"),
        ));
    }
    Ok(())
}
