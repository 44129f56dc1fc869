//! One long word must not stop the library (issue 19, 1): an article whose body is one
//! 832 KB compound was split in time growing with the square of its length, its index entry
//! stayed queued, and every later command retried it and hung.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use crate::hostile::{finish_within, spawn};
use crate::{json, ok, with_samples};

/// Far above what any of these commands needs (well under a second each), far below the
/// minutes the unbounded splitter took: a regression fails instead of hanging the run.
const HANG: Duration = Duration::from_secs(60);

/// Runs `newsdesk --db <db> args…`, failing the test if it fails or does not finish within
/// [`HANG`].
fn within(db: &Path, args: &[&str]) -> Output {
    let out = finish_within(spawn(db, args), HANG);
    assert!(
        out.status.success(),
        "newsdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn long_word_article(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("riesenwort.md");
    let body = format!(
        "Der Anfang steht vor dem Wort.\n\n{}\n\nUnd das Ende danach.\n",
        "Verwaltungsdigitalisierung".repeat(32_000)
    );
    std::fs::write(&file, format!("---\ntitle: Riesenwort\n---\n{body}")).expect("file");
    file
}

#[test]
fn every_command_answers_after_an_article_of_one_huge_word() {
    let (dir, db) = with_samples();
    let file = long_word_article(dir.path());
    within(&db, &["article", "import", file.to_str().expect("utf-8")]);
    let listed = json(&db, &["article", "list", "--json"]);
    let id = listed
        .as_array()
        .and_then(|list| list.iter().find(|a| a["title"] == "Riesenwort"))
        .and_then(|a| a["id"].as_i64())
        .expect("the article is listed");
    let id = id.to_string();
    within(&db, &["article", "show", &id, "--json"]);
    let found = within(&db, &["search", "Anfang", "--json"]);
    let hits: serde_json::Value = serde_json::from_slice(&found.stdout).expect("json");
    assert_eq!(
        hits[0]["title"], "Riesenwort",
        "the words around the long one are found: {hits}"
    );
    within(&db, &["search", "Verwaltungsdigitalisierung", "--json"]);
    within(&db, &["db", "check"]);
    within(&db, &["tags", "suggest", &id, "--json"]);
    within(&db, &["article", "related", &id, "--json"]);
    within(&db, &["article", "stats", &id, "--json"]);
    within(&db, &["article", "check", &id, "--json"]);
}

/// The state the issue found: the article saved, its index entry still queued (the writer
/// died, or another process held the index). Opening never applies the queue; the next
/// search does, in bounded time.
#[test]
fn a_queued_index_entry_never_blocks_opening() {
    let (dir, db) = with_samples();
    let file = long_word_article(dir.path());
    within(&db, &["article", "import", file.to_str().expect("utf-8")]);
    {
        let conn = rusqlite::Connection::open(&db).expect("raw");
        conn.execute(
            "INSERT INTO search_pending (article_id) SELECT id FROM articles",
            [],
        )
        .expect("every article queued again");
    }
    within(&db, &["article", "list"]);
    within(&db, &["db", "check"]);
    within(&db, &["db", "info", "--json"]);
    ok(&db, &["search", "Ende"]);
    let left: i64 = rusqlite::Connection::open(&db)
        .expect("raw")
        .query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))
        .expect("count");
    assert_eq!(left, 0, "the search applied the queue");
}
