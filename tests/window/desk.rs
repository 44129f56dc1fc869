//! What a news desk must get right, in the real window against a real WordPress: a Sperrfrist
//! set in the editor keeps the article off the portal (the Publish menu is refused in words), a
//! job queued meanwhile waits in the outbox as "Sperrfrist bis …", lifting the embargo in the
//! editor lets the app's outbox send it; a correction written in the editor reaches the same
//! post with the next publish.

use std::time::Duration;

use newsdesk_e2e::Session;
use newsdesk_e2e::portals::{Keyring, WordPress};
use serde_json::Value;

use crate::editing::{Failed, fail, js, unfold_fields, until};
use crate::publishing::{cli, publish_from_menu, ready_article, short_mark};

#[tokio::test]
#[ignore = "needs the built app, a display and WordPress; `make test` runs it"]
async fn an_embargo_and_a_correction_from_the_editor_reach_wordpress_right() {
    let keyring = Keyring::start();
    let wp = WordPress::shared();
    let env = vec![(
        "DBUS_SESSION_BUS_ADDRESS".to_string(),
        keyring.address.clone(),
    )];
    let session = match Session::start_with_env(env).await {
        Ok(session) => session,
        Err(problem) => panic!("cannot start the app: {problem}"),
    };
    let outcome =
        tokio::time::timeout(Duration::from_secs(200), scenario(&session, &keyring, &wp)).await;
    let log = session.driver_log();
    session.finish().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err((problem, log))) => panic!("{problem}\n{log}"),
        Err(_) => panic!("the desk scenario did not finish within 200 s\n{log}"),
    }
}

/// The article as the library holds it.
fn article(session: &Session, keyring: &Keyring, id: i64) -> Result<Value, Failed> {
    serde_json::from_str(&cli(
        session,
        keyring,
        &["article", "show", &id.to_string(), "--json"],
        "",
    )?)
    .map_err(|e| fail(session, format!("article show --json: {e}")))
}

