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

fn raw(lib: &crate::Library) -> rusqlite::Connection {
    rusqlite::Connection::open(lib.path()).expect("raw")
}

/// How a revision's content is stored: NULL (it is the article), or its SQLite type.
fn stored_as(lib: &crate::Library, id: i64, revision: i64) -> String {
    raw(lib)
        .query_row(
            "SELECT coalesce(typeof(content) || '', 'null') FROM revisions
             WHERE article_id = ?1 AND revision = ?2",
            [id, revision],
            |r| r.get(0),
        )
        .expect("revision row")
}

/// The SQLite type an article's body is stored as.
fn body_stored_as(lib: &crate::Library, id: i64) -> String {
    raw(lib)
        .query_row(
            "SELECT typeof(body) FROM articles WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("body")
}

#[test]
fn the_newest_revision_is_the_article_itself_and_a_replaced_one_keeps_its_content_packed() {
    let lib = library();
    let mut content = article("Erste Fassung");
    content.body = "Die Landesregierung hat die Strategie fortgeschrieben. ".repeat(40);
    let first = lib
        .store
        .insert_article(&content, Status::Draft, "import", at(0))
        .expect("insert");
    assert_eq!(
        stored_as(&lib, first.id, 1),
        "null",
        "an imported article holds its text once: revision 1 is the article"
    );
    assert_eq!(
        body_stored_as(&lib, first.id),
        "blob",
        "a long body is stored compressed"
    );
    let before = content.clone();
    content.title = "Zweite Fassung".into();
    content.body.push_str("Ein neuer Absatz.");
    lib.store
        .update_article(first.id, &content, Some(1), "save", at(1))
        .expect("save");
    assert_eq!(
        stored_as(&lib, first.id, 1),
        "blob",
        "revision 1 kept, packed"
    );
    assert_eq!(stored_as(&lib, first.id, 2), "null");
    assert_eq!(
        lib.store.revision(first.id, 1).expect("rev 1").content,
        before,
        "the replaced revision reads as it was saved"
    );
    assert_eq!(
        lib.store.revision(first.id, 2).expect("rev 2").content,
        lib.store.article(first.id).expect("article").content,
        "the newest revision is the article"
    );
    lib.store
        .restore_revision(first.id, 1, at(2))
        .expect("restore");
    assert_eq!(
        lib.store.article(first.id).expect("article").content.title,
        "Erste Fassung"
    );
    assert_eq!(
        lib.store
            .revision(first.id, 2)
            .expect("rev 2")
            .content
            .title,
        "Zweite Fassung",
        "the revision the restore replaced keeps its own content"
    );
    assert!(lib.store.check().expect("check").is_empty());
}

#[test]
fn a_short_body_stays_plain_text_and_both_kinds_read_back() {
    let lib = library();
    let mut short = article("Kurz");
    short.body = "Kurz gemeldet.".into();
    let id = lib
        .store
        .insert_article(&short, Status::Draft, "", at(0))
        .expect("insert")
        .id;
    assert_eq!(
        body_stored_as(&lib, id),
        "text",
        "a frame would be larger than the text"
    );
    assert_eq!(
        lib.store.article(id).expect("article").content.body,
        "Kurz gemeldet."
    );
}

#[test]
fn a_damaged_packed_body_is_an_error_not_a_crash() {
    let lib = library();
    let mut content = article("Beschädigt");
    content.body = "Ein langer Text über die Verwaltung. ".repeat(20);
    let id = lib
        .store
        .insert_article(&content, Status::Draft, "", at(0))
        .expect("insert")
        .id;
    raw(&lib)
        .execute(
            "UPDATE articles SET body = x'28b52ffd0400ffffff' WHERE id = ?1",
            [id],
        )
        .expect("damage");
    assert!(
        lib.store.article(id).is_err(),
        "a body that does not unpack is refused in words"
    );
    assert!(
        !lib.store.check().expect("check").is_empty(),
        "and the library check names it"
    );
}
