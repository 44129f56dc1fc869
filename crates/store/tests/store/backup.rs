use newsdesk_model::Status;
use newsdesk_store::StoreError;

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

    lib.store.restore_from(&backup).expect("restore");
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
        .restore_from(&junk)
        .expect_err("junk is no library");
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err:?}");
    // A zero-length file is a valid, empty SQLite database without a Newsdesk schema.
    let empty = lib.dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").expect("create empty file");
    let err = lib
        .store
        .restore_from(&empty)
        .expect_err("an empty SQLite file is no library");
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err:?}");
    assert_eq!(
        lib.store.article_count().expect("count"),
        1,
        "nothing was lost"
    );
}
