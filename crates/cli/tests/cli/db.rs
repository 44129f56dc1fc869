use crate::{json, nd, ok, with_samples};

#[test]
fn check_backup_and_restore_the_library() {
    let (dir, db) = with_samples();
    assert!(ok(&db, &["db", "check"]).starts_with("ok"));
    let backup = dir.path().join("backup.sqlite");
    let backup_s = backup.to_str().expect("utf-8");
    ok(&db, &["db", "backup", backup_s]);
    assert!(
        !nd(&db, &["db", "backup", backup_s]).status.success(),
        "never overwrites"
    );
    let file = dir.path().join("extra.md");
    std::fs::write(&file, "---\ntitle: Später\n---\n").expect("write");
    ok(&db, &["article", "import", file.to_str().expect("utf-8")]);
    assert_eq!(
        json(&db, &["article", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(7)
    );
    ok(&db, &["db", "restore", backup_s]);
    assert_eq!(
        json(&db, &["article", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(6),
        "back to the backup"
    );
    let info = json(&db, &["db", "info", "--json"]);
    assert_eq!(info["articles"], 6);
}

#[test]
fn a_newer_library_is_refused_with_words() {
    let (_dir, db) = with_samples();
    let conn = rusqlite::Connection::open(&db).expect("raw open");
    conn.pragma_update(None, "user_version", 99)
        .expect("pretend a newer schema");
    drop(conn);
    let out = nd(&db, &["article", "list"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer version of Newsdesk"));
}

#[test]
fn db_info_says_what_each_part_of_the_library_takes_on_disk() {
    let (_dir, db) = with_samples();
    json(&db, &["search", "digitalisierung", "--json"]);
    let info = json(&db, &["db", "info", "--json"]);
    let sizes = &info["sizes"];
    let bytes = |key: &str| {
        sizes[key]
            .as_u64()
            .unwrap_or_else(|| panic!("sizes.{key} is a number of bytes: {sizes}"))
    };
    assert!(
        bytes("articles") > 0,
        "the six articles take space: {sizes}"
    );
    assert!(
        bytes("search_index") > 0,
        "the search index is beside it: {sizes}"
    );
    for key in [
        "revisions",
        "images",
        "tags",
        "publishing",
        "other",
        "free",
        "wal",
        "media",
        "renditions",
    ] {
        bytes(key);
    }
    let tables = [
        "articles",
        "revisions",
        "images",
        "tags",
        "publishing",
        "other",
        "free",
    ]
    .iter()
    .map(|k| bytes(k))
    .sum::<u64>();
    assert!(
        tables <= bytes("file"),
        "the parts of the file add up to no more than the file: {sizes}"
    );
    assert_eq!(
        bytes("total"),
        bytes("file") + bytes("wal") + bytes("search_index") + bytes("media"),
        "the total is everything: {sizes}"
    );
    let text = String::from_utf8_lossy(&crate::nd(&db, &["db", "info"]).stdout).to_string();
    assert!(
        text.contains("on disk"),
        "the plain form lists the sizes too: {text}"
    );
}

#[test]
fn compact_gives_the_space_of_an_emptied_trash_back_and_keeps_the_library_whole() {
    let (dir, db) = with_samples();
    let folder = dir.path().join("many");
    std::fs::create_dir(&folder).expect("folder");
    for n in 0..40 {
        let words: Vec<String> = (0..5_000)
            .map(|w| format!("Wort{}x{n}", w * 7919 % 10007))
            .collect();
        std::fs::write(
            folder.join(format!("{n:03}.md")),
            format!("---\ntitle: Wegwerfmeldung {n}\n---\n{}\n", words.join(" ")),
        )
        .expect("article");
    }
    ok(&db, &["article", "import", folder.to_str().expect("utf-8")]);
    let listed = json(&db, &["article", "list", "--json", "--limit", "1000"]);
    for article in listed.as_array().expect("list") {
        if article["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Wegwerfmeldung"))
        {
            ok(&db, &["article", "trash", &article["id"].to_string()]);
        }
    }
    ok(&db, &["article", "empty-trash"]);
    let sizes = json(&db, &["db", "compact", "--json"]);
    let (before, after) = (
        sizes["before"].as_u64().expect("before in bytes"),
        sizes["after"].as_u64().expect("after in bytes"),
    );
    assert!(
        after < before,
        "the emptied trash's pages went back to the disk: {before} → {after} bytes"
    );
    assert!(
        ok(&db, &["db", "check"]).starts_with("ok"),
        "the library is whole"
    );
    assert_eq!(
        json(&db, &["article", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(6),
        "the six articles are still there"
    );
    assert!(
        !json(&db, &["search", "digitalisierung", "--json"])
            .as_array()
            .expect("hits")
            .is_empty(),
        "and found"
    );
    assert!(ok(&db, &["db", "compact"]).contains("library compacted"));
}
