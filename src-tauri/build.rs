//! Reads the app's single configuration, `tauri.conf.json` at the repository root, and declares
//! the app's commands (found in `src/commands/`) so that `capabilities/` can grant each one by
//! name.
//!
//! `src-tauri/tauri.conf.json` is a symlink to `../tauri.conf.json`; tauri-build reads the
//! config of the crate's folder, and
//! `generate_context!()` and the Tauri CLI read the same link, so every relative path in the
//! config resolves from `src-tauri/` for all three. This script refuses a copy in its place.

use std::path::Path;

fn main() {
    // The XMP Toolkit (newsdesk-media) links its own copy of expat statically. Exported from
    // the executable, its XML_* symbols would replace the system expat that Mesa, fontconfig
    // and WebKit load, and GTK crashes at start (seen: SIGSEGV in XML_ParseBuffer called from
    // swrast_dri.so). Symbols from static archives stay inside the executable.
    println!("cargo:rustc-link-arg=-Wl,--exclude-libs,ALL");
    if let Err(problem) = config_is_the_root_file() {
        eprintln!("{problem}");
        std::process::exit(1);
    }
    let commands = match app_commands() {
        Ok(commands) => commands,
        Err(problem) => {
            eprintln!("{problem}");
            std::process::exit(1);
        }
    };
    // tauri-build wants the names for the whole (short) life of this build script.
    let names: &'static [&'static str] = Box::leak(
        commands
            .into_iter()
            .map(|c| &*Box::leak(c.into_boxed_str()))
            .collect::<Vec<&'static str>>()
            .into_boxed_slice(),
    );
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(names));
    if let Err(error) = tauri_build::try_build(attributes) {
        // The reason in words instead of a panic backtrace.
        eprintln!("tauri-build failed: {error:#}");
        std::process::exit(1);
    }
}

/// Every `#[tauri::command]` in `src/commands/*.rs`, found in the source itself, so that the
/// list of commands the capabilities can grant is never kept by hand.
fn app_commands() -> Result<Vec<String>, String> {
    println!("cargo:rerun-if-changed=src/commands");
    let mut names = Vec::new();
    let dir = std::fs::read_dir("src/commands").map_err(|e| format!("src/commands: {e}"))?;
    let mut files: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.trim() != "#[tauri::command]" {
                continue;
            }
            let signature = lines.next().unwrap_or_default();
            let name = signature
                .trim()
                .strip_prefix("pub async fn ")
                .and_then(|rest| rest.split(['(', '<']).next())
                .ok_or_else(|| {
                    format!(
                        "{}: a #[tauri::command] must be followed by `pub async fn name(`",
                        file.display()
                    )
                })?;
            names.push(name.to_string());
        }
    }
    Ok(names)
}

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
