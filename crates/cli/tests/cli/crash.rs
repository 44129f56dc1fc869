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
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(["article", "import"])
            .arg(&folder)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("writer starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
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
    let list = json(&db, &["article", "list", "--json"]);
    let stored: std::collections::HashMap<i64, String> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().expect("id"),
                a["title"].as_str().expect("title").to_string(),
            )
        })
        .collect();
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
