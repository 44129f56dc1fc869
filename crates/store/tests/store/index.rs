//! The search index beside the library: derived data, rebuilt whenever it cannot be trusted.

use newsdesk_model::{ArticleContent, Status};
use newsdesk_store::Store;

use crate::{at, library};

fn articles() -> Vec<ArticleContent> {
    [
        (
            "Kabinett tagt",
            "Das Digitalisierungskabinett beriet die Strategie.",
            2024,
        ),
        (
            "Haushalt beschlossen",
            "Der Landtag beschloss den Haushalt.",
            2023,
        ),
        (
            "Neue Strategie",
            "Eine Strategie für die Verwaltungsdigitalisierung.",
            2022,
        ),
    ]
    .iter()
    .map(|(title, body, year)| ArticleContent {
        title: (*title).into(),
        body: (*body).into(),
        date: chrono::NaiveDate::from_ymd_opt(*year, 5, 1),
        ..Default::default()
    })
    .collect()
}

const QUERIES: [&str; 4] = ["strategie", "digitalisierung", "haushalt", "kabinett"];

/// Ids and scores for each query, to compare two states of the index.
fn answers(store: &Store) -> Vec<Vec<(i64, String)>> {
    QUERIES
        .iter()
        .map(|q| {
            store
                .search(q, 10)
                .expect("search")
                .into_iter()
                .map(|h| (h.id, format!("{:.4}", h.score)))
                .collect()
        })
        .collect()
}

fn filled() -> crate::Library {
    let lib = library();
    for (i, a) in articles().iter().enumerate() {
        lib.store
            .insert_article(a, Status::Draft, "", at(i as u32))
            .expect("insert");
    }
    lib
}

#[test]
fn a_deleted_index_of_a_small_library_is_rebuilt_on_open_with_the_same_results() {
    let Reopened {
        store,
        before,
        index,
        _dir,
        ..
    } = without_index(filled());
    assert!(before.iter().all(|a| !a.is_empty()), "{before:?}");
    assert!(index.is_dir(), "the index is back");
    assert!(
        !store.search_index_stale(),
        "three articles are indexed at once"
    );
    assert_eq!(
        store.search_index_len().expect("count"),
        3,
        "every article is in it again"
    );
    assert_eq!(answers(&store), before, "same hits, same scores");
}

