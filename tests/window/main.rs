//! The real Newsdesk window under Xvfb, driven over WebDriver (tauri-driver + WebKitWebDriver).
//!
//! Ignored by a plain `cargo test`, because it needs the built app and a display; `make test`
//! runs it with `--ignored` under `dbus-run-session -- xvfb-run -a`. Run without that setup, it
//! fails and says what is missing: it never passes without having seen the window.
//!
//! `NEWSDESK_SCREENSHOT=1` also saves screenshots of the window into `docs/` (the ones in the
//! README): `screenshot.png` (the editor), `screenshot-library.png`, `screenshot-diff.png`,
//! `screenshot-images.png`.

mod desk;
mod dialogs;
mod editing;
mod export;
mod images;
mod publishing;
mod settings;
mod spelling;
mod tags;
mod tools;

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::elements::Element;
use newsdesk_e2e::Session;

const SEED_TITLE: &str = "Zweites Digitalisierungskabinett";
const LIST_TITLES: &str = ".article-list .article-title";
/// How long the window may take to show what a step expects (first start includes seeding).
const PATIENCE: Duration = Duration::from_secs(30);

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_newcomer_sees_the_seed_article_and_reads_it() {
    in_window(Duration::from_secs(90), scenario).await;
}

/// Starts the app on a fresh library, runs `scenario` within `limit` and stops the app; a
/// failure says what went wrong and what tauri-driver and the app wrote.
pub(crate) async fn in_window(
    limit: Duration,
    scenario: impl AsyncFnOnce(&Session) -> Result<(), String>,
) {
    let session = match Session::start().await {
        Ok(session) => session,
        Err(problem) => panic!("cannot start the app: {problem}"),
    };
    let outcome = tokio::time::timeout(limit, scenario(&session)).await;
    let log = session.driver_log();
    session.finish().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(problem)) => panic!("{problem}\n{log}"),
        Err(_) => panic!("the scenario did not finish within {limit:?}\n{log}"),
    }
}

/// As [`in_window`] for a scenario that restarts the app (and so owns the session): the
/// session it ends with is stopped; a failure says what went wrong and the app's log.
pub(crate) async fn in_restarted_windows(
    what: &str,
    limit: Duration,
    scenario: impl AsyncFnOnce(Session) -> Result<Session, editing::Failed>,
) {
    let session = match Session::start().await {
        Ok(session) => session,
        Err(problem) => panic!("cannot start the app: {problem}"),
    };
    match tokio::time::timeout(limit, scenario(session)).await {
        Ok(Ok(session)) => session.finish().await,
        Ok(Err((problem, log))) => panic!("{problem}\n{log}"),
        Err(_) => panic!("the {what} scenario did not finish within {limit:?}"),
    }
}

