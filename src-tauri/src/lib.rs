//! The Newsdesk window: a thin Tauri shell over `newsdesk-api`.
//!
//! [`run`] checks for a display, opens the library (loading the demo articles into a new
//! one), and starts the window. [`with_library`] wires the commands and the library into a
//! builder and [`context`] is the app's configuration: tests use both with Tauri's mock runtime
//! to call commands through the real IPC layer and the real capabilities, without a display.

mod backups;
mod boot;
pub mod commands;
mod desktop;
pub mod error;
mod image_protocol;
pub mod logging;
mod outbox;
mod preparation;
mod startup;
pub mod trace;
mod web_context;

use newsdesk_api::App;
use std::process::ExitCode;
use tauri::{Manager, Runtime};

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

/// `context` with Tauri's app folders (the webview's storage, the window's size and place,
/// its cache and logs) in Newsdesk's own folders ([`newsdesk_api::places`]) instead of folders
/// named after the identifier; what an older release kept there is moved over first.
fn in_newsdesk_folders<R: Runtime>(mut context: tauri::Context<R>) -> tauri::Context<R> {
    use tauri::utils::config::{AppDirectoriesOverride, AppDirectoryOverrides};
    let places = match newsdesk_api::Places::of_user() {
        Ok(places) => places,
        Err(error) => {
            eprintln!("Newsdesk: {error}; the window keeps its things where Tauri puts them");
            return context;
        }
    };
    if let Err(error) = places.move_window_folders(&context.config().identifier) {
        eprintln!("Newsdesk: the window's folders stay where they were: {error}");
    }
    context.config_mut().app.app_directories_override =
        Some(AppDirectoriesOverride::Directories(AppDirectoryOverrides {
            config: Some(places.config_dir().to_path_buf()),
            data: Some(places.data_dir().to_path_buf()),
            local_data: Some(places.webview_dir()),
            cache: Some(places.cache_dir().to_path_buf()),
            log: Some(places.log_dir()),
        }));
    context
}

/// Starts the app; the exit code says whether it ended well.
pub fn run() -> ExitCode {
    trace::begin();
    if let Ok(places) = newsdesk_api::Places::of_user() {
        logging::start(&places.log_dir());
    }
    if let Err(problem) = startup::check_display() {
        eprintln!("{problem}");
        return ExitCode::from(2);
    }
    // A library that cannot be opened is said in the window too, not only on stderr.
    let (library, path, boot) = match startup::open_library() {
        Ok(library) => {
            if let Ok(level) = library.setting("log_level") {
                logging::set_level(&level.value);
            }
            let path = library.library_path().to_path_buf();
            let boot = boot::plugin(&library);
            (commands::Library::open(library), path, boot)
        }
        Err(problem) => {
            eprintln!("{}", problem.message);
            tracing::error!(message = %problem.message, "the library did not open");
            let path = App::default_library_path().unwrap_or_default();
            (commands::Library::failed(problem, path.clone()), path, None)
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
            logging::notify_window(app.handle());
            outbox::start(app.handle());
            backups::start(app.handle());
            preparation::start(app.handle());
            if let (Some(window), Some(library)) = (
                app.get_webview_window("main"),
                app.state::<commands::Library>().app(),
            ) {
                let value = |key: &str| library.setting(key).map(|s| s.value).unwrap_or_default();
                web_context::follow(window, &value("spelling_languages"), &value("language"));
            }
            Ok(())
        })
        .on_page_load(|_, payload| {
            trace::mark(&format!("page load {:?}", payload.event()));
        });
    match with_library_state(builder, library).run(in_newsdesk_folders(context())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Newsdesk could not start its window: {error}");
            ExitCode::FAILURE
        }
    }
}
