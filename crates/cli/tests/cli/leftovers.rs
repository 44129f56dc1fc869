//! A picture import killed while it writes (`kill -9`) leaves a temporary file in the
//! pictures' folder; `db check` finds and removes it — but never one that an import running
//! now is writing (it holds the folder's writers lock).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::tmpfs::{files_under, pictures};
use crate::{BIN, json, ok};

fn temporary(media: &Path) -> Vec<String> {
    files_under(media)
        .into_iter()
        .filter(|f| f.ends_with(".part"))
        .collect()
}

#[test]
fn kill_9_of_a_picture_import_leaves_a_leftover_that_db_check_removes() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    // Large pictures: each takes a while to write, so the kill finds one half-written.
    let source = dir.path().join("fotos");
    pictures(&source, 4, 3000, 2200);
    let media = db.with_extension("media");
    let mut caught = false;
    for _ in 0..20 {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(["image", "import"])
            .arg(&source)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the import starts");
        // A generous bound, so that a regression fails instead of hanging.
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if !temporary(&media).is_empty() {
                child.kill().expect("SIGKILL the import");
                caught = true;
                break;
            }
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.kill();
        child.wait().expect("reaped");
        if caught && !temporary(&media).is_empty() {
            break;
        }
        caught = false;
        // It finished (or died between files): start again from an empty picture store.
        let _ = std::fs::remove_dir_all(&media);
        let _ = std::fs::remove_file(&db);
    }
    let left = temporary(&media);
    assert!(caught && !left.is_empty(), "the kill left a temporary file");

    let report = json(&db, &["db", "check", "--json"]);
    let removed: Vec<String> = report["removed"]
        .as_array()
        .expect("removed is a list")
        .iter()
        .map(|r| r["path"].as_str().expect("path").to_string())
        .collect();
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["import_running"], false, "{report}");
    for file in &left {
        assert!(
            removed.iter().any(|r| r.ends_with(file.as_str())),
            "{file} is reported removed: {report}"
        );
    }
    assert!(temporary(&media).is_empty(), "and really gone");
    assert!(
        report["removed"][0]["bytes"].as_u64().is_some(),
        "with its size: {report}"
    );
    // The import, run again, completes.
    ok(&db, &["image", "import", source.to_str().expect("utf-8")]);
    assert_eq!(
        json(&db, &["image", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(4)
    );
}

#[test]
fn db_check_leaves_alone_the_temporary_file_of_an_import_that_is_writing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let picture = crate::images::fixtures().join("made/iim-utf8.jpg");
    ok(&db, &["image", "import", picture.to_str().expect("utf-8")]);
    let media = db.with_extension("media");
    let writing = media.join("originals/ab/.newsdesk-Ab12Cd.part");
    std::fs::create_dir_all(writing.parent().expect("folder")).expect("folder");
    std::fs::write(&writing, b"half a picture").expect("temporary file");
    // A writer at work holds the folder's lock shared, as an import does while it writes.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(media.join(".writers.lock"))
        .expect("the writers' lock");
    lock.lock_shared().expect("held shared");

    let report = json(&db, &["db", "check", "--json"]);
    assert_eq!(report["import_running"], true, "{report}");
    assert_eq!(report["removed"], serde_json::json!([]), "{report}");
    assert!(writing.exists(), "the file being written stays");
    let text = ok(&db, &["db", "check"]);
    assert!(text.contains("import is writing"), "says so: {text}");

    drop(lock);
    let report = json(&db, &["db", "check", "--json"]);
    assert_eq!(report["import_running"], false, "{report}");
    assert_eq!(
        report["removed"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    assert!(!writing.exists(), "the writer gone, the leftover goes");
    // The pictures themselves stay.
    let id = json(&db, &["image", "list", "--json"])[0]["id"].to_string();
    let out = dir.path().join("out.jpg");
    ok(
        &db,
        &["image", "export", &id, "-o", out.to_str().expect("utf-8")],
    );
}
