//! Export from the real window: the Export menu on the open article writes the HTML page
//! (into the desk's export folder: WebDriver cannot drive the native save dialog), and the
//! file is the article in the portal's anatomy, without script.

use std::time::Duration;

use newsdesk_e2e::Session;

use crate::editing::{Failed, cli, fail, js, until};
use crate::in_window;

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn an_editor_exports_the_open_article_as_html() {
    in_window(Duration::from_secs(120), async |session| {
        scenario(session).await.map_err(|(problem, _log)| problem)
    })
    .await;
}

async fn scenario(session: &Session) -> Result<(), Failed> {
    until(
        session,
        "the article list",
        "return !!document.querySelector('.article-list .article-title')",
    )
    .await?;
    let list: serde_json::Value =
        serde_json::from_str(&cli(session, &["article", "list", "--json"])?)
            .map_err(|e| fail(session, format!("article list --json: {e}")))?;
    let id = list
        .as_array()
        .and_then(|l| {
            l.iter()
                .find(|a| a["title"] == "Zweites Digitalisierungskabinett")
        })
        .and_then(|a| a["id"].as_i64())
        .ok_or_else(|| fail(session, format!("no seed article in {list}")))?;
    js(
        session,
        &format!("location.hash = '#/articles/{id}'; return true"),
    )
    .await?;
    until(
        session,
        "the Export menu on the article",
        "return !!document.querySelector('.editor-page .export-toggle')",
    )
    .await?;
    js(
        session,
        "document.querySelector('.editor-page .export-toggle').click(); return true",
    )
    .await?;
    until(
        session,
        "the menu with its formats",
        "return !!document.querySelector('.export-menu [role=menuitem][data-format=html]')",
    )
    .await?;
    js(
        session,
        "document.querySelector('.export-menu [role=menuitem][data-format=html]').click(); return true",
    )
    .await?;
    until(
        session,
        "the window saying where it saved",
        "return (document.querySelector('.export-status')?.textContent ?? '').includes('.html')",
    )
    .await?;
    let folder = session.export_dir();
    let file = std::fs::read_dir(&folder)
        .map_err(|e| fail(session, format!("{}: {e}", folder.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .ok_or_else(|| fail(session, format!("no HTML file in {}", folder.display())))?;
    let page = std::fs::read_to_string(&file)
        .map_err(|e| fail(session, format!("{}: {e}", file.display())))?;
    for part in [
        "<h1>Zweites Digitalisierungskabinett</h1>",
        "Bildquelle: Thüringer Staatskanzlei",
        "Stichwörter: Politik, Thüringen",
    ] {
        if !page.contains(part) {
            return Err(fail(session, format!("the exported page lacks {part:?}")));
        }
    }
    if page.to_lowercase().contains("<script") {
        return Err(fail(session, "the exported page has a script"));
    }
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name != "2018-12-13-zweites-digitalisierungskabinett.html" {
        return Err(fail(
            session,
            format!("named {name}, not by date and title"),
        ));
    }
    Ok(())
}
