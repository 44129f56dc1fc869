//! Publishing from the real window to a real WordPress: the Publish menu sends the open
//! article (the app's outbox on its own thread), the post arrives once; then the app is
//! killed while WordPress has acted on a create whose answer never came, started again, and
//! its outbox finishes — the article is on the portal exactly once; a colleague's change on
//! WordPress then stops the next publish as a conflict, shown in three versions in the
//! outbox, and "Meine Fassung senden" settles it.

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use newsdesk_e2e::Session;
use newsdesk_e2e::portals::proxy::{Fault, FaultProxy};
use newsdesk_e2e::portals::{Keyring, WordPress, unique_name};
use serde_json::Value;

use crate::editing::{Failed, fail, js, until};

const CREATE: &str = "POST /wp-json/wp/v2/posts ";

#[tokio::test]
#[ignore = "needs the built app, a display and WordPress; `make test` runs it"]
async fn an_editor_publishes_and_a_killed_app_finishes_its_outbox() {
    let keyring = Keyring::start();
    let wp = WordPress::shared();
    let proxy = FaultProxy::start(&wp.url);
    let env = vec![
        (
            "DBUS_SESSION_BUS_ADDRESS".to_string(),
            keyring.address.clone(),
        ),
        ("NEWSDESK_RETRY_BASE_MS".to_string(), "200".to_string()),
        ("NEWSDESK_RETRY_CAP_MS".to_string(), "1000".to_string()),
    ];
    let session = match Session::start_with_env(env).await {
        Ok(session) => session,
        Err(problem) => panic!("cannot start the app: {problem}"),
    };
    let outcome = tokio::time::timeout(
        Duration::from_secs(240),
        scenario(session, &keyring, &wp, &proxy),
    )
    .await;
    match outcome {
        Ok(Ok(session)) => session.finish().await,
        Ok(Err((problem, log))) => panic!("{problem}\n{log}"),
        Err(_) => panic!("the publishing scenario did not finish within 240 s"),
    }
}

/// The CLI on the window's library and keyring, `input` on stdin.
pub(crate) fn cli(
    session: &Session,
    keyring: &Keyring,
    args: &[&str],
    input: &str,
) -> Result<String, Failed> {
    let bin = newsdesk_e2e::cli_binary().map_err(|e| fail(session, e))?;
    let mut child = std::process::Command::new(bin)
        .arg("--db")
        .arg(session.library_path())
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &keyring.address)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(session, format!("the CLI does not run: {e}")))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.as_bytes());
    }
    let out = child
        .wait_with_output()
        .map_err(|e| fail(session, format!("the CLI did not end: {e}")))?;
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

/// A ready article (no picture) in the library; returns its id.
pub(crate) fn ready_article(
    session: &Session,
    keyring: &Keyring,
    title: &str,
) -> Result<i64, Failed> {
    let file = session
        .library_path()
        .with_file_name(format!("{}.md", unique_name()));
    std::fs::write(
        &file,
        format!(
            "---\nkicker: Erfurt\ntitle: \"{title}\"\ntype: Meldung\nsection: Politik\n\
             date: 2024-04-18\nauthor: ba\nteaser: Das Landeskabinett hat die Novelle des \
             E-Government-Gesetzes beschlossen.\ntags: [Thüringen, E-Government]\n---\n\
             Die interkommunale Zusammenarbeit soll gestärkt werden.\n"
        ),
    )
    .map_err(|e| fail(session, e.to_string()))?;
    let path = file.to_string_lossy().into_owned();
    let report: Value = serde_json::from_str(&cli(
        session,
        keyring,
        &["article", "import", &path, "--json"],
        "",
    )?)
    .map_err(|e| fail(session, format!("import --json: {e}")))?;
    report["imported"][0]["id"]
        .as_i64()
        .ok_or_else(|| fail(session, format!("nothing imported: {report}")))
}

/// A few characters that make a title unique on the shared WordPress (and still read well
/// in the screenshot of the outbox).
pub(crate) fn short_mark() -> String {
    let name = unique_name();
    format!("Nr. {}", &name[name.len().saturating_sub(6)..])
}

/// The id of the article titled `title` in the library.
fn list_id(session: &Session, keyring: &Keyring, title: &str) -> Result<i64, Failed> {
    let list: Value =
        serde_json::from_str(&cli(session, keyring, &["article", "list", "--json"], "")?)
            .map_err(|e| fail(session, format!("article list --json: {e}")))?;
    list.as_array()
        .and_then(|l| l.iter().find(|a| a["title"] == title))
        .and_then(|a| a["id"].as_i64())
        .ok_or_else(|| fail(session, format!("no “{title}” in {list}")))
}

/// Opens article `id` and chooses "Jetzt veröffentlichen" in its Publish menu.
pub(crate) async fn publish_from_menu(session: &Session, id: i64) -> Result<(), Failed> {
    js(
        session,
        &format!("location.hash = '#/articles/{id}'; return true"),
    )
    .await?;
    until(
        session,
        "the Publish menu on the article",
        "return !!document.querySelector('.editor-page .publish-toggle:not([disabled])')",
    )
    .await?;
    js(
        session,
        "document.querySelector('.editor-page .publish-toggle').click(); return true",
    )
    .await?;
    until(
        session,
        "the menu with the portal chosen",
        "return !!document.querySelector('.publish-menu [data-action=publish]:not([disabled])')",
    )
    .await?;
    js(
        session,
        "document.querySelector('.publish-menu [data-action=publish]').click(); return true",
    )
    .await?;
    Ok(())
}

