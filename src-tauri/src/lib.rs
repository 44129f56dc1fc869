//! The Newsdesk window: a thin Tauri shell over `newsdesk-api`.
//!
//! [`run`] checks for a display, opens the library (loading the demo articles into a new
//! one), and starts the window. [`with_library`] wires the commands and the library into a
//! builder and [`context`] is the app's configuration: tests use both with Tauri's mock runtime
//! to call commands through the real IPC layer and the real capabilities, without a display.

mod boot;
pub mod commands;
mod desktop;
pub mod error;
mod image_protocol;
mod outbox;
mod startup;
pub mod trace;

use newsdesk_api::App;
use std::process::ExitCode;
use tauri::Runtime;

/// `builder` with Newsdesk's commands and `library` as managed state.
pub fn with_library<R: Runtime>(builder: tauri::Builder<R>, library: App) -> tauri::Builder<R> {
    with_library_state(builder, commands::Library::open(library))
}

/// As [`with_library`], for a library that may have failed to open.
pub fn with_library_state<R: Runtime>(
    builder: tauri::Builder<R>,
    library: commands::Library,
) -> tauri::Builder<R> {
    builder
        .manage::<commands::Library>(library)
        .register_asynchronous_uri_scheme_protocol(image_protocol::SCHEME, image_protocol::handle)
        .invoke_handler(commands::handler!())
}

/// The app's configuration (`tauri.conf.json` at the repository root), assets and capabilities.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    // Through the symlink src-tauri/tauri.conf.json -> ../tauri.conf.json (see build.rs).
    tauri::generate_context!()
}

/// Starts the app; the exit code says whether it ended well.
pub fn run() -> ExitCode {
    trace::begin();
    if let Err(problem) = startup::check_display() {
        eprintln!("{problem}");
        return ExitCode::from(2);
    }
    // A library that cannot be opened is said in the window too, not only on stderr.
    let (library, path, boot) = match startup::open_library() {
        Ok(library) => {
            let path = library.library_path().to_path_buf();
            let boot = boot::plugin(&library);
            (commands::Library::open(library), path, boot)
        }
        Err(problem) => {
            eprintln!("{}", problem.message);
            let path = App::default_library_path().unwrap_or_default();
            (commands::Library::failed(problem), path, None)
        }
    };
    trace::mark("library open, first page read");
    let mut builder = tauri::Builder::default();
    if let Some(boot) = boot {
        builder = builder.plugin(boot);
    }
    let builder = desktop::with_desktop_plugins(builder, &path)
        .setup(|app| {
            trace::mark("plugins set up, window next");
            outbox::start(app.handle());
            Ok(())
        })
        .on_page_load(|_, payload| {
            trace::mark(&format!("page load {:?}", payload.event()));
        });
    match with_library_state(builder, library).run(context()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Newsdesk could not start its window: {error}");
            ExitCode::FAILURE
        }
    }
}
