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

#[test]
fn another_programs_database_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("contacts.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch(
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 1;",
        )
        .expect("schema");
    }
    let before = std::fs::read(&path).expect("read");
    let err = Store::open(&path).err().expect("foreign db refused");
    assert!(matches!(err, StoreError::NotALibrary { .. }), "{err:?}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "no WAL switch, no schema written"
    );
    assert!(
        !dir.path().join("contacts.sqlite-wal").exists(),
        "no WAL file was made"
    );
}

#[test]
fn open_existing_creates_nothing_for_a_mistyped_path() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("typo").join("library.sqlite");
    let err = Store::open_existing(&path).err().expect("no library there");
    assert!(matches!(err, StoreError::NoLibrary { .. }), "{err:?}");
    assert!(!dir.path().join("typo").exists(), "no folder was created");
}

#[test]
fn a_library_gets_newsdesks_application_id() {
    let lib = library();
    let path = lib.path();
    drop(lib.store);
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("read id");
    assert_eq!(id, newsdesk_store::APPLICATION_ID);
}

#[test]
fn a_first_release_library_without_application_id_opens_and_migrates() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v1.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch(migrations::MIGRATIONS[0]).expect("v1");
        conn.pragma_update(None, "user_version", 1).expect("v1");
        conn.execute(
            "INSERT INTO articles (title, created_at, updated_at)
             VALUES ('Alt', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            [],
        )
        .expect("an article of the first release");
    }
    let store = Store::open(&path).expect("a v1 library is ours");
    assert_eq!(store.schema_version().expect("v"), migrations::latest());
    assert_eq!(
        store.article_count().expect("count"),
        1,
        "its data survives"
    );
}

#[test]
fn two_processes_opening_a_new_library_at_once_migrate_it_once() {
    // A race: repeated, so that one opener reads the file while another migrates it.
    for round in 0..30 {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("race.sqlite");
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || Store::open(&path).map(|s| s.schema_version()))
            })
            .collect();
        for h in handles {
            let version = h
                .join()
                .expect("no panic")
                .unwrap_or_else(|e| panic!("round {round}: every opener succeeds: {e} ({e:?})"))
                .expect("version");
            assert_eq!(version, migrations::latest());
        }
        let store = Store::open(&path).expect("reopen");
        assert!(
            store.check().expect("check").is_empty(),
            "migrated once, consistent"
        );
    }
}

#[test]
fn a_schema_3_library_gets_date_ordered_search_keys() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v3.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        for sql in &migrations::MIGRATIONS[..3] {
            conn.execute_batch(sql).expect("old migration");
        }
        conn.pragma_update(None, "user_version", 3).expect("v3");
        for (id, date) in [(1, "2019-05-01"), (2, "2023-05-01"), (3, "2021-05-01")] {
            conn.execute(
                "INSERT INTO articles (id, title, date, body, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'Glasfaser für alle', '2026-01-01T00:00:00.000Z',
                         '2026-01-01T00:00:00.000Z')",
                rusqlite::params![id, format!("Artikel {id}"), date],
            )
            .expect("article");
            conn.execute(
                "INSERT INTO article_search (rowid, kicker, title, teaser, body, tags)
                 VALUES (?1, '', ?2, '', 'Glasfaser für alle', '')",
                rusqlite::params![id, format!("Artikel {id}")],
            )
            .expect("old index row");
        }
    }
    let store = Store::open(&path).expect("migrates");
    let hits = store.search("glasfaser", 10).expect("search");
    let ids: Vec<i64> = hits.iter().map(|h| h.id).collect();
    assert_eq!(ids, [2, 3, 1], "2023, 2021, 2019");
    let trigram: i64 = rusqlite::Connection::open(&path)
        .expect("raw")
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('article_search', 'article_head')",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(
        trigram, 0,
        "the trigram indexes are gone: the index beside the library replaces them"
    );
    assert!(
        store.check().expect("check").is_empty(),
        "{:?}",
        store.check()
    );
}

