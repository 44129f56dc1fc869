//! Newsdesk's folders: the library stays where it always was, and the window's folders, which
//! Tauri had named after the app's identifier, move under the one name, once, losing nothing.

use std::ffi::OsString;
use std::path::Path;

use newsdesk_api::Places;

fn places_under(home: &Path) -> Places {
    let home = home.to_path_buf();
    Places::from_env(
        move |name| (name == "HOME").then(|| OsString::from(&home)),
        None,
    )
    .expect("an absolute home")
}

#[test]
fn the_library_stays_in_the_folder_the_older_releases_used() {
    // Before crate::places, the library's folder came from `directories`; for the same
    // environment (this process's) the two must agree, or an update would start a new library
    // beside an editor's old one.
    let old = directories::ProjectDirs::from("de", "Newsdesk", "newsdesk")
        .expect("a home for this test")
        .data_dir()
        .to_path_buf();
    let now = Places::of_user().expect("a home for this test");
    assert_eq!(now.data_dir(), old);
    assert_eq!(now.library(), old.join("library.sqlite"));
}

#[test]
fn the_window_folders_move_once_and_nothing_is_overwritten() {
    let home = tempfile::tempdir().expect("dir");
    let places = places_under(home.path());
    let old_data = home.path().join(".local/share/de.newsdesk.app");
    let old_config = home.path().join(".config/de.newsdesk.app");
    std::fs::create_dir_all(old_data.join("localstorage")).expect("mkdir");
    std::fs::write(
        old_data.join("localstorage/tauri_localhost_0.localstorage"),
        "saved searches",
    )
    .expect("write");
    std::fs::create_dir_all(&old_config).expect("mkdir");
    std::fs::write(old_config.join(".window-state.json"), "{\"main\":{}}").expect("write");
    // The library is in the new data folder already (it never moved) and must stay untouched.
    std::fs::create_dir_all(places.data_dir()).expect("mkdir");
    std::fs::write(places.library(), "the library").expect("write");

    let moved = places
        .move_window_folders("de.newsdesk.app")
        .expect("moved");
    assert_eq!(moved.len(), 2, "{moved:?}");
    let storage = places
        .webview_dir()
        .join("localstorage/tauri_localhost_0.localstorage");
    assert_eq!(
        std::fs::read_to_string(storage).expect("moved storage"),
        "saved searches"
    );
    assert_eq!(
        std::fs::read_to_string(places.config_dir().join(".window-state.json"))
            .expect("moved window state"),
        "{\"main\":{}}"
    );
    assert!(
        !old_data.exists() && !old_config.exists(),
        "no old folder left"
    );
    assert_eq!(
        std::fs::read_to_string(places.library()).expect("library"),
        "the library"
    );

    // Again: nothing left to move. And an old folder that reappears (an older release started
    // once more) is never moved onto what is there now.
    assert!(
        places
            .move_window_folders("de.newsdesk.app")
            .expect("again")
            .is_empty()
    );
    std::fs::create_dir_all(&old_data).expect("mkdir");
    std::fs::write(old_data.join("other"), "older").expect("write");
    std::fs::create_dir_all(&old_config).expect("mkdir");
    std::fs::write(old_config.join(".window-state.json"), "older").expect("write");
    std::fs::write(old_config.join("something-else"), "not ours").expect("write");
    assert!(
        places
            .move_window_folders("de.newsdesk.app")
            .expect("again")
            .is_empty()
    );
    assert!(old_data.join("other").exists(), "left where it was");
    assert_eq!(
        std::fs::read_to_string(places.config_dir().join(".window-state.json")).expect("kept"),
        "{\"main\":{}}"
    );
    assert!(
        old_config.join("something-else").exists(),
        "a folder with more in it stays"
    );
}

#[test]
fn no_move_for_a_name_that_is_not_another_folder() {
    let home = tempfile::tempdir().expect("dir");
    let places = places_under(home.path());
    std::fs::create_dir_all(places.data_dir()).expect("mkdir");
    for name in ["", "newsdesk", "../newsdesk", "a/b"] {
        assert!(
            places.move_window_folders(name).expect("no-op").is_empty(),
            "{name:?}"
        );
    }
    assert!(!places.webview_dir().exists());
}