async fn scenario(
    session: Session,
    keyring: &Keyring,
    wp: &WordPress,
    proxy: &FaultProxy,
) -> Result<Session, Failed> {
    until(
        &session,
        "the article list",
        "return !!document.querySelector('.article-list .article-title')",
    )
    .await?;
    cli(
        &session,
        keyring,
        &[
            "portal",
            "add",
            "wp",
            "--kind",
            "wordpress",
            "--url",
            &proxy.url,
            "--user",
            &wp.user,
            "--timeout",
            "3",
        ],
        &format!("{}\n", wp.password),
    )?;

    // Published from the window: the status says so and the post is there, once.
    let first = format!("Landtag berät das E-Government-Gesetz ({})", short_mark());
    let id = ready_article(&session, keyring, &first)?;
    publish_from_menu(&session, id).await?;
    until(
        &session,
        "“Veröffentlicht” beside the menu",
        "return (document.querySelector('.publish-status')?.textContent ?? '').includes('Veröffentlicht')",
    )
    .await?;
    let posts = wp.posts_titled(&first);
    if posts.len() != 1 || posts[0]["status"] != "publish" {
        return Err(fail(
            &session,
            format!("expected one public post, WordPress has {posts:?}"),
        ));
    }

    // WordPress creates the second post, its answer hangs; the app is killed meanwhile.
    let second = format!(
        "Kommunen starten gemeinsames Serviceportal ({})",
        short_mark()
    );
    let id = ready_article(&session, keyring, &second)?;
    proxy.fail(CREATE, Fault::ActThenStall(Duration::from_secs(60)), 1);
    publish_from_menu(&session, id).await?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while !proxy
        .seen()
        .iter()
        .any(|(_, fault)| matches!(fault, Some(Fault::ActThenStall(_))))
    {
        if tokio::time::Instant::now() > deadline {
            return Err(fail(
                &session,
                format!("the create never came: {:?}", proxy.seen()),
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await; // WordPress has acted
    session.kill_app().map_err(|e| fail(&session, e))?;
    let jobs: Value =
        serde_json::from_str(&cli(&session, keyring, &["outbox", "list", "--json"], "")?)
            .map_err(|e| fail(&session, format!("outbox list --json: {e}")))?;
    if !jobs
        .as_array()
        .is_some_and(|j| j.iter().any(|j| j["state"] == "sending"))
    {
        return Err(fail(
            &session,
            format!("the app was not killed mid-send: {jobs}"),
        ));
    }
    proxy.heal();
    let session = session.restart().await.map_err(|e| (e, String::new()))?;
    until(
        &session,
        "the window after the restart",
        "return !!document.querySelector('.article-list .article-title')",
    )
    .await?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let jobs: Value =
            serde_json::from_str(&cli(&session, keyring, &["outbox", "list", "--json"], "")?)
                .map_err(|e| fail(&session, format!("outbox list --json: {e}")))?;
        if jobs
            .as_array()
            .is_some_and(|j| j.iter().all(|j| j["state"] == "done"))
        {
            break;
        }
        if tokio::time::Instant::now() > deadline {
            return Err(fail(&session, format!("the outbox did not finish: {jobs}")));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let posts = wp.posts_titled(&second);
    if posts.len() != 1 {
        return Err(fail(
            &session,
            format!(
                "the article is on WordPress {} times, not once: {posts:?}",
                posts.len()
            ),
        ));
    }
    // A colleague retitles the first post on WordPress; publishing it again from the window
    // stops with the conflict, whose three versions the outbox shows; keeping mine sends it.
    let post_id = wp.posts_titled(&first)[0]["id"].to_string();
    tokio::time::sleep(Duration::from_millis(1100)).await; // WordPress stamps by the second
    let theirs = format!("Erfurt: {first} (am Desk korrigiert)");
    let (status, _) = wp.rest(
        "POST",
        &format!("/posts/{post_id}"),
        Some(&serde_json::json!({ "title": theirs })),
    );
    if status != 200 {
        return Err(fail(
            &session,
            format!("the colleague's edit was refused: {status}"),
        ));
    }
    let first_id = list_id(&session, keyring, &first)?;
    publish_from_menu(&session, first_id).await?;
    until(
        &session,
        "“Konflikt” beside the menu",
        "return (document.querySelector('.publish-status')?.textContent ?? '').includes('Konflikt')",
    )
    .await?;
    js(
        &session,
        "document.querySelector('.publish-status a').click(); return true",
    )
    .await?;
    until(
        &session,
        "the three versions of the title in the outbox",
        &format!(
            "const f = document.querySelector('.conflict [data-field=title]'); \
             return !!f && f.querySelector('[data-version=remote]').textContent.includes({})",
            serde_json::to_string(&theirs).unwrap_or_default()
        ),
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-outbox")
        .await
        .map_err(|e| fail(&session, e))?;
    js(
        &session,
        "document.querySelector('.conflict [data-choice=keep_mine]').click(); return true",
    )
    .await?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let (_, post) = wp.rest("GET", &format!("/posts/{post_id}?context=edit"), None);
        if post["title"]["raw"] == format!("Erfurt: {first}") {
            break;
        }
        if tokio::time::Instant::now() > deadline {
            return Err(fail(
                &session,
                format!("mine did not arrive: {}", post["title"]),
            ));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // The app's own output (what tauri-driver logged of it) never shows the secret.
    if session.driver_log().contains(&wp.password) {
        return Err(fail(&session, "the app's log holds the portal's secret"));
    }
    Ok(session)
}