/// Waits until `check` holds for the article as the library holds it.
async fn until_stored(
    session: &Session,
    keyring: &Keyring,
    id: i64,
    what: &str,
    check: impl Fn(&Value) -> bool,
) -> Result<Value, Failed> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let stored = article(session, keyring, id)?;
        if check(&stored) {
            return Ok(stored);
        }
        if tokio::time::Instant::now() > deadline {
            return Err(fail(session, format!("{what}: the library holds {stored}")));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Waits until WordPress holds a post titled `title` that `check` accepts.
async fn until_on_wordpress(
    session: &Session,
    wp: &WordPress,
    title: &str,
    what: &str,
    check: impl Fn(&Value) -> bool,
) -> Result<Value, Failed> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(post) = wp.posts_titled(title).into_iter().find(|p| check(p)) {
            return Ok(post);
        }
        if tokio::time::Instant::now() > deadline {
            return Err(fail(
                session,
                format!("{what}: WordPress has {:?}", wp.posts_titled(title)),
            ));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

async fn scenario(session: &Session, keyring: &Keyring, wp: &WordPress) -> Result<(), Failed> {
    until(
        session,
        "the article list",
        "return !!document.querySelector('.article-list .article-title')",
    )
    .await?;
    cli(
        session,
        keyring,
        &[
            "portal",
            "add",
            "wp",
            "--kind",
            "wordpress",
            "--url",
            &wp.url,
            "--user",
            &wp.user,
        ],
        &format!("{}\n", wp.password),
    )?;
    let title = format!("Haushalt unter Sperrfrist ({})", short_mark());
    let id = ready_article(session, keyring, &title)?;

    // The Sperrfrist, set in the editor: two days ahead, 10:00 local time.
    js(
        session,
        &format!("location.hash = '#/articles/{id}'; return true"),
    )
    .await?;
    unfold_fields(session).await?;
    until(
        session,
        "the Sperrfrist field",
        "return !!document.querySelector('input[name=embargo]')",
    )
    .await?;
    js(
        session,
        "const d = new Date(Date.now() + 2 * 86400000); const p = (n) => String(n).padStart(2, '0'); \
         const f = document.querySelector('input[name=embargo]'); \
         f.value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T10:00`; \
         f.dispatchEvent(new Event('change', { bubbles: true })); return true",
    )
    .await?;
    let stored = until_stored(session, keyring, id, "the embargo saved", |a| {
        a["embargo"].is_string()
    })
    .await?;
    let embargo = stored["embargo"].as_str().unwrap_or_default().to_string();

    // The Publish menu is refused in words naming the Sperrfrist; nothing reaches WordPress.
    publish_from_menu(session, id).await?;
    until(
        session,
        "the refusal naming the Sperrfrist",
        "return [...document.querySelectorAll('[role=alert]')].some((a) => a.innerText.includes('Sperrfrist'))",
    )
    .await?;
    if !wp.posts_titled(&title).is_empty() {
        return Err(fail(session, "an embargoed article reached WordPress"));
    }

    // A job queued for after the embargo waits in the outbox, saying until when.
    let later = chrono::DateTime::parse_from_rfc3339(&embargo)
        .map(|t| (t + chrono::Duration::days(1)).to_rfc3339())
        .map_err(|e| fail(session, format!("{embargo}: {e}")))?;
    cli(
        session,
        keyring,
        &[
            "publish",
            &id.to_string(),
            "--portal",
            "wp",
            "--schedule",
            &later,
        ],
        "",
    )?;
    js(session, "location.hash = '#/outbox'; return true").await?;
    until(
        session,
        "the held job with its Sperrfrist",
        &format!(
            "const row = document.querySelector('[data-article-id=\"{id}\"]'); \
             return !!row && row.innerText.includes('Sperrfrist bis')"
        ),
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-embargo")
        .await
        .map_err(|e| fail(session, e))?;
    if !wp.posts_titled(&title).is_empty() {
        return Err(fail(session, "the held job was sent"));
    }

    // Lifting the embargo in the editor: the app's outbox sends the job.
    js(
        session,
        &format!("location.hash = '#/articles/{id}'; return true"),
    )
    .await?;
    unfold_fields(session).await?;
    until(
        session,
        "the button that lifts the Sperrfrist",
        "return [...document.querySelectorAll('button')].some((b) => b.innerText.trim() === 'Sperrfrist aufheben')",
    )
    .await?;
    js(
        session,
        "[...document.querySelectorAll('button')].find((b) => b.innerText.trim() === 'Sperrfrist aufheben').click(); return true",
    )
    .await?;
    until_on_wordpress(session, wp, &title, "the released job's post", |p| {
        p["status"] == "future"
    })
    .await?;

    // A correction written in the editor goes out with the next publish, on the same post.
    until(
        session,
        "the correction field",
        "return !!document.querySelector('input[name=correction]')",
    )
    .await?;
    js(
        session,
        "const f = document.querySelector('input[name=correction]'); \
         f.value = 'Der Haushalt umfasst 12,1 Milliarden Euro.'; \
         f.dispatchEvent(new Event('input', { bubbles: true })); \
         [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === 'Korrektur hinzufügen').click(); \
         return true",
    )
    .await?;
    until_stored(session, keyring, id, "the correction stored", |a| {
        a["corrections"].as_array().is_some_and(|c| c.len() == 1)
    })
    .await?;
    publish_from_menu(session, id).await?;
    let post = until_on_wordpress(session, wp, &title, "the correction on the post", |p| {
        p["content"]["raw"]
            .as_str()
            .is_some_and(|c| c.contains("Korrektur am") && c.contains("12,1 Milliarden"))
    })
    .await?;
    if wp.posts_titled(&title).len() != 1 {
        return Err(fail(
            session,
            format!("the correction made a second post: {post}"),
        ));
    }
    Ok(())
}
