use newsdesk_model::Status;
use newsdesk_store::StoreError;

use crate::{article, at, library};

#[test]
fn every_save_is_a_revision_and_restore_brings_an_old_one_back() {
    let lib = library();
    let first = lib
        .store
        .insert_article(&article("Erste Fassung"), Status::Draft, "import", at(0))
        .expect("insert");
    let mut second = first.content.clone();
    second.title = "Zweite Fassung".into();
    second.body = "Ganz neuer Text.".into();
    let saved = lib
        .store
        .update_article(first.id, &second, Some(1), "save", at(1))
        .expect("update");
    assert_eq!(saved.revision, 2);

    let history = lib.store.history(first.id).expect("history");
    let numbers: Vec<i64> = history.iter().map(|r| r.revision).collect();
    assert_eq!(numbers, [2, 1], "newest first");
    assert_eq!(
        history[1].title, "Erste Fassung",
        "revision 1 keeps the first state"
    );
    assert_eq!(history[0].words, 3);

    let restored = lib
        .store
        .restore_revision(first.id, 1, at(2))
        .expect("restore");
    assert_eq!(
        restored.content, first.content,
        "the old state is current again"
    );
    assert_eq!(
        restored.revision, 3,
        "restoring is itself a save; nothing is lost"
    );
    assert_eq!(
        lib.store
            .revision(first.id, 2)
            .expect("rev 2")
            .content
            .title,
        "Zweite Fassung"
    );
    assert_eq!(
        lib.store.history(first.id).expect("history")[0].note,
        "restore of revision 1"
    );
}

#[test]
fn a_stale_save_is_a_conflict_and_changes_nothing() {
    let lib = library();
    let a = lib
        .store
        .insert_article(&article("A"), Status::Draft, "", at(0))
        .expect("insert");
    lib.store
        .update_article(a.id, &a.content, Some(1), "", at(1))
        .expect("first save");
    let err = lib
        .store
        .update_article(a.id, &article("Stale"), Some(1), "", at(2))
        .expect_err("stale");
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 1,
                current: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(lib.store.article(a.id).expect("load").content.title, "A");
}

#[test]
fn unknown_revisions_and_articles_are_typed_errors() {
    let lib = library();
    let a = lib
        .store
        .insert_article(&article("A"), Status::Draft, "", at(0))
        .expect("insert");
    assert!(matches!(
        lib.store.revision(a.id, 9),
        Err(StoreError::RevisionNotFound { revision: 9, .. })
    ));
    assert!(matches!(
        lib.store.history(77),
        Err(StoreError::ArticleNotFound(77))
    ));
    assert!(matches!(
        lib.store.restore_revision(a.id, 5, at(1)),
        Err(StoreError::RevisionNotFound { .. })
    ));
}
