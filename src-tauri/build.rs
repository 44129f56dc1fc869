//! Reads the app's single configuration, `tauri.conf.json` at the repository root, and declares
//! the app's commands so that `capabilities/` can grant each one by name.
//!
//! `src-tauri/tauri.conf.json` is a symlink to `../tauri.conf.json`; tauri-build (2.11, the
//! newest for the workspace's rust-version) reads the config of the crate's folder, and
//! `generate_context!()` and the Tauri CLI read the same link, so every relative path in the
//! config resolves from `src-tauri/` for all three. This script refuses a copy in its place.

use std::path::Path;

fn main() {
    if let Err(problem) = config_is_the_root_file() {
        eprintln!("{problem}");
        std::process::exit(1);
    }
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(&NEWSDESK_COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        // The reason in words instead of a panic backtrace.
        eprintln!("tauri-build failed: {error:#}");
        std::process::exit(1);
    }
}

/// Every `#[tauri::command]` of `src/commands/`, as the UI invokes it.
/// Adding a command means adding it here and granting it in `capabilities/main.json`.
const NEWSDESK_COMMANDS: [&str; 7] = [
    "library_info",
    "list_articles",
    "get_article",
    "render_markdown",
    "search_articles",
    "article_history",
    "load_demo_articles",
];

fn config_is_the_root_file() -> Result<(), String> {
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    let here = Path::new("tauri.conf.json").canonicalize();
    let root = Path::new("../tauri.conf.json").canonicalize();
    match (here, root) {
        (Ok(here), Ok(root)) if here == root => Ok(()),
        _ => Err(
            "src-tauri/tauri.conf.json must be a symlink to ../tauri.conf.json, the app's \
             only configuration (restore it: ln -sf ../tauri.conf.json src-tauri/tauri.conf.json)"
                .to_string(),
        ),
    }
}
