//! Settings in the real window: the editor switches the window to English and dark colours in
//! the settings view and zooms with Ctrl +; the CLI sees the same values in the library. The
//! app is killed, the CLI sets light colours meanwhile, and the next start is English and
//! light: the window takes its settings from the library, not from the webview's memory.

use std::time::Duration;

use newsdesk_e2e::Session;

use crate::editing::{Failed, cli, click, fail, js, until};

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn settings_chosen_in_the_window_survive_a_restart() {
    crate::in_restarted_windows("settings", Duration::from_secs(150), scenario).await;
}

/// Chooses `value` in the settings view's `<select id=setting-KEY>` as a user does: the
/// select's value changes and a change event follows.
pub(crate) async fn choose(session: &Session, key: &str, value: &str) -> Result<(), Failed> {
    click(session, &format!("#setting-{key}")).await?;
    js(
        session,
        &format!(
            "const s = document.getElementById('setting-{key}'); s.value = '{value}'; \
             s.dispatchEvent(new Event('change', {{ bubbles: true }})); return true"
        ),
    )
    .await?;
    Ok(())
}

async fn scenario(session: Session) -> Result<Session, Failed> {
    until(
        &session,
        "the German navigation",
        "return document.querySelector('a[href=\"#/settings\"]')?.innerText.trim() === 'Einstellungen'",
    )
    .await?;
    click(&session, "a[href=\"#/settings\"]").await?;
    until(
        &session,
        "the settings view",
        "return !!document.getElementById('setting-language')",
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-settings")
        .await
        .map_err(|e| fail(&session, e))?;
    choose(&session, "language", "en").await?;
    until(
        &session,
        "the window in English at once",
        "return document.documentElement.lang === 'en' && document.querySelector('h1')?.innerText === 'Settings'",
    )
    .await?;
    choose(&session, "theme", "dark").await?;
    until(
        &session,
        "the dark colours at once",
        "return document.documentElement.dataset.theme === 'dark' && getComputedStyle(document.documentElement).getPropertyValue('--paper').trim() === '#1c1c1e'",
    )
    .await?;
    // Ctrl + anywhere: the zoom steps up and the library keeps it.
    js(
        &session,
        "document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '+', ctrlKey: true, bubbles: true })); return true",
    )
    .await?;
    until(
        &session,
        "the zoom select at 110 %",
        "return document.getElementById('setting-zoom')?.value === '110'",
    )
    .await?;

    let listed = cli(&session, &["settings", "list", "--json"])?;
    let listed: serde_json::Value = serde_json::from_str(&listed)
        .map_err(|e| fail(&session, format!("settings list --json: {e}")))?;
    let value = |key: &str| {
        listed
            .as_array()
            .and_then(|all| all.iter().find(|s| s["key"] == key))
            .map(|s| s["value"].clone())
    };
    if value("language") != Some("en".into())
        || value("theme") != Some("dark".into())
        || value("zoom") != Some("110".into())
    {
        return Err(fail(
            &session,
            format!("the CLI does not see what the window chose: {listed}"),
        ));
    }

    // While the app is closed, the CLI changes the colours: the next start must take the
    // library's value over what the webview remembered (dark).
    session.kill_app().map_err(|e| fail(&session, e))?;
    cli(&session, &["settings", "set", "theme", "light"])?;
    let session = session.restart().await.map_err(|e| (e, String::new()))?;
    until(
        &session,
        "the English window after the restart",
        "return document.documentElement.lang === 'en' && document.querySelector('a[href=\"#/settings\"]')?.innerText.trim() === 'Settings' && !!document.querySelector('nav a[data-status=\"draft\"]')?.innerText.includes('Drafts')",
    )
    .await?;
    until(
        &session,
        "the library's light colours after the restart",
        "return document.documentElement.dataset.theme === 'light'",
    )
    .await?;
    Ok(session)
}
