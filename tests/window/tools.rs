//! The everyday tasks in the real window: a backup made from the tools view survives the loss
//! of an article and brings it back when restored from the window; a library damaged after a
//! backup is restored from the recovery page; articles chosen in the native file dialog are
//! imported, and the credit report is saved where the save dialog says (`dialogs.rs` answers
//! the GTK dialogs through the X server); a fault in the core reaches the log with its
//! backtrace and the window in words; the overview draws the library's figures; a lost search
//! index of a 6,000-article library is rebuilt after the window opened, its progress in the
//! status bar.

use std::time::Duration;

use newsdesk_e2e::Session;

use crate::dialogs::Dialog;
use crate::editing::{Failed, cli, click, fail, js, until};

/// Runs `scenario` in a fresh window within two minutes (`crate::in_window` says what failed).
async fn run(scenario: impl AsyncFnOnce(&Session) -> Result<(), Failed>) {
    crate::in_window(Duration::from_secs(120), async |session| {
        scenario(session).await.map_err(|(problem, _)| problem)
    })
    .await;
}

async fn open_tools(session: &Session) -> Result<(), Failed> {
    until(
        session,
        "the list",
        "return document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    click(session, "a[href=\"#/tools\"]").await?;
    until(
        session,
        "the tools view",
        "return !!document.getElementById('tool-backups')",
    )
    .await
}

/// The button in `section` (an element id) whose text is `text`.
async fn press(session: &Session, section: &str, text: &str) -> Result<(), Failed> {
    until(
        session,
        &format!("the button {text:?}"),
        &format!(
            "return [...(document.getElementById('{section}')?.closest('section')?.querySelectorAll('button') ?? [])] \
               .some((b) => b.innerText.trim() === {text:?} && !b.disabled)"
        ),
    )
    .await?;
    let pressed = js(
        session,
        &format!(
            "const b = [...document.getElementById('{section}').closest('section').querySelectorAll('button')] \
               .find((b) => b.innerText.trim() === {text:?}); if (!b) return false; b.click(); return true"
        ),
    )
    .await?;
    if pressed != serde_json::Value::Bool(true) {
        return Err(fail(session, format!("no button {text:?} in {section}")));
    }
    Ok(())
}

fn titles(session: &Session) -> Result<Vec<String>, Failed> {
    let listed = cli(session, &["article", "list", "--json"])?;
    let listed: serde_json::Value = serde_json::from_str(&listed)
        .map_err(|e| fail(session, format!("article list --json: {e}")))?;
    Ok(listed
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|a| a["title"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_backup_made_in_the_window_restores_a_lost_article() {
    run(backup_and_restore).await;
}

async fn backup_and_restore(session: &Session) -> Result<(), Failed> {
    open_tools(session).await?;
    let before = titles(session)?;
    press(session, "tool-backups", "Jetzt sichern").await?;
    until(
        session,
        "the backup in the list",
        "return document.querySelectorAll('#tool-backups ~ table tbody tr').length === 1 && document.querySelector('#tool-backups').closest('section').innerText.includes('Gesichert:')",
    )
    .await?;
    // An article lost for good, outside the window (as a slip on the command line would).
    let listed = cli(session, &["article", "list", "--json"])?;
    let first = serde_json::from_str::<serde_json::Value>(&listed)
        .ok()
        .and_then(|all| all[0]["id"].as_i64())
        .ok_or_else(|| fail(session, "no article to lose"))?;
    cli(session, &["article", "trash", &first.to_string()])?;
    cli(session, &["article", "empty-trash"])?;
    if titles(session)?.len() != before.len() - 1 {
        return Err(fail(session, "the article was not lost"));
    }
    click(session, "#tool-backups ~ table tbody tr button").await?;
    until(
        session,
        "the question before restoring",
        "return !!document.querySelector('[role=alertdialog]')",
    )
    .await?;
    js(
        session,
        "[...document.querySelectorAll('[role=alertdialog] button')].find((b) => b.innerText.trim() === 'Wiederherstellen').click(); return true",
    )
    .await?;
    until(
        session,
        "the restore's answer with the safety copy",
        "return document.querySelector('#tool-backups').closest('section').innerText.includes('Sicherheitskopie')",
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-tools")
        .await
        .map_err(|e| fail(session, e))?;
    let after = titles(session)?;
    if after.len() != before.len() {
        return Err(fail(
            session,
            format!("after the restore the library lists {after:?}, before the loss {before:?}"),
        ));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_library_damaged_after_a_backup_is_restored_from_the_window() {
    crate::in_restarted_windows("recovery", Duration::from_secs(150), damage_and_recover).await;
}

async fn damage_and_recover(session: Session) -> Result<Session, Failed> {
    open_tools(&session).await?;
    let before = titles(&session)?;
    press(&session, "tool-backups", "Jetzt sichern").await?;
    until(
        &session,
        "the backup in the list",
        "return document.querySelectorAll('#tool-backups ~ table tbody tr').length === 1",
    )
    .await?;
    session.kill_app().map_err(|e| fail(&session, e))?;
    // The library file overwritten (a stray copy, a disk fault) and its journal gone with it:
    // it no longer opens.
    let library = session.library_path();
    let len = std::fs::metadata(&library)
        .map_err(|e| fail(&session, e.to_string()))?
        .len();
    let junk: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
    std::fs::write(&library, &junk).map_err(|e| fail(&session, e.to_string()))?;
    for journal in ["-wal", "-shm"] {
        let mut name = library.as_os_str().to_owned();
        name.push(journal);
        let _ = std::fs::remove_file(std::path::PathBuf::from(name));
    }
    let session = session.restart().await.map_err(|e| (e, String::new()))?;
    until(
        &session,
        "the recovery page saying why the library did not open",
        "return (document.querySelector('h1')?.innerText ?? '').includes('nicht öffnen') \
           && !!document.querySelector('.recovery [role=alert]')",
    )
    .await?;
    js(
        &session,
        "[...document.querySelectorAll('.recovery tbody button')][0].click(); return true",
    )
    .await?;
    until(
        &session,
        "the question before restoring",
        "return !!document.querySelector('.recovery [role=alertdialog]')",
    )
    .await?;
    js(
        &session,
        "[...document.querySelectorAll('.recovery [role=alertdialog] button')].find((b) => b.innerText.trim() === 'Wiederherstellen').click(); return true",
    )
    .await?;
    until(
        &session,
        "the restore's answer naming where the damaged file is kept",
        "return (document.querySelector('.recovery [role=status]')?.innerText ?? '').includes('damaged')",
    )
    .await?;
    js(
        &session,
        "[...document.querySelectorAll('.recovery button')].find((b) => b.innerText.trim() === 'Weiter zur Bibliothek').click(); return true",
    )
    .await?;
    until(
        &session,
        "the list of the restored library in the window",
        "return document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    let after = titles(&session)?;
    if after != before {
        return Err(fail(
            &session,
            format!("the restored library lists {after:?}, before the damage {before:?}"),
        ));
    }
    let kept = std::fs::read_dir(library.parent().unwrap_or(&library))
        .map_err(|e| fail(&session, e.to_string()))?
        .filter_map(Result::ok)
        .any(|entry| entry.file_name().to_string_lossy().contains(".damaged-"));
    if !kept {
        return Err(fail(
            &session,
            "the damaged file was not kept beside the library",
        ));
    }
    Ok(session)
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn articles_chosen_in_the_native_dialog_are_imported_with_their_report() {
    run(import_by_dialog).await;
}

async fn import_by_dialog(session: &Session) -> Result<(), Failed> {
    open_tools(session).await?;
    let folder = session.library_path().with_file_name("zu-importieren");
    std::fs::create_dir_all(&folder).map_err(|e| fail(session, e.to_string()))?;
    let file = folder.join("landtag-im-dialog.md");
    std::fs::write(
        &file,
        "---\ntitle: Landtag im Dialog gewählt\ndate: 2026-12-07\n---\nDer Landtag tagt.\n",
    )
    .map_err(|e| fail(session, e.to_string()))?;
    press(session, "tool-import", "Dateien wählen …").await?;
    crate::dialogs::answer(
        session,
        Dialog::Open,
        "Dateien wählen",
        &file.to_string_lossy(),
    )
    .await?;
    until(
        session,
        "the import report naming the article chosen in the dialog",
        "return (document.querySelector('#tool-import')?.closest('section')?.innerText ?? '').includes('Landtag im Dialog gewählt')",
    )
    .await?;
    if !titles(session)?
        .iter()
        .any(|t| t == "Landtag im Dialog gewählt")
    {
        return Err(fail(
            session,
            "the library does not hold the imported article",
        ));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn the_credit_report_is_saved_as_csv_where_the_dialog_says() {
    run(credit_report_csv).await;
}

async fn credit_report_csv(session: &Session) -> Result<(), Failed> {
    open_tools(session).await?;
    let target = session
        .library_path()
        .with_file_name("bildnachweise-test.csv");
    press(session, "tool-credits", "Als CSV speichern …").await?;
    crate::dialogs::answer(
        session,
        Dialog::Save,
        "Als CSV speichern",
        &target.to_string_lossy(),
    )
    .await?;
    until(
        session,
        "the window saying where the report was saved",
        "return (document.querySelector('#tool-credits')?.closest('section')?.innerText ?? '').includes('bildnachweise-test.csv')",
    )
    .await?;
    let said = js(
        session,
        "return document.querySelector('#tool-credits').closest('section').innerText",
    )
    .await?;
    let csv = std::fs::read_to_string(&target).map_err(|e| {
        fail(
            session,
            format!("{}: {e}; the window says {said}", target.display()),
        )
    })?;
    if !csv
        .lines()
        .next()
        .is_some_and(|header| header.contains(','))
    {
        return Err(fail(session, format!("the saved file is no CSV: {csv:?}")));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_fault_in_the_core_is_logged_and_said_in_words() {
    run(fault).await;
}

async fn fault(session: &Session) -> Result<(), Failed> {
    open_tools(session).await?;
    press(session, "tool-diagnose", "Fehlerbericht testen").await?;
    until(
        session,
        "the sentence about the fault",
        "return (document.querySelector('[role=alert][data-error-code=internal]')?.innerText ?? '').includes('Gespeichertes ist sicher')",
    )
    .await?;
    until(
        session,
        "the panic and its backtrace in the Diagnose view's log",
        "const log = document.querySelector('#tool-diagnose').closest('section').querySelector('textarea'); \
         document.querySelector('#tool-diagnose').closest('section').querySelector('button').click(); \
         return !!log && log.value.includes('panic') && log.value.includes('fault-test') && log.value.includes('backtrace')",
    )
    .await
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn the_overview_draws_the_librarys_figures() {
    run(overview).await;
}

async fn overview(session: &Session) -> Result<(), Failed> {
    until(
        session,
        "the list",
        "return document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    // A sample article dated today, so this week has something to count.
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let file = session.library_path().with_file_name("heute.md");
    std::fs::write(
        &file,
        format!("---\nkicker: Erfurt\ntitle: Landtag tagt heute\ndate: {today}\ntags: [Landtag, Thüringen]\n---\nDer Landtag tagt.\n"),
    )
    .map_err(|e| fail(session, e.to_string()))?;
    cli(session, &["article", "import", &file.to_string_lossy()])?;
    click(session, "a[href=\"#/overview\"]").await?;
    until(
        session,
        "the week's chart, drawn, with this week's article in its table",
        "const chart = document.querySelector('[role=img][aria-label=\"Artikel pro Woche nach Status\"] canvas'); \
         const table = chart?.closest('figure').querySelector('table'); \
         return !!chart && chart.width > 100 && !!table && table.innerText.includes('1')",
    )
    .await?;
    until(
        session,
        "the tag of today's article among the most used",
        "return [...document.querySelectorAll('table')].some((t) => t.querySelector('caption')?.innerText.startsWith('Häufigste') && t.innerText.includes('Landtag'))",
    )
    .await?;
    session
        .screenshot_for_docs("screenshot-overview")
        .await
        .map_err(|e| fail(session, e))
}

#[tokio::test]
#[ignore = "needs the built app and a display; `make test` runs it"]
async fn a_missing_search_index_is_rebuilt_after_the_window_opened_with_its_progress() {
    crate::in_restarted_windows(
        "index rebuild",
        Duration::from_secs(240),
        rebuild_with_progress,
    )
    .await;
}

/// Articles enough that the index is not rebuilt inside the open (more than 1,000) and the
/// rebuild in the debug build lasts long enough to be seen.
const ARCHIVE: usize = 6_000;

async fn rebuild_with_progress(session: Session) -> Result<Session, Failed> {
    until(
        &session,
        "the list",
        "return document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    let folder = tempfile::tempdir().map_err(|e| fail(&session, e.to_string()))?;
    let paragraph = "Die Landesregierung hat die Strategie für die Verwaltungsdigitalisierung \
                     fortgeschrieben, der Landtag berät im Frühjahr über das Gesetz. ";
    for n in 0..ARCHIVE {
        std::fs::write(
            folder.path().join(format!("{n:05}.md")),
            format!(
                "---\ntitle: Archivmeldung {n}\ntags: [Archiv]\n---\n{}Stichwort{n}.\n",
                paragraph.repeat(12)
            ),
        )
        .map_err(|e| fail(&session, e.to_string()))?;
    }
    let folder_path = folder.path().to_string_lossy().to_string();
    cli(&session, &["article", "import", &folder_path])?;
    session.kill_app().map_err(|e| fail(&session, e))?;
    // The search index beside the library (`library.search/`) lost.
    let mut index = session.library_path();
    index.set_extension("search");
    std::fs::remove_dir_all(&index)
        .map_err(|e| fail(&session, format!("{}: {e}", index.display())))?;
    let session = session.restart().await.map_err(|e| (e, String::new()))?;
    // The window is up while the index is rebuilt, and the status bar says how far it is.
    until(
        &session,
        "the status bar telling the search index's rebuild with its percentage",
        "const s = document.querySelector('.statusbar [data-preparation=search_index]'); \
         return !!s && /Suchindex wird aufgebaut … \\d+ %/.test(s.innerText) \
           && document.querySelectorAll('.article-list .article-title').length > 0",
    )
    .await?;
    until(
        &session,
        "the rebuild's end: the status bar no longer says it",
        "return !document.querySelector('.statusbar [data-preparation=search_index]')",
    )
    .await?;
    let found = cli(&session, &["search", "Stichwort5999", "--json"])?;
    if !found.contains("Archivmeldung 5999") {
        return Err(fail(
            &session,
            format!("the rebuilt index finds the last article: {found}"),
        ));
    }
    Ok(session)
}
