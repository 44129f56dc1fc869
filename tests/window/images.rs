//! The image library in the real window: pictures imported (by the CLI, into the library the
//! window has open) appear as thumbnails served by the core, a credit preset applied to a
//! selection lands in the library, and a picture placed in an article shows in the preview
//! with its "Bildquelle".

use std::path::PathBuf;
use std::time::Duration;

use newsdesk_e2e::Session;
use serde_json::Value;

use crate::editing::{Failed, cli, click, fail, js, until};
use crate::in_window;

const PRESET: &str = "Thüringer Staatskanzlei";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/media/tests/fixtures/made")
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_photo_editor_credits_pictures_and_an_editor_places_one() {
    // The driver's log comes with any failure (in_window adds it).
    in_window(Duration::from_secs(180), async |session| {
        scenario(session).await.map_err(|(problem, _log)| problem)
    })
    .await;
}

async fn scenario(session: &Session) -> Result<(), Failed> {
    // The demo articles are in; now a folder of pictures, two without any credit.
    until(
        session,
        "the article list",
        "return !!document.querySelector('.article-list .article-title')",
    )
    .await?;
    let folder = fixtures();
    let imported = cli(
        session,
        &["image", "import", &folder.display().to_string(), "--json"],
    )?;
    let imported: Value = serde_json::from_str(&imported)
        .map_err(|e| fail(session, format!("image import --json: {e}")))?;
    let count = imported.as_array().map_or(0, Vec::len);
    if count < 5 {
        return Err(fail(
            session,
            format!("the fixtures imported only {count} pictures"),
        ));
    }

    js(session, "location.hash = '#/images'; return true").await?;
    // Every visible thumbnail is a real picture the core served (decoded by WebKit).
    until(
        session,
        "thumbnails of the imported pictures",
        "const imgs = [...document.querySelectorAll('.cell img')]; \
         return imgs.length >= 5 && imgs.every(i => i.complete && i.naturalWidth > 0)",
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-images")
        .await
        .map_err(|e| fail(session, e))?;

    // Select the first two pictures (click, Ctrl+click) and apply the preset to both.
    js(
        session,
        "const cells = document.querySelectorAll('.cell'); \
         cells[0].dispatchEvent(new MouseEvent('click', {bubbles: true})); \
         cells[1].dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true})); \
         return true",
    )
    .await?;
    let ids: Vec<i64> = serde_json::from_value(
        js(
            session,
            "return [...document.querySelectorAll('.cell')].slice(0, 2) \
               .map(c => Number(c.dataset.imageId))",
        )
        .await?,
    )
    .map_err(|e| fail(session, format!("cell ids: {e}")))?;
    click(session, &format!("button.preset[data-preset='{PRESET}']")).await?;
    for id in &ids {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let shown = cli(session, &["image", "show", &id.to_string(), "--json"])?;
            let image: Value = serde_json::from_str(&shown)
                .map_err(|e| fail(session, format!("image show --json: {e}")))?;
            if image["credit_line"] == PRESET {
                break;
            }
            if tokio::time::Instant::now() > deadline {
                return Err(fail(
                    session,
                    format!("picture {id} did not get the preset's credit: {image}"),
                ));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    // An editor places the first of them in an article; the preview shows it with its credit.
    js(session, "location.hash = '#/articles/1'; return true").await?;
    crate::editing::unfold_fields(session).await?;
    // The button sits in the fields' own scrolled box: a script's click reaches it wherever
    // the box happens to be scrolled (a WebDriver click at its position could land elsewhere).
    until(
        session,
        "the button that opens the picker",
        "if (!document.querySelector('.image-picker')) document.querySelector('button.from-library')?.click(); \
         return !!document.querySelector('.image-picker')",
    )
    .await?;
    until(
        session,
        "the picker's pictures",
        "return document.querySelectorAll('.image-picker .cell').length > 0",
    )
    .await?;
    js(
        session,
        &format!(
            "document.querySelector('.image-picker .cell[data-image-id=\"{}\"]') \
               .dispatchEvent(new MouseEvent('click', {{bubbles: true}})); return true",
            ids[0]
        ),
    )
    .await?;
    click(session, ".image-picker button.insert").await?;
    until(
        session,
        "the placed picture in the preview with its Bildquelle",
        &format!(
            "return [...document.querySelectorAll('.preview .article-image')].some(f => \
               f.querySelector('img.picture')?.naturalWidth > 0 && \
               f.querySelector('.credit')?.textContent.includes('Bildquelle: {PRESET}'))"
        ),
    )
    .await?;
    Ok(())
}
