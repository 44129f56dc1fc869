use newsdesk_model::Status;
use newsdesk_store::{Store, StoreError};

use crate::{article, at, library};

#[test]
fn a_backup_restores_the_whole_library() {
    let lib = library();
    let id = lib
        .store
        .insert_article(&article("Vorher"), Status::Draft, "", at(0))
        .expect("insert")
        .id;
    let backup = lib.dir.path().join("backup.sqlite");
    lib.store.backup_to(&backup).expect("backup");
    lib.store
        .insert_article(&article("Danach"), Status::Draft, "", at(1))
        .expect("insert 2");
    assert_eq!(lib.store.article_count().expect("count"), 2);

    lib.store.restore_from(&backup, at(5)).expect("restore");
    assert_eq!(
        lib.store.article_count().expect("count"),
        1,
        "the later article is gone"
    );
    assert_eq!(lib.store.article(id).expect("load").content.title, "Vorher");
    assert_eq!(
        lib.store.search("vorher", 5).expect("search").len(),
        1,
        "search index restored too"
    );
    assert!(
        lib.store.check().expect("check").is_empty(),
        "restored library passes the check"
    );
}

#[test]
fn a_backup_never_overwrites_an_existing_file() {
    let lib = library();
    let target = lib.dir.path().join("exists.sqlite");
    std::fs::write(&target, b"keep me").expect("write");
    assert!(matches!(
        lib.store.backup_to(&target),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(std::fs::read(&target).expect("read"), b"keep me");
}

#[test]
fn restoring_garbage_is_refused_and_the_library_is_untouched() {
    let lib = library();
    lib.store
        .insert_article(&article("Bleibt"), Status::Draft, "", at(0))
        .expect("insert");
    let junk = lib.dir.path().join("junk.sqlite");
    std::fs::write(&junk, vec![7u8; 8192]).expect("write junk");
    let err = lib
        .store
        .restore_from(&junk, at(5))
        .expect_err("junk is no library");
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err:?}");
    // A zero-length file is a valid, empty SQLite database without a Newsdesk schema.
    let empty = lib.dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").expect("create empty file");
    let err = lib
        .store
        .restore_from(&empty, at(5))
        .expect_err("an empty SQLite file is no library");
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err:?}");
    assert_eq!(
        lib.store.article_count().expect("count"),
        1,
        "nothing was lost"
    );
}

/// A SQLite file of another program with a plausible schema version.
fn foreign_database(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).expect("create foreign db");
    conn.execute_batch(
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO contacts (name) VALUES ('Erika Mustermann');
         PRAGMA user_version = 1;",
    )
    .expect("foreign schema");
}

#[test]
fn restoring_another_programs_database_is_refused_and_the_library_is_untouched() {
    let lib = library();
    lib.store
        .insert_article(&article("Bleibt"), Status::Draft, "", at(0))
        .expect("insert");
    let foreign = lib.dir.path().join("contacts.sqlite");
    foreign_database(&foreign);
    let err = lib
        .store
        .restore_from(&foreign, at(5))
        .expect_err("a contacts database is no library");
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err:?}");
    assert!(
        err.to_string().contains("contacts"),
        "says what it is: {err}"
    );
    assert_eq!(lib.store.article_count().expect("count"), 1, "nothing lost");
    assert!(lib.store.check().expect("check").is_empty());
}

#[test]
fn a_backup_with_a_trigger_of_its_own_is_refused() {
    let lib = library();
    let id = lib
        .store
        .insert_article(&article("Bleibt"), Status::Draft, "", at(0))
        .expect("insert")
        .id;
    let backup = lib.dir.path().join("tampered.sqlite");
    lib.store.backup_to(&backup).expect("backup");
    {
        let conn = rusqlite::Connection::open(&backup).expect("open backup");
        conn.execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON revisions BEGIN DELETE FROM articles; END;",
        )
        .expect("add trigger");
    }
    let err = lib
        .store
        .restore_from(&backup, at(5))
        .expect_err("a trigger Newsdesk did not make");
    assert!(err.to_string().contains("trigger 'wipe'"), "{err}");
    assert_eq!(lib.store.article(id).expect("load").content.title, "Bleibt");
}