/// A library with its index folder deleted and opened again, and what it answered before.
struct Reopened {
    store: Store,
    before: Vec<Vec<(i64, String)>>,
    index: std::path::PathBuf,
    path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn without_index(lib: crate::Library) -> Reopened {
    let before = answers(&lib.store);
    let index = lib.store.search_index_dir();
    let path = lib.path();
    let crate::Library { dir, store } = lib;
    drop(store);
    std::fs::remove_dir_all(&index).expect("delete the index");
    Reopened {
        store: Store::open(&path).expect("reopen"),
        before,
        index,
        path,
        _dir: dir,
    }
}

/// More articles than are indexed while opening (1,000).
fn large() -> crate::Library {
    let lib = filled();
    let many: Vec<ArticleContent> = (0..1_200)
        .map(|n| ArticleContent {
            title: format!("Meldung {n}"),
            body: format!("Kurzmeldung Nummer {n} aus dem Landtag."),
            ..Default::default()
        })
        .collect();
    lib.store
        .insert_articles(&many, Status::Draft, "import", at(5))
        .expect("insert");
    lib
}

#[test]
fn a_deleted_index_of_a_large_library_is_rebuilt_after_the_open_by_the_first_search() {
    let Reopened {
        store,
        before,
        _dir,
        ..
    } = without_index(large());
    assert!(
        store.search_index_stale(),
        "opening only notices: the rebuild is the window's background work or the first search's"
    );
    assert_eq!(answers(&store), before, "same hits, same scores");
    assert!(!store.search_index_stale());
    assert_eq!(store.search_index_len().expect("count"), 1_203);
}

#[test]
fn a_restart_does_not_rebuild_the_index() {
    let lib = filled();
    let path = lib.path();
    drop(lib.store);
    let store = Store::open(&path).expect("reopen");
    assert!(!store.search_index_stale(), "the index is this library's");
    assert!(
        !store
            .rebuild_stale_search_index(true, &mut |_, _| panic!("nothing to rebuild"))
            .expect("no rebuild"),
        "a restart rebuilds nothing"
    );
    drop(lib.dir);
}

#[test]
fn a_rebuild_in_the_background_tells_its_progress_and_keeps_what_was_saved_meanwhile() {
    let Reopened {
        store,
        before,
        path,
        _dir,
        ..
    } = without_index(large());
    assert!(store.search_index_stale());
    // Saved before the rebuild ran: kept in the queue, not written into the stale index.
    let mut windkraft = articles()[0].clone();
    windkraft.title = "Windkraft im Landtag".into();
    store
        .insert_article(&windkraft, Status::Draft, "", at(9))
        .expect("saved while the index waits");
    assert!(queued(&path) >= 1, "the change waits in the queue");
    let mut heard = Vec::new();
    assert!(
        store
            .rebuild_stale_search_index(true, &mut |done, total| heard.push((done, total)))
            .expect("rebuild")
    );
    assert_eq!(
        heard.first(),
        Some(&(0, 1_204)),
        "it starts by saying how many"
    );
    assert!(
        heard.contains(&(1_000, 1_204)),
        "it reports on the way: {heard:?}"
    );
    assert_eq!(
        heard.last(),
        Some(&(1_204, 1_204)),
        "and ends with all of them"
    );
    assert_eq!(queued(&path), 0, "the queue went into the index");
    assert_eq!(store.search("windkraft", 5).expect("search").len(), 1);
    let ids = |a: &[(i64, String)]| a.iter().map(|h| h.0).collect::<Vec<_>>();
    assert_eq!(
        ids(&answers(&store)[2]),
        ids(&before[2]),
        "the others as before"
    );
}

#[test]
fn a_damaged_index_is_rebuilt_on_open_with_the_same_results() {
    let lib = filled();
    let before = answers(&lib.store);
    let index = lib.store.search_index_dir();
    let path = lib.path();
    drop(lib.store);
    // Every file of the index cut short, the list of segments overwritten with garbage.
    for entry in std::fs::read_dir(&index).expect("index files") {
        let file = entry.expect("entry").path();
        let bytes = std::fs::read(&file).expect("read");
        std::fs::write(&file, &bytes[..bytes.len() / 2]).expect("cut");
    }
    std::fs::write(index.join("meta.json"), b"{ not json").expect("garbage");
    let store = Store::open(&path).expect("a damaged index never keeps the library closed");
    assert_eq!(answers(&store), before);
    drop(lib.dir);
}

/// Segment files emptied while the meta file stays readable: the index is rebuilt on open.
#[test]
fn an_emptied_segment_is_rebuilt_on_open() {
    let lib = filled();
    let before = answers(&lib.store);
    let index = lib.store.search_index_dir();
    let path = lib.path();
    drop(lib.store);
    for entry in std::fs::read_dir(&index).expect("index files") {
        let file = entry.expect("entry").path();
        if file.extension().is_some_and(|e| e == "idx" || e == "term") {
            std::fs::write(&file, b"").expect("empty the segment file");
        }
    }
    let store = Store::open(&path).expect("reopen");
    assert_eq!(answers(&store), before);
    drop(lib.dir);
}

fn queued(path: &std::path::Path) -> i64 {
    rusqlite::Connection::open(path)
        .expect("raw")
        .query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))
        .expect("count")
}

/// A crash after the library committed but before the index did: the change is queued in
/// the library, and the next search applies it — opening does not (no queued article can
/// keep the library from opening).
#[test]
fn a_change_the_index_missed_is_applied_by_the_next_search_not_at_open() {
    let lib = filled();
    let id = lib.store.search("haushalt", 5).expect("search")[0].id;
    let path = lib.path();
    drop(lib.store);
    {
        // What a writer killed between the two commits leaves behind.
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute(
            "UPDATE articles SET body = 'Die Windkraft wurde vertagt.' WHERE id = ?1",
            [id],
        )
        .expect("change");
        conn.execute("INSERT INTO search_pending (article_id) VALUES (?1)", [id])
            .expect("queued");
    }
    let store = Store::open(&path).expect("reopen");
    assert_eq!(
        queued(&path),
        1,
        "opening leaves the queue to the next search"
    );
    assert_eq!(
        store.search("windkraft", 5).expect("search").len(),
        1,
        "the new text is found"
    );
    assert!(
        store.search("landtag", 5).expect("search").is_empty(),
        "the old text is gone"
    );
    assert_eq!(queued(&path), 0, "the queue is emptied once applied");
    drop(lib.dir);
}

