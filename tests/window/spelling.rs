//! Spelling in the real window: WebKitGTK checks the body in German once the app switched it
//! on (the library's `spelling_languages`). A correct sentence gets no mark; misspelt words get
//! WebKit's red underline, found in a screenshot of the body (WebKit offers no way to read
//! the marks from the page).

use std::time::Duration;

use newsdesk_e2e::Session;

use crate::editing::{Failed, click, fail, type_into, until};

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_misspelt_german_word_is_marked_in_the_body() {
    crate::in_window(Duration::from_secs(120), async |session| {
        scenario(session).await.map_err(|(problem, _)| problem)
    })
    .await;
}

/// How many pixels of the body look like WebKit's spelling mark (a light red, about
/// (254, 128, 127); the body's own colours have none).
async fn red_pixels(session: &Session) -> Result<usize, Failed> {
    // The whole window's screenshot, cut to the body's box (an element's own screenshot comes
    // back black from WebKitWebDriver under Xvfb).
    let png = session
        .client
        .screenshot()
        .await
        .map_err(|e| fail(session, format!("no screenshot of the window: {e}")))?;
    if let Some(dir) = std::env::var_os("NEWSDESK_SPELLING_SHOTS") {
        let _ = std::fs::write(std::path::Path::new(&dir).join("window.png"), &png);
    }
    let bounds = crate::editing::js(
        session,
        "const r = document.querySelector('.cm-content').getBoundingClientRect(); \
         const s = window.devicePixelRatio || 1; \
         return [r.left * s, r.top * s, r.width * s, r.height * s].map(Math.round)",
    )
    .await?;
    let at = |i: usize| bounds[i].as_u64().unwrap_or(0) as u32;
    let window = image::load_from_memory(&png)
        .map_err(|e| fail(session, format!("the screenshot is no picture: {e}")))?
        .to_rgb8();
    let body = image::imageops::crop_imm(&window, at(0), at(1), at(2), at(3)).to_image();
    Ok(body
        .pixels()
        .filter(|p| p[0] > 200 && p[0] - p[1] > 80 && p[0] - p[2] > 80)
        .count())
}

/// Waits until the body shows `wanted` marks (`true`: some; `false`: none for 3 s).
async fn wait_for_marks(session: &Session, wanted: bool, what: &str) -> Result<usize, Failed> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    let mut calm_since = tokio::time::Instant::now();
    loop {
        let red = red_pixels(session).await?;
        if wanted && red > 0 {
            return Ok(red);
        }
        if !wanted && red > 0 {
            calm_since = tokio::time::Instant::now();
        }
        if !wanted && calm_since.elapsed() > Duration::from_secs(3) {
            return Ok(red);
        }
        if tokio::time::Instant::now() > deadline {
            return Err(fail(
                session,
                format!("{what}: {red} red pixels in the body after 15 s"),
            ));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

async fn scenario(session: &Session) -> Result<(), Failed> {
    until(
        session,
        "the list",
        "return document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    // The log at its most detailed while an article is written: no word of it may reach the log.
    click(session, "a[href=\"#/settings\"]").await?;
    until(
        session,
        "the settings view",
        "return !!document.getElementById('setting-log_level')",
    )
    .await?;
    crate::settings::choose(session, "log_level", "debug").await?;
    click(session, ".new-article").await?;
    click(session, ".cm-content").await?;
    type_into(
        session,
        ".cm-content",
        "Der Landtag berät heute über den Haushalt. ",
    )
    .await?;
    wait_for_marks(session, false, "a correct German sentence is marked").await?;
    type_into(
        session,
        ".cm-content",
        "Die Abgeordnetten diskutierten den Hausshalt. ",
    )
    .await?;
    let red = wait_for_marks(session, true, "the misspelt words are not marked").await?;
    eprintln!("spelling: {red} pixels of WebKit's mark under two misspelt words");

    // What was typed was saved; the log holds the saves but not a word of the text.
    click(session, "a[href=\"#/tools\"]").await?;
    until(
        session,
        "the log in the Diagnose view, with a line written at debug level",
        "const log = document.querySelector('#tool-diagnose')?.closest('section').querySelector('textarea'); \
         return !!log && log.value.includes('Newsdesk starts')",
    )
    .await?;
    let log = crate::editing::js(
        session,
        "return document.querySelector('#tool-diagnose').closest('section').querySelector('textarea').value",
    )
    .await?;
    let log = log.as_str().unwrap_or_default();
    for typed in ["Abgeordnetten", "Haushalt", "Landtag berät"] {
        if log.contains(typed) {
            return Err(fail(
                session,
                format!("the log holds the article's text ({typed:?}):\n{log}"),
            ));
        }
    }
    Ok(())
}
