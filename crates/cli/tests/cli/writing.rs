//! The writing commands as scripts use them: new, update (with the stale-revision guard),
//! status, check, diff, stats, related, duplicate, trash.

use std::path::Path;

use crate::{json, nd, ok, samples, seed_id, with_samples};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn new_article(db: &Path, args: &[&str]) -> i64 {
    let mut all = vec!["article", "new"];
    all.extend_from_slice(args);
    all.push("--json");
    json(db, &all)["id"]
        .as_i64()
        .expect("new prints the article with its id")
}

fn seed_file() -> std::path::PathBuf {
    samples().join("2018-12-13-thueringen-zweites-digitalisierungskabinett.md")
}

#[test]
fn new_writes_a_draft_with_the_given_fields_and_body() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let body = dir.path().join("body.md");
    std::fs::write(&body, "Erster Absatz.\n\n## Zweitens\n").expect("write");
    let id = new_article(
        &db,
        &[
            "--title",
            "Neue Meldung",
            "--kicker",
            "Erfurt",
            "--section",
            "Politik",
            "--type",
            "Meldung",
            "--author",
            "ba",
            "--teaser",
            "Kurz gesagt.",
            "--body-file",
            body.to_str().expect("utf-8"),
        ],
    );
    let a = json(&db, &["article", "show", &id.to_string(), "--json"]);
    assert_eq!(a["title"], "Neue Meldung");
    assert_eq!(a["kicker"], "Erfurt");
    assert_eq!(a["type"], "Meldung");
    assert_eq!(a["status"], "draft");
    assert_eq!(a["revision"], 1);
    assert_eq!(a["body"], "Erster Absatz.\n\n## Zweitens\n");
}

#[test]
fn a_stale_update_is_refused_with_exit_3_and_nothing_is_lost() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let id = new_article(&db, &["--title", "Entwurf"]).to_string();
    let seed = seed_file();
    let seed = seed.to_str().expect("utf-8");
    ok(
        &db,
        &["article", "update", &id, seed, "--expect-revision", "1"],
    );
    let mine = dir.path().join("mine.md");
    std::fs::write(&mine, "---\ntitle: Meine Fassung\n---\nAnders.\n").expect("write");
    let out = nd(
        &db,
        &[
            "article",
            "update",
            &id,
            mine.to_str().expect("utf-8"),
            "--expect-revision",
            "1",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "a stale update is a conflict: {}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("conflict"), "{}", stderr(&out));
    let history = json(&db, &["article", "history", &id, "--json"]);
    let titles: Vec<&str> = history
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        ["Zweites Digitalisierungskabinett", "Entwurf"],
        "both earlier versions are in the history, the stale one overwrote nothing"
    );
    // Without the guard the same file saves as revision 3.
    ok(
        &db,
        &["article", "update", &id, mine.to_str().expect("utf-8")],
    );
    assert_eq!(
        json(&db, &["article", "show", &id, "--json"])["revision"],
        3
    );
}

#[test]
fn ready_is_refused_line_by_line_until_the_article_is_complete() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let id = new_article(&db, &["--title", "Ohne alles"]).to_string();
    let out = nd(&db, &["article", "status", &id, "ready"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for field in ["kicker", "teaser", "section", "body"] {
        assert!(
            err.lines().any(|l| l.starts_with(&format!("{field}:"))),
            "one line for {field}: {err}"
        );
    }
    let check = json(&db, &["article", "check", &id, "--json"]);
    assert_eq!(check.as_array().map(Vec::len), Some(4), "{check}");
    assert!(check[0]["field"].is_string() && check[0]["problem"].is_string());

    // The seed article has a picture without alt text: still not ready.
    let seed = seed_file();
    ok(
        &db,
        &["article", "update", &id, seed.to_str().expect("utf-8")],
    );
    let out = nd(&db, &["article", "status", &id, "ready"]);
    assert!(stderr(&out).contains("images[1].alt"), "{}", stderr(&out));

    let complete = dir.path().join("complete.md");
    let text = std::fs::read_to_string(&seed).expect("seed").replace(
        "    credit: Thüringer Staatskanzlei",
        "    credit: Thüringer Staatskanzlei\n    alt: Zwei Personen vor der Presse",
    );
    std::fs::write(&complete, text).expect("write");
    ok(
        &db,
        &["article", "update", &id, complete.to_str().expect("utf-8")],
    );
    let blocking: Vec<serde_json::Value> = json(&db, &["article", "check", &id, "--json"])
        .as_array()
        .expect("list")
        .iter()
        .filter(|p| p["blocking"] == true)
        .cloned()
        .collect();
    assert!(blocking.is_empty(), "{blocking:?}");
    ok(&db, &["article", "status", &id, "ready"]);
    assert_eq!(
        json(&db, &["article", "show", &id, "--json"])["status"],
        "ready"
    );
    ok(&db, &["article", "status", &id, "draft"]);
}

#[test]
fn diff_marks_removed_and_added_words() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let id = new_article(&db, &["--title", "Das Kabinett tagte heute"]).to_string();
    let later = dir.path().join("later.md");
    std::fs::write(&later, "---\ntitle: Das Kabinett tagte gestern\n---\n").expect("write");
    ok(
        &db,
        &["article", "update", &id, later.to_str().expect("utf-8")],
    );
    let text = ok(&db, &["article", "diff", &id, "--from", "1", "--to", "2"]);
    assert!(text.contains("[-heute-]{+gestern+}"), "{text}");
    let diff = json(
        &db,
        &["article", "diff", &id, "--from", "1", "--to", "2", "--json"],
    );
    assert_eq!(diff["fields"][0]["field"], "title");
}