/// An article whose body is one word of 832 KB (and a million more bytes of ordinary text):
/// saving, opening, listing and searching stay quick — the word is no term, the text beyond
/// the first MiB is not indexed, and everything before is found.
#[test]
fn an_article_of_one_huge_word_does_not_stop_the_library() {
    let lib = filled();
    let huge = ArticleContent {
        title: "Riesenwort".into(),
        body: format!(
            "Der Anfang wird gefunden. {} {} Das Quokka nicht.",
            "Verwaltungsdigitalisierung".repeat(32_000),
            "Füllwort ".repeat(120_000)
        ),
        ..Default::default()
    };
    let id = lib
        .store
        .insert_article(&huge, Status::Draft, "", at(9))
        .expect("a huge article is saved")
        .id;
    assert_eq!(queued(&lib.path()), 0, "and indexed right after");
    let path = lib.path();
    drop(lib.store);
    let store = Store::open(&path).expect("the library opens");
    let ids = |q: &str| -> Vec<i64> {
        store
            .search(q, 10)
            .expect("search")
            .iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(
        ids("Anfang"),
        [id],
        "the text before the long word is found"
    );
    assert_eq!(ids("Riesenwort"), [id], "and the title");
    assert!(
        ids("Quokka").is_empty(),
        "the text after the first MiB is not indexed"
    );
    assert_eq!(
        ids("Digitalisierung").len(),
        2,
        "the 832 KB word gives no term; the other articles still match"
    );
    drop(lib.dir);
}

/// An index made for another library (a copied folder, a library file replaced by another) is
/// recognised by its stamp and rebuilt.
#[test]
fn an_index_of_another_library_is_rebuilt() {
    let mine = filled();
    let other = library();
    other
        .store
        .insert_article(
            &ArticleContent {
                title: "Fremde Strategie".into(),
                ..Default::default()
            },
            Status::Draft,
            "",
            at(0),
        )
        .expect("insert");
    let before = answers(&mine.store);
    let (my_index, my_path) = (mine.store.search_index_dir(), mine.path());
    let other_index = other.store.search_index_dir();
    drop(mine.store);
    drop(other.store);
    std::fs::remove_dir_all(&my_index).expect("remove");
    std::fs::create_dir_all(&my_index).expect("folder");
    for entry in std::fs::read_dir(&other_index).expect("other index") {
        let file = entry.expect("entry").path();
        if let Some(name) = file.file_name() {
            std::fs::copy(&file, my_index.join(name)).expect("copy");
        }
    }
    let store = Store::open(&my_path).expect("reopen");
    assert_eq!(
        answers(&store),
        before,
        "this library's articles, not the other's"
    );
    drop((mine.dir, other.dir));
}

/// Two openers of one library (the app and a command): what one writes, the other finds.
#[test]
fn a_second_opener_finds_what_the_first_wrote() {
    let lib = library();
    let second = Store::open(&lib.path()).expect("second opener");
    assert!(second.search("windpark", 5).expect("search").is_empty());
    lib.store
        .insert_article(
            &ArticleContent {
                title: "Windpark genehmigt".into(),
                ..Default::default()
            },
            Status::Draft,
            "",
            at(0),
        )
        .expect("insert");
    assert_eq!(
        second.search("windpark", 5).expect("search").len(),
        1,
        "the other opener's commit is read"
    );
}

#[test]
fn a_restore_brings_the_search_back_to_the_backup() {
    let lib = filled();
    let backup = lib.dir.path().join("backup.sqlite");
    lib.store.backup_to(&backup).expect("backup");
    lib.store
        .insert_article(
            &ArticleContent {
                title: "Nach dem Backup: Windpark".into(),
                ..Default::default()
            },
            Status::Draft,
            "",
            at(9),
        )
        .expect("insert");
    assert_eq!(lib.store.search("windpark", 5).expect("search").len(), 1);
    lib.store.restore_from(&backup, at(10)).expect("restore");
    assert!(
        lib.store.search("windpark", 5).expect("search").is_empty(),
        "the article written after the backup is not in the restored library's search"
    );
    assert_eq!(lib.store.search("haushalt", 5).expect("search").len(), 1);
}