async fn scenario(session: &Session) -> Result<(), String> {
    let client = &session.client;

    // The demo articles are loaded into the new, empty library at first start.
    let seed = wait_for_title_in_list(session).await?;

    seed.click()
        .await
        .map_err(|e| format!("cannot click the seed article in the list: {e}"))?;

    // The rendered body in the live preview: the quote of the Markdown, as HTML from the core.
    // (Read by script: the preview re-renders while the editor settles, so an element handle
    // can go stale between finding and reading it.)
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let quote = client
            .execute(
                "return document.querySelector('.preview blockquote')?.innerText ?? ''",
                vec![],
            )
            .await
            .map_err(|e| format!("cannot read the preview: {e}"))?;
        if quote.as_str().is_some_and(|q| q.contains("Befürworter")) {
            break;
        }
        if tokio::time::Instant::now() > deadline {
            let page = body_text(session).await.unwrap_or_default();
            return Err(format!(
                "after clicking the seed article, its quote did not appear as a rendered \
                 <blockquote> in the preview within {PATIENCE:?}: {quote}\nThe window reads:\n{page}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let page = body_text(session).await?;
    for wanted in ["Digitalisierungskabinett", "Aktionsplan für das Jahr 2019"] {
        if !page.contains(wanted) {
            return Err(format!(
                "the opened article does not show {wanted:?}; the window reads:\n{page}"
            ));
        }
    }

    session.screenshot_for_docs("screenshot").await?;
    Ok(())
}

/// Waits until the list shows the seed article and returns its title element.
async fn wait_for_title_in_list(session: &Session) -> Result<Element, String> {
    let client = &session.client;
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let titles = client
            .find_all(Locator::Css(LIST_TITLES))
            .await
            .map_err(|e| format!("cannot query {LIST_TITLES}: {e}"))?;
        let mut seen = Vec::new();
        for title in titles {
            let text = title.text().await.unwrap_or_default();
            if text.trim() == SEED_TITLE {
                return Ok(title);
            }
            seen.push(text);
        }
        if tokio::time::Instant::now() > deadline {
            let page = body_text(session).await.unwrap_or_default();
            if page.contains("Could not connect to localhost") {
                return Err(format!(
                    "the app is a dev build: it loads the Vite dev server instead of the UI it \
                     should embed. Build it with --features newsdesk-app/custom-protocol after \
                     `npm run build` in ui/, as `make e2e` does. The window reads:\n{page}"
                ));
            }
            return Err(format!(
                "the article list ({LIST_TITLES}) did not show {SEED_TITLE:?} within \
                 {PATIENCE:?}; titles seen: {seen:?}. Is the app built with --features \
                 custom-protocol after `npm run build` in ui/? The window reads:\n{page}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text the window shows. Read by script: WebKitWebDriver's element text fails on some
/// of CodeMirror's nodes ("Cannot check the displayedness of a non-Element argument").
async fn body_text(session: &Session) -> Result<String, String> {
    let text = session
        .client
        .execute("return document.body.innerText", vec![])
        .await
        .map_err(|e| format!("cannot read the window's text: {e}"))?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_second_start_on_the_same_library_hands_over_to_the_first_window() {
    in_window(Duration::from_secs(90), second_start).await;
}

async fn second_start(session: &Session) -> Result<(), String> {
    // The first window is up (and so its single-instance name is taken).
    wait_for_title_in_list(session).await?;
    let library = session.library_path();
    let folder = library.parent().ok_or("the library has no folder")?;
    let mut second = std::process::Command::new(newsdesk_e2e::app_binary()?)
        .env("NEWSDESK_DB", &library)
        .env("XDG_CONFIG_HOME", folder.join("config"))
        .stdin(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the app a second time: {e}"))?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = second.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if tokio::time::Instant::now() > deadline {
            let _ = second.kill();
            let _ = second.wait();
            return Err(
                "a second start on the same library was still running after 20 s: \
                        it opened a second window instead of handing over to the first"
                    .into(),
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    if !status.success() {
        return Err(format!(
            "the second start should hand over and end quietly, it ended with {status}"
        ));
    }
    // The first window goes on as before.
    wait_for_title_in_list(session).await?;
    // A start on another library is not handed over: it opens its own window and runs on.
    let other = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut own = std::process::Command::new(newsdesk_e2e::app_binary()?)
        .env("NEWSDESK_DB", other.path().join("library.sqlite"))
        .env("XDG_CONFIG_HOME", other.path().join("config"))
        .stdin(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the app on another library: {e}"))?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let ended = own.try_wait().map_err(|e| e.to_string())?;
    let _ = own.kill();
    let _ = own.wait();
    if let Some(status) = ended {
        return Err(format!(
            "a start on another library must open its own window, but it ended ({status})"
        ));
    }
    let running = newsdesk_e2e::app_pids_on(&library)?;
    if running.len() != 1 {
        return Err(format!(
            "one app process on the library expected after the hand-over, found {running:?}"
        ));
    }
    Ok(())
}
