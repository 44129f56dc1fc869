use crate::{json, nd, ok, seed_id, with_samples};

#[test]
fn import_prints_one_id_per_article() {
    let (_dir, db) = with_samples();
    let list = json(&db, &["article", "list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(6));
}

#[test]
fn list_json_uses_the_front_matter_names() {
    let (_dir, db) = with_samples();
    let list = json(&db, &["article", "list", "--json"]);
    let seed = &list.as_array().expect("array")[5];
    for key in [
        "id",
        "kicker",
        "title",
        "type",
        "section",
        "date",
        "author",
        "teaser",
        "tags",
        "status",
        "created_at",
        "updated_at",
    ] {
        assert!(
            seed.get(key).is_some(),
            "field {key} is part of the contract: {seed}"
        );
    }
    assert_eq!(seed["date"], "2018-12-13", "oldest last");
    assert_eq!(seed["status"], "draft", "imports start as drafts");
}

#[test]
fn list_filters_by_status_section_and_tag() {
    let (_dir, db) = with_samples();
    let count = |args: &[&str]| json(&db, args).as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(
        count(&["article", "list", "--json", "--status", "draft"]),
        6
    );
    assert_eq!(
        count(&["article", "list", "--json", "--status", "published"]),
        0
    );
    assert_eq!(
        count(&["article", "list", "--json", "--section", "Politik"]),
        6
    );
    assert_eq!(
        count(&["article", "list", "--json", "--tag", "hartmut schubert"]),
        1
    );
    let bad = nd(&db, &["article", "list", "--status", "fertig"]);
    assert!(!bad.status.success(), "an unknown status is refused");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("draft, ready"),
        "and the choices named"
    );
}

#[test]
fn show_has_json_markdown_and_text_forms() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db).to_string();
    let article = json(&db, &["article", "show", &id, "--json"]);
    assert_eq!(article["images"][0]["credit"], "Thüringer Staatskanzlei");
    assert_eq!(article["links"][1]["url"], "http://www.thueringen.de");
    let md = ok(&db, &["article", "show", &id, "--md"]);
    assert!(
        md.starts_with("---\nkicker: Thüringen\n"),
        "front matter first: {md}"
    );
    let text = ok(&db, &["article", "show", &id]);
    assert!(
        text.contains("Bildquelle: Thüringer Staatskanzlei")
            && text.contains("Stichwörter: Politik"),
        "{text}"
    );
}

#[test]
fn export_and_reimport_give_the_same_article() {
    let (dir, db) = with_samples();
    let id = seed_id(&db).to_string();
    let file = dir.path().join("out.md");
    ok(
        &db,
        &[
            "article",
            "export",
            &id,
            "--format",
            "md",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    let other = dir.path().join("other.sqlite");
    let new_id = ok(
        &other,
        &["article", "import", file.to_str().expect("utf-8")],
    );
    let a = json(&db, &["article", "show", &id, "--json"]);
    let b = json(&other, &["article", "show", new_id.trim(), "--json"]);
    for key in [
        "kicker", "title", "type", "section", "date", "author", "teaser", "tags", "images",
        "links", "body", "extra",
    ] {
        assert_eq!(a[key], b[key], "{key} changed in the round trip");
    }
    let bad = nd(
        &db,
        &["article", "export", &id, "--format", "docx", "-o", "x.docx"],
    );
    assert!(!bad.status.success());
}

#[test]
fn a_broken_file_is_named_and_the_rest_of_the_batch_imports() {
    let (dir, db) = with_samples();
    let folder = dir.path().join("batch");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("bad.md"), "---\ntitle: [unclosed\n---\nbody\n").expect("write");
    std::fs::write(
        folder.join("datum.md"),
        "---\ntitle: X\ndate: 31.12.2024\n---\n",
    )
    .expect("write");
    std::fs::write(folder.join("good.md"), "---\ntitle: Gut\n---\n").expect("write");
    let out = nd(&db, &["article", "import", folder.to_str().expect("utf-8")]);
    assert!(
        !out.status.success(),
        "a batch with broken files exits non-zero"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.md:"), "names the file: {stderr}");
    assert!(
        stderr.contains("datum.md:3: 'date: 31.12.2024' is not a date"),
        "line and reason: {stderr}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "the good file was stored"
    );
    assert_eq!(
        json(&db, &["article", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(7)
    );
}

#[test]
fn history_and_restore() {
    let (_dir, db) = with_samples();
    let id = seed_id(&db).to_string();
    let history = json(&db, &["article", "history", &id, "--json"]);
    assert_eq!(history[0]["revision"], 1);
    let restored = json(
        &db,
        &["article", "restore", &id, "--revision", "1", "--json"],
    );
    assert_eq!(restored["revision"], 2, "a restore is a new revision");
    let history = json(&db, &["article", "history", &id, "--json"]);
    assert_eq!(history.as_array().map(Vec::len), Some(2));
    let missing = nd(&db, &["article", "restore", &id, "--revision", "9"]);
    assert!(!missing.status.success());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr}");
    assert!(stderr.contains("has no revision 9"), "{stderr}");
}
