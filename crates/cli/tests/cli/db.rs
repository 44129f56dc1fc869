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