#[test]
fn a_schema_12_library_gets_slug_and_description_out_of_the_unknown_keys() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v12.sqlite");
    {
        let store = Store::open(&path).expect("new library");
        let mut content = crate::article("Mit Adresse");
        content
            .extra
            .insert("slug".into(), serde_json::json!("landtag-adresse"));
        content.extra.insert("weight".into(), serde_json::json!(3));
        store
            .insert_article(&content, newsdesk_model::Status::Draft, "", crate::at(0))
            .expect("insert");
        drop(store);
        // Back to schema 12 as an older Newsdesk left it: the slug among the unknown keys.
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute_batch(
            "DROP INDEX articles_embargoed; DROP INDEX images_embargoed;
             ALTER TABLE articles DROP COLUMN slug; ALTER TABLE articles DROP COLUMN description;
             ALTER TABLE articles DROP COLUMN social_image;
             ALTER TABLE articles DROP COLUMN embargo_until;
             ALTER TABLE articles DROP COLUMN corrections;
             ALTER TABLE images DROP COLUMN embargo_until;
             DROP TABLE tag_model_pending;
             PRAGMA user_version = 12;",
        )
        .expect("schema 12");
    }
    let store = Store::open(&path).expect("migrates");
    let article = store.article(1).expect("the article");
    assert_eq!(
        article.content.slug, "landtag-adresse",
        "the key became the field"
    );
    assert_eq!(
        article.content.extra.get("weight"),
        Some(&serde_json::json!(3)),
        "other unknown keys stay"
    );
    assert!(!article.content.extra.contains_key("slug"));
    assert!(store.check().expect("check").is_empty());
}

#[test]
fn a_schema_11_outbox_keeps_its_jobs_and_gains_the_german_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v11.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        for sql in &migrations::MIGRATIONS[..11] {
            conn.execute_batch(sql).expect("old migration");
        }
        conn.pragma_update(None, "user_version", 11).expect("v11");
        conn.execute_batch(
            "INSERT INTO articles (id, title, created_at, updated_at)
             VALUES (1, 'Eins', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO portals (name, kind, url, created_at, secret_id)
             VALUES ('wp', 'wordpress', 'https://portal.example', '2026-01-01T00:00:00.000Z',
                     'abc');
             INSERT INTO outbox (id, article_id, portal, action, state, error, error_kind,
                                 created_at, updated_at)
             VALUES (7, 1, 'wp', 'publish', 'failed', 'the portal refused the article',
                     'user', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');",
        )
        .expect("a job of the old schema");
    }
    let store = Store::open(&path).expect("migrates");
    let job = store.outbox_job(7).expect("the old job is still there");
    assert_eq!(job.error.as_deref(), Some("the portal refused the article"));
    assert!(
        job.error_translations.is_empty(),
        "a reason settled before has no German: the window shows the English"
    );
    assert!(
        store.check().expect("check").is_empty(),
        "{:?}",
        store.check()
    );
}

#[test]
fn a_schema_13_library_keeps_every_revision_and_drops_the_copy_of_the_newest() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v13.sqlite");
    let (first, second) = {
        let store = Store::open(&path).expect("new library");
        let first = crate::article("Erste Fassung");
        let id = store
            .insert_article(&first, newsdesk_model::Status::Draft, "", crate::at(0))
            .expect("insert")
            .id;
        let mut second = first.clone();
        second.title = "Zweite Fassung".into();
        store
            .update_article(id, &second, Some(1), "save", crate::at(1))
            .expect("save");
        drop(store);
        // Back to schema 13 as an older Newsdesk left it: every revision whole, as JSON text.
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute_batch(
            "CREATE TABLE revisions_old (
                 article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                 revision    INTEGER NOT NULL,
                 saved_at    TEXT NOT NULL,
                 status      TEXT NOT NULL,
                 title       TEXT NOT NULL,
                 words       INTEGER NOT NULL,
                 note        TEXT NOT NULL DEFAULT '',
                 content     TEXT NOT NULL,
                 PRIMARY KEY (article_id, revision)
             ) WITHOUT ROWID;
             DROP TABLE revisions; ALTER TABLE revisions_old RENAME TO revisions;
             DROP TABLE tag_model_pending;
             PRAGMA user_version = 13;",
        )
        .expect("schema 13");
        for (revision, content) in [(1, &first), (2, &second)] {
            conn.execute(
                "INSERT INTO revisions VALUES (?1, ?2, '2026-11-28T09:00:00.000Z', 'draft', ?3, 1, '', ?4)",
                rusqlite::params![
                    id,
                    revision,
                    content.title,
                    serde_json::to_string(content).expect("json")
                ],
            )
            .expect("old revision");
        }
        (first, second)
    };
    let store = Store::open(&path).expect("migrates");
    assert_eq!(
        store.schema_version().expect("version"),
        migrations::latest()
    );
    assert_eq!(
        store.revision(1, 1).expect("rev 1").content,
        first,
        "old JSON reads"
    );
    assert_eq!(
        store.revision(1, 2).expect("rev 2").content.title,
        second.title
    );
    let newest: Option<String> = rusqlite::Connection::open(&path)
        .expect("raw")
        .query_row(
            "SELECT content FROM revisions WHERE article_id = 1 AND revision = 2",
            [],
            |r| r.get(0),
        )
        .expect("row");
    assert_eq!(
        newest, None,
        "the newest revision's copy of the article went"
    );
    assert!(store.check().expect("check").is_empty());
}
