use newsdesk_store::{Store, StoreError, migrations};

use crate::library;

#[test]
fn an_empty_file_migrates_to_the_latest_schema() {
    let lib = library();
    assert!(lib.store.was_created());
    assert_eq!(
        lib.store.schema_version().expect("version"),
        migrations::latest()
    );
    assert!(
        lib.store.check().expect("check").is_empty(),
        "a fresh library is consistent"
    );
}

#[test]
fn a_library_from_a_newer_version_is_refused_unchanged() {
    let lib = library();
    let path = lib.path();
    drop(lib.store);
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", migrations::latest() + 1)
            .expect("bump");
    }
    let before = std::fs::read(&path).expect("read");
    let err = Store::open(&path).err().expect("newer schema refused");
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err:?}");
    assert!(
        err.to_string().contains("newer version of Newsdesk"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file is left as it was"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_named_as_such() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "Einkaufsliste: Milch, Brot, Käse und noch viel mehr Text hier.".repeat(100),
    )
    .expect("write");
    let err = Store::open(&path).err().expect("text file refused");
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err:?}");
}
