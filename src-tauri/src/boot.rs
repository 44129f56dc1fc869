//! The first frame's data: the library's counts and the first page of the article list, read
//! before the window opens and handed to the page as `window.__NEWSDESK_BOOT__` by an
//! initialisation script, so that the list is in the very first frame instead of arriving
//! after it through IPC. The page still asks the core at once and takes its fresh answers.

use newsdesk_api::App;
use tauri::Runtime;
use tauri::plugin::TauriPlugin;

/// The article list's page size (ui/src/articles/ArticleList.svelte, `PAGE_SIZE`).
pub const PAGE_SIZE: u32 = 200;

/// The plugin that hands the snapshot to the page; `None` when it cannot be read (the page
/// then asks through IPC as it always does).
pub fn plugin<R: Runtime>(app: &App) -> Option<TauriPlugin<R>> {
    let snapshot = app.boot_snapshot(PAGE_SIZE).ok()?;
    // JSON is valid JavaScript (ES2019: U+2028/2029 included); the page is Newsdesk's own.
    let json = serde_json::to_string(&snapshot).ok()?;
    Some(
        tauri::plugin::Builder::new("newsdesk-boot")
            .js_init_script(format!("window.__NEWSDESK_BOOT__ = {json};"))
            .build(),
    )
}
