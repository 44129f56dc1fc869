use newsdesk_model::{ArticleFilter, Status};
use newsdesk_store::{Store, StoreError};

use crate::{article, at, library};

#[test]
fn an_inserted_article_reads_back_whole() {
    let lib = library();
    let content = article("Zweites Digitalisierungskabinett");
    let saved = lib
        .store
        .insert_article(&content, Status::Draft, "import", at(0))
        .expect("insert");
    let loaded = lib.store.article(saved.id).expect("load");
    assert_eq!(loaded.content, content, "every field comes back as saved");
    assert_eq!(loaded.status, Status::Draft);
    assert_eq!(loaded.revision, 1, "a new article is at revision 1");
    assert_eq!(loaded.created_at, at(0));
}

#[test]
fn a_saved_article_survives_reopening_the_file() {
    let lib = library();
    let id = lib
        .store
        .insert_article(&article("Persistent"), Status::Ready, "", at(0))
        .expect("insert")
        .id;
    let path = lib.path();
    drop(lib.store);
    let reopened = Store::open(&path).expect("reopen");
    assert!(!reopened.was_created(), "an existing library is not new");
    assert_eq!(
        reopened.article(id).expect("load").content.title,
        "Persistent"
    );
}

#[test]
fn a_missing_article_is_a_typed_error() {
    let lib = library();
    assert!(matches!(
        lib.store.article(42),
        Err(StoreError::ArticleNotFound(42))
    ));
}

#[test]
fn an_empty_title_is_refused_and_nothing_is_stored() {
    let lib = library();
    let mut bad = article("x");
    bad.title = "  ".into();
    assert!(matches!(
        lib.store.insert_article(&bad, Status::Draft, "", at(0)),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(lib.store.article_count().expect("count"), 0);
}

#[test]
fn a_batch_keeps_the_good_and_refuses_the_bad() {
    let lib = library();
    let mut bad = article("x");
    bad.title.clear();
    let results = lib
        .store
        .insert_articles(
            &[article("Eins"), bad, article("Drei")],
            Status::Draft,
            "import",
            at(0),
        )
        .expect("batch runs");
    assert!(
        results[0].is_ok() && results[1].is_err() && results[2].is_ok(),
        "{results:?}"
    );
    assert_eq!(
        lib.store.article_count().expect("count"),
        2,
        "the refused one left no trace"
    );
}

#[test]
fn tags_are_one_vocabulary_regardless_of_case() {
    let lib = library();
    let mut a = article("A");
    a.tags = vec!["Thüringen".into(), "Politik".into()];
    let mut b = article("B");
    b.tags = vec!["THÜRINGEN".into()];
    lib.store
        .insert_article(&a, Status::Draft, "", at(0))
        .expect("a");
    lib.store
        .insert_article(&b, Status::Draft, "", at(1))
        .expect("b");
    let filter = ArticleFilter {
        tag: Some("thüringen".into()),
        ..Default::default()
    };
    let found = lib.store.list(&filter).expect("list by tag");
    assert_eq!(
        found.len(),
        2,
        "'thüringen' finds both spellings: {found:?}"
    );
    assert_eq!(
        found.iter().find(|s| s.title == "A").expect("A").tags,
        ["Thüringen", "Politik"],
        "order kept"
    );
}

#[test]
fn the_list_filters_by_status_section_and_date() {
    let lib = library();
    let mut old = article("Alt");
    old.date = chrono::NaiveDate::from_ymd_opt(2018, 1, 1);
    old.section = "Wirtschaft".into();
    lib.store
        .insert_article(&old, Status::Published, "", at(0))
        .expect("old");
    lib.store
        .insert_article(&article("Neu"), Status::Draft, "", at(1))
        .expect("new");
    let titles = |f: ArticleFilter| -> Vec<String> {
        lib.store
            .list(&f)
            .expect("list")
            .into_iter()
            .map(|s| s.title)
            .collect()
    };
    assert_eq!(
        titles(ArticleFilter {
            status: Some(Status::Draft),
            ..Default::default()
        }),
        ["Neu"]
    );
    assert_eq!(
        titles(ArticleFilter {
            section: Some("wirtschaft".into()),
            ..Default::default()
        }),
        ["Alt"]
    );
    assert_eq!(
        titles(ArticleFilter {
            since: chrono::NaiveDate::from_ymd_opt(2018, 6, 1),
            ..Default::default()
        }),
        ["Neu"]
    );
    assert_eq!(
        titles(ArticleFilter::default()),
        ["Neu", "Alt"],
        "newest date first"
    );
    assert_eq!(
        titles(ArticleFilter {
            limit: Some(1),
            offset: Some(1),
            ..Default::default()
        }),
        ["Alt"]
    );
    let counts = lib.store.status_counts().expect("counts");
    assert_eq!(
        counts
            .iter()
            .find(|c| c.status == Status::Published)
            .map(|c| c.count),
        Some(1)
    );
    assert_eq!(
        lib.store.sections().expect("sections"),
        ["Politik", "Wirtschaft"]
    );
}
