// No console window on Windows release builds; harmless elsewhere.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    // Started to run an export's templates within their budget, this serves them and ends
    // (before any window or toolkit is touched).
    newsdesk_api::serve_template_child_if_asked();
    newsdesk_app::run()
}
