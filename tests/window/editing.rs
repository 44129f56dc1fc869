//! Writing in the real window: a new article typed field by field, autosaved, the app killed
//! and started again — everything is there; search finds it by part of a compound; the
//! readiness list shrinks as fields are filled; hostile HTML in the body leaves no script in
//! the preview; a change made with the CLI meanwhile is offered as a conflict; an older
//! revision is restored from the diff view.

use std::time::Duration;

use fantoccini::Locator;
use newsdesk_e2e::Session;
use serde_json::Value;

const PATIENCE: Duration = Duration::from_secs(30);
const TITLE: &str = "Landtag berät Verwaltungsdigitalisierung";

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn an_editor_writes_an_article_and_nothing_is_lost() {
    crate::in_restarted_windows("editing", Duration::from_secs(240), scenario).await;
}

pub(crate) type Failed = (String, String);

pub(crate) fn fail(session: &Session, problem: impl Into<String>) -> Failed {
    (problem.into(), session.driver_log())
}

/// Runs JavaScript in the window and returns its value.
pub(crate) async fn js(session: &Session, script: &str) -> Result<Value, Failed> {
    session
        .client
        .execute(script, vec![])
        .await
        .map_err(|e| fail(session, format!("script failed: {e}\n{script}")))
}

/// Polls `script` until it returns `true`.
pub(crate) async fn until(session: &Session, what: &str, script: &str) -> Result<(), Failed> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        if js(session, script).await? == Value::Bool(true) {
            return Ok(());
        }
        if tokio::time::Instant::now() > deadline {
            let page = js(session, "return document.body.innerText").await?;
            return Err(fail(
                session,
                format!("{what} did not happen within {PATIENCE:?}; the window reads:\n{page}"),
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub(crate) async fn type_into(session: &Session, css: &str, text: &str) -> Result<(), Failed> {
    let field = session
        .client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .map_err(|e| fail(session, format!("no {css}: {e}")))?;
    field
        .send_keys(text)
        .await
        .map_err(|e| fail(session, format!("cannot type into {css}: {e}")))
}

/// Unfolds the editor's "Weitere Felder" (type, section, author, teaser, tags, pictures, …)
/// when they are folded; the window remembers the choice.
pub(crate) async fn unfold_fields(session: &Session) -> Result<(), Failed> {
    until(
        session,
        "the editor's fields",
        "return !!document.querySelector('.editor-page button.fold')",
    )
    .await?;
    js(
        session,
        "const b = document.querySelector('.editor-page button.fold'); \
         if (b.getAttribute('aria-expanded') === 'false') b.click(); return true",
    )
    .await?;
    until(
        session,
        "the unfolded fields",
        "return document.querySelector('.editor-page button.fold')?.getAttribute('aria-expanded') === 'true'",
    )
    .await
}

pub(crate) async fn click(session: &Session, css: &str) -> Result<(), Failed> {
    session
        .client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .map_err(|e| fail(session, format!("no {css}: {e}")))?
        .click()
        .await
        .map_err(|e| fail(session, format!("cannot click {css}: {e}")))
}

pub(crate) fn cli(session: &Session, args: &[&str]) -> Result<String, Failed> {
    let bin = newsdesk_e2e::cli_binary().map_err(|e| fail(session, e))?;
    let out = std::process::Command::new(bin)
        .arg("--db")
        .arg(session.library_path())
        .args(args)
        .output()
        .map_err(|e| fail(session, format!("the CLI does not run: {e}")))?;
    if !out.status.success() {
        return Err(fail(
            session,
            format!(
                "newsdesk {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn stored(session: &Session, id: i64) -> Result<Value, Failed> {
    let text = cli(session, &["article", "show", &id.to_string(), "--json"])?;
    serde_json::from_str(&text).map_err(|e| fail(session, format!("show --json: {e}")))
}

async fn blocking_problems(session: &Session) -> Result<i64, Failed> {
    Ok(js(
        session,
        "return document.querySelectorAll('[data-testid=readiness] li.warning').length",
    )
    .await?
    .as_i64()
    .unwrap_or(-1))
}

async fn scenario(session: Session) -> Result<Session, Failed> {
    // A new article from the navigation; the editor opens with the working title selected.
    until(
        &session,
        "the library list",
        "return document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-library")
        .await
        .map_err(|e| fail(&session, e))?;
    click(&session, ".new-article").await?;
    until(&session, "the editor", "return !!document.querySelector('input[name=title]') && document.activeElement === document.querySelector('input[name=title]')").await?;
    unfold_fields(&session).await?;
    until(
        &session,
        "the readiness list",
        "return document.querySelectorAll('[data-testid=readiness] li.warning').length >= 4",
    )
    .await?;
    let missing_at_start = blocking_problems(&session).await?;

    type_into(&session, "input[name=title]", TITLE).await?;
    type_into(&session, "input[name=kicker]", "Erfurt").await?;
    type_into(&session, "input[name=section]", "Politik").await?;
    type_into(&session, "input[name=author]", "ba").await?;
    type_into(
        &session,
        "textarea[name=teaser]",
        "Der Landtag berät das Gesetz zur Verwaltungsdigitalisierung in erster Lesung.",
    )
    .await?;
    type_into(&session, "input[name=tag]", "Landtag\u{e007}").await?;
    // Only the body is missing now (the list follows the typing, debounced).
    until(&session, "the readiness list to shrink to the body", "return [...document.querySelectorAll('[data-testid=readiness] li.warning')].map(li => li.dataset.field).join() === 'body'").await?;
    let after_fields = blocking_problems(&session).await?;
    click(&session, ".cm-content").await?;
    type_into(&session, ".cm-content", "Die Abgeordneten diskutierten \"digitale Akten\" - und mehr. <img src=x onerror=alert(1)> <script>alert(2)</script>").await?;
    until(
        &session,
        "readiness to clear",
        "return document.querySelectorAll('[data-testid=readiness] li.warning').length === 0",
    )
    .await?;
    if !(missing_at_start > after_fields && after_fields > 0) {
        return Err(fail(
            &session,
            format!(
                "the readiness list did not shrink field by field: {missing_at_start} → {after_fields} → 0"
            ),
        ));
    }

    // The preview is the core's sanitised HTML: the typed script and handler are gone.
    until(&session, "the preview to show the body", "return (document.querySelector('.preview .body')?.innerText ?? '').includes('Abgeordneten')").await?;
    let hostile = js(
        &session,
        "return document.querySelectorAll('.preview script, .preview [onerror]').length",
    )
    .await?;
    if hostile != 0 {
        return Err(fail(
            &session,
            format!("{hostile} script or onerror elements reached the preview"),
        ));
    }
    let quotes = js(
        &session,
        "return document.querySelector('.cm-content').innerText",
    )
    .await?;
    if !quotes
        .as_str()
        .is_some_and(|t| t.contains("„digitale Akten“") && t.contains(" – und"))
    {
        return Err(fail(
            &session,
            format!("German quotes and dash were not typed: {quotes}"),
        ));
    }

    // Autosaved: the library file has it, as the CLI reads it.
    let url = session
        .client
        .current_url()
        .await
        .map_err(|e| fail(&session, e.to_string()))?;
    let id: i64 = url
        .fragment()
        .and_then(|f| f.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| fail(&session, format!("no article id in {url}")))?;
    until(
        &session,
        "\"Gespeichert\" in the status bar",
        "return document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
    )
    .await?;
    let saved = stored(&session, id)?;
    if saved["title"] != TITLE
        || saved["kicker"] != "Erfurt"
        || !saved["body"]
            .as_str()
            .is_some_and(|b| b.contains("Abgeordneten"))
    {
        return Err(fail(
            &session,
            format!("what the window showed as saved is not in the library: {saved}"),
        ));
    }

    // Killed like a crash, started again: everything is there.
    session.kill_app().map_err(|e| fail(&session, e))?;
    let session = session.restart().await.map_err(|e| (e, String::new()))?;
    until(
        &session,
        "the list after the restart",
        "return document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    // Search by a part of the compound "Verwaltungsdigitalisierung".
    type_into(&session, "#search-box", "digitalisierung").await?;
    until(&session, "the search hit", &format!("return window.location.hash.startsWith('#/search') && document.querySelector('main').innerText.includes('{TITLE}')")).await?;
    js(
        &session,
        &format!("window.location.hash = '#/articles/{id}'; return true"),
    )
    .await?;
    until(&session, "the article after the restart", &format!("return document.querySelector('input[name=title]')?.value === '{TITLE}' && document.querySelector('input[name=kicker]')?.value === 'Erfurt' && (document.querySelector('.cm-content')?.innerText ?? '').includes('Abgeordneten')")).await?;

    // Changed with the CLI while open: the next save is offered as a conflict.
    let file = session.library_path().with_file_name("cli.md");
    std::fs::write(&file, "---\nkicker: Erfurt\ntitle: Von der Kommandozeile geändert\nsection: Politik\n---\nAnderer Text.\n")
        .map_err(|e| fail(&session, e.to_string()))?;
    cli(
        &session,
        &[
            "article",
            "update",
            &id.to_string(),
            file.to_str().unwrap_or_default(),
        ],
    )?;
    click(&session, ".cm-content").await?;
    type_into(&session, ".cm-content", " Noch ein Satz.").await?;
    until(
        &session,
        "the conflict choice",
        "return !!document.querySelector('.conflict .keep')",
    )
    .await?;
    click(&session, ".conflict .keep").await?;
    until(
        &session,
        "keep-mine to save",
        "return document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
    )
    .await?;
    let history = cli(&session, &["article", "history", &id.to_string(), "--json"])?;
    if !history.contains("Von der Kommandozeile geändert")
        || stored(&session, id)?["title"] != TITLE
    {
        return Err(fail(
            &session,
            format!("both versions must be in the history, mine current: {history}"),
        ));
    }

    // Restore the first revision from the diff view.
    click(&session, "button.compare[data-revision='1']").await?;
    until(
        &session,
        "the diff",
        "return !!document.querySelector('[data-testid=diff] del, [data-testid=diff] ins')",
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-diff")
        .await
        .map_err(|e| fail(&session, e))?;
    click(&session, "[data-testid=diff] .restore").await?;
    until(
        &session,
        "the restored title",
        "return document.querySelector('input[name=title]')?.value === 'Neuer Artikel'",
    )
    .await?;
    if stored(&session, id)?["title"] != "Neuer Artikel" {
        return Err(fail(&session, "the restore did not reach the library"));
    }
    Ok(session)
}