#[test]
fn stats_count_words_and_rate_readability() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db).to_string();
    let stats = json(&db, &["article", "stats", &id, "--json"]);
    let words = stats["words"].as_u64().expect("words");
    assert!(
        (250..600).contains(&words),
        "the seed has a few hundred words: {words}"
    );
    assert!(stats["characters"].as_u64() > Some(words * 4));
    assert_eq!(stats["reading_minutes"], words.div_ceil(200));
    let readability = stats["readability"].as_f64().expect("a score");
    assert!((0.0..=100.0).contains(&readability), "{readability}");
    assert!(stats["long_sentences"].is_array());
}

#[test]
fn related_articles_share_words_and_the_section_first() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db);
    let related = json(
        &db,
        &["article", "related", &id.to_string(), "-k", "3", "--json"],
    );
    let list = related.as_array().expect("a list");
    assert!(!list.is_empty() && list.len() <= 3, "{related}");
    assert!(
        list.iter().all(|r| r["id"] != id),
        "never the article itself"
    );
    assert!(list[0]["score"].as_f64() >= list[list.len() - 1]["score"].as_f64());
    // The other Thüringen article on e-government is the closest.
    assert!(
        list.iter().any(|r| r["title"]
            .as_str()
            .is_some_and(|t| t.contains("E-Government"))),
        "{related}"
    );
}

#[test]
fn the_trash_hides_keeps_and_finally_deletes() {
    let (_dir, db) = with_samples();
    let seed = seed_id(&db);
    let id = seed.to_string();
    ok(&db, &["article", "trash", &id]);
    let listed = json(&db, &["article", "list", "--json"]);
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(5),
        "gone from the list"
    );
    let hits = json(&db, &["search", "Digitalisierungskabinett", "--json"]);
    assert!(
        hits.as_array()
            .expect("hits")
            .iter()
            .all(|h| h["id"] != seed),
        "gone from search"
    );
    let trash = json(&db, &["article", "list", "--trashed", "--json"]);
    assert_eq!(trash[0]["id"], seed);
    assert!(trash[0]["trashed_at"].is_string());
    let out = nd(&db, &["article", "status", &id, "draft"]);
    assert!(
        stderr(&out).contains("trash"),
        "a trashed article is not changed: {}",
        stderr(&out)
    );

    ok(&db, &["article", "untrash", &id]);
    assert_eq!(
        json(&db, &["article", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(6)
    );
    assert!(
        !json(&db, &["search", "Digitalisierungskabinett", "--json"])
            .as_array()
            .expect("hits")
            .is_empty()
    );

    let copy = json(&db, &["article", "duplicate", &id, "--json"]);
    assert_eq!(copy["title"], "Zweites Digitalisierungskabinett (Kopie)");
    let copy_id = copy["id"].to_string();
    ok(&db, &["article", "trash", &copy_id]);
    assert!(ok(&db, &["article", "empty-trash"]).starts_with("1 "));
    assert!(
        !nd(&db, &["article", "show", &copy_id]).status.success(),
        "deleted for good"
    );
    ok(&db, &["db", "check"]);
}

#[test]
fn list_filters_by_type() {
    let (_dir, db) = with_samples();
    let meldungen = json(&db, &["article", "list", "--type", "meldung", "--json"]);
    let all = json(&db, &["article", "list", "--json"]);
    let expected = all
        .as_array()
        .expect("list")
        .iter()
        .filter(|a| {
            a["type"]
                .as_str()
                .is_some_and(|t| t.eq_ignore_ascii_case("Meldung"))
        })
        .count();
    assert_eq!(meldungen.as_array().map(Vec::len), Some(expected));
}

#[test]
fn relate_links_articles_in_order_and_refuses_unknown_ones() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db);
    let others: Vec<i64> = json(&db, &["article", "list", "--json"])
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|a| a["id"].as_i64())
        .filter(|other| *other != id)
        .take(2)
        .collect();
    let (a, b) = (others[0].to_string(), others[1].to_string());
    ok(&db, &["article", "relate", &id.to_string(), &b, &a]);
    let shown = json(&db, &["article", "show", &id.to_string(), "--json"]);
    assert_eq!(
        shown["related"],
        serde_json::json!([others[1], others[0]]),
        "in the given order"
    );
    assert!(
        !nd(&db, &["article", "relate", &id.to_string(), "99999"])
            .status
            .success()
    );
    assert!(
        !nd(
            &db,
            &["article", "relate", &id.to_string(), &id.to_string()]
        )
        .status
        .success()
    );
    ok(&db, &["article", "relate", &id.to_string()]);
    assert_eq!(
        json(&db, &["article", "show", &id.to_string(), "--json"])["related"],
        serde_json::json!([])
    );
}
