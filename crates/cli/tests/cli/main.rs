//! The `newsdesk` binary as scripts use it: real processes on real library files.

mod articles;
mod backups;
mod crash;
mod db;
mod desk;
mod export;
mod full_disk;
mod hostile;
mod images;
mod leftovers;
mod long_words;
mod nesting;
mod portals;
mod search;
mod settings;
mod shared_desk;
mod tags;
mod templates;
mod tmpfs;
mod writing;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

pub fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-articles")
}

/// Runs `newsdesk --db <db> args…`.
pub fn nd(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("NEWSDESK_DB")
        .output()
        .expect("the newsdesk binary runs")
}

/// Runs and insists on success; returns stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = nd(db, args);
    assert!(
        out.status.success(),
        "newsdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

pub fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let text = ok(db, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}"))
}

/// A library with the six sample articles; returns (temp dir, db path).
pub fn with_samples() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    let samples = samples();
    ok(
        &db,
        &["article", "import", samples.to_str().expect("utf-8 path")],
    );
    (dir, db)
}

pub fn seed_id(db: &Path) -> i64 {
    let list = json(db, &["article", "list", "--json"]);
    list.as_array()
        .expect("list is an array")
        .iter()
        .find(|a| a["title"] == "Zweites Digitalisierungskabinett")
        .and_then(|a| a["id"].as_i64())
        .expect("the seed article is listed")
}