/// A backup from before migration 8 still carries the trigram indexes: their own check runs,
/// and a damaged one refuses the backup.
#[test]
fn a_backup_whose_search_index_is_broken_is_refused() {
    let lib = library();
    lib.store
        .insert_article(&article("Bleibt"), Status::Draft, "", at(0))
        .expect("insert");
    let backup = lib.dir.path().join("broken-index.sqlite");
    {
        let conn = rusqlite::Connection::open(&backup).expect("create old backup");
        for sql in &newsdesk_store::migrations::MIGRATIONS[..6] {
            conn.execute_batch(sql).expect("old migration");
        }
        conn.pragma_update(None, "user_version", 6).expect("v6");
        for n in 1..=40_usize {
            conn.execute(
                "INSERT INTO article_search (rowid, kicker, title, teaser, body, tags)
                 VALUES (?1, '', 'Titel', '', ?2, '')",
                rusqlite::params![n as i64, "Glasfaser für alle Haushalte im Land ".repeat(n)],
            )
            .expect("old index row");
        }
        conn.execute("DELETE FROM article_search_data WHERE id > 10", [])
            .expect("damage the index");
    }
    let err = lib
        .store
        .restore_from(&backup, at(5))
        .expect_err("damaged index");
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(
        lib.store.search("bleibt", 5).expect("search").len(),
        1,
        "the library and its search are as they were"
    );
}

#[test]
fn a_restore_keeps_a_safety_copy_of_the_replaced_library() {
    let lib = library();
    lib.store
        .insert_article(&article("Alt"), Status::Draft, "", at(0))
        .expect("insert");
    let backup = lib.dir.path().join("backup.sqlite");
    lib.store.backup_to(&backup).expect("backup");
    lib.store
        .insert_article(&article("Nach dem Backup"), Status::Draft, "", at(1))
        .expect("insert 2");
    let safety = lib.store.restore_from(&backup, at(5)).expect("restore");
    assert!(
        safety
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains("before-restore")),
        "{}",
        safety.display()
    );
    let kept = Store::open(&safety).expect("the safety copy is a library");
    assert_eq!(
        kept.article_count().expect("count"),
        2,
        "the article written after the backup survives in the safety copy"
    );
}

#[test]
fn a_failed_backup_leaves_no_file_behind() {
    let lib = library();
    let target = lib.dir.path().join("no-such-folder").join("backup.sqlite");
    lib.store
        .backup_to(&target)
        .expect_err("the folder is missing");
    assert!(!target.exists());
    let leftovers: Vec<_> = std::fs::read_dir(lib.dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("backup"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_library_that_no_longer_opens_is_restored_and_the_damaged_file_kept() {
    let lib = library();
    let path = lib.store.path().to_path_buf();
    let id = lib
        .store
        .insert_article(&article("Gesichert"), Status::Draft, "", at(0))
        .expect("insert")
        .id;
    let backup = lib.dir.path().join("backup.sqlite");
    lib.store.backup_to(&backup).expect("backup");
    drop(lib.store);
    // The file's first pages overwritten: SQLite no longer knows it as a database.
    let mut bytes = std::fs::read(&path).expect("read library");
    let damaged_len = bytes.len();
    bytes[..4096].fill(0x5a);
    std::fs::write(&path, &bytes).expect("damage library");
    assert!(
        Store::open_existing(&path).is_err(),
        "the damaged library must not open, or the test proves nothing"
    );

    let kept = newsdesk_store::restore_unopened(&path, &backup, at(5)).expect("restore");
    assert_eq!(
        std::fs::metadata(&kept).expect("damaged file kept").len() as usize,
        damaged_len,
        "the damaged file is moved aside whole, not deleted"
    );
    let store = Store::open_existing(&path).expect("the restored library opens");
    assert_eq!(store.article(id).expect("load").content.title, "Gesichert");
    assert_eq!(
        store.search("gesichert", 5).expect("search").len(),
        1,
        "the search index is built anew for the restored library"
    );
    assert!(
        store.check().expect("check").is_empty(),
        "restored library is sound"
    );
}

#[test]
fn a_library_that_does_not_open_is_not_replaced_by_a_bad_backup() {
    let lib = library();
    let path = lib.store.path().to_path_buf();
    drop(lib.store);
    std::fs::write(&path, b"not a database at all, but the editor's only copy").expect("damage");
    let junk = lib.dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"junk").expect("junk");
    let refused = newsdesk_store::restore_unopened(&path, &junk, at(5));
    assert!(refused.is_err(), "a backup that is no library is refused");
    assert_eq!(
        std::fs::read(&path).expect("still there"),
        b"not a database at all, but the editor's only copy",
        "the file in place is untouched when the backup is refused"
    );
}
