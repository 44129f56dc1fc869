//! Reads the app's single configuration, `tauri.conf.json` at the repository root, and makes
//! everything that follows from the app's commands (the `#[tauri::command]` functions in
//! `src/commands/`, read by `codegen/signatures.rs`), so that a command is written once:
//!
//! - the names, declared to tauri-build so that `capabilities/` can grant each one;
//! - `$OUT_DIR/commands.rs`: the `generate_handler!` list, included by `src/commands/mod.rs`;
//! - `$OUT_DIR/commands.ts`: the UI's typed wrappers. The committed copy,
//!   `ui/src/lib/ipc/commands.generated.ts`, is checked against it by `tests/ipc.rs`
//!   (`UPDATE_BINDINGS=1` writes it).
//!
//! `src-tauri/tauri.conf.json` is a symlink to `../tauri.conf.json`; tauri-build reads the
//! config of the crate's folder, and
//! `generate_context!()` and the Tauri CLI read the same link, so every relative path in the
//! config resolves from `src-tauri/` for all three. This script refuses a copy in its place.

#[path = "codegen/handler.rs"]
mod handler;
#[path = "codegen/signatures.rs"]
mod signatures;
#[path = "codegen/typescript.rs"]
mod typescript;

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
    let names = match generate() {
        Ok(names) => names,
        Err(problem) => {
            eprintln!("{problem}");
            std::process::exit(1);
        }
    };
    // tauri-build wants the names for the whole (short) life of this build script.
    let names: &'static [&'static str] = Box::leak(
        names
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

/// Reads the commands, writes what is made from them into `$OUT_DIR`, and returns their names.
fn generate() -> Result<Vec<String>, String> {
    println!("cargo:rerun-if-changed=src/commands");
    println!("cargo:rerun-if-changed=codegen");
    let dir = Path::new("src/commands");
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let file = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let commands = signatures::commands_in(dir)?;
    let out = std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR for build scripts")?;
    let out = Path::new(&out);
    let write = |name: &str, text: String| {
        std::fs::write(out.join(name), text)
            .map_err(|e| format!("{}: {e}", out.join(name).display()))
    };
    write("commands.rs", handler::handler_rs(&commands))?;
    write("commands.ts", typescript::commands_ts(&commands)?)?;
    Ok(commands.into_iter().map(|c| c.name).collect())
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
