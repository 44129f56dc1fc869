//! One window showing one static list row: what every Tauri app costs at start.
fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the minimal app could not start its window: {error}");
        std::process::exit(1);
    }
}
