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
        .invoke_handler(tauri::generate_handler![
            commands::maintenance::library_info,
            commands::maintenance::load_demo_articles,
            commands::articles::list_articles,
            commands::articles::get_article,
            commands::articles::create_article,
            commands::articles::save_article,
            commands::articles::duplicate_article,
            commands::articles::set_status,
            commands::articles::trash_article,
            commands::articles::untrash_article,
            commands::articles::empty_trash,
            commands::articles::related_articles,
            commands::articles::set_related,
            commands::articles::tag_names,
            commands::articles::check_content,
            commands::revisions::article_history,
            commands::revisions::article_revision,
            commands::revisions::diff_revisions,
            commands::revisions::restore_revision,
            commands::preview::render_markdown,
            commands::preview::content_stats,
            commands::preview::paste_html,
            commands::search::search_articles,
            commands::images::import_images,
            commands::images::list_images,
            commands::images::get_image,
            commands::images::image_file_metadata,
            commands::images::patch_images,
            commands::images::tag_images,
            commands::images::image_duplicates,
            commands::images::credit_values,
            commands::images::export_image,
            commands::tags::suggest_tags,
            commands::tags::suggest_image_tags,
            commands::tags::decide_tags,
            commands::export::export_target,
            commands::export::export_article,
            commands::export::export_selection,
            commands::portals::list_portals,
            commands::portals::add_portal,
            commands::portals::remove_portal,
            commands::portals::test_portal,
            commands::portals::pull_portal,
            commands::portals::publish_article,
            commands::portals::withdraw_article,
            commands::portals::outbox_jobs,
            commands::portals::outbox_summary,
            commands::portals::publish_conflict,
            commands::portals::resolve_conflict,
            commands::portals::retry_job,
            commands::portals::cancel_job,
            commands::portals::publications,
            commands::portals::section_names,
        ])
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
