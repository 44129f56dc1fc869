//! Crash safety: `kill -9` of a writer at any moment loses no acknowledged save and never
//! damages the file.
//!
//! A writer process imports a burst of articles and prints each id once it is committed;
//! the test kills it after a varying number of acknowledgements (and sometimes mid-commit),
//! repeatedly, then checks that every acknowledged article is there with its own title and
//! that SQLite's integrity check and the search index check pass.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::{BIN, json, ok};

const ROUNDS: usize = 8;
const FILES_PER_ROUND: usize = 600;

fn write_burst(dir: &Path, round: usize) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let body = "Die Landesregierung hat die Verwaltungsdigitalisierung beschlossen. ".repeat(20);
    for n in 0..FILES_PER_ROUND {
        let text = format!(
            "---\ntitle: Runde {round} Artikel {n:04}\nsection: Politik\ntags: [Crash, Runde {round}]\n---\n{body}\n"
        );
        std::fs::write(dir.join(format!("{n:04}.md")), text).expect("write article");
    }
}

#[test]
fn kill_9_mid_burst_loses_no_acknowledged_save() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("crash.sqlite");
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    // Kill points spread over the burst: early, between batches, mid-batch, late.
    let kill_after = [1usize, 150, 199, 200, 333, 401, 555, 17];
    for (round, &after) in kill_after.iter().enumerate().take(ROUNDS) {
        let folder = dir.path().join(format!("round{round}"));
        write_burst(&folder, round);
        let (mut child, mut lines) = start_import(&db, &folder);
        let mut seen = 0;
        while seen < after {
            match lines.next() {
                Some(Ok(line)) => {
                    let id: i64 = line.trim().parse().expect("import prints numeric ids");
                    // Files are imported in name order, so the n-th id is file n.
                    acknowledged.push((id, format!("Runde {round} Artikel {seen:04}")));
                    seen += 1;
                }
                _ => break,
            }
        }
        if round % 2 == 1 {
            // Let the writer run into its next commit before the kill.
            std::thread::sleep(Duration::from_millis(15));
        }
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap the writer");
        // Whatever it printed before dying was committed too.
        for line in lines.map_while(Result::ok) {
            let id: i64 = line.trim().parse().expect("numeric id");
            acknowledged.push((id, format!("Runde {round} Artikel {seen:04}")));
            seen += 1;
        }
    }
    assert!(
        acknowledged.len() > 1000,
        "the test really wrote in bursts: {}",
        acknowledged.len()
    );

    ok(&db, &["db", "check"]);
    let stored = stored_titles(&db);
    for (id, title) in &acknowledged {
        assert_eq!(
            stored.get(id),
            Some(title),
            "acknowledged article {id} ({title}) must survive kill -9"
        );
    }
    let conn = rusqlite::Connection::open(&db).expect("raw open");
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(verdict, "ok", "the file is never corrupted");
}

/// Titles of every article in the library, by id.
fn stored_titles(db: &Path) -> std::collections::HashMap<i64, String> {
    json(db, &["article", "list", "--json"])
        .as_array()
        .expect("array")
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().expect("id"),
                a["title"].as_str().expect("title").to_string(),
            )
        })
        .collect()
}

/// Starts `newsdesk article import FOLDER` and returns it with its stdout lines.
fn start_import(
    db: &Path,
    folder: &Path,
) -> (
    std::process::Child,
    std::io::Lines<BufReader<std::process::ChildStdout>>,
) {
    let mut child = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["article", "import"])
        .arg(folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("writer starts");
    let stdout = child.stdout.take().expect("piped stdout");
    (child, BufReader::new(stdout).lines())
}

/// Two writers on one library (the app and the CLI is the normal case), each killed at a
/// different moment: every save either of them acknowledged is there.
#[test]
fn kill_9_of_concurrent_writers_loses_no_acknowledged_save() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("two.sqlite");
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    for (round, (kill_a, kill_b)) in [(50usize, 420usize), (333, 10), (199, 201)]
        .into_iter()
        .enumerate()
    {
        let mut readers = Vec::new();
        for (writer, kill_after) in [("a", kill_a), ("b", kill_b)] {
            let folder = dir.path().join(format!("r{round}{writer}"));
            std::fs::create_dir_all(&folder).expect("mkdir");
            for n in 0..FILES_PER_ROUND {
                std::fs::write(
                    folder.join(format!("{n:04}.md")),
                    format!("---\ntitle: {writer}{round} {n:04}\n---\nText {n}\n"),
                )
                .expect("write");
            }
            let (child, lines) = start_import(&db, &folder);
            readers.push(std::thread::spawn(move || {
                let mut child = child;
                let mut got = Vec::new();
                let mut lines = lines;
                while got.len() < kill_after {
                    match lines.next() {
                        Some(Ok(line)) => got.push(line),
                        _ => break,
                    }
                }
                child.kill().expect("SIGKILL");
                child.wait().expect("reap");
                got.extend(lines.map_while(Result::ok));
                (writer, got)
            }));
        }
        for reader in readers {
            let (writer, ids) = reader.join().expect("reader thread");
            for (n, line) in ids.iter().enumerate() {
                let id: i64 = line.trim().parse().expect("numeric id");
                acknowledged.push((id, format!("{writer}{round} {n:04}")));
            }
        }
    }
    assert!(
        acknowledged.len() > 500,
        "both wrote: {}",
        acknowledged.len()
    );
    ok(&db, &["db", "check"]);
    let stored = stored_titles(&db);
    for (id, title) in &acknowledged {
        assert_eq!(stored.get(id), Some(title), "acknowledged {id} survives");
    }
}

/// A restore killed at any moment leaves the library whole: as it was, or as the backup.
#[test]
fn kill_9_during_restore_leaves_the_old_or_the_restored_library() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("restore.sqlite");
    let folder = dir.path().join("many");
    write_burst(&folder, 0);
    ok(&db, &["article", "import", folder.to_str().expect("utf-8")]);
    let backup = dir.path().join("backup.sqlite");
    ok(&db, &["db", "backup", backup.to_str().expect("utf-8")]);
    let in_backup = stored_titles(&db);
    let mut restored = 0;
    for (round, delay_ms) in [0u64, 20, 80, 200, 350, 500, 2000].into_iter().enumerate() {
        // Something written after the backup, acknowledged before the restore starts.
        let extra = dir.path().join(format!("extra{round}.md"));
        std::fs::write(
            &extra,
            format!("---\ntitle: Nach dem Backup {round}\n---\n"),
        )
        .expect("write");
        let printed = ok(&db, &["article", "import", extra.to_str().expect("utf-8")]);
        let extra_id: i64 = printed.trim().parse().expect("id");
        let before = stored_titles(&db);
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(["db", "restore"])
            .arg(&backup)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("restore starts");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("SIGKILL the restore");
        let finished = child.wait().expect("reap").success();
        ok(&db, &["db", "check"]);
        let after = stored_titles(&db);
        if after == in_backup {
            restored += 1;
        } else {
            assert!(
                finished || after == before,
                "round {round}: a mixture of old and new"
            );
            assert_eq!(
                after, before,
                "round {round}: the library is the old one, whole"
            );
            assert!(after.contains_key(&extra_id));
        }
    }
    eprintln!("{restored} of 7 restores completed before the kill");
    assert!(
        restored < 7,
        "at least one restore was killed before it finished"
    );
}
